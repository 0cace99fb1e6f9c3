/*
 * The work queue (workqueue.h): one entry per key in a uthash table, holding the key's
 * state (queued, dirty, processing, delayed, failures); queued entries also sit on a FIFO.
 * An entry lives while any of that state does. Hand-out runs from a deferred event, so no
 * callback ever runs inside the call that queued its key.
 */
#include "base/compat.h"

#include <sys/queue.h>

#include <event2/event.h>
#include <uthash.h>

#include "base/log.h"
#include "base/mem.h"
#include "base/time.h"
#include "client/workqueue.h"

/* uthash's allocator: the aborting family, as everywhere else. */
#undef uthash_malloc
#undef uthash_free
#define uthash_malloc(sz)    ck_xmalloc(sz)
#define uthash_free(ptr, sz) free(ptr)

struct wq_entry {
	char *key;
	bool dirty;      /* wants processing (queued, or re-added while processing) */
	bool queued;     /* on the FIFO */
	bool processing; /* handed to the callback, done not yet called */
	unsigned failures;
	struct event *timer; /* a delayed add, or NULL */
	int64_t due_ms;      /* when the timer fires (monotonic) */
	struct ck_workqueue *q;
	TAILQ_ENTRY(wq_entry) fifo;
	UT_hash_handle hh;
};

TAILQ_HEAD(wq_fifo, wq_entry);

struct ck_workqueue {
	struct event_base *base;
	char *name;
	unsigned workers, busy;
	int64_t base_delay_ms, max_delay_ms;
	ck_workqueue_fn *process;
	void *arg;
	struct wq_entry *table; /* uthash head */
	struct wq_fifo fifo;
	size_t queued;
	struct event *kick; /* deferred hand-out */
};

static struct wq_entry *find(const struct ck_workqueue *q, const char *key)
{
	struct wq_entry *e = NULL;

	HASH_FIND_STR(q->table, key, e);
	return e;
}

static struct wq_entry *get(struct ck_workqueue *q, const char *key)
{
	struct wq_entry *e = find(q, key);

	if (e)
		return e;
	e = ck_xcalloc(1, sizeof(*e));
	e->key = ck_xstrdup(key);
	e->q = q;
	HASH_ADD_KEYPTR(hh, q->table, e->key, strlen(e->key), e);
	return e;
}

static void release(struct ck_workqueue *q, struct wq_entry *e)
{
	if (e->timer)
		event_free(e->timer);
	HASH_DEL(q->table, e);
	free(e->key);
	free(e);
}

/* Drop e when it carries no state any more. */
static void maybe_release(struct ck_workqueue *q, struct wq_entry *e)
{
	if (!e->dirty && !e->queued && !e->processing && !e->timer && !e->failures)
		release(q, e);
}

static void kick(struct ck_workqueue *q)
{
	if (q->queued && q->busy < q->workers)
		event_active(q->kick, 0, 0);
}

static void enqueue(struct ck_workqueue *q, struct wq_entry *e)
{
	/* K8S: Add: a key already dirty is not queued twice; one processing waits for Done. */
	if (e->dirty)
		return;
	e->dirty = true;
	if (e->processing)
		return;
	e->queued = true;
	TAILQ_INSERT_TAIL(&q->fifo, e, fifo);
	q->queued++;
	kick(q);
}

static void on_kick(evutil_socket_t fd, short what, void *arg)
{
	struct ck_workqueue *q = arg;

	(void)fd;
	(void)what;
	while (q->busy < q->workers && !TAILQ_EMPTY(&q->fifo)) {
		struct wq_entry *e = TAILQ_FIRST(&q->fifo);

		TAILQ_REMOVE(&q->fifo, e, fifo);
		q->queued--;
		e->queued = false;
		e->dirty = false;
		e->processing = true;
		q->busy++;
		/* The callback may call done (and add) for this key before it returns. */
		q->process(q, e->key, q->arg);
	}
}

static void on_timer(evutil_socket_t fd, short what, void *arg)
{
	struct wq_entry *e = arg;
	struct ck_workqueue *q = e->q;

	(void)fd;
	(void)what;
	event_free(e->timer);
	e->timer = NULL;
	enqueue(q, e);
	maybe_release(q, e);
}

struct ck_workqueue *ck_workqueue_new(struct event_base *base,
                                      const struct ck_workqueue_config *cfg,
                                      ck_workqueue_fn *process, void *arg)
{
	struct ck_workqueue *q = ck_xcalloc(1, sizeof(*q));

	CK_BUG_ON(!base || !process);
	q->base = base;
	q->name = ck_xstrdup(cfg && cfg->name ? cfg->name : "workqueue");
	q->workers = cfg && cfg->workers ? cfg->workers : 1;
	q->base_delay_ms = cfg && cfg->base_delay_ms > 0 ? cfg->base_delay_ms : 5;
	q->max_delay_ms = cfg && cfg->max_delay_ms > 0 ? cfg->max_delay_ms : 30000;
	q->process = process;
	q->arg = arg;
	TAILQ_INIT(&q->fifo);
	q->kick = event_new(base, -1, 0, on_kick, q);
	CK_BUG_ON(!q->kick);
	return q;
}

void ck_workqueue_free(struct ck_workqueue *q)
{
	struct wq_entry *e, *tmp;

	if (!q)
		return;
	HASH_ITER(hh, q->table, e, tmp)
	release(q, e);
	event_free(q->kick);
	free(q->name);
	free(q);
}

void ck_workqueue_add(struct ck_workqueue *q, const char *key)
{
	enqueue(q, get(q, key));
}

void ck_workqueue_add_after(struct ck_workqueue *q, const char *key, int64_t delay_ms)
{
	struct wq_entry *e;
	int64_t due;

	if (delay_ms <= 0) {
		ck_workqueue_add(q, key);
		return;
	}
	e = get(q, key);
	due = ck_time_mono_ms() + delay_ms;
	/* K8S: delayingType.waitingLoop keeps the earlier ready time of a key. */
	if (e->timer && e->due_ms <= due)
		return;
	if (!e->timer) {
		e->timer = evtimer_new(q->base, on_timer, e);
		CK_BUG_ON(!e->timer);
	}
	e->due_ms = due;
	struct timeval tv = {.tv_sec = delay_ms / 1000, .tv_usec = (delay_ms % 1000) * 1000};

	evtimer_add(e->timer, &tv);
}

void ck_workqueue_add_rate_limited(struct ck_workqueue *q, const char *key)
{
	struct wq_entry *e = get(q, key);
	int64_t delay = q->base_delay_ms;

	/* K8S: ItemExponentialFailureRateLimiter.When: base * 2^failures, capped. */
	for (unsigned i = 0; i < e->failures && delay < q->max_delay_ms; i++)
		delay *= 2;
	if (delay > q->max_delay_ms)
		delay = q->max_delay_ms;
	e->failures++;
	ck_workqueue_add_after(q, key, delay);
}

void ck_workqueue_forget(struct ck_workqueue *q, const char *key)
{
	struct wq_entry *e = find(q, key);

	if (!e)
		return;
	e->failures = 0;
	maybe_release(q, e);
}

unsigned ck_workqueue_requeues(struct ck_workqueue *q, const char *key)
{
	struct wq_entry *e = find(q, key);

	return e ? e->failures : 0;
}

void ck_workqueue_done(struct ck_workqueue *q, const char *key)
{
	struct wq_entry *e = find(q, key);

	CK_BUG_ON(!e || !e->processing);
	e->processing = false;
	q->busy--;
	/* K8S: Done: a key added while it was processed goes back on the queue now. */
	if (e->dirty) {
		e->queued = true;
		TAILQ_INSERT_TAIL(&q->fifo, e, fifo);
		q->queued++;
	}
	kick(q);
	maybe_release(q, e);
}

size_t ck_workqueue_len(const struct ck_workqueue *q)
{
	return q->queued;
}

bool ck_workqueue_idle(const struct ck_workqueue *q)
{
	const struct wq_entry *e, *tmp;

	if (q->queued || q->busy)
		return false;
	HASH_ITER(hh, q->table, e, tmp)
	if (e->timer)
		return false;
	return true;
}
