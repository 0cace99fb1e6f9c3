/*
 * Protocol Buffers request bodies (DESIGN.md §3). kubectl ≥ 1.30 sends the writes of its
 * typed clients - every `kubectl create <generator>` and drain's DELETE - as
 * `Content-Type: application/vnd.kubernetes.protobuf`, with no JSON fallback (a 415 is a
 * hard error for kubectl). This module turns such a body into the JSON object the API
 * server would have received had the client sent JSON, so that validation, defaulting
 * and storage stay one code path. It is driven entirely by the schema tables
 * (api/schema.h): field numbers to JSON names, value kinds and message types.
 *
 * K8S: runtime/serializer/protobuf: a body is the 4 bytes "k8s\0" then a runtime.Unknown
 * {1: typeMeta {1: apiVersion, 2: kind}, 2: raw, 3: contentEncoding, 4: contentType}; raw
 * is the typed message of that kind (proto2, as gogo-protobuf writes it), which has no
 * TypeMeta of its own. The typeMeta's kind and apiVersion become the object's "kind" and
 * "apiVersion" (for every kind that has them in JSON: not WatchEvent).
 *
 * The JSON is what Go's encoding/json writes for the Go struct that kube-apiserver's
 * protobuf decoding would fill (K8S: that struct is what both wire forms decode to):
 *   - gogo-protobuf writes every non-pointer field, zero or not, so presence means
 *     nothing for them: a zero value is dropped when the field is `omitempty` and kept
 *     otherwise ("name": ""), exactly as json.Marshal does, whether or not the body
 *     carried it; a struct-valued field is always written ({} when empty);
 *   - pointer fields (*int32 replicas, *bool, *LabelSelector...) are present exactly when
 *     the body has them, zero included ("replicas": 0); a non-omitempty pointer that is
 *     absent is null (TokenRequest's "expirationSeconds": null), as is an absent
 *     non-omitempty list or map (nil in Go);
 *   - []byte (Secret data) is base64; resource.Quantity its string; IntOrString a number
 *     or a string; metav1.Time RFC 3339 to the second, MicroTime with six fractional
 *     digits, both null when zero; RawExtension and FieldsV1 the JSON they hold; Duration
 *     Go's duration string ("1m30s");
 *   - a field that occurs twice: the last scalar wins, repeated fields and map entries
 *     accumulate, embedded messages merge (proto2 rules).
 * For the bodies kubectl writes, the result is what `kubectl create <generator>
 * --dry-run=client -o json` prints.
 *
 * Errors: any malformed input is a 400 BadRequest whose message names the field path and
 * the byte offset: a missing "k8s\0" prefix, an unknown kind or group version, a varint
 * that is truncated or longer than 10 bytes, a length past the end of its message, a
 * field number unknown to the schema, a wrong wire type for a field, nesting deeper than
 * CK_PROTOBUF_MAX_DEPTH messages, a string that is not UTF-8, a map key with a NUL (which
 * no JSON body can carry to ckube either), an invalid quantity or IntOrString type, a time
 * outside years 0000-9999, RawExtension bytes that are not JSON. A field number unknown
 * to the schema whose value is zero or empty is skipped (see pb_unknown in protobuf.c:
 * gogo writes such fields for API additions newer than the tables).
 * Nothing reads outside the body and every length is checked against the bytes that are
 * left before anything is allocated for it, so memory use is linear in the body's size.
 *
 * Pure functions over caller-owned bytes: no loop, no globals; any thread.
 */
#ifndef CK_API_PROTOBUF_H
#define CK_API_PROTOBUF_H

#include <jansson.h>

#include "base/compat.h"

#include "api/schema.h"
#include "base/error.h"

/* K8S: runtime.ContentTypeProtobuf. */
#define CK_PROTOBUF_MEDIA_TYPE "application/vnd.kubernetes.protobuf"

/*
 * How deeply messages may nest (each embedded message, special type and RawExtension
 * envelope is a level). The deepest path in the schema is 16 levels, envelope included (a
 * CronJob's pod template affinity terms; tests/unit/api/test-protobuf.c measures it); a
 * body that goes deeper is a 400 before the stack grows.
 */
#define CK_PROTOBUF_MAX_DEPTH 48

/*
 * True when content_type (a Content-Type header value, NULL allowed) names the Kubernetes
 * protobuf media type: case-insensitive, optional whitespace, any parameters
 * ("application/vnd.kubernetes.protobuf; charset=binary"). K8S: kube-apiserver picks the
 * request decoder by media type without parameters (NegotiateInputSerializerForMediaType).
 */
bool ck_protobuf_is_media_type(const char *content_type);

/*
 * Decode the len bytes at body ("k8s\0" + runtime.Unknown) into a new JSON object, which
 * *out receives (a new reference; the caller decrefs it). The object has "kind" and
 * "apiVersion" from the envelope, then the typed message's fields (see above).
 *
 * expect_group and expect_version (both or neither may be NULL) are the group version the
 * request's handler decodes: the resource's, or the subresource's kind for subresources
 * (policy/v1 for pods/eviction, authentication.k8s.io/v1 for serviceaccounts/token). An
 * envelope without apiVersion takes them (K8S: the serializer defaults a missing group
 * version from the handler's); an envelope with another group version is a 400 (K8S:
 * handlers/create.go "the API version in the data (...) does not match the expected API
 * version (...)"), except for DeleteOptions, which every group version and meta.k8s.io/v1
 * register (K8S: metav1.AddToGroupVersion; handlers/delete.go accepts "per group
 * DeleteOptions"), so any of them is accepted. Kinds must be in the schema tables and
 * have a protobuf form (meta.k8s.io/v1 Table has none).
 *
 * Returns 0, or -1 with a 400 BadRequest *err and *out untouched. Typed-message errors
 * read as kube-apiserver words decode errors (K8S: handlers/rest.go transformDecodeError):
 * `Deployment in version "v1" cannot be handled as a Deployment: protobuf:
 * spec.replicas: wrong wire type bytes for int32 (want varint) (at byte 80)`.
 */
int ck_protobuf_decode(const void *body, size_t len, const char *expect_group,
                       const char *expect_version, json_t **out, struct ck_error **err);

/*
 * Decode len bytes at data as one bare message of type (no "k8s\0", no envelope), as
 * ck_protobuf_decode does for the envelope's raw bytes: *out receives a new JSON object,
 * or for a special type (Time, Quantity, IntOrString, RawExtension...) the JSON value it
 * stands for. For callers that know the type from elsewhere, and for tests. Returns 0, or
 * -1 with a 400 *err: `cannot decode protobuf v1.PodSpec: containers[0].name: ...`.
 */
int ck_protobuf_decode_message(const struct ck_schema_type *type, const void *data, size_t len,
                               json_t **out, struct ck_error **err);

#endif
