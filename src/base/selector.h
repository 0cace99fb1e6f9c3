/*
 * Label and field selectors, as kubectl and client libraries send them in
 * ?labelSelector= and ?fieldSelector= (`kubectl get pods -l 'app=web,tier!=cache'`,
 * `--field-selector spec.nodeName=node-1`), and as workload specs carry them once
 * written out as strings.
 *
 * Label selectors follow Kubernetes' lexer and parser exactly (K8S:
 * apimachinery/pkg/labels/selector.go Parse): requirements separated by ',', each one of
 *   key  !key  key=value  key==value  key!=value  key in (v1,v2)  key notin (v1)
 *   key>5  key<5
 * with blanks (space, tab, CR, LF) allowed around tokens, keys checked as label keys
 * (optional DNS subdomain prefix and '/', name of at most 63 bytes) and values as label
 * values (empty allowed: "a=" and "a in (,x)"). As in Kubernetes, "in ()" is the set
 * {""} (not an error), repeated values collapse, "in"/"notin" are ordinary words where a
 * value is expected, and requirements are sorted by key (stably here; Go's sort is not
 * stable, so only the order of requirements on the same key can differ).
 *
 * Field selectors follow fields/selector.go ParseSelector: terms separated by ',',
 * each "field=value", "field==value" or "field!=value", where a value escapes '\', ','
 * and '=' with a backslash; terms are sorted by their text. Which fields exist is the
 * API server's business: matching asks a callback for a field's value.
 *
 * Parse errors are 400 BadRequest with Kubernetes' message ("unable to parse
 * requirement: found '', expected: identifier", "invalid selector: 'x'; can't
 * understand 'x'"). One difference: where Kubernetes lists every invalid value of a
 * requirement, ckube lists the first 32 and then "and N more", so that a long selector
 * cannot make a far longer error. A parsed selector is immutable and may be shared
 * between threads.
 */
#ifndef CK_BASE_SELECTOR_H
#define CK_BASE_SELECTOR_H

#include <jansson.h>

#include "base/compat.h"

#include "base/error.h"

/* K8S: selection.Operator */
enum ck_label_op {
	CK_LABEL_OP_EXISTS,         /* key */
	CK_LABEL_OP_DOES_NOT_EXIST, /* !key */
	CK_LABEL_OP_EQUALS,         /* key=value */
	CK_LABEL_OP_DOUBLE_EQUALS,  /* key==value */
	CK_LABEL_OP_NOT_EQUALS,     /* key!=value */
	CK_LABEL_OP_IN,             /* key in (values) */
	CK_LABEL_OP_NOT_IN,         /* key notin (values) */
	CK_LABEL_OP_GT,             /* key>integer */
	CK_LABEL_OP_LT,             /* key<integer */
};

struct ck_label_requirement {
	char *key;
	enum ck_label_op op;
	char **values;  /* sorted, without duplicates; none for EXISTS and DOES_NOT_EXIST */
	size_t nvalues; /* 1 for the exact-match and comparison operators */
};

/* An AND of requirements, sorted by key. No requirement: matches everything. */
struct ck_label_selector {
	struct ck_label_requirement *reqs;
	size_t nreqs;
};

/* The value of label key, or NULL when the object has no such label. */
typedef const char *ck_label_get_fn(const char *key, void *ctx);

/*
 * Parse a label selector string (see above; "" selects everything). Returns 0 and a new
 * selector in *out (free with ck_label_selector_free), or -1 with a 400 BadRequest *err
 * carrying Kubernetes' message, and *out untouched.
 */
int ck_label_selector_parse(const char *s, struct ck_label_selector **out, struct ck_error **err);

/* Free a selector; NULL-safe. */
void ck_label_selector_free(struct ck_label_selector *sel);

/* True when sel has no requirement (or is NULL): it matches everything. */
bool ck_label_selector_empty(const struct ck_label_selector *sel);

/*
 * Whether an object whose metadata.labels is labels matches sel. labels is a JSON object
 * of strings, or NULL when the object has none; a member that is not a string counts as
 * absent. A NULL sel matches everything. Kubernetes' rules: "!=" and "notin" match when
 * the label is absent; ">" and "<" need the label's value to be a base-10 int64.
 */
bool ck_label_selector_matches(const struct ck_label_selector *sel, const json_t *labels);

/* As ck_label_selector_matches, with labels looked up through get(key, ctx). */
bool ck_label_selector_matches_fn(const struct ck_label_selector *sel, ck_label_get_fn *get,
                                  void *ctx);

/*
 * The single value sel requires label key to have, or NULL (K8S: RequiresExactMatch:
 * the first requirement on key decides; "=", "==" or "in" with one value). For choosing
 * an index. The string belongs to sel.
 */
const char *ck_label_selector_requires_exact(const struct ck_label_selector *sel, const char *key);

/*
 * The canonical string of sel, as Kubernetes' Selector.String(): requirements in key
 * order joined by ',', blanks dropped, values sorted ("x in (a,b),!y,z!=c"). Parsing it
 * again gives an equal selector. Malloc'ed; the caller frees it. "" for an empty one.
 */
char *ck_label_selector_string(const struct ck_label_selector *sel);

enum ck_field_op {
	CK_FIELD_OP_EQUALS,     /* "=" or "==" (Kubernetes keeps no difference) */
	CK_FIELD_OP_NOT_EQUALS, /* "!=" */
};

struct ck_field_requirement {
	char *field; /* as written; not checked here (may even be "") */
	enum ck_field_op op;
	char *value; /* unescaped */
};

/* An AND of requirements, in the order of their sorted terms. */
struct ck_field_selector {
	struct ck_field_requirement *reqs;
	size_t nreqs;
};

/* The value of a field of the object, or NULL for none (compared as ""). */
typedef const char *ck_field_get_fn(const char *field, void *ctx);

/*
 * Parse a field selector string ("" and "," select everything). Returns 0 and a new
 * selector in *out (free with ck_field_selector_free), or -1 with a 400 BadRequest *err
 * with Kubernetes' message: a term without an operator ("invalid selector: ..."), an
 * unknown escape or a trailing backslash ("invalid field selector: invalid escape
 * sequence: \x"), an unescaped '=' in a value ("invalid field selector: unescaped
 * character in value: 61" - Go prints the rune as a number). A term whose field and value
 * are both empty ("=") is dropped, as Kubernetes' Transform does.
 */
int ck_field_selector_parse(const char *s, struct ck_field_selector **out, struct ck_error **err);

/* Free a selector; NULL-safe. */
void ck_field_selector_free(struct ck_field_selector *sel);

/* True when sel has no requirement (or is NULL). */
bool ck_field_selector_empty(const struct ck_field_selector *sel);

/*
 * Whether every requirement holds for the object whose fields get(field, ctx) returns.
 * An absent field (NULL) equals "". A NULL sel matches everything.
 */
bool ck_field_selector_matches(const struct ck_field_selector *sel, ck_field_get_fn *get,
                               void *ctx);

/*
 * The value sel requires field to equal, or NULL (K8S: RequiresExactMatch: the first
 * "=" term on field), e.g. spec.nodeName for an agent's watch. The string belongs to sel.
 */
const char *ck_field_selector_requires_exact(const struct ck_field_selector *sel,
                                             const char *field);

/*
 * The canonical string: terms joined by ',' as "field=value" or "field!=value" with the
 * value escaped again. Malloc'ed; the caller frees it.
 */
char *ck_field_selector_string(const struct ck_field_selector *sel);

#endif
