/*
 * Recoverable errors, the crun pattern: a function that can fail takes
 * `struct ck_error **err` as its last parameter and returns < 0 exactly when it has set
 * `*err`. The error carries what a Kubernetes metav1.Status needs (HTTP code and reason),
 * so the API server turns it into a response without translation.
 *
 * Programmer bugs are CK_BUG_ON (always compiled in, abort with file:line); running out
 * of memory aborts in the ck_x* allocators (base/mem.h). Neither is a ck_error.
 */
#ifndef CK_BASE_ERROR_H
#define CK_BASE_ERROR_H

#include "base/compat.h"

/* K8S: metav1.StatusReason values used with each HTTP code (apimachinery types.go). */
#define CK_REASON_BAD_REQUEST    "BadRequest"
#define CK_REASON_UNAUTHORIZED   "Unauthorized"
#define CK_REASON_FORBIDDEN      "Forbidden"
#define CK_REASON_NOT_FOUND      "NotFound"
#define CK_REASON_ALREADY_EXISTS "AlreadyExists"
#define CK_REASON_CONFLICT       "Conflict"
#define CK_REASON_GONE           "Gone"
#define CK_REASON_EXPIRED        "Expired"
#define CK_REASON_INVALID        "Invalid"
#define CK_REASON_TIMEOUT        "Timeout"
#define CK_REASON_SERVER_TIMEOUT "ServerTimeout"
#define CK_REASON_TOO_MANY       "TooManyRequests"
#define CK_REASON_TOO_LARGE      "RequestEntityTooLarge"
#define CK_REASON_UNSUPPORTED    "UnsupportedMediaType"
#define CK_REASON_NOT_ACCEPTABLE "NotAcceptable"
#define CK_REASON_METHOD         "MethodNotAllowed"
#define CK_REASON_INTERNAL       "InternalError"
#define CK_REASON_UNAVAILABLE    "ServiceUnavailable"

struct ck_error {
	int errnum;         /* errno when a system call failed, else 0 */
	int http_status;    /* HTTP code for a Status (500 when nothing more exact is known) */
	const char *reason; /* a CK_REASON_* string literal; never freed */
	char *msg;          /* owned; lowercase, no full stop, "context: cause" when wrapped */
};

/*
 * Set *err (which must be NULL: an error is never overwritten silently) to a new error
 * with the given HTTP code, reason (a string literal, may be NULL for the code's default)
 * and message. When err itself is NULL the error is discarded. Returns -1 always, so a
 * caller can write `return ck_error_set(err, 404, ...);`.
 */
int ck_error_set(struct ck_error **err, int http_status, const char *reason, const char *fmt, ...)
        __attribute__((format(printf, 4, 5)));

/* Like ck_error_set for a failed system call: errnum is kept and ": strerror" appended. */
int ck_error_set_errno(struct ck_error **err, int errnum, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));

/*
 * Prefix the message of the error already in *err with context, git style:
 * "cannot list pods: etcd unavailable". Does nothing when err or *err is NULL.
 * Returns -1 always.
 */
int ck_error_wrap(struct ck_error **err, const char *fmt, ...)
        __attribute__((format(printf, 2, 3)));

/* Free an error; NULL-safe. */
void ck_error_free(struct ck_error *e);

/* Free *err and set it to NULL; for callers that handled an error and go on. */
void ck_error_clear(struct ck_error **err);

/* The default metav1.StatusReason for an HTTP code ("InternalError" when unknown). */
const char *ck_error_reason_for(int http_status);

/* Abort with file:line and the condition when a programmer's invariant does not hold. */
#define CK_BUG_ON(cond)                                                                            \
	do {                                                                                       \
		if (__builtin_expect(!!(cond), 0))                                                 \
			ck_bug(__FILE__, __LINE__, #cond);                                         \
	} while (0)

#define CK_BUG(msg) ck_bug(__FILE__, __LINE__, msg)

__attribute__((noreturn)) void ck_bug(const char *file, int line, const char *what);

#endif
