/*
 * The API server's /metrics (DESIGN.md §3) and its access log: kube-apiserver's request
 * counters and latency histograms, the long-running request and registered watcher
 * gauges, etcd request latencies and the process_* metrics, in one registry owned by the
 * server's loop (base/metrics.h), plus one structured debug line per finished request.
 *
 * A request's labels are known when the router has parsed it, its code, duration and
 * bytes only when the HTTP server reports it finished. The router keeps what it knows in
 * an entry in the request's pool, attached as the request's data pointer, which the HTTP
 * server hands back to the stats hook (ck_http_stats.data); the pool frees it with the
 * request. A request the HTTP server answers by itself (400, 408, 413, ...) has no entry
 * and is only logged. K8S: the paths
 * kube-apiserver does not instrument (discovery, /version, /metrics, requests refused by
 * authentication or authorization, unknown paths) are not counted either.
 *
 * etcd latencies come from the etcd client's observer hook (ck_etcd_set_observer): the
 * call's first key names the resource ("/registry/configmaps/..."), its kind the
 * operation. The first API server on a client observes it (one per process in practice).
 *
 * Everything here runs on the server's loop.
 */
#include "base/compat.h"

#include "api/api-int.h"
#include "base/log.h"
#include "base/mem.h"

/* Label values of one request, in the order of apiserver_request_duration_seconds. */
enum { L_VERB, L_DRY_RUN, L_GROUP, L_VERSION, L_RESOURCE, L_SUB, L_SCOPE, L_COMPONENT, L_N };

struct ck_api_reqm {
	const char *user; /* "" for anonymous */
	bool metered;     /* labels are set */
	const char *labels[L_N];
};

/* K8S: metrics.APIServerComponent. */
#define COMPONENT "apiserver"

/* ---- etcd ------------------------------------------------------------------------------ */

/*
 * K8S: pkg/storage/etcd3/store.go records "get", "list", "create", "update" and "delete"
 * (GuaranteedUpdate's write is "update") with the group-resource as type.
 */
static void etcd_observed(const struct ck_etcd_call_info *info, void *arg)
{
	struct ck_apiserver *srv = arg;
	const struct ck_resource *res = NULL;
	const char *op;
	char type[128];

	if (!info->key)
		return;
	for (size_t i = 0; i < srv->nrs && !res; i++) {
		size_t n = strlen(srv->rs[i].prefix);

		/* The prefix itself (a list), or a key under it. */
		if (info->key_len >= n - 1 && !memcmp(info->key, srv->rs[i].prefix, n - 1) &&
		    (info->key_len == n - 1 || info->key[n - 1] == '/'))
			res = srv->rs[i].res;
	}
	if (!res)
		return;
	if (info->cas)
		op = info->cas;
	else if (!strcmp(info->kind, "range"))
		op = info->range ? "list" : "get";
	else if (!strcmp(info->kind, "put"))
		op = "update";
	else if (!strcmp(info->kind, "delete"))
		op = "delete";
	else
		op = info->kind; /* a multi-operation txn: no Kubernetes counterpart */
	snprintf(type, sizeof(type), "%s%s%s", res->plural, *res->group ? "." : "", res->group);
	ck_metrics_observe(srv->m_etcd, CK_METRICS_VALUES(op, type),
	                   (double)info->duration_us / 1e6);
}

/* ---- lifecycle ------------------------------------------------------------------------- */

void ck_api_metrics_init(struct ck_apiserver *srv)
{
	srv->metrics = ck_metrics_new();
	srv->m_requests = ck_metrics_register(srv->metrics, &ck_metrics_apiserver_request_total);
	srv->m_latency =
	        ck_metrics_register(srv->metrics, &ck_metrics_apiserver_request_duration_seconds);
	srv->m_longrunning =
	        ck_metrics_register(srv->metrics, &ck_metrics_apiserver_longrunning_requests);
	srv->m_watchers =
	        ck_metrics_register(srv->metrics, &ck_metrics_apiserver_registered_watchers);
	srv->m_etcd = ck_metrics_register(srv->metrics, &ck_metrics_etcd_request_duration_seconds);
	ck_metrics_register_process(srv->metrics, NULL);
	if (!ck_etcd_get_observer(srv->etcd, NULL)) {
		ck_etcd_set_observer(srv->etcd, etcd_observed, srv);
		srv->etcd_observed = true;
	}
}

void ck_api_metrics_release(struct ck_apiserver *srv)
{
	if (srv->etcd_observed)
		ck_etcd_set_observer(srv->etcd, NULL, NULL);
	srv->etcd_observed = false;
	ck_metrics_free(srv->metrics);
	srv->metrics = NULL;
}

/* ---- requests -------------------------------------------------------------------------- */

void ck_api_metrics_begin(struct ck_apiserver *srv, struct ck_http_request *req, const char *user)
{
	struct ck_api_reqm *e = ck_http_request_alloc(req, sizeof(*e));

	(void)srv;
	e->user = ck_http_request_strdup(req, user ? user : "");
	ck_http_request_set_data(req, e);
}

/* K8S: cleanDryRun: "" without dryRun, the sorted distinct values, "invalid" for others. */
static const char *clean_dry_run(struct ck_http_request *req)
{
	size_t n = 0;
	const char *const *v = ck_http_request_params(req, "dryRun", &n);

	if (!n)
		return "";
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i], "All")) /* K8S: ValidateDryRun accepts only "All" */
			return "invalid";
	return "All";
}

/* K8S: validRequestMethods; anything else is reported as "other". */
static const char *valid_verb(const char *verb)
{
	static const char *const valid[] = {
	        "APPLY", "CONNECT", "CREATE", "DELETE", "DELETECOLLECTION", "GET",   "LIST",
	        "PATCH", "POST",    "PROXY",  "PUT",    "UPDATE",           "WATCH", "WATCHLIST"};

	for (size_t i = 0; i < CK_ARRAY_SIZE(valid); i++)
		if (!strcmp(verb, valid[i]))
			return valid[i];
	return CK_METRICS_OTHER;
}

/* K8S: CanonicalVerb: GET and HEAD of anything but one object (or a non-resource) list. */
static const char *canonical_verb(const char *method, const char *scope)
{
	if (!strcmp(method, "GET") || !strcmp(method, "HEAD"))
		return strcmp(scope, "resource") && *scope ? "LIST" : "GET";
	return method;
}

static void set_labels(struct ck_apiserver *srv, struct ck_http_request *req, const char *const *v)
{
	struct ck_api_reqm *e = ck_http_request_data(req);

	(void)srv;
	if (!e)
		return;
	for (size_t i = 0; i < L_N; i++)
		e->labels[i] = ck_http_request_strdup(req, v[i]);
	e->metered = true;
}

void ck_api_metrics_resource(struct ck_apiserver *srv, struct ck_http_request *req,
                             const struct ck_resource *res, const char *ns, const char *name,
                             const char *sub, bool watch_path)
{
	const char *method = ck_http_request_method(req);
	const char *scope, *verb, *ct;
	const char *v[L_N];

	/*
	 * K8S: installer.go registerResourceHandlers: "namespace" for a namespaced kind,
	 * "resource" for a route with {name} or a POST, "cluster" for a cluster-scoped kind
	 * and for the all-namespaces routes.
	 */
	if (res->namespaced && !*ns)
		scope = "cluster";
	else if (name || !strcmp(method, "POST"))
		scope = "resource";
	else
		scope = res->namespaced ? "namespace" : "cluster";
	/* K8S: MonitorRequest: cleanVerb(CanonicalVerb(method, scope), route verb, ...). */
	verb = canonical_verb(method, scope);
	if (watch_path) {
		verb = "WATCH"; /* the WATCH and WATCHLIST routes of /watch/ */
	} else if (!strcmp(method, "GET")) {
		const char *w = ck_http_request_param(req, "watch");

		/* K8S: getVerbIfWatch: watch=<anything but 0 or false, any case>. */
		if (w && strcasecmp(w, "0") && strcasecmp(w, "false"))
			verb = "WATCH";
	}
	ct = ck_http_request_header(req, "Content-Type");
	if (!strcmp(verb, "PATCH") && ct && !strcmp(ct, "application/apply-patch+yaml"))
		verb = "APPLY";
	v[L_VERB] = valid_verb(verb);
	v[L_DRY_RUN] = clean_dry_run(req);
	v[L_GROUP] = res->group;
	v[L_VERSION] = res->version;
	v[L_RESOURCE] = res->plural;
	v[L_SUB] = sub ? sub : "";
	v[L_SCOPE] = scope;
	v[L_COMPONENT] = COMPONENT;
	set_labels(srv, req, v);
}

void ck_api_metrics_health(struct ck_apiserver *srv, struct ck_http_request *req, const char *path)
{
	const char *v[L_N];

	/*
	 * K8S: healthz.InstallPathHandler: InstrumentHandlerFunc("GET", "", "", "", path, "",
	 * "", ...): the path as subresource, empty scope and component.
	 */
	v[L_VERB] = valid_verb(canonical_verb(ck_http_request_method(req), ""));
	v[L_DRY_RUN] = clean_dry_run(req);
	v[L_GROUP] = v[L_VERSION] = v[L_RESOURCE] = "";
	v[L_SUB] = path;
	v[L_SCOPE] = v[L_COMPONENT] = "";
	set_labels(srv, req, v);
}

static void access_log(const struct ck_http_stats *st, const struct ck_api_reqm *e)
{
	struct ck_buf path = CK_BUF_INIT, user = CK_BUF_INIT;

	ck_api_quote(&path, st->path);
	ck_api_quote(&user, e ? e->user : "");
	ck_debug(CK_API_LOG,
	         "request method=%s path=%s user=%s code=%d duration_us=%" PRId64
	         " bytes_in=%" PRIu64 " bytes_out=%" PRIu64 " remote=%s%s%s",
	         *st->method ? st->method : "-", path.data, user.data, st->status, st->duration_us,
	         st->bytes_in, st->bytes_out, st->remote, st->streamed ? " streamed" : "",
	         st->aborted ? " aborted" : "");
	ck_buf_release(&path);
	ck_buf_release(&user);
}

void ck_api_metrics_finish(struct ck_apiserver *srv, const struct ck_http_stats *st)
{
	const struct ck_api_reqm *e = st->data;

	if (ck_log_get_level() <= CK_LOG_DEBUG)
		access_log(st, e);
	if (!e)
		return;
	if (e->metered) {
		const char *const *l = e->labels;
		/* K8S: codeToString: the decimal code, "0" when nothing was written. */
		const char *code = st->status ? ck_metrics_http_code(st->status) : "0";

		ck_metrics_inc(srv->m_requests, CK_METRICS_VALUES(l[0], l[1], l[2], l[3], l[4],
		                                                  l[5], l[6], l[7], code));
		ck_metrics_observe(
		        srv->m_latency,
		        CK_METRICS_VALUES(l[0], l[1], l[2], l[3], l[4], l[5], l[6], l[7]),
		        (double)st->duration_us / 1e6);
	}
}

/* ---- watches --------------------------------------------------------------------------- */

void ck_api_metrics_watch_start(struct ck_api_op *op)
{
	const struct ck_resource *res = op->res;
	/* K8S: RecordLongRunning's scope is CleanScope(requestInfo). */
	const char *scope = *op->name ? "resource" : *op->ns ? "namespace" : "cluster";

	if (op->m_longrunning || !op->srv->metrics)
		return;
	/* K8S: RecordLongRunning around every long-running request (the watch here). */
	op->m_longrunning = ck_metrics_get(op->srv->m_longrunning,
	                                   CK_METRICS_VALUES("WATCH", res->group, res->version,
	                                                     res->plural, "", scope, COMPONENT));
	/* K8S: handlers/watch.go serveWatch: RegisteredWatchers{group,version,kind} + 1. */
	op->m_watchers = ck_metrics_get(op->srv->m_watchers,
	                                CK_METRICS_VALUES(res->group, res->version, res->kind));
	ck_metrics_series_inc(op->m_longrunning);
	ck_metrics_series_inc(op->m_watchers);
}

void ck_api_metrics_watch_end(struct ck_api_op *op)
{
	if (!op->m_longrunning)
		return;
	ck_metrics_series_dec(op->m_longrunning);
	ck_metrics_series_dec(op->m_watchers);
	op->m_longrunning = op->m_watchers = NULL;
}

/* ---- /metrics -------------------------------------------------------------------------- */

void ck_api_metrics_serve(struct ck_apiserver *srv, struct ck_http_request *req)
{
	struct ck_buf out = CK_BUF_INIT;
	struct ck_error *err = NULL;

	if (ck_metrics_write(srv->metrics, &out, &err) < 0) {
		ck_http_reply_error(req, 500, CK_REASON_INTERNAL, err->msg);
		ck_error_free(err);
		ck_buf_release(&out);
		return;
	}
	ck_http_reply_buf(req, 200, CK_METRICS_CONTENT_TYPE, &out);
	ck_buf_release(&out);
}
