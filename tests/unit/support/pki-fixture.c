/*
 * The throwaway PKI of TLS tests (see pki-fixture.h).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdlib.h>

#include <cmocka.h>

#include "base/compat.h"

#include "base/mem.h"
#include "support/pki-fixture.h"
#include "support/tmpdir.h"

char *ck_test_pki_new(const char *what)
{
	char *dir = ck_test_tmpdir(what);
	ck_autofree char *cmd = ck_xasprintf(
	        "set -e; cd '%s'; exec 2>/dev/null;"
	        "gen() { openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes"
	        " -keyout $1.key -out $1.csr -subj /CN=$2; }\n"
	        "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes"
	        " -keyout ca.key -out ca.crt -days 2 -subj /CN=ckube-test-ca;"
	        "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes"
	        " -keyout other.key -out other.crt -days 2 -subj /CN=other-ca;"
	        "printf 'subjectAltName=IP:127.0.0.1,DNS:etcd.test\\n"
	        "extendedKeyUsage=serverAuth,clientAuth' > server.ext;"
	        "printf 'extendedKeyUsage=clientAuth' > client.ext;"
	        "printf 'subjectAltName=IP:127.0.0.2\\nextendedKeyUsage=serverAuth' > wrongip.ext;"
	        "gen server etcd; gen client root; gen wrongip etcd;"
	        "openssl x509 -req -in wrongip.csr -CA ca.crt -CAkey ca.key -CAcreateserial"
	        " -out wrongip.crt -days 2 -extfile wrongip.ext;"
	        "openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial"
	        " -out server.crt -days 2 -extfile server.ext;"
	        "openssl x509 -req -in client.csr -CA ca.crt -CAkey ca.key -CAcreateserial"
	        " -out client.crt -days 2 -extfile client.ext;"
	        "openssl x509 -req -in client.csr -CA other.crt -CAkey other.key -CAcreateserial"
	        " -out stranger.crt -days 2 -extfile client.ext",
	        dir);

	if (system(cmd) != 0)
		fail_msg("cannot make test certificates in %s", dir);
	return dir;
}

struct ck_test_etcd *ck_test_pki_etcd(const char *dir, const char *what)
{
	ck_autofree char *cert = ck_xasprintf("%s/server.crt", dir);
	ck_autofree char *key = ck_xasprintf("%s/server.key", dir);
	ck_autofree char *ca = ck_xasprintf("%s/ca.crt", dir);
	struct ck_test_etcd_opts opts = {
	        .what = what, .tls_cert_file = cert, .tls_key_file = key, .tls_ca_file = ca};

	return ck_test_etcd_start(&opts);
}
