/*
 * Growable buffers and string helpers (see buf.h).
 */
#include "base/compat.h"

#include "base/buf.h"
#include "base/error.h"
#include "base/mem.h"

char ck_buf_empty[1];

void ck_buf_init(struct ck_buf *b, size_t hint)
{
	b->data = ck_buf_empty;
	b->len = 0;
	b->cap = 0;
	if (hint)
		ck_buf_grow(b, hint);
}

void ck_buf_release(struct ck_buf *b)
{
	if (b->cap)
		free(b->data);
	ck_buf_init(b, 0);
}

void ck_buf_reset(struct ck_buf *b)
{
	b->len = 0;
	if (b->cap)
		b->data[0] = '\0';
}

void ck_buf_grow_alloc(struct ck_buf *b, size_t extra)
{
	size_t need, cap;

	if (__builtin_add_overflow(b->len, extra, &need) || need == SIZE_MAX)
		CK_BUG("ck_buf_grow: size overflow");
	need++; /* the terminator */
	if (need <= b->cap)
		return;
	cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap = cap + cap / 2 + 64;
	/* An unallocated buffer points at the shared ck_buf_empty, which is never realloc'ed. */
	b->data = ck_xrealloc(b->cap ? b->data : NULL, cap);
	if (!b->cap)
		b->data[0] = '\0';
	b->cap = cap;
}

char *ck_buf_detach(struct ck_buf *b, size_t *len)
{
	char *p;

	if (!b->cap)
		ck_buf_grow(b, 0);
	p = b->data;
	if (len)
		*len = b->len;
	ck_buf_init(b, 0);
	return p;
}

void ck_buf_add(struct ck_buf *b, const void *data, size_t len)
{
	ck_buf_grow(b, len);
	if (len)
		memcpy(b->data + b->len, data, len);
	b->len += len;
	b->data[b->len] = '\0';
}

void ck_buf_adds(struct ck_buf *b, const char *s)
{
	ck_buf_add(b, s, strlen(s));
}

void ck_buf_vaddf(struct ck_buf *b, const char *fmt, va_list ap)
{
	va_list cp;
	int n;

	va_copy(cp, ap);
	n = vsnprintf(b->data + b->len, b->cap ? b->cap - b->len : 0, fmt, cp);
	va_end(cp);
	CK_BUG_ON(n < 0);
	if ((size_t)n >= (b->cap ? b->cap - b->len : 0)) {
		ck_buf_grow(b, (size_t)n);
		n = vsnprintf(b->data + b->len, b->cap - b->len, fmt, ap);
		CK_BUG_ON(n < 0);
	}
	b->len += (size_t)n;
}

void ck_buf_addf(struct ck_buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ck_buf_vaddf(b, fmt, ap);
	va_end(ap);
}

size_t ck_utf8_len(const void *s, size_t n)
{
	const unsigned char *p = s;
	unsigned char c = p[0], lo = 0x80, hi = 0xbf;
	size_t len;

	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		len = 2;
	else if (c >= 0xe0 && c <= 0xef)
		len = 3;
	else if (c >= 0xf0 && c <= 0xf4)
		len = 4;
	else
		return 0;
	if (c == 0xe0)
		lo = 0xa0;
	else if (c == 0xed)
		hi = 0x9f;
	else if (c == 0xf0)
		lo = 0x90;
	else if (c == 0xf4)
		hi = 0x8f;
	if (n < len || p[1] < lo || p[1] > hi)
		return 0;
	for (size_t i = 2; i < len; i++)
		if (p[i] < 0x80 || p[i] > 0xbf)
			return 0;
	return len;
}

void ck_buf_add_utf8(struct ck_buf *b, const void *data, size_t len)
{
	const unsigned char *p = data;
	size_t i = 0;

	while (i < len) {
		size_t n = ck_utf8_len(p + i, len - i);

		if (n) {
			ck_buf_add(b, p + i, n);
			i += n;
		} else {
			ck_buf_add(b, "\xef\xbf\xbd", 3);
			i++;
		}
	}
}

void ck_buf_consume(struct ck_buf *b, size_t n)
{
	if (n >= b->len) {
		ck_buf_reset(b);
		return;
	}
	memmove(b->data, b->data + n, b->len - n);
	b->len -= n;
	b->data[b->len] = '\0';
}

void ck_buf_truncate(struct ck_buf *b, size_t len)
{
	CK_BUG_ON(len > b->len);
	b->len = len;
	if (b->cap)
		b->data[len] = '\0';
}

bool ck_str_has_prefix(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

bool ck_str_has_suffix(const char *s, const char *suffix)
{
	size_t ls = strlen(s), lx = strlen(suffix);

	return ls >= lx && memcmp(s + ls - lx, suffix, lx) == 0;
}

bool ck_str_skip_prefix(const char *s, const char *prefix, const char **rest)
{
	size_t n = strlen(prefix);

	if (strncmp(s, prefix, n))
		return false;
	*rest = s + n;
	return true;
}

bool ck_str_eq(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return strcmp(a, b) == 0;
}

char **ck_str_split(const char *s, char sep, size_t *n)
{
	char **list = NULL;
	size_t count = 0, alloc = 0;
	const char *p = s;

	for (;;) {
		const char *end = strchr(p, sep);
		size_t len = end ? (size_t)(end - p) : strlen(p);

		CK_ALLOC_GROW(list, count + 2, alloc);
		list[count++] = ck_xstrndup(p, len);
		if (!end)
			break;
		p = end + 1;
	}
	list[count] = NULL;
	if (n)
		*n = count;
	return list;
}

void ck_str_list_free(char **list)
{
	if (!list)
		return;
	for (char **p = list; *p; p++)
		free(*p);
	free(list);
}

int ck_str_to_int64(const char *s, int64_t min, int64_t max, int64_t *out)
{
	char *end;
	long long v;

	if (!s || !*s || *s == ' ' || *s == '\t')
		return -1;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno || *end || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}
