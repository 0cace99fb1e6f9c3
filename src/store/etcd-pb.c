/*
 * The etcd client's protobuf codec (see etcd-pb.h): etcdserverpb requests written from
 * etcd.h's request types, and etcdserverpb/mvccpb replies read into etcd.h's result types.
 * Field numbers and types are those of etcd 3.4's api/etcdserverpb/rpc.proto and
 * api/mvccpb/kv.proto; each message's are listed where it is written or read.
 *
 * Writing: every message's size is computed before it is written (as gogoproto's Size and
 * MarshalTo do), so that a nested message's length prefix goes out before its contents and
 * nothing is written twice or moved. proto3 leaves out scalars at their default (0, false,
 * empty); members of a oneof are written whatever their value, since their presence is
 * what the oneof says.
 *
 * Reading: one loop per message over its fields, with the wire type of each known field
 * checked, unknown ones skipped, scalars overwritten, embedded messages merged into what an
 * earlier occurrence left, repeated ones appended (their arrays sized by a first pass over
 * the tags). A failure builds its message from the innermost field outwards
 * ("kvs[2].value: ..."), which costs nothing until something is malformed.
 */
#include "base/compat.h"

#include "base/buf.h"
#include "base/mem.h"
#include "store/etcd-int.h"
#include "store/etcd-pb.h"

/* Wire types. */
enum { WT_VARINT = 0, WT_I64 = 1, WT_LEN = 2, WT_I32 = 5 };

/* The largest field number protobuf allows (2^29 - 1). */
#define PB_MAX_FIELD 536870911u

/* ---- writing: primitives ------------------------------------------------------------- */

static size_t varint_size(uint64_t v)
{
	size_t n = 1;

	while (v >= 0x80) {
		v >>= 7;
		n++;
	}
	return n;
}

static size_t tag_size(unsigned field)
{
	return varint_size((uint64_t)field << 3);
}

static void put_varint(struct ck_buf *b, uint64_t v)
{
	char tmp[10];
	size_t n = 0;

	while (v >= 0x80) {
		tmp[n++] = (char)((v & 0x7f) | 0x80);
		v >>= 7;
	}
	tmp[n++] = (char)v;
	ck_buf_add(b, tmp, n);
}

static void put_tag(struct ck_buf *b, unsigned field, unsigned wt)
{
	put_varint(b, (uint64_t)field << 3 | wt);
}

/* A varint field, proto3: left out when 0. int64s go as their two's complement. */
static size_t uint_size(unsigned field, uint64_t v)
{
	return v ? tag_size(field) + varint_size(v) : 0;
}

static void put_uint(struct ck_buf *b, unsigned field, uint64_t v)
{
	if (!v)
		return;
	put_tag(b, field, WT_VARINT);
	put_varint(b, v);
}

/* A oneof member: written even when 0. */
static size_t uint_always_size(unsigned field, uint64_t v)
{
	return tag_size(field) + varint_size(v);
}

static void put_uint_always(struct ck_buf *b, unsigned field, uint64_t v)
{
	put_tag(b, field, WT_VARINT);
	put_varint(b, v);
}

/* A length-delimited field of len bytes (bytes, string, message), written always. */
static size_t len_size(unsigned field, size_t len)
{
	return tag_size(field) + varint_size(len) + len;
}

static void put_len(struct ck_buf *b, unsigned field, size_t len)
{
	put_tag(b, field, WT_LEN);
	put_varint(b, len);
}

/* A bytes field, proto3: left out when empty. */
static size_t bytes_size(unsigned field, size_t len)
{
	return len ? len_size(field, len) : 0;
}

static void put_bytes(struct ck_buf *b, unsigned field, const void *data, size_t len)
{
	if (!len)
		return;
	put_len(b, field, len);
	ck_buf_add(b, data, len);
}

/* Size a whole message before writing it: one growth, and a check that both agree. */
#define WRITE_SIZED(b, size, write)                                                                \
	do {                                                                                       \
		size_t start_ = (b)->len;                                                          \
		ck_buf_grow((b), (size));                                                          \
		write;                                                                             \
		CK_BUG_ON((b)->len - start_ != (size));                                            \
	} while (0)

/* ---- writing: key ranges ------------------------------------------------------------- */

/* A request's (pointer, length), length 0 meaning strlen (etcd.h); NULL is empty. */
static size_t req_len(const void *p, size_t len)
{
	if (!p)
		return 0;
	return len ? len : strlen(p);
}

/* A request's key and range_end as they go on the wire. */
struct pb_keys {
	const char *key;
	size_t klen;
	const char *end; /* NULL: no range_end */
	size_t elen;
	/* end is key's first elen bytes with the last one incremented (a prefix's end) */
	bool bump;
};

/*
 * etcd_json_range_keys' rules (etcd-codec.c): a prefix is [key, ck_etcd_prefix_end(key)),
 * an empty prefix every key ["\0", "\0"); otherwise the key, and range_end when given.
 */
static int resolve_keys(struct pb_keys *k, const void *key, size_t key_len, bool prefix,
                        const void *range_end, size_t range_end_len, const char *what,
                        struct ck_error **err)
{
	const unsigned char *kb = key;

	memset(k, 0, sizeof(*k));
	k->klen = req_len(key, key_len);
	k->key = key;
	if (prefix) {
		if (!k->klen) {
			k->key = "";
			k->klen = 1;
			k->end = "";
			k->elen = 1;
			return 0;
		}
		for (size_t i = k->klen; i > 0; i--) {
			if (kb[i - 1] < 0xff) {
				k->end = key;
				k->elen = i;
				k->bump = true;
				return 0;
			}
		}
		/* No byte can be incremented: to the end of the keyspace. */
		k->end = "";
		k->elen = 1;
		return 0;
	}
	if (!k->klen)
		return ck_error_set(err, 400, NULL, "%s without a key", what);
	if (range_end) {
		k->end = range_end;
		k->elen = req_len(range_end, range_end_len);
	}
	return 0;
}

/* key = 1, range_end = 2 (RangeRequest, DeleteRangeRequest, WatchCreateRequest). */
static size_t keys_size(const struct pb_keys *k)
{
	return bytes_size(1, k->klen) + (k->end ? bytes_size(2, k->elen) : 0);
}

static void put_keys(struct ck_buf *b, const struct pb_keys *k)
{
	put_bytes(b, 1, k->key, k->klen);
	if (!k->end || !k->elen)
		return;
	if (!k->bump) {
		put_bytes(b, 2, k->end, k->elen);
		return;
	}
	put_len(b, 2, k->elen);
	ck_buf_add(b, k->end, k->elen - 1);
	ck_buf_addch(b, (char)((unsigned char)k->end[k->elen - 1] + 1));
}

/* ---- writing: KV -------------------------------------------------------------------- */

/*
 * RangeRequest {key = 1, range_end = 2, limit = 3, revision = 4, sort_order = 5,
 * sort_target = 6, serializable = 7, keys_only = 8, count_only = 9, min/max_mod_revision =
 * 10/11, min/max_create_revision = 12/13}; ckube sorts nothing and filters by revision
 * nowhere, so 5, 6 and 10-13 stay at their defaults. Returns the size, or -1 with *err.
 */
static int64_t range_size(const struct ck_etcd_range_req *req, bool in_txn, struct pb_keys *k,
                          struct ck_error **err)
{
	if (resolve_keys(k, req->key, req->key_len, req->prefix, req->range_end, req->range_end_len,
	                 "etcd request", err) < 0)
		return -1;
	if (req->revision > 0 && in_txn)
		return ck_error_set(err, 400, NULL,
		                    "etcd txn: a range in a transaction has no revision");
	return (int64_t)(keys_size(k) + uint_size(3, req->limit > 0 ? (uint64_t)req->limit : 0) +
	                 uint_size(4, req->revision > 0 ? (uint64_t)req->revision : 0) +
	                 uint_size(7, req->serializable) + uint_size(8, req->keys_only) +
	                 uint_size(9, req->count_only));
}

static void put_range(struct ck_buf *b, const struct ck_etcd_range_req *req,
                      const struct pb_keys *k)
{
	put_keys(b, k);
	if (req->limit > 0)
		put_uint(b, 3, (uint64_t)req->limit);
	if (req->revision > 0)
		put_uint(b, 4, (uint64_t)req->revision);
	put_uint(b, 7, req->serializable);
	put_uint(b, 8, req->keys_only);
	put_uint(b, 9, req->count_only);
}

int ck_etcd_pb_encode_range(struct ck_buf *b, const struct ck_etcd_range_req *req,
                            struct ck_error **err)
{
	struct pb_keys k;
	int64_t size = range_size(req, false, &k, err);

	if (size < 0)
		return -1;
	WRITE_SIZED(b, (size_t)size, put_range(b, req, &k));
	return 0;
}

/*
 * PutRequest {key = 1, value = 2, lease = 3, prev_kv = 4, ignore_value = 5, ignore_lease =
 * 6}; ckube always sends the value and the lease it means, so 5 and 6 stay false.
 */
static int64_t put_size(const struct ck_etcd_put_req *req, struct ck_error **err)
{
	size_t klen = req_len(req->key, req->key_len);

	if (!klen)
		return ck_error_set(err, 400, NULL, "etcd put without a key");
	return (int64_t)(bytes_size(1, klen) + bytes_size(2, req_len(req->value, req->value_len)) +
	                 uint_size(3, (uint64_t)req->lease) + uint_size(4, req->prev_kv));
}

static void put_put(struct ck_buf *b, const struct ck_etcd_put_req *req)
{
	put_bytes(b, 1, req->key, req_len(req->key, req->key_len));
	put_bytes(b, 2, req->value, req_len(req->value, req->value_len));
	put_uint(b, 3, (uint64_t)req->lease);
	put_uint(b, 4, req->prev_kv);
}

int ck_etcd_pb_encode_put(struct ck_buf *b, const struct ck_etcd_put_req *req,
                          struct ck_error **err)
{
	int64_t size = put_size(req, err);

	if (size < 0)
		return -1;
	WRITE_SIZED(b, (size_t)size, put_put(b, req));
	return 0;
}

/* DeleteRangeRequest {key = 1, range_end = 2, prev_kv = 3}. */
static int64_t delete_size(const struct ck_etcd_delete_req *req, struct pb_keys *k,
                           struct ck_error **err)
{
	if (resolve_keys(k, req->key, req->key_len, req->prefix, req->range_end, req->range_end_len,
	                 "etcd request", err) < 0)
		return -1;
	return (int64_t)(keys_size(k) + uint_size(3, req->prev_kv));
}

static void put_delete(struct ck_buf *b, const struct ck_etcd_delete_req *req,
                       const struct pb_keys *k)
{
	put_keys(b, k);
	put_uint(b, 3, req->prev_kv);
}

int ck_etcd_pb_encode_delete(struct ck_buf *b, const struct ck_etcd_delete_req *req,
                             struct ck_error **err)
{
	struct pb_keys k;
	int64_t size = delete_size(req, &k, err);

	if (size < 0)
		return -1;
	WRITE_SIZED(b, (size_t)size, put_delete(b, req, &k));
	return 0;
}

/* ---- writing: Txn ------------------------------------------------------------------- */

/*
 * Compare {result = 1 (EQUAL 0, GREATER 1, LESS 2, NOT_EQUAL 3), target = 2 (VERSION 0,
 * CREATE 1, MOD 2, VALUE 3, LEASE 4), key = 3, oneof target_union {version = 4,
 * create_revision = 5, mod_revision = 6, value = 7, lease = 8}, range_end = 64}.
 */
static const unsigned cmp_target_pb[] = {
        [CK_ETCD_CMP_VERSION] = 0, [CK_ETCD_CMP_CREATE] = 1, [CK_ETCD_CMP_MOD] = 2,
        [CK_ETCD_CMP_VALUE] = 3,   [CK_ETCD_CMP_LEASE] = 4,
};
static const unsigned cmp_union_field[] = {
        [CK_ETCD_CMP_VERSION] = 4, [CK_ETCD_CMP_CREATE] = 5, [CK_ETCD_CMP_MOD] = 6,
        [CK_ETCD_CMP_VALUE] = 7,   [CK_ETCD_CMP_LEASE] = 8,
};
static const unsigned cmp_result_pb[] = {
        [CK_ETCD_CMP_EQUAL] = 0,
        [CK_ETCD_CMP_GREATER] = 1,
        [CK_ETCD_CMP_LESS] = 2,
        [CK_ETCD_CMP_NOT_EQUAL] = 3,
};

static int64_t cmp_size(const struct ck_etcd_cmp *cmp, struct ck_error **err)
{
	size_t klen = req_len(cmp->key, cmp->key_len);
	size_t size;

	if (!klen)
		return ck_error_set(err, 400, NULL, "etcd txn: a compare without a key");
	if ((unsigned)cmp->target >= CK_ARRAY_SIZE(cmp_target_pb) ||
	    (unsigned)cmp->result >= CK_ARRAY_SIZE(cmp_result_pb))
		return ck_error_set(err, 400, NULL, "etcd txn: unknown compare target or result");
	size = uint_size(1, cmp_result_pb[cmp->result]) + uint_size(2, cmp_target_pb[cmp->target]) +
	       bytes_size(3, klen);
	if (cmp->target == CK_ETCD_CMP_VALUE)
		size += len_size(7, req_len(cmp->value, cmp->value_len));
	else
		size += uint_always_size(cmp_union_field[cmp->target], (uint64_t)cmp->number);
	return (int64_t)size;
}

static void put_cmp(struct ck_buf *b, const struct ck_etcd_cmp *cmp)
{
	put_uint(b, 1, cmp_result_pb[cmp->result]);
	put_uint(b, 2, cmp_target_pb[cmp->target]);
	put_bytes(b, 3, cmp->key, req_len(cmp->key, cmp->key_len));
	if (cmp->target == CK_ETCD_CMP_VALUE) {
		size_t vlen = req_len(cmp->value, cmp->value_len);

		put_len(b, 7, vlen);
		ck_buf_add(b, vlen ? cmp->value : "", vlen);
	} else {
		put_uint_always(b, cmp_union_field[cmp->target], (uint64_t)cmp->number);
	}
}

/*
 * RequestOp {oneof request {request_range = 1, request_put = 2, request_delete_range = 3,
 * request_txn = 4}}: the size of the op's own message in *inner, and of the RequestOp.
 * ckube's ops have no nested txn (etcd.h has no type for one).
 */
static int64_t op_size(const struct ck_etcd_op *op, size_t *inner, bool *writes,
                       struct ck_error **err)
{
	struct pb_keys k;
	int64_t s;
	unsigned field;

	switch (op->type) {
	case CK_ETCD_OP_RANGE:
		s = range_size(&op->range, true, &k, err);
		field = 1;
		break;
	case CK_ETCD_OP_PUT:
		s = put_size(&op->put, err);
		field = 2;
		*writes = true;
		break;
	case CK_ETCD_OP_DELETE:
		s = delete_size(&op->del, &k, err);
		field = 3;
		*writes = true;
		break;
	default:
		return ck_error_set(err, 400, NULL, "etcd txn: unknown operation type %d",
		                    (int)op->type);
	}
	if (s < 0)
		return -1;
	*inner = (size_t)s;
	return (int64_t)len_size(field, (size_t)s);
}

/* The RequestOp of op, already checked by op_size. */
static void put_op(struct ck_buf *b, const struct ck_etcd_op *op)
{
	struct pb_keys k;
	size_t inner = 0;
	bool writes;

	CK_BUG_ON(op_size(op, &inner, &writes, NULL) < 0);
	switch (op->type) {
	case CK_ETCD_OP_RANGE:
		put_len(b, 1, inner);
		CK_BUG_ON(resolve_keys(&k, op->range.key, op->range.key_len, op->range.prefix,
		                       op->range.range_end, op->range.range_end_len, "", NULL) < 0);
		put_range(b, &op->range, &k);
		break;
	case CK_ETCD_OP_PUT:
		put_len(b, 2, inner);
		put_put(b, &op->put);
		break;
	case CK_ETCD_OP_DELETE:
		put_len(b, 3, inner);
		CK_BUG_ON(resolve_keys(&k, op->del.key, op->del.key_len, op->del.prefix,
		                       op->del.range_end, op->del.range_end_len, "", NULL) < 0);
		put_delete(b, &op->del, &k);
		break;
	}
}

/* TxnRequest {compare = 1, success = 2, failure = 3}, each repeated. */
static int64_t txn_size(const struct ck_etcd_txn_req *req, bool *writes, struct ck_error **err)
{
	size_t size = 0, inner;
	int64_t s;

	for (size_t i = 0; i < req->n_cmps; i++) {
		if ((s = cmp_size(&req->cmps[i], err)) < 0)
			return -1;
		size += len_size(1, (size_t)s);
	}
	for (size_t i = 0; i < req->n_success; i++) {
		if ((s = op_size(&req->success[i], &inner, writes, err)) < 0)
			return -1;
		size += len_size(2, (size_t)s);
	}
	for (size_t i = 0; i < req->n_failure; i++) {
		if ((s = op_size(&req->failure[i], &inner, writes, err)) < 0)
			return -1;
		size += len_size(3, (size_t)s);
	}
	return (int64_t)size;
}

static void put_ops(struct ck_buf *b, unsigned field, const struct ck_etcd_op *ops, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		size_t inner;
		bool writes;

		put_len(b, field, (size_t)op_size(&ops[i], &inner, &writes, NULL));
		put_op(b, &ops[i]);
	}
}

static void put_txn(struct ck_buf *b, const struct ck_etcd_txn_req *req)
{
	for (size_t i = 0; i < req->n_cmps; i++) {
		put_len(b, 1, (size_t)cmp_size(&req->cmps[i], NULL));
		put_cmp(b, &req->cmps[i]);
	}
	put_ops(b, 2, req->success, req->n_success);
	put_ops(b, 3, req->failure, req->n_failure);
}

int ck_etcd_pb_encode_txn(struct ck_buf *b, const struct ck_etcd_txn_req *req, bool *writes,
                          struct ck_error **err)
{
	bool w = false;
	int64_t size = txn_size(req, &w, err);

	if (size < 0)
		return -1;
	WRITE_SIZED(b, (size_t)size, put_txn(b, req));
	if (writes)
		*writes = w;
	return 0;
}

int ck_etcd_pb_encode_cas(struct ck_buf *b, enum ck_etcd_pb_cas which,
                          const struct ck_etcd_cas_req *req, struct ck_error **err)
{
	struct etcd_cas_txn t;

	_Static_assert((int)CK_ETCD_PB_CAS_CREATE == (int)ETCD_CAS_CREATE &&
	                       (int)CK_ETCD_PB_CAS_UPDATE == (int)ETCD_CAS_UPDATE &&
	                       (int)CK_ETCD_PB_CAS_DELETE == (int)ETCD_CAS_DELETE,
	               "one numbering for the kinds of compare-and-swap");
	/* The same transaction as the gateway path's (etcd-int.h). */
	if (etcd_cas_txn(&t, (int)which, req, err) < 0)
		return -1;
	return ck_etcd_pb_encode_txn(b, &t.txn, NULL, err);
}

/* CompactionRequest {revision = 1, physical = 2}. */
int ck_etcd_pb_encode_compact(struct ck_buf *b, const struct ck_etcd_compact_req *req,
                              struct ck_error **err)
{
	size_t size;

	if (req->revision <= 0)
		return ck_error_set(err, 400, NULL, "etcd compaction: revision must be positive");
	size = uint_size(1, (uint64_t)req->revision) + uint_size(2, req->physical);
	WRITE_SIZED(b, size, {
		put_uint(b, 1, (uint64_t)req->revision);
		put_uint(b, 2, req->physical);
	});
	return 0;
}

/* ---- writing: leases, members, status ------------------------------------------------ */

static const char *const lease_names[] = {
        [CK_ETCD_PB_LEASE_GRANT] = "lease grant",
        [CK_ETCD_PB_LEASE_REVOKE] = "lease revoke",
        [CK_ETCD_PB_LEASE_KEEPALIVE] = "lease keepalive",
        [CK_ETCD_PB_LEASE_TTL] = "lease time-to-live",
};

/*
 * LeaseGrantRequest {TTL = 1, ID = 2}; LeaseRevokeRequest and LeaseKeepAliveRequest {ID =
 * 1}; LeaseTimeToLiveRequest {ID = 1, keys = 2}.
 */
int ck_etcd_pb_encode_lease(struct ck_buf *b, enum ck_etcd_pb_lease kind,
                            const struct ck_etcd_lease_req *req, struct ck_error **err)
{
	size_t size;

	CK_BUG_ON((unsigned)kind >= CK_ARRAY_SIZE(lease_names));
	if (kind == CK_ETCD_PB_LEASE_GRANT ? req->ttl <= 0 : req->id <= 0)
		return ck_error_set(err, 400, NULL, "etcd %s: %s must be positive",
		                    lease_names[kind],
		                    kind == CK_ETCD_PB_LEASE_GRANT ? "TTL" : "lease ID");
	if (kind == CK_ETCD_PB_LEASE_GRANT) {
		size = uint_size(1, (uint64_t)req->ttl) + uint_size(2, (uint64_t)req->id);
		WRITE_SIZED(b, size, {
			put_uint(b, 1, (uint64_t)req->ttl);
			put_uint(b, 2, (uint64_t)req->id);
		});
		return 0;
	}
	size = uint_size(1, (uint64_t)req->id) +
	       uint_size(2, kind == CK_ETCD_PB_LEASE_TTL && req->keys);
	WRITE_SIZED(b, size, {
		put_uint(b, 1, (uint64_t)req->id);
		put_uint(b, 2, kind == CK_ETCD_PB_LEASE_TTL && req->keys);
	});
	return 0;
}

/*
 * MemberListRequest {}; MemberAddRequest {peerURLs = 1 (repeated string), isLearner = 2};
 * MemberRemoveRequest {ID = 1}.
 */
int ck_etcd_pb_encode_member(struct ck_buf *b, enum ck_etcd_pb_member kind,
                             const struct ck_etcd_member_req *req, struct ck_error **err)
{
	size_t size = 0;

	switch (kind) {
	case CK_ETCD_PB_MEMBER_LIST:
		return 0;
	case CK_ETCD_PB_MEMBER_ADD:
		if (!req || !req->peer_urls || !req->peer_urls[0])
			return ck_error_set(err, 400, NULL, "etcd member add: no peer URLs");
		for (const char *const *u = req->peer_urls; *u; u++)
			size += len_size(1, strlen(*u));
		size += uint_size(2, req->is_learner);
		WRITE_SIZED(b, size, {
			for (const char *const *u = req->peer_urls; *u; u++) {
				put_len(b, 1, strlen(*u));
				ck_buf_adds(b, *u);
			}
			put_uint(b, 2, req->is_learner);
		});
		return 0;
	case CK_ETCD_PB_MEMBER_REMOVE:
		if (!req || !req->id)
			return ck_error_set(err, 400, NULL, "etcd member remove: no member ID");
		WRITE_SIZED(b, uint_size(1, req->id), put_uint(b, 1, req->id));
		return 0;
	}
	CK_BUG("unknown member request kind");
}

void ck_etcd_pb_encode_status(struct ck_buf *b)
{
	/* StatusRequest {}: zero bytes. */
	(void)b;
}

/* ---- writing: Watch ------------------------------------------------------------------ */

/*
 * WatchRequest {oneof request_union {create_request = 1, cancel_request = 2,
 * progress_request = 3}}; WatchCreateRequest {key = 1, range_end = 2, start_revision = 3,
 * progress_notify = 4, filters = 5 (repeated enum, packed: NOPUT 0, NODELETE 1), prev_kv =
 * 6, watch_id = 7, fragment = 8}; WatchCancelRequest {watch_id = 1}; WatchProgressRequest {}.
 */
int ck_etcd_pb_encode_watch_create(struct ck_buf *b, const struct ck_etcd_watch_req *req,
                                   const struct ck_etcd_pb_watch_opts *opts, struct ck_error **err)
{
	static const struct ck_etcd_pb_watch_opts none;
	struct pb_keys k;
	size_t inner, n_filters;

	if (!opts)
		opts = &none;
	if (resolve_keys(&k, req->key, req->key_len, req->prefix, req->range_end,
	                 req->range_end_len, "etcd watch", err) < 0)
		return -1;
	if (req->start_revision < 0)
		return ck_error_set(err, 400, NULL, "etcd watch: negative start revision");
	/* Each filter value is a one-byte varint. */
	n_filters = (size_t)opts->no_put + (size_t)opts->no_delete;
	inner = keys_size(&k) + uint_size(3, (uint64_t)req->start_revision) +
	        uint_size(4, req->progress_notify) + (n_filters ? len_size(5, n_filters) : 0) +
	        uint_size(6, req->prev_kv) + uint_size(7, (uint64_t)opts->watch_id) +
	        uint_size(8, opts->fragment);
	WRITE_SIZED(b, len_size(1, inner), {
		put_len(b, 1, inner);
		put_keys(b, &k);
		put_uint(b, 3, (uint64_t)req->start_revision);
		put_uint(b, 4, req->progress_notify);
		if (n_filters) {
			put_len(b, 5, n_filters);
			if (opts->no_put)
				ck_buf_addch(b, 0);
			if (opts->no_delete)
				ck_buf_addch(b, 1);
		}
		put_uint(b, 6, req->prev_kv);
		put_uint(b, 7, (uint64_t)opts->watch_id);
		put_uint(b, 8, opts->fragment);
	});
	return 0;
}

void ck_etcd_pb_encode_watch_cancel(struct ck_buf *b, int64_t watch_id)
{
	size_t inner = uint_size(1, (uint64_t)watch_id);

	WRITE_SIZED(b, len_size(2, inner), {
		put_len(b, 2, inner);
		put_uint(b, 1, (uint64_t)watch_id);
	});
}

void ck_etcd_pb_encode_watch_progress(struct ck_buf *b)
{
	WRITE_SIZED(b, len_size(3, 0), put_len(b, 3, 0));
}

/* ---- reading: primitives ------------------------------------------------------------- */

/* A decode in progress: on failure, why says where and what ("kvs[2].key: ..."). */
struct pb_dec {
	char why[256];
};

/* One field read off a message. */
struct pb_field {
	uint32_t num;
	unsigned wt;
	uint64_t v;          /* WT_VARINT: the value */
	const uint8_t *data; /* WT_LEN: the contents */
	size_t len;
};

/* The rest of a message. */
struct pb_rd {
	const uint8_t *p, *end;
};

static void rd_init(struct pb_rd *r, const void *data, size_t len)
{
	/* An empty message may come as (NULL, 0); NULL + 0 is not C. */
	r->p = len ? data : (const uint8_t *)"";
	r->end = r->p + len;
}

/* A failure of the message itself: ": what". Returns -1. */
__attribute__((format(printf, 2, 3))) static int dec_fail(struct pb_dec *d, const char *fmt, ...)
{
	va_list ap;

	d->why[0] = ':';
	d->why[1] = ' ';
	va_start(ap, fmt);
	vsnprintf(d->why + 2, sizeof(d->why) - 2, fmt, ap);
	va_end(ap);
	return -1;
}

/* A failure of one field: "name: what". Returns -1. */
__attribute__((format(printf, 3, 4))) static int dec_fail_field(struct pb_dec *d, const char *name,
                                                                const char *fmt, ...)
{
	va_list ap;
	int n = snprintf(d->why, sizeof(d->why), "%s: ", name);

	va_start(ap, fmt);
	if (n > 0 && (size_t)n < sizeof(d->why))
		vsnprintf(d->why + n, sizeof(d->why) - (size_t)n, fmt, ap);
	va_end(ap);
	return -1;
}

/* Put the field that contains the failure in front of why: "kvs[2]" + ".key: ...". */
__attribute__((format(printf, 2, 3))) static int dec_in(struct pb_dec *d, const char *fmt, ...)
{
	char seg[64];
	size_t n, rest = strlen(d->why);
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(seg, sizeof(seg) - 1, fmt, ap);
	va_end(ap);
	n = strlen(seg);
	if (d->why[0] != ':')
		seg[n++] = '.';
	/* Shift the message right by the segment, dropping what no longer fits. */
	if (rest > sizeof(d->why) - 1 - n)
		rest = sizeof(d->why) - 1 - n;
	memmove(d->why + n, d->why, rest);
	memcpy(d->why, seg, n);
	d->why[n + rest] = '\0';
	return -1;
}

/* At most 10 bytes, and the 10th may only hold bit 63. */
static int read_varint(struct pb_rd *r, uint64_t *v, struct pb_dec *d)
{
	uint64_t x = 0;

	for (unsigned i = 0; i < 10; i++) {
		uint8_t c;

		if (r->p >= r->end)
			return dec_fail(d, "truncated varint");
		c = *r->p++;
		if (i == 9 && c > 1)
			return dec_fail(d, "varint overflows 64 bits");
		x |= (uint64_t)(c & 0x7f) << (7 * i);
		if (!(c & 0x80)) {
			*v = x;
			return 0;
		}
	}
	CK_BUG("unreachable: the 10th byte ends a varint or fails");
}

/* Name field num in the message-level failure just set: ": field 4: truncated varint". */
static int dec_fail_num(struct pb_dec *d, uint32_t num)
{
	char what[sizeof(d->why)];

	memcpy(what, d->why + 2, sizeof(d->why) - 2);
	what[sizeof(what) - 3] = '\0';
	return dec_fail(d, "field %" PRIu32 ": %.200s", num, what);
}

/* The next field: 1, 0 at the end of the message, -1 when malformed. Skips nothing. */
static int next_field(struct pb_rd *r, struct pb_field *f, struct pb_dec *d)
{
	uint64_t tag;

	if (r->p >= r->end)
		return 0;
	if (read_varint(r, &tag, d) < 0)
		return -1;
	if (tag >> 3 == 0 || tag >> 3 > PB_MAX_FIELD)
		return dec_fail(d, "invalid field number %" PRIu64, tag >> 3);
	f->num = (uint32_t)(tag >> 3);
	f->wt = (unsigned)(tag & 7);
	switch (f->wt) {
	case WT_VARINT:
		if (read_varint(r, &f->v, d) < 0)
			return dec_fail_num(d, f->num);
		return 1;
	case WT_LEN:
		if (read_varint(r, &f->v, d) < 0)
			return dec_fail_num(d, f->num);
		if (f->v > (uint64_t)(r->end - r->p))
			return dec_fail(d,
			                "field %" PRIu32 ": length %" PRIu64
			                " past the end (%zu bytes left)",
			                f->num, f->v, (size_t)(r->end - r->p));
		f->data = r->p;
		f->len = (size_t)f->v;
		r->p += f->len;
		return 1;
	case WT_I64:
	case WT_I32: {
		size_t n = f->wt == WT_I64 ? 8 : 4;

		if ((size_t)(r->end - r->p) < n)
			return dec_fail(d, "field %" PRIu32 ": truncated fixed%zu", f->num, n * 8);
		r->p += n;
		return 1;
	}
	default:
		/* 3 and 4 are proto2 groups, which proto3 (and so etcd) never writes; 6, 7 none. */
		return dec_fail(d, "field %" PRIu32 ": unsupported wire type %u", f->num, f->wt);
	}
}

static const char *wt_name(unsigned wt)
{
	switch (wt) {
	case WT_VARINT:
		return "varint";
	case WT_I64:
		return "fixed64";
	case WT_LEN:
		return "length-delimited";
	default:
		return "fixed32";
	}
}

static int want(struct pb_dec *d, const struct pb_field *f, unsigned wt, const char *name)
{
	if (f->wt == wt)
		return 0;
	return dec_fail_field(d, name, "%s, expected %s", wt_name(f->wt), wt_name(wt));
}

static int get_i64(struct pb_dec *d, const struct pb_field *f, const char *name, int64_t *out)
{
	if (want(d, f, WT_VARINT, name) < 0)
		return -1;
	*out = (int64_t)f->v;
	return 0;
}

static int get_u64(struct pb_dec *d, const struct pb_field *f, const char *name, uint64_t *out)
{
	if (want(d, f, WT_VARINT, name) < 0)
		return -1;
	*out = f->v;
	return 0;
}

static int get_bool(struct pb_dec *d, const struct pb_field *f, const char *name, bool *out)
{
	if (want(d, f, WT_VARINT, name) < 0)
		return -1;
	*out = f->v != 0;
	return 0;
}

/* A bytes or string field as a new NUL-terminated copy in *out (replacing what was there). */
static int get_bytes(struct pb_dec *d, const struct pb_field *f, const char *name, char **out,
                     size_t *len)
{
	char *s;

	if (want(d, f, WT_LEN, name) < 0)
		return -1;
	s = ck_xmalloc(f->len + 1);
	memcpy(s, f->data, f->len);
	s[f->len] = '\0';
	free(*out);
	*out = s;
	if (len)
		*len = f->len;
	return 0;
}

/* An empty string where a field left none: results never hold NULL there. */
static void fill_empty(char **s)
{
	if (!*s)
		*s = ck_xcalloc(1, 1);
}

/*
 * How many length-delimited fields num has, to size a repeated field's array before
 * reading it. Stops quietly at anything malformed, which the reading pass then reports
 * (it never gets further than this pass did).
 */
static size_t count_len_fields(const uint8_t *data, size_t len, uint32_t num)
{
	struct pb_dec scratch;
	struct pb_field f;
	struct pb_rd r;
	size_t n = 0;

	rd_init(&r, data, len);
	while (next_field(&r, &f, &scratch) > 0)
		n += f.num == num && f.wt == WT_LEN;
	return n;
}

/* Make room for *n + more elements of size each in *arr; new ones zeroed. */
static void reserve(void **arr, size_t n, size_t more, size_t size)
{
	if (!more)
		return;
	*arr = ck_xreallocarray(*arr, n + more, size);
	memset((char *)*arr + n * size, 0, more * size);
}

/* Append one string to a NULL-terminated list whose room reserve() made (n + 1 slots). */
static int get_str_list_item(struct pb_dec *d, const struct pb_field *f, const char *name,
                             char **list, size_t *n)
{
	if (get_bytes(d, f, name, &list[*n], NULL) < 0)
		return -1;
	(*n)++;
	return 0;
}

/* ---- reading: headers and key-values ------------------------------------------------- */

/* ResponseHeader {cluster_id = 1, member_id = 2, revision = 3, raft_term = 4}; merged. */
static int dec_header(struct pb_dec *d, const struct pb_field *outer, struct ck_etcd_header *h)
{
	struct pb_field f;
	struct pb_rd r;
	int rc;

	if (want(d, outer, WT_LEN, "header") < 0)
		return -1;
	rd_init(&r, outer->data, outer->len);
	while ((rc = next_field(&r, &f, d)) > 0) {
		switch (f.num) {
		case 1:
			rc = get_u64(d, &f, "cluster_id", &h->cluster_id);
			break;
		case 2:
			rc = get_u64(d, &f, "member_id", &h->member_id);
			break;
		case 3:
			rc = get_i64(d, &f, "revision", &h->revision);
			break;
		case 4:
			rc = get_u64(d, &f, "raft_term", &h->raft_term);
			break;
		default:
			rc = 0;
			break;
		}
		if (rc < 0)
			break;
	}
	return rc < 0 ? dec_in(d, "header") : 0;
}

/*
 * mvccpb.KeyValue {key = 1, create_revision = 2, mod_revision = 3, version = 4, value = 5,
 * lease = 6}, merged into kv (which holds only owned pointers or NULL, so that the caller can
 * release it whatever happens); key and value are never NULL on success.
 */
static int dec_kv(struct pb_dec *d, const struct pb_field *outer, struct ck_etcd_kv *kv)
{
	struct pb_field f;
	struct pb_rd r;
	int rc;

	rd_init(&r, outer->data, outer->len);
	while ((rc = next_field(&r, &f, d)) > 0) {
		switch (f.num) {
		case 1:
			rc = get_bytes(d, &f, "key", &kv->key, &kv->key_len);
			break;
		case 2:
			rc = get_i64(d, &f, "create_revision", &kv->create_revision);
			break;
		case 3:
			rc = get_i64(d, &f, "mod_revision", &kv->mod_revision);
			break;
		case 4:
			rc = get_i64(d, &f, "version", &kv->version);
			break;
		case 5:
			rc = get_bytes(d, &f, "value", &kv->value, &kv->value_len);
			break;
		case 6:
			rc = get_i64(d, &f, "lease", &kv->lease);
			break;
		default:
			rc = 0;
			break;
		}
		if (rc < 0)
			break;
	}
	if (rc < 0)
		return -1;
	fill_empty(&kv->key);
	fill_empty(&kv->value);
	return 0;
}

/* A singular KeyValue field (prev_kv): allocated on its first occurrence, merged after. */
static int dec_kv_alloc(struct pb_dec *d, const struct pb_field *f, const char *name,
                        struct ck_etcd_kv **kv)
{
	if (want(d, f, WT_LEN, name) < 0)
		return -1;
	if (!*kv)
		*kv = ck_xcalloc(1, sizeof(**kv));
	return dec_kv(d, f, *kv) < 0 ? dec_in(d, "%s", name) : 0;
}

/* One element of a repeated KeyValue field, its room reserved: counted before reading. */
static int dec_kv_item(struct pb_dec *d, const struct pb_field *f, const char *name,
                       struct ck_etcd_kv *kvs, size_t *n)
{
	size_t i;

	if (want(d, f, WT_LEN, name) < 0)
		return -1;
	i = (*n)++;
	if (dec_kv(d, f, &kvs[i]) < 0)
		return dec_in(d, "%s[%zu]", name, i);
	return 0;
}

/* ---- reading: KV --------------------------------------------------------------------- */

/* The top level: turn a failure into the caller's error. */
static int dec_done(struct pb_dec *d, const char *message, int rc, struct ck_error **err)
{
	if (rc >= 0)
		return 0;
	return ck_error_set(err, 500, CK_REASON_INTERNAL, "malformed etcd reply: %s%s%s", message,
	                    d->why[0] == ':' ? "" : ".", d->why);
}

/* RangeResponse {header = 1, kvs = 2, more = 3, count = 4}, merged into res. */
static int dec_range(struct pb_dec *d, const uint8_t *data, size_t len,
                     struct ck_etcd_range_result *res)
{
	struct pb_field f;
	struct pb_rd r;
	int rc;

	reserve((void **)&res->kvs, res->n_kvs, count_len_fields(data, len, 2), sizeof(*res->kvs));
	rd_init(&r, data, len);
	while ((rc = next_field(&r, &f, d)) > 0) {
		switch (f.num) {
		case 1:
			rc = dec_header(d, &f, &res->header);
			break;
		case 2:
			rc = dec_kv_item(d, &f, "kvs", res->kvs, &res->n_kvs);
			break;
		case 3:
			rc = get_bool(d, &f, "more", &res->more);
			break;
		case 4:
			rc = get_i64(d, &f, "count", &res->count);
			break;
		default:
			rc = 0;
			break;
		}
		if (rc < 0)
			return -1;
	}
	return rc;
}

int ck_etcd_pb_decode_range(const void *data, size_t len, struct ck_etcd_range_result **out,
                            struct ck_error **err)
{
	struct ck_etcd_range_result *res = ck_xcalloc(1, sizeof(*res));
	struct pb_dec d;

	*out = NULL;
	if (dec_done(&d, "RangeResponse", dec_range(&d, data, len, res), err) < 0) {
		ck_etcd_range_result_free(res);
		return -1;
	}
	*out = res;
	return 0;
}

/* PutResponse {header = 1, prev_kv = 2}; CompactionResponse {header = 1} is its prefix. */
static int dec_put(struct pb_dec *d, const uint8_t *data, size_t len, bool compact,
                   struct ck_etcd_put_result *res)
{
	struct pb_field f;
	struct pb_rd r;
	int rc;

	rd_init(&r, data, len);
	while ((rc = next_field(&r, &f, d)) > 0) {
		if (f.num == 1)
			rc = dec_header(d, &f, &res->header);
		else if (f.num == 2 && !compact)
			rc = dec_kv_alloc(d, &f, "prev_kv", &res->prev_kv);
		if (rc < 0)
			return -1;
	}
	return rc;
}

static int decode_put(const char *message, bool compact, const void *data, size_t len,
                      struct ck_etcd_put_result **out, struct ck_error **err)
{
	struct ck_etcd_put_result *res = ck_xcalloc(1, sizeof(*res));
	struct pb_dec d;

	*out = NULL;
	if (dec_done(&d, message, dec_put(&d, data, len, compact, res), err) < 0) {
		ck_etcd_put_result_free(res);
		return -1;
	}
	*out = res;
	return 0;
}

int ck_etcd_pb_decode_put(const void *data, size_t len, struct ck_etcd_put_result **out,
                          struct ck_error **err)
{
	return decode_put("PutResponse", false, data, len, out, err);
}

int ck_etcd_pb_decode_compact(const void *data, size_t len, struct ck_etcd_put_result **out,
                              struct ck_error **err)
{
	return decode_put("CompactionResponse", true, data, len, out, err);
}

/* DeleteRangeResponse {header = 1, deleted = 2, prev_kvs = 3}, merged into res. */
static int dec_delete(struct pb_dec *d, const uint8_t *data, size_t len,
                      struct ck_etcd_delete_result *res)
{
	struct pb_field f;
	struct pb_rd r;
	int rc;

	reserve((void **)&res->prev_kvs, res->n_prev_kvs, count_len_fields(data, len, 3),
	        sizeof(*res->prev_kvs));
	rd_init(&r, data, len);
	while ((rc = next_field(&r, &f, d)) > 0) {
		switch (f.num) {
		case 1:
			rc = dec_header(d, &f, &res->header);
			break;
		case 2:
			rc = get_i64(d, &f, "deleted", &res->deleted);
			break;
		case 3:
			rc = dec_kv_item(d, &f, "prev_kvs", res->prev_kvs, &res->n_prev_kvs);
			break;
		default:
			rc = 0;
			break;
		}
		if (rc < 0)
			return -1;
	}
	return rc;
}

int ck_etcd_pb_decode_delete(const void *data, size_t len, struct ck_etcd_delete_result **out,
                             struct ck_error **err)
{
	struct ck_etcd_delete_result *res = ck_xcalloc(1, sizeof(*res));
	struct pb_dec d;

	*out = NULL;
	if (dec_done(&d, "DeleteRangeResponse", dec_delete(&d, data, len, res), err) < 0) {
		ck_etcd_delete_result_free(res);
		return -1;
	}
	*out = res;
	return 0;
}

/* ---- reading: Txn -------------------------------------------------------------------- */

/* Free what one op result holds and zero it (etcd-ops.c's op_result_release). */
static void op_result_clear(struct ck_etcd_op_result *r)
{
	switch (r->type) {
	case CK_ETCD_OP_RANGE:
		for (size_t i = 0; i < r->range.n_kvs; i++)
			ck_etcd_kv_release(&r->range.kvs[i]);
		free(r->range.kvs);
		break;
	case CK_ETCD_OP_PUT:
		ck_etcd_kv_free(r->put.prev_kv);
		break;
	case CK_ETCD_OP_DELETE:
		for (size_t i = 0; i < r->del.n_prev_kvs; i++)
			ck_etcd_kv_release(&r->del.prev_kvs[i]);
		free(r->del.prev_kvs);
		break;
	}
	memset(r, 0, sizeof(*r));
}

/*
 * ResponseOp {oneof response {response_range = 1, response_put = 2, response_delete_range =
 * 3, response_txn = 4}}: the last member given wins (an earlier one of another member is
 * dropped; of the same member, merged). *set says whether any was.
 */
static int dec_response_op(struct pb_dec *d, const struct pb_field *outer,
                           struct ck_etcd_op_result *op, bool *set)
{
	static const char *const names[] = {
	        [CK_ETCD_OP_RANGE] = "response_range",
	        [CK_ETCD_OP_PUT] = "response_put",
	        [CK_ETCD_OP_DELETE] = "response_delete_range",
	};
	struct pb_field f;
	struct pb_rd r;
	int rc;

	rd_init(&r, outer->data, outer->len);
	while ((rc = next_field(&r, &f, d)) > 0) {
		enum ck_etcd_op_type type;

		if (f.num == 4)
			return dec_fail_field(d, "response_txn",
			                      "nested transactions are not used");
		if (f.num < 1 || f.num > 3)
			continue;
		type = f.num == 1   ? CK_ETCD_OP_RANGE
		       : f.num == 2 ? CK_ETCD_OP_PUT
		                    : CK_ETCD_OP_DELETE;
		if (want(d, &f, WT_LEN, names[type]) < 0)
			return -1;
		if (*set && op->type != type)
			op_result_clear(op);
		op->type = type;
		*set = true;
		if (type == CK_ETCD_OP_RANGE)
			rc = dec_range(d, f.data, f.len, &op->range);
		else if (type == CK_ETCD_OP_PUT)
			rc = dec_put(d, f.data, f.len, false, &op->put);
		else
			rc = dec_delete(d, f.data, f.len, &op->del);
		if (rc < 0)
			return dec_in(d, "%s", names[type]);
	}
	return rc;
}

/* TxnResponse {header = 1, succeeded = 2, responses = 3}. */
static int dec_txn(struct pb_dec *d, const uint8_t *data, size_t len,
                   struct ck_etcd_txn_result *res)
{
	struct pb_field f;
	struct pb_rd r;
	int rc;

	reserve((void **)&res->responses, res->n_responses, count_len_fields(data, len, 3),
	        sizeof(*res->responses));
	rd_init(&r, data, len);
	while ((rc = next_field(&r, &f, d)) > 0) {
		switch (f.num) {
		case 1:
			rc = dec_header(d, &f, &res->header);
			break;
		case 2:
			rc = get_bool(d, &f, "succeeded", &res->succeeded);
			break;
		case 3: {
			size_t i = res->n_responses;
			bool set = false;

			if (want(d, &f, WT_LEN, "responses") < 0)
				return -1;
			res->n_responses++;
			rc = dec_response_op(d, &f, &res->responses[i], &set);
			if (rc >= 0 && !set)
				rc = dec_fail(d, "no operation");
			if (rc < 0)
				return dec_in(d, "responses[%zu]", i);
			break;
		}
		default:
			rc = 0;
			break;
		}
		if (rc < 0)
			return -1;
	}
	return rc;
}

int ck_etcd_pb_decode_txn(const void *data, size_t len, struct ck_etcd_txn_result **out,
                          struct ck_error **err)
{
	struct ck_etcd_txn_result *res = ck_xcalloc(1, sizeof(*res));
	struct pb_dec d;

	*out = NULL;
	if (dec_done(&d, "TxnResponse", dec_txn(&d, data, len, res), err) < 0) {
		ck_etcd_txn_result_free(res);
		return -1;
	}
	*out = res;
	return 0;
}

/* Move kvs[0] out of a range or delete result into a kv of its own; NULL when none. */
static struct ck_etcd_kv *take_first(struct ck_etcd_kv *kvs, size_t n)
{
	struct ck_etcd_kv *kv;

	if (!n)
		return NULL;
	kv = ck_xmalloc(sizeof(*kv));
	*kv = kvs[0];
	memset(&kvs[0], 0, sizeof(kvs[0]));
	return kv;
}

int ck_etcd_pb_decode_cas(enum ck_etcd_pb_cas which, bool no_current, const void *data, size_t len,
                          struct ck_etcd_cas_result **out, struct ck_error **err)
{
	struct ck_etcd_txn_result *txn;
	struct ck_etcd_cas_result *res;
	enum ck_etcd_op_type expect;
	size_t want_n;

	*out = NULL;
	if (ck_etcd_pb_decode_txn(data, len, &txn, err) < 0)
		return -1;
	/* A failed create without the failure range has no response at all. */
	want_n = !txn->succeeded && which == CK_ETCD_PB_CAS_CREATE && no_current ? 0 : 1;
	expect = !txn->succeeded                  ? CK_ETCD_OP_RANGE
	         : which == CK_ETCD_PB_CAS_DELETE ? CK_ETCD_OP_DELETE
	                                          : CK_ETCD_OP_PUT;
	if (txn->n_responses != want_n || (want_n && txn->responses[0].type != expect)) {
		ck_etcd_txn_result_free(txn);
		return ck_error_set(err, 500, CK_REASON_INTERNAL,
		                    "malformed etcd reply: TxnResponse: expected %s",
		                    !want_n                      ? "no response"
		                    : expect == CK_ETCD_OP_RANGE ? "one range response"
		                    : expect == CK_ETCD_OP_PUT   ? "one put response"
		                                                 : "one delete response");
	}
	res = ck_xcalloc(1, sizeof(*res));
	res->header = txn->header;
	res->succeeded = txn->succeeded;
	if (!txn->succeeded && want_n)
		res->kv = take_first(txn->responses[0].range.kvs, txn->responses[0].range.n_kvs);
	else if (txn->succeeded && which == CK_ETCD_PB_CAS_DELETE)
		res->kv = take_first(txn->responses[0].del.prev_kvs,
		                     txn->responses[0].del.n_prev_kvs);
	ck_etcd_txn_result_free(txn);
	*out = res;
	return 0;
}

/* ---- reading: leases ----------------------------------------------------------------- */

/*
 * LeaseGrantResponse {header = 1, ID = 2, TTL = 3, error = 4 (string)};
 * LeaseRevokeResponse {header = 1}; LeaseKeepAliveResponse {header = 1, ID = 2, TTL = 3};
 * LeaseTimeToLiveResponse {header = 1, ID = 2, TTL = 3, grantedTTL = 4, keys = 5 (repeated
 * bytes)}.
 */
static int dec_lease(struct pb_dec *d, enum ck_etcd_pb_lease kind, const uint8_t *data, size_t len,
                     struct ck_etcd_lease_result *res, char **grant_error)
{
	bool ttl = kind == CK_ETCD_PB_LEASE_TTL, revoke = kind == CK_ETCD_PB_LEASE_REVOKE;
	struct pb_field f;
	struct pb_rd r;
	int rc;

	if (ttl)
		reserve((void **)&res->keys, 0, count_len_fields(data, len, 5), sizeof(*res->keys));
	rd_init(&r, data, len);
	while ((rc = next_field(&r, &f, d)) > 0) {
		if (f.num == 1) {
			rc = dec_header(d, &f, &res->header);
		} else if (f.num == 2 && !revoke) {
			rc = get_i64(d, &f, "ID", &res->id);
		} else if (f.num == 3 && !revoke) {
			rc = get_i64(d, &f, "TTL", &res->ttl);
		} else if (f.num == 4 && kind == CK_ETCD_PB_LEASE_GRANT) {
			rc = get_bytes(d, &f, "error", grant_error, NULL);
		} else if (f.num == 4 && ttl) {
			rc = get_i64(d, &f, "grantedTTL", &res->granted_ttl);
		} else if (f.num == 5 && ttl) {
			struct ck_etcd_kv *kv;

			/* Counted only when length-delimited: check before taking a slot. */
			if (want(d, &f, WT_LEN, "keys") < 0)
				return -1;
			kv = &res->keys[res->n_keys++];
			rc = get_bytes(d, &f, "keys", &kv->key, &kv->key_len);
			kv->value = ck_xcalloc(1, 1);
		}
		if (rc < 0)
			return -1;
	}
	return rc;
}

int ck_etcd_pb_decode_lease(enum ck_etcd_pb_lease kind, const void *data, size_t len,
                            struct ck_etcd_lease_result **out, struct ck_error **err)
{
	static const char *const messages[] = {
	        [CK_ETCD_PB_LEASE_GRANT] = "LeaseGrantResponse",
	        [CK_ETCD_PB_LEASE_REVOKE] = "LeaseRevokeResponse",
	        [CK_ETCD_PB_LEASE_KEEPALIVE] = "LeaseKeepAliveResponse",
	        [CK_ETCD_PB_LEASE_TTL] = "LeaseTimeToLiveResponse",
	};
	struct ck_etcd_lease_result *res = ck_xcalloc(1, sizeof(*res));
	ck_autofree char *grant_error = NULL;
	struct pb_dec d;

	CK_BUG_ON((unsigned)kind >= CK_ARRAY_SIZE(messages));
	*out = NULL;
	if (dec_done(&d, messages[kind], dec_lease(&d, kind, data, len, res, &grant_error), err) <
	    0) {
		ck_etcd_lease_result_free(res);
		return -1;
	}
	if (grant_error && *grant_error) {
		ck_etcd_lease_result_free(res);
		return ck_error_set(err, 500, CK_REASON_INTERNAL, "etcd lease grant: %s",
		                    grant_error);
	}
	*out = res;
	return 0;
}

/* ---- reading: members ---------------------------------------------------------------- */

/*
 * Member {ID = 1, name = 2, peerURLs = 3, clientURLs = 4 (repeated strings), isLearner = 5},
 * merged into m (name and both lists present on success).
 */
static int dec_member(struct pb_dec *d, const struct pb_field *outer, struct ck_etcd_member *m)
{
	size_t n_peer = 0, n_client = 0;
	struct pb_field f;
	struct pb_rd r;
	int rc;

	if (m->peer_urls)
		while (m->peer_urls[n_peer])
			n_peer++;
	if (m->client_urls)
		while (m->client_urls[n_client])
			n_client++;
	/* One more for the NULL at the end. */
	reserve((void **)&m->peer_urls, n_peer, count_len_fields(outer->data, outer->len, 3) + 1,
	        sizeof(char *));
	reserve((void **)&m->client_urls, n_client,
	        count_len_fields(outer->data, outer->len, 4) + 1, sizeof(char *));
	rd_init(&r, outer->data, outer->len);
	while ((rc = next_field(&r, &f, d)) > 0) {
		switch (f.num) {
		case 1:
			rc = get_u64(d, &f, "ID", &m->id);
			break;
		case 2:
			rc = get_bytes(d, &f, "name", &m->name, NULL);
			break;
		case 3:
			rc = get_str_list_item(d, &f, "peerURLs", m->peer_urls, &n_peer);
			break;
		case 4:
			rc = get_str_list_item(d, &f, "clientURLs", m->client_urls, &n_client);
			break;
		case 5:
			rc = get_bool(d, &f, "isLearner", &m->is_learner);
			break;
		default:
			rc = 0;
			break;
		}
		if (rc < 0)
			return -1;
	}
	if (rc < 0)
		return -1;
	fill_empty(&m->name);
	return 0;
}

/*
 * MemberListResponse and MemberRemoveResponse {header = 1, members = 2};
 * MemberAddResponse {header = 1, member = 2, members = 3}.
 */
static int dec_members(struct pb_dec *d, enum ck_etcd_pb_member kind, const uint8_t *data,
                       size_t len, struct ck_etcd_member_result *res)
{
	uint32_t members_field = kind == CK_ETCD_PB_MEMBER_ADD ? 3 : 2;
	struct pb_field f;
	struct pb_rd r;
	int rc;

	reserve((void **)&res->members, 0, count_len_fields(data, len, members_field),
	        sizeof(*res->members));
	rd_init(&r, data, len);
	while ((rc = next_field(&r, &f, d)) > 0) {
		if (f.num == 1) {
			rc = dec_header(d, &f, &res->header);
		} else if (f.num == members_field) {
			size_t i = res->n_members;

			if (want(d, &f, WT_LEN, "members") < 0)
				return -1;
			res->n_members++;
			if (dec_member(d, &f, &res->members[i]) < 0)
				return dec_in(d, "members[%zu]", i);
		} else if (f.num == 2 && kind == CK_ETCD_PB_MEMBER_ADD) {
			if (want(d, &f, WT_LEN, "member") < 0)
				return -1;
			if (!res->added)
				res->added = ck_xcalloc(1, sizeof(*res->added));
			if (dec_member(d, &f, res->added) < 0)
				return dec_in(d, "member");
		}
		if (rc < 0)
			return -1;
	}
	return rc;
}

int ck_etcd_pb_decode_member(enum ck_etcd_pb_member kind, const void *data, size_t len,
                             struct ck_etcd_member_result **out, struct ck_error **err)
{
	static const char *const messages[] = {
	        [CK_ETCD_PB_MEMBER_LIST] = "MemberListResponse",
	        [CK_ETCD_PB_MEMBER_ADD] = "MemberAddResponse",
	        [CK_ETCD_PB_MEMBER_REMOVE] = "MemberRemoveResponse",
	};
	struct ck_etcd_member_result *res = ck_xcalloc(1, sizeof(*res));
	struct pb_dec d;

	CK_BUG_ON((unsigned)kind >= CK_ARRAY_SIZE(messages));
	*out = NULL;
	if (dec_done(&d, messages[kind], dec_members(&d, kind, data, len, res), err) < 0) {
		/* A member that failed half-way may lack its name: the free copes with NULLs. */
		ck_etcd_member_result_free(res);
		return -1;
	}
	*out = res;
	return 0;
}

/* ---- reading: status ----------------------------------------------------------------- */

/*
 * StatusResponse {header = 1, version = 2, dbSize = 3, leader = 4, raftIndex = 5, raftTerm =
 * 6, raftAppliedIndex = 7 (uint64s), errors = 8 (repeated string), dbSizeInUse = 9,
 * isLearner = 10}.
 */
static int dec_status(struct pb_dec *d, const uint8_t *data, size_t len,
                      struct ck_etcd_status_result *res, char **errors, size_t *n_errors)
{
	struct pb_field f;
	struct pb_rd r;
	uint64_t u = 0;
	int rc;

	rd_init(&r, data, len);
	while ((rc = next_field(&r, &f, d)) > 0) {
		switch (f.num) {
		case 1:
			rc = dec_header(d, &f, &res->header);
			break;
		case 2:
			rc = get_bytes(d, &f, "version", &res->version, NULL);
			break;
		case 3:
			rc = get_i64(d, &f, "dbSize", &res->db_size);
			break;
		case 4:
			rc = get_u64(d, &f, "leader", &res->leader);
			break;
		case 5:
			rc = get_u64(d, &f, "raftIndex", &u);
			res->raft_index = (int64_t)u;
			break;
		case 6:
			rc = get_u64(d, &f, "raftTerm", &u);
			res->raft_term = (int64_t)u;
			break;
		case 7:
			rc = get_u64(d, &f, "raftAppliedIndex", &u);
			res->raft_applied_index = (int64_t)u;
			break;
		case 8:
			rc = get_str_list_item(d, &f, "errors", errors, n_errors);
			break;
		case 9:
			rc = get_i64(d, &f, "dbSizeInUse", &res->db_size_in_use);
			break;
		case 10:
			rc = get_bool(d, &f, "isLearner", &res->is_learner);
			break;
		default:
			rc = 0;
			break;
		}
		if (rc < 0)
			return -1;
	}
	return rc;
}

int ck_etcd_pb_decode_status(const void *data, size_t len, struct ck_etcd_status_result **out,
                             char ***errors, struct ck_error **err)
{
	struct ck_etcd_status_result *res = ck_xcalloc(1, sizeof(*res));
	char **list = NULL;
	size_t n = 0;
	struct pb_dec d;

	*out = NULL;
	if (errors)
		*errors = NULL;
	reserve((void **)&list, 0, count_len_fields(data, len, 8) + 1, sizeof(char *));
	if (dec_done(&d, "StatusResponse", dec_status(&d, data, len, res, list, &n), err) < 0) {
		ck_str_list_free(list);
		ck_etcd_status_result_free(res);
		return -1;
	}
	fill_empty(&res->version);
	if (errors)
		*errors = list;
	else
		ck_str_list_free(list);
	*out = res;
	return 0;
}

/* ---- reading: Watch ------------------------------------------------------------------ */

/* mvccpb.Event {type = 1 (PUT 0, DELETE 1), kv = 2, prev_kv = 3}, merged into ev. */
static int dec_event(struct pb_dec *d, const struct pb_field *outer, struct ck_etcd_event *ev,
                     bool *has_kv)
{
	struct pb_field f;
	struct pb_rd r;
	int rc;

	rd_init(&r, outer->data, outer->len);
	while ((rc = next_field(&r, &f, d)) > 0) {
		switch (f.num) {
		case 1:
			if (want(d, &f, WT_VARINT, "type") < 0)
				return -1;
			if (f.v > 1)
				return dec_fail_field(d, "type", "unknown event type %" PRIu64,
				                      f.v);
			ev->type = f.v ? CK_ETCD_EVENT_DELETE : CK_ETCD_EVENT_PUT;
			break;
		case 2:
			if (want(d, &f, WT_LEN, "kv") < 0)
				return -1;
			*has_kv = true;
			if (dec_kv(d, &f, &ev->kv) < 0)
				return dec_in(d, "kv");
			break;
		case 3:
			rc = dec_kv_alloc(d, &f, "prev_kv", &ev->prev_kv);
			break;
		default:
			break;
		}
		if (rc < 0)
			return -1;
	}
	return rc;
}

/*
 * WatchResponse {header = 1, watch_id = 2, created = 3, canceled = 4, compact_revision = 5,
 * cancel_reason = 6 (string), fragment = 7, events = 11}.
 */
static int dec_watch(struct pb_dec *d, const uint8_t *data, size_t len,
                     struct ck_etcd_pb_watch_response *res)
{
	struct pb_field f;
	struct pb_rd r;
	int rc;

	reserve((void **)&res->events, 0, count_len_fields(data, len, 11), sizeof(*res->events));
	rd_init(&r, data, len);
	while ((rc = next_field(&r, &f, d)) > 0) {
		switch (f.num) {
		case 1:
			rc = dec_header(d, &f, &res->header);
			break;
		case 2:
			rc = get_i64(d, &f, "watch_id", &res->watch_id);
			break;
		case 3:
			rc = get_bool(d, &f, "created", &res->created);
			break;
		case 4:
			rc = get_bool(d, &f, "canceled", &res->canceled);
			break;
		case 5:
			rc = get_i64(d, &f, "compact_revision", &res->compact_revision);
			break;
		case 6:
			rc = get_bytes(d, &f, "cancel_reason", &res->cancel_reason, NULL);
			break;
		case 7:
			rc = get_bool(d, &f, "fragment", &res->fragment);
			break;
		case 11: {
			size_t i = res->n_events;
			bool has_kv = false;

			if (want(d, &f, WT_LEN, "events") < 0)
				return -1;
			res->n_events++;
			rc = dec_event(d, &f, &res->events[i], &has_kv);
			if (rc >= 0 && !has_kv)
				rc = dec_fail(d, "event without a kv");
			if (rc < 0)
				return dec_in(d, "events[%zu]", i);
			break;
		}
		default:
			rc = 0;
			break;
		}
		if (rc < 0)
			return -1;
	}
	return rc;
}

void ck_etcd_pb_watch_response_free(struct ck_etcd_pb_watch_response *res)
{
	if (!res)
		return;
	etcd_events_free(res->events, res->n_events);
	free(res->cancel_reason);
	free(res);
}

int ck_etcd_pb_decode_watch(const void *data, size_t len, struct ck_etcd_pb_watch_response **out,
                            struct ck_error **err)
{
	struct ck_etcd_pb_watch_response *res = ck_xcalloc(1, sizeof(*res));
	struct pb_dec d;

	*out = NULL;
	if (dec_done(&d, "WatchResponse", dec_watch(&d, data, len, res), err) < 0) {
		ck_etcd_pb_watch_response_free(res);
		return -1;
	}
	fill_empty(&res->cancel_reason);
	*out = res;
	return 0;
}
