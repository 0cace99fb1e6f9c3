/*
 * The watch cache core (see watch-cache.h): a store of the current objects, a ring of
 * recent events, watchers and waits for a revision, all owned by one event loop.
 *
 * Data structures, and why:
 *
 * - Objects: one malloc per version, laid out as [struct ck_obj][labels][field pointers]
 *   [pieces][strings][text]. The JSON is parsed once when published, to take the metadata and to
 *   set metadata.resourceVersion, then dumped compact; the jansson tree is dropped. Labels
 *   are kept parsed (a few dozen bytes per object) because selectors run on every event
 *   for every watcher with a selector, against both the new and the previous version:
 *   re-parsing JSON there would cost far more than the memory saved.
 *
 * - Shared runs: the fieldsV1 of each managedFields entry is most of a pod's metadata and
 *   the same for every pod its controller creates from one template, so it is interned:
 *   kept once per cache in a hash table of refcounted runs, and cut out of the object's
 *   text, which records where it goes (a piece, 16 bytes). Readers join them
 *   (ck_obj_json_append). The table holds a reference to each run and drops the runs
 *   nothing else holds when it would otherwise grow.
 *
 * - Store: a sorted sequence of objects by key, cut into blocks of at most STORE_BLK_MAX
 *   pointers (a two-level B+ tree, as Python's sortedcontainers). Lookup and the start of
 *   a range are two binary searches, O(log n); an insert or a delete moves at most one
 *   block's pointers (2 KiB) and, rarely, the block index (n / STORE_BLK_MAX pointers);
 *   updates of an existing key, the common write, swap one pointer in place. Iteration in
 *   key order is a walk over blocks, so LIST, a namespace's range ("ns/" is a contiguous
 *   key range) and continue-after-key pages are O(log n + k). About 10 bytes per object
 *   (8 for the pointer, blocks half to fully used), against ~48 for a red-black tree node
 *   or a hash table plus a sorted index.
 *
 * - Ring: a circular array of events addressed by a monotonically increasing sequence
 *   number, so a watcher replaying history holds a sequence number, not pointers. An event
 *   holds references to the new and previous versions; the version the store replaced is
 *   thus kept alive only as long as its events are in the ring.
 *
 * - Watchers: a watcher first replays what it asked for (the current objects as ADDED, or
 *   the ring's events after its revision) straight from the store snapshot or the ring,
 *   then becomes live: each new event is filtered once at apply time and, when it matches,
 *   a reference is pushed onto the watcher's bounded queue. Delivery happens from a
 *   deferred event on the loop, so a slow (paused) watcher only fills its own queue and is
 *   terminated when that overflows; nothing it does holds back others.
 */
#include "base/compat.h"

#include <event2/event.h>
#include <jansson.h>

#include "base/buf.h"
#include "base/error.h"
#include "base/json.h"
#include "base/log.h"
#include "base/mem.h"
#include "store/json-scan.h"
#include "store/watch-cache.h"

#define LOG "watch-cache"

#define DEFAULT_RING_MIN       100
#define DEFAULT_RING_MAX       8192
#define DEFAULT_RING_MAX_BYTES (4u << 20)
#define DEFAULT_QUEUE_LEN      100
/* A watcher's queue starts (and, drained, shrinks back to) this many entries. */
#define QUEUE_MIN 16

/* K8S: watch_cache.go eventFreshDuration: the ring grows while it holds less history. */
#define EVENT_FRESH_MS (75 * 1000)

#define STORE_BLK_MAX 256

/* ---- objects ---------------------------------------------------------------------- */

/* A run of JSON that many objects have alike, interned by the cache (see the top). */
struct shared_run {
	uint32_t refs; /* the table's and one per piece; atomic */
	uint32_t len;
	uint64_t hash;
	char bytes[];
};

struct ck_obj_piece {
	size_t at; /* where in the object's text the run goes */
	struct shared_run *run;
};

/* A shorter fieldsV1 stays in the text: a piece costs 16 bytes and a lookup. */
#define SHARED_MIN 64
/* Pieces per object at most; further runs stay in the text. */
#define PIECES_MAX 8

static void run_unref(struct shared_run *r)
{
	if (__atomic_sub_fetch(&r->refs, 1, __ATOMIC_ACQ_REL) == 0)
		free(r);
}

struct ck_obj *ck_obj_ref(struct ck_obj *obj)
{
	if (obj)
		__atomic_add_fetch(&obj->refs, 1, __ATOMIC_RELAXED);
	return obj;
}

void ck_obj_unref(struct ck_obj *obj)
{
	if (!obj)
		return;
	CK_BUG_ON(obj->refs == 0);
	if (__atomic_sub_fetch(&obj->refs, 1, __ATOMIC_ACQ_REL) == 0) {
		for (uint32_t i = 0; i < obj->npieces; i++)
			run_unref(obj->pieces[i].run);
		free(obj);
	}
}

void ck_obj_json_append(const struct ck_obj *obj, struct ck_buf *out)
{
	size_t from = 0;

	ck_buf_grow(out, obj->json_len);
	for (uint32_t i = 0; i < obj->npieces; i++) {
		const struct ck_obj_piece *p = &obj->pieces[i];

		ck_buf_add(out, obj->text + from, p->at - from);
		ck_buf_add(out, p->run->bytes, p->run->len);
		from = p->at;
	}
	ck_buf_add(out, obj->text + from, obj->text_len - from);
}

const char *ck_obj_json(const struct ck_obj *obj, struct ck_buf *tmp)
{
	if (!obj->npieces)
		return obj->text;
	ck_buf_reset(tmp);
	ck_obj_json_append(obj, tmp);
	return tmp->data;
}

json_t *ck_obj_parse(const struct ck_obj *obj)
{
	struct ck_buf tmp = CK_BUF_INIT;
	const char *json = ck_obj_json(obj, &tmp);
	/* The cache made the text: the scanner's subset but for non-ASCII strings. */
	json_t *v = ck_json_scan_load(json, obj->json_len);

	if (!v)
		v = json_loadb(json, obj->json_len, 0, NULL);
	ck_buf_release(&tmp);
	return v;
}

void ck_obj_unref_cb(const void *data, size_t len, void *arg)
{
	(void)data;
	(void)len;
	ck_obj_unref(arg);
}

const char *ck_obj_label(const struct ck_obj *obj, const char *key)
{
	for (uint32_t i = 0; i < obj->nlabels; i++)
		if (!strcmp(obj->labels[i].key, key))
			return obj->labels[i].value;
	return NULL;
}

const char *ck_obj_field(const struct ck_obj *obj, size_t i)
{
	return i < obj->nfields ? obj->fields[i] : NULL;
}

/* A field's scalar as text, malloc'ed; NULL for absent, null, objects and arrays. */
static char *field_text(const json_t *v)
{
	if (json_is_string(v))
		return ck_xstrndup(json_string_value(v), json_string_length(v));
	if (json_is_true(v))
		return ck_xstrdup("true");
	if (json_is_false(v))
		return ck_xstrdup("false");
	if (json_is_integer(v))
		return ck_xasprintf("%" JSON_INTEGER_FORMAT, json_integer_value(v));
	return NULL;
}

/* Bump allocator over the object's single allocation. */
struct obj_arena {
	char *p;
	char *end;
};

static const char *arena_str(struct obj_arena *a, const char *s, size_t n)
{
	char *d = a->p;

	CK_BUG_ON((size_t)(a->end - a->p) < n + 1);
	memcpy(d, s, n);
	d[n] = '\0';
	a->p += n + 1;
	return d;
}

struct ck_watch_cache {
	struct event_base *base;
	char *prefix;
	size_t prefix_len;
	bool namespaced;
	char **fields; /* NULL-terminated */
	size_t nfields;
	size_t ring_min, ring_max, ring_max_bytes, queue_len;

	bool ready;
	int64_t rv;      /* every event up to here is applied */
	int64_t list_rv; /* revision of the last committed snapshot */
	bool removed_since_relist;

	struct store *store;
	struct store *staging; /* snapshot being built, or NULL */

	/* ring: events [start, end) by sequence number; ev[seq % cap] */
	struct wc_event *ev;
	size_t cap;
	uint64_t start, end;
	size_t ring_bytes;

	/* watchers: all of them in one list; dirty ones also on the dirty list */
	struct ck_watch_cache_watcher *watchers;
	struct ck_watch_cache_watcher *dirty_head, *dirty_tail;
	size_t nwatchers;
	size_t nreplaying; /* watchers not yet live: the ring must check them on eviction */

	struct ck_watch_cache_wait *waits; /* sorted by rv ascending */
	size_t nwaits;

	struct event *dispatch_ev;
	bool dispatching;
	struct ck_watch_cache_watcher *current; /* whose callback is running */

	struct ck_buf scratch;
	struct ck_buf joined;     /* a previous version's JSON, rebuilt at another revision */
	struct ck_json_scan scan; /* obj_build_fast's, reused */
	/* Shared runs: open addressing by hash, at most a quarter full after a rebuild. */
	struct shared_run **runs;
	size_t runs_cap, runs_n, runs_bytes;
	bool slow_only; /* tests: obj_build without its fast path */
	uint64_t relists, malformed;
};

/* ---- shared runs ---------------------------------------------------------------- */

/* FNV-1a, 64 bits. */
static uint64_t run_hash(const char *p, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)p[i]) * 0x100000001b3ULL;
	return h;
}

static void runs_put(struct shared_run **tab, size_t cap, struct shared_run *r)
{
	size_t i = r->hash & (cap - 1);

	while (tab[i])
		i = (i + 1) & (cap - 1);
	tab[i] = r;
}

/*
 * Rebuild the table, freeing the runs only it holds (no object can take a new reference
 * to one: that happens here, on the loop), at a size that leaves it at most a quarter
 * full, so that the next rebuild is a quarter of its size of interns away.
 */
static void runs_rebuild(struct ck_watch_cache *c)
{
	struct shared_run **old = c->runs, **tab;
	size_t old_cap = c->runs_cap, live = 0, cap = 64;

	for (size_t i = 0; i < old_cap; i++)
		if (old[i] && __atomic_load_n(&old[i]->refs, __ATOMIC_ACQUIRE) > 1)
			live++;
	while ((live + 1) * 4 > cap)
		cap *= 2;
	tab = ck_xcalloc(cap, sizeof(*tab));
	c->runs_n = 0;
	for (size_t i = 0; i < old_cap; i++) {
		struct shared_run *r = old[i];

		if (!r)
			continue;
		if (__atomic_load_n(&r->refs, __ATOMIC_ACQUIRE) == 1) {
			c->runs_bytes -= r->len;
			run_unref(r);
			continue;
		}
		runs_put(tab, cap, r);
		c->runs_n++;
	}
	free(old);
	c->runs = tab;
	c->runs_cap = cap;
}

/* The run equal to p[0, n), interned, with a reference for the caller. */
static struct shared_run *run_intern(struct ck_watch_cache *c, const char *p, size_t n)
{
	uint64_t h = run_hash(p, n);
	struct shared_run *r;
	size_t i;

	if ((c->runs_n + 1) * 2 > c->runs_cap)
		runs_rebuild(c);
	for (i = h & (c->runs_cap - 1); (r = c->runs[i]); i = (i + 1) & (c->runs_cap - 1)) {
		if (r->hash == h && r->len == n && !memcmp(r->bytes, p, n)) {
			__atomic_add_fetch(&r->refs, 1, __ATOMIC_RELAXED);
			return r;
		}
	}
	CK_BUG_ON(n > UINT32_MAX);
	r = ck_xmalloc(sizeof(*r) + n);
	r->refs = 2; /* the table's and the caller's */
	r->len = (uint32_t)n;
	r->hash = h;
	memcpy(r->bytes, p, n);
	c->runs[i] = r;
	c->runs_n++;
	c->runs_bytes += n;
	return r;
}

static void runs_free(struct ck_watch_cache *c)
{
	for (size_t i = 0; i < c->runs_cap; i++)
		if (c->runs[i])
			run_unref(c->runs[i]);
	free(c->runs);
}

/*
 * One change of an object's source bytes on the way to its text: [at, at + cut) replaced
 * by add (resourceVersion), or, for a piece, cut out and shared.
 */
struct edit {
	size_t at, cut;
	const char *add;
	size_t add_len;
	bool piece;
};

/*
 * The runs worth sharing in the scanned object: each managedFields entry's fieldsV1, when
 * it is an object of SHARED_MIN bytes or more. Appended to e (at most PIECES_MAX), in text
 * order; returns how many.
 */
static size_t find_runs(const struct ck_json_scan *s, const struct ck_json_scan_node *meta,
                        struct edit *e)
{
	const struct ck_json_scan_node *mf = ck_json_scan_get(s, meta, "managedFields", 13), *f;
	size_t n = 0;

	if (!mf || mf->type != CK_JSON_SCAN_ARRAY)
		return 0;
	for (uint32_t i = mf->child; i && n < PIECES_MAX; i = s->nodes[i].next) {
		f = ck_json_scan_get(s, &s->nodes[i], "fieldsV1", 8);
		if (f && f->type == CK_JSON_SCAN_OBJECT && f->end - f->start >= SHARED_MIN)
			e[n++] = (struct edit){
			        .at = f->start, .cut = f->end - f->start, .piece = true};
	}
	return n;
}

static int edit_cmp(const void *a, const void *b)
{
	const struct edit *x = a, *y = b;

	return (x->at > y->at) - (x->at < y->at);
}

/* The lengths of the JSON and of the text that src with the edits e[0, n) make. */
static void edited_len(size_t src_len, const struct edit *e, size_t n, size_t *json_len,
                       size_t *text_len)
{
	*json_len = src_len;
	*text_len = src_len;
	for (size_t i = 0; i < n; i++) {
		if (e[i].piece) {
			*text_len -= e[i].cut;
		} else {
			*json_len += e[i].add_len - e[i].cut;
			*text_len += e[i].add_len - e[i].cut;
		}
	}
}

/* Write src with the edits (sorted by at, disjoint) as obj's text and pieces. */
static void fill_text(struct ck_watch_cache *c, struct ck_obj *obj, struct obj_arena *a,
                      const char *src, size_t src_len, const struct edit *e, size_t n)
{
	struct ck_obj_piece *pv = (struct ck_obj_piece *)obj->pieces;
	char *t = a->p;
	size_t o = 0, from = 0, np = 0;

	for (size_t i = 0; i < n; i++) {
		memcpy(t + o, src + from, e[i].at - from);
		o += e[i].at - from;
		if (e[i].piece) {
			pv[np].at = o;
			pv[np].run = run_intern(c, src + e[i].at, e[i].cut);
			np++;
		} else {
			memcpy(t + o, e[i].add, e[i].add_len);
			o += e[i].add_len;
		}
		from = e[i].at + e[i].cut;
	}
	memcpy(t + o, src + from, src_len - from);
	o += src_len - from;
	t[o] = '\0';
	CK_BUG_ON(np != obj->npieces || o != obj->text_len || (size_t)(a->end - a->p) < o + 1);
	obj->text = t;
	a->p += o + 1;
}

/* ---- building objects ------------------------------------------------------------ */

/*
 * One allocation of size bytes (pieces and text included) for an object of rv with nlabels
 * labels, the cache's fields and npieces pieces: the header filled, the label, field and
 * piece arrays laid out (for the caller to fill), key, name and namespace copied; the rest
 * of the space is left to *a.
 */
static struct ck_obj *obj_alloc(const struct ck_watch_cache *c, size_t size, size_t nlabels,
                                size_t npieces, int64_t rv, const char *key, size_t key_len,
                                const char *name_in_key, size_t ns_len, struct obj_arena *a)
{
	struct ck_obj *obj = ck_xmalloc(size);

	memset(obj, 0, sizeof(*obj));
	a->p = (char *)(obj + 1);
	a->end = (char *)obj + size;
	obj->refs = 1;
	obj->rv = rv;
	obj->nlabels = (uint32_t)nlabels;
	obj->nfields = (uint32_t)c->nfields;
	obj->npieces = (uint32_t)npieces;
	obj->labels = (const struct ck_obj_label *)a->p;
	a->p += nlabels * sizeof(struct ck_obj_label);
	obj->fields = (const char *const *)a->p;
	a->p += c->nfields * sizeof(char *);
	obj->pieces = (const struct ck_obj_piece *)a->p;
	a->p += npieces * sizeof(struct ck_obj_piece);
	obj->key = arena_str(a, key, key_len);
	obj->name = obj->key + (name_in_key - key);
	obj->ns = arena_str(a, key, ns_len);
	return obj;
}

static const char *arena_scan_str(struct obj_arena *a, const struct ck_json_scan *s,
                                  const struct ck_json_scan_node *n, size_t len)
{
	char *d = a->p;

	CK_BUG_ON((size_t)(a->end - a->p) < len + 1);
	CK_BUG_ON(ck_json_scan_string(s, n, d) != len);
	a->p += len + 1;
	return d;
}

/* A configured field's scalar as field_text writes it, or NULL; *len its length. */
static const struct ck_json_scan_node *scan_field(const struct ck_json_scan *s,
                                                  const struct ck_json_scan_node *n, size_t *len)
{
	if (!n)
		return NULL;
	switch (n->type) {
	case CK_JSON_SCAN_STRING:
		*len = ck_json_scan_string_len(s, n);
		return n;
	case CK_JSON_SCAN_TRUE:
	case CK_JSON_SCAN_FALSE:
	case CK_JSON_SCAN_INTEGER:
		/* A canonical integer's text is what "%lld" writes; true and false as they are. */
		*len = n->end - n->start;
		return n;
	default:
		return NULL;
	}
}

/*
 * obj_build for the values ckube itself stores: when the scanner finds the value canonical
 * (exactly jansson's compact dump of itself), the metadata is read from the scan and the
 * resourceVersion spliced into the bytes, which gives the object the jansson path would,
 * byte for byte, at a fraction of the cost (parsing and dumping the value was most of what
 * applying an event cost). NULL when it declines: obj_build then takes the general path.
 * name_in_key and ns_len are obj_build's checks of the key.
 */
static struct ck_obj *obj_build_fast(struct ck_watch_cache *c, const char *key, size_t key_len,
                                     const char *name_in_key, size_t ns_len, const char *value,
                                     size_t value_len, int64_t rv)
{
	struct ck_json_scan *s = &c->scan;
	const struct ck_json_scan_node *root, *meta, *name, *uid, *cts, *labels, *rvn, *m;
	size_t uid_len = 0, cts_len = 0, nlabels = 0, label_bytes = 0, size, json_len, text_len,
	       field_bytes = 0, nruns;
	char rvbuf[48];
	struct edit edits[PIECES_MAX + 1];
	struct obj_arena a;
	struct ck_obj *obj;

	if (ck_json_scan(s, value, value_len) || !s->canonical)
		return NULL;
	root = &s->nodes[0];
	meta = ck_json_scan_get(s, root, "metadata", 8);
	if (!meta || meta->type != CK_JSON_SCAN_OBJECT)
		return NULL;
	name = ck_json_scan_get(s, meta, "name", 4);
	if (!name || name->type != CK_JSON_SCAN_STRING || name->end - name->start <= 2)
		return NULL;
	uid = ck_json_scan_get(s, meta, "uid", 3);
	cts = ck_json_scan_get(s, meta, "creationTimestamp", 17);
	if (uid && uid->type != CK_JSON_SCAN_STRING)
		uid = NULL;
	if (cts && cts->type != CK_JSON_SCAN_STRING)
		cts = NULL;
	uid_len = uid ? ck_json_scan_string_len(s, uid) : 0;
	cts_len = cts ? ck_json_scan_string_len(s, cts) : 0;
	labels = ck_json_scan_get(s, meta, "labels", 6);
	if (labels && labels->type == CK_JSON_SCAN_OBJECT) {
		for (uint32_t i = labels->child; i; i = s->nodes[i].next) {
			m = &s->nodes[i];
			/* K8S: label values are strings; anything else cannot match a selector. */
			if (m->type != CK_JSON_SCAN_STRING)
				continue;
			/* A key with escapes is copied as written below: jansson's path unescapes. */
			if (memchr(value + m->key, '\\', m->key_len))
				return NULL;
			nlabels++;
			label_bytes += m->key_len + 1 + ck_json_scan_string_len(s, m) + 1;
		}
	}

	const struct ck_json_scan_node *fnodes[c->nfields ? c->nfields : 1];
	size_t flens[c->nfields ? c->nfields : 1];

	for (size_t i = 0; i < c->nfields; i++) {
		fnodes[i] = scan_field(s, ck_json_scan_path(s, root, c->fields[i]), &flens[i]);
		if (fnodes[i])
			field_bytes += flens[i] + 1;
	}

	/* K8S: metadata.resourceVersion is the etcd revision; stored values do not carry it. */
	rvn = ck_json_scan_get(s, meta, "resourceVersion", 15);
	if (rvn) {
		/* Replaced where it is, as json_object_set_new does. */
		edits[0].add_len = (size_t)snprintf(rvbuf, sizeof(rvbuf), "\"%" PRId64 "\"", rv);
		edits[0].at = rvn->start;
		edits[0].cut = rvn->end - rvn->start;
	} else {
		/* Appended to metadata (which has a name, so a comma goes first). */
		edits[0].add_len = (size_t)snprintf(rvbuf, sizeof(rvbuf),
		                                    ",\"resourceVersion\":\"%" PRId64 "\"", rv);
		edits[0].at = meta->end - 1;
		edits[0].cut = 0;
	}
	edits[0].add = rvbuf;
	edits[0].piece = false;
	nruns = find_runs(s, meta, edits + 1);
	qsort(edits, nruns + 1, sizeof(edits[0]), edit_cmp);
	edited_len(value_len, edits, nruns + 1, &json_len, &text_len);

	size = sizeof(*obj) + nlabels * sizeof(struct ck_obj_label) + c->nfields * sizeof(char *) +
	       nruns * sizeof(struct ck_obj_piece) + field_bytes + key_len + 1 + ns_len + 1 +
	       (uid ? uid_len + 1 : 0) + (cts ? cts_len + 1 : 0) + label_bytes + text_len + 1;
	obj = obj_alloc(c, size, nlabels, nruns, rv, key, key_len, name_in_key, ns_len, &a);
	struct ck_obj_label *lv = (struct ck_obj_label *)obj->labels;
	const char **fv = (const char **)obj->fields;
	obj->uid = uid ? arena_scan_str(&a, s, uid, uid_len) : NULL;
	obj->creation_timestamp = cts ? arena_scan_str(&a, s, cts, cts_len) : NULL;
	if (nlabels) {
		size_t li = 0;

		for (uint32_t i = labels->child; i; i = s->nodes[i].next) {
			m = &s->nodes[i];
			if (m->type != CK_JSON_SCAN_STRING)
				continue;
			lv[li].key = arena_str(&a, value + m->key, m->key_len);
			lv[li].value = arena_scan_str(&a, s, m, ck_json_scan_string_len(s, m));
			li++;
		}
	}
	for (size_t i = 0; i < c->nfields; i++) {
		if (!fnodes[i])
			fv[i] = NULL;
		else if (fnodes[i]->type == CK_JSON_SCAN_STRING)
			fv[i] = arena_scan_str(&a, s, fnodes[i], flens[i]);
		else
			fv[i] = arena_str(&a, value + fnodes[i]->start, flens[i]);
	}
	obj->json_len = json_len;
	obj->text_len = text_len;
	fill_text(c, obj, &a, value, value_len, edits, nruns + 1);
	CK_BUG_ON(a.p != a.end);
	return obj;
}

/*
 * Parse value and publish it as a new object at rv under key (the key below the prefix).
 * Returns the object with one reference, or NULL with *err (400) when the value is not a
 * usable object or the key not of the configured shape.
 */
static struct ck_obj *obj_build(struct ck_watch_cache *c, const char *key, size_t key_len,
                                const char *value, size_t value_len, int64_t rv,
                                struct ck_error **err)
{
	json_t *root = NULL, *meta, *labels, *v;
	const char *name, *uid, *cts, *lk, *name_in_key;
	size_t ns_len = 0, uid_len = 0, cts_len = 0, nlabels = 0, size, label_bytes = 0, nruns = 0;
	size_t json_len, text_len;
	struct edit edits[PIECES_MAX];
	char **fvals = NULL, rvbuf[24];
	struct obj_arena a;
	struct ck_obj *obj = NULL;

	if (key_len == 0 || memchr(key, '\0', key_len))
		return ck_error_set(err, 400, NULL, "invalid key"), NULL;
	name_in_key = key;
	if (c->namespaced) {
		const char *slash = memchr(key, '/', key_len);

		if (!slash || slash == key || slash + 1 == key + key_len)
			return ck_error_set(err, 400, NULL, "key is not <namespace>/<name>"), NULL;
		ns_len = (size_t)(slash - key);
		name_in_key = slash + 1;
	}
	if (memchr(name_in_key, '/', key_len - (size_t)(name_in_key - key)))
		return ck_error_set(err, 400, NULL, "unexpected '/' in name"), NULL;
	if (!c->slow_only) {
		obj = obj_build_fast(c, key, key_len, name_in_key, ns_len, value, value_len, rv);
		if (obj)
			return obj;
	}

	root = ck_json_parse_object(value, value_len, err);
	if (!root)
		return NULL;
	meta = json_object_get(root, "metadata");
	if (!json_is_object(meta)) {
		ck_error_set(err, 400, NULL, "no metadata object");
		goto out;
	}
	name = json_string_value(json_object_get(meta, "name"));
	if (!name || !*name) {
		ck_error_set(err, 400, NULL, "no metadata.name");
		goto out;
	}
	uid = json_string_value(json_object_get(meta, "uid"));
	cts = json_string_value(json_object_get(meta, "creationTimestamp"));
	uid_len = uid ? strlen(uid) : 0;
	cts_len = cts ? strlen(cts) : 0;
	labels = json_object_get(meta, "labels");
	json_object_foreach(labels, lk, v)
	{
		/* K8S: label values are strings; anything else cannot match a selector. */
		if (!json_is_string(v))
			continue;
		nlabels++;
		label_bytes += strlen(lk) + 1 + json_string_length(v) + 1;
	}

	size = sizeof(*obj) + nlabels * sizeof(struct ck_obj_label) + c->nfields * sizeof(char *);
	if (c->nfields) {
		fvals = ck_xcalloc(c->nfields, sizeof(*fvals));
		for (size_t i = 0; i < c->nfields; i++) {
			fvals[i] = field_text(ck_json_path(root, c->fields[i]));
			if (fvals[i])
				size += strlen(fvals[i]) + 1;
		}
	}

	/* K8S: metadata.resourceVersion is the etcd revision; stored values do not carry it. */
	snprintf(rvbuf, sizeof(rvbuf), "%" PRId64, rv);
	json_object_set_new(meta, "resourceVersion", json_string(rvbuf));
	ck_buf_reset(&c->scratch);
	if (ck_json_dump_buf(root, &c->scratch, false, err) < 0)
		goto out;

	/* The runs to share, when the scanner reads what jansson wrote (it declines non-ASCII). */
	if (!ck_json_scan(&c->scan, c->scratch.data, c->scratch.len))
		nruns = find_runs(&c->scan,
		                  ck_json_scan_get(&c->scan, &c->scan.nodes[0], "metadata", 8),
		                  edits);
	edited_len(c->scratch.len, edits, nruns, &json_len, &text_len);
	size += key_len + 1 + ns_len + 1 + (uid ? uid_len + 1 : 0) + (cts ? cts_len + 1 : 0) +
	        label_bytes + nruns * sizeof(struct ck_obj_piece) + text_len + 1;
	obj = obj_alloc(c, size, nlabels, nruns, rv, key, key_len, name_in_key, ns_len, &a);
	struct ck_obj_label *lv = (struct ck_obj_label *)obj->labels;
	const char **fv = (const char **)obj->fields;
	obj->uid = uid ? arena_str(&a, uid, uid_len) : NULL;
	obj->creation_timestamp = cts ? arena_str(&a, cts, cts_len) : NULL;
	size_t li = 0;
	json_object_foreach(labels, lk, v)
	{
		if (!json_is_string(v))
			continue;
		lv[li].key = arena_str(&a, lk, strlen(lk));
		lv[li].value = arena_str(&a, json_string_value(v), json_string_length(v));
		li++;
	}
	for (size_t i = 0; i < c->nfields; i++)
		fv[i] = fvals[i] ? arena_str(&a, fvals[i], strlen(fvals[i])) : NULL;
	obj->json_len = json_len;
	obj->text_len = text_len;
	fill_text(c, obj, &a, c->scratch.data, c->scratch.len, edits, nruns);
	CK_BUG_ON(a.p != a.end);

out:
	if (fvals) {
		for (size_t i = 0; i < c->nfields; i++)
			free(fvals[i]);
		free(fvals);
	}
	json_decref(root);
	return obj;
}

/* The allocation size of obj, for the stats. */
static size_t obj_size(const struct ck_obj *obj)
{
	size_t size = sizeof(*obj) + obj->nlabels * sizeof(struct ck_obj_label) +
	              obj->nfields * sizeof(char *) + obj->npieces * sizeof(struct ck_obj_piece);

	size += strlen(obj->key) + 1 + strlen(obj->ns) + 1 + obj->text_len + 1;
	if (obj->uid)
		size += strlen(obj->uid) + 1;
	if (obj->creation_timestamp)
		size += strlen(obj->creation_timestamp) + 1;
	for (uint32_t i = 0; i < obj->nlabels; i++)
		size += strlen(obj->labels[i].key) + strlen(obj->labels[i].value) + 2;
	for (uint32_t i = 0; i < obj->nfields; i++)
		if (obj->fields[i])
			size += strlen(obj->fields[i]) + 1;
	return size;
}

/* ---- store: a sorted sequence of objects in blocks -------------------------------- */

struct store_blk {
	uint32_t n;
	struct ck_obj *items[STORE_BLK_MAX];
};

struct store {
	struct store_blk **blks;
	size_t nblks, alloc;
	size_t count;
};

/* A position: block b, index i; b == nblks is the end. */
struct store_pos {
	size_t b;
	uint32_t i;
};

static struct store *store_new(void)
{
	return ck_xcalloc(1, sizeof(struct store));
}

static void store_free(struct store *s)
{
	if (!s)
		return;
	for (size_t b = 0; b < s->nblks; b++) {
		for (uint32_t i = 0; i < s->blks[b]->n; i++)
			ck_obj_unref(s->blks[b]->items[i]);
		free(s->blks[b]);
	}
	free(s->blks);
	free(s);
}

static bool store_valid(const struct store *s, struct store_pos p)
{
	return p.b < s->nblks;
}

static struct ck_obj *store_at(const struct store *s, struct store_pos p)
{
	return s->blks[p.b]->items[p.i];
}

static void store_next(const struct store *s, struct store_pos *p)
{
	if (++p->i >= s->blks[p->b]->n) {
		p->b++;
		p->i = 0;
	}
}

/* Position of the first object whose key is >= key (strict: > key), or the end. */
static struct store_pos store_bound(const struct store *s, const char *key, bool strict)
{
	struct store_pos p = {0, 0};
	size_t lo = 0, hi = s->nblks;
	uint32_t l, h;
	const struct store_blk *blk;

	if (!s->nblks)
		return p;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int cmp = strcmp(s->blks[mid]->items[0]->key, key);

		/* Either way the block whose first key is <= key is where the bound starts. */
		if (cmp <= 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	p.b = lo ? lo - 1 : 0;
	blk = s->blks[p.b];
	l = 0;
	h = blk->n;
	while (l < h) {
		uint32_t mid = l + (h - l) / 2;
		int cmp = strcmp(blk->items[mid]->key, key);

		if (cmp < 0 || (strict && cmp == 0))
			l = mid + 1;
		else
			h = mid;
	}
	p.i = l;
	if (p.i >= blk->n) {
		p.b++;
		p.i = 0;
	}
	return p;
}

/* Find key: true with *p at it, or false with *p where it would be inserted. */
static bool store_find(const struct store *s, const char *key, struct store_pos *p)
{
	*p = store_bound(s, key, false);
	return store_valid(s, *p) && !strcmp(store_at(s, *p)->key, key);
}

static void store_blk_insert(struct store *s, size_t at, struct store_blk *blk)
{
	CK_ALLOC_GROW(s->blks, s->nblks + 1, s->alloc);
	memmove(s->blks + at + 1, s->blks + at, (s->nblks - at) * sizeof(*s->blks));
	s->blks[at] = blk;
	s->nblks++;
}

static void store_blk_remove(struct store *s, size_t at)
{
	free(s->blks[at]);
	memmove(s->blks + at, s->blks + at + 1, (s->nblks - at - 1) * sizeof(*s->blks));
	s->nblks--;
}

/* Insert obj (taking its reference) at p, which store_find returned for its key. */
static void store_insert_at(struct store *s, struct store_pos p, struct ck_obj *obj)
{
	struct store_blk *blk;

	if (!s->nblks) {
		store_blk_insert(s, 0, ck_xcalloc(1, sizeof(struct store_blk)));
		p.b = 0;
		p.i = 0;
	} else if (p.b == s->nblks) {
		/* After the last key: append to the last block. */
		p.b = s->nblks - 1;
		p.i = s->blks[p.b]->n;
	} else if (p.i == 0 && p.b > 0 && s->blks[p.b - 1]->n < STORE_BLK_MAX) {
		/* Between two blocks: prefer the end of the previous one, which has room. */
		p.b--;
		p.i = s->blks[p.b]->n;
	}
	blk = s->blks[p.b];
	if (blk->n == STORE_BLK_MAX) {
		struct store_blk *right = ck_xcalloc(1, sizeof(*right));
		uint32_t half = STORE_BLK_MAX / 2;

		right->n = blk->n - half;
		memcpy(right->items, blk->items + half, right->n * sizeof(*blk->items));
		blk->n = half;
		store_blk_insert(s, p.b + 1, right);
		if (p.i > half) {
			p.b++;
			p.i -= half;
			blk = right;
		}
	}
	memmove(blk->items + p.i + 1, blk->items + p.i, (blk->n - p.i) * sizeof(*blk->items));
	blk->items[p.i] = obj;
	blk->n++;
	s->count++;
}

/* Remove the object at p and return its reference to the caller. */
static struct ck_obj *store_remove_at(struct store *s, struct store_pos p)
{
	struct store_blk *blk = s->blks[p.b];
	struct ck_obj *obj = blk->items[p.i];

	memmove(blk->items + p.i, blk->items + p.i + 1, (blk->n - p.i - 1) * sizeof(*blk->items));
	blk->n--;
	s->count--;
	if (blk->n == 0) {
		store_blk_remove(s, p.b);
	} else if (blk->n < STORE_BLK_MAX / 4 && p.b + 1 < s->nblks &&
	           blk->n + s->blks[p.b + 1]->n <= STORE_BLK_MAX / 2) {
		/* Merge a sparse block with its successor so mass deletes give memory back. */
		struct store_blk *next = s->blks[p.b + 1];

		memcpy(blk->items + blk->n, next->items, next->n * sizeof(*blk->items));
		blk->n += next->n;
		store_blk_remove(s, p.b + 1);
	}
	return obj;
}

/* Put obj (taking its reference) under its key; returns the version it replaced, or NULL. */
static struct ck_obj *store_put(struct store *s, struct ck_obj *obj)
{
	struct store_pos p;
	struct store_blk *last;

	/* Fast path for a snapshot, which etcd returns sorted by key: append, filling blocks. */
	if (s->nblks) {
		last = s->blks[s->nblks - 1];
		if (strcmp(last->items[last->n - 1]->key, obj->key) < 0) {
			if (last->n == STORE_BLK_MAX) {
				last = ck_xcalloc(1, sizeof(*last));
				store_blk_insert(s, s->nblks, last);
			}
			last->items[last->n++] = obj;
			s->count++;
			return NULL;
		}
	}
	if (store_find(s, obj->key, &p)) {
		struct ck_obj *old = store_at(s, p);

		s->blks[p.b]->items[p.i] = obj;
		return old;
	}
	store_insert_at(s, p, obj);
	return NULL;
}

static struct ck_obj *store_get(const struct store *s, const char *key)
{
	struct store_pos p;

	return store_find(s, key, &p) ? store_at(s, p) : NULL;
}

/* ---- the event ring --------------------------------------------------------------- */

struct wc_event {
	enum ck_watch_event_type type; /* as etcd and the store saw it */
	int64_t rv;
	struct ck_obj *obj;        /* ADDED/MODIFIED: the new version; DELETED: NULL */
	struct ck_obj *prev;       /* MODIFIED/DELETED: the version before */
	struct ck_obj *prev_at_rv; /* prev with resourceVersion rv, made on first need */
	uint64_t time_ms;
	size_t bytes;
};

static uint64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

static struct wc_event *ring_at(const struct ck_watch_cache *c, uint64_t seq)
{
	return &c->ev[seq % c->cap];
}

static size_t ring_size(const struct ck_watch_cache *c)
{
	return (size_t)(c->end - c->start);
}

static void event_release(struct wc_event *e)
{
	ck_obj_unref(e->obj);
	ck_obj_unref(e->prev);
	ck_obj_unref(e->prev_at_rv);
	memset(e, 0, sizeof(*e));
}

static void ring_resize(struct ck_watch_cache *c, size_t cap)
{
	struct wc_event *ev = ck_xcalloc(cap, sizeof(*ev));

	CK_BUG_ON(cap < ring_size(c));
	for (uint64_t s = c->start; s < c->end; s++)
		ev[s % cap] = *ring_at(c, s);
	free(c->ev);
	c->ev = ev;
	c->cap = cap;
}

static void watcher_terminate(struct ck_watch_cache_watcher *w, int http_status, const char *reason,
                              const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/*
 * The object a watcher gets for the previous version at the event's revision (a DELETED
 * event, or a MODIFIED turned into DELETED by a selector), made once per event.
 */
static struct ck_obj *event_prev_at_rv(struct ck_watch_cache *c, struct wc_event *e)
{
	struct ck_error *err = NULL;

	if (!e->prev_at_rv) {
		/* K8S: a deleted object carries the delete's revision (etcd3 watcher). */
		e->prev_at_rv =
		        obj_build(c, e->prev->key, strlen(e->prev->key),
		                  ck_obj_json(e->prev, &c->joined), e->prev->json_len, e->rv, &err);
		if (!e->prev_at_rv) {
			/* It was published once, so it parses; keep going with the old stamp. */
			ck_err(LOG, "cannot restamp '%s': %s", e->prev->key, err->msg);
			ck_error_free(err);
			e->prev_at_rv = ck_obj_ref(e->prev);
		}
		e->bytes += e->prev_at_rv->json_len;
		c->ring_bytes += e->prev_at_rv->json_len;
	}
	return e->prev_at_rv;
}

/* An event queued for a live watcher: the converted type and a reference. */
struct wq_entry {
	enum ck_watch_event_type type;
	int64_t rv;
	struct ck_obj *obj;
};

struct ck_watch_cache_watcher {
	struct ck_watch_cache *cache; /* NULL once the cache is freed */
	struct ck_watch_cache_watcher *next, *prev;
	struct ck_watch_cache_watcher *dirty_next;
	bool dirty;

	enum { W_SNAPSHOT, W_REPLAY, W_LIVE, W_DONE } state;
	bool paused;
	bool dead; /* freed by its owner while its callback ran */
	bool done_called;

	char *ns; /* "ns/" or NULL */
	size_t ns_len;
	ck_obj_filter_fn *filter;
	void *filter_arg;
	ck_watch_cache_event_fn *on_event;
	ck_watch_cache_done_fn *on_done;
	void *arg;

	int64_t min_rv;       /* events at or below are not for this watcher */
	int64_t delivered_rv; /* the last revision given or examined */

	/* W_SNAPSHOT: the initial objects, delivered then released one by one */
	struct ck_obj **snap;
	size_t snap_n, snap_i;
	int64_t snap_rv;
	bool snap_bookmark;

	/* W_SNAPSHOT/W_REPLAY: the next ring sequence number to look at */
	uint64_t cursor;

	/*
	 * W_LIVE: matched events not yet delivered, a circular buffer of q_cap entries that
	 * grows with the backlog up to q_max (the watcher's queue_len) and shrinks back
	 * when it drains: a circular buffer touches all of its pages as it turns, so a
	 * queue sized for the worst burst would stay resident at that size for good.
	 */
	struct wq_entry *q;
	size_t q_cap, q_max, q_head, q_len;

	struct ck_error *done_err;
};

/* Resize w's (possibly wrapped) queue to cap entries, at least q_len, unwrapping it. */
static void queue_resize(struct ck_watch_cache_watcher *w, size_t cap)
{
	struct wq_entry *q = ck_xcalloc(cap, sizeof(*q));

	CK_BUG_ON(cap < w->q_len);
	for (size_t i = 0; i < w->q_len; i++)
		q[i] = w->q[(w->q_head + i) % w->q_cap];
	free(w->q);
	w->q = q;
	w->q_cap = cap;
	w->q_head = 0;
}

static void cache_schedule(struct ck_watch_cache *c)
{
	event_active(c->dispatch_ev, EV_TIMEOUT, 0);
}

static void watcher_mark_dirty(struct ck_watch_cache_watcher *w)
{
	struct ck_watch_cache *c = w->cache;

	if (!c || w->dirty || w->dead)
		return;
	w->dirty = true;
	w->dirty_next = NULL;
	if (c->dirty_tail)
		c->dirty_tail->dirty_next = w;
	else
		c->dirty_head = w;
	c->dirty_tail = w;
	cache_schedule(c);
}

static void watcher_drop_pending(struct ck_watch_cache_watcher *w)
{
	for (size_t i = w->snap_i; i < w->snap_n; i++)
		ck_obj_unref(w->snap[i]);
	free(w->snap);
	w->snap = NULL;
	w->snap_n = w->snap_i = 0;
	while (w->q_len) {
		ck_obj_unref(w->q[w->q_head].obj);
		w->q_head = (w->q_head + 1) % w->q_cap;
		w->q_len--;
	}
}

static void watcher_set_state(struct ck_watch_cache_watcher *w, int state)
{
	struct ck_watch_cache *c = w->cache;
	bool was_replaying = w->state == W_SNAPSHOT || w->state == W_REPLAY;
	bool replaying = state == W_SNAPSHOT || state == W_REPLAY;

	if (c && was_replaying && !replaying)
		c->nreplaying--;
	if (c && !was_replaying && replaying)
		c->nreplaying++;
	w->state = state;
}

/* End w with an error delivered (once) from the loop. */
static void watcher_terminate(struct ck_watch_cache_watcher *w, int http_status, const char *reason,
                              const char *fmt, ...)
{
	va_list ap;
	char *msg;

	if (w->state == W_DONE)
		return;
	va_start(ap, fmt);
	msg = ck_xvasprintf(fmt, ap);
	va_end(ap);
	ck_error_set(&w->done_err, http_status, reason, "%s", msg);
	free(msg);
	watcher_drop_pending(w);
	watcher_set_state(w, W_DONE);
	watcher_mark_dirty(w);
}

/* Drop the oldest event; watchers still replaying it have fallen out of the ring. */
static void ring_evict(struct ck_watch_cache *c)
{
	struct wc_event *e = ring_at(c, c->start);

	c->ring_bytes -= e->bytes;
	event_release(e);
	c->start++;
	c->removed_since_relist = true;
	if (!c->nreplaying)
		return;
	for (struct ck_watch_cache_watcher *w = c->watchers; w; w = w->next) {
		if ((w->state == W_SNAPSHOT || w->state == W_REPLAY) && w->cursor < c->start)
			/* K8S: a watcher too slow for the cache's window is closed; its client
			 * resumes or relists. */
			watcher_terminate(w, 410, CK_REASON_EXPIRED,
			                  "watch of '%s' ended: client too slow, events after "
			                  "revision %" PRId64 " are no longer cached",
			                  c->prefix, w->delivered_rv);
	}
}

/* Append e (taking its references), growing, shrinking or evicting as configured. */
static void ring_push(struct ck_watch_cache *c, struct wc_event *e)
{
	e->time_ms = now_ms();
	if (ring_size(c) == c->cap) {
		uint64_t oldest = ring_at(c, c->start)->time_ms;
		uint64_t quarter = ring_at(c, c->end - (c->cap + 3) / 4)->time_ms;

		/* K8S: watchCache.resizeCacheLocked. */
		if (e->time_ms - oldest < EVENT_FRESH_MS && c->cap < c->ring_max) {
			ring_resize(c, c->cap * 2 < c->ring_max ? c->cap * 2 : c->ring_max);
		} else if (e->time_ms - quarter > EVENT_FRESH_MS && c->cap / 2 >= c->ring_min) {
			while (ring_size(c) > c->cap / 2)
				ring_evict(c);
			ring_resize(c, c->cap / 2);
		}
		if (ring_size(c) == c->cap)
			ring_evict(c);
	}
	e->bytes = (e->obj ? e->obj->json_len : 0) +
	           (e->type == CK_WATCH_DELETED ? e->prev->json_len : 0);
	*ring_at(c, c->end) = *e;
	c->end++;
	c->ring_bytes += e->bytes;
	/* Keep the newest event whatever its size: a watch from just before it must work. */
	while (c->ring_bytes > c->ring_max_bytes && ring_size(c) > 1)
		ring_evict(c);
}

static void ring_clear(struct ck_watch_cache *c)
{
	while (c->start < c->end)
		event_release(ring_at(c, c->start++));
	c->ring_bytes = 0;
}

/*
 * The oldest revision a watch may start from. K8S: getAllEventsSinceLocked: the oldest
 * deliverable event is the snapshot's revision + 1 while nothing was dropped from the ring
 * since the relist, else the ring's first event; a watch from below oldest - 1 is expired.
 */
static int64_t oldest_start_rv(const struct ck_watch_cache *c)
{
	if (!c->removed_since_relist)
		return c->list_rv;
	if (ring_size(c))
		return ring_at(c, c->start)->rv - 1;
	return c->rv;
}

/* ---- watchers --------------------------------------------------------------------- */

static bool watcher_matches(const struct ck_watch_cache_watcher *w, const struct ck_obj *obj)
{
	if (w->ns && strncmp(obj->key, w->ns, w->ns_len))
		return false;
	return !w->filter || w->filter(obj, w->filter_arg);
}

/*
 * What w should get for e, if anything. K8S: cacheWatcher.convertToWatchEvent.
 */
static bool watcher_convert(struct ck_watch_cache *c, struct ck_watch_cache_watcher *w,
                            struct wc_event *e, enum ck_watch_event_type *type, struct ck_obj **obj)
{
	bool cur, old;

	if (e->rv <= w->min_rv)
		return false;
	cur = e->type != CK_WATCH_DELETED && watcher_matches(w, e->obj);
	old = e->prev && watcher_matches(w, e->prev);
	if (cur && !old) {
		*type = CK_WATCH_ADDED;
		*obj = e->obj;
	} else if (cur && old) {
		*type = CK_WATCH_MODIFIED;
		*obj = e->obj;
	} else if (old) {
		*type = CK_WATCH_DELETED;
		*obj = event_prev_at_rv(c, e);
	} else {
		return false;
	}
	return true;
}

/* Give one event to w; returns false when w must not be touched any more (freed). */
static bool watcher_deliver(struct ck_watch_cache *c, struct ck_watch_cache_watcher *w,
                            enum ck_watch_event_type type, struct ck_obj *obj, int64_t rv)
{
	c->current = w;
	w->on_event(w, type, obj, rv, w->arg);
	c->current = NULL;
	if (w->dead) {
		free(w);
		return false;
	}
	return true;
}

static void watcher_unlink(struct ck_watch_cache_watcher *w)
{
	struct ck_watch_cache *c = w->cache;

	if (!c)
		return;
	if (w->prev)
		w->prev->next = w->next;
	else
		c->watchers = w->next;
	if (w->next)
		w->next->prev = w->prev;
	w->next = w->prev = NULL;
	if (w->dirty) {
		struct ck_watch_cache_watcher **pp = &c->dirty_head, *last = NULL;

		while (*pp != w) {
			last = *pp;
			pp = &(*pp)->dirty_next;
		}
		*pp = w->dirty_next;
		if (c->dirty_tail == w)
			c->dirty_tail = last;
		w->dirty = false;
	}
	watcher_set_state(w, W_DONE);
	c->nwatchers--;
}

/* Deliver what w has pending, until it pauses, ends or runs dry. */
static void watcher_run(struct ck_watch_cache *c, struct ck_watch_cache_watcher *w)
{
	enum ck_watch_event_type type;
	struct ck_obj *obj;

	for (;;) {
		/* The end is told even to a paused watcher: pausing is what overflows it. */
		if (w->state == W_DONE) {
			if (!w->done_called) {
				w->done_called = true;
				c->current = w;
				w->on_done(w, w->done_err, w->arg);
				c->current = NULL;
				if (w->dead)
					free(w);
			}
			return;
		}
		if (w->paused)
			return;
		if (w->state == W_SNAPSHOT) {
			if (w->snap_i < w->snap_n) {
				obj = w->snap[w->snap_i];
				w->snap[w->snap_i++] = NULL;
				bool alive = watcher_deliver(c, w, CK_WATCH_ADDED, obj, obj->rv);

				ck_obj_unref(obj);
				if (!alive)
					return;
				continue;
			}
			free(w->snap);
			w->snap = NULL;
			w->snap_n = w->snap_i = 0;
			w->delivered_rv = w->snap_rv;
			watcher_set_state(w, W_REPLAY);
			if (w->snap_bookmark &&
			    !watcher_deliver(c, w, CK_WATCH_BOOKMARK, NULL, w->snap_rv))
				return;
			continue;
		}
		if (w->state == W_REPLAY) {
			if (w->cursor < c->end) {
				struct wc_event *e = ring_at(c, w->cursor++);

				if (e->rv > w->delivered_rv)
					w->delivered_rv = e->rv;
				if (watcher_convert(c, w, e, &type, &obj) &&
				    !watcher_deliver(c, w, type, obj, e->rv))
					return;
				continue;
			}
			/* Caught up: from now on events are pushed at apply time. */
			watcher_set_state(w, W_LIVE);
			continue;
		}
		/* W_LIVE */
		if (!w->q_len)
			return;
		struct wq_entry ent = w->q[w->q_head];

		w->q_head = (w->q_head + 1) % w->q_cap;
		w->q_len--;
		if (!w->q_len && w->q_cap > 4 * QUEUE_MIN)
			queue_resize(w, QUEUE_MIN);
		w->delivered_rv = ent.rv;
		bool alive = watcher_deliver(c, w, ent.type, ent.obj, ent.rv);

		ck_obj_unref(ent.obj);
		if (!alive)
			return;
	}
}

/* Fan a new event out to the live watchers, by reference. */
static void watchers_push(struct ck_watch_cache *c, struct wc_event *e)
{
	enum ck_watch_event_type type;
	struct ck_obj *obj;

	for (struct ck_watch_cache_watcher *w = c->watchers; w; w = w->next) {
		if (w->state != W_LIVE)
			continue;
		if (!watcher_convert(c, w, e, &type, &obj)) {
			if (!w->q_len && e->rv > w->delivered_rv)
				w->delivered_rv = e->rv;
			continue;
		}
		if (w->q_len == w->q_cap && w->q_cap < w->q_max)
			queue_resize(w, w->q_cap * 2 < w->q_max ? w->q_cap * 2 : w->q_max);
		if (w->q_len == w->q_cap) {
			/* K8S: cacheWatcher.add: a watcher whose buffer stays full is closed. */
			watcher_terminate(w, 410, CK_REASON_EXPIRED,
			                  "watch of '%s' ended: client too slow, %zu events "
			                  "pending after revision %" PRId64,
			                  c->prefix, w->q_len, w->delivered_rv);
			continue;
		}
		w->q[(w->q_head + w->q_len) % w->q_cap] = (struct wq_entry){
		        .type = type,
		        .rv = e->rv,
		        .obj = ck_obj_ref(obj),
		};
		w->q_len++;
		watcher_mark_dirty(w);
	}
}

/* ---- waits ------------------------------------------------------------------------ */

struct ck_watch_cache_wait {
	struct ck_watch_cache *cache;
	struct ck_watch_cache_wait *next, *prev;
	int64_t rv;
	struct event *timer;
	ck_watch_cache_wait_fn *cb;
	void *arg;
};

static void wait_unlink(struct ck_watch_cache_wait *w)
{
	struct ck_watch_cache *c = w->cache;

	if (w->prev)
		w->prev->next = w->next;
	else
		c->waits = w->next;
	if (w->next)
		w->next->prev = w->prev;
	c->nwaits--;
	if (w->timer)
		event_free(w->timer);
}

static void wait_fire(struct ck_watch_cache_wait *w, struct ck_error *err)
{
	ck_watch_cache_wait_fn *cb = w->cb;
	void *arg = w->arg;

	wait_unlink(w);
	free(w);
	cb(err, arg);
}

static void wait_timeout_cb(evutil_socket_t fd, short what, void *arg)
{
	struct ck_watch_cache_wait *w = arg;
	struct ck_watch_cache *c = w->cache;
	struct ck_error *err = NULL;

	(void)fd;
	(void)what;
	/* K8S: waitUntilFreshAndBlock: 504 "Too large resource version" (client-go
	 * recognises the message), with a retry after 1 s. */
	ck_error_set(&err, 504, CK_REASON_TIMEOUT,
	             "Too large resource version: %" PRId64 ", current: %" PRId64, w->rv, c->rv);
	wait_fire(w, err);
	ck_error_free(err);
}

static void waits_fire_reached(struct ck_watch_cache *c)
{
	while (c->ready && c->waits && c->waits->rv <= c->rv)
		wait_fire(c->waits, NULL);
}

/* ---- dispatch --------------------------------------------------------------------- */

static void dispatch_cb(evutil_socket_t fd, short what, void *arg)
{
	struct ck_watch_cache *c = arg;
	struct ck_watch_cache_watcher *w;

	(void)fd;
	(void)what;
	c->dispatching = true;
	waits_fire_reached(c);
	while ((w = c->dirty_head)) {
		c->dirty_head = w->dirty_next;
		if (!c->dirty_head)
			c->dirty_tail = NULL;
		w->dirty = false;
		w->dirty_next = NULL;
		watcher_run(c, w);
	}
	c->dispatching = false;
}

/* ---- the cache -------------------------------------------------------------------- */

struct ck_watch_cache *ck_watch_cache_new(struct event_base *base,
                                          const struct ck_watch_cache_config *cfg)
{
	struct ck_watch_cache *c;
	size_t n = 0;

	CK_BUG_ON(!base || !cfg || !cfg->prefix || !ck_str_has_suffix(cfg->prefix, "/"));
	c = ck_xcalloc(1, sizeof(*c));
	c->base = base;
	c->prefix = ck_xstrdup(cfg->prefix);
	c->prefix_len = strlen(c->prefix);
	c->namespaced = cfg->namespaced;
	while (cfg->fields && cfg->fields[n])
		n++;
	c->fields = ck_xcalloc(n + 1, sizeof(*c->fields));
	for (size_t i = 0; i < n; i++)
		c->fields[i] = ck_xstrdup(cfg->fields[i]);
	c->nfields = n;
	c->ring_min = cfg->ring_min ? cfg->ring_min : DEFAULT_RING_MIN;
	c->ring_max = cfg->ring_max ? cfg->ring_max : DEFAULT_RING_MAX;
	if (c->ring_max < c->ring_min)
		c->ring_max = c->ring_min;
	c->ring_max_bytes = cfg->ring_max_bytes ? cfg->ring_max_bytes : DEFAULT_RING_MAX_BYTES;
	c->queue_len = cfg->watcher_queue_len ? cfg->watcher_queue_len : DEFAULT_QUEUE_LEN;
	c->store = store_new();
	c->cap = c->ring_min;
	c->ev = ck_xcalloc(c->cap, sizeof(*c->ev));
	c->dispatch_ev = event_new(base, -1, 0, dispatch_cb, c);
	CK_BUG_ON(!c->dispatch_ev);
	ck_buf_init(&c->scratch, 0);
	ck_buf_init(&c->joined, 0);
	return c;
}

void ck_watch_cache_free(struct ck_watch_cache *c)
{
	struct ck_error *err = NULL;

	if (!c)
		return;
	CK_BUG_ON(c->dispatching);
	ck_error_set(&err, 503, NULL, "watch cache for '%s' is shutting down", c->prefix);
	while (c->watchers) {
		struct ck_watch_cache_watcher *w = c->watchers;
		bool tell = !w->done_called;

		watcher_drop_pending(w);
		watcher_unlink(w);
		w->cache = NULL;
		w->done_called = true;
		if (tell)
			w->on_done(w, err, w->arg);
	}
	while (c->waits)
		wait_fire(c->waits, err);
	ck_error_free(err);
	event_free(c->dispatch_ev);
	ring_clear(c);
	free(c->ev);
	store_free(c->store);
	store_free(c->staging);
	for (size_t i = 0; i < c->nfields; i++)
		free(c->fields[i]);
	free(c->fields);
	free(c->prefix);
	ck_buf_release(&c->scratch);
	ck_buf_release(&c->joined);
	ck_json_scan_release(&c->scan);
	runs_free(c);
	free(c);
}

bool ck_watch_cache_ready(const struct ck_watch_cache *c)
{
	return c->ready;
}

int64_t ck_watch_cache_revision(const struct ck_watch_cache *c)
{
	return c->rv;
}

const char *ck_watch_cache_prefix(const struct ck_watch_cache *c)
{
	return c->prefix;
}

struct event_base *ck_watch_cache_base(const struct ck_watch_cache *c)
{
	return c->base;
}

void ck_watch_cache_stats(const struct ck_watch_cache *c, struct ck_watch_cache_stats *st)
{
	memset(st, 0, sizeof(*st));
	st->objects = c->store->count;
	for (size_t b = 0; b < c->store->nblks; b++)
		for (uint32_t i = 0; i < c->store->blks[b]->n; i++)
			st->object_bytes += obj_size(c->store->blks[b]->items[i]);
	st->shared = c->runs_n;
	st->shared_bytes = c->runs_bytes;
	st->events = ring_size(c);
	st->ring_capacity = c->cap;
	st->ring_bytes = c->ring_bytes;
	st->watchers = c->nwatchers;
	st->waits = c->nwaits;
	st->oldest_rv = oldest_start_rv(c);
	st->relists = c->relists;
	st->malformed = c->malformed;
}

/* The key below the prefix, or NULL (with a warning) when key is outside it. */
static const char *strip_prefix(struct ck_watch_cache *c, const char *key, size_t *key_len)
{
	if (*key_len < c->prefix_len || memcmp(key, c->prefix, c->prefix_len)) {
		ck_warn(LOG, "ignoring key '%.*s' outside prefix '%s'", (int)*key_len, key,
		        c->prefix);
		return NULL;
	}
	*key_len -= c->prefix_len;
	return key + c->prefix_len;
}

static void warn_malformed(struct ck_watch_cache *c, const char *key, size_t key_len, int64_t rv,
                           struct ck_error *err)
{
	c->malformed++;
	ck_warn(LOG, "skipping '%s%.*s' at revision %" PRId64 ": not a usable object: %s",
	        c->prefix, (int)key_len, key, rv, err ? err->msg : "?");
}

void ck_watch_cache_replace_begin(struct ck_watch_cache *c)
{
	CK_BUG_ON(c->dispatching);
	store_free(c->staging);
	c->staging = store_new();
}

int ck_watch_cache_replace_add(struct ck_watch_cache *c, const char *key, size_t key_len,
                               const char *value, size_t value_len, int64_t mod_rev)
{
	struct ck_error *err = NULL;
	struct ck_obj *obj, *cur, *old;
	const char *k = strip_prefix(c, key, &key_len);
	char *kz;

	CK_BUG_ON(!c->staging);
	if (!k)
		return 1;
	/* Share what the store already has at this revision: no parse, no copy. */
	kz = ck_xstrndup(k, key_len);
	cur = store_get(c->store, kz);
	free(kz);
	if (cur && cur->rv == mod_rev) {
		obj = ck_obj_ref(cur);
	} else {
		obj = obj_build(c, k, key_len, value, value_len, mod_rev, &err);
		if (!obj) {
			warn_malformed(c, k, key_len, mod_rev, err);
			ck_error_free(err);
			return 1;
		}
	}
	old = store_put(c->staging, obj);
	ck_obj_unref(old);
	return 0;
}

static void terminate_all(struct ck_watch_cache *c, const char *why)
{
	for (struct ck_watch_cache_watcher *w = c->watchers; w; w = w->next)
		watcher_terminate(w, 410, CK_REASON_EXPIRED, "watch of '%s' ended: %s", c->prefix,
		                  why);
}

void ck_watch_cache_replace_commit(struct ck_watch_cache *c, int64_t rv)
{
	CK_BUG_ON(!c->staging || c->dispatching);
	if (rv < c->rv)
		ck_warn(LOG,
		        "'%s': snapshot at revision %" PRId64 " is older than %" PRId64
		        " (etcd restored from a backup?)",
		        c->prefix, rv, c->rv);
	terminate_all(c, "the cache relisted");
	store_free(c->store);
	c->store = c->staging;
	c->staging = NULL;
	/* K8S: watchCache.Replace empties the ring; watches may start at the list revision. */
	ring_clear(c);
	c->start = c->end;
	c->removed_since_relist = false;
	c->list_rv = rv;
	c->rv = rv;
	c->ready = true;
	c->relists++;
	ck_info(LOG, "'%s': %zu objects at revision %" PRId64, c->prefix, c->store->count, rv);
	if (c->waits)
		cache_schedule(c);
}

void ck_watch_cache_replace_abort(struct ck_watch_cache *c)
{
	store_free(c->staging);
	c->staging = NULL;
}

void ck_watch_cache_invalidate(struct ck_watch_cache *c, const char *reason)
{
	CK_BUG_ON(c->dispatching);
	ck_info(LOG, "'%s': relisting: %s", c->prefix, reason);
	c->ready = false;
	terminate_all(c, reason);
}

/* Record an event whose references e holds, and serve it. */
static void publish(struct ck_watch_cache *c, struct wc_event *e)
{
	c->rv = e->rv;
	ring_push(c, e);
	watchers_push(c, ring_at(c, c->end - 1));
	if (c->waits)
		cache_schedule(c);
}

int ck_watch_cache_apply(struct ck_watch_cache *c, enum ck_watch_cache_op op, const char *key,
                         size_t key_len, const char *value, size_t value_len, int64_t mod_rev)
{
	struct ck_error *err = NULL;
	struct store_pos p;
	struct ck_obj *cur = NULL, *obj = NULL;
	struct wc_event e = {.rv = mod_rev};
	const char *k;
	char *kz;
	bool found;

	CK_BUG_ON(!c->ready || c->dispatching);
	k = strip_prefix(c, key, &key_len);
	if (!k)
		return 1;
	if (mod_rev < c->rv) {
		ck_debug(LOG, "'%s%.*s': ignoring revision %" PRId64 " < %" PRId64, c->prefix,
		         (int)key_len, k, mod_rev, c->rv);
		return 1;
	}
	kz = ck_xstrndup(k, key_len);
	found = store_find(c->store, kz, &p);
	free(kz);
	if (found)
		cur = store_at(c->store, p);
	/* A resumed watch may repeat the events of the revision it resumed at. */
	if (mod_rev == c->rv && (op == CK_WATCH_CACHE_PUT ? found && cur->rv == mod_rev : !found))
		return 1;

	if (op == CK_WATCH_CACHE_PUT) {
		obj = obj_build(c, k, key_len, value, value_len, mod_rev, &err);
		if (!obj) {
			warn_malformed(c, k, key_len, mod_rev, err);
			ck_error_free(err);
		}
	}
	if (!obj && !found) {
		/* A delete of what we do not hold, or garbage where nothing was. */
		ck_watch_cache_progress(c, mod_rev);
		return 1;
	}
	if (!obj) {
		e.type = CK_WATCH_DELETED;
		e.prev = store_remove_at(c->store, p);
	} else if (found) {
		e.type = CK_WATCH_MODIFIED;
		e.obj = obj;
		e.prev = cur; /* the store's reference moves to the event */
		c->store->blks[p.b]->items[p.i] = ck_obj_ref(obj);
	} else {
		e.type = CK_WATCH_ADDED;
		e.obj = obj;
		store_insert_at(c->store, p, ck_obj_ref(obj));
	}
	publish(c, &e);
	return op == CK_WATCH_CACHE_PUT && !obj ? 1 : 0;
}

void ck_watch_cache_progress(struct ck_watch_cache *c, int64_t rv)
{
	CK_BUG_ON(c->dispatching);
	if (rv <= c->rv)
		return;
	c->rv = rv;
	if (c->waits)
		cache_schedule(c);
}

/* ---- reading ---------------------------------------------------------------------- */

static int not_ready(struct ck_watch_cache *c, struct ck_error **err)
{
	return ck_error_set(err, 503, NULL, "watch cache for '%s' is not ready", c->prefix);
}

int ck_watch_cache_get(struct ck_watch_cache *c, const char *ns, const char *name,
                       struct ck_obj **out, struct ck_error **err)
{
	char *key;
	struct ck_obj *obj;

	*out = NULL;
	if (!c->ready)
		return not_ready(c, err);
	if (c->namespaced)
		key = ck_xasprintf("%s/%s", ns ? ns : "", name);
	else
		key = ck_xstrdup(name);
	obj = store_get(c->store, key);
	free(key);
	if (!obj)
		return 1;
	*out = ck_obj_ref(obj);
	return 0;
}

int ck_watch_cache_list(struct ck_watch_cache *c, const struct ck_watch_cache_list_opts *opts,
                        struct ck_obj_list *out, struct ck_error **err)
{
	static const struct ck_watch_cache_list_opts none;
	struct store_pos p;
	char *ns_prefix = NULL;
	size_t ns_len = 0, alloc = 0;

	memset(out, 0, sizeof(*out));
	if (!opts)
		opts = &none;
	if (!c->ready)
		return not_ready(c, err);
	if (opts->ns && *opts->ns) {
		if (!c->namespaced)
			return ck_error_set(err, 400, NULL,
			                    "'%s' is not namespaced: cannot list namespace '%s'",
			                    c->prefix, opts->ns);
		ns_prefix = ck_xasprintf("%s/", opts->ns);
		ns_len = strlen(ns_prefix);
	}
	if (opts->start_after && (!ns_prefix || strcmp(opts->start_after, ns_prefix) >= 0))
		p = store_bound(c->store, opts->start_after, true);
	else if (ns_prefix)
		p = store_bound(c->store, ns_prefix, false);
	else
		p = (struct store_pos){0, 0};

	for (; store_valid(c->store, p); store_next(c->store, &p)) {
		struct ck_obj *obj = store_at(c->store, p);

		if (ns_prefix && strncmp(obj->key, ns_prefix, ns_len))
			break;
		if (opts->filter && !opts->filter(obj, opts->filter_arg))
			continue;
		if (opts->limit && out->n == opts->limit) {
			out->more = true;
			break;
		}
		CK_ALLOC_GROW(out->items, out->n + 1, alloc);
		out->items[out->n++] = ck_obj_ref(obj);
	}
	out->rv = c->rv;
	free(ns_prefix);
	return 0;
}

void ck_obj_list_release(struct ck_obj_list *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->n; i++)
		ck_obj_unref(l->items[i]);
	free(l->items);
	memset(l, 0, sizeof(*l));
}

/* ---- waits (public) --------------------------------------------------------------- */

struct ck_watch_cache_wait *ck_watch_cache_wait(struct ck_watch_cache *c, int64_t rv,
                                                int timeout_ms, ck_watch_cache_wait_fn *cb,
                                                void *arg)
{
	struct ck_watch_cache_wait *w = ck_xcalloc(1, sizeof(*w)), **pp, *prev = NULL;

	CK_BUG_ON(!cb);
	w->cache = c;
	w->rv = rv;
	w->cb = cb;
	w->arg = arg;
	/* Sorted by rv, FIFO among equals, so the reached ones are always at the head. */
	for (pp = &c->waits; *pp && (*pp)->rv <= rv; pp = &(*pp)->next)
		prev = *pp;
	w->next = *pp;
	w->prev = prev;
	if (*pp)
		(*pp)->prev = w;
	*pp = w;
	c->nwaits++;
	if (timeout_ms > 0) {
		struct timeval tv = {timeout_ms / 1000, (timeout_ms % 1000) * 1000};

		w->timer = evtimer_new(c->base, wait_timeout_cb, w);
		CK_BUG_ON(!w->timer);
		evtimer_add(w->timer, &tv);
	}
	if (c->ready && rv <= c->rv)
		cache_schedule(c);
	return w;
}

void ck_watch_cache_wait_cancel(struct ck_watch_cache_wait *w)
{
	if (!w)
		return;
	wait_unlink(w);
	free(w);
}

/* ---- watchers (public) ------------------------------------------------------------ */

const char *ck_watch_event_type_name(enum ck_watch_event_type type)
{
	switch (type) {
	case CK_WATCH_ADDED:
		return "ADDED";
	case CK_WATCH_MODIFIED:
		return "MODIFIED";
	case CK_WATCH_DELETED:
		return "DELETED";
	case CK_WATCH_BOOKMARK:
		return "BOOKMARK";
	}
	return "ERROR";
}

/* The first ring sequence number whose event is after rv (binary search: rv ascends). */
static uint64_t ring_first_after(const struct ck_watch_cache *c, int64_t rv)
{
	uint64_t lo = c->start, hi = c->end;

	while (lo < hi) {
		uint64_t mid = lo + (hi - lo) / 2;

		if (ring_at(c, mid)->rv > rv)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

int ck_watch_cache_watch(struct ck_watch_cache *c, const struct ck_watch_cache_watch_opts *opts,
                         struct ck_watch_cache_watcher **out, struct ck_error **err)
{
	struct ck_watch_cache_watcher *w;

	CK_BUG_ON(!opts->on_event || !opts->on_done);
	*out = NULL;
	if (!c->ready)
		return not_ready(c, err);
	if (opts->ns && *opts->ns && !c->namespaced)
		return ck_error_set(err, 400, NULL,
		                    "'%s' is not namespaced: cannot watch namespace '%s'",
		                    c->prefix, opts->ns);
	if (!opts->send_initial_events && opts->start_rv > 0 && opts->start_rv < oldest_start_rv(c))
		/* K8S: getAllEventsSinceLocked's message, which clients log as is. */
		return ck_error_set(err, 410, CK_REASON_EXPIRED,
		                    "too old resource version: %" PRId64 " (%" PRId64 ")",
		                    opts->start_rv, oldest_start_rv(c));

	w = ck_xcalloc(1, sizeof(*w));
	w->cache = c;
	if (opts->ns && *opts->ns) {
		w->ns = ck_xasprintf("%s/", opts->ns);
		w->ns_len = strlen(w->ns);
	}
	w->filter = opts->filter;
	w->filter_arg = opts->filter_arg;
	w->on_event = opts->on_event;
	w->on_done = opts->on_done;
	w->arg = opts->arg;
	w->q_max = opts->queue_len ? opts->queue_len : c->queue_len;
	w->q_cap = w->q_max < QUEUE_MIN ? w->q_max : QUEUE_MIN;
	w->q = ck_xcalloc(w->q_cap, sizeof(*w->q));
	w->state = W_REPLAY; /* counted in nreplaying below */
	c->nreplaying++;

	if (opts->send_initial_events) {
		struct ck_watch_cache_list_opts lo = {
		        .ns = opts->ns,
		        .filter = opts->filter,
		        .filter_arg = opts->filter_arg,
		};
		struct ck_obj_list l;

		if (ck_watch_cache_list(c, &lo, &l, NULL) == 0) {
			w->snap = l.items;
			w->snap_n = l.n;
		}
		w->snap_rv = c->rv;
		w->snap_bookmark = opts->initial_events_bookmark;
		w->state = W_SNAPSHOT;
		w->min_rv = c->rv;
		w->cursor = c->end;
	} else if (opts->start_rv == 0 || opts->start_rv >= c->rv) {
		/* K8S: resourceVersion 0 without initial events means "from now". */
		w->min_rv = opts->start_rv > c->rv ? opts->start_rv : c->rv;
		w->cursor = c->end;
	} else {
		w->min_rv = opts->start_rv;
		w->cursor = ring_first_after(c, opts->start_rv);
	}
	w->delivered_rv = w->min_rv;

	w->next = c->watchers;
	if (c->watchers)
		c->watchers->prev = w;
	c->watchers = w;
	c->nwatchers++;
	watcher_mark_dirty(w);
	*out = w;
	return 0;
}

void ck_watch_cache_watcher_pause(struct ck_watch_cache_watcher *w)
{
	w->paused = true;
}

void ck_watch_cache_watcher_resume(struct ck_watch_cache_watcher *w)
{
	if (!w->paused)
		return;
	w->paused = false;
	watcher_mark_dirty(w);
}

int64_t ck_watch_cache_watcher_revision(const struct ck_watch_cache_watcher *w)
{
	if (w->state == W_LIVE && !w->q_len && w->cache && w->cache->rv > w->delivered_rv)
		return w->cache->rv;
	return w->delivered_rv;
}

void ck_watch_cache_watcher_free(struct ck_watch_cache_watcher *w)
{
	struct ck_watch_cache *c;

	if (!w || w->dead)
		return;
	c = w->cache;
	watcher_drop_pending(w);
	watcher_unlink(w);
	ck_error_free(w->done_err);
	free(w->q);
	free(w->ns);
	w->done_err = NULL;
	w->q = NULL;
	w->ns = NULL;
	if (c && c->current == w) {
		/* Its own callback is running: watcher_run frees it when that returns. */
		w->dead = true;
		return;
	}
	free(w);
}
