/*
 * The etcd v3 client (DESIGN.md §2): ranges, puts, deletes, transactions (with the
 * compare-and-swap calls the API server builds resourceVersion semantics on), leases,
 * watch streams that resume by themselves, cluster membership and maintenance, over
 * etcd's native gRPC API (HTTP/2 with libnghttp2, optionally TLS with client
 * certificates) on libevent: store/grpc.h carries the calls, store/etcd-pb.h encodes them.
 * gRPC costs etcd about a third of the CPU per request of its JSON gateway
 * (bench/README.md), and a watch is one stream on the endpoint's one connection.
 *
 * Threading: a client belongs to the event_base it was made with (its "loop"). Every
 * function here must be called on that loop's thread, and every callback runs on it.
 * Callbacks are never called from inside the call that started them: a call returns
 * first, its callback runs later from the loop. A client made without a base owns a
 * private one, for synchronous callers (tests, tools), which use the ck_etcd_sync_* calls.
 *
 * Ownership: a callback owns what it is given. A result (`res`) is freed with its
 * ck_etcd_*_result_free, an error (`err`) with ck_error_free; both are NULL-safe, and a
 * callback may keep either, or steal pieces (a kv's key or value) with ck_steal. Exactly
 * one of res and err is non-NULL, except where a callback type says otherwise.
 *
 * Bytes: keys and values are byte strings. A request names them as
 * (pointer, length); a length of 0 means "the pointer is a NUL-terminated string", which is
 * also how an empty value is written (""). Results hold them NUL-terminated as well, so
 * text keys can be used as C strings.
 *
 * Failover: a client has one or more endpoints (the members' client URLs). Calls go to the
 * current endpoint, multiplexed on its one HTTP/2 connection, and move to the next
 * endpoint when it cannot be reached, resets, times out, or answers that it has no leader
 * or is overloaded. A call that may have changed data is retried elsewhere only when it
 * certainly did not reach etcd (connection refused, TLS failure, "no leader", "too many
 * requests"); otherwise its caller gets the error and decides (K8S: kube-apiserver does not
 * retry a write of unknown outcome either).
 *
 * Errors map to what an API server answers: 503 ServiceUnavailable when no member can
 * serve, 504 Timeout when the deadline passed or the outcome is unknown, 410 Expired for a
 * compacted revision, 404 NotFound for a missing lease or member, 413 for a request etcd
 * finds too large, 400 for a request etcd rejects, 500 InternalError for a malformed reply.
 */
#ifndef CK_STORE_ETCD_H
#define CK_STORE_ETCD_H

#include "base/compat.h"

#include "base/error.h"

struct event_base;

/* ---- the client ------------------------------------------------------------------- */

struct ck_etcd_config {
	/*
	 * Required: NULL-terminated list of client URLs, "http://127.0.0.1:2379" or
	 * "https://10.0.0.1:2379" (IPv6 as "https://[::1]:2379"). Copied.
	 */
	const char *const *endpoints;
	/*
	 * For https endpoints: the CA bundle that signed the members' certificates (NULL:
	 * OpenSSL's default paths), and the client certificate chain and key (both or
	 * neither). The member's certificate must match the endpoint's host name or IP.
	 */
	const char *ca_file;
	const char *cert_file;
	const char *key_file;
	/* Deadline of a whole call, failover and back-off included; 0: 15000 ms. */
	int request_timeout_ms;
	/*
	 * Deadline of one attempt on one endpoint (connect, send, answer); a read-only call
	 * that exceeds it moves to the next endpoint. 0: 5000 ms.
	 */
	int attempt_timeout_ms;
	/*
	 * Largest reply message accepted (and largest single watch message); larger ones fail
	 * with 500. 0: 64 MiB. Use range limits for big prefixes.
	 */
	size_t max_response_bytes;
};

struct ck_etcd;

/*
 * Make a client on base (NULL: the client makes and owns a private event_base, for the
 * ck_etcd_sync_* calls). No connection is made until the first call. Returns 0 with the
 * client in *out, or -1 with *err (400) for an empty or malformed endpoint list,
 * unreadable TLS files, or a key that does not match its certificate. The client is the
 * caller's: ck_etcd_free.
 */
int ck_etcd_new(struct event_base *base, const struct ck_etcd_config *cfg, struct ck_etcd **out,
                struct ck_error **err);

/*
 * Close every connection and free the client; NULL-safe. Calls still in flight get their
 * callback now, synchronously, with 503 ("etcd client closed"). Every watch and keepalive
 * must have been freed before (a bug otherwise), and it must not be called from one of
 * the client's callbacks.
 */
void ck_etcd_free(struct ck_etcd *c);

/* The client's loop (the caller's base, or its private one). */
struct event_base *ck_etcd_base(const struct ck_etcd *c);

/* The number of endpoints and the i-th one's URL as configured (owned by the client). */
size_t ck_etcd_endpoint_count(const struct ck_etcd *c);
const char *ck_etcd_endpoint(const struct ck_etcd *c, size_t i);

/* ---- key-values and results ------------------------------------------------------- */

/* One key-value as etcd stores it (mvccpb.KeyValue). */
struct ck_etcd_kv {
	char *key; /* owned by the result; NUL-terminated; key_len excludes the NUL */
	size_t key_len;
	char *value; /* owned by the result; NUL-terminated; never NULL unless stolen: empty
			with keys_only and in a deletion event's kv */
	size_t value_len;
	int64_t create_revision; /* 0 in a deletion event's kv */
	int64_t mod_revision;    /* a deletion event's kv: the revision of the delete */
	int64_t version;
	int64_t lease; /* 0: none */
};

/* The response header every etcd reply carries. */
struct ck_etcd_header {
	int64_t revision; /* the store's revision when the request was served */
	uint64_t cluster_id;
	uint64_t member_id; /* the member that answered */
	uint64_t raft_term;
};

/* ---- range ------------------------------------------------------------------------ */

struct ck_etcd_range_req {
	const void *key; /* required (except with prefix, where "" means every key) */
	size_t key_len;
	/*
	 * The range [key, range_end): with prefix, every key that starts with key; else
	 * range_end when given (a continue: key = next key, range_end = prefix end); else
	 * the single key.
	 */
	bool prefix;
	const void *range_end;
	size_t range_end_len;
	int64_t limit;    /* at most this many kvs (more says whether others follow); 0: all */
	int64_t revision; /* read the store as of this revision; 0: the newest */
	/* Served by the member that receives it, without going through the leader (may be
	 * stale). Default: linearizable. */
	bool serializable;
	bool count_only; /* no kvs, only count */
	bool keys_only;  /* kvs without values */
};

struct ck_etcd_range_result {
	struct ck_etcd_header header;
	struct ck_etcd_kv *kvs; /* sorted by key */
	size_t n_kvs;
	bool more;     /* more kvs than limit are in the range */
	int64_t count; /* number of keys in the range (not limited) */
};

/*
 * Called once with the result or the error (410 Expired when revision was compacted, 504
 * when it is in the future, 503/504 when etcd is unavailable). Owns res and err. Runs on
 * the client's loop.
 */
typedef void ck_etcd_range_fn(struct ck_etcd_range_result *res, struct ck_error *err, void *arg);

/*
 * Read a key or a range (KV.Range); as a read it is retried on the next endpoint
 * after any transport failure or unavailability, not after an answer (410, 504...). Returns 0 when started (cb follows, later), or -1 with *err (400) for a request
 * that cannot be valid (no key); cb is then never called. req and its bytes are copied.
 */
int ck_etcd_range(struct ck_etcd *c, const struct ck_etcd_range_req *req, ck_etcd_range_fn *cb,
                  void *arg, struct ck_error **err);

void ck_etcd_range_result_free(struct ck_etcd_range_result *res);

/* ---- put and delete --------------------------------------------------------------- */

struct ck_etcd_put_req {
	const void *key; /* required */
	size_t key_len;
	const void *value;
	size_t value_len;
	int64_t lease; /* attach to this lease; 0: none */
	bool prev_kv;  /* return the previous kv */
};

struct ck_etcd_put_result {
	struct ck_etcd_header header; /* revision: the new kv's mod_revision */
	struct ck_etcd_kv *prev_kv;   /* with prev_kv, when the key existed; else NULL */
};

typedef void ck_etcd_put_fn(struct ck_etcd_put_result *res, struct ck_error *err, void *arg);

/*
 * Write a key (KV.Put). Returns 0 when started, or -1 with *err (400) when key is
 * missing; cb is then never called. Copies req. 404 in the callback: lease not found.
 */
int ck_etcd_put(struct ck_etcd *c, const struct ck_etcd_put_req *req, ck_etcd_put_fn *cb, void *arg,
                struct ck_error **err);

void ck_etcd_put_result_free(struct ck_etcd_put_result *res);

struct ck_etcd_delete_req {
	const void *key; /* required (except with prefix) */
	size_t key_len;
	bool prefix; /* as in ck_etcd_range_req */
	const void *range_end;
	size_t range_end_len;
	bool prev_kv; /* return the deleted kvs */
};

struct ck_etcd_delete_result {
	struct ck_etcd_header header;
	int64_t deleted;             /* number of keys deleted */
	struct ck_etcd_kv *prev_kvs; /* with prev_kv: the deleted kvs */
	size_t n_prev_kvs;
};

typedef void ck_etcd_delete_fn(struct ck_etcd_delete_result *res, struct ck_error *err, void *arg);

/* Delete a key or a range (KV.DeleteRange). As ck_etcd_put otherwise. */
int ck_etcd_delete(struct ck_etcd *c, const struct ck_etcd_delete_req *req, ck_etcd_delete_fn *cb,
                   void *arg, struct ck_error **err);

void ck_etcd_delete_result_free(struct ck_etcd_delete_result *res);

/* ---- transactions ----------------------------------------------------------------- */

enum ck_etcd_cmp_target {
	CK_ETCD_CMP_VERSION, /* number: the key's version (0: absent) */
	CK_ETCD_CMP_CREATE,  /* number: create_revision (0: absent) */
	CK_ETCD_CMP_MOD,     /* number: mod_revision (0: absent) */
	CK_ETCD_CMP_VALUE,   /* value, value_len */
	CK_ETCD_CMP_LEASE,   /* number: lease ID */
};

enum ck_etcd_cmp_result {
	CK_ETCD_CMP_EQUAL,
	CK_ETCD_CMP_GREATER,
	CK_ETCD_CMP_LESS,
	CK_ETCD_CMP_NOT_EQUAL,
};

/* "the target of key is <result> to number (or value)", e.g. MOD EQUAL 42. */
struct ck_etcd_cmp {
	const void *key; /* required */
	size_t key_len;
	enum ck_etcd_cmp_target target;
	enum ck_etcd_cmp_result result;
	int64_t number;
	const void *value;
	size_t value_len;
};

enum ck_etcd_op_type {
	CK_ETCD_OP_RANGE,
	CK_ETCD_OP_PUT,
	CK_ETCD_OP_DELETE,
};

/* One operation of a transaction branch, e.g. {.type = CK_ETCD_OP_PUT, .put = {...}}. */
struct ck_etcd_op {
	enum ck_etcd_op_type type;
	union {
		struct ck_etcd_range_req range; /* revision must be 0 in a txn */
		struct ck_etcd_put_req put;
		struct ck_etcd_delete_req del;
	};
};

struct ck_etcd_txn_req {
	const struct ck_etcd_cmp *cmps; /* all must hold for success */
	size_t n_cmps;
	const struct ck_etcd_op *success; /* run when every compare holds */
	size_t n_success;
	const struct ck_etcd_op *failure; /* run otherwise */
	size_t n_failure;
};

/* The result of one operation of the branch that ran; type says which member is set. */
struct ck_etcd_op_result {
	enum ck_etcd_op_type type;
	union {
		struct ck_etcd_range_result range;
		struct ck_etcd_put_result put;
		struct ck_etcd_delete_result del;
	};
};

struct ck_etcd_txn_result {
	struct ck_etcd_header header;        /* revision: the new revision when the branch wrote */
	bool succeeded;                      /* the compares held: the success branch ran */
	struct ck_etcd_op_result *responses; /* one per op of the branch that ran, in order */
	size_t n_responses;
};

typedef void ck_etcd_txn_fn(struct ck_etcd_txn_result *res, struct ck_error *err, void *arg);

/*
 * Run a transaction (KV.Txn). A txn whose ops are all ranges is retried as a read;
 * any other as a write. Returns 0 when started, or -1 with *err (400) for a compare or op
 * without a key or with an unknown type; cb is then never called. Copies req.
 */
int ck_etcd_txn(struct ck_etcd *c, const struct ck_etcd_txn_req *req, ck_etcd_txn_fn *cb, void *arg,
                struct ck_error **err);

void ck_etcd_txn_result_free(struct ck_etcd_txn_result *res);

/* ---- compare-and-swap: the API server's create, update and delete ------------------- */

struct ck_etcd_cas_req {
	const void *key; /* required */
	size_t key_len;
	const void *value; /* create, update: the new value */
	size_t value_len;
	int64_t lease; /* create, update: attach to this lease; 0: none */
	/*
	 * update, delete: the mod_revision the key must still have (the resourceVersion the
	 * client sent); 0: only that the key exists. Ignored by create.
	 */
	int64_t mod_revision;
	/*
	 * create: leave the range out of the failure branch, so that a failed create reports
	 * only that it failed (kv NULL). A caller that answers 409 AlreadyExists without the
	 * current object should set it: etcd decodes and runs a transaction the
	 * smaller the cheaper, and the create is the API server's hottest write. Ignored by
	 * update and delete, whose failures must tell "gone" from "changed".
	 */
	bool no_current;
};

struct ck_etcd_cas_result {
	struct ck_etcd_header header; /* on success: revision is the written kv's mod_revision
					 (create, update) or the delete's revision */
	bool succeeded;
	/*
	 * On failure: the key's current kv, read in the same transaction, or NULL when the
	 * key does not exist (update, delete: 404; create: 409 AlreadyExists, never NULL
	 * unless the request had no_current). On a successful delete: the deleted kv.
	 * Otherwise NULL.
	 */
	struct ck_etcd_kv *kv;
};

/* A failed compare is a result (succeeded false), not an error. Owns res and err. */
typedef void ck_etcd_cas_fn(struct ck_etcd_cas_result *res, struct ck_error *err, void *arg);

/*
 * Create key if it does not exist: txn compare CREATE create_revision == 0, put; failure
 * ranges the key (unless req->no_current). K8S: create of an existing object is 409
 * AlreadyExists.
 */
int ck_etcd_cas_create(struct ck_etcd *c, const struct ck_etcd_cas_req *req, ck_etcd_cas_fn *cb,
                       void *arg, struct ck_error **err);

/*
 * Update key if its mod_revision is still req->mod_revision (or, with 0, if it exists):
 * txn compare MOD == rv (CREATE > 0), put; failure ranges the key. K8S: a stale
 * resourceVersion on update is 409 Conflict with the current object.
 */
int ck_etcd_cas_update(struct ck_etcd *c, const struct ck_etcd_cas_req *req, ck_etcd_cas_fn *cb,
                       void *arg, struct ck_error **err);

/*
 * Delete key if its mod_revision is still req->mod_revision (or, with 0, if it exists):
 * txn compare as update, delete with prev_kv; failure ranges the key.
 * All three return 0 when started, or -1 with *err (400) when key is missing.
 */
int ck_etcd_cas_delete(struct ck_etcd *c, const struct ck_etcd_cas_req *req, ck_etcd_cas_fn *cb,
                       void *arg, struct ck_error **err);

void ck_etcd_cas_result_free(struct ck_etcd_cas_result *res);

/* ---- leases ----------------------------------------------------------------------- */

struct ck_etcd_lease_req {
	int64_t id;  /* grant: the ID wanted (0: etcd picks); others: the lease */
	int64_t ttl; /* grant: seconds */
	bool keys;   /* time-to-live: list the keys attached */
};

struct ck_etcd_lease_result {
	struct ck_etcd_header header;
	int64_t id;
	int64_t ttl;             /* seconds left (grant: granted; keepalive: renewed to) */
	int64_t granted_ttl;     /* time-to-live: the TTL it was granted with */
	struct ck_etcd_kv *keys; /* time-to-live with keys: the keys only (no values) */
	size_t n_keys;
};

typedef void ck_etcd_lease_fn(struct ck_etcd_lease_result *res, struct ck_error *err, void *arg);

/* Grant a lease of req->ttl seconds (Lease.LeaseGrant); a write. */
int ck_etcd_lease_grant(struct ck_etcd *c, const struct ck_etcd_lease_req *req,
                        ck_etcd_lease_fn *cb, void *arg, struct ck_error **err);

/* Revoke a lease and delete its keys (Lease.LeaseRevoke); a write; 404 when not found. */
int ck_etcd_lease_revoke(struct ck_etcd *c, const struct ck_etcd_lease_req *req,
                         ck_etcd_lease_fn *cb, void *arg, struct ck_error **err);

/*
 * Renew a lease once: one request on a Lease.LeaseKeepAlive stream, half-closed after it
 * (etcd answers and ends the stream). 404 when the lease has expired or does not exist.
 */
int ck_etcd_lease_keepalive_once(struct ck_etcd *c, const struct ck_etcd_lease_req *req,
                                 ck_etcd_lease_fn *cb, void *arg, struct ck_error **err);

/* The lease's remaining TTL (Lease.LeaseTimeToLive); 404 when expired or not found. */
int ck_etcd_lease_ttl(struct ck_etcd *c, const struct ck_etcd_lease_req *req, ck_etcd_lease_fn *cb,
                      void *arg, struct ck_error **err);

void ck_etcd_lease_result_free(struct ck_etcd_lease_result *res);

struct ck_etcd_keepalive;

/*
 * Called after each renewal attempt: ttl > 0 with err NULL when renewed; ttl 0 with an
 * error otherwise. A 404 error (the lease expired or was revoked) is the last call: the
 * keepalive stops by itself. Any other error (etcd unavailable) is reported and renewing
 * goes on. Owns err. May free the keepalive. Runs on the client's loop.
 */
typedef void ck_etcd_keepalive_fn(struct ck_etcd_keepalive *ka, int64_t ttl, struct ck_error *err,
                                  void *arg);

/*
 * Keep lease id alive: one keepalive request every interval_ms (0: a third of the TTL the
 * first renewal reports, as clientv3 does; at least 500 ms), starting now. cb may be
 * NULL. Returns 0 with the handle in *out, or -1 with *err (400) when id is not positive.
 * The handle is the caller's: ck_etcd_keepalive_free, even after the last call.
 */
int ck_etcd_keepalive_start(struct ck_etcd *c, int64_t id, int interval_ms,
                            ck_etcd_keepalive_fn *cb, void *arg, struct ck_etcd_keepalive **out,
                            struct ck_error **err);

/* Stop renewing (the lease then expires on its own) and free; NULL-safe; allowed in cb. */
void ck_etcd_keepalive_free(struct ck_etcd_keepalive *ka);

/* ---- watch ------------------------------------------------------------------------ */

struct ck_etcd_watch_req {
	const void *key; /* required (except with prefix) */
	size_t key_len;
	bool prefix; /* as in ck_etcd_range_req */
	const void *range_end;
	size_t range_end_len;
	/* Deliver events with mod_revision >= start_revision; 0: from now. */
	int64_t start_revision;
	bool prev_kv;         /* events carry the key's previous kv */
	bool progress_notify; /* ask etcd for progress notifications (every 10 min in 3.4) */
};

enum ck_etcd_event_type {
	CK_ETCD_EVENT_PUT,
	CK_ETCD_EVENT_DELETE,
};

struct ck_etcd_event {
	enum ck_etcd_event_type type;
	struct ck_etcd_kv kv;       /* a delete's kv has only key and mod_revision */
	struct ck_etcd_kv *prev_kv; /* with prev_kv: the kv before the event, or NULL */
};

/*
 * One message of the watch: the creation, a batch of events, or a progress notification.
 * Events arrive in revision order, each revision exactly once for the life of the watch,
 * across reconnections; every event of one revision (a txn) is in the same batch.
 */
struct ck_etcd_watch_result {
	/*
	 * header.revision. For a progress notification (neither created nor events) every
	 * event up to it has been delivered: a cache may advance to it. For an event batch it
	 * may run ahead of the events (etcd's catch-up batches carry the store's revision):
	 * use the last event's kv.mod_revision there instead. For created, the store's
	 * revision when the watch started.
	 */
	int64_t revision;
	bool created; /* the first message, once, when etcd accepted the watch */
	struct ck_etcd_event *events;
	size_t n_events;
};

struct ck_etcd_watch;

/*
 * Called for each message (res, owned: ck_etcd_watch_result_free) until the watch ends,
 * then once with err (owned) and res NULL. A broken stream is not an end: the watch
 * reconnects, to the next endpoint if need be, from the revision after the last one
 * delivered, without telling the callback, for as long as it takes (back-off up to 1 s).
 * It ends only with:
 *   410 Expired when the revision to resume from has been compacted (etcd's
 *       compact_revision is then ck_etcd_watch_compact_revision(w)): relist;
 *   500 for a malformed message or a reply that is not etcd's (not gRPC);
 *   etcd's refusal mapped as for unary calls (403, 400...) when it cancels the watch
 *       for a reason that another attempt would not change.
 * May free the watch. Runs on the client's loop.
 */
typedef void ck_etcd_watch_fn(struct ck_etcd_watch *w, struct ck_etcd_watch_result *res,
                              struct ck_error *err, void *arg);

/*
 * Start watching on a stream of its own (Watch.Watch, on the endpoint's connection). Returns 0 with
 * the handle in *out, or -1 with *err (400) when key is missing; the first callback
 * follows from the loop. The handle is the caller's: ck_etcd_watch_free, even after the
 * last call. Copies req.
 */
int ck_etcd_watch(struct ck_etcd *c, const struct ck_etcd_watch_req *req, ck_etcd_watch_fn *cb,
                  void *arg, struct ck_etcd_watch **out, struct ck_error **err);

/* Cancel (reset the stream; no callback follows) and free; NULL-safe; allowed in cb. */
void ck_etcd_watch_free(struct ck_etcd_watch *w);

/*
 * The revision the watch would resume from: one past the last event delivered, or past a
 * progress notification's revision. 0 before anything was delivered for a watch "from now".
 */
int64_t ck_etcd_watch_next_revision(const struct ck_etcd_watch *w);

/* etcd's compact_revision after the watch ended with 410 Expired; else 0. */
int64_t ck_etcd_watch_compact_revision(const struct ck_etcd_watch *w);

/* How many times the stream has been re-established (for tests and metrics). */
unsigned ck_etcd_watch_reconnects(const struct ck_etcd_watch *w);

void ck_etcd_watch_result_free(struct ck_etcd_watch_result *res);

/* ---- cluster and maintenance ------------------------------------------------------ */

struct ck_etcd_member {
	uint64_t id;
	char *name;         /* "" for a member added but not started yet */
	char **peer_urls;   /* NULL-terminated */
	char **client_urls; /* NULL-terminated; empty until the member has started */
	bool is_learner;
};

struct ck_etcd_member_req {
	const char *const *peer_urls; /* add: NULL-terminated, required */
	bool is_learner;              /* add */
	uint64_t id;                  /* remove: required */
};

struct ck_etcd_member_result {
	struct ck_etcd_header header;
	struct ck_etcd_member *added;   /* add: the new member; else NULL */
	struct ck_etcd_member *members; /* every member after the call */
	size_t n_members;
};

typedef void ck_etcd_member_fn(struct ck_etcd_member_result *res, struct ck_error *err, void *arg);

/* List the members (Cluster.MemberList); req may be NULL. A read. */
int ck_etcd_member_list(struct ck_etcd *c, const struct ck_etcd_member_req *req,
                        ck_etcd_member_fn *cb, void *arg, struct ck_error **err);

/* Add a member (Cluster.MemberAdd); a write. 400 without peer URLs. */
int ck_etcd_member_add(struct ck_etcd *c, const struct ck_etcd_member_req *req,
                       ck_etcd_member_fn *cb, void *arg, struct ck_error **err);

/* Remove a member (Cluster.MemberRemove); a write. 404 when there is no such member. */
int ck_etcd_member_remove(struct ck_etcd *c, const struct ck_etcd_member_req *req,
                          ck_etcd_member_fn *cb, void *arg, struct ck_error **err);

void ck_etcd_member_result_free(struct ck_etcd_member_result *res);

/* Which member to ask: status and health are per member, not per cluster. */
struct ck_etcd_endpoint_req {
	/* One of the client's endpoints, as configured; NULL: the current one, failing over.
	 * A named endpoint is asked once, without failover. */
	const char *endpoint;
};

struct ck_etcd_status_result {
	struct ck_etcd_header header; /* member_id: the member that answered */
	char *endpoint;               /* the URL that answered */
	char *version;                /* etcd's version, "3.4.23" */
	int64_t db_size;
	int64_t db_size_in_use;
	uint64_t leader; /* the leader's member ID as this member sees it (0: none) */
	int64_t raft_index;
	int64_t raft_term;
	int64_t raft_applied_index;
	bool is_learner;
};

typedef void ck_etcd_status_fn(struct ck_etcd_status_result *res, struct ck_error *err, void *arg);

/*
 * A member's status (Maintenance.Status, answered even without a leader). The member is the leader when
 * res->leader == res->header.member_id. 400 when req->endpoint is not one of the client's.
 */
int ck_etcd_status(struct ck_etcd *c, const struct ck_etcd_endpoint_req *req, ck_etcd_status_fn *cb,
                   void *arg, struct ck_error **err);

void ck_etcd_status_result_free(struct ck_etcd_status_result *res);

struct ck_etcd_health_result {
	char *endpoint; /* the URL that answered */
	bool health;    /* false when the member has an alarm, no leader, or fails the read */
};

typedef void ck_etcd_health_fn(struct ck_etcd_health_result *res, struct ck_error *err, void *arg);

/*
 * A member's health as etcd's /health judges it (K8S: etcdhttp's checkHealth): no alarm,
 * a leader, and a linearizable read served. Unreachable: an error; unhealthy:
 * res->health false.
 */
int ck_etcd_health(struct ck_etcd *c, const struct ck_etcd_endpoint_req *req, ck_etcd_health_fn *cb,
                   void *arg, struct ck_error **err);

void ck_etcd_health_result_free(struct ck_etcd_health_result *res);

struct ck_etcd_compact_req {
	int64_t revision; /* required: drop history before this revision */
	bool physical;    /* wait until the space is reclaimed */
};

/*
 * Compact the key-value history (KV.Compact); a write. The result is the reply
 * header only (a put result without prev_kv). 410 Expired when already compacted past
 * it, 504 when revision is in the future.
 */
int ck_etcd_compact(struct ck_etcd *c, const struct ck_etcd_compact_req *req, ck_etcd_put_fn *cb,
                    void *arg, struct ck_error **err);

/* ---- observing calls ---------------------------------------------------------------- */

/* One finished unary call, for metrics. Pointers are valid during the observer's call only. */
struct ck_etcd_call_info {
	const char *kind; /* "range", "put", "delete", "txn", "lease grant", "status", ... */
	const char *cas;  /* ck_etcd_cas_*: "create", "update" or "delete"; otherwise NULL */
	const char *key;  /* the first key the request names (decoded), or NULL */
	size_t key_len;
	bool range;          /* the request names a range_end: a prefix or range read */
	int64_t duration_us; /* from the ck_etcd_<call> to its result, retries included */
	bool failed;         /* the caller gets an error */
};

typedef void ck_etcd_observer_fn(const struct ck_etcd_call_info *info, void *arg);

/*
 * Have fn(info, arg) called once for every unary call of c that completes from now on
 * (watches and keep-alive streams are not unary calls), just before the caller's callback,
 * failures and calls cut short by ck_etcd_free included. fn must not call back into c.
 * NULL fn removes the observer; there is one per client, a new one replaces the old.
 * Without an observer nothing is measured or decoded: no cost. Loop thread.
 */
void ck_etcd_set_observer(struct ck_etcd *c, ck_etcd_observer_fn *fn, void *arg);

/* The observer set on c (its arg in *arg when given), or NULL. Loop thread. */
ck_etcd_observer_fn *ck_etcd_get_observer(const struct ck_etcd *c, void **arg);

/* ---- synchronous calls ------------------------------------------------------------ */

/*
 * Run the client's loop until *done is true, or fail with 504 after timeout_ms (<= 0: no
 * limit). For synchronous callers of a client on a base nobody else runs (a private
 * one): must not be called while that base's loop is running, nor from a callback.
 */
int ck_etcd_run_until(struct ck_etcd *c, const bool *done, int timeout_ms, struct ck_error **err);

/*
 * Each call below starts the asynchronous call of the same name and runs the loop until
 * it completes (the call's own deadline bounds the wait). Returns 0 with *res (the
 * caller's: free it as the callback would), or -1 with *err. Same rules as
 * ck_etcd_run_until.
 */
int ck_etcd_sync_range(struct ck_etcd *c, const struct ck_etcd_range_req *req,
                       struct ck_etcd_range_result **res, struct ck_error **err);
int ck_etcd_sync_put(struct ck_etcd *c, const struct ck_etcd_put_req *req,
                     struct ck_etcd_put_result **res, struct ck_error **err);
int ck_etcd_sync_delete(struct ck_etcd *c, const struct ck_etcd_delete_req *req,
                        struct ck_etcd_delete_result **res, struct ck_error **err);
int ck_etcd_sync_txn(struct ck_etcd *c, const struct ck_etcd_txn_req *req,
                     struct ck_etcd_txn_result **res, struct ck_error **err);
int ck_etcd_sync_cas_create(struct ck_etcd *c, const struct ck_etcd_cas_req *req,
                            struct ck_etcd_cas_result **res, struct ck_error **err);
int ck_etcd_sync_cas_update(struct ck_etcd *c, const struct ck_etcd_cas_req *req,
                            struct ck_etcd_cas_result **res, struct ck_error **err);
int ck_etcd_sync_cas_delete(struct ck_etcd *c, const struct ck_etcd_cas_req *req,
                            struct ck_etcd_cas_result **res, struct ck_error **err);
int ck_etcd_sync_lease_grant(struct ck_etcd *c, const struct ck_etcd_lease_req *req,
                             struct ck_etcd_lease_result **res, struct ck_error **err);
int ck_etcd_sync_lease_revoke(struct ck_etcd *c, const struct ck_etcd_lease_req *req,
                              struct ck_etcd_lease_result **res, struct ck_error **err);
int ck_etcd_sync_lease_keepalive_once(struct ck_etcd *c, const struct ck_etcd_lease_req *req,
                                      struct ck_etcd_lease_result **res, struct ck_error **err);
int ck_etcd_sync_lease_ttl(struct ck_etcd *c, const struct ck_etcd_lease_req *req,
                           struct ck_etcd_lease_result **res, struct ck_error **err);
int ck_etcd_sync_member_list(struct ck_etcd *c, const struct ck_etcd_member_req *req,
                             struct ck_etcd_member_result **res, struct ck_error **err);
int ck_etcd_sync_member_add(struct ck_etcd *c, const struct ck_etcd_member_req *req,
                            struct ck_etcd_member_result **res, struct ck_error **err);
int ck_etcd_sync_member_remove(struct ck_etcd *c, const struct ck_etcd_member_req *req,
                               struct ck_etcd_member_result **res, struct ck_error **err);
int ck_etcd_sync_status(struct ck_etcd *c, const struct ck_etcd_endpoint_req *req,
                        struct ck_etcd_status_result **res, struct ck_error **err);
int ck_etcd_sync_health(struct ck_etcd *c, const struct ck_etcd_endpoint_req *req,
                        struct ck_etcd_health_result **res, struct ck_error **err);
int ck_etcd_sync_compact(struct ck_etcd *c, const struct ck_etcd_compact_req *req,
                         struct ck_etcd_put_result **res, struct ck_error **err);

/* ---- small helpers ---------------------------------------------------------------- */

/*
 * The range_end that makes [key, end) the keys starting with key: key with its last byte
 * below 0xff incremented and the rest dropped ("/registry/" -> "/registry0"); "\0" (every
 * key after) when there is no such byte. Malloc'ed, NUL-terminated, *len set.
 */
char *ck_etcd_prefix_end(const void *key, size_t key_len, size_t *len);

/* Free one kv's contents / a kv allocated alone (as prev_kv); NULL-safe. */
void ck_etcd_kv_release(struct ck_etcd_kv *kv);
void ck_etcd_kv_free(struct ck_etcd_kv *kv);

#endif
