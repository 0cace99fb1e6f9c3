/*
 * The etcd client's core (see etcd.h): endpoints and TLS, the per-endpoint pools of
 * keep-alive connections, and the life of a unary call — send it on an idle connection
 * of the current endpoint (or queue it until one is free), enforce its deadlines, decide
 * after a failure whether it may go to the next endpoint, back off after a full round of
 * failures, and hand its result or error to the caller's callback exactly once.
 *
 * Calls and connections are loop-owned; nothing here locks. A failure never completes a
 * call from inside the function that met it: it arms the call's timer at zero, so the
 * decision (retry, back off, complete) and the caller's callback always run from the
 * loop, never inside evhttp's own stack or inside the public call that started it.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <sys/socket.h>

#include <event2/buffer.h>
#include <event2/bufferevent.h>
#include <event2/bufferevent_ssl.h>
#include <event2/event.h>
#include <event2/http.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include "base/compat.h"

#include "base/json.h"
#include "base/log.h"
#include "base/time.h"
#include "base/mem.h"
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

/* ---- endpoints and TLS ------------------------------------------------------------ */

static int ssl_conn_index = -1;
static pthread_once_t ssl_index_once = PTHREAD_ONCE_INIT;

static void ssl_index_init(void)
{
	ssl_conn_index = SSL_get_ex_new_index(0, NULL, NULL, NULL, NULL);
}

/* Keep the first verification failure's reason: evhttp only reports "connection failed". */
static int verify_cb(int ok, X509_STORE_CTX *store)
{
	SSL *ssl;
	struct etcd_conn *conn;

	if (ok)
		return ok;
	ssl = X509_STORE_CTX_get_ex_data(store, SSL_get_ex_data_X509_STORE_CTX_idx());
	conn = ssl ? SSL_get_ex_data(ssl, ssl_conn_index) : NULL;
	if (conn && !conn->tls_error[0])
		snprintf(conn->tls_error, sizeof(conn->tls_error), "certificate verify failed: %s",
		         X509_verify_cert_error_string(X509_STORE_CTX_get_error(store)));
	return ok;
}

/* Note that the handshake began (so TCP connected) and what alert the member sent. */
static void info_cb(const SSL *ssl, int where, int ret)
{
	struct etcd_conn *conn = SSL_get_ex_data(ssl, ssl_conn_index);

	if (!conn)
		return;
	if (where & SSL_CB_HANDSHAKE_START)
		conn->tls_started = true;
	if ((where & SSL_CB_READ_ALERT) && !conn->tls_error[0])
		snprintf(conn->tls_error, sizeof(conn->tls_error), "alert from member: %s",
		         SSL_alert_desc_string_long(ret));
}

static int ssl_error(struct ck_error **err, const char *what, const char *path)
{
	char buf[256] = "unknown error";
	unsigned long e = ERR_get_error();

	if (e)
		ERR_error_string_n(e, buf, sizeof(buf));
	ERR_clear_error();
	return ck_error_set(err, 400, NULL, "cannot %s '%s': %s", what, path ? path : "", buf);
}

static int make_ssl_ctx(struct ck_etcd *c, const struct ck_etcd_config *cfg, struct ck_error **err)
{
	SSL_CTX *ctx;

	if (!cfg->cert_file != !cfg->key_file)
		return ck_error_set(err, 400, NULL,
		                    "etcd client certificate and key must be given together");
	pthread_once(&ssl_index_once, ssl_index_init);
	ctx = SSL_CTX_new(TLS_client_method());
	if (!ctx)
		return ssl_error(err, "create a TLS context", NULL);
	c->ssl_ctx = ctx;
	SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
	SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, verify_cb);
	SSL_CTX_set_info_callback(ctx, info_cb);
	if (cfg->ca_file) {
		if (SSL_CTX_load_verify_locations(ctx, cfg->ca_file, NULL) != 1)
			return ssl_error(err, "load etcd CA file", cfg->ca_file);
	} else if (SSL_CTX_set_default_verify_paths(ctx) != 1) {
		return ssl_error(err, "load the default CA paths", NULL);
	}
	if (cfg->cert_file) {
		if (SSL_CTX_use_certificate_chain_file(ctx, cfg->cert_file) != 1)
			return ssl_error(err, "load etcd client certificate", cfg->cert_file);
		if (SSL_CTX_use_PrivateKey_file(ctx, cfg->key_file, SSL_FILETYPE_PEM) != 1)
			return ssl_error(err, "load etcd client key", cfg->key_file);
		if (SSL_CTX_check_private_key(ctx) != 1)
			return ssl_error(err, "use etcd client key", cfg->key_file);
	}
	return 0;
}

static int parse_endpoint(struct etcd_endpoint *ep, const char *url, struct ck_error **err)
{
	struct evhttp_uri *uri = evhttp_uri_parse(url);
	const char *scheme, *host, *path;
	size_t hlen;
	unsigned char addr[sizeof(struct in6_addr)];
	int port;

	if (!uri)
		return ck_error_set(err, 400, NULL, "invalid etcd endpoint '%s'", url);
	scheme = evhttp_uri_get_scheme(uri);
	host = evhttp_uri_get_host(uri);
	path = evhttp_uri_get_path(uri);
	port = evhttp_uri_get_port(uri);
	if (!scheme || (strcmp(scheme, "http") && strcmp(scheme, "https")) || !host || !*host ||
	    (path && *path && strcmp(path, "/")) || evhttp_uri_get_query(uri) ||
	    evhttp_uri_get_userinfo(uri)) {
		evhttp_uri_free(uri);
		return ck_error_set(err, 400, NULL,
		                    "invalid etcd endpoint '%s': expected http(s)://host:port",
		                    url);
	}
	ep->tls = !strcmp(scheme, "https");
	ep->port = port > 0 ? port : 2379;
	hlen = strlen(host);
	if (host[0] == '[' && hlen > 2 && host[hlen - 1] == ']')
		ep->host = ck_xstrndup(host + 1, hlen - 2);
	else
		ep->host = ck_xstrdup(host);
	ep->host_is_ip =
	        inet_pton(AF_INET, ep->host, addr) == 1 || inet_pton(AF_INET6, ep->host, addr) == 1;
	if (strchr(ep->host, ':'))
		ep->host_header = ck_xasprintf("[%s]:%d", ep->host, ep->port);
	else
		ep->host_header = ck_xasprintf("%s:%d", ep->host, ep->port);
	ep->url = ck_xstrdup(url);
	evhttp_uri_free(uri);
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

/* ---- connections ------------------------------------------------------------------ */

static void conn_closed(struct evhttp_connection *evcon, void *arg)
{
	struct etcd_conn *conn = arg;

	(void)evcon;
	/* evhttp calls this only for a connection that had been established. */
	conn->connected = true;
	etcd_conn_kill(conn);
}

struct etcd_conn *etcd_conn_new(struct etcd_endpoint *ep, bool stream)
{
	struct ck_etcd *c = ep->c;
	struct etcd_conn *conn = ck_xcalloc(1, sizeof(*conn));
	struct bufferevent *bev = NULL;
	struct timeval tv;

	conn->c = c;
	conn->ep = ep;
	conn->stream = stream;
	conn->tuned_fd = -1;
	if (ep->tls) {
		SSL *ssl = SSL_new(c->ssl_ctx);

		CK_BUG_ON(!ssl);
		SSL_set_ex_data(ssl, ssl_conn_index, conn);
		if (ep->host_is_ip) {
			X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), ep->host);
		} else {
			SSL_set_tlsext_host_name(ssl, ep->host);
			SSL_set1_host(ssl, ep->host);
		}
		bev = bufferevent_openssl_socket_new(c->base, -1, ssl, BUFFEREVENT_SSL_CONNECTING,
		                                     BEV_OPT_CLOSE_ON_FREE |
		                                             BEV_OPT_DEFER_CALLBACKS);
		CK_BUG_ON(!bev);
		/* etcd (Go) may close without close_notify; the HTTP framing says where data ends. */
		bufferevent_openssl_set_allow_dirty_shutdown(bev, 1);
		conn->ssl = ssl;
	}
	conn->evcon = evhttp_connection_base_bufferevent_new(c->base, NULL, bev, ep->host,
	                                                     (ev_uint16_t)ep->port);
	CK_BUG_ON(!conn->evcon);
	evhttp_connection_set_retries(conn->evcon, 0);
	evhttp_connection_set_closecb(conn->evcon, conn_closed, conn);
	evhttp_connection_set_max_headers_size(conn->evcon, 64 * 1024);
	if (stream) {
		/*
		 * A watch may be idle for hours: no inactivity timeout (evhttp's default is 50 s).
		 * The watch's own timer bounds connecting; a dead member shows as a reset, a
		 * member cut off from the leader cancels the stream (require-leader).
		 */
		tv.tv_sec = 7 * 24 * 3600;
		tv.tv_usec = 0;
	} else {
		/*
		 * evhttp applies this to connecting, to each read and write, and to idle time in
		 * the pool. A call's own timers bound its attempts; this only closes idle ones.
		 */
		tv.tv_sec = ETCD_IDLE_TIMEOUT_S;
		tv.tv_usec = 0;
		evhttp_connection_set_max_body_size(conn->evcon, (ev_ssize_t)c->max_response_bytes);
		ep->n_conns++;
	}
	evhttp_connection_set_timeout_tv(conn->evcon, &tv);
	return conn;
}

void etcd_conn_kill(struct etcd_conn *conn)
{
	struct ck_etcd *c = conn->c;

	if (conn->dead)
		return;
	conn->dead = true;
	if (conn->in_idle) {
		TAILQ_REMOVE(&conn->ep->idle, conn, link);
		conn->in_idle = false;
	}
	if (!conn->stream)
		conn->ep->n_conns--;
	TAILQ_INSERT_TAIL(&c->dead, conn, link);
	event_active(c->reaper, EV_TIMEOUT, 0);
}

void etcd_request_headers(struct etcd_conn *conn, struct evhttp_request *req, bool json,
                          bool require_leader)
{
	struct evkeyvalq *h = evhttp_request_get_output_headers(req);

	evhttp_add_header(h, "Host", conn->ep->host_header);
	if (!json)
		return;
	evhttp_add_header(h, "Content-Type", "application/json");
	if (!require_leader)
		return;
	/*
	 * gRPC metadata "hasleader: true" through the gateway: a member without a leader
	 * refuses the request at once with "etcdserver: no leader" (and cancels watch streams)
	 * instead of stalling until its request timeout, so the client can move on.
	 */
	evhttp_add_header(h, "Grpc-Metadata-Hasleader", "true");
}

struct ck_error *etcd_conn_error(struct etcd_conn *conn, const char *what, bool *maybe_sent)
{
	const char *url = conn->ep->url;
	char tls[256] = "";
	struct ck_error *e = NULL;
	int saved_errno = errno;

	*maybe_sent = conn->connected;
	if (conn->tls_error[0]) {
		snprintf(tls, sizeof(tls), ": TLS %s", conn->tls_error);
	} else if (conn->ssl) {
		struct bufferevent *bev = evhttp_connection_get_bufferevent(conn->evcon);
		unsigned long code, found = 0;

		/* The bufferevent keeps the SSL_get_error code and the queue; the last is best. */
		while (bev && (code = bufferevent_get_openssl_error(bev)) != 0)
			if (!found && ERR_GET_LIB(code) != 0)
				found = code;
		if (found) {
			char buf[200];

			ERR_error_string_n(found, buf, sizeof(buf));
			snprintf(tls, sizeof(tls), ": TLS %s", buf);
		} else if (!conn->connected && conn->tls_started) {
			snprintf(tls, sizeof(tls), ": TLS handshake failed");
		}
		ERR_clear_error();
	}
	switch (conn->fail) {
	case CONN_FAIL_TIMEOUT:
		ck_error_set(&e, 504, CK_REASON_TIMEOUT, "etcd %s at %s: %s%s", what, url,
		             conn->connected ? "no answer in time" : "connection timed out", tls);
		break;
	case CONN_FAIL_TOO_LONG:
		ck_error_set(&e, 500, CK_REASON_INTERNAL,
		             "etcd %s at %s: reply larger than %zu bytes", what, url,
		             conn->c->max_response_bytes);
		break;
	case CONN_FAIL_INVALID:
		ck_error_set(&e, 500, CK_REASON_INTERNAL, "etcd %s at %s: malformed HTTP reply",
		             what, url);
		break;
	case CONN_FAIL_EOF:
	case CONN_FAIL_OTHER:
		if (conn->connected)
			ck_error_set(&e, 503, CK_REASON_UNAVAILABLE,
			             "etcd %s at %s: connection closed before the reply%s", what,
			             url, tls);
		else
			ck_error_set(&e, 503, CK_REASON_UNAVAILABLE,
			             "etcd %s at %s: cannot connect%s", what, url,
			             tls[0] ? tls : ": connection failed");
		break;
	case CONN_FAIL_NONE:
	default:
		/*
		 * evhttp's connect-failure path (refused, connect timeout) has no error callback,
		 * and its shutdown() of the dead socket leaves ENOTCONN in errno.
		 */
		ck_error_set(&e, 503, CK_REASON_UNAVAILABLE, "etcd %s at %s: cannot connect: %s",
		             what, url,
		             tls[0] ? tls + 2
		             : saved_errno == ENOTCONN || saved_errno == ECONNREFUSED
		                     ? "connection refused"
		                     : "connection failed");
		break;
	}
	return e;
}

static void reap(evutil_socket_t fd, short what, void *arg);

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
	call->pinned = NULL;
	call->state = CALL_IDLE;
	call->ep = NULL;
	call->conn = NULL;
	call->attempts = call->round_tries = call->rounds = 0;
	call->last_err = NULL;
	call->last_retry = RETRY_NEVER;
	call->start_us = 0;
	ck_buf_reset(&call->body);
	return call;
}

/* Give a call struct back (to the spare list while it is small). */
void etcd_call_discard(struct etcd_call *call)
{
	struct ck_etcd *c = call->c;

	ck_error_clear(&call->last_err);
	event_del(call->timer);
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

/*
 * The decoded value of the first "<field>":"<base64>" member of a request body (the
 * encoders in etcd-ops.c write the key first, a txn its first compare's key first), or
 * NULL. Malloc'ed; *len its length.
 */
static char *body_bytes_field(const struct ck_buf *body, const char *field, size_t *len)
{
	char pat[32];
	const char *p, *end;
	size_t n = (size_t)snprintf(pat, sizeof(pat), "\"%s\":\"", field);
	ck_autofree char *b64 = NULL;
	struct ck_error *e = NULL;
	char *out;

	p = body->len ? memmem(body->data, body->len, pat, n) : NULL;
	if (!p)
		return NULL;
	p += n;
	end = memchr(p, '"', body->len - (size_t)(p - body->data));
	if (!end)
		return NULL;
	b64 = ck_xstrndup(p, (size_t)(end - p));
	out = ck_base64_decode(b64, len, &e);
	ck_error_free(e);
	return out;
}

/* Tell the observer about a call that completes; only when there is one. */
static void call_observe(struct etcd_call *call, bool failed)
{
	/* etcd-ops.c's CAS_CREATE, CAS_UPDATE and CAS_DELETE (1, 2, 3). */
	static const char *const cas_names[] = {NULL, "create", "update", "delete"};
	struct ck_etcd *c = call->c;
	struct timespec ts;
	ck_autofree char *key = NULL;
	struct ck_etcd_call_info info = {.kind = call->kind->name, .failed = failed};

	clock_gettime(CLOCK_MONOTONIC, &ts);
	info.duration_us = (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000 - call->start_us;
	if (call->cas > 0 && (size_t)call->cas < CK_ARRAY_SIZE(cas_names))
		info.cas = cas_names[call->cas];
	key = body_bytes_field(&call->body, "key", &info.key_len);
	info.key = key;
	info.range = call->body.len && memmem(call->body.data, call->body.len,
	                                      "\"range_end\":", strlen("\"range_end\":")) != NULL;
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
 * decide from the loop: this may run inside evhttp's callbacks or a public call.
 */
static void call_attempt_failed(struct etcd_call *call, struct ck_error *e, enum etcd_retry retry)
{
	if (retry != RETRY_NEVER && call->ep)
		etcd_endpoint_failed(call->ep);
	ck_error_clear(&call->last_err);
	call->last_err = e;
	call->last_retry = retry;
	call->state = CALL_FAILED;
	call->conn = NULL;
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

void etcd_conn_req_error(enum evhttp_request_error error, void *arg)
{
	struct etcd_conn *conn = arg;

	switch (error) {
	case EVREQ_HTTP_TIMEOUT:
		conn->fail = CONN_FAIL_TIMEOUT;
		break;
	case EVREQ_HTTP_EOF:
		conn->fail = CONN_FAIL_EOF;
		break;
	case EVREQ_HTTP_INVALID_HEADER:
		conn->fail = CONN_FAIL_INVALID;
		break;
	case EVREQ_HTTP_DATA_TOO_LONG:
		conn->fail = CONN_FAIL_TOO_LONG;
		break;
	default:
		conn->fail = CONN_FAIL_OTHER;
		break;
	}
}

static size_t evbuf_read(void *buffer, size_t buflen, void *data)
{
	int n = evbuffer_remove(data, buffer, buflen);

	return n < 0 ? (size_t)-1 : (size_t)n;
}

/* Parse the reply body; NULL when it is not JSON (the cause in *why). */
static json_t *load_reply(struct evbuffer *in, bool stream, char *why, size_t whylen)
{
	json_error_t je;
	json_t *v;
	size_t flags = stream ? JSON_DISABLE_EOF_CHECK : 0;
	size_t len;

	if (evbuffer_get_length(in) == 0) {
		snprintf(why, whylen, "empty body");
		return NULL;
	}
	/*
	 * A small reply is one chunk: parse it in place. A big one (a LIST) is read through
	 * a callback rather than pulled up, which would copy it whole.
	 */
	len = evbuffer_get_length(in);
	if (evbuffer_get_contiguous_space(in) == len)
		v = json_loadb((const char *)evbuffer_pullup(in, -1), len, flags, &je);
	else
		v = json_load_callback(evbuf_read, in, flags, &je);
	if (!v)
		snprintf(why, whylen, "invalid JSON at line %d column %d: %s", je.line, je.column,
		         je.text);
	else if (!json_is_object(v)) {
		snprintf(why, whylen, "expected a JSON object");
		json_decref(v);
		v = NULL;
	}
	return v;
}

/* The caller's result from a parsed reply, or an error to complete or retry with. */
static void call_handle_reply(struct etcd_call *call, int status, const char *status_line,
                              json_t *reply, const char *why)
{
	const char *url = call->ep->url, *name = call->kind->name;
	struct ck_error *e = NULL;
	enum etcd_retry retry = RETRY_NEVER;
	json_t *body = reply;
	void *res;

	if (reply) {
		e = etcd_gateway_error_json(url, name, status, reply, &retry);
		if (e) {
			call_attempt_failed(call, e, retry);
			return;
		}
		if (call->kind->stream_reply) {
			body = json_object_get(reply, "result");
			if (!json_is_object(body)) {
				call_complete(call, NULL, etcd_malformed(url, name, NULL));
				return;
			}
		}
	}
	if (status != 200 && !(reply && call->kind->any_status)) {
		char msg[160];

		/* Not a gateway error: a proxy, or something else on the port. */
		snprintf(msg, sizeof(msg), "HTTP %d %s", status, status_line ? status_line : "");
		e = etcd_gateway_error(url, name, status, 0, msg, &retry);
		call_attempt_failed(call, e, retry);
		return;
	}
	if (!reply) {
		struct ck_error *cause = NULL;

		ck_error_set(&cause, 500, NULL, "%s", why);
		call_complete(call, NULL, etcd_malformed(url, name, cause));
		return;
	}
	res = call->kind->parse(call, body, &e);
	if (!res) {
		if (e && e->http_status == 500)
			e = etcd_malformed(url, name, e);
		call_complete(call, NULL, e);
		return;
	}
	call->ep->failed_at = 0;
	call_complete(call, res, NULL);
}

static void conn_idle(struct etcd_conn *conn);

static void conn_req_done(struct evhttp_request *req, void *arg)
{
	struct etcd_conn *conn = arg;
	struct etcd_call *call = conn->call;
	int status = req ? evhttp_request_get_response_code(req) : 0;
	char why[200] = "";
	json_t *reply;

	if (!call) {
		/* The call gave up on this attempt (timeout); the connection is already dead. */
		etcd_conn_kill(conn);
		return;
	}
	conn->call = NULL;
	call->conn = NULL;
	if (status == 0) {
		bool maybe_sent;
		struct ck_error *e = etcd_conn_error(conn, call->kind->name, &maybe_sent);
		enum etcd_retry retry = maybe_sent ? RETRY_IF_READ : RETRY_ALWAYS;

		if (conn->fail == CONN_FAIL_TOO_LONG || conn->fail == CONN_FAIL_INVALID)
			retry = RETRY_NEVER;
		else if (conn->tls_error[0])
			retry = RETRY_ELSEWHERE;
		etcd_conn_kill(conn);
		call_attempt_failed(call, e, retry);
		return;
	}
	conn->connected = true;
	reply = load_reply(evhttp_request_get_input_buffer(req), call->kind->stream_reply, why,
	                   sizeof(why));
	/* The connection can serve the next call before this one's callback runs. */
	if (!conn->dead)
		conn_idle(conn);
	call_handle_reply(call, status, evhttp_request_get_response_code_line(req), reply, why);
	json_decref(reply);
}

/* Send call on conn (idle or fresh); conn and call are then tied until the reply. */
static void conn_send(struct etcd_conn *conn, struct etcd_call *call)
{
	struct ck_etcd *c = conn->c;
	const struct etcd_call_kind *kind = call->kind;
	struct evhttp_request *req;
	int64_t now = etcd_now_ms();

	if (conn->in_idle) {
		TAILQ_REMOVE(&conn->ep->idle, conn, link);
		conn->in_idle = false;
	}
	conn->call = call;
	conn->fail = CONN_FAIL_NONE;
	call->conn = conn;
	call->ep = conn->ep;
	call->state = CALL_INFLIGHT;
	call->attempts++;
	call->round_tries++;
	call->attempt_start = now;
	call->attempt_deadline = now + c->attempt_timeout_ms;
	if (call->attempt_deadline > call->deadline)
		call->attempt_deadline = call->deadline;
	ck_time_event_add_ms(call->timer, call->attempt_deadline - now);

	req = evhttp_request_new(conn_req_done, conn);
	CK_BUG_ON(!req);
	evhttp_request_set_error_cb(req, etcd_conn_req_error);
	etcd_request_headers(conn, req, kind->method == EVHTTP_REQ_POST, !kind->any_leader);
	if (kind->method == EVHTTP_REQ_POST)
		evbuffer_add(evhttp_request_get_output_buffer(req), call->body.data,
		             call->body.len);
	/* On an immediate connect failure evhttp calls conn_req_done from in here. */
	if (evhttp_make_request(conn->evcon, req, kind->method, kind->path) == 0) {
		/* The socket exists now (a new connection is connecting). */
		if (!conn->dead)
			etcd_conn_tune_socket(conn);
	} else if (conn->call == call) {
		struct ck_error *e = NULL;

		conn->call = NULL;
		etcd_conn_kill(conn);
		ck_error_set(&e, 503, CK_REASON_UNAVAILABLE, "etcd %s at %s: cannot start request",
		             kind->name, conn->ep->url);
		call_attempt_failed(call, e, RETRY_ALWAYS);
	}
}

/*
 * Whether an idle keep-alive connection is still open. A member that restarted closed it
 * while it sat idle; evhttp notices only when the loop next reads it, and a write sent on
 * it before then would fail with an unknown outcome. One non-blocking peek avoids that.
 */
static bool conn_usable(struct etcd_conn *conn)
{
	struct bufferevent *bev = evhttp_connection_get_bufferevent(conn->evcon);
	evutil_socket_t fd = bev ? bufferevent_getfd(bev) : -1;
	char b;
	ssize_t r;

	if (fd < 0)
		return true; /* not connected yet: evhttp connects on the next request */
	/* Just used successfully: skip the system call on the hot path. */
	if (etcd_now_ms() - conn->idle_since < ETCD_IDLE_CHECK_MS)
		return true;
	r = recv(fd, &b, 1, MSG_PEEK | MSG_DONTWAIT);
	if (r == 0)
		return false;
	if (r < 0)
		return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR;
	/* Bytes on an idle connection: a TLS record (session ticket) is fine, HTTP is not. */
	return conn->ssl != NULL;
}

/* An idle connection of ep that is still open, or a new one while the pool allows. */
static struct etcd_conn *ep_take_conn(struct etcd_endpoint *ep)
{
	struct etcd_conn *conn;

	while ((conn = TAILQ_FIRST(&ep->idle)) != NULL) {
		if (conn_usable(conn))
			return conn;
		etcd_conn_kill(conn);
	}
	if (ep->n_conns < ep->c->max_conns)
		return etcd_conn_new(ep, false);
	return NULL;
}

void etcd_conn_tune_socket(struct etcd_conn *conn)
{
	struct bufferevent *bev = evhttp_connection_get_bufferevent(conn->evcon);
	evutil_socket_t fd = bev ? bufferevent_getfd(bev) : -1;
	int on = 1;

	if (fd < 0 || fd == conn->tuned_fd)
		return;
	conn->tuned_fd = fd;
	/*
	 * A request leaves in several writes (headers, body; with TLS, one record each):
	 * without TCP_NODELAY the second waits for the member's delayed ACK, 40 ms a call.
	 */
	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof(on));
	if (conn->stream) {
		/* Notice a member that vanished without a reset (power loss, partition). */
		int idle = 30, intvl = 10, cnt = 3;

		setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &on, sizeof(on));
		setsockopt(fd, IPPROTO_TCP, TCP_KEEPIDLE, &idle, sizeof(idle));
		setsockopt(fd, IPPROTO_TCP, TCP_KEEPINTVL, &intvl, sizeof(intvl));
		setsockopt(fd, IPPROTO_TCP, TCP_KEEPCNT, &cnt, sizeof(cnt));
	}
}

/* Serve ep's queued calls with idle or new connections while the pool allows. */
static void ep_dispatch(struct etcd_endpoint *ep)
{
	struct ck_etcd *c = ep->c;
	struct etcd_call *call;

	while ((call = TAILQ_FIRST(&ep->waitq)) != NULL) {
		struct etcd_conn *conn;

		if (!call->pinned && ep != &c->eps[c->cur]) {
			/* The client moved to another endpoint while this call waited. */
			TAILQ_REMOVE(&ep->waitq, call, link);
			call_attempt(call);
			continue;
		}
		conn = ep_take_conn(ep);
		if (!conn)
			return;
		TAILQ_REMOVE(&ep->waitq, call, link);
		conn_send(conn, call);
	}
}

static void conn_idle(struct etcd_conn *conn)
{
	/* Most recently used first: hot connections stay warm, cold ones idle out. */
	TAILQ_INSERT_HEAD(&conn->ep->idle, conn, link);
	conn->in_idle = true;
	conn->idle_since = etcd_now_ms();
	ep_dispatch(conn->ep);
}

/* Start the next attempt: on an idle connection of the endpoint, a new one, or queue. */
static void call_attempt(struct etcd_call *call)
{
	struct ck_etcd *c = call->c;
	struct etcd_endpoint *ep = call->pinned ? call->pinned : &c->eps[c->cur];
	struct etcd_conn *conn = NULL;

	call->ep = ep;
	if (TAILQ_EMPTY(&ep->waitq))
		conn = ep_take_conn(ep);
	if (conn) {
		conn_send(conn, call);
		return;
	}
	call->state = CALL_QUEUED;
	TAILQ_INSERT_TAIL(&ep->waitq, call, link);
	ck_time_event_add_ms(call->timer, call->deadline - etcd_now_ms());
}

static void call_timer(evutil_socket_t fd, short what, void *arg)
{
	struct etcd_call *call = arg;
	struct ck_etcd *c = call->c;
	struct etcd_conn *conn;
	struct ck_error *e = NULL;

	(void)fd;
	(void)what;
	switch (call->state) {
	case CALL_FAILED:
		call_decide(call);
		break;
	case CALL_BACKOFF:
		call_attempt(call);
		break;
	case CALL_QUEUED:
		TAILQ_REMOVE(&call->ep->waitq, call, link);
		if (!call->last_err)
			ck_error_set(&call->last_err, 504, CK_REASON_TIMEOUT,
			             "etcd %s at %s: no connection free within %d ms",
			             call->kind->name, call->ep->url, c->request_timeout_ms);
		call_complete(call, NULL, ck_steal(&call->last_err));
		break;
	case CALL_INFLIGHT:
		conn = call->conn;
		conn->call = NULL;
		call->conn = NULL;
		etcd_conn_kill(conn);
		ck_error_set(&e, 504, CK_REASON_TIMEOUT,
		             "etcd %s at %s: no answer within %" PRId64 " ms", call->kind->name,
		             call->ep->url, call->attempt_deadline - call->attempt_start);
		call_attempt_failed(call, e, RETRY_IF_READ);
		break;
	case CALL_IDLE:
	default:
		CK_BUG("etcd call timer in idle state");
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

static void reap(evutil_socket_t fd, short what, void *arg)
{
	struct ck_etcd *c = arg;
	struct etcd_conn *conn;

	(void)fd;
	(void)what;
	while ((conn = TAILQ_FIRST(&c->dead)) != NULL) {
		TAILQ_REMOVE(&c->dead, conn, link);
		CK_BUG_ON(conn->call);
		/* Frees queued evhttp requests without callbacks; conn_closed sees dead. */
		evhttp_connection_free(conn->evcon);
		free(conn);
	}
	/* Connections went away: calls waiting for one may now open their own. */
	for (size_t i = 0; i < c->n_eps; i++)
		if (!TAILQ_EMPTY(&c->eps[i].waitq))
			ep_dispatch(&c->eps[i]);
}

int ck_etcd_new(struct event_base *base, const struct ck_etcd_config *cfg, struct ck_etcd **out,
                struct ck_error **err)
{
	struct ck_etcd *c;
	size_t n = 0;
	bool tls = false;

	while (cfg->endpoints && cfg->endpoints[n])
		n++;
	if (!n)
		return ck_error_set(err, 400, NULL, "no etcd endpoints given");
	c = ck_xcalloc(1, sizeof(*c));
	TAILQ_INIT(&c->dead);
	TAILQ_INIT(&c->calls);
	TAILQ_INIT(&c->spare);
	TAILQ_INIT(&c->watches);
	c->eps = ck_xcalloc(n, sizeof(*c->eps));
	c->n_eps = n;
	for (size_t i = 0; i < n; i++) {
		struct etcd_endpoint *ep = &c->eps[i];

		ep->c = c;
		ep->index = i;
		TAILQ_INIT(&ep->idle);
		TAILQ_INIT(&ep->waitq);
	}
	if (base) {
		c->base = base;
	} else {
		struct event_config *ec = event_config_new();

		/* Coalesce evhttp's enable/disable churn into one epoll_ctl per loop turn. */
		CK_BUG_ON(!ec);
		event_config_set_flag(ec, EVENT_BASE_FLAG_EPOLL_USE_CHANGELIST);
		c->base = event_base_new_with_config(ec);
		event_config_free(ec);
		CK_BUG_ON(!c->base);
		c->own_base = true;
	}
	c->reaper = event_new(c->base, -1, 0, reap, c);
	CK_BUG_ON(!c->reaper);
	c->request_timeout_ms = cfg->request_timeout_ms > 0 ? cfg->request_timeout_ms : 15000;
	c->attempt_timeout_ms = cfg->attempt_timeout_ms > 0 ? cfg->attempt_timeout_ms : 5000;
	if (c->attempt_timeout_ms > c->request_timeout_ms)
		c->attempt_timeout_ms = c->request_timeout_ms;
	c->max_conns = cfg->max_conns > 0 ? cfg->max_conns : 32;
	c->max_response_bytes =
	        cfg->max_response_bytes ? cfg->max_response_bytes : (size_t)64 * 1024 * 1024;
	if (c->max_response_bytes > (size_t)EV_SSIZE_MAX)
		c->max_response_bytes = (size_t)EV_SSIZE_MAX;
	for (size_t i = 0; i < n; i++) {
		if (parse_endpoint(&c->eps[i], cfg->endpoints[i], err) < 0)
			goto fail;
		tls |= c->eps[i].tls;
	}
	if ((tls || cfg->ca_file || cfg->cert_file || cfg->key_file) &&
	    make_ssl_ctx(c, cfg, err) < 0)
		goto fail;
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

		if (call->state == CALL_INFLIGHT) {
			call->conn->call = NULL;
			etcd_conn_kill(call->conn);
			call->conn = NULL;
		} else if (call->state == CALL_QUEUED) {
			TAILQ_REMOVE(&call->ep->waitq, call, link);
		}
		ck_error_set(&e, 503, CK_REASON_UNAVAILABLE, "etcd %s: etcd client closed",
		             call->kind->name);
		call_complete(call, NULL, e);
	}
	for (size_t i = 0; i < c->n_eps; i++) {
		struct etcd_conn *conn;

		while ((conn = TAILQ_FIRST(&c->eps[i].idle)) != NULL)
			etcd_conn_kill(conn);
	}
	if (c->reaper) {
		reap(-1, 0, c);
		event_free(c->reaper);
	}
	while ((call = TAILQ_FIRST(&c->spare)) != NULL) {
		TAILQ_REMOVE(&c->spare, call, link);
		ck_buf_release(&call->body);
		event_free(call->timer);
		free(call);
	}
	for (size_t i = 0; i < c->n_eps; i++) {
		free(c->eps[i].url);
		free(c->eps[i].host);
		free(c->eps[i].host_header);
	}
	free(c->eps);
	if (c->ssl_ctx)
		SSL_CTX_free(c->ssl_ctx);
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
