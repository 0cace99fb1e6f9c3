/*
 * Private parts of the HTTPS server (http-server.h), shared by its three files:
 * http-parse.c (pure parsing of request lines, header fields, chunk sizes, targets and
 * queries; no I/O, so tests and fuzzers can call it directly), http-request.c (the request
 * object, its pool, responses and streams) and http-server.c (listener, TLS, the
 * connection state machine, timers, stop).
 */
#ifndef CK_NET_HTTP_INT_H
#define CK_NET_HTTP_INT_H

#include <event2/util.h>
#include <openssl/ssl.h>

#include "base/compat.h"

#include "base/buf.h"
#include "net/http-server.h"
#include "pki/pki.h"

struct bufferevent;
struct evbuffer;
struct event;
struct evconnlistener;

/* Body bytes beyond the limit that are read and dropped to keep the connection (Go: 256 KiB). */
#define HTTP_DISCARD_MAX (256u << 10)
/* Longest chunk-size line (with extensions) accepted in a chunked body. */
#define HTTP_CHUNK_LINE_MAX 4096
/* After close_notify, how long input is drained so the client reads the last response. */
#define HTTP_LINGER_MS 500

/* ---- per-request pool -------------------------------------------------------------- */

struct http_pool_block;

struct http_pool {
	struct http_pool_block *blocks; /* newest first; the first has the free space */
};

/* size bytes, zeroed, 16-aligned; aborts on OOM. Freed by http_pool_release. */
void *http_pool_alloc(struct http_pool *p, size_t size);
/* A NUL-terminated copy of n bytes of s. */
char *http_pool_strndup(struct http_pool *p, const char *s, size_t n);
void http_pool_release(struct http_pool *p);

/* ---- parsing (http-parse.c) -------------------------------------------------------- */

struct http_kv {
	const char *name;
	const char *value;
};

struct http_request_line {
	char *method; /* token */
	char *target; /* non-empty, no spaces or control characters */
	int minor;    /* HTTP/1.minor */
};

/*
 * Split a request line (without its line ending; modified in place: NULs written) into
 * method, target and version. Returns 0, or the HTTP status to answer (400, or 505 for a
 * version other than 1.x) with *why set to a static message.
 */
int http_parse_request_line(char *line, size_t len, struct http_request_line *out,
                            const char **why);

/*
 * Split a header field line (modified in place) into a token name and a value trimmed of
 * spaces and tabs. Rejects obsolete line folding, a space before the colon, and control
 * characters other than tab in the value. Returns 0, or 400 with *why.
 */
int http_parse_header_line(char *line, size_t len, char **name, char **value, const char **why);

/* Parse a chunk-size line (hex size, optional extensions). Returns 0, or -1 if malformed. */
int http_parse_chunk_size(const char *line, size_t len, uint64_t *size);

/* Parse a Content-Length value: decimal digits only, at most INT64_MAX. 0 or -1. */
int http_parse_content_length(const char *s, uint64_t *out);

/* Whether the comma-separated list holds token, case-insensitively ("Connection: close"). */
bool http_has_token(const char *list, const char *token);

/* Whether s[0..n) is a non-empty HTTP token (RFC 9110 tchar). */
bool http_is_token(const char *s, size_t n);

/*
 * Split a request target into the decoded path and the raw query (both pool strings).
 * Accepts origin-form ("/p?q"), absolute-form ("https://h/p?q") and "*" for OPTIONS.
 * Returns 0, or 400 with *why for any other form or a path with a bad or NUL escape.
 */
int http_split_target(struct http_pool *pool, const char *method, const char *target,
                      const char **path, const char **query, const char **why);

/*
 * Decode n bytes of s (%XX escapes; '+' as space when plus) into a pool string. Returns NULL
 * for a malformed escape or an encoded NUL.
 */
char *http_unescape(struct http_pool *pool, const char *s, size_t n, bool plus);

/*
 * Decode a raw query string into *out (a pool array of *n pairs), as Go's url.ParseQuery:
 * see ck_http_request_param. Returns the number of pairs.
 */
size_t http_parse_query(struct http_pool *pool, const char *query, struct http_kv **out);

/* ---- connections and requests ------------------------------------------------------ */

enum http_conn_state {
	HTTP_CONN_HANDSHAKE, /* TLS handshake */
	HTTP_CONN_IDLE,      /* keep-alive: waiting for a request's first byte */
	HTTP_CONN_HEAD,      /* reading the request line and header fields */
	HTTP_CONN_BODY,      /* reading the body */
	HTTP_CONN_HANDLER,   /* the handler has the request; no response yet */
	HTTP_CONN_STREAM,    /* a streaming response is open */
	HTTP_CONN_FLUSH,     /* a complete response is queued; waiting for it to drain */
	HTTP_CONN_LINGER,    /* closing: close_notify sent, input drained until EOF or timer */
};

enum http_body_state {
	HTTP_BODY_NONE,
	HTTP_BODY_LENGTH,     /* Content-Length: body_left bytes to come */
	HTTP_BODY_CHUNK_SIZE, /* chunked: a chunk-size line */
	HTTP_BODY_CHUNK_DATA, /* chunked: body_left bytes of chunk data */
	HTTP_BODY_CHUNK_CRLF, /* chunked: the line ending after chunk data */
	HTTP_BODY_TRAILER,    /* chunked: trailer fields up to an empty line */
};

struct http_conn {
	struct ck_http_server *srv;
	struct http_conn *prev, *next; /* srv->conns */
	struct bufferevent *bev;       /* owns the SSL and the socket */
	SSL *ssl;
	evutil_socket_t fd;
	struct event *timer; /* the read-side deadline of the current state */
	enum http_conn_state state;
	char remote[64];

	/* Identity from the handshake, copied into each request. */
	enum ck_http_auth auth;
	struct ck_pki_identity id;
	char *auth_error;

	struct ck_http_request *req; /* being read (conn owns it), or dispatched (shared) */
	size_t head_bytes;           /* request line + fields (+ trailers) so far */
	enum http_body_state body_state;
	uint64_t body_left;
	bool too_large;   /* the body is over the limit: drop the rest, then 413 */
	bool close_after; /* close once the current response is out */
	bool dead;        /* killed; freed when busy drops to 0 */
	int busy;         /* our callbacks on the stack; the conn is not freed under them */
};

enum http_req_phase {
	HTTP_REQ_READING,  /* owned by the connection */
	HTTP_REQ_HANDLER,  /* the handler's, no response yet */
	HTTP_REQ_STREAM,   /* a stream is open */
	HTTP_REQ_FINISHED, /* being freed */
};

struct ck_http_request {
	struct ck_http_server *srv;
	struct http_conn *conn; /* NULL once the connection is gone */
	struct http_pool pool;
	enum http_req_phase phase;
	int64_t start_us;

	const char *method, *target, *path, *query;
	int minor;
	bool head; /* HEAD: responses carry no body */
	bool expect_continue;
	bool body_unread;        /* a body was announced and not read (authenticated_bodies) */
	struct http_kv *headers; /* malloc'ed array; strings in the pool */
	size_t nheaders, aheaders;
	struct http_kv *params; /* pool */
	size_t nparams;
	struct ck_buf body;

	enum ck_http_auth auth;
	struct ck_pki_identity id; /* strings and array in the pool: never released */
	const char *auth_error;
	char remote[64]; /* copied: the request may outlive its connection */

	struct ck_buf out_headers; /* "Name: value\r\n" lines from ck_http_add_header */
	int status;
	bool chunked;        /* stream framing */
	bool no_body;        /* HEAD, 204, 304: body bytes are dropped */
	bool wire_done;      /* the stream was ended on the wire by the server (stop) */
	bool close_notified; /* on_close has run */
	bool aborted;
	void *data; /* the handler's, for the stats hook (ck_http_request_set_data) */
	uint64_t bytes_in, bytes_out;
	struct ck_buf pending; /* stream bytes written since the last flush */

	ck_http_close_fn *on_close;
	void *close_arg;
	ck_http_drain_fn *on_drain;
	void *drain_arg;
	size_t drain_low;
};

struct ck_http_server {
	struct event_base *base;
	SSL_CTX *ssl_ctx;
	struct evconnlistener *listener;
	struct event *accept_retry; /* re-enables accepting after EMFILE */
	struct event *stopped_ev;   /* runs stopped_cb from the loop */
	uint16_t port;

	ck_http_handler_fn *handler;
	ck_http_error_fn *format_error;
	ck_http_stats_fn *on_request;
	void *arg;
	size_t max_body, max_header;
	bool authenticated_bodies;
	int idle_ms, header_ms, body_ms, write_ms, handshake_ms;

	struct http_conn *conns;
	size_t nconns;
	unsigned refs; /* 1 for the owner + 1 per request a handler holds */
	bool stopping, owner_gone;
	int cb_depth; /* config or request callbacks on the stack */
	ck_http_stopped_fn *stopped_cb;
	void *stopped_arg;

	time_t date_sec; /* cached Date header value */
	char date[40];
};

int64_t http_now_us(void);

/* http-request.c */
struct ck_http_request *http_request_new(struct http_conn *conn);
/* Free a request the handler never saw. */
void http_request_free(struct ck_http_request *req);
/* The handler finished req (reply, stream end, abort): stats, then free. */
void http_request_finish(struct ck_http_request *req);
/* Add a parsed header field (strings already in the pool). */
void http_request_add_header(struct ck_http_request *req, const char *name, const char *value);
/* Write a complete response head + body to out (no request needed, for server errors). */
void http_write_response(struct ck_http_server *srv, struct evbuffer *out, int status,
                         const char *content_type, const char *extra_headers, size_t extra_len,
                         const void *body, size_t len, bool no_body, bool close);
/* Format an error body with the server's formatter; returns the content type. */
const char *http_format_error(struct ck_http_server *srv, int status, const char *reason,
                              const char *message, struct ck_buf *body);
/* End an open stream on the wire (flush, terminating chunk) without finishing it. */
void http_stream_wire_end(struct ck_http_request *req);

/* http-server.c */
struct evbuffer *http_conn_output(struct http_conn *conn);
/* The complete response for conn->req is queued: wait for it to drain, then go on. */
void http_conn_response_queued(struct http_conn *conn);
/* A stream started on conn: read deadlines off. */
void http_conn_stream_started(struct http_conn *conn);
/* Drop the connection now (no close callback for req, which the caller is finishing). */
void http_conn_abort(struct http_conn *conn);
/* Set the write low-water mark that triggers drain callbacks. */
void http_conn_set_drain_low(struct http_conn *conn, size_t low);
void http_server_unref(struct ck_http_server *srv);
const char *http_server_date(struct ck_http_server *srv);

#endif
