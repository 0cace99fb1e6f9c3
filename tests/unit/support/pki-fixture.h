/*
 * A throwaway PKI for TLS tests, made with the openssl command line in a new temporary
 * directory (remove it with ck_test_rmtree), and an etcd that serves TLS with it.
 *
 * Files (EC P-256, valid two days):
 *   ca.crt ca.key            the CA everything below is signed by
 *   other.crt other.key      an unrelated CA
 *   server.crt server.key    CN etcd, SANs 127.0.0.1 and etcd.test, serverAuth and clientAuth
 *                            (etcd 3.4's gateway dials its own gRPC port with it)
 *   client.crt client.key    CN root, clientAuth
 *   wrongip.crt wrongip.key  CN etcd, SAN 127.0.0.2 only, serverAuth
 *   stranger.crt             client.key's certificate signed by the other CA
 */
#ifndef CK_TESTS_SUPPORT_PKI_FIXTURE_H
#define CK_TESTS_SUPPORT_PKI_FIXTURE_H

#include "support/etcd-fixture.h"

/* The directory "<tmp>/ckube-<what>-XXXXXX" holding the files above; malloc'ed. */
char *ck_test_pki_new(const char *what);

/* An etcd (ck_test_etcd_start) serving TLS with dir's server certificate, trusting its CA. */
struct ck_test_etcd *ck_test_pki_etcd(const char *dir, const char *what);

#endif
