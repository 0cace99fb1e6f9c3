/*
 * Tests of the watch cache fed by a real etcd (src/store/watch-cache-etcd.c): list then
 * watch, writes reaching a watcher, a consistent read waiting for a fresh write, relist
 * after compaction, and resumption across an etcd restart without lost or repeated events.
 *
 * One etcd (the shared fixture, support/etcd-fixture.h: Debian's etcd on free loopback
 * ports in a temporary directory, killed with us by PDEATHSIG) serves the whole suite;
 * each test uses its own prefix. Writes go through a second, synchronous client on its own private loop, so the
 * cache's loop runs only when a test runs it: that is how the tests make etcd restart or
 * compact "between two reads" of the cache's watch stream.
 */
#include "base/compat.h"

#include <setjmp.h>
#include <cmocka.h>
#include <event2/event.h>

#include "base/log.h"
#include "base/mem.h"
#include "store/etcd.h"
#include "store/watch-cache-etcd.h"
#include "store/watch-cache.h"
#include "support/etcd-fixture.h"

/* ---- the shared etcd -------------------------------------------------------------- */

static struct ck_test_etcd *g_etcd;
static struct ck_etcd *g_writer; /* synchronous, private loop */

/* err by address: read after the call (an argument's value may be taken before it runs). */
static void check(int r, struct ck_error **err)
{
	if (r < 0)
		fail_msg("%s", *err ? (*err)->msg : "?");
}

static int suite_setup(void **state)
{
	/* Progress notifications let a quiet prefix reach a revision written elsewhere. */
	static const char *const extra[] = {"--experimental-watch-progress-notify-interval=200ms",
	                                    NULL};
	struct ck_test_etcd_opts opts = {.what = "watch-cache-etcd", .extra_args = extra};
	struct ck_error *err = NULL;

	(void)state;
	g_etcd = ck_test_etcd_start(&opts);
	struct ck_etcd_config ecfg = {.endpoints = g_etcd->endpoints};

	check(ck_etcd_new(NULL, &ecfg, &g_writer, &err), &err);
	return 0;
}

static int suite_teardown(void **state)
{
	(void)state;
	ck_etcd_free(g_writer);
	ck_test_etcd_free(g_etcd);
	return 0;
}

/* etcd crashes (SIGKILL) and comes back on the same ports and data. */
static void crash_and_restart_etcd(void)
{
	ck_test_etcd_kill(g_etcd, 0);
	ck_test_etcd_restart(g_etcd, 0);
}

static char *pod(const char *ns, const char *name, const char *app)
{
	return ck_xasprintf("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"%s\","
	                    "\"namespace\":\"%s\",\"labels\":{\"app\":\"%s\"}},\"spec\":{}}",
	                    name, ns, app);
}

/* Put prefix+ns/name through the writer; returns the new revision. */
static int64_t w_put(const char *prefix, const char *ns, const char *name, const char *app)
{
	char *key = ck_xasprintf("%s%s/%s", prefix, ns, name);
	char *v = pod(ns, name, app);
	struct ck_etcd_put_req req = {.key = key, .value = v};
	struct ck_etcd_put_result *res = NULL;
	struct ck_error *err = NULL;
	int64_t rev;

	check(ck_etcd_sync_put(g_writer, &req, &res, &err), &err);
	rev = res->header.revision;
	ck_etcd_put_result_free(res);
	free(key);
	free(v);
	return rev;
}

static int64_t w_put_raw(const char *key, const char *value)
{
	struct ck_etcd_put_req req = {.key = key, .value = value};
	struct ck_etcd_put_result *res = NULL;
	struct ck_error *err = NULL;
	int64_t rev;

	check(ck_etcd_sync_put(g_writer, &req, &res, &err), &err);
	rev = res->header.revision;
	ck_etcd_put_result_free(res);
	return rev;
}

static int64_t w_del(const char *prefix, const char *ns, const char *name)
{
	char *key = ck_xasprintf("%s%s/%s", prefix, ns, name);
	struct ck_etcd_delete_req req = {.key = key};
	struct ck_etcd_delete_result *res = NULL;
	struct ck_error *err = NULL;
	int64_t rev;

	check(ck_etcd_sync_delete(g_writer, &req, &res, &err), &err);
	assert_int_equal(res->deleted, 1);
	rev = res->header.revision;
	ck_etcd_delete_result_free(res);
	free(key);
	return rev;
}

/* Every kv of prefix as etcd holds it now. */
static struct ck_etcd_range_result *w_range(const char *prefix)
{
	struct ck_etcd_range_req req = {.key = prefix, .prefix = true};
	struct ck_etcd_range_result *res = NULL;
	struct ck_error *err = NULL;

	check(ck_etcd_sync_range(g_writer, &req, &res, &err), &err);
	return res;
}

/* ---- one cache on a loop the test runs -------------------------------------------- */

struct env {
	struct event_base *base;
	struct ck_etcd *etcd;
	struct ck_watch_cache *cache;
	struct ck_watch_cache_etcd *feed;
	struct event *tick;
};

static void tick_cb(evutil_socket_t fd, short what, void *arg)
{
	(void)fd;
	(void)what;
	(void)arg;
}

static void env_start(struct env *e, const char *prefix, int page_size)
{
	struct ck_etcd_config ecfg = {.endpoints = g_etcd->endpoints};
	struct ck_watch_cache_config cfg = {.prefix = prefix, .namespaced = true};
	struct ck_watch_cache_etcd_config fcfg = {.page_size = page_size, .retry_min_ms = 50};
	struct ck_error *err = NULL;
	struct timeval tv = {0, 20000};

	memset(e, 0, sizeof(*e));
	e->base = event_base_new();
	/* A periodic tick so that EVLOOP_ONCE returns and conditions are checked. */
	e->tick = event_new(e->base, -1, EV_PERSIST, tick_cb, NULL);
	event_add(e->tick, &tv);
	check(ck_etcd_new(e->base, &ecfg, &e->etcd, &err), &err);
	e->cache = ck_watch_cache_new(e->base, &cfg);
	check(ck_watch_cache_etcd_start(e->cache, e->etcd, &fcfg, &e->feed, &err), &err);
}

static void env_stop(struct env *e)
{
	ck_watch_cache_etcd_free(e->feed);
	ck_watch_cache_free(e->cache);
	ck_etcd_free(e->etcd);
	event_free(e->tick);
	event_base_free(e->base);
}

typedef bool cond_fn(void *arg);

/* Run the cache's loop until cond holds; fails the test after timeout_ms. */
static void run_until(struct env *e, cond_fn *cond, void *arg, int timeout_ms, const char *what)
{
	struct timespec t0, t;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	while (!cond(arg)) {
		event_base_loop(e->base, EVLOOP_ONCE);
		clock_gettime(CLOCK_MONOTONIC, &t);
		if ((t.tv_sec - t0.tv_sec) * 1000 + (t.tv_nsec - t0.tv_nsec) / 1000000 > timeout_ms)
			fail_msg("timed out waiting for %s", what);
	}
}

static bool cache_ready(void *arg)
{
	return ck_watch_cache_ready(arg);
}

/* The cache holds exactly what etcd holds under prefix (keys and mod revisions). */
static void expect_same_as_etcd(struct env *e, const char *prefix)
{
	struct ck_etcd_range_result *r = w_range(prefix);
	struct ck_obj_list l;

	assert_int_equal(ck_watch_cache_list(e->cache, NULL, &l, NULL), 0);
	assert_int_equal(l.n, r->n_kvs);
	for (size_t i = 0; i < l.n; i++) {
		assert_string_equal(l.items[i]->key, r->kvs[i].key + strlen(prefix));
		assert_int_equal(l.items[i]->rv, r->kvs[i].mod_revision);
	}
	ck_obj_list_release(&l);
	ck_etcd_range_result_free(r);
}

/* A watcher recording events. */
struct recorder {
	struct ck_watch_cache_watcher *w;
	enum ck_watch_event_type type[256];
	int64_t rv[256];
	char *key[256];
	size_t n;
	int done_status;
};

static void rec_event(struct ck_watch_cache_watcher *w, enum ck_watch_event_type type,
                      struct ck_obj *obj, int64_t rv, void *arg)
{
	struct recorder *r = arg;

	(void)w;
	assert_true(r->n < 256);
	r->type[r->n] = type;
	r->rv[r->n] = rv;
	r->key[r->n] = obj ? ck_xstrdup(obj->key) : NULL;
	r->n++;
}

static void rec_done(struct ck_watch_cache_watcher *w, struct ck_error *err, void *arg)
{
	struct recorder *r = arg;

	(void)w;
	r->done_status = err->http_status;
}

static void rec_watch(struct env *e, struct recorder *r, int64_t from)
{
	struct ck_watch_cache_watch_opts o = {
	        .start_rv = from, .on_event = rec_event, .on_done = rec_done, .arg = r};
	struct ck_error *err = NULL;

	memset(r, 0, sizeof(*r));
	check(ck_watch_cache_watch(e->cache, &o, &r->w, &err), &err);
}

static void rec_release(struct recorder *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->key[i]);
	ck_watch_cache_watcher_free(r->w);
	r->w = NULL;
}

struct n_events {
	struct recorder *r;
	size_t n;
};

static bool has_n_events(void *arg)
{
	struct n_events *ne = arg;

	return ne->r->n >= ne->n;
}

static bool watcher_done(void *arg)
{
	return ((struct recorder *)arg)->done_status != 0;
}

/* ---- tests ------------------------------------------------------------------------ */

static void test_list_then_watch(void **state)
{
	static const char prefix[] = "/registry/t1-pods/";
	struct env e;
	struct ck_watch_cache_etcd_stats fst;
	struct ck_watch_cache_stats st;
	struct recorder r;
	int64_t last = 0, r1, r2, r3;
	char name[32];

	(void)state;
	for (int i = 0; i < 1234; i++) {
		snprintf(name, sizeof(name), "p-%04d", i);
		last = w_put(prefix, i % 2 ? "a" : "b", name, "web");
	}
	/* Neighbours that share the prefix's stem but not the prefix. */
	w_put_raw("/registry/t1-podsx/a/b", "{\"metadata\":{\"name\":\"b\"}}");
	w_put_raw("/registry/t1-pods", "{}");

	env_start(&e, prefix, 100); /* 13 pages */
	run_until(&e, cache_ready, e.cache, 15000, "the first list");
	ck_watch_cache_stats(e.cache, &st);
	assert_int_equal(st.objects, 1234);
	assert_true(ck_watch_cache_revision(e.cache) >= last + 2);
	expect_same_as_etcd(&e, prefix);

	rec_watch(&e, &r, ck_watch_cache_revision(e.cache));
	r1 = w_put(prefix, "a", "new", "web");
	r2 = w_put(prefix, "a", "new", "db");
	r3 = w_del(prefix, "a", "new");
	run_until(&e, has_n_events, &(struct n_events){&r, 3}, 10000, "three events");
	assert_int_equal(r.n, 3);
	assert_int_equal(r.type[0], CK_WATCH_ADDED);
	assert_int_equal(r.rv[0], r1);
	assert_int_equal(r.type[1], CK_WATCH_MODIFIED);
	assert_int_equal(r.rv[1], r2);
	assert_int_equal(r.type[2], CK_WATCH_DELETED);
	assert_int_equal(r.rv[2], r3);
	assert_string_equal(r.key[2], "a/new");
	expect_same_as_etcd(&e, prefix);

	ck_watch_cache_etcd_stats(e.feed, &fst);
	assert_int_equal(fst.lists, 1);
	assert_int_equal(fst.compactions, 0);
	assert_true(fst.watching);
	rec_release(&r);
	env_stop(&e);
}

struct wait_rec {
	int calls;
	int status;
};

static void wait_cb(struct ck_error *err, void *arg)
{
	struct wait_rec *w = arg;

	w->calls++;
	w->status = err ? err->http_status : 0;
}

static bool wait_fired(void *arg)
{
	return ((struct wait_rec *)arg)->calls > 0;
}

/*
 * A consistent read: etcd's revision after a write, then a wait until the cache has it.
 * K8S: the LIST then sees the write (read-your-writes through the cache).
 */
static void test_consistent_read(void **state)
{
	static const char prefix[] = "/registry/t2-pods/";
	struct env e;
	struct wait_rec w1 = {0}, w2 = {0};
	struct ck_obj *obj = NULL;
	int64_t t1, t2;

	(void)state;
	env_start(&e, prefix, 0);
	run_until(&e, cache_ready, e.cache, 15000, "the first list");

	t1 = w_put(prefix, "ns", "fresh", "web");
	ck_watch_cache_wait(e.cache, t1, 5000, wait_cb, &w1);
	run_until(&e, wait_fired, &w1, 10000, "the wait for a fresh write");
	assert_int_equal(w1.calls, 1);
	assert_int_equal(w1.status, 0);
	assert_int_equal(ck_watch_cache_get(e.cache, "ns", "fresh", &obj, NULL), 0);
	assert_int_equal(obj->rv, t1);
	ck_obj_unref(obj);

	/* A write elsewhere: only a progress notification brings this prefix there. */
	t2 = w_put_raw("/registry/t2-other/x", "{}");
	ck_watch_cache_wait(e.cache, t2, 5000, wait_cb, &w2);
	run_until(&e, wait_fired, &w2, 10000, "the wait for a revision written elsewhere");
	assert_int_equal(w2.status, 0);
	assert_true(ck_watch_cache_revision(e.cache) >= t2);
	env_stop(&e);
}

static bool reconnected(void *arg)
{
	struct ck_watch_cache_etcd_stats st;

	ck_watch_cache_etcd_stats(arg, &st);
	return st.reconnects > 0;
}

/*
 * etcd restarts under a running cache; writes happen before (unread by the cache) and
 * after. The etcd client resumes the watch from the next revision: the watcher gets every
 * event once, in order, and the cache ends equal to etcd, without a relist.
 */
static void test_resume_across_restart(void **state)
{
	static const char prefix[] = "/registry/t3-pods/";
	struct env e;
	struct recorder r;
	struct ck_watch_cache_etcd_stats fst;
	int64_t want[10];
	size_t n = 0;
	char name[16];

	(void)state;
	w_put(prefix, "ns", "base", "web");
	env_start(&e, prefix, 0);
	run_until(&e, cache_ready, e.cache, 15000, "the first list");
	rec_watch(&e, &r, ck_watch_cache_revision(e.cache));
	event_base_loop(e.base, EVLOOP_NONBLOCK);

	for (int i = 0; i < 5; i++) {
		snprintf(name, sizeof(name), "p%d", i);
		want[n++] = w_put(prefix, "ns", name, "web");
	}
	crash_and_restart_etcd();
	want[n++] = w_del(prefix, "ns", "p0");
	for (int i = 5; i < 9; i++) {
		snprintf(name, sizeof(name), "p%d", i);
		want[n++] = w_put(prefix, "ns", name, "db");
	}
	run_until(&e, has_n_events, &(struct n_events){&r, n}, 20000, "the events");
	run_until(&e, reconnected, e.feed, 20000, "a reconnection");
	/* Some more time for a duplicate to show up, were there one. */
	for (int i = 0; i < 10; i++)
		event_base_loop(e.base, EVLOOP_ONCE);
	assert_int_equal(r.n, n);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(r.rv[i], want[i]);
	assert_int_equal(r.type[5], CK_WATCH_DELETED);
	assert_int_equal(r.done_status, 0);
	expect_same_as_etcd(&e, prefix);
	ck_watch_cache_etcd_stats(e.feed, &fst);
	assert_int_equal(fst.lists, 1);
	assert_int_equal(fst.compactions, 0);
	assert_true(fst.reconnects >= 1);
	rec_release(&r);
	env_stop(&e);
}

static bool relisted(void *arg)
{
	struct ck_watch_cache_etcd_stats st;

	ck_watch_cache_etcd_stats(((struct env *)arg)->feed, &st);
	return st.lists >= 2 && ck_watch_cache_ready(((struct env *)arg)->cache);
}

/*
 * The watch's resume revision is compacted while the stream is down: the cache
 * terminates its watchers (410) and relists. K8S: Cacher.startCaching.
 */
static void test_compaction_relists(void **state)
{
	static const char prefix[] = "/registry/t4-pods/";
	struct env e;
	struct recorder r, r2;
	struct ck_watch_cache_etcd_stats fst;
	struct ck_etcd_compact_req creq = {0};
	struct ck_etcd_put_result *cres = NULL;
	struct ck_error *err = NULL;
	int64_t before, last = 0;
	char name[16];

	(void)state;
	w_put(prefix, "ns", "a", "web");
	w_put(prefix, "ns", "b", "web");
	env_start(&e, prefix, 0);
	run_until(&e, cache_ready, e.cache, 15000, "the first list");
	before = ck_watch_cache_revision(e.cache);
	rec_watch(&e, &r, before);
	event_base_loop(e.base, EVLOOP_NONBLOCK);

	crash_and_restart_etcd();
	w_del(prefix, "ns", "a");
	for (int i = 0; i < 5; i++) {
		snprintf(name, sizeof(name), "c%d", i);
		last = w_put(prefix, "ns", name, "web");
	}
	creq.revision = last;
	check(ck_etcd_sync_compact(g_writer, &creq, &cres, &err), &err);
	ck_etcd_put_result_free(cres);

	run_until(&e, relisted, &e, 20000, "the relist");
	run_until(&e, watcher_done, &r, 5000, "the watcher's end");
	assert_int_equal(r.done_status, 410);
	ck_watch_cache_etcd_stats(e.feed, &fst);
	assert_int_equal(fst.compactions, 1);
	assert_true(ck_watch_cache_revision(e.cache) >= last);
	expect_same_as_etcd(&e, prefix);

	/* A client resuming from its old revision gets 410 and relists; from now it works. */
	{
		struct ck_watch_cache_watch_opts o = {
		        .start_rv = before, .on_event = rec_event, .on_done = rec_done, .arg = &r2};

		assert_int_equal(ck_watch_cache_watch(e.cache, &o, &r2.w, &err), -1);
		assert_int_equal(err->http_status, 410);
		ck_error_clear(&err);
	}
	rec_watch(&e, &r2, ck_watch_cache_revision(e.cache));
	int64_t rv = w_put(prefix, "ns", "after", "web");

	run_until(&e, has_n_events, &(struct n_events){&r2, 1}, 10000, "a live event");
	assert_int_equal(r2.rv[0], rv);
	rec_release(&r);
	rec_release(&r2);
	env_stop(&e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_list_then_watch),
	        cmocka_unit_test(test_consistent_read),
	        cmocka_unit_test(test_resume_across_restart),
	        cmocka_unit_test(test_compaction_relists),
	};

	ck_log_set_level(CK_LOG_WARN);
	return cmocka_run_group_tests_name("watch-cache-etcd", tests, suite_setup, suite_teardown);
}
