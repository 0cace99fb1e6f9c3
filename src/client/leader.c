/*
 * Leader election (leader.h): client-go's tryAcquireOrRenew as a chain of asynchronous
 * requests on the client's loop — fast-path PUT, GET, then create or PUT — one attempt at
 * a time, paced by a retry timer, with a second timer for the leader's renew deadline.
 *
 * User callbacks (started/stopped leading, new leader) run last in the function that
 * fires them, through fire(), which notices when the callback freed the elector; the
 * caller then returns at once without touching it.
 */
#include <event2/event.h>
#include <jansson.h>

#include "base/compat.h"

#include "base/buf.h"
#include "base/json.h"
#include "base/log.h"
#include "base/mem.h"
#include "base/time.h"
#include "client/client.h"
#include "client/leader.h"

#define LEADER_LOG "leader"

enum step {
	STEP_IDLE,
	STEP_FAST_PUT, /* the leader's optimistic renewal on the Lease it last saw */
	STEP_GET,
	STEP_CREATE,
	STEP_PUT,
	STEP_RELEASE,
};

struct ck_leader {
	struct ck_client *client;
	char *ns, *name, *identity;
	char *coll_path; /* /apis/coordination.k8s.io/v1/namespaces/<ns>/leases */
	char *path;      /* .../leases/<name> */
	int lease_ms, renew_ms, retry_ms;
	int lease_s; /* leaseDurationSeconds we write */
	ck_leader_fn *on_started, *on_stopped;
	ck_leader_new_leader_fn *on_new_leader;
	void *arg;

	struct event *timer;    /* the next attempt, or the stop's continuation */
	struct event *deadline; /* the leader's renew deadline */
	struct ck_client_call *call;
	enum step step;
	json_t *lease;         /* the Lease last read or written (its metadata: the rv) */
	json_t *observed;      /* the spec observed last (client-go observedRecord) */
	int64_t observed_ms;   /* when it was observed, by our monotonic clock */
	char *reported;        /* the holder last reported to on_new_leader */
	bool leading;          /* between on_started and on_stopped */
	int64_t last_renew_ms; /* the leader's last successful write */

	bool stopping;
	ck_leader_stopped_fn *stopped_cb;
	void *stopped_arg;
	int in_cb;
	bool freed;
};

static void leader_release_memory(struct ck_leader *le)
{
	ck_client_call_cancel(le->call);
	event_free(le->timer);
	event_free(le->deadline);
	json_decref(le->lease);
	json_decref(le->observed);
	free(le->ns);
	free(le->name);
	free(le->identity);
	free(le->coll_path);
	free(le->path);
	free(le->reported);
	free(le);
}

/* ---- callbacks ----------------------------------------------------------------------- */

enum fire_what { FIRE_STARTED, FIRE_STOPPED, FIRE_NEW_LEADER, FIRE_DONE };

/* Run a user callback. Returns false when it freed the elector (the caller returns). */
static bool fire(struct ck_leader *le, enum fire_what what, const char *who)
{
	ck_leader_stopped_fn *done = le->stopped_cb;

	le->in_cb++;
	switch (what) {
	case FIRE_STARTED:
		if (le->on_started)
			le->on_started(le, le->arg);
		break;
	case FIRE_STOPPED:
		if (le->on_stopped)
			le->on_stopped(le, le->arg);
		break;
	case FIRE_NEW_LEADER:
		if (le->on_new_leader)
			le->on_new_leader(le, who, le->arg);
		break;
	case FIRE_DONE:
		le->stopped_cb = NULL;
		if (done)
			done(le, le->stopped_arg);
		break;
	}
	le->in_cb--;
	if (le->freed && !le->in_cb) {
		leader_release_memory(le);
		return false;
	}
	return !le->freed;
}

/* ---- the record ---------------------------------------------------------------------- */

static const char *observed_holder(const struct ck_leader *le)
{
	const char *h = le->observed ? ck_json_path_str(le->observed, "holderIdentity") : NULL;

	return h ? h : "";
}

/* client-go IsLeader: the record observed last names us. */
static bool is_holder(const struct ck_leader *le)
{
	return !strcmp(observed_holder(le), le->identity);
}

/* client-go isLeaseValid: observedTime + leaseDurationSeconds is still ahead of now. */
static bool lease_valid(const struct ck_leader *le, int64_t now)
{
	json_t *d = le->observed ? json_object_get(le->observed, "leaseDurationSeconds") : NULL;
	int64_t secs = json_is_integer(d) ? json_integer_value(d) : 0;

	return le->observed && le->observed_ms + secs * 1000 > now;
}

static void observe(struct ck_leader *le, const json_t *spec)
{
	json_decref(le->observed);
	le->observed = spec ? json_deep_copy(spec) : json_object();
	le->observed_ms = ck_time_mono_ms();
}

static json_t *now_micro(void)
{
	struct timespec ts = ck_time_now();
	char buf[CK_TIME_RFC3339_LEN];

	return json_string(ck_time_format_rfc3339_micro(&ts, buf));
}

/*
 * The record we write: us as the holder, renewed now. K8S: a holder keeps its acquireTime
 * and leaseTransitions; a new holder counts one more transition and acquires now.
 */
static json_t *new_record(struct ck_leader *le)
{
	json_t *spec = json_object();
	json_t *old_acq = le->observed ? json_object_get(le->observed, "acquireTime") : NULL;
	json_t *old_tr = le->observed ? json_object_get(le->observed, "leaseTransitions") : NULL;
	json_int_t tr = json_is_integer(old_tr) ? json_integer_value(old_tr) : 0;

	json_object_set_new(spec, "holderIdentity", json_string(le->identity));
	json_object_set_new(spec, "leaseDurationSeconds", json_integer(le->lease_s));
	if (is_holder(le) && json_is_string(old_acq)) {
		json_object_set(spec, "acquireTime", old_acq);
	} else {
		json_object_set_new(spec, "acquireTime", now_micro());
		/* A Lease taken over (from a holder, or released): one more transition. A new
		 * Lease (observed NULL) starts at 0. */
		if (le->observed)
			tr++;
	}
	json_object_set_new(spec, "renewTime", now_micro());
	json_object_set_new(spec, "leaseTransitions", json_integer(tr));
	return spec;
}

/* The Lease to PUT: the one last seen (metadata and resourceVersion kept) with spec. */
static char *lease_body(struct ck_leader *le, json_t *spec)
{
	json_t *obj = le->lease ? json_deep_copy(le->lease) : json_object();
	char *s;

	if (!le->lease) {
		json_t *md = json_object();

		json_object_set_new(md, "name", json_string(le->name));
		json_object_set_new(md, "namespace", json_string(le->ns));
		json_object_set_new(obj, "apiVersion", json_string("coordination.k8s.io/v1"));
		json_object_set_new(obj, "kind", json_string("Lease"));
		json_object_set_new(obj, "metadata", md);
	}
	json_object_set(obj, "spec", spec);
	s = json_dumps(obj, JSON_COMPACT);
	json_decref(obj);
	if (!s)
		CK_BUG("cannot encode a Lease");
	return s;
}

/* ---- the attempt --------------------------------------------------------------------- */

static void attempt_done(struct ck_client_call *call, int status, const char *body, size_t len,
                         struct ck_error *err, void *arg);

static void send_step(struct ck_leader *le, enum step step, const char *method, const char *path,
                      json_t *spec)
{
	char *body = spec ? lease_body(le, spec) : NULL;

	le->step = step;
	le->call = ck_client_request(le->client, method, path, body ? "application/json" : NULL,
	                             body, body ? strlen(body) : 0, le->renew_ms, attempt_done, le);
	free(body);
}

static void schedule_next(struct ck_leader *le)
{
	int64_t ms = le->retry_ms;

	/*
	 * K8S: a candidate retries with jitter (wait.JitterUntil) so that candidates do not
	 * stay in step; ckube keeps it within 20 % so that a takeover stays prompt.
	 */
	if (!le->leading)
		ms += (int64_t)((unsigned long)random() % (unsigned long)(le->retry_ms / 5 + 1));
	ck_time_event_add_ms(le->timer, ms);
}

/* Report a new holder. Returns false when the callback freed the elector. */
static bool maybe_report(struct ck_leader *le)
{
	const char *h = observed_holder(le);

	if (le->reported && !strcmp(le->reported, h))
		return true;
	free(le->reported);
	le->reported = ck_xstrdup(h);
	return fire(le, FIRE_NEW_LEADER, le->reported);
}

static void attempt_succeeded(struct ck_leader *le, const char *body, size_t len)
{
	json_t *obj = json_loadb(body, len, 0, NULL);
	bool started = false;

	if (json_is_object(obj)) {
		json_decref(le->lease);
		le->lease = obj;
		observe(le, json_object_get(obj, "spec"));
	} else {
		json_decref(obj);
	}
	le->last_renew_ms = ck_time_mono_ms();
	if (!le->leading) {
		le->leading = true;
		started = true;
		ck_info(LEADER_LOG, "%s: successfully acquired lease %s/%s", le->identity, le->ns,
		        le->name);
	}
	ck_time_event_add_ms(le->deadline, le->renew_ms);
	schedule_next(le);
	if (!maybe_report(le))
		return;
	if (started)
		fire(le, FIRE_STARTED, NULL);
}

static void lose_leadership(struct ck_leader *le, const char *why)
{
	ck_warn(LEADER_LOG, "%s: stopped leading %s/%s: %s", le->identity, le->ns, le->name, why);
	le->leading = false;
	event_del(le->deadline);
	fire(le, FIRE_STOPPED, NULL);
}

static void attempt_failed(struct ck_leader *le, const char *why)
{
	int64_t now = ck_time_mono_ms();

	ck_debug(LEADER_LOG, "%s: failed to acquire or renew %s/%s: %s", le->identity, le->ns,
	         le->name, why);
	schedule_next(le);
	if (!maybe_report(le))
		return;
	/* K8S: the renew loop gives up once RenewDeadline has passed without a renewal. */
	if (le->leading && now - le->last_renew_ms >= le->renew_ms)
		lose_leadership(le, "renew deadline passed");
}

/* The slow path's decision after a GET: keep waiting, or write ourselves in. */
static void after_get(struct ck_leader *le, const char *body, size_t len)
{
	json_t *obj = json_loadb(body, len, 0, NULL);
	json_t *spec = json_is_object(obj) ? json_object_get(obj, "spec") : NULL;
	json_t *rec;

	if (!json_is_object(obj)) {
		json_decref(obj);
		attempt_failed(le, "the Lease is not a JSON object");
		return;
	}
	json_decref(le->lease);
	le->lease = obj;
	/* K8S: the observation time moves only when the record changed. */
	if (!le->observed ||
	    (spec ? !json_equal(le->observed, spec) : json_object_size(le->observed)))
		observe(le, spec);
	if (*observed_holder(le) && lease_valid(le, ck_time_mono_ms()) && !is_holder(le)) {
		attempt_failed(le, "the lease is held and has not yet expired");
		return;
	}
	rec = new_record(le);
	send_step(le, STEP_PUT, "PUT", le->path, rec);
	json_decref(rec);
}

static void attempt_done(struct ck_client_call *call, int status, const char *body, size_t len,
                         struct ck_error *err, void *arg)
{
	struct ck_leader *le = arg;
	enum step step = le->step;
	json_t *rec;

	(void)call;
	le->call = NULL;
	le->step = STEP_IDLE;
	switch (step) {
	case STEP_FAST_PUT:
		if (!err) {
			attempt_succeeded(le, body, len);
			return;
		}
		ck_debug(LEADER_LOG, "%s: optimistic renewal failed (%s), falling back",
		         le->identity, err->msg);
		send_step(le, STEP_GET, "GET", le->path, NULL);
		return;
	case STEP_GET:
		if (status == 404) {
			/* K8S: no Lease yet: create it, holding it. */
			json_decref(le->lease);
			le->lease = NULL;
			json_decref(le->observed);
			le->observed = NULL;
			rec = new_record(le);
			send_step(le, STEP_CREATE, "POST", le->coll_path, rec);
			json_decref(rec);
			return;
		}
		if (err) {
			attempt_failed(le, err->msg);
			return;
		}
		after_get(le, body, len);
		return;
	case STEP_CREATE:
	case STEP_PUT:
		if (err) {
			/* 409: another candidate wrote first; it will be observed next time. */
			attempt_failed(le, err->msg);
			return;
		}
		attempt_succeeded(le, body, len);
		return;
	case STEP_RELEASE:
		if (err)
			ck_warn(LEADER_LOG, "%s: cannot release %s/%s: %s", le->identity, le->ns,
			        le->name, err->msg);
		else
			ck_info(LEADER_LOG, "%s: released %s/%s", le->identity, le->ns, le->name);
		fire(le, FIRE_DONE, NULL);
		return;
	case STEP_IDLE:
		break;
	}
	CK_BUG("a leader election reply without a step");
}

static void release(struct ck_leader *le)
{
	json_t *spec = json_object();
	json_t *tr = le->observed ? json_object_get(le->observed, "leaseTransitions") : NULL;

	/*
	 * K8S: LeaderElector.release: holder cleared, leaseDurationSeconds 1, renew and
	 * acquire times now, transitions kept; written on the Lease we last saw.
	 */
	json_object_set_new(spec, "holderIdentity", json_string(""));
	json_object_set_new(spec, "leaseDurationSeconds", json_integer(1));
	json_object_set_new(spec, "acquireTime", now_micro());
	json_object_set_new(spec, "renewTime", now_micro());
	json_object_set_new(spec, "leaseTransitions",
	                    json_integer(json_is_integer(tr) ? json_integer_value(tr) : 0));
	send_step(le, STEP_RELEASE, "PUT", le->path, spec);
	json_decref(spec);
}

static void on_timer(evutil_socket_t fd, short what, void *arg)
{
	struct ck_leader *le = arg;
	json_t *rec;

	(void)fd, (void)what;
	if (le->stopping) {
		/* The continuation of ck_leader_stop, from the loop. */
		if (le->leading) {
			le->leading = false;
			if (!fire(le, FIRE_STOPPED, NULL))
				return;
			if (is_holder(le) && le->lease) {
				release(le);
				return;
			}
		}
		fire(le, FIRE_DONE, NULL);
		return;
	}
	if (le->call)
		return; /* the previous attempt is still running */
	if (is_holder(le) && lease_valid(le, ck_time_mono_ms()) && le->lease) {
		rec = new_record(le);
		send_step(le, STEP_FAST_PUT, "PUT", le->path, rec);
		json_decref(rec);
		return;
	}
	send_step(le, STEP_GET, "GET", le->path, NULL);
}

static void on_deadline(evutil_socket_t fd, short what, void *arg)
{
	struct ck_leader *le = arg;

	(void)fd, (void)what;
	if (!le->leading || le->stopping)
		return;
	if (ck_time_mono_ms() - le->last_renew_ms < le->renew_ms) {
		ck_time_event_add_ms(le->deadline,
		                     le->last_renew_ms + le->renew_ms - ck_time_mono_ms());
		return;
	}
	/* An attempt still hanging past the deadline is abandoned with the leadership. */
	ck_client_call_cancel(le->call);
	le->call = NULL;
	le->step = STEP_IDLE;
	schedule_next(le);
	lose_leadership(le, "renew deadline passed");
}

/* ---- lifecycle ----------------------------------------------------------------------- */

int ck_leader_new(const struct ck_leader_config *cfg, struct ck_leader **out, struct ck_error **err)
{
	struct ck_leader *le;
	int lease = cfg && cfg->lease_ms ? cfg->lease_ms : CK_LEADER_DEFAULT_LEASE_MS;
	int renew =
	        cfg && cfg->renew_deadline_ms ? cfg->renew_deadline_ms : CK_LEADER_DEFAULT_RENEW_MS;
	int retry = cfg && cfg->retry_ms ? cfg->retry_ms : CK_LEADER_DEFAULT_RETRY_MS;

	if (!cfg || !cfg->client || !cfg->ns || !*cfg->ns || !cfg->name || !*cfg->name ||
	    !cfg->identity || !*cfg->identity)
		return ck_error_set(err, 400, CK_REASON_BAD_REQUEST,
		                    "leader election needs a client, a lease namespace and name, "
		                    "and an identity");
	/* K8S: NewLeaderElector: leaseDuration > renewDeadline > JitterFactor(1.2) * retry. */
	if (lease <= renew || renew * 10 <= retry * 12 || retry <= 0)
		return ck_error_set(err, 400, CK_REASON_BAD_REQUEST,
		                    "leader election durations must satisfy lease (%d ms) > renew "
		                    "deadline (%d ms) > 1.2 x retry (%d ms)",
		                    lease, renew, retry);
	le = ck_xcalloc(1, sizeof(*le));
	le->client = cfg->client;
	le->ns = ck_xstrdup(cfg->ns);
	le->name = ck_xstrdup(cfg->name);
	le->identity = ck_xstrdup(cfg->identity);
	le->coll_path = ck_xasprintf("/apis/coordination.k8s.io/v1/namespaces/%s/leases", cfg->ns);
	le->path = ck_xasprintf("%s/%s", le->coll_path, cfg->name);
	le->lease_ms = lease;
	le->renew_ms = renew;
	le->retry_ms = retry;
	le->lease_s = (lease + 999) / 1000;
	le->on_started = cfg->on_started_leading;
	le->on_stopped = cfg->on_stopped_leading;
	le->on_new_leader = cfg->on_new_leader;
	le->arg = cfg->arg;
	le->timer = evtimer_new(ck_client_base(le->client), on_timer, le);
	le->deadline = evtimer_new(ck_client_base(le->client), on_deadline, le);
	if (!le->timer || !le->deadline)
		CK_BUG("cannot create a timer");
	ck_time_event_add_ms(le->timer, 0);
	*out = le;
	return 0;
}

void ck_leader_stop(struct ck_leader *le, ck_leader_stopped_fn *done, void *arg)
{
	le->stopped_cb = done;
	le->stopped_arg = arg;
	if (le->stopping)
		return;
	le->stopping = true;
	ck_client_call_cancel(le->call);
	le->call = NULL;
	le->step = STEP_IDLE;
	event_del(le->deadline);
	ck_time_event_add_ms(le->timer, 0);
}

void ck_leader_free(struct ck_leader *le)
{
	if (!le || le->freed)
		return;
	le->freed = true;
	if (le->in_cb) {
		/* fire() frees it when the callback returns; stop everything now. */
		ck_client_call_cancel(le->call);
		le->call = NULL;
		event_del(le->timer);
		event_del(le->deadline);
		return;
	}
	leader_release_memory(le);
}

bool ck_leader_is_leader(const struct ck_leader *le)
{
	return le->leading;
}

const char *ck_leader_holder(const struct ck_leader *le)
{
	return observed_holder(le);
}
