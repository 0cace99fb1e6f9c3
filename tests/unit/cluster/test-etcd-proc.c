/*
 * The etcd child-process launcher against Debian's real etcd: start on free loopback
 * ports, become healthy, die by SIGKILL and be noticed, restart on the same ports with
 * the same data, and refuse to become ready when etcd cannot start.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <signal.h>
#include <unistd.h>

#include <cmocka.h>

#include "base/compat.h"

#include "base/buf.h"
#include "base/mem.h"
#include "cluster/etcd-proc.h"
#include "support/tmpdir.h"

static void test_start_kill_restart(void **state)
{
	(void)state;
	ck_autofree char *dir = ck_test_tmpdir("etcd-proc");
	ck_autofree char *data = ck_xasprintf("%s/member", dir);
	struct ck_etcd_proc_config cfg = {.data_dir = data, .name = "m0"};
	struct ck_etcd_proc *p = NULL;
	struct ck_error *err = NULL;
	pid_t first;
	int status;

	assert_int_equal(ck_etcd_proc_start(&cfg, &p, &err), 0);
	assert_int_equal(ck_etcd_proc_wait_ready(p, 15000, &err), 0);
	assert_true(ck_str_has_prefix(ck_etcd_proc_client_url(p), "http://127.0.0.1:"));
	first = ck_etcd_proc_pid(p);
	assert_true(first > 0);
	assert_false(ck_etcd_proc_exited(p, NULL));

	ck_etcd_proc_kill(p);
	assert_true(ck_etcd_proc_exited(p, &status));
	assert_true(WIFSIGNALED(status));
	assert_int_equal(WTERMSIG(status), SIGKILL);
	assert_int_equal(ck_etcd_proc_pid(p), 0);

	assert_int_equal(ck_etcd_proc_restart(p, &err), 0);
	assert_int_equal(ck_etcd_proc_wait_ready(p, 15000, &err), 0);
	assert_true(ck_etcd_proc_pid(p) != first);

	ck_etcd_proc_stop(p);
	assert_int_equal(ck_etcd_proc_pid(p), 0);
	ck_etcd_proc_free(p);
	ck_test_rmtree(dir);
}

static void test_bad_binary_is_an_error(void **state)
{
	(void)state;
	ck_autofree char *dir = ck_test_tmpdir("etcd-proc");
	ck_autofree char *data = ck_xasprintf("%s/member", dir);
	struct ck_etcd_proc_config cfg = {.data_dir = data, .bin = "/nonexistent/etcd"};
	struct ck_etcd_proc *p = NULL;
	struct ck_error *err = NULL;

	assert_int_equal(ck_etcd_proc_start(&cfg, &p, &err), 0);
	assert_int_equal(ck_etcd_proc_wait_ready(p, 5000, &err), -1);
	assert_non_null(err);
	assert_int_equal(err->http_status, 503);
	assert_non_null(strstr(err->msg, "exited during start-up"));
	ck_error_free(err);
	ck_etcd_proc_free(p);
	ck_test_rmtree(dir);
}

static void test_port_in_use_is_an_error(void **state)
{
	(void)state;
	ck_autofree char *dir = ck_test_tmpdir("etcd-proc");
	ck_autofree char *d1 = ck_xasprintf("%s/a", dir);
	ck_autofree char *d2 = ck_xasprintf("%s/b", dir);
	struct ck_etcd_proc_config c1 = {.data_dir = d1};
	struct ck_etcd_proc *a = NULL, *b = NULL;
	struct ck_error *err = NULL;

	assert_int_equal(ck_etcd_proc_start(&c1, &a, &err), 0);
	assert_int_equal(ck_etcd_proc_wait_ready(a, 15000, &err), 0);
	/* A second member on the first one's client port cannot listen and exits. */
	const char *url = ck_etcd_proc_client_url(a);
	struct ck_etcd_proc_config c2 = {
	        .data_dir = d2, .client_port = (int)strtol(strrchr(url, ':') + 1, NULL, 10)};
	assert_int_equal(ck_etcd_proc_start(&c2, &b, &err), 0);
	assert_int_equal(ck_etcd_proc_wait_ready(b, 10000, &err), -1);
	assert_non_null(err);
	ck_error_free(err);
	ck_etcd_proc_free(b);
	ck_etcd_proc_free(a);
	ck_test_rmtree(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_start_kill_restart),
	        cmocka_unit_test(test_bad_binary_is_an_error),
	        cmocka_unit_test(test_port_in_use_is_an_error),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
