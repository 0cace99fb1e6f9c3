/*
 * What a delete does to a stored object: remove it now, or mark it (deletionTimestamp,
 * deletionGracePeriodSeconds, the garbage collector's finalizers) and keep it until the one
 * who owes the last step takes it (a kubelet after a pod's grace period, the garbage
 * collector, the namespace controller), or nothing because that is already under way.
 *
 * One place for the rule, shared by DELETE, DELETECOLLECTION and pods/eviction.
 *
 * K8S: registry.Store.Delete with rest.BeforeDelete (graceful deletion),
 * deletionFinalizersForGarbageCollection (propagationPolicy / orphanDependents become the
 * "orphan" and "foregroundDeletion" finalizers), markAsDeleting, and the namespace REST's
 * Delete (a namespace first becomes Terminating, its controller empties it).
 *
 * Pure functions on JSON: any thread.
 */
#include "base/compat.h"

#include <jansson.h>

#include "api/api-int.h"
#include "base/time.h"

/* K8S: metav1.FinalizerOrphanDependents and FinalizerDeleteDependents. */
const char ck_api_finalizer_orphan[] = "orphan";
const char ck_api_finalizer_foreground[] = "foregroundDeletion";

static const char *const propagation_names[] = {
        [CK_API_PROPAGATE_ORPHAN] = "Orphan",
        [CK_API_PROPAGATE_BACKGROUND] = "Background",
        [CK_API_PROPAGATE_FOREGROUND] = "Foreground",
};

static enum ck_api_propagation propagation_of(const char *s)
{
	for (size_t i = 0; i < CK_ARRAY_SIZE(propagation_names); i++)
		if (propagation_names[i] && !strcmp(s, propagation_names[i]))
			return (enum ck_api_propagation)i;
	return CK_API_PROPAGATE_DEFAULT;
}

static void set_propagation(struct ck_api_delete_opts *o, const char *s,
                            struct ck_api_errlist *errs)
{
	/* K8S: ValidateDeleteOptions lists "nil" among the supported values. */
	static const char *const valid[] = {"Foreground", "Background", "Orphan", "nil", NULL};

	o->propagation = propagation_of(s);
	if (o->propagation == CK_API_PROPAGATE_DEFAULT)
		ck_api_errlist_not_supported(errs, "propagationPolicy", s, valid);
}

void ck_api_delete_opts_read(const json_t *body, struct ck_http_request *req,
                             struct ck_api_delete_opts *out, struct ck_api_errlist *errs)
{
	*out = (struct ck_api_delete_opts){.orphan = -1};
	if (body) {
		json_t *g = json_object_get(body, "gracePeriodSeconds");
		json_t *p = json_object_get(body, "propagationPolicy");
		json_t *od = json_object_get(body, "orphanDependents");

		if (json_is_integer(g)) {
			out->has_grace = true;
			out->grace = json_integer_value(g);
		}
		if (json_is_string(p))
			set_propagation(out, json_string_value(p), errs);
		if (json_is_boolean(od))
			out->orphan = json_is_true(od);
	} else {
		/* K8S: a DELETE without a body takes its DeleteOptions from the query. */
		const char *g = ck_http_request_param(req, "gracePeriodSeconds");
		const char *p = ck_http_request_param(req, "propagationPolicy");
		const char *od = ck_http_request_param(req, "orphanDependents");
		bool b;

		if (g) {
			char *end;
			long long v;

			errno = 0;
			v = strtoll(g, &end, 10);
			if (errno || end == g || *end) {
				ck_api_errlist_invalid(errs, "gracePeriodSeconds", g,
				                       "must be an integer");
			} else {
				out->has_grace = true;
				out->grace = v;
			}
		}
		if (p && *p)
			set_propagation(out, p, errs);
		if (od && ck_api_parse_bool(od, &b) == 0)
			out->orphan = b;
	}
	/* K8S: ValidateDeleteOptions. */
	if (out->orphan >= 0 && out->propagation != CK_API_PROPAGATE_DEFAULT)
		ck_api_errlist_invalid(
		        errs, "propagationPolicy", propagation_names[out->propagation],
		        "orphanDependents and deletionPropagation cannot be both set");
	/* K8S: BeforeDelete: a negative grace period is one second. */
	if (out->has_grace && out->grace < 0)
		out->grace = 1;
}

static bool is_core(const struct ck_resource *res, const char *plural)
{
	return !*res->group && !strcmp(res->plural, plural);
}

static bool has_string(const json_t *arr, const char *s)
{
	size_t i;
	json_t *v;

	json_array_foreach(arr, i, v) if (json_is_string(v) &&
	                                  !strcmp(json_string_value(v), s)) return true;
	return false;
}

/*
 * K8S: the kind's DefaultGarbageCollectionPolicy: batch/v1 Jobs and batch/v1beta1
 * CronJobs orphan their dependents "for back compatibility" (kubectl always asks for
 * Background, client libraries' defaults don't); every other kind ckube serves deletes
 * them.
 */
static bool orphans_by_default(const struct ck_resource *res)
{
	return !strcmp(res->group, "batch") &&
	       ((!strcmp(res->version, "v1") && !strcmp(res->kind, "Job")) ||
	        (!strcmp(res->version, "v1beta1") && !strcmp(res->kind, "CronJob")));
}

/*
 * K8S: shouldOrphanDependents / shouldDeleteDependentsInForeground: the options decide,
 * else the finalizers the object already has, else the kind's default.
 */
static void gc_finalizers(const struct ck_resource *res, const json_t *fins,
                          const struct ck_api_delete_opts *o, bool *orphan, bool *foreground)
{
	*orphan = *foreground = false;
	if (o->orphan >= 0) {
		*orphan = o->orphan;
		return;
	}
	if (o->propagation != CK_API_PROPAGATE_DEFAULT) {
		*orphan = o->propagation == CK_API_PROPAGATE_ORPHAN;
		*foreground = o->propagation == CK_API_PROPAGATE_FOREGROUND;
		return;
	}
	/* The first of the two in the list wins, as the loops upstream return on it. */
	size_t i;
	json_t *v;

	json_array_foreach(fins, i, v)
	{
		const char *s = json_string_value(v);

		if (s && !strcmp(s, ck_api_finalizer_orphan)) {
			*orphan = true;
			return;
		}
		if (s && !strcmp(s, ck_api_finalizer_foreground)) {
			*foreground = true;
			return;
		}
	}
	*orphan = res && orphans_by_default(res);
}

/*
 * K8S: deletionFinalizersForGarbageCollection: drop both GC finalizers, add back the ones
 * the options ask for. Returns the new list (a new reference) and whether it differs as a
 * set from the old one.
 */
static json_t *new_finalizers(const struct ck_resource *res, const json_t *fins,
                              const struct ck_api_delete_opts *o, bool *changed)
{
	json_t *out = json_array(), *v;
	bool orphan, foreground;
	size_t i;

	gc_finalizers(res, fins, o, &orphan, &foreground);
	json_array_foreach(fins, i, v)
	{
		const char *s = json_string_value(v);

		if (s && (!strcmp(s, ck_api_finalizer_orphan) ||
		          !strcmp(s, ck_api_finalizer_foreground)))
			continue;
		json_array_append(out, v);
	}
	if (orphan)
		json_array_append_new(out, json_string(ck_api_finalizer_orphan));
	if (foreground)
		json_array_append_new(out, json_string(ck_api_finalizer_foreground));
	*changed = false;
	json_array_foreach(out, i, v) if (!has_string(fins, json_string_value(v))) *changed = true;
	json_array_foreach(fins, i, v) if (json_is_string(v) &&
	                                   !has_string(out, json_string_value(v))) *changed = true;
	return out;
}

static void set_time(json_t *md, const char *field, time_t t)
{
	char ts[CK_TIME_RFC3339_LEN];

	json_object_set_new(md, field, json_string(ck_time_format_rfc3339(t, ts)));
}

static time_t get_time(const json_t *md, const char *field)
{
	struct timespec t;
	struct ck_error *err = NULL;
	const char *s = json_string_value(json_object_get(md, field));

	if (!s || ck_time_parse_rfc3339(s, &t, &err) < 0) {
		ck_error_free(err);
		return 0;
	}
	return t.tv_sec;
}

static void bump_generation(json_t *md)
{
	json_int_t gen = json_integer_value(json_object_get(md, "generation"));

	if (gen > 0)
		json_object_set_new(md, "generation", json_integer(gen + 1));
}

enum grace_result {
	GRACE_NONE,    /* not a graceful deletion: finalizers decide */
	GRACE_SET,     /* the object was marked with a grace period (maybe 0) */
	GRACE_PENDING, /* a longer or equal graceful deletion is already under way */
};

/*
 * K8S: rest.BeforeDelete with podStrategy.CheckGracefulDelete, the only kind ckube serves
 * that deletes gracefully. Marks md and sets *period on GRACE_SET.
 */
static enum grace_result before_delete(const struct ck_resource *res, const json_t *cur, json_t *md,
                                       const struct ck_api_delete_opts *o, time_t now,
                                       int64_t *period)
{
	const json_t *spec = json_object_get(cur, "spec");
	json_t *dgps = json_object_get(md, "deletionGracePeriodSeconds");

	if (!is_core(res, "pods"))
		return GRACE_NONE;
	if (json_object_get(md, "deletionTimestamp")) {
		/*
		 * Already being deleted: only a shorter grace period may be asked for. A mark
		 * without one (or with 0) means the delete after it failed: delete now.
		 */
		int64_t old = json_integer_value(dgps);

		if (!json_is_integer(dgps) || old <= 0)
			return GRACE_NONE;
		if (!o->has_grace || o->grace >= old)
			return GRACE_PENDING;
		time_t ts = get_time(md, "deletionTimestamp") - old + o->grace;

		*period = o->grace;
		if (ts < now) {
			/* Never into the past; an expired graceful request stays graceful. */
			ts = now;
			if (*period)
				*period = 1;
		}
		set_time(md, "deletionTimestamp", ts);
		json_object_set_new(md, "deletionGracePeriodSeconds", json_integer(*period));
		return GRACE_SET;
	}
	*period = o->has_grace ? o->grace
	                       : json_integer_value(
	                                 json_object_get(spec, "terminationGracePeriodSeconds"));
	/* An unscheduled pod, or one whose containers have ended, has nothing to stop. */
	const char *node = json_string_value(json_object_get(spec, "nodeName"));
	const char *phase =
	        json_string_value(json_object_get(json_object_get(cur, "status"), "phase"));

	if (!node || !*node || (phase && (!strcmp(phase, "Failed") || !strcmp(phase, "Succeeded"))))
		*period = 0;
	if (*period < 0)
		*period = 0;
	set_time(md, "deletionTimestamp", now + *period);
	json_object_set_new(md, "deletionGracePeriodSeconds", json_integer(*period));
	bump_generation(md);
	return GRACE_SET;
}

/* K8S: markAsDeleting: now, unless an earlier deletion timestamp stands; grace 0. */
static void mark_as_deleting(json_t *md, time_t now)
{
	json_t *ts = json_object_get(md, "deletionTimestamp");

	if (!ts)
		bump_generation(md);
	if (!ts || get_time(md, "deletionTimestamp") > now)
		set_time(md, "deletionTimestamp", now);
	json_object_set_new(md, "deletionGracePeriodSeconds", json_integer(0));
}

/*
 * K8S: the namespace REST's Delete: the first delete only starts termination; once
 * terminating, the namespace waits for spec.finalizers to empty and then is deleted as
 * any object. Returns false when the generic rule applies.
 */
static bool namespace_plan(const json_t *cur, const struct ck_api_delete_opts *o, time_t now,
                           json_t **marked, enum ck_api_delete_plan *plan)
{
	json_t *obj, *md, *st, *fins;
	bool changed;

	if (json_object_get(json_object_get(cur, "metadata"), "deletionTimestamp")) {
		if (!json_array_size(json_object_get(json_object_get(cur, "spec"), "finalizers")))
			return false;
		*plan = CK_API_DELETE_PENDING;
		return true;
	}
	obj = json_deep_copy(cur);
	md = json_object_get(obj, "metadata");
	set_time(md, "deletionTimestamp", now);
	st = json_object_get(obj, "status");
	if (!json_is_object(st)) {
		st = json_object();
		json_object_set_new(obj, "status", st);
	}
	json_object_set_new(st, "phase", json_string("Terminating"));
	fins = new_finalizers(NULL, json_object_get(md, "finalizers"), o, &changed);
	if (json_array_size(fins))
		json_object_set_new(md, "finalizers", fins);
	else {
		json_object_del(md, "finalizers");
		json_decref(fins);
	}
	*marked = obj;
	*plan = CK_API_DELETE_MARK;
	return true;
}

enum ck_api_delete_plan ck_api_delete_decide(const struct ck_resource *res, const json_t *cur,
                                             const struct ck_api_delete_opts *o, time_t now,
                                             json_t **marked)
{
	json_t *obj, *md, *fins;
	enum ck_api_delete_plan plan;
	enum grace_result g;
	int64_t period = 0;
	bool changed, pending_fins;

	*marked = NULL;
	if (is_core(res, "namespaces") && namespace_plan(cur, o, now, marked, &plan))
		return plan;
	obj = json_deep_copy(cur);
	md = json_object_get(obj, "metadata");
	g = before_delete(res, cur, md, o, now, &period);
	if (g == GRACE_PENDING) {
		json_decref(obj);
		return CK_API_DELETE_PENDING;
	}
	/*
	 * K8S: the GC finalizers follow the options; they cannot change once a graceful
	 * deletion is pending (handled above).
	 */
	fins = new_finalizers(res, json_object_get(md, "finalizers"), o, &changed);
	pending_fins = json_array_size(fins) > 0;
	if (changed) {
		if (pending_fins)
			json_object_set(md, "finalizers", fins);
		else
			json_object_del(md, "finalizers");
	}
	json_decref(fins);
	if (g == GRACE_NONE && pending_fins)
		mark_as_deleting(md, now);
	/*
	 * K8S: a zero grace period without finalizers deletes at once. Upstream first writes
	 * the mark and then deletes; ckube skips that write, which only a watcher could see.
	 */
	if (pending_fins || (g == GRACE_SET && period > 0)) {
		*marked = obj;
		return CK_API_DELETE_MARK;
	}
	json_decref(obj);
	return CK_API_DELETE_NOW;
}

int ck_api_delete_opts_parse(struct ck_api_op *op, const json_t *body)
{
	struct ck_api_errlist errs = {0};
	struct ck_api_status_details d = {.group = "meta.k8s.io", .kind = "DeleteOptions"};
	struct ck_error *err = NULL;
	json_t *causes = NULL;

	ck_api_delete_opts_read(body, op->req, &op->del, &errs);
	if (!errs.n)
		return 0;
	/* K8S: BeforeDelete: errors.NewInvalid(DeleteOptions.meta.k8s.io, "", errs). */
	ck_api_errlist_to_error(&errs, "DeleteOptions.meta.k8s.io", "", &causes, &err);
	d.causes = causes;
	ck_api_op_fail(op, err, &d);
	json_decref(causes);
	ck_api_errlist_release(&errs);
	return -1;
}
