/*
 * Fuzz target: HTTP/1.1 requests as the HTTPS server reads them off a connection, through
 * the pure parsers of src/net/http-parse.c, in the order http-server.c calls them: empty
 * lines before a request, the request line, header fields up to an empty line, the request
 * target and its query, Content-Length or chunked framing (chunk-size lines, chunk data,
 * the line ending after it, trailer fields), then the next pipelined request on the same
 * bytes. Lines end in LF or CRLF, as evbuffer's EVBUFFER_EOL_CRLF finds them.
 *
 * Invariants: a request line splits into a token method, a target with no space or
 * control byte and a version digit; a field has a token name and a value with no control
 * byte but tab and no surrounding blanks; chunk sizes and Content-Length agree with
 * strtoull on the same digits and stay below their limits; decoded paths and query pairs
 * are no longer than their encoding and never hold a NUL; errors are 400 or 505 with a
 * reason; a Content-Type maps to a patch type whose media type it starts with, or to 415.
 */
#include "base/compat.h"

#include "api/patch.h"
#include "base/error.h"
#include "net/http-int.h"

#include "fuzz.h"

/* Small, so that the limit checks are reached; the server's default is 1 MiB. */
#define MAX_HEADER 8192
#define MAX_BODY   65536
#define MAX_REQS   16

struct input {
	const char *p;
	size_t left;
};

/*
 * Take one line into the pool, as http-server.c's take_line: 1 with the line and its length
 * without the ending, 0 when no full line is left, -1 when it is longer than max with its
 * ending.
 */
static int take_line(struct input *in, struct http_pool *pool, size_t max, char **line, size_t *len,
                     size_t *used)
{
	const char *nl = memchr(in->p, '\n', in->left);
	size_t n, eol;

	if (!nl)
		return in->left > max ? -1 : 0;
	n = (size_t)(nl - in->p);
	eol = 1;
	if (n && in->p[n - 1] == '\r') {
		n--;
		eol = 2;
	}
	if (n + eol > max)
		return -1;
	*line = http_pool_strndup(pool, in->p, n);
	*len = n;
	*used = n + eol;
	in->p += n + eol;
	in->left -= n + eol;
	return 1;
}

static bool is_ctl(unsigned char c)
{
	return c < 0x20 || c == 0x7f;
}

static void check_field(const char *line_start, size_t len, const char *name, const char *value)
{
	size_t i, vlen = strlen(value);

	FUZZ_CHECK(http_is_token(name, strlen(name)));
	FUZZ_CHECK(strlen(name) < len);
	FUZZ_CHECK(line_start == name);
	for (i = 0; i < vlen; i++)
		FUZZ_CHECK(!is_ctl((unsigned char)value[i]) || value[i] == '\t');
	if (vlen) {
		FUZZ_CHECK(value[0] != ' ' && value[0] != '\t');
		FUZZ_CHECK(value[vlen - 1] != ' ' && value[vlen - 1] != '\t');
	}
}

static void check_chunk_size(const char *line, size_t len, uint64_t size)
{
	size_t digits = strspn(line, "0123456789abcdefABCDEF");
	char hex[32];

	FUZZ_CHECK(digits > 0 && digits <= 15 && digits <= len);
	memcpy(hex, line, digits);
	hex[digits] = '\0';
	FUZZ_CHECKF(strtoull(hex, NULL, 16) == size, "'%s' read as %" PRIu64, hex, size);
	FUZZ_CHECK(size < (1ull << 60));
}

static void check_content_length(const char *s, uint64_t v)
{
	size_t n = strlen(s);

	FUZZ_CHECK(n > 0 && n <= 18 && strspn(s, "0123456789") == n);
	FUZZ_CHECKF(strtoull(s, NULL, 10) == v, "'%s' read as %" PRIu64, s, v);
}

static void check_query(struct http_pool *pool, const char *query)
{
	struct http_kv *kv;
	size_t n = http_parse_query(pool, query, &kv), amps = 0, i;
	const char *p;

	for (p = query; *p; p++)
		amps += *p == '&';
	FUZZ_CHECK(n <= amps + 1);
	for (i = 0; i < n; i++) {
		FUZZ_CHECK(kv[i].name && kv[i].value);
		FUZZ_CHECK(strlen(kv[i].name) + strlen(kv[i].value) <= strlen(query));
	}
}

/* A PATCH's Content-Type: one of the media types, or 415. */
static void check_content_type(const char *value)
{
	static const unsigned sets[] = {CK_PATCH_ACCEPT_BUILTIN, CK_PATCH_ACCEPT_CUSTOM};
	struct ck_error *err = NULL;
	enum ck_patch_type t;

	for (size_t i = 0; i < CK_ARRAY_SIZE(sets); i++) {
		if (ck_patch_parse_type(value, sets[i], &t, &err) == 0) {
			const char *mt = ck_patch_media_type(t);

			FUZZ_CHECK(sets[i] & CK_PATCH_ACCEPT(t));
			FUZZ_CHECK(!strncmp(value, mt, strlen(mt)));
			FUZZ_CHECK(value[strlen(mt)] == '\0' || value[strlen(mt)] == ';');
		} else {
			FUZZ_CHECK(err && err->http_status == 415 && err->msg);
			ck_error_clear(&err);
		}
	}
}

/* One request off in; false when the connection would be closed (error or no more input). */
static bool one_request(struct input *in, struct http_pool *pool)
{
	struct http_request_line rl;
	const char *why = NULL, *te = NULL, *cl = NULL, *path, *query;
	unsigned nte = 0;
	size_t head = 0, len, used;
	uint64_t clen = 0;
	char *line, *name, *value;
	int r, st;

	r = take_line(in, pool, MAX_HEADER, &line, &len, &used);
	if (r <= 0)
		return false;
	head += used;
	st = http_parse_request_line(line, len, &rl, &why);
	if (st) {
		FUZZ_CHECK(st == 400 || st == 505);
		FUZZ_CHECK(why && *why);
		return false;
	}
	FUZZ_CHECK(rl.method == line);
	FUZZ_CHECK(http_is_token(rl.method, strlen(rl.method)));
	FUZZ_CHECK(*rl.target && !strpbrk(rl.target, " \t\r\n"));
	for (const char *t = rl.target; *t; t++)
		FUZZ_CHECK(!is_ctl((unsigned char)*t));
	FUZZ_CHECK(rl.minor >= 0 && rl.minor <= 9);
	FUZZ_CHECK(strlen(rl.method) + strlen(rl.target) + 10 == len);

	for (;;) {
		r = take_line(in, pool, MAX_HEADER - head, &line, &len, &used);
		if (r <= 0)
			return false;
		head += used;
		if (len == 0)
			break;
		st = http_parse_header_line(line, len, &name, &value, &why);
		if (st) {
			FUZZ_CHECK(st == 400 && why && *why);
			return false;
		}
		check_field(line, len, name, value);
		if (!strcasecmp(name, "Transfer-Encoding")) {
			nte++;
			te = value;
		} else if (!strcasecmp(name, "Content-Length")) {
			if (cl && strcmp(cl, value))
				return false;
			cl = value;
		} else if (!strcasecmp(name, "Content-Type")) {
			check_content_type(value);
		} else if (!strcasecmp(name, "Connection")) {
			(void)http_has_token(value, "close");
			(void)http_has_token(value, "keep-alive");
		}
	}

	st = http_split_target(pool, rl.method, rl.target, &path, &query, &why);
	if (st) {
		FUZZ_CHECK(st == 400 && why && *why);
		return false;
	}
	FUZZ_CHECK(path && query);
	FUZZ_CHECK(path[0] == '/' || !strcmp(path, "*"));
	FUZZ_CHECK(strlen(path) <= strlen(rl.target));
	check_query(pool, query);

	if (nte) {
		if (rl.minor == 0 || cl || nte > 1 || strcasecmp(te, "chunked"))
			return false;
		for (;;) {
			uint64_t size;

			r = take_line(in, pool, HTTP_CHUNK_LINE_MAX, &line, &len, &used);
			if (r <= 0)
				return false;
			if (http_parse_chunk_size(line, len, &size) < 0)
				return false;
			check_chunk_size(line, len, size);
			if (size == 0)
				break;
			if (size > MAX_BODY || size > in->left)
				return false;
			in->p += size;
			in->left -= size;
			r = take_line(in, pool, 2, &line, &len, &used);
			if (r <= 0 || len)
				return false;
		}
		for (;;) {
			r = take_line(in, pool, MAX_HEADER > head ? MAX_HEADER - head : 0, &line,
			              &len, &used);
			if (r <= 0)
				return false;
			head += used;
			if (len == 0)
				break;
			if (http_parse_header_line(line, len, &name, &value, &why))
				return false;
			check_field(line, len, name, value);
		}
	} else if (cl) {
		if (http_parse_content_length(cl, &clen) < 0)
			return false;
		check_content_length(cl, clen);
		if (clen > MAX_BODY || clen > in->left)
			return false;
		in->p += clen;
		in->left -= clen;
	}
	return rl.minor != 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct input in = {(const char *)data, size};
	int i;

	for (i = 0; i < MAX_REQS; i++) {
		struct http_pool pool = {NULL};
		bool more;

		/* RFC 9112 §2.2: empty lines before a request line are ignored. */
		while (in.left && (*in.p == '\r' || *in.p == '\n')) {
			in.p++;
			in.left--;
		}
		if (!in.left)
			break;
		more = one_request(&in, &pool);
		http_pool_release(&pool);
		if (!more)
			break;
	}
	return 0;
}
