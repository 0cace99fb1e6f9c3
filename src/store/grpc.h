/*
 * gRPC over HTTP/2 on a libevent loop (DESIGN.md §2: the store's native transport to etcd,
 * which costs etcd about a third of the CPU per request of its JSON gateway, bench/README.md).
 * A transport only: it carries already-encoded protobuf messages (store/etcd-pb.h encodes
 * etcd's) and knows nothing of their contents.
 *
 * One channel (struct ck_grpc_conn) per endpoint, "http://host:port" (h2c with prior
 * knowledge, as gRPC speaks cleartext) or "https://host:port" (TLS with ALPN "h2", the CA
 * and optional client certificate as src/store/etcd.c uses them). A channel keeps one
 * HTTP/2 connection and multiplexes every call on it; it connects on the first call, and
 * after the connection is lost the next call reconnects (after a short back-off when the
 * previous attempt failed too). nghttp2 does the HTTP/2: framing, HPACK, flow control.
 *
 * Calls: unary (one request message, one response message) and bidirectional streams
 * (etcd's Watch and LeaseKeepAlive). Both are struct ck_grpc_call, as gRPC itself names
 * them. A call ends with the status in the response's trailers (grpc-status, grpc-message),
 * or with a transport failure expressed as the gRPC status a gRPC client reports for it:
 *   UNAVAILABLE (14)        connection refused, lost, TLS failure, GOAWAY refusal: 503
 *   DEADLINE_EXCEEDED (4)   the call's deadline passed (the stream is reset): 504
 *   RESOURCE_EXHAUSTED (8)  a response message larger than max_message_bytes: 500
 *   INTERNAL (13)           a malformed reply (bad framing, no status, not gRPC): 500
 * and a server's status is mapped to a ck_error by its code (ck_grpc_status_http); what a
 * server's message means (etcd's "no leader", "compacted") is its client's business
 * (src/store/etcd-codec.c).
 *
 * Threading: a channel belongs to the event_base it was made with. Every function must be
 * called on that loop's thread and every callback runs on it. No callback ever runs
 * inside the public call that started or touched a call: results are handed over from the
 * loop. Handles may be cancelled from inside any callback, their own included.
 *
 * Ownership: a callback owns the ck_error it is given (ck_error_free); response bytes and
 * grpc_message are the call's and valid during the callback only.
 */
#ifndef CK_STORE_GRPC_H
#define CK_STORE_GRPC_H

#include "base/compat.h"

#include "base/error.h"

struct event_base;

/* gRPC status codes (grpc/doc/statuscodes.md). */
enum ck_grpc_code {
	CK_GRPC_OK = 0,
	CK_GRPC_CANCELLED = 1,
	CK_GRPC_UNKNOWN = 2,
	CK_GRPC_INVALID_ARGUMENT = 3,
	CK_GRPC_DEADLINE_EXCEEDED = 4,
	CK_GRPC_NOT_FOUND = 5,
	CK_GRPC_ALREADY_EXISTS = 6,
	CK_GRPC_PERMISSION_DENIED = 7,
	CK_GRPC_RESOURCE_EXHAUSTED = 8,
	CK_GRPC_FAILED_PRECONDITION = 9,
	CK_GRPC_ABORTED = 10,
	CK_GRPC_OUT_OF_RANGE = 11,
	CK_GRPC_UNIMPLEMENTED = 12,
	CK_GRPC_INTERNAL = 13,
	CK_GRPC_UNAVAILABLE = 14,
	CK_GRPC_DATA_LOSS = 15,
	CK_GRPC_UNAUTHENTICATED = 16,
};

struct ck_grpc_config {
	/* Required: "http://host:port" or "https://host:port" ("[::1]" for IPv6). Copied. */
	const char *endpoint;
	/*
	 * For https: the CA bundle that signed the server's certificate (NULL: OpenSSL's
	 * default paths), and the client certificate chain and key (both or neither). The
	 * certificate must name the endpoint's host (an IP SAN for an address).
	 */
	const char *ca_file;
	const char *cert_file;
	const char *key_file;
	/* Largest response message accepted; a larger one fails its call. 0: 64 MiB. */
	size_t max_message_bytes;
	/*
	 * HTTP/2 receive window of the connection and of each stream. 0: 16 MiB, so that
	 * a big range reply streams without waiting for window updates.
	 */
	uint32_t window_bytes;
	/*
	 * Send a PING this often while calls are open, and drop the connection (503 to its
	 * calls) when one is not answered within the next interval. 0: off. etcd refuses
	 * pings more often than its --grpc-keepalive-min-time (5 s by default) with GOAWAY.
	 */
	int keepalive_ms;
	/*
	 * Metadata sent with every call: NULL-terminated name, value pairs, names in lower
	 * case, e.g. {"hasleader", "true", NULL} (etcd's require-leader). Copied.
	 */
	const char *const *metadata;
};

struct ck_grpc_conn;
struct ck_grpc_call;

/*
 * Make a channel to cfg->endpoint on base. No connection is made until the first call.
 * Returns 0 with the channel in *out (the caller's: ck_grpc_conn_free), or -1 with *err
 * (400) for a malformed endpoint, unreadable TLS files or a key that does not match its
 * certificate. Loop thread.
 */
int ck_grpc_conn_new(struct event_base *base, const struct ck_grpc_config *cfg,
                     struct ck_grpc_conn **out, struct ck_error **err);

/*
 * Close the connection and free the channel; NULL-safe. Calls still open get their final
 * callback now, synchronously, with UNAVAILABLE / 503 ("channel closed"). Must not be
 * called from one of the channel's callbacks. Loop thread.
 */
void ck_grpc_conn_free(struct ck_grpc_conn *conn);

/* The endpoint as configured (owned by the channel). */
const char *ck_grpc_conn_endpoint(const struct ck_grpc_conn *conn);

/* ---- unary calls ---------------------------------------------------------------------- */

/*
 * The end of a unary call, once. grpc_status is the server's status (CK_GRPC_OK with the
 * response message in resp/resp_len, err NULL), or a failure's status with err set (owned)
 * and resp NULL. grpc_message is the server's grpc-message, percent-decoded ("" when
 * none); resp and grpc_message are valid during the call only. The call handle is freed
 * when this returns (cancelling it here is allowed and does nothing). Loop thread.
 */
typedef void ck_grpc_unary_fn(struct ck_grpc_call *call, int grpc_status, const char *grpc_message,
                              const void *resp, size_t resp_len, struct ck_error *err, void *arg);

/*
 * Call method path ("/etcdserverpb.KV/Range") with one request message req[0..len) (the
 * encoded protobuf, without gRPC's frame; copied). deadline_ms > 0 bounds the whole call,
 * sent to the server as grpc-timeout and enforced here (RST_STREAM CANCEL, 504); 0: no
 * deadline. Returns the call handle, valid until done has returned or the call is
 * cancelled; done always follows, from the loop, unless the call is cancelled first.
 */
struct ck_grpc_call *ck_grpc_unary(struct ck_grpc_conn *conn, const char *path, const void *req,
                                   size_t len, int deadline_ms, ck_grpc_unary_fn *done, void *arg);

/*
 * Cancel a unary call or a stream: reset its HTTP/2 stream (CANCEL) if it is open, and free
 * it; no callback follows. NULL-safe; allowed from any callback, the call's own included
 * (a call whose final callback is running is freed when that callback returns).
 */
void ck_grpc_call_cancel(struct ck_grpc_call *call);

/*
 * During a call's final callback: true when the server certainly did not process the
 * call (the connection never came up, or the server refused the stream with GOAWAY or
 * REFUSED_STREAM), so that even a write may be sent again; false when it may have.
 */
bool ck_grpc_call_unprocessed(const struct ck_grpc_call *call);

/* ---- bidirectional streams ------------------------------------------------------------ */

/*
 * One complete response message msg[0..len) (reassembled across DATA frames; valid during
 * the call only). May send on, close or cancel the stream. Loop thread.
 */
typedef void ck_grpc_msg_fn(struct ck_grpc_call *stream, const void *msg, size_t len, void *arg);

/*
 * The end of a stream, once, after every message it carried: grpc_status CK_GRPC_OK with
 * err NULL when the server ended it cleanly, else the status with err (owned). The handle
 * is freed when this returns. Loop thread.
 */
typedef void ck_grpc_end_fn(struct ck_grpc_call *stream, int grpc_status, const char *grpc_message,
                            struct ck_error *err, void *arg);

/*
 * Open a bidirectional stream on method path ("/etcdserverpb.Watch/Watch") with no
 * deadline; messages are sent with ck_grpc_stream_send. on_msg may be NULL. Returns the
 * handle, valid until on_end has returned or it is cancelled. Loop thread.
 */
struct ck_grpc_call *ck_grpc_stream_open(struct ck_grpc_conn *conn, const char *path,
                                         ck_grpc_msg_fn *on_msg, ck_grpc_end_fn *on_end, void *arg);

/*
 * Queue one request message msg[0..len) (copied) on the stream; it leaves from the loop,
 * as flow control allows. Returns 0, or -1 with *err (409) when the request side was closed
 * (ck_grpc_stream_close_send) or the stream has ended (its on_end follows or ran).
 */
int ck_grpc_stream_send(struct ck_grpc_call *stream, const void *msg, size_t len,
                        struct ck_error **err);

/* Close the request side (END_STREAM after what is queued); the responses go on. Idempotent. */
void ck_grpc_stream_close_send(struct ck_grpc_call *stream);

/* ---- status mapping and statistics ---------------------------------------------------- */

/*
 * The HTTP status (and in *reason, when given, the CK_REASON_* string) a gRPC status code
 * maps to: OK 200, UNAVAILABLE/CANCELLED 503, DEADLINE_EXCEEDED 504, INVALID_ARGUMENT and
 * OUT_OF_RANGE 400, NOT_FOUND 404, FAILED_PRECONDITION/ALREADY_EXISTS/ABORTED 409,
 * PERMISSION_DENIED 403, UNAUTHENTICATED 401, RESOURCE_EXHAUSTED 429, the rest 500.
 * Any thread.
 */
int ck_grpc_status_http(int grpc_status, const char **reason);

struct ck_grpc_stats {
	uint64_t connects;       /* connection attempts made */
	uint64_t connected;      /* of which came up (HTTP/2 SETTINGS from the server) */
	uint64_t goaways;        /* GOAWAY frames received */
	uint64_t calls;          /* calls and streams started */
	unsigned streams_active; /* calls on a connection now */
	unsigned calls_waiting;  /* calls waiting for a connection (reconnect back-off) */
	uint64_t bytes_sent;     /* HTTP/2 bytes handed to the socket (before TLS) */
	uint64_t bytes_received; /* HTTP/2 bytes read (after TLS) */
};

/* The channel's counters so far. Loop thread. */
void ck_grpc_conn_stats(const struct ck_grpc_conn *conn, struct ck_grpc_stats *st);

#endif
