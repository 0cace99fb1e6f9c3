/*
 * Leveled logging with timestamps and component names, one line per message on stderr:
 *
 *   2026-11-21T10:50:00.123456Z info  etcd: endpoint 127.0.0.1:2379 unreachable, trying next
 *
 * The level is process-wide (one of the few globals, CONVENTIONS.md "Shape"). Safe to
 * call from any thread: each line is written with one locked stdio call.
 */
#ifndef CK_BASE_LOG_H
#define CK_BASE_LOG_H

#include "base/compat.h"

enum ck_log_level {
	CK_LOG_DEBUG = 0,
	CK_LOG_INFO,
	CK_LOG_WARN,
	CK_LOG_ERROR,
	CK_LOG_OFF,
};

/* Set the lowest level that is written; messages below it cost one comparison. */
void ck_log_set_level(enum ck_log_level level);
enum ck_log_level ck_log_get_level(void);

/*
 * Parse "debug", "info", "warn", "error" or "off" into *level. Returns 0, or -1 for any
 * other string (the caller reports it; nothing is logged here).
 */
int ck_log_parse_level(const char *s, enum ck_log_level *level);

/* Redirect log lines to f (stderr by default); for tests. Not thread-safe vs. logging. */
void ck_log_set_output(FILE *f);

void ck_log_write(enum ck_log_level level, const char *component, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));

#define ck_log(level, component, ...)                                                              \
	do {                                                                                       \
		if ((level) >= ck_log_get_level())                                                 \
			ck_log_write((level), (component), __VA_ARGS__);                           \
	} while (0)

#define ck_debug(component, ...) ck_log(CK_LOG_DEBUG, component, __VA_ARGS__)
#define ck_info(component, ...)  ck_log(CK_LOG_INFO, component, __VA_ARGS__)
#define ck_warn(component, ...)  ck_log(CK_LOG_WARN, component, __VA_ARGS__)
#define ck_err(component, ...)   ck_log(CK_LOG_ERROR, component, __VA_ARGS__)

#endif
