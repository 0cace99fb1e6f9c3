/*
 * Fuzz target: replies of etcd's JSON gateway to the client's unary calls, decoded as
 * src/store/etcd.c and etcd-ops.c decode them (this file includes etcd-ops.c to reach its
 * static per-call parsers): the body as JSON (a stream reply's first object, for lease
 * keepalive), a gateway error in either shape, a stream reply's "result", then the call
 * kind's parser and its result's free function. No socket and no loop are involved.
 *
 * Input: byte 0 picks the call kind (range, put, delete, txn, the three compare-and-swaps,
 * the four lease calls, member list/add/remove, status, health, compaction, a create without
 * the failure range), byte 1 the HTTP status (200 unless its low bits say otherwise), the
 * rest is the body.
 *
 * Invariants: every error is a ck_error with a status (500 for a malformed reply, 404 for
 * an unknown lease, or what the gateway error maps to) and a message; every result's keys
 * and values are NUL-terminated at their lengths; nothing leaks whichever way it ends.
 */
#include "store/etcd-ops.c"

#include "fuzz.h"

/* Input byte 0 modulo the size of this table picks a row. */
static const struct {
	const struct etcd_call_kind *kind;
	int cas;
	bool no_current;
} kinds[] = {
        {&kind_range, 0},              /* 0 */
        {&kind_put, 0},                /* 1 */
        {&kind_delete, 0},             /* 2 */
        {&kind_txn, 0},                /* 3 */
        {&kind_cas, CAS_CREATE},       /* 4 */
        {&kind_cas, CAS_UPDATE},       /* 5 */
        {&kind_cas, CAS_DELETE},       /* 6 */
        {&kind_lease_grant, 0},        /* 7 */
        {&kind_lease_revoke, 0},       /* 8 */
        {&kind_lease_keepalive, 0},    /* 9 */
        {&kind_lease_ttl, 0},          /* 10 */
        {&kind_member_list, 0},        /* 11 */
        {&kind_member_add, 0},         /* 12 */
        {&kind_member_remove, 0},      /* 13 */
        {&kind_status, 0},             /* 14 */
        {&kind_health, 0},             /* 15 */
        {&kind_compact, 0},            /* 16 */
        {&kind_cas, CAS_CREATE, true}, /* 17: the API server's create (no failure range) */
};

static const int statuses[] = {200, 200, 200, 200, 400, 404, 429, 500, 503, 504};

static void check_kv(const struct ck_etcd_kv *kv)
{
	FUZZ_CHECK(kv->key && kv->key[kv->key_len] == '\0');
	FUZZ_CHECK(kv->value && kv->value[kv->value_len] == '\0');
}

static void check_kvs(const struct ck_etcd_kv *kvs, size_t n)
{
	for (size_t i = 0; i < n; i++)
		check_kv(&kvs[i]);
}

static void check_op(const struct ck_etcd_op_result *r)
{
	switch (r->type) {
	case CK_ETCD_OP_RANGE:
		check_kvs(r->range.kvs, r->range.n_kvs);
		break;
	case CK_ETCD_OP_PUT:
		if (r->put.prev_kv)
			check_kv(r->put.prev_kv);
		break;
	case CK_ETCD_OP_DELETE:
		check_kvs(r->del.prev_kvs, r->del.n_prev_kvs);
		break;
	default:
		FUZZ_CHECKF(0, "op result of type %d", (int)r->type);
	}
}

static void check_result(const struct etcd_call_kind *kind, const void *res)
{
	if (kind->parse == parse_range) {
		const struct ck_etcd_range_result *r = res;

		check_kvs(r->kvs, r->n_kvs);
	} else if (kind->parse == parse_put) {
		const struct ck_etcd_put_result *r = res;

		if (r->prev_kv)
			check_kv(r->prev_kv);
	} else if (kind->parse == parse_delete) {
		const struct ck_etcd_delete_result *r = res;

		check_kvs(r->prev_kvs, r->n_prev_kvs);
	} else if (kind->parse == parse_txn) {
		const struct ck_etcd_txn_result *r = res;

		for (size_t i = 0; i < r->n_responses; i++)
			check_op(&r->responses[i]);
	} else if (kind->parse == parse_cas) {
		const struct ck_etcd_cas_result *r = res;

		if (r->kv)
			check_kv(r->kv);
	} else if (kind->parse == parse_lease) {
		const struct ck_etcd_lease_result *r = res;

		check_kvs(r->keys, r->n_keys);
	} else if (kind->parse == parse_members) {
		const struct ck_etcd_member_result *r = res;

		for (size_t i = 0; i < r->n_members; i++)
			FUZZ_CHECK(r->members[i].name && r->members[i].peer_urls &&
			           r->members[i].client_urls);
	} else if (kind->parse == parse_status) {
		const struct ck_etcd_status_result *r = res;

		FUZZ_CHECK(r->endpoint && r->version);
	}
}

static void check_error(const struct ck_error *e)
{
	FUZZ_CHECK(e && e->msg && *e->msg);
	FUZZ_CHECKF(e->http_status >= 400 && e->http_status <= 599, "status %d: %s", e->http_status,
	            e->msg);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct etcd_endpoint ep = {.url = "http://127.0.0.1:2379"};
	struct etcd_call call = {.ep = &ep};
	const struct etcd_call_kind *kind;
	struct ck_error *e = NULL;
	enum etcd_retry retry = RETRY_NEVER;
	json_error_t je;
	json_t *reply, *body;
	void *res;
	int status;

	if (size < 2)
		return -1;
	kind = kinds[data[0] % CK_ARRAY_SIZE(kinds)].kind;
	call.kind = kind;
	call.cas = kinds[data[0] % CK_ARRAY_SIZE(kinds)].cas;
	call.cas_no_current = kinds[data[0] % CK_ARRAY_SIZE(kinds)].no_current;
	status = statuses[data[1] % CK_ARRAY_SIZE(statuses)];
	data += 2;
	size -= 2;

	/* As etcd.c's load_reply and call_handle_reply. */
	reply = json_loadb((const char *)data, size,
	                   kind->stream_reply ? JSON_DISABLE_EOF_CHECK : 0, &je);
	if (reply && !json_is_object(reply)) {
		json_decref(reply);
		return 0;
	}
	if (!reply)
		return 0;
	e = etcd_gateway_error_json(ep.url, kind->name, status, reply, &retry);
	if (e) {
		check_error(e);
		FUZZ_CHECK(retry == RETRY_NEVER || retry == RETRY_IF_READ ||
		           retry == RETRY_ALWAYS || retry == RETRY_ELSEWHERE);
		ck_error_free(e);
		json_decref(reply);
		return 0;
	}
	body = reply;
	if (kind->stream_reply) {
		body = json_object_get(reply, "result");
		if (!json_is_object(body)) {
			json_decref(reply);
			return 0;
		}
	}
	if (status != 200 && !kind->any_status) {
		json_decref(reply);
		return 0;
	}
	res = kind->parse(&call, body, &e);
	if (!res) {
		check_error(e);
		if (e->http_status == 500)
			e = etcd_malformed(ep.url, kind->name, e);
		check_error(e);
	} else {
		FUZZ_CHECK(!e);
		check_result(kind, res);
	}
	/* With no callback, deliver frees the result and the error. */
	kind->deliver(&call, res, e);
	json_decref(reply);
	return 0;
}
