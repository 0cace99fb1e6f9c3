/*
 * The swagger 2.0 JSON to gnostic protobuf encoder behind /openapi/v2 (see openapi.h).
 * kubectl 1.20 accepts /openapi/v2 only as protobuf: the openapi.v2.Document message of
 * github.com/google/gnostic (openapiv2/OpenAPIv2.proto, proto3). The JSON tree is walked
 * once, guided by small descriptors of the messages ckube's documents use; the field
 * numbers below are facts from that .proto.
 *
 * Nested messages are written in place: the tag first, then the body, then the body's
 * length is inserted before it (a memmove per nesting level, so the cost is the size times
 * the depth, about ten levels: a few megabytes of copying, once per server).
 */
#include <jansson.h>

#include "base/compat.h"

#include "api/openapi.h"
#include "base/buf.h"
#include "base/json.h"
#include "base/mem.h"

/* ---- wire format ---------------------------------------------------------------------- */

enum { WIRE_VARINT = 0, WIRE_BYTES = 2 };

static void pb_varint(struct ck_buf *b, uint64_t v)
{
	char tmp[10];
	size_t n = 0;

	do {
		tmp[n++] = (char)((v & 0x7f) | (v > 0x7f ? 0x80 : 0));
		v >>= 7;
	} while (v);
	ck_buf_add(b, tmp, n);
}

static void pb_tag(struct ck_buf *b, uint32_t num, unsigned wire)
{
	pb_varint(b, (uint64_t)num << 3 | wire);
}

static void pb_bytes(struct ck_buf *b, uint32_t num, const char *s, size_t len)
{
	pb_tag(b, num, WIRE_BYTES);
	pb_varint(b, len);
	ck_buf_add(b, s, len);
}

static void pb_string(struct ck_buf *b, uint32_t num, const char *s)
{
	pb_bytes(b, num, s, strlen(s));
}

static void pb_bool(struct ck_buf *b, uint32_t num, bool v)
{
	pb_tag(b, num, WIRE_VARINT);
	pb_varint(b, v);
}

/* Start embedded message num: returns where its body starts, for pb_end. */
static size_t pb_begin(struct ck_buf *b, uint32_t num)
{
	pb_tag(b, num, WIRE_BYTES);
	return b->len;
}

/* End the message pb_begin started at mark: insert its length before its body. */
static void pb_end(struct ck_buf *b, size_t mark)
{
	size_t body = b->len - mark, n = 0;
	char tmp[10];
	uint64_t v = body;

	do {
		tmp[n++] = (char)((v & 0x7f) | (v > 0x7f ? 0x80 : 0));
		v >>= 7;
	} while (v);
	ck_buf_grow(b, n);
	memmove(b->data + mark + n, b->data + mark, body);
	memcpy(b->data + mark, tmp, n);
	b->len += n;
	b->data[b->len] = '\0';
}

/* ---- message descriptors ------------------------------------------------------------ */

enum pb_kind {
	PB_STRING,  /* JSON string */
	PB_BOOL,    /* JSON true/false */
	PB_STRINGS, /* JSON array of strings: a repeated string */
	PB_MSG,     /* JSON object: an embedded ->msg */
	PB_MSGS,    /* JSON array of objects: a repeated ->msg */
	PB_ANY,     /* any JSON value: an Any {2: yaml} holding its JSON text */
	PB_PARAMS,  /* JSON array of parameters: repeated ParametersItem (see enc_param) */
};

struct pb_msg;

struct pb_field {
	const char *key; /* the JSON key */
	uint32_t num;
	enum pb_kind kind;
	const struct pb_msg *msg; /* PB_MSG, PB_MSGS */
	/*
	 * Non-zero: the value sits in a wrapper message of its own at this field number
	 * (TypeItem {1: value}, ItemsItem {1: schema}, SchemaItem {1: schema},
	 * AdditionalPropertiesItem {1: schema}, the oneof wrappers gnostic puts around them).
	 */
	uint32_t wrap;
};

/*
 * A message: its JSON keys, or (map_num) a JSON object of names to ->map_msg values
 * encoded as repeated Named* {1: name, 2: value} at map_num, the value itself wrapped in
 * a message at map_wrap when non-zero. ext: the field of its vendor extensions
 * (repeated NamedAny {1: name, 2: Any}); 0 when it has none.
 */
struct pb_msg {
	const struct pb_field *fields;
	size_t nfields;
	uint32_t ext;
	uint32_t map_num;
	const struct pb_msg *map_msg;
	uint32_t map_wrap;
};

#define FIELDS(a) .fields = (a), .nfields = CK_ARRAY_SIZE(a)

/* K8S (gnostic OpenAPIv2.proto): the messages and field numbers. */
static const struct pb_msg m_schema, m_properties;

static const struct pb_field f_schema[] = {
        {"$ref", 1, PB_STRING, NULL, 0},       {"format", 2, PB_STRING, NULL, 0},
        {"title", 3, PB_STRING, NULL, 0},      {"description", 4, PB_STRING, NULL, 0},
        {"default", 5, PB_ANY, NULL, 0},       {"uniqueItems", 16, PB_BOOL, NULL, 0},
        {"required", 19, PB_STRINGS, NULL, 0}, {"additionalProperties", 21, PB_MSG, &m_schema, 1},
        {"type", 22, PB_STRING, NULL, 1},      {"items", 23, PB_MSG, &m_schema, 1},
        {"allOf", 24, PB_MSGS, &m_schema, 0},  {"properties", 25, PB_MSG, &m_properties, 0},
        {"readOnly", 27, PB_BOOL, NULL, 0},
};
static const struct pb_msg m_schema = {FIELDS(f_schema), .ext = 31};
static const struct pb_msg m_properties = {.map_num = 1, .map_msg = &m_schema};
static const struct pb_msg m_definitions = {.map_num = 1, .map_msg = &m_schema};

static const struct pb_field f_response[] = {
        {"description", 1, PB_STRING, NULL, 0},
        {"schema", 2, PB_MSG, &m_schema, 1},
};
static const struct pb_msg m_response = {FIELDS(f_response), .ext = 5};
/* Responses {1: NamedResponseValue {1: code, 2: ResponseValue {1: Response}}}. */
static const struct pb_msg m_responses = {.map_num = 1, .map_msg = &m_response, .map_wrap = 1};

static const struct pb_field f_operation[] = {
        {"tags", 1, PB_STRINGS, NULL, 0},       {"summary", 2, PB_STRING, NULL, 0},
        {"description", 3, PB_STRING, NULL, 0}, {"operationId", 5, PB_STRING, NULL, 0},
        {"produces", 6, PB_STRINGS, NULL, 0},   {"consumes", 7, PB_STRINGS, NULL, 0},
        {"parameters", 8, PB_PARAMS, NULL, 0},  {"responses", 9, PB_MSG, &m_responses, 0},
        {"schemes", 10, PB_STRINGS, NULL, 0},   {"deprecated", 11, PB_BOOL, NULL, 0},
};
static const struct pb_msg m_operation = {FIELDS(f_operation), .ext = 13};

static const struct pb_field f_path_item[] = {
        {"$ref", 1, PB_STRING, NULL, 0},        {"get", 2, PB_MSG, &m_operation, 0},
        {"put", 3, PB_MSG, &m_operation, 0},    {"post", 4, PB_MSG, &m_operation, 0},
        {"delete", 5, PB_MSG, &m_operation, 0}, {"options", 6, PB_MSG, &m_operation, 0},
        {"head", 7, PB_MSG, &m_operation, 0},   {"patch", 8, PB_MSG, &m_operation, 0},
        {"parameters", 9, PB_PARAMS, NULL, 0},
};
static const struct pb_msg m_path_item = {FIELDS(f_path_item), .ext = 10};
/* Paths {1: vendor extensions, 2: NamedPathItem}. */
static const struct pb_msg m_paths = {.ext = 1, .map_num = 2, .map_msg = &m_path_item};

static const struct pb_field f_info[] = {
        {"title", 1, PB_STRING, NULL, 0},
        {"version", 2, PB_STRING, NULL, 0},
        {"description", 3, PB_STRING, NULL, 0},
};
static const struct pb_msg m_info = {FIELDS(f_info), .ext = 7};

static const struct pb_field f_document[] = {
        {"swagger", 1, PB_STRING, NULL, 0},
        {"info", 2, PB_MSG, &m_info, 0},
        {"host", 3, PB_STRING, NULL, 0},
        {"basePath", 4, PB_STRING, NULL, 0},
        {"schemes", 5, PB_STRINGS, NULL, 0},
        {"consumes", 6, PB_STRINGS, NULL, 0},
        {"produces", 7, PB_STRINGS, NULL, 0},
        {"paths", 8, PB_MSG, &m_paths, 0},
        {"definitions", 9, PB_MSG, &m_definitions, 0},
};
static const struct pb_msg m_document = {FIELDS(f_document), .ext = 16};

/*
 * K8S (gnostic): the non-body parameters' messages share these numbers, except that
 * QueryParameterSubSchema has allow_empty_value = 5 before type, and PathParameter- and
 * HeaderParameterSubSchema do not: type 6/5, format 7/6, unique_items 20/19, vendor
 * extensions 23/22.
 */
static const struct pb_field f_query_param[] = {
        {"required", 1, PB_BOOL, NULL, 0},      {"in", 2, PB_STRING, NULL, 0},
        {"description", 3, PB_STRING, NULL, 0}, {"name", 4, PB_STRING, NULL, 0},
        {"type", 6, PB_STRING, NULL, 0},        {"format", 7, PB_STRING, NULL, 0},
        {"uniqueItems", 20, PB_BOOL, NULL, 0},
};
static const struct pb_msg m_query_param = {FIELDS(f_query_param), .ext = 23};

static const struct pb_field f_path_param[] = {
        {"required", 1, PB_BOOL, NULL, 0},      {"in", 2, PB_STRING, NULL, 0},
        {"description", 3, PB_STRING, NULL, 0}, {"name", 4, PB_STRING, NULL, 0},
        {"type", 5, PB_STRING, NULL, 0},        {"format", 6, PB_STRING, NULL, 0},
        {"uniqueItems", 19, PB_BOOL, NULL, 0},
};
static const struct pb_msg m_path_param = {FIELDS(f_path_param), .ext = 22};
static const struct pb_msg m_header_param = {FIELDS(f_path_param), .ext = 22};

static const struct pb_field f_body_param[] = {
        {"description", 1, PB_STRING, NULL, 0}, {"name", 2, PB_STRING, NULL, 0},
        {"in", 3, PB_STRING, NULL, 0},          {"required", 4, PB_BOOL, NULL, 0},
        {"schema", 5, PB_MSG, &m_schema, 0},
};
static const struct pb_msg m_body_param = {FIELDS(f_body_param), .ext = 6};

/* ---- the walk ----------------------------------------------------------------------- */

static void enc_msg(struct ck_buf *b, const struct pb_msg *m, const json_t *v);

static void enc_extension(struct ck_buf *b, uint32_t num, const char *name, const json_t *v)
{
	size_t named = pb_begin(b, num), any;
	ck_autofree char *text = ck_json_dumps(v);

	pb_string(b, 1, name);
	any = pb_begin(b, 2);
	pb_string(b, 2, text); /* Any.yaml */
	pb_end(b, any);
	pb_end(b, named);
}

/*
 * One swagger parameter as a ParametersItem {1: Parameter}: Parameter is a oneof of
 * {1: BodyParameter} and {2: NonBodyParameter}, which is a oneof by "in" of
 * {1: header, 2: formData, 3: query, 4: path} sub-schemas. A "$ref" parameter is
 * ParametersItem {2: JsonReference {1: _ref}}.
 */
static void enc_param(struct ck_buf *b, uint32_t num, const json_t *p)
{
	const char *in = json_string_value(json_object_get(p, "in"));
	const char *ref = json_string_value(json_object_get(p, "$ref"));
	size_t item = pb_begin(b, num), param, nonbody, sub;

	if (ref) {
		size_t jr = pb_begin(b, 2);

		pb_string(b, 1, ref);
		pb_end(b, jr);
		pb_end(b, item);
		return;
	}
	param = pb_begin(b, 1);
	if (in && !strcmp(in, "body")) {
		sub = pb_begin(b, 1);
		enc_msg(b, &m_body_param, p);
		pb_end(b, sub);
	} else {
		uint32_t which = 3;
		const struct pb_msg *m = &m_query_param;

		if (in && !strcmp(in, "path")) {
			which = 4;
			m = &m_path_param;
		} else if (in && !strcmp(in, "header")) {
			which = 1;
			m = &m_header_param;
		}
		nonbody = pb_begin(b, 2);
		sub = pb_begin(b, which);
		enc_msg(b, m, p);
		pb_end(b, sub);
		pb_end(b, nonbody);
	}
	pb_end(b, param);
	pb_end(b, item);
}

static void enc_value(struct ck_buf *b, const struct pb_field *f, const json_t *v)
{
	size_t wrap = 0, mark;
	uint32_t num = f->num;

	if (f->wrap) {
		wrap = pb_begin(b, f->num);
		num = f->wrap;
	}
	switch (f->kind) {
	case PB_STRING:
		if (json_is_string(v))
			pb_bytes(b, num, json_string_value(v), json_string_length(v));
		break;
	case PB_BOOL:
		if (json_is_boolean(v))
			pb_bool(b, num, json_is_true(v));
		break;
	case PB_STRINGS: {
		size_t i;
		const json_t *e;

		json_array_foreach(v, i, e)
		{
			if (json_is_string(e))
				pb_bytes(b, num, json_string_value(e), json_string_length(e));
		}
		break;
	}
	case PB_MSG:
		if (json_is_object(v)) {
			mark = pb_begin(b, num);
			enc_msg(b, f->msg, v);
			pb_end(b, mark);
		}
		break;
	case PB_MSGS: {
		size_t i;
		const json_t *e;

		json_array_foreach(v, i, e)
		{
			mark = pb_begin(b, num);
			enc_msg(b, f->msg, e);
			pb_end(b, mark);
		}
		break;
	}
	case PB_ANY: {
		ck_autofree char *text = ck_json_dumps(v);

		mark = pb_begin(b, num);
		pb_string(b, 2, text);
		pb_end(b, mark);
		break;
	}
	case PB_PARAMS: {
		size_t i;
		const json_t *e;

		json_array_foreach(v, i, e)
		{
			enc_param(b, num, e);
		}
		break;
	}
	}
	if (f->wrap)
		pb_end(b, wrap);
}

static void enc_msg(struct ck_buf *b, const struct pb_msg *m, const json_t *v)
{
	const char *key;
	const json_t *val;

	if (!json_is_object(v))
		return;
	/* Fields in the order of the descriptor (by number), as protobuf encoders write them. */
	for (size_t i = 0; i < m->nfields; i++) {
		const json_t *fv = json_object_get(v, m->fields[i].key);

		if (fv)
			enc_value(b, &m->fields[i], fv);
	}
	json_object_foreach((json_t *)v, key, val)
	{
		if (!strncmp(key, "x-", 2)) {
			if (m->ext)
				enc_extension(b, m->ext, key, val);
		} else if (m->map_num) {
			size_t named = pb_begin(b, m->map_num), value, wrap = 0;

			pb_string(b, 1, key);
			value = pb_begin(b, 2);
			if (m->map_wrap)
				wrap = pb_begin(b, m->map_wrap);
			enc_msg(b, m->map_msg, val);
			if (m->map_wrap)
				pb_end(b, wrap);
			pb_end(b, value);
			pb_end(b, named);
		}
	}
}

void ck_openapi_v2_to_pb(const json_t *doc, struct ck_buf *out)
{
	enc_msg(out, &m_document, doc);
}
