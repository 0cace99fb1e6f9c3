/*
 * Objects as the API server writes them (src/api/object.c): the stored bytes in
 * Kubernetes' field order, where a create's reply puts resourceVersion, and managedFields
 * kept beside the tree as JSON (what the field manager produces) written in their place.
 *
 * JSON in the tables is written with ' for " (no test value contains a quote).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>

#include <cmocka.h>

#include "base/compat.h"

#include "api/api-int.h"
#include "base/buf.h"
#include "base/json.h"
#include "support/json-text.h"

/* The stored bytes of the object obj (' for "), managed as text (NULL: none; "": empty). */
static size_t stored(const char *obj, const char *managed, struct ck_buf *out)
{
	json_t *o = ck_test_jq(obj);
	struct ck_buf mf = CK_BUF_INIT;
	size_t at;

	if (managed && *managed) {
		json_t *m = ck_test_jq(managed);

		CK_BUG_ON(ck_json_dump_buf(m, &mf, false, NULL) < 0);
		json_decref(m);
	}
	at = ck_api_obj_dump_stored(o, managed ? &mf : NULL, out);
	ck_buf_release(&mf);
	json_decref(o);
	return at;
}

static void assert_text(const struct ck_buf *got, const char *want)
{
	json_t *w = ck_test_jq(want);
	struct ck_buf b = CK_BUF_INIT;

	CK_BUG_ON(ck_json_dump_buf(w, &b, false, NULL) < 0);
	if (strcmp(got->data, b.data)) {
		print_error("got  %s\nwant %s\n", got->data, b.data);
		fail();
	}
	ck_buf_release(&b);
	json_decref(w);
}

/* Kubernetes' order: kind, apiVersion, metadata first; ObjectMeta's own order inside. */
static void test_stored_order(void **state)
{
	(void)state;
	struct ck_buf b = CK_BUF_INIT;
	size_t at = stored("{'spec':{'x':1},'metadata':{'labels':{'a':'b'},'resourceVersion':'7',"
	                   "'name':'n','uid':'u'},'apiVersion':'v1','kind':'Pod'}",
	                   NULL, &b);

	/* resourceVersion is left out: it is the key's revision. */
	assert_text(&b, "{'kind':'Pod','apiVersion':'v1','metadata':{'name':'n','uid':'u',"
	                "'labels':{'a':'b'}},'spec':{'x':1}}");
	assert_int_equal(at, strstr(b.data, "\"labels\"") - b.data);
	ck_buf_release(&b);
}

/* managedFields beside the tree take the place of the tree's own, last of ObjectMeta. */
static void test_stored_managed(void **state)
{
	(void)state;
	struct ck_buf b = CK_BUF_INIT;
	const char *mf = "[{'manager':'m','operation':'Update','fieldsV1':{'f:spec':{}}}]";
	size_t at =
	        stored("{'kind':'Pod','apiVersion':'v1','metadata':{'managedFields':[{'old':1}],"
	               "'finalizers':['f'],'name':'n'},'spec':{}}",
	               mf, &b);

	assert_text(&b, "{'kind':'Pod','apiVersion':'v1','metadata':{'name':'n','finalizers':['f'],"
	                "'managedFields':[{'manager':'m','operation':'Update','fieldsV1':{"
	                "'f:spec':{}}}]},'spec':{}}");
	assert_int_equal(at, strstr(b.data, "\"finalizers\"") - b.data);
	ck_buf_reset(&b);
	/* The tree has none: they are written all the same, and are where rv_at points. */
	at = stored("{'kind':'Pod','apiVersion':'v1','metadata':{'name':'n'}}", mf, &b);
	assert_text(&b, "{'kind':'Pod','apiVersion':'v1','metadata':{'name':'n','managedFields':"
	                "[{'manager':'m','operation':'Update','fieldsV1':{'f:spec':{}}}]}}");
	assert_int_equal(at, strstr(b.data, "\"managedFields\"") - b.data);
	ck_buf_reset(&b);
	/* Empty: the tree's own. */
	at = stored("{'kind':'Pod','apiVersion':'v1','metadata':{'name':'n','managedFields':[1]}}",
	            "", &b);
	assert_text(&b,
	            "{'kind':'Pod','apiVersion':'v1','metadata':{'name':'n','managedFields':[1]}}");
	ck_buf_release(&b);
}

/* The reply's dump writes them too, and keeps resourceVersion. */
static void test_normalized_managed(void **state)
{
	(void)state;
	json_t *o = ck_test_jq("{'metadata':{'resourceVersion':'5','name':'n'},'kind':'Pod'}");
	struct ck_buf mf = CK_BUF_INIT, b = CK_BUF_INIT;

	ck_buf_adds(&mf, "[{\"manager\":\"m\"}]");
	ck_api_obj_dump_normalized(o, &mf, &b);
	assert_text(&b, "{'kind':'Pod','metadata':{'name':'n','resourceVersion':'5',"
	                "'managedFields':[{'manager':'m'}]}}");
	ck_buf_release(&b);
	ck_buf_release(&mf);
	json_decref(o);
}

/* K8S: uuid.NewUUID: random, version 4, RFC 4122 variant, lower-case 8-4-4-4-12. */
static void test_uuid(void **state)
{
	(void)state;
	char a[37], b[37];

	ck_api_uuid(a);
	ck_api_uuid(b);
	assert_int_equal(strlen(a), 36);
	for (size_t i = 0; i < 36; i++) {
		if (i == 8 || i == 13 || i == 18 || i == 23)
			assert_int_equal(a[i], '-');
		else
			assert_non_null(strchr("0123456789abcdef", a[i]));
	}
	assert_int_equal(a[14], '4');
	assert_non_null(strchr("89ab", a[19]));
	assert_string_not_equal(a, b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_stored_order),
	        cmocka_unit_test(test_stored_managed),
	        cmocka_unit_test(test_normalized_managed),
	        cmocka_unit_test(test_uuid),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
