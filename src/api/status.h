/*
 * metav1.Status, the body of every API error (reference §6): a ck_error and the details
 * Kubernetes attaches to it (the object's name, the resource or kind, the field causes of a
 * 422) become
 *
 *   {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"...",
 *    "reason":"NotFound","details":{"name":"x","kind":"configmaps"},"code":404}
 *
 * with the HTTP code equal to "code". kubectl prints "Error from server (<reason>):
 * <message>", so the messages follow apimachinery's errors.go word for word. Also the HTTP
 * server's error formatter, so that errors the HTTP layer answers by itself (413, 431...)
 * are Status objects too, and the field error lists that validation builds into 422s.
 *
 * Everything here is pure: any thread.
 */
#ifndef CK_API_STATUS_H
#define CK_API_STATUS_H

#include <jansson.h>

#include "base/compat.h"

#include "base/buf.h"
#include "base/error.h"

/* K8S: metav1.CauseType values of field errors (apimachinery field/errors.go ErrorType). */
#define CK_CAUSE_NOT_FOUND     "FieldValueNotFound"
#define CK_CAUSE_REQUIRED      "FieldValueRequired"
#define CK_CAUSE_DUPLICATE     "FieldValueDuplicate"
#define CK_CAUSE_INVALID       "FieldValueInvalid"
#define CK_CAUSE_NOT_SUPPORTED "FieldValueNotSupported"
#define CK_CAUSE_FORBIDDEN     "FieldValueForbidden"
#define CK_CAUSE_TOO_LONG      "FieldValueTooLong"

/* What a Status says beyond code, reason and message. Every member may be NULL or 0. */
struct ck_api_status_details {
	const char *name;  /* the object's name */
	const char *group; /* its API group ("" is omitted, as Kubernetes does) */
	const char *kind;  /* the resource ("configmaps") or, for 422, the kind ("ConfigMap") */
	const char *uid;   /* a deleted object's uid */
	json_t *causes;    /* borrowed: an array of {reason, message, field} */
	int retry_after;   /* retryAfterSeconds; 0: none */
};

/*
 * Append the Status JSON for an error to out: code, reason (NULL: the code's default;
 * "" for metav1.StatusReasonUnknown, which Kubernetes omits), message (copied, invalid
 * UTF-8 replaced) and details (may be NULL; an empty details object is omitted).
 * status is "Success" for a 2xx code, else "Failure".
 */
void ck_api_status_append(struct ck_buf *out, int code, const char *reason, const char *message,
                          const struct ck_api_status_details *d);

/* The Status of a ck_error (its http_status, reason and msg); d may be NULL. */
void ck_api_status_from_error(struct ck_buf *out, const struct ck_error *e,
                              const struct ck_api_status_details *d);

/*
 * The HTTP server's error formatter (ck_http_error_fn): a Status with the given code,
 * reason and message, Content-Type application/json. arg is unused.
 */
const char *ck_api_status_format(int status, const char *reason, const char *message,
                                 struct ck_buf *body, void *arg);

/*
 * Append s to b quoted as Go's %q does for a string: double quotes, backslash escapes
 * for quotes, backslashes and control characters, \xNN for bytes that are not UTF-8.
 * Kubernetes quotes names and values with %q in its messages.
 */
void ck_api_quote(struct ck_buf *b, const char *s);

/* ---- field errors: the causes of a 422 Invalid ------------------------------------- */

struct ck_api_field_error {
	const char *type; /* CK_CAUSE_* */
	char *field;      /* "metadata.name" */
	char *body;       /* the message without the field: "Invalid value: \"x\": ..." */
};

/* An ErrorList in the making. Zero-initialise; release with ck_api_errlist_release. */
struct ck_api_errlist {
	struct ck_api_field_error *v;
	size_t n, alloc;
};

void ck_api_errlist_release(struct ck_api_errlist *l);

/*
 * K8S: field.Required(path, detail): "Required value" and ": detail" when detail is not
 * empty. field is copied.
 */
void ck_api_errlist_required(struct ck_api_errlist *l, const char *field, const char *detail);

/* K8S: field.Invalid(path, value, detail) for a string value: "Invalid value: \"v\": detail". */
void ck_api_errlist_invalid(struct ck_api_errlist *l, const char *field, const char *value,
                            const char *detail);

/* As ck_api_errlist_invalid for a value printed as is (a number: "Invalid value: 3: ..."). */
void ck_api_errlist_invalid_raw(struct ck_api_errlist *l, const char *field, const char *value,
                                const char *detail);

/* K8S: field.Forbidden(path, detail): "Forbidden: detail". */
void ck_api_errlist_forbidden(struct ck_api_errlist *l, const char *field, const char *detail);

/* K8S: field.TooLong(path, value, max): "Too long: must have at most <max> bytes". */
void ck_api_errlist_too_long(struct ck_api_errlist *l, const char *field, size_t max);

/* K8S: field.NotSupported(path, value, valid): "Unsupported value: \"v\": supported values: ..." */
void ck_api_errlist_not_supported(struct ck_api_errlist *l, const char *field, const char *value,
                                  const char *const *valid);

/*
 * Turn a non-empty list into a 422 Invalid error and its causes. K8S: errors.NewInvalid:
 * message "<Kind[.group]> \"<name>\" is invalid: <field>: <body>", several errors
 * (duplicates dropped) as "[e1, e2]". Sets *err (returns -1) and *causes (a new array the
 * caller json_decrefs). qualified_kind is "ConfigMap" or "Deployment.apps".
 */
int ck_api_errlist_to_error(const struct ck_api_errlist *l, const char *qualified_kind,
                            const char *name, json_t **causes, struct ck_error **err);

#endif
