/*
 * Kubernetes' strategic merge patch (application/strategic-merge-patch+json), the patch
 * kubectl sends for client-side apply, cordon, set image and rollout restart. It is a
 * merge patch (null deletes, maps merge) in which some lists merge element by element,
 * matched by a merge key, instead of being replaced, and which carries directives:
 *   {"$patch": "replace"|"delete"}        in a map: replace it, or empty it
 *   {"$patch": "delete", <key>: v}        in a merging list: remove the elements keyed v
 *   {"$patch": "replace"}                 in a merging list: the list is the patch's list
 *   "$deleteFromPrimitiveList/<f>": [..]  remove these scalars from list f
 *   "$setElementOrder/<f>": [..]          the order of list f after merging
 *   "$retainKeys": [..]                   drop every key of this map not listed
 *
 * K8S: this is apimachinery's strategicpatch.StrategicMergeMapPatch (pkg/util/
 * strategicpatch/patch.go, mergeMap and what it calls, MergeParallelList and
 * IgnoreUnmatchedNulls on, as kube-apiserver runs it), ported function for function so that
 * list order, which kubectl shows users, comes out the same; it passes every application
 * case of apimachinery's patch_test.go. Which list merges by which key comes from the
 * caller's struct ck_patch_schema; a field it does not know merges if it is a map and is
 * replaced if it is a list (upstream fails on a field its Go type lacks).
 *
 * Where ckube differs, on inputs kubectl does not send: where upstream panics, ckube fails
 * (a null list element) or compares by content (a merge key whose value is a map); where
 * its result depends on Go map order (the keys of one patch map), ckube follows the patch's
 * key order; values taken from the patch lose null members and directives (smp_clean),
 * which upstream leaves to the typed decode that follows; a null list in the original
 * counts as none; and a Go slice's spare capacity, which upstream's dedup of scalar lists
 * can write through, is taken as none.
 *
 * Memory: the engine works on the private copy of the original (changed in place) and on
 * the parsed patch (which it consumes directive keys from); every value it takes from the
 * patch into the result is a fresh copy, so the two trees never share nodes.
 */
#include "base/compat.h"

#include "api/patch-int.h"
#include "base/buf.h"
#include "base/json.h"
#include "base/mem.h"

#define DIRECTIVE_MARKER   "$patch"
#define RETAIN_KEYS        "$retainKeys"
#define DELETE_LIST_PREFIX "$deleteFromPrimitiveList"
#define SET_ORDER_PREFIX   "$setElementOrder"

struct smp {
	const struct ck_patch_schema *schema;
	struct ck_error **err;
};

/* Element kinds of a list, as Go's reflect types of decoded JSON. */
enum smp_kind {
	KIND_NONE, /* no element seen */
	KIND_NULL,
	KIND_MAP,
	KIND_LIST,
	KIND_STRING,
	KIND_INT,
	KIND_REAL,
	KIND_BOOL,
};

/* One list element while a list is ordered: the value and its index in an order list. */
struct smp_elem {
	json_t *v; /* borrowed from a list that outlives the ordering */
	long idx;  /* index of its first match in the order list, -1 for none */
};

/* A growable array of elements. */
struct smp_list {
	struct smp_elem *e;
	size_t n, alloc;
};

static enum smp_kind kind_of(const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT:
		return KIND_MAP;
	case JSON_ARRAY:
		return KIND_LIST;
	case JSON_STRING:
		return KIND_STRING;
	case JSON_INTEGER:
		return KIND_INT;
	case JSON_REAL:
		return KIND_REAL;
	case JSON_TRUE:
	case JSON_FALSE:
		return KIND_BOOL;
	default:
		return KIND_NULL;
	}
}

static bool key_has_prefix(const char *key, size_t len, const char *prefix)
{
	size_t n = strlen(prefix);

	return len >= n && memcmp(key, prefix, n) == 0;
}

/* A value for a message, as compact JSON, quoted and cut at 200 bytes; caller frees. */
static char *smp_show(const json_t *v)
{
	ck_autofree char *s = ck_json_dumps(v);
	struct ck_buf b = CK_BUF_INIT;

	ck_patch_quote(&b, s, strlen(s));
	return ck_buf_detach(&b, NULL);
}

/* K8S: errors kube-apiserver classifies as BadRequest (interpretStrategicMergePatchError). */
static int smp_bad_request(struct smp *s, const char *msg)
{
	return ck_error_set(s->err, 400, CK_REASON_BAD_REQUEST, "%s", msg);
}

/* K8S: errors kube-apiserver does not classify: 500 with an empty (Unknown) reason. */
__attribute__((format(printf, 2, 3))) static int smp_fail(struct smp *s, const char *fmt, ...)
{
	struct ck_buf msg = CK_BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	ck_buf_vaddf(&msg, fmt, ap);
	va_end(ap);
	ck_error_set(s->err, 500, CK_PATCH_REASON_UNKNOWN, "%s", msg.data);
	ck_buf_release(&msg);
	return -1;
}

static int smp_no_merge_key(struct smp *s, const json_t *m, const char *merge_key)
{
	ck_autofree char *shown = smp_show(m);

	/* K8S: mergepatch.ErrNoMergeKey. */
	return smp_fail(s, "map: %s does not contain declared merge key: %s", shown, merge_key);
}

static int smp_bad_arg_type(struct smp *s, const char *what, const json_t *v)
{
	static const char *const names[] = {
	        [KIND_NONE] = "nothing", [KIND_NULL] = "null",     [KIND_MAP] = "map",
	        [KIND_LIST] = "list",    [KIND_STRING] = "string", [KIND_INT] = "integer",
	        [KIND_REAL] = "number",  [KIND_BOOL] = "boolean",
	};

	/* K8S: mergepatch.ErrBadArgType, "expected a <type>, but received a <type>". */
	return smp_fail(s, "expected a %s, but received a %s", what, names[kind_of(v)]);
}

/* Look the field at path up in the schema; no schema or no entry gives the defaults. */
static void smp_lookup(struct smp *s, const struct ck_buf *path, struct ck_patch_field *f)
{
	memset(f, 0, sizeof(*f));
	if (s->schema && s->schema->lookup && !s->schema->lookup(s->schema->ctx, path->data, f))
		memset(f, 0, sizeof(*f));
	if (f->merge_key && !*f->merge_key)
		f->merge_key = NULL;
}

/* Append a key to a field path; returns the length to truncate back to. */
static size_t path_push(struct ck_buf *path, const char *key, size_t len, bool element)
{
	size_t old = path->len;

	if (element) {
		ck_buf_adds(path, "[]");
		return old;
	}
	if (path->len)
		ck_buf_addch(path, '.');
	ck_buf_add(path, key, len);
	return old;
}

/*
 * A value from the patch as it goes into the result where the original has nothing to
 * merge with. K8S: discardNullValuesFromPatch then removeDirectives: null members are
 * dropped, and a map holding $patch is dropped (NULL) with the list element or member it
 * is. ckube also drops $retainKeys, $setElementOrder/ and $deleteFromPrimitiveList/
 * members, which upstream leaves for the typed decode to discard as unknown fields. keep:
 * the value itself is kept even if it holds $patch (whose member is then dropped).
 */
static json_t *smp_clean(const json_t *v, bool keep)
{
	const char *key;
	size_t key_len, i;
	json_t *child, *copy, *c;

	if (json_is_object(v)) {
		if (!keep && json_object_get(v, DIRECTIVE_MARKER))
			return NULL;
		copy = json_object();
		json_object_keylen_foreach((json_t *)v, key, key_len, child)
		{
			if (json_is_null(child) ||
			    (key_len == 6 && !memcmp(key, DIRECTIVE_MARKER, 6)) ||
			    (key_len == strlen(RETAIN_KEYS) &&
			     !memcmp(key, RETAIN_KEYS, key_len)) ||
			    key_has_prefix(key, key_len, SET_ORDER_PREFIX) ||
			    key_has_prefix(key, key_len, DELETE_LIST_PREFIX))
				continue;
			c = smp_clean(child, false);
			if (c)
				json_object_setn_new_nocheck(copy, key, key_len, c);
		}
		return copy;
	}
	if (json_is_array(v)) {
		copy = json_array();
		json_array_foreach(v, i, child)
		{
			c = smp_clean(child, false);
			if (c)
				json_array_append_new(copy, c);
		}
		return copy;
	}
	return json_deep_copy(v);
}

/*
 * Append to b a string that equals another's exactly when Go's == finds the two decoded
 * values equal: an integer and a real differ (int64 and float64), true and false are one
 * kind. NULL (a missing merge key) is Go's nil, equal to JSON null. Objects and arrays,
 * on which Go's == panics, compare by content.
 */
static void smp_canon(const json_t *v, struct ck_buf *b)
{
	char *dump;

	ck_buf_reset(b);
	switch (v ? json_typeof(v) : JSON_NULL) {
	case JSON_STRING:
		ck_buf_addch(b, 's');
		ck_buf_add(b, json_string_value(v), json_string_length(v));
		break;
	case JSON_INTEGER:
		ck_buf_addf(b, "i%" JSON_INTEGER_FORMAT, json_integer_value(v));
		break;
	case JSON_REAL:
		ck_buf_addf(b, "r%.17g", json_real_value(v));
		break;
	case JSON_TRUE:
		ck_buf_addch(b, 't');
		break;
	case JSON_FALSE:
		ck_buf_addch(b, 'f');
		break;
	case JSON_NULL:
		ck_buf_addch(b, 'n');
		break;
	default:
		dump = json_dumps(v, JSON_COMPACT | JSON_SORT_KEYS | JSON_ENCODE_ANY);
		ck_buf_addch(b, 'o');
		ck_buf_adds(b, dump ? dump : "");
		free(dump);
		break;
	}
}

/* What an element is compared by: its merge key's value (maps), or itself (scalars). */
static const json_t *elem_value(const json_t *v, const char *merge_key)
{
	return merge_key ? json_object_get(v, merge_key) : v;
}

/*
 * An index from compared value to the position of its first occurrence in list. With
 * require_key, elements lacking the merge key are left out (findMapInSliceBasedOnKeyValue);
 * without, they count as nil (index()). The caller frees it with json_decref.
 */
static json_t *index_new(const json_t *list, const char *merge_key, bool require_key)
{
	struct ck_buf key = CK_BUF_INIT;
	json_t *idx = json_object(), *v;
	size_t i;

	json_array_foreach(list, i, v)
	{
		const json_t *val = elem_value(v, merge_key);

		if (require_key && !val)
			continue;
		smp_canon(val, &key);
		if (!json_object_getn(idx, key.data, key.len))
			json_object_setn_new_nocheck(idx, key.data, key.len,
			                             json_integer((json_int_t)i));
	}
	ck_buf_release(&key);
	return idx;
}

static long index_find(json_t *idx, const json_t *v, const char *merge_key, struct ck_buf *key)
{
	json_t *hit;

	smp_canon(elem_value(v, merge_key), key);
	hit = json_object_getn(idx, key->data, key->len);
	return hit ? (long)json_integer_value(hit) : -1;
}

static void list_add(struct smp_list *l, json_t *v)
{
	CK_ALLOC_GROW(l->e, l->n + 1, l->alloc);
	l->e[l->n].v = v;
	l->e[l->n].idx = -1;
	l->n++;
}

static void list_release(struct smp_list *l)
{
	free(l->e);
	memset(l, 0, sizeof(*l));
}

/* Set every element's idx to its position in order (index()). */
static void list_index(struct smp_list *l, const json_t *order, const char *merge_key)
{
	struct ck_buf key = CK_BUF_INIT;
	json_t *idx = index_new(order, merge_key, false);

	for (size_t i = 0; i < l->n; i++)
		l->e[i].idx = index_find(idx, l->e[i].v, merge_key, &key);
	json_decref(idx);
	ck_buf_release(&key);
}

/*
 * Go's sort.SliceStable (insertion sort of blocks of 20, then SymMerge), with the
 * comparator of normalizeSliceOrder: by index in the order list when both are in it,
 * "less" otherwise. That comparator is not an ordering when an element is missing from
 * the order list, so the algorithm itself decides the result there; porting it keeps
 * ckube's lists in the order kube-apiserver would produce.
 */
static bool sort_less(const struct smp_elem *d, size_t i, size_t j)
{
	return d[i].idx >= 0 && d[j].idx >= 0 ? d[i].idx < d[j].idx : true;
}

static void sort_swap(struct smp_elem *d, size_t i, size_t j)
{
	struct smp_elem t = d[i];

	d[i] = d[j];
	d[j] = t;
}

static void insertion_sort(struct smp_elem *d, size_t a, size_t b)
{
	for (size_t i = a + 1; i < b; i++)
		for (size_t j = i; j > a && sort_less(d, j, j - 1); j--)
			sort_swap(d, j, j - 1);
}

static void swap_range(struct smp_elem *d, size_t a, size_t b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		sort_swap(d, a + i, b + i);
}

static void rotate(struct smp_elem *d, size_t a, size_t m, size_t b)
{
	size_t i = m - a, j = b - m;

	while (i != j) {
		if (i > j) {
			swap_range(d, m - i, m, j);
			i -= j;
		} else {
			swap_range(d, m - i, m + j - i, i);
			j -= i;
		}
	}
	swap_range(d, m - i, m, i);
}

/* Merge the sorted runs d[a:m] and d[m:b]; requires a < m < b. Recursion depth O(log n). */
static void sym_merge(struct smp_elem *d, size_t a, size_t m, size_t b)
{
	size_t i, j, h, mid, n, start, r, p, c, end;

	if (m - a == 1) {
		for (i = m, j = b; i < j;) {
			h = (i + j) / 2;
			if (sort_less(d, h, a))
				i = h + 1;
			else
				j = h;
		}
		for (size_t k = a; k + 1 < i; k++)
			sort_swap(d, k, k + 1);
		return;
	}
	if (b - m == 1) {
		for (i = a, j = m; i < j;) {
			h = (i + j) / 2;
			if (!sort_less(d, m, h))
				i = h + 1;
			else
				j = h;
		}
		for (size_t k = m; k > i; k--)
			sort_swap(d, k, k - 1);
		return;
	}
	mid = (a + b) / 2;
	n = mid + m;
	if (m > mid) {
		start = n - b;
		r = mid;
	} else {
		start = a;
		r = m;
	}
	p = n - 1;
	while (start < r) {
		c = (start + r) / 2;
		if (!sort_less(d, p - c, c))
			start = c + 1;
		else
			r = c;
	}
	end = n - start;
	if (start < m && m < end)
		rotate(d, start, m, end);
	if (a < start && start < mid)
		sym_merge(d, a, start, mid);
	if (mid < end && end < b)
		sym_merge(d, mid, end, b);
}

static void stable_sort(struct smp_elem *d, size_t n)
{
	size_t block = 20, a = 0, b = block;

	while (b <= n) {
		insertion_sort(d, a, b);
		a = b;
		b += block;
	}
	insertion_sort(d, a, n);
	while (block < n) {
		a = 0;
		b = 2 * block;
		while (b <= n) {
			sym_merge(d, a, a + block, b);
			a = b;
			b += 2 * block;
		}
		if (a + block < n)
			sym_merge(d, a, a + block, n);
		block *= 2;
	}
}

/* Every element of l must be a map holding merge_key (validateMergeKeyInLists). */
static int check_merge_keys(struct smp *s, const json_t *l, const char *merge_key)
{
	json_t *v;
	size_t i;

	json_array_foreach(l, i, v)
	{
		if (!json_is_object(v))
			return smp_bad_arg_type(s, "map", v);
		if (!json_object_get(v, merge_key))
			return smp_no_merge_key(s, v, merge_key);
	}
	return 0;
}

static bool is_delete_directive(const json_t *v)
{
	const char *d = json_string_value(json_object_get(v, DIRECTIVE_MARKER));

	return d && !strcmp(d, "delete");
}

/*
 * normalizeSliceOrder: sort l by the position of each element in order, maps marked
 * $patch: delete moved to the end.
 */
static int sort_by_order(struct smp *s, struct smp_list *l, const json_t *order,
                         const char *merge_key, enum smp_kind kind)
{
	struct smp_list keep = {0};
	size_t ndel = 0;
	int r = 0;

	if (kind == KIND_MAP) {
		for (size_t i = 0; i < l->n && r == 0; i++) {
			if (!json_is_object(l->e[i].v))
				r = smp_bad_arg_type(s, "map", l->e[i].v);
			else if (!json_object_get(l->e[i].v, merge_key))
				r = smp_no_merge_key(s, l->e[i].v, merge_key);
		}
		if (r < 0 || check_merge_keys(s, order, merge_key) < 0)
			return -1;
		/* extractToDeleteItems: the kept ones first, in order, then the deletions. */
		for (size_t i = 0; i < l->n; i++)
			if (!is_delete_directive(l->e[i].v))
				list_add(&keep, l->e[i].v);
		ndel = l->n - keep.n;
		for (size_t i = 0; i < l->n; i++)
			if (is_delete_directive(l->e[i].v))
				list_add(&keep, l->e[i].v);
		list_release(l);
		*l = keep;
	}
	list_index(l, order, merge_key);
	stable_sort(l->e, l->n - ndel);
	return 0;
}

/*
 * normalizeElementOrder: sort the patch's elements by patch_order and the server-only ones
 * by server_order, then interleave them (mergeSortedSlice): a server-only element goes
 * before a patch element only when both are in server_order and it came first there.
 * Returns a new list, or NULL with the error set.
 */
static json_t *normalize_order(struct smp *s, struct smp_list *patch_items,
                               struct smp_list *server_only, const json_t *patch_order,
                               const json_t *server_order, const char *merge_key,
                               enum smp_kind kind)
{
	json_t *out;
	size_t i = 0, j = 0;

	if (sort_by_order(s, patch_items, patch_order, merge_key, kind) < 0 ||
	    sort_by_order(s, server_only, server_order, merge_key, kind) < 0)
		return NULL;
	list_index(patch_items, server_order, merge_key);
	list_index(server_only, server_order, merge_key);
	out = json_array();
	while (i < server_only->n || j < patch_items->n) {
		const struct smp_elem *l = i < server_only->n ? &server_only->e[i] : NULL;
		const struct smp_elem *r = j < patch_items->n ? &patch_items->e[j] : NULL;

		if (l && (!r || (l->idx >= 0 && r->idx >= 0 && l->idx < r->idx))) {
			json_array_append(out, l->v);
			i++;
		} else {
			json_array_append(out, r->v);
			j++;
		}
	}
	return out;
}

/*
 * sliceElementType over lists a and b (either may be NULL): the one kind of all their
 * elements, KIND_NONE when both are empty. K8S: lists of lists are ErrNoListOfLists (422);
 * mixed kinds are an unclassified error, and so is a null element (upstream panics on one
 * that comes first).
 */
static int element_kind(struct smp *s, const json_t *a, const json_t *b, enum smp_kind *out)
{
	const json_t *lists[] = {a, b};
	enum smp_kind prev = KIND_NONE, k;
	json_t *v;
	size_t i;

	for (size_t l = 0; l < CK_ARRAY_SIZE(lists); l++) {
		json_array_foreach(lists[l], i, v)
		{
			k = kind_of(v);
			if (k == KIND_NULL || (prev != KIND_NONE && k != prev))
				return smp_fail(s, "list element types are not identical");
			if (prev == KIND_NONE && k == KIND_LIST)
				return ck_error_set(s->err, 422, CK_REASON_INVALID,
				                    "lists of lists are not supported");
			prev = k;
		}
	}
	*out = prev;
	return 0;
}

/*
 * Split merged into the elements present in by (compared by merge key, or by value) and
 * the others (partitionMapsByPresentInList, partitionPrimitivesByPresentInList).
 */
static int partition(struct smp *s, const json_t *merged, const json_t *by, const char *merge_key,
                     struct smp_list *present, struct smp_list *others)
{
	struct ck_buf key = CK_BUF_INIT;
	json_t *idx, *v;
	size_t i;
	int r = 0;

	if (merge_key) {
		json_array_foreach(by, i, v)
		{
			if (!json_is_object(v))
				return smp_fail(s, "value for key %zu is not a map", i);
		}
	}
	idx = index_new(by, merge_key, true);
	json_array_foreach(merged, i, v)
	{
		if (merge_key && !json_is_object(v)) {
			r = smp_bad_arg_type(s, "map", v);
			break;
		}
		if (merge_key && !json_object_get(v, merge_key)) {
			r = smp_no_merge_key(s, v, merge_key);
			break;
		}
		list_add(index_find(idx, v, merge_key, &key) >= 0 ? present : others, v);
	}
	json_decref(idx);
	ck_buf_release(&key);
	return r;
}

/* Order merged (a list we own) by order and server_order, both lists; new list or NULL. */
static json_t *order_list(struct smp *s, const json_t *merged, const json_t *order,
                          const json_t *server_order, const char *merge_key, enum smp_kind kind)
{
	struct smp_list present = {0}, others = {0};
	json_t *out = NULL;

	if (partition(s, merged, order, merge_key, &present, &others) == 0)
		out = normalize_order(s, &present, &others, order, server_order, merge_key, kind);
	list_release(&present);
	list_release(&others);
	return out;
}

static json_t *smp_map(struct smp *s, json_t *orig, json_t *patch, struct ck_buf *path);

/*
 * What the caller's Go slice of the original list holds after mergeSlice has worked on it.
 * Go deletes elements by shifting the rest left inside the same array and appends into
 * the room this frees, so the caller's view (the original length) sees deletions and
 * appends; mergePatchIntoOriginal orders server-only elements by that view, and kubectl's
 * apply of a renamed port or container depends on it. Only positions below the original
 * length matter, and those never move to a new array.
 */
struct go_view {
	json_t **e;    /* borrowed elements; the first `size` are the view */
	size_t size;   /* the original length */
	size_t len;    /* Go's current length of the working slice */
	bool detached; /* "$patch: replace" made the working slice a new array */
};

static void view_delete(struct go_view *gv, const char *merge_key, const json_t *value)
{
	for (size_t i = 0; !gv->detached && i < gv->len;) {
		json_t *ev = json_object_get(gv->e[i], merge_key);

		if (!ev || !json_equal(ev, value)) {
			i++;
			continue;
		}
		memmove(gv->e + i, gv->e + i + 1, (gv->len - i - 1) * sizeof(*gv->e));
		gv->len--;
	}
}

static void view_append(struct go_view *gv, json_t *v)
{
	if (!gv->detached && gv->len < gv->size)
		gv->e[gv->len] = v;
	gv->len++;
}

static json_t *view_list(const struct go_view *gv)
{
	json_t *out = json_array();

	for (size_t i = 0; i < gv->size; i++)
		json_array_append(out, gv->e[i]);
	return out;
}

/*
 * mergeSlice: merge the patch's list into the original's, for a field whose strategy is
 * merge (or a $deleteFromPrimitiveList list). orig and patch are borrowed; returns a new
 * list, or NULL with the error set. With view, also returns (new reference) what Go's
 * slice of the original holds afterwards (struct go_view).
 */
static json_t *smp_slice(struct smp *s, json_t *orig, json_t *patch, const char *merge_key,
                         bool delete_list, struct ck_buf *path, json_t **view)
{
	struct ck_buf key = CK_BUF_INIT;
	struct go_view gv = {0};
	json_t *work = NULL, *server_order = NULL, *plain = NULL, *idx = NULL, *out = NULL;
	json_t *seen, *v, *e, *mv, *hit, *merged;
	const json_t *both[2] = {orig, patch};
	enum smp_kind kind;
	bool replace = false;
	size_t i, j, at, old;

	if (view)
		*view = json_incref(orig);
	if (json_array_size(orig) == 0 && json_array_size(patch) == 0)
		return json_incref(orig);
	if (element_kind(s, orig, patch, &kind) < 0)
		return NULL;

	if (kind != KIND_MAP) {
		idx = index_new(patch, NULL, false);
		work = json_array();
		if (delete_list) {
			/* deleteFromSlice: every occurrence goes, the rest keep their order. */
			json_array_foreach(orig, i, v)
			{
				if (index_find(idx, v, NULL, &key) < 0)
					json_array_append(work, v);
			}
			out = ck_steal(&work);
			goto done;
		}
		/* The original's elements and then the patch's, duplicates dropped. */
		seen = json_object();
		for (size_t l = 0; l < 2; l++) {
			json_array_foreach(both[l], i, v)
			{
				smp_canon(v, &key);
				if (json_object_getn(seen, key.data, key.len))
					continue;
				json_object_setn_new_nocheck(seen, key.data, key.len, json_true());
				json_array_append_new(work, json_deep_copy(v));
			}
		}
		json_decref(seen);
		out = order_list(s, work, patch, orig, NULL, kind);
		goto done;
	}

	if (!merge_key) {
		smp_fail(s, "cannot merge lists without merge key for %s", path->data);
		goto done;
	}
	/* mergeSliceWithSpecialElements: deletions and replace first, in the patch's order. */
	work = json_array();
	json_array_extend(work, orig);
	gv.size = gv.len = json_array_size(orig);
	gv.e = ck_xcalloc(gv.size + 1, sizeof(*gv.e));
	json_array_foreach(orig, i, v)
	{
		gv.e[i] = v;
	}
	plain = json_array();
	json_array_foreach(patch, i, v)
	{
		json_t *d = json_object_get(v, DIRECTIVE_MARKER);
		const char *ds = json_string_value(d);

		if (!d) {
			json_array_append(plain, v);
		} else if (ds && !strcmp(ds, "delete")) {
			json_t *kept;

			mv = json_object_get(v, merge_key);
			if (!mv) {
				smp_no_merge_key(s, v, merge_key);
				goto done;
			}
			/* deleteMatchingEntries: every element with that key value. */
			view_delete(&gv, merge_key, mv);
			kept = json_array();
			json_array_foreach(work, j, e)
			{
				json_t *ev = json_object_get(e, merge_key);

				if (!ev || !json_equal(ev, mv))
					json_array_append(kept, e);
			}
			json_decref(work);
			work = kept;
		} else if (ds && !strcmp(ds, "replace")) {
			replace = true;
		} else if (ds && !strcmp(ds, "merge")) {
			smp_fail(s, "merging lists cannot yet be specified in the patch");
			goto done;
		} else {
			ck_autofree char *shown = smp_show(d);
			ck_autofree char *map = smp_show(v);
			/* K8S: mergepatch.ErrBadPatchType. */
			smp_fail(s, "unknown patch type: %s in map: %s", shown, map);
			goto done;
		}
	}
	if (replace) {
		gv.detached = true;
		json_decref(work);
		work = json_array();
		json_array_foreach(plain, i, v)
		{
			json_array_append_new(work, smp_clean(v, false));
		}
		json_array_clear(plain);
	}
	/* What "original" is when the order is set: the list after deletions, before merging. */
	server_order = json_array();
	json_array_extend(server_order, work);

	/* mergeSliceWithoutSpecialElements: merge into the match, or append. */
	idx = index_new(work, merge_key, true);
	old = path_push(path, NULL, 0, true);
	json_array_foreach(plain, i, v)
	{
		mv = json_object_get(v, merge_key);
		if (!mv) {
			smp_no_merge_key(s, v, merge_key);
			break;
		}
		smp_canon(mv, &key);
		hit = json_object_getn(idx, key.data, key.len);
		if (!hit) {
			json_object_setn_new_nocheck(
			        idx, key.data, key.len,
			        json_integer((json_int_t)json_array_size(work)));
			json_array_append_new(work, smp_clean(v, false));
			view_append(&gv, json_array_get(work, json_array_size(work) - 1));
			continue;
		}
		at = (size_t)json_integer_value(hit);
		merged = smp_map(s, json_incref(json_array_get(work, at)), v, path);
		if (!merged)
			break;
		json_array_set_new(work, at, merged);
		if (!gv.detached && at < gv.size)
			gv.e[at] = merged;
	}
	ck_buf_truncate(path, old);
	if (i < json_array_size(plain))
		goto done;
	out = order_list(s, work, plain, server_order, merge_key, kind);
	if (out && view) {
		json_decref(*view);
		*view = view_list(&gv);
	}

done:
	free(gv.e);
	json_decref(idx);
	json_decref(work);
	json_decref(plain);
	json_decref(server_order);
	ck_buf_release(&key);
	return out;
}

/*
 * validatePatchWithSetOrderList: the patch list's elements (deletions and other
 * directives aside) must appear in $setElementOrder, in the same relative order.
 */
static int check_set_order(struct smp *s, const json_t *plist, const json_t *order,
                           const char *merge_key, const char *field)
{
	struct ck_buf a = CK_BUF_INIT, b = CK_BUF_INIT;
	struct smp_list items = {0};
	size_t pi = 0, oi = 0, i;
	json_t *v;
	int r = 0;

	if (json_array_size(order) == 0 || json_array_size(plist) == 0)
		return 0;
	json_array_foreach(plist, i, v)
	{
		if (merge_key && !json_is_object(v))
			return smp_bad_arg_type(s, "map", v);
	}
	json_array_foreach(plist, i, v)
	{
		if (!merge_key || !is_delete_directive(v))
			list_add(&items, v);
	}
	while (pi < items.n && oi < json_array_size(order)) {
		const json_t *p = items.e[pi].v, *o = json_array_get(order, oi);

		if (json_is_object(p) && json_object_get(p, DIRECTIVE_MARKER)) {
			pi++;
			continue;
		}
		if (merge_key) {
			if (!json_is_object(o)) {
				r = smp_bad_arg_type(s, "map", o);
				break;
			}
			if (!json_object_get(p, merge_key) || !json_object_get(o, merge_key)) {
				r = smp_no_merge_key(s, json_object_get(p, merge_key) ? o : p,
				                     merge_key);
				break;
			}
		}
		smp_canon(elem_value(p, merge_key), &a);
		smp_canon(elem_value(o, merge_key), &b);
		if (a.len == b.len && !memcmp(a.data, b.data, a.len))
			pi++;
		oi++;
	}
	if (r == 0 && pi < items.n) {
		ck_autofree char *pl = smp_show(plist);
		ck_autofree char *ol = smp_show(order);
		r = smp_fail(s, "The order in patch list:\n%s\n doesn't match %s/%s list:\n%s\n",
		             pl, SET_ORDER_PREFIX, field, ol);
	}
	list_release(&items);
	ck_buf_release(&a);
	ck_buf_release(&b);
	return r;
}

/*
 * mergePatchIntoOriginal: every "$setElementOrder/<f>" of the patch, with the list f of the
 * patch if there is one: merge them into orig, order the result, and take both out of the
 * patch so that the main loop does not see them again.
 */
static int smp_set_orders(struct smp *s, json_t *orig, json_t *patch, struct ck_buf *path)
{
	struct smp_list keys = {0};
	const char *key;
	size_t key_len;
	json_t *v;
	int r = 0;

	/* The names are copied as JSON strings: the loop below deletes members of patch. */
	json_object_keylen_foreach(patch, key, key_len, v)
	{
		if (key_has_prefix(key, key_len, SET_ORDER_PREFIX))
			list_add(&keys, json_stringn_nocheck(key, key_len));
	}

	for (size_t k = 0; k < keys.n && r == 0; k++) {
		const char *dkey = json_string_value(keys.e[k].v), *name;
		size_t dkey_len = json_string_length(keys.e[k].v), name_len, old;
		json_t *order = json_object_getn(patch, dkey, dkey_len);
		json_t *olist, *plist, *merged = NULL, *result, *go_order = NULL;
		struct ck_patch_field f;
		enum smp_kind kind;

		if (!json_is_array(order)) {
			r = smp_bad_arg_type(s, "list", order);
			break;
		}
		/* K8S: extractKey, "$setElementOrder/<field>" exactly, else BadRequest. */
		name = memchr(dkey, '/', dkey_len);
		if (!name || (size_t)(name - dkey) != strlen(SET_ORDER_PREFIX)) {
			r = smp_bad_request(s, "invalid patch format of setElementOrder list");
			break;
		}
		name++;
		name_len = dkey_len - (size_t)(name - dkey);
		json_incref(order);
		json_object_deln(patch, dkey, dkey_len);

		/* A null list in the original counts as none (upstream never stores one). */
		olist = json_object_getn(orig, name, name_len);
		if (json_is_null(olist))
			olist = NULL;
		plist = json_object_getn(patch, name, name_len);
		if ((olist && !json_is_array(olist)) || (plist && !json_is_array(plist))) {
			r = smp_bad_arg_type(s, "list",
			                     olist && !json_is_array(olist) ? olist : plist);
			goto next;
		}
		old = path_push(path, name, name_len, false);
		smp_lookup(s, path, &f);
		r = check_set_order(s, plist, order, f.merge_key, path->data);
		if (r == 0) {
			if (olist && !plist)
				merged = json_incref(olist);
			else if (!olist && plist)
				merged = smp_clean(plist, false);
			else if (olist && plist && (f.strategy & CK_PATCH_STRATEGY_MERGE))
				merged = smp_slice(s, olist, plist, f.merge_key, false, path,
				                   &go_order);
			else if (olist && plist)
				merged = smp_clean(plist, false);
			if ((olist || plist) && !merged)
				r = -1;
		}
		if (r == 0 && merged)
			r = element_kind(s, olist, plist, &kind);
		if (r == 0 && merged && kind == KIND_MAP && !f.merge_key)
			r = smp_fail(s, "cannot merge lists without merge key for %s", path->data);
		ck_buf_truncate(path, old);
		if (r < 0 || !merged)
			goto next;
		if (kind == KIND_NONE) {
			/* Both empty: upstream fails ("no elements in any of the given slices"). */
			json_object_setn_nocheck(orig, name, name_len, merged);
			json_object_deln(patch, name, name_len);
			goto next;
		}
		/*
		 * The original list gives the order of server-only elements (as Go's slice of it
		 * holds it after the merge); none when absent.
		 */
		if (!go_order)
			go_order = olist ? json_incref(olist) : json_array();
		result = order_list(s, merged, order, go_order,
		                    kind == KIND_MAP ? f.merge_key : NULL, kind);
		if (!result) {
			r = -1;
			goto next;
		}
		json_object_setn_new_nocheck(orig, name, name_len, result);
		json_object_deln(patch, name, name_len);
	next:
		json_decref(go_order);
		json_decref(merged);
		json_decref(order);
	}
	for (size_t k = 0; k < keys.n; k++)
		json_decref(keys.e[k].v);
	list_release(&keys);
	return r;
}

/*
 * applyRetainKeysDirective: keep only the listed keys of orig; every key the patch sets
 * must be listed.
 */
static int smp_retain_keys(struct smp *s, json_t *orig, json_t *patch)
{
	json_t *list = json_object_get(patch, RETAIN_KEYS), *set, *v;
	const char *key;
	size_t key_len, i;
	void *tmp;
	int r = 0;

	if (!list)
		return 0;
	json_incref(list);
	json_object_del(patch, RETAIN_KEYS);
	if (!json_is_array(list)) {
		json_decref(list);
		return smp_bad_request(s, "invalid patch format of retainKeys");
	}
	set = json_object();
	json_array_foreach(list, i, v)
	{
		if (json_is_string(v))
			json_object_setn_nocheck(set, json_string_value(v), json_string_length(v),
			                         v);
	}
	json_object_keylen_foreach(patch, key, key_len, v)
	{
		if (json_is_null(v) || key_has_prefix(key, key_len, DELETE_LIST_PREFIX) ||
		    key_has_prefix(key, key_len, SET_ORDER_PREFIX))
			continue;
		if (!json_object_getn(set, key, key_len)) {
			/* K8S: ErrBadPatchFormatForRetainKeys, not ErrPatchContentNotMatchRetainKeys. */
			r = smp_bad_request(s, "invalid patch format of retainKeys");
			break;
		}
	}
	if (r == 0) {
		json_object_keylen_foreach_safe(orig, tmp, key, key_len, v)
		{
			if (!json_object_getn(set, key, key_len))
				json_object_deln(orig, key, key_len);
		}
	}
	json_decref(set);
	json_decref(list);
	return r;
}

/* One member of the patch into orig: the loop body of mergeMap. */
static int smp_member(struct smp *s, json_t *orig, const char *key, size_t key_len, json_t *pv,
                      struct ck_buf *path)
{
	struct ck_patch_field f;
	bool delete_list = false;
	json_t *cur, *result;
	size_t old;

	if (key_has_prefix(key, key_len, DELETE_LIST_PREFIX)) {
		/* K8S: extractKey, "$deleteFromPrimitiveList/<field>" exactly, else BadRequest. */
		const char *slash = memchr(key, '/', key_len);

		if (!slash || (size_t)(slash - key) != strlen(DELETE_LIST_PREFIX))
			return smp_bad_request(s, "invalid patch format of primitive list");
		key_len -= (size_t)(slash + 1 - key);
		key = slash + 1;
		delete_list = true;
	}
	/* K8S: null deletes the key (for a deletion list too: upstream renames the key first). */
	if (json_is_null(pv)) {
		json_object_deln(orig, key, key_len);
		return 0;
	}
	cur = json_object_getn(orig, key, key_len);
	if (!cur || kind_of(cur) != kind_of(pv)) {
		/* Nothing to merge with: take the patch's value, unless it only deletes. */
		if (delete_list)
			return 0;
		result = smp_clean(pv, false);
		if (result)
			json_object_setn_new_nocheck(orig, key, key_len, result);
		else
			json_object_deln(orig, key, key_len);
		return 0;
	}
	old = path_push(path, key, key_len, false);
	switch (kind_of(cur)) {
	case KIND_MAP:
		smp_lookup(s, path, &f);
		if (f.strategy & CK_PATCH_STRATEGY_REPLACE)
			result = smp_clean(pv, true);
		else
			result = smp_map(s, json_incref(cur), pv, path);
		break;
	case KIND_LIST:
		smp_lookup(s, path, &f);
		if ((f.strategy & CK_PATCH_STRATEGY_MERGE) || delete_list)
			result = smp_slice(s, cur, pv, f.merge_key, delete_list, path, NULL);
		else
			result = smp_clean(pv, false);
		break;
	default:
		result = json_deep_copy(pv);
		break;
	}
	ck_buf_truncate(path, old);
	if (!result)
		return -1;
	json_object_setn_new_nocheck(orig, key, key_len, result);
	return 0;
}

/*
 * mergeMap: merge the patch map into orig (a reference handed over; NULL for none) at
 * path. Returns a new reference, or NULL with the error set (orig released either way).
 */
static json_t *smp_map(struct smp *s, json_t *orig, json_t *patch, struct ck_buf *path)
{
	json_t *directive = json_object_get(patch, DIRECTIVE_MARKER), *pv;
	const char *key, *ds;
	size_t key_len;

	if (directive) {
		/* handleDirectiveInMergeMap. */
		json_decref(orig);
		ds = json_string_value(directive);
		if (ds && !strcmp(ds, "replace"))
			return smp_clean(patch, true);
		if (ds && !strcmp(ds, "delete"))
			return json_object();
		ck_autofree char *shown = smp_show(directive);
		ck_autofree char *map = smp_show(patch);
		/* K8S: mergepatch.ErrBadPatchType; "merge" is not a directive for maps either. */
		smp_fail(s, "unknown patch type: %s in map: %s", shown, map);
		return NULL;
	}
	if (!orig)
		orig = json_object();
	if (smp_retain_keys(s, orig, patch) < 0 || smp_set_orders(s, orig, patch, path) < 0)
		goto fail;
	/* K8S: upstream walks a Go map, in no order; ckube goes in the patch's order. */
	json_object_keylen_foreach(patch, key, key_len, pv)
	{
		if (smp_member(s, orig, key, key_len, pv, path) < 0)
			goto fail;
	}
	return orig;
fail:
	json_decref(orig);
	return NULL;
}

int ck_patch_apply_strategic(json_t **doc, json_t *patch, const struct ck_patch_schema *schema,
                             struct ck_error **err)
{
	struct smp s = {.schema = schema, .err = err};
	struct ck_buf path = CK_BUF_INIT;
	json_t *result;

	/* K8S: the body decodes into a map[string]interface{}; null decodes as no change. */
	if (json_is_null(patch))
		return 0;
	if (!json_is_object(patch))
		return ck_error_set(
		        err, 400, CK_REASON_BAD_REQUEST,
		        "invalid JSON patch: a strategic merge patch must be an object");
	result = smp_map(&s, json_incref(*doc), patch, &path);
	ck_buf_release(&path);
	if (!result)
		return -1;
	json_decref(*doc);
	*doc = result;
	return 0;
}
