/*
 * RFC 3339 times as metav1.Time and metav1.MicroTime write and read them: the exact
 * strings written (UTC, 'Z', six truncated fractional digits), offsets and fractions
 * accepted on input, calendar checks (month 13, Feb 30, Feb 29 off leap years, hour 24,
 * leap second), everything malformed rejected with the reason named, the 0000-9999
 * clamp, and the clocks.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>

#include <cmocka.h>

#include "base/compat.h"

#include "base/error.h"
#include "base/mem.h"
#include "base/time.h"

#define T_2026 1795258200LL /* 2026-11-21T10:50:00Z */

#define NOT_RFC3339 "not an RFC 3339 time like '2006-01-02T15:04:05Z'"
#define NOT_MICRO   "not an RFC 3339 time with microseconds like '2006-01-02T15:04:05.000000Z'"

struct fmt_case {
	int64_t sec;
	long nsec;
	const char *want;       /* ck_time_format_rfc3339 */
	const char *want_micro; /* ck_time_format_rfc3339_micro */
};

static const struct fmt_case fmt_cases[] = {
        {0, 0, "1970-01-01T00:00:00Z", "1970-01-01T00:00:00.000000Z"},
        {T_2026, 0, "2026-11-21T10:50:00Z", "2026-11-21T10:50:00.000000Z"},
        /* MicroTime truncates, it does not round */
        {T_2026, 123456789, "2026-11-21T10:50:00Z", "2026-11-21T10:50:00.123456Z"},
        {T_2026, 999999999, "2026-11-21T10:50:00Z", "2026-11-21T10:50:00.999999Z"},
        {T_2026, 999, "2026-11-21T10:50:00Z", "2026-11-21T10:50:00.000000Z"},
        {T_2026, 1000, "2026-11-21T10:50:00Z", "2026-11-21T10:50:00.000001Z"},
        {1709208000, 0, "2024-02-29T12:00:00Z", "2024-02-29T12:00:00.000000Z"},
        {-1, 500000000, "1969-12-31T23:59:59Z", "1969-12-31T23:59:59.500000Z"},
        {-62167219200LL, 0, "0000-01-01T00:00:00Z", "0000-01-01T00:00:00.000000Z"},
        {253402300799LL, 5000, "9999-12-31T23:59:59Z", "9999-12-31T23:59:59.000005Z"},
        /* clamped to years 0000-9999 so that the output parses back */
        {253402300800LL, 0, "9999-12-31T23:59:59Z", "9999-12-31T23:59:59.999999Z"},
        {INT64_MAX, 0, "9999-12-31T23:59:59Z", "9999-12-31T23:59:59.999999Z"},
        {-62167219201LL, 999999999, "0000-01-01T00:00:00Z", "0000-01-01T00:00:00.000000Z"},
        {INT64_MIN, 0, "0000-01-01T00:00:00Z", "0000-01-01T00:00:00.000000Z"},
};

static void test_format(void **state)
{
	(void)state;
	for (size_t i = 0; i < CK_ARRAY_SIZE(fmt_cases); i++) {
		const struct fmt_case *c = &fmt_cases[i];
		struct timespec ts = {.tv_sec = (time_t)c->sec, .tv_nsec = c->nsec};
		char buf[CK_TIME_RFC3339_LEN];

		if (strcmp(ck_time_format_rfc3339(ts.tv_sec, buf), c->want))
			fail_msg("%" PRId64 ": got '%s', want '%s'", c->sec, buf, c->want);
		if (strcmp(ck_time_format_rfc3339_micro(&ts, buf), c->want_micro))
			fail_msg("%" PRId64 ".%09ld: got '%s', want '%s'", c->sec, c->nsec, buf,
			         c->want_micro);
	}
}

struct parse_case {
	const char *in;
	int64_t sec;
	long nsec;
};

static const struct parse_case parse_cases[] = {
        {"2026-11-21T10:50:00Z", T_2026, 0},
        {"2026-11-21T10:50:00.123456Z", T_2026, 123456000},
        {"2026-11-21T10:50:00.1Z", T_2026, 100000000},
        {"2026-11-21T10:50:00.000000001Z", T_2026, 1},
        {"2026-11-21T10:50:00.123456789Z", T_2026, 123456789},
        /* Go keeps nanoseconds and drops further digits */
        {"2026-11-21T10:50:00.1234567891234Z", T_2026, 123456789},
        {"2026-11-21T12:50:00+02:00", T_2026, 0},
        {"2026-11-21T05:20:00-05:30", T_2026, 0},
        {"2026-11-21T10:50:00-00:00", T_2026, 0},
        {"2026-11-21T10:50:00+00:00", T_2026, 0},
        {"2026-11-21T11:50:00.5+01:00", T_2026, 500000000},
        {"2026-11-21T23:30:00-23:59", 1795390140, 0},
        {"2024-02-29T12:00:00Z", 1709208000, 0},
        {"2000-02-29T00:00:00Z", 951782400, 0},
        {"0000-01-01T00:00:00Z", -62167219200LL, 0},
        {"0000-02-29T00:00:00Z", -62167219200LL + 59 * 86400, 0},
        {"9999-12-31T23:59:59Z", 253402300799LL, 0},
        {"1969-12-31T23:59:59.5Z", -1, 500000000},
        {"1970-01-01T00:00:00+01:00", -3600, 0},
};

static void test_parse(void **state)
{
	(void)state;
	for (size_t i = 0; i < CK_ARRAY_SIZE(parse_cases); i++) {
		const struct parse_case *c = &parse_cases[i];
		struct timespec ts = {0};
		struct ck_error *err = NULL;

		if (ck_time_parse_rfc3339(c->in, &ts, &err) < 0)
			fail_msg("'%s': %s", c->in, err->msg);
		if ((int64_t)ts.tv_sec != c->sec || ts.tv_nsec != c->nsec)
			fail_msg("'%s': got %" PRId64 ".%09ld, want %" PRId64 ".%09ld", c->in,
			         (int64_t)ts.tv_sec, ts.tv_nsec, c->sec, c->nsec);
	}
}

struct bad_case {
	const char *in;
	const char *why;
};

static const struct bad_case bad_cases[] = {
        {"", NOT_RFC3339},
        {"2026-11-21", NOT_RFC3339},
        {"2026-11-21T10:50:00", NOT_RFC3339},
        {"2026-11-21T10:50", NOT_RFC3339},
        {"2026-11-21 10:50:00Z", NOT_RFC3339},
        {"2026-11-21t10:50:00Z", NOT_RFC3339},
        {"2026-11-21T10:50:00z", NOT_RFC3339},
        {"2026-11-21T10:50:00Zjunk", NOT_RFC3339},
        {"2026-11-21T10:50:00Z ", NOT_RFC3339},
        {" 2026-11-21T10:50:00Z", NOT_RFC3339},
        {"2026-11-21T10:50:00.Z", NOT_RFC3339},
        {"2026-11-21T10:50:00,5Z", NOT_RFC3339},
        {"2026-11-21T10:50:00.5", NOT_RFC3339},
        {"2026-11-21T1:50:00Z", NOT_RFC3339},
        {"2026-1-21T10:50:00Z", NOT_RFC3339},
        {"26-11-21T10:50:00Z", NOT_RFC3339},
        {"+2026-11-21T10:50:00Z", NOT_RFC3339},
        {"10000-01-01T00:00:00Z", NOT_RFC3339},
        {"2026/11/21T10:50:00Z", NOT_RFC3339},
        {"2026-11-21T10-50-00Z", NOT_RFC3339},
        {"2026-11-21T10:5a:00Z", NOT_RFC3339},
        {"2026-11-21T10:50:00+2:00", NOT_RFC3339},
        {"2026-11-21T10:50:00+02:0", NOT_RFC3339},
        {"2026-11-21T10:50:00+0200", NOT_RFC3339},
        {"2026-11-21T10:50:00+02:00:00", NOT_RFC3339},
        {"2026-11-21T10:50:00+02-00", NOT_RFC3339},
        {"2026-11-21T10:50:00-", NOT_RFC3339},
        {"2026-11-21T10:50:00Z\n", NOT_RFC3339},
        {"2026-13-01T00:00:00Z", "month out of range"},
        {"2026-00-01T00:00:00Z", "month out of range"},
        {"2026-02-30T00:00:00Z", "day out of range"},
        {"2023-02-29T00:00:00Z", "day out of range"},
        {"1900-02-29T00:00:00Z", "day out of range"},
        {"2026-04-31T00:00:00Z", "day out of range"},
        {"2026-11-00T00:00:00Z", "day out of range"},
        {"2026-11-21T24:00:00Z", "hour out of range"},
        {"2026-11-21T10:60:00Z", "minute out of range"},
        {"2026-11-21T23:59:60Z", "second out of range"},
        {"2026-11-21T10:50:00+24:00", "time zone offset hour out of range"},
        {"2026-11-21T10:50:00+02:60", "time zone offset minute out of range"},
};

static void test_parse_errors(void **state)
{
	(void)state;
	for (size_t i = 0; i < CK_ARRAY_SIZE(bad_cases); i++) {
		const struct bad_case *c = &bad_cases[i];
		struct timespec ts = {.tv_sec = 42};
		struct ck_error *err = NULL;
		char *want;

		if (ck_time_parse_rfc3339(c->in, &ts, &err) != -1)
			fail_msg("'%s': parsed", c->in);
		assert_non_null(err);
		assert_int_equal(err->http_status, 400);
		assert_string_equal(err->reason, "BadRequest");
		want = ck_xasprintf("invalid time '%s': %s", c->in, c->why);
		if (strcmp(err->msg, want))
			fail_msg("got '%s', want '%s'", err->msg, want);
		free(want);
		ck_error_clear(&err);
		assert_int_equal(ts.tv_sec, 42);
		assert_int_equal(ck_time_parse_rfc3339(c->in, &ts, NULL), -1);
	}
}

/* K8S: metav1.MicroTime parses with RFC3339Micro: exactly six fractional digits. */
static void test_parse_micro(void **state)
{
	static const char *const bad[] = {
	        "2026-11-21T10:50:00Z",         "2026-11-21T10:50:00.12345Z",
	        "2026-11-21T10:50:00.1234567Z", "2026-11-21T10:50:00.123456",
	        "2026-11-21T10:50:00.Z",
	};
	struct ck_error *err = NULL;
	struct timespec ts;

	(void)state;
	assert_int_equal(ck_time_parse_rfc3339_micro("2026-11-21T10:50:00.123456Z", &ts, &err), 0);
	assert_int_equal(ts.tv_sec, T_2026);
	assert_int_equal(ts.tv_nsec, 123456000);
	assert_int_equal(ck_time_parse_rfc3339_micro("2026-11-21T12:50:00.000001+02:00", &ts, &err),
	                 0);
	assert_int_equal(ts.tv_sec, T_2026);
	assert_int_equal(ts.tv_nsec, 1000);
	for (size_t i = 0; i < CK_ARRAY_SIZE(bad); i++) {
		char *want = ck_xasprintf("invalid time '%s': %s", bad[i], NOT_MICRO);

		if (ck_time_parse_rfc3339_micro(bad[i], &ts, &err) != -1)
			fail_msg("'%s': parsed", bad[i]);
		assert_string_equal(err->msg, want);
		free(want);
		ck_error_clear(&err);
	}
	/* the calendar is still checked */
	assert_int_equal(ck_time_parse_rfc3339_micro("2026-02-30T00:00:00.000000Z", &ts, &err), -1);
	assert_string_equal(err->msg,
	                    "invalid time '2026-02-30T00:00:00.000000Z': day out of range");
	ck_error_free(err);
}

/* Client bytes that are not UTF-8 must not reach a JSON Status as they are. */
static void test_error_message_is_utf8(void **state)
{
	struct ck_error *err = NULL;
	struct timespec ts;

	(void)state;
	assert_int_equal(ck_time_parse_rfc3339("\xc3(", &ts, &err), -1);
	assert_string_equal(err->msg, "invalid time '\xef\xbf\xbd(': " NOT_RFC3339);
	ck_error_free(err);
}

/* What is written parses back to the same time (to the second, or microsecond). */
static void test_round_trip(void **state)
{
	static const int64_t secs[] = {0,
	                               1,
	                               -1,
	                               T_2026,
	                               951782400,
	                               -62167219200LL,
	                               253402300799LL,
	                               4102444800LL,
	                               -2208988800LL};

	(void)state;
	for (size_t i = 0; i < CK_ARRAY_SIZE(secs); i++) {
		struct timespec in = {.tv_sec = (time_t)secs[i], .tv_nsec = 987654321}, out;
		char buf[CK_TIME_RFC3339_LEN];

		assert_int_equal(
		        ck_time_parse_rfc3339(ck_time_format_rfc3339(in.tv_sec, buf), &out, NULL),
		        0);
		assert_true(out.tv_sec == in.tv_sec);
		assert_int_equal(out.tv_nsec, 0);
		ck_time_format_rfc3339_micro(&in, buf);
		assert_int_equal(ck_time_parse_rfc3339_micro(buf, &out, NULL), 0);
		assert_true(out.tv_sec == in.tv_sec);
		assert_int_equal(out.tv_nsec, 987654000);
		assert_int_equal(ck_time_parse_rfc3339(buf, &out, NULL), 0);
		assert_int_equal(out.tv_nsec, 987654000);
	}
}

static void test_clocks(void **state)
{
	struct timespec now = ck_time_now();
	int64_t ms = ck_time_mono_ms(), ns = ck_time_mono_ns(), ms2;

	(void)state;
	/* after 2023-11-14 and before 2100; nanoseconds in range */
	assert_true(now.tv_sec > 1700000000 && now.tv_sec < 4102444800LL);
	assert_true(now.tv_nsec >= 0 && now.tv_nsec < 1000000000L);
	assert_true(ms > 0);
	assert_true(ns / 1000000 >= ms);
	ms2 = ck_time_mono_ms();
	assert_true(ms2 >= ms);
	assert_true(ms2 - ms < 10000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_format),
	        cmocka_unit_test(test_parse),
	        cmocka_unit_test(test_parse_errors),
	        cmocka_unit_test(test_parse_micro),
	        cmocka_unit_test(test_error_message_is_utf8),
	        cmocka_unit_test(test_round_trip),
	        cmocka_unit_test(test_clocks),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
