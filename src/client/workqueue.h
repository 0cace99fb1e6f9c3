/*
 * A controller's work queue (DESIGN.md §4): keys ("namespace/name") waiting to be
 * reconciled, each at most once in the queue however often it is added, never handed to
 * two workers at once, retried with a per-key exponential back-off, and delayed adds.
 *
 * K8S: client-go util/workqueue: the "dirty" and "processing" sets (a key added while it
 * is being processed is queued again when Done is called, not handed out twice), AddAfter
 * (the delaying queue) and AddRateLimited/Forget/NumRequeues (the item exponential
 * failure rate limiter).
 *
 * Processing is asynchronous: the process callback starts the work and the worker slot
 * stays taken until ck_workqueue_done(key), which may be called from the callback itself
 * or later from any callback on the same loop.
 *
 * Threading: a queue belongs to the event_base it was made with; every call must be made
 * on that loop and every callback runs on it, never from inside the call that caused it.
 */
#ifndef CK_CLIENT_WORKQUEUE_H
#define CK_CLIENT_WORKQUEUE_H

#include "base/compat.h"

struct event_base;
struct ck_workqueue;

/*
 * Process key (borrowed: valid until ck_workqueue_done for it). Call ck_workqueue_done(q,
 * key) exactly once when the work is finished, whatever its outcome; to retry a failure
 * call ck_workqueue_add_rate_limited first.
 */
typedef void ck_workqueue_fn(struct ck_workqueue *q, const char *key, void *arg);

struct ck_workqueue_config {
	const char *name;      /* for logs; copied */
	unsigned workers;      /* keys processed at once; 0: 1 */
	int64_t base_delay_ms; /* first retry delay; 0: 5 ms (client-go's) */
	int64_t max_delay_ms;  /* cap of the doubling; 0: 30 s */
};

/* A queue on base calling process(q, key, arg) for each key. Free with ck_workqueue_free. */
struct ck_workqueue *ck_workqueue_new(struct event_base *base,
                                      const struct ck_workqueue_config *cfg,
                                      ck_workqueue_fn *process, void *arg);

/*
 * Free the queue and every key in it; NULL-safe. Keys being processed are dropped: their
 * later ck_workqueue_done must not come (the owner stops its work first).
 */
void ck_workqueue_free(struct ck_workqueue *q);

/* Queue key (copied) unless it is already queued; a key in processing is queued at done. */
void ck_workqueue_add(struct ck_workqueue *q, const char *key);

/* Queue key after delay_ms (<= 0: now); an earlier pending delay for it is kept. */
void ck_workqueue_add_after(struct ck_workqueue *q, const char *key, int64_t delay_ms);

/*
 * Queue key after its back-off: base * 2^(failures so far), capped; counts a failure.
 * K8S: ItemExponentialFailureRateLimiter.
 */
void ck_workqueue_add_rate_limited(struct ck_workqueue *q, const char *key);

/* Clear key's failure count (it succeeded). */
void ck_workqueue_forget(struct ck_workqueue *q, const char *key);

/* How many times key has been added with back-off since its last forget. */
unsigned ck_workqueue_requeues(struct ck_workqueue *q, const char *key);

/* The processing of key ended; the slot frees and a key re-added meanwhile is queued. */
void ck_workqueue_done(struct ck_workqueue *q, const char *key);

/* Keys queued (not counting delayed or processing ones). */
size_t ck_workqueue_len(const struct ck_workqueue *q);

/* True when nothing is queued, delayed or being processed. */
bool ck_workqueue_idle(const struct ck_workqueue *q);

#endif
