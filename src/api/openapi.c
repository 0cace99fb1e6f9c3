/*
 * The OpenAPI documents (see openapi.h): swagger 2.0 for /openapi/v2 and OpenAPI 3.0 for
 * /openapi/v3/<group version>, both built by the same walk over the resource table and the
 * schema tables, and the handler that serves them with kube-openapi's caching headers.
 *
 * Shapes follow what kube-apiserver serves (K8S: kube-openapi's builder and handlers):
 *   - a definition per type, named by its OpenAPI name (io.k8s.api.core.v1.PodSpec):
 *     "type": "object", "properties", "required"; x-kubernetes-group-version-kind (a list)
 *     on the types of served kinds and their lists; x-kubernetes-map-type on struct types
 *     tagged +structType;
 *   - a property per JSON field: scalars as type/format (int32, int64, double, byte),
 *     lists as "items", maps as "additionalProperties", structs and the special types as
 *     "$ref"; with x-kubernetes-patch-merge-key, x-kubernetes-patch-strategy
 *     ("merge,retainKeys"), x-kubernetes-list-type, x-kubernetes-list-map-keys and
 *     x-kubernetes-map-type where the Go member has the tags. In v3 a "$ref" with siblings
 *     is wrapped in "allOf" (OpenAPI 3.0 ignores the siblings of a bare "$ref");
 *   - the special types: Quantity a string (v3: oneOf string, number), IntOrString a string
 *     of format int-or-string (v3: oneOf integer, string), Time and MicroTime date-time
 *     strings, RawExtension and FieldsV1 free-form objects;
 *   - paths for every served resource: list/create/deletecollection on the collection,
 *     read/replace/patch/delete on an object, status and scale subresources, list across
 *     namespaces, each operation with operationId, x-kubernetes-action,
 *     x-kubernetes-group-version-kind and the query parameters ckube honours, among them
 *     dryRun and fieldValidation on the writes.
 * Descriptions are left out: ckube carries no upstream documentation text.
 */
#include <time.h>

#include <jansson.h>
#include <openssl/evp.h>

#include "base/compat.h"

#include "api/openapi.h"
#include "api/resource.h"
#include "api/schema.h"
#include "base/buf.h"
#include "base/error.h"
#include "base/json.h"
#include "base/log.h"
#include "base/mem.h"
#include "net/http-server.h"
#include "version.h"

#define LOG_DOMAIN "api"

struct ck_openapi {
	bool v3_built;
	struct ck_openapi_doc v3_root;
	struct ck_openapi_doc *gvs; /* one per served group version, in table order */
	size_t ngvs;
	struct ck_openapi_doc *v2[2]; /* [0] JSON, [1] protobuf; NULL until asked for */
};

/* Which document a schema or operation is written for. */
enum flavor {
	V2, /* swagger 2.0: refs to #/definitions/ */
	V3, /* OpenAPI 3.0: refs to #/components/schemas/ */
};

/* ---- sets of types -------------------------------------------------------------------- */

struct typeset {
	const struct ck_schema_type **t;
	size_t n, alloc;
};

static bool typeset_has(const struct typeset *s, const struct ck_schema_type *t)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->t[i] == t)
			return true;
	return false;
}

/* Add t and every type its JSON fields reach. */
static void typeset_add_closure(struct typeset *s, const struct ck_schema_type *t)
{
	if (!t || typeset_has(s, t))
		return;
	CK_ALLOC_GROW(s->t, s->n + 1, s->alloc);
	s->t[s->n++] = t;
	if (t->wrapper)
		return;
	/* Only the JSON fields: protobuf-only (inlined) members have no JSON name. */
	for (size_t i = 0; i < t->nfields; i++)
		typeset_add_closure(s, t->fields[i].type);
}

/* ---- roots: the kinds a document is about ------------------------------------------- */

/* A kind the documents name with x-kubernetes-group-version-kind. */
struct root {
	const char *group, *version, *kind;
	const struct ck_schema_type *type; /* NULL when the schema tables lack the kind */
};

struct roots {
	struct root *r;
	size_t n, alloc;
};

static void roots_add(struct roots *rs, const char *group, const char *version, const char *kind)
{
	const struct ck_schema_kind *sk = ck_schema_kind_find(group, version, kind);

	for (size_t i = 0; i < rs->n; i++)
		if (!strcmp(rs->r[i].group, group) && !strcmp(rs->r[i].version, version) &&
		    !strcmp(rs->r[i].kind, kind))
			return;
	if (!sk)
		ck_debug(LOG_DOMAIN, "openapi: no schema for %s%s%s %s", group, *group ? "/" : "",
		         version, kind);
	CK_ALLOC_GROW(rs->r, rs->n + 1, rs->alloc);
	rs->r[rs->n++] = (struct root){group, version, kind, sk ? sk->type : NULL};
}

/* The type of group/version kind, or NULL. */
static const struct ck_schema_type *kind_type(const char *group, const char *version,
                                              const char *kind)
{
	const struct ck_schema_kind *sk = ck_schema_kind_find(group, version, kind);

	return sk ? sk->type : NULL;
}

/* K8S: deployments, replicasets and statefulsets serve autoscaling/v1 Scale. */
#define SCALE_GROUP   "autoscaling"
#define SCALE_VERSION "v1"
#define SCALE_KIND    "Scale"

/* The roots of the rows of one group version (group NULL: of every row). */
static void roots_of(struct roots *rs, const char *group, const char *version)
{
	size_t n;
	const struct ck_resource *const *rows = ck_api_resources(&n);

	for (size_t i = 0; i < n; i++) {
		const struct ck_resource *r = rows[i];

		if (group && (strcmp(r->group, group) || strcmp(r->version, version)))
			continue;
		roots_add(rs, r->group, r->version, r->kind);
		if (r->list_kind)
			roots_add(rs, r->group, r->version, r->list_kind);
		if (ck_api_resource_has_scale(r))
			roots_add(rs, SCALE_GROUP, SCALE_VERSION, SCALE_KIND);
	}
}

/* ---- schemas ------------------------------------------------------------------------ */

static json_t *ref_to(enum flavor fl, const struct ck_schema_type *t)
{
	char *s = ck_xasprintf("%s%s.%s", fl == V2 ? "#/definitions/" : "#/components/schemas/",
	                       t->pkg->openapi, t->name);
	json_t *j = json_pack("{s:s}", "$ref", s);

	free(s);
	return j;
}

static json_t *type_format(const char *type, const char *format)
{
	json_t *j = json_pack("{s:s}", "type", type);

	if (format)
		json_object_set_new(j, "format", json_string(format));
	return j;
}

/*
 * The schema of a special type's JSON form (K8S: the OpenAPISchemaType/-Format and
 * OpenAPIV3OneOfTypes methods of resource.Quantity, intstr.IntOrString, metav1.Time, ...).
 */
static json_t *special_schema(enum flavor fl, unsigned kind)
{
	switch (kind) {
	case CK_SCHEMA_QUANTITY:
		if (fl == V3)
			return json_pack("{s:[{s:s},{s:s}]}", "oneOf", "type", "string", "type",
			                 "number");
		return type_format("string", NULL);
	case CK_SCHEMA_INT_OR_STRING:
		if (fl == V3)
			return json_pack("{s:s,s:[{s:s},{s:s}]}", "format", "int-or-string",
			                 "oneOf", "type", "integer", "type", "string");
		return type_format("string", "int-or-string");
	case CK_SCHEMA_TIME:
	case CK_SCHEMA_MICRO_TIME:
		return type_format("string", "date-time");
	case CK_SCHEMA_DURATION:
		return type_format("string", NULL);
	case CK_SCHEMA_RAW:
		return type_format("object", NULL);
	default:
		return json_object();
	}
}

/* The schema of one value of kind (a field's, or a list's or map's element). */
static json_t *value_schema(enum flavor fl, unsigned kind, const struct ck_schema_type *type)
{
	if (type && (kind == CK_SCHEMA_OBJECT || type->wrapper))
		return ref_to(fl, type);
	switch (kind) {
	case CK_SCHEMA_STRING:
		return type_format("string", NULL);
	case CK_SCHEMA_BOOL:
		return type_format("boolean", NULL);
	case CK_SCHEMA_INT32:
		return type_format("integer", "int32");
	case CK_SCHEMA_INT64:
		return type_format("integer", "int64");
	case CK_SCHEMA_DOUBLE:
		return type_format("number", "double");
	case CK_SCHEMA_BYTES:
		return type_format("string", "byte");
	case CK_SCHEMA_RAW:
		/* interface{}: any value (K8S: no type at all, not even object). */
		return type ? special_schema(fl, kind) : json_object();
	case CK_SCHEMA_OBJECT:
		return type_format("object", NULL);
	default:
		return special_schema(fl, kind);
	}
}

static const char *list_type_name(unsigned lt)
{
	switch (lt) {
	case CK_SCHEMA_LIST_ATOMIC:
		return "atomic";
	case CK_SCHEMA_LIST_SET:
		return "set";
	case CK_SCHEMA_LIST_MAP:
		return "map";
	default:
		return NULL;
	}
}

static const char *map_type_name(unsigned mt)
{
	return mt == CK_SCHEMA_MAP_ATOMIC     ? "atomic"
	       : mt == CK_SCHEMA_MAP_GRANULAR ? "granular"
	                                      : NULL;
}

/* The property schema of field f, with its extensions. */
static json_t *field_schema(enum flavor fl, const struct ck_schema_field *f)
{
	json_t *s;
	bool ext = false;

	if (f->kind == CK_SCHEMA_ARRAY) {
		s = json_pack("{s:s,s:o}", "type", "array", "items",
		              value_schema(fl, f->elem, f->type));
	} else if (f->kind == CK_SCHEMA_MAP) {
		s = json_pack("{s:s,s:o}", "type", "object", "additionalProperties",
		              value_schema(fl, f->elem, f->type));
	} else {
		s = value_schema(fl, f->kind, f->type);
	}
	/* K8S: the member's patchMergeKey/patchStrategy struct tags. */
	if (f->merge_key) {
		json_object_set_new(s, "x-kubernetes-patch-merge-key", json_string(f->merge_key));
		ext = true;
	}
	if (f->strategy) {
		struct ck_buf b = CK_BUF_INIT;

		if (f->strategy & CK_PATCH_STRATEGY_MERGE)
			ck_buf_adds(&b, "merge");
		if (f->strategy & CK_PATCH_STRATEGY_REPLACE)
			ck_buf_addf(&b, "%sreplace", b.len ? "," : "");
		if (f->strategy & CK_PATCH_STRATEGY_RETAIN_KEYS)
			ck_buf_addf(&b, "%sretainKeys", b.len ? "," : "");
		json_object_set_new(s, "x-kubernetes-patch-strategy", json_string(b.data));
		ck_buf_release(&b);
		ext = true;
	}
	/* K8S: +listType, +listMapKey, +mapType on the member. */
	if (list_type_name(f->list_type)) {
		json_object_set_new(s, "x-kubernetes-list-type",
		                    json_string(list_type_name(f->list_type)));
		ext = true;
	}
	if (f->list_map_keys) {
		json_t *keys = json_array();

		for (size_t i = 0; f->list_map_keys[i]; i++)
			json_array_append_new(keys, json_string(f->list_map_keys[i]));
		json_object_set_new(s, "x-kubernetes-list-map-keys", keys);
		ext = true;
	}
	if (map_type_name(f->map_type)) {
		json_object_set_new(s, "x-kubernetes-map-type",
		                    json_string(map_type_name(f->map_type)));
		ext = true;
	}
	if (fl == V3 && ext && json_object_get(s, "$ref")) {
		/* K8S: kube-openapi's v3 builder puts a $ref that has siblings in allOf. */
		json_t *ref = json_pack("{s:O}", "$ref", json_object_get(s, "$ref"));

		json_object_del(s, "$ref");
		json_object_set_new(s, "allOf", json_pack("[o]", ref));
	}
	return s;
}

/* K8S: x-kubernetes-group-version-kind of a definition: every root kind of that type. */
static json_t *type_gvks(const struct roots *rs, const struct ck_schema_type *t)
{
	json_t *list = NULL;

	for (size_t i = 0; i < rs->n; i++) {
		if (rs->r[i].type != t)
			continue;
		if (!list)
			list = json_array();
		json_array_append_new(list,
		                      json_pack("{s:s,s:s,s:s}", "group", rs->r[i].group, "kind",
		                                rs->r[i].kind, "version", rs->r[i].version));
	}
	return list;
}

static json_t *type_schema(enum flavor fl, const struct roots *gvk_roots,
                           const struct ck_schema_type *t)
{
	json_t *s, *props, *required, *gvks;

	if (t->wrapper)
		return special_schema(fl, t->wrapper);
	s = json_pack("{s:s}", "type", "object");
	props = json_object();
	required = json_array();
	for (size_t i = 0; i < t->nfields; i++) {
		const struct ck_schema_field *f = &t->fields[i];

		json_object_set_new(props, f->name, field_schema(fl, f));
		if (f->flags & CK_SCHEMA_F_REQUIRED)
			json_array_append_new(required, json_string(f->name));
	}
	json_object_set_new(s, "properties", props);
	if (json_array_size(required))
		json_object_set_new(s, "required", required);
	else
		json_decref(required);
	if ((gvks = type_gvks(gvk_roots, t)))
		json_object_set_new(s, "x-kubernetes-group-version-kind", gvks);
	/* K8S: +structType=atomic|granular is published as x-kubernetes-map-type. */
	if (t->flags & CK_SCHEMA_T_ATOMIC)
		json_object_set_new(s, "x-kubernetes-map-type", json_string("atomic"));
	else if (t->flags & CK_SCHEMA_T_GRANULAR)
		json_object_set_new(s, "x-kubernetes-map-type", json_string("granular"));
	return s;
}

/* The definitions of every type the roots reach, by OpenAPI name. */
static json_t *schemas_of(enum flavor fl, const struct roots *rs, const struct roots *gvk_roots)
{
	struct typeset ts = {0};
	json_t *defs = json_object();

	for (size_t i = 0; i < rs->n; i++)
		typeset_add_closure(&ts, rs->r[i].type);
	for (size_t i = 0; i < ts.n; i++) {
		char *name = ck_xasprintf("%s.%s", ts.t[i]->pkg->openapi, ts.t[i]->name);

		json_object_set_new(defs, name, type_schema(fl, gvk_roots, ts.t[i]));
		free(name);
	}
	free(ts.t);
	return defs;
}

/* ---- paths -------------------------------------------------------------------------- */

struct param {
	const char *name;
	const char *type;
};

/* K8S: the query parameters kube-apiserver's installer declares per action (those ckube reads). */
static const struct param p_list[] = {
        {"allowWatchBookmarks", "boolean"},
        {"continue", "string"},
        {"fieldSelector", "string"},
        {"labelSelector", "string"},
        {"limit", "integer"},
        {"resourceVersion", "string"},
        {"resourceVersionMatch", "string"},
        {"timeoutSeconds", "integer"},
        {"watch", "boolean"},
};
/* K8S: create and update: dryRun, fieldManager, fieldValidation. */
static const struct param p_write[] = {
        {"dryRun", "string"},
        {"fieldManager", "string"},
        {"fieldValidation", "string"},
};
/* K8S: patch adds force (server-side apply). */
static const struct param p_patch[] = {
        {"dryRun", "string"},
        {"fieldManager", "string"},
        {"fieldValidation", "string"},
        {"force", "boolean"},
};
static const struct param p_delete[] = {
        {"dryRun", "string"},
        {"gracePeriodSeconds", "integer"},
        {"orphanDependents", "boolean"},
        {"propagationPolicy", "string"},
};
static const struct param p_deletecollection[] = {
        {"continue", "string"},          {"dryRun", "string"},
        {"fieldSelector", "string"},     {"gracePeriodSeconds", "integer"},
        {"labelSelector", "string"},     {"limit", "integer"},
        {"orphanDependents", "boolean"}, {"propagationPolicy", "string"},
        {"resourceVersion", "string"},   {"resourceVersionMatch", "string"},
        {"timeoutSeconds", "integer"},
};

static json_t *param_json(enum flavor fl, const char *name, const char *in, const char *type)
{
	json_t *p = json_pack("{s:s,s:s}", "name", name, "in", in);

	if (fl == V2) {
		json_object_set_new(p, "type", json_string(type));
		if (strcmp(in, "path"))
			json_object_set_new(p, "uniqueItems", json_true());
	} else {
		json_t *s = json_pack("{s:s}", "type", type);

		if (strcmp(in, "path"))
			json_object_set_new(s, "uniqueItems", json_true());
		json_object_set_new(p, "schema", s);
	}
	if (!strcmp(in, "path"))
		json_object_set_new(p, "required", json_true());
	return p;
}

static json_t *params_json(enum flavor fl, const struct param *ps, size_t n)
{
	json_t *a = json_array();

	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, param_json(fl, ps[i].name, "query", ps[i].type));
	return a;
}

/* What one operation is: its HTTP method, action, id verb and parameters. */
struct op {
	const char *method;  /* "get", "post", ... (the path item's key) */
	const char *action;  /* K8S: x-kubernetes-action */
	const char *id_verb; /* operationId prefix: "list", "create", "read", ... */
	const char *id_mid;  /* between the group version and the scope: "Collection" or "" */
	const struct param *params;
	size_t nparams;
	bool body;     /* a request body of the kind (create, replace) */
	bool list_out; /* the response is the kind's list */
};

#define OP_PARAMS(a) .params = (a), .nparams = CK_ARRAY_SIZE(a)

static const struct op op_list = {"get", "list", "list", "", OP_PARAMS(p_list), false, true};
static const struct op op_create = {"post", "post", "create", "", OP_PARAMS(p_write), true, false};
static const struct op op_deletecollection = {
        "delete", "deletecollection", "delete", "Collection", OP_PARAMS(p_deletecollection), false,
        false};
static const struct op op_read = {"get", "get", "read", "", NULL, 0, false, false};
static const struct op op_replace = {"put", "put", "replace", "", OP_PARAMS(p_write), true, false};
static const struct op op_patch = {"patch", "patch", "patch", "", OP_PARAMS(p_patch), false, false};
static const struct op op_delete = {"delete", "delete", "delete", "", OP_PARAMS(p_delete),
                                    false,    false};

/* "CoreV1", "AppsV1", "RbacAuthorizationV1": the group version in operationIds. */
static void gv_camel(struct ck_buf *b, const char *group, const char *version)
{
	const char *end = group + strlen(group);
	bool up = true;

	if (!*group)
		ck_buf_adds(b, "Core");
	/* K8S: the ".k8s.io" suffix is dropped, the other dots start a new word. */
	if (end - group > 7 && !strcmp(end - 7, ".k8s.io"))
		end -= 7;
	for (const char *p = group; p < end; p++) {
		if (*p == '.') {
			up = true;
			continue;
		}
		ck_buf_addch(b, up && *p >= 'a' && *p <= 'z' ? (char)(*p - 'a' + 'A') : *p);
		up = false;
	}
	ck_buf_addch(b, version[0] >= 'a' && version[0] <= 'z' ? (char)(version[0] - 'a' + 'A')
	                                                       : version[0]);
	ck_buf_adds(b, version + 1);
}

/*
 * The kind an operation is about: the group, version and kind its operationId names, the
 * types of its bodies (either may be NULL), and the group-version-kind it declares when
 * that is another (gvk[2] NULL: the same).
 */
struct op_kind {
	const char *group, *version, *kind;
	const struct ck_schema_type *type, *list_type;
	const char *gvk[3];
};

static json_t *content_json(json_t *schema)
{
	return json_pack("{s:{s:{s:o}}}", "content", "application/json", "schema", schema);
}

/*
 * One operation on the path item. namespaced: the path has {namespace}; suffix names the
 * subresource ("Status") or the cross-namespace list ("ForAllNamespaces") in the id.
 */
static void add_op(enum flavor fl, json_t *item, const struct op *op, const struct op_kind *k,
                   bool namespaced, const char *suffix)
{
	struct ck_buf id = CK_BUF_INIT;
	json_t *o, *params, *responses;
	const struct ck_schema_type *out = op->list_out ? k->list_type : k->type;

	ck_buf_adds(&id, op->id_verb);
	gv_camel(&id, k->group, k->version);
	ck_buf_adds(&id, op->id_mid);
	if (namespaced)
		ck_buf_adds(&id, "Namespaced");
	ck_buf_adds(&id, k->kind);
	ck_buf_adds(&id, suffix);
	params = params_json(fl, op->params, op->nparams);
	o = json_pack("{s:s,s:s,s:{s:s,s:s,s:s}}", "operationId", id.data, "x-kubernetes-action",
	              op->action, "x-kubernetes-group-version-kind", "group",
	              k->gvk[2] ? k->gvk[0] : k->group, "kind", k->gvk[2] ? k->gvk[2] : k->kind,
	              "version", k->gvk[2] ? k->gvk[1] : k->version);
	ck_buf_release(&id);
	if (op->body && k->type) {
		if (fl == V2) {
			json_array_insert_new(params, 0,
			                      json_pack("{s:s,s:s,s:b,s:o}", "name", "body", "in",
			                                "body", "required", true, "schema",
			                                ref_to(fl, k->type)));
		} else {
			json_t *rb = content_json(ref_to(fl, k->type));

			json_object_set_new(rb, "required", json_true());
			json_object_set_new(o, "requestBody", rb);
		}
	}
	/*
	 * No requestBody on PATCH: K8S (reference §3.4) kubectl >= 1.27 computes apply's
	 * patch from the v3 schemas only when the operation declares
	 * application/strategic-merge-patch+json; without it, it uses the v2 definitions,
	 * which carry the same patch metadata, as kubectl 1.20 does.
	 */
	if (json_array_size(params))
		json_object_set_new(o, "parameters", params);
	else
		json_decref(params);
	if (out && strcmp(op->action, "delete") && strcmp(op->action, "deletecollection")) {
		json_t *r = fl == V2 ? json_pack("{s:s,s:o}", "description", "OK", "schema",
		                                 ref_to(fl, out))
		                     : content_json(ref_to(fl, out));

		if (fl == V3)
			json_object_set_new(r, "description", json_string("OK"));
		responses = json_pack("{s:o}", "200", r);
		if (!strcmp(op->action, "post"))
			json_object_set_new(responses, "201", json_deep_copy(r));
	} else {
		responses = json_pack("{s:{s:s}}", "200", "description", "OK");
	}
	json_object_set_new(o, "responses", responses);
	json_object_set_new(item, op->method, o);
}

/* A path item with the path-level parameters: {name}, {namespace}, pretty. */
static json_t *path_item(enum flavor fl, json_t *paths, const char *path, bool name,
                         bool namespaced)
{
	json_t *item = json_object(), *params = json_array();

	if (name)
		json_array_append_new(params, param_json(fl, "name", "path", "string"));
	if (namespaced)
		json_array_append_new(params, param_json(fl, "namespace", "path", "string"));
	json_array_append_new(params, param_json(fl, "pretty", "query", "string"));
	json_object_set_new(item, "parameters", params);
	json_object_set_new(paths, path, item);
	return item;
}

/* The paths of one resource row. */
static void add_resource_paths(enum flavor fl, json_t *paths, const struct ck_resource *r)
{
	struct op_kind k = {r->group, r->version, r->kind, kind_type(r->group, r->version, r->kind),
	                    r->list_kind ? kind_type(r->group, r->version, r->list_kind) : NULL};
	char *prefix = *r->group ? ck_xasprintf("/apis/%s/%s", r->group, r->version)
	                         : ck_xasprintf("/api/%s", r->version);
	char *coll = ck_xasprintf("%s%s/%s", prefix, r->namespaced ? "/namespaces/{namespace}" : "",
	                          r->plural);
	char *obj = ck_xasprintf("%s/{name}", coll);
	unsigned v = r->verbs;
	json_t *item;

	if (v & (CK_API_VERB_LIST | CK_API_VERB_CREATE | CK_API_VERB_DELETECOLLECTION)) {
		item = path_item(fl, paths, coll, false, r->namespaced);
		if (v & CK_API_VERB_LIST)
			add_op(fl, item, &op_list, &k, r->namespaced, "");
		if (v & CK_API_VERB_CREATE)
			add_op(fl, item, &op_create, &k, r->namespaced, "");
		if (v & CK_API_VERB_DELETECOLLECTION)
			add_op(fl, item, &op_deletecollection, &k, r->namespaced, "");
	}
	if (v & (CK_API_VERB_GET | CK_API_VERB_UPDATE | CK_API_VERB_PATCH | CK_API_VERB_DELETE)) {
		item = path_item(fl, paths, obj, true, r->namespaced);
		if (v & CK_API_VERB_GET)
			add_op(fl, item, &op_read, &k, r->namespaced, "");
		if (v & CK_API_VERB_UPDATE)
			add_op(fl, item, &op_replace, &k, r->namespaced, "");
		if (v & CK_API_VERB_PATCH)
			add_op(fl, item, &op_patch, &k, r->namespaced, "");
		if (v & CK_API_VERB_DELETE)
			add_op(fl, item, &op_delete, &k, r->namespaced, "");
	}
	if (r->has_status) {
		char *p = ck_xasprintf("%s/status", obj);

		item = path_item(fl, paths, p, true, r->namespaced);
		add_op(fl, item, &op_read, &k, r->namespaced, "Status");
		add_op(fl, item, &op_replace, &k, r->namespaced, "Status");
		add_op(fl, item, &op_patch, &k, r->namespaced, "Status");
		free(p);
	}
	if (ck_api_resource_has_scale(r)) {
		/*
		 * K8S: the scale subresource's operations name autoscaling/v1 Scale in their
		 * group-version-kind and the resource in their ids (readAppsV1NamespacedDeploymentScale).
		 */
		char *p = ck_xasprintf("%s/scale", obj);
		char *id_kind = ck_xasprintf("%sScale", r->kind);
		struct op_kind sk = {r->group, r->version,
		                     id_kind,  kind_type(SCALE_GROUP, SCALE_VERSION, SCALE_KIND),
		                     NULL,     {SCALE_GROUP, SCALE_VERSION, SCALE_KIND}};

		item = path_item(fl, paths, p, true, r->namespaced);
		add_op(fl, item, &op_read, &sk, r->namespaced, "");
		add_op(fl, item, &op_replace, &sk, r->namespaced, "");
		add_op(fl, item, &op_patch, &sk, r->namespaced, "");
		free(id_kind);
		free(p);
	}
	if (r->namespaced && (v & CK_API_VERB_LIST)) {
		char *p = ck_xasprintf("%s/%s", prefix, r->plural);

		item = path_item(fl, paths, p, false, false);
		add_op(fl, item, &op_list, &k, false, "ForAllNamespaces");
		free(p);
	}
	free(prefix);
	free(coll);
	free(obj);
}

/* ---- documents ---------------------------------------------------------------------- */

static json_t *info_json(void)
{
	return json_pack("{s:s,s:s}", "title", "Kubernetes", "version", ck_kube_version);
}

/* The swagger 2.0 document: every served resource's paths and every type they reach. */
static json_t *build_v2(void)
{
	size_t n;
	const struct ck_resource *const *rows = ck_api_resources(&n);
	struct roots rs = {0};
	json_t *paths = json_object(), *doc;

	roots_of(&rs, NULL, NULL);
	for (size_t i = 0; i < n; i++)
		add_resource_paths(V2, paths, rows[i]);
	doc = json_pack("{s:s,s:o,s:o,s:o}", "swagger", "2.0", "info", info_json(), "paths", paths,
	                "definitions", schemas_of(V2, &rs, &rs));
	free(rs.r);
	return doc;
}

/* The OpenAPI 3.0 document of one group version; all: the roots of every row. */
static json_t *build_v3_gv(const char *group, const char *version, const struct roots *all)
{
	size_t n;
	const struct ck_resource *const *rows = ck_api_resources(&n);
	struct roots rs = {0};
	json_t *paths = json_object(), *doc;

	roots_of(&rs, group, version);
	for (size_t i = 0; i < n; i++)
		if (!strcmp(rows[i]->group, group) && !strcmp(rows[i]->version, version))
			add_resource_paths(V3, paths, rows[i]);
	doc = json_pack("{s:s,s:o,s:o,s:{s:o}}", "openapi", "3.0.0", "info", info_json(), "paths",
	                paths, "components", "schemas", schemas_of(V3, &rs, all));
	free(rs.r);
	return doc;
}

/* K8S: kube-openapi computeETag: the SHA-512 of the bytes in uppercase hex. */
static void doc_etag(struct ck_openapi_doc *d)
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int mdlen = 0;

	CK_BUG_ON(!EVP_Digest(d->data, d->len, md, &mdlen, EVP_sha512(), NULL));
	CK_BUG_ON(mdlen * 2 >= sizeof(d->etag));
	for (unsigned int i = 0; i < mdlen; i++)
		snprintf(d->etag + 2 * i, 3, "%02X", md[i]);
}

/* Fill d from a JSON document (consumed): sorted keys, as Go's encoding/json writes maps. */
static void doc_from_json(struct ck_openapi_doc *d, json_t *j)
{
	struct ck_buf b = CK_BUF_INIT;

	/* Every string comes from the static tables: valid UTF-8. */
	CK_BUG_ON(ck_json_dump_buf(j, &b, true, NULL) < 0);
	json_decref(j);
	d->data = ck_buf_detach(&b, &d->len);
	doc_etag(d);
}

static void doc_release(struct ck_openapi_doc *d)
{
	free(d->name);
	free(d->data);
}

struct ck_openapi *ck_openapi_new(void)
{
	return ck_xcalloc(1, sizeof(struct ck_openapi));
}

void ck_openapi_free(struct ck_openapi *o)
{
	if (!o)
		return;
	for (size_t i = 0; i < o->ngvs; i++)
		doc_release(&o->gvs[i]);
	free(o->gvs);
	doc_release(&o->v3_root);
	for (size_t i = 0; i < CK_ARRAY_SIZE(o->v2); i++) {
		if (o->v2[i])
			doc_release(o->v2[i]);
		free(o->v2[i]);
	}
	free(o);
}

const struct ck_openapi_doc *ck_openapi_v2(struct ck_openapi *o, bool protobuf)
{
	struct ck_openapi_doc *d = o->v2[protobuf];
	json_t *j;

	if (d)
		return d;
	d = o->v2[protobuf] = ck_xcalloc(1, sizeof(*d));
	d->name = ck_xstrdup("");
	j = build_v2();
	if (protobuf) {
		struct ck_buf b = CK_BUF_INIT;

		ck_openapi_v2_to_pb(j, &b);
		json_decref(j);
		d->data = ck_buf_detach(&b, &d->len);
		doc_etag(d);
	} else {
		doc_from_json(d, j);
	}
	ck_debug(LOG_DOMAIN, "openapi: v2 %s document built: %zu bytes",
	         protobuf ? "protobuf" : "JSON", d->len);
	return d;
}

static void build_v3(struct ck_openapi *o)
{
	size_t n, alloc = 0;
	const struct ck_resource *const *rows = ck_api_resources(&n);
	struct roots all = {0};
	json_t *root_paths = json_object();

	roots_of(&all, NULL, NULL);
	for (size_t i = 0; i < n; i++) {
		const struct ck_resource *r = rows[i];
		char *name = *r->group ? ck_xasprintf("apis/%s/%s", r->group, r->version)
		                       : ck_xasprintf("api/%s", r->version);
		struct ck_openapi_doc *d;
		bool seen = false;

		for (size_t j = 0; j < o->ngvs && !seen; j++)
			seen = !strcmp(o->gvs[j].name, name);
		if (seen) {
			free(name);
			continue;
		}
		CK_ALLOC_GROW(o->gvs, o->ngvs + 1, alloc);
		d = &o->gvs[o->ngvs++];
		memset(d, 0, sizeof(*d));
		d->name = name;
		doc_from_json(d, build_v3_gv(r->group, r->version, &all));
		/* K8S: handler3 constructServerRelativeURL: /openapi/v3/<gv>?hash=<etag>. */
		char *url = ck_xasprintf("/openapi/v3/%s?hash=%s", d->name, d->etag);

		json_object_set_new(root_paths, d->name,
		                    json_pack("{s:s}", "serverRelativeURL", url));
		free(url);
	}
	free(all.r);
	o->v3_root.name = ck_xstrdup("");
	doc_from_json(&o->v3_root, json_pack("{s:o}", "paths", root_paths));
	o->v3_built = true;
	ck_debug(LOG_DOMAIN, "openapi: v3 documents built: %zu group versions", o->ngvs);
}

const struct ck_openapi_doc *ck_openapi_v3_root(struct ck_openapi *o)
{
	if (!o->v3_built)
		build_v3(o);
	return &o->v3_root;
}

const struct ck_openapi_doc *ck_openapi_v3_gv(struct ck_openapi *o, const char *gv)
{
	if (!o->v3_built)
		build_v3(o);
	for (size_t i = 0; i < o->ngvs; i++)
		if (!strcmp(o->gvs[i].name, gv))
			return &o->gvs[i];
	return NULL;
}

/* ---- serving ------------------------------------------------------------------------ */

static void add_header(struct ck_http_request *req, const char *name, const char *value)
{
	struct ck_error *err = NULL;

	/* Our own names and values: a failure is a bug. */
	CK_BUG_ON(ck_http_add_header(req, name, value, &err) < 0);
}

/* True when If-None-Match names etag (quoted) or is "*" (K8S: http.ServeContent). */
static bool etag_matches(const char *inm, const char *quoted)
{
	const char *p;
	size_t qlen = strlen(quoted);

	if (!inm)
		return false;
	if (!strcmp(inm, "*"))
		return true;
	for (p = inm; (p = strstr(p, quoted)); p += qlen) {
		/* A whole list element: `"x"` or `W/"x"`, ended by a comma, blank or the end. */
		char after = p[qlen];

		if (!after || after == ',' || after == ' ' || after == '\t')
			return true;
	}
	return false;
}

/*
 * Answer with document d: ETag always; Vary: Accept where the representation depends on
 * it; with immutable (the request's hash matched) kube's long-lived caching headers. A
 * matching If-None-Match gets 304 without a body.
 */
static void reply_doc(struct ck_http_request *req, const struct ck_openapi_doc *d,
                      const char *content_type, bool vary, bool immutable)
{
	char quoted[sizeof(d->etag) + 2];

	snprintf(quoted, sizeof(quoted), "\"%s\"", d->etag);
	add_header(req, "ETag", quoted);
	if (vary)
		add_header(req, "Vary", "Accept");
	if (immutable) {
		/* K8S: handler3: Cache-Control public, immutable; Expires a year from now. */
		char expires[64];
		time_t t = time(NULL) + 365 * 24 * 3600;
		struct tm tm;

		gmtime_r(&t, &tm);
		strftime(expires, sizeof(expires), "%a, %d %b %Y %H:%M:%S GMT", &tm);
		add_header(req, "Cache-Control", "public, immutable");
		add_header(req, "Expires", expires);
	}
	if (etag_matches(ck_http_request_header(req, "If-None-Match"), quoted)) {
		ck_http_reply(req, 304, NULL, "", 0);
		return;
	}
	ck_http_reply(req, 200, content_type, d->data, d->len);
}

/* K8S: a type/subtype in Accept, or a wildcard that covers it; no Accept accepts all. */
static bool accepts(const char *accept, const char *type)
{
	return !accept || !*accept || strstr(accept, type) || strstr(accept, "*/*") ||
	       strstr(accept, "application/*");
}

static void reply_not_acceptable(struct ck_http_request *req)
{
	ck_http_reply_error(req, 406, CK_REASON_NOT_ACCEPTABLE,
	                    "only the following media types are accepted: application/json");
}

/*
 * K8S (reference §2): kubectl 1.20 asks for
 * application/com.github.proto-openapi.spec.v2@v1.0+protobuf (newer clients spell it
 * ...spec.v2.v1.0+protobuf) and decodes the body as gnostic protobuf; the answer's type is
 * application/octet-stream, because Go's mime parser rejects the "@" in the type it asked
 * for. Anything else that takes JSON gets the swagger JSON.
 */
static void serve_v2(struct ck_openapi *o, struct ck_http_request *req)
{
	const char *accept = ck_http_request_header(req, "Accept");

	if (accept && strstr(accept, "com.github.proto-openapi.spec.v2")) {
		reply_doc(req, ck_openapi_v2(o, true), "application/octet-stream", true, false);
		return;
	}
	if (!accepts(accept, "application/json")) {
		reply_not_acceptable(req);
		return;
	}
	reply_doc(req, ck_openapi_v2(o, false), "application/json", true, false);
}

static void serve_v3_gv(struct ck_openapi *o, struct ck_http_request *req, const char *gv)
{
	const struct ck_openapi_doc *d = ck_openapi_v3_gv(o, gv);
	const char *hash = ck_http_request_param(req, "hash");
	struct ck_buf loc = CK_BUF_INIT;

	if (!d) {
		ck_http_reply_error(req, 404, CK_REASON_NOT_FOUND,
		                    "the server could not find the requested resource");
		return;
	}
	/* Only JSON: kubectl asks for application/json (the v3 protobuf form is not served). */
	if (!accepts(ck_http_request_header(req, "Accept"), "application/json")) {
		reply_not_acceptable(req);
		return;
	}
	if (hash && *hash && strcmp(hash, d->etag)) {
		/* K8S: handler3: a stale hash is redirected (301) to the current URL. */
		ck_buf_addf(&loc, "/openapi/v3/%s?hash=%s", d->name, d->etag);
		add_header(req, "Location", loc.data);
		ck_buf_release(&loc);
		ck_http_reply(req, 301, "text/html; charset=utf-8", "Moved Permanently.\n", 19);
		return;
	}
	reply_doc(req, d, "application/json", true, hash && *hash);
}

bool ck_openapi_serve(struct ck_openapi **cache, struct ck_http_request *req, const char *path)
{
	const char *method = ck_http_request_method(req), *rest;

	if (strcmp(method, "GET") && strcmp(method, "HEAD"))
		return false;
	if (strcmp(path, "/openapi/v2") && strcmp(path, "/openapi/v3") &&
	    !ck_str_has_prefix(path, "/openapi/v3/"))
		return false;
	if (!*cache)
		*cache = ck_openapi_new();
	if (!strcmp(path, "/openapi/v2")) {
		serve_v2(*cache, req);
	} else if (!strcmp(path, "/openapi/v3") || !strcmp(path, "/openapi/v3/")) {
		reply_doc(req, ck_openapi_v3_root(*cache), "application/json", false, false);
	} else {
		CK_BUG_ON(!ck_str_skip_prefix(path, "/openapi/v3/", &rest));
		serve_v3_gv(*cache, req, rest);
	}
	return true;
}
