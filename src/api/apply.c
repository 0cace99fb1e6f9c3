/*
 * Server-side apply over the generated schema (apply.h): field sets, comparison and merge
 * of objects by the schema's list, map and struct types, and the managedFields bookkeeping
 * every write does. The rules are structured-merge-diff's (merge/update.go: Update and
 * Apply) and apimachinery's managedfields managers (strip the object's identity fields,
 * skip objects never tracked, "before-first-apply"), restated for jansson values.
 */
#include <ctype.h>
#include <jansson.h>
#include <yaml.h>

#include "base/compat.h"

#include "api/apply.h"
#include "base/buf.h"
#include "base/json.h"
#include "base/mem.h"

#define MAX_DEPTH 512

/* ---- types and shapes ------------------------------------------------------------- */

/* What a value is meant to be: the schema field it is (NULL for elements) and its kind. */
struct tref {
	const struct ck_schema_type *type; /* OBJECT: the struct */
	const struct ck_schema_field *f;   /* the field the value is (not for elements) */
	const struct ck_schema_field *of;  /* elements: the list or map field they belong to */
	uint8_t kind;
};

enum shape { SH_LEAF, SH_STRUCT, SH_MAP, SH_SET, SH_LIST_MAP };

/*
 * K8S: kube-openapi's schema conversion: x-kubernetes-list-type wins; otherwise a list with
 * patchStrategy merge is a map-list on its patchMergeKey (a set without one); else atomic.
 */
static int list_type(const struct ck_schema_field *f)
{
	if (!f)
		return CK_SCHEMA_LIST_ATOMIC;
	if (f->list_type != CK_SCHEMA_LIST_NONE)
		return f->list_type;
	if (f->strategy & CK_PATCH_STRATEGY_MERGE)
		return f->merge_key ? CK_SCHEMA_LIST_MAP : CK_SCHEMA_LIST_SET;
	return CK_SCHEMA_LIST_ATOMIC;
}

static enum shape shape_of(const struct tref *t, const json_t *v)
{
	switch (t->kind) {
	case CK_SCHEMA_OBJECT:
		if (!t->type || (t->type->flags & CK_SCHEMA_T_ATOMIC) ||
		    (t->f && t->f->map_type == CK_SCHEMA_MAP_ATOMIC) || !json_is_object(v))
			return SH_LEAF;
		return SH_STRUCT;
	case CK_SCHEMA_MAP:
		if ((t->f && t->f->map_type == CK_SCHEMA_MAP_ATOMIC) || !json_is_object(v))
			return SH_LEAF;
		return SH_MAP;
	case CK_SCHEMA_ARRAY:
		if (!json_is_array(v))
			return SH_LEAF;
		switch (list_type(t->f)) {
		case CK_SCHEMA_LIST_SET:
			return t->f->elem == CK_SCHEMA_OBJECT || t->f->elem == CK_SCHEMA_ARRAY ||
			                       t->f->elem == CK_SCHEMA_MAP
			               ? SH_LEAF
			               : SH_SET;
		case CK_SCHEMA_LIST_MAP:
			return t->f->elem == CK_SCHEMA_OBJECT && t->f->type ? SH_LIST_MAP : SH_LEAF;
		default:
			return SH_LEAF;
		}
	default:
		return SH_LEAF;
	}
}

/* The shape two versions of a value share; LEAF when they disagree. */
static enum shape shape2(const struct tref *t, const json_t *a, const json_t *b)
{
	if (!a)
		return shape_of(t, b);
	if (!b)
		return shape_of(t, a);
	enum shape sa = shape_of(t, a), sb = shape_of(t, b);

	return sa == sb ? sa : SH_LEAF;
}

/* The type of the member key of a struct (unknown members are leaves). */
static struct tref field_ref(const struct tref *t, const char *key)
{
	const struct ck_schema_field *f = ck_schema_field_find(t->type, key);
	struct tref r = {0};

	if (f) {
		r.type = f->type;
		r.f = f;
		r.kind = f->kind;
	}
	return r;
}

/* The type of an element of a list or map field. */
static struct tref elem_ref(const struct tref *t)
{
	struct tref r = {0};

	if (t->f) {
		r.type = t->f->type;
		r.kind = t->f->elem;
		r.of = t->f;
	}
	return r;
}

/* K8S: Go's encoding of a zero object has this field (not omitempty, or a plain struct). */
static bool go_present(const struct tref *t)
{
	return t->f && (!(t->f->flags & CK_SCHEMA_F_OMITEMPTY) ||
	                (t->f->kind == CK_SCHEMA_OBJECT && !(t->f->flags & CK_SCHEMA_F_POINTER)));
}

/* metadata.managedFields is bookkeeping, never a field anyone owns. */
static bool skipped(const struct tref *t, const char *key)
{
	return t->type && !strcmp(key, "managedFields") && !strcmp(t->type->name, "ObjectMeta");
}

/* ---- paths ---------------------------------------------------------------------------- */

/*
 * The path being walked: path elements NUL-terminated one after the other in b. With the
 * nodes of the path last inserted into hint_set: the walk is depth first, so the next
 * path to insert shares most of it and only the rest is searched. An insertion moves
 * nodes only at its own depth (their children are arrays of their own), and the path's
 * nodes from there down are taken again, so the hint stays good from insert to insert.
 */
struct path {
	struct ck_buf b;
	size_t off[MAX_DEPTH];
	size_t n;
	const struct ck_fieldset *hint_set;
	size_t hint_n;
	struct ck_fieldset_node *hint[MAX_DEPTH];
};

static int push(struct path *p, const char *prefix, const char *s, size_t len,
                struct ck_error **err)
{
	if (p->n >= MAX_DEPTH)
		return ck_error_set(err, 400, "BadRequest", "object nested too deeply to apply");
	p->off[p->n++] = p->b.len;
	ck_buf_adds(&p->b, prefix);
	ck_buf_add(&p->b, s, len);
	ck_buf_addch(&p->b, '\0');
	return 0;
}

static void pop(struct path *p)
{
	ck_buf_truncate(&p->b, p->off[--p->n]);
}

static const char *top(const struct path *p)
{
	return p->b.data + p->off[p->n - 1];
}

/*
 * Make the path a member of set. Nothing but insert may change set between two inserts
 * through p (the hint would be stale): each walk starts with an empty hint.
 */
static void insert(struct ck_fieldset *set, struct path *p)
{
	struct ck_fieldset *s = set;
	struct ck_fieldset_node *node = NULL;
	size_t i = 0;

	if (p->hint_set == set)
		while (i < p->hint_n && i < p->n &&
		       !strcmp(ck_fieldset_pe(p->hint[i]), p->b.data + p->off[i]))
			i++;
	if (i) {
		node = p->hint[i - 1];
		s = &node->sub;
	}
	for (; i < p->n; i++) {
		node = ck_fieldset_child(s, p->b.data + p->off[i]);
		p->hint[i] = node;
		s = &node->sub;
	}
	p->hint_set = set;
	p->hint_n = p->n;
	if (node)
		node->member = true;
}

static void add_json(struct ck_buf *b, const json_t *v)
{
	/* Keys are mostly names and ports: no need for the general encoder. */
	if (json_is_integer(v)) {
		ck_buf_addf(b, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
		return;
	}
	if (json_is_string(v)) {
		const char *p = json_string_value(v);
		size_t n = json_string_length(v), i;

		for (i = 0; i < n; i++)
			if ((unsigned char)p[i] < 0x20 || p[i] == '"' || p[i] == '\\' ||
			    (unsigned char)p[i] >= 0x7f || p[i] == '<' || p[i] == '>' ||
			    p[i] == '&')
				break;
		if (i == n) {
			ck_buf_addch(b, '"');
			ck_buf_add(b, p, n);
			ck_buf_addch(b, '"');
			return;
		}
	}
	char *s = json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT);

	ck_buf_adds(b, s ? s : "null");
	free(s);
}

/*
 * The path element of a list element into pe (reset first, NUL-terminated): "k:{...}" with
 * the key fields of a map-list in the schema's order, "v:<json>" for a set. K8S: a missing
 * key field with a default in the schema takes it; the only such key in the built-in
 * kinds is protocol (TCP).
 */
static int item_pe(const struct tref *list, const json_t *item, struct ck_buf *pe,
                   struct ck_error **err)
{
	const struct ck_schema_field *f = list->f;
	const char *one[2] = {f->merge_key, NULL};
	const char *const *keys = f->list_map_keys ? f->list_map_keys : one;
	bool any = false;

	ck_buf_reset(pe);
	if (list_type(f) == CK_SCHEMA_LIST_SET) {
		ck_buf_adds(pe, "v:");
		add_json(pe, item);
		ck_buf_addch(pe, '\0');
		return 0;
	}
	ck_buf_adds(pe, "k:{");
	for (size_t i = 0; keys[i]; i++) {
		json_t *v = json_object_get(item, keys[i]);
		json_t *def = NULL;

		if (!v && !strcmp(keys[i], "protocol"))
			v = def = json_string("TCP");
		if (!v)
			continue;
		if (any)
			ck_buf_addch(pe, ',');
		ck_buf_addf(pe, "\"%s\":", keys[i]); /* schema names need no escaping */
		add_json(pe, v);
		json_decref(def);
		any = true;
	}
	ck_buf_adds(pe, "}");
	ck_buf_addch(pe, '\0');
	if (!any)
		return ck_error_set(
		        err, 400, "BadRequest",
		        "associative list with keys has an element that omits key field "
		        "\"%s\" (and doesn't have default value)",
		        keys[0] ? keys[0] : "");
	return 0;
}

/* ---- field sets ----------------------------------------------------------------------- */

struct walk {
	struct path path;
	struct ck_buf pe; /* scratch for item_pe */
	struct ck_error **err;
};

static void walk_release(struct walk *w)
{
	ck_buf_release(&w->path.b);
	ck_buf_release(&w->pe);
}

static int push_item(struct walk *w, const struct tref *t, const json_t *item)
{
	if (item_pe(t, item, &w->pe, w->err) < 0)
		return -1;
	return push(&w->path, "", w->pe.data, strlen(w->pe.data), w->err);
}

static int to_set(struct walk *w, const struct tref *t, const json_t *v, struct ck_fieldset *out)
{
	enum shape sh = shape_of(t, v);
	struct tref et = elem_ref(t);
	const char *key;
	json_t *c;
	size_t i;

	switch (sh) {
	case SH_LEAF:
		if (w->path.n)
			insert(out, &w->path);
		return 0;
	case SH_STRUCT:
	case SH_MAP:
		json_object_foreach((json_t *)v, key, c)
		{
			struct tref ct = sh == SH_STRUCT ? field_ref(t, key) : et;

			if (sh == SH_STRUCT && skipped(t, key))
				continue;
			if (push(&w->path, "f:", key, strlen(key), w->err) < 0 ||
			    to_set(w, &ct, c, out) < 0)
				return -1;
			/* K8S: struct fields are members only when null or empty; map keys always. */
			if (sh == SH_MAP || !ct.f || (json_is_object(c) && !json_object_size(c)))
				insert(out, &w->path);
			pop(&w->path);
		}
		return 0;
	case SH_SET:
	case SH_LIST_MAP:
		json_array_foreach((json_t *)v, i, c)
		{
			if (push_item(w, t, c) < 0)
				return -1;
			if (sh == SH_LIST_MAP && to_set(w, &et, c, out) < 0)
				return -1;
			insert(out, &w->path);
			pop(&w->path);
		}
		return 0;
	}
	return 0;
}

static struct tref root_ref(const struct ck_schema_type *root)
{
	struct tref r = {.type = root, .kind = CK_SCHEMA_OBJECT};

	return r;
}

int ck_apply_to_set(const struct ck_schema_type *root, const json_t *obj, struct ck_fieldset *out,
                    struct ck_error **err)
{
	struct walk w = {.err = err};
	struct tref r = root_ref(root);
	int rc = to_set(&w, &r, obj, out);

	walk_release(&w);
	return rc;
}

/* ---- comparison ---------------------------------------------------------------------- */

void ck_apply_diff_release(struct ck_apply_diff *d)
{
	ck_fieldset_release(&d->added);
	ck_fieldset_release(&d->modified);
	ck_fieldset_release(&d->removed);
}

static void free_strv(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* The path elements of the elements of list (NULL: none), each malloc'ed. */
static int item_pes(struct walk *w, const struct tref *t, const json_t *list, char ***out,
                    size_t *n)
{
	size_t len = json_is_array(list) ? json_array_size(list) : 0;
	char **v = ck_xcalloc(len + 1, sizeof(char *));

	for (size_t i = 0; i < len; i++) {
		if (item_pe(t, json_array_get(list, i), &w->pe, w->err) < 0) {
			free_strv(v, i);
			return -1;
		}
		v[i] = ck_xstrdup(w->pe.data);
	}
	*out = v;
	*n = len;
	return 0;
}

/*
 * l and r are the old and new value at the walk's path (NULL: absent); lz and rz say that
 * an absent one is there in Go's encoding all the same (a zero value), so that its
 * appearing or going is no change of its own.
 */
static int compare(struct walk *w, struct ck_apply_diff *d, const struct tref *t, const json_t *l,
                   const json_t *r, bool lz, bool rz)
{
	const json_t *lv = json_is_null(l) ? NULL : l, *rv = json_is_null(r) ? NULL : r;
	enum shape sh;
	struct tref et = elem_ref(t);
	const char *key;
	json_t *c;

	if (!l && !r)
		return 0;
	sh = shape2(t, lv, rv);
	if (sh == SH_LEAF) {
		if (!l)
			insert(&d->added, &w->path);
		else if (!r)
			insert(&d->removed, &w->path);
		else if (!json_equal((json_t *)l, (json_t *)r))
			insert(&d->modified, &w->path);
		return 0;
	}
	bool lp = l || lz, rp = r || rz; /* present in Go's encoding */

	switch (sh) {
	case SH_STRUCT:
	case SH_MAP:
		json_object_foreach((json_t *)lv, key, c)
		{
			struct tref ct = sh == SH_STRUCT ? field_ref(t, key) : et;
			bool z = sh == SH_STRUCT && go_present(&ct);

			if (sh == SH_STRUCT && skipped(t, key))
				continue;
			if (push(&w->path, "f:", key, strlen(key), w->err) < 0 ||
			    compare(w, d, &ct, c, json_object_get(rv, key), lp && z, rp && z) < 0)
				return -1;
			pop(&w->path);
		}
		json_object_foreach((json_t *)rv, key, c)
		{
			struct tref ct = sh == SH_STRUCT ? field_ref(t, key) : et;
			bool z = sh == SH_STRUCT && go_present(&ct);

			if ((sh == SH_STRUCT && skipped(t, key)) || json_object_get(lv, key))
				continue;
			if (push(&w->path, "f:", key, strlen(key), w->err) < 0 ||
			    compare(w, d, &ct, NULL, c, lp && z, rp && z) < 0)
				return -1;
			pop(&w->path);
		}
		break;
	case SH_SET:
	case SH_LIST_MAP: {
		char **lpes = NULL, **rpes = NULL;
		size_t nl = 0, nr = 0;
		int rc = 0;

		if (item_pes(w, t, lv, &lpes, &nl) < 0)
			return -1;
		if (item_pes(w, t, rv, &rpes, &nr) < 0) {
			free_strv(lpes, nl);
			return -1;
		}
		bool *used = ck_xcalloc(nr + 1, sizeof(bool));

		for (size_t i = 0; i < nl && !rc; i++) {
			const json_t *match = NULL;

			for (size_t j = 0; j < nr; j++) {
				if (!used[j] && !strcmp(lpes[i], rpes[j])) {
					used[j] = true;
					match = json_array_get(rv, j);
					break;
				}
			}
			rc = push(&w->path, "", lpes[i], strlen(lpes[i]), w->err);
			if (!rc)
				rc = compare(w, d, &et, json_array_get(lv, i), match, false, false);
			if (!rc)
				pop(&w->path);
		}
		for (size_t j = 0; j < nr && !rc; j++) {
			if (used[j])
				continue;
			rc = push(&w->path, "", rpes[j], strlen(rpes[j]), w->err);
			if (!rc)
				rc = compare(w, d, &et, NULL, json_array_get(rv, j), false, false);
			if (!rc)
				pop(&w->path);
		}
		free(used);
		free_strv(lpes, nl);
		free_strv(rpes, nr);
		if (rc)
			return -1;
		break;
	}
	case SH_LEAF:
		break;
	}
	if (w->path.n) {
		if (!l && !lz)
			insert(&d->added, &w->path);
		else if (!r && !rz)
			insert(&d->removed, &w->path);
	}
	return 0;
}

int ck_apply_compare(const struct ck_schema_type *root, const json_t *old, const json_t *new_obj,
                     struct ck_apply_diff *out, struct ck_error **err)
{
	struct walk w = {.err = err};
	struct tref r = root_ref(root);
	int rc;

	/* An empty object of the kind is there in Go even for a create. */
	if (!old) {
		json_t *empty = json_object();

		rc = compare(&w, out, &r, empty, new_obj, true, true);
		json_decref(empty);
	} else {
		rc = compare(&w, out, &r, old, new_obj, true, true);
	}
	walk_release(&w);
	return rc;
}

/* ---- merge ---------------------------------------------------------------------------- */

/* Merge cfg into *slot: an owned value nobody else holds, or NULL; may be replaced. */
static int merge_into(struct walk *w, const struct tref *t, json_t **slot, const json_t *cfg)
{
	json_t *live = *slot;
	enum shape sh =
	        live && !json_is_null(live) && !json_is_null(cfg) ? shape2(t, live, cfg) : SH_LEAF;
	struct tref et = elem_ref(t);
	const char *key;
	json_t *c;

	switch (sh) {
	case SH_LEAF:
		json_decref(live);
		*slot = json_deep_copy(cfg);
		return 0;
	case SH_STRUCT:
	case SH_MAP:
		json_object_foreach((json_t *)cfg, key, c)
		{
			struct tref ct = sh == SH_STRUCT ? field_ref(t, key) : et;
			json_t *child;

			if (sh == SH_STRUCT && skipped(t, key))
				continue;
			/* A null clears the field (Go decodes it as the zero value). */
			if (json_is_null(c)) {
				json_object_del(live, key);
				continue;
			}
			child = json_incref(json_object_get(live, key));
			if (push(&w->path, "f:", key, strlen(key), w->err) < 0 ||
			    merge_into(w, &ct, &child, c) < 0) {
				json_decref(child);
				return -1;
			}
			pop(&w->path);
			json_object_set_new(live, key, child);
		}
		return 0;
	case SH_SET:
	case SH_LIST_MAP: {
		char **lpes = NULL, **rpes = NULL;
		size_t nl = 0, nr = 0, li = 0, ri = 0;
		json_t *out = json_array();
		int rc = 0;

		if (item_pes(w, t, live, &lpes, &nl) < 0) {
			json_decref(out);
			return -1;
		}
		if (item_pes(w, t, cfg, &rpes, &nr) < 0) {
			free_strv(lpes, nl);
			json_decref(out);
			return -1;
		}
		bool *lused = ck_xcalloc(nl + 1, sizeof(bool));

		/*
		 * K8S: merged lists keep the applied order, with live elements the applier does
		 * not name staying where they were.
		 */
		while (!rc && (li < nl || ri < nr)) {
			ssize_t m = -1;

			if (li < nl && lused[li]) {
				li++;
				continue;
			}
			if (li < nl) {
				bool in_cfg = false;

				for (size_t j = ri; j < nr && !in_cfg; j++)
					in_cfg = !strcmp(lpes[li], rpes[j]);
				if (!in_cfg || ri >= nr) {
					json_array_append(out, json_array_get(live, li));
					li++;
					continue;
				}
			}
			for (size_t i = 0; i < nl && m < 0; i++)
				if (!lused[i] && !strcmp(lpes[i], rpes[ri]))
					m = (ssize_t)i;
			json_t *item = m >= 0 ? json_incref(json_array_get(live, (size_t)m)) : NULL;

			if (m >= 0)
				lused[m] = true;
			if (sh == SH_LIST_MAP) {
				rc = push(&w->path, "", rpes[ri], strlen(rpes[ri]), w->err);
				if (!rc)
					rc = merge_into(w, &et, &item, json_array_get(cfg, ri));
				if (!rc)
					pop(&w->path);
			} else if (!item) {
				item = json_deep_copy(json_array_get(cfg, ri));
			}
			if (item)
				json_array_append_new(out, item);
			ri++;
		}
		free(lused);
		free_strv(lpes, nl);
		free_strv(rpes, nr);
		if (rc) {
			json_decref(out);
			return -1;
		}
		json_decref(live);
		*slot = out;
		return 0;
	}
	}
	return 0;
}

int ck_apply_merge(const struct ck_schema_type *root, const json_t *live, const json_t *config,
                   json_t **out, struct ck_error **err)
{
	struct walk w = {.err = err};
	struct tref r = root_ref(root);
	json_t *v = live ? json_deep_copy(live) : json_object();
	int rc = merge_into(&w, &r, &v, config);

	walk_release(&w);
	if (rc < 0) {
		json_decref(v);
		return -1;
	}
	*out = v;
	return 0;
}

/* ---- pruning -------------------------------------------------------------------------- */

static bool nonempty_container(const json_t *v)
{
	return (json_is_object(v) && json_object_size(v)) ||
	       (json_is_array(v) && json_array_size(v));
}

static bool empty_container(const json_t *v)
{
	return (json_is_object(v) && !json_object_size(v)) ||
	       (json_is_array(v) && !json_array_size(v));
}

/*
 * Remove from v (owned, mutable) what the applier held before (last, at this path) and
 * nobody holds now (owned: every manager's set at this path, NULL for none). K8S:
 * Updater.prune: a path of last that no manager owns goes; paths last never held
 * (defaults, others' fields) stay; a struct emptied by the pruning goes with it.
 */
static int prune(struct walk *w, const struct tref *t, json_t *v, const struct ck_fieldset *last,
                 const struct ck_fieldset *owned)
{
	enum shape sh = shape_of(t, v);
	struct tref et = elem_ref(t);

	if (sh == SH_STRUCT || sh == SH_MAP) {
		const char *key;
		json_t *c;
		void *tmp;

		json_object_foreach_safe(v, tmp, key, c)
		{
			struct tref ct = sh == SH_STRUCT ? field_ref(t, key) : et;
			const struct ck_fieldset_node *ln, *on;

			if (push(&w->path, "f:", key, strlen(key), w->err) < 0)
				return -1;
			ln = ck_fieldset_find(last, top(&w->path));
			on = owned ? ck_fieldset_find(owned, top(&w->path)) : NULL;
			if (ln && on) {
				if (ln->sub.n && prune(w, &ct, c, &ln->sub, &on->sub) < 0)
					return -1;
			} else if (ln && ln->member) {
				json_object_del(v, key);
			} else if (ln && nonempty_container(c)) {
				if (prune(w, &ct, c, &ln->sub, NULL) < 0)
					return -1;
				if (empty_container(c))
					json_object_del(v, key);
			}
			pop(&w->path);
		}
	} else if (sh == SH_SET || sh == SH_LIST_MAP) {
		for (size_t i = json_array_size(v); i-- > 0;) {
			json_t *c = json_array_get(v, i);
			const struct ck_fieldset_node *ln, *on;

			if (push_item(w, t, c) < 0)
				return -1;
			ln = ck_fieldset_find(last, top(&w->path));
			on = owned ? ck_fieldset_find(owned, top(&w->path)) : NULL;
			if (ln && on) {
				if (sh == SH_LIST_MAP && ln->sub.n &&
				    prune(w, &et, c, &ln->sub, &on->sub) < 0)
					return -1;
			} else if (ln) {
				json_array_remove(v, i);
			}
			pop(&w->path);
		}
	}
	return 0;
}

/* ---- managedFields ------------------------------------------------------------------------ */

static void entry_release(struct ck_apply_entry *e)
{
	free(e->manager);
	free(e->api_version);
	free(e->subresource);
	free(e->time);
	ck_fieldset_release(&e->set);
}

void ck_apply_managed_release(struct ck_apply_managed *m)
{
	for (size_t i = 0; i < m->n; i++)
		entry_release(&m->e[i]);
	free(m->e);
	memset(m, 0, sizeof(*m));
}

static struct ck_apply_entry *entry_add(struct ck_apply_managed *m, const char *manager, bool apply,
                                        const char *api_version, const char *subresource)
{
	struct ck_apply_entry *e;

	CK_ALLOC_GROW(m->e, m->n + 1, m->alloc);
	e = &m->e[m->n++];
	memset(e, 0, sizeof(*e));
	e->manager = ck_xstrdup(manager);
	e->apply = apply;
	e->api_version = ck_xstrdup(api_version ? api_version : "");
	e->subresource = ck_xstrdup(subresource ? subresource : "");
	return e;
}

/* K8S: BuildManagerIdentifier: an Apply entry is one per manager, an Update per version. */
static struct ck_apply_entry *entry_find(struct ck_apply_managed *m, const char *manager,
                                         bool apply, const char *api_version,
                                         const char *subresource)
{
	for (size_t i = 0; i < m->n; i++) {
		struct ck_apply_entry *e = &m->e[i];

		if (e->apply == apply && !strcmp(e->manager, manager) &&
		    !strcmp(e->subresource, subresource ? subresource : "") &&
		    (apply || !strcmp(e->api_version, api_version)))
			return e;
	}
	return NULL;
}

static const char *str_or(const json_t *o, const char *key, const char *dflt)
{
	const char *s = json_string_value(json_object_get(o, key));

	return s ? s : dflt;
}

int ck_apply_managed_decode(const json_t *mf, struct ck_apply_managed *out, struct ck_error **err)
{
	size_t i;
	json_t *v;

	if (!mf || json_is_null(mf))
		return 0;
	if (!json_is_array(mf))
		return ck_error_set(err, 400, "BadRequest",
		                    "metadata.managedFields: expected a list of entries");
	json_array_foreach((json_t *)mf, i, v)
	{
		const char *op = str_or(v, "operation", ""), *ft = str_or(v, "fieldsType", "");
		const char *t = json_string_value(json_object_get(v, "time"));
		struct ck_apply_entry *e;

		if (!json_is_object(v) || (strcmp(op, "Apply") && strcmp(op, "Update")) ||
		    (*ft && strcmp(ft, "FieldsV1"))) {
			ck_apply_managed_release(out);
			return ck_error_set(err, 400, "BadRequest",
			                    "metadata.managedFields[%zu]: invalid entry", i);
		}
		e = entry_add(out, str_or(v, "manager", ""), !strcmp(op, "Apply"),
		              str_or(v, "apiVersion", ""), str_or(v, "subresource", ""));
		e->time = t ? ck_xstrdup(t) : NULL;
		if (json_object_get(v, "fieldsV1") &&
		    ck_fieldset_from_json(json_object_get(v, "fieldsV1"), &e->set, err) < 0) {
			ck_apply_managed_release(out);
			return ck_error_wrap(err, "metadata.managedFields[%zu]", i);
		}
	}
	return 0;
}

static int entry_cmp(const void *pa, const void *pb)
{
	const struct ck_apply_entry *a = *(const struct ck_apply_entry *const *)pa;
	const struct ck_apply_entry *b = *(const struct ck_apply_entry *const *)pb;
	int c;

	/* K8S: sortEncodedManagedFields: "Apply" < "Update", then time, manager, ... */
	if (a->apply != b->apply)
		return a->apply ? -1 : 1;
	c = strcmp(a->time ? a->time : "", b->time ? b->time : "");
	if (!c)
		c = strcmp(a->manager, b->manager);
	if (!c)
		c = strcmp(a->api_version, b->api_version);
	if (!c)
		c = strcmp(a->subresource, b->subresource);
	return c;
}

/*
 * Append s as a JSON string. A manager named after a User-Agent may hold bytes that are
 * not UTF-8: they become U+FFFD, as Go's encoding/json writes them.
 */
static void add_string(struct ck_buf *b, const char *s)
{
	size_t at = b->len, len = strlen(s);
	struct ck_buf t = CK_BUF_INIT;

	if (ck_json_dump_string(b, s, len) == 0)
		return;
	ck_buf_truncate(b, at);
	ck_buf_add_utf8(&t, s, len);
	CK_BUG_ON(ck_json_dump_string(b, t.data, t.len) < 0);
	ck_buf_release(&t);
}

void ck_apply_managed_encode(const struct ck_apply_managed *m, struct ck_buf *out)
{
	const struct ck_apply_entry **v = ck_xcalloc(m->n + 1, sizeof(*v));
	size_t n = 0;

	for (size_t i = 0; i < m->n; i++)
		if (!ck_fieldset_empty(&m->e[i].set))
			v[n++] = &m->e[i];
	qsort(v, n, sizeof(*v), entry_cmp);
	/* K8S: ManagedFieldsEntry's fields in their Go order, as jansson would dump them. */
	for (size_t i = 0; i < n; i++) {
		ck_buf_adds(out, i ? ",{\"manager\":" : "[{\"manager\":");
		add_string(out, v[i]->manager);
		ck_buf_adds(out, v[i]->apply ? ",\"operation\":\"Apply\",\"apiVersion\":"
		                             : ",\"operation\":\"Update\",\"apiVersion\":");
		add_string(out, v[i]->api_version);
		if (v[i]->time) {
			ck_buf_adds(out, ",\"time\":");
			add_string(out, v[i]->time);
		}
		ck_buf_adds(out, ",\"fieldsType\":\"FieldsV1\",\"fieldsV1\":");
		ck_fieldset_write_json(&v[i]->set, out);
		if (*v[i]->subresource) {
			ck_buf_adds(out, ",\"subresource\":");
			add_string(out, v[i]->subresource);
		}
		ck_buf_addch(out, '}');
	}
	if (n)
		ck_buf_addch(out, ']');
	free(v);
}

/*
 * obj's managedFields go; m's encoding is appended to out, to be stored in their place
 * (K8S: an object whose metadata is not an object has none).
 */
static void set_managed(json_t *obj, const struct ck_apply_managed *m, struct ck_buf *out)
{
	json_t *md = json_object_get(obj, "metadata");

	if (!json_is_object(md))
		return;
	json_object_del(md, "managedFields");
	ck_apply_managed_encode(m, out);
}

/* K8S: stripMetaManager: the paths no manager ever owns. */
static void strip(struct ck_fieldset *s)
{
	static const char *const meta[] = {"f:name",       "f:namespace",     "f:creationTimestamp",
	                                   "f:selfLink",   "f:uid",           "f:clusterName",
	                                   "f:generation", "f:managedFields", "f:resourceVersion"};
	struct ck_fieldset x = CK_FIELDSET_INIT;
	struct ck_fieldset_node *md;

	ck_fieldset_child(&x, "f:apiVersion")->member = true;
	ck_fieldset_child(&x, "f:kind")->member = true;
	md = ck_fieldset_child(&x, "f:metadata");
	md->member = true;
	for (size_t i = 0; i < CK_ARRAY_SIZE(meta); i++)
		ck_fieldset_child(&md->sub, meta[i])->member = true;
	ck_fieldset_difference(s, &x);
	ck_fieldset_release(&x);
}

/* K8S: decodeLiveOrNew's reset: a list holding one empty entry. */
static bool is_reset(const json_t *mf)
{
	return json_array_size(mf) == 1 && json_is_object(json_array_get(mf, 0)) &&
	       !json_object_size(json_array_get(mf, 0));
}

/* K8S: DefaultMaxUpdateManagers and the bucket older Update entries are merged into. */
#define MAX_UPDATE_MANAGERS 10
#define ANCIENT_CHANGES     "ancient-changes"

static int cmp_updater(const void *a, const void *b, void *arg)
{
	const struct ck_apply_managed *m = arg;
	const struct ck_apply_entry *x = &m->e[*(const size_t *)a], *y = &m->e[*(const size_t *)b];
	int c = strcmp(x->time ? x->time : "", y->time ? y->time : "");

	/* RFC 3339 times in one format compare as strings; ties by manager. */
	return c ? c : strcmp(x->manager, y->manager);
}

static void entry_drop(struct ck_apply_managed *m, size_t i)
{
	entry_release(&m->e[i]);
	memmove(&m->e[i], &m->e[i + 1], (m->n - i - 1) * sizeof(*m->e));
	m->n--;
}

/*
 * K8S: capManagersManager.capUpdateManagers: more than ten Update entries, and the oldest
 * are merged, per API version, into an "ancient-changes" entry (the first of a version
 * becomes the bucket, later ones are folded in and the bucket takes their time) until
 * ten are left, so that writes by ever-new managers can't grow an object without bound.
 */
static void cap_updaters(struct ck_apply_managed *m)
{
	size_t *idx = NULL, n = 0, length;
	char **first_version = NULL;
	size_t *first_entry = NULL, nv = 0;
	bool *gone = NULL;

	for (size_t i = 0; i < m->n; i++)
		n += !m->e[i].apply;
	if (n <= MAX_UPDATE_MANAGERS)
		return;
	idx = ck_xcalloc(n, sizeof(*idx));
	first_version = ck_xcalloc(n, sizeof(*first_version));
	first_entry = ck_xcalloc(n, sizeof(*first_entry));
	gone = ck_xcalloc(m->n, sizeof(*gone));
	n = 0;
	for (size_t i = 0; i < m->n; i++)
		if (!m->e[i].apply)
			idx[n++] = i;
	qsort_r(idx, n, sizeof(*idx), cmp_updater, m);
	length = n;
	for (size_t k = 0; k < n && length > MAX_UPDATE_MANAGERS; k++) {
		struct ck_apply_entry *e = &m->e[idx[k]], *bucket = NULL;
		size_t v;

		for (v = 0; v < nv && strcmp(first_version[v], e->api_version); v++)
			;
		if (v == nv) {
			first_version[nv] = e->api_version;
			first_entry[nv++] = idx[k];
			continue;
		}
		for (size_t i = 0; i < m->n && !bucket; i++)
			if (!gone[i] && !m->e[i].apply &&
			    !strcmp(m->e[i].manager, ANCIENT_CHANGES) && !*m->e[i].subresource &&
			    !strcmp(m->e[i].api_version, e->api_version))
				bucket = &m->e[i];
		if (!bucket) {
			/* The version's first entry becomes the bucket. */
			bucket = &m->e[first_entry[v]];
			free(bucket->manager);
			bucket->manager = ck_xstrdup(ANCIENT_CHANGES);
			free(bucket->subresource);
			bucket->subresource = ck_xstrdup("");
		}
		ck_fieldset_union(&bucket->set, &e->set);
		free(bucket->time);
		bucket->time = e->time ? ck_xstrdup(e->time) : NULL;
		gone[idx[k]] = true;
		length--;
	}
	for (size_t i = m->n; i-- > 0;)
		if (gone[i])
			entry_drop(m, i);
	free(idx);
	free(first_version);
	free(first_entry);
	free(gone);
}

int ck_apply_update(const struct ck_schema_type *root, const json_t *old, json_t *obj,
                    const struct ck_apply_manager *m, struct ck_buf *managed, struct ck_error **err)
{
	json_t *md = json_object_get(obj, "metadata");
	const json_t *nmf = json_object_get(md, "managedFields");
	const json_t *lmf = json_object_get(json_object_get(old, "metadata"), "managedFields");
	bool sub = m->subresource && *m->subresource;
	struct ck_apply_managed man = {0};
	struct ck_apply_diff d = {0};
	struct ck_apply_entry *e;
	struct ck_error *ignored = NULL;
	bool reset = !sub && is_reset(nmf);

	/* K8S: the managedFields a client sends win, unless empty or unreadable. */
	if (!reset && (sub || !json_array_size(nmf) ||
	               ck_apply_managed_decode(nmf, &man, &ignored) < 0 || !man.n)) {
		ck_error_free(ignored);
		ck_apply_managed_release(&man);
		if (ck_apply_managed_decode(lmf, &man, err) < 0)
			goto fail;
	}
	/* K8S: skipNonAppliedManager: objects stored untracked stay so until applied. */
	if (!man.n && old && !reset) {
		json_object_del(md, "managedFields");
		return 0;
	}
	if (ck_apply_compare(root, old, obj, &d, err) < 0)
		goto fail;
	ck_fieldset_union(&d.added, &d.modified);
	/* K8S: Updater.update with force: the write takes what it changed from the others. */
	for (size_t i = 0; i < man.n; i++) {
		ck_fieldset_difference(&man.e[i].set, &d.added);
		ck_fieldset_difference(&man.e[i].set, &d.removed);
	}
	strip(&d.added);
	if (!ck_fieldset_empty(&d.added)) {
		e = entry_find(&man, m->manager, false, m->api_version, m->subresource);
		if (!e)
			e = entry_add(&man, m->manager, false, m->api_version, m->subresource);
		if (ck_fieldset_empty(&e->set)) {
			/* A new entry (every create's) takes the set rather than a copy; an
			 * emptied one may still hold its array. */
			ck_fieldset_release(&e->set);
			e->set = d.added;
			d.added = (struct ck_fieldset)CK_FIELDSET_INIT;
		} else {
			ck_fieldset_union(&e->set, &d.added);
		}
		free(e->time);
		e->time = ck_xstrdup(m->time);
	}
	cap_updaters(&man);
	set_managed(obj, &man, managed);
	ck_apply_diff_release(&d);
	ck_apply_managed_release(&man);
	return 0;
fail:
	ck_apply_diff_release(&d);
	ck_apply_managed_release(&man);
	json_object_del(md, "managedFields");
	return -1;
}

/* ---- apply ---------------------------------------------------------------------------- */

/* Go's %q of s, near enough for manager names. */
static void add_quoted(struct ck_buf *b, const char *s)
{
	ck_buf_addch(b, '"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			ck_buf_addch(b, '\\');
		ck_buf_addch(b, *s);
	}
	ck_buf_addch(b, '"');
}

/* K8S: printManager: "name" [with subresource "s"] [using apiVersion for Update]. */
static void add_manager(struct ck_buf *b, const struct ck_apply_entry *e)
{
	add_quoted(b, e->manager);
	if (*e->subresource) {
		ck_buf_adds(b, " with subresource ");
		add_quoted(b, e->subresource);
	}
	if (!e->apply)
		ck_buf_addf(b, " using %s", e->api_version);
}

struct conflict_ctx {
	struct ck_buf *msg;
	json_t *causes;
	const struct ck_apply_entry *e;
	bool one;
};

static void conflict_path(void *arg, const char *const *pes, size_t n)
{
	struct conflict_ctx *c = arg;
	struct ck_buf path = CK_BUF_INIT, who = CK_BUF_INIT;

	ck_fieldset_path_string(pes, n, &path);
	ck_buf_adds(&who, "conflict with ");
	add_manager(&who, c->e);
	if (c->one)
		ck_buf_addf(c->msg, "%s: %s", who.data, path.data);
	else
		ck_buf_addf(c->msg, "\n- %s", path.data);
	json_array_append_new(c->causes,
	                      json_pack("{s:s,s:s,s:s}", "reason", "FieldManagerConflict",
	                                "message", who.data, "field", path.data));
	ck_buf_release(&path);
	ck_buf_release(&who);
}

static void count_member(void *arg, const char *const *pes, size_t n)
{
	(void)pes;
	(void)n;
	(*(size_t *)arg)++;
}

static int by_manager(const void *pa, const void *pb)
{
	const struct ck_apply_entry *a = *(const struct ck_apply_entry *const *)pa;
	const struct ck_apply_entry *b = *(const struct ck_apply_entry *const *)pb;

	return strcmp(a->manager, b->manager);
}

/* The 409 for conflicts[i] (the entries' conflicting sets in sets[i]). */
static int conflict_error(const struct ck_apply_entry **es, struct ck_fieldset *sets, size_t n,
                          json_t **causes, struct ck_error **err)
{
	struct ck_buf msg = CK_BUF_INIT;
	size_t total = 0;
	size_t *order = ck_xcalloc(n + 1, sizeof(size_t));
	const struct ck_apply_entry **sorted = ck_xcalloc(n + 1, sizeof(*sorted));

	for (size_t i = 0; i < n; i++) {
		ck_fieldset_members(&sets[i], count_member, &total);
		sorted[i] = es[i];
	}
	qsort(sorted, n, sizeof(*sorted), by_manager);
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < n; j++)
			if (es[j] == sorted[i])
				order[i] = j;
	*causes = json_array();
	/* K8S: internal.NewConflictError's message. */
	ck_buf_addf(&msg, "Apply failed with %zu conflict%s: ", total, total == 1 ? "" : "s");
	for (size_t i = 0; i < n; i++) {
		struct conflict_ctx c = {
		        .msg = &msg, .causes = *causes, .e = es[order[i]], .one = total == 1};

		if (!c.one) {
			if (i)
				ck_buf_addch(&msg, '\n');
			ck_buf_adds(&msg, "conflicts with ");
			add_manager(&msg, c.e);
			ck_buf_addch(&msg, ':');
		}
		ck_fieldset_members(&sets[order[i]], conflict_path, &c);
	}
	ck_error_set(err, 409, "Conflict", "%s", msg.data);
	ck_buf_release(&msg);
	free(order);
	free(sorted);
	return -1;
}

int ck_apply_apply(const struct ck_schema_type *root, const json_t *live, const json_t *config,
                   const struct ck_apply_manager *m, unsigned flags, bool force, json_t **out,
                   struct ck_buf *managed, json_t **causes, struct ck_error **err)
{
	const json_t *cmf = json_object_get(json_object_get(config, "metadata"), "managedFields");
	struct ck_apply_managed man = {0};
	struct ck_fieldset newset = CK_FIELDSET_INIT, last = CK_FIELDSET_INIT;
	struct ck_apply_diff d = {0};
	struct ck_apply_entry *me;
	struct walk w = {.err = err};
	struct tref r = root_ref(root);
	json_t *cfg = NULL, *merged = NULL;
	const struct ck_apply_entry **ces = NULL;
	struct ck_fieldset *csets = NULL;
	size_t nc = 0;
	int rc = -1;

	*causes = NULL;
	if (cmf && !json_is_null(cmf))
		return ck_error_set(err, 400, "BadRequest", "metadata.managedFields must be nil");
	cfg = json_deep_copy(config);
	if (flags & CK_APPLY_RESET_STATUS)
		json_object_del(cfg, "status");
	if (flags & CK_APPLY_ONLY_STATUS) {
		const char *key;
		json_t *v;
		void *tmp;

		json_object_foreach_safe(cfg, tmp, key, v)
		{
			if (strcmp(key, "apiVersion") && strcmp(key, "kind") &&
			    strcmp(key, "metadata") && strcmp(key, "status"))
				json_object_del(cfg, key);
		}
	}
	if (live && ck_apply_managed_decode(
	                    json_object_get(json_object_get(live, "metadata"), "managedFields"),
	                    &man, err) < 0)
		goto out;
	if (live && !man.n) {
		/* K8S: skipNonAppliedManager.Apply: what was there is "before-first-apply"'s. */
		if (ck_apply_compare(root, NULL, live, &d, err) < 0)
			goto out;
		ck_fieldset_union(&d.added, &d.modified);
		strip(&d.added);
		me = entry_add(&man, CK_APPLY_BEFORE_FIRST_APPLY, false, m->api_version, "");
		ck_fieldset_union(&me->set, &d.added);
		me->time = ck_xstrdup(m->time);
		ck_apply_diff_release(&d);
		memset(&d, 0, sizeof(d));
	}
	if (ck_apply_merge(root, live, cfg, &merged, err) < 0 ||
	    ck_apply_to_set(root, cfg, &newset, err) < 0)
		goto out;
	strip(&newset);
	me = entry_find(&man, m->manager, true, NULL, m->subresource);
	if (me) {
		last = me->set;
		memset(&me->set, 0, sizeof(me->set));
	} else {
		me = entry_add(&man, m->manager, true, m->api_version, m->subresource);
	}
	ck_fieldset_copy(&me->set, &newset);
	if (!ck_fieldset_empty(&last)) {
		struct ck_fieldset owned = CK_FIELDSET_INIT;

		for (size_t i = 0; i < man.n; i++)
			ck_fieldset_union(&owned, &man.e[i].set);
		rc = prune(&w, &r, merged, &last, &owned);
		ck_fieldset_release(&owned);
		if (rc < 0)
			goto out;
		rc = -1;
	}
	if (ck_apply_compare(root, live, merged, &d, err) < 0)
		goto out;
	ck_fieldset_union(&d.added, &d.modified);
	ces = ck_xcalloc(man.n + 1, sizeof(*ces));
	csets = ck_xcalloc(man.n + 1, sizeof(*csets));
	for (size_t i = 0; i < man.n; i++) {
		if (&man.e[i] == me)
			continue;
		ck_fieldset_intersect(&man.e[i].set, &d.added, &csets[nc]);
		if (!ck_fieldset_empty(&csets[nc]))
			ces[nc++] = &man.e[i];
	}
	if (nc && !force) {
		conflict_error(ces, csets, nc, causes, err);
		goto out;
	}
	for (size_t i = 0; i < man.n; i++) {
		if (&man.e[i] == me)
			continue;
		ck_fieldset_difference(&man.e[i].set, &d.added);
		ck_fieldset_difference(&man.e[i].set, &d.removed);
	}
	free(me->api_version);
	me->api_version = ck_xstrdup(m->api_version);
	/* K8S: managedFieldsUpdater: the time moves only when the object changes. */
	if (!live || !me->time || !ck_fieldset_empty(&d.added) || !ck_fieldset_empty(&d.removed)) {
		free(me->time);
		me->time = ck_xstrdup(m->time);
	}
	set_managed(merged, &man, managed);
	*out = ck_steal(&merged);
	rc = 0;
out:
	for (size_t i = 0; i < nc; i++)
		ck_fieldset_release(&csets[i]);
	if (csets && nc < man.n)
		ck_fieldset_release(&csets[nc]);
	free(csets);
	free(ces);
	walk_release(&w);
	ck_apply_diff_release(&d);
	ck_fieldset_release(&newset);
	ck_fieldset_release(&last);
	ck_apply_managed_release(&man);
	json_decref(cfg);
	json_decref(merged);
	return rc;
}

/* ---- the request body ------------------------------------------------------------------ */

/* K8S: go-yaml v2's resolution of a plain scalar (YAML 1.1 booleans included). */
static json_t *plain_scalar(const char *s, size_t len)
{
	static const char *const yes[] = {"y",    "Y",    "yes", "Yes", "YES", "true",
	                                  "True", "TRUE", "on",  "On",  "ON"};
	static const char *const no[] = {"n",     "N",     "no",  "No",  "NO", "false",
	                                 "False", "FALSE", "off", "Off", "OFF"};
	char *end;

	if (!len || !strcmp(s, "~") || !strcmp(s, "null") || !strcmp(s, "Null") ||
	    !strcmp(s, "NULL"))
		return json_null();
	for (size_t i = 0; i < CK_ARRAY_SIZE(yes); i++) {
		if (!strcmp(s, yes[i]))
			return json_true();
		if (!strcmp(s, no[i]))
			return json_false();
	}
	if (strspn(s, "+-0123456789") == len &&
	    strspn(s + (*s == '-' || *s == '+'), "0123456789") == len - (*s == '-' || *s == '+') &&
	    len > (size_t)(*s == '-' || *s == '+')) {
		long long v;

		errno = 0;
		v = strtoll(s, &end, 10);
		if (!errno && !*end)
			return json_integer(v);
	}
	if (strspn(s, "+-0123456789.eE") == len && strpbrk(s, "0123456789")) {
		double d = strtod(s, &end);

		if (!*end)
			return json_real(d);
	}
	return json_stringn(s, len);
}

static json_t *yaml_to_json(yaml_document_t *doc, yaml_node_t *n, int depth)
{
	if (!n || depth > CK_PATCH_MAX_DEPTH)
		return NULL;
	switch (n->type) {
	case YAML_SCALAR_NODE: {
		const char *s = (const char *)n->data.scalar.value;
		size_t len = n->data.scalar.length;

		if (n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
			return json_stringn(s, len);
		return plain_scalar(s, len);
	}
	case YAML_SEQUENCE_NODE: {
		json_t *a = json_array();

		for (yaml_node_item_t *it = n->data.sequence.items.start;
		     it < n->data.sequence.items.top; it++) {
			json_t *v = yaml_to_json(doc, yaml_document_get_node(doc, *it), depth + 1);

			if (!v) {
				json_decref(a);
				return NULL;
			}
			json_array_append_new(a, v);
		}
		return a;
	}
	case YAML_MAPPING_NODE: {
		json_t *o = json_object();

		for (yaml_node_pair_t *p = n->data.mapping.pairs.start;
		     p < n->data.mapping.pairs.top; p++) {
			yaml_node_t *k = yaml_document_get_node(doc, p->key);
			json_t *v;

			if (!k || k->type != YAML_SCALAR_NODE) {
				json_decref(o);
				return NULL;
			}
			v = yaml_to_json(doc, yaml_document_get_node(doc, p->value), depth + 1);
			if (!v) {
				json_decref(o);
				return NULL;
			}
			json_object_setn_new(o, (const char *)k->data.scalar.value,
			                     k->data.scalar.length, v);
		}
		return o;
	}
	default:
		return NULL;
	}
}

int ck_apply_parse_config(const char *data, size_t len, json_t **out, struct ck_error **err)
{
	size_t i = 0;
	yaml_parser_t parser;
	yaml_document_t doc;
	json_t *v;

	while (i < len && isspace((unsigned char)data[i]))
		i++;
	if (i < len && data[i] == '{') {
		json_error_t je;

		v = json_loadb(data, len, JSON_REJECT_DUPLICATES, &je);
		if (!json_is_object(v)) {
			json_decref(v);
			return ck_error_set(err, 400, "BadRequest", "error decoding YAML: %s",
			                    je.text);
		}
		*out = v;
		return 0;
	}
	if (!yaml_parser_initialize(&parser))
		return ck_error_set(err, 500, "InternalError", "cannot start the YAML parser");
	yaml_parser_set_input_string(&parser, (const unsigned char *)data, len);
	if (!yaml_parser_load(&parser, &doc)) {
		ck_error_set(err, 400, "BadRequest", "error decoding YAML: %s",
		             parser.problem ? parser.problem : "syntax error");
		yaml_parser_delete(&parser);
		return -1;
	}
	yaml_parser_delete(&parser);
	v = yaml_to_json(&doc, yaml_document_get_root_node(&doc), 0);
	yaml_document_delete(&doc);
	if (!json_is_object(v)) {
		json_decref(v);
		return ck_error_set(err, 400, "BadRequest",
		                    "error decoding YAML: the body is not a YAML mapping");
	}
	*out = v;
	return 0;
}

void ck_apply_manager_from_user_agent(const char *ua, char buf[CK_APPLY_MANAGER_MAX + 1])
{
	size_t n = 0;

	for (const unsigned char *p = (const unsigned char *)(ua ? ua : ""); *p && *p != '/'; p++) {
		/* K8S: unicode.IsPrint; bytes of multi-byte runes are kept. */
		if (*p < 0x20 || *p == 0x7f)
			continue;
		if (n >= CK_APPLY_MANAGER_MAX)
			break;
		buf[n++] = (char)*p;
	}
	buf[n] = '\0';
}
