/*
 * Fuzz target: JSON merge patch, RFC 7386 (application/merge-patch+json: `kubectl scale`,
 * `kubectl label`, `kubectl patch --type merge`), through ck_patch_apply (src/api/patch.h)
 * on a Pod or on an original carried in the input (see patch-common.h for the input
 * layout and the invariants every patch type keeps).
 *
 * Invariant of this type: a merge patch is idempotent: applying it to its own result
 * changes nothing (RFC 7386 §1, and still so with Kubernetes' pruning of nulls).
 */
#include "patch-common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	json_t *orig = NULL, *out, *twice = NULL;
	struct ck_error *err = NULL;
	const char *patch;
	size_t len;

	if (fuzz_patch_apply(CK_PATCH_MERGE, NULL, data, size, &orig, &patch, &len, &out) < 0)
		return -1;
	if (out) {
		if (ck_patch_apply(CK_PATCH_MERGE, out, patch, len, NULL, &twice, &err) < 0)
			FUZZ_CHECKF(0, "applying the patch to its own result fails: %s", err->msg);
		FUZZ_CHECK(json_equal(out, twice));
		json_decref(twice);
	}
	json_decref(out);
	json_decref(orig);
	return 0;
}
