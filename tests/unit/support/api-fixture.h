/*
 * A real API server for client-side tests: a throwaway cluster PKI, a real etcd (the
 * etcd fixture) and ckube's API server on its own event_base in a thread of its own ("the
 * server loop"), listening on 127.0.0.1. The test thread keeps its own loop for the code
 * under test (clients, reflectors, leader electors), so the two never share a stack.
 *
 * The server can be stopped and started again on the same port (a restart, as a client
 * sees one). ck_test_api_free stops everything the fixture started, the etcd process
 * included, pass or fail. Aborts the test process when something cannot be started.
 */
#ifndef CK_TESTS_SUPPORT_API_FIXTURE_H
#define CK_TESTS_SUPPORT_API_FIXTURE_H

#include <pthread.h>

#include "base/compat.h"

#include "pki/pki.h"
#include "support/etcd-fixture.h"

struct event_base;
struct ck_etcd;
struct ck_apiserver;

struct ck_test_api {
	char *dir; /* the PKI's directory (removed at the end) */
	struct ck_pki *pki;
	SSL_CTX *server_ctx;
	struct ck_test_etcd *etcd;
	struct event_base *base; /* the server loop */
	struct ck_etcd *ec;      /* the server's etcd client, on the server loop */
	struct ck_apiserver *api;
	uint16_t port;
	char url[64]; /* "https://127.0.0.1:<port>" */
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t cv;
};

/* PKI, etcd, the server, its thread; returns once the server answers /readyz with 200. */
struct ck_test_api *ck_test_api_start(const char *what);

/* Stop the server and its loop, etcd, remove the directory; NULL-safe. */
void ck_test_api_free(struct ck_test_api *a);

/* Run fn(arg) on the server loop and wait for it to return (30 s deadline, then abort). */
void ck_test_api_run(struct ck_test_api *a, void (*fn)(void *arg), void *arg);

/* Free the API server at once (its port is closed; etcd keeps running). */
void ck_test_api_server_stop(struct ck_test_api *a);

/* Start a new API server on the same port and wait until it is ready. */
void ck_test_api_server_start(struct ck_test_api *a);

/* Poll /readyz with the blocking test client until it answers 200 (30 s, else the test fails). */
void ck_test_api_wait_ready(struct ck_test_api *a);

/*
 * One blocking request as the admin on a fresh connection (support/https-client.h, which
 * shares no code with src/client): returns the status; the body (when out is given) is
 * copied into *out as a malloc'ed string.
 */
int ck_test_api_call(struct ck_test_api *a, const char *method, const char *target,
                     const char *json_body, char **out);

/*
 * Put key = value straight into etcd (through the server loop's etcd client, behind the API
 * server's back) and wait for the reply; returns the new revision.
 */
int64_t ck_test_api_etcd_put(struct ck_test_api *a, const char *key, const char *value);

#endif
