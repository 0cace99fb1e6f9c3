/*
 * The gRPC transport (store/grpc.h) against a real etcd 3.4 member over h2c and over TLS:
 * unary calls (Maintenance/Status, KV/Put then KV/Range), 200 calls multiplexed on one
 * connection, etcd's error statuses (INVALID_ARGUMENT, a compacted revision's OUT_OF_RANGE),
 * deadlines (a member stopped with SIGSTOP never answers), a member killed mid-call (503)
 * and the reconnect after its restart, a Watch stream that sees a Put and is cancelled
 * from its own callback, a 64 MiB range through the flow-control windows, the
 * message-size limit, GOAWAY (from the fake server of support/fake-grpc.h: etcd 3.4 closes
 * without one on a graceful stop), and TLS with client certificates.
 * The protobuf messages are encoded by hand (field numbers from etcd's
 * api/etcdserverpb/rpc.proto and api/mvccpb/kv.proto). Waits are for conditions.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <signal.h>
#include <sys/wait.h>

#include <cmocka.h>
#include <event2/event.h>

#include "base/compat.h"

#include "base/buf.h"
#include "base/error.h"
#include "base/log.h"
#include "base/mem.h"
#include "base/time.h"
#include "support/etcd-fixture.h"
#include "support/fake-grpc.h"
#include "support/pki-fixture.h"
#include "support/tmpdir.h"

/* The module itself, for its static helpers (percent_decode). */
#include "store/grpc.c"

static struct ck_test_etcd *etcd;
static struct event_base *base;

/* ---- protobuf by hand ----------------------------------------------------------------- */

static void pb_varint(struct ck_buf *b, uint64_t v)
{
	do {
		ck_buf_addch(b, (char)((v & 0x7f) | (v >= 0x80 ? 0x80 : 0)));
		v >>= 7;
	} while (v);
}

static void pb_uint(struct ck_buf *b, unsigned field, uint64_t v)
{
	pb_varint(b, (uint64_t)field << 3 | 0);
	pb_varint(b, v);
}

static void pb_bytes(struct ck_buf *b, unsigned field, const void *p, size_t len)
{
	pb_varint(b, (uint64_t)field << 3 | 2);
	pb_varint(b, len);
	ck_buf_add(b, p, len);
}

struct pb_field {
	unsigned num, type;
	uint64_t v;
	const unsigned char *data;
	size_t len;
};

static bool pb_read_varint(const unsigned char **p, const unsigned char *end, uint64_t *v)
{
	*v = 0;
	for (int shift = 0; shift < 64 && *p < end; shift += 7) {
		unsigned char c = *(*p)++;

		*v |= (uint64_t)(c & 0x7f) << shift;
		if (!(c & 0x80))
			return true;
	}
	return false;
}

/* The next field of [*p, end): 1, 0 at the end; fails the test when malformed. */
static int pb_next(const unsigned char **p, const unsigned char *end, struct pb_field *f)
{
	uint64_t tag;

	if (*p >= end)
		return 0;
	assert_true(pb_read_varint(p, end, &tag));
	f->num = (unsigned)(tag >> 3);
	f->type = (unsigned)(tag & 7);
	if (f->type == 0) {
		assert_true(pb_read_varint(p, end, &f->v));
	} else if (f->type == 2) {
		assert_true(pb_read_varint(p, end, &f->v));
		assert_true(f->v <= (uint64_t)(end - *p));
		f->data = *p;
		f->len = (size_t)f->v;
		*p += f->len;
	} else {
		fail_msg("unexpected wire type %u", f->type);
	}
	return 1;
}

/* The first field num of msg (of wire type type), or NULL; *out set. */
static bool pb_find(const void *msg, size_t len, unsigned num, struct pb_field *out)
{
	const unsigned char *p = msg, *end = p + len;

	while (pb_next(&p, end, out))
		if (out->num == num)
			return true;
	return false;
}

/* ResponseHeader.revision (3) of a response's header (1). */
static int64_t pb_header_revision(const void *msg, size_t len)
{
	struct pb_field h, r;

	if (!pb_find(msg, len, 1, &h) || !pb_find(h.data, h.len, 3, &r))
		return 0;
	return (int64_t)r.v;
}

/* ---- running the loop ----------------------------------------------------------------- */

static void expire_cb(evutil_socket_t fd, short what, void *arg)
{
	(void)fd, (void)what;
	*(bool *)arg = true;
}

/* Run the loop until *flag or ms pass; fails the test on the deadline. */
static void run_until(const bool *flag, int ms, const char *what)
{
	bool expired = false;
	struct event *t = evtimer_new(base, expire_cb, &expired);

	ck_time_event_add_ms(t, ms);
	while (!*flag && !expired)
		event_base_loop(base, EVLOOP_ONCE);
	event_free(t);
	if (!*flag)
		fail_msg("timed out after %d ms waiting for %s", ms, what);
}

static struct ck_grpc_conn *conn_cfg(const struct ck_grpc_config *cfg)
{
	struct ck_grpc_conn *conn = NULL;
	struct ck_error *err = NULL;

	if (ck_grpc_conn_new(base, cfg, &conn, &err) < 0)
		fail_msg("ck_grpc_conn_new: %s", err->msg);
	return conn;
}

static struct ck_grpc_conn *conn_plain(void)
{
	struct ck_grpc_config cfg = {.endpoint = etcd->endpoints[0]};

	return conn_cfg(&cfg);
}

/* ---- unary calls ---------------------------------------------------------------------- */

struct result {
	bool done;
	int status;
	char *msg;
	struct ck_buf resp;
	struct ck_error *err;
	bool unprocessed;
	int *counter; /* counts completions when set */
};

static void result_release(struct result *r)
{
	free(r->msg);
	ck_buf_release(&r->resp);
	ck_error_free(r->err);
	memset(r, 0, sizeof(*r));
}

static void unary_done(struct ck_grpc_call *call, int status, const char *msg, const void *resp,
                       size_t len, struct ck_error *err, void *arg)
{
	struct result *r = arg;

	assert_false(r->done);
	r->done = true;
	r->status = status;
	r->msg = ck_xstrdup(msg);
	ck_buf_init(&r->resp, 0);
	if (resp)
		ck_buf_add(&r->resp, resp, len);
	r->err = err;
	r->unprocessed = ck_grpc_call_unprocessed(call);
	if (status == CK_GRPC_OK)
		assert_null(err);
	else
		assert_non_null(err);
	if (getenv("CK_TEST_DEBUG") && err)
		fprintf(stderr, "call ended: %d %d %s\n", status, err->http_status, err->msg);
	if (r->counter)
		(*r->counter)++;
}

/* Make a unary call and wait for it; callbacks never run inside ck_grpc_unary. */
static void call_sync(struct ck_grpc_conn *conn, const char *path, const struct ck_buf *req,
                      int deadline_ms, struct result *r)
{
	memset(r, 0, sizeof(*r));
	ck_grpc_unary(conn, path, req ? req->data : NULL, req ? req->len : 0, deadline_ms,
	              unary_done, r);
	assert_false(r->done);
	run_until(&r->done, 20000, path);
}

static void expect_ok(const struct result *r)
{
	if (r->status != CK_GRPC_OK)
		fail_msg("expected OK, got %d: %s", r->status, r->err ? r->err->msg : "");
}

static void expect_fail(const struct result *r, int status, int http_status, const char *needle)
{
	assert_true(r->done);
	if (r->status != status || !r->err || r->err->http_status != http_status ||
	    (needle && !strstr(r->err->msg, needle)))
		fail_msg("expected %d/%d '%s', got %d/%d: %s", status, http_status,
		         needle ? needle : "", r->status, r->err ? r->err->http_status : 0,
		         r->err ? r->err->msg : "(no error)");
}

static int64_t put(struct ck_grpc_conn *conn, const char *key, const void *value, size_t len)
{
	struct ck_buf req = CK_BUF_INIT;
	struct result r;
	int64_t rev;

	pb_bytes(&req, 1, key, strlen(key));
	pb_bytes(&req, 2, value, len);
	call_sync(conn, "/etcdserverpb.KV/Put", &req, 10000, &r);
	expect_ok(&r);
	rev = pb_header_revision(r.resp.data, r.resp.len);
	assert_true(rev > 0);
	ck_buf_release(&req);
	result_release(&r);
	return rev;
}

static void test_status(void **state)
{
	struct ck_grpc_conn *conn = conn_plain();
	struct ck_grpc_stats st;
	struct pb_field f;
	struct result r;

	(void)state;
	call_sync(conn, "/etcdserverpb.Maintenance/Status", NULL, 5000, &r);
	expect_ok(&r);
	assert_true(r.resp.len > 0);
	/* StatusResponse.version (2): "3.4.x". */
	assert_true(pb_find(r.resp.data, r.resp.len, 2, &f));
	assert_true(f.len > 2 && !memcmp(f.data, "3.", 2));
	result_release(&r);
	ck_grpc_conn_stats(conn, &st);
	assert_int_equal(st.connects, 1);
	assert_int_equal(st.connected, 1);
	assert_int_equal(st.calls, 1);
	assert_int_equal(st.streams_active, 0);
	assert_true(st.bytes_sent > 0 && st.bytes_received > 0);
	assert_string_equal(ck_grpc_conn_endpoint(conn), etcd->endpoints[0]);
	ck_grpc_conn_free(conn);
}

static void test_put_range(void **state)
{
	struct ck_grpc_conn *conn = conn_plain();
	struct ck_buf req = CK_BUF_INIT;
	struct pb_field kv, k, v;
	struct result r;
	int64_t rev;

	(void)state;
	rev = put(conn, "/grpc/a", "hello\0world", 11);
	pb_bytes(&req, 1, "/grpc/a", 7);
	call_sync(conn, "/etcdserverpb.KV/Range", &req, 5000, &r);
	expect_ok(&r);
	assert_int_equal(pb_header_revision(r.resp.data, r.resp.len), rev);
	/* RangeResponse.kvs (2): KeyValue {key = 1, mod_revision = 3, value = 5}. */
	assert_true(pb_find(r.resp.data, r.resp.len, 2, &kv));
	assert_true(pb_find(kv.data, kv.len, 1, &k));
	assert_true(pb_find(kv.data, kv.len, 5, &v));
	assert_int_equal(k.len, 7);
	assert_memory_equal(k.data, "/grpc/a", 7);
	assert_int_equal(v.len, 11);
	assert_memory_equal(v.data, "hello\0world", 11);
	assert_true(pb_find(kv.data, kv.len, 3, &v));
	assert_int_equal((int64_t)v.v, rev);
	ck_buf_release(&req);
	result_release(&r);
	ck_grpc_conn_free(conn);
}

static void test_multiplexed(void **state)
{
	enum { N = 200 };
	struct ck_grpc_conn *conn = conn_plain();
	struct result *rs = ck_xcalloc(N, sizeof(*rs));
	struct ck_buf req = CK_BUF_INIT;
	struct ck_grpc_stats st;
	int done = 0, max_active = 0;
	bool all = false;

	(void)state;
	put(conn, "/grpc/m", "v", 1);
	pb_bytes(&req, 1, "/grpc/m", 7);
	for (int i = 0; i < N; i++) {
		rs[i].counter = &done;
		ck_grpc_unary(conn, "/etcdserverpb.KV/Range", req.data, req.len, 10000, unary_done,
		              &rs[i]);
	}
	ck_grpc_conn_stats(conn, &st);
	assert_int_equal(st.streams_active, N);
	while (!all) {
		bool expired = false;
		struct event *t = evtimer_new(base, expire_cb, &expired);

		ck_time_event_add_ms(t, 20000);
		event_base_loop(base, EVLOOP_ONCE);
		event_free(t);
		ck_grpc_conn_stats(conn, &st);
		if ((int)st.streams_active > max_active)
			max_active = (int)st.streams_active;
		all = done == N;
		assert_false(expired);
	}
	for (int i = 0; i < N; i++) {
		struct pb_field kv;

		expect_ok(&rs[i]);
		assert_true(pb_find(rs[i].resp.data, rs[i].resp.len, 2, &kv));
		result_release(&rs[i]);
	}
	ck_grpc_conn_stats(conn, &st);
	assert_int_equal(st.connects, 1); /* all on one connection */
	assert_int_equal(st.calls, N + 1);
	assert_int_equal(st.streams_active, 0);
	assert_int_equal(max_active, N);
	free(rs);
	ck_buf_release(&req);
	ck_grpc_conn_free(conn);
}

static void test_error_status(void **state)
{
	struct ck_grpc_conn *conn = conn_plain();
	struct ck_buf req = CK_BUF_INIT;
	struct result r;
	int64_t rev1, rev3;

	(void)state;
	/* A range without a key: INVALID_ARGUMENT, "etcdserver: key is not provided". */
	call_sync(conn, "/etcdserverpb.KV/Range", &req, 5000, &r);
	expect_fail(&r, CK_GRPC_INVALID_ARGUMENT, 400, "key is not provided");
	assert_string_equal(r.msg, "etcdserver: key is not provided");
	assert_string_equal(r.err->reason, CK_REASON_BAD_REQUEST);
	result_release(&r);

	/*
	 * A range at a compacted revision: OUT_OF_RANGE (400 by its code; the etcd client
	 * reads etcd's message and makes it 410, test-etcd's test_compaction).
	 */
	rev1 = put(conn, "/grpc/c", "1", 1);
	put(conn, "/grpc/c", "2", 1);
	rev3 = put(conn, "/grpc/c", "3", 1);
	pb_uint(&req, 1, (uint64_t)rev3); /* CompactionRequest.revision */
	pb_uint(&req, 2, 1);              /* physical */
	call_sync(conn, "/etcdserverpb.KV/Compact", &req, 10000, &r);
	expect_ok(&r);
	result_release(&r);
	ck_buf_reset(&req);
	pb_bytes(&req, 1, "/grpc/c", 7);
	pb_uint(&req, 4, (uint64_t)rev1); /* RangeRequest.revision */
	call_sync(conn, "/etcdserverpb.KV/Range", &req, 5000, &r);
	expect_fail(&r, CK_GRPC_OUT_OF_RANGE, 400, "required revision has been compacted");
	assert_false(r.unprocessed);
	result_release(&r);

	/* A method etcd does not have: UNIMPLEMENTED, 500. */
	call_sync(conn, "/etcdserverpb.KV/NoSuchMethod", &req, 5000, &r);
	expect_fail(&r, CK_GRPC_UNIMPLEMENTED, 500, NULL);
	result_release(&r);
	ck_buf_release(&req);
	ck_grpc_conn_free(conn);
}

static void test_status_mapping(void **state)
{
	const char *reason = NULL;
	char *s;

	(void)state;
	assert_int_equal(ck_grpc_status_http(CK_GRPC_UNAVAILABLE, &reason), 503);
	assert_string_equal(reason, CK_REASON_UNAVAILABLE);
	assert_int_equal(ck_grpc_status_http(CK_GRPC_OK, NULL), 200);
	assert_int_equal(ck_grpc_status_http(CK_GRPC_DEADLINE_EXCEEDED, NULL), 504);
	assert_int_equal(ck_grpc_status_http(CK_GRPC_INVALID_ARGUMENT, NULL), 400);
	assert_int_equal(ck_grpc_status_http(CK_GRPC_OUT_OF_RANGE, NULL), 400);
	assert_int_equal(ck_grpc_status_http(CK_GRPC_FAILED_PRECONDITION, NULL), 409);
	assert_int_equal(ck_grpc_status_http(CK_GRPC_NOT_FOUND, NULL), 404);
	assert_int_equal(ck_grpc_status_http(CK_GRPC_RESOURCE_EXHAUSTED, &reason), 429);
	assert_int_equal(ck_grpc_status_http(CK_GRPC_DATA_LOSS, NULL), 500);
	s = percent_decode((const uint8_t *)"a%20b%3A%zz%4", 13);
	assert_string_equal(s, "a b:%zz%4");
	free(s);
}

static void test_deadline(void **state)
{
	struct ck_grpc_conn *conn = conn_plain();
	pid_t pid = ck_etcd_proc_pid(etcd->procs[0]);
	struct ck_buf req = CK_BUF_INIT;
	struct result r;

	(void)state;
	pb_bytes(&req, 1, "/grpc/d", 7);
	/*
	 * A member that cannot answer (stopped): the 1 ms deadline ends the call. kill()
	 * returns before the stop takes effect, and etcd on the other core may answer first:
	 * wait until it is stopped (its parent, the fixture, is this process).
	 */
	assert_int_equal(kill(pid, SIGSTOP), 0);
	int st = 0;

	assert_int_equal(waitpid(pid, &st, WUNTRACED), pid);
	assert_true(WIFSTOPPED(st));
	call_sync(conn, "/etcdserverpb.KV/Range", &req, 1, &r);
	assert_int_equal(kill(pid, SIGCONT), 0);
	expect_fail(&r, CK_GRPC_DEADLINE_EXCEEDED, 504, "deadline of 1 ms exceeded");
	assert_string_equal(r.err->reason, CK_REASON_TIMEOUT);
	result_release(&r);
	/* The connection goes on serving (the expired stream was reset). */
	call_sync(conn, "/etcdserverpb.KV/Range", &req, 10000, &r);
	expect_ok(&r);
	result_release(&r);
	ck_buf_release(&req);
	ck_grpc_conn_free(conn);
}

/* ---- streams -------------------------------------------------------------------------- */

struct watch {
	struct ck_grpc_call *s;
	bool created;
	bool got_event;
	bool ended;
	bool cancel_on_event;
	int end_status;
	struct ck_error *err;
	char key[64];
	size_t n_msgs;
};

static void watch_msg(struct ck_grpc_call *s, const void *msg, size_t len, void *arg)
{
	struct watch *w = arg;
	const unsigned char *p = msg, *end = p + len;
	struct pb_field f, kv, k;

	assert_ptr_equal(s, w->s);
	w->n_msgs++;
	while (pb_next(&p, end, &f)) {
		if (f.num == 3 && f.v) /* created */
			w->created = true;
		if (f.num == 11) { /* events: Event {type = 1, kv = 2} */
			assert_true(pb_find(f.data, f.len, 2, &kv));
			assert_true(pb_find(kv.data, kv.len, 1, &k));
			snprintf(w->key, sizeof(w->key), "%.*s", (int)k.len, k.data);
			w->got_event = true;
		}
	}
	if (w->got_event && w->cancel_on_event) {
		/* Cancelled from its own callback: no on_end follows. */
		ck_grpc_call_cancel(s);
		w->s = NULL;
	}
}

static void watch_end(struct ck_grpc_call *s, int status, const char *msg, struct ck_error *err,
                      void *arg)
{
	struct watch *w = arg;

	(void)msg;
	assert_ptr_equal(s, w->s);
	assert_false(w->ended);
	w->ended = true;
	w->end_status = status;
	w->err = err;
	if (getenv("CK_TEST_DEBUG") && err)
		fprintf(stderr, "stream ended: %d %s\n", status, err->msg);
	/* Cancelling from the final callback is allowed and does nothing. */
	ck_grpc_call_cancel(s);
}

/* Open a Watch stream on [prefix, prefix + 1) and wait until etcd created the watcher. */
static void watch_open(struct ck_grpc_conn *conn, struct watch *w, const char *prefix)
{
	struct ck_buf create = CK_BUF_INIT, wr = CK_BUF_INIT;
	ck_autofree char *end = ck_xstrdup(prefix);
	struct ck_error *err = NULL;

	end[strlen(end) - 1]++;
	/* WatchRequest {create_request = 1: WatchCreateRequest {key = 1, range_end = 2}}. */
	pb_bytes(&create, 1, prefix, strlen(prefix));
	pb_bytes(&create, 2, end, strlen(end));
	pb_bytes(&wr, 1, create.data, create.len);
	w->s = ck_grpc_stream_open(conn, "/etcdserverpb.Watch/Watch", watch_msg, watch_end, w);
	assert_int_equal(ck_grpc_stream_send(w->s, wr.data, wr.len, &err), 0);
	run_until(&w->created, 10000, "the watch's created message");
	ck_buf_release(&create);
	ck_buf_release(&wr);
}

static void test_watch(void **state)
{
	struct ck_grpc_conn *conn = conn_plain();
	struct watch w = {.cancel_on_event = true}, w2 = {0};
	struct ck_grpc_stats st;
	struct ck_error *err = NULL;

	(void)state;
	watch_open(conn, &w, "/grpc/w/");
	ck_grpc_conn_stats(conn, &st);
	assert_int_equal(st.streams_active, 1);
	put(conn, "/grpc/w/x", "1", 1);
	run_until(&w.got_event, 10000, "the watch event");
	assert_string_equal(w.key, "/grpc/w/x");
	assert_null(w.s); /* cancelled in its callback */
	assert_false(w.ended);
	/* The cancelled stream is gone; the connection goes on. */
	put(conn, "/grpc/w/y", "1", 1);
	ck_grpc_conn_stats(conn, &st);
	assert_int_equal(st.streams_active, 0);
	assert_int_equal(st.connects, 1);

	/*
	 * Closing the request side: etcd 3.4 keeps the watch (its receive loop ends, the
	 * stream does not), so events still arrive until the client cancels.
	 */
	watch_open(conn, &w2, "/grpc/w2/");
	ck_grpc_stream_close_send(w2.s);
	ck_grpc_stream_close_send(w2.s); /* idempotent */
	assert_int_equal(ck_grpc_stream_send(w2.s, "x", 1, &err), -1);
	assert_int_equal(err->http_status, 409);
	ck_error_clear(&err);
	put(conn, "/grpc/w2/x", "1", 1);
	run_until(&w2.got_event, 10000, "an event on the half-closed watch");
	assert_string_equal(w2.key, "/grpc/w2/x");
	ck_grpc_call_cancel(w2.s);
	assert_false(w2.ended);
	assert_false(w.ended);
	ck_grpc_conn_free(conn);
}

/* A stream cancelled before anything ran, and a conn freed with calls in flight. */
static void test_cancel_and_free(void **state)
{
	struct ck_grpc_conn *conn = conn_plain();
	struct watch w = {0};
	struct result r = {0}, r2 = {0};
	struct ck_grpc_call *c;

	(void)state;
	c = ck_grpc_unary(conn, "/etcdserverpb.Maintenance/Status", NULL, 0, 5000, unary_done, &r2);
	ck_grpc_call_cancel(c);
	call_sync(conn, "/etcdserverpb.Maintenance/Status", NULL, 5000, &r);
	expect_ok(&r);
	result_release(&r);
	assert_false(r2.done);

	watch_open(conn, &w, "/grpc/f/");
	ck_grpc_unary(conn, "/etcdserverpb.Maintenance/Status", NULL, 0, 5000, unary_done, &r);
	ck_grpc_conn_free(conn); /* both end now, with 503 */
	expect_fail(&r, CK_GRPC_UNAVAILABLE, 503, "channel closed");
	assert_true(w.ended);
	assert_int_equal(w.end_status, CK_GRPC_UNAVAILABLE);
	assert_int_equal(w.err->http_status, 503);
	ck_error_free(w.err);
	result_release(&r);
}

static void test_large_range(void **state)
{
	enum { N = 64, VALUE = 1 << 20 }; /* a 64 MiB range */
	struct ck_grpc_config cfg = {.endpoint = etcd->endpoints[0],
	                             .max_message_bytes = (size_t)80 << 20};
	struct ck_grpc_conn *conn = conn_cfg(&cfg), *small;
	char *value = ck_xmalloc(VALUE);
	struct ck_buf req = CK_BUF_INIT;
	struct result *rs = ck_xcalloc(N, sizeof(*rs));
	struct ck_buf *reqs = ck_xcalloc(N, sizeof(*reqs));
	const unsigned char *p, *end;
	struct pb_field f;
	size_t n_kvs = 0, bytes = 0;
	struct result r;
	int done = 0;
	bool all = false;

	(void)state;
	for (int i = 0; i < N; i++) {
		char key[32];

		memset(value, 'a' + i % 26, VALUE);
		snprintf(key, sizeof(key), "/grpc/big/%02d", i);
		ck_buf_init(&reqs[i], 0);
		pb_bytes(&reqs[i], 1, key, strlen(key));
		pb_bytes(&reqs[i], 2, value, VALUE);
		rs[i].counter = &done;
		ck_grpc_unary(conn, "/etcdserverpb.KV/Put", reqs[i].data, reqs[i].len, 60000,
		              unary_done, &rs[i]);
	}
	while (!all) {
		bool expired = false;
		struct event *t = evtimer_new(base, expire_cb, &expired);

		ck_time_event_add_ms(t, 60000);
		event_base_loop(base, EVLOOP_ONCE);
		event_free(t);
		all = done == N;
		assert_false(expired);
	}
	for (int i = 0; i < N; i++) {
		expect_ok(&rs[i]);
		result_release(&rs[i]);
		ck_buf_release(&reqs[i]);
	}
	pb_bytes(&req, 1, "/grpc/big/", 10);
	pb_bytes(&req, 2, "/grpc/big0", 10);
	call_sync(conn, "/etcdserverpb.KV/Range", &req, 60000, &r);
	expect_ok(&r);
	assert_true(r.resp.len > (size_t)N * VALUE);
	p = (const unsigned char *)r.resp.data;
	end = p + r.resp.len;
	while (pb_next(&p, end, &f)) {
		struct pb_field v;

		if (f.num != 2)
			continue;
		assert_true(pb_find(f.data, f.len, 5, &v));
		assert_int_equal(v.len, VALUE);
		assert_int_equal(v.data[0], 'a' + (int)n_kvs % 26);
		assert_int_equal(v.data[VALUE - 1], 'a' + (int)n_kvs % 26);
		bytes += v.len;
		n_kvs++;
	}
	assert_int_equal(n_kvs, N);
	assert_int_equal(bytes, (size_t)N * VALUE);
	result_release(&r);

	/* The same reply over a channel that accepts 1 MiB messages: a clear error. */
	cfg.max_message_bytes = 1 << 20;
	small = conn_cfg(&cfg);
	call_sync(small, "/etcdserverpb.KV/Range", &req, 60000, &r);
	expect_fail(&r, CK_GRPC_RESOURCE_EXHAUSTED, 500, "larger than the 1048576 allowed");
	result_release(&r);
	/* The stream was reset; the connection serves on. */
	call_sync(small, "/etcdserverpb.Maintenance/Status", NULL, 5000, &r);
	expect_ok(&r);
	result_release(&r);

	ck_buf_reset(&req);
	pb_bytes(&req, 1, "/grpc/big/", 10);
	pb_bytes(&req, 2, "/grpc/big0", 10);
	call_sync(conn, "/etcdserverpb.KV/DeleteRange", &req, 60000, &r);
	expect_ok(&r);
	result_release(&r);
	free(rs);
	free(reqs);
	free(value);
	ck_buf_release(&req);
	ck_grpc_conn_free(small);
	ck_grpc_conn_free(conn);
}

/* etcd killed mid-call: 503 to everything in flight; after its restart, calls succeed. */
static void test_kill_reconnect(void **state)
{
	enum { N = 20 };
	struct ck_grpc_conn *conn = conn_plain();
	struct result rs[N], r;
	struct ck_buf req = CK_BUF_INIT;
	struct watch w = {0};
	struct ck_grpc_stats st;
	int done = 0;
	bool all = false;

	(void)state;
	memset(rs, 0, sizeof(rs));
	watch_open(conn, &w, "/grpc/k/");
	pb_bytes(&req, 1, "/grpc/k/a", 9);
	for (int i = 0; i < N; i++) {
		rs[i].counter = &done;
		ck_grpc_unary(conn, "/etcdserverpb.KV/Range", req.data, req.len, 10000, unary_done,
		              &rs[i]);
	}
	ck_test_etcd_kill(etcd, 0);
	while (!all) {
		bool expired = false;
		struct event *t = evtimer_new(base, expire_cb, &expired);

		ck_time_event_add_ms(t, 10000);
		event_base_loop(base, EVLOOP_ONCE);
		event_free(t);
		all = done == N && w.ended;
		assert_false(expired);
	}
	for (int i = 0; i < N; i++) {
		expect_fail(&rs[i], CK_GRPC_UNAVAILABLE, 503, "connection lost");
		assert_false(rs[i].unprocessed);
		result_release(&rs[i]);
	}
	assert_int_equal(w.end_status, CK_GRPC_UNAVAILABLE);
	assert_int_equal(w.err->http_status, 503);
	ck_error_free(w.err);

	/* While it is down: refused, certainly not processed. */
	call_sync(conn, "/etcdserverpb.KV/Range", &req, 5000, &r);
	expect_fail(&r, CK_GRPC_UNAVAILABLE, 503, "cannot connect");
	assert_true(r.unprocessed);
	result_release(&r);

	ck_test_etcd_restart(etcd, 0);
	call_sync(conn, "/etcdserverpb.KV/Range", &req, 10000, &r);
	expect_ok(&r);
	result_release(&r);
	ck_grpc_conn_stats(conn, &st);
	assert_true(st.connects >= 3);
	assert_int_equal(st.connected, 2);
	ck_buf_release(&req);
	ck_grpc_conn_free(conn);
}

/*
 * etcd 3.4 closes its connections on a graceful stop without a GOAWAY we could see, so
 * GOAWAY is checked against the fake server (support/fake-grpc.h): on its first
 * connection it answers stream 1, then answers stream 3 with GOAWAY (last stream 1)
 * instead; later connections answer everything with an empty message and status OK.
 */
static void goaway_request(const struct ck_test_fake_grpc_req *req, void *arg)
{
	(void)arg;
	if (req->conn_index == 0 && req->stream_id > 1) {
		ck_test_fake_grpc_goaway(req->conn, 1);
		return;
	}
	ck_test_fake_grpc_headers(req, 200, CK_TEST_GRPC_CONTENT_TYPE);
	ck_test_fake_grpc_message(req, NULL, 0);
	ck_test_fake_grpc_trailers(req, CK_GRPC_OK, NULL);
}

static void test_goaway(void **state)
{
	struct ck_test_fake_grpc_hooks hooks = {.request = goaway_request};
	struct ck_test_fake_grpc *f = ck_test_fake_grpc_start(base, &hooks);
	struct ck_grpc_config cfg = {.endpoint = ck_test_fake_grpc_url(f)};
	struct ck_grpc_conn *conn;
	struct ck_grpc_stats st;
	struct result r, r2;

	(void)state;
	conn = conn_cfg(&cfg);
	call_sync(conn, "/fake.Svc/One", NULL, 5000, &r);
	expect_ok(&r);
	assert_int_equal(r.resp.len, 0);
	result_release(&r);
	/* Stream 3 is above the GOAWAY's last stream: refused, certainly not processed. */
	call_sync(conn, "/fake.Svc/Two", NULL, 5000, &r);
	expect_fail(&r, CK_GRPC_UNAVAILABLE, 503, "refused");
	assert_true(r.unprocessed);
	result_release(&r);
	ck_grpc_conn_stats(conn, &st);
	assert_int_equal(st.goaways, 1);
	/* New calls go to a new connection. */
	call_sync(conn, "/fake.Svc/Three", NULL, 5000, &r);
	expect_ok(&r);
	memset(&r2, 0, sizeof(r2));
	call_sync(conn, "/fake.Svc/Four", NULL, 5000, &r2);
	expect_ok(&r2);
	result_release(&r);
	result_release(&r2);
	ck_grpc_conn_stats(conn, &st);
	assert_int_equal(st.connects, 2);
	assert_int_equal(ck_test_fake_grpc_connections(f), 2);
	assert_int_equal(ck_test_fake_grpc_requests(f), 4);
	ck_grpc_conn_free(conn);
	ck_test_fake_grpc_free(f);
}

static void test_bad_endpoint(void **state)
{
	struct ck_grpc_conn *conn = NULL;
	struct ck_error *err = NULL;
	struct ck_grpc_config cfg = {.endpoint = "ftp://127.0.0.1:1"};
	const char *meta[] = {"hasleader", NULL};

	(void)state;
	assert_int_equal(ck_grpc_conn_new(base, &cfg, &conn, &err), -1);
	assert_int_equal(err->http_status, 400);
	ck_error_clear(&err);
	cfg.endpoint = "http://127.0.0.1:2379";
	cfg.metadata = meta;
	assert_int_equal(ck_grpc_conn_new(base, &cfg, &conn, &err), -1);
	ck_error_clear(&err);
	cfg.metadata = NULL;
	cfg.cert_file = "/nonexistent";
	assert_int_equal(ck_grpc_conn_new(base, &cfg, &conn, &err), -1);
	assert_non_null(strstr(err->msg, "together"));
	ck_error_clear(&err);
	assert_null(conn);
}

/* ---- TLS ------------------------------------------------------------------------------ */

static char *tls_dir;

static int tls_setup(void **state)
{
	(void)state;
	tls_dir = ck_test_pki_new("grpc-pki");
	etcd = ck_test_pki_etcd(tls_dir, "grpc-tls");
	return 0;
}

static int group_teardown(void **state)
{
	(void)state;
	ck_test_etcd_free(etcd);
	etcd = NULL;
	return 0;
}

static int tls_teardown(void **state)
{
	group_teardown(state);
	ck_test_rmtree(tls_dir);
	free(tls_dir);
	return 0;
}

static struct ck_grpc_conn *tls_conn(const char *ca, bool client_cert)
{
	ck_autofree char *caf = ck_xasprintf("%s/%s", tls_dir, ca);
	ck_autofree char *certf = ck_xasprintf("%s/client.crt", tls_dir);
	ck_autofree char *keyf = ck_xasprintf("%s/client.key", tls_dir);
	struct ck_grpc_config cfg = {.endpoint = etcd->tls_endpoints[0],
	                             .ca_file = caf,
	                             .cert_file = client_cert ? certf : NULL,
	                             .key_file = client_cert ? keyf : NULL};

	return conn_cfg(&cfg);
}

static void test_tls(void **state)
{
	struct ck_grpc_conn *conn = tls_conn("ca.crt", true);
	struct ck_buf req = CK_BUF_INIT;
	struct watch w = {.cancel_on_event = true};
	struct pb_field kv, v;
	struct result r;

	(void)state;
	call_sync(conn, "/etcdserverpb.Maintenance/Status", NULL, 10000, &r);
	expect_ok(&r);
	result_release(&r);
	watch_open(conn, &w, "/grpc/tls/");
	put(conn, "/grpc/tls/a", "secret", 6);
	run_until(&w.got_event, 10000, "the watch event over TLS");
	pb_bytes(&req, 1, "/grpc/tls/a", 11);
	call_sync(conn, "/etcdserverpb.KV/Range", &req, 5000, &r);
	expect_ok(&r);
	assert_true(pb_find(r.resp.data, r.resp.len, 2, &kv));
	assert_true(pb_find(kv.data, kv.len, 5, &v));
	assert_memory_equal(v.data, "secret", 6);
	result_release(&r);
	ck_grpc_conn_free(conn);

	/* A CA that did not sign the member's certificate: refused before anything is sent. */
	conn = tls_conn("other.crt", true);
	call_sync(conn, "/etcdserverpb.KV/Range", &req, 5000, &r);
	expect_fail(&r, CK_GRPC_UNAVAILABLE, 503, "certificate verify failed");
	assert_true(r.unprocessed);
	result_release(&r);
	ck_grpc_conn_free(conn);

	/* No client certificate: the member refuses the handshake. */
	conn = tls_conn("ca.crt", false);
	call_sync(conn, "/etcdserverpb.KV/Range", &req, 5000, &r);
	expect_fail(&r, CK_GRPC_UNAVAILABLE, 503, NULL);
	result_release(&r);
	ck_grpc_conn_free(conn);
	ck_buf_release(&req);
}

static int single_setup(void **state)
{
	struct ck_test_etcd_opts opts = {.what = "grpc"};

	(void)state;
	etcd = ck_test_etcd_start(&opts);
	return 0;
}

int main(void)
{
	const struct CMUnitTest single[] = {
	        cmocka_unit_test(test_status),          cmocka_unit_test(test_put_range),
	        cmocka_unit_test(test_multiplexed),     cmocka_unit_test(test_error_status),
	        cmocka_unit_test(test_deadline),        cmocka_unit_test(test_watch),
	        cmocka_unit_test(test_cancel_and_free), cmocka_unit_test(test_large_range),
	        cmocka_unit_test(test_kill_reconnect),
	};
	const struct CMUnitTest offline[] = {
	        cmocka_unit_test(test_status_mapping),
	        cmocka_unit_test(test_bad_endpoint),
	        cmocka_unit_test(test_goaway),
	};
	const struct CMUnitTest tls[] = {
	        cmocka_unit_test(test_tls),
	};
	int failed = 0;

	if (getenv("CK_TEST_DEBUG"))
		ck_log_set_level(CK_LOG_DEBUG);
	else
		ck_log_set_level(CK_LOG_WARN);
	signal(SIGPIPE, SIG_IGN);
	base = event_base_new();
	failed += cmocka_run_group_tests_name("grpc: offline", offline, NULL, NULL);
	failed += cmocka_run_group_tests_name("grpc: one member", single, single_setup,
	                                      group_teardown);
	failed += cmocka_run_group_tests_name("grpc: TLS", tls, tls_setup, tls_teardown);
	event_base_free(base);
	return failed ? 1 : 0;
}
