/*
 * The API client (src/client/client.h) against real servers: ckube's API server on a real
 * etcd (support/api-fixture.h, on a loop thread of its own), and, for the failures a
 * healthy API server never shows (a connection dropped mid-request, a reply that never
 * comes, a stream cut in the middle of an event), ckube's HTTPS server with handlers of
 * the test's own on the client's loop.
 *
 * Covered: 200/201/404/409 with the Status decoded, 413 for a large body, the response
 * size limit, keep-alive reuse and the pool limit, the replay of a GET (never a POST) on
 * a kept-alive connection that failed, timeouts, cancellation (also from inside
 * callbacks), the server going away and coming back, TLS verification, kubeconfig files,
 * and watches: ADDED/MODIFIED/DELETED, 410 Expired as an ERROR event, the server's
 * timeoutSeconds ending a watch cleanly, a stream cut mid-event.
 *
 * The client's loop runs on the test thread, only inside run_until(), which stops at a
 * condition or fails the test at a deadline: nothing sleeps for a fixed time.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <unistd.h>

#include <cmocka.h>
#include <event2/event.h>
#include <jansson.h>

#include "base/compat.h"

#include "base/buf.h"
#include "base/json.h"
#include "base/log.h"
#include "base/mem.h"
#include "base/time.h"
#include "client/client.h"
#include "net/http-server.h"
#include "pki/pki.h"
#include "support/api-fixture.h"
#include "support/tmpdir.h"

#define WAIT_MS 20000

static struct {
	struct ck_test_api *api;
	struct event_base *base; /* the client's loop: the test thread */
	struct event *tick;
	struct ck_client *c;
	/* the test's own HTTPS server on the client's loop */
	SSL_CTX *local_ctx;
	struct ck_http_server *local;
	uint16_t local_port;
	int local_hits;
	struct ck_http_request *held; /* a request the "hang" handler never answers */
} G;

/* ---- the client's loop ----------------------------------------------------------------- */

static void tick_cb(evutil_socket_t fd, short what, void *arg)
{
	(void)fd, (void)what, (void)arg;
}

/* Run the client's loop until *flag, or fail the test after ms. */
static void run_until_ms(const bool *flag, int ms, const char *what)
{
	int64_t deadline = ck_time_mono_ms() + ms;

	while (!*flag) {
		if (ck_time_mono_ms() > deadline)
			fail_msg("timed out waiting for %s", what);
		event_base_loop(G.base, EVLOOP_ONCE);
	}
}

#define run_until(flag, what) run_until_ms(flag, WAIT_MS, what)

/* Let the loop run for a while (to show that something does not happen). */
static void run_for(int ms)
{
	bool never = false;
	int64_t deadline = ck_time_mono_ms() + ms;

	while (!never && ck_time_mono_ms() < deadline)
		event_base_loop(G.base, EVLOOP_ONCE);
}

static struct ck_client *client_with(const struct ck_client_config *extra, const char *url)
{
	struct ck_client_config cfg = extra ? *extra : (struct ck_client_config){0};
	struct ck_client *c = NULL;
	struct ck_error *err = NULL;

	cfg.server = url ? url : G.api->url;
	if (!cfg.ca_pem)
		cfg.ca_pem = G.api->pki->ca.cert_pem;
	if (!cfg.cert_pem) {
		cfg.cert_pem = G.api->pki->admin.cert_pem;
		cfg.key_pem = G.api->pki->admin.key_pem;
	}
	if (ck_client_new(G.base, &cfg, &c, &err) < 0)
		fail_msg("ck_client_new: %s", err->msg);
	return c;
}

/* ---- one request, run to completion -------------------------------------------------- */

struct result {
	bool done;
	int status;
	char *body;
	int err_status;
	char reason[64];
	char msg[512];
	int errnum;
	json_t *json;
	int order; /* completion order, for tests with several */
};

static int completions;

static void result_release(struct result *r)
{
	free(r->body);
	json_decref(r->json);
	memset(r, 0, sizeof(*r));
}

static void on_done(struct ck_client_call *call, int status, const char *body, size_t len,
                    struct ck_error *err, void *arg)
{
	struct result *r = arg;

	(void)call;
	r->done = true;
	r->status = status;
	r->body = ck_xstrndup(body, len);
	r->order = ++completions;
	r->json = json_loadb(body, len, 0, NULL);
	if (err) {
		r->err_status = err->http_status;
		snprintf(r->reason, sizeof(r->reason), "%s", err->reason ? err->reason : "");
		snprintf(r->msg, sizeof(r->msg), "%s", err->msg);
		r->errnum = err->errnum;
	}
}

static void do_request(struct ck_client *c, const char *method, const char *path, const char *body,
                       struct result *r)
{
	memset(r, 0, sizeof(*r));
	ck_client_request(c, method, path, body ? "application/json" : NULL, body,
	                  body ? strlen(body) : 0, 0, on_done, r);
	run_until(&r->done, path);
}

static const char *jstr(const struct result *r, const char *path)
{
	const char *s = r->json ? ck_json_path_str(r->json, path) : NULL;

	return s ? s : "(null)";
}

static void make_namespace(const char *name)
{
	char body[256];
	int st;

	snprintf(body, sizeof(body), "{\"metadata\":{\"name\":\"%s\"}}", name);
	st = ck_test_api_call(G.api, "POST", "/api/v1/namespaces", body, NULL);
	assert_int_equal(st, 201);
}

/* ---- the test's own server ----------------------------------------------------------- */

static void abort_on_drain(struct ck_http_request *req, void *arg)
{
	(void)arg;
	ck_http_request_abort(req);
}

static void local_handler(struct ck_http_request *req, void *arg)
{
	const char *path = ck_http_request_path(req);

	(void)arg;
	G.local_hits++;
	if (!strcmp(path, "/ok")) {
		ck_http_reply(req, 200, "application/json", "{\"ok\":true}", 11);
	} else if (!strcmp(path, "/drop-second")) {
		/* The second request of a connection is dropped before any byte of a reply. */
		if (G.local_hits == 2)
			ck_http_request_abort(req);
		else
			ck_http_reply(req, 200, "application/json", "{}", 2);
	} else if (!strcmp(path, "/drop")) {
		ck_http_request_abort(req);
	} else if (!strcmp(path, "/hang")) {
		CK_BUG_ON(G.held);
		G.held = req; /* answered at teardown */
	} else if (!strcmp(path, "/plain")) {
		ck_http_reply(req, 502, "text/html", "<html>bad gateway</html>", 24);
	} else if (!strcmp(path, "/cut-stream")) {
		static const char ev[] =
		        "{\"type\":\"ADDED\",\"object\":{\"metadata\":{\"name\":\"a\"}}}\n"
		        "{\"type\":\"MODIFIED\",\"obj";

		ck_http_stream_start(req, 200, "application/json");
		ck_http_stream_write(req, ev, sizeof(ev) - 1);
		/* Dropped once the bytes have left (an abort discards what is queued). */
		ck_http_stream_on_drain(req, 0, abort_on_drain, NULL);
		ck_http_stream_flush(req);
	} else if (!strcmp(path, "/odd-stream")) {
		/* Events split across chunks, two in one chunk, key order not the fast path's. */
		static const char *const parts[] = {
		        "{\"type\":\"ADDED\",\"obj", "ect\":{\"metadata\":{\"name\":\"x\"}}}\n",
		        "{\"object\":{\"metadata\":{\"name\":\"y\"}},\"type\":\"MODIFIED\"}\n"
		        "{\"type\":\"DELETED\",\"object\":{\"metadata\":{\"name\":\"z\"}}}\n",
		        NULL};

		ck_http_stream_start(req, 200, "application/json");
		for (size_t i = 0; parts[i]; i++) {
			ck_http_stream_write(req, parts[i], strlen(parts[i]));
			ck_http_stream_flush(req);
		}
		ck_http_stream_end(req);
	} else {
		ck_http_reply(req, 404, "text/plain", "no\n", 3);
	}
}

static void local_start(void)
{
	struct ck_error *err = NULL;
	struct ck_http_server_config cfg = {
	        .address = "127.0.0.1",
	        .handler = local_handler,
	};

	G.local_ctx = ck_pki_server_ctx_new(G.api->pki->ca.cert_pem, G.api->pki->serving.cert_pem,
	                                    G.api->pki->serving.key_pem, &err);
	assert_non_null(G.local_ctx);
	cfg.ssl_ctx = G.local_ctx;
	if (ck_http_server_new(G.base, &cfg, &G.local, &err) < 0)
		fail_msg("ck_http_server_new: %s", err->msg);
	G.local_port = ck_http_server_port(G.local);
}

static void local_url(char *buf, size_t size)
{
	snprintf(buf, size, "https://127.0.0.1:%u", G.local_port);
}

/* ---- suite setup ----------------------------------------------------------------------- */

static int group_setup(void **state)
{
	struct timeval tv = {0, 20000};

	(void)state;
	ck_log_set_level(getenv("CK_TEST_DEBUG") ? CK_LOG_DEBUG : CK_LOG_WARN);
	G.api = ck_test_api_start("client");
	G.base = event_base_new();
	G.tick = event_new(G.base, -1, EV_PERSIST, tick_cb, NULL);
	event_add(G.tick, &tv);
	G.c = client_with(NULL, NULL);
	local_start();
	return 0;
}

static int group_teardown(void **state)
{
	(void)state;
	if (G.held)
		ck_http_request_abort(G.held);
	ck_client_free(G.c);
	ck_http_server_free(G.local);
	for (int i = 0; i < 4; i++)
		event_base_loop(G.base, EVLOOP_NONBLOCK);
	SSL_CTX_free(G.local_ctx);
	event_free(G.tick);
	event_base_free(G.base);
	ck_test_api_free(G.api);
	libevent_global_shutdown();
	return 0;
}

/* ---- requests -------------------------------------------------------------------------- */

static void test_get(void **state)
{
	struct result r;

	(void)state;
	do_request(G.c, "GET", "/api/v1/namespaces/default", NULL, &r);
	assert_int_equal(r.status, 200);
	assert_int_equal(r.err_status, 0);
	assert_string_equal(jstr(&r, "metadata.name"), "default");
	assert_string_equal(jstr(&r, "kind"), "Namespace");
	result_release(&r);
}

/* K8S: a 404 carries a Status: reason NotFound, message `configmaps "nope" not found`. */
static void test_not_found_status(void **state)
{
	struct result r;

	(void)state;
	do_request(G.c, "GET", "/api/v1/namespaces/default/configmaps/nope", NULL, &r);
	assert_int_equal(r.status, 404);
	assert_int_equal(r.err_status, 404);
	assert_string_equal(r.reason, CK_REASON_NOT_FOUND);
	assert_string_equal(r.msg, "configmaps \"nope\" not found");
	result_release(&r);
}

static void test_create_and_conflict(void **state)
{
	static const char cm[] = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\","
	                         "\"metadata\":{\"name\":\"c1\"},\"data\":{\"k\":\"v\"}}";
	struct result r;

	(void)state;
	make_namespace("create");
	do_request(G.c, "POST", "/api/v1/namespaces/create/configmaps", cm, &r);
	assert_int_equal(r.status, 201);
	assert_null(r.reason[0] ? r.reason : NULL);
	assert_string_equal(jstr(&r, "metadata.name"), "c1");
	assert_string_equal(jstr(&r, "data.k"), "v");
	result_release(&r);

	do_request(G.c, "POST", "/api/v1/namespaces/create/configmaps", cm, &r);
	assert_int_equal(r.status, 409);
	assert_int_equal(r.err_status, 409);
	assert_string_equal(r.reason, CK_REASON_ALREADY_EXISTS);
	assert_string_equal(r.msg, "configmaps \"c1\" already exists");
	result_release(&r);

	/* A PUT with a stale resourceVersion: 409 Conflict. */
	do_request(G.c, "PUT", "/api/v1/namespaces/create/configmaps/c1",
	           "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"c1\","
	           "\"resourceVersion\":\"1\"},\"data\":{\"k\":\"w\"}}",
	           &r);
	assert_int_equal(r.status, 409);
	assert_string_equal(r.reason, CK_REASON_CONFLICT);
	result_release(&r);

	do_request(G.c, "DELETE", "/api/v1/namespaces/create/configmaps/c1", NULL, &r);
	assert_int_equal(r.status, 200);
	result_release(&r);
}

/* A body over the server's 3 MiB gets 413 as a Status; a response over our limit fails. */
static void test_body_limits(void **state)
{
	size_t n = 4u << 20;
	char *big = ck_xmalloc(n + 1);
	struct ck_client_config small = {.max_response_bytes = 512};
	struct ck_client *c2;
	struct result r;

	(void)state;
	memset(big, 'x', n);
	big[n] = '\0';
	memcpy(big, "{\"a\":\"", 6);
	memcpy(big + n - 2, "\"}", 2);
	do_request(G.c, "POST", "/api/v1/namespaces/default/configmaps", big, &r);
	free(big);
	assert_int_equal(r.status, 413);
	assert_int_equal(r.err_status, 413);
	assert_string_equal(r.reason, CK_REASON_TOO_LARGE);
	result_release(&r);

	/* The client still works after the server cut that connection. */
	do_request(G.c, "GET", "/api/v1/namespaces/default", NULL, &r);
	assert_int_equal(r.status, 200);
	result_release(&r);

	c2 = client_with(&small, NULL);
	do_request(c2, "GET", "/api/v1/namespaces", NULL, &r);
	assert_int_equal(r.status, 0);
	assert_int_equal(r.err_status, 500);
	assert_non_null(strstr(r.msg, "response body larger than 512 bytes"));
	result_release(&r);
	ck_client_free(c2);
}

static void test_keepalive_reuse(void **state)
{
	struct ck_client *c2 = client_with(NULL, NULL);
	struct ck_client_stats st;
	struct result r;

	(void)state;
	for (int i = 0; i < 5; i++) {
		do_request(c2, "GET", "/api/v1/namespaces/default", NULL, &r);
		assert_int_equal(r.status, 200);
		result_release(&r);
	}
	ck_client_stats(c2, &st);
	assert_int_equal(st.connects, 1);
	assert_int_equal(st.requests, 5);
	assert_int_equal(st.reused, 4);
	assert_int_equal(st.idle, 1);
	ck_client_free(c2);
}

/* Twelve requests at once through a pool of two: two connections, all answered. */
static void test_pool_limit(void **state)
{
	struct ck_client_config cfg = {.max_conns = 2};
	struct ck_client *c2 = client_with(&cfg, NULL);
	struct result r[12];
	struct ck_client_stats st;

	(void)state;
	memset(r, 0, sizeof(r));
	for (size_t i = 0; i < CK_ARRAY_SIZE(r); i++)
		ck_client_request(c2, "GET", "/api/v1/namespaces/default", NULL, NULL, 0, 0,
		                  on_done, &r[i]);
	ck_client_stats(c2, &st);
	assert_int_equal(st.queued, 10);
	for (size_t i = 0; i < CK_ARRAY_SIZE(r); i++) {
		run_until(&r[i].done, "pooled request");
		assert_int_equal(r[i].status, 200);
		result_release(&r[i]);
	}
	ck_client_stats(c2, &st);
	assert_int_equal(st.connects, 2);
	assert_int_equal(st.requests, 12);
	ck_client_free(c2);
}

/*
 * K8S (Go net/http): a GET whose kept-alive connection fails before any byte of the reply
 * is sent again on a new connection; a POST is not (the server may have acted on it).
 */
static void test_replay_on_kept_alive(void **state)
{
	char url[64];
	struct ck_client *c2;
	struct ck_client_stats st;
	struct result r;

	(void)state;
	local_url(url, sizeof(url));
	c2 = client_with(NULL, url);
	G.local_hits = 0;
	do_request(c2, "GET", "/drop-second", NULL, &r);
	assert_int_equal(r.status, 200);
	result_release(&r);
	do_request(c2, "GET", "/drop-second", NULL, &r); /* dropped, then replayed */
	assert_int_equal(r.status, 200);
	result_release(&r);
	ck_client_stats(c2, &st);
	assert_int_equal(st.retries, 1);
	assert_int_equal(st.connects, 2);
	assert_int_equal(G.local_hits, 3);

	G.local_hits = 0;
	do_request(c2, "POST", "/drop", "{}", &r); /* kept-alive, but never replayed */
	assert_int_equal(r.status, 0);
	assert_int_equal(r.err_status, 503);
	assert_string_equal(r.reason, CK_REASON_UNAVAILABLE);
	assert_int_equal(G.local_hits, 1);
	result_release(&r);
	ck_client_free(c2);
}

static void test_non_status_error(void **state)
{
	char url[64];
	struct ck_client *c2;
	struct result r;

	(void)state;
	local_url(url, sizeof(url));
	c2 = client_with(NULL, url);
	do_request(c2, "GET", "/plain", NULL, &r);
	assert_int_equal(r.status, 502);
	assert_int_equal(r.err_status, 502);
	assert_string_equal(r.body, "<html>bad gateway</html>");
	assert_non_null(strstr(r.msg, "status code 502"));
	result_release(&r);
	ck_client_free(c2);
}

static void cancel_other(struct ck_client_call *call, int status, const char *body, size_t len,
                         struct ck_error *err, void *arg)
{
	struct ck_client_call **other = arg;

	on_done(call, status, body, len, err, other[1]);
	ck_client_call_cancel(other[0]); /* from inside a callback, on another call */
	ck_client_call_cancel(call);     /* and on itself: a no-op once finishing */
}

static void test_timeout_and_cancel(void **state)
{
	char url[64];
	struct ck_client *c2;
	struct ck_client_call *hang, *calls[2];
	struct result r, ok;

	(void)state;
	local_url(url, sizeof(url));
	c2 = client_with(NULL, url);
	memset(&r, 0, sizeof(r));
	ck_client_request(c2, "GET", "/hang", NULL, NULL, 0, 200, on_done, &r);
	run_until(&r.done, "timeout");
	assert_int_equal(r.status, 0);
	assert_int_equal(r.err_status, 504);
	assert_string_equal(r.reason, CK_REASON_TIMEOUT);
	assert_non_null(strstr(r.msg, "timed out"));
	result_release(&r);
	ck_http_request_abort(G.held);
	G.held = NULL;

	/* A request cancelled in flight never calls back. */
	memset(&r, 0, sizeof(r));
	hang = ck_client_request(c2, "GET", "/hang", NULL, NULL, 0, 0, on_done, &r);
	while (!G.held)
		event_base_loop(G.base, EVLOOP_ONCE);
	ck_client_call_cancel(hang);
	run_for(100);
	assert_false(r.done);
	ck_http_request_abort(G.held);
	G.held = NULL;

	/* Cancelled from inside another call's callback. */
	memset(&r, 0, sizeof(r));
	memset(&ok, 0, sizeof(ok));
	calls[0] = ck_client_request(c2, "GET", "/hang", NULL, NULL, 0, 0, on_done, &r);
	calls[1] = (struct ck_client_call *)&ok;
	ck_client_request(c2, "GET", "/ok", NULL, NULL, 0, 0, cancel_other, calls);
	run_until(&ok.done, "ok");
	assert_int_equal(ok.status, 200);
	run_for(100);
	assert_false(r.done);
	result_release(&ok);
	if (G.held) {
		ck_http_request_abort(G.held);
		G.held = NULL;
	}
	ck_client_free(c2);
}

/* The server goes away: requests fail with 503, a watch ends; it comes back: all works. */
static void test_server_gone(void **state)
{
	struct ck_client *c2 = client_with(NULL, NULL);
	struct result r;

	(void)state;
	do_request(c2, "GET", "/api/v1/namespaces/default", NULL, &r);
	assert_int_equal(r.status, 200);
	result_release(&r);
	ck_test_api_server_stop(G.api);
	do_request(c2, "GET", "/api/v1/namespaces/default", NULL, &r);
	assert_int_equal(r.status, 0);
	assert_int_equal(r.err_status, 503);
	assert_string_equal(r.reason, CK_REASON_UNAVAILABLE);
	if (r.errnum != ECONNREFUSED)
		fail_msg("expected ECONNREFUSED: %d %s", r.errnum, r.msg);
	result_release(&r);
	ck_test_api_server_start(G.api);
	do_request(c2, "GET", "/api/v1/namespaces/default", NULL, &r);
	assert_int_equal(r.status, 200);
	result_release(&r);
	ck_client_free(c2);
}

/* A request dropped by the server mid-request (fresh connection): 503, not replayed. */
static void test_dropped_mid_request(void **state)
{
	char url[64];
	struct ck_client *c2;
	struct result r;
	struct ck_client_stats st;

	(void)state;
	local_url(url, sizeof(url));
	c2 = client_with(NULL, url);
	do_request(c2, "GET", "/drop", NULL, &r);
	assert_int_equal(r.status, 0);
	assert_int_equal(r.err_status, 503);
	assert_non_null(strstr(r.msg, "GET /drop: "));
	result_release(&r);
	ck_client_stats(c2, &st);
	assert_int_equal(st.retries, 0);
	ck_client_free(c2);
}

static void test_tls_verification(void **state)
{
	char *dir = ck_test_tmpdir("client-other-ca");
	struct ck_pki *other = NULL;
	struct ck_error *err = NULL;
	struct ck_client_config cfg = {0};
	struct ck_client *c2;
	struct result r;

	(void)state;
	assert_int_equal(ck_pki_ensure(dir, NULL, &other, &err), 0);
	cfg.ca_pem = other->ca.cert_pem; /* trusts another cluster's CA only */
	c2 = client_with(&cfg, NULL);
	do_request(c2, "GET", "/version", NULL, &r);
	assert_int_equal(r.status, 0);
	assert_int_equal(r.err_status, 503);
	assert_non_null(strstr(r.msg, "certificate verify failed"));
	result_release(&r);
	ck_client_free(c2);

	/* Right CA, but this cluster's CA did not issue our certificate: 401. */
	cfg.ca_pem = G.api->pki->ca.cert_pem;
	cfg.cert_pem = other->admin.cert_pem;
	cfg.key_pem = other->admin.key_pem;
	c2 = client_with(&cfg, NULL);
	do_request(c2, "GET", "/api/v1/namespaces", NULL, &r);
	assert_int_equal(r.status, 401);
	assert_string_equal(r.reason, CK_REASON_UNAUTHORIZED);
	result_release(&r);
	ck_client_free(c2);

	/* Malformed configurations are refused up front. */
	cfg = (struct ck_client_config){.server = "http://127.0.0.1:1", .ca_pem = "x"};
	assert_int_equal(ck_client_new(G.base, &cfg, &c2, &err), -1);
	assert_int_equal(err->http_status, 400);
	ck_error_clear(&err);
	cfg = (struct ck_client_config){.server = "https://127.0.0.1:1/prefix",
	                                .ca_pem = G.api->pki->ca.cert_pem};
	assert_int_equal(ck_client_new(G.base, &cfg, &c2, &err), -1);
	ck_error_clear(&err);
	cfg = (struct ck_client_config){.server = "https://127.0.0.1:1",
	                                .ca_pem = G.api->pki->ca.cert_pem,
	                                .cert_pem = G.api->pki->admin.cert_pem};
	assert_int_equal(ck_client_new(G.base, &cfg, &c2, &err), -1);
	ck_error_clear(&err);

	ck_pki_free(other);
	ck_test_rmtree(dir);
	free(dir);
}

static void test_kubeconfig(void **state)
{
	char *dir = ck_test_tmpdir("client-kubeconfig");
	ck_autofree char *path = ck_xasprintf("%s/admin.kubeconfig", dir);
	ck_autofree char *bad = ck_xasprintf("%s/bad.kubeconfig", dir);
	struct ck_pki_kubeconfig kc = {
	        .server = G.api->url,
	        .cluster = "ckube",
	        .user = "admin",
	        .ca_pem = G.api->pki->ca.cert_pem,
	        .cert_pem = G.api->pki->admin.cert_pem,
	        .key_pem = G.api->pki->admin.key_pem,
	};
	struct ck_error *err = NULL;
	struct ck_client *c2 = NULL;
	struct result r;
	FILE *f;

	(void)state;
	assert_int_equal(ck_pki_write_kubeconfig(path, &kc, &err), 0);
	if (ck_client_new_from_kubeconfig(G.base, path, NULL, &c2, &err) < 0)
		fail_msg("kubeconfig: %s", err->msg);
	assert_string_equal(ck_client_server(c2), G.api->url);
	do_request(c2, "GET", "/api/v1/namespaces/kube-system", NULL, &r);
	assert_int_equal(r.status, 200);
	result_release(&r);
	ck_client_free(c2);

	f = fopen(bad, "w");
	assert_non_null(f);
	fputs("apiVersion: v1\nkind: Config\ncurrent-context: nowhere\ncontexts: []\n", f);
	fclose(f);
	assert_int_equal(ck_client_new_from_kubeconfig(G.base, bad, NULL, &c2, &err), -1);
	assert_int_equal(err->http_status, 400);
	assert_non_null(strstr(err->msg, "no context 'nowhere'"));
	ck_error_clear(&err);
	assert_int_equal(ck_client_new_from_kubeconfig(G.base, "/nonexistent/kc", NULL, &c2, &err),
	                 -1);
	assert_int_equal(err->errnum, ENOENT);
	ck_error_clear(&err);
	ck_test_rmtree(dir);
	free(dir);
}

/* ---- watches --------------------------------------------------------------------------- */

struct watch {
	struct ck_client_call *call;
	char types[16][16];
	char names[16][64];
	char rvs[16][24];
	size_t n;
	bool ended;
	bool cancel_on_deleted;
	int err_status;
	char reason[64];
	char msg[256];
};

static void w_event(struct ck_client_call *call, const struct ck_client_event *ev, void *arg)
{
	struct watch *w = arg;
	const char *name = ck_json_path_str(ev->object, "metadata.name");
	const char *rv = ck_json_path_str(ev->object, "metadata.resourceVersion");
	json_t *again;

	/* The raw bytes are the object itself. */
	again = json_loadb(ev->raw, ev->raw_len, 0, NULL);
	assert_true(json_equal(again, ev->object));
	json_decref(again);
	if (w->n < CK_ARRAY_SIZE(w->types)) {
		snprintf(w->types[w->n], sizeof(w->types[0]), "%s", ev->type);
		snprintf(w->names[w->n], sizeof(w->names[0]), "%s", name ? name : "");
		snprintf(w->rvs[w->n], sizeof(w->rvs[0]), "%s", rv ? rv : "");
		w->n++;
	}
	if (w->cancel_on_deleted && !strcmp(ev->type, "DELETED")) {
		ck_client_call_cancel(call);
		w->ended = true; /* no on_end follows */
	}
}

static void w_end(struct ck_client_call *call, struct ck_error *err, void *arg)
{
	struct watch *w = arg;

	(void)call;
	w->ended = true;
	w->call = NULL;
	if (err) {
		w->err_status = err->http_status;
		snprintf(w->reason, sizeof(w->reason), "%s", err->reason);
		snprintf(w->msg, sizeof(w->msg), "%s", err->msg);
	}
}

static void watch_open(struct ck_client *c, const char *path, struct watch *w)
{
	memset(w, 0, sizeof(*w));
	w->call = ck_client_watch(c, path, 0, 0, w_event, w_end, w);
}

static void wait_events(struct watch *w, size_t n)
{
	int64_t deadline = ck_time_mono_ms() + WAIT_MS;

	while (w->n < n && !w->ended) {
		if (ck_time_mono_ms() > deadline)
			fail_msg("timed out waiting for %zu watch events (have %zu)", n, w->n);
		event_base_loop(G.base, EVLOOP_ONCE);
	}
	if (w->n < n)
		fail_msg("watch ended after %zu events: %s", w->n, w->msg);
}

static void test_watch_events(void **state)
{
	struct watch w;
	struct result r;
	char path[256];

	(void)state;
	make_namespace("watch");
	do_request(G.c, "GET", "/api/v1/namespaces/watch/configmaps", NULL, &r);
	assert_int_equal(r.status, 200);
	snprintf(path, sizeof(path),
	         "/api/v1/namespaces/watch/configmaps?watch=1&resourceVersion=%s",
	         jstr(&r, "metadata.resourceVersion"));
	result_release(&r);
	watch_open(G.c, path, &w);
	w.cancel_on_deleted = true;

	do_request(G.c, "POST", "/api/v1/namespaces/watch/configmaps",
	           "{\"metadata\":{\"name\":\"w1\"},\"data\":{\"a\":\"1\"}}", &r);
	assert_int_equal(r.status, 201);
	result_release(&r);
	memset(&r, 0, sizeof(r));
	ck_client_request(G.c, "PATCH", "/api/v1/namespaces/watch/configmaps/w1",
	                  "application/merge-patch+json", "{\"data\":{\"a\":\"2\"}}", 18, 0,
	                  on_done, &r);
	run_until(&r.done, "patch");
	assert_int_equal(r.status, 200);
	result_release(&r);
	do_request(G.c, "DELETE", "/api/v1/namespaces/watch/configmaps/w1", NULL, &r);
	assert_int_equal(r.status, 200);
	result_release(&r);

	wait_events(&w, 3);
	assert_string_equal(w.types[0], "ADDED");
	assert_string_equal(w.types[1], "MODIFIED");
	assert_string_equal(w.types[2], "DELETED");
	for (int i = 0; i < 3; i++)
		assert_string_equal(w.names[i], "w1");
	assert_true(strtoll(w.rvs[0], NULL, 10) < strtoll(w.rvs[1], NULL, 10));
	assert_true(strtoll(w.rvs[1], NULL, 10) < strtoll(w.rvs[2], NULL, 10));
	assert_true(w.ended); /* cancelled from inside the DELETED callback */
	run_for(50);
	assert_int_equal(w.n, 3);
}

/* K8S: a revision older than the cache's window: an ERROR event with a 410 Expired Status. */
static void test_watch_expired(void **state)
{
	struct watch w;

	(void)state;
	/* A restart after a write: the new cache starts past revision 1. */
	ck_test_api_server_stop(G.api);
	ck_test_api_etcd_put(G.api, "/test/bump", "x");
	ck_test_api_server_start(G.api);
	watch_open(G.c, "/api/v1/namespaces/default/configmaps?watch=1&resourceVersion=1", &w);
	run_until(&w.ended, "410");
	assert_int_equal(w.n, 0);
	assert_int_equal(w.err_status, 410);
	assert_string_equal(w.reason, CK_REASON_EXPIRED);
	assert_non_null(strstr(w.msg, "too old resource version: 1"));
}

/* The server's timeoutSeconds ends the stream cleanly: no error. */
static void test_watch_server_timeout(void **state)
{
	struct watch w;
	int64_t t0 = ck_time_mono_ms();

	(void)state;
	watch_open(G.c, "/api/v1/namespaces/default/configmaps?watch=1&timeoutSeconds=1", &w);
	run_until(&w.ended, "the end of the watch");
	assert_int_equal(w.err_status, 0);
	assert_true(ck_time_mono_ms() - t0 >= 900);
}

/* A non-2xx reply to a watch: the Status decoded, as for requests. */
static void test_watch_http_error(void **state)
{
	struct watch w;

	(void)state;
	watch_open(G.c, "/api/v1/namespaces/default/nosuchthings?watch=1", &w);
	run_until(&w.ended, "404");
	assert_int_equal(w.err_status, 404);
	assert_string_equal(w.reason, CK_REASON_NOT_FOUND);
}

static void test_watch_framing(void **state)
{
	char url[64];
	struct ck_client *c2;
	struct watch w;

	(void)state;
	local_url(url, sizeof(url));
	c2 = client_with(NULL, url);
	watch_open(c2, "/odd-stream", &w);
	run_until(&w.ended, "the end of the stream");
	assert_int_equal(w.err_status, 0);
	assert_int_equal(w.n, 3);
	assert_string_equal(w.types[0], "ADDED");
	assert_string_equal(w.names[0], "x");
	assert_string_equal(w.types[1], "MODIFIED");
	assert_string_equal(w.names[1], "y");
	assert_string_equal(w.types[2], "DELETED");
	assert_string_equal(w.names[2], "z");

	/* Cut in the middle of the second event: one event, then a transport error. */
	watch_open(c2, "/cut-stream", &w);
	run_until(&w.ended, "the cut");
	assert_int_equal(w.n, 1);
	assert_int_equal(w.err_status, 503);

	/* Cancelled while connecting: nothing is called. */
	watch_open(c2, "/odd-stream", &w);
	ck_client_call_cancel(w.call);
	run_for(100);
	assert_int_equal(w.n, 0);
	assert_false(w.ended);

	/* The watch's own deadline. */
	memset(&w, 0, sizeof(w));
	w.call = ck_client_watch(G.c, "/api/v1/namespaces/default/configmaps?watch=1", 0, 300,
	                         w_event, w_end, &w);
	run_until(&w.ended, "the client deadline");
	assert_int_equal(w.err_status, 504);
	ck_client_free(c2);
}

static void test_query_escape(void **state)
{
	struct ck_buf b = CK_BUF_INIT;

	(void)state;
	ck_client_query_escape(&b, "app in (a,b), tier!=x y~_.-/");
	assert_string_equal(b.data, "app+in+%28a%2Cb%29%2C+tier%21%3Dx+y~_.-%2F");
	ck_buf_release(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_get),
	        cmocka_unit_test(test_not_found_status),
	        cmocka_unit_test(test_create_and_conflict),
	        cmocka_unit_test(test_body_limits),
	        cmocka_unit_test(test_keepalive_reuse),
	        cmocka_unit_test(test_pool_limit),
	        cmocka_unit_test(test_replay_on_kept_alive),
	        cmocka_unit_test(test_non_status_error),
	        cmocka_unit_test(test_timeout_and_cancel),
	        cmocka_unit_test(test_dropped_mid_request),
	        cmocka_unit_test(test_tls_verification),
	        cmocka_unit_test(test_kubeconfig),
	        cmocka_unit_test(test_watch_events),
	        cmocka_unit_test(test_watch_expired),
	        cmocka_unit_test(test_watch_server_timeout),
	        cmocka_unit_test(test_watch_http_error),
	        cmocka_unit_test(test_watch_framing),
	        cmocka_unit_test(test_query_escape),
	        cmocka_unit_test(test_server_gone),
	};

	return cmocka_run_group_tests_name("client", tests, group_setup, group_teardown);
}
