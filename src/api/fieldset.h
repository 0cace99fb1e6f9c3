/*
 * Field sets: the sets of field paths that server-side apply tracks per manager
 * (K8S: sigs.k8s.io/structured-merge-diff fieldpath.Set), and their FieldsV1 encoding in
 * metadata.managedFields[].fieldsV1.
 *
 * A set is a tree. Each node is one path element, written as FieldsV1 writes it:
 *   "f:<name>"  a field of a struct or a key of a map,
 *   "k:{...}"   an element of a map-list, by its key fields as a compact JSON object,
 *   "v:<json>"  an element of a set-list, by its value,
 *   "i:<n>"     an element of a list by position (decoded, never produced here);
 * a node is a member when the path it ends is itself in the set, and has children for the
 * longer paths below it. Children are sorted as structured-merge-diff sorts path elements
 * (fields, then keys, then values, then indexes), so encoding walks them in order.
 *
 * Pure data: nothing here touches the network or a loop; any thread.
 */
#ifndef CK_API_FIELDSET_H
#define CK_API_FIELDSET_H

#include <jansson.h>

#include "base/compat.h"

#include "base/buf.h"
#include "base/error.h"

struct ck_fieldset_node;

/* A set, or the children of one node. CK_FIELDSET_INIT is the empty set. */
struct ck_fieldset {
	struct ck_fieldset_node *kids; /* sorted by path element */
	size_t n, alloc;
};

/*
 * Path elements up to this long are kept in their node: most are field names, and a
 * pod's set has about a hundred of them, each a malloc and a free otherwise.
 */
#define CK_FIELDSET_PE_INLINE 23

struct ck_fieldset_node {
	union {
		char *heap;                         /* a longer one, owned */
		char in[CK_FIELDSET_PE_INLINE + 1]; /* a short one */
	} pe_;                                      /* read with ck_fieldset_pe */
	bool pe_in;                                 /* pe_.in holds it */
	bool member;                                /* the path ending here is in the set */
	struct ck_fieldset sub;
};

/* The node's path element ("f:data"); valid until its set changes. */
static inline const char *ck_fieldset_pe(const struct ck_fieldset_node *n)
{
	return n->pe_in ? n->pe_.in : n->pe_.heap;
}

#define CK_FIELDSET_INIT                                                                           \
	{                                                                                          \
		0                                                                                  \
	}

/* Free the contents of s and leave it empty. */
void ck_fieldset_release(struct ck_fieldset *s);

/* True when s holds no path. */
static inline bool ck_fieldset_empty(const struct ck_fieldset *s)
{
	return s->n == 0;
}

/* Order of path elements (K8S: fieldpath.PathElement.Compare, by kind then value). */
int ck_fieldset_pe_cmp(const char *a, const char *b);

/* The child node for pe (a copy is taken), inserted (not a member) when missing. */
struct ck_fieldset_node *ck_fieldset_child(struct ck_fieldset *s, const char *pe);

/* The child node for pe, or NULL. */
const struct ck_fieldset_node *ck_fieldset_find(const struct ck_fieldset *s, const char *pe);

/* dst |= src. */
void ck_fieldset_union(struct ck_fieldset *dst, const struct ck_fieldset *src);

/*
 * dst -= src: paths that are members of src stop being members of dst (their children
 * stay unless src has them too; K8S: Set.Difference is not recursive). Nodes left with
 * nothing are dropped.
 */
void ck_fieldset_difference(struct ck_fieldset *dst, const struct ck_fieldset *src);

/* *out (empty on entry) = the members of both a and b. */
void ck_fieldset_intersect(const struct ck_fieldset *a, const struct ck_fieldset *b,
                           struct ck_fieldset *out);

/* Deep copy of src into *dst (empty on entry). */
void ck_fieldset_copy(struct ck_fieldset *dst, const struct ck_fieldset *src);

/*
 * Append the FieldsV1 JSON of s, compact, as jansson writes it (the canonical form stored
 * values have): each child as "<pe>":{...}, a member with children opening with ".":{}.
 */
void ck_fieldset_write_json(const struct ck_fieldset *s, struct ck_buf *out);

/*
 * Read FieldsV1 JSON into *out (empty on entry). Rejects what is not an object of objects
 * or a key that is not ".", "f:", "k:{", "v:" or "i:" (400 BadRequest with the offending
 * key); on failure *out holds what was read so far, for ck_fieldset_release.
 */
int ck_fieldset_from_json(const json_t *v, struct ck_fieldset *out, struct ck_error **err);

/* Called with each member path: n elements, as ck_fieldset_node.pe strings. */
typedef void ck_fieldset_member_fn(void *ctx, const char *const *pes, size_t n);

/* Call fn for every member of s in order (depth first, a node before its children). */
void ck_fieldset_members(const struct ck_fieldset *s, ck_fieldset_member_fn *fn, void *ctx);

/*
 * Append the path as structured-merge-diff prints it (K8S: fieldpath.Path.String):
 * ".spec.containers[name=\"nginx\"].image", "[=\"x\"]" for set values, "[3]" for indexes.
 */
void ck_fieldset_path_string(const char *const *pes, size_t n, struct ck_buf *out);

#endif
