/*
 * The etcd client against real etcd members (Debian's etcd 3.4) started by the test on
 * free loopback ports: every operation on one member; racing compare-and-swaps from two
 * clients; watches that resume across a kill -9 and restart, and across the loss of a
 * 3-member cluster's leader, with no event lost or repeated; compaction as 410 Expired;
 * TLS with client certificates; failover from a dead endpoint; and, against a fake gRPC
 * server (support/fake-grpc.h), garbage, HTTP errors, a peer that is not HTTP/2, silence
 * and dropped connections as errors, not crashes, repeated only when that is safe. Waits
 * are for conditions, with deadlines, never sleeps.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <cmocka.h>
#include <event2/bufferevent.h>
#include <event2/bufferevent_ssl.h>
#include <event2/event.h>
#include <event2/listener.h>
#include <nghttp2/nghttp2.h>
#include <openssl/ssl.h>

#include "base/compat.h"

#include "base/buf.h"
#include "base/error.h"
#include "base/log.h"
#include "base/mem.h"
#include "store/etcd.h"
#include "support/etcd-fixture.h"
#include "support/fake-grpc.h"
#include "support/pki-fixture.h"
#include "support/tmpdir.h"

/* ---- helpers ---------------------------------------------------------------------- */

static struct ck_test_etcd *etcd; /* the group's members */

static struct ck_etcd *client_cfg(struct ck_etcd_config *cfg)
{
	struct ck_etcd *c = NULL;
	struct ck_error *err = NULL;

	if (ck_etcd_new(NULL, cfg, &c, &err) < 0)
		fail_msg("ck_etcd_new: %s", err->msg);
	return c;
}

static struct ck_etcd *client(const char *const *endpoints)
{
	struct ck_etcd_config cfg = {.endpoints = endpoints};

	return client_cfg(&cfg);
}

/*
 * expr must succeed; it is written with E where the call takes its struct ck_error **:
 * OK(ck_etcd_sync_put(c, &req, &res, E)).
 */
#define OK(expr)                                                                                   \
	do {                                                                                       \
		struct ck_error *err_ = NULL;                                                      \
		if ((expr) < 0)                                                                    \
			fail_msg("%s: %s", #expr, err_ ? err_->msg : "failed");                    \
	} while (0)
#define E (&err_)

/* Assert that r failed with the given HTTP status; frees the error. */
static void check_error(int r, struct ck_error *err, int status, const char *needle)
{
	assert_int_equal(r, -1);
	assert_non_null(err);
	if (getenv("CK_TEST_DEBUG"))
		fprintf(stderr, "expected error: %d %s: %s\n", err->http_status, err->reason,
		        err->msg);
	if (err->http_status != status || (needle && !strstr(err->msg, needle)))
		fail_msg("expected %d '%s', got %d: %s", status, needle ? needle : "",
		         err->http_status, err->msg);
	ck_error_free(err);
}

/* expr (written with E for its error argument) must fail with status and needle. */
#define EXPECT_ERROR(status, needle, expr)                                                         \
	do {                                                                                       \
		struct ck_error *err_ = NULL;                                                      \
		int r_ = (expr);                                                                   \
		check_error(r_, err_, status, needle);                                             \
	} while (0)

static int64_t put(struct ck_etcd *c, const char *key, const char *value)
{
	struct ck_etcd_put_req req = {.key = key, .value = value};
	struct ck_etcd_put_result *res = NULL;
	int64_t rev;

	OK(ck_etcd_sync_put(c, &req, &res, E));
	rev = res->header.revision;
	ck_etcd_put_result_free(res);
	return rev;
}

static struct ck_etcd_range_result *get(struct ck_etcd *c, const char *key)
{
	struct ck_etcd_range_req req = {.key = key};
	struct ck_etcd_range_result *res = NULL;

	OK(ck_etcd_sync_range(c, &req, &res, E));
	return res;
}

static int64_t current_revision(struct ck_etcd *c)
{
	struct ck_etcd_range_result *res = get(c, "/no-such-key");
	int64_t rev = res->header.revision;

	ck_etcd_range_result_free(res);
	return rev;
}

/* Records what a watch delivers. */
struct event_rec {
	enum ck_etcd_event_type type;
	char *key;
	char *value;
	char *prev_value; /* NULL without prev_kv */
	int64_t rev;
	int64_t create_rev;
};

struct collector {
	struct ck_etcd_watch *w;
	struct event_rec *ev;
	size_t n, alloc;
	size_t created;
	size_t progress;
	int64_t created_rev;
	int64_t progress_rev;
	int64_t batch_revs_bad; /* events out of order within or across batches */
	struct ck_error *err;
	size_t want;          /* events */
	size_t want_progress; /* progress notifications */
	size_t want_created;
	int64_t want_rev; /* an event at or after this revision */
	bool done;
};

static void collector_update(struct collector *col)
{
	col->done = col->err ||
	            (col->n >= col->want && col->progress >= col->want_progress &&
	             col->created >= col->want_created &&
	             (!col->want_rev || (col->n && col->ev[col->n - 1].rev >= col->want_rev)));
}

static void collect(struct ck_etcd_watch *w, struct ck_etcd_watch_result *res, struct ck_error *err,
                    void *arg)
{
	struct collector *col = arg;

	assert_ptr_equal(w, col->w);
	assert_true(!res != !err);
	if (err) {
		assert_null(col->err);
		col->err = err;
		collector_update(col);
		return;
	}
	if (res->created) {
		col->created++;
		col->created_rev = res->revision;
	} else if (!res->n_events) {
		col->progress++;
		col->progress_rev = res->revision;
	}
	for (size_t i = 0; i < res->n_events; i++) {
		struct ck_etcd_event *ev = &res->events[i];
		struct event_rec *r;

		if (col->n && ev->kv.mod_revision < col->ev[col->n - 1].rev)
			col->batch_revs_bad++;
		CK_ALLOC_GROW(col->ev, col->n + 1, col->alloc);
		r = &col->ev[col->n++];
		r->type = ev->type;
		r->key = ck_steal(&ev->kv.key);
		r->value = ck_steal(&ev->kv.value);
		r->prev_value = ev->prev_kv ? ck_steal(&ev->prev_kv->value) : NULL;
		r->rev = ev->kv.mod_revision;
		r->create_rev = ev->kv.create_revision;
	}
	ck_etcd_watch_result_free(res);
	collector_update(col);
}

static void collector_release(struct collector *col)
{
	for (size_t i = 0; i < col->n; i++) {
		free(col->ev[i].key);
		free(col->ev[i].value);
		free(col->ev[i].prev_value);
	}
	free(col->ev);
	ck_error_free(col->err);
	ck_etcd_watch_free(col->w);
	memset(col, 0, sizeof(*col));
}

static void watch_start(struct ck_etcd *c, struct collector *col,
                        const struct ck_etcd_watch_req *req)
{
	memset(col, 0, sizeof(*col));
	OK(ck_etcd_watch(c, req, collect, col, &col->w, E));
}

/* Run c's loop until the collector has want events (and want_progress notifications). */
static void wait_events(struct ck_etcd *c, struct collector *col, size_t want, int timeout_ms)
{
	struct ck_error *err = NULL;

	col->want = want;
	collector_update(col);
	if (ck_etcd_run_until(c, &col->done, timeout_ms, &err) < 0)
		fail_msg("waiting for %zu events (have %zu): %s", want, col->n, err->msg);
}

/* Start a watch "from now" and wait until etcd has created it: writes after this count. */
static void watch_start_created(struct ck_etcd *c, struct collector *col,
                                const struct ck_etcd_watch_req *req)
{
	watch_start(c, col, req);
	col->want_created = 1;
	wait_events(c, col, 0, 10000);
	assert_null(col->err);
}

/* ---- one member ------------------------------------------------------------------- */

static int single_setup(void **state)
{
	static const char *const args[] = {"--experimental-watch-progress-notify-interval=300ms",
	                                   NULL};
	struct ck_test_etcd_opts opts = {.what = "etcd-client", .extra_args = args};

	(void)state;
	etcd = ck_test_etcd_start(&opts);
	return 0;
}

static int group_teardown(void **state)
{
	(void)state;
	ck_test_etcd_free(etcd);
	etcd = NULL;
	return 0;
}

static void test_put_range(void **state)
{
	struct ck_etcd *c = client(etcd->endpoints);
	struct ck_etcd_range_result *res;
	struct ck_etcd_put_result *pres = NULL;
	struct ck_etcd_range_req rreq = {0};
	static const char bin_key[] = {'/', 'b', '\0', (char)0xff, 'k'};
	static const char bin_val[] = {'\0', (char)0x80, 'v', '\0'};
	int64_t r1, r2;
	char key[32];

	(void)state;
	r1 = put(c, "/pr/a", "{\"v\":1}");
	/* prev_kv returns the value that was replaced. */
	struct ck_etcd_put_req preq = {.key = "/pr/a", .value = "{\"v\":2}", .prev_kv = true};
	OK(ck_etcd_sync_put(c, &preq, &pres, E));
	r2 = pres->header.revision;
	assert_true(r2 > r1);
	assert_non_null(pres->prev_kv);
	assert_string_equal(pres->prev_kv->value, "{\"v\":1}");
	assert_int_equal(pres->prev_kv->mod_revision, r1);
	ck_etcd_put_result_free(pres);

	res = get(c, "/pr/a");
	assert_int_equal(res->n_kvs, 1);
	assert_int_equal(res->count, 1);
	assert_false(res->more);
	assert_string_equal(res->kvs[0].key, "/pr/a");
	assert_string_equal(res->kvs[0].value, "{\"v\":2}");
	assert_int_equal(res->kvs[0].create_revision, r1);
	assert_int_equal(res->kvs[0].mod_revision, r2);
	assert_int_equal(res->kvs[0].version, 2);
	assert_int_equal(res->header.revision, r2);
	assert_true(res->header.member_id != 0);
	ck_etcd_range_result_free(res);

	/* An old revision still holds the old value; a missing key is an empty result. */
	rreq = (struct ck_etcd_range_req){.key = "/pr/a", .revision = r1};
	OK(ck_etcd_sync_range(c, &rreq, &res, E));
	assert_string_equal(res->kvs[0].value, "{\"v\":1}");
	ck_etcd_range_result_free(res);
	res = get(c, "/pr/none");
	assert_int_equal(res->n_kvs, 0);
	assert_int_equal(res->count, 0);
	ck_etcd_range_result_free(res);

	/* Prefix with limit: more and the full count; count-only; keys-only; serializable. */
	for (int i = 0; i < 5; i++) {
		snprintf(key, sizeof(key), "/pr/list/%d", i);
		put(c, key, "x");
	}
	put(c, "/pr/list0", "outside the prefix");
	rreq = (struct ck_etcd_range_req){.key = "/pr/list/", .prefix = true, .limit = 2};
	OK(ck_etcd_sync_range(c, &rreq, &res, E));
	assert_int_equal(res->n_kvs, 2);
	assert_true(res->more);
	assert_int_equal(res->count, 5);
	assert_string_equal(res->kvs[0].key, "/pr/list/0");
	assert_string_equal(res->kvs[1].key, "/pr/list/1");
	ck_etcd_range_result_free(res);
	/* A continue: from the next key to the prefix end. */
	rreq = (struct ck_etcd_range_req){
	        .key = "/pr/list/1\x01", .range_end = "/pr/list0", .limit = 10};
	OK(ck_etcd_sync_range(c, &rreq, &res, E));
	assert_int_equal(res->n_kvs, 3);
	assert_string_equal(res->kvs[0].key, "/pr/list/2");
	ck_etcd_range_result_free(res);
	rreq = (struct ck_etcd_range_req){.key = "/pr/list/", .prefix = true, .count_only = true};
	OK(ck_etcd_sync_range(c, &rreq, &res, E));
	assert_int_equal(res->n_kvs, 0);
	assert_int_equal(res->count, 5);
	ck_etcd_range_result_free(res);
	rreq = (struct ck_etcd_range_req){
	        .key = "/pr/list/", .prefix = true, .keys_only = true, .serializable = true};
	OK(ck_etcd_sync_range(c, &rreq, &res, E));
	assert_int_equal(res->n_kvs, 5);
	assert_int_equal(res->kvs[4].value_len, 0);
	assert_string_equal(res->kvs[4].value, "");
	ck_etcd_range_result_free(res);

	/* Bytes, not strings: NULs and high bytes survive both ways. */
	struct ck_etcd_put_req breq = {.key = bin_key,
	                               .key_len = sizeof(bin_key),
	                               .value = bin_val,
	                               .value_len = sizeof(bin_val)};
	OK(ck_etcd_sync_put(c, &breq, &pres, E));
	ck_etcd_put_result_free(pres);
	rreq = (struct ck_etcd_range_req){.key = bin_key, .key_len = sizeof(bin_key)};
	OK(ck_etcd_sync_range(c, &rreq, &res, E));
	assert_int_equal(res->n_kvs, 1);
	assert_int_equal(res->kvs[0].key_len, sizeof(bin_key));
	assert_memory_equal(res->kvs[0].key, bin_key, sizeof(bin_key));
	assert_int_equal(res->kvs[0].value_len, sizeof(bin_val));
	assert_memory_equal(res->kvs[0].value, bin_val, sizeof(bin_val));
	ck_etcd_range_result_free(res);

	/* etcd refuses a request over --max-request-bytes (1.5 MiB): 413. */
	char *big = ck_xmalloc(2 * 1024 * 1024);
	memset(big, 'x', 2 * 1024 * 1024 - 1);
	big[2 * 1024 * 1024 - 1] = '\0';
	preq = (struct ck_etcd_put_req){.key = "/pr/big", .value = big};
	EXPECT_ERROR(413, NULL, ck_etcd_sync_put(c, &preq, &pres, E));
	free(big);

	/* Invalid requests are refused at once, without a callback. */
	rreq = (struct ck_etcd_range_req){0};
	EXPECT_ERROR(400, "without a key", ck_etcd_sync_range(c, &rreq, &res, E));
	preq = (struct ck_etcd_put_req){.value = "x"};
	EXPECT_ERROR(400, NULL, ck_etcd_sync_put(c, &preq, &pres, E));
	ck_etcd_free(c);
}

static void test_prefix_end(void **state)
{
	size_t len;
	char *end;

	(void)state;
	end = ck_etcd_prefix_end("/registry/", 10, &len);
	assert_int_equal(len, 10);
	assert_string_equal(end, "/registry0");
	free(end);
	end = ck_etcd_prefix_end("a\xff\xff", 3, &len);
	assert_int_equal(len, 1);
	assert_string_equal(end, "b");
	free(end);
	end = ck_etcd_prefix_end("\xff", 1, &len);
	assert_int_equal(len, 1);
	assert_int_equal(end[0], 0);
	free(end);
}

static void test_delete(void **state)
{
	struct ck_etcd *c = client(etcd->endpoints);
	struct ck_etcd_delete_result *res = NULL;
	struct ck_etcd_range_result *rres;
	int64_t rev;

	(void)state;
	rev = put(c, "/del/a", "1");
	put(c, "/del/b", "2");
	put(c, "/del/c", "3");
	struct ck_etcd_delete_req one = {.key = "/del/a", .prev_kv = true};
	OK(ck_etcd_sync_delete(c, &one, &res, E));
	assert_int_equal(res->deleted, 1);
	assert_int_equal(res->n_prev_kvs, 1);
	assert_string_equal(res->prev_kvs[0].value, "1");
	assert_int_equal(res->prev_kvs[0].mod_revision, rev);
	ck_etcd_delete_result_free(res);
	/* Deleting what is not there deletes nothing; it is not an error. */
	OK(ck_etcd_sync_delete(c, &one, &res, E));
	assert_int_equal(res->deleted, 0);
	ck_etcd_delete_result_free(res);
	struct ck_etcd_delete_req all = {.key = "/del/", .prefix = true};
	OK(ck_etcd_sync_delete(c, &all, &res, E));
	assert_int_equal(res->deleted, 2);
	assert_int_equal(res->n_prev_kvs, 0);
	ck_etcd_delete_result_free(res);
	rres = get(c, "/del/b");
	assert_int_equal(rres->n_kvs, 0);
	ck_etcd_range_result_free(rres);
	ck_etcd_free(c);
}

static void test_txn(void **state)
{
	struct ck_etcd *c = client(etcd->endpoints);
	struct ck_etcd_txn_result *res = NULL;
	int64_t rev;

	(void)state;
	rev = put(c, "/txn/a", "one");
	put(c, "/txn/b", "two");

	/* Every compare holds: the success branch runs, each op answers in order. */
	struct ck_etcd_cmp cmps[] = {
	        {.key = "/txn/a",
	         .target = CK_ETCD_CMP_MOD,
	         .result = CK_ETCD_CMP_EQUAL,
	         .number = rev},
	        {.key = "/txn/a",
	         .target = CK_ETCD_CMP_VERSION,
	         .result = CK_ETCD_CMP_EQUAL,
	         .number = 1},
	        {.key = "/txn/a",
	         .target = CK_ETCD_CMP_VALUE,
	         .result = CK_ETCD_CMP_EQUAL,
	         .value = "one"},
	        {.key = "/txn/b",
	         .target = CK_ETCD_CMP_CREATE,
	         .result = CK_ETCD_CMP_GREATER,
	         .number = 0},
	        {.key = "/txn/zz",
	         .target = CK_ETCD_CMP_CREATE,
	         .result = CK_ETCD_CMP_EQUAL,
	         .number = 0},
	};
	struct ck_etcd_op success[] = {
	        {.type = CK_ETCD_OP_PUT, .put = {.key = "/txn/a", .value = "uno", .prev_kv = true}},
	        {.type = CK_ETCD_OP_RANGE, .range = {.key = "/txn/", .prefix = true}},
	        {.type = CK_ETCD_OP_DELETE, .del = {.key = "/txn/b", .prev_kv = true}},
	};
	struct ck_etcd_op failure[] = {
	        {.type = CK_ETCD_OP_RANGE, .range = {.key = "/txn/a"}},
	};
	struct ck_etcd_txn_req txn = {.cmps = cmps,
	                              .n_cmps = CK_ARRAY_SIZE(cmps),
	                              .success = success,
	                              .n_success = CK_ARRAY_SIZE(success),
	                              .failure = failure,
	                              .n_failure = CK_ARRAY_SIZE(failure)};
	OK(ck_etcd_sync_txn(c, &txn, &res, E));
	assert_true(res->succeeded);
	assert_int_equal(res->n_responses, 3);
	assert_int_equal(res->responses[0].type, CK_ETCD_OP_PUT);
	assert_string_equal(res->responses[0].put.prev_kv->value, "one");
	assert_int_equal(res->responses[1].type, CK_ETCD_OP_RANGE);
	assert_int_equal(res->responses[1].range.n_kvs, 2);
	assert_string_equal(res->responses[1].range.kvs[0].value, "uno");
	assert_int_equal(res->responses[2].type, CK_ETCD_OP_DELETE);
	assert_int_equal(res->responses[2].del.deleted, 1);
	assert_string_equal(res->responses[2].del.prev_kvs[0].value, "two");
	assert_int_equal(res->header.revision, rev + 2);
	ck_etcd_txn_result_free(res);

	/* The same compares now fail: the failure branch reads the current value. */
	OK(ck_etcd_sync_txn(c, &txn, &res, E));
	assert_false(res->succeeded);
	assert_int_equal(res->n_responses, 1);
	assert_int_equal(res->responses[0].type, CK_ETCD_OP_RANGE);
	assert_string_equal(res->responses[0].range.kvs[0].value, "uno");
	ck_etcd_txn_result_free(res);

	/* A compare without a key is refused before anything is sent. */
	struct ck_etcd_cmp bad = {.target = CK_ETCD_CMP_MOD};
	struct ck_etcd_txn_req btxn = {.cmps = &bad, .n_cmps = 1};
	EXPECT_ERROR(400, NULL, ck_etcd_sync_txn(c, &btxn, &res, E));
	/* etcd's own refusal: the same key twice among a branch's writes. */
	struct ck_etcd_op dup[] = {
	        {.type = CK_ETCD_OP_PUT, .put = {.key = "/txn/d", .value = "1"}},
	        {.type = CK_ETCD_OP_PUT, .put = {.key = "/txn/d", .value = "2"}},
	};
	struct ck_etcd_txn_req dtxn = {.success = dup, .n_success = 2};
	EXPECT_ERROR(400, "duplicate key", ck_etcd_sync_txn(c, &dtxn, &res, E));
	ck_etcd_free(c);
}

static void test_cas(void **state)
{
	struct ck_etcd *c = client(etcd->endpoints);
	struct ck_etcd_cas_result *res = NULL;
	int64_t created, updated;

	(void)state;
	/* K8S: create is create_revision == 0; a second create reports the current object. */
	struct ck_etcd_cas_req req = {.key = "/cas/a", .value = "v1"};
	OK(ck_etcd_sync_cas_create(c, &req, &res, E));
	assert_true(res->succeeded);
	assert_null(res->kv);
	created = res->header.revision;
	ck_etcd_cas_result_free(res);
	req.value = "v1-again";
	OK(ck_etcd_sync_cas_create(c, &req, &res, E));
	assert_false(res->succeeded);
	assert_non_null(res->kv);
	assert_string_equal(res->kv->value, "v1");
	assert_int_equal(res->kv->mod_revision, created);
	ck_etcd_cas_result_free(res);
	/* Without the current object (the API server's create): only that it failed. */
	req.no_current = true;
	OK(ck_etcd_sync_cas_create(c, &req, &res, E));
	assert_false(res->succeeded);
	assert_null(res->kv);
	assert_true(res->header.revision >= created);
	ck_etcd_cas_result_free(res);
	req = (struct ck_etcd_cas_req){.key = "/cas/b", .value = "b1", .no_current = true};
	OK(ck_etcd_sync_cas_create(c, &req, &res, E));
	assert_true(res->succeeded);
	assert_null(res->kv);
	assert_true(res->header.revision > created);
	ck_etcd_cas_result_free(res);

	/* K8S: update on mod_revision == resourceVersion; stale is a conflict with the object. */
	req = (struct ck_etcd_cas_req){.key = "/cas/a", .value = "v2", .mod_revision = created};
	OK(ck_etcd_sync_cas_update(c, &req, &res, E));
	assert_true(res->succeeded);
	updated = res->header.revision;
	assert_true(updated > created);
	ck_etcd_cas_result_free(res);
	req.value = "v3";
	OK(ck_etcd_sync_cas_update(c, &req, &res, E));
	assert_false(res->succeeded);
	assert_string_equal(res->kv->value, "v2");
	assert_int_equal(res->kv->mod_revision, updated);
	assert_int_equal(res->kv->version, 2);
	ck_etcd_cas_result_free(res);
	/* Without a revision: only that it exists. */
	req.mod_revision = 0;
	OK(ck_etcd_sync_cas_update(c, &req, &res, E));
	assert_true(res->succeeded);
	updated = res->header.revision;
	ck_etcd_cas_result_free(res);
	/* Updating a key that does not exist: failure without a kv (K8S: 404). */
	req = (struct ck_etcd_cas_req){.key = "/cas/none", .value = "x", .mod_revision = 5};
	OK(ck_etcd_sync_cas_update(c, &req, &res, E));
	assert_false(res->succeeded);
	assert_null(res->kv);
	ck_etcd_cas_result_free(res);

	/* Delete: stale revision fails with the object; the right one returns what was deleted. */
	req = (struct ck_etcd_cas_req){.key = "/cas/a", .mod_revision = created};
	OK(ck_etcd_sync_cas_delete(c, &req, &res, E));
	assert_false(res->succeeded);
	assert_string_equal(res->kv->value, "v3");
	ck_etcd_cas_result_free(res);
	req.mod_revision = updated;
	OK(ck_etcd_sync_cas_delete(c, &req, &res, E));
	assert_true(res->succeeded);
	assert_non_null(res->kv);
	assert_string_equal(res->kv->value, "v3");
	ck_etcd_cas_result_free(res);
	OK(ck_etcd_sync_cas_delete(c, &req, &res, E));
	assert_false(res->succeeded);
	assert_null(res->kv);
	ck_etcd_cas_result_free(res);
	/* Recreated after deletion: create_revision is 0 again. */
	req = (struct ck_etcd_cas_req){.key = "/cas/a", .value = "again"};
	OK(ck_etcd_sync_cas_create(c, &req, &res, E));
	assert_true(res->succeeded);
	ck_etcd_cas_result_free(res);
	ck_etcd_free(c);
}

/* Two clients race update-if-unchanged on one key: one wins each round. */
struct race {
	struct ck_etcd_cas_result *res;
	struct ck_error *err;
	int *pending;
	bool *done;
};

static void race_done(struct ck_etcd_cas_result *res, struct ck_error *err, void *arg)
{
	struct race *r = arg;

	r->res = res;
	r->err = err;
	if (--*r->pending == 0)
		*r->done = true;
}

static void test_cas_race(void **state)
{
	struct event_base *base = event_base_new();
	struct ck_etcd_config cfg = {.endpoints = etcd->endpoints};
	struct ck_etcd *a = NULL, *b = NULL, *reader;
	struct ck_etcd_cas_result *cres = NULL;
	struct ck_error *err = NULL;
	int a_wins = 0, b_wins = 0;

	(void)state;
	assert_int_equal(ck_etcd_new(base, &cfg, &a, &err), 0);
	assert_int_equal(ck_etcd_new(base, &cfg, &b, &err), 0);
	reader = client(etcd->endpoints);
	struct ck_etcd_cas_req init = {.key = "/race/k", .value = "start"};
	OK(ck_etcd_sync_cas_create(reader, &init, &cres, E));
	assert_true(cres->succeeded);
	ck_etcd_cas_result_free(cres);

	for (int round = 0; round < 20; round++) {
		struct ck_etcd_range_result *cur = get(reader, "/race/k");
		int64_t rv = cur->kvs[0].mod_revision;
		char va[32], vb[32];
		int pending = 2;
		bool done = false;
		struct race ra = {.pending = &pending, .done = &done};
		struct race rb = {.pending = &pending, .done = &done};
		struct race *win, *lose;

		ck_etcd_range_result_free(cur);
		snprintf(va, sizeof(va), "a-%d", round);
		snprintf(vb, sizeof(vb), "b-%d", round);
		struct ck_etcd_cas_req qa = {.key = "/race/k", .value = va, .mod_revision = rv};
		struct ck_etcd_cas_req qb = {.key = "/race/k", .value = vb, .mod_revision = rv};
		OK(ck_etcd_cas_update(a, &qa, race_done, &ra, E));
		OK(ck_etcd_cas_update(b, &qb, race_done, &rb, E));
		OK(ck_etcd_run_until(a, &done, 10000, E));
		assert_null(ra.err);
		assert_null(rb.err);
		/* Exactly one wins; the loser sees the winner's value at the winner's revision. */
		assert_true(ra.res->succeeded != rb.res->succeeded);
		win = ra.res->succeeded ? &ra : &rb;
		lose = ra.res->succeeded ? &rb : &ra;
		a_wins += ra.res->succeeded;
		b_wins += rb.res->succeeded;
		assert_non_null(lose->res->kv);
		assert_int_equal(lose->res->kv->mod_revision, win->res->header.revision);
		assert_string_equal(lose->res->kv->value, win == &ra ? va : vb);
		ck_etcd_cas_result_free(ra.res);
		ck_etcd_cas_result_free(rb.res);
	}
	assert_int_equal(a_wins + b_wins, 20);
	ck_etcd_free(a);
	ck_etcd_free(b);
	ck_etcd_free(reader);
	event_base_free(base);
}

struct ka_rec {
	int renewals;
	int64_t last_ttl;
	struct ck_error *err;
	bool done;
	int want;
};

static void ka_cb(struct ck_etcd_keepalive *ka, int64_t ttl, struct ck_error *err, void *arg)
{
	struct ka_rec *r = arg;

	(void)ka;
	if (err) {
		ck_error_free(r->err);
		r->err = err;
		r->done = true;
		return;
	}
	r->renewals++;
	r->last_ttl = ttl;
	r->done = r->renewals >= r->want;
}

static void test_lease(void **state)
{
	struct ck_etcd *c = client(etcd->endpoints);
	struct ck_etcd_lease_result *res = NULL;
	struct ck_etcd_put_result *pres = NULL;
	struct ck_etcd_range_result *rres;
	struct ck_etcd_keepalive *ka = NULL;
	struct ka_rec rec = {.want = 3};
	int64_t id;

	(void)state;
	struct ck_etcd_lease_req grant = {.ttl = 30};
	OK(ck_etcd_sync_lease_grant(c, &grant, &res, E));
	id = res->id;
	assert_true(id > 0);
	assert_int_equal(res->ttl, 30);
	ck_etcd_lease_result_free(res);

	struct ck_etcd_put_req preq = {.key = "/lease/k", .value = "v", .lease = id};
	OK(ck_etcd_sync_put(c, &preq, &pres, E));
	ck_etcd_put_result_free(pres);
	rres = get(c, "/lease/k");
	assert_int_equal(rres->kvs[0].lease, id);
	ck_etcd_range_result_free(rres);

	struct ck_etcd_lease_req lreq = {.id = id, .keys = true};
	OK(ck_etcd_sync_lease_ttl(c, &lreq, &res, E));
	assert_int_equal(res->granted_ttl, 30);
	assert_true(res->ttl > 0 && res->ttl <= 30);
	assert_int_equal(res->n_keys, 1);
	assert_string_equal(res->keys[0].key, "/lease/k");
	ck_etcd_lease_result_free(res);
	OK(ck_etcd_sync_lease_keepalive_once(c, &lreq, &res, E));
	assert_int_equal(res->id, id);
	assert_int_equal(res->ttl, 30);
	ck_etcd_lease_result_free(res);

	/* Periodic keepalive: a request every 100 ms here; three renewals, then stop. */
	OK(ck_etcd_keepalive_start(c, id, 100, ka_cb, &rec, &ka, E));
	OK(ck_etcd_run_until(c, &rec.done, 10000, E));
	assert_null(rec.err);
	assert_true(rec.renewals >= 3);
	assert_int_equal(rec.last_ttl, 30);
	ck_etcd_keepalive_free(ka);

	/* Revoking deletes the lease's keys; the lease is then gone (404) everywhere. */
	OK(ck_etcd_sync_lease_revoke(c, &lreq, &res, E));
	ck_etcd_lease_result_free(res);
	rres = get(c, "/lease/k");
	assert_int_equal(rres->n_kvs, 0);
	ck_etcd_range_result_free(rres);
	EXPECT_ERROR(404, "not found", ck_etcd_sync_lease_keepalive_once(c, &lreq, &res, E));
	EXPECT_ERROR(404, NULL, ck_etcd_sync_lease_ttl(c, &lreq, &res, E));
	EXPECT_ERROR(404, "lease not found", ck_etcd_sync_lease_revoke(c, &lreq, &res, E));
	EXPECT_ERROR(404, "lease not found", ck_etcd_sync_put(c, &preq, &pres, E));

	/* The periodic keepalive reports the loss once and stops by itself. */
	rec = (struct ka_rec){.want = 1};
	OK(ck_etcd_keepalive_start(c, id, 100, ka_cb, &rec, &ka, E));
	OK(ck_etcd_run_until(c, &rec.done, 10000, E));
	assert_non_null(rec.err);
	assert_int_equal(rec.err->http_status, 404);
	assert_int_equal(rec.renewals, 0);
	ck_etcd_keepalive_free(ka);
	ck_error_free(rec.err);

	/* Freed with a renewal in flight, then the client closes: nothing leaks. */
	OK(ck_etcd_sync_lease_grant(c, &grant, &res, E));
	OK(ck_etcd_keepalive_start(c, res->id, 0, NULL, NULL, &ka, E));
	ck_etcd_lease_result_free(res);
	assert_int_equal(event_base_loop(ck_etcd_base(c), EVLOOP_NONBLOCK), 0);
	ck_etcd_keepalive_free(ka);
	ck_etcd_free(c);
}

static void test_members_status_health(void **state)
{
	struct ck_etcd *c = client(etcd->endpoints);
	struct ck_etcd_member_result *res = NULL;
	struct ck_etcd_status_result *st = NULL;
	struct ck_etcd_health_result *h = NULL;
	uint64_t learner;

	(void)state;
	OK(ck_etcd_sync_member_list(c, NULL, &res, E));
	assert_int_equal(res->n_members, 1);
	assert_string_equal(res->members[0].name, "m0");
	assert_string_equal(res->members[0].client_urls[0], etcd->endpoints[0]);
	assert_null(res->members[0].client_urls[1]);
	ck_etcd_member_result_free(res);

	struct ck_etcd_endpoint_req ep = {.endpoint = etcd->endpoints[0]};
	OK(ck_etcd_sync_status(c, &ep, &st, E));
	assert_string_equal(st->version, "3.4.23");
	assert_true(st->leader != 0);
	assert_int_equal(st->leader, st->header.member_id);
	assert_true(st->db_size > 0);
	assert_true(st->raft_index > 0);
	assert_string_equal(st->endpoint, etcd->endpoints[0]);
	ck_etcd_status_result_free(st);
	OK(ck_etcd_sync_health(c, NULL, &h, E));
	assert_true(h->health);
	ck_etcd_health_result_free(h);

	/* A learner does not count for quorum, so a one-member cluster can take one. */
	static const char *const peers[] = {"http://127.0.0.1:1", NULL};
	struct ck_etcd_member_req add = {.peer_urls = peers, .is_learner = true};
	OK(ck_etcd_sync_member_add(c, &add, &res, E));
	assert_non_null(res->added);
	learner = res->added->id;
	assert_true(res->added->is_learner);
	assert_string_equal(res->added->peer_urls[0], peers[0]);
	assert_int_equal(res->n_members, 2);
	ck_etcd_member_result_free(res);
	struct ck_etcd_member_req rm = {.id = learner};
	OK(ck_etcd_sync_member_remove(c, &rm, &res, E));
	assert_int_equal(res->n_members, 1);
	ck_etcd_member_result_free(res);
	EXPECT_ERROR(404, "member not found", ck_etcd_sync_member_remove(c, &rm, &res, E));

	struct ck_etcd_endpoint_req unknown = {.endpoint = "http://127.0.0.1:9"};
	EXPECT_ERROR(400, "not one of", ck_etcd_status(c, &unknown, NULL, NULL, E));
	ck_etcd_free(c);
}

static void test_watch(void **state)
{
	struct ck_etcd *c = client(etcd->endpoints);
	struct collector col, one, from;
	int64_t base_rev, r1, r2, r3;

	(void)state;
	put(c, "/w/before", "old");
	base_rev = current_revision(c);
	struct ck_etcd_watch_req req = {
	        .key = "/w/", .prefix = true, .prev_kv = true, .progress_notify = true};
	watch_start(c, &col, &req);
	/* From now: created first, at the store's revision; nothing older follows. */
	col.want_created = 1;
	wait_events(c, &col, 0, 10000);
	assert_int_equal(col.created, 1);
	assert_int_equal(col.created_rev, base_rev);
	r1 = put(c, "/w/a", "1");
	r2 = put(c, "/w/a", "2");
	put(c, "/wx", "outside the prefix");
	struct ck_etcd_delete_req del = {.key = "/w/a"};
	struct ck_etcd_delete_result *dres = NULL;
	OK(ck_etcd_sync_delete(c, &del, &dres, E));
	r3 = dres->header.revision;
	ck_etcd_delete_result_free(dres);
	wait_events(c, &col, 3, 10000);
	assert_null(col.err);
	assert_int_equal(col.n, 3);
	assert_int_equal(col.ev[0].type, CK_ETCD_EVENT_PUT);
	assert_string_equal(col.ev[0].key, "/w/a");
	assert_string_equal(col.ev[0].value, "1");
	assert_null(col.ev[0].prev_value);
	assert_int_equal(col.ev[0].rev, r1);
	assert_int_equal(col.ev[0].create_rev, r1);
	assert_string_equal(col.ev[1].value, "2");
	assert_string_equal(col.ev[1].prev_value, "1");
	assert_int_equal(col.ev[1].rev, r2);
	assert_int_equal(col.ev[2].type, CK_ETCD_EVENT_DELETE);
	assert_string_equal(col.ev[2].key, "/w/a");
	assert_string_equal(col.ev[2].value, "");
	assert_string_equal(col.ev[2].prev_value, "2");
	assert_int_equal(col.ev[2].rev, r3);
	assert_int_equal(ck_etcd_watch_next_revision(col.w), r3 + 1);

	/* Progress notifications (every 300 ms here) carry the revision reached. */
	col.want_progress = col.progress + 1;
	wait_events(c, &col, 3, 10000);
	assert_true(col.progress_rev >= r3);
	assert_int_equal(ck_etcd_watch_next_revision(col.w), col.progress_rev + 1);
	collector_release(&col);

	/* A single key from a past revision: history first, then live events. */
	req = (struct ck_etcd_watch_req){.key = "/w/a", .start_revision = r1};
	watch_start(c, &one, &req);
	wait_events(c, &one, 3, 10000);
	assert_int_equal(one.ev[0].rev, r1);
	assert_int_equal(one.ev[2].rev, r3);
	assert_null(one.ev[1].prev_value);
	/* A txn's events share a revision and a batch. */
	struct ck_etcd_op ops[] = {
	        {.type = CK_ETCD_OP_PUT, .put = {.key = "/w/a", .value = "t"}},
	        {.type = CK_ETCD_OP_PUT, .put = {.key = "/w/b", .value = "t"}},
	};
	struct ck_etcd_txn_req txn = {.success = ops, .n_success = 2};
	struct ck_etcd_txn_result *tres = NULL;
	OK(ck_etcd_sync_txn(c, &txn, &tres, E));
	int64_t trev = tres->header.revision;
	ck_etcd_txn_result_free(tres);
	wait_events(c, &one, 4, 10000);
	assert_int_equal(one.ev[3].rev, trev);
	req = (struct ck_etcd_watch_req){.key = "/w/", .prefix = true, .start_revision = trev};
	watch_start(c, &from, &req);
	wait_events(c, &from, 2, 10000);
	assert_int_equal(from.ev[0].rev, trev);
	assert_int_equal(from.ev[1].rev, trev);
	assert_int_equal(from.n, 2);
	assert_int_equal(from.batch_revs_bad, 0);
	collector_release(&from);
	collector_release(&one);

	ck_etcd_free(c);
}

static void free_in_cb(struct ck_etcd_watch *w, struct ck_etcd_watch_result *res,
                       struct ck_error *err, void *arg)
{
	bool *done = arg;

	ck_etcd_watch_result_free(res);
	ck_error_free(err);
	ck_etcd_watch_free(w);
	*done = true;
}

static void test_watch_free_in_callback(void **state)
{
	struct ck_etcd *c = client(etcd->endpoints);
	struct ck_etcd_watch *w = NULL;
	bool done = false;

	(void)state;
	/* Freeing a watch from inside its own callback (here, at created) is allowed. */
	struct ck_etcd_watch_req req = {.key = "/wf", .start_revision = 1};
	OK(ck_etcd_watch(c, &req, free_in_cb, &done, &w, E));
	OK(ck_etcd_run_until(c, &done, 10000, E));
	ck_etcd_free(c);
}

static void test_compaction(void **state)
{
	struct ck_etcd *c = client(etcd->endpoints);
	struct ck_etcd_range_result *rres = NULL;
	struct ck_etcd_put_result *pres = NULL;
	struct collector col;
	int64_t r1, r2, r3;

	(void)state;
	r1 = put(c, "/cmp/k", "1");
	r2 = put(c, "/cmp/k", "2");
	r3 = put(c, "/cmp/k", "3");
	struct ck_etcd_compact_req creq = {.revision = r2, .physical = true};
	OK(ck_etcd_sync_compact(c, &creq, &pres, E));
	assert_true(pres->header.revision >= r3);
	ck_etcd_put_result_free(pres);

	/* K8S: reading below the compacted revision is 410 Expired. */
	struct ck_etcd_range_req old = {.key = "/cmp/k", .revision = r1};
	EXPECT_ERROR(410, "compacted", ck_etcd_sync_range(c, &old, &rres, E));
	EXPECT_ERROR(410, NULL, ck_etcd_sync_compact(c, &creq, &pres, E));
	/* ...and above the store's revision is 504 (K8S: too large resource version). */
	struct ck_etcd_range_req future = {.key = "/cmp/k", .revision = r3 + 1000};
	EXPECT_ERROR(504, "future", ck_etcd_sync_range(c, &future, &rres, E));
	struct ck_etcd_range_req at = {.key = "/cmp/k", .revision = r2};
	OK(ck_etcd_sync_range(c, &at, &rres, E));
	assert_string_equal(rres->kvs[0].value, "2");
	ck_etcd_range_result_free(rres);

	/* A watch from a compacted revision ends with 410 Expired and the compact revision. */
	struct ck_etcd_watch_req req = {.key = "/cmp/", .prefix = true, .start_revision = r1};
	watch_start(c, &col, &req);
	wait_events(c, &col, 1000, 10000);
	assert_non_null(col.err);
	assert_int_equal(col.err->http_status, 410);
	assert_string_equal(col.err->reason, CK_REASON_EXPIRED);
	assert_int_equal(ck_etcd_watch_compact_revision(col.w), r2);
	assert_int_equal(col.n, 0);
	collector_release(&col);

	/* From the compact revision itself it works. */
	req.start_revision = r2;
	watch_start(c, &col, &req);
	wait_events(c, &col, 2, 10000);
	assert_null(col.err);
	assert_int_equal(col.ev[0].rev, r2);
	assert_int_equal(col.ev[1].rev, r3);
	collector_release(&col);
	ck_etcd_free(c);
}

/* Every event of the watch, in order, exactly once: strictly increasing revisions. */
static void assert_exactly_once(const struct collector *col, const int64_t *acked, size_t n_acked)
{
	size_t j = 0;

	for (size_t i = 1; i < col->n; i++)
		if (col->ev[i].rev <= col->ev[i - 1].rev)
			fail_msg("event %zu at revision %" PRId64 " after %" PRId64, i,
			         col->ev[i].rev, col->ev[i - 1].rev);
	/* Each acknowledged write is there (writes that failed may or may not be). */
	for (size_t i = 0; i < n_acked; i++) {
		while (j < col->n && col->ev[j].rev < acked[i])
			j++;
		if (j == col->n || col->ev[j].rev != acked[i])
			fail_msg("acknowledged revision %" PRId64 " missing from the watch",
			         acked[i]);
	}
}

/* Put until it succeeds (a write of unknown outcome is tried again with a new value). */
static int64_t put_retry(struct ck_etcd *c, const char *key, int seq, int *failures)
{
	for (int attempt = 0; attempt < 20; attempt++) {
		struct ck_etcd_put_req req = {.key = key};
		struct ck_etcd_put_result *res = NULL;
		struct ck_error *err = NULL;
		char value[64];

		snprintf(value, sizeof(value), "{\"seq\":%d,\"attempt\":%d}", seq, attempt);
		req.value = value;
		if (ck_etcd_sync_put(c, &req, &res, &err) == 0) {
			int64_t rev = res->header.revision;

			ck_etcd_put_result_free(res);
			return rev;
		}
		ck_debug("test", "put %s failed: %s", key, err->msg);
		(*failures)++;
		ck_error_free(err);
	}
	fail_msg("put %s kept failing", key);
	return 0;
}

static void test_watch_resume_after_restart(void **state)
{
	struct ck_etcd_config cfg = {.endpoints = etcd->endpoints, .request_timeout_ms = 20000};
	struct ck_etcd *c = client_cfg(&cfg);
	struct collector col;
	int64_t acked[60];
	int failures = 0;
	char key[32];

	(void)state;
	struct ck_etcd_watch_req req = {.key = "/resume/", .prefix = true, .prev_kv = true};
	watch_start_created(c, &col, &req);
	for (int i = 0; i < 20; i++) {
		snprintf(key, sizeof(key), "/resume/%d", i % 7);
		acked[i] = put_retry(c, key, i, &failures);
	}
	wait_events(c, &col, 10, 10000);
	/* kill -9 mid-stream (events still unread). */
	ck_test_etcd_kill(etcd, 0);
	/* While it is down the watch keeps trying (refused, backing off)... */
	bool never = false;
	EXPECT_ERROR(504, "not done", ck_etcd_run_until(c, &never, 300, E));
	/* ...and a write fails cleanly once its deadline passes. */
	struct ck_etcd_config short_cfg = {.endpoints = etcd->endpoints, .request_timeout_ms = 300};
	struct ck_etcd *down = client_cfg(&short_cfg);
	struct ck_etcd_put_req dreq = {.key = "/resume/down", .value = "x"};
	struct ck_etcd_put_result *dres = NULL;
	EXPECT_ERROR(503, "cannot connect", ck_etcd_sync_put(down, &dreq, &dres, E));
	ck_etcd_free(down);
	/* Restart on the same ports and data, and keep writing. */
	ck_test_etcd_restart(etcd, 0);
	for (int i = 20; i < 60; i++) {
		snprintf(key, sizeof(key), "/resume/%d", i % 7);
		acked[i] = put_retry(c, key, i, &failures);
	}
	col.want_rev = acked[59];
	wait_events(c, &col, 60, 15000);
	assert_null(col.err);
	assert_exactly_once(&col, acked, 60);
	/* Only a write that failed (and was applied all the same) may add an event. */
	assert_true(col.n >= 60 && col.n <= 60 + (size_t)failures);
	assert_true(ck_etcd_watch_reconnects(col.w) >= 1);
	assert_int_equal(col.created, 1);
	collector_release(&col);
	ck_etcd_free(c);
}

static void test_failover_dead_endpoint(void **state)
{
	struct ck_error *err = NULL;
	int dead_port = ck_free_port("127.0.0.1", &err);
	char dead[64];
	const char *eps[3] = {dead, etcd->endpoints[0], NULL};
	struct ck_etcd *c;
	struct ck_etcd_status_result *st = NULL;
	struct ck_etcd_range_result *res;
	struct collector col;

	(void)state;
	snprintf(dead, sizeof(dead), "http://127.0.0.1:%d", dead_port);
	c = client(eps);
	/* Reads and writes go on to the live member. */
	put(c, "/fo/k", "v");
	res = get(c, "/fo/k");
	assert_string_equal(res->kvs[0].value, "v");
	ck_etcd_range_result_free(res);
	/* A watch too, on a fresh client that starts on the dead endpoint. */
	ck_etcd_free(c);
	c = client(eps);
	struct ck_etcd_watch_req req = {.key = "/fo/k", .start_revision = 1};
	watch_start(c, &col, &req);
	wait_events(c, &col, 1, 10000);
	collector_release(&col);
	/* A named member is asked alone: the dead one is an error. */
	struct ck_etcd_endpoint_req ep = {.endpoint = dead};
	EXPECT_ERROR(503, "cannot connect", ck_etcd_sync_status(c, &ep, &st, E));
	ck_etcd_free(c);

	/* Every endpoint dead: 503 once the deadline passes, after backing off. */
	const char *only_dead[] = {dead, NULL};
	struct ck_etcd_config cfg = {.endpoints = only_dead, .request_timeout_ms = 500};
	c = client_cfg(&cfg);
	struct ck_etcd_range_req rreq = {.key = "/fo/k"};
	EXPECT_ERROR(503, "cannot connect", ck_etcd_sync_range(c, &rreq, &res, E));
	ck_etcd_free(c);
}

struct pending_put {
	struct ck_error *err;
	bool called;
};

static void pending_cb(struct ck_etcd_put_result *res, struct ck_error *err, void *arg)
{
	struct pending_put *p = arg;

	ck_etcd_put_result_free(res);
	p->err = err;
	p->called = true;
}

static void test_free_with_calls_in_flight(void **state)
{
	struct ck_etcd *c = client(etcd->endpoints);
	struct pending_put p = {0};

	(void)state;
	struct ck_etcd_put_req req = {.key = "/pending", .value = "x"};
	OK(ck_etcd_put(c, &req, pending_cb, &p, E));
	/* Never from inside the call that started it. */
	assert_false(p.called);
	ck_etcd_free(c);
	assert_true(p.called);
	assert_non_null(p.err);
	assert_int_equal(p.err->http_status, 503);
	ck_error_free(p.err);
}

/* ---- fake servers: what a broken member or a stranger may send ------------------------ */

enum fake_mode {
	FAKE_NOT_PROTOBUF, /* OK with a message that does not decode */
	FAKE_NO_LEADER,    /* trailers-only UNAVAILABLE "etcdserver: no leader" */
	FAKE_CLOSE,        /* the connection closed once the request arrived */
	FAKE_NOT_HTTP2,    /* an SSH banner, then the connection closed */
	FAKE_HUGE,         /* a message prefix of 2 MiB, and nothing more */
	FAKE_SILENT,       /* the request read, never answered */
	FAKE_HTTP_500,     /* ":status 500" with END_STREAM: not a gRPC server */
	FAKE_HTTP_500_RST, /* the same, then RST_STREAM NO_ERROR (a request still open) */
	FAKE_WATCH_BAD,    /* a created WatchResponse, then one whose event is malformed */
};

struct fake {
	enum fake_mode mode;
	const char *path; /* the method every request must name */
	int wrong_path;   /* requests that named another */
};

static void fake_accept(struct ck_test_fake_grpc_conn *conn, int index, void *arg)
{
	static const char banner[] = "SSH-2.0-OpenSSH_9.2\r\n";
	struct fake *fk = arg;

	(void)index;
	if (fk->mode != FAKE_NOT_HTTP2)
		return;
	ck_test_fake_grpc_raw(conn, banner, strlen(banner));
	ck_test_fake_grpc_close(conn);
}

static void fake_request(const struct ck_test_fake_grpc_req *req, void *arg)
{
	/* WatchResponse {header = 1 {revision = 3}, created = 3}: revision 5, created. */
	static const char created[] = {0x0a, 0x02, 0x18, 0x05, 0x18, 0x01};
	/* Revision 6, events = 11 {type = 1: PUT, kv = 2 sent as a varint, not a message}. */
	static const char bad_event[] = {0x0a, 0x02, 0x18, 0x06, 0x5a,
	                                 0x04, 0x08, 0x00, 0x10, 0x01};
	/* A prefix announcing 2 MiB, of which 3 bytes come. */
	static const char huge[] = {0x00, 0x00, 0x20, 0x00, 0x00, 0x0a, 0x00, 0x10};
	struct fake *fk = arg;

	if (strcmp(req->path, fk->path))
		fk->wrong_path++;
	switch (fk->mode) {
	case FAKE_NOT_PROTOBUF:
		ck_test_fake_grpc_headers(req, 200, CK_TEST_GRPC_CONTENT_TYPE);
		ck_test_fake_grpc_message(req, "\xff\xff\xff\xff\xff", 5);
		ck_test_fake_grpc_trailers(req, 0, NULL);
		break;
	case FAKE_NO_LEADER:
		ck_test_fake_grpc_trailers(req, 14, "etcdserver: no leader");
		break;
	case FAKE_CLOSE:
		ck_test_fake_grpc_close(req->conn);
		break;
	case FAKE_HUGE:
		ck_test_fake_grpc_headers(req, 200, CK_TEST_GRPC_CONTENT_TYPE);
		ck_test_fake_grpc_data(req, huge, sizeof(huge));
		break;
	case FAKE_HTTP_500:
	case FAKE_HTTP_500_RST:
		ck_test_fake_grpc_headers(req, 500, NULL);
		ck_test_fake_grpc_end(req);
		if (fk->mode == FAKE_HTTP_500_RST)
			ck_test_fake_grpc_reset(req, NGHTTP2_NO_ERROR);
		break;
	case FAKE_WATCH_BAD:
		ck_test_fake_grpc_headers(req, 200, CK_TEST_GRPC_CONTENT_TYPE);
		ck_test_fake_grpc_message(req, created, sizeof(created));
		ck_test_fake_grpc_message(req, bad_event, sizeof(bad_event));
		break;
	case FAKE_SILENT:
	case FAKE_NOT_HTTP2:
		break;
	}
}

/* What the fake saw of one case. */
struct fake_seen {
	int connections;
	int requests;
};

/* One range (a read) or one put (a write) against a fake in mode: the error it must end with. */
static struct fake_seen fake_case(enum fake_mode mode, bool write, int status, const char *needle)
{
	struct event_base *base = event_base_new();
	struct fake fk = {.mode = mode,
	                  .path = write ? "/etcdserverpb.KV/Put" : "/etcdserverpb.KV/Range"};
	struct ck_test_fake_grpc_hooks hooks = {
	        .accept = fake_accept, .request = fake_request, .arg = &fk};
	struct ck_test_fake_grpc *f = ck_test_fake_grpc_start(base, &hooks);
	const char *eps[2] = {ck_test_fake_grpc_url(f), NULL};
	struct ck_etcd_config cfg = {.endpoints = eps,
	                             .request_timeout_ms = 1500,
	                             .attempt_timeout_ms = 300,
	                             .max_response_bytes = 1024 * 1024};
	struct ck_etcd *c = NULL;
	struct ck_error *err = NULL;
	struct fake_seen seen;
	int r;

	assert_int_equal(ck_etcd_new(base, &cfg, &c, &err), 0);
	if (write) {
		struct ck_etcd_put_req req = {.key = "/k", .value = "v"};
		struct ck_etcd_put_result *res = NULL;

		r = ck_etcd_sync_put(c, &req, &res, &err);
		assert_null(res);
	} else {
		struct ck_etcd_range_req req = {.key = "/k"};
		struct ck_etcd_range_result *res = NULL;

		r = ck_etcd_sync_range(c, &req, &res, &err);
		assert_null(res);
	}
	check_error(r, err, status, needle);
	ck_etcd_free(c);
	seen.connections = ck_test_fake_grpc_connections(f);
	seen.requests = ck_test_fake_grpc_requests(f);
	ck_test_fake_grpc_free(f);
	event_base_free(base);
	assert_int_equal(fk.wrong_path, 0);
	return seen;
}

static void test_fake_malformed(void **state)
{
	(void)state;
	/* Garbage under an OK status is etcd's bug or a stranger's: reported, not repeated. */
	assert_int_equal(fake_case(FAKE_NOT_PROTOBUF, false, 500, "malformed etcd reply").requests, 1);
	assert_int_equal(fake_case(FAKE_NOT_PROTOBUF, true, 500, "malformed etcd reply").requests, 1);
	/* Refused from the prefix alone, without waiting for the 2 MiB. */
	assert_int_equal(
	        fake_case(FAKE_HUGE, false, 500, "larger than the 1048576 allowed").requests, 1);
	assert_int_equal(
	        fake_case(FAKE_HUGE, true, 500, "larger than the 1048576 allowed").requests, 1);
	/* An HTTP error without a gRPC status: not etcd, so not worth repeating. */
	assert_int_equal(
	        fake_case(FAKE_HTTP_500, false, 500, "HTTP 500 without a gRPC status").requests, 1);
	assert_int_equal(
	        fake_case(FAKE_HTTP_500, true, 500, "HTTP 500 without a gRPC status").requests, 1);
}

static void test_fake_unavailable(void **state)
{
	(void)state;
	/* "no leader" is refused before raft: even a write is repeated, then reported. */
	assert_true(fake_case(FAKE_NO_LEADER, true, 503, "etcdserver: no leader").requests > 1);
	assert_true(fake_case(FAKE_NO_LEADER, false, 503, "etcdserver: no leader").requests > 1);
	/* A write whose connection dies after sending is not repeated: outcome unknown. */
	assert_int_equal(fake_case(FAKE_CLOSE, true, 503, "connection lost").requests, 1);
	/* A read is repeated until the deadline, then the last error is reported. */
	assert_true(fake_case(FAKE_CLOSE, false, 503, "connection lost").requests > 1);
	/* Not HTTP/2 (the client's nghttp2 gives up on the banner); a write is not sent again. */
	fake_case(FAKE_NOT_HTTP2, false, 503, "HTTP/2");
	assert_int_equal(fake_case(FAKE_NOT_HTTP2, true, 503, "HTTP/2").connections, 1);
	/* Silence: the attempt's deadline; a write is not repeated, a read is. */
	assert_int_equal(fake_case(FAKE_SILENT, true, 504, "deadline of 300 ms exceeded").requests,
	                 1);
	assert_true(fake_case(FAKE_SILENT, false, 504, "ms exceeded").requests > 1);
}

/* What a watch delivered before it ended. */
struct watch_outcome {
	size_t created, events;
	int64_t created_rev;
	struct ck_error *err; /* how it ended (owned) */
};

/* Run a watch on /k against a fake in mode until it ends; one stream, never resumed. */
static void fake_watch(enum fake_mode mode, struct watch_outcome *out)
{
	struct event_base *base = event_base_new();
	struct fake fk = {.mode = mode, .path = "/etcdserverpb.Watch/Watch"};
	struct ck_test_fake_grpc_hooks hooks = {.request = fake_request, .arg = &fk};
	struct ck_test_fake_grpc *f = ck_test_fake_grpc_start(base, &hooks);
	const char *eps[2] = {ck_test_fake_grpc_url(f), NULL};
	struct ck_etcd_config cfg = {.endpoints = eps};
	struct ck_etcd_watch_req req = {.key = "/k"};
	struct ck_etcd *c = NULL;
	struct ck_error *err = NULL;
	struct collector col;

	assert_int_equal(ck_etcd_new(base, &cfg, &c, &err), 0);
	watch_start(c, &col, &req);
	/* No event ever comes: done is the end. A stream not created is replaced after 5 s. */
	col.want = SIZE_MAX;
	if (ck_etcd_run_until(c, &col.done, 10000, &err) < 0)
		fail_msg("the watch did not end (%d streams opened): %s",
		         ck_test_fake_grpc_requests(f), err->msg);
	out->created = col.created;
	out->created_rev = col.created_rev;
	out->events = col.n;
	out->err = ck_steal(&col.err);
	collector_release(&col);
	ck_etcd_free(c);
	assert_int_equal(ck_test_fake_grpc_requests(f), 1);
	ck_test_fake_grpc_free(f);
	event_base_free(base);
	assert_int_equal(fk.wrong_path, 0);
}

static void test_fake_watch(void **state)
{
	struct watch_outcome o;

	(void)state;
	/* A malformed message after the created one ends the watch. */
	fake_watch(FAKE_WATCH_BAD, &o);
	assert_int_equal(o.created, 1);
	assert_int_equal(o.created_rev, 5);
	assert_int_equal(o.events, 0);
	check_error(-1, o.err, 500, "malformed etcd reply");
	/* A stranger answering HTTP 500 (and resetting the open request) ends it too. */
	fake_watch(FAKE_HTTP_500_RST, &o);
	assert_int_equal(o.created, 0);
	check_error(-1, o.err, 500, "HTTP 500 without a gRPC status");
}

/*
 * The server's END_STREAM ends a call even while the request side is open (RST_STREAM
 * after it is optional, RFC 9113 §8.1): a watch answered HTTP 500 without one ends too.
 */
static void test_fake_watch_end_stream(void **state)
{
	struct watch_outcome o;

	(void)state;
	fake_watch(FAKE_HTTP_500, &o);
	assert_int_equal(o.created, 0);
	check_error(-1, o.err, 500, "HTTP 500 without a gRPC status");
}

/* ---- TLS -------------------------------------------------------------------------- */

static char *tls_dir;

static int tls_setup(void **state)
{
	(void)state;
	tls_dir = ck_test_pki_new("etcd-pki");
	etcd = ck_test_pki_etcd(tls_dir, "etcd-tls");
	return 0;
}

static int tls_teardown(void **state)
{
	group_teardown(state);
	ck_test_rmtree(tls_dir);
	free(tls_dir);
	return 0;
}

static struct ck_etcd *tls_client(struct event_base *base, const char *url, const char *ca,
                                  const char *cert, const char *key)
{
	struct ck_etcd *c = NULL;
	struct ck_error *err = NULL;
	ck_autofree char *caf = ca ? ck_xasprintf("%s/%s", tls_dir, ca) : NULL;
	ck_autofree char *certf = cert ? ck_xasprintf("%s/%s", tls_dir, cert) : NULL;
	ck_autofree char *keyf = key ? ck_xasprintf("%s/%s", tls_dir, key) : NULL;
	const char *eps[2] = {url, NULL};
	struct ck_etcd_config cfg = {.endpoints = eps,
	                             .ca_file = caf,
	                             .cert_file = certf,
	                             .key_file = keyf,
	                             .request_timeout_ms = 2000};

	if (ck_etcd_new(base, &cfg, &c, &err) < 0)
		fail_msg("ck_etcd_new: %s", err->msg);
	return c;
}

static void tls_expect_failure(struct ck_etcd *c, const char *needle)
{
	struct ck_etcd_range_result *res = NULL;
	struct ck_etcd_range_req req = {.key = "/tls/k"};

	EXPECT_ERROR(503, needle, ck_etcd_sync_range(c, &req, &res, E));
	ck_etcd_free(c);
}

struct tls_fake {
	SSL_CTX *ctx;
	struct bufferevent *conns[64];
	size_t n;
};

static void tls_fake_accept(struct evconnlistener *l, evutil_socket_t fd, struct sockaddr *sa,
                            int socklen, void *arg)
{
	struct tls_fake *f = arg;
	struct bufferevent *bev =
	        bufferevent_openssl_socket_new(evconnlistener_get_base(l), fd, SSL_new(f->ctx),
	                                       BUFFEREVENT_SSL_ACCEPTING, BEV_OPT_CLOSE_ON_FREE);

	(void)sa;
	(void)socklen;
	assert_true(f->n < CK_ARRAY_SIZE(f->conns));
	f->conns[f->n++] = bev;
	bufferevent_enable(bev, EV_READ | EV_WRITE);
}

/* A TLS server with a valid certificate from our CA, but for 127.0.0.2: refused. */
static void tls_wrong_ip(void)
{
	ck_autofree char *cert = ck_xasprintf("%s/wrongip.crt", tls_dir);
	ck_autofree char *key = ck_xasprintf("%s/wrongip.key", tls_dir);
	struct event_base *base = event_base_new();
	struct sockaddr_in sa = {.sin_family = AF_INET};
	socklen_t len = sizeof(sa);
	struct tls_fake f = {.ctx = SSL_CTX_new(TLS_server_method())};
	struct evconnlistener *l;
	struct ck_etcd *c;
	struct ck_etcd_range_result *res = NULL;
	struct ck_etcd_range_req req = {.key = "/tls/k"};
	char url[64];

	assert_int_equal(SSL_CTX_use_certificate_chain_file(f.ctx, cert), 1);
	assert_int_equal(SSL_CTX_use_PrivateKey_file(f.ctx, key, SSL_FILETYPE_PEM), 1);
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	l = evconnlistener_new_bind(base, tls_fake_accept, &f,
	                            LEV_OPT_CLOSE_ON_FREE | LEV_OPT_REUSEABLE, 4,
	                            (struct sockaddr *)&sa, sizeof(sa));
	assert_non_null(l);
	getsockname(evconnlistener_get_fd(l), (struct sockaddr *)&sa, &len);
	snprintf(url, sizeof(url), "https://127.0.0.1:%d", ntohs(sa.sin_port));
	c = tls_client(base, url, "ca.crt", "client.crt", "client.key");
	EXPECT_ERROR(503, "IP address mismatch", ck_etcd_sync_range(c, &req, &res, E));
	ck_etcd_free(c);
	for (size_t i = 0; i < f.n; i++)
		bufferevent_free(f.conns[i]);
	evconnlistener_free(l);
	SSL_CTX_free(f.ctx);
	event_base_free(base);
}

static void test_tls(void **state)
{
	const char *url = etcd->tls_endpoints[0];
	struct ck_etcd *c;
	struct ck_etcd_range_result *res;
	struct collector col;

	(void)state;
	/* The right CA and a client certificate it signed: everything works, watches too. */
	c = tls_client(NULL, url, "ca.crt", "client.crt", "client.key");
	struct ck_etcd_watch_req req = {.key = "/tls/", .prefix = true};
	watch_start_created(c, &col, &req);
	for (int i = 0; i < 20; i++)
		put(c, "/tls/k", "secret");
	res = get(c, "/tls/k");
	assert_string_equal(res->kvs[0].value, "secret");
	ck_etcd_range_result_free(res);
	wait_events(c, &col, 20, 10000);
	collector_release(&col);
	ck_etcd_free(c);

	/* The member's certificate must be signed by our CA... */
	tls_expect_failure(tls_client(NULL, url, "other.crt", "client.crt", "client.key"),
	                   "certificate verify failed");
	/* ...and name the address we dialed (a server whose certificate is for 127.0.0.2). */
	tls_wrong_ip();
	/*
	 * The member wants a client certificate from its CA. With TLS 1.3 it refuses after
	 * our side finished the handshake: its alert is usually read ("TLS alert ..."), but
	 * when our first frames reach a socket it already closed, the reset can discard the
	 * alert unread, and all the client can know is that the connection closed.
	 */
	tls_expect_failure(tls_client(NULL, url, "ca.crt", NULL, NULL), "conn");
	tls_expect_failure(tls_client(NULL, url, "ca.crt", "stranger.crt", "client.key"),
	                   "conn");

	/* Configuration errors are reported when the client is made. */
	const char *eps[2] = {url, NULL};
	struct ck_etcd_config cfg = {.endpoints = eps, .ca_file = "/nonexistent/ca.crt"};
	EXPECT_ERROR(400, "CA file", ck_etcd_new(NULL, &cfg, &c, E));
	cfg = (struct ck_etcd_config){.endpoints = eps, .cert_file = "/x"};
	EXPECT_ERROR(400, "together", ck_etcd_new(NULL, &cfg, &c, E));
	static const char *const bad[] = {"ftp://127.0.0.1:1", NULL};
	cfg = (struct ck_etcd_config){.endpoints = bad};
	EXPECT_ERROR(400, "invalid grpc endpoint", ck_etcd_new(NULL, &cfg, &c, E));
}

/* ---- a 3-member cluster ----------------------------------------------------------- */

static int cluster_setup(void **state)
{
	struct ck_test_etcd_opts opts = {.what = "etcd-cluster", .members = 3};

	(void)state;
	etcd = ck_test_etcd_start(&opts);
	return 0;
}

/* The index of the member that is the leader, asking each one. */
static size_t find_leader(struct ck_etcd *c)
{
	for (int tries = 0; tries < 100; tries++) {
		for (size_t i = 0; i < etcd->n; i++) {
			struct ck_etcd_endpoint_req ep = {.endpoint = etcd->endpoints[i]};
			struct ck_etcd_status_result *st = NULL;
			struct ck_error *err = NULL;
			bool leader;

			if (ck_etcd_sync_status(c, &ep, &st, &err) < 0) {
				ck_error_free(err);
				continue;
			}
			leader = st->leader && st->leader == st->header.member_id;
			ck_etcd_status_result_free(st);
			if (leader)
				return i;
		}
	}
	fail_msg("no leader found");
	return 0;
}

static void test_cluster_leader_loss(void **state)
{
	struct ck_etcd *probe = client(etcd->endpoints);
	size_t leader = find_leader(probe);
	const char *eps[4];
	struct ck_etcd_config cfg = {.endpoints = eps, .request_timeout_ms = 20000};
	struct ck_etcd *c;
	struct ck_etcd_member_result *mres = NULL;
	struct collector col;
	int64_t acked[50];
	int failures = 0;
	char key[32];

	(void)state;
	ck_etcd_free(probe);
	/* The leader first: both the watch and the writes start on the member that dies. */
	eps[0] = etcd->endpoints[leader];
	eps[1] = etcd->endpoints[(leader + 1) % 3];
	eps[2] = etcd->endpoints[(leader + 2) % 3];
	eps[3] = NULL;
	c = client_cfg(&cfg);
	OK(ck_etcd_sync_member_list(c, NULL, &mres, E));
	assert_int_equal(mres->n_members, 3);
	ck_etcd_member_result_free(mres);

	struct ck_etcd_watch_req req = {.key = "/ha/", .prefix = true};
	watch_start_created(c, &col, &req);
	for (int i = 0; i < 20; i++) {
		snprintf(key, sizeof(key), "/ha/%d", i % 5);
		acked[i] = put_retry(c, key, i, &failures);
	}
	wait_events(c, &col, 20, 10000);
	ck_test_etcd_kill(etcd, leader);
	for (int i = 20; i < 50; i++) {
		snprintf(key, sizeof(key), "/ha/%d", i % 5);
		acked[i] = put_retry(c, key, i, &failures);
	}
	col.want_rev = acked[49];
	wait_events(c, &col, 50, 20000);
	assert_null(col.err);
	assert_exactly_once(&col, acked, 50);
	assert_true(col.n >= 50 && col.n <= 50 + (size_t)failures);
	assert_true(ck_etcd_watch_reconnects(col.w) >= 1);
	/* The survivors agree on a new leader. */
	probe = client(etcd->endpoints);
	assert_true(find_leader(probe) != leader);
	ck_etcd_free(probe);
	collector_release(&col);
	ck_etcd_free(c);
}

/* ---- observer ------------------------------------------------------------------------ */

struct observed {
	size_t n;
	char kind[8][24], cas[8][16], key[8][64];
	bool range[8], failed[8];
	int64_t us[8];
};

static void observe(const struct ck_etcd_call_info *info, void *arg)
{
	struct observed *o = arg;
	size_t i = o->n++;

	if (i >= 8)
		return;
	snprintf(o->kind[i], sizeof(o->kind[i]), "%s", info->kind);
	snprintf(o->cas[i], sizeof(o->cas[i]), "%s", info->cas ? info->cas : "-");
	snprintf(o->key[i], sizeof(o->key[i]), "%.*s", info->key ? (int)info->key_len : 1,
	         info->key ? info->key : "-");
	o->range[i] = info->range;
	o->failed[i] = info->failed;
	o->us[i] = info->duration_us;
}

/*
 * The observer hook: one report per completed unary call, with its kind, CAS flavour, first
 * key, range flag, duration and failure, and none once removed.
 */
static void test_observer(void **state)
{
	struct ck_etcd *c = client(etcd->endpoints);
	struct observed o = {0};
	struct ck_etcd_range_result *rr = NULL;
	struct ck_etcd_cas_result *cr = NULL;
	void *arg = NULL;

	(void)state;
	assert_null(ck_etcd_get_observer(c, NULL));
	put(c, "/obs/before", "x"); /* not observed */
	ck_etcd_set_observer(c, observe, &o);
	assert_ptr_equal(ck_etcd_get_observer(c, &arg), observe);
	assert_ptr_equal(arg, &o);
	put(c, "/obs/a", "1");
	struct ck_etcd_range_req lr = {.key = "/obs/", .prefix = true};
	OK(ck_etcd_sync_range(c, &lr, &rr, E));
	assert_int_equal(rr->count, 2);
	ck_etcd_range_result_free(rr);
	struct ck_etcd_cas_req cq = {.key = "/obs/b", .value = "v"};
	OK(ck_etcd_sync_cas_create(c, &cq, &cr, E));
	ck_etcd_cas_result_free(cr);
	struct ck_etcd_cas_req dq = {.key = "/obs/b", .mod_revision = 1};
	OK(ck_etcd_sync_cas_delete(c, &dq, &cr, E));
	assert_false(cr->succeeded);
	ck_etcd_cas_result_free(cr);
	struct ck_etcd_put_req bad = {.key = "/obs/c", .value = "v", .lease = 123456789};
	struct ck_etcd_put_result *pr = NULL;
	EXPECT_ERROR(404, NULL, ck_etcd_sync_put(c, &bad, &pr, E));

	assert_int_equal(o.n, 5);
	assert_string_equal(o.kind[0], "put");
	assert_string_equal(o.key[0], "/obs/a");
	assert_string_equal(o.cas[0], "-");
	assert_false(o.range[0]);
	assert_string_equal(o.kind[1], "range");
	assert_string_equal(o.key[1], "/obs/");
	assert_true(o.range[1]);
	assert_string_equal(o.kind[2], "txn");
	assert_string_equal(o.cas[2], "create");
	assert_string_equal(o.key[2], "/obs/b");
	assert_string_equal(o.cas[3], "delete");
	assert_false(o.failed[3]); /* a failed compare is an answer, not an error */
	assert_string_equal(o.kind[4], "put");
	assert_true(o.failed[4]);
	for (size_t i = 0; i < 5; i++) {
		assert_true(o.us[i] > 0);
		assert_true(o.us[i] < 30 * 1000000);
		if (i != 4)
			assert_false(o.failed[i]);
	}

	ck_etcd_set_observer(c, NULL, &o);
	assert_null(ck_etcd_get_observer(c, &arg));
	assert_null(arg);
	put(c, "/obs/d", "1");
	assert_int_equal(o.n, 5);
	ck_etcd_free(c);
}

int main(void)
{
	const struct CMUnitTest single[] = {
	        cmocka_unit_test(test_prefix_end),
	        cmocka_unit_test(test_put_range),
	        cmocka_unit_test(test_delete),
	        cmocka_unit_test(test_txn),
	        cmocka_unit_test(test_cas),
	        cmocka_unit_test(test_cas_race),
	        cmocka_unit_test(test_lease),
	        cmocka_unit_test(test_members_status_health),
	        cmocka_unit_test(test_watch),
	        cmocka_unit_test(test_watch_free_in_callback),
	        cmocka_unit_test(test_compaction),
	        cmocka_unit_test(test_failover_dead_endpoint),
	        cmocka_unit_test(test_free_with_calls_in_flight),
	        cmocka_unit_test(test_watch_resume_after_restart),
	        cmocka_unit_test(test_observer),
	};
	const struct CMUnitTest fake[] = {
	        cmocka_unit_test(test_fake_malformed),
	        cmocka_unit_test(test_fake_unavailable),
	        cmocka_unit_test(test_fake_watch),
	        cmocka_unit_test(test_fake_watch_end_stream),
	};
	const struct CMUnitTest tls[] = {
	        cmocka_unit_test(test_tls),
	};
	const struct CMUnitTest cluster[] = {
	        cmocka_unit_test(test_cluster_leader_loss),
	};
	int failed = 0;

	if (getenv("CK_TEST_DEBUG"))
		ck_log_set_level(CK_LOG_DEBUG);
	else
		ck_log_set_level(CK_LOG_WARN);
	failed += cmocka_run_group_tests_name("etcd: one member", single, single_setup,
	                                      group_teardown);
	failed += cmocka_run_group_tests_name("etcd: fake servers", fake, NULL, NULL);
	failed += cmocka_run_group_tests_name("etcd: TLS", tls, tls_setup, tls_teardown);
	failed += cmocka_run_group_tests_name("etcd: 3 members", cluster, cluster_setup,
	                                      group_teardown);
	return failed ? 1 : 0;
}
