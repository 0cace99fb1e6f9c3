/*
 * metav1.Status bodies and 422 field error lists (see status.h). The wording follows
 * apimachinery's api/errors/errors.go and util/validation/field/errors.go.
 */
#include <jansson.h>

#include "base/compat.h"

#include "api/status.h"
#include "base/json.h"
#include "base/mem.h"

void ck_api_quote(struct ck_buf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	size_t n = strlen((const char *)p);

	/* K8S: messages quote names and values with Go's %q (strconv.Quote). */
	ck_buf_addch(b, '"');
	while (n) {
		size_t l = ck_utf8_len(p, n);

		if (l == 0) {
			ck_buf_addf(b, "\\x%02x", *p);
			p++, n--;
			continue;
		}
		if (l > 1) {
			ck_buf_add(b, p, l);
			p += l, n -= l;
			continue;
		}
		switch (*p) {
		case '"':
			ck_buf_adds(b, "\\\"");
			break;
		case '\\':
			ck_buf_adds(b, "\\\\");
			break;
		case '\a':
			ck_buf_adds(b, "\\a");
			break;
		case '\b':
			ck_buf_adds(b, "\\b");
			break;
		case '\f':
			ck_buf_adds(b, "\\f");
			break;
		case '\n':
			ck_buf_adds(b, "\\n");
			break;
		case '\r':
			ck_buf_adds(b, "\\r");
			break;
		case '\t':
			ck_buf_adds(b, "\\t");
			break;
		case '\v':
			ck_buf_adds(b, "\\v");
			break;
		default:
			if (*p < 0x20 || *p == 0x7f)
				ck_buf_addf(b, "\\x%02x", *p);
			else
				ck_buf_addch(b, (char)*p);
		}
		p++, n--;
	}
	ck_buf_addch(b, '"');
}

/* A JSON string of s with invalid UTF-8 replaced, so that jansson accepts it. */
static json_t *safe_string(const char *s)
{
	struct ck_buf b = CK_BUF_INIT;
	json_t *j;

	ck_buf_add_utf8(&b, s, strlen(s));
	j = json_stringn(b.data, b.len);
	ck_buf_release(&b);
	CK_BUG_ON(!j);
	return j;
}

void ck_api_status_append(struct ck_buf *out, int code, const char *reason, const char *message,
                          const struct ck_api_status_details *d)
{
	json_t *st = json_object(), *det = json_object();

	if (!reason)
		reason = ck_error_reason_for(code);
	/* K8S: metav1.Status; the field order is the Go struct's. */
	json_object_set_new(st, "kind", json_string("Status"));
	json_object_set_new(st, "apiVersion", json_string("v1"));
	json_object_set_new(st, "metadata", json_object());
	json_object_set_new(st, "status",
	                    json_string(code >= 200 && code < 300 ? "Success" : "Failure"));
	if (message && *message)
		json_object_set_new(st, "message", safe_string(message));
	if (*reason) /* K8S: StatusReasonUnknown is "" and omitted */
		json_object_set_new(st, "reason", json_string(reason));
	if (d) {
		if (d->name && *d->name)
			json_object_set_new(det, "name", safe_string(d->name));
		if (d->group && *d->group)
			json_object_set_new(det, "group", json_string(d->group));
		if (d->kind && *d->kind)
			json_object_set_new(det, "kind", json_string(d->kind));
		if (d->uid && *d->uid)
			json_object_set_new(det, "uid", safe_string(d->uid));
		if (d->causes && json_array_size(d->causes))
			json_object_set(det, "causes", d->causes);
		if (d->retry_after > 0)
			json_object_set_new(det, "retryAfterSeconds", json_integer(d->retry_after));
	}
	if (json_object_size(det))
		json_object_set(st, "details", det);
	json_object_set_new(st, "code", json_integer(code));
	CK_BUG_ON(ck_json_dump_buf(st, out, false, NULL) < 0);
	json_decref(det);
	json_decref(st);
}

void ck_api_status_from_error(struct ck_buf *out, const struct ck_error *e,
                              const struct ck_api_status_details *d)
{
	int code = e->http_status >= 200 && e->http_status <= 599 ? e->http_status : 500;

	ck_api_status_append(out, code, e->reason, e->msg, d);
}

const char *ck_api_status_format(int status, const char *reason, const char *message,
                                 struct ck_buf *body, void *arg)
{
	(void)arg;
	ck_api_status_append(body, status, reason, message, NULL);
	return "application/json";
}

/* ---- field errors ----------------------------------------------------------------- */

void ck_api_errlist_release(struct ck_api_errlist *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->v[i].field);
		free(l->v[i].body);
	}
	free(l->v);
	memset(l, 0, sizeof(*l));
}

static void errlist_add(struct ck_api_errlist *l, const char *type, const char *field,
                        struct ck_buf *body, const char *detail)
{
	/* K8S: Error.ErrorBody appends ": detail" when there is one. */
	if (detail && *detail) {
		ck_buf_adds(body, ": ");
		ck_buf_adds(body, detail);
	}
	CK_ALLOC_GROW(l->v, l->n + 1, l->alloc);
	l->v[l->n].type = type;
	l->v[l->n].field = ck_xstrdup(field);
	l->v[l->n].body = ck_buf_detach(body, NULL);
	l->n++;
}

void ck_api_errlist_required(struct ck_api_errlist *l, const char *field, const char *detail)
{
	struct ck_buf b = CK_BUF_INIT;

	ck_buf_adds(&b, "Required value");
	errlist_add(l, CK_CAUSE_REQUIRED, field, &b, detail);
}

void ck_api_errlist_invalid(struct ck_api_errlist *l, const char *field, const char *value,
                            const char *detail)
{
	struct ck_buf b = CK_BUF_INIT;

	ck_buf_adds(&b, "Invalid value: ");
	ck_api_quote(&b, value);
	errlist_add(l, CK_CAUSE_INVALID, field, &b, detail);
}

void ck_api_errlist_invalid_raw(struct ck_api_errlist *l, const char *field, const char *value,
                                const char *detail)
{
	struct ck_buf b = CK_BUF_INIT;

	ck_buf_adds(&b, "Invalid value: ");
	ck_buf_adds(&b, value);
	errlist_add(l, CK_CAUSE_INVALID, field, &b, detail);
}

void ck_api_errlist_forbidden(struct ck_api_errlist *l, const char *field, const char *detail)
{
	struct ck_buf b = CK_BUF_INIT;

	ck_buf_adds(&b, "Forbidden");
	errlist_add(l, CK_CAUSE_FORBIDDEN, field, &b, detail);
}

void ck_api_errlist_too_long(struct ck_api_errlist *l, const char *field, size_t max)
{
	struct ck_buf b = CK_BUF_INIT;

	ck_buf_addf(&b, "Too long: must have at most %zu bytes", max);
	errlist_add(l, CK_CAUSE_TOO_LONG, field, &b, NULL);
}

void ck_api_errlist_not_supported(struct ck_api_errlist *l, const char *field, const char *value,
                                  const char *const *valid)
{
	struct ck_buf b = CK_BUF_INIT, d = CK_BUF_INIT;

	ck_buf_adds(&b, "Unsupported value: ");
	ck_api_quote(&b, value);
	/* K8S: NotSupported's detail lists the quoted valid values. */
	if (valid && *valid) {
		ck_buf_adds(&d, "supported values: ");
		for (size_t i = 0; valid[i]; i++) {
			if (i)
				ck_buf_adds(&d, ", ");
			ck_api_quote(&d, valid[i]);
		}
	}
	errlist_add(l, CK_CAUSE_NOT_SUPPORTED, field, &b, d.data);
	ck_buf_release(&d);
}

int ck_api_errlist_to_error(const struct ck_api_errlist *l, const char *qualified_kind,
                            const char *name, json_t **causes, struct ck_error **err)
{
	struct ck_buf msg = CK_BUF_INIT, one = CK_BUF_INIT;
	char **seen = ck_xcalloc(l->n + 1, sizeof(*seen));
	size_t nseen = 0;

	CK_BUG_ON(!l->n);
	*causes = json_array();
	for (size_t i = 0; i < l->n; i++) {
		json_t *c = json_object();

		json_object_set_new(c, "reason", json_string(l->v[i].type));
		json_object_set_new(c, "message", safe_string(l->v[i].body));
		json_object_set_new(c, "field", safe_string(l->v[i].field));
		json_array_append_new(*causes, c);

		/* K8S: ErrorList.ToAggregate drops repeated messages. */
		ck_buf_reset(&one);
		ck_buf_addf(&one, "%s: %s", l->v[i].field, l->v[i].body);
		bool dup = false;
		for (size_t j = 0; j < nseen && !dup; j++)
			dup = !strcmp(seen[j], one.data);
		if (!dup)
			seen[nseen++] = ck_xstrdup(one.data);
	}
	ck_buf_addf(&msg, "%s ", qualified_kind);
	ck_api_quote(&msg, name ? name : "");
	ck_buf_adds(&msg, " is invalid: ");
	/* K8S: an aggregate of one error prints it alone, of several as "[a, b]". */
	if (nseen > 1)
		ck_buf_addch(&msg, '[');
	for (size_t j = 0; j < nseen; j++) {
		if (j)
			ck_buf_adds(&msg, ", ");
		ck_buf_adds(&msg, seen[j]);
		free(seen[j]);
	}
	if (nseen > 1)
		ck_buf_addch(&msg, ']');
	free(seen);
	ck_buf_release(&one);
	ck_error_set(err, 422, CK_REASON_INVALID, "%s", msg.data);
	ck_buf_release(&msg);
	return -1;
}
