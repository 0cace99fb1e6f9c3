/*
 * The HTTPS server's connections (see http-server.h): the listening socket, TLS with
 * bufferevent_openssl, and one state machine per connection that reads requests, hands
 * them to the handler, waits for the response to drain, and goes on to the next request
 * or closes.
 *
 * Why not evhttp: libevent 2.1's evhttp server has no hook between a request's header and
 * its body (evhttp_set_newreqcb came with 2.2), so a body over the limit can only get
 * evhttp's fixed HTML 413 page, or be buffered whole before the handler sees it; every error
 * evhttp answers by itself (400, 413, 501) is that HTML page; its one per-connection timeout
 * covers reads and writes alike, so a quiet watch would be cut by the idle timeout; it can
 * hand a connection neither its socket (for TCP_NODELAY) nor over to another protocol (the
 * `101 Switching Protocols` that `kubectl exec` needs next); and while it writes a response
 * it reads and keeps whatever the client sends, without bound. The HTTP/1.1 framing a
 * server needs is small, and here it is strict (http-parse.c).
 *
 * A connection moves HANDSHAKE -> IDLE -> HEAD -> BODY -> HANDLER -> (STREAM) -> FLUSH ->
 * IDLE ..., or to LINGER (close_notify sent, input drained briefly so the client reads
 * the last response instead of a reset) and then away. One timer per connection carries
 * the deadline of the current read state (handshake, idle, header, body, linger); the
 * handler and stream states have none. Writes have the bufferevent's write timeout: queued
 * bytes that make no progress for that long end the connection.
 *
 * Every entry from libevent (read, write, event, timer) holds the connection "busy", so a
 * handler that aborts or a stop that kills the connection it is called from only marks it
 * dead; the memory goes when the outermost callback returns. Loop-owned; nothing locks.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <event2/buffer.h>
#include <event2/bufferevent.h>
#include <event2/bufferevent_ssl.h>
#include <event2/event.h>
#include <event2/listener.h>
#include <openssl/err.h>
#include <openssl/ssl.h>

#include "base/compat.h"

#include "base/log.h"
#include "base/mem.h"
#include "net/http-int.h"

#define LOG "http"

/* Pause accepting this long when out of file descriptors, instead of spinning. */
#define ACCEPT_RETRY_MS 1000
/* Input kept beyond max_header_bytes before reading pauses (one TLS record and then some). */
#define READ_SLACK (64u << 10)
/* Body bytes reserved up front for a Content-Length body; the rest grows as it arrives. */
#define BODY_PREALLOC (64u << 10)
/* K8S: kube-apiserver's tcpKeepAliveListener sets a 3-minute keep-alive period. */
#define KEEPALIVE_SECONDS 180

enum step {
	STEP_WAIT, /* need more input (or the connection is dead) */
	STEP_NEXT, /* the state changed: look again */
};

int64_t http_now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static void timer_arm(struct event *ev, int ms)
{
	struct timeval tv = {.tv_sec = ms / 1000, .tv_usec = (ms % 1000) * 1000};

	evtimer_add(ev, &tv);
}

/* ---- the server object ------------------------------------------------------------ */

void http_server_unref(struct ck_http_server *srv)
{
	CK_BUG_ON(srv->refs == 0);
	if (--srv->refs == 0)
		free(srv);
}

const char *http_server_date(struct ck_http_server *srv)
{
	static const char days[7][4] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
	static const char months[12][4] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
	                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	time_t now = time(NULL);
	struct tm tm;

	if (now != srv->date_sec && gmtime_r(&now, &tm)) {
		/* RFC 9110 IMF-fixdate, spelled out: strftime's names follow the locale. */
		snprintf(srv->date, sizeof(srv->date), "%s, %02d %s %04d %02d:%02d:%02d GMT",
		         days[tm.tm_wday % 7], tm.tm_mday, months[tm.tm_mon % 12],
		         tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
		srv->date_sec = now;
	}
	return srv->date;
}

uint16_t ck_http_server_port(const struct ck_http_server *srv)
{
	return srv->port;
}

size_t ck_http_server_connections(const struct ck_http_server *srv)
{
	return srv->nconns;
}

/* ---- connection life -------------------------------------------------------------- */

static void conn_free(struct http_conn *conn)
{
	struct ck_http_server *srv = conn->srv;

	CK_BUG_ON(conn->busy || conn->req);
	if (conn->prev)
		conn->prev->next = conn->next;
	else
		srv->conns = conn->next;
	if (conn->next)
		conn->next->prev = conn->prev;
	srv->nconns--;
	event_free(conn->timer);
	bufferevent_free(conn->bev); /* closes the socket and frees the SSL */
	ck_pki_identity_release(&conn->id);
	free(conn->auth_error);
	free(conn);
	if (srv->stopping && !srv->nconns && srv->stopped_ev)
		event_active(srv->stopped_ev, EV_TIMEOUT, 0);
}

static void conn_enter(struct http_conn *conn)
{
	conn->busy++;
}

/* Leave a callback; the connection may be gone afterwards. */
static void conn_leave(struct http_conn *conn)
{
	if (--conn->busy == 0 && conn->dead)
		conn_free(conn);
}

/*
 * Close the connection at once. A request still being read is freed; a request the
 * handler holds is detached and its close callback runs (once).
 */
static void conn_kill(struct http_conn *conn, enum ck_http_close_reason why)
{
	struct ck_http_request *req = conn->req;

	if (conn->dead)
		return;
	conn->dead = true;
	conn->req = NULL;
	bufferevent_disable(conn->bev, EV_READ | EV_WRITE);
	evtimer_del(conn->timer);
	if (req && req->phase == HTTP_REQ_READING) {
		http_request_free(req);
	} else if (req) {
		req->conn = NULL;
		if (req->on_close && !req->close_notified) {
			req->close_notified = true;
			conn->busy++;
			conn->srv->cb_depth++;
			req->on_close(req, why, req->close_arg);
			conn->srv->cb_depth--;
			conn->busy--;
		}
	}
	if (!conn->busy)
		conn_free(conn);
}

void http_conn_abort(struct http_conn *conn)
{
	conn_kill(conn, CK_HTTP_CLOSE_ERROR);
}

/*
 * Close after the last response: send close_notify and FIN, then drain what the client
 * still sends for a moment, so that closing with unread input does not make the kernel
 * answer with a reset that destroys the response in flight.
 */
static void conn_close_graceful(struct http_conn *conn)
{
	struct evbuffer *in = bufferevent_get_input(conn->bev);

	conn->state = HTTP_CONN_LINGER;
	ERR_clear_error();
	SSL_shutdown(conn->ssl); /* best effort: the output is drained, the alert is small */
	ERR_clear_error();
	shutdown(conn->fd, SHUT_WR);
	evbuffer_drain(in, evbuffer_get_length(in));
	timer_arm(conn->timer, HTTP_LINGER_MS);
}

struct evbuffer *http_conn_output(struct http_conn *conn)
{
	return bufferevent_get_output(conn->bev);
}

void http_conn_set_drain_low(struct http_conn *conn, size_t low)
{
	bufferevent_setwatermark(conn->bev, EV_WRITE, low, 0);
}

void http_conn_response_queued(struct http_conn *conn)
{
	conn->req = NULL;
	conn->state = HTTP_CONN_FLUSH;
	evtimer_del(conn->timer);
	/* The write callback fires when the output is empty: then the next request. */
	bufferevent_setwatermark(conn->bev, EV_WRITE, 0, 0);
	/*
	 * A response whose last bytes were already written (a close-delimited or HEAD stream
	 * ending) adds nothing, so no write will call back: ask for the callback (deferred,
	 * so never from inside the handler's call).
	 */
	if (!evbuffer_get_length(http_conn_output(conn)))
		bufferevent_trigger(conn->bev, EV_WRITE, BEV_OPT_DEFER_CALLBACKS);
}

void http_conn_stream_started(struct http_conn *conn)
{
	conn->state = HTTP_CONN_STREAM;
	evtimer_del(conn->timer);
}

/* ---- reading requests ------------------------------------------------------------- */

static void conn_process(struct http_conn *conn);

static void report(struct http_conn *conn, int status, size_t bytes_out)
{
	struct ck_http_server *srv = conn->srv;
	struct ck_http_request *req = conn->req;
	struct ck_http_stats st = {
	        .method = req ? req->method : "",
	        .path = req ? req->path : "",
	        .remote = conn->remote,
	        .status = status,
	        .duration_us = req ? http_now_us() - req->start_us : 0,
	        .bytes_in = req ? req->bytes_in : 0,
	        .bytes_out = bytes_out,
	};

	if (!srv->on_request || srv->owner_gone)
		return;
	srv->cb_depth++;
	srv->on_request(&st, srv->arg);
	srv->cb_depth--;
}

/*
 * Answer a request the server rejects by itself, with the error formatter's body, and
 * drop the request. close: the framing is lost (or the client may send more of a body
 * we will not read), so close after this response.
 */
static void conn_error(struct http_conn *conn, int status, const char *reason, const char *message,
                       bool close)
{
	struct ck_http_server *srv = conn->srv;
	struct ck_http_request *req = conn->req;
	struct ck_buf body = CK_BUF_INIT;
	const char *ctype;

	ck_debug(LOG, "%s: %s %s: %d %s", conn->remote, req ? req->method : "",
	         req ? req->target : "", status, message);
	if (close)
		conn->close_after = true;
	ctype = http_format_error(srv, status, reason, message, &body);
	http_write_response(srv, http_conn_output(conn), status, ctype, NULL, 0, body.data,
	                    body.len, req && req->head, conn->close_after);
	report(conn, status, body.len);
	ck_buf_release(&body);
	conn->req = NULL;
	http_request_free(req);
	http_conn_response_queued(conn);
}

/*
 * Take one line from the input into the request's pool: 1 with *line (NUL-terminated),
 * *len (without the line ending) and *used (with it); 0 when no full line is buffered; -1
 * when the line with its ending exceeds max bytes. A line ends in LF or CRLF; a lone CR
 * stays in the line, where the parsers reject it as a control character.
 */
static int take_line(struct http_conn *conn, size_t max, char **line, size_t *len, size_t *used)
{
	struct evbuffer *in = bufferevent_get_input(conn->bev);
	size_t eol_len = 0, n;
	struct evbuffer_ptr p = evbuffer_search_eol(in, NULL, &eol_len, EVBUFFER_EOL_CRLF);

	if (p.pos < 0)
		return evbuffer_get_length(in) > max ? -1 : 0;
	n = (size_t)p.pos;
	if (n + eol_len > max)
		return -1;
	*line = http_pool_alloc(&conn->req->pool, n + 1);
	evbuffer_remove(in, *line, n);
	(*line)[n] = '\0';
	evbuffer_drain(in, eol_len);
	*len = n;
	*used = n + eol_len;
	return 1;
}

static void conn_begin_request(struct http_conn *conn)
{
	conn->req = http_request_new(conn);
	conn->head_bytes = 0;
	conn->body_state = HTTP_BODY_NONE;
	conn->body_left = 0;
	conn->too_large = false;
	conn->state = HTTP_CONN_HEAD;
	timer_arm(conn->timer, conn->srv->header_ms);
}

/* The 413 a request gets for a body over the limit. */
static void conn_too_large(struct http_conn *conn, bool close)
{
	char msg[96];

	/* K8S: apimachinery NewRequestEntityTooLargeError("limit is N"). */
	snprintf(msg, sizeof(msg), "Request entity too large: limit is %zu", conn->srv->max_body);
	conn_error(conn, 413, CK_REASON_TOO_LARGE, msg, close);
}

static void copy_identity(struct ck_http_request *req, const struct http_conn *conn)
{
	size_t i;

	req->auth = conn->auth;
	if (conn->auth == CK_HTTP_AUTH_USER) {
		req->id.user = http_pool_strndup(&req->pool, conn->id.user, strlen(conn->id.user));
		req->id.ngroups = conn->id.ngroups;
		req->id.groups =
		        http_pool_alloc(&req->pool, (conn->id.ngroups + 1) * sizeof(char *));
		for (i = 0; i < conn->id.ngroups; i++)
			req->id.groups[i] = http_pool_strndup(&req->pool, conn->id.groups[i],
			                                      strlen(conn->id.groups[i]));
	} else if (conn->auth == CK_HTTP_AUTH_REJECTED) {
		req->auth_error =
		        http_pool_strndup(&req->pool, conn->auth_error, strlen(conn->auth_error));
	}
}

/* The request is complete: the handler has it from now on. */
static enum step conn_dispatch(struct http_conn *conn)
{
	struct ck_http_server *srv = conn->srv;
	struct ck_http_request *req = conn->req;

	evtimer_del(conn->timer);
	copy_identity(req, conn);
	req->phase = HTTP_REQ_HANDLER;
	conn->state = HTTP_CONN_HANDLER;
	srv->refs++;
	srv->cb_depth++;
	srv->handler(req, srv->arg);
	srv->cb_depth--;
	return STEP_NEXT;
}

static enum step conn_body_done(struct http_conn *conn)
{
	if (conn->too_large) {
		/* The whole body was read and dropped: the connection can be kept. */
		conn_too_large(conn, false);
		return STEP_NEXT;
	}
	return conn_dispatch(conn);
}

static enum step conn_head_done(struct http_conn *conn)
{
	struct ck_http_server *srv = conn->srv;
	struct ck_http_request *req = conn->req;
	const char *te = NULL, *cl = NULL, *expect = NULL, *why;
	unsigned nte = 0, nhost = 0, nexpect = 0;
	uint64_t len = 0;
	size_t i;
	int st;

	for (i = 0; i < req->nheaders; i++) {
		const char *name = req->headers[i].name, *value = req->headers[i].value;

		if (!strcasecmp(name, "Host")) {
			nhost++;
		} else if (!strcasecmp(name, "Transfer-Encoding")) {
			nte++;
			te = value;
		} else if (!strcasecmp(name, "Content-Length")) {
			if (cl && strcmp(cl, value)) {
				conn_error(conn, 400, CK_REASON_BAD_REQUEST,
				           "conflicting Content-Length fields", true);
				return STEP_NEXT;
			}
			cl = value;
		} else if (!strcasecmp(name, "Connection")) {
			if (http_has_token(value, "close"))
				conn->close_after = true;
		} else if (!strcasecmp(name, "Expect")) {
			nexpect++;
			expect = value;
		}
	}
	/* HTTP/1.0 keep-alive is not offered: such clients get one request per connection. */
	if (req->minor == 0)
		conn->close_after = true;
	/* RFC 9112 §3.2: a 1.1 request without exactly one Host is answered 400 (as Go does). */
	if (req->minor >= 1 && nhost != 1) {
		conn_error(conn, 400, CK_REASON_BAD_REQUEST,
		           nhost ? "too many Host header fields" : "missing required Host header",
		           true);
		return STEP_NEXT;
	}
	st = http_split_target(&req->pool, req->method, req->target, &req->path, &req->query, &why);
	if (st) {
		conn_error(conn, st, CK_REASON_BAD_REQUEST, why, true);
		return STEP_NEXT;
	}
	if (nte) {
		/* RFC 9112 §6.1: these framings are how requests get smuggled; refuse them. */
		if (req->minor == 0 || cl) {
			conn_error(conn, 400, CK_REASON_BAD_REQUEST,
			           req->minor == 0 ? "Transfer-Encoding in an HTTP/1.0 request"
			                           : "both Transfer-Encoding and Content-Length",
			           true);
			return STEP_NEXT;
		}
		if (nte > 1 || strcasecmp(te, "chunked")) {
			conn_error(conn, 501, CK_REASON_BAD_REQUEST,
			           "unsupported transfer encoding", true);
			return STEP_NEXT;
		}
		conn->body_state = HTTP_BODY_CHUNK_SIZE;
	} else if (cl) {
		if (http_parse_content_length(cl, &len) < 0) {
			conn_error(conn, 400, CK_REASON_BAD_REQUEST, "invalid Content-Length",
			           true);
			return STEP_NEXT;
		}
		if (len > srv->max_body) {
			/*
			 * Reading a little too much and dropping it keeps the connection (Go reads
			 * up to 256 KiB after a handler for the same reason); anything more is
			 * answered now and the connection closed.
			 */
			if (len - srv->max_body > HTTP_DISCARD_MAX || expect) {
				conn_too_large(conn, true);
				return STEP_NEXT;
			}
			conn->too_large = true;
		} else {
			/* Not all of it: a client could reserve memory it never sends. */
			ck_buf_grow(&req->body, len < BODY_PREALLOC ? (size_t)len : BODY_PREALLOC);
		}
		conn->body_left = len;
		conn->body_state = len ? HTTP_BODY_LENGTH : HTTP_BODY_NONE;
	}
	if (expect) {
		if (nexpect > 1 || strcasecmp(expect, "100-continue") || req->minor == 0) {
			conn_error(conn, 417, CK_REASON_BAD_REQUEST, "unsupported expectation",
			           true);
			return STEP_NEXT;
		}
		req->expect_continue = true;
	}
	if (srv->authenticated_bodies && conn->auth != CK_HTTP_AUTH_USER &&
	    (conn->body_state != HTTP_BODY_NONE || conn->too_large)) {
		/*
		 * No body from a client that is nobody: the handler answers (401/403) without
		 * it, and the connection, with the body still in the way, closes after.
		 */
		conn->body_state = HTTP_BODY_NONE;
		conn->body_left = 0;
		conn->too_large = false;
		req->expect_continue = false;
		req->body_unread = true;
		conn->close_after = true;
	}
	req->nparams = http_parse_query(&req->pool, req->query, &req->params);
	if (conn->body_state == HTTP_BODY_NONE)
		return conn_body_done(conn);
	conn->state = HTTP_CONN_BODY;
	timer_arm(conn->timer, srv->body_ms);
	if (req->expect_continue)
		evbuffer_add(http_conn_output(conn), "HTTP/1.1 100 Continue\r\n\r\n", 25);
	return STEP_NEXT;
}

static enum step conn_read_head(struct http_conn *conn)
{
	struct ck_http_server *srv = conn->srv;
	struct ck_http_request *req = conn->req;

	for (;;) {
		char *line, *name, *value;
		size_t len, used;
		const char *why;
		int r, st;

		r = take_line(conn, srv->max_header - conn->head_bytes, &line, &len, &used);
		if (r == 0)
			return STEP_WAIT;
		if (r < 0) {
			conn_error(conn, 431, CK_REASON_BAD_REQUEST,
			           "request header fields too large", true);
			return STEP_NEXT;
		}
		conn->head_bytes += used;
		if (!*req->method) {
			struct http_request_line rl;

			st = http_parse_request_line(line, len, &rl, &why);
			if (st) {
				conn_error(conn, st, CK_REASON_BAD_REQUEST, why, true);
				return STEP_NEXT;
			}
			req->method = rl.method;
			req->target = rl.target;
			req->minor = rl.minor;
			req->head = !strcmp(rl.method, "HEAD");
			continue;
		}
		if (len == 0)
			return conn_head_done(conn);
		st = http_parse_header_line(line, len, &name, &value, &why);
		if (st) {
			conn_error(conn, st, CK_REASON_BAD_REQUEST, why, true);
			return STEP_NEXT;
		}
		http_request_add_header(req, name, value);
	}
}

/* Move n body bytes from the input to the body, or drop them once over the limit. */
static void body_take(struct http_conn *conn, size_t n)
{
	struct ck_http_request *req = conn->req;
	struct evbuffer *in = bufferevent_get_input(conn->bev);

	req->bytes_in += n;
	if (!conn->too_large && req->body.len + n > conn->srv->max_body) {
		conn->too_large = true;
		ck_buf_release(&req->body);
	}
	if (conn->too_large) {
		evbuffer_drain(in, n);
		return;
	}
	ck_buf_grow(&req->body, n);
	evbuffer_remove(in, req->body.data + req->body.len, n);
	req->body.len += n;
	req->body.data[req->body.len] = '\0';
}

static enum step conn_read_body(struct http_conn *conn)
{
	struct ck_http_server *srv = conn->srv;
	struct ck_http_request *req = conn->req;
	struct evbuffer *in = bufferevent_get_input(conn->bev);

	for (;;) {
		char *line, *name, *value;
		size_t len, used, avail;
		uint64_t size;
		const char *why;
		int r;

		switch (conn->body_state) {
		case HTTP_BODY_LENGTH:
		case HTTP_BODY_CHUNK_DATA:
			avail = evbuffer_get_length(in);
			if (avail > conn->body_left)
				avail = (size_t)conn->body_left;
			if (!avail)
				return STEP_WAIT;
			body_take(conn, avail);
			conn->body_left -= avail;
			if (conn->body_left)
				return STEP_WAIT;
			if (conn->body_state == HTTP_BODY_LENGTH)
				return conn_body_done(conn);
			conn->body_state = HTTP_BODY_CHUNK_CRLF;
			break;
		case HTTP_BODY_CHUNK_SIZE:
			r = take_line(conn, HTTP_CHUNK_LINE_MAX, &line, &len, &used);
			if (r == 0)
				return STEP_WAIT;
			if (r < 0 || http_parse_chunk_size(line, len, &size) < 0) {
				conn_error(conn, 400, CK_REASON_BAD_REQUEST,
				           "malformed chunked encoding", true);
				return STEP_NEXT;
			}
			if (size == 0) {
				conn->body_state = HTTP_BODY_TRAILER;
				break;
			}
			if (req->bytes_in + size > srv->max_body + HTTP_DISCARD_MAX) {
				conn_too_large(conn, true);
				return STEP_NEXT;
			}
			conn->body_left = size;
			conn->body_state = HTTP_BODY_CHUNK_DATA;
			break;
		case HTTP_BODY_CHUNK_CRLF:
			r = take_line(conn, 2, &line, &len, &used);
			if (r == 0)
				return STEP_WAIT;
			if (r < 0 || len) {
				conn_error(conn, 400, CK_REASON_BAD_REQUEST,
				           "malformed chunked encoding", true);
				return STEP_NEXT;
			}
			conn->body_state = HTTP_BODY_CHUNK_SIZE;
			break;
		case HTTP_BODY_TRAILER:
			r = take_line(conn,
			              srv->max_header > conn->head_bytes
			                      ? srv->max_header - conn->head_bytes
			                      : 0,
			              &line, &len, &used);
			if (r == 0)
				return STEP_WAIT;
			if (r < 0) {
				conn_error(conn, 431, CK_REASON_BAD_REQUEST,
				           "request trailer fields too large", true);
				return STEP_NEXT;
			}
			conn->head_bytes += used;
			if (len == 0)
				return conn_body_done(conn);
			/* Trailer fields are checked and dropped: nothing here reads them. */
			if (http_parse_header_line(line, len, &name, &value, &why)) {
				conn_error(conn, 400, CK_REASON_BAD_REQUEST, why, true);
				return STEP_NEXT;
			}
			break;
		case HTTP_BODY_NONE:
			return conn_body_done(conn);
		}
	}
}

/* Act on whatever input is buffered, for as long as the state allows. */
static void conn_process(struct http_conn *conn)
{
	struct evbuffer *in = bufferevent_get_input(conn->bev);

	while (!conn->dead) {
		enum step s;

		switch (conn->state) {
		case HTTP_CONN_IDLE: {
			unsigned char c;

			/* RFC 9112 §2.2: ignore empty lines before a request line. */
			while (evbuffer_copyout(in, &c, 1) == 1 && (c == '\r' || c == '\n'))
				evbuffer_drain(in, 1);
			if (!evbuffer_get_length(in))
				return;
			conn_begin_request(conn);
			continue;
		}
		case HTTP_CONN_HEAD:
			s = conn_read_head(conn);
			break;
		case HTTP_CONN_BODY:
			s = conn_read_body(conn);
			break;
		case HTTP_CONN_STREAM:
			/* Nothing legitimate arrives during a stream; do not keep it forever. */
			if (evbuffer_get_length(in) > conn->srv->max_header) {
				ck_debug(LOG, "%s: input during a stream, closing", conn->remote);
				conn_kill(conn, CK_HTTP_CLOSE_ERROR);
			}
			return;
		case HTTP_CONN_LINGER:
			evbuffer_drain(in, evbuffer_get_length(in));
			return;
		case HTTP_CONN_HANDSHAKE:
		case HTTP_CONN_HANDLER:
		case HTTP_CONN_FLUSH:
		default:
			/* A pipelined request waits (reading pauses at the high-water mark). */
			return;
		}
		if (s == STEP_WAIT)
			return;
	}
}

/* The response is on its way to the kernel: next request, or close. */
static void conn_response_sent(struct http_conn *conn)
{
	if (conn->close_after || conn->srv->stopping) {
		conn_close_graceful(conn);
		return;
	}
	conn->state = HTTP_CONN_IDLE;
	timer_arm(conn->timer, conn->srv->idle_ms);
	conn_process(conn);
}

/* ---- libevent callbacks ----------------------------------------------------------- */

static void conn_read_cb(struct bufferevent *bev, void *arg)
{
	struct http_conn *conn = arg;

	(void)bev;
	conn_enter(conn);
	conn_process(conn);
	conn_leave(conn);
}

static void conn_write_cb(struct bufferevent *bev, void *arg)
{
	struct http_conn *conn = arg;
	struct ck_http_request *req = conn->req;

	conn_enter(conn);
	if (conn->state == HTTP_CONN_FLUSH && !evbuffer_get_length(bufferevent_get_output(bev))) {
		conn_response_sent(conn);
	} else if (conn->state == HTTP_CONN_STREAM && req && req->on_drain &&
	           ck_http_stream_pending(req) <= req->drain_low) {
		conn->srv->cb_depth++;
		req->on_drain(req, req->drain_arg);
		conn->srv->cb_depth--;
	}
	conn_leave(conn);
}

static void conn_handshake_done(struct http_conn *conn)
{
	struct ck_http_server *srv = conn->srv;
	struct ck_error *err = NULL;
	struct timeval wtv = {.tv_sec = srv->write_ms / 1000,
	                      .tv_usec = (srv->write_ms % 1000) * 1000};
	int r = ck_pki_peer_identity(conn->ssl, &conn->id, &err);

	if (r > 0) {
		conn->auth = CK_HTTP_AUTH_USER;
	} else if (r == 0) {
		conn->auth = CK_HTTP_AUTH_ANONYMOUS;
	} else {
		conn->auth = CK_HTTP_AUTH_REJECTED;
		conn->auth_error = ck_xstrdup(err->msg);
		ck_error_free(err);
	}
	/* Writes that make no progress end the connection; reads have our own timer. */
	bufferevent_set_timeouts(conn->bev, NULL, &wtv);
	if (srv->stopping) {
		conn_close_graceful(conn);
		return;
	}
	conn->state = HTTP_CONN_IDLE;
	timer_arm(conn->timer, srv->idle_ms);
	conn_process(conn);
}

static void conn_event_cb(struct bufferevent *bev, short what, void *arg)
{
	struct http_conn *conn = arg;
	enum ck_http_close_reason why = CK_HTTP_CLOSE_ERROR;
	unsigned long e;

	conn_enter(conn);
	if (what & BEV_EVENT_CONNECTED) {
		conn_handshake_done(conn);
	} else {
		if (what & BEV_EVENT_TIMEOUT)
			why = CK_HTTP_CLOSE_TIMEOUT;
		else if (what & BEV_EVENT_EOF)
			why = CK_HTTP_CLOSE_PEER;
		while ((e = bufferevent_get_openssl_error(bev))) {
			char buf[256];

			ERR_error_string_n(e, buf, sizeof(buf));
			ck_debug(LOG, "%s: %s", conn->remote, buf);
		}
		ck_debug(LOG, "%s: connection %s (state %d)", conn->remote,
		         why == CK_HTTP_CLOSE_PEER      ? "closed by the client"
		         : why == CK_HTTP_CLOSE_TIMEOUT ? "write timed out"
		                                        : "failed",
		         (int)conn->state);
		conn_kill(conn, why);
	}
	conn_leave(conn);
}

static void conn_timer_cb(evutil_socket_t fd, short what, void *arg)
{
	struct http_conn *conn = arg;

	(void)fd, (void)what;
	conn_enter(conn);
	if (conn->state == HTTP_CONN_BODY) {
		conn_error(conn, 408, CK_REASON_TIMEOUT, "timed out reading the request body",
		           true);
	} else {
		/* Handshake, idle, header (Go closes without a response too), linger. */
		ck_debug(LOG, "%s: timeout in state %d, closing", conn->remote, (int)conn->state);
		conn_kill(conn, CK_HTTP_CLOSE_TIMEOUT);
	}
	conn_leave(conn);
}

/* ---- accepting -------------------------------------------------------------------- */

static void set_socket_options(evutil_socket_t fd)
{
	int one = 1, secs = KEEPALIVE_SECONDS;

	/* K8S reference §7: without TCP_NODELAY a request costs ~45 ms (Nagle, delayed ACK). */
	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &one, sizeof(one));
	setsockopt(fd, IPPROTO_TCP, TCP_KEEPIDLE, &secs, sizeof(secs));
	setsockopt(fd, IPPROTO_TCP, TCP_KEEPINTVL, &secs, sizeof(secs));
}

static void format_remote(const struct sockaddr *sa, char *out, size_t size)
{
	char ip[INET6_ADDRSTRLEN];

	if (sa->sa_family == AF_INET6) {
		const struct sockaddr_in6 *s6 = (const struct sockaddr_in6 *)sa;

		inet_ntop(AF_INET6, &s6->sin6_addr, ip, sizeof(ip));
		snprintf(out, size, "[%s]:%u", ip, ntohs(s6->sin6_port));
	} else if (sa->sa_family == AF_INET) {
		const struct sockaddr_in *s4 = (const struct sockaddr_in *)sa;

		inet_ntop(AF_INET, &s4->sin_addr, ip, sizeof(ip));
		snprintf(out, size, "%s:%u", ip, ntohs(s4->sin_port));
	} else {
		snprintf(out, size, "?");
	}
}

static void accept_cb(struct evconnlistener *lev, evutil_socket_t fd, struct sockaddr *sa,
                      int salen, void *arg)
{
	struct ck_http_server *srv = arg;
	struct http_conn *conn;
	struct bufferevent *bev;
	SSL *ssl;

	(void)lev, (void)salen;
	set_socket_options(fd);
	ssl = SSL_new(srv->ssl_ctx);
	if (!ssl) {
		ERR_clear_error();
		ck_warn(LOG, "cannot create a TLS connection: out of memory");
		evutil_closesocket(fd);
		return;
	}
	/*
	 * OpenSSL 3 reports a TCP close without close_notify as a protocol error, which
	 * libevent 2.1 would not see as EOF. HTTP framing, not TLS, delimits our requests.
	 */
	SSL_set_options(ssl, SSL_OP_IGNORE_UNEXPECTED_EOF);
	bev = bufferevent_openssl_socket_new(srv->base, fd, ssl, BUFFEREVENT_SSL_ACCEPTING,
	                                     BEV_OPT_CLOSE_ON_FREE | BEV_OPT_DEFER_CALLBACKS);
	if (!bev) {
		/* libevent freed the SSL; the socket is still ours. */
		ck_warn(LOG, "cannot create a TLS connection");
		evutil_closesocket(fd);
		return;
	}
	bufferevent_openssl_set_allow_dirty_shutdown(bev, 1);
	conn = ck_xcalloc(1, sizeof(*conn));
	conn->srv = srv;
	conn->bev = bev;
	conn->ssl = ssl;
	conn->fd = fd;
	conn->timer = evtimer_new(srv->base, conn_timer_cb, conn);
	CK_BUG_ON(!conn->timer);
	format_remote(sa, conn->remote, sizeof(conn->remote));
	conn->next = srv->conns;
	if (srv->conns)
		srv->conns->prev = conn;
	srv->conns = conn;
	srv->nconns++;
	bufferevent_setcb(bev, conn_read_cb, conn_write_cb, conn_event_cb, conn);
	/* Bounds what a client can make us buffer while we are not parsing (pipelining). */
	bufferevent_setwatermark(bev, EV_READ, 0, srv->max_header + READ_SLACK);
	bufferevent_enable(bev, EV_READ | EV_WRITE);
	conn->state = HTTP_CONN_HANDSHAKE;
	timer_arm(conn->timer, srv->handshake_ms);
}

static void accept_error_cb(struct evconnlistener *lev, void *arg)
{
	struct ck_http_server *srv = arg;
	int e = EVUTIL_SOCKET_ERROR();

	ck_warn(LOG, "cannot accept a connection on port %u: %s", srv->port, strerror(e));
	if (e == EMFILE || e == ENFILE || e == ENOBUFS || e == ENOMEM) {
		/* The socket stays readable: without a pause this would spin. */
		evconnlistener_disable(lev);
		timer_arm(srv->accept_retry, ACCEPT_RETRY_MS);
	}
}

static void accept_retry_cb(evutil_socket_t fd, short what, void *arg)
{
	struct ck_http_server *srv = arg;

	(void)fd, (void)what;
	if (srv->listener)
		evconnlistener_enable(srv->listener);
}

static void stopped_cb(evutil_socket_t fd, short what, void *arg)
{
	struct ck_http_server *srv = arg;
	ck_http_stopped_fn *cb = srv->stopped_cb;

	(void)fd, (void)what;
	if (!srv->stopping || srv->nconns || !cb || srv->owner_gone)
		return;
	srv->stopped_cb = NULL;
	cb(srv, srv->stopped_arg);
}

/*
 * K8S (reference §7): kubectl offers ["h2", "http/1.1"]; selecting h2 without speaking it
 * breaks every request. Select http/1.1 when offered, otherwise no protocol at all.
 */
static int alpn_select(SSL *ssl, const unsigned char **out, unsigned char *outlen,
                       const unsigned char *in, unsigned int inlen, void *arg)
{
	unsigned int i = 0;

	(void)ssl, (void)arg;
	while (i < inlen) {
		unsigned int len = in[i];

		if (i + 1 + len > inlen)
			break;
		if (len == 8 && !memcmp(in + i + 1, "http/1.1", 8)) {
			*out = in + i + 1;
			*outlen = 8;
			return SSL_TLSEXT_ERR_OK;
		}
		i += 1 + len;
	}
	return SSL_TLSEXT_ERR_NOACK;
}

static pthread_once_t sigpipe_once = PTHREAD_ONCE_INIT;

static void ignore_sigpipe(void)
{
	struct sigaction sa;

	/* A write to a socket the client closed must be an error, not the end of the process. */
	if (sigaction(SIGPIPE, NULL, &sa) == 0 && sa.sa_handler == SIG_DFL)
		signal(SIGPIPE, SIG_IGN);
}

static int parse_address(const char *address, uint16_t port, struct sockaddr_storage *ss,
                         socklen_t *len)
{
	struct sockaddr_in *s4 = (struct sockaddr_in *)ss;
	struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)ss;
	char buf[INET6_ADDRSTRLEN + 2];
	size_t n = strlen(address);

	memset(ss, 0, sizeof(*ss));
	if (inet_pton(AF_INET, address, &s4->sin_addr) == 1) {
		s4->sin_family = AF_INET;
		s4->sin_port = htons(port);
		*len = sizeof(*s4);
		return 0;
	}
	if (n >= 2 && address[0] == '[' && address[n - 1] == ']' && n - 2 < sizeof(buf)) {
		memcpy(buf, address + 1, n - 2);
		buf[n - 2] = '\0';
		address = buf;
	}
	if (inet_pton(AF_INET6, address, &s6->sin6_addr) == 1) {
		s6->sin6_family = AF_INET6;
		s6->sin6_port = htons(port);
		*len = sizeof(*s6);
		return 0;
	}
	return -1;
}

static int positive_or(int v, int dflt)
{
	return v > 0 ? v : dflt;
}

int ck_http_server_new(struct event_base *base, const struct ck_http_server_config *cfg,
                       struct ck_http_server **out, struct ck_error **err)
{
	struct ck_http_server *srv;
	struct sockaddr_storage ss;
	socklen_t sslen;
	int e;

	if (!base || !cfg || !cfg->address || !cfg->ssl_ctx || !cfg->handler)
		return ck_error_set(err, 400, CK_REASON_BAD_REQUEST,
		                    "http server: address, TLS context and handler are required");
	if (cfg->idle_timeout_ms < 0 || cfg->header_timeout_ms < 0 || cfg->body_timeout_ms < 0 ||
	    cfg->write_timeout_ms < 0 || cfg->handshake_timeout_ms < 0 || cfg->backlog < 0)
		return ck_error_set(err, 400, CK_REASON_BAD_REQUEST,
		                    "http server: negative timeout or backlog");
	if (parse_address(cfg->address, cfg->port, &ss, &sslen) < 0)
		return ck_error_set(err, 400, CK_REASON_BAD_REQUEST,
		                    "cannot listen on '%s': not an IP address", cfg->address);
	pthread_once(&sigpipe_once, ignore_sigpipe);

	srv = ck_xcalloc(1, sizeof(*srv));
	srv->base = base;
	srv->handler = cfg->handler;
	srv->format_error = cfg->format_error;
	srv->on_request = cfg->on_request;
	srv->arg = cfg->arg;
	srv->max_body = cfg->max_body_bytes ? cfg->max_body_bytes : CK_HTTP_DEFAULT_MAX_BODY;
	srv->authenticated_bodies = cfg->authenticated_bodies;
	srv->max_header =
	        cfg->max_header_bytes ? cfg->max_header_bytes : CK_HTTP_DEFAULT_MAX_HEADER;
	srv->idle_ms = positive_or(cfg->idle_timeout_ms, CK_HTTP_DEFAULT_IDLE_MS);
	srv->header_ms = positive_or(cfg->header_timeout_ms, CK_HTTP_DEFAULT_HEADER_MS);
	srv->body_ms = positive_or(cfg->body_timeout_ms, CK_HTTP_DEFAULT_BODY_MS);
	srv->write_ms = positive_or(cfg->write_timeout_ms, CK_HTTP_DEFAULT_WRITE_MS);
	srv->handshake_ms = positive_or(cfg->handshake_timeout_ms, CK_HTTP_DEFAULT_HANDSHAKE_MS);
	srv->refs = 1;

	srv->listener = evconnlistener_new_bind(
	        base, accept_cb, srv,
	        LEV_OPT_CLOSE_ON_FREE | LEV_OPT_CLOSE_ON_EXEC | LEV_OPT_REUSEABLE,
	        positive_or(cfg->backlog, 511), (struct sockaddr *)&ss, (int)sslen);
	if (!srv->listener) {
		e = errno;
		free(srv);
		return ck_error_set_errno(err, e, "cannot listen on '%s' port %u", cfg->address,
		                          cfg->port);
	}
	sslen = sizeof(ss);
	if (getsockname(evconnlistener_get_fd(srv->listener), (struct sockaddr *)&ss, &sslen) < 0) {
		e = errno;
		evconnlistener_free(srv->listener);
		free(srv);
		return ck_error_set_errno(err, e, "cannot read the address of '%s'", cfg->address);
	}
	srv->port = ntohs(ss.ss_family == AF_INET6 ? ((struct sockaddr_in6 *)&ss)->sin6_port
	                                           : ((struct sockaddr_in *)&ss)->sin_port);
	evconnlistener_set_error_cb(srv->listener, accept_error_cb);
	srv->accept_retry = evtimer_new(base, accept_retry_cb, srv);
	srv->stopped_ev = event_new(base, -1, 0, stopped_cb, srv);
	CK_BUG_ON(!srv->accept_retry || !srv->stopped_ev);

	SSL_CTX_up_ref(cfg->ssl_ctx);
	srv->ssl_ctx = cfg->ssl_ctx;
	SSL_CTX_set_alpn_select_cb(srv->ssl_ctx, alpn_select, NULL);
	ck_debug(LOG, "listening on %s port %u", cfg->address, srv->port);
	*out = srv;
	return 0;
}

/* ---- stopping --------------------------------------------------------------------- */

static void stop_conn(struct http_conn *conn)
{
	struct ck_http_server *srv = conn->srv;
	struct ck_http_request *req = conn->req;

	switch (conn->state) {
	case HTTP_CONN_HANDSHAKE:
		conn_kill(conn, CK_HTTP_CLOSE_STOP);
		break;
	case HTTP_CONN_IDLE:
		conn_close_graceful(conn);
		break;
	case HTTP_CONN_STREAM:
		conn->close_after = true;
		if (req->on_close && !req->close_notified) {
			/* The stream is still writable here: a last event, then the end. */
			req->close_notified = true;
			srv->cb_depth++;
			req->on_close(req, CK_HTTP_CLOSE_STOP, req->close_arg);
			srv->cb_depth--;
		}
		if (!conn->dead && conn->req == req && conn->state == HTTP_CONN_STREAM)
			http_stream_wire_end(req);
		break;
	case HTTP_CONN_LINGER:
		break;
	case HTTP_CONN_HEAD:
	case HTTP_CONN_BODY:
	case HTTP_CONN_HANDLER:
	case HTTP_CONN_FLUSH:
	default:
		/* Let the request in progress finish; its response closes the connection. */
		conn->close_after = true;
		break;
	}
}

void ck_http_server_stop(struct ck_http_server *srv, ck_http_stopped_fn *done, void *arg)
{
	struct http_conn **all, *c;
	size_t n = 0, i;

	srv->stopped_cb = done;
	srv->stopped_arg = arg;
	if (srv->stopping) {
		if (!srv->nconns)
			event_active(srv->stopped_ev, EV_TIMEOUT, 0);
		return;
	}
	srv->stopping = true;
	if (srv->listener) {
		evconnlistener_free(srv->listener);
		srv->listener = NULL;
	}
	evtimer_del(srv->accept_retry);
	/* Callbacks below may end other connections: hold them all while we walk. */
	all = ck_xcalloc(srv->nconns + 1, sizeof(*all));
	for (c = srv->conns; c; c = c->next) {
		conn_enter(c);
		all[n++] = c;
	}
	for (i = 0; i < n; i++)
		if (!all[i]->dead)
			stop_conn(all[i]);
	for (i = 0; i < n; i++)
		conn_leave(all[i]);
	free(all);
	if (!srv->nconns)
		event_active(srv->stopped_ev, EV_TIMEOUT, 0);
}

void ck_http_server_free(struct ck_http_server *srv)
{
	if (!srv)
		return;
	/* Not from one of its own callbacks: the connection calling it would be freed under it. */
	CK_BUG_ON(srv->cb_depth);
	if (!srv->stopping)
		ck_http_server_stop(srv, NULL, NULL);
	srv->stopped_cb = NULL;
	srv->owner_gone = true;
	while (srv->conns) {
		CK_BUG_ON(srv->conns->dead);
		conn_kill(srv->conns, CK_HTTP_CLOSE_STOP);
	}
	event_free(srv->accept_retry);
	event_free(srv->stopped_ev);
	srv->accept_retry = srv->stopped_ev = NULL;
	SSL_CTX_free(srv->ssl_ctx);
	srv->ssl_ctx = NULL;
	http_server_unref(srv);
}
