/*
 * The etcd client's core (see etcd.h): endpoints and their gRPC channels, and the life of
 * a unary call — send it to the current endpoint with the attempt's deadline, decide after
 * a failure whether it may go to the next endpoint, back off after a full round of
 * failures, and hand its result or error to the caller's callback exactly once.
 *
 * Calls are loop-owned; nothing here locks. A failure never completes a call from inside
 * the function that met it: it arms the call's timer at zero, so the decision (retry,
 * back off, complete) and the caller's callback always run from the loop, never inside
 * the public call that started it.
 */
#include <event2/event.h>

#include "base/compat.h"

#include "base/log.h"
#include "base/mem.h"
#include "base/time.h"
#include "store/etcd-int.h"

int64_t etcd_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int etcd_backoff_ms(int rounds)
{
	int ms = ETCD_BACKOFF_MIN_MS;

	while (rounds-- > 0 && ms < ETCD_BACKOFF_MAX_MS)
		ms *= 2;
	return ms < ETCD_BACKOFF_MAX_MS ? ms : ETCD_BACKOFF_MAX_MS;
}

void etcd_enter_cb(struct ck_etcd *c)
{
	c->cb_depth++;
}

void etcd_leave_cb(struct ck_etcd *c)
{
	c->cb_depth--;
}

/* ---- endpoints ---------------------------------------------------------------------- */

/* The channel of ep for a call of kind: with require-leader, or without (made on first use). */
static struct ck_grpc_conn *ep_channel(struct etcd_endpoint *ep, bool any_leader)
{
	struct ck_etcd *c = ep->c;
	struct ck_grpc_config gc = {.endpoint = ep->url,
	                            .ca_file = c->ca_file,
	                            .cert_file = c->cert_file,
	                            .key_file = c->key_file,
	                            .max_message_bytes = c->max_response_bytes};
	struct ck_error *e = NULL;

	if (!any_leader)
		return ep->ch;
	/* The same configuration made ep->ch: it cannot fail now. */
	if (!ep->ch_any)
		CK_BUG_ON(ck_grpc_conn_new(c->base, &gc, &ep->ch_any, &e) < 0);
	return ep->ch_any;
}

/*
 * ep's channels. K8S: "hasleader: true" is clientv3's WithRequireLeader: a member without
 * a leader refuses the call at once with "etcdserver: no leader" (and cancels watch
 * streams) instead of stalling until its request timeout, so the client can move on.
 */
static int ep_init(struct etcd_endpoint *ep, const char *url, struct ck_error **err)
{
	static const char *const require_leader[] = {"hasleader", "true", NULL};
	struct ck_etcd *c = ep->c;
	struct ck_grpc_config gc = {.endpoint = url,
	                            .ca_file = c->ca_file,
	                            .cert_file = c->cert_file,
	                            .key_file = c->key_file,
	                            .max_message_bytes = c->max_response_bytes,
	                            .metadata = require_leader};
	struct ck_error *e = NULL;

	ep->url = ck_xstrdup(url);
	if (ck_grpc_conn_new(c->base, &gc, &ep->ch, &e) < 0) {
		ck_error_set(err, 400, NULL, "etcd: %s", e->msg);
		ck_error_free(e);
		return -1;
	}
	return 0;
}

static void pick_next_endpoint(struct ck_etcd *c)
{
	int64_t now = etcd_now_ms(), oldest = INT64_MAX;
	size_t best = c->cur;

	for (size_t i = 1; i < c->n_eps; i++) {
		size_t k = (c->cur + i) % c->n_eps;
		struct etcd_endpoint *ep = &c->eps[k];

		if (!ep->failed_at || now - ep->failed_at >= ETCD_EP_PENALTY_MS) {
			best = k;
			break;
		}
		if (ep->failed_at < oldest) {
			oldest = ep->failed_at;
			best = k;
		}
	}
	if (best != c->cur)
		ck_debug(ETCD_LOG, "endpoint %s failed, now using %s", c->eps[c->cur].url,
		         c->eps[best].url);
	c->cur = best;
}

void etcd_endpoint_failed(struct etcd_endpoint *ep)
{
	struct ck_etcd *c = ep->c;

	ep->failed_at = etcd_now_ms();
	if (ep == &c->eps[c->cur] && c->n_eps > 1)
		pick_next_endpoint(c);
}

/* ---- unary calls ------------------------------------------------------------------ */

static void call_timer(evutil_socket_t fd, short what, void *arg);
static void call_attempt(struct etcd_call *call);

struct etcd_call *etcd_call_new(struct ck_etcd *c, const struct etcd_call_kind *kind,
                                void (*cb)(void), void *arg)
{
	struct etcd_call *call = TAILQ_FIRST(&c->spare);

	if (call) {
		TAILQ_REMOVE(&c->spare, call, link);
		c->n_spare--;
	} else {
		call = ck_xcalloc(1, sizeof(*call));
		ck_buf_init(&call->body, 0);
		call->timer = evtimer_new(c->base, call_timer, call);
		CK_BUG_ON(!call->timer);
	}
	call->c = c;
	call->kind = kind;
	call->cb = cb;
	call->arg = arg;
	call->read_only = false;
	call->cas = 0;
	call->cas_no_current = false;
	call->variant = 0;
	call->pinned = NULL;
	call->state = CALL_IDLE;
	call->ep = NULL;
	call->rpc = NULL;
	call->attempts = call->round_tries = call->rounds = 0;
	call->last_err = NULL;
	call->last_retry = RETRY_NEVER;
	call->start_us = 0;
	call->obs_key = NULL;
	call->obs_key_len = 0;
	call->obs_range = false;
	ck_buf_reset(&call->body);
	return call;
}

void etcd_call_observe_key(struct etcd_call *call, const void *key, size_t key_len, bool range)
{
	if (!call->c->observer || call->obs_key)
		return;
	key_len = etcd_len(key, key_len);
	call->obs_key = ck_xmalloc(key_len + 1);
	if (key_len)
		memcpy(call->obs_key, key, key_len);
	call->obs_key[key_len] = '\0';
	call->obs_key_len = key_len;
	call->obs_range = range;
}

/* Give a call struct back (to the spare list while it is small). */
void etcd_call_discard(struct etcd_call *call)
{
	struct ck_etcd *c = call->c;

	ck_error_clear(&call->last_err);
	event_del(call->timer);
	free(call->obs_key);
	call->obs_key = NULL;
	if (c->n_spare < ETCD_CALL_CACHE && call->body.cap <= ETCD_CALL_BODY_MAX) {
		ck_buf_reset(&call->body);
		TAILQ_INSERT_HEAD(&c->spare, call, link);
		c->n_spare++;
		return;
	}
	ck_buf_release(&call->body);
	event_free(call->timer);
	free(call);
}

/* Tell the observer about a call that completes; only when there is one. */
static void call_observe(struct etcd_call *call, bool failed)
{
	static const char *const cas_names[] = {NULL, "create", "update", "delete"};
	struct ck_etcd *c = call->c;
	struct timespec ts;
	struct ck_etcd_call_info info = {.kind = call->kind->name,
	                                 .failed = failed,
	                                 .key = call->obs_key,
	                                 .key_len = call->obs_key_len,
	                                 .range = call->obs_range};

	clock_gettime(CLOCK_MONOTONIC, &ts);
	info.duration_us = (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000 - call->start_us;
	if (call->cas > 0 && (size_t)call->cas < CK_ARRAY_SIZE(cas_names))
		info.cas = cas_names[call->cas];
	c->observer(&info, c->observer_arg);
}

static void call_complete(struct etcd_call *call, void *res, struct ck_error *err)
{
	struct ck_etcd *c = call->c;

	event_del(call->timer);
	TAILQ_REMOVE(&c->calls, call, all_link);
	call->state = CALL_IDLE;
	etcd_enter_cb(c);
	if (c->observer && call->start_us)
		call_observe(call, err != NULL);
	call->kind->deliver(call, res, err);
	etcd_leave_cb(c);
	etcd_call_discard(call);
}

/*
 * The attempt failed with e (owned). Park the call with the error and let its timer
 * decide from the loop.
 */
static void call_attempt_failed(struct etcd_call *call, struct ck_error *e, enum etcd_retry retry)
{
	if (retry != RETRY_NEVER && call->ep)
		etcd_endpoint_failed(call->ep);
	ck_error_clear(&call->last_err);
	call->last_err = e;
	call->last_retry = retry;
	call->state = CALL_FAILED;
	call->rpc = NULL;
	ck_time_event_add_ms(call->timer, 0);
}

/* After a failure: try the next endpoint, back off, or give up. From the call's timer. */
static void call_decide(struct etcd_call *call)
{
	struct ck_etcd *c = call->c;
	int64_t now = etcd_now_ms(), delay = 0;
	bool again = call->last_retry == RETRY_ALWAYS ||
	             (call->last_retry == RETRY_IF_READ && call->read_only) ||
	             (call->last_retry == RETRY_ELSEWHERE && call->round_tries < (int)c->n_eps);

	if (!again || call->pinned || c->closing || now >= call->deadline) {
		call_complete(call, NULL, ck_steal(&call->last_err));
		return;
	}
	if (call->round_tries >= (int)c->n_eps) {
		delay = etcd_backoff_ms(call->rounds++);
		call->round_tries = 0;
	}
	if (now + delay >= call->deadline) {
		call_complete(call, NULL, ck_steal(&call->last_err));
		return;
	}
	ck_debug(ETCD_LOG, "%s: %s; trying again in %" PRId64 " ms", call->kind->name,
	         call->last_err->msg, delay);
	call->state = CALL_BACKOFF;
	ck_time_event_add_ms(call->timer, delay);
}

/* The end of an attempt (grpc.h's unary callback): the result, or a failure to judge. */
static void call_rpc_done(struct ck_grpc_call *rpc, int grpc_status, const char *grpc_message,
                          const void *resp, size_t resp_len, struct ck_error *err, void *arg)
{
	struct etcd_call *call = arg;
	const char *url = call->ep->url, *name = call->kind->name;
	struct ck_error *e = NULL;
	enum etcd_retry retry;
	void *res;

	call->rpc = NULL;
	if (grpc_status != CK_GRPC_OK) {
		e = etcd_rpc_error(url, name, grpc_status, grpc_message, err,
		                   ck_grpc_call_unprocessed(rpc), &retry);
		ck_error_free(err);
		call_attempt_failed(call, e, retry);
		return;
	}
	res = call->kind->decode(call, resp, resp_len, &e);
	if (!res) {
		/* Malformed, or the member's answer means an error (a lease not found). */
		if (e && e->http_status == 500)
			e = etcd_malformed(url, name, e);
		call_complete(call, NULL, e);
		return;
	}
	call->ep->failed_at = 0;
	call_complete(call, res, NULL);
}

/* Send the next attempt to the current endpoint (or the pinned one). */
static void call_attempt(struct etcd_call *call)
{
	struct ck_etcd *c = call->c;
	struct etcd_endpoint *ep = call->pinned ? call->pinned : &c->eps[c->cur];
	int64_t now = etcd_now_ms(), left = call->deadline - now;
	int attempt_ms = c->attempt_timeout_ms < left ? c->attempt_timeout_ms : (int)left;

	call->ep = ep;
	call->state = CALL_INFLIGHT;
	call->attempts++;
	call->round_tries++;
	call->rpc = ck_grpc_unary(ep_channel(ep, call->kind->any_leader), call->kind->path,
	                          call->body.data, call->body.len, attempt_ms > 0 ? attempt_ms : 1,
	                          call_rpc_done, call);
}

static void call_timer(evutil_socket_t fd, short what, void *arg)
{
	struct etcd_call *call = arg;

	(void)fd;
	(void)what;
	switch (call->state) {
	case CALL_FAILED:
		call_decide(call);
		break;
	case CALL_BACKOFF:
		call_attempt(call);
		break;
	case CALL_INFLIGHT:
	case CALL_IDLE:
	default:
		CK_BUG("etcd call timer without a failure or a back-off");
	}
}

int etcd_call_start(struct etcd_call *call, struct ck_error **err)
{
	struct ck_etcd *c = call->c;

	if (c->closing) {
		etcd_call_discard(call);
		return ck_error_set(err, 503, CK_REASON_UNAVAILABLE, "etcd client closed");
	}
	call->deadline = etcd_now_ms() + c->request_timeout_ms;
	if (c->observer) {
		struct timespec ts;

		clock_gettime(CLOCK_MONOTONIC, &ts);
		call->start_us = (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
	}
	TAILQ_INSERT_TAIL(&c->calls, call, all_link);
	call_attempt(call);
	return 0;
}

struct etcd_endpoint *etcd_find_endpoint(struct ck_etcd *c, const char *url)
{
	for (size_t i = 0; i < c->n_eps; i++)
		if (!strcmp(c->eps[i].url, url))
			return &c->eps[i];
	return NULL;
}

/* ---- the client ------------------------------------------------------------------- */

int ck_etcd_new(struct event_base *base, const struct ck_etcd_config *cfg, struct ck_etcd **out,
                struct ck_error **err)
{
	struct ck_etcd *c;
	size_t n = 0;

	while (cfg->endpoints && cfg->endpoints[n])
		n++;
	if (!n)
		return ck_error_set(err, 400, NULL, "no etcd endpoints given");
	if (!cfg->cert_file != !cfg->key_file)
		return ck_error_set(err, 400, NULL,
		                    "etcd client certificate and key must be given together");
	c = ck_xcalloc(1, sizeof(*c));
	TAILQ_INIT(&c->calls);
	TAILQ_INIT(&c->spare);
	TAILQ_INIT(&c->watches);
	c->eps = ck_xcalloc(n, sizeof(*c->eps));
	c->n_eps = n;
	if (base) {
		c->base = base;
	} else {
		c->base = event_base_new();
		CK_BUG_ON(!c->base);
		c->own_base = true;
	}
	c->ca_file = cfg->ca_file ? ck_xstrdup(cfg->ca_file) : NULL;
	c->cert_file = cfg->cert_file ? ck_xstrdup(cfg->cert_file) : NULL;
	c->key_file = cfg->key_file ? ck_xstrdup(cfg->key_file) : NULL;
	c->request_timeout_ms = cfg->request_timeout_ms > 0 ? cfg->request_timeout_ms : 15000;
	c->attempt_timeout_ms = cfg->attempt_timeout_ms > 0 ? cfg->attempt_timeout_ms : 5000;
	if (c->attempt_timeout_ms > c->request_timeout_ms)
		c->attempt_timeout_ms = c->request_timeout_ms;
	c->max_response_bytes =
	        cfg->max_response_bytes ? cfg->max_response_bytes : (size_t)64 * 1024 * 1024;
	for (size_t i = 0; i < n; i++) {
		c->eps[i].c = c;
		c->eps[i].index = i;
		if (ep_init(&c->eps[i], cfg->endpoints[i], err) < 0)
			goto fail;
	}
	*out = c;
	return 0;
fail:
	ck_etcd_free(c);
	return -1;
}

void ck_etcd_free(struct ck_etcd *c)
{
	struct etcd_call *call;

	if (!c)
		return;
	CK_BUG_ON(c->cb_depth > 0);
	CK_BUG_ON(!TAILQ_EMPTY(&c->watches));
	CK_BUG_ON(c->n_keepalives > 0);
	c->closing = true;
	while ((call = TAILQ_FIRST(&c->calls)) != NULL) {
		struct ck_error *e = NULL;

		ck_grpc_call_cancel(call->rpc);
		call->rpc = NULL;
		ck_error_set(&e, 503, CK_REASON_UNAVAILABLE, "etcd %s: etcd client closed",
		             call->kind->name);
		call_complete(call, NULL, e);
	}
	while ((call = TAILQ_FIRST(&c->spare)) != NULL) {
		TAILQ_REMOVE(&c->spare, call, link);
		ck_buf_release(&call->body);
		event_free(call->timer);
		free(call);
	}
	for (size_t i = 0; i < c->n_eps; i++) {
		ck_grpc_conn_free(c->eps[i].ch);
		ck_grpc_conn_free(c->eps[i].ch_any);
		free(c->eps[i].url);
	}
	free(c->eps);
	free(c->ca_file);
	free(c->cert_file);
	free(c->key_file);
	if (c->own_base)
		event_base_free(c->base);
	free(c);
}

void ck_etcd_set_observer(struct ck_etcd *c, ck_etcd_observer_fn *fn, void *arg)
{
	c->observer = fn;
	c->observer_arg = fn ? arg : NULL;
}

ck_etcd_observer_fn *ck_etcd_get_observer(const struct ck_etcd *c, void **arg)
{
	if (arg)
		*arg = c->observer_arg;
	return c->observer;
}

struct event_base *ck_etcd_base(const struct ck_etcd *c)
{
	return c->base;
}

size_t ck_etcd_endpoint_count(const struct ck_etcd *c)
{
	return c->n_eps;
}

const char *ck_etcd_endpoint(const struct ck_etcd *c, size_t i)
{
	return i < c->n_eps ? c->eps[i].url : NULL;
}

/* ---- running to completion -------------------------------------------------------- */

static void set_flag(evutil_socket_t fd, short what, void *arg)
{
	(void)fd;
	(void)what;
	*(bool *)arg = true;
}

int ck_etcd_run_until(struct ck_etcd *c, const bool *done, int timeout_ms, struct ck_error **err)
{
	bool expired = false;
	struct event *t = NULL;
	int r = 0;

	CK_BUG_ON(c->cb_depth > 0);
	if (timeout_ms > 0) {
		t = evtimer_new(c->base, set_flag, &expired);
		CK_BUG_ON(!t);
		ck_time_event_add_ms(t, timeout_ms);
	}
	while (!*done && !expired) {
		r = event_base_loop(c->base, EVLOOP_ONCE);
		if (r != 0)
			break;
	}
	if (t)
		event_free(t);
	if (*done)
		return 0;
	if (r < 0)
		return ck_error_set(err, 500, NULL, "etcd client loop failed");
	if (r > 0)
		return ck_error_set(err, 500, NULL,
		                    "etcd client loop has nothing left to wait for");
	return ck_error_set(err, 504, CK_REASON_TIMEOUT, "not done after %d ms", timeout_ms);
}
