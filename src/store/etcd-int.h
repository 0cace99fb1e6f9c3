/*
 * Private parts of the etcd client shared by its files (SQLite's btreeInt.h pattern):
 * etcd.c is the client, its endpoints and the life of a unary call; etcd-ops.c the
 * operations (their requests, replies and callers' callbacks, keepalive, health, sync
 * calls); etcd-codec.c the key and error helpers; etcd-watch.c the watch streams. The
 * protobuf of every message is etcd-pb.c's, the gRPC transport grpc.c's. Nothing here is
 * API.
 *
 * Transport: etcd's native gRPC API, one gRPC channel (one HTTP/2 connection, every call
 * multiplexed on it) per endpoint, with etcd's require-leader metadata ("hasleader":
 * a member cut off from the leader refuses at once instead of stalling, and cancels watch
 * streams). Maintenance status goes on a second channel without it, made on first use,
 * since a member without a leader must still say so.
 */
#ifndef CK_STORE_ETCD_INT_H
#define CK_STORE_ETCD_INT_H

#include <sys/queue.h>

#include <event2/event.h>

#include "base/compat.h"

#include "base/buf.h"
#include "base/error.h"
#include "store/etcd.h"
#include "store/grpc.h"

#define ETCD_LOG "etcd"

/* An endpoint that failed less than this long ago is skipped while another is not. */
#define ETCD_EP_PENALTY_MS 1000
/* Back-off between rounds over every endpoint: 50 ms doubling up to 1 s. */
#define ETCD_BACKOFF_MIN_MS 50
#define ETCD_BACKOFF_MAX_MS 1000
/* Spare call structs kept for reuse, and the body capacity a spare may keep. */
#define ETCD_CALL_CACHE    64
#define ETCD_CALL_BODY_MAX (64 * 1024)

struct etcd_call;
TAILQ_HEAD(etcd_call_list, etcd_call);
TAILQ_HEAD(etcd_watch_list, ck_etcd_watch);

struct etcd_endpoint {
	struct ck_etcd *c;
	size_t index;
	char *url;                  /* as configured */
	struct ck_grpc_conn *ch;    /* with require-leader */
	struct ck_grpc_conn *ch_any; /* without (status), or NULL until first used */
	int64_t failed_at;          /* monotonic ms of the last failure; 0: none */
};

/* How safe a failed attempt is to repeat elsewhere. */
enum etcd_retry {
	RETRY_NEVER,   /* etcd decided (or the reply is garbage): report it */
	RETRY_IF_READ, /* etcd may have applied it: repeat only calls that do not write */
	RETRY_ALWAYS,  /* etcd certainly did not apply it */
	/*
	 * Not applied, and this endpoint will say the same again (its certificate fails
	 * verification, it does not speak HTTP/2): try each other endpoint once, without
	 * back-off.
	 */
	RETRY_ELSEWHERE,
};

struct etcd_call_kind;

enum etcd_call_state {
	CALL_IDLE,
	CALL_BACKOFF,  /* timer armed for the next attempt */
	CALL_INFLIGHT, /* rpc in flight */
	CALL_FAILED,   /* an attempt failed: the timer (at zero) decides what next */
};

struct etcd_call {
	struct ck_etcd *c;
	const struct etcd_call_kind *kind;
	struct ck_buf body; /* the request message (protobuf) */
	void (*cb)(void);   /* the caller's typed callback; kind->deliver casts it back */
	void *arg;
	bool read_only;
	int cas;                      /* for CAS calls: which one (ETCD_CAS_*) */
	bool cas_no_current;          /* a create without the failure branch's range */
	int variant;                  /* lease and member calls: etcd-pb's kind of message */
	struct etcd_endpoint *pinned; /* status/health of one member: no failover */
	enum etcd_call_state state;
	struct etcd_endpoint *ep; /* of the attempt in flight */
	struct ck_grpc_call *rpc; /* CALL_INFLIGHT */
	struct event *timer;
	int64_t deadline; /* monotonic ms */
	int64_t start_us; /* monotonic us at the start when observed (ck_etcd_set_observer); 0 */
	/* For the observer: the first key the request names, and whether it names a range. */
	char *obs_key;
	size_t obs_key_len;
	bool obs_range;
	int attempts;              /* attempts made */
	int round_tries;           /* attempts since the last back-off */
	int rounds;                /* back-offs so far */
	struct ck_error *last_err; /* of the last failed attempt */
	enum etcd_retry last_retry;
	TAILQ_ENTRY(etcd_call) link;     /* c->spare */
	TAILQ_ENTRY(etcd_call) all_link; /* c->calls */
};

/* What the transport needs to know about one kind of unary call. */
struct etcd_call_kind {
	const char *name; /* for messages: "range" */
	const char *path; /* the gRPC method: CK_ETCD_PB_PATH_RANGE */
	bool any_leader;  /* answer even without a leader (status: to see that it has none) */
	/* Turn the reply message into a result; NULL with *err when malformed or refused. */
	void *(*decode)(struct etcd_call *call, const void *msg, size_t len, struct ck_error **err);
	/* Hand res or err to the caller's callback (casting call->cb back to its type). */
	void (*deliver)(struct etcd_call *call, void *res, struct ck_error *err);
};

/* A call of kind for cb (a ck_etcd_*_fn cast to void (*)(void)); body empty. */
struct etcd_call *etcd_call_new(struct ck_etcd *c, const struct etcd_call_kind *kind,
                                void (*cb)(void), void *arg);
/* Record the key (and whether a range) the observer reports for call; no-op without one. */
void etcd_call_observe_key(struct etcd_call *call, const void *key, size_t key_len, bool range);
/* Start call (body filled, read_only/pinned set): returns 0, or -1 with 503 when closing. */
int etcd_call_start(struct etcd_call *call, struct ck_error **err);
/* Drop a call that was never started. */
void etcd_call_discard(struct etcd_call *call);
/* The endpoint configured as url, or NULL. */
struct etcd_endpoint *etcd_find_endpoint(struct ck_etcd *c, const char *url);

struct ck_etcd {
	struct event_base *base;
	bool own_base;
	struct etcd_endpoint *eps;
	size_t n_eps;
	size_t cur; /* the endpoint calls go to */
	char *ca_file, *cert_file, *key_file; /* for channels made later (ch_any) */
	int request_timeout_ms;
	int attempt_timeout_ms;
	size_t max_response_bytes;
	struct etcd_call_list calls; /* every call in progress */
	struct etcd_call_list spare; /* reusable call structs */
	size_t n_spare;
	struct etcd_watch_list watches;
	size_t n_keepalives;
	int cb_depth; /* > 0 while a caller's callback runs */
	bool closing;
	ck_etcd_observer_fn *observer; /* ck_etcd_set_observer, or NULL */
	void *observer_arg;
};

struct ck_etcd_watch {
	struct ck_etcd *c;
	ck_etcd_watch_fn *cb;
	void *arg;
	struct ck_etcd_watch_req req; /* key and range_end point into key, range_end */
	char *key;
	char *range_end; /* NULL: the single key */
	int64_t next_rev;       /* resume from; 0: "from now" and not created yet */
	int64_t last_event_rev; /* revision of the last event delivered */
	int64_t compact_rev;
	unsigned reconnects;
	int state;
	bool created_reported;
	bool established; /* this stream's created message arrived */
	bool freed;       /* the owner freed it; memory goes when busy drops to 0 */
	int busy;         /* callbacks of this watch on the stack */
	size_t ep;        /* endpoint index of the current stream */
	int round_tries;
	int rounds;
	struct ck_grpc_call *stream; /* the current stream, or NULL */
	struct ck_buf body;          /* a request being encoded */
	struct event *timer;         /* back-off, or the deadline for the created message */
	TAILQ_ENTRY(ck_etcd_watch) link;
};

/* ---- etcd.c: shared with etcd-watch.c ---------------------------------------------- */

int64_t etcd_now_ms(void);
/* Remember that ep failed; move the client's current endpoint off it. */
void etcd_endpoint_failed(struct etcd_endpoint *ep);
/* The back-off before round number `rounds` (0-based). */
int etcd_backoff_ms(int rounds);
void etcd_enter_cb(struct ck_etcd *c);
void etcd_leave_cb(struct ck_etcd *c);

/* ---- etcd-codec.c: keys and errors --------------------------------------------------- */

/* A request's (key, len) with len 0 meaning strlen; NULL key gives "". */
size_t etcd_len(const void *p, size_t len);

/*
 * The transaction a compare-and-swap is: compare create_revision 0 (create) or
 * mod_revision (update and delete; without one, only that the key exists), then the put
 * or the delete, and a range of the key in the failure branch unless a create asked for
 * no_current. The pointers of t->txn point into t: don't copy it. 400 without a key.
 */
enum { ETCD_CAS_CREATE = 1, ETCD_CAS_UPDATE, ETCD_CAS_DELETE };

struct etcd_cas_txn {
	struct ck_etcd_cmp cmp;
	struct ck_etcd_op op, fail;
	struct ck_etcd_txn_req txn;
};

int etcd_cas_txn(struct etcd_cas_txn *t, int which, const struct ck_etcd_cas_req *req,
                 struct ck_error **err);

/* Release n watch events (their kvs) and free the array; NULL-safe. */
void etcd_events_free(struct ck_etcd_event *events, size_t n);

/*
 * The ck_error for the end of a failed gRPC call or stream (grpc.h's final callbacks: the
 * status, the server's grpc-message, the transport's error) on endpoint url, and in
 * *retry whether another attempt may help: etcd's own errors by their text (the code
 * alone does not say whether an UNAVAILABLE was refused before raft), then by code;
 * a call the server certainly did not process (unprocessed) may always be repeated.
 * Message: "etcd <what> at <url>: <detail>".
 */
struct ck_error *etcd_rpc_error(const char *url, const char *what, int grpc_status,
                                const char *grpc_message, const struct ck_error *transport,
                                bool unprocessed, enum etcd_retry *retry);
/* Wrap a decoding error as a 500 about a malformed reply from url. */
struct ck_error *etcd_malformed(const char *url, const char *what, struct ck_error *cause);

#endif
