/*
 * The HTTPS server the Kubernetes API server stands on (DESIGN.md §3): HTTP/1.1 over TLS on
 * a libevent loop, with keep-alive, pipelining, request bodies in Content-Length or chunked
 * framing, full responses, and streaming (chunked) responses for watches and `logs -f`.
 *
 * What a handler gets: the method, the decoded path, the query parameters (decoded as Go's
 * net/url does, repeated keys kept in order), the header fields, the body, who the client is
 * (from its TLS client certificate, verified against the cluster CA), the remote address and
 * a per-request memory pool. What it gives back: exactly one of ck_http_reply*,
 * ck_http_reply_error, ck_http_stream_end (after ck_http_stream_start) or
 * ck_http_request_abort. That call "finishes" the request.
 *
 * Ownership: the server owns a request until it hands it to the handler; from then on the
 * handler holds it until it finishes it, however long that takes (a watch may run for hours)
 * and whether or not the client is still there. When the connection goes away first (the
 * client closed it, a write stalled, the server is stopping), the request's close callback
 * runs and later writes fail, but the request stays valid until the handler finishes it.
 * Everything a request hands out (strings, arrays, the pool) lives until it is finished.
 *
 * Transport (K8S, from kubectl's wire behaviour, reference §7): HTTPS only; ALPN selects
 * "http/1.1" when the client offers it and never "h2" (this server does not speak HTTP/2);
 * TCP_NODELAY on every connection, so a response is not held back by Nagle's algorithm;
 * TCP keep-alive probes every 3 minutes, as kube-apiserver sets them.
 *
 * Limits, as kube-apiserver's Go server sets them: header fields at most 1 MiB (431),
 * request bodies at most 3 MiB (413, the body the caller's error formatter makes), idle
 * keep-alive connections closed after 90 s, request headers due within 32 s. Long-lived
 * streams have no read deadline; a response whose bytes make no progress for the write
 * timeout is cut off.
 *
 * Threading: a server belongs to the event_base it was made with (its "loop"). Every
 * function here must be called on that loop's thread, and every callback runs on it.
 * Callbacks never run from inside the public call that caused them, with two exceptions:
 * on_request runs inside the call that finishes a request, and a request's close callback
 * runs inside ck_http_server_stop and ck_http_server_free.
 *
 * A process that serves must not die of SIGPIPE when a client vanishes: the first
 * ck_http_server_new sets SIGPIPE to "ignore" if it is still at its default.
 */
#ifndef CK_NET_HTTP_SERVER_H
#define CK_NET_HTTP_SERVER_H

#include <openssl/ssl.h>

#include "base/compat.h"

#include "base/buf.h"
#include "base/error.h"
#include "pki/pki.h"

struct event_base;
struct ck_http_server;
struct ck_http_request;

/* K8S: kube-apiserver's MaxRequestBodyBytes (--max-resource-write-bytes, 3 MiB), MaxHeaderBytes. */
#define CK_HTTP_DEFAULT_MAX_BODY   (3u << 20)
#define CK_HTTP_DEFAULT_MAX_HEADER (1u << 20)
/* K8S: secure_serving.go: IdleTimeout 90 s, ReadHeaderTimeout 32 s. */
#define CK_HTTP_DEFAULT_IDLE_MS      90000
#define CK_HTTP_DEFAULT_HEADER_MS    32000
#define CK_HTTP_DEFAULT_BODY_MS      60000
#define CK_HTTP_DEFAULT_WRITE_MS     60000
#define CK_HTTP_DEFAULT_HANDSHAKE_MS 10000

/* Who the client is, from its TLS client certificate. */
enum ck_http_auth {
	CK_HTTP_AUTH_ANONYMOUS, /* no certificate, or one without a CommonName */
	CK_HTTP_AUTH_USER,      /* a certificate the cluster CA verified: user and groups */
	CK_HTTP_AUTH_REJECTED,  /* a certificate that did not verify; K8S: answer 401 */
};

/* Why a request's connection went away before the request was finished. */
enum ck_http_close_reason {
	CK_HTTP_CLOSE_PEER,    /* the client closed or reset the connection */
	CK_HTTP_CLOSE_TIMEOUT, /* queued bytes made no progress for write_timeout_ms */
	CK_HTTP_CLOSE_ERROR,   /* a TLS or socket error, or the client broke the protocol */
	CK_HTTP_CLOSE_STOP,    /* the server is stopping (see ck_http_server_stop) */
};

/* Called once per request, after its body has been read: the request is the handler's. */
typedef void ck_http_handler_fn(struct ck_http_request *req, void *arg);

/*
 * Shape the body of an error response: append it to body and return its Content-Type (a
 * string with static storage). status is the HTTP code, reason a CK_REASON_* string,
 * message lowercase text for people. Used for the errors the server answers by itself
 * (400, 408, 413, 417, 431, 501, 505) and for ck_http_reply_error. Must not fail.
 */
typedef const char *ck_http_error_fn(int status, const char *reason, const char *message,
                                     struct ck_buf *body, void *arg);

/* One finished request, for metrics and access logs. Pointers valid during the call only. */
struct ck_http_stats {
	const char *method;  /* "" when the request line did not parse */
	const char *path;    /* decoded path; "" when it did not parse */
	const char *remote;  /* "ip:port", "[ipv6]:port" */
	int status;          /* the status sent (0 when none was: aborted before any reply) */
	int64_t duration_us; /* from the request's first byte to its finish */
	uint64_t bytes_in;   /* request body bytes received */
	uint64_t bytes_out;  /* response body bytes queued (no headers, no chunk framing) */
	bool streamed;       /* a streaming response */
	bool aborted;        /* the connection went away before the response was complete */
	void *data;          /* ck_http_request_set_data's pointer; NULL if no handler set one */
};

typedef void ck_http_stats_fn(const struct ck_http_stats *st, void *arg);

/* Called when the last connection is gone after ck_http_server_stop. */
typedef void ck_http_stopped_fn(struct ck_http_server *srv, void *arg);

/* Called when a request's connection goes away before the request is finished. */
typedef void ck_http_close_fn(struct ck_http_request *req, enum ck_http_close_reason why,
                              void *arg);

/* Called on a streaming request when its queued bytes have fallen to the low mark. */
typedef void ck_http_drain_fn(struct ck_http_request *req, void *arg);

struct ck_http_server_config {
	const char *address;         /* required: an IPv4 or IPv6 literal ("::1" or "[::1]") */
	uint16_t port;               /* 0: any free port; read it with ck_http_server_port */
	SSL_CTX *ssl_ctx;            /* required (ck_pki_server_ctx_new); see ck_http_server_new */
	ck_http_handler_fn *handler; /* required */
	ck_http_error_fn *format_error; /* NULL: text/plain, the message and a newline */
	ck_http_stats_fn *on_request;   /* NULL: none */
	void *arg;                      /* for handler, format_error and on_request */
	size_t max_body_bytes;          /* 0: CK_HTTP_DEFAULT_MAX_BODY */
	size_t max_header_bytes;        /* request line and fields; 0: CK_HTTP_DEFAULT_MAX_HEADER */
	int idle_timeout_ms;            /* keep-alive wait for a next request; 0: default */
	int header_timeout_ms;          /* first byte to end of headers; 0: default */
	int body_timeout_ms;            /* end of headers to end of body; 0: default */
	int write_timeout_ms;           /* queued bytes without progress; 0: default */
	int handshake_timeout_ms;       /* TLS handshake; 0: default */
	int backlog;                    /* listen(2) backlog; 0: 511 */
	/*
	 * Read request bodies only from clients with a verified certificate (ck_http_request_auth
	 * USER). Another client's request goes to the handler at once with an empty body
	 * (ck_http_request_body_unread true) and its connection closes after the reply, so
	 * nobody unauthenticated can make the server buffer up to max_body_bytes.
	 */
	bool authenticated_bodies;
};

/*
 * Listen on cfg->address:cfg->port and serve HTTPS on base. The listening socket is bound
 * and listening when this returns, so a port-0 server's port is known at once.
 *
 * cfg->ssl_ctx is shared, not copied: the server takes a reference (SSL_CTX_up_ref) and
 * installs its ALPN selection on it (http/1.1 or nothing), so a context must not be shared
 * with a server that speaks other protocols, and must not be in use by another thread's
 * handshakes during this call. cfg is copied; its strings need not outlive the call.
 *
 * Rejects (400) a missing address, handler or context, an address that is not an IP
 * literal, negative timeouts; fails (errno kept) when the socket cannot be bound. Returns 0
 * with *out set (free with ck_http_server_free), or -1 with *err. On base's thread.
 */
int ck_http_server_new(struct event_base *base, const struct ck_http_server_config *cfg,
                       struct ck_http_server **out, struct ck_error **err);

/* The port the server listens on (the kernel's choice for port 0). Its loop. */
uint16_t ck_http_server_port(const struct ck_http_server *srv);

/* How many client connections are open, including ones that are closing. Its loop. */
size_t ck_http_server_connections(const struct ck_http_server *srv);

/*
 * Stop gracefully: close the listening socket (new connections are refused), close idle
 * keep-alive connections (with a TLS close_notify), let requests that are being read or
 * handled finish with "Connection: close", and end every streaming response: its close
 * callback runs now with CK_HTTP_CLOSE_STOP while the stream is still writable, so the
 * handler may send a last event and end it; a stream the handler leaves open is ended by the
 * server (terminating chunk written, connection closed) and its later writes fail; the
 * handler still finishes the request as usual. done (may be NULL) runs from the loop once no
 * connection is left; never from inside this call. Calling it again only replaces done.
 * Its loop.
 */
void ck_http_server_stop(struct ck_http_server *srv, ck_http_stopped_fn *done, void *arg);

/*
 * Stop at once and free: stops as above if not yet stopped, then closes every remaining
 * connection; requests the handler still holds get their close callback (CK_HTTP_CLOSE_STOP)
 * if they have not had one. The server's memory outlives this call while handlers hold
 * requests, and is released when the last is finished; no callback given in the config runs
 * after this call. Not from inside one of the server's callbacks. NULL-safe. Its loop.
 * libevent releases the connections' TLS buffers from the loop: run the loop once more
 * (EVLOOP_NONBLOCK is enough) before event_base_free, or they leak.
 */
void ck_http_server_free(struct ck_http_server *srv);

/* ---- the request ------------------------------------------------------------------ */

/* The method as sent, e.g. "GET" (any HTTP token; the handler answers 405 as it sees fit). */
const char *ck_http_request_method(const struct ck_http_request *req);

/*
 * The path, percent-decoded (as Go's URL.Path: "%2F" becomes '/'), never empty: it starts
 * with '/', or is "*" for "OPTIONS *". An absolute-form target ("https://host/p") gives "/p".
 */
const char *ck_http_request_path(const struct ck_http_request *req);

/* The request target exactly as sent, e.g. "/api/v1/pods?watch=1". */
const char *ck_http_request_target(const struct ck_http_request *req);

/* The raw query string without the '?' ("" when there is none). */
const char *ck_http_request_query(const struct ck_http_request *req);

/*
 * The first value of query parameter name, decoded, or NULL when it is absent. A key
 * without '=' has the value "". Decoding follows Go's url.ParseQuery, which kube-apiserver
 * uses: pairs split on '&', '+' is a space, %XX escapes; a pair with a bad escape, a ';', or
 * an encoded NUL is dropped (K8S: req.URL.Query() ignores such pairs).
 */
const char *ck_http_request_param(const struct ck_http_request *req, const char *name);

/*
 * Every value of query parameter name in order, as a NULL-terminated array from the
 * request's pool ({NULL} when absent); *n, when given, receives the count.
 */
const char *const *ck_http_request_params(struct ck_http_request *req, const char *name, size_t *n);

/* The number of decoded query parameters, and the i-th (name in *name, value returned). */
size_t ck_http_request_param_count(const struct ck_http_request *req);
const char *ck_http_request_param_at(const struct ck_http_request *req, size_t i,
                                     const char **name);

/*
 * The first header field called name (case-insensitive), its value with surrounding
 * whitespace removed, or NULL. Repeated fields are kept; reach them with the _at form.
 */
const char *ck_http_request_header(const struct ck_http_request *req, const char *name);
size_t ck_http_request_header_count(const struct ck_http_request *req);
const char *ck_http_request_header_at(const struct ck_http_request *req, size_t i,
                                      const char **name);

/*
 * The request body ("" when none), NUL-terminated for convenience; *len (when given)
 * receives its length, which may include NUL bytes. Valid until the request is finished.
 */
const char *ck_http_request_body(const struct ck_http_request *req, size_t *len);

/* True when the request came with a body that was not read (see authenticated_bodies). */
bool ck_http_request_body_unread(const struct ck_http_request *req);

/*
 * Who sent the request. ANONYMOUS: no certificate (or one without a CommonName: K8S, the
 * x509 authenticator does not authenticate it). USER: *id (when id is given) points at the
 * user (CommonName) and groups (Organizations). REJECTED: the certificate did not verify
 * (another CA, expired, not for client auth, or a subject that is not UTF-8); *why (when
 * given) says why. K8S: such a request is answered 401, the handshake is not refused.
 * Pointers are the request's; do not release them.
 */
enum ck_http_auth ck_http_request_auth(const struct ck_http_request *req,
                                       const struct ck_pki_identity **id, const char **why);

/* The client's address, "ip:port" or "[ipv6]:port". */
const char *ck_http_request_remote(const struct ck_http_request *req);

/* The loop the request runs on. */
struct event_base *ck_http_request_base(const struct ck_http_request *req);

/* False once the connection is gone (close callback run or about to run; writes fail). */
bool ck_http_request_connected(const struct ck_http_request *req);

/*
 * Attach a pointer of the handler's to the request; the stats hook gets it back in
 * ck_http_stats.data when the request is finished. What it points to is the handler's
 * (the request's pool, ck_http_request_alloc, is a good home: it lives exactly as long).
 */
void ck_http_request_set_data(struct ck_http_request *req, void *data);
void *ck_http_request_data(const struct ck_http_request *req);

/*
 * Per-request memory, released in one go when the request is finished: for anything the
 * handler builds while serving it. Never NULL (aborts on OOM). alloc is zeroed and aligned
 * for any type.
 */
void *ck_http_request_alloc(struct ck_http_request *req, size_t size);
char *ck_http_request_strdup(struct ck_http_request *req, const char *s);
char *ck_http_request_printf(struct ck_http_request *req, const char *fmt, ...)
        __attribute__((format(printf, 2, 3)));

/* ---- responses -------------------------------------------------------------------- */

/*
 * Add a header field to the response, before it is started. The server writes the
 * framing fields itself: Content-Length, Transfer-Encoding, Connection and Date cannot be
 * added, and Content-Type is the reply's argument. Rejects (500) those, a name that is not
 * an HTTP token and a value with control characters (CR, LF, NUL: header injection).
 * Returns 0, or -1 with *err.
 */
int ck_http_add_header(struct ck_http_request *req, const char *name, const char *value,
                       struct ck_error **err);

/*
 * Whether a header field name (case-insensitive) with exactly this value has been added to
 * the response with ck_http_add_header: for fields that must not repeat, such as the same
 * Warning twice (K8S: the apiserver's warning recorder drops repeated warnings).
 */
bool ck_http_reply_has_header(const struct ck_http_request *req, const char *name,
                              const char *value);

/*
 * Send a complete response and finish the request: status (200-599), Content-Type
 * content_type (NULL: none), and len bytes of body (copied), with Content-Length. A HEAD
 * request gets the same fields without the body; 204 and 304 never carry one. When the
 * connection is gone this only finishes the request.
 */
void ck_http_reply(struct ck_http_request *req, int status, const char *content_type,
                   const void *body, size_t len);

/* As ck_http_reply, taking body's contents (no copy); body is left empty. */
void ck_http_reply_buf(struct ck_http_request *req, int status, const char *content_type,
                       struct ck_buf *body);

/*
 * Reply with an error shaped by the server's error formatter (the same one that shapes the
 * server's own 400/413/431), e.g. a Kubernetes Status. reason is a CK_REASON_* string
 * (NULL: the code's default); message is copied.
 */
void ck_http_reply_error(struct ck_http_request *req, int status, const char *reason,
                         const char *message);

/*
 * Start a streaming response: status, Content-Type content_type (NULL: none), and
 * Transfer-Encoding: chunked (an HTTP/1.0 client gets the body delimited by the close of the
 * connection). The read deadlines stop applying to the connection; the write timeout still
 * does. Then ck_http_stream_write/_flush as often as needed and ck_http_stream_end once.
 * Returns 0, or -1 when the connection is already gone (the handler still ends the stream).
 */
int ck_http_stream_start(struct ck_http_request *req, int status, const char *content_type);

/*
 * Queue len bytes for the stream; they are sent at the next ck_http_stream_flush (or end)
 * as one chunk, so a watch event written in several pieces goes out as one chunk and one
 * TLS record. Copies data. Returns 0, or -1 when the connection is gone.
 */
int ck_http_stream_write(struct ck_http_request *req, const void *data, size_t len);

/*
 * Send what was written since the last flush as one chunk; it leaves as soon as the socket
 * takes it (nothing is held back waiting for more). Returns 0, or -1 when the connection
 * is gone.
 */
int ck_http_stream_flush(struct ck_http_request *req);

/*
 * Bytes written to the stream that the kernel has not taken yet (unflushed plus queued in
 * the TLS layer; 0 when the connection is gone). This grows without bound if the client
 * does not read: a handler that feeds a slow watcher compares it with its own limit and
 * cuts the watcher off with ck_http_request_abort (K8S: kube-apiserver likewise drops a
 * watcher that cannot keep up; the client re-lists).
 */
size_t ck_http_stream_pending(const struct ck_http_request *req);

/*
 * Run fn (NULL: none) each time the stream's queued bytes fall to low or below after a
 * write to the socket, e.g. to resume producing. Replaces an earlier drain callback.
 */
void ck_http_stream_on_drain(struct ck_http_request *req, size_t low, ck_http_drain_fn *fn,
                             void *arg);

/*
 * End the stream cleanly (flush, then the terminating chunk) and finish the request. The
 * connection stays open for the next request unless it was to close.
 */
void ck_http_stream_end(struct ck_http_request *req);

/*
 * Finish the request by dropping its connection at once, without completing the response
 * (no terminating chunk, no close_notify): for a watcher that cannot keep up, or a handler
 * that fails after it has started a stream. The close callback does not run.
 */
void ck_http_request_abort(struct ck_http_request *req);

/*
 * Run fn (NULL: none) once if the connection goes away before the request is finished,
 * with the reason; the request stays valid (writes fail) and the handler still finishes it,
 * possibly from inside fn. Replaces an earlier close callback. Set it from the handler's
 * call: a connection lost before fn is set is not reported (check
 * ck_http_request_connected when setting it later).
 */
void ck_http_request_on_close(struct ck_http_request *req, ck_http_close_fn *fn, void *arg);

/* The standard reason phrase for an HTTP status ("" when there is none). */
const char *ck_http_status_text(int status);

#endif
