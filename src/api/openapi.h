/*
 * OpenAPI documents (DESIGN.md §3): /openapi/v2 and /openapi/v3, generated from the same
 * two tables the rest of the API server uses, the resource table (api/resource.h: which
 * kinds are served, where, with which verbs) and the per-kind schema (api/schema.h: every
 * type's fields, JSON types, required flags, merge keys, patch strategies, list types).
 * Nothing is hand-written per kind: a row added to the resource table appears in both
 * versions at the next start.
 *
 * What clients do with them (reference kubectl-1.20-wire.md §2, kubectl-1.32-1.33 §3):
 *   - kubectl 1.20 fetches /openapi/v2 as the gnostic protobuf openapi.v2.Document before
 *     every apply/create -f/replace -f, validates manifests against its definitions (unknown
 *     fields, required fields), computes apply's strategic merge patch from their
 *     x-kubernetes-patch-merge-key/-strategy extensions, and renders `kubectl explain`;
 *   - kubectl >= 1.27 reads the /openapi/v3 root, then the document of each group version it
 *     needs: `explain` from its components.schemas, and whether the server validates fields
 *     itself from the `fieldValidation` parameter of the kind's PATCH operation (it then
 *     sends fieldValidation=Strict and skips client-side validation).
 *
 * The documents are built once, at the first request that needs them, and kept as bytes:
 * the v3 root and every group-version document together (the root carries their hashes),
 * the v2 JSON and the v2 protobuf each on its own first request. Building is pure
 * computation over static tables (tens of milliseconds); the cache belongs to one API
 * server and is touched only from its loop.
 */
#ifndef CK_API_OPENAPI_H
#define CK_API_OPENAPI_H

#include <jansson.h>

#include "base/compat.h"

#include "base/buf.h"

struct ck_http_request;

/* The documents of one API server, built lazily; opaque. */
struct ck_openapi;

/* One served document: bytes and their entity tag (K8S: kube-openapi computeETag). */
struct ck_openapi_doc {
	char *name; /* "api/v1", "apis/apps/v1" for v3 group versions; "" otherwise */
	char *data; /* the body; not NUL-terminated for protobuf */
	size_t len;
	char etag[129]; /* uppercase hex SHA-512 of data, unquoted */
};

/* An empty cache (nothing is built until asked). Free with ck_openapi_free. */
struct ck_openapi *ck_openapi_new(void);

/* Free the cache and every document in it. NULL-safe. */
void ck_openapi_free(struct ck_openapi *o);

/*
 * The /openapi/v2 document: swagger 2.0 JSON, or (protobuf true) the same document as a
 * gnostic openapi.v2.Document message. Built at the first call; the pointer stays valid
 * until ck_openapi_free. Never fails (the inputs are static tables).
 */
const struct ck_openapi_doc *ck_openapi_v2(struct ck_openapi *o, bool protobuf);

/*
 * The /openapi/v3 root ({"paths": {"api/v1": {"serverRelativeURL": ...}, ...}}), and the
 * document of one group version by its root key ("api/v1", "apis/apps/v1"), or NULL when
 * no served resource has that group version. Built (all of them) at the first call of
 * either; pointers valid until ck_openapi_free.
 */
const struct ck_openapi_doc *ck_openapi_v3_root(struct ck_openapi *o);
const struct ck_openapi_doc *ck_openapi_v3_gv(struct ck_openapi *o, const char *gv);

/*
 * Serve path when it is an OpenAPI path (/openapi/v2, /openapi/v3, /openapi/v3/<gv>) and
 * the method GET or HEAD: answer the request (200, 301, 304, 404 or 406) and return true.
 * Return false, leaving the request alone, for anything else. *cache is created at the
 * first call (the caller frees it with ck_openapi_free). On the request's loop.
 */
bool ck_openapi_serve(struct ck_openapi **cache, struct ck_http_request *req, const char *path);

/*
 * Encode a swagger 2.0 document (as ck_openapi_v2 builds it) as a gnostic
 * openapi.v2.Document (github.com/google/gnostic openapiv2/OpenAPIv2.proto), appending the
 * message to out. Keys the gnostic schema has no field for are skipped; vendor extensions
 * (x-*) become NamedAny entries whose Any.yaml is the value's JSON text (JSON is YAML).
 * Pure; any thread.
 */
void ck_openapi_v2_to_pb(const json_t *doc, struct ck_buf *out);

#endif
