/*
 * ck_error: the recoverable-error value of every ckube module (see error.h).
 */
#include "base/compat.h"

#include "base/error.h"
#include "base/mem.h"

const char *ck_error_reason_for(int http_status)
{
	switch (http_status) {
	case 400:
		return CK_REASON_BAD_REQUEST;
	case 401:
		return CK_REASON_UNAUTHORIZED;
	case 403:
		return CK_REASON_FORBIDDEN;
	case 404:
		return CK_REASON_NOT_FOUND;
	case 405:
		return CK_REASON_METHOD;
	case 406:
		return CK_REASON_NOT_ACCEPTABLE;
	case 409:
		return CK_REASON_CONFLICT;
	case 410:
		return CK_REASON_GONE;
	case 413:
		return CK_REASON_TOO_LARGE;
	case 415:
		return CK_REASON_UNSUPPORTED;
	case 422:
		return CK_REASON_INVALID;
	case 429:
		return CK_REASON_TOO_MANY;
	case 503:
		return CK_REASON_UNAVAILABLE;
	case 504:
		return CK_REASON_TIMEOUT;
	default:
		return CK_REASON_INTERNAL;
	}
}

__attribute__((format(printf, 5, 0))) static int error_vset(struct ck_error **err, int errnum,
                                                            int http_status, const char *reason,
                                                            const char *fmt, va_list ap)
{
	struct ck_error *e;
	char *msg;

	if (!err)
		return -1;
	CK_BUG_ON(*err != NULL);
	msg = ck_xvasprintf(fmt, ap);
	if (errnum) {
		char *full = ck_xasprintf("%s: %s", msg, strerror(errnum));
		free(msg);
		msg = full;
	}
	e = ck_xcalloc(1, sizeof(*e));
	e->errnum = errnum;
	e->http_status = http_status ? http_status : 500;
	e->reason = reason ? reason : ck_error_reason_for(e->http_status);
	e->msg = msg;
	*err = e;
	return -1;
}

int ck_error_set(struct ck_error **err, int http_status, const char *reason, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	error_vset(err, 0, http_status, reason, fmt, ap);
	va_end(ap);
	return -1;
}

int ck_error_set_errno(struct ck_error **err, int errnum, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	error_vset(err, errnum, 500, NULL, fmt, ap);
	va_end(ap);
	return -1;
}

int ck_error_wrap(struct ck_error **err, const char *fmt, ...)
{
	va_list ap;
	char *ctx, *msg;

	if (!err || !*err)
		return -1;
	va_start(ap, fmt);
	ctx = ck_xvasprintf(fmt, ap);
	va_end(ap);
	msg = ck_xasprintf("%s: %s", ctx, (*err)->msg);
	free(ctx);
	free((*err)->msg);
	(*err)->msg = msg;
	return -1;
}

void ck_error_free(struct ck_error *e)
{
	if (!e)
		return;
	free(e->msg);
	free(e);
}

void ck_error_clear(struct ck_error **err)
{
	if (!err)
		return;
	ck_error_free(*err);
	*err = NULL;
}

void ck_bug(const char *file, int line, const char *what)
{
	fprintf(stderr, "BUG: %s:%d: %s\n", file, line, what);
	fflush(stderr);
	abort();
}
