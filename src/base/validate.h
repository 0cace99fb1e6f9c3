/*
 * The name and label formats that Kubernetes validates everywhere: DNS-1123 labels and
 * subdomains (object names), DNS-1035 labels (Service names), label keys (qualified
 * names) and label values. Each check returns Kubernetes' own messages, word for word,
 * so that the API server can put one per entry into a 422 Status's details.causes and
 * kubectl prints what a Kubernetes user already knows.
 *
 * K8S: apimachinery/pkg/util/validation/validation.go (IsDNS1123Label,
 * IsDNS1123Subdomain, IsDNS1035Label: lengths in "characters") and
 * apimachinery/pkg/api/validate/content/kube.go, dns.go (IsLabelKey, IsLabelValue, the
 * prefix of a label key: lengths in "bytes"). RegexError and MaxLenError give the shape
 * of every message.
 *
 * Every message is a string literal: nothing is allocated and nothing needs freeing. The
 * checks take NUL-terminated strings; a caller holding a JSON string that may contain
 * NUL ("\u0000") must reject that first, as only the part before it is seen here.
 * Pure functions: safe on any thread.
 */
#ifndef CK_BASE_VALIDATE_H
#define CK_BASE_VALIDATE_H

#include "base/compat.h"

/* The most messages one check returns (a label key: two for the prefix, two for the name). */
#define CK_VALIDATE_MAX_MSGS 4

/* K8S: the length limits of validation.go and content/kube.go. */
#define CK_VALIDATE_DNS1123_LABEL_MAX     63
#define CK_VALIDATE_DNS1123_SUBDOMAIN_MAX 253
#define CK_VALIDATE_DNS1035_LABEL_MAX     63
#define CK_VALIDATE_LABEL_NAME_MAX        63
#define CK_VALIDATE_LABEL_VALUE_MAX       63

/*
 * Each check below returns the number of problems found in value (0 when it is valid, at
 * most CK_VALIDATE_MAX_MSGS) and, when msgs is not NULL, stores that many messages in
 * msgs[0..n-1], in Kubernetes' order. msgs must have room for CK_VALIDATE_MAX_MSGS
 * entries. The messages are string literals (never freed); value is not kept.
 */

/*
 * A lowercase RFC 1123 label: 1 to 63 characters of [a-z0-9-], starting and ending with
 * an alphanumeric ('my-name', '123-abc'). Namespace names, and most object names that
 * become a DNS label or a host name. A valid subdomain that is not a label is told
 * "must not contain dots".
 */
size_t ck_validate_dns1123_label(const char *value, const char **msgs);

/*
 * A lowercase RFC 1123 subdomain: at most 253 characters, dot-separated RFC 1123 labels
 * ('example.com'; each label here is not itself limited to 63). Most object names
 * (metadata.name of Pods, ConfigMaps, Deployments...) and label key prefixes.
 */
size_t ck_validate_dns1123_subdomain(const char *value, const char **msgs);

/*
 * A DNS-1035 label: 1 to 63 characters of [a-z0-9-], starting with a letter and ending
 * with an alphanumeric ('my-name', 'abc-123'). Service names.
 */
size_t ck_validate_dns1035_label(const char *value, const char **msgs);

/*
 * A label key, which Kubernetes also calls a qualified name: an optional DNS-1123
 * subdomain prefix (at most 253 bytes) and '/', then a name of 1 to 63 bytes of
 * [-A-Za-z0-9_.] that starts and ends with an alphanumeric ('app', 'my.name',
 * 'app.kubernetes.io/name'). More than one '/' gives the single "a valid label key..."
 * message.
 */
size_t ck_validate_label_key(const char *value, const char **msgs);

/* The same rule and messages as ck_validate_label_key (K8S: IsQualifiedName = IsLabelKey). */
size_t ck_validate_qualified_name(const char *value, const char **msgs);

/*
 * A label value: empty, or at most 63 bytes of [-A-Za-z0-9_.] that start and end with an
 * alphanumeric ('MyValue', 'my_value', '12345').
 */
size_t ck_validate_label_value(const char *value, const char **msgs);

#endif
