/*
 * WATCH (reference §4): a chunked application/json stream of newline-terminated
 * {"type":...,"object":...} events from the resource's watch cache, with synthetic ADDED
 * events for the current state when the watch starts at resourceVersion 0 or unset,
 * 410 Expired as an ERROR event carrying a Status, BOOKMARK events for clients that allow
 * them, the watch-list bookmark that ends the initial events, timeoutSeconds, Table events
 * for kubectl get -w, and back-pressure: a watcher whose client does not read is paused,
 * then ended by the cache if it falls too far behind (the client watches again and, if its
 * revision has gone, relists), and cut off if its queue keeps growing.
 *
 * Event objects are the cached JSON bytes, copied into the stream as they are.
 */
#include <event2/event.h>
#include <jansson.h>

#include "base/compat.h"

#include "api/api-int.h"
#include "base/json.h"
#include "base/log.h"
#include "base/mem.h"

static void watch_end(struct ck_api_op *op)
{
	if (op->ended)
		return;
	op->ended = true;
	ck_http_stream_on_drain(op->req, 0, NULL, NULL);
	ck_http_request_on_close(op->req, NULL, NULL);
	ck_http_stream_end(op->req);
	ck_api_op_done(op);
}

static void watch_flush(struct ck_api_op *op)
{
	size_t pending;

	ck_http_stream_flush(op->req);
	pending = ck_http_stream_pending(op->req);
	if (pending > CK_API_WATCH_CUTOFF) {
		/* K8S: a watcher that cannot keep up is dropped; the client re-lists. */
		ck_warn(CK_API_LOG, "watch of %s from %s cut off: %zu bytes unread",
		        op->res->plural, ck_http_request_remote(op->req), pending);
		op->ended = true;
		ck_http_request_on_close(op->req, NULL, NULL);
		ck_http_request_abort(op->req);
		ck_api_op_done(op);
		return;
	}
	if (pending > CK_API_WATCH_HIGH && !op->paused && op->watcher) {
		op->paused = true;
		ck_watch_cache_watcher_pause(op->watcher);
	}
}

static void write_bookmark(struct ck_api_op *op, int64_t rv, bool initial_end)
{
	struct ck_buf b = CK_BUF_INIT;

	/* K8S: a bookmark's object is an empty object of the kind with only the revision. */
	ck_buf_addf(&b,
	            "{\"type\":\"BOOKMARK\",\"object\":{\"kind\":\"%s\",\"apiVersion\":\"%s\","
	            "\"metadata\":{\"resourceVersion\":\"%" PRId64 "\",\"creationTimestamp\":null",
	            op->res->kind, op->res->api_version, rv);
	if (initial_end)
		ck_buf_adds(&b, ",\"annotations\":{\"k8s.io/initial-events-end\":\"true\"}");
	ck_buf_adds(&b, "}}}\n");
	ck_http_stream_write(op->req, b.data, b.len);
	ck_buf_release(&b);
}

static void write_event(struct ck_api_op *op, enum ck_watch_event_type type, struct ck_obj *obj)
{
	struct ck_buf b = CK_BUF_INIT;

	ck_buf_addf(&b, "{\"type\":\"%s\",\"object\":", ck_watch_event_type_name(type));
	if (op->table) {
		json_t *j = ck_obj_parse(obj);

		/* K8S: columnDefinitions go in the first event only (watchEmbeddedEncoder). */
		ck_api_table_single(op, j, !op->table_first, &b);
		op->table_first = true;
		json_decref(j);
	} else {
		ck_obj_json_append(obj, &b);
	}
	/* Every event ends with a newline: Python's client splits the stream on them. */
	ck_buf_adds(&b, "}\n");
	ck_http_stream_write(op->req, b.data, b.len);
	ck_buf_release(&b);
}

static void on_event(struct ck_watch_cache_watcher *w, enum ck_watch_event_type type,
                     struct ck_obj *obj, int64_t rv, void *arg)
{
	struct ck_api_op *op = arg;

	(void)w;
	if (op->ended)
		return;
	if (type == CK_WATCH_BOOKMARK)
		write_bookmark(op, rv, true);
	else
		write_event(op, type, obj);
	watch_flush(op);
}

static void on_done(struct ck_watch_cache_watcher *w, struct ck_error *err, void *arg)
{
	struct ck_api_op *op = arg;

	(void)w;
	ck_debug(CK_API_LOG, "watch of %s ended by the cache: %s", op->res->plural,
	         err ? err->msg : "");
	/*
	 * K8S: kube-apiserver ends such a watch by closing the stream; the client watches
	 * again from its last revision and gets 410 only if that one is gone.
	 */
	watch_end(op);
}

static void on_drain(struct ck_http_request *req, void *arg)
{
	struct ck_api_op *op = arg;

	(void)req;
	if (op->paused && op->watcher) {
		op->paused = false;
		ck_watch_cache_watcher_resume(op->watcher);
	}
}

static void on_close(struct ck_http_request *req, enum ck_http_close_reason why, void *arg)
{
	struct ck_api_op *op = arg;

	(void)req;
	ck_debug(CK_API_LOG, "watch of %s closed (%d)", op->res->plural, (int)why);
	watch_end(op);
}

static void on_timeout(evutil_socket_t fd, short what, void *arg)
{
	struct ck_api_op *op = arg;

	(void)fd, (void)what;
	/* K8S: the watch ends cleanly at timeoutSeconds; clients watch again. */
	watch_end(op);
}

static void on_bookmark_timer(evutil_socket_t fd, short what, void *arg)
{
	struct ck_api_op *op = arg;
	struct timeval tv = {CK_API_BOOKMARK_MS / 1000, (CK_API_BOOKMARK_MS % 1000) * 1000};

	(void)fd, (void)what;
	if (op->ended || !op->watcher)
		return;
	write_bookmark(op, ck_watch_cache_watcher_revision(op->watcher), false);
	watch_flush(op);
	if (!op->ended)
		evtimer_add(op->bookmark_ev, &tv);
}

/* The 200 stream, then one ERROR event with the Status, then the end (reference §4). */
static void error_event(struct ck_api_op *op, struct ck_error *err)
{
	struct ck_buf b = CK_BUF_INIT;

	ck_buf_adds(&b, "{\"type\":\"ERROR\",\"object\":");
	ck_api_status_from_error(&b, err, NULL);
	ck_buf_adds(&b, "}\n");
	ck_http_stream_write(op->req, b.data, b.len);
	ck_buf_release(&b);
	ck_error_free(err);
	watch_end(op);
}

static void watch_start(struct ck_api_op *op)
{
	struct ck_error *err = NULL;
	struct ck_watch_cache_watch_opts wo = {
	        .start_rv = op->send_initial ? 0 : op->rv,
	        .send_initial_events = op->send_initial,
	        /* K8S: watch-list ends its initial events with a bookmark (isListWatchRequest). */
	        .initial_events_bookmark =
	                op->watch_list && op->send_initial && op->allow_bookmarks,
	        .ns = op->ns,
	        .filter = ck_api_filter,
	        .filter_arg = op,
	        .on_event = on_event,
	        .on_done = on_done,
	        .arg = op,
	};
	const char *ts = ck_http_request_param(op->req, "timeoutSeconds");
	int64_t timeout_s = 0;
	struct timeval tv;

	if (ck_http_stream_start(op->req, 200, "application/json") < 0) {
		op->ended = true;
		ck_http_stream_end(op->req);
		ck_api_op_done(op);
		return;
	}
	ck_http_request_on_close(op->req, on_close, op);
	ck_http_stream_on_drain(op->req, CK_API_WATCH_LOW, on_drain, op);
	if (ck_watch_cache_watch(op->rs->cache, &wo, &op->watcher, &err) < 0) {
		/*
		 * K8S: cacher.Watch: once the request is accepted, errors such as 410 Expired
		 * are sent as an ERROR watch event rather than an HTTP error.
		 */
		error_event(op, err);
		return;
	}
	/* Counted from here until ck_api_op_done, whichever way the watch ends. */
	ck_api_metrics_watch_start(op);
	if (ts && *ts)
		ck_str_to_int64(ts, 0, INT64_MAX / 1000000, &timeout_s);
	if (timeout_s <= 0) {
		/* K8S: MinRequestTimeout * (1 + rand): between 30 and 60 minutes. */
		unsigned r = (unsigned)random();

		timeout_s = CK_API_WATCH_MIN_TIMEOUT_S + (int64_t)(r % CK_API_WATCH_MIN_TIMEOUT_S);
	}
	tv.tv_sec = (time_t)timeout_s;
	tv.tv_usec = 0;
	op->timeout_ev = evtimer_new(op->srv->base, on_timeout, op);
	evtimer_add(op->timeout_ev, &tv);
	if (op->allow_bookmarks) {
		struct timeval bt = {CK_API_BOOKMARK_MS / 1000, (CK_API_BOOKMARK_MS % 1000) * 1000};

		op->bookmark_ev = evtimer_new(op->srv->base, on_bookmark_timer, op);
		evtimer_add(op->bookmark_ev, &bt);
	}
}

static int bool_param(struct ck_api_op *op, const char *name, bool *out, bool *given)
{
	const char *v = ck_http_request_param(op->req, name);

	*given = false;
	if (!v || !*v)
		return 0;
	if (ck_api_parse_bool(v, out) < 0) {
		struct ck_buf m = CK_BUF_INIT;

		/* K8S: the parameter codec's strconv.ParseBool error, as a 400. */
		ck_buf_adds(&m, "strconv.ParseBool: parsing ");
		ck_api_quote(&m, v);
		ck_buf_adds(&m, ": invalid syntax");
		ck_api_op_failf(op, 400, CK_REASON_BAD_REQUEST, NULL, "%s", m.data);
		ck_buf_release(&m);
		return -1;
	}
	*given = true;
	return 0;
}

/* K8S: metainternalversion validation validateWatchOptions. */
static int validate_watch_opts(struct ck_api_op *op, bool send_given)
{
	const char *match = ck_http_request_param(op->req, "resourceVersionMatch");
	struct ck_api_errlist l = {0};
	struct ck_api_status_details d = {.group = "meta.k8s.io", .kind = "ListOptions"};
	struct ck_error *err = NULL;
	json_t *causes = NULL;

	if (send_given && (!match || strcmp(match, "NotOlderThan")))
		ck_api_errlist_forbidden(
		        &l, "resourceVersionMatch",
		        "sendInitialEvents requires setting resourceVersionMatch to "
		        "NotOlderThan");
	if (match && *match) {
		static const char *const valid[] = {"NotOlderThan", NULL};

		if (!send_given)
			ck_api_errlist_forbidden(
			        &l, "resourceVersionMatch",
			        "resourceVersionMatch is forbidden for watch unless "
			        "sendInitialEvents is provided");
		if (strcmp(match, "NotOlderThan"))
			ck_api_errlist_not_supported(&l, "resourceVersionMatch", match, valid);
	}
	if (!l.n)
		return 0;
	ck_api_errlist_to_error(&l, "ListOptions.meta.k8s.io", "", &causes, &err);
	d.causes = causes;
	ck_api_op_fail(op, err, &d);
	json_decref(causes);
	ck_api_errlist_release(&l);
	return -1;
}

void ck_api_watch(struct ck_api_op *op)
{
	bool send = false, send_given = false, bm = false, bm_given = false, w = false, w_given;
	const char *ts = ck_http_request_param(op->req, "timeoutSeconds");
	int64_t tmp;

	if (ck_api_parse_read_opts(op) < 0)
		return;
	if (bool_param(op, "watch", &w, &w_given) < 0 ||
	    bool_param(op, "allowWatchBookmarks", &bm, &bm_given) < 0 ||
	    bool_param(op, "sendInitialEvents", &send, &send_given) < 0)
		return;
	if (ts && *ts && ck_str_to_int64(ts, INT64_MIN, INT64_MAX, &tmp) < 0) {
		struct ck_buf m = CK_BUF_INIT;

		ck_buf_adds(&m, "strconv.ParseInt: parsing ");
		ck_api_quote(&m, ts);
		ck_buf_adds(&m, ": invalid syntax");
		ck_api_op_failf(op, 400, CK_REASON_BAD_REQUEST, NULL, "%s", m.data);
		ck_buf_release(&m);
		return;
	}
	if (validate_watch_opts(op, send_given) < 0)
		return;
	if (*op->name) {
		/* K8S: listOpts: a watch of one object is a watch with a name field selector. */
		if (op->exact_name && strcmp(op->exact_name, op->name)) {
			ck_api_op_failf(op, 400, CK_REASON_BAD_REQUEST, NULL,
			                "fieldSelector metadata.name doesn't match requested name");
			return;
		}
		op->exact_name = op->name;
	}
	op->allow_bookmarks = bm;
	op->fresh_rv = 0;
	if (send_given) {
		/*
		 * K8S: watch-list (sendInitialEvents): unset resourceVersion is a consistent
		 * start, "0" any state, N a state not older than N.
		 */
		op->send_initial = send;
		op->watch_list = true;
		if (send && !op->rv_given)
			ck_api_wait_fresh(op, true, 0, watch_start);
		else
			ck_api_wait_fresh(op, false, send ? op->rv : 0, watch_start);
		return;
	}
	/*
	 * K8S: the legacy watch: unset or "0" starts with synthetic ADDED events for what
	 * the cache holds; N replays what happened after N (410 when N is gone).
	 */
	op->send_initial = !op->rv_given || op->rv == 0;
	ck_api_wait_fresh(op, false, 0, watch_start);
}
