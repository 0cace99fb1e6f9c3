/*
 * A real API server on a loop thread of its own, for client-side tests (see api-fixture.h).
 */
#include <pthread.h>
#include <unistd.h>

#include <event2/event.h>
#include <event2/thread.h>

#include "base/compat.h"

#include "api/apiserver.h"
#include "base/mem.h"
#include "base/time.h"
#include "store/etcd.h"
#include "support/api-fixture.h"
#include "support/https-client.h"
#include "support/tmpdir.h"

#define API_WAIT_S 30

__attribute__((noreturn)) static void api_fail(const char *what, struct ck_error *err)
{
	fprintf(stderr, "api fixture: %s: %s\n", what, err ? err->msg : "failed");
	ck_error_free(err);
	CK_BUG("cannot run the test's API server");
}

struct api_call {
	struct ck_test_api *a;
	void (*fn)(void *arg);
	void *arg;
	bool done;
};

static void api_call_cb(evutil_socket_t fd, short what, void *p)
{
	struct api_call *c = p;

	(void)fd, (void)what;
	c->fn(c->arg);
	pthread_mutex_lock(&c->a->mu);
	c->done = true;
	pthread_cond_broadcast(&c->a->cv);
	pthread_mutex_unlock(&c->a->mu);
}

void ck_test_api_run(struct ck_test_api *a, void (*fn)(void *arg), void *arg)
{
	struct api_call c = {.a = a, .fn = fn, .arg = arg};
	struct timeval now = {0, 0};
	struct timespec dl;

	if (event_base_once(a->base, -1, EV_TIMEOUT, api_call_cb, &c, &now) != 0)
		api_fail("event_base_once", NULL);
	clock_gettime(CLOCK_REALTIME, &dl);
	dl.tv_sec += API_WAIT_S;
	pthread_mutex_lock(&a->mu);
	while (!c.done)
		if (pthread_cond_timedwait(&a->cv, &a->mu, &dl) != 0)
			break;
	pthread_mutex_unlock(&a->mu);
	if (!c.done)
		api_fail("the server loop did not run a call in time", NULL);
}

static void *api_loop_main(void *arg)
{
	struct ck_test_api *a = arg;

	event_base_loop(a->base, EVLOOP_NO_EXIT_ON_EMPTY);
	return NULL;
}

static void server_start_on_loop(void *arg)
{
	struct ck_test_api *a = arg;
	struct ck_error *err = NULL;
	struct ck_apiserver_config ac = {
	        .address = "127.0.0.1",
	        .port = a->port,
	        .ssl_ctx = a->server_ctx,
	        .etcd = a->ec,
	};

	if (ck_apiserver_new(a->base, &ac, &a->api, &err) < 0)
		api_fail("ck_apiserver_new", err);
	a->port = ck_apiserver_port(a->api);
	snprintf(a->url, sizeof(a->url), "https://127.0.0.1:%u", a->port);
}

static void server_stop_on_loop(void *arg)
{
	struct ck_test_api *a = arg;

	ck_apiserver_free(a->api);
	a->api = NULL;
}

void ck_test_api_server_stop(struct ck_test_api *a)
{
	ck_test_api_run(a, server_stop_on_loop, a);
}

void ck_test_api_server_start(struct ck_test_api *a)
{
	ck_test_api_run(a, server_start_on_loop, a);
	ck_test_api_wait_ready(a);
}

struct ck_test_api *ck_test_api_start(const char *what)
{
	/* Quiet prefixes catch up with etcd's revision through progress notifications. */
	static const char *const extra[] = {"--experimental-watch-progress-notify-interval=100ms",
	                                    NULL};
	struct ck_test_etcd_opts eo = {.what = what, .extra_args = extra};
	struct ck_test_api *a = ck_xcalloc(1, sizeof(*a));
	struct ck_error *err = NULL;

	evthread_use_pthreads();
	pthread_mutex_init(&a->mu, NULL);
	pthread_cond_init(&a->cv, NULL);
	a->dir = ck_test_tmpdir(what);
	if (ck_pki_ensure(a->dir, NULL, &a->pki, &err) < 0)
		api_fail("ck_pki_ensure", err);
	a->server_ctx = ck_pki_server_ctx_new(a->pki->ca.cert_pem, a->pki->serving.cert_pem,
	                                      a->pki->serving.key_pem, &err);
	if (!a->server_ctx)
		api_fail("ck_pki_server_ctx_new", err);
	a->etcd = ck_test_etcd_start(&eo);
	a->base = event_base_new();
	if (!a->base)
		api_fail("event_base_new", NULL);
	struct ck_etcd_config ec = {.endpoints = a->etcd->endpoints};

	if (ck_etcd_new(a->base, &ec, &a->ec, &err) < 0)
		api_fail("ck_etcd_new", err);
	server_start_on_loop(a); /* the loop thread is not running yet */
	if (pthread_create(&a->thread, NULL, api_loop_main, a))
		api_fail("pthread_create", NULL);
	ck_test_api_wait_ready(a);
	return a;
}

static void free_on_loop(void *arg)
{
	struct ck_test_api *a = arg;

	ck_apiserver_free(a->api);
	a->api = NULL;
	ck_etcd_free(a->ec);
	a->ec = NULL;
	event_base_loopbreak(a->base);
}

void ck_test_api_free(struct ck_test_api *a)
{
	if (!a)
		return;
	ck_test_api_run(a, free_on_loop, a);
	pthread_join(a->thread, NULL);
	for (int i = 0; i < 4; i++)
		event_base_loop(a->base, EVLOOP_NONBLOCK);
	event_base_free(a->base);
	ck_test_etcd_free(a->etcd);
	SSL_CTX_free(a->server_ctx);
	ck_pki_free(a->pki);
	ck_test_rmtree(a->dir);
	free(a->dir);
	pthread_mutex_destroy(&a->mu);
	pthread_cond_destroy(&a->cv);
	free(a);
}

void ck_test_api_wait_ready(struct ck_test_api *a)
{
	int64_t deadline = ck_time_mono_ms() + API_WAIT_S * 1000;

	for (;;) {
		struct ck_test_https *c = ck_test_https_connect("127.0.0.1", a->port,
		                                                a->pki->ca.cert_pem, NULL, NULL);
		struct ck_test_response r;
		int st;

		ck_test_https_do(c, "GET", "/readyz", NULL, NULL, &r);
		ck_test_https_close(c);
		st = r.status;
		ck_test_response_release(&r);
		if (st == 200)
			return;
		if (ck_time_mono_ms() > deadline)
			api_fail("the API server did not become ready", NULL);
		usleep(20000); /* polling a condition, with a deadline */
	}
}

int ck_test_api_call(struct ck_test_api *a, const char *method, const char *target,
                     const char *json_body, char **out)
{
	struct ck_test_https *c =
	        ck_test_https_connect("127.0.0.1", a->port, a->pki->ca.cert_pem,
	                              a->pki->admin.cert_pem, a->pki->admin.key_pem);
	struct ck_test_response r;
	int st;

	ck_test_https_do(c, method, target, json_body ? "Content-Type: application/json" : NULL,
	                 json_body, &r);
	ck_test_https_close(c);
	st = r.status;
	if (out)
		*out = ck_xstrdup(r.body.data);
	ck_test_response_release(&r);
	return st;
}

struct etcd_put {
	struct ck_test_api *a;
	const char *key, *value;
	int64_t rev;
	bool done;
	struct ck_error *err;
};

static void etcd_put_done(struct ck_etcd_put_result *res, struct ck_error *err, void *arg)
{
	struct etcd_put *p = arg;

	pthread_mutex_lock(&p->a->mu);
	if (res)
		p->rev = res->header.revision;
	p->err = err;
	p->done = true;
	pthread_cond_broadcast(&p->a->cv);
	pthread_mutex_unlock(&p->a->mu);
	ck_etcd_put_result_free(res);
}

static void etcd_put_on_loop(void *arg)
{
	struct etcd_put *p = arg;
	struct ck_etcd_put_req req = {.key = p->key,
	                              .key_len = strlen(p->key),
	                              .value = p->value,
	                              .value_len = strlen(p->value)};
	struct ck_error *err = NULL;

	if (ck_etcd_put(p->a->ec, &req, etcd_put_done, p, &err) < 0)
		api_fail("ck_etcd_put", err);
}

int64_t ck_test_api_etcd_put(struct ck_test_api *a, const char *key, const char *value)
{
	struct etcd_put p = {.a = a, .key = key, .value = value};
	struct timespec dl;

	ck_test_api_run(a, etcd_put_on_loop, &p);
	clock_gettime(CLOCK_REALTIME, &dl);
	dl.tv_sec += API_WAIT_S;
	pthread_mutex_lock(&a->mu);
	while (!p.done)
		if (pthread_cond_timedwait(&a->cv, &a->mu, &dl) != 0)
			break;
	pthread_mutex_unlock(&a->mu);
	if (!p.done || p.err)
		api_fail("etcd put", p.err);
	return p.rev;
}
