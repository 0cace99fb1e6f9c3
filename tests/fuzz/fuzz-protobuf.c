/*
 * Fuzz target: protobuf request bodies (src/api/protobuf.h), which kubectl ≥ 1.30 sends for
 * every `kubectl create <generator>` and drain's DELETE. An input that starts with "k8s\0"
 * is decoded as a body; any other input is decoded as a bare message of the schema type
 * its first two bytes pick (little-endian index, modulo the number of types), so that
 * mutations reach every type's fields without an envelope.
 *
 * Invariants: a rejected input gives a 400 BadRequest whose message is non-empty and fits
 * a JSON string (valid UTF-8), and leaves *out alone; an accepted body is an object of a
 * kind the schema has, which the JSON path's typed check (ck_schema_check) accepts with no
 * unknown field, which dumps to JSON that parses back equal, and which decodes the same
 * again, also when its group version is the one expected.
 */
#include <jansson.h>

#include "base/compat.h"

#include "api/protobuf.h"
#include "api/schema.h"
#include "base/error.h"
#include "base/json.h"

#include "fuzz.h"

static void count_unknown(void *ctx, const char *msg)
{
	(void)msg;
	(*(size_t *)ctx)++;
}

static void check_error(int r, struct ck_error *err, const json_t *out)
{
	json_t *s;

	FUZZ_CHECK(r == -1);
	FUZZ_CHECK(err && err->http_status == 400 && err->msg && *err->msg);
	FUZZ_CHECK(!strcmp(err->reason, CK_REASON_BAD_REQUEST));
	FUZZ_CHECK(out == NULL);
	s = json_string(err->msg);
	FUZZ_CHECKF(s, "message is not UTF-8: %s", err->msg);
	json_decref(s);
}

static void check_json(const json_t *v)
{
	struct ck_error *err = NULL;
	char *text = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
	json_t *again;

	FUZZ_CHECK(text);
	again = ck_json_parse(text, strlen(text), &err);
	FUZZ_CHECKF(again, "'%s' does not parse: %s", text, err->msg);
	FUZZ_CHECKF(json_equal(v, again), "'%s' parses to another value", text);
	json_decref(again);
	free(text);
}

/* The schema kind of a decoded object (WatchEvent has no TypeMeta). */
static const struct ck_schema_kind *kind_of(const json_t *obj, char *group, size_t size,
                                            const char **version)
{
	const char *av = json_string_value(json_object_get(obj, "apiVersion"));
	const char *kind = json_string_value(json_object_get(obj, "kind"));
	const char *slash;

	if (!kind) {
		FUZZ_CHECK(!av);
		av = "v1";
		kind = "WatchEvent";
	}
	FUZZ_CHECK(av);
	slash = strchr(av, '/');
	snprintf(group, size, "%.*s", slash ? (int)(slash - av) : 0, av);
	*version = slash ? slash + 1 : av;
	return ck_schema_kind_find(group, *version, kind);
}

static void check_body(const uint8_t *data, size_t size)
{
	struct ck_error *err = NULL;
	json_t *out = NULL, *again = NULL;
	const struct ck_schema_kind *k;
	const char *version;
	size_t unknown = 0;
	char group[256];
	int r = ck_protobuf_decode(data, size, NULL, NULL, &out, &err);

	if (r) {
		check_error(r, err, out);
		ck_error_free(err);
		return;
	}
	FUZZ_CHECK(!err && json_is_object(out));
	k = kind_of(out, group, sizeof(group), &version);
	FUZZ_CHECK(k);
	if (ck_schema_check(k->type, out, 0, count_unknown, &unknown, &err))
		FUZZ_CHECKF(0, "the JSON path refuses a decoded %s: %s", k->kind, err->msg);
	FUZZ_CHECKF(!unknown, "%zu unknown fields in a decoded %s", unknown, k->kind);
	check_json(out);
	FUZZ_CHECK(ck_protobuf_decode(data, size, group, version, &again, &err) == 0);
	FUZZ_CHECK(json_equal(out, again));
	json_decref(again);
	json_decref(out);
}

static void check_message(const uint8_t *data, size_t size)
{
	size_t i = (data[0] | (size_t)data[1] << 8) % ck_schema_type_count();
	const struct ck_schema_type *type = ck_schema_type_at(i);
	struct ck_error *err = NULL;
	json_t *out = NULL;
	int r = ck_protobuf_decode_message(type, data + 2, size - 2, &out, &err);

	if (r) {
		check_error(r, err, out);
		ck_error_free(err);
		return;
	}
	FUZZ_CHECK(!err && out);
	FUZZ_CHECK(type->wrapper || json_is_object(out));
	check_json(out);
	json_decref(out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size >= 2 && (size < 4 || memcmp(data, "k8s", 4)))
		check_message(data, size);
	else
		check_body(data, size);
	return 0;
}
