/*
 * The per-kind API schema (DESIGN.md §3): one declarative description of every type
 * reachable from the kinds ckube serves, generated from the Kubernetes API definitions by
 * tools/gen-schema.py into static const tables (schema-tables.c). It answers what the API
 * server needs to know about an object's shape:
 *
 *   - strict field validation (fieldValidation=Strict|Warn|Ignore): unknown fields with
 *     their full paths, and values of the wrong JSON type, as Go's typed decoding in
 *     kube-apiserver reports them (ck_schema_check, ck_schema_validate_unknown);
 *   - strategic merge patch: patch strategy and merge key of the field at a path
 *     (ck_schema_patch_lookup, a ck_patch_lookup_fn for api/patch.h);
 *   - protobuf request bodies: the field of a message by number, with its value kind and
 *     the message type of nested values (ck_schema_field_by_proto);
 *   - OpenAPI v2/v3 and defaulting (later): JSON types and formats follow from the value
 *     kinds and Go type names, required flags, list types and map keys, group-version-kinds.
 *
 * Representation. A struct ck_schema_type is one Go struct (io.k8s.api.core.v1.PodSpec)
 * or one of the special types whose JSON form is a scalar (Quantity, Time, IntOrString,
 * RawExtension, ...). Its fields are one array: first the nfields fields of its JSON
 * object, sorted by name (strcmp) for binary search, then nextra protobuf-only fields
 * (members inlined into the JSON object but nested in protobuf, and the fields of the
 * special types' messages). proto_index lists the protobuf fields by number. Types point
 * at each other, so a walk over an object never searches by name more than once a level.
 * Everything is static const data: nothing is allocated or initialised at startup, and
 * every lookup here is allocation-free and safe on any thread. The cost is size: a field
 * is 64 bytes, and in a PIE each pointer is a dynamic relocation applied at load (about
 * 5,700 for the whole schema; linking with -z pack-relative-relocs makes them ~2 KB).
 *
 * Protobuf facts a decoder needs beyond the tables (K8S: generated.proto is proto2, as
 * gogo-protobuf writes it):
 *   - scalars: STRING and BYTES are length-delimited, BOOL/INT32/INT64 varints (int32 and
 *     int64, not zigzag), DOUBLE fixed64; repeated scalars are written unpacked but a
 *     decoder must accept packed ones too;
 *   - ARRAY fields are repeated fields of the element; MAP fields are repeated entry
 *     messages {1: key (string), 2: value};
 *   - OBJECT values and the special kinds are embedded messages whose layout is ->type's
 *     proto_index (Quantity {1: string}, IntOrString {1: type, 2: intVal, 3: strVal},
 *     Time and MicroTime {1: seconds, 2: nanos}, RawExtension {1: raw}, FieldsV1 {1: Raw});
 *   - fields with CK_SCHEMA_F_INLINE are messages whose fields belong in the enclosing JSON
 *     object (core/v1 Volume's volumeSource = 2);
 *   - the request envelope is "k8s\0" then runtime.Unknown (CK_SCHEMA_TYPE_UNKNOWN).
 */
#ifndef CK_API_SCHEMA_H
#define CK_API_SCHEMA_H

#include <jansson.h>

#include "base/compat.h"

#include "api/patch.h"
#include "base/error.h"

/* What a value is, in JSON and in protobuf (the field's kind, or its elements'). */
enum ck_schema_vkind {
	CK_SCHEMA_NONE = 0,
	CK_SCHEMA_STRING, /* also Go's named string types (v1.RestartPolicy) */
	CK_SCHEMA_BOOL,
	CK_SCHEMA_INT32,
	CK_SCHEMA_INT64,
	CK_SCHEMA_DOUBLE,        /* float64 */
	CK_SCHEMA_BYTES,         /* []byte: base64 string in JSON, bytes in protobuf */
	CK_SCHEMA_QUANTITY,      /* resource.Quantity: "100m" (or a number) */
	CK_SCHEMA_INT_OR_STRING, /* intstr.IntOrString: an int32 or a string */
	CK_SCHEMA_TIME,          /* metav1.Time: RFC 3339 string or null */
	CK_SCHEMA_MICRO_TIME,    /* metav1.MicroTime: RFC 3339 with microseconds */
	CK_SCHEMA_DURATION,      /* metav1.Duration: Go duration string ("1m30s") */
	CK_SCHEMA_RAW,           /* any JSON: RawExtension, FieldsV1, interface{} (type NULL) */
	CK_SCHEMA_OBJECT,        /* a struct: JSON object with the fields of ->type */
	CK_SCHEMA_ARRAY,         /* list of ->elem */
	CK_SCHEMA_MAP,           /* JSON object, any string key -> ->elem */
};

/* K8S: +listType (OpenAPI x-kubernetes-list-type); NONE when the member has no tag. */
enum ck_schema_list_type {
	CK_SCHEMA_LIST_NONE = 0,
	CK_SCHEMA_LIST_ATOMIC,
	CK_SCHEMA_LIST_SET,
	CK_SCHEMA_LIST_MAP, /* keyed by ->list_map_keys */
};

/* K8S: +mapType / +structType on a member (OpenAPI x-kubernetes-map-type). */
enum ck_schema_map_type {
	CK_SCHEMA_MAP_NONE = 0,
	CK_SCHEMA_MAP_ATOMIC,
	CK_SCHEMA_MAP_GRANULAR,
};

/* Field flags. */
enum {
	/* K8S: kube-openapi's rule: +required, else not +optional and no omitempty */
	CK_SCHEMA_F_REQUIRED = 1u << 0,
	CK_SCHEMA_F_OMITEMPTY = 1u << 1, /* json:",omitempty": zero values are not written */
	CK_SCHEMA_F_POINTER = 1u << 2,   /* Go pointer: absent and zero differ (nil is null) */
	CK_SCHEMA_F_INLINE = 1u << 3,    /* protobuf-only: a message inlined into the JSON object */
	CK_SCHEMA_F_PROMOTED = 1u << 4,  /* JSON field of an inlined member; proto is 0 here */
};

/* Type flags. */
enum {
	CK_SCHEMA_T_ATOMIC = 1u << 0,   /* K8S: +structType=atomic */
	CK_SCHEMA_T_GRANULAR = 1u << 1, /* K8S: +structType=granular */
	CK_SCHEMA_T_PROTO = 1u << 2,    /* has a protobuf message (Table has none) */
};

struct ck_schema_type;

struct ck_schema_field {
	const char *name;                  /* JSON name (protobuf-only fields: protobuf name) */
	const struct ck_schema_type *type; /* OBJECT, special kinds, or elements of those */
	/*
	 * The Go type as encoding/json names it in errors (reflect's String, pointer
	 * stripped): "[]v1.Container", "int32", "v1.RestartPolicy", "map[string]string".
	 */
	const char *go_type;
	const char *merge_key;            /* K8S: patchMergeKey; NULL when none */
	const char *const *list_map_keys; /* K8S: +listMapKey, NULL-terminated; NULL unless MAP */
	const char *description;          /* NULL for now (no upstream text is copied) */
	uint32_t proto;                   /* protobuf field number; 0 when not in protobuf */
	uint8_t kind;                     /* enum ck_schema_vkind */
	uint8_t elem;                     /* enum ck_schema_vkind of ARRAY and MAP elements */
	uint8_t strategy;                 /* K8S: patchStrategy, CK_PATCH_STRATEGY_* bits */
	uint8_t list_type;                /* enum ck_schema_list_type */
	uint8_t map_type;                 /* enum ck_schema_map_type */
	uint8_t flags;                    /* CK_SCHEMA_F_* */
};

/* A Go package of API types. */
struct ck_schema_package {
	const char *go_path; /* "k8s.io/api/core/v1" */
	const char *go_name; /* "v1": the package name in Go type names */
	const char *openapi; /* "io.k8s.api.core.v1": prefix of OpenAPI definition names */
	const char *proto;   /* "k8s.io.api.core.v1": the protobuf package */
	const char *group;   /* API group ("" for core); NULL for non-API packages */
	const char *version; /* "v1"; NULL for non-API packages */
};

struct ck_schema_type {
	const char *name; /* Go, OpenAPI and protobuf name: "PodSpec" */
	const struct ck_schema_package *pkg;
	const struct ck_schema_field *fields; /* nfields JSON fields by name, then nextra */
	const uint16_t *proto_index;          /* nproto indexes into fields, by number */
	const char *description;              /* NULL for now */
	uint16_t nfields;
	uint16_t nextra;
	uint16_t nproto;
	uint8_t wrapper; /* the CK_SCHEMA_* kind a special type stands for; 0 for structs */
	uint8_t flags;   /* CK_SCHEMA_T_* */
};

/* A root kind: what apiVersion + kind name in a request body or an envelope. */
struct ck_schema_kind {
	const char *group; /* "" for the core group */
	const char *version;
	const char *kind;
	const struct ck_schema_type *type;
	struct ck_patch_schema patch; /* ck_schema_patch_lookup over type */
};

/* OpenAPI names of the protobuf envelope's messages, for ck_schema_type_find. */
#define CK_SCHEMA_TYPE_UNKNOWN   "io.k8s.apimachinery.pkg.runtime.Unknown"
#define CK_SCHEMA_TYPE_TYPE_META "io.k8s.apimachinery.pkg.runtime.TypeMeta"

/* K8S: protobuf wire types (encoding.proto): what a field's tag says follows. */
enum ck_schema_wire {
	CK_SCHEMA_WIRE_VARINT = 0,
	CK_SCHEMA_WIRE_FIXED64 = 1,
	CK_SCHEMA_WIRE_BYTES = 2, /* length-delimited */
	CK_SCHEMA_WIRE_FIXED32 = 5,
};

/* K8S: sigs.k8s.io/json keeps at most this many strict decoding errors. */
#define CK_SCHEMA_MAX_STRICT_ERRORS 100

/*
 * The kind group/version/kind, or NULL. group is "" for the core group. Besides the
 * resources' kinds and their *List kinds, every group version has DeleteOptions and
 * WatchEvent (K8S: metav1.AddToGroupVersion), "" v1 has Status, and meta.k8s.io v1 has
 * Table. Binary search; allocation-free.
 */
const struct ck_schema_kind *ck_schema_kind_find(const char *group, const char *version,
                                                 const char *kind);

/* Every kind, sorted by group, version and kind: i in [0, ck_schema_kind_count()). */
size_t ck_schema_kind_count(void);
const struct ck_schema_kind *ck_schema_kind_at(size_t i);

/*
 * The type with the given OpenAPI definition name ("io.k8s.api.core.v1.PodSpec",
 * "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"), or NULL. Binary search.
 */
const struct ck_schema_type *ck_schema_type_find(const char *openapi_name);

/* Every type, sorted by package and name: i in [0, ck_schema_type_count()). */
size_t ck_schema_type_count(void);
const struct ck_schema_type *ck_schema_type_at(size_t i);

/* The upstream versions the tables were generated from (a sentence, for logs). */
const char *ck_schema_upstream(void);

/*
 * The JSON field of type named by the len bytes at name (case-sensitive, as Kubernetes
 * decodes: K8S: sigs.k8s.io/json CaseSensitive), or NULL. _find takes a C string.
 */
const struct ck_schema_field *ck_schema_field_findn(const struct ck_schema_type *type,
                                                    const char *name, size_t len);
const struct ck_schema_field *ck_schema_field_find(const struct ck_schema_type *type,
                                                   const char *name);

/*
 * The field of type's protobuf message with the given number, or NULL (unknown numbers
 * are skipped by protobuf decoders). May be a protobuf-only field (index >= nfields).
 */
const struct ck_schema_field *ck_schema_field_by_proto(const struct ck_schema_type *type,
                                                       uint32_t number);

/*
 * The wire type of one value of kind in k8s generated.proto: VARINT for BOOL, INT32 and
 * INT64, FIXED64 for DOUBLE, BYTES for everything else (strings, bytes, messages, and
 * each element of a repeated or map field). A packed repeated scalar arrives as BYTES
 * instead and must be accepted too.
 */
enum ck_schema_wire ck_schema_wire_type(enum ck_schema_vkind kind);

/*
 * The field at path below root, or NULL. path is what api/patch.h's lookups take: JSON
 * names joined with '.', "[]" after a list field for "an element of this list"
 * ("spec.template.spec.containers[].ports"); a segment after a MAP field is a key of the
 * map. NULL when a segment is unknown, when the path goes into a scalar, a free-form value
 * or a list element without "[]", or ends in "[]" (an element, not a field).
 */
const struct ck_schema_field *ck_schema_path_find(const struct ck_schema_type *root,
                                                  const char *path);

/*
 * A ck_patch_lookup_fn over the schema: ctx is the root kind's const struct
 * ck_schema_type *. Fills *out with the field's patch strategy and merge key and returns
 * true when the field at path has either; false otherwise (unknown field, or no metadata:
 * maps merge, lists are replaced). Allocation-free; any thread.
 */
bool ck_schema_patch_lookup(const void *ctx, const char *path, struct ck_patch_field *out);

/*
 * The strategic merge patch schema of a kind's objects, for ck_patch_apply: static, so the
 * pointer may be kept (a resource row's smp).
 */
const struct ck_patch_schema *ck_schema_patch_schema(const struct ck_schema_kind *kind);

/*
 * Called by ck_schema_check for each strict decoding problem, in document order: msg is
 * `unknown field "spec.containers[0].imagePullPolicyy"` (K8S: sigs.k8s.io/json
 * strictError), valid during the call only.
 */
typedef void ck_schema_strict_fn(void *ctx, const char *msg);

/* ck_schema_check flags. */
enum {
	CK_SCHEMA_CHECK_PRUNE = 1u << 0, /* delete unknown fields from the value */
};

/*
 * Check that v decodes as a value of type, the way kube-apiserver's typed JSON decoding
 * (sigs.k8s.io/json UnmarshalStrict into the Go struct) would, and report unknown fields.
 *
 * Unknown fields: each one (at most CK_SCHEMA_MAX_STRICT_ERRORS) is passed to strict
 * (which may be NULL) with its full path: object keys joined with '.', list indexes as
 * "[i]", map keys as keys ("spec.containers[0].imagePullPolicyy"). Free-form values (maps'
 * keys, RawExtension, FieldsV1, interface{}) accept any content. With
 * CK_SCHEMA_CHECK_PRUNE unknown fields are deleted from v, as decoding into the Go struct
 * drops them. Duplicate keys cannot reach here (ck_json_parse rejects them).
 *
 * Decode errors: returns -1 with a 400 BadRequest *err whose message is what Go says, e.g.
 * `json: cannot unmarshal string into Go struct field PodSpec.spec.containers of type
 * []v1.Container`, "illegal base64 data at input byte 4", or ckube's quantity and time
 * parse errors (which name the value). As in Go the first type mismatch in document order
 * is reported, but an error from a custom decoder (Quantity, Time, IntOrString) stops the
 * walk and wins. strict may have been called before an error is found; callers drop what
 * it collected when the call fails. Number literals are re-printed from their parsed
 * value: "1.0" reads back as "number 1.0", "1e3" as "number 1000.0".
 *
 * Returns 0 when v decodes. null is accepted for every field, as Go accepts it. Runs on
 * any thread; allocates only for the paths it builds.
 */
int ck_schema_check(const struct ck_schema_type *type, json_t *v, unsigned flags,
                    ck_schema_strict_fn *strict, void *ctx, struct ck_error **err);

/* K8S: the fieldValidation query parameter (metav1.FieldValidation*; "" means Warn). */
enum ck_schema_validation {
	CK_SCHEMA_VALIDATION_IGNORE = 0,
	CK_SCHEMA_VALIDATION_WARN,
	CK_SCHEMA_VALIDATION_STRICT,
};

/*
 * Decode-check a request body obj (a create or update of kind) as kube-apiserver does
 * for fieldValidation=mode, and drop its unknown fields (K8S: they are never stored):
 *   - a decode error (wrong type) fails in every mode;
 *   - Strict: unknown fields fail, all of them in one message;
 *   - Warn: warn(ctx, msg) is called for each, `unknown field "x"`, to become a
 *     `Warning: 299 - "unknown field \"x\""` response header; then 0;
 *   - Ignore: unknown fields are dropped silently.
 * Failures are 400 BadRequest with kube-apiserver's message (K8S: handlers/rest.go
 * transformDecodeError): `ConfigMap in version "v1" cannot be handled as a ConfigMap:
 * strict decoding error: unknown field "dataa", unknown field "x"`. On failure obj may
 * have lost some unknown fields. warn may be NULL. Runs on any thread.
 */
int ck_schema_validate_unknown(const struct ck_schema_kind *kind, json_t *obj,
                               enum ck_schema_validation mode, ck_schema_strict_fn *warn, void *ctx,
                               struct ck_error **err);

/*
 * As ck_schema_validate_unknown, for a body whose JSON text (len bytes, valid JSON) had
 * duplicate object members: under Strict and Warn each repeated member is also a problem,
 * `duplicate field "spec.replicas"` (K8S: sigs.k8s.io/json DisallowDuplicateFields), listed
 * before the unknown fields (Go interleaves them in document order). obj must have been
 * parsed with the last value of a repeated member winning, as Go decodes it. text NULL:
 * exactly ck_schema_validate_unknown.
 */
int ck_schema_validate_body(const struct ck_schema_kind *kind, json_t *obj, const char *text,
                            size_t len, enum ck_schema_validation mode, ck_schema_strict_fn *warn,
                            void *ctx, struct ck_error **err);

/*
 * Decode-check the result of a PATCH of kind as kube-apiserver does for fieldValidation=mode
 * (K8S: handlers/patch.go), and drop its unknown fields. patch is the parsed patch body
 * (may be NULL: then no problem is looked for in the patch itself); result the patched
 * object.
 *   - a JSON patch's operations are decoded strictly first (Strict and Warn): a member other
 *     than op, path, from and value is `json patch unknown field "[0].foo"`;
 *   - then the result, as for a create; its unknown fields come sorted (K8S: the strategic
 *     merge patch's FromUnstructuredWithValidation sorts them; the JSON and merge patches
 *     decode Go's re-encoding of a map, which has its keys sorted);
 *   - a decode error (wrong type) fails in every mode; Strict fails when there is a problem,
 *     with all of them in one message; Warn passes each to warn(ctx, msg); Ignore drops the
 *     unknown fields silently.
 * Returns 0 with result pruned, or -1 with result untouched and *err a 422 Invalid whose
 * message is the detail only, "strict decoding error: unknown field \"spec.foo\"" or the
 * decode error: the caller wraps it into kube's field.Invalid(patch, <value>, detail), whose
 * value depends on the patch type. Runs on any thread.
 */
int ck_schema_validate_patch(const struct ck_schema_kind *kind, enum ck_patch_type type,
                             const json_t *patch, json_t *result, enum ck_schema_validation mode,
                             ck_schema_strict_fn *warn, void *ctx, struct ck_error **err);

#endif
