/*
 * Private parts of the API server (apiserver.h): the server's state, the per-request
 * context every handler carries across its asynchronous steps (etcd calls, watch cache
 * waits, watch streams), and the functions the handler files share.
 *
 * Everything here runs on the server's loop.
 */
#ifndef CK_API_API_INT_H
#define CK_API_API_INT_H

#include <jansson.h>

#include "base/compat.h"

#include "api/apiserver.h"
#include "api/patch.h"
#include "api/resource.h"
#include "api/status.h"
#include "base/buf.h"
#include "base/error.h"
#include "base/metrics.h"
#include "base/selector.h"
#include "net/http-server.h"
#include "store/etcd.h"
#include "store/watch-cache.h"

struct event;
struct ck_openapi;
struct ck_watch_cache_etcd;

#define CK_API_LOG "api"

/* K8S: the system namespaces kube-apiserver's bootstrap controller creates. */
#define CK_API_NS_DEFAULT "default"

/*
 * K8S: a consistent read waits this long for the watch cache before failing (3 s in the
 * cacher; longer here because etcd 3.4's gateway cannot request a progress notification,
 * so a quiet prefix catches up only at the next periodic one).
 */
#define CK_API_FRESH_WAIT_MS 10000
/* K8S: MinRequestTimeout (1800 s): a watch without timeoutSeconds lasts 1-2 times this. */
#define CK_API_WATCH_MIN_TIMEOUT_S 1800
/* K8S: the cacher sends watchers that allow them a bookmark about every minute. */
#define CK_API_BOOKMARK_MS 60000
/* A watch stream with more than this queued is paused, and resumed below the low mark. */
#define CK_API_WATCH_HIGH (1u << 20)
#define CK_API_WATCH_LOW  (256u << 10)
/* A watch stream whose queued bytes pass this is cut off at once. */
#define CK_API_WATCH_CUTOFF (16u << 20)
/* Lists larger than this are streamed in chunks as the client reads them. */
#define CK_API_LIST_STREAM_BYTES (256u << 10)
/* K8S: createWithGenerateNameRetry tries this many random names. */
#define CK_API_GENERATE_NAME_TRIES 8
/* Conflicts an update without a precondition retries before giving up (GuaranteedUpdate). */
#define CK_API_UPDATE_RETRIES 5

/* One resource at run time: its row, etcd prefix and watch cache. */
struct ck_api_rstate {
	const struct ck_resource *res;
	char *prefix; /* "/registry/configmaps/" */
	struct ck_watch_cache *cache;
	struct ck_watch_cache_etcd *feed;
	/* For each field selector of the row: the cache field index of path and alt, or -1. */
	int *field_idx;
	int *field_alt;
};

/*
 * The value of a field selector's field (a label of the row's fields, or metadata.name or
 * metadata.namespace) of a cached object, as selectors see it; NULL when it has none.
 */
const char *ck_api_obj_field(const struct ck_api_rstate *rs, const struct ck_obj *obj,
                             const char *field);

struct ck_api_op;
struct ck_api_ns_boot;
struct ck_api_health;

struct ck_apiserver {
	struct event_base *base;
	struct ck_etcd *etcd;
	struct ck_http_server *http;
	struct ck_api_rstate *rs;
	size_t nrs;
	char *server_address; /* "host:port" for /api's serverAddressByClientCIDRs */
	char *sa_key_pem;     /* the service-account signing key, or NULL (apiserver.h) */
	uint16_t port;
	struct ck_api_op *ops; /* requests in progress (a list) */
	/* System namespaces: how many are known to exist, and the retry timer. */
	size_t ns_ready;
	bool ns_inflight;
	struct ck_api_ns_boot *ns_boot; /* the create in flight, or NULL */
	struct event *ns_timer;
	ck_apiserver_stopped_fn *stopped;
	void *stopped_arg;
	bool stopping;
	/* /metrics (metrics.c): the registry and its families. */
	struct ck_metrics *metrics;
	struct ck_metrics_family *m_requests, *m_latency, *m_longrunning, *m_watchers, *m_etcd;
	bool etcd_observed; /* this server is the etcd client's observer */
	/* The /openapi documents, built at their first request (openapi.h). */
	struct ck_openapi *openapi;
};

enum ck_api_verb_kind {
	CK_API_OP_GET,
	CK_API_OP_LIST,
	CK_API_OP_WATCH,
	CK_API_OP_CREATE,
	CK_API_OP_UPDATE,
	CK_API_OP_PATCH,
	CK_API_OP_DELETE,
	CK_API_OP_DELETECOLLECTION,
	CK_API_OP_HEALTH,
};

/* The subresource a request names (K8S: RequestInfo.Subresource). */
enum ck_api_sub {
	CK_API_SUB_NONE,
	CK_API_SUB_STATUS,   /* <plural>/status: the status strategy (resource.h has_status) */
	CK_API_SUB_SCALE,    /* deployments|replicasets|statefulsets/scale: autoscaling/v1 Scale */
	CK_API_SUB_BINDING,  /* pods/binding: POST a Binding */
	CK_API_SUB_EVICTION, /* pods/eviction: POST an Eviction (policy/v1 or v1beta1) */
	CK_API_SUB_FINALIZE, /* namespaces/finalize: PUT the namespace's spec.finalizers */
	CK_API_SUB_HANDLER,  /* one of the row's subresources (resource.h ck_api_subresource) */
};

/* K8S: DeleteOptions.propagationPolicy (and the deprecated orphanDependents). */
enum ck_api_propagation {
	CK_API_PROPAGATE_DEFAULT, /* none given: the object's finalizers, else background */
	CK_API_PROPAGATE_ORPHAN,
	CK_API_PROPAGATE_BACKGROUND,
	CK_API_PROPAGATE_FOREGROUND,
};

/* The parts of DeleteOptions that decide what a delete does (deletion.c). */
struct ck_api_delete_opts {
	bool has_grace;
	int64_t grace; /* gracePeriodSeconds, >= 0 (a negative one reads as 1) */
	enum ck_api_propagation propagation;
	int orphan; /* orphanDependents: -1 not given, 0 false, 1 true */
};

/* K8S: EvictionsRetry.Steps: an eviction retries this many conflicts before giving up. */
#define CK_API_EVICTION_RETRIES 20

/* K8S: TableOptions.includeObject. */
enum ck_api_include {
	CK_API_INCLUDE_METADATA,
	CK_API_INCLUDE_NONE,
	CK_API_INCLUDE_OBJECT,
};

/*
 * One request in progress. Created by the router, freed when the request is finished and
 * no etcd call it started is still in flight. srv is NULL once the server has been freed
 * (the op only waits for its etcd callbacks then); req is NULL once the request is finished.
 */
struct ck_api_op {
	struct ck_apiserver *srv;
	struct ck_api_op *prev, *next;
	struct ck_http_request *req;
	enum ck_api_verb_kind kind;
	struct ck_api_rstate *rs;
	const struct ck_resource *res;
	char *ns;   /* "" for cluster-scoped or all namespaces */
	char *name; /* "" for collections */
	bool status_sub;
	enum ck_api_sub sub;
	int etcd_pending;
	struct ck_api_health *health; /* CK_API_OP_HEALTH's state */

	/* Read options. */
	bool table;
	enum ck_api_include include;
	bool rv_given; /* resourceVersion was sent and not empty */
	int64_t rv;    /* its value (0 for "0") */
	int64_t limit;
	char *cont_start; /* continue: the key to resume after */
	int64_t cont_rv;
	struct ck_label_selector *lsel;
	struct ck_field_selector *fsel;
	const char *exact_name; /* metadata.name the field selector requires, or NULL */
	struct ck_watch_cache_wait *wait;
	void (*fresh_then)(struct ck_api_op *op); /* what ck_api_wait_fresh calls next */
	int64_t fresh_rv;                         /* the revision being waited for */
	bool fresh_too_large;                     /* a client's resourceVersion: 504 wording */
	bool table_v1beta1;                       /* Table as meta.k8s.io/v1beta1 */

	/* LIST output in progress (streamed). */
	struct ck_obj_list list;
	size_t list_i;
	int64_t list_rv;
	char *list_continue;
	bool list_streaming;
	bool table_first;

	/* WATCH. */
	struct ck_watch_cache_watcher *watcher;
	struct event *timeout_ev;
	struct event *bookmark_ev;
	bool allow_bookmarks;
	bool send_initial;
	bool watch_list; /* sendInitialEvents was given */
	bool paused;
	bool ended;
	/* The gauges this watch counts in (metrics.c), or NULL before it starts and after. */
	struct ck_metrics_series *m_longrunning, *m_watchers;

	/* Writes. */
	bool dry_run;
	json_t *body; /* the parsed request body */
	/*
	 * body's metadata.managedFields as JSON, kept beside the tree once the field manager
	 * has run (ck_apply_update, ck_apply_apply take them out of it); empty: the tree's.
	 */
	struct ck_buf managed;
	enum ck_patch_type ptype;
	int attempts;
	struct ck_api_delete_opts del; /* DELETE, DELETECOLLECTION, eviction */
	json_t *precond_uid;           /* DELETE preconditions: uid (owned) and resourceVersion */
	char *precond_rv;
	char **coll_names; /* DELETECOLLECTION: the names to delete, NULL-terminated */
	size_t coll_i;
	json_t *coll_out;    /* the deleted objects */
	char *generate_base; /* metadata.generateName of a create */
	int64_t cur_rv;      /* the stored version an update or delete read */
	json_t *cur;         /* that version, parsed, with its resourceVersion */
	char *cur_value;     /* its stored bytes (a no-op update writes nothing); a create's:
				the bytes it writes, which its reply is made of */
	size_t cur_len;
	size_t rv_at;   /* a create's: where resourceVersion goes in cur_value (SIZE_MAX: none) */
	bool client_rv; /* the request named the resourceVersion to replace */

	/* Subresources (handler-subresource.c). */
	int64_t pdb_rv;     /* eviction: the revision of the PodDisruptionBudget read */
	json_t *pdb;        /* eviction: that budget, parsed (owned), or NULL for none */
	char *pdb_key;      /* eviction: its etcd key */
	json_t *scale_body; /* scale PUT: the Scale the client sent (owned) */
};

/* ---- apiserver.c ------------------------------------------------------------------- */

/* A new op for req, linked into the server's list. */
struct ck_api_op *ck_api_op_new(struct ck_apiserver *srv, struct ck_http_request *req,
                                enum ck_api_verb_kind kind);
/* The request is finished (or dropped): free the op once no etcd call is in flight. */
void ck_api_op_done(struct ck_api_op *op);
/*
 * For an etcd callback: account for the call that completed; true when the op should go
 * on (the server and the request are still there), false when it was freed or detached.
 */
bool ck_api_op_resume(struct ck_api_op *op);
/*
 * ck_api_op_resume for an etcd callback's error as well: false when the op was dropped
 * (err is freed) or err is set (the op fails with it, which takes err); true when the
 * callback should go on with its result. On false the caller frees its result, which
 * etcd.h makes NULL whenever err is set.
 */
bool ck_api_op_resume_ok(struct ck_api_op *op, struct ck_error *err);

/* Reply with a Status for err (consumed) and finish the op. d may be NULL. */
void ck_api_op_fail(struct ck_api_op *op, struct ck_error *err,
                    const struct ck_api_status_details *d);
/* Reply with a Status built from code, reason and message, and finish the op. */
void ck_api_op_failf(struct ck_api_op *op, int code, const char *reason,
                     const struct ck_api_status_details *d, const char *fmt, ...)
        __attribute__((format(printf, 5, 6)));
/* Reply with a JSON body (taken) and finish the op. */
void ck_api_op_reply_buf(struct ck_api_op *op, int code, struct ck_buf *body);

/* Details for errors about op's object: name, the resource's group and plural. */
void ck_api_op_details(const struct ck_api_op *op, struct ck_api_status_details *d);

/* The etcd key of ns/name of rs (ns ignored for cluster-scoped kinds). Malloc'ed. */
char *ck_api_key(const struct ck_api_rstate *rs, const char *ns, const char *name);

/* The resource state of a row. */
struct ck_api_rstate *ck_api_rstate_of(struct ck_apiserver *srv, const struct ck_resource *res);

/* ---- discovery.c -------------------------------------------------------------------- */

/* Serve /api, /apis, /apis/<g>, /apis/<g>/<v>, /api/v1, /version, /openapi/v2. */
bool ck_api_discovery(struct ck_apiserver *srv, struct ck_http_request *req, const char *path);

/* ---- handler-read.c / handler-watch.c / handler-write.c ----------------------------- */

/*
 * Parse the read options of op's request (resourceVersion, selectors, limit, continue,
 * Accept); on failure reply and finish the op and return -1.
 */
int ck_api_parse_read_opts(struct ck_api_op *op);
void ck_api_get(struct ck_api_op *op);
void ck_api_list(struct ck_api_op *op);
void ck_api_watch(struct ck_api_op *op);
void ck_api_create(struct ck_api_op *op);
void ck_api_update(struct ck_api_op *op);
void ck_api_patch(struct ck_api_op *op);
void ck_api_delete(struct ck_api_op *op);
void ck_api_delete_collection(struct ck_api_op *op);

/* The filter matching op's selectors, for the watch cache. */
bool ck_api_filter(const struct ck_obj *obj, void *arg);

/* Cancel whatever op has pending on the loop (wait, watcher, timers) before a free. */
void ck_api_op_cancel(struct ck_api_op *op);

/*
 * Wait (asynchronously) until op's cache is fresh enough for a consistent read: with
 * consistent, etcd's current revision; otherwise min_rv. Then call then(op); on failure
 * reply with the error.
 */
void ck_api_wait_fresh(struct ck_api_op *op, bool consistent, int64_t min_rv,
                       void (*then)(struct ck_api_op *op));

/*
 * Shared by the write handlers and handler-subresource.c (handler-write.c): read the
 * stored version of op's object into op->cur (then(op, false) when there is none); apply
 * the update strategy to op->body over op->cur, validate and write it (replying with it,
 * or with its Scale for a scale subresource); reply with obj at rv; 409 Conflict with
 * Kubernetes' optimistic-lock message; 404 for op's object.
 */
void ck_api_read_current(struct ck_api_op *op, void (*then)(struct ck_api_op *op, bool found));
void ck_api_update_finish(struct ck_api_op *op);
void ck_api_reply_obj(struct ck_api_op *op, int code, json_t *obj, int64_t rv);
void ck_api_fail_conflict(struct ck_api_op *op, const char *why);
void ck_api_fail_not_found(struct ck_api_op *op);
/* dryRun=All from the query and body_list (a JSON array or NULL); -1 after a 422 reply. */
int ck_api_parse_dry_run(struct ck_api_op *op, const char *options_kind, const json_t *body_list);

#define CK_API_OPTIMISTIC_LOCK                                                                     \
	"the object has been modified; please apply your changes to the latest version and try "   \
	"again"

/* ---- deletion.c ------------------------------------------------------------------------ */

/* K8S: metav1.FinalizerOrphanDependents, metav1.FinalizerDeleteDependents. */
extern const char ck_api_finalizer_orphan[];
extern const char ck_api_finalizer_foreground[];

/*
 * Read DeleteOptions' gracePeriodSeconds, propagationPolicy and orphanDependents from body
 * (a parsed DeleteOptions) or, when body is NULL, from req's query; invalid values (K8S:
 * ValidateDeleteOptions) are appended to errs for a 422 on kind DeleteOptions.meta.k8s.io.
 */
void ck_api_delete_opts_read(const json_t *body, struct ck_http_request *req,
                             struct ck_api_delete_opts *out, struct ck_api_errlist *errs);

/*
 * ck_api_delete_opts_read into op->del; on invalid options reply 422 and return -1.
 * On op's loop.
 */
int ck_api_delete_opts_parse(struct ck_api_op *op, const json_t *body);

enum ck_api_delete_plan {
	CK_API_DELETE_NOW,     /* remove the object from the store */
	CK_API_DELETE_MARK,    /* store *marked instead; someone else finishes the deletion */
	CK_API_DELETE_PENDING, /* already being deleted: reply with the object as it is */
};

/*
 * What deleting cur (a stored object of res) with options o at wall-clock time now does.
 * On CK_API_DELETE_MARK, *marked is a new object (the caller's) to write in cur's place;
 * it may equal cur (nothing to write). Graceful deletion for pods, the garbage collector's
 * finalizers from propagationPolicy, namespaces becoming Terminating.
 */
enum ck_api_delete_plan ck_api_delete_decide(const struct ck_resource *res, const json_t *cur,
                                             const struct ck_api_delete_opts *o, time_t now,
                                             json_t **marked);

/* ---- handler-subresource.c ---------------------------------------------------------- */

/* POST pods/<name>/eviction (reference §5.5): evict the pod as its budgets allow. */
void ck_api_evict(struct ck_api_op *op);
/* POST pods/<name>/binding: assign the pod to a node once. */
void ck_api_bind(struct ck_api_op *op);
/* GET, PUT and PATCH of <workload>/<name>/scale. */
void ck_api_scale(struct ck_api_op *op);
/* After a lost race: read the workload again and re-apply the Scale body or patch. */
void ck_api_scale_retry(struct ck_api_op *op);
/* The autoscaling/v1 Scale of a stored workload at rv. New reference. */
json_t *ck_api_scale_of(const json_t *obj, int64_t rv);
/* GET pods/<name>/log (resource.h pod row). */
void ck_api_pod_log(struct ck_api_op *op);
/* POST serviceaccounts/<name>/token: a TokenRequest answered with a signed token. */
void ck_api_serviceaccount_token(struct ck_api_op *op);

/* ---- object.c ----------------------------------------------------------------------- */

/* Parse a stored value and set metadata.resourceVersion to rv. NULL on garbage. */
json_t *ck_api_obj_from_kv(const char *value, size_t len, int64_t rv);
/* Set metadata.resourceVersion to the decimal rv (0: remove it). */
void ck_api_obj_set_rv(json_t *obj, int64_t rv);
/* Put kind, apiVersion, metadata first and metadata's fields in ObjectMeta's order. */
json_t *ck_api_obj_normalize(json_t *obj);
/* The compact JSON of obj appended to out. */
void ck_api_obj_dump(const json_t *obj, struct ck_buf *out);
/*
 * ck_api_obj_dump of ck_api_obj_normalize(obj), without building the normalized tree.
 * managed (NULL or empty: none) is the JSON of the object's managedFields kept beside its
 * tree (ck_api_op.managed), written in their place.
 */
void ck_api_obj_dump_normalized(const json_t *obj, const struct ck_buf *managed,
                                struct ck_buf *out);
/*
 * The bytes stored in etcd for obj appended to out: normalized, without resourceVersion
 * (it is the key's revision; obj's is removed). Returns the offset in out where the member
 * "resourceVersion":"<rv>", goes in ObjectMeta's order (the opening quote of the first
 * metadata member after it), or SIZE_MAX when no member follows it there. managed as
 * for ck_api_obj_dump_normalized.
 */
size_t ck_api_obj_dump_stored(json_t *obj, const struct ck_buf *managed, struct ck_buf *out);
/* A random RFC 4122 version 4 UUID into buf (37 bytes). */
void ck_api_uuid(char buf[37]);
/* name with 5 random characters appended, base cut to 58 (K8S: SimpleNameGenerator). */
char *ck_api_generate_name(const char *base);
/* Parse a decimal resourceVersion ("0" allowed); -1 when it is not one. */
int ck_api_parse_rv(const char *s, int64_t *out);
/* Go's strconv.ParseBool; -1 for anything else. */
int ck_api_parse_bool(const char *s, bool *out);
/*
 * A metav1.LabelSelector JSON object as a parsed selector (K8S:
 * metav1.LabelSelectorAsSelector: matchLabels as "k=v", matchExpressions In, NotIn, Exists,
 * DoesNotExist). NULL or null sel gives *out NULL (K8S: a nil selector selects nothing,
 * which callers decide). Returns 0, or -1 with a 400 *err for a malformed selector.
 * The caller frees *out (ck_label_selector_free).
 */
int ck_api_label_selector_from_json(const json_t *sel, struct ck_label_selector **out,
                                    struct ck_error **err);
/* K8S: path.IsValidPathSegmentName; NULL when valid, else the message list. */
const char *ck_api_path_segment_problem(const char *name);

/*
 * The metadata checks every kind gets on create and update (K8S: ValidateObjectMeta and
 * ValidateObjectMetaUpdate), then the kind's own.
 */
void ck_api_validate_meta(const struct ck_resource *res, const json_t *obj, const json_t *old,
                          struct ck_api_errlist *errs);

/* ---- table.c ------------------------------------------------------------------------ */

/* The columnDefinitions array of a kind. */
json_t *ck_api_table_columns(const struct ck_resource *res);
/* One Table row for obj: {"cells":[...],"object":{...}} following include. */
json_t *ck_api_table_row(const struct ck_resource *res, const json_t *obj,
                         enum ck_api_include include, const char *table_version, time_t now);
/* "meta.k8s.io/v1" or "meta.k8s.io/v1beta1", as op's Accept asked. */
const char *ck_api_table_version(const struct ck_api_op *op);
/*
 * Append the Table of one object (GET and watch events) to out, with columnDefinitions
 * when columns is true (K8S: a watch sends them in its first event only).
 */
void ck_api_table_single(const struct ck_api_op *op, const json_t *obj, bool columns,
                         struct ck_buf *out);

ck_api_row_fn ck_api_row_namespace, ck_api_row_configmap, ck_api_row_secret,
        ck_api_row_serviceaccount, ck_api_row_event, ck_api_row_service, ck_api_row_endpoints,
        ck_api_row_pod, ck_api_row_node, ck_api_row_deployment, ck_api_row_replicaset,
        ck_api_row_daemonset, ck_api_row_statefulset, ck_api_row_lease, ck_api_row_pdb,
        ck_api_row_job, ck_api_row_cronjob, ck_api_row_ingress, ck_api_row_priorityclass,
        ck_api_row_resourcequota, ck_api_row_rolebinding, ck_api_row_default;

/* K8S: duration.HumanDuration, the AGE column. */
void ck_api_human_duration(int64_t seconds, char *buf, size_t size);

/* ---- metrics.c ---------------------------------------------------------------------- */

/*
 * Create srv's registry with kube-apiserver's families and the process metrics, and
 * observe srv->etcd when nobody does yet; release: the opposite (the registry's series
 * handles become invalid).
 */
void ck_api_metrics_init(struct ck_apiserver *srv);
void ck_api_metrics_release(struct ck_apiserver *srv);
/* A request has reached the router: remember it, and user ("" or NULL: anonymous). */
void ck_api_metrics_begin(struct ck_apiserver *srv, struct ck_http_request *req, const char *user);
/*
 * The request is a call of res that kube-apiserver instruments: ns and name as routed
 * (name NULL for a collection), sub the subresource or NULL, watch_path for /watch/.
 */
void ck_api_metrics_resource(struct ck_apiserver *srv, struct ck_http_request *req,
                             const struct ck_resource *res, const char *ns, const char *name,
                             const char *sub, bool watch_path);
/* The request is a root health check (path "/healthz", "/livez" or "/readyz"). */
void ck_api_metrics_health(struct ck_apiserver *srv, struct ck_http_request *req, const char *path);
/* From the HTTP server's stats hook: count a finished request and write its access log. */
void ck_api_metrics_finish(struct ck_apiserver *srv, const struct ck_http_stats *st);
/* op's watch is registered: count it; ends: uncount it (once; nothing if not counted). */
void ck_api_metrics_watch_start(struct ck_api_op *op);
void ck_api_metrics_watch_end(struct ck_api_op *op);
/* Answer req with the exposition of srv's registry (GET /metrics, authorized). */
void ck_api_metrics_serve(struct ck_apiserver *srv, struct ck_http_request *req);

/* ---- resource.c --------------------------------------------------------------------- */

extern const struct ck_api_field ck_api_default_fields[];
void ck_api_verbs_json(unsigned mask, json_t *arr);

#endif
