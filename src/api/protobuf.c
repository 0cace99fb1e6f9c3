/*
 * Kubernetes protobuf request bodies to JSON (see protobuf.h): a walk over proto2 wire
 * format guided by the schema tables, one message at a time, building jansson values as
 * it goes. Every read is bounded by the end of the enclosing message, every length is
 * checked against the bytes left before it is used, and recursion is bounded by
 * CK_PROTOBUF_MAX_DEPTH; the first problem stops the walk with a message that names the
 * JSON path of the field and the byte offset in the body.
 *
 * Go semantics reproduced here (the JSON must be what encoding/json would write for the
 * Go struct kube-apiserver decodes): omitempty zeros of non-pointer scalars are dropped
 * when they are read (pb_set) and the values Go writes for fields the body did not carry
 * are added when a message ends (pb_defaults): "" and 0 for non-omitempty scalars, null
 * for absent non-omitempty pointers, lists and maps, and zero structs, which encoding/json
 * never omits.
 */
#include <math.h>
#include <strings.h>

#include "base/compat.h"

#include "api/protobuf.h"
#include "api/schema.h"
#include "base/buf.h"
#include "base/json.h"
#include "base/mem.h"
#include "base/quantity.h"
#include "base/time.h"

/* K8S: runtime/serializer/protobuf protoEncodingPrefix ("k8s" and encoding style 0). */
static const uint8_t pb_magic[4] = {0x6b, 0x38, 0x73, 0x00};

/* K8S: protobuf field numbers are 1 to 2^29 - 1 (encoding.proto). */
#define PB_MAX_FIELD ((1u << 29) - 1)

/* Longest piece of client input copied into an error message or a path. */
#define PB_QUOTE_MAX 64

/* metav1.Time's range, 0000-01-01T00:00:00Z to 9999-12-31T23:59:59Z, in Unix seconds. */
#define PB_TIME_MIN (-62167219200LL)
#define PB_TIME_MAX 253402300799LL
/* Go's zero time.Time, 0001-01-01T00:00:00Z, which metav1.Time writes as null. */
#define PB_TIME_ZERO (-62135596800LL)

struct pb_dec {
	const uint8_t *base; /* the whole body: offsets in messages count from here */
	struct ck_buf path;  /* JSON path of the value being decoded ("spec.ports[0].port") */
	struct ck_buf msg;   /* the problem, "path: what (at byte n)", once one is found */
	unsigned depth;      /* messages open */
};

/* The last value of one field of a small message (the envelope's, the special types'). */
struct pb_slot {
	bool set;
	uint64_t v;        /* varint or fixed64 */
	const uint8_t *s;  /* length-delimited bytes */
	size_t n;          /* their length */
	const uint8_t *at; /* the field's tag, for messages */
};

/* Append at most PB_QUOTE_MAX bytes of client input as valid UTF-8, "..." when cut. */
static void pb_add_quoted(struct ck_buf *b, const uint8_t *s, size_t n)
{
	ck_buf_add_utf8(b, s, n > PB_QUOTE_MAX ? PB_QUOTE_MAX : n);
	if (n > PB_QUOTE_MAX)
		ck_buf_adds(b, "...");
}

/* Record the problem at byte at: "path: what (at byte n)". Returns -1. */
__attribute__((format(printf, 3, 4))) static int pb_fail(struct pb_dec *d, const uint8_t *at,
                                                         const char *fmt, ...)
{
	va_list ap;

	ck_buf_reset(&d->msg);
	if (d->path.len) {
		ck_buf_add(&d->msg, d->path.data, d->path.len);
		ck_buf_adds(&d->msg, ": ");
	}
	va_start(ap, fmt);
	ck_buf_vaddf(&d->msg, fmt, ap);
	va_end(ap);
	ck_buf_addf(&d->msg, " (at byte %td)", at - d->base);
	return -1;
}

static const char *pb_wire_name(unsigned wire)
{
	static const char *const names[] = {"varint",    "fixed64", "bytes",  "start-group",
	                                    "end-group", "fixed32", "wire-6", "wire-7"};

	return names[wire & 7];
}

/* Path segments; each returns the length to truncate back to. */
static size_t pb_path_name(struct pb_dec *d, const char *name)
{
	size_t mark = d->path.len;

	if (mark)
		ck_buf_addch(&d->path, '.');
	ck_buf_adds(&d->path, name);
	return mark;
}

static size_t pb_path_index(struct pb_dec *d, size_t i)
{
	size_t mark = d->path.len;

	ck_buf_addf(&d->path, "[%zu]", i);
	return mark;
}

/* A map key, as ck_schema_check writes paths: "metadata.labels.app". */
static size_t pb_path_key(struct pb_dec *d, const uint8_t *key, size_t n)
{
	size_t mark = d->path.len;

	if (mark)
		ck_buf_addch(&d->path, '.');
	pb_add_quoted(&d->path, key, n);
	return mark;
}

/* ---- wire format ------------------------------------------------------------------------ */

/*
 * A base-128 varint at *pp, at most 10 bytes, the tenth holding bit 63 only. K8S: gogo's
 * generated decoders accept a tenth byte up to 0x7f and drop the bits that overflow; a
 * varint no encoder writes is refused here instead.
 */
static int pb_varint(struct pb_dec *d, const uint8_t **pp, const uint8_t *end, uint64_t *out)
{
	const uint8_t *p = *pp;
	uint64_t v = 0;

	for (unsigned i = 0;; i++) {
		uint8_t b;

		if (p >= end)
			return pb_fail(d, *pp, "truncated varint");
		b = *p++;
		if (i == 9 && b > 1)
			return pb_fail(d, *pp, "%s",
			               b & 0x80 ? "varint longer than 10 bytes"
			                        : "varint overflows 64 bits");
		v |= (uint64_t)(b & 0x7f) << (7 * i);
		if (!(b & 0x80))
			break;
	}
	*pp = p;
	*out = v;
	return 0;
}

/* A field's tag: number (1 to 2^29 - 1) and wire type. */
static int pb_tag(struct pb_dec *d, const uint8_t **pp, const uint8_t *end, uint32_t *num,
                  unsigned *wire)
{
	const uint8_t *at = *pp;
	uint64_t key;

	if (pb_varint(d, pp, end, &key) < 0)
		return -1;
	if (key >> 3 == 0 || key >> 3 > PB_MAX_FIELD)
		return pb_fail(d, at, "invalid field number %" PRIu64, key >> 3);
	*num = (uint32_t)(key >> 3);
	*wire = (unsigned)(key & 7);
	return 0;
}

/*
 * A length-delimited value: the length varint, then that many bytes, which must all be
 * inside [*pp, end) (checked before anything is done with them).
 */
static int pb_len(struct pb_dec *d, const uint8_t **pp, const uint8_t *end, const uint8_t **s,
                  size_t *n)
{
	const uint8_t *at = *pp;
	uint64_t v;

	if (pb_varint(d, pp, end, &v) < 0)
		return -1;
	if (v > (uint64_t)(end - *pp))
		return pb_fail(d, at,
		               "length %" PRIu64
		               " runs past the end of its message (%td bytes left)",
		               v, end - *pp);
	*s = *pp;
	*n = (size_t)v;
	*pp += v;
	return 0;
}

/* Eight bytes, little-endian. */
static int pb_fixed64(struct pb_dec *d, const uint8_t **pp, const uint8_t *end, uint64_t *out)
{
	uint64_t v = 0;

	if (end - *pp < 8)
		return pb_fail(d, *pp, "truncated fixed64 value");
	for (int i = 7; i >= 0; i--)
		v = v << 8 | (*pp)[i];
	*pp += 8;
	*out = v;
	return 0;
}

/* Skip one value of wire type wire; *zero tells whether it is all zero (or empty). */
static int pb_skip(struct pb_dec *d, unsigned wire, const uint8_t *at, const uint8_t **pp,
                   const uint8_t *end, bool *zero)
{
	const uint8_t *s;
	uint64_t v = 0;
	size_t n;

	switch (wire) {
	case CK_SCHEMA_WIRE_VARINT:
		if (pb_varint(d, pp, end, &v) < 0)
			return -1;
		*zero = v == 0;
		return 0;
	case CK_SCHEMA_WIRE_FIXED64:
		if (pb_fixed64(d, pp, end, &v) < 0)
			return -1;
		*zero = v == 0;
		return 0;
	case CK_SCHEMA_WIRE_BYTES:
		if (pb_len(d, pp, end, &s, &n) < 0)
			return -1;
		*zero = n == 0;
		return 0;
	case CK_SCHEMA_WIRE_FIXED32:
		if (end - *pp < 4)
			return pb_fail(d, *pp, "truncated fixed32 value");
		*zero = !((*pp)[0] | (*pp)[1] | (*pp)[2] | (*pp)[3]);
		*pp += 4;
		return 0;
	default:
		/* K8S: generated.proto has no groups; wire types 6 and 7 do not exist */
		return pb_fail(d, at, "unsupported wire type %u (%s)", wire, pb_wire_name(wire));
	}
}

/*
 * A field number the schema does not know, in a message of type (NULL: a map entry).
 *
 * K8S: kube-apiserver drops unknown protobuf fields silently, whatever fieldValidation
 * says: gogo's generated Unmarshal skips them, and apimachinery's codec_factory.go gives
 * protobuf no strict decoder ("strict decoding is unsupported for protobuf, fall back to
 * regular serializing"). ckube refuses them with a 400 instead (its issue: "unknown fields
 * and malformed varints/lengths in a body are a 400"), because a field it cannot name
 * cannot be validated, warned about or stored. One exception keeps newer clients working:
 * gogo writes every non-pointer field of the client's Go types even when it is zero, so a
 * kubectl built against a later API sends the fields it added as 0 or empty; those carry
 * nothing that json.Marshal would not omit, and are skipped.
 */
static int pb_unknown(struct pb_dec *d, const struct ck_schema_type *type, uint32_t num,
                      unsigned wire, const uint8_t *at, const uint8_t **pp, const uint8_t *end)
{
	bool zero;

	if (pb_skip(d, wire, at, pp, end, &zero) < 0)
		return -1;
	if (zero)
		return 0;
	if (!type)
		return pb_fail(d, at, "unknown field number %" PRIu32 " (%s) in a map entry", num,
		               pb_wire_name(wire));
	return pb_fail(d, at, "unknown field number %" PRIu32 " (%s) in %s.%s", num,
	               pb_wire_name(wire), type->pkg->go_name, type->name);
}

static int pb_wrong_wire(struct pb_dec *d, const uint8_t *at, const char *what, unsigned wire,
                         unsigned want)
{
	return pb_fail(d, at, "wrong wire type %s for %s (want %s)", pb_wire_name(wire), what,
	               pb_wire_name(want));
}

/* ---- scalars ---------------------------------------------------------------------------- */

/* Strict UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF), as jansson. */
static bool pb_utf8_valid(const uint8_t *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		uint8_t c = s[i];
		uint32_t cp, min;
		size_t len;

		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf) {
			len = 2;
			cp = c & 0x1f;
			min = 0x80;
		} else if ((c & 0xf0) == 0xe0) {
			len = 3;
			cp = c & 0x0f;
			min = 0x800;
		} else if (c >= 0xf0 && c <= 0xf4) {
			len = 4;
			cp = c & 0x07;
			min = 0x10000;
		} else {
			return false;
		}
		if (n - i < len)
			return false;
		for (size_t k = 1; k < len; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				return false;
			cp = cp << 6 | (s[i + k] & 0x3f);
		}
		if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			return false;
		i += len;
	}
	return true;
}

/*
 * A string field's bytes as a JSON string. K8S: gogo does not check UTF-8, so
 * kube-apiserver would keep the bytes and encoding/json would later write U+FFFD for the
 * bad ones; ckube's objects are JSON and jansson holds valid UTF-8 only, so a string that
 * is not UTF-8 is a 400 rather than a value silently changed.
 */
static int pb_string(struct pb_dec *d, const uint8_t *at, const uint8_t *s, size_t n, json_t **out)
{
	if (!pb_utf8_valid(s, n))
		return pb_fail(d, at, "string is not valid UTF-8");
	*out = json_stringn_nocheck((const char *)s, n);
	return 0;
}

/* K8S: encoding/json writes []byte as standard base64 with padding. */
static int pb_bytes(struct pb_dec *d, const uint8_t *at, const uint8_t *s, size_t n, json_t **out)
{
	char *b64;

	if (n > INT32_MAX / 2)
		return pb_fail(d, at, "bytes value of %zu bytes is too large", n);
	b64 = ck_base64_encode(s, n);
	*out = json_string_nocheck(b64);
	free(b64);
	return 0;
}

/* K8S: gogo keeps the low 32 bits of an int32 varint (negative ones are 10 bytes long). */
static int32_t pb_int32(uint64_t v)
{
	uint32_t u = (uint32_t)v;

	return u <= INT32_MAX ? (int32_t)u : (int32_t)(u - 2147483648u) + INT32_MIN;
}

static int64_t pb_int64(uint64_t v)
{
	return v <= INT64_MAX ? (int64_t)v : (int64_t)(v - 9223372036854775808u) + INT64_MIN;
}

/*
 * A float64 as encoding/json writes it: whole numbers without a fraction, which a JSON
 * parser reads back as integers, so they become jansson integers; NaN and infinities
 * are errors there ("json: unsupported value") and here.
 */
static int pb_double(struct pb_dec *d, const uint8_t *at, uint64_t bits, json_t **out, bool *zero)
{
	double x;

	memcpy(&x, &bits, sizeof(x));
	if (isnan(x) || isinf(x))
		return pb_fail(d, at, "unsupported float64 value %s", isnan(x) ? "NaN" : "Inf");
	*zero = x == 0;
	if (x == floor(x) && fabs(x) < 9223372036854775808.0)
		*out = json_integer((json_int_t)x);
	else
		*out = json_real(x);
	return 0;
}

/* ---- the special types ------------------------------------------------------------------ */

static int pb_object(struct pb_dec *d, const struct ck_schema_type *type, const uint8_t *p,
                     const uint8_t *end, json_t *obj);
static int pb_envelope(struct pb_dec *d, const uint8_t *p, const uint8_t *end, json_t **out);

/*
 * Read a small message of type whose fields all have numbers below nslots into slots,
 * the last value of each; slots are not cleared first, so a message that occurs twice
 * merges field by field as proto2 says.
 */
static int pb_slots(struct pb_dec *d, const struct ck_schema_type *type, const uint8_t *p,
                    const uint8_t *end, struct pb_slot *slots, size_t nslots)
{
	while (p < end) {
		const uint8_t *at = p;
		const struct ck_schema_field *f;
		struct pb_slot *slot;
		uint32_t num;
		unsigned wire, want;
		int r;

		if (pb_tag(d, &p, end, &num, &wire) < 0)
			return -1;
		f = ck_schema_field_by_proto(type, num);
		if (!f || num >= nslots || f->kind == CK_SCHEMA_ARRAY || f->kind == CK_SCHEMA_MAP) {
			if (pb_unknown(d, type, num, wire, at, &p, end) < 0)
				return -1;
			continue;
		}
		want = ck_schema_wire_type(f->kind);
		if (wire != want) {
			pb_path_name(d, f->name);
			return pb_wrong_wire(d, at, f->go_type, wire, want);
		}
		slot = &slots[num];
		slot->set = true;
		slot->at = at;
		if (want == CK_SCHEMA_WIRE_VARINT)
			r = pb_varint(d, &p, end, &slot->v);
		else if (want == CK_SCHEMA_WIRE_FIXED64)
			r = pb_fixed64(d, &p, end, &slot->v);
		else
			r = pb_len(d, &p, end, &slot->s, &slot->n);
		if (r < 0)
			return -1;
	}
	return 0;
}

/*
 * resource.Quantity {1: string}. K8S: quantity_proto.go Unmarshal parses the string with
 * ParseQuantity and fails on a bad one; a message without it is the zero Quantity, which
 * marshals as "0". The string itself is kept: the JSON path normalizes it the same way.
 */
static int pb_quantity(struct pb_dec *d, const uint8_t *at, const struct pb_slot *str, json_t **out)
{
	struct ck_error *qerr = NULL;
	struct ck_quantity q;
	char *s;
	int r;

	if (!str->set) {
		*out = json_string("0");
		return 0;
	}
	if (!pb_utf8_valid(str->s, str->n) || memchr(str->s, '\0', str->n))
		return pb_fail(d, str->at, "quantity is not a valid string");
	s = ck_xstrndup((const char *)str->s, str->n);
	r = ck_quantity_parse(s, &q, &qerr);
	free(s);
	if (r < 0) {
		pb_fail(d, at, "%s", qerr->msg);
		ck_error_free(qerr);
		return -1;
	}
	*out = json_stringn_nocheck((const char *)str->s, str->n);
	return 0;
}

/*
 * intstr.IntOrString {1: type, 2: intVal, 3: strVal}. K8S: intstr.go MarshalJSON writes
 * intVal for type 0 (Int) and strVal for type 1 (String), and fails on any other type.
 */
static int pb_int_or_string(struct pb_dec *d, const uint8_t *at, const struct pb_slot *sl,
                            json_t **out)
{
	int64_t type = sl[1].set ? pb_int64(sl[1].v) : 0;

	if (type == 0) {
		*out = json_integer(sl[2].set ? pb_int32(sl[2].v) : 0);
		return 0;
	}
	if (type == 1) {
		if (!sl[3].set) {
			*out = json_string("");
			return 0;
		}
		return pb_string(d, sl[3].at, sl[3].s, sl[3].n, out);
	}
	return pb_fail(d, sl[1].set ? sl[1].at : at,
	               "invalid IntOrString type %" PRId64 " (0 is an int, 1 a string)", type);
}

/*
 * metav1.Time and MicroTime {1: seconds, 2: nanos}. K8S: time_proto.go: an empty message
 * is the zero time, written as null; Time keeps the seconds only (time.Unix(seconds, 0):
 * "our JSON only handled seconds"), MicroTime truncates nanos to microseconds
 * (micro_time_proto.go). JSON: Time is RFC 3339 to the second, MicroTime has six
 * fractional digits; Go's zero time (year 1) is null as well. Years outside 0000-9999
 * cannot be written as RFC 3339 and are refused.
 */
static int pb_time(struct pb_dec *d, int vk, const uint8_t *at, bool empty,
                   const struct pb_slot *sl, json_t **out)
{
	int64_t sec = sl[1].set ? pb_int64(sl[1].v) : 0;
	int64_t ns = vk == CK_SCHEMA_MICRO_TIME && sl[2].set ? pb_int32(sl[2].v) : 0;
	char buf[CK_TIME_RFC3339_LEN];

	if (empty) {
		*out = json_null();
		return 0;
	}
	ns -= ns % 1000;
	/* |ns| < 2^31, so normalizing moves sec by 3 at most */
	if (sec >= PB_TIME_MIN - 3 && sec <= PB_TIME_MAX + 3) {
		while (ns < 0) {
			ns += 1000000000;
			sec--;
		}
		while (ns >= 1000000000) {
			ns -= 1000000000;
			sec++;
		}
	}
	if (sec < PB_TIME_MIN || sec > PB_TIME_MAX)
		return pb_fail(d, at,
		               "time %" PRId64 " seconds after 1970 is outside years 0000-9999",
		               sec);
	if (sec == PB_TIME_ZERO && ns == 0) {
		*out = json_null();
		return 0;
	}
	if (vk == CK_SCHEMA_MICRO_TIME) {
		struct timespec ts = {.tv_sec = (time_t)sec, .tv_nsec = (long)ns};

		ck_time_format_rfc3339_micro(&ts, buf);
	} else {
		ck_time_format_rfc3339((time_t)sec, buf);
	}
	*out = json_string(buf);
	return 0;
}

/* Go's fmtFrac: v / 10^prec's fraction without trailing zeros into the tail of buf. */
static size_t pb_go_frac(char *buf, size_t w, uint64_t *v, int prec)
{
	bool print = false;

	for (int i = 0; i < prec; i++) {
		unsigned digit = (unsigned)(*v % 10);

		print = print || digit;
		if (print)
			buf[--w] = (char)('0' + digit);
		*v /= 10;
	}
	if (print)
		buf[--w] = '.';
	return w;
}

static size_t pb_go_int(char *buf, size_t w, uint64_t v)
{
	do {
		buf[--w] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	return w;
}

/*
 * Write ns nanoseconds as Go's time.Duration.String does ("1h2m3.5s", "1.5ms", "0s"),
 * which metav1.Duration's MarshalJSON writes. buf has 32 bytes; returns the string in it.
 */
static const char *pb_go_duration(int64_t ns, char *buf)
{
	uint64_t u = ns < 0 ? -(uint64_t)ns : (uint64_t)ns;
	size_t w = 31;

	buf[w] = '\0';
	if (u < 1000000000u) {
		int prec;

		buf[--w] = 's';
		if (u == 0) {
			buf[--w] = '0';
			return buf + w;
		}
		if (u < 1000u) {
			prec = 0;
			buf[--w] = 'n';
		} else if (u < 1000000u) {
			prec = 3;
			buf[--w] = '\xb5'; /* U+00B5 MICRO SIGN, as Go writes it */
			buf[--w] = '\xc2';
		} else {
			prec = 6;
			buf[--w] = 'm';
		}
		w = pb_go_frac(buf, w, &u, prec);
		w = pb_go_int(buf, w, u);
	} else {
		buf[--w] = 's';
		w = pb_go_frac(buf, w, &u, 9);
		w = pb_go_int(buf, w, u % 60);
		u /= 60;
		if (u) {
			buf[--w] = 'm';
			w = pb_go_int(buf, w, u % 60);
			u /= 60;
			if (u) {
				buf[--w] = 'h';
				w = pb_go_int(buf, w, u);
			}
		}
	}
	if (ns < 0)
		buf[--w] = '-';
	return buf + w;
}

/*
 * runtime.RawExtension and metav1.FieldsV1 {1: raw}. K8S: their MarshalJSON writes raw as
 * it is (JSON) and null when there is none. Bytes that start with "k8s\0" are a nested
 * protobuf object (what the protobuf serializer writes into a RawExtension) and are
 * decoded the same way as a body.
 */
static int pb_raw(struct pb_dec *d, const struct ck_schema_type *type, const uint8_t *at,
                  const struct pb_slot *raw, json_t **out)
{
	struct ck_error *jerr = NULL;

	if (!raw->set || raw->n == 0) {
		*out = json_null();
		return 0;
	}
	if (raw->n >= sizeof(pb_magic) && !memcmp(raw->s, pb_magic, sizeof(pb_magic)))
		return pb_envelope(d, raw->s + sizeof(pb_magic), raw->s + raw->n, out);
	*out = ck_json_parse((const char *)raw->s, raw->n, &jerr);
	if (!*out) {
		pb_fail(d, at, "%s.%s does not hold JSON: %s", type->pkg->go_name, type->name,
		        jerr->msg);
		ck_error_free(jerr);
		return -1;
	}
	return 0;
}

/* One value of a special type (Quantity, IntOrString, Time...): the message [p, end). */
static int pb_special(struct pb_dec *d, int vk, const struct ck_schema_type *type,
                      const uint8_t *at, const uint8_t *p, const uint8_t *end, json_t **out)
{
	struct pb_slot sl[4] = {{0}};
	char buf[32];

	if (!type)
		return pb_fail(d, at, "value has no protobuf form");
	if (d->depth >= CK_PROTOBUF_MAX_DEPTH)
		return pb_fail(d, at, "messages nested deeper than %d levels",
		               CK_PROTOBUF_MAX_DEPTH);
	d->depth++;
	if (pb_slots(d, type, p, end, sl, CK_ARRAY_SIZE(sl)) < 0)
		return -1;
	switch (vk) {
	case CK_SCHEMA_QUANTITY:
		if (pb_quantity(d, at, &sl[1], out) < 0)
			return -1;
		break;
	case CK_SCHEMA_INT_OR_STRING:
		if (pb_int_or_string(d, at, sl, out) < 0)
			return -1;
		break;
	case CK_SCHEMA_TIME:
	case CK_SCHEMA_MICRO_TIME:
		if (pb_time(d, vk, at, p == end, sl, out) < 0)
			return -1;
		break;
	case CK_SCHEMA_DURATION:
		/* K8S: metav1.Duration {1: duration (int64 nanoseconds)} */
		*out = json_string(pb_go_duration(sl[1].set ? pb_int64(sl[1].v) : 0, buf));
		break;
	case CK_SCHEMA_RAW:
		if (pb_raw(d, type, at, &sl[1], out) < 0)
			return -1;
		break;
	default:
		return pb_fail(d, at, "value of %s.%s has no protobuf decoding", type->pkg->go_name,
		               type->name);
	}
	d->depth--;
	return 0;
}

/* ---- zero values ------------------------------------------------------------------------ */

static void pb_defaults(const struct ck_schema_type *type, json_t *obj, unsigned depth);

/* The JSON of Go's zero value of kind vk, written out (a map value, an absent struct). */
static json_t *pb_zero_value(int vk, const struct ck_schema_type *type, unsigned depth)
{
	json_t *obj;

	switch (vk) {
	case CK_SCHEMA_STRING:
	case CK_SCHEMA_BYTES: /* K8S: gogo decodes a map's missing []byte value as []byte{} */
		return json_string("");
	case CK_SCHEMA_BOOL:
		return json_false();
	case CK_SCHEMA_INT32:
	case CK_SCHEMA_INT64:
	case CK_SCHEMA_DOUBLE:
		return json_integer(0);
	case CK_SCHEMA_QUANTITY:
		return json_string("0");
	case CK_SCHEMA_INT_OR_STRING:
		return json_integer(0);
	case CK_SCHEMA_DURATION:
		return json_string("0s");
	case CK_SCHEMA_OBJECT:
		obj = json_object();
		if (type)
			pb_defaults(type, obj, depth + 1);
		return obj;
	default: /* Time, MicroTime, RawExtension, nil lists and maps */
		return json_null();
	}
}

/*
 * What encoding/json writes for field f when the Go struct holds its zero value, or NULL
 * when it writes nothing. K8S: encoding/json omits an omitempty field when it is false, 0,
 * "", a nil pointer or an empty list or map, never when it is a struct (Time, Quantity and
 * IntOrString included, which write null, "0" and 0).
 */
static json_t *pb_zero_field(const struct ck_schema_field *f, unsigned depth)
{
	bool omit = f->flags & CK_SCHEMA_F_OMITEMPTY;

	if (f->flags & CK_SCHEMA_F_POINTER)
		return omit ? NULL : json_null();
	switch (f->kind) {
	case CK_SCHEMA_ARRAY:
	case CK_SCHEMA_MAP:
	case CK_SCHEMA_BYTES:
		return omit ? NULL : json_null();
	case CK_SCHEMA_STRING:
	case CK_SCHEMA_BOOL:
	case CK_SCHEMA_INT32:
	case CK_SCHEMA_INT64:
	case CK_SCHEMA_DOUBLE:
		return omit ? NULL : pb_zero_value(f->kind, NULL, depth);
	default:
		return pb_zero_value(f->kind, f->type, depth);
	}
}

/*
 * Add to obj, a decoded message of type, what encoding/json writes for the fields the
 * body did not carry. Fields outside protobuf (TypeMeta's, which the envelope supplies)
 * are left alone; fields promoted from inline members count as the object's own.
 */
static void pb_defaults(const struct ck_schema_type *type, json_t *obj, unsigned depth)
{
	if (depth > CK_PROTOBUF_MAX_DEPTH) /* Go structs cannot nest by value without end */
		return;
	for (size_t i = 0; i < type->nfields; i++) {
		const struct ck_schema_field *f = &type->fields[i];
		json_t *v;

		if (!f->proto && !(f->flags & CK_SCHEMA_F_PROMOTED))
			continue;
		if (json_object_get(obj, f->name))
			continue;
		v = pb_zero_field(f, depth);
		if (v)
			json_object_set_new(obj, f->name, v);
	}
}

/* ---- messages --------------------------------------------------------------------------- */

/*
 * One value of kind vk (type: its message type) at *pp, a field's payload after its tag
 * at at; the caller checked the wire type. *zero is true for Go's zero value of a scalar
 * (never for messages and special types: encoding/json writes structs even when empty).
 */
static int pb_value(struct pb_dec *d, int vk, const struct ck_schema_type *type, const uint8_t *at,
                    const uint8_t **pp, const uint8_t *end, json_t **out, bool *zero)
{
	const uint8_t *s;
	uint64_t v = 0;
	size_t n;

	*zero = false;
	switch (vk) {
	case CK_SCHEMA_BOOL:
	case CK_SCHEMA_INT32:
	case CK_SCHEMA_INT64:
		if (pb_varint(d, pp, end, &v) < 0)
			return -1;
		if (vk == CK_SCHEMA_BOOL) {
			*out = json_boolean(v != 0);
			*zero = v == 0;
		} else if (vk == CK_SCHEMA_INT32) {
			*out = json_integer(pb_int32(v));
			*zero = pb_int32(v) == 0;
		} else {
			*out = json_integer(pb_int64(v));
			*zero = v == 0;
		}
		return 0;
	case CK_SCHEMA_DOUBLE:
		if (pb_fixed64(d, pp, end, &v) < 0)
			return -1;
		return pb_double(d, at, v, out, zero);
	case CK_SCHEMA_STRING:
	case CK_SCHEMA_BYTES:
		if (pb_len(d, pp, end, &s, &n) < 0)
			return -1;
		*zero = n == 0;
		if (vk == CK_SCHEMA_STRING)
			return pb_string(d, at, s, n, out);
		return pb_bytes(d, at, s, n, out);
	case CK_SCHEMA_OBJECT:
		if (pb_len(d, pp, end, &s, &n) < 0)
			return -1;
		*out = json_object();
		if (pb_object(d, type, s, s + n, *out) < 0) {
			json_decref(*out);
			*out = NULL;
			return -1;
		}
		return 0;
	default:
		if (pb_len(d, pp, end, &s, &n) < 0)
			return -1;
		return pb_special(d, vk, type, at, s, s + n, out);
	}
}

/*
 * Store a scalar field's value. K8S: gogo writes non-pointer fields even when zero, and
 * encoding/json drops zero omitempty ones, so such a value removes the field (a later
 * occurrence overrides an earlier one); a pointer's zero stays ("replicas": 0).
 */
static void pb_set(json_t *obj, const struct ck_schema_field *f, json_t *v, bool zero)
{
	if (zero && (f->flags & CK_SCHEMA_F_OMITEMPTY) && !(f->flags & CK_SCHEMA_F_POINTER)) {
		json_decref(v);
		json_object_del(obj, f->name);
		return;
	}
	json_object_set_new(obj, f->name, v);
}

/* Append one element of the repeated field f at *pp to obj's list. */
static int pb_append(struct pb_dec *d, const struct ck_schema_field *f, const uint8_t *at,
                     const uint8_t **pp, const uint8_t *end, json_t *obj)
{
	json_t *list = json_object_get(obj, f->name), *v;
	size_t mark;
	bool zero;
	int r;

	if (!json_is_array(list)) {
		list = json_array();
		json_object_set_new(obj, f->name, list);
	}
	mark = pb_path_index(d, json_array_size(list));
	r = pb_value(d, f->elem, f->type, at, pp, end, &v, &zero);
	ck_buf_truncate(&d->path, mark);
	if (r < 0)
		return -1;
	json_array_append_new(list, v);
	return 0;
}

/*
 * A repeated field: one element per occurrence, or for scalars a packed run of them in
 * one length-delimited value. K8S: generated.proto is proto2 and gogo writes repeated
 * scalars unpacked, but a decoder must take both.
 */
static int pb_repeated(struct pb_dec *d, const struct ck_schema_field *f, unsigned wire,
                       const uint8_t *at, const uint8_t **pp, const uint8_t *end, json_t *obj)
{
	unsigned want = ck_schema_wire_type(f->elem);
	const uint8_t *s, *q;
	size_t n;

	if (wire == CK_SCHEMA_WIRE_BYTES && want != CK_SCHEMA_WIRE_BYTES) {
		if (pb_len(d, pp, end, &s, &n) < 0)
			return -1;
		for (q = s; q < s + n;)
			if (pb_append(d, f, q, &q, s + n, obj) < 0)
				return -1;
		return 0;
	}
	if (wire != want)
		return pb_wrong_wire(d, at, f->go_type, wire, want);
	return pb_append(d, f, at, pp, end, obj);
}

/*
 * One entry of the map field f. K8S: maps are repeated entry messages {1: key, 2: value}
 * (keys are strings in every Kubernetes map); a missing key or value is Go's zero value,
 * the last of each wins, and a later entry with the same key replaces the earlier one.
 */
static int pb_map_entry(struct pb_dec *d, const struct ck_schema_field *f, unsigned wire,
                        const uint8_t *at, const uint8_t **pp, const uint8_t *end, json_t *obj)
{
	unsigned want = ck_schema_wire_type(f->elem);
	const uint8_t *s, *e, *p, *key = (const uint8_t *)"", *val = NULL, *val_at = at;
	size_t n, keylen = 0, mark;
	json_t *map, *v = NULL;
	bool zero;
	int r = 0;

	if (wire != CK_SCHEMA_WIRE_BYTES)
		return pb_wrong_wire(d, at, f->go_type, wire, CK_SCHEMA_WIRE_BYTES);
	if (pb_len(d, pp, end, &s, &n) < 0)
		return -1;
	e = s + n;
	for (p = s; p < e;) {
		const uint8_t *fat = p;
		uint32_t num;
		unsigned fw;

		if (pb_tag(d, &p, e, &num, &fw) < 0)
			return -1;
		if (num == 1) {
			if (fw != CK_SCHEMA_WIRE_BYTES)
				return pb_wrong_wire(d, fat, "a map key", fw, CK_SCHEMA_WIRE_BYTES);
			if (pb_len(d, &p, e, &key, &keylen) < 0)
				return -1;
		} else if (num == 2) {
			if (fw != want)
				return pb_wrong_wire(d, fat, "a map value", fw, want);
			val_at = fat;
			val = p;
			if (pb_skip(d, fw, fat, &p, e, &zero) < 0)
				return -1;
		} else if (pb_unknown(d, NULL, num, fw, fat, &p, e) < 0) {
			return -1;
		}
	}
	if (!pb_utf8_valid(key, keylen))
		return pb_fail(d, at, "map key is not valid UTF-8");
	/* jansson, and so the JSON path, cannot hold a NUL in an object key */
	if (memchr(key, '\0', keylen))
		return pb_fail(d, at, "map key contains a NUL byte");
	mark = pb_path_key(d, key, keylen);
	if (val)
		r = pb_value(d, f->elem, f->type, val_at, &val, e, &v, &zero);
	else
		v = pb_zero_value(f->elem, f->type, d->depth);
	ck_buf_truncate(&d->path, mark);
	if (r < 0)
		return -1;
	map = json_object_get(obj, f->name);
	if (!json_is_object(map)) {
		map = json_object();
		json_object_set_new(obj, f->name, map);
	}
	json_object_setn_new_nocheck(map, (const char *)key, keylen, v);
	return 0;
}

/* A field the schema knows, with the tag already read. */
static int pb_field(struct pb_dec *d, const struct ck_schema_field *f, unsigned wire,
                    const uint8_t *at, const uint8_t **pp, const uint8_t *end, json_t *obj)
{
	unsigned want;
	const uint8_t *s;
	json_t *child, *v;
	size_t n;
	bool zero;

	if (f->kind == CK_SCHEMA_ARRAY)
		return pb_repeated(d, f, wire, at, pp, end, obj);
	if (f->kind == CK_SCHEMA_MAP)
		return pb_map_entry(d, f, wire, at, pp, end, obj);
	want = ck_schema_wire_type(f->kind);
	if (wire != want)
		return pb_wrong_wire(d, at, f->go_type, wire, want);
	if (f->kind == CK_SCHEMA_OBJECT) {
		if (pb_len(d, pp, end, &s, &n) < 0)
			return -1;
		/* K8S: an inline member (Volume's volumeSource) fills the enclosing object */
		if (f->flags & CK_SCHEMA_F_INLINE)
			return pb_object(d, f->type, s, s + n, obj);
		/* K8S: proto2 merges a message that occurs twice into the first */
		child = json_object_get(obj, f->name);
		if (!json_is_object(child)) {
			child = json_object();
			json_object_set_new(obj, f->name, child);
		}
		return pb_object(d, f->type, s, s + n, child);
	}
	if (pb_value(d, f->kind, f->type, at, pp, end, &v, &zero) < 0)
		return -1;
	pb_set(obj, f, v, zero);
	return 0;
}

/*
 * Decode the message [p, end) of type into obj (a JSON object, possibly holding fields
 * of an earlier occurrence), then add the zero values Go would write.
 */
static int pb_object(struct pb_dec *d, const struct ck_schema_type *type, const uint8_t *p,
                     const uint8_t *end, json_t *obj)
{
	if (d->depth >= CK_PROTOBUF_MAX_DEPTH)
		return pb_fail(d, p, "messages nested deeper than %d levels",
		               CK_PROTOBUF_MAX_DEPTH);
	d->depth++;
	while (p < end) {
		const uint8_t *at = p;
		const struct ck_schema_field *f;
		uint32_t num;
		unsigned wire;
		size_t mark;
		int r;

		if (pb_tag(d, &p, end, &num, &wire) < 0)
			return -1;
		f = ck_schema_field_by_proto(type, num);
		if (!f) {
			if (pb_unknown(d, type, num, wire, at, &p, end) < 0)
				return -1;
			continue;
		}
		mark = d->path.len;
		if (!(f->flags & CK_SCHEMA_F_INLINE))
			pb_path_name(d, f->name);
		r = pb_field(d, f, wire, at, &p, end, obj);
		ck_buf_truncate(&d->path, mark);
		if (r < 0)
			return -1;
	}
	d->depth--;
	pb_defaults(type, obj, d->depth);
	return 0;
}

/* ---- the envelope ----------------------------------------------------------------------- */

/* A runtime.Unknown, read: tm[] typeMeta's apiVersion (1) and kind (2), un[] raw (2). */
struct pb_env {
	struct pb_slot tm[3];
	struct pb_slot un[5];
};

/*
 * Read the runtime.Unknown at [p, end). K8S: the protobuf serializer ignores
 * contentEncoding and contentType and decodes raw as protobuf (serializer/protobuf
 * Decode); so does ckube, after checking that they are well-formed.
 */
static int pb_env_read(struct pb_dec *d, const uint8_t *p, const uint8_t *end, struct pb_env *env)
{
	const struct ck_schema_type *unknown = ck_schema_type_find(CK_SCHEMA_TYPE_UNKNOWN);
	const struct ck_schema_type *tm = ck_schema_type_find(CK_SCHEMA_TYPE_TYPE_META);

	CK_BUG_ON(!unknown || !tm);
	memset(env, 0, sizeof(*env));
	if (d->depth >= CK_PROTOBUF_MAX_DEPTH)
		return pb_fail(d, p, "messages nested deeper than %d levels",
		               CK_PROTOBUF_MAX_DEPTH);
	d->depth++;
	while (p < end) {
		const uint8_t *at = p, *s;
		const struct ck_schema_field *f;
		uint32_t num;
		unsigned wire;
		size_t n, mark;
		int r;

		if (pb_tag(d, &p, end, &num, &wire) < 0)
			return -1;
		f = ck_schema_field_by_proto(unknown, num);
		if (!f || num >= CK_ARRAY_SIZE(env->un)) {
			if (pb_unknown(d, unknown, num, wire, at, &p, end) < 0)
				return -1;
			continue;
		}
		mark = pb_path_name(d, f->name);
		if (wire != CK_SCHEMA_WIRE_BYTES) {
			return pb_wrong_wire(d, at, f->go_type, wire, CK_SCHEMA_WIRE_BYTES);
		}
		if (pb_len(d, &p, end, &s, &n) < 0)
			return -1;
		if (num == 1) {
			r = pb_slots(d, tm, s, s + n, env->tm, CK_ARRAY_SIZE(env->tm));
		} else {
			env->un[num] = (struct pb_slot){.set = true, .s = s, .n = n, .at = at};
			r = 0;
		}
		ck_buf_truncate(&d->path, mark);
		if (r < 0)
			return -1;
	}
	d->depth--;
	for (size_t i = 1; i < CK_ARRAY_SIZE(env->tm); i++) {
		if (env->tm[i].set && !pb_utf8_valid(env->tm[i].s, env->tm[i].n)) {
			pb_path_name(d, i == 1 ? "typeMeta.apiVersion" : "typeMeta.kind");
			return pb_fail(d, env->tm[i].at, "string is not valid UTF-8");
		}
	}
	return 0;
}

/* The slot's bytes as a C string, or NULL when they hold a NUL (no kind has one). */
static char *pb_slot_str(const struct pb_slot *sl)
{
	if (!sl->set)
		return ck_xstrdup("");
	if (memchr(sl->s, '\0', sl->n))
		return NULL;
	return ck_xstrndup((const char *)sl->s, sl->n);
}

/*
 * Split apiVersion into group and version (K8S: schema.ParseGroupVersion: "v1" is the
 * core group, "apps/v1" group apps; more than one '/' is an error). Pointers into a
 * malloc'ed copy in *buf (the caller frees it).
 */
static bool pb_split_gv(const char *api_version, char **buf, const char **group,
                        const char **version)
{
	char *slash;

	*buf = ck_xstrdup(api_version);
	slash = strchr(*buf, '/');
	if (!slash) {
		*group = "";
		*version = *buf;
		return true;
	}
	if (strchr(slash + 1, '/'))
		return false;
	*slash = '\0';
	*group = *buf;
	*version = slash + 1;
	return true;
}

/* Client bytes, cut and made valid UTF-8, as a new string for a message. */
static char *pb_quote(const void *s, size_t n)
{
	struct ck_buf b = CK_BUF_INIT;

	pb_add_quoted(&b, s, n);
	return ck_buf_detach(&b, NULL);
}

/*
 * The kind an envelope names, looked up in the schema. expect_group/expect_version, when
 * given, default a missing apiVersion and must match a present one (DeleteOptions aside,
 * see protobuf.h). *api_version receives the apiVersion the object gets (malloc'ed).
 * Returns -1 with the message in d->msg on failure.
 */
static int pb_env_kind(struct pb_dec *d, const struct pb_env *env, const uint8_t *at,
                       const char *expect_group, const char *expect_version,
                       const struct ck_schema_kind **kind, char **api_version)
{
	char *kind_s = pb_slot_str(&env->tm[2]), *av = pb_slot_str(&env->tm[1]);
	char *gvbuf = NULL, *q1 = NULL, *q2 = NULL;
	const char *group = "", *version = "";
	const struct ck_schema_kind *k = NULL;
	int r = -1;

	if (kind_s && !*kind_s) {
		/* K8S: runtime.NewMissingKindErr */
		pb_fail(d, at, "Object 'Kind' is missing in the protobuf envelope");
		goto out;
	}
	if (av && !*av && expect_version) {
		free(av);
		av = *expect_group ? ck_xasprintf("%s/%s", expect_group, expect_version)
		                   : ck_xstrdup(expect_version);
	}
	if (av && !*av) {
		/* K8S: runtime.NewMissingVersionErr */
		pb_fail(d, at, "Object 'apiVersion' is missing in the protobuf envelope");
		goto out;
	}
	q1 = pb_quote(env->tm[2].s, env->tm[2].n);
	q2 = av ? pb_quote(av, strlen(av)) : pb_quote(env->tm[1].s, env->tm[1].n);
	if (av && !pb_split_gv(av, &gvbuf, &group, &version)) {
		/* K8S: schema.ParseGroupVersion */
		pb_fail(d, at, "unexpected GroupVersion string: %s", q2);
		goto out;
	}
	if (kind_s && av)
		k = ck_schema_kind_find(group, version, kind_s);
	if (!k) {
		/* K8S: runtime.NewNotRegisteredErrForKind */
		pb_fail(d, at, "no kind \"%s\" is registered for version \"%s\"", q1, q2);
		goto out;
	}
	if (!(k->type->flags & CK_SCHEMA_T_PROTO)) {
		pb_fail(d, at, "kind \"%s\" of version \"%s\" has no protobuf form", q1, q2);
		goto out;
	}
	if (expect_version && strcmp(k->kind, "DeleteOptions") &&
	    (strcmp(group, expect_group) || strcmp(version, expect_version))) {
		/* K8S: handlers/create.go and update.go */
		pb_fail(d, at,
		        "the API version in the data (%s) does not match the expected API version "
		        "(%s%s%s)",
		        q2, expect_group, *expect_group ? "/" : "", expect_version);
		goto out;
	}
	*kind = k;
	*api_version = ck_steal(&av);
	r = 0;
out:
	free(kind_s);
	free(av);
	free(gvbuf);
	free(q1);
	free(q2);
	return r;
}

/*
 * Decode the typed message raw of kind k into a new object that starts with kind and
 * apiVersion. K8S: only types with TypeMeta have them in JSON (WatchEvent, registered in
 * every group version, has none).
 */
static int pb_typed(struct pb_dec *d, const struct ck_schema_kind *k, const char *api_version,
                    const struct pb_slot *raw, json_t **out)
{
	json_t *obj = json_object();
	const uint8_t *s = raw->set ? raw->s : d->base;

	if (ck_schema_field_find(k->type, "kind"))
		json_object_set_new(obj, "kind", json_string(k->kind));
	if (ck_schema_field_find(k->type, "apiVersion"))
		json_object_set_new(obj, "apiVersion", json_string(api_version));
	if (pb_object(d, k->type, s, s + (raw->set ? raw->n : 0), obj) < 0) {
		json_decref(obj);
		return -1;
	}
	*out = obj;
	return 0;
}

/* A nested envelope (inside a RawExtension): errors carry the path and offset. */
static int pb_envelope(struct pb_dec *d, const uint8_t *p, const uint8_t *end, json_t **out)
{
	const struct ck_schema_kind *k = NULL;
	struct pb_env env;
	char *av = NULL;
	int r;

	if (pb_env_read(d, p, end, &env) < 0)
		return -1;
	if (pb_env_kind(d, &env, p, NULL, NULL, &k, &av) < 0)
		return -1;
	if (d->depth >= CK_PROTOBUF_MAX_DEPTH) {
		free(av);
		return pb_fail(d, p, "messages nested deeper than %d levels",
		               CK_PROTOBUF_MAX_DEPTH);
	}
	d->depth++;
	r = pb_typed(d, k, av, &env.un[2], out);
	d->depth--;
	free(av);
	return r;
}

/* ---- entry points ----------------------------------------------------------------------- */

bool ck_protobuf_is_media_type(const char *content_type)
{
	size_t n = strlen(CK_PROTOBUF_MEDIA_TYPE);
	const char *p = content_type;

	if (!p)
		return false;
	while (*p == ' ' || *p == '\t')
		p++;
	if (strncasecmp(p, CK_PROTOBUF_MEDIA_TYPE, n))
		return false;
	for (p += n; *p == ' ' || *p == '\t';)
		p++;
	return *p == '\0' || *p == ';';
}

static void pb_dec_release(struct pb_dec *d)
{
	ck_buf_release(&d->path);
	ck_buf_release(&d->msg);
}

int ck_protobuf_decode(const void *body, size_t len, const char *expect_group,
                       const char *expect_version, json_t **out, struct ck_error **err)
{
	struct pb_dec d = {.base = body, .path = CK_BUF_INIT, .msg = CK_BUF_INIT};
	const uint8_t *p = body, *end = p + len;
	const struct ck_schema_kind *k = NULL;
	struct pb_env env;
	json_t *obj = NULL;
	char *av = NULL;
	int r = -1;

	CK_BUG_ON(!expect_group != !expect_version);
	/* K8S: serializer/protobuf Decode: "empty data", "does not appear to be a protobuf
	 * message", "empty body" */
	if (len == 0)
		return ck_error_set(err, 400, CK_REASON_BAD_REQUEST,
		                    "invalid protobuf body: empty");
	if (len < sizeof(pb_magic) || memcmp(body, pb_magic, sizeof(pb_magic)))
		return ck_error_set(
		        err, 400, CK_REASON_BAD_REQUEST,
		        "the body does not appear to be a protobuf message: it does not "
		        "start with \"k8s\\x00\"");
	if (len == sizeof(pb_magic))
		return ck_error_set(err, 400, CK_REASON_BAD_REQUEST,
		                    "invalid protobuf body: nothing after \"k8s\\x00\"");
	p += sizeof(pb_magic);
	if (pb_env_read(&d, p, end, &env) < 0 ||
	    pb_env_kind(&d, &env, p, expect_group, expect_version, &k, &av) < 0) {
		ck_error_set(err, 400, CK_REASON_BAD_REQUEST, "invalid protobuf body: %s",
		             d.msg.data);
		goto out;
	}
	if (pb_typed(&d, k, av, &env.un[2], &obj) < 0) {
		/* K8S: handlers/rest.go transformDecodeError (gvk.Version: no group) */
		ck_error_set(err, 400, CK_REASON_BAD_REQUEST,
		             "%s in version \"%s\" cannot be handled as a %s: protobuf: %s",
		             k->kind, k->version, k->kind, d.msg.data);
		goto out;
	}
	*out = obj;
	r = 0;
out:
	free(av);
	pb_dec_release(&d);
	return r;
}

int ck_protobuf_decode_message(const struct ck_schema_type *type, const void *data, size_t len,
                               json_t **out, struct ck_error **err)
{
	static const uint8_t none[1];
	const uint8_t *p = data ? data : none;
	struct pb_dec d = {.base = p, .path = CK_BUF_INIT, .msg = CK_BUF_INIT};
	json_t *v = NULL;
	int r;

	if (type->wrapper) {
		r = pb_special(&d, type->wrapper, type, p, p, p + len, &v);
	} else {
		v = json_object();
		r = pb_object(&d, type, p, p + len, v);
	}
	if (r < 0) {
		json_decref(v);
		ck_error_set(err, 400, CK_REASON_BAD_REQUEST, "cannot decode protobuf %s.%s: %s",
		             type->pkg->go_name, type->name, d.msg.data);
	} else {
		*out = v;
	}
	pb_dec_release(&d);
	return r;
}
