/*
 * Unit tests for the watch cache core (src/store/watch-cache.c), driven directly through
 * replace/apply/progress on a private event_base: no etcd. Each test names the rule it
 * checks; K8S-tagged ones follow kube-apiserver's cacher. Run under ASan to check the
 * refcounts (make BUILD=build/asan SAN=1 ...): every object must be freed.
 */
#include "base/compat.h"

#include <setjmp.h>
#include <cmocka.h>
#include <event2/event.h>

#include "base/buf.h"
#include "base/json.h"
#include "base/log.h"
#include "base/mem.h"
#include "store/watch-cache.h"

#define PREFIX "/registry/pods/"

/* ---- helpers ---------------------------------------------------------------------- */

struct fixture {
	struct event_base *base;
	struct ck_watch_cache *c;
};

static const char *const pod_fields[] = {"spec.nodeName", "status.phase", NULL};

static struct fixture *fx_new(size_t ring, size_t queue_len)
{
	struct fixture *f = ck_xcalloc(1, sizeof(*f));
	struct ck_watch_cache_config cfg = {
	        .prefix = PREFIX,
	        .namespaced = true,
	        .fields = pod_fields,
	        .ring_min = ring,
	        .ring_max = ring,
	        .ring_max_bytes = 64u << 20,
	        .watcher_queue_len = queue_len,
	};

	f->base = event_base_new();
	assert_non_null(f->base);
	f->c = ck_watch_cache_new(f->base, &cfg);
	return f;
}

static void fx_free(struct fixture *f)
{
	ck_watch_cache_free(f->c);
	event_base_free(f->base);
	free(f);
}

/* Run what the loop has ready (the cache's deferred dispatch), without blocking. */
static void pump(struct fixture *f)
{
	for (int i = 0; i < 4; i++)
		event_base_loop(f->base, EVLOOP_NONBLOCK);
}

/* A pod's JSON; app may be NULL (no labels); pad adds bytes to reach a realistic size. */
static char *pod_json(const char *ns, const char *name, const char *app, const char *node,
                      size_t pad)
{
	char *padding = ck_xmalloc(pad + 1);
	char *s;

	memset(padding, 'x', pad);
	padding[pad] = '\0';
	s = ck_xasprintf("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"%s\","
	                 "\"namespace\":\"%s\",\"uid\":\"uid-%s\",\"creationTimestamp\":"
	                 "\"2026-11-21T10:00:00Z\"%s%s%s},\"spec\":{\"nodeName\":\"%s\","
	                 "\"containers\":[{\"name\":\"c\",\"image\":\"%s\"}]},"
	                 "\"status\":{\"phase\":\"Running\"}}",
	                 name, ns, name, app ? ",\"labels\":{\"app\":\"" : "", app ? app : "",
	                 app ? "\",\"tier\":\"be\"}" : "", node ? node : "", padding);
	free(padding);
	return s;
}

static void put(struct fixture *f, const char *ns, const char *name, const char *app, int64_t rv)
{
	char *key = ck_xasprintf(PREFIX "%s/%s", ns, name);
	char *v = pod_json(ns, name, app, "node-1", 16);

	assert_int_equal(
	        ck_watch_cache_apply(f->c, CK_WATCH_CACHE_PUT, key, strlen(key), v, strlen(v), rv),
	        0);
	free(key);
	free(v);
}

static void del(struct fixture *f, const char *ns, const char *name, int64_t rv)
{
	char *key = ck_xasprintf(PREFIX "%s/%s", ns, name);

	assert_int_equal(
	        ck_watch_cache_apply(f->c, CK_WATCH_CACHE_DELETE, key, strlen(key), NULL, 0, rv),
	        0);
	free(key);
}

static void snap_add(struct fixture *f, const char *ns, const char *name, const char *app,
                     int64_t rv)
{
	char *key = ck_xasprintf(PREFIX "%s/%s", ns, name);
	char *v = pod_json(ns, name, app, "node-1", 16);

	assert_int_equal(ck_watch_cache_replace_add(f->c, key, strlen(key), v, strlen(v), rv), 0);
	free(key);
	free(v);
}

/* An empty snapshot at rv: the cache is ready with nothing in it. */
static void start_empty(struct fixture *f, int64_t rv)
{
	ck_watch_cache_replace_begin(f->c);
	ck_watch_cache_replace_commit(f->c, rv);
	assert_true(ck_watch_cache_ready(f->c));
}

/* A watcher that records what it is given. */
struct rec_event {
	enum ck_watch_event_type type;
	int64_t rv;
	struct ck_obj *obj; /* a reference, or NULL for a bookmark */
};

struct recorder {
	struct ck_watch_cache_watcher *w;
	struct rec_event *ev;
	size_t n, alloc;
	int done_calls;
	int done_status;
	const char *done_reason;
	char *done_msg;
	size_t pause_after; /* pause once n reaches this (0: never) */
	bool free_on_event; /* free the watcher from its first event */
	bool free_on_done;  /* free the watcher from its done callback */
};

static void rec_event(struct ck_watch_cache_watcher *w, enum ck_watch_event_type type,
                      struct ck_obj *obj, int64_t rv, void *arg)
{
	struct recorder *r = arg;

	assert_ptr_equal(w, r->w);
	CK_ALLOC_GROW(r->ev, r->n + 1, r->alloc);
	r->ev[r->n++] = (struct rec_event){type, rv, ck_obj_ref(obj)};
	if (r->pause_after && r->n >= r->pause_after)
		ck_watch_cache_watcher_pause(w);
	if (r->free_on_event) {
		ck_watch_cache_watcher_free(w);
		r->w = NULL;
	}
}

static void rec_done(struct ck_watch_cache_watcher *w, struct ck_error *err, void *arg)
{
	struct recorder *r = arg;

	assert_ptr_equal(w, r->w);
	assert_non_null(err);
	r->done_calls++;
	r->done_status = err->http_status;
	r->done_reason = err->reason;
	free(r->done_msg);
	r->done_msg = ck_xstrdup(err->msg);
	if (r->free_on_done) {
		ck_watch_cache_watcher_free(w);
		r->w = NULL;
	}
}

static void rec_release(struct recorder *r)
{
	for (size_t i = 0; i < r->n; i++)
		ck_obj_unref(r->ev[i].obj);
	free(r->ev);
	free(r->done_msg);
	ck_watch_cache_watcher_free(r->w);
	memset(r, 0, sizeof(*r));
}

static int rec_watch(struct fixture *f, struct recorder *r, struct ck_watch_cache_watch_opts *o,
                     struct ck_error **err)
{
	o->on_event = rec_event;
	o->on_done = rec_done;
	o->arg = r;
	return ck_watch_cache_watch(f->c, o, &r->w, err);
}

static void expect_event(const struct recorder *r, size_t i, enum ck_watch_event_type type,
                         const char *key, int64_t rv)
{
	assert_true(i < r->n);
	assert_int_equal(r->ev[i].type, type);
	assert_int_equal(r->ev[i].rv, rv);
	if (key) {
		assert_non_null(r->ev[i].obj);
		assert_string_equal(r->ev[i].obj->key, key);
		assert_int_equal(r->ev[i].obj->rv, rv);
	}
}

/* ---- objects ---------------------------------------------------------------------- */

static void test_object_metadata(void **state)
{
	struct fixture *f = fx_new(16, 0);
	struct ck_obj *obj = NULL;
	char rvs[64];

	(void)state;
	start_empty(f, 5);
	put(f, "default", "web-0", "web", 7);
	assert_int_equal(ck_watch_cache_get(f->c, "default", "web-0", &obj, NULL), 0);
	assert_string_equal(obj->key, "default/web-0");
	assert_string_equal(obj->ns, "default");
	assert_string_equal(obj->name, "web-0");
	assert_string_equal(obj->uid, "uid-web-0");
	assert_string_equal(obj->creation_timestamp, "2026-11-21T10:00:00Z");
	assert_int_equal(obj->rv, 7);
	assert_int_equal(obj->nlabels, 2);
	assert_string_equal(ck_obj_label(obj, "app"), "web");
	assert_string_equal(ck_obj_label(obj, "tier"), "be");
	assert_null(ck_obj_label(obj, "nope"));
	assert_string_equal(ck_obj_field(obj, 0), "node-1");
	assert_string_equal(ck_obj_field(obj, 1), "Running");
	assert_null(ck_obj_field(obj, 2));
	/* K8S: the served object carries resourceVersion = the etcd mod_revision. */
	snprintf(rvs, sizeof(rvs), "\"resourceVersion\":\"7\"");
	assert_non_null(strstr(obj->text, rvs));
	assert_int_equal(strlen(obj->text), obj->json_len);
	assert_null(strchr(obj->text, '\n'));
	ck_obj_unref(obj);

	assert_int_equal(ck_watch_cache_get(f->c, "default", "nope", &obj, NULL), 1);
	assert_null(obj);
	fx_free(f);
}

/* A pod in namespace ns with one managedFields entry at time t whose fieldsV1 is fv. */
static void put_managed(struct fixture *f, const char *name, const char *t, const char *fv,
                        int64_t rv)
{
	char *key = ck_xasprintf(PREFIX "ns/%s", name);
	char *v = ck_xasprintf(
	        "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"%s\","
	        "\"namespace\":\"ns\",\"uid\":\"u-%s\",\"managedFields\":[{\"manager\":\"m\","
	        "\"operation\":\"Update\",\"apiVersion\":\"v1\",\"time\":\"%s\","
	        "\"fieldsType\":\"FieldsV1\",\"fieldsV1\":%s}]},\"spec\":{\"nodeName\":\"n\"}}",
	        name, name, t, fv);

	assert_int_equal(
	        ck_watch_cache_apply(f->c, CK_WATCH_CACHE_PUT, key, strlen(key), v, strlen(v), rv),
	        0);
	free(key);
	free(v);
}

/* obj's JSON is what jansson makes of it: parsed, with resourceVersion set, dumped. */
static void assert_json_whole(const struct ck_obj *obj)
{
	struct ck_buf got = CK_BUF_INIT, want = CK_BUF_INIT, tmp = CK_BUF_INIT;
	json_t *v;

	ck_obj_json_append(obj, &got);
	assert_int_equal(got.len, obj->json_len);
	assert_string_equal(ck_obj_json(obj, &tmp), got.data);
	v = json_loadb(got.data, got.len, 0, NULL);
	assert_non_null(v);
	assert_int_equal(ck_json_dump_buf(v, &want, false, NULL), 0);
	assert_string_equal(got.data, want.data);
	json_decref(v);
	ck_buf_release(&got);
	ck_buf_release(&want);
	ck_buf_release(&tmp);
}

/*
 * K8S: every pod of a template has the same managedFields fieldsV1 (a kilobyte): the cache
 * keeps one copy, objects keep where it goes, readers see the whole JSON; runs nothing
 * holds any more are dropped when the table would grow.
 */
static void test_shared_fields(void **state)
{
	static const char fv[] = "{\"f:metadata\":{\"f:labels\":{\".\":{},\"f:app\":{}}},"
	                         "\"f:spec\":{\"f:containers\":{},\"f:nodeName\":{}}}";
	struct fixture *f = fx_new(16, 0);
	struct ck_watch_cache_stats st;
	struct ck_obj *a = NULL, *b = NULL, *c = NULL;
	char name[32], many[128];

	(void)state;
	assert_true(strlen(fv) >= 64);
	start_empty(f, 5);
	put_managed(f, "a", "2026-11-21T10:00:00Z", fv, 6);
	put_managed(f, "b", "2026-11-21T10:00:01Z", fv, 7);
	/* Too short to be worth a piece. */
	put_managed(f, "c", "2026-11-21T10:00:01Z", "{\"f:spec\":{}}", 8);
	ck_watch_cache_stats(f->c, &st);
	assert_int_equal(st.shared, 1);
	assert_int_equal(st.shared_bytes, strlen(fv));
	assert_int_equal(ck_watch_cache_get(f->c, "ns", "a", &a, NULL), 0);
	assert_int_equal(ck_watch_cache_get(f->c, "ns", "b", &b, NULL), 0);
	assert_int_equal(ck_watch_cache_get(f->c, "ns", "c", &c, NULL), 0);
	assert_int_equal(a->npieces, 1);
	assert_int_equal(b->npieces, 1);
	assert_int_equal(c->npieces, 0);
	assert_null(strstr(a->text, "f:containers"));
	assert_int_equal(a->text_len + strlen(fv), a->json_len);
	assert_json_whole(a);
	assert_json_whole(b);
	assert_json_whole(c);
	assert_non_null(strstr(c->text, "\"resourceVersion\":\"8\""));
	ck_obj_unref(a);
	ck_obj_unref(b);
	ck_obj_unref(c);

	/* Gone from the store, then from the ring (16 events): only the table holds the run. */
	del(f, "ns", "a", 9);
	del(f, "ns", "b", 10);
	for (int i = 0; i < 40; i++) {
		snprintf(name, sizeof(name), "d%d", i);
		snprintf(many, sizeof(many),
		         "{\"f:metadata\":{\"f:labels\":{\".\":{},\"f:app%d\":{}}},\"f:spec\":{\"f:"
		         "nodeName\":{}}}",
		         i);
		assert_true(strlen(many) >= 64);
		put_managed(f, name, "2026-11-21T10:00:02Z", many, 11 + i);
	}
	/* The table was rebuilt when it grew past 32 runs: fv's run went then. */
	ck_watch_cache_stats(f->c, &st);
	assert_int_equal(st.shared, 40);
	fx_free(f);
}

static void test_object_stale_rv_replaced(void **state)
{
	struct fixture *f = fx_new(16, 0);
	struct ck_obj *obj = NULL;
	const char *v = "{\"metadata\":{\"name\":\"a\",\"resourceVersion\":\"3\"},\n \"x\": 1}";

	(void)state;
	start_empty(f, 5);
	assert_int_equal(ck_watch_cache_apply(f->c, CK_WATCH_CACHE_PUT, PREFIX "ns/a",
	                                      strlen(PREFIX "ns/a"), v, strlen(v), 9),
	                 0);
	assert_int_equal(ck_watch_cache_get(f->c, "ns", "a", &obj, NULL), 0);
	assert_string_equal(obj->text, "{\"metadata\":{\"name\":\"a\",\"resourceVersion\":\"9\"},"
	                               "\"x\":1}");
	assert_null(obj->uid);
	assert_int_equal(obj->nlabels, 0);
	ck_obj_unref(obj);
	fx_free(f);
}

/*
 * Decision: a value that is not a JSON object with a string metadata.name (or a key not of
 * the resource's shape) is skipped with a warning and counted; if the key held an object,
 * that object is removed with a DELETED event, since etcd no longer holds that version.
 */
static void test_malformed_values(void **state)
{
	struct fixture *f = fx_new(16, 0);
	struct recorder r = {0};
	struct ck_watch_cache_watch_opts o = {0};
	struct ck_watch_cache_stats st;
	struct ck_obj_list l;
	static const char *const bad[] = {
	        "not json",
	        "[1,2]",
	        "\"str\"",
	        "{}",
	        "{\"metadata\":[]}",
	        "{\"metadata\":{}}",
	        "{\"metadata\":{\"name\":42}}",
	        "{\"metadata\":{\"name\":\"\"}}",
	        "{\"metadata\":{\"name\":\"a\",\"name\":\"b\"}}",
	        "",
	};

	(void)state;
	ck_log_set_level(CK_LOG_OFF);
	ck_watch_cache_replace_begin(f->c);
	for (size_t i = 0; i < CK_ARRAY_SIZE(bad); i++) {
		char *key = ck_xasprintf(PREFIX "ns/bad-%zu", i);

		assert_int_equal(ck_watch_cache_replace_add(f->c, key, strlen(key), bad[i],
		                                            strlen(bad[i]), 2),
		                 1);
		free(key);
	}
	/* Keys of the wrong shape for a namespaced resource, and outside the prefix. */
	assert_int_equal(ck_watch_cache_replace_add(f->c, PREFIX "noslash", 22, "{}", 2, 2), 1);
	assert_int_equal(ck_watch_cache_replace_add(f->c, PREFIX "a/b/c", 20,
	                                            "{\"metadata\":{\"name\":\"c\"}}", 25, 2),
	                 1);
	assert_int_equal(ck_watch_cache_replace_add(f->c, "/registry/nodes/x", 17,
	                                            "{\"metadata\":{\"name\":\"x\"}}", 25, 2),
	                 1);
	snap_add(f, "ns", "good", "web", 3);
	ck_watch_cache_replace_commit(f->c, 10);

	assert_int_equal(rec_watch(f, &r, &o, NULL), 0);
	/* A good object turned bad: removed, with a DELETED event for its last state. */
	assert_int_equal(ck_watch_cache_apply(f->c, CK_WATCH_CACHE_PUT, PREFIX "ns/good",
	                                      strlen(PREFIX "ns/good"), "{oops", 5, 11),
	                 1);
	/* Garbage where nothing was: nothing but the revision moves. */
	assert_int_equal(ck_watch_cache_apply(f->c, CK_WATCH_CACHE_PUT, PREFIX "ns/other",
	                                      strlen(PREFIX "ns/other"), "[]", 2, 12),
	                 1);
	pump(f);
	assert_int_equal(r.n, 1);
	expect_event(&r, 0, CK_WATCH_DELETED, "ns/good", 11);
	assert_int_equal(ck_watch_cache_revision(f->c), 12);
	assert_int_equal(ck_watch_cache_list(f->c, NULL, &l, NULL), 0);
	assert_int_equal(l.n, 0);
	ck_obj_list_release(&l);
	ck_watch_cache_stats(f->c, &st);
	assert_int_equal(st.malformed, CK_ARRAY_SIZE(bad) + 2 + 2);
	rec_release(&r);
	fx_free(f);
	ck_log_set_level(CK_LOG_INFO);
}

/* ---- store: order, lookup, namespaces, pages -------------------------------------- */

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void test_order_and_lookup(void **state)
{
	enum { N = 5000 };
	struct fixture *f = fx_new(64, 0);
	char **keys = ck_xcalloc(N, sizeof(*keys));
	unsigned seed = 12345;
	struct ck_obj_list l;
	int64_t rv = 100;
	size_t live = 0;

	(void)state;
	start_empty(f, rv);
	/* Random insertion order over several namespaces, including ones that are prefixes
	 * of each other ("a", "a-b", "ab"), which byte order sorts a-b/ < a/ < ab/. */
	for (size_t i = 0; i < N; i++) {
		static const char *const nss[] = {"a", "a-b", "ab", "kube-system", "z"};
		const char *ns = nss[rand_r(&seed) % CK_ARRAY_SIZE(nss)];
		char name[32];

		snprintf(name, sizeof(name), "p-%u", rand_r(&seed) % 100000);
		keys[i] = ck_xasprintf("%s/%s", ns, name);
		put(f, ns, name, NULL, ++rv);
	}
	qsort(keys, N, sizeof(*keys), cmp_str);
	for (size_t i = 0; i < N; i++)
		if (live == 0 || strcmp(keys[i], keys[live - 1]))
			keys[live++] = keys[i];
		else
			free(keys[i]);

	assert_int_equal(ck_watch_cache_list(f->c, NULL, &l, NULL), 0);
	assert_int_equal(l.n, live);
	assert_int_equal(l.rv, rv);
	assert_false(l.more);
	for (size_t i = 0; i < l.n; i++)
		assert_string_equal(l.items[i]->key, keys[i]);
	ck_obj_list_release(&l);

	/* Delete every other key, then check lookups and order again. */
	for (size_t i = 0; i < live; i += 2) {
		char *slash = strchr(keys[i], '/');

		*slash = '\0';
		del(f, keys[i], slash + 1, ++rv);
		*slash = '/';
	}
	for (size_t i = 0; i < live; i++) {
		struct ck_obj *obj = NULL;
		char *slash = strchr(keys[i], '/');

		*slash = '\0';
		assert_int_equal(ck_watch_cache_get(f->c, keys[i], slash + 1, &obj, NULL),
		                 i % 2 ? 0 : 1);
		*slash = '/';
		if (obj)
			assert_string_equal(obj->key, keys[i]);
		ck_obj_unref(obj);
	}
	assert_int_equal(ck_watch_cache_list(f->c, NULL, &l, NULL), 0);
	assert_int_equal(l.n, live / 2);
	for (size_t i = 0; i < l.n; i++)
		assert_string_equal(l.items[i]->key, keys[2 * i + 1]);
	ck_obj_list_release(&l);

	for (size_t i = 0; i < live; i++)
		free(keys[i]);
	free(keys);
	fx_free(f);
}

/* A sorted snapshot fills blocks; later inserts and deletes split and merge them. */
static void test_sorted_snapshot_then_writes(void **state)
{
	enum { N = 3000 };
	struct fixture *f = fx_new(64, 0);
	struct ck_obj_list l;
	char name[32];
	int64_t rv = 10000;

	(void)state;
	ck_watch_cache_replace_begin(f->c);
	for (int i = 0; i < N; i++) {
		snprintf(name, sizeof(name), "p-%05d", 2 * i);
		snap_add(f, "ns", name, NULL, 1 + i);
	}
	ck_watch_cache_replace_commit(f->c, rv);
	/* Odd names go between the even ones, into full blocks. */
	for (int i = N - 1; i >= 0; i -= 3) {
		snprintf(name, sizeof(name), "p-%05d", 2 * i + 1);
		put(f, "ns", name, NULL, ++rv);
	}
	for (int i = 0; i < N; i += 2) {
		snprintf(name, sizeof(name), "p-%05d", 2 * i);
		del(f, "ns", name, ++rv);
	}
	assert_int_equal(ck_watch_cache_list(f->c, NULL, &l, NULL), 0);
	assert_int_equal(l.n, N / 2 + N / 3);
	for (size_t i = 1; i < l.n; i++)
		assert_true(strcmp(l.items[i - 1]->key, l.items[i]->key) < 0);
	for (size_t i = 0; i < l.n; i++) {
		struct ck_obj *obj = NULL;

		assert_int_equal(ck_watch_cache_get(f->c, "ns", l.items[i]->name, &obj, NULL), 0);
		assert_ptr_equal(obj, l.items[i]);
		ck_obj_unref(obj);
	}
	ck_obj_list_release(&l);
	fx_free(f);
}

static bool filter_app_web(const struct ck_obj *obj, void *arg)
{
	const char *app = ck_obj_label(obj, "app");

	(void)arg;
	return app && !strcmp(app, "web");
}

static void test_namespace_list_and_pages(void **state)
{
	struct fixture *f = fx_new(16, 0);
	struct ck_watch_cache_list_opts o = {0};
	struct ck_obj_list l;
	struct ck_error *err = NULL;
	char name[32];
	int64_t rv = 1;

	(void)state;
	ck_watch_cache_replace_begin(f->c);
	/* Given out of order: the snapshot must still come out sorted. */
	for (int i = 599; i >= 0; i--) {
		snprintf(name, sizeof(name), "p-%03d", i);
		snap_add(f, "a", name, i % 3 ? "db" : "web", rv++);
		snap_add(f, "a-b", name, "web", rv++);
		snap_add(f, "ab", name, "web", rv++);
	}
	ck_watch_cache_replace_commit(f->c, rv);

	/* A namespace is one key range; its neighbours by prefix are not included. */
	o.ns = "a";
	assert_int_equal(ck_watch_cache_list(f->c, &o, &l, NULL), 0);
	assert_int_equal(l.n, 600);
	assert_string_equal(l.items[0]->key, "a/p-000");
	assert_string_equal(l.items[599]->key, "a/p-599");
	ck_obj_list_release(&l);

	/* K8S: limit/continue: pages of `limit` by key, continuing after the last key. */
	for (int with_filter = 0; with_filter < 2; with_filter++) {
		size_t total = 0, pages = 0;
		char *after = NULL;

		o.ns = "a";
		o.limit = 70;
		o.filter = with_filter ? filter_app_web : NULL;
		for (;;) {
			o.start_after = after;
			assert_int_equal(ck_watch_cache_list(f->c, &o, &l, NULL), 0);
			pages++;
			for (size_t i = 0; i < l.n; i++) {
				assert_true(ck_str_has_prefix(l.items[i]->key, "a/"));
				if (after)
					assert_true(strcmp(l.items[i]->key, after) > 0);
				if (i)
					assert_true(strcmp(l.items[i]->key, l.items[i - 1]->key) >
					            0);
				if (with_filter)
					assert_string_equal(ck_obj_label(l.items[i], "app"), "web");
			}
			total += l.n;
			free(after);
			after = l.n ? ck_xstrdup(l.items[l.n - 1]->key) : NULL;
			bool more = l.more;

			assert_true(more ? l.n == 70 : l.n <= 70);
			ck_obj_list_release(&l);
			if (!more)
				break;
		}
		free(after);
		assert_int_equal(total, with_filter ? 200 : 600);
		assert_int_equal(pages, with_filter ? 3 : 9);
	}

	/* Continuing from a key before the namespace starts at the namespace. */
	o = (struct ck_watch_cache_list_opts){.ns = "ab", .start_after = "a-b/zzz", .limit = 1};
	assert_int_equal(ck_watch_cache_list(f->c, &o, &l, NULL), 0);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.items[0]->key, "ab/p-000");
	assert_true(l.more);
	ck_obj_list_release(&l);

	/* All namespaces, from the middle: a-b/ < a/ < ab/ in byte order. */
	o = (struct ck_watch_cache_list_opts){.start_after = "a/p-599"};
	assert_int_equal(ck_watch_cache_list(f->c, &o, &l, NULL), 0);
	assert_int_equal(l.n, 600);
	assert_string_equal(l.items[0]->key, "ab/p-000");
	ck_obj_list_release(&l);

	/* An empty namespace, and one past every key. */
	o = (struct ck_watch_cache_list_opts){.ns = "zz"};
	assert_int_equal(ck_watch_cache_list(f->c, &o, &l, NULL), 0);
	assert_int_equal(l.n, 0);
	ck_obj_list_release(&l);

	/* Not ready: 503. */
	ck_log_set_level(CK_LOG_OFF);
	ck_watch_cache_invalidate(f->c, "test");
	ck_log_set_level(CK_LOG_INFO);
	assert_int_equal(ck_watch_cache_list(f->c, NULL, &l, &err), -1);
	assert_int_equal(err->http_status, 503);
	ck_error_free(err);
	fx_free(f);
}

static void test_cluster_scoped(void **state)
{
	struct event_base *base = event_base_new();
	struct ck_watch_cache_config cfg = {.prefix = "/registry/minions/"};
	struct ck_watch_cache *c = ck_watch_cache_new(base, &cfg);
	struct ck_watch_cache_list_opts o = {.ns = "x"};
	struct ck_obj_list l;
	struct ck_obj *obj = NULL;
	struct ck_error *err = NULL;
	const char *v = "{\"metadata\":{\"name\":\"n1\"}}";

	(void)state;
	ck_watch_cache_replace_begin(c);
	assert_int_equal(ck_watch_cache_replace_add(c, "/registry/minions/n1", 20, v, strlen(v), 4),
	                 0);
	ck_watch_cache_replace_commit(c, 4);
	assert_int_equal(ck_watch_cache_get(c, NULL, "n1", &obj, NULL), 0);
	assert_string_equal(obj->key, "n1");
	assert_string_equal(obj->ns, "");
	assert_string_equal(obj->name, "n1");
	ck_obj_unref(obj);
	assert_int_equal(ck_watch_cache_list(c, &o, &l, &err), -1);
	assert_int_equal(err->http_status, 400);
	ck_error_free(err);
	ck_watch_cache_free(c);
	event_base_free(base);
}

/* ---- ring and expiry -------------------------------------------------------------- */

static void expect_expired(struct fixture *f, int64_t from, int64_t oldest)
{
	struct recorder r = {0};
	struct ck_watch_cache_watch_opts o = {.start_rv = from};
	struct ck_error *err = NULL;
	char *msg;

	assert_int_equal(rec_watch(f, &r, &o, &err), -1);
	assert_null(r.w);
	assert_int_equal(err->http_status, 410);
	assert_string_equal(err->reason, CK_REASON_EXPIRED);
	msg = ck_xasprintf("too old resource version: %" PRId64 " (%" PRId64 ")", from, oldest);
	assert_string_equal(err->msg, msg);
	free(msg);
	ck_error_free(err);
}

static void expect_watch_ok(struct fixture *f, int64_t from, const int64_t *rvs, size_t n)
{
	struct recorder r = {0};
	struct ck_watch_cache_watch_opts o = {.start_rv = from};

	assert_int_equal(rec_watch(f, &r, &o, NULL), 0);
	/* Nothing before the loop runs: delivery is never synchronous. */
	assert_int_equal(r.n, 0);
	pump(f);
	assert_int_equal(r.n, n);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(r.ev[i].rv, rvs[i]);
	rec_release(&r);
}

/*
 * K8S: getAllEventsSinceLocked: before anything is dropped from the ring, a watch may
 * start at the list revision; afterwards at (oldest event in the ring) - 1. Below: 410
 * Expired "too old resource version: R (oldest-1)".
 */
static void test_ring_expiry_boundary(void **state)
{
	struct fixture *f = fx_new(4, 0);
	struct ck_watch_cache_stats st;

	(void)state;
	start_empty(f, 10);
	expect_watch_ok(f, 10, NULL, 0);
	expect_expired(f, 9, 10);

	/* Events at 12, 14, 16, 18: four fit; nothing dropped yet. */
	put(f, "ns", "a", NULL, 12);
	put(f, "ns", "b", NULL, 14);
	put(f, "ns", "a", NULL, 16);
	del(f, "ns", "b", 18);
	expect_watch_ok(f, 10, (int64_t[]){12, 14, 16, 18}, 4);
	expect_watch_ok(f, 11, (int64_t[]){12, 14, 16, 18}, 4);
	expect_expired(f, 9, 10);

	/* A fifth event drops 12: the oldest is now 14, so 13 is the lowest start. */
	put(f, "ns", "c", NULL, 20);
	ck_watch_cache_stats(f->c, &st);
	assert_int_equal(st.events, 4);
	assert_int_equal(st.oldest_rv, 13);
	expect_watch_ok(f, 13, (int64_t[]){14, 16, 18, 20}, 4);
	expect_watch_ok(f, 14, (int64_t[]){16, 18, 20}, 3);
	expect_watch_ok(f, 17, (int64_t[]){18, 20}, 2);
	expect_watch_ok(f, 20, NULL, 0);
	/* A future revision is accepted; nothing up to it is delivered. */
	expect_watch_ok(f, 25, NULL, 0);
	expect_expired(f, 12, 13);
	expect_expired(f, 10, 13);
	fx_free(f);
}

/* A watcher from a retained revision gets exactly the events after it, then live ones. */
static void test_watch_from_old_revision(void **state)
{
	struct fixture *f = fx_new(64, 0);
	struct recorder r = {0};
	struct ck_watch_cache_watch_opts o = {.start_rv = 12};

	(void)state;
	start_empty(f, 10);
	put(f, "ns", "a", NULL, 11);
	put(f, "ns", "b", NULL, 12);
	put(f, "ns", "a", NULL, 13);
	del(f, "ns", "b", 14);
	assert_int_equal(rec_watch(f, &r, &o, NULL), 0);
	put(f, "ns", "c", NULL, 15); /* arrives before the replay ran */
	pump(f);
	put(f, "ns", "c", NULL, 16);
	pump(f);
	assert_int_equal(r.n, 4);
	expect_event(&r, 0, CK_WATCH_MODIFIED, "ns/a", 13);
	expect_event(&r, 1, CK_WATCH_DELETED, "ns/b", 14);
	expect_event(&r, 2, CK_WATCH_ADDED, "ns/c", 15);
	expect_event(&r, 3, CK_WATCH_MODIFIED, "ns/c", 16);
	/* K8S: the deleted object carries the delete's revision in its JSON too. */
	assert_non_null(strstr(r.ev[1].obj->text, "\"resourceVersion\":\"14\""));
	assert_int_equal(ck_watch_cache_watcher_revision(r.w), 16);
	ck_watch_cache_progress(f->c, 20);
	assert_int_equal(ck_watch_cache_watcher_revision(r.w), 20);
	rec_release(&r);
	fx_free(f);
}

/* Events of one etcd revision (a txn) are all applied; a repeated one is ignored. */
static void test_same_revision_and_duplicates(void **state)
{
	struct fixture *f = fx_new(64, 0);
	struct recorder r = {0};
	struct ck_watch_cache_watch_opts o = {0};
	char *v = pod_json("ns", "a", NULL, NULL, 0);

	(void)state;
	start_empty(f, 10);
	assert_int_equal(rec_watch(f, &r, &o, NULL), 0);
	put(f, "ns", "a", NULL, 11);
	put(f, "ns", "b", NULL, 11);
	/* What a resumed etcd watch repeats: the same events at the cache's revision. */
	assert_int_equal(ck_watch_cache_apply(f->c, CK_WATCH_CACHE_PUT, PREFIX "ns/a",
	                                      strlen(PREFIX "ns/a"), v, strlen(v), 11),
	                 1);
	assert_int_equal(ck_watch_cache_apply(f->c, CK_WATCH_CACHE_PUT, PREFIX "ns/a",
	                                      strlen(PREFIX "ns/a"), v, strlen(v), 9),
	                 1);
	del(f, "ns", "b", 12);
	assert_int_equal(ck_watch_cache_apply(f->c, CK_WATCH_CACHE_DELETE, PREFIX "ns/b",
	                                      strlen(PREFIX "ns/b"), NULL, 0, 12),
	                 1);
	/* Deleting what the cache does not hold moves the revision only. */
	assert_int_equal(ck_watch_cache_apply(f->c, CK_WATCH_CACHE_DELETE, PREFIX "ns/zz",
	                                      strlen(PREFIX "ns/zz"), NULL, 0, 13),
	                 1);
	assert_int_equal(ck_watch_cache_revision(f->c), 13);
	pump(f);
	assert_int_equal(r.n, 3);
	expect_event(&r, 0, CK_WATCH_ADDED, "ns/a", 11);
	expect_event(&r, 1, CK_WATCH_ADDED, "ns/b", 11);
	expect_event(&r, 2, CK_WATCH_DELETED, "ns/b", 12);
	free(v);
	rec_release(&r);
	fx_free(f);
}

/* ---- selectors -------------------------------------------------------------------- */

/* K8S: cacheWatcher.convertToWatchEvent. */
static void test_filter_converts_events(void **state)
{
	struct fixture *f = fx_new(64, 0);
	struct recorder r = {0}, all = {0};
	struct ck_watch_cache_watch_opts o = {.filter = filter_app_web};
	struct ck_watch_cache_watch_opts oa = {0};

	(void)state;
	start_empty(f, 10);
	assert_int_equal(rec_watch(f, &r, &o, NULL), 0);
	assert_int_equal(rec_watch(f, &all, &oa, NULL), 0);
	put(f, "ns", "a", "db", 11);  /* ADDED, not matching: nothing */
	put(f, "ns", "a", "web", 12); /* MODIFIED into the selector: ADDED */
	put(f, "ns", "a", "web", 13); /* MODIFIED within: MODIFIED */
	put(f, "ns", "a", "db", 14);  /* MODIFIED out of it: DELETED of the old version */
	put(f, "ns", "b", "web", 15); /* ADDED matching: ADDED */
	del(f, "ns", "b", 16);        /* DELETED matching: DELETED */
	put(f, "ns", "c", "db", 17);
	del(f, "ns", "c", 18); /* DELETED not matching: nothing */
	pump(f);

	assert_int_equal(all.n, 8);
	assert_int_equal(r.n, 5);
	expect_event(&r, 0, CK_WATCH_ADDED, "ns/a", 12);
	expect_event(&r, 1, CK_WATCH_MODIFIED, "ns/a", 13);
	expect_event(&r, 2, CK_WATCH_DELETED, "ns/a", 14);
	/* The DELETED object is the old (matching) version, restamped at the event. */
	assert_string_equal(ck_obj_label(r.ev[2].obj, "app"), "web");
	assert_non_null(strstr(r.ev[2].obj->text, "\"resourceVersion\":\"14\""));
	expect_event(&r, 3, CK_WATCH_ADDED, "ns/b", 15);
	expect_event(&r, 4, CK_WATCH_DELETED, "ns/b", 16);
	assert_string_equal(ck_obj_label(r.ev[4].obj, "app"), "web");
	/* Fan-out shares the object: the same bytes, not a copy per watcher. */
	assert_ptr_equal(r.ev[1].obj, all.ev[2].obj);
	assert_ptr_equal(r.ev[4].obj, all.ev[5].obj);
	rec_release(&r);
	rec_release(&all);
	fx_free(f);
}

static void test_namespace_watch(void **state)
{
	struct fixture *f = fx_new(64, 0);
	struct recorder r = {0};
	struct ck_watch_cache_watch_opts o = {.ns = "a", .send_initial_events = true};

	(void)state;
	ck_watch_cache_replace_begin(f->c);
	snap_add(f, "a", "x", NULL, 3);
	snap_add(f, "a-b", "x", NULL, 4);
	snap_add(f, "ab", "x", NULL, 5);
	ck_watch_cache_replace_commit(f->c, 10);
	assert_int_equal(rec_watch(f, &r, &o, NULL), 0);
	put(f, "ab", "y", NULL, 11);
	put(f, "a", "y", NULL, 12);
	put(f, "a-b", "y", NULL, 13);
	pump(f);
	assert_int_equal(r.n, 2);
	expect_event(&r, 0, CK_WATCH_ADDED, "a/x", 3);
	expect_event(&r, 1, CK_WATCH_ADDED, "a/y", 12);
	rec_release(&r);
	fx_free(f);
}

/* K8S: resourceVersion=0 (or sendInitialEvents): the current objects as ADDED, sorted. */
static void test_initial_events(void **state)
{
	struct fixture *f = fx_new(64, 0);
	struct recorder r = {0};
	struct ck_watch_cache_watch_opts o = {.send_initial_events = true,
	                                      .initial_events_bookmark = true,
	                                      .filter = filter_app_web};

	(void)state;
	ck_watch_cache_replace_begin(f->c);
	snap_add(f, "ns", "c", "web", 5);
	snap_add(f, "ns", "a", "web", 3);
	snap_add(f, "ns", "b", "db", 4);
	ck_watch_cache_replace_commit(f->c, 10);
	put(f, "ns", "d", "web", 11);
	assert_int_equal(rec_watch(f, &r, &o, NULL), 0);
	put(f, "ns", "e", "web", 12);
	pump(f);
	assert_int_equal(r.n, 5);
	expect_event(&r, 0, CK_WATCH_ADDED, "ns/a", 3);
	expect_event(&r, 1, CK_WATCH_ADDED, "ns/c", 5);
	expect_event(&r, 2, CK_WATCH_ADDED, "ns/d", 11);
	expect_event(&r, 3, CK_WATCH_BOOKMARK, NULL, 11);
	assert_null(r.ev[3].obj);
	expect_event(&r, 4, CK_WATCH_ADDED, "ns/e", 12);
	assert_string_equal(ck_watch_event_type_name(r.ev[3].type), "BOOKMARK");
	rec_release(&r);
	fx_free(f);
}

/* ---- slow watchers ---------------------------------------------------------------- */

/*
 * K8S: a watcher that cannot keep up is terminated (cacheWatcher.add) rather than block
 * the others; its done callback comes even though it is paused.
 */
static void test_slow_watcher_overflow(void **state)
{
	struct fixture *f = fx_new(64, 3);
	struct recorder slow = {.pause_after = 1}, fast = {0};
	struct ck_watch_cache_watch_opts o = {0};
	struct ck_watch_cache_stats st;

	(void)state;
	start_empty(f, 10);
	assert_int_equal(rec_watch(f, &slow, &o, NULL), 0);
	assert_int_equal(rec_watch(f, &fast, &o, NULL), 0);
	pump(f); /* both live */
	put(f, "ns", "p0", NULL, 11);
	pump(f); /* slow takes one and pauses */
	assert_int_equal(slow.n, 1);
	for (int i = 1; i <= 3; i++) {
		char name[8];

		snprintf(name, sizeof(name), "p%d", i & 7);
		put(f, "ns", name, NULL, 11 + i);
	}
	pump(f);
	assert_int_equal(slow.n, 1);
	assert_int_equal(slow.done_calls, 0); /* 3 pending: the queue is full, not over */
	put(f, "ns", "p4", NULL, 15);
	pump(f);
	assert_int_equal(slow.done_calls, 1);
	assert_int_equal(slow.done_status, 410);
	assert_string_equal(slow.done_reason, CK_REASON_EXPIRED);
	assert_int_equal(fast.n, 5);
	assert_int_equal(fast.done_calls, 0);
	/* Later events and a resume change nothing for the ended watcher. */
	put(f, "ns", "p5", NULL, 16);
	ck_watch_cache_watcher_resume(slow.w);
	pump(f);
	assert_int_equal(slow.n, 1);
	assert_int_equal(slow.done_calls, 1);
	assert_int_equal(fast.n, 6);

	/* A paused watcher that drains before overflowing loses nothing. */
	struct recorder pz = {.pause_after = 1};

	assert_int_equal(rec_watch(f, &pz, &o, NULL), 0);
	pump(f);
	put(f, "ns", "q0", NULL, 17);
	put(f, "ns", "q1", NULL, 18);
	put(f, "ns", "q2", NULL, 19);
	pump(f);
	assert_int_equal(pz.n, 1);
	pz.pause_after = 0;
	ck_watch_cache_watcher_resume(pz.w);
	pump(f);
	assert_int_equal(pz.n, 3);
	expect_event(&pz, 2, CK_WATCH_ADDED, "ns/q2", 19);
	assert_int_equal(pz.done_calls, 0);

	ck_watch_cache_stats(f->c, &st);
	assert_int_equal(st.watchers, 3);
	rec_release(&slow);
	ck_watch_cache_stats(f->c, &st);
	assert_int_equal(st.watchers, 2);
	rec_release(&fast);
	rec_release(&pz);
	fx_free(f);
}

/*
 * A watcher's queue grows with its backlog, up to its queue_len, keeping the events in
 * order across the circular buffer's wrap, and drains without loss.
 */
/* Put n pods "<prefix><i>" in namespace ns, at revisions first, first + 1, ... */
static void put_run(struct fixture *f, const char *prefix, int n, int64_t first)
{
	char name[32];

	for (int i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "%s%d", prefix, i);
		put(f, "ns", name, NULL, first + i);
	}
}

static void test_queue_grows_in_order(void **state)
{
	struct fixture *f = fx_new(1024, 400);
	struct recorder r = {.pause_after = 5};
	struct ck_watch_cache_watch_opts o = {0};
	char name[16];

	(void)state;
	start_empty(f, 10);
	assert_int_equal(rec_watch(f, &r, &o, NULL), 0);
	pump(f);
	/* Five delivered: the small queue's head is now inside it, so the next ones wrap. */
	put_run(f, "a", 5, 11);
	pump(f);
	assert_int_equal(r.n, 5);
	put_run(f, "b", 300, 16);
	pump(f);
	assert_int_equal(r.n, 5);
	r.pause_after = 0;
	ck_watch_cache_watcher_resume(r.w);
	pump(f);
	assert_int_equal(r.done_calls, 0);
	assert_int_equal(r.n, 305);
	for (int i = 0; i < 300; i++) {
		snprintf(name, sizeof(name), "ns/b%d", i);
		expect_event(&r, 5 + (size_t)i, CK_WATCH_ADDED, name, 16 + i);
	}
	/* Drained, then a burst past queue_len: the watcher is ended as before. */
	r.pause_after = r.n + 1;
	put(f, "ns", "c", NULL, 316);
	pump(f);
	put_run(f, "d", 401, 317);
	pump(f);
	assert_int_equal(r.done_calls, 1);
	assert_int_equal(r.done_status, 410);
	rec_release(&r);
	fx_free(f);
}

/* A watcher replaying history that the ring drops before it gets there is ended. */
static void test_replay_falls_out_of_ring(void **state)
{
	struct fixture *f = fx_new(4, 100);
	struct recorder r = {.pause_after = 1};
	struct ck_watch_cache_watch_opts o = {.start_rv = 10};

	(void)state;
	start_empty(f, 10);
	put(f, "ns", "a", NULL, 11);
	put(f, "ns", "b", NULL, 12);
	assert_int_equal(rec_watch(f, &r, &o, NULL), 0);
	pump(f);
	assert_int_equal(r.n, 1); /* got 11, paused with 12 still to replay */
	put(f, "ns", "c", NULL, 13);
	put(f, "ns", "d", NULL, 14);
	assert_int_equal(r.done_calls, 0);
	put(f, "ns", "e", NULL, 15); /* drops 11 */
	put(f, "ns", "f", NULL, 16); /* drops 12: the watcher's next event */
	pump(f);
	assert_int_equal(r.done_calls, 1);
	assert_int_equal(r.done_status, 410);
	assert_int_equal(r.n, 1);
	rec_release(&r);
	fx_free(f);
}

/* 1,000 watchers: every one gets every event, in order, sharing the same objects. */
static void test_fanout(void **state)
{
	enum { W = 1000, E = 50 };
	struct fixture *f = fx_new(256, 0);
	struct recorder *r = ck_xcalloc(W, sizeof(*r));
	struct ck_watch_cache_watch_opts o = {0};

	(void)state;
	start_empty(f, 1);
	for (int i = 0; i < W; i++)
		assert_int_equal(rec_watch(f, &r[i], &o, NULL), 0);
	for (int i = 0; i < E; i++) {
		char name[16];

		snprintf(name, sizeof(name), "p%d", i % 7);
		put(f, "ns", name, NULL, 2 + i);
		if (i % 10 == 0)
			pump(f);
	}
	pump(f);
	for (int i = 0; i < W; i++) {
		assert_int_equal(r[i].n, E);
		for (int j = 0; j < E; j++) {
			assert_int_equal(r[i].ev[j].rv, 2 + j);
			assert_ptr_equal(r[i].ev[j].obj, r[0].ev[j].obj);
		}
	}
	for (int i = 0; i < W; i++)
		rec_release(&r[i]);
	free(r);
	fx_free(f);
}

/* A watcher may free itself (or be freed) from its callbacks. */
static void test_free_from_callbacks(void **state)
{
	struct fixture *f = fx_new(64, 2);
	struct recorder a = {.free_on_event = true}, b = {.free_on_done = true, .pause_after = 1};
	struct ck_watch_cache_watch_opts o = {0};
	struct ck_watch_cache_stats st;

	(void)state;
	start_empty(f, 10);
	assert_int_equal(rec_watch(f, &a, &o, NULL), 0);
	assert_int_equal(rec_watch(f, &b, &o, NULL), 0);
	pump(f);
	put(f, "ns", "x", NULL, 11);
	put(f, "ns", "y", NULL, 12);
	pump(f);
	assert_int_equal(a.n, 1);
	assert_null(a.w);
	put(f, "ns", "z", NULL, 13);
	put(f, "ns", "w", NULL, 14); /* b: 11 delivered, 12 and 13 queued, 14 overflows */
	pump(f);
	assert_int_equal(b.done_calls, 1);
	assert_null(b.w);
	ck_watch_cache_stats(f->c, &st);
	assert_int_equal(st.watchers, 0);
	rec_release(&a);
	rec_release(&b);
	fx_free(f);
}

/* ---- relist ----------------------------------------------------------------------- */

/*
 * K8S: after a compaction the cacher terminates every watcher and relists; the new
 * snapshot empties the ring, so a watch from before it gets 410 and the client relists.
 */
static void test_relist(void **state)
{
	struct fixture *f = fx_new(64, 0);
	struct recorder r = {0};
	struct ck_watch_cache_watch_opts o = {0};
	struct ck_obj *a1 = NULL, *a2 = NULL, *b2 = NULL;
	struct ck_watch_cache_stats st;
	struct ck_error *err = NULL;

	(void)state;
	ck_log_set_level(CK_LOG_WARN);
	ck_watch_cache_replace_begin(f->c);
	snap_add(f, "ns", "a", NULL, 3);
	snap_add(f, "ns", "b", NULL, 4);
	ck_watch_cache_replace_commit(f->c, 10);
	put(f, "ns", "c", NULL, 11);
	assert_int_equal(rec_watch(f, &r, &o, NULL), 0);
	assert_int_equal(ck_watch_cache_get(f->c, "ns", "a", &a1, NULL), 0);

	ck_watch_cache_invalidate(f->c, "etcd watch compacted");
	assert_false(ck_watch_cache_ready(f->c));
	{
		struct ck_watch_cache_watcher *w2 = NULL;

		assert_int_equal(ck_watch_cache_watch(f->c, &o, &w2, &err), -1);
		assert_null(w2);
	}
	assert_int_equal(err->http_status, 503);
	ck_error_clear(&err);
	pump(f);
	assert_int_equal(r.done_calls, 1);
	assert_int_equal(r.done_status, 410);

	ck_watch_cache_replace_begin(f->c);
	snap_add(f, "ns", "a", NULL, 3);  /* unchanged: shared */
	snap_add(f, "ns", "b", NULL, 40); /* changed */
	ck_watch_cache_replace_commit(f->c, 50);
	assert_true(ck_watch_cache_ready(f->c));
	assert_int_equal(ck_watch_cache_get(f->c, "ns", "a", &a2, NULL), 0);
	assert_ptr_equal(a1, a2);
	ck_obj_unref(a2);
	assert_int_equal(ck_watch_cache_get(f->c, "ns", "b", &b2, NULL), 0);
	assert_int_equal(b2->rv, 40);
	assert_int_equal(ck_watch_cache_get(f->c, "ns", "c", &a2 /* unused */, NULL), 1);
	ck_watch_cache_stats(f->c, &st);
	assert_int_equal(st.objects, 2);
	assert_int_equal(st.events, 0);
	assert_int_equal(st.relists, 2);
	expect_expired(f, 11, 50);
	expect_watch_ok(f, 50, NULL, 0);
	ck_obj_unref(a1);
	ck_obj_unref(b2);

	/* An aborted snapshot leaves the store alone. */
	ck_watch_cache_replace_begin(f->c);
	snap_add(f, "ns", "zzz", NULL, 60);
	ck_watch_cache_replace_abort(f->c);
	ck_watch_cache_stats(f->c, &st);
	assert_int_equal(st.objects, 2);
	rec_release(&r);
	fx_free(f);
	ck_log_set_level(CK_LOG_INFO);
}

/* ---- waiting for a revision ------------------------------------------------------- */

struct wait_rec {
	int calls;
	int status; /* 0 for success */
	char *msg;
};

static void wait_cb(struct ck_error *err, void *arg)
{
	struct wait_rec *w = arg;

	w->calls++;
	w->status = err ? err->http_status : 0;
	free(w->msg);
	w->msg = err ? ck_xstrdup(err->msg) : NULL;
}

static void test_wait_for_revision(void **state)
{
	struct fixture *f = fx_new(64, 0);
	struct wait_rec w1 = {0}, w2 = {0}, w3 = {0}, w4 = {0}, w5 = {0};
	struct ck_watch_cache_stats st;

	(void)state;
	/* Registered before the cache is ready: fires at the first snapshot that reaches it. */
	ck_watch_cache_wait(f->c, 5, 10000, wait_cb, &w5);
	pump(f);
	assert_int_equal(w5.calls, 0);
	start_empty(f, 10);
	pump(f);
	assert_int_equal(w5.calls, 1);
	assert_int_equal(w5.status, 0);

	/* Already reached: still asynchronous, exactly once. */
	ck_watch_cache_wait(f->c, 10, 10000, wait_cb, &w1);
	assert_int_equal(w1.calls, 0);
	pump(f);
	assert_int_equal(w1.calls, 1);
	assert_int_equal(w1.status, 0);

	/* Reached by an event, not before it. */
	ck_watch_cache_wait(f->c, 13, 10000, wait_cb, &w2);
	put(f, "ns", "a", NULL, 12);
	pump(f);
	assert_int_equal(w2.calls, 0);
	put(f, "ns", "a", NULL, 14);
	pump(f);
	assert_int_equal(w2.calls, 1);
	assert_int_equal(w2.status, 0);
	put(f, "ns", "a", NULL, 15);
	pump(f);
	assert_int_equal(w2.calls, 1);

	/* Reached by a progress notification (a write elsewhere in etcd). */
	ck_watch_cache_wait(f->c, 30, 10000, wait_cb, &w3);
	ck_watch_cache_progress(f->c, 29);
	pump(f);
	assert_int_equal(w3.calls, 0);
	ck_watch_cache_progress(f->c, 31);
	pump(f);
	assert_int_equal(w3.calls, 1);

	/* Cancelled: never called. */
	struct ck_watch_cache_wait *h = ck_watch_cache_wait(f->c, 40, 10000, wait_cb, &w4);

	ck_watch_cache_wait_cancel(h);
	ck_watch_cache_progress(f->c, 41);
	pump(f);
	assert_int_equal(w4.calls, 0);

	/* K8S: not reached in time: 504 "Too large resource version", once. */
	struct wait_rec wt = {0};

	ck_watch_cache_wait(f->c, 100, 30, wait_cb, &wt);
	while (wt.calls == 0)
		event_base_loop(f->base, EVLOOP_ONCE);
	assert_int_equal(wt.calls, 1);
	assert_int_equal(wt.status, 504);
	assert_string_equal(wt.msg, "Too large resource version: 100, current: 41");
	ck_watch_cache_progress(f->c, 200);
	pump(f);
	assert_int_equal(wt.calls, 1);
	ck_watch_cache_stats(f->c, &st);
	assert_int_equal(st.waits, 0);

	/* Pending at free: told 503. */
	struct wait_rec wf = {0};

	ck_watch_cache_wait(f->c, 1000, 0, wait_cb, &wf);
	fx_free(f);
	assert_int_equal(wf.calls, 1);
	assert_int_equal(wf.status, 503);
	free(wt.msg);
	free(wf.msg);
}

/* ---- refcounts and teardown ------------------------------------------------------- */

static void test_refcounts(void **state)
{
	struct fixture *f = fx_new(2, 0);
	struct ck_obj *v1 = NULL, *v2 = NULL;
	struct ck_obj_list l;

	(void)state;
	start_empty(f, 10);
	put(f, "ns", "a", NULL, 11);
	assert_int_equal(ck_watch_cache_get(f->c, "ns", "a", &v1, NULL), 0);
	assert_int_equal(v1->refs, 3); /* store, ring event, us */
	put(f, "ns", "a", NULL, 12);
	assert_int_equal(v1->refs, 3); /* event 11's object, event 12's prev, us */
	put(f, "ns", "b", NULL, 13);   /* ring of 2: drops event 11 */
	assert_int_equal(v1->refs, 2);
	put(f, "ns", "c", NULL, 14); /* drops event 12 */
	assert_int_equal(v1->refs, 1);
	assert_string_equal(v1->key, "ns/a"); /* still ours to read */
	assert_int_equal(ck_watch_cache_get(f->c, "ns", "a", &v2, NULL), 0);
	assert_int_equal(v2->rv, 12);
	assert_int_equal(ck_watch_cache_list(f->c, NULL, &l, NULL), 0);
	assert_int_equal(l.n, 3);
	assert_int_equal(v2->refs, 3); /* store, us, the list */
	ck_obj_list_release(&l);
	ck_obj_list_release(&l); /* idempotent */
	del(f, "ns", "a", 15);
	fx_free(f); /* v1 and v2 outlive the cache */
	assert_int_equal(v2->refs, 1);
	assert_non_null(strstr(v2->text, "\"resourceVersion\":\"12\""));
	ck_obj_unref(v1);
	ck_obj_unref(v2);
	ck_obj_unref(NULL);
}

static void test_free_with_watchers(void **state)
{
	struct fixture *f = fx_new(64, 0);
	struct recorder r = {0}, r2 = {.free_on_done = true};
	struct ck_watch_cache_watch_opts o = {0};

	(void)state;
	start_empty(f, 10);
	assert_int_equal(rec_watch(f, &r, &o, NULL), 0);
	assert_int_equal(rec_watch(f, &r2, &o, NULL), 0);
	put(f, "ns", "a", NULL, 11); /* queued, never delivered */
	fx_free(f);
	assert_int_equal(r.done_calls, 1);
	assert_int_equal(r.done_status, 503);
	assert_int_equal(r2.done_calls, 1);
	assert_null(r2.w);
	rec_release(&r); /* the detached handle is still freed by its owner */
	rec_release(&r2);
}

/* Ring bytes are bounded: old versions are dropped, not kept for history. */
static void test_ring_byte_budget(void **state)
{
	struct event_base *base = event_base_new();
	struct ck_watch_cache_config cfg = {
	        .prefix = PREFIX,
	        .namespaced = true,
	        .ring_min = 1000,
	        .ring_max = 1000,
	        .ring_max_bytes = 20000,
	};
	struct ck_watch_cache *c = ck_watch_cache_new(base, &cfg);
	struct ck_watch_cache_stats st;

	(void)state;
	ck_watch_cache_replace_begin(c);
	ck_watch_cache_replace_commit(c, 1);
	for (int i = 0; i < 200; i++) {
		char *v = pod_json("ns", "a", NULL, NULL, 1000);

		ck_watch_cache_apply(c, CK_WATCH_CACHE_PUT, PREFIX "ns/a", strlen(PREFIX "ns/a"), v,
		                     strlen(v), 2 + i);
		free(v);
	}
	ck_watch_cache_stats(c, &st);
	assert_true(st.ring_bytes <= 20000);
	assert_true(st.events >= 10 && st.events < 20);
	assert_true(st.oldest_rv > 150);
	ck_watch_cache_free(c);
	event_base_free(base);
}

/* K8S: the ring doubles while it fills within 75 s, up to its maximum, then drops. */
static void test_ring_grows(void **state)
{
	struct event_base *base = event_base_new();
	struct ck_watch_cache_config cfg = {
	        .prefix = PREFIX,
	        .namespaced = true,
	        .ring_min = 4,
	        .ring_max = 12,
	};
	struct ck_watch_cache *c = ck_watch_cache_new(base, &cfg);
	struct ck_watch_cache_stats st;

	(void)state;
	ck_watch_cache_replace_begin(c);
	ck_watch_cache_replace_commit(c, 1);
	for (int i = 0; i < 20; i++) {
		char *v = pod_json("ns", "a", NULL, NULL, 0);

		ck_watch_cache_apply(c, CK_WATCH_CACHE_PUT, PREFIX "ns/a", strlen(PREFIX "ns/a"), v,
		                     strlen(v), 2 + i);
		free(v);
		ck_watch_cache_stats(c, &st);
		if (i == 4)
			assert_int_equal(st.ring_capacity, 8);
		if (i == 9) {
			assert_int_equal(st.ring_capacity, 12);
			assert_int_equal(st.events, 10);
			assert_int_equal(st.oldest_rv, 1); /* nothing dropped yet */
		}
	}
	assert_int_equal(st.ring_capacity, 12);
	assert_int_equal(st.events, 12);
	assert_int_equal(st.oldest_rv, 21 - 12 + 1 - 1);
	ck_watch_cache_free(c);
	event_base_free(base);
}

/*
 * The budget the API server has: 10,000 pods of ~1.5 KiB. Prints the cache's own cost per
 * object (allocations it counts, not malloc overhead) and checks it stays small.
 */
static void test_memory_10k_pods(void **state)
{
	enum { N = 10000 };
	struct fixture *f = fx_new(128, 0);
	struct ck_watch_cache_stats st;
	size_t json = 0;

	(void)state;
	ck_log_set_level(CK_LOG_WARN);
	ck_watch_cache_replace_begin(f->c);
	for (int i = 0; i < N; i++) {
		char name[32], *key, *v;

		snprintf(name, sizeof(name), "web-%05d", i);
		key = ck_xasprintf(PREFIX "ns-%d/%s", i % 20, name);
		v = pod_json("ns", name, "web", "node-7", 1100);
		assert_int_equal(
		        ck_watch_cache_replace_add(f->c, key, strlen(key), v, strlen(v), 100 + i),
		        0);
		free(key);
		free(v);
	}
	ck_watch_cache_replace_commit(f->c, 100 + N);
	ck_watch_cache_stats(f->c, &st);
	assert_int_equal(st.objects, N);
	{
		struct ck_obj_list l;

		assert_int_equal(ck_watch_cache_list(f->c, NULL, &l, NULL), 0);
		for (size_t i = 0; i < l.n; i++)
			json += l.items[i]->json_len;
		ck_obj_list_release(&l);
	}
	print_message("watch cache: %d pods, %zu JSON bytes, %zu object bytes "
	              "(%.0f bytes/object besides JSON)\n",
	              N, json, st.object_bytes, (double)(st.object_bytes - json) / N);
	assert_true(st.object_bytes - json < (size_t)N * 300);
	fx_free(f);
	ck_log_set_level(CK_LOG_INFO);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_object_metadata),
	        cmocka_unit_test(test_object_stale_rv_replaced),
	        cmocka_unit_test(test_shared_fields),
	        cmocka_unit_test(test_malformed_values),
	        cmocka_unit_test(test_order_and_lookup),
	        cmocka_unit_test(test_sorted_snapshot_then_writes),
	        cmocka_unit_test(test_namespace_list_and_pages),
	        cmocka_unit_test(test_cluster_scoped),
	        cmocka_unit_test(test_ring_expiry_boundary),
	        cmocka_unit_test(test_watch_from_old_revision),
	        cmocka_unit_test(test_same_revision_and_duplicates),
	        cmocka_unit_test(test_filter_converts_events),
	        cmocka_unit_test(test_namespace_watch),
	        cmocka_unit_test(test_initial_events),
	        cmocka_unit_test(test_slow_watcher_overflow),
	        cmocka_unit_test(test_queue_grows_in_order),
	        cmocka_unit_test(test_replay_falls_out_of_ring),
	        cmocka_unit_test(test_fanout),
	        cmocka_unit_test(test_free_from_callbacks),
	        cmocka_unit_test(test_relist),
	        cmocka_unit_test(test_wait_for_revision),
	        cmocka_unit_test(test_refcounts),
	        cmocka_unit_test(test_free_with_watchers),
	        cmocka_unit_test(test_ring_byte_budget),
	        cmocka_unit_test(test_ring_grows),
	        cmocka_unit_test(test_memory_10k_pods),
	};

	ck_log_set_level(CK_LOG_INFO);
	return cmocka_run_group_tests_name("watch-cache", tests, NULL, NULL);
}
