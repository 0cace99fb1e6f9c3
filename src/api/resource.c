/*
 * The resource table (see resource.h): the rows, their field selectors and Table columns,
 * and the kind-specific hooks for defaulting, validation and status on create. Each rule
 * carries the Kubernetes source it follows. The Table row functions are in table.c.
 */
#include <jansson.h>

#include "base/compat.h"

#include "api/api-int.h"
#include "api/resource.h"
#include "base/json.h"
#include "base/mem.h"
#include "base/validate.h"

/* ---- verbs ------------------------------------------------------------------------ */

/* K8S: discovery lists verbs sorted alphabetically, which is this bit order's order. */
static const struct {
	unsigned bit;
	const char *name;
} verb_names[] = {
        {CK_API_VERB_CREATE, "create"},
        {CK_API_VERB_DELETE, "delete"},
        {CK_API_VERB_DELETECOLLECTION, "deletecollection"},
        {CK_API_VERB_GET, "get"},
        {CK_API_VERB_LIST, "list"},
        {CK_API_VERB_PATCH, "patch"},
        {CK_API_VERB_UPDATE, "update"},
        {CK_API_VERB_WATCH, "watch"},
};

const char *ck_api_verb_name(unsigned verb)
{
	for (size_t i = 0; i < CK_ARRAY_SIZE(verb_names); i++)
		if (verb_names[i].bit == verb)
			return verb_names[i].name;
	return NULL;
}

/* Fill arr with the names of the verbs in mask, in discovery order. */
void ck_api_verbs_json(unsigned mask, json_t *arr)
{
	for (size_t i = 0; i < CK_ARRAY_SIZE(verb_names); i++)
		if (mask & verb_names[i].bit)
			json_array_append_new(arr, json_string(verb_names[i].name));
}

/* ---- small JSON helpers for the hooks --------------------------------------------- */

static json_t *obj_child(json_t *parent, const char *key)
{
	json_t *c = json_object_get(parent, key);

	if (!json_is_object(c)) {
		c = json_object();
		json_object_set_new(parent, key, c);
	}
	return c;
}

static void set_default_str(json_t *obj, const char *key, const char *value)
{
	json_t *v = json_object_get(obj, key);

	if (!v || json_is_null(v) || (json_is_string(v) && !*json_string_value(v)))
		json_object_set_new(obj, key, json_string(value));
}

static void set_default_int(json_t *obj, const char *key, json_int_t value)
{
	json_t *v = json_object_get(obj, key);

	if (!v || json_is_null(v))
		json_object_set_new(obj, key, json_integer(value));
}

static void set_default_bool(json_t *obj, const char *key, bool value)
{
	json_t *v = json_object_get(obj, key);

	if (!v || json_is_null(v))
		json_object_set_new(obj, key, json_boolean(value));
}

/* ---- pods and pod templates -------------------------------------------------------- */

/* K8S: SetDefaults_Container: the image's tag decides the pull policy. */
static void default_container(json_t *c)
{
	const char *image = json_string_value(json_object_get(c, "image"));

	if (image && !json_string_value(json_object_get(c, "imagePullPolicy"))) {
		const char *slash = strrchr(image, '/');
		const char *last = slash ? slash + 1 : image;
		const char *colon = strchr(last, ':');
		bool latest = !strchr(last, '@') && (!colon || !strcmp(colon + 1, "latest"));

		json_object_set_new(c, "imagePullPolicy",
		                    json_string(latest ? "Always" : "IfNotPresent"));
	}
	set_default_str(c, "terminationMessagePath", "/dev/termination-log");
	set_default_str(c, "terminationMessagePolicy", "File");
	if (!json_object_get(c, "resources"))
		json_object_set_new(c, "resources", json_object());
	json_t *ports = json_object_get(c, "ports");
	size_t i;
	json_t *p;

	json_array_foreach(ports, i, p)
	{
		if (json_is_object(p))
			set_default_str(p, "protocol", "TCP");
	}
}

/* K8S: SetDefaults_PodSpec and the container defaults, for pods and templates alike. */
static void default_pod_spec(json_t *spec)
{
	static const char *const lists[] = {"containers", "initContainers"};
	size_t i;
	json_t *c;

	if (!json_is_object(spec))
		return;
	set_default_str(spec, "restartPolicy", "Always");
	set_default_str(spec, "dnsPolicy", "ClusterFirst");
	set_default_str(spec, "schedulerName", "default-scheduler");
	set_default_int(spec, "terminationGracePeriodSeconds", 30);
	set_default_bool(spec, "enableServiceLinks", true);
	if (!json_object_get(spec, "securityContext"))
		json_object_set_new(spec, "securityContext", json_object());
	for (size_t l = 0; l < CK_ARRAY_SIZE(lists); l++)
		json_array_foreach(json_object_get(spec, lists[l]), i, c)
		{
			if (json_is_object(c))
				default_container(c);
		}
}

static void pod_defaults(json_t *obj)
{
	default_pod_spec(json_object_get(obj, "spec"));
}

/*
 * K8S: qos.GetPodQOS, reduced to the usual cases: no requests or limits anywhere is
 * BestEffort; cpu and memory limits on every container, equal to their requests where
 * given, is Guaranteed; anything else is Burstable.
 */
static const char *pod_qos(const json_t *spec)
{
	bool any = false, guaranteed = true;
	size_t i;
	json_t *c;

	json_array_foreach(json_object_get(spec, "containers"), i, c)
	{
		json_t *res = json_object_get(c, "resources");
		json_t *lim = json_object_get(res, "limits"),
		       *req = json_object_get(res, "requests");
		static const char *const names[] = {"cpu", "memory"};

		if (json_object_size(lim) || json_object_size(req))
			any = true;
		for (size_t n = 0; n < CK_ARRAY_SIZE(names); n++) {
			json_t *l = json_object_get(lim, names[n]),
			       *r = json_object_get(req, names[n]);

			if (!l || (r && !json_equal(l, r)))
				guaranteed = false;
		}
	}
	if (!any)
		return "BestEffort";
	return guaranteed ? "Guaranteed" : "Burstable";
}

/* K8S: podStrategy.PrepareForCreate: a new pod is Pending, with its QoS class. */
static void pod_prepare(json_t *obj)
{
	json_t *st = json_object();

	json_object_set_new(st, "phase", json_string("Pending"));
	json_object_set_new(st, "qosClass", json_string(pod_qos(json_object_get(obj, "spec"))));
	json_object_set_new(obj, "status", st);
}

/* K8S: ValidatePodSpec's container checks that matter before anything runs. */
static void validate_containers(const json_t *spec, const char *path, struct ck_api_errlist *errs)
{
	json_t *cs = json_object_get(spec, "containers");
	char field[256];
	size_t i;
	json_t *c;

	if (!json_is_array(cs) || !json_array_size(cs)) {
		snprintf(field, sizeof(field), "%s.containers", path);
		ck_api_errlist_required(errs, field, "");
		return;
	}
	json_array_foreach(cs, i, c)
	{
		const char *name = json_string_value(json_object_get(c, "name"));
		const char *image = json_string_value(json_object_get(c, "image"));
		const char *msgs[CK_VALIDATE_MAX_MSGS];

		if (!name || !*name) {
			snprintf(field, sizeof(field), "%s.containers[%zu].name", path, i);
			ck_api_errlist_required(errs, field, "");
		} else {
			size_t n = ck_validate_dns1123_label(name, msgs);

			snprintf(field, sizeof(field), "%s.containers[%zu].name", path, i);
			for (size_t m = 0; m < n; m++)
				ck_api_errlist_invalid(errs, field, name, msgs[m]);
		}
		/* K8S: "spec.template.spec.containers[0].image: Required value" (reference §6). */
		if (!image || !*image) {
			snprintf(field, sizeof(field), "%s.containers[%zu].image", path, i);
			ck_api_errlist_required(errs, field, "");
		}
	}
}

static void pod_validate(const json_t *obj, const json_t *old, struct ck_api_errlist *errs)
{
	(void)old;
	validate_containers(json_object_get(obj, "spec"), "spec", errs);
}

/* ---- workloads -------------------------------------------------------------------- */

static void default_template(json_t *spec)
{
	default_pod_spec(json_object_get(json_object_get(spec, "template"), "spec"));
}

/* K8S: apps/v1 SetDefaults_Deployment. */
static void deployment_defaults(json_t *obj)
{
	json_t *spec = obj_child(obj, "spec"), *strategy = obj_child(spec, "strategy");

	set_default_int(spec, "replicas", 1);
	set_default_str(strategy, "type", "RollingUpdate");
	if (!strcmp(json_string_value(json_object_get(strategy, "type")), "RollingUpdate")) {
		json_t *ru = obj_child(strategy, "rollingUpdate");

		if (!json_object_get(ru, "maxUnavailable"))
			json_object_set_new(ru, "maxUnavailable", json_string("25%"));
		if (!json_object_get(ru, "maxSurge"))
			json_object_set_new(ru, "maxSurge", json_string("25%"));
	}
	set_default_int(spec, "revisionHistoryLimit", 10);
	set_default_int(spec, "progressDeadlineSeconds", 600);
	default_template(spec);
}

/* K8S: apps/v1 SetDefaults_ReplicaSet. */
static void replicaset_defaults(json_t *obj)
{
	json_t *spec = obj_child(obj, "spec");

	set_default_int(spec, "replicas", 1);
	default_template(spec);
}

/* K8S: apps/v1 SetDefaults_DaemonSet. */
static void daemonset_defaults(json_t *obj)
{
	json_t *spec = obj_child(obj, "spec"), *us = obj_child(spec, "updateStrategy");

	set_default_str(us, "type", "RollingUpdate");
	if (!strcmp(json_string_value(json_object_get(us, "type")), "RollingUpdate")) {
		json_t *ru = obj_child(us, "rollingUpdate");

		if (!json_object_get(ru, "maxUnavailable"))
			json_object_set_new(ru, "maxUnavailable", json_integer(1));
		if (!json_object_get(ru, "maxSurge"))
			json_object_set_new(ru, "maxSurge", json_integer(0));
	}
	set_default_int(spec, "revisionHistoryLimit", 10);
	default_template(spec);
}

/* K8S: apps/v1 SetDefaults_StatefulSet. */
static void statefulset_defaults(json_t *obj)
{
	json_t *spec = obj_child(obj, "spec"), *us = obj_child(spec, "updateStrategy");

	set_default_int(spec, "replicas", 1);
	set_default_str(spec, "podManagementPolicy", "OrderedReady");
	set_default_str(us, "type", "RollingUpdate");
	if (!strcmp(json_string_value(json_object_get(us, "type")), "RollingUpdate"))
		set_default_int(obj_child(us, "rollingUpdate"), "partition", 0);
	set_default_int(spec, "revisionHistoryLimit", 10);
	default_template(spec);
}

/*
 * K8S: ValidateDeploymentSpec/ValidateReplicaSetSpec...: a selector is required, must not
 * be empty, and must select the template's labels; the template's pod spec is validated.
 */
static void workload_validate(const json_t *obj, const json_t *old, struct ck_api_errlist *errs)
{
	json_t *spec = json_object_get(obj, "spec");
	json_t *sel = json_object_get(spec, "selector");
	json_t *tmpl = json_object_get(spec, "template");
	json_t *labels = json_object_get(json_object_get(tmpl, "metadata"), "labels");
	json_t *ml = json_object_get(sel, "matchLabels"),
	       *me = json_object_get(sel, "matchExpressions");
	const char *k;
	json_t *v;

	(void)old;
	if (!json_is_object(sel)) {
		ck_api_errlist_required(errs, "spec.selector", "");
	} else if (!json_object_size(ml) && !json_array_size(me)) {
		ck_api_errlist_invalid_raw(errs, "spec.selector", "{}",
		                           "empty selector is invalid for deployment");
	} else {
		bool match = true;

		json_object_foreach(ml, k, v)
		{
			json_t *lv = json_object_get(labels, k);

			if (!json_is_string(lv) || !json_equal(lv, v))
				match = false;
		}
		if (!match) {
			/* K8S: ErrorBody prints a map value as its JSON (json.Marshal sorts keys). */
			char *dump =
			        labels ? json_dumps(labels, JSON_COMPACT | JSON_SORT_KEYS) : NULL;

			ck_api_errlist_invalid_raw(errs, "spec.template.metadata.labels",
			                           dump ? dump : "null",
			                           "`selector` does not match template `labels`");
			free(dump);
		}
	}
	validate_containers(json_object_get(tmpl, "spec"), "spec.template.spec", errs);
}

static void deployment_prepare(json_t *obj)
{
	/* K8S: deploymentStrategy.PrepareForCreate: empty status, generation 1. */
	json_object_set_new(obj, "status", json_object());
}

/* Python's models require these counters (reference: kubectl-1.32 §8.2). */
static void replicaset_prepare(json_t *obj)
{
	json_object_set_new(obj, "status", json_pack("{s:i}", "replicas", 0));
}

static void statefulset_prepare(json_t *obj)
{
	json_object_set_new(obj, "status",
	                    json_pack("{s:i,s:i}", "replicas", 0, "availableReplicas", 0));
}

static void daemonset_prepare(json_t *obj)
{
	json_object_set_new(obj, "status",
	                    json_pack("{s:i,s:i,s:i,s:i}", "currentNumberScheduled", 0,
	                              "desiredNumberScheduled", 0, "numberMisscheduled", 0,
	                              "numberReady", 0));
}

/* K8S: podDisruptionBudgetStrategy.PrepareForCreate clears status; Python needs the counters. */
static void pdb_prepare(json_t *obj)
{
	json_object_set_new(obj, "status",
	                    json_pack("{s:i,s:i,s:i,s:i}", "disruptionsAllowed", 0,
	                              "currentHealthy", 0, "desiredHealthy", 0, "expectedPods", 0));
}

/* ---- namespaces, secrets, services ------------------------------------------------- */

/* K8S: core.MaxSecretSize: the data of a ConfigMap or a Secret may total at most 1 MiB. */
#define MAX_DATA_SIZE (1u << 20)

/* Bytes of the values of the string maps named by keys (key lengths count too). */
static size_t data_size(const json_t *obj, const char *const *keys, bool base64)
{
	size_t total = 0;

	for (; *keys; keys++) {
		const char *k;
		json_t *v;

		json_object_foreach((json_t *)json_object_get(obj, *keys), k, v)
		{
			size_t n = json_string_length(v);

			/* base64 text decodes to three bytes per four characters */
			total += strlen(k) + (base64 ? n / 4 * 3 : n);
		}
	}
	return total;
}

/* K8S: validation.ValidateConfigMap: data plus binaryData at most MaxSecretSize. */
static void configmap_validate(const json_t *obj, const json_t *old, struct ck_api_errlist *errs)
{
	static const char *const keys[] = {"data", "binaryData", NULL};

	(void)old;
	if (data_size(obj, keys, false) > MAX_DATA_SIZE)
		ck_api_errlist_too_long(errs, "", MAX_DATA_SIZE);
}

/* K8S: validation.ValidateSecret: data at most MaxSecretSize ("data: Too long"). */
static void secret_validate(const json_t *obj, const json_t *old, struct ck_api_errlist *errs)
{
	static const char *const data[] = {"data", NULL}, *const str[] = {"stringData", NULL};

	(void)old;
	if (data_size(obj, data, true) + data_size(obj, str, false) > MAX_DATA_SIZE)
		ck_api_errlist_too_long(errs, "data", MAX_DATA_SIZE);
}

/* K8S: SetDefaults_Namespace: the kubernetes.io/metadata.name label mirrors the name. */
static void namespace_defaults(json_t *obj)
{
	json_t *md = obj_child(obj, "metadata");
	const char *name = json_string_value(json_object_get(md, "name"));

	if (name && *name)
		json_object_set_new(obj_child(md, "labels"), "kubernetes.io/metadata.name",
		                    json_string(name));
}

/* K8S: namespaceStrategy.PrepareForCreate: Active, with the "kubernetes" finalizer. */
static void namespace_prepare(json_t *obj)
{
	json_t *spec = obj_child(obj, "spec"), *fin = json_object_get(spec, "finalizers");
	size_t i;
	json_t *f;
	bool has = false;

	json_object_set_new(obj, "status", json_pack("{s:s}", "phase", "Active"));
	if (!json_is_array(fin)) {
		fin = json_array();
		json_object_set_new(spec, "finalizers", fin);
	}
	json_array_foreach(fin, i, f)
	{
		if (json_is_string(f) && !strcmp(json_string_value(f), "kubernetes"))
			has = true;
	}
	if (!has)
		json_array_append_new(fin, json_string("kubernetes"));
}

/* K8S: SetDefaults_Secret. */
static void secret_defaults(json_t *obj)
{
	set_default_str(obj, "type", "Opaque");
}

/* K8S: SetDefaults_Service and SetDefaults_ServicePort (cluster IPs are not allocated yet). */
static void service_defaults(json_t *obj)
{
	json_t *spec = obj_child(obj, "spec");
	size_t i;
	json_t *p;

	set_default_str(spec, "type", "ClusterIP");
	set_default_str(spec, "sessionAffinity", "None");
	json_array_foreach(json_object_get(spec, "ports"), i, p)
	{
		if (!json_is_object(p))
			continue;
		set_default_str(p, "protocol", "TCP");
		if (!json_object_get(p, "targetPort") && json_object_get(p, "port"))
			json_object_set(p, "targetPort", json_object_get(p, "port"));
	}
}

static void service_prepare(json_t *obj)
{
	/* K8S: svcStrategy.PrepareForCreate: status is cleared. */
	json_object_set_new(obj, "status", json_pack("{s:{}}", "loadBalancer"));
}

/* ---- batch: jobs and cronjobs ------------------------------------------------------- */

/* K8S: batch.LegacyJobNameLabel, JobNameLabel, LegacyControllerUidLabel, ControllerUidLabel. */
#define JOB_NAME_LABEL_LEGACY     "job-name"
#define JOB_NAME_LABEL            "batch.kubernetes.io/job-name"
#define JOB_CONTROLLER_UID_LEGACY "controller-uid"
#define JOB_CONTROLLER_UID_LABEL  "batch.kubernetes.io/controller-uid"

static const char *const restart_policies_job[] = {"OnFailure", "Never", NULL};

/*
 * K8S: batch/v1 SetDefaults_Job: both counts unset is a non-parallel job of one; backoffLimit
 * 6; NonIndexed; not suspended; the Job takes its template's labels when it has none.
 */
static void job_spec_defaults(json_t *spec)
{
	if (!json_object_get(spec, "completions") && !json_object_get(spec, "parallelism"))
		json_object_set_new(spec, "completions", json_integer(1));
	set_default_int(spec, "parallelism", 1);
	set_default_int(spec, "backoffLimit", 6);
	set_default_str(spec, "completionMode", "NonIndexed");
	set_default_bool(spec, "suspend", false);
	/*
	 * K8S: JobPodReplacementPolicy (beta, on): pods are replaced once terminated, or only
	 * once Failed when a podFailurePolicy is set.
	 */
	set_default_str(spec, "podReplacementPolicy",
	                json_object_get(spec, "podFailurePolicy") ? "Failed"
	                                                          : "TerminatingOrFailed");
	default_template(spec);
}

static void job_copy_template_labels(json_t *obj)
{
	json_t *md = obj_child(obj, "metadata");
	json_t *tl = ck_json_path(obj, "spec.template.metadata.labels");

	if (json_is_object(tl) && !json_object_size(json_object_get(md, "labels")))
		json_object_set_new(md, "labels", json_deep_copy(tl));
}

static void job_defaults(json_t *obj)
{
	job_spec_defaults(obj_child(obj, "spec"));
	job_copy_template_labels(obj);
}

/*
 * K8S: jobStrategy.PrepareForCreate: empty status and generateSelector unless
 * spec.manualSelector: the template gets the job-name and controller-uid labels (legacy and
 * batch.kubernetes.io/ ones, where not set) and the selector matches the controller uid.
 * Storage then decodes the stored Job with defaulting, so a Job without labels of its own
 * comes back with the template's (now generated) ones.
 */
static void job_prepare(json_t *obj)
{
	json_t *spec = obj_child(obj, "spec");
	const char *name = ck_json_path_str(obj, "metadata.name");
	const char *uid = ck_json_path_str(obj, "metadata.uid");

	json_object_set_new(obj, "status", json_object());
	if (!json_is_true(json_object_get(spec, "manualSelector")) && name && uid) {
		json_t *labels =
		        obj_child(obj_child(obj_child(spec, "template"), "metadata"), "labels");
		json_t *ml = obj_child(obj_child(spec, "selector"), "matchLabels");

		if (!json_object_get(labels, JOB_NAME_LABEL_LEGACY))
			json_object_set_new(labels, JOB_NAME_LABEL_LEGACY, json_string(name));
		if (!json_object_get(labels, JOB_NAME_LABEL))
			json_object_set_new(labels, JOB_NAME_LABEL, json_string(name));
		if (!json_object_get(labels, JOB_CONTROLLER_UID_LEGACY))
			json_object_set_new(labels, JOB_CONTROLLER_UID_LEGACY, json_string(uid));
		if (!json_object_get(labels, JOB_CONTROLLER_UID_LABEL))
			json_object_set_new(labels, JOB_CONTROLLER_UID_LABEL, json_string(uid));
		if (!json_object_get(ml, JOB_CONTROLLER_UID_LABEL))
			json_object_set_new(ml, JOB_CONTROLLER_UID_LABEL, json_string(uid));
	}
	job_copy_template_labels(obj);
}

/* K8S: ValidateNonnegativeField: "must be greater than or equal to 0". */
static void validate_nonnegative(const json_t *spec, const char *key, const char *path,
                                 struct ck_api_errlist *errs)
{
	json_t *v = json_object_get(spec, key);
	char field[128], val[32];

	if (json_is_integer(v) && json_integer_value(v) < 0) {
		snprintf(field, sizeof(field), "%s.%s", path, key);
		snprintf(val, sizeof(val), "%" JSON_INTEGER_FORMAT, json_integer_value(v));
		ck_api_errlist_invalid_raw(errs, field, val, "must be greater than or equal to 0");
	}
}

/*
 * K8S: validateJobSpec: non-negative counts, a pod template whose restartPolicy is
 * OnFailure or Never (the pod default Always is not), and its containers.
 */
static void validate_job_spec(const json_t *spec, const char *path, struct ck_api_errlist *errs)
{
	json_t *pspec = ck_json_path(spec, "template.spec");
	const char *rp = json_string_value(json_object_get(pspec, "restartPolicy"));
	char field[160];

	validate_nonnegative(spec, "parallelism", path, errs);
	validate_nonnegative(spec, "completions", path, errs);
	validate_nonnegative(spec, "activeDeadlineSeconds", path, errs);
	validate_nonnegative(spec, "backoffLimit", path, errs);
	validate_nonnegative(spec, "ttlSecondsAfterFinished", path, errs);
	if (!rp || (strcmp(rp, "OnFailure") && strcmp(rp, "Never"))) {
		snprintf(field, sizeof(field), "%s.template.spec.restartPolicy", path);
		ck_api_errlist_not_supported(errs, field, rp ? rp : "", restart_policies_job);
	}
	snprintf(field, sizeof(field), "%s.template.spec", path);
	validate_containers(pspec, field, errs);
}

/*
 * K8S: ValidateJob: the spec, a selector that selects the template's labels; on update
 * completions and the selector are immutable (ValidateJobSpecUpdate).
 */
static void job_validate(const json_t *obj, const json_t *old, struct ck_api_errlist *errs)
{
	json_t *spec = json_object_get(obj, "spec");
	json_t *sel = json_object_get(spec, "selector");

	validate_job_spec(spec, "spec", errs);
	if (!json_is_object(sel)) {
		ck_api_errlist_required(errs, "spec.selector", "");
	} else {
		json_t *labels = ck_json_path(spec, "template.metadata.labels");
		const char *k;
		json_t *v;

		json_object_foreach(json_object_get(sel, "matchLabels"), k, v)
		{
			if (!json_equal(json_object_get(labels, k), v)) {
				char *dump =
				        labels ? json_dumps(labels, JSON_COMPACT | JSON_SORT_KEYS)
				               : NULL;

				ck_api_errlist_invalid_raw(
				        errs, "spec.template.metadata.labels", dump ? dump : "null",
				        "`selector` does not match template `labels`");
				free(dump);
				break;
			}
		}
	}
	if (old) {
		json_t *ospec = json_object_get(old, "spec");
		json_t *c = json_object_get(spec, "completions"),
		       *oc = json_object_get(ospec, "completions");

		if (!json_equal(c, oc) && (c || oc)) {
			char val[32];

			snprintf(val, sizeof(val), "%" JSON_INTEGER_FORMAT, json_integer_value(c));
			ck_api_errlist_invalid_raw(errs, "spec.completions", c ? val : "null",
			                           "field is immutable");
		}
		if (!json_equal(sel, json_object_get(ospec, "selector"))) {
			char *dump = sel ? json_dumps(sel, JSON_COMPACT | JSON_SORT_KEYS) : NULL;

			ck_api_errlist_invalid_raw(errs, "spec.selector", dump ? dump : "null",
			                           "field is immutable");
			free(dump);
		}
	}
}

/* K8S: batch/v1 SetDefaults_CronJob; the job template's pod spec gets the pod defaults. */
static void cronjob_defaults(json_t *obj)
{
	json_t *spec = obj_child(obj, "spec");

	set_default_str(spec, "concurrencyPolicy", "Allow");
	set_default_bool(spec, "suspend", false);
	set_default_int(spec, "successfulJobsHistoryLimit", 3);
	set_default_int(spec, "failedJobsHistoryLimit", 1);
	default_template(obj_child(obj_child(spec, "jobTemplate"), "spec"));
}

/* K8S: cronJobStrategy.PrepareForCreate: empty status. */
static void empty_status_prepare(json_t *obj)
{
	json_object_set_new(obj, "status", json_object());
}

/*
 * K8S: validateScheduleFormat with robfig/cron's ParseStandard: a descriptor ("@hourly",
 * "@every 5m") or exactly five fields, optionally after "TZ=zone "; its error text.
 */
static void validate_schedule(const char *schedule, struct ck_api_errlist *errs)
{
	const char *s = schedule;
	struct ck_buf list = CK_BUF_INIT;
	size_t n = 0;

	if (!strncmp(s, "TZ=", 3) || !strncmp(s, "CRON_TZ=", 8)) {
		/* K8S: a time zone in the schedule is refused; spec.timeZone is the field. */
		ck_api_errlist_invalid(errs, "spec.schedule", schedule,
		                       "cannot use TZ or CRON_TZ in schedule, use timeZone field "
		                       "instead");
		return;
	}
	if (*s == '@')
		return;
	while (*s) {
		size_t len;

		while (*s == ' ' || *s == '\t')
			s++;
		if (!*s)
			break;
		len = strcspn(s, " \t");
		ck_buf_addf(&list, "%s%.*s", n ? " " : "", (int)len, s);
		n++;
		s += len;
	}
	if (n != 5) {
		char msg[512];

		snprintf(msg, sizeof(msg), "expected exactly 5 fields, found %zu: [%s]", n,
		         list.data ? list.data : "");
		ck_api_errlist_invalid(errs, "spec.schedule", schedule, msg);
	}
	ck_buf_release(&list);
}

/*
 * K8S: ValidateCronJob: schedule required and parseable, a known concurrencyPolicy, and a
 * job template whose selector is left to the server (ValidateJobTemplateSpec).
 */
static void cronjob_validate(const json_t *obj, const json_t *old, struct ck_api_errlist *errs)
{
	static const char *const policies[] = {"Allow", "Forbid", "Replace", NULL};
	json_t *spec = json_object_get(obj, "spec");
	json_t *jspec = ck_json_path(spec, "jobTemplate.spec");
	const char *schedule = json_string_value(json_object_get(spec, "schedule"));
	const char *cp = json_string_value(json_object_get(spec, "concurrencyPolicy"));

	(void)old;
	if (!schedule || !*schedule)
		ck_api_errlist_required(errs, "spec.schedule", "");
	else
		validate_schedule(schedule, errs);
	validate_nonnegative(spec, "startingDeadlineSeconds", "spec", errs);
	validate_nonnegative(spec, "successfulJobsHistoryLimit", "spec", errs);
	validate_nonnegative(spec, "failedJobsHistoryLimit", "spec", errs);
	if (!cp || (strcmp(cp, "Allow") && strcmp(cp, "Forbid") && strcmp(cp, "Replace")))
		ck_api_errlist_not_supported(errs, "spec.concurrencyPolicy", cp ? cp : "",
		                             policies);
	validate_job_spec(jspec, "spec.jobTemplate.spec", errs);
	if (json_is_object(json_object_get(jspec, "selector"))) {
		char *dump = json_dumps(json_object_get(jspec, "selector"),
		                        JSON_COMPACT | JSON_SORT_KEYS);

		ck_api_errlist_invalid_raw(errs, "spec.jobTemplate.spec.selector", dump,
		                           "`selector` will be auto-generated");
		free(dump);
	}
}

/* ---- networking: ingresses ------------------------------------------------------------ */

/* K8S: validateIngressBackend: exactly one of service and resource, a service port. */
static void validate_ingress_backend(const json_t *b, const char *path, struct ck_api_errlist *errs)
{
	json_t *svc = json_object_get(b, "service"), *res = json_object_get(b, "resource");
	char field[192];

	if (svc && res) {
		snprintf(field, sizeof(field), "%s", path);
		ck_api_errlist_invalid_raw(errs, field, "\"\"",
		                           "cannot set both resource and service backends");
		return;
	}
	if (!svc && !res) {
		snprintf(field, sizeof(field), "%s", path);
		ck_api_errlist_invalid_raw(errs, field, "\"\"",
		                           "resource or service backend is required");
		return;
	}
	if (svc) {
		const char *name = json_string_value(json_object_get(svc, "name"));
		json_t *port = json_object_get(svc, "port");

		if (!name || !*name) {
			snprintf(field, sizeof(field), "%s.service.name", path);
			ck_api_errlist_required(errs, field, "");
		}
		if (!json_object_get(port, "name") && !json_object_get(port, "number")) {
			snprintf(field, sizeof(field), "%s.service.port", path);
			ck_api_errlist_required(errs, field, "port name or number is required");
		}
	}
}

/*
 * K8S: ValidateIngressSpec: a default backend or rules; every HTTP path has a pathType
 * (Exact, Prefix or ImplementationSpecific; networking/v1 has no default) and a backend.
 */
static void ingress_validate(const json_t *obj, const json_t *old, struct ck_api_errlist *errs)
{
	static const char *const types[] = {"Exact", "ImplementationSpecific", "Prefix", NULL};
	json_t *spec = json_object_get(obj, "spec");
	json_t *rules = json_object_get(spec, "rules"), *rule;
	size_t i;

	(void)old;
	if (!json_object_get(spec, "defaultBackend") && !json_array_size(rules))
		/* K8S: field.Invalid(spec, spec.Rules, ...): Go's %#v of the nil slice. */
		ck_api_errlist_invalid_raw(errs, "spec", "[]networking.IngressRule(nil)",
		                           "either `defaultBackend` or `rules` must be specified");
	if (json_object_get(spec, "defaultBackend"))
		validate_ingress_backend(json_object_get(spec, "defaultBackend"),
		                         "spec.defaultBackend", errs);
	json_array_foreach(rules, i, rule)
	{
		json_t *paths = ck_json_path(rule, "http.paths"), *p;
		size_t j;

		json_array_foreach(paths, j, p)
		{
			const char *pt = json_string_value(json_object_get(p, "pathType"));
			char field[160];

			snprintf(field, sizeof(field), "spec.rules[%zu].http.paths[%zu].pathType",
			         i, j);
			if (!pt || !*pt)
				ck_api_errlist_required(errs, field, "pathType must be specified");
			else if (strcmp(pt, "Exact") && strcmp(pt, "Prefix") &&
			         strcmp(pt, "ImplementationSpecific"))
				ck_api_errlist_not_supported(errs, field, pt, types);
			snprintf(field, sizeof(field), "spec.rules[%zu].http.paths[%zu].backend", i,
			         j);
			validate_ingress_backend(json_object_get(p, "backend"), field, errs);
		}
	}
}

/* ---- scheduling: priority classes --------------------------------------------------- */

/* K8S: scheduling.HighestUserDefinablePriority and the system classes' values. */
#define PRIORITY_USER_MAX 1000000000

/* K8S: SetDefaults_PriorityClass. */
static void priorityclass_defaults(json_t *obj)
{
	set_default_str(obj, "preemptionPolicy", "PreemptLowerPriority");
}

/*
 * K8S: ValidatePriorityClass: "system-" names are reserved for the two system classes, a
 * user class's value is at most 10^9; ValidatePriorityClassUpdate: value and
 * preemptionPolicy never change.
 */
static void priorityclass_validate(const json_t *obj, const json_t *old,
                                   struct ck_api_errlist *errs)
{
	static const char *const policies[] = {"Never", "PreemptLowerPriority", NULL};
	const char *name = ck_json_path_str(obj, "metadata.name");
	json_int_t value = json_integer_value(json_object_get(obj, "value"));
	const char *pp = json_string_value(json_object_get(obj, "preemptionPolicy"));

	if (name && !strncmp(name, "system-", 7)) {
		/* K8S: scheduling.IsKnownSystemPriorityClass's errors. */
		json_int_t want = !strcmp(name, "system-node-critical")      ? 2000001000
		                  : !strcmp(name, "system-cluster-critical") ? 2000000000
		                                                             : -1;
		struct ck_buf msg = CK_BUF_INIT;

		ck_buf_adds(&msg,
		            "priority class names with 'system-' prefix are reserved for system "
		            "use only. error: ");
		if (want < 0)
			ck_buf_addf(&msg, "name %s is not a known system priority class", name);
		else if (value != want)
			ck_buf_addf(&msg, "value of %s PriorityClass must be %" JSON_INTEGER_FORMAT,
			            name, want);
		if (want < 0 || value != want)
			ck_api_errlist_forbidden(errs, "metadata.name", msg.data);
		ck_buf_release(&msg);
	} else if (value > PRIORITY_USER_MAX) {
		ck_api_errlist_forbidden(errs, "value",
		                         "maximum allowed value of a user defined priority is "
		                         "1000000000");
	}
	if (pp && strcmp(pp, "Never") && strcmp(pp, "PreemptLowerPriority"))
		ck_api_errlist_not_supported(errs, "preemptionPolicy", pp, policies);
	if (old) {
		if (!json_equal(json_object_get(obj, "value"), json_object_get(old, "value")))
			ck_api_errlist_forbidden(errs, "value", "may not be changed in an update.");
		if (!json_equal(json_object_get(obj, "preemptionPolicy"),
		                json_object_get(old, "preemptionPolicy")))
			ck_api_errlist_invalid(errs, "preemptionPolicy", pp ? pp : "",
			                       "field is immutable");
	}
}

/* ---- rbac ----------------------------------------------------------------------------- */

#define RBAC_GROUP "rbac.authorization.k8s.io"

/* Go's %#v of a []string, as field.Invalid prints one: []string{"a", "b"}. */
static char *go_string_slice(const json_t *arr)
{
	struct ck_buf b = CK_BUF_INIT;
	size_t i;
	json_t *v;

	ck_buf_adds(&b, "[]string{");
	json_array_foreach(arr, i, v)
	{
		ck_buf_addf(&b, "%s\"%s\"", i ? ", " : "",
		            json_string_value(v) ? json_string_value(v) : "");
	}
	ck_buf_addch(&b, '}');
	return ck_buf_detach(&b, NULL);
}

/* K8S: ValidatePolicyRule: what a rule of a Role (namespaced) or ClusterRole must have. */
static void validate_rules(const json_t *obj, bool namespaced, struct ck_api_errlist *errs)
{
	size_t i;
	json_t *rule;

	json_array_foreach(json_object_get(obj, "rules"), i, rule)
	{
		json_t *urls = json_object_get(rule, "nonResourceURLs");
		char field[96];

		if (!json_array_size(json_object_get(rule, "verbs"))) {
			snprintf(field, sizeof(field), "rules[%zu].verbs", i);
			ck_api_errlist_required(errs, field,
			                        "verbs must contain at least one value");
		}
		if (json_array_size(urls)) {
			char *v = go_string_slice(urls);

			snprintf(field, sizeof(field), "rules[%zu].nonResourceURLs", i);
			if (namespaced)
				ck_api_errlist_invalid_raw(
				        errs, field, v,
				        "namespaced rules cannot apply to non-resource URLs");
			if (json_array_size(json_object_get(rule, "apiGroups")) ||
			    json_array_size(json_object_get(rule, "resources")) ||
			    json_array_size(json_object_get(rule, "resourceNames")))
				ck_api_errlist_invalid_raw(
				        errs, field, v,
				        "rules cannot apply to both regular resources "
				        "and non-resource URLs");
			free(v);
			continue;
		}
		if (!json_array_size(json_object_get(rule, "apiGroups"))) {
			snprintf(field, sizeof(field), "rules[%zu].apiGroups", i);
			ck_api_errlist_required(
			        errs, field, "resource rules must supply at least one api group");
		}
		if (!json_array_size(json_object_get(rule, "resources"))) {
			snprintf(field, sizeof(field), "rules[%zu].resources", i);
			ck_api_errlist_required(errs, field,
			                        "resource rules must supply at least one resource");
		}
	}
}

static void role_validate(const json_t *obj, const json_t *old, struct ck_api_errlist *errs)
{
	(void)old;
	validate_rules(obj, true, errs);
}

static void clusterrole_validate(const json_t *obj, const json_t *old, struct ck_api_errlist *errs)
{
	(void)old;
	validate_rules(obj, false, errs);
}

/*
 * K8S: SetDefaults_RoleBinding / ClusterRoleBinding and SetDefaults_Subject: roleRef's
 * apiGroup and the apiGroup of User and Group subjects are rbac.authorization.k8s.io.
 */
static void binding_defaults(json_t *obj)
{
	size_t i;
	json_t *s;

	set_default_str(obj_child(obj, "roleRef"), "apiGroup", RBAC_GROUP);
	json_array_foreach(json_object_get(obj, "subjects"), i, s)
	{
		const char *kind = json_string_value(json_object_get(s, "kind"));

		if (json_is_object(s) && kind && (!strcmp(kind, "User") || !strcmp(kind, "Group")))
			set_default_str(s, "apiGroup", RBAC_GROUP);
	}
}

/*
 * K8S: ValidateRoleBinding / ValidateClusterRoleBinding: a roleRef in rbac's group to a
 * Role or ClusterRole (a ClusterRoleBinding only to a ClusterRole), with a name, that never
 * changes; subjects of kind ServiceAccount (namespaced; a cluster binding names the
 * namespace), User or Group.
 */
static void validate_binding(const json_t *obj, const json_t *old, bool namespaced,
                             struct ck_api_errlist *errs)
{
	static const char *const group[] = {RBAC_GROUP, NULL};
	static const char *const kinds_ns[] = {"Role", "ClusterRole", NULL};
	static const char *const kinds_cluster[] = {"ClusterRole", NULL};
	static const char *const subject_kinds[] = {"ServiceAccount", "User", "Group", NULL};
	static const char *const empty_group[] = {"", NULL};
	json_t *ref = json_object_get(obj, "roleRef"), *s;
	const char *ag = json_string_value(json_object_get(ref, "apiGroup"));
	const char *kind = json_string_value(json_object_get(ref, "kind"));
	const char *name = json_string_value(json_object_get(ref, "name"));
	size_t i;

	if (!ag || strcmp(ag, RBAC_GROUP))
		ck_api_errlist_not_supported(errs, "roleRef.apiGroup", ag ? ag : "", group);
	if (!kind || (strcmp(kind, "ClusterRole") && (!namespaced || strcmp(kind, "Role"))))
		ck_api_errlist_not_supported(errs, "roleRef.kind", kind ? kind : "",
		                             namespaced ? kinds_ns : kinds_cluster);
	if (!name || !*name)
		ck_api_errlist_required(errs, "roleRef.name", "");
	json_array_foreach(json_object_get(obj, "subjects"), i, s)
	{
		const char *sk = json_string_value(json_object_get(s, "kind"));
		const char *sn = json_string_value(json_object_get(s, "name"));
		const char *sg = json_string_value(json_object_get(s, "apiGroup"));
		const char *sns = json_string_value(json_object_get(s, "namespace"));
		char field[96];

		if (!sn || !*sn) {
			snprintf(field, sizeof(field), "subjects[%zu].name", i);
			ck_api_errlist_required(errs, field, "");
		}
		if (sk && !strcmp(sk, "ServiceAccount")) {
			if (sg && *sg) {
				snprintf(field, sizeof(field), "subjects[%zu].apiGroup", i);
				ck_api_errlist_not_supported(errs, field, sg, empty_group);
			}
			if (!namespaced && (!sns || !*sns)) {
				snprintf(field, sizeof(field), "subjects[%zu].namespace", i);
				ck_api_errlist_required(errs, field, "");
			}
		} else if (sk && (!strcmp(sk, "User") || !strcmp(sk, "Group"))) {
			if (!sg || strcmp(sg, RBAC_GROUP)) {
				snprintf(field, sizeof(field), "subjects[%zu].apiGroup", i);
				ck_api_errlist_not_supported(errs, field, sg ? sg : "", group);
			}
		} else {
			snprintf(field, sizeof(field), "subjects[%zu].kind", i);
			ck_api_errlist_not_supported(errs, field, sk ? sk : "", subject_kinds);
		}
	}
	/* K8S: ValidateRoleBindingUpdate: "cannot change roleRef". */
	if (old && !json_equal(ref, json_object_get(old, "roleRef"))) {
		char *dump = json_dumps(ref ? ref : json_null(), JSON_COMPACT | JSON_SORT_KEYS);

		ck_api_errlist_invalid_raw(errs, "roleRef", dump ? dump : "null",
		                           "cannot change roleRef");
		free(dump);
	}
}

static void rolebinding_validate(const json_t *obj, const json_t *old, struct ck_api_errlist *errs)
{
	validate_binding(obj, old, true, errs);
}

static void clusterrolebinding_validate(const json_t *obj, const json_t *old,
                                        struct ck_api_errlist *errs)
{
	validate_binding(obj, old, false, errs);
}

/* ---- field selectors --------------------------------------------------------------- */

/* K8S: pkg/apis/core/v1/conversion.go, each kind's AddFieldLabelConversionFunc. */
static const struct ck_api_field pod_fields[] = {
        {"metadata.name", NULL, NULL, NULL},
        {"metadata.namespace", NULL, NULL, NULL},
        {"spec.nodeName", "spec.nodeName", NULL, NULL},
        {"spec.restartPolicy", "spec.restartPolicy", NULL, NULL},
        {"spec.schedulerName", "spec.schedulerName", NULL, NULL},
        {"spec.serviceAccountName", "spec.serviceAccountName", NULL, NULL},
        {"spec.hostNetwork", "spec.hostNetwork", NULL, "false"},
        {"status.phase", "status.phase", NULL, NULL},
        {"status.podIP", "status.podIP", NULL, NULL},
        {"status.nominatedNodeName", "status.nominatedNodeName", NULL, NULL},
        {NULL, NULL, NULL, NULL},
};

static const struct ck_api_field node_fields[] = {
        {"metadata.name", NULL, NULL, NULL},
        {"spec.unschedulable", "spec.unschedulable", NULL, "false"},
        {NULL, NULL, NULL, NULL},
};

/* K8S: event GetAttrs: "source" is source.component, else reportingController. */
static const struct ck_api_field event_fields[] = {
        {"involvedObject.kind", "involvedObject.kind", NULL, NULL},
        {"involvedObject.namespace", "involvedObject.namespace", NULL, NULL},
        {"involvedObject.name", "involvedObject.name", NULL, NULL},
        {"involvedObject.uid", "involvedObject.uid", NULL, NULL},
        {"involvedObject.apiVersion", "involvedObject.apiVersion", NULL, NULL},
        {"involvedObject.resourceVersion", "involvedObject.resourceVersion", NULL, NULL},
        {"involvedObject.fieldPath", "involvedObject.fieldPath", NULL, NULL},
        {"reason", "reason", NULL, NULL},
        {"reportingComponent", "reportingController", NULL, NULL},
        {"source", "source.component", "reportingController", NULL},
        {"type", "type", NULL, NULL},
        {"metadata.namespace", NULL, NULL, NULL},
        {"metadata.name", NULL, NULL, NULL},
        {NULL, NULL, NULL, NULL},
};

static const struct ck_api_field namespace_fields[] = {
        {"status.phase", "status.phase", NULL, NULL},
        {"metadata.name", NULL, NULL, NULL},
        {NULL, NULL, NULL, NULL},
};

static const struct ck_api_field secret_fields[] = {
        {"type", "type", NULL, NULL},
        {"metadata.namespace", NULL, NULL, NULL},
        {"metadata.name", NULL, NULL, NULL},
        {NULL, NULL, NULL, NULL},
};

static const struct ck_api_field service_fields[] = {
        {"metadata.namespace", NULL, NULL, NULL},
        {"metadata.name", NULL, NULL, NULL},
        {"spec.clusterIP", "spec.clusterIP", NULL, NULL},
        {"spec.type", "spec.type", NULL, NULL},
        {NULL, NULL, NULL, NULL},
};

/* K8S: pkg/apis/apps/v1/conversion.go: ReplicaSet adds status.replicas. */
static const struct ck_api_field replicaset_fields[] = {
        {"metadata.name", NULL, NULL, NULL},
        {"metadata.namespace", NULL, NULL, NULL},
        {"status.replicas", "status.replicas", NULL, "0"},
        {NULL, NULL, NULL, NULL},
};

/* K8S: pkg/apis/batch/v1/conversion.go: Job adds status.successful (status.succeeded). */
static const struct ck_api_field job_fields[] = {
        {"metadata.name", NULL, NULL, NULL},
        {"metadata.namespace", NULL, NULL, NULL},
        {"status.successful", "status.succeeded", NULL, "0"},
        {NULL, NULL, NULL, NULL},
};

/* K8S: runtime.DefaultMetaV1FieldSelectorConversion, for every other kind. */
const struct ck_api_field ck_api_default_fields[] = {
        {"metadata.name", NULL, NULL, NULL},
        {"metadata.namespace", NULL, NULL, NULL},
        {NULL, NULL, NULL, NULL},
};

/* ---- Table columns (K8S: pkg/printers/internalversion/printers.go AddHandlers) --------- */

#define DESC_NAME                                                                                  \
	"Name must be unique within a namespace. Is required when creating resources, although "   \
	"some resources may allow a client to request the generation of an appropriate name "      \
	"automatically. Name is primarily intended for creation idempotence and configuration "    \
	"definition. Cannot be updated. More info: "                                               \
	"https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names"
#define DESC_AGE                                                                                   \
	"CreationTimestamp is a timestamp representing the server time when this object was "      \
	"created. It is not guaranteed to be set in happens-before order across separate "         \
	"operations. Clients may not set this value. It is represented in RFC3339 form and is in " \
	"UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: "                  \
	"https://git.k8s.io/community/contributors/devel/sig-architecture/"                        \
	"api-conventions.md#metadata"
#define COL_NAME                                                                                   \
	{                                                                                          \
		"Name", "string", "name", DESC_NAME, 0                                             \
	}
#define COL_AGE                                                                                    \
	{                                                                                          \
		"Age", "string", "", DESC_AGE, 0                                                   \
	}
#define COL_CONTAINERS                                                                             \
	{                                                                                          \
		"Containers", "string", "", "Names of each container in the template.", 1          \
	}
#define COL_IMAGES                                                                                 \
	{                                                                                          \
		"Images", "string", "", "Images referenced by each container in the template.", 1  \
	}

static const struct ck_api_column namespace_columns[] = {
        COL_NAME,
        {"Status", "string", "", "The status of the namespace", 0},
        COL_AGE,
};

static const struct ck_api_column configmap_columns[] = {
        COL_NAME,
        {"Data", "string", "", "Data contains the configuration data.", 0},
        COL_AGE,
};

static const struct ck_api_column secret_columns[] = {
        COL_NAME,
        {"Type", "string", "", "Used to facilitate programmatic handling of secret data.", 0},
        {"Data", "string", "", "Data contains the secret data.", 0},
        COL_AGE,
};

static const struct ck_api_column serviceaccount_columns[] = {
        COL_NAME,
        {"Secrets", "string", "", "Secrets is a list of the secrets in the same namespace.", 0},
        COL_AGE,
};

static const struct ck_api_column event_columns[] = {
        {"Last Seen", "string", "",
         "The time at which the most recent occurrence of this event was recorded.", 0},
        {"Type", "string", "",
         "Type of this event (Normal, Warning), new types could be added in the future", 0},
        {"Reason", "string", "",
         "This should be a short, machine understandable string that gives the reason for the "
         "transition into the object's current status.",
         0},
        {"Object", "string", "", "The object that this event is about.", 0},
        {"Subobject", "string", "",
         "If referring to a piece of an object instead of an entire object, this string should "
         "contain a valid JSON/Go field access statement.",
         1},
        {"Source", "string", "", "The component reporting this event.", 1},
        {"Message", "string", "", "A human-readable description of the status of this operation.",
         0},
        {"First Seen", "string", "", "The time at which the event was first recorded.", 1},
        {"Count", "string", "", "The number of times this event has occurred.", 1},
        {"Name", "string", "name", DESC_NAME, 1},
};

static const struct ck_api_column service_columns[] = {
        COL_NAME,
        {"Type", "string", "", "type determines how the Service is exposed.", 0},
        {"Cluster-IP", "string", "", "clusterIP is the IP address of the service.", 0},
        {"External-IP", "string", "",
         "externalIPs is a list of IP addresses for which nodes in the cluster will also accept "
         "traffic for this service.",
         0},
        {"Port(s)", "string", "", "The list of ports that are exposed by this service.", 0},
        COL_AGE,
        {"Selector", "string", "",
         "Route service traffic to pods with label keys and values matching this selector.", 1},
};

static const struct ck_api_column endpoints_columns[] = {
        COL_NAME,
        {"Endpoints", "string", "", "The set of all endpoints is the union of all subsets.", 0},
        COL_AGE,
};

static const struct ck_api_column pod_columns[] = {
        COL_NAME,
        {"Ready", "string", "", "The aggregate readiness state of this pod for accepting traffic.",
         0},
        {"Status", "string", "", "The aggregate status of the containers in this pod.", 0},
        {"Restarts", "string", "",
         "The number of times the containers in this pod have been restarted and when the last "
         "container in this pod has restarted.",
         0},
        COL_AGE,
        {"IP", "string", "", "podIP address allocated to the pod.", 1},
        {"Node", "string", "", "NodeName indicates in which node this pod is scheduled.", 1},
        {"Nominated Node", "string", "",
         "nominatedNodeName is set only when this pod preempts other pods on the node.", 1},
        {"Readiness Gates", "string", "",
         "If specified, all readiness gates will be evaluated for pod readiness.", 1},
};

static const struct ck_api_column node_columns[] = {
        COL_NAME,
        {"Status", "string", "", "The status of the node", 0},
        {"Roles", "string", "", "The roles of the node", 0},
        COL_AGE,
        {"Version", "string", "", "Kubelet Version reported by the node.", 0},
        {"Internal-IP", "string", "", "List of addresses reachable to the node.", 1},
        {"External-IP", "string", "", "List of addresses reachable to the node.", 1},
        {"OS-Image", "string", "", "OS Image reported by the node from /etc/os-release.", 1},
        {"Kernel-Version", "string", "", "Kernel Version reported by the node from 'uname -r'.", 1},
        {"Container-Runtime", "string", "",
         "ContainerRuntime Version reported by the node through runtime remote API.", 1},
};

static const struct ck_api_column deployment_columns[] = {
        COL_NAME,
        {"Ready", "string", "", "Number of the pod with ready state", 0},
        {"Up-to-date", "string", "",
         "Total number of non-terminating pods targeted by this deployment that have the desired "
         "template spec.",
         0},
        {"Available", "string", "",
         "Total number of available pods (ready for at least minReadySeconds) targeted by this "
         "deployment.",
         0},
        COL_AGE,
        COL_CONTAINERS,
        COL_IMAGES,
        {"Selector", "string", "", "Label selector for pods.", 1},
};

static const struct ck_api_column replicaset_columns[] = {
        COL_NAME,
        {"Desired", "integer", "", "Replicas is the number of desired replicas.", 0},
        {"Current", "integer", "", "Replicas is the most recently observed number of replicas.", 0},
        {"Ready", "integer", "", "The number of ready replicas for this replica set.", 0},
        COL_AGE,
        COL_CONTAINERS,
        COL_IMAGES,
        {"Selector", "string", "",
         "Selector is a label query over pods that should match the replica count.", 1},
};

static const struct ck_api_column daemonset_columns[] = {
        COL_NAME,
        {"Desired", "integer", "",
         "The total number of nodes that should be running the daemon pod.", 0},
        {"Current", "integer", "",
         "The number of nodes that are running at least 1 daemon pod and are supposed to run the "
         "daemon pod.",
         0},
        {"Ready", "integer", "",
         "The number of nodes that should be running the daemon pod and have one or more of the "
         "daemon pod running and ready.",
         0},
        {"Up-to-date", "integer", "",
         "The total number of nodes that are running updated daemon pod", 0},
        {"Available", "integer", "",
         "The number of nodes that should be running the daemon pod and have one or more of the "
         "daemon pod running and available.",
         0},
        {"Node Selector", "string", "",
         "NodeSelector is a selector which must be true for the pod to fit on a node.", 0},
        COL_AGE,
        COL_CONTAINERS,
        COL_IMAGES,
        {"Selector", "string", "", "A label query over pods that are managed by the daemon set.",
         1},
};

static const struct ck_api_column statefulset_columns[] = {
        COL_NAME,   {"Ready", "string", "", "Number of the pod with ready state", 0},
        COL_AGE,    COL_CONTAINERS,
        COL_IMAGES,
};

static const struct ck_api_column lease_columns[] = {
        COL_NAME,
        {"Holder", "string", "",
         "holderIdentity contains the identity of the holder of a current lease.", 0},
        COL_AGE,
};

static const struct ck_api_column pdb_columns[] = {
        COL_NAME,
        {"Min Available", "string", "", "The minimum number of pods that must be available.", 0},
        {"Max Unavailable", "string", "", "The maximum number of pods that may be unavailable.", 0},
        {"Allowed Disruptions", "integer", "",
         "Calculated number of pods that may be disrupted at this time.", 0},
        COL_AGE,
};

#define COL_SELECTOR_JOB                                                                           \
	{                                                                                          \
		"Selector", "string", "",                                                          \
		        "A label query over pods that should match the pod count.", 1              \
	}

static const struct ck_api_column job_columns[] = {
        COL_NAME,
        {"Status", "string", "", "Status of the job.", 0},
        {"Completions", "string", "",
         "The number of pods which reached phase Succeeded. The value increases monotonically "
         "for a given spec. However, it may decrease in reaction to scale down of elastic "
         "indexed jobs.",
         0},
        {"Duration", "string", "", "Time required to complete the job.", 0},
        COL_AGE,
        COL_CONTAINERS,
        COL_IMAGES,
        COL_SELECTOR_JOB,
};

static const struct ck_api_column cronjob_columns[] = {
        COL_NAME,
        {"Schedule", "string", "",
         "The schedule in Cron format, see https://en.wikipedia.org/wiki/Cron.", 0},
        {"Timezone", "string", "",
         "The time zone name for the given schedule, see "
         "https://en.wikipedia.org/wiki/List_of_tz_database_time_zones.",
         0},
        {"Suspend", "boolean", "",
         "This flag tells the controller to suspend subsequent executions, it does not apply to "
         "already started executions.  Defaults to false.",
         0},
        {"Active", "integer", "", "A list of pointers to currently running jobs.", 0},
        {"Last Schedule", "string", "",
         "Information when was the last time the job was successfully scheduled.", 0},
        COL_AGE,
        COL_CONTAINERS,
        COL_IMAGES,
        COL_SELECTOR_JOB,
};

static const struct ck_api_column ingress_columns[] = {
        COL_NAME,
        {"Class", "string", "",
         "The name of the IngressClass resource that should be used for additional "
         "configuration",
         0},
        {"Hosts", "string", "",
         "Hosts that incoming requests are matched against before the ingress rule", 0},
        {"Address", "string", "",
         "Address is a list containing ingress points for the load-balancer", 0},
        {"Ports", "string", "", "Ports of TLS configurations that open", 0},
        COL_AGE,
};

static const struct ck_api_column priorityclass_columns[] = {
        COL_NAME,
        {"Value", "integer", "",
         "value represents the integer value of this priority class. This is the actual "
         "priority that pods receive when they have the name of this class in their pod spec.",
         0},
        {"Global-Default", "boolean", "",
         "globalDefault specifies whether this PriorityClass should be considered as the "
         "default priority for pods that do not have any priority class. Only one "
         "PriorityClass can be marked as `globalDefault`. However, if more than one "
         "PriorityClasses exists with their `globalDefault` field set to true, the smallest "
         "value of such global default PriorityClasses will be used as the default priority.",
         0},
        COL_AGE,
        {"PreemptionPolicy", "string", "",
         "preemptionPolicy is the Policy for preempting pods with lower priority. One of "
         "Never, PreemptLowerPriority. Defaults to PreemptLowerPriority if unset.",
         0},
};

static const struct ck_api_column resourcequota_columns[] = {
        COL_NAME,
        {"Request", "string", "",
         "Request represents a minimum amount of cpu/memory that a container may consume.", 0},
        {"Limit", "string", "",
         "Limits control the maximum amount of cpu/memory that a container may use independent "
         "of contention on the node.",
         0},
        COL_AGE,
};

static const struct ck_api_column rolebinding_columns[] = {
        COL_NAME,
        {"Role", "string", "",
         "RoleRef can reference a Role in the current namespace or a "
         "ClusterRole in the global namespace. If the RoleRef cannot be "
         "resolved, the Authorizer must return an error.",
         0},
        COL_AGE,
        {"Users", "string", "", "Users in the roleBinding", 1},
        {"Groups", "string", "", "Groups in the roleBinding", 1},
        {"ServiceAccounts", "string", "", "ServiceAccounts in the roleBinding", 1},
};

static const struct ck_api_column clusterrolebinding_columns[] = {
        COL_NAME,
        {"Role", "string", "",
         "RoleRef can only reference a ClusterRole in the global "
         "namespace. If the RoleRef cannot be resolved, the Authorizer "
         "must return an error.",
         0},
        COL_AGE,
        {"Users", "string", "", "Users in the clusterRoleBinding", 1},
        {"Groups", "string", "", "Groups in the clusterRoleBinding", 1},
        {"ServiceAccounts", "string", "", "ServiceAccounts in the clusterRoleBinding", 1},
};

/*
 * K8S: rest.NewDefaultTableConvertor, for kinds printers.go has no handler for (Role,
 * ClusterRole): the name and the creation time as an RFC 3339 "date".
 */
static const struct ck_api_column default_columns[] = {
        COL_NAME,
        {"Created At", "date", "", DESC_AGE, 0},
};

#define COLUMNS(c) .columns = (c), .ncolumns = CK_ARRAY_SIZE(c)

/* ---- the rows ---------------------------------------------------------------------- */

static const char *const cat_all[] = {"all", NULL};

/*
 * K8S: the pods storage map's pods/log (a Getter answering text, listed with kind Pod) and
 * serviceaccounts/token (a NamedCreater of authentication.k8s.io/v1 TokenRequest). The
 * status, scale, binding and eviction subresources are routed by the router itself.
 */
static const struct ck_api_subresource pod_subresources[] = {
        {"log", "", NULL, "Pod", CK_API_VERB_GET, ck_api_pod_log},
        {NULL, NULL, NULL, NULL, 0, NULL},
};

static const struct ck_api_subresource serviceaccount_subresources[] = {
        {"token", "authentication.k8s.io", "v1", "TokenRequest", CK_API_VERB_CREATE,
         ck_api_serviceaccount_token},
        {NULL, NULL, NULL, NULL, 0, NULL},
};

/* K8S: core/v1 discovery (reference §1.2), and pkg/registry/core/<kind>/storage. */
static const struct ck_resource res_namespaces = {
        .group = "",
        .version = "v1",
        .api_version = "v1",
        .kind = "Namespace",
        .list_kind = "NamespaceList",
        .plural = "namespaces",
        .singular = "namespace",
        .short_names = (const char *const[]){"ns", NULL},
        .namespaced = false,
        .verbs = CK_API_VERB_CREATE | CK_API_VERB_DELETE | CK_API_VERB_GET | CK_API_VERB_LIST |
                 CK_API_VERB_PATCH | CK_API_VERB_UPDATE | CK_API_VERB_WATCH,
        .etcd_resource = "namespaces",
        .name_rule = CK_API_NAME_LABEL,
        .fields = namespace_fields,
        COLUMNS(namespace_columns),
        .row = ck_api_row_namespace,
        .has_status = true,
        .unconditional_update = true,
        .delete_returns_object = true,
        .defaults = namespace_defaults,
        .prepare = namespace_prepare,
};

static const struct ck_resource res_configmaps = {
        .group = "",
        .version = "v1",
        .api_version = "v1",
        .kind = "ConfigMap",
        .list_kind = "ConfigMapList",
        .plural = "configmaps",
        .singular = "configmap",
        .short_names = (const char *const[]){"cm", NULL},
        .namespaced = true,
        .verbs = CK_API_VERBS_ALL,
        .etcd_resource = "configmaps",
        COLUMNS(configmap_columns),
        .row = ck_api_row_configmap,
        .validate = configmap_validate,
        .unconditional_update = true,
};

static const struct ck_resource res_secrets = {
        .group = "",
        .version = "v1",
        .api_version = "v1",
        .kind = "Secret",
        .list_kind = "SecretList",
        .plural = "secrets",
        .singular = "secret",
        .namespaced = true,
        .verbs = CK_API_VERBS_ALL,
        .etcd_resource = "secrets",
        .fields = secret_fields,
        COLUMNS(secret_columns),
        .row = ck_api_row_secret,
        .validate = secret_validate,
        .unconditional_update = true,
        .defaults = secret_defaults,
};

static const struct ck_resource res_serviceaccounts = {
        .group = "",
        .version = "v1",
        .api_version = "v1",
        .kind = "ServiceAccount",
        .list_kind = "ServiceAccountList",
        .plural = "serviceaccounts",
        .singular = "serviceaccount",
        .short_names = (const char *const[]){"sa", NULL},
        .namespaced = true,
        .verbs = CK_API_VERBS_ALL,
        .etcd_resource = "serviceaccounts",
        COLUMNS(serviceaccount_columns),
        .row = ck_api_row_serviceaccount,
        .unconditional_update = true,
        .delete_returns_object = true,
        .subresources = serviceaccount_subresources,
};

static const struct ck_resource res_events = {
        .group = "",
        .version = "v1",
        .api_version = "v1",
        .kind = "Event",
        .list_kind = "EventList",
        .plural = "events",
        .singular = "event",
        .short_names = (const char *const[]){"ev", NULL},
        .namespaced = true,
        .verbs = CK_API_VERBS_ALL,
        .etcd_resource = "events",
        .fields = event_fields,
        COLUMNS(event_columns),
        .row = ck_api_row_event,
        .unconditional_update = true,
};

static const struct ck_resource res_services = {
        .group = "",
        .version = "v1",
        .api_version = "v1",
        .kind = "Service",
        .list_kind = "ServiceList",
        .plural = "services",
        .singular = "service",
        .short_names = (const char *const[]){"svc", NULL},
        .categories = cat_all,
        .namespaced = true,
        /* K8S: services have no deletecollection. */
        .verbs = CK_API_VERBS_ALL & ~CK_API_VERB_DELETECOLLECTION,
        .etcd_resource = "services/specs", /* K8S: kube-apiserver's historical key */
        .name_rule = CK_API_NAME_DNS1035,
        .fields = service_fields,
        COLUMNS(service_columns),
        .row = ck_api_row_service,
        .has_status = true,
        .create_on_update = true,
        .unconditional_update = true,
        .delete_returns_object = true,
        .defaults = service_defaults,
        .prepare = service_prepare,
};

static const struct ck_resource res_endpoints = {
        .group = "",
        .version = "v1",
        .api_version = "v1",
        .kind = "Endpoints",
        .list_kind = "EndpointsList",
        .plural = "endpoints",
        .singular = "endpoints",
        .short_names = (const char *const[]){"ep", NULL},
        .namespaced = true,
        .verbs = CK_API_VERBS_ALL,
        .etcd_resource = "services/endpoints", /* K8S: kube-apiserver's historical key */
        COLUMNS(endpoints_columns),
        .row = ck_api_row_endpoints,
        .create_on_update = true,
        .unconditional_update = true,
};

static const struct ck_resource res_pods = {
        .group = "",
        .version = "v1",
        .api_version = "v1",
        .kind = "Pod",
        .list_kind = "PodList",
        .plural = "pods",
        .singular = "pod",
        .short_names = (const char *const[]){"po", NULL},
        .categories = cat_all,
        .namespaced = true,
        .verbs = CK_API_VERBS_ALL,
        .etcd_resource = "pods",
        .fields = pod_fields,
        COLUMNS(pod_columns),
        .row = ck_api_row_pod,
        .has_status = true,
        .unconditional_update = true,
        .delete_returns_object = true,
        .defaults = pod_defaults,
        .validate = pod_validate,
        .prepare = pod_prepare,
        .subresources = pod_subresources,
};

static const struct ck_resource res_nodes = {
        .group = "",
        .version = "v1",
        .api_version = "v1",
        .kind = "Node",
        .list_kind = "NodeList",
        .plural = "nodes",
        .singular = "node",
        .short_names = (const char *const[]){"no", NULL},
        .namespaced = false,
        .verbs = CK_API_VERBS_ALL,
        .etcd_resource = "minions", /* K8S: kube-apiserver's historical key */
        .fields = node_fields,
        COLUMNS(node_columns),
        .row = ck_api_row_node,
        .has_status = true,
        .unconditional_update = true,
        .delete_returns_object = true,
};

static const struct ck_resource res_deployments = {
        .group = "apps",
        .version = "v1",
        .api_version = "apps/v1",
        .kind = "Deployment",
        .list_kind = "DeploymentList",
        .plural = "deployments",
        .singular = "deployment",
        .short_names = (const char *const[]){"deploy", NULL},
        .categories = cat_all,
        .namespaced = true,
        .verbs = CK_API_VERBS_ALL,
        .etcd_resource = "deployments",
        COLUMNS(deployment_columns),
        .row = ck_api_row_deployment,
        .has_status = true,
        .has_spec = true,
        .unconditional_update = true,
        .defaults = deployment_defaults,
        .validate = workload_validate,
        .prepare = deployment_prepare,
};

static const struct ck_resource res_replicasets = {
        .group = "apps",
        .version = "v1",
        .api_version = "apps/v1",
        .kind = "ReplicaSet",
        .list_kind = "ReplicaSetList",
        .plural = "replicasets",
        .singular = "replicaset",
        .short_names = (const char *const[]){"rs", NULL},
        .categories = cat_all,
        .namespaced = true,
        .verbs = CK_API_VERBS_ALL,
        .etcd_resource = "replicasets",
        .fields = replicaset_fields,
        COLUMNS(replicaset_columns),
        .row = ck_api_row_replicaset,
        .has_status = true,
        .has_spec = true,
        .unconditional_update = true,
        .defaults = replicaset_defaults,
        .validate = workload_validate,
        .prepare = replicaset_prepare,
};

static const struct ck_resource res_daemonsets = {
        .group = "apps",
        .version = "v1",
        .api_version = "apps/v1",
        .kind = "DaemonSet",
        .list_kind = "DaemonSetList",
        .plural = "daemonsets",
        .singular = "daemonset",
        .short_names = (const char *const[]){"ds", NULL},
        .categories = cat_all,
        .namespaced = true,
        .verbs = CK_API_VERBS_ALL,
        .etcd_resource = "daemonsets",
        COLUMNS(daemonset_columns),
        .row = ck_api_row_daemonset,
        .has_status = true,
        .has_spec = true,
        .unconditional_update = true,
        .defaults = daemonset_defaults,
        .validate = workload_validate,
        .prepare = daemonset_prepare,
};

static const struct ck_resource res_statefulsets = {
        .group = "apps",
        .version = "v1",
        .api_version = "apps/v1",
        .kind = "StatefulSet",
        .list_kind = "StatefulSetList",
        .plural = "statefulsets",
        .singular = "statefulset",
        .short_names = (const char *const[]){"sts", NULL},
        .categories = cat_all,
        .namespaced = true,
        .verbs = CK_API_VERBS_ALL,
        .etcd_resource = "statefulsets",
        COLUMNS(statefulset_columns),
        .row = ck_api_row_statefulset,
        .has_status = true,
        .has_spec = true,
        .unconditional_update = true,
        .defaults = statefulset_defaults,
        .validate = workload_validate,
        .prepare = statefulset_prepare,
};

static const struct ck_resource res_leases = {
        .group = "coordination.k8s.io",
        .version = "v1",
        .api_version = "coordination.k8s.io/v1",
        .kind = "Lease",
        .list_kind = "LeaseList",
        .plural = "leases",
        .singular = "lease",
        .namespaced = true,
        .verbs = CK_API_VERBS_ALL,
        .etcd_resource = "leases",
        COLUMNS(lease_columns),
        .row = ck_api_row_lease,
        /* K8S: leaseStrategy: AllowCreateOnUpdate true, AllowUnconditionalUpdate false. */
        .create_on_update = true,
        .unconditional_update = false,
};

static const struct ck_resource res_pdbs = {
        .group = "policy",
        .version = "v1",
        .api_version = "policy/v1",
        .kind = "PodDisruptionBudget",
        .list_kind = "PodDisruptionBudgetList",
        .plural = "poddisruptionbudgets",
        .singular = "poddisruptionbudget",
        .short_names = (const char *const[]){"pdb", NULL},
        .namespaced = true,
        .verbs = CK_API_VERBS_ALL,
        .etcd_resource = "poddisruptionbudgets",
        COLUMNS(pdb_columns),
        .row = ck_api_row_pdb,
        .has_status = true,
        .has_spec = true,
        .unconditional_update = true,
        .prepare = pdb_prepare,
};

/*
 * K8S: policy/v1beta1 PodDisruptionBudget (served until 1.25) shares v1's storage,
 * /registry/poddisruptionbudgets. Objects are returned with the apiVersion they were
 * written with (no conversion: the two versions have the same fields).
 */
static const struct ck_resource res_pdbs_v1beta1 = {
        .group = "policy",
        .version = "v1beta1",
        .api_version = "policy/v1beta1",
        .kind = "PodDisruptionBudget",
        .list_kind = "PodDisruptionBudgetList",
        .plural = "poddisruptionbudgets",
        .singular = "poddisruptionbudget",
        .short_names = (const char *const[]){"pdb", NULL},
        .namespaced = true,
        .verbs = CK_API_VERBS_ALL,
        .etcd_resource = "poddisruptionbudgets",
        COLUMNS(pdb_columns),
        .row = ck_api_row_pdb,
        .has_status = true,
        .has_spec = true,
        .unconditional_update = true,
        .prepare = pdb_prepare,
};

/* ---- batch, networking, scheduling, quota and rbac rows ------------------------------- */

/* K8S: pkg/registry/batch/job/storage: ShortNames none, Categories "all". */
static const struct ck_resource res_jobs = {
        .group = "batch",
        .version = "v1",
        .api_version = "batch/v1",
        .kind = "Job",
        .list_kind = "JobList",
        .plural = "jobs",
        .singular = "job",
        .categories = cat_all,
        .namespaced = true,
        .verbs = CK_API_VERBS_ALL,
        .etcd_resource = "jobs",
        .fields = job_fields,
        COLUMNS(job_columns),
        .row = ck_api_row_job,
        .has_status = true,
        .has_spec = true,
        .unconditional_update = true,
        .defaults = job_defaults,
        .validate = job_validate,
        .prepare = job_prepare,
};

/* K8S: pkg/registry/batch/cronjob/storage: ShortNames "cj", Categories "all". */
static const struct ck_resource res_cronjobs = {
        .group = "batch",
        .version = "v1",
        .api_version = "batch/v1",
        .kind = "CronJob",
        .list_kind = "CronJobList",
        .plural = "cronjobs",
        .singular = "cronjob",
        .short_names = (const char *const[]){"cj", NULL},
        .categories = cat_all,
        .namespaced = true,
        .verbs = CK_API_VERBS_ALL,
        .etcd_resource = "cronjobs",
        COLUMNS(cronjob_columns),
        .row = ck_api_row_cronjob,
        .has_status = true,
        .has_spec = true,
        .unconditional_update = true,
        .defaults = cronjob_defaults,
        .validate = cronjob_validate,
        .prepare = empty_status_prepare,
};

/*
 * K8S: batch/v1beta1 CronJob (served until 1.25; what Debian's kubectl 1.20 creates) shares
 * v1's storage, /registry/cronjobs. Objects are returned with the apiVersion they were
 * written with (no conversion: the fields ckube reads are the same in both versions).
 */
static const struct ck_resource res_cronjobs_v1beta1 = {
        .group = "batch",
        .version = "v1beta1",
        .api_version = "batch/v1beta1",
        .kind = "CronJob",
        .list_kind = "CronJobList",
        .plural = "cronjobs",
        .singular = "cronjob",
        .short_names = (const char *const[]){"cj", NULL},
        .categories = cat_all,
        .namespaced = true,
        .verbs = CK_API_VERBS_ALL,
        .etcd_resource = "cronjobs",
        COLUMNS(cronjob_columns),
        .row = ck_api_row_cronjob,
        .has_status = true,
        .has_spec = true,
        .unconditional_update = true,
        .defaults = cronjob_defaults,
        .validate = cronjob_validate,
        .prepare = empty_status_prepare,
};

/* K8S: pkg/registry/networking/ingress/storage: ShortNames "ing", no categories. */
static const struct ck_resource res_ingresses = {
        .group = "networking.k8s.io",
        .version = "v1",
        .api_version = "networking.k8s.io/v1",
        .kind = "Ingress",
        .list_kind = "IngressList",
        .plural = "ingresses",
        .singular = "ingress",
        .short_names = (const char *const[]){"ing", NULL},
        .namespaced = true,
        .verbs = CK_API_VERBS_ALL,
        .etcd_resource = "ingress", /* K8S: kube-apiserver's historical key */
        COLUMNS(ingress_columns),
        .row = ck_api_row_ingress,
        .has_status = true,
        .has_spec = true,
        .unconditional_update = true,
        .validate = ingress_validate,
        .prepare = empty_status_prepare,
};

/* K8S: pkg/registry/scheduling/priorityclass/storage: ShortNames "pc". */
static const struct ck_resource res_priorityclasses = {
        .group = "scheduling.k8s.io",
        .version = "v1",
        .api_version = "scheduling.k8s.io/v1",
        .kind = "PriorityClass",
        .list_kind = "PriorityClassList",
        .plural = "priorityclasses",
        .singular = "priorityclass",
        .short_names = (const char *const[]){"pc", NULL},
        .namespaced = false,
        .verbs = CK_API_VERBS_ALL,
        .etcd_resource = "priorityclasses",
        COLUMNS(priorityclass_columns),
        .row = ck_api_row_priorityclass,
        .unconditional_update = true,
        .defaults = priorityclass_defaults,
        .validate = priorityclass_validate,
};

/*
 * K8S: pkg/registry/core/resourcequota/storage: ShortNames "quota"; PrepareForCreate clears
 * status (the quota controller fills hard and used).
 */
static const struct ck_resource res_resourcequotas = {
        .group = "",
        .version = "v1",
        .api_version = "v1",
        .kind = "ResourceQuota",
        .list_kind = "ResourceQuotaList",
        .plural = "resourcequotas",
        .singular = "resourcequota",
        .short_names = (const char *const[]){"quota", NULL},
        .namespaced = true,
        .verbs = CK_API_VERBS_ALL,
        .etcd_resource = "resourcequotas",
        COLUMNS(resourcequota_columns),
        .row = ck_api_row_resourcequota,
        .has_status = true,
        .unconditional_update = true,
        .prepare = empty_status_prepare,
};

/* K8S: pkg/registry/rbac/<kind>/policybased: AllowCreateOnUpdate for every RBAC kind. */
static const struct ck_resource res_roles = {
        .group = "rbac.authorization.k8s.io",
        .version = "v1",
        .api_version = "rbac.authorization.k8s.io/v1",
        .kind = "Role",
        .list_kind = "RoleList",
        .plural = "roles",
        .singular = "role",
        .namespaced = true,
        .verbs = CK_API_VERBS_ALL,
        .etcd_resource = "roles",
        COLUMNS(default_columns),
        .row = ck_api_row_default,
        .create_on_update = true,
        .unconditional_update = true,
        .validate = role_validate,
};

static const struct ck_resource res_rolebindings = {
        .group = "rbac.authorization.k8s.io",
        .version = "v1",
        .api_version = "rbac.authorization.k8s.io/v1",
        .kind = "RoleBinding",
        .list_kind = "RoleBindingList",
        .plural = "rolebindings",
        .singular = "rolebinding",
        .namespaced = true,
        .verbs = CK_API_VERBS_ALL,
        .etcd_resource = "rolebindings",
        COLUMNS(rolebinding_columns),
        .row = ck_api_row_rolebinding,
        .create_on_update = true,
        .unconditional_update = true,
        .defaults = binding_defaults,
        .validate = rolebinding_validate,
};

static const struct ck_resource res_clusterroles = {
        .group = "rbac.authorization.k8s.io",
        .version = "v1",
        .api_version = "rbac.authorization.k8s.io/v1",
        .kind = "ClusterRole",
        .list_kind = "ClusterRoleList",
        .plural = "clusterroles",
        .singular = "clusterrole",
        .namespaced = false,
        .verbs = CK_API_VERBS_ALL,
        .etcd_resource = "clusterroles",
        COLUMNS(default_columns),
        .row = ck_api_row_default,
        .create_on_update = true,
        .unconditional_update = true,
        .validate = clusterrole_validate,
};

static const struct ck_resource res_clusterrolebindings = {
        .group = "rbac.authorization.k8s.io",
        .version = "v1",
        .api_version = "rbac.authorization.k8s.io/v1",
        .kind = "ClusterRoleBinding",
        .list_kind = "ClusterRoleBindingList",
        .plural = "clusterrolebindings",
        .singular = "clusterrolebinding",
        .namespaced = false,
        .verbs = CK_API_VERBS_ALL,
        .etcd_resource = "clusterrolebindings",
        COLUMNS(clusterrolebinding_columns),
        .row = ck_api_row_rolebinding,
        .create_on_update = true,
        .unconditional_update = true,
        .defaults = binding_defaults,
        .validate = clusterrolebinding_validate,
};

/* Discovery order: core first as kube-apiserver lists it, then the groups. */
static const struct ck_resource *const resources[] = {
        &res_configmaps,
        &res_endpoints,
        &res_events,
        &res_namespaces,
        &res_nodes,
        &res_pods,
        &res_resourcequotas,
        &res_secrets,
        &res_serviceaccounts,
        &res_services,
        &res_daemonsets,
        &res_deployments,
        &res_replicasets,
        &res_statefulsets,
        &res_cronjobs,
        &res_jobs,
        &res_cronjobs_v1beta1,
        &res_leases,
        &res_ingresses,
        &res_pdbs,
        &res_pdbs_v1beta1,
        &res_clusterrolebindings,
        &res_clusterroles,
        &res_rolebindings,
        &res_roles,
        &res_priorityclasses,
};

const struct ck_resource *const *ck_api_resources(size_t *n)
{
	*n = CK_ARRAY_SIZE(resources);
	return resources;
}

const struct ck_resource *ck_api_resource_find(const char *group, const char *version,
                                               const char *plural)
{
	for (size_t i = 0; i < CK_ARRAY_SIZE(resources); i++) {
		const struct ck_resource *r = resources[i];

		if (!strcmp(r->group, group) && !strcmp(r->version, version) &&
		    !strcmp(r->plural, plural))
			return r;
	}
	return NULL;
}

const char *ck_api_resource_qualified(const struct ck_resource *r, char *buf, size_t size)
{
	snprintf(buf, size, "%s%s%s", r->plural, *r->group ? "." : "", r->group);
	return buf;
}

const char *ck_api_resource_qualified_kind(const struct ck_resource *r, char *buf, size_t size)
{
	snprintf(buf, size, "%s%s%s", r->kind, *r->group ? "." : "", r->group);
	return buf;
}

bool ck_api_resource_has_scale(const struct ck_resource *r)
{
	return !strcmp(r->group, "apps") &&
	       (!strcmp(r->plural, "deployments") || !strcmp(r->plural, "replicasets") ||
	        !strcmp(r->plural, "statefulsets"));
}

const struct ck_api_subresource *ck_api_resource_subresource(const struct ck_resource *r,
                                                             const char *name)
{
	for (const struct ck_api_subresource *s = r->subresources; s && s->name; s++)
		if (!strcmp(s->name, name))
			return s;
	return NULL;
}

const struct ck_api_field *ck_api_resource_field(const struct ck_resource *r, const char *label)
{
	const struct ck_api_field *f = r->fields ? r->fields : ck_api_default_fields;

	for (; f->label; f++)
		if (!strcmp(f->label, label))
			return f;
	return NULL;
}
