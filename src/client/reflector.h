/*
 * The reflector (DESIGN.md §4): keeps a struct ck_watch_cache — the very type the API
 * server keeps per resource, fed there from etcd — up to date from the API, so that
 * controllers, the scheduler and the node agent read objects from memory and react to
 * changes through the cache's watchers.
 *
 * K8S: this is client-go's Reflector.ListAndWatch. A paginated LIST (limit/continue) is
 * loaded into the cache as one snapshot at the list's resourceVersion; a WATCH from that
 * revision with allowWatchBookmarks=true then applies each event (BOOKMARKs advance the
 * revision). The watch ends after timeoutSeconds and is started again from the last
 * revision seen; after a transport error likewise, after a jittered, growing back-off; a
 * 410 Expired (an HTTP 410 or an ERROR event with code 410) means the revision has left
 * the server's window: the cache is invalidated (its watchers end with 410 and come back
 * with send_initial_events) and the reflector lists again.
 *
 * Why the cache and not a store of its own: an informer's store in ckube IS a
 * ck_watch_cache. It already holds refcounted, immutable objects with their JSON bytes
 * and parsed metadata, serves GET and LIST, and its watchers — registered with
 * send_initial_events — are exactly an informer's event handlers (the initial ADDs, then
 * every change, in order, with a 410 when a relist breaks the history). One type thus
 * serves both the API server (fed from etcd) and clients (fed from the API by this
 * reflector), and controllers that run inside `ckube server` may read the API server's own
 * caches instead of keeping a second copy of every object.
 *
 * Keys: the cache is keyed as the API server keys etcd, the cache's prefix then
 * "<namespace>/<name>" (or "<name>" for a cluster-scoped resource); each object's
 * metadata.resourceVersion is its revision (for a DELETED event, the deletion's).
 *
 * Threading: a reflector runs on its client's loop, which must be the cache's loop too.
 * Every function here is called on that loop.
 */
#ifndef CK_CLIENT_REFLECTOR_H
#define CK_CLIENT_REFLECTOR_H

#include "base/compat.h"

#include "base/error.h"

struct ck_client;
struct ck_watch_cache;
struct ck_reflector;

/* K8S: client-go's pager asks for 500 items a page. */
#define CK_REFLECTOR_DEFAULT_PAGE 500
/* K8S: reflector.go minWatchTimeout is 5 minutes; each watch asks for 5-10 minutes. */
#define CK_REFLECTOR_DEFAULT_WATCH_S 300
/* K8S: reflector.go backs off from 800 ms up to 30 s (with jitter) between failures. */
#define CK_REFLECTOR_DEFAULT_BACKOFF_MIN_MS 800
#define CK_REFLECTOR_DEFAULT_BACKOFF_MAX_MS 30000

struct ck_reflector_config {
	struct ck_client *client;     /* required; shared, must outlive the reflector */
	struct ck_watch_cache *cache; /* required; shared, on the client's loop; outlives it */
	/*
	 * Required: the collection's path, without a query: "/api/v1/pods",
	 * "/apis/apps/v1/namespaces/web/deployments". Copied.
	 */
	const char *path;
	const char *label_selector; /* NULL: everything; copied */
	const char *field_selector; /* NULL: everything; copied */
	size_t page_size;           /* LIST limit; 0: 500 */
	/* Each watch asks for timeoutSeconds in [watch_s, 2*watch_s); 0: 300. */
	int watch_s;
	int backoff_min_ms; /* 0: 800 */
	int backoff_max_ms; /* 0: 30000 */
	/* Called from the loop after each snapshot committed (the first: "synced"); may be NULL. */
	void (*on_synced)(struct ck_reflector *r, void *arg);
	void *arg;
};

/*
 * Start a reflector: the first LIST is sent from the loop after this returns. cfg is
 * copied. Rejects (400) a missing client, cache or path, or a path with a query. Returns 0
 * with *out (the caller's: ck_reflector_free), or -1 with *err. Its loop.
 */
int ck_reflector_new(const struct ck_reflector_config *cfg, struct ck_reflector **out,
                     struct ck_error **err);

/*
 * Stop: the request or watch in flight is cancelled and nothing more is written to the
 * cache, which keeps what it has. NULL-safe. May be called from the on_synced callback
 * and from the cache's watcher callbacks. Its loop.
 */
void ck_reflector_free(struct ck_reflector *r);

struct ck_reflector_stats {
	uint64_t lists;   /* LIST requests (pages) sent */
	uint64_t relists; /* snapshots committed (the first included) */
	uint64_t watches; /* WATCH requests sent */
	uint64_t events;  /* watch events applied (bookmarks included) */
	uint64_t expired; /* 410s that forced a relist */
	uint64_t errors;  /* failed requests and broken watches */
	int64_t revision; /* the last resourceVersion seen */
	bool watching;    /* a watch is open */
};

void ck_reflector_stats(const struct ck_reflector *r, struct ck_reflector_stats *st);

/* True once the first snapshot has been committed (client-go's HasSynced). */
bool ck_reflector_synced(const struct ck_reflector *r);

#endif
