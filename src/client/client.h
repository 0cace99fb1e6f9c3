/*
 * The API client (DESIGN.md §1, §4): how every ckube component — controllers, the
 * scheduler, the node agent — talks to an API server, over HTTPS even inside one process,
 * so that each can later run on its own and the API server stays the one place where
 * authorization, validation and storage happen.
 *
 * HTTP/1.1 over TLS on a caller's libevent loop (bufferevent_openssl), verified against
 * the cluster CA and authenticated with a client certificate. Unary requests share a small
 * pool of keep-alive connections; a watch gets a connection of its own for its lifetime
 * and delivers one callback per newline-delimited {"type","object"} event of the chunked
 * stream. Responses may be framed by Content-Length, chunked encoding or the end of the
 * connection. Non-2xx replies are decoded from their metav1.Status into a ck_error.
 *
 * Calls and their callbacks: every callback runs from the loop, never from inside the
 * public function that caused it (even a request that fails at once is reported from the
 * loop). A call's handle is valid until its final callback returns, or until
 * ck_client_call_cancel, which drops it without any callback; both may be used from inside
 * any of the client's callbacks, on the call itself or on others.
 *
 * Threading: a client belongs to the event_base it was made with (its "loop"). Every
 * function here must be called on that loop's thread (construction from a kubeconfig file
 * reads the file: do it before serving, or from a worker thread before handing the client
 * to the loop).
 */
#ifndef CK_CLIENT_CLIENT_H
#define CK_CLIENT_CLIENT_H

#include <jansson.h>

#include "base/compat.h"

#include "base/error.h"

struct event_base;
struct ck_client;
struct ck_client_call;

/* Defaults (see struct ck_client_config). */
#define CK_CLIENT_DEFAULT_MAX_CONNS    4
#define CK_CLIENT_DEFAULT_TIMEOUT_MS   30000
#define CK_CLIENT_DEFAULT_MAX_RESPONSE (16u << 20)
#define CK_CLIENT_DEFAULT_IDLE_MS      60000

struct ck_client_config {
	/* Required: "https://host:port" (a name, an IPv4 literal or "[ipv6]"); a path is refused. */
	const char *server;
	/* Required: the CA that signed the server's certificate (PEM; only it is trusted). */
	const char *ca_pem;
	/* The client certificate and its key (PEM), both or neither (anonymous). */
	const char *cert_pem;
	const char *key_pem;
	/* Unary requests in flight at once; more wait in a queue. 0: the default (4). */
	size_t max_conns;
	/* Per-request deadline when a request gives none. 0: 30 s. */
	int timeout_ms;
	/*
	 * Largest response body (unary) or watch event line accepted; a larger one fails the
	 * call with 500 and closes its connection. 0: 16 MiB. LISTs should paginate (limit).
	 */
	size_t max_response_bytes;
	/* Idle keep-alive connections are closed after this; 0: 60 s (the server's is 90 s). */
	int idle_timeout_ms;
	/* The User-Agent; NULL: "ckube/<version>". Copied. */
	const char *user_agent;
};

/*
 * A client for cfg->server on base. Strings are copied. Rejects (400) a missing server or
 * CA, a server that is not https://host[:port] (the port defaults to 443), half a key pair,
 * PEM that does not parse. Host names other than IP literals are resolved asynchronously
 * (evdns, /etc/hosts first) at each connection. Returns 0 with *out (the caller's:
 * ck_client_free), or -1 with *err. Its loop.
 */
int ck_client_new(struct event_base *base, const struct ck_client_config *cfg,
                  struct ck_client **out, struct ck_error **err);

/*
 * A client from a kubeconfig file (the shape `ckube server` writes to DIR/admin.kubeconfig
 * and kubeadm writes admin.conf): the current context's cluster (server,
 * certificate-authority-data or certificate-authority) and user (client-certificate-data
 * and client-key-data, or client-certificate and client-key; relative file names are
 * relative to the kubeconfig's directory). base_cfg (may be NULL) supplies the other
 * settings; its server and PEMs are ignored. Returns 0 with *out, or -1 with *err (400
 * naming the file and what is missing or malformed). Blocking (file reads): before the
 * loop serves.
 */
int ck_client_new_from_kubeconfig(struct event_base *base, const char *path,
                                  const struct ck_client_config *base_cfg, struct ck_client **out,
                                  struct ck_error **err);

/*
 * Free the client: every call still pending is dropped without a callback (its handle
 * becomes invalid), every connection is closed. Free the client's users (reflectors,
 * leader electors) first. NULL-safe. Not from inside one of the client's callbacks. As
 * with every libevent TLS stream, run the loop once more (EVLOOP_NONBLOCK) before
 * event_base_free, or the TLS buffers leak.
 */
void ck_client_free(struct ck_client *c);

/* The client's loop. */
struct event_base *ck_client_base(const struct ck_client *c);

/* The server URL, as configured ("https://host:port"). */
const char *ck_client_server(const struct ck_client *c);

struct ck_client_stats {
	size_t conns;      /* open connections (unary and watch) */
	size_t idle;       /* idle keep-alive connections */
	size_t queued;     /* requests waiting for a connection */
	uint64_t connects; /* connections opened (TLS handshakes started) */
	uint64_t requests; /* unary requests sent */
	uint64_t reused;   /* of those, sent on a kept-alive connection */
	uint64_t retries;  /* requests sent again after a kept-alive connection failed */
	uint64_t watches;  /* watch requests sent */
};

/* Fill *st, for metrics and tests. */
void ck_client_stats(const struct ck_client *c, struct ck_client_stats *st);

/* ---- unary requests ------------------------------------------------------------------ */

/*
 * The result of a request. status is the HTTP status, or 0 when no response came (a
 * transport failure). body/len are the response body (NUL-terminated, "" when empty),
 * borrowed for the call. err is NULL for a 2xx; otherwise (borrowed for the call):
 *   - for a non-2xx response: the server's metav1.Status decoded — http_status its code,
 *     reason its reason (as a CK_REASON_* literal, or the code's default), msg its message;
 *     a body that is not a Status gets client-go's generic wording;
 *   - for a transport failure: 503 ServiceUnavailable (cannot connect, TLS verification,
 *     connection lost; errnum when a system call failed), 504 Timeout (the request's
 *     deadline), 500 InternalError (a malformed or too large response).
 * The handle is freed when this returns. Runs on the loop.
 */
typedef void ck_client_done_fn(struct ck_client_call *call, int status, const char *body,
                               size_t len, struct ck_error *err, void *arg);

/*
 * Send method on path_query (the path and query, already escaped: "/api/v1/namespaces/x/
 * configmaps?limit=500") with body (len bytes, copied; NULL for none) of content_type (NULL:
 * none; "application/json" for most writes, "application/merge-patch+json" for a merge
 * patch...). timeout_ms covers the whole exchange, queueing included (0: the client's
 * default; < 0: none). done is called exactly once, from the loop, unless the call is
 * cancelled first.
 *
 * K8S (Go net/http, which client-go uses): a GET, HEAD or OPTIONS that fails on a
 * kept-alive connection before any byte of the response arrived is sent once more on a
 * new connection (the server may have closed the idle connection as the request left);
 * other methods are not replayed, since the server may have acted on them.
 *
 * Returns the handle (valid until done returns, or until cancelled). Never fails: problems
 * are reported through done. Its loop.
 */
struct ck_client_call *ck_client_request(struct ck_client *c, const char *method,
                                         const char *path_query, const char *content_type,
                                         const void *body, size_t len, int timeout_ms,
                                         ck_client_done_fn *done, void *arg);

/* ---- watches ------------------------------------------------------------------------- */

/* One watch event, valid for the duration of the callback. */
struct ck_client_event {
	const char *type; /* "ADDED", "MODIFIED", "DELETED", "BOOKMARK" */
	json_t *object;   /* the event's object, parsed (borrowed: json_incref to keep it) */
	const char *raw;  /* the object's JSON bytes as the server sent them (not NUL-terminated) */
	size_t raw_len;
};

/* One event of a watch. Runs on the loop; may cancel this or any call. */
typedef void ck_client_event_fn(struct ck_client_call *call, const struct ck_client_event *ev,
                                void *arg);

/*
 * The end of a watch: err NULL when the server ended the stream cleanly (its
 * timeoutSeconds ran out, or it is shutting down: K8S, the client watches again from the
 * last resourceVersion it saw). Otherwise err (borrowed for the call) says why:
 *   - 410 Expired or Gone: the revision is too old, from an HTTP 410 reply or from an ERROR
 *     event carrying a Status with code 410 (K8S: the reflector then relists);
 *   - another code from a non-2xx reply or an ERROR event's Status;
 *   - 503 / 504 / 500 for transport failures as for requests (504 also when the
 *     watch's own deadline passes).
 * The handle is freed when this returns. Runs on the loop.
 */
typedef void ck_client_watch_end_fn(struct ck_client_call *call, struct ck_error *err, void *arg);

/*
 * Open a watch: GET path_query (which carries watch=1 and the options:
 * "/api/v1/configmaps?watch=1&resourceVersion=42&allowWatchBookmarks=true&timeoutSeconds=300")
 * on a connection of its own, then on_event for each event line and on_end once.
 * connect_timeout_ms bounds the time to the response header (0: the client's request
 * timeout); timeout_ms, when > 0, ends the watch with 504 if the server has not ended it
 * by then (a safety net beyond the timeoutSeconds asked of the server). Returns the handle
 * (valid until on_end returns, or until cancelled). Its loop.
 */
struct ck_client_call *ck_client_watch(struct ck_client *c, const char *path_query,
                                       int connect_timeout_ms, int timeout_ms,
                                       ck_client_event_fn *on_event, ck_client_watch_end_fn *on_end,
                                       void *arg);

/*
 * Drop a call (request or watch) whose final callback has not started, or is running:
 * no further callback runs, its connection is closed if it was using one (a half-read
 * response cannot be reused) and the handle is freed (at once, or when the callback that
 * called this returns). NULL-safe. Its loop.
 */
void ck_client_call_cancel(struct ck_client_call *call);

/* ---- helpers ------------------------------------------------------------------------- */

/*
 * Append s to b percent-encoded for a query value (Go's url.QueryEscape: unreserved bytes
 * kept, ' ' as '+', the rest %XX). For label selectors, continue tokens, field selectors.
 */
struct ck_buf;
void ck_client_query_escape(struct ck_buf *b, const char *s);

/*
 * Build a ck_error from a response: status, and the body (a metav1.Status or anything).
 * Returns -1 with *err set. For callers that answer with errors of their own shape.
 */
int ck_client_status_error(int status, const char *body, size_t len, struct ck_error **err);

#endif
