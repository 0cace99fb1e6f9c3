/*
 * Private parts of the etcd client shared by its files (SQLite's btreeInt.h pattern):
 * etcd.c is the client, its endpoints, connection pool and the life of a unary call;
 * etcd-ops.c the operations (request bodies, reply parsing, keepalive, sync calls);
 * etcd-codec.c the JSON field helpers and the mapping of etcd's errors; etcd-watch.c the
 * watch streams. Nothing here is API.
 *
 * Transport: libevent's evhttp client. One evhttp_connection is one TCP (or TLS)
 * connection for its whole life: when it closes or fails it is marked dead and freed from
 * a deferred event (never inside evhttp's own callbacks), and a new one is made when
 * needed. evhttp's own reconnect is never used, so a TLS session is never reused across
 * sockets and a request never silently goes out twice.
 */
#ifndef CK_STORE_ETCD_INT_H
#define CK_STORE_ETCD_INT_H

#include <sys/queue.h>

#include <event2/event.h>
#include <event2/http.h>
#include <jansson.h>
#include <openssl/ssl.h>

#include "base/compat.h"

#include "base/buf.h"
#include "base/error.h"
#include "store/etcd.h"
#include "store/json-scan.h"

#define ETCD_LOG "etcd"

/* An endpoint that failed less than this long ago is skipped while another is not. */
#define ETCD_EP_PENALTY_MS 1000
/* Back-off between rounds over every endpoint: 50 ms doubling up to 1 s. */
#define ETCD_BACKOFF_MIN_MS 50
#define ETCD_BACKOFF_MAX_MS 1000
/* Unary connections idle this long are closed (by evhttp's inactivity timeout). */
#define ETCD_IDLE_TIMEOUT_S 60
/* An idle connection is checked for a close by the member after this long idle. */
#define ETCD_IDLE_CHECK_MS 50
/* Spare call structs kept for reuse, and the body capacity a spare may keep. */
#define ETCD_CALL_CACHE    64
#define ETCD_CALL_BODY_MAX (64 * 1024)

struct etcd_conn;
struct etcd_call;
TAILQ_HEAD(etcd_conn_list, etcd_conn);
TAILQ_HEAD(etcd_call_list, etcd_call);
TAILQ_HEAD(etcd_watch_list, ck_etcd_watch);

struct etcd_endpoint {
	struct ck_etcd *c;
	size_t index;
	char *url;         /* as configured */
	char *host;        /* without IPv6 brackets: what evhttp connects to, TLS verifies */
	char *host_header; /* "host:port" ("[::1]:port") */
	int port;
	bool tls;
	bool host_is_ip;
	struct etcd_conn_list idle;  /* connected or fresh, no call in flight */
	struct etcd_call_list waitq; /* calls waiting for a connection of this endpoint */
	int n_conns;                 /* unary connections alive (busy + idle) */
	int64_t failed_at;           /* monotonic ms of the last failure; 0: none */
};

/* Why an evhttp request failed, as its error callback said. */
enum etcd_conn_fail {
	CONN_FAIL_NONE = 0,
	CONN_FAIL_TIMEOUT,
	CONN_FAIL_EOF,
	CONN_FAIL_INVALID,
	CONN_FAIL_TOO_LONG,
	CONN_FAIL_OTHER,
};

struct etcd_conn {
	struct ck_etcd *c;
	struct etcd_endpoint *ep;
	struct evhttp_connection *evcon;
	SSL *ssl;                 /* owned by evcon's bufferevent; NULL for plain HTTP */
	struct etcd_call *call;   /* unary call in flight, or NULL */
	struct ck_etcd_watch *w;  /* the watch this stream connection serves, or NULL */
	bool stream;              /* a watch connection: not pooled */
	bool dead;                /* closed or failed: never reused; freed by the reaper */
	bool in_idle;             /* linked in ep->idle */
	bool connected;           /* the TCP/TLS connection was established at some point */
	bool tls_started;         /* the TLS handshake began: TCP connected */
	int64_t idle_since;       /* monotonic ms when it last became idle */
	evutil_socket_t tuned_fd; /* the socket etcd_conn_tune_socket has set up, or -1 */
	enum etcd_conn_fail fail;
	char tls_error[160];         /* the first certificate error or alert from the member */
	TAILQ_ENTRY(etcd_conn) link; /* ep->idle or c->dead */
};

/* How safe a failed attempt is to repeat elsewhere. */
enum etcd_retry {
	RETRY_NEVER,   /* etcd decided (or the reply is garbage): report it */
	RETRY_IF_READ, /* etcd may have applied it: repeat only calls that do not write */
	RETRY_ALWAYS,  /* etcd certainly did not apply it */
	/*
	 * Not applied, and this endpoint will say the same again (its certificate fails
	 * verification, it refuses ours): try each other endpoint once, without back-off.
	 */
	RETRY_ELSEWHERE,
};

struct etcd_call_kind;

enum etcd_call_state {
	CALL_IDLE,
	CALL_QUEUED,   /* in ep->waitq */
	CALL_BACKOFF,  /* timer armed for the next attempt */
	CALL_INFLIGHT, /* on conn */
	CALL_FAILED,   /* an attempt failed: the timer (at zero) decides what next */
};

struct etcd_call {
	struct ck_etcd *c;
	const struct etcd_call_kind *kind;
	struct ck_buf body;
	void (*cb)(void); /* the caller's typed callback; kind->deliver casts it back */
	void *arg;
	bool read_only;
	int cas;                      /* for CAS calls: which one (etcd-codec.c) */
	bool cas_no_current;          /* a create without the failure branch's range */
	struct etcd_endpoint *pinned; /* status/health of one member: no failover */
	enum etcd_call_state state;
	struct etcd_endpoint *ep; /* of the attempt in flight or queued */
	struct etcd_conn *conn;
	struct event *timer;
	int64_t deadline;      /* monotonic ms */
	int64_t attempt_start; /* monotonic ms */
	int64_t start_us; /* monotonic us at the start when observed (ck_etcd_set_observer); 0 */
	int64_t attempt_deadline;  /* monotonic ms */
	int attempts;              /* attempts made */
	int round_tries;           /* attempts since the last back-off */
	int rounds;                /* back-offs so far */
	struct ck_error *last_err; /* of the last failed attempt */
	enum etcd_retry last_retry;
	TAILQ_ENTRY(etcd_call) link;     /* ep->waitq, or c->spare */
	TAILQ_ENTRY(etcd_call) all_link; /* c->calls */
};

/* What the transport needs to know about one kind of unary call. */
struct etcd_call_kind {
	const char *name; /* for messages: "range" */
	const char *path; /* "/v3/kv/range" */
	enum evhttp_cmd_type method;
	bool stream_reply; /* the gateway streams the reply: {"result":...}\n */
	bool any_status;   /* parse a JSON body whatever the HTTP status (/health) */
	bool any_leader;   /* answer even without a leader (status: to see that it has none) */
	/* Turn a 200 reply into a result; NULL with *err (500) when malformed. */
	void *(*parse)(struct etcd_call *call, json_t *reply, struct ck_error **err);
	/* Hand res or err to the caller's callback (casting call->cb back to its type). */
	void (*deliver)(struct etcd_call *call, void *res, struct ck_error *err);
};

/* A call of kind for cb (a ck_etcd_*_fn cast to void (*)(void)); body empty. */
struct etcd_call *etcd_call_new(struct ck_etcd *c, const struct etcd_call_kind *kind,
                                void (*cb)(void), void *arg);
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
	size_t cur; /* the endpoint unary calls go to */
	SSL_CTX *ssl_ctx;
	int request_timeout_ms;
	int attempt_timeout_ms;
	int max_conns;
	size_t max_response_bytes;
	struct etcd_conn_list dead; /* freed by the reaper */
	struct event *reaper;
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
	char *key;
	size_t key_len;
	char *range_end; /* NULL: the single key */
	size_t range_end_len;
	bool prev_kv;
	bool progress_notify;
	int64_t start_revision; /* as asked */
	int64_t next_rev;       /* resume from; 0: "from now" and not created yet */
	int64_t last_event_rev; /* revision of the last event delivered */
	int64_t compact_rev;
	unsigned reconnects;
	int state;
	bool created_reported;
	bool established; /* this stream's created message arrived */
	bool freed;       /* the owner freed it; memory goes when busy drops to 0 */
	int busy;         /* libevent callbacks of this watch on the stack */
	int status;       /* HTTP status of the current stream */
	size_t ep;        /* endpoint index of the current stream */
	int round_tries;
	int rounds;
	struct etcd_conn *conn;
	struct ck_buf in;         /* stream bytes not yet framed into messages */
	struct ck_json_scan scan; /* fast_message's, reused */
	struct ck_buf body;       /* the create_request being sent */
	struct event *timer;      /* back-off, or the deadline for the created message */
	TAILQ_ENTRY(ck_etcd_watch) link;
};

/* ---- etcd.c: transport shared with etcd-watch.c ------------------------------------- */

int64_t etcd_now_ms(void);
/* A new connection to ep (not yet connected: evhttp connects on the first request). */
struct etcd_conn *etcd_conn_new(struct etcd_endpoint *ep, bool stream);
/* TCP_NODELAY (and keepalive probes on a stream) on conn's socket, once it has one. */
void etcd_conn_tune_socket(struct etcd_conn *conn);
/* Mark conn dead and unlinked; the reaper frees it from the loop. Idempotent. */
void etcd_conn_kill(struct etcd_conn *conn);
/*
 * Set Host, and for a JSON body Content-Type and (with require_leader) the metadata that
 * makes a member without a leader refuse at once.
 */
void etcd_request_headers(struct etcd_conn *conn, struct evhttp_request *req, bool json,
                          bool require_leader);
/* evhttp's request error callback for conn (arg): records why in conn->fail. */
void etcd_conn_req_error(enum evhttp_request_error error, void *arg);
/* The error for a transport failure of conn (refused, reset, TLS, timeout...). */
struct ck_error *etcd_conn_error(struct etcd_conn *conn, const char *what, bool *maybe_sent);
/* Remember that ep failed; move the client's current endpoint off it. */
void etcd_endpoint_failed(struct etcd_endpoint *ep);
/* The back-off before round number `rounds` (0-based). */
int etcd_backoff_ms(int rounds);
void etcd_enter_cb(struct ck_etcd *c);
void etcd_leave_cb(struct ck_etcd *c);

/* ---- etcd-codec.c: JSON in and out -------------------------------------------------- */

/* Append "name":"<base64 of data>" (with a leading comma unless first). */
void etcd_json_bytes(struct ck_buf *b, bool *first, const char *name, const void *data, size_t len);
void etcd_json_int(struct ck_buf *b, bool *first, const char *name, int64_t v);
void etcd_json_true(struct ck_buf *b, bool *first, const char *name);
/* A request's (key, len) with len 0 meaning strlen; NULL key gives "". */
size_t etcd_len(const void *p, size_t len);

/*
 * The transaction a compare-and-swap is, whatever carries it (the gateway's JSON or
 * etcd-pb's protobuf): compare create_revision 0 (create) or mod_revision (update and
 * delete; without one, only that the key exists), then the put or the delete, and a
 * range of the key in the failure branch unless a create asked for no_current. The
 * pointers of t->txn point into t: don't copy it. 400 without a key.
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
/* Append key and range_end for a (key, prefix, range_end) triple; -1 with 400 when invalid. */
int etcd_json_range_keys(struct ck_buf *b, bool *first, const void *key, size_t key_len,
                         bool prefix, const void *range_end, size_t range_end_len,
                         struct ck_error **err);

int etcd_parse_header(const json_t *obj, struct ck_etcd_header *h, struct ck_error **err);
int etcd_parse_kv(const json_t *obj, struct ck_etcd_kv *kv, struct ck_error **err);
int etcd_parse_kvs(const json_t *arr, struct ck_etcd_kv **kvs, size_t *n, struct ck_error **err);
int etcd_get_i64(const json_t *obj, const char *key, int64_t *out, struct ck_error **err);
int etcd_get_u64(const json_t *obj, const char *key, uint64_t *out, struct ck_error **err);

/*
 * The ck_error for a gateway error: the HTTP status, gRPC code and message of
 * {"error","message","code"} (unary) or {"error":{"grpc_code","http_code","message"}}
 * (streams). *retry says whether another endpoint may be tried.
 */
struct ck_error *etcd_gateway_error(const char *url, const char *what, int http_status,
                                    int grpc_code, const char *msg, enum etcd_retry *retry);
/* The same from a parsed error body (either shape); NULL when body is not one. */
struct ck_error *etcd_gateway_error_json(const char *url, const char *what, int http_status,
                                         const json_t *body, enum etcd_retry *retry);
/* Wrap a parse error as a 500 about a malformed reply from url. */
struct ck_error *etcd_malformed(const char *url, const char *what, struct ck_error *cause);

#endif
