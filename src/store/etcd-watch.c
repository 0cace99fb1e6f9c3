/*
 * etcd watch streams over the JSON gateway (see etcd.h): POST /v3/watch with one
 * create_request, then a chunked reply of newline-delimited JSON messages, read as they
 * arrive (a message may be split across chunks, several may share one).
 *
 * A watch outlives its streams. When a stream breaks (the member died or restarted, was
 * cut off from the leader, or a proxy closed it) the watch opens a new one, on the next
 * endpoint, from one past the last revision it delivered — clientv3's resume rule — and
 * drops any event at or below that revision should a member repeat it, so its caller sees
 * every revision once and in order. Only a compacted resume point (410 Expired, with
 * etcd's compact_revision), a refusal etcd will repeat, or a malformed stream end it.
 */
#include <event2/buffer.h>
#include <event2/event.h>
#include <event2/http.h>

#include "base/compat.h"

#include "base/json.h"
#include "base/log.h"
#include "base/time.h"
#include "base/mem.h"
#include "store/etcd-int.h"

enum {
	WATCH_BACKOFF = 1, /* timer: open the next stream */
	WATCH_CONNECTING,  /* timer: the created message must come before it fires */
	WATCH_STREAMING,
	WATCH_ENDED,
};

static void watch_connect(struct ck_etcd_watch *w);

/* Free w once nothing on the stack still uses it (see ck_etcd_watch_free). */
static void watch_unbusy(struct ck_etcd_watch *w)
{
	if (--w->busy > 0 || !w->freed)
		return;
	event_free(w->timer);
	free(w->key);
	free(w->range_end);
	ck_buf_release(&w->in);
	ck_buf_release(&w->body);
	ck_json_scan_release(&w->scan);
	free(w);
}

static void watch_detach(struct ck_etcd_watch *w)
{
	if (!w->conn)
		return;
	w->conn->w = NULL;
	etcd_conn_kill(w->conn);
	w->conn = NULL;
}

/* Give the caller res or err; false when the callback freed the watch. */
static bool watch_deliver(struct ck_etcd_watch *w, struct ck_etcd_watch_result *res,
                          struct ck_error *err)
{
	struct ck_etcd *c = w->c;

	etcd_enter_cb(c);
	w->cb(w, res, err, w->arg);
	etcd_leave_cb(c);
	return !w->freed;
}

/* The watch is over: one last callback with err (owned). */
static void watch_end(struct ck_etcd_watch *w, struct ck_error *err)
{
	watch_detach(w);
	event_del(w->timer);
	w->state = WATCH_ENDED;
	ck_debug(ETCD_LOG, "watch ended: %s", err->msg);
	watch_deliver(w, NULL, err);
}

/*
 * The stream failed with e (owned). A failure etcd would repeat ends the watch; any other
 * opens a new stream, at once on the next endpoint, or after a back-off once every
 * endpoint has failed in a row.
 */
static void watch_stream_failed(struct ck_etcd_watch *w, struct ck_error *e, enum etcd_retry retry)
{
	struct ck_etcd *c = w->c;
	int64_t delay = 0;

	if (retry == RETRY_NEVER) {
		watch_end(w, e);
		return;
	}
	ck_debug(ETCD_LOG, "watch stream lost (%s); resuming from revision %" PRId64, e->msg,
	         w->next_rev ? w->next_rev : w->start_revision);
	ck_error_free(e);
	watch_detach(w);
	etcd_endpoint_failed(&c->eps[w->ep]);
	w->ep = (w->ep + 1) % c->n_eps;
	if (w->round_tries >= (int)c->n_eps) {
		delay = etcd_backoff_ms(w->rounds++);
		w->round_tries = 0;
	}
	w->state = WATCH_BACKOFF;
	ck_time_event_add_ms(w->timer, delay);
}

/* ---- messages --------------------------------------------------------------------- */

void etcd_events_free(struct ck_etcd_event *events, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		ck_etcd_kv_release(&events[i].kv);
		ck_etcd_kv_free(events[i].prev_kv);
	}
	free(events);
}

void ck_etcd_watch_result_free(struct ck_etcd_watch_result *res)
{
	if (!res)
		return;
	etcd_events_free(res->events, res->n_events);
	free(res);
}

static int parse_event(const json_t *obj, struct ck_etcd_event *ev, struct ck_error **err)
{
	const char *type = json_string_value(json_object_get(obj, "type"));
	json_t *prev = json_object_get(obj, "prev_kv");

	memset(ev, 0, sizeof(*ev));
	if (!json_is_object(obj))
		return ck_error_set(err, 500, NULL, "event: expected an object");
	/* PUT is enum 0, which the gateway omits. */
	if (!type || !strcmp(type, "PUT"))
		ev->type = CK_ETCD_EVENT_PUT;
	else if (!strcmp(type, "DELETE"))
		ev->type = CK_ETCD_EVENT_DELETE;
	else
		return ck_error_set(err, 500, NULL, "event: unknown type '%s'", type);
	if (etcd_parse_kv(json_object_get(obj, "kv"), &ev->kv, err) < 0)
		return -1;
	if (prev) {
		ev->prev_kv = ck_xcalloc(1, sizeof(*ev->prev_kv));
		if (etcd_parse_kv(prev, ev->prev_kv, err) < 0) {
			free(ev->prev_kv);
			ev->prev_kv = NULL;
			ck_etcd_kv_release(&ev->kv);
			return -1;
		}
	}
	return 0;
}

/*
 * Take the event just parsed into res->events[res->n_events] into the result, or drop it
 * when the caller has seen it already; -1 with *err when it comes before the previous one.
 */
static int keep_event(struct ck_etcd_watch *w, struct ck_etcd_watch_result *res, int64_t *prev_rev,
                      struct ck_error **err)
{
	struct ck_etcd_event *ev = &res->events[res->n_events];

	if (ev->kv.mod_revision < *prev_rev) {
		ck_etcd_kv_release(&ev->kv);
		ck_etcd_kv_free(ev->prev_kv);
		memset(ev, 0, sizeof(*ev));
		return ck_error_set(err, 500, NULL, "events out of revision order");
	}
	*prev_rev = ev->kv.mod_revision;
	/* Already delivered before a reconnection: never twice. */
	if (ev->kv.mod_revision <= w->last_event_rev) {
		ck_etcd_kv_release(&ev->kv);
		ck_etcd_kv_free(ev->prev_kv);
		memset(ev, 0, sizeof(*ev));
		return 0;
	}
	res->n_events++;
	return 0;
}

/*
 * The events of a message that the caller has not seen yet, in a new result; NULL with
 * res untouched when there are none. -1 with *err when malformed.
 */
static int parse_events(struct ck_etcd_watch *w, const json_t *arr,
                        struct ck_etcd_watch_result *res, struct ck_error **err)
{
	size_t n = json_array_size(arr), i;
	int64_t prev_rev = 0;
	json_t *v;

	if (arr && !json_is_array(arr))
		return ck_error_set(err, 500, NULL, "field 'events': expected an array");
	if (!n)
		return 0;
	res->events = ck_xcalloc(n, sizeof(*res->events));
	json_array_foreach(arr, i, v)
	{
		if (parse_event(v, &res->events[res->n_events], err) < 0 ||
		    keep_event(w, res, &prev_rev, err) < 0)
			return -1;
	}
	return 0;
}

/* ---- the common messages without jansson ---------------------------------------------- */

/* etcd_get_u64 of a member that is a string of decimal digits fitting in 64 bits. */
static int scan_u64(const struct ck_json_scan *s, const struct ck_json_scan_node *n, uint64_t *out)
{
	uint64_t v = 0;

	if (!n)
		return 0;
	if (n->type != CK_JSON_SCAN_STRING || n->escaped || n->end - n->start < 3 ||
	    n->end - n->start > 22)
		return -1;
	for (uint32_t i = n->start + 1; i < n->end - 1; i++) {
		unsigned d = (unsigned char)s->text[i] - '0';

		if (d > 9 || v > (UINT64_MAX - d) / 10)
			return -1;
		v = v * 10 + d;
	}
	*out = v;
	return 0;
}

/* etcd_get_i64 of a member that is absent, null, or an integer the scanner can read. */
static int scan_i64(const struct ck_json_scan *s, const struct ck_json_scan_node *n, int64_t *out)
{
	if (!n || n->type == CK_JSON_SCAN_NULL)
		return 0;
	return ck_json_scan_int64(s, n, out);
}

/* get_bytes (etcd-codec.c) of a member: absent or null is empty; else base64. */
static int scan_bytes(const struct ck_json_scan *s, const struct ck_json_scan_node *n, char **out,
                      size_t *len)
{
	if (!n || n->type == CK_JSON_SCAN_NULL) {
		*out = ck_xcalloc(1, 1);
		*len = 0;
		return 0;
	}
	*out = ck_json_scan_base64(s, n, len);
	return *out ? 0 : -1;
}

/* etcd_parse_kv of a scanned object; -1 (kv released) to decline. */
static int scan_kv(const struct ck_json_scan *s, const struct ck_json_scan_node *o,
                   struct ck_etcd_kv *kv)
{
	memset(kv, 0, sizeof(*kv));
	if (!o || o->type != CK_JSON_SCAN_OBJECT)
		return -1;
	if (scan_bytes(s, ck_json_scan_get(s, o, "key", 3), &kv->key, &kv->key_len) < 0 ||
	    scan_bytes(s, ck_json_scan_get(s, o, "value", 5), &kv->value, &kv->value_len) < 0 ||
	    scan_i64(s, ck_json_scan_get(s, o, "create_revision", 15), &kv->create_revision) < 0 ||
	    scan_i64(s, ck_json_scan_get(s, o, "mod_revision", 12), &kv->mod_revision) < 0 ||
	    scan_i64(s, ck_json_scan_get(s, o, "version", 7), &kv->version) < 0 ||
	    scan_i64(s, ck_json_scan_get(s, o, "lease", 5), &kv->lease) < 0) {
		ck_etcd_kv_release(kv);
		return -1;
	}
	return 0;
}

/* parse_event of a scanned event; -1 (nothing held) to decline. */
static int scan_event(const struct ck_json_scan *s, const struct ck_json_scan_node *o,
                      struct ck_etcd_event *ev)
{
	const struct ck_json_scan_node *type, *prev;

	memset(ev, 0, sizeof(*ev));
	if (o->type != CK_JSON_SCAN_OBJECT)
		return -1;
	type = ck_json_scan_get(s, o, "type", 4);
	/* PUT is enum 0, which the gateway omits; a type that is not a string reads as none. */
	if (!type || type->type != CK_JSON_SCAN_STRING || ck_json_scan_string_is(s, type, "PUT", 3))
		ev->type = CK_ETCD_EVENT_PUT;
	else if (ck_json_scan_string_is(s, type, "DELETE", 6))
		ev->type = CK_ETCD_EVENT_DELETE;
	else
		return -1;
	if (scan_kv(s, ck_json_scan_get(s, o, "kv", 2), &ev->kv) < 0)
		return -1;
	prev = ck_json_scan_get(s, o, "prev_kv", 7);
	if (prev) {
		ev->prev_kv = ck_xcalloc(1, sizeof(*ev->prev_kv));
		if (scan_kv(s, prev, ev->prev_kv) < 0) {
			free(ev->prev_kv);
			ev->prev_kv = NULL;
			ck_etcd_kv_release(&ev->kv);
			return -1;
		}
	}
	return 0;
}

/*
 * An event batch or a progress notification, the messages a watch mostly gets, read with
 * the scanner (json-scan.h) instead of a jansson tree: on the API server's write path, the
 * watch feeding its cache reads every write back, and building a tree of a message that is
 * mostly one base64 string cost about as much as the rest of applying the event. Returns 0
 * with *hdr and a new *out (the events the caller has not seen, as parse_events keeps
 * them; *had_events whether the message had any), or 1 to decline: any other message, or
 * anything in one that the jansson path might read differently or reject, which that path
 * then handles as the reference. Nothing is delivered or changed in w either way.
 */
static int fast_message(struct ck_etcd_watch *w, const char *data, size_t len,
                        struct ck_etcd_header *hdr, struct ck_etcd_watch_result **out,
                        bool *had_events)
{
	struct ck_json_scan *s = &w->scan;
	const struct ck_json_scan_node *root, *result, *h, *n, *events;
	struct ck_etcd_watch_result *res;
	struct ck_error *e = NULL;
	int64_t compact = 0, prev_rev = 0;
	size_t count = 0;

	if (ck_json_scan(s, data, len) || s->nodes[0].type != CK_JSON_SCAN_OBJECT)
		return 1;
	root = &s->nodes[0];
	/* A gateway error, and anything but a result, is the jansson path's. */
	if (ck_json_scan_get(s, root, "error", 5) || ck_json_scan_get(s, root, "message", 7))
		return 1;
	result = ck_json_scan_get(s, root, "result", 6);
	if (!result || result->type != CK_JSON_SCAN_OBJECT)
		return 1;
	memset(hdr, 0, sizeof(*hdr));
	h = ck_json_scan_get(s, result, "header", 6);
	if (h && (h->type != CK_JSON_SCAN_OBJECT ||
	          scan_i64(s, ck_json_scan_get(s, h, "revision", 8), &hdr->revision) < 0 ||
	          scan_u64(s, ck_json_scan_get(s, h, "cluster_id", 10), &hdr->cluster_id) < 0 ||
	          scan_u64(s, ck_json_scan_get(s, h, "member_id", 9), &hdr->member_id) < 0 ||
	          scan_u64(s, ck_json_scan_get(s, h, "raft_term", 9), &hdr->raft_term) < 0))
		return 1;
	if (scan_i64(s, ck_json_scan_get(s, result, "compact_revision", 16), &compact) < 0)
		return 1;
	n = ck_json_scan_get(s, result, "canceled", 8);
	if (n && n->type == CK_JSON_SCAN_TRUE)
		return 1;
	n = ck_json_scan_get(s, result, "created", 7);
	if (n && n->type == CK_JSON_SCAN_TRUE)
		return 1;
	events = ck_json_scan_get(s, result, "events", 6);
	if (events && events->type != CK_JSON_SCAN_ARRAY)
		return 1;
	for (uint32_t i = events ? events->child : 0; i; i = s->nodes[i].next)
		count++;
	res = ck_xcalloc(1, sizeof(*res));
	res->revision = hdr->revision;
	if (count)
		res->events = ck_xcalloc(count, sizeof(*res->events));
	for (uint32_t i = events ? events->child : 0; i; i = s->nodes[i].next) {
		/* An event out of order is an error the jansson path words. */
		if (scan_event(s, &s->nodes[i], &res->events[res->n_events]) < 0 ||
		    keep_event(w, res, &prev_rev, &e) < 0) {
			ck_error_free(e);
			ck_etcd_watch_result_free(res);
			return 1;
		}
	}
	*had_events = count > 0;
	*out = res;
	return 0;
}

/*
 * The end of an event batch or a progress notification, res its events (as parse_events
 * keeps them) and rev its header's revision: deliver, or drop what the caller has seen.
 */
static bool watch_batch(struct ck_etcd_watch *w, struct ck_etcd_watch_result *res, int64_t rev,
                        bool had_events)
{
	if (!had_events) {
		/* A progress notification: everything up to its revision has been sent. */
		if (rev < w->next_rev - 1) {
			/* Behind what was delivered: a lagging member after a failover. */
			ck_etcd_watch_result_free(res);
			return true;
		}
		w->next_rev = rev + 1;
		return watch_deliver(w, res, NULL);
	}
	if (!res->n_events) {
		ck_etcd_watch_result_free(res);
		return true;
	}
	w->last_event_rev = res->events[res->n_events - 1].kv.mod_revision;
	if (w->next_rev <= w->last_event_rev)
		w->next_rev = w->last_event_rev + 1;
	return watch_deliver(w, res, NULL);
}

/* Handle one message; false when the stream or the watch is over (or w was freed). */
static bool watch_message(struct ck_etcd_watch *w, const char *data, size_t len)
{
	struct ck_etcd *c = w->c;
	const char *url = c->eps[w->ep].url;
	struct ck_etcd_watch_result *res;
	struct ck_etcd_header hdr;
	struct ck_error *e = NULL;
	enum etcd_retry retry;
	json_error_t je;
	json_t *msg, *result;
	int64_t compact = 0;
	bool had_events;

	if (fast_message(w, data, len, &hdr, &res, &had_events) == 0)
		return watch_batch(w, res, hdr.revision, had_events);
	msg = json_loadb(data, len, 0, &je);
	if (!msg || !json_is_object(msg)) {
		struct ck_error *cause = NULL;

		ck_error_set(&cause, 500, NULL, "invalid JSON message at column %d: %s", je.column,
		             msg ? "expected an object" : je.text);
		json_decref(msg);
		watch_end(w, etcd_malformed(url, "watch", cause));
		return false;
	}
	if ((e = etcd_gateway_error_json(url, "watch", 200, msg, &retry)) != NULL) {
		json_decref(msg);
		/* A watch only reads: anything etcd may not repeat is worth a new stream. */
		watch_stream_failed(w, e, retry == RETRY_NEVER ? RETRY_NEVER : RETRY_ALWAYS);
		return false;
	}
	result = json_object_get(msg, "result");
	if (!json_is_object(result) || etcd_parse_header(result, &hdr, &e) < 0 ||
	    etcd_get_i64(result, "compact_revision", &compact, &e) < 0) {
		json_decref(msg);
		watch_end(w, etcd_malformed(url, "watch", e));
		return false;
	}
	if (json_is_true(json_object_get(result, "canceled"))) {
		const char *why = json_string_value(json_object_get(result, "cancel_reason"));

		/* why points into msg: msg is released only after the error has copied it. */
		if (compact > 0) {
			json_decref(msg);
			w->compact_rev = compact;
			ck_error_set(&e, 410, CK_REASON_EXPIRED,
			             "etcd watch at %s: required revision %" PRId64
			             " has been compacted (compact revision %" PRId64 ")",
			             url, w->next_rev, compact);
			watch_end(w, e);
			return false;
		}
		e = etcd_gateway_error(url, "watch", 200, 0, why ? why : "watch canceled", &retry);
		json_decref(msg);
		watch_stream_failed(w, e, retry == RETRY_NEVER ? RETRY_NEVER : RETRY_ALWAYS);
		return false;
	}
	if (json_is_true(json_object_get(result, "created"))) {
		json_decref(msg);
		if (!w->established) {
			w->established = true;
			w->state = WATCH_STREAMING;
			w->round_tries = 0;
			w->rounds = 0;
			c->eps[w->ep].failed_at = 0;
			event_del(w->timer);
		}
		/*
		 * A watch from now starts after the store's revision at creation; one from a
		 * revision keeps it until events or progress move it (the store may already be
		 * past it: a reconnection must still resume from there, or the events between
		 * are lost); a resumed one keeps the revision it resumed from.
		 */
		if (!w->next_rev)
			w->next_rev = w->start_revision ? w->start_revision : hdr.revision + 1;
		if (w->created_reported) {
			w->reconnects++;
			return true;
		}
		w->created_reported = true;
		res = ck_xcalloc(1, sizeof(*res));
		res->revision = hdr.revision;
		res->created = true;
		return watch_deliver(w, res, NULL);
	}
	res = ck_xcalloc(1, sizeof(*res));
	res->revision = hdr.revision;
	if (parse_events(w, json_object_get(result, "events"), res, &e) < 0) {
		json_decref(msg);
		ck_etcd_watch_result_free(res);
		watch_end(w, etcd_malformed(url, "watch", e));
		return false;
	}
	had_events = json_array_size(json_object_get(result, "events")) > 0;
	json_decref(msg);
	return watch_batch(w, res, hdr.revision, had_events);
}

/* Frame and handle the complete messages in w->in. */
static void watch_process(struct ck_etcd_watch *w, struct etcd_conn *conn)
{
	size_t start = 0;

	while (w->conn == conn && !w->freed) {
		char *line = w->in.data + start;
		char *nl = memchr(line, '\n', w->in.len - start);
		size_t len;

		if (!nl)
			break;
		len = (size_t)(nl - line);
		start += len + 1;
		if (len && !watch_message(w, line, len))
			break;
	}
	if (!w->freed && w->conn == conn)
		ck_buf_consume(&w->in, start);
}

/* ---- the stream ------------------------------------------------------------------- */

static int watch_headers(struct evhttp_request *req, void *arg)
{
	struct etcd_conn *conn = arg;
	struct ck_etcd_watch *w = conn->w;

	conn->connected = true;
	if (!w)
		return 0;
	w->status = evhttp_request_get_response_code(req);
	return 0;
}

static void watch_chunk(struct evhttp_request *req, void *arg)
{
	struct etcd_conn *conn = arg;
	struct ck_etcd_watch *w = conn->w;
	struct evbuffer *in = evhttp_request_get_input_buffer(req);
	size_t n = evbuffer_get_length(in);

	if (!w)
		return;
	w->busy++;
	if (w->in.len + n > w->c->max_response_bytes) {
		struct ck_error *e = NULL;

		ck_error_set(&e, 500, CK_REASON_INTERNAL,
		             "etcd watch at %s: message larger than %zu bytes", conn->ep->url,
		             w->c->max_response_bytes);
		watch_end(w, e);
	} else {
		ck_buf_grow(&w->in, n);
		evbuffer_remove(in, w->in.data + w->in.len, n);
		w->in.len += n;
		w->in.data[w->in.len] = '\0';
		if (w->status == 200)
			watch_process(w, conn);
	}
	watch_unbusy(w);
}

static void watch_req_done(struct evhttp_request *req, void *arg)
{
	struct etcd_conn *conn = arg;
	struct ck_etcd_watch *w = conn->w;
	int status = req ? evhttp_request_get_response_code(req) : 0;
	const char *url = conn->ep->url;
	enum etcd_retry retry = RETRY_ALWAYS;
	struct ck_error *e = NULL;

	if (!w) {
		etcd_conn_kill(conn);
		return;
	}
	w->busy++;
	if (status == 0) {
		bool maybe_sent;

		e = etcd_conn_error(conn, "watch", &maybe_sent);
	} else if (status != 200) {
		json_t *body = json_loadb(w->in.data, w->in.len, JSON_DISABLE_EOF_CHECK, NULL);

		e = etcd_gateway_error_json(url, "watch", status, body, &retry);
		if (!e) {
			/* Not etcd's gateway speaking: nothing another attempt would change. */
			ck_error_set(&e, 500, CK_REASON_INTERNAL, "etcd watch at %s: HTTP %d", url,
			             status);
			retry = RETRY_NEVER;
		} else if (retry == RETRY_IF_READ) {
			retry = RETRY_ALWAYS;
		}
		json_decref(body);
	} else {
		ck_error_set(&e, 503, CK_REASON_UNAVAILABLE, "etcd watch at %s: stream closed",
		             url);
	}
	watch_stream_failed(w, e, retry);
	watch_unbusy(w);
}

static void watch_connect(struct ck_etcd_watch *w)
{
	struct ck_etcd *c = w->c;
	struct etcd_endpoint *ep = &c->eps[w->ep];
	struct etcd_conn *conn = etcd_conn_new(ep, true);
	struct evhttp_request *req;
	struct ck_buf *b;
	bool first = true;
	int64_t start = w->next_rev ? w->next_rev : w->start_revision;

	conn->w = w;
	w->conn = conn;
	w->status = 0;
	w->established = false;
	ck_buf_reset(&w->in);
	w->round_tries++;
	w->state = WATCH_CONNECTING;
	ck_time_event_add_ms(w->timer, c->attempt_timeout_ms);

	req = evhttp_request_new(watch_req_done, conn);
	CK_BUG_ON(!req);
	evhttp_request_set_error_cb(req, etcd_conn_req_error);
	evhttp_request_set_header_cb(req, watch_headers);
	evhttp_request_set_chunked_cb(req, watch_chunk);
	etcd_request_headers(conn, req, true, true);
	b = &w->body;
	ck_buf_reset(b);
	ck_buf_adds(b, "{\"create_request\":{");
	etcd_json_bytes(b, &first, "key", w->key, w->key_len);
	if (w->range_end)
		etcd_json_bytes(b, &first, "range_end", w->range_end, w->range_end_len);
	if (start > 0)
		etcd_json_int(b, &first, "start_revision", start);
	if (w->prev_kv)
		etcd_json_true(b, &first, "prev_kv");
	if (w->progress_notify)
		etcd_json_true(b, &first, "progress_notify");
	ck_buf_adds(b, "}}");
	evbuffer_add(evhttp_request_get_output_buffer(req), b->data, b->len);
	/* An immediate connect failure calls watch_req_done from in here. */
	if (evhttp_make_request(conn->evcon, req, EVHTTP_REQ_POST, "/v3/watch") == 0) {
		if (!conn->dead)
			etcd_conn_tune_socket(conn);
	} else if (w->conn == conn) {
		struct ck_error *e = NULL;

		ck_error_set(&e, 503, CK_REASON_UNAVAILABLE,
		             "etcd watch at %s: cannot start request", ep->url);
		watch_stream_failed(w, e, RETRY_ALWAYS);
	}
}

static void watch_timer(evutil_socket_t fd, short what, void *arg)
{
	struct ck_etcd_watch *w = arg;
	struct ck_error *e = NULL;

	(void)fd;
	(void)what;
	w->busy++;
	if (w->state == WATCH_BACKOFF) {
		watch_connect(w);
	} else if (w->state == WATCH_CONNECTING) {
		ck_error_set(&e, 504, CK_REASON_TIMEOUT,
		             "etcd watch at %s: not created within %d ms", w->c->eps[w->ep].url,
		             w->c->attempt_timeout_ms);
		watch_stream_failed(w, e, RETRY_ALWAYS);
	}
	watch_unbusy(w);
}

int ck_etcd_watch(struct ck_etcd *c, const struct ck_etcd_watch_req *req, ck_etcd_watch_fn *cb,
                  void *arg, struct ck_etcd_watch **out, struct ck_error **err)
{
	struct ck_etcd_watch *w;
	size_t klen = etcd_len(req->key, req->key_len);

	CK_BUG_ON(!cb);
	if (c->closing)
		return ck_error_set(err, 503, CK_REASON_UNAVAILABLE, "etcd client closed");
	if (!klen && !req->prefix)
		return ck_error_set(err, 400, NULL, "etcd watch without a key");
	if (req->start_revision < 0)
		return ck_error_set(err, 400, NULL, "etcd watch: negative start revision");
	w = ck_xcalloc(1, sizeof(*w));
	w->c = c;
	w->cb = cb;
	w->arg = arg;
	if (req->prefix && !klen) {
		/* Every key. */
		w->key = ck_xcalloc(1, 2);
		w->key_len = 1;
		w->range_end = ck_xcalloc(1, 2);
		w->range_end_len = 1;
	} else {
		w->key = ck_xmemdup(req->key, klen + 1);
		w->key[klen] = '\0';
		w->key_len = klen;
		if (req->prefix) {
			w->range_end = ck_etcd_prefix_end(req->key, klen, &w->range_end_len);
		} else if (req->range_end) {
			w->range_end_len = etcd_len(req->range_end, req->range_end_len);
			w->range_end = ck_xmalloc(w->range_end_len + 1);
			memcpy(w->range_end, req->range_end, w->range_end_len);
			w->range_end[w->range_end_len] = '\0';
		}
	}
	w->prev_kv = req->prev_kv;
	w->progress_notify = req->progress_notify;
	w->start_revision = req->start_revision;
	w->ep = c->cur;
	ck_buf_init(&w->in, 0);
	ck_buf_init(&w->body, 0);
	w->timer = evtimer_new(c->base, watch_timer, w);
	CK_BUG_ON(!w->timer);
	TAILQ_INSERT_TAIL(&c->watches, w, link);
	/* Connect from the loop, so that nothing calls back from inside this function. */
	w->state = WATCH_BACKOFF;
	ck_time_event_add_ms(w->timer, 0);
	*out = w;
	return 0;
}

void ck_etcd_watch_free(struct ck_etcd_watch *w)
{
	if (!w || w->freed)
		return;
	watch_detach(w);
	event_del(w->timer);
	TAILQ_REMOVE(&w->c->watches, w, link);
	w->freed = true;
	w->busy++;
	watch_unbusy(w);
}

int64_t ck_etcd_watch_next_revision(const struct ck_etcd_watch *w)
{
	return w->next_rev;
}

int64_t ck_etcd_watch_compact_revision(const struct ck_etcd_watch *w)
{
	return w->compact_rev;
}

unsigned ck_etcd_watch_reconnects(const struct ck_etcd_watch *w)
{
	return w->reconnects;
}
