/*
 * The garbage collector (DESIGN.md §4): deletes objects whose owners are gone, and
 * finishes the deletions that propagationPolicy turned into finalizers.
 *
 * K8S: pkg/controller/garbagecollector. Its three duties, as there:
 *   - attemptToDelete (key "d"): a dependent whose owners may be gone. Each ownerReference
 *     is "solid" (the owner exists with that uid), "dangling" (absent, or another object of
 *     that name now) or "waiting" (being deleted in the foreground). With a solid owner the
 *     dangling and waiting references are removed from the dependent; without one it is
 *     deleted — in the foreground when a waiting owner needs it gone first and it has
 *     dependents itself, else with the policy its own finalizers name, else background.
 *   - orphan (key "o"): an owner being deleted with the "orphan" finalizer: every
 *     dependent loses its reference to it, then the finalizer goes and the API server
 *     deletes the owner.
 *   - foreground (key "f"): an owner being deleted with the "foregroundDeletion"
 *     finalizer: its dependents are deleted; once none with blockOwnerDeletion is left the
 *     finalizer goes.
 * An owner is believed absent only after a GET through the API says so (the caches of two
 * resources may be at different revisions, as upstream's informers are): a consistent read.
 *
 * The graph: every object with ownerReferences has a node (uid → resource, namespace,
 * name, owner uids) and every uid named as an owner has the list of its dependents. It is
 * built from watchers on the API server's caches (send_initial_events), so a restart or a
 * relist rebuilds it; after a relist's initial events, nodes not seen again are treated
 * as deleted.
 *
 * Writes go through the API (ck_client): DELETE with a uid precondition, JSON merge patches
 * carrying the resourceVersion they were computed from (a conflict retries with back-off).
 *
 * Threading: the API server's loop.
 */
#include "base/compat.h"

#include <event2/event.h>
#include <uthash.h>

#include "api/apiserver.h"
#include "api/resource.h"
#include "base/buf.h"
#include "base/json.h"
#include "base/log.h"
#include "base/mem.h"
#include "client/client.h"
#include "client/workqueue.h"
#include "controllers/ctrl.h"
#include "store/watch-cache.h"

#undef uthash_malloc
#undef uthash_free
#define uthash_malloc(sz)    ck_xmalloc(sz)
#define uthash_free(ptr, sz) free(ptr)

#define GC_LOG "gc"
/* Writes one job sends at once; an owner with more dependents takes several passes. */
#define GC_MAX_FANOUT 64
/* Until the caches are ready the collector looks again this often. */
#define GC_START_POLL_MS 100

/* K8S: metav1.FinalizerOrphanDependents, FinalizerDeleteDependents. */
static const char fin_orphan[] = "orphan";
static const char fin_foreground[] = "foregroundDeletion";

struct ck_gc;

/* One watched resource: a cache and the collector's watcher on it. */
struct gc_res {
	struct ck_gc *gc;
	const struct ck_resource *res;
	struct ck_watch_cache *cache;
	struct ck_watch_cache_watcher *watcher;
	struct event *retry; /* watch again after a pause */
	unsigned gen;        /* bumped at each (re)watch: nodes not seen again are gone */
	bool initial;        /* inside the initial events */
};

/* An object with ownerReferences. */
struct gc_node {
	char *uid;
	struct gc_res *r;
	char *ns, *name;
	char **owners; /* uids */
	bool *blocks;  /* their blockOwnerDeletion */
	size_t nowners;
	unsigned gen;
	UT_hash_handle hh;
};

/* A uid some object names as its owner, and those objects (their uids). */
struct gc_owner {
	char *uid;
	char **deps;
	size_t ndeps, alloc;
	UT_hash_handle hh;
};

/* An owner being deleted in the foreground, and its work key. */
struct gc_fg {
	char *uid;
	char *key;
	UT_hash_handle hh;
};

struct ck_gc {
	struct event_base *base;
	struct ck_apiserver *srv;
	struct ck_client *client;
	struct ck_workqueue *q;
	struct gc_res *res;
	size_t nres;
	struct gc_node *nodes;
	struct gc_owner *owners;
	struct gc_fg *fg;
	struct event *start_timer;
	struct gc_job *jobs; /* in flight, for cancellation at free */
};

/*
 * True when every resource's watcher has delivered its initial events: the graph is
 * complete. K8S: the workers wait for dependencyGraphBuilder.IsSynced(); an orphan or
 * foreground decision on half a graph would miss dependents.
 */
static bool graph_synced(const struct ck_gc *gc)
{
	for (size_t i = 0; i < gc->nres; i++)
		if (!gc->res[i].watcher || gc->res[i].initial)
			return false;
	return true;
}

/* ---- the graph -------------------------------------------------------------------------- */

static void owner_add_dep(struct ck_gc *gc, const char *owner, const char *dep)
{
	struct gc_owner *o = NULL;

	HASH_FIND_STR(gc->owners, owner, o);
	if (!o) {
		o = ck_xcalloc(1, sizeof(*o));
		o->uid = ck_xstrdup(owner);
		HASH_ADD_KEYPTR(hh, gc->owners, o->uid, strlen(o->uid), o);
	}
	for (size_t i = 0; i < o->ndeps; i++)
		if (!strcmp(o->deps[i], dep))
			return;
	if (o->ndeps == o->alloc) {
		o->alloc = o->alloc ? 2 * o->alloc : 4;
		o->deps = ck_xreallocarray(o->deps, o->alloc, sizeof(*o->deps));
	}
	o->deps[o->ndeps++] = ck_xstrdup(dep);
}

static void owner_del_dep(struct ck_gc *gc, const char *owner, const char *dep)
{
	struct gc_owner *o = NULL;

	HASH_FIND_STR(gc->owners, owner, o);
	if (!o)
		return;
	for (size_t i = 0; i < o->ndeps; i++) {
		if (strcmp(o->deps[i], dep))
			continue;
		free(o->deps[i]);
		o->deps[i] = o->deps[--o->ndeps];
		break;
	}
	if (!o->ndeps) {
		HASH_DEL(gc->owners, o);
		free(o->deps);
		free(o->uid);
		free(o);
	}
}

static struct gc_owner *owner_find(struct ck_gc *gc, const char *uid)
{
	struct gc_owner *o = NULL;

	HASH_FIND_STR(gc->owners, uid, o);
	return o;
}

static struct gc_node *node_find(struct ck_gc *gc, const char *uid)
{
	struct gc_node *n = NULL;

	HASH_FIND_STR(gc->nodes, uid, n);
	return n;
}

static void node_free(struct ck_gc *gc, struct gc_node *n)
{
	for (size_t i = 0; i < n->nowners; i++) {
		owner_del_dep(gc, n->owners[i], n->uid);
		free(n->owners[i]);
	}
	HASH_DEL(gc->nodes, n);
	free(n->owners);
	free(n->blocks);
	free(n->uid);
	free(n->ns);
	free(n->name);
	free(n);
}

static size_t res_index(const struct ck_gc *gc, const struct gc_res *r)
{
	return (size_t)(r - gc->res);
}

/* Work keys: "<duty> <resource index> <namespace> <name> <uid>" (namespace may be ""). */
static char *work_key(char duty, struct ck_gc *gc, const struct gc_res *r, const char *ns,
                      const char *name, const char *uid)
{
	return ck_xasprintf("%c %zu %s %s %s", duty, res_index(gc, r), ns ? ns : "", name, uid);
}

static void enqueue(struct ck_gc *gc, char duty, const struct gc_res *r, const char *ns,
                    const char *name, const char *uid)
{
	ck_autofree char *key = work_key(duty, gc, r, ns, name, uid);

	ck_workqueue_add(gc->q, key);
}

static void enqueue_dependents(struct ck_gc *gc, const char *owner_uid)
{
	struct gc_owner *o = owner_find(gc, owner_uid);

	for (size_t i = 0; o && i < o->ndeps; i++) {
		struct gc_node *n = node_find(gc, o->deps[i]);

		if (n)
			enqueue(gc, 'd', n->r, n->ns, n->name, n->uid);
	}
}

/* A dependent went away: its foreground-deleting owners may now drop their finalizer. */
static void poke_foreground_owners(struct ck_gc *gc, const struct gc_node *n)
{
	for (size_t i = 0; i < n->nowners; i++) {
		struct gc_fg *f = NULL;

		HASH_FIND_STR(gc->fg, n->owners[i], f);
		if (f)
			ck_workqueue_add(gc->q, f->key);
	}
}

static void fg_set(struct ck_gc *gc, const char *uid, const char *key)
{
	struct gc_fg *f = NULL;

	HASH_FIND_STR(gc->fg, uid, f);
	if (f)
		return;
	f = ck_xcalloc(1, sizeof(*f));
	f->uid = ck_xstrdup(uid);
	f->key = ck_xstrdup(key);
	HASH_ADD_KEYPTR(hh, gc->fg, f->uid, strlen(f->uid), f);
}

static void fg_del(struct ck_gc *gc, const char *uid)
{
	struct gc_fg *f = NULL;

	HASH_FIND_STR(gc->fg, uid, f);
	if (!f)
		return;
	HASH_DEL(gc->fg, f);
	free(f->uid);
	free(f->key);
	free(f);
}

/* Did the owner uids of n change to those of refs? */
static bool owners_differ(const struct gc_node *n, const json_t *refs)
{
	size_t i;
	json_t *ref;

	if (json_array_size(refs) != n->nowners)
		return true;
	json_array_foreach(refs, i, ref)
	{
		const char *uid = json_string_value(json_object_get(ref, "uid"));

		if (!uid || strcmp(uid, n->owners[i]) ||
		    json_is_true(json_object_get(ref, "blockOwnerDeletion")) != n->blocks[i])
			return true;
	}
	return false;
}

static void observe(struct ck_gc *gc, struct gc_res *r, const struct ck_obj *obj, json_t *o)
{
	json_t *md = json_object_get(o, "metadata");
	json_t *refs = json_object_get(md, "ownerReferences");
	json_t *fins = json_object_get(md, "finalizers");
	const char *uid = obj->uid;
	struct gc_node *n;
	bool changed = false;

	if (!uid || !*uid)
		return;
	n = node_find(gc, uid);
	if (json_array_size(refs)) {
		if (!n) {
			n = ck_xcalloc(1, sizeof(*n));
			n->uid = ck_xstrdup(uid);
			n->r = r;
			n->ns = ck_xstrdup(obj->ns);
			n->name = ck_xstrdup(obj->name);
			HASH_ADD_KEYPTR(hh, gc->nodes, n->uid, strlen(n->uid), n);
			changed = true;
		} else if (owners_differ(n, refs)) {
			changed = true;
		}
		n->gen = r->gen;
		if (changed) {
			size_t i;
			json_t *ref;

			/*
			 * K8S: addUnblockedOwnersToDeleteQueue: an owner deleting in the
			 * foreground may be waiting for this object only.
			 */
			poke_foreground_owners(gc, n);
			for (i = 0; i < n->nowners; i++) {
				owner_del_dep(gc, n->owners[i], n->uid);
				free(n->owners[i]);
			}
			n->nowners = 0;
			n->owners = ck_xreallocarray(n->owners, json_array_size(refs),
			                             sizeof(*n->owners));
			n->blocks = ck_xreallocarray(n->blocks, json_array_size(refs),
			                             sizeof(*n->blocks));
			json_array_foreach(refs, i, ref)
			{
				const char *ou = json_string_value(json_object_get(ref, "uid"));

				if (!ou) {
					/* Kept in step with refs, for owners_differ. */
					ou = "";
				}
				n->blocks[n->nowners] =
				        json_is_true(json_object_get(ref, "blockOwnerDeletion"));
				n->owners[n->nowners++] = ck_xstrdup(ou);
				owner_add_dep(gc, ou, n->uid);
			}
			/* New owners, or owners dropped: verify them (K8S: processGraphChanges). */
			enqueue(gc, 'd', r, obj->ns, obj->name, uid);
		}
	} else if (n) {
		poke_foreground_owners(gc, n);
		node_free(gc, n);
	}
	if (!json_object_get(md, "deletionTimestamp"))
		return;
	/* Being deleted: its dependents must look at their owners again. */
	if (ck_ctrl_has_string(fins, fin_orphan))
		enqueue(gc, 'o', r, obj->ns, obj->name, uid);
	if (ck_ctrl_has_string(fins, fin_foreground)) {
		ck_autofree char *key = work_key('f', gc, r, obj->ns, obj->name, uid);

		fg_set(gc, uid, key);
		ck_workqueue_add(gc->q, key);
	}
	enqueue_dependents(gc, uid);
}

static void forget_object(struct ck_gc *gc, const char *uid)
{
	struct gc_node *n = node_find(gc, uid);

	fg_del(gc, uid);
	/* K8S: an owner's deletion sends its dependents to attemptToDelete. */
	enqueue_dependents(gc, uid);
	if (n) {
		poke_foreground_owners(gc, n);
		node_free(gc, n);
	}
}

/* After a relist's initial events: nodes of r not seen again were deleted meanwhile. */
static void sweep(struct ck_gc *gc, struct gc_res *r)
{
	struct gc_node *n, *tmp;

	HASH_ITER(hh, gc->nodes, n, tmp)
	if (n->r == r && n->gen != r->gen)
		forget_object(gc, n->uid);
}

static int watch_res(struct gc_res *r);

static void on_event(struct ck_watch_cache_watcher *w, enum ck_watch_event_type type,
                     struct ck_obj *obj, int64_t rv, void *arg)
{
	struct gc_res *r = arg;
	struct ck_gc *gc = r->gc;
	json_t *o;

	(void)w;
	(void)rv;
	if (type == CK_WATCH_BOOKMARK) {
		if (r->initial) {
			r->initial = false;
			sweep(gc, r);
			/*
			 * After a re-watch, owners deleted during the gap left no event: every
			 * dependent looks at its owners again.
			 */
			if (r->gen > 1) {
				struct gc_node *n, *tmp;

				HASH_ITER(hh, gc->nodes, n, tmp)
				enqueue(gc, 'd', n->r, n->ns, n->name, n->uid);
			}
		}
		return;
	}
	if (type == CK_WATCH_DELETED) {
		if (obj->uid)
			forget_object(gc, obj->uid);
		return;
	}
	/*
	 * Most objects neither have owners nor are being deleted: no need to parse them. The
	 * keys are metadata's, in the text (the shared runs are fieldsV1, whose keys are "f:...").
	 */
	if (!strstr(obj->text, "\"ownerReferences\"") &&
	    !strstr(obj->text, "\"deletionTimestamp\"")) {
		struct gc_node *n = obj->uid ? node_find(gc, obj->uid) : NULL;

		if (n) {
			poke_foreground_owners(gc, n);
			node_free(gc, n);
		}
		return;
	}
	o = ck_obj_parse(obj);
	if (o)
		observe(gc, r, obj, o);
	json_decref(o);
}

static void rewatch_cb(evutil_socket_t fd, short what, void *arg)
{
	(void)fd;
	(void)what;
	watch_res(arg);
}

static void on_done(struct ck_watch_cache_watcher *w, struct ck_error *err, void *arg)
{
	struct gc_res *r = arg;
	struct timeval tv = {0, 100 * 1000};

	/* A relist or a slow collector: watch again with the initial events. */
	ck_info(GC_LOG, "watch of %s ended (%s); watching again", r->res->plural,
	        err && err->msg ? err->msg : "no reason");
	ck_watch_cache_watcher_free(w);
	r->watcher = NULL;
	evtimer_add(r->retry, &tv);
}

static int watch_res(struct gc_res *r)
{
	struct ck_error *err = NULL;
	struct ck_watch_cache_watch_opts wo = {
	        .send_initial_events = true,
	        .initial_events_bookmark = true,
	        .queue_len = 100000,
	        .on_event = on_event,
	        .on_done = on_done,
	        .arg = r,
	};

	r->gen++;
	r->initial = true;
	if (ck_watch_cache_watch(r->cache, &wo, &r->watcher, &err) < 0) {
		struct timeval tv = {0, 200 * 1000};

		ck_error_free(err);
		evtimer_add(r->retry, &tv);
		return -1;
	}
	return 0;
}

/* ---- jobs: one work item in flight ---------------------------------------------------- */

struct gc_job {
	struct ck_gc *gc;
	char *key;
	char duty;
	struct gc_res *r;
	char *ns, *name, *uid;
	json_t *obj;                      /* the object the key names, as last read */
	int64_t rv;                       /* its revision */
	struct ck_watch_cache_wait *wait; /* for the graph to reach a revision */
	bool failed;
	bool again;                     /* process the key once more (more to do) */
	void (*next)(struct gc_job *j); /* when no call is in flight */
	/* attemptToDelete: the owner references being checked one by one. */
	size_t ref_i;
	json_t *dangling; /* uids */
	json_t *waiting;
	bool solid;
	struct ck_ctrl_calls calls;
	struct gc_job *prev, *nextj;
};

static void job_finish(struct gc_job *j)
{
	struct ck_gc *gc = j->gc;

	if (j->prev)
		j->prev->nextj = j->nextj;
	else
		gc->jobs = j->nextj;
	if (j->nextj)
		j->nextj->prev = j->prev;
	if (j->failed) {
		ck_workqueue_add_rate_limited(gc->q, j->key);
	} else {
		ck_workqueue_forget(gc->q, j->key);
		if (j->again)
			ck_workqueue_add(gc->q, j->key);
	}
	ck_workqueue_done(gc->q, j->key);
	ck_watch_cache_wait_cancel(j->wait);
	json_decref(j->obj);
	json_decref(j->dangling);
	json_decref(j->waiting);
	ck_ctrl_calls_cancel(&j->calls);
	free(j->ns);
	free(j->name);
	free(j->uid);
	free(j);
}

static void job_cancel(struct gc_job *j)
{
	ck_ctrl_calls_cancel(&j->calls);
	ck_watch_cache_wait_cancel(j->wait);
	json_decref(j->obj);
	json_decref(j->dangling);
	json_decref(j->waiting);
	free(j->ns);
	free(j->name);
	free(j->uid);
	free(j);
}

static void track_call(struct gc_job *j, struct ck_client_call *call)
{
	ck_ctrl_calls_add(&j->calls, call);
}

static void untrack_call(struct gc_job *j, struct ck_client_call *call)
{
	ck_ctrl_calls_remove(&j->calls, call);
}

/* Continue with j->next once no call is pending, or end the job. */
static void job_step(struct gc_job *j)
{
	void (*next)(struct gc_job *);

	if (j->calls.n || j->wait)
		return;
	next = j->next;
	j->next = NULL;
	if (next && !j->failed)
		next(j);
	else
		job_finish(j);
}

/* A write's reply: 404 means the object is already gone; anything else retries. */
static void write_done(struct ck_client_call *call, int status, const char *body, size_t len,
                       struct ck_error *err, void *arg)
{
	struct gc_job *j = arg;

	(void)body;
	(void)len;
	untrack_call(j, call);
	if (err && status != 404) {
		ck_debug(GC_LOG, "%s: %s", j->key, err->msg ? err->msg : "failed");
		j->failed = true;
	}
	job_step(j);
}

static void send_json(struct gc_job *j, const char *method, const char *path, const char *ctype,
                      json_t *body)
{
	ck_autofree char *data = json_dumps(body, JSON_COMPACT);

	track_call(j, ck_client_request(j->gc->client, method, path, ctype, data, strlen(data), 0,
	                                write_done, j));
}

/* DELETE path with a uid precondition and a propagation policy. */
/*
 * DELETE the job's object with a propagation policy, on condition that it is still the
 * version the decision was made on (its uid and resourceVersion): the caches of two
 * resources may be at different revisions, and an object whose references changed since
 * (orphaned, adopted) must be looked at again, not deleted (K8S: attemptToDeleteItem
 * decides on a live read; the precondition is ckube's equivalent, a 409 retries).
 */
static void delete_object(struct gc_job *j, const char *policy)
{
	const struct ck_resource *res = j->r->res;
	const char *ns = j->ns, *name = j->name;
	ck_autofree char *path = ck_ctrl_path(res, ns, name);
	json_t *rv = json_object_get(json_object_get(j->obj, "metadata"), "resourceVersion");
	json_t *body = json_pack("{s:s,s:s,s:s,s:{s:s}}", "kind", "DeleteOptions", "apiVersion",
	                         "v1", "propagationPolicy", policy, "preconditions", "uid", j->uid);

	if (json_is_string(rv))
		json_object_set(json_object_get(body, "preconditions"), "resourceVersion", rv);
	ck_info(GC_LOG, "deleting %s %s%s%s (%s)", res->kind, ns && *ns ? ns : "",
	        ns && *ns ? "/" : "", name, policy);
	send_json(j, "DELETE", path, "application/json", body);
	json_decref(body);
}

/*
 * A JSON merge patch of obj's metadata field (ownerReferences or finalizers) to value,
 * pinned to the resourceVersion it was computed from.
 */
static void patch_metadata(struct gc_job *j, const struct ck_resource *res, const json_t *obj,
                           const char *field, json_t *value)
{
	const json_t *md = json_object_get(obj, "metadata");
	const char *ns = json_string_value(json_object_get(md, "namespace"));
	const char *name = json_string_value(json_object_get(md, "name"));
	ck_autofree char *path = ck_ctrl_path(res, ns, name);
	json_t *rv = json_object_get(md, "resourceVersion");
	json_t *body;

	if (!json_is_string(rv) || !name) {
		j->failed = true;
		return;
	}
	body = json_pack("{s:{s:O,s:O}}", "metadata", field,
	                 json_array_size(value) ? value : json_null(), "resourceVersion", rv);

	send_json(j, "PATCH", path, "application/merge-patch+json", body);
	json_decref(body);
}

/*
 * The current object of j (from the cache), or NULL when it is gone or replaced, or when
 * the cache is not ready (then j->failed: look again later).
 */
static json_t *read_current(struct gc_job *j)
{
	struct ck_obj *o = NULL;
	struct ck_error *err = NULL;
	json_t *v;
	int r = ck_watch_cache_get(j->r->cache, j->ns, j->name, &o, &err);

	if (r < 0) {
		ck_error_free(err);
		j->failed = true;
		return NULL;
	}
	if (r > 0)
		return NULL;
	if (!o->uid || strcmp(o->uid, j->uid)) {
		ck_obj_unref(o);
		return NULL;
	}
	j->rv = o->rv;
	v = ck_obj_parse(o);
	ck_obj_unref(o);
	return v;
}

/* ---- attemptToDelete ------------------------------------------------------------------ */

static void classify_next(struct gc_job *j);

/* How owner (the object read) stands to a dependent: solid or waiting. */
static void classify_owner(struct gc_job *j, const json_t *owner, const char *uid)
{
	const json_t *md = json_object_get(owner, "metadata");

	if (json_object_get(md, "deletionTimestamp") &&
	    ck_ctrl_has_string(json_object_get(md, "finalizers"), fin_foreground))
		json_array_append_new(j->waiting, json_string(uid));
	else
		j->solid = true;
}

static void owner_read(struct ck_client_call *call, int status, const char *body, size_t len,
                       struct ck_error *err, void *arg)
{
	struct gc_job *j = arg;
	json_t *ref = json_array_get(
	        json_object_get(json_object_get(j->obj, "metadata"), "ownerReferences"), j->ref_i);
	const char *uid = json_string_value(json_object_get(ref, "uid"));

	untrack_call(j, call);
	if (status == 200) {
		json_t *owner = json_loadb(body, len, 0, NULL);
		const char *got = json_string_value(
		        json_object_get(json_object_get(owner, "metadata"), "uid"));

		if (!got) {
			/* Not an object we can judge: never a reason to delete. */
			json_decref(owner);
			j->failed = true;
			job_step(j);
			return;
		}
		/* K8S: another object of the owner's name is not the owner. */
		if (uid && !strcmp(got, uid))
			classify_owner(j, owner, uid);
		else
			json_array_append_new(j->dangling, json_string(uid ? uid : ""));
		json_decref(owner);
	} else if (status == 404) {
		json_array_append_new(j->dangling, json_string(uid ? uid : ""));
	} else {
		ck_debug(GC_LOG, "%s: cannot read owner: %s", j->key,
		         err && err->msg ? err->msg : "failed");
		j->failed = true;
		job_step(j);
		return;
	}
	j->ref_i++;
	classify_next(j);
}

static void decide(struct gc_job *j);

/* Classify the ownerReferences from j->ref_i on: the cache first, the API when absent. */
static void classify_next(struct gc_job *j)
{
	json_t *refs = json_object_get(json_object_get(j->obj, "metadata"), "ownerReferences");

	for (; j->ref_i < json_array_size(refs); j->ref_i++) {
		json_t *ref = json_array_get(refs, j->ref_i);
		const char *av = json_string_value(json_object_get(ref, "apiVersion"));
		const char *kind = json_string_value(json_object_get(ref, "kind"));
		const char *name = json_string_value(json_object_get(ref, "name"));
		const char *uid = json_string_value(json_object_get(ref, "uid"));
		const struct ck_resource *res = av && kind ? ck_ctrl_resource_of(av, kind) : NULL;
		struct ck_watch_cache *cache = res ? ck_apiserver_cache(j->gc->srv, res) : NULL;
		const char *ns = res && res->namespaced ? j->ns : "";
		struct ck_obj *o = NULL;
		struct ck_error *err = NULL;

		if (res && res->namespaced && !*j->ns) {
			/*
			 * K8S: isDangling's namespacedOwnerOfClusterScopedObjectErr: a
			 * cluster-scoped object can't have a namespaced owner; the reference is
			 * invalid, not dangling, and nothing is deleted for it.
			 */
			j->solid = true;
			continue;
		}
		if (!cache || !name || !uid) {
			/*
			 * K8S: an owner of a kind the server does not know can't be checked; the
			 * reference is left alone (upstream retries the REST mapping).
			 */
			j->solid = true;
			continue;
		}
		if (ck_watch_cache_get(cache, ns, name, &o, &err) == 0 && o->uid &&
		    !strcmp(o->uid, uid)) {
			json_t *owner = ck_obj_parse(o);

			classify_owner(j, owner, uid);
			json_decref(owner);
			ck_obj_unref(o);
			continue;
		}
		ck_obj_unref(o);
		ck_error_free(err);
		/* Absent from the cache: only a read through the API may say it is gone. */
		ck_autofree char *path = ck_ctrl_path(res, ns, name);

		track_call(j, ck_client_request(j->gc->client, "GET", path, NULL, NULL, 0, 0,
		                                owner_read, j));
		return;
	}
	decide(j);
}

static void decide(struct gc_job *j)
{
	json_t *md = json_object_get(j->obj, "metadata");
	json_t *refs = json_object_get(md, "ownerReferences");
	json_t *fins = json_object_get(md, "finalizers");

	if (j->solid) {
		/* K8S: with a solid owner, drop only the references to dangling or waiting ones. */
		json_t *keep, *ref;
		size_t i;

		if (!json_array_size(j->dangling) && !json_array_size(j->waiting)) {
			job_step(j);
			return;
		}
		keep = json_array();
		json_array_foreach(refs, i, ref)
		{
			const char *uid = json_string_value(json_object_get(ref, "uid"));

			if (uid && (ck_ctrl_has_string(j->dangling, uid) ||
			            ck_ctrl_has_string(j->waiting, uid)))
				continue;
			json_array_append(keep, ref);
		}
		patch_metadata(j, j->r->res, j->obj, "ownerReferences", keep);
		json_decref(keep);
		job_step(j);
		return;
	}
	const char *policy = "Background";

	/*
	 * K8S: attemptToDeleteItem: no solid owner. A waiting owner needs its dependents gone
	 * first: a dependent with dependents of its own goes in the foreground too.
	 */
	if (json_array_size(j->waiting) && owner_find(j->gc, j->uid))
		policy = "Foreground";
	else if (ck_ctrl_has_string(fins, fin_orphan))
		policy = "Orphan";
	else if (ck_ctrl_has_string(fins, fin_foreground))
		policy = "Foreground";
	delete_object(j, policy);
	job_step(j);
}

static void attempt_to_delete(struct gc_job *j)
{
	json_t *md = json_object_get(j->obj, "metadata");

	/*
	 * K8S: an object already being deleted is left to it; one that waits for its own
	 * dependents is the foreground duty's (processDeletingDependentsItem).
	 */
	if (json_object_get(md, "deletionTimestamp")) {
		job_step(j);
		return;
	}
	if (!json_array_size(json_object_get(md, "ownerReferences"))) {
		job_step(j);
		return;
	}
	j->dangling = json_array();
	j->waiting = json_array();
	classify_next(j);
}

/* ---- orphan and foreground finalizers ----------------------------------------------- */

static void graph_reached(struct ck_error *err, void *arg)
{
	struct gc_job *j = arg;

	j->wait = NULL;
	if (err)
		j->failed = true;
	job_step(j);
}

/*
 * True when the graph holds every change of every resource up to the revision of j's
 * object. Else false, and j goes on with step once the first resource behind gets there
 * (or ends, to be processed again, while a resource is being watched again or its events
 * are on their way to the graph).
 *
 * The orphan and foreground duties act on the dependents the graph knows; a dependent
 * created just before its owner's deletion may not have reached the graph yet (each
 * resource has its own cache), and an owner released without it would have it deleted
 * as dangling instead of orphaned. Every dependent that existed when the deletion began
 * has a lower revision than the owner's, so the graph at that revision has them all.
 * K8S: upstream's informers leave this race open; ckube's caches share etcd's revisions,
 * so it can close it.
 */
static bool graph_at(struct gc_job *j, void (*step)(struct gc_job *j))
{
	for (size_t i = 0; i < j->gc->nres; i++) {
		struct gc_res *r = &j->gc->res[i];

		if (!r->watcher) {
			/* Watching again after an error: the graph is rebuilt first. */
			j->failed = true;
			job_step(j);
			return false;
		}
		if (ck_watch_cache_watcher_revision(r->watcher) >= j->rv)
			continue;
		if (ck_watch_cache_revision(r->cache) >= j->rv) {
			/*
			 * The cache is there, its events to the graph not yet (they leave from
			 * the loop, after the cache's waits): look again from the queue.
			 */
			j->again = true;
			job_step(j);
			return false;
		}
		j->next = step;
		j->wait = ck_watch_cache_wait(r->cache, j->rv, 0, graph_reached, j);
		return false;
	}
	return true;
}

static void remove_finalizer(struct gc_job *j, const char *fin)
{
	json_t *cur = read_current(j), *keep, *v;
	json_t *fins = json_object_get(json_object_get(cur, "metadata"), "finalizers");
	size_t i;

	if (!cur || !ck_ctrl_has_string(fins, fin)) {
		json_decref(cur);
		job_step(j);
		return;
	}
	keep = json_array();
	json_array_foreach(fins, i, v) if (!json_is_string(v) || strcmp(json_string_value(v), fin))
	        json_array_append(keep, v);
	patch_metadata(j, j->r->res, cur, "finalizers", keep);
	json_decref(keep);
	json_decref(cur);
	job_step(j);
}

/*
 * Dependent n as its cache holds it now (a new reference), or NULL when it is gone, or
 * when the cache is not ready: then j->failed, since "not ready" is not "no such
 * dependent" and the job must look again later.
 */
static json_t *read_dependent(struct gc_job *j, const struct gc_node *n)
{
	struct ck_obj *d = NULL;
	struct ck_error *err = NULL;
	json_t *dep;
	int got = ck_watch_cache_get(n->r->cache, n->ns, n->name, &d, &err);

	if (got < 0) {
		ck_error_free(err);
		j->failed = true;
		return NULL;
	}
	if (got > 0)
		return NULL;
	dep = ck_obj_parse(d);
	ck_obj_unref(d);
	return dep;
}

static void orphan_done(struct gc_job *j)
{
	remove_finalizer(j, fin_orphan);
}

/* K8S: orphanDependents: every dependent loses its reference to the owner. */
static void orphan(struct gc_job *j)
{
	struct gc_owner *o = owner_find(j->gc, j->uid);

	if (!ck_ctrl_has_string(json_object_get(json_object_get(j->obj, "metadata"), "finalizers"),
	                        fin_orphan)) {
		job_step(j);
		return;
	}
	if (!graph_at(j, orphan))
		return;
	j->next = orphan_done;
	for (size_t i = 0, sent = 0; o && i < o->ndeps; i++) {
		struct gc_node *n = node_find(j->gc, o->deps[i]);
		json_t *dep = n ? read_dependent(j, n) : NULL, *keep, *ref, *refs;
		size_t k;

		if (!dep)
			continue;
		refs = json_object_get(json_object_get(dep, "metadata"), "ownerReferences");
		keep = json_array();
		json_array_foreach(refs, k, ref)
		{
			const char *uid = json_string_value(json_object_get(ref, "uid"));

			if (!uid || strcmp(uid, j->uid))
				json_array_append(keep, ref);
		}
		/* Already without the reference (patched by an earlier pass): nothing to do. */
		if (json_array_size(keep) != json_array_size(refs)) {
			if (sent == GC_MAX_FANOUT) {
				/* The rest in the next pass, so one owner can't flood the API. */
				j->next = NULL;
				j->again = true;
				json_decref(keep);
				json_decref(dep);
				break;
			}
			patch_metadata(j, n->r->res, dep, "ownerReferences", keep);
			sent++;
		}
		json_decref(keep);
		json_decref(dep);
	}
	job_step(j);
}

/*
 * K8S: processDeletingDependentsItem: the owner keeps its finalizer while a dependent that
 * blocks owner deletion remains; those not yet being deleted are sent to attemptToDelete.
 */
static void foreground(struct gc_job *j)
{
	struct gc_owner *o = owner_find(j->gc, j->uid);
	bool blocked = false;

	if (!ck_ctrl_has_string(json_object_get(json_object_get(j->obj, "metadata"), "finalizers"),
	                        fin_foreground)) {
		fg_del(j->gc, j->uid);
		job_step(j);
		return;
	}
	if (!graph_at(j, foreground))
		return;
	for (size_t i = 0; o && i < o->ndeps; i++) {
		struct gc_node *n = node_find(j->gc, o->deps[i]);
		json_t *dep = n ? read_dependent(j, n) : NULL, *ref;
		size_t k;

		if (!dep)
			continue;
		json_array_foreach(
		        json_object_get(json_object_get(dep, "metadata"), "ownerReferences"), k,
		        ref)
		{
			const char *uid = json_string_value(json_object_get(ref, "uid"));

			if (uid && !strcmp(uid, j->uid) &&
			    json_is_true(json_object_get(ref, "blockOwnerDeletion")))
				blocked = true;
		}
		json_decref(dep);
		enqueue(j->gc, 'd', n->r, n->ns, n->name, n->uid);
	}
	if (blocked || j->failed) {
		/* Deletions of the dependents poke this key again (poke_foreground_owners). */
		job_step(j);
		return;
	}
	remove_finalizer(j, fin_foreground);
}

/* ---- the queue -------------------------------------------------------------------------- */

static void process(struct ck_workqueue *q, const char *key, void *arg)
{
	struct ck_gc *gc = arg;
	struct gc_job *j = ck_xcalloc(1, sizeof(*j));
	ck_autofree char *copy = ck_xstrdup(key);
	char *p = copy, *f[5];
	size_t ri;
	char duty;

	(void)q;
	if (!graph_synced(gc)) {
		free(j);
		ck_workqueue_add_after(gc->q, key, GC_START_POLL_MS);
		ck_workqueue_done(gc->q, key);
		return;
	}
	j->gc = gc;
	j->key = (char *)key;
	j->nextj = gc->jobs;
	if (gc->jobs)
		gc->jobs->prev = j;
	gc->jobs = j;
	/* Keys are ours: "<duty> <index> <ns> <name> <uid>", ns possibly empty. */
	for (size_t i = 0; i < CK_ARRAY_SIZE(f); i++) {
		f[i] = strsep(&p, " ");
		CK_BUG_ON(!f[i]);
	}
	duty = f[0][0];
	ri = strtoul(f[1], NULL, 10);
	const char *ns = f[2], *name = f[3], *uid = f[4];

	CK_BUG_ON(ri >= gc->nres);
	j->duty = duty;
	j->r = &gc->res[ri];
	j->ns = ck_xstrdup(ns);
	j->name = ck_xstrdup(name);
	j->uid = ck_xstrdup(uid);
	j->obj = read_current(j);
	if (!j->obj) {
		if (duty == 'f')
			fg_del(gc, uid);
		job_step(j);
		return;
	}
	switch (duty) {
	case 'd':
		attempt_to_delete(j);
		break;
	case 'o':
		orphan(j);
		break;
	case 'f':
		foreground(j);
		break;
	default:
		CK_BUG("unknown duty");
	}
}

/* ---- start and stop ------------------------------------------------------------------ */

static void start_cb(evutil_socket_t fd, short what, void *arg)
{
	struct ck_gc *gc = arg;

	(void)fd;
	(void)what;
	if (!ck_apiserver_ready(gc->srv)) {
		struct timeval tv = {0, GC_START_POLL_MS * 1000};

		evtimer_add(gc->start_timer, &tv);
		return;
	}
	for (size_t i = 0; i < gc->nres; i++)
		watch_res(&gc->res[i]);
	ck_info(GC_LOG, "garbage collector watching %zu resources", gc->nres);
}

struct ck_gc *ck_gc_start(struct event_base *base, struct ck_apiserver *srv,
                          struct ck_client *client)
{
	struct ck_gc *gc = ck_xcalloc(1, sizeof(*gc));
	struct ck_workqueue_config qc = {.name = "garbage-collector", .workers = 8};
	size_t n;
	const struct ck_resource *const *rows = ck_api_resources(&n);
	struct timeval now = {0, 0};

	gc->base = base;
	gc->srv = srv;
	gc->client = client;
	gc->q = ck_workqueue_new(base, &qc, process, gc);
	gc->res = ck_xcalloc(n, sizeof(*gc->res));
	for (size_t i = 0; i < n; i++) {
		struct ck_watch_cache *cache = ck_apiserver_cache(srv, rows[i]);
		bool seen = false;

		/* Two versions of one kind share a cache: watch it once. */
		for (size_t k = 0; k < gc->nres; k++)
			seen |= gc->res[k].cache == cache;
		if (!cache || seen)
			continue;
		gc->res[gc->nres] = (struct gc_res){.gc = gc, .res = rows[i], .cache = cache};
		gc->res[gc->nres].retry = evtimer_new(base, rewatch_cb, &gc->res[gc->nres]);
		gc->nres++;
	}
	gc->start_timer = evtimer_new(base, start_cb, gc);
	evtimer_add(gc->start_timer, &now);
	return gc;
}

void ck_gc_free(struct ck_gc *gc)
{
	struct gc_node *n, *ntmp;
	struct gc_fg *f, *ftmp;

	if (!gc)
		return;
	while (gc->jobs) {
		struct gc_job *j = gc->jobs;

		gc->jobs = j->nextj;
		job_cancel(j);
	}
	ck_workqueue_free(gc->q);
	gc->q = NULL;
	for (size_t i = 0; i < gc->nres; i++) {
		ck_watch_cache_watcher_free(gc->res[i].watcher);
		event_free(gc->res[i].retry);
	}
	HASH_ITER(hh, gc->nodes, n, ntmp)
	node_free(gc, n);
	HASH_ITER(hh, gc->fg, f, ftmp)
	fg_del(gc, f->uid);
	event_free(gc->start_timer);
	free(gc->res);
	free(gc);
}
