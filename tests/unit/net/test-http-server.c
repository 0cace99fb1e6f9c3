/*
 * The HTTPS server (src/net/http-server.h): requests over real TLS connections with the
 * cluster PKI's certificates, the identity a handler sees (admin, anonymous, a certificate
 * from another CA), query and path decoding, keep-alive and pipelining, body limits with
 * the caller's error formatter, malformed requests, chunked streams read incrementally,
 * client disconnects, back-pressure, timeouts that spare streams, ALPN, graceful stop.
 *
 * How the tests run: each test starts a server on its own event_base in a thread of its
 * own ("the loop"). The test thread is the client and speaks TLS through plain OpenSSL
 * over blocking sockets, independent of libevent; one test also uses Debian's
 * /usr/bin/python3 http.client as a client ckube did not write. The handler runs on the
 * loop and answers with JSON describing what it saw, so assertions run in the test thread.
 * What a test must do on the loop (write the next stream event, stop or free the server)
 * goes through run_on_loop, which waits until it is done. Conditions (a close callback
 * ran, the server stopped) are waited for on a condition variable with a deadline; no test
 * sleeps. Sockets have 15 s receive timeouts, so a broken server fails a test rather than
 * hanging it. Code on the loop checks with CK_BUG_ON (cmocka's asserts may only fail on
 * the test thread).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <ctype.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>
#include <event2/event.h>
#include <event2/thread.h>
#include <jansson.h>
#include <openssl/err.h>
#include <openssl/ssl.h>

#include "base/compat.h"

#include "base/buf.h"
#include "base/json.h"
#include "base/mem.h"
#include "net/http-int.h"
#include "net/http-server.h"
#include "pki/pki.h"
#include "support/tmpdir.h"

#define WAIT_SECONDS 20
#define IO_TIMEOUT_S 15

/* ---- shared PKI ------------------------------------------------------------------- */

static struct {
	char *dir, *other_dir;
	struct ck_pki *pki, *other;
	SSL_CTX *server_ctx;
} G;

static int group_setup(void **state)
{
	/* pki adds localhost and 127.0.0.1 by itself; the IPv6 test dials ::1. */
	static const char *const sans[] = {"::1", NULL};
	struct ck_pki_config cfg = {.sans = sans};
	struct ck_error *err = NULL;

	(void)state;
	evthread_use_pthreads();
	G.dir = ck_test_tmpdir("http");
	G.other_dir = ck_test_tmpdir("http-other");
	if (ck_pki_ensure(G.dir, &cfg, &G.pki, &err) < 0 ||
	    ck_pki_ensure(G.other_dir, NULL, &G.other, &err) < 0) {
		fprintf(stderr, "ck_pki_ensure: %s\n", err->msg);
		return -1;
	}
	G.server_ctx = ck_pki_server_ctx_new(G.pki->ca.cert_pem, G.pki->serving.cert_pem,
	                                     G.pki->serving.key_pem, &err);
	if (!G.server_ctx) {
		fprintf(stderr, "ck_pki_server_ctx_new: %s\n", err->msg);
		return -1;
	}
	return 0;
}

static int group_teardown(void **state)
{
	(void)state;
	SSL_CTX_free(G.server_ctx);
	ck_pki_free(G.pki);
	ck_pki_free(G.other);
	ck_test_rmtree(G.dir);
	ck_test_rmtree(G.other_dir);
	free(G.dir);
	free(G.other_dir);
	libevent_global_shutdown();
	return 0;
}

/* ---- the server on its loop thread ------------------------------------------------ */

#define MAX_STATS 256

struct fx {
	struct event_base *base;
	struct ck_http_server *srv;
	pthread_t thread;
	bool running;
	uint16_t port;
	pthread_mutex_t mu;
	pthread_cond_t cv;

	/* Written on the loop, read under mu. */
	int closes;
	enum ck_http_close_reason close_why;
	int stopped;
	int nstats;
	struct {
		char method[16];
		char path[64];
		int status;
		bool streamed, aborted;
	} stats[MAX_STATS];
	bool flood_aborted;
	size_t flood_pending_max;
	int drains;
	int held_seen;

	/* Loop-only. */
	struct ck_http_request *stream; /* the open /stream request */
	int stream_n;
	bool bye_on_stop;
	struct ck_http_request *held; /* a /hold request not answered yet */
	struct ck_http_request *flood;
	struct event *flood_ev;
	char *flood_chunk;
};

/* Static: cmocka's teardown runs after a failed test's stack frame is gone. */
static struct fx the_fx;
static struct fx *current;

static void fx_signal(struct fx *f)
{
	pthread_cond_broadcast(&f->cv);
}

/* Wait (under f->mu) until cond holds; fail the test after WAIT_SECONDS. */
#define WAIT_FOR(f, cond)                                                                          \
	do {                                                                                       \
		struct timespec dl_;                                                               \
		bool ok_ = true;                                                                   \
		clock_gettime(CLOCK_REALTIME, &dl_);                                               \
		dl_.tv_sec += WAIT_SECONDS;                                                        \
		pthread_mutex_lock(&(f)->mu);                                                      \
		while (!(cond) && ok_)                                                             \
			ok_ = pthread_cond_timedwait(&(f)->cv, &(f)->mu, &dl_) == 0 || (cond);     \
		pthread_mutex_unlock(&(f)->mu);                                                    \
		if (!ok_)                                                                          \
			fail_msg("timed out waiting for %s", #cond);                               \
	} while (0)

struct call {
	struct fx *f;
	void (*fn)(struct fx *f, void *arg);
	void *arg;
	bool done;
};

static void call_cb(evutil_socket_t fd, short what, void *p)
{
	struct call *c = p;

	(void)fd, (void)what;
	c->fn(c->f, c->arg);
	pthread_mutex_lock(&c->f->mu);
	c->done = true;
	fx_signal(c->f);
	pthread_mutex_unlock(&c->f->mu);
}

/* Run fn(f, arg) on the server's loop and wait for it to return. */
static void run_on_loop(struct fx *f, void (*fn)(struct fx *f, void *arg), void *arg)
{
	struct call c = {.f = f, .fn = fn, .arg = arg};
	struct timeval now = {0, 0};

	assert_int_equal(event_base_once(f->base, -1, EV_TIMEOUT, call_cb, &c, &now), 0);
	WAIT_FOR(f, c.done);
}

static void *loop_main(void *arg)
{
	struct fx *f = arg;

	event_base_loop(f->base, EVLOOP_NO_EXIT_ON_EMPTY);
	return NULL;
}

/* A Kubernetes Status, as the API server's formatter will make it. */
static const char *status_formatter(int status, const char *reason, const char *message,
                                    struct ck_buf *body, void *arg)
{
	json_t *j = json_pack("{s:s,s:s,s:{},s:s,s:s,s:s,s:i}", "kind", "Status", "apiVersion",
	                      "v1", "metadata", "status", "Failure", "message", message, "reason",
	                      reason, "code", status);

	(void)arg;
	CK_BUG_ON(!j || ck_json_dump_buf(j, body, false, NULL) < 0);
	json_decref(j);
	return "application/json";
}

static void on_stats(const struct ck_http_stats *st, void *arg)
{
	struct fx *f = arg;

	pthread_mutex_lock(&f->mu);
	if (f->nstats < MAX_STATS) {
		snprintf(f->stats[f->nstats].method, sizeof(f->stats[0].method), "%s", st->method);
		snprintf(f->stats[f->nstats].path, sizeof(f->stats[0].path), "%s", st->path);
		f->stats[f->nstats].status = st->status;
		f->stats[f->nstats].streamed = st->streamed;
		f->stats[f->nstats].aborted = st->aborted;
		f->nstats++;
	}
	fx_signal(f);
	pthread_mutex_unlock(&f->mu);
}

static void handler(struct ck_http_request *req, void *arg);

static void fx_start_cfg(struct fx *f, struct ck_http_server_config *cfg)
{
	struct ck_error *err = NULL;

	memset(f, 0, sizeof(*f));
	pthread_mutex_init(&f->mu, NULL);
	pthread_cond_init(&f->cv, NULL);
	f->base = event_base_new();
	assert_non_null(f->base);
	if (!cfg->address)
		cfg->address = "127.0.0.1";
	cfg->ssl_ctx = G.server_ctx;
	cfg->handler = handler;
	cfg->format_error = status_formatter;
	cfg->on_request = on_stats;
	cfg->arg = f;
	if (ck_http_server_new(f->base, cfg, &f->srv, &err) < 0)
		fail_msg("ck_http_server_new: %s", err->msg);
	f->port = ck_http_server_port(f->srv);
	assert_true(f->port > 0);
	assert_int_equal(pthread_create(&f->thread, NULL, loop_main, f), 0);
	f->running = true;
	current = f;
}

static void fx_start(struct fx *f)
{
	struct ck_http_server_config cfg = {0};

	fx_start_cfg(f, &cfg);
}

static void free_on_loop(struct fx *f, void *arg)
{
	(void)arg;
	ck_http_server_free(f->srv);
	f->srv = NULL;
	if (f->flood_ev) {
		event_free(f->flood_ev);
		f->flood_ev = NULL;
	}
	event_base_loopbreak(f->base);
}

static void fx_finish(struct fx *f)
{
	if (!f || !f->running)
		return;
	run_on_loop(f, free_on_loop, NULL);
	pthread_join(f->thread, NULL);
	f->running = false;
	/* libevent releases freed bufferevents from the loop: let it (see ck_http_server_free). */
	for (int i = 0; i < 4; i++)
		event_base_loop(f->base, EVLOOP_NONBLOCK);
	event_base_free(f->base);
	free(f->flood_chunk);
	pthread_mutex_destroy(&f->mu);
	pthread_cond_destroy(&f->cv);
	current = NULL;
}

static int teardown(void **state)
{
	(void)state;
	fx_finish(current);
	return 0;
}

/* ---- the handler (runs on the loop) ----------------------------------------------- */

static const char *auth_name(enum ck_http_auth a)
{
	return a == CK_HTTP_AUTH_USER        ? "user"
	       : a == CK_HTTP_AUTH_ANONYMOUS ? "anonymous"
	                                     : "rejected";
}

static json_t *str_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

static void echo(struct ck_http_request *req)
{
	const struct ck_pki_identity *id;
	const char *why, *name, *value, *const *all;
	struct ck_error *err = NULL;
	struct ck_buf out = CK_BUF_INIT;
	json_t *j = json_object(), *params = json_array(), *a = json_array(), *groups;
	enum ck_http_auth auth = ck_http_request_auth(req, &id, &why);
	size_t i, n, blen;
	const char *body = ck_http_request_body(req, &blen);
	int nodelay = 0;
	socklen_t optlen = sizeof(nodelay);

	for (i = 0; i < ck_http_request_param_count(req); i++) {
		value = ck_http_request_param_at(req, i, &name);
		json_array_append_new(params, json_pack("[s,s]", name, value));
	}
	all = ck_http_request_params(req, "a", &n);
	for (i = 0; i < n; i++)
		json_array_append_new(a, json_string(all[i]));
	json_object_set_new(j, "method", json_string(ck_http_request_method(req)));
	json_object_set_new(j, "path", json_string(ck_http_request_path(req)));
	json_object_set_new(j, "target", json_string(ck_http_request_target(req)));
	json_object_set_new(j, "query", json_string(ck_http_request_query(req)));
	json_object_set_new(j, "params", params);
	json_object_set_new(j, "a", a);
	json_object_set_new(j, "watch", str_or_null(ck_http_request_param(req, "watch")));
	json_object_set_new(j, "labelSelector",
	                    str_or_null(ck_http_request_param(req, "labelSelector")));
	json_object_set_new(j, "host", str_or_null(ck_http_request_header(req, "host")));
	json_object_set_new(j, "ctype", str_or_null(ck_http_request_header(req, "Content-Type")));
	json_object_set_new(j, "nheaders",
	                    json_integer((json_int_t)ck_http_request_header_count(req)));
	json_object_set_new(j, "body", json_stringn(body, blen));
	json_object_set_new(j, "body_len", json_integer((json_int_t)blen));
	json_object_set_new(j, "auth", json_string(auth_name(auth)));
	json_object_set_new(j, "user", str_or_null(id ? id->user : NULL));
	groups = json_array();
	for (i = 0; id && i < id->ngroups; i++)
		json_array_append_new(groups, json_string(id->groups[i]));
	json_object_set_new(j, "groups", groups);
	json_object_set_new(j, "why", str_or_null(why));
	json_object_set_new(j, "remote", json_string(ck_http_request_remote(req)));
	/* The server's side of the socket: TCP_NODELAY must be on (private header). */
	getsockopt(req->conn->fd, IPPROTO_TCP, TCP_NODELAY, &nodelay, &optlen);
	json_object_set_new(j, "nodelay", json_integer(nodelay));
	json_object_set_new(j, "pool", json_string(ck_http_request_printf(req, "%s-%d", "p", 7)));
	/* Header injection is refused; an ordinary field goes through. */
	json_object_set_new(j, "inject_refused",
	                    json_boolean(ck_http_add_header(req, "X-Bad", "a\r\nb: c", &err) < 0));
	ck_error_clear(&err);
	json_object_set_new(j, "framing_refused",
	                    json_boolean(ck_http_add_header(req, "Content-Length", "1", &err) < 0));
	ck_error_clear(&err);
	CK_BUG_ON(ck_http_add_header(req, "X-Echo", "yes", &err) < 0);
	CK_BUG_ON(ck_json_dump_buf(j, &out, true, NULL) < 0);
	json_decref(j);
	ck_http_reply_buf(req, 200, "application/json", &out);
	ck_buf_release(&out);
}

static void stream_close_cb(struct ck_http_request *req, enum ck_http_close_reason why, void *arg)
{
	struct fx *f = arg;

	if (why == CK_HTTP_CLOSE_STOP && f->bye_on_stop) {
		CK_BUG_ON(ck_http_stream_write(req, "bye\n", 4) < 0);
		CK_BUG_ON(ck_http_stream_flush(req) < 0);
	}
	if (why != CK_HTTP_CLOSE_STOP)
		CK_BUG_ON(ck_http_stream_write(req, "x", 1) != -1);
	ck_http_stream_end(req);
	f->stream = NULL;
	pthread_mutex_lock(&f->mu);
	f->closes++;
	f->close_why = why;
	fx_signal(f);
	pthread_mutex_unlock(&f->mu);
}

static void stream_open(struct fx *f, struct ck_http_request *req)
{
	if (ck_http_stream_start(req, 200, "application/json") < 0) {
		ck_http_stream_end(req);
		return;
	}
	ck_http_request_on_close(req, stream_close_cb, f);
	/* One event written in two pieces leaves as one chunk. */
	ck_http_stream_write(req, "{\"n\":", 5);
	ck_http_stream_write(req, "1}\n", 3);
	ck_http_stream_flush(req);
	f->stream = req;
	f->stream_n = 1;
}

static void stream_next(struct fx *f, void *arg)
{
	char ev[32];
	int n;

	(void)arg;
	CK_BUG_ON(!f->stream);
	n = snprintf(ev, sizeof(ev), "{\"n\":%d}\n", ++f->stream_n);
	CK_BUG_ON(ck_http_stream_write(f->stream, ev, (size_t)n) < 0);
	CK_BUG_ON(ck_http_stream_flush(f->stream) < 0);
}

static void noop(struct fx *f, void *arg)
{
	(void)f, (void)arg;
}

static void stream_finish(struct fx *f, void *arg)
{
	(void)arg;
	CK_BUG_ON(!f->stream);
	ck_http_stream_end(f->stream);
	f->stream = NULL;
}

#define FLOOD_CHUNK (256u << 10)
#define FLOOD_LIMIT (4u << 20)

/* A producer faster than its client: cut the client off past FLOOD_LIMIT queued bytes. */
static void flood_tick(evutil_socket_t fd, short what, void *arg)
{
	struct fx *f = arg;
	size_t pending = ck_http_stream_pending(f->flood);
	struct timeval tv = {0, 1000};

	(void)fd, (void)what;
	pthread_mutex_lock(&f->mu);
	if (pending > f->flood_pending_max)
		f->flood_pending_max = pending;
	pthread_mutex_unlock(&f->mu);
	if (pending > FLOOD_LIMIT) {
		ck_http_request_abort(f->flood);
		f->flood = NULL;
		pthread_mutex_lock(&f->mu);
		f->flood_aborted = true;
		fx_signal(f);
		pthread_mutex_unlock(&f->mu);
		return;
	}
	CK_BUG_ON(ck_http_stream_write(f->flood, f->flood_chunk, FLOOD_CHUNK) < 0);
	CK_BUG_ON(ck_http_stream_flush(f->flood) < 0);
	evtimer_add(f->flood_ev, &tv);
}

/* A flood whose client went away: finish it (the cut-off test aborts it instead). */
static void flood_close_cb(struct ck_http_request *req, enum ck_http_close_reason why, void *arg)
{
	struct fx *f = arg;

	(void)why;
	ck_http_stream_end(req);
	f->flood = NULL;
	evtimer_del(f->flood_ev);
}

#define BIG_STREAM  (8u << 20)
#define STALL_BYTES (16u << 20)

/* Everything queued has reached the kernel: end the stream. */
static void big_drained(struct ck_http_request *req, void *arg)
{
	struct fx *f = arg;

	CK_BUG_ON(ck_http_stream_pending(req) != 0);
	ck_http_stream_end(req);
	pthread_mutex_lock(&f->mu);
	f->drains++;
	fx_signal(f);
	pthread_mutex_unlock(&f->mu);
}

static void hold_close_cb(struct ck_http_request *req, enum ck_http_close_reason why, void *arg)
{
	struct fx *f = arg;

	CK_BUG_ON(ck_http_request_connected(req));
	ck_http_reply(req, 200, "text/plain", "late\n", 5); /* only finishes it */
	f->held = NULL;
	pthread_mutex_lock(&f->mu);
	f->closes++;
	f->close_why = why;
	fx_signal(f);
	pthread_mutex_unlock(&f->mu);
}

static void handler(struct ck_http_request *req, void *arg)
{
	struct fx *f = arg;
	const char *path = ck_http_request_path(req);
	enum ck_http_auth auth;
	const char *why;

	if (!strcmp(path, "/echo") || !strcmp(path, "/")) {
		echo(req);
	} else if (!strcmp(path, "/auth")) {
		auth = ck_http_request_auth(req, NULL, &why);
		if (auth == CK_HTTP_AUTH_REJECTED)
			ck_http_reply_error(req, 401, CK_REASON_UNAUTHORIZED, why);
		else
			echo(req);
	} else if (!strcmp(path, "/stream")) {
		stream_open(f, req);
	} else if (!strcmp(path, "/hold")) {
		f->held = req;
		ck_http_request_on_close(req, hold_close_cb, f);
		pthread_mutex_lock(&f->mu);
		f->held_seen++;
		fx_signal(f);
		pthread_mutex_unlock(&f->mu);
	} else if (!strcmp(path, "/flood")) {
		struct timeval tv = {0, 0};

		CK_BUG_ON(ck_http_stream_start(req, 200, "application/octet-stream") < 0);
		ck_http_request_on_close(req, flood_close_cb, f);
		f->flood = req;
		if (!f->flood_chunk) {
			f->flood_chunk = ck_xmalloc(FLOOD_CHUNK);
			memset(f->flood_chunk, 'x', FLOOD_CHUNK);
		}
		f->flood_ev = evtimer_new(f->base, flood_tick, f);
		evtimer_add(f->flood_ev, &tv);
	} else if (!strcmp(path, "/bigstream")) {
		char *big = ck_xmalloc(BIG_STREAM);

		memset(big, 'z', BIG_STREAM);
		CK_BUG_ON(ck_http_stream_start(req, 200, "application/octet-stream") < 0);
		ck_http_stream_write(req, big, BIG_STREAM);
		ck_http_stream_flush(req);
		free(big);
		pthread_mutex_lock(&f->mu);
		f->flood_pending_max = ck_http_stream_pending(req);
		pthread_mutex_unlock(&f->mu);
		ck_http_stream_on_drain(req, 0, big_drained, f);
	} else if (!strcmp(path, "/stall")) {
		char *big = ck_xmalloc(STALL_BYTES);

		/* More than the kernel's buffers hold: a client that does not read stalls it. */
		memset(big, 's', STALL_BYTES);
		CK_BUG_ON(ck_http_stream_start(req, 200, "application/octet-stream") < 0);
		ck_http_request_on_close(req, stream_close_cb, f);
		ck_http_stream_write(req, big, STALL_BYTES);
		ck_http_stream_flush(req);
		free(big);
	} else if (!strcmp(path, "/nocontent")) {
		ck_http_reply(req, 204, "application/json", "ignored", 7);
	} else {
		ck_http_reply_error(req, 404, NULL,
		                    "the server could not find the requested resource");
	}
}

/* ---- a plain OpenSSL client (test thread) ------------------------------------------ */

enum who { ADMIN, NO_CERT, OTHER_CA };

struct tc {
	int fd;
	SSL_CTX *ctx;
	SSL *ssl;
	char buf[16384];
	size_t off, len;
	bool eof;
};

static int tcp_connect(const char *host, uint16_t port)
{
	struct sockaddr_storage ss = {0};
	struct sockaddr_in *s4 = (struct sockaddr_in *)&ss;
	struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)&ss;
	socklen_t len;
	struct timeval tv = {IO_TIMEOUT_S, 0};
	int fd;

	if (inet_pton(AF_INET, host, &s4->sin_addr) == 1) {
		s4->sin_family = AF_INET;
		s4->sin_port = htons(port);
		len = sizeof(*s4);
	} else {
		assert_int_equal(inet_pton(AF_INET6, host, &s6->sin6_addr), 1);
		s6->sin6_family = AF_INET6;
		s6->sin6_port = htons(port);
		len = sizeof(*s6);
	}
	fd = socket(ss.ss_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
	assert_true(fd >= 0);
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
	if (connect(fd, (struct sockaddr *)&ss, len) < 0) {
		int e = errno;

		close(fd);
		errno = e;
		return -1;
	}
	return fd;
}

static struct tc *tc_connect_alpn(struct fx *f, const char *host, enum who who,
                                  const unsigned char *alpn, unsigned alpn_len)
{
	struct tc *c = ck_xcalloc(1, sizeof(*c));
	struct ck_error *err = NULL;
	const char *cert = NULL, *key = NULL;

	if (who == ADMIN) {
		cert = G.pki->admin.cert_pem;
		key = G.pki->admin.key_pem;
	} else if (who == OTHER_CA) {
		cert = G.other->admin.cert_pem;
		key = G.other->admin.key_pem;
	}
	c->ctx = ck_pki_client_ctx_new(G.pki->ca.cert_pem, cert, key, &err);
	if (!c->ctx)
		fail_msg("ck_pki_client_ctx_new: %s", err->msg);
	c->fd = tcp_connect(host, f->port);
	assert_true(c->fd >= 0);
	c->ssl = SSL_new(c->ctx);
	assert_non_null(c->ssl);
	SSL_set_fd(c->ssl, c->fd);
	assert_int_equal(ck_pki_ssl_set_host(c->ssl, host, &err), 0);
	if (alpn)
		assert_int_equal(SSL_set_alpn_protos(c->ssl, alpn, alpn_len), 0);
	if (SSL_connect(c->ssl) != 1) {
		char e[256];

		ERR_error_string_n(ERR_get_error(), e, sizeof(e));
		fail_msg("TLS handshake failed: %s", e);
	}
	return c;
}

static struct tc *tc_connect(struct fx *f, enum who who)
{
	return tc_connect_alpn(f, "127.0.0.1", who, NULL, 0);
}

/* Close abruptly, as a killed kubectl does: no close_notify. */
static void tc_close(struct tc *c)
{
	if (!c)
		return;
	SSL_free(c->ssl);
	close(c->fd);
	SSL_CTX_free(c->ctx);
	free(c);
}

static void tc_send(struct tc *c, const void *data, size_t len)
{
	const char *p = data;

	while (len) {
		int n = SSL_write(c->ssl, p, len > INT32_MAX ? INT32_MAX : (int)len);

		assert_true(n > 0);
		p += n;
		len -= (size_t)n;
	}
}

static void tc_sends(struct tc *c, const char *s)
{
	tc_send(c, s, strlen(s));
}

/* Refill the buffer; false at EOF or on an error (a reset, a truncated TLS stream). */
static bool tc_fill(struct tc *c)
{
	int n;

	if (c->off == c->len)
		c->off = c->len = 0;
	if (c->eof || c->len == sizeof(c->buf))
		return false;
	n = SSL_read(c->ssl, c->buf + c->len, (int)(sizeof(c->buf) - c->len));
	if (n <= 0) {
		int e = SSL_get_error(c->ssl, n);

		/* The socket's receive timeout: the server hung, which is never EOF. */
		if (e == SSL_ERROR_WANT_READ ||
		    (e == SSL_ERROR_SYSCALL && (errno == EAGAIN || errno == EWOULDBLOCK)))
			fail_msg("no data from the server for %d s", IO_TIMEOUT_S);
		c->eof = true;
		ERR_clear_error();
		return false;
	}
	c->len += (size_t)n;
	return true;
}

/* One line without its CRLF into out (NUL-terminated); -1 at EOF. */
static ssize_t tc_line(struct tc *c, char *out, size_t size)
{
	size_t n = 0;

	for (;;) {
		while (c->off < c->len) {
			char ch = c->buf[c->off++];

			if (ch == '\n') {
				if (n && out[n - 1] == '\r')
					n--;
				out[n] = '\0';
				return (ssize_t)n;
			}
			if (n + 1 < size)
				out[n++] = ch;
		}
		if (!tc_fill(c))
			return -1;
	}
}

static bool tc_read(struct tc *c, struct ck_buf *out, size_t n)
{
	while (n) {
		size_t take;

		if (c->off == c->len && !tc_fill(c))
			return false;
		take = c->len - c->off < n ? c->len - c->off : n;
		if (out)
			ck_buf_add(out, c->buf + c->off, take);
		c->off += take;
		n -= take;
	}
	return true;
}

/* True when the server closed the connection (nothing more to read). */
static bool tc_at_eof(struct tc *c)
{
	return c->off == c->len && !tc_fill(c);
}

struct resp {
	int status;
	struct ck_buf head; /* "name: value\n" lines, names lowercased */
	struct ck_buf body;
	bool chunked, complete;
	json_t *json;
};

static void resp_release(struct resp *r)
{
	ck_buf_release(&r->head);
	ck_buf_release(&r->body);
	json_decref(r->json);
	memset(r, 0, sizeof(*r));
}

static const char *resp_header(struct resp *r, const char *name, char *val, size_t size)
{
	char key[128];
	const char *p;
	size_t i, kl;

	snprintf(key, sizeof(key), "%s: ", name);
	for (i = 0; key[i]; i++)
		key[i] = (char)tolower((unsigned char)key[i]);
	kl = strlen(key);
	for (p = r->head.data; *p; p = strchr(p, '\n') + 1) {
		if (!strncmp(p, key, kl)) {
			size_t vl = strcspn(p + kl, "\n");

			snprintf(val, size, "%.*s", (int)vl, p + kl);
			return val;
		}
	}
	return NULL;
}

static bool tc_read_head(struct tc *c, struct resp *r)
{
	char line[65536];
	ssize_t n;

	memset(r, 0, sizeof(*r));
	ck_buf_init(&r->head, 0);
	ck_buf_init(&r->body, 0);
	n = tc_line(c, line, sizeof(line));
	if (n < 0)
		return false;
	assert_true(sscanf(line, "HTTP/1.1 %d", &r->status) == 1);
	while ((n = tc_line(c, line, sizeof(line))) > 0) {
		ssize_t i;

		for (i = 0; i < n && line[i] != ':'; i++)
			line[i] = (char)tolower((unsigned char)line[i]);
		ck_buf_addf(&r->head, "%s\n", line);
	}
	assert_int_equal(n, 0);
	return true;
}

/* One chunk of a chunked body appended to out: its size, 0 for the last, -1 at EOF. */
static long tc_read_chunk(struct tc *c, struct ck_buf *out)
{
	char line[256];
	long size;

	if (tc_line(c, line, sizeof(line)) < 0)
		return -1;
	size = strtol(line, NULL, 16);
	if (size == 0) {
		if (tc_line(c, line, sizeof(line)) < 0)
			return -1;
		return 0;
	}
	if (!tc_read(c, out, (size_t)size) || tc_line(c, line, sizeof(line)) != 0)
		return -1;
	return size;
}

/* A whole response; r->complete says whether the body framing was honoured. */
static void tc_response(struct tc *c, struct resp *r, bool head_request)
{
	char v[64];

	if (!tc_read_head(c, r))
		fail_msg("no response");
	if (resp_header(r, "transfer-encoding", v, sizeof(v))) {
		r->chunked = true;
		for (;;) {
			long n = tc_read_chunk(c, &r->body);

			if (n <= 0) {
				r->complete = n == 0;
				break;
			}
		}
	} else if (resp_header(r, "content-length", v, sizeof(v))) {
		size_t len = head_request ? 0 : strtoul(v, NULL, 10);

		r->complete = tc_read(c, &r->body, len);
	} else if (r->status == 204 || r->status == 304 || head_request) {
		r->complete = true;
	} else {
		while (tc_fill(c)) {
			ck_buf_add(&r->body, c->buf + c->off, c->len - c->off);
			c->off = c->len;
		}
		r->complete = true;
	}
	if (r->body.len && (r->body.data[0] == '{' || r->body.data[0] == '['))
		r->json = json_loadb(r->body.data, r->body.len, 0, NULL);
}

static void tc_get(struct tc *c, const char *target, struct resp *r)
{
	ck_buf_reset(&r->head);
	tc_sends(c, "GET ");
	tc_sends(c, target);
	tc_sends(c, " HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: test\r\n\r\n");
	tc_response(c, r, false);
}

static const char *jstr(json_t *j, const char *key)
{
	const char *s = json_string_value(json_object_get(j, key));

	return s ? s : "(null)";
}

/* ---- parsing, no network ---------------------------------------------------------- */

static void test_parse_request_line(void **state)
{
	struct http_request_line rl;
	const char *why;
	char l1[] = "GET /api/v1/pods?watch=1 HTTP/1.1";
	char l2[] = "PROPFIND / HTTP/1.0";
	struct {
		const char *line;
		int status;
	} bad[] = {
	        {"GET / HTTP/1.1 ", 400},  {"GET  / HTTP/1.1", 400},  {"GET /", 400},
	        {"GET / HTTP/2.0", 505},   {"GET / HTTP/1", 400},     {"GE(T / HTTP/1.1", 400},
	        {"GET / x HTTP/1.1", 400}, {"GET /\t HTTP/1.1", 400}, {"", 400},
	        {"GET / http/1.1", 400},   {"GET / HTTP/1.12", 400},
	};
	size_t i;

	(void)state;
	assert_int_equal(http_parse_request_line(l1, strlen(l1), &rl, &why), 0);
	assert_string_equal(rl.method, "GET");
	assert_string_equal(rl.target, "/api/v1/pods?watch=1");
	assert_int_equal(rl.minor, 1);
	assert_int_equal(http_parse_request_line(l2, strlen(l2), &rl, &why), 0);
	assert_string_equal(rl.method, "PROPFIND");
	assert_int_equal(rl.minor, 0);
	for (i = 0; i < CK_ARRAY_SIZE(bad); i++) {
		char *copy = ck_xstrdup(bad[i].line);

		if (http_parse_request_line(copy, strlen(copy), &rl, &why) != bad[i].status)
			fail_msg("request line '%s' not rejected with %d", bad[i].line,
			         bad[i].status);
		free(copy);
	}
}

static void test_parse_header_line(void **state)
{
	char *name, *value;
	const char *why;
	char ok[] = "Content-Type: \t application/json \t";
	char empty[] = "X-Empty:";
	char high[] = "X-Utf8: caf\xc3\xa9";
	const char *bad[] = {"Host : x", " folded",  "NoColon", ": novalue",
	                     "X: a\rb",  "X: a\x7f", "X\x01: y"};
	size_t i;

	(void)state;
	assert_int_equal(http_parse_header_line(ok, strlen(ok), &name, &value, &why), 0);
	assert_string_equal(name, "Content-Type");
	assert_string_equal(value, "application/json");
	assert_int_equal(http_parse_header_line(empty, strlen(empty), &name, &value, &why), 0);
	assert_string_equal(value, "");
	assert_int_equal(http_parse_header_line(high, strlen(high), &name, &value, &why), 0);
	for (i = 0; i < CK_ARRAY_SIZE(bad); i++) {
		char *copy = ck_xstrdup(bad[i]);

		if (http_parse_header_line(copy, strlen(copy), &name, &value, &why) != 400)
			fail_msg("header line '%s' accepted", bad[i]);
		free(copy);
	}
	{
		char nul[] = "X: a\0b";

		assert_int_equal(http_parse_header_line(nul, 6, &name, &value, &why), 400);
	}
}

static void test_parse_numbers(void **state)
{
	uint64_t v;

	(void)state;
	assert_int_equal(http_parse_chunk_size("1a", 2, &v), 0);
	assert_int_equal(v, 26);
	assert_int_equal(http_parse_chunk_size("FF ; name=val", 13, &v), 0);
	assert_int_equal(v, 255);
	assert_int_equal(http_parse_chunk_size("0", 1, &v), 0);
	assert_int_equal(v, 0);
	assert_int_equal(http_parse_chunk_size("", 0, &v), -1);
	assert_int_equal(http_parse_chunk_size("zz", 2, &v), -1);
	assert_int_equal(http_parse_chunk_size("5x", 2, &v), -1);
	assert_int_equal(http_parse_chunk_size("-5", 2, &v), -1);
	assert_int_equal(http_parse_chunk_size("1000000000000000", 16, &v), -1);
	assert_int_equal(http_parse_content_length("3145728", &v), 0);
	assert_int_equal(v, 3145728);
	assert_int_equal(http_parse_content_length("", &v), -1);
	assert_int_equal(http_parse_content_length("+5", &v), -1);
	assert_int_equal(http_parse_content_length("5 ", &v), -1);
	assert_int_equal(http_parse_content_length("1,1", &v), -1);
	assert_int_equal(http_parse_content_length("99999999999999999999", &v), -1);
	assert_true(http_has_token("keep-alive, Close", "close"));
	assert_true(http_has_token("close", "close"));
	assert_false(http_has_token("closed, x", "close"));
	assert_false(http_has_token("", "close"));
}

static void test_parse_query(void **state)
{
	struct http_pool pool = {0};
	struct http_kv *kv;
	size_t n;

	(void)state;
	/* K8S: what kubectl sends for `get pods -l app=web,tier!=cache -w`. */
	n = http_parse_query(&pool,
	                     "watch=True&labelSelector=app%3Dweb%2Ctier%21%3Dcache&a=1&a=2"
	                     "&plus=a+b&pct=a%20b&empty=&novalue&bad=%zz&semi=a;b&nul=%00"
	                     "&&k%20x=%2B&trunc=%4",
	                     &kv);
	assert_int_equal(n, 9);
	assert_string_equal(kv[0].name, "watch");
	assert_string_equal(kv[0].value, "True");
	assert_string_equal(kv[1].name, "labelSelector");
	assert_string_equal(kv[1].value, "app=web,tier!=cache");
	assert_string_equal(kv[2].value, "1");
	assert_string_equal(kv[3].name, "a");
	assert_string_equal(kv[3].value, "2");
	assert_string_equal(kv[4].value, "a b");
	assert_string_equal(kv[5].value, "a b");
	assert_string_equal(kv[6].name, "empty");
	assert_string_equal(kv[6].value, "");
	assert_string_equal(kv[7].name, "novalue");
	assert_string_equal(kv[7].value, "");
	assert_string_equal(kv[8].name, "k x");
	assert_string_equal(kv[8].value, "+");
	assert_int_equal(http_parse_query(&pool, "", &kv), 0);
	http_pool_release(&pool);
}

static void test_split_target(void **state)
{
	struct http_pool pool = {0};
	const char *path, *query, *why;

	(void)state;
	assert_int_equal(http_split_target(&pool, "GET", "/api/v1/namespaces/a%2Fb/x+y?q=1", &path,
	                                   &query, &why),
	                 0);
	assert_string_equal(path, "/api/v1/namespaces/a/b/x+y");
	assert_string_equal(query, "q=1");
	assert_int_equal(
	        http_split_target(&pool, "GET", "https://10.0.0.1:6443/api?x", &path, &query, &why),
	        0);
	assert_string_equal(path, "/api");
	assert_string_equal(query, "x");
	assert_int_equal(http_split_target(&pool, "GET", "http://h?x=1", &path, &query, &why), 0);
	assert_string_equal(path, "/");
	assert_string_equal(query, "x=1");
	assert_int_equal(http_split_target(&pool, "OPTIONS", "*", &path, &query, &why), 0);
	assert_string_equal(path, "*");
	assert_int_equal(http_split_target(&pool, "GET", "*", &path, &query, &why), 400);
	assert_int_equal(http_split_target(&pool, "GET", "foo", &path, &query, &why), 400);
	assert_int_equal(http_split_target(&pool, "GET", "/%zz", &path, &query, &why), 400);
	assert_int_equal(http_split_target(&pool, "GET", "/a%00b", &path, &query, &why), 400);
	assert_int_equal(http_split_target(&pool, "GET", "/a%2", &path, &query, &why), 400);
	http_pool_release(&pool);
}

static void test_pool(void **state)
{
	struct http_pool pool = {0};
	char *big;
	size_t i;

	(void)state;
	for (i = 0; i < 1000; i++) {
		char *p = http_pool_alloc(&pool, i % 37 + 1);

		assert_int_equal((uintptr_t)p % 16, 0);
		assert_int_equal(p[0], 0);
		memset(p, 'x', i % 37 + 1);
	}
	big = http_pool_alloc(&pool, 100000);
	memset(big, 'y', 100000);
	assert_string_equal(http_pool_strndup(&pool, "hello", 3), "hel");
	http_pool_release(&pool);
}

/* ---- requests over TLS ------------------------------------------------------------ */

static void test_get_and_post_as_admin(void **state)
{
	struct fx *f = &the_fx;
	struct tc *c;
	struct resp r = {0};
	char v[128];
	json_t *groups;
	static const char body[] = "{\"kind\":\"Pod\",\"metadata\":{\"name\":\"web-0\"}}";

	(void)state;
	fx_start(f);
	c = tc_connect(f, ADMIN);
	tc_get(c, "/echo?x=1", &r);
	assert_int_equal(r.status, 200);
	assert_true(r.complete);
	assert_non_null(r.json);
	assert_string_equal(resp_header(&r, "content-type", v, sizeof(v)), "application/json");
	assert_int_equal(strtoul(resp_header(&r, "content-length", v, sizeof(v)), NULL, 10),
	                 r.body.len);
	assert_non_null(resp_header(&r, "date", v, sizeof(v)));
	assert_string_equal(resp_header(&r, "x-echo", v, sizeof(v)), "yes");
	assert_null(resp_header(&r, "x-bad", v, sizeof(v)));
	assert_string_equal(jstr(r.json, "method"), "GET");
	assert_string_equal(jstr(r.json, "path"), "/echo");
	assert_string_equal(jstr(r.json, "host"), "127.0.0.1");
	assert_string_equal(jstr(r.json, "auth"), "user");
	assert_string_equal(jstr(r.json, "user"), "admin");
	groups = json_object_get(r.json, "groups");
	assert_int_equal(json_array_size(groups), 1);
	assert_string_equal(json_string_value(json_array_get(groups, 0)), "system:masters");
	assert_int_equal(json_integer_value(json_object_get(r.json, "nodelay")), 1);
	assert_true(json_is_true(json_object_get(r.json, "inject_refused")));
	assert_true(json_is_true(json_object_get(r.json, "framing_refused")));
	assert_string_equal(jstr(r.json, "pool"), "p-7");
	assert_true(ck_str_has_prefix(jstr(r.json, "remote"), "127.0.0.1:"));
	resp_release(&r);

	tc_sends(c, "POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n");
	snprintf(v, sizeof(v), "Content-Length: %zu\r\n\r\n", strlen(body));
	tc_sends(c, v);
	tc_sends(c, body);
	tc_response(c, &r, false);
	assert_int_equal(r.status, 200);
	assert_string_equal(jstr(r.json, "method"), "POST");
	assert_string_equal(jstr(r.json, "body"), body);
	assert_string_equal(jstr(r.json, "ctype"), "application/json");
	assert_string_equal(jstr(r.json, "user"), "admin");
	resp_release(&r);

	/* A chunked request body arrives whole. */
	tc_sends(c, "PUT /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
	            "5\r\nhello\r\n1;ext=1\r\n \r\n5\r\nworld\r\n0\r\nX-Trailer: t\r\n\r\n");
	tc_response(c, &r, false);
	assert_int_equal(r.status, 200);
	assert_string_equal(jstr(r.json, "body"), "hello world");
	resp_release(&r);

	/* Unknown path: the formatter's Status; 204 carries no body. */
	tc_get(c, "/nope", &r);
	assert_int_equal(r.status, 404);
	assert_string_equal(jstr(r.json, "reason"), "NotFound");
	resp_release(&r);
	tc_get(c, "/nocontent", &r);
	assert_int_equal(r.status, 204);
	assert_null(resp_header(&r, "content-length", v, sizeof(v)));
	assert_int_equal(r.body.len, 0);
	resp_release(&r);
	tc_close(c);

	WAIT_FOR(f, f->nstats >= 5);
	pthread_mutex_lock(&f->mu);
	assert_string_equal(f->stats[0].method, "GET");
	assert_string_equal(f->stats[0].path, "/echo");
	assert_int_equal(f->stats[0].status, 200);
	assert_string_equal(f->stats[1].method, "POST");
	assert_int_equal(f->stats[3].status, 404);
	assert_false(f->stats[0].streamed);
	pthread_mutex_unlock(&f->mu);
	fx_finish(f);
}

static void test_anonymous_and_rejected_clients(void **state)
{
	struct fx *f = &the_fx;
	struct tc *c;
	struct resp r = {0};

	(void)state;
	fx_start(f);
	c = tc_connect(f, NO_CERT);
	tc_get(c, "/auth", &r);
	assert_int_equal(r.status, 200);
	assert_string_equal(jstr(r.json, "auth"), "anonymous");
	assert_null(json_string_value(json_object_get(r.json, "user")));
	resp_release(&r);
	tc_close(c);

	/* K8S: a certificate from another CA completes the handshake and gets 401. */
	c = tc_connect(f, OTHER_CA);
	tc_get(c, "/auth", &r);
	assert_int_equal(r.status, 401);
	assert_string_equal(jstr(r.json, "kind"), "Status");
	assert_string_equal(jstr(r.json, "reason"), "Unauthorized");
	assert_int_equal(json_integer_value(json_object_get(r.json, "code")), 401);
	assert_true(ck_str_has_prefix(jstr(r.json, "message"), "client certificate rejected"));
	resp_release(&r);
	tc_get(c, "/echo", &r);
	assert_string_equal(jstr(r.json, "auth"), "rejected");
	resp_release(&r);
	tc_close(c);
	fx_finish(f);
}

static void test_query_and_path_decoding(void **state)
{
	struct fx *f = &the_fx;
	struct tc *c;
	struct resp r = {0};
	json_t *a, *params;

	(void)state;
	fx_start(f);
	c = tc_connect(f, ADMIN);
	tc_get(c,
	       "/ech%6F?watch=True&labelSelector=app%3Dweb%2Ctier%21%3Dcache&a=1&a=2&sp=x+y"
	       "&pct=x%20y&novalue&bad=%zz",
	       &r);
	assert_int_equal(r.status, 200);
	assert_string_equal(jstr(r.json, "path"), "/echo");
	assert_string_equal(jstr(r.json, "target"),
	                    "/ech%6F?watch=True&labelSelector=app%3Dweb%2Ctier%21%3Dcache&a=1&a=2"
	                    "&sp=x+y&pct=x%20y&novalue&bad=%zz");
	assert_string_equal(jstr(r.json, "watch"), "True");
	assert_string_equal(jstr(r.json, "labelSelector"), "app=web,tier!=cache");
	a = json_object_get(r.json, "a");
	assert_int_equal(json_array_size(a), 2);
	assert_string_equal(json_string_value(json_array_get(a, 0)), "1");
	assert_string_equal(json_string_value(json_array_get(a, 1)), "2");
	params = json_object_get(r.json, "params");
	assert_int_equal(json_array_size(params), 7);
	assert_string_equal(json_string_value(json_array_get(json_array_get(params, 4), 1)), "x y");
	assert_string_equal(json_string_value(json_array_get(json_array_get(params, 5), 1)), "x y");
	assert_string_equal(json_string_value(json_array_get(json_array_get(params, 6), 0)),
	                    "novalue");
	resp_release(&r);
	tc_close(c);
	fx_finish(f);
}

static void send_post(struct tc *c, size_t len, const char *extra)
{
	char head[256];
	char *body = ck_xmalloc(len);

	memset(body, 'b', len);
	snprintf(head, sizeof(head),
	         "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: %zu\r\n%s\r\n", len, extra);
	tc_sends(c, head);
	tc_send(c, body, len);
	free(body);
}

static void test_body_limit(void **state)
{
	struct fx *f = &the_fx;
	struct tc *c;
	struct resp r = {0};
	char v[64];

	(void)state;
	fx_start(f); /* the default limit: 3 MiB */
	c = tc_connect(f, ADMIN);
	send_post(c, CK_HTTP_DEFAULT_MAX_BODY, "");
	tc_response(c, &r, false);
	assert_int_equal(r.status, 200);
	assert_int_equal(json_integer_value(json_object_get(r.json, "body_len")),
	                 CK_HTTP_DEFAULT_MAX_BODY);
	resp_release(&r);

	/* K8S: one byte over: 413 RequestEntityTooLarge, a Status from the formatter. */
	send_post(c, CK_HTTP_DEFAULT_MAX_BODY + 1, "");
	tc_response(c, &r, false);
	assert_int_equal(r.status, 413);
	assert_string_equal(resp_header(&r, "content-type", v, sizeof(v)), "application/json");
	assert_string_equal(jstr(r.json, "kind"), "Status");
	assert_string_equal(jstr(r.json, "reason"), "RequestEntityTooLarge");
	assert_string_equal(jstr(r.json, "message"), "Request entity too large: limit is 3145728");
	assert_int_equal(json_integer_value(json_object_get(r.json, "code")), 413);
	assert_null(resp_header(&r, "connection", v, sizeof(v)));
	resp_release(&r);
	/* The body was read and dropped: the same connection goes on serving. */
	tc_get(c, "/echo", &r);
	assert_int_equal(r.status, 200);
	resp_release(&r);

	/* Chunked, over the limit by a little: 413, connection kept. */
	tc_sends(c, "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
	{
		char *chunk = ck_xmalloc(1 << 20);

		memset(chunk, 'c', 1 << 20);
		for (int i = 0; i < 3; i++) {
			tc_sends(c, "100000\r\n");
			tc_send(c, chunk, 1 << 20);
			tc_sends(c, "\r\n");
		}
		free(chunk);
	}
	tc_sends(c, "2\r\nxy\r\n0\r\n\r\n");
	tc_response(c, &r, false);
	assert_int_equal(r.status, 413);
	resp_release(&r);
	tc_get(c, "/echo", &r);
	assert_int_equal(r.status, 200);
	resp_release(&r);
	tc_close(c);

	/* Far over, declared up front: answered before the body, then the connection closes. */
	c = tc_connect(f, ADMIN);
	tc_sends(c, "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 104857600\r\n\r\n");
	tc_response(c, &r, false);
	assert_int_equal(r.status, 413);
	assert_string_equal(jstr(r.json, "reason"), "RequestEntityTooLarge");
	assert_string_equal(resp_header(&r, "connection", v, sizeof(v)), "close");
	assert_true(tc_at_eof(c));
	resp_release(&r);
	tc_close(c);

	/* And the server still serves. */
	c = tc_connect(f, ADMIN);
	tc_get(c, "/echo", &r);
	assert_int_equal(r.status, 200);
	resp_release(&r);
	tc_close(c);
	fx_finish(f);
}

static void test_keep_alive_pipelining_head(void **state)
{
	struct fx *f = &the_fx;
	struct tc *c;
	struct resp r1 = {0}, r2 = {0};
	char v[64];

	(void)state;
	fx_start(f);
	c = tc_connect(f, ADMIN);
	tc_get(c, "/echo?n=1", &r1);
	tc_get(c, "/echo?n=2", &r2);
	assert_int_equal(r1.status, 200);
	assert_int_equal(r2.status, 200);
	/* Same client port: the second request reused the connection. */
	assert_string_equal(jstr(r1.json, "remote"), jstr(r2.json, "remote"));
	resp_release(&r1);
	resp_release(&r2);

	/* Two requests in one write come back in order. */
	tc_sends(c, "GET /echo?n=3 HTTP/1.1\r\nHost: x\r\n\r\n\r\n"
	            "GET /echo?n=4 HTTP/1.1\r\nHost: x\r\n\r\n");
	tc_response(c, &r1, false);
	tc_response(c, &r2, false);
	assert_string_equal(jstr(r1.json, "query"), "n=3");
	assert_string_equal(jstr(r2.json, "query"), "n=4");
	resp_release(&r1);
	resp_release(&r2);

	/* HEAD: the fields of a GET, no body; the connection stays in step. */
	tc_sends(c, "HEAD /echo HTTP/1.1\r\nHost: x\r\n\r\n");
	tc_response(c, &r1, true);
	assert_int_equal(r1.status, 200);
	assert_true(strtoul(resp_header(&r1, "content-length", v, sizeof(v)), NULL, 10) > 0);
	assert_int_equal(r1.body.len, 0);
	resp_release(&r1);
	tc_get(c, "/echo?n=5", &r1);
	assert_string_equal(jstr(r1.json, "query"), "n=5");
	resp_release(&r1);

	/* Expect: 100-continue. */
	tc_sends(c, "POST /echo HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
	            "Content-Length: 5\r\n\r\n");
	assert_true(tc_read_head(c, &r1));
	assert_int_equal(r1.status, 100);
	resp_release(&r1);
	tc_sends(c, "12345");
	tc_response(c, &r1, false);
	assert_int_equal(r1.status, 200);
	assert_string_equal(jstr(r1.json, "body"), "12345");
	resp_release(&r1);

	/* Connection: close is honoured. */
	tc_sends(c, "GET /echo HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
	tc_response(c, &r1, false);
	assert_string_equal(resp_header(&r1, "connection", v, sizeof(v)), "close");
	assert_true(tc_at_eof(c));
	resp_release(&r1);
	tc_close(c);

	/* HTTP/1.0: one request, then close. */
	c = tc_connect(f, ADMIN);
	tc_sends(c, "GET /echo HTTP/1.0\r\n\r\n");
	tc_response(c, &r1, false);
	assert_int_equal(r1.status, 200);
	assert_string_equal(resp_header(&r1, "connection", v, sizeof(v)), "close");
	assert_true(tc_at_eof(c));
	resp_release(&r1);
	tc_close(c);
	fx_finish(f);
}

static void test_alpn(void **state)
{
	static const unsigned char h2_h1[] = "\x02h2\x08http/1.1";
	static const unsigned char h2[] = "\x02h2";
	struct fx *f = &the_fx;
	struct tc *c;
	struct resp r = {0};
	const unsigned char *sel;
	unsigned int len;

	(void)state;
	fx_start(f);
	/* K8S: kubectl offers h2 and http/1.1; the server must pick http/1.1. */
	c = tc_connect_alpn(f, "127.0.0.1", ADMIN, h2_h1, sizeof(h2_h1) - 1);
	SSL_get0_alpn_selected(c->ssl, &sel, &len);
	assert_int_equal(len, 8);
	assert_memory_equal(sel, "http/1.1", 8);
	tc_get(c, "/echo", &r);
	assert_int_equal(r.status, 200);
	resp_release(&r);
	tc_close(c);
	/* h2 alone: no protocol selected, never h2. */
	c = tc_connect_alpn(f, "127.0.0.1", ADMIN, h2, sizeof(h2) - 1);
	SSL_get0_alpn_selected(c->ssl, &sel, &len);
	assert_int_equal(len, 0);
	tc_close(c);
	/* No ALPN at all (kubectl's SPDY exec connection). */
	c = tc_connect(f, ADMIN);
	SSL_get0_alpn_selected(c->ssl, &sel, &len);
	assert_int_equal(len, 0);
	tc_get(c, "/echo", &r);
	assert_int_equal(r.status, 200);
	resp_release(&r);
	tc_close(c);
	fx_finish(f);
}

#define NUL_IN_FIELD "GET / HTTP/1.1\r\nHost: x\r\nX: a\0b\r\n\r\n"

static void test_malformed_requests(void **state)
{
	static const struct {
		const char *req;
		size_t len; /* 0: strlen */
		int status;
	} cases[] = {
	        {"GARBAGE\r\n\r\n", 0, 400},
	        {"GET /\r\n\r\n", 0, 400},
	        {"GET  / HTTP/1.1\r\nHost: x\r\n\r\n", 0, 400},
	        {"GET / HTTP/2.0\r\nHost: x\r\n\r\n", 0, 505},
	        {"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", 0, 505},
	        {"GET / HTTP/1.1\r\n\r\n", 0, 400},
	        {"GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 0, 400},
	        {"GET / HTTP/1.1\r\nHost : x\r\n\r\n", 0, 400},
	        {"GET / HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n", 0, 400},
	        {"GET / HTTP/1.1\r\nHost: x\r\nX: a\rb\r\n\r\n", 0, 400},
	        {NUL_IN_FIELD, sizeof(NUL_IN_FIELD) - 1, 400},
	        {"GET foo HTTP/1.1\r\nHost: x\r\n\r\n", 0, 400},
	        {"GET /%zz HTTP/1.1\r\nHost: x\r\n\r\n", 0, 400},
	        {"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", 0, 400},
	        {"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhelloXX\r\n",
	         0, 400},
	        {"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
	         "fffffffffffffffff\r\n",
	         0, 400},
	        {"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: "
	         "chunked\r\n\r\n",
	         0, 400},
	        {"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", 0, 501},
	        {"POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n", 0, 400},
	        {"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n", 0, 400},
	        {"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n", 0,
	         400},
	        {"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n", 0, 400},
	        {"GET / HTTP/1.1\r\nHost: x\r\nExpect: 200-ok\r\n\r\n", 0, 417},
	};
	struct ck_http_server_config cfg = {.max_header_bytes = 16 << 10};
	struct fx *f = &the_fx;
	struct tc *c;
	struct resp r = {0};
	char v[64];
	struct ck_buf big = CK_BUF_INIT;
	size_t i;

	(void)state;
	fx_start_cfg(f, &cfg);
	for (i = 0; i < CK_ARRAY_SIZE(cases); i++) {
		c = tc_connect(f, ADMIN);
		tc_send(c, cases[i].req, cases[i].len ? cases[i].len : strlen(cases[i].req));
		tc_response(c, &r, false);
		if (r.status != cases[i].status)
			fail_msg("case %zu: %d, not %d", i, r.status, cases[i].status);
		assert_non_null(r.json);
		assert_string_equal(jstr(r.json, "kind"), "Status");
		assert_int_equal(json_integer_value(json_object_get(r.json, "code")), r.status);
		assert_string_equal(resp_header(&r, "connection", v, sizeof(v)), "close");
		assert_true(tc_at_eof(c));
		resp_release(&r);
		tc_close(c);
	}

	/* Header fields over the limit: 431, whether in one line or many. */
	c = tc_connect(f, ADMIN);
	ck_buf_addf(&big, "GET / HTTP/1.1\r\nHost: x\r\nX-Big: ");
	for (i = 0; i < 20000; i++)
		ck_buf_addch(&big, 'a');
	ck_buf_adds(&big, "\r\n\r\n");
	tc_send(c, big.data, big.len);
	tc_response(c, &r, false);
	assert_int_equal(r.status, 431);
	resp_release(&r);
	tc_close(c);
	c = tc_connect(f, ADMIN);
	ck_buf_reset(&big);
	ck_buf_adds(&big, "GET / HTTP/1.1\r\nHost: x\r\n");
	for (i = 0; i < 2000; i++)
		ck_buf_addf(&big, "X-%zu: v\r\n", i);
	ck_buf_adds(&big, "\r\n");
	tc_send(c, big.data, big.len);
	tc_response(c, &r, false);
	assert_int_equal(r.status, 431);
	resp_release(&r);
	tc_close(c);
	ck_buf_release(&big);

	/* Plain HTTP on the TLS port, and a TLS record with an empty ClientHello: closed. */
	{
		static const struct {
			const char *data;
			size_t len;
		} junk[] = {
#define JUNK(s) {s, sizeof(s) - 1}
		        JUNK("GET / HTTP/1.1\r\nHost: x\r\n\r\n"),
		        JUNK("\x16\x03\x01\x00\x04\x01\x00\x00\x00"),
#undef JUNK
		};
		char rb[256];

		for (i = 0; i < CK_ARRAY_SIZE(junk); i++) {
			int fd = tcp_connect("127.0.0.1", f->port);
			ssize_t n;

			assert_true(fd >= 0);
			assert_int_equal(write(fd, junk[i].data, junk[i].len),
			                 (ssize_t)junk[i].len);
			while ((n = read(fd, rb, sizeof(rb))) > 0)
				;
			/* Closed (EOF or reset), not a receive timeout. */
			assert_true(n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK));
			close(fd);
		}
	}

	/* No crash, still serving. */
	c = tc_connect(f, ADMIN);
	tc_get(c, "/echo", &r);
	assert_int_equal(r.status, 200);
	resp_release(&r);
	tc_close(c);
	WAIT_FOR(f, f->nstats >= (int)CK_ARRAY_SIZE(cases) + 3);
	fx_finish(f);
}

static void test_stream_incremental_and_disconnect(void **state)
{
	struct fx *f = &the_fx;
	struct tc *c;
	struct resp r = {0};
	struct ck_buf chunk = CK_BUF_INIT;
	char v[64];

	(void)state;
	fx_start(f);
	c = tc_connect(f, ADMIN);
	tc_sends(c, "GET /stream?watch=true HTTP/1.1\r\nHost: x\r\n\r\n");
	assert_true(tc_read_head(c, &r));
	assert_int_equal(r.status, 200);
	/* K8S reference §4.2: chunked, application/json, one event per line. */
	assert_string_equal(resp_header(&r, "transfer-encoding", v, sizeof(v)), "chunked");
	assert_string_equal(resp_header(&r, "content-type", v, sizeof(v)), "application/json");
	assert_null(resp_header(&r, "content-length", v, sizeof(v)));
	/* Two writes, one flush: one chunk. */
	assert_int_equal(tc_read_chunk(c, &chunk), 8);
	assert_memory_equal(chunk.data, "{\"n\":1}\n", 8);
	ck_buf_reset(&chunk);
	run_on_loop(f, stream_next, NULL);
	assert_int_equal(tc_read_chunk(c, &chunk), 8);
	assert_memory_equal(chunk.data, "{\"n\":2}\n", 8);
	ck_buf_release(&chunk);
	resp_release(&r);

	/* The client goes away mid-stream: the server notices without writing. */
	tc_close(c);
	WAIT_FOR(f, f->closes == 1);
	assert_int_equal(f->close_why, CK_HTTP_CLOSE_PEER);
	WAIT_FOR(f, f->nstats >= 1);
	pthread_mutex_lock(&f->mu);
	assert_true(f->stats[0].streamed);
	assert_true(f->stats[0].aborted);
	pthread_mutex_unlock(&f->mu);
	fx_finish(f);
}

static void test_stream_end_keeps_connection(void **state)
{
	struct fx *f = &the_fx;
	struct tc *c;
	struct resp r = {0};
	struct ck_buf chunk = CK_BUF_INIT;

	(void)state;
	fx_start(f);
	c = tc_connect(f, ADMIN);
	tc_sends(c, "GET /stream HTTP/1.1\r\nHost: x\r\n\r\n");
	assert_true(tc_read_head(c, &r));
	assert_int_equal(tc_read_chunk(c, &chunk), 8);
	run_on_loop(f, stream_next, NULL);
	run_on_loop(f, stream_finish, NULL);
	assert_int_equal(tc_read_chunk(c, &chunk), 8);
	assert_int_equal(tc_read_chunk(c, &chunk), 0);
	resp_release(&r);
	tc_get(c, "/echo", &r);
	assert_int_equal(r.status, 200);
	resp_release(&r);
	tc_close(c);
	ck_buf_release(&chunk);

	/*
	 * HTTP/1.0 cannot chunk: the stream is delimited by the close. Its end adds no bytes,
	 * so let the loop finish every callback of the earlier writes first (two round trips):
	 * the end must not depend on one of them still being due.
	 */
	c = tc_connect(f, ADMIN);
	tc_sends(c, "GET /stream HTTP/1.0\r\n\r\n");
	assert_true(tc_read_head(c, &r));
	tc_read(c, NULL, 8);
	run_on_loop(f, noop, NULL);
	run_on_loop(f, noop, NULL);
	run_on_loop(f, stream_finish, NULL);
	assert_true(tc_at_eof(c));
	resp_release(&r);
	tc_close(c);

	/* HEAD: the stream's fields, no body, and the end likewise adds nothing. */
	c = tc_connect(f, ADMIN);
	tc_sends(c, "HEAD /stream HTTP/1.1\r\nHost: x\r\n\r\n");
	assert_true(tc_read_head(c, &r));
	assert_int_equal(r.status, 200);
	run_on_loop(f, noop, NULL);
	run_on_loop(f, noop, NULL);
	run_on_loop(f, stream_finish, NULL);
	resp_release(&r);
	tc_get(c, "/echo", &r);
	assert_int_equal(r.status, 200);
	resp_release(&r);
	tc_close(c);

	/* And the same HTTP/1.0 stream with its event still queued at the end. */
	c = tc_connect(f, ADMIN);
	tc_sends(c, "GET /stream HTTP/1.0\r\n\r\n");
	assert_true(tc_read_head(c, &r));
	run_on_loop(f, stream_finish, NULL);
	tc_read(c, &r.body, 8);
	assert_memory_equal(r.body.data, "{\"n\":1}\n", 8);
	assert_true(tc_at_eof(c));
	resp_release(&r);
	tc_close(c);
	assert_int_equal(f->closes, 0);
	fx_finish(f);
}

static void test_slow_watcher_is_cut_off(void **state)
{
	struct fx *f = &the_fx;
	struct tc *c;
	struct resp r = {0};
	struct ck_buf sink = CK_BUF_INIT;
	long n;
	uint64_t total = 0;

	(void)state;
	fx_start(f);
	c = tc_connect(f, ADMIN);
	tc_sends(c, "GET /flood HTTP/1.1\r\nHost: x\r\n\r\n");
	assert_true(tc_read_head(c, &r));
	assert_int_equal(r.status, 200);
	/* Read no further: the kernel's buffers fill, then the server's; the producer cuts off. */
	WAIT_FOR(f, f->flood_aborted);
	assert_true(f->flood_pending_max > FLOOD_LIMIT);
	while ((n = tc_read_chunk(c, &sink)) > 0) {
		total += (uint64_t)n;
		ck_buf_reset(&sink);
	}
	/*
	 * The stream ends without its terminating chunk: the client knows it was cut. (How much
	 * it reads first is the kernel's business: an orphaned socket with megabytes unsent may
	 * be reset under memory pressure.)
	 */
	assert_int_equal(n, -1);
	(void)total;
	assert_int_equal(f->closes, 0);
	resp_release(&r);
	ck_buf_release(&sink);
	tc_close(c);
	WAIT_FOR(f, f->nstats >= 1);
	pthread_mutex_lock(&f->mu);
	assert_true(f->stats[0].aborted);
	assert_true(f->stats[0].streamed);
	pthread_mutex_unlock(&f->mu);
	fx_finish(f);
}

static void test_drain_callback(void **state)
{
	struct fx *f = &the_fx;
	struct tc *c;
	struct resp r = {0};
	char v[64];

	(void)state;
	fx_start(f);
	c = tc_connect(f, ADMIN);
	tc_sends(c, "GET /bigstream HTTP/1.1\r\nHost: x\r\n\r\n");
	/* 8 MiB queued at once; reading it drains the queue, and the drain callback ends it. */
	tc_response(c, &r, false);
	assert_string_equal(resp_header(&r, "content-type", v, sizeof(v)),
	                    "application/octet-stream");
	assert_true(r.complete);
	assert_int_equal(r.body.len, BIG_STREAM);
	WAIT_FOR(f, f->drains == 1);
	assert_true(f->flood_pending_max >= BIG_STREAM);
	resp_release(&r);
	tc_get(c, "/echo", &r);
	assert_int_equal(r.status, 200);
	resp_release(&r);
	tc_close(c);
	fx_finish(f);
}

static void test_timeouts_spare_streams(void **state)
{
	struct ck_http_server_config cfg = {.idle_timeout_ms = 500,
	                                    .header_timeout_ms = 500,
	                                    .body_timeout_ms = 500,
	                                    .handshake_timeout_ms = 500};
	struct fx *f = &the_fx;
	struct tc *stream, *idle, *slow, *body;
	struct resp r = {0};
	struct ck_buf chunk = CK_BUF_INIT;
	char v[64];

	(void)state;
	fx_start_cfg(f, &cfg);
	stream = tc_connect(f, ADMIN);
	tc_sends(stream, "GET /stream HTTP/1.1\r\nHost: x\r\n\r\n");
	assert_true(tc_read_head(stream, &r));
	assert_int_equal(tc_read_chunk(stream, &chunk), 8);
	resp_release(&r);

	/* An idle keep-alive connection is closed by the idle timeout... */
	idle = tc_connect(f, ADMIN);
	tc_get(idle, "/echo", &r);
	resp_release(&r);
	assert_true(tc_at_eof(idle));
	tc_close(idle);

	/* ...headers that do not arrive in time end the connection without a response... */
	slow = tc_connect(f, ADMIN);
	tc_sends(slow, "GET / HT");
	assert_true(tc_at_eof(slow));
	assert_int_equal(slow->len, 0);
	tc_close(slow);

	/* ...a TCP connection that never starts TLS is closed after the handshake timeout... */
	{
		int fd = tcp_connect("127.0.0.1", f->port);
		char rb[16];

		assert_true(fd >= 0);
		assert_int_equal(read(fd, rb, sizeof(rb)), 0);
		close(fd);
	}

	/* ...a body that stops coming gets 408... */
	body = tc_connect(f, ADMIN);
	tc_sends(body, "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nab");
	tc_response(body, &r, false);
	assert_int_equal(r.status, 408);
	assert_string_equal(resp_header(&r, "connection", v, sizeof(v)), "close");
	resp_release(&r);
	tc_close(body);

	/* ...while the quiet stream, older than all of those deadlines, is still alive. */
	run_on_loop(f, stream_next, NULL);
	ck_buf_reset(&chunk);
	assert_int_equal(tc_read_chunk(stream, &chunk), 8);
	assert_memory_equal(chunk.data, "{\"n\":2}\n", 8);
	assert_int_equal(f->closes, 0);
	ck_buf_release(&chunk);
	tc_close(stream);
	WAIT_FOR(f, f->closes == 1);
	fx_finish(f);
}

static void test_write_timeout(void **state)
{
	struct ck_http_server_config cfg = {.write_timeout_ms = 300};
	struct fx *f = &the_fx;
	struct tc *c;

	(void)state;
	fx_start_cfg(f, &cfg);
	c = tc_connect(f, ADMIN);
	tc_sends(c, "GET /stall HTTP/1.1\r\nHost: x\r\n\r\n");
	/* Not reading: once the kernel's buffers are full, no write progresses. */
	WAIT_FOR(f, f->closes == 1);
	assert_int_equal(f->close_why, CK_HTTP_CLOSE_TIMEOUT);
	tc_close(c);
	fx_finish(f);
}

static void stopped(struct ck_http_server *srv, void *arg)
{
	struct fx *f = arg;

	(void)srv;
	pthread_mutex_lock(&f->mu);
	f->stopped++;
	fx_signal(f);
	pthread_mutex_unlock(&f->mu);
}

static void stop_on_loop(struct fx *f, void *arg)
{
	(void)arg;
	f->bye_on_stop = true;
	ck_http_server_stop(f->srv, stopped, f);
}

static void test_graceful_stop(void **state)
{
	struct fx *f = &the_fx;
	struct tc *stream, *idle;
	struct resp r = {0};
	struct ck_buf chunk = CK_BUF_INIT;
	int fd;

	(void)state;
	fx_start(f);
	stream = tc_connect(f, ADMIN);
	tc_sends(stream, "GET /stream HTTP/1.1\r\nHost: x\r\n\r\n");
	assert_true(tc_read_head(stream, &r));
	assert_int_equal(tc_read_chunk(stream, &chunk), 8);
	resp_release(&r);
	idle = tc_connect(f, ADMIN);
	tc_get(idle, "/echo", &r);
	assert_int_equal(r.status, 200);
	resp_release(&r);

	run_on_loop(f, stop_on_loop, NULL);
	/* The stream's handler said goodbye, the stream ended cleanly, the socket closed. */
	ck_buf_reset(&chunk);
	assert_int_equal(tc_read_chunk(stream, &chunk), 4);
	assert_memory_equal(chunk.data, "bye\n", 4);
	assert_int_equal(tc_read_chunk(stream, &chunk), 0);
	assert_true(tc_at_eof(stream));
	assert_true(tc_at_eof(idle));
	WAIT_FOR(f, f->stopped == 1);
	assert_int_equal(f->closes, 1);
	assert_int_equal(f->close_why, CK_HTTP_CLOSE_STOP);
	/* Nobody listens any more. */
	fd = tcp_connect("127.0.0.1", f->port);
	assert_int_equal(fd, -1);
	assert_int_equal(errno, ECONNREFUSED);
	tc_close(stream);
	tc_close(idle);
	ck_buf_release(&chunk);
	fx_finish(f);
}

static void test_free_with_open_requests(void **state)
{
	struct fx *f = &the_fx;
	struct tc *stream, *held;
	struct resp r = {0};
	struct ck_buf chunk = CK_BUF_INIT;

	(void)state;
	fx_start(f);
	stream = tc_connect(f, ADMIN);
	tc_sends(stream, "GET /stream HTTP/1.1\r\nHost: x\r\n\r\n");
	assert_true(tc_read_head(stream, &r));
	assert_int_equal(tc_read_chunk(stream, &chunk), 8);
	resp_release(&r);
	held = tc_connect(f, ADMIN);
	tc_sends(held, "GET /hold HTTP/1.1\r\nHost: x\r\n\r\n");
	WAIT_FOR(f, f->held_seen == 1);

	/* Free with a stream open and a request held: both handlers hear of it, nothing leaks. */
	fx_finish(f);
	assert_int_equal(f->closes, 2);
	assert_int_equal(f->close_why, CK_HTTP_CLOSE_STOP);
	assert_true(tc_at_eof(stream));
	assert_true(tc_at_eof(held));
	tc_close(stream);
	tc_close(held);
	ck_buf_release(&chunk);
}

static void test_ipv6(void **state)
{
	struct ck_http_server_config cfg = {.address = "::1"};
	struct fx *f = &the_fx;
	struct tc *c;
	struct resp r = {0};
	int probe = socket(AF_INET6, SOCK_STREAM, 0);
	struct sockaddr_in6 s6 = {.sin6_family = AF_INET6, .sin6_addr = IN6ADDR_LOOPBACK_INIT};

	(void)state;
	if (probe < 0 || bind(probe, (struct sockaddr *)&s6, sizeof(s6)) < 0) {
		if (probe >= 0)
			close(probe);
		skip();
	}
	close(probe);
	fx_start_cfg(f, &cfg);
	c = tc_connect_alpn(f, "::1", ADMIN, NULL, 0);
	tc_get(c, "/echo", &r);
	assert_int_equal(r.status, 200);
	assert_true(ck_str_has_prefix(jstr(r.json, "remote"), "[::1]:"));
	resp_release(&r);
	tc_close(c);
	fx_finish(f);
}

static void dummy_handler(struct ck_http_request *req, void *arg)
{
	(void)arg;
	ck_http_reply(req, 200, NULL, NULL, 0);
}

static void test_config_errors(void **state)
{
	struct event_base *base = event_base_new();
	struct ck_http_server *a = NULL, *b = NULL;
	struct ck_http_server_config cfg = {
	        .address = "127.0.0.1", .ssl_ctx = G.server_ctx, .handler = dummy_handler};
	struct ck_error *err = NULL;

	(void)state;
	cfg.address = "localhost";
	assert_int_equal(ck_http_server_new(base, &cfg, &a, &err), -1);
	assert_int_equal(err->http_status, 400);
	assert_string_equal(err->msg, "cannot listen on 'localhost': not an IP address");
	ck_error_clear(&err);
	cfg.address = "127.0.0.1";
	cfg.handler = NULL;
	assert_int_equal(ck_http_server_new(base, &cfg, &a, &err), -1);
	ck_error_clear(&err);
	cfg.handler = dummy_handler;
	cfg.idle_timeout_ms = -1;
	assert_int_equal(ck_http_server_new(base, &cfg, &a, &err), -1);
	ck_error_clear(&err);
	cfg.idle_timeout_ms = 0;
	assert_int_equal(ck_http_server_new(base, &cfg, &a, &err), 0);
	cfg.port = ck_http_server_port(a);
	assert_int_equal(ck_http_server_new(base, &cfg, &b, &err), -1);
	assert_int_equal(err->errnum, EADDRINUSE);
	ck_error_clear(&err);
	cfg.address = "[::1]";
	cfg.port = 0;
	if (ck_http_server_new(base, &cfg, &b, &err) == 0)
		ck_http_server_free(b);
	ck_error_clear(&err);
	ck_http_server_free(a);
	ck_http_server_free(NULL);
	event_base_free(base);
}

/* ---- a client ckube did not write: Python's http.client ---------------------------- */

static const char python_client[] =
        "import http.client, json, ssl, sys\n"
        "port, ca, cert, key = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]\n"
        "ctx = ssl.create_default_context(cafile=ca)\n"
        "ctx.load_cert_chain(cert, key)\n"
        "ctx.set_alpn_protocols(['h2', 'http/1.1'])\n"
        "c = http.client.HTTPSConnection('127.0.0.1', port, context=ctx, timeout=15)\n"
        "out = {}\n"
        "c.request('GET', '/echo?labelSelector=app%3Dweb&watch=true')\n"
        "r = c.getresponse(); out['get'] = json.loads(r.read()); out['status'] = r.status\n"
        "c.request('POST', '/echo', body=b'{\"a\":1}', headers={'Content-Type': "
        "'application/json'})\n"
        "r = c.getresponse(); out['post'] = json.loads(r.read())\n"
        "out['alpn'] = c.sock.selected_alpn_protocol()\n"
        "c.request('GET', '/stream')\n"
        "r = c.getresponse(); out['te'] = r.getheader('Transfer-Encoding')\n"
        "out['first'] = r.readline().decode()\n"
        "print(json.dumps(out), flush=True)\n"
        "out = {'rest': r.read().decode()}\n"
        "c.request('GET', '/echo')\n"
        "r = c.getresponse(); out['after'] = json.loads(r.read())\n"
        "print(json.dumps(out), flush=True)\n";

static json_t *read_json_line(FILE *in)
{
	char line[65536];

	if (!fgets(line, sizeof(line), in))
		fail_msg("python client printed nothing");
	return json_loads(line, 0, NULL);
}

static void test_python_client(void **state)
{
	struct fx *f = &the_fx;
	char port[8], *ca, *cert, *key;
	int pipefd[2], status;
	pid_t pid;
	FILE *in;
	json_t *j, *k;

	(void)state;
	if (access("/usr/bin/python3", X_OK) < 0)
		skip();
	fx_start(f);
	snprintf(port, sizeof(port), "%u", f->port);
	ca = ck_xasprintf("%s/pki/ca.crt", G.dir);
	cert = ck_xasprintf("%s/pki/admin.crt", G.dir);
	key = ck_xasprintf("%s/pki/admin.key", G.dir);
	assert_int_equal(pipe(pipefd), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		dup2(pipefd[1], 1);
		close(pipefd[0]);
		close(pipefd[1]);
		execl("/usr/bin/python3", "python3", "-c", python_client, port, ca, cert, key,
		      (char *)NULL);
		_exit(127);
	}
	close(pipefd[1]);
	in = fdopen(pipefd[0], "r");
	j = read_json_line(in);
	assert_non_null(j);
	assert_int_equal(json_integer_value(json_object_get(j, "status")), 200);
	assert_string_equal(jstr(json_object_get(j, "get"), "labelSelector"), "app=web");
	assert_string_equal(jstr(json_object_get(j, "get"), "watch"), "true");
	assert_string_equal(jstr(json_object_get(j, "get"), "user"), "admin");
	assert_string_equal(jstr(json_object_get(j, "post"), "body"), "{\"a\":1}");
	assert_string_equal(jstr(j, "alpn"), "http/1.1");
	assert_string_equal(jstr(j, "te"), "chunked");
	assert_string_equal(jstr(j, "first"), "{\"n\":1}\n");
	run_on_loop(f, stream_next, NULL);
	run_on_loop(f, stream_finish, NULL);
	k = read_json_line(in);
	assert_non_null(k);
	assert_string_equal(jstr(k, "rest"), "{\"n\":2}\n");
	/* Same client port: http.client kept the connection across the stream. */
	assert_string_equal(jstr(json_object_get(k, "after"), "remote"),
	                    jstr(json_object_get(j, "get"), "remote"));
	fclose(in);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	json_decref(j);
	json_decref(k);
	free(ca);
	free(cert);
	free(key);
	fx_finish(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_parse_request_line),
	        cmocka_unit_test(test_parse_header_line),
	        cmocka_unit_test(test_parse_numbers),
	        cmocka_unit_test(test_parse_query),
	        cmocka_unit_test(test_split_target),
	        cmocka_unit_test(test_pool),
	        cmocka_unit_test_teardown(test_get_and_post_as_admin, teardown),
	        cmocka_unit_test_teardown(test_anonymous_and_rejected_clients, teardown),
	        cmocka_unit_test_teardown(test_query_and_path_decoding, teardown),
	        cmocka_unit_test_teardown(test_body_limit, teardown),
	        cmocka_unit_test_teardown(test_keep_alive_pipelining_head, teardown),
	        cmocka_unit_test_teardown(test_alpn, teardown),
	        cmocka_unit_test_teardown(test_malformed_requests, teardown),
	        cmocka_unit_test_teardown(test_stream_incremental_and_disconnect, teardown),
	        cmocka_unit_test_teardown(test_stream_end_keeps_connection, teardown),
	        cmocka_unit_test_teardown(test_slow_watcher_is_cut_off, teardown),
	        cmocka_unit_test_teardown(test_drain_callback, teardown),
	        cmocka_unit_test_teardown(test_timeouts_spare_streams, teardown),
	        cmocka_unit_test_teardown(test_write_timeout, teardown),
	        cmocka_unit_test_teardown(test_graceful_stop, teardown),
	        cmocka_unit_test_teardown(test_free_with_open_requests, teardown),
	        cmocka_unit_test_teardown(test_ipv6, teardown),
	        cmocka_unit_test(test_config_errors),
	        cmocka_unit_test_teardown(test_python_client, teardown),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
