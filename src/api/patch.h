/*
 * The three patch types the Kubernetes API accepts on PATCH, as pure functions over
 * jansson values: JSON patch (RFC 6902), JSON merge patch (RFC 7386) and Kubernetes'
 * strategic merge patch. The API server parses the request's Content-Type with
 * ck_patch_parse_type, applies the body to the stored object with ck_patch_apply, and
 * validates and stores the result; nothing here touches the network, etcd or a loop, so
 * every function may run on any thread.
 *
 * Which lists a strategic merge patch merges, and by which key, is schema knowledge
 * that this module does not hold: the caller passes a struct ck_patch_schema whose
 * lookup answers for one field at a time (DESIGN.md §3: the per-kind schema tables).
 */
#ifndef CK_API_PATCH_H
#define CK_API_PATCH_H

#include <jansson.h>

#include "base/compat.h"

#include "base/error.h"

struct ck_buf;

/* K8S: the patch media types (apimachinery types.PatchType). */
enum ck_patch_type {
	CK_PATCH_JSON = 1,   /* application/json-patch+json */
	CK_PATCH_MERGE,      /* application/merge-patch+json */
	CK_PATCH_STRATEGIC,  /* application/strategic-merge-patch+json */
	CK_PATCH_APPLY_YAML, /* application/apply-patch+yaml: server-side apply, not applied here */
};

/* Sets of patch types a resource accepts, for ck_patch_parse_type. */
#define CK_PATCH_ACCEPT(type) (1u << (type))
/* K8S: built-in kinds accept all four (apiserver endpoints/installer.go). */
#define CK_PATCH_ACCEPT_BUILTIN                                                                    \
	(CK_PATCH_ACCEPT(CK_PATCH_JSON) | CK_PATCH_ACCEPT(CK_PATCH_MERGE) |                        \
	 CK_PATCH_ACCEPT(CK_PATCH_STRATEGIC) | CK_PATCH_ACCEPT(CK_PATCH_APPLY_YAML))
/* K8S: custom resources have no Go struct tags, so no strategic merge patch. */
#define CK_PATCH_ACCEPT_CUSTOM                                                                     \
	(CK_PATCH_ACCEPT(CK_PATCH_JSON) | CK_PATCH_ACCEPT(CK_PATCH_MERGE) |                        \
	 CK_PATCH_ACCEPT(CK_PATCH_APPLY_YAML))

/* K8S: at most this many operations in one JSON patch (apiserver handlers/patch.go). */
#define CK_PATCH_MAX_JSON_OPS 10000
/* K8S: "copy" operations may grow a document by at most this much in all (JSONPatchMaxCopyBytes). */
#define CK_PATCH_MAX_COPY_BYTES (3 * 1024 * 1024)
/*
 * The deepest nesting a patch or a patched object may have, every value counting one level
 * (2048 nested empty lists; 2047 nested objects around a scalar): jansson's parser limit
 * (JSON_PARSER_MAX_DEPTH in jansson 2.14), so that whatever a patch produces can be stored
 * and parsed again, and so that every recursion here is bounded.
 */
#define CK_PATCH_MAX_DEPTH 2048

/*
 * Patch strategies of one field (Go struct tag patchStrategy, OpenAPI
 * x-kubernetes-patch-strategy); a field may have several, e.g. "merge,retainKeys".
 */
enum ck_patch_strategy {
	CK_PATCH_STRATEGY_MERGE = 1u << 0,       /* lists: merge element by element */
	CK_PATCH_STRATEGY_REPLACE = 1u << 1,     /* maps: replace as a whole */
	CK_PATCH_STRATEGY_RETAIN_KEYS = 1u << 2, /* clients may send $retainKeys */
};

/* What the schema says about one field. */
struct ck_patch_field {
	unsigned strategy;     /* CK_PATCH_STRATEGY_* bits; 0: maps merge, lists are replaced */
	const char *merge_key; /* patchMergeKey for lists of objects; NULL for lists of scalars */
};

/*
 * The schema lookup: fill *out for the field at path and return true, or return false
 * when the field has no patch metadata (then maps merge and lists are replaced).
 *
 * path names the field from the object's root: object keys joined with '.', and "[]"
 * appended for "an element of this list", e.g. "metadata.finalizers",
 * "spec.template.spec.containers" and "spec.template.spec.containers[].ports". Keys are
 * inserted verbatim, so a key that itself holds '.' (an annotation) is ambiguous; such
 * keys only occur in free-form maps, which have no metadata. *out->merge_key must live as
 * long as the schema.
 */
typedef bool ck_patch_lookup_fn(const void *ctx, const char *path, struct ck_patch_field *out);

struct ck_patch_schema {
	ck_patch_lookup_fn *lookup;
	const void *ctx; /* passed to lookup */
};

/*
 * Map a request's Content-Type to a patch type, as kube-apiserver does: parameters after
 * the first ';' are dropped, the rest must equal one of the media types exactly (no case
 * folding, no trimming). accepted is a set of CK_PATCH_ACCEPT() bits. Returns 0 and sets
 * *out, or -1 with a 415 UnsupportedMediaType *err whose message lists the accepted types.
 * content_type may be NULL (no header).
 */
int ck_patch_parse_type(const char *content_type, unsigned accepted, enum ck_patch_type *out,
                        struct ck_error **err);

/* The media type of a patch type ("application/merge-patch+json"); "" when unknown. */
const char *ck_patch_media_type(enum ck_patch_type type);

/*
 * Apply the len bytes of patch, of the given type, to original, which must be a JSON
 * object and is never modified. schema is used by strategic merge patches only; NULL means
 * no field has patch metadata. On success returns 0 and sets *out to a new object the
 * caller owns (json_decref). On failure returns -1, leaves *out alone and sets *err to
 * what kube-apiserver answers:
 *   - 400 BadRequest: the body is not JSON, or not an array of objects (JSON patch), or
 *     null or a scalar (merge patch), or not an object (strategic), or a strategic
 *     directive is malformed ($deleteFromPrimitiveList/, $setElementOrder/, $retainKeys);
 *   - 413 RequestEntityTooLarge: a JSON patch of more than CK_PATCH_MAX_JSON_OPS operations;
 *   - 422 Invalid: a JSON patch operation cannot apply (failed test, missing path, bad index,
 *     copy limit), a list of lists in a strategic patch, a result that is not an object
 *     or is nested deeper than CK_PATCH_MAX_DEPTH;
 *   - 500 with reason "" (metav1.StatusReasonUnknown): the other strategic merge errors, which
 *     kube-apiserver passes through unclassified (unknown $patch, missing merge key, ...).
 * The whole patch applies or nothing does. Runs on any thread.
 */
int ck_patch_apply(enum ck_patch_type type, const json_t *original, const char *patch, size_t len,
                   const struct ck_patch_schema *schema, json_t **out, struct ck_error **err);

/*
 * Append v as Go's fmt "%+v" prints the value json.Unmarshal (with integers kept as int64)
 * makes of it: objects as map[k1:v1 k2:v2] with the keys sorted, arrays as [a b], strings
 * bare, null as <nil>, floats in Go's shortest %v form (1.5, 1e+06). K8S: a strategic merge
 * patch that does not decode is reported with fmt.Sprintf("%+v", patchMap) as its value.
 * Recursion is bounded by the depth of v (ck_patch_apply's limit). Any thread.
 */
void ck_patch_format_go(struct ck_buf *b, const json_t *v);

#endif
