/*
 * Field sets as sorted trees of FieldsV1 path elements (fieldset.h): the set algebra
 * server-side apply needs (union, difference, intersection), FieldsV1 encoding and
 * decoding, and paths printed the way structured-merge-diff prints them in conflicts.
 */
#include <jansson.h>

#include "base/compat.h"

#include "api/fieldset.h"
#include "base/json.h"
#include "base/mem.h"

/* K8S: fields sort before keys, keys before values, values before indexes. */
static int pe_rank(const char *pe)
{
	switch (pe[0]) {
	case 'f':
		return 0;
	case 'k':
		return 1;
	case 'v':
		return 2;
	default:
		return 3;
	}
}

int ck_fieldset_pe_cmp(const char *a, const char *b)
{
	int ra = pe_rank(a), rb = pe_rank(b);

	if (ra != rb)
		return ra - rb;
	if (ra == 3) {
		long ia = strtol(a + 2, NULL, 10), ib = strtol(b + 2, NULL, 10);

		if (ia != ib)
			return ia < ib ? -1 : 1;
	}
	return strcmp(a, b);
}

/* Free what node n owns (not n). */
static void node_release(struct ck_fieldset_node *n)
{
	if (!n->pe_in)
		free(n->pe_.heap);
	ck_fieldset_release(&n->sub);
}

void ck_fieldset_release(struct ck_fieldset *s)
{
	for (size_t i = 0; i < s->n; i++)
		node_release(&s->kids[i]);
	free(s->kids);
	memset(s, 0, sizeof(*s));
}

/* The index of pe in s, or -(insertion point) - 1. */
static ssize_t search(const struct ck_fieldset *s, const char *pe)
{
	size_t lo = 0, hi = s->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = ck_fieldset_pe_cmp(pe, ck_fieldset_pe(&s->kids[mid]));

		if (!c)
			return (ssize_t)mid;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return -(ssize_t)lo - 1;
}

struct ck_fieldset_node *ck_fieldset_child(struct ck_fieldset *s, const char *pe)
{
	ssize_t i = search(s, pe);
	size_t at;

	if (i >= 0)
		return &s->kids[i];
	at = (size_t)(-i - 1);
	CK_ALLOC_GROW(s->kids, s->n + 1, s->alloc);
	memmove(&s->kids[at + 1], &s->kids[at], (s->n - at) * sizeof(s->kids[0]));
	s->n++;
	struct ck_fieldset_node *n = &s->kids[at];
	size_t len = strlen(pe);

	memset(n, 0, sizeof(*n));
	n->pe_in = len <= CK_FIELDSET_PE_INLINE;
	if (n->pe_in)
		memcpy(n->pe_.in, pe, len + 1);
	else
		n->pe_.heap = ck_xstrdup(pe);
	return n;
}

const struct ck_fieldset_node *ck_fieldset_find(const struct ck_fieldset *s, const char *pe)
{
	ssize_t i = search(s, pe);

	return i >= 0 ? &s->kids[i] : NULL;
}

void ck_fieldset_union(struct ck_fieldset *dst, const struct ck_fieldset *src)
{
	for (size_t i = 0; i < src->n; i++) {
		struct ck_fieldset_node *d = ck_fieldset_child(dst, ck_fieldset_pe(&src->kids[i]));

		d->member |= src->kids[i].member;
		ck_fieldset_union(&d->sub, &src->kids[i].sub);
	}
}

void ck_fieldset_copy(struct ck_fieldset *dst, const struct ck_fieldset *src)
{
	ck_fieldset_union(dst, src);
}

/* Drop the node at i of s. */
static void drop(struct ck_fieldset *s, size_t i)
{
	node_release(&s->kids[i]);
	memmove(&s->kids[i], &s->kids[i + 1], (s->n - i - 1) * sizeof(s->kids[0]));
	s->n--;
}

void ck_fieldset_difference(struct ck_fieldset *dst, const struct ck_fieldset *src)
{
	size_t i = 0, j = 0;

	/* Both sorted: one merge pass. */
	while (i < dst->n && j < src->n) {
		int c = ck_fieldset_pe_cmp(ck_fieldset_pe(&dst->kids[i]),
		                           ck_fieldset_pe(&src->kids[j]));

		if (c < 0) {
			i++;
		} else if (c > 0) {
			j++;
		} else {
			struct ck_fieldset_node *d = &dst->kids[i];

			if (src->kids[j].member)
				d->member = false;
			ck_fieldset_difference(&d->sub, &src->kids[j].sub);
			j++;
			if (!d->member && !d->sub.n)
				drop(dst, i);
			else
				i++;
		}
	}
}

void ck_fieldset_intersect(const struct ck_fieldset *a, const struct ck_fieldset *b,
                           struct ck_fieldset *out)
{
	size_t i = 0, j = 0;

	while (i < a->n && j < b->n) {
		int c = ck_fieldset_pe_cmp(ck_fieldset_pe(&a->kids[i]),
		                           ck_fieldset_pe(&b->kids[j]));

		if (c < 0) {
			i++;
		} else if (c > 0) {
			j++;
		} else {
			struct ck_fieldset sub = CK_FIELDSET_INIT;
			bool member = a->kids[i].member && b->kids[j].member;

			ck_fieldset_intersect(&a->kids[i].sub, &b->kids[j].sub, &sub);
			if (member || sub.n) {
				struct ck_fieldset_node *n =
				        ck_fieldset_child(out, ck_fieldset_pe(&a->kids[i]));

				n->member = member;
				n->sub = sub;
			}
			i++;
			j++;
		}
	}
}

/* Append s's children as the members of a FieldsV1 object. */
static void write_members(const struct ck_fieldset *s, struct ck_buf *out)
{
	for (size_t i = 0; i < s->n; i++) {
		const struct ck_fieldset_node *k = &s->kids[i];

		if (i)
			ck_buf_addch(out, ',');
		/* Path elements are object keys or JSON that ckube wrote: valid UTF-8. */
		const char *pe = ck_fieldset_pe(k);

		CK_BUG_ON(ck_json_dump_string(out, pe, strlen(pe)) < 0);
		if (!k->sub.n) {
			ck_buf_adds(out, ":{}");
			continue;
		}
		/* K8S: "." marks a member that also has children. */
		ck_buf_adds(out, k->member ? ":{\".\":{}," : ":{");
		write_members(&k->sub, out);
		ck_buf_addch(out, '}');
	}
}

void ck_fieldset_write_json(const struct ck_fieldset *s, struct ck_buf *out)
{
	ck_buf_addch(out, '{');
	write_members(s, out);
	ck_buf_addch(out, '}');
}

static bool valid_pe(const char *k)
{
	return (k[0] == 'f' || k[0] == 'v' || k[0] == 'i' || k[0] == 'k') && k[1] == ':' &&
	       (k[0] != 'k' || k[2] == '{');
}

static int from_json(const json_t *v, struct ck_fieldset *out, int depth, struct ck_error **err)
{
	const char *key;
	json_t *c;

	if (!json_is_object(v))
		return ck_error_set(err, 400, "BadRequest", "FieldsV1: expected an object");
	if (depth > 256)
		return ck_error_set(err, 400, "BadRequest", "FieldsV1: nested too deeply");
	json_object_foreach((json_t *)v, key, c)
	{
		struct ck_fieldset_node *n;

		if (!strcmp(key, "."))
			continue;
		if (!valid_pe(key))
			return ck_error_set(err, 400, "BadRequest",
			                    "FieldsV1: unknown path element '%s'", key);
		if (!json_is_object(c))
			return ck_error_set(err, 400, "BadRequest",
			                    "FieldsV1: the value of '%s' is not an object", key);
		n = ck_fieldset_child(out, key);
		/* An empty object is a member; "." says so when there are children too. */
		if (!json_object_size(c) || json_object_get(c, "."))
			n->member = true;
		if (from_json(c, &n->sub, depth + 1, err) < 0)
			return -1;
	}
	return 0;
}

int ck_fieldset_from_json(const json_t *v, struct ck_fieldset *out, struct ck_error **err)
{
	return from_json(v, out, 0, err);
}

static void members(const struct ck_fieldset *s, const char **pes, size_t depth, size_t cap,
                    ck_fieldset_member_fn *fn, void *ctx)
{
	for (size_t i = 0; i < s->n; i++) {
		if (depth >= cap)
			return;
		pes[depth] = ck_fieldset_pe(&s->kids[i]);
		if (s->kids[i].member)
			fn(ctx, pes, depth + 1);
		members(&s->kids[i].sub, pes, depth + 1, cap, fn, ctx);
	}
}

void ck_fieldset_members(const struct ck_fieldset *s, ck_fieldset_member_fn *fn, void *ctx)
{
	const char *pes[300];

	members(s, pes, 0, CK_ARRAY_SIZE(pes), fn, ctx);
}

void ck_fieldset_path_string(const char *const *pes, size_t n, struct ck_buf *out)
{
	for (size_t i = 0; i < n; i++) {
		const char *pe = pes[i];

		switch (pe[0]) {
		case 'f':
			ck_buf_addf(out, ".%s", pe + 2);
			break;
		case 'v':
			ck_buf_addf(out, "[=%s]", pe + 2);
			break;
		case 'i':
			ck_buf_addf(out, "[%s]", pe + 2);
			break;
		case 'k': {
			/* K8S: [name="x",port=80]: each key as name=JSON value. */
			json_t *k = json_loads(pe + 2, 0, NULL);
			const char *name;
			json_t *v;
			bool first = true;

			ck_buf_addch(out, '[');
			json_object_foreach(k, name, v)
			{
				char *s = json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT);

				ck_buf_addf(out, "%s%s=%s", first ? "" : ",", name, s ? s : "");
				free(s);
				first = false;
			}
			ck_buf_addch(out, ']');
			json_decref(k);
			break;
		}
		default:
			ck_buf_adds(out, pe);
		}
	}
}
