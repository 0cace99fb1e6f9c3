/*
 * Fuzz target: JSON patch, RFC 6902 (application/json-patch+json: `kubectl patch --type
 * json`), through ck_patch_apply (src/api/patch.h) on a Pod or on an original carried in
 * the input (see patch-common.h for the input layout and the invariants every patch type
 * keeps).
 *
 * Invariant of this type: a patch of more than CK_PATCH_MAX_JSON_OPS operations is 413 and
 * nothing else is (K8S: apiserver handlers/patch.go).
 */
#include "patch-common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	json_t *orig = NULL, *out, *ops;
	struct ck_error *err = NULL, *err2 = NULL;
	const char *patch;
	size_t len;

	if (fuzz_patch_apply(CK_PATCH_JSON, NULL, data, size, &orig, &patch, &len, &out) < 0)
		return -1;
	ops = ck_json_parse(patch, len, &err);
	if (json_is_array(ops) && json_array_size(ops) > CK_PATCH_MAX_JSON_OPS) {
		FUZZ_CHECK(!out);
	} else if (!out) {
		/* Applied again to see the status: 413 only for too many operations. */
		json_t *res = NULL;

		FUZZ_CHECK(ck_patch_apply(CK_PATCH_JSON, orig, patch, len, NULL, &res, &err2) < 0);
		FUZZ_CHECK(err2->http_status != 413);
	}
	ck_error_free(err);
	ck_error_free(err2);
	json_decref(ops);
	json_decref(out);
	json_decref(orig);
	return 0;
}
