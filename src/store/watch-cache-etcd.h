/*
 * Feeding a watch cache from etcd (DESIGN.md §2): list the cache's prefix in pages at one
 * fixed revision R, commit that snapshot, then watch the prefix from R+1 and apply every
 * event; progress notifications advance the cache's revision. When etcd reports that the
 * revision to resume from is compacted, invalidate the cache (its watchers end) and list
 * again, as kube-apiserver's cacher does. A watch stream that merely breaks is resumed by
 * the etcd client itself, from the revision after the last event, so the cache neither
 * loses nor repeats events across an etcd restart.
 *
 * The watch does not ask etcd for prev_kv: the cache's store already holds the previous
 * version of every key (K8S: watchCache.processEvent takes PrevObject from its store as
 * well), and prev_kv would double the bytes of every watch message.
 *
 * Threading: the cache and the etcd client must share one loop; everything here runs on
 * it.
 */
#ifndef CK_STORE_WATCH_CACHE_ETCD_H
#define CK_STORE_WATCH_CACHE_ETCD_H

#include "base/compat.h"

#include "base/error.h"
#include "store/etcd.h"
#include "store/watch-cache.h"

struct ck_watch_cache_etcd_config {
	/* kvs per range page of a list (bounds the memory a list holds at once); 0: 500 */
	int page_size;
	/* Back-off after a failed list or watch: from retry_min_ms doubling up to
	 * retry_max_ms; 0: 100 and 5000 ms. */
	int retry_min_ms;
	int retry_max_ms;
};

struct ck_watch_cache_etcd;

/*
 * Start feeding cache from etcd: the first list begins now (asynchronously) and the
 * cache becomes ready when it is committed. cfg may be NULL for the defaults. The cache
 * and the client must be on the same event_base (a bug otherwise) and outlive the feed.
 * Returns 0 with the handle in *out, or -1 with *err when the first request cannot even
 * be made. The handle is the caller's: ck_watch_cache_etcd_free.
 */
int ck_watch_cache_etcd_start(struct ck_watch_cache *cache, struct ck_etcd *etcd,
                              const struct ck_watch_cache_etcd_config *cfg,
                              struct ck_watch_cache_etcd **out, struct ck_error **err);

/*
 * Stop feeding (cancel the watch, forget a range in flight) and free; NULL-safe. The
 * cache keeps what it has and stays ready; the caller frees it afterwards.
 */
void ck_watch_cache_etcd_free(struct ck_watch_cache_etcd *f);

struct ck_watch_cache_etcd_stats {
	uint64_t lists;          /* lists committed (the first one, then relists) */
	uint64_t list_failures;  /* lists abandoned on an error and started again */
	uint64_t compactions;    /* watches ended by compaction (each followed by a relist) */
	uint64_t watch_restarts; /* watches ended otherwise and started again */
	uint64_t events;         /* etcd events received */
	uint64_t progress;       /* progress notifications received */
	unsigned reconnects;     /* the current watch's stream reconnections (etcd client) */
	bool watching;           /* a watch is established or being set up */
};

/* Counters for /metrics and tests. */
void ck_watch_cache_etcd_stats(const struct ck_watch_cache_etcd *f,
                               struct ck_watch_cache_etcd_stats *st);

#endif
