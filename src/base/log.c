/*
 * Log lines with RFC 3339 UTC timestamps (microseconds) and a component name.
 */
#include "base/compat.h"

#include <sys/time.h>

#include "base/log.h"
#include "base/mem.h"

static enum ck_log_level log_level = CK_LOG_INFO;
static FILE *log_out;

static const char *const level_names[] = {
        [CK_LOG_DEBUG] = "debug", [CK_LOG_INFO] = "info", [CK_LOG_WARN] = "warn",
        [CK_LOG_ERROR] = "error", [CK_LOG_OFF] = "off",
};

void ck_log_set_level(enum ck_log_level level)
{
	log_level = level;
}

enum ck_log_level ck_log_get_level(void)
{
	return log_level;
}

int ck_log_parse_level(const char *s, enum ck_log_level *level)
{
	for (size_t i = 0; i < CK_ARRAY_SIZE(level_names); i++) {
		if (!strcmp(s, level_names[i])) {
			*level = (enum ck_log_level)i;
			return 0;
		}
	}
	return -1;
}

void ck_log_set_output(FILE *f)
{
	log_out = f;
}

void ck_log_write(enum ck_log_level level, const char *component, const char *fmt, ...)
{
	struct timeval tv;
	struct tm tm;
	char ts[32];
	va_list ap;
	char *msg;

	if (level < log_level || level >= CK_LOG_OFF)
		return;
	gettimeofday(&tv, NULL);
	gmtime_r(&tv.tv_sec, &tm);
	strftime(ts, sizeof(ts), "%Y-%m-%dT%H:%M:%S", &tm);
	va_start(ap, fmt);
	msg = ck_xvasprintf(fmt, ap);
	va_end(ap);
	fprintf(log_out ? log_out : stderr, "%s.%06ldZ %-5s %s: %s\n", ts, (long)tv.tv_usec,
	        level_names[level], component ? component : "ckube", msg);
	free(msg);
}
