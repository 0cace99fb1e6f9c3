/*
 * Writes (reference §5): POST create, PUT update (also of the status subresource), PATCH
 * (JSON, merge and strategic merge patches through api/patch.h), DELETE of one object
 * and of a collection, each with dryRun=All. Resource versions are etcd revisions and
 * every write is a compare-and-swap on them (store/etcd.h), so concurrent writers through
 * any number of API servers get Kubernetes' optimistic concurrency: 409 Conflict for a
 * stale resourceVersion, 409 AlreadyExists for a name in use.
 *
 * A write goes: parse and check the body, read what etcd holds (update, patch, delete),
 * apply the kind's strategy (system fields, status, generation, defaults), validate (422
 * with field causes), then the CAS; an update without a resourceVersion precondition
 * that loses a race reads again and retries, as GuaranteedUpdate does.
 */
#include <jansson.h>

#include "base/compat.h"

#include "api/api-int.h"
#include "api/apply.h"
#include "api/schema.h"
#include "api/protobuf.h"
#include "base/json.h"
#include "base/log.h"
#include "base/mem.h"
#include "base/time.h"
#include "store/json-scan.h"

/* ---- common checks ------------------------------------------------------------------ */

static void qualified(const struct ck_api_op *op, char *buf, size_t size)
{
	ck_api_resource_qualified(op->res, buf, size);
}

/* K8S: storage.OptimisticLockErrorMsg inside apierrors.NewConflict. */
void ck_api_fail_conflict(struct ck_api_op *op, const char *why)
{
	struct ck_api_status_details d;
	struct ck_buf m = CK_BUF_INIT;
	char qr[256];

	ck_api_op_details(op, &d);
	qualified(op, qr, sizeof(qr));
	ck_buf_addf(&m, "Operation cannot be fulfilled on %s ", qr);
	ck_api_quote(&m, op->name);
	ck_buf_addf(&m, ": %s", why);
	ck_api_op_failf(op, 409, CK_REASON_CONFLICT, &d, "%s", m.data);
	ck_buf_release(&m);
}

void ck_api_fail_not_found(struct ck_api_op *op)
{
	struct ck_api_status_details d;
	struct ck_buf m = CK_BUF_INIT;
	char qr[256];

	ck_api_op_details(op, &d);
	qualified(op, qr, sizeof(qr));
	ck_buf_addf(&m, "%s ", qr);
	ck_api_quote(&m, op->name);
	ck_buf_adds(&m, " not found");
	ck_api_op_failf(op, 404, CK_REASON_NOT_FOUND, &d, "%s", m.data);
	ck_buf_release(&m);
}

static void fail_invalid(struct ck_api_op *op, const struct ck_api_errlist *l, const char *name)
{
	struct ck_api_status_details d = {0};
	struct ck_error *err = NULL;
	json_t *causes = NULL;
	char qk[256];

	ck_api_resource_qualified_kind(op->res, qk, sizeof(qk));
	ck_api_errlist_to_error(l, qk, name, &causes, &err);
	/* K8S: NewInvalid's details carry the kind, not the resource. */
	d.name = name;
	d.group = op->res->group;
	d.kind = op->res->kind;
	d.causes = causes;
	ck_api_op_fail(op, err, &d);
	json_decref(causes);
}

/* K8S: kubectl >= 1.30 sends Protocol Buffers bodies for `create <generator>`. */
static bool is_protobuf(struct ck_api_op *op)
{
	return ck_protobuf_is_media_type(ck_http_request_header(op->req, "Content-Type"));
}

#define ACCEPTED_MEDIA "application/json, application/vnd.kubernetes.protobuf"

/*
 * K8S: negotiation.NegotiateInputSerializer: JSON (media type parameters ignored, and an
 * absent Content-Type is JSON) or, with api/protobuf.h, Kubernetes protobuf.
 */
static int check_content_type(struct ck_api_op *op)
{
	const char *ct = ck_http_request_header(op->req, "Content-Type");
	size_t len;

	if (!ct || !*ct || is_protobuf(op))
		return 0;
	len = strcspn(ct, ";");
	while (len && (ct[len - 1] == ' ' || ct[len - 1] == '\t'))
		len--;
	if (len == strlen("application/json") && !strncasecmp(ct, "application/json", len))
		return 0;
	ck_api_op_failf(op, 415, CK_REASON_UNSUPPORTED, NULL,
	                "the body of the request was in an unknown format - accepted media types "
	                "include: " ACCEPTED_MEDIA);
	return -1;
}

/* K8S: handlers/rest.go summarizeData: the first 30 bytes, hex unless it looks like JSON. */
static void summarize(struct ck_buf *m, const char *data, size_t len)
{
	size_t n = len > 30 ? 30 : len;

	if (!len) {
		ck_buf_adds(m, "<empty>");
		return;
	}
	if (data[0] == '{') {
		ck_buf_add_utf8(m, data, n);
	} else {
		for (size_t i = 0; i < n; i++)
			ck_buf_addf(m, "%02x", (unsigned char)data[i]);
	}
	if (len > 30)
		ck_buf_adds(m, " ...");
}

/*
 * The body as a JSON object with the kind's type meta, or NULL after a 400. *dups is set
 * when the JSON repeats an object member (the last one wins, as in Go), for the strict check.
 */
static json_t *parse_body(struct ck_api_op *op, bool *dups)
{
	size_t len;
	const char *data = ck_http_request_body(op->req, &len);
	json_error_t je;
	json_t *obj = NULL;
	const char *kind, *av;

	if (is_protobuf(op)) {
		struct ck_error *err = NULL;

		/* The same JSON object a JSON client would have sent: one path from here on. */
		if (ck_protobuf_decode(data, len, op->res->group, op->res->version, &obj, &err) <
		    0) {
			ck_api_op_fail(op, err, NULL);
			return NULL;
		}
	}
	*dups = false;
	/* Most bodies are in the scanner's subset: the same value without jansson's lexer. */
	if (!obj)
		obj = ck_json_scan_load(data, len);
	if (!obj)
		obj = json_loadb(data, len, JSON_REJECT_DUPLICATES, &je);
	/* K8S: Go keeps the last of repeated members; fieldValidation says what else happens. */
	if (!obj && strstr(je.text, "duplicate object key")) {
		obj = json_loadb(data, len, 0, &je);
		*dups = obj != NULL;
	}
	if (!json_is_object(obj)) {
		struct ck_buf m = CK_BUF_INIT;

		/* K8S: transformDecodeError when no kind could be read. */
		ck_buf_addf(
		        &m,
		        "the object provided is unrecognized (must be of type %s): couldn't get "
		        "version/kind; json parse error: %s (",
		        op->res->kind, obj ? "the body is not a JSON object" : je.text);
		summarize(&m, data, len);
		ck_buf_addch(&m, ')');
		ck_api_op_failf(op, 400, CK_REASON_BAD_REQUEST, NULL, "%s", m.data);
		ck_buf_release(&m);
		json_decref(obj);
		return NULL;
	}
	kind = json_string_value(json_object_get(obj, "kind"));
	av = json_string_value(json_object_get(obj, "apiVersion"));
	if ((json_object_get(obj, "kind") && !json_is_string(json_object_get(obj, "kind"))) ||
	    (json_object_get(obj, "apiVersion") &&
	     !json_is_string(json_object_get(obj, "apiVersion")))) {
		ck_api_op_failf(
		        op, 400, CK_REASON_BAD_REQUEST, NULL,
		        "the object provided is unrecognized (must be of type %s): kind and "
		        "apiVersion must be strings",
		        op->res->kind);
		json_decref(obj);
		return NULL;
	}
	if (kind && *kind && strcmp(kind, op->res->kind)) {
		const char *slash = av ? strrchr(av, '/') : NULL;
		const char *ver = slash ? slash + 1 : av && *av ? av : op->res->version;
		size_t plen = strcspn(op->res->group, ".");

		/*
		 * K8S: the body decodes as its own kind and fails to convert into the
		 * resource's internal type: transformDecodeError "<Kind> in version ... cannot
		 * be handled as a <Kind>" (Go prints the types as package.Type).
		 */
		ck_api_op_failf(
		        op, 400, CK_REASON_BAD_REQUEST, NULL,
		        "%s in version \"%s\" cannot be handled as a %s: converting (%s.%s) to "
		        "(%.*s.%s): unknown conversion",
		        kind, ver, op->res->kind, ver, kind, plen ? (int)plen : 4,
		        plen ? op->res->group : "core", op->res->kind);
		json_decref(obj);
		return NULL;
	}
	if (av && *av && strcmp(av, op->res->api_version)) {
		/* K8S: createHandler/UpdateResource: AcceptsGroupVersion. */
		ck_api_op_failf(op, 400, CK_REASON_BAD_REQUEST, NULL,
		                "the API version in the data (%s) does not match the expected API "
		                "version (%s)",
		                av, op->res->api_version);
		json_decref(obj);
		return NULL;
	}
	/* Clients may leave the type out (Python does): the URL says what it is. */
	json_object_set_new(obj, "kind", json_string(op->res->kind));
	json_object_set_new(obj, "apiVersion", json_string(op->res->api_version));
	if (!json_object_get(obj, "metadata") || json_is_null(json_object_get(obj, "metadata")))
		json_object_set_new(obj, "metadata", json_object());
	if (!json_is_object(json_object_get(obj, "metadata")) ||
	    (json_object_get(json_object_get(obj, "metadata"), "name") &&
	     !json_is_string(json_object_get(json_object_get(obj, "metadata"), "name")))) {
		ck_api_op_failf(
		        op, 400, CK_REASON_BAD_REQUEST, NULL,
		        "%s in version \"%s\" cannot be handled as a %s: metadata must be an "
		        "object with a string name",
		        op->res->kind, op->res->version, op->res->kind);
		json_decref(obj);
		return NULL;
	}
	return obj;
}

/*
 * dryRun: "All" or nothing (K8S: ValidateDryRun, a 422 on the options). With
 * field_validation, also the fieldValidation parameter of a create, update or patch (K8S:
 * ValidateFieldValidation: "", Ignore, Warn or Strict, case-sensitive), both in one error.
 */
static int parse_write_options(struct ck_api_op *op, const char *options_kind,
                               const json_t *body_list, bool field_validation)
{
	static const char *const fv_valid[] = {"", "Ignore", "Strict", "Warn", NULL};
	size_t n = 0;
	const char *const *vals = ck_http_request_params(op->req, "dryRun", &n);
	const char *bad = NULL, *fv = NULL;
	size_t i;
	json_t *v;

	for (i = 0; i < n; i++) {
		if (!strcmp(vals[i], "All"))
			op->dry_run = true;
		else
			bad = vals[i];
	}
	json_array_foreach((json_t *)body_list, i, v)
	{
		if (json_is_string(v) && !strcmp(json_string_value(v), "All"))
			op->dry_run = true;
		else
			bad = json_is_string(v) ? json_string_value(v) : "?";
	}
	if (field_validation) {
		/* K8S: the first value, as the parameter codec converts []string to string. */
		fv = ck_http_request_param(op->req, "fieldValidation");
		for (i = 0; fv && fv_valid[i]; i++)
			if (!strcmp(fv, fv_valid[i]))
				fv = NULL;
	}
	if (!bad && !fv)
		return 0;
	static const char *const valid[] = {"All", NULL};
	struct ck_api_errlist l = {0};
	struct ck_api_status_details d = {.group = "meta.k8s.io", .kind = options_kind};
	struct ck_error *err = NULL;
	json_t *causes = NULL;
	char qk[64];

	if (bad)
		ck_api_errlist_not_supported(&l, "dryRun", bad, valid);
	if (fv)
		ck_api_errlist_not_supported(&l, "fieldValidation", fv, fv_valid);
	snprintf(qk, sizeof(qk), "%s.meta.k8s.io", options_kind);
	ck_api_errlist_to_error(&l, qk, "", &causes, &err);
	d.causes = causes;
	ck_api_op_fail(op, err, &d);
	json_decref(causes);
	ck_api_errlist_release(&l);
	return -1;
}

int ck_api_parse_dry_run(struct ck_api_op *op, const char *options_kind, const json_t *body_list)
{
	return parse_write_options(op, options_kind, body_list, false);
}

/* ---- field validation ------------------------------------------------------------------ */

/*
 * The fieldValidation directive of a create, update or patch whose options passed
 * parse_write_options. K8S: handlers/rest.go fieldValidation: absent or empty is Warn
 * (kubectl >= 1.27 sends Strict itself unless told --validate=warn or false).
 */
static enum ck_schema_validation field_validation(struct ck_api_op *op)
{
	const char *v = ck_http_request_param(op->req, "fieldValidation");

	if (v && !strcmp(v, "Strict"))
		return CK_SCHEMA_VALIDATION_STRICT;
	if (v && !strcmp(v, "Ignore"))
		return CK_SCHEMA_VALIDATION_IGNORE;
	return CK_SCHEMA_VALIDATION_WARN;
}

/*
 * A ck_schema_strict_fn (ctx: the op): one strict decoding problem as a response header.
 * K8S: addStrictDecodingWarnings: warning.AddWarning(ctx, "", msg), written as
 * `Warning: 299 - "unknown field \"x\""` (net.NewWarningHeader escapes '"' and '\\'); the
 * recorder drops a warning it already has (a patch retried after a conflict repeats them).
 */
static void add_warning(void *ctx, const char *msg)
{
	struct ck_api_op *op = ctx;
	struct ck_buf v = CK_BUF_INIT;
	struct ck_error *err = NULL;

	ck_buf_adds(&v, "299 - \"");
	for (const char *p = msg; *p; p++) {
		if (*p == '"' || *p == '\\')
			ck_buf_addch(&v, '\\');
		ck_buf_addch(&v, *p);
	}
	ck_buf_addch(&v, '"');
	if (!ck_http_reply_has_header(op->req, "Warning", v.data) &&
	    ck_http_add_header(op->req, "Warning", v.data, &err) < 0) {
		ck_debug("api", "warning dropped: %s", err->msg);
		ck_error_free(err);
	}
	ck_buf_release(&v);
}

/*
 * K8S: create.go and update.go decode the body into the kind's Go type, with the strict
 * serializer under Strict and Warn: a body that does not decode is 400, unknown fields
 * fail under Strict, become warnings under Warn, and are dropped in every mode (they are
 * never stored); so are repeated members (dups: the body's JSON has some). A protobuf body
 * was decoded field by field from the schema already, and a kind without a schema is kept
 * as sent. Returns 0, or -1 when op has failed.
 */
static int check_body_fields(struct ck_api_op *op, bool dups)
{
	const struct ck_schema_kind *sk;
	struct ck_error *err = NULL;
	size_t len;
	const char *text = ck_http_request_body(op->req, &len);

	if (is_protobuf(op))
		return 0;
	sk = ck_schema_kind_find(op->res->group, op->res->version, op->res->kind);
	if (!sk)
		return 0;
	if (ck_schema_validate_body(sk, op->body, dups ? text : NULL, len, field_validation(op),
	                            add_warning, op, &err) < 0) {
		ck_api_op_fail(op, err, NULL);
		return -1;
	}
	return 0;
}

/*
 * K8S: a patch applies to the stored object as a typed Go value, which has no unknown
 * fields: drop any an object stored before ckube checked them still has, so that they are
 * not reported as the patch's (nor kept).
 */
static void prune_current(struct ck_api_op *op)
{
	const struct ck_schema_kind *sk =
	        ck_schema_kind_find(op->res->group, op->res->version, op->res->kind);

	if (sk)
		ck_schema_check(sk->type, op->cur, CK_SCHEMA_CHECK_PRUNE, NULL, NULL, NULL);
}

/*
 * K8S: patch.go: the patched object decodes into the kind's Go type (strictly under Strict
 * and Warn), after a JSON patch's own operations did; a failure is 422 Invalid,
 * errors.NewInvalid(GroupKind{}, "", field.Invalid("patch", value, detail)), whose value is
 * the patched JSON (JSON and merge patches) or fmt's "%+v" of the patch (strategic). On
 * success out has lost its unknown fields. Returns 0, or -1 when op has failed.
 */
static int check_patched(struct ck_api_op *op, const char *patch, size_t len, json_t *out)
{
	const struct ck_schema_kind *sk =
	        ck_schema_kind_find(op->res->group, op->res->version, op->res->kind);
	enum ck_schema_validation mode = field_validation(op);
	struct ck_api_status_details d = {0};
	struct ck_api_errlist l = {0};
	struct ck_error *err = NULL, *inv = NULL;
	struct ck_buf val = CK_BUF_INIT;
	json_t *pj = NULL, *causes = NULL;

	if (!sk)
		return 0;
	if (op->ptype == CK_PATCH_JSON && mode != CK_SCHEMA_VALIDATION_IGNORE)
		pj = json_loadb(patch, len, 0, NULL);
	if (ck_schema_validate_patch(sk, op->ptype, pj, out, mode, add_warning, op, &err) == 0) {
		json_decref(pj);
		return 0;
	}
	if (op->ptype == CK_PATCH_STRATEGIC) {
		if (!pj)
			pj = json_loadb(patch, len, 0, NULL);
		ck_patch_format_go(&val, pj);
	} else {
		/* Go re-encodes the patched map: compact, keys sorted. */
		char *s = json_dumps(out, JSON_COMPACT | JSON_SORT_KEYS);

		ck_buf_adds(&val, s ? s : "");
		free(s);
	}
	ck_api_errlist_invalid(&l, "patch", val.data, err->msg);
	ck_api_errlist_to_error(&l, "", "", &causes, &inv);
	d.causes = causes;
	ck_api_op_fail(op, inv, &d);
	json_decref(causes);
	ck_api_errlist_release(&l);
	ck_buf_release(&val);
	ck_error_free(err);
	json_decref(pj);
	return -1;
}

/* The object to reply with: its resourceVersion set, fields in Kubernetes' order. */
void ck_api_reply_obj(struct ck_api_op *op, int code, json_t *obj, int64_t rv)
{
	struct ck_buf b = CK_BUF_INIT;

	ck_api_obj_set_rv(obj, rv);
	/* K8S: a write through the scale subresource answers with the Scale. */
	if (op->sub == CK_API_SUB_SCALE) {
		json_t *scale = ck_api_scale_of(obj, rv);

		ck_api_obj_dump(scale, &b);
		json_decref(scale);
	} else {
		ck_api_obj_dump_normalized(obj, obj == op->body ? &op->managed : NULL, &b);
	}
	ck_api_op_reply_buf(op, code, &b);
}

static const char *md_str(const json_t *obj, const char *key)
{
	return json_string_value(json_object_get(json_object_get(obj, "metadata"), key));
}

static void now_rfc3339(char buf[CK_TIME_RFC3339_LEN])
{
	ck_time_format_rfc3339(ck_time_now().tv_sec, buf);
}

/* ---- namespace existence (K8S: the NamespaceLifecycle admission plugin) --------------- */

/* Go on with then, or 403 when the namespace's status.phase (NULL: none) is Terminating. */
static void ns_phase_checked(struct ck_api_op *op, const char *phase,
                             void (*then)(struct ck_api_op *))
{
	if (phase && !strcmp(phase, "Terminating")) {
		struct ck_api_status_details d;
		struct ck_buf m = CK_BUF_INIT;
		char qr[256], cmsg[300];
		json_t *causes;

		/* K8S: "unable to create new content in namespace x because it is being terminated". */
		snprintf(cmsg, sizeof(cmsg), "namespace %s is being terminated", op->ns);
		causes = json_pack("[{s:s,s:s,s:s}]", "reason", "NamespaceTerminating", "message",
		                   cmsg, "field", "metadata.namespace");
		ck_api_op_details(op, &d);
		d.causes = causes;
		qualified(op, qr, sizeof(qr));
		ck_buf_addf(&m, "%s ", qr);
		ck_api_quote(&m, op->name);
		ck_buf_addf(
		        &m,
		        " is forbidden: unable to create new content in namespace %s because it "
		        "is being terminated",
		        op->ns);
		ck_api_op_failf(op, 403, CK_REASON_FORBIDDEN, &d, "%s", m.data);
		ck_buf_release(&m);
		json_decref(causes);
		return;
	}
	then(op);
}

static void ns_checked(struct ck_api_op *op, const json_t *ns_obj, void (*then)(struct ck_api_op *))
{
	ns_phase_checked(
	        op, json_string_value(json_object_get(json_object_get(ns_obj, "status"), "phase")),
	        then);
}

struct ns_ctx {
	struct ck_api_op *op;
	void (*then)(struct ck_api_op *op);
};

static void ns_read(struct ck_etcd_range_result *res, struct ck_error *err, void *arg)
{
	struct ns_ctx *c = arg;
	struct ck_api_op *op = c->op;
	void (*then)(struct ck_api_op *) = c->then;

	free(c);
	if (!ck_api_op_resume_ok(op, err)) {
		ck_etcd_range_result_free(res);
		return;
	}
	if (!res->n_kvs) {
		struct ck_api_status_details d = {.name = op->ns, .kind = "namespaces"};
		struct ck_buf m = CK_BUF_INIT;

		/* K8S: the plugin returns the namespace GET's NotFound as it is. */
		ck_buf_adds(&m, "namespaces ");
		ck_api_quote(&m, op->ns);
		ck_buf_adds(&m, " not found");
		ck_etcd_range_result_free(res);
		ck_api_op_failf(op, 404, CK_REASON_NOT_FOUND, &d, "%s", m.data);
		ck_buf_release(&m);
		return;
	}
	json_t *ns = json_loadb(res->kvs[0].value, res->kvs[0].value_len, 0, NULL);

	ck_etcd_range_result_free(res);
	ns_checked(op, ns, then);
	json_decref(ns);
}

static void check_namespace(struct ck_api_op *op, void (*then)(struct ck_api_op *op))
{
	const struct ck_resource *nsres = ck_api_resource_find("", "v1", "namespaces");
	struct ck_api_rstate *nrs = ck_api_rstate_of(op->srv, nsres);
	struct ck_obj *o = NULL;
	struct ck_error *err = NULL;

	if (!op->res->namespaced) {
		then(op);
		return;
	}
	if (ck_watch_cache_get(nrs->cache, NULL, op->ns, &o, NULL) == 0) {
		/* Every create asks: the cache keeps status.phase for field selectors. */
		const char *phase = ck_api_obj_field(nrs, o, "status.phase");
		bool terminating = phase && !strcmp(phase, "Terminating");

		ck_obj_unref(o);
		ns_phase_checked(op, terminating ? "Terminating" : NULL, then);
		return;
	}
	/* K8S: not in the informer's cache: a live read decides (it may be brand new). */
	ck_autofree char *key = ck_api_key(nrs, "", op->ns);
	struct ck_etcd_range_req rr = {.key = key};
	struct ns_ctx *c = ck_xcalloc(1, sizeof(*c));

	c->op = op;
	c->then = then;
	if (ck_etcd_range(op->srv->etcd, &rr, ns_read, c, &err) < 0) {
		free(c);
		ck_api_op_fail(op, err, NULL);
		return;
	}
	op->etcd_pending++;
}

/* ---- field management (server-side apply) --------------------------------------------- */

/*
 * K8S: managerOrUserAgent: the fieldManager parameter, else the User-Agent's product name
 * ("kubectl" for kubectl/v1.33.1 ...).
 */
static void op_manager(struct ck_api_op *op, char buf[CK_APPLY_MANAGER_MAX + 1])
{
	const char *fm = ck_http_request_param(op->req, "fieldManager");

	if (fm && *fm)
		snprintf(buf, CK_APPLY_MANAGER_MAX + 1, "%s", fm);
	else
		ck_apply_manager_from_user_agent(ck_http_request_header(op->req, "User-Agent"),
		                                 buf);
}

/* The subresource a managedFields entry names ("" for the main resource). */
static const char *op_subresource(const struct ck_api_op *op)
{
	if (op->status_sub)
		return "status";
	if (op->sub == CK_API_SUB_SCALE)
		return "scale";
	if (op->sub == CK_API_SUB_FINALIZE)
		return "finalize";
	return "";
}

static bool op_is_apply(const struct ck_api_op *op)
{
	return op->kind == CK_API_OP_PATCH && op->ptype == CK_PATCH_APPLY_YAML;
}

/*
 * K8S: the field manager every create, update and patch runs (fieldmanager.UpdateNoErrors):
 * op->body gets its managedFields, with this write's Update entry. old is what is stored
 * (NULL for a create). An apply did its own bookkeeping. Failures only cost the bookkeeping
 * (the managedFields are dropped, as kube-apiserver does).
 */
static void track_update(struct ck_api_op *op, const json_t *old)
{
	const struct ck_schema_kind *sk;
	char manager[CK_APPLY_MANAGER_MAX + 1], ts[CK_TIME_RFC3339_LEN];
	struct ck_error *err = NULL;

	if (op_is_apply(op))
		return;
	sk = ck_schema_kind_find(op->res->group, op->res->version, op->res->kind);
	if (!sk)
		return;
	/*
	 * A retried update: the managedFields the client sent were read by the first attempt
	 * and left the body; what is beside it is that attempt's result.
	 */
	ck_buf_reset(&op->managed);
	op_manager(op, manager);
	now_rfc3339(ts);
	struct ck_apply_manager m = {.manager = manager,
	                             .api_version = op->res->api_version,
	                             .subresource = op_subresource(op),
	                             .time = ts};

	if (ck_apply_update(sk->type, old, op->body, &m, &op->managed, &err) < 0) {
		ck_debug(CK_API_LOG, "managedFields of %s/%s dropped: %s", op->ns, op->name,
		         err->msg);
		ck_error_free(err);
	}
}

/* ---- CREATE --------------------------------------------------------------------------- */

static void create_write(struct ck_api_op *op);

/*
 * K8S: 201 Created with the stored object, its resourceVersion the write's revision. The
 * bytes just stored (op->cur_value) are that object without resourceVersion, so the reply
 * is them with it spliced where ObjectMeta's order puts it (op->rv_at), rather than a
 * second dump of the object.
 */
static void reply_created(struct ck_api_op *op, int64_t rv)
{
	struct ck_buf b = CK_BUF_INIT;
	char field[64];
	size_t n;

	if (op->sub != CK_API_SUB_NONE || !op->cur_value || op->rv_at > op->cur_len) {
		ck_api_reply_obj(op, 201, op->body, rv);
		return;
	}
	n = (size_t)snprintf(field, sizeof(field), "\"resourceVersion\":\"%" PRId64 "\",", rv);
	ck_buf_grow(&b, op->cur_len + n);
	ck_buf_add(&b, op->cur_value, op->rv_at);
	ck_buf_add(&b, field, n);
	ck_buf_add(&b, op->cur_value + op->rv_at, op->cur_len - op->rv_at);
	ck_api_op_reply_buf(op, 201, &b);
}

static void create_done(struct ck_etcd_cas_result *res, struct ck_error *err, void *arg)
{
	struct ck_api_op *op = arg;

	if (!ck_api_op_resume_ok(op, err)) {
		ck_etcd_cas_result_free(res);
		return;
	}
	if (!res->succeeded) {
		ck_etcd_cas_result_free(res);
		/* K8S: createWithGenerateNameRetry: another random name. */
		if (op->generate_base && ++op->attempts < CK_API_GENERATE_NAME_TRIES) {
			char *name = ck_api_generate_name(op->generate_base);

			json_object_set_new(json_object_get(op->body, "metadata"), "name",
			                    json_string(name));
			free(op->name);
			op->name = name;
			create_write(op);
			return;
		}
		struct ck_api_status_details d;
		struct ck_buf m = CK_BUF_INIT;
		char qr[256];

		/* K8S: apierrors.NewAlreadyExists: `configmaps "x" already exists`. */
		ck_api_op_details(op, &d);
		qualified(op, qr, sizeof(qr));
		ck_buf_addf(&m, "%s ", qr);
		ck_api_quote(&m, op->name);
		ck_buf_adds(&m, " already exists");
		ck_api_op_failf(op, 409, CK_REASON_ALREADY_EXISTS, &d, "%s", m.data);
		ck_buf_release(&m);
		return;
	}
	int64_t rv = res->header.revision;

	ck_etcd_cas_result_free(res);
	reply_created(op, rv);
}

static void create_write(struct ck_api_op *op)
{
	struct ck_buf val = CK_BUF_INIT;
	struct ck_error *err = NULL;

	size_t rv_at = ck_api_obj_dump_stored(op->body, &op->managed, &val);
	ck_autofree char *key = ck_api_key(op->rs, op->ns, op->name);
	/* K8S: AlreadyExists carries only the name: no need to read what holds it. */
	struct ck_etcd_cas_req req = {
	        .key = key, .value = val.data, .value_len = val.len, .no_current = true};

	if (ck_etcd_cas_create(op->srv->etcd, &req, create_done, op, &err) < 0) {
		ck_buf_release(&val);
		ck_api_op_fail(op, err, NULL);
		return;
	}
	/* Kept for the reply (reply_created). */
	free(op->cur_value);
	op->cur_value = ck_buf_detach(&val, &op->cur_len);
	op->rv_at = rv_at;
	op->etcd_pending++;
}

/* K8S: registry Store.create: system fields, name generation, BeforeCreate, then storage. */
static void create_continue(struct ck_api_op *op)
{
	json_t *obj = op->body, *md = json_object_get(obj, "metadata");
	const char *name = md_str(obj, "name"), *gen = md_str(obj, "generateName");
	struct ck_api_errlist errs = {0};
	char uid[37], ts[CK_TIME_RFC3339_LEN];

	/* K8S: rest.FillObjectMetaSystemFields. */
	ck_api_uuid(uid);
	now_rfc3339(ts);
	json_object_set_new(md, "uid", json_string(uid));
	json_object_set_new(md, "creationTimestamp", json_string(ts));
	if ((!name || !*name) && gen && *gen) {
		char *g = ck_api_generate_name(gen);

		op->generate_base = ck_xstrdup(gen);
		json_object_set_new(md, "name", json_string(g));
		free(g);
	}
	name = md_str(obj, "name");
	free(op->name);
	op->name = ck_xstrdup(name ? name : "");
	if (op->res->defaults)
		op->res->defaults(obj);
	/* K8S: the kind's PrepareForCreate: what a client may not set on a new object. */
	if (op->res->prepare)
		op->res->prepare(obj);
	if (op->res->has_spec)
		json_object_set_new(md, "generation", json_integer(1));
	track_update(op, NULL);
	ck_api_validate_meta(op->res, obj, NULL, &errs);
	if (errs.n) {
		fail_invalid(op, &errs, op->name);
		ck_api_errlist_release(&errs);
		return;
	}
	if (op->dry_run) {
		ck_api_reply_obj(op, 201, obj, 0);
		return;
	}
	create_write(op);
}

/* K8S: rest.EnsureObjectNamespaceMatchesRequestNamespace. */
static int settle_namespace(struct ck_api_op *op, json_t *obj, bool update)
{
	json_t *md = json_object_get(obj, "metadata");
	const char *ns = md_str(obj, "namespace");
	const char *want = op->res->namespaced ? op->ns : "";

	if (!ns || !*ns || !strcmp(ns, want)) {
		if (*want)
			json_object_set_new(md, "namespace", json_string(want));
		else
			json_object_del(md, "namespace");
		return 0;
	}
	if (!*want) {
		json_object_del(md, "namespace");
		return 0;
	}
	if (update)
		/* K8S: handlers/rest.go checkName. */
		ck_api_op_failf(
		        op, 400, CK_REASON_BAD_REQUEST, NULL,
		        "the namespace of the object (%s) does not match the namespace on the "
		        "request (%s)",
		        ns, want);
	else
		ck_api_op_failf(op, 400, CK_REASON_BAD_REQUEST, NULL,
		                "the namespace of the provided object does not match the namespace "
		                "sent on the request");
	return -1;
}

void ck_api_create(struct ck_api_op *op)
{
	json_t *md;
	static const char *const wiped[] = {
	        "uid",      "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds",
	        "selfLink", "resourceVersion"};

	if (check_content_type(op) < 0 || parse_write_options(op, "CreateOptions", NULL, true) < 0)
		return;
	bool dups;
	json_t *body = parse_body(op, &dups); /* on failure op is finished and gone */

	if (!body)
		return;
	op->body = body;
	if (check_body_fields(op, dups) < 0)
		return;
	md = json_object_get(op->body, "metadata");
	/* K8S: rest.WipeObjectMetaSystemFields; a resourceVersion sent on create is ignored. */
	for (size_t i = 0; i < CK_ARRAY_SIZE(wiped); i++)
		json_object_del(md, wiped[i]);
	if (settle_namespace(op, op->body, false) < 0)
		return;
	free(op->name);
	op->name = ck_xstrdup(md_str(op->body, "name") ? md_str(op->body, "name") : "");
	/* K8S: NamespaceLifecycle admission runs before validation. */
	check_namespace(op, create_continue);
}

/* ---- reading what is stored ---------------------------------------------------------- */

struct read_ctx {
	struct ck_api_op *op;
	void (*then)(struct ck_api_op *op, bool found);
};

static void current_read(struct ck_etcd_range_result *res, struct ck_error *err, void *arg)
{
	struct read_ctx *c = arg;
	struct ck_api_op *op = c->op;
	void (*then)(struct ck_api_op *, bool) = c->then;

	free(c);
	if (!ck_api_op_resume_ok(op, err)) {
		ck_etcd_range_result_free(res);
		return;
	}
	json_decref(op->cur);
	op->cur = NULL;
	free(op->cur_value);
	op->cur_value = NULL;
	if (!res->n_kvs) {
		ck_etcd_range_result_free(res);
		then(op, false);
		return;
	}
	op->cur_rv = res->kvs[0].mod_revision;
	op->cur = ck_api_obj_from_kv(res->kvs[0].value, res->kvs[0].value_len, op->cur_rv);
	op->cur_len = res->kvs[0].value_len;
	op->cur_value = ck_steal(&res->kvs[0].value);
	ck_etcd_range_result_free(res);
	if (!op->cur) {
		ck_api_op_failf(op, 500, CK_REASON_INTERNAL, NULL,
		                "Internal error occurred: stored object %s/%s is not a JSON object",
		                op->ns, op->name);
		return;
	}
	then(op, true);
}

void ck_api_read_current(struct ck_api_op *op, void (*then)(struct ck_api_op *op, bool found))
{
	struct ck_error *err = NULL;
	ck_autofree char *key = ck_api_key(op->rs, op->ns, op->name);
	struct ck_etcd_range_req rr = {.key = key};
	struct read_ctx *c = ck_xcalloc(1, sizeof(*c));

	c->op = op;
	c->then = then;
	if (ck_etcd_range(op->srv->etcd, &rr, current_read, c, &err) < 0) {
		free(c);
		ck_api_op_fail(op, err, NULL);
		return;
	}
	op->etcd_pending++;
}

/* ---- UPDATE and PATCH share the end: strategy, validation, CAS -------------------------- */

static void update_start(struct ck_api_op *op);
static void patch_have_current(struct ck_api_op *op, bool found);

/* A CAS lost to a concurrent write: retry from the read, or 409 with a precondition. */
static void update_conflict(struct ck_api_op *op)
{
	if (op->client_rv || ++op->attempts >= CK_API_UPDATE_RETRIES) {
		ck_api_fail_conflict(op, CK_API_OPTIMISTIC_LOCK);
		return;
	}
	if (op->sub == CK_API_SUB_SCALE)
		ck_api_scale_retry(op);
	else if (op->kind == CK_API_OP_PATCH)
		ck_api_read_current(op, patch_have_current);
	else
		update_start(op);
}

/*
 * The end of an update's compare-and-swap: true with the write's revision in *rv, or false
 * once op has been answered (an error, the object gone: 404, changed meanwhile: 409).
 * res is freed either way.
 */
static bool update_cas_ok(struct ck_api_op *op, struct ck_etcd_cas_result *res,
                          struct ck_error *err, int64_t *rv)
{
	if (!ck_api_op_resume_ok(op, err)) {
		ck_etcd_cas_result_free(res);
		return false;
	}
	if (!res->succeeded) {
		bool gone = !res->kv;

		ck_etcd_cas_result_free(res);
		if (gone)
			ck_api_fail_not_found(op);
		else
			update_conflict(op);
		return false;
	}
	*rv = res->header.revision;
	ck_etcd_cas_result_free(res);
	return true;
}

static void update_done(struct ck_etcd_cas_result *res, struct ck_error *err, void *arg)
{
	struct ck_api_op *op = arg;
	int64_t rv;

	if (update_cas_ok(op, res, err, &rv))
		ck_api_reply_obj(op, 200, op->body, rv);
}

/* The object left with a deletion timestamp and no finalizer: delete it now. */
static void finalized_done(struct ck_etcd_cas_result *res, struct ck_error *err, void *arg)
{
	struct ck_api_op *op = arg;
	int64_t rv;

	/* Answered, as before, with the object at the revision it was read at. */
	if (update_cas_ok(op, res, err, &rv))
		ck_api_reply_obj(op, 200, op->body, op->cur_rv);
}

static bool has_finalizers(const json_t *obj)
{
	return json_array_size(json_object_get(json_object_get(obj, "metadata"), "finalizers")) > 0;
}

/*
 * op->body is the new object, op->cur the stored one (op->cur_rv its revision). Apply the
 * update strategy, validate and write.
 */
void ck_api_update_finish(struct ck_api_op *op)
{
	json_t *obj = op->body, *old = op->cur;
	json_t *md = json_object_get(obj, "metadata"), *old_md = json_object_get(old, "metadata");
	static const char *const kept[] = {"creationTimestamp", "deletionTimestamp",
	                                   "deletionGracePeriodSeconds"};
	struct ck_api_errlist errs = {0};
	struct ck_buf val = CK_BUF_INIT;
	struct ck_error *err = NULL;
	json_int_t gen = json_integer_value(json_object_get(old_md, "generation"));

	/* K8S: rest.BeforeUpdate: system fields come from the stored object. */
	if (!md_str(obj, "uid") || !*md_str(obj, "uid"))
		json_object_set(md, "uid", json_object_get(old_md, "uid"));
	for (size_t i = 0; i < CK_ARRAY_SIZE(kept); i++) {
		json_t *v = json_object_get(old_md, kept[i]);

		if (v)
			json_object_set(md, kept[i], v);
		else
			json_object_del(md, kept[i]);
	}
	json_object_del(md, "selfLink");
	json_object_del(md, "resourceVersion");
	if (gen)
		json_object_set_new(md, "generation", json_integer(gen));
	else
		json_object_del(md, "generation");
	/* K8S: the kind's Strategy / StatusStrategy PrepareForUpdate. */
	if (op->status_sub) {
		json_t *spec = json_object_get(old, "spec");

		if (spec)
			json_object_set(obj, "spec", spec);
		else
			json_object_del(obj, "spec");
	} else if (op->res->has_status) {
		json_t *st = json_object_get(old, "status");

		if (st)
			json_object_set(obj, "status", st);
		else
			json_object_del(obj, "status");
	}
	/*
	 * K8S: namespaceStrategy.PrepareForUpdate keeps spec.finalizers; only the finalize
	 * subresource (namespaceFinalizeStrategy) changes them, and nothing else of the spec.
	 */
	if (op->res == ck_api_resource_find("", "v1", "namespaces") && !op->status_sub) {
		json_t *keep = op->sub == CK_API_SUB_FINALIZE ? obj : old;
		json_t *fins = json_object_get(json_object_get(keep, "spec"), "finalizers");
		json_t *spec = json_deep_copy(json_object_get(old, "spec"));

		if (!json_is_object(spec)) {
			json_decref(spec);
			spec = json_object();
		}
		if (fins)
			json_object_set(spec, "finalizers", fins);
		else
			json_object_del(spec, "finalizers");
		json_object_set_new(obj, "spec", spec);
	}
	if (op->res->defaults)
		op->res->defaults(obj);
	/* K8S: kinds with a spec bump metadata.generation when it changes. */
	if (op->res->has_spec && !op->status_sub &&
	    !json_equal(json_object_get(obj, "spec"), json_object_get(old, "spec")))
		json_object_set_new(md, "generation", json_integer(gen + 1));
	track_update(op, old);
	ck_api_validate_meta(op->res, obj, old, &errs);
	if (errs.n) {
		fail_invalid(op, &errs, op->name);
		ck_api_errlist_release(&errs);
		return;
	}
	/*
	 * K8S: Store.Update: an object being deleted whose last finalizer went is deleted
	 * (ShouldDeleteDuringUpdate), unless a graceful deletion's period still runs (a pod
	 * its kubelet is stopping).
	 */
	json_t *old_grace = json_object_get(old_md, "deletionGracePeriodSeconds");

	if (json_object_get(old_md, "deletionTimestamp") && !has_finalizers(obj) &&
	    (!old_grace || json_integer_value(old_grace) == 0) &&
	    !(op->res == ck_api_resource_find("", "v1", "namespaces") &&
	      json_array_size(json_object_get(json_object_get(obj, "spec"), "finalizers")))) {
		if (op->dry_run) {
			ck_api_reply_obj(op, 200, obj, op->cur_rv);
			return;
		}
		ck_autofree char *key = ck_api_key(op->rs, op->ns, op->name);
		struct ck_etcd_cas_req req = {.key = key, .mod_revision = op->cur_rv};

		if (ck_etcd_cas_delete(op->srv->etcd, &req, finalized_done, op, &err) < 0) {
			ck_api_op_fail(op, err, NULL);
			return;
		}
		op->etcd_pending++;
		return;
	}
	ck_api_obj_dump_stored(obj, &op->managed, &val);
	/* K8S: GuaranteedUpdate: a write that changes nothing is not written. */
	if (val.len == op->cur_len && !memcmp(val.data, op->cur_value, val.len)) {
		ck_buf_release(&val);
		ck_api_reply_obj(op, 200, obj, op->cur_rv);
		return;
	}
	if (op->dry_run) {
		ck_buf_release(&val);
		ck_api_reply_obj(op, 200, obj, op->cur_rv);
		return;
	}
	ck_autofree char *key = ck_api_key(op->rs, op->ns, op->name);
	struct ck_etcd_cas_req req = {
	        .key = key, .value = val.data, .value_len = val.len, .mod_revision = op->cur_rv};

	if (ck_etcd_cas_update(op->srv->etcd, &req, update_done, op, &err) < 0) {
		ck_buf_release(&val);
		ck_api_op_fail(op, err, NULL);
		return;
	}
	ck_buf_release(&val);
	op->etcd_pending++;
}

/* ---- UPDATE ----------------------------------------------------------------------------- */

static void update_have_current(struct ck_api_op *op, bool found)
{
	const char *rv = md_str(op->body, "resourceVersion");
	int64_t want = 0;

	if (!found) {
		/* K8S: AllowCreateOnUpdate: the PUT creates the object. */
		if (op->res->create_on_update && !op->status_sub) {
			static const char *const wiped[] = {"deletionTimestamp",
			                                    "deletionGracePeriodSeconds",
			                                    "selfLink", "resourceVersion"};

			for (size_t i = 0; i < CK_ARRAY_SIZE(wiped); i++)
				json_object_del(json_object_get(op->body, "metadata"), wiped[i]);
			check_namespace(op, create_continue);
			return;
		}
		ck_api_fail_not_found(op);
		return;
	}
	if (rv && *rv) {
		if (ck_api_parse_rv(rv, &want) < 0 || want != op->cur_rv) {
			/* K8S: a stale resourceVersion is 409 Conflict before anything else. */
			ck_api_fail_conflict(op, CK_API_OPTIMISTIC_LOCK);
			return;
		}
		op->client_rv = true;
	} else if (!op->res->unconditional_update) {
		struct ck_api_errlist l = {0};

		/* K8S: Store.Update without AllowUnconditionalUpdate. */
		ck_api_errlist_invalid_raw(&l, "metadata.resourceVersion", "0",
		                           "must be specified for an update");
		fail_invalid(op, &l, op->name);
		ck_api_errlist_release(&l);
		return;
	}
	ck_api_update_finish(op);
}

/*
 * Read what is stored and go on. A retry reuses op->body as the last attempt left it: the
 * strategy only copies fields from the stored object into it, so doing it again over a
 * newer stored version gives what the client's body would have given.
 */
static void update_start(struct ck_api_op *op)
{
	ck_api_read_current(op, update_have_current);
}

void ck_api_update(struct ck_api_op *op)
{
	const char *name;

	if (check_content_type(op) < 0 || parse_write_options(op, "UpdateOptions", NULL, true) < 0)
		return;
	bool dups;
	json_t *body = parse_body(op, &dups); /* on failure op is finished and gone */

	if (!body)
		return;
	op->body = body;
	if (check_body_fields(op, dups) < 0)
		return;
	name = md_str(op->body, "name");
	if (!name || strcmp(name, op->name)) {
		/* K8S: handlers/rest.go checkName. */
		ck_api_op_failf(
		        op, 400, CK_REASON_BAD_REQUEST, NULL,
		        "the name of the object (%s) does not match the name on the URL (%s)",
		        name ? name : "", op->name);
		return;
	}
	if (settle_namespace(op, op->body, true) < 0)
		return;
	ck_api_read_current(op, update_have_current);
}

/* ---- PATCH -------------------------------------------------------------------------------- */

struct apply_unknown {
	struct ck_api_op *op;
	bool strict;
	char *first; /* Strict: the first problem, as server-side apply words it */
};

/*
 * A ck_schema_strict_fn for an apply configuration: `unknown field "data.x"` becomes
 * K8S: `.data.x: field not declared in schema` (structured-merge-diff's typed conversion).
 */
/*
 * A patch's or an apply's result becomes the object to write (op->body, owned): still of
 * the resource's kind and version whatever the patch did, with a metadata object. An
 * apply's managedFields come beside it (managed, taken; NULL for a patch).
 */
static void take_result(struct ck_api_op *op, json_t *out, struct ck_buf *managed)
{
	json_decref(op->body);
	op->body = out;
	ck_buf_release(&op->managed);
	if (managed) {
		op->managed = *managed;
		ck_buf_init(managed, 0);
	}
	json_object_set_new(out, "kind", json_string(op->res->kind));
	json_object_set_new(out, "apiVersion", json_string(op->res->api_version));
	if (!json_is_object(json_object_get(out, "metadata")))
		json_object_set_new(out, "metadata", json_object());
}

static void apply_unknown_field(void *ctx, const char *msg)
{
	struct apply_unknown *u = ctx;
	const char *q = strchr(msg, '"');
	size_t len = q ? strcspn(q + 1, "\"") : 0;
	char *m = ck_xasprintf(".%.*s: field not declared in schema", (int)len, q ? q + 1 : "");

	if (!u->strict)
		add_warning(u->op, m);
	if (u->strict && !u->first)
		u->first = ck_steal(&m);
	free(m);
}

/*
 * The end of a patch or an apply to a stored object: out (op->body) in op's namespace,
 * its metadata.resourceVersion, when set, a precondition on the stored one; then the
 * update strategy and the write.
 */
static void patched_finish(struct ck_api_op *op, json_t *out)
{
	const char *rv;
	int64_t want;

	if (settle_namespace(op, out, true) < 0)
		return;
	rv = md_str(out, "resourceVersion");
	if (rv && *rv && (ck_api_parse_rv(rv, &want) < 0 || want != op->cur_rv)) {
		op->client_rv = true;
		ck_api_fail_conflict(op, CK_API_OPTIMISTIC_LOCK);
		return;
	}
	ck_api_update_finish(op);
}

/*
 * K8S: applyPatcher: server-side apply of the request's configuration to what is stored
 * (found) or to nothing, in which case the result is created (201) as a POST would be.
 */
static void apply_have_current(struct ck_api_op *op, bool found)
{
	size_t len;
	const char *data = ck_http_request_body(op->req, &len);
	const struct ck_schema_kind *sk =
	        ck_schema_kind_find(op->res->group, op->res->version, op->res->kind);
	char manager[CK_APPLY_MANAGER_MAX + 1], ts[CK_TIME_RFC3339_LEN];
	struct ck_error *err = NULL;
	json_t *config = NULL, *out = NULL, *causes = NULL, *md;
	struct ck_buf managed = CK_BUF_INIT;
	const char *kind, *av, *name, *force = ck_http_request_param(op->req, "force");
	bool forced = false;
	unsigned flags = 0;

	if (!sk) {
		ck_api_op_failf(op, 415, CK_REASON_UNSUPPORTED, NULL,
		                "the server does not support server-side apply for %s",
		                op->res->kind);
		return;
	}
	if (ck_apply_parse_config(data, len, &config, &err) < 0) {
		ck_api_op_fail(op, err, NULL);
		return;
	}
	/* Unknown fields are never stored: 400 under Strict, else warned about and dropped. */
	struct apply_unknown u = {.op = op,
	                          .strict = field_validation(op) == CK_SCHEMA_VALIDATION_STRICT};

	if (ck_schema_check(sk->type, config, CK_SCHEMA_CHECK_PRUNE,
	                    field_validation(op) == CK_SCHEMA_VALIDATION_IGNORE
	                            ? NULL
	                            : apply_unknown_field,
	                    &u, &err) < 0 ||
	    u.first) {
		if (u.first)
			ck_api_op_failf(op, 400, CK_REASON_BAD_REQUEST, NULL, "%s", u.first);
		else
			ck_api_op_fail(op, err, NULL);
		ck_error_free(u.first ? err : NULL);
		free(u.first);
		json_decref(config);
		return;
	}
	kind = json_string_value(json_object_get(config, "kind"));
	av = json_string_value(json_object_get(config, "apiVersion"));
	md = json_object_get(config, "metadata");
	name = json_string_value(json_object_get(md, "name"));
	if (!kind || !av || strcmp(kind, op->res->kind) || strcmp(av, op->res->api_version)) {
		/* K8S: the configuration must name the resource's group, version and kind. */
		ck_api_op_failf(
		        op, 400, CK_REASON_BAD_REQUEST, NULL,
		        "the object provided is unrecognized (must be of type %s): apiVersion "
		        "%s and kind %s must be set to %s and %s",
		        op->res->kind, av ? av : "(none)", kind ? kind : "(none)",
		        op->res->api_version, op->res->kind);
		json_decref(config);
		return;
	}
	if (name && strcmp(name, op->name)) {
		ck_api_op_failf(
		        op, 400, CK_REASON_BAD_REQUEST, NULL,
		        "the name of the object (%s) does not match the name on the URL (%s)", name,
		        op->name);
		json_decref(config);
		return;
	}
	if (force)
		ck_api_parse_bool(force, &forced);
	if (op->status_sub)
		flags = CK_APPLY_ONLY_STATUS;
	else if (op->res->has_status)
		flags = CK_APPLY_RESET_STATUS;
	op_manager(op, manager);
	now_rfc3339(ts);
	struct ck_apply_manager m = {.manager = manager,
	                             .api_version = op->res->api_version,
	                             .subresource = op_subresource(op),
	                             .time = ts};

	if (ck_apply_apply(sk->type, found ? op->cur : NULL, config, &m, flags, forced, &out,
	                   &managed, &causes, &err) < 0) {
		/* K8S: errors.NewApplyConflict: details carry the causes only. */
		struct ck_api_status_details d = {.causes = causes};

		json_decref(config);
		ck_buf_release(&managed);
		ck_api_op_fail(op, err, causes ? &d : NULL);
		json_decref(causes);
		return;
	}
	json_decref(config);
	take_result(op, out, &managed);
	md = json_object_get(out, "metadata");
	if (!found) {
		static const char *const wiped[] = {"uid",
		                                    "creationTimestamp",
		                                    "deletionTimestamp",
		                                    "deletionGracePeriodSeconds",
		                                    "selfLink",
		                                    "resourceVersion"};

		if (op->status_sub) {
			ck_api_fail_not_found(op);
			return;
		}
		for (size_t i = 0; i < CK_ARRAY_SIZE(wiped); i++)
			json_object_del(md, wiped[i]);
		json_object_set_new(md, "name", json_string(op->name));
		if (settle_namespace(op, out, false) < 0)
			return;
		/* K8S: NamespaceLifecycle admission, then the create path. */
		check_namespace(op, create_continue);
		return;
	}
	json_object_set_new(md, "name", json_string(op->name));
	/* K8S: a resourceVersion in the configuration is a precondition. */
	patched_finish(op, out);
}

static void patch_have_current(struct ck_api_op *op, bool found)
{
	size_t len;
	const char *patch = ck_http_request_body(op->req, &len);
	struct ck_error *err = NULL;
	json_t *out = NULL;
	const char *name;

	if (op->ptype == CK_PATCH_APPLY_YAML) {
		apply_have_current(op, found);
		return;
	}
	if (!found) {
		ck_api_fail_not_found(op);
		return;
	}
	/* The kind's strategic merge metadata, from the generated schema unless the row has its own. */
	const struct ck_patch_schema *smp = op->res->smp;

	if (!smp) {
		const struct ck_schema_kind *sk =
		        ck_schema_kind_find(op->res->group, op->res->version, op->res->kind);

		smp = sk ? ck_schema_patch_schema(sk) : NULL;
	}
	prune_current(op);
	if (ck_patch_apply(op->ptype, op->cur, patch, len, smp, &out, &err) < 0) {
		struct ck_api_status_details d;

		ck_api_op_details(op, &d);
		ck_api_op_fail(op, err, &d);
		return;
	}
	if (check_patched(op, patch, len, out) < 0) {
		json_decref(out);
		return;
	}
	take_result(op, out, NULL);
	name = md_str(out, "name");
	if (!name || strcmp(name, op->name)) {
		ck_api_op_failf(
		        op, 400, CK_REASON_BAD_REQUEST, NULL,
		        "the name of the object (%s) does not match the name on the URL (%s)",
		        name ? name : "", op->name);
		return;
	}
	/* K8S: a patch that sets metadata.resourceVersion is a precondition on it. */
	patched_finish(op, out);
}

/*
 * K8S: ValidatePatchOptions: an apply names its fieldManager, only an apply may force; 422
 * on PatchOptions.meta.k8s.io. Returns 0, or -1 when op has failed.
 */
static int check_apply_options(struct ck_api_op *op)
{
	const char *fm = ck_http_request_param(op->req, "fieldManager");
	const char *force = ck_http_request_param(op->req, "force");
	struct ck_api_status_details d = {.group = "meta.k8s.io", .kind = "PatchOptions"};
	struct ck_api_errlist l = {0};
	struct ck_error *err = NULL;
	json_t *causes = NULL;
	bool b;

	if (op->ptype != CK_PATCH_APPLY_YAML && force)
		ck_api_errlist_forbidden(&l, "force", "may not be specified for non-apply patch");
	if (op->ptype == CK_PATCH_APPLY_YAML && (!fm || !*fm))
		ck_api_errlist_required(&l, "fieldManager", "is required for apply patch");
	if (fm && strlen(fm) > CK_APPLY_MANAGER_MAX)
		ck_api_errlist_too_long(&l, "fieldManager", CK_APPLY_MANAGER_MAX);
	if (force && ck_api_parse_bool(force, &b) < 0) {
		ck_api_errlist_release(&l);
		ck_api_op_failf(op, 400, CK_REASON_BAD_REQUEST, NULL,
		                "strconv.ParseBool: parsing \"%s\": invalid syntax", force);
		return -1;
	}
	if (!l.n)
		return 0;
	ck_api_errlist_to_error(&l, "PatchOptions.meta.k8s.io", "", &causes, &err);
	d.causes = causes;
	ck_api_op_fail(op, err, &d);
	json_decref(causes);
	ck_api_errlist_release(&l);
	return -1;
}

void ck_api_patch(struct ck_api_op *op)
{
	struct ck_error *err = NULL;
	unsigned accepted = CK_PATCH_ACCEPT(CK_PATCH_JSON) | CK_PATCH_ACCEPT(CK_PATCH_MERGE) |
	                    CK_PATCH_ACCEPT(CK_PATCH_STRATEGIC) |
	                    CK_PATCH_ACCEPT(CK_PATCH_APPLY_YAML);

	if (ck_patch_parse_type(ck_http_request_header(op->req, "Content-Type"), accepted,
	                        &op->ptype, &err) < 0) {
		ck_api_op_fail(op, err, NULL);
		return;
	}
	if (parse_write_options(op, "PatchOptions", NULL, true) < 0 || check_apply_options(op) < 0)
		return;
	ck_api_read_current(op, patch_have_current);
}

/* ---- DELETE ------------------------------------------------------------------------------- */

static void delete_next(struct ck_api_op *op);

/* One object is gone (or marked): reply, or go on with the collection. */
static void delete_item_done(struct ck_api_op *op, json_t *obj, int64_t rv, bool marked)
{
	if (op->kind == CK_API_OP_DELETECOLLECTION) {
		json_t *norm;

		ck_api_obj_set_rv(obj, rv);
		norm = ck_api_obj_normalize(obj);
		json_array_append_new(op->coll_out, norm);
		op->coll_i++;
		delete_next(op);
		return;
	}
	/*
	 * K8S: Store.Delete: an object only marked for deletion (finalizers) comes back as it
	 * now is; a deleted one as it was for kinds with ReturnDeletedObject, else a Status
	 * of Success naming it (finalizeDelete).
	 */
	if (op->res->delete_returns_object || marked) {
		/*
		 * K8S: the delete handler answers 202 Accepted for an object kept for later
		 * only when orphanDependents=false asked for cascading deletion.
		 */
		ck_api_reply_obj(op, marked && op->del.orphan == 0 ? 202 : 200, obj, rv);
		return;
	}
	const char *uid = md_str(obj, "uid");
	json_t *details = json_pack("{s:s}", "name", op->name), *st;
	struct ck_buf b = CK_BUF_INIT;

	if (*op->res->group)
		json_object_set_new(details, "group", json_string(op->res->group));
	json_object_set_new(details, "kind", json_string(op->res->plural));
	if (uid)
		json_object_set_new(details, "uid", json_string(uid));
	st = json_pack("{s:s,s:s,s:{},s:s,s:o}", "kind", "Status", "apiVersion", "v1", "metadata",
	               "status", "Success", "details", details);
	ck_api_obj_dump(st, &b);
	json_decref(st);
	ck_api_op_reply_buf(op, 200, &b);
}

static void delete_have_current(struct ck_api_op *op, bool found);

static void delete_done(struct ck_etcd_cas_result *res, struct ck_error *err, void *arg)
{
	struct ck_api_op *op = arg;

	if (!ck_api_op_resume_ok(op, err)) {
		ck_etcd_cas_result_free(res);
		return;
	}
	if (!res->succeeded) {
		bool gone = !res->kv;

		ck_etcd_cas_result_free(res);
		if (gone && op->kind == CK_API_OP_DELETECOLLECTION) {
			op->coll_i++;
			delete_next(op);
		} else if (gone) {
			ck_api_fail_not_found(op);
		} else if (op->precond_rv || ++op->attempts >= CK_API_UPDATE_RETRIES) {
			ck_api_fail_conflict(op, CK_API_OPTIMISTIC_LOCK);
		} else {
			ck_api_read_current(op, delete_have_current);
		}
		return;
	}
	int64_t rv = res->header.revision;

	ck_etcd_cas_result_free(res);
	/* A graceful mark replies with the marked object at its new revision. */
	if (op->body) {
		json_t *marked = op->body;

		op->body = NULL;
		delete_item_done(op, marked, rv, true);
		json_decref(marked);
		return;
	}
	delete_item_done(op, op->cur, op->cur_rv, false);
}

static void delete_have_current(struct ck_api_op *op, bool found)
{
	json_t *md;
	struct ck_error *err = NULL;
	const char *uid = md_str(op->cur, "uid");

	if (!found) {
		if (op->kind == CK_API_OP_DELETECOLLECTION) {
			op->coll_i++;
			delete_next(op);
			return;
		}
		ck_api_fail_not_found(op);
		return;
	}
	md = json_object_get(op->cur, "metadata");
	/* K8S: storage.Preconditions.Check, surfaced as a Conflict. */
	if (op->precond_uid && !json_equal(op->precond_uid, json_object_get(md, "uid"))) {
		ck_autofree char *key = ck_api_key(op->rs, op->ns, op->name);
		ck_autofree char *why = ck_xasprintf(
		        "StorageError: invalid object, Code: 4, Key: %s, ResourceVersion: 0, "
		        "AdditionalErrorMsg: Precondition failed: UID in precondition: %s, UID in "
		        "object meta: %s",
		        key,
		        json_string_value(op->precond_uid) ? json_string_value(op->precond_uid)
		                                           : "",
		        uid ? uid : "");

		ck_api_fail_conflict(op, why);
		return;
	}
	if (op->precond_rv) {
		char cur[24];

		snprintf(cur, sizeof(cur), "%" PRId64, op->cur_rv);
		if (strcmp(op->precond_rv, cur)) {
			ck_autofree char *key = ck_api_key(op->rs, op->ns, op->name);
			ck_autofree char *why = ck_xasprintf(
			        "StorageError: invalid object, Code: 4, Key: %s, ResourceVersion: "
			        "0, "
			        "AdditionalErrorMsg: Precondition failed: ResourceVersion in "
			        "precondition: %s, ResourceVersion in object meta: %s",
			        key, op->precond_rv, cur);

			ck_api_fail_conflict(op, why);
			return;
		}
	}
	json_t *marked = NULL;

	switch (ck_api_delete_decide(op->res, op->cur, &op->del, ck_time_now().tv_sec, &marked)) {
	case CK_API_DELETE_PENDING:
		delete_item_done(op, op->cur, op->cur_rv, true);
		return;
	case CK_API_DELETE_MARK:
		break;
	case CK_API_DELETE_NOW:
		if (op->dry_run) {
			delete_item_done(op, op->cur, op->cur_rv, false);
			return;
		}
		json_decref(op->body);
		op->body = NULL;
		ck_autofree char *key = ck_api_key(op->rs, op->ns, op->name);
		struct ck_etcd_cas_req req = {.key = key, .mod_revision = op->cur_rv};

		if (ck_etcd_cas_delete(op->srv->etcd, &req, delete_done, op, &err) < 0) {
			ck_api_op_fail(op, err, NULL);
			return;
		}
		op->etcd_pending++;
		return;
	}
	/*
	 * Marked, not deleted: a graceful deletion, finalizers to run, a namespace to empty.
	 * K8S: GuaranteedUpdate writes nothing when nothing changed.
	 */
	if (op->dry_run || json_equal(marked, op->cur)) {
		delete_item_done(op, marked, op->cur_rv, true);
		json_decref(marked);
		return;
	}
	struct ck_buf val = CK_BUF_INIT;

	ck_api_obj_dump_stored(marked, NULL, &val);
	json_decref(op->body);
	op->body = marked;
	ck_autofree char *key = ck_api_key(op->rs, op->ns, op->name);
	struct ck_etcd_cas_req req = {
	        .key = key, .value = val.data, .value_len = val.len, .mod_revision = op->cur_rv};

	if (ck_etcd_cas_update(op->srv->etcd, &req, delete_done, op, &err) < 0) {
		ck_buf_release(&val);
		ck_api_op_fail(op, err, NULL);
		return;
	}
	ck_buf_release(&val);
	op->etcd_pending++;
}

/* DeleteOptions from the body (optional) and the query. */
static int parse_delete_options(struct ck_api_op *op)
{
	size_t len;
	const char *data = ck_http_request_body(op->req, &len);
	json_t *opts = NULL, *pre;
	json_error_t je;

	if (len) {
		if (is_protobuf(op)) {
			struct ck_error *err = NULL;

			/* K8S: drain's DELETE sends DeleteOptions as protobuf (kubectl >= 1.30). */
			if (ck_protobuf_decode(data, len, op->res->group, op->res->version, &opts,
			                       &err) < 0) {
				ck_api_op_fail(op, err, NULL);
				return -1;
			}
		}
		if (!opts)
			opts = json_loadb(data, len, 0, &je);
		if (!json_is_object(opts)) {
			struct ck_buf m = CK_BUF_INIT;

			ck_buf_addf(&m,
			            "the object provided is unrecognized (must be of type "
			            "DeleteOptions): "
			            "couldn't get version/kind; json parse error: %s (",
			            opts ? "the body is not a JSON object" : je.text);
			summarize(&m, data, len);
			ck_buf_addch(&m, ')');
			ck_api_op_failf(op, 400, CK_REASON_BAD_REQUEST, NULL, "%s", m.data);
			ck_buf_release(&m);
			json_decref(opts);
			return -1;
		}
	}
	if (ck_api_parse_dry_run(op, "DeleteOptions", json_object_get(opts, "dryRun")) < 0) {
		json_decref(opts);
		return -1;
	}
	if (ck_api_delete_opts_parse(op, opts) < 0) {
		json_decref(opts);
		return -1;
	}
	pre = json_object_get(opts, "preconditions");
	if (json_is_object(pre)) {
		json_t *uid = json_object_get(pre, "uid");
		const char *rv = json_string_value(json_object_get(pre, "resourceVersion"));

		if (json_is_string(uid))
			op->precond_uid = json_incref(uid);
		if (rv)
			op->precond_rv = ck_xstrdup(rv);
	}
	json_decref(opts);
	return 0;
}

void ck_api_delete(struct ck_api_op *op)
{
	if (parse_delete_options(op) < 0)
		return;
	ck_api_read_current(op, delete_have_current);
}

static void delete_next(struct ck_api_op *op)
{
	if (!op->coll_names[op->coll_i]) {
		struct ck_buf b = CK_BUF_INIT;
		json_t *list =
		        json_pack("{s:s,s:s,s:{},s:O}", "kind", op->res->list_kind, "apiVersion",
		                  op->res->api_version, "metadata", "items", op->coll_out);

		/* K8S: DeleteCollection answers with the list of what it deleted. */
		ck_api_obj_dump(list, &b);
		json_decref(list);
		ck_api_op_reply_buf(op, 200, &b);
		return;
	}
	free(op->name);
	op->name = ck_xstrdup(op->coll_names[op->coll_i]);
	free(op->ns);
	op->ns = ck_xstrdup(op->coll_names[op->coll_i] + strlen(op->coll_names[op->coll_i]) + 1);
	op->attempts = 0;
	json_decref(op->body);
	op->body = NULL;
	ck_api_read_current(op, delete_have_current);
}

static void collection_listed(struct ck_api_op *op)
{
	struct ck_error *err = NULL;
	struct ck_watch_cache_list_opts lo = {
	        .ns = op->ns,
	        .filter = ck_api_filter,
	        .filter_arg = op,
	};
	struct ck_obj_list l;

	if (ck_watch_cache_list(op->rs->cache, &lo, &l, &err) < 0) {
		ck_api_op_fail(op, err, NULL);
		return;
	}
	/* Each entry is "name\0namespace". */
	op->coll_names = ck_xcalloc(l.n + 1, sizeof(char *));
	for (size_t i = 0; i < l.n; i++) {
		size_t nl = strlen(l.items[i]->name), sl = strlen(l.items[i]->ns);
		char *e = ck_xmalloc(nl + sl + 2);

		memcpy(e, l.items[i]->name, nl + 1);
		memcpy(e + nl + 1, l.items[i]->ns, sl + 1);
		op->coll_names[i] = e;
	}
	ck_obj_list_release(&l);
	op->coll_out = json_array();
	op->coll_i = 0;
	delete_next(op);
}

void ck_api_delete_collection(struct ck_api_op *op)
{
	if (ck_api_parse_read_opts(op) < 0 || parse_delete_options(op) < 0)
		return;
	if (op->precond_uid || op->precond_rv) {
		ck_api_op_failf(op, 400, CK_REASON_BAD_REQUEST, NULL,
		                "preconditions are not supported on a collection");
		return;
	}
	ck_api_wait_fresh(op, true, 0, collection_listed);
}
