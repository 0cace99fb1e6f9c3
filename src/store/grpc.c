/*
 * gRPC over HTTP/2 (grpc.h) on libevent bufferevents (bufferevent_openssl for TLS), with
 * libnghttp2 driven through its in-memory interface: bytes read from the bufferevent go to
 * nghttp2_session_mem_recv, and what nghttp2_session_mem_send produces goes to the
 * bufferevent's output.
 *
 * A channel (ck_grpc_conn) has at most one current session (grpc_sess: one TCP or TLS
 * connection and its nghttp2 session). A session that received GOAWAY keeps serving its
 * surviving streams ("draining") while new calls go to a new current session; a session
 * that failed or closed is dead and freed from the loop once no callback of its is on the
 * stack.
 *
 * Re-entrancy rules, which keep nghttp2 and the caller's callbacks apart:
 *  - nghttp2's callbacks only record what happened (bytes into the call, status, close)
 *    and put the call on the channel's ready list; they never run a caller's callback.
 *  - Callers' callbacks run only from conn_deliver, which runs from libevent callbacks at
 *    the top of the loop (after nghttp2 returned) or from the channel's deliver event,
 *    activated when something completes inside a public call. So no callback runs inside
 *    a public call, and a callback may call any public function (cancel included).
 *  - Public functions never call nghttp2_session_mem_send: they submit and activate the
 *    session's flush event, so nghttp2 is never entered from inside its own callbacks.
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/queue.h>
#include <sys/socket.h>

#include <event2/buffer.h>
#include <event2/bufferevent.h>
#include <event2/bufferevent_ssl.h>
#include <event2/dns.h>
#include <event2/event.h>
#include <event2/http.h>
#include <event2/util.h>
#include <nghttp2/nghttp2.h>
#include <openssl/err.h>
#include <openssl/ssl.h>

#include "base/compat.h"

#include "base/buf.h"
#include "base/log.h"
#include "base/mem.h"
#include "base/time.h"
#include "pki/pki.h"
#include "store/grpc.h"

#define GRPC_LOG "grpc"

#define GRPC_DEFAULT_MAX_MESSAGE ((size_t)64 << 20)
#define GRPC_DEFAULT_WINDOW      ((uint32_t)16 << 20)
/* Reconnect back-off after failed connection attempts: 50 ms doubling up to 1 s. */
#define GRPC_BACKOFF_MIN_MS 50
#define GRPC_BACKOFF_MAX_MS 1000
/* nghttp2 output is pulled only while less than this waits in the socket's buffer. */
#define GRPC_OUT_HIGH ((size_t)1 << 20)
/* A connection idle this long is checked for a close by the server before it is used. */
#define GRPC_IDLE_CHECK_MS 50
/* gRPC's message prefix: compressed flag, 4-byte big-endian length. */
#define GRPC_PREFIX 5

struct grpc_sess;
TAILQ_HEAD(grpc_call_list, ck_grpc_call);
TAILQ_HEAD(grpc_sess_list, grpc_sess);

enum call_state {
	CALL_WAITING, /* in conn->waitq: no session to go to yet (reconnect back-off) */
	CALL_OPEN,    /* a stream of sess */
	CALL_DONE,    /* ended; its final callback is due (in conn->ready) */
};

struct ck_grpc_call {
	struct ck_grpc_conn *conn;
	enum call_state state;
	bool is_stream;
	bool send_closed; /* no more request messages: END_STREAM once out is sent */
	bool deferred;    /* nghttp2 waits for nghttp2_session_resume_data */
	bool unprocessed; /* the server certainly did not see it */
	bool cancelled;   /* freed once no callback of it is on the stack */
	bool finished;    /* the final callback has begun */
	bool in_ready;
	bool linked; /* in conn->calls */
	int in_cb;
	char *path;
	int deadline_ms; /* 0: none */
	struct event *timer;
	struct grpc_sess *sess; /* CALL_OPEN */
	int32_t stream_id;
	struct ck_buf out; /* framed request bytes not yet taken by nghttp2 */
	size_t out_off;
	struct ck_buf in; /* response bytes: [in_off, scan_off) complete, undelivered messages */
	size_t in_off, scan_off;
	size_t n_msgs; /* complete response messages seen */
	int http_status;
	int grpc_status; /* from the headers or trailers; -1 until then */
	char *grpc_message;
	int end_status;       /* CALL_DONE: the status to report */
	struct ck_error *err; /* CALL_DONE: the error to report, or NULL */
	ck_grpc_unary_fn *done;
	ck_grpc_msg_fn *on_msg;
	ck_grpc_end_fn *on_end;
	void *arg;
	TAILQ_ENTRY(ck_grpc_call) link;       /* conn->calls */
	TAILQ_ENTRY(ck_grpc_call) q_link;     /* sess->calls or conn->waitq */
	TAILQ_ENTRY(ck_grpc_call) ready_link; /* conn->ready */
};

struct grpc_sess {
	struct ck_grpc_conn *conn;
	nghttp2_session *h2;
	struct bufferevent *bev;
	struct event *flush_ev; /* deferred nghttp2 output, and a deferred connect failure */
	struct event *ping_timer;
	bool connected; /* TCP (and TLS) up */
	bool ready;     /* the server's SETTINGS arrived: it speaks HTTP/2 */
	bool draining;  /* GOAWAY received: no new streams */
	bool dead;
	bool ping_outstanding;
	int connect_errno; /* the connect failed at once: reported from flush_ev */
	char tls_alert[64]; /* the first fatal TLS alert the server sent */
	int64_t active_at;  /* monotonic ms of the last read */
	int busy;          /* callbacks of this session on the stack */
	struct grpc_call_list calls;
	TAILQ_ENTRY(grpc_sess) link; /* conn->sessions */
};

struct ck_grpc_conn {
	struct event_base *base;
	char *endpoint;
	char *host; /* without IPv6 brackets */
	char *authority;
	int port;
	bool tls;
	bool host_is_ip;
	SSL_CTX *ssl_ctx;
	struct evdns_base *dns; /* for host names, made on first use */
	size_t max_message;
	uint32_t window;
	int keepalive_ms;
	nghttp2_nv *meta; /* cfg->metadata, copied */
	size_t n_meta;
	struct grpc_sess *sess;         /* the current session, or NULL */
	struct grpc_sess_list sessions; /* every session not yet freed (current, draining, dead) */
	struct grpc_call_list calls;    /* every call not yet freed */
	struct grpc_call_list waitq;
	struct grpc_call_list ready;
	struct event *deliver_ev;
	struct event *connect_timer; /* the end of the back-off, for waitq */
	int fails;                   /* connection attempts failed in a row */
	int64_t next_connect_at;     /* monotonic ms; 0: now */
	int cb_depth;
	bool closing; /* ck_grpc_conn_free is running */
	struct ck_grpc_stats st;
};

static void conn_deliver(struct ck_grpc_conn *conn);
static void call_route(struct ck_grpc_call *call);
static void sess_fail(struct grpc_sess *sess, const char *why);

/* ---- status mapping ------------------------------------------------------------------- */

int ck_grpc_status_http(int grpc_status, const char **reason)
{
	int status;

	switch (grpc_status) {
	case CK_GRPC_OK:
		status = 200;
		break;
	case CK_GRPC_CANCELLED:
	case CK_GRPC_UNAVAILABLE:
		status = 503;
		break;
	case CK_GRPC_DEADLINE_EXCEEDED:
		status = 504;
		break;
	case CK_GRPC_INVALID_ARGUMENT:
	case CK_GRPC_OUT_OF_RANGE:
		status = 400;
		break;
	case CK_GRPC_NOT_FOUND:
		status = 404;
		break;
	case CK_GRPC_ALREADY_EXISTS:
	case CK_GRPC_FAILED_PRECONDITION:
	case CK_GRPC_ABORTED:
		status = 409;
		break;
	case CK_GRPC_PERMISSION_DENIED:
		status = 403;
		break;
	case CK_GRPC_UNAUTHENTICATED:
		status = 401;
		break;
	case CK_GRPC_RESOURCE_EXHAUSTED:
		status = 429;
		break;
	default:
		status = 500;
		break;
	}
	if (reason)
		*reason = ck_error_reason_for(status);
	return status;
}

/* grpc-message is percent-encoded (PROTOCOL-HTTP2.md); malformed escapes stay as they are. */
static char *percent_decode(const uint8_t *v, size_t len)
{
	char *out = ck_xmalloc(len + 1), *o = out;

	for (size_t i = 0; i < len; i++) {
		if (v[i] == '%' && i + 2 < len && isxdigit(v[i + 1]) && isxdigit(v[i + 2])) {
			char hex[3] = {(char)v[i + 1], (char)v[i + 2], '\0'};

			*o++ = (char)strtol(hex, NULL, 16);
			i += 2;
		} else {
			*o++ = (char)v[i];
		}
	}
	*o = '\0';
	return out;
}

/* ---- calls ---------------------------------------------------------------------------- */

static void call_timer_cb(evutil_socket_t fd, short what, void *arg);

static struct ck_grpc_call *call_new(struct ck_grpc_conn *conn, const char *path, bool is_stream)
{
	struct ck_grpc_call *call = ck_xcalloc(1, sizeof(*call));

	CK_BUG_ON(!path || path[0] != '/');
	call->conn = conn;
	call->is_stream = is_stream;
	call->path = ck_xstrdup(path);
	call->grpc_status = -1;
	ck_buf_init(&call->out, 0);
	ck_buf_init(&call->in, 0);
	call->timer = evtimer_new(conn->base, call_timer_cb, call);
	CK_BUG_ON(!call->timer);
	TAILQ_INSERT_TAIL(&conn->calls, call, link);
	call->linked = true;
	conn->st.calls++;
	return call;
}

static void call_free(struct ck_grpc_call *call)
{
	struct ck_grpc_conn *conn = call->conn;

	CK_BUG_ON(call->in_cb || call->in_ready || call->sess);
	if (call->linked)
		TAILQ_REMOVE(&conn->calls, call, link);
	event_free(call->timer);
	ck_buf_release(&call->out);
	ck_buf_release(&call->in);
	ck_error_free(call->err);
	free(call->grpc_message);
	free(call->path);
	free(call);
}

/* Append msg with gRPC's prefix (not compressed, big-endian length). */
static void frame_message(struct ck_buf *b, const void *msg, size_t len)
{
	unsigned char hdr[GRPC_PREFIX] = {0, (unsigned char)(len >> 24), (unsigned char)(len >> 16),
	                                  (unsigned char)(len >> 8), (unsigned char)len};

	ck_buf_add(b, hdr, sizeof(hdr));
	if (len)
		ck_buf_add(b, msg, len);
}

static size_t prefix_len(const char *p)
{
	const unsigned char *u = (const unsigned char *)p;

	return (size_t)u[1] << 24 | (size_t)u[2] << 16 | (size_t)u[3] << 8 | u[4];
}

/* Take call off its session or the wait queue (the stream stays open unless reset). */
static void call_detach(struct ck_grpc_call *call, bool reset)
{
	struct ck_grpc_conn *conn = call->conn;
	struct grpc_sess *sess = call->sess;

	if (call->state == CALL_WAITING) {
		TAILQ_REMOVE(&conn->waitq, call, q_link);
		conn->st.calls_waiting--;
	} else if (sess) {
		TAILQ_REMOVE(&sess->calls, call, q_link);
		conn->st.streams_active--;
		if (!sess->dead) {
			nghttp2_session_set_stream_user_data(sess->h2, call->stream_id, NULL);
			if (reset) {
				nghttp2_submit_rst_stream(sess->h2, NGHTTP2_FLAG_NONE,
				                          call->stream_id, NGHTTP2_CANCEL);
				event_active(sess->flush_ev, EV_TIMEOUT, 0);
			}
		}
		call->sess = NULL;
		call->stream_id = 0;
	}
}

/* The call has ended: its final callback runs from conn_deliver. */
static void call_end(struct ck_grpc_call *call)
{
	struct ck_grpc_conn *conn = call->conn;

	call->state = CALL_DONE;
	event_del(call->timer);
	if (!call->in_ready) {
		TAILQ_INSERT_TAIL(&conn->ready, call, ready_link);
		call->in_ready = true;
	}
	event_active(conn->deliver_ev, EV_TIMEOUT, 0);
}

/* A complete message may be delivered: queue the (open) stream for conn_deliver. */
static void call_ready(struct ck_grpc_call *call)
{
	struct ck_grpc_conn *conn = call->conn;

	if (call->in_ready)
		return;
	TAILQ_INSERT_TAIL(&conn->ready, call, ready_link);
	call->in_ready = true;
	event_active(conn->deliver_ev, EV_TIMEOUT, 0);
}

/* Record the outcome: status code and an error (none for OK). Keeps an earlier failure. */
static void call_set_outcome(struct ck_grpc_call *call, int code, int http_status,
                             const char *reason, const char *fmt, ...)
        __attribute__((format(printf, 5, 6)));

static void call_set_outcome(struct ck_grpc_call *call, int code, int http_status,
                             const char *reason, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	if (call->err)
		return;
	call->end_status = code;
	if (code == CK_GRPC_OK)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	ck_error_set(&call->err, http_status, reason, "grpc %s at %s: %s", call->path,
	             call->conn->endpoint, msg);
}

/* End call with a transport failure (not from the server's status). */
static void call_fail(struct ck_grpc_call *call, int code, int http_status, const char *reason,
                      bool reset, const char *msg)
{
	call_set_outcome(call, code, http_status, reason, "%s", msg);
	call_detach(call, reset);
	call_end(call);
}

/*
 * Run what is due for call: its complete messages (streams), then its final callback when
 * it has ended. Frees it when it is finished or cancelled and no callback of it is running.
 */
static void call_deliver(struct ck_grpc_call *call)
{
	struct ck_grpc_conn *conn = call->conn;
	struct ck_error *err;

	call->in_cb++;
	conn->cb_depth++;
	while (call->is_stream && !call->cancelled && call->in_off < call->scan_off) {
		const char *p = call->in.data + call->in_off;
		size_t len = prefix_len(p);

		call->in_off += GRPC_PREFIX + len;
		if (call->on_msg)
			call->on_msg(call, p + GRPC_PREFIX, len, call->arg);
	}
	if (!call->cancelled && call->state == CALL_DONE && !call->finished) {
		const char *msg = call->grpc_message ? call->grpc_message : "";

		call->finished = true;
		err = ck_steal(&call->err);
		if (call->is_stream) {
			call->on_end(call, call->end_status, msg, err, call->arg);
		} else if (call->end_status == CK_GRPC_OK) {
			call->done(call, CK_GRPC_OK, msg, call->in.data + GRPC_PREFIX,
			           call->scan_off - GRPC_PREFIX, NULL, call->arg);
		} else {
			call->done(call, call->end_status, msg, NULL, 0, err, call->arg);
		}
	}
	conn->cb_depth--;
	call->in_cb--;
	if (call->in_cb)
		return;
	if (call->cancelled || call->finished) {
		call_free(call);
	} else if (call->in_off) {
		ck_buf_consume(&call->in, call->in_off);
		call->scan_off -= call->in_off;
		call->in_off = 0;
	}
}

/* Run every call's due callbacks, then free the sessions that died. From the loop only. */
static void conn_deliver(struct ck_grpc_conn *conn)
{
	struct ck_grpc_call *call;
	struct grpc_sess *sess, *next;

	while ((call = TAILQ_FIRST(&conn->ready)) != NULL) {
		TAILQ_REMOVE(&conn->ready, call, ready_link);
		call->in_ready = false;
		call_deliver(call);
	}
	for (sess = TAILQ_FIRST(&conn->sessions); sess; sess = next) {
		next = TAILQ_NEXT(sess, link);
		if (!sess->dead || sess->busy)
			continue;
		TAILQ_REMOVE(&conn->sessions, sess, link);
		CK_BUG_ON(!TAILQ_EMPTY(&sess->calls));
		nghttp2_session_del(sess->h2);
		bufferevent_free(sess->bev); /* closes the socket (and frees the SSL) */
		event_free(sess->flush_ev);
		if (sess->ping_timer)
			event_free(sess->ping_timer);
		free(sess);
	}
}

static void deliver_cb(evutil_socket_t fd, short what, void *arg)
{
	(void)fd, (void)what;
	conn_deliver(arg);
}

static void call_timer_cb(evutil_socket_t fd, short what, void *arg)
{
	struct ck_grpc_call *call = arg;
	char msg[96];

	(void)fd, (void)what;
	CK_BUG_ON(call->state == CALL_DONE);
	if (call->state == CALL_WAITING)
		call->unprocessed = true;
	snprintf(msg, sizeof(msg), "deadline of %d ms exceeded", call->deadline_ms);
	call_fail(call, CK_GRPC_DEADLINE_EXCEEDED, 504, CK_REASON_TIMEOUT, true, msg);
	conn_deliver(call->conn);
}

/*
 * The stream of call closed (nghttp2's stream close callback): work out the outcome from
 * the trailers, the framing and the HTTP/2 error code, and end the call.
 */
static void call_closed(struct ck_grpc_call *call, uint32_t error_code, bool reset)
{
	if (call->err) {
		/* Already failed here (a message too large): keep that. */
	} else if (call->grpc_status >= 0) {
		if (call->scan_off != call->in.len)
			call_set_outcome(call, CK_GRPC_INTERNAL, 500, CK_REASON_INTERNAL,
			                 "malformed reply: truncated message (%zu bytes left)",
			                 call->in.len - call->scan_off);
		else if (call->grpc_status != CK_GRPC_OK) {
			const char *reason = NULL;
			const char *m = call->grpc_message ? call->grpc_message : "";
			int http = ck_grpc_status_http(call->grpc_status, &reason);

			call_set_outcome(call, call->grpc_status, http, reason,
			                 "%s (grpc-status %d)", *m ? m : "no message",
			                 call->grpc_status);
		} else if (!call->is_stream && call->n_msgs != 1)
			call_set_outcome(call, CK_GRPC_INTERNAL, 500, CK_REASON_INTERNAL,
			                 "malformed reply: %zu response messages to a unary call",
			                 call->n_msgs);
		else
			call_set_outcome(call, CK_GRPC_OK, 200, NULL, "ok");
	} else if (error_code == NGHTTP2_REFUSED_STREAM) {
		/* Never processed (HTTP/2 §8.1.4): after GOAWAY, or over the server's limit. */
		call->unprocessed = true;
		call_set_outcome(call, CK_GRPC_UNAVAILABLE, 503, CK_REASON_UNAVAILABLE,
		                 "stream refused by the server");
	} else if (error_code == NGHTTP2_CANCEL) {
		call_set_outcome(call, CK_GRPC_CANCELLED, 503, CK_REASON_UNAVAILABLE,
		                 "stream cancelled by the server");
	} else if (error_code != NGHTTP2_NO_ERROR) {
		call_set_outcome(call, CK_GRPC_INTERNAL, 500, CK_REASON_INTERNAL,
		                 "stream reset by the server: %s",
		                 nghttp2_http2_strerror(error_code));
	} else if (call->http_status && call->http_status != 200) {
		/* Not a gRPC reply (a proxy, or not a gRPC server): gRPC's HTTP mapping. */
		int code = CK_GRPC_UNKNOWN, h = call->http_status;

		if (h == 400)
			code = CK_GRPC_INTERNAL;
		else if (h == 401)
			code = CK_GRPC_UNAUTHENTICATED;
		else if (h == 403)
			code = CK_GRPC_PERMISSION_DENIED;
		else if (h == 404)
			code = CK_GRPC_UNIMPLEMENTED;
		else if (h == 429 || h == 502 || h == 503 || h == 504)
			code = CK_GRPC_UNAVAILABLE;
		call_set_outcome(call, code, code == CK_GRPC_UNAVAILABLE ? 503 : 500, NULL,
		                 "HTTP %d without a gRPC status", h);
	} else {
		call_set_outcome(call, CK_GRPC_INTERNAL, 500, CK_REASON_INTERNAL,
		                 "malformed reply: no grpc-status");
	}
	call_detach(call, reset);
	call_end(call);
}

/* ---- nghttp2 callbacks (they only record; see the top of the file) -------------------- */

static ssize_t read_body(nghttp2_session *h2, int32_t id, uint8_t *buf, size_t length,
                         uint32_t *flags, nghttp2_data_source *src, void *user)
{
	struct ck_grpc_call *call = nghttp2_session_get_stream_user_data(h2, id);
	size_t n;

	(void)src, (void)user;
	if (!call)
		return NGHTTP2_ERR_DEFERRED; /* detached: its RST_STREAM follows */
	n = call->out.len - call->out_off;
	if (n > length)
		n = length;
	if (n) {
		memcpy(buf, call->out.data + call->out_off, n);
		call->out_off += n;
	}
	if (call->out_off == call->out.len) {
		ck_buf_reset(&call->out);
		call->out_off = 0;
		if (call->send_closed) {
			*flags |= NGHTTP2_DATA_FLAG_EOF;
		} else if (!n) {
			call->deferred = true;
			return NGHTTP2_ERR_DEFERRED;
		}
	}
	return (ssize_t)n;
}

static bool name_is(const uint8_t *name, size_t len, const char *s)
{
	return len == strlen(s) && !memcmp(name, s, len);
}

static int on_header(nghttp2_session *h2, const nghttp2_frame *frame, const uint8_t *name,
                     size_t namelen, const uint8_t *value, size_t valuelen, uint8_t flags,
                     void *user)
{
	struct ck_grpc_call *call;

	(void)flags, (void)user;
	if (frame->hd.type != NGHTTP2_HEADERS)
		return 0;
	call = nghttp2_session_get_stream_user_data(h2, frame->hd.stream_id);
	if (!call)
		return 0;
	/* nghttp2 NUL-terminates values. */
	if (name_is(name, namelen, ":status")) {
		int64_t v;

		call->http_status =
		        ck_str_to_int64((const char *)value, 100, 999, &v) == 0 ? (int)v : 0;
	} else if (name_is(name, namelen, "grpc-status")) {
		int64_t v;

		if (ck_str_to_int64((const char *)value, 0, 1000, &v) == 0)
			call->grpc_status = (int)v;
		else
			call->grpc_status = CK_GRPC_UNKNOWN;
	} else if (name_is(name, namelen, "grpc-message")) {
		free(call->grpc_message);
		call->grpc_message = percent_decode(value, valuelen);
	}
	return 0;
}

static int on_data_chunk(nghttp2_session *h2, uint8_t flags, int32_t id, const uint8_t *data,
                         size_t len, void *user)
{
	struct ck_grpc_call *call = nghttp2_session_get_stream_user_data(h2, id);
	struct grpc_sess *sess = user;
	struct ck_grpc_conn *conn = sess->conn;
	bool complete = false;

	(void)flags;
	if (!call || call->err)
		return 0;
	ck_buf_add(&call->in, data, len);
	while (call->in.len - call->scan_off >= GRPC_PREFIX) {
		const char *p = call->in.data + call->scan_off;
		size_t mlen = prefix_len(p);

		if (p[0] != 0) {
			/* We never offer grpc-accept-encoding: a compressed message is a bug. */
			call_set_outcome(call, CK_GRPC_INTERNAL, 500, CK_REASON_INTERNAL,
			                 "malformed reply: compressed message (flag %d)", p[0]);
		} else if (mlen > conn->max_message) {
			call_set_outcome(
			        call, CK_GRPC_RESOURCE_EXHAUSTED, 500, CK_REASON_INTERNAL,
			        "reply message of %zu bytes is larger than the %zu allowed", mlen,
			        conn->max_message);
		}
		if (call->err) {
			ck_buf_release(&call->in);
			call->in_off = call->scan_off = 0;
			nghttp2_submit_rst_stream(h2, NGHTTP2_FLAG_NONE, id, NGHTTP2_CANCEL);
			return 0;
		}
		if (call->in.len - call->scan_off < GRPC_PREFIX + mlen)
			break;
		call->scan_off += GRPC_PREFIX + mlen;
		call->n_msgs++;
		complete = true;
	}
	if (complete && call->is_stream)
		call_ready(call);
	return 0;
}

static int on_stream_close(nghttp2_session *h2, int32_t id, uint32_t error_code, void *user)
{
	struct ck_grpc_call *call = nghttp2_session_get_stream_user_data(h2, id);

	(void)user;
	if (call)
		call_closed(call, error_code, false);
	return 0;
}

static int on_frame_recv(nghttp2_session *h2, const nghttp2_frame *frame, void *user)
{
	struct grpc_sess *sess = user;
	struct ck_grpc_conn *conn = sess->conn;

	switch (frame->hd.type) {
	case NGHTTP2_HEADERS:
	case NGHTTP2_DATA: {
		struct ck_grpc_call *call =
		        nghttp2_session_get_stream_user_data(h2, frame->hd.stream_id);

		/*
		 * The server ended its side while ours is open (a stream's trailers, or a
		 * stranger's reply): the call is over, as gRPC says, whether or not the
		 * RST_STREAM grpc-go sends next arrives. Reset it so that nothing waits.
		 */
		if (call && (frame->hd.flags & NGHTTP2_FLAG_END_STREAM) &&
		    !nghttp2_session_get_stream_local_close(h2, frame->hd.stream_id))
			call_closed(call, NGHTTP2_NO_ERROR, true);
		break;
	}
	case NGHTTP2_SETTINGS:
		if (!(frame->hd.flags & NGHTTP2_FLAG_ACK) && !sess->ready) {
			sess->ready = true;
			conn->st.connected++;
			conn->fails = 0;
			conn->next_connect_at = 0;
		}
		break;
	case NGHTTP2_GOAWAY:
		/* nghttp2 closes the streams above last_stream_id with REFUSED_STREAM itself. */
		conn->st.goaways++;
		sess->draining = true;
		if (conn->sess == sess)
			conn->sess = NULL;
		ck_debug(GRPC_LOG, "%s: GOAWAY (last stream %d, %s)", conn->endpoint,
		         frame->goaway.last_stream_id,
		         nghttp2_http2_strerror(frame->goaway.error_code));
		break;
	case NGHTTP2_PING:
		if (frame->hd.flags & NGHTTP2_FLAG_ACK)
			sess->ping_outstanding = false;
		break;
	default:
		break;
	}
	return 0;
}

/* ---- sessions ------------------------------------------------------------------------- */

/* Hand nghttp2's pending output to the socket, as much as the buffer allows. */
static void sess_flush(struct grpc_sess *sess)
{
	struct ck_grpc_conn *conn = sess->conn;
	struct evbuffer *out = bufferevent_get_output(sess->bev);

	while (!sess->dead && evbuffer_get_length(out) < GRPC_OUT_HIGH) {
		const uint8_t *data;
		ssize_t n = nghttp2_session_mem_send(sess->h2, &data);

		if (n < 0) {
			char why[96];

			snprintf(why, sizeof(why), "HTTP/2 error: %s", nghttp2_strerror((int)n));
			sess_fail(sess, why);
			return;
		}
		if (n == 0)
			break;
		evbuffer_add(out, data, (size_t)n);
		conn->st.bytes_sent += (uint64_t)n;
	}
	if (sess->dead)
		return;
	/* A draining session retires when its last stream is gone. */
	if (sess->draining && TAILQ_EMPTY(&sess->calls)) {
		sess_fail(sess, "connection closed after GOAWAY");
		return;
	}
	if (!nghttp2_session_want_read(sess->h2) && !nghttp2_session_want_write(sess->h2))
		sess_fail(sess, "HTTP/2 session ended");
}

static void sess_kill(struct grpc_sess *sess)
{
	struct ck_grpc_conn *conn = sess->conn;

	if (sess->dead)
		return;
	sess->dead = true;
	if (conn->sess == sess)
		conn->sess = NULL;
	bufferevent_disable(sess->bev, EV_READ | EV_WRITE);
	if (sess->ping_timer)
		event_del(sess->ping_timer);
	event_del(sess->flush_ev);
	event_active(conn->deliver_ev, EV_TIMEOUT, 0);
}

static int backoff_ms(int fails)
{
	int ms = GRPC_BACKOFF_MIN_MS;

	while (--fails > 0 && ms < GRPC_BACKOFF_MAX_MS)
		ms *= 2;
	return ms < GRPC_BACKOFF_MAX_MS ? ms : GRPC_BACKOFF_MAX_MS;
}

/* The session failed or closed: end its calls with UNAVAILABLE and let it be freed. */
static void sess_fail(struct grpc_sess *sess, const char *why)
{
	struct ck_grpc_conn *conn = sess->conn;
	struct ck_grpc_call *call;
	char msg[400];

	if (sess->dead)
		return;
	if (!sess->ready) {
		conn->fails++;
		conn->next_connect_at = ck_time_mono_ms() + backoff_ms(conn->fails);
	}
	snprintf(msg, sizeof(msg), "%s: %s", sess->connected ? "connection lost" : "cannot connect",
	         why);
	ck_debug(GRPC_LOG, "%s: %s", conn->endpoint, msg);
	while ((call = TAILQ_FIRST(&sess->calls)) != NULL) {
		if (!sess->connected)
			call->unprocessed = true;
		call_fail(call, CK_GRPC_UNAVAILABLE, 503, CK_REASON_UNAVAILABLE, false, msg);
	}
	sess_kill(sess);
}

/*
 * Keep the server's fatal alert: with TLS 1.3 a refused client certificate arrives after
 * the handshake, and the bufferevent then reports only that the connection closed.
 */
static void tls_info_cb(const SSL *ssl, int where, int ret)
{
	struct grpc_sess *sess = SSL_get_app_data(ssl);

	if (sess && (where & SSL_CB_READ_ALERT) == SSL_CB_READ_ALERT && (ret >> 8) == SSL3_AL_FATAL &&
	    !sess->tls_alert[0])
		snprintf(sess->tls_alert, sizeof(sess->tls_alert), "%s",
		         SSL_alert_desc_string_long(ret));
}

/* Why the bufferevent failed: TLS verification, an OpenSSL error, or the socket's errno. */
static void sess_describe_error(struct grpc_sess *sess, short what, char *buf, size_t size)
{
	SSL *ssl = bufferevent_openssl_get_ssl(sess->bev);
	int sockerr = EVUTIL_SOCKET_ERROR();
	char tls[256] = "";
	unsigned long e;

	while (ssl && (e = bufferevent_get_openssl_error(sess->bev)) != 0)
		if (!tls[0] && ERR_GET_LIB(e))
			ERR_error_string_n(e, tls, sizeof(tls));
	ERR_clear_error();
	if (sess->tls_alert[0])
		snprintf(buf, size, "TLS alert from the server: %s", sess->tls_alert);
	else if (ssl && !sess->connected && SSL_get_verify_result(ssl) != X509_V_OK)
		snprintf(buf, size, "TLS certificate verify failed: %s",
		         X509_verify_cert_error_string(SSL_get_verify_result(ssl)));
	else if (tls[0])
		snprintf(buf, size, "TLS error: %s", tls);
	else if ((what & BEV_EVENT_EOF) || !sockerr)
		snprintf(buf, size, "connection closed");
	else
		snprintf(buf, size, "%s", evutil_socket_error_to_string(sockerr));
}

/* Feed what was read to nghttp2. */
static void sess_recv(struct grpc_sess *sess)
{
	struct evbuffer *in = bufferevent_get_input(sess->bev);
	size_t len;

	while (!sess->dead && (len = evbuffer_get_contiguous_space(in)) > 0) {
		const uint8_t *data = evbuffer_pullup(in, (ev_ssize_t)len);
		ssize_t n = nghttp2_session_mem_recv(sess->h2, data, len);

		if (n < 0) {
			char why[96];

			snprintf(why, sizeof(why), "HTTP/2 error: %s", nghttp2_strerror((int)n));
			sess_fail(sess, why);
			return;
		}
		sess->conn->st.bytes_received += (uint64_t)n;
		evbuffer_drain(in, (size_t)n);
	}
}

static void sess_readcb(struct bufferevent *bev, void *arg)
{
	struct grpc_sess *sess = arg;
	struct ck_grpc_conn *conn = sess->conn;

	(void)bev;
	if (sess->dead)
		return;
	sess->active_at = ck_time_mono_ms();
	sess->busy++;
	sess_recv(sess);
	if (!sess->dead)
		sess_flush(sess);
	sess->busy--;
	conn_deliver(conn);
}

static void sess_writecb(struct bufferevent *bev, void *arg)
{
	struct grpc_sess *sess = arg;
	struct ck_grpc_conn *conn = sess->conn;

	(void)bev;
	if (sess->dead || !nghttp2_session_want_write(sess->h2))
		return;
	sess->busy++;
	sess_flush(sess);
	sess->busy--;
	conn_deliver(conn);
}

static void sess_eventcb(struct bufferevent *bev, short what, void *arg)
{
	struct grpc_sess *sess = arg;
	struct ck_grpc_conn *conn = sess->conn;
	char why[320];

	if (sess->dead)
		return;
	sess->busy++;
	if (what & BEV_EVENT_CONNECTED) {
		evutil_socket_t fd = bufferevent_getfd(bev);
		SSL *ssl = bufferevent_openssl_get_ssl(bev);
		int one = 1;

		sess->connected = true;
		sess->active_at = ck_time_mono_ms();
		if (fd >= 0)
			setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
		if (ssl) {
			const unsigned char *proto = NULL;
			unsigned plen = 0;

			/* Go's servers may close without close_notify; HTTP/2 frames the data. */
			bufferevent_openssl_set_allow_dirty_shutdown(bev, 1);
			SSL_get0_alpn_selected(ssl, &proto, &plen);
			if (plen != 2 || memcmp(proto, "h2", 2)) {
				sess->connected = false; /* nothing was sent: not processed */
				sess_fail(sess, "the server does not offer HTTP/2 (ALPN h2)");
			}
		}
		if (!sess->dead)
			sess_flush(sess);
	} else if (what & (BEV_EVENT_EOF | BEV_EVENT_ERROR)) {
		sess_describe_error(sess, what, why, sizeof(why));
		/* Frames that arrived before the close still count (a GOAWAY, the last reply). */
		sess_recv(sess);
		sess_fail(sess, why);
	}
	sess->busy--;
	conn_deliver(conn);
}

static void sess_flush_cb(evutil_socket_t fd, short what, void *arg)
{
	struct grpc_sess *sess = arg;
	struct ck_grpc_conn *conn = sess->conn;

	(void)fd, (void)what;
	if (sess->dead)
		return;
	sess->busy++;
	if (sess->connect_errno)
		sess_fail(sess, evutil_socket_error_to_string(sess->connect_errno));
	else
		sess_flush(sess);
	sess->busy--;
	conn_deliver(conn);
}

static void sess_ping_cb(evutil_socket_t fd, short what, void *arg)
{
	struct grpc_sess *sess = arg;
	struct ck_grpc_conn *conn = sess->conn;

	(void)fd, (void)what;
	if (sess->dead)
		return;
	sess->busy++;
	if (sess->ping_outstanding) {
		char why[96];

		snprintf(why, sizeof(why), "keepalive ping not answered within %d ms",
		         conn->keepalive_ms);
		sess_fail(sess, why);
	} else if (sess->ready && !TAILQ_EMPTY(&sess->calls)) {
		nghttp2_submit_ping(sess->h2, NGHTTP2_FLAG_NONE, NULL);
		sess->ping_outstanding = true;
		sess_flush(sess);
	}
	if (!sess->dead)
		ck_time_event_add_ms(sess->ping_timer, conn->keepalive_ms);
	sess->busy--;
	conn_deliver(conn);
}

static nghttp2_session_callbacks *session_callbacks(void)
{
	nghttp2_session_callbacks *cbs;

	CK_BUG_ON(nghttp2_session_callbacks_new(&cbs) != 0);
	nghttp2_session_callbacks_set_on_header_callback(cbs, on_header);
	nghttp2_session_callbacks_set_on_data_chunk_recv_callback(cbs, on_data_chunk);
	nghttp2_session_callbacks_set_on_stream_close_callback(cbs, on_stream_close);
	nghttp2_session_callbacks_set_on_frame_recv_callback(cbs, on_frame_recv);
	return cbs;
}

/* A new session, connecting; a connect that fails at once is reported from the loop. */
static struct grpc_sess *sess_new(struct ck_grpc_conn *conn)
{
	struct grpc_sess *sess = ck_xcalloc(1, sizeof(*sess));
	nghttp2_session_callbacks *cbs = session_callbacks();
	nghttp2_option *opt;
	/* No server push; a big stream window so that large replies never wait for us. */
	nghttp2_settings_entry iv[] = {
	        {NGHTTP2_SETTINGS_ENABLE_PUSH, 0},
	        {NGHTTP2_SETTINGS_INITIAL_WINDOW_SIZE, conn->window},
	};
	int opts = BEV_OPT_CLOSE_ON_FREE | BEV_OPT_DEFER_CALLBACKS;
	int rc;

	sess->conn = conn;
	TAILQ_INIT(&sess->calls);
	CK_BUG_ON(nghttp2_option_new(&opt) != 0);
	/* gRPC servers allow unbounded streams (etcd: max uint32): do not cap at 100 first. */
	nghttp2_option_set_peer_max_concurrent_streams(opt, 1u << 20);
	CK_BUG_ON(nghttp2_session_client_new2(&sess->h2, cbs, sess, opt) != 0);
	nghttp2_option_del(opt);
	nghttp2_session_callbacks_del(cbs);
	nghttp2_submit_settings(sess->h2, NGHTTP2_FLAG_NONE, iv, CK_ARRAY_SIZE(iv));
	nghttp2_session_set_local_window_size(sess->h2, NGHTTP2_FLAG_NONE, 0,
	                                      (int32_t)conn->window);

	if (conn->tls) {
		SSL *ssl = SSL_new(conn->ssl_ctx);

		CK_BUG_ON(!ssl);
		SSL_set_app_data(ssl, sess);
		/* Checked in ck_grpc_conn_new: the host is not empty. */
		CK_BUG_ON(ck_pki_ssl_set_host(ssl, conn->host, NULL) < 0);
		sess->bev = bufferevent_openssl_socket_new(conn->base, -1, ssl,
		                                           BUFFEREVENT_SSL_CONNECTING, opts);
	} else {
		sess->bev = bufferevent_socket_new(conn->base, -1, opts);
	}
	CK_BUG_ON(!sess->bev);
	bufferevent_setcb(sess->bev, sess_readcb, sess_writecb, sess_eventcb, sess);
	bufferevent_enable(sess->bev, EV_READ | EV_WRITE);
	sess->flush_ev = event_new(conn->base, -1, 0, sess_flush_cb, sess);
	CK_BUG_ON(!sess->flush_ev);
	if (conn->keepalive_ms > 0) {
		sess->ping_timer = evtimer_new(conn->base, sess_ping_cb, sess);
		CK_BUG_ON(!sess->ping_timer);
		ck_time_event_add_ms(sess->ping_timer, conn->keepalive_ms);
	}
	TAILQ_INSERT_TAIL(&conn->sessions, sess, link);
	conn->st.connects++;

	errno = 0;
	if (conn->host_is_ip) {
		struct sockaddr_storage ss;
		int sslen = sizeof(ss);

		rc = evutil_parse_sockaddr_port(conn->authority, (struct sockaddr *)&ss, &sslen);
		CK_BUG_ON(rc < 0); /* checked in ck_grpc_conn_new */
		rc = bufferevent_socket_connect(sess->bev, (struct sockaddr *)&ss, sslen);
	} else {
		if (!conn->dns)
			conn->dns = evdns_base_new(conn->base, EVDNS_BASE_INITIALIZE_NAMESERVERS);
		rc = conn->dns ? bufferevent_socket_connect_hostname(
		                         sess->bev, conn->dns, AF_UNSPEC, conn->host, conn->port)
		               : -1;
	}
	if (rc < 0) {
		sess->connect_errno = errno ? errno : ECONNREFUSED;
		event_active(sess->flush_ev, EV_TIMEOUT, 0);
	}
	return sess;
}

/* ---- routing calls to sessions -------------------------------------------------------- */

static void connect_timer_cb(evutil_socket_t fd, short what, void *arg)
{
	struct ck_grpc_conn *conn = arg;
	struct ck_grpc_call *call;

	(void)fd, (void)what;
	while ((call = TAILQ_FIRST(&conn->waitq)) != NULL) {
		call_detach(call, false);
		call_route(call);
		if (call->state == CALL_WAITING)
			break; /* still backing off (a new failure meanwhile) */
	}
	conn_deliver(conn);
}

/* The session for a new stream: the current one, a new one, or NULL while backing off. */
/*
 * Whether sess, connected and without calls, is still open. A server that restarted
 * closed it while it sat idle; the loop notices only when it next reads (a private loop
 * may not have run since), and a call sent on it before then fails with an unknown
 * outcome: a write could not be repeated. One non-blocking peek avoids that.
 */
static bool sess_open(struct grpc_sess *sess, int64_t now)
{
	evutil_socket_t fd = bufferevent_getfd(sess->bev);
	char b;
	ssize_t r;

	if (!sess->connected || !TAILQ_EMPTY(&sess->calls) || fd < 0 ||
	    now - sess->active_at < GRPC_IDLE_CHECK_MS)
		return true;
	r = recv(fd, &b, 1, MSG_PEEK | MSG_DONTWAIT);
	/* Bytes waiting (a PING, SETTINGS, GOAWAY, a TLS ticket) are read by the loop. */
	return r > 0 || (r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR));
}

static struct grpc_sess *conn_session(struct ck_grpc_conn *conn)
{
	int64_t now = ck_time_mono_ms();

	if (conn->sess && !sess_open(conn->sess, now))
		sess_fail(conn->sess, "connection closed while idle");
	if (conn->sess)
		return conn->sess;
	if (conn->next_connect_at > now) {
		ck_time_event_add_ms(conn->connect_timer, conn->next_connect_at - now);
		return NULL;
	}
	conn->sess = sess_new(conn);
	return conn->sess;
}

/* Submit call's HEADERS (and body provider) on sess; false when sess cannot take it. */
static bool sess_submit(struct grpc_sess *sess, struct ck_grpc_call *call)
{
	struct ck_grpc_conn *conn = sess->conn;
	nghttp2_data_provider prd = {.source.ptr = call, .read_callback = read_body};
	nghttp2_nv nva[8 + 64];
	size_t n = 0;
	char timeout[24];
	int32_t id;

#define NV(k, v)                                                                                   \
	((nghttp2_nv){(uint8_t *)(k), (uint8_t *)(v), strlen(k), strlen(v), NGHTTP2_NV_FLAG_NONE})
	nva[n++] = NV(":method", "POST");
	nva[n++] = NV(":scheme", conn->tls ? "https" : "http");
	nva[n++] = NV(":path", call->path);
	nva[n++] = NV(":authority", conn->authority);
	nva[n++] = NV("content-type", "application/grpc");
	nva[n++] = NV("te", "trailers");
	if (call->deadline_ms > 0) {
		/* At most 8 digits (PROTOCOL-HTTP2.md). */
		if (call->deadline_ms <= 99999999)
			snprintf(timeout, sizeof(timeout), "%dm", call->deadline_ms);
		else
			snprintf(timeout, sizeof(timeout), "%dS", call->deadline_ms / 1000);
		nva[n++] = NV("grpc-timeout", timeout);
	}
#undef NV
	for (size_t i = 0; i < conn->n_meta && n < CK_ARRAY_SIZE(nva); i++)
		nva[n++] = conn->meta[i];
	id = nghttp2_submit_request(sess->h2, NULL, nva, n, &prd, call);
	if (id < 0) {
		ck_debug(GRPC_LOG, "%s: cannot start a stream: %s", conn->endpoint,
		         nghttp2_strerror(id));
		return false;
	}
	call->state = CALL_OPEN;
	call->sess = sess;
	call->stream_id = id;
	TAILQ_INSERT_TAIL(&sess->calls, call, q_link);
	conn->st.streams_active++;
	event_active(sess->flush_ev, EV_TIMEOUT, 0);
	return true;
}

/* Put call on a session, or in the wait queue while the channel backs off. */
static void call_route(struct ck_grpc_call *call)
{
	struct ck_grpc_conn *conn = call->conn;

	for (int tries = 0; tries < 2; tries++) {
		struct grpc_sess *sess = conn_session(conn);

		if (!sess) {
			call->state = CALL_WAITING;
			TAILQ_INSERT_TAIL(&conn->waitq, call, q_link);
			conn->st.calls_waiting++;
			return;
		}
		if (sess_submit(sess, call))
			return;
		/* Stream IDs used up, or the session is closing: a new one takes it. */
		sess->draining = true;
		if (conn->sess == sess)
			conn->sess = NULL;
		event_active(sess->flush_ev, EV_TIMEOUT, 0);
	}
	call->unprocessed = true;
	call_fail(call, CK_GRPC_UNAVAILABLE, 503, CK_REASON_UNAVAILABLE, false,
	          "cannot start a stream");
}

static void call_start(struct ck_grpc_call *call, int deadline_ms)
{
	if (call->conn->closing) {
		/* Started from a final callback run by ck_grpc_conn_free. */
		call->unprocessed = true;
		call_fail(call, CK_GRPC_UNAVAILABLE, 503, CK_REASON_UNAVAILABLE, false,
		          "channel closed");
		return;
	}
	call->deadline_ms = deadline_ms > 0 ? deadline_ms : 0;
	if (call->deadline_ms)
		ck_time_event_add_ms(call->timer, call->deadline_ms);
	call_route(call);
}

/* ---- public calls --------------------------------------------------------------------- */

struct ck_grpc_call *ck_grpc_unary(struct ck_grpc_conn *conn, const char *path, const void *req,
                                   size_t len, int deadline_ms, ck_grpc_unary_fn *done, void *arg)
{
	struct ck_grpc_call *call;

	CK_BUG_ON(!conn || !done || (len && !req));
	call = call_new(conn, path, false);
	call->done = done;
	call->arg = arg;
	frame_message(&call->out, req, len);
	call->send_closed = true;
	call_start(call, deadline_ms);
	return call;
}

struct ck_grpc_call *ck_grpc_stream_open(struct ck_grpc_conn *conn, const char *path,
                                         ck_grpc_msg_fn *on_msg, ck_grpc_end_fn *on_end, void *arg)
{
	struct ck_grpc_call *call;

	CK_BUG_ON(!conn || !on_end);
	call = call_new(conn, path, true);
	call->on_msg = on_msg;
	call->on_end = on_end;
	call->arg = arg;
	call_start(call, 0);
	return call;
}

/* Let nghttp2 take the request bytes queued on an open stream. */
static void call_kick(struct ck_grpc_call *call)
{
	if (call->state != CALL_OPEN)
		return;
	if (call->deferred) {
		call->deferred = false;
		nghttp2_session_resume_data(call->sess->h2, call->stream_id);
	}
	event_active(call->sess->flush_ev, EV_TIMEOUT, 0);
}

int ck_grpc_stream_send(struct ck_grpc_call *stream, const void *msg, size_t len,
                        struct ck_error **err)
{
	CK_BUG_ON(!stream || !stream->is_stream || (len && !msg));
	if (stream->cancelled || stream->state == CALL_DONE)
		return ck_error_set(err, 409, CK_REASON_CONFLICT, "grpc %s at %s: stream has ended",
		                    stream->path, stream->conn->endpoint);
	if (stream->send_closed)
		return ck_error_set(err, 409, CK_REASON_CONFLICT,
		                    "grpc %s at %s: request side already closed", stream->path,
		                    stream->conn->endpoint);
	frame_message(&stream->out, msg, len);
	call_kick(stream);
	return 0;
}

void ck_grpc_stream_close_send(struct ck_grpc_call *stream)
{
	CK_BUG_ON(!stream || !stream->is_stream);
	if (stream->send_closed || stream->cancelled || stream->state == CALL_DONE)
		return;
	stream->send_closed = true;
	call_kick(stream);
}

void ck_grpc_call_cancel(struct ck_grpc_call *call)
{
	if (!call || call->cancelled)
		return;
	call->cancelled = true;
	if (call->finished)
		return; /* inside its final callback: freed when that returns */
	event_del(call->timer);
	if (call->state != CALL_DONE)
		call_detach(call, true);
	if (call->in_ready) {
		TAILQ_REMOVE(&call->conn->ready, call, ready_link);
		call->in_ready = false;
	}
	if (!call->in_cb)
		call_free(call);
}

bool ck_grpc_call_unprocessed(const struct ck_grpc_call *call)
{
	return call->unprocessed;
}

/* ---- the channel ---------------------------------------------------------------------- */

static int ssl_error(struct ck_error **err, const char *what, const char *path)
{
	char buf[256] = "unknown error";
	unsigned long e = ERR_get_error();

	if (e)
		ERR_error_string_n(e, buf, sizeof(buf));
	ERR_clear_error();
	return ck_error_set(err, 400, NULL, "cannot %s '%s': %s", what, path ? path : "", buf);
}

static int make_ssl_ctx(struct ck_grpc_conn *conn, const struct ck_grpc_config *cfg,
                        struct ck_error **err)
{
	static const unsigned char alpn[] = "\x02h2";
	SSL_CTX *ctx;

	if (!cfg->cert_file != !cfg->key_file)
		return ck_error_set(err, 400, NULL,
		                    "grpc client certificate and key must be given together");
	ctx = SSL_CTX_new(TLS_client_method());
	if (!ctx)
		return ssl_error(err, "create a TLS context", NULL);
	conn->ssl_ctx = ctx;
	/* HTTP/2 requires TLS 1.2 or later (RFC 7540 §9.2). */
	SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
	SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, NULL);
	SSL_CTX_set_info_callback(ctx, tls_info_cb);
	SSL_CTX_set_alpn_protos(ctx, alpn, sizeof(alpn) - 1);
	if (cfg->ca_file) {
		if (SSL_CTX_load_verify_locations(ctx, cfg->ca_file, NULL) != 1)
			return ssl_error(err, "load grpc CA file", cfg->ca_file);
	} else if (SSL_CTX_set_default_verify_paths(ctx) != 1) {
		return ssl_error(err, "load the default CA paths", NULL);
	}
	if (cfg->cert_file) {
		if (SSL_CTX_use_certificate_chain_file(ctx, cfg->cert_file) != 1)
			return ssl_error(err, "load grpc client certificate", cfg->cert_file);
		if (SSL_CTX_use_PrivateKey_file(ctx, cfg->key_file, SSL_FILETYPE_PEM) != 1)
			return ssl_error(err, "load grpc client key", cfg->key_file);
		if (SSL_CTX_check_private_key(ctx) != 1)
			return ssl_error(err, "use grpc client key", cfg->key_file);
	}
	return 0;
}

static int parse_endpoint(struct ck_grpc_conn *conn, const char *url, struct ck_error **err)
{
	struct evhttp_uri *uri = url ? evhttp_uri_parse(url) : NULL;
	const char *scheme, *host, *path;
	unsigned char addr[sizeof(struct in6_addr)];
	size_t hlen;
	int port;

	if (!uri)
		return ck_error_set(err, 400, NULL, "invalid grpc endpoint '%s'", url ? url : "");
	scheme = evhttp_uri_get_scheme(uri);
	host = evhttp_uri_get_host(uri);
	path = evhttp_uri_get_path(uri);
	port = evhttp_uri_get_port(uri);
	if (!scheme || (strcmp(scheme, "http") && strcmp(scheme, "https")) || !host || !*host ||
	    port <= 0 || (path && *path && strcmp(path, "/")) || evhttp_uri_get_query(uri) ||
	    evhttp_uri_get_userinfo(uri)) {
		evhttp_uri_free(uri);
		return ck_error_set(err, 400, NULL,
		                    "invalid grpc endpoint '%s': expected http(s)://host:port",
		                    url);
	}
	conn->tls = !strcmp(scheme, "https");
	conn->port = port;
	hlen = strlen(host);
	if (host[0] == '[' && hlen > 2 && host[hlen - 1] == ']')
		conn->host = ck_xstrndup(host + 1, hlen - 2);
	else
		conn->host = ck_xstrdup(host);
	conn->host_is_ip = inet_pton(AF_INET, conn->host, addr) == 1 ||
	                   inet_pton(AF_INET6, conn->host, addr) == 1;
	if (strchr(conn->host, ':'))
		conn->authority = ck_xasprintf("[%s]:%d", conn->host, port);
	else
		conn->authority = ck_xasprintf("%s:%d", conn->host, port);
	conn->endpoint = ck_xstrdup(url);
	evhttp_uri_free(uri);
	return 0;
}

int ck_grpc_conn_new(struct event_base *base, const struct ck_grpc_config *cfg,
                     struct ck_grpc_conn **out, struct ck_error **err)
{
	struct ck_grpc_conn *conn;
	size_t n = 0;

	CK_BUG_ON(!base || !cfg);
	conn = ck_xcalloc(1, sizeof(*conn));
	conn->base = base;
	TAILQ_INIT(&conn->sessions);
	TAILQ_INIT(&conn->calls);
	TAILQ_INIT(&conn->waitq);
	TAILQ_INIT(&conn->ready);
	conn->deliver_ev = event_new(base, -1, 0, deliver_cb, conn);
	conn->connect_timer = evtimer_new(base, connect_timer_cb, conn);
	CK_BUG_ON(!conn->deliver_ev || !conn->connect_timer);
	conn->max_message =
	        cfg->max_message_bytes ? cfg->max_message_bytes : GRPC_DEFAULT_MAX_MESSAGE;
	conn->window = cfg->window_bytes ? cfg->window_bytes : GRPC_DEFAULT_WINDOW;
	if (conn->window > (uint32_t)NGHTTP2_MAX_WINDOW_SIZE)
		conn->window = NGHTTP2_MAX_WINDOW_SIZE;
	conn->keepalive_ms = cfg->keepalive_ms > 0 ? cfg->keepalive_ms : 0;
	if (parse_endpoint(conn, cfg->endpoint, err) < 0)
		goto fail;
	while (cfg->metadata && cfg->metadata[n] && cfg->metadata[n + 1])
		n += 2;
	if (cfg->metadata && cfg->metadata[n]) {
		ck_error_set(err, 400, NULL, "grpc metadata '%s' has no value", cfg->metadata[n]);
		goto fail;
	}
	if (n / 2 > 64) {
		ck_error_set(err, 400, NULL, "too much grpc metadata (%zu entries)", n / 2);
		goto fail;
	}
	conn->n_meta = n / 2;
	conn->meta = ck_xcalloc(conn->n_meta ? conn->n_meta : 1, sizeof(*conn->meta));
	for (size_t i = 0; i < conn->n_meta; i++) {
		char *k = ck_xstrdup(cfg->metadata[2 * i]),
		     *v = ck_xstrdup(cfg->metadata[2 * i + 1]);

		conn->meta[i] = (nghttp2_nv){(uint8_t *)k, (uint8_t *)v, strlen(k), strlen(v),
		                             NGHTTP2_NV_FLAG_NONE};
	}
	if ((conn->tls || cfg->ca_file || cfg->cert_file || cfg->key_file) &&
	    make_ssl_ctx(conn, cfg, err) < 0)
		goto fail;
	*out = conn;
	return 0;
fail:
	ck_grpc_conn_free(conn);
	return -1;
}

void ck_grpc_conn_free(struct ck_grpc_conn *conn)
{
	struct ck_grpc_call *call;
	struct grpc_sess *sess;

	if (!conn)
		return;
	CK_BUG_ON(conn->cb_depth > 0);
	conn->closing = true;
	while ((call = TAILQ_FIRST(&conn->calls)) != NULL) {
		if (call->state != CALL_DONE)
			call_fail(call, CK_GRPC_UNAVAILABLE, 503, CK_REASON_UNAVAILABLE, true,
			          "channel closed");
		if (call->in_ready) {
			TAILQ_REMOVE(&conn->ready, call, ready_link);
			call->in_ready = false;
		}
		call_deliver(call); /* frees it */
	}
	TAILQ_FOREACH(sess, &conn->sessions, link)
	sess_kill(sess);
	conn_deliver(conn); /* frees the sessions */
	if (conn->dns)
		evdns_base_free(conn->dns, 0);
	if (conn->deliver_ev)
		event_free(conn->deliver_ev);
	if (conn->connect_timer)
		event_free(conn->connect_timer);
	for (size_t i = 0; i < conn->n_meta; i++) {
		free(conn->meta[i].name);
		free(conn->meta[i].value);
	}
	free(conn->meta);
	if (conn->ssl_ctx)
		SSL_CTX_free(conn->ssl_ctx);
	free(conn->endpoint);
	free(conn->host);
	free(conn->authority);
	free(conn);
}

const char *ck_grpc_conn_endpoint(const struct ck_grpc_conn *conn)
{
	return conn->endpoint;
}

void ck_grpc_conn_stats(const struct ck_grpc_conn *conn, struct ck_grpc_stats *st)
{
	*st = conn->st;
}
