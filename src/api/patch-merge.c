/*
 * JSON merge patch, RFC 7386 (application/merge-patch+json): an object merges key by key
 * and recursively, a null member deletes the key, anything else (arrays, scalars) replaces
 * what was there. kubectl sends it for scale, label, annotate and `kubectl patch
 * --type merge`.
 */
#include "base/compat.h"

#include "api/patch-int.h"

/*
 * RFC 7386 MergePatch(target, patch) over a target we own (NULL when absent); returns a
 * new reference. Recursion is bounded by the depth of the patch, which the parser bounds.
 */
static json_t *merge(json_t *target, const json_t *patch)
{
	const char *key;
	size_t key_len;
	json_t *value;

	/*
	 * K8S: a value that replaces has its null members pruned at every depth, inside arrays
	 * too (evanphx/json-patch pruneNulls, which kube-apiserver uses); RFC 7386 keeps nulls
	 * inside an array. A typed decode turns those nulls into unset fields anyway, and ckube
	 * stores what such a decode would.
	 */
	if (!json_is_object(patch))
		return ck_patch_prune_nulls(patch);
	if (json_is_object(target))
		json_incref(target);
	else
		target = json_object();
	json_object_keylen_foreach((json_t *)patch, key, key_len, value)
	{
		if (json_is_null(value)) {
			json_object_deln(target, key, key_len);
			continue;
		}
		json_object_setn_new_nocheck(target, key, key_len,
		                             merge(json_object_getn(target, key, key_len), value));
	}
	return target;
}

int ck_patch_apply_merge(json_t **doc, const json_t *patch, struct ck_error **err)
{
	json_t *result;

	/*
	 * K8S: a patch that is null or a scalar is ErrBadJSONPatch, 400 "Invalid JSON Patch"; an
	 * array replaces the document and fails later as a value of the kind (422).
	 */
	if (!json_is_object(patch) && !json_is_array(patch))
		return ck_error_set(err, 400, CK_REASON_BAD_REQUEST,
		                    "Invalid JSON Patch: a merge patch must be an object");
	result = merge(*doc, patch);
	json_decref(*doc);
	*doc = result;
	return 0;
}
