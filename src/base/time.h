/*
 * Time as the Kubernetes API writes it, and the clocks ckube reads.
 *
 * K8S: apimachinery/pkg/apis/meta/v1/time.go and micro_time.go. metav1.Time is RFC 3339
 * in UTC to the second ("2026-11-21T10:50:00Z": creationTimestamp, conditions'
 * lastTransitionTime); metav1.MicroTime has exactly six fractional digits
 * ("2026-11-21T10:50:00.123456Z": Lease renewTime, Event eventTime). Both are read back
 * with Go's time.Parse, whose RFC 3339 fast path (time/format_rfc3339.go parseRFC3339)
 * these parsers follow: "YYYY-MM-DDTHH:MM:SS", an optional '.' fraction (any number of
 * digits, nanoseconds kept, the rest truncated), then 'Z' or "+hh:mm"/"-hh:mm". 'T' and
 * 'Z' are upper case only; years 0000-9999; real calendar dates; hour 0-23, minute and
 * second 0-59 (no leap second); offset hour 0-23, minute 0-59.
 *
 * Not matched: Go's slower fallback parser also takes a one-digit hour
 * ("2026-11-21T1:50:00Z") and ',' before the fraction; ckube rejects both.
 *
 * Uses gmtime_r and timegm only (never the local time zone). Safe on any thread.
 */
#ifndef CK_BASE_TIME_H
#define CK_BASE_TIME_H

#include "base/compat.h"

#include "base/error.h"

/* Room for any string the formatters write, with its NUL. */
#define CK_TIME_RFC3339_LEN 40

/*
 * Write sec (Unix seconds) as metav1.Time does: UTC, seconds, 'Z', e.g.
 * "2026-11-21T10:50:00Z". A time outside years 0000-9999 is clamped to the nearest end
 * of that range so that the string always parses back (Kubernetes would write a year
 * RFC 3339 cannot hold). buf has CK_TIME_RFC3339_LEN bytes; returns buf.
 */
char *ck_time_format_rfc3339(time_t sec, char *buf);

/*
 * Write ts as metav1.MicroTime does: UTC with exactly six fractional digits, truncated
 * (not rounded) from the nanoseconds, e.g. "2026-11-21T10:50:00.123456Z". Clamped like
 * ck_time_format_rfc3339. ts->tv_nsec must be in [0, 10^9). Returns buf.
 */
char *ck_time_format_rfc3339_micro(const struct timespec *ts, char *buf);

/*
 * Parse an RFC 3339 time as metav1.Time's UnmarshalJSON accepts it (see above), with or
 * without a fraction, with 'Z' or a numeric offset; the result is UTC. Returns 0 and
 * sets *out, or -1 with a 400 BadRequest *err naming the string and what is wrong
 * (trailing text, "month out of range", an invalid day such as Feb 30, hour 24...).
 */
int ck_time_parse_rfc3339(const char *s, struct timespec *out, struct ck_error **err);

/*
 * Parse a metav1.MicroTime string: as ck_time_parse_rfc3339, but the fraction must be
 * there with exactly six digits (K8S: time.Parse with RFC3339Micro,
 * "2006-01-02T15:04:05.000000Z07:00", needs them).
 */
int ck_time_parse_rfc3339_micro(const char *s, struct timespec *out, struct ck_error **err);

/* The wall clock (CLOCK_REALTIME), for timestamps written into objects. */
struct timespec ck_time_now(void);

/* Milliseconds on the monotonic clock (CLOCK_MONOTONIC), for timeouts and intervals. */
int64_t ck_time_mono_ms(void);

/* Nanoseconds on the monotonic clock, for measuring durations. */
int64_t ck_time_mono_ns(void);

struct event;

/* event_add(ev) to fire in ms milliseconds (negative: at once). The event's loop. */
void ck_time_event_add_ms(struct event *ev, int64_t ms);

#endif
