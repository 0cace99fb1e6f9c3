/*
 * Lookups over the generated schema tables (schema-tables.c), the path walk behind the
 * strategic merge patch lookup, and the decode check that finds unknown fields and values
 * of the wrong type the way kube-apiserver's typed JSON decoding does (schema.h).
 */
#include <math.h>

#include <jansson.h>

#include "base/compat.h"

#include "api/schema-int.h"
#include "base/buf.h"
#include "base/error.h"
#include "base/mem.h"
#include "base/quantity.h"
#include "base/time.h"

/* ---- lookups ---------------------------------------------------------------------- */

/* strcmp over a counted string and a C string. */
static int cmpn(const char *a, size_t alen, const char *b)
{
	size_t blen = strlen(b);
	int c = memcmp(a, b, alen < blen ? alen : blen);

	if (c)
		return c;
	return alen < blen ? -1 : alen > blen;
}

const struct ck_schema_kind *ck_schema_kind_find(const char *group, const char *version,
                                                 const char *kind)
{
	size_t lo = 0, hi = ck_schema_tab_nkinds;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct ck_schema_kind *k = &ck_schema_tab_kinds[mid];
		int c = strcmp(group, k->group);

		if (!c)
			c = strcmp(version, k->version);
		if (!c)
			c = strcmp(kind, k->kind);
		if (!c)
			return k;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

size_t ck_schema_kind_count(void)
{
	return ck_schema_tab_nkinds;
}

const struct ck_schema_kind *ck_schema_kind_at(size_t i)
{
	CK_BUG_ON(i >= ck_schema_tab_nkinds);
	return &ck_schema_tab_kinds[i];
}

const struct ck_schema_type *ck_schema_type_find(const char *openapi_name)
{
	const char *dot = strrchr(openapi_name, '.');
	size_t lo = 0, hi = ck_schema_tab_ntypes;

	if (!dot)
		return NULL;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct ck_schema_type *t = ck_schema_tab_types[mid];
		int c = cmpn(openapi_name, (size_t)(dot - openapi_name), t->pkg->openapi);

		if (!c)
			c = strcmp(dot + 1, t->name);
		if (!c)
			return t;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

size_t ck_schema_type_count(void)
{
	return ck_schema_tab_ntypes;
}

const struct ck_schema_type *ck_schema_type_at(size_t i)
{
	CK_BUG_ON(i >= ck_schema_tab_ntypes);
	return ck_schema_tab_types[i];
}

const char *ck_schema_upstream(void)
{
	return ck_schema_tab_upstream;
}

const struct ck_schema_field *ck_schema_field_findn(const struct ck_schema_type *type,
                                                    const char *name, size_t len)
{
	size_t lo = 0, hi = type->nfields;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = cmpn(name, len, type->fields[mid].name);

		if (!c)
			return &type->fields[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

const struct ck_schema_field *ck_schema_field_find(const struct ck_schema_type *type,
                                                   const char *name)
{
	return ck_schema_field_findn(type, name, strlen(name));
}

const struct ck_schema_field *ck_schema_field_by_proto(const struct ck_schema_type *type,
                                                       uint32_t number)
{
	size_t lo = 0, hi = type->nproto;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct ck_schema_field *f = &type->fields[type->proto_index[mid]];

		if (f->proto == number)
			return f;
		if (number < f->proto)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

enum ck_schema_wire ck_schema_wire_type(enum ck_schema_vkind kind)
{
	switch (kind) {
	case CK_SCHEMA_BOOL:
	case CK_SCHEMA_INT32:
	case CK_SCHEMA_INT64:
		return CK_SCHEMA_WIRE_VARINT;
	case CK_SCHEMA_DOUBLE:
		return CK_SCHEMA_WIRE_FIXED64;
	default:
		return CK_SCHEMA_WIRE_BYTES;
	}
}

/* ---- paths and strategic merge patch ------------------------------------------------ */

const struct ck_schema_field *ck_schema_path_find(const struct ck_schema_type *root,
                                                  const char *path)
{
	const struct ck_schema_type *t = root;
	const struct ck_schema_field *f = NULL;
	const char *p = path;
	bool in_map = false; /* the next segment is a key of the map field f */

	for (;;) {
		const char *end = strchr(p, '.');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		bool element = false;

		if (len >= 2 && p[len - 2] == '[' && p[len - 1] == ']') {
			element = true;
			len -= 2;
		}
		if (in_map) {
			/* A map key: any string; its value is the map's element. */
			if (element)
				return NULL;
			in_map = false;
			t = f->elem == CK_SCHEMA_OBJECT ? f->type : NULL;
			f = NULL;
		} else {
			if (!t || !len)
				return NULL;
			f = ck_schema_field_findn(t, p, len);
			if (!f)
				return NULL;
			if (element) {
				if (f->kind != CK_SCHEMA_ARRAY || !end)
					return NULL; /* ends in "[]": an element, not a field */
				t = f->elem == CK_SCHEMA_OBJECT ? f->type : NULL;
			} else if (f->kind == CK_SCHEMA_OBJECT) {
				t = f->type;
			} else if (f->kind == CK_SCHEMA_MAP) {
				in_map = true;
				t = NULL;
			} else {
				t = NULL;
			}
		}
		if (!end)
			return f;
		p = end + 1;
	}
}

bool ck_schema_patch_lookup(const void *ctx, const char *path, struct ck_patch_field *out)
{
	const struct ck_schema_field *f = ck_schema_path_find(ctx, path);

	if (!f || (!f->strategy && !f->merge_key))
		return false;
	out->strategy = f->strategy;
	out->merge_key = f->merge_key;
	return true;
}

const struct ck_patch_schema *ck_schema_patch_schema(const struct ck_schema_kind *kind)
{
	return &kind->patch;
}

/* ---- decode check ------------------------------------------------------------------- */

struct walk {
	unsigned flags;
	ck_schema_strict_fn *strict;
	void *ctx;
	struct ck_buf path;     /* strict path: "spec.containers[0].name" */
	struct ck_buf gopath;   /* Go's errorContext.FieldStack: "spec.containers.name" */
	const char *gostruct;   /* Go's errorContext.Struct: the struct being decoded */
	unsigned nstrict;       /* unknown fields reported */
	struct ck_error *saved; /* the first type mismatch (Go's saveError) */
};

/* The length of the well-formed UTF-8 sequence at p (before e) and its rune; 0 if none. */
static size_t utf8_rune(const unsigned char *p, const unsigned char *e, unsigned *rune)
{
	size_t n = *p >= 0xc2 && *p <= 0xdf   ? 2
	           : *p >= 0xe0 && *p <= 0xef ? 3
	           : *p >= 0xf0 && *p <= 0xf4 ? 4
	                                      : 0;
	unsigned cp;

	if (!n || (size_t)(e - p) < n)
		return 0;
	cp = *p & (0x7fu >> n);
	for (size_t i = 1; i < n; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (p[i] & 0x3f);
	}
	if ((n == 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
	    (n == 4 && (cp < 0x10000 || cp > 0x10ffff)))
		return 0;
	*rune = cp;
	return n;
}

/*
 * Append s as Go's strconv.Quote writes it, without the quotes: '"' and '\\' escaped,
 * control characters as \n, \t, \x1f, \u0085, bytes that are not UTF-8 as \xff. Other
 * runes are kept (Go also escapes the few others unicode.IsPrint rejects).
 */
static void add_go_quoted(struct ck_buf *b, const char *s, size_t len)
{
	static const char *const esc[0x80] = {
	        ['"'] = "\\\"", ['\\'] = "\\\\", ['\a'] = "\\a", ['\b'] = "\\b", ['\f'] = "\\f",
	        ['\n'] = "\\n", ['\r'] = "\\r",  ['\t'] = "\\t", ['\v'] = "\\v",
	};
	const unsigned char *p = (const unsigned char *)s, *e = p + len;

	while (p < e) {
		unsigned rune;
		size_t n;

		if (*p < 0x80 && esc[*p]) {
			ck_buf_adds(b, esc[*p]);
			p++;
		} else if (*p < 0x20 || *p == 0x7f) {
			ck_buf_addf(b, "\\x%02x", *p);
			p++;
		} else if (*p < 0x80) {
			ck_buf_addch(b, (char)*p);
			p++;
		} else if ((n = utf8_rune(p, e, &rune)) == 0) {
			ck_buf_addf(b, "\\x%02x", *p);
			p++;
		} else {
			if (rune <= 0xa0 || rune == 0xad) /* C1 controls, NBSP, soft hyphen */
				ck_buf_addf(b, "\\u%04x", rune);
			else
				ck_buf_add(b, p, n);
			p += n;
		}
	}
}

/* K8S: sigs.k8s.io/json's field errors: `<what> field "<path>.<key>"`, Go-quoted. */
static void field_error(struct ck_buf *msg, const char *what, const struct ck_buf *path,
                        const char *key, size_t len)
{
	ck_buf_addf(msg, "%s field \"", what);
	add_go_quoted(msg, path->data, path->len);
	if (path->len)
		ck_buf_addch(msg, '.');
	add_go_quoted(msg, key, len);
	ck_buf_addch(msg, '"');
}

/* K8S: sigs.k8s.io/json newFieldError: the path so far, '.', the key. */
static void report_unknown(struct walk *w, const char *key, size_t len)
{
	struct ck_buf msg = CK_BUF_INIT;

	if (!w->strict || w->nstrict >= CK_SCHEMA_MAX_STRICT_ERRORS)
		return;
	w->nstrict++;
	field_error(&msg, "unknown", &w->path, key, len);
	w->strict(w->ctx, msg.data);
	ck_buf_release(&msg);
}

/* How encoding/json names a JSON value in "cannot unmarshal X" (UnmarshalTypeError.Value). */
static const char *value_desc(const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT:
		return "object";
	case JSON_ARRAY:
		return "array";
	case JSON_STRING:
		return "string";
	case JSON_TRUE:
	case JSON_FALSE:
		return "bool";
	default:
		return "number";
	}
}

/*
 * A number as its literal: integers exactly, reals in the shortest form that reads back,
 * with ".0" when that form looks like an integer (the literal had a point or exponent).
 */
static void format_number(const json_t *v, char *buf, size_t size)
{
	double d;

	if (json_is_integer(v)) {
		snprintf(buf, size, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
		return;
	}
	d = json_real_value(v);
	for (int prec = 15; prec <= 17; prec++) {
		snprintf(buf, size, "%.*g", prec, d);
		if (strtod(buf, NULL) == d)
			break;
	}
	if (!strpbrk(buf, ".eEni")) {
		size_t n = strlen(buf);

		snprintf(buf + n, size - n, ".0");
	}
}

/*
 * An UnmarshalTypeError: "json: cannot unmarshal <what> into Go struct field
 * <Struct>.<field path> of type <go_type>", or "... into Go value of type <go_type>" before
 * any field (K8S: encoding/json addErrorContext). Sets *err, returns -1.
 */
static int type_error(struct walk *w, const char *what, const char *go_type, struct ck_error **err)
{
	if (w->gostruct || w->gopath.len)
		return ck_error_set(
		        err, 400, CK_REASON_BAD_REQUEST,
		        "json: cannot unmarshal %s into Go struct field %s.%s of type %s", what,
		        w->gostruct ? w->gostruct : "", w->gopath.data, go_type);
	return ck_error_set(err, 400, CK_REASON_BAD_REQUEST,
	                    "json: cannot unmarshal %s into Go value of type %s", what, go_type);
}

/* Go's saveError: keep the first type mismatch and go on. Returns 0. */
static int save_type_error(struct walk *w, const char *what, const char *go_type)
{
	if (!w->saved)
		type_error(w, what, go_type, &w->saved);
	return 0;
}

/* The base64 alphabet value of c, or -1. */
static int b64_value(unsigned char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '+')
		return 62;
	if (c == '/')
		return 63;
	return -1;
}

/*
 * K8S: []byte fields are base64.StdEncoding in JSON. Returns -1 when s decodes, else the
 * offset Go's decoder reports in "illegal base64 data at input byte N" (encoding/base64
 * decodeQuantum: '\r' and '\n' are skipped anywhere, padding is required).
 */
static long go_base64_error(const unsigned char *s, size_t len)
{
	size_t si = 0;

	while (si < len) {
		for (int j = 0; j < 4; j++) {
			unsigned char c;

			if (si == len)
				return j == 0 ? -1 : (long)(si - (size_t)j);
			c = s[si++];
			if (b64_value(c) >= 0)
				continue;
			if (c == '\n' || c == '\r') {
				j--;
				continue;
			}
			if (c != '=' || j < 2)
				return (long)(si - 1);
			if (j == 2) {
				/* "==" expected; the first '=' is consumed */
				while (si < len && (s[si] == '\n' || s[si] == '\r'))
					si++;
				if (si == len)
					return (long)len;
				if (s[si] != '=')
					return (long)(si - 1);
				si++;
			}
			while (si < len && (s[si] == '\n' || s[si] == '\r'))
				si++;
			return si < len ? (long)si : -1;
		}
	}
	return -1;
}

static int walk_object(struct walk *w, const struct ck_schema_type *type, json_t *obj,
                       struct ck_error **err);

/* "number <literal>": how encoding/json names a number that does not fit an integer. */
static void number_desc(const json_t *v, char *what, size_t size)
{
	char lit[64];

	format_number(v, lit, sizeof(lit));
	snprintf(what, size, "number %s", lit);
}

/* Saves "cannot unmarshal number <literal>" for a number that does not fit go_type. */
static int save_number_error(struct walk *w, const json_t *v, const char *go_type)
{
	char what[80];

	number_desc(v, what, sizeof(what));
	return save_type_error(w, what, go_type);
}

/* An integer that fits kind (INT32 or INT64); otherwise saves a type mismatch. */
static int check_int(struct walk *w, const json_t *v, int kind, const char *go_type)
{
	json_int_t n;

	if (!json_is_number(v))
		return save_type_error(w, value_desc(v), go_type);
	if (!json_is_integer(v))
		return save_number_error(w, v, go_type);
	n = json_integer_value(v);
	if (kind == CK_SCHEMA_INT32 && (n < INT32_MIN || n > INT32_MAX))
		return save_number_error(w, v, go_type);
	return 0;
}

/* K8S: resource.Quantity.UnmarshalJSON parses the literal, quoted or not. */
static int check_quantity(const json_t *v, struct ck_error **err)
{
	struct ck_quantity q;
	char lit[64];
	char *dump = NULL;
	const char *s;
	int r;

	if (json_is_string(v)) {
		/* K8S: strings.TrimSpace before ParseQuantity */
		const char *b = json_string_value(v);
		size_t n = json_string_length(v);
		char *t;

		while (n && strchr(" \t\n\r\v\f", *b)) {
			b++;
			n--;
		}
		while (n && strchr(" \t\n\r\v\f", b[n - 1]))
			n--;
		t = ck_xstrndup(b, n);
		r = ck_quantity_parse(t, &q, err);
		free(t);
		return r;
	}
	if (json_is_number(v)) {
		format_number(v, lit, sizeof(lit));
		s = lit;
	} else {
		dump = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
		s = dump ? dump : "";
	}
	r = ck_quantity_parse(s, &q, err);
	free(dump);
	return r;
}

/* Check one value of kind (an element, or a whole non-collection field). */
static int walk_value(struct walk *w, json_t *v, int kind, const struct ck_schema_type *type,
                      const char *go_type, struct ck_error **err)
{
	struct timespec ts;
	long bad;

	if (json_is_null(v))
		return 0; /* K8S: null leaves a Go value at its zero value */
	switch (kind) {
	case CK_SCHEMA_STRING:
		return json_is_string(v) ? 0 : save_type_error(w, value_desc(v), go_type);
	case CK_SCHEMA_BOOL:
		return json_is_boolean(v) ? 0 : save_type_error(w, value_desc(v), go_type);
	case CK_SCHEMA_INT32:
	case CK_SCHEMA_INT64:
		return check_int(w, v, kind, go_type);
	case CK_SCHEMA_DOUBLE:
		return json_is_number(v) ? 0 : save_type_error(w, value_desc(v), go_type);
	case CK_SCHEMA_BYTES:
		if (json_is_string(v)) {
			bad = go_base64_error((const unsigned char *)json_string_value(v),
			                      json_string_length(v));
			if (bad >= 0 && !w->saved)
				ck_error_set(&w->saved, 400, CK_REASON_BAD_REQUEST,
				             "illegal base64 data at input byte %ld", bad);
			return 0;
		}
		if (json_is_array(v)) {
			/* K8S: encoding/json also decodes []byte from an array of numbers */
			size_t i;
			json_t *e;

			json_array_foreach(v, i, e)
			{
				if (json_is_null(e))
					continue;
				if (json_is_integer(e) && json_integer_value(e) >= 0 &&
				    json_integer_value(e) <= 255)
					continue;
				if (json_is_number(e))
					save_number_error(w, e, "uint8");
				else
					save_type_error(w, value_desc(e), "uint8");
			}
			return 0;
		}
		return save_type_error(w, value_desc(v), go_type);
	case CK_SCHEMA_QUANTITY:
		return check_quantity(v, err);
	case CK_SCHEMA_INT_OR_STRING:
		/* K8S: IntOrString.UnmarshalJSON: a string, else json.Unmarshal into int32,
		 * whose error gets the field's context and ends decoding */
		if (json_is_string(v))
			return 0;
		if (json_is_integer(v) && json_integer_value(v) >= INT32_MIN &&
		    json_integer_value(v) <= INT32_MAX)
			return 0;
		if (json_is_number(v)) {
			char what[80];

			number_desc(v, what, sizeof(what));
			return type_error(w, what, "int32", err);
		}
		return type_error(w, value_desc(v), "int32", err);
	case CK_SCHEMA_TIME:
	case CK_SCHEMA_MICRO_TIME:
		/* K8S: Time.UnmarshalJSON: json.Unmarshal into a string, then time.Parse */
		if (!json_is_string(v))
			return type_error(w, value_desc(v), "string", err);
		if (kind == CK_SCHEMA_TIME)
			return ck_time_parse_rfc3339(json_string_value(v), &ts, err);
		return ck_time_parse_rfc3339_micro(json_string_value(v), &ts, err);
	case CK_SCHEMA_DURATION:
		/* K8S: Duration.UnmarshalJSON: a string for time.ParseDuration (not checked) */
		return json_is_string(v) ? 0 : type_error(w, value_desc(v), "string", err);
	case CK_SCHEMA_RAW:
		return 0;
	case CK_SCHEMA_OBJECT:
		if (!json_is_object(v))
			return save_type_error(w, value_desc(v), go_type);
		return walk_object(w, type, v, err);
	default:
		CK_BUG("schema value kind without a check");
	}
}

/* The Go type name of a collection field's elements: "[]v1.Container" -> "v1.Container". */
static const char *elem_go_type(const struct ck_schema_field *f)
{
	const char *s = f->go_type;
	int depth = 0;

	if (ck_str_has_prefix(s, "[]"))
		return s + 2;
	if (!ck_str_has_prefix(s, "map["))
		return s; /* a named collection: its elements have their own decoders */
	for (; *s; s++) {
		if (*s == '[')
			depth++;
		else if (*s == ']' && --depth == 0)
			return s + 1;
	}
	return f->go_type;
}

static int walk_field(struct walk *w, const struct ck_schema_field *f, json_t *v,
                      struct ck_error **err)
{
	const char *elem_go;
	size_t base = w->path.len;
	json_t *e;
	int r = 0;

	if (json_is_null(v) || (f->kind != CK_SCHEMA_ARRAY && f->kind != CK_SCHEMA_MAP))
		return walk_value(w, v, f->kind, f->type, f->go_type, err);
	elem_go = elem_go_type(f);
	if (f->kind == CK_SCHEMA_ARRAY) {
		size_t i;

		if (!json_is_array(v))
			return save_type_error(w, value_desc(v), f->go_type);
		json_array_foreach(v, i, e)
		{
			ck_buf_addf(&w->path, "[%zu]", i);
			r = walk_value(w, e, f->elem, f->type, elem_go, err);
			ck_buf_truncate(&w->path, base);
			if (r < 0)
				return r;
		}
		return 0;
	}
	if (!json_is_object(v))
		return save_type_error(w, value_desc(v), f->go_type);
	for (void *it = json_object_iter(v); it; it = json_object_iter_next(v, it)) {
		/* K8S: map keys join the strict path but not Go's FieldStack */
		ck_buf_addch(&w->path, '.');
		ck_buf_add(&w->path, json_object_iter_key(it), json_object_iter_key_len(it));
		r = walk_value(w, json_object_iter_value(it), f->elem, f->type, elem_go, err);
		ck_buf_truncate(&w->path, base);
		if (r < 0)
			return r;
	}
	return 0;
}

/* Keys go into the strict path raw; report_unknown quotes the whole path once. */
static void path_push_key(struct ck_buf *b, const char *key, size_t len)
{
	if (b->len)
		ck_buf_addch(b, '.');
	ck_buf_add(b, key, len);
}

static int walk_object(struct walk *w, const struct ck_schema_type *type, json_t *obj,
                       struct ck_error **err)
{
	const char *saved_struct = w->gostruct;
	size_t base = w->path.len, gobase = w->gopath.len;
	void *it = json_object_iter(obj);

	while (it) {
		const char *key = json_object_iter_key(it);
		size_t len = json_object_iter_key_len(it);
		const struct ck_schema_field *f = ck_schema_field_findn(type, key, len);
		void *next = json_object_iter_next(obj, it);
		int r;

		if (!f) {
			report_unknown(w, key, len);
			if (w->flags & CK_SCHEMA_CHECK_PRUNE)
				json_object_deln(obj, key, len);
			it = next;
			continue;
		}
		path_push_key(&w->path, key, len);
		if (w->gopath.len)
			ck_buf_addch(&w->gopath, '.');
		ck_buf_add(&w->gopath, key, len);
		w->gostruct = type->name;
		r = walk_field(w, f, json_object_iter_value(it), err);
		w->gostruct = saved_struct;
		ck_buf_truncate(&w->path, base);
		ck_buf_truncate(&w->gopath, gobase);
		if (r < 0)
			return r;
		it = next;
	}
	return 0;
}

int ck_schema_check(const struct ck_schema_type *type, json_t *v, unsigned flags,
                    ck_schema_strict_fn *strict, void *ctx, struct ck_error **err)
{
	struct walk w = {
	        .flags = flags,
	        .strict = strict,
	        .ctx = ctx,
	        .path = CK_BUF_INIT,
	        .gopath = CK_BUF_INIT,
	};
	char go_type[128];
	int r = 0;

	if (!json_is_object(v)) {
		if (!json_is_null(v)) {
			snprintf(go_type, sizeof(go_type), "%s.%s", type->pkg->go_name, type->name);
			r = type_error(&w, value_desc(v), go_type, err);
		}
	} else {
		r = walk_object(&w, type, v, err);
	}
	ck_buf_release(&w.path);
	ck_buf_release(&w.gopath);
	if (r < 0) {
		ck_error_free(w.saved);
		return r;
	}
	if (w.saved) {
		if (err)
			*err = w.saved;
		else
			ck_error_free(w.saved);
		return -1;
	}
	return 0;
}

/* Strict decoding messages, kept until the whole object is known to decode. */
struct strict_msgs {
	struct ck_buf all; /* each message followed by its NUL */
	unsigned n;
};

static void collect_strict(void *ctx, const char *msg)
{
	struct strict_msgs *m = ctx;

	ck_buf_add(&m->all, msg, strlen(msg) + 1);
	m->n++;
}

/* ---- duplicate members ---------------------------------------------------------------- */

struct dup_scan {
	const char *p, *end;
	struct ck_buf path; /* as struct walk's: keys raw, "[i]" for elements */
	struct strict_msgs *out;
};

static void dup_ws(struct dup_scan *s)
{
	while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' || *s->p == '\r' || *s->p == '\n'))
		s->p++;
}

/* At a string's opening quote: step over it; *raw and *len are its text between quotes. */
static void dup_string(struct dup_scan *s, const char **raw, size_t *len, bool *escaped)
{
	*raw = ++s->p;
	*escaped = false;
	while (s->p < s->end && *s->p != '"') {
		if (*s->p == '\\') {
			*escaped = true;
			s->p++;
		}
		s->p++;
	}
	*len = (size_t)(s->p - *raw);
	s->p++;
}

static void dup_value(struct dup_scan *s);

/* A member key as a C string (escapes decoded by jansson); the caller frees it. */
static char *dup_key(const char *raw, size_t len, bool escaped, size_t *klen)
{
	json_t *v;
	char *k;

	if (!escaped) {
		*klen = len;
		return ck_xstrndup(raw, len);
	}
	v = json_loadb(raw - 1, len + 2, JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL);
	*klen = json_string_length(v);
	k = ck_xmalloc(*klen + 1);
	memcpy(k, json_string_value(v) ? json_string_value(v) : "", *klen);
	k[*klen] = 0;
	json_decref(v);
	return k;
}

static void dup_object(struct dup_scan *s)
{
	size_t base = s->path.len, n = 0, alloc = 0;
	struct {
		char *key;
		size_t len;
	} *seen = NULL;

	s->p++;
	for (;;) {
		const char *raw;
		size_t len, klen;
		bool escaped, dup = false;
		char *key;

		dup_ws(s);
		if (s->p >= s->end || *s->p != '"')
			break; /* '}' of an empty object */
		dup_string(s, &raw, &len, &escaped);
		key = dup_key(raw, len, escaped, &klen);
		for (size_t i = 0; i < n && !dup; i++)
			dup = seen[i].len == klen && !memcmp(seen[i].key, key, klen);
		if (dup && s->out->n < CK_SCHEMA_MAX_STRICT_ERRORS) {
			struct ck_buf msg = CK_BUF_INIT;

			/* K8S: sigs.k8s.io/json newFieldError(duplicateStrictErrType, key) */
			field_error(&msg, "duplicate", &s->path, key, klen);
			collect_strict(s->out, msg.data);
			ck_buf_release(&msg);
		}
		if (dup) {
			free(key);
		} else {
			if (n == alloc) {
				alloc = alloc ? 2 * alloc : 8;
				seen = ck_xrealloc(seen, alloc * sizeof(*seen));
			}
			seen[n].key = key;
			seen[n++].len = klen;
		}
		dup_ws(s);
		s->p++; /* ':' */
		path_push_key(&s->path, raw, len);
		dup_value(s);
		ck_buf_truncate(&s->path, base);
		dup_ws(s);
		if (s->p >= s->end || *s->p != ',')
			break;
		s->p++;
	}
	s->p++; /* '}' */
	for (size_t i = 0; i < n; i++)
		free(seen[i].key);
	free(seen);
}

static void dup_value(struct dup_scan *s)
{
	const char *raw;
	size_t len, base = s->path.len, i = 0;
	bool escaped;

	dup_ws(s);
	if (s->p >= s->end)
		return;
	if (*s->p == '{') {
		dup_object(s);
	} else if (*s->p == '[') {
		s->p++;
		for (;;) {
			dup_ws(s);
			if (s->p >= s->end || *s->p == ']')
				break;
			ck_buf_addf(&s->path, "[%zu]", i++);
			dup_value(s);
			ck_buf_truncate(&s->path, base);
			dup_ws(s);
			if (s->p >= s->end || *s->p != ',')
				break;
			s->p++;
		}
		s->p++;
	} else if (*s->p == '"') {
		dup_string(s, &raw, &len, &escaped);
	} else {
		while (s->p < s->end && !strchr(",]} \t\r\n", *s->p))
			s->p++;
	}
}

/* Strict decoding messages, duplicates and unknown fields, kept to be reported together. */
static int validate_unknown(const struct ck_schema_kind *kind, json_t *obj, struct strict_msgs *pre,
                            enum ck_schema_validation mode, ck_schema_strict_fn *warn, void *ctx,
                            struct ck_error **err);

int ck_schema_validate_body(const struct ck_schema_kind *kind, json_t *obj, const char *text,
                            size_t len, enum ck_schema_validation mode, ck_schema_strict_fn *warn,
                            void *ctx, struct ck_error **err)
{
	struct strict_msgs pre = {.all = CK_BUF_INIT};
	int r;

	if (text && mode != CK_SCHEMA_VALIDATION_IGNORE) {
		struct dup_scan s = {
		        .p = text, .end = text + len, .path = CK_BUF_INIT, .out = &pre};

		dup_value(&s);
		ck_buf_release(&s.path);
	}
	r = validate_unknown(kind, obj, &pre, mode, warn, ctx, err);
	ck_buf_release(&pre.all);
	return r;
}

int ck_schema_validate_unknown(const struct ck_schema_kind *kind, json_t *obj,
                               enum ck_schema_validation mode, ck_schema_strict_fn *warn, void *ctx,
                               struct ck_error **err)
{
	return ck_schema_validate_body(kind, obj, NULL, 0, mode, warn, ctx, err);
}

static int validate_unknown(const struct ck_schema_kind *kind, json_t *obj, struct strict_msgs *pre,
                            enum ck_schema_validation mode, ck_schema_strict_fn *warn, void *ctx,
                            struct ck_error **err)
{
	struct strict_msgs m = {.all = CK_BUF_INIT};
	struct ck_error *e = NULL;
	struct ck_buf msg = CK_BUF_INIT;
	const char *p;

	if (ck_schema_check(kind->type, obj, CK_SCHEMA_CHECK_PRUNE,
	                    mode == CK_SCHEMA_VALIDATION_IGNORE ? NULL : collect_strict, &m,
	                    &e) < 0) {
		ck_buf_release(&m.all);
		/* K8S: handlers/rest.go transformDecodeError */
		ck_error_wrap(&e, "%s in version \"%s\" cannot be handled as a %s", kind->kind,
		              kind->version, kind->kind);
		if (err)
			*err = e;
		else
			ck_error_free(e);
		return -1;
	}
	/* Duplicates first: ckube does not interleave them in document order as Go does. */
	if (pre->n) {
		ck_buf_add(&pre->all, m.all.data, m.all.len);
		ck_buf_release(&m.all);
		m.all = pre->all;
		m.n += pre->n;
		pre->all = (struct ck_buf)CK_BUF_INIT;
		pre->n = 0;
	}
	if (mode == CK_SCHEMA_VALIDATION_STRICT && m.n) {
		/* K8S: runtime.strictDecodingError joins the errors with ", " */
		ck_buf_adds(&msg, "strict decoding error: ");
		for (p = m.all.data; p < m.all.data + m.all.len; p += strlen(p) + 1) {
			if (p != m.all.data)
				ck_buf_adds(&msg, ", ");
			ck_buf_adds(&msg, p);
		}
		ck_error_set(err, 400, CK_REASON_BAD_REQUEST,
		             "%s in version \"%s\" cannot be handled as a %s: %s", kind->kind,
		             kind->version, kind->kind, msg.data);
		ck_buf_release(&msg);
		ck_buf_release(&m.all);
		return -1;
	}
	if (mode == CK_SCHEMA_VALIDATION_WARN && warn)
		for (p = m.all.data; p < m.all.data + m.all.len; p += strlen(p) + 1)
			warn(ctx, p);
	ck_buf_release(&m.all);
	return 0;
}

/* strcmp for qsort over an array of C strings. */
static int cmp_msgs(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* K8S: patch.go jsonPatchOp: the members a JSON patch operation decodes into. */
static bool json_patch_member(const char *key)
{
	return !strcmp(key, "op") || !strcmp(key, "path") || !strcmp(key, "from") ||
	       !strcmp(key, "value");
}

int ck_schema_validate_patch(const struct ck_schema_kind *kind, enum ck_patch_type type,
                             const json_t *patch, json_t *result, enum ck_schema_validation mode,
                             ck_schema_strict_fn *warn, void *ctx, struct ck_error **err)
{
	struct strict_msgs pre = {.all = CK_BUF_INIT}, found = {.all = CK_BUF_INIT};
	struct ck_buf msg = CK_BUF_INIT;
	struct ck_error *e = NULL;
	const char **sorted = NULL;
	const char *p;
	size_t i, n = 0;
	json_t *op;
	int r = 0;

	/* K8S: applyJSPatch: kjson.UnmarshalStrict(patch, &[]jsonPatchOp), "json patch " + error. */
	if (mode != CK_SCHEMA_VALIDATION_IGNORE && type == CK_PATCH_JSON && json_is_array(patch)) {
		json_array_foreach(patch, i, op)
		{
			const char *key;
			json_t *v;

			if (!json_is_object(op))
				continue;
			json_object_foreach((json_t *)op, key, v)
			{
				if (json_patch_member(key) || pre.n >= CK_SCHEMA_MAX_STRICT_ERRORS)
					continue;
				ck_buf_reset(&msg);
				ck_buf_addf(&msg, "json patch unknown field \"[%zu].", i);
				add_go_quoted(&msg, key, strlen(key));
				ck_buf_addch(&msg, '"');
				collect_strict(&pre, msg.data);
			}
		}
	}
	/* Found, not pruned yet: on failure the caller prints the result as it was patched. */
	if (ck_schema_check(kind->type, result, 0, collect_strict, &found, &e) < 0) {
		/* K8S: a non-strict decode error trumps the strict ones. */
		r = -1;
		ck_error_set(err, 422, CK_REASON_INVALID, "%s", e->msg);
		ck_error_free(e);
		goto out;
	}
	sorted = ck_xcalloc(found.n + 1, sizeof(*sorted));
	for (p = found.all.data; p && p < found.all.data + found.all.len; p += strlen(p) + 1)
		sorted[n++] = p;
	qsort(sorted, n, sizeof(*sorted), cmp_msgs);
	if (mode == CK_SCHEMA_VALIDATION_STRICT && (pre.n || n)) {
		/* K8S: runtime.NewStrictDecodingError(append(appliedStrictErrs, errs...)) */
		ck_buf_reset(&msg);
		ck_buf_adds(&msg, "strict decoding error: ");
		for (p = pre.all.data; p && p < pre.all.data + pre.all.len; p += strlen(p) + 1) {
			if (p != pre.all.data)
				ck_buf_adds(&msg, ", ");
			ck_buf_adds(&msg, p);
		}
		for (i = 0; i < n; i++) {
			if (i || pre.n)
				ck_buf_adds(&msg, ", ");
			ck_buf_adds(&msg, sorted[i]);
		}
		r = ck_error_set(err, 422, CK_REASON_INVALID, "%s", msg.data);
		goto out;
	}
	if (mode == CK_SCHEMA_VALIDATION_WARN && warn) {
		for (p = pre.all.data; p && p < pre.all.data + pre.all.len; p += strlen(p) + 1)
			warn(ctx, p);
		for (i = 0; i < n; i++)
			warn(ctx, sorted[i]);
	}
	/* K8S: decoding into the Go struct drops what it does not know. */
	if (n)
		ck_schema_check(kind->type, result, CK_SCHEMA_CHECK_PRUNE, NULL, NULL, NULL);
out:
	free(sorted);
	ck_buf_release(&msg);
	ck_buf_release(&pre.all);
	ck_buf_release(&found.all);
	return r;
}
