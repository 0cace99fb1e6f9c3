/*
 * Fuzz target: RFC 3339 times as metav1.Time and metav1.MicroTime carry them
 * (src/base/time.h): "2026-11-21T10:50:00Z", "2026-11-21T10:50:00.123456+01:00".
 *
 * Invariants: a rejected time gives a 400 with a message; an accepted one has nanoseconds
 * in [0, 10^9); what the MicroTime parser accepts the plain parser accepts with the same
 * value; a time inside years 0000-9999 formats (seconds and micro forms) to strings that
 * parse back to it; and both parsers agree with a reference reading of the grammar in
 * time.h (fixed-width fields, real calendar dates, 'Z' or a +hh:mm/-hh:mm offset, computed
 * with timegm) on what is accepted and on the value.
 */
#include "base/compat.h"

#include "base/error.h"
#include "base/time.h"

#include "fuzz.h"

/* 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z. */
#define YEAR0_SEC    (-62167219200LL)
#define YEAR9999_SEC 253402300799LL

static bool digits(const char *s, size_t n, int *out)
{
	int v = 0;

	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return true;
}

static bool leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/*
 * The grammar of time.h read independently: true with the time and the number of fraction
 * digits (-1: no fraction) when s is valid.
 */
static bool reference(const char *s, struct timespec *ts, int *frac_digits)
{
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int y, mo, d, h, mi, sec, oh = 0, om = 0, sign = 0;
	long nsec = 0;
	struct tm tm = {0};
	const char *p;

	if (strlen(s) < 20 || !digits(s, 4, &y) || s[4] != '-' || !digits(s + 5, 2, &mo) ||
	    s[7] != '-' || !digits(s + 8, 2, &d) || s[10] != 'T' || !digits(s + 11, 2, &h) ||
	    s[13] != ':' || !digits(s + 14, 2, &mi) || s[16] != ':' || !digits(s + 17, 2, &sec))
		return false;
	if (mo < 1 || mo > 12 || d < 1 || d > mdays[mo - 1] + (mo == 2 && leap(y)) || h > 23 ||
	    mi > 59 || sec > 59)
		return false;
	p = s + 19;
	*frac_digits = -1;
	if (*p == '.') {
		long scale = 100000000;

		p++;
		*frac_digits = 0;
		while (*p >= '0' && *p <= '9') {
			nsec += (*p - '0') * scale;
			scale /= 10;
			(*frac_digits)++;
			p++;
		}
		if (!*frac_digits)
			return false;
	}
	if (*p == 'Z') {
		p++;
	} else if (*p == '+' || *p == '-') {
		sign = *p == '-' ? -1 : 1;
		if (!digits(p + 1, 2, &oh) || p[3] != ':' || !digits(p + 4, 2, &om) || oh > 23 ||
		    om > 59)
			return false;
		p += 6;
	} else {
		return false;
	}
	if (*p)
		return false;
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = sec;
	ts->tv_sec = timegm(&tm) - sign * (oh * 3600 + om * 60);
	ts->tv_nsec = nsec;
	return true;
}

static void check_round_trip(const struct timespec *ts)
{
	char buf[CK_TIME_RFC3339_LEN];
	struct timespec back;
	struct ck_error *err = NULL;

	if (ts->tv_sec < YEAR0_SEC || ts->tv_sec > YEAR9999_SEC)
		return;
	ck_time_format_rfc3339(ts->tv_sec, buf);
	if (ck_time_parse_rfc3339(buf, &back, &err) < 0)
		FUZZ_CHECKF(0, "'%s' does not parse: %s", buf, err->msg);
	FUZZ_CHECKF(back.tv_sec == ts->tv_sec && back.tv_nsec == 0, "'%s'", buf);
	ck_time_format_rfc3339_micro(ts, buf);
	if (ck_time_parse_rfc3339_micro(buf, &back, &err) < 0)
		FUZZ_CHECKF(0, "'%s' does not parse: %s", buf, err->msg);
	FUZZ_CHECKF(back.tv_sec == ts->tv_sec && back.tv_nsec == ts->tv_nsec / 1000 * 1000, "'%s'",
	            buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct timespec ts, tm, want;
	struct ck_error *err = NULL;
	char *s = fuzz_cstr(data, size);
	bool ok, ok_micro, valid;
	int frac = -1;

	if (!s)
		return -1;
	valid = reference(s, &want, &frac);
	ok = ck_time_parse_rfc3339(s, &ts, &err) == 0;
	if (!ok) {
		FUZZ_CHECK(err && err->http_status == 400 && err->msg && *err->msg);
		FUZZ_CHECKF(!valid, "'%s' rejected: %s", s, err->msg);
		ck_error_clear(&err);
	} else {
		FUZZ_CHECKF(valid, "'%s' accepted", s);
		FUZZ_CHECK(ts.tv_nsec >= 0 && ts.tv_nsec < 1000000000);
		FUZZ_CHECKF(ts.tv_sec == want.tv_sec && ts.tv_nsec == want.tv_nsec,
		            "'%s' read as %lld.%09ld, not %lld.%09ld", s, (long long)ts.tv_sec,
		            ts.tv_nsec, (long long)want.tv_sec, want.tv_nsec);
		check_round_trip(&ts);
	}
	ok_micro = ck_time_parse_rfc3339_micro(s, &tm, &err) == 0;
	if (!ok_micro) {
		FUZZ_CHECK(err && err->http_status == 400 && err->msg && *err->msg);
		FUZZ_CHECKF(!valid || frac != 6, "'%s' rejected: %s", s, err->msg);
		ck_error_clear(&err);
	} else {
		FUZZ_CHECKF(ok && frac == 6, "'%s' accepted as MicroTime", s);
		FUZZ_CHECK(tm.tv_sec == ts.tv_sec && tm.tv_nsec == ts.tv_nsec);
	}
	free(s);
	return 0;
}
