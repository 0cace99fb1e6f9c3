/*
 * A small JSON scanner for the store's hot paths: etcd's watch messages and the stored
 * objects the watch cache publishes. It indexes a document in one pass into a flat array
 * of nodes (spans of the text, linked as first child / next sibling) without copying or
 * unescaping anything, so that a reader can pick the few fields it needs, and tells
 * whether the text is byte for byte what jansson's compact dump of it would be, so that a
 * writer can splice a field into it instead of parsing and dumping the whole object.
 *
 * It understands a deliberately narrow subset of JSON and declines the rest: a caller
 * treats "declined" as "use jansson", which stays the reference for every input. Declined:
 * anything that is not valid JSON, non-ASCII bytes, \u escapes, numbers other than integers
 * of at most 18 digits (and "-0"), object keys with the escape "\/", duplicate keys, objects of
 * more than CK_JSON_SCAN_MAX_MEMBERS members, nesting deeper than CK_JSON_SCAN_MAX_DEPTH,
 * and documents of 4 GiB or more. Within the subset every accepted text is valid JSON
 * that jansson parses (with or without JSON_REJECT_DUPLICATES) to the values the nodes
 * describe.
 *
 * Threading: none; a scan is the caller's. Memory: the scan owns its node array
 * (ck_json_scan_release); nodes point into the caller's text, which must outlive them.
 */
#ifndef CK_STORE_JSON_SCAN_H
#define CK_STORE_JSON_SCAN_H

#include <jansson.h>

#include "base/compat.h"

#define CK_JSON_SCAN_MAX_DEPTH   256
#define CK_JSON_SCAN_MAX_MEMBERS 256

enum ck_json_scan_type {
	CK_JSON_SCAN_OBJECT = 1,
	CK_JSON_SCAN_ARRAY,
	CK_JSON_SCAN_STRING,
	CK_JSON_SCAN_INTEGER,
	CK_JSON_SCAN_TRUE,
	CK_JSON_SCAN_FALSE,
	CK_JSON_SCAN_NULL,
};

/* One value of the document; index 0 is the root. */
struct ck_json_scan_node {
	uint32_t start, end; /* the value's bytes [start, end); a string's include its quotes */
	uint32_t key;        /* an object member: its key's bytes as written (inside the quotes,
				escapes included) */
	uint32_t key_len;
	uint32_t child; /* first member or element; 0: none (empty, or not a container) */
	uint32_t next;  /* next member or element of the parent; 0: the last */
	uint8_t type;   /* enum ck_json_scan_type */
	bool escaped;   /* a string with backslash escapes (ck_json_scan_string unescapes) */
};

struct ck_json_scan {
	const char *text;
	size_t len;
	struct ck_json_scan_node *nodes;
	size_t n, alloc;
	/*
	 * The text is exactly jansson's compact dump (JSON_COMPACT, insertion order) of what
	 * it parses to: no whitespace between tokens and no escape jansson would not write.
	 */
	bool canonical;
};

#define CK_JSON_SCAN_INIT                                                                          \
	{                                                                                          \
		0                                                                                  \
	}

/*
 * Index text[0, len). Returns 0 when the text is one JSON value of the subset above (the
 * nodes and canonical are set), 1 when the scanner declines it (the nodes are then
 * meaningless). Reuses the scan's node array.
 */
int ck_json_scan(struct ck_json_scan *s, const char *text, size_t len);

/* Free the node array; the scan may be used again. NULL-safe. */
void ck_json_scan_release(struct ck_json_scan *s);

/*
 * The member key of object node obj (an index), or NULL: not an object or no such key.
 * key is compared with the key as written: a key with escapes matches only its escaped form.
 */
const struct ck_json_scan_node *ck_json_scan_get(const struct ck_json_scan *s,
                                                 const struct ck_json_scan_node *obj,
                                                 const char *key, size_t key_len);

/*
 * The value at a dotted path of object keys below node ("spec.nodeName"; a path segment
 * cannot contain a dot), as ck_json_path finds it in a jansson tree; NULL when absent or
 * when a value on the way is not an object.
 */
const struct ck_json_scan_node *ck_json_scan_path(const struct ck_json_scan *s,
                                                  const struct ck_json_scan_node *node,
                                                  const char *path);

/*
 * A string node's value, unescaped, into out (at least node's raw length - 1 bytes: the
 * value is never longer than its text), NUL-terminated; returns its length.
 */
size_t ck_json_scan_string(const struct ck_json_scan *s, const struct ck_json_scan_node *node,
                           char *out);

/* The length of a string node's value (its text without quotes and escapes). */
size_t ck_json_scan_string_len(const struct ck_json_scan *s, const struct ck_json_scan_node *node);

/* A string node's value is exactly (str, len). */
bool ck_json_scan_string_is(const struct ck_json_scan *s, const struct ck_json_scan_node *node,
                            const char *str, size_t len);

/*
 * A node that is a string of decimal digits (as etcd's gateway writes 64-bit numbers) or
 * an integer, fitting in int64_t, into *out. Returns 0, or -1 when the node is anything
 * else (a caller then asks jansson what it makes of it).
 */
int ck_json_scan_int64(const struct ck_json_scan *s, const struct ck_json_scan_node *node,
                       int64_t *out);

/*
 * Decode the base64 string node (no escapes) as ck_base64_decode does, into a new
 * NUL-terminated buffer (the caller's: free), *len its length. NULL when it is not valid
 * base64 (the same inputs ck_base64_decode refuses).
 */
char *ck_json_scan_base64(const struct ck_json_scan *s, const struct ck_json_scan_node *node,
                          size_t *len);

/*
 * The jansson value of a scanned document (a new reference): what json_loadb makes of the
 * same text, with or without JSON_REJECT_DUPLICATES (the subset parses to exactly the values
 * the nodes describe), built without jansson's lexer, which costs about five times as much.
 */
json_t *ck_json_scan_build(const struct ck_json_scan *s);

/*
 * json_loadb's value of text[0, len) when the scanner accepts it, else NULL (declined: the
 * caller asks jansson, which also says what is wrong).
 */
json_t *ck_json_scan_load(const char *text, size_t len);

#endif
