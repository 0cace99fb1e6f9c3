/*
 * Kubernetes resource quantities ("100m", "128Mi", "1.5Gi", "2e3"): parsing, comparison,
 * conversion to whole and milli units, and the canonical string kube-apiserver writes
 * back (K8S: apimachinery/pkg/api/resource/quantity.go, suffix.go, amount.go).
 *
 * Representation: a quantity is held exactly as a signed 128-bit count of nano units
 * (value * 10^9) plus the format its suffix chose. Kubernetes itself rounds every
 * parsed value up (away from zero) to a whole number of nano units, so this holds every
 * value Kubernetes can hold, exactly, within the limit below; no floating point is used.
 *
 * Limit: ckube rejects a DecimalSI or DecimalExponent quantity whose magnitude is 10^29
 * or more (Kubernetes' inf.Dec has no bound; no resource comes near: 10^29 bytes is 86
 * million EiB). A BinarySI quantity never fails for size: Kubernetes caps it at
 * 2^63-1 (9223372036854775807) and so does ckube.
 *
 * Where ckube differs from Kubernetes on purpose (each is a Kubernetes quirk):
 * - a number without any digit (".", "+", "-.", and a bare suffix such as "Mi", "k",
 *   "e3") is rejected; Kubernetes parses all of them as 0;
 * - an exponent outside the int32 range ("1e4294967296") is rejected; Kubernetes
 *   truncates it to int32 silently.
 * Kubernetes also accepts "1." and ".5" and "1.G"; so does ckube.
 *
 * Pure functions on caller-owned structs: safe on any thread.
 */
#ifndef CK_BASE_QUANTITY_H
#define CK_BASE_QUANTITY_H

#include "base/compat.h"

#include "base/error.h"

/* K8S: resource.Format. The names are the Go constants, for logs and tests. */
enum ck_quantity_format {
	CK_QUANTITY_DECIMAL_SI = 0,   /* "DecimalSI": 12M = 12 * 10^6, and m, k, ... */
	CK_QUANTITY_BINARY_SI,        /* "BinarySI": 12Mi = 12 * 2^20 */
	CK_QUANTITY_DECIMAL_EXPONENT, /* "DecimalExponent": 12e6 */
};

struct ck_quantity {
	__int128 nano;                  /* the value times 10^9, exact */
	enum ck_quantity_format format; /* the suffix family the value was written with */
	/*
	 * True when Kubernetes would write the parsed string back as it was given instead
	 * of its canonical form (K8S: ParseQuantity keeps `s: str` for inputs it deems
	 * canonical, so "+100m" and "1E3" are re-emitted as written). Only ck_quantity_parse
	 * sets it; see ck_quantity_normalize.
	 */
	bool verbatim;
};

/* Room for any canonical string ck_quantity_format writes, with its NUL. */
#define CK_QUANTITY_STRLEN 48

/*
 * Parse s, a Kubernetes quantity: an optional sign, digits with an optional '.'
 * fraction, and one suffix: none, n u m k M G T P E (DecimalSI), Ki Mi Gi Ti Pi Ei
 * (BinarySI) or e/E and a signed integer (DecimalExponent). No whitespace anywhere (the
 * JSON decoder trims, as Kubernetes' UnmarshalJSON does; this does not). Values are
 * rounded up, away from zero, to a whole nano unit ("0.1n" is 1n); a BinarySI value
 * between -1 and 1 becomes DecimalSI.
 *
 * Returns 0 and fills *q, or -1 with a 400 BadRequest *err whose message quotes s and
 * gives Kubernetes' reason ("quantities must match the regular expression ...",
 * "unable to parse quantity's suffix", "unable to parse numeric part of quantity") or
 * the limit that was passed. s is not kept.
 */
int ck_quantity_parse(const char *s, struct ck_quantity *q, struct ck_error **err);

/*
 * The canonical string of q, as Kubernetes' Quantity.String() computes it when it has no
 * cached input (K8S: CanonicalizeBytes): no fraction, the largest exponent that loses
 * nothing, a multiple of 3 for the decimal formats ("1.5" -> "1500m", "0.1" -> "100m",
 * "1000m" -> "1", "2e3" -> "2e3"), powers of 1024 for BinarySI ("1.5Gi" -> "1536Mi",
 * "1024Ki" -> "1Mi"), and BinarySI shown as DecimalSI when it is below 1024 in magnitude
 * or not a whole number ("0.5Ki" -> "512", "100.035Ki" -> "102435840m"). Zero is "0".
 * A DecimalSI value beyond the "E" suffix is written in exponent form ("1000E" ->
 * "1e21"; K8S: kubernetes/kubernetes#140459).
 *
 * Writes into buf (CK_QUANTITY_STRLEN bytes) and returns buf.
 */
char *ck_quantity_format(const struct ck_quantity *q, char *buf);

/*
 * What Kubernetes stores and returns for the quantity string s: s itself when
 * Kubernetes keeps the input ("100m", "+100m", "1E3", "00100m"), else the canonical form
 * ("1.5Gi" -> "1536Mi"). Returns 0 and a malloc'ed string in *out (caller frees), or -1
 * with *err as ck_quantity_parse.
 */
int ck_quantity_normalize(const char *s, char **out, struct ck_error **err);

/* -1, 0 or 1 as a is less than, equal to or greater than b (formats are ignored). */
int ck_quantity_cmp(const struct ck_quantity *a, const struct ck_quantity *b);

/* -1, 0 or 1 by the sign of q. */
int ck_quantity_sign(const struct ck_quantity *q);

/*
 * q in whole units, rounded up away from zero ("100m" -> 1, "-1.5" -> -2), as
 * Quantity.Value(). Saturates at INT64_MIN/INT64_MAX where Kubernetes would overflow.
 */
int64_t ck_quantity_value(const struct ck_quantity *q);

/*
 * q in thousandths, rounded up away from zero ("1" -> 1000, "1n" -> 1, "0.5" -> 500), as
 * Quantity.MilliValue() (the unit of CPU requests). Saturates like ck_quantity_value.
 */
int64_t ck_quantity_milli_value(const struct ck_quantity *q);

/* Set *q to value whole units in format (K8S: NewQuantity), e.g. node capacity in bytes. */
void ck_quantity_init_value(struct ck_quantity *q, int64_t value, enum ck_quantity_format format);

/* Set *q to value thousandths in format (K8S: NewMilliQuantity), e.g. CPU in millicores. */
void ck_quantity_init_milli(struct ck_quantity *q, int64_t value, enum ck_quantity_format format);

/* "DecimalSI", "BinarySI" or "DecimalExponent" (a string literal). */
const char *ck_quantity_format_name(enum ck_quantity_format format);

#endif
