/*
 * Fuzz target: Kubernetes' strategic merge patch (application/strategic-merge-patch+json:
 * `kubectl apply`, `kubectl edit`, `kubectl cordon`, `kubectl set image`), through
 * ck_patch_apply (src/api/patch.h) with the Pod's patch metadata (merge keys for containers,
 * ports, env, volumes, conditions...), on a Pod or on an original carried in the input (see
 * patch-common.h for the input layout and the invariants every patch type keeps). The
 * directives ($patch, $retainKeys, $setElementOrder/, $deleteFromPrimitiveList/) come from
 * the dictionary, strategic-patch.dict.
 *
 * Invariant of this type: without metadata (a NULL schema) the same body applies or fails
 * without crashing either, as for a kind with no merge keys.
 */
#include "patch-common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	json_t *orig = NULL, *out, *plain = NULL;
	struct ck_error *err = NULL;
	const char *patch;
	size_t len;

	if (fuzz_patch_apply(CK_PATCH_STRATEGIC, &fuzz_pod_schema, data, size, &orig, &patch, &len,
	                     &out) < 0)
		return -1;
	if (ck_patch_apply(CK_PATCH_STRATEGIC, orig, patch, len, NULL, &plain, &err) == 0) {
		FUZZ_CHECK(json_is_object(plain));
		fuzz_check_storable(plain);
		json_decref(plain);
	} else {
		FUZZ_CHECK(err);
		ck_error_free(err);
	}
	json_decref(out);
	json_decref(orig);
	return 0;
}
