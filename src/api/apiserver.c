/*
 * The API server's frame (see apiserver.h): start and stop, one watch cache per resource,
 * the system namespaces, the health endpoints, authentication and the coarse authorization
 * of this slice, and the router that turns a request path into a resource, a namespace, a
 * name and a verb, as kube-apiserver's RequestInfoFactory does, before the handler files
 * (handler-*.c) take over. Also the per-request context (struct ck_api_op) they share.
 */
#include <event2/event.h>

#include "base/compat.h"

#include "api/api-int.h"
#include "api/openapi.h"
#include "base/json.h"
#include "base/log.h"
#include "base/mem.h"
#include "base/time.h"
#include "store/watch-cache-etcd.h"
#include "version.h"

/* ---- ops -------------------------------------------------------------------------- */

struct ck_api_op *ck_api_op_new(struct ck_apiserver *srv, struct ck_http_request *req,
                                enum ck_api_verb_kind kind)
{
	struct ck_api_op *op = ck_xcalloc(1, sizeof(*op));

	op->srv = srv;
	op->req = req;
	op->kind = kind;
	ck_buf_init(&op->managed, 0);
	op->ns = ck_xstrdup("");
	op->name = ck_xstrdup("");
	op->next = srv->ops;
	if (srv->ops)
		srv->ops->prev = op;
	srv->ops = op;
	return op;
}

static void op_unlink(struct ck_api_op *op)
{
	if (!op->srv)
		return;
	if (op->prev)
		op->prev->next = op->next;
	else
		op->srv->ops = op->next;
	if (op->next)
		op->next->prev = op->prev;
	op->prev = op->next = NULL;
}

static void op_free(struct ck_api_op *op)
{
	op_unlink(op);
	ck_api_op_cancel(op);
	free(op->ns);
	free(op->name);
	free(op->cont_start);
	free(op->list_continue);
	free(op->precond_rv);
	free(op->generate_base);
	ck_label_selector_free(op->lsel);
	ck_field_selector_free(op->fsel);
	ck_obj_list_release(&op->list);
	json_decref(op->body);
	ck_buf_release(&op->managed);
	json_decref(op->cur);
	json_decref(op->pdb);
	json_decref(op->scale_body);
	free(op->pdb_key);
	json_decref(op->precond_uid);
	free(op->cur_value);
	json_decref(op->coll_out);
	ck_str_list_free(op->coll_names);
	free(op);
}

void ck_api_op_done(struct ck_api_op *op)
{
	if (op->srv)
		ck_api_metrics_watch_end(op);
	op->req = NULL;
	ck_api_op_cancel(op);
	if (!op->etcd_pending)
		op_free(op);
}

bool ck_api_op_resume(struct ck_api_op *op)
{
	CK_BUG_ON(op->etcd_pending <= 0);
	op->etcd_pending--;
	if (op->srv && op->req)
		return true;
	if (!op->etcd_pending && !op->req)
		op_free(op);
	return false;
}

bool ck_api_op_resume_ok(struct ck_api_op *op, struct ck_error *err)
{
	if (!ck_api_op_resume(op)) {
		ck_error_free(err);
		return false;
	}
	if (err) {
		if (err->http_status >= 500) {
			/*
			 * A storage failure: its text names etcd's internal address, which is
			 * for the operator's log, not for clients. K8S: kube-apiserver answers
			 * such failures with generic Internal/Timeout/Unavailable messages.
			 */
			const char *pub = err->http_status == 504
			                          ? "Timeout: request did not complete within "
			                            "requested timeout - the storage did not answer "
			                            "in time"
			                  : err->http_status == 503
			                          ? "the storage is unavailable, please try again"
			                          : "Internal error occurred: the storage request "
			                            "failed";

			ck_warn(CK_API_LOG, "storage failure: %s", err->msg ? err->msg : "unknown");
			free(err->msg);
			err->msg = ck_xstrdup(pub);
		}
		ck_api_op_fail(op, err, NULL);
		return false;
	}
	return true;
}

void ck_api_op_details(const struct ck_api_op *op, struct ck_api_status_details *d)
{
	memset(d, 0, sizeof(*d));
	d->name = op->name;
	if (op->res) {
		d->group = op->res->group;
		d->kind = op->res->plural;
	}
}

void ck_api_op_reply_buf(struct ck_api_op *op, int code, struct ck_buf *body)
{
	ck_http_reply_buf(op->req, code, "application/json", body);
	ck_buf_release(body);
	ck_api_op_done(op);
}

void ck_api_op_fail(struct ck_api_op *op, struct ck_error *err,
                    const struct ck_api_status_details *d)
{
	struct ck_buf b = CK_BUF_INIT;
	int code = err->http_status >= 400 && err->http_status <= 599 ? err->http_status : 500;

	ck_api_status_from_error(&b, err, d);
	ck_error_free(err);
	ck_http_reply_buf(op->req, code, "application/json", &b);
	ck_buf_release(&b);
	ck_api_op_done(op);
}

void ck_api_op_failf(struct ck_api_op *op, int code, const char *reason,
                     const struct ck_api_status_details *d, const char *fmt, ...)
{
	struct ck_buf msg = CK_BUF_INIT, b = CK_BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	ck_buf_vaddf(&msg, fmt, ap);
	va_end(ap);
	ck_api_status_append(&b, code, reason, msg.data, d);
	ck_buf_release(&msg);
	ck_http_reply_buf(op->req, code, "application/json", &b);
	ck_buf_release(&b);
	ck_api_op_done(op);
}

char *ck_api_key(const struct ck_api_rstate *rs, const char *ns, const char *name)
{
	/* K8S: /registry/<resource>/<namespace>/<name>, cluster-scoped without namespace. */
	if (rs->res->namespaced)
		return ck_xasprintf("%s%s/%s", rs->prefix, ns, name);
	return ck_xasprintf("%s%s", rs->prefix, name);
}

struct ck_api_rstate *ck_api_rstate_of(struct ck_apiserver *srv, const struct ck_resource *res)
{
	for (size_t i = 0; i < srv->nrs; i++)
		if (srv->rs[i].res == res)
			return &srv->rs[i];
	CK_BUG("resource without state");
}

/* ---- replies without an op ---------------------------------------------------------- */

static void reply_status(struct ck_http_request *req, int code, const char *reason,
                         const char *message, const struct ck_api_status_details *d)
{
	struct ck_buf b = CK_BUF_INIT;

	ck_api_status_append(&b, code, reason, message, d);
	ck_http_reply_buf(req, code, "application/json", &b);
	ck_buf_release(&b);
}

/* K8S: NewGenericServerResponse(404): what the API says about a path it does not serve. */
static void reply_not_found(struct ck_http_request *req)
{
	reply_status(req, 404, CK_REASON_NOT_FOUND,
	             "the server could not find the requested resource", NULL);
}

/* ---- system namespaces ------------------------------------------------------------ */

/* K8S: the bootstrap controller's system namespaces (kube-apiserver's SystemNamespaces). */
static const char *const system_namespaces[] = {
        "default",
        "kube-system",
        "kube-public",
        "kube-node-lease",
};

struct ck_api_ns_boot {
	struct ck_apiserver *srv; /* NULL once the server is gone */
	size_t idx;
};

static void ns_bootstrap(evutil_socket_t fd, short what, void *arg);

static json_t *new_namespace(const char *name)
{
	const struct ck_resource *res = ck_api_resource_find("", "v1", "namespaces");
	char uid[37], ts[CK_TIME_RFC3339_LEN];
	json_t *obj, *norm;

	ck_api_uuid(uid);
	ck_time_format_rfc3339(ck_time_now().tv_sec, ts);
	obj = json_pack("{s:s,s:s,s:{s:s,s:s,s:s}}", "kind", "Namespace", "apiVersion", "v1",
	                "metadata", "name", name, "uid", uid, "creationTimestamp", ts);
	res->defaults(obj);
	res->prepare(obj);
	norm = ck_api_obj_normalize(obj);
	json_decref(obj);
	return norm;
}

static void ns_created(struct ck_etcd_cas_result *res, struct ck_error *err, void *arg)
{
	struct ck_api_ns_boot *b = arg;
	struct ck_apiserver *srv = b->srv;

	if (srv) {
		srv->ns_boot = NULL;
		if (err) {
			ck_warn(CK_API_LOG, "cannot create namespace '%s' yet: %s",
			        system_namespaces[b->idx], err->msg);
			struct timeval tv = {1, 0};

			srv->ns_inflight = false;
			evtimer_add(srv->ns_timer, &tv);
		} else {
			/* Created now, or already there (another server won the race). */
			srv->ns_ready = b->idx + 1;
			srv->ns_inflight = false;
			if (srv->ns_ready < CK_ARRAY_SIZE(system_namespaces))
				ns_bootstrap(-1, 0, srv);
			else
				ck_info(CK_API_LOG, "system namespaces present");
		}
	}
	ck_error_free(err);
	ck_etcd_cas_result_free(res);
	free(b);
}

/* Create the next missing system namespace if absent; one at a time, in order. */
static void ns_bootstrap(evutil_socket_t fd, short what, void *arg)
{
	struct ck_apiserver *srv = arg;
	const struct ck_resource *res = ck_api_resource_find("", "v1", "namespaces");
	struct ck_api_rstate *rs = ck_api_rstate_of(srv, res);
	struct ck_error *err = NULL;
	struct ck_buf val = CK_BUF_INIT;
	struct ck_api_ns_boot *b;
	size_t idx = srv->ns_ready;
	json_t *obj;

	(void)fd, (void)what;
	if (idx >= CK_ARRAY_SIZE(system_namespaces) || srv->ns_inflight)
		return;
	obj = new_namespace(system_namespaces[idx]);
	ck_api_obj_dump(obj, &val);
	json_decref(obj);
	ck_autofree char *key = ck_api_key(rs, "", system_namespaces[idx]);
	struct ck_etcd_cas_req req = {.key = key, .value = val.data, .value_len = val.len};

	b = ck_xcalloc(1, sizeof(*b));
	b->srv = srv;
	b->idx = idx;
	/* K8S: create-if-absent (create_revision == 0), so racing servers agree. */
	if (ck_etcd_cas_create(srv->etcd, &req, ns_created, b, &err) < 0) {
		ck_err(CK_API_LOG, "cannot create namespace: %s", err->msg);
		ck_error_free(err);
		free(b);
	} else {
		srv->ns_inflight = true;
		srv->ns_boot = b;
	}
	ck_buf_release(&val);
}

struct ck_watch_cache *ck_apiserver_cache(struct ck_apiserver *s, const struct ck_resource *res)
{
	for (size_t i = 0; i < s->nrs; i++)
		if (s->rs[i].res == res)
			return s->rs[i].cache;
	return NULL;
}

/* ---- health --------------------------------------------------------------------------- */

bool ck_apiserver_ready(const struct ck_apiserver *s)
{
	if (s->stopping || s->ns_ready < CK_ARRAY_SIZE(system_namespaces))
		return false;
	for (size_t i = 0; i < s->nrs; i++)
		if (!ck_watch_cache_ready(s->rs[i].cache))
			return false;
	return true;
}

struct ck_api_health {
	struct ck_api_op *op;
	struct event *timer;
	char *which;  /* "livez", "readyz", "healthz" */
	char *single; /* one check asked for by path, or NULL */
	bool verbose;
	bool etcd_ok;
};

/* K8S: healthz.handleRootHealth's output. */
static void health_finish(struct ck_api_op *op, struct ck_api_health *h)
{
	struct ck_apiserver *srv = op->srv;
	struct {
		const char *name;
		bool ok;
	} checks[6];
	size_t n = 0;
	bool ready_check = !strcmp(h->which, "readyz");
	struct ck_buf out = CK_BUF_INIT;
	bool failed = false;
	bool caches = true;

	for (size_t i = 0; i < srv->nrs; i++)
		if (!ck_watch_cache_ready(srv->rs[i].cache))
			caches = false;
	checks[n].name = "ping", checks[n++].ok = true;
	checks[n].name = "log", checks[n++].ok = true;
	checks[n].name = "etcd", checks[n++].ok = h->etcd_ok;
	if (ready_check || !strcmp(h->which, "healthz")) {
		checks[n].name = "poststarthook/start-system-namespaces";
		checks[n++].ok = srv->ns_ready >= CK_ARRAY_SIZE(system_namespaces);
	}
	if (ready_check) {
		checks[n].name = "informer-sync", checks[n++].ok = caches;
		checks[n].name = "shutdown", checks[n++].ok = !srv->stopping;
	}
	if (h->single) {
		for (size_t i = 0; i < n; i++) {
			if (strcmp(checks[i].name, h->single))
				continue;
			if (checks[i].ok) {
				ck_http_reply(op->req, 200, "text/plain; charset=utf-8", "ok", 2);
			} else {
				ck_buf_addf(&out, "internal server error: %s check failed\n",
				            h->single);
				ck_http_reply_buf(op->req, 500, "text/plain; charset=utf-8", &out);
			}
			ck_buf_release(&out);
			ck_api_op_done(op);
			return;
		}
		ck_buf_release(&out);
		ck_http_reply(op->req, 404, "text/plain; charset=utf-8", "404 page not found\n",
		              19);
		ck_api_op_done(op);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		if (checks[i].ok) {
			ck_buf_addf(&out, "[+]%s ok\n", checks[i].name);
		} else {
			/* K8S: the endpoint is public, so the cause is not given. */
			ck_buf_addf(&out, "[-]%s failed: reason withheld\n", checks[i].name);
			failed = true;
		}
	}
	if (failed) {
		/* K8S: always verbose on failure, through http.Error (a trailing newline). */
		ck_buf_addf(&out, "%s check failed\n", h->which);
		ck_http_reply_buf(op->req, 500, "text/plain; charset=utf-8", &out);
	} else if (!h->verbose) {
		ck_http_reply(op->req, 200, "text/plain; charset=utf-8", "ok", 2);
	} else {
		ck_buf_addf(&out, "%s check passed\n", h->which);
		ck_http_reply_buf(op->req, 200, "text/plain; charset=utf-8", &out);
	}
	ck_buf_release(&out);
	ck_api_op_done(op);
}

static void health_release(struct ck_api_health *h)
{
	if (h->timer)
		event_free(h->timer);
	free(h->which);
	free(h->single);
	free(h);
}

static void health_etcd_done(struct ck_etcd_range_result *res, struct ck_error *err, void *arg)
{
	struct ck_api_op *op = arg;
	struct ck_api_health *h = op->health;

	ck_etcd_range_result_free(res);
	if (!ck_api_op_resume(op)) {
		ck_error_free(err);
		return;
	}
	h->etcd_ok = !err;
	if (err)
		ck_debug(CK_API_LOG, "health: etcd: %s", err->msg);
	ck_error_free(err);
	op->health = NULL;
	health_finish(op, h);
	health_release(h);
}

static void health_timeout(evutil_socket_t fd, short what, void *arg)
{
	struct ck_api_op *op = arg;
	struct ck_api_health *h = op->health;

	(void)fd, (void)what;
	/* etcd did not answer in time: fail now; its late answer finds the op finished. */
	h->etcd_ok = false;
	op->health = NULL;
	health_finish(op, h);
	health_release(h);
}

static void health_start(struct ck_apiserver *srv, struct ck_http_request *req, const char *which,
                         const char *single)
{
	struct ck_api_op *op = ck_api_op_new(srv, req, CK_API_OP_HEALTH);
	struct ck_api_health *h = ck_xcalloc(1, sizeof(*h));
	struct ck_error *err = NULL;
	/* K8S: the etcd check reads a key with a short deadline. */
	struct ck_etcd_range_req rr = {.key = "health", .count_only = true};
	struct timeval tv = {2, 0};

	h->op = op;
	h->which = ck_xstrdup(which);
	h->single = single ? ck_xstrdup(single) : NULL;
	h->verbose = ck_http_request_param(req, "verbose") != NULL;
	op->health = h;
	if (ck_etcd_range(srv->etcd, &rr, health_etcd_done, op, &err) < 0) {
		ck_error_free(err);
		h->etcd_ok = false;
		op->health = NULL;
		health_finish(op, h);
		health_release(h);
		return;
	}
	op->etcd_pending++;
	h->timer = evtimer_new(srv->base, health_timeout, op);
	evtimer_add(h->timer, &tv);
}

/* ---- version ------------------------------------------------------------------------ */

static void serve_version(struct ck_http_request *req)
{
	int major = 1, minor = 0;
	struct ck_buf b = CK_BUF_INIT;
	char smajor[16], sminor[16];
	json_t *j;

	sscanf(ck_kube_version, "v%d.%d", &major, &minor);
	snprintf(smajor, sizeof(smajor), "%d", major);
	snprintf(sminor, sizeof(sminor), "%d", minor);
	/* K8S: version.Info; kubectl compares major/minor for its skew warning. */
	j = json_pack("{s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s}", "major", smajor, "minor", sminor,
	              "gitVersion", ck_kube_version, "gitCommit", ck_git_rev, "gitTreeState",
	              "clean", "buildDate", "", "goVersion", "", "compiler", "gcc", "platform",
#if defined(__x86_64__)
	              "linux/amd64"
#elif defined(__aarch64__)
	              "linux/arm64"
#else
	              "linux/unknown"
#endif
	);
	ck_api_obj_dump(j, &b);
	json_decref(j);
	ck_http_reply_buf(req, 200, "application/json", &b);
	ck_buf_release(&b);
}

/* ---- the router --------------------------------------------------------------------- */

struct reqinfo {
	bool resource;
	const char *verb;
	const char *group, *version, *plural;
	const char *ns, *name, *sub;
	bool watch_prefix;
	bool bad; /* parts that cannot name anything: 404 */
};

static bool is_masters(const struct ck_pki_identity *id)
{
	for (size_t i = 0; id && i < id->ngroups; i++)
		if (!strcmp(id->groups[i], CK_PKI_MASTERS_GROUP))
			return true;
	return false;
}

static const char *lower_method(struct ck_http_request *req)
{
	const char *m = ck_http_request_method(req);
	char *l = ck_http_request_strdup(req, m);

	for (char *p = l; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	return l;
}

/* K8S: request.RequestInfoFactory.NewRequestInfo, for the API prefixes api and apis. */
static void parse_reqinfo(struct ck_http_request *req, struct reqinfo *ri)
{
	const char *path = ck_http_request_path(req), *method = ck_http_request_method(req);
	char *copy = ck_http_request_strdup(req, path);
	const char *parts[64];
	size_t n = 0, i = 0;
	char *p = copy, *end;

	memset(ri, 0, sizeof(*ri));
	ri->verb = lower_method(req);
	/* splitPath: trim the slashes at both ends, then split at each one. */
	while (*p == '/')
		p++;
	end = p + strlen(p);
	while (end > p && end[-1] == '/')
		*--end = '\0';
	if (*p) {
		for (;;) {
			char *slash = strchr(p, '/');

			if (n == CK_ARRAY_SIZE(parts)) {
				ri->bad = true;
				return;
			}
			parts[n++] = p;
			if (!slash)
				break;
			*slash = '\0';
			p = slash + 1;
		}
	}
	if (n < 3 || (strcmp(parts[0], "api") && strcmp(parts[0], "apis")))
		return;
	if (!strcmp(parts[0], "apis")) {
		if (n < 4)
			return;
		ri->group = parts[1];
		i = 2;
	} else {
		ri->group = "";
		i = 1;
	}
	ri->resource = true;
	ri->version = parts[i++];
	if (!strcmp(parts[i], "watch")) {
		if (n - i < 2) {
			ri->bad = true;
			return;
		}
		ri->verb = "watch";
		ri->watch_prefix = true;
		i++;
	} else if (!strcmp(method, "POST")) {
		ri->verb = "create";
	} else if (!strcmp(method, "GET") || !strcmp(method, "HEAD")) {
		ri->verb = "get";
	} else if (!strcmp(method, "PUT")) {
		ri->verb = "update";
	} else if (!strcmp(method, "PATCH")) {
		ri->verb = "patch";
	} else if (!strcmp(method, "DELETE")) {
		ri->verb = "delete";
	} else {
		ri->verb = "";
	}
	ri->ns = "";
	if (!strcmp(parts[i], "namespaces") && n - i > 1) {
		ri->ns = parts[i + 1];
		/* K8S: /namespaces/<ns>/status and /finalize are the namespace's subresources. */
		if (n - i > 2 && strcmp(parts[i + 2], "status") && strcmp(parts[i + 2], "finalize"))
			i += 2;
	}
	ri->plural = parts[i];
	if (n - i >= 2)
		ri->name = parts[i + 1];
	if (n - i >= 3 && !ri->watch_prefix)
		ri->sub = parts[i + 2];
	if (n - i > 3 || (ri->watch_prefix && n - i > 2))
		ri->bad = true;
	if (!ri->name && !strcmp(ri->verb, "get")) {
		const char *w = ck_http_request_param(req, "watch");
		bool b = false;

		/* K8S: a watch parameter that does not parse still counts unless false or 0. */
		if (w && (ck_api_parse_bool(w, &b) == 0 ? b : strcmp(w, "false") && strcmp(w, "0")))
			ri->verb = "watch";
		else
			ri->verb = "list";
	}
	if (!ri->name && !strcmp(ri->verb, "delete"))
		ri->verb = "deletecollection";
}

/* K8S: responsewriters.forbiddenMessage and apierrors.NewForbidden. */
static void reply_forbidden(struct ck_http_request *req, const char *user, const struct reqinfo *ri)
{
	struct ck_buf inner = CK_BUF_INIT, msg = CK_BUF_INIT;
	struct ck_api_status_details d = {0};
	const char *path = ck_http_request_path(req);

	ck_buf_adds(&inner, "User ");
	ck_api_quote(&inner, user);
	if (!ri->resource || ri->bad) {
		ck_buf_addf(&inner, " cannot %s path ", ri->verb);
		ck_api_quote(&inner, path);
		ck_buf_adds(&msg, "forbidden: ");
	} else {
		char resource[256];

		snprintf(resource, sizeof(resource), "%s%s%s", ri->plural, ri->sub ? "/" : "",
		         ri->sub ? ri->sub : "");
		ck_buf_addf(&inner, " cannot %s resource ", ri->verb);
		ck_api_quote(&inner, resource);
		ck_buf_adds(&inner, " in API group ");
		ck_api_quote(&inner, ri->group);
		if (*ri->ns) {
			ck_buf_adds(&inner, " in the namespace ");
			ck_api_quote(&inner, ri->ns);
		} else {
			ck_buf_adds(&inner, " at the cluster scope");
		}
		ck_buf_addf(&msg, "%s%s%s", ri->plural, *ri->group ? "." : "", ri->group);
		if (ri->name && *ri->name) {
			ck_buf_addch(&msg, ' ');
			ck_api_quote(&msg, ri->name);
		}
		ck_buf_adds(&msg, " is forbidden: ");
		d.group = ri->group;
		d.kind = ri->plural;
		d.name = ri->name;
	}
	/* K8S: the sanitizer keeps the message from looking like HTML. */
	for (const char *c = inner.data; *c; c++) {
		if (*c == '&')
			ck_buf_adds(&msg, "&amp;");
		else if (*c == '<')
			ck_buf_adds(&msg, "&lt;");
		else if (*c == '>')
			ck_buf_adds(&msg, "&gt;");
		else
			ck_buf_addch(&msg, *c);
	}
	reply_status(req, 403, CK_REASON_FORBIDDEN, msg.data, &d);
	ck_buf_release(&inner);
	ck_buf_release(&msg);
}

/* K8S: the system:public-info-viewer ClusterRole, bound to everyone, anonymous included. */
static bool public_path(const char *path)
{
	return !strcmp(path, "/healthz") || !strcmp(path, "/livez") || !strcmp(path, "/readyz") ||
	       !strcmp(path, "/version") || !strcmp(path, "/version/");
}

/* K8S: the system:discovery ClusterRole, bound to every authenticated user. */
static bool discovery_path(const char *path)
{
	return public_path(path) || !strcmp(path, "/api") || ck_str_has_prefix(path, "/api/") ||
	       !strcmp(path, "/apis") || ck_str_has_prefix(path, "/apis/") ||
	       !strcmp(path, "/openapi") || ck_str_has_prefix(path, "/openapi/") ||
	       ck_str_has_prefix(path, "/healthz") || ck_str_has_prefix(path, "/livez") ||
	       ck_str_has_prefix(path, "/readyz");
}

static bool serve_health(struct ck_apiserver *srv, struct ck_http_request *req, const char *path)
{
	static const char *const names[] = {"livez", "readyz", "healthz"};

	for (size_t i = 0; i < CK_ARRAY_SIZE(names); i++) {
		const char *rest;
		char prefix[16];

		snprintf(prefix, sizeof(prefix), "/%s", names[i]);
		if (!ck_str_skip_prefix(path, prefix, &rest))
			continue;
		if (!*rest) {
			ck_api_metrics_health(srv, req, prefix);
			health_start(srv, req, names[i], NULL);
			return true;
		}
		if (*rest == '/' && rest[1]) {
			health_start(srv, req, names[i], rest + 1);
			return true;
		}
	}
	return false;
}

/*
 * The subresource sub of res, or CK_API_SUB_NONE when res has none of that name (K8S:
 * the storage map of each kind: pods/{status,binding,eviction}, nodes/status,
 * services/status, namespaces/status, <apps workloads>/{status,scale} except daemonsets'
 * scale, poddisruptionbudgets/status).
 */
static enum ck_api_sub subresource_of(const struct ck_resource *res, const char *sub)
{
	bool pods = !*res->group && !strcmp(res->plural, "pods");

	if (!strcmp(sub, "status") && res->has_status)
		return CK_API_SUB_STATUS;
	if (!strcmp(sub, "scale") && ck_api_resource_has_scale(res))
		return CK_API_SUB_SCALE;
	if (pods && !strcmp(sub, "binding"))
		return CK_API_SUB_BINDING;
	if (pods && !strcmp(sub, "eviction"))
		return CK_API_SUB_EVICTION;
	if (!*res->group && !strcmp(res->plural, "namespaces") && !strcmp(sub, "finalize"))
		return CK_API_SUB_FINALIZE;
	if (ck_api_resource_subresource(res, sub))
		return CK_API_SUB_HANDLER;
	return CK_API_SUB_NONE;
}

static void dispatch_resource(struct ck_apiserver *srv, struct ck_http_request *req,
                              const struct reqinfo *ri)
{
	const struct ck_resource *res;
	const char *method = ck_http_request_method(req);
	enum ck_api_verb_kind kind;
	unsigned need;
	struct ck_api_op *op;
	const char *problem;
	enum ck_api_sub sub_kind = CK_API_SUB_NONE;
	bool is_ns;

	if (ri->bad || !*ri->plural) {
		reply_not_found(req);
		return;
	}
	res = ck_api_resource_find(ri->group, ri->version, ri->plural);
	if (!res) {
		reply_not_found(req);
		return;
	}
	is_ns = !strcmp(res->plural, "namespaces") && !*res->group;
	/*
	 * The namespaces resource names itself in the namespace position
	 * (/api/v1/namespaces/<name>[/status]): cluster-scoped, its name already parsed.
	 */
	const char *ns = is_ns ? "" : ri->ns;
	const char *name = ri->name;
	const char *sub = ri->sub;

	if ((!res->namespaced && *ns) || (name && !*name) || (res->namespaced && !*ns && name)) {
		reply_not_found(req);
		return;
	}
	if (sub && !(sub_kind = subresource_of(res, sub))) {
		reply_not_found(req);
		return;
	}
	if ((problem = ck_api_path_segment_problem(ns)) ||
	    (name && (problem = ck_api_path_segment_problem(name)))) {
		struct ck_buf m = CK_BUF_INIT;

		/* K8S: ScopeNamer.Name rejects a name that is not a path segment. */
		ck_buf_addf(&m, "invalid resource name ");
		ck_api_quote(&m, name && ck_api_path_segment_problem(name) ? name : ns);
		ck_buf_addf(&m, ": %s", problem);
		reply_status(req, 400, CK_REASON_BAD_REQUEST, m.data, NULL);
		ck_buf_release(&m);
		return;
	}

	if (ri->watch_prefix) {
		if (strcmp(method, "GET") && strcmp(method, "HEAD"))
			goto not_allowed;
		kind = CK_API_OP_WATCH;
	} else if (!strcmp(method, "GET") || !strcmp(method, "HEAD")) {
		kind = name                         ? CK_API_OP_GET
		       : !strcmp(ri->verb, "watch") ? CK_API_OP_WATCH
		                                    : CK_API_OP_LIST;
	} else if (!strcmp(method, "POST") && name &&
	           (sub_kind == CK_API_SUB_BINDING || sub_kind == CK_API_SUB_EVICTION ||
	            sub_kind == CK_API_SUB_HANDLER)) {
		/* K8S: pods/binding and pods/eviction are NamedCreaters: POST only. */
		kind = CK_API_OP_CREATE;
	} else if (!strcmp(method, "POST") && !name) {
		/* K8S: a namespaced collection accepts POST only within a namespace. */
		if (res->namespaced && !*ns)
			goto not_allowed;
		kind = CK_API_OP_CREATE;
	} else if (!strcmp(method, "PUT") && name) {
		kind = CK_API_OP_UPDATE;
	} else if (!strcmp(method, "PATCH") && name) {
		kind = CK_API_OP_PATCH;
	} else if (!strcmp(method, "DELETE") && !sub) {
		if (!name && res->namespaced && !*ns)
			goto not_allowed;
		kind = name ? CK_API_OP_DELETE : CK_API_OP_DELETECOLLECTION;
	} else {
		goto not_allowed;
	}
	if ((sub_kind == CK_API_SUB_STATUS || sub_kind == CK_API_SUB_SCALE) &&
	    kind != CK_API_OP_GET && kind != CK_API_OP_UPDATE && kind != CK_API_OP_PATCH)
		goto not_allowed;
	if ((sub_kind == CK_API_SUB_BINDING || sub_kind == CK_API_SUB_EVICTION) &&
	    kind != CK_API_OP_CREATE)
		goto not_allowed;
	/* K8S: namespaces/finalize is an Updater only. */
	if (sub_kind == CK_API_SUB_FINALIZE && kind != CK_API_OP_UPDATE)
		goto not_allowed;
	/* K8S: a subresource with a handler of its own answers only the verbs it has. */
	if (sub_kind == CK_API_SUB_HANDLER && !(ck_api_resource_subresource(res, sub)->verbs &
	                                        (kind == CK_API_OP_GET      ? CK_API_VERB_GET
	                                         : kind == CK_API_OP_CREATE ? CK_API_VERB_CREATE
	                                                                    : 0)))
		goto not_allowed;
	if (!sub) {
		static const unsigned verb_of[] = {
		        [CK_API_OP_GET] = CK_API_VERB_GET,
		        [CK_API_OP_LIST] = CK_API_VERB_LIST,
		        [CK_API_OP_WATCH] = CK_API_VERB_WATCH,
		        [CK_API_OP_CREATE] = CK_API_VERB_CREATE,
		        [CK_API_OP_UPDATE] = CK_API_VERB_UPDATE,
		        [CK_API_OP_PATCH] = CK_API_VERB_PATCH,
		        [CK_API_OP_DELETE] = CK_API_VERB_DELETE,
		        [CK_API_OP_DELETECOLLECTION] = CK_API_VERB_DELETECOLLECTION,
		};
		need = verb_of[kind];
		if (!(res->verbs & need)) {
			struct ck_api_status_details d = {.group = res->group, .kind = res->plural};
			struct ck_buf m = CK_BUF_INIT;
			char qr[256];

			/* K8S: apierrors.NewMethodNotSupported. */
			ck_buf_addf(&m, "%s is not supported on resources of kind ",
			            ck_api_verb_name(need));
			ck_api_quote(&m, ck_api_resource_qualified(res, qr, sizeof(qr)));
			reply_status(req, 405, CK_REASON_METHOD, m.data, &d);
			ck_buf_release(&m);
			return;
		}
	}

	ck_api_metrics_resource(srv, req, res, ns, name, sub, ri->watch_prefix);
	op = ck_api_op_new(srv, req, kind);
	op->res = res;
	op->rs = ck_api_rstate_of(srv, res);
	free(op->ns);
	op->ns = ck_xstrdup(res->namespaced ? ns : "");
	free(op->name);
	op->name = ck_xstrdup(name ? name : "");
	op->status_sub = sub_kind == CK_API_SUB_STATUS;
	op->sub = sub_kind;
	if (sub_kind == CK_API_SUB_SCALE) {
		ck_api_scale(op);
		return;
	}
	if (sub_kind == CK_API_SUB_EVICTION) {
		ck_api_evict(op);
		return;
	}
	if (sub_kind == CK_API_SUB_BINDING) {
		ck_api_bind(op);
		return;
	}
	if (sub_kind == CK_API_SUB_HANDLER) {
		ck_api_resource_subresource(res, sub)->serve(op);
		return;
	}
	switch (kind) {
	case CK_API_OP_GET:
		ck_api_get(op);
		break;
	case CK_API_OP_LIST:
		ck_api_list(op);
		break;
	case CK_API_OP_WATCH:
		ck_api_watch(op);
		break;
	case CK_API_OP_CREATE:
		ck_api_create(op);
		break;
	case CK_API_OP_UPDATE:
		ck_api_update(op);
		break;
	case CK_API_OP_PATCH:
		ck_api_patch(op);
		break;
	case CK_API_OP_DELETE:
		ck_api_delete(op);
		break;
	case CK_API_OP_DELETECOLLECTION:
		ck_api_delete_collection(op);
		break;
	case CK_API_OP_HEALTH:
		CK_BUG("health as a resource");
	}
	return;

not_allowed:
	/* K8S: NewGenericServerResponse(405) for a method the route does not have. */
	reply_status(req, 405, CK_REASON_METHOD,
	             "the server does not allow this method on the requested resource", NULL);
}

static void on_request(struct ck_http_request *req, void *arg)
{
	struct ck_apiserver *srv = arg;
	const char *path = ck_http_request_path(req);
	const struct ck_pki_identity *id = NULL;
	const char *why = NULL;
	enum ck_http_auth auth = ck_http_request_auth(req, &id, &why);
	struct reqinfo ri;

	ck_api_metrics_begin(srv, req,
	                     auth == CK_HTTP_AUTH_USER        ? id->user
	                     : auth == CK_HTTP_AUTH_ANONYMOUS ? "system:anonymous"
	                                                      : "");
	if (auth == CK_HTTP_AUTH_REJECTED) {
		/* K8S: a certificate that fails verification fails authentication: 401. */
		ck_debug(CK_API_LOG, "%s: client certificate rejected: %s",
		         ck_http_request_remote(req), why ? why : "");
		reply_status(req, 401, CK_REASON_UNAUTHORIZED, "Unauthorized", NULL);
		return;
	}
	if (public_path(path) && serve_health(srv, req, path))
		return;
	if (public_path(path)) {
		serve_version(req);
		return;
	}
	parse_reqinfo(req, &ri);
	if (auth == CK_HTTP_AUTH_ANONYMOUS) {
		/* K8S: anonymous requests are system:anonymous, authorized like anyone. */
		reply_forbidden(req, "system:anonymous", &ri);
		return;
	}
	if (!is_masters(id) && !(discovery_path(path) && !ri.resource &&
	                         (!strcmp(ck_http_request_method(req), "GET") ||
	                          !strcmp(ck_http_request_method(req), "HEAD")))) {
		reply_forbidden(req, id->user, &ri);
		return;
	}
	if (serve_health(srv, req, path))
		return;
	if (!strcmp(path, "/metrics") && (!strcmp(ck_http_request_method(req), "GET") ||
	                                  !strcmp(ck_http_request_method(req), "HEAD"))) {
		/* K8S: a non-resource URL: system:masters may read it, nobody else by default. */
		ck_api_metrics_serve(srv, req);
		return;
	}
	if (ri.resource) {
		dispatch_resource(srv, req, &ri);
		return;
	}
	if (ck_openapi_serve(&srv->openapi, req, path))
		return;
	if (ck_api_discovery(srv, req, path))
		return;
	reply_not_found(req);
}

static void on_stats(const struct ck_http_stats *st, void *arg)
{
	ck_api_metrics_finish(arg, st);
}

/* ---- lifecycle ---------------------------------------------------------------------- */

static void rstate_init(struct ck_apiserver *srv, struct ck_api_rstate *rs,
                        const struct ck_resource *res)
{
	const struct ck_api_field *fields = res->fields ? res->fields : ck_api_default_fields;
	const char *paths[32];
	size_t np = 0, nf = 0;

	rs->res = res;
	rs->prefix = ck_xasprintf("/registry/%s/", res->etcd_resource);
	while (fields[nf].label)
		nf++;
	rs->field_idx = ck_xcalloc(nf + 1, sizeof(int));
	rs->field_alt = ck_xcalloc(nf + 1, sizeof(int));
	for (size_t i = 0; i < nf; i++) {
		rs->field_idx[i] = rs->field_alt[i] = -1;
		if (fields[i].path) {
			CK_BUG_ON(np + 2 >= CK_ARRAY_SIZE(paths));
			rs->field_idx[i] = (int)np;
			paths[np++] = fields[i].path;
			if (fields[i].alt) {
				rs->field_alt[i] = (int)np;
				paths[np++] = fields[i].alt;
			}
		}
	}
	paths[np] = NULL;
	struct ck_watch_cache_config cc = {
	        .prefix = rs->prefix,
	        .namespaced = res->namespaced,
	        .fields = paths,
	};
	rs->cache = ck_watch_cache_new(srv->base, &cc);
}

int ck_apiserver_new(struct event_base *base, const struct ck_apiserver_config *cfg,
                     struct ck_apiserver **out, struct ck_error **err)
{
	struct ck_apiserver *srv;
	const struct ck_resource *const *res;
	size_t n;

	*out = NULL;
	if (!base || !cfg || !cfg->address || !cfg->ssl_ctx || !cfg->etcd)
		return ck_error_set(err, 400, NULL,
		                    "cannot start the API server: address, TLS context and etcd "
		                    "client are required");
	srv = ck_xcalloc(1, sizeof(*srv));
	srv->base = base;
	srv->etcd = cfg->etcd;
	srv->sa_key_pem = cfg->sa_key_pem ? ck_xstrdup(cfg->sa_key_pem) : NULL;
	ck_api_metrics_init(srv);

	struct ck_http_server_config hc = {
	        .address = cfg->address,
	        .port = cfg->port,
	        .ssl_ctx = cfg->ssl_ctx,
	        .handler = on_request,
	        .format_error = ck_api_status_format,
	        .on_request = on_stats,
	        .arg = srv,
	        /* Nobody unauthenticated may make the server buffer a body (up to 3 MiB). */
	        .authenticated_bodies = true,
	};
	if (ck_http_server_new(base, &hc, &srv->http, err) < 0) {
		ck_api_metrics_release(srv);
		free(srv->sa_key_pem);
		free(srv);
		return ck_error_wrap(err, "cannot start the API server");
	}
	srv->port = ck_http_server_port(srv->http);
	if (strchr(cfg->address, ':') && cfg->address[0] != '[')
		srv->server_address = ck_xasprintf("[%s]:%u", cfg->address, srv->port);
	else
		srv->server_address = ck_xasprintf("%s:%u", cfg->address, srv->port);

	res = ck_api_resources(&n);
	srv->rs = ck_xcalloc(n, sizeof(*srv->rs));
	srv->nrs = n;
	for (size_t i = 0; i < n; i++)
		rstate_init(srv, &srv->rs[i], res[i]);
	for (size_t i = 0; i < n; i++) {
		if (ck_watch_cache_etcd_start(srv->rs[i].cache, srv->etcd, NULL, &srv->rs[i].feed,
		                              err) < 0) {
			ck_error_wrap(err, "cannot start the watch cache of %s", res[i]->plural);
			ck_apiserver_free(srv);
			return -1;
		}
	}
	srv->ns_timer = evtimer_new(base, ns_bootstrap, srv);
	ns_bootstrap(-1, 0, srv);
	ck_info(CK_API_LOG, "serving the Kubernetes API on https://%s", srv->server_address);
	*out = srv;
	return 0;
}

uint16_t ck_apiserver_port(const struct ck_apiserver *s)
{
	return s->port;
}

static void http_stopped(struct ck_http_server *http, void *arg)
{
	struct ck_apiserver *srv = arg;

	(void)http;
	if (srv->stopped)
		srv->stopped(srv, srv->stopped_arg);
}

void ck_apiserver_stop(struct ck_apiserver *s, ck_apiserver_stopped_fn *done, void *arg)
{
	s->stopping = true;
	s->stopped = done;
	s->stopped_arg = arg;
	ck_http_server_stop(s->http, http_stopped, s);
}

void ck_apiserver_free(struct ck_apiserver *s)
{
	if (!s)
		return;
	s->stopping = true;
	/* The etcd observer reads s->rs, which goes below; the registry goes last. */
	if (s->etcd_observed) {
		ck_etcd_set_observer(s->etcd, NULL, NULL);
		s->etcd_observed = false;
	}
	/* Finish every request the handlers hold before the HTTP server goes. */
	while (s->ops) {
		struct ck_api_op *op = s->ops;

		ck_api_op_cancel(op);
		if (op->req) {
			if (op->kind == CK_API_OP_WATCH || op->list_streaming) {
				ck_http_stream_end(op->req);
			} else {
				struct ck_buf b = CK_BUF_INIT;

				ck_api_status_append(&b, 503, CK_REASON_UNAVAILABLE,
				                     "the API server is shutting down", NULL);
				ck_http_reply_buf(op->req, 503, "application/json", &b);
				ck_buf_release(&b);
			}
			op->req = NULL;
		}
		op->m_longrunning = op->m_watchers = NULL; /* the registry goes below */
		if (op->health) {
			health_release(op->health);
			op->health = NULL;
		}
		op_unlink(op);
		op->srv = NULL;
		if (!op->etcd_pending)
			op_free(op);
	}
	if (s->ns_boot)
		s->ns_boot->srv = NULL;
	if (s->ns_timer)
		event_free(s->ns_timer);
	ck_http_server_free(s->http);
	for (size_t i = 0; i < s->nrs; i++)
		ck_watch_cache_etcd_free(s->rs[i].feed);
	for (size_t i = 0; i < s->nrs; i++) {
		ck_watch_cache_free(s->rs[i].cache);
		free(s->rs[i].prefix);
		free(s->rs[i].field_idx);
		free(s->rs[i].field_alt);
	}
	free(s->rs);
	free(s->server_address);
	free(s->sa_key_pem);
	ck_openapi_free(s->openapi);
	ck_api_metrics_release(s);
	free(s);
}
