/*
 * Build identity: ckube's own version (the VERSION file), the git revision it was built
 * from, and the Kubernetes API version ckube serves (what /version reports to clients).
 */
#ifndef CK_VERSION_H
#define CK_VERSION_H

extern const char ck_version[];
extern const char ck_git_rev[];
extern const char ck_kube_version[];

#endif
