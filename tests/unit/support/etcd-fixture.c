/*
 * Real etcd members for tests (see etcd-fixture.h).
 */
#include "base/compat.h"

#include "base/buf.h"
#include "base/error.h"
#include "base/mem.h"
#include "support/etcd-fixture.h"
#include "support/tmpdir.h"

__attribute__((noreturn)) static void fixture_fail(const char *what, struct ck_error *err)
{
	fprintf(stderr, "etcd fixture: %s: %s\n", what, err ? err->msg : "failed");
	ck_error_free(err);
	CK_BUG("cannot start the test's etcd");
}

/* The caller's extra arguments, and the TLS ones (a second, https, client URL). */
static char **extra_args(const struct ck_test_etcd_opts *o, struct ck_test_etcd *e, size_t i,
                         int client_port)
{
	size_t n = 0, k = 0;
	char **args;

	while (o->extra_args && o->extra_args[n])
		n++;
	args = ck_xcalloc(n + 6, sizeof(char *));
	for (k = 0; k < n; k++)
		args[k] = ck_xstrdup(o->extra_args[k]);
	if (o->tls_cert_file) {
		struct ck_error *err = NULL;
		int port = ck_free_port("127.0.0.1", &err);

		if (port < 0)
			fixture_fail("free port", err);
		e->tls_endpoints[i] = ck_xasprintf("https://127.0.0.1:%d", port);
		args[k++] = ck_xasprintf("--cert-file=%s", o->tls_cert_file);
		args[k++] = ck_xasprintf("--key-file=%s", o->tls_key_file);
		args[k++] = ck_xasprintf("--trusted-ca-file=%s", o->tls_ca_file);
		args[k++] = ck_xstrdup("--client-cert-auth");
		/* Given after etcd-proc's own, so it wins: plain and https side by side. */
		args[k++] = ck_xasprintf("--listen-client-urls=http://127.0.0.1:%d,%s", client_port,
		                         e->tls_endpoints[i]);
	}
	return args;
}

struct ck_test_etcd *ck_test_etcd_start(const struct ck_test_etcd_opts *opts)
{
	struct ck_test_etcd_opts o = opts ? *opts : (struct ck_test_etcd_opts){0};
	struct ck_test_etcd *e = ck_xcalloc(1, sizeof(*e));
	struct ck_buf cluster = CK_BUF_INIT;
	int client_ports[CK_TEST_ETCD_MAX], peer_ports[CK_TEST_ETCD_MAX];
	struct ck_error *err = NULL;

	e->n = o.members ? o.members : 1;
	CK_BUG_ON(e->n > CK_TEST_ETCD_MAX);
	e->dir = ck_test_tmpdir(o.what ? o.what : "etcd");
	/* Every port first: each member's --initial-cluster names all of them. */
	for (size_t i = 0; i < e->n; i++) {
		client_ports[i] = ck_free_port("127.0.0.1", &err);
		peer_ports[i] = client_ports[i] < 0 ? -1 : ck_free_port("127.0.0.1", &err);
		if (peer_ports[i] < 0)
			fixture_fail("free port", err);
		ck_buf_addf(&cluster, "%sm%zu=http://127.0.0.1:%d", i ? "," : "", i, peer_ports[i]);
	}
	for (size_t i = 0; i < e->n; i++) {
		ck_autofree char *name = ck_xasprintf("m%zu", i);
		ck_autofree char *data = ck_xasprintf("%s/%s", e->dir, name);
		char **args = extra_args(&o, e, i, client_ports[i]);
		struct ck_etcd_proc_config cfg = {
		        .name = name,
		        .data_dir = data,
		        .client_port = client_ports[i],
		        .peer_port = peer_ports[i],
		        .initial_cluster = cluster.data,
		        .fast_election = true,
		        .extra_args = (const char *const *)args,
		};

		if (ck_etcd_proc_start(&cfg, &e->procs[i], &err) < 0)
			fixture_fail("start", err);
		ck_str_list_free(args);
		e->endpoints[i] = ck_etcd_proc_client_url(e->procs[i]);
	}
	ck_buf_release(&cluster);
	for (size_t i = 0; i < e->n; i++)
		if (ck_etcd_proc_wait_ready(
		            e->procs[i], o.ready_timeout_ms ? o.ready_timeout_ms : 20000, &err) < 0)
			fixture_fail("wait ready", err);
	return e;
}

void ck_test_etcd_free(struct ck_test_etcd *e)
{
	if (!e)
		return;
	for (size_t i = 0; i < e->n; i++) {
		ck_etcd_proc_free(e->procs[i]);
		free(e->tls_endpoints[i]);
	}
	ck_test_rmtree(e->dir);
	free(e->dir);
	free(e);
}

void ck_test_etcd_kill(struct ck_test_etcd *e, size_t i)
{
	CK_BUG_ON(i >= e->n);
	ck_etcd_proc_kill(e->procs[i]);
}

void ck_test_etcd_restart(struct ck_test_etcd *e, size_t i)
{
	struct ck_error *err = NULL;

	CK_BUG_ON(i >= e->n);
	if (ck_etcd_proc_restart(e->procs[i], &err) < 0 ||
	    ck_etcd_proc_wait_ready(e->procs[i], 20000, &err) < 0)
		fixture_fail("restart", err);
}
