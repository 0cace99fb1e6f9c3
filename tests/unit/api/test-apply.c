/*
 * Server-side apply (src/api/apply.h, src/api/fieldset.h) over the generated schema:
 * field sets of objects, FieldsV1 round trips, comparison, the merge of applied
 * configurations (map-lists by key, sets, atomic lists, granular maps), removal of fields
 * no longer applied, conflicts and force, co-ownership, and the Update bookkeeping of
 * non-apply writes.
 *
 * JSON in the tables is written with ' for " (no test value contains a quote).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>

#include <cmocka.h>

#include "base/compat.h"

#include "api/apply.h"
#include "api/fieldset.h"
#include "api/schema.h"
#include "base/buf.h"
#include "base/json.h"
#include "base/mem.h"
#include "support/json-text.h"

#define NOW  "2025-01-01T00:00:00Z"
#define NOW2 "2025-01-02T00:00:00Z"

static void assert_json(const json_t *got, const char *want)
{
	json_t *w = ck_test_jq(want);

	if (!json_equal((json_t *)got, w)) {
		char *g = json_dumps(got, JSON_COMPACT | JSON_SORT_KEYS | JSON_ENCODE_ANY);
		char *e = json_dumps(w, JSON_COMPACT | JSON_SORT_KEYS | JSON_ENCODE_ANY);

		print_error("got  %s\nwant %s\n", g, e);
		free(g);
		free(e);
		json_decref(w);
		fail();
	}
	json_decref(w);
}

static const struct ck_schema_type *type_of(const char *group, const char *kind)
{
	const struct ck_schema_kind *k = ck_schema_kind_find(group, "v1", kind);

	assert_non_null(k);
	return k->type;
}

static struct ck_apply_manager mgr(const char *name, const char *api_version, const char *time)
{
	struct ck_apply_manager m = {
	        .manager = name, .api_version = api_version, .subresource = "", .time = time};

	return m;
}

/*
 * Parse JSON that ckube wrote to be stored, checking it is canonical: byte for byte what
 * jansson's compact dump makes of it (the watch cache publishes such values unparsed).
 */
static json_t *canonical(const struct ck_buf *text)
{
	json_t *v = json_loadb(text->data, text->len, JSON_REJECT_DUPLICATES, NULL);
	struct ck_buf again = CK_BUF_INIT;

	assert_non_null(v);
	assert_int_equal(ck_json_dump_buf(v, &again, false, NULL), 0);
	if (again.len != text->len || memcmp(again.data, text->data, text->len)) {
		print_error("not canonical:\n  %s\n  %s\n", text->data, again.data);
		fail();
	}
	ck_buf_release(&again);
	return v;
}

/* The FieldsV1 of s, as parsed JSON. */
static json_t *fieldset_json(const struct ck_fieldset *s)
{
	struct ck_buf b = CK_BUF_INIT;
	json_t *v;

	ck_fieldset_write_json(s, &b);
	v = canonical(&b);
	ck_buf_release(&b);
	return v;
}

/* The managedFields written beside obj put back into its tree, for the assertions. */
static void put_managed(json_t *obj, struct ck_buf *managed)
{
	json_t *md = json_object_get(obj, "metadata");

	assert_null(json_object_get(md, "managedFields"));
	if (managed->len)
		json_object_set_new(md, "managedFields", canonical(managed));
	ck_buf_release(managed);
}

/* ck_apply_update, its managedFields put back into obj's tree. */
static int update(const struct ck_schema_type *t, const json_t *old, json_t *obj,
                  const struct ck_apply_manager *m, struct ck_error **err)
{
	struct ck_buf managed = CK_BUF_INIT;
	int rc = ck_apply_update(t, old, obj, m, &managed, err);

	put_managed(obj, &managed);
	return rc;
}

/* ck_apply_apply, its managedFields put back into *out's tree. */
static int apply_put(const struct ck_schema_type *t, const json_t *live, const json_t *config,
                     const struct ck_apply_manager *m, bool force, json_t **out, json_t **causes,
                     struct ck_error **err)
{
	struct ck_buf managed = CK_BUF_INIT;
	int rc = ck_apply_apply(t, live, config, m, 0, force, out, &managed, causes, err);

	if (rc == 0)
		put_managed(*out, &managed);
	else
		assert_int_equal(managed.len, 0);
	return rc;
}

/* ---- field sets --------------------------------------------------------------------- */

static void check_set(const struct ck_schema_type *t, const char *obj, const char *want)
{
	json_t *o = ck_test_jq(obj), *enc;
	struct ck_fieldset s = CK_FIELDSET_INIT;
	struct ck_error *err = NULL;

	assert_int_equal(ck_apply_to_set(t, o, &s, &err), 0);
	enc = fieldset_json(&s);
	assert_json(enc, want);
	json_decref(enc);
	json_decref(o);
	ck_fieldset_release(&s);
}

static void test_to_set(void **state)
{
	(void)state;
	const struct ck_schema_type *cm = type_of("", "ConfigMap");
	const struct ck_schema_type *dep = type_of("apps", "Deployment");
	const struct ck_schema_type *pod = type_of("", "Pod");

	check_set(cm, "{'data':{'a':'1','b':'2'},'metadata':{'labels':{'x':'y'}}}",
	          "{'f:data':{'f:a':{},'f:b':{}},'f:metadata':{'f:labels':{'f:x':{}}}}");
	/* Empty struct fields are members; managedFields never counts. */
	check_set(cm, "{'data':{},'metadata':{'managedFields':[{}]}}", "{'f:data':{}}");
	/* A map-list by its keys, elements members with "."; atomic lists whole; sets by value. */
	check_set(
	        dep,
	        "{'spec':{'replicas':2,'selector':{'matchLabels':{'a':'b'}},'template':{'spec':"
	        "{'containers':[{'name':'c','image':'i','args':['x','y'],'ports':[{"
	        "'containerPort':80}]}]}}}}",
	        "{'f:spec':{'f:replicas':{},'f:selector':{},'f:template':{'f:spec':{"
	        "'f:containers':{'k:{\\u0022name\\u0022:\\u0022c\\u0022}':{'.':{},'f:args':{},"
	        "'f:image':{},'f:name':{},'f:ports':{'k:{\\u0022containerPort\\u0022:80,"
	        "\\u0022protocol\\u0022:\\u0022TCP\\u0022}':{'.':{},'f:containerPort':{}}}}}}}}}");
	check_set(
	        pod, "{'metadata':{'finalizers':['a','b']}}",
	        "{'f:metadata':{'f:finalizers':{'v:\\u0022a\\u0022':{},'v:\\u0022b\\u0022':{}}}}");
}

static void test_fieldsv1_round_trip(void **state)
{
	(void)state;
	const char *text = "{'f:data':{'.':{},'f:a':{}},'f:metadata':{'f:labels':{'.':{},"
	                   "'f:x':{}}},'f:spec':{'f:l':{'k:{\\u0022name\\u0022:\\u0022c\\u0022}':"
	                   "{'.':{},'f:image':{}},'v:1':{},'i:2':{}}}}";
	json_t *v = ck_test_jq(text), *enc;
	struct ck_fieldset s = CK_FIELDSET_INIT;
	struct ck_error *err = NULL;
	struct ck_buf b = CK_BUF_INIT;

	assert_int_equal(ck_fieldset_from_json(v, &s, &err), 0);
	enc = fieldset_json(&s);
	assert_json(enc, text);
	/* Order: fields, keys, values, indexes; "." first. */
	ck_json_dump_buf(enc, &b, false, NULL);
	assert_non_null(strstr(b.data, "{\"f:l\":{\"k:"));
	assert_non_null(strstr(b.data, "\"f:data\":{\".\":{},\"f:a\":{}}"));
	assert_true(strstr(b.data, "\"v:1\"") < strstr(b.data, "\"i:2\""));
	ck_buf_release(&b);
	json_decref(enc);
	ck_fieldset_release(&s);
	json_decref(v);

	v = ck_test_jq("{'x:y':{}}");
	assert_int_equal(ck_fieldset_from_json(v, &s, &err), -1);
	assert_int_equal(err->http_status, 400);
	ck_error_free(err);
	ck_fieldset_release(&s);
	json_decref(v);
}

static void test_set_algebra(void **state)
{
	(void)state;
	json_t *a = ck_test_jq("{'f:a':{'.':{},'f:b':{}},'f:c':{}}"),
	       *b = ck_test_jq("{'f:a':{},'f:c':{}}");
	struct ck_fieldset sa = CK_FIELDSET_INIT, sb = CK_FIELDSET_INIT, si = CK_FIELDSET_INIT;
	struct ck_error *err = NULL;
	json_t *enc;

	assert_int_equal(ck_fieldset_from_json(a, &sa, &err), 0);
	assert_int_equal(ck_fieldset_from_json(b, &sb, &err), 0);
	ck_fieldset_intersect(&sa, &sb, &si);
	enc = fieldset_json(&si);
	assert_json(enc, "{'f:a':{},'f:c':{}}");
	json_decref(enc);
	/* Not recursive: a's child b stays. */
	ck_fieldset_difference(&sa, &sb);
	enc = fieldset_json(&sa);
	assert_json(enc, "{'f:a':{'f:b':{}}}");
	json_decref(enc);
	ck_fieldset_release(&sa);
	ck_fieldset_release(&sb);
	ck_fieldset_release(&si);
	json_decref(a);
	json_decref(b);
}

static void test_path_string(void **state)
{
	(void)state;
	const char *pes[] = {"f:spec", "f:containers", "k:{\"name\":\"c\",\"port\":80}", "f:image"};
	const char *set[] = {"f:finalizers", "v:\"x\""};
	struct ck_buf b = CK_BUF_INIT;

	ck_fieldset_path_string(pes, 4, &b);
	assert_string_equal(b.data, ".spec.containers[name=\"c\",port=80].image");
	ck_buf_reset(&b);
	ck_fieldset_path_string(set, 2, &b);
	assert_string_equal(b.data, ".finalizers[=\"x\"]");
	ck_buf_release(&b);
}

/* ---- compare and update --------------------------------------------------------------- */

static void test_compare(void **state)
{
	(void)state;
	const struct ck_schema_type *cm = type_of("", "ConfigMap");
	json_t *o = ck_test_jq("{'data':{'a':'1','b':'2'}}"),
	       *n = ck_test_jq("{'data':{'a':'3','c':'4'}}"), *e;
	struct ck_apply_diff d = {0};
	struct ck_error *err = NULL;

	assert_int_equal(ck_apply_compare(cm, o, n, &d, &err), 0);
	e = fieldset_json(&d.added);
	assert_json(e, "{'f:data':{'f:c':{}}}");
	json_decref(e);
	e = fieldset_json(&d.modified);
	assert_json(e, "{'f:data':{'f:a':{}}}");
	json_decref(e);
	e = fieldset_json(&d.removed);
	assert_json(e, "{'f:data':{'f:b':{}}}");
	json_decref(e);
	ck_apply_diff_release(&d);
	json_decref(o);
	json_decref(n);
}

static void test_update_entries(void **state)
{
	(void)state;
	const struct ck_schema_type *cm = type_of("", "ConfigMap");
	json_t *obj =
	        ck_test_jq("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'x','uid':'u',"
	                   "'labels':{'l':'1'}},'data':{'a':'1'}}");
	struct ck_apply_manager m = mgr("kubectl-create", "v1", NOW);
	struct ck_error *err = NULL;
	json_t *old, *obj2;

	/* A create: the object's own fields, maps that appeared with ".". */
	assert_int_equal(update(cm, NULL, obj, &m, &err), 0);
	assert_json(
	        json_object_get(json_object_get(obj, "metadata"), "managedFields"),
	        "[{'manager':'kubectl-create','operation':'Update','apiVersion':'v1','time':'" NOW
	        "','fieldsType':'FieldsV1','fieldsV1':{'f:data':{'.':{},'f:a':{}},"
	        "'f:metadata':{'f:labels':{'.':{},'f:l':{}}}}}]");
	/* An edit by another manager takes data.a and adds data.b; the creator keeps the rest. */
	old = json_deep_copy(obj);
	obj2 = json_deep_copy(obj);
	json_object_set_new(json_object_get(obj2, "data"), "a", json_string("2"));
	json_object_set_new(json_object_get(obj2, "data"), "b", json_string("3"));
	m = mgr("kubectl-edit", "v1", NOW2);
	assert_int_equal(update(cm, old, obj2, &m, &err), 0);
	assert_json(
	        json_object_get(json_object_get(obj2, "metadata"), "managedFields"),
	        "[{'manager':'kubectl-create','operation':'Update','apiVersion':'v1','time':'" NOW
	        "','fieldsType':'FieldsV1','fieldsV1':{'f:data':{},"
	        "'f:metadata':{'f:labels':{'.':{},'f:l':{}}}}},"
	        "{'manager':'kubectl-edit','operation':'Update','apiVersion':'v1','time':'" NOW2
	        "','fieldsType':'FieldsV1','fieldsV1':{'f:data':{'f:a':{},'f:b':{}}}}]");
	/* The same manager changes only what it owns: its entry, emptied first, takes them back. */
	json_t *obj3 = json_deep_copy(obj2);

	json_object_set_new(json_object_get(obj3, "data"), "a", json_string("4"));
	json_object_set_new(json_object_get(obj3, "data"), "b", json_string("5"));
	assert_int_equal(update(cm, obj2, obj3, &m, &err), 0);
	assert_true(
	        json_equal(json_object_get(json_object_get(obj3, "metadata"), "managedFields"),
	                   json_object_get(json_object_get(obj2, "metadata"), "managedFields")));
	json_decref(obj3);
	json_decref(obj2);
	/* An object stored untracked stays untracked until it is applied. */
	json_object_del(json_object_get(old, "metadata"), "managedFields");
	obj2 = json_deep_copy(old);
	json_object_set_new(json_object_get(obj2, "data"), "a", json_string("9"));
	assert_int_equal(update(cm, old, obj2, &m, &err), 0);
	assert_null(json_object_get(json_object_get(obj2, "metadata"), "managedFields"));
	json_decref(obj2);
	json_decref(old);
	json_decref(obj);
}

/* A manager named after a User-Agent that is not UTF-8: U+FFFD, as Go writes it. */
static void test_manager_not_utf8(void **state)
{
	(void)state;
	const struct ck_schema_type *cm = type_of("", "ConfigMap");
	json_t *obj = ck_test_jq("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'x'},"
	                         "'data':{'a':'1'}}");
	struct ck_apply_manager m = mgr("bot\xff\xfe-\xc3\xa9", "v1", NOW);
	struct ck_error *err = NULL;

	assert_int_equal(update(cm, NULL, obj, &m, &err), 0);
	assert_string_equal(json_string_value(json_object_get(
	                            json_array_get(json_object_get(json_object_get(obj, "metadata"),
	                                                           "managedFields"),
	                                           0),
	                            "manager")),
	                    "bot\xef\xbf\xbd\xef\xbf\xbd-\xc3\xa9");
	json_decref(obj);
}

/* ---- apply ------------------------------------------------------------------------------ */

/* Apply cfg as manager over *live (NULL: create); *live becomes the result. */
static int apply(const struct ck_schema_type *t, json_t **live, const char *cfg, const char *who,
                 bool force, struct ck_error **err, json_t **causes)
{
	json_t *c = ck_test_jq(cfg), *out = NULL, *cs = NULL;
	struct ck_apply_manager m =
	        mgr(who, t->pkg->group && *t->pkg->group ? "apps/v1" : "v1", NOW);
	int rc = apply_put(t, *live, c, &m, force, &out, &cs, err);

	json_decref(c);
	if (rc == 0) {
		json_decref(*live);
		*live = out;
	}
	if (causes)
		*causes = cs;
	else
		json_decref(cs);
	return rc;
}

static json_t *managed_set(const json_t *obj, const char *manager)
{
	size_t i;
	json_t *e;

	json_array_foreach(json_object_get(json_object_get(obj, "metadata"), "managedFields"), i, e)
	{
		if (!strcmp(json_string_value(json_object_get(e, "manager")), manager))
			return json_object_get(e, "fieldsV1");
	}
	return NULL;
}

static void test_apply_create_and_remove(void **state)
{
	(void)state;
	const struct ck_schema_type *cm = type_of("", "ConfigMap");
	struct ck_error *err = NULL;
	json_t *live = NULL;

	assert_int_equal(apply(cm, &live,
	                       "{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'x'},"
	                       "'data':{'a':'1','b':'2'}}",
	                       "kubectl", false, &err, NULL),
	                 0);
	assert_json(json_object_get(live, "data"), "{'a':'1','b':'2'}");
	assert_json(json_object_get(json_object_get(live, "metadata"), "managedFields"),
	            "[{'manager':'kubectl','operation':'Apply','apiVersion':'v1','time':'" NOW
	            "','fieldsType':'FieldsV1','fieldsV1':{'f:data':{'f:a':{},'f:b':{}}}}]");
	/* Applying without b removes it; what nobody applied (c, set by hand) stays. */
	json_object_set_new(json_object_get(live, "data"), "c", json_string("3"));
	assert_int_equal(apply(cm, &live,
	                       "{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'x'},"
	                       "'data':{'a':'1'}}",
	                       "kubectl", false, &err, NULL),
	                 0);
	assert_json(json_object_get(live, "data"), "{'a':'1','c':'3'}");
	/* Dropping data altogether: a goes, c stays. */
	assert_int_equal(apply(cm, &live,
	                       "{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'x'}}",
	                       "kubectl", false, &err, NULL),
	                 0);
	assert_json(json_object_get(live, "data"), "{'c':'3'}");
	assert_null(managed_set(live, "kubectl"));
	json_decref(live);
}

static void test_apply_lists(void **state)
{
	(void)state;
	const struct ck_schema_type *dep = type_of("apps", "Deployment");
	struct ck_error *err = NULL;
	json_t *live = ck_test_jq(
	        "{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'d',"
	        "'finalizers':['x'],'managedFields':[{'manager':'other','operation':"
	        "'Update','apiVersion':'apps/v1','fieldsType':'FieldsV1','fieldsV1':{"
	        "'f:metadata':{'f:finalizers':{'v:\\u0022x\\u0022':{}}},'f:spec':{"
	        "'f:template':{'f:spec':{'f:containers':{'k:{\\u0022name\\u0022:"
	        "\\u0022side\\u0022}':{'.':{},'f:name':{},'f:image':{}}}}}}}}]},"
	        "'spec':{'template':{'spec':{'containers':[{'name':'side','image':'s'}]}}}}");
	const char *cfg = "{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'d',"
	                  "'finalizers':['y']},'spec':{'template':{'spec':{'containers':[{'name':"
	                  "'main','image':'m','args':['1','2']}]}}}}";

	/* Map-lists merge by key, sets by value. */
	assert_int_equal(apply(dep, &live, cfg, "kubectl", false, &err, NULL), 0);
	assert_json(json_object_get(json_object_get(live, "metadata"), "finalizers"), "['x','y']");
	assert_json(json_object_get(json_object_get(json_object_get(json_object_get(live, "spec"),
	                                                            "template"),
	                                            "spec"),
	                            "containers"),
	            "[{'name':'side','image':'s'},{'name':'main','image':'m','args':['1','2']}]");
	/* Atomic lists are replaced whole; a container no longer applied goes. */
	cfg = "{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'d'},'spec':{"
	      "'template':{'spec':{'containers':[{'name':'main','image':'m','args':['3']}]}}}}";
	assert_int_equal(apply(dep, &live, cfg, "kubectl", false, &err, NULL), 0);
	assert_json(json_object_get(json_object_get(json_object_get(json_object_get(live, "spec"),
	                                                            "template"),
	                                            "spec"),
	                            "containers"),
	            "[{'name':'side','image':'s'},{'name':'main','image':'m','args':['3']}]");
	assert_json(json_object_get(json_object_get(live, "metadata"), "finalizers"), "['x']");
	cfg = "{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'d'},'spec':{"
	      "'template':{'spec':{'containers':[]}}}}";
	assert_int_equal(apply(dep, &live, cfg, "kubectl", false, &err, NULL), 0);
	assert_json(json_object_get(json_object_get(json_object_get(json_object_get(live, "spec"),
	                                                            "template"),
	                                            "spec"),
	                            "containers"),
	            "[{'name':'side','image':'s'}]");
	json_decref(live);
}

static void test_apply_conflicts(void **state)
{
	(void)state;
	const struct ck_schema_type *cm = type_of("", "ConfigMap");
	struct ck_error *err = NULL;
	json_t *live = ck_test_jq("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'x'},"
	                          "'data':{'key':'old'}}");
	json_t *causes = NULL;
	struct ck_apply_manager m = mgr("kubectl-client-side-apply", "v1", NOW);

	assert_int_equal(update(cm, NULL, live, &m, &err), 0);
	/* The same value: no conflict, both own it. */
	assert_int_equal(apply(cm, &live,
	                       "{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'x'},"
	                       "'data':{'key':'old'}}",
	                       "kubectl", false, &err, NULL),
	                 0);
	assert_json(managed_set(live, "kubectl"), "{'f:data':{'f:key':{}}}");
	assert_json(managed_set(live, "kubectl-client-side-apply"),
	            "{'f:data':{'.':{},'f:key':{}}}");
	/* Another value: 409 naming the owner and the path. */
	assert_int_equal(apply(cm, &live,
	                       "{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'x'},"
	                       "'data':{'key':'new'}}",
	                       "kubectl", false, &err, &causes),
	                 -1);
	assert_int_equal(err->http_status, 409);
	assert_string_equal(err->reason, "Conflict");
	assert_string_equal(err->msg, "Apply failed with 1 conflict: conflict with "
	                              "\"kubectl-client-side-apply\" using v1: .data.key");
	assert_json(causes,
	            "[{'reason':'FieldManagerConflict','message':'conflict with "
	            "\\u0022kubectl-client-side-apply\\u0022 using v1','field':'.data.key'}]");
	json_decref(causes);
	ck_error_free(err);
	err = NULL;
	assert_json(json_object_get(live, "data"), "{'key':'old'}");
	/* Force takes it. */
	assert_int_equal(apply(cm, &live,
	                       "{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'x'},"
	                       "'data':{'key':'new'}}",
	                       "kubectl", true, &err, NULL),
	                 0);
	assert_json(json_object_get(live, "data"), "{'key':'new'}");
	assert_json(managed_set(live, "kubectl-client-side-apply"), "{'f:data':{}}");
	/* Co-ownership: when kubectl stops applying key, the other owner keeps it... */
	assert_int_equal(apply(cm, &live,
	                       "{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'x'},"
	                       "'data':{'key':'new','k2':'v'}}",
	                       "other", false, &err, NULL),
	                 0);
	assert_int_equal(apply(cm, &live,
	                       "{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'x'}}",
	                       "kubectl", false, &err, NULL),
	                 0);
	assert_json(json_object_get(live, "data"), "{'key':'new','k2':'v'}");
	json_decref(live);
	/* Two conflicts: the multi-line form. */
	live = ck_test_jq("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'x'},"
	                  "'data':{'a':'1','b':'2'}}");
	assert_int_equal(update(cm, NULL, live, &m, &err), 0);
	assert_int_equal(apply(cm, &live,
	                       "{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'x'},"
	                       "'data':{'a':'3','b':'4'}}",
	                       "kubectl", false, &err, &causes),
	                 -1);
	assert_string_equal(err->msg,
	                    "Apply failed with 2 conflicts: conflicts with "
	                    "\"kubectl-client-side-apply\" using v1:\n- .data.a\n- .data.b");
	assert_int_equal(json_array_size(causes), 2);
	json_decref(causes);
	ck_error_free(err);
	json_decref(live);
}

static void test_apply_untracked_and_noop(void **state)
{
	(void)state;
	const struct ck_schema_type *cm = type_of("", "ConfigMap");
	struct ck_error *err = NULL;
	json_t *live = ck_test_jq("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'x',"
	                          "'uid':'u'},'data':{'key':'old'}}"),
	       *before;

	/* What an untracked object held is before-first-apply's: changing it conflicts. */
	assert_int_equal(apply(cm, &live,
	                       "{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'x'},"
	                       "'data':{'key':'new'}}",
	                       "kubectl", false, &err, NULL),
	                 -1);
	assert_non_null(strstr(err->msg, "\"before-first-apply\" using v1: .data.key"));
	ck_error_free(err);
	err = NULL;
	assert_int_equal(apply(cm, &live,
	                       "{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'x'},"
	                       "'data':{'other':'1'}}",
	                       "kubectl", false, &err, NULL),
	                 0);
	/* The same apply again changes nothing at all, time included. */
	before = json_deep_copy(live);
	json_t *c = ck_test_jq("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'x'},"
	                       "'data':{'other':'1'}}"),
	       *out = NULL, *causes = NULL;
	struct ck_apply_manager m = mgr("kubectl", "v1", NOW2);

	assert_int_equal(apply_put(cm, live, c, &m, false, &out, &causes, &err), 0);
	assert_true(json_equal(out, before));
	json_decref(out);
	json_decref(c);
	/* managedFields may not be applied. */
	c = ck_test_jq("{'metadata':{'managedFields':[]}}");
	assert_int_equal(apply_put(cm, live, c, &m, false, &out, &causes, &err), -1);
	assert_int_equal(err->http_status, 400);
	ck_error_free(err);
	json_decref(c);
	json_decref(before);
	json_decref(live);
}

/* K8S: capManagersManager: beyond ten Update managers the oldest merge into a bucket. */
static void test_update_managers_capped(void **state)
{
	const struct ck_schema_type *cm = type_of("", "ConfigMap");
	json_t *obj = ck_test_jq("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'x'},"
	                         "'data':{}}");
	struct ck_error *err = NULL;

	(void)state;
	assert_int_equal(
	        update(cm, NULL, obj,
	               &(struct ck_apply_manager){
	                       .manager = "c", .api_version = "v1", .subresource = "", .time = NOW},
	               &err),
	        0);
	/* Twelve more managers, each writing a key of its own, a second apart. */
	for (int i = 0; i < 12; i++) {
		json_t *old = json_deep_copy(obj);
		char name[16], key[16], when[32];

		snprintf(name, sizeof(name), "m%02d", i);
		snprintf(key, sizeof(key), "k%02d", i);
		snprintf(when, sizeof(when), "2025-01-03T00:00:%02dZ", i);
		json_object_set_new(json_object_get(obj, "data"), key, json_string("v"));
		assert_int_equal(update(cm, old, obj,
		                        &(struct ck_apply_manager){.manager = name,
		                                                   .api_version = "v1",
		                                                   .subresource = "",
		                                                   .time = when},
		                        &err),
		                 0);
		json_decref(old);
	}
	json_t *mf = json_object_get(json_object_get(obj, "metadata"), "managedFields");
	size_t i, n = 0;
	json_t *e, *bucket = NULL;

	json_array_foreach(mf, i, e)
	{
		const char *who = json_string_value(json_object_get(e, "manager"));

		n++;
		if (!strcmp(who, "ancient-changes"))
			bucket = e;
		/*
		 * The cap applies at every write: from the eleventh manager on, the oldest
		 * entry goes into the bucket each time (c and m00, then m01, then m02).
		 */
		assert_true(strcmp(who, "c") && strcmp(who, "m00") && strcmp(who, "m01") &&
		            strcmp(who, "m02"));
	}
	assert_int_equal(n, 10);
	assert_non_null(bucket);
	/* It holds what they owned and the time of the newest of them. */
	assert_string_equal(json_string_value(json_object_get(bucket, "time")),
	                    "2025-01-03T00:00:02Z");
	json_t *data = json_object_get(json_object_get(bucket, "fieldsV1"), "f:data");

	assert_non_null(json_object_get(data, "f:k00"));
	assert_non_null(json_object_get(data, "f:k01"));
	assert_non_null(json_object_get(data, "f:k02"));
	assert_null(json_object_get(data, "f:k03"));
	json_decref(obj);
}

static void test_parse_config(void **state)
{
	(void)state;
	json_t *v = NULL;
	struct ck_error *err = NULL;
	const char *y = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: \"1\"\n"
	                "  b: yes\nspec:\n  n: 3\n  f: 1.5\n  s: 'on'\n  l: [1, two]\n  z: ~\n";
	char ua[CK_APPLY_MANAGER_MAX + 1];

	assert_int_equal(ck_apply_parse_config(y, strlen(y), &v, &err), 0);
	assert_json(v, "{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'x'},'data':{'a':"
	               "'1','b':true},'spec':{'n':3,'f':1.5,'s':'on','l':[1,'two'],'z':null}}");
	json_decref(v);
	assert_int_equal(ck_apply_parse_config("{\"a\":1}", 7, &v, &err), 0);
	json_decref(v);
	assert_int_equal(ck_apply_parse_config("- a\n", 4, &v, &err), -1);
	assert_int_equal(err->http_status, 400);
	ck_error_free(err);
	ck_apply_manager_from_user_agent("kubectl/v1.33.1 (linux/amd64) kubernetes/abc", ua);
	assert_string_equal(ua, "kubectl");
	ck_apply_manager_from_user_agent("Python\x01-client", ua);
	assert_string_equal(ua, "Python-client");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_to_set),
	        cmocka_unit_test(test_fieldsv1_round_trip),
	        cmocka_unit_test(test_set_algebra),
	        cmocka_unit_test(test_path_string),
	        cmocka_unit_test(test_compare),
	        cmocka_unit_test(test_update_entries),
	        cmocka_unit_test(test_manager_not_utf8),
	        cmocka_unit_test(test_apply_create_and_remove),
	        cmocka_unit_test(test_apply_lists),
	        cmocka_unit_test(test_apply_conflicts),
	        cmocka_unit_test(test_apply_untracked_and_noop),
	        cmocka_unit_test(test_parse_config),
	        cmocka_unit_test(test_update_managers_capped),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
