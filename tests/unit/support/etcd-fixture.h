/*
 * Real etcd for tests: one member or a cluster of several on free loopback ports, in a
 * mkdtemp directory, started with fast elections and waited for. Built on
 * cluster/etcd-proc.h, so the members die with the test process even when it crashes;
 * ck_test_etcd_free stops them and removes the directory. Aborts the test process on any
 * failure to start (a test cannot go on without its etcd).
 */
#ifndef CK_TESTS_SUPPORT_ETCD_FIXTURE_H
#define CK_TESTS_SUPPORT_ETCD_FIXTURE_H

#include "base/compat.h"

#include "cluster/etcd-proc.h"

#define CK_TEST_ETCD_MAX 5

struct ck_test_etcd {
	char *dir; /* the temporary directory holding every member's data and log */
	size_t n;
	struct ck_etcd_proc *procs[CK_TEST_ETCD_MAX];
	/* The members' client URLs, NULL-terminated: a ck_etcd_config's endpoints. */
	const char *endpoints[CK_TEST_ETCD_MAX + 1];
	/* With TLS: each member's https client URL, NULL-terminated; else all NULL. */
	char *tls_endpoints[CK_TEST_ETCD_MAX + 1];
};

struct ck_test_etcd_opts {
	size_t members;                /* 0: 1 */
	const char *what;              /* names the temporary directory; NULL: "etcd" */
	const char *const *extra_args; /* for every member; may be NULL */
	int ready_timeout_ms;          /* 0: 20000 */
	/*
	 * With a certificate, key and CA: every member also serves https on another port
	 * (tls_endpoints), requiring client certificates signed by the CA. The plain http
	 * port stays, for the readiness probe.
	 */
	const char *tls_cert_file;
	const char *tls_key_file;
	const char *tls_ca_file;
};

/* Start the members and wait until each is ready. opts may be NULL. Caller frees. */
struct ck_test_etcd *ck_test_etcd_start(const struct ck_test_etcd_opts *opts);

/* Stop every member, remove the directory, free; NULL-safe. */
void ck_test_etcd_free(struct ck_test_etcd *e);

/* SIGKILL member i at once (a crash). */
void ck_test_etcd_kill(struct ck_test_etcd *e, size_t i);

/* Start member i again on its ports and data, and wait until it is ready. */
void ck_test_etcd_restart(struct ck_test_etcd *e, size_t i);

#endif
