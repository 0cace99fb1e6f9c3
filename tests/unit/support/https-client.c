/*
 * The tests' HTTPS client (see https-client.h), after the one in
 * tests/unit/net/test-http-server.c.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <ctype.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cmocka.h>
#include <jansson.h>
#include <openssl/err.h>
#include <openssl/ssl.h>

#include "base/compat.h"

#include "base/buf.h"
#include "base/mem.h"
#include "pki/pki.h"
#include "support/https-client.h"

#define IO_TIMEOUT_S 15

struct ck_test_https {
	int fd;
	SSL_CTX *ctx;
	SSL *ssl;
	char buf[16384];
	size_t off, len;
	bool eof;
	/* A chunked stream being read line by line. */
	size_t chunk_left;
	bool stream_done;
	struct ck_buf pending;
};

static int tcp_connect(const char *host, uint16_t port)
{
	struct sockaddr_storage ss = {0};
	struct sockaddr_in *s4 = (struct sockaddr_in *)&ss;
	struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)&ss;
	struct timeval tv = {IO_TIMEOUT_S, 0};
	socklen_t len;
	int fd;

	if (inet_pton(AF_INET, host, &s4->sin_addr) == 1) {
		s4->sin_family = AF_INET;
		s4->sin_port = htons(port);
		len = sizeof(*s4);
	} else {
		assert_int_equal(inet_pton(AF_INET6, host, &s6->sin6_addr), 1);
		s6->sin6_family = AF_INET6;
		s6->sin6_port = htons(port);
		len = sizeof(*s6);
	}
	fd = socket(ss.ss_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
	assert_true(fd >= 0);
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
	if (connect(fd, (struct sockaddr *)&ss, len) < 0) {
		close(fd);
		fail_msg("cannot connect to %s:%u: %s", host, port, strerror(errno));
	}
	return fd;
}

struct ck_test_https *ck_test_https_connect(const char *host, uint16_t port, const char *ca_pem,
                                            const char *cert_pem, const char *key_pem)
{
	struct ck_test_https *c = ck_xcalloc(1, sizeof(*c));
	struct ck_error *err = NULL;

	c->ctx = ck_pki_client_ctx_new(ca_pem, cert_pem, key_pem, &err);
	if (!c->ctx)
		fail_msg("ck_pki_client_ctx_new: %s", err->msg);
	c->fd = tcp_connect(host, port);
	c->ssl = SSL_new(c->ctx);
	assert_non_null(c->ssl);
	SSL_set_fd(c->ssl, c->fd);
	assert_int_equal(ck_pki_ssl_set_host(c->ssl, host, &err), 0);
	if (SSL_connect(c->ssl) != 1) {
		char e[256];

		ERR_error_string_n(ERR_get_error(), e, sizeof(e));
		fail_msg("TLS handshake failed: %s", e);
	}
	ck_buf_init(&c->pending, 0);
	return c;
}

void ck_test_https_close(struct ck_test_https *c)
{
	if (!c)
		return;
	SSL_free(c->ssl);
	close(c->fd);
	SSL_CTX_free(c->ctx);
	ck_buf_release(&c->pending);
	free(c);
}

static void send_all(struct ck_test_https *c, const void *data, size_t len)
{
	const char *p = data;

	while (len) {
		int n = SSL_write(c->ssl, p, len > INT32_MAX ? INT32_MAX : (int)len);

		assert_true(n > 0);
		p += n;
		len -= (size_t)n;
	}
}

/* Refill the buffer; false at EOF or on an error. */
static bool fill(struct ck_test_https *c)
{
	int n;

	if (c->off == c->len)
		c->off = c->len = 0;
	if (c->eof || c->len == sizeof(c->buf))
		return false;
	n = SSL_read(c->ssl, c->buf + c->len, (int)(sizeof(c->buf) - c->len));
	if (n <= 0) {
		int e = SSL_get_error(c->ssl, n);

		if (e == SSL_ERROR_WANT_READ ||
		    (e == SSL_ERROR_SYSCALL && (errno == EAGAIN || errno == EWOULDBLOCK)))
			fail_msg("no data from the server for %d s", IO_TIMEOUT_S);
		c->eof = true;
		ERR_clear_error();
		return false;
	}
	c->len += (size_t)n;
	return true;
}

/* One line without its CRLF into out (NUL-terminated); -1 at EOF. */
static ssize_t read_crlf_line(struct ck_test_https *c, char *out, size_t size)
{
	size_t n = 0;

	for (;;) {
		while (c->off < c->len) {
			char ch = c->buf[c->off++];

			if (ch == '\n') {
				if (n && out[n - 1] == '\r')
					n--;
				out[n] = '\0';
				return (ssize_t)n;
			}
			if (n + 1 < size)
				out[n++] = ch;
		}
		if (!fill(c))
			return -1;
	}
}

static bool read_n(struct ck_test_https *c, struct ck_buf *out, size_t n)
{
	while (n) {
		size_t take;

		if (c->off == c->len && !fill(c))
			return false;
		take = c->len - c->off < n ? c->len - c->off : n;
		if (out)
			ck_buf_add(out, c->buf + c->off, take);
		c->off += take;
		n -= take;
	}
	return true;
}

void ck_test_response_release(struct ck_test_response *r)
{
	ck_buf_release(&r->head);
	ck_buf_release(&r->body);
	json_decref(r->json);
	memset(r, 0, sizeof(*r));
}

const char *ck_test_response_header(const struct ck_test_response *r, const char *name, char *val,
                                    size_t size)
{
	char key[128];
	const char *p;
	size_t i, kl;

	snprintf(key, sizeof(key), "%s: ", name);
	for (i = 0; key[i]; i++)
		key[i] = (char)tolower((unsigned char)key[i]);
	kl = strlen(key);
	for (p = r->head.data; *p; p = strchr(p, '\n') + 1) {
		if (!strncmp(p, key, kl)) {
			size_t vl = strcspn(p + kl, "\n");

			snprintf(val, size, "%.*s", (int)vl, p + kl);
			return val;
		}
	}
	return NULL;
}

bool ck_test_https_read_head(struct ck_test_https *c, struct ck_test_response *r)
{
	char line[65536];
	ssize_t n;

	memset(r, 0, sizeof(*r));
	ck_buf_init(&r->head, 0);
	ck_buf_init(&r->body, 0);
	n = read_crlf_line(c, line, sizeof(line));
	if (n < 0)
		return false;
	assert_true(sscanf(line, "HTTP/1.1 %d", &r->status) == 1);
	while ((n = read_crlf_line(c, line, sizeof(line))) > 0) {
		for (ssize_t i = 0; i < n && line[i] != ':'; i++)
			line[i] = (char)tolower((unsigned char)line[i]);
		ck_buf_addf(&r->head, "%s\n", line);
	}
	assert_int_equal(n, 0);
	{
		char v[64];

		r->chunked = ck_test_response_header(r, "transfer-encoding", v, sizeof(v)) != NULL;
	}
	c->chunk_left = 0;
	c->stream_done = false;
	ck_buf_reset(&c->pending);
	return true;
}

/* One chunk appended to out: its size, 0 for the last, -1 at EOF. */
static long read_chunk(struct ck_test_https *c, struct ck_buf *out)
{
	char line[256];
	long size;

	if (read_crlf_line(c, line, sizeof(line)) < 0)
		return -1;
	size = strtol(line, NULL, 16);
	if (size == 0) {
		if (read_crlf_line(c, line, sizeof(line)) < 0)
			return -1;
		return 0;
	}
	if (!read_n(c, out, (size_t)size) || read_crlf_line(c, line, sizeof(line)) != 0)
		return -1;
	return size;
}

void ck_test_https_response(struct ck_test_https *c, struct ck_test_response *r)
{
	char v[64];

	if (!ck_test_https_read_head(c, r))
		fail_msg("no response");
	if (r->chunked) {
		for (;;) {
			long n = read_chunk(c, &r->body);

			if (n <= 0) {
				r->complete = n == 0;
				break;
			}
		}
	} else if (ck_test_response_header(r, "content-length", v, sizeof(v))) {
		r->complete = read_n(c, &r->body, strtoul(v, NULL, 10));
	} else {
		r->complete = true;
	}
	if (r->body.len && (r->body.data[0] == '{' || r->body.data[0] == '['))
		r->json = json_loadb(r->body.data, r->body.len, 0, NULL);
}

void ck_test_https_send(struct ck_test_https *c, const char *method, const char *target,
                        const char *headers, const void *body, size_t len)
{
	struct ck_buf b = CK_BUF_INIT;

	ck_buf_addf(&b, "%s %s HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: ckube-test\r\n", method,
	            target);
	if (headers && *headers)
		ck_buf_addf(&b, "%s\r\n", headers);
	if (body)
		ck_buf_addf(&b, "Content-Length: %zu\r\n", len);
	ck_buf_adds(&b, "\r\n");
	if (body)
		ck_buf_add(&b, body, len);
	send_all(c, b.data, b.len);
	ck_buf_release(&b);
}

void ck_test_https_do(struct ck_test_https *c, const char *method, const char *target,
                      const char *headers, const char *body, struct ck_test_response *r)
{
	ck_test_https_send(c, method, target, headers, body, body ? strlen(body) : 0);
	ck_test_https_response(c, r);
}

bool ck_test_https_read_line(struct ck_test_https *c, struct ck_buf *out)
{
	ck_buf_reset(out);
	for (;;) {
		char *nl = memchr(c->pending.data, '\n', c->pending.len);

		if (nl) {
			size_t n = (size_t)(nl - c->pending.data);

			ck_buf_add(out, c->pending.data, n);
			ck_buf_consume(&c->pending, n + 1);
			return true;
		}
		if (c->stream_done)
			return false;
		long r = read_chunk(c, &c->pending);

		if (r <= 0)
			c->stream_done = true;
	}
}
