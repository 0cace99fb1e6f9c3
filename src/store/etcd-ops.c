/*
 * The etcd client's unary operations (see etcd.h): for each, its gRPC method, request
 * (etcd-pb.c's encoders), how to read the reply (etcd-pb.c's decoders), how to reach the
 * caller's typed callback, and the result's free function. Also the periodic lease
 * keepalive built on single keepalive requests, the health check built on status and a
 * read, and the ck_etcd_sync_* family, which is one macro over ck_etcd_run_until rather
 * than a second copy of each operation.
 */
#include <event2/event.h>

#include "base/compat.h"

#include "base/log.h"
#include "base/mem.h"
#include "base/time.h"
#include "store/etcd-int.h"
#include "store/etcd-pb.h"

/* Hand res/err to the caller's callback of type fn_type, or drop them when it has none. */
#define DELIVER(name, fn_type, free_fn)                                                            \
	static void deliver_##name(struct etcd_call *call, void *res, struct ck_error *err)        \
	{                                                                                          \
		if (!call->cb) {                                                                   \
			free_fn(res);                                                              \
			ck_error_free(err);                                                        \
			return;                                                                    \
		}                                                                                  \
		((fn_type *)call->cb)(res, err, call->arg);                                        \
	}

/* A decoder of etcd-pb.h as a kind's decode: the reply message into a result. */
#define DECODE(name, res_type, decode_expr)                                                        \
	static void *decode_##name(struct etcd_call *call, const void *msg, size_t len,            \
	                           struct ck_error **err)                                          \
	{                                                                                          \
		res_type *res = NULL;                                                              \
		(void)call;                                                                        \
		if ((decode_expr) < 0)                                                             \
			return NULL;                                                               \
		return res;                                                                        \
	}

/* Start call with its finished request, or drop it when the request could not be built. */
static int start(struct etcd_call *call, int built, struct ck_error **err)
{
	if (built < 0) {
		etcd_call_discard(call);
		return -1;
	}
	return etcd_call_start(call, err);
}

/* ---- range ------------------------------------------------------------------------ */

static void range_result_release(struct ck_etcd_range_result *res)
{
	for (size_t i = 0; i < res->n_kvs; i++)
		ck_etcd_kv_release(&res->kvs[i]);
	free(res->kvs);
}

void ck_etcd_range_result_free(struct ck_etcd_range_result *res)
{
	if (!res)
		return;
	range_result_release(res);
	free(res);
}

DECODE(range, struct ck_etcd_range_result, ck_etcd_pb_decode_range(msg, len, &res, err))
DELIVER(range, ck_etcd_range_fn, ck_etcd_range_result_free)

static const struct etcd_call_kind kind_range = {
        .name = "range",
        .path = CK_ETCD_PB_PATH_RANGE,
        .decode = decode_range,
        .deliver = deliver_range,
};

/* A range for the health check (internal callback) or the caller. */
static int range_call(struct ck_etcd *c, const struct ck_etcd_range_req *req,
                      struct etcd_endpoint *pinned, ck_etcd_range_fn *cb, void *arg,
                      struct ck_error **err)
{
	struct etcd_call *call = etcd_call_new(c, &kind_range, (void (*)(void))cb, arg);

	call->read_only = true;
	call->pinned = pinned;
	etcd_call_observe_key(call, req->key, req->key_len, req->prefix || req->range_end);
	return start(call, ck_etcd_pb_encode_range(&call->body, req, err), err);
}

int ck_etcd_range(struct ck_etcd *c, const struct ck_etcd_range_req *req, ck_etcd_range_fn *cb,
                  void *arg, struct ck_error **err)
{
	return range_call(c, req, NULL, cb, arg, err);
}

/* ---- put -------------------------------------------------------------------------- */

void ck_etcd_put_result_free(struct ck_etcd_put_result *res)
{
	if (!res)
		return;
	ck_etcd_kv_free(res->prev_kv);
	free(res);
}

DECODE(put, struct ck_etcd_put_result, ck_etcd_pb_decode_put(msg, len, &res, err))
DELIVER(put, ck_etcd_put_fn, ck_etcd_put_result_free)

static const struct etcd_call_kind kind_put = {
        .name = "put",
        .path = CK_ETCD_PB_PATH_PUT,
        .decode = decode_put,
        .deliver = deliver_put,
};

int ck_etcd_put(struct ck_etcd *c, const struct ck_etcd_put_req *req, ck_etcd_put_fn *cb, void *arg,
                struct ck_error **err)
{
	struct etcd_call *call = etcd_call_new(c, &kind_put, (void (*)(void))cb, arg);

	etcd_call_observe_key(call, req->key, req->key_len, false);
	return start(call, ck_etcd_pb_encode_put(&call->body, req, err), err);
}

/* ---- delete ----------------------------------------------------------------------- */

static void delete_result_release(struct ck_etcd_delete_result *res)
{
	for (size_t i = 0; i < res->n_prev_kvs; i++)
		ck_etcd_kv_release(&res->prev_kvs[i]);
	free(res->prev_kvs);
}

void ck_etcd_delete_result_free(struct ck_etcd_delete_result *res)
{
	if (!res)
		return;
	delete_result_release(res);
	free(res);
}

DECODE(delete, struct ck_etcd_delete_result, ck_etcd_pb_decode_delete(msg, len, &res, err))
DELIVER(delete, ck_etcd_delete_fn, ck_etcd_delete_result_free)

static const struct etcd_call_kind kind_delete = {
        .name = "delete",
        .path = CK_ETCD_PB_PATH_DELETE_RANGE,
        .decode = decode_delete,
        .deliver = deliver_delete,
};

int ck_etcd_delete(struct ck_etcd *c, const struct ck_etcd_delete_req *req, ck_etcd_delete_fn *cb,
                   void *arg, struct ck_error **err)
{
	struct etcd_call *call = etcd_call_new(c, &kind_delete, (void (*)(void))cb, arg);

	etcd_call_observe_key(call, req->key, req->key_len, req->prefix || req->range_end);
	return start(call, ck_etcd_pb_encode_delete(&call->body, req, err), err);
}

/* ---- txn -------------------------------------------------------------------------- */

static void op_result_release(struct ck_etcd_op_result *r)
{
	switch (r->type) {
	case CK_ETCD_OP_RANGE:
		range_result_release(&r->range);
		break;
	case CK_ETCD_OP_PUT:
		ck_etcd_kv_free(r->put.prev_kv);
		break;
	case CK_ETCD_OP_DELETE:
		delete_result_release(&r->del);
		break;
	}
}

void ck_etcd_txn_result_free(struct ck_etcd_txn_result *res)
{
	if (!res)
		return;
	for (size_t i = 0; i < res->n_responses; i++)
		op_result_release(&res->responses[i]);
	free(res->responses);
	free(res);
}

DECODE(txn, struct ck_etcd_txn_result, ck_etcd_pb_decode_txn(msg, len, &res, err))
DELIVER(txn, ck_etcd_txn_fn, ck_etcd_txn_result_free)

static const struct etcd_call_kind kind_txn = {
        .name = "txn",
        .path = CK_ETCD_PB_PATH_TXN,
        .decode = decode_txn,
        .deliver = deliver_txn,
};

/* The first key a txn names (its first compare's, else its first op's), for the observer. */
static void txn_observe_key(struct etcd_call *call, const struct ck_etcd_txn_req *req)
{
	const struct ck_etcd_op *op = req->n_success ? &req->success[0]
	                              : req->n_failure ? &req->failure[0]
	                                               : NULL;

	if (req->n_cmps)
		etcd_call_observe_key(call, req->cmps[0].key, req->cmps[0].key_len, false);
	else if (op && op->type == CK_ETCD_OP_RANGE)
		etcd_call_observe_key(call, op->range.key, op->range.key_len,
		                      op->range.prefix || op->range.range_end);
	else if (op && op->type == CK_ETCD_OP_PUT)
		etcd_call_observe_key(call, op->put.key, op->put.key_len, false);
	else if (op && op->type == CK_ETCD_OP_DELETE)
		etcd_call_observe_key(call, op->del.key, op->del.key_len,
		                      op->del.prefix || op->del.range_end);
}

int ck_etcd_txn(struct ck_etcd *c, const struct ck_etcd_txn_req *req, ck_etcd_txn_fn *cb, void *arg,
                struct ck_error **err)
{
	struct etcd_call *call = etcd_call_new(c, &kind_txn, (void (*)(void))cb, arg);
	bool writes = false;
	int built = ck_etcd_pb_encode_txn(&call->body, req, &writes, err);

	/* A txn of ranges only is retried as a read. */
	call->read_only = !writes;
	if (built == 0)
		txn_observe_key(call, req);
	return start(call, built, err);
}

/* ---- compare-and-swap ------------------------------------------------------------- */

int etcd_cas_txn(struct etcd_cas_txn *t, int which, const struct ck_etcd_cas_req *req,
                 struct ck_error **err)
{
	CK_BUG_ON(which < ETCD_CAS_CREATE || which > ETCD_CAS_DELETE);
	memset(t, 0, sizeof(*t));
	t->cmp = (struct ck_etcd_cmp){.key = req->key, .key_len = req->key_len};
	t->fail = (struct ck_etcd_op){.type = CK_ETCD_OP_RANGE,
	                              .range = {.key = req->key, .key_len = req->key_len}};
	t->txn = (struct ck_etcd_txn_req){.cmps = &t->cmp,
	                                  .n_cmps = 1,
	                                  .success = &t->op,
	                                  .n_success = 1,
	                                  .failure = &t->fail,
	                                  .n_failure = 1};
	if (!etcd_len(req->key, req->key_len))
		return ck_error_set(err, 400, NULL, "etcd compare-and-swap without a key");
	if (which == ETCD_CAS_CREATE) {
		/* The key has never been created, or was deleted since: create_revision 0. */
		t->cmp.target = CK_ETCD_CMP_CREATE;
		t->cmp.result = CK_ETCD_CMP_EQUAL;
		if (req->no_current)
			t->txn.n_failure = 0;
	} else if (req->mod_revision > 0) {
		t->cmp.target = CK_ETCD_CMP_MOD;
		t->cmp.result = CK_ETCD_CMP_EQUAL;
		t->cmp.number = req->mod_revision;
	} else {
		/* No revision given: only that the key exists. */
		t->cmp.target = CK_ETCD_CMP_CREATE;
		t->cmp.result = CK_ETCD_CMP_GREATER;
	}
	if (which == ETCD_CAS_DELETE) {
		t->op.type = CK_ETCD_OP_DELETE;
		t->op.del = (struct ck_etcd_delete_req){
		        .key = req->key, .key_len = req->key_len, .prev_kv = true};
	} else {
		t->op.type = CK_ETCD_OP_PUT;
		t->op.put = (struct ck_etcd_put_req){.key = req->key,
		                                     .key_len = req->key_len,
		                                     .value = req->value,
		                                     .value_len = req->value_len,
		                                     .lease = req->lease};
	}
	return 0;
}

void ck_etcd_cas_result_free(struct ck_etcd_cas_result *res)
{
	if (!res)
		return;
	ck_etcd_kv_free(res->kv);
	free(res);
}

DECODE(cas, struct ck_etcd_cas_result,
       ck_etcd_pb_decode_cas((enum ck_etcd_pb_cas)call->cas, call->cas_no_current, msg, len, &res,
                             err))
DELIVER(cas, ck_etcd_cas_fn, ck_etcd_cas_result_free)

static const struct etcd_call_kind kind_cas = {
        .name = "txn",
        .path = CK_ETCD_PB_PATH_TXN,
        .decode = decode_cas,
        .deliver = deliver_cas,
};

static int cas(struct ck_etcd *c, int which, const struct ck_etcd_cas_req *req, ck_etcd_cas_fn *cb,
               void *arg, struct ck_error **err)
{
	struct etcd_call *call = etcd_call_new(c, &kind_cas, (void (*)(void))cb, arg);

	call->cas = which;
	call->cas_no_current = which == ETCD_CAS_CREATE && req->no_current;
	etcd_call_observe_key(call, req->key, req->key_len, false);
	return start(call, ck_etcd_pb_encode_cas(&call->body, (enum ck_etcd_pb_cas)which, req, err),
	             err);
}

int ck_etcd_cas_create(struct ck_etcd *c, const struct ck_etcd_cas_req *req, ck_etcd_cas_fn *cb,
                       void *arg, struct ck_error **err)
{
	return cas(c, ETCD_CAS_CREATE, req, cb, arg, err);
}

int ck_etcd_cas_update(struct ck_etcd *c, const struct ck_etcd_cas_req *req, ck_etcd_cas_fn *cb,
                       void *arg, struct ck_error **err)
{
	return cas(c, ETCD_CAS_UPDATE, req, cb, arg, err);
}

int ck_etcd_cas_delete(struct ck_etcd *c, const struct ck_etcd_cas_req *req, ck_etcd_cas_fn *cb,
                       void *arg, struct ck_error **err)
{
	return cas(c, ETCD_CAS_DELETE, req, cb, arg, err);
}

/* ---- leases ----------------------------------------------------------------------- */

void ck_etcd_lease_result_free(struct ck_etcd_lease_result *res)
{
	if (!res)
		return;
	for (size_t i = 0; i < res->n_keys; i++)
		ck_etcd_kv_release(&res->keys[i]);
	free(res->keys);
	free(res);
}

static void *decode_lease(struct etcd_call *call, const void *msg, size_t len,
                          struct ck_error **err)
{
	enum ck_etcd_pb_lease kind = (enum ck_etcd_pb_lease)call->variant;
	struct ck_etcd_lease_result *res = NULL;

	if (ck_etcd_pb_decode_lease(kind, msg, len, &res, err) < 0)
		return NULL;
	/* Keepalive and time-to-live say "expired or unknown" with a TTL of 0 or -1. */
	if ((kind == CK_ETCD_PB_LEASE_KEEPALIVE || kind == CK_ETCD_PB_LEASE_TTL) && res->ttl <= 0) {
		ck_error_set(err, 404, CK_REASON_NOT_FOUND,
		             "etcd %s at %s: lease %" PRId64 " not found or expired",
		             call->kind->name, call->ep->url, res->id);
		ck_etcd_lease_result_free(res);
		return NULL;
	}
	return res;
}

DELIVER(lease, ck_etcd_lease_fn, ck_etcd_lease_result_free)

static const struct etcd_call_kind kind_lease[] = {
        [CK_ETCD_PB_LEASE_GRANT] = {.name = "lease grant",
                                    .path = CK_ETCD_PB_PATH_LEASE_GRANT,
                                    .decode = decode_lease,
                                    .deliver = deliver_lease},
        [CK_ETCD_PB_LEASE_REVOKE] = {.name = "lease revoke",
                                     .path = CK_ETCD_PB_PATH_LEASE_REVOKE,
                                     .decode = decode_lease,
                                     .deliver = deliver_lease},
        /*
         * LeaseKeepAlive is a bidirectional stream; one request on a stream half-closed
         * after it is a unary call: etcd answers it and ends the stream.
         */
        [CK_ETCD_PB_LEASE_KEEPALIVE] = {.name = "lease keepalive",
                                        .path = CK_ETCD_PB_PATH_LEASE_KEEPALIVE,
                                        .decode = decode_lease,
                                        .deliver = deliver_lease},
        [CK_ETCD_PB_LEASE_TTL] = {.name = "lease time-to-live",
                                  .path = CK_ETCD_PB_PATH_LEASE_TTL,
                                  .decode = decode_lease,
                                  .deliver = deliver_lease},
};

static int lease_call(struct ck_etcd *c, enum ck_etcd_pb_lease kind,
                      const struct ck_etcd_lease_req *req, bool read_only, ck_etcd_lease_fn *cb,
                      void *arg, struct ck_error **err)
{
	struct etcd_call *call = etcd_call_new(c, &kind_lease[kind], (void (*)(void))cb, arg);

	call->variant = (int)kind;
	call->read_only = read_only;
	return start(call, ck_etcd_pb_encode_lease(&call->body, kind, req, err), err);
}

int ck_etcd_lease_grant(struct ck_etcd *c, const struct ck_etcd_lease_req *req,
                        ck_etcd_lease_fn *cb, void *arg, struct ck_error **err)
{
	return lease_call(c, CK_ETCD_PB_LEASE_GRANT, req, false, cb, arg, err);
}

int ck_etcd_lease_revoke(struct ck_etcd *c, const struct ck_etcd_lease_req *req,
                         ck_etcd_lease_fn *cb, void *arg, struct ck_error **err)
{
	return lease_call(c, CK_ETCD_PB_LEASE_REVOKE, req, false, cb, arg, err);
}

int ck_etcd_lease_keepalive_once(struct ck_etcd *c, const struct ck_etcd_lease_req *req,
                                 ck_etcd_lease_fn *cb, void *arg, struct ck_error **err)
{
	/* Renewing twice is harmless: retried like a read. */
	return lease_call(c, CK_ETCD_PB_LEASE_KEEPALIVE, req, true, cb, arg, err);
}

int ck_etcd_lease_ttl(struct ck_etcd *c, const struct ck_etcd_lease_req *req, ck_etcd_lease_fn *cb,
                      void *arg, struct ck_error **err)
{
	return lease_call(c, CK_ETCD_PB_LEASE_TTL, req, true, cb, arg, err);
}

/* ---- periodic keepalive ----------------------------------------------------------- */

struct ck_etcd_keepalive {
	struct ck_etcd *c;
	int64_t id;
	int interval_ms; /* 0: from the TTL */
	ck_etcd_keepalive_fn *cb;
	void *arg;
	struct event *timer;
	bool in_flight;
	bool stopped; /* the lease is gone: no more renewals */
	bool freed;   /* the owner freed it while a renewal was in flight */
};

static void keepalive_schedule(struct ck_etcd_keepalive *ka, int64_t ttl)
{
	int64_t ms = ka->interval_ms;

	if (!ms)
		ms = ttl > 0 ? ttl * 1000 / 3 : 1000;
	if (ms < 500)
		ms = 500;
	ck_time_event_add_ms(ka->timer, ms);
}

static void keepalive_done(struct ck_etcd_lease_result *res, struct ck_error *err, void *arg)
{
	struct ck_etcd_keepalive *ka = arg;
	int64_t ttl = res ? res->ttl : 0;

	ka->in_flight = false;
	ck_etcd_lease_result_free(res);
	if (ka->freed) {
		ck_error_free(err);
		event_free(ka->timer);
		free(ka);
		return;
	}
	if (err && err->http_status == 404)
		ka->stopped = true;
	else
		keepalive_schedule(ka, ttl);
	if (ka->cb)
		ka->cb(ka, ttl, err, ka->arg); /* may free ka */
	else
		ck_error_free(err);
}

static void keepalive_tick(evutil_socket_t fd, short what, void *arg)
{
	struct ck_etcd_keepalive *ka = arg;
	struct ck_etcd_lease_req req = {.id = ka->id};
	struct ck_error *err = NULL;

	(void)fd;
	(void)what;
	if (ka->in_flight || ka->stopped)
		return;
	if (ck_etcd_lease_keepalive_once(ka->c, &req, keepalive_done, ka, &err) < 0) {
		/* Only when the client is closing; try again later. */
		ck_error_free(err);
		keepalive_schedule(ka, 0);
		return;
	}
	ka->in_flight = true;
}

int ck_etcd_keepalive_start(struct ck_etcd *c, int64_t id, int interval_ms,
                            ck_etcd_keepalive_fn *cb, void *arg, struct ck_etcd_keepalive **out,
                            struct ck_error **err)
{
	struct ck_etcd_keepalive *ka;

	if (id <= 0)
		return ck_error_set(err, 400, NULL, "etcd keepalive: lease ID must be positive");
	ka = ck_xcalloc(1, sizeof(*ka));
	ka->c = c;
	ka->id = id;
	ka->interval_ms = interval_ms > 0 ? interval_ms : 0;
	ka->cb = cb;
	ka->arg = arg;
	ka->timer = evtimer_new(c->base, keepalive_tick, ka);
	CK_BUG_ON(!ka->timer);
	c->n_keepalives++;
	ck_time_event_add_ms(ka->timer, 0);
	*out = ka;
	return 0;
}

void ck_etcd_keepalive_free(struct ck_etcd_keepalive *ka)
{
	if (!ka)
		return;
	ka->c->n_keepalives--;
	event_del(ka->timer);
	if (ka->in_flight) {
		/* keepalive_done frees it when the renewal in flight completes. */
		ka->freed = true;
		return;
	}
	event_free(ka->timer);
	free(ka);
}

/* ---- members ---------------------------------------------------------------------- */

static void member_release(struct ck_etcd_member *m)
{
	free(m->name);
	ck_str_list_free(m->peer_urls);
	ck_str_list_free(m->client_urls);
	memset(m, 0, sizeof(*m));
}

void ck_etcd_member_result_free(struct ck_etcd_member_result *res)
{
	if (!res)
		return;
	if (res->added) {
		member_release(res->added);
		free(res->added);
	}
	for (size_t i = 0; i < res->n_members; i++)
		member_release(&res->members[i]);
	free(res->members);
	free(res);
}

static void *decode_member(struct etcd_call *call, const void *msg, size_t len,
                           struct ck_error **err)
{
	struct ck_etcd_member_result *res = NULL;

	if (ck_etcd_pb_decode_member((enum ck_etcd_pb_member)call->variant, msg, len, &res, err) < 0)
		return NULL;
	return res;
}

DELIVER(member, ck_etcd_member_fn, ck_etcd_member_result_free)

static const struct etcd_call_kind kind_member[] = {
        [CK_ETCD_PB_MEMBER_LIST] = {.name = "member list",
                                    .path = CK_ETCD_PB_PATH_MEMBER_LIST,
                                    .decode = decode_member,
                                    .deliver = deliver_member},
        [CK_ETCD_PB_MEMBER_ADD] = {.name = "member add",
                                   .path = CK_ETCD_PB_PATH_MEMBER_ADD,
                                   .decode = decode_member,
                                   .deliver = deliver_member},
        [CK_ETCD_PB_MEMBER_REMOVE] = {.name = "member remove",
                                      .path = CK_ETCD_PB_PATH_MEMBER_REMOVE,
                                      .decode = decode_member,
                                      .deliver = deliver_member},
};

static int member_call(struct ck_etcd *c, enum ck_etcd_pb_member kind,
                       const struct ck_etcd_member_req *req, ck_etcd_member_fn *cb, void *arg,
                       struct ck_error **err)
{
	struct etcd_call *call = etcd_call_new(c, &kind_member[kind], (void (*)(void))cb, arg);

	call->variant = (int)kind;
	call->read_only = kind == CK_ETCD_PB_MEMBER_LIST;
	return start(call, ck_etcd_pb_encode_member(&call->body, kind, req, err), err);
}

int ck_etcd_member_list(struct ck_etcd *c, const struct ck_etcd_member_req *req,
                        ck_etcd_member_fn *cb, void *arg, struct ck_error **err)
{
	return member_call(c, CK_ETCD_PB_MEMBER_LIST, req, cb, arg, err);
}

int ck_etcd_member_add(struct ck_etcd *c, const struct ck_etcd_member_req *req,
                       ck_etcd_member_fn *cb, void *arg, struct ck_error **err)
{
	return member_call(c, CK_ETCD_PB_MEMBER_ADD, req, cb, arg, err);
}

int ck_etcd_member_remove(struct ck_etcd *c, const struct ck_etcd_member_req *req,
                          ck_etcd_member_fn *cb, void *arg, struct ck_error **err)
{
	return member_call(c, CK_ETCD_PB_MEMBER_REMOVE, req, cb, arg, err);
}

/* ---- status, health, compaction --------------------------------------------------- */

void ck_etcd_status_result_free(struct ck_etcd_status_result *res)
{
	if (!res)
		return;
	free(res->endpoint);
	free(res->version);
	free(res);
}

/* The status and, in *alarms, whether the member reports errors (alarms, health). */
static struct ck_etcd_status_result *status_decode(struct etcd_call *call, const void *msg,
                                                   size_t len, bool *alarms,
                                                   struct ck_error **err)
{
	struct ck_etcd_status_result *res = NULL;
	char **errors = NULL;

	if (ck_etcd_pb_decode_status(msg, len, &res, &errors, err) < 0)
		return NULL;
	*alarms = errors && errors[0];
	ck_str_list_free(errors);
	res->endpoint = ck_xstrdup(call->ep->url);
	return res;
}

static void *decode_status(struct etcd_call *call, const void *msg, size_t len,
                           struct ck_error **err)
{
	bool alarms;

	return status_decode(call, msg, len, &alarms, err);
}

DELIVER(status, ck_etcd_status_fn, ck_etcd_status_result_free)

static const struct etcd_call_kind kind_status = {
        .name = "status",
        .path = CK_ETCD_PB_PATH_STATUS,
        .any_leader = true,
        .decode = decode_status,
        .deliver = deliver_status,
};

/* The endpoint a status or health request names, or NULL (the current one); -1 when unknown. */
static int endpoint_of(struct ck_etcd *c, const char *what, const struct ck_etcd_endpoint_req *req,
                       struct etcd_endpoint **ep, struct ck_error **err)
{
	*ep = NULL;
	if (req && req->endpoint && !(*ep = etcd_find_endpoint(c, req->endpoint)))
		return ck_error_set(err, 400, NULL, "etcd %s: '%s' is not one of the endpoints",
		                    what, req->endpoint);
	return 0;
}

int ck_etcd_status(struct ck_etcd *c, const struct ck_etcd_endpoint_req *req, ck_etcd_status_fn *cb,
                   void *arg, struct ck_error **err)
{
	struct etcd_endpoint *ep;
	struct etcd_call *call;

	if (endpoint_of(c, "status", req, &ep, err) < 0)
		return -1;
	call = etcd_call_new(c, &kind_status, (void (*)(void))cb, arg);
	call->read_only = true;
	call->pinned = ep;
	ck_etcd_pb_encode_status(&call->body);
	return etcd_call_start(call, err);
}

void ck_etcd_health_result_free(struct ck_etcd_health_result *res)
{
	if (!res)
		return;
	free(res->endpoint);
	free(res);
}

/*
 * K8S: etcd's own /health (etcdserver/api/etcdhttp): a member is healthy when it has no
 * alarm, has a leader, and serves a linearizable read (of the key "health") in time. Here
 * over gRPC: the status (leader, alarms) without require-leader, then the read on the same
 * member. A member that cannot be reached is an error; one that answers but fails a check
 * is health false.
 */
struct health {
	struct ck_etcd *c;
	ck_etcd_health_fn *cb;
	void *arg;
	struct etcd_endpoint *ep; /* the member asked (set once the status answered) */
};

static void health_finish(struct health *h, bool healthy, struct ck_error *err)
{
	struct ck_etcd_health_result *res = NULL;

	if (!err) {
		res = ck_xcalloc(1, sizeof(*res));
		res->endpoint = ck_xstrdup(h->ep->url);
		res->health = healthy;
	}
	if (h->cb)
		h->cb(res, err, h->arg);
	else {
		ck_etcd_health_result_free(res);
		ck_error_free(err);
	}
	free(h);
}

static void health_read(struct ck_etcd_range_result *res, struct ck_error *err, void *arg)
{
	struct health *h = arg;

	ck_etcd_range_result_free(res);
	if (err)
		ck_debug(ETCD_LOG, "health of %s: %s", h->ep->url, err->msg);
	/* Answered: a member that cannot serve the read is unhealthy, not unreachable. */
	ck_error_free(err);
	health_finish(h, res != NULL, NULL);
}

static void *decode_health_status(struct etcd_call *call, const void *msg, size_t len,
                                  struct ck_error **err)
{
	struct health *h = call->arg;
	bool alarms = false;
	struct ck_etcd_status_result *st = status_decode(call, msg, len, &alarms, err);

	if (!st)
		return NULL;
	h->ep = call->ep;
	if (alarms || !st->leader) {
		ck_debug(ETCD_LOG, "health of %s: %s", h->ep->url, alarms ? "alarm" : "no leader");
		st->leader = 0;
	}
	return st;
}

static void deliver_health_status(struct etcd_call *call, void *res, struct ck_error *err)
{
	struct ck_etcd_status_result *st = res;
	struct health *h = call->arg;
	struct ck_etcd_range_req read = {.key = "health", .count_only = true};
	struct ck_error *e = NULL;

	if (err) {
		health_finish(h, false, err);
	} else if (!st->leader) {
		health_finish(h, false, NULL);
	} else if (range_call(h->c, &read, h->ep, health_read, h, &e) < 0) {
		health_finish(h, false, e);
	}
	ck_etcd_status_result_free(st);
}

static const struct etcd_call_kind kind_health = {
        .name = "health",
        .path = CK_ETCD_PB_PATH_STATUS,
        .any_leader = true,
        .decode = decode_health_status,
        .deliver = deliver_health_status,
};

int ck_etcd_health(struct ck_etcd *c, const struct ck_etcd_endpoint_req *req, ck_etcd_health_fn *cb,
                   void *arg, struct ck_error **err)
{
	struct etcd_endpoint *ep;
	struct etcd_call *call;
	struct health *h;

	if (endpoint_of(c, "health", req, &ep, err) < 0)
		return -1;
	h = ck_xcalloc(1, sizeof(*h));
	h->c = c;
	h->cb = cb;
	h->arg = arg;
	call = etcd_call_new(c, &kind_health, NULL, h);
	call->read_only = true;
	call->pinned = ep;
	ck_etcd_pb_encode_status(&call->body);
	if (etcd_call_start(call, err) < 0) {
		free(h);
		return -1;
	}
	return 0;
}

DECODE(compact, struct ck_etcd_put_result, ck_etcd_pb_decode_compact(msg, len, &res, err))

static const struct etcd_call_kind kind_compact = {
        .name = "compaction",
        .path = CK_ETCD_PB_PATH_COMPACT,
        .decode = decode_compact,
        .deliver = deliver_put,
};

int ck_etcd_compact(struct ck_etcd *c, const struct ck_etcd_compact_req *req, ck_etcd_put_fn *cb,
                    void *arg, struct ck_error **err)
{
	struct etcd_call *call = etcd_call_new(c, &kind_compact, (void (*)(void))cb, arg);

	return start(call, ck_etcd_pb_encode_compact(&call->body, req, err), err);
}

/* ---- synchronous calls ------------------------------------------------------------ */

struct sync_state {
	bool done;
	void *res;
	struct ck_error *err;
};

static int sync_wait(struct ck_etcd *c, struct sync_state *s, struct ck_error **err)
{
	/* No timeout of its own: every call completes by its deadline. */
	if (ck_etcd_run_until(c, &s->done, 0, err) < 0)
		return -1;
	if (s->err) {
		if (err)
			*err = s->err;
		else
			ck_error_free(s->err);
		return -1;
	}
	return 0;
}

/* ck_etcd_sync_<op>: ck_etcd_<op> with a callback that stores into a sync_state. */
#define SYNC_CALL(op, req_type, res_type)                                                          \
	static void sync_cb_##op(res_type *res, struct ck_error *err, void *arg)                   \
	{                                                                                          \
		struct sync_state *s = arg;                                                        \
		s->res = res;                                                                      \
		s->err = err;                                                                      \
		s->done = true;                                                                    \
	}                                                                                          \
	int ck_etcd_sync_##op(struct ck_etcd *c, const req_type *req, res_type **res,              \
	                      struct ck_error **err)                                               \
	{                                                                                          \
		struct sync_state s = {0};                                                         \
		if (ck_etcd_##op(c, req, sync_cb_##op, &s, err) < 0 || sync_wait(c, &s, err) < 0)  \
			return -1;                                                                 \
		*res = s.res;                                                                      \
		return 0;                                                                          \
	}

SYNC_CALL(range, struct ck_etcd_range_req, struct ck_etcd_range_result)
SYNC_CALL(put, struct ck_etcd_put_req, struct ck_etcd_put_result)
SYNC_CALL(delete, struct ck_etcd_delete_req, struct ck_etcd_delete_result)
SYNC_CALL(txn, struct ck_etcd_txn_req, struct ck_etcd_txn_result)
SYNC_CALL(cas_create, struct ck_etcd_cas_req, struct ck_etcd_cas_result)
SYNC_CALL(cas_update, struct ck_etcd_cas_req, struct ck_etcd_cas_result)
SYNC_CALL(cas_delete, struct ck_etcd_cas_req, struct ck_etcd_cas_result)
SYNC_CALL(lease_grant, struct ck_etcd_lease_req, struct ck_etcd_lease_result)
SYNC_CALL(lease_revoke, struct ck_etcd_lease_req, struct ck_etcd_lease_result)
SYNC_CALL(lease_keepalive_once, struct ck_etcd_lease_req, struct ck_etcd_lease_result)
SYNC_CALL(lease_ttl, struct ck_etcd_lease_req, struct ck_etcd_lease_result)
SYNC_CALL(member_list, struct ck_etcd_member_req, struct ck_etcd_member_result)
SYNC_CALL(member_add, struct ck_etcd_member_req, struct ck_etcd_member_result)
SYNC_CALL(member_remove, struct ck_etcd_member_req, struct ck_etcd_member_result)
SYNC_CALL(status, struct ck_etcd_endpoint_req, struct ck_etcd_status_result)
SYNC_CALL(health, struct ck_etcd_endpoint_req, struct ck_etcd_health_result)
SYNC_CALL(compact, struct ck_etcd_compact_req, struct ck_etcd_put_result)
