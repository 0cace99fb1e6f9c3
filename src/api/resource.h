/*
 * The resource table (DESIGN.md §3): one row of struct ck_resource per kind the API server
 * serves. A row names the kind as discovery publishes it (group, version, kind, plural,
 * short names, categories, verbs, scope), how it is stored (its etcd prefix), which field
 * selectors it supports, its server-side Table columns, and the hooks that make it more
 * than a bag of JSON: defaulting, validation, and the status strategy (which parts a write
 * to the object or to its status subresource may change). The handlers are generic: adding
 * a kind is adding a row.
 *
 * The table is static and read-only: any thread.
 */
#ifndef CK_API_RESOURCE_H
#define CK_API_RESOURCE_H

#include <jansson.h>

#include "base/compat.h"

#include "api/status.h"

struct ck_patch_schema;
struct ck_api_op;

/* K8S: the verbs discovery lists (APIResource.verbs). */
enum {
	CK_API_VERB_GET = 1u << 0,
	CK_API_VERB_LIST = 1u << 1,
	CK_API_VERB_WATCH = 1u << 2,
	CK_API_VERB_CREATE = 1u << 3,
	CK_API_VERB_UPDATE = 1u << 4,
	CK_API_VERB_PATCH = 1u << 5,
	CK_API_VERB_DELETE = 1u << 6,
	CK_API_VERB_DELETECOLLECTION = 1u << 7,
};
#define CK_API_VERBS_ALL  0xffu
#define CK_API_VERB_COUNT 8

/* The name of verb bit i ("get", "list", ...), in discovery's (alphabetical) order. */
const char *ck_api_verb_name(unsigned verb);

/* Which validation metadata.name gets (K8S: the kind's ValidateNameFunc). */
enum ck_api_name_rule {
	CK_API_NAME_SUBDOMAIN, /* NameIsDNSSubdomain: most kinds */
	CK_API_NAME_LABEL,     /* NameIsDNSLabel: namespaces */
	CK_API_NAME_DNS1035,   /* NameIsDNS1035Label: services */
};

/*
 * A field selector the kind supports (K8S: its AddFieldLabelConversionFunc and GetAttrs).
 * metadata.name and metadata.namespace come from the object's key (path NULL); the others
 * from a dotted JSON path the watch cache keeps with every object.
 */
struct ck_api_field {
	const char *label; /* as clients write it: "spec.nodeName" */
	const char *path;  /* JSON path; NULL for metadata.name and metadata.namespace */
	const char *alt;   /* a second path used when path is absent; NULL for none */
	const char *dflt;  /* the value of an absent field ("false" for booleans); NULL: "" */
};

/* One column of the kind's server-side Table (K8S: printers.go column definitions). */
struct ck_api_column {
	const char *name;
	const char *type; /* "string", "integer", ... */
	const char *format;
	const char *description;
	int priority; /* 0: always shown; 1: only with -o wide */
};

/*
 * Append the cells of obj's Table row to cells, one per column (K8S: printers.go
 * print<Kind> with Wide: true, as kube-apiserver calls it). now is the wall clock in
 * seconds, for ages.
 */
typedef void ck_api_row_fn(const json_t *obj, json_t *cells, time_t now);

/* Fill defaults into an object about to be stored (K8S: SetDefaults_<Kind>). */
typedef void ck_api_default_fn(json_t *obj);

/*
 * Validate an object about to be stored (old: the stored version for an update, NULL for
 * a create), appending field errors to errs (K8S: Validate<Kind>, beyond the metadata
 * checks every kind gets).
 */
typedef void ck_api_validate_fn(const json_t *obj, const json_t *old, struct ck_api_errlist *errs);

/*
 * Status strategy on create: reset what a client may not set on a new object (K8S:
 * PrepareForCreate, e.g. a new Deployment's status is empty, a new Namespace is Active).
 */
typedef void ck_api_prepare_create_fn(json_t *obj);

/*
 * Serve a request to a subresource with a handler of its own (api-int.h: the op carries the
 * row, namespace and name; the router has checked the method against the verbs).
 */
typedef void ck_api_sub_fn(struct ck_api_op *op);

/*
 * A subresource that is more than a view of its object's status or scale (K8S: the
 * kind's storage map, e.g. pods/log, serviceaccounts/token), as discovery lists it: the
 * group, version and kind of what it answers with ("" group and NULL version: the
 * resource's own), and the verbs it takes (GET for a Getter, CREATE for a NamedCreater).
 */
struct ck_api_subresource {
	const char *name; /* "log": the URL segment after the object's name */
	const char *group;
	const char *version;
	const char *kind;
	unsigned verbs; /* CK_API_VERB_GET or CK_API_VERB_CREATE */
	ck_api_sub_fn *serve;
};

struct ck_resource {
	const char *group;              /* "" for the core group */
	const char *version;            /* "v1" */
	const char *api_version;        /* "v1" or "apps/v1": group/version as objects carry it */
	const char *kind;               /* "ConfigMap" */
	const char *list_kind;          /* "ConfigMapList" */
	const char *plural;             /* "configmaps": the URL segment */
	const char *singular;           /* "configmap" */
	const char *const *short_names; /* NULL-terminated; NULL for none */
	const char *const *categories;  /* NULL-terminated; NULL for none */
	bool namespaced;
	unsigned verbs; /* CK_API_VERB_* */
	/* Below /registry/: "configmaps"; Kubernetes' historical names for some kinds. */
	const char *etcd_resource;
	enum ck_api_name_rule name_rule;
	const struct ck_api_field *fields; /* ended by a NULL label */
	const struct ck_api_column *columns;
	size_t ncolumns;
	ck_api_row_fn *row;
	/*
	 * A status subresource ("<plural>/status"): updates of the object keep the stored
	 * status, updates of the status keep everything else (K8S: the kind's Strategy and
	 * StatusStrategy PrepareForUpdate).
	 */
	bool has_status;
	/* metadata.generation is 1 on create and grows with every change of spec. */
	bool has_spec;
	/* K8S: AllowCreateOnUpdate: a PUT of a missing object creates it. */
	bool create_on_update;
	/* K8S: AllowUnconditionalUpdate: a PUT without resourceVersion updates whatever is stored. */
	bool unconditional_update;
	/*
	 * K8S: Store.ReturnDeletedObject: DELETE answers with the deleted object; otherwise
	 * with a Status of Success naming it.
	 */
	bool delete_returns_object;
	ck_api_default_fn *defaults;       /* NULL: none */
	ck_api_validate_fn *validate;      /* NULL: metadata checks only */
	ck_api_prepare_create_fn *prepare; /* NULL: status kept as sent (kinds without status) */
	const struct ck_patch_schema *smp; /* strategic merge patch metadata; NULL: none yet */
	/* Subresources with handlers of their own, ended by a NULL name; NULL for none. */
	const struct ck_api_subresource *subresources;
};

/* Every row, in discovery order; *n receives the count. */
const struct ck_resource *const *ck_api_resources(size_t *n);

/* The row for group/version/plural ("" group for core), or NULL. */
const struct ck_resource *ck_api_resource_find(const char *group, const char *version,
                                               const char *plural);

/*
 * "configmaps" or "deployments.apps": the qualified resource Kubernetes puts in messages
 * (K8S: schema.GroupResource.String()). Writes into buf (size bytes) and returns it.
 */
const char *ck_api_resource_qualified(const struct ck_resource *r, char *buf, size_t size);

/* "ConfigMap" or "Deployment.apps" (K8S: schema.GroupKind.String()), likewise. */
const char *ck_api_resource_qualified_kind(const struct ck_resource *r, char *buf, size_t size);

/*
 * True when the kind has a scale subresource (K8S: deployments, replicasets and
 * statefulsets of apps/v1 serve autoscaling/v1 Scale; daemonsets do not).
 */
bool ck_api_resource_has_scale(const struct ck_resource *r);

/* The subresource of r named name among r->subresources, or NULL. */
const struct ck_api_subresource *ck_api_resource_subresource(const struct ck_resource *r,
                                                             const char *name);

/* The field selector definition for label, or NULL when the kind does not support it. */
const struct ck_api_field *ck_api_resource_field(const struct ck_resource *r, const char *label);

#endif
