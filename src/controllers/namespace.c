/*
 * The namespace controller (DESIGN.md §4): empties a Terminating namespace and then
 * finalizes it, so that `kubectl delete namespace` ends.
 *
 * K8S: pkg/controller/namespace/deletion (namespacedResourcesDeleter.Delete): for a
 * namespace with a deletionTimestamp and the "kubernetes" finalizer, delete every
 * collection of every namespaced resource in it (background propagation), check that
 * nothing is left (pods in their grace period, objects with finalizers keep it waiting;
 * it looks again later), then PUT namespaces/<name>/finalize without "kubernetes": the API
 * server deletes the namespace when that was its last finalizer. A Terminating namespace
 * without finalizers left is deleted.
 *
 * Reads: the API server's namespaces cache for what to do; the "is anything left" check
 * lists through the API (a consistent read), since the caches of different resources may
 * be at different revisions. Writes: the API through ck_client.
 *
 * Threading: the API server's loop.
 */
#include "base/compat.h"

#include <event2/event.h>

#include "api/apiserver.h"
#include "api/resource.h"
#include "base/log.h"
#include "base/mem.h"
#include "client/client.h"
#include "client/workqueue.h"
#include "controllers/ctrl.h"
#include "store/watch-cache.h"

#define NS_LOG "namespace-controller"
/* Pauses before looking again at a namespace with content left: 250 ms doubling to 30 s. */
#define NS_RECHECK_MIN_MS 250
#define NS_RECHECK_MAX_MS 30000
#define NS_START_POLL_MS  100

struct ck_nsctrl {
	struct event_base *base;
	struct ck_apiserver *srv;
	struct ck_client *client;
	struct ck_workqueue *q;
	struct ck_watch_cache *cache;
	struct ck_watch_cache_watcher *watcher;
	struct event *timer; /* start, and watch again */
	struct ns_job *jobs;
};

struct ns_job {
	struct ck_nsctrl *nc;
	const char *name; /* the work key: borrowed until done */
	json_t *ns;       /* the namespace as read */
	bool failed;
	bool left; /* something is still in the namespace */
	void (*next)(struct ns_job *j);
	struct ck_ctrl_calls calls;
	struct ns_job *prev, *nextj;
};

/* ---- jobs ----------------------------------------------------------------------------- */

static void job_free(struct ns_job *j)
{
	json_decref(j->ns);
	ck_ctrl_calls_cancel(&j->calls);
	free(j);
}

static void job_unlink(struct ns_job *j)
{
	if (j->prev)
		j->prev->nextj = j->nextj;
	else
		j->nc->jobs = j->nextj;
	if (j->nextj)
		j->nextj->prev = j->prev;
}

static void job_finish(struct ns_job *j)
{
	struct ck_nsctrl *nc = j->nc;

	job_unlink(j);
	/*
	 * Content left (pods in their grace period, finalizers) or a failure: look again
	 * with a growing pause, so that a namespace held by a finalizer nobody removes costs
	 * little. K8S: the controller requeues after its estimate, errors rate-limited.
	 */
	if (j->failed || j->left)
		ck_workqueue_add_rate_limited(nc->q, j->name);
	else
		ck_workqueue_forget(nc->q, j->name);
	ck_workqueue_done(nc->q, j->name);
	job_free(j);
}

static void job_step(struct ns_job *j)
{
	void (*next)(struct ns_job *);

	if (j->calls.n)
		return;
	next = j->next;
	j->next = NULL;
	if (next && !j->failed)
		next(j);
	else
		job_finish(j);
}

static void track(struct ns_job *j, struct ck_client_call *call)
{
	ck_ctrl_calls_add(&j->calls, call);
}

static void untrack(struct ns_job *j, struct ck_client_call *call)
{
	ck_ctrl_calls_remove(&j->calls, call);
}

static void write_done(struct ck_client_call *call, int status, const char *body, size_t len,
                       struct ck_error *err, void *arg)
{
	struct ns_job *j = arg;

	(void)body;
	(void)len;
	untrack(j, call);
	/* 404: gone already; 405: the resource can't be deleted as a collection. */
	if (err && status != 404 && status != 405) {
		ck_info(NS_LOG, "namespace %s: %s", j->name, err->msg ? err->msg : "failed");
		j->failed = true;
	}
	job_step(j);
}

/* The namespaced rows to empty, one per stored resource (versions of a kind share it). */
static size_t namespaced_rows(struct ck_nsctrl *nc, const struct ck_resource **out, size_t max)
{
	size_t n, k = 0;
	const struct ck_resource *const *rows = ck_api_resources(&n);
	struct ck_watch_cache *seen[128];

	for (size_t i = 0; i < n && k < max && k < CK_ARRAY_SIZE(seen); i++) {
		struct ck_watch_cache *c = ck_apiserver_cache(nc->srv, rows[i]);
		bool dup = false;

		if (!rows[i]->namespaced || !c || !(rows[i]->verbs & CK_API_VERB_DELETE))
			continue;
		for (size_t m = 0; m < k; m++)
			dup |= seen[m] == c;
		if (dup)
			continue;
		seen[k] = c;
		out[k++] = rows[i];
	}
	return k;
}

/* ---- the steps -------------------------------------------------------------------------- */

static void finalize(struct ns_job *j)
{
	json_t *body = json_deep_copy(j->ns), *keep = json_array(), *v;
	json_t *spec = json_object_get(body, "spec");
	json_t *fins = json_object_get(spec, "finalizers");
	size_t i;

	json_array_foreach(fins, i,
	                   v) if (!json_is_string(v) || strcmp(json_string_value(v), "kubernetes"))
	        json_array_append(keep, v);
	json_object_set_new(spec, "finalizers", keep);
	ck_autofree char *data = json_dumps(body, JSON_COMPACT);
	ck_autofree char *path = ck_xasprintf("/api/v1/namespaces/%s/finalize", j->name);

	json_decref(body);
	ck_info(NS_LOG, "namespace %s is empty: finalizing it", j->name);
	track(j, ck_client_request(j->nc->client, "PUT", path, "application/json", data,
	                           strlen(data), 0, write_done, j));
	job_step(j);
}

static void listed(struct ck_client_call *call, int status, const char *body, size_t len,
                   struct ck_error *err, void *arg)
{
	struct ns_job *j = arg;

	untrack(j, call);
	if (err) {
		if (status != 404 && status != 405)
			j->failed = true;
	} else {
		json_t *l = json_loadb(body, len, 0, NULL);

		if (json_array_size(json_object_get(l, "items")))
			j->left = true;
		json_decref(l);
	}
	if (!j->calls.n && !j->failed && j->left)
		j->next = NULL; /* look again later */
	job_step(j);
}

/* Is anything left? One LIST (limit=1) per resource, through the API. */
static void check_empty(struct ns_job *j)
{
	const struct ck_resource *rows[128];
	size_t n = namespaced_rows(j->nc, rows, CK_ARRAY_SIZE(rows));

	j->next = finalize;
	for (size_t i = 0; i < n; i++) {
		ck_autofree char *coll = ck_ctrl_path(rows[i], j->name, NULL);
		ck_autofree char *path = ck_xasprintf("%s?limit=1", coll);

		track(j,
		      ck_client_request(j->nc->client, "GET", path, NULL, NULL, 0, 0, listed, j));
	}
	job_step(j);
}

/* DELETE every collection in the namespace, background propagation. */
static void delete_content(struct ns_job *j)
{
	static const char opts[] = "{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\","
	                           "\"propagationPolicy\":\"Background\"}";
	const struct ck_resource *rows[128];
	size_t n = namespaced_rows(j->nc, rows, CK_ARRAY_SIZE(rows));

	j->next = check_empty;
	for (size_t i = 0; i < n; i++) {
		if (rows[i]->verbs & CK_API_VERB_DELETECOLLECTION) {
			ck_autofree char *path = ck_ctrl_path(rows[i], j->name, NULL);

			track(j,
			      ck_client_request(j->nc->client, "DELETE", path, "application/json",
			                        opts, sizeof(opts) - 1, 0, write_done, j));
			continue;
		}
		/*
		 * K8S: deleteAllContentForGroupVersionResource: a resource without
		 * deletecollection (services) is listed and deleted one by one. The list
		 * comes from the cache; check_empty's LIST through the API catches any it
		 * missed, and the next pass deletes those.
		 */
		struct ck_obj_list l = {0};
		struct ck_watch_cache_list_opts lo = {.ns = j->name};
		struct ck_error *err = NULL;

		if (ck_watch_cache_list(ck_apiserver_cache(j->nc->srv, rows[i]), &lo, &l, &err) <
		    0) {
			ck_error_free(err);
			j->failed = true;
			continue;
		}
		for (size_t k = 0; k < l.n; k++) {
			ck_autofree char *path = ck_ctrl_path(rows[i], j->name, l.items[k]->name);

			track(j,
			      ck_client_request(j->nc->client, "DELETE", path, "application/json",
			                        opts, sizeof(opts) - 1, 0, write_done, j));
		}
		ck_obj_list_release(&l);
	}
	job_step(j);
}

static void process(struct ck_workqueue *q, const char *key, void *arg)
{
	struct ck_nsctrl *nc = arg;
	struct ns_job *j = ck_xcalloc(1, sizeof(*j));
	struct ck_obj *o = NULL;
	struct ck_error *err = NULL;
	json_t *md, *fins;

	(void)q;
	j->nc = nc;
	j->name = key;
	j->nextj = nc->jobs;
	if (nc->jobs)
		nc->jobs->prev = j;
	nc->jobs = j;
	if (ck_watch_cache_get(nc->cache, NULL, key, &o, &err) != 0) {
		ck_error_free(err);
		job_step(j);
		return;
	}
	j->ns = ck_obj_parse(o);
	ck_obj_unref(o);
	md = json_object_get(j->ns, "metadata");
	fins = json_object_get(json_object_get(j->ns, "spec"), "finalizers");
	if (!json_object_get(md, "deletionTimestamp")) {
		job_step(j);
		return;
	}
	if (!ck_ctrl_has_string(fins, "kubernetes")) {
		/* Finalized: once no finalizer of any kind is left, delete it (K8S: Delete). */
		if (!json_array_size(fins) && !json_array_size(json_object_get(md, "finalizers"))) {
			ck_autofree char *path = ck_xasprintf("/api/v1/namespaces/%s", key);
			json_t *body =
			        json_pack("{s:s,s:s}", "kind", "DeleteOptions", "apiVersion", "v1");
			json_t *uid = json_object_get(md, "uid");

			if (json_is_string(uid))
				json_object_set_new(body, "preconditions",
				                    json_pack("{s:O}", "uid", uid));
			ck_autofree char *data = json_dumps(body, JSON_COMPACT);

			json_decref(body);
			track(j, ck_client_request(nc->client, "DELETE", path, "application/json",
			                           data, strlen(data), 0, write_done, j));
		}
		job_step(j);
		return;
	}
	delete_content(j);
}

/* ---- watching namespaces ------------------------------------------------------------ */

static void on_event(struct ck_watch_cache_watcher *w, enum ck_watch_event_type type,
                     struct ck_obj *obj, int64_t rv, void *arg)
{
	struct ck_nsctrl *nc = arg;

	(void)w;
	(void)rv;
	if (type == CK_WATCH_ADDED || type == CK_WATCH_MODIFIED) {
		/* A metadata key: in the text, not in the shared runs (fieldsV1). */
		if (strstr(obj->text, "\"deletionTimestamp\""))
			ck_workqueue_add(nc->q, obj->name);
	}
}

static void watch_namespaces(struct ck_nsctrl *nc);

static void on_done(struct ck_watch_cache_watcher *w, struct ck_error *err, void *arg)
{
	struct ck_nsctrl *nc = arg;
	struct timeval tv = {0, 100 * 1000};

	(void)err;
	ck_watch_cache_watcher_free(w);
	nc->watcher = NULL;
	evtimer_add(nc->timer, &tv);
}

static void watch_namespaces(struct ck_nsctrl *nc)
{
	struct ck_error *err = NULL;
	struct ck_watch_cache_watch_opts wo = {
	        .send_initial_events = true,
	        .queue_len = 10000,
	        .on_event = on_event,
	        .on_done = on_done,
	        .arg = nc,
	};

	if (ck_watch_cache_watch(nc->cache, &wo, &nc->watcher, &err) < 0) {
		struct timeval tv = {0, NS_START_POLL_MS * 1000};

		ck_error_free(err);
		evtimer_add(nc->timer, &tv);
	}
}

static void timer_cb(evutil_socket_t fd, short what, void *arg)
{
	struct ck_nsctrl *nc = arg;

	(void)fd;
	(void)what;
	if (!ck_apiserver_ready(nc->srv)) {
		struct timeval tv = {0, NS_START_POLL_MS * 1000};

		evtimer_add(nc->timer, &tv);
		return;
	}
	watch_namespaces(nc);
}

struct ck_nsctrl *ck_nsctrl_start(struct event_base *base, struct ck_apiserver *srv,
                                  struct ck_client *client)
{
	struct ck_nsctrl *nc = ck_xcalloc(1, sizeof(*nc));
	struct ck_workqueue_config qc = {.name = "namespace",
	                                 .workers = 4,
	                                 .base_delay_ms = NS_RECHECK_MIN_MS,
	                                 .max_delay_ms = NS_RECHECK_MAX_MS};
	struct timeval now = {0, 0};

	nc->base = base;
	nc->srv = srv;
	nc->client = client;
	nc->cache = ck_apiserver_cache(srv, ck_api_resource_find("", "v1", "namespaces"));
	CK_BUG_ON(!nc->cache);
	nc->q = ck_workqueue_new(base, &qc, process, nc);
	nc->timer = evtimer_new(base, timer_cb, nc);
	evtimer_add(nc->timer, &now);
	return nc;
}

void ck_nsctrl_free(struct ck_nsctrl *nc)
{
	if (!nc)
		return;
	while (nc->jobs) {
		struct ns_job *j = nc->jobs;

		nc->jobs = j->nextj;
		job_free(j);
	}
	ck_watch_cache_watcher_free(nc->watcher);
	ck_workqueue_free(nc->q);
	event_free(nc->timer);
	free(nc);
}
