/*
 * Fuzz target: etcd's protobuf replies over gRPC, read by src/store/etcd-pb.c's decoders
 * (every response message ckube reads: range, put, compaction, delete, txn, the
 * compare-and-swap shapes, the four lease replies, the three member replies, status, and
 * the watch stream's WatchResponse). No socket, no framing: one message per input.
 *
 * Input: byte 0 picks the decoder (modulo the table below, in the order of enum seed_kind
 * in tests/unit/store/test-etcd-pb.c, whose CK_ETCD_PB_SEED_DIR wrote the seeds), the rest
 * is the message.
 *
 * Invariants: a refusal is a 500 InternalError saying "malformed etcd reply: " (or, for a
 * grant that carries etcd's error string, "etcd lease grant: "), with *out NULL; a result
 * has every key, value, name, URL list and string present and NUL-terminated at its
 * length; decoding the same bytes twice gives the same verdict; nothing leaks.
 */
#include "base/compat.h"

#include "base/buf.h"
#include "base/error.h"
#include "store/etcd-pb.h"

#include "fuzz.h"

enum kind {
	K_RANGE,
	K_PUT,
	K_COMPACT,
	K_DELETE,
	K_TXN,
	K_CAS_CREATE,
	K_CAS_CREATE_NO_CURRENT,
	K_CAS_UPDATE,
	K_CAS_DELETE,
	K_LEASE_GRANT,
	K_LEASE_REVOKE,
	K_LEASE_KEEPALIVE,
	K_LEASE_TTL,
	K_MEMBER_LIST,
	K_MEMBER_ADD,
	K_MEMBER_REMOVE,
	K_STATUS,
	K_WATCH,
	K_COUNT,
};

static void check_kvs(const struct ck_etcd_kv *kvs, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		FUZZ_CHECK(kvs[i].key && kvs[i].key[kvs[i].key_len] == '\0');
		FUZZ_CHECK(kvs[i].value && kvs[i].value[kvs[i].value_len] == '\0');
	}
}

static void check_range(const struct ck_etcd_range_result *r)
{
	FUZZ_CHECK(r->n_kvs == 0 || r->kvs);
	check_kvs(r->kvs, r->n_kvs);
}

static void check_delete(const struct ck_etcd_delete_result *r)
{
	FUZZ_CHECK(r->n_prev_kvs == 0 || r->prev_kvs);
	check_kvs(r->prev_kvs, r->n_prev_kvs);
}

static void check_member(const struct ck_etcd_member *m)
{
	FUZZ_CHECK(m->name && m->peer_urls && m->client_urls);
	for (char **u = m->peer_urls; *u; u++)
		FUZZ_CHECK(strlen(*u) < SIZE_MAX);
	for (char **u = m->client_urls; *u; u++)
		FUZZ_CHECK(strlen(*u) < SIZE_MAX);
}

static void check_error(enum kind kind, const struct ck_error *err)
{
	FUZZ_CHECK(err && err->msg);
	FUZZ_CHECK(err->http_status == 500);
	FUZZ_CHECK(err->reason && !strcmp(err->reason, CK_REASON_INTERNAL));
	FUZZ_CHECKF(ck_str_has_prefix(err->msg, "malformed etcd reply: ") ||
	                    (kind == K_LEASE_GRANT &&
	                     ck_str_has_prefix(err->msg, "etcd lease grant: ")),
	            "unexpected error message '%s'", err->msg);
}

/* Decode as kind, check the result or error, free it; returns the decoder's verdict. */
static int decode(enum kind kind, const uint8_t *data, size_t len)
{
	static const enum ck_etcd_pb_lease leases[] = {
	        CK_ETCD_PB_LEASE_GRANT, CK_ETCD_PB_LEASE_REVOKE, CK_ETCD_PB_LEASE_KEEPALIVE,
	        CK_ETCD_PB_LEASE_TTL};
	static const enum ck_etcd_pb_member members[] = {
	        CK_ETCD_PB_MEMBER_LIST, CK_ETCD_PB_MEMBER_ADD, CK_ETCD_PB_MEMBER_REMOVE};
	struct ck_error *err = NULL;
	void *out = (void *)1;
	int r = -1;

	switch (kind) {
	case K_RANGE: {
		struct ck_etcd_range_result *res = (void *)1;

		if ((r = ck_etcd_pb_decode_range(data, len, &res, &err)) == 0)
			check_range(res);
		out = res;
		ck_etcd_range_result_free(res);
		break;
	}
	case K_PUT:
	case K_COMPACT: {
		struct ck_etcd_put_result *res = (void *)1;

		r = kind == K_PUT ? ck_etcd_pb_decode_put(data, len, &res, &err)
		                  : ck_etcd_pb_decode_compact(data, len, &res, &err);
		if (r == 0 && res->prev_kv)
			check_kvs(res->prev_kv, 1);
		FUZZ_CHECK(r < 0 || kind == K_PUT || !res->prev_kv);
		out = res;
		ck_etcd_put_result_free(res);
		break;
	}
	case K_DELETE: {
		struct ck_etcd_delete_result *res = (void *)1;

		if ((r = ck_etcd_pb_decode_delete(data, len, &res, &err)) == 0)
			check_delete(res);
		out = res;
		ck_etcd_delete_result_free(res);
		break;
	}
	case K_TXN: {
		struct ck_etcd_txn_result *res = (void *)1;

		r = ck_etcd_pb_decode_txn(data, len, &res, &err);
		for (size_t i = 0; r == 0 && i < res->n_responses; i++) {
			const struct ck_etcd_op_result *op = &res->responses[i];

			if (op->type == CK_ETCD_OP_RANGE)
				check_range(&op->range);
			else if (op->type == CK_ETCD_OP_DELETE)
				check_delete(&op->del);
			else if (op->put.prev_kv)
				check_kvs(op->put.prev_kv, 1);
		}
		out = res;
		ck_etcd_txn_result_free(res);
		break;
	}
	case K_CAS_CREATE:
	case K_CAS_CREATE_NO_CURRENT:
	case K_CAS_UPDATE:
	case K_CAS_DELETE: {
		enum ck_etcd_pb_cas which = kind == K_CAS_UPDATE   ? CK_ETCD_PB_CAS_UPDATE
		                            : kind == K_CAS_DELETE ? CK_ETCD_PB_CAS_DELETE
		                                                   : CK_ETCD_PB_CAS_CREATE;
		struct ck_etcd_cas_result *res = (void *)1;

		r = ck_etcd_pb_decode_cas(which, kind == K_CAS_CREATE_NO_CURRENT, data, len, &res,
		                          &err);
		if (r == 0 && res->kv)
			check_kvs(res->kv, 1);
		/* A successful create or update never carries a kv. */
		FUZZ_CHECK(r < 0 || !res->succeeded || which == CK_ETCD_PB_CAS_DELETE || !res->kv);
		out = res;
		ck_etcd_cas_result_free(res);
		break;
	}
	case K_LEASE_GRANT:
	case K_LEASE_REVOKE:
	case K_LEASE_KEEPALIVE:
	case K_LEASE_TTL: {
		struct ck_etcd_lease_result *res = (void *)1;

		r = ck_etcd_pb_decode_lease(leases[kind - K_LEASE_GRANT], data, len, &res, &err);
		if (r == 0) {
			check_kvs(res->keys, res->n_keys);
			FUZZ_CHECK(kind == K_LEASE_TTL || res->n_keys == 0);
		}
		out = res;
		ck_etcd_lease_result_free(res);
		break;
	}
	case K_MEMBER_LIST:
	case K_MEMBER_ADD:
	case K_MEMBER_REMOVE: {
		struct ck_etcd_member_result *res = (void *)1;

		r = ck_etcd_pb_decode_member(members[kind - K_MEMBER_LIST], data, len, &res, &err);
		for (size_t i = 0; r == 0 && i < res->n_members; i++)
			check_member(&res->members[i]);
		if (r == 0 && res->added)
			check_member(res->added);
		FUZZ_CHECK(r < 0 || kind == K_MEMBER_ADD || !res->added);
		out = res;
		ck_etcd_member_result_free(res);
		break;
	}
	case K_STATUS: {
		struct ck_etcd_status_result *res = (void *)1;
		char **errors = (void *)1;

		r = ck_etcd_pb_decode_status(data, len, &res, &errors, &err);
		if (r == 0) {
			FUZZ_CHECK(res->version && errors && !res->endpoint);
			for (char **e = errors; *e; e++)
				FUZZ_CHECK(strlen(*e) < SIZE_MAX);
		} else {
			FUZZ_CHECK(!errors);
		}
		ck_str_list_free(errors);
		out = res;
		ck_etcd_status_result_free(res);
		break;
	}
	case K_WATCH: {
		struct ck_etcd_pb_watch_response *res = (void *)1;

		r = ck_etcd_pb_decode_watch(data, len, &res, &err);
		if (r == 0) {
			FUZZ_CHECK(res->cancel_reason);
			FUZZ_CHECK(res->n_events == 0 || res->events);
			for (size_t i = 0; i < res->n_events; i++) {
				const struct ck_etcd_event *ev = &res->events[i];

				FUZZ_CHECK(ev->type == CK_ETCD_EVENT_PUT ||
				           ev->type == CK_ETCD_EVENT_DELETE);
				check_kvs(&ev->kv, 1);
				if (ev->prev_kv)
					check_kvs(ev->prev_kv, 1);
			}
		}
		out = res;
		ck_etcd_pb_watch_response_free(res);
		break;
	}
	case K_COUNT:
		break;
	}
	if (r < 0) {
		FUZZ_CHECK(out == NULL);
		check_error(kind, err);
	} else {
		FUZZ_CHECK(r == 0 && out != NULL && err == NULL);
	}
	ck_error_free(err);
	return r;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	enum kind kind;
	int first;

	if (size < 1)
		return -1;
	kind = (enum kind)(data[0] % K_COUNT);
	first = decode(kind, data + 1, size - 1);
	FUZZ_CHECK(decode(kind, data + 1, size - 1) == first);
	return 0;
}
