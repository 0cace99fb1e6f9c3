/*
 * etcd watch streams (see etcd.h): one gRPC Watch stream per watch on its endpoint's
 * channel (multiplexed with the unary calls on one HTTP/2 connection), one
 * WatchCreateRequest on it, then WatchResponses as etcd sends them.
 *
 * A watch outlives its streams. When a stream breaks (the member died or restarted, was
 * cut off from the leader, or the connection was lost) the watch opens a new one, on the
 * next endpoint, from one past the last revision it delivered — clientv3's resume rule —
 * and drops any event at or below that revision should a member repeat it, so its caller
 * sees every revision once and in order. Only a compacted resume point (410 Expired, with
 * etcd's compact_revision), a refusal etcd will repeat, or a malformed reply end it.
 *
 * K8S: etcd 3.4 keeps a Watch stream open after the client half-closes it; a stream is
 * ended by resetting it (ck_grpc_call_cancel), as clientv3 does by cancelling its context.
 */
#include <event2/event.h>

#include "base/compat.h"

#include "base/log.h"
#include "base/mem.h"
#include "base/time.h"
#include "store/etcd-int.h"
#include "store/etcd-pb.h"

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
	ck_buf_release(&w->body);
	free(w);
}

/* Reset the current stream, if any (no callback of it follows). */
static void watch_detach(struct ck_etcd_watch *w)
{
	ck_grpc_call_cancel(w->stream);
	w->stream = NULL;
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
	         w->next_rev ? w->next_rev : w->req.start_revision);
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

/*
 * Move the events of m the caller has not seen yet into res (in order); -1 with *err
 * when they are out of revision order.
 */
static int take_events(struct ck_etcd_watch *w, struct ck_etcd_pb_watch_response *m,
                       struct ck_etcd_watch_result *res, struct ck_error **err)
{
	int64_t prev_rev = 0;

	for (size_t i = 0; i < m->n_events; i++) {
		if (m->events[i].kv.mod_revision < prev_rev)
			return ck_error_set(err, 500, NULL, "events out of revision order");
		prev_rev = m->events[i].kv.mod_revision;
	}
	res->events = ck_xcalloc(m->n_events ? m->n_events : 1, sizeof(*res->events));
	for (size_t i = 0; i < m->n_events; i++) {
		struct ck_etcd_event *ev = &m->events[i];

		/* Already delivered before a reconnection: never twice. */
		if (ev->kv.mod_revision <= w->last_event_rev)
			continue;
		res->events[res->n_events++] = *ev;
		memset(ev, 0, sizeof(*ev));
	}
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

/* The created message of the current stream; false when the watch was freed. */
static bool watch_created(struct ck_etcd_watch *w, int64_t revision)
{
	struct ck_etcd *c = w->c;
	struct ck_etcd_watch_result *res;

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
		w->next_rev = w->req.start_revision ? w->req.start_revision : revision + 1;
	if (w->created_reported) {
		w->reconnects++;
		return true;
	}
	w->created_reported = true;
	res = ck_xcalloc(1, sizeof(*res));
	res->revision = revision;
	res->created = true;
	return watch_deliver(w, res, NULL);
}

/* Handle one WatchResponse; false when the stream or the watch is over (or w was freed). */
static bool watch_message(struct ck_etcd_watch *w, struct ck_etcd_pb_watch_response *m)
{
	const char *url = w->c->eps[w->ep].url;
	struct ck_etcd_watch_result *res;
	struct ck_error *e = NULL;
	enum etcd_retry retry;

	if (m->canceled) {
		if (m->compact_revision > 0) {
			w->compact_rev = m->compact_revision;
			ck_error_set(&e, 410, CK_REASON_EXPIRED,
			             "etcd watch at %s: required revision %" PRId64
			             " has been compacted (compact revision %" PRId64 ")",
			             url, w->next_rev, m->compact_revision);
			watch_end(w, e);
			return false;
		}
		e = etcd_rpc_error(url, "watch", CK_GRPC_UNKNOWN,
		                   *m->cancel_reason ? m->cancel_reason : "watch canceled", NULL,
		                   false, &retry);
		/* A watch only reads: anything etcd may not repeat is worth a new stream. */
		watch_stream_failed(w, e, retry == RETRY_NEVER ? RETRY_NEVER : RETRY_ALWAYS);
		return false;
	}
	if (m->created)
		return watch_created(w, m->header.revision);
	res = ck_xcalloc(1, sizeof(*res));
	res->revision = m->header.revision;
	if (take_events(w, m, res, &e) < 0) {
		ck_etcd_watch_result_free(res);
		watch_end(w, etcd_malformed(url, "watch", e));
		return false;
	}
	return watch_batch(w, res, m->header.revision, m->n_events > 0);
}

/* ---- the stream ------------------------------------------------------------------- */

static void watch_on_msg(struct ck_grpc_call *stream, const void *msg, size_t len, void *arg)
{
	struct ck_etcd_watch *w = arg;
	struct ck_etcd_pb_watch_response *m = NULL;
	struct ck_error *e = NULL;

	(void)stream;
	w->busy++;
	if (ck_etcd_pb_decode_watch(msg, len, &m, &e) < 0)
		watch_end(w, etcd_malformed(w->c->eps[w->ep].url, "watch", e));
	else
		watch_message(w, m);
	ck_etcd_pb_watch_response_free(m);
	watch_unbusy(w);
}

static void watch_on_end(struct ck_grpc_call *stream, int grpc_status, const char *grpc_message,
                         struct ck_error *err, void *arg)
{
	struct ck_etcd_watch *w = arg;
	const char *url = w->c->eps[w->ep].url;
	enum etcd_retry retry = RETRY_ALWAYS;
	struct ck_error *e = NULL;

	w->busy++;
	w->stream = NULL;
	if (grpc_status == CK_GRPC_OK) {
		ck_error_set(&e, 503, CK_REASON_UNAVAILABLE, "etcd watch at %s: stream closed",
		             url);
	} else {
		e = etcd_rpc_error(url, "watch", grpc_status, grpc_message, err,
		                   ck_grpc_call_unprocessed(stream), &retry);
		/* A watch only reads: a lost stream is resumed, whatever it may have done. */
		if (retry == RETRY_IF_READ || retry == RETRY_ELSEWHERE)
			retry = RETRY_ALWAYS;
	}
	ck_error_free(err);
	watch_stream_failed(w, e, retry);
	watch_unbusy(w);
}

static void watch_connect(struct ck_etcd_watch *w)
{
	struct ck_etcd *c = w->c;
	struct etcd_endpoint *ep = &c->eps[w->ep];
	struct ck_etcd_watch_req req = w->req;
	struct ck_error *e = NULL;

	w->established = false;
	w->round_tries++;
	w->state = WATCH_CONNECTING;
	ck_time_event_add_ms(w->timer, c->attempt_timeout_ms);
	req.start_revision = w->next_rev ? w->next_rev : w->req.start_revision;
	ck_buf_reset(&w->body);
	/* ck_etcd_watch checked the request: encoding it cannot fail. */
	CK_BUG_ON(ck_etcd_pb_encode_watch_create(&w->body, &req, NULL, &e) < 0);
	w->stream = ck_grpc_stream_open(ep->ch, CK_ETCD_PB_PATH_WATCH, watch_on_msg, watch_on_end, w);
	/* A stream just opened takes messages; its failures come through watch_on_end. */
	CK_BUG_ON(ck_grpc_stream_send(w->stream, w->body.data, w->body.len, &e) < 0);
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
	struct ck_buf probe;
	int r;

	CK_BUG_ON(!cb);
	if (c->closing)
		return ck_error_set(err, 503, CK_REASON_UNAVAILABLE, "etcd client closed");
	ck_buf_init(&probe, 0);
	r = ck_etcd_pb_encode_watch_create(&probe, req, NULL, err);
	ck_buf_release(&probe);
	if (r < 0)
		return -1;
	w = ck_xcalloc(1, sizeof(*w));
	w->c = c;
	w->cb = cb;
	w->arg = arg;
	w->req = *req;
	/* Own copies of the key and range end; a prefix stays a prefix (etcd-pb ends it). */
	w->key = ck_xmalloc(klen + 1);
	if (klen)
		memcpy(w->key, req->key, klen);
	w->key[klen] = '\0';
	w->req.key = w->key;
	w->req.key_len = klen;
	if (!req->prefix && req->range_end) {
		size_t elen = etcd_len(req->range_end, req->range_end_len);

		w->range_end = ck_xmalloc(elen + 1);
		memcpy(w->range_end, req->range_end, elen);
		w->range_end[elen] = '\0';
		w->req.range_end = w->range_end;
		w->req.range_end_len = elen;
	} else {
		w->req.range_end = NULL;
		w->req.range_end_len = 0;
	}
	w->ep = c->cur;
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
