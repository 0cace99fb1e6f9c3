/*
 * The base module's core: ck_error (set, wrap, errno, reasons), buffers and string
 * helpers, and the log level parser — including the edge cases that would corrupt memory
 * (growth across the shared empty buffer, consume past the end, split of empty fields).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>

#include <cmocka.h>

#include "base/compat.h"

#include "base/buf.h"
#include "base/error.h"
#include "base/log.h"
#include "base/mem.h"

static int fail_with(int code, struct ck_error **err)
{
	return ck_error_set(err, code, NULL, "cannot get pod '%s/%s'", "default", "web-0");
}

static void test_error_set_and_wrap(void **state)
{
	struct ck_error *err = NULL;

	(void)state;
	assert_int_equal(fail_with(404, &err), -1);
	assert_non_null(err);
	assert_int_equal(err->http_status, 404);
	assert_string_equal(err->reason, "NotFound");
	assert_string_equal(err->msg, "cannot get pod 'default/web-0'");
	assert_int_equal(ck_error_wrap(&err, "list %s", "pods"), -1);
	assert_string_equal(err->msg, "list pods: cannot get pod 'default/web-0'");
	ck_error_clear(&err);
	assert_null(err);

	/* A NULL err discards the error but still reports failure. */
	assert_int_equal(fail_with(409, NULL), -1);
	assert_int_equal(ck_error_wrap(NULL, "x"), -1);
	ck_error_free(NULL);
}

static void test_error_errno_and_reasons(void **state)
{
	struct ck_error *err = NULL;

	(void)state;
	ck_error_set_errno(&err, ENOENT, "cannot open '%s'", "/nope");
	assert_int_equal(err->errnum, ENOENT);
	assert_int_equal(err->http_status, 500);
	assert_string_equal(err->reason, "InternalError");
	assert_string_equal(err->msg, "cannot open '/nope': No such file or directory");
	ck_error_free(err);
	err = NULL;

	ck_error_set(&err, 422, CK_REASON_INVALID, "bad name");
	assert_string_equal(err->reason, "Invalid");
	ck_error_clear(&err);
	ck_error_set(&err, 0, NULL, "no code given");
	assert_int_equal(err->http_status, 500);
	ck_error_clear(&err);

	assert_string_equal(ck_error_reason_for(410), "Gone");
	assert_string_equal(ck_error_reason_for(429), "TooManyRequests");
	assert_string_equal(ck_error_reason_for(413), "RequestEntityTooLarge");
	assert_string_equal(ck_error_reason_for(415), "UnsupportedMediaType");
	assert_string_equal(ck_error_reason_for(418), "InternalError");
}

static void test_buf_growth_and_format(void **state)
{
	struct ck_buf b = CK_BUF_INIT;
	char *s;
	size_t len;

	(void)state;
	assert_string_equal(b.data, "");
	ck_buf_reset(&b); /* must not write into the shared empty string */
	for (int i = 0; i < 1000; i++)
		ck_buf_addf(&b, "%d,", i);
	assert_true(ck_str_has_prefix(b.data, "0,1,2,"));
	assert_true(ck_str_has_suffix(b.data, "998,999,"));
	assert_int_equal(b.len, strlen(b.data));
	ck_buf_consume(&b, 2);
	assert_true(ck_str_has_prefix(b.data, "1,2,"));
	ck_buf_consume(&b, b.len + 10);
	assert_int_equal(b.len, 0);
	assert_string_equal(b.data, "");
	ck_buf_add(&b, "a\0b", 3);
	assert_int_equal(b.len, 3);
	assert_memory_equal(b.data, "a\0b", 4);
	ck_buf_truncate(&b, 1);
	ck_buf_addch(&b, 'z');
	assert_string_equal(b.data, "az");
	s = ck_buf_detach(&b, &len);
	assert_string_equal(s, "az");
	assert_int_equal(len, 2);
	assert_int_equal(b.len, 0);
	assert_string_equal(b.data, "");
	free(s);

	/* Detaching a never-grown buffer still yields an owned empty string. */
	s = ck_buf_detach(&b, NULL);
	assert_string_equal(s, "");
	free(s);

	/* A format longer than the first allocation. */
	char big[5000];
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	ck_buf_addf(&b, "[%s]", big);
	assert_int_equal(b.len, sizeof(big) + 1);
	assert_int_equal(b.data[b.len - 1], ']');
	ck_buf_release(&b);
	ck_buf_release(&b);
}

static void test_str_helpers(void **state)
{
	const char *rest = NULL;
	char **parts;
	size_t n;
	int64_t v;

	(void)state;
	assert_true(ck_str_skip_prefix("/registry/pods", "/registry/", &rest));
	assert_string_equal(rest, "pods");
	assert_false(ck_str_skip_prefix("/reg", "/registry/", &rest));
	assert_true(ck_str_eq(NULL, NULL));
	assert_false(ck_str_eq("a", NULL));
	assert_true(ck_str_has_suffix("x", ""));
	assert_false(ck_str_has_suffix("", "x"));

	parts = ck_str_split("a,,b", ',', &n);
	assert_int_equal(n, 3);
	assert_string_equal(parts[0], "a");
	assert_string_equal(parts[1], "");
	assert_string_equal(parts[2], "b");
	assert_null(parts[3]);
	ck_str_list_free(parts);
	parts = ck_str_split("", ',', &n);
	assert_int_equal(n, 1);
	assert_string_equal(parts[0], "");
	ck_str_list_free(parts);
	ck_str_list_free(NULL);

	assert_int_equal(ck_str_to_int64("88809", 0, INT64_MAX, &v), 0);
	assert_int_equal(v, 88809);
	assert_int_equal(ck_str_to_int64("-5", -10, 10, &v), 0);
	assert_int_equal(v, -5);
	static const char *const bad[] = {
	        "", " 1", "1 ", "1x", "0x10", "99999999999999999999", "-", "+", "11",
	};
	for (size_t i = 0; i < CK_ARRAY_SIZE(bad); i++)
		assert_int_equal(ck_str_to_int64(bad[i], -10, 10, &v), -1);
	assert_int_equal(ck_str_to_int64(NULL, 0, 1, &v), -1);
}

static void test_log_levels(void **state)
{
	enum ck_log_level level;
	char *out = NULL;
	size_t outlen = 0;
	FILE *f = open_memstream(&out, &outlen);

	(void)state;
	assert_int_equal(ck_log_parse_level("debug", &level), 0);
	assert_int_equal(level, CK_LOG_DEBUG);
	assert_int_equal(ck_log_parse_level("error", &level), 0);
	assert_int_equal(level, CK_LOG_ERROR);
	assert_int_equal(ck_log_parse_level("DEBUG", &level), -1);
	assert_int_equal(ck_log_parse_level("", &level), -1);

	ck_log_set_output(f);
	ck_log_set_level(CK_LOG_WARN);
	ck_info("etcd", "hidden %d", 1);
	ck_warn("etcd", "shown %d", 2);
	ck_log_set_level(CK_LOG_OFF);
	ck_err("etcd", "hidden too");
	ck_log_set_level(CK_LOG_INFO);
	ck_log_set_output(NULL);
	fclose(f);
	/* 2026-11-21T10:50:00.123456Z warn  etcd: shown 2 */
	assert_int_equal(strlen(out), 27 + strlen(" warn  etcd: shown 2\n"));
	assert_int_equal(out[4], '-');
	assert_int_equal(out[10], 'T');
	assert_int_equal(out[26], 'Z');
	assert_string_equal(out + 27, " warn  etcd: shown 2\n");
	free(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_error_set_and_wrap),
	        cmocka_unit_test(test_error_errno_and_reasons),
	        cmocka_unit_test(test_buf_growth_and_format),
	        cmocka_unit_test(test_str_helpers),
	        cmocka_unit_test(test_log_levels),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
