/*
 * The three patch types (src/api/patch.h): Content-Type mapping and the 415 message; RFC
 * 6902 and RFC 7386 appendix A; strategic merge patch cases ported from apimachinery's
 * strategicpatch/patch_test.go (run with a lookup for its MergeItem test type); strategic
 * merge patch against Pod, Deployment, Service and Node schemas with the merge keys of
 * k8s.io/api; the exact patch bodies kubectl 1.20 sent in the reference traces; the
 * statuses kube-apiserver answers for malformed patches; and inputs that must not crash.
 *
 * JSON in the tables is written with ' for " (no test value contains a quote); every
 * check also verifies that the original object was left unchanged.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>

#include <cmocka.h>

#include "base/compat.h"

#include "api/patch-int.h"
#include "api/patch.h"
#include "base/buf.h"
#include "base/json.h"
#include "base/mem.h"
#include "support/json-text.h"

#define M  CK_PATCH_STRATEGY_MERGE
#define RK CK_PATCH_STRATEGY_RETAIN_KEYS
#define RP CK_PATCH_STRATEGY_REPLACE

/* ---- helpers ---------------------------------------------------------------------- */

static char *sorted_dump(const json_t *v)
{
	return json_dumps(v, JSON_COMPACT | JSON_SORT_KEYS | JSON_ENCODE_ANY);
}

/*
 * Apply patch (verbatim) of type to orig (' for ") and check the outcome: the result
 * equals want; or, when want is NULL and status 0, the call succeeds; or it fails with
 * HTTP status and a message containing msg. Returns the result (or NULL) for further
 * checks; the caller json_decrefs it.
 */
static json_t *run_patch(const char *name, enum ck_patch_type type, const char *orig,
                         const char *patch, size_t patch_len, const struct ck_patch_schema *schema,
                         const char *want, int status, const char *msg)
{
	json_t *o = ck_test_jq(orig), *out = NULL, *w;
	ck_autofree char *before = sorted_dump(o);
	ck_autofree char *after = NULL;
	struct ck_error *err = NULL;
	int r;

	r = ck_patch_apply(type, o, patch, patch_len, schema, &out, &err);
	after = sorted_dump(o);
	if (strcmp(before, after))
		fail_msg("%s: the original was modified:\n  before %s\n  after  %s", name, before,
		         after);
	json_decref(o);
	if (want || status == 0) {
		if (r < 0)
			fail_msg("%s: failed: %d %s", name, err->http_status, err->msg);
		assert_null(err);
		assert_true(json_is_object(out));
		if (!want)
			return out;
		w = ck_test_jq(want);
		if (!json_equal(out, w)) {
			ck_autofree char *g = sorted_dump(out);
			ck_autofree char *x = sorted_dump(w);
			fail_msg("%s:\n  want %s\n  got  %s", name, x, g);
		}
		json_decref(w);
		return out;
	}
	if (r == 0) {
		ck_autofree char *g = sorted_dump(out);
		fail_msg("%s: succeeded with %s, want %d", name, g, status);
	}
	assert_int_equal(r, -1);
	assert_null(out);
	assert_non_null(err);
	if (err->http_status != status || (msg && !strstr(err->msg, msg)))
		fail_msg("%s: got %d '%s', want %d with '%s'", name, err->http_status, err->msg,
		         status, msg ? msg : "");
	ck_error_free(err);
	return NULL;
}

/* run_patch for table text (' for ") and results not kept. */
static void check(const char *name, enum ck_patch_type type, const char *orig, const char *patch,
                  const struct ck_patch_schema *schema, const char *want, int status,
                  const char *msg)
{
	ck_autofree char *p = ck_test_dq(patch);

	json_decref(run_patch(name, type, orig, p, strlen(p), schema, want, status, msg));
}

/* The error of a failing patch (text used verbatim), for checks of status and reason. */
static struct ck_error *patch_error(enum ck_patch_type type, const char *orig, const char *patch,
                                    const struct ck_patch_schema *schema)
{
	json_t *o = ck_test_jq(orig), *out = NULL;
	struct ck_error *err = NULL;

	assert_int_equal(ck_patch_apply(type, o, patch, strlen(patch), schema, &out, &err), -1);
	assert_null(out);
	json_decref(o);
	return err;
}

/* ---- schemas ---------------------------------------------------------------------- */

/*
 * Patch metadata as the per-kind schemas will give it: the patchStrategy/patchMergeKey
 * struct tags of k8s.io/api (core/v1/types.go, apps/v1/types.go) and apimachinery
 * (meta/v1/types.go). Lists not named here (tolerations, containerStatuses, envFrom,
 * node taints, namespace spec.finalizers) have no tag: they are replaced.
 */
struct field_meta {
	const char *path;
	unsigned strategy;
	const char *merge_key;
};

struct schema_part {
	const char *prefix; /* path prefix the fields are relative to */
	const struct field_meta *fields;
	size_t n;
};

struct kind_schema {
	const struct schema_part *parts;
	size_t n;
};

#define PART(prefix, table)                                                                        \
	{                                                                                          \
		prefix, table, CK_ARRAY_SIZE(table)                                                \
	}

static const struct field_meta object_meta[] = {
        {"finalizers", M, NULL},
        {"ownerReferences", M, "uid"},
};

static const struct field_meta container[] = {
        {"ports", M, "containerPort"},
        {"env", M, "name"},
        {"volumeMounts", M, "mountPath"},
        {"volumeDevices", M, "devicePath"},
};

static const struct field_meta pod_spec[] = {
        {"volumes", M | RK, "name"},
        {"initContainers", M, "name"},
        {"containers", M, "name"},
        {"ephemeralContainers", M, "name"},
        {"imagePullSecrets", M, "name"},
        {"hostAliases", M, "ip"},
        {"topologySpreadConstraints", M, "topologyKey"},
        {"schedulingGates", M, "name"},
        {"resourceClaims", M | RK, "name"},
};

static const struct field_meta pod_status[] = {
        {"conditions", M, "type"},
        {"podIPs", M, "ip"},
        {"hostIPs", M, "ip"},
};

static const struct field_meta deployment_spec[] = {
        {"strategy", RK, NULL},
};

static const struct field_meta conditions_by_type[] = {
        {"conditions", M, "type"},
};

static const struct field_meta service_spec[] = {
        {"ports", M, "port"},
};

static const struct field_meta node_spec[] = {
        {"podCIDRs", M, NULL},
};

static const struct field_meta node_status[] = {
        {"conditions", M, "type"},
        {"addresses", M, "type"},
};

static const struct schema_part pod_parts[] = {
        PART("metadata.", object_meta),
        PART("spec.", pod_spec),
        PART("spec.containers[].", container),
        PART("spec.initContainers[].", container),
        PART("spec.ephemeralContainers[].", container),
        PART("status.", pod_status),
};

static const struct schema_part deployment_parts[] = {
        PART("metadata.", object_meta),
        PART("spec.", deployment_spec),
        PART("spec.template.metadata.", object_meta),
        PART("spec.template.spec.", pod_spec),
        PART("spec.template.spec.containers[].", container),
        PART("spec.template.spec.initContainers[].", container),
        PART("spec.template.spec.ephemeralContainers[].", container),
        PART("status.", conditions_by_type),
};

static const struct schema_part service_parts[] = {
        PART("metadata.", object_meta),
        PART("spec.", service_spec),
};

static const struct schema_part node_parts[] = {
        PART("metadata.", object_meta),
        PART("spec.", node_spec),
        PART("status.", node_status),
};

static const struct schema_part meta_parts[] = {
        PART("metadata.", object_meta),
};

static bool kind_lookup(const void *ctx, const char *path, struct ck_patch_field *out)
{
	const struct kind_schema *k = ctx;
	const char *rest;

	for (size_t i = 0; i < k->n; i++) {
		if (!ck_str_skip_prefix(path, k->parts[i].prefix, &rest))
			continue;
		for (size_t j = 0; j < k->parts[i].n; j++) {
			if (strcmp(rest, k->parts[i].fields[j].path))
				continue;
			out->strategy = k->parts[i].fields[j].strategy;
			out->merge_key = k->parts[i].fields[j].merge_key;
			return true;
		}
	}
	return false;
}

#define KIND(parts)                                                                                \
	{                                                                                          \
		parts, CK_ARRAY_SIZE(parts)                                                        \
	}
static const struct kind_schema pod_kind = KIND(pod_parts);
static const struct kind_schema deployment_kind = KIND(deployment_parts);
static const struct kind_schema service_kind = KIND(service_parts);
static const struct kind_schema node_kind = KIND(node_parts);
static const struct kind_schema meta_kind = KIND(meta_parts);

static const struct ck_patch_schema pod_schema = {kind_lookup, &pod_kind};
static const struct ck_patch_schema deployment_schema = {kind_lookup, &deployment_kind};
static const struct ck_patch_schema service_schema = {kind_lookup, &service_kind};
static const struct ck_patch_schema node_schema = {kind_lookup, &node_kind};
static const struct ck_patch_schema meta_schema = {kind_lookup, &meta_kind};

/*
 * apimachinery's test type MergeItem (strategicpatch/patch_test.go): its fields have the
 * same metadata at every depth, so the last field name of the path decides.
 */
static bool mergeitem_lookup(const void *ctx, const char *path, struct ck_patch_field *out)
{
	static const struct field_meta fields[] = {
	        {"mergingList", M, "name"},  {"mergingIntList", M, NULL},
	        {"mergeItemPtr", M, "name"}, {"replacingItem", RP, NULL},
	        {"retainKeysMap", RK, NULL}, {"retainKeysMergingList", M | RK, "name"},
	};
	const char *last = strrchr(path, '.');
	size_t len;

	(void)ctx;
	last = last ? last + 1 : path;
	len = strlen(last);
	if (ck_str_has_suffix(last, "[]"))
		len -= 2;
	for (size_t i = 0; i < CK_ARRAY_SIZE(fields); i++) {
		if (strlen(fields[i].path) == len && !strncmp(fields[i].path, last, len)) {
			out->strategy = fields[i].strategy;
			out->merge_key = fields[i].merge_key;
			return true;
		}
	}
	return false;
}

static const struct ck_patch_schema mergeitem_schema = {mergeitem_lookup, NULL};

/* ---- Content-Type ------------------------------------------------------------------- */

static void test_parse_type(void **state)
{
	static const struct {
		const char *ct;
		enum ck_patch_type want;
	} ok[] = {
	        {"application/json-patch+json", CK_PATCH_JSON},
	        {"application/merge-patch+json", CK_PATCH_MERGE},
	        {"application/strategic-merge-patch+json", CK_PATCH_STRATEGIC},
	        {"application/apply-patch+yaml", CK_PATCH_APPLY_YAML},
	        {"application/merge-patch+json; charset=utf-8", CK_PATCH_MERGE},
	        {"application/strategic-merge-patch+json;charset=UTF-8", CK_PATCH_STRATEGIC},
	};
	/* K8S: exact match after the parameters are cut; no trimming, no case folding. */
	static const char *const bad[] = {
	        "application/json",
	        "application/merge-patch+json ",
	        "Application/merge-patch+json",
	        ";application/merge-patch+json",
	        "application/merge-patch+json ; charset=utf-8",
	        "",
	        "application/apply-patch+cbor",
	};
	struct ck_error *err = NULL;
	enum ck_patch_type t;

	(void)state;
	for (size_t i = 0; i < CK_ARRAY_SIZE(ok); i++) {
		assert_int_equal(ck_patch_parse_type(ok[i].ct, CK_PATCH_ACCEPT_BUILTIN, &t, &err),
		                 0);
		assert_int_equal(t, ok[i].want);
		assert_true(ck_str_has_prefix(ok[i].ct, ck_patch_media_type(t)));
	}
	for (size_t i = 0; i < CK_ARRAY_SIZE(bad); i++) {
		assert_int_equal(ck_patch_parse_type(bad[i], CK_PATCH_ACCEPT_BUILTIN, &t, &err),
		                 -1);
		assert_int_equal(err->http_status, 415);
		assert_string_equal(err->reason, "UnsupportedMediaType");
		/* K8S: negotiation.NewUnsupportedMediaTypeError with installer.go's list. */
		assert_string_equal(err->msg, "the body of the request was in an unknown format - "
		                              "accepted media types include: "
		                              "application/json-patch+json, "
		                              "application/merge-patch+json, "
		                              "application/strategic-merge-patch+json, "
		                              "application/apply-patch+yaml");
		ck_error_clear(&err);
	}
	assert_int_equal(ck_patch_parse_type(NULL, CK_PATCH_ACCEPT_BUILTIN, &t, &err), -1);
	ck_error_clear(&err);

	/* K8S: custom resources have no strategic merge patch; the list says so. */
	assert_int_equal(ck_patch_parse_type("application/strategic-merge-patch+json",
	                                     CK_PATCH_ACCEPT_CUSTOM, &t, &err),
	                 -1);
	assert_string_equal(err->msg, "the body of the request was in an unknown format - accepted "
	                              "media types include: application/json-patch+json, "
	                              "application/merge-patch+json, application/apply-patch+yaml");
	ck_error_clear(&err);
	assert_int_equal(ck_patch_parse_type("application/json-patch+json", CK_PATCH_ACCEPT_CUSTOM,
	                                     &t, &err),
	                 0);
	assert_string_equal(ck_patch_media_type(CK_PATCH_JSON), "application/json-patch+json");
	assert_string_equal(ck_patch_media_type(CK_PATCH_APPLY_YAML),
	                    "application/apply-patch+yaml");
}

/* ---- JSON patch --------------------------------------------------------------------- */

struct patch_case {
	const char *name;
	const char *orig, *patch;
	const char *want; /* NULL: an error */
	int status;
	const char *msg;
};

static void run_table(enum ck_patch_type type, const struct patch_case *c, size_t n,
                      const struct ck_patch_schema *schema)
{
	for (size_t i = 0; i < n; i++)
		check(c[i].name, type, c[i].orig, c[i].patch, schema, c[i].want, c[i].status,
		      c[i].msg);
}

/* RFC 6902 appendix A, every example. */
static void test_json_patch_rfc6902(void **state)
{
	static const struct patch_case cases[] = {
	        {"A.1 adding an object member", "{'foo':'bar'}",
	         "[{'op':'add','path':'/baz','value':'qux'}]", "{'baz':'qux','foo':'bar'}"},
	        {"A.2 adding an array element", "{'foo':['bar','baz']}",
	         "[{'op':'add','path':'/foo/1','value':'qux'}]", "{'foo':['bar','qux','baz']}"},
	        {"A.3 removing an object member", "{'baz':'qux','foo':'bar'}",
	         "[{'op':'remove','path':'/baz'}]", "{'foo':'bar'}"},
	        {"A.4 removing an array element", "{'foo':['bar','qux','baz']}",
	         "[{'op':'remove','path':'/foo/1'}]", "{'foo':['bar','baz']}"},
	        {"A.5 replacing a value", "{'baz':'qux','foo':'bar'}",
	         "[{'op':'replace','path':'/baz','value':'boo'}]", "{'baz':'boo','foo':'bar'}"},
	        {"A.6 moving a value",
	         "{'foo':{'bar':'baz','waldo':'fred'},'qux':{'corge':'grault'}}",
	         "[{'op':'move','from':'/foo/waldo','path':'/qux/thud'}]",
	         "{'foo':{'bar':'baz'},'qux':{'corge':'grault','thud':'fred'}}"},
	        {"A.7 moving an array element", "{'foo':['all','grass','cows','eat']}",
	         "[{'op':'move','from':'/foo/1','path':'/foo/3'}]",
	         "{'foo':['all','cows','eat','grass']}"},
	        {"A.8 testing a value: success", "{'baz':'qux','foo':['a',2,'c']}",
	         "[{'op':'test','path':'/baz','value':'qux'},{'op':'test','path':'/foo/"
	         "1','value':2}]",
	         "{'baz':'qux','foo':['a',2,'c']}"},
	        {"A.9 testing a value: error", "{'baz':'qux'}",
	         "[{'op':'test','path':'/baz','value':'bar'}]", NULL, 422,
	         "the server rejected our request due to an error in our request: json patch "
	         "operation 0 (test): testing value '/baz' failed"},
	        {"A.10 adding a nested member object", "{'foo':'bar'}",
	         "[{'op':'add','path':'/child','value':{'grandchild':{}}}]",
	         "{'foo':'bar','child':{'grandchild':{}}}"},
	        {"A.11 ignoring unrecognized elements", "{'foo':'bar'}",
	         "[{'op':'add','path':'/baz','value':'qux','xyz':123}]",
	         "{'foo':'bar','baz':'qux'}"},
	        {"A.12 adding to a nonexistent target", "{'foo':'bar'}",
	         "[{'op':'add','path':'/baz/bat','value':'qux'}]", NULL, 422,
	         "path '/baz/bat' does not exist"},
	        /* ckube's parser rejects duplicate members: 400 before any operation runs. */
	        {"A.13 invalid JSON patch document", "{'foo':'bar'}",
	         "[{'op':'add','path':'/baz','value':'qux','op':'remove'}]", NULL, 400,
	         "invalid JSON patch: invalid JSON"},
	        {"A.14 ~ escape ordering", "{'/':9,'~1':10}",
	         "[{'op':'test','path':'/~01','value':10}]", "{'/':9,'~1':10}"},
	        {"A.15 comparing strings and numbers", "{'/':9,'~1':10}",
	         "[{'op':'test','path':'/~01','value':'10'}]", NULL, 422, "testing value '/~01'"},
	        {"A.16 adding an array value", "{'foo':['bar']}",
	         "[{'op':'add','path':'/foo/-','value':['abc','def']}]",
	         "{'foo':['bar',['abc','def']]}"},
	};

	(void)state;
	run_table(CK_PATCH_JSON, cases, CK_ARRAY_SIZE(cases), NULL);
}

static void test_json_patch_semantics(void **state)
{
	static const struct patch_case cases[] = {
	        {"python client body", "{'data':{'a':'patched','c':'d'}}",
	         "[{'op': 'add', 'path': '/data/e', 'value': 'f'}]",
	         "{'data':{'a':'patched','c':'d','e':'f'}}"},
	        {"null body is no operations", "{'a':1}", "null", "{'a':1}"},
	        {"empty list", "{'a':1}", "[]", "{'a':1}"},
	        {"add replaces an existing member", "{'a':1}",
	         "[{'op':'add','path':'/a','value':2}]", "{'a':2}"},
	        {"add null", "{'a':1}", "[{'op':'add','path':'/b','value':null}]",
	         "{'a':1,'b':null}"},
	        {"add at the end by index", "{'a':[1]}", "[{'op':'add','path':'/a/1','value':2}]",
	         "{'a':[1,2]}"},
	        {"~1 and ~0 in keys", "{'a/b':{'c~d':1}}",
	         "[{'op':'replace','path':'/a~1b/c~0d','value':2}]", "{'a/b':{'c~d':2}}"},
	        {"empty key", "{'':{'':1}}", "[{'op':'replace','path':'//','value':2}]",
	         "{'':{'':2}}"},
	        {"replace the whole document", "{'a':1}",
	         "[{'op':'replace','path':'','value':{'b':2}}]", "{'b':2}"},
	        {"add the whole document", "{'a':1}", "[{'op':'add','path':'','value':{'c':3}}]",
	         "{'c':3}"},
	        {"test the whole document", "{'a':[1,{'b':null}]}",
	         "[{'op':'test','path':'','value':{'a':[1,{'b':null}]}}]", "{'a':[1,{'b':null}]}"},
	        {"test compares objects regardless of member order", "{'a':{'x':1,'y':2}}",
	         "[{'op':'test','path':'/a','value':{'y':2,'x':1}}]", "{'a':{'x':1,'y':2}}"},
	        {"test null value", "{'a':null}", "[{'op':'test','path':'/a','value':null}]",
	         "{'a':null}"},
	        /* K8S: evanphx/json-patch counts negative indices from the end. */
	        {"negative index replace", "{'a':[1,2,3]}",
	         "[{'op':'replace','path':'/a/-1','value':9}]", "{'a':[1,2,9]}"},
	        {"negative index remove", "{'a':[1,2,3]}", "[{'op':'remove','path':'/a/-3'}]",
	         "{'a':[2,3]}"},
	        {"negative index add -1 appends", "{'a':[1,2]}",
	         "[{'op':'add','path':'/a/-1','value':3}]", "{'a':[1,2,3]}"},
	        {"negative index add -3 prepends", "{'a':[1,2]}",
	         "[{'op':'add','path':'/a/-3','value':0}]", "{'a':[0,1,2]}"},
	        {"move to the same place", "{'a':{'b':1}}",
	         "[{'op':'move','from':'/a/b','path':'/a/b'}]", "{'a':{'b':1}}"},
	        {"move out of a child to the parent", "{'a':{'b':{'c':1}}}",
	         "[{'op':'move','from':'/a/b','path':'/a'}]", "{'a':{'c':1}}"},
	        {"move to a sibling with a common prefix", "{'a':1}",
	         "[{'op':'move','from':'/a','path':'/ab'}]", "{'ab':1}"},
	        {"copy is deep", "{'a':{'b':[1]}}",
	         "[{'op':'copy','from':'/a','path':'/c'},{'op':'add','path':'/c/b/-','value':2}]",
	         "{'a':{'b':[1]},'c':{'b':[1,2]}}"},
	        {"added values are copies", "{}",
	         "[{'op':'add','path':'/a','value':{'x':[]}},{'op':'add','path':'/"
	         "b','value':{'x':[]}},"
	         "{'op':'add','path':'/a/x/-','value':1}]",
	         "{'a':{'x':[1]},'b':{'x':[]}}"},
	        {"operations apply in order", "{'a':1}",
	         "[{'op':'test','path':'/a','value':1},{'op':'replace','path':'/a','value':2},"
	         "{'op':'test','path':'/a','value':2},{'op':'remove','path':'/a'}]",
	         "{}"},
	        /* K8S: metadata.labels of a pod, as `kubectl patch --type json` is used. */
	        {"label through json patch", "{'metadata':{'name':'p','labels':{'app':'web'}}}",
	         "[{'op':'add','path':'/metadata/labels/tier','value':'front'},"
	         "{'op':'remove','path':'/metadata/labels/app'}]",
	         "{'metadata':{'name':'p','labels':{'tier':'front'}}}"},
	        {"add into a list of containers", "{'spec':{'containers':[{'name':'a'}]}}",
	         "[{'op':'add','path':'/spec/containers/0','value':{'name':'b'}}]",
	         "{'spec':{'containers':[{'name':'b'},{'name':'a'}]}}"},
	};

	(void)state;
	run_table(CK_PATCH_JSON, cases, CK_ARRAY_SIZE(cases), NULL);
}

static void test_json_patch_errors(void **state)
{
	static const struct patch_case cases[] = {
	        /* K8S: not a list of objects is 400 BadRequest. */
	        {"object body", "{}", "{'op':'add','path':'/a','value':1}", NULL, 400,
	         "invalid JSON patch: expected a list of operations"},
	        {"string body", "{}", "'x'", NULL, 400, "expected a list"},
	        {"number element", "{}", "[1]", NULL, 400, "operation 0 is not an object"},
	        {"list element", "{}", "[{'op':'test','path':'','value':{}},[]]", NULL, 400,
	         "operation 1 is not an object"},
	        {"not JSON", "{}", "[{'op':", NULL, 400,
	         "invalid JSON patch: invalid JSON at line"},
	        {"empty body", "{}", "", NULL, 400, "invalid JSON patch"},
	        /* K8S: everything that fails while applying is 422 Invalid. */
	        {"null element", "{}", "[null]", NULL, 422, "Unexpected kind: unknown"},
	        {"unknown op", "{}", "[{'op':'merge','path':'/a'}]", NULL, 422,
	         "operation 0 (unknown): Unexpected kind: merge"},
	        {"op not a string", "{}", "[{'op':1,'path':'/a'}]", NULL, 422, "Unexpected kind"},
	        {"missing path", "{}", "[{'op':'add','value':1}]", NULL, 422,
	         "the operation has no string 'path' member"},
	        {"path not a string", "{}", "[{'op':'remove','path':1}]", NULL, 422, "'path'"},
	        {"missing from", "{'a':1}", "[{'op':'move','path':'/b'}]", NULL, 422, "'from'"},
	        {"missing value", "{}", "[{'op':'add','path':'/a'}]", NULL, 422,
	         "the operation has no 'value' member"},
	        {"replace missing value", "{'a':1}", "[{'op':'replace','path':'/a'}]", NULL, 422,
	         "'value'"},
	        {"test missing value", "{'a':1}", "[{'op':'test','path':'/a'}]", NULL, 422,
	         "'value'"},
	        {"path without slash", "{'a':1}", "[{'op':'remove','path':'a'}]", NULL, 422,
	         "'a' is not a JSON pointer"},
	        /* Found by fuzzing: a NUL in a key could be stored but never parsed back. */
	        {"NUL in an added key", "{'m':{}}",
	         "[{'op':'add','path':'/m/a\\u0000b','value':1}]", NULL, 422,
	         "a key may not contain a NUL byte"},
	        {"NUL in a copied-to key", "{'a':1}",
	         "[{'op':'copy','from':'/a','path':'/b\\u0000'}]", NULL, 422, "NUL byte"},
	        {"bad escape", "{'a':1}", "[{'op':'remove','path':'/~2'}]", NULL, 422,
	         "'~' must be followed by 0 or 1"},
	        {"trailing tilde", "{'a':1}", "[{'op':'remove','path':'/a~'}]", NULL, 422,
	         "not a JSON pointer"},
	        {"remove missing member", "{'a':1}", "[{'op':'remove','path':'/b'}]", NULL, 422,
	         "path '/b' does not exist"},
	        {"replace missing member", "{'a':1}", "[{'op':'replace','path':'/b','value':1}]",
	         NULL, 422, "path '/b' does not exist"},
	        {"remove the document", "{'a':1}", "[{'op':'remove','path':''}]", NULL, 422,
	         "cannot remove the whole document"},
	        {"index past the end", "{'a':[1]}", "[{'op':'add','path':'/a/2','value':1}]", NULL,
	         422, "path '/a/2': not a valid index into an array of 1 elements"},
	        {"huge index", "{'a':[1]}",
	         "[{'op':'add','path':'/a/99999999999999999999999','value':1}]", NULL, 422,
	         "not a valid index"},
	        {"index 2^64", "{'a':[1]}", "[{'op':'remove','path':'/a/18446744073709551616'}]",
	         NULL, 422, "does not exist"},
	        {"leading zero index", "{'a':[1,2]}", "[{'op':'replace','path':'/a/01','value':0}]",
	         NULL, 422, "not a valid index"},
	        {"negative zero", "{'a':[1,2]}", "[{'op':'remove','path':'/a/-0'}]", NULL, 422,
	         "does not exist"},
	        {"negative past the start", "{'a':[1,2]}", "[{'op':'remove','path':'/a/-3'}]", NULL,
	         422, "does not exist"},
	        {"plus sign index", "{'a':[1,2]}", "[{'op':'remove','path':'/a/+1'}]", NULL, 422,
	         "does not exist"},
	        {"dash in remove", "{'a':[1]}", "[{'op':'remove','path':'/a/-'}]", NULL, 422,
	         "path '/a/-' does not exist"},
	        {"dash in replace", "{'a':[1]}", "[{'op':'replace','path':'/a/-','value':2}]", NULL,
	         422, "not a valid index"},
	        {"dash in test", "{'a':[1]}", "[{'op':'test','path':'/a/-','value':1}]", NULL, 422,
	         "does not exist"},
	        {"dash as a middle token", "{'a':[[1]]}",
	         "[{'op':'add','path':'/a/-/0','value':1}]", NULL, 422,
	         "path '/a/-/0' does not exist"},
	        {"dash in an object is a key", "{'a':{}}",
	         "[{'op':'test','path':'/a/-','value':1}]", NULL, 422, "does not exist"},
	        {"index into a scalar", "{'a':'s'}", "[{'op':'add','path':'/a/0','value':1}]", NULL,
	         422, "does not exist"},
	        {"key into an array", "{'a':[1]}", "[{'op':'add','path':'/a/x','value':1}]", NULL,
	         422, "not a valid index"},
	        {"move into its own child", "{'a':{'b':1}}",
	         "[{'op':'move','from':'/a','path':'/a/b/c'}]", NULL, 422,
	         "cannot move '/a' into itself"},
	        {"move from missing", "{'a':1}", "[{'op':'move','from':'/x','path':'/y'}]", NULL,
	         422, "path '/x' does not exist"},
	        {"copy from missing", "{'a':1}", "[{'op':'copy','from':'/x','path':'/y'}]", NULL,
	         422, "does not exist"},
	        {"test of missing path", "{'a':1}", "[{'op':'test','path':'/b','value':null}]",
	         NULL, 422, "does not exist"},
	        /* jansson, like encoding/json with int64, tells 1 from 1.0. */
	        {"test integer against real", "{'a':1}", "[{'op':'test','path':'/a','value':1.0}]",
	         NULL, 422, "testing value"},
	        /* The whole patch fails: the first, successful operation is not kept either. */
	        {"atomic", "{'a':1}",
	         "[{'op':'replace','path':'/a','value':2},{'op':'test','path':'/a','value':1}]",
	         NULL, 422, "operation 1 (test)"},
	        {"result not an object", "{'a':1}", "[{'op':'replace','path':'','value':[1]}]",
	         NULL, 422, "the patched object is not a JSON object"},
	        {"replace by a scalar then add", "{'a':1}",
	         "[{'op':'replace','path':'','value':1},{'op':'add','path':'/a','value':1}]", NULL,
	         422, "does not exist"},
	};

	(void)state;
	run_table(CK_PATCH_JSON, cases, CK_ARRAY_SIZE(cases), NULL);
}

/* Nested arrays depth levels deep: "[[...]]". */
static char *nested_arrays(size_t depth)
{
	char *s = ck_xmalloc(2 * depth + 1);

	memset(s, '[', depth);
	memset(s + depth, ']', depth);
	s[2 * depth] = '\0';
	return s;
}

static void test_json_patch_limits(void **state)
{
	struct ck_buf p = CK_BUF_INIT;
	struct ck_error *err;
	/* The deepest value a patch can carry: the list and the operation take two levels. */
	ck_autofree char *deep = nested_arrays(CK_PATCH_MAX_DEPTH - 2);
	ck_autofree char *big = ck_xmalloc(1024 * 1024 + 1);
	json_t *out;

	(void)state;
	/* K8S: 10000 operations are fine, one more is 413 RequestEntityTooLarge. */
	ck_buf_addch(&p, '[');
	for (int i = 0; i < CK_PATCH_MAX_JSON_OPS; i++)
		ck_buf_addf(&p, "%s{\"op\":\"test\",\"path\":\"/a\",\"value\":1}", i ? "," : "");
	ck_buf_addch(&p, ']');
	json_decref(run_patch("10000 operations", CK_PATCH_JSON, "{'a':1}", p.data, p.len, NULL,
	                      "{'a':1}", 0, NULL));
	ck_buf_truncate(&p, p.len - 1);
	ck_buf_adds(&p, ",{\"op\":\"test\",\"path\":\"/a\",\"value\":1}]");
	err = patch_error(CK_PATCH_JSON, "{'a':1}", p.data, NULL);
	assert_int_equal(err->http_status, 413);
	assert_string_equal(err->reason, "RequestEntityTooLarge");
	assert_string_equal(err->msg,
	                    "The allowed maximum operations in a JSON patch is 10000, got 10001");
	ck_error_free(err);

	/* K8S: copies may add 3 MiB in all (JSONPatchMaxCopyBytes); then 422. */
	memset(big, 'x', 1024 * 1024);
	big[1024 * 1024] = '\0';
	ck_buf_reset(&p);
	ck_buf_addf(&p, "[{\"op\":\"add\",\"path\":\"/big\",\"value\":\"%s\"}", big);
	for (int i = 0; i < 2; i++)
		ck_buf_addf(&p, ",{\"op\":\"copy\",\"from\":\"/big\",\"path\":\"/c%d\"}", i);
	ck_buf_addch(&p, ']');
	out = run_patch("two copies of 1 MiB", CK_PATCH_JSON, "{}", p.data, p.len, NULL, NULL, 0,
	                NULL);
	assert_int_equal(json_string_length(json_object_get(out, "c1")), 1024 * 1024);
	json_decref(out);
	ck_buf_truncate(&p, p.len - 1);
	ck_buf_adds(&p, ",{\"op\":\"copy\",\"from\":\"/big\",\"path\":\"/c3\"}]");
	json_decref(run_patch(
	        "three copies of 1 MiB", CK_PATCH_JSON, "{}", p.data, p.len, NULL, NULL, 422,
	        "operation 3 (copy): Unable to complete the copy, the accumulated size "
	        "increase of copy is 3145734, exceeding the limit 3145728"));

	/* Nothing may be nested deeper than the parser can read back. */
	ck_buf_reset(&p);
	ck_buf_addf(&p, "[{\"op\":\"add\",\"path\":\"/a/b\",\"value\":%s}]", deep);
	json_decref(run_patch("depth 2048", CK_PATCH_JSON, "{'a':{}}", p.data, p.len, NULL, NULL, 0,
	                      NULL));
	ck_buf_reset(&p);
	ck_buf_addf(&p, "[{\"op\":\"add\",\"path\":\"/a/b/c\",\"value\":%s}]", deep);
	json_decref(run_patch("depth 2049", CK_PATCH_JSON, "{'a':{'b':{}}}", p.data, p.len, NULL,
	                      NULL, 422, "the value would be nested more than 2048 levels deep"));
	ck_buf_reset(&p);
	ck_buf_addf(&p, "[{\"op\":\"copy\",\"from\":\"/a\",\"path\":\"/a/b/0\"}]");
	json_decref(run_patch("copy into itself grows the depth", CK_PATCH_JSON, "{'a':{'b':[]}}",
	                      p.data, p.len, NULL, "{'a':{'b':[{'b':[]}]}}", 0, NULL));
	ck_buf_release(&p);
}

/* ---- merge patch -------------------------------------------------------------------- */

/* RFC 7386 appendix A, every example, through the engine (the original may be any value). */
static void test_merge_patch_rfc7386(void **state)
{
	static const struct {
		const char *orig, *patch, *want;
	} cases[] = {
	        {"{'a':'b'}", "{'a':'c'}", "{'a':'c'}"},
	        {"{'a':'b'}", "{'b':'c'}", "{'a':'b','b':'c'}"},
	        {"{'a':'b'}", "{'a':null}", "{}"},
	        {"{'a':'b','b':'c'}", "{'a':null}", "{'b':'c'}"},
	        {"{'a':['b']}", "{'a':'c'}", "{'a':'c'}"},
	        {"{'a':'c'}", "{'a':['b']}", "{'a':['b']}"},
	        {"{'a':{'b':'c'}}", "{'a':{'b':'d','c':null}}", "{'a':{'b':'d'}}"},
	        {"{'a':[{'b':'c'}]}", "{'a':[1]}", "{'a':[1]}"},
	        {"['a','b']", "['c','d']", "['c','d']"},
	        {"{'a':'b'}", "['c']", "['c']"},
	        {"{'e':null}", "{'a':1}", "{'e':null,'a':1}"},
	        {"[1,2]", "{'a':'b','c':null}", "{'a':'b'}"},
	        {"{}", "{'a':{'bb':{'ccc':null}}}", "{'a':{'bb':{}}}"},
	};
	struct ck_error *err = NULL;

	(void)state;
	for (size_t i = 0; i < CK_ARRAY_SIZE(cases); i++) {
		json_t *doc = ck_test_jq(cases[i].orig), *patch = ck_test_jq(cases[i].patch),
		       *want = ck_test_jq(cases[i].want);

		assert_int_equal(ck_patch_apply_merge(&doc, patch, &err), 0);
		if (!json_equal(doc, want)) {
			ck_autofree char *g = sorted_dump(doc);
			fail_msg("RFC 7386 example %zu: got %s, want %s", i + 1, g, cases[i].want);
		}
		json_decref(doc);
		json_decref(patch);
		json_decref(want);
	}
}

static void test_merge_patch_kubernetes(void **state)
{
	static const struct patch_case cases[] = {
	        /* The examples whose patch is null or a scalar. K8S: ErrBadJSONPatch, 400. */
	        {"RFC 7386 A null patch", "{'a':'foo'}", "null", NULL, 400, "Invalid JSON Patch"},
	        {"RFC 7386 A string patch", "{'a':'foo'}", "'bar'", NULL, 400,
	         "Invalid JSON Patch"},
	        /* K8S: an array replaces the object, which then is no object: 422. */
	        {"RFC 7386 A array patch", "{'a':'b'}", "['c']", NULL, 422,
	         "the patched object is not a JSON object"},
	        {"not JSON", "{}", "{'a'", NULL, 400, "invalid JSON patch"},
	        {"duplicate keys", "{}", "{'a':1,'a':2}", NULL, 400, "duplicate"},
	        /* kubectl label / annotate (merge patches), and their removal with key-. */
	        {"label", "{'metadata':{'name':'p','labels':{'app':'web'}}}",
	         "{'metadata':{'labels':{'tier':'front'}}}",
	         "{'metadata':{'name':'p','labels':{'app':'web','tier':'front'}}}"},
	        {"unlabel", "{'metadata':{'name':'p','labels':{'app':'web','tier':'front'}}}",
	         "{'metadata':{'labels':{'tier':null}}}",
	         "{'metadata':{'name':'p','labels':{'app':'web'}}}"},
	        {"annotate", "{'metadata':{'name':'p'}}",
	         "{'metadata':{'annotations':{'note':'a b'}}}",
	         "{'metadata':{'name':'p','annotations':{'note':'a b'}}}"},
	        {"lists are replaced", "{'spec':{'containers':[{'name':'a'},{'name':'b'}]}}",
	         "{'spec':{'containers':[{'name':'c'}]}}",
	         "{'spec':{'containers':[{'name':'c'}]}}"},
	        {"null of a missing key", "{'a':1}", "{'b':null}", "{'a':1}"},
	        {"object over a scalar", "{'a':1}", "{'a':{'b':1,'c':null}}", "{'a':{'b':1}}"},
	        /* K8S: evanphx/json-patch prunes nulls in objects inside arrays too. */
	        {"nulls pruned inside arrays", "{}", "{'a':[{'b':null,'c':1},null,[{'d':null}]]}",
	         "{'a':[{'c':1},null,[{}]]}"},
	        {"empty patch", "{'a':{'b':1}}", "{}", "{'a':{'b':1}}"},
	        {"directives are plain keys", "{}", "{'$patch':'delete'}", "{'$patch':'delete'}"},
	};

	(void)state;
	run_table(CK_PATCH_MERGE, cases, CK_ARRAY_SIZE(cases), NULL);
}

/* ---- kubectl's exact bodies ---------------------------------------------------------- */

#define LAST_APPLIED "kubectl.kubernetes.io/last-applied-configuration"

/*
 * Apply a body kubectl 1.20 sent (kubectl-1.20-traces), check that the last-applied
 * annotation is stored verbatim, and compare the rest of the result with want.
 */
static void check_trace(const char *name, enum ck_patch_type type, const char *orig,
                        const char *body, const struct ck_patch_schema *schema, const char *want)
{
	json_t *body_json = ck_json_parse(body, strlen(body), NULL);
	json_t *out = run_patch(name, type, orig, body, strlen(body), schema, NULL, 0, NULL);
	json_t *w = ck_test_jq(want);
	json_t *annotations = ck_json_path(out, "metadata.annotations");

	if (ck_json_path(body_json, "metadata.annotations")) {
		json_t *sent_la = json_object_get(ck_json_path(body_json, "metadata.annotations"),
		                                  LAST_APPLIED);
		assert_non_null(sent_la);
		assert_true(json_equal(json_object_get(annotations, LAST_APPLIED), sent_la));
		json_object_del(annotations, LAST_APPLIED);
	}
	if (!json_equal(out, w)) {
		ck_autofree char *g = sorted_dump(out);
		ck_autofree char *x = sorted_dump(w);
		fail_msg("%s:\n  want %s\n  got  %s", name, x, g);
	}
	json_decref(w);
	json_decref(out);
	json_decref(body_json);
}

/* A Deployment as kube-apiserver stores it after `kubectl apply` of the trace's manifest. */
#define DEPLOYMENT_V1                                                                              \
	"{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web',"                    \
	"'namespace':'default','uid':'0c5e','resourceVersion':'812','generation':1,"               \
	"'labels':{'app':'web'},'annotations':{'deployment.kubernetes.io/revision':'1',"           \
	"'" LAST_APPLIED "':'{}'}},'spec':{'replicas':3,'selector':{'matchLabels':{'app':'web'}}," \
	"'template':{'metadata':{'labels':{'app':'web'}},'spec':{'containers':[{'name':'nginx',"   \
	"'image':'nginx:1.19','env':[{'name':'A','value':'1'}],'ports':[{'containerPort':80,"      \
	"'protocol':'TCP'}],'resources':{},'imagePullPolicy':'IfNotPresent'}],"                    \
	"'restartPolicy':'Always','dnsPolicy':'ClusterFirst'}},'strategy':{'type':'RollingUpdate'" \
	","                                                                                        \
	"'rollingUpdate':{'maxUnavailable':'25%','maxSurge':'25%'}}},'status':{'replicas':3}}"

#define DEPLOYMENT_V2                                                                              \
	"{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web',"                    \
	"'namespace':'default','uid':'0c5e','resourceVersion':'812','generation':1,"               \
	"'labels':{'app':'web'},'annotations':{'deployment.kubernetes.io/revision':'1'}},"         \
	"'spec':{'replicas':4,'selector':{'matchLabels':{'app':'web'}},"                           \
	"'template':{'metadata':{'labels':{'app':'web'}},'spec':{'containers':[{'name':'nginx',"   \
	"'image':'nginx:1.20','env':[{'name':'A','value':'2'}],'ports':[{'containerPort':80,"      \
	"'protocol':'TCP'}],'resources':{},'imagePullPolicy':'IfNotPresent'}],"                    \
	"'restartPolicy':'Always','dnsPolicy':'ClusterFirst'}},'strategy':{'type':'RollingUpdate'" \
	","                                                                                        \
	"'rollingUpdate':{'maxUnavailable':'25%','maxSurge':'25%'}}},'status':{'replicas':3}}"

static void test_kubectl_traces(void **state)
{
	(void)state;
	/* apply_modify: ConfigMap, Deployment, PodDisruptionBudget (strategic). */
	check_trace("apply configmap", CK_PATCH_STRATEGIC,
	            "{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'web-config',"
	            "'namespace':'default','annotations':{'" LAST_APPLIED "':'{}'}},"
	            "'data':{'greeting':'hello'}}",
	            "{\"data\":{\"greeting\":\"hi\"},\"metadata\":{\"annotations\":{\"kubectl."
	            "kubernetes.io/"
	            "last-applied-configuration\":\"{\\\"apiVersion\\\":\\\"v1\\\",\\\"data\\\":{"
	            "\\\"greeting\\\":\\\"hi\\\"},\\\"kind\\\":\\\"ConfigMap\\\",\\\"metadata\\\":{"
	            "\\\"annotations\\\":{},\\\"name\\\":\\\"web-config\\\",\\\"namespace\\\":"
	            "\\\"default\\\"}}\\n\"}}}",
	            &meta_schema,
	            "{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'web-config',"
	            "'namespace':'default','annotations':{}},'data':{'greeting':'hi'}}");
	check_trace("apply deployment", CK_PATCH_STRATEGIC, DEPLOYMENT_V1,
	            "{\"metadata\":{\"annotations\":{\"kubectl.kubernetes.io/"
	            "last-applied-configuration\":\"{\\\"apiVersion\\\":\\\"apps/"
	            "v1\\\",\\\"kind\\\":\\\"Deployment\\\",\\\"metadata\\\":{\\\"annotations\\\":{"
	            "},\\\"labels\\\":{\\\"app\\\":\\\"web\\\"},\\\"name\\\":\\\"web\\\","
	            "\\\"namespace\\\":\\\"default\\\"},\\\"spec\\\":{\\\"replicas\\\":4,"
	            "\\\"selector\\\":{\\\"matchLabels\\\":{\\\"app\\\":\\\"web\\\"}},"
	            "\\\"template\\\":{\\\"metadata\\\":{\\\"labels\\\":{\\\"app\\\":\\\"web\\\"}},"
	            "\\\"spec\\\":{\\\"containers\\\":[{\\\"env\\\":[{\\\"name\\\":\\\"A\\\","
	            "\\\"value\\\":\\\"2\\\"}],\\\"image\\\":\\\"nginx:1.20\\\",\\\"name\\\":"
	            "\\\"nginx\\\",\\\"ports\\\":[{\\\"containerPort\\\":80}]}]}}}}\\n\"}},"
	            "\"spec\":{\"replicas\":4,\"template\":{\"spec\":{\"$setElementOrder/"
	            "containers\":[{\"name\":\"nginx\"}],\"containers\":[{\"$setElementOrder/"
	            "env\":[{\"name\":\"A\"}],\"env\":[{\"name\":\"A\",\"value\":\"2\"}],\"image\":"
	            "\"nginx:1.20\",\"name\":\"nginx\"}]}}}}",
	            &deployment_schema, DEPLOYMENT_V2);
	check_trace("apply pdb", CK_PATCH_STRATEGIC,
	            "{'apiVersion':'policy/v1beta1','kind':'PodDisruptionBudget','metadata':{"
	            "'name':'web-pdb','namespace':'default','annotations':{'" LAST_APPLIED
	            "':'{}'}},"
	            "'spec':{'minAvailable':2,'selector':{'matchLabels':{'app':'web'}}}}",
	            "{\"metadata\":{\"annotations\":{\"kubectl.kubernetes.io/"
	            "last-applied-configuration\":\"{\\\"apiVersion\\\":\\\"policy/"
	            "v1beta1\\\",\\\"kind\\\":\\\"PodDisruptionBudget\\\",\\\"metadata\\\":{"
	            "\\\"annotations\\\":{},\\\"name\\\":\\\"web-pdb\\\",\\\"namespace\\\":"
	            "\\\"default\\\"},\\\"spec\\\":{\\\"minAvailable\\\":1,\\\"selector\\\":{"
	            "\\\"matchLabels\\\":{\\\"app\\\":\\\"web\\\"}}}}\\n\"}},\"spec\":{"
	            "\"minAvailable\":1}}",
	            &meta_schema,
	            "{'apiVersion':'policy/v1beta1','kind':'PodDisruptionBudget','metadata':{"
	            "'name':'web-pdb','namespace':'default','annotations':{}},"
	            "'spec':{'minAvailable':1,'selector':{'matchLabels':{'app':'web'}}}}");

	/* apply_remove: labels and env dropped from the manifest; a Service port renamed. */
	check_trace(
	        "apply deployment removing fields", CK_PATCH_STRATEGIC,
	        "{'metadata':{'name':'web','labels':{'app':'web'},'annotations':{'" LAST_APPLIED
	        "':'{}'}},'spec':{'replicas':4,'template':{'spec':{'containers':[{"
	        "'name':'nginx','image':'nginx:1.20','env':[{'name':'A','value':'2'}],"
	        "'ports':[{'containerPort':80,'protocol':'TCP'}]}]}}}}",
	        "{\"metadata\":{\"annotations\":{\"kubectl.kubernetes.io/"
	        "last-applied-configuration\":\"{\\\"apiVersion\\\":\\\"apps/"
	        "v1\\\",\\\"kind\\\":\\\"Deployment\\\",\\\"metadata\\\":{\\\"annotations\\\":{},"
	        "\\\"name\\\":\\\"web\\\",\\\"namespace\\\":\\\"default\\\"},\\\"spec\\\":{"
	        "\\\"replicas\\\":4,\\\"selector\\\":{\\\"matchLabels\\\":{\\\"app\\\":\\\"web\\\"}"
	        "},\\\"template\\\":{\\\"metadata\\\":{\\\"labels\\\":{\\\"app\\\":\\\"web\\\"}},"
	        "\\\"spec\\\":{\\\"containers\\\":[{\\\"image\\\":\\\"nginx:1.20\\\",\\\"name\\\":"
	        "\\\"nginx\\\",\\\"ports\\\":[{\\\"containerPort\\\":80}]}]}}}}\\n\"},\"labels\":"
	        "null},\"spec\":{\"template\":{\"spec\":{\"$setElementOrder/"
	        "containers\":[{\"name\":\"nginx\"}],\"containers\":[{\"env\":null,\"name\":"
	        "\"nginx\"}]}}}}",
	        &deployment_schema,
	        "{'metadata':{'name':'web','annotations':{}},'spec':{'replicas':4,'template':{"
	        "'spec':{'containers':[{'name':'nginx','image':'nginx:1.20',"
	        "'ports':[{'containerPort':80,'protocol':'TCP'}]}]}}}}");
	check_trace(
	        "apply service renaming a port", CK_PATCH_STRATEGIC,
	        "{'apiVersion':'v1','kind':'Service','metadata':{'name':'web','annotations':{"
	        "'" LAST_APPLIED "':'{}'}},'spec':{'type':'ClusterIP','clusterIP':'10.43.0.17',"
	        "'ports':[{'port':80,'protocol':'TCP','targetPort':80}],'selector':{'app':'web'}}}",
	        "{\"metadata\":{\"annotations\":{\"kubectl.kubernetes.io/"
	        "last-applied-configuration\":\"{\\\"apiVersion\\\":\\\"v1\\\",\\\"kind\\\":"
	        "\\\"Service\\\",\\\"metadata\\\":{\\\"annotations\\\":{},\\\"name\\\":\\\"web\\\","
	        "\\\"namespace\\\":\\\"default\\\"},\\\"spec\\\":{\\\"ports\\\":[{\\\"port\\\":"
	        "8080,\\\"targetPort\\\":80}],\\\"selector\\\":{\\\"app\\\":\\\"web\\\"}}}\\n\"}},"
	        "\"spec\":{\"$setElementOrder/"
	        "ports\":[{\"port\":8080}],\"ports\":[{\"port\":8080,\"targetPort\":80},{\"$"
	        "patch\":\"delete\",\"port\":80}]}}",
	        &service_schema,
	        "{'apiVersion':'v1','kind':'Service','metadata':{'name':'web','annotations':{}},"
	        "'spec':{'type':'ClusterIP','clusterIP':'10.43.0.17','ports':[{'port':8080,"
	        "'targetPort':80}],'selector':{'app':'web'}}}");

	/* cordon / uncordon (strategic), scale (merge, on the scale subresource). */
	check_trace(
	        "cordon", CK_PATCH_STRATEGIC,
	        "{'kind':'Node','metadata':{'name':'node-2'},'spec':{'podCIDR':'10.42.1.0/24'}}",
	        "{\"spec\":{\"unschedulable\":true}}", &node_schema,
	        "{'kind':'Node','metadata':{'name':'node-2'},'spec':{'podCIDR':'10.42.1.0/24',"
	        "'unschedulable':true}}");
	check_trace(
	        "uncordon", CK_PATCH_STRATEGIC,
	        "{'kind':'Node','metadata':{'name':'node-2'},'spec':{'podCIDR':'10.42.1.0/24',"
	        "'unschedulable':true}}",
	        "{\"spec\":{\"unschedulable\":null}}", &node_schema,
	        "{'kind':'Node','metadata':{'name':'node-2'},'spec':{'podCIDR':'10.42.1.0/24'}}");
	check_trace("scale", CK_PATCH_MERGE,
	            "{'kind':'Scale','apiVersion':'autoscaling/v1','metadata':{'name':'ro-test',"
	            "'namespace':'default'},'spec':{'replicas':5},'status':{'replicas':5,"
	            "'selector':'app=ro-test'}}",
	            "{\"spec\":{\"replicas\":4}}", NULL,
	            "{'kind':'Scale','apiVersion':'autoscaling/v1','metadata':{'name':'ro-test',"
	            "'namespace':'default'},'spec':{'replicas':4},'status':{'replicas':5,"
	            "'selector':'app=ro-test'}}");
	/* The Python client (kubectl-1.32-traces/py_default): a dict is a strategic patch. */
	check_trace("python client dict", CK_PATCH_STRATEGIC,
	            "{'metadata':{'name':'py-cm','labels':{'from':'python'}},'data':{'a':'b'}}",
	            "{\"data\": {\"a\": \"patched\", \"c\": \"d\"}}", &meta_schema,
	            "{'metadata':{'name':'py-cm','labels':{'from':'python'}},"
	            "'data':{'a':'patched','c':'d'}}");
}

/* ---- strategic merge patch: apimachinery's cases ------------------------------------- */

/*
 * Ported from apimachinery pkg/util/strategicpatch/patch_test.go (Apache-2.0): each row is
 * one application its tests check, the two-way patch applied to Original or the
 * three-way patch applied to Current; "(sorted)" rows come from its order-insensitive
 * tables and are given here in the order apimachinery produces.
 */
static void test_smp_upstream(void **state)
{
	static const struct patch_case cases[] = {
#define ROW(name, orig, patch, want, err) {name, orig, patch, want, 500, err}
	        ROW("nested patch merge with empty list/TwoWay", "{'name':'hi'}",
	            "{'mergingList':[{'name':'hello'},{'$patch':'delete','name':'doesntexist'}]}",
	            "{'name':'hi','mergingList':[{'name':'hello'}]}", NULL),
	        ROW("nested patch merge with empty list/ThreeWay",
	            "{'name':'hi','mergingList':[{'name':'hello2'}]}",
	            "{'$setElementOrder/"
	            "mergingList':[{'name':'hello'},{'name':'doesntexist'}],'mergingList':[{'name':"
	            "'hello'}]}",
	            "{'name':'hi','mergingList':[{'name':'hello'},{'name':'hello2'}]}", NULL),
	        ROW("delete items in lists of scalars/ThreeWay", "{'mergingIntList':[1,2,3,4]}",
	            "{'$setElementOrder/mergingIntList':[1,2],'$deleteFromPrimitiveList/"
	            "mergingIntList':[3]}",
	            "{'mergingIntList':[1,2,4]}", NULL),
	        ROW("delete all duplicate items in lists of scalars/ThreeWay",
	            "{'mergingIntList':[1,2,3,3,4]}",
	            "{'$setElementOrder/mergingIntList':[1,2],'$deleteFromPrimitiveList/"
	            "mergingIntList':[3]}",
	            "{'mergingIntList':[1,2,4]}", NULL),
	        ROW("add and delete items in lists of scalars/TwoWay", "{'mergingIntList':[1,2,3]}",
	            "{'$setElementOrder/mergingIntList':[1,2,4],'$deleteFromPrimitiveList/"
	            "mergingIntList':[3],'mergingIntList':[4]}",
	            "{'mergingIntList':[1,2,4]}", NULL),
	        ROW("merge lists of maps/ThreeWay",
	            "{'mergingList':[{'name':1,'other':'a'},{'name':2,'value':2,'other':'b'}]}",
	            "{'$setElementOrder/"
	            "mergingList':[{'name':4},{'name':1},{'name':2},{'name':3}],'mergingList':[{'"
	            "name':4,'value':4},{'name':3,'value':3}]}",
	            "{'mergingList':[{'name':4,'value':4},{'name':1,'other':'a'},{'name':2,'value':"
	            "2,'other':'b'},{'name':3,'value':3}]}",
	            NULL),
	        ROW("add field to map in merging list/ThreeWay",
	            "{'mergingList':[{'name':1,'other':'a'},{'name':2,'value':2,'other':'b'}]}",
	            "{'$setElementOrder/"
	            "mergingList':[{'name':1},{'name':2}],'mergingList':[{'name':1,'value':1}]}",
	            "{'mergingList':[{'name':1,'value':1,'other':'a'},{'name':2,'value':2,'other':'"
	            "b'}]}",
	            NULL),
	        ROW("delete map from merging list/ThreeWay",
	            "{'mergingList':[{'name':1},{'name':2,'other':'b'}]}",
	            "{'$setElementOrder/"
	            "mergingList':[{'name':2}],'mergingList':[{'name':1,'$patch':'delete'}]}",
	            "{'mergingList':[{'name':2,'other':'b'}]}", NULL),
	        ROW("delete missing map from merging list/ThreeWay",
	            "{'mergingList':[{'name':2,'other':'b'}]}",
	            "{'$setElementOrder/"
	            "mergingList':[{'name':2}],'mergingList':[{'name':1,'$patch':'delete'}]}",
	            "{'mergingList':[{'name':2,'other':'b'}]}", NULL),
	        ROW("add map and delete map from merging list/ThreeWay",
	            "{'mergingList':[{'name':1},{'name':2,'other':'b'},{'name':4,'other':'c'}]}",
	            "{'$setElementOrder/"
	            "mergingList':[{'name':2},{'name':3}],'mergingList':[{'name':3},{'name':1,'$"
	            "patch':'delete'}]}",
	            "{'mergingList':[{'name':2,'other':'b'},{'name':4,'other':'c'},{'name':3}]}",
	            NULL),
	        ROW("add map and delete map from merging list with conflict/ThreeWay",
	            "{'mergingList':[{'name':1,'other':'a'},{'name':4,'other':'c'}]}",
	            "{'$setElementOrder/"
	            "mergingList':[{'name':2},{'name':3}],'mergingList':[{'name':2},{'name':3},{'"
	            "name':1,'$patch':'delete'}]}",
	            "{'mergingList':[{'name':4,'other':'c'},{'name':2},{'name':3}]}", NULL),
	        ROW("delete field from map in merging list/ThreeWay",
	            "{'mergingList':[{'name':1,'value':1,'other':'a'},{'name':2,'value':2,'other':'"
	            "b'}]}",
	            "{'$setElementOrder/"
	            "mergingList':[{'name':1},{'name':2}],'mergingList':[{'name':1,'value':null}]}",
	            "{'mergingList':[{'name':1,'other':'a'},{'name':2,'value':2,'other':'b'}]}",
	            NULL),
	        ROW("replace non merging list nested in merging list/ThreeWay",
	            "{'mergingList':[{'name':1,'other':'a','nonMergingList':[{'name':1},{'name':2,'"
	            "value':2}]},{'name':2,'other':'b'}]}",
	            "{'$setElementOrder/"
	            "mergingList':[{'name':1},{'name':2}],'mergingList':[{'name':1,'nonMergingList'"
	            ":[{'name':1,'value':1}]}]}",
	            "{'mergingList':[{'name':1,'other':'a','nonMergingList':[{'name':1,'value':1}]}"
	            ",{'name':2,'other':'b'}]}",
	            NULL),
	        ROW("add field to map in merging list nested in merging list/ThreeWay",
	            "{'mergingList':[{'name':1,'other':'a','mergingList':[{'name':1},{'name':2,'"
	            "value':2}]},{'name':2,'other':'b'}]}",
	            "{'$setElementOrder/"
	            "mergingList':[{'name':1},{'name':2}],'mergingList':[{'$setElementOrder/"
	            "mergingList':[{'name':1},{'name':2}],'name':1,'mergingList':[{'name':1,'value'"
	            ":1}]}]}",
	            "{'mergingList':[{'name':1,'other':'a','mergingList':[{'name':1,'value':1},{'"
	            "name':2,'value':2}]},{'name':2,'other':'b'}]}",
	            NULL),
	        ROW("merge lists of scalars/ThreeWay", "{'mergingIntList':[1,2,4]}",
	            "{'$setElementOrder/mergingIntList':[1,2,3],'mergingIntList':[3]}",
	            "{'mergingIntList':[1,2,3,4]}", NULL),
	        ROW("add an item in a list of primitives and preserve order/ThreeWay",
	            "{'mergingIntList':[1,4,2]}",
	            "{'$setElementOrder/mergingIntList':[3,1,2],'mergingIntList':[3]}",
	            "{'mergingIntList':[3,1,4,2]}", NULL),
	        ROW("add an item in a list and preserve order/ThreeWay",
	            "{'mergingList':[{'name':1,'other':'a'},{'name':2,'value':2,'other':'b'}]}",
	            "{'$setElementOrder/"
	            "mergingList':[{'name':3},{'name':1},{'name':2}],'mergingList':[{'name':3,'"
	            "value':3}]}",
	            "{'mergingList':[{'name':3,'value':3},{'name':1,'other':'a'},{'name':2,'value':"
	            "2,'other':'b'}]}",
	            NULL),
	        ROW("add multiple items in a list and preserve order/ThreeWay",
	            "{'mergingList':[{'name':1,'other':'a'},{'name':2,'value':2,'other':'b'}]}",
	            "{'$setElementOrder/"
	            "mergingList':[{'name':1},{'name':4},{'name':2},{'name':3}],'mergingList':[{'"
	            "name':4,'value':4},{'name':3,'value':3}]}",
	            "{'mergingList':[{'name':1,'other':'a'},{'name':4,'value':4},{'name':2,'value':"
	            "2,'other':'b'},{'name':3,'value':3}]}",
	            NULL),
	        ROW("delete an item in a list and preserve order/ThreeWay",
	            "{'mergingList':[{'name':1,'other':'a'},{'name':2,'value':2,'other':'b'},{'"
	            "name':3,'value':3}]}",
	            "{'$setElementOrder/"
	            "mergingList':[{'name':2},{'name':1}],'mergingList':[{'name':3,'$patch':'"
	            "delete'}]}",
	            "{'mergingList':[{'name':2,'value':2,'other':'b'},{'name':1,'other':'a'}]}",
	            NULL),
	        ROW("change an item in a list and preserve order/ThreeWay",
	            "{'mergingList':[{'name':1,'other':'a'},{'name':2,'value':2,'other':'b'},{'"
	            "name':3,'value':3}]}",
	            "{'$setElementOrder/"
	            "mergingList':[{'name':2},{'name':3},{'name':1}],'mergingList':[{'name':3,'"
	            "value':'x'}]}",
	            "{'mergingList':[{'name':2,'value':2,'other':'b'},{'name':3,'value':'x'},{'"
	            "name':1,'other':'a'}]}",
	            NULL),
	        ROW("add and delete an item in a list and preserve order/ThreeWay",
	            "{'mergingList':[{'name':1,'other':'a'},{'name':2,'value':2,'other':'b'},{'"
	            "name':3,'value':3}]}",
	            "{'$setElementOrder/"
	            "mergingList':[{'name':4},{'name':2},{'name':1}],'mergingList':[{'name':4,'"
	            "value':4},{'name':3,'$patch':'delete'}]}",
	            "{'mergingList':[{'name':4,'value':4},{'name':2,'value':2,'other':'b'},{'name':"
	            "1,'other':'a'}]}",
	            NULL),
	        ROW("set elements order in a list/ThreeWay",
	            "{'mergingList':[{'name':1,'other':'a'},{'name':3,'value':3},{'name':4,'value':"
	            "4},{'name':2,'value':2}]}",
	            "{'$setElementOrder/"
	            "mergingList':[{'name':4},{'name':2},{'name':3},{'name':1}]}",
	            "{'mergingList':[{'name':4,'value':4},{'name':2,'value':2},{'name':3,'value':3}"
	            ",{'name':1,'other':'a'}]}",
	            NULL),
	        ROW("set elements order in a list with server-only items/ThreeWay",
	            "{'mergingList':[{'name':1,'other':'a'},{'name':3,'value':3},{'name':4,'value':"
	            "4},{'name':2,'value':2},{'name':9}]}",
	            "{'$setElementOrder/"
	            "mergingList':[{'name':4},{'name':2},{'name':3},{'name':1}]}",
	            "{'mergingList':[{'name':4,'value':4},{'name':2,'value':2},{'name':3,'value':3}"
	            ",{'name':1,'other':'a'},{'name':9}]}",
	            NULL),
	        ROW("set elements order in a list with server-only items 2/ThreeWay",
	            "{'mergingList':[{'name':1,'other':'a'},{'name':2,'value':2},{'name':9},{'name'"
	            ":3,'value':3},{'name':4,'value':4}]}",
	            "{'$setElementOrder/"
	            "mergingList':[{'name':2},{'name':1},{'name':4},{'name':3}]}",
	            "{'mergingList':[{'name':2,'value':2},{'name':1,'other':'a'},{'name':9},{'name'"
	            ":4,'value':4},{'name':3,'value':3}]}",
	            NULL),
	        ROW("set elements order in a list with server-only items 3/ThreeWay",
	            "{'mergingList':[{'name':1,'other':'a'},{'name':2,'value':2},{'name':7},{'name'"
	            ":9},{'name':8},{'name':3,'value':3},{'name':4,'value':4}]}",
	            "{'$setElementOrder/"
	            "mergingList':[{'name':2},{'name':1},{'name':4},{'name':3}]}",
	            "{'mergingList':[{'name':2,'value':2},{'name':1,'other':'a'},{'name':7},{'name'"
	            ":9},{'name':8},{'name':4,'value':4},{'name':3,'value':3}]}",
	            NULL),
	        ROW("set elements order in a int list with server-only items 3/ThreeWay",
	            "{'mergingIntList':[1,2,7,9,8,3,4]}",
	            "{'$setElementOrder/mergingIntList':[2,1,4,3]}",
	            "{'mergingIntList':[2,1,7,9,8,4,3]}", NULL),
	        ROW("behavior of set element order for a merging list with duplicate/ThreeWay",
	            "{'mergingList':[{'name':1},{'name':2,'value':'dup1'},{'name':3},{'name':2,'"
	            "value':'dup2'},{'name':4}]}",
	            "{'$setElementOrder/"
	            "mergingList':[{'name':2},{'name':1},{'name':4},{'name':3},{'name':2}]}",
	            "{'mergingList':[{'name':2,'value':'dup1'},{'name':2,'value':'dup2'},{'name':1}"
	            ",{'name':4},{'name':3}]}",
	            NULL),
	        ROW("behavior of set element order for a merging int list with duplicate/ThreeWay",
	            "{'mergingIntList':[1,2,3,2,4]}",
	            "{'$setElementOrder/mergingIntList':[2,1,4,3,2]}",
	            "{'mergingIntList':[2,2,1,4,3]}", NULL),
	        ROW("retainKeys map should clear defaulted field/ThreeWay",
	            "{'retainKeysMap':{'value':'foo'}}",
	            "{'retainKeysMap':{'$retainKeys':['other'],'other':'bar'}}",
	            "{'retainKeysMap':{'other':'bar'}}", NULL),
	        ROW("retainKeys map adds a field and clear a field/ThreeWay",
	            "{'retainKeysMap':{'name':'foo','other':'a'}}",
	            "{'retainKeysMap':{'$retainKeys':['name','value'],'value':'bar'}}",
	            "{'retainKeysMap':{'name':'foo','value':'bar'}}", NULL),
	        ROW("retainKeys map deletes a field in a nested map/ThreeWay",
	            "{'retainKeysMap':{'name':'foo','value':'bar','simpleMap':{'key1':'a','key2':'"
	            "b','key3':'c'}}}",
	            "{'retainKeysMap':{'$retainKeys':['name','simpleMap','value'],'simpleMap':{'"
	            "key2':null}}}",
	            "{'retainKeysMap':{'name':'foo','value':'bar','simpleMap':{'key1':'a','key3':'"
	            "c'}}}",
	            NULL),
	        ROW("retainKeys map adds an item and deletes an item in nested merging int "
	            "list/ThreeWay",
	            "{'retainKeysMap':{'name':'foo','mergingIntList':[1,2,3,4]}}",
	            "{'retainKeysMap':{'$retainKeys':['mergingIntList','name'],'mergingIntList':[5]"
	            ",'$deleteFromPrimitiveList/mergingIntList':[2],'$setElementOrder/"
	            "mergingIntList':[1,3,5]}}",
	            "{'retainKeysMap':{'name':'foo','mergingIntList':[1,3,5,4]}}", NULL),
	        ROW("retainKeys list of maps clears a field/ThreeWay",
	            "{'retainKeysMergingList':[{'name':'bar'},{'name':'foo','value':'a','other':'x'"
	            "}]}",
	            "{'$setElementOrder/"
	            "retainKeysMergingList':[{'name':'bar'},{'name':'foo'}],'retainKeysMergingList'"
	            ":[{'$retainKeys':['name','value'],'name':'foo'}]}",
	            "{'retainKeysMergingList':[{'name':'bar'},{'name':'foo','value':'a'}]}", NULL),
	        ROW("retainKeys list of maps changes a field and clear a field/ThreeWay",
	            "{'retainKeysMergingList':[{'name':'bar'},{'name':'foo','value':'old','other':'"
	            "x'}]}",
	            "{'$setElementOrder/"
	            "retainKeysMergingList':[{'name':'bar'},{'name':'foo'}],'retainKeysMergingList'"
	            ":[{'$retainKeys':['name','value'],'name':'foo','value':'new'}]}",
	            "{'retainKeysMergingList':[{'name':'bar'},{'name':'foo','value':'new'}]}",
	            NULL),
	        ROW("delete and reorder in one list, reorder in another/ThreeWay",
	            "{'mergingList':[{'name':'a','value':'a'},{'name':'b','value':'b'}],'"
	            "mergeItemPtr':[{'name':'c','value':'c'},{'name':'d','value':'d'}]}",
	            "{'$setElementOrder/mergingList':[{'name':'b'}],'$setElementOrder/"
	            "mergeItemPtr':[{'name':'d'},{'name':'c'}],'mergingList':[{'$patch':'delete','"
	            "name':'a'}]}",
	            "{'mergingList':[{'name':'b','value':'b'}],'mergeItemPtr':[{'name':'d','value':"
	            "'d'},{'name':'c','value':'c'}]}",
	            NULL),
	        ROW("$setElementOrder contains item that is not present in the list to be "
	            "merged/TwoWay",
	            "{'mergingList':[{'name':1},{'name':3}]}",
	            "{'$setElementOrder/"
	            "mergingList':[{'name':3},{'name':2},{'name':1}],'mergingList':[{'name':3,'"
	            "value':3},{'name':1,'value':1}]}",
	            "{'mergingList':[{'name':3,'value':3},{'name':1,'value':1}]}", NULL),
	        ROW("$setElementOrder contains item that is not present in the int list to be "
	            "merged/TwoWay",
	            "{'mergingIntList':[1,3]}", "{'$setElementOrder/mergingIntList':[3,2,1]}",
	            "{'mergingIntList':[3,1]}", NULL),
	        ROW("should check if order in $setElementOrder and patch list match/TwoWay",
	            "{'mergingList':[{'name':1},{'name':3},{'name':2}]}",
	            "{'$setElementOrder/"
	            "mergingList':[{'name':1},{'name':2},{'name':3}],'mergingList':[{'name':3,'"
	            "value':3},{'name':1,'value':1}]}",
	            NULL, "doesn't match"),
	        ROW("missing merge key should error out/TwoWay",
	            "{'mergingList':[{'name':1,'value':'a'}]}", "{'mergingList':[{'value':'b'}]}",
	            NULL, "does not contain declared merge key"),
	        ROW("$deleteFromPrimitiveList of nonexistent item in primitive list should not add "
	            "the item to the list/TwoWay",
	            "{'mergingIntList':[1,2]}", "{'$deleteFromPrimitiveList/mergingIntList':[3]}",
	            "{'mergingIntList':[1,2]}", NULL),
	        ROW("$deleteFromPrimitiveList on empty primitive list should not add the item to "
	            "the list/TwoWay",
	            "{'mergingIntList':null}", "{'$deleteFromPrimitiveList/mergingIntList':[3]}",
	            "{'mergingIntList':null}", NULL),
	        ROW("$deleteFromPrimitiveList on nonexistent primitive list should not add the "
	            "primitive list/TwoWay",
	            "{'foo':['bar']}", "{'$deleteFromPrimitiveList/mergingIntList':[3]}",
	            "{'foo':['bar']}", NULL),
	        ROW("$deleteFromPrimitiveList should delete item from a list without merge patch "
	            "strategy/TwoWay",
	            "{'nonMergingIntList':[1,2,3]}",
	            "{'$deleteFromPrimitiveList/nonMergingIntList':[2]}",
	            "{'nonMergingIntList':[1,3]}", NULL),
	        ROW("delete map from nested map/TwoWay(sorted)",
	            "{'simpleMap':{'key1':1,'key2':1}}", "{'simpleMap':{'$patch':'delete'}}",
	            "{'simpleMap':{}}", NULL),
	        ROW("delete all items from merging list/TwoWay(sorted)",
	            "{'mergingList':[{'name':1},{'name':2}]}",
	            "{'mergingList':[{'$patch':'replace'}]}", "{'mergingList':[]}", NULL),
	        ROW("add key and delete all keys from map/TwoWay(sorted)", "{'name':1,'value':1}",
	            "{'other':'a','$patch':'replace'}", "{'other':'a'}", NULL),
	        ROW("delete all duplicate entries in a merging list/TwoWay(sorted)",
	            "{'mergingList':[{'name':1},{'name':1},{'name':2,'value':'a'},{'name':3},{'"
	            "name':3}]}",
	            "{'mergingList':[{'name':1,'$patch':'delete'},{'name':3,'$patch':'delete'}]}",
	            "{'mergingList':[{'name':2,'value':'a'}]}", NULL),
	        ROW("preserve the order from the patch in a merging list 2/TwoWay(sorted)",
	            "{'mergingList':[{'name':1},{'name':2,'value':'b'},{'name':3}]}",
	            "{'mergingList':[{'name':1,'value':'a'},{'name':3,'value':'c'}]}",
	            "{'mergingList':[{'name':1,'value':'a'},{'name':2,'value':'b'},{'name':3,'"
	            "value':'c'}]}",
	            NULL),
	        ROW("retainKeys list can delete a field when no retainKeys directive "
	            "present/TwoWay(sorted)",
	            "{'retainKeysMergingList':[{'name':'bar'},{'name':'foo','value':'a'}]}",
	            "{'retainKeysMergingList':[{'name':'foo','value':null}]}",
	            "{'retainKeysMergingList':[{'name':'bar'},{'name':'foo'}]}", NULL),
	        ROW("defined null values should propagate removing original "
	            "fields/ThreeWay(sorted)",
	            "{'name':'original-name','value':'original-value','other':'current-other'}",
	            "{'name':'modified-name','value':null}",
	            "{'name':'modified-name','other':'current-other'}", NULL),
	        ROW("add field to map in merging list by pointer/ThreeWay",
	            "{'mergeItemPtr':[{'name':1,'other':'a','mergeItemPtr':[{'name':1,'other':'a'},"
	            "{'name':2,'value':2,'other':'b'}]},{'name':2,'other':'b'}]}",
	            "{'$setElementOrder/"
	            "mergeItemPtr':[{'name':1},{'name':2}],'mergeItemPtr':[{'$setElementOrder/"
	            "mergeItemPtr':[{'name':1},{'name':2}],'name':1,'mergeItemPtr':[{'name':1,'"
	            "value':1}]}]}",
	            "{'mergeItemPtr':[{'name':1,'other':'a','mergeItemPtr':[{'name':1,'value':1,'"
	            "other':'a'},{'name':2,'value':2,'other':'b'}]},{'name':2,'other':'b'}]}",
	            NULL),
#undef ROW
	};

	(void)state;
	run_table(CK_PATCH_STRATEGIC, cases, CK_ARRAY_SIZE(cases), &mergeitem_schema);
}

/* ---- strategic merge patch: Kubernetes kinds ----------------------------------------- */

#define POD_AB                                                                                     \
	"{'metadata':{'name':'p'},'spec':{'containers':[{'name':'a','image':'a:1'},"               \
	"{'name':'b','image':'b:1'}]}}"

static void test_smp_pod(void **state)
{
	static const struct patch_case cases[] = {
	        {"containers merge by name", POD_AB,
	         "{'spec':{'containers':[{'name':'b','image':'b:2'}]}}",
	         "{'metadata':{'name':'p'},'spec':{'containers':[{'name':'a','image':'a:1'},"
	         "{'name':'b','image':'b:2'}]}}"},
	        /* K8S: a new element with no $setElementOrder goes first (mergeSortedSlice). */
	        {"a new container goes first", POD_AB,
	         "{'spec':{'containers':[{'name':'c','image':'c:1'}]}}",
	         "{'metadata':{'name':'p'},'spec':{'containers':[{'name':'c','image':'c:1'},"
	         "{'name':'a','image':'a:1'},{'name':'b','image':'b:1'}]}}"},
	        {"$setElementOrder places the new container", POD_AB,
	         "{'spec':{'$setElementOrder/containers':[{'name':'a'},{'name':'b'},{'name':'c'}],"
	         "'containers':[{'name':'c','image':'c:1'}]}}",
	         "{'metadata':{'name':'p'},'spec':{'containers':[{'name':'a','image':'a:1'},"
	         "{'name':'b','image':'b:1'},{'name':'c','image':'c:1'}]}}"},
	        {"$setElementOrder alone reorders", POD_AB,
	         "{'spec':{'$setElementOrder/containers':[{'name':'b'},{'name':'a'}]}}",
	         "{'metadata':{'name':'p'},'spec':{'containers':[{'name':'b','image':'b:1'},"
	         "{'name':'a','image':'a:1'}]}}"},
	        {"$patch: delete removes a container", POD_AB,
	         "{'spec':{'containers':[{'$patch':'delete','name':'a'}]}}",
	         "{'metadata':{'name':'p'},'spec':{'containers':[{'name':'b','image':'b:1'}]}}"},
	        {"$patch: replace replaces the list", POD_AB,
	         "{'spec':{'containers':[{'$patch':'replace'},{'name':'z','image':'z:1'}]}}",
	         "{'metadata':{'name':'p'},'spec':{'containers':[{'name':'z','image':'z:1'}]}}"},
	        {"null deletes a container field", POD_AB,
	         "{'spec':{'containers':[{'name':'a','image':null}]}}",
	         "{'metadata':{'name':'p'},'spec':{'containers':[{'name':'a'},"
	         "{'name':'b','image':'b:1'}]}}"},
	        {"ports merge by containerPort inside the container",
	         "{'spec':{'containers':[{'name':'a','ports':[{'containerPort':80,"
	         "'protocol':'TCP'}]}]}}",
	         "{'spec':{'containers':[{'name':'a','ports':[{'containerPort':80,'name':'http'},"
	         "{'containerPort':443}]}]}}",
	         "{'spec':{'containers':[{'name':'a','ports':[{'containerPort':80,'protocol':'TCP',"
	         "'name':'http'},{'containerPort':443}]}]}}"},
	        {"nested orders, as kubectl apply sends them",
	         "{'spec':{'containers':[{'name':'a','ports':[{'containerPort':80},"
	         "{'containerPort':81}],'env':[{'name':'X','value':'1'},{'name':'Y','value':'2'}]}]"
	         "}}",
	         "{'spec':{'$setElementOrder/containers':[{'name':'a'}],'containers':[{"
	         "'$setElementOrder/ports':[{'containerPort':81},{'containerPort':8080}],"
	         "'$setElementOrder/env':[{'name':'Y'},{'name':'X'}],'name':'a',"
	         "'ports':[{'containerPort':8080},{'$patch':'delete','containerPort':80}]}]}}",
	         "{'spec':{'containers':[{'name':'a','ports':[{'containerPort':81},"
	         "{'containerPort':8080}],'env':[{'name':'Y','value':'2'},{'name':'X','value':'1'}]"
	         "}]}}"},
	        {"env merges by name, volumeMounts by mountPath",
	         "{'spec':{'containers':[{'name':'a','env':[{'name':'X','value':'1'}],"
	         "'volumeMounts':[{'name':'v','mountPath':'/data'}]}]}}",
	         "{'spec':{'containers':[{'name':'a','env':[{'name':'X','value':'2'}],"
	         "'volumeMounts':[{'mountPath':'/data','readOnly':true}]}]}}",
	         "{'spec':{'containers':[{'name':'a','env':[{'name':'X','value':'2'}],"
	         "'volumeMounts':[{'name':'v','mountPath':'/data','readOnly':true}]}]}}"},
	        {"initContainers merge apart from containers",
	         "{'spec':{'initContainers':[{'name':'a','image':'i:1'}],'containers':[{'name':'a',"
	         "'image':'a:1'}]}}",
	         "{'spec':{'initContainers':[{'name':'a','image':'i:2'}]}}",
	         "{'spec':{'initContainers':[{'name':'a','image':'i:2'}],'containers':[{'name':'a',"
	         "'image':'a:1'}]}}"},
	        /* K8S: tolerations have no patch strategy: the list is replaced. */
	        {"tolerations are replaced",
	         "{'spec':{'tolerations':[{'key':'a','operator':'Exists'}]}}",
	         "{'spec':{'tolerations':[{'key':'b','operator':'Exists'}]}}",
	         "{'spec':{'tolerations':[{'key':'b','operator':'Exists'}]}}"},
	        {"imagePullSecrets merge by name", "{'spec':{'imagePullSecrets':[{'name':'r1'}]}}",
	         "{'spec':{'imagePullSecrets':[{'name':'r2'}]}}",
	         "{'spec':{'imagePullSecrets':[{'name':'r2'},{'name':'r1'}]}}"},
	        {"volumes: $retainKeys switches the source",
	         "{'spec':{'volumes':[{'name':'v','emptyDir':{}},{'name':'w','emptyDir':{}}]}}",
	         "{'spec':{'$setElementOrder/volumes':[{'name':'v'},{'name':'w'}],'volumes':[{"
	         "'$retainKeys':['configMap','name'],'configMap':{'name':'cm'},'name':'v'}]}}",
	         "{'spec':{'volumes':[{'name':'v','configMap':{'name':'cm'}},"
	         "{'name':'w','emptyDir':{}}]}}"},
	        {"finalizers: $deleteFromPrimitiveList",
	         "{'metadata':{'finalizers':['a','b','c','b']}}",
	         "{'metadata':{'$deleteFromPrimitiveList/finalizers':['b']}}",
	         "{'metadata':{'finalizers':['a','c']}}"},
	        {"finalizers: added, deleted and ordered as kubectl apply does",
	         "{'metadata':{'finalizers':['a','b','c']}}",
	         "{'metadata':{'$setElementOrder/finalizers':['a','c','d'],"
	         "'$deleteFromPrimitiveList/finalizers':['b'],'finalizers':['d']}}",
	         "{'metadata':{'finalizers':['a','c','d']}}"},
	        {"finalizers: merged without duplicates, new first",
	         "{'metadata':{'finalizers':['a']}}", "{'metadata':{'finalizers':['b','a']}}",
	         "{'metadata':{'finalizers':['b','a']}}"},
	        {"ownerReferences merge by uid",
	         "{'metadata':{'ownerReferences':[{'uid':'1','kind':'ReplicaSet','name':'r'}]}}",
	         "{'metadata':{'ownerReferences':[{'uid':'1','blockOwnerDeletion':true}]}}",
	         "{'metadata':{'ownerReferences':[{'uid':'1','kind':'ReplicaSet','name':'r',"
	         "'blockOwnerDeletion':true}]}}"},
	        {"status conditions merge by type",
	         "{'status':{'conditions':[{'type':'Ready','status':'False'},"
	         "{'type':'Initialized','status':'True'}]}}",
	         "{'status':{'conditions':[{'type':'Ready','status':'True'}]}}",
	         "{'status':{'conditions':[{'type':'Ready','status':'True'},"
	         "{'type':'Initialized','status':'True'}]}}"},
	        {"$patch: delete in a map empties it", "{'metadata':{'labels':{'a':'1','b':'2'}}}",
	         "{'metadata':{'labels':{'$patch':'delete'}}}", "{'metadata':{'labels':{}}}"},
	        {"$patch: replace in a map", "{'spec':{'nodeSelector':{'zone':'a','disk':'hdd'}}}",
	         "{'spec':{'nodeSelector':{'$patch':'replace','disk':'ssd'}}}",
	         "{'spec':{'nodeSelector':{'disk':'ssd'}}}"},
	        {"$patch: replace at the root", "{'a':1,'b':{'c':2}}",
	         "{'$patch':'replace','b':{'d':3}}", "{'b':{'d':3}}"},
	        {"null deletes", "{'spec':{'nodeSelector':{'zone':'a'},'hostname':'h'}}",
	         "{'spec':{'nodeSelector':null,'subdomain':null}}", "{'spec':{'hostname':'h'}}"},
	        {"a new map loses its nulls and directives", "{'spec':{}}",
	         "{'spec':{'affinity':{'nodeAffinity':null,'podAffinity':{'$retainKeys':['x'],"
	         "'x':1}},'containers':[{'name':'a','env':null,'$setElementOrder/env':[]},"
	         "{'$patch':'delete','name':'b'}]}}",
	         "{'spec':{'affinity':{'podAffinity':{'x':1}},'containers':[{'name':'a'}]}}"},
	        {"a value of another type replaces", "{'spec':{'containers':'x'}}",
	         "{'spec':{'containers':[{'name':'a'}]}}",
	         "{'spec':{'containers':[{'name':'a'}]}}"},
	        {"a null list in the original counts as none", "{'spec':{'containers':null}}",
	         "{'spec':{'$setElementOrder/"
	         "containers':[{'name':'a'}],'containers':[{'name':'a'}]}}",
	         "{'spec':{'containers':[{'name':'a'}]}}"},
	        {"empty lists stay empty", "{'metadata':{'finalizers':[]}}",
	         "{'metadata':{'$setElementOrder/finalizers':[],'finalizers':[]}}",
	         "{'metadata':{'finalizers':[]}}"},
	        {"unknown $keys are plain keys", "{}", "{'$x':1}", "{'$x':1}"},
	        {"null body changes nothing", "{'a':1}", "null", "{'a':1}"},
	};

	(void)state;
	run_table(CK_PATCH_STRATEGIC, cases, CK_ARRAY_SIZE(cases), &pod_schema);
}

static void test_smp_deployment(void **state)
{
	static const struct patch_case cases[] = {
	        /* kubectl set image deployment/web nginx=nginx:1.21 */
	        {"set image", DEPLOYMENT_V2,
	         "{'spec':{'template':{'spec':{'containers':[{'image':'nginx:1.21',"
	         "'name':'nginx'}]}}}}",
	         "{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web',"
	         "'namespace':'default','uid':'0c5e','resourceVersion':'812','generation':1,"
	         "'labels':{'app':'web'},'annotations':{'deployment.kubernetes.io/revision':'1'}},"
	         "'spec':{'replicas':4,'selector':{'matchLabels':{'app':'web'}},"
	         "'template':{'metadata':{'labels':{'app':'web'}},'spec':{'containers':[{"
	         "'name':'nginx','image':'nginx:1.21','env':[{'name':'A','value':'2'}],"
	         "'ports':[{'containerPort':80,'protocol':'TCP'}],'resources':{},"
	         "'imagePullPolicy':'IfNotPresent'}],'restartPolicy':'Always',"
	         "'dnsPolicy':'ClusterFirst'}},'strategy':{'type':'RollingUpdate',"
	         "'rollingUpdate':{'maxUnavailable':'25%','maxSurge':'25%'}}},"
	         "'status':{'replicas':3}}"},
	        /* kubectl rollout restart deployment/web */
	        {"rollout restart", "{'spec':{'template':{'metadata':{'labels':{'app':'web'}}}}}",
	         "{'spec':{'template':{'metadata':{'annotations':{"
	         "'kubectl.kubernetes.io/restartedAt':'2021-01-21T10:09:05Z'}}}}}",
	         "{'spec':{'template':{'metadata':{'labels':{'app':'web'},'annotations':{"
	         "'kubectl.kubernetes.io/restartedAt':'2021-01-21T10:09:05Z'}}}}}"},
	        /* K8S: DeploymentSpec.strategy is patchStrategy=retainKeys. */
	        {"strategy switched to Recreate",
	         "{'spec':{'strategy':{'type':'RollingUpdate','rollingUpdate':{'maxSurge':1}}}}",
	         "{'spec':{'strategy':{'$retainKeys':['type'],'type':'Recreate',"
	         "'rollingUpdate':null}}}",
	         "{'spec':{'strategy':{'type':'Recreate'}}}"},
	        {"pod template containers merge",
	         "{'spec':{'template':{'spec':{'containers':[{'name':'a','ports':[{"
	         "'containerPort':80}]}]}}}}",
	         "{'spec':{'template':{'spec':{'containers':[{'name':'a','ports':[{"
	         "'containerPort':80,'hostPort':8080}]}]}}}}",
	         "{'spec':{'template':{'spec':{'containers':[{'name':'a','ports':[{"
	         "'containerPort':80,'hostPort':8080}]}]}}}}"},
	        {"template finalizers are object meta too",
	         "{'spec':{'template':{'metadata':{'finalizers':['x']}}}}",
	         "{'spec':{'template':{'metadata':{'$deleteFromPrimitiveList/finalizers':['x']}}}}",
	         "{'spec':{'template':{'metadata':{'finalizers':[]}}}}"},
	        {"the pod's own paths mean nothing here", "{'spec':{'containers':[{'name':'a'}]}}",
	         "{'spec':{'containers':[{'name':'b'}]}}",
	         "{'spec':{'containers':[{'name':'b'}]}}"},
	        {"status conditions merge by type",
	         "{'status':{'conditions':[{'type':'Available','status':'False'}]}}",
	         "{'status':{'conditions':[{'type':'Progressing','status':'True'}]}}",
	         "{'status':{'conditions':[{'type':'Progressing','status':'True'},"
	         "{'type':'Available','status':'False'}]}}"},
	};
	static const struct patch_case other_kinds[] = {
	        {"node podCIDRs merge as a primitive list",
	         "{'spec':{'podCIDRs':['10.42.1.0/24']}}", "{'spec':{'podCIDRs':['fd00::/64']}}",
	         "{'spec':{'podCIDRs':['fd00::/64','10.42.1.0/24']}}"},
	        {"node taints are replaced",
	         "{'spec':{'taints':[{'key':'a','effect':'NoSchedule'}]}}",
	         "{'spec':{'taints':[{'key':'b','effect':'NoSchedule'}]}}",
	         "{'spec':{'taints':[{'key':'b','effect':'NoSchedule'}]}}"},
	        {"node addresses merge by type",
	         "{'status':{'addresses':[{'type':'InternalIP','address':'10.0.0.2'},"
	         "{'type':'Hostname','address':'n2'}]}}",
	         "{'status':{'addresses':[{'type':'InternalIP','address':'10.0.0.3'}]}}",
	         "{'status':{'addresses':[{'type':'InternalIP','address':'10.0.0.3'},"
	         "{'type':'Hostname','address':'n2'}]}}"},
	};
	static const struct patch_case no_schema[] = {
	        {"without a schema lists are replaced", POD_AB,
	         "{'spec':{'containers':[{'name':'b','image':'b:2'}]}}",
	         "{'metadata':{'name':'p'},'spec':{'containers':[{'name':'b','image':'b:2'}]}}"},
	        {"without a schema deletion lists still apply", "{'a':[1,2,3]}",
	         "{'$deleteFromPrimitiveList/a':[2]}", "{'a':[1,3]}"},
	};

	(void)state;
	run_table(CK_PATCH_STRATEGIC, cases, CK_ARRAY_SIZE(cases), &deployment_schema);
	run_table(CK_PATCH_STRATEGIC, other_kinds, CK_ARRAY_SIZE(other_kinds), &node_schema);
	run_table(CK_PATCH_STRATEGIC, no_schema, CK_ARRAY_SIZE(no_schema), NULL);
}

static void test_smp_errors(void **state)
{
	static const struct patch_case cases[] = {
	        /* K8S: the body must decode into a map: 400 BadRequest. */
	        {"list body", "{}", "[{'a':1}]", NULL, 400,
	         "invalid JSON patch: a strategic merge patch must be an object"},
	        {"string body", "{}", "'a'", NULL, 400, "must be an object"},
	        {"not JSON", "{}", "{", NULL, 400, "invalid JSON patch"},
	        /* K8S: the malformed directives interpretStrategicMergePatchError makes 400. */
	        {"$setElementOrder without a field", "{}", "{'$setElementOrder':[]}", NULL, 400,
	         "invalid patch format of setElementOrder list"},
	        {"$setElementOrder with a bad prefix", "{}", "{'$setElementOrderX/containers':[]}",
	         NULL, 400, "invalid patch format of setElementOrder list"},
	        {"$deleteFromPrimitiveList without a field", "{'a':[1]}",
	         "{'$deleteFromPrimitiveList':[1]}", NULL, 400,
	         "invalid patch format of primitive list"},
	        {"$deleteFromPrimitiveList with a bad prefix", "{'a':[1]}",
	         "{'$deleteFromPrimitiveListX/a':[1]}", NULL, 400, "primitive list"},
	        {"$retainKeys not a list", "{'spec':{'strategy':{}}}",
	         "{'spec':{'strategy':{'$retainKeys':'type'}}}", NULL, 400,
	         "invalid patch format of retainKeys"},
	        {"a patched key missing from $retainKeys", "{'spec':{'strategy':{}}}",
	         "{'spec':{'strategy':{'$retainKeys':['type'],'rollingUpdate':{}}}}", NULL, 400,
	         "invalid patch format of retainKeys"},
	        /* K8S: mergepatch.ErrNoListOfLists is 422. */
	        {"list of lists", "{'metadata':{'finalizers':[]}}",
	         "{'metadata':{'finalizers':[['a']]}}", NULL, 422,
	         "lists of lists are not supported"},
	        /* K8S: the rest are passed through unclassified: 500, reason Unknown (""). */
	        {"unknown $patch in a map", "{'metadata':{'labels':{}}}",
	         "{'metadata':{'labels':{'$patch':'merge'}}}", NULL, 500,
	         "unknown patch type: \"merge\" in map: {\"$patch\":\"merge\"}"},
	        {"$patch not a string", "{}", "{'$patch':1}", NULL, 500, "unknown patch type: 1"},
	        {"$patch: merge in a list", POD_AB,
	         "{'spec':{'containers':[{'$patch':'merge','name':'a'}]}}", NULL, 500,
	         "merging lists cannot yet be specified in the patch"},
	        {"unknown $patch in a list", POD_AB,
	         "{'spec':{'containers':[{'$patch':'nope','name':'a'}]}}", NULL, 500,
	         "unknown patch type: \"nope\""},
	        {"patch element without the merge key", POD_AB,
	         "{'spec':{'containers':[{'image':'x'}]}}", NULL, 500,
	         "map: {\"image\":\"x\"} does not contain declared merge key: name"},
	        {"delete without the merge key", POD_AB,
	         "{'spec':{'containers':[{'$patch':'delete'}]}}", NULL, 500,
	         "does not contain declared merge key: name"},
	        {"original element without the merge key",
	         "{'spec':{'containers':[{'image':'x'}]}}",
	         "{'spec':{'containers':[{'name':'a'}]}}", NULL, 500,
	         "does not contain declared merge key: name"},
	        {"$setElementOrder contradicting the patch list", POD_AB,
	         "{'spec':{'$setElementOrder/containers':[{'name':'b'},{'name':'a'}],"
	         "'containers':[{'name':'a'},{'name':'b'}]}}",
	         NULL, 500, "doesn't match $setElementOrder/spec.containers list"},
	        {"$setElementOrder not a list", POD_AB,
	         "{'spec':{'$setElementOrder/containers':{}}}", NULL, 500,
	         "expected a list, but received a map"},
	        {"$setElementOrder element without the merge key", POD_AB,
	         "{'spec':{'$setElementOrder/containers':[{'image':'a'}]}}", NULL, 500,
	         "does not contain declared merge key"},
	        {"$setElementOrder of a list of maps without a merge key",
	         "{'spec':{'x':[{'a':1}]}}", "{'spec':{'$setElementOrder/x':[{'a':1}]}}", NULL, 500,
	         "cannot merge lists without merge key"},
	        {"mixed element types", "{'metadata':{'finalizers':['a']}}",
	         "{'metadata':{'finalizers':[1]}}", NULL, 500,
	         "list element types are not identical"},
	        {"null element", "{'metadata':{'finalizers':['a']}}",
	         "{'metadata':{'finalizers':[null]}}", NULL, 500, "not identical"},
	        {"merge list of maps without a merge key", "{'metadata':{'finalizers':[{'a':1}]}}",
	         "{'metadata':{'finalizers':[{'b':1}]}}", NULL, 500,
	         "cannot merge lists without merge key for metadata.finalizers"},
	};
	struct ck_error *err;

	(void)state;
	run_table(CK_PATCH_STRATEGIC, cases, CK_ARRAY_SIZE(cases), &pod_schema);

	/* K8S: errors kube-apiserver does not classify carry metav1.StatusReasonUnknown. */
	err = patch_error(CK_PATCH_STRATEGIC, POD_AB, "{\"spec\":{\"containers\":[{\"x\":1}]}}",
	                  &pod_schema);
	assert_int_equal(err->http_status, 500);
	assert_string_equal(err->reason, "");
	ck_error_free(err);
	err = patch_error(CK_PATCH_STRATEGIC, "{}", "[]", &pod_schema);
	assert_string_equal(err->reason, "BadRequest");
	ck_error_free(err);
	err = patch_error(CK_PATCH_STRATEGIC, "{'metadata':{'finalizers':[]}}",
	                  "{\"metadata\":{\"finalizers\":[[1]]}}", &pod_schema);
	assert_string_equal(err->reason, "Invalid");
	ck_error_free(err);
}

/* ---- robustness --------------------------------------------------------------------- */

static void test_bad_calls(void **state)
{
	struct ck_error *err = NULL;
	json_t *arr = json_array(), *obj = json_object(), *out = NULL;

	(void)state;
	assert_int_equal(ck_patch_apply(CK_PATCH_MERGE, arr, "{}", 2, NULL, &out, &err), -1);
	assert_int_equal(err->http_status, 500);
	ck_error_clear(&err);
	assert_int_equal(ck_patch_apply(CK_PATCH_MERGE, NULL, "{}", 2, NULL, &out, &err), -1);
	ck_error_clear(&err);
	assert_int_equal(ck_patch_apply(CK_PATCH_APPLY_YAML, obj, "{}", 2, NULL, &out, &err), -1);
	assert_int_equal(err->http_status, 500);
	ck_error_clear(&err);
	assert_int_equal(ck_patch_apply((enum ck_patch_type)99, obj, "{}", 2, NULL, &out, &err),
	                 -1);
	ck_error_clear(&err);
	assert_int_equal(ck_patch_apply(CK_PATCH_MERGE, obj, NULL, 0, NULL, &out, &err), -1);
	assert_int_equal(err->http_status, 400);
	ck_error_clear(&err);
	/* err may be NULL: the error is dropped, the return value still says so. */
	assert_int_equal(ck_patch_apply(CK_PATCH_JSON, obj, "{}", 2, NULL, &out, NULL), -1);
	assert_null(out);
	json_decref(arr);
	json_decref(obj);
}

/* Inputs that must fail (or succeed) cleanly under every type, without crashing. */
static void test_no_crash(void **state)
{
	static const char *const originals[] = {
	        "{}",
	        "{'a':[1,'x',null,{'name':'n'},[1]],'b':{'c':null},'spec':{'containers':[null,1,"
	        "{'name':{'x':1}},{'name':'a','ports':[{'containerPort':'80'},{}]}]}}",
	        "{'metadata':{'finalizers':[null,[],{}]},'spec':{'containers':{}}}",
	};
	static const char *const patches[] = {
	        "",
	        " ",
	        "null",
	        "true",
	        "0",
	        "-1e999",
	        "1e400",
	        "\"\\ud800\"",
	        "\"\xff\"",
	        "[",
	        "{\"a\":\"\\u0000\"}",
	        "{\"a\\u0000b\":1}",
	        "[[]]",
	        "[{}]",
	        "[{\"op\":\"\"}]",
	        "[{\"op\":\"add\",\"path\":\"/\\u0000\",\"value\":1}]",
	        "[{\"op\":\"add\",\"path\":\"/a/-/-\",\"value\":1}]",
	        "[{\"op\":\"move\",\"from\":\"\",\"path\":\"/x\"}]",
	        "[{\"op\":\"move\",\"from\":\"/a\",\"path\":\"\"}]",
	        "[{\"op\":\"copy\",\"from\":\"\",\"path\":\"/a/0\"}]",
	        "[{\"op\":\"add\",\"path\":\"/a/9223372036854775807\",\"value\":1}]",
	        "[{\"op\":\"add\",\"path\":\"/a/-9223372036854775808\",\"value\":1}]",
	        "[{\"op\":\"test\",\"path\":\"/a/4/0\",\"value\":1}]",
	        "{\"$patch\":null}",
	        "{\"$patch\":{}}",
	        "{\"$retainKeys\":[1,null,{}]}",
	        "{\"$retainKeys\":[],\"a\":null}",
	        "{\"$setElementOrder/a\":[null,[],{}]}",
	        "{\"$setElementOrder/a\":[1,\"x\",null,{\"name\":\"n\"},[1]]}",
	        "{\"$setElementOrder/\":[]}",
	        "{\"$deleteFromPrimitiveList/\":[]}",
	        "{\"$deleteFromPrimitiveList/a\":null}",
	        "{\"$deleteFromPrimitiveList/b\":{\"c\":1}}",
	        "{\"$deleteFromPrimitiveList/a\":[[1]]}",
	        "{\"$deleteFromPrimitiveList/a\":\"x\"}",
	        "{\"spec\":{\"containers\":[{\"name\":{\"x\":1},\"a\":1}]}}",
	        "{\"spec\":{\"containers\":[{\"$patch\":\"delete\",\"name\":null}]}}",
	        "{\"spec\":{\"$setElementOrder/containers\":[{\"name\":\"a\"},{\"name\":\"a\"}],"
	        "\"containers\":[{\"name\":\"a\"},{\"name\":\"a\",\"x\":1}]}}",
	        "{\"spec\":{\"containers\":[{\"$patch\":\"replace\"},{\"$patch\":\"replace\"}]}}",
	        "{\"spec\":{\"containers\":[{\"name\":\"a\",\"ports\":[{\"$patch\":\"delete\","
	        "\"containerPort\":\"80\"},{\"containerPort\":\"80\"}]}]}}",
	        "{\"metadata\":{\"finalizers\":[{},[]]}}",
	        "{\"metadata\":{\"$setElementOrder/finalizers\":[[]],\"finalizers\":[[]]}}",
	        "{\"a\":{\"$patch\":\"replace\",\"$patch\":\"delete\"}}",
	};
	static const enum ck_patch_type types[] = {CK_PATCH_JSON, CK_PATCH_MERGE,
	                                           CK_PATCH_STRATEGIC};

	(void)state;
	for (size_t o = 0; o < CK_ARRAY_SIZE(originals); o++) {
		json_t *orig = ck_test_jq(originals[o]);
		ck_autofree char *before = sorted_dump(orig);

		for (size_t p = 0; p < CK_ARRAY_SIZE(patches); p++) {
			for (size_t t = 0; t < CK_ARRAY_SIZE(types); t++) {
				struct ck_error *err = NULL;
				json_t *out = NULL;
				int r = ck_patch_apply(types[t], orig, patches[p],
				                       strlen(patches[p]), &pod_schema, &out, &err);

				if (r == 0) {
					assert_true(json_is_object(out));
					assert_null(err);
				} else {
					assert_int_equal(r, -1);
					assert_null(out);
					assert_non_null(err);
					assert_true(err->http_status == 400 ||
					            err->http_status == 413 ||
					            err->http_status == 422 ||
					            err->http_status == 500);
				}
				json_decref(out);
				ck_error_free(err);
			}
		}
		ck_autofree char *after = sorted_dump(orig);
		assert_string_equal(before, after);
		json_decref(orig);
	}
}

static void test_depth(void **state)
{
	ck_autofree char *deep = nested_arrays(CK_PATCH_MAX_DEPTH - 1);
	ck_autofree char *too_deep = nested_arrays(CK_PATCH_MAX_DEPTH);
	struct ck_buf p = CK_BUF_INIT;
	json_t *orig = json_object(), *v, *out = NULL;
	struct ck_error *err = NULL;

	(void)state;
	/* {"a": 2047 arrays} is 2048 levels: the parser's limit, accepted by every engine. */
	ck_buf_addf(&p, "{\"a\":%s}", deep);
	json_decref(run_patch("merge depth 2048", CK_PATCH_MERGE, "{}", p.data, p.len, NULL, NULL,
	                      0, NULL));
	json_decref(run_patch("strategic depth 2048", CK_PATCH_STRATEGIC, "{}", p.data, p.len,
	                      &pod_schema, NULL, 0, NULL));
	ck_buf_reset(&p);
	ck_buf_addf(&p, "{\"a\":%s}", too_deep);
	json_decref(run_patch("merge depth 2049", CK_PATCH_MERGE, "{}", p.data, p.len, NULL, NULL,
	                      400, "maximum parsing depth"));
	ck_buf_release(&p);

	/*
	 * Every value is a level, as for jansson's parser: under 2047 nested objects there is
	 * room for a scalar or an empty object, not for an object holding a scalar.
	 */
	ck_buf_init(&p, 0);
	ck_buf_adds(&p, "[{\"op\":\"add\",\"path\":\"");
	for (int i = 0; i < CK_PATCH_MAX_DEPTH - 2; i++)
		ck_buf_adds(&p, "/a");
	ck_buf_adds(&p, "/x\",\"value\":");
	{
		static const struct {
			const char *value;
			int status;
		} leaf[] = {{"1}]", 0}, {"{}}]", 0}, {"{\"y\":1}}]", 422}};
		size_t at = p.len;

		v = orig;
		for (int i = 0; i < CK_PATCH_MAX_DEPTH - 2; i++) {
			json_t *c = json_object();

			json_object_set_new(v, "a", c);
			v = c;
		}
		for (size_t i = 0; i < CK_ARRAY_SIZE(leaf); i++) {
			ck_buf_truncate(&p, at);
			ck_buf_adds(&p, leaf[i].value);
			out = NULL;
			err = NULL;
			assert_int_equal(ck_patch_apply(CK_PATCH_JSON, orig, p.data, p.len, NULL,
			                                &out, &err),
			                 leaf[i].status ? -1 : 0);
			if (leaf[i].status)
				assert_int_equal(err->http_status, leaf[i].status);
			ck_error_free(err);
			json_decref(out);
		}
		json_object_clear(orig);
		err = NULL;
	}
	ck_buf_release(&p);

	/* An original nested deeper than anything parsed is refused, not walked. */
	v = orig;
	for (int i = 0; i < CK_PATCH_MAX_DEPTH + 5; i++) {
		json_t *c = json_object();

		json_object_set_new(v, "a", c);
		v = c;
	}
	out = NULL;
	assert_int_equal(ck_patch_apply(CK_PATCH_MERGE, orig, "{}", 2, NULL, &out, &err), -1);
	assert_int_equal(err->http_status, 500);
	ck_error_free(err);
	json_decref(orig);
}

/* A deterministic generator (xorshift64*), so a failure is reproducible. */
static uint64_t rng_state = 0x9e3779b97f4a7c15ull;

static uint64_t rng(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 2685821657736338717ull;
}

/*
 * Mutate valid patches byte-wise and token-wise and apply them with every engine: each
 * call returns 0 with an object or -1 with an error, never crashes, never leaks (ASan),
 * and never changes the original.
 */
static void test_fuzz(void **state)
{
	static const char *const seeds[] = {
	        "{\"spec\":{\"$setElementOrder/containers\":[{\"name\":\"b\"},{\"name\":\"a\"}],"
	        "\"containers\":[{\"name\":\"a\",\"$setElementOrder/"
	        "ports\":[{\"containerPort\":80}],"
	        "\"ports\":[{\"containerPort\":80},{\"$patch\":\"delete\",\"containerPort\":81}]},"
	        "{\"$patch\":\"delete\",\"name\":\"c\"}],\"volumes\":[{\"$retainKeys\":[\"name\"],"
	        "\"name\":\"v\"}]},\"metadata\":{\"$deleteFromPrimitiveList/finalizers\":[\"x\"],"
	        "\"labels\":{\"$patch\":\"replace\",\"a\":null}}}",
	        "[{\"op\":\"add\",\"path\":\"/spec/containers/0/ports/-\",\"value\":{\"a\":1}},"
	        "{\"op\":\"move\",\"from\":\"/metadata\",\"path\":\"/m\"},{\"op\":\"copy\","
	        "\"from\":\"/spec\",\"path\":\"/spec2\"},{\"op\":\"test\",\"path\":\"/m/name\","
	        "\"value\":\"p\"},{\"op\":\"remove\",\"path\":\"/spec/containers/-1\"},"
	        "{\"op\":\"replace\",\"path\":\"\",\"value\":{}}]",
	        "{\"metadata\":{\"labels\":{\"a\":null,\"b\":[1,{\"c\":null}]}},\"spec\":null}",
	};
	static const char *const tokens[] = {
	        "null",
	        "[]",
	        "{}",
	        "\"$patch\"",
	        "\"delete\"",
	        "\"replace\"",
	        "\"merge\"",
	        "-",
	        "\"/\"",
	        "\"~\"",
	        "0",
	        "-1",
	        "[[",
	        "]]",
	        "{\"name\":\"a\"}",
	        ",",
	        ":",
	        "\"name\"",
	        "\"$retainKeys\"",
	        "\"$setElementOrder/containers\"",
	        "\"/-\"",
	        "1e999",
	        "\"\\u0000\"",
	};
	static const enum ck_patch_type types[] = {CK_PATCH_JSON, CK_PATCH_MERGE,
	                                           CK_PATCH_STRATEGIC};
	json_t *orig = ck_test_jq(
	        "{'metadata':{'name':'p','finalizers':['x','y'],'labels':{'a':'1'}},"
	        "'spec':{'containers':[{'name':'a','ports':[{'containerPort':80},"
	        "{'containerPort':81}]},{'name':'b'},{'name':'c'}],'volumes':[{'name':'v',"
	        "'emptyDir':{}}]}}");
	ck_autofree char *before = sorted_dump(orig);
	struct ck_buf b = CK_BUF_INIT;
	size_t ok = 0, failed = 0;

	(void)state;
	for (int iter = 0; iter < 4000; iter++) {
		const char *seed = seeds[rng() % CK_ARRAY_SIZE(seeds)];

		ck_buf_reset(&b);
		ck_buf_adds(&b, seed);
		for (int m = 1 + (int)(rng() % 4); m > 0; m--) {
			size_t at = b.len ? (size_t)(rng() % b.len) : 0;
			struct ck_buf tmp = CK_BUF_INIT;

			ck_buf_add(&tmp, b.data, at);
			switch (rng() % 3) {
			case 0: /* drop a few bytes */
				at += 1 + rng() % 8;
				break;
			case 1: /* insert a token */
				ck_buf_adds(&tmp, tokens[rng() % CK_ARRAY_SIZE(tokens)]);
				break;
			default: /* replace a token-sized run */
				ck_buf_adds(&tmp, tokens[rng() % CK_ARRAY_SIZE(tokens)]);
				at += 1 + rng() % 4;
				break;
			}
			if (at < b.len)
				ck_buf_add(&tmp, b.data + at, b.len - at);
			ck_buf_release(&b);
			b = tmp;
		}
		for (size_t t = 0; t < CK_ARRAY_SIZE(types); t++) {
			struct ck_error *err = NULL;
			json_t *out = NULL;
			int r = ck_patch_apply(types[t], orig, b.data, b.len, &pod_schema, &out,
			                       &err);

			if (r == 0) {
				assert_true(json_is_object(out));
				assert_null(err);
				ok++;
			} else {
				assert_int_equal(r, -1);
				assert_null(out);
				assert_non_null(err);
				failed++;
			}
			json_decref(out);
			ck_error_free(err);
		}
	}
	ck_autofree char *after = sorted_dump(orig);
	assert_string_equal(before, after);
	/* Both outcomes were exercised, not only parse errors. */
	assert_true(ok > 100);
	assert_true(failed > 100);
	ck_buf_release(&b);
	json_decref(orig);
}

/* Long merging lists cost O(n log n), not O(n^2) (request bodies reach 3 MiB). */
static void test_large_lists(void **state)
{
	enum { N = 20000 };
	struct ck_buf o = CK_BUF_INIT, p = CK_BUF_INIT;
	struct ck_error *err = NULL;
	json_t *orig, *out = NULL, *list;
	struct timespec t0, t1;

	(void)state;
	ck_buf_adds(&o, "{\"spec\":{\"containers\":[");
	ck_buf_adds(&p, "{\"spec\":{\"$setElementOrder/containers\":[");
	for (int i = 0; i < N; i++)
		ck_buf_addf(&o, "%s{\"name\":\"c%d\",\"image\":\"i\"}", i ? "," : "", i);
	for (int i = N - 1; i >= 0; i--)
		ck_buf_addf(&p, "%s{\"name\":\"c%d\"}", i < N - 1 ? "," : "", i);
	ck_buf_adds(&p, "],\"containers\":[");
	for (int i = N - 1; i >= 0; i -= 2)
		ck_buf_addf(&p, "%s{\"name\":\"c%d\",\"image\":\"j\"}", i < N - 1 ? "," : "", i);
	ck_buf_adds(&o, "]}}");
	ck_buf_adds(&p, "]}}");
	orig = ck_json_parse(o.data, o.len, &err);
	assert_non_null(orig);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_int_equal(
	        ck_patch_apply(CK_PATCH_STRATEGIC, orig, p.data, p.len, &pod_schema, &out, &err),
	        0);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	list = ck_json_path(out, "spec.containers");
	assert_int_equal(json_array_size(list), N);
	/* Reversed, and every other one (the odd ones, from c19999 down) updated. */
	assert_string_equal(ck_json_path_str(json_array_get(list, 0), "name"), "c19999");
	assert_string_equal(ck_json_path_str(json_array_get(list, 0), "image"), "j");
	assert_string_equal(ck_json_path_str(json_array_get(list, 1), "image"), "i");
	assert_string_equal(ck_json_path_str(json_array_get(list, N - 1), "name"), "c0");
	/* Generous even for a sanitizer build; an O(n^2) merge takes minutes. */
	assert_true(t1.tv_sec - t0.tv_sec < 20);
	json_decref(out);
	json_decref(orig);
	ck_buf_release(&o);
	ck_buf_release(&p);
}

/* K8S: fmt's %+v of what json.Unmarshal (ints preserved) makes of a patch. */
static void test_format_go(void **state)
{
	static const struct {
		const char *json, *want;
	} cases[] = {
	        {"{\"b\":{\"y\":1,\"x\":[]},\"a\":\"s p\",\"c\":null}",
	         "map[a:s p b:map[x:[] y:1] c:<nil>]"},
	        {"[true,false,-3,{}]", "[true false -3 map[]]"},
	        {"[1.5,0.1,-2.25,1e6,123456.0,1234567.0,0.0001,0.00001,1e21,1.0,-0.0]",
	         "[1.5 0.1 -2.25 1e+06 123456 1.234567e+06 0.0001 1e-05 1e+21 1 -0]"},
	        {"[3.141592653589793,1e-300,12345678901234567890.0]",
	         "[3.141592653589793 1e-300 1.2345678901234567e+19]"},
	};

	(void)state;
	for (size_t i = 0; i < CK_ARRAY_SIZE(cases); i++) {
		struct ck_buf b = CK_BUF_INIT;
		json_t *v = json_loads(cases[i].json, 0, NULL);

		assert_non_null(v);
		ck_patch_format_go(&b, v);
		assert_string_equal(b.data ? b.data : "", cases[i].want);
		ck_buf_release(&b);
		json_decref(v);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_parse_type),
	        cmocka_unit_test(test_json_patch_rfc6902),
	        cmocka_unit_test(test_json_patch_semantics),
	        cmocka_unit_test(test_json_patch_errors),
	        cmocka_unit_test(test_json_patch_limits),
	        cmocka_unit_test(test_merge_patch_rfc7386),
	        cmocka_unit_test(test_merge_patch_kubernetes),
	        cmocka_unit_test(test_kubectl_traces),
	        cmocka_unit_test(test_smp_upstream),
	        cmocka_unit_test(test_smp_pod),
	        cmocka_unit_test(test_smp_deployment),
	        cmocka_unit_test(test_smp_errors),
	        cmocka_unit_test(test_bad_calls),
	        cmocka_unit_test(test_no_crash),
	        cmocka_unit_test(test_depth),
	        cmocka_unit_test(test_fuzz),
	        cmocka_unit_test(test_large_lists),
	        cmocka_unit_test(test_format_go),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
