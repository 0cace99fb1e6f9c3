/*
 * JSON and base64 helpers (see json.h).
 */
#include "base/compat.h"

#include <openssl/evp.h>

#include "base/json.h"
#include "base/mem.h"

json_t *ck_json_parse(const char *data, size_t len, struct ck_error **err)
{
	json_error_t je;
	json_t *v = NULL;

	v = json_loadb(data, len, JSON_DECODE_ANY | JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &je);
	if (!v) {
		ck_error_set(err, 400, CK_REASON_BAD_REQUEST,
		             "invalid JSON at line %d column %d: %s", je.line, je.column, je.text);
		return NULL;
	}
	return v;
}

json_t *ck_json_parse_object(const char *data, size_t len, struct ck_error **err)
{
	json_t *v = ck_json_parse(data, len, err);

	if (v && !json_is_object(v)) {
		json_decref(v);
		ck_error_set(err, 400, CK_REASON_BAD_REQUEST, "invalid JSON: expected an object");
		return NULL;
	}
	return v;
}

/*
 * The compact encoding, byte for byte what jansson 2.14's json_dump_callback writes with
 * JSON_COMPACT (and JSON_SORT_KEYS when sorted), written straight into the buffer. jansson's
 * own dump checks every object and array for cycles with a snprintf("%p") and a hash
 * insert and delete, and hands each token to a callback: about 150 instructions per byte
 * of output, a quarter of the API server's CPU on a pod create. ckube's values are trees
 * (its parser's and its code's), so the cycle check is a depth limit here, deeper than
 * any value jansson's parser builds.
 */
#define DUMP_MAX_DEPTH 4096

/* 0: copied as is; 1: escaped; 2: the first byte of a multi-byte UTF-8 sequence. */
static const unsigned char dump_class[256] = {
        [0 ... 0x1f] = 1,
        ['"'] = 1,
        ['\\'] = 1,
        [0x80 ... 0xff] = 2,
};
static const char dump_short_escape[256] = {
        ['"'] = '"',  ['\\'] = '\\', ['\b'] = 'b', ['\f'] = 'f',
        ['\n'] = 'n', ['\r'] = 'r',  ['\t'] = 't',
};

int ck_json_dump_string(struct ck_buf *b, const char *str, size_t len)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0, run;

	ck_buf_grow(b, len + 2);
	b->data[b->len++] = '"';
	while (i < len) {
		for (run = i; run < len && !dump_class[s[run]]; run++)
			;
		ck_buf_add(b, s + i, run - i);
		i = run;
		if (i == len)
			break;
		if (dump_class[s[i]] == 2) {
			size_t n = ck_utf8_len(s + i, len - i);

			if (!n)
				return -1;
			ck_buf_add(b, s + i, n);
			i += n;
			continue;
		}
		/* JSON's short escapes where they exist, else \u00XX in capitals. */
		char esc[6] = {'\\', dump_short_escape[s[i]], '0', '0', 0, 0};
		size_t n = 2;

		if (!esc[1]) {
			esc[1] = 'u';
			esc[4] = hex[s[i] >> 4];
			esc[5] = hex[s[i] & 0xf];
			n = 6;
		}
		ck_buf_add(b, esc, n);
		i++;
	}
	ck_buf_addch(b, '"');
	return 0;
}

/* jansson's jsonp_dtostr at its default precision (17), in the C locale ckube runs in. */
static void dump_real(struct ck_buf *b, double v)
{
	char tmp[64];
	int n = snprintf(tmp, sizeof(tmp), "%.17g", v);
	char *e, *digits, *end;

	/* A dot or an exponent, so that it does not read back as an integer. */
	if (!strchr(tmp, '.') && !strchr(tmp, 'e')) {
		memcpy(tmp + n, ".0", 3);
		n += 2;
	}
	/* No '+' and no leading zeros in the exponent. */
	e = strchr(tmp, 'e');
	if (e) {
		digits = e + 1 + (e[1] == '-');
		for (end = e + 2; *end == '0'; end++)
			;
		memmove(digits, end, (size_t)(tmp + n - end) + 1);
		n -= (int)(end - digits);
	}
	ck_buf_add(b, tmp, (size_t)n);
}

static void dump_integer(struct ck_buf *b, json_int_t v)
{
	char tmp[24], *p = tmp + sizeof(tmp);
	/* The magnitude as unsigned, so that INT64_MIN negates. */
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;

	do
		*--p = (char)('0' + u % 10);
	while (u /= 10);
	if (v < 0)
		*--p = '-';
	ck_buf_add(b, p, (size_t)(tmp + sizeof(tmp) - p));
}

struct dump_key {
	const char *key;
	size_t len;
	json_t *value;
};

/* jansson's compare_keys: bytes, then the shorter first. */
static int dump_key_cmp(const void *a, const void *b)
{
	const struct dump_key *x = a, *y = b;
	int r = memcmp(x->key, y->key, x->len < y->len ? x->len : y->len);

	return r ? r : (x->len > y->len) - (x->len < y->len);
}

static int dump_value(struct ck_buf *b, const json_t *v, bool sorted, int depth);

static int dump_object(struct ck_buf *b, const json_t *v, bool sorted, int depth)
{
	size_t n = json_object_size(v), i = 0;
	struct dump_key stack[16], *keys = NULL;
	void *it;
	int r = 0;

	ck_buf_addch(b, '{');
	if (!sorted) {
		for (it = json_object_iter((json_t *)v); it && !r;
		     it = json_object_iter_next((json_t *)v, it)) {
			if (i++)
				ck_buf_addch(b, ',');
			r = ck_json_dump_string(b, json_object_iter_key(it),
			                        json_object_iter_key_len(it));
			if (!r) {
				ck_buf_addch(b, ':');
				r = dump_value(b, json_object_iter_value(it), sorted, depth + 1);
			}
		}
	} else if (n) {
		keys = n <= CK_ARRAY_SIZE(stack) ? stack : ck_xreallocarray(NULL, n, sizeof(*keys));
		for (it = json_object_iter((json_t *)v); it;
		     it = json_object_iter_next((json_t *)v, it))
			keys[i++] = (struct dump_key){json_object_iter_key(it),
			                              json_object_iter_key_len(it),
			                              json_object_iter_value(it)};
		qsort(keys, n, sizeof(*keys), dump_key_cmp);
		for (i = 0; i < n && !r; i++) {
			if (i)
				ck_buf_addch(b, ',');
			r = ck_json_dump_string(b, keys[i].key, keys[i].len);
			if (!r) {
				ck_buf_addch(b, ':');
				r = dump_value(b, keys[i].value, sorted, depth + 1);
			}
		}
		if (keys != stack)
			free(keys);
	}
	ck_buf_addch(b, '}');
	return r;
}

static int dump_value(struct ck_buf *b, const json_t *v, bool sorted, int depth)
{
	if (depth > DUMP_MAX_DEPTH)
		return -1;
	switch (json_typeof(v)) {
	case JSON_OBJECT:
		return dump_object(b, v, sorted, depth);
	case JSON_ARRAY:
		ck_buf_addch(b, '[');
		for (size_t i = 0, n = json_array_size(v); i < n; i++) {
			if (i)
				ck_buf_addch(b, ',');
			if (dump_value(b, json_array_get(v, i), sorted, depth + 1) < 0)
				return -1;
		}
		ck_buf_addch(b, ']');
		return 0;
	case JSON_STRING:
		return ck_json_dump_string(b, json_string_value(v), json_string_length(v));
	case JSON_INTEGER:
		dump_integer(b, json_integer_value(v));
		return 0;
	case JSON_REAL:
		dump_real(b, json_real_value(v));
		return 0;
	case JSON_TRUE:
		ck_buf_adds(b, "true");
		return 0;
	case JSON_FALSE:
		ck_buf_adds(b, "false");
		return 0;
	case JSON_NULL:
		ck_buf_adds(b, "null");
		return 0;
	}
	return -1;
}

int ck_json_dump_buf(const json_t *v, struct ck_buf *b, bool sorted, struct ck_error **err)
{
	size_t start = b->len;

	if (!v || dump_value(b, v, sorted, 0) < 0) {
		ck_buf_truncate(b, start);
		return ck_error_set(err, 500, NULL, "cannot encode JSON");
	}
	return 0;
}

char *ck_json_dumps(const json_t *v)
{
	struct ck_buf b = CK_BUF_INIT;

	if (ck_json_dump_buf(v, &b, false, NULL) < 0)
		ck_buf_adds(&b, "<unencodable>");
	return ck_buf_detach(&b, NULL);
}

static int get_typed(const json_t *obj, const char *key, json_type type, const char *tname,
                     json_t **out, struct ck_error **err)
{
	json_t *v = json_is_object(obj) ? json_object_get(obj, key) : NULL;

	if (!v || json_is_null(v))
		return 1;
	if (json_typeof(v) != type && !(type == JSON_TRUE && json_is_boolean(v)))
		return ck_error_set(err, 400, CK_REASON_BAD_REQUEST, "field '%s': expected %s", key,
		                    tname);
	*out = v;
	return 0;
}

int ck_json_get_str(const json_t *obj, const char *key, const char **out, struct ck_error **err)
{
	json_t *v = NULL;
	int r = get_typed(obj, key, JSON_STRING, "a string", &v, err);

	if (r == 0)
		*out = json_string_value(v);
	return r;
}

int ck_json_get_bool(const json_t *obj, const char *key, bool *out, struct ck_error **err)
{
	json_t *v = NULL;
	int r = get_typed(obj, key, JSON_TRUE, "a boolean", &v, err);

	if (r == 0)
		*out = json_is_true(v);
	return r;
}

int ck_json_get_int(const json_t *obj, const char *key, int64_t *out, struct ck_error **err)
{
	json_t *v = NULL;
	int r = get_typed(obj, key, JSON_INTEGER, "an integer", &v, err);

	if (r == 0)
		*out = json_integer_value(v);
	return r;
}

int ck_json_get_object(const json_t *obj, const char *key, json_t **out, struct ck_error **err)
{
	return get_typed(obj, key, JSON_OBJECT, "an object", out, err);
}

int ck_json_get_array(const json_t *obj, const char *key, json_t **out, struct ck_error **err)
{
	return get_typed(obj, key, JSON_ARRAY, "an array", out, err);
}

int ck_json_get_int64_str(const json_t *obj, const char *key, int64_t *out, struct ck_error **err)
{
	json_t *v = json_is_object(obj) ? json_object_get(obj, key) : NULL;

	if (!v || json_is_null(v))
		return 1;
	if (json_is_integer(v)) {
		*out = json_integer_value(v);
		return 0;
	}
	if (json_is_string(v) &&
	    ck_str_to_int64(json_string_value(v), INT64_MIN, INT64_MAX, out) == 0)
		return 0;
	return ck_error_set(err, 400, CK_REASON_BAD_REQUEST,
	                    "field '%s': expected a 64-bit integer", key);
}

json_t *ck_json_path(const json_t *v, const char *path)
{
	const char *p = path;

	while (v && *p) {
		const char *dot = strchr(p, '.');
		size_t n = dot ? (size_t)(dot - p) : strlen(p);

		if (!json_is_object(v))
			return NULL;
		v = json_object_getn(v, p, n);
		p += n + (dot ? 1 : 0);
	}
	return (json_t *)v;
}

const char *ck_json_path_str(const json_t *v, const char *path)
{
	return json_string_value(ck_json_path(v, path));
}

void ck_json_set_int64_str(json_t *obj, const char *key, int64_t v)
{
	char tmp[24];

	snprintf(tmp, sizeof(tmp), "%" PRId64, v);
	json_object_set_new(obj, key, json_string(tmp));
}

char *ck_base64_encode(const void *data, size_t len)
{
	size_t out_len = 4 * ((len + 2) / 3);
	char *out = ck_xmalloc(out_len + 1);

	CK_BUG_ON(len > INT32_MAX);
	EVP_EncodeBlock((unsigned char *)out, data, (int)len);
	out[out_len] = '\0';
	return out;
}

char *ck_base64_decode(const char *s, size_t *len, struct ck_error **err)
{
	size_t n = strlen(s), pad = 0;
	unsigned char *out;
	int r;

	if (n % 4 || n > INT32_MAX) {
		ck_error_set(err, 400, CK_REASON_BAD_REQUEST, "invalid base64: length %zu", n);
		return NULL;
	}
	/* EVP_DecodeBlock skips leading blanks and trailing blanks, CR, LF and '-'. */
	if (strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=") != n) {
		ck_error_set(err, 400, CK_REASON_BAD_REQUEST, "invalid base64 data");
		return NULL;
	}
	out = ck_xmalloc(n / 4 * 3 + 1);
	r = EVP_DecodeBlock(out, (const unsigned char *)s, (int)n);
	if (r < 0) {
		free(out);
		ck_error_set(err, 400, CK_REASON_BAD_REQUEST, "invalid base64 data");
		return NULL;
	}
	/* EVP_DecodeBlock counts padding as zero bytes; a '=' may only end the input. */
	if (n && s[n - 1] == '=')
		pad++;
	if (n > 1 && s[n - 2] == '=')
		pad++;
	if (memchr(s, '=', n - pad)) {
		free(out);
		ck_error_set(err, 400, CK_REASON_BAD_REQUEST, "invalid base64 padding");
		return NULL;
	}
	*len = (size_t)r - pad;
	out[*len] = '\0';
	return (char *)out;
}
