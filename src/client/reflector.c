/*
 * The reflector (reflector.h): a small state machine on the client's loop — LIST pages
 * into a cache snapshot, WATCH from the snapshot's revision, re-watch, back off, relist on
 * 410 — driven by one timer and at most one client call at a time.
 *
 * Every transition out of a client callback goes through the timer (armed at zero or at
 * the back-off), so a new request is never started from inside the callback of the one
 * that just ended, and ck_reflector_free is safe from the on_synced callback.
 */
#include <event2/event.h>
#include <jansson.h>

#include "base/compat.h"

#include "base/buf.h"
#include "base/json.h"
#include "base/log.h"
#include "base/mem.h"
#include "base/time.h"
#include "client/client.h"
#include "client/reflector.h"
#include "store/watch-cache.h"

#define REFLECTOR_LOG "reflector"
/* K8S: reflector.go: a watch that ends within a second without an event is an error. */
#define REFLECTOR_SHORT_WATCH_MS 1000
/* Beyond the timeoutSeconds asked of the server, how long before the client gives up. */
#define REFLECTOR_WATCH_GRACE_MS 30000

enum next_step {
	STEP_LIST,  /* start a new snapshot */
	STEP_WATCH, /* watch from r->rv */
};

struct ck_reflector {
	struct ck_client *client;
	struct ck_watch_cache *cache;
	char *path;
	char *label_selector;
	char *field_selector;
	size_t page_size;
	int watch_s;
	int backoff_min_ms;
	int backoff_max_ms;
	void (*on_synced)(struct ck_reflector *r, void *arg);
	void *arg;

	struct event *timer;
	enum next_step next;
	struct ck_client_call *call;
	bool building;   /* a snapshot is open in the cache */
	int64_t list_rv; /* the first page's resourceVersion */
	char *cont;      /* the next page's continue token */
	char *item_kind; /* "ConfigMap" from "ConfigMapList", for list items */
	char *item_api_version;
	int64_t rv; /* the last revision seen */
	int failures;
	int64_t watch_started_ms;
	uint64_t watch_events;
	bool synced;
	struct ck_reflector_stats st;
};

static void schedule(struct ck_reflector *r, enum next_step next, int64_t ms)
{
	struct timeval tv;

	r->next = next;
	if (ms < 0)
		ms = 0;
	tv.tv_sec = (time_t)(ms / 1000);
	tv.tv_usec = (suseconds_t)(ms % 1000) * 1000;
	event_add(r->timer, &tv);
}

/* K8S: wait.Backoff with jitter 1.0: a delay in [d, 2d), d doubling up to the cap. */
static void back_off(struct ck_reflector *r, enum next_step next)
{
	int64_t d = r->backoff_min_ms;

	for (int i = 1; i < r->failures && d < r->backoff_max_ms; i++)
		d *= 2;
	if (d > r->backoff_max_ms)
		d = r->backoff_max_ms;
	d += (int64_t)((unsigned long)random() % (unsigned long)(d + 1));
	if (d > r->backoff_max_ms)
		d = r->backoff_max_ms;
	schedule(r, next, d);
}

/* Append the selectors, already starting with '?' or '&'. */
static void add_selectors(struct ck_reflector *r, struct ck_buf *b)
{
	if (r->label_selector) {
		ck_buf_adds(b, "&labelSelector=");
		ck_client_query_escape(b, r->label_selector);
	}
	if (r->field_selector) {
		ck_buf_adds(b, "&fieldSelector=");
		ck_client_query_escape(b, r->field_selector);
	}
}

static int64_t rv_of(const json_t *obj)
{
	const char *s = ck_json_path_str(obj, "metadata.resourceVersion");
	int64_t v;

	if (!s || ck_str_to_int64(s, 1, INT64_MAX, &v) < 0)
		return -1;
	return v;
}

/* The cache key of obj: prefix + "ns/name" or "name". Returns false when it has no name. */
static bool key_of(struct ck_reflector *r, const json_t *obj, struct ck_buf *key)
{
	const char *name = ck_json_path_str(obj, "metadata.name");
	const char *ns = ck_json_path_str(obj, "metadata.namespace");

	if (!name || !*name)
		return false;
	ck_buf_reset(key);
	ck_buf_adds(key, ck_watch_cache_prefix(r->cache));
	if (ns && *ns)
		ck_buf_addf(key, "%s/", ns);
	ck_buf_adds(key, name);
	return true;
}

/* ---- LIST ------------------------------------------------------------------------------ */

static void list_page(struct ck_reflector *r);

static void list_failed(struct ck_reflector *r, const char *why)
{
	if (r->building) {
		ck_watch_cache_replace_abort(r->cache);
		r->building = false;
	}
	free(r->cont);
	r->cont = NULL;
	r->failures++;
	r->st.errors++;
	ck_warn(REFLECTOR_LOG, "cannot list %s: %s", r->path, why);
	back_off(r, STEP_LIST);
}

/* Add the page's items to the snapshot. Returns 0, or -1 when the page is unusable. */
static int list_items(struct ck_reflector *r, json_t *list)
{
	json_t *items = json_object_get(list, "items");
	struct ck_buf key = CK_BUF_INIT;
	size_t i;
	json_t *item;

	if (!json_is_array(items) && !json_is_null(items) && items)
		return -1;
	json_array_foreach(items, i, item)
	{
		int64_t rv = rv_of(item);
		char *value;

		if (!json_is_object(item) || rv < 0 || !key_of(r, item, &key)) {
			ck_warn(REFLECTOR_LOG, "%s: skipping a list item without name or revision",
			        r->path);
			continue;
		}
		/*
		 * K8S: items of a typed list are sent without kind and apiVersion; watch
		 * events carry them. Fill them in so the cache holds one shape either way.
		 */
		if (r->item_kind && !json_object_get(item, "kind"))
			json_object_set_new(item, "kind", json_string(r->item_kind));
		if (r->item_api_version && !json_object_get(item, "apiVersion"))
			json_object_set_new(item, "apiVersion", json_string(r->item_api_version));
		value = json_dumps(item, JSON_COMPACT);
		if (!value)
			CK_BUG("cannot encode a list item");
		ck_watch_cache_replace_add(r->cache, key.data, key.len, value, strlen(value), rv);
		free(value);
	}
	ck_buf_release(&key);
	return 0;
}

static void list_done(struct ck_client_call *call, int status, const char *body, size_t len,
                      struct ck_error *err, void *arg)
{
	struct ck_reflector *r = arg;
	struct ck_error *perr = NULL;
	json_t *list;
	const char *cont, *kind, *api_version;

	(void)call, (void)status;
	r->call = NULL;
	if (err) {
		list_failed(r, err->msg);
		return;
	}
	list = ck_json_parse_object(body, len, &perr);
	if (!list) {
		list_failed(r, perr->msg);
		ck_error_free(perr);
		return;
	}
	if (!r->building) {
		/*
		 * K8S: every page of a paginated list is read at the first page's revision (its
		 * continue token carries it); the snapshot is at that revision, and the watch
		 * starts there, so no change after it can be missed.
		 */
		r->list_rv = rv_of(list);
		if (r->list_rv < 0) {
			json_decref(list);
			list_failed(r, "the list has no resourceVersion");
			return;
		}
		kind = ck_json_path_str(list, "kind");
		api_version = ck_json_path_str(list, "apiVersion");
		free(r->item_kind);
		free(r->item_api_version);
		r->item_kind = kind && ck_str_has_suffix(kind, "List") && strlen(kind) > 4
		                       ? ck_xstrndup(kind, strlen(kind) - 4)
		                       : NULL;
		r->item_api_version = api_version ? ck_xstrdup(api_version) : NULL;
		ck_watch_cache_replace_begin(r->cache);
		r->building = true;
	}
	if (list_items(r, list) < 0) {
		json_decref(list);
		list_failed(r, "the list has no items array");
		return;
	}
	cont = ck_json_path_str(list, "metadata.continue");
	free(r->cont);
	r->cont = cont && *cont ? ck_xstrdup(cont) : NULL;
	json_decref(list);
	if (r->cont) {
		list_page(r);
		return;
	}
	ck_watch_cache_replace_commit(r->cache, r->list_rv);
	r->building = false;
	r->rv = r->list_rv;
	r->failures = 0;
	r->synced = true;
	r->st.relists++;
	r->st.revision = r->rv;
	ck_debug(REFLECTOR_LOG, "%s: listed at revision %" PRId64, r->path, r->rv);
	schedule(r, STEP_WATCH, 0);
	/* Last: the callback may free the reflector. */
	if (r->on_synced)
		r->on_synced(r, r->arg);
}

static void list_page(struct ck_reflector *r)
{
	struct ck_buf q = CK_BUF_INIT;

	ck_buf_addf(&q, "%s?limit=%zu", r->path, r->page_size);
	if (r->cont) {
		ck_buf_adds(&q, "&continue=");
		ck_client_query_escape(&q, r->cont);
	}
	add_selectors(r, &q);
	r->st.lists++;
	r->call = ck_client_request(r->client, "GET", q.data, NULL, NULL, 0, 0, list_done, r);
	ck_buf_release(&q);
}

/* ---- WATCH ----------------------------------------------------------------------------- */

static void watch_event(struct ck_client_call *call, const struct ck_client_event *ev, void *arg)
{
	struct ck_reflector *r = arg;
	struct ck_buf key = CK_BUF_INIT;
	int64_t rv = rv_of(ev->object);

	(void)call;
	r->watch_events++;
	if (rv < 0) {
		ck_warn(REFLECTOR_LOG, "%s: %s event without a resourceVersion", r->path, ev->type);
		return;
	}
	if (!strcmp(ev->type, "BOOKMARK")) {
		/* K8S: a bookmark only moves the revision on: nothing changed up to it. */
		ck_watch_cache_progress(r->cache, rv);
	} else if (!strcmp(ev->type, "ADDED") || !strcmp(ev->type, "MODIFIED") ||
	           !strcmp(ev->type, "DELETED")) {
		if (!key_of(r, ev->object, &key)) {
			ck_warn(REFLECTOR_LOG, "%s: %s event for an object without a name", r->path,
			        ev->type);
			ck_buf_release(&key);
			return;
		}
		if (!strcmp(ev->type, "DELETED"))
			ck_watch_cache_apply(r->cache, CK_WATCH_CACHE_DELETE, key.data, key.len,
			                     NULL, 0, rv);
		else
			ck_watch_cache_apply(r->cache, CK_WATCH_CACHE_PUT, key.data, key.len,
			                     ev->raw, ev->raw_len, rv);
		ck_buf_release(&key);
	} else {
		ck_warn(REFLECTOR_LOG, "%s: ignoring a watch event of type '%s'", r->path,
		        ev->type);
		return;
	}
	if (rv > r->rv)
		r->rv = rv;
	r->st.events++;
	r->st.revision = r->rv;
}

static void watch_end(struct ck_client_call *call, struct ck_error *err, void *arg)
{
	struct ck_reflector *r = arg;
	int64_t lasted = ck_time_mono_ms() - r->watch_started_ms;

	(void)call;
	r->call = NULL;
	r->st.watching = false;
	if (err && (err->http_status == 410 || ck_str_eq(err->reason, CK_REASON_EXPIRED) ||
	            ck_str_eq(err->reason, CK_REASON_GONE))) {
		/*
		 * K8S: reflector.go isExpiredError: the revision is gone from the server's
		 * window; relist. The cache's watchers end with 410 and come back with the
		 * initial events of the new snapshot.
		 */
		ck_info(REFLECTOR_LOG, "%s: watch from %" PRId64 " expired (%s); relisting",
		        r->path, r->rv, err->msg);
		r->st.expired++;
		ck_watch_cache_invalidate(r->cache, "the API server's watch expired");
		schedule(r, STEP_LIST, 0);
		return;
	}
	if (!err && (lasted >= REFLECTOR_SHORT_WATCH_MS || r->watch_events)) {
		/* K8S: the server's timeoutSeconds ran out (or it is stopping): watch again. */
		r->failures = 0;
		schedule(r, STEP_WATCH, 0);
		return;
	}
	r->failures++;
	r->st.errors++;
	if (err)
		ck_info(REFLECTOR_LOG, "%s: watch failed: %s", r->path, err->msg);
	else
		ck_info(REFLECTOR_LOG, "%s: very short watch: the server closed it at once",
		        r->path);
	back_off(r, STEP_WATCH);
}

static void watch_start(struct ck_reflector *r)
{
	struct ck_buf q = CK_BUF_INIT;
	int timeout_s = r->watch_s + (int)((unsigned long)random() % (unsigned long)r->watch_s);

	/* K8S: reflector.go watches with allowWatchBookmarks and a randomised timeout. */
	ck_buf_addf(&q,
	            "%s?watch=1&resourceVersion=%" PRId64
	            "&allowWatchBookmarks=true&timeoutSeconds=%d",
	            r->path, r->rv, timeout_s);
	add_selectors(r, &q);
	r->watch_started_ms = ck_time_mono_ms();
	r->watch_events = 0;
	r->st.watches++;
	r->st.watching = true;
	r->call = ck_client_watch(r->client, q.data, 0, timeout_s * 1000 + REFLECTOR_WATCH_GRACE_MS,
	                          watch_event, watch_end, r);
	ck_buf_release(&q);
}

static void on_timer(evutil_socket_t fd, short what, void *arg)
{
	struct ck_reflector *r = arg;

	(void)fd, (void)what;
	CK_BUG_ON(r->call);
	if (r->next == STEP_LIST) {
		free(r->cont);
		r->cont = NULL;
		list_page(r);
	} else {
		watch_start(r);
	}
}

/* ---- lifecycle ------------------------------------------------------------------------- */

int ck_reflector_new(const struct ck_reflector_config *cfg, struct ck_reflector **out,
                     struct ck_error **err)
{
	struct ck_reflector *r;

	if (!cfg || !cfg->client || !cfg->cache || !cfg->path || *cfg->path != '/')
		return ck_error_set(err, 400, CK_REASON_BAD_REQUEST,
		                    "a reflector needs a client, a cache and an absolute path");
	if (strchr(cfg->path, '?'))
		return ck_error_set(err, 400, CK_REASON_BAD_REQUEST,
		                    "reflector path '%s' has a query; give selectors separately",
		                    cfg->path);
	if (ck_watch_cache_base(cfg->cache) != ck_client_base(cfg->client))
		return ck_error_set(err, 400, CK_REASON_BAD_REQUEST,
		                    "the reflector's cache and client run on different loops");
	if (cfg->watch_s < 0 || cfg->backoff_min_ms < 0 || cfg->backoff_max_ms < 0)
		return ck_error_set(err, 400, CK_REASON_BAD_REQUEST, "negative reflector timing");
	r = ck_xcalloc(1, sizeof(*r));
	r->client = cfg->client;
	r->cache = cfg->cache;
	r->path = ck_xstrdup(cfg->path);
	r->label_selector = cfg->label_selector ? ck_xstrdup(cfg->label_selector) : NULL;
	r->field_selector = cfg->field_selector ? ck_xstrdup(cfg->field_selector) : NULL;
	r->page_size = cfg->page_size ? cfg->page_size : CK_REFLECTOR_DEFAULT_PAGE;
	r->watch_s = cfg->watch_s ? cfg->watch_s : CK_REFLECTOR_DEFAULT_WATCH_S;
	r->backoff_min_ms =
	        cfg->backoff_min_ms ? cfg->backoff_min_ms : CK_REFLECTOR_DEFAULT_BACKOFF_MIN_MS;
	r->backoff_max_ms =
	        cfg->backoff_max_ms ? cfg->backoff_max_ms : CK_REFLECTOR_DEFAULT_BACKOFF_MAX_MS;
	if (r->backoff_max_ms < r->backoff_min_ms)
		r->backoff_max_ms = r->backoff_min_ms;
	r->on_synced = cfg->on_synced;
	r->arg = cfg->arg;
	r->timer = evtimer_new(ck_client_base(r->client), on_timer, r);
	if (!r->timer)
		CK_BUG("cannot create a timer");
	schedule(r, STEP_LIST, 0);
	*out = r;
	return 0;
}

void ck_reflector_free(struct ck_reflector *r)
{
	if (!r)
		return;
	ck_client_call_cancel(r->call);
	if (r->building)
		ck_watch_cache_replace_abort(r->cache);
	event_free(r->timer);
	free(r->path);
	free(r->label_selector);
	free(r->field_selector);
	free(r->cont);
	free(r->item_kind);
	free(r->item_api_version);
	free(r);
}

void ck_reflector_stats(const struct ck_reflector *r, struct ck_reflector_stats *st)
{
	*st = r->st;
	st->revision = r->rv;
}

bool ck_reflector_synced(const struct ck_reflector *r)
{
	return r->synced;
}
