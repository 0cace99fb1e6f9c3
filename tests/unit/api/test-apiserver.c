/*
 * The API server (src/api/apiserver.h) end to end in one process: a real etcd (the shared
 * fixture), a throwaway cluster PKI, and the server on its own event_base in a thread of
 * its own ("the loop"), driven over real TLS connections by clients that share no code with
 * it: the OpenSSL client in support/https-client.h on the test thread, and Debian's
 * /usr/bin/python3 with python3-kubernetes (the client library users run) in a subprocess.
 *
 * Covered: health and version for anonymous clients, 401/403 for the others, discovery
 * documents (reference §1.2), create/get/list/update/delete of ConfigMaps with Kubernetes'
 * status codes and messages (409 Conflict and AlreadyExists, 422 Invalid with causes, 404
 * for a missing namespace), label and field selectors, limit/continue, watches (synthetic
 * ADDED events, events after a revision, 410 Expired as an ERROR event, bookmarks,
 * timeoutSeconds), server-side Tables, patches, dryRun, status and generation, the
 * HTTP errors 400/405/413/415.
 *
 * Each test works in its own namespace. Nothing sleeps for a fixed time: conditions are
 * polled with a deadline (readiness) or read from streams with socket timeouts.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <pthread.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>
#include <event2/event.h>
#include <event2/thread.h>
#include <jansson.h>

#include "base/compat.h"

#include "api/apiserver.h"
#include "base/buf.h"
#include "base/json.h"
#include "base/log.h"
#include "base/mem.h"
#include "base/metrics.h"
#include "base/time.h"
#include "pki/pki.h"
#include "store/etcd.h"
#include "support/etcd-fixture.h"
#include "support/https-client.h"
#include "support/tmpdir.h"
#include "version.h"

#define WAIT_SECONDS 30

static struct {
	char *dir, *other_dir;
	struct ck_pki *pki, *other;
	SSL_CTX *server_ctx;
	struct ck_pki_pair bob; /* CN bob, O dev: authenticated, not a master */
	struct ck_test_etcd *etcd;
	struct event_base *base;
	struct ck_etcd *ec;
	struct ck_apiserver *api;
	uint16_t port;
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t cv;
} G;

/* ---- the loop thread ----------------------------------------------------------------- */

struct call {
	void (*fn)(void *arg);
	void *arg;
	bool done;
};

static void call_cb(evutil_socket_t fd, short what, void *p)
{
	struct call *c = p;

	(void)fd, (void)what;
	c->fn(c->arg);
	pthread_mutex_lock(&G.mu);
	c->done = true;
	pthread_cond_broadcast(&G.cv);
	pthread_mutex_unlock(&G.mu);
}

/* Run fn(arg) on the server's loop and wait for it to return. */
static void run_on_loop(void (*fn)(void *arg), void *arg)
{
	struct call c = {.fn = fn, .arg = arg};
	struct timeval now = {0, 0};
	struct timespec dl;

	assert_int_equal(event_base_once(G.base, -1, EV_TIMEOUT, call_cb, &c, &now), 0);
	clock_gettime(CLOCK_REALTIME, &dl);
	dl.tv_sec += WAIT_SECONDS;
	pthread_mutex_lock(&G.mu);
	while (!c.done)
		if (pthread_cond_timedwait(&G.cv, &G.mu, &dl) != 0)
			break;
	pthread_mutex_unlock(&G.mu);
	if (!c.done)
		fail_msg("the loop did not run a call in %d s", WAIT_SECONDS);
}

static void *loop_main(void *arg)
{
	(void)arg;
	event_base_loop(G.base, EVLOOP_NO_EXIT_ON_EMPTY);
	return NULL;
}

/* ---- clients ------------------------------------------------------------------------- */

enum who { ADMIN, ANON, BOB, OTHER_CA };

static struct ck_test_https *client_port(enum who who, uint16_t port)
{
	const char *cert = NULL, *key = NULL;

	if (who == ADMIN) {
		cert = G.pki->admin.cert_pem;
		key = G.pki->admin.key_pem;
	} else if (who == BOB) {
		cert = G.bob.cert_pem;
		key = G.bob.key_pem;
	} else if (who == OTHER_CA) {
		cert = G.other->admin.cert_pem;
		key = G.other->admin.key_pem;
	}
	return ck_test_https_connect("127.0.0.1", port, G.pki->ca.cert_pem, cert, key);
}

static struct ck_test_https *client(enum who who)
{
	return client_port(who, G.port);
}

#define JSON_CT "Content-Type: application/json"

/* One request on a fresh admin connection. */
static void call(const char *method, const char *target, const char *body,
                 struct ck_test_response *r)
{
	struct ck_test_https *c = client(ADMIN);

	ck_test_https_do(c, method, target, body ? JSON_CT : NULL, body, r);
	ck_test_https_close(c);
}

static const char *jpath(const struct ck_test_response *r, const char *path)
{
	const char *s = ck_json_path_str(r->json, path);

	return s ? s : "(null)";
}

/* A decimal string field as a number (the test fails on anything else). */
static int64_t jint(const struct ck_test_response *r, const char *path)
{
	int64_t v = 0;

	if (ck_str_to_int64(jpath(r, path), INT64_MIN, INT64_MAX, &v) < 0)
		fail_msg("%s is not a number: %s", path, jpath(r, path));
	return v;
}

/* A Status with this code, reason and message. */
static void expect_status(const struct ck_test_response *r, int code, const char *reason,
                          const char *message)
{
	char ct[128];

	if (r->status != code)
		fail_msg("expected %d, got %d: %s", code, r->status, r->body.data);
	assert_non_null(r->json);
	assert_string_equal(jpath(r, "kind"), "Status");
	assert_string_equal(jpath(r, "apiVersion"), "v1");
	assert_string_equal(jpath(r, "status"), "Failure");
	assert_int_equal(json_integer_value(json_object_get(r->json, "code")), code);
	assert_true(json_is_object(json_object_get(r->json, "metadata")));
	if (reason)
		assert_string_equal(jpath(r, "reason"), reason);
	if (message)
		assert_string_equal(jpath(r, "message"), message);
	assert_non_null(ck_test_response_header(r, "content-type", ct, sizeof(ct)));
	assert_string_equal(ct, "application/json");
}

static void expect_code(const struct ck_test_response *r, int code)
{
	if (r->status != code)
		fail_msg("expected %d, got %d: %s", code, r->status, r->body.data);
}

static void make_namespace(const char *name)
{
	struct ck_test_response r;
	char body[256];

	snprintf(body, sizeof(body), "{\"metadata\":{\"name\":\"%s\"}}", name);
	call("POST", "/api/v1/namespaces", body, &r);
	expect_code(&r, 201);
	ck_test_response_release(&r);
}

/* Create a ConfigMap; returns its resourceVersion. */
static int64_t make_cm(const char *ns, const char *name, const char *labels)
{
	struct ck_test_response r;
	char body[512], target[256];
	int64_t rv = 0;

	snprintf(body, sizeof(body),
	         "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"%s\""
	         ",\"labels\":%s},\"data\":{\"k\":\"v\"}}",
	         name, labels ? labels : "{}");
	snprintf(target, sizeof(target), "/api/v1/namespaces/%s/configmaps", ns);
	call("POST", target, body, &r);
	expect_code(&r, 201);
	assert_int_equal(ck_str_to_int64(jpath(&r, "metadata.resourceVersion"), 1, INT64_MAX, &rv),
	                 0);
	ck_test_response_release(&r);
	return rv;
}

static void wait_ready_port(uint16_t port)
{
	int64_t deadline = ck_time_mono_ms() + WAIT_SECONDS * 1000;

	for (;;) {
		struct ck_test_https *c = client_port(ANON, port);
		struct ck_test_response r;

		ck_test_https_do(c, "GET", "/readyz", NULL, NULL, &r);
		ck_test_https_close(c);
		int st = r.status;

		ck_test_response_release(&r);
		if (st == 200)
			return;
		if (ck_time_mono_ms() > deadline)
			fail_msg("the API server did not become ready");
		usleep(20000); /* polling a condition, with a deadline */
	}
}

/* ---- suite setup ----------------------------------------------------------------------- */

static void fatal(const char *what, struct ck_error *err)
{
	fprintf(stderr, "%s: %s\n", what, err ? err->msg : "failed");
	abort();
}

static int group_setup(void **state)
{
	/* Quiet prefixes catch up with etcd's revision through progress notifications. */
	static const char *const extra[] = {"--experimental-watch-progress-notify-interval=100ms",
	                                    NULL};
	struct ck_test_etcd_opts eo = {.what = "apiserver", .extra_args = extra};
	struct ck_error *err = NULL;
	static const char *const groups[] = {"dev", NULL};

	(void)state;
	evthread_use_pthreads();
	if (getenv("CK_TEST_DEBUG"))
		ck_log_set_level(CK_LOG_DEBUG);
	else
		ck_log_set_level(CK_LOG_WARN);
	pthread_mutex_init(&G.mu, NULL);
	pthread_cond_init(&G.cv, NULL);
	G.dir = ck_test_tmpdir("apiserver");
	G.other_dir = ck_test_tmpdir("apiserver-other");
	if (ck_pki_ensure(G.dir, NULL, &G.pki, &err) < 0 ||
	    ck_pki_ensure(G.other_dir, NULL, &G.other, &err) < 0)
		fatal("ck_pki_ensure", err);
	if (ck_pki_issue_client(G.pki, "bob", groups, 0, &G.bob, &err) < 0)
		fatal("ck_pki_issue_client", err);
	G.server_ctx = ck_pki_server_ctx_new(G.pki->ca.cert_pem, G.pki->serving.cert_pem,
	                                     G.pki->serving.key_pem, &err);
	if (!G.server_ctx)
		fatal("ck_pki_server_ctx_new", err);
	G.etcd = ck_test_etcd_start(&eo);
	G.base = event_base_new();
	struct ck_etcd_config ec = {.endpoints = G.etcd->endpoints};

	if (ck_etcd_new(G.base, &ec, &G.ec, &err) < 0)
		fatal("ck_etcd_new", err);
	struct ck_apiserver_config ac = {
	        .address = "127.0.0.1",
	        .ssl_ctx = G.server_ctx,
	        .etcd = G.ec,
	};

	if (ck_apiserver_new(G.base, &ac, &G.api, &err) < 0)
		fatal("ck_apiserver_new", err);
	G.port = ck_apiserver_port(G.api);
	if (pthread_create(&G.thread, NULL, loop_main, NULL))
		fatal("pthread_create", NULL);
	return 0;
}

static void free_on_loop(void *arg)
{
	(void)arg;
	ck_apiserver_free(G.api);
	G.api = NULL;
	ck_etcd_free(G.ec);
	G.ec = NULL;
	event_base_loopbreak(G.base);
}

static int group_teardown(void **state)
{
	(void)state;
	run_on_loop(free_on_loop, NULL);
	pthread_join(G.thread, NULL);
	for (int i = 0; i < 4; i++)
		event_base_loop(G.base, EVLOOP_NONBLOCK);
	event_base_free(G.base);
	ck_test_etcd_free(G.etcd);
	SSL_CTX_free(G.server_ctx);
	ck_pki_pair_release(&G.bob);
	ck_pki_free(G.pki);
	ck_pki_free(G.other);
	ck_test_rmtree(G.dir);
	ck_test_rmtree(G.other_dir);
	free(G.dir);
	free(G.other_dir);
	pthread_mutex_destroy(&G.mu);
	pthread_cond_destroy(&G.cv);
	libevent_global_shutdown();
	return 0;
}

/* ---- health, version, authentication ------------------------------------------------- */

static void test_ready(void **state)
{
	(void)state;
	wait_ready_port(G.port);
}

static void test_health_anonymous(void **state)
{
	struct ck_test_https *c = client(ANON);
	struct ck_test_response r;
	char ct[64];

	(void)state;
	ck_test_https_do(c, "GET", "/livez", NULL, NULL, &r);
	expect_code(&r, 200);
	assert_string_equal(r.body.data, "ok");
	assert_string_equal(ck_test_response_header(&r, "content-type", ct, sizeof(ct)),
	                    "text/plain; charset=utf-8");
	ck_test_response_release(&r);
	ck_test_https_do(c, "GET", "/readyz?verbose", NULL, NULL, &r);
	expect_code(&r, 200);
	assert_non_null(strstr(r.body.data, "[+]etcd ok\n"));
	assert_non_null(strstr(r.body.data, "[+]informer-sync ok\n"));
	assert_true(ck_str_has_suffix(r.body.data, "readyz check passed\n"));
	ck_test_response_release(&r);
	ck_test_https_do(c, "GET", "/healthz", NULL, NULL, &r);
	expect_code(&r, 200);
	ck_test_response_release(&r);
	ck_test_https_do(c, "GET", "/version", NULL, NULL, &r);
	expect_code(&r, 200);
	assert_string_equal(jpath(&r, "gitVersion"), ck_kube_version);
	assert_string_equal(jpath(&r, "major"), "1");
	ck_test_response_release(&r);

	/* K8S: anonymous is system:anonymous, which may read nothing else: 403. */
	ck_test_https_do(c, "GET", "/api", NULL, NULL, &r);
	expect_status(&r, 403, "Forbidden",
	              "forbidden: User \"system:anonymous\" cannot get path \"/api\"");
	ck_test_response_release(&r);
	ck_test_https_do(c, "GET", "/api/v1/namespaces/default/configmaps", NULL, NULL, &r);
	expect_status(&r, 403, "Forbidden",
	              "configmaps is forbidden: User \"system:anonymous\" cannot list resource "
	              "\"configmaps\" in API group \"\" in the namespace \"default\"");
	ck_test_response_release(&r);
	ck_test_https_do(c, "GET", "/livez/etcd", NULL, NULL, &r);
	expect_status(&r, 403, "Forbidden", NULL);
	ck_test_response_release(&r);
	ck_test_https_close(c);
}

static void test_auth_rejected_and_forbidden(void **state)
{
	struct ck_test_https *c = client(OTHER_CA);
	struct ck_test_response r;

	(void)state;
	/* K8S: a certificate of another CA fails authentication: 401, even on /livez. */
	ck_test_https_do(c, "GET", "/api", NULL, NULL, &r);
	expect_status(&r, 401, "Unauthorized", "Unauthorized");
	ck_test_response_release(&r);
	ck_test_https_close(c);

	c = client(BOB);
	/* K8S: system:discovery lets any authenticated user read discovery... */
	ck_test_https_do(c, "GET", "/api/v1", NULL, NULL, &r);
	expect_code(&r, 200);
	ck_test_response_release(&r);
	/* ...but nothing else without authorization (later issues). */
	ck_test_https_do(c, "GET", "/apis/apps/v1/deployments", NULL, NULL, &r);
	expect_status(&r, 403, "Forbidden",
	              "deployments.apps is forbidden: User \"bob\" cannot list resource "
	              "\"deployments\" in API group \"apps\" at the cluster scope");
	assert_string_equal(jpath(&r, "details.kind"), "deployments");
	assert_string_equal(jpath(&r, "details.group"), "apps");
	ck_test_response_release(&r);
	ck_test_https_do(c, "DELETE", "/api/v1/nodes/n1", NULL, NULL, &r);
	expect_status(&r, 403, "Forbidden",
	              "nodes \"n1\" is forbidden: User \"bob\" cannot delete resource \"nodes\" in "
	              "API group \"\" at the cluster scope");
	ck_test_response_release(&r);
	ck_test_https_close(c);
}

/* ---- discovery ----------------------------------------------------------------------------- */

static json_t *find_named(json_t *arr, const char *key, const char *name)
{
	size_t i;
	json_t *e;

	json_array_foreach(arr, i, e)
	{
		if (!strcmp(json_string_value(json_object_get(e, key)) ?: "", name))
			return e;
	}
	return NULL;
}

static void test_discovery(void **state)
{
	struct ck_test_response r;
	json_t *e;
	char ct[64];

	(void)state;
	call("GET", "/api", NULL, &r);
	expect_code(&r, 200);
	assert_string_equal(jpath(&r, "kind"), "APIVersions");
	assert_string_equal(
	        json_string_value(json_array_get(json_object_get(r.json, "versions"), 0)), "v1");
	assert_int_equal(json_array_size(json_object_get(r.json, "serverAddressByClientCIDRs")), 1);
	ck_test_response_release(&r);

	call("GET", "/apis", NULL, &r);
	expect_code(&r, 200);
	assert_string_equal(jpath(&r, "kind"), "APIGroupList");
	assert_string_equal(jpath(&r, "apiVersion"), "v1");
	e = find_named(json_object_get(r.json, "groups"), "name", "apps");
	assert_non_null(e);
	assert_string_equal(ck_json_path_str(e, "preferredVersion.groupVersion"), "apps/v1");
	assert_non_null(find_named(json_object_get(r.json, "groups"), "name", "policy"));
	assert_non_null(
	        find_named(json_object_get(r.json, "groups"), "name", "coordination.k8s.io"));
	ck_test_response_release(&r);

	call("GET", "/api/v1", NULL, &r);
	expect_code(&r, 200);
	assert_string_equal(jpath(&r, "kind"), "APIResourceList");
	assert_string_equal(jpath(&r, "groupVersion"), "v1");
	e = find_named(json_object_get(r.json, "resources"), "name", "configmaps");
	assert_non_null(e);
	assert_true(json_is_true(json_object_get(e, "namespaced")));
	assert_string_equal(ck_json_path_str(e, "kind"), "ConfigMap");
	assert_string_equal(json_string_value(json_array_get(json_object_get(e, "shortNames"), 0)),
	                    "cm");
	assert_int_equal(json_array_size(json_object_get(e, "verbs")), 8);
	e = find_named(json_object_get(r.json, "resources"), "name", "pods");
	assert_string_equal(json_string_value(json_array_get(json_object_get(e, "categories"), 0)),
	                    "all");
	e = find_named(json_object_get(r.json, "resources"), "name", "pods/status");
	assert_non_null(e);
	assert_int_equal(json_array_size(json_object_get(e, "verbs")), 3);
	e = find_named(json_object_get(r.json, "resources"), "name", "namespaces");
	assert_false(json_is_true(json_object_get(e, "namespaced")));
	/* K8S: drain (kubectl >= 1.32) evicts only when pods/eviction names policy/v1. */
	e = find_named(json_object_get(r.json, "resources"), "name", "pods/eviction");
	assert_non_null(e);
	assert_string_equal(json_string_value(json_object_get(e, "group")), "policy");
	assert_string_equal(json_string_value(json_object_get(e, "version")), "v1");
	ck_test_response_release(&r);

	call("GET", "/apis/apps/v1", NULL, &r);
	expect_code(&r, 200);
	assert_string_equal(jpath(&r, "apiVersion"), "v1");
	assert_string_equal(jpath(&r, "groupVersion"), "apps/v1");
	e = find_named(json_object_get(r.json, "resources"), "name", "deployments");
	assert_string_equal(json_string_value(json_array_get(json_object_get(e, "shortNames"), 0)),
	                    "deploy");
	ck_test_response_release(&r);

	call("GET", "/apis/policy", NULL, &r);
	expect_code(&r, 200);
	assert_string_equal(jpath(&r, "kind"), "APIGroup");
	assert_string_equal(jpath(&r, "preferredVersion.version"), "v1");
	ck_test_response_release(&r);

	call("GET", "/apis/nope/v1", NULL, &r);
	expect_status(&r, 404, "NotFound", "the server could not find the requested resource");
	ck_test_response_release(&r);

	/*
	 * K8S (reference §2): kubectl 1.20's Accept gets the gnostic protobuf Document as
	 * application/octet-stream ({1: swagger "2.0"} first); the contents are
	 * tests/unit/api/test-openapi.c's.
	 */
	{
		static const char accept[] =
		        "Accept: application/com.github.proto-openapi.spec.v2@v1.0+protobuf";
		static const char head[] = {0x0a, 0x03, '2', '.', '0'};
		struct ck_test_https *c = client(ADMIN);

		ck_test_https_do(c, "GET", "/openapi/v2", accept, NULL, &r);
		ck_test_https_close(c);
		expect_code(&r, 200);
		assert_true(r.body.len > sizeof(head) && !memcmp(r.body.data, head, sizeof(head)));
	}
	assert_string_equal(ck_test_response_header(&r, "content-type", ct, sizeof(ct)),
	                    "application/octet-stream");
	ck_test_response_release(&r);
}

/* ---- CRUD ------------------------------------------------------------------------------------ */

static bool is_uuid_v4(const char *s)
{
	if (strlen(s) != 36 || s[8] != '-' || s[13] != '-' || s[18] != '-' || s[23] != '-')
		return false;
	return s[14] == '4' && strchr("89ab", s[19]);
}

static void test_crud_configmap(void **state)
{
	struct ck_test_response r;
	struct timespec ts;
	int64_t rv1, rv2, listrv;
	char body[512];

	(void)state;
	make_namespace("crud");
	call("POST", "/api/v1/namespaces/crud/configmaps",
	     "{\"metadata\":{\"name\":\"c1\",\"resourceVersion\":\"12345\"},\"data\":{\"a\":\"b\"}"
	     "}",
	     &r);
	expect_code(&r, 201);
	/* Python sends no kind/apiVersion: the URL says what it is. */
	assert_string_equal(jpath(&r, "kind"), "ConfigMap");
	assert_string_equal(jpath(&r, "apiVersion"), "v1");
	assert_string_equal(jpath(&r, "metadata.namespace"), "crud");
	assert_true(is_uuid_v4(jpath(&r, "metadata.uid")));
	assert_int_equal(ck_time_parse_rfc3339(jpath(&r, "metadata.creationTimestamp"), &ts, NULL),
	                 0);
	assert_int_equal(ck_str_to_int64(jpath(&r, "metadata.resourceVersion"), 1, INT64_MAX, &rv1),
	                 0);
	assert_true(rv1 != 12345);
	/* The reply is the stored bytes with resourceVersion spliced in: as a GET reads them. */
	char *created = ck_xstrdup(r.body.data);
	ck_test_response_release(&r);

	call("GET", "/api/v1/namespaces/crud/configmaps/c1", NULL, &r);
	expect_code(&r, 200);
	assert_int_equal(jint(&r, "metadata.resourceVersion"), rv1);
	assert_string_equal(jpath(&r, "data.a"), "b");
	assert_string_equal(r.body.data, created);
	free(created);
	ck_test_response_release(&r);

	/* From the cache with resourceVersion=0. */
	call("GET", "/api/v1/namespaces/crud/configmaps/c1?resourceVersion=0", NULL, &r);
	expect_code(&r, 200);
	assert_string_equal(jpath(&r, "metadata.name"), "c1");
	ck_test_response_release(&r);

	call("GET", "/api/v1/namespaces/crud/configmaps", NULL, &r);
	expect_code(&r, 200);
	assert_string_equal(jpath(&r, "kind"), "ConfigMapList");
	assert_string_equal(jpath(&r, "apiVersion"), "v1");
	listrv = jint(&r, "metadata.resourceVersion");
	assert_true(listrv >= rv1);
	assert_int_equal(json_array_size(json_object_get(r.json, "items")), 1);
	ck_test_response_release(&r);

	/* Update with the current resourceVersion. */
	snprintf(body, sizeof(body),
	         "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"c1\","
	         "\"resourceVersion\":\"%" PRId64 "\"},\"data\":{\"a\":\"c\"}}",
	         rv1);
	call("PUT", "/api/v1/namespaces/crud/configmaps/c1", body, &r);
	expect_code(&r, 200);
	rv2 = jint(&r, "metadata.resourceVersion");
	assert_true(rv2 > rv1);
	assert_string_equal(jpath(&r, "data.a"), "c");
	ck_test_response_release(&r);

	/* K8S: the stale one is 409 Conflict with the optimistic-lock message. */
	call("PUT", "/api/v1/namespaces/crud/configmaps/c1", body, &r);
	expect_status(&r, 409, "Conflict",
	              "Operation cannot be fulfilled on configmaps \"c1\": the object has been "
	              "modified; please apply your changes to the latest version and try again");
	assert_string_equal(jpath(&r, "details.name"), "c1");
	assert_string_equal(jpath(&r, "details.kind"), "configmaps");
	ck_test_response_release(&r);

	/* Unconditional update (no resourceVersion) of a kind that allows it. */
	call("PUT", "/api/v1/namespaces/crud/configmaps/c1",
	     "{\"metadata\":{\"name\":\"c1\"},\"data\":{\"a\":\"d\"}}", &r);
	expect_code(&r, 200);
	assert_true(jint(&r, "metadata.resourceVersion") > rv2);
	ck_test_response_release(&r);

	call("POST", "/api/v1/namespaces/crud/configmaps", "{\"metadata\":{\"name\":\"c1\"}}", &r);
	expect_status(&r, 409, "AlreadyExists", "configmaps \"c1\" already exists");
	ck_test_response_release(&r);

	call("PUT", "/api/v1/namespaces/crud/configmaps/c1", "{\"metadata\":{\"name\":\"other\"}}",
	     &r);
	expect_status(&r, 400, "BadRequest",
	              "the name of the object (other) does not match the name on the URL (c1)");
	ck_test_response_release(&r);

	call("PUT", "/api/v1/namespaces/crud/configmaps/missing",
	     "{\"metadata\":{\"name\":\"missing\"}}", &r);
	expect_status(&r, 404, "NotFound", "configmaps \"missing\" not found");
	ck_test_response_release(&r);

	/* K8S: configmaps are not ReturnDeletedObject: a Status of Success. */
	call("DELETE", "/api/v1/namespaces/crud/configmaps/c1", NULL, &r);
	expect_code(&r, 200);
	assert_string_equal(jpath(&r, "kind"), "Status");
	assert_string_equal(jpath(&r, "status"), "Success");
	assert_string_equal(jpath(&r, "details.name"), "c1");
	assert_string_equal(jpath(&r, "details.kind"), "configmaps");
	ck_test_response_release(&r);

	call("GET", "/api/v1/namespaces/crud/configmaps/c1", NULL, &r);
	expect_status(&r, 404, "NotFound", "configmaps \"c1\" not found");
	assert_string_equal(jpath(&r, "details.name"), "c1");
	ck_test_response_release(&r);
	call("DELETE", "/api/v1/namespaces/crud/configmaps/c1", NULL, &r);
	expect_status(&r, 404, "NotFound", "configmaps \"c1\" not found");
	ck_test_response_release(&r);

	/* Empty list: items is [], never null. */
	call("GET", "/api/v1/namespaces/crud/configmaps?resourceVersion=0", NULL, &r);
	expect_code(&r, 200);
	assert_true(json_is_array(json_object_get(r.json, "items")));
	assert_int_equal(json_array_size(json_object_get(r.json, "items")), 0);
	ck_test_response_release(&r);
}

static void test_delete_preconditions(void **state)
{
	struct ck_test_response r;
	int64_t rv;
	char body[256];

	(void)state;
	make_namespace("pre");
	rv = make_cm("pre", "p1", NULL);
	call("DELETE", "/api/v1/namespaces/pre/configmaps/p1",
	     "{\"preconditions\":{\"uid\":\"not-the-uid\"}}", &r);
	expect_code(&r, 409);
	assert_string_equal(jpath(&r, "reason"), "Conflict");
	assert_non_null(strstr(jpath(&r, "message"),
	                       "Precondition failed: UID in precondition: not-the-uid"));
	ck_test_response_release(&r);
	snprintf(body, sizeof(body),
	         "{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\",\"preconditions\":"
	         "{\"resourceVersion\":\"%" PRId64 "\"}}",
	         rv);
	call("DELETE", "/api/v1/namespaces/pre/configmaps/p1", body, &r);
	expect_code(&r, 200);
	ck_test_response_release(&r);
}

static void test_create_validation(void **state)
{
	struct ck_test_response r;
	json_t *cause;
	char name[128];

	(void)state;
	make_namespace("val");
	/* K8S: 422 Invalid, one cause per message, field metadata.name. */
	call("POST", "/api/v1/namespaces/val/configmaps", "{\"metadata\":{\"name\":\"Bad_Name\"}}",
	     &r);
	expect_status(&r, 422, "Invalid", NULL);
	assert_true(ck_str_has_prefix(
	        jpath(&r, "message"),
	        "ConfigMap \"Bad_Name\" is invalid: metadata.name: Invalid value: "
	        "\"Bad_Name\": a lowercase RFC 1123 subdomain must consist of"));
	assert_string_equal(jpath(&r, "details.name"), "Bad_Name");
	assert_string_equal(jpath(&r, "details.kind"), "ConfigMap");
	cause = json_array_get(ck_json_path(r.json, "details.causes"), 0);
	assert_non_null(cause);
	assert_string_equal(ck_json_path_str(cause, "field"), "metadata.name");
	assert_string_equal(ck_json_path_str(cause, "reason"), "FieldValueInvalid");
	assert_true(ck_str_has_prefix(ck_json_path_str(cause, "message"),
	                              "Invalid value: \"Bad_Name\": a lowercase RFC 1123"));
	ck_test_response_release(&r);

	call("POST", "/api/v1/namespaces/val/configmaps", "{\"data\":{}}", &r);
	expect_status(&r, 422, "Invalid",
	              "ConfigMap \"\" is invalid: metadata.name: Required value: name or "
	              "generateName is required");
	ck_test_response_release(&r);

	call("POST", "/api/v1/namespaces/val/configmaps",
	     "{\"metadata\":{\"name\":\"l\",\"labels\":{\"bad key!\":\"v\"}}}", &r);
	expect_status(&r, 422, "Invalid", NULL);
	assert_string_equal(
	        ck_json_path_str(json_array_get(ck_json_path(r.json, "details.causes"), 0),
	                         "field"),
	        "metadata.labels");
	ck_test_response_release(&r);

	/* generateName: five characters from Kubernetes' alphabet after the prefix. */
	call("POST", "/api/v1/namespaces/val/configmaps",
	     "{\"metadata\":{\"generateName\":\"gen-\"}}", &r);
	expect_code(&r, 201);
	snprintf(name, sizeof(name), "%s", jpath(&r, "metadata.name"));
	assert_int_equal(strlen(name), 9);
	assert_true(ck_str_has_prefix(name, "gen-"));
	assert_int_equal(strspn(name + 4, "bcdfghjklmnpqrstvwxz2456789"), 5);
	ck_test_response_release(&r);

	/* K8S: NamespaceLifecycle: `namespaces "nope" not found`. */
	call("POST", "/api/v1/namespaces/nope/configmaps", "{\"metadata\":{\"name\":\"x\"}}", &r);
	expect_status(&r, 404, "NotFound", "namespaces \"nope\" not found");
	assert_string_equal(jpath(&r, "details.kind"), "namespaces");
	assert_string_equal(jpath(&r, "details.name"), "nope");
	ck_test_response_release(&r);

	call("POST", "/api/v1/namespaces/val/configmaps",
	     "{\"metadata\":{\"name\":\"x\",\"namespace\":\"other\"}}", &r);
	expect_status(&r, 400, "BadRequest",
	              "the namespace of the provided object does not match the namespace sent on "
	              "the request");
	ck_test_response_release(&r);

	call("POST", "/api/v1/namespaces/val/configmaps", "{\"metadata\":", &r);
	expect_status(&r, 400, "BadRequest", NULL);
	assert_true(ck_str_has_prefix(
	        jpath(&r, "message"),
	        "the object provided is unrecognized (must be of type ConfigMap)"));
	ck_test_response_release(&r);

	call("POST", "/api/v1/namespaces/val/configmaps",
	     "{\"kind\":\"Secret\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"x\"}}", &r);
	expect_status(&r, 400, "BadRequest", NULL);
	assert_true(ck_str_has_prefix(jpath(&r, "message"),
	                              "Secret in version \"v1\" cannot be handled as a ConfigMap"));
	ck_test_response_release(&r);

	call("POST", "/apis/apps/v1/namespaces/val/deployments",
	     "{\"kind\":\"Deployment\",\"apiVersion\":\"apps/"
	     "v1beta1\",\"metadata\":{\"name\":\"x\"}}",
	     &r);
	expect_status(&r, 400, "BadRequest",
	              "the API version in the data (apps/v1beta1) does not match the expected API "
	              "version (apps/v1)");
	ck_test_response_release(&r);

	/* K8S (reference §6): a Deployment without an image. */
	call("POST", "/apis/apps/v1/namespaces/val/deployments",
	     "{\"metadata\":{\"name\":\"x\"},\"spec\":{\"selector\":{\"matchLabels\":{\"a\":\"b\"}}"
	     ","
	     "\"template\":{\"metadata\":{\"labels\":{\"a\":\"b\"}},\"spec\":{\"containers\":"
	     "[{\"name\":\"c\"}]}}}}",
	     &r);
	expect_status(&r, 422, "Invalid",
	              "Deployment.apps \"x\" is invalid: spec.template.spec.containers[0].image: "
	              "Required value");
	assert_string_equal(jpath(&r, "details.group"), "apps");
	assert_string_equal(jpath(&r, "details.kind"), "Deployment");
	ck_test_response_release(&r);

	/* dryRun=All validates and answers, but stores nothing. */
	call("POST", "/api/v1/namespaces/val/configmaps?dryRun=All",
	     "{\"metadata\":{\"name\":\"dry\"}}", &r);
	expect_code(&r, 201);
	ck_test_response_release(&r);
	call("GET", "/api/v1/namespaces/val/configmaps/dry", NULL, &r);
	expect_code(&r, 404);
	ck_test_response_release(&r);
}

static void test_http_errors(void **state)
{
	struct ck_test_https *c = client(ADMIN);
	struct ck_test_response r;
	size_t big = (3u << 20) + 10;
	char *body;

	(void)state;
	make_namespace("errs");
	ck_test_https_do(c, "POST", "/api/v1/namespaces/errs/configmaps",
	                 "Content-Type: text/plain", "{}", &r);
	expect_status(&r, 415, "UnsupportedMediaType", NULL);
	ck_test_response_release(&r);
	ck_test_https_do(c, "POST", "/api/v1/namespaces/errs/configmaps",
	                 "Content-Type: application/json; charset=utf-8",
	                 "{\"metadata\":{\"name\":\"ct\"}}", &r);
	expect_code(&r, 201);
	ck_test_response_release(&r);
	ck_test_https_do(c, "PATCH", "/api/v1/namespaces/errs/configmaps/ct", JSON_CT, "{}", &r);
	expect_status(&r, 415, "UnsupportedMediaType", NULL);
	ck_test_response_release(&r);
	/* A route without the method. */
	ck_test_https_do(c, "PUT", "/api/v1/namespaces/errs/configmaps", JSON_CT, "{}", &r);
	expect_status(&r, 405, "MethodNotAllowed",
	              "the server does not allow this method on the requested resource");
	ck_test_response_release(&r);
	/* A verb the kind does not have. */
	ck_test_https_do(c, "DELETE", "/api/v1/namespaces/errs/services", NULL, NULL, &r);
	expect_status(&r, 405, "MethodNotAllowed",
	              "deletecollection is not supported on resources of kind \"services\"");
	ck_test_response_release(&r);
	ck_test_https_do(c, "GET", "/api/v1/namespaces/errs/foos", NULL, NULL, &r);
	expect_status(&r, 404, "NotFound", "the server could not find the requested resource");
	ck_test_response_release(&r);
	ck_test_https_do(c, "GET", "/api/v1/namespaces/errs/configmaps/ct/status", NULL, NULL, &r);
	expect_status(&r, 404, "NotFound", NULL);
	ck_test_response_release(&r);
	ck_test_https_do(c, "GET", "/api/v1/namespaces/errs/configmaps?labelSelector=a%20in", NULL,
	                 NULL, &r);
	expect_status(&r, 400, "BadRequest", NULL);
	ck_test_response_release(&r);
	ck_test_https_close(c);

	/* K8S: bodies over 3 MiB are 413, shaped as a Status by the API's formatter. */
	c = client(ADMIN);
	body = ck_xmalloc(big);
	memset(body, ' ', big);
	body[0] = '{';
	body[big - 1] = '}';
	ck_test_https_send(c, "POST", "/api/v1/namespaces/errs/configmaps", JSON_CT, body, big);
	free(body);
	ck_test_https_response(c, &r);
	expect_status(&r, 413, "RequestEntityTooLarge", NULL);
	ck_test_response_release(&r);
	ck_test_https_close(c);
}

/* ---- selectors and paging ---------------------------------------------------------------- */

static size_t count_items(const char *target)
{
	struct ck_test_response r;
	size_t n;

	call("GET", target, NULL, &r);
	expect_code(&r, 200);
	n = json_array_size(json_object_get(r.json, "items"));
	ck_test_response_release(&r);
	return n;
}

static void test_selectors(void **state)
{
	struct ck_test_response r;

	(void)state;
	make_namespace("sel");
	make_cm("sel", "a", "{\"app\":\"web\",\"tier\":\"front\"}");
	make_cm("sel", "b", "{\"app\":\"web\",\"tier\":\"back\"}");
	make_cm("sel", "c", "{\"app\":\"db\"}");
	assert_int_equal(count_items("/api/v1/namespaces/sel/configmaps?labelSelector=app%3Dweb"),
	                 2);
	assert_int_equal(
	        count_items("/api/v1/namespaces/sel/configmaps?labelSelector=app%21%3Dweb"), 1);
	assert_int_equal(
	        count_items("/api/v1/namespaces/sel/configmaps?labelSelector=tier+in+(front,x)"),
	        1);
	assert_int_equal(count_items("/api/v1/namespaces/sel/configmaps?labelSelector=%21tier"), 1);
	assert_int_equal(
	        count_items("/api/v1/namespaces/sel/configmaps?fieldSelector=metadata.name%3Db"),
	        1);
	assert_int_equal(
	        count_items("/api/v1/namespaces/sel/configmaps?fieldSelector=metadata.name%21%3Db"),
	        2);
	/* All namespaces, restricted by metadata.namespace. */
	assert_int_equal(
	        count_items("/api/v1/"
	                    "configmaps?fieldSelector=metadata.namespace%3Dsel&resourceVersion=0"),
	        3);

	/* K8S: DefaultMetaV1FieldSelectorConversion's message for kinds without their own. */
	call("GET", "/api/v1/namespaces/sel/configmaps?fieldSelector=spec.foo%3Dbar", NULL, &r);
	expect_status(&r, 400, "BadRequest",
	              "\"spec.foo\" is not a known field selector: only \"metadata.name\", "
	              "\"metadata.namespace\"");
	ck_test_response_release(&r);
	call("GET", "/api/v1/pods?fieldSelector=spec.bogus%3Dx", NULL, &r);
	expect_status(&r, 400, "BadRequest", "field label not supported: spec.bogus");
	ck_test_response_release(&r);

	/* Pods by node, and the always-printed boolean spec.hostNetwork. */
	call("POST", "/api/v1/namespaces/sel/pods",
	     "{\"metadata\":{\"name\":\"p1\"},\"spec\":{\"nodeName\":\"n1\",\"containers\":"
	     "[{\"name\":\"c\",\"image\":\"busybox\"}]}}",
	     &r);
	expect_code(&r, 201);
	assert_string_equal(jpath(&r, "status.phase"), "Pending");
	assert_string_equal(jpath(&r, "spec.restartPolicy"), "Always");
	ck_test_response_release(&r);
	call("POST", "/api/v1/namespaces/sel/pods",
	     "{\"metadata\":{\"name\":\"p2\"},\"spec\":{\"nodeName\":\"n2\",\"containers\":"
	     "[{\"name\":\"c\",\"image\":\"busybox\"}]}}",
	     &r);
	expect_code(&r, 201);
	ck_test_response_release(&r);
	assert_int_equal(count_items("/api/v1/pods?fieldSelector=spec.nodeName%3Dn1"), 1);
	assert_int_equal(
	        count_items("/api/v1/namespaces/sel/pods?fieldSelector=spec.hostNetwork%3Dfalse,"
	                    "status.phase%21%3DFailed"),
	        2);
}

static void test_pagination(void **state)
{
	struct ck_test_response r;
	char target[1024], names[8][16], cont[512];
	size_t got = 0;
	int64_t rv = 0;

	(void)state;
	make_namespace("page");
	for (int i = 0; i < 5; i++) {
		char n[16];

		snprintf(n, sizeof(n), "p%d", i);
		make_cm("page", n, NULL);
	}
	snprintf(target, sizeof(target), "/api/v1/namespaces/page/configmaps?limit=2");
	for (int page = 0;; page++) {
		json_t *items;
		size_t i;
		json_t *it;

		call("GET", target, NULL, &r);
		expect_code(&r, 200);
		items = json_object_get(r.json, "items");
		assert_true(json_array_size(items) <= 2);
		if (page == 0)
			rv = jint(&r, "metadata.resourceVersion");
		else
			assert_int_equal(jint(&r, "metadata.resourceVersion"), rv);
		json_array_foreach(items, i, it)
		{
			assert_true(got < 8);
			snprintf(names[got++], sizeof(names[0]), "%s",
			         ck_json_path_str(it, "metadata.name"));
		}
		const char *c = ck_json_path_str(r.json, "metadata.continue");

		if (!c) {
			ck_test_response_release(&r);
			break;
		}
		assert_true(page < 4);
		snprintf(cont, sizeof(cont), "%s", c);
		ck_test_response_release(&r);
		snprintf(target, sizeof(target),
		         "/api/v1/namespaces/page/configmaps?limit=2&continue=%s", cont);
	}
	assert_int_equal(got, 5);
	for (size_t i = 0; i < got; i++) {
		char want[24];

		snprintf(want, sizeof(want), "p%zu", i);
		assert_string_equal(names[i], want);
	}
	call("GET", "/api/v1/namespaces/page/configmaps?limit=2&continue=garbage!", NULL, &r);
	expect_status(&r, 400, "BadRequest", NULL);
	assert_true(ck_str_has_prefix(jpath(&r, "message"), "invalid continue token"));
	ck_test_response_release(&r);
}

/* ---- watch ----------------------------------------------------------------------------------- */

struct watch {
	struct ck_test_https *c;
	struct ck_test_response head;
	struct ck_buf line;
};

static void watch_open(struct watch *w, const char *target, const char *headers)
{
	w->c = client(ADMIN);
	ck_test_https_send(w->c, "GET", target, headers, NULL, 0);
	assert_true(ck_test_https_read_head(w->c, &w->head));
	expect_code(&w->head, 200);
	assert_true(w->head.chunked);
	ck_buf_init(&w->line, 0);
}

/* The next event: its type and object (owned by the caller), or false at the end. */
static bool watch_next(struct watch *w, char *type, size_t size, json_t **obj)
{
	json_t *ev;

	if (!ck_test_https_read_line(w->c, &w->line))
		return false;
	ev = json_loadb(w->line.data, w->line.len, 0, NULL);
	assert_non_null(ev);
	snprintf(type, size, "%s", json_string_value(json_object_get(ev, "type")));
	*obj = json_incref(json_object_get(ev, "object"));
	json_decref(ev);
	return true;
}

static void expect_event(struct watch *w, const char *type, const char *name)
{
	char t[32];
	json_t *obj = NULL;

	if (!watch_next(w, t, sizeof(t), &obj))
		fail_msg("watch ended, expected %s %s", type, name);
	assert_string_equal(t, type);
	if (name)
		assert_string_equal(ck_json_path_str(obj, "metadata.name"), name);
	json_decref(obj);
}

static void watch_close(struct watch *w)
{
	ck_test_https_close(w->c);
	ck_test_response_release(&w->head);
	ck_buf_release(&w->line);
}

static void test_watch_events(void **state)
{
	struct ck_test_response r;
	struct watch w;
	char t[32];
	json_t *obj;

	(void)state;
	make_namespace("wat");
	make_cm("wat", "a", NULL);
	/* Python sends watch=True: Go's ParseBool. Synthetic ADDED for what exists. */
	watch_open(&w, "/api/v1/namespaces/wat/configmaps?watch=True&resourceVersion=0", NULL);
	expect_event(&w, "ADDED", "a");
	make_cm("wat", "b", "{\"x\":\"1\"}");
	expect_event(&w, "ADDED", "b");
	call("PUT", "/api/v1/namespaces/wat/configmaps/b",
	     "{\"metadata\":{\"name\":\"b\"},\"data\":{\"k\":\"changed\"}}", &r);
	expect_code(&r, 200);
	ck_test_response_release(&r);
	expect_event(&w, "MODIFIED", "b");
	call("DELETE", "/api/v1/namespaces/wat/configmaps/b", NULL, &r);
	expect_code(&r, 200);
	ck_test_response_release(&r);
	assert_true(watch_next(&w, t, sizeof(t), &obj));
	assert_string_equal(t, "DELETED");
	assert_string_equal(ck_json_path_str(obj, "data.k"), "changed");
	json_decref(obj);
	watch_close(&w);

	/* A selector: only matching objects, and a change out of it is DELETED. */
	watch_open(&w, "/api/v1/namespaces/wat/configmaps?watch=1&labelSelector=x%3D1", NULL);
	make_cm("wat", "c", "{\"x\":\"1\"}");
	make_cm("wat", "d", "{\"x\":\"2\"}");
	expect_event(&w, "ADDED", "c");
	call("PUT", "/api/v1/namespaces/wat/configmaps/c",
	     "{\"metadata\":{\"name\":\"c\",\"labels\":{\"x\":\"3\"}}}", &r);
	expect_code(&r, 200);
	ck_test_response_release(&r);
	expect_event(&w, "DELETED", "c");
	watch_close(&w);

	/* timeoutSeconds ends the stream cleanly (Python's stream(timeout_seconds=...)). */
	watch_open(&w, "/api/v1/namespaces/wat/configmaps?watch=true&timeoutSeconds=1", NULL);
	expect_event(&w, "ADDED", "a");
	expect_event(&w, "ADDED", "c");
	expect_event(&w, "ADDED", "d");
	assert_false(watch_next(&w, t, sizeof(t), &obj));
	watch_close(&w);

	/* A single object through the legacy /watch/ path. */
	watch_open(&w, "/api/v1/watch/namespaces/wat/configmaps/d?timeoutSeconds=1", NULL);
	expect_event(&w, "ADDED", "d");
	assert_false(watch_next(&w, t, sizeof(t), &obj));
	watch_close(&w);
}

/* ---- /metrics --------------------------------------------------------------------------- */

/* A scrape by client who: the response (released by the caller). */
static void scrape_as(enum who who, struct ck_test_response *r)
{
	struct ck_test_https *c = client(who);

	ck_test_https_do(c, "GET", "/metrics", NULL, NULL, r);
	ck_test_https_close(c);
}

/*
 * A line check of the text format 0.0.4: every line "# HELP name text", "# TYPE name
 * counter|gauge|histogram", or "name[{label="value",...}] number" with a valid name and a
 * number strtod reads whole (or +Inf, -Inf, NaN); a final newline.
 */
static void check_exposition(const char *text)
{
	ck_autofree char *copy = ck_xstrdup(text);
	char *line = copy, *nl;

	assert_true(ck_str_has_suffix(text, "\n"));
	for (; *line; line = nl + 1) {
		const char *rest, *sp, *val;
		char name[256];
		size_t n;

		nl = strchr(line, '\n');
		*nl = '\0';
		if (ck_str_skip_prefix(line, "# HELP ", &rest) ||
		    ck_str_skip_prefix(line, "# TYPE ", &rest)) {
			sp = strchr(rest, ' ');
			assert_non_null(sp);
			n = (size_t)(sp - rest);
			assert_true(n < sizeof(name));
			memcpy(name, rest, n);
			name[n] = '\0';
			assert_true(ck_metrics_name_valid(name));
			if (line[2] == 'T')
				assert_true(!strcmp(sp + 1, "counter") ||
				            !strcmp(sp + 1, "gauge") ||
				            !strcmp(sp + 1, "histogram"));
			continue;
		}
		n = strcspn(line, "{ ");
		assert_true(n > 0 && n < sizeof(name));
		memcpy(name, line, n);
		name[n] = '\0';
		if (!ck_metrics_name_valid(name))
			fail_msg("bad metric name in: %s", line);
		if (line[n] == '{') {
			/* Label values may hold '}' and ' ': find the brace after the last quote. */
			const char *q = strrchr(line, '"');

			assert_non_null(q);
			assert_int_equal(q[1], '}');
			val = q + 2;
		} else {
			val = line + n;
		}
		if (*val != ' ')
			fail_msg("no value in: %s", line);
		val++;
		if (strcmp(val, "+Inf") && strcmp(val, "-Inf") && strcmp(val, "NaN")) {
			char *end;

			strtod(val, &end);
			if (!*val || *end)
				fail_msg("bad value in: %s", line);
		}
	}
}

/* The value of the series written exactly as series ("name{...}"), or 0 when absent. */
static double series_value(const char *text, const char *series)
{
	size_t n = strlen(series);

	for (const char *p = text; (p = strstr(p, series)) != NULL; p += n) {
		if ((p == text || p[-1] == '\n') && p[n] == ' ')
			return strtod(p + n + 1, NULL);
	}
	return 0;
}

static double scrape_value(const char *series)
{
	struct ck_test_response r;
	double v;

	scrape_as(ADMIN, &r);
	expect_code(&r, 200);
	v = series_value(r.body.data, series);
	ck_test_response_release(&r);
	return v;
}

/* Poll the scrape until series has the value want (a server-side end is asynchronous). */
static void wait_value(const char *series, double want)
{
	int64_t deadline = ck_time_mono_ms() + WAIT_SECONDS * 1000;
	double v;

	while ((v = scrape_value(series)) != want) {
		if (ck_time_mono_ms() > deadline)
			fail_msg("%s is %g, expected %g", series, v, want);
		usleep(20000); /* polling a condition, with a deadline */
	}
}

#define REQ_LABELS(code, scope, verb)                                                              \
	"{code=\"" code                                                                            \
	"\",component=\"apiserver\",dry_run=\"\",group=\"\",resource=\"configmaps\","              \
	"scope=\"" scope "\",subresource=\"\",verb=\"" verb "\",version=\"v1\"}"
#define LAT_LABELS(scope, verb)                                                                    \
	"{component=\"apiserver\",dry_run=\"\",group=\"\",resource=\"configmaps\",scope=\"" scope  \
	"\",subresource=\"\",verb=\"" verb "\",version=\"v1\"}"

/*
 * GET /metrics (DESIGN.md §3): kube-apiserver's series with its exact labels for a create,
 * a get, a 404, a list, a watch and a health check; the watch gauges while a watch is
 * open and after it ends; etcd latencies; process metrics; 403 for anyone but
 * system:masters.
 */
static void test_metrics(void **state)
{
	static const char *const counted[] = {
	        "apiserver_request_total" REQ_LABELS("201", "resource", "POST"),
	        "apiserver_request_total" REQ_LABELS("200", "resource", "GET"),
	        "apiserver_request_total" REQ_LABELS("404", "resource", "GET"),
	        "apiserver_request_total" REQ_LABELS("200", "namespace", "LIST"),
	        "apiserver_request_total" REQ_LABELS("200", "namespace", "WATCH"),
	        "apiserver_request_duration_seconds_count" LAT_LABELS("resource", "POST"),
	        "apiserver_request_duration_seconds_count" LAT_LABELS("resource", "GET"),
	        "apiserver_request_duration_seconds_count" LAT_LABELS("namespace", "LIST"),
	        "apiserver_request_duration_seconds_count" LAT_LABELS("namespace", "WATCH"),
	        /* K8S: healthz: subresource is the path, scope and component empty. */
	        "apiserver_request_total{code=\"200\",component=\"\",dry_run=\"\",group=\"\","
	        "resource=\"\",scope=\"\",subresource=\"/healthz\",verb=\"GET\",version=\"\"}",
	        "etcd_request_duration_seconds_count{operation=\"create\",type=\"configmaps\"}",
	};
	/* The change each scrape must show, in the order above. */
	static const double want[] = {1, 1, 1, 1, 1, 1, 2, 1, 1, 1, -1};
	static const char watchers[] =
	        "apiserver_registered_watchers{group=\"\",kind=\"ConfigMap\",version=\"v1\"}";
	static const char longrunning[] =
	        "apiserver_longrunning_requests{component=\"apiserver\",group=\"\","
	        "resource=\"configmaps\",scope=\"namespace\",subresource=\"\",verb=\"WATCH\","
	        "version=\"v1\"}";
	struct ck_test_response r, before;
	struct watch w;
	char ct[128];

	(void)state;
	make_namespace("met");
	scrape_as(ADMIN, &before);
	expect_code(&before, 200);

	make_cm("met", "a", NULL);
	call("GET", "/api/v1/namespaces/met/configmaps/a", NULL, &r);
	expect_code(&r, 200);
	ck_test_response_release(&r);
	call("GET", "/api/v1/namespaces/met/configmaps/nope", NULL, &r);
	expect_code(&r, 404);
	ck_test_response_release(&r);
	call("GET", "/api/v1/namespaces/met/configmaps", NULL, &r);
	expect_code(&r, 200);
	ck_test_response_release(&r);
	{
		struct ck_test_https *c = client(ANON);

		ck_test_https_do(c, "GET", "/healthz", NULL, NULL, &r);
		ck_test_https_close(c);
		expect_code(&r, 200);
		ck_test_response_release(&r);
	}

	/* K8S: registered_watchers and longrunning count the watch while it is open. */
	watch_open(&w, "/api/v1/namespaces/met/configmaps?watch=1&resourceVersion=0", NULL);
	expect_event(&w, "ADDED", "a");
	assert_true(scrape_value(watchers) == 1);
	assert_true(scrape_value(longrunning) == 1);
	watch_close(&w); /* the client goes away: every end path uncounts */
	wait_value(watchers, 0);
	wait_value(longrunning, 0);

	scrape_as(ADMIN, &r);
	expect_code(&r, 200);
	assert_non_null(ck_test_response_header(&r, "content-type", ct, sizeof(ct)));
	assert_string_equal(ct, "text/plain; version=0.0.4; charset=utf-8");
	check_exposition(r.body.data);
	for (size_t i = 0; i < CK_ARRAY_SIZE(counted); i++) {
		double d = series_value(r.body.data, counted[i]) -
		           series_value(before.body.data, counted[i]);

		if (want[i] >= 0 ? d != want[i] : d <= 0)
			fail_msg("%s changed by %g, expected %g", counted[i], d, want[i]);
	}
	/* HELP and TYPE as kube-apiserver writes them. */
	assert_non_null(strstr(r.body.data, "# TYPE apiserver_request_total counter\n"));
	assert_non_null(
	        strstr(r.body.data, "# TYPE apiserver_request_duration_seconds histogram\n"));
	/* A histogram's buckets: labels in name order, "le" last (Prometheus' Go client). */
	assert_true(
	        series_value(r.body.data,
	                     "apiserver_request_duration_seconds_bucket{component=\"apiserver\","
	                     "dry_run=\"\",group=\"\",resource=\"configmaps\",scope=\"resource\","
	                     "subresource=\"\",verb=\"POST\",version=\"v1\",le=\"+Inf\"}") ==
	        series_value(r.body.data, "apiserver_request_duration_seconds_count" LAT_LABELS(
	                                          "resource", "POST")));
	assert_true(series_value(r.body.data, "process_resident_memory_bytes") > 0);
	assert_true(series_value(r.body.data, "process_start_time_seconds") > 1e9);
	/* K8S: /metrics itself is not instrumented. */
	assert_null(strstr(r.body.data, "subresource=\"/metrics\""));
	ck_test_response_release(&r);
	ck_test_response_release(&before);

	/* K8S: a non-resource URL only system:masters may read by default. */
	scrape_as(ANON, &r);
	expect_status(&r, 403, "Forbidden",
	              "forbidden: User \"system:anonymous\" cannot get path \"/metrics\"");
	ck_test_response_release(&r);
	scrape_as(BOB, &r);
	expect_status(&r, 403, "Forbidden", "forbidden: User \"bob\" cannot get path \"/metrics\"");
	ck_test_response_release(&r);
}

static void test_watch_from_revision(void **state)
{
	struct ck_test_response r;
	struct watch w;
	char target[256];
	int64_t rv;

	(void)state;
	make_namespace("watrv");
	rv = make_cm("watrv", "a", NULL);
	for (int i = 0; i < 2; i++) {
		char body[128];

		snprintf(body, sizeof(body),
		         "{\"metadata\":{\"name\":\"a\"},\"data\":{\"n\":\"%d\"}}", i);
		call("PUT", "/api/v1/namespaces/watrv/configmaps/a", body, &r);
		expect_code(&r, 200);
		ck_test_response_release(&r);
	}
	make_cm("watrv", "b", NULL);
	/* Everything after rv, in order, and no synthetic ADDED for "a". */
	snprintf(target, sizeof(target),
	         "/api/v1/namespaces/watrv/configmaps?watch=1&resourceVersion=%" PRId64, rv);
	watch_open(&w, target, NULL);
	expect_event(&w, "MODIFIED", "a");
	expect_event(&w, "MODIFIED", "a");
	expect_event(&w, "ADDED", "b");
	watch_close(&w);
}

struct second {
	struct ck_apiserver *api;
	uint16_t port;
};

static void second_start(void *arg)
{
	struct second *s = arg;
	struct ck_error *err = NULL;
	struct ck_apiserver_config ac = {
	        .address = "127.0.0.1", .ssl_ctx = G.server_ctx, .etcd = G.ec};

	if (ck_apiserver_new(G.base, &ac, &s->api, &err) < 0)
		fatal("second ck_apiserver_new", err);
	s->port = ck_apiserver_port(s->api);
}

static void second_stop(void *arg)
{
	ck_apiserver_free(((struct second *)arg)->api);
}

/*
 * A second API server on the same etcd (the HA topology): it serves what the first one
 * wrote, and its fresh watch caches cannot replay revision 1: 410 Expired as an ERROR
 * event (reference §4).
 */
static void test_watch_expired_on_second_server(void **state)
{
	struct second s = {0};
	struct ck_test_https *c;
	struct ck_test_response r;
	char t[32];
	json_t *obj = NULL;

	(void)state;
	make_namespace("ha");
	make_cm("ha", "shared", NULL);
	run_on_loop(second_start, &s);
	wait_ready_port(s.port);
	c = client_port(ADMIN, s.port);
	ck_test_https_do(c, "GET", "/api/v1/namespaces/ha/configmaps/shared", NULL, NULL, &r);
	expect_code(&r, 200);
	ck_test_response_release(&r);

	ck_test_https_send(c, "GET", "/api/v1/namespaces/ha/configmaps?watch=1&resourceVersion=1",
	                   NULL, NULL, 0);
	assert_true(ck_test_https_read_head(c, &r));
	expect_code(&r, 200);
	ck_test_response_release(&r);
	struct watch w = {.c = c};

	ck_buf_init(&w.line, 0);
	assert_true(watch_next(&w, t, sizeof(t), &obj));
	assert_string_equal(t, "ERROR");
	assert_string_equal(ck_json_path_str(obj, "kind"), "Status");
	assert_string_equal(ck_json_path_str(obj, "reason"), "Expired");
	assert_int_equal(json_integer_value(json_object_get(obj, "code")), 410);
	assert_true(ck_str_has_prefix(ck_json_path_str(obj, "message"),
	                              "too old resource version: 1 ("));
	json_decref(obj);
	assert_false(watch_next(&w, t, sizeof(t), &obj));
	ck_buf_release(&w.line);
	ck_test_https_close(c);
	run_on_loop(second_stop, &s);
}

static void test_watch_list_bookmark(void **state)
{
	struct ck_test_response r;
	struct watch w;
	char t[32];
	json_t *obj = NULL;

	(void)state;
	make_namespace("wl");
	make_cm("wl", "one", NULL);
	/* K8S: watch-list ends its initial events with an annotated bookmark. */
	watch_open(&w,
	           "/api/v1/namespaces/wl/configmaps?watch=1&sendInitialEvents=true"
	           "&allowWatchBookmarks=true&resourceVersionMatch=NotOlderThan",
	           NULL);
	expect_event(&w, "ADDED", "one");
	assert_true(watch_next(&w, t, sizeof(t), &obj));
	assert_string_equal(t, "BOOKMARK");
	assert_string_equal(ck_json_path_str(obj, "kind"), "ConfigMap");
	/* (The key holds dots: look it up, not along a dotted path.) */
	assert_string_equal(
	        json_string_value(json_object_get(ck_json_path(obj, "metadata.annotations"),
	                                          "k8s.io/initial-events-end")),
	        "true");
	json_decref(obj);
	watch_close(&w);

	call("GET", "/api/v1/namespaces/wl/configmaps?watch=1&sendInitialEvents=true", NULL, &r);
	expect_status(&r, 422, "Invalid",
	              "ListOptions.meta.k8s.io \"\" is invalid: resourceVersionMatch: Forbidden: "
	              "sendInitialEvents requires setting resourceVersionMatch to NotOlderThan");
	ck_test_response_release(&r);
	call("GET", "/api/v1/namespaces/wl/configmaps?watch=maybe", NULL, &r);
	expect_status(&r, 400, "BadRequest",
	              "strconv.ParseBool: parsing \"maybe\": invalid syntax");
	ck_test_response_release(&r);
}

/* ---- Table ------------------------------------------------------------------------------------ */

#define TABLE_ACCEPT                                                                               \
	"Accept: "                                                                                 \
	"application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;"        \
	"g=meta.k8s.io,application/json"

static void test_table(void **state)
{
	struct ck_test_https *c = client(ADMIN);
	struct ck_test_response r;
	json_t *cols, *row;
	struct watch w;
	char t[32];
	json_t *obj = NULL;

	(void)state;
	make_namespace("tbl");
	make_cm("tbl", "t1", "{\"app\":\"web\"}");
	ck_test_https_do(c, "GET", "/api/v1/namespaces/tbl/configmaps?limit=500", TABLE_ACCEPT,
	                 NULL, &r);
	expect_code(&r, 200);
	assert_string_equal(jpath(&r, "kind"), "Table");
	assert_string_equal(jpath(&r, "apiVersion"), "meta.k8s.io/v1");
	assert_true(jint(&r, "metadata.resourceVersion") > 0);
	cols = json_object_get(r.json, "columnDefinitions");
	assert_int_equal(json_array_size(cols), 3);
	assert_string_equal(ck_json_path_str(json_array_get(cols, 0), "name"), "Name");
	assert_string_equal(ck_json_path_str(json_array_get(cols, 0), "format"), "name");
	assert_string_equal(ck_json_path_str(json_array_get(cols, 1), "name"), "Data");
	row = json_array_get(json_object_get(r.json, "rows"), 0);
	assert_string_equal(json_string_value(json_array_get(json_object_get(row, "cells"), 0)),
	                    "t1");
	assert_int_equal(json_integer_value(json_array_get(json_object_get(row, "cells"), 1)), 1);
	assert_string_equal(ck_json_path_str(row, "object.kind"), "PartialObjectMetadata");
	assert_string_equal(ck_json_path_str(row, "object.apiVersion"), "meta.k8s.io/v1");
	assert_string_equal(ck_json_path_str(row, "object.metadata.namespace"), "tbl");
	assert_string_equal(ck_json_path_str(row, "object.metadata.labels.app"), "web");
	ck_test_response_release(&r);

	/* One object as a Table. */
	ck_test_https_do(c, "GET", "/api/v1/namespaces/tbl/configmaps/t1", TABLE_ACCEPT, NULL, &r);
	expect_code(&r, 200);
	assert_string_equal(jpath(&r, "kind"), "Table");
	assert_int_equal(json_array_size(json_object_get(r.json, "rows")), 1);
	ck_test_response_release(&r);

	/* Namespaces: STATUS Active from the namespace's prepare hook. */
	ck_test_https_do(c, "GET", "/api/v1/namespaces/tbl", TABLE_ACCEPT, NULL, &r);
	expect_code(&r, 200);
	row = json_array_get(json_object_get(r.json, "rows"), 0);
	assert_string_equal(json_string_value(json_array_get(json_object_get(row, "cells"), 1)),
	                    "Active");
	ck_test_response_release(&r);

	ck_test_https_do(c, "GET", "/api/v1/namespaces/tbl/configmaps",
	                 "Accept: application/vnd.kubernetes.protobuf", NULL, &r);
	expect_status(&r, 406, "NotAcceptable", NULL);
	ck_test_response_release(&r);
	ck_test_https_close(c);

	/* kubectl get -w: Table events, column definitions in the first only. */
	watch_open(&w, "/api/v1/namespaces/tbl/configmaps?watch=true&resourceVersion=0",
	           TABLE_ACCEPT);
	assert_true(watch_next(&w, t, sizeof(t), &obj));
	assert_string_equal(t, "ADDED");
	assert_string_equal(ck_json_path_str(obj, "kind"), "Table");
	assert_int_equal(json_array_size(json_object_get(obj, "columnDefinitions")), 3);
	json_decref(obj);
	make_cm("tbl", "t2", NULL);
	assert_true(watch_next(&w, t, sizeof(t), &obj));
	assert_int_equal(json_array_size(json_object_get(obj, "columnDefinitions")), 0);
	assert_string_equal(
	        json_string_value(json_array_get(
	                json_object_get(json_array_get(json_object_get(obj, "rows"), 0), "cells"),
	                0)),
	        "t2");
	json_decref(obj);
	watch_close(&w);
}

/* A list over 256 KiB is streamed in chunks as the client reads (no second full copy). */
static void test_large_list_streams(void **state)
{
	struct ck_test_https *c;
	struct ck_test_response r;
	char *big = ck_xmalloc(20001), *body = ck_xmalloc(21000), name[16];

	(void)state;
	make_namespace("big");
	memset(big, 'x', 20000);
	big[20000] = '\0';
	for (int i = 0; i < 30; i++) {
		snprintf(name, sizeof(name), "b%02d", i);
		snprintf(body, 21000, "{\"metadata\":{\"name\":\"%s\"},\"data\":{\"d\":\"%s\"}}",
		         name, big);
		call("POST", "/api/v1/namespaces/big/configmaps", body, &r);
		expect_code(&r, 201);
		ck_test_response_release(&r);
	}
	free(big);
	free(body);
	call("GET", "/api/v1/namespaces/big/configmaps", NULL, &r);
	expect_code(&r, 200);
	assert_true(r.chunked && r.complete);
	assert_non_null(r.json);
	assert_int_equal(json_array_size(json_object_get(r.json, "items")), 30);
	assert_string_equal(ck_json_path_str(json_array_get(json_object_get(r.json, "items"), 29),
	                                     "metadata.name"),
	                    "b29");
	ck_test_response_release(&r);
	c = client(ADMIN);
	ck_test_https_do(c, "GET", "/api/v1/namespaces/big/configmaps?limit=20", NULL, NULL, &r);
	expect_code(&r, 200);
	assert_int_equal(json_array_size(json_object_get(r.json, "items")), 20);
	assert_non_null(ck_json_path_str(r.json, "metadata.continue"));
	ck_test_response_release(&r);
	/* The connection is still usable after a streamed response. */
	ck_test_https_do(c, "GET", "/api/v1/namespaces/big/configmaps/b00", TABLE_ACCEPT, NULL, &r);
	expect_code(&r, 200);
	ck_test_response_release(&r);
	ck_test_https_close(c);
}

/*
 * A watcher that does not read: its stream is paused past 1 MiB queued, the cache queues
 * its events up to a bound, then ends it (K8S: cacheWatcher drops a watcher that cannot
 * keep up); the client sees the end, watches again from its last revision and misses
 * nothing.
 */
static void test_slow_watcher_is_cut(void **state)
{
	struct watch w;
	struct ck_test_response r;
	char *big = ck_xmalloc(100001), *body = ck_xmalloc(101000), name[16], t[32], target[256];
	const int n = 250;
	int seen = 0;
	int64_t last_rv = 0;
	json_t *obj = NULL;

	(void)state;
	make_namespace("slow");
	memset(big, 'y', 100000);
	big[100000] = '\0';
	watch_open(&w, "/api/v1/namespaces/slow/configmaps?watch=1", NULL);
	for (int i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "s%03d", i);
		snprintf(body, 101000, "{\"metadata\":{\"name\":\"%s\"},\"data\":{\"d\":\"%s\"}}",
		         name, big);
		call("POST", "/api/v1/namespaces/slow/configmaps", body, &r);
		expect_code(&r, 201);
		ck_test_response_release(&r);
	}
	free(big);
	free(body);
	while (watch_next(&w, t, sizeof(t), &obj)) {
		assert_string_equal(t, "ADDED");
		last_rv = strtoll(ck_json_path_str(obj, "metadata.resourceVersion"), NULL, 10);
		json_decref(obj);
		seen++;
	}
	watch_close(&w);
	assert_true(seen > 0);
	assert_true(seen < n);
	/*
	 * Watching again from the last revision seen delivers the rest, or, when the cache's
	 * ring (bounded in bytes: these events are large) no longer has them, 410 Expired,
	 * after which a list has everything (reference §4).
	 */
	snprintf(target, sizeof(target),
	         "/api/v1/namespaces/slow/configmaps?watch=1&resourceVersion=%" PRId64, last_rv);
	watch_open(&w, target, NULL);
	assert_true(watch_next(&w, t, sizeof(t), &obj));
	if (!strcmp(t, "ERROR")) {
		assert_int_equal(json_integer_value(json_object_get(obj, "code")), 410);
		assert_string_equal(ck_json_path_str(obj, "reason"), "Expired");
		assert_int_equal(
		        count_items("/api/v1/namespaces/slow/configmaps?resourceVersion=0"),
		        (size_t)n);
	} else {
		snprintf(name, sizeof(name), "s%03d", seen);
		assert_string_equal(t, "ADDED");
		assert_string_equal(ck_json_path_str(obj, "metadata.name"), name);
		for (int i = seen + 1; i < n; i++) {
			snprintf(name, sizeof(name), "s%03d", i);
			expect_event(&w, "ADDED", name);
		}
	}
	json_decref(obj);
	watch_close(&w);
}

static void test_pod_table_row(void **state)
{
	struct ck_test_https *c = client(ADMIN);
	struct ck_test_response r;
	json_t *cells;

	(void)state;
	make_namespace("podt");
	ck_test_https_do(c, "POST", "/api/v1/namespaces/podt/pods", JSON_CT,
	                 "{\"metadata\":{\"name\":\"web\"},\"spec\":{\"nodeName\":\"n1\","
	                 "\"containers\":[{\"name\":\"c\",\"image\":\"nginx:1.25\"}]}}",
	                 &r);
	expect_code(&r, 201);
	assert_string_equal(
	        ck_json_path_str(json_array_get(ck_json_path(r.json, "spec.containers"), 0),
	                         "imagePullPolicy"),
	        "IfNotPresent");
	assert_string_equal(jpath(&r, "status.qosClass"), "BestEffort");
	ck_test_response_release(&r);
	ck_test_https_do(c, "PUT", "/api/v1/namespaces/podt/pods/web/status", JSON_CT,
	                 "{\"metadata\":{\"name\":\"web\"},\"status\":{\"phase\":\"Running\","
	                 "\"podIPs\":[{\"ip\":\"10.0.0.5\"}],\"containerStatuses\":[{\"name\":"
	                 "\"c\",\"ready\":true,\"restartCount\":2,\"image\":\"nginx\",\"imageID\":"
	                 "\"\",\"state\":{\"running\":{}}}]}}",
	                 &r);
	expect_code(&r, 200);
	ck_test_response_release(&r);
	ck_test_https_do(c, "GET", "/api/v1/namespaces/podt/pods", TABLE_ACCEPT, NULL, &r);
	expect_code(&r, 200);
	assert_int_equal(json_array_size(json_object_get(r.json, "columnDefinitions")), 9);
	cells = json_object_get(json_array_get(json_object_get(r.json, "rows"), 0), "cells");
	assert_string_equal(json_string_value(json_array_get(cells, 0)), "web");
	assert_string_equal(json_string_value(json_array_get(cells, 1)), "1/1");
	assert_string_equal(json_string_value(json_array_get(cells, 2)), "Running");
	assert_string_equal(json_string_value(json_array_get(cells, 3)), "2");
	assert_string_equal(json_string_value(json_array_get(cells, 5)), "10.0.0.5");
	assert_string_equal(json_string_value(json_array_get(cells, 6)), "n1");
	assert_string_equal(json_string_value(json_array_get(cells, 7)), "<none>");
	ck_test_response_release(&r);
	ck_test_https_close(c);
}

/* ---- patch, status, generation ----------------------------------------------------------------- */

static void test_patch(void **state)
{
	struct ck_test_https *c = client(ADMIN);
	struct ck_test_response r;

	(void)state;
	make_namespace("pat");
	make_cm("pat", "p", NULL);
	ck_test_https_do(c, "PATCH", "/api/v1/namespaces/pat/configmaps/p",
	                 "Content-Type: application/merge-patch+json", "{\"data\":{\"m\":\"1\"}}",
	                 &r);
	expect_code(&r, 200);
	assert_string_equal(jpath(&r, "data.m"), "1");
	assert_string_equal(jpath(&r, "data.k"), "v");
	ck_test_response_release(&r);
	ck_test_https_do(c, "PATCH", "/api/v1/namespaces/pat/configmaps/p",
	                 "Content-Type: application/strategic-merge-patch+json",
	                 "{\"data\":{\"k\":null}}", &r);
	expect_code(&r, 200);
	assert_null(ck_json_path(r.json, "data.k"));
	ck_test_response_release(&r);
	ck_test_https_do(c, "PATCH", "/api/v1/namespaces/pat/configmaps/p",
	                 "Content-Type: application/json-patch+json",
	                 "[{\"op\":\"add\",\"path\":\"/data/j\",\"value\":\"2\"}]", &r);
	expect_code(&r, 200);
	assert_string_equal(jpath(&r, "data.j"), "2");
	ck_test_response_release(&r);
	/* A patch naming a stale resourceVersion is a precondition: 409. */
	ck_test_https_do(c, "PATCH", "/api/v1/namespaces/pat/configmaps/p",
	                 "Content-Type: application/merge-patch+json",
	                 "{\"metadata\":{\"resourceVersion\":\"1\"}}", &r);
	expect_status(&r, 409, "Conflict", NULL);
	ck_test_response_release(&r);
	ck_test_https_do(c, "PATCH", "/api/v1/namespaces/pat/configmaps/nope",
	                 "Content-Type: application/merge-patch+json", "{}", &r);
	expect_status(&r, 404, "NotFound", "configmaps \"nope\" not found");
	ck_test_response_release(&r);
	ck_test_https_close(c);
}

static void test_generation_and_status(void **state)
{
	struct ck_test_https *c = client(ADMIN);
	struct ck_test_response r;
	static const char dep[] =
	        "{\"metadata\":{\"name\":\"web\"},\"spec\":{\"replicas\":2,\"selector\":{"
	        "\"matchLabels\":{\"app\":\"web\"}},\"template\":{\"metadata\":{\"labels\":{"
	        "\"app\":"
	        "\"web\"}},\"spec\":{\"containers\":[{\"name\":\"nginx\",\"image\":\"nginx\"}]}}},"
	        "\"status\":{\"replicas\":99}}";

	(void)state;
	make_namespace("gen");
	ck_test_https_do(c, "POST", "/apis/apps/v1/namespaces/gen/deployments", JSON_CT, dep, &r);
	expect_code(&r, 201);
	assert_int_equal(json_integer_value(ck_json_path(r.json, "metadata.generation")), 1);
	/* Defaults, and a status the client may not set. */
	assert_string_equal(jpath(&r, "spec.strategy.type"), "RollingUpdate");
	assert_null(ck_json_path(r.json, "status.replicas"));
	ck_test_response_release(&r);

	ck_test_https_do(c, "PATCH", "/apis/apps/v1/namespaces/gen/deployments/web/status",
	                 "Content-Type: application/merge-patch+json",
	                 "{\"status\":{\"replicas\":2},\"spec\":{\"replicas\":7}}", &r);
	expect_code(&r, 200);
	assert_int_equal(json_integer_value(ck_json_path(r.json, "status.replicas")), 2);
	assert_int_equal(json_integer_value(ck_json_path(r.json, "spec.replicas")), 2);
	assert_int_equal(json_integer_value(ck_json_path(r.json, "metadata.generation")), 1);
	ck_test_response_release(&r);

	ck_test_https_do(c, "PATCH", "/apis/apps/v1/namespaces/gen/deployments/web",
	                 "Content-Type: application/strategic-merge-patch+json",
	                 "{\"spec\":{\"replicas\":3},\"status\":{\"replicas\":0}}", &r);
	expect_code(&r, 200);
	assert_int_equal(json_integer_value(ck_json_path(r.json, "metadata.generation")), 2);
	assert_int_equal(json_integer_value(ck_json_path(r.json, "status.replicas")), 2);
	ck_test_response_release(&r);

	/* A label change is not a spec change. */
	ck_test_https_do(c, "PATCH", "/apis/apps/v1/namespaces/gen/deployments/web",
	                 "Content-Type: application/merge-patch+json",
	                 "{\"metadata\":{\"labels\":{\"x\":\"y\"}}}", &r);
	expect_code(&r, 200);
	assert_int_equal(json_integer_value(ck_json_path(r.json, "metadata.generation")), 2);
	ck_test_response_release(&r);
	ck_test_https_close(c);
}

/* ---- subresources: eviction, binding, scale ------------------------------------------- */

#define MERGE_CT "Content-Type: application/merge-patch+json"

/* A pod bound to node (NULL: unbound), Running and Ready unless pending. */
static void make_pod(const char *ns, const char *name, const char *app, const char *node,
                     bool running)
{
	struct ck_test_response r;
	char body[768], target[256];

	snprintf(body, sizeof(body),
	         "{\"metadata\":{\"name\":\"%s\",\"labels\":{\"app\":\"%s\"}},\"spec\":{%s%s%s"
	         "\"containers\":[{\"name\":\"c\",\"image\":\"nginx\"}]}}",
	         name, app, node ? "\"nodeName\":\"" : "", node ? node : "", node ? "\"," : "");
	snprintf(target, sizeof(target), "/api/v1/namespaces/%s/pods", ns);
	call("POST", target, body, &r);
	expect_code(&r, 201);
	ck_test_response_release(&r);
	if (!running)
		return;
	/* What a node agent would report, through the status subresource. */
	struct ck_test_https *c = client(ADMIN);

	snprintf(target, sizeof(target), "/api/v1/namespaces/%s/pods/%s/status", ns, name);
	ck_test_https_do(c, "PATCH", target, MERGE_CT,
	                 "{\"status\":{\"phase\":\"Running\",\"conditions\":[{\"type\":\"Ready\","
	                 "\"status\":\"True\"}]}}",
	                 &r);
	expect_code(&r, 200);
	assert_string_equal(jpath(&r, "status.phase"), "Running");
	ck_test_response_release(&r);
	ck_test_https_close(c);
}

/* Set a budget's status as the disruption controller would. */
static void set_pdb_status(const char *ns, const char *name, int allowed, int gen)
{
	struct ck_test_response r;
	char body[256], target[256];

	snprintf(body, sizeof(body),
	         "{\"status\":{\"disruptionsAllowed\":%d,\"currentHealthy\":2,\"desiredHealthy\":"
	         "2,\"expectedPods\":3,\"observedGeneration\":%d}}",
	         allowed, gen);
	snprintf(target, sizeof(target),
	         "/apis/policy/v1/namespaces/%s/poddisruptionbudgets/%s/status", ns, name);
	struct ck_test_https *c = client(ADMIN);

	ck_test_https_do(c, "PATCH", target, MERGE_CT, body, &r);
	expect_code(&r, 200);
	assert_int_equal(json_integer_value(ck_json_path(r.json, "status.disruptionsAllowed")),
	                 allowed);
	ck_test_response_release(&r);
	ck_test_https_close(c);
}

/* A string field of the first cause of a Status. */
static const char *cause0(const struct ck_test_response *r, const char *key)
{
	json_t *c = json_array_get(ck_json_path(r->json, "details.causes"), 0);
	const char *s = json_string_value(json_object_get(c, key));

	return s ? s : "(null)";
}

static void evict_body(char *buf, size_t size, const char *av, const char *name)
{
	snprintf(buf, size,
	         "{\"kind\":\"Eviction\",\"apiVersion\":\"%s\",\"metadata\":{\"name\":\"%s\","
	         "\"namespace\":\"evict\",\"creationTimestamp\":null},\"deleteOptions\":{}}",
	         av, name);
}

enum pod_state { POD_GONE, POD_KEPT, POD_TERMINATING };

/*
 * Where an evicted pod stands. K8S: an eviction deletes gracefully: a pod on a node is
 * marked (deletionTimestamp, its terminationGracePeriodSeconds, 30 by default) for its
 * kubelet to stop; an unscheduled one is deleted at once.
 */
static enum pod_state pod_state(const char *ns, const char *name)
{
	struct ck_test_response r;
	char target[256];
	enum pod_state st = POD_GONE;

	snprintf(target, sizeof(target), "/api/v1/namespaces/%s/pods/%s", ns, name);
	call("GET", target, NULL, &r);
	if (r.status == 200) {
		st = POD_KEPT;
		if (ck_json_path(r.json, "metadata.deletionTimestamp")) {
			assert_int_equal(json_integer_value(ck_json_path(
			                         r.json, "metadata.deletionGracePeriodSeconds")),
			                 30);
			st = POD_TERMINATING;
		}
	} else {
		assert_int_equal(r.status, 404);
	}
	ck_test_response_release(&r);
	return st;
}

static void test_eviction(void **state)
{
	struct ck_test_response r, r2;
	char body[512];
	static const char pdb[] =
	        "{\"apiVersion\":\"policy/v1\",\"kind\":\"PodDisruptionBudget\",\"metadata\":{"
	        "\"name\":\"web-pdb\"},\"spec\":{\"minAvailable\":2,\"selector\":{\"matchLabels\":"
	        "{\"app\":\"web\"}}}}";

	(void)state;
	make_namespace("evict");
	make_pod("evict", "lone", "other", "n1", true);
	for (int i = 0; i < 4; i++) {
		char name[16];

		snprintf(name, sizeof(name), "web-%d", i);
		make_pod("evict", name, "web", "n1", true);
	}

	/* K8S: no budget covers the pod: it is deleted (gracefully: it is on a node), 201 Success. */
	evict_body(body, sizeof(body), "policy/v1", "lone");
	call("POST", "/api/v1/namespaces/evict/pods/lone/eviction", body, &r);
	expect_code(&r, 201);
	assert_string_equal(jpath(&r, "kind"), "Status");
	assert_string_equal(jpath(&r, "status"), "Success");
	assert_int_equal(json_integer_value(json_object_get(r.json, "code")), 201);
	ck_test_response_release(&r);
	assert_int_equal(pod_state("evict", "lone"), POD_TERMINATING);

	/* Body checks: the URL's name, the Eviction's group versions. */
	evict_body(body, sizeof(body), "policy/v1", "web-1");
	call("POST", "/api/v1/namespaces/evict/pods/web-0/eviction", body, &r);
	expect_status(&r, 400, "BadRequest", "name in URL does not match name in Eviction object");
	ck_test_response_release(&r);
	evict_body(body, sizeof(body), "v1", "web-0");
	call("POST", "/api/v1/namespaces/evict/pods/web-0/eviction", body, &r);
	expect_status(&r, 400, "BadRequest", NULL);
	ck_test_response_release(&r);
	evict_body(body, sizeof(body), "policy/v1", "nope");
	call("POST", "/api/v1/namespaces/evict/pods/nope/eviction", body, &r);
	expect_status(&r, 404, "NotFound", "pods \"nope\" not found");
	ck_test_response_release(&r);
	call("GET", "/api/v1/namespaces/evict/pods/web-0/eviction", NULL, &r);
	expect_code(&r, 405);
	ck_test_response_release(&r);

	/* K8S: a budget with no disruption allowed: 429 with the DisruptionBudget cause. */
	call("POST", "/apis/policy/v1/namespaces/evict/poddisruptionbudgets", pdb, &r);
	expect_code(&r, 201);
	ck_test_response_release(&r);
	set_pdb_status("evict", "web-pdb", 0, 1);
	evict_body(body, sizeof(body), "policy/v1", "web-0");
	call("POST", "/api/v1/namespaces/evict/pods/web-0/eviction", body, &r);
	expect_status(&r, 429, "TooManyRequests",
	              "Cannot evict pod as it would violate the pod's disruption budget.");
	assert_string_equal(cause0(&r, "reason"), "DisruptionBudget");
	assert_string_equal(
	        cause0(&r, "message"),
	        "The disruption budget web-pdb needs 2 healthy pods and has 2 currently");
	ck_test_response_release(&r);
	assert_int_equal(pod_state("evict", "web-0"), POD_KEPT);

	/* K8S: a status older than the budget's generation: 429 "still being processed". */
	set_pdb_status("evict", "web-pdb", 1, 0);
	call("POST", "/api/v1/namespaces/evict/pods/web-0/eviction", body, &r);
	expect_status(&r, 429, "TooManyRequests", NULL);
	assert_string_equal(
	        cause0(&r, "message"),
	        "The disruption budget web-pdb is still being processed by the server.");
	ck_test_response_release(&r);

	/* One disruption allowed, two evictions at once: exactly one passes. */
	set_pdb_status("evict", "web-pdb", 1, 1);
	struct ck_test_https *a = client(ADMIN), *b = client(ADMIN);
	char body2[512];

	evict_body(body, sizeof(body), "policy/v1", "web-1");
	evict_body(body2, sizeof(body2), "policy/v1beta1", "web-2");
	ck_test_https_send(a, "POST", "/api/v1/namespaces/evict/pods/web-1/eviction", JSON_CT, body,
	                   strlen(body));
	ck_test_https_send(b, "POST", "/api/v1/namespaces/evict/pods/web-2/eviction", JSON_CT,
	                   body2, strlen(body2));
	ck_test_https_response(a, &r);
	ck_test_https_response(b, &r2);
	ck_test_https_close(a);
	ck_test_https_close(b);
	if (!((r.status == 201 && r2.status == 429) || (r.status == 429 && r2.status == 201)))
		fail_msg("expected one 201 and one 429, got %d and %d", r.status, r2.status);
	const char *evicted = r.status == 201 ? "web-1" : "web-2";
	const char *kept = r.status == 201 ? "web-2" : "web-1";

	expect_status(r.status == 429 ? &r : &r2, 429, "TooManyRequests",
	              "Cannot evict pod as it would violate the pod's disruption budget.");
	ck_test_response_release(&r);
	ck_test_response_release(&r2);
	assert_int_equal(pod_state("evict", evicted), POD_TERMINATING);
	assert_int_equal(pod_state("evict", kept), POD_KEPT);
	call("GET", "/apis/policy/v1/namespaces/evict/poddisruptionbudgets/web-pdb", NULL, &r);
	expect_code(&r, 200);
	assert_int_equal(json_integer_value(ck_json_path(r.json, "status.disruptionsAllowed")), 0);
	assert_non_null(json_object_get(ck_json_path(r.json, "status.disruptedPods"), evicted));
	assert_null(json_object_get(ck_json_path(r.json, "status.disruptedPods"), kept));
	{
		json_t *c0 = json_array_get(ck_json_path(r.json, "status.conditions"), 0);

		assert_string_equal(json_string_value(json_object_get(c0, "type")),
		                    "DisruptionAllowed");
		assert_string_equal(json_string_value(json_object_get(c0, "status")), "False");
	}
	ck_test_response_release(&r);

	/* A policy/v1beta1 body, and the v1beta1 budget endpoint over the same storage. */
	call("GET", "/apis/policy/v1beta1/namespaces/evict/poddisruptionbudgets/web-pdb", NULL, &r);
	expect_code(&r, 200);
	ck_test_response_release(&r);
	set_pdb_status("evict", "web-pdb", 1, 1);
	evict_body(body, sizeof(body), "policy/v1beta1", "web-3");
	call("POST", "/api/v1/namespaces/evict/pods/web-3/eviction", body, &r);
	expect_code(&r, 201);
	ck_test_response_release(&r);
	assert_int_equal(pod_state("evict", "web-3"), POD_TERMINATING);

	/* deleteOptions.preconditions: a wrong uid is a 409 and the pod stays. */
	set_pdb_status("evict", "web-pdb", 1, 1);
	call("POST", "/api/v1/namespaces/evict/pods/web-0/eviction",
	     "{\"apiVersion\":\"policy/"
	     "v1\",\"kind\":\"Eviction\",\"metadata\":{\"name\":\"web-0\"},"
	     "\"deleteOptions\":{\"preconditions\":{\"uid\":\"nope\"}}}",
	     &r);
	expect_status(&r, 409, "Conflict", NULL);
	ck_test_response_release(&r);
	/* dryRun: nothing is written. */
	call("POST", "/api/v1/namespaces/evict/pods/web-0/eviction?dryRun=All",
	     "{\"apiVersion\":\"policy/"
	     "v1\",\"kind\":\"Eviction\",\"metadata\":{\"name\":\"web-0\"}}",
	     &r);
	expect_code(&r, 201);
	ck_test_response_release(&r);
	assert_int_equal(pod_state("evict", "web-0"), POD_KEPT);

	/* K8S: a Pending pod ignores its budgets. */
	set_pdb_status("evict", "web-pdb", 0, 1);
	make_pod("evict", "pending", "web", NULL, false);
	evict_body(body, sizeof(body), "policy/v1", "pending");
	call("POST", "/api/v1/namespaces/evict/pods/pending/eviction", body, &r);
	expect_code(&r, 201);
	ck_test_response_release(&r);
	assert_int_equal(pod_state("evict", "pending"), POD_GONE);

	/* K8S: two budgets over one pod: 500. */
	call("POST", "/apis/policy/v1/namespaces/evict/poddisruptionbudgets",
	     "{\"metadata\":{\"name\":\"second\"},\"spec\":{\"maxUnavailable\":1,\"selector\":{"
	     "\"matchExpressions\":[{\"key\":\"app\",\"operator\":\"In\",\"values\":[\"web\"]}]}}}",
	     &r);
	expect_code(&r, 201);
	ck_test_response_release(&r);
	evict_body(body, sizeof(body), "policy/v1", "web-0");
	call("POST", "/api/v1/namespaces/evict/pods/web-0/eviction", body, &r);
	expect_code(&r, 500);
	assert_string_equal(jpath(&r, "message"),
	                    "This pod has more than one PodDisruptionBudget, "
	                    "which the eviction subresource does not support.");
	ck_test_response_release(&r);
	assert_int_equal(pod_state("evict", "web-0"), POD_KEPT);
}

static void test_binding(void **state)
{
	struct ck_test_response r;
	static const char bind[] =
	        "{\"apiVersion\":\"v1\",\"kind\":\"Binding\",\"metadata\":{\"name\":\"p\"},"
	        "\"target\":{\"apiVersion\":\"v1\",\"kind\":\"Node\",\"name\":\"node-1\"}}";

	(void)state;
	make_namespace("bind");
	make_pod("bind", "p", "x", NULL, false);
	call("POST", "/api/v1/namespaces/bind/pods/p/binding", bind, &r);
	expect_code(&r, 201);
	assert_string_equal(jpath(&r, "status"), "Success");
	ck_test_response_release(&r);
	call("GET", "/api/v1/namespaces/bind/pods/p", NULL, &r);
	expect_code(&r, 200);
	assert_string_equal(jpath(&r, "spec.nodeName"), "node-1");
	ck_test_response_release(&r);
	/* K8S: setPodHostAndAnnotations: a bound pod cannot be bound again. */
	call("POST", "/api/v1/namespaces/bind/pods/p/binding", bind, &r);
	expect_status(&r, 409, "Conflict",
	              "Operation cannot be fulfilled on pods \"p\": pod p is already assigned to "
	              "node \"node-1\"");
	ck_test_response_release(&r);
	call("POST", "/api/v1/namespaces/bind/pods/p/binding",
	     "{\"metadata\":{\"name\":\"p\"},\"target\":{}}", &r);
	expect_status(&r, 422, "Invalid", NULL);
	ck_test_response_release(&r);
}

static void test_scale(void **state)
{
	struct ck_test_https *c = client(ADMIN);
	struct ck_test_response r;
	static const char dep[] =
	        "{\"metadata\":{\"name\":\"web\"},\"spec\":{\"replicas\":2,\"selector\":{"
	        "\"matchLabels\":{\"app\":\"web\"}},\"template\":{\"metadata\":{\"labels\":{"
	        "\"app\":\"web\"}},\"spec\":{\"containers\":[{\"name\":\"nginx\",\"image\":"
	        "\"nginx\"}]}}}}";
	char body[512];
	int64_t rv;

	(void)state;
	make_namespace("scale");
	ck_test_https_do(c, "POST", "/apis/apps/v1/namespaces/scale/deployments", JSON_CT, dep, &r);
	expect_code(&r, 201);
	ck_test_response_release(&r);

	ck_test_https_do(c, "GET", "/apis/apps/v1/namespaces/scale/deployments/web/scale", NULL,
	                 NULL, &r);
	expect_code(&r, 200);
	assert_string_equal(jpath(&r, "kind"), "Scale");
	assert_string_equal(jpath(&r, "apiVersion"), "autoscaling/v1");
	assert_int_equal(json_integer_value(ck_json_path(r.json, "spec.replicas")), 2);
	assert_int_equal(json_integer_value(ck_json_path(r.json, "status.replicas")), 0);
	assert_string_equal(jpath(&r, "status.selector"), "app=web");
	rv = jint(&r, "metadata.resourceVersion");
	ck_test_response_release(&r);

	/* kubectl 1.20 scale: a merge patch of the Scale (reference §5.3). */
	ck_test_https_do(c, "PATCH", "/apis/apps/v1/namespaces/scale/deployments/web/scale",
	                 MERGE_CT, "{\"spec\":{\"replicas\":5}}", &r);
	expect_code(&r, 200);
	assert_string_equal(jpath(&r, "kind"), "Scale");
	assert_int_equal(json_integer_value(ck_json_path(r.json, "spec.replicas")), 5);
	assert_true(jint(&r, "metadata.resourceVersion") > rv);
	ck_test_response_release(&r);
	ck_test_https_do(c, "GET", "/apis/apps/v1/namespaces/scale/deployments/web", NULL, NULL,
	                 &r);
	expect_code(&r, 200);
	assert_int_equal(json_integer_value(ck_json_path(r.json, "spec.replicas")), 5);
	assert_int_equal(json_integer_value(ck_json_path(r.json, "metadata.generation")), 2);
	int64_t cur = jint(&r, "metadata.resourceVersion");
	ck_test_response_release(&r);

	/* K8S: a PUT naming a stale resourceVersion is 409 Conflict. */
	snprintf(body, sizeof(body),
	         "{\"kind\":\"Scale\",\"apiVersion\":\"autoscaling/v1\",\"metadata\":{\"name\":"
	         "\"web\",\"namespace\":\"scale\",\"resourceVersion\":\"%" PRId64
	         "\"},\"spec\":{\"replicas\":1}}",
	         rv);
	ck_test_https_do(c, "PUT", "/apis/apps/v1/namespaces/scale/deployments/web/scale", JSON_CT,
	                 body, &r);
	expect_status(&r, 409, "Conflict",
	              "Operation cannot be fulfilled on deployments.apps \"web\": the object has "
	              "been modified; please apply your changes to the latest version and try "
	              "again");
	ck_test_response_release(&r);
	snprintf(body, sizeof(body),
	         "{\"kind\":\"Scale\",\"apiVersion\":\"autoscaling/v1\",\"metadata\":{\"name\":"
	         "\"web\",\"namespace\":\"scale\",\"resourceVersion\":\"%" PRId64
	         "\"},\"spec\":{\"replicas\":1}}",
	         cur);
	ck_test_https_do(c, "PUT", "/apis/apps/v1/namespaces/scale/deployments/web/scale", JSON_CT,
	                 body, &r);
	expect_code(&r, 200);
	assert_int_equal(json_integer_value(ck_json_path(r.json, "spec.replicas")), 1);
	ck_test_response_release(&r);
	/* K8S: ValidateScale. */
	ck_test_https_do(c, "PATCH", "/apis/apps/v1/namespaces/scale/deployments/web/scale",
	                 MERGE_CT, "{\"spec\":{\"replicas\":-1}}", &r);
	expect_status(&r, 422, "Invalid", NULL);
	ck_test_response_release(&r);
	/* Daemonsets have no scale; a missing deployment's scale is its 404. */
	ck_test_https_do(c, "GET", "/apis/apps/v1/namespaces/scale/daemonsets/x/scale", NULL, NULL,
	                 &r);
	expect_code(&r, 404);
	ck_test_response_release(&r);
	ck_test_https_do(c, "GET", "/apis/apps/v1/namespaces/scale/deployments/nope/scale", NULL,
	                 NULL, &r);
	expect_status(&r, 404, "NotFound", "deployments.apps \"nope\" not found");
	ck_test_response_release(&r);

	/* Discovery lists the subresources with their kinds' group versions. */
	ck_test_https_do(c, "GET", "/api/v1", NULL, NULL, &r);
	expect_code(&r, 200);
	{
		json_t *res = json_object_get(r.json, "resources"), *e;
		size_t i;
		bool evict = false, binding = false;

		json_array_foreach(res, i, e)
		{
			const char *n = json_string_value(json_object_get(e, "name"));

			if (!strcmp(n, "pods/eviction")) {
				evict = true;
				assert_string_equal(json_string_value(json_object_get(e, "group")),
				                    "policy");
				assert_string_equal(
				        json_string_value(json_object_get(e, "version")), "v1");
				assert_string_equal(json_string_value(json_object_get(e, "kind")),
				                    "Eviction");
			}
			binding |= !strcmp(n, "pods/binding");
		}
		assert_true(evict && binding);
	}
	ck_test_response_release(&r);
	ck_test_https_do(c, "GET", "/apis/policy", NULL, NULL, &r);
	expect_code(&r, 200);
	assert_string_equal(jpath(&r, "preferredVersion.version"), "v1");
	assert_string_equal(
	        json_string_value(json_object_get(
	                json_array_get(json_object_get(r.json, "versions"), 1), "version")),
	        "v1beta1");
	ck_test_response_release(&r);
	ck_test_https_close(c);
}

static void test_finalizers_and_namespace_termination(void **state)
{
	struct ck_test_response r;

	(void)state;
	make_namespace("fin");
	call("POST", "/api/v1/namespaces/fin/configmaps",
	     "{\"metadata\":{\"name\":\"f\",\"finalizers\":[\"example.com/hold\"]}}", &r);
	expect_code(&r, 201);
	ck_test_response_release(&r);
	/* K8S: with finalizers, DELETE only marks the object. */
	call("DELETE", "/api/v1/namespaces/fin/configmaps/f", NULL, &r);
	expect_code(&r, 200);
	assert_string_equal(jpath(&r, "kind"), "ConfigMap");
	assert_true(ck_json_path_str(r.json, "metadata.deletionTimestamp") != NULL);
	ck_test_response_release(&r);
	call("GET", "/api/v1/namespaces/fin/configmaps/f", NULL, &r);
	expect_code(&r, 200);
	ck_test_response_release(&r);
	/* Removing the last finalizer deletes it. */
	call("PUT", "/api/v1/namespaces/fin/configmaps/f",
	     "{\"metadata\":{\"name\":\"f\",\"finalizers\":[]}}", &r);
	expect_code(&r, 200);
	ck_test_response_release(&r);
	call("GET", "/api/v1/namespaces/fin/configmaps/f", NULL, &r);
	expect_code(&r, 404);
	ck_test_response_release(&r);

	/* A deleted namespace is Terminating (its controller comes later): no new content. */
	call("DELETE", "/api/v1/namespaces/fin", NULL, &r);
	expect_code(&r, 200);
	assert_string_equal(jpath(&r, "status.phase"), "Terminating");
	ck_test_response_release(&r);
	call("POST", "/api/v1/namespaces/fin/configmaps", "{\"metadata\":{\"name\":\"late\"}}", &r);
	expect_status(&r, 403, "Forbidden",
	              "configmaps \"late\" is forbidden: unable to create new content in namespace "
	              "fin because it is being terminated");
	ck_test_response_release(&r);
}

static void test_delete_collection(void **state)
{
	struct ck_test_response r;

	(void)state;
	make_namespace("coll");
	make_cm("coll", "a", "{\"g\":\"1\"}");
	make_cm("coll", "b", "{\"g\":\"1\"}");
	make_cm("coll", "c", "{\"g\":\"2\"}");
	call("DELETE", "/api/v1/namespaces/coll/configmaps?labelSelector=g%3D1", NULL, &r);
	expect_code(&r, 200);
	assert_string_equal(jpath(&r, "kind"), "ConfigMapList");
	assert_int_equal(json_array_size(json_object_get(r.json, "items")), 2);
	ck_test_response_release(&r);
	assert_int_equal(count_items("/api/v1/namespaces/coll/configmaps"), 1);
}

/* ---- an independent client: Debian's python3-kubernetes --------------------------------------- */

static const char python_script[] =
        "import sys\n"
        "from kubernetes import client, config, watch\n"
        "config.load_kube_config(sys.argv[1])\n"
        "v1 = client.CoreV1Api()\n"
        "names = [n.metadata.name for n in v1.list_namespace().items]\n"
        "assert 'kube-system' in names, names\n"
        "v1.create_namespace({'metadata': {'name': 'py'}})\n"
        "cm = v1.create_namespaced_config_map('py', {'metadata': {'name': 'py-cm', 'labels': "
        "{'from': 'python'}}, 'data': {'a': 'b'}})\n"
        "assert cm.metadata.resource_version\n"
        "v1.patch_namespaced_config_map('py-cm', 'py', {'data': {'a': 'patched', 'c': 'd'}})\n"
        "v1.patch_namespaced_config_map('py-cm', 'py', [{'op': 'add', 'path': '/data/e', "
        "'value': 'f'}])\n"
        "got = v1.read_namespaced_config_map('py-cm', 'py').data\n"
        "assert got == {'a': 'patched', 'c': 'd', 'e': 'f'}, got\n"
        "n = 0\n"
        "for ev in watch.Watch().stream(v1.list_namespaced_config_map, 'py', timeout_seconds=1):\n"
        "    assert ev['type'] == 'ADDED' and ev['object'].metadata.name == 'py-cm'\n"
        "    n += 1\n"
        "assert n == 1, n\n"
        "assert v1.list_namespaced_pod('py').items == []\n"
        "v1.delete_namespaced_config_map('py-cm', 'py')\n"
        "try:\n"
        "    v1.read_namespaced_config_map('py-cm', 'py')\n"
        "    raise SystemExit('still there')\n"
        "except client.exceptions.ApiException as e:\n"
        "    assert e.status == 404, e.status\n"
        "print('python ok')\n";

static void test_python_client(void **state)
{
	struct ck_error *err = NULL;
	char url[64];
	int status;
	pid_t pid;

	(void)state;
	if (access("/usr/bin/python3", X_OK) != 0)
		skip();
	ck_autofree char *kc = ck_xasprintf("%s/admin.kubeconfig", G.dir);
	ck_autofree char *script = ck_xasprintf("%s/check.py", G.dir);
	FILE *f = fopen(script, "w");

	assert_non_null(f);
	fputs(python_script, f);
	fclose(f);
	snprintf(url, sizeof(url), "https://127.0.0.1:%u", G.port);
	struct ck_pki_kubeconfig k = {
	        .server = url,
	        .cluster = "test",
	        .user = "admin",
	        .ca_pem = G.pki->ca.cert_pem,
	        .cert_pem = G.pki->admin.cert_pem,
	        .key_pem = G.pki->admin.key_pem,
	};

	if (ck_pki_write_kubeconfig(kc, &k, &err) < 0)
		fail_msg("kubeconfig: %s", err->msg);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		execl("/usr/bin/python3", "python3", script, kc, (char *)NULL);
		_exit(127);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
}

/* ---- field validation (fieldValidation=Strict|Warn|Ignore) ---------------------------- */

/* How many Warning header fields r has, and whether one of them is exactly value. */
static size_t count_warnings(const struct ck_test_response *r, const char *value, bool *found)
{
	const char *p = r->head.data, *end = p + r->head.len;
	size_t n = 0, vlen = value ? strlen(value) : 0;

	*found = false;
	while (p && p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);

		if (len > 9 && !memcmp(p, "warning: ", 9)) {
			n++;
			if (value && len - 9 == vlen && !memcmp(p + 9, value, vlen))
				*found = true;
		}
		p = nl ? nl + 1 : end;
	}
	return n;
}

static void test_field_validation_create_update(void **state)
{
	struct ck_test_https *c = client(ADMIN);
	struct ck_test_response r;
	static const char typo[] = "{\"metadata\":{\"name\":\"t\"},\"data\":{\"k\":\"v\"},"
	                           "\"dataa\":{\"x\":\"y\"},\"spec\":{\"a\":1}}";
	bool found;

	(void)state;
	make_namespace("fval");
	/* K8S: Strict: 400 from transformDecodeError, the problems in document order. */
	ck_test_https_do(c, "POST", "/api/v1/namespaces/fval/configmaps?fieldValidation=Strict",
	                 JSON_CT, typo, &r);
	expect_status(&r, 400, "BadRequest",
	              "ConfigMap in version \"v1\" cannot be handled as a ConfigMap: strict "
	              "decoding error: unknown field \"dataa\", unknown field \"spec\"");
	assert_int_equal(count_warnings(&r, NULL, &found), 0);
	ck_test_response_release(&r);
	ck_test_https_do(c, "GET", "/api/v1/namespaces/fval/configmaps/t", NULL, NULL, &r);
	expect_code(&r, 404);
	ck_test_response_release(&r);

	/* Warn (the default too): stored without the unknown fields, one warning each. */
	ck_test_https_do(c, "POST", "/api/v1/namespaces/fval/configmaps", JSON_CT, typo, &r);
	expect_code(&r, 201);
	assert_int_equal(count_warnings(&r, "299 - \"unknown field \\\"dataa\\\"\"", &found), 2);
	assert_true(found);
	count_warnings(&r, "299 - \"unknown field \\\"spec\\\"\"", &found);
	assert_true(found);
	assert_null(json_object_get(r.json, "dataa"));
	assert_null(json_object_get(r.json, "spec"));
	assert_string_equal(jpath(&r, "data.k"), "v");
	ck_test_response_release(&r);
	ck_test_https_do(c, "GET", "/api/v1/namespaces/fval/configmaps/t", NULL, NULL, &r);
	expect_code(&r, 200);
	assert_null(json_object_get(r.json, "dataa"));
	ck_test_response_release(&r);

	/* Ignore on an update: dropped without a word. */
	ck_test_https_do(c, "PUT", "/api/v1/namespaces/fval/configmaps/t?fieldValidation=Ignore",
	                 JSON_CT, typo, &r);
	expect_code(&r, 200);
	assert_int_equal(count_warnings(&r, NULL, &found), 0);
	assert_null(json_object_get(r.json, "dataa"));
	ck_test_response_release(&r);
	ck_test_https_do(c, "PUT", "/api/v1/namespaces/fval/configmaps/t?fieldValidation=Strict",
	                 JSON_CT, typo, &r);
	expect_status(&r, 400, "BadRequest", NULL);
	ck_test_response_release(&r);

	/* K8S: ValidateFieldValidation: a 422 on the options, case-sensitive. */
	ck_test_https_do(c, "POST", "/api/v1/namespaces/fval/configmaps?fieldValidation=warn",
	                 JSON_CT, typo, &r);
	expect_status(&r, 422, "Invalid",
	              "CreateOptions.meta.k8s.io \"\" is invalid: fieldValidation: Unsupported "
	              "value: \"warn\": supported values: \"\", \"Ignore\", \"Strict\", \"Warn\"");
	ck_test_response_release(&r);
	ck_test_https_close(c);
}

static void test_field_validation_patch(void **state)
{
	struct ck_test_https *c = client(ADMIN);
	struct ck_test_response r;
	bool found;

	(void)state;
	make_namespace("fvpatch");
	make_cm("fvpatch", "p", NULL);
	/* K8S: a strategic merge patch's value is fmt's %+v of the patch map. */
	ck_test_https_do(c, "PATCH",
	                 "/api/v1/namespaces/fvpatch/configmaps/p?fieldValidation=Strict",
	                 "Content-Type: application/strategic-merge-patch+json",
	                 "{\"dataa\":{\"b\":2,\"a\":[1.5,null,true]},\"data\":{\"k\":\"w\"}}", &r);
	expect_status(
	        &r, 422, "Invalid",
	        " \"\" is invalid: patch: Invalid value: \"map[data:map[k:w] dataa:map[a:[1.5 "
	        "<nil> true] b:2]]\": strict decoding error: unknown field \"dataa\"");
	assert_string_equal(
	        ck_json_path_str(json_array_get(ck_json_path(r.json, "details.causes"), 0),
	                         "field"),
	        "patch");
	ck_test_response_release(&r);
	/* A JSON patch's operations are decoded strictly too; Warn lists both problems. */
	ck_test_https_do(c, "PATCH", "/api/v1/namespaces/fvpatch/configmaps/p?fieldValidation=Warn",
	                 "Content-Type: application/json-patch+json",
	                 "[{\"op\":\"add\",\"path\":\"/x\",\"value\":1,\"valeu\":2}]", &r);
	expect_code(&r, 200);
	assert_int_equal(
	        count_warnings(&r, "299 - \"json patch unknown field \\\"[0].valeu\\\"\"", &found),
	        2);
	assert_true(found);
	assert_null(json_object_get(r.json, "x"));
	ck_test_response_release(&r);
	/* A value of the wrong type fails whatever the directive. */
	ck_test_https_do(c, "PATCH",
	                 "/api/v1/namespaces/fvpatch/configmaps/p?fieldValidation=Ignore",
	                 "Content-Type: application/merge-patch+json", "{\"data\":[]}", &r);
	expect_status(&r, 422, "Invalid", NULL);
	assert_non_null(strstr(jpath(&r, "message"),
	                       "\": json: cannot unmarshal array into Go struct field "
	                       "ConfigMap.data of type map[string]string"));
	ck_test_response_release(&r);
	ck_test_https_do(c, "PATCH", "/api/v1/namespaces/fvpatch/configmaps/p?fieldValidation=x",
	                 "Content-Type: application/merge-patch+json", "{}", &r);
	expect_status(&r, 422, "Invalid", NULL);
	assert_string_equal(jpath(&r, "details.kind"), "PatchOptions");
	ck_test_response_release(&r);
	ck_test_https_close(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_ready),
	        cmocka_unit_test(test_health_anonymous),
	        cmocka_unit_test(test_metrics),
	        cmocka_unit_test(test_auth_rejected_and_forbidden),
	        cmocka_unit_test(test_discovery),
	        cmocka_unit_test(test_crud_configmap),
	        cmocka_unit_test(test_delete_preconditions),
	        cmocka_unit_test(test_create_validation),
	        cmocka_unit_test(test_http_errors),
	        cmocka_unit_test(test_selectors),
	        cmocka_unit_test(test_pagination),
	        cmocka_unit_test(test_watch_events),
	        cmocka_unit_test(test_watch_from_revision),
	        cmocka_unit_test(test_watch_expired_on_second_server),
	        cmocka_unit_test(test_watch_list_bookmark),
	        cmocka_unit_test(test_table),
	        cmocka_unit_test(test_large_list_streams),
	        cmocka_unit_test(test_slow_watcher_is_cut),
	        cmocka_unit_test(test_pod_table_row),
	        cmocka_unit_test(test_patch),
	        cmocka_unit_test(test_generation_and_status),
	        cmocka_unit_test(test_eviction),
	        cmocka_unit_test(test_binding),
	        cmocka_unit_test(test_scale),
	        cmocka_unit_test(test_finalizers_and_namespace_termination),
	        cmocka_unit_test(test_delete_collection),
	        cmocka_unit_test(test_python_client),
	        cmocka_unit_test(test_field_validation_create_update),
	        cmocka_unit_test(test_field_validation_patch),
	};

	return cmocka_run_group_tests_name("apiserver", tests, group_setup, group_teardown);
}
