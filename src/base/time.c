/*
 * RFC 3339 times as Kubernetes writes and reads them, and clock helpers (see time.h).
 */
#include "base/compat.h"

#include <event2/event.h>

#include "base/buf.h"
#include "base/error.h"
#include "base/time.h"

/* 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z in Unix seconds. */
#define TIME_MIN_SEC (-62167219200LL)
#define TIME_MAX_SEC 253402300799LL

/* n's last width decimal digits at p. */
static void put_digits(char *p, long n, int width)
{
	while (width--) {
		p[width] = (char)('0' + n % 10);
		n /= 10;
	}
}

/*
 * "YYYY-MM-DDTHH:MM:SS" (19 bytes) at buf, clamped to years 0-9999. By hand: every create
 * and update stamps a time or two, and printf's machinery was most of their cost.
 */
static void format_seconds(time_t sec, char *buf)
{
	struct tm tm;

	if (sec < TIME_MIN_SEC)
		sec = TIME_MIN_SEC;
	if (sec > TIME_MAX_SEC)
		sec = TIME_MAX_SEC;
	/* cannot fail for years 0-9999 with a 64-bit time_t */
	CK_BUG_ON(!gmtime_r(&sec, &tm));
	memcpy(buf, "0000-00-00T00:00:00", 19);
	put_digits(buf, tm.tm_year + 1900L, 4);
	put_digits(buf + 5, tm.tm_mon + 1, 2);
	put_digits(buf + 8, tm.tm_mday, 2);
	put_digits(buf + 11, tm.tm_hour, 2);
	put_digits(buf + 14, tm.tm_min, 2);
	put_digits(buf + 17, tm.tm_sec, 2);
}

char *ck_time_format_rfc3339(time_t sec, char *buf)
{
	format_seconds(sec, buf);
	memcpy(buf + 19, "Z", 2);
	return buf;
}

char *ck_time_format_rfc3339_micro(const struct timespec *ts, char *buf)
{
	long usec = ts->tv_nsec / 1000;

	CK_BUG_ON(ts->tv_nsec < 0 || ts->tv_nsec >= 1000000000L);
	if (ts->tv_sec < TIME_MIN_SEC)
		usec = 0;
	if (ts->tv_sec > TIME_MAX_SEC)
		usec = 999999;
	format_seconds(ts->tv_sec, buf);
	buf[19] = '.';
	put_digits(buf + 20, usec, 6);
	memcpy(buf + 26, "Z", 2);
	return buf;
}

static bool is_leap(int year)
{
	return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

static int days_in(int month, int year)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	return month == 2 && is_leap(year) ? 29 : days[month - 1];
}

/* n decimal digits at s, or -1 when one is not a digit. */
static int digits(const char *s, int n)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

static int time_error(struct ck_error **err, const char *s, const char *why)
{
	struct ck_buf b = CK_BUF_INIT;
	int r;

	ck_buf_add_utf8(&b, s, strlen(s));
	r = ck_error_set(err, 400, CK_REASON_BAD_REQUEST, "invalid time '%s': %s", b.data, why);
	ck_buf_release(&b);
	return r;
}

/* K8S: Go's parseRFC3339 (time/format_rfc3339.go); micro as layout RFC3339Micro. */
static int parse_rfc3339(const char *s, bool micro, struct timespec *out, struct ck_error **err)
{
	const char *layout = micro ? "not an RFC 3339 time with microseconds like "
	                             "'2006-01-02T15:04:05.000000Z'"
	                           : "not an RFC 3339 time like '2006-01-02T15:04:05Z'";
	int year, month, day, hour, min, sec, zone = 0;
	long nsec = 0;
	const char *p;
	struct tm tm;
	time_t t;

	if (strnlen(s, 19) < 19)
		return time_error(err, s, layout);
	year = digits(s, 4);
	month = digits(s + 5, 2);
	day = digits(s + 8, 2);
	hour = digits(s + 11, 2);
	min = digits(s + 14, 2);
	sec = digits(s + 17, 2);
	if (year < 0 || month < 0 || day < 0 || hour < 0 || min < 0 || sec < 0 || s[4] != '-' ||
	    s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':')
		return time_error(err, s, layout);
	if (month < 1 || month > 12)
		return time_error(err, s, "month out of range");
	if (day < 1 || day > days_in(month, year))
		return time_error(err, s, "day out of range");
	if (hour > 23)
		return time_error(err, s, "hour out of range");
	if (min > 59)
		return time_error(err, s, "minute out of range");
	if (sec > 59)
		return time_error(err, s, "second out of range");

	p = s + 19;
	if (p[0] == '.' && p[1] >= '0' && p[1] <= '9') {
		int n = 0;

		for (p++; *p >= '0' && *p <= '9'; p++, n++)
			if (n < 9)
				nsec = nsec * 10 + (*p - '0');
		if (micro && n != 6)
			return time_error(err, s, layout);
		for (; n < 9; n++)
			nsec *= 10;
	} else if (micro) {
		return time_error(err, s, layout);
	}

	if (p[0] == 'Z' && p[1] == '\0') {
		zone = 0;
	} else if ((p[0] == '+' || p[0] == '-') && strlen(p) == 6 && p[3] == ':') {
		int zh = digits(p + 1, 2), zm = digits(p + 4, 2);

		if (zh < 0 || zm < 0)
			return time_error(err, s, layout);
		if (zh > 23)
			return time_error(err, s, "time zone offset hour out of range");
		if (zm > 59)
			return time_error(err, s, "time zone offset minute out of range");
		zone = (zh * 60 + zm) * 60;
		if (p[0] == '-')
			zone = -zone;
	} else {
		return time_error(err, s, layout);
	}

	memset(&tm, 0, sizeof(tm));
	tm.tm_year = year - 1900;
	tm.tm_mon = month - 1;
	tm.tm_mday = day;
	tm.tm_hour = hour;
	tm.tm_min = min;
	tm.tm_sec = sec;
	t = timegm(&tm);
	out->tv_sec = t - zone;
	out->tv_nsec = nsec;
	return 0;
}

int ck_time_parse_rfc3339(const char *s, struct timespec *out, struct ck_error **err)
{
	return parse_rfc3339(s, false, out, err);
}

int ck_time_parse_rfc3339_micro(const char *s, struct timespec *out, struct ck_error **err)
{
	return parse_rfc3339(s, true, out, err);
}

struct timespec ck_time_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return ts;
}

int64_t ck_time_mono_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

int64_t ck_time_mono_ms(void)
{
	return ck_time_mono_ns() / 1000000;
}

void ck_time_event_add_ms(struct event *ev, int64_t ms)
{
	struct timeval tv;

	if (ms < 0)
		ms = 0;
	tv.tv_sec = (time_t)(ms / 1000);
	tv.tv_usec = (suseconds_t)(ms % 1000) * 1000;
	event_add(ev, &tv);
}
