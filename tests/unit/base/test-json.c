/*
 * JSON helpers: parse errors with positions, typed getters (absent vs wrong type), the
 * int64-as-string form etcd sends, dotted paths, and base64 round trips and rejections.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>

#include <cmocka.h>

#include "base/compat.h"

#include "base/json.h"
#include "base/mem.h"

static void test_parse_errors(void **state)
{
	static const char *const bad[] = {
	        "",    "{",           "{\"a\":}",    "[1,]", "{\"a\":1,\"a\":2}",
	        "nul", "{\"a\":1} x", "\"\\ud800\"",
	};
	struct ck_error *err = NULL;
	json_t *v;

	(void)state;
	for (size_t i = 0; i < CK_ARRAY_SIZE(bad); i++) {
		v = ck_json_parse(bad[i], strlen(bad[i]), &err);
		assert_null(v);
		assert_non_null(err);
		assert_int_equal(err->http_status, 400);
		assert_true(ck_str_has_prefix(err->msg, "invalid JSON at line "));
		ck_error_clear(&err);
	}
	v = ck_json_parse_object("[1]", 3, &err);
	assert_null(v);
	assert_string_equal(err->msg, "invalid JSON: expected an object");
	ck_error_clear(&err);

	v = ck_json_parse("42", 2, &err);
	assert_true(json_is_integer(v));
	json_decref(v);
}

static void test_typed_getters(void **state)
{
	const char *text = "{\"s\":\"x\",\"b\":true,\"i\":7,\"o\":{},\"a\":[],\"n\":null,"
	                   "\"rev\":\"88809\",\"badrev\":\"12a\",\"numrev\":5}";
	struct ck_error *err = NULL;
	json_t *v = ck_json_parse_object(text, strlen(text), &err);
	const char *s = "default";
	bool b = false;
	int64_t i = -1;
	json_t *o = NULL;

	(void)state;
	assert_non_null(v);
	assert_int_equal(ck_json_get_str(v, "s", &s, &err), 0);
	assert_string_equal(s, "x");
	assert_int_equal(ck_json_get_str(v, "missing", &s, &err), 1);
	assert_string_equal(s, "x");
	assert_int_equal(ck_json_get_str(v, "n", &s, &err), 1);
	assert_int_equal(ck_json_get_str(v, "i", &s, &err), -1);
	assert_string_equal(err->msg, "field 'i': expected a string");
	ck_error_clear(&err);
	assert_int_equal(ck_json_get_bool(v, "b", &b, &err), 0);
	assert_true(b);
	assert_int_equal(ck_json_get_bool(v, "s", &b, &err), -1);
	ck_error_clear(&err);
	assert_int_equal(ck_json_get_int(v, "i", &i, &err), 0);
	assert_int_equal(i, 7);
	assert_int_equal(ck_json_get_object(v, "o", &o, &err), 0);
	assert_true(json_is_object(o));
	assert_int_equal(ck_json_get_array(v, "o", &o, &err), -1);
	ck_error_clear(&err);
	assert_int_equal(ck_json_get_array(v, "a", &o, &err), 0);

	assert_int_equal(ck_json_get_int64_str(v, "rev", &i, &err), 0);
	assert_int_equal(i, 88809);
	assert_int_equal(ck_json_get_int64_str(v, "numrev", &i, &err), 0);
	assert_int_equal(i, 5);
	assert_int_equal(ck_json_get_int64_str(v, "nothere", &i, &err), 1);
	assert_int_equal(ck_json_get_int64_str(v, "badrev", &i, &err), -1);
	assert_string_equal(err->msg, "field 'badrev': expected a 64-bit integer");
	ck_error_clear(&err);
	/* Getters on a non-object are "absent", never a crash. */
	assert_int_equal(ck_json_get_str(NULL, "s", &s, &err), 1);
	json_decref(v);
}

static void test_paths_and_dump(void **state)
{
	const char *text = "{\"metadata\":{\"name\":\"web\",\"labels\":{\"app\":\"x\"}},\"n\":1}";
	json_t *v = ck_json_parse(text, strlen(text), NULL);
	struct ck_buf b = CK_BUF_INIT;
	char *s;

	(void)state;
	assert_string_equal(ck_json_path_str(v, "metadata.name"), "web");
	assert_string_equal(ck_json_path_str(v, "metadata.labels.app"), "x");
	assert_null(ck_json_path(v, "metadata.nope"));
	assert_null(ck_json_path(v, "n.deeper"));
	assert_null(ck_json_path_str(v, "metadata"));
	assert_ptr_equal(ck_json_path(v, ""), v);

	ck_json_set_int64_str(v, "rev", INT64_MAX);
	assert_string_equal(ck_json_path_str(v, "rev"), "9223372036854775807");
	assert_int_equal(ck_json_dump_buf(v, &b, true, NULL), 0);
	assert_string_equal(b.data, "{\"metadata\":{\"labels\":{\"app\":\"x\"},\"name\":\"web\"},"
	                            "\"n\":1,\"rev\":\"9223372036854775807\"}");
	ck_buf_release(&b);
	s = ck_json_dumps(json_object_get(v, "n"));
	assert_string_equal(s, "1");
	free(s);
	json_decref(v);
}

static void test_base64(void **state)
{
	static const struct {
		const char *plain, *encoded;
	} cases[] = {
	        {"", ""},
	        {"f", "Zg=="},
	        {"fo", "Zm8="},
	        {"foo", "Zm9v"},
	        {"/registry/", "L3JlZ2lzdHJ5Lw=="},
	};
	static const char *const bad[] = {"Zg=",    "Zg",       "Z===",     "Zg==Zg==", "!!!!",
	                                  "Zm9v\n", "Zm9v    ", "    Zm9v", "Zm9v----", "    "};
	struct ck_error *err = NULL;

	(void)state;
	for (size_t i = 0; i < CK_ARRAY_SIZE(cases); i++) {
		size_t len = 0;
		char *enc = ck_base64_encode(cases[i].plain, strlen(cases[i].plain));
		char *dec = ck_base64_decode(cases[i].encoded, &len, &err);

		assert_string_equal(enc, cases[i].encoded);
		assert_non_null(dec);
		assert_int_equal(len, strlen(cases[i].plain));
		assert_memory_equal(dec, cases[i].plain, len);
		free(enc);
		free(dec);
	}
	/* Binary with NUL bytes survives. */
	unsigned char bin[256];
	for (size_t i = 0; i < sizeof(bin); i++)
		bin[i] = (unsigned char)i;
	char *enc = ck_base64_encode(bin, sizeof(bin));
	size_t len = 0;
	char *dec = ck_base64_decode(enc, &len, &err);
	assert_int_equal(len, sizeof(bin));
	assert_memory_equal(dec, bin, sizeof(bin));
	free(enc);
	free(dec);

	for (size_t i = 0; i < CK_ARRAY_SIZE(bad); i++) {
		assert_null(ck_base64_decode(bad[i], &len, &err));
		assert_non_null(err);
		assert_int_equal(err->http_status, 400);
		ck_error_clear(&err);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_parse_errors),
	        cmocka_unit_test(test_typed_getters),
	        cmocka_unit_test(test_paths_and_dump),
	        cmocka_unit_test(test_base64),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
