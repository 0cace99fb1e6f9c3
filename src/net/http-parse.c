/*
 * HTTP/1.1 request parsing for the HTTPS server: request lines, header field lines,
 * chunk sizes, Content-Length values, request targets, percent-decoding and query strings.
 * Pure functions over bytes (no I/O, no connection state) so that every rule can be tested
 * and fuzzed on its own. The rules are RFC 9112's, made strict where a lenient reading
 * lets two parsers disagree about where a request ends (request smuggling): single spaces
 * in the request line, no obsolete line folding, no space before a colon, no control
 * characters, digits-only Content-Length. Decoding follows Go's net/url, which
 * kube-apiserver relies on, so a query means here what it means to Kubernetes.
 */
#include "base/compat.h"

#include "base/mem.h"
#include "net/http-int.h"

/* ---- pool -------------------------------------------------------------------------- */

#define POOL_BLOCK 4096
#define POOL_ALIGN 16

struct http_pool_block {
	struct http_pool_block *next;
	size_t cap, used;
	_Alignas(POOL_ALIGN) unsigned char data[];
};

static struct http_pool_block *pool_block_new(size_t cap)
{
	struct http_pool_block *b = ck_xmalloc(sizeof(*b) + cap);

	b->next = NULL;
	b->cap = cap;
	b->used = 0;
	return b;
}

void *http_pool_alloc(struct http_pool *p, size_t size)
{
	struct http_pool_block *b = p->blocks;
	void *r;

	CK_BUG_ON(size > SIZE_MAX / 2);
	size = (size + POOL_ALIGN - 1) & ~(size_t)(POOL_ALIGN - 1);
	if (!size)
		size = POOL_ALIGN;
	if (!b || b->cap - b->used < size) {
		if (size > POOL_BLOCK / 4) {
			/* A big piece gets its own block, behind the current one. */
			struct http_pool_block *big = pool_block_new(size);

			big->used = size;
			if (b) {
				big->next = b->next;
				b->next = big;
			} else {
				p->blocks = big;
			}
			memset(big->data, 0, size);
			return big->data;
		}
		b = pool_block_new(POOL_BLOCK);
		b->next = p->blocks;
		p->blocks = b;
	}
	r = b->data + b->used;
	b->used += size;
	memset(r, 0, size);
	return r;
}

char *http_pool_strndup(struct http_pool *p, const char *s, size_t n)
{
	char *r = http_pool_alloc(p, n + 1);

	memcpy(r, s, n);
	r[n] = '\0';
	return r;
}

void http_pool_release(struct http_pool *p)
{
	struct http_pool_block *b = p->blocks, *next;

	for (; b; b = next) {
		next = b->next;
		free(b);
	}
	p->blocks = NULL;
}

/* ---- character classes ------------------------------------------------------------- */

/* RFC 9110 tchar: "!#$%&'*+-.^_`|~", digits, letters. */
static bool is_tchar(unsigned char c)
{
	if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
		return true;
	return c && strchr("!#$%&'*+-.^_`|~", c) != NULL;
}

bool http_is_token(const char *s, size_t n)
{
	size_t i;

	if (n == 0)
		return false;
	for (i = 0; i < n; i++)
		if (!is_tchar((unsigned char)s[i]))
			return false;
	return true;
}

static bool is_ctl(unsigned char c)
{
	return c < 0x20 || c == 0x7f;
}

static int hexval(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* ---- request line and header fields ----------------------------------------------- */

int http_parse_request_line(char *line, size_t len, struct http_request_line *out, const char **why)
{
	char *sp1, *sp2, *version;
	size_t i, vlen;

	*why = "malformed request line";
	for (i = 0; i < len; i++)
		if (is_ctl((unsigned char)line[i]))
			return 400;
	/* method SP request-target SP HTTP-version, single spaces (RFC 9112 §3). */
	sp1 = memchr(line, ' ', len);
	if (!sp1 || !http_is_token(line, (size_t)(sp1 - line)))
		return 400;
	sp2 = memchr(sp1 + 1, ' ', len - (size_t)(sp1 + 1 - line));
	if (!sp2 || sp2 == sp1 + 1)
		return 400;
	version = sp2 + 1;
	vlen = len - (size_t)(version - line);
	if (memchr(version, ' ', vlen))
		return 400;
	if (vlen != 8 || memcmp(version, "HTTP/", 5) || version[6] != '.' || version[5] < '0' ||
	    version[5] > '9' || version[7] < '0' || version[7] > '9') {
		*why = "malformed HTTP version";
		return 400;
	}
	if (version[5] != '1') {
		*why = "unsupported protocol version";
		return 505;
	}
	*sp1 = '\0';
	*sp2 = '\0';
	out->method = line;
	out->target = sp1 + 1;
	out->minor = version[7] - '0';
	return 0;
}

int http_parse_header_line(char *line, size_t len, char **name, char **value, const char **why)
{
	char *colon, *v, *end;
	size_t i;

	if (len && (line[0] == ' ' || line[0] == '\t')) {
		/* RFC 9112 §5.2: a server may reject obs-fold; kept values could differ. */
		*why = "obsolete line folding in header field";
		return 400;
	}
	colon = memchr(line, ':', len);
	/* No whitespace is allowed between the name and the colon (RFC 9112 §5.1). */
	if (!colon || !http_is_token(line, (size_t)(colon - line))) {
		*why = "malformed header field";
		return 400;
	}
	v = colon + 1;
	end = line + len;
	while (v < end && (*v == ' ' || *v == '\t'))
		v++;
	while (end > v && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	for (i = 0; v + i < end; i++) {
		unsigned char c = (unsigned char)v[i];

		if (is_ctl(c) && c != '\t') {
			*why = "invalid character in header field value";
			return 400;
		}
	}
	*colon = '\0';
	*end = '\0';
	*name = line;
	*value = v;
	return 0;
}

int http_parse_chunk_size(const char *line, size_t len, uint64_t *size)
{
	uint64_t v = 0;
	size_t i = 0;

	/* At most 15 hex digits: 2^60 bytes, so adding sizes never overflows. */
	for (; i < len && hexval((unsigned char)line[i]) >= 0; i++) {
		if (i == 15)
			return -1;
		v = v * 16 + (uint64_t)hexval((unsigned char)line[i]);
	}
	if (i == 0)
		return -1;
	/* Optional whitespace, then optional extensions (ignored, but no control bytes). */
	while (i < len && (line[i] == ' ' || line[i] == '\t'))
		i++;
	if (i < len) {
		if (line[i] != ';')
			return -1;
		for (; i < len; i++)
			if (is_ctl((unsigned char)line[i]) && line[i] != '\t')
				return -1;
	}
	*size = v;
	return 0;
}

int http_parse_content_length(const char *s, uint64_t *out)
{
	uint64_t v = 0;
	size_t i;

	if (!*s)
		return -1;
	for (i = 0; s[i]; i++) {
		if (s[i] < '0' || s[i] > '9' || i >= 18)
			return -1;
		v = v * 10 + (uint64_t)(s[i] - '0');
	}
	*out = v;
	return 0;
}

bool http_has_token(const char *list, const char *token)
{
	size_t tlen = strlen(token);
	const char *p = list;

	while (*p) {
		const char *start, *end;

		while (*p == ' ' || *p == '\t' || *p == ',')
			p++;
		start = p;
		while (*p && *p != ',')
			p++;
		end = p;
		while (end > start && (end[-1] == ' ' || end[-1] == '\t'))
			end--;
		if ((size_t)(end - start) == tlen && !strncasecmp(start, token, tlen))
			return true;
	}
	return false;
}

/* ---- targets and queries ---------------------------------------------------------- */

char *http_unescape(struct http_pool *pool, const char *s, size_t n, bool plus)
{
	char *out = http_pool_alloc(pool, n + 1);
	size_t i, o = 0;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '%') {
			int hi, lo;

			if (i + 2 >= n)
				return NULL;
			hi = hexval((unsigned char)s[i + 1]);
			lo = hexval((unsigned char)s[i + 2]);
			if (hi < 0 || lo < 0 || (hi == 0 && lo == 0))
				return NULL;
			out[o++] = (char)(hi * 16 + lo);
			i += 2;
		} else if (c == '+' && plus) {
			out[o++] = ' ';
		} else {
			out[o++] = (char)c;
		}
	}
	out[o] = '\0';
	return out;
}

int http_split_target(struct http_pool *pool, const char *method, const char *target,
                      const char **path, const char **query, const char **why)
{
	const char *p = target, *q;
	char *decoded;

	*why = "invalid request target";
	if (!strcmp(target, "*")) {
		if (strcmp(method, "OPTIONS"))
			return 400;
		*path = "*";
		*query = "";
		return 0;
	}
	if (!strncasecmp(p, "http://", 7) || !strncasecmp(p, "https://", 8)) {
		/* absolute-form: the authority is the Host; keep path and query. */
		p = strstr(p, "://") + 3;
		p += strcspn(p, "/?");
		if (!*p)
			p = "/";
	} else if (*p != '/') {
		return 400;
	}
	q = strchr(p, '?');
	if (q) {
		*query = http_pool_strndup(pool, q + 1, strlen(q + 1));
	} else {
		q = p + strlen(p);
		*query = "";
	}
	if (*p == '?') {
		*path = "/";
		return 0;
	}
	decoded = http_unescape(pool, p, (size_t)(q - p), false);
	if (!decoded) {
		*why = "invalid escape in request path";
		return 400;
	}
	*path = decoded;
	return 0;
}

size_t http_parse_query(struct http_pool *pool, const char *query, struct http_kv **out)
{
	size_t cap = 1, n = 0;
	const char *p;
	struct http_kv *kv;

	for (p = query; *p; p++)
		if (*p == '&')
			cap++;
	kv = http_pool_alloc(pool, cap * sizeof(*kv));
	p = query;
	while (*p) {
		size_t seg = strcspn(p, "&");
		const char *eq = memchr(p, '=', seg);
		char *name, *value;

		/*
		 * Go's url.ParseQuery: empty pairs are skipped; a ';' is an error since Go 1.17;
		 * a bad escape is an error. K8S: kube-apiserver reads req.URL.Query(), which
		 * ignores the error and so drops such pairs; we drop them too.
		 */
		if (seg && !memchr(p, ';', seg)) {
			size_t klen = eq ? (size_t)(eq - p) : seg;

			name = http_unescape(pool, p, klen, true);
			value = eq ? http_unescape(pool, eq + 1, seg - klen - 1, true)
			           : http_pool_strndup(pool, "", 0);
			if (name && value) {
				kv[n].name = name;
				kv[n].value = value;
				n++;
			}
		}
		p += seg;
		if (*p == '&')
			p++;
	}
	*out = kv;
	return n;
}
