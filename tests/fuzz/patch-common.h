/*
 * Shared by the three patch fuzz targets (fuzz-json-patch.c, fuzz-merge-patch.c,
 * fuzz-strategic-patch.c): how an input becomes an original object and a patch body, the
 * Pod patch metadata that strategic merge patches are applied with, and the invariants
 * every ck_patch_apply call must keep (src/api/patch.h).
 *
 * Input: when it holds a NUL byte, the bytes before the first NUL are the original object
 * and the rest is the patch; otherwise the whole input is the patch, applied to a Pod.
 * Inputs whose original is not a JSON object are rejected (-1): the API server only ever
 * patches stored objects.
 *
 * Invariants: ck_patch_apply returns 0 with a JSON object, or -1 with an error of one of the
 * documented statuses and *out untouched; the original is never modified; a result dumps
 * to text that parses back to an equal object (nested no deeper than jansson's parser
 * reads, as patch.h promises, so that it can be stored and read again).
 */
#ifndef CK_TESTS_FUZZ_PATCH_COMMON_H
#define CK_TESTS_FUZZ_PATCH_COMMON_H

#include <jansson.h>

#include "base/compat.h"

#include "api/patch.h"
#include "base/buf.h"
#include "base/error.h"
#include "base/json.h"

#include "fuzz.h"

/* A Pod with every list the Pod schema below merges, as kubectl would get it back. */
static const char fuzz_pod[] =
        "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"web-0\","
        "\"namespace\":\"default\",\"uid\":\"8d1c1b8e-1111-4c3e-9d1e-0a5b2f7c9e01\","
        "\"resourceVersion\":\"1042\",\"labels\":{\"app\":\"web\",\"tier\":\"frontend\"},"
        "\"annotations\":{\"example.com/owner\":\"team-a\"},\"finalizers\":[\"example.com/"
        "protect\"],\"ownerReferences\":[{\"apiVersion\":\"apps/v1\",\"kind\":\"ReplicaSet\","
        "\"name\":\"web-6d4cf56db6\",\"uid\":\"0f2c9a3e-2222-4b1d-8c3e-1b2c3d4e5f60\","
        "\"controller\":true}]},\"spec\":{\"volumes\":[{\"name\":\"data\",\"emptyDir\":{}},"
        "{\"name\":\"config\",\"configMap\":{\"name\":\"web-config\"}}],\"initContainers\":[{"
        "\"name\":\"init\",\"image\":\"busybox:1.36\",\"command\":[\"sh\",\"-c\",\"true\"]}],"
        "\"containers\":[{\"name\":\"nginx\",\"image\":\"nginx:1.25\",\"ports\":[{"
        "\"containerPort\":80,\"protocol\":\"TCP\"},{\"containerPort\":443,\"protocol\":"
        "\"TCP\"}],\"env\":[{\"name\":\"MODE\",\"value\":\"prod\"},{\"name\":\"LEVEL\","
        "\"value\":\"info\"}],\"resources\":{\"requests\":{\"cpu\":\"100m\",\"memory\":"
        "\"128Mi\"}},\"volumeMounts\":[{\"name\":\"data\",\"mountPath\":\"/data\"}]},{"
        "\"name\":\"sidecar\",\"image\":\"busybox:1.36\",\"args\":[\"sleep\",\"3600\"]}],"
        "\"imagePullSecrets\":[{\"name\":\"registry\"}],\"tolerations\":[{\"key\":\"node."
        "kubernetes.io/not-ready\",\"operator\":\"Exists\",\"effect\":\"NoExecute\","
        "\"tolerationSeconds\":300}],\"nodeName\":\"node-1\"},\"status\":{\"phase\":\"Running\","
        "\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\"},{\"type\":\"PodScheduled\","
        "\"status\":\"True\"}],\"podIP\":\"10.244.0.5\",\"podIPs\":[{\"ip\":\"10.244.0.5\"}]}}";

/*
 * The Pod's patch metadata, as tests/unit/api/test-patch.c has it from the struct tags of
 * k8s.io/api core/v1 and apimachinery meta/v1 (patchStrategy, patchMergeKey).
 */
struct fuzz_field_meta {
	const char *path;
	unsigned strategy;
	const char *merge_key;
};

#define FUZZ_M  CK_PATCH_STRATEGY_MERGE
#define FUZZ_RK CK_PATCH_STRATEGY_RETAIN_KEYS

static const struct fuzz_field_meta fuzz_pod_fields[] = {
        {"metadata.finalizers", FUZZ_M, NULL},
        {"metadata.ownerReferences", FUZZ_M, "uid"},
        {"spec.volumes", FUZZ_M | FUZZ_RK, "name"},
        {"spec.initContainers", FUZZ_M, "name"},
        {"spec.containers", FUZZ_M, "name"},
        {"spec.ephemeralContainers", FUZZ_M, "name"},
        {"spec.imagePullSecrets", FUZZ_M, "name"},
        {"spec.hostAliases", FUZZ_M, "ip"},
        {"spec.topologySpreadConstraints", FUZZ_M, "topologyKey"},
        {"spec.schedulingGates", FUZZ_M, "name"},
        {"spec.resourceClaims", FUZZ_M | FUZZ_RK, "name"},
        {"status.conditions", FUZZ_M, "type"},
        {"status.podIPs", FUZZ_M, "ip"},
        {"status.hostIPs", FUZZ_M, "ip"},
};

/* Fields of a container, under each of the three container lists. */
static const struct fuzz_field_meta fuzz_container_fields[] = {
        {"ports", FUZZ_M, "containerPort"},
        {"env", FUZZ_M, "name"},
        {"volumeMounts", FUZZ_M, "mountPath"},
        {"volumeDevices", FUZZ_M, "devicePath"},
};

static bool fuzz_pod_lookup(const void *ctx, const char *path, struct ck_patch_field *out)
{
	static const char *const lists[] = {"spec.containers[].", "spec.initContainers[].",
	                                    "spec.ephemeralContainers[]."};
	const char *rest;

	(void)ctx;
	for (size_t i = 0; i < CK_ARRAY_SIZE(fuzz_pod_fields); i++) {
		if (!strcmp(path, fuzz_pod_fields[i].path)) {
			out->strategy = fuzz_pod_fields[i].strategy;
			out->merge_key = fuzz_pod_fields[i].merge_key;
			return true;
		}
	}
	for (size_t i = 0; i < CK_ARRAY_SIZE(lists); i++) {
		if (!ck_str_skip_prefix(path, lists[i], &rest))
			continue;
		for (size_t j = 0; j < CK_ARRAY_SIZE(fuzz_container_fields); j++) {
			if (!strcmp(rest, fuzz_container_fields[j].path)) {
				out->strategy = fuzz_container_fields[j].strategy;
				out->merge_key = fuzz_container_fields[j].merge_key;
				return true;
			}
		}
	}
	return false;
}

static const struct ck_patch_schema fuzz_pod_schema = {fuzz_pod_lookup, NULL};

/* The result dumps and parses back to an equal object. */
static void fuzz_check_storable(const json_t *out)
{
	struct ck_error *err = NULL;
	struct ck_buf b = CK_BUF_INIT;
	json_t *again;

	if (ck_json_dump_buf(out, &b, false, &err) < 0)
		FUZZ_CHECKF(0, "a patch result does not dump: %s", err->msg);
	again = ck_json_parse(b.data, b.len, &err);
	FUZZ_CHECKF(again, "a patch result does not parse again: %s", err->msg);
	FUZZ_CHECK(json_equal(out, again));
	json_decref(again);
	ck_buf_release(&b);
}

/*
 * Apply the patch of an input (see above) with type and schema, checking the invariants.
 * Returns -1 for an input to reject, 0 otherwise; on success *out is the result (the
 * caller's), else NULL. *orig_out is the original (the caller's) and *patch, *patch_len the
 * patch bytes (inside data).
 */
static int fuzz_patch_apply(enum ck_patch_type type, const struct ck_patch_schema *schema,
                            const uint8_t *data, size_t size, json_t **orig_out, const char **patch,
                            size_t *patch_len, json_t **out)
{
	const uint8_t *nul = memchr(data, '\0', size);
	json_t *orig, *copy, *res = (json_t *)&res;
	struct ck_error *err = NULL;
	int r;

	*out = NULL;
	if (nul) {
		orig = ck_json_parse_object((const char *)data, (size_t)(nul - data), &err);
		if (!orig) {
			ck_error_free(err);
			return -1;
		}
		*patch = (const char *)nul + 1;
		*patch_len = size - (size_t)(nul - data) - 1;
	} else {
		orig = ck_json_parse_object(fuzz_pod, strlen(fuzz_pod), &err);
		FUZZ_CHECK(orig);
		*patch = (const char *)data;
		*patch_len = size;
	}
	copy = json_deep_copy(orig);
	r = ck_patch_apply(type, orig, *patch, *patch_len, schema, &res, &err);
	FUZZ_CHECKF(json_equal(orig, copy), "the original changed (patch returned %d)", r);
	json_decref(copy);
	if (r == 0) {
		FUZZ_CHECK(!err);
		FUZZ_CHECK(res != (json_t *)&res && json_is_object(res));
		fuzz_check_storable(res);
		*out = res;
	} else {
		FUZZ_CHECK(r == -1 && err && err->msg);
		FUZZ_CHECK(res == (json_t *)&res);
		FUZZ_CHECKF(err->http_status == 400 || err->http_status == 413 ||
		                    err->http_status == 422 || err->http_status == 500,
		            "status %d: %s", err->http_status, err->msg);
		ck_error_free(err);
	}
	*orig_out = orig;
	return 0;
}

#endif
