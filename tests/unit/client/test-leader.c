/*
 * Leader election (src/client/leader.h) against ckube's API server on a real etcd, with
 * two candidates, each with a client of its own, on the test thread's loop: exactly one
 * leads (their simultaneous creates and updates conflict, and only one write wins); a
 * graceful stop releases the Lease and the standby takes over at its next retry, well
 * within the lease duration; a leader that vanishes without releasing is replaced only
 * once its lease has expired by the standby's own clock; a leader whose Lease is taken by
 * a conflicting writer stops leading once its renew deadline passes, and acquires again
 * when the Lease is released. The Lease's fields are checked as kubectl would show them.
 *
 * Short durations (lease 2 s, renew deadline 1.5 s, retry 250 ms) keep the suite quick.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>

#include <cmocka.h>
#include <event2/event.h>
#include <jansson.h>

#include "base/compat.h"

#include "base/json.h"
#include "base/log.h"
#include "base/mem.h"
#include "base/time.h"
#include "client/client.h"
#include "client/leader.h"
#include "support/api-fixture.h"

#define WAIT_MS  20000
#define LEASE_MS 2000
#define RENEW_MS 1500
#define RETRY_MS 250

static struct {
	struct ck_test_api *api;
	struct event_base *base;
	struct event *tick;
	struct ck_client *c[2];
	int leading;      /* candidates between started and stopped leading */
	bool two_leaders; /* ever more than one at once */
} G;

static void tick_cb(evutil_socket_t fd, short what, void *arg)
{
	(void)fd, (void)what, (void)arg;
}

static void run_until(bool (*pred)(void *arg), void *arg, const char *what)
{
	int64_t deadline = ck_time_mono_ms() + WAIT_MS;

	while (!pred(arg)) {
		if (ck_time_mono_ms() > deadline)
			fail_msg("timed out waiting for %s", what);
		event_base_loop(G.base, EVLOOP_ONCE);
	}
}

static void run_for(int ms)
{
	int64_t deadline = ck_time_mono_ms() + ms;

	while (ck_time_mono_ms() < deadline)
		event_base_loop(G.base, EVLOOP_ONCE);
}

static struct ck_client *new_client(void)
{
	struct ck_client_config cfg = {
	        .server = G.api->url,
	        .ca_pem = G.api->pki->ca.cert_pem,
	        .cert_pem = G.api->pki->admin.cert_pem,
	        .key_pem = G.api->pki->admin.key_pem,
	};
	struct ck_client *c = NULL;
	struct ck_error *err = NULL;

	if (ck_client_new(G.base, &cfg, &c, &err) < 0)
		fail_msg("ck_client_new: %s", err->msg);
	return c;
}

static int group_setup(void **state)
{
	struct timeval tv = {0, 20000};

	(void)state;
	ck_log_set_level(getenv("CK_TEST_DEBUG") ? CK_LOG_DEBUG : CK_LOG_ERROR);
	G.api = ck_test_api_start("leader");
	G.base = event_base_new();
	G.tick = event_new(G.base, -1, EV_PERSIST, tick_cb, NULL);
	event_add(G.tick, &tv);
	G.c[0] = new_client();
	G.c[1] = new_client();
	return 0;
}

static int group_teardown(void **state)
{
	(void)state;
	ck_client_free(G.c[0]);
	ck_client_free(G.c[1]);
	for (int i = 0; i < 4; i++)
		event_base_loop(G.base, EVLOOP_NONBLOCK);
	event_free(G.tick);
	event_base_free(G.base);
	ck_test_api_free(G.api);
	libevent_global_shutdown();
	return 0;
}

/* ---- candidates ------------------------------------------------------------------------ */

struct cand {
	struct ck_leader *le;
	char id[32];
	int started, stopped;
	char new_leader[64];
	int64_t started_ms;
	bool released;
	int64_t released_ms;
};

static void c_started(struct ck_leader *le, void *arg)
{
	struct cand *c = arg;

	(void)le;
	c->started++;
	c->started_ms = ck_time_mono_ms();
	if (++G.leading > 1)
		G.two_leaders = true;
}

static void c_stopped(struct ck_leader *le, void *arg)
{
	struct cand *c = arg;

	(void)le;
	c->stopped++;
	G.leading--;
}

static void c_new_leader(struct ck_leader *le, const char *who, void *arg)
{
	struct cand *c = arg;

	(void)le;
	snprintf(c->new_leader, sizeof(c->new_leader), "%s", who);
}

static void c_released(struct ck_leader *le, void *arg)
{
	struct cand *c = arg;

	(void)le;
	c->released = true;
	c->released_ms = ck_time_mono_ms();
}

static void cand_start(struct cand *c, int i, const char *lease, const char *id)
{
	struct ck_leader_config cfg = {
	        .client = G.c[i],
	        .ns = "kube-system",
	        .name = lease,
	        .identity = id,
	        .lease_ms = LEASE_MS,
	        .renew_deadline_ms = RENEW_MS,
	        .retry_ms = RETRY_MS,
	        .on_started_leading = c_started,
	        .on_stopped_leading = c_stopped,
	        .on_new_leader = c_new_leader,
	        .arg = c,
	};
	struct ck_error *err = NULL;

	memset(c, 0, sizeof(*c));
	snprintf(c->id, sizeof(c->id), "%s", id);
	if (ck_leader_new(&cfg, &c->le, &err) < 0)
		fail_msg("ck_leader_new: %s", err->msg);
}

static bool someone_leads(void *arg)
{
	struct cand *c = arg;

	return ck_leader_is_leader(c[0].le) || ck_leader_is_leader(c[1].le);
}

static bool leads(void *arg)
{
	struct cand *c = arg;

	return c->le && ck_leader_is_leader(c->le);
}

static bool not_leads(void *arg)
{
	return !leads(arg);
}

static bool released(void *arg)
{
	return ((struct cand *)arg)->released;
}

/* The Lease as the server has it. */
static json_t *get_lease(const char *name)
{
	char target[128];
	char *out = NULL;
	json_t *j;

	snprintf(target, sizeof(target),
	         "/apis/coordination.k8s.io/v1/namespaces/kube-system/leases/%s", name);
	assert_int_equal(ck_test_api_call(G.api, "GET", target, NULL, &out), 200);
	j = json_loads(out, 0, NULL);
	free(out);
	assert_non_null(j);
	return j;
}

static json_int_t spec_int(json_t *lease, const char *field)
{
	return json_integer_value(json_object_get(json_object_get(lease, "spec"), field));
}

static const char *spec_str(json_t *lease, const char *field)
{
	const char *s = json_string_value(json_object_get(json_object_get(lease, "spec"), field));

	return s ? s : "(null)";
}

/* ---- tests ----------------------------------------------------------------------------- */

static void test_one_leader_then_release(void **state)
{
	struct cand c[2];
	struct cand *leader, *standby;
	json_t *l1, *l2;

	(void)state;
	G.leading = 0;
	G.two_leaders = false;
	cand_start(&c[0], 0, "test-a", "alpha");
	cand_start(&c[1], 1, "test-a", "beta");
	run_until(someone_leads, c, "a leader");
	leader = ck_leader_is_leader(c[0].le) ? &c[0] : &c[1];
	standby = leader == &c[0] ? &c[1] : &c[0];
	run_for(3 * LEASE_MS / 2); /* longer than a lease: the leader keeps renewing */
	assert_true(ck_leader_is_leader(leader->le));
	assert_false(ck_leader_is_leader(standby->le));
	assert_false(G.two_leaders);
	assert_int_equal(leader->started, 1);
	assert_int_equal(standby->started, 0);
	assert_string_equal(standby->new_leader, leader->id);
	assert_string_equal(leader->new_leader, leader->id);
	assert_string_equal(ck_leader_holder(standby->le), leader->id);

	/* The Lease as kubectl shows it: the holder, 2 s, renewed every retry period. */
	l1 = get_lease("test-a");
	assert_string_equal(spec_str(l1, "holderIdentity"), leader->id);
	assert_int_equal(spec_int(l1, "leaseDurationSeconds"), 2);
	assert_int_equal(spec_int(l1, "leaseTransitions"), 0);
	assert_int_equal(strlen(spec_str(l1, "renewTime")), strlen("2026-01-01T00:00:00.000000Z"));
	run_for(2 * RETRY_MS);
	l2 = get_lease("test-a");
	assert_string_not_equal(spec_str(l1, "renewTime"), spec_str(l2, "renewTime"));
	assert_string_equal(spec_str(l1, "acquireTime"), spec_str(l2, "acquireTime"));
	json_decref(l1);
	json_decref(l2);

	/*
	 * A graceful stop releases: the standby takes over at its next retry, well within the
	 * lease it would otherwise wait out. Timed from the release's completion, so that a
	 * slow write of the release itself (etcd's fsync on a busy disk) does not count.
	 */
	ck_leader_stop(leader->le, c_released, leader);
	run_until(released, leader, "the release");
	assert_int_equal(leader->stopped, 1);
	assert_false(ck_leader_is_leader(leader->le));
	run_until(leads, standby, "the standby to lead");
	assert_true(standby->started_ms - leader->released_ms < LEASE_MS);
	assert_false(G.two_leaders);
	l1 = get_lease("test-a");
	assert_string_equal(spec_str(l1, "holderIdentity"), standby->id);
	assert_int_equal(spec_int(l1, "leaseTransitions"), 1);
	assert_int_equal(spec_int(l1, "leaseDurationSeconds"), 2);
	json_decref(l1);
	ck_leader_free(leader->le);
	ck_leader_free(standby->le); /* no release: a crash, as far as the Lease knows */
	G.leading = 0;
}

/* A leader that vanishes without releasing: taken over only after its lease expired. */
static void test_takeover_after_crash(void **state)
{
	struct cand c[2];
	struct cand *leader, *standby;
	int64_t t0, took;
	json_t *l;

	(void)state;
	G.leading = 0;
	G.two_leaders = false;
	cand_start(&c[0], 0, "test-b", "gamma");
	cand_start(&c[1], 1, "test-b", "delta");
	run_until(someone_leads, c, "a leader");
	leader = ck_leader_is_leader(c[0].le) ? &c[0] : &c[1];
	standby = leader == &c[0] ? &c[1] : &c[0];
	run_for(2 * RETRY_MS);
	t0 = ck_time_mono_ms();
	ck_leader_free(leader->le); /* stops renewing, releases nothing */
	leader->le = NULL;
	G.leading--;
	run_until(leads, standby, "the standby to take over");
	took = standby->started_ms - t0;
	/* The last renewal was at most one retry before the crash; the standby waits a lease. */
	if (took < LEASE_MS - RETRY_MS - 100 || took > LEASE_MS + 4 * RETRY_MS + 1000)
		fail_msg("took over after %" PRId64 " ms (lease %d ms)", took, LEASE_MS);
	assert_false(G.two_leaders);
	l = get_lease("test-b");
	assert_string_equal(spec_str(l, "holderIdentity"), standby->id);
	assert_int_equal(spec_int(l, "leaseTransitions"), 1);
	json_decref(l);
	ck_leader_free(standby->le);
	G.leading = 0;
}

/* PUT the Lease from outside with holder and duration (a conflicting writer). */
static void put_lease(const char *name, const char *holder, int secs)
{
	json_t *l = get_lease(name);
	json_t *spec = json_object_get(l, "spec");
	struct timespec ts = ck_time_now();
	char now[CK_TIME_RFC3339_LEN], target[128];
	char *body, *out = NULL;
	int st;

	ck_time_format_rfc3339_micro(&ts, now);
	json_object_set_new(spec, "holderIdentity", json_string(holder));
	json_object_set_new(spec, "leaseDurationSeconds", json_integer(secs));
	json_object_set_new(spec, "renewTime", json_string(now));
	json_object_set_new(spec, "acquireTime", json_string(now));
	body = json_dumps(l, JSON_COMPACT);
	snprintf(target, sizeof(target),
	         "/apis/coordination.k8s.io/v1/namespaces/kube-system/leases/%s", name);
	st = ck_test_api_call(G.api, "PUT", target, body, &out);
	if (st != 200)
		fail_msg("PUT lease: %d %s", st, out);
	free(out);
	free(body);
	json_decref(l);
}

static bool new_leader_is_intruder(void *arg)
{
	return !strcmp(((struct cand *)arg)->new_leader, "intruder");
}

static void test_conflicting_writer(void **state)
{
	struct cand c;
	int64_t t0;
	json_t *l;

	(void)state;
	G.leading = 0;
	cand_start(&c, 0, "test-c", "epsilon");
	run_until(leads, &c, "the leader");
	/* Someone else writes the Lease: the leader's optimistic renewal conflicts (409). */
	put_lease("test-c", "intruder", 30);
	t0 = ck_time_mono_ms();
	run_until(new_leader_is_intruder, &c, "the intruder to be observed");
	run_until(not_leads, &c, "the leader to give up");
	/* It gave up at the renew deadline, not at the first conflict. */
	assert_true(ck_time_mono_ms() - t0 >= RENEW_MS - 2 * RETRY_MS - 100);
	assert_int_equal(c.stopped, 1);
	run_for(2 * RETRY_MS);
	assert_false(ck_leader_is_leader(c.le)); /* 30 s lease: waits */
	l = get_lease("test-c");
	assert_string_equal(spec_str(l, "holderIdentity"), "intruder");
	json_decref(l);

	/* The intruder releases (empty holder): the candidate acquires again at once. */
	put_lease("test-c", "", 1);
	run_until(leads, &c, "the candidate to lead again");
	assert_int_equal(c.started, 2);
	l = get_lease("test-c");
	assert_string_equal(spec_str(l, "holderIdentity"), "epsilon");
	assert_int_equal(spec_int(l, "leaseTransitions"), 1);
	json_decref(l);
	ck_leader_free(c.le);
	G.leading = 0;
}

static void free_in_started(struct ck_leader *le, void *arg)
{
	bool *called = arg;

	*called = true;
	ck_leader_free(le);
}

static bool flag_set(void *arg)
{
	return *(bool *)arg;
}

static void test_config_and_free_in_callback(void **state)
{
	struct ck_leader_config cfg = {
	        .client = G.c[0], .ns = "kube-system", .name = "test-d", .identity = "zeta"};
	struct ck_leader *le = NULL;
	struct ck_error *err = NULL;
	bool called = false;

	(void)state;
	cfg.lease_ms = 3000;
	cfg.renew_deadline_ms = 3000; /* not shorter than the lease */
	assert_int_equal(ck_leader_new(&cfg, &le, &err), -1);
	assert_int_equal(err->http_status, 400);
	ck_error_clear(&err);
	cfg.renew_deadline_ms = 1000;
	cfg.retry_ms = 900; /* renew deadline not above 1.2 x retry */
	assert_int_equal(ck_leader_new(&cfg, &le, &err), -1);
	ck_error_clear(&err);
	cfg.identity = "";
	cfg.retry_ms = 200;
	assert_int_equal(ck_leader_new(&cfg, &le, &err), -1);
	ck_error_clear(&err);

	cfg.identity = "zeta";
	cfg.on_started_leading = free_in_started;
	cfg.arg = &called;
	assert_int_equal(ck_leader_new(&cfg, &le, &err), 0);
	run_until(flag_set, &called, "the start");
	run_for(2 * 200);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_one_leader_then_release),
	        cmocka_unit_test(test_takeover_after_crash),
	        cmocka_unit_test(test_conflicting_writer),
	        cmocka_unit_test(test_config_and_free_in_callback),
	};

	return cmocka_run_group_tests_name("leader", tests, group_setup, group_teardown);
}
