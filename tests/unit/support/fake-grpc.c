/*
 * A fake gRPC server for tests (see fake-grpc.h): nghttp2's server session driven through
 * its in-memory interface on one bufferevent per accepted connection. The reply functions
 * only record what the hook wants on its stream; the stream's reply is submitted to nghttp2
 * when the hook returns, and nghttp2's output is written once nghttp2_session_mem_recv has
 * returned, so nghttp2 is never entered from its own callbacks.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/queue.h>
#include <sys/socket.h>

#include <event2/buffer.h>
#include <event2/bufferevent.h>
#include <event2/event.h>
#include <event2/listener.h>
#include <nghttp2/nghttp2.h>

#include "base/compat.h"

#include "base/buf.h"
#include "base/error.h"
#include "base/mem.h"
#include "support/fake-grpc.h"

struct ck_test_fake_grpc_stream {
	struct ck_test_fake_grpc_conn *conn;
	int32_t id;
	char *path;
	struct ck_buf in; /* request bytes not yet taken as messages */
	size_t n_msgs;
	bool seen; /* the request hook was called for it */
	/* The reply, as the hook asked for it. */
	bool has_headers;
	int status;
	char *content_type;
	struct ck_buf out; /* DATA bytes; out_off of them taken by nghttp2 */
	size_t out_off;
	bool trailers;
	int grpc_status;
	char *grpc_message;
	bool end;
	bool reset; /* RST_STREAM reset_code once the rest has been sent */
	uint32_t reset_code;
	bool submitted; /* the response HEADERS went to nghttp2 */
	bool deferred;  /* the body waits for nghttp2_session_resume_data */
	bool finished;  /* END_STREAM or the trailers went to nghttp2 */
	LIST_ENTRY(ck_test_fake_grpc_stream) link;
};

struct ck_test_fake_grpc_conn {
	struct ck_test_fake_grpc *f;
	int index;
	nghttp2_session *h2; /* NULL: a connection that does not speak HTTP/2 */
	struct bufferevent *bev;
	struct ck_buf raw; /* bytes to write after nghttp2's output */
	bool accepting;    /* the accept hook runs */
	bool closing;      /* close once the output is written */
	bool closed;
	LIST_HEAD(, ck_test_fake_grpc_stream) streams;
};

struct ck_test_fake_grpc {
	struct event_base *base;
	struct evconnlistener *listener;
	struct ck_test_fake_grpc_hooks hooks;
	char url[40];
	struct ck_test_fake_grpc_conn **conns;
	size_t n_conns, alloc;
	int requests;
};

#define NV(k, v)                                                                                   \
	((nghttp2_nv){(uint8_t *)(k), (uint8_t *)(v), strlen(k), strlen(v), NGHTTP2_NV_FLAG_NONE})

/* ---- writing -------------------------------------------------------------------------- */

/* Write nghttp2's output, then the raw bytes; close once everything has left. */
static void conn_flush(struct ck_test_fake_grpc_conn *c)
{
	struct evbuffer *out = bufferevent_get_output(c->bev);

	if (c->closed)
		return;
	if (c->h2) {
		const uint8_t *data;
		ssize_t n;

		while ((n = nghttp2_session_mem_send(c->h2, &data)) > 0)
			evbuffer_add(out, data, (size_t)n);
		if (n < 0)
			c->closing = true;
	}
	if (c->raw.len) {
		evbuffer_add(out, c->raw.data, c->raw.len);
		ck_buf_reset(&c->raw);
	}
	if (c->closing && evbuffer_get_length(out) == 0) {
		/* The socket stays open until ck_test_fake_grpc_free; the client sees EOF. */
		bufferevent_disable(c->bev, EV_READ | EV_WRITE);
		shutdown(bufferevent_getfd(c->bev), SHUT_RDWR);
		c->closed = true;
	}
}

/* nghttp2's body source of s: its DATA, then the trailers, END_STREAM, or a wait for more. */
static ssize_t stream_body(nghttp2_session *h2, int32_t id, uint8_t *buf, size_t length,
                           uint32_t *flags, nghttp2_data_source *src, void *user)
{
	struct ck_test_fake_grpc_stream *s = src->ptr;
	size_t n = s->out.len - s->out_off;

	(void)user;
	if (n > length)
		n = length;
	if (n) {
		memcpy(buf, s->out.data + s->out_off, n);
		s->out_off += n;
	}
	if (s->out_off < s->out.len)
		return (ssize_t)n;
	if (s->trailers) {
		char code[16];
		nghttp2_nv nv[2];
		size_t k = 0;

		snprintf(code, sizeof(code), "%d", s->grpc_status);
		nv[k++] = NV("grpc-status", code);
		if (s->grpc_message)
			nv[k++] = NV("grpc-message", s->grpc_message);
		*flags |= NGHTTP2_DATA_FLAG_EOF | NGHTTP2_DATA_FLAG_NO_END_STREAM;
		CK_BUG_ON(nghttp2_submit_trailer(h2, id, nv, k) != 0);
	} else if (s->end) {
		*flags |= NGHTTP2_DATA_FLAG_EOF;
	} else if (s->reset && !n) {
		/* An abort after what was sent: nghttp2 would send no empty DATA to follow. */
		CK_BUG_ON(nghttp2_submit_rst_stream(h2, NGHTTP2_FLAG_NONE, id, s->reset_code) != 0);
		s->reset = false;
		s->finished = true;
		return NGHTTP2_ERR_DEFERRED;
	} else if (s->reset) {
		*flags |= NGHTTP2_DATA_FLAG_EOF | NGHTTP2_DATA_FLAG_NO_END_STREAM;
	} else if (!n) {
		/* The stream stays open: more may come from a later hook. */
		s->deferred = true;
		return NGHTTP2_ERR_DEFERRED;
	} else {
		return (ssize_t)n;
	}
	s->finished = true;
	return (ssize_t)n;
}

/* Hand what the hook asked for on s to nghttp2 (nghttp2 copies the header fields). */
static void stream_commit(struct ck_test_fake_grpc_stream *s)
{
	nghttp2_session *h2 = s->conn->h2;
	nghttp2_data_provider prd = {.source.ptr = s, .read_callback = stream_body};
	char status[16], code[16];
	nghttp2_nv nv[4];
	size_t n = 0;

	if (!h2 || s->finished)
		return;
	if (s->submitted) {
		if (!s->deferred)
			return;
		if (s->out_off < s->out.len || s->trailers || s->end) {
			s->deferred = false;
			CK_BUG_ON(nghttp2_session_resume_data(h2, s->id) != 0);
		} else if (s->reset) {
			/* An abort after what was sent: stream_body's case, but it is not asked. */
			CK_BUG_ON(nghttp2_submit_rst_stream(h2, NGHTTP2_FLAG_NONE, s->id,
			                                    s->reset_code) != 0);
			s->reset = false;
			s->finished = true;
		}
		return;
	}
	if (!s->has_headers && !s->trailers) {
		CK_BUG_ON(s->end); /* an end needs headers first */
		if (s->reset) {
			/* Reset without an answer. */
			CK_BUG_ON(nghttp2_submit_rst_stream(h2, NGHTTP2_FLAG_NONE, s->id,
			                                    s->reset_code) != 0);
			s->submitted = s->finished = true;
		}
		return; /* DATA waits for the headers */
	}
	snprintf(status, sizeof(status), "%d", s->has_headers ? s->status : 200);
	nv[n++] = NV(":status", status);
	if (!s->has_headers) {
		/* Trailers-only: the status in the one HEADERS frame. */
		CK_BUG_ON(s->out.len);
		snprintf(code, sizeof(code), "%d", s->grpc_status);
		nv[n++] = NV("content-type", CK_TEST_GRPC_CONTENT_TYPE);
		nv[n++] = NV("grpc-status", code);
		if (s->grpc_message)
			nv[n++] = NV("grpc-message", s->grpc_message);
		CK_BUG_ON(nghttp2_submit_response(h2, s->id, nv, n, NULL) != 0);
		s->submitted = s->finished = true;
	} else {
		if (s->content_type)
			nv[n++] = NV("content-type", s->content_type);
		if (s->end && !s->out.len && !s->trailers) {
			CK_BUG_ON(nghttp2_submit_response(h2, s->id, nv, n, NULL) != 0);
			s->finished = true;
		} else if (s->reset && !s->out.len && !s->trailers) {
			/* Headers, then the reset (on_frame_send): no END_STREAM. */
			CK_BUG_ON(nghttp2_submit_headers(h2, NGHTTP2_FLAG_NONE, s->id, NULL, nv, n,
			                                 NULL) < 0);
			s->finished = true;
		} else {
			CK_BUG_ON(nghttp2_submit_response(h2, s->id, nv, n, &prd) != 0);
		}
		s->submitted = true;
	}
}

/* ---- reading -------------------------------------------------------------------------- */

/* Run the request hook for one message of s (msg NULL: the request had none). */
static void stream_request(struct ck_test_fake_grpc_stream *s, const void *msg, size_t len)
{
	struct ck_test_fake_grpc_conn *c = s->conn;
	struct ck_test_fake_grpc *f = c->f;
	struct ck_test_fake_grpc_req req = {.conn = c,
	                                    .conn_index = c->index,
	                                    .stream_id = s->id,
	                                    .path = s->path ? s->path : "",
	                                    .msg = msg,
	                                    .len = len,
	                                    .n_msg = s->n_msgs,
	                                    .stream = s};

	if (!s->seen) {
		s->seen = true;
		f->requests++;
	}
	if (msg)
		s->n_msgs++;
	if (f->hooks.request)
		f->hooks.request(&req, f->hooks.arg);
	stream_commit(s);
}

static void stream_free(struct ck_test_fake_grpc_stream *s)
{
	LIST_REMOVE(s, link);
	ck_buf_release(&s->in);
	ck_buf_release(&s->out);
	free(s->path);
	free(s->content_type);
	free(s->grpc_message);
	free(s);
}

static int on_begin_headers(nghttp2_session *h2, const nghttp2_frame *frame, void *user)
{
	struct ck_test_fake_grpc_conn *c = user;
	struct ck_test_fake_grpc_stream *s;

	if (frame->hd.type != NGHTTP2_HEADERS || frame->headers.cat != NGHTTP2_HCAT_REQUEST)
		return 0;
	s = ck_xcalloc(1, sizeof(*s));
	s->conn = c;
	s->id = frame->hd.stream_id;
	ck_buf_init(&s->in, 0);
	ck_buf_init(&s->out, 0);
	LIST_INSERT_HEAD(&c->streams, s, link);
	nghttp2_session_set_stream_user_data(h2, s->id, s);
	return 0;
}

static int on_header(nghttp2_session *h2, const nghttp2_frame *frame, const uint8_t *name,
                     size_t namelen, const uint8_t *value, size_t valuelen, uint8_t flags,
                     void *user)
{
	struct ck_test_fake_grpc_stream *s =
	        nghttp2_session_get_stream_user_data(h2, frame->hd.stream_id);

	(void)flags, (void)user;
	if (s && namelen == 5 && !memcmp(name, ":path", 5)) {
		free(s->path);
		s->path = ck_xstrndup((const char *)value, valuelen);
	}
	return 0;
}

static int on_data_chunk(nghttp2_session *h2, uint8_t flags, int32_t id, const uint8_t *data,
                         size_t len, void *user)
{
	struct ck_test_fake_grpc_stream *s = nghttp2_session_get_stream_user_data(h2, id);
	size_t off = 0;

	(void)flags, (void)user;
	if (!s)
		return 0;
	ck_buf_add(&s->in, data, len);
	while (s->in.len - off >= 5) {
		const unsigned char *p = (const unsigned char *)s->in.data + off;
		size_t mlen = (size_t)p[1] << 24 | (size_t)p[2] << 16 | (size_t)p[3] << 8 | p[4];

		if (s->in.len - off - 5 < mlen)
			break;
		stream_request(s, p + 5, mlen);
		off += 5 + mlen;
	}
	ck_buf_consume(&s->in, off);
	return 0;
}

static int on_frame_recv(nghttp2_session *h2, const nghttp2_frame *frame, void *user)
{
	struct ck_test_fake_grpc_stream *s;

	(void)user;
	if ((frame->hd.type != NGHTTP2_HEADERS && frame->hd.type != NGHTTP2_DATA) ||
	    !(frame->hd.flags & NGHTTP2_FLAG_END_STREAM))
		return 0;
	s = nghttp2_session_get_stream_user_data(h2, frame->hd.stream_id);
	if (s && !s->seen)
		stream_request(s, NULL, 0);
	return 0;
}

/*
 * The reset of a stream goes out once its last frame has: submitted earlier, nghttp2
 * would drop the response HEADERS still queued for a stream being reset.
 */
static int on_frame_send(nghttp2_session *h2, const nghttp2_frame *frame, void *user)
{
	struct ck_test_fake_grpc_stream *s =
	        nghttp2_session_get_stream_user_data(h2, frame->hd.stream_id);
	bool last;

	(void)user;
	if (!s || !s->reset || !s->finished ||
	    (frame->hd.type != NGHTTP2_HEADERS && frame->hd.type != NGHTTP2_DATA))
		return 0;
	/* END_STREAM, or for an abort the last DATA (the HEADERS when there is none). */
	last = (frame->hd.flags & NGHTTP2_FLAG_END_STREAM) ||
	       (!s->trailers && !s->end && s->out_off == s->out.len &&
	        (frame->hd.type == NGHTTP2_DATA || !s->out.len));
	if (!last)
		return 0;
	s->reset = false;
	/* Ended both ways: the stream is closed, there is nothing left to reset. */
	if ((s->trailers || s->end) && nghttp2_session_get_stream_remote_close(h2, s->id))
		return 0;
	CK_BUG_ON(nghttp2_submit_rst_stream(h2, NGHTTP2_FLAG_NONE, s->id, s->reset_code) != 0);
	return 0;
}

static int on_stream_close(nghttp2_session *h2, int32_t id, uint32_t error_code, void *user)
{
	struct ck_test_fake_grpc_stream *s = nghttp2_session_get_stream_user_data(h2, id);

	(void)error_code, (void)user;
	if (s)
		stream_free(s);
	return 0;
}

static void conn_read(struct bufferevent *bev, void *arg)
{
	struct ck_test_fake_grpc_conn *c = arg;
	struct evbuffer *in = bufferevent_get_input(bev);
	size_t len = evbuffer_get_length(in);

	if (c->h2 && !c->closing && len) {
		ssize_t n = nghttp2_session_mem_recv(c->h2, evbuffer_pullup(in, -1), len);

		if (n < 0)
			c->closing = true; /* not HTTP/2 from the client: give up on it */
	}
	evbuffer_drain(in, len);
	conn_flush(c);
}

static void conn_write(struct bufferevent *bev, void *arg)
{
	(void)bev;
	conn_flush(arg);
}

static void conn_event(struct bufferevent *bev, short what, void *arg)
{
	struct ck_test_fake_grpc_conn *c = arg;

	if (what & (BEV_EVENT_EOF | BEV_EVENT_ERROR)) {
		bufferevent_disable(bev, EV_READ | EV_WRITE);
		c->closed = true;
	}
}

static void fake_accept(struct evconnlistener *l, evutil_socket_t fd, struct sockaddr *sa,
                        int socklen, void *arg)
{
	struct ck_test_fake_grpc *f = arg;
	struct ck_test_fake_grpc_conn *c = ck_xcalloc(1, sizeof(*c));
	nghttp2_session_callbacks *cbs;

	(void)l, (void)sa, (void)socklen;
	c->f = f;
	c->index = (int)f->n_conns;
	ck_buf_init(&c->raw, 0);
	LIST_INIT(&c->streams);
	CK_ALLOC_GROW(f->conns, f->n_conns + 1, f->alloc);
	f->conns[f->n_conns++] = c;
	c->bev = bufferevent_socket_new(f->base, fd, BEV_OPT_CLOSE_ON_FREE);
	CK_BUG_ON(!c->bev);
	bufferevent_setcb(c->bev, conn_read, conn_write, conn_event, c);
	bufferevent_enable(c->bev, EV_READ | EV_WRITE);

	CK_BUG_ON(nghttp2_session_callbacks_new(&cbs) != 0);
	nghttp2_session_callbacks_set_on_begin_headers_callback(cbs, on_begin_headers);
	nghttp2_session_callbacks_set_on_header_callback(cbs, on_header);
	nghttp2_session_callbacks_set_on_data_chunk_recv_callback(cbs, on_data_chunk);
	nghttp2_session_callbacks_set_on_frame_recv_callback(cbs, on_frame_recv);
	nghttp2_session_callbacks_set_on_frame_send_callback(cbs, on_frame_send);
	nghttp2_session_callbacks_set_on_stream_close_callback(cbs, on_stream_close);
	CK_BUG_ON(nghttp2_session_server_new(&c->h2, cbs, c) != 0);
	nghttp2_session_callbacks_del(cbs);
	nghttp2_submit_settings(c->h2, NGHTTP2_FLAG_NONE, NULL, 0);
	if (f->hooks.accept) {
		c->accepting = true;
		f->hooks.accept(c, c->index, f->hooks.arg);
		c->accepting = false;
	}
	conn_flush(c);
}

/* ---- the server ----------------------------------------------------------------------- */

struct ck_test_fake_grpc *ck_test_fake_grpc_start(struct event_base *base,
                                                  const struct ck_test_fake_grpc_hooks *hooks)
{
	struct ck_test_fake_grpc *f = ck_xcalloc(1, sizeof(*f));
	struct sockaddr_in sin = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	socklen_t slen = sizeof(sin);

	f->base = base;
	if (hooks)
		f->hooks = *hooks;
	f->listener = evconnlistener_new_bind(base, fake_accept, f,
	                                      LEV_OPT_CLOSE_ON_FREE | LEV_OPT_REUSEABLE, 16,
	                                      (struct sockaddr *)&sin, sizeof(sin));
	CK_BUG_ON(!f->listener);
	CK_BUG_ON(getsockname(evconnlistener_get_fd(f->listener), (struct sockaddr *)&sin, &slen) <
	          0);
	snprintf(f->url, sizeof(f->url), "http://127.0.0.1:%d", ntohs(sin.sin_port));
	return f;
}

void ck_test_fake_grpc_free(struct ck_test_fake_grpc *f)
{
	if (!f)
		return;
	for (size_t i = 0; i < f->n_conns; i++) {
		struct ck_test_fake_grpc_conn *c = f->conns[i];

		/* nghttp2 calls nothing back here; the streams left are freed after it. */
		nghttp2_session_del(c->h2);
		while (!LIST_EMPTY(&c->streams))
			stream_free(LIST_FIRST(&c->streams));
		bufferevent_free(c->bev);
		ck_buf_release(&c->raw);
		free(c);
	}
	free(f->conns);
	evconnlistener_free(f->listener);
	free(f);
}

const char *ck_test_fake_grpc_url(const struct ck_test_fake_grpc *f)
{
	return f->url;
}

int ck_test_fake_grpc_connections(const struct ck_test_fake_grpc *f)
{
	return (int)f->n_conns;
}

int ck_test_fake_grpc_requests(const struct ck_test_fake_grpc *f)
{
	return f->requests;
}

/* ---- replies -------------------------------------------------------------------------- */

void ck_test_fake_grpc_headers(const struct ck_test_fake_grpc_req *req, int status,
                               const char *content_type)
{
	struct ck_test_fake_grpc_stream *s = req->stream;

	CK_BUG_ON(s->has_headers || s->submitted);
	s->has_headers = true;
	s->status = status;
	s->content_type = content_type ? ck_xstrdup(content_type) : NULL;
}

void ck_test_fake_grpc_message(const struct ck_test_fake_grpc_req *req, const void *msg, size_t len)
{
	unsigned char prefix[5] = {0, (unsigned char)(len >> 24), (unsigned char)(len >> 16),
	                           (unsigned char)(len >> 8), (unsigned char)len};

	ck_test_fake_grpc_data(req, prefix, sizeof(prefix));
	if (len)
		ck_test_fake_grpc_data(req, msg, len);
}

void ck_test_fake_grpc_data(const struct ck_test_fake_grpc_req *req, const void *data, size_t len)
{
	struct ck_test_fake_grpc_stream *s = req->stream;

	CK_BUG_ON(s->finished || s->trailers || s->end);
	ck_buf_add(&s->out, data, len);
}

void ck_test_fake_grpc_trailers(const struct ck_test_fake_grpc_req *req, int grpc_status,
                                const char *grpc_message)
{
	struct ck_test_fake_grpc_stream *s = req->stream;

	CK_BUG_ON(s->finished || s->trailers || s->end);
	s->trailers = true;
	s->grpc_status = grpc_status;
	s->grpc_message = grpc_message ? ck_xstrdup(grpc_message) : NULL;
}

void ck_test_fake_grpc_end(const struct ck_test_fake_grpc_req *req)
{
	struct ck_test_fake_grpc_stream *s = req->stream;

	CK_BUG_ON(s->finished || s->trailers || s->end);
	s->end = true;
}

void ck_test_fake_grpc_reset(const struct ck_test_fake_grpc_req *req, uint32_t error_code)
{
	struct ck_test_fake_grpc_stream *s = req->stream;

	CK_BUG_ON(s->finished || s->reset);
	s->reset = true;
	s->reset_code = error_code;
}

/* ---- connections ---------------------------------------------------------------------- */

void ck_test_fake_grpc_goaway(struct ck_test_fake_grpc_conn *conn, int32_t last_stream_id)
{
	CK_BUG_ON(!conn->h2);
	CK_BUG_ON(nghttp2_submit_goaway(conn->h2, NGHTTP2_FLAG_NONE, last_stream_id,
	                                NGHTTP2_NO_ERROR, NULL, 0) != 0);
}

void ck_test_fake_grpc_raw(struct ck_test_fake_grpc_conn *conn, const void *data, size_t len)
{
	if (conn->accepting && conn->h2) {
		/* Nothing has left yet, the SETTINGS included: this one never speaks HTTP/2. */
		nghttp2_session_del(conn->h2);
		conn->h2 = NULL;
	}
	ck_buf_add(&conn->raw, data, len);
}

void ck_test_fake_grpc_close(struct ck_test_fake_grpc_conn *conn)
{
	conn->closing = true;
}
