/*
 * The OpenAPI documents (src/api/openapi.h): the v3 root points at every group version with
 * its hash; the api/v1 and apps/v1 documents hold the served kinds with their
 * group-version-kinds, merge keys, patch strategies and list types, and PATCH operations
 * that declare fieldValidation and dryRun; every $ref of every document resolves; and the
 * v2 protobuf, decoded back here with a small protobuf reader, is the gnostic Document the
 * v2 JSON describes (definitions, extensions as YAML text, paths and their parameters).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>

#include <cmocka.h>

#include "base/compat.h"

#include "api/openapi.h"
#include "api/resource.h"
#include "base/buf.h"
#include "base/json.h"
#include "base/mem.h"

/* ---- helpers ---------------------------------------------------------------------- */

static struct ck_openapi *oa;

static int setup(void **state)
{
	(void)state;
	oa = ck_openapi_new();
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	ck_openapi_free(oa);
	oa = NULL;
	return 0;
}

static json_t *parse_doc(const struct ck_openapi_doc *d)
{
	struct ck_error *err = NULL;
	json_t *j = ck_json_parse(d->data, d->len, &err);

	if (!j)
		fail_msg("document %s does not parse: %s", d->name, err->msg);
	return j;
}

static json_t *v3(const char *gv)
{
	const struct ck_openapi_doc *d = ck_openapi_v3_gv(oa, gv);

	if (!d)
		fail_msg("no v3 document %s", gv);
	return parse_doc(d);
}

/* The parameter called name in an operation's parameters, or NULL. */
static json_t *find_param(json_t *op, const char *name)
{
	size_t i;
	json_t *p;

	json_array_foreach(json_object_get(op, "parameters"), i, p)
	{
		if (!strcmp(json_string_value(json_object_get(p, "name")), name))
			return p;
	}
	return NULL;
}

static void assert_json_eq(json_t *got, const char *want_text)
{
	struct ck_error *err = NULL;
	json_t *want = ck_json_parse(want_text, strlen(want_text), &err);

	assert_non_null(want);
	if (!json_equal(got, want)) {
		ck_autofree char *g = ck_json_dumps(got);

		fail_msg("got %s, want %s", g ? g : "(null)", want_text);
	}
	json_decref(want);
}

/* Every "$ref" under v names a key of defs (prefix stripped). */
static void check_refs(json_t *v, json_t *defs, const char *prefix, size_t *n)
{
	const char *key;
	json_t *e;
	size_t i;

	if (json_is_array(v)) {
		json_array_foreach(v, i, e)
		{
			check_refs(e, defs, prefix, n);
		}
		return;
	}
	if (!json_is_object(v))
		return;
	json_object_foreach(v, key, e)
	{
		if (!strcmp(key, "$ref") && json_is_string(e)) {
			const char *ref = json_string_value(e);

			if (strncmp(ref, prefix, strlen(prefix)) ||
			    !json_object_get(defs, ref + strlen(prefix)))
				fail_msg("dangling $ref %s", ref);
			(*n)++;
		} else {
			check_refs(e, defs, prefix, n);
		}
	}
}

/* ---- v3 --------------------------------------------------------------------------- */

static void test_v3_root(void **state)
{
	(void)state;
	json_t *root = parse_doc(ck_openapi_v3_root(oa));
	json_t *paths = json_object_get(root, "paths");
	const char *key;
	json_t *e;
	size_t n;
	const struct ck_resource *const *rows = ck_api_resources(&n);

	assert_non_null(json_object_get(paths, "api/v1"));
	assert_non_null(json_object_get(paths, "apis/apps/v1"));
	/* Every row's group version is there. */
	for (size_t i = 0; i < n; i++) {
		char gv[160];

		if (*rows[i]->group)
			snprintf(gv, sizeof(gv), "apis/%s/%s", rows[i]->group, rows[i]->version);
		else
			snprintf(gv, sizeof(gv), "api/%s", rows[i]->version);
		if (!json_object_get(paths, gv))
			fail_msg("no v3 root entry for %s", gv);
	}
	json_object_foreach(paths, key, e)
	{
		const struct ck_openapi_doc *d = ck_openapi_v3_gv(oa, key);
		ck_autofree char *want = NULL;

		assert_non_null(d);
		assert_int_equal(strlen(d->etag), 128);
		want = ck_xasprintf("/openapi/v3/%s?hash=%s", key, d->etag);
		assert_string_equal(json_string_value(json_object_get(e, "serverRelativeURL")),
		                    want);
	}
	assert_null(ck_openapi_v3_gv(oa, "apis/nosuch/v1"));
	json_decref(root);
}

static void test_v3_core_pod(void **state)
{
	(void)state;
	json_t *doc = v3("api/v1");
	json_t *schemas = json_object_get(json_object_get(doc, "components"), "schemas");
	json_t *pod = json_object_get(schemas, "io.k8s.api.core.v1.Pod");
	json_t *spec = json_object_get(schemas, "io.k8s.api.core.v1.PodSpec");
	json_t *containers = json_object_get(json_object_get(spec, "properties"), "containers");
	json_t *required = json_object_get(spec, "required");
	bool has_containers = false;
	size_t i;
	json_t *e;

	assert_string_equal(json_string_value(json_object_get(doc, "openapi")), "3.0.0");
	assert_non_null(pod);
	assert_json_eq(json_object_get(pod, "x-kubernetes-group-version-kind"),
	               "[{\"group\":\"\",\"kind\":\"Pod\",\"version\":\"v1\"}]");
	assert_json_eq(json_object_get(json_object_get(pod, "properties"), "spec"),
	               "{\"$ref\":\"#/components/schemas/io.k8s.api.core.v1.PodSpec\"}");
	assert_json_eq(json_object_get(json_object_get(schemas, "io.k8s.api.core.v1.PodList"),
	                               "x-kubernetes-group-version-kind"),
	               "[{\"group\":\"\",\"kind\":\"PodList\",\"version\":\"v1\"}]");
	/* K8S: PodSpec.containers: patchMergeKey name, patchStrategy merge, +listType=map. */
	assert_json_eq(containers, "{\"type\":\"array\",\"items\":{\"$ref\":"
	                           "\"#/components/schemas/io.k8s.api.core.v1.Container\"},"
	                           "\"x-kubernetes-patch-merge-key\":\"name\","
	                           "\"x-kubernetes-patch-strategy\":\"merge\","
	                           "\"x-kubernetes-list-type\":\"map\","
	                           "\"x-kubernetes-list-map-keys\":[\"name\"]}");
	json_array_foreach(required, i, e)
	{
		has_containers |= !strcmp(json_string_value(e), "containers");
	}
	assert_true(has_containers);
	/* volumes: merge,retainKeys. */
	assert_string_equal(json_string_value(json_object_get(
	                            json_object_get(json_object_get(spec, "properties"), "volumes"),
	                            "x-kubernetes-patch-strategy")),
	                    "merge,retainKeys");
	/* Scalars and the special types. */
	assert_json_eq(
	        json_object_get(json_object_get(spec, "properties"), "activeDeadlineSeconds"),
	        "{\"type\":\"integer\",\"format\":\"int64\"}");
	assert_json_eq(json_object_get(schemas, "io.k8s.apimachinery.pkg.util.intstr.IntOrString"),
	               "{\"format\":\"int-or-string\",\"oneOf\":[{\"type\":\"integer\"},"
	               "{\"type\":\"string\"}]}");
	assert_json_eq(json_object_get(schemas, "io.k8s.apimachinery.pkg.api.resource.Quantity"),
	               "{\"oneOf\":[{\"type\":\"string\"},{\"type\":\"number\"}]}");
	assert_json_eq(json_object_get(schemas, "io.k8s.apimachinery.pkg.apis.meta.v1.Time"),
	               "{\"type\":\"string\",\"format\":\"date-time\"}");
	/* K8S: +structType=atomic on LocalObjectReference. */
	assert_string_equal(
	        json_string_value(json_object_get(
	                json_object_get(schemas, "io.k8s.api.core.v1.LocalObjectReference"),
	                "x-kubernetes-map-type")),
	        "atomic");
	/* Secret.data is bytes. */
	assert_json_eq(json_object_get(json_object_get(json_object_get(schemas,
	                                                               "io.k8s.api.core.v1.Secret"),
	                                               "properties"),
	                               "data"),
	               "{\"type\":\"object\",\"additionalProperties\":"
	               "{\"type\":\"string\",\"format\":\"byte\"}}");
	json_decref(doc);
}

static void test_v3_paths(void **state)
{
	(void)state;
	json_t *doc = v3("api/v1");
	json_t *paths = json_object_get(doc, "paths");
	json_t *item = json_object_get(paths, "/api/v1/namespaces/{namespace}/configmaps/{name}");
	json_t *patch = json_object_get(item, "patch");
	json_t *post = json_object_get(
	        json_object_get(paths, "/api/v1/namespaces/{namespace}/configmaps"), "post");

	assert_non_null(patch);
	/* K8S: what kubectl >= 1.27's QueryParamVerifierV3 looks for. */
	assert_json_eq(json_object_get(patch, "x-kubernetes-group-version-kind"),
	               "{\"group\":\"\",\"kind\":\"ConfigMap\",\"version\":\"v1\"}");
	assert_json_eq(find_param(patch, "fieldValidation"),
	               "{\"name\":\"fieldValidation\",\"in\":\"query\","
	               "\"schema\":{\"type\":\"string\",\"uniqueItems\":true}}");
	assert_non_null(find_param(patch, "dryRun"));
	assert_string_equal(json_string_value(json_object_get(patch, "operationId")),
	                    "patchCoreV1NamespacedConfigMap");
	assert_string_equal(json_string_value(json_object_get(patch, "x-kubernetes-action")),
	                    "patch");
	/* K8S (reference §3.4): no strategic-merge-patch requestBody on PATCH. */
	assert_null(json_object_get(patch, "requestBody"));
	assert_non_null(find_param(post, "fieldValidation"));
	assert_json_eq(
	        json_object_get(json_object_get(json_object_get(post, "requestBody"), "content"),
	                        "application/json"),
	        "{\"schema\":{\"$ref\":\"#/components/schemas/io.k8s.api.core.v1.ConfigMap\"}}");
	/* Path-level parameters. */
	assert_json_eq(json_array_get(json_object_get(item, "parameters"), 0),
	               "{\"name\":\"name\",\"in\":\"path\",\"required\":true,"
	               "\"schema\":{\"type\":\"string\"}}");
	/* Status subresource, cluster-scoped kinds, list across namespaces. */
	assert_string_equal(
	        json_string_value(json_object_get(
	                json_object_get(json_object_get(paths,
	                                                "/api/v1/namespaces/{namespace}/pods/"
	                                                "{name}/status"),
	                                "patch"),
	                "operationId")),
	        "patchCoreV1NamespacedPodStatus");
	assert_non_null(json_object_get(paths, "/api/v1/nodes/{name}"));
	assert_string_equal(json_string_value(json_object_get(
	                            json_object_get(json_object_get(paths, "/api/v1/pods"), "get"),
	                            "operationId")),
	                    "listCoreV1PodForAllNamespaces");
	json_decref(doc);
}

static void test_v3_apps(void **state)
{
	(void)state;
	json_t *doc = v3("apis/apps/v1");
	json_t *schemas = json_object_get(json_object_get(doc, "components"), "schemas");
	json_t *spec = json_object_get(schemas, "io.k8s.api.apps.v1.DeploymentSpec");
	json_t *scale =
	        json_object_get(json_object_get(doc, "paths"),
	                        "/apis/apps/v1/namespaces/{namespace}/deployments/{name}/scale");

	assert_json_eq(json_object_get(json_object_get(schemas, "io.k8s.api.apps.v1.Deployment"),
	                               "x-kubernetes-group-version-kind"),
	               "[{\"group\":\"apps\",\"kind\":\"Deployment\",\"version\":\"v1\"}]");
	/* K8S: a $ref with siblings goes into allOf in v3. */
	assert_json_eq(json_object_get(json_object_get(spec, "properties"), "strategy"),
	               "{\"allOf\":[{\"$ref\":"
	               "\"#/components/schemas/io.k8s.api.apps.v1.DeploymentStrategy\"}],"
	               "\"x-kubernetes-patch-strategy\":\"retainKeys\"}");
	/* The pod template's types come along. */
	assert_non_null(json_object_get(schemas, "io.k8s.api.core.v1.PodTemplateSpec"));
	assert_non_null(json_object_get(schemas, "io.k8s.api.core.v1.Container"));
	/* Scale: autoscaling/v1 in the operation's GVK and the definition's. */
	assert_json_eq(
	        json_object_get(json_object_get(scale, "patch"), "x-kubernetes-group-version-kind"),
	        "{\"group\":\"autoscaling\",\"kind\":\"Scale\",\"version\":\"v1\"}");
	assert_string_equal(
	        json_string_value(json_object_get(json_object_get(scale, "get"), "operationId")),
	        "readAppsV1NamespacedDeploymentScale");
	assert_json_eq(json_object_get(json_object_get(schemas, "io.k8s.api.autoscaling.v1.Scale"),
	                               "x-kubernetes-group-version-kind"),
	               "[{\"group\":\"autoscaling\",\"kind\":\"Scale\",\"version\":\"v1\"}]");
	/* Core kinds that are no root here carry no GVK of their own. */
	assert_null(json_object_get(json_object_get(schemas, "io.k8s.api.core.v1.PodTemplateSpec"),
	                            "x-kubernetes-group-version-kind"));
	json_decref(doc);
}

static void test_refs_resolve(void **state)
{
	(void)state;
	json_t *root = parse_doc(ck_openapi_v3_root(oa));
	const char *key;
	json_t *e, *v2;
	size_t nrefs = 0;

	json_object_foreach(json_object_get(root, "paths"), key, e)
	{
		json_t *doc = v3(key);

		check_refs(doc, json_object_get(json_object_get(doc, "components"), "schemas"),
		           "#/components/schemas/", &nrefs);
		json_decref(doc);
	}
	v2 = parse_doc(ck_openapi_v2(oa, false));
	check_refs(v2, json_object_get(v2, "definitions"), "#/definitions/", &nrefs);
	assert_true(nrefs > 1000);
	json_decref(v2);
	json_decref(root);
}

/* ---- v2 --------------------------------------------------------------------------- */

static void test_v2_json(void **state)
{
	(void)state;
	json_t *doc = parse_doc(ck_openapi_v2(oa, false));
	json_t *defs = json_object_get(doc, "definitions");
	json_t *patch = json_object_get(
	        json_object_get(json_object_get(doc, "paths"),
	                        "/apis/apps/v1/namespaces/{namespace}/deployments/{name}"),
	        "patch");

	assert_string_equal(json_string_value(json_object_get(doc, "swagger")), "2.0");
	assert_json_eq(json_object_get(json_object_get(json_object_get(defs, "io.k8s.api.apps.v1."
	                                                                     "DeploymentSpec"),
	                                               "properties"),
	                               "strategy"),
	               "{\"$ref\":\"#/definitions/io.k8s.api.apps.v1.DeploymentStrategy\","
	               "\"x-kubernetes-patch-strategy\":\"retainKeys\"}");
	assert_json_eq(json_object_get(defs, "io.k8s.apimachinery.pkg.util.intstr.IntOrString"),
	               "{\"type\":\"string\",\"format\":\"int-or-string\"}");
	assert_json_eq(find_param(patch, "fieldValidation"),
	               "{\"name\":\"fieldValidation\",\"in\":\"query\",\"type\":\"string\","
	               "\"uniqueItems\":true}");
	/* Both policy versions' PodDisruptionBudgets. */
	assert_non_null(json_object_get(defs, "io.k8s.api.policy.v1.PodDisruptionBudget"));
	assert_non_null(json_object_get(defs, "io.k8s.api.policy.v1beta1.PodDisruptionBudget"));
	json_decref(doc);
}

/* A protobuf field as the reader below returns it. */
struct pbf {
	uint32_t num;
	unsigned wire;
	uint64_t varint;
	const uint8_t *data; /* WIRE_BYTES */
	size_t len;
};

static uint64_t rd_varint(const uint8_t **p, const uint8_t *end)
{
	uint64_t v = 0;

	for (unsigned shift = 0; shift < 64; shift += 7) {
		assert_true(*p < end);
		uint8_t c = *(*p)++;

		v |= (uint64_t)(c & 0x7f) << shift;
		if (!(c & 0x80))
			return v;
	}
	fail_msg("varint too long");
	return 0;
}

/* The next field of [*p, end), or false at the end. Only varint and bytes are used. */
static bool pb_next(const uint8_t **p, const uint8_t *end, struct pbf *f)
{
	uint64_t tag;

	if (*p >= end)
		return false;
	tag = rd_varint(p, end);
	f->num = (uint32_t)(tag >> 3);
	f->wire = tag & 7;
	if (f->wire == 0) {
		f->varint = rd_varint(p, end);
	} else {
		assert_int_equal(f->wire, 2);
		f->len = rd_varint(p, end);
		assert_true(f->len <= (size_t)(end - *p));
		f->data = *p;
		*p += f->len;
	}
	return true;
}

/* The first bytes field num of message [data, data+len), or false. */
static bool pb_find(const uint8_t *data, size_t len, uint32_t num, struct pbf *out)
{
	const uint8_t *p = data, *end = data + len;
	struct pbf f;

	while (pb_next(&p, end, &f))
		if (f.num == num && f.wire == 2) {
			*out = f;
			return true;
		}
	return false;
}

static bool pb_str_is(const struct pbf *f, const char *s)
{
	return f->len == strlen(s) && !memcmp(f->data, s, f->len);
}

/*
 * The value of the Named* entry called name among the repeated fields num of a message
 * (NamedSchema, NamedAny, NamedPathItem: {1: name, 2: value}), or false.
 */
static bool pb_named(const uint8_t *data, size_t len, uint32_t num, const char *name,
                     struct pbf *value)
{
	const uint8_t *p = data, *end = data + len;
	struct pbf f, n;

	while (pb_next(&p, end, &f)) {
		if (f.num != num || f.wire != 2)
			continue;
		if (pb_find(f.data, f.len, 1, &n) && pb_str_is(&n, name))
			return pb_find(f.data, f.len, 2, value);
	}
	return false;
}

/* The YAML text (Any.yaml, field 2) of vendor extension name at field num of a message. */
static json_t *pb_extension(const struct pbf *msg, uint32_t num, const char *name)
{
	struct pbf any, yaml;
	struct ck_error *err = NULL;
	json_t *j;

	if (!pb_named(msg->data, msg->len, num, name, &any))
		fail_msg("no extension %s", name);
	assert_true(pb_find(any.data, any.len, 2, &yaml));
	j = ck_json_parse((const char *)yaml.data, yaml.len, &err);
	assert_non_null(j);
	return j;
}

static size_t pb_count(const uint8_t *data, size_t len, uint32_t num)
{
	const uint8_t *p = data, *end = data + len;
	struct pbf f;
	size_t n = 0;

	while (pb_next(&p, end, &f))
		n += f.num == num;
	return n;
}

static void test_v2_protobuf(void **state)
{
	(void)state;
	const struct ck_openapi_doc *d = ck_openapi_v2(oa, true);
	const uint8_t *data = (const uint8_t *)d->data;
	json_t *jdoc = parse_doc(ck_openapi_v2(oa, false));
	struct pbf f, defs, cm, type, value, props, prop, spec, containers, paths, item, patch;
	json_t *ext;
	bool found = false;

	/* K8S (gnostic OpenAPIv2.proto): Document {1: swagger, 2: info, 8: paths, 9: definitions}. */
	assert_true(pb_find(data, d->len, 1, &f));
	assert_true(pb_str_is(&f, "2.0"));
	assert_true(pb_find(data, d->len, 9, &defs));
	/* Definitions {1: NamedSchema}: as many as the JSON has. */
	assert_int_equal(pb_count(defs.data, defs.len, 1),
	                 json_object_size(json_object_get(jdoc, "definitions")));
	/* ConfigMap: type object, its GVK, a data property that is a map. */
	assert_true(pb_named(defs.data, defs.len, 1, "io.k8s.api.core.v1.ConfigMap", &cm));
	assert_true(pb_find(cm.data, cm.len, 22, &type)); /* TypeItem {1: value} */
	assert_true(pb_find(type.data, type.len, 1, &value));
	assert_true(pb_str_is(&value, "object"));
	ext = pb_extension(&cm, 31, "x-kubernetes-group-version-kind");
	assert_json_eq(ext, "[{\"group\":\"\",\"kind\":\"ConfigMap\",\"version\":\"v1\"}]");
	json_decref(ext);
	assert_true(pb_find(cm.data, cm.len, 25, &props)); /* Properties {1: NamedSchema} */
	assert_true(pb_named(props.data, props.len, 1, "data", &prop));
	assert_true(pb_find(prop.data, prop.len, 21, &f)); /* AdditionalPropertiesItem */
	assert_true(pb_find(f.data, f.len, 1, &f));        /* {1: schema} */
	assert_true(pb_find(f.data, f.len, 22, &type));
	assert_true(pb_find(type.data, type.len, 1, &value));
	assert_true(pb_str_is(&value, "string"));
	assert_false(pb_named(props.data, props.len, 1, "dataa", &prop));
	/* PodSpec.containers: items {1: {$ref = 1}}, the patch extensions. */
	assert_true(pb_named(defs.data, defs.len, 1, "io.k8s.api.core.v1.PodSpec", &spec));
	assert_true(pb_find(spec.data, spec.len, 25, &props));
	assert_true(pb_named(props.data, props.len, 1, "containers", &containers));
	assert_true(pb_find(containers.data, containers.len, 23, &f)); /* ItemsItem */
	assert_true(pb_find(f.data, f.len, 1, &f));
	assert_true(pb_find(f.data, f.len, 1, &value));
	assert_true(pb_str_is(&value, "#/definitions/io.k8s.api.core.v1.Container"));
	ext = pb_extension(&containers, 31, "x-kubernetes-patch-merge-key");
	assert_json_eq(ext, "\"name\"");
	json_decref(ext);
	ext = pb_extension(&containers, 31, "x-kubernetes-patch-strategy");
	assert_json_eq(ext, "\"merge\"");
	json_decref(ext);
	/* required = 19 */
	{
		const uint8_t *p = spec.data, *end = spec.data + spec.len;

		while (pb_next(&p, end, &f))
			found |= f.num == 19 && pb_str_is(&f, "containers");
		assert_true(found);
	}
	/*
	 * Paths {2: NamedPathItem}; PathItem {8: patch}; Operation {8: ParametersItem, 13:
	 * extensions}; ParametersItem {1: Parameter {2: NonBodyParameter {3: query {4: name}}}}.
	 */
	assert_true(pb_find(data, d->len, 8, &paths));
	assert_true(pb_named(paths.data, paths.len, 2,
	                     "/api/v1/namespaces/{namespace}/configmaps/{name}", &item));
	assert_true(pb_find(item.data, item.len, 8, &patch));
	ext = pb_extension(&patch, 13, "x-kubernetes-group-version-kind");
	assert_json_eq(ext, "{\"group\":\"\",\"kind\":\"ConfigMap\",\"version\":\"v1\"}");
	json_decref(ext);
	found = false;
	{
		const uint8_t *p = patch.data, *end = patch.data + patch.len;

		while (pb_next(&p, end, &f)) {
			struct pbf param, nonbody, query, name;

			if (f.num != 8)
				continue;
			if (pb_find(f.data, f.len, 1, &param) &&
			    pb_find(param.data, param.len, 2, &nonbody) &&
			    pb_find(nonbody.data, nonbody.len, 3, &query) &&
			    pb_find(query.data, query.len, 4, &name))
				found |= pb_str_is(&name, "fieldValidation");
		}
	}
	assert_true(found);
	json_decref(jdoc);
}

/* The encoder's varints: lengths of 127, 128 and 16384 bytes round-trip. */
static void test_pb_lengths(void **state)
{
	(void)state;
	static const size_t lens[] = {0, 1, 127, 128, 16383, 16384, 300000};

	for (size_t i = 0; i < CK_ARRAY_SIZE(lens); i++) {
		char *s = ck_xmalloc(lens[i] + 1);
		json_t *doc;
		struct ck_buf b = CK_BUF_INIT;
		struct pbf f;

		memset(s, 'x', lens[i]);
		s[lens[i]] = '\0';
		doc = json_pack("{s:s,s:{s:{s:s}}}", "swagger", s, "definitions", "a",
		                "description", s);
		ck_openapi_v2_to_pb(doc, &b);
		assert_true(pb_find((const uint8_t *)b.data, b.len, 1, &f));
		assert_int_equal(f.len, lens[i]);
		assert_true(pb_find((const uint8_t *)b.data, b.len, 9, &f));
		assert_true(pb_named(f.data, f.len, 1, "a", &f));
		assert_true(pb_find(f.data, f.len, 4, &f));
		assert_int_equal(f.len, lens[i]);
		json_decref(doc);
		ck_buf_release(&b);
		free(s);
	}
}

/* Building again gives the same bytes (the hashes clients cache by are stable). */
static void test_deterministic(void **state)
{
	(void)state;
	struct ck_openapi *other = ck_openapi_new();

	assert_string_equal(ck_openapi_v3_root(other)->etag, ck_openapi_v3_root(oa)->etag);
	assert_string_equal(ck_openapi_v2(other, true)->etag, ck_openapi_v2(oa, true)->etag);
	print_message("openapi sizes: v2 JSON %zu, v2 protobuf %zu, v3 root %zu, v3 api/v1 %zu, "
	              "v3 apps/v1 %zu bytes\n",
	              ck_openapi_v2(oa, false)->len, ck_openapi_v2(oa, true)->len,
	              ck_openapi_v3_root(oa)->len, ck_openapi_v3_gv(oa, "api/v1")->len,
	              ck_openapi_v3_gv(oa, "apis/apps/v1")->len);
	ck_openapi_free(other);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_v3_root),       cmocka_unit_test(test_v3_core_pod),
	        cmocka_unit_test(test_v3_paths),      cmocka_unit_test(test_v3_apps),
	        cmocka_unit_test(test_refs_resolve),  cmocka_unit_test(test_v2_json),
	        cmocka_unit_test(test_v2_protobuf),   cmocka_unit_test(test_pb_lengths),
	        cmocka_unit_test(test_deterministic),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
