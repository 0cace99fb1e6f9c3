/*
 * Growable byte buffers and the small string helpers ckube uses everywhere (git's
 * strbuf, reduced). A buffer's data is always NUL-terminated, so it can be used as a C
 * string when it holds text; len excludes the terminator.
 */
#ifndef CK_BASE_BUF_H
#define CK_BASE_BUF_H

#include "base/compat.h"

struct ck_buf {
	char *data; /* never NULL after init: points at a shared "" until first growth */
	size_t len;
	size_t cap;
};

extern char ck_buf_empty[];
#define CK_BUF_INIT                                                                                \
	{                                                                                          \
		.data = ck_buf_empty, .len = 0, .cap = 0                                           \
	}

void ck_buf_init(struct ck_buf *b, size_t hint);
/* Free the contents and re-initialise; the struct itself is the caller's. */
void ck_buf_release(struct ck_buf *b);
/* Keep the allocation, empty the contents. */
void ck_buf_reset(struct ck_buf *b);
/* Private: ck_buf_grow when the buffer is too small. */
void ck_buf_grow_alloc(struct ck_buf *b, size_t extra);

/*
 * Make room for at least extra more bytes (plus the terminator). Inline, as ck_buf_addch:
 * the JSON writer calls them for every token.
 */
static inline void ck_buf_grow(struct ck_buf *b, size_t extra)
{
	/* len + extra + 1 <= cap, without overflow (cap > len once allocated). */
	if (b->cap && extra < b->cap - b->len)
		return;
	ck_buf_grow_alloc(b, extra);
}
/* Hand out the contents as a malloc'ed NUL-terminated string (caller frees), *len if set. */
char *ck_buf_detach(struct ck_buf *b, size_t *len);

void ck_buf_add(struct ck_buf *b, const void *data, size_t len);
void ck_buf_adds(struct ck_buf *b, const char *s);
static inline void ck_buf_addch(struct ck_buf *b, char c)
{
	ck_buf_grow(b, 1);
	b->data[b->len++] = c;
	b->data[b->len] = '\0';
}
void ck_buf_addf(struct ck_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void ck_buf_vaddf(struct ck_buf *b, const char *fmt, va_list ap)
        __attribute__((format(printf, 2, 0)));
/*
 * Append len bytes of text, replacing each byte that is not part of a well-formed UTF-8
 * sequence with U+FFFD, as Go's encoding/json does: for messages that quote client input
 * and must still fit in a JSON string (jansson refuses invalid UTF-8).
 */
void ck_buf_add_utf8(struct ck_buf *b, const void *data, size_t len);
/*
 * The length of the well-formed UTF-8 sequence (RFC 3629 table 3-7: no overlong forms,
 * surrogates or code points past U+10FFFF) at s, of at most n (>= 1) bytes; 0 when there
 * is none. An ASCII byte is 1.
 */
size_t ck_utf8_len(const void *s, size_t n);
/* Drop the first n bytes (for consumed input); n is clamped to len. */
void ck_buf_consume(struct ck_buf *b, size_t n);
/* Set the length to len (<= len today) and re-terminate. */
void ck_buf_truncate(struct ck_buf *b, size_t len);

/* String helpers. All take NUL-terminated strings and never allocate unless they say so. */
bool ck_str_has_prefix(const char *s, const char *prefix);
bool ck_str_has_suffix(const char *s, const char *suffix);
/* If s starts with prefix, set *rest past it and return true. */
bool ck_str_skip_prefix(const char *s, const char *prefix, const char **rest);
/* Equality that treats NULL as equal only to NULL. */
bool ck_str_eq(const char *a, const char *b);

/*
 * Split s at every sep into a NULL-terminated, malloc'ed array of malloc'ed strings
 * (free with ck_str_list_free). Empty fields are kept: "a,,b" gives "a", "", "b"; ""
 * gives one empty field. *n, when given, receives the count.
 */
char **ck_str_split(const char *s, char sep, size_t *n);
void ck_str_list_free(char **list);

/*
 * Parse a decimal integer that must fill the whole string, within [min, max]. Returns 0,
 * or -1 for an empty string, trailing characters or a value out of range (errno-free,
 * unlike atoi). Leading '+'/'-' allowed, whitespace not.
 */
int ck_str_to_int64(const char *s, int64_t min, int64_t max, int64_t *out);

#endif
