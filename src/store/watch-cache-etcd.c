/*
 * The etcd wiring of the watch cache (see watch-cache-etcd.h): a small state machine on
 * the loop, LISTING (range pages at a fixed revision) then WATCHING (one prefix watch),
 * going back to LISTING when the watch is compacted away, with a back-off after errors.
 */
#include "base/compat.h"

#include <event2/event.h>

#include "base/log.h"
#include "base/mem.h"
#include "store/watch-cache-etcd.h"

#define LOG "watch-cache"

#define DEFAULT_PAGE      500
#define DEFAULT_RETRY_MIN 100
#define DEFAULT_RETRY_MAX 5000

/*
 * A range in flight. etcd calls cannot be cancelled, so the feed can be freed while one is
 * outstanding: the context then outlives it with feed NULL, and its callback only frees.
 */
struct range_ctx {
	struct ck_watch_cache_etcd *feed;
};

struct ck_watch_cache_etcd {
	struct ck_watch_cache *cache;
	struct ck_etcd *etcd;
	int page_size, retry_min_ms, retry_max_ms;
	int retry_ms; /* the next back-off */

	char *prefix_end;
	size_t prefix_end_len;

	/* LISTING */
	struct range_ctx *range;
	int64_t list_rev; /* 0 until the first page fixed it */
	char *next_key;   /* where the next page starts */
	size_t next_key_len;

	/* WATCHING */
	struct ck_etcd_watch *watch;

	struct event *retry_timer;
	bool retry_watch; /* the timer restarts the watch (true) or the list (false) */

	struct ck_watch_cache_etcd_stats st;
};

static void list_start(struct ck_watch_cache_etcd *f);
static void watch_start(struct ck_watch_cache_etcd *f, int64_t from);

static void retry_cb(evutil_socket_t fd, short what, void *arg)
{
	struct ck_watch_cache_etcd *f = arg;

	(void)fd;
	(void)what;
	if (f->retry_watch)
		watch_start(f, ck_watch_cache_revision(f->cache) + 1);
	else
		list_start(f);
}

static void schedule_retry(struct ck_watch_cache_etcd *f, bool watch)
{
	struct timeval tv = {f->retry_ms / 1000, (f->retry_ms % 1000) * 1000};

	f->retry_watch = watch;
	evtimer_add(f->retry_timer, &tv);
	f->retry_ms = f->retry_ms * 2 < f->retry_max_ms ? f->retry_ms * 2 : f->retry_max_ms;
}

static void list_failed(struct ck_watch_cache_etcd *f, struct ck_error *err)
{
	const char *prefix = ck_watch_cache_prefix(f->cache);

	f->st.list_failures++;
	ck_watch_cache_replace_abort(f->cache);
	if (err->http_status == 410) {
		/* The revision the pages are read at was compacted meanwhile: start over. */
		ck_info(LOG, "'%s': list revision %" PRId64 " compacted, listing again", prefix,
		        f->list_rev);
		list_start(f);
		return;
	}
	ck_warn(LOG, "cannot list '%s': %s; retrying in %d ms", prefix, err->msg, f->retry_ms);
	schedule_retry(f, false);
}

static void range_page(struct ck_watch_cache_etcd *f);

static void range_cb(struct ck_etcd_range_result *res, struct ck_error *err, void *arg)
{
	struct range_ctx *ctx = arg;
	struct ck_watch_cache_etcd *f = ctx->feed;

	free(ctx);
	if (!f)
		goto out;
	f->range = NULL;
	if (err) {
		list_failed(f, err);
		goto out;
	}
	if (!f->list_rev)
		f->list_rev = res->header.revision;
	for (size_t i = 0; i < res->n_kvs; i++) {
		const struct ck_etcd_kv *kv = &res->kvs[i];

		ck_watch_cache_replace_add(f->cache, kv->key, kv->key_len, kv->value, kv->value_len,
		                           kv->mod_revision);
	}
	if (res->more && res->n_kvs) {
		const struct ck_etcd_kv *last = &res->kvs[res->n_kvs - 1];

		/* The next page starts just after the last key: key + "\0". */
		free(f->next_key);
		f->next_key_len = last->key_len + 1;
		f->next_key = ck_xmalloc(f->next_key_len);
		memcpy(f->next_key, last->key, last->key_len);
		f->next_key[last->key_len] = '\0';
		range_page(f);
		goto out;
	}
	ck_watch_cache_replace_commit(f->cache, f->list_rev);
	f->st.lists++;
	f->retry_ms = f->retry_min_ms;
	watch_start(f, f->list_rev + 1);
out:
	ck_etcd_range_result_free(res);
	ck_error_free(err);
}

static void range_page(struct ck_watch_cache_etcd *f)
{
	struct ck_etcd_range_req req = {
	        .key = f->next_key,
	        .key_len = f->next_key_len,
	        .range_end = f->prefix_end,
	        .range_end_len = f->prefix_end_len,
	        .limit = f->page_size,
	        .revision = f->list_rev,
	};
	struct ck_error *err = NULL;
	struct range_ctx *ctx = ck_xcalloc(1, sizeof(*ctx));

	ctx->feed = f;
	if (ck_etcd_range(f->etcd, &req, range_cb, ctx, &err) < 0) {
		free(ctx);
		list_failed(f, err);
		ck_error_free(err);
		return;
	}
	f->range = ctx;
}

static void list_start(struct ck_watch_cache_etcd *f)
{
	const char *prefix = ck_watch_cache_prefix(f->cache);

	ck_watch_cache_replace_begin(f->cache);
	f->list_rev = 0;
	free(f->next_key);
	f->next_key = ck_xstrdup(prefix);
	f->next_key_len = strlen(prefix);
	range_page(f);
}

static void watch_cb(struct ck_etcd_watch *w, struct ck_etcd_watch_result *res,
                     struct ck_error *err, void *arg)
{
	struct ck_watch_cache_etcd *f = arg;
	const char *prefix = ck_watch_cache_prefix(f->cache);

	if (res) {
		for (size_t i = 0; i < res->n_events; i++) {
			const struct ck_etcd_event *e = &res->events[i];

			ck_watch_cache_apply(f->cache,
			                     e->type == CK_ETCD_EVENT_PUT ? CK_WATCH_CACHE_PUT
			                                                  : CK_WATCH_CACHE_DELETE,
			                     e->kv.key, e->kv.key_len, e->kv.value, e->kv.value_len,
			                     e->kv.mod_revision);
		}
		f->st.events += res->n_events;
		if (!res->n_events && !res->created) {
			/* Every event up to it was delivered (etcd.h): the cache has it all. */
			ck_watch_cache_progress(f->cache, res->revision);
			f->st.progress++;
		}
		if (res->n_events)
			f->retry_ms = f->retry_min_ms;
		ck_etcd_watch_result_free(res);
		return;
	}

	f->st.reconnects = ck_etcd_watch_reconnects(w);
	ck_etcd_watch_free(w);
	f->watch = NULL;
	f->st.watching = false;
	if (err->http_status == 410) {
		char *why = ck_xasprintf("etcd compacted revision %" PRId64
		                         " the watch would resume from",
		                         ck_watch_cache_revision(f->cache) + 1);

		/* K8S: the cacher relists after its reflector's watch expires, terminating
		 * every watcher first. */
		f->st.compactions++;
		ck_watch_cache_invalidate(f->cache, why);
		free(why);
		list_start(f);
	} else {
		ck_warn(LOG, "watch of '%s' ended: %s; watching again in %d ms", prefix, err->msg,
		        f->retry_ms);
		f->st.watch_restarts++;
		schedule_retry(f, true);
	}
	ck_error_free(err);
}

static void watch_start(struct ck_watch_cache_etcd *f, int64_t from)
{
	const char *prefix = ck_watch_cache_prefix(f->cache);
	struct ck_etcd_watch_req req = {
	        .key = prefix,
	        .key_len = strlen(prefix),
	        .prefix = true,
	        .start_revision = from,
	        /*
		 * Lets a quiet prefix catch up with etcd's revision, so a wait for a revision
		 * written elsewhere completes, within etcd's
		 * --experimental-watch-progress-notify-interval (10 min by default: the etcd
		 * ckube runs needs ~1 s). K8S: kube-apiserver sends a WatchProgressRequest on
		 * the stream instead (etcd >= 3.4), which the etcd client does not offer yet.
		 */
	        .progress_notify = true,
	};
	struct ck_error *err = NULL;

	if (ck_etcd_watch(f->etcd, &req, watch_cb, f, &f->watch, &err) < 0) {
		ck_warn(LOG, "cannot watch '%s': %s; retrying in %d ms", prefix, err->msg,
		        f->retry_ms);
		ck_error_free(err);
		f->st.watch_restarts++;
		schedule_retry(f, true);
		return;
	}
	f->st.watching = true;
}

int ck_watch_cache_etcd_start(struct ck_watch_cache *cache, struct ck_etcd *etcd,
                              const struct ck_watch_cache_etcd_config *cfg,
                              struct ck_watch_cache_etcd **out, struct ck_error **err)
{
	static const struct ck_watch_cache_etcd_config defaults;
	struct ck_watch_cache_etcd *f;
	const char *prefix = ck_watch_cache_prefix(cache);

	CK_BUG_ON(ck_etcd_base(etcd) != ck_watch_cache_base(cache));
	if (!cfg)
		cfg = &defaults;
	f = ck_xcalloc(1, sizeof(*f));
	f->cache = cache;
	f->etcd = etcd;
	f->page_size = cfg->page_size > 0 ? cfg->page_size : DEFAULT_PAGE;
	f->retry_min_ms = cfg->retry_min_ms > 0 ? cfg->retry_min_ms : DEFAULT_RETRY_MIN;
	f->retry_max_ms = cfg->retry_max_ms > 0 ? cfg->retry_max_ms : DEFAULT_RETRY_MAX;
	if (f->retry_max_ms < f->retry_min_ms)
		f->retry_max_ms = f->retry_min_ms;
	f->retry_ms = f->retry_min_ms;
	f->prefix_end = ck_etcd_prefix_end(prefix, strlen(prefix), &f->prefix_end_len);
	f->retry_timer = evtimer_new(ck_watch_cache_base(cache), retry_cb, f);
	CK_BUG_ON(!f->retry_timer);
	list_start(f);
	if (!f->range && !evtimer_pending(f->retry_timer, NULL)) {
		ck_watch_cache_etcd_free(f);
		return ck_error_set(err, 500, NULL, "cannot start listing '%s'", prefix);
	}
	*out = f;
	return 0;
}

void ck_watch_cache_etcd_free(struct ck_watch_cache_etcd *f)
{
	if (!f)
		return;
	if (f->range) {
		f->range->feed = NULL;
		ck_watch_cache_replace_abort(f->cache);
	}
	ck_etcd_watch_free(f->watch);
	event_free(f->retry_timer);
	free(f->next_key);
	free(f->prefix_end);
	free(f);
}

void ck_watch_cache_etcd_stats(const struct ck_watch_cache_etcd *f,
                               struct ck_watch_cache_etcd_stats *st)
{
	*st = f->st;
	if (f->watch)
		st->reconnects = ck_etcd_watch_reconnects(f->watch);
}
