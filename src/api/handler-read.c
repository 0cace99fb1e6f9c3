/*
 * GET and LIST (reference §3, §10.4-6): read options (resourceVersion semantics, label and
 * field selectors, limit and continue, the Accept header's Table request), single objects
 * from etcd or from the watch cache, and lists from the watch cache after a consistent
 * wait. A list copies each cached object's JSON bytes into the response, never re-encoding
 * them, and a large one is streamed as the client reads it, so that a LIST of 10,000 pods
 * does not hold a second copy of them all.
 */
#include <event2/event.h>
#include <jansson.h>

#include "base/compat.h"

#include "api/api-int.h"
#include "base/json.h"
#include "base/log.h"
#include "base/mem.h"

/* ---- the watch cache filter ------------------------------------------------------- */

static const char *label_get(const char *key, void *ctx)
{
	return ck_obj_label(ctx, key);
}

struct field_ctx {
	const struct ck_api_op *op;
	const struct ck_obj *obj;
};

const char *ck_api_obj_field(const struct ck_api_rstate *rs, const struct ck_obj *obj,
                             const char *field)
{
	const struct ck_api_field *fields =
	        rs->res->fields ? rs->res->fields : ck_api_default_fields;
	const char *v;

	if (!strcmp(field, "metadata.name"))
		return obj->name;
	if (!strcmp(field, "metadata.namespace"))
		return obj->ns;
	for (size_t i = 0; fields[i].label; i++) {
		if (strcmp(fields[i].label, field))
			continue;
		v = rs->field_idx[i] >= 0 ? ck_obj_field(obj, (size_t)rs->field_idx[i]) : NULL;
		if ((!v || !*v) && rs->field_alt[i] >= 0)
			v = ck_obj_field(obj, (size_t)rs->field_alt[i]);
		return v ? v : fields[i].dflt;
	}
	return NULL;
}

static const char *field_get(const char *field, void *arg)
{
	const struct field_ctx *c = arg;

	return ck_api_obj_field(c->op->rs, c->obj, field);
}

bool ck_api_filter(const struct ck_obj *obj, void *arg)
{
	const struct ck_api_op *op = arg;
	struct field_ctx fc = {op, obj};

	if (op->exact_name && strcmp(obj->name, op->exact_name))
		return false;
	if (op->lsel && !ck_label_selector_matches_fn(op->lsel, label_get, (void *)obj))
		return false;
	if (op->fsel && !ck_field_selector_matches(op->fsel, field_get, &fc))
		return false;
	return true;
}

/* ---- continue tokens -------------------------------------------------------------- */

/*
 * K8S: storage.EncodeContinue: base64url (no padding) of
 * {"v":"meta.k8s.io/v1","rv":<list revision>,"start":"<key after the prefix>\u0000"}.
 */
static char *encode_continue(int64_t rv, const char *last_key)
{
	size_t klen = strlen(last_key);
	char *start = ck_xmalloc(klen + 2);
	json_t *j;
	char *js, *b64;

	memcpy(start, last_key, klen);
	start[klen] = '\0';
	j = json_pack("{s:s,s:I,s:s#}", "v", "meta.k8s.io/v1", "rv", (json_int_t)rv, "start", start,
	              (int)(klen + 1));
	js = json_dumps(j, JSON_COMPACT);
	json_decref(j);
	free(start);
	b64 = ck_base64_encode(js, strlen(js));
	free(js);
	for (char *p = b64; *p; p++) {
		if (*p == '+')
			*p = '-';
		else if (*p == '/')
			*p = '_';
		else if (*p == '=')
			*p = '\0';
	}
	return b64;
}

static int decode_continue(const char *tok, char **start, int64_t *rv, struct ck_error **err)
{
	size_t len = strlen(tok), dlen;
	ck_autofree char *std = ck_xmalloc(len + 4);
	ck_autofree char *raw = NULL;
	struct ck_error *e = NULL;
	json_t *j = NULL;
	const char *s, *v;
	json_int_t r = 0;
	size_t slen;

	for (size_t i = 0; i < len; i++)
		std[i] = tok[i] == '-' ? '+' : tok[i] == '_' ? '/' : tok[i];
	while (len % 4)
		std[len++] = '=';
	std[len] = '\0';
	raw = ck_base64_decode(std, &dlen, &e);
	if (!raw) {
		ck_error_free(e);
		goto bad;
	}
	j = json_loadb(raw, dlen, JSON_ALLOW_NUL, NULL);
	if (json_unpack(j, "{s:s,s:I,s:s%}", "v", &v, "rv", &r, "start", &s, &slen) < 0 ||
	    strcmp(v, "meta.k8s.io/v1") || r <= 0 || !slen)
		goto bad;
	/* The start key is the last key returned plus a NUL: resume after that key. */
	*start = ck_xstrndup(s, slen && !s[slen - 1] ? slen - 1 : slen);
	*rv = r;
	json_decref(j);
	return 0;
bad:
	json_decref(j);
	/* K8S: etcd3 store GetList: "invalid continue token: ...". */
	return ck_error_set(err, 400, CK_REASON_BAD_REQUEST,
	                    "invalid continue token: continue key is not valid: %s",
	                    "the token is not one this server issued");
}

/* ---- options ------------------------------------------------------------------------ */

/*
 * K8S: negotiation.NegotiateOutputMediaType over JSON and the meta.k8s.io Table
 * conversion (kubectl sends "application/json;as=Table;v=v1;g=meta.k8s.io, ...,
 * application/json"). Returns 0 with op->table set, or -1 when nothing is acceptable.
 */
static int negotiate_accept(struct ck_api_op *op)
{
	const char *accept = ck_http_request_header(op->req, "Accept");
	char **ranges;
	int r = -1;

	if (!accept || !*accept)
		return 0;
	ranges = ck_str_split(accept, ',', NULL);
	for (size_t i = 0; ranges[i] && r < 0; i++) {
		char **params = ck_str_split(ranges[i], ';', NULL);
		const char *as = NULL, *g = NULL, *v = NULL;
		char *type = params[0];
		bool skip = false;

		while (*type == ' ' || *type == '\t')
			type++;
		for (char *e = type + strlen(type); e > type && (e[-1] == ' ' || e[-1] == '\t');)
			*--e = '\0';
		for (size_t p = 1; params[p]; p++) {
			char *kv = params[p], *eq;

			while (*kv == ' ' || *kv == '\t')
				kv++;
			eq = strchr(kv, '=');
			if (!eq)
				continue;
			*eq = '\0';
			for (char *e = eq; e > kv && (e[-1] == ' ' || e[-1] == '\t');)
				*--e = '\0';
			char *val = eq + 1;

			while (*val == ' ')
				val++;
			for (char *e = val + strlen(val); e > val && e[-1] == ' ';)
				*--e = '\0';
			if (!strcmp(kv, "as"))
				as = val;
			else if (!strcmp(kv, "g"))
				g = val;
			else if (!strcmp(kv, "v"))
				v = val;
			else if (!strcmp(kv, "q") && !strcmp(val, "0"))
				skip = true;
		}
		if (!skip && (!strcmp(type, "application/json") || !strcmp(type, "application/*") ||
		              !strcmp(type, "*/*"))) {
			if (!as) {
				r = 0;
			} else if (!strcmp(as, "Table") && g && !strcmp(g, "meta.k8s.io") && v &&
			           (!strcmp(v, "v1") || !strcmp(v, "v1beta1"))) {
				op->table = true;
				op->table_v1beta1 = !strcmp(v, "v1beta1");
				r = 0;
			}
			/* Other conversions (PartialObjectMetadata...) are not served: next range. */
		}
		ck_str_list_free(params);
	}
	ck_str_list_free(ranges);
	return r;
}

/* 422 for a resourceVersion that is not a number, as the cacher's watch reports it. */
static void fail_bad_rv(struct ck_api_op *op, const char *rv)
{
	struct ck_api_errlist l = {0};
	struct ck_api_status_details d = {.group = op->res->group, .kind = op->res->plural};
	struct ck_error *err = NULL;
	json_t *causes = NULL;
	char qk[256];
	struct ck_buf b = CK_BUF_INIT;

	ck_buf_adds(&b, "strconv.ParseUint: parsing ");
	ck_api_quote(&b, rv);
	ck_buf_adds(&b, ": invalid syntax");
	ck_api_errlist_invalid(&l, "resourceVersion", rv, b.data);
	ck_buf_release(&b);
	/* K8S: storage InterpretWatchError: NewInvalid(GroupKind{group, resource}, ...). */
	snprintf(qk, sizeof(qk), "%s%s%s", op->res->plural, *op->res->group ? "." : "",
	         op->res->group);
	ck_api_errlist_to_error(&l, qk, "", &causes, &err);
	d.causes = causes;
	ck_api_op_fail(op, err, &d);
	json_decref(causes);
	ck_api_errlist_release(&l);
}

int ck_api_parse_read_opts(struct ck_api_op *op)
{
	struct ck_http_request *req = op->req;
	const char *rv = ck_http_request_param(req, "resourceVersion");
	const char *lim = ck_http_request_param(req, "limit");
	const char *cont = ck_http_request_param(req, "continue");
	const char *ls = ck_http_request_param(req, "labelSelector");
	const char *fs = ck_http_request_param(req, "fieldSelector");
	const char *inc = ck_http_request_param(req, "includeObject");
	struct ck_error *err = NULL;

	if (negotiate_accept(op) < 0) {
		/* K8S: negotiation.NewNotAcceptableError over the serializers served. */
		ck_api_op_failf(op, 406, CK_REASON_NOT_ACCEPTABLE, NULL,
		                "only the following media types are accepted: application/json");
		return -1;
	}
	if (inc && *inc) {
		if (!strcmp(inc, "Metadata")) {
			op->include = CK_API_INCLUDE_METADATA;
		} else if (!strcmp(inc, "None")) {
			op->include = CK_API_INCLUDE_NONE;
		} else if (!strcmp(inc, "Object")) {
			op->include = CK_API_INCLUDE_OBJECT;
		} else {
			struct ck_buf m = CK_BUF_INIT;

			/* K8S: response.go asTable. */
			ck_buf_adds(&m, "unrecognized includeObject value: ");
			ck_api_quote(&m, inc);
			ck_api_op_failf(op, 400, CK_REASON_BAD_REQUEST, NULL, "%s", m.data);
			ck_buf_release(&m);
			return -1;
		}
	}
	if (rv && *rv) {
		if (ck_api_parse_rv(rv, &op->rv) < 0) {
			fail_bad_rv(op, rv);
			return -1;
		}
		op->rv_given = true;
	}
	if (lim && *lim) {
		if (ck_str_to_int64(lim, INT64_MIN, INT64_MAX, &op->limit) < 0) {
			struct ck_buf m = CK_BUF_INIT;

			ck_buf_adds(&m, "strconv.ParseInt: parsing ");
			ck_api_quote(&m, lim);
			ck_buf_adds(&m, ": invalid syntax");
			ck_api_op_failf(op, 400, CK_REASON_BAD_REQUEST, NULL, "%s", m.data);
			ck_buf_release(&m);
			return -1;
		}
	}
	if (cont && *cont) {
		if (decode_continue(cont, &op->cont_start, &op->cont_rv, &err) < 0) {
			ck_api_op_fail(op, err, NULL);
			return -1;
		}
	}
	if (ls && ck_label_selector_parse(ls, &op->lsel, &err) < 0) {
		ck_api_op_fail(op, err, NULL);
		return -1;
	}
	if (fs && ck_field_selector_parse(fs, &op->fsel, &err) < 0) {
		ck_api_op_fail(op, err, NULL);
		return -1;
	}
	for (size_t i = 0; op->fsel && i < op->fsel->nreqs; i++) {
		const char *label = op->fsel->reqs[i].field;

		if (ck_api_resource_field(op->res, label))
			continue;
		/* K8S: the kind's field label conversion, or DefaultMetaV1FieldSelectorConversion. */
		if (op->res->fields) {
			ck_api_op_failf(op, 400, CK_REASON_BAD_REQUEST, NULL,
			                "field label not supported: %s", label);
		} else {
			struct ck_buf m = CK_BUF_INIT;

			ck_api_quote(&m, label);
			ck_buf_adds(&m, " is not a known field selector: only \"metadata.name\", "
			                "\"metadata.namespace\"");
			ck_api_op_failf(op, 400, CK_REASON_BAD_REQUEST, NULL, "%s", m.data);
			ck_buf_release(&m);
		}
		return -1;
	}
	op->exact_name = ck_field_selector_requires_exact(op->fsel, "metadata.name");
	return 0;
}

/* ---- waiting for freshness ----------------------------------------------------------- */

static void fresh_reached(struct ck_error *err, void *arg)
{
	struct ck_api_op *op = arg;
	struct ck_api_status_details d = {0};

	op->wait = NULL;
	if (!err) {
		op->fresh_then(op);
		return;
	}
	if (op->fresh_too_large) {
		/* K8S: cacher waitUntilFreshAndBlock: "Too large resource version". */
		json_t *causes = json_pack("[{s:s,s:s}]", "reason", "ResourceVersionTooLarge",
		                           "message", "Too large resource version");

		d.causes = causes;
		d.retry_after = 1;
		ck_api_op_failf(op, 504, CK_REASON_TIMEOUT, &d,
		                "Timeout: Too large resource version: %" PRId64
		                ", current: %" PRId64,
		                op->fresh_rv, ck_watch_cache_revision(op->rs->cache));
		json_decref(causes);
		return;
	}
	d.retry_after = 1;
	ck_api_op_failf(op, 504, CK_REASON_TIMEOUT, &d,
	                "Timeout: the %s cache did not reach revision %" PRId64 " in time",
	                op->res->plural, op->fresh_rv);
}

static void start_wait(struct ck_api_op *op, int64_t rv)
{
	op->fresh_rv = rv;
	op->wait = ck_watch_cache_wait(op->rs->cache, rv, CK_API_FRESH_WAIT_MS, fresh_reached, op);
}

static void current_revision(struct ck_etcd_range_result *res, struct ck_error *err, void *arg)
{
	struct ck_api_op *op = arg;
	int64_t rev = res ? res->header.revision : 0;

	ck_etcd_range_result_free(res);
	if (!ck_api_op_resume_ok(op, err))
		return;
	start_wait(op, rev);
}

void ck_api_wait_fresh(struct ck_api_op *op, bool consistent, int64_t min_rv,
                       void (*then)(struct ck_api_op *op))
{
	struct ck_error *err = NULL;

	op->fresh_then = then;
	if (!consistent) {
		op->fresh_too_large = min_rv > 0;
		start_wait(op, min_rv);
		return;
	}
	/*
	 * K8S: a consistent read from the cache (ConsistentListFromCache): etcd's current
	 * revision (a count-only range of the prefix), then wait until the cache has it.
	 */
	struct ck_etcd_range_req rr = {
	        .key = op->rs->prefix,
	        .prefix = true,
	        .count_only = true,
	};

	if (ck_etcd_range(op->srv->etcd, &rr, current_revision, op, &err) < 0) {
		ck_api_op_fail(op, err, NULL);
		return;
	}
	op->etcd_pending++;
}

void ck_api_op_cancel(struct ck_api_op *op)
{
	if (op->wait) {
		ck_watch_cache_wait_cancel(op->wait);
		op->wait = NULL;
	}
	if (op->watcher) {
		ck_watch_cache_watcher_free(op->watcher);
		op->watcher = NULL;
	}
	if (op->timeout_ev) {
		event_free(op->timeout_ev);
		op->timeout_ev = NULL;
	}
	if (op->bookmark_ev) {
		event_free(op->bookmark_ev);
		op->bookmark_ev = NULL;
	}
}

/* ---- GET ------------------------------------------------------------------------------ */

static void not_found(struct ck_api_op *op)
{
	struct ck_api_status_details d;
	struct ck_buf m = CK_BUF_INIT;
	char qr[256];

	/* K8S: apierrors.NewNotFound: `configmaps "x" not found`. */
	ck_api_op_details(op, &d);
	ck_buf_addf(&m, "%s ", ck_api_resource_qualified(op->res, qr, sizeof(qr)));
	ck_api_quote(&m, op->name);
	ck_buf_adds(&m, " not found");
	ck_api_op_failf(op, 404, CK_REASON_NOT_FOUND, &d, "%s", m.data);
	ck_buf_release(&m);
}

/* Reply with one object: as it is, or as a Table with its row. */
static void reply_one(struct ck_api_op *op, const json_t *obj, const char *json, size_t len)
{
	struct ck_buf b = CK_BUF_INIT;

	if (op->table)
		ck_api_table_single(op, obj, true, &b);
	else if (json)
		ck_buf_add(&b, json, len);
	else
		ck_api_obj_dump(obj, &b);
	ck_api_op_reply_buf(op, 200, &b);
}

static void get_from_cache(struct ck_api_op *op)
{
	struct ck_obj *o = NULL;
	struct ck_error *err = NULL;
	int r = ck_watch_cache_get(op->rs->cache, op->ns, op->name, &o, &err);

	if (r < 0) {
		ck_api_op_fail(op, err, NULL);
		return;
	}
	if (r > 0) {
		not_found(op);
		return;
	}
	if (op->table) {
		json_t *obj = ck_obj_parse(o);

		reply_one(op, obj, NULL, 0);
		json_decref(obj);
	} else {
		struct ck_buf b = CK_BUF_INIT;

		ck_obj_json_append(o, &b);
		ck_api_op_reply_buf(op, 200, &b);
	}
	ck_obj_unref(o);
}

static void get_done(struct ck_etcd_range_result *res, struct ck_error *err, void *arg)
{
	struct ck_api_op *op = arg;
	json_t *obj;

	if (!ck_api_op_resume_ok(op, err)) {
		ck_etcd_range_result_free(res);
		return;
	}
	if (!res->n_kvs) {
		ck_etcd_range_result_free(res);
		not_found(op);
		return;
	}
	obj = ck_api_obj_from_kv(res->kvs[0].value, res->kvs[0].value_len,
	                         res->kvs[0].mod_revision);
	ck_etcd_range_result_free(res);
	if (!obj) {
		ck_api_op_failf(op, 500, CK_REASON_INTERNAL, NULL,
		                "Internal error occurred: stored object %s/%s is not a JSON object",
		                op->ns, op->name);
		return;
	}
	json_t *norm = ck_api_obj_normalize(obj);

	reply_one(op, norm, NULL, 0);
	json_decref(norm);
	json_decref(obj);
}

void ck_api_get(struct ck_api_op *op)
{
	struct ck_error *err = NULL;

	if (ck_api_parse_read_opts(op) < 0)
		return;
	/* K8S: GET with resourceVersion (0: any; N: not older than N) is served by the cache. */
	if (op->rv_given) {
		ck_api_wait_fresh(op, false, op->rv, get_from_cache);
		return;
	}
	/* K8S: without one it is a quorum read from etcd. */
	ck_autofree char *key = ck_api_key(op->rs, op->ns, op->name);
	struct ck_etcd_range_req rr = {.key = key};

	if (ck_etcd_range(op->srv->etcd, &rr, get_done, op, &err) < 0) {
		ck_api_op_fail(op, err, NULL);
		return;
	}
	op->etcd_pending++;
}

/* ---- LIST ---------------------------------------------------------------------------- */

const char *ck_api_table_version(const struct ck_api_op *op)
{
	return op->table_v1beta1 ? "meta.k8s.io/v1beta1" : "meta.k8s.io/v1";
}

static void list_head(struct ck_api_op *op, struct ck_buf *b)
{
	if (op->table) {
		json_t *cols = ck_api_table_columns(op->res);

		ck_buf_addf(b, "{\"kind\":\"Table\",\"apiVersion\":\"%s\",",
		            ck_api_table_version(op));
		ck_buf_addf(b, "\"metadata\":{\"resourceVersion\":\"%" PRId64 "\"", op->list_rv);
		if (op->list_continue)
			ck_buf_addf(b, ",\"continue\":\"%s\"", op->list_continue);
		ck_buf_adds(b, "},\"columnDefinitions\":");
		ck_api_obj_dump(cols, b);
		json_decref(cols);
		ck_buf_adds(b, ",\"rows\":[");
	} else {
		ck_buf_addf(b, "{\"kind\":\"%s\",\"apiVersion\":\"%s\",", op->res->list_kind,
		            op->res->api_version);
		ck_buf_addf(b, "\"metadata\":{\"resourceVersion\":\"%" PRId64 "\"", op->list_rv);
		if (op->list_continue)
			ck_buf_addf(b, ",\"continue\":\"%s\"", op->list_continue);
		/* K8S: an empty list has "items": [], never null (Python needs it). */
		ck_buf_adds(b, "},\"items\":[");
	}
}

static void list_item(struct ck_api_op *op, const struct ck_obj *o, struct ck_buf *b, time_t now)
{
	if (op->list_i)
		ck_buf_addch(b, ',');
	if (op->table) {
		json_t *obj = ck_obj_parse(o);
		json_t *row =
		        ck_api_table_row(op->res, obj, op->include, ck_api_table_version(op), now);

		ck_api_obj_dump(row, b);
		json_decref(row);
		json_decref(obj);
	} else {
		/* The cached bytes as they are: no re-encoding. */
		ck_obj_json_append(o, b);
	}
}

static void list_pump(struct ck_api_op *op);

static void list_drained(struct ck_http_request *req, void *arg)
{
	(void)req;
	list_pump(arg);
}

static void list_closed(struct ck_http_request *req, enum ck_http_close_reason why, void *arg)
{
	struct ck_api_op *op = arg;

	(void)why;
	ck_http_stream_on_drain(req, 0, NULL, NULL);
	ck_http_stream_end(req);
	ck_api_op_done(op);
}

/* Write items while the client keeps up; come back when its queue has drained. */
static void list_pump(struct ck_api_op *op)
{
	struct ck_buf b = CK_BUF_INIT;
	time_t now = time(NULL);

	while (op->list_i < op->list.n) {
		list_item(op, op->list.items[op->list_i], &b, now);
		ck_obj_unref(op->list.items[op->list_i]);
		op->list.items[op->list_i] = NULL;
		op->list_i++;
		if (b.len >= (64u << 10)) {
			ck_http_stream_write(op->req, b.data, b.len);
			ck_http_stream_flush(op->req);
			ck_buf_reset(&b);
			if (ck_http_stream_pending(op->req) > CK_API_WATCH_HIGH) {
				ck_buf_release(&b);
				return; /* list_drained continues */
			}
		}
	}
	ck_buf_adds(&b, "]}");
	ck_http_stream_write(op->req, b.data, b.len);
	ck_buf_release(&b);
	ck_http_stream_on_drain(op->req, 0, NULL, NULL);
	ck_http_request_on_close(op->req, NULL, NULL);
	ck_http_stream_end(op->req);
	ck_api_op_done(op);
}

static void list_emit(struct ck_api_op *op)
{
	struct ck_buf b = CK_BUF_INIT;
	size_t est = 256;
	time_t now = time(NULL);

	for (size_t i = 0; i < op->list.n; i++)
		est += op->list.items[i]->json_len + 1;
	if (est < CK_API_LIST_STREAM_BYTES) {
		list_head(op, &b);
		for (op->list_i = 0; op->list_i < op->list.n; op->list_i++)
			list_item(op, op->list.items[op->list_i], &b, now);
		ck_buf_adds(&b, "]}");
		ck_api_op_reply_buf(op, 200, &b);
		return;
	}
	/* Large: a chunked response fed as the client reads, holding only references. */
	op->list_streaming = true;
	if (ck_http_stream_start(op->req, 200, "application/json") < 0) {
		ck_http_stream_end(op->req);
		ck_api_op_done(op);
		return;
	}
	list_head(op, &b);
	ck_http_stream_write(op->req, b.data, b.len);
	ck_buf_release(&b);
	op->list_i = 0;
	ck_http_request_on_close(op->req, list_closed, op);
	ck_http_stream_on_drain(op->req, CK_API_WATCH_LOW, list_drained, op);
	list_pump(op);
}

static void list_run(struct ck_api_op *op)
{
	struct ck_error *err = NULL;
	struct ck_watch_cache_list_opts lo = {
	        .ns = op->ns,
	        .start_after = op->cont_start,
	        .limit = op->limit > 0 ? (size_t)op->limit : 0,
	        .filter = ck_api_filter,
	        .filter_arg = op,
	};

	if (ck_watch_cache_list(op->rs->cache, &lo, &op->list, &err) < 0) {
		ck_api_op_fail(op, err, NULL);
		return;
	}
	/* K8S: the pages of one list report the first page's resourceVersion. */
	op->list_rv = op->cont_start ? op->cont_rv : op->list.rv;
	if (op->list.more && op->list.n)
		op->list_continue =
		        encode_continue(op->list_rv, op->list.items[op->list.n - 1]->key);
	list_emit(op);
}

void ck_api_list(struct ck_api_op *op)
{
	if (ck_api_parse_read_opts(op) < 0)
		return;
	if (op->cont_start) {
		/* K8S: resourceVersion is not allowed with continue ("specifying resource version
		 * is not allowed when using continue"). */
		if (op->rv_given) {
			ck_api_op_failf(
			        op, 400, CK_REASON_BAD_REQUEST, NULL,
			        "specifying resource version is not allowed when using continue");
			return;
		}
		ck_api_wait_fresh(op, false, 0, list_run);
		return;
	}
	/*
	 * K8S: resourceVersion unset: a consistent (quorum) list; "0": any state the cache
	 * has; N: a state not older than N.
	 */
	if (!op->rv_given)
		ck_api_wait_fresh(op, true, 0, list_run);
	else
		ck_api_wait_fresh(op, false, op->rv, list_run);
}
