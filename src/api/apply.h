/*
 * Server-side apply and field management (K8S: sigs.k8s.io/structured-merge-diff and
 * k8s.io/apimachinery/pkg/util/managedfields), over jansson values and the generated
 * schema (api/schema.h):
 *
 *   - the field set of an object: which paths a configuration sets, by the schema's list
 *     types (map-lists by their keys, sets by value, atomic lists whole), map types and
 *     struct types (ck_apply_to_set);
 *   - the comparison of two versions of an object: paths added, modified and removed
 *     (ck_apply_compare);
 *   - the merge of an applied configuration into a live object (ck_apply_merge);
 *   - metadata.managedFields: decoding, the Update entry a non-apply write records
 *     (ck_apply_update), and apply itself with ownership, pruning of fields the applier
 *     no longer sets, conflicts and force (ck_apply_apply).
 *
 * Objects are what ckube stores, without Go's zero values; where Kubernetes' answer depends
 * on a zero value being present (a non-pointer struct is always there, a nil slice without
 * omitempty is null) the schema's POINTER and OMITEMPTY flags stand in for it.
 *
 * Nothing here touches the network or a loop: any thread.
 */
#ifndef CK_API_APPLY_H
#define CK_API_APPLY_H

#include <jansson.h>

#include "base/compat.h"

#include "api/fieldset.h"
#include "api/schema.h"
#include "base/error.h"

/* K8S: validation.FieldManagerMaxLength. */
#define CK_APPLY_MANAGER_MAX 128

/* K8S: the manager that owns what an object held before its first apply. */
#define CK_APPLY_BEFORE_FIRST_APPLY "before-first-apply"

/* Who is writing (one managedFields entry's identity) and when. */
struct ck_apply_manager {
	const char *manager;     /* fieldManager, or derived from the User-Agent */
	const char *api_version; /* the resource's "group/version" ("v1" for core) */
	const char *subresource; /* "" or NULL for the main resource, else "status", "scale"... */
	const char *time;        /* now, RFC 3339 */
};

/* One decoded metadata.managedFields entry. */
struct ck_apply_entry {
	char *manager;
	bool apply; /* operation Apply (else Update) */
	char *api_version;
	char *subresource; /* "" for none */
	char *time;        /* NULL when absent */
	struct ck_fieldset set;
};

struct ck_apply_managed {
	struct ck_apply_entry *e;
	size_t n, alloc;
};

void ck_apply_managed_release(struct ck_apply_managed *m);

/*
 * Decode metadata.managedFields (an array, or NULL/null for none) into *out (empty on
 * entry). 400 BadRequest on entries that are not objects, unknown operations or fieldsType,
 * or malformed FieldsV1; *out is then released.
 */
int ck_apply_managed_decode(const json_t *mf, struct ck_apply_managed *out, struct ck_error **err);

/*
 * Append the managedFields array for m as compact JSON, sorted as kube-apiserver sorts it
 * (operation, time, manager, apiVersion, subresource); entries with empty sets are left
 * out; nothing is appended when no entry is left.
 */
void ck_apply_managed_encode(const struct ck_apply_managed *m, struct ck_buf *out);

/*
 * The field set of obj (a value of the root type) into *out (empty on entry), as
 * structured-merge-diff's ToFieldSet: leaves, atomic values, map entries and list
 * elements are members; struct fields only when null or empty. metadata.managedFields is
 * skipped. -1 with a 400 *err when a map-list element has none of its key fields.
 */
int ck_apply_to_set(const struct ck_schema_type *root, const json_t *obj, struct ck_fieldset *out,
                    struct ck_error **err);

/* What changed from one version of an object to the next. */
struct ck_apply_diff {
	struct ck_fieldset added, modified, removed;
};

void ck_apply_diff_release(struct ck_apply_diff *d);

/*
 * Compare old (NULL: an empty object, as for a create) with new into *out (empty on
 * entry): leaves and atomics added, modified or removed, and the maps, lists and
 * elements that appear or disappear. metadata.managedFields is skipped. Errors as
 * ck_apply_to_set.
 */
int ck_apply_compare(const struct ck_schema_type *root, const json_t *old, const json_t *new_obj,
                     struct ck_apply_diff *out, struct ck_error **err);

/*
 * Merge config into live (NULL: nothing yet) as structured-merge-diff's Merge: structs and
 * granular maps key by key, map-lists element by key, sets by value, atomic values
 * replaced; a null in config removes the field. *out is a new object; live and config are
 * not modified. Errors as ck_apply_to_set.
 */
int ck_apply_merge(const struct ck_schema_type *root, const json_t *live, const json_t *config,
                   json_t **out, struct ck_error **err);

/*
 * The bookkeeping of a non-apply write (create, update, patch) by m: obj is the object
 * about to be stored, old what is stored (NULL for a create). Computes obj's
 * metadata.managedFields from the entries taken from obj (the client may write them; K8S:
 * a list holding one empty entry resets them) or else from old, with the paths this write
 * changed moved to m's Update entry. They leave obj's tree: their JSON, compact and in
 * the canonical form stored values have, is appended to *managed, to be written where
 * ObjectMeta puts managedFields (nothing when no entry is left). Building them as text
 * spares the FieldsV1 tree, about a third of a create's allocations. As kube-apiserver
 * does, an existing object with no managedFields is not tracked until its first apply,
 * and a subresource write ignores the managedFields in obj. On failure (managedFields in
 * obj are malformed, a map-list element without keys) returns -1 with *err and removes
 * obj's managedFields.
 */
int ck_apply_update(const struct ck_schema_type *root, const json_t *old, json_t *obj,
                    const struct ck_apply_manager *m, struct ck_buf *managed,
                    struct ck_error **err);

/* ck_apply_apply flags: which part of the object the write may change. */
enum {
	CK_APPLY_RESET_STATUS = 1u << 0, /* main resource of a kind with status: no status */
	CK_APPLY_ONLY_STATUS = 1u << 1,  /* the status subresource: status (and metadata) only */
};

/*
 * Apply config (the parsed apply-patch body) for m to live (NULL: the object does not
 * exist and is created): merge it, make m's Apply entry own exactly config's fields,
 * remove what m applied before, no longer applies and nobody else owns, and take
 * ownership from other managers. A field another manager owns whose value the apply
 * changes is a conflict: without force, -1 with a 409 Conflict *err (K8S: "Apply failed
 * with 1 conflict: conflict with \"kubectl\" using v1: .data.key") and *causes a new
 * array of FieldManagerConflict causes; with force, the others lose those fields.
 * On success *out is the new object (a new reference) without managedFields, and their
 * JSON is appended to *managed, as ck_apply_update writes it. Other failures are 400
 * BadRequest (config holds managedFields, malformed live managedFields, a map-list
 * element without keys).
 */
int ck_apply_apply(const struct ck_schema_type *root, const json_t *live, const json_t *config,
                   const struct ck_apply_manager *m, unsigned flags, bool force, json_t **out,
                   struct ck_buf *managed, json_t **causes, struct ck_error **err);

/*
 * Parse an apply-patch body, YAML or JSON (K8S: sigs.k8s.io/yaml, YAML 1.1 scalars), into
 * a JSON object (*out, new). 400 BadRequest when it is not one YAML document holding a
 * mapping.
 */
int ck_apply_parse_config(const char *data, size_t len, json_t **out, struct ck_error **err);

/*
 * K8S: handlers managerOrUserAgent's default: the User-Agent up to its first '/', without
 * non-printable characters, cut to CK_APPLY_MANAGER_MAX bytes, into buf.
 */
void ck_apply_manager_from_user_agent(const char *ua, char buf[CK_APPLY_MANAGER_MAX + 1]);

#endif
