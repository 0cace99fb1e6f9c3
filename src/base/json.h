/*
 * JSON helpers on jansson: parsing with a ck_error that says where the input is wrong,
 * typed field access that distinguishes "absent" from "wrong type", the 64-bit integers
 * that etcd and Kubernetes send as strings, dumping into a ck_buf, and base64 (which the
 * etcd JSON gateway uses for every key and value).
 */
#ifndef CK_BASE_JSON_H
#define CK_BASE_JSON_H

#include <jansson.h>

#include "base/compat.h"

#include "base/buf.h"
#include "base/error.h"

/*
 * Parse len bytes of JSON (any value at top level; duplicate keys rejected). Returns a new
 * reference, or NULL with *err set to 400 BadRequest naming the line, column and cause.
 */
json_t *ck_json_parse(const char *data, size_t len, struct ck_error **err);

/* Parse and require an object at the top level; otherwise as ck_json_parse. */
json_t *ck_json_parse_object(const char *data, size_t len, struct ck_error **err);

/*
 * Append the compact encoding of v to b: byte for byte jansson's JSON_COMPACT |
 * JSON_ENCODE_ANY dump (keys in insertion order; with JSON_SORT_KEYS when sorted), written
 * without jansson's per-container cycle check. Returns 0, or -1 with *err for what jansson
 * also refuses (invalid UTF-8 in a string it holds) and for nesting deeper than 4096.
 */
int ck_json_dump_buf(const json_t *v, struct ck_buf *b, bool sorted, struct ck_error **err);

/* Append the JSON string of str[0, len) as ck_json_dump_buf writes it; -1: invalid UTF-8. */
int ck_json_dump_string(struct ck_buf *b, const char *str, size_t len);

/* A malloc'ed compact encoding; aborts only on OOM. For logs and tests. */
char *ck_json_dumps(const json_t *v);

/*
 * Typed getters. Each returns 0 and sets *out when key is present with the right type,
 * 1 when key is absent or null (leaving *out as it was, so callers preset defaults), and
 * -1 with a 400 *err when present with another type. The message names the key.
 */
int ck_json_get_str(const json_t *obj, const char *key, const char **out, struct ck_error **err);
int ck_json_get_bool(const json_t *obj, const char *key, bool *out, struct ck_error **err);
int ck_json_get_int(const json_t *obj, const char *key, int64_t *out, struct ck_error **err);
int ck_json_get_object(const json_t *obj, const char *key, json_t **out, struct ck_error **err);
int ck_json_get_array(const json_t *obj, const char *key, json_t **out, struct ck_error **err);

/*
 * An int64 sent as a JSON string ("88809") or a number, as etcd's gateway does for
 * int64/uint64 fields. Same returns as the getters above; a string that is not a whole
 * decimal number is -1.
 */
int ck_json_get_int64_str(const json_t *obj, const char *key, int64_t *out, struct ck_error **err);

/* Follow a dotted path of object keys ("metadata.name"); NULL when any step is missing. */
json_t *ck_json_path(const json_t *v, const char *path);
/* The string at a dotted path, or NULL when missing or not a string. */
const char *ck_json_path_str(const json_t *v, const char *path);

/* Set obj[key] to a new JSON string holding the decimal form of v (etcd's int64 form). */
void ck_json_set_int64_str(json_t *obj, const char *key, int64_t v);

/* base64 (standard alphabet, padded). encode: malloc'ed, NUL-terminated. */
char *ck_base64_encode(const void *data, size_t len);
/*
 * Decode s (padding required, no whitespace) into a malloc'ed buffer (NUL-terminated
 * for convenience; *len excludes it). Returns NULL with a 400 *err on invalid input.
 */
char *ck_base64_decode(const char *s, size_t *len, struct ck_error **err);

#endif
