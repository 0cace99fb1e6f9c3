/*
 * Build identity (see version.h); the Makefile passes CK_VERSION and CK_GIT_REV.
 */
#include "version.h"

#ifndef CK_VERSION
#define CK_VERSION "0.0.0"
#endif
#ifndef CK_GIT_REV
#define CK_GIT_REV "unknown"
#endif

const char ck_version[] = CK_VERSION;
const char ck_git_rev[] = CK_GIT_REV;
/*
 * K8S: the API level ckube implements; kubectl warns past one minor version of skew. The
 * schemas, OpenAPI, aggregated discovery, field validation and server-side apply follow
 * k8s.io/api v0.33 (tools/gen-schema.py).
 */
const char ck_kube_version[] = "v1.33.0";
