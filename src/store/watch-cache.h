/*
 * The watch cache (DESIGN.md §2): for one resource prefix ("/registry/pods/") the current
 * objects and a bounded ring of recent events, kept in memory so that the API server
 * serves LIST, WATCH and GET-with-resourceVersion=0 without going to etcd, and can make a
 * consistent read wait until the cache has caught up with a revision etcd reported.
 *
 * This header is the core: it is fed by calls (a list snapshot at revision R, then one
 * etcd event at a time, progress notifications) and knows nothing of etcd, so tests
 * drive it directly. watch-cache-etcd.h feeds it from the etcd client.
 *
 * Objects are `struct ck_obj`: one allocation per object version holding the compact JSON
 * bytes (with metadata.resourceVersion set to the etcd mod_revision; the fieldsV1 of its
 * managedFields, which many objects have alike, kept once per cache and spliced back in by
 * readers) and the few parsed metadata fields a LIST, a selector or a watch needs. They
 * are refcounted and immutable once published, and shared by the store, the event ring,
 * watcher queues and the API server's output buffers: fan-out copies pointers, not objects.
 *
 * Threading: a cache belongs to the event_base it was made with (its "loop"). Every
 * function here except ck_obj_ref/ck_obj_unref/ck_obj_label/ck_obj_field must be called
 * on that loop's thread, and every callback runs on it. Callbacks are never called from
 * inside the call that caused them (apply, watch, resume, wait...): they run from a
 * deferred event on the loop, so callers never see re-entrancy.
 */
#ifndef CK_STORE_WATCH_CACHE_H
#define CK_STORE_WATCH_CACHE_H

#include <jansson.h>

#include "base/compat.h"

#include "base/buf.h"
#include "base/error.h"

struct event_base;

/* ---- objects ---------------------------------------------------------------------- */

struct ck_obj_label {
	const char *key;
	const char *value;
};

/*
 * One published version of an object. Every field is read-only; the strings live in the
 * same allocation as the struct and stay valid as long as a reference is held.
 */
struct ck_obj_piece;

struct ck_obj {
	uint32_t refs; /* private: use ck_obj_ref/ck_obj_unref */
	uint32_t nlabels;
	uint32_t nfields;
	uint32_t npieces;
	int64_t rv;      /* etcd mod_revision (for a deletion: the delete's revision) */
	size_t json_len; /* the length of the object's JSON (compact, no newline) */
	/*
	 * The JSON is text (NUL-terminated) with npieces runs of bytes that many objects have
	 * alike (managedFields' fieldsV1) spliced back in: read it with ck_obj_json or
	 * ck_obj_json_append. Most of a pod's managedFields is the same for every pod of its
	 * template, and interned once per cache they no longer cost a kilobyte per pod.
	 */
	const char *text;
	size_t text_len;
	const struct ck_obj_piece *pieces; /* private */
	const char *key;  /* the etcd key without the cache prefix: "ns/name" or "name" */
	const char *ns;   /* namespace from the key; "" for cluster-scoped resources */
	const char *name; /* name from the key (a suffix of key) */
	const char *uid;  /* metadata.uid, or NULL */
	const char *creation_timestamp;    /* metadata.creationTimestamp, or NULL */
	const struct ck_obj_label *labels; /* metadata.labels with string values, in JSON order */
	/* Values of the cache's configured field paths, index-aligned; NULL when absent. */
	const char *const *fields;
};

/*
 * Take a reference; returns obj for convenience. Thread-safe (atomic), so an object may be
 * handed to another thread, e.g. through evbuffer_add_reference with ck_obj_unref_cb.
 */
struct ck_obj *ck_obj_ref(struct ck_obj *obj);

/* Drop a reference, freeing the object with the last one. NULL-safe; thread-safe. */
void ck_obj_unref(struct ck_obj *obj);

/* ck_obj_unref with the signature of libevent's evbuffer_ref_cleanup_cb (arg = obj). */
void ck_obj_unref_cb(const void *data, size_t len, void *arg);

/* Append the object's JSON to out. */
void ck_obj_json_append(const struct ck_obj *obj, struct ck_buf *out);

/*
 * The object's JSON, NUL-terminated: its text when it has no shared pieces, else tmp's
 * data after tmp is reset and filled with it (tmp is the caller's, to release).
 */
const char *ck_obj_json(const struct ck_obj *obj, struct ck_buf *tmp);

/* The object's JSON parsed (a new reference; NULL only when out of memory). */
json_t *ck_obj_parse(const struct ck_obj *obj);

/* The value of label key, or NULL when the object has no such label. O(labels). */
const char *ck_obj_label(const struct ck_obj *obj, const char *key);

/*
 * The value of configured field i (ck_watch_cache_config.fields[i]), or NULL when the
 * object lacks it or i is out of range. Strings are kept as they are; booleans as
 * "true"/"false", integers in decimal; other types are absent.
 */
const char *ck_obj_field(const struct ck_obj *obj, size_t i);

/*
 * A selector callback: true when obj should be seen. Must be a pure predicate: no calls
 * back into the cache. Runs on the cache's loop.
 */
typedef bool ck_obj_filter_fn(const struct ck_obj *obj, void *arg);

/* ---- the cache -------------------------------------------------------------------- */

struct ck_watch_cache_config {
	/* Required: the etcd key prefix, ending in '/': "/registry/pods/". Copied. */
	const char *prefix;
	/* Keys are "<namespace>/<name>" (true) or "<name>" (false) below the prefix. */
	bool namespaced;
	/*
	 * NULL-terminated dotted JSON paths whose scalar values are kept with each object for
	 * field selectors and indexing, e.g. {"spec.nodeName", "status.phase", NULL}. Copied.
	 */
	const char *const *fields;
	/*
	 * The event ring: it starts at ring_min events and doubles up to ring_max while it
	 * fills within 75 s, and shrinks back when the history is older (K8S: watch_cache.go
	 * sizes its ring the same way). Whatever the count, events are dropped from the old
	 * end while the bytes they pin exceed ring_max_bytes (memory matters more than
	 * history: a client whose revision has fallen out relists). 0 = defaults: 100 events,
	 * 8192 events, 4 MiB.
	 */
	size_t ring_min;
	size_t ring_max;
	size_t ring_max_bytes;
	/* Live events a watcher may have pending before it is terminated; 0 = 100. */
	size_t watcher_queue_len;
};

struct ck_watch_cache;

/*
 * A cache for cfg->prefix on base. Aborts (CK_BUG_ON) on a config that breaks the rules
 * above: that is a programmer error, not a runtime one. The cache starts not ready; it
 * becomes ready at the first ck_watch_cache_replace_commit. Free with ck_watch_cache_free.
 */
struct ck_watch_cache *ck_watch_cache_new(struct event_base *base,
                                          const struct ck_watch_cache_config *cfg);

/*
 * Free the cache and every object it holds; NULL-safe. Watchers that have not been told
 * they are done get their done callback now, synchronously, with 503 ServiceUnavailable;
 * their handles stay valid (detached) until their owners call
 * ck_watch_cache_watcher_free. Pending waits get their callback with the same error and
 * their handles are freed. Must not be called from one of the cache's callbacks.
 */
void ck_watch_cache_free(struct ck_watch_cache *c);

/* True once a snapshot has been committed, false again after ck_watch_cache_invalidate. */
bool ck_watch_cache_ready(const struct ck_watch_cache *c);

/*
 * The revision up to which the cache has applied every event of its prefix (0 before the
 * first snapshot). A LIST served now is at this resourceVersion.
 */
int64_t ck_watch_cache_revision(const struct ck_watch_cache *c);

/* The cache's prefix, as configured. */
const char *ck_watch_cache_prefix(const struct ck_watch_cache *c);

/* The cache's loop. */
struct event_base *ck_watch_cache_base(const struct ck_watch_cache *c);

struct ck_watch_cache_stats {
	size_t objects;      /* objects in the store */
	size_t object_bytes; /* bytes of the allocations of those objects */
	size_t shared;       /* interned runs (fieldsV1) the cache holds */
	size_t shared_bytes; /* their bytes */
	size_t events;       /* events in the ring */
	size_t ring_capacity;
	size_t ring_bytes; /* JSON bytes the ring pins (an estimate: shared versions count) */
	size_t watchers;
	size_t waits;
	int64_t oldest_rv;  /* a watch from a revision below this one gets 410 Expired */
	uint64_t relists;   /* snapshots committed */
	uint64_t malformed; /* etcd values skipped because they are not usable objects */
};

/* Fill *st with counters for /metrics and tests. */
void ck_watch_cache_stats(const struct ck_watch_cache *c, struct ck_watch_cache_stats *st);

/* ---- feeding the cache (the etcd wiring, or tests) ---------------------------------- */

/*
 * Start a new snapshot (the initial list, or a relist after the etcd watch reported
 * compaction). Objects are added with ck_watch_cache_replace_add, in any order (etcd
 * returns them sorted, which is the fast path), and the snapshot replaces the store
 * atomically at ck_watch_cache_replace_commit. An unfinished snapshot is dropped by a new
 * begin or by ck_watch_cache_replace_abort.
 */
void ck_watch_cache_replace_begin(struct ck_watch_cache *c);

/*
 * Add one key/value of the snapshot. key is the full etcd key (key_len bytes, with the
 * prefix); value the etcd value; mod_rev its mod_revision. An object unchanged since the
 * store held it (same key and mod_revision) is shared, not parsed again. A value that is
 * not a usable object is skipped with a warning (see ck_watch_cache_apply). Returns 0
 * when added, 1 when skipped.
 */
int ck_watch_cache_replace_add(struct ck_watch_cache *c, const char *key, size_t key_len,
                               const char *value, size_t value_len, int64_t mod_rev);

/*
 * Make the snapshot the store, at revision rv (the revision the range was read at). The
 * event ring is emptied and a watch may start from rv or later (K8S: watchCache.Replace).
 * Watchers still registered are terminated with 410 Expired. The cache becomes ready and
 * waits for revisions <= rv fire.
 */
void ck_watch_cache_replace_commit(struct ck_watch_cache *c, int64_t rv);

/* Drop the snapshot being built; the store is unchanged. */
void ck_watch_cache_replace_abort(struct ck_watch_cache *c);

/*
 * Mark the cache not ready and terminate every watcher with 410 Expired, because the
 * history it would have to serve is lost (the etcd watch was compacted away); reason is
 * logged and put in the watchers' error. The store is kept until the next commit so that
 * unchanged objects are shared with the new snapshot.
 *
 * K8S: Cacher.startCaching calls terminateAllWatchers before every relist; the client's
 * next watch from its old revision then gets 410 Expired from the fresh cache and the
 * client relists. No synthetic diff events are sent.
 */
void ck_watch_cache_invalidate(struct ck_watch_cache *c, const char *reason);

enum ck_watch_cache_op {
	CK_WATCH_CACHE_PUT,
	CK_WATCH_CACHE_DELETE,
};

/*
 * Apply one etcd watch event: a put of value at key, or a delete of key, at revision
 * mod_rev (for a delete, the revision of the delete). The cache must be ready (a bug
 * otherwise). Events must come in revision order; an event older than the cache's
 * revision, or at the same revision and already applied (a resumed etcd watch that
 * repeats), is ignored, so resumption cannot duplicate events.
 *
 * A put is ADDED when the key is not in the store, MODIFIED otherwise (carrying the
 * previous version). A delete is DELETED carrying the last version; the object a watcher
 * gets for it is that version with resourceVersion set to the delete's revision (K8S:
 * etcd3 watcher). A value that is not a JSON object with a string metadata.name, or a key
 * not of the configured shape, is skipped with a warning; if the key held an object, that
 * object is removed with a DELETED event, because the cache must not keep serving a
 * version that etcd no longer holds.
 *
 * Returns 0 when applied, 1 when ignored or skipped. Watchers and waits are served later
 * from the loop, never from inside this call.
 */
int ck_watch_cache_apply(struct ck_watch_cache *c, enum ck_watch_cache_op op, const char *key,
                         size_t key_len, const char *value, size_t value_len, int64_t mod_rev);

/*
 * Record that every event of the prefix up to rv has been applied although none came
 * (an etcd progress notification, or a watch response's revision once it is known to be
 * complete). Advances the revision and fires waits; never goes back.
 */
void ck_watch_cache_progress(struct ck_watch_cache *c, int64_t rv);

/* ---- reading ---------------------------------------------------------------------- */

/*
 * The object at namespace ns (NULL or "" for cluster-scoped) and name. Returns 0 with a
 * new reference in *out (caller unrefs), 1 when there is no such object, -1 with 503 in
 * *err when the cache is not ready. O(log n).
 */
int ck_watch_cache_get(struct ck_watch_cache *c, const char *ns, const char *name,
                       struct ck_obj **out, struct ck_error **err);

struct ck_watch_cache_list_opts {
	const char *ns;           /* only this namespace (O(log n + k)); NULL or "": all */
	const char *start_after;  /* key ("ns/name") a continue token resumes after; NULL */
	size_t limit;             /* at most this many matching items; 0: no limit */
	ck_obj_filter_fn *filter; /* NULL: every object */
	void *filter_arg;
};

struct ck_obj_list {
	struct ck_obj **items; /* references, sorted by key; ck_obj_list_release */
	size_t n;
	int64_t rv; /* the cache's revision: the list's resourceVersion */
	bool more;  /* another matching item follows items[n-1] (continue from its key) */
};

/*
 * List the objects matching opts into *out, sorted by key as etcd and kube-apiserver
 * return them. K8S: limit/continue paginate by key; a page from the cache reflects the
 * cache's current state past the key, as a LIST with resourceVersionMatch=NotOlderThan.
 * Returns 0, or -1 with *err: 503 when the cache is not ready, 400 when ns is given to a
 * cluster-scoped cache. *out is the caller's: ck_obj_list_release.
 */
int ck_watch_cache_list(struct ck_watch_cache *c, const struct ck_watch_cache_list_opts *opts,
                        struct ck_obj_list *out, struct ck_error **err);

/* Drop the references of a list and reset it; NULL-safe. */
void ck_obj_list_release(struct ck_obj_list *l);

/* ---- waiting for a revision ------------------------------------------------------- */

struct ck_watch_cache_wait;

/*
 * Called once: err is NULL when the cache is ready at a revision >= the one waited for,
 * or a 504 Timeout error (borrowed, valid during the call) when timeout_ms passed first.
 * Runs on the cache's loop. The wait handle is freed when this returns.
 */
typedef void ck_watch_cache_wait_fn(struct ck_error *err, void *arg);

/*
 * Call cb once the cache is ready and its revision is >= rv (a consistent read: rv is
 * etcd's current revision), or with an error after timeout_ms (<= 0: no timeout). Always
 * asynchronous, even when the revision is already reached: cb runs from the loop after
 * this returns. Returns the handle, valid until cb starts; ck_watch_cache_wait_cancel
 * before that drops the wait without a call.
 */
struct ck_watch_cache_wait *ck_watch_cache_wait(struct ck_watch_cache *c, int64_t rv,
                                                int timeout_ms, ck_watch_cache_wait_fn *cb,
                                                void *arg);

/* Drop a wait whose callback has not started; frees the handle. NULL-safe. */
void ck_watch_cache_wait_cancel(struct ck_watch_cache_wait *w);

/* ---- watchers --------------------------------------------------------------------- */

enum ck_watch_event_type {
	CK_WATCH_ADDED,
	CK_WATCH_MODIFIED,
	CK_WATCH_DELETED,
	CK_WATCH_BOOKMARK, /* obj NULL: the end of the initial events, at rv */
};

/* "ADDED", "MODIFIED", "DELETED", "BOOKMARK": the watch event's JSON type. */
const char *ck_watch_event_type_name(enum ck_watch_event_type type);

struct ck_watch_cache_watcher;

/*
 * One event for a watcher, in revision order. obj is borrowed for the call (ck_obj_ref to
 * keep it); rv is the event's revision (obj->rv, or the bookmark's). The callback may call
 * ck_watch_cache_watcher_pause, _resume, _free (on this or another watcher),
 * ck_watch_cache_watch and ck_watch_cache_wait, but not feed the cache. Runs on the loop.
 */
typedef void ck_watch_cache_event_fn(struct ck_watch_cache_watcher *w,
                                     enum ck_watch_event_type type, struct ck_obj *obj, int64_t rv,
                                     void *arg);

/*
 * Called once when the cache ends the watch: err (borrowed, valid during the call) says
 * why, e.g. 410 Expired when the watcher fell behind its queue or the ring, or when the
 * cache relisted. No event follows. The handle stays the owner's: free it, here or later.
 *
 * K8S: kube-apiserver ends such a watch by closing the stream; the client watches again
 * from the last revision it saw and gets 410 Expired (then relists) only if that revision
 * is no longer in the cache. The API server should do the same rather than send err.
 */
typedef void ck_watch_cache_done_fn(struct ck_watch_cache_watcher *w, struct ck_error *err,
                                    void *arg);

struct ck_watch_cache_watch_opts {
	/*
	 * Deliver events with a revision > start_rv. 0 means "from now". A revision below
	 * the oldest the ring can replay is refused with 410 Expired; one above the cache's
	 * revision is accepted (events up to it are skipped).
	 */
	int64_t start_rv;
	/*
	 * First deliver the current objects as ADDED events, then events after the cache's
	 * revision; start_rv is then ignored (the API server waits for freshness first).
	 * K8S: resourceVersion=0 without sendInitialEvents, or sendInitialEvents=true.
	 */
	bool send_initial_events;
	/* After the initial events, deliver one BOOKMARK at their revision (K8S:
	 * sendInitialEvents=true ends them with the "k8s.io/initial-events-end" bookmark). */
	bool initial_events_bookmark;
	const char *ns; /* only this namespace (a key-prefix check); NULL or "": all */
	/*
	 * The selector. K8S: cacheWatcher.convertToWatchEvent: a MODIFIED whose old version
	 * matched and new one does not becomes DELETED (of the old version, at the event's
	 * revision), one whose new version matches and old one did not becomes ADDED.
	 */
	ck_obj_filter_fn *filter;
	void *filter_arg;
	size_t queue_len;                  /* 0: the cache's watcher_queue_len */
	ck_watch_cache_event_fn *on_event; /* required */
	ck_watch_cache_done_fn *on_done;   /* required */
	void *arg;
};

/*
 * Register a watcher. Returns 0 with the handle in *out, or -1 with *err: 503 when the
 * cache is not ready, 410 Expired ("too old resource version: R (O)", K8S wording) when
 * start_rv is older than the ring can replay. The first events come from the loop after
 * this returns. The handle is the caller's until ck_watch_cache_watcher_free, which must
 * be called even after the done callback.
 */
int ck_watch_cache_watch(struct ck_watch_cache *c, const struct ck_watch_cache_watch_opts *opts,
                         struct ck_watch_cache_watcher **out, struct ck_error **err);

/*
 * Stop delivering to w (its output is full) / start again (it drained). While paused,
 * live events queue up to queue_len and replayed history stays in the ring; beyond
 * that the watcher is terminated with 410 Expired, so one slow client never holds back
 * the others or the cache's memory.
 */
void ck_watch_cache_watcher_pause(struct ck_watch_cache_watcher *w);
void ck_watch_cache_watcher_resume(struct ck_watch_cache_watcher *w);

/*
 * The revision up to which w has been given everything relevant to it: what a BOOKMARK
 * sent now may carry. Equal to the cache's revision when w has nothing pending.
 */
int64_t ck_watch_cache_watcher_revision(const struct ck_watch_cache_watcher *w);

/* Unregister w (no callback follows) and free it; NULL-safe; allowed in its callbacks. */
void ck_watch_cache_watcher_free(struct ck_watch_cache_watcher *w);

#endif
