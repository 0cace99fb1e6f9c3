/*
 * The etcd client's unary operations (see etcd.h): for each, the request body the gateway
 * expects, the call kind (path, retry class, how to read the reply, how to reach the
 * caller's typed callback), and the result's free function. Also the periodic lease
 * keepalive built on single keepalive requests, and the ck_etcd_sync_* family, which is
 * one macro over ck_etcd_run_until rather than a second copy of each operation.
 */
#include <event2/event.h>

#include "base/compat.h"

#include "base/json.h"
#include "base/log.h"
#include "base/time.h"
#include "base/mem.h"
#include "store/etcd-int.h"

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

/* Start call with its finished body, or drop it when the body could not be built. */
static int start(struct etcd_call *call, int built, struct ck_error **err)
{
	if (built < 0) {
		etcd_call_discard(call);
		return -1;
	}
	return etcd_call_start(call, err);
}

static struct ck_etcd_kv *kv_dup_alloc(const json_t *obj, struct ck_error **err)
{
	struct ck_etcd_kv *kv = ck_xcalloc(1, sizeof(*kv));

	if (etcd_parse_kv(obj, kv, err) < 0) {
		free(kv);
		return NULL;
	}
	return kv;
}

/* ---- range ------------------------------------------------------------------------ */

static int encode_range(struct ck_buf *b, const struct ck_etcd_range_req *req, bool in_txn,
                        struct ck_error **err)
{
	bool first = true;

	ck_buf_addch(b, '{');
	if (etcd_json_range_keys(b, &first, req->key, req->key_len, req->prefix, req->range_end,
	                         req->range_end_len, err) < 0)
		return -1;
	if (req->limit > 0)
		etcd_json_int(b, &first, "limit", req->limit);
	if (req->revision > 0) {
		if (in_txn)
			return ck_error_set(err, 400, NULL,
			                    "etcd txn: a range in a transaction has no revision");
		etcd_json_int(b, &first, "revision", req->revision);
	}
	if (req->serializable)
		etcd_json_true(b, &first, "serializable");
	if (req->count_only)
		etcd_json_true(b, &first, "count_only");
	if (req->keys_only)
		etcd_json_true(b, &first, "keys_only");
	ck_buf_addch(b, '}');
	return 0;
}

static int parse_range_into(const json_t *r, struct ck_etcd_range_result *res,
                            struct ck_error **err)
{
	int64_t count = 0;
	bool more = false;

	memset(res, 0, sizeof(*res));
	if (!json_is_object(r))
		return ck_error_set(err, 500, NULL, "range response: expected an object");
	if (etcd_parse_header(r, &res->header, err) < 0 ||
	    etcd_get_i64(r, "count", &count, err) < 0)
		return -1;
	if (json_is_true(json_object_get(r, "more")))
		more = true;
	if (etcd_parse_kvs(json_object_get(r, "kvs"), &res->kvs, &res->n_kvs, err) < 0)
		return -1;
	res->count = count;
	res->more = more;
	return 0;
}

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

static void *parse_range(struct etcd_call *call, json_t *reply, struct ck_error **err)
{
	struct ck_etcd_range_result *res = ck_xcalloc(1, sizeof(*res));

	(void)call;
	if (parse_range_into(reply, res, err) < 0) {
		free(res);
		return NULL;
	}
	return res;
}

DELIVER(range, ck_etcd_range_fn, ck_etcd_range_result_free)

static const struct etcd_call_kind kind_range = {
        .name = "range",
        .path = "/v3/kv/range",
        .method = EVHTTP_REQ_POST,
        .parse = parse_range,
        .deliver = deliver_range,
};

int ck_etcd_range(struct ck_etcd *c, const struct ck_etcd_range_req *req, ck_etcd_range_fn *cb,
                  void *arg, struct ck_error **err)
{
	struct etcd_call *call = etcd_call_new(c, &kind_range, (void (*)(void))cb, arg);

	call->read_only = true;
	return start(call, encode_range(&call->body, req, false, err), err);
}

/* ---- put -------------------------------------------------------------------------- */

static int encode_put(struct ck_buf *b, const struct ck_etcd_put_req *req, struct ck_error **err)
{
	bool first = true;
	size_t klen = etcd_len(req->key, req->key_len);

	if (!klen)
		return ck_error_set(err, 400, NULL, "etcd put without a key");
	ck_buf_addch(b, '{');
	etcd_json_bytes(b, &first, "key", req->key, klen);
	etcd_json_bytes(b, &first, "value", req->value ? req->value : "",
	                etcd_len(req->value, req->value_len));
	if (req->lease)
		etcd_json_int(b, &first, "lease", req->lease);
	if (req->prev_kv)
		etcd_json_true(b, &first, "prev_kv");
	ck_buf_addch(b, '}');
	return 0;
}

static int parse_put_into(const json_t *r, struct ck_etcd_put_result *res, struct ck_error **err)
{
	json_t *prev;

	memset(res, 0, sizeof(*res));
	if (!json_is_object(r))
		return ck_error_set(err, 500, NULL, "put response: expected an object");
	if (etcd_parse_header(r, &res->header, err) < 0)
		return -1;
	prev = json_object_get(r, "prev_kv");
	if (prev && !(res->prev_kv = kv_dup_alloc(prev, err)))
		return -1;
	return 0;
}

void ck_etcd_put_result_free(struct ck_etcd_put_result *res)
{
	if (!res)
		return;
	ck_etcd_kv_free(res->prev_kv);
	free(res);
}

static void *parse_put(struct etcd_call *call, json_t *reply, struct ck_error **err)
{
	struct ck_etcd_put_result *res = ck_xcalloc(1, sizeof(*res));

	(void)call;
	if (parse_put_into(reply, res, err) < 0) {
		free(res);
		return NULL;
	}
	return res;
}

DELIVER(put, ck_etcd_put_fn, ck_etcd_put_result_free)

static const struct etcd_call_kind kind_put = {
        .name = "put",
        .path = "/v3/kv/put",
        .method = EVHTTP_REQ_POST,
        .parse = parse_put,
        .deliver = deliver_put,
};

int ck_etcd_put(struct ck_etcd *c, const struct ck_etcd_put_req *req, ck_etcd_put_fn *cb, void *arg,
                struct ck_error **err)
{
	struct etcd_call *call = etcd_call_new(c, &kind_put, (void (*)(void))cb, arg);

	return start(call, encode_put(&call->body, req, err), err);
}

/* ---- delete ----------------------------------------------------------------------- */

static int encode_delete(struct ck_buf *b, const struct ck_etcd_delete_req *req,
                         struct ck_error **err)
{
	bool first = true;

	ck_buf_addch(b, '{');
	if (etcd_json_range_keys(b, &first, req->key, req->key_len, req->prefix, req->range_end,
	                         req->range_end_len, err) < 0)
		return -1;
	if (req->prev_kv)
		etcd_json_true(b, &first, "prev_kv");
	ck_buf_addch(b, '}');
	return 0;
}

static int parse_delete_into(const json_t *r, struct ck_etcd_delete_result *res,
                             struct ck_error **err)
{
	memset(res, 0, sizeof(*res));
	if (!json_is_object(r))
		return ck_error_set(err, 500, NULL, "delete response: expected an object");
	if (etcd_parse_header(r, &res->header, err) < 0 ||
	    etcd_get_i64(r, "deleted", &res->deleted, err) < 0 ||
	    etcd_parse_kvs(json_object_get(r, "prev_kvs"), &res->prev_kvs, &res->n_prev_kvs, err) <
	            0)
		return -1;
	return 0;
}

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

static void *parse_delete(struct etcd_call *call, json_t *reply, struct ck_error **err)
{
	struct ck_etcd_delete_result *res = ck_xcalloc(1, sizeof(*res));

	(void)call;
	if (parse_delete_into(reply, res, err) < 0) {
		free(res);
		return NULL;
	}
	return res;
}

DELIVER(delete, ck_etcd_delete_fn, ck_etcd_delete_result_free)

static const struct etcd_call_kind kind_delete = {
        .name = "delete",
        .path = "/v3/kv/deleterange",
        .method = EVHTTP_REQ_POST,
        .parse = parse_delete,
        .deliver = deliver_delete,
};

int ck_etcd_delete(struct ck_etcd *c, const struct ck_etcd_delete_req *req, ck_etcd_delete_fn *cb,
                   void *arg, struct ck_error **err)
{
	struct etcd_call *call = etcd_call_new(c, &kind_delete, (void (*)(void))cb, arg);

	return start(call, encode_delete(&call->body, req, err), err);
}

/* ---- txn -------------------------------------------------------------------------- */

static const char *const cmp_targets[] = {
        [CK_ETCD_CMP_VERSION] = "VERSION", [CK_ETCD_CMP_CREATE] = "CREATE",
        [CK_ETCD_CMP_MOD] = "MOD",         [CK_ETCD_CMP_VALUE] = "VALUE",
        [CK_ETCD_CMP_LEASE] = "LEASE",
};
static const char *const cmp_fields[] = {
        [CK_ETCD_CMP_VERSION] = "version",  [CK_ETCD_CMP_CREATE] = "create_revision",
        [CK_ETCD_CMP_MOD] = "mod_revision", [CK_ETCD_CMP_VALUE] = "value",
        [CK_ETCD_CMP_LEASE] = "lease",
};
static const char *const cmp_results[] = {
        [CK_ETCD_CMP_EQUAL] = "EQUAL",
        [CK_ETCD_CMP_GREATER] = "GREATER",
        [CK_ETCD_CMP_LESS] = "LESS",
        [CK_ETCD_CMP_NOT_EQUAL] = "NOT_EQUAL",
};

static int encode_cmp(struct ck_buf *b, const struct ck_etcd_cmp *cmp, struct ck_error **err)
{
	bool first = true;
	size_t klen = etcd_len(cmp->key, cmp->key_len);

	if (!klen)
		return ck_error_set(err, 400, NULL, "etcd txn: a compare without a key");
	if ((unsigned)cmp->target >= CK_ARRAY_SIZE(cmp_targets) ||
	    (unsigned)cmp->result >= CK_ARRAY_SIZE(cmp_results))
		return ck_error_set(err, 400, NULL, "etcd txn: unknown compare target or result");
	ck_buf_addch(b, '{');
	etcd_json_bytes(b, &first, "key", cmp->key, klen);
	ck_buf_addf(b, ",\"target\":\"%s\",\"result\":\"%s\"", cmp_targets[cmp->target],
	            cmp_results[cmp->result]);
	if (cmp->target == CK_ETCD_CMP_VALUE)
		etcd_json_bytes(b, &first, "value", cmp->value ? cmp->value : "",
		                etcd_len(cmp->value, cmp->value_len));
	else
		etcd_json_int(b, &first, cmp_fields[cmp->target], cmp->number);
	ck_buf_addch(b, '}');
	return 0;
}

static int encode_ops(struct ck_buf *b, const char *name, const struct ck_etcd_op *ops, size_t n,
                      bool *writes, struct ck_error **err)
{
	ck_buf_addf(b, ",\"%s\":[", name);
	for (size_t i = 0; i < n; i++) {
		int r;

		if (i)
			ck_buf_addch(b, ',');
		switch (ops[i].type) {
		case CK_ETCD_OP_RANGE:
			ck_buf_adds(b, "{\"request_range\":");
			r = encode_range(b, &ops[i].range, true, err);
			break;
		case CK_ETCD_OP_PUT:
			ck_buf_adds(b, "{\"request_put\":");
			r = encode_put(b, &ops[i].put, err);
			*writes = true;
			break;
		case CK_ETCD_OP_DELETE:
			ck_buf_adds(b, "{\"request_delete_range\":");
			r = encode_delete(b, &ops[i].del, err);
			*writes = true;
			break;
		default:
			return ck_error_set(err, 400, NULL, "etcd txn: unknown operation type %d",
			                    (int)ops[i].type);
		}
		if (r < 0)
			return -1;
		ck_buf_addch(b, '}');
	}
	ck_buf_addch(b, ']');
	return 0;
}

static int encode_txn(struct ck_buf *b, const struct ck_etcd_txn_req *req, bool *writes,
                      struct ck_error **err)
{
	ck_buf_adds(b, "{\"compare\":[");
	for (size_t i = 0; i < req->n_cmps; i++) {
		if (i)
			ck_buf_addch(b, ',');
		if (encode_cmp(b, &req->cmps[i], err) < 0)
			return -1;
	}
	ck_buf_addch(b, ']');
	if (encode_ops(b, "success", req->success, req->n_success, writes, err) < 0 ||
	    encode_ops(b, "failure", req->failure, req->n_failure, writes, err) < 0)
		return -1;
	ck_buf_addch(b, '}');
	return 0;
}

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

static struct ck_etcd_txn_result *parse_txn_result(const json_t *reply, struct ck_error **err)
{
	struct ck_etcd_txn_result *res = ck_xcalloc(1, sizeof(*res));
	json_t *arr = json_object_get(reply, "responses"), *r;
	size_t i;

	if (etcd_parse_header(reply, &res->header, err) < 0)
		goto fail;
	res->succeeded = json_is_true(json_object_get(reply, "succeeded"));
	if (arr && !json_is_array(arr)) {
		ck_error_set(err, 500, NULL, "txn responses: expected an array");
		goto fail;
	}
	if (json_array_size(arr))
		res->responses = ck_xcalloc(json_array_size(arr), sizeof(*res->responses));
	json_array_foreach(arr, i, r)
	{
		struct ck_etcd_op_result *out = &res->responses[i];
		json_t *v;
		int rc;

		if ((v = json_object_get(r, "response_range")) != NULL) {
			out->type = CK_ETCD_OP_RANGE;
			rc = parse_range_into(v, &out->range, err);
		} else if ((v = json_object_get(r, "response_put")) != NULL) {
			out->type = CK_ETCD_OP_PUT;
			rc = parse_put_into(v, &out->put, err);
		} else if ((v = json_object_get(r, "response_delete_range")) != NULL) {
			out->type = CK_ETCD_OP_DELETE;
			rc = parse_delete_into(v, &out->del, err);
		} else {
			rc = ck_error_set(err, 500, NULL, "txn response %zu: unknown operation", i);
		}
		if (rc < 0)
			goto fail;
		res->n_responses = i + 1;
	}
	return res;
fail:
	ck_etcd_txn_result_free(res);
	return NULL;
}

static void *parse_txn(struct etcd_call *call, json_t *reply, struct ck_error **err)
{
	(void)call;
	return parse_txn_result(reply, err);
}

DELIVER(txn, ck_etcd_txn_fn, ck_etcd_txn_result_free)

static const struct etcd_call_kind kind_txn = {
        .name = "txn",
        .path = "/v3/kv/txn",
        .method = EVHTTP_REQ_POST,
        .parse = parse_txn,
        .deliver = deliver_txn,
};

int ck_etcd_txn(struct ck_etcd *c, const struct ck_etcd_txn_req *req, ck_etcd_txn_fn *cb, void *arg,
                struct ck_error **err)
{
	struct etcd_call *call = etcd_call_new(c, &kind_txn, (void (*)(void))cb, arg);
	bool writes = false;
	int r = encode_txn(&call->body, req, &writes, err);

	call->read_only = !writes;
	return start(call, r, err);
}

/* ---- compare-and-swap ------------------------------------------------------------- */

enum { CAS_CREATE = ETCD_CAS_CREATE, CAS_UPDATE = ETCD_CAS_UPDATE, CAS_DELETE = ETCD_CAS_DELETE };

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

static int encode_cas(struct ck_buf *b, int cas, const struct ck_etcd_cas_req *req,
                      struct ck_error **err)
{
	struct etcd_cas_txn t;
	bool writes = false;

	if (etcd_cas_txn(&t, cas, req, err) < 0)
		return -1;
	return encode_txn(b, &t.txn, &writes, err);
}

void ck_etcd_cas_result_free(struct ck_etcd_cas_result *res)
{
	if (!res)
		return;
	ck_etcd_kv_free(res->kv);
	free(res);
}

/* Move kvs[0] out of a range/delete result into a kv of its own. */
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

static void *parse_cas(struct etcd_call *call, json_t *reply, struct ck_error **err)
{
	struct ck_etcd_txn_result *txn = parse_txn_result(reply, err);
	struct ck_etcd_cas_result *res;
	size_t want;

	if (!txn)
		return NULL;
	/* A failed create without the failure range has no response at all. */
	want = !txn->succeeded && call->cas_no_current ? 0 : 1;
	if (txn->n_responses != want) {
		ck_etcd_txn_result_free(txn);
		ck_error_set(err, 500, NULL, "expected %s txn response", want ? "one" : "no");
		return NULL;
	}
	res = ck_xcalloc(1, sizeof(*res));
	res->header = txn->header;
	res->succeeded = txn->succeeded;
	if (!txn->succeeded && txn->n_responses && txn->responses[0].type == CK_ETCD_OP_RANGE)
		res->kv = take_first(txn->responses[0].range.kvs, txn->responses[0].range.n_kvs);
	else if (txn->succeeded && call->cas == CAS_DELETE &&
	         txn->responses[0].type == CK_ETCD_OP_DELETE)
		res->kv = take_first(txn->responses[0].del.prev_kvs,
		                     txn->responses[0].del.n_prev_kvs);
	ck_etcd_txn_result_free(txn);
	return res;
}

DELIVER(cas, ck_etcd_cas_fn, ck_etcd_cas_result_free)

static const struct etcd_call_kind kind_cas = {
        .name = "txn",
        .path = "/v3/kv/txn",
        .method = EVHTTP_REQ_POST,
        .parse = parse_cas,
        .deliver = deliver_cas,
};

static int cas(struct ck_etcd *c, int which, const struct ck_etcd_cas_req *req, ck_etcd_cas_fn *cb,
               void *arg, struct ck_error **err)
{
	struct etcd_call *call = etcd_call_new(c, &kind_cas, (void (*)(void))cb, arg);

	call->cas = which;
	call->cas_no_current = which == CAS_CREATE && req->no_current;
	return start(call, encode_cas(&call->body, which, req, err), err);
}

int ck_etcd_cas_create(struct ck_etcd *c, const struct ck_etcd_cas_req *req, ck_etcd_cas_fn *cb,
                       void *arg, struct ck_error **err)
{
	return cas(c, CAS_CREATE, req, cb, arg, err);
}

int ck_etcd_cas_update(struct ck_etcd *c, const struct ck_etcd_cas_req *req, ck_etcd_cas_fn *cb,
                       void *arg, struct ck_error **err)
{
	return cas(c, CAS_UPDATE, req, cb, arg, err);
}

int ck_etcd_cas_delete(struct ck_etcd *c, const struct ck_etcd_cas_req *req, ck_etcd_cas_fn *cb,
                       void *arg, struct ck_error **err)
{
	return cas(c, CAS_DELETE, req, cb, arg, err);
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

static void *parse_lease(struct etcd_call *call, json_t *reply, struct ck_error **err)
{
	struct ck_etcd_lease_result *res = ck_xcalloc(1, sizeof(*res));
	json_t *keys = json_object_get(reply, "keys"), *k;
	size_t i;

	if (etcd_parse_header(reply, &res->header, err) < 0 ||
	    etcd_get_i64(reply, "ID", &res->id, err) < 0 ||
	    etcd_get_i64(reply, "TTL", &res->ttl, err) < 0 ||
	    etcd_get_i64(reply, "grantedTTL", &res->granted_ttl, err) < 0)
		goto fail;
	if (keys && !json_is_array(keys)) {
		ck_error_set(err, 500, NULL, "field 'keys': expected an array");
		goto fail;
	}
	if (json_array_size(keys))
		res->keys = ck_xcalloc(json_array_size(keys), sizeof(*res->keys));
	json_array_foreach(keys, i, k)
	{
		struct ck_etcd_kv *kv = &res->keys[i];
		struct ck_error *e = NULL;

		if (!json_is_string(k) ||
		    !(kv->key = ck_base64_decode(json_string_value(k), &kv->key_len, &e))) {
			ck_error_set(err, 500, NULL, "field 'keys': expected base64 strings");
			ck_error_free(e);
			goto fail;
		}
		kv->value = ck_xcalloc(1, 1);
		res->n_keys = i + 1;
	}
	/* Keepalive and time-to-live say "expired or unknown" with a TTL of 0 or -1. */
	if ((!strcmp(call->kind->name, "lease keepalive") ||
	     !strcmp(call->kind->name, "lease time-to-live")) &&
	    res->ttl <= 0) {
		ck_error_set(err, 404, CK_REASON_NOT_FOUND,
		             "etcd %s at %s: lease %" PRId64 " not found or expired",
		             call->kind->name, call->ep->url, res->id);
		goto fail;
	}
	return res;
fail:
	ck_etcd_lease_result_free(res);
	return NULL;
}

DELIVER(lease, ck_etcd_lease_fn, ck_etcd_lease_result_free)

static const struct etcd_call_kind kind_lease_grant = {
        .name = "lease grant",
        .path = "/v3/lease/grant",
        .method = EVHTTP_REQ_POST,
        .parse = parse_lease,
        .deliver = deliver_lease,
};

static const struct etcd_call_kind kind_lease_revoke = {
        .name = "lease revoke",
        .path = "/v3/lease/revoke",
        .method = EVHTTP_REQ_POST,
        .parse = parse_lease,
        .deliver = deliver_lease,
};

static const struct etcd_call_kind kind_lease_keepalive = {
        .name = "lease keepalive",
        .path = "/v3/lease/keepalive",
        .method = EVHTTP_REQ_POST,
        .stream_reply = true,
        .parse = parse_lease,
        .deliver = deliver_lease,
};

static const struct etcd_call_kind kind_lease_ttl = {
        .name = "lease time-to-live",
        .path = "/v3/lease/timetolive",
        .method = EVHTTP_REQ_POST,
        .parse = parse_lease,
        .deliver = deliver_lease,
};

static int lease_call(struct ck_etcd *c, const struct etcd_call_kind *kind,
                      const struct ck_etcd_lease_req *req, bool read_only, ck_etcd_lease_fn *cb,
                      void *arg, struct ck_error **err)
{
	struct etcd_call *call;
	bool first = true;

	if (kind == &kind_lease_grant ? req->ttl <= 0 : req->id <= 0)
		return ck_error_set(err, 400, NULL, "etcd %s: %s must be positive", kind->name,
		                    kind == &kind_lease_grant ? "TTL" : "lease ID");
	call = etcd_call_new(c, kind, (void (*)(void))cb, arg);
	call->read_only = read_only;
	ck_buf_addch(&call->body, '{');
	if (req->id)
		etcd_json_int(&call->body, &first, "ID", req->id);
	if (kind == &kind_lease_grant)
		etcd_json_int(&call->body, &first, "TTL", req->ttl);
	if (kind == &kind_lease_ttl && req->keys)
		etcd_json_true(&call->body, &first, "keys");
	ck_buf_addch(&call->body, '}');
	return etcd_call_start(call, err);
}

int ck_etcd_lease_grant(struct ck_etcd *c, const struct ck_etcd_lease_req *req,
                        ck_etcd_lease_fn *cb, void *arg, struct ck_error **err)
{
	return lease_call(c, &kind_lease_grant, req, false, cb, arg, err);
}

int ck_etcd_lease_revoke(struct ck_etcd *c, const struct ck_etcd_lease_req *req,
                         ck_etcd_lease_fn *cb, void *arg, struct ck_error **err)
{
	return lease_call(c, &kind_lease_revoke, req, false, cb, arg, err);
}

int ck_etcd_lease_keepalive_once(struct ck_etcd *c, const struct ck_etcd_lease_req *req,
                                 ck_etcd_lease_fn *cb, void *arg, struct ck_error **err)
{
	/* Renewing twice is harmless: retried like a read. */
	return lease_call(c, &kind_lease_keepalive, req, true, cb, arg, err);
}

int ck_etcd_lease_ttl(struct ck_etcd *c, const struct ck_etcd_lease_req *req, ck_etcd_lease_fn *cb,
                      void *arg, struct ck_error **err)
{
	return lease_call(c, &kind_lease_ttl, req, true, cb, arg, err);
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

static char **parse_str_array(const json_t *arr, struct ck_error **err)
{
	size_t n = json_array_size(arr), i;
	char **list;
	json_t *v;

	if (arr && !json_is_array(arr)) {
		ck_error_set(err, 500, NULL, "expected an array of strings");
		return NULL;
	}
	list = ck_xcalloc(n + 1, sizeof(char *));
	json_array_foreach(arr, i, v)
	{
		if (!json_is_string(v)) {
			ck_str_list_free(list);
			ck_error_set(err, 500, NULL, "expected an array of strings");
			return NULL;
		}
		list[i] = ck_xstrdup(json_string_value(v));
	}
	return list;
}

static void member_release(struct ck_etcd_member *m)
{
	free(m->name);
	ck_str_list_free(m->peer_urls);
	ck_str_list_free(m->client_urls);
	memset(m, 0, sizeof(*m));
}

static int parse_member(const json_t *obj, struct ck_etcd_member *m, struct ck_error **err)
{
	const char *name = json_string_value(json_object_get(obj, "name"));

	memset(m, 0, sizeof(*m));
	if (!json_is_object(obj))
		return ck_error_set(err, 500, NULL, "member: expected an object");
	m->name = ck_xstrdup(name ? name : "");
	m->is_learner = json_is_true(json_object_get(obj, "isLearner"));
	if (etcd_get_u64(obj, "ID", &m->id, err) < 0 ||
	    !(m->peer_urls = parse_str_array(json_object_get(obj, "peerURLs"), err)) ||
	    !(m->client_urls = parse_str_array(json_object_get(obj, "clientURLs"), err))) {
		member_release(m);
		return -1;
	}
	return 0;
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

static void *parse_members(struct etcd_call *call, json_t *reply, struct ck_error **err)
{
	struct ck_etcd_member_result *res = ck_xcalloc(1, sizeof(*res));
	json_t *arr = json_object_get(reply, "members"), *added = json_object_get(reply, "member");
	json_t *m;
	size_t i;

	(void)call;
	if (etcd_parse_header(reply, &res->header, err) < 0)
		goto fail;
	if (arr && !json_is_array(arr)) {
		ck_error_set(err, 500, NULL, "field 'members': expected an array");
		goto fail;
	}
	if (json_array_size(arr))
		res->members = ck_xcalloc(json_array_size(arr), sizeof(*res->members));
	json_array_foreach(arr, i, m)
	{
		if (parse_member(m, &res->members[i], err) < 0)
			goto fail;
		res->n_members = i + 1;
	}
	if (added) {
		res->added = ck_xcalloc(1, sizeof(*res->added));
		if (parse_member(added, res->added, err) < 0) {
			free(res->added);
			res->added = NULL;
			goto fail;
		}
	}
	return res;
fail:
	ck_etcd_member_result_free(res);
	return NULL;
}

DELIVER(member, ck_etcd_member_fn, ck_etcd_member_result_free)

static const struct etcd_call_kind kind_member_list = {
        .name = "member list",
        .path = "/v3/cluster/member/list",
        .method = EVHTTP_REQ_POST,
        .parse = parse_members,
        .deliver = deliver_member,
};

static const struct etcd_call_kind kind_member_add = {
        .name = "member add",
        .path = "/v3/cluster/member/add",
        .method = EVHTTP_REQ_POST,
        .parse = parse_members,
        .deliver = deliver_member,
};

static const struct etcd_call_kind kind_member_remove = {
        .name = "member remove",
        .path = "/v3/cluster/member/remove",
        .method = EVHTTP_REQ_POST,
        .parse = parse_members,
        .deliver = deliver_member,
};

int ck_etcd_member_list(struct ck_etcd *c, const struct ck_etcd_member_req *req,
                        ck_etcd_member_fn *cb, void *arg, struct ck_error **err)
{
	struct etcd_call *call = etcd_call_new(c, &kind_member_list, (void (*)(void))cb, arg);

	(void)req;
	call->read_only = true;
	ck_buf_adds(&call->body, "{}");
	return etcd_call_start(call, err);
}

int ck_etcd_member_add(struct ck_etcd *c, const struct ck_etcd_member_req *req,
                       ck_etcd_member_fn *cb, void *arg, struct ck_error **err)
{
	struct etcd_call *call;
	json_t *body, *urls;
	int r;

	if (!req || !req->peer_urls || !req->peer_urls[0])
		return ck_error_set(err, 400, NULL, "etcd member add: no peer URLs");
	body = json_object();
	urls = json_array();
	for (const char *const *u = req->peer_urls; *u; u++)
		json_array_append_new(urls, json_string(*u));
	json_object_set_new(body, "peerURLs", urls);
	if (req->is_learner)
		json_object_set_new(body, "isLearner", json_true());
	call = etcd_call_new(c, &kind_member_add, (void (*)(void))cb, arg);
	r = ck_json_dump_buf(body, &call->body, false, err);
	json_decref(body);
	return start(call, r, err);
}

int ck_etcd_member_remove(struct ck_etcd *c, const struct ck_etcd_member_req *req,
                          ck_etcd_member_fn *cb, void *arg, struct ck_error **err)
{
	struct etcd_call *call;

	if (!req || !req->id)
		return ck_error_set(err, 400, NULL, "etcd member remove: no member ID");
	call = etcd_call_new(c, &kind_member_remove, (void (*)(void))cb, arg);
	ck_buf_addf(&call->body, "{\"ID\":\"%" PRIu64 "\"}", req->id);
	return etcd_call_start(call, err);
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

static void *parse_status(struct etcd_call *call, json_t *reply, struct ck_error **err)
{
	struct ck_etcd_status_result *res = ck_xcalloc(1, sizeof(*res));
	const char *version = json_string_value(json_object_get(reply, "version"));

	res->endpoint = ck_xstrdup(call->ep->url);
	res->version = ck_xstrdup(version ? version : "");
	res->is_learner = json_is_true(json_object_get(reply, "isLearner"));
	if (etcd_parse_header(reply, &res->header, err) < 0 ||
	    etcd_get_i64(reply, "dbSize", &res->db_size, err) < 0 ||
	    etcd_get_i64(reply, "dbSizeInUse", &res->db_size_in_use, err) < 0 ||
	    etcd_get_u64(reply, "leader", &res->leader, err) < 0 ||
	    etcd_get_i64(reply, "raftIndex", &res->raft_index, err) < 0 ||
	    etcd_get_i64(reply, "raftTerm", &res->raft_term, err) < 0 ||
	    etcd_get_i64(reply, "raftAppliedIndex", &res->raft_applied_index, err) < 0) {
		ck_etcd_status_result_free(res);
		return NULL;
	}
	return res;
}

DELIVER(status, ck_etcd_status_fn, ck_etcd_status_result_free)

static const struct etcd_call_kind kind_status = {
        .name = "status",
        .path = "/v3/maintenance/status",
        .method = EVHTTP_REQ_POST,
        .any_leader = true,
        .parse = parse_status,
        .deliver = deliver_status,
};

void ck_etcd_health_result_free(struct ck_etcd_health_result *res)
{
	if (!res)
		return;
	free(res->endpoint);
	free(res);
}

static void *parse_health(struct etcd_call *call, json_t *reply, struct ck_error **err)
{
	struct ck_etcd_health_result *res;
	const char *h = json_string_value(json_object_get(reply, "health"));

	if (!h) {
		ck_error_set(err, 500, NULL, "field 'health': expected a string");
		return NULL;
	}
	res = ck_xcalloc(1, sizeof(*res));
	res->endpoint = ck_xstrdup(call->ep->url);
	res->health = !strcmp(h, "true");
	return res;
}

DELIVER(health, ck_etcd_health_fn, ck_etcd_health_result_free)

static const struct etcd_call_kind kind_health = {
        .name = "health",
        .path = "/health",
        .method = EVHTTP_REQ_GET,
        .any_status = true,
        .parse = parse_health,
        .deliver = deliver_health,
};

static int endpoint_call(struct ck_etcd *c, const struct etcd_call_kind *kind,
                         const struct ck_etcd_endpoint_req *req, void (*cb)(void), void *arg,
                         struct ck_error **err)
{
	struct etcd_endpoint *ep = NULL;
	struct etcd_call *call;

	if (req && req->endpoint && !(ep = etcd_find_endpoint(c, req->endpoint)))
		return ck_error_set(err, 400, NULL, "etcd %s: '%s' is not one of the endpoints",
		                    kind->name, req->endpoint);
	call = etcd_call_new(c, kind, cb, arg);
	call->read_only = true;
	call->pinned = ep;
	if (kind->method == EVHTTP_REQ_POST)
		ck_buf_adds(&call->body, "{}");
	return etcd_call_start(call, err);
}

int ck_etcd_status(struct ck_etcd *c, const struct ck_etcd_endpoint_req *req, ck_etcd_status_fn *cb,
                   void *arg, struct ck_error **err)
{
	return endpoint_call(c, &kind_status, req, (void (*)(void))cb, arg, err);
}

int ck_etcd_health(struct ck_etcd *c, const struct ck_etcd_endpoint_req *req, ck_etcd_health_fn *cb,
                   void *arg, struct ck_error **err)
{
	return endpoint_call(c, &kind_health, req, (void (*)(void))cb, arg, err);
}

static const struct etcd_call_kind kind_compact = {
        .name = "compaction",
        .path = "/v3/kv/compaction",
        .method = EVHTTP_REQ_POST,
        .parse = parse_put,
        .deliver = deliver_put,
};

int ck_etcd_compact(struct ck_etcd *c, const struct ck_etcd_compact_req *req, ck_etcd_put_fn *cb,
                    void *arg, struct ck_error **err)
{
	struct etcd_call *call;
	bool first = true;

	if (req->revision <= 0)
		return ck_error_set(err, 400, NULL, "etcd compaction: revision must be positive");
	call = etcd_call_new(c, &kind_compact, (void (*)(void))cb, arg);
	ck_buf_addch(&call->body, '{');
	etcd_json_int(&call->body, &first, "revision", req->revision);
	if (req->physical)
		etcd_json_true(&call->body, &first, "physical");
	ck_buf_addch(&call->body, '}');
	return etcd_call_start(call, err);
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
