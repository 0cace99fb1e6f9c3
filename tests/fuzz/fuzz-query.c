/*
 * Fuzz target: request targets and query strings (src/net/http-parse.c), read as Go's
 * net/url reads them for kube-apiserver: http_parse_query on the input as a raw query
 * (?labelSelector=app%3Dweb&limit=500&watch=true), http_unescape with and without '+' as
 * space, and http_split_target on the input as a request target.
 *
 * Invariants: decoding never grows a string and never yields a NUL; the pairs of a query,
 * percent-encoded again and joined with '&', parse back to the same pairs in the same
 * order; a split target's path starts with '/' (or is "*" for OPTIONS).
 */
#include "base/compat.h"

#include "base/buf.h"
#include "net/http-int.h"

#include "fuzz.h"

/* Percent-encode everything but RFC 3986 unreserved bytes. */
static void encode(struct ck_buf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";

	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    strchr("-._~", c)) {
			ck_buf_addch(b, (char)c);
		} else {
			ck_buf_addch(b, '%');
			ck_buf_addch(b, hex[c >> 4]);
			ck_buf_addch(b, hex[c & 15]);
		}
	}
}

static void check_query(struct http_pool *pool, const char *query)
{
	struct ck_buf again = CK_BUF_INIT;
	struct http_kv *kv, *kv2;
	size_t n, n2, i;

	n = http_parse_query(pool, query, &kv);
	for (i = 0; i < n; i++) {
		FUZZ_CHECK(strlen(kv[i].name) <= strlen(query));
		if (i)
			ck_buf_addch(&again, '&');
		encode(&again, kv[i].name);
		ck_buf_addch(&again, '=');
		encode(&again, kv[i].value);
	}
	n2 = http_parse_query(pool, again.len ? again.data : "", &kv2);
	FUZZ_CHECKF(n2 == n, "%zu pairs, %zu after encoding again", n, n2);
	for (i = 0; i < n; i++) {
		FUZZ_CHECK(!strcmp(kv[i].name, kv2[i].name));
		FUZZ_CHECK(!strcmp(kv[i].value, kv2[i].value));
	}
	ck_buf_release(&again);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct http_pool pool = {NULL};
	const char *path, *query, *why;
	char *s = fuzz_cstr(data, size), *u;
	int st;

	if (!s)
		return -1;
	check_query(&pool, s);
	u = http_unescape(&pool, s, size, true);
	if (u)
		FUZZ_CHECK(strlen(u) <= size);
	u = http_unescape(&pool, s, size, false);
	if (u)
		FUZZ_CHECK(strlen(u) <= size);
	st = http_split_target(&pool, size && s[0] == '*' ? "OPTIONS" : "GET", s, &path, &query,
	                       &why);
	if (st == 0) {
		FUZZ_CHECK(path[0] == '/' || !strcmp(path, "*"));
		FUZZ_CHECK(strlen(path) <= size && strlen(query) <= size);
		check_query(&pool, query);
	} else {
		FUZZ_CHECK(st == 400 && why && *why);
	}
	http_pool_release(&pool);
	free(s);
	return 0;
}
