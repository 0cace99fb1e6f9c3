/*
 * JSON patch, RFC 6902 (application/json-patch+json): an array of add, remove, replace,
 * move, copy and test operations on locations named by JSON pointers (RFC 6901: '/'
 * separated reference tokens, "~1" for '/' and "~0" for '~', "-" for the end of an array).
 * The operations apply in order to one private copy of the object; the first one that
 * cannot apply fails the whole patch. kubectl sends these for `kubectl patch --type json`,
 * and the Python client for a patch body that is a list.
 */
#include "base/compat.h"

#include "api/patch-int.h"
#include "base/buf.h"
#include "base/mem.h"

/* The operation being applied: for messages and the copy budget. */
struct jp_op {
	size_t index;     /* position in the patch, from 0 */
	const char *name; /* "add", ... */
	size_t copied;    /* bytes added by copy operations so far, whole patch */
	struct ck_error **err;
};

/* A location: the container holding it (NULL for the whole document) and its last token. */
struct jp_loc {
	json_t *parent;
	struct ck_buf token; /* unescaped; may hold NUL bytes */
	size_t depth;        /* number of reference tokens */
};

__attribute__((format(printf, 2, 3))) static int jp_fail(struct jp_op *op, const char *fmt, ...)
{
	struct ck_buf msg = CK_BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	ck_buf_vaddf(&msg, fmt, ap);
	va_end(ap);
	/* K8S: an operation that cannot apply is 422 Invalid (handlers/patch.go applyJSPatch). */
	ck_error_set(op->err, 422, CK_REASON_INVALID, "%s: json patch operation %zu (%s): %s",
	             CK_PATCH_MSG_UNPROCESSABLE, op->index, op->name, msg.data);
	ck_buf_release(&msg);
	return -1;
}

/* A pointer quoted for a message; the caller frees. */
static char *jp_quoted(const json_t *ptr)
{
	struct ck_buf b = CK_BUF_INIT;

	ck_buf_addch(&b, '\'');
	ck_patch_quote(&b, json_string_value(ptr), json_string_length(ptr));
	ck_buf_addch(&b, '\'');
	return ck_buf_detach(&b, NULL);
}

/*
 * Parse the token tok (len bytes) as an index into an array of size elements: "0" or
 * digits without a leading zero (RFC 6901; evanphx/json-patch's strconv.Atoi would also
 * take "01" and "+1"), "-" (the end, for add only), or -N counting from the end. K8S: negative indices are an extension of evanphx/json-patch that
 * kube-apiserver leaves on (SupportNegativeIndices); -1 is the last element, and for add
 * the position after it. Returns 0, or -1 when the token is not an index in range.
 */
static int jp_index(const char *tok, size_t len, size_t size, bool for_add, size_t *out)
{
	size_t limit = for_add ? size + 1 : size; /* valid positions are [0, limit) */
	bool negative = false;
	uint64_t v = 0;

	if (len == 1 && tok[0] == '-') {
		if (!for_add)
			return -1;
		*out = size;
		return 0;
	}
	if (len && tok[0] == '-') {
		negative = true;
		tok++;
		len--;
	}
	if (len == 0 || len > 18 || (tok[0] == '0' && (len > 1 || negative)))
		return -1;
	for (size_t i = 0; i < len; i++) {
		if (tok[i] < '0' || tok[i] > '9')
			return -1;
		v = v * 10 + (uint64_t)(tok[i] - '0');
	}
	if (negative) {
		if (v > limit)
			return -1;
		*out = limit - (size_t)v;
		return 0;
	}
	if (v >= limit)
		return -1;
	*out = (size_t)v;
	return 0;
}

/*
 * Decode the next reference token of a pointer: *p is at a '/'; on return it is at the
 * next '/' or at end, and tok holds the unescaped token. Returns -1 on an escape other
 * than ~0 and ~1, and -2 on a NUL byte: an object key holding one could be written but
 * never parsed back (jansson refuses NUL in keys), so such a result could not be stored.
 */
static int jp_next_token(const char **p, const char *end, struct ck_buf *tok)
{
	const char *s = *p + 1;

	ck_buf_reset(tok);
	for (; s < end && *s != '/'; s++) {
		if (*s == '\0')
			return -2;
		if (*s != '~') {
			ck_buf_addch(tok, *s);
			continue;
		}
		if (s + 1 >= end || (s[1] != '0' && s[1] != '1'))
			return -1;
		ck_buf_addch(tok, s[1] == '0' ? '~' : '/');
		s++;
	}
	*p = s;
	return 0;
}

/* The child of container c named by token tok, or NULL. */
static json_t *jp_child(json_t *c, const struct ck_buf *tok)
{
	size_t i;

	if (json_is_object(c))
		return json_object_getn(c, tok->data, tok->len);
	if (json_is_array(c) && jp_index(tok->data, tok->len, json_array_size(c), false, &i) == 0)
		return json_array_get(c, i);
	return NULL;
}

/*
 * Resolve every token of ptr but the last through doc, filling loc. Fails (422) when the
 * pointer is malformed or a container on the way does not exist.
 */
static int jp_locate(struct jp_op *op, json_t *doc, const json_t *ptr, struct jp_loc *loc)
{
	const char *p = json_string_value(ptr), *end = p + json_string_length(ptr);
	struct ck_buf tok = CK_BUF_INIT;
	json_t *cur = doc;
	int r = 0;

	loc->parent = NULL;
	loc->depth = 0;
	ck_buf_reset(&loc->token);
	if (p == end)
		return 0;
	if (*p != '/') {
		ck_autofree char *q = jp_quoted(ptr);
		return jp_fail(op, "%s is not a JSON pointer: it must be empty or start with '/'",
		               q);
	}
	while (p < end) {
		int t = jp_next_token(&p, end, &tok);

		if (t < 0) {
			ck_autofree char *q = jp_quoted(ptr);
			r = jp_fail(op,
			            t == -2 ? "%s: a key may not contain a NUL byte"
			                    : "%s is not a JSON pointer: '~' must be followed by 0 "
			                      "or 1",
			            q);
			break;
		}
		loc->depth++;
		if (p == end) {
			if (!json_is_object(cur) && !json_is_array(cur)) {
				ck_autofree char *q = jp_quoted(ptr);
				r = jp_fail(op, "path %s does not exist", q);
				break;
			}
			loc->parent = cur;
			ck_buf_reset(&loc->token);
			ck_buf_add(&loc->token, tok.data, tok.len);
			break;
		}
		cur = jp_child(cur, &tok);
		if (!json_is_object(cur) && !json_is_array(cur)) {
			ck_autofree char *q = jp_quoted(ptr);
			r = jp_fail(op, "path %s does not exist", q);
			break;
		}
	}
	ck_buf_release(&tok);
	return r;
}

/* The value at ptr (borrowed), or -1 (422) when there is none. */
static int jp_get(struct jp_op *op, json_t *doc, const json_t *ptr, struct jp_loc *loc,
                  json_t **out)
{
	if (jp_locate(op, doc, ptr, loc) < 0)
		return -1;
	*out = loc->parent ? jp_child(loc->parent, &loc->token) : doc;
	if (!*out) {
		ck_autofree char *q = jp_quoted(ptr);
		return jp_fail(op, "path %s does not exist", q);
	}
	return 0;
}

/* Keep every document parseable again: no value may land deeper than the parser allows. */
static int jp_check_depth(struct jp_op *op, const struct jp_loc *loc, const json_t *value)
{
	if (loc->depth > CK_PATCH_MAX_DEPTH ||
	    ck_patch_depth_exceeds(value, CK_PATCH_MAX_DEPTH - loc->depth))
		return jp_fail(op, "the value would be nested more than %d levels deep",
		               CK_PATCH_MAX_DEPTH);
	return 0;
}

/*
 * Put value (a reference we hand over) at ptr: RFC 6902 add when replace is false (object
 * members are set, array elements inserted), replace when true (the target must exist).
 */
static int jp_put(struct jp_op *op, json_t **doc, const json_t *ptr, json_t *value, bool replace)
{
	struct jp_loc loc = {.token = CK_BUF_INIT};
	json_t *parent;
	size_t i;
	int r = -1;

	if (jp_locate(op, *doc, ptr, &loc) < 0 || jp_check_depth(op, &loc, value) < 0)
		goto out;
	parent = loc.parent;
	if (!parent) {
		/* RFC 6902 allows the root; evanphx/json-patch does not (a 422 upstream). */
		json_decref(*doc);
		*doc = json_incref(value);
		r = 0;
	} else if (json_is_object(parent)) {
		if (replace && !json_object_getn(parent, loc.token.data, loc.token.len)) {
			ck_autofree char *q = jp_quoted(ptr);
			jp_fail(op, "path %s does not exist", q);
			goto out;
		}
		json_object_setn_nocheck(parent, loc.token.data, loc.token.len, value);
		r = 0;
	} else if (jp_index(loc.token.data, loc.token.len, json_array_size(parent), !replace, &i) <
	           0) {
		ck_autofree char *q = jp_quoted(ptr);
		jp_fail(op, "path %s: not a valid index into an array of %zu elements", q,
		        json_array_size(parent));
	} else {
		r = replace ? json_array_set(parent, i, value)
		            : json_array_insert(parent, i, value);
		CK_BUG_ON(r != 0);
	}
out:
	json_decref(value);
	ck_buf_release(&loc.token);
	return r;
}

/* RFC 6902 remove: the target must exist; the whole document cannot be removed. */
static int jp_remove(struct jp_op *op, json_t *doc, const json_t *ptr)
{
	struct jp_loc loc = {.token = CK_BUF_INIT};
	json_t *target;
	size_t i;
	int r = -1;

	if (jp_get(op, doc, ptr, &loc, &target) < 0)
		goto out;
	if (!loc.parent) {
		jp_fail(op, "cannot remove the whole document");
		goto out;
	}
	if (json_is_object(loc.parent)) {
		r = json_object_deln(loc.parent, loc.token.data, loc.token.len);
	} else {
		r = jp_index(loc.token.data, loc.token.len, json_array_size(loc.parent), false, &i);
		CK_BUG_ON(r != 0); /* jp_get found it */
		r = json_array_remove(loc.parent, i);
	}
	CK_BUG_ON(r != 0);
out:
	ck_buf_release(&loc.token);
	return r;
}

/* A string member of an operation, or -1 (422) when it is missing or not a string. */
static int jp_member_str(struct jp_op *op, const json_t *o, const char *key, const json_t **out)
{
	*out = json_object_get(o, key);
	if (!json_is_string(*out))
		return jp_fail(op, "the operation has no string '%s' member", key);
	return 0;
}

/* True when pointer a names a location strictly inside the one b names. */
static bool jp_is_inside(const json_t *a, const json_t *b)
{
	size_t la = json_string_length(a), lb = json_string_length(b);

	return la > lb && memcmp(json_string_value(a), json_string_value(b), lb) == 0 &&
	       json_string_value(a)[lb] == '/';
}

static int jp_apply_one(struct jp_op *op, json_t **doc, const json_t *o)
{
	struct jp_loc loc = {.token = CK_BUF_INIT};
	const json_t *path, *from = NULL, *value = json_object_get(o, "value");
	json_t *src;
	const char *name = json_string_value(json_object_get(o, "op"));
	size_t size;
	int r = -1;

	/* K8S: evanphx/json-patch names an operation it does not know "Unexpected kind". */
	if (!name || (strcmp(name, "add") && strcmp(name, "remove") && strcmp(name, "replace") &&
	              strcmp(name, "move") && strcmp(name, "copy") && strcmp(name, "test"))) {
		struct ck_buf kind = CK_BUF_INIT;

		op->name = "unknown";
		if (name)
			ck_patch_quote(&kind, name, json_string_length(json_object_get(o, "op")));
		r = jp_fail(op, "Unexpected kind: %s", name ? kind.data : "unknown");
		ck_buf_release(&kind);
		return r;
	}
	op->name = name;
	if (jp_member_str(op, o, "path", &path) < 0)
		return -1;
	if ((!strcmp(name, "move") || !strcmp(name, "copy")) &&
	    jp_member_str(op, o, "from", &from) < 0)
		return -1;
	/*
	 * RFC 6902: add, replace and test MUST have a value; null is a value. evanphx/json-patch
	 * would take a missing value as null; ckube follows the RFC.
	 */
	if ((!strcmp(name, "add") || !strcmp(name, "replace") || !strcmp(name, "test")) && !value)
		return jp_fail(op, "the operation has no 'value' member");

	if (!strcmp(name, "add") || !strcmp(name, "replace"))
		return jp_put(op, doc, path, json_deep_copy(value), !strcmp(name, "replace"));
	if (!strcmp(name, "remove"))
		return jp_remove(op, *doc, path);
	if (!strcmp(name, "test")) {
		if (jp_get(op, *doc, path, &loc, &src) == 0) {
			r = 0;
			/* K8S: the message of evanphx/json-patch, "testing value %s failed". */
			if (!json_equal(src, value)) {
				ck_autofree char *q = jp_quoted(path);
				r = jp_fail(op, "testing value %s failed", q);
			}
		}
		ck_buf_release(&loc.token);
		return r;
	}

	if (jp_get(op, *doc, from, &loc, &src) < 0)
		goto out;
	if (!strcmp(name, "move")) {
		/* RFC 6902: from must not be a proper prefix of path; moving onto itself is a no-op. */
		if (jp_is_inside(path, from)) {
			ck_autofree char *q = jp_quoted(from);
			jp_fail(op, "cannot move %s into itself", q);
			goto out;
		}
		if (json_equal(path, from)) {
			r = 0;
			goto out;
		}
		json_incref(src);
		if (jp_remove(op, *doc, from) < 0) {
			json_decref(src);
			goto out;
		}
		r = jp_put(op, doc, path, src, false);
		goto out;
	}
	/* copy. K8S: copies may add at most JSONPatchMaxCopyBytes to the document in all. */
	size = json_dumpb(src, NULL, 0, JSON_COMPACT | JSON_ENCODE_ANY);
	if (size > CK_PATCH_MAX_COPY_BYTES - op->copied) {
		jp_fail(op,
		        "Unable to complete the copy, the accumulated size increase of copy is "
		        "%zu, "
		        "exceeding the limit %d",
		        op->copied + size, CK_PATCH_MAX_COPY_BYTES);
		goto out;
	}
	op->copied += size;
	r = jp_put(op, doc, path, json_deep_copy(src), false);
out:
	ck_buf_release(&loc.token);
	return r;
}

int ck_patch_apply_json(json_t **doc, const json_t *ops, struct ck_error **err)
{
	struct jp_op op = {.err = err};
	const json_t *o;
	size_t i;

	/*
	 * K8S: a body that does not decode as a list of objects is 400 BadRequest; null decodes
	 * as an empty list (encoding/json into jsonpatch.Patch). More than 10000 operations is
	 * 413 RequestEntityTooLarge.
	 */
	if (json_is_null(ops))
		return 0;
	if (!json_is_array(ops))
		return ck_error_set(err, 400, CK_REASON_BAD_REQUEST,
		                    "invalid JSON patch: expected a list of operations");
	json_array_foreach(ops, i, o)
	{
		if (!json_is_object(o) && !json_is_null(o))
			return ck_error_set(err, 400, CK_REASON_BAD_REQUEST,
			                    "invalid JSON patch: operation %zu is not an object",
			                    i);
	}
	if (json_array_size(ops) > CK_PATCH_MAX_JSON_OPS)
		return ck_error_set(err, 413, CK_REASON_TOO_LARGE,
		                    "The allowed maximum operations in a JSON patch is %d, got %zu",
		                    CK_PATCH_MAX_JSON_OPS, json_array_size(ops));

	json_array_foreach(ops, i, o)
	{
		op.index = i;
		op.name = "unknown";
		if (jp_apply_one(&op, doc, o) < 0)
			return -1;
	}
	return 0;
}
