/*
 * The reflector (src/client/reflector.h) against ckube's API server on a real etcd: the
 * watch cache it feeds must hold what the server holds — same objects, same
 * resourceVersions, same data — after a paginated list, after creates, updates and
 * deletes seen through the watch, after the server ended its watches (timeoutSeconds),
 * and after a 410 Expired: the server restarted while objects changed behind its back,
 * so the reflector's revision is gone and it must relist. The cache's own watchers (an
 * informer's event handlers) see the changes, and end with 410 at the relist.
 *
 * The reflector, its client and its cache run on the test thread's loop, only inside
 * run_until(), which stops at a condition or fails at a deadline.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>

#include <cmocka.h>
#include <event2/event.h>
#include <jansson.h>

#include "base/compat.h"

#include "base/json.h"
#include "base/log.h"
#include "base/mem.h"
#include "base/time.h"
#include "client/client.h"
#include "client/reflector.h"
#include "store/watch-cache.h"
#include "support/api-fixture.h"

#define WAIT_MS 20000

static struct {
	struct ck_test_api *api;
	struct event_base *base;
	struct event *tick;
	struct ck_client *c;
} G;

static void tick_cb(evutil_socket_t fd, short what, void *arg)
{
	(void)fd, (void)what, (void)arg;
}

/* Run the loop until pred(arg), or fail after WAIT_MS. */
static void run_until(bool (*pred)(void *arg), void *arg, const char *what)
{
	int64_t deadline = ck_time_mono_ms() + WAIT_MS;

	while (!pred(arg)) {
		if (ck_time_mono_ms() > deadline)
			fail_msg("timed out waiting for %s", what);
		event_base_loop(G.base, EVLOOP_ONCE);
	}
}

static int group_setup(void **state)
{
	struct timeval tv = {0, 20000};
	struct ck_client_config cfg = {0};
	struct ck_error *err = NULL;

	(void)state;
	ck_log_set_level(getenv("CK_TEST_DEBUG") ? CK_LOG_DEBUG : CK_LOG_ERROR);
	G.api = ck_test_api_start("reflector");
	G.base = event_base_new();
	G.tick = event_new(G.base, -1, EV_PERSIST, tick_cb, NULL);
	event_add(G.tick, &tv);
	cfg.server = G.api->url;
	cfg.ca_pem = G.api->pki->ca.cert_pem;
	cfg.cert_pem = G.api->pki->admin.cert_pem;
	cfg.key_pem = G.api->pki->admin.key_pem;
	if (ck_client_new(G.base, &cfg, &G.c, &err) < 0)
		fail_msg("ck_client_new: %s", err->msg);
	return 0;
}

static int group_teardown(void **state)
{
	(void)state;
	ck_client_free(G.c);
	for (int i = 0; i < 4; i++)
		event_base_loop(G.base, EVLOOP_NONBLOCK);
	event_free(G.tick);
	event_base_free(G.base);
	ck_test_api_free(G.api);
	libevent_global_shutdown();
	return 0;
}

/* ---- server-side helpers (blocking, on fresh connections) ------------------------------ */

static void make_namespace(const char *name)
{
	char body[256];

	snprintf(body, sizeof(body), "{\"metadata\":{\"name\":\"%s\"}}", name);
	assert_int_equal(ck_test_api_call(G.api, "POST", "/api/v1/namespaces", body, NULL), 201);
}

static int64_t rv_of_body(const char *body)
{
	json_t *j = json_loads(body, 0, NULL);
	const char *s = ck_json_path_str(j, "metadata.resourceVersion");
	int64_t rv = s ? strtoll(s, NULL, 10) : -1;

	json_decref(j);
	return rv;
}

/* Create, replace (PUT) or delete a ConfigMap; returns the write's resourceVersion. */
static int64_t cm_write(const char *method, const char *ns, const char *name, const char *value,
                        const char *labels)
{
	char target[256], body[512];
	char *out = NULL;
	int st;
	int64_t rv;

	snprintf(body, sizeof(body),
	         "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"%s\","
	         "\"labels\":%s},\"data\":{\"k\":\"%s\"}}",
	         name, labels ? labels : "{}", value ? value : "");
	if (!strcmp(method, "POST"))
		snprintf(target, sizeof(target), "/api/v1/namespaces/%s/configmaps", ns);
	else
		snprintf(target, sizeof(target), "/api/v1/namespaces/%s/configmaps/%s", ns, name);
	st = ck_test_api_call(G.api, method, target, strcmp(method, "DELETE") ? body : NULL, &out);
	if (st != 200 && st != 201)
		fail_msg("%s %s: %d %s", method, target, st, out);
	rv = rv_of_body(out);
	free(out);
	return rv;
}

/* ---- the cache against the server ------------------------------------------------------ */

struct rv_wait {
	struct ck_watch_cache *cache;
	int64_t rv;
};

static bool cache_at(void *arg)
{
	struct rv_wait *w = arg;

	return ck_watch_cache_ready(w->cache) && ck_watch_cache_revision(w->cache) >= w->rv;
}

static void wait_cache_rv(struct ck_watch_cache *cache, int64_t rv)
{
	struct rv_wait w = {cache, rv};

	run_until(cache_at, &w, "the cache to reach the revision");
}

/* The cache holds exactly the server's ConfigMaps of ns (names, revisions, data). */
static void expect_in_sync(struct ck_watch_cache *cache, const char *ns, const char *selector)
{
	char target[256];
	char *out = NULL;
	json_t *list, *items, *item;
	struct ck_watch_cache_list_opts lo = {.ns = ns};
	struct ck_obj_list cl = {0};
	struct ck_error *err = NULL;
	size_t i;

	snprintf(target, sizeof(target), "/api/v1/namespaces/%s/configmaps%s%s", ns,
	         selector ? "?labelSelector=" : "", selector ? selector : "");
	assert_int_equal(ck_test_api_call(G.api, "GET", target, NULL, &out), 200);
	list = json_loads(out, 0, NULL);
	free(out);
	items = json_object_get(list, "items");
	wait_cache_rv(cache, strtoll(ck_json_path_str(list, "metadata.resourceVersion"), NULL, 10));
	if (ck_watch_cache_list(cache, &lo, &cl, &err) < 0)
		fail_msg("cache list: %s", err->msg);
	if (cl.n != json_array_size(items))
		fail_msg("cache has %zu objects, the server %zu", cl.n, json_array_size(items));
	json_array_foreach(items, i, item)
	{
		json_t *cached = ck_obj_parse(cl.items[i]);

		assert_string_equal(cl.items[i]->name, ck_json_path_str(item, "metadata.name"));
		assert_string_equal(ck_json_path_str(cached, "metadata.resourceVersion"),
		                    ck_json_path_str(item, "metadata.resourceVersion"));
		assert_int_equal(
		        cl.items[i]->rv,
		        strtoll(ck_json_path_str(item, "metadata.resourceVersion"), NULL, 10));
		assert_true(
		        json_equal(json_object_get(cached, "data"), json_object_get(item, "data")));
		assert_string_equal(ck_json_path_str(cached, "metadata.uid"),
		                    ck_json_path_str(item, "metadata.uid"));
		/* List items get kind and apiVersion as watch objects have them. */
		assert_string_equal(ck_json_path_str(cached, "kind"), "ConfigMap");
		assert_string_equal(ck_json_path_str(cached, "apiVersion"), "v1");
		json_decref(cached);
	}
	ck_obj_list_release(&cl);
	json_decref(list);
}

static struct ck_watch_cache *cm_cache(void)
{
	struct ck_watch_cache_config cfg = {.prefix = "/registry/configmaps/", .namespaced = true};

	return ck_watch_cache_new(G.base, &cfg);
}

static struct ck_reflector *reflect(struct ck_watch_cache *cache, const char *ns,
                                    const char *selector, int watch_s)
{
	char path[256];
	struct ck_reflector_config cfg = {
	        .client = G.c,
	        .cache = cache,
	        .path = path,
	        .label_selector = selector,
	        .page_size = 3,
	        .watch_s = watch_s,
	        .backoff_min_ms = 20,
	        .backoff_max_ms = 200,
	};
	struct ck_reflector *r = NULL;
	struct ck_error *err = NULL;

	snprintf(path, sizeof(path), "/api/v1/namespaces/%s/configmaps", ns);
	if (ck_reflector_new(&cfg, &r, &err) < 0)
		fail_msg("ck_reflector_new: %s", err->msg);
	return r;
}

static bool synced(void *arg)
{
	return ck_reflector_synced(arg);
}

/* ---- an informer's event handler: a cache watcher -------------------------------------- */

struct handler {
	struct ck_watch_cache_watcher *w;
	size_t added, modified, deleted;
	bool done;
	int done_status;
};

static void h_event(struct ck_watch_cache_watcher *w, enum ck_watch_event_type type,
                    struct ck_obj *obj, int64_t rv, void *arg)
{
	struct handler *h = arg;

	(void)w, (void)obj, (void)rv;
	if (type == CK_WATCH_ADDED)
		h->added++;
	else if (type == CK_WATCH_MODIFIED)
		h->modified++;
	else if (type == CK_WATCH_DELETED)
		h->deleted++;
}

static void h_done(struct ck_watch_cache_watcher *w, struct ck_error *err, void *arg)
{
	struct handler *h = arg;

	(void)w;
	h->done = true;
	h->done_status = err ? err->http_status : 0;
}

static void handler_start(struct ck_watch_cache *cache, struct handler *h)
{
	struct ck_watch_cache_watch_opts o = {
	        .send_initial_events = true,
	        .on_event = h_event,
	        .on_done = h_done,
	        .arg = h,
	};
	struct ck_error *err = NULL;

	memset(h, 0, sizeof(*h));
	if (ck_watch_cache_watch(cache, &o, &h->w, &err) < 0)
		fail_msg("ck_watch_cache_watch: %s", err->msg);
}

struct count_wait {
	size_t *counter;
	size_t n;
};

static bool counted(void *arg)
{
	struct count_wait *w = arg;

	return *w->counter >= w->n;
}

/* ---- tests ------------------------------------------------------------------------------ */

static void test_list_watch_follow(void **state)
{
	struct ck_watch_cache *cache = cm_cache();
	struct ck_reflector *r;
	struct ck_reflector_stats st;
	struct handler h;
	char name[32];
	int64_t rv;

	(void)state;
	make_namespace("refl");
	make_namespace("other"); /* never seen by a reflector of "refl" */
	for (int i = 0; i < 8; i++) {
		snprintf(name, sizeof(name), "cm-%d", i);
		cm_write("POST", "refl", name, "v1", NULL);
	}
	cm_write("POST", "other", "elsewhere", "x", NULL);
	r = reflect(cache, "refl", NULL, 0);
	run_until(synced, r, "the first list");
	ck_reflector_stats(r, &st);
	assert_int_equal(st.lists, 3); /* 8 items, 3 a page */
	assert_int_equal(st.relists, 1);
	expect_in_sync(cache, "refl", NULL);

	handler_start(cache, &h);
	struct count_wait initial = {&h.added, 8};

	run_until(counted, &initial, "the initial events");

	/* Creates, updates and deletes arrive through the watch. */
	cm_write("POST", "refl", "new", "a", NULL);
	cm_write("PUT", "refl", "cm-1", "v2", NULL);
	cm_write("PUT", "refl", "cm-2", "v2", NULL);
	cm_write("DELETE", "refl", "cm-3", NULL, NULL);
	rv = cm_write("DELETE", "refl", "cm-4", NULL, NULL);
	wait_cache_rv(cache, rv);
	expect_in_sync(cache, "refl", NULL);
	ck_reflector_stats(r, &st);
	assert_int_equal(st.relists, 1);
	assert_true(st.events >= 5);
	assert_true(st.watching);

	struct count_wait deletes = {&h.deleted, 2};

	run_until(counted, &deletes, "the handler's deletes");
	assert_int_equal(h.added, 9);
	assert_int_equal(h.modified, 2);
	assert_false(h.done);
	ck_watch_cache_watcher_free(h.w);
	ck_reflector_free(r);
	ck_watch_cache_free(cache);
}

struct watches_wait {
	struct ck_reflector *r;
	uint64_t n;
};

static bool watched(void *arg)
{
	struct watches_wait *w = arg;
	struct ck_reflector_stats st;

	ck_reflector_stats(w->r, &st);
	return st.watches >= w->n;
}

/* K8S: watches end after timeoutSeconds and start again from the last revision. */
static void test_rewatch_after_timeout(void **state)
{
	struct ck_watch_cache *cache = cm_cache();
	struct ck_reflector *r;
	struct ck_reflector_stats st;
	struct watches_wait ww;

	(void)state;
	make_namespace("rewatch");
	cm_write("POST", "rewatch", "a", "1", NULL);
	r = reflect(cache, "rewatch", NULL, 1);
	run_until(synced, r, "the first list");
	ww = (struct watches_wait){r, 3};
	run_until(watched, &ww, "two watches ending");
	cm_write("PUT", "rewatch", "a", "2", NULL);
	cm_write("POST", "rewatch", "b", "1", NULL);
	expect_in_sync(cache, "rewatch", NULL);
	ck_reflector_stats(r, &st);
	assert_int_equal(st.relists, 1); /* never relisted: no 410 */
	assert_int_equal(st.expired, 0);
	ck_reflector_free(r);
	ck_watch_cache_free(cache);
}

/* A label selector: objects that stop matching leave the cache. */
static void test_selector(void **state)
{
	struct ck_watch_cache *cache = cm_cache();
	struct ck_reflector *r;
	struct ck_obj *o = NULL;
	struct ck_error *err = NULL;
	int64_t rv;

	(void)state;
	make_namespace("sel");
	cm_write("POST", "sel", "web", "1", "{\"app\":\"web\"}");
	cm_write("POST", "sel", "db", "1", "{\"app\":\"db\"}");
	r = reflect(cache, "sel", "app in (web)", 0);
	run_until(synced, r, "the first list");
	expect_in_sync(cache, "sel", "app%3Dweb");
	assert_int_equal(ck_watch_cache_get(cache, "sel", "db", &o, &err), 1);
	cm_write("POST", "sel", "web2", "1", "{\"app\":\"web\"}");
	rv = cm_write("PUT", "sel", "web", "2", "{\"app\":\"gone\"}"); /* stops matching */
	wait_cache_rv(cache, rv);
	expect_in_sync(cache, "sel", "app%3Dweb");
	assert_int_equal(ck_watch_cache_get(cache, "sel", "web", &o, &err), 1);
	assert_int_equal(ck_watch_cache_get(cache, "sel", "web2", &o, &err), 0);
	ck_obj_unref(o);
	ck_reflector_free(r);
	ck_watch_cache_free(cache);
}

struct expired_wait {
	struct ck_reflector *r;
	struct ck_watch_cache *cache;
};

static bool relisted(void *arg)
{
	struct expired_wait *w = arg;
	struct ck_reflector_stats st;
	struct ck_obj *o = NULL;
	struct ck_error *err = NULL;
	bool have;

	ck_reflector_stats(w->r, &st);
	if (st.relists < 2 || !ck_watch_cache_ready(w->cache))
		return false;
	have = ck_watch_cache_get(w->cache, "expire", "behind-its-back", &o, &err) == 0;
	ck_obj_unref(o);
	return have;
}

/*
 * The server restarts while an object is written straight to etcd: its new cache starts
 * past the reflector's revision, so the re-watch gets 410 Expired (an ERROR event) and the
 * reflector relists, finding the object it never saw an event for.
 */
static void test_relist_after_expired(void **state)
{
	struct ck_watch_cache *cache = cm_cache();
	struct ck_reflector *r;
	struct ck_reflector_stats st;
	struct handler h;
	struct expired_wait ew;

	(void)state;
	make_namespace("expire");
	cm_write("POST", "expire", "before", "1", NULL);
	r = reflect(cache, "expire", NULL, 0);
	run_until(synced, r, "the first list");
	handler_start(cache, &h);

	ck_test_api_server_stop(G.api);
	ck_test_api_etcd_put(G.api, "/registry/configmaps/expire/behind-its-back",
	                     "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":"
	                     "\"behind-its-back\",\"namespace\":\"expire\",\"uid\":"
	                     "\"6f1d2c1e-0000-4000-8000-000000000001\",\"creationTimestamp\":"
	                     "\"2026-01-01T00:00:00Z\"},\"data\":{\"k\":\"etcd\"}}");
	ck_test_api_server_start(G.api);

	ew = (struct expired_wait){r, cache};
	run_until(relisted, &ew, "the relist");
	ck_reflector_stats(r, &st);
	assert_true(st.expired >= 1);
	expect_in_sync(cache, "expire", NULL);
	/* The cache's watchers were ended with 410 at the relist (they come back and relist). */
	assert_true(h.done);
	assert_int_equal(h.done_status, 410);
	ck_watch_cache_watcher_free(h.w);

	/* And it follows changes again. */
	cm_write("PUT", "expire", "before", "2", NULL);
	expect_in_sync(cache, "expire", NULL);
	ck_reflector_free(r);
	ck_watch_cache_free(cache);
}

static void free_in_synced(struct ck_reflector *r, void *arg)
{
	bool *called = arg;

	*called = true;
	ck_reflector_free(r);
}

static bool flag_set(void *arg)
{
	return *(bool *)arg;
}

static void test_config_and_free_in_callback(void **state)
{
	struct ck_watch_cache *cache = cm_cache();
	struct ck_reflector_config cfg = {.client = G.c, .cache = cache, .path = "/api/v1/x?y=1"};
	struct ck_reflector *r = NULL;
	struct ck_error *err = NULL;
	bool called = false;

	(void)state;
	assert_int_equal(ck_reflector_new(&cfg, &r, &err), -1);
	assert_int_equal(err->http_status, 400);
	ck_error_clear(&err);
	cfg.path = NULL;
	assert_int_equal(ck_reflector_new(&cfg, &r, &err), -1);
	ck_error_clear(&err);

	cfg.path = "/api/v1/namespaces/default/configmaps";
	cfg.on_synced = free_in_synced;
	cfg.arg = &called;
	assert_int_equal(ck_reflector_new(&cfg, &r, &err), 0);
	run_until(flag_set, &called, "on_synced");
	assert_true(ck_watch_cache_ready(cache));
	ck_watch_cache_free(cache);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_list_watch_follow),
	        cmocka_unit_test(test_rewatch_after_timeout),
	        cmocka_unit_test(test_selector),
	        cmocka_unit_test(test_relist_after_expired),
	        cmocka_unit_test(test_config_and_free_in_callback),
	};

	return cmocka_run_group_tests_name("reflector", tests, group_setup, group_teardown);
}
