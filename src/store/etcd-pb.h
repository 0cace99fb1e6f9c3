/*
 * The etcd client's protobuf codec, for etcd's native gRPC API (etcdserverpb, mvccpb of
 * etcd 3.4's api/etcdserverpb/rpc.proto and api/mvccpb/kv.proto): every request ckube sends,
 * encoded from the request types of etcd.h, and every reply it reads, decoded into the
 * result types of etcd.h, so that moving a call from the JSON gateway (etcd-codec.c,
 * etcd-ops.c, etcd-watch.c) to gRPC swaps the transport and nothing else. Messages here are
 * bare protobuf: the 5-byte gRPC message framing, HTTP/2 and grpc-status belong to the
 * transport (grpc.h).
 *
 * Encoders append one message to a ck_buf and check the request as the gateway path does
 * (400 for a request that cannot be valid: no key, an unknown compare, a TTL that is not
 * positive...); the buffer is then unspecified. They allocate nothing but the buffer's
 * growth: a prefix's range_end is written without building it.
 *
 * Decoders read one message, strictly: a varint longer than 10 bytes or past 64 bits, a
 * length past the end, a field number 0, a group or reserved wire type, or a known field
 * with the wrong wire type is a 500 InternalError "malformed etcd reply: <message>.<field
 * path>: <what>"; unknown fields are skipped (etcd may add some), repeated fields appended,
 * a scalar given twice takes the last value and a message given twice is merged, as
 * protobuf says. They never read outside [data, data + len) and never keep a pointer into
 * it: etcd.h's results own NUL-terminated copies of every key, value and string, and are
 * freed with their ck_etcd_*_result_free. A decoder returns 0 with a new result in *out
 * (the caller's), or -1 with *err and *out NULL, leaving nothing allocated.
 *
 * Pure functions of their arguments: any thread, no loop.
 */
#ifndef CK_STORE_ETCD_PB_H
#define CK_STORE_ETCD_PB_H

#include "base/compat.h"

#include "base/buf.h"
#include "base/error.h"
#include "store/etcd.h"

/* gRPC method paths (":path") of the calls ckube makes. */
#define CK_ETCD_PB_PATH_RANGE           "/etcdserverpb.KV/Range"
#define CK_ETCD_PB_PATH_PUT             "/etcdserverpb.KV/Put"
#define CK_ETCD_PB_PATH_DELETE_RANGE    "/etcdserverpb.KV/DeleteRange"
#define CK_ETCD_PB_PATH_TXN             "/etcdserverpb.KV/Txn"
#define CK_ETCD_PB_PATH_COMPACT         "/etcdserverpb.KV/Compact"
#define CK_ETCD_PB_PATH_WATCH           "/etcdserverpb.Watch/Watch" /* bidirectional stream */
#define CK_ETCD_PB_PATH_LEASE_GRANT     "/etcdserverpb.Lease/LeaseGrant"
#define CK_ETCD_PB_PATH_LEASE_REVOKE    "/etcdserverpb.Lease/LeaseRevoke"
#define CK_ETCD_PB_PATH_LEASE_KEEPALIVE "/etcdserverpb.Lease/LeaseKeepAlive" /* bidi stream */
#define CK_ETCD_PB_PATH_LEASE_TTL       "/etcdserverpb.Lease/LeaseTimeToLive"
#define CK_ETCD_PB_PATH_MEMBER_LIST     "/etcdserverpb.Cluster/MemberList"
#define CK_ETCD_PB_PATH_MEMBER_ADD      "/etcdserverpb.Cluster/MemberAdd"
#define CK_ETCD_PB_PATH_MEMBER_REMOVE   "/etcdserverpb.Cluster/MemberRemove"
#define CK_ETCD_PB_PATH_STATUS          "/etcdserverpb.Maintenance/Status"

/* ---- requests --------------------------------------------------------------------- */

/*
 * RangeRequest, PutRequest, DeleteRangeRequest: keys as etcd.h says (length 0 is strlen, a
 * prefix becomes [key, ck_etcd_prefix_end(key)), an empty prefix every key). 400 without a
 * key (except a prefix) as the gateway path.
 */
int ck_etcd_pb_encode_range(struct ck_buf *b, const struct ck_etcd_range_req *req,
                            struct ck_error **err);
int ck_etcd_pb_encode_put(struct ck_buf *b, const struct ck_etcd_put_req *req,
                          struct ck_error **err);
int ck_etcd_pb_encode_delete(struct ck_buf *b, const struct ck_etcd_delete_req *req,
                             struct ck_error **err);

/*
 * TxnRequest. 400 for a compare or op without a key, an unknown compare target, result or
 * op type, or a range with a revision (a txn reads at its own revision). *writes (may be
 * NULL) is set when an op puts or deletes: the call is then not safe to repeat.
 */
int ck_etcd_pb_encode_txn(struct ck_buf *b, const struct ck_etcd_txn_req *req, bool *writes,
                          struct ck_error **err);

/* The API server's compare-and-swaps (etcd.h's ck_etcd_cas_*), as transactions. */
enum ck_etcd_pb_cas {
	CK_ETCD_PB_CAS_CREATE = 1,
	CK_ETCD_PB_CAS_UPDATE,
	CK_ETCD_PB_CAS_DELETE,
};

/*
 * The TxnRequest of ck_etcd_cas_<which>, the same compare, branches and ops as the gateway
 * path builds (create: CREATE == 0, put, failure range unless no_current; update and
 * delete: MOD == rv, or CREATE > 0 without one; delete with prev_kv). 400 without a key.
 */
int ck_etcd_pb_encode_cas(struct ck_buf *b, enum ck_etcd_pb_cas which,
                          const struct ck_etcd_cas_req *req, struct ck_error **err);

/* CompactionRequest; 400 when the revision is not positive. */
int ck_etcd_pb_encode_compact(struct ck_buf *b, const struct ck_etcd_compact_req *req,
                              struct ck_error **err);

enum ck_etcd_pb_lease {
	CK_ETCD_PB_LEASE_GRANT,     /* LeaseGrantRequest {TTL, ID} */
	CK_ETCD_PB_LEASE_REVOKE,    /* LeaseRevokeRequest {ID} */
	CK_ETCD_PB_LEASE_KEEPALIVE, /* LeaseKeepAliveRequest {ID}, one message of the stream */
	CK_ETCD_PB_LEASE_TTL,       /* LeaseTimeToLiveRequest {ID, keys} */
};

/* The lease request of kind; 400 for a grant without a positive TTL, or another without a
 * positive ID, as the gateway path. */
int ck_etcd_pb_encode_lease(struct ck_buf *b, enum ck_etcd_pb_lease kind,
                            const struct ck_etcd_lease_req *req, struct ck_error **err);

enum ck_etcd_pb_member {
	CK_ETCD_PB_MEMBER_LIST,   /* MemberListRequest {}: req may be NULL */
	CK_ETCD_PB_MEMBER_ADD,    /* MemberAddRequest {peerURLs, isLearner}: 400 without URLs */
	CK_ETCD_PB_MEMBER_REMOVE, /* MemberRemoveRequest {ID}: 400 without an ID */
};

int ck_etcd_pb_encode_member(struct ck_buf *b, enum ck_etcd_pb_member kind,
                             const struct ck_etcd_member_req *req, struct ck_error **err);

/* StatusRequest: the empty message (nothing is appended). Never fails. */
void ck_etcd_pb_encode_status(struct ck_buf *b);

/* What a WatchCreateRequest carries beyond ck_etcd_watch_req. Zero: etcd's defaults. */
struct ck_etcd_pb_watch_opts {
	int64_t watch_id; /* the ID wanted for the watcher on its stream; 0: etcd picks */
	bool fragment;    /* let etcd split a large revision over several responses */
	bool no_put;      /* filters: NOPUT */
	bool no_delete;   /* filters: NODELETE */
};

/*
 * WatchRequest {create_request}: key and range as ck_etcd_range_req (the watch code may pass
 * its resolved key and range_end without prefix), start_revision when positive (the
 * caller's resume point), prev_kv, progress_notify, and opts (NULL: none). 400 without a
 * key (except a prefix) or with a negative start revision.
 */
int ck_etcd_pb_encode_watch_create(struct ck_buf *b, const struct ck_etcd_watch_req *req,
                                   const struct ck_etcd_pb_watch_opts *opts, struct ck_error **err);

/* WatchRequest {cancel_request {watch_id}}. */
void ck_etcd_pb_encode_watch_cancel(struct ck_buf *b, int64_t watch_id);

/*
 * WatchRequest {progress_request {}}: ask etcd for a progress notification now, which the
 * JSON gateway could not send (so a consistent LIST on a quiet resource had to wait for the
 * periodic one). etcd answers on the same stream with WatchResponses without events whose
 * header revision the watcher has caught up to: in 3.4.23 (Debian's) one per watcher of the stream
 * that is in sync, with its watch_id; later 3.4 releases one with watch_id -1, only when
 * every watcher of the stream is. A watcher still catching up gets none: ask again later.
 */
void ck_etcd_pb_encode_watch_progress(struct ck_buf *b);

/* ---- responses -------------------------------------------------------------------- */

/* RangeResponse. Free with ck_etcd_range_result_free. */
int ck_etcd_pb_decode_range(const void *data, size_t len, struct ck_etcd_range_result **out,
                            struct ck_error **err);

/* PutResponse; also CompactionResponse (header only). Free with ck_etcd_put_result_free. */
int ck_etcd_pb_decode_put(const void *data, size_t len, struct ck_etcd_put_result **out,
                          struct ck_error **err);
int ck_etcd_pb_decode_compact(const void *data, size_t len, struct ck_etcd_put_result **out,
                              struct ck_error **err);

/* DeleteRangeResponse. Free with ck_etcd_delete_result_free. */
int ck_etcd_pb_decode_delete(const void *data, size_t len, struct ck_etcd_delete_result **out,
                             struct ck_error **err);

/*
 * TxnResponse. A ResponseOp naming none of range/put/delete_range, or a nested txn's
 * response (ckube never sends a nested txn, and etcd.h has no type for one), is
 * malformed. Free with ck_etcd_txn_result_free.
 */
int ck_etcd_pb_decode_txn(const void *data, size_t len, struct ck_etcd_txn_result **out,
                          struct ck_error **err);

/*
 * The TxnResponse of a ck_etcd_pb_encode_cas(which, req) reshaped as the gateway path does:
 * the current kv on failure, the deleted kv on a successful delete. no_current is the
 * request's (a failed create without the failure range has no response). 500 when the
 * responses are not the ones the txn asked for. Free with ck_etcd_cas_result_free.
 */
int ck_etcd_pb_decode_cas(enum ck_etcd_pb_cas which, bool no_current, const void *data, size_t len,
                          struct ck_etcd_cas_result **out, struct ck_error **err);

/*
 * LeaseGrantResponse, LeaseRevokeResponse, LeaseKeepAliveResponse or
 * LeaseTimeToLiveResponse, as kind says (their field 4 differs). keys (time-to-live) have
 * an empty value. A grant whose error field is set fails with 500 and that error (etcd 3.4
 * reports failures as a gRPC status instead; the field is older). Deciding that a TTL <= 0
 * means "lease not found" (404) is the caller's, as in the gateway path. Free with
 * ck_etcd_lease_result_free.
 */
int ck_etcd_pb_decode_lease(enum ck_etcd_pb_lease kind, const void *data, size_t len,
                            struct ck_etcd_lease_result **out, struct ck_error **err);

/*
 * MemberListResponse, MemberAddResponse (added: its member) or MemberRemoveResponse, as kind
 * says. Every member has a name ("" when unset) and NULL-terminated URL lists. Free with
 * ck_etcd_member_result_free.
 */
int ck_etcd_pb_decode_member(enum ck_etcd_pb_member kind, const void *data, size_t len,
                             struct ck_etcd_member_result **out, struct ck_error **err);

/*
 * StatusResponse; endpoint is left NULL for the transport to fill, version "" when unset.
 * errors (may be NULL): the member's alarm and health errors, a NULL-terminated list the
 * caller frees with ck_str_list_free (etcd.h has no field for them, nor had the gateway
 * path). Free with ck_etcd_status_result_free.
 */
int ck_etcd_pb_decode_status(const void *data, size_t len, struct ck_etcd_status_result **out,
                             char ***errors, struct ck_error **err);

/* A WatchResponse, every field (ck_etcd_watch_result is what a watch delivers, less). */
struct ck_etcd_pb_watch_response {
	struct ck_etcd_header header;
	int64_t watch_id;
	bool created;
	bool canceled;
	bool fragment; /* more responses of the same revision follow (with opts.fragment) */
	int64_t compact_revision;
	char *cancel_reason; /* never NULL: "" when unset */
	/* As ck_etcd_watch_result's: kv always has key and value (a delete's value ""). */
	struct ck_etcd_event *events;
	size_t n_events;
};

/*
 * WatchResponse. An event of an unknown type, or without a kv, is malformed (as in the
 * gateway path). Free with ck_etcd_pb_watch_response_free; the events may be moved into a
 * ck_etcd_watch_result (then clear events and n_events).
 */
int ck_etcd_pb_decode_watch(const void *data, size_t len, struct ck_etcd_pb_watch_response **out,
                            struct ck_error **err);

/* NULL-safe. */
void ck_etcd_pb_watch_response_free(struct ck_etcd_pb_watch_response *res);

#endif
