/*
 * The metrics registry and its Prometheus text output (see metrics.h). A registry keeps
 * its families in an array sorted by name; a family keeps its label sets (series) in a
 * chained hash table for lookups and in an array sorted by label values for output, so
 * that a scrape neither sorts nor allocates beyond the output buffer. A series is one
 * allocation holding its counts and a copy of its label values. The process collector
 * reads /proc when the registry is written.
 */
#include <dirent.h>
#include <fcntl.h>
#include <math.h>
#include <unistd.h>

#include "base/compat.h"

#include "base/buf.h"
#include "base/error.h"
#include "base/mem.h"
#include "base/metrics.h"

struct ck_metrics_series {
	struct ck_metrics_series *next; /* hash chain */
	struct ck_metrics_family *family;
	uint64_t hash;
	double value;         /* counter or gauge value; histogram sum */
	uint64_t count;       /* histogram: observations */
	uint64_t *buckets;    /* histogram: nbounds + 1 counts, not cumulative; the last is +Inf */
	const char *values[]; /* nlabels, in the descriptor's order, in this allocation */
};

struct ck_metrics_family {
	struct ck_metrics *registry;
	enum ck_metrics_type type;
	char *name;
	char *help; /* NULL: no HELP line */
	size_t nlabels;
	char **labels; /* descriptor order */
	size_t *order; /* label indices in label name order: how they are written and sorted */
	size_t nbounds;
	double *bounds; /* histogram upper bounds, strictly increasing, finite or -Inf */
	char **le;      /* each bound's label as written: le="0.005" */
	size_t max_series;

	struct ck_metrics_series **table; /* hash table of chains; size a power of two */
	size_t table_size;
	struct ck_metrics_series **sorted; /* every series, in output order */
	size_t nseries, sorted_alloc;

	struct ck_metrics_series *other;  /* the fold series, once created */
	struct ck_metrics_series *folded; /* this family's ckube_metrics_folded_total series */
};

struct ck_metrics {
	struct ck_metrics_family **families; /* sorted by name */
	size_t nfamilies, families_alloc;
	struct ck_metrics_family *folded; /* CK_METRICS_FOLDED_NAME */

	bool process; /* ck_metrics_register_process was called */
	char *proc_root;
	struct ck_metrics_family *proc_cpu, *proc_max_fds, *proc_open_fds, *proc_rss, *proc_start,
	        *proc_vsize;
};

/* Names */

static bool name_char(char c, bool first, bool colon)
{
	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_')
		return true;
	if (c == ':')
		return colon;
	return !first && c >= '0' && c <= '9';
}

bool ck_metrics_name_valid(const char *name)
{
	if (!name || !*name)
		return false;
	for (const char *p = name; *p; p++)
		if (!name_char(*p, p == name, true))
			return false;
	return true;
}

bool ck_metrics_label_name_valid(const char *name)
{
	if (!name || !*name || ck_str_has_prefix(name, "__"))
		return false;
	for (const char *p = name; *p; p++)
		if (!name_char(*p, p == name, false))
			return false;
	return true;
}

/* Whether s (NUL-terminated) is well-formed UTF-8 (RFC 3629: no overlongs, surrogates). */
static bool utf8_valid(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	while (*p) {
		unsigned char c = *p, lo = 0x80, hi = 0xbf;
		size_t len;

		if (c < 0x80) {
			p++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf)
			len = 2;
		else if (c >= 0xe0 && c <= 0xef)
			len = 3;
		else if (c >= 0xf0 && c <= 0xf4)
			len = 4;
		else
			return false;
		if (c == 0xe0)
			lo = 0xa0;
		else if (c == 0xed)
			hi = 0x9f;
		else if (c == 0xf0)
			lo = 0x90;
		else if (c == 0xf4)
			hi = 0x8f;
		/* The terminator fails every test below, so p never runs past it. */
		if (p[1] < lo || p[1] > hi)
			return false;
		for (size_t i = 2; i < len; i++)
			if (p[i] < 0x80 || p[i] > 0xbf)
				return false;
		p += len;
	}
	return true;
}

/* Numbers */

#define NUM_LEN 32

/*
 * v as the shortest %g that reads back to v: %.15g already is the shortest for any value
 * that has a representation of 15 digits or fewer (a double carries 15.9), so only 16 and
 * 17 need trying after it. Prometheus' spellings for the infinities and NaN.
 */
static const char *format_double(double v, char buf[NUM_LEN])
{
	if (isnan(v))
		return "NaN";
	if (isinf(v))
		return v > 0 ? "+Inf" : "-Inf";
	for (int prec = 15; prec <= 17; prec++) {
		snprintf(buf, NUM_LEN, "%.*g", prec, v);
		if (strtod(buf, NULL) == v)
			break;
	}
	return buf;
}

/* "100\0101\0...599\0", built by the preprocessor so that it is constant (any thread). */
#define CODE(a, b, c) #a #b #c "\0"
#define CODES10(a, b)                                                                              \
	CODE(a, b, 0)                                                                              \
	CODE(a, b, 1)                                                                              \
	CODE(a, b, 2)                                                                              \
	CODE(a, b, 3)                                                                              \
	CODE(a, b, 4)                                                                              \
	CODE(a, b, 5)                                                                              \
	CODE(a, b, 6)                                                                              \
	CODE(a, b, 7)                                                                              \
	CODE(a, b, 8)                                                                              \
	CODE(a, b, 9)
#define CODES100(a)                                                                                \
	CODES10(a, 0)                                                                              \
	CODES10(a, 1)                                                                              \
	CODES10(a, 2)                                                                              \
	CODES10(a, 3)                                                                              \
	CODES10(a, 4)                                                                              \
	CODES10(a, 5)                                                                              \
	CODES10(a, 6)                                                                              \
	CODES10(a, 7)                                                                              \
	CODES10(a, 8)                                                                              \
	CODES10(a, 9)

static const char http_codes[] = CODES100(1) CODES100(2) CODES100(3) CODES100(4) CODES100(5);

const char *ck_metrics_http_code(int code)
{
	if (code < 100 || code > 599)
		return CK_METRICS_OTHER;
	return http_codes + (code - 100) * 4;
}

/* Registry */

static const char *const folded_labels[] = {"family", NULL};

static const struct ck_metrics_desc folded_desc = {
        .type = CK_METRICS_COUNTER,
        .name = CK_METRICS_FOLDED_NAME,
        .help = "Lookups of label sets that were recorded in the family's label set whose "
                "values are all \"" CK_METRICS_OTHER "\": over the family's cap, too long "
                "or not UTF-8.",
        .labels = folded_labels,
        .max_series = SIZE_MAX,
};

struct ck_metrics *ck_metrics_new(void)
{
	struct ck_metrics *m = ck_xcalloc(1, sizeof(*m));

	m->folded = ck_metrics_register(m, &folded_desc);
	return m;
}

static void family_free(struct ck_metrics_family *f)
{
	for (size_t i = 0; i < f->nseries; i++)
		free(f->sorted[i]);
	free(f->sorted);
	free(f->table);
	for (size_t i = 0; i < f->nlabels; i++)
		free(f->labels[i]);
	free(f->labels);
	free(f->order);
	for (size_t i = 0; i < f->nbounds; i++)
		free(f->le[i]);
	free(f->le);
	free(f->bounds);
	free(f->name);
	free(f->help);
	free(f);
}

void ck_metrics_free(struct ck_metrics *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->nfamilies; i++)
		family_free(m->families[i]);
	free(m->families);
	free(m->proc_root);
	free(m);
}

/* The names a family writes samples under: a histogram's three, else its own. */
static size_t sample_names(const char *name, enum ck_metrics_type type, char *out[3])
{
	if (type != CK_METRICS_HISTOGRAM) {
		out[0] = ck_xstrdup(name);
		return 1;
	}
	out[0] = ck_xasprintf("%s_bucket", name);
	out[1] = ck_xasprintf("%s_sum", name);
	out[2] = ck_xasprintf("%s_count", name);
	return 3;
}

/*
 * Whether a family named name of type type would write a family name, or a sample name,
 * that one already in m writes: Prometheus would read the two as one.
 */
static bool name_clashes(const struct ck_metrics *m, const char *name, enum ck_metrics_type type)
{
	char *mine[3];
	size_t nmine = sample_names(name, type, mine);
	bool clash = false;

	for (size_t i = 0; i < m->nfamilies && !clash; i++) {
		const struct ck_metrics_family *f = m->families[i];
		char *theirs[3];
		size_t ntheirs = sample_names(f->name, f->type, theirs);

		clash = !strcmp(f->name, name);
		for (size_t a = 0; a < nmine; a++) {
			clash = clash || !strcmp(mine[a], f->name);
			for (size_t b = 0; b < ntheirs; b++)
				clash = clash || !strcmp(mine[a], theirs[b]) ||
				        !strcmp(theirs[b], name);
		}
		for (size_t b = 0; b < ntheirs; b++)
			free(theirs[b]);
	}
	for (size_t a = 0; a < nmine; a++)
		free(mine[a]);
	return clash;
}

static struct ck_metrics_series *series_new(struct ck_metrics_family *f, uint64_t hash,
                                            const char *const *values);

struct ck_metrics_family *ck_metrics_register(struct ck_metrics *m, const struct ck_metrics_desc *d)
{
	struct ck_metrics_family *f;
	size_t nlabels = 0, nbounds = d->nbuckets, pos;

	CK_BUG_ON(!ck_metrics_name_valid(d->name));
	CK_BUG_ON(d->type != CK_METRICS_COUNTER && d->type != CK_METRICS_GAUGE &&
	          d->type != CK_METRICS_HISTOGRAM);
	CK_BUG_ON(d->type != CK_METRICS_HISTOGRAM && (d->buckets || d->nbuckets));
	CK_BUG_ON(nbounds && !d->buckets);
	CK_BUG_ON(name_clashes(m, d->name, d->type));
	for (; d->labels && d->labels[nlabels]; nlabels++) {
		CK_BUG_ON(!ck_metrics_label_name_valid(d->labels[nlabels]));
		CK_BUG_ON(d->type == CK_METRICS_HISTOGRAM && !strcmp(d->labels[nlabels], "le"));
		for (size_t j = 0; j < nlabels; j++)
			CK_BUG_ON(!strcmp(d->labels[j], d->labels[nlabels]));
	}
	/* K8S/Prometheus: bounds strictly increasing; a final +Inf is implied, so dropped. */
	if (nbounds && isinf(d->buckets[nbounds - 1]) && d->buckets[nbounds - 1] > 0)
		nbounds--;
	for (size_t i = 0; i < nbounds; i++) {
		CK_BUG_ON(isnan(d->buckets[i]) || (isinf(d->buckets[i]) && d->buckets[i] > 0));
		CK_BUG_ON(i > 0 && !(d->buckets[i] > d->buckets[i - 1]));
	}

	f = ck_xcalloc(1, sizeof(*f));
	f->registry = m;
	f->type = d->type;
	f->name = ck_xstrdup(d->name);
	f->help = d->help ? ck_xstrdup(d->help) : NULL;
	f->nlabels = nlabels;
	f->labels = ck_xcalloc(nlabels ? nlabels : 1, sizeof(*f->labels));
	f->order = ck_xcalloc(nlabels ? nlabels : 1, sizeof(*f->order));
	for (size_t i = 0; i < nlabels; i++) {
		size_t j = i;

		/* Insertion sort of the label indices by name: a family has a handful. */
		f->labels[i] = ck_xstrdup(d->labels[i]);
		for (; j > 0 && strcmp(f->labels[f->order[j - 1]], f->labels[i]) > 0; j--)
			f->order[j] = f->order[j - 1];
		f->order[j] = i;
	}
	f->nbounds = nbounds;
	f->bounds = ck_xcalloc(nbounds ? nbounds : 1, sizeof(*f->bounds));
	f->le = ck_xcalloc(nbounds ? nbounds : 1, sizeof(*f->le));
	for (size_t i = 0; i < nbounds; i++) {
		char num[NUM_LEN];

		f->bounds[i] = d->buckets[i];
		f->le[i] = ck_xasprintf("le=\"%s\"", format_double(d->buckets[i], num));
	}
	f->max_series = d->max_series ? d->max_series : CK_METRICS_MAX_SERIES_DEFAULT;

	/* Keep families sorted by name; registration is rare, a memmove is fine. */
	for (pos = 0; pos < m->nfamilies && strcmp(m->families[pos]->name, f->name) < 0; pos++)
		;
	CK_ALLOC_GROW(m->families, m->nfamilies + 1, m->families_alloc);
	memmove(m->families + pos + 1, m->families + pos,
	        (m->nfamilies - pos) * sizeof(*m->families));
	m->families[pos] = f;
	m->nfamilies++;

	/* A family without labels has its one series from the start, so it is written at 0. */
	if (!nlabels)
		series_new(f, 0, NULL);
	return f;
}

/* Series lookup */

#define FNV_OFFSET 0xcbf29ce484222325ULL
#define FNV_PRIME  0x100000001b3ULL

/* FNV-1a over the values with their terminators, so ("a","bc") and ("ab","c") differ. */
static uint64_t values_hash(const char *const *values, size_t n)
{
	uint64_t h = FNV_OFFSET;

	for (size_t i = 0; i < n; i++) {
		const unsigned char *p = (const unsigned char *)values[i];

		do {
			h ^= *p;
			h *= FNV_PRIME;
		} while (*p++);
	}
	return h;
}

static bool values_equal(const struct ck_metrics_series *s, const char *const *values, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(s->values[i], values[i]))
			return false;
	return true;
}

/* Output order: values compared label by label, in label name order. */
static int series_cmp(const struct ck_metrics_family *f, const char *const *a, const char *const *b)
{
	for (size_t i = 0; i < f->nlabels; i++) {
		int c = strcmp(a[f->order[i]], b[f->order[i]]);

		if (c)
			return c;
	}
	return 0;
}

static void table_insert(struct ck_metrics_series **table, size_t size, struct ck_metrics_series *s)
{
	size_t i = s->hash & (size - 1);

	s->next = table[i];
	table[i] = s;
}

static void table_grow(struct ck_metrics_family *f)
{
	size_t size = f->table_size ? f->table_size * 2 : 8;
	struct ck_metrics_series **table = ck_xcalloc(size, sizeof(*table));

	for (size_t i = 0; i < f->table_size; i++) {
		struct ck_metrics_series *s = f->table[i], *next;

		for (; s; s = next) {
			next = s->next;
			table_insert(table, size, s);
		}
	}
	free(f->table);
	f->table = table;
	f->table_size = size;
}

static struct ck_metrics_series *series_new(struct ck_metrics_family *f, uint64_t hash,
                                            const char *const *values)
{
	size_t nb = f->type == CK_METRICS_HISTOGRAM ? f->nbounds + 1 : 0;
	size_t size = sizeof(struct ck_metrics_series) + f->nlabels * sizeof(char *) +
	              nb * sizeof(uint64_t);
	size_t lo = 0, hi = f->nseries;
	struct ck_metrics_series *s;
	char *p;

	for (size_t i = 0; i < f->nlabels; i++)
		size += strlen(values[i]) + 1;
	s = ck_xcalloc(1, size);
	s->family = f;
	s->hash = hash;
	p = (char *)(s->values + f->nlabels);
	if (nb) {
		s->buckets = (uint64_t *)p;
		p += nb * sizeof(uint64_t);
	}
	for (size_t i = 0; i < f->nlabels; i++) {
		size_t len = strlen(values[i]) + 1;

		memcpy(p, values[i], len);
		s->values[i] = p;
		p += len;
	}

	if ((f->nseries + 1) * 4 > f->table_size * 3)
		table_grow(f);
	table_insert(f->table, f->table_size, s);

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (series_cmp(f, f->sorted[mid]->values, s->values) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	CK_ALLOC_GROW(f->sorted, f->nseries + 1, f->sorted_alloc);
	memmove(f->sorted + lo + 1, f->sorted + lo, (f->nseries - lo) * sizeof(*f->sorted));
	f->sorted[lo] = s;
	f->nseries++;
	return s;
}

static struct ck_metrics_series *lookup(struct ck_metrics_family *f, uint64_t hash,
                                        const char *const *values)
{
	struct ck_metrics_series *s;

	if (!f->table_size)
		return NULL;
	for (s = f->table[hash & (f->table_size - 1)]; s; s = s->next)
		if (s->hash == hash && values_equal(s, values, f->nlabels))
			return s;
	return NULL;
}

static bool values_acceptable(const char *const *values, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strlen(values[i]) > CK_METRICS_MAX_VALUE_LEN || !utf8_valid(values[i]))
			return false;
	return true;
}

/* The series of values, found or created whatever the cap and the values. */
static struct ck_metrics_series *get_unchecked(struct ck_metrics_family *f,
                                               const char *const *values)
{
	uint64_t hash = values_hash(values, f->nlabels);
	struct ck_metrics_series *s = lookup(f, hash, values);

	return s ? s : series_new(f, hash, values);
}

/*
 * The fold series, created on first need (over the cap: it is the one extra), and the
 * count of folds. The folded family itself never folds: its values are family names.
 */
static struct ck_metrics_series *fold(struct ck_metrics_family *f)
{
	if (!f->other) {
		const char **others = ck_xcalloc(f->nlabels + 1, sizeof(*others));

		for (size_t i = 0; i < f->nlabels; i++)
			others[i] = CK_METRICS_OTHER;
		f->other = get_unchecked(f, others);
		free(others);
	}
	if (!f->folded)
		f->folded = get_unchecked(f->registry->folded, CK_METRICS_VALUES(f->name));
	f->folded->value += 1;
	return f->other;
}

struct ck_metrics_series *ck_metrics_get(struct ck_metrics_family *f, const char *const *values)
{
	struct ck_metrics_series *s;
	uint64_t hash;

	if (!f->nlabels) {
		CK_BUG_ON(values && values[0]);
		return f->sorted[0];
	}
	CK_BUG_ON(!values);
	for (size_t i = 0; i < f->nlabels; i++)
		CK_BUG_ON(!values[i]);
	CK_BUG_ON(values[f->nlabels]);

	hash = values_hash(values, f->nlabels);
	s = lookup(f, hash, values);
	if (s)
		return s;
	if (f == f->registry->folded)
		return series_new(f, hash, values);
	if (f->nseries >= f->max_series || !values_acceptable(values, f->nlabels))
		return fold(f);
	return series_new(f, hash, values);
}

/* Recording */

void ck_metrics_series_add(struct ck_metrics_series *s, double v)
{
	CK_BUG_ON(s->family->type == CK_METRICS_HISTOGRAM);
	/* K8S/Prometheus: a counter only goes up. */
	CK_BUG_ON(s->family->type == CK_METRICS_COUNTER && !(v >= 0));
	s->value += v;
}

void ck_metrics_series_inc(struct ck_metrics_series *s)
{
	ck_metrics_series_add(s, 1);
}

void ck_metrics_series_dec(struct ck_metrics_series *s)
{
	CK_BUG_ON(s->family->type != CK_METRICS_GAUGE);
	s->value -= 1;
}

void ck_metrics_series_set(struct ck_metrics_series *s, double v)
{
	CK_BUG_ON(s->family->type != CK_METRICS_GAUGE);
	s->value = v;
}

void ck_metrics_series_observe(struct ck_metrics_series *s, double v)
{
	const struct ck_metrics_family *f = s->family;
	size_t lo = 0, hi = f->nbounds;

	CK_BUG_ON(f->type != CK_METRICS_HISTOGRAM);
	/* The first bound >= v; NaN compares false everywhere and lands in +Inf. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (v <= f->bounds[mid])
			hi = mid;
		else
			lo = mid + 1;
	}
	s->buckets[lo]++;
	s->count++;
	s->value += v;
}

double ck_metrics_series_value(const struct ck_metrics_series *s)
{
	if (s->family->type == CK_METRICS_HISTOGRAM)
		return (double)s->count;
	return s->value;
}

void ck_metrics_add(struct ck_metrics_family *f, const char *const *values, double v)
{
	ck_metrics_series_add(ck_metrics_get(f, values), v);
}

void ck_metrics_inc(struct ck_metrics_family *f, const char *const *values)
{
	ck_metrics_series_inc(ck_metrics_get(f, values));
}

void ck_metrics_dec(struct ck_metrics_family *f, const char *const *values)
{
	ck_metrics_series_dec(ck_metrics_get(f, values));
}

void ck_metrics_set(struct ck_metrics_family *f, const char *const *values, double v)
{
	ck_metrics_series_set(ck_metrics_get(f, values), v);
}

void ck_metrics_observe(struct ck_metrics_family *f, const char *const *values, double v)
{
	ck_metrics_series_observe(ck_metrics_get(f, values), v);
}

/* Output */

static const char *type_name(enum ck_metrics_type t)
{
	switch (t) {
	case CK_METRICS_COUNTER:
		return "counter";
	case CK_METRICS_GAUGE:
		return "gauge";
	case CK_METRICS_HISTOGRAM:
		return "histogram";
	}
	CK_BUG("unknown metric type");
}

/* K8S/Prometheus: HELP escapes '\' and newline; a label value also escapes '"'. */
static void add_escaped(struct ck_buf *out, const char *s, bool quote)
{
	const char *start = s;

	for (; *s; s++) {
		const char *esc = NULL;

		if (*s == '\\')
			esc = "\\\\";
		else if (*s == '\n')
			esc = "\\n";
		else if (*s == '"' && quote)
			esc = "\\\"";
		if (esc) {
			ck_buf_add(out, start, (size_t)(s - start));
			ck_buf_adds(out, esc);
			start = s + 1;
		}
	}
	ck_buf_add(out, start, (size_t)(s - start));
}

/* `a="x",b="y"` in label name order, into labels (reset first). */
static void render_labels(const struct ck_metrics_family *f, const struct ck_metrics_series *s,
                          struct ck_buf *labels)
{
	ck_buf_reset(labels);
	for (size_t i = 0; i < f->nlabels; i++) {
		size_t k = f->order[i];

		if (i)
			ck_buf_addch(labels, ',');
		ck_buf_adds(labels, f->labels[k]);
		ck_buf_adds(labels, "=\"");
		add_escaped(labels, s->values[k], true);
		ck_buf_addch(labels, '"');
	}
}

/* name[suffix]{labels[,extra]} value */
static void add_sample(struct ck_buf *out, const char *name, const char *suffix,
                       const struct ck_buf *labels, const char *extra, const char *value)
{
	ck_buf_adds(out, name);
	ck_buf_adds(out, suffix);
	if (labels->len || extra) {
		ck_buf_addch(out, '{');
		ck_buf_add(out, labels->data, labels->len);
		if (extra) {
			if (labels->len)
				ck_buf_addch(out, ',');
			ck_buf_adds(out, extra);
		}
		ck_buf_addch(out, '}');
	}
	ck_buf_addch(out, ' ');
	ck_buf_adds(out, value);
	ck_buf_addch(out, '\n');
}

static void write_family(const struct ck_metrics_family *f, struct ck_buf *out,
                         struct ck_buf *labels)
{
	char num[NUM_LEN];

	if (!f->nseries)
		return;
	if (f->help) {
		ck_buf_addf(out, "# HELP %s ", f->name);
		add_escaped(out, f->help, false);
		ck_buf_addch(out, '\n');
	}
	ck_buf_addf(out, "# TYPE %s %s\n", f->name, type_name(f->type));
	for (size_t i = 0; i < f->nseries; i++) {
		const struct ck_metrics_series *s = f->sorted[i];
		uint64_t cumulative = 0;

		render_labels(f, s, labels);
		if (f->type != CK_METRICS_HISTOGRAM) {
			add_sample(out, f->name, "", labels, NULL, format_double(s->value, num));
			continue;
		}
		for (size_t b = 0; b <= f->nbounds; b++) {
			cumulative += s->buckets[b];
			snprintf(num, sizeof(num), "%" PRIu64, cumulative);
			add_sample(out, f->name, "_bucket", labels,
			           b < f->nbounds ? f->le[b] : "le=\"+Inf\"", num);
		}
		add_sample(out, f->name, "_sum", labels, NULL, format_double(s->value, num));
		snprintf(num, sizeof(num), "%" PRIu64, s->count);
		add_sample(out, f->name, "_count", labels, NULL, num);
	}
}

static int collect_process(struct ck_metrics *m, struct ck_error **err)
{
	struct ck_metrics_process p;

	if (ck_metrics_process_read(m->proc_root, &p, err) < 0)
		return ck_error_wrap(err, "cannot read process metrics");
	/* A counter read from the kernel is set, not added: the kernel does the counting. */
	ck_metrics_get(m->proc_cpu, NULL)->value = p.cpu_seconds;
	ck_metrics_series_set(ck_metrics_get(m->proc_max_fds, NULL), p.max_fds);
	ck_metrics_series_set(ck_metrics_get(m->proc_open_fds, NULL), (double)p.open_fds);
	ck_metrics_series_set(ck_metrics_get(m->proc_rss, NULL), (double)p.resident_bytes);
	ck_metrics_series_set(ck_metrics_get(m->proc_start, NULL), p.start_time);
	ck_metrics_series_set(ck_metrics_get(m->proc_vsize, NULL), (double)p.virtual_bytes);
	return 0;
}

int ck_metrics_write(struct ck_metrics *m, struct ck_buf *out, struct ck_error **err)
{
	struct ck_buf labels = CK_BUF_INIT;

	if (m->process && collect_process(m, err) < 0)
		return -1;
	for (size_t i = 0; i < m->nfamilies; i++)
		write_family(m->families[i], out, &labels);
	ck_buf_release(&labels);
	return 0;
}

/* Process metrics */

/* K8S: the help strings of Prometheus' Go process collector, which kube-apiserver serves. */
static const struct ck_metrics_desc proc_descs[] = {
        {CK_METRICS_COUNTER, "process_cpu_seconds_total",
         "Total user and system CPU time spent in seconds."},
        {CK_METRICS_GAUGE, "process_max_fds", "Maximum number of open file descriptors."},
        {CK_METRICS_GAUGE, "process_open_fds", "Number of open file descriptors."},
        {CK_METRICS_GAUGE, "process_resident_memory_bytes", "Resident memory size in bytes."},
        {CK_METRICS_GAUGE, "process_start_time_seconds",
         "Start time of the process since unix epoch in seconds."},
        {CK_METRICS_GAUGE, "process_virtual_memory_bytes", "Virtual memory size in bytes."},
};

void ck_metrics_register_process(struct ck_metrics *m, const char *proc_root)
{
	CK_BUG_ON(m->process);
	m->process = true;
	m->proc_root = ck_xstrdup(proc_root ? proc_root : "/proc");
	m->proc_cpu = ck_metrics_register(m, &proc_descs[0]);
	m->proc_max_fds = ck_metrics_register(m, &proc_descs[1]);
	m->proc_open_fds = ck_metrics_register(m, &proc_descs[2]);
	m->proc_rss = ck_metrics_register(m, &proc_descs[3]);
	m->proc_start = ck_metrics_register(m, &proc_descs[4]);
	m->proc_vsize = ck_metrics_register(m, &proc_descs[5]);
}

/* Read a whole small /proc file into a malloc'ed string. */
static int read_file(const char *path, char **out, struct ck_error **err)
{
	struct ck_buf b = CK_BUF_INIT;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return ck_error_set_errno(err, errno, "cannot read '%s'", path);
	for (;;) {
		ssize_t n;

		ck_buf_grow(&b, 4096);
		n = read(fd, b.data + b.len, b.cap - b.len - 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			int e = errno;

			close(fd);
			ck_buf_release(&b);
			return ck_error_set_errno(err, e, "cannot read '%s'", path);
		}
		if (n == 0)
			break;
		b.len += (size_t)n;
		b.data[b.len] = '\0';
	}
	close(fd);
	*out = ck_buf_detach(&b, NULL);
	return 0;
}

static int parse_error(const char *path, struct ck_error **err)
{
	return ck_error_set(err, 500, NULL, "cannot parse '%s'", path);
}

/* Read the next unsigned decimal of s at *p (after blanks) into *v. */
static bool next_u64(const char **p, uint64_t *v)
{
	char *end;

	while (**p == ' ' || **p == '\t')
		(*p)++;
	if (**p < '0' || **p > '9')
		return false;
	errno = 0;
	*v = strtoull(*p, &end, 10);
	if (errno)
		return false;
	*p = end;
	return true;
}

/* Skip one blank-separated field at *p. */
static bool skip_field(const char **p)
{
	while (**p == ' ')
		(*p)++;
	if (!**p || **p == '\n')
		return false;
	while (**p && **p != ' ' && **p != '\n')
		(*p)++;
	return true;
}

/* self/stat: utime (14), stime (15), starttime (22), counted from the last ')' (2). */
static int read_stat(const char *root, double tick, double *cpu, double *start_ticks,
                     struct ck_error **err)
{
	ck_autofree char *path = ck_xasprintf("%s/self/stat", root);
	ck_autofree char *text = NULL;
	const char *p;
	uint64_t utime, stime, starttime;

	if (read_file(path, &text, err) < 0)
		return -1;
	p = strrchr(text, ')');
	if (!p)
		return parse_error(path, err);
	p++;
	for (int field = 3; field < 14; field++)
		if (!skip_field(&p))
			return parse_error(path, err);
	if (!next_u64(&p, &utime) || !next_u64(&p, &stime))
		return parse_error(path, err);
	for (int field = 16; field < 22; field++)
		if (!skip_field(&p))
			return parse_error(path, err);
	if (!next_u64(&p, &starttime))
		return parse_error(path, err);
	*cpu = (double)(utime + stime) / tick;
	*start_ticks = (double)starttime;
	return 0;
}

/* self/statm: size and resident, in pages. */
static int read_statm(const char *root, uint64_t page, struct ck_metrics_process *out,
                      struct ck_error **err)
{
	ck_autofree char *path = ck_xasprintf("%s/self/statm", root);
	ck_autofree char *text = NULL;
	const char *p;
	uint64_t size, resident;

	if (read_file(path, &text, err) < 0)
		return -1;
	p = text;
	if (!next_u64(&p, &size) || !next_u64(&p, &resident))
		return parse_error(path, err);
	out->virtual_bytes = size * page;
	out->resident_bytes = resident * page;
	return 0;
}

/* stat: the "btime" line, boot time in Unix seconds. */
static int read_btime(const char *root, uint64_t *btime, struct ck_error **err)
{
	ck_autofree char *path = ck_xasprintf("%s/stat", root);
	ck_autofree char *text = NULL;
	const char *p;

	if (read_file(path, &text, err) < 0)
		return -1;
	for (p = text; p; p = strchr(p, '\n')) {
		const char *rest;

		if (*p == '\n')
			p++;
		if (ck_str_skip_prefix(p, "btime ", &rest) && next_u64(&rest, btime))
			return 0;
	}
	return parse_error(path, err);
}

/* self/limits: the soft limit of "Max open files", a number or "unlimited". */
static int read_max_fds(const char *root, double *max_fds, struct ck_error **err)
{
	ck_autofree char *path = ck_xasprintf("%s/self/limits", root);
	ck_autofree char *text = NULL;
	const char *p;
	uint64_t v;

	if (read_file(path, &text, err) < 0)
		return -1;
	p = strstr(text, "\nMax open files ");
	if (!p)
		return parse_error(path, err);
	p += strlen("\nMax open files ");
	while (*p == ' ')
		p++;
	if (ck_str_has_prefix(p, "unlimited")) {
		*max_fds = INFINITY;
		return 0;
	}
	if (!next_u64(&p, &v))
		return parse_error(path, err);
	*max_fds = (double)v;
	return 0;
}

static int count_fds(const char *root, uint64_t *n, struct ck_error **err)
{
	ck_autofree char *path = ck_xasprintf("%s/self/fd", root);
	DIR *dir = opendir(path);
	struct dirent *de;

	if (!dir)
		return ck_error_set_errno(err, errno, "cannot read '%s'", path);
	*n = 0;
	while ((de = readdir(dir)))
		if (de->d_name[0] != '.')
			(*n)++;
	closedir(dir);
	return 0;
}

int ck_metrics_process_read(const char *proc_root, struct ck_metrics_process *out,
                            struct ck_error **err)
{
	const char *root = proc_root ? proc_root : "/proc";
	long tick = sysconf(_SC_CLK_TCK), page = sysconf(_SC_PAGESIZE);
	struct ck_metrics_process p = {0};
	double start_ticks = 0;
	uint64_t btime = 0;

	if (tick <= 0 || page <= 0)
		return ck_error_set_errno(err, errno ? errno : EINVAL,
		                          "cannot read the clock tick and page size");
	if (read_stat(root, (double)tick, &p.cpu_seconds, &start_ticks, err) < 0 ||
	    read_statm(root, (uint64_t)page, &p, err) < 0 || read_btime(root, &btime, err) < 0 ||
	    read_max_fds(root, &p.max_fds, err) < 0 || count_fds(root, &p.open_fds, err) < 0)
		return -1;
	p.start_time = (double)btime + start_ticks / (double)tick;
	*out = p;
	return 0;
}

/* Kubernetes' families */

/* K8S: apiserver/pkg/endpoints/metrics and storage/etcd3/metrics requestLatencies bounds. */
const double ck_metrics_kube_latency_buckets[] = {
        0.005, 0.025, 0.05, 0.1, 0.2, 0.4, 0.6, 0.8, 1.0, 1.25, 1.5, 2,
        3,     4,     5,    6,   8,   10,  15,  20,  30,  45,   60,
};
const size_t ck_metrics_kube_latency_nbuckets = CK_ARRAY_SIZE(ck_metrics_kube_latency_buckets);

const struct ck_metrics_desc ck_metrics_apiserver_request_total = {
        .type = CK_METRICS_COUNTER,
        .name = "apiserver_request_total",
        .help = "Counter of apiserver requests broken out for each verb, dry run value, group, "
                "version, resource, scope, component, and HTTP response code.",
        .labels = (const char *const[]){"verb", "dry_run", "group", "version", "resource",
                                        "subresource", "scope", "component", "code", NULL},
        .max_series = 4000,
};

const struct ck_metrics_desc ck_metrics_apiserver_request_duration_seconds = {
        .type = CK_METRICS_HISTOGRAM,
        .name = "apiserver_request_duration_seconds",
        .help = "Response latency distribution in seconds for each verb, dry run value, group, "
                "version, resource, subresource, scope and component.",
        .labels = (const char *const[]){"verb", "dry_run", "group", "version", "resource",
                                        "subresource", "scope", "component", NULL},
        .buckets = ck_metrics_kube_latency_buckets,
        .nbuckets = CK_ARRAY_SIZE(ck_metrics_kube_latency_buckets),
        .max_series = 2000,
};

const struct ck_metrics_desc ck_metrics_apiserver_longrunning_requests = {
        .type = CK_METRICS_GAUGE,
        .name = "apiserver_longrunning_requests",
        .help = "Gauge of all active long-running apiserver requests broken out by verb, group, "
                "version, resource, scope and component. Not all requests are tracked this "
                "way.",
        .labels = (const char *const[]){"verb", "group", "version", "resource", "subresource",
                                        "scope", "component", NULL},
};

const struct ck_metrics_desc ck_metrics_apiserver_registered_watchers = {
        .type = CK_METRICS_GAUGE,
        .name = "apiserver_registered_watchers",
        .help = "Number of currently registered watchers for a given resources",
        .labels = (const char *const[]){"group", "version", "kind", NULL},
};

const struct ck_metrics_desc ck_metrics_etcd_request_duration_seconds = {
        .type = CK_METRICS_HISTOGRAM,
        .name = "etcd_request_duration_seconds",
        .help = "Etcd request latency in seconds for each operation and object type.",
        .labels = (const char *const[]){"operation", "type", NULL},
        .buckets = ck_metrics_kube_latency_buckets,
        .nbuckets = CK_ARRAY_SIZE(ck_metrics_kube_latency_buckets),
};
