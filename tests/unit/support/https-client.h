/*
 * A small HTTPS/1.1 client for tests: plain OpenSSL over a blocking socket, independent of
 * libevent and of ckube's own HTTP code, so that a server under test is driven by code that
 * shares none of its bugs. One connection at a time per handle; keep-alive, chunked and
 * Content-Length bodies, and chunk-by-chunk reading for streams (watches).
 *
 * Sockets have receive timeouts (15 s), so a hung server fails the test rather than hanging
 * it. Failures to connect or to complete the handshake fail the current cmocka test.
 * Use from the test thread only.
 */
#ifndef CK_TESTS_SUPPORT_HTTPS_CLIENT_H
#define CK_TESTS_SUPPORT_HTTPS_CLIENT_H

#include <jansson.h>

#include "base/compat.h"

#include "base/buf.h"

struct ck_test_https;

/*
 * Connect to host:port over TLS, trusting ca_pem only and checking the server's
 * certificate against host; present cert_pem/key_pem when both are given (NULL: no client
 * certificate, an anonymous client).
 */
struct ck_test_https *ck_test_https_connect(const char *host, uint16_t port, const char *ca_pem,
                                            const char *cert_pem, const char *key_pem);

/* Close abruptly (no close_notify, as a killed client does) and free; NULL-safe. */
void ck_test_https_close(struct ck_test_https *c);

/* A response; release with ck_test_response_release. */
struct ck_test_response {
	int status;
	struct ck_buf head; /* "name: value\n" lines, names lower-cased */
	struct ck_buf body;
	bool chunked;
	bool complete; /* the body's framing was honoured to its end */
	json_t *json;  /* the body parsed when it is a JSON object or array, else NULL */
};

void ck_test_response_release(struct ck_test_response *r);

/* The value of header name (case-insensitive) copied into val, or NULL. */
const char *ck_test_response_header(const struct ck_test_response *r, const char *name, char *val,
                                    size_t size);

/*
 * Send one request: method and target as given, Host, then the extra header lines (each
 * "Name: value", separated by "\r\n", no trailing CRLF; NULL for none), Content-Length when
 * body is not NULL.
 */
void ck_test_https_send(struct ck_test_https *c, const char *method, const char *target,
                        const char *headers, const void *body, size_t len);

/* Read a whole response into *r (which is initialised here). Fails the test on EOF. */
void ck_test_https_response(struct ck_test_https *c, struct ck_test_response *r);

/* send then response, in one call. */
void ck_test_https_do(struct ck_test_https *c, const char *method, const char *target,
                      const char *headers, const char *body, struct ck_test_response *r);

/* Read only the status line and header fields (for a stream). False at EOF. */
bool ck_test_https_read_head(struct ck_test_https *c, struct ck_test_response *r);

/*
 * Read the next line of a chunked stream body (a watch event) into out, without its
 * newline: returns true, or false when the stream ended (last chunk or EOF).
 */
bool ck_test_https_read_line(struct ck_test_https *c, struct ck_buf *out);

#endif
