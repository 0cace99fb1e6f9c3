/*
 * Label and field selectors (see selector.h).
 *
 * The label selector parser is a transcription of Kubernetes' labels/selector.go: the
 * same lexer (special symbols "=", "==", "!=", "!", "(", ")", ",", ">", "<"; the
 * keywords "in" and "notin"; everything else up to a blank or a symbol is an
 * identifier), the same token array with lookahead in two contexts (where a value is
 * expected, "in" and "notin" are identifiers), the same recursive descent, and the same
 * error texts, including field.Error's "<path>: Invalid value: \"v\": detail" wording for
 * invalid keys and values and utilerrors.Aggregate's "[a, b]" for several.
 *
 * The field selector parser is a transcription of fields/selector.go ParseSelector.
 */
#include "base/compat.h"

#include "base/buf.h"
#include "base/error.h"
#include "base/mem.h"
#include "base/selector.h"
#include "base/validate.h"

/* ---- shared helpers ---------------------------------------------------------------- */

static int cmp_strp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * Append s[0..n) quoted as Go's %q does (strconv.Quote): backslash escapes for '"', '\\'
 * and control characters, \xNN for bytes that are not UTF-8; other text as is.
 */
static void add_go_quoted(struct ck_buf *b, const char *s, size_t n)
{
	static const char esc_from[] = "\"\\\a\b\f\n\r\t\v";
	static const char esc_to[] = "\"\\abfnrtv";

	ck_buf_addch(b, '"');
	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)s[i];
		const char *e = c ? strchr(esc_from, c) : NULL;
		size_t len;

		if (e) {
			ck_buf_addch(b, '\\');
			ck_buf_addch(b, esc_to[e - esc_from]);
			i++;
		} else if (c < 0x20 || c == 0x7f || !(len = ck_utf8_len(s + i, n - i))) {
			ck_buf_addf(b, "\\x%02x", c);
			i++;
		} else {
			ck_buf_add(b, s + i, len);
			i += len;
		}
	}
	ck_buf_addch(b, '"');
}

/* strconv.ParseInt(s, 10, 64): optional sign, at least one digit, nothing else. */
static int parse_go_int64(const char *s, int64_t *out)
{
	bool neg = false;
	uint64_t v = 0, limit;

	if (*s == '+' || *s == '-')
		neg = *s++ == '-';
	if (!*s)
		return -1;
	limit = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		if (v > (limit - (uint64_t)(*s - '0')) / 10)
			return -1;
		v = v * 10 + (uint64_t)(*s - '0');
	}
	*out = neg ? (int64_t)(0 - v) : (int64_t)v;
	return 0;
}

/* ---- label selector: lexer --------------------------------------------------------- */

enum tok {
	TOK_EOS,
	TOK_CLOSE_PAR,
	TOK_COMMA,
	TOK_NOT, /* "!": DoesNotExist */
	TOK_DOUBLE_EQUALS,
	TOK_EQUALS,
	TOK_GT,
	TOK_IDENT,
	TOK_IN,
	TOK_LT,
	TOK_NOT_EQUALS,
	TOK_NOT_IN,
	TOK_OPEN_PAR,
};

struct token {
	enum tok tok;
	const char *lit; /* into the selector string; not NUL-terminated */
	size_t len;
};

/* K8S: isWhitespace */
static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* K8S: isSpecialSymbol */
static bool is_special(char c)
{
	return c && strchr("=!(),><", c);
}

/* K8S: Lexer.Lex, with scanSpecialSymbol's longest match ("!=" and "==" over "!" and "="). */
static const char *lex(const char *p, struct token *t)
{
	while (is_blank(*p))
		p++;
	t->lit = p;
	t->len = 1;
	switch (*p) {
	case '\0':
		t->tok = TOK_EOS;
		t->len = 0;
		return p;
	case '!':
		t->tok = p[1] == '=' ? TOK_NOT_EQUALS : TOK_NOT;
		break;
	case '=':
		t->tok = p[1] == '=' ? TOK_DOUBLE_EQUALS : TOK_EQUALS;
		break;
	case '(':
		t->tok = TOK_OPEN_PAR;
		break;
	case ')':
		t->tok = TOK_CLOSE_PAR;
		break;
	case ',':
		t->tok = TOK_COMMA;
		break;
	case '>':
		t->tok = TOK_GT;
		break;
	case '<':
		t->tok = TOK_LT;
		break;
	default: {
		const char *start = p;

		while (*p && !is_special(*p) && !is_blank(*p))
			p++;
		t->len = (size_t)(p - start);
		if (t->len == 2 && !memcmp(start, "in", 2))
			t->tok = TOK_IN;
		else if (t->len == 5 && !memcmp(start, "notin", 5))
			t->tok = TOK_NOT_IN;
		else
			t->tok = TOK_IDENT;
		return p;
	}
	}
	if (t->tok == TOK_NOT_EQUALS || t->tok == TOK_DOUBLE_EQUALS)
		t->len = 2;
	return p + t->len;
}

/* ---- label selector: parser -------------------------------------------------------- */

struct parser {
	struct token *toks;
	size_t ntoks, pos;
	struct ck_buf *msg; /* the error text, when a step fails */
};

/* K8S: Parser.lookahead/consume; in the Values context "in" and "notin" are identifiers. */
static struct token peek(const struct parser *p, bool values)
{
	struct token t = p->toks[p->pos];

	if (values && (t.tok == TOK_IN || t.tok == TOK_NOT_IN))
		t.tok = TOK_IDENT;
	return t;
}

static struct token next(struct parser *p, bool values)
{
	struct token t = peek(p, values);

	if (t.tok != TOK_EOS)
		p->pos++;
	return t;
}

/* "found '<lit>', expected: <what>" */
static int found(struct parser *p, const struct token *t, const char *what)
{
	ck_buf_adds(p->msg, "found '");
	ck_buf_add_utf8(p->msg, t->lit, t->len);
	ck_buf_addf(p->msg, "'%s", what);
	return -1;
}

/* A growing set of owned strings, sorted and made unique at the end (K8S: sets.String). */
struct strset {
	char **v;
	size_t n, alloc;
};

static void strset_add(struct strset *s, const char *lit, size_t len)
{
	CK_ALLOC_GROW(s->v, s->n + 1, s->alloc);
	s->v[s->n++] = ck_xstrndup(lit, len);
}

static void strset_finish(struct strset *s)
{
	size_t out = 0;

	if (s->n)
		qsort(s->v, s->n, sizeof(*s->v), cmp_strp);
	for (size_t i = 0; i < s->n; i++) {
		if (out && !strcmp(s->v[out - 1], s->v[i]))
			free(s->v[i]);
		else
			s->v[out++] = s->v[i];
	}
	s->n = out;
}

static void strset_release(struct strset *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
	memset(s, 0, sizeof(*s));
}

static void add_invalid(struct ck_buf *b, const char *path, const char *value,
                        const char *const *msgs, size_t n)
{
	ck_buf_add_utf8(b, path, strlen(path));
	ck_buf_adds(b, ": Invalid value: ");
	add_go_quoted(b, value, strlen(value));
	ck_buf_adds(b, ": ");
	for (size_t i = 0; i < n; i++)
		ck_buf_addf(b, "%s%s", i ? "; " : "", msgs[i]);
}

/* K8S: parseKeyAndInferOperator. *has_op is false when a binary operator must follow. */
static int parse_key(struct parser *p, char **key, enum ck_label_op *op, bool *has_op)
{
	const char *msgs[CK_VALIDATE_MAX_MSGS];
	struct token t = next(p, true), la;
	size_t n;

	*has_op = false;
	if (t.tok == TOK_NOT) {
		*op = CK_LABEL_OP_DOES_NOT_EXIST;
		*has_op = true;
		t = next(p, true);
	}
	if (t.tok != TOK_IDENT)
		return found(p, &t, ", expected: identifier");
	*key = ck_xstrndup(t.lit, t.len);
	n = ck_validate_label_key(*key, msgs);
	if (n) {
		/* K8S: field.Invalid with the parser's nil path prints "<nil>" */
		add_invalid(p->msg, "<nil>", *key, msgs, n);
		free(*key);
		*key = NULL;
		return -1;
	}
	la = peek(p, true);
	if ((la.tok == TOK_EOS || la.tok == TOK_COMMA) && !*has_op) {
		*op = CK_LABEL_OP_EXISTS;
		*has_op = true;
	}
	return 0;
}

/* K8S: parseOperator (KeyAndOperator context). */
static int parse_operator(struct parser *p, enum ck_label_op *op)
{
	struct token t = next(p, false);

	switch (t.tok) {
	case TOK_IN:
		*op = CK_LABEL_OP_IN;
		return 0;
	case TOK_EQUALS:
		*op = CK_LABEL_OP_EQUALS;
		return 0;
	case TOK_DOUBLE_EQUALS:
		*op = CK_LABEL_OP_DOUBLE_EQUALS;
		return 0;
	case TOK_GT:
		*op = CK_LABEL_OP_GT;
		return 0;
	case TOK_LT:
		*op = CK_LABEL_OP_LT;
		return 0;
	case TOK_NOT_IN:
		*op = CK_LABEL_OP_NOT_IN;
		return 0;
	case TOK_NOT_EQUALS:
		*op = CK_LABEL_OP_NOT_EQUALS;
		return 0;
	default:
		return found(p, &t, ", expected: in, notin, =, ==, !=, gt, lt");
	}
}

/* K8S: parseIdentifiersList: "(a,,b)" also yields "", as do "(," and ",)". */
static int parse_identifiers(struct parser *p, struct strset *set)
{
	for (;;) {
		struct token t = next(p, true), la;

		switch (t.tok) {
		case TOK_IDENT:
			strset_add(set, t.lit, t.len);
			la = peek(p, true);
			if (la.tok == TOK_COMMA)
				continue;
			if (la.tok == TOK_CLOSE_PAR)
				return 0;
			return found(p, &la, ", expected: ',' or ')'");
		case TOK_COMMA:
			if (set->n == 0)
				strset_add(set, "", 0);
			la = peek(p, true);
			if (la.tok == TOK_CLOSE_PAR) {
				strset_add(set, "", 0);
				return 0;
			}
			if (la.tok == TOK_COMMA)
				strset_add(set, "", 0);
			break;
		default:
			return found(p, &t, ", expected: ',', or identifier");
		}
	}
}

/* K8S: parseValues: "(" list ")", where "()" is the set {""}. */
static int parse_values(struct parser *p, struct strset *set)
{
	struct token t = next(p, true);

	if (t.tok != TOK_OPEN_PAR)
		return found(p, &t, " expected: '('");
	t = peek(p, true);
	switch (t.tok) {
	case TOK_IDENT:
	case TOK_COMMA:
		if (parse_identifiers(p, set) < 0)
			return -1;
		next(p, true); /* the ')' parse_identifiers stopped at */
		return 0;
	case TOK_CLOSE_PAR:
		next(p, true);
		strset_add(set, "", 0);
		return 0;
	default:
		return found(p, &t, ", expected: ',', ')' or identifier");
	}
}

/* K8S: parseExactValue: nothing before ',' or the end is the empty value. */
static int parse_exact_value(struct parser *p, struct strset *set)
{
	struct token t = peek(p, true);

	if (t.tok == TOK_EOS || t.tok == TOK_COMMA) {
		strset_add(set, "", 0);
		return 0;
	}
	t = next(p, true);
	if (t.tok != TOK_IDENT)
		return found(p, &t, ", expected: identifier");
	strset_add(set, t.lit, t.len);
	return 0;
}

/* The most invalid values one requirement's error message lists. */
#define MAX_VALUE_ERRORS 32

static const char *const gt_lt_msg[] = {
        "for 'Gt', 'Lt' operators, the value must be an integer",
};

/*
 * K8S: NewRequirement's checks on the values (the key was checked by parse_key), with
 * its error list flattened as ErrorList.ToAggregate().Error() does.
 */
static int check_values(struct parser *p, const char *key, enum ck_label_op op,
                        const struct strset *set)
{
	struct ck_buf one = CK_BUF_INIT;
	char **errs = NULL;
	size_t nerrs = 0, alloc = 0;

	if (op == CK_LABEL_OP_GT || op == CK_LABEL_OP_LT) {
		int64_t v;

		/* the parser always gives one value, so "exactly one value" cannot fail */
		for (size_t i = 0; i < set->n; i++) {
			char path[40];

			if (parse_go_int64(set->v[i], &v) == 0)
				continue;
			snprintf(path, sizeof(path), "values[%zu]", i);
			ck_buf_reset(&one);
			add_invalid(&one, path, set->v[i], gt_lt_msg, 1);
			CK_ALLOC_GROW(errs, nerrs + 1, alloc);
			errs[nerrs++] = ck_buf_detach(&one, NULL);
		}
	}
	for (size_t i = 0; i < set->n; i++) {
		const char *msgs[CK_VALIDATE_MAX_MSGS];
		size_t n = ck_validate_label_value(set->v[i], msgs);
		struct ck_buf path = CK_BUF_INIT;

		if (!n)
			continue;
		ck_buf_addf(&path, "values[%zu][%s]", i, key);
		ck_buf_reset(&one);
		add_invalid(&one, path.data, set->v[i], msgs, n);
		ck_buf_release(&path);
		CK_ALLOC_GROW(errs, nerrs + 1, alloc);
		errs[nerrs++] = ck_buf_detach(&one, NULL);
	}
	ck_buf_release(&one);
	if (!nerrs)
		return 0;
	/*
	 * K8S: ToAggregate drops repeated messages and writes several as "[a, b]"; each
	 * message here names its value's index, so none repeats.
	 */
	if (nerrs > 1)
		ck_buf_addch(p->msg, '[');
	for (size_t i = 0; i < nerrs; i++) {
		/* ckube: a bounded message, whatever the number of bad values */
		if (i < MAX_VALUE_ERRORS)
			ck_buf_addf(p->msg, "%s%s", i ? ", " : "", errs[i]);
		else if (i == MAX_VALUE_ERRORS)
			ck_buf_addf(p->msg, ", and %zu more", nerrs - MAX_VALUE_ERRORS);
		free(errs[i]);
	}
	if (nerrs > 1)
		ck_buf_addch(p->msg, ']');
	free(errs);
	return -1;
}

/* K8S: parseRequirement */
static int parse_requirement(struct parser *p, struct ck_label_requirement *r)
{
	struct strset set = {0};
	bool has_op;

	memset(r, 0, sizeof(*r));
	if (parse_key(p, &r->key, &r->op, &has_op) < 0)
		return -1;
	if (!has_op) {
		if (parse_operator(p, &r->op) < 0)
			goto fail;
		if (r->op == CK_LABEL_OP_IN || r->op == CK_LABEL_OP_NOT_IN) {
			if (parse_values(p, &set) < 0)
				goto fail;
		} else if (parse_exact_value(p, &set) < 0) {
			goto fail;
		}
		strset_finish(&set);
		if (check_values(p, r->key, r->op, &set) < 0)
			goto fail;
	}
	r->values = set.v;
	r->nvalues = set.n;
	return 0;
fail:
	strset_release(&set);
	free(r->key);
	r->key = NULL;
	return -1;
}

static void requirement_release(struct ck_label_requirement *r)
{
	free(r->key);
	for (size_t i = 0; i < r->nvalues; i++)
		free(r->values[i]);
	free(r->values);
}

void ck_label_selector_free(struct ck_label_selector *sel)
{
	if (!sel)
		return;
	for (size_t i = 0; i < sel->nreqs; i++)
		requirement_release(&sel->reqs[i]);
	free(sel->reqs);
	free(sel);
}

/* Sort by key, keeping the written order among equal keys. */
struct keyed {
	struct ck_label_requirement r;
	size_t idx;
};

static int cmp_keyed(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;
	int c = strcmp(x->r.key, y->r.key);

	if (c)
		return c;
	return (x->idx > y->idx) - (x->idx < y->idx);
}

/* K8S: Parser.parse */
static int parse_label_selector(struct parser *p, struct ck_label_selector *sel)
{
	struct keyed *reqs = NULL;
	size_t n = 0, alloc = 0;
	int r = -1;

	for (;;) {
		struct token t = peek(p, true);

		if (t.tok == TOK_EOS) {
			r = 0;
			break;
		}
		if (t.tok != TOK_IDENT && t.tok != TOK_NOT) {
			found(p, &t, ", expected: !, identifier, or 'end of string'");
			break;
		}
		CK_ALLOC_GROW(reqs, n + 1, alloc);
		if (parse_requirement(p, &reqs[n].r) < 0) {
			struct ck_buf tmp = CK_BUF_INIT;

			ck_buf_adds(&tmp, "unable to parse requirement: ");
			ck_buf_add(&tmp, p->msg->data, p->msg->len);
			ck_buf_reset(p->msg);
			ck_buf_add(p->msg, tmp.data, tmp.len);
			ck_buf_release(&tmp);
			break;
		}
		reqs[n].idx = n;
		n++;
		t = next(p, true);
		if (t.tok == TOK_EOS) {
			r = 0;
			break;
		}
		if (t.tok != TOK_COMMA) {
			found(p, &t, ", expected: ',' or 'end of string'");
			break;
		}
		t = peek(p, true);
		if (t.tok != TOK_IDENT && t.tok != TOK_NOT) {
			found(p, &t, ", expected: identifier after ','");
			break;
		}
	}
	if (r == 0) {
		if (n)
			qsort(reqs, n, sizeof(*reqs), cmp_keyed);
		sel->reqs = n ? ck_xcalloc(n, sizeof(*sel->reqs)) : NULL;
		for (size_t i = 0; i < n; i++)
			sel->reqs[i] = reqs[i].r;
		sel->nreqs = n;
	} else {
		for (size_t i = 0; i < n; i++)
			requirement_release(&reqs[i].r);
	}
	free(reqs);
	return r;
}

int ck_label_selector_parse(const char *s, struct ck_label_selector **out, struct ck_error **err)
{
	struct ck_buf msg = CK_BUF_INIT;
	struct parser p = {.msg = &msg};
	struct ck_label_selector *sel;
	size_t alloc = 0;
	const char *pos = s;

	CK_BUG_ON(!s || !out);
	/* K8S: Parser.scan lexes everything first */
	for (;;) {
		CK_ALLOC_GROW(p.toks, p.ntoks + 1, alloc);
		pos = lex(pos, &p.toks[p.ntoks]);
		if (p.toks[p.ntoks++].tok == TOK_EOS)
			break;
	}
	sel = ck_xcalloc(1, sizeof(*sel));
	if (parse_label_selector(&p, sel) < 0) {
		ck_error_set(err, 400, CK_REASON_BAD_REQUEST, "%s", msg.data);
		ck_label_selector_free(sel);
		sel = NULL;
	}
	free(p.toks);
	ck_buf_release(&msg);
	if (!sel)
		return -1;
	*out = sel;
	return 0;
}

bool ck_label_selector_empty(const struct ck_label_selector *sel)
{
	return !sel || sel->nreqs == 0;
}

static bool has_value(const struct ck_label_requirement *r, const char *v)
{
	/* values are sorted */
	return bsearch(&v, r->values, r->nvalues, sizeof(*r->values), cmp_strp) != NULL;
}

/* K8S: Requirement.Matches */
static bool requirement_matches(const struct ck_label_requirement *r, ck_label_get_fn *get,
                                void *ctx)
{
	const char *v = get(r->key, ctx);
	int64_t have, want;

	switch (r->op) {
	case CK_LABEL_OP_IN:
	case CK_LABEL_OP_EQUALS:
	case CK_LABEL_OP_DOUBLE_EQUALS:
		return v && has_value(r, v);
	case CK_LABEL_OP_NOT_IN:
	case CK_LABEL_OP_NOT_EQUALS:
		return !v || !has_value(r, v);
	case CK_LABEL_OP_EXISTS:
		return v != NULL;
	case CK_LABEL_OP_DOES_NOT_EXIST:
		return v == NULL;
	case CK_LABEL_OP_GT:
	case CK_LABEL_OP_LT:
		if (!v || r->nvalues != 1 || parse_go_int64(v, &have) < 0 ||
		    parse_go_int64(r->values[0], &want) < 0)
			return false;
		return r->op == CK_LABEL_OP_GT ? have > want : have < want;
	}
	return false;
}

bool ck_label_selector_matches_fn(const struct ck_label_selector *sel, ck_label_get_fn *get,
                                  void *ctx)
{
	if (!sel)
		return true;
	for (size_t i = 0; i < sel->nreqs; i++)
		if (!requirement_matches(&sel->reqs[i], get, ctx))
			return false;
	return true;
}

static const char *json_label(const char *key, void *ctx)
{
	const json_t *labels = ctx;

	return json_string_value(json_object_get(labels, key));
}

bool ck_label_selector_matches(const struct ck_label_selector *sel, const json_t *labels)
{
	if (!json_is_object(labels))
		labels = NULL;
	return ck_label_selector_matches_fn(sel, json_label, (void *)labels);
}

const char *ck_label_selector_requires_exact(const struct ck_label_selector *sel, const char *key)
{
	if (!sel)
		return NULL;
	for (size_t i = 0; i < sel->nreqs; i++) {
		const struct ck_label_requirement *r = &sel->reqs[i];

		if (strcmp(r->key, key))
			continue;
		if ((r->op == CK_LABEL_OP_EQUALS || r->op == CK_LABEL_OP_DOUBLE_EQUALS ||
		     r->op == CK_LABEL_OP_IN) &&
		    r->nvalues == 1)
			return r->values[0];
		return NULL;
	}
	return NULL;
}

/* K8S: Requirement.String */
static void requirement_string(struct ck_buf *b, const struct ck_label_requirement *r)
{
	static const char *const ops[] = {
	        [CK_LABEL_OP_EQUALS] = "=",
	        [CK_LABEL_OP_DOUBLE_EQUALS] = "==",
	        [CK_LABEL_OP_NOT_EQUALS] = "!=",
	        [CK_LABEL_OP_IN] = " in (",
	        [CK_LABEL_OP_NOT_IN] = " notin (",
	        [CK_LABEL_OP_GT] = ">",
	        [CK_LABEL_OP_LT] = "<",
	};

	if (r->op == CK_LABEL_OP_DOES_NOT_EXIST)
		ck_buf_addch(b, '!');
	ck_buf_adds(b, r->key);
	if (r->op == CK_LABEL_OP_EXISTS || r->op == CK_LABEL_OP_DOES_NOT_EXIST)
		return;
	ck_buf_adds(b, ops[r->op]);
	for (size_t i = 0; i < r->nvalues; i++)
		ck_buf_addf(b, "%s%s", i ? "," : "", r->values[i]);
	if (r->op == CK_LABEL_OP_IN || r->op == CK_LABEL_OP_NOT_IN)
		ck_buf_addch(b, ')');
}

char *ck_label_selector_string(const struct ck_label_selector *sel)
{
	struct ck_buf b = CK_BUF_INIT;

	for (size_t i = 0; sel && i < sel->nreqs; i++) {
		if (i)
			ck_buf_addch(&b, ',');
		requirement_string(&b, &sel->reqs[i]);
	}
	return ck_buf_detach(&b, NULL);
}

/* ---- field selector ---------------------------------------------------------------- */

/* K8S: UnescapeValue. Returns a malloc'ed value, or NULL with the error text in msg. */
static char *unescape_value(const char *s, size_t n, struct ck_buf *msg)
{
	struct ck_buf v = CK_BUF_INIT;
	bool in_slash = false;

	for (size_t i = 0; i < n; i++) {
		char c = s[i];

		if (in_slash) {
			if (c == '\\' || c == ',' || c == '=') {
				ck_buf_addch(&v, c);
				in_slash = false;
				continue;
			}
			/* Go prints the backslash and the rune after it */
			size_t len = 1;

			while (len < 4 && i + len < n && ((unsigned char)s[i + len] & 0xc0) == 0x80)
				len++;
			ck_buf_adds(msg, "invalid field selector: invalid escape sequence: \\");
			ck_buf_add_utf8(msg, s + i, len);
			ck_buf_release(&v);
			return NULL;
		}
		if (c == '\\') {
			in_slash = true;
		} else if (c == ',' || c == '=') {
			/* K8S: UnescapedRune's message prints the rune with %v: its number */
			ck_buf_addf(msg, "invalid field selector: unescaped character in value: %d",
			            c);
			ck_buf_release(&v);
			return NULL;
		} else {
			ck_buf_addch(&v, c);
		}
	}
	if (in_slash) {
		ck_buf_adds(msg, "invalid field selector: invalid escape sequence: \\");
		ck_buf_release(&v);
		return NULL;
	}
	return ck_buf_detach(&v, NULL);
}

/* K8S: splitTerms: split at ',' not preceded by an escaping '\'. */
static char **split_terms(const char *s, size_t *n)
{
	char **terms = NULL;
	size_t count = 0, alloc = 0, start = 0;
	bool in_slash = false;

	for (size_t i = 0;; i++) {
		if (s[i] == '\0' || (!in_slash && s[i] == ',')) {
			CK_ALLOC_GROW(terms, count + 1, alloc);
			terms[count++] = ck_xstrndup(s + start, i - start);
			if (s[i] == '\0')
				break;
			start = i + 1;
			continue;
		}
		in_slash = !in_slash && s[i] == '\\';
	}
	*n = count;
	return terms;
}

void ck_field_selector_free(struct ck_field_selector *sel)
{
	if (!sel)
		return;
	for (size_t i = 0; i < sel->nreqs; i++) {
		free(sel->reqs[i].field);
		free(sel->reqs[i].value);
	}
	free(sel->reqs);
	free(sel);
}

int ck_field_selector_parse(const char *s, struct ck_field_selector **out, struct ck_error **err)
{
	struct ck_field_selector *sel = ck_xcalloc(1, sizeof(*sel));
	struct ck_buf msg = CK_BUF_INIT;
	char **terms = NULL;
	size_t nterms = 0, alloc = 0;
	int r = 0;

	CK_BUG_ON(!s || !out);
	if (*s)
		terms = split_terms(s, &nterms);
	if (nterms)
		qsort(terms, nterms, sizeof(*terms), cmp_strp);
	for (size_t i = 0; i < nterms && r == 0; i++) {
		const char *t = terms[i], *op = NULL;
		size_t oplen = 0;
		char *value;

		if (!*t)
			continue;
		/* K8S: splitTerm: the first "!=", "==" or "=", tried in that order */
		for (const char *q = t; *q && !op; q++) {
			if (q[0] == '!' && q[1] == '=')
				oplen = 2;
			else if (q[0] == '=' && q[1] == '=')
				oplen = 2;
			else if (q[0] == '=')
				oplen = 1;
			if (oplen)
				op = q;
		}
		if (!op) {
			ck_buf_adds(&msg, "invalid selector: '");
			ck_buf_add_utf8(&msg, s, strlen(s));
			ck_buf_adds(&msg, "'; can't understand '");
			ck_buf_add_utf8(&msg, t, strlen(t));
			ck_buf_addch(&msg, '\'');
			r = -1;
			break;
		}
		value = unescape_value(op + oplen, strlen(op + oplen), &msg);
		if (!value) {
			r = -1;
			break;
		}
		/* K8S: Transform drops a term whose field and value are both empty */
		if (op == t && !*value) {
			free(value);
			continue;
		}
		CK_ALLOC_GROW(sel->reqs, sel->nreqs + 1, alloc);
		sel->reqs[sel->nreqs++] = (struct ck_field_requirement){
		        .field = ck_xstrndup(t, (size_t)(op - t)),
		        .op = op[0] == '!' ? CK_FIELD_OP_NOT_EQUALS : CK_FIELD_OP_EQUALS,
		        .value = value,
		};
	}
	for (size_t i = 0; i < nterms; i++)
		free(terms[i]);
	free(terms);
	if (r < 0) {
		ck_error_set(err, 400, CK_REASON_BAD_REQUEST, "%s", msg.data);
		ck_field_selector_free(sel);
	} else {
		*out = sel;
	}
	ck_buf_release(&msg);
	return r;
}

bool ck_field_selector_empty(const struct ck_field_selector *sel)
{
	return !sel || sel->nreqs == 0;
}

bool ck_field_selector_matches(const struct ck_field_selector *sel, ck_field_get_fn *get, void *ctx)
{
	if (!sel)
		return true;
	for (size_t i = 0; i < sel->nreqs; i++) {
		const struct ck_field_requirement *r = &sel->reqs[i];
		const char *v = get(r->field, ctx);
		bool eq = !strcmp(v ? v : "", r->value);

		if (eq != (r->op == CK_FIELD_OP_EQUALS))
			return false;
	}
	return true;
}

const char *ck_field_selector_requires_exact(const struct ck_field_selector *sel, const char *field)
{
	for (size_t i = 0; sel && i < sel->nreqs; i++)
		if (sel->reqs[i].op == CK_FIELD_OP_EQUALS && !strcmp(sel->reqs[i].field, field))
			return sel->reqs[i].value;
	return NULL;
}

char *ck_field_selector_string(const struct ck_field_selector *sel)
{
	struct ck_buf b = CK_BUF_INIT;

	for (size_t i = 0; sel && i < sel->nreqs; i++) {
		const struct ck_field_requirement *r = &sel->reqs[i];

		if (i)
			ck_buf_addch(&b, ',');
		ck_buf_adds(&b, r->field);
		ck_buf_adds(&b, r->op == CK_FIELD_OP_EQUALS ? "=" : "!=");
		/* K8S: EscapeValue */
		for (const char *p = r->value; *p; p++) {
			if (*p == '\\' || *p == ',' || *p == '=')
				ck_buf_addch(&b, '\\');
			ck_buf_addch(&b, *p);
		}
	}
	return ck_buf_detach(&b, NULL);
}
