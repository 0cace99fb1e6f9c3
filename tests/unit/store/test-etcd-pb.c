/*
 * The etcd protobuf codec (src/store/etcd-pb.c): every request checked field by field with
 * a reader of the test's own (not the codec's), three of them byte for byte against
 * bench/etcd-grpc.c's hand encoder that etcd is known to accept; every response decoded
 * from messages written by a writer of the test's own, with unknown fields, repeated and
 * merged fields and 64-bit extremes; malformed replies as 500 InternalError, never a crash
 * (every truncation and many mutations of every valid reply); and then the codec against a
 * real etcd 3.4 over gRPC, through a minimal blocking HTTP/2 client on libnghttp2 that only
 * frames messages: every unary call ckube makes, the lease keepalive stream, and a watch
 * with events, an on-demand progress request, a cancel and a compacted start.
 *
 * CK_ETCD_PB_SEED_DIR=<dir>: also write every response decoded (those of the real etcd
 * included) there as a seed of tests/fuzz/fuzz-etcd-pb.c (byte 0: the decoder, see enum
 * seed_kind, which must match that target's table).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cmocka.h>
#include <nghttp2/nghttp2.h>
#include <openssl/sha.h>

#include "base/compat.h"

#include "base/buf.h"
#include "base/error.h"
#include "base/log.h"
#include "base/mem.h"
#include "store/etcd-pb.h"
#include "support/etcd-fixture.h"

/* ---- the test's own protobuf reader ---------------------------------------------------- */

struct tf {
	unsigned num, wt;
	uint64_t v;
	const uint8_t *p;
	size_t len;
};

static uint64_t t_varint(const uint8_t **p, const uint8_t *end)
{
	uint64_t v = 0;

	for (int shift = 0; shift < 70; shift += 7) {
		assert_true(*p < end);
		v |= (uint64_t)(**p & 0x7f) << shift;
		if (!(*(*p)++ & 0x80))
			return v;
	}
	fail_msg("varint too long");
	return 0;
}

/* Every field of msg in order, into fs (at most max); returns how many. */
static size_t t_fields(const void *msg, size_t len, struct tf *fs, size_t max)
{
	const uint8_t *p = len ? msg : (const uint8_t *)"", *end = p + len;
	size_t n = 0;

	while (p < end) {
		uint64_t tag = t_varint(&p, end);
		struct tf f = {.num = (unsigned)(tag >> 3), .wt = (unsigned)(tag & 7)};

		assert_true(f.num > 0);
		if (f.wt == 0) {
			f.v = t_varint(&p, end);
		} else if (f.wt == 2) {
			f.len = (size_t)t_varint(&p, end);
			assert_true(f.len <= (size_t)(end - p));
			f.p = p;
			p += f.len;
		} else {
			fail_msg("unexpected wire type %u in a request", f.wt);
		}
		assert_true(n < max);
		fs[n++] = f;
	}
	return n;
}

/* The nth occurrence of field num in msg, or NULL into *out. */
static bool t_get(const void *msg, size_t len, unsigned num, size_t nth, struct tf *out)
{
	struct tf fs[64];
	size_t n = t_fields(msg, len, fs, 64);

	for (size_t i = 0; i < n; i++)
		if (fs[i].num == num && nth-- == 0) {
			*out = fs[i];
			return true;
		}
	return false;
}

static size_t t_count(const void *msg, size_t len, unsigned num)
{
	struct tf fs[64];
	size_t n = t_fields(msg, len, fs, 64), c = 0;

	for (size_t i = 0; i < n; i++)
		c += fs[i].num == num;
	return c;
}

static uint64_t t_uint(const void *msg, size_t len, unsigned num)
{
	struct tf f;

	assert_true(t_get(msg, len, num, 0, &f));
	assert_int_equal(f.wt, 0);
	assert_int_equal(t_count(msg, len, num), 1);
	return f.v;
}

/* Field num, once, as a length-delimited field: its contents. */
static struct tf t_len(const void *msg, size_t len, unsigned num, size_t nth)
{
	struct tf f;

	assert_true(t_get(msg, len, num, nth, &f));
	assert_int_equal(f.wt, 2);
	return f;
}

static void t_bytes_eq(const void *msg, size_t len, unsigned num, const void *want, size_t wlen)
{
	struct tf f = t_len(msg, len, num, 0);

	assert_int_equal(t_count(msg, len, num), 1);
	assert_int_equal(f.len, wlen);
	assert_memory_equal(f.p, want, wlen);
}

static void t_absent(const void *msg, size_t len, unsigned num)
{
	assert_int_equal(t_count(msg, len, num), 0);
}

/* ---- the test's own protobuf writer ------------------------------------------------------ */

static void w_varint(struct ck_buf *b, uint64_t v)
{
	do {
		ck_buf_addch(b, (char)((v & 0x7f) | (v >= 0x80 ? 0x80 : 0)));
		v >>= 7;
	} while (v);
}

/* A varint field, written even when 0 (a decoder must accept that too). */
static void w_uint(struct ck_buf *b, unsigned num, uint64_t v)
{
	w_varint(b, (uint64_t)num << 3);
	w_varint(b, v);
}

static void w_bytes(struct ck_buf *b, unsigned num, const void *data, size_t len)
{
	w_varint(b, (uint64_t)num << 3 | 2);
	w_varint(b, len);
	ck_buf_add(b, data, len);
}

static void w_str(struct ck_buf *b, unsigned num, const char *s)
{
	w_bytes(b, num, s, strlen(s));
}

/* Field num holding sub's bytes; sub is released. */
static void w_msg(struct ck_buf *b, unsigned num, struct ck_buf *sub)
{
	w_bytes(b, num, sub->data, sub->len);
	ck_buf_release(sub);
}

/* Unknown fields of every wire type a decoder must skip. */
static void w_unknown(struct ck_buf *b)
{
	w_uint(b, 99, 12345);
	w_varint(b, 100 << 3 | 1);
	ck_buf_add(b, "\x01\x02\x03\x04\x05\x06\x07\x08", 8);
	w_varint(b, 101 << 3 | 5);
	ck_buf_add(b, "\x01\x02\x03\x04", 4);
	w_str(b, 102, "an unknown field");
}

#define CLUSTER_ID 0x8e9e05c52164694dULL
#define MEMBER_ID  0xcdf818194e3a8c32ULL

static void w_header(struct ck_buf *b, int64_t rev)
{
	struct ck_buf h = CK_BUF_INIT;

	w_uint(&h, 1, CLUSTER_ID);
	w_uint(&h, 2, MEMBER_ID);
	w_uint(&h, 3, (uint64_t)rev);
	w_uint(&h, 4, 7);
	w_unknown(&h);
	w_msg(b, 1, &h);
}

static void w_kv(struct ck_buf *b, unsigned num, const char *key, const void *value, size_t vlen,
                 int64_t create, int64_t mod, int64_t version, int64_t lease)
{
	struct ck_buf kv = CK_BUF_INIT;

	w_str(&kv, 1, key);
	w_uint(&kv, 2, (uint64_t)create);
	w_uint(&kv, 3, (uint64_t)mod);
	w_uint(&kv, 4, (uint64_t)version);
	if (value)
		w_bytes(&kv, 5, value, vlen);
	if (lease)
		w_uint(&kv, 6, (uint64_t)lease);
	w_unknown(&kv);
	w_msg(b, num, &kv);
}

static void assert_header(const struct ck_etcd_header *h, int64_t rev)
{
	assert_int_equal(h->revision, rev);
	assert_true(h->cluster_id == CLUSTER_ID);
	assert_true(h->member_id == MEMBER_ID);
	assert_int_equal(h->raft_term, 7);
}

static void assert_kv(const struct ck_etcd_kv *kv, const char *key, const void *value, size_t vlen,
                      int64_t create, int64_t mod, int64_t version, int64_t lease)
{
	assert_int_equal(kv->key_len, strlen(key));
	assert_string_equal(kv->key, key);
	assert_int_equal(kv->value_len, vlen);
	assert_memory_equal(kv->value, value, vlen);
	assert_int_equal(kv->value[vlen], '\0');
	assert_int_equal(kv->create_revision, create);
	assert_int_equal(kv->mod_revision, mod);
	assert_int_equal(kv->version, version);
	assert_int_equal(kv->lease, lease);
}

/* ---- fuzz seeds ------------------------------------------------------------------------ */

/* Byte 0 of a tests/fuzz/fuzz-etcd-pb.c input: which decoder reads the rest. */
enum seed_kind {
	SEED_RANGE,
	SEED_PUT,
	SEED_COMPACT,
	SEED_DELETE,
	SEED_TXN,
	SEED_CAS_CREATE,
	SEED_CAS_CREATE_NO_CURRENT,
	SEED_CAS_UPDATE,
	SEED_CAS_DELETE,
	SEED_LEASE_GRANT,
	SEED_LEASE_REVOKE,
	SEED_LEASE_KEEPALIVE,
	SEED_LEASE_TTL,
	SEED_MEMBER_LIST,
	SEED_MEMBER_ADD,
	SEED_MEMBER_REMOVE,
	SEED_STATUS,
	SEED_WATCH,
};

static void seed(enum seed_kind kind, const void *data, size_t len)
{
	const char *dir = getenv("CK_ETCD_PB_SEED_DIR");
	unsigned char md[SHA_DIGEST_LENGTH];
	struct ck_buf b = CK_BUF_INIT;
	char *path;
	FILE *f;

	if (!dir)
		return;
	ck_buf_addch(&b, (char)kind);
	ck_buf_add(&b, data, len);
	SHA1((const unsigned char *)b.data, b.len, md);
	path = ck_xasprintf("%s/%02d-%02x%02x%02x%02x%02x%02x", dir, (int)kind, md[0], md[1], md[2],
	                    md[3], md[4], md[5]);
	f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(b.data, 1, b.len, f), b.len);
	fclose(f);
	free(path);
	ck_buf_release(&b);
}

/* ---- requests ---------------------------------------------------------------------------- */

#define KEY "/registry/pods/default/a"
#define VAL "{\"v\":1}"

/*
 * Bytes printed by bench/etcd-grpc.c's pb_put_request, pb_create_txn and pb_watch_create
 * (built against this tree) for these arguments: the messages the benchmark sends etcd.
 */
static const char gold_put[] = "\x0a\x18" KEY "\x12\x07" VAL;
static const char gold_create_txn[] = "\x0a\x1e\x10\x01\x1a\x18" KEY "\x28\x00"
                                      "\x12\x25\x12\x23\x0a\x18" KEY "\x12\x07" VAL;
static const char gold_watch[] = "\x0a\x24\x0a\x0f/registry/pods/\x12\x0f/registry/pods0\x20\x01";

static void test_golden_bench(void **state)
{
	struct ck_etcd_put_req put = {.key = KEY, .value = VAL};
	struct ck_etcd_cas_req cas = {.key = KEY, .value = VAL, .no_current = true};
	struct ck_etcd_watch_req watch = {
	        .key = "/registry/pods/", .prefix = true, .progress_notify = true};
	struct ck_buf b = CK_BUF_INIT;

	(void)state;
	assert_int_equal(ck_etcd_pb_encode_put(&b, &put, NULL), 0);
	assert_int_equal(b.len, sizeof(gold_put) - 1);
	assert_memory_equal(b.data, gold_put, b.len);
	ck_buf_reset(&b);
	assert_int_equal(ck_etcd_pb_encode_cas(&b, CK_ETCD_PB_CAS_CREATE, &cas, NULL), 0);
	assert_int_equal(b.len, sizeof(gold_create_txn) - 1);
	assert_memory_equal(b.data, gold_create_txn, b.len);
	ck_buf_reset(&b);
	assert_int_equal(ck_etcd_pb_encode_watch_create(&b, &watch, NULL, NULL), 0);
	assert_int_equal(b.len, sizeof(gold_watch) - 1);
	assert_memory_equal(b.data, gold_watch, b.len);
	ck_buf_release(&b);
}

static void test_encode_range(void **state)
{
	struct ck_etcd_range_req req = {.key = "/a",
	                                .range_end = "/b",
	                                .limit = 500,
	                                .revision = 1LL << 40,
	                                .serializable = true,
	                                .keys_only = true,
	                                .count_only = true};
	struct ck_buf b = CK_BUF_INIT;
	struct ck_error *err = NULL;

	(void)state;
	assert_int_equal(ck_etcd_pb_encode_range(&b, &req, NULL), 0);
	t_bytes_eq(b.data, b.len, 1, "/a", 2);
	t_bytes_eq(b.data, b.len, 2, "/b", 2);
	assert_int_equal(t_uint(b.data, b.len, 3), 500);
	assert_int_equal(t_uint(b.data, b.len, 4), 1LL << 40);
	assert_int_equal(t_uint(b.data, b.len, 7), 1);
	assert_int_equal(t_uint(b.data, b.len, 8), 1);
	assert_int_equal(t_uint(b.data, b.len, 9), 1);
	for (unsigned n = 5; n <= 13; n++)
		if (n < 7 || n > 9)
			t_absent(b.data, b.len, n);

	/* Defaults are left out; a prefix's end increments the last byte below 0xff. */
	ck_buf_reset(&b);
	req = (struct ck_etcd_range_req){.key = "a\xff\xff", .prefix = true};
	assert_int_equal(ck_etcd_pb_encode_range(&b, &req, NULL), 0);
	assert_int_equal(b.len, 8);
	t_bytes_eq(b.data, b.len, 1, "a\xff\xff", 3);
	t_bytes_eq(b.data, b.len, 2, "b", 1);

	/* Only 0xff bytes: to the end of the keyspace; an empty prefix: every key. */
	ck_buf_reset(&b);
	req = (struct ck_etcd_range_req){.key = "\xff", .prefix = true};
	assert_int_equal(ck_etcd_pb_encode_range(&b, &req, NULL), 0);
	t_bytes_eq(b.data, b.len, 2, "\0", 1);
	ck_buf_reset(&b);
	req = (struct ck_etcd_range_req){.key = "", .prefix = true};
	assert_int_equal(ck_etcd_pb_encode_range(&b, &req, NULL), 0);
	t_bytes_eq(b.data, b.len, 1, "\0", 1);
	t_bytes_eq(b.data, b.len, 2, "\0", 1);

	/* Binary keys with an explicit length. */
	ck_buf_reset(&b);
	req = (struct ck_etcd_range_req){.key = "k\0z", .key_len = 3, .prefix = true};
	assert_int_equal(ck_etcd_pb_encode_range(&b, &req, NULL), 0);
	t_bytes_eq(b.data, b.len, 1, "k\0z", 3);
	t_bytes_eq(b.data, b.len, 2, "k\0{", 3);

	req = (struct ck_etcd_range_req){.limit = 1};
	assert_int_equal(ck_etcd_pb_encode_range(&b, &req, &err), -1);
	assert_int_equal(err->http_status, 400);
	ck_error_free(err);
	ck_buf_release(&b);
}

static void test_encode_put_delete(void **state)
{
	struct ck_etcd_put_req put = {
	        .key = "k", .value = "v\0w", .value_len = 3, .lease = 0x7fff, .prev_kv = true};
	struct ck_etcd_delete_req del = {.key = "/p/", .prefix = true, .prev_kv = true};
	struct ck_buf b = CK_BUF_INIT;
	struct ck_error *err = NULL;

	(void)state;
	assert_int_equal(ck_etcd_pb_encode_put(&b, &put, NULL), 0);
	t_bytes_eq(b.data, b.len, 1, "k", 1);
	t_bytes_eq(b.data, b.len, 2, "v\0w", 3);
	assert_int_equal(t_uint(b.data, b.len, 3), 0x7fff);
	assert_int_equal(t_uint(b.data, b.len, 4), 1);
	t_absent(b.data, b.len, 5);
	t_absent(b.data, b.len, 6);

	/* An empty value is proto3's default: not written (etcd reads it as ""). */
	ck_buf_reset(&b);
	put = (struct ck_etcd_put_req){.key = "k", .value = ""};
	assert_int_equal(ck_etcd_pb_encode_put(&b, &put, NULL), 0);
	assert_int_equal(b.len, 3);

	ck_buf_reset(&b);
	assert_int_equal(ck_etcd_pb_encode_delete(&b, &del, NULL), 0);
	t_bytes_eq(b.data, b.len, 1, "/p/", 3);
	t_bytes_eq(b.data, b.len, 2, "/p0", 3);
	assert_int_equal(t_uint(b.data, b.len, 3), 1);

	put = (struct ck_etcd_put_req){.value = "v"};
	assert_int_equal(ck_etcd_pb_encode_put(&b, &put, &err), -1);
	assert_int_equal(err->http_status, 400);
	ck_error_clear(&err);
	del = (struct ck_etcd_delete_req){0};
	assert_int_equal(ck_etcd_pb_encode_delete(&b, &del, &err), -1);
	assert_int_equal(err->http_status, 400);
	ck_error_free(err);
	ck_buf_release(&b);
}

/* The compare of a txn: the oneof member is written even when 0. */
static void check_cmp(const struct tf *c, unsigned result, unsigned target, const char *key,
                      unsigned union_field, uint64_t number)
{
	struct tf f;

	if (result)
		assert_int_equal(t_uint(c->p, c->len, 1), result);
	else
		t_absent(c->p, c->len, 1);
	if (target)
		assert_int_equal(t_uint(c->p, c->len, 2), target);
	else
		t_absent(c->p, c->len, 2);
	t_bytes_eq(c->p, c->len, 3, key, strlen(key));
	assert_true(t_get(c->p, c->len, union_field, 0, &f));
	if (union_field == 7)
		assert_int_equal(f.wt, 2);
	else
		assert_int_equal(t_uint(c->p, c->len, union_field), number);
	for (unsigned n = 4; n <= 8; n++)
		if (n != union_field)
			t_absent(c->p, c->len, n);
}

static void test_encode_txn(void **state)
{
	const struct ck_etcd_cmp cmps[] = {
	        {.key = "a",
	         .target = CK_ETCD_CMP_VERSION,
	         .result = CK_ETCD_CMP_EQUAL,
	         .number = 0},
	        {.key = "b",
	         .target = CK_ETCD_CMP_CREATE,
	         .result = CK_ETCD_CMP_GREATER,
	         .number = 3},
	        {.key = "c", .target = CK_ETCD_CMP_MOD, .result = CK_ETCD_CMP_LESS, .number = -1},
	        {.key = "d",
	         .target = CK_ETCD_CMP_VALUE,
	         .result = CK_ETCD_CMP_NOT_EQUAL,
	         .value = ""},
	        {.key = "e", .target = CK_ETCD_CMP_LEASE, .result = CK_ETCD_CMP_EQUAL, .number = 0},
	};
	const struct ck_etcd_op success[] = {
	        {.type = CK_ETCD_OP_PUT, .put = {.key = "a", .value = "1"}},
	        {.type = CK_ETCD_OP_DELETE, .del = {.key = "p/", .prefix = true}},
	};
	const struct ck_etcd_op failure[] = {
	        {.type = CK_ETCD_OP_RANGE, .range = {.key = "a", .keys_only = true}},
	};
	struct ck_etcd_txn_req req = {.cmps = cmps,
	                              .n_cmps = 5,
	                              .success = success,
	                              .n_success = 2,
	                              .failure = failure,
	                              .n_failure = 1};
	struct ck_buf b = CK_BUF_INIT;
	struct ck_error *err = NULL;
	struct ck_etcd_op bad_op;
	struct ck_etcd_cmp bad_cmp;
	struct tf c, op, inner;
	bool writes = false;

	(void)state;
	assert_int_equal(ck_etcd_pb_encode_txn(&b, &req, &writes, NULL), 0);
	assert_true(writes);
	assert_int_equal(t_count(b.data, b.len, 1), 5);
	c = t_len(b.data, b.len, 1, 0);
	check_cmp(&c, 0, 0, "a", 4, 0);
	c = t_len(b.data, b.len, 1, 1);
	check_cmp(&c, 1, 1, "b", 5, 3);
	c = t_len(b.data, b.len, 1, 2);
	check_cmp(&c, 2, 2, "c", 6, UINT64_MAX);
	c = t_len(b.data, b.len, 1, 3);
	check_cmp(&c, 3, 3, "d", 7, 0);
	assert_int_equal(t_len(c.p, c.len, 7, 0).len, 0);
	c = t_len(b.data, b.len, 1, 4);
	check_cmp(&c, 0, 4, "e", 8, 0);

	assert_int_equal(t_count(b.data, b.len, 2), 2);
	op = t_len(b.data, b.len, 2, 0);
	inner = t_len(op.p, op.len, 2, 0);
	t_bytes_eq(inner.p, inner.len, 1, "a", 1);
	t_bytes_eq(inner.p, inner.len, 2, "1", 1);
	op = t_len(b.data, b.len, 2, 1);
	inner = t_len(op.p, op.len, 3, 0);
	t_bytes_eq(inner.p, inner.len, 2, "p0", 2);
	op = t_len(b.data, b.len, 3, 0);
	inner = t_len(op.p, op.len, 1, 0);
	t_bytes_eq(inner.p, inner.len, 1, "a", 1);
	assert_int_equal(t_uint(inner.p, inner.len, 8), 1);

	/* Only ranges: a read. */
	ck_buf_reset(&b);
	req = (struct ck_etcd_txn_req){.failure = failure, .n_failure = 1};
	writes = true;
	assert_int_equal(ck_etcd_pb_encode_txn(&b, &req, &writes, NULL), 0);
	assert_false(writes);

	/* What the gateway path refuses, this refuses. */
	bad_op =
	        (struct ck_etcd_op){.type = CK_ETCD_OP_RANGE, .range = {.key = "a", .revision = 2}};
	req = (struct ck_etcd_txn_req){.success = &bad_op, .n_success = 1};
	assert_int_equal(ck_etcd_pb_encode_txn(&b, &req, NULL, &err), -1);
	assert_int_equal(err->http_status, 400);
	ck_error_clear(&err);
	bad_op = (struct ck_etcd_op){.type = (enum ck_etcd_op_type)7};
	assert_int_equal(ck_etcd_pb_encode_txn(&b, &req, NULL, &err), -1);
	assert_int_equal(err->http_status, 400);
	ck_error_clear(&err);
	bad_cmp = (struct ck_etcd_cmp){.key = "a", .target = (enum ck_etcd_cmp_target)9};
	req = (struct ck_etcd_txn_req){.cmps = &bad_cmp, .n_cmps = 1};
	assert_int_equal(ck_etcd_pb_encode_txn(&b, &req, NULL, &err), -1);
	assert_int_equal(err->http_status, 400);
	ck_error_clear(&err);
	bad_cmp = (struct ck_etcd_cmp){.target = CK_ETCD_CMP_MOD};
	assert_int_equal(ck_etcd_pb_encode_txn(&b, &req, NULL, &err), -1);
	assert_int_equal(err->http_status, 400);
	ck_error_free(err);
	ck_buf_release(&b);
}

static void test_encode_cas(void **state)
{
	struct ck_etcd_cas_req req = {.key = "k", .value = "v", .lease = 9, .mod_revision = 42};
	struct ck_buf b = CK_BUF_INIT;
	struct ck_error *err = NULL;
	struct tf c, op, inner;

	(void)state;
	/* update: MOD == rv, put with the lease, failure ranges the key. */
	assert_int_equal(ck_etcd_pb_encode_cas(&b, CK_ETCD_PB_CAS_UPDATE, &req, NULL), 0);
	c = t_len(b.data, b.len, 1, 0);
	check_cmp(&c, 0, 2, "k", 6, 42);
	op = t_len(b.data, b.len, 2, 0);
	inner = t_len(op.p, op.len, 2, 0);
	assert_int_equal(t_uint(inner.p, inner.len, 3), 9);
	op = t_len(b.data, b.len, 3, 0);
	inner = t_len(op.p, op.len, 1, 0);
	t_bytes_eq(inner.p, inner.len, 1, "k", 1);

	/* delete without a revision: CREATE > 0, delete with prev_kv. */
	ck_buf_reset(&b);
	req.mod_revision = 0;
	assert_int_equal(ck_etcd_pb_encode_cas(&b, CK_ETCD_PB_CAS_DELETE, &req, NULL), 0);
	c = t_len(b.data, b.len, 1, 0);
	check_cmp(&c, 1, 1, "k", 5, 0);
	op = t_len(b.data, b.len, 2, 0);
	inner = t_len(op.p, op.len, 3, 0);
	assert_int_equal(t_uint(inner.p, inner.len, 3), 1);
	assert_int_equal(t_count(b.data, b.len, 3), 1);

	/* create with the current object: the failure range is there. */
	ck_buf_reset(&b);
	assert_int_equal(ck_etcd_pb_encode_cas(&b, CK_ETCD_PB_CAS_CREATE, &req, NULL), 0);
	assert_int_equal(t_count(b.data, b.len, 3), 1);

	req.key = NULL;
	assert_int_equal(ck_etcd_pb_encode_cas(&b, CK_ETCD_PB_CAS_CREATE, &req, &err), -1);
	assert_int_equal(err->http_status, 400);
	ck_error_free(err);
	ck_buf_release(&b);
}

static void test_encode_misc(void **state)
{
	const char *const urls[] = {"http://10.0.0.1:2380", "http://10.0.0.2:2380", NULL};
	struct ck_etcd_compact_req compact = {.revision = 77, .physical = true};
	struct ck_etcd_lease_req lease = {.id = 0x1234, .ttl = 30, .keys = true};
	struct ck_etcd_member_req member = {.peer_urls = urls, .is_learner = true, .id = 99};
	struct ck_buf b = CK_BUF_INIT;
	struct ck_error *err = NULL;

	(void)state;
	assert_int_equal(ck_etcd_pb_encode_compact(&b, &compact, NULL), 0);
	assert_int_equal(t_uint(b.data, b.len, 1), 77);
	assert_int_equal(t_uint(b.data, b.len, 2), 1);
	compact.revision = 0;
	assert_int_equal(ck_etcd_pb_encode_compact(&b, &compact, &err), -1);
	assert_int_equal(err->http_status, 400);
	ck_error_clear(&err);

	ck_buf_reset(&b);
	assert_int_equal(ck_etcd_pb_encode_lease(&b, CK_ETCD_PB_LEASE_GRANT, &lease, NULL), 0);
	assert_int_equal(t_uint(b.data, b.len, 1), 30);
	assert_int_equal(t_uint(b.data, b.len, 2), 0x1234);
	for (int k = CK_ETCD_PB_LEASE_REVOKE; k <= CK_ETCD_PB_LEASE_TTL; k++) {
		ck_buf_reset(&b);
		assert_int_equal(ck_etcd_pb_encode_lease(&b, k, &lease, NULL), 0);
		assert_int_equal(t_uint(b.data, b.len, 1), 0x1234);
		if (k == CK_ETCD_PB_LEASE_TTL)
			assert_int_equal(t_uint(b.data, b.len, 2), 1);
		else
			t_absent(b.data, b.len, 2);
	}
	lease.id = 0;
	assert_int_equal(ck_etcd_pb_encode_lease(&b, CK_ETCD_PB_LEASE_REVOKE, &lease, &err), -1);
	assert_int_equal(err->http_status, 400);
	ck_error_clear(&err);
	lease.ttl = 0;
	assert_int_equal(ck_etcd_pb_encode_lease(&b, CK_ETCD_PB_LEASE_GRANT, &lease, &err), -1);
	assert_int_equal(err->http_status, 400);
	ck_error_clear(&err);

	ck_buf_reset(&b);
	assert_int_equal(ck_etcd_pb_encode_member(&b, CK_ETCD_PB_MEMBER_LIST, NULL, NULL), 0);
	assert_int_equal(b.len, 0);
	assert_int_equal(ck_etcd_pb_encode_member(&b, CK_ETCD_PB_MEMBER_ADD, &member, NULL), 0);
	assert_int_equal(t_count(b.data, b.len, 1), 2);
	assert_int_equal(t_len(b.data, b.len, 1, 1).len, strlen(urls[1]));
	assert_memory_equal(t_len(b.data, b.len, 1, 1).p, urls[1], strlen(urls[1]));
	assert_int_equal(t_uint(b.data, b.len, 2), 1);
	ck_buf_reset(&b);
	assert_int_equal(ck_etcd_pb_encode_member(&b, CK_ETCD_PB_MEMBER_REMOVE, &member, NULL), 0);
	assert_int_equal(t_uint(b.data, b.len, 1), 99);
	member = (struct ck_etcd_member_req){0};
	assert_int_equal(ck_etcd_pb_encode_member(&b, CK_ETCD_PB_MEMBER_ADD, &member, &err), -1);
	assert_int_equal(err->http_status, 400);
	ck_error_clear(&err);
	assert_int_equal(ck_etcd_pb_encode_member(&b, CK_ETCD_PB_MEMBER_REMOVE, &member, &err), -1);
	assert_int_equal(err->http_status, 400);
	ck_error_clear(&err);

	ck_buf_reset(&b);
	ck_etcd_pb_encode_status(&b);
	assert_int_equal(b.len, 0);
	ck_buf_release(&b);
}

static void test_encode_watch(void **state)
{
	struct ck_etcd_watch_req req = {.key = "/k/",
	                                .range_end = "/k0",
	                                .start_revision = 300,
	                                .prev_kv = true,
	                                .progress_notify = true};
	struct ck_etcd_pb_watch_opts opts = {
	        .watch_id = 7, .fragment = true, .no_put = true, .no_delete = true};
	struct ck_buf b = CK_BUF_INIT;
	struct ck_error *err = NULL;
	struct tf c, filters;

	(void)state;
	assert_int_equal(ck_etcd_pb_encode_watch_create(&b, &req, &opts, NULL), 0);
	assert_int_equal(t_count(b.data, b.len, 1), 1);
	c = t_len(b.data, b.len, 1, 0);
	t_bytes_eq(c.p, c.len, 1, "/k/", 3);
	t_bytes_eq(c.p, c.len, 2, "/k0", 3);
	assert_int_equal(t_uint(c.p, c.len, 3), 300);
	assert_int_equal(t_uint(c.p, c.len, 4), 1);
	/* filters: packed, NOPUT (0) then NODELETE (1). */
	filters = t_len(c.p, c.len, 5, 0);
	assert_int_equal(filters.len, 2);
	assert_memory_equal(filters.p, "\x00\x01", 2);
	assert_int_equal(t_uint(c.p, c.len, 6), 1);
	assert_int_equal(t_uint(c.p, c.len, 7), 7);
	assert_int_equal(t_uint(c.p, c.len, 8), 1);

	ck_buf_reset(&b);
	ck_etcd_pb_encode_watch_cancel(&b, 5);
	assert_int_equal(b.len, 4);
	assert_memory_equal(b.data, "\x12\x02\x08\x05", 4);
	ck_buf_reset(&b);
	/* watch 0 is etcd's first: the empty cancel_request still says which member. */
	ck_etcd_pb_encode_watch_cancel(&b, 0);
	assert_int_equal(b.len, 2);
	assert_memory_equal(b.data, "\x12\x00", 2);
	ck_buf_reset(&b);
	ck_etcd_pb_encode_watch_progress(&b);
	assert_int_equal(b.len, 2);
	assert_memory_equal(b.data, "\x1a\x00", 2);

	req = (struct ck_etcd_watch_req){.key = "k", .start_revision = -1};
	assert_int_equal(ck_etcd_pb_encode_watch_create(&b, &req, NULL, &err), -1);
	assert_int_equal(err->http_status, 400);
	ck_error_clear(&err);
	req = (struct ck_etcd_watch_req){0};
	assert_int_equal(ck_etcd_pb_encode_watch_create(&b, &req, NULL, &err), -1);
	assert_int_equal(err->http_status, 400);
	ck_error_free(err);
	ck_buf_release(&b);
}

/* ---- responses --------------------------------------------------------------------------- */

/* Decode data as kind, checking the invariants every result has, and drop the result. */
static int decode_any(enum seed_kind kind, const void *data, size_t len, struct ck_error **err);

static void test_decode_range(void **state)
{
	struct ck_buf b = CK_BUF_INIT, h = CK_BUF_INIT;
	struct ck_etcd_range_result *res;

	(void)state;
	/* A first header, merged with the second: revision from the second. */
	w_uint(&h, 1, CLUSTER_ID);
	w_uint(&h, 3, 1);
	w_msg(&b, 1, &h);
	w_kv(&b, 2, "/a", "x\0y", 3, 2, 3, 4, 0);
	w_unknown(&b);
	w_kv(&b, 2, "/b", NULL, 0, 5, 6, 1, -2);
	w_uint(&b, 3, 1);
	w_uint(&b, 4, 1);
	w_uint(&b, 4, INT64_MAX);
	w_header(&b, 9);
	w_kv(&b, 2, "/c", "", 0, 7, 8, 1, 0);
	seed(SEED_RANGE, b.data, b.len);
	assert_int_equal(ck_etcd_pb_decode_range(b.data, b.len, &res, NULL), 0);
	assert_header(&res->header, 9);
	assert_int_equal(res->n_kvs, 3);
	assert_kv(&res->kvs[0], "/a", "x\0y", 3, 2, 3, 4, 0);
	assert_kv(&res->kvs[1], "/b", "", 0, 5, 6, 1, -2);
	assert_kv(&res->kvs[2], "/c", "", 0, 7, 8, 1, 0);
	assert_true(res->more);
	assert_int_equal(res->count, INT64_MAX);
	ck_etcd_range_result_free(res);

	/* The empty message: every default. */
	assert_int_equal(ck_etcd_pb_decode_range(NULL, 0, &res, NULL), 0);
	assert_int_equal(res->n_kvs, 0);
	assert_int_equal(res->header.revision, 0);
	ck_etcd_range_result_free(res);
	ck_buf_release(&b);
}

static void test_decode_put_delete_compact(void **state)
{
	struct ck_buf b = CK_BUF_INIT, kv = CK_BUF_INIT;
	struct ck_etcd_delete_result *del;
	struct ck_etcd_put_result *put;

	(void)state;
	w_header(&b, 10);
	/* prev_kv twice: merged, the later key wins. */
	w_kv(&b, 2, "/old", "1", 1, 2, 2, 1, 0);
	w_str(&kv, 1, "/k");
	w_uint(&kv, 4, 2);
	w_msg(&b, 2, &kv);
	seed(SEED_PUT, b.data, b.len);
	assert_int_equal(ck_etcd_pb_decode_put(b.data, b.len, &put, NULL), 0);
	assert_header(&put->header, 10);
	assert_non_null(put->prev_kv);
	assert_kv(put->prev_kv, "/k", "1", 1, 2, 2, 2, 0);
	ck_etcd_put_result_free(put);

	/* A compaction reads only the header; field 2 is unknown there. */
	assert_int_equal(ck_etcd_pb_decode_compact(b.data, b.len, &put, NULL), 0);
	assert_header(&put->header, 10);
	assert_null(put->prev_kv);
	ck_etcd_put_result_free(put);
	ck_buf_reset(&b);
	w_header(&b, 11);
	w_uint(&b, 2, 5);
	seed(SEED_COMPACT, b.data, b.len);
	assert_int_equal(ck_etcd_pb_decode_compact(b.data, b.len, &put, NULL), 0);
	ck_etcd_put_result_free(put);

	ck_buf_reset(&b);
	w_header(&b, 12);
	w_uint(&b, 2, 2);
	w_kv(&b, 3, "/a", "1", 1, 3, 4, 1, 0);
	w_kv(&b, 3, "/b", "2", 1, 5, 6, 2, 0);
	seed(SEED_DELETE, b.data, b.len);
	assert_int_equal(ck_etcd_pb_decode_delete(b.data, b.len, &del, NULL), 0);
	assert_header(&del->header, 12);
	assert_int_equal(del->deleted, 2);
	assert_int_equal(del->n_prev_kvs, 2);
	assert_kv(&del->prev_kvs[1], "/b", "2", 1, 5, 6, 2, 0);
	ck_etcd_delete_result_free(del);
	ck_buf_release(&b);
}

/* A ResponseOp holding one response of field num. */
static void w_op(struct ck_buf *b, unsigned num, struct ck_buf *resp)
{
	struct ck_buf op = CK_BUF_INIT;

	w_msg(&op, num, resp);
	w_msg(b, 3, &op);
}

static void test_decode_txn_cas(void **state)
{
	struct ck_buf b = CK_BUF_INIT, r = CK_BUF_INIT, op = CK_BUF_INIT;
	struct ck_etcd_txn_result *txn;
	struct ck_etcd_cas_result *cas;
	struct ck_error *err = NULL;

	(void)state;
	w_header(&b, 20);
	w_uint(&b, 2, 1);
	w_header(&r, 20);
	w_kv(&r, 2, "/a", "A", 1, 3, 3, 1, 0);
	w_uint(&r, 4, 1);
	w_op(&b, 1, &r);
	w_header(&r, 20);
	w_kv(&r, 2, "/p", "P", 1, 4, 4, 1, 0);
	w_op(&b, 2, &r);
	w_uint(&r, 2, 1);
	w_kv(&r, 3, "/d", "D", 1, 5, 5, 1, 0);
	w_op(&b, 3, &r);
	/* A oneof given twice: the last member wins (a put replaced by a delete). */
	w_kv(&r, 2, "/gone", "G", 1, 1, 1, 1, 0);
	w_msg(&op, 2, &r);
	w_uint(&r, 2, 3);
	w_msg(&op, 3, &r);
	w_msg(&b, 3, &op);
	seed(SEED_TXN, b.data, b.len);
	assert_int_equal(ck_etcd_pb_decode_txn(b.data, b.len, &txn, NULL), 0);
	assert_header(&txn->header, 20);
	assert_true(txn->succeeded);
	assert_int_equal(txn->n_responses, 4);
	assert_int_equal(txn->responses[0].type, CK_ETCD_OP_RANGE);
	assert_int_equal(txn->responses[0].range.n_kvs, 1);
	assert_kv(&txn->responses[0].range.kvs[0], "/a", "A", 1, 3, 3, 1, 0);
	assert_int_equal(txn->responses[0].range.count, 1);
	assert_int_equal(txn->responses[1].type, CK_ETCD_OP_PUT);
	assert_kv(txn->responses[1].put.prev_kv, "/p", "P", 1, 4, 4, 1, 0);
	assert_int_equal(txn->responses[2].type, CK_ETCD_OP_DELETE);
	assert_int_equal(txn->responses[2].del.deleted, 1);
	assert_kv(&txn->responses[2].del.prev_kvs[0], "/d", "D", 1, 5, 5, 1, 0);
	assert_int_equal(txn->responses[3].type, CK_ETCD_OP_DELETE);
	assert_int_equal(txn->responses[3].del.deleted, 3);
	ck_etcd_txn_result_free(txn);

	/* A failed update: the current kv from the failure range. */
	ck_buf_reset(&b);
	w_header(&b, 21);
	w_kv(&r, 2, "/k", "cur", 3, 2, 19, 4, 0);
	w_op(&b, 1, &r);
	seed(SEED_CAS_UPDATE, b.data, b.len);
	assert_int_equal(
	        ck_etcd_pb_decode_cas(CK_ETCD_PB_CAS_UPDATE, false, b.data, b.len, &cas, NULL), 0);
	assert_false(cas->succeeded);
	assert_header(&cas->header, 21);
	assert_kv(cas->kv, "/k", "cur", 3, 2, 19, 4, 0);
	ck_etcd_cas_result_free(cas);
	/* The same reply to a create without the failure range is not what it asked. */
	assert_int_equal(
	        ck_etcd_pb_decode_cas(CK_ETCD_PB_CAS_CREATE, true, b.data, b.len, &cas, &err), -1);
	assert_null(cas);
	assert_int_equal(err->http_status, 500);
	ck_error_clear(&err);

	/* A failed create without the failure range: no response, no kv. */
	ck_buf_reset(&b);
	w_header(&b, 22);
	seed(SEED_CAS_CREATE_NO_CURRENT, b.data, b.len);
	assert_int_equal(
	        ck_etcd_pb_decode_cas(CK_ETCD_PB_CAS_CREATE, true, b.data, b.len, &cas, NULL), 0);
	assert_false(cas->succeeded);
	assert_null(cas->kv);
	ck_etcd_cas_result_free(cas);

	/* A successful create: one put response, no kv. */
	ck_buf_reset(&b);
	w_header(&b, 23);
	w_uint(&b, 2, 1);
	w_header(&r, 23);
	w_op(&b, 2, &r);
	seed(SEED_CAS_CREATE, b.data, b.len);
	assert_int_equal(
	        ck_etcd_pb_decode_cas(CK_ETCD_PB_CAS_CREATE, false, b.data, b.len, &cas, NULL), 0);
	assert_true(cas->succeeded);
	assert_int_equal(cas->header.revision, 23);
	assert_null(cas->kv);
	ck_etcd_cas_result_free(cas);

	/* A successful delete: the deleted kv. */
	ck_buf_reset(&b);
	w_header(&b, 24);
	w_uint(&b, 2, 1);
	w_uint(&r, 2, 1);
	w_kv(&r, 3, "/k", "old", 3, 2, 20, 5, 0);
	w_op(&b, 3, &r);
	seed(SEED_CAS_DELETE, b.data, b.len);
	assert_int_equal(
	        ck_etcd_pb_decode_cas(CK_ETCD_PB_CAS_DELETE, false, b.data, b.len, &cas, NULL), 0);
	assert_true(cas->succeeded);
	assert_kv(cas->kv, "/k", "old", 3, 2, 20, 5, 0);
	ck_etcd_cas_result_free(cas);
	ck_buf_release(&b);
}

static void test_decode_lease(void **state)
{
	struct ck_buf b = CK_BUF_INIT;
	struct ck_etcd_lease_result *res;
	struct ck_error *err = NULL;

	(void)state;
	w_header(&b, 30);
	w_uint(&b, 2, 0x694d77aa9e38260fULL);
	w_uint(&b, 3, 60);
	seed(SEED_LEASE_GRANT, b.data, b.len);
	assert_int_equal(ck_etcd_pb_decode_lease(CK_ETCD_PB_LEASE_GRANT, b.data, b.len, &res, NULL),
	                 0);
	assert_header(&res->header, 30);
	assert_int_equal(res->id, 0x694d77aa9e38260fLL);
	assert_int_equal(res->ttl, 60);
	ck_etcd_lease_result_free(res);
	assert_int_equal(
	        ck_etcd_pb_decode_lease(CK_ETCD_PB_LEASE_KEEPALIVE, b.data, b.len, &res, NULL), 0);
	assert_int_equal(res->ttl, 60);
	ck_etcd_lease_result_free(res);
	seed(SEED_LEASE_KEEPALIVE, b.data, b.len);
	/* A revoke's reply has only the header: the ID there is unknown to it. */
	assert_int_equal(
	        ck_etcd_pb_decode_lease(CK_ETCD_PB_LEASE_REVOKE, b.data, b.len, &res, NULL), 0);
	assert_int_equal(res->id, 0);
	ck_etcd_lease_result_free(res);

	/* The grant's error field (a string) is field 4, time-to-live's grantedTTL a number. */
	w_str(&b, 4, "lease already exists");
	assert_int_equal(ck_etcd_pb_decode_lease(CK_ETCD_PB_LEASE_GRANT, b.data, b.len, &res, &err),
	                 -1);
	assert_int_equal(err->http_status, 500);
	assert_non_null(strstr(err->msg, "lease already exists"));
	ck_error_clear(&err);
	assert_int_equal(ck_etcd_pb_decode_lease(CK_ETCD_PB_LEASE_TTL, b.data, b.len, &res, &err),
	                 -1);
	assert_non_null(
	        strstr(err->msg, "malformed etcd reply: LeaseTimeToLiveResponse.grantedTTL"));
	ck_error_clear(&err);

	ck_buf_reset(&b);
	w_header(&b, 31);
	w_uint(&b, 2, 5);
	w_uint(&b, 3, (uint64_t)-1);
	w_uint(&b, 4, 60);
	w_str(&b, 5, "/a");
	w_bytes(&b, 5, "/b\0", 3);
	seed(SEED_LEASE_TTL, b.data, b.len);
	assert_int_equal(ck_etcd_pb_decode_lease(CK_ETCD_PB_LEASE_TTL, b.data, b.len, &res, NULL),
	                 0);
	assert_int_equal(res->ttl, -1);
	assert_int_equal(res->granted_ttl, 60);
	assert_int_equal(res->n_keys, 2);
	assert_kv(&res->keys[0], "/a", "", 0, 0, 0, 0, 0);
	assert_int_equal(res->keys[1].key_len, 3);
	assert_memory_equal(res->keys[1].key, "/b\0", 4);
	assert_string_equal(res->keys[1].value, "");
	ck_etcd_lease_result_free(res);
	ck_buf_release(&b);
}

static void w_member(struct ck_buf *b, unsigned num, uint64_t id, const char *name,
                     const char *peer, const char *client, bool learner)
{
	struct ck_buf m = CK_BUF_INIT;

	w_uint(&m, 1, id);
	if (name)
		w_str(&m, 2, name);
	w_str(&m, 3, peer);
	w_str(&m, 3, "http://peer2");
	if (client)
		w_str(&m, 4, client);
	w_uint(&m, 5, learner);
	w_unknown(&m);
	w_msg(b, num, &m);
}

static void test_decode_member_status(void **state)
{
	struct ck_buf b = CK_BUF_INIT;
	struct ck_etcd_member_result *res;
	struct ck_etcd_status_result *st;
	char **errors;

	(void)state;
	w_header(&b, 40);
	w_member(&b, 2, UINT64_MAX, "m0", "http://p0", "http://c0", false);
	w_member(&b, 2, 2, NULL, "http://p1", NULL, true);
	seed(SEED_MEMBER_LIST, b.data, b.len);
	seed(SEED_MEMBER_REMOVE, b.data, b.len);
	assert_int_equal(
	        ck_etcd_pb_decode_member(CK_ETCD_PB_MEMBER_LIST, b.data, b.len, &res, NULL), 0);
	assert_header(&res->header, 40);
	assert_null(res->added);
	assert_int_equal(res->n_members, 2);
	assert_true(res->members[0].id == UINT64_MAX);
	assert_string_equal(res->members[0].name, "m0");
	assert_string_equal(res->members[0].peer_urls[0], "http://p0");
	assert_string_equal(res->members[0].peer_urls[1], "http://peer2");
	assert_null(res->members[0].peer_urls[2]);
	assert_string_equal(res->members[0].client_urls[0], "http://c0");
	assert_null(res->members[0].client_urls[1]);
	assert_false(res->members[0].is_learner);
	assert_string_equal(res->members[1].name, "");
	assert_null(res->members[1].client_urls[0]);
	assert_true(res->members[1].is_learner);
	ck_etcd_member_result_free(res);

	/* MemberAddResponse: field 2 is the added member, 3 the members. */
	ck_buf_reset(&b);
	w_header(&b, 41);
	w_member(&b, 2, 3, NULL, "http://p3", NULL, true);
	w_member(&b, 3, 1, "m0", "http://p0", "http://c0", false);
	w_member(&b, 3, 3, NULL, "http://p3", NULL, true);
	seed(SEED_MEMBER_ADD, b.data, b.len);
	assert_int_equal(ck_etcd_pb_decode_member(CK_ETCD_PB_MEMBER_ADD, b.data, b.len, &res, NULL),
	                 0);
	assert_non_null(res->added);
	assert_int_equal(res->added->id, 3);
	assert_int_equal(res->n_members, 2);
	ck_etcd_member_result_free(res);

	ck_buf_reset(&b);
	w_header(&b, 42);
	w_str(&b, 2, "3.4.23");
	w_uint(&b, 3, 1 << 20);
	w_uint(&b, 4, MEMBER_ID);
	w_uint(&b, 5, 100);
	w_uint(&b, 6, 7);
	w_uint(&b, 7, 99);
	w_str(&b, 8, "NOSPACE");
	w_str(&b, 8, "CORRUPT");
	w_uint(&b, 9, 1 << 19);
	w_uint(&b, 10, 1);
	seed(SEED_STATUS, b.data, b.len);
	assert_int_equal(ck_etcd_pb_decode_status(b.data, b.len, &st, &errors, NULL), 0);
	assert_header(&st->header, 42);
	assert_null(st->endpoint);
	assert_string_equal(st->version, "3.4.23");
	assert_int_equal(st->db_size, 1 << 20);
	assert_true(st->leader == MEMBER_ID);
	assert_int_equal(st->raft_index, 100);
	assert_int_equal(st->raft_term, 7);
	assert_int_equal(st->raft_applied_index, 99);
	assert_int_equal(st->db_size_in_use, 1 << 19);
	assert_true(st->is_learner);
	assert_string_equal(errors[0], "NOSPACE");
	assert_string_equal(errors[1], "CORRUPT");
	assert_null(errors[2]);
	ck_str_list_free(errors);
	ck_etcd_status_result_free(st);
	assert_int_equal(ck_etcd_pb_decode_status(NULL, 0, &st, NULL, NULL), 0);
	assert_string_equal(st->version, "");
	ck_etcd_status_result_free(st);
	ck_buf_release(&b);
}

static void w_event(struct ck_buf *b, unsigned type, const char *key, const char *value,
                    int64_t mod, const char *prev)
{
	struct ck_buf ev = CK_BUF_INIT;

	if (type)
		w_uint(&ev, 1, type);
	w_kv(&ev, 2, key, value, value ? strlen(value) : 0, type ? 0 : 2, mod, type ? 0 : 1, 0);
	if (prev)
		w_kv(&ev, 3, key, prev, strlen(prev), 2, mod - 1, 1, 0);
	w_msg(b, 11, &ev);
}

static void test_decode_watch(void **state)
{
	struct ck_etcd_pb_watch_response *res;
	struct ck_buf b = CK_BUF_INIT;

	(void)state;
	w_header(&b, 50);
	w_uint(&b, 2, 0);
	w_uint(&b, 3, 1);
	seed(SEED_WATCH, b.data, b.len);
	assert_int_equal(ck_etcd_pb_decode_watch(b.data, b.len, &res, NULL), 0);
	assert_true(res->created);
	assert_false(res->canceled);
	assert_string_equal(res->cancel_reason, "");
	assert_int_equal(res->n_events, 0);
	ck_etcd_pb_watch_response_free(res);

	ck_buf_reset(&b);
	w_header(&b, 52);
	w_event(&b, 0, "/w/a", "1", 51, NULL);
	w_event(&b, 1, "/w/a", NULL, 52, "1");
	w_uint(&b, 7, 1);
	w_uint(&b, 2, (uint64_t)-1); /* etcd's progress notifications for every watcher */
	seed(SEED_WATCH, b.data, b.len);
	assert_int_equal(ck_etcd_pb_decode_watch(b.data, b.len, &res, NULL), 0);
	assert_int_equal(res->watch_id, -1);
	assert_true(res->fragment);
	assert_int_equal(res->n_events, 2);
	assert_int_equal(res->events[0].type, CK_ETCD_EVENT_PUT);
	assert_kv(&res->events[0].kv, "/w/a", "1", 1, 2, 51, 1, 0);
	assert_null(res->events[0].prev_kv);
	assert_int_equal(res->events[1].type, CK_ETCD_EVENT_DELETE);
	assert_kv(&res->events[1].kv, "/w/a", "", 0, 0, 52, 0, 0);
	assert_kv(res->events[1].prev_kv, "/w/a", "1", 1, 2, 51, 1, 0);
	ck_etcd_pb_watch_response_free(res);

	ck_buf_reset(&b);
	w_header(&b, 60);
	w_uint(&b, 4, 1);
	w_uint(&b, 5, 55);
	w_str(&b, 6, "etcdserver: mvcc: required revision has been compacted");
	seed(SEED_WATCH, b.data, b.len);
	assert_int_equal(ck_etcd_pb_decode_watch(b.data, b.len, &res, NULL), 0);
	assert_true(res->canceled);
	assert_int_equal(res->compact_revision, 55);
	assert_non_null(strstr(res->cancel_reason, "compacted"));
	ck_etcd_pb_watch_response_free(res);
	ck_buf_release(&b);
}

/* ---- malformed replies ------------------------------------------------------------------- */

static const struct {
	enum seed_kind kind;
	const char *data;
	size_t len;
	const char *msg; /* what the error says after "malformed etcd reply: " */
} malformed[] = {
#define M(kind, lit, msg)                                                                          \
	{                                                                                          \
		kind, lit, sizeof(lit) - 1, msg                                                    \
	}
        M(SEED_RANGE, "\x08", "RangeResponse: field 1: truncated varint"),
        M(SEED_RANGE, "\x20\x80\x80", "RangeResponse: field 4: truncated varint"),
        M(SEED_RANGE, "\x80", "RangeResponse: truncated varint"),
        /* 11 bytes, and 10 whose last holds more than bit 63. */
        M(SEED_RANGE, "\x20\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01",
          "RangeResponse: field 4: varint overflows 64 bits"),
        M(SEED_RANGE, "\x20\xff\xff\xff\xff\xff\xff\xff\xff\xff\x02",
          "RangeResponse: field 4: varint overflows 64 bits"),
        M(SEED_RANGE, "\xff\xff\xff\xff\xff\xff\xff\xff\xff\x02",
          "RangeResponse: varint overflows 64 bits"),
        M(SEED_RANGE, "\x12\x05\x0a\x01", "RangeResponse: field 2: length 5 past the end"),
        M(SEED_RANGE, "\x12\xff\xff\xff\xff\xff\xff\xff\xff\x7f", "RangeResponse: field 2: length"),
        M(SEED_RANGE, "\x12\x04\x0a\x05/abc", "RangeResponse.kvs[0]: field 1: length 5"),
        M(SEED_RANGE, "\x12\x02\x10\x01\x12\x02\x28\x01", "RangeResponse.kvs[1].value: varint"),
        M(SEED_RANGE, "\x0a\x03\x1a\x01\x00", "RangeResponse.header.revision: length-delimited"),
        M(SEED_RANGE, "\x18\x01\x1a\x00", "RangeResponse.more: length-delimited"),
        M(SEED_RANGE, "\x00\x01", "RangeResponse: invalid field number 0"),
        M(SEED_RANGE, "\xf8\xff\xff\xff\x1f\x01", "RangeResponse: invalid field number"),
        M(SEED_RANGE, "\x0b\x0c", "RangeResponse: field 1: unsupported wire type 3"),
        M(SEED_RANGE, "\x0e", "RangeResponse: field 1: unsupported wire type 6"),
        M(SEED_RANGE, "\x09\x01\x02", "RangeResponse: field 1: truncated fixed64"),
        M(SEED_RANGE, "\x0d\x01", "RangeResponse: field 1: truncated fixed32"),
        M(SEED_PUT, "\x12\x01\x0a", "PutResponse.prev_kv: field 1: truncated varint"),
        M(SEED_DELETE, "\x1a\x01\x00", "DeleteRangeResponse.prev_kvs[0]: invalid field number 0"),
        M(SEED_TXN, "\x1a\x00", "TxnResponse.responses[0]: no operation"),
        M(SEED_TXN, "\x1a\x02\x22\x00", "TxnResponse.responses[0].response_txn: nested"),
        M(SEED_TXN, "\x1a\x02\x08\x01", "TxnResponse.responses[0].response_range: varint"),
        M(SEED_TXN, "\x1a\x05\x0a\x03\x12\x01\x00",
          "TxnResponse.responses[0].response_range.kvs[0]: invalid field number 0"),
        M(SEED_TXN, "\x1a\x04\x0a\x02\x18\x80",
          "TxnResponse.responses[0].response_range: field 3: truncated varint"),
        M(SEED_TXN, "\x10\x01\x1a\x02\x1a\x00", "TxnResponse"), /* fine: one delete */
        M(SEED_CAS_DELETE, "\x10\x01\x1a\x02\x12\x00", "TxnResponse: expected one delete"),
        M(SEED_LEASE_TTL, "\x2a\x01", "LeaseTimeToLiveResponse: field 5: length 1"),
        M(SEED_LEASE_TTL, "\x28\x01", "LeaseTimeToLiveResponse.keys: varint"),
        M(SEED_MEMBER_LIST, "\x12\x02\x1a\x05", "MemberListResponse.members[0]: field 3"),
        M(SEED_MEMBER_ADD, "\x12\x02\x10\x01", "MemberAddResponse.member.name: varint"),
        M(SEED_STATUS, "\x42\x01", "StatusResponse: field 8: length 1"),
        M(SEED_STATUS, "\x12\x01", "StatusResponse: field 2: length 1"),
        M(SEED_WATCH, "\x5a\x00", "WatchResponse.events[0]: event without a kv"),
        M(SEED_WATCH, "\x5a\x04\x08\x02\x12\x00", "WatchResponse.events[0].type: unknown event"),
        M(SEED_WATCH, "\x5a\x02\x12\x01", "WatchResponse.events[0]: field 2: length 1"),
        M(SEED_WATCH, "\x5a\x04\x12\x02\x08\x01", "WatchResponse.events[0].kv.key: varint"),
        M(SEED_WATCH, "\x32\x01", "WatchResponse: field 6: length 1"),
#undef M
};

static void test_malformed(void **state)
{
	(void)state;
	for (size_t i = 0; i < CK_ARRAY_SIZE(malformed); i++) {
		struct ck_error *err = NULL;
		int r = decode_any(malformed[i].kind, malformed[i].data, malformed[i].len, &err);

		seed(malformed[i].kind, malformed[i].data, malformed[i].len);
		if (!strcmp(malformed[i].msg, "TxnResponse")) {
			assert_int_equal(r, 0);
			continue;
		}
		if (r == 0)
			fail_msg("case %zu (%s) decoded", i, malformed[i].msg);
		assert_non_null(err);
		assert_int_equal(err->http_status, 500);
		assert_string_equal(err->reason, CK_REASON_INTERNAL);
		if (!ck_str_has_prefix(err->msg, "malformed etcd reply: ") ||
		    !strstr(err->msg, malformed[i].msg))
			fail_msg("case %zu: '%s' does not say '%s'", i, err->msg, malformed[i].msg);
		ck_error_free(err);
	}
}

/*
 * Every valid reply above, cut at every length and with each byte changed: decoded or
 * refused, never a crash or a leak (run under ASan).
 */
static void test_mutations(void **state)
{
	struct ck_buf b = CK_BUF_INIT;
	size_t ok = 0, refused = 0;

	(void)state;
	w_header(&b, 9);
	w_kv(&b, 2, "/a", "x", 1, 2, 3, 4, 5);
	w_uint(&b, 3, 1);
	w_event(&b, 1, "/w", NULL, 52, "1");
	w_member(&b, 3, 3, "m", "http://p3", "http://c", true);
	w_str(&b, 8, "NOSPACE");
	w_str(&b, 5, "/k");
	{
		struct ck_buf r = CK_BUF_INIT;

		w_kv(&r, 2, "/a", "A", 1, 3, 3, 1, 0);
		w_op(&b, 1, &r);
	}
	for (int kind = SEED_RANGE; kind <= SEED_WATCH; kind++) {
		for (size_t cut = 0; cut <= b.len; cut++) {
			struct ck_error *err = NULL;
			char *copy = ck_xmemdup(b.data, cut ? cut : 1);

			if (decode_any(kind, copy, cut, &err) == 0)
				ok++;
			else
				refused++;
			ck_error_free(err);
			free(copy);
		}
		for (size_t i = 0; i < b.len; i++) {
			for (unsigned x = 1; x < 256; x <<= 1) {
				struct ck_error *err = NULL;
				char *copy = ck_xmemdup(b.data, b.len);

				copy[i] ^= (char)x;
				if (decode_any(kind, copy, b.len, &err) == 0)
					ok++;
				else
					refused++;
				ck_error_free(err);
				free(copy);
			}
		}
	}
	assert_true(ok > 0 && refused > 0);
	ck_buf_release(&b);
}

static void check_kvs(const struct ck_etcd_kv *kvs, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		assert_non_null(kvs[i].key);
		assert_non_null(kvs[i].value);
		assert_int_equal(kvs[i].key[kvs[i].key_len], '\0');
		assert_int_equal(kvs[i].value[kvs[i].value_len], '\0');
	}
}

static int decode_any(enum seed_kind kind, const void *data, size_t len, struct ck_error **err)
{
	static const enum ck_etcd_pb_lease leases[] = {
	        CK_ETCD_PB_LEASE_GRANT, CK_ETCD_PB_LEASE_REVOKE, CK_ETCD_PB_LEASE_KEEPALIVE,
	        CK_ETCD_PB_LEASE_TTL};
	static const enum ck_etcd_pb_member members[] = {
	        CK_ETCD_PB_MEMBER_LIST, CK_ETCD_PB_MEMBER_ADD, CK_ETCD_PB_MEMBER_REMOVE};
	int r;

	switch (kind) {
	case SEED_RANGE: {
		struct ck_etcd_range_result *res;

		if ((r = ck_etcd_pb_decode_range(data, len, &res, err)) == 0)
			check_kvs(res->kvs, res->n_kvs);
		ck_etcd_range_result_free(res);
		return r;
	}
	case SEED_PUT:
	case SEED_COMPACT: {
		struct ck_etcd_put_result *res;

		r = kind == SEED_PUT ? ck_etcd_pb_decode_put(data, len, &res, err)
		                     : ck_etcd_pb_decode_compact(data, len, &res, err);
		if (r == 0 && res->prev_kv)
			check_kvs(res->prev_kv, 1);
		ck_etcd_put_result_free(res);
		return r;
	}
	case SEED_DELETE: {
		struct ck_etcd_delete_result *res;

		if ((r = ck_etcd_pb_decode_delete(data, len, &res, err)) == 0)
			check_kvs(res->prev_kvs, res->n_prev_kvs);
		ck_etcd_delete_result_free(res);
		return r;
	}
	case SEED_TXN: {
		struct ck_etcd_txn_result *res;

		r = ck_etcd_pb_decode_txn(data, len, &res, err);
		ck_etcd_txn_result_free(res);
		return r;
	}
	case SEED_CAS_CREATE:
	case SEED_CAS_CREATE_NO_CURRENT:
	case SEED_CAS_UPDATE:
	case SEED_CAS_DELETE: {
		enum ck_etcd_pb_cas which = kind == SEED_CAS_UPDATE   ? CK_ETCD_PB_CAS_UPDATE
		                            : kind == SEED_CAS_DELETE ? CK_ETCD_PB_CAS_DELETE
		                                                      : CK_ETCD_PB_CAS_CREATE;
		struct ck_etcd_cas_result *res;

		r = ck_etcd_pb_decode_cas(which, kind == SEED_CAS_CREATE_NO_CURRENT, data, len,
		                          &res, err);
		if (r == 0 && res->kv)
			check_kvs(res->kv, 1);
		ck_etcd_cas_result_free(res);
		return r;
	}
	case SEED_LEASE_GRANT:
	case SEED_LEASE_REVOKE:
	case SEED_LEASE_KEEPALIVE:
	case SEED_LEASE_TTL: {
		struct ck_etcd_lease_result *res;

		if ((r = ck_etcd_pb_decode_lease(leases[kind - SEED_LEASE_GRANT], data, len, &res,
		                                 err)) == 0)
			check_kvs(res->keys, res->n_keys);
		ck_etcd_lease_result_free(res);
		return r;
	}
	case SEED_MEMBER_LIST:
	case SEED_MEMBER_ADD:
	case SEED_MEMBER_REMOVE: {
		struct ck_etcd_member_result *res;

		r = ck_etcd_pb_decode_member(members[kind - SEED_MEMBER_LIST], data, len, &res,
		                             err);
		for (size_t i = 0; r == 0 && i < res->n_members; i++)
			assert_true(res->members[i].name && res->members[i].peer_urls &&
			            res->members[i].client_urls);
		ck_etcd_member_result_free(res);
		return r;
	}
	case SEED_STATUS: {
		struct ck_etcd_status_result *res;
		char **errors = NULL;

		r = ck_etcd_pb_decode_status(data, len, &res, &errors, err);
		assert_true(r < 0 || (res->version && errors));
		ck_str_list_free(errors);
		ck_etcd_status_result_free(res);
		return r;
	}
	case SEED_WATCH: {
		struct ck_etcd_pb_watch_response *res;

		r = ck_etcd_pb_decode_watch(data, len, &res, err);
		for (size_t i = 0; r == 0 && i < res->n_events; i++) {
			check_kvs(&res->events[i].kv, 1);
			if (res->events[i].prev_kv)
				check_kvs(res->events[i].prev_kv, 1);
		}
		ck_etcd_pb_watch_response_free(res);
		return r;
	}
	}
	fail_msg("unknown kind %d", (int)kind);
	return -1;
}

/* ---- real etcd over gRPC: a minimal blocking HTTP/2 client ------------------------------- */

struct h2_stream {
	int32_t id;
	struct ck_buf out; /* gRPC-framed request messages not yet sent */
	size_t out_off;
	bool out_end;     /* no more messages: end the stream after out */
	struct ck_buf in; /* response bytes (gRPC-framed messages) not yet taken */
	int grpc_status;  /* -1 until the trailers (or a trailers-only reply) say */
	char grpc_message[256];
	bool closed;
};

struct h2 {
	int fd;
	nghttp2_session *s;
	char authority[64];
};

static ssize_t h2_send(nghttp2_session *s, const uint8_t *data, size_t len, int flags, void *ud)
{
	struct h2 *c = ud;
	size_t off = 0;

	(void)s;
	(void)flags;
	while (off < len) {
		ssize_t n = write(c->fd, data + off, len - off);

		assert_true(n > 0);
		off += (size_t)n;
	}
	return (ssize_t)len;
}

static int h2_chunk(nghttp2_session *s, uint8_t flags, int32_t id, const uint8_t *data, size_t len,
                    void *ud)
{
	struct h2_stream *st = nghttp2_session_get_stream_user_data(s, id);

	(void)flags;
	(void)ud;
	if (st)
		ck_buf_add(&st->in, data, len);
	return 0;
}

static int h2_header(nghttp2_session *s, const nghttp2_frame *frame, const uint8_t *name,
                     size_t namelen, const uint8_t *value, size_t valuelen, uint8_t flags, void *ud)
{
	struct h2_stream *st = nghttp2_session_get_stream_user_data(s, frame->hd.stream_id);

	(void)flags;
	(void)ud;
	if (!st)
		return 0;
	if (namelen == 11 && !memcmp(name, "grpc-status", 11))
		st->grpc_status = (int)strtol((const char *)value, NULL, 10);
	if (namelen == 12 && !memcmp(name, "grpc-message", 12))
		snprintf(st->grpc_message, sizeof(st->grpc_message), "%.*s", (int)valuelen,
		         (const char *)value);
	return 0;
}

static int h2_close(nghttp2_session *s, int32_t id, uint32_t error_code, void *ud)
{
	struct h2_stream *st = nghttp2_session_get_stream_user_data(s, id);

	(void)error_code;
	(void)ud;
	if (st)
		st->closed = true;
	return 0;
}

static ssize_t h2_read(nghttp2_session *s, int32_t id, uint8_t *buf, size_t length,
                       uint32_t *data_flags, nghttp2_data_source *source, void *ud)
{
	struct h2_stream *st = source->ptr;
	size_t n = st->out.len - st->out_off;

	(void)s;
	(void)id;
	(void)ud;
	if (n > length)
		n = length;
	memcpy(buf, st->out.data + st->out_off, n);
	st->out_off += n;
	if (st->out_off == st->out.len) {
		if (st->out_end)
			*data_flags |= NGHTTP2_DATA_FLAG_EOF;
		else if (!n)
			return NGHTTP2_ERR_DEFERRED;
	}
	return (ssize_t)n;
}

static struct h2 *h2_connect(const char *url)
{
	struct h2 *c = ck_xcalloc(1, sizeof(*c));
	nghttp2_session_callbacks *cbs;
	struct sockaddr_in sa = {.sin_family = AF_INET};
	const char *colon = strrchr(url, ':');
	int one = 1;

	assert_non_null(colon);
	sa.sin_port = htons((uint16_t)strtol(colon + 1, NULL, 10));
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	snprintf(c->authority, sizeof(c->authority), "127.0.0.1:%s", colon + 1);
	c->fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	assert_true(c->fd >= 0);
	assert_int_equal(connect(c->fd, (struct sockaddr *)&sa, sizeof(sa)), 0);
	setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	assert_int_equal(nghttp2_session_callbacks_new(&cbs), 0);
	nghttp2_session_callbacks_set_send_callback(cbs, h2_send);
	nghttp2_session_callbacks_set_on_data_chunk_recv_callback(cbs, h2_chunk);
	nghttp2_session_callbacks_set_on_header_callback(cbs, h2_header);
	nghttp2_session_callbacks_set_on_stream_close_callback(cbs, h2_close);
	assert_int_equal(nghttp2_session_client_new(&c->s, cbs, c), 0);
	nghttp2_session_callbacks_del(cbs);
	assert_int_equal(nghttp2_submit_settings(c->s, NGHTTP2_FLAG_NONE, NULL, 0), 0);
	return c;
}

static void h2_free(struct h2 *c)
{
	nghttp2_session_del(c->s);
	close(c->fd);
	free(c);
}

/* Send what is pending and read until done(st) or 10 s pass (a failure). */
static void h2_pump(struct h2 *c, struct h2_stream *st, bool (*done)(struct h2_stream *))
{
	for (int waited = 0;;) {
		struct pollfd pfd = {.fd = c->fd, .events = POLLIN};
		uint8_t buf[16384];
		ssize_t n;

		assert_int_equal(nghttp2_session_send(c->s), 0);
		if (done(st))
			return;
		if (poll(&pfd, 1, 100) == 0) {
			waited += 100;
			assert_true(waited < 10000);
			continue;
		}
		n = read(c->fd, buf, sizeof(buf));
		assert_true(n > 0);
		assert_true(nghttp2_session_mem_recv(c->s, buf, (size_t)n) == n);
	}
}

static bool st_closed(struct h2_stream *st)
{
	return st->closed;
}

/* A complete gRPC message is in st->in. */
static bool st_has_message(struct h2_stream *st)
{
	const uint8_t *p = (const uint8_t *)st->in.data;

	return st->in.len >= 5 && st->in.len - 5 >= ((size_t)p[1] << 24 | (size_t)p[2] << 16 |
	                                             (size_t)p[3] << 8 | p[4]);
}

/* Take the first gRPC message of st->in into msg (reset first). */
static void st_take(struct h2_stream *st, struct ck_buf *msg)
{
	const uint8_t *p = (const uint8_t *)st->in.data;
	size_t len;

	assert_true(st_has_message(st));
	assert_int_equal(p[0], 0); /* not compressed */
	len = (size_t)p[1] << 24 | (size_t)p[2] << 16 | (size_t)p[3] << 8 | p[4];
	ck_buf_reset(msg);
	ck_buf_add(msg, st->in.data + 5, len);
	ck_buf_consume(&st->in, 5 + len);
}

/* Queue one gRPC-framed message on st. */
static void st_send(struct h2 *c, struct h2_stream *st, const struct ck_buf *msg)
{
	uint8_t hdr[5] = {0, (uint8_t)(msg->len >> 24), (uint8_t)(msg->len >> 16),
	                  (uint8_t)(msg->len >> 8), (uint8_t)msg->len};

	ck_buf_add(&st->out, hdr, 5);
	ck_buf_add(&st->out, msg->data, msg->len);
	if (st->id > 0)
		nghttp2_session_resume_data(c->s, st->id);
}

static struct h2_stream *h2_open(struct h2 *c, const char *path)
{
	struct h2_stream *st = ck_xcalloc(1, sizeof(*st));
	nghttp2_data_provider dp = {.source.ptr = st, .read_callback = h2_read};
#define NV(n, v) {(uint8_t *)(n), (uint8_t *)(v), sizeof(n) - 1, strlen(v), NGHTTP2_NV_FLAG_NONE}
	nghttp2_nv hdrs[] = {
	        NV(":method", "POST"),
	        NV(":scheme", "http"),
	        NV(":path", path),
	        NV(":authority", c->authority),
	        NV("content-type", "application/grpc"),
	        NV("te", "trailers"),
	};
#undef NV

	ck_buf_init(&st->out, 0);
	ck_buf_init(&st->in, 0);
	st->grpc_status = -1;
	st->id = nghttp2_submit_request(c->s, NULL, hdrs, CK_ARRAY_SIZE(hdrs), &dp, st);
	assert_true(st->id > 0);
	return st;
}

static void st_free(struct h2_stream *st)
{
	ck_buf_release(&st->out);
	ck_buf_release(&st->in);
	free(st);
}

/* One unary call: req out, the response message into resp; grpc-status must be 0. */
static void h2_call(struct h2 *c, const char *path, const struct ck_buf *req, struct ck_buf *resp)
{
	struct h2_stream *st = h2_open(c, path);

	st_send(c, st, req);
	st->out_end = true;
	nghttp2_session_resume_data(c->s, st->id);
	h2_pump(c, st, st_closed);
	if (st->grpc_status != 0)
		fail_msg("%s: grpc-status %d: %s", path, st->grpc_status, st->grpc_message);
	st_take(st, resp);
	assert_int_equal(st->in.len, 0);
	st_free(st);
}

/* ---- real etcd: the tests ---------------------------------------------------------------- */

static struct ck_test_etcd *etcd;
static struct h2 *conn;

static int live_setup(void **state)
{
	struct ck_test_etcd_opts opts = {.what = "etcd-pb"};

	(void)state;
	etcd = ck_test_etcd_start(&opts);
	conn = h2_connect(etcd->endpoints[0]);
	return 0;
}

static int live_teardown(void **state)
{
	(void)state;
	h2_free(conn);
	ck_test_etcd_free(etcd);
	return 0;
}

static struct ck_etcd_put_result *live_put_len(const char *key, const char *value, size_t value_len,
                                               int64_t lease, bool prev_kv)
{
	struct ck_etcd_put_req req = {.key = key,
	                              .value = value,
	                              .value_len = value_len,
	                              .lease = lease,
	                              .prev_kv = prev_kv};
	struct ck_buf b = CK_BUF_INIT, resp = CK_BUF_INIT;
	struct ck_etcd_put_result *res;

	assert_int_equal(ck_etcd_pb_encode_put(&b, &req, NULL), 0);
	h2_call(conn, CK_ETCD_PB_PATH_PUT, &b, &resp);
	seed(SEED_PUT, resp.data, resp.len);
	assert_int_equal(ck_etcd_pb_decode_put(resp.data, resp.len, &res, NULL), 0);
	ck_buf_release(&b);
	ck_buf_release(&resp);
	return res;
}

static struct ck_etcd_put_result *live_put(const char *key, const char *value, int64_t lease,
                                           bool prev_kv)
{
	return live_put_len(key, value, 0, lease, prev_kv);
}

static struct ck_etcd_cas_result *live_cas(enum ck_etcd_pb_cas which,
                                           const struct ck_etcd_cas_req *req)
{
	struct ck_buf b = CK_BUF_INIT, resp = CK_BUF_INIT;
	struct ck_etcd_cas_result *res;
	enum seed_kind kind = which == CK_ETCD_PB_CAS_UPDATE   ? SEED_CAS_UPDATE
	                      : which == CK_ETCD_PB_CAS_DELETE ? SEED_CAS_DELETE
	                      : req->no_current                ? SEED_CAS_CREATE_NO_CURRENT
	                                                       : SEED_CAS_CREATE;

	assert_int_equal(ck_etcd_pb_encode_cas(&b, which, req, NULL), 0);
	h2_call(conn, CK_ETCD_PB_PATH_TXN, &b, &resp);
	seed(kind, resp.data, resp.len);
	seed(SEED_TXN, resp.data, resp.len);
	assert_int_equal(
	        ck_etcd_pb_decode_cas(which, req->no_current, resp.data, resp.len, &res, NULL), 0);
	ck_buf_release(&b);
	ck_buf_release(&resp);
	return res;
}

static void test_live_kv(void **state)
{
	struct ck_buf b = CK_BUF_INIT, resp = CK_BUF_INIT;
	struct ck_etcd_range_req range = {.key = "/pb/", .prefix = true};
	struct ck_etcd_delete_req del = {.key = "/pb/", .prefix = true, .prev_kv = true};
	struct ck_etcd_cas_req cas = {.key = "/pb/c", .value = "c1"};
	struct ck_etcd_range_result *rr;
	struct ck_etcd_delete_result *dr;
	struct ck_etcd_put_result *pr;
	struct ck_etcd_cas_result *cr;
	struct ck_etcd_txn_result *tr;
	int64_t rev, rev_b, create_rev;

	(void)state;
	pr = live_put("/pb/a", "v1", 0, true);
	assert_true(pr->header.revision > 0);
	assert_true(pr->header.cluster_id != 0 && pr->header.member_id != 0);
	assert_true(pr->header.raft_term > 0);
	assert_null(pr->prev_kv);
	ck_etcd_put_result_free(pr);
	pr = live_put_len("/pb/a", "v2\n\0binary", 10, 0, true);
	assert_non_null(pr->prev_kv);
	assert_string_equal(pr->prev_kv->value, "v1");
	assert_int_equal(pr->prev_kv->version, 1);
	rev = pr->header.revision;
	ck_etcd_put_result_free(pr);
	pr = live_put("/pb/b", "", 0, false);
	rev_b = pr->header.revision;
	ck_etcd_put_result_free(pr);

	assert_int_equal(ck_etcd_pb_encode_range(&b, &range, NULL), 0);
	h2_call(conn, CK_ETCD_PB_PATH_RANGE, &b, &resp);
	seed(SEED_RANGE, resp.data, resp.len);
	assert_int_equal(ck_etcd_pb_decode_range(resp.data, resp.len, &rr, NULL), 0);
	assert_int_equal(rr->n_kvs, 2);
	assert_int_equal(rr->count, 2);
	assert_false(rr->more);
	assert_string_equal(rr->kvs[0].key, "/pb/a");
	assert_int_equal(rr->kvs[0].value_len, 10);
	assert_memory_equal(rr->kvs[0].value, "v2\n\0binary", 11);
	assert_int_equal(rr->kvs[0].mod_revision, rev);
	assert_int_equal(rr->kvs[0].version, 2);
	assert_string_equal(rr->kvs[1].value, "");
	ck_etcd_range_result_free(rr);

	/* limit, keys_only, an old revision, count_only, serializable. */
	range.limit = 1;
	range.keys_only = true;
	range.revision = rev_b;
	range.serializable = true;
	ck_buf_reset(&b);
	assert_int_equal(ck_etcd_pb_encode_range(&b, &range, NULL), 0);
	h2_call(conn, CK_ETCD_PB_PATH_RANGE, &b, &resp);
	assert_int_equal(ck_etcd_pb_decode_range(resp.data, resp.len, &rr, NULL), 0);
	assert_int_equal(rr->n_kvs, 1);
	assert_true(rr->more);
	assert_int_equal(rr->count, 2);
	assert_string_equal(rr->kvs[0].value, "");
	ck_etcd_range_result_free(rr);
	range = (struct ck_etcd_range_req){.key = "/pb/", .prefix = true, .count_only = true};
	ck_buf_reset(&b);
	assert_int_equal(ck_etcd_pb_encode_range(&b, &range, NULL), 0);
	h2_call(conn, CK_ETCD_PB_PATH_RANGE, &b, &resp);
	assert_int_equal(ck_etcd_pb_decode_range(resp.data, resp.len, &rr, NULL), 0);
	assert_int_equal(rr->n_kvs, 0);
	assert_int_equal(rr->count, 2);
	ck_etcd_range_result_free(rr);

	/* The API server's compare-and-swaps. */
	cr = live_cas(CK_ETCD_PB_CAS_CREATE, &cas);
	assert_true(cr->succeeded);
	create_rev = cr->header.revision;
	ck_etcd_cas_result_free(cr);
	cr = live_cas(CK_ETCD_PB_CAS_CREATE, &cas);
	assert_false(cr->succeeded);
	assert_string_equal(cr->kv->value, "c1");
	ck_etcd_cas_result_free(cr);
	cas.no_current = true;
	cr = live_cas(CK_ETCD_PB_CAS_CREATE, &cas);
	assert_false(cr->succeeded);
	assert_null(cr->kv);
	ck_etcd_cas_result_free(cr);
	cas = (struct ck_etcd_cas_req){
	        .key = "/pb/c", .value = "c2", .mod_revision = create_rev - 1};
	cr = live_cas(CK_ETCD_PB_CAS_UPDATE, &cas);
	assert_false(cr->succeeded);
	assert_int_equal(cr->kv->mod_revision, create_rev);
	ck_etcd_cas_result_free(cr);
	cas.mod_revision = create_rev;
	cr = live_cas(CK_ETCD_PB_CAS_UPDATE, &cas);
	assert_true(cr->succeeded);
	rev = cr->header.revision;
	ck_etcd_cas_result_free(cr);
	cas.mod_revision = rev;
	cr = live_cas(CK_ETCD_PB_CAS_DELETE, &cas);
	assert_true(cr->succeeded);
	assert_string_equal(cr->kv->value, "c2");
	ck_etcd_cas_result_free(cr);
	cr = live_cas(CK_ETCD_PB_CAS_DELETE, &cas);
	assert_false(cr->succeeded);
	assert_null(cr->kv);
	ck_etcd_cas_result_free(cr);

	/* A txn comparing a value and a version, reading in both branches. */
	{
		const struct ck_etcd_cmp cmps[] = {
		        {.key = "/pb/a",
		         .target = CK_ETCD_CMP_VALUE,
		         .value = "v2\n\0binary",
		         .value_len = 10},
		        {.key = "/pb/a",
		         .target = CK_ETCD_CMP_VERSION,
		         .result = CK_ETCD_CMP_GREATER,
		         .number = 1},
		        {.key = "/pb/a", .target = CK_ETCD_CMP_LEASE, .number = 0},
		};
		const struct ck_etcd_op ops[] = {
		        {.type = CK_ETCD_OP_RANGE, .range = {.key = "/pb/a"}},
		        {.type = CK_ETCD_OP_PUT,
		         .put = {.key = "/pb/t", .value = "t", .prev_kv = true}},
		        {.type = CK_ETCD_OP_DELETE, .del = {.key = "/pb/b", .prev_kv = true}},
		};
		struct ck_etcd_txn_req txn = {.cmps = cmps,
		                              .n_cmps = 3,
		                              .success = ops,
		                              .n_success = 3,
		                              .failure = ops,
		                              .n_failure = 1};

		ck_buf_reset(&b);
		assert_int_equal(ck_etcd_pb_encode_txn(&b, &txn, NULL, NULL), 0);
		h2_call(conn, CK_ETCD_PB_PATH_TXN, &b, &resp);
		seed(SEED_TXN, resp.data, resp.len);
		assert_int_equal(ck_etcd_pb_decode_txn(resp.data, resp.len, &tr, NULL), 0);
		assert_true(tr->succeeded);
		assert_int_equal(tr->n_responses, 3);
		assert_int_equal(tr->responses[0].type, CK_ETCD_OP_RANGE);
		assert_int_equal(tr->responses[0].range.kvs[0].value_len, 10);
		assert_memory_equal(tr->responses[0].range.kvs[0].value, "v2\n\0binary", 10);
		assert_int_equal(tr->responses[1].type, CK_ETCD_OP_PUT);
		assert_null(tr->responses[1].put.prev_kv);
		assert_int_equal(tr->responses[2].type, CK_ETCD_OP_DELETE);
		assert_int_equal(tr->responses[2].del.deleted, 1);
		assert_string_equal(tr->responses[2].del.prev_kvs[0].key, "/pb/b");
		assert_string_equal(tr->responses[2].del.prev_kvs[0].value, "");
		ck_etcd_txn_result_free(tr);
	}

	ck_buf_reset(&b);
	assert_int_equal(ck_etcd_pb_encode_delete(&b, &del, NULL), 0);
	h2_call(conn, CK_ETCD_PB_PATH_DELETE_RANGE, &b, &resp);
	seed(SEED_DELETE, resp.data, resp.len);
	assert_int_equal(ck_etcd_pb_decode_delete(resp.data, resp.len, &dr, NULL), 0);
	assert_int_equal(dr->deleted, 2);
	assert_int_equal(dr->n_prev_kvs, 2);
	assert_string_equal(dr->prev_kvs[0].key, "/pb/a");
	ck_etcd_delete_result_free(dr);
	ck_buf_release(&b);
	ck_buf_release(&resp);
}

static struct ck_etcd_lease_result *live_lease(enum ck_etcd_pb_lease kind, const char *path,
                                               const struct ck_etcd_lease_req *req)
{
	struct ck_buf b = CK_BUF_INIT, resp = CK_BUF_INIT;
	struct ck_etcd_lease_result *res;

	assert_int_equal(ck_etcd_pb_encode_lease(&b, kind, req, NULL), 0);
	h2_call(conn, path, &b, &resp);
	seed(SEED_LEASE_GRANT + (int)kind, resp.data, resp.len);
	assert_int_equal(ck_etcd_pb_decode_lease(kind, resp.data, resp.len, &res, NULL), 0);
	ck_buf_release(&b);
	ck_buf_release(&resp);
	return res;
}

static void test_live_lease_cluster(void **state)
{
	struct ck_etcd_lease_req req = {.ttl = 60};
	struct ck_buf b = CK_BUF_INIT, resp = CK_BUF_INIT;
	struct ck_etcd_member_result *mr;
	struct ck_etcd_status_result *sr;
	struct ck_etcd_lease_result *lr;
	struct ck_etcd_put_result *pr;
	char **errors;
	int64_t id;

	(void)state;
	lr = live_lease(CK_ETCD_PB_LEASE_GRANT, CK_ETCD_PB_PATH_LEASE_GRANT, &req);
	assert_true(lr->id > 0);
	assert_int_equal(lr->ttl, 60);
	id = lr->id;
	ck_etcd_lease_result_free(lr);
	ck_etcd_put_result_free(live_put("/pb/lease/k", "v", id, false));

	req = (struct ck_etcd_lease_req){.id = id, .keys = true};
	lr = live_lease(CK_ETCD_PB_LEASE_TTL, CK_ETCD_PB_PATH_LEASE_TTL, &req);
	assert_int_equal(lr->id, id);
	assert_int_equal(lr->granted_ttl, 60);
	assert_true(lr->ttl > 0 && lr->ttl <= 60);
	assert_int_equal(lr->n_keys, 1);
	assert_string_equal(lr->keys[0].key, "/pb/lease/k");
	ck_etcd_lease_result_free(lr);
	/* The keepalive stream, one message then the end of the stream. */
	lr = live_lease(CK_ETCD_PB_LEASE_KEEPALIVE, CK_ETCD_PB_PATH_LEASE_KEEPALIVE, &req);
	assert_int_equal(lr->id, id);
	assert_int_equal(lr->ttl, 60);
	ck_etcd_lease_result_free(lr);
	lr = live_lease(CK_ETCD_PB_LEASE_REVOKE, CK_ETCD_PB_PATH_LEASE_REVOKE, &req);
	assert_true(lr->header.revision > 0);
	ck_etcd_lease_result_free(lr);
	/* Renewing a revoked lease: TTL 0, which the caller turns into 404. */
	lr = live_lease(CK_ETCD_PB_LEASE_KEEPALIVE, CK_ETCD_PB_PATH_LEASE_KEEPALIVE, &req);
	assert_true(lr->ttl <= 0);
	ck_etcd_lease_result_free(lr);

	assert_int_equal(ck_etcd_pb_encode_member(&b, CK_ETCD_PB_MEMBER_LIST, NULL, NULL), 0);
	h2_call(conn, CK_ETCD_PB_PATH_MEMBER_LIST, &b, &resp);
	seed(SEED_MEMBER_LIST, resp.data, resp.len);
	assert_int_equal(
	        ck_etcd_pb_decode_member(CK_ETCD_PB_MEMBER_LIST, resp.data, resp.len, &mr, NULL),
	        0);
	assert_int_equal(mr->n_members, 1);
	assert_true(mr->members[0].id == mr->header.member_id);
	assert_string_equal(mr->members[0].client_urls[0], etcd->endpoints[0]);
	assert_non_null(mr->members[0].peer_urls[0]);
	assert_false(mr->members[0].is_learner);
	ck_etcd_member_result_free(mr);

	ck_buf_reset(&b);
	ck_etcd_pb_encode_status(&b);
	h2_call(conn, CK_ETCD_PB_PATH_STATUS, &b, &resp);
	seed(SEED_STATUS, resp.data, resp.len);
	assert_int_equal(ck_etcd_pb_decode_status(resp.data, resp.len, &sr, &errors, NULL), 0);
	assert_true(ck_str_has_prefix(sr->version, "3.4."));
	assert_true(sr->leader == sr->header.member_id);
	assert_true(sr->db_size > 0 && sr->db_size_in_use > 0);
	assert_true(sr->raft_index > 0 && sr->raft_term > 0 && sr->raft_applied_index > 0);
	assert_null(errors[0]);
	ck_str_list_free(errors);
	ck_etcd_status_result_free(sr);

	/* Compact up to now: the reply is a header. */
	pr = live_put("/pb/compact", "x", 0, false);
	{
		struct ck_etcd_compact_req creq = {.revision = pr->header.revision,
		                                   .physical = true};
		struct ck_etcd_put_result *cr;

		ck_buf_reset(&b);
		assert_int_equal(ck_etcd_pb_encode_compact(&b, &creq, NULL), 0);
		h2_call(conn, CK_ETCD_PB_PATH_COMPACT, &b, &resp);
		seed(SEED_COMPACT, resp.data, resp.len);
		assert_int_equal(ck_etcd_pb_decode_compact(resp.data, resp.len, &cr, NULL), 0);
		assert_int_equal(cr->header.revision, pr->header.revision);
		ck_etcd_put_result_free(cr);
	}
	ck_etcd_put_result_free(pr);
	ck_buf_release(&b);
	ck_buf_release(&resp);
}

/* The next WatchResponse of the watch stream. */
static struct ck_etcd_pb_watch_response *next_watch(struct h2_stream *st)
{
	struct ck_etcd_pb_watch_response *res;
	struct ck_buf msg = CK_BUF_INIT;

	h2_pump(conn, st, st_has_message);
	st_take(st, &msg);
	seed(SEED_WATCH, msg.data, msg.len);
	assert_int_equal(ck_etcd_pb_decode_watch(msg.data, msg.len, &res, NULL), 0);
	ck_buf_release(&msg);
	return res;
}

static void test_live_watch(void **state)
{
	struct ck_etcd_watch_req req = {.key = "/pb/w/", .prefix = true, .prev_kv = true};
	struct ck_buf b = CK_BUF_INIT, resp = CK_BUF_INIT;
	struct ck_etcd_pb_watch_response *wr;
	struct ck_etcd_put_result *pr;
	struct h2_stream *st;
	int64_t watch_id, rev;

	(void)state;
	st = h2_open(conn, CK_ETCD_PB_PATH_WATCH);
	assert_int_equal(ck_etcd_pb_encode_watch_create(&b, &req, NULL, NULL), 0);
	st_send(conn, st, &b);
	wr = next_watch(st);
	assert_true(wr->created);
	assert_true(wr->header.revision > 0);
	watch_id = wr->watch_id;
	ck_etcd_pb_watch_response_free(wr);

	pr = live_put("/pb/w/a", "1", 0, false);
	ck_etcd_put_result_free(pr);
	{
		struct ck_etcd_delete_req del = {.key = "/pb/w/a"};

		ck_buf_reset(&b);
		assert_int_equal(ck_etcd_pb_encode_delete(&b, &del, NULL), 0);
		h2_call(conn, CK_ETCD_PB_PATH_DELETE_RANGE, &b, &resp);
	}
	wr = next_watch(st);
	if (wr->n_events == 1) {
		/* The two revisions came in two messages. */
		struct ck_etcd_pb_watch_response *second = next_watch(st);

		assert_int_equal(second->n_events, 1);
		assert_int_equal(wr->events[0].type, CK_ETCD_EVENT_PUT);
		assert_int_equal(second->events[0].type, CK_ETCD_EVENT_DELETE);
		assert_string_equal(second->events[0].prev_kv->value, "1");
		rev = second->events[0].kv.mod_revision;
		ck_etcd_pb_watch_response_free(second);
	} else {
		assert_int_equal(wr->n_events, 2);
		assert_int_equal(wr->events[0].type, CK_ETCD_EVENT_PUT);
		assert_string_equal(wr->events[0].kv.value, "1");
		assert_int_equal(wr->events[1].type, CK_ETCD_EVENT_DELETE);
		assert_string_equal(wr->events[1].prev_kv->value, "1");
		rev = wr->events[1].kv.mod_revision;
	}
	assert_int_equal(wr->watch_id, watch_id);
	ck_etcd_pb_watch_response_free(wr);

	/* An on-demand progress notification: no events, the store's revision. */
	ck_buf_reset(&b);
	ck_etcd_pb_encode_watch_progress(&b);
	st_send(conn, st, &b);
	wr = next_watch(st);
	assert_int_equal(wr->n_events, 0);
	assert_false(wr->created || wr->canceled);
	assert_true(wr->header.revision >= rev);
	ck_etcd_pb_watch_response_free(wr);

	ck_buf_reset(&b);
	ck_etcd_pb_encode_watch_cancel(&b, watch_id);
	st_send(conn, st, &b);
	wr = next_watch(st);
	assert_true(wr->canceled);
	assert_int_equal(wr->watch_id, watch_id);
	ck_etcd_pb_watch_response_free(wr);

	/* A watch from a compacted revision (test_live_lease_cluster compacted): canceled. */
	req = (struct ck_etcd_watch_req){.key = "/pb/", .prefix = true, .start_revision = 1};
	ck_buf_reset(&b);
	assert_int_equal(ck_etcd_pb_encode_watch_create(&b, &req, NULL, NULL), 0);
	st_send(conn, st, &b);
	wr = next_watch(st);
	if (wr->created && !wr->canceled) {
		ck_etcd_pb_watch_response_free(wr);
		wr = next_watch(st);
	}
	assert_true(wr->canceled);
	assert_true(wr->compact_revision > 1);
	ck_etcd_pb_watch_response_free(wr);

	/* etcd keeps a watch stream open after the client's end of stream: reset it. */
	assert_int_equal(
	        nghttp2_submit_rst_stream(conn->s, NGHTTP2_FLAG_NONE, st->id, NGHTTP2_CANCEL), 0);
	h2_pump(conn, st, st_closed);
	st_free(st);
	ck_buf_release(&b);
	ck_buf_release(&resp);
}

int main(void)
{
	const struct CMUnitTest offline[] = {
	        cmocka_unit_test(test_golden_bench),
	        cmocka_unit_test(test_encode_range),
	        cmocka_unit_test(test_encode_put_delete),
	        cmocka_unit_test(test_encode_txn),
	        cmocka_unit_test(test_encode_cas),
	        cmocka_unit_test(test_encode_misc),
	        cmocka_unit_test(test_encode_watch),
	        cmocka_unit_test(test_decode_range),
	        cmocka_unit_test(test_decode_put_delete_compact),
	        cmocka_unit_test(test_decode_txn_cas),
	        cmocka_unit_test(test_decode_lease),
	        cmocka_unit_test(test_decode_member_status),
	        cmocka_unit_test(test_decode_watch),
	        cmocka_unit_test(test_malformed),
	        cmocka_unit_test(test_mutations),
	};
	const struct CMUnitTest live[] = {
	        cmocka_unit_test(test_live_kv),
	        cmocka_unit_test(test_live_lease_cluster),
	        cmocka_unit_test(test_live_watch),
	};
	int failed = 0;

	ck_log_set_level(getenv("CK_TEST_DEBUG") ? CK_LOG_DEBUG : CK_LOG_WARN);
	failed += cmocka_run_group_tests_name("etcd-pb: codec", offline, NULL, NULL);
	failed += cmocka_run_group_tests_name("etcd-pb: real etcd over gRPC", live, live_setup,
	                                      live_teardown);
	return failed ? 1 : 0;
}
