/*
 * Kubernetes resource quantities (see quantity.h).
 *
 * Parsing follows resource.ParseQuantity in three steps: the scanner of
 * parseQuantityString (sign, digits, '.', digits, suffix characters, sign, digits), the
 * suffix table of suffix.go, then the value. The value is computed exactly from the
 * digit string: digits * 10^exponent (or * 2^exponent / 10^fraction-digits for BinarySI,
 * by multiplying the digit string) rounded up away from zero to whole nano units, as
 * inf.Dec.Round(Nano, RoundUp) does. Formatting follows CanonicalizeBytes with
 * AsCanonicalBytes (strip factors of 10, then lower the exponent to a multiple of 3) and
 * AsCanonicalBase1024Bytes (strip factors of 1024).
 */
#include "base/compat.h"

#include "base/buf.h"
#include "base/error.h"
#include "base/mem.h"
#include "base/quantity.h"

#define NANO 1000000000u

/* K8S: the error values of quantity.go */
#define ERR_FORMAT                                                                                 \
	"quantities must match the regular expression "                                            \
	"'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"
#define ERR_NUMERIC "unable to parse numeric part of quantity"
#define ERR_SUFFIX  "unable to parse quantity's suffix"

/* The largest magnitude held, in nano units: 10^38 - 1 (just under 10^29 units). */
static unsigned __int128 max_nano(void)
{
	return (unsigned __int128)10000000000000000000u * 10000000000000000000u - 1;
}

/* K8S: maxAllowed, the BinarySI cap: 2^63-1 units. */
static unsigned __int128 binary_cap_nano(void)
{
	return (unsigned __int128)INT64_MAX * NANO;
}

static int quantity_error(struct ck_error **err, const char *s, const char *why)
{
	struct ck_buf b = CK_BUF_INIT;
	int r;

	ck_buf_add_utf8(&b, s, strlen(s));
	r = ck_error_set(err, 400, CK_REASON_BAD_REQUEST, "invalid quantity '%s': %s", b.data, why);
	ck_buf_release(&b);
	return r;
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* The parts of a quantity string, as parseQuantityString splits it. */
struct qscan {
	bool negative;
	bool any_digit;  /* the number has at least one digit (ckube rejects "." and "Mi") */
	const char *num; /* integer digits after the leading zeros */
	size_t nnum;
	const char *den; /* fraction digits */
	size_t nden;
	const char *suffix;
	size_t nsuffix;
};

/* K8S: parseQuantityString. Returns -1 where it returns ErrFormatWrong. */
static int scan_quantity(const char *s, struct qscan *sc)
{
	const char *p = s;

	memset(sc, 0, sizeof(*sc));
	if (*p == '-') {
		sc->negative = true;
		p++;
	} else if (*p == '+') {
		p++;
	}
	while (*p == '0') {
		sc->any_digit = true;
		p++;
	}
	sc->num = p;
	while (is_digit(*p))
		p++;
	sc->nnum = (size_t)(p - sc->num);
	sc->den = p;
	if (*p == '.') {
		sc->den = ++p;
		while (is_digit(*p))
			p++;
		sc->nden = (size_t)(p - sc->den);
	}
	if (sc->nnum || sc->nden)
		sc->any_digit = true;
	sc->suffix = p;
	while (*p && strchr("eEinumkKMGTP", *p))
		p++;
	if (*p == '-' || *p == '+')
		p++;
	while (is_digit(*p))
		p++;
	if (*p)
		return -1;
	sc->nsuffix = (size_t)(p - sc->suffix);
	return 0;
}

/*
 * K8S: suffix.go interpret: "", n u m k M G T P E (base 10), Ki Mi Gi Ti Pi Ei (base 2),
 * or e/E followed by what strconv.ParseInt accepts. Returns 0 or -1 (ErrSuffix).
 */
static int interpret_suffix(const char *suf, size_t n, int *base, int32_t *exponent,
                            enum ck_quantity_format *format)
{
	static const char dec_chars[] = "numkMGTPE";
	static const int8_t dec_exps[] = {-9, -6, -3, 3, 6, 9, 12, 15, 18};
	static const char bin_chars[] = "KMGTPE";

	*base = 10;
	*format = CK_QUANTITY_DECIMAL_SI;
	if (n == 0) {
		*exponent = 0;
		return 0;
	}
	if (n == 1) {
		const char *c = strchr(dec_chars, suf[0]);

		if (!c)
			return -1;
		*exponent = dec_exps[c - dec_chars];
		return 0;
	}
	if (n == 2 && suf[1] == 'i') {
		const char *c = strchr(bin_chars, suf[0]);

		if (!c)
			return -1;
		*base = 2;
		*exponent = (int32_t)(10 * (c - bin_chars + 1));
		*format = CK_QUANTITY_BINARY_SI;
		return 0;
	}
	if (suf[0] == 'e' || suf[0] == 'E') {
		const char *p = suf + 1, *end = suf + n;
		bool neg = false;
		int64_t v = 0;

		if (*p == '+' || *p == '-')
			neg = *p++ == '-';
		if (p == end)
			return -1;
		for (; p < end; p++) {
			if (!is_digit(*p))
				return -1;
			v = v * 10 + (*p - '0');
			/* ckube: Kubernetes truncates to int32; refuse instead */
			if (v > (int64_t)INT32_MAX + 1)
				return -1;
		}
		v = neg ? -v : v;
		if (v > INT32_MAX)
			return -1;
		*exponent = (int32_t)v;
		*format = CK_QUANTITY_DECIMAL_EXPONENT;
		return 0;
	}
	return -1;
}

/*
 * The digit string d[0..n) (decimal, leading zeros allowed) times 10^e, rounded up to a
 * whole number of nano units: *out = ceil(D * 10^(e+9)). Returns 0, or -1 when that is
 * 10^38 or more.
 */
static int digits_to_nano(const char *d, size_t n, int64_t e, unsigned __int128 *out)
{
	int64_t shift = e + 9;
	size_t keep;
	bool sticky = false;
	unsigned __int128 v = 0;

	while (n && *d == '0') {
		d++;
		n--;
	}
	if (n == 0) {
		*out = 0;
		return 0;
	}
	if (shift >= 0) {
		if ((int64_t)n + shift > 38)
			return -1;
		for (size_t i = 0; i < n; i++)
			v = v * 10 + (unsigned __int128)(d[i] - '0');
		for (int64_t i = 0; i < shift; i++)
			v *= 10;
		*out = v;
		return 0;
	}
	/* K8S: "rounds non-zero values up to the minimum representable value" */
	if ((uint64_t)-shift >= n) {
		*out = 1;
		return 0;
	}
	keep = n - (size_t)-shift;
	if (keep > 38)
		return -1;
	for (size_t i = 0; i < keep; i++)
		v = v * 10 + (unsigned __int128)(d[i] - '0');
	for (size_t i = keep; i < n && !sticky; i++)
		sticky = d[i] != '0';
	v += sticky;
	if (v > max_nano())
		return -1;
	*out = v;
	return 0;
}

/* The digit string d[0..n) times 2^k (k <= 60), as a malloc'ed digit string of *outn. */
static char *digits_mul_pow2(const char *d, size_t n, int k, size_t *outn)
{
	uint64_t m = (uint64_t)1 << k;
	char *rev = ck_xmalloc(n + 24), *out;
	unsigned __int128 carry = 0;
	size_t len = 0;

	for (size_t i = n; i-- > 0;) {
		unsigned __int128 v = (unsigned __int128)(d[i] - '0') * m + carry;

		rev[len++] = (char)('0' + (int)(v % 10));
		carry = v / 10;
	}
	while (carry) {
		rev[len++] = (char)('0' + (int)(carry % 10));
		carry /= 10;
	}
	out = ck_xmalloc(len + 1);
	for (size_t i = 0; i < len; i++)
		out[i] = rev[len - 1 - i];
	out[len] = '\0';
	free(rev);
	*outn = len;
	return out;
}

/* Digit i of Go's `shifted` (num + denom, num being "0" when only zeros preceded '.'). */
static char shifted_digit(const struct qscan *sc, size_t i)
{
	size_t lnum = sc->nnum ? sc->nnum : 1;

	if (i < lnum)
		return sc->nnum ? sc->num[i] : '0';
	return sc->den[i - lnum];
}

/*
 * Whether ParseQuantity keeps the input string as the quantity's String() (K8S: the
 * int64 fast path of ParseQuantity and its "if the number is in canonical form, reuse
 * the string" test).
 */
static bool k8s_keeps_input(const struct qscan *sc, enum ck_quantity_format format,
                            int32_t exponent)
{
	size_t lnum = sc->nnum ? sc->nnum : 1, nshift = lnum + sc->nden;

	if (format == CK_QUANTITY_BINARY_SI) {
		int64_t value = 0;

		/* precision = 15 - len(num) - exponent*3/10 - 1; fast path only without fraction */
		if (sc->nden || 15 - (int64_t)lnum - exponent * 3 / 10 - 1 < 0)
			return false;
		for (size_t i = 0; i < sc->nnum; i++)
			value = value * 10 + (sc->num[i] - '0');
		/* int64Multiply(value, 1 << exponent) must not overflow */
		if (value > (INT64_MAX >> exponent))
			return false;
		return (value & 0x07) != 0;
	}

	int64_t scale = (int64_t)exponent - (int64_t)sc->nden;

	/* precision = 18 - len(num) - len(denom); the fast path needs scale >= Nano */
	if (nshift > 18 || scale < -9)
		return false;
	if (nshift >= 3 && shifted_digit(sc, nshift - 1) == '0' &&
	    shifted_digit(sc, nshift - 2) == '0' && shifted_digit(sc, nshift - 3) == '0')
		return false;
	return scale % 3 == 0 && shifted_digit(sc, 0) != '0';
}

int ck_quantity_parse(const char *s, struct ck_quantity *q, struct ck_error **err)
{
	enum ck_quantity_format format;
	struct qscan sc;
	int32_t exponent;
	char *digits;
	size_t nd;
	unsigned __int128 mag;
	int base, r;

	CK_BUG_ON(!s || !q);
	if (!*s)
		return quantity_error(err, s, ERR_FORMAT);
	/* K8S: ParseQuantity's special case, which keeps the string */
	if (!strcmp(s, "0")) {
		q->nano = 0;
		q->format = CK_QUANTITY_DECIMAL_SI;
		q->verbatim = true;
		return 0;
	}
	if (scan_quantity(s, &sc) < 0)
		return quantity_error(err, s, ERR_FORMAT);
	if (interpret_suffix(sc.suffix, sc.nsuffix, &base, &exponent, &format) < 0)
		return quantity_error(err, s, ERR_SUFFIX);
	/* ckube: Kubernetes reads a number without digits as 0 */
	if (!sc.any_digit)
		return quantity_error(err, s, ERR_NUMERIC);

	nd = sc.nnum + sc.nden;
	digits = ck_xmalloc(nd + 1);
	memcpy(digits, sc.num, sc.nnum);
	memcpy(digits + sc.nnum, sc.den, sc.nden);
	digits[nd] = '\0';
	if (base == 10) {
		r = digits_to_nano(digits, nd, (int64_t)exponent - (int64_t)sc.nden, &mag);
	} else {
		size_t nt;
		char *t = digits_mul_pow2(digits, nd, exponent, &nt);

		r = digits_to_nano(t, nt, -(int64_t)sc.nden, &mag);
		free(t);
		/* K8S: "The max is just a simple cap" for BinarySI */
		if (r < 0 || mag > binary_cap_nano()) {
			mag = binary_cap_nano();
			r = 0;
		}
		/* K8S: a BinarySI value strictly between 0 and 1 becomes DecimalSI */
		if (mag > 0 && mag < NANO)
			format = CK_QUANTITY_DECIMAL_SI;
	}
	free(digits);
	if (r < 0)
		return quantity_error(err, s,
		                      "magnitude must be below 10^29 (the most ckube holds)");
	q->nano = sc.negative ? -(__int128)mag : (__int128)mag;
	q->format = format;
	q->verbatim = k8s_keeps_input(&sc, format, exponent);
	return 0;
}

/* Write the decimal digits of v at p; returns their count. */
static size_t u128_to_str(unsigned __int128 v, char *p)
{
	char tmp[40];
	size_t n = 0;

	do {
		tmp[n++] = (char)('0' + (int)(v % 10));
		v /= 10;
	} while (v);
	for (size_t i = 0; i < n; i++)
		p[i] = tmp[n - 1 - i];
	return n;
}

static unsigned __int128 magnitude(const struct ck_quantity *q)
{
	return q->nano < 0 ? -(unsigned __int128)q->nano : (unsigned __int128)q->nano;
}

char *ck_quantity_format(const struct ck_quantity *q, char *buf)
{
	static const char *const bin_suffixes[] = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
	enum ck_quantity_format format = q->format;
	unsigned __int128 mag = magnitude(q);
	char *p = buf;

	if (mag == 0) {
		snprintf(buf, CK_QUANTITY_STRLEN, "0");
		return buf;
	}
	if (q->nano < 0)
		*p++ = '-';
	/* K8S: CanonicalizeBytes shows BinarySI below 1024, or with a fraction, as DecimalSI */
	if (format == CK_QUANTITY_BINARY_SI && (mag < (unsigned __int128)1024 * NANO || mag % NANO))
		format = CK_QUANTITY_DECIMAL_SI;
	if (format == CK_QUANTITY_BINARY_SI) {
		unsigned __int128 v = mag / NANO;
		size_t k = 0;

		while (v >= 1024 && v % 1024 == 0 && k + 1 < CK_ARRAY_SIZE(bin_suffixes)) {
			v /= 1024;
			k++;
		}
		p += u128_to_str(v, p);
		snprintf(p, CK_QUANTITY_STRLEN - (size_t)(p - buf), "%s", bin_suffixes[k]);
		return buf;
	}

	unsigned __int128 m = mag;
	int e = -9;

	while (m % 10 == 0) {
		m /= 10;
		e++;
	}
	/* lower the exponent to a multiple of 3 (Go's % truncates, hence the two cases) */
	while (e % 3 != 0) {
		m *= 10;
		e--;
	}
	p += u128_to_str(m, p);
	if (format == CK_QUANTITY_DECIMAL_SI && e <= 18) {
		static const char *const dec_suffixes[] = {"n", "u", "m", "",  "k",
		                                           "M", "G", "T", "P", "E"};

		snprintf(p, CK_QUANTITY_STRLEN - (size_t)(p - buf), "%s",
		         dec_suffixes[(e + 9) / 3]);
	} else if (e != 0) {
		/* DecimalExponent, and DecimalSI past "E" (K8S: kubernetes/kubernetes#140459) */
		snprintf(p, CK_QUANTITY_STRLEN - (size_t)(p - buf), "e%d", e);
	} else {
		*p = '\0';
	}
	return buf;
}

int ck_quantity_normalize(const char *s, char **out, struct ck_error **err)
{
	struct ck_quantity q;
	char buf[CK_QUANTITY_STRLEN];

	if (ck_quantity_parse(s, &q, err) < 0)
		return -1;
	*out = ck_xstrdup(q.verbatim ? s : ck_quantity_format(&q, buf));
	return 0;
}

int ck_quantity_cmp(const struct ck_quantity *a, const struct ck_quantity *b)
{
	return (a->nano > b->nano) - (a->nano < b->nano);
}

int ck_quantity_sign(const struct ck_quantity *q)
{
	return (q->nano > 0) - (q->nano < 0);
}

/* ceil(|q| / div) away from zero, saturated to int64 (K8S: negativeScaleInt64 rounding). */
static int64_t scaled_value(const struct ck_quantity *q, uint32_t div)
{
	unsigned __int128 mag = magnitude(q);
	unsigned __int128 v = mag / div + (mag % div != 0);

	if (q->nano < 0)
		return v > (unsigned __int128)INT64_MAX + 1 ? INT64_MIN : (int64_t) - (__int128)v;
	return v > INT64_MAX ? INT64_MAX : (int64_t)v;
}

int64_t ck_quantity_value(const struct ck_quantity *q)
{
	return scaled_value(q, NANO);
}

int64_t ck_quantity_milli_value(const struct ck_quantity *q)
{
	return scaled_value(q, 1000000);
}

void ck_quantity_init_value(struct ck_quantity *q, int64_t value, enum ck_quantity_format format)
{
	q->nano = (__int128)value * NANO;
	q->format = format;
	q->verbatim = false;
}

void ck_quantity_init_milli(struct ck_quantity *q, int64_t value, enum ck_quantity_format format)
{
	q->nano = (__int128)value * 1000000;
	q->format = format;
	q->verbatim = false;
}

const char *ck_quantity_format_name(enum ck_quantity_format format)
{
	switch (format) {
	case CK_QUANTITY_DECIMAL_SI:
		return "DecimalSI";
	case CK_QUANTITY_BINARY_SI:
		return "BinarySI";
	case CK_QUANTITY_DECIMAL_EXPONENT:
		return "DecimalExponent";
	}
	return "DecimalExponent"; /* K8S: an unknown format is emitted as DecimalExponent */
}
