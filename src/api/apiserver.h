/*
 * The Kubernetes API server (DESIGN.md §3): HTTPS on one address, Kubernetes REST semantics
 * for the resources of the resource table (api/resource.h) stored in etcd, LIST, WATCH and
 * cached GETs served from one watch cache per resource, discovery, /version, /openapi/v2,
 * and the health endpoints /livez, /readyz and /healthz.
 *
 * A server is stateless: everything it serves is in etcd, so several servers on several
 * machines may share one etcd cluster and serve the same objects. At start it makes sure
 * the namespaces every cluster has exist (default, kube-system, kube-public,
 * kube-node-lease), with create-if-absent writes that are safe when servers race.
 *
 * Who may do what: a client certificate signed by the cluster CA names the user (CN) and
 * groups (O); members of system:masters may do everything, anyone else is refused (403)
 * for now. Clients without a certificate reach only /livez, /readyz, /healthz and /version.
 *
 * Threading: a server belongs to the event_base it was made with (its "loop"), the same
 * loop as the etcd client it is given. Every function here must be called on that loop's
 * thread.
 */
#ifndef CK_API_APISERVER_H
#define CK_API_APISERVER_H

#include <openssl/ssl.h>

#include "base/compat.h"

#include "base/error.h"

struct event_base;
struct ck_etcd;
struct ck_apiserver;

struct ck_apiserver_config {
	/* Required: the IPv4 or IPv6 literal to listen on ("0.0.0.0", "::1", "[::1]"). */
	const char *address;
	/* The port; 0: any free port (read it with ck_apiserver_port). */
	uint16_t port;
	/*
	 * Required: the serving TLS context, from ck_pki_server_ctx_new (it asks for client
	 * certificates of the cluster CA). The server takes a reference; the caller may free
	 * its own after ck_apiserver_new returns. Not to be shared with another server.
	 */
	SSL_CTX *ssl_ctx;
	/*
	 * Required: the etcd client, on the same event_base. Shared, not owned: it must
	 * outlive the server (free the server first).
	 */
	struct ck_etcd *etcd;
	/*
	 * The service-account token signing key as PEM (pki.h sa_key_pem), copied; NULL: token
	 * requests (serviceaccounts/<name>/token) answer 503.
	 */
	const char *sa_key_pem;
};

/*
 * Start serving: listen (the socket is bound when this returns, so the port is known),
 * start one watch cache fed from etcd per resource, and create the system namespaces
 * when they are missing (retried in the background until etcd accepts). cfg is copied.
 * Returns 0 with the server in *out (the caller's: ck_apiserver_free), or -1 with *err:
 * 400 for a missing field or an address that is not an IP literal, the bind's errno
 * when the port is taken. Its loop.
 */
int ck_apiserver_new(struct event_base *base, const struct ck_apiserver_config *cfg,
                     struct ck_apiserver **out, struct ck_error **err);

/* The port the server listens on (the kernel's choice for port 0). Its loop. */
uint16_t ck_apiserver_port(const struct ck_apiserver *s);

/*
 * True when the server is ready to serve (what /readyz says): every watch cache has its
 * first list and the system namespaces exist. Its loop.
 */
bool ck_apiserver_ready(const struct ck_apiserver *s);

struct ck_resource;
struct ck_watch_cache;

/*
 * The watch cache the server keeps for res (a row of api/resource.h's table), or NULL
 * when res is not served. Controllers in the same process use it as their informer's
 * store instead of keeping a second copy of every object (DESIGN.md §4): read it and
 * watch it on the server's loop, never feed it. Valid until the server is freed.
 */
struct ck_watch_cache *ck_apiserver_cache(struct ck_apiserver *s, const struct ck_resource *res);

/* Called from the loop once a stopping server has no connection left. */
typedef void ck_apiserver_stopped_fn(struct ck_apiserver *s, void *arg);

/*
 * Stop gracefully: refuse new connections, let requests in progress finish, end every
 * watch stream cleanly (clients watch again elsewhere). done (may be NULL) runs from the
 * loop when the last connection has gone; never from inside this call. The server still
 * has to be freed. Its loop.
 */
void ck_apiserver_stop(struct ck_apiserver *s, ck_apiserver_stopped_fn *done, void *arg);

/*
 * Stop at once (stopping first if ck_apiserver_stop was not called) and free the server,
 * its watch caches and connections; NULL-safe. etcd calls still in flight complete later
 * into nothing. Not from inside one of the server's callbacks. As with any libevent TLS
 * server, run the loop once more (EVLOOP_NONBLOCK) before event_base_free. Its loop.
 */
void ck_apiserver_free(struct ck_apiserver *s);

#endif
