/*
 * The JSON scanner (see json-scan.h): one pass over the text with an explicit stack, a
 * byte-class table for the inner loop of strings (base64 values are most of the bytes
 * the watch cache reads), and no allocation but the node array, which a caller reuses.
 */
#include "base/compat.h"

#include <jansson.h>
#include <openssl/evp.h>

#include "base/error.h"
#include "base/mem.h"
#include "store/json-scan.h"

/* String byte classes: 0 plain, 1 the closing quote, 2 a backslash, 3 declined. */
enum { SC_PLAIN, SC_QUOTE, SC_ESCAPE, SC_DECLINE };

static const uint8_t str_class[256] = {
        /* Control characters are invalid in a string; non-ASCII is declined (UTF-8 checks
         * are jansson's job). */
        [0x00 ... 0x1f] = SC_DECLINE,
        ['"'] = SC_QUOTE,
        ['\\'] = SC_ESCAPE,
        [0x80 ... 0xff] = SC_DECLINE,
};

static bool is_ws(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static uint32_t new_node(struct ck_json_scan *s, uint8_t type, size_t start)
{
	struct ck_json_scan_node *n;

	CK_ALLOC_GROW(s->nodes, s->n + 1, s->alloc);
	n = &s->nodes[s->n];
	memset(n, 0, sizeof(*n));
	n->type = type;
	n->start = (uint32_t)start;
	return (uint32_t)s->n++;
}

/*
 * Scan the string whose opening quote is at *pos; *pos ends just past the closing quote.
 * Returns 0, with *escaped set (and *slash when one escape was "\/", the only one with
 * another spelling), or 1 to decline.
 */
static int scan_string(struct ck_json_scan *s, size_t *pos, bool *escaped, bool *slash)
{
	const unsigned char *p = (const unsigned char *)s->text + *pos + 1;
	const unsigned char *end = (const unsigned char *)s->text + s->len;

	*escaped = false;
	*slash = false;
	for (;;) {
		while (p < end && str_class[*p] == SC_PLAIN)
			p++;
		if (p >= end)
			return 1;
		switch (str_class[*p]) {
		case SC_QUOTE:
			*pos = (size_t)(p + 1 - (const unsigned char *)s->text);
			return 0;
		case SC_ESCAPE:
			if (p + 1 >= end)
				return 1;
			switch (p[1]) {
			case '/':
				/* jansson writes '/' unescaped. */
				s->canonical = false;
				*slash = true;
				/* fall through */
			case '"':
			case '\\':
			case 'b':
			case 'f':
			case 'n':
			case 'r':
			case 't':
				*escaped = true;
				p += 2;
				break;
			default:
				/* \u escapes (surrogates, NUL) are left to jansson; others are invalid. */
				return 1;
			}
			break;
		default:
			return 1;
		}
	}
}

/* An integer: -?(0|[1-9][0-9]{0,17}), not "-0", not followed by a fraction or exponent. */
static int scan_integer(struct ck_json_scan *s, size_t *pos)
{
	const char *t = s->text;
	size_t p = *pos, digits = 0;

	if (t[p] == '-')
		p++;
	if (p >= s->len || t[p] < '0' || t[p] > '9')
		return 1;
	if (t[p] == '0') {
		/* jansson reads "-0" as the integer 0 and writes "0": not worth a special case. */
		if (t[*pos] == '-')
			return 1;
		p++;
	} else {
		while (p < s->len && t[p] >= '0' && t[p] <= '9') {
			p++;
			digits++;
		}
		if (digits > 18)
			return 1;
	}
	if (p < s->len &&
	    ((t[p] >= '0' && t[p] <= '9') || t[p] == '.' || t[p] == 'e' || t[p] == 'E'))
		return 1;
	*pos = p;
	return 0;
}

static void skip_ws_run(struct ck_json_scan *s, size_t *pos)
{
	size_t p = *pos;

	while (p < s->len && is_ws((unsigned char)s->text[p]))
		p++;
	s->canonical = false;
	*pos = p;
}

/* Between every two tokens, and mostly nothing to skip: the test inline, the loop not. */
static inline void skip_ws(struct ck_json_scan *s, size_t *pos)
{
	if (*pos < s->len && is_ws((unsigned char)s->text[*pos]))
		skip_ws_run(s, pos);
}

/* Whether the object node obj already has a member with this key (raw, unescaped). */
static bool has_key(const struct ck_json_scan *s, uint32_t obj, size_t key, size_t key_len,
                    size_t *members)
{
	const char *k = s->text + key;

	*members = 0;
	for (uint32_t i = s->nodes[obj].child; i; i = s->nodes[i].next) {
		const struct ck_json_scan_node *m = &s->nodes[i];

		(*members)++;
		if (m->key_len == key_len && !memcmp(s->text + m->key, k, key_len))
			return true;
	}
	return false;
}

int ck_json_scan(struct ck_json_scan *s, const char *text, size_t len)
{
	uint32_t stack[CK_JSON_SCAN_MAX_DEPTH], last[CK_JSON_SCAN_MAX_DEPTH];
	size_t depth = 0, pos = 0, key = 0, key_len = 0;
	bool have_key = false;
	uint32_t idx;

	s->text = text;
	s->len = len;
	s->n = 0;
	s->canonical = true;
	if (!text || len >= UINT32_MAX)
		return 1;

value:
	skip_ws(s, &pos);
	if (pos >= len)
		return 1;
	idx = new_node(s, 0, pos);
	if (have_key) {
		s->nodes[idx].key = (uint32_t)key;
		s->nodes[idx].key_len = (uint32_t)key_len;
		have_key = false;
	}
	if (depth) {
		if (last[depth - 1])
			s->nodes[last[depth - 1]].next = idx;
		else
			s->nodes[stack[depth - 1]].child = idx;
		last[depth - 1] = idx;
	}
	switch (text[pos]) {
	case '{':
	case '[':
		if (depth >= CK_JSON_SCAN_MAX_DEPTH)
			return 1;
		s->nodes[idx].type = text[pos] == '{' ? CK_JSON_SCAN_OBJECT : CK_JSON_SCAN_ARRAY;
		stack[depth] = idx;
		last[depth] = 0;
		depth++;
		pos++;
		skip_ws(s, &pos);
		if (pos >= len)
			return 1;
		if (text[pos] == (s->nodes[idx].type == CK_JSON_SCAN_OBJECT ? '}' : ']')) {
			pos++;
			depth--;
			s->nodes[idx].end = (uint32_t)pos;
			goto after;
		}
		if (s->nodes[idx].type == CK_JSON_SCAN_OBJECT)
			goto member;
		goto value;
	case '"': {
		bool esc, slash;

		s->nodes[idx].type = CK_JSON_SCAN_STRING;
		if (scan_string(s, &pos, &esc, &slash))
			return 1;
		s->nodes[idx].escaped = esc;
		break;
	}
	case 't':
	case 'f':
	case 'n': {
		static const char *const lit[] = {"true", "false", "null"};
		static const uint8_t types[] = {CK_JSON_SCAN_TRUE, CK_JSON_SCAN_FALSE,
		                                CK_JSON_SCAN_NULL};
		int i = text[pos] == 't' ? 0 : text[pos] == 'f' ? 1 : 2;
		size_t n = strlen(lit[i]);

		if (len - pos < n || memcmp(text + pos, lit[i], n))
			return 1;
		s->nodes[idx].type = types[i];
		pos += n;
		break;
	}
	default:
		s->nodes[idx].type = CK_JSON_SCAN_INTEGER;
		if (scan_integer(s, &pos))
			return 1;
		break;
	}
	s->nodes[idx].end = (uint32_t)pos;

after:
	skip_ws(s, &pos);
	if (!depth)
		return pos == len ? 0 : 1;
	if (pos >= len)
		return 1;
	idx = stack[depth - 1];
	if (text[pos] == ',') {
		pos++;
		if (s->nodes[idx].type == CK_JSON_SCAN_OBJECT)
			goto member;
		goto value;
	}
	if (text[pos] != (s->nodes[idx].type == CK_JSON_SCAN_OBJECT ? '}' : ']'))
		return 1;
	pos++;
	s->nodes[idx].end = (uint32_t)pos;
	depth--;
	goto after;

member : {
	bool esc, slash;
	size_t members;

	skip_ws(s, &pos);
	if (pos >= len || text[pos] != '"')
		return 1;
	key = pos + 1;
	/*
	 * Keys are compared as written. Every escape but "\/" has one spelling (\u ones are
	 * declined), so equal text is an equal key, and duplicates are found.
	 */
	if (scan_string(s, &pos, &esc, &slash) || slash)
		return 1;
	key_len = pos - 1 - key;
	/* K8S: a duplicate field is an error (the store parses with JSON_REJECT_DUPLICATES). */
	if (has_key(s, stack[depth - 1], key, key_len, &members) ||
	    members >= CK_JSON_SCAN_MAX_MEMBERS)
		return 1;
	skip_ws(s, &pos);
	if (pos >= len || text[pos] != ':')
		return 1;
	pos++;
	have_key = true;
	goto value;
}
}

void ck_json_scan_release(struct ck_json_scan *s)
{
	if (!s)
		return;
	free(s->nodes);
	s->nodes = NULL;
	s->n = s->alloc = 0;
}

const struct ck_json_scan_node *ck_json_scan_get(const struct ck_json_scan *s,
                                                 const struct ck_json_scan_node *obj,
                                                 const char *key, size_t key_len)
{
	if (!obj || obj->type != CK_JSON_SCAN_OBJECT)
		return NULL;
	for (uint32_t i = obj->child; i; i = s->nodes[i].next) {
		const struct ck_json_scan_node *m = &s->nodes[i];

		if (m->key_len == key_len && !memcmp(s->text + m->key, key, key_len))
			return m;
	}
	return NULL;
}

const struct ck_json_scan_node *ck_json_scan_path(const struct ck_json_scan *s,
                                                  const struct ck_json_scan_node *node,
                                                  const char *path)
{
	const char *p = path;

	while (node && *p) {
		const char *dot = strchr(p, '.');
		size_t n = dot ? (size_t)(dot - p) : strlen(p);

		if (node->type != CK_JSON_SCAN_OBJECT)
			return NULL;
		node = ck_json_scan_get(s, node, p, n);
		p += n + (dot ? 1 : 0);
	}
	return node;
}

/* Unescape the string text [p, end) (escapes as the scanner accepts them) into out. */
static size_t unescape(const char *p, const char *end, char *out)
{
	size_t n = 0;

	while (p < end) {
		if (*p != '\\') {
			out[n++] = *p++;
			continue;
		}
		switch (p[1]) {
		case 'b':
			out[n++] = '\b';
			break;
		case 'f':
			out[n++] = '\f';
			break;
		case 'n':
			out[n++] = '\n';
			break;
		case 'r':
			out[n++] = '\r';
			break;
		case 't':
			out[n++] = '\t';
			break;
		default: /* '"', '\\', '/' */
			out[n++] = p[1];
			break;
		}
		p += 2;
	}
	out[n] = '\0';
	return n;
}

size_t ck_json_scan_string(const struct ck_json_scan *s, const struct ck_json_scan_node *node,
                           char *out)
{
	const char *p = s->text + node->start + 1, *end = s->text + node->end - 1;

	CK_BUG_ON(node->type != CK_JSON_SCAN_STRING);
	if (!node->escaped) {
		memcpy(out, p, (size_t)(end - p));
		out[end - p] = '\0';
		return (size_t)(end - p);
	}
	return unescape(p, end, out);
}

size_t ck_json_scan_string_len(const struct ck_json_scan *s, const struct ck_json_scan_node *node)
{
	const char *p = s->text + node->start + 1, *end = s->text + node->end - 1;
	size_t n = 0;

	CK_BUG_ON(node->type != CK_JSON_SCAN_STRING);
	if (!node->escaped)
		return (size_t)(end - p);
	for (; p < end; n++)
		p += *p == '\\' ? 2 : 1;
	return n;
}

bool ck_json_scan_string_is(const struct ck_json_scan *s, const struct ck_json_scan_node *node,
                            const char *str, size_t len)
{
	size_t raw;
	bool same;
	char *tmp;

	if (!node || node->type != CK_JSON_SCAN_STRING)
		return false;
	raw = node->end - node->start - 2;
	if (!node->escaped)
		return raw == len && !memcmp(s->text + node->start + 1, str, len);
	/* Each escape is two bytes for one. */
	if (len >= raw)
		return false;
	tmp = ck_xmalloc(raw + 1);
	same = ck_json_scan_string(s, node, tmp) == len && !memcmp(tmp, str, len);
	free(tmp);
	return same;
}

int ck_json_scan_int64(const struct ck_json_scan *s, const struct ck_json_scan_node *node,
                       int64_t *out)
{
	const char *p, *end;
	bool neg = false;
	int64_t v = 0;

	if (!node)
		return -1;
	p = s->text + node->start;
	end = s->text + node->end;
	if (node->type == CK_JSON_SCAN_STRING) {
		if (node->escaped)
			return -1;
		p++;
		end--;
	} else if (node->type != CK_JSON_SCAN_INTEGER) {
		return -1;
	}
	if (p < end && *p == '-') {
		neg = true;
		p++;
	}
	/* At most 18 digits: no overflow to check. */
	if (p == end || end - p > 18)
		return -1;
	for (; p < end; p++) {
		if (*p < '0' || *p > '9')
			return -1;
		v = v * 10 + (*p - '0');
	}
	*out = neg ? -v : v;
	return 0;
}

char *ck_json_scan_base64(const struct ck_json_scan *s, const struct ck_json_scan_node *node,
                          size_t *len)
{
	static const bool valid[256] = {
	        ['A' ... 'Z'] = true, ['a' ... 'z'] = true, ['0' ... '9'] = true,
	        ['+'] = true,         ['/'] = true,         ['='] = true,
	};
	const char *p;
	size_t n, pad = 0;
	unsigned char *out;
	int r;

	if (!node || node->type != CK_JSON_SCAN_STRING || node->escaped)
		return NULL;
	p = s->text + node->start + 1;
	n = node->end - node->start - 2;
	if (n % 4 || n > INT32_MAX)
		return NULL;
	for (size_t i = 0; i < n; i++)
		if (!valid[(unsigned char)p[i]])
			return NULL;
	/* As ck_base64_decode: '=' only as one or two bytes of padding at the very end. */
	if (n && p[n - 1] == '=')
		pad++;
	if (n > 1 && p[n - 2] == '=')
		pad++;
	if (memchr(p, '=', n - pad))
		return NULL;
	out = ck_xmalloc(n / 4 * 3 + 1);
	r = EVP_DecodeBlock(out, (const unsigned char *)p, (int)n);
	if (r < 0) {
		free(out);
		return NULL;
	}
	*len = (size_t)r - pad;
	out[*len] = '\0';
	return (char *)out;
}

/*
 * The value of node n. *tmp holds any unescaped string: allocated (the text's length is
 * enough) at the first escape, which most documents never have.
 */
static json_t *build(const struct ck_json_scan *s, const struct ck_json_scan_node *n, char **tmp)
{
	const struct ck_json_scan_node *c;
	int64_t i64;
	json_t *v;

	switch (n->type) {
	case CK_JSON_SCAN_OBJECT:
		v = json_object();
		for (uint32_t i = n->child; i; i = c->next) {
			c = &s->nodes[i];
			json_t *m = build(s, c, tmp);
			const char *key = s->text + c->key;
			size_t key_len = c->key_len;

			/* After the member's value, which may have used tmp too. */
			if (memchr(key, '\\', key_len)) {
				if (!*tmp)
					*tmp = ck_xmalloc(s->len + 1);
				key_len = unescape(key, key + key_len, *tmp);
				key = *tmp;
			}
			/* ASCII without NUL (\u escapes are declined), and no duplicates. */
			CK_BUG_ON(json_object_setn_new_nocheck(v, key, key_len, m) < 0);
		}
		return v;
	case CK_JSON_SCAN_ARRAY:
		v = json_array();
		for (uint32_t i = n->child; i; i = s->nodes[i].next)
			CK_BUG_ON(json_array_append_new(v, build(s, &s->nodes[i], tmp)) < 0);
		return v;
	case CK_JSON_SCAN_STRING:
		if (!n->escaped)
			return json_stringn_nocheck(s->text + n->start + 1, n->end - n->start - 2);
		if (!*tmp)
			*tmp = ck_xmalloc(s->len + 1);
		return json_stringn_nocheck(*tmp, ck_json_scan_string(s, n, *tmp));
	case CK_JSON_SCAN_INTEGER:
		CK_BUG_ON(ck_json_scan_int64(s, n, &i64) < 0);
		return json_integer(i64);
	case CK_JSON_SCAN_TRUE:
		return json_true();
	case CK_JSON_SCAN_FALSE:
		return json_false();
	default:
		return json_null();
	}
}

json_t *ck_json_scan_build(const struct ck_json_scan *s)
{
	char *tmp = NULL;
	json_t *v = build(s, &s->nodes[0], &tmp);

	free(tmp);
	CK_BUG_ON(!v);
	return v;
}

json_t *ck_json_scan_load(const char *text, size_t len)
{
	struct ck_json_scan s = CK_JSON_SCAN_INIT;
	json_t *v = ck_json_scan(&s, text, len) ? NULL : ck_json_scan_build(&s);

	ck_json_scan_release(&s);
	return v;
}
