/*
 * The subresources that are more than a view of their object (DESIGN.md §3): pods/eviction,
 * which deletes a pod only as far as its PodDisruptionBudget allows, pods/binding, which
 * assigns a pod to a node once, and <workload>/scale, the autoscaling/v1 Scale view of a
 * Deployment, ReplicaSet or StatefulSet that kubectl scale reads and writes. (The status
 * subresource is the update path of handler-write.c with the status strategy.)
 *
 * An eviction reads the pod and the budgets of its namespace in one etcd read, decides as
 * kube-apiserver's EvictionREST does, and then writes the budget's decremented
 * disruptionsAllowed and the pod's deletion in ONE etcd transaction that compares both
 * mod revisions: two evictions racing for the last allowed disruption cannot both pass,
 * the loser reads again and gets 429. (Upstream updates the budget and deletes the pod in
 * two steps; the transaction makes the pair atomic.) Until a disruption controller
 * exists, a budget's status is whatever was last written to it through its status
 * subresource.
 *
 * Everything here runs on the server's loop.
 */
#include <jansson.h>
#include <openssl/ecdsa.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/sha.h>
#include <openssl/x509.h>

#include "base/compat.h"

#include "api/api-int.h"
#include "api/protobuf.h"
#include "api/schema.h"
#include "base/json.h"
#include "base/log.h"
#include "base/mem.h"
#include "base/time.h"

/* ---- common --------------------------------------------------------------------------- */

static const char *md_str(const json_t *obj, const char *key)
{
	return json_string_value(json_object_get(json_object_get(obj, "metadata"), key));
}

static void now_rfc3339(char buf[CK_TIME_RFC3339_LEN])
{
	ck_time_format_rfc3339(ck_time_now().tv_sec, buf);
}

/* K8S: a NamedCreater's metav1.Status{Status: Success}, 201 from the create handler. */
static void reply_success(struct ck_api_op *op)
{
	struct ck_buf b = CK_BUF_INIT;

	ck_api_status_append(&b, 201, "", NULL, NULL);
	ck_api_op_reply_buf(op, 201, &b);
}

/* The child object of obj named key, created when missing or not an object. */
static json_t *child(json_t *obj, const char *key)
{
	json_t *c = json_object_get(obj, key);

	if (!json_is_object(c)) {
		c = json_object();
		json_object_set_new(obj, key, c);
	}
	return c;
}

/*
 * The body of a subresource write as a JSON object of kind (any of the group versions in
 * versions, NULL-terminated; the first is the one a protobuf body without one takes), or
 * NULL after a 400 or 415 reply.
 */
static json_t *parse_sub_body(struct ck_api_op *op, const char *kind, const char *const *versions)
{
	const char *ct = ck_http_request_header(op->req, "Content-Type");
	size_t len, n;
	const char *data = ck_http_request_body(op->req, &len);
	json_t *obj = NULL;
	json_error_t je;
	const char *k, *av;
	bool ok = false;

	if (ck_protobuf_is_media_type(ct)) {
		struct ck_error *err = NULL;
		const char *av0 = NULL;
		char group[64] = "";

		/*
		 * K8S: the body's group version is the subresource kind's (policy for an
		 * Eviction), not the URL's: decode with that, trying each accepted version.
		 */
		for (size_t i = 0; versions[i] && !obj; i++) {
			const char *slash = strchr(versions[i], '/');

			ck_error_free(err);
			err = NULL;
			av0 = versions[i];
			if (slash)
				snprintf(group, sizeof(group), "%.*s", (int)(slash - av0), av0);
			else
				group[0] = '\0';
			if (ck_protobuf_decode(data, len, group, slash ? slash + 1 : av0, &obj,
			                       &err) < 0)
				obj = NULL;
		}
		if (!obj) {
			ck_api_op_fail(op, err, NULL);
			return NULL;
		}
		ck_error_free(err);
	} else if (ct && *ct) {
		n = strcspn(ct, ";");
		while (n && (ct[n - 1] == ' ' || ct[n - 1] == '\t'))
			n--;
		if (n != strlen("application/json") || strncasecmp(ct, "application/json", n)) {
			/* K8S: negotiation.NegotiateInputSerializer. */
			ck_api_op_failf(
			        op, 415, CK_REASON_UNSUPPORTED, NULL,
			        "the body of the request was in an unknown format - accepted "
			        "media types include: application/json, "
			        "application/vnd.kubernetes.protobuf");
			return NULL;
		}
	}
	if (!obj)
		obj = json_loadb(data, len, JSON_REJECT_DUPLICATES, &je);
	if (!json_is_object(obj)) {
		ck_api_op_failf(
		        op, 400, CK_REASON_BAD_REQUEST, NULL,
		        "the object provided is unrecognized (must be of type %s): couldn't "
		        "get version/kind; json parse error: %s",
		        kind, obj ? "the body is not a JSON object" : je.text);
		json_decref(obj);
		return NULL;
	}
	k = json_string_value(json_object_get(obj, "kind"));
	av = json_string_value(json_object_get(obj, "apiVersion"));
	if (k && *k && strcmp(k, kind)) {
		ck_api_op_failf(op, 400, CK_REASON_BAD_REQUEST, NULL,
		                "%s in version \"%s\" cannot be handled as a %s", k, av ? av : "",
		                kind);
		json_decref(obj);
		return NULL;
	}
	for (size_t i = 0; versions[i]; i++)
		ok |= !av || !*av || !strcmp(av, versions[i]);
	if (!ok) {
		/* K8S: createHandler: AcceptsGroupVersion (EvictionREST: policy v1 and v1beta1). */
		ck_api_op_failf(op, 400, CK_REASON_BAD_REQUEST, NULL,
		                "the API version in the data (%s) does not match the expected API "
		                "version (%s)",
		                av, versions[0]);
		json_decref(obj);
		return NULL;
	}
	if (!json_is_object(json_object_get(obj, "metadata")))
		json_object_set_new(obj, "metadata", json_object());
	return obj;
}

/* K8S: storage.Preconditions.Check of a DELETE, surfaced as 409 Conflict. */
static int check_preconditions(struct ck_api_op *op)
{
	const char *uid = md_str(op->cur, "uid");
	char cur[24];

	if (op->precond_uid &&
	    !json_equal(op->precond_uid,
	                json_object_get(json_object_get(op->cur, "metadata"), "uid"))) {
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
		return -1;
	}
	snprintf(cur, sizeof(cur), "%" PRId64, op->cur_rv);
	if (op->precond_rv && strcmp(op->precond_rv, cur)) {
		ck_autofree char *key = ck_api_key(op->rs, op->ns, op->name);
		ck_autofree char *why = ck_xasprintf(
		        "StorageError: invalid object, Code: 4, Key: %s, ResourceVersion: 0, "
		        "AdditionalErrorMsg: Precondition failed: ResourceVersion in precondition: "
		        "%s, ResourceVersion in object meta: %s",
		        key, op->precond_rv, cur);

		ck_api_fail_conflict(op, why);
		return -1;
	}
	return 0;
}

/* ---- pods/eviction -------------------------------------------------------------------- */

#define EVICTION_PDB_MSG "Cannot evict pod as it would violate the pod's disruption budget."
/* K8S: eviction.go MaxDisruptedPodSize. */
#define MAX_DISRUPTED_PODS 2000

static void evict_read(struct ck_api_op *op);

/* K8S: errors.NewTooManyRequests with the DisruptionBudget cause (policyv1.DisruptionBudgetCause). */
static void fail_budget(struct ck_api_op *op, int retry_after, const char *cause)
{
	struct ck_api_status_details d = {.retry_after = retry_after};
	json_t *causes = json_pack("[{s:s,s:s}]", "reason", "DisruptionBudget", "message", cause);

	d.causes = causes;
	ck_api_op_failf(op, 429, CK_REASON_TOO_MANY, &d, "%s", EVICTION_PDB_MSG);
	json_decref(causes);
}

/* K8S: eviction.go createTooManyRequestsError: the budget's status is not current. */
static void fail_budget_stale(struct ck_api_op *op, const char *pdb_name)
{
	ck_autofree char *cause = ck_xasprintf(
	        "The disruption budget %s is still being processed by the server.", pdb_name);

	fail_budget(op, 10, cause);
}

/* K8S: podutil.IsPodReady: condition Ready is True. */
static bool pod_ready(const json_t *pod)
{
	size_t i;
	json_t *c;

	json_array_foreach(json_object_get(json_object_get(pod, "status"), "conditions"), i, c)
	{
		const char *t = json_string_value(json_object_get(c, "type"));
		const char *s = json_string_value(json_object_get(c, "status"));

		if (t && !strcmp(t, "Ready"))
			return s && !strcmp(s, "True");
	}
	return false;
}

/*
 * K8S: eviction.go canIgnorePDB: a pod that is Succeeded, Failed or Pending, or already
 * being deleted, is deleted without consulting budgets.
 */
static bool can_ignore_pdb(const json_t *pod)
{
	const char *phase =
	        json_string_value(json_object_get(json_object_get(pod, "status"), "phase"));

	if (json_object_get(json_object_get(pod, "metadata"), "deletionTimestamp"))
		return true;
	return phase && (!strcmp(phase, "Succeeded") || !strcmp(phase, "Failed") ||
	                 !strcmp(phase, "Pending"));
}

static json_int_t status_int(const json_t *obj, const char *key)
{
	return json_integer_value(json_object_get(json_object_get(obj, "status"), key));
}

/*
 * K8S: pdbhelper.UpdateDisruptionAllowedCondition with meta.SetStatusCondition: the
 * DisruptionAllowed condition, False/InsufficientPods once no disruption is left.
 */
static void set_disruption_condition(json_t *pdb, const char *now)
{
	json_t *st = child(pdb, "status"), *conds = json_object_get(st, "conditions"), *c,
	       *found = NULL;
	bool allowed = status_int(pdb, "disruptionsAllowed") > 0;
	const char *want = allowed ? "True" : "False";
	size_t i;

	if (!json_is_array(conds)) {
		conds = json_array();
		json_object_set_new(st, "conditions", conds);
	}
	json_array_foreach(conds, i, c)
	{
		const char *t = json_string_value(json_object_get(c, "type"));

		if (t && !strcmp(t, "DisruptionAllowed"))
			found = c;
	}
	if (!found) {
		found = json_pack("{s:s,s:s}", "type", "DisruptionAllowed", "message", "");
		json_array_append_new(conds, found);
	}
	const char *was = json_string_value(json_object_get(found, "status"));

	if (!was || strcmp(was, want))
		json_object_set_new(found, "lastTransitionTime", json_string(now));
	json_object_set_new(found, "status", json_string(want));
	json_object_set_new(found, "reason",
	                    json_string(allowed ? "SufficientPods" : "InsufficientPods"));
	json_object_set_new(found, "observedGeneration",
	                    json_integer(status_int(pdb, "observedGeneration")));
	if (!json_object_get(found, "message"))
		json_object_set_new(found, "message", json_string(""));
}

static void evict_written(struct ck_etcd_txn_result *res, struct ck_error *err, void *arg)
{
	struct ck_api_op *op = arg;

	if (!ck_api_op_resume_ok(op, err)) {
		ck_etcd_txn_result_free(res);
		return;
	}
	bool ok = res->succeeded;

	ck_etcd_txn_result_free(res);
	if (ok) {
		ck_debug(CK_API_LOG, "evicted pod %s/%s%s%s", op->ns, op->name,
		         op->pdb ? " under budget " : "", op->pdb ? md_str(op->pdb, "name") : "");
		reply_success(op);
		return;
	}
	/*
	 * K8S: eviction.go retries conflicts (EvictionsRetry), except when the client named a
	 * resourceVersion precondition; out of retries a budget conflict is a Timeout.
	 */
	if (op->precond_rv) {
		ck_api_fail_conflict(op, CK_API_OPTIMISTIC_LOCK);
		return;
	}
	if (++op->attempts >= CK_API_EVICTION_RETRIES) {
		if (op->pdb) {
			struct ck_api_status_details d = {.retry_after = 10};

			ck_api_op_failf(
			        op, 504, CK_REASON_TIMEOUT, &d,
			        "couldn't update PodDisruptionBudget \"%s\" due to conflicts",
			        md_str(op->pdb, "name"));
		} else {
			ck_api_fail_conflict(op, CK_API_OPTIMISTIC_LOCK);
		}
		return;
	}
	evict_read(op);
}

/*
 * Write the eviction: the budget (op->pdb, if any) and the pod's deletion, in one txn that
 * holds only while neither changed since they were read.
 */
static void evict_write(struct ck_api_op *op)
{
	struct ck_buf pdb_val = CK_BUF_INIT, pod_val = CK_BUF_INIT;
	struct ck_error *err = NULL;
	ck_autofree char *pod_key = ck_api_key(op->rs, op->ns, op->name);
	struct ck_etcd_cmp cmps[2];
	struct ck_etcd_op ops[2];
	size_t nc = 0, no = 0;
	json_t *marked = NULL;

	if (op->dry_run) {
		reply_success(op);
		return;
	}
	memset(cmps, 0, sizeof(cmps));
	memset(ops, 0, sizeof(ops));
	cmps[nc++] = (struct ck_etcd_cmp){.key = pod_key,
	                                  .target = CK_ETCD_CMP_MOD,
	                                  .result = CK_ETCD_CMP_EQUAL,
	                                  .number = op->cur_rv};
	if (op->pdb) {
		cmps[nc++] = (struct ck_etcd_cmp){.key = op->pdb_key,
		                                  .target = CK_ETCD_CMP_MOD,
		                                  .result = CK_ETCD_CMP_EQUAL,
		                                  .number = op->pdb_rv};
		ck_api_obj_dump_stored(op->pdb, NULL, &pdb_val);
		ops[no].type = CK_ETCD_OP_PUT;
		ops[no].put.key = op->pdb_key;
		ops[no].put.value = pdb_val.data;
		ops[no].put.value_len = pdb_val.len;
		no++;
	}
	switch (ck_api_delete_decide(op->res, op->cur, &op->del, ck_time_now().tv_sec, &marked)) {
	case CK_API_DELETE_NOW:
		ops[no].type = CK_ETCD_OP_DELETE;
		ops[no].del.key = pod_key;
		no++;
		break;
	case CK_API_DELETE_MARK:
		/* Graceful or with finalizers: only marked; the kubelet or their owners end it. */
		if (json_equal(marked, op->cur))
			break;
		ck_api_obj_dump_stored(marked, NULL, &pod_val);
		ops[no].type = CK_ETCD_OP_PUT;
		ops[no].put.key = pod_key;
		ops[no].put.value = pod_val.data;
		ops[no].put.value_len = pod_val.len;
		no++;
		break;
	case CK_API_DELETE_PENDING:
		break;
	}
	json_decref(marked);
	if (!no) {
		/* Already being deleted: nothing more to do. */
		reply_success(op);
		return;
	}
	struct ck_etcd_txn_req txn = {.cmps = cmps, .n_cmps = nc, .success = ops, .n_success = no};

	if (ck_etcd_txn(op->srv->etcd, &txn, evict_written, op, &err) < 0) {
		ck_buf_release(&pdb_val);
		ck_buf_release(&pod_val);
		ck_api_op_fail(op, err, NULL);
		return;
	}
	ck_buf_release(&pdb_val);
	ck_buf_release(&pod_val);
	op->etcd_pending++;
}

/*
 * K8S: eviction.go getPodDisruptionBudgets: the budgets of the pod's namespace whose
 * selector matches its labels; an invalid, nil or empty selector matches nothing.
 * Returns how many match; the first is left in op->pdb, op->pdb_rv and op->pdb_key.
 */
static size_t match_budgets(struct ck_api_op *op, const struct ck_etcd_range_result *pdbs)
{
	const json_t *labels = json_object_get(json_object_get(op->cur, "metadata"), "labels");
	size_t n = 0;

	json_decref(op->pdb);
	op->pdb = NULL;
	free(op->pdb_key);
	op->pdb_key = NULL;
	for (size_t i = 0; i < pdbs->n_kvs; i++) {
		json_t *pdb = ck_api_obj_from_kv(pdbs->kvs[i].value, pdbs->kvs[i].value_len,
		                                 pdbs->kvs[i].mod_revision);
		struct ck_label_selector *sel = NULL;
		struct ck_error *err = NULL;

		if (!pdb)
			continue;
		if (ck_api_label_selector_from_json(
		            json_object_get(json_object_get(pdb, "spec"), "selector"), &sel, &err) <
		    0) {
			ck_error_free(err);
			json_decref(pdb);
			continue;
		}
		if (sel && !ck_label_selector_empty(sel) &&
		    ck_label_selector_matches(sel, labels)) {
			if (!n++) {
				op->pdb = json_incref(pdb);
				op->pdb_rv = pdbs->kvs[i].mod_revision;
				op->pdb_key = ck_xstrdup(pdbs->kvs[i].key);
			}
		}
		ck_label_selector_free(sel);
		json_decref(pdb);
	}
	return n;
}

/* The pod and its namespace's budgets were read (one snapshot): decide. */
static void evict_decide(struct ck_api_op *op, struct ck_etcd_range_result *pod,
                         struct ck_etcd_range_result *pdbs)
{
	const char *pdb_name;
	json_int_t allowed;

	json_decref(op->cur);
	op->cur = NULL;
	json_decref(op->pdb);
	op->pdb = NULL;
	if (!pod->n_kvs) {
		ck_api_fail_not_found(op);
		return;
	}
	op->cur_rv = pod->kvs[0].mod_revision;
	op->cur = ck_api_obj_from_kv(pod->kvs[0].value, pod->kvs[0].value_len, op->cur_rv);
	if (!op->cur) {
		ck_api_op_failf(op, 500, CK_REASON_INTERNAL, NULL,
		                "Internal error occurred: stored pod %s/%s is not a JSON object",
		                op->ns, op->name);
		return;
	}
	if (check_preconditions(op) < 0)
		return;
	if (can_ignore_pdb(op->cur)) {
		evict_write(op);
		return;
	}
	size_t n = match_budgets(op, pdbs);

	if (n > 1) {
		/* K8S: eviction.go: a Status of Failure, code 500, without a reason. */
		ck_api_op_failf(
		        op, 500, "", NULL,
		        "This pod has more than one PodDisruptionBudget, which the eviction "
		        "subresource does not support.");
		return;
	}
	if (!n) {
		evict_write(op);
		return;
	}
	pdb_name = md_str(op->pdb, "name");
	/*
	 * K8S: an unready pod does not count as healthy: when the budget is met without it,
	 * it is deleted without spending a disruption.
	 */
	if (!pod_ready(op->cur) &&
	    status_int(op->pdb, "currentHealthy") >= status_int(op->pdb, "desiredHealthy") &&
	    status_int(op->pdb, "desiredHealthy") > 0) {
		json_decref(op->pdb);
		op->pdb = NULL;
		evict_write(op);
		return;
	}
	/* K8S: eviction.go checkAndDecrement. */
	if (status_int(op->pdb, "observedGeneration") <
	    json_integer_value(
	            json_object_get(json_object_get(op->pdb, "metadata"), "generation"))) {
		fail_budget_stale(op, pdb_name);
		return;
	}
	allowed = status_int(op->pdb, "disruptionsAllowed");
	if (allowed < 0 ||
	    json_object_size(json_object_get(json_object_get(op->pdb, "status"), "disruptedPods")) >
	            MAX_DISRUPTED_PODS) {
		struct ck_api_status_details d = {
		        .name = pdb_name, .group = "policy", .kind = "poddisruptionbudget"};

		ck_api_op_failf(op, 403, CK_REASON_FORBIDDEN, &d,
		                "poddisruptionbudget.policy \"%s\" is forbidden: %s", pdb_name,
		                allowed < 0 ? "pdb disruptions allowed is negative"
		                            : "DisruptedPods map too big - too many evictions not "
		                              "confirmed by PDB controller");
		return;
	}
	if (allowed == 0) {
		ck_autofree char *cause =
		        ck_xasprintf("The disruption budget %s needs %" JSON_INTEGER_FORMAT
		                     " healthy pods and has %" JSON_INTEGER_FORMAT " currently",
		                     pdb_name, status_int(op->pdb, "desiredHealthy"),
		                     status_int(op->pdb, "currentHealthy"));

		fail_budget(op, 0, cause);
		return;
	}
	char ts[CK_TIME_RFC3339_LEN];
	json_t *st = child(op->pdb, "status");

	now_rfc3339(ts);
	json_object_set_new(st, "disruptionsAllowed", json_integer(allowed - 1));
	if (allowed - 1 == 0)
		set_disruption_condition(op->pdb, ts);
	/*
	 * K8S: the eviction tells the disruption controller the pod is going, so that it does
	 * not count it as available while it terminates.
	 */
	json_object_set_new(child(st, "disruptedPods"), op->name, json_string(ts));
	evict_write(op);
}

static void evict_read_done(struct ck_etcd_txn_result *res, struct ck_error *err, void *arg)
{
	struct ck_api_op *op = arg;

	if (!ck_api_op_resume_ok(op, err)) {
		ck_etcd_txn_result_free(res);
		return;
	}
	CK_BUG_ON(res->n_responses != 2 || res->responses[0].type != CK_ETCD_OP_RANGE ||
	          res->responses[1].type != CK_ETCD_OP_RANGE);
	evict_decide(op, &res->responses[0].range, &res->responses[1].range);
	ck_etcd_txn_result_free(res);
}

/* Read the pod and its namespace's budgets at one revision (a txn of two ranges). */
static void evict_read(struct ck_api_op *op)
{
	const struct ck_resource *pdbres =
	        ck_api_resource_find("policy", "v1", "poddisruptionbudgets");
	struct ck_api_rstate *prs = ck_api_rstate_of(op->srv, pdbres);
	ck_autofree char *pod_key = ck_api_key(op->rs, op->ns, op->name);
	ck_autofree char *pdb_prefix = ck_api_key(prs, op->ns, "");
	struct ck_error *err = NULL;
	struct ck_etcd_op ops[2];

	memset(ops, 0, sizeof(ops));
	ops[0].type = CK_ETCD_OP_RANGE;
	ops[0].range.key = pod_key;
	ops[1].type = CK_ETCD_OP_RANGE;
	ops[1].range.key = pdb_prefix;
	ops[1].range.prefix = true;
	struct ck_etcd_txn_req txn = {.success = ops, .n_success = 2};

	if (ck_etcd_txn(op->srv->etcd, &txn, evict_read_done, op, &err) < 0) {
		ck_api_op_fail(op, err, NULL);
		return;
	}
	op->etcd_pending++;
}

void ck_api_evict(struct ck_api_op *op)
{
	/* K8S: EvictionREST.AcceptsGroupVersion: policy/v1 and policy/v1beta1. */
	static const char *const versions[] = {"policy/v1", "policy/v1beta1", NULL};
	json_t *body = parse_sub_body(op, "Eviction", versions), *opts, *pre;
	const char *name;

	if (!body)
		return;
	op->body = body;
	name = md_str(body, "name");
	if (!name || strcmp(name, op->name)) {
		/* K8S: EvictionREST.Create. */
		ck_api_op_failf(op, 400, CK_REASON_BAD_REQUEST, NULL,
		                "name in URL does not match name in Eviction object");
		return;
	}
	opts = json_object_get(body, "deleteOptions");
	if (opts && !json_is_null(opts) && !json_is_object(opts)) {
		ck_api_op_failf(op, 400, CK_REASON_BAD_REQUEST, NULL,
		                "deleteOptions must be an object");
		return;
	}
	/* K8S: propagateDryRun: the query's dryRun and the body's deleteOptions.dryRun. */
	if (ck_api_parse_dry_run(op, "DeleteOptions", json_object_get(opts, "dryRun")) < 0)
		return;
	/*
	 * K8S: deleteOptions (grace period, propagation, preconditions) apply to the pod
	 * as a DELETE's do; a resourceVersion precondition turns off the retries.
	 */
	json_t *empty = json_object();
	int bad = ck_api_delete_opts_parse(op, json_is_object(opts) ? opts : empty);

	json_decref(empty);
	if (bad < 0)
		return;
	pre = json_object_get(opts, "preconditions");
	if (json_is_object(pre)) {
		json_t *uid = json_object_get(pre, "uid");
		const char *rv = json_string_value(json_object_get(pre, "resourceVersion"));

		if (json_is_string(uid))
			op->precond_uid = json_incref(uid);
		if (rv)
			op->precond_rv = ck_xstrdup(rv);
	}
	evict_read(op);
}

/* ---- pods/binding --------------------------------------------------------------------- */

static void bind_have_current(struct ck_api_op *op, bool found);

static void bind_done(struct ck_etcd_cas_result *res, struct ck_error *err, void *arg)
{
	struct ck_api_op *op = arg;

	if (!ck_api_op_resume_ok(op, err)) {
		ck_etcd_cas_result_free(res);
		return;
	}
	bool ok = res->succeeded, gone = !res->kv;

	ck_etcd_cas_result_free(res);
	if (ok) {
		reply_success(op);
	} else if (gone) {
		ck_api_fail_not_found(op);
	} else if (op->precond_rv || ++op->attempts >= CK_API_UPDATE_RETRIES) {
		ck_api_fail_conflict(op, CK_API_OPTIMISTIC_LOCK);
	} else {
		/* K8S: setPodHostAndAnnotations is a GuaranteedUpdate: read again. */
		ck_api_read_current(op, bind_have_current);
	}
}

/* K8S: podutil.UpdatePodCondition(PodScheduled=True). */
static void set_scheduled(json_t *pod, const char *now)
{
	json_t *st = child(pod, "status"), *conds = json_object_get(st, "conditions"), *c;
	size_t i;

	if (!json_is_array(conds)) {
		conds = json_array();
		json_object_set_new(st, "conditions", conds);
	}
	json_array_foreach(conds, i, c)
	{
		const char *t = json_string_value(json_object_get(c, "type"));
		const char *s = json_string_value(json_object_get(c, "status"));

		if (t && !strcmp(t, "PodScheduled")) {
			if (!s || strcmp(s, "True"))
				json_object_set_new(c, "lastTransitionTime", json_string(now));
			json_object_set_new(c, "status", json_string("True"));
			return;
		}
	}
	json_array_append_new(conds,
	                      json_pack("{s:s,s:s,s:n,s:s}", "type", "PodScheduled", "status",
	                                "True", "lastProbeTime", "lastTransitionTime", now));
}

/* K8S: pod storage setPodHostAndAnnotations. */
static void bind_have_current(struct ck_api_op *op, bool found)
{
	json_t *pod, *spec, *ann;
	const char *node =
	        json_string_value(json_object_get(json_object_get(op->body, "target"), "name"));
	const char *cur_node;
	struct ck_buf val = CK_BUF_INIT;
	struct ck_error *err = NULL;
	char ts[CK_TIME_RFC3339_LEN];
	const char *k;
	json_t *v;

	if (!found) {
		ck_api_fail_not_found(op);
		return;
	}
	if (check_preconditions(op) < 0)
		return;
	if (json_object_get(json_object_get(op->cur, "metadata"), "deletionTimestamp")) {
		ck_autofree char *why = ck_xasprintf(
		        "pod %s is being deleted, cannot be assigned to a host", op->name);

		ck_api_fail_conflict(op, why);
		return;
	}
	cur_node = json_string_value(json_object_get(json_object_get(op->cur, "spec"), "nodeName"));
	if (cur_node && *cur_node) {
		ck_autofree char *why = ck_xasprintf("pod %s is already assigned to node \"%s\"",
		                                     op->name, cur_node);

		ck_api_fail_conflict(op, why);
		return;
	}
	pod = json_deep_copy(op->cur);
	spec = child(pod, "spec");
	json_object_set_new(spec, "nodeName", json_string(node));
	/* K8S: the binding's annotations are copied onto the pod. */
	ann = json_object_get(json_object_get(op->body, "metadata"), "annotations");
	json_object_foreach(ann, k, v)
	{
		if (json_is_string(v))
			json_object_set(child(child(pod, "metadata"), "annotations"), k, v);
	}
	now_rfc3339(ts);
	set_scheduled(pod, ts);
	if (op->dry_run) {
		json_decref(pod);
		reply_success(op);
		return;
	}
	ck_api_obj_dump_stored(pod, NULL, &val);
	json_decref(pod);
	ck_autofree char *key = ck_api_key(op->rs, op->ns, op->name);
	struct ck_etcd_cas_req req = {
	        .key = key, .value = val.data, .value_len = val.len, .mod_revision = op->cur_rv};

	if (ck_etcd_cas_update(op->srv->etcd, &req, bind_done, op, &err) < 0) {
		ck_buf_release(&val);
		ck_api_op_fail(op, err, NULL);
		return;
	}
	ck_buf_release(&val);
	op->etcd_pending++;
}

void ck_api_bind(struct ck_api_op *op)
{
	static const char *const versions[] = {"v1", NULL};
	json_t *body, *md;
	const char *name, *tkind, *tname, *uid, *rv;

	if (ck_api_parse_dry_run(op, "CreateOptions", NULL) < 0)
		return;
	body = parse_sub_body(op, "Binding", versions);
	if (!body)
		return;
	op->body = body;
	md = json_object_get(body, "metadata");
	name = md_str(body, "name");
	/* K8S: BindingREST.Create. */
	if (!name || strcmp(name, op->name)) {
		ck_api_op_failf(op, 400, CK_REASON_BAD_REQUEST, NULL,
		                "name in URL does not match name in Binding object");
		return;
	}
	/* K8S: ValidatePodBinding: target.kind is Node (or empty) and target.name is set. */
	tkind = json_string_value(json_object_get(json_object_get(body, "target"), "kind"));
	tname = json_string_value(json_object_get(json_object_get(body, "target"), "name"));
	if ((tkind && *tkind && strcmp(tkind, "Node")) || !tname || !*tname) {
		struct ck_api_errlist l = {0};
		struct ck_api_status_details d = {.name = op->name, .kind = "Binding"};
		struct ck_error *err = NULL;
		json_t *causes = NULL;
		static const char *const kinds[] = {"Node", "<empty>", NULL};

		if (tkind && *tkind && strcmp(tkind, "Node"))
			ck_api_errlist_not_supported(&l, "target.kind", tkind, kinds);
		if (!tname || !*tname)
			ck_api_errlist_required(&l, "target.name", "");
		ck_api_errlist_to_error(&l, "Binding", op->name, &causes, &err);
		d.causes = causes;
		ck_api_op_fail(op, err, &d);
		json_decref(causes);
		ck_api_errlist_release(&l);
		return;
	}
	/* K8S: assignPod: the binding's uid and resourceVersion are preconditions on the pod. */
	uid = json_string_value(json_object_get(md, "uid"));
	rv = json_string_value(json_object_get(md, "resourceVersion"));
	if (uid && *uid)
		op->precond_uid = json_string(uid);
	if (rv && *rv)
		op->precond_rv = ck_xstrdup(rv);
	ck_api_read_current(op, bind_have_current);
}

/* ---- <workload>/scale ------------------------------------------------------------------ */

json_t *ck_api_scale_of(const json_t *obj, int64_t rv)
{
	const json_t *md = json_object_get(obj, "metadata"), *spec = json_object_get(obj, "spec");
	json_t *scale, *smd, *sspec, *sst;
	struct ck_label_selector *sel = NULL;
	struct ck_error *err = NULL;
	static const char *const keep[] = {"name", "namespace", "uid", "resourceVersion",
	                                   "creationTimestamp"};
	json_int_t replicas = json_integer_value(json_object_get(spec, "replicas"));

	/*
	 * K8S: scaleFromDeployment (and the ReplicaSet and StatefulSet ones): name,
	 * namespace, uid, resourceVersion and creationTimestamp; spec.replicas (omitted
	 * when 0); status.replicas and the selector as a string.
	 */
	scale = json_pack("{s:s,s:s}", "kind", "Scale", "apiVersion", "autoscaling/v1");
	smd = json_object();
	for (size_t i = 0; i < CK_ARRAY_SIZE(keep); i++) {
		json_t *v = json_object_get(md, keep[i]);

		if (v)
			json_object_set(smd, keep[i], v);
	}
	json_object_set_new(scale, "metadata", smd);
	ck_api_obj_set_rv(scale, rv);
	sspec = json_object();
	if (replicas)
		json_object_set_new(sspec, "replicas", json_integer(replicas));
	json_object_set_new(scale, "spec", sspec);
	sst = json_pack("{s:I}", "replicas",
	                (json_int_t)json_integer_value(
	                        json_object_get(json_object_get(obj, "status"), "replicas")));
	if (ck_api_label_selector_from_json(json_object_get(spec, "selector"), &sel, &err) == 0) {
		char *s = ck_label_selector_string(sel);

		if (sel && *s)
			json_object_set_new(sst, "selector", json_string(s));
		free(s);
		ck_label_selector_free(sel);
	} else {
		ck_error_free(err);
	}
	json_object_set_new(scale, "status", sst);
	return scale;
}

static void scale_have_current(struct ck_api_op *op, bool found)
{
	json_t *scale = NULL, *cur_scale, *r, *workload;
	struct ck_error *err = NULL;
	const char *rv, *name;
	int64_t want;

	if (!found) {
		ck_api_fail_not_found(op);
		return;
	}
	if (op->kind == CK_API_OP_GET) {
		struct ck_buf b = CK_BUF_INIT;
		json_t *s = ck_api_scale_of(op->cur, op->cur_rv);

		ck_api_obj_dump(s, &b);
		json_decref(s);
		ck_api_op_reply_buf(op, 200, &b);
		return;
	}
	cur_scale = ck_api_scale_of(op->cur, op->cur_rv);
	if (op->kind == CK_API_OP_PATCH) {
		size_t len;
		const char *patch = ck_http_request_body(op->req, &len);
		const struct ck_schema_kind *sk = ck_schema_kind_find("autoscaling", "v1", "Scale");

		if (ck_patch_apply(op->ptype, cur_scale, patch, len,
		                   sk ? ck_schema_patch_schema(sk) : NULL, &scale, &err) < 0) {
			struct ck_api_status_details d;

			json_decref(cur_scale);
			ck_api_op_details(op, &d);
			ck_api_op_fail(op, err, &d);
			return;
		}
	} else {
		scale = json_incref(op->scale_body);
	}
	json_decref(cur_scale);
	name = md_str(scale, "name");
	if (op->kind == CK_API_OP_PATCH && (!name || strcmp(name, op->name))) {
		json_decref(scale);
		ck_api_op_failf(
		        op, 400, CK_REASON_BAD_REQUEST, NULL,
		        "the name of the object (%s) does not match the name on the URL (%s)",
		        name ? name : "", op->name);
		return;
	}
	/* K8S: validation.ValidateScale: spec.replicas >= 0. */
	r = json_object_get(json_object_get(scale, "spec"), "replicas");
	if ((r && !json_is_integer(r)) || json_integer_value(r) < 0 ||
	    json_integer_value(r) > INT32_MAX) {
		struct ck_api_errlist l = {0};
		struct ck_api_status_details d = {
		        .name = op->name, .group = "autoscaling", .kind = "Scale"};
		json_t *causes = NULL;
		char *dump = json_dumps(r, JSON_ENCODE_ANY | JSON_COMPACT);

		ck_api_errlist_invalid_raw(&l, "spec.replicas", dump ? dump : "null",
		                           "must be greater than or equal to 0");
		free(dump);
		ck_api_errlist_to_error(&l, "Scale.autoscaling", op->name, &causes, &err);
		d.causes = causes;
		json_decref(scale);
		ck_api_op_fail(op, err, &d);
		json_decref(causes);
		ck_api_errlist_release(&l);
		return;
	}
	/*
	 * K8S: scaleUpdatedObjectInfo: a resourceVersion in the Scale is a precondition on
	 * the workload (409 Conflict when stale); without one the update retries races.
	 */
	rv = md_str(scale, "resourceVersion");
	if (rv && *rv) {
		op->client_rv = true;
		if (ck_api_parse_rv(rv, &want) < 0 || want != op->cur_rv) {
			json_decref(scale);
			ck_api_fail_conflict(op, CK_API_OPTIMISTIC_LOCK);
			return;
		}
	}
	workload = json_deep_copy(op->cur);
	json_object_set_new(child(workload, "spec"), "replicas",
	                    json_integer(json_integer_value(r)));
	json_decref(scale);
	json_decref(op->body);
	op->body = workload;
	ck_api_update_finish(op);
}

void ck_api_scale_retry(struct ck_api_op *op)
{
	ck_api_read_current(op, scale_have_current);
}

void ck_api_scale(struct ck_api_op *op)
{
	struct ck_error *err = NULL;

	switch (op->kind) {
	case CK_API_OP_GET:
		break;
	case CK_API_OP_UPDATE: {
		static const char *const versions[] = {"autoscaling/v1", NULL};
		const char *name;

		if (ck_api_parse_dry_run(op, "UpdateOptions", NULL) < 0)
			return;
		op->scale_body = parse_sub_body(op, "Scale", versions);
		if (!op->scale_body)
			return;
		name = md_str(op->scale_body, "name");
		if (!name || strcmp(name, op->name)) {
			/* K8S: handlers/rest.go checkName. */
			ck_api_op_failf(
			        op, 400, CK_REASON_BAD_REQUEST, NULL,
			        "the name of the object (%s) does not match the name on the "
			        "URL (%s)",
			        name ? name : "", op->name);
			return;
		}
		break;
	}
	case CK_API_OP_PATCH: {
		unsigned accepted = CK_PATCH_ACCEPT(CK_PATCH_JSON) |
		                    CK_PATCH_ACCEPT(CK_PATCH_MERGE) |
		                    CK_PATCH_ACCEPT(CK_PATCH_STRATEGIC);

		if (ck_patch_parse_type(ck_http_request_header(op->req, "Content-Type"), accepted,
		                        &op->ptype, &err) < 0) {
			ck_api_op_fail(op, err, NULL);
			return;
		}
		if (ck_api_parse_dry_run(op, "PatchOptions", NULL) < 0)
			return;
		break;
	}
	default:
		CK_BUG("scale subresource with another verb");
	}
	ck_api_read_current(op, scale_have_current);
}

/* ---- pods/log ---------------------------------------------------------------------------- */

/*
 * K8S: pod.validateContainer: the container named by ?container=, else the pod's only
 * container; NULL after a 400 naming the choice. VisitContainers order: init containers,
 * containers, ephemeral containers.
 */
static const char *log_container(struct ck_api_op *op)
{
	static const char *const lists[] = {"initContainers", "containers", "ephemeralContainers"};
	const char *want = ck_http_request_param(op->req, "container");
	json_t *spec = json_object_get(op->cur, "spec");
	json_t *cs = json_object_get(spec, "containers");
	size_t i;
	json_t *c;

	if (want && *want) {
		for (size_t l = 0; l < CK_ARRAY_SIZE(lists); l++)
			json_array_foreach(json_object_get(spec, lists[l]), i, c)
			{
				const char *n = json_string_value(json_object_get(c, "name"));

				if (n && !strcmp(n, want))
					return want;
			}
		ck_api_op_failf(op, 400, CK_REASON_BAD_REQUEST, NULL,
		                "container %s is not valid for pod %s", want, op->name);
		return NULL;
	}
	if (json_array_size(cs) == 1) {
		const char *n = json_string_value(json_object_get(json_array_get(cs, 0), "name"));

		return n ? n : "";
	}
	if (!json_array_size(cs)) {
		ck_api_op_failf(op, 400, CK_REASON_BAD_REQUEST, NULL,
		                "a container name must be specified for pod %s", op->name);
		return NULL;
	}
	/* K8S: fmt's %s of a []string: "[a b c]". */
	struct ck_buf names = CK_BUF_INIT;

	for (size_t l = 0; l < CK_ARRAY_SIZE(lists); l++)
		json_array_foreach(json_object_get(spec, lists[l]), i, c)
		{
			const char *n = json_string_value(json_object_get(c, "name"));

			ck_buf_addf(&names, "%s%s", names.len ? " " : "", n ? n : "");
		}
	ck_api_op_failf(op, 400, CK_REASON_BAD_REQUEST, NULL,
	                "a container name must be specified for pod %s, choose one of: [%s]",
	                op->name, names.data);
	ck_buf_release(&names);
	return NULL;
}

static void log_have_current(struct ck_api_op *op, bool found)
{
	const char *container, *node;

	if (!found) {
		ck_api_fail_not_found(op);
		return;
	}
	container = log_container(op);
	if (!container)
		return;
	node = ck_json_path_str(op->cur, "spec.nodeName");
	if (!node || !*node) {
		/*
		 * K8S: LogLocation gives no location for a pod without a node, and
		 * LocationStreamer's null stream is answered 204 No Content: kubectl logs
		 * prints nothing. (exec, attach and port-forward answer 400 "pod <name> does
		 * not have a host assigned" instead.)
		 */
		ck_http_reply(op->req, 204, NULL, "", 0);
		ck_api_op_done(op);
		return;
	}
	/*
	 * K8S: the log is streamed from the kubelet's /containerLogs/<ns>/<pod>/<container>
	 * (follow, previous, timestamps, sinceSeconds, sinceTime, tailLines, limitBytes passed
	 * on). ckube's node agent does not serve it yet: this is where the proxy to the agent
	 * goes. Until then the request fails as kube-apiserver's does when it cannot reach the
	 * node: 500 with the GET that failed.
	 */
	ck_api_op_failf(op, 500, CK_REASON_INTERNAL, NULL,
	                "Get \"https://%s:10250/containerLogs/%s/%s/%s\": the node agent does "
	                "not serve container logs yet",
	                node, op->ns, op->name, container);
}

void ck_api_pod_log(struct ck_api_op *op)
{
	CK_BUG_ON(op->kind != CK_API_OP_GET);
	ck_api_read_current(op, log_have_current);
}

/* ---- serviceaccounts/token ---------------------------------------------------------------- */

/*
 * K8S: the issuer kubeadm gives kube-apiserver (--service-account-issuer), which is also the
 * default API audience a TokenRequest without audiences gets.
 */
#define SA_ISSUER "https://kubernetes.default.svc.cluster.local"
/* K8S: TokenRequestSpec.expirationSeconds: 1 h by default, at least 10 min, at most 2^32 s. */
#define SA_TOKEN_DEFAULT_S 3600
#define SA_TOKEN_MIN_S     600
#define SA_TOKEN_MAX_S     (1ll << 32)

/* base64url without padding (RFC 7515 §2) of len bytes, appended to out. */
static void b64url(struct ck_buf *out, const void *data, size_t len)
{
	char *s = ck_base64_encode(data, len);

	for (char *p = s; *p && *p != '='; p++)
		ck_buf_addch(out, *p == '+' ? '-' : *p == '/' ? '_' : *p);
	free(s);
}

static void b64url_json(struct ck_buf *out, const json_t *j)
{
	char *s = json_dumps(j, JSON_COMPACT);

	b64url(out, s, strlen(s));
	free(s);
}

/*
 * Sign "<header>.<claims>" in jwt with key (ECDSA P-256: ES256, the signature as r || s,
 * 32 bytes each, RFC 7518 §3.4) and append ".<signature>". Returns 0, or -1 with *err.
 */
static int jwt_sign(struct ck_buf *jwt, EVP_PKEY *key, struct ck_error **err)
{
	EVP_MD_CTX *md = EVP_MD_CTX_new();
	unsigned char der[128], raw[64];
	const unsigned char *p = der;
	size_t dlen = sizeof(der);
	ECDSA_SIG *sig = NULL;
	const BIGNUM *r, *s;
	int rc = -1;

	if (!md || EVP_DigestSignInit(md, NULL, EVP_sha256(), NULL, key) != 1 ||
	    EVP_DigestSign(md, der, &dlen, (const unsigned char *)jwt->data, jwt->len) != 1 ||
	    !(sig = d2i_ECDSA_SIG(NULL, &p, (long)dlen))) {
		ck_error_set(err, 500, CK_REASON_INTERNAL, "cannot sign the token");
		goto out;
	}
	ECDSA_SIG_get0(sig, &r, &s);
	if (BN_bn2binpad(r, raw, 32) != 32 || BN_bn2binpad(s, raw + 32, 32) != 32) {
		ck_error_set(err, 500, CK_REASON_INTERNAL, "cannot sign the token");
		goto out;
	}
	ck_buf_addch(jwt, '.');
	b64url(jwt, raw, sizeof(raw));
	rc = 0;
out:
	ECDSA_SIG_free(sig);
	EVP_MD_CTX_free(md);
	return rc;
}

/*
 * K8S: serviceaccount.JWTTokenGenerator: the key ID is the unpadded base64url SHA-256 of the
 * public key's PKIX DER (keyIDFromPublicKey), appended to out.
 */
static void key_id(EVP_PKEY *key, struct ck_buf *out)
{
	unsigned char *der = NULL, hash[32];
	int n = i2d_PUBKEY(key, &der);

	CK_BUG_ON(n <= 0);
	SHA256(der, (size_t)n, hash);
	OPENSSL_free(der);
	b64url(out, hash, sizeof(hash));
}

static void token_have_current(struct ck_api_op *op, bool found)
{
	json_t *req = op->body, *spec, *aud, *claims, *hdr, *k8s;
	json_int_t exp_s;
	struct ck_buf jwt = CK_BUF_INIT, kid = CK_BUF_INIT, out = CK_BUF_INIT;
	struct ck_error *err = NULL;
	char jti[37], ts[CK_TIME_RFC3339_LEN];
	EVP_PKEY *key;
	time_t now = ck_time_now().tv_sec;

	if (!found) {
		ck_api_fail_not_found(op);
		return;
	}
	spec = child(req, "spec");
	exp_s = json_is_integer(json_object_get(spec, "expirationSeconds"))
	                ? json_integer_value(json_object_get(spec, "expirationSeconds"))
	                : SA_TOKEN_DEFAULT_S;
	json_object_set_new(spec, "expirationSeconds", json_integer(exp_s));
	/* K8S: ValidateTokenRequest. */
	if (exp_s < SA_TOKEN_MIN_S || exp_s > SA_TOKEN_MAX_S) {
		struct ck_api_errlist l = {0};
		struct ck_api_status_details d = {
		        .group = "authentication.k8s.io", .kind = "TokenRequest", .name = op->name};
		json_t *causes = NULL;
		char v[32];

		snprintf(v, sizeof(v), "%" JSON_INTEGER_FORMAT, exp_s);
		ck_api_errlist_invalid_raw(
		        &l, "spec.expirationSeconds", v,
		        exp_s < SA_TOKEN_MIN_S ? "may not specify a duration less than 10 minutes"
		                               : "may not specify a duration larger than 2^32 "
		                                 "seconds");
		ck_api_errlist_to_error(&l, "TokenRequest.authentication.k8s.io", op->name, &causes,
		                        &err);
		d.causes = causes;
		ck_api_op_fail(op, err, &d);
		json_decref(causes);
		ck_api_errlist_release(&l);
		return;
	}
	if (json_is_object(json_object_get(spec, "boundObjectRef"))) {
		/*
		 * K8S: TokenREST binds the token to a Pod, Secret or Node it reads and checks
		 * (uid included) and adds it to the claims; not implemented yet.
		 */
		ck_api_op_failf(op, 400, CK_REASON_BAD_REQUEST, NULL,
		                "boundObjectRef is not supported yet");
		return;
	}
	aud = json_object_get(spec, "audiences");
	if (!json_array_size(aud)) {
		aud = json_pack("[s]", SA_ISSUER);
		json_object_set_new(spec, "audiences", aud);
	}
	if (!op->srv->sa_key_pem) {
		ck_api_op_failf(op, 503, CK_REASON_UNAVAILABLE, NULL,
		                "no service-account signing key is configured");
		return;
	}
	{
		BIO *bio = BIO_new_mem_buf(op->srv->sa_key_pem, -1);

		key = bio ? PEM_read_bio_PrivateKey(bio, NULL, NULL, NULL) : NULL;
		BIO_free(bio);
	}
	if (!key || EVP_PKEY_get_base_id(key) != EVP_PKEY_EC) {
		EVP_PKEY_free(key);
		ck_api_op_failf(op, 500, CK_REASON_INTERNAL, NULL,
		                "the service-account signing key is not an ECDSA key");
		return;
	}
	/* K8S: serviceaccount.Claims: the standard claims and the kubernetes.io ones. */
	ck_api_uuid(jti);
	k8s = json_pack("{s:s,s:{s:s,s:s}}", "namespace", op->ns, "serviceaccount", "name",
	                op->name, "uid", md_str(op->cur, "uid") ? md_str(op->cur, "uid") : "");
	claims = json_pack("{s:O,s:I,s:I,s:s,s:s,s:o,s:I,s:s}", "aud", aud, "exp",
	                   (json_int_t)now + exp_s, "iat", (json_int_t)now, "iss", SA_ISSUER, "jti",
	                   jti, "kubernetes.io", k8s, "nbf", (json_int_t)now, "sub", "");
	{
		char sub[512];

		snprintf(sub, sizeof(sub), "system:serviceaccount:%s:%s", op->ns, op->name);
		json_object_set_new(claims, "sub", json_string(sub));
	}
	key_id(key, &kid);
	hdr = json_pack("{s:s,s:s}", "alg", "ES256", "kid", kid.data);
	b64url_json(&jwt, hdr);
	ck_buf_addch(&jwt, '.');
	b64url_json(&jwt, claims);
	json_decref(hdr);
	json_decref(claims);
	ck_buf_release(&kid);
	if (jwt_sign(&jwt, key, &err) < 0) {
		EVP_PKEY_free(key);
		ck_buf_release(&jwt);
		ck_api_op_fail(op, err, NULL);
		return;
	}
	EVP_PKEY_free(key);
	ck_time_format_rfc3339(now + (time_t)exp_s, ts);
	/* K8S: TokenREST.Create answers the request with its status filled in: 201. */
	json_object_set_new(req, "kind", json_string("TokenRequest"));
	json_object_set_new(req, "apiVersion", json_string("authentication.k8s.io/v1"));
	json_object_set_new(child(req, "metadata"), "name", json_string(op->name));
	json_object_set_new(child(req, "metadata"), "namespace", json_string(op->ns));
	json_object_set_new(child(req, "metadata"), "creationTimestamp", json_null());
	json_object_set_new(req, "status",
	                    json_pack("{s:s,s:s}", "token", jwt.data, "expirationTimestamp", ts));
	ck_buf_release(&jwt);
	{
		json_t *norm = ck_api_obj_normalize(req);

		ck_api_obj_dump(norm, &out);
		json_decref(norm);
	}
	ck_api_op_reply_buf(op, 201, &out);
}

/*
 * POST serviceaccounts/<name>/token (K8S: pkg/registry/core/serviceaccount/storage
 * TokenREST): a TokenRequest for an existing ServiceAccount, answered with a JWT signed by
 * the cluster's service-account key: iss and aud (default: the issuer), sub
 * system:serviceaccount:<ns>:<name>, iat = nbf = now, exp = now + expirationSeconds, jti,
 * and the kubernetes.io namespace and serviceaccount {name, uid} claims.
 */
void ck_api_serviceaccount_token(struct ck_api_op *op)
{
	static const char *const versions[] = {"authentication.k8s.io/v1", NULL};

	CK_BUG_ON(op->kind != CK_API_OP_CREATE);
	if (ck_api_parse_dry_run(op, "CreateOptions", NULL) < 0)
		return;
	op->body = parse_sub_body(op, "TokenRequest", versions);
	if (!op->body)
		return;
	ck_api_read_current(op, token_have_current);
}
