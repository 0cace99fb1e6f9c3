/*
 * PATCH for the API server (see patch.h): the Content-Type to patch type mapping, and the
 * part of applying a patch that is the same for every type: parsing the body, copying the
 * original so that it is never modified, and checking that the result is an object that
 * can be stored and parsed again. The engines are in patch-json.c, patch-merge.c and
 * patch-strategic.c.
 */
#include "base/compat.h"

#include "api/patch-int.h"
#include "api/patch.h"
#include "base/buf.h"
#include "base/json.h"
#include "base/mem.h"

/* K8S: the order kube-apiserver lists them in its 415 message (endpoints/installer.go). */
static const enum ck_patch_type type_order[] = {
        CK_PATCH_JSON,
        CK_PATCH_MERGE,
        CK_PATCH_STRATEGIC,
        CK_PATCH_APPLY_YAML,
};

const char *ck_patch_media_type(enum ck_patch_type type)
{
	switch (type) {
	case CK_PATCH_JSON:
		return "application/json-patch+json";
	case CK_PATCH_MERGE:
		return "application/merge-patch+json";
	case CK_PATCH_STRATEGIC:
		return "application/strategic-merge-patch+json";
	case CK_PATCH_APPLY_YAML:
		return "application/apply-patch+yaml";
	}
	return "";
}

int ck_patch_parse_type(const char *content_type, unsigned accepted, enum ck_patch_type *out,
                        struct ck_error **err)
{
	const char *ct = content_type ? content_type : "";
	const char *semi = strchr(ct, ';');
	/* K8S: "Remove "; charset=" if included in header", only when ';' is not first. */
	size_t len = semi && semi > ct ? (size_t)(semi - ct) : strlen(ct);
	struct ck_buf list = CK_BUF_INIT;

	for (size_t i = 0; i < CK_ARRAY_SIZE(type_order); i++) {
		const char *mt = ck_patch_media_type(type_order[i]);

		if (!(accepted & CK_PATCH_ACCEPT(type_order[i])))
			continue;
		if (strlen(mt) == len && memcmp(mt, ct, len) == 0) {
			ck_buf_release(&list);
			*out = type_order[i];
			return 0;
		}
		ck_buf_adds(&list, list.len ? ", " : "");
		ck_buf_adds(&list, mt);
	}
	/* K8S: negotiation.NewUnsupportedMediaTypeError(patchTypes), 415 UnsupportedMediaType. */
	ck_error_set(err, 415, CK_REASON_UNSUPPORTED,
	             "the body of the request was in an unknown format - accepted media types "
	             "include: %s",
	             list.data);
	ck_buf_release(&list);
	return -1;
}

bool ck_patch_depth_exceeds(const json_t *v, size_t limit)
{
	const char *key;
	json_t *child;
	size_t i;

	/* Every value is one level, as jansson's parser counts them: a scalar too. */
	if (limit == 0)
		return true;
	if (json_is_object(v)) {
		json_object_foreach((json_t *)v, key, child)
		{
			if (ck_patch_depth_exceeds(child, limit - 1))
				return true;
		}
	} else if (json_is_array(v)) {
		json_array_foreach(v, i, child)
		{
			if (ck_patch_depth_exceeds(child, limit - 1))
				return true;
		}
	}
	return false;
}

json_t *ck_patch_prune_nulls(const json_t *v)
{
	const char *key;
	size_t key_len, i;
	json_t *child, *copy;

	if (json_is_object(v)) {
		copy = json_object();
		json_object_keylen_foreach((json_t *)v, key, key_len, child)
		{
			if (!json_is_null(child))
				json_object_setn_new_nocheck(copy, key, key_len,
				                             ck_patch_prune_nulls(child));
		}
		return copy;
	}
	if (json_is_array(v)) {
		copy = json_array();
		json_array_foreach(v, i, child)
		{
			json_array_append_new(copy, ck_patch_prune_nulls(child));
		}
		return copy;
	}
	return json_deep_copy(v);
}

void ck_patch_quote(struct ck_buf *b, const char *s, size_t len)
{
	enum { MAX_QUOTE = 200 };

	ck_buf_add_utf8(b, s, len > MAX_QUOTE ? MAX_QUOTE : len);
	if (len > MAX_QUOTE)
		ck_buf_adds(b, "...");
}

int ck_patch_apply(enum ck_patch_type type, const json_t *original, const char *patch, size_t len,
                   const struct ck_patch_schema *schema, json_t **out, struct ck_error **err)
{
	json_t *body, *doc;
	int r;

	if (type == CK_PATCH_APPLY_YAML)
		return ck_error_set(err, 500, NULL,
		                    "server-side apply patches are not applied by ck_patch_apply");
	if (type != CK_PATCH_JSON && type != CK_PATCH_MERGE && type != CK_PATCH_STRATEGIC)
		return ck_error_set(err, 500, NULL, "unknown patch type %d", (int)type);
	if (!json_is_object(original))
		return ck_error_set(err, 500, NULL, "cannot patch: the original is not an object");
	/* The engines recurse over the original: bound that before anything else. */
	if (ck_patch_depth_exceeds(original, CK_PATCH_MAX_DEPTH))
		return ck_error_set(err, 500, NULL,
		                    "cannot patch: the original is nested more than %d levels deep",
		                    CK_PATCH_MAX_DEPTH);

	/*
	 * K8S: a body that is not JSON is 400 "invalid JSON patch" (validateAndTranscodePatch).
	 * ckube's parser also refuses duplicate members, where Go would keep the last one.
	 */
	body = ck_json_parse(patch ? patch : "", patch ? len : 0, err);
	if (!body)
		return ck_error_wrap(err, "invalid JSON patch");

	doc = json_deep_copy(original);
	if (!doc)
		CK_BUG("json_deep_copy failed");
	switch (type) {
	case CK_PATCH_JSON:
		r = ck_patch_apply_json(&doc, body, err);
		break;
	case CK_PATCH_MERGE:
		r = ck_patch_apply_merge(&doc, body, err);
		break;
	default:
		r = ck_patch_apply_strategic(&doc, body, schema, err);
		break;
	}
	json_decref(body);
	if (r < 0)
		goto fail;
	/* K8S: a result that does not decode into the kind is 422 Invalid (applyPatchToObject). */
	if (!json_is_object(doc)) {
		r = ck_error_set(err, 422, CK_REASON_INVALID,
		                 "patch: Invalid value: the patched object is not a JSON object");
		goto fail;
	}
	if (ck_patch_depth_exceeds(doc, CK_PATCH_MAX_DEPTH)) {
		r = ck_error_set(err, 422, CK_REASON_INVALID,
		                 "patch: Invalid value: the patched object is nested more than %d "
		                 "levels deep",
		                 CK_PATCH_MAX_DEPTH);
		goto fail;
	}
	*out = doc;
	return 0;

fail:
	json_decref(doc);
	return r;
}
