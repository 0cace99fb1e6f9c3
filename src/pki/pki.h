/*
 * The cluster PKI (DESIGN.md §6, §3 Security): the cluster CA, the API server's serving
 * certificate, the admin's client certificate, client certificates for anyone else (nodes),
 * the TLS contexts that serve and dial with them, the identity a verified client
 * certificate carries, the CA hash that join tokens pin, and kubeconfig files.
 *
 * On disk, under DIR/pki/ (kubeadm's names, so an operator finds what they expect):
 *
 *   ca.crt  ca.key                 the cluster CA; created once, never overwritten
 *   apiserver.crt  apiserver.key   serving certificate, re-issued when SANs or expiry demand
 *   admin.crt  admin.key           CN admin, O system:masters; renewed before expiry
 *   sa.key  sa.pub                 the service-account token signing key (kubeadm's
 *                                  names); created once, never overwritten
 *
 * Certificates are 0644, keys 0600, the directory 0700. Every file is written to a
 * temporary name, fsynced and renamed; a certificate and its key are replaced as a pair
 * (both staged as *.next, then renamed, and a half-done pair is rolled forward on the next
 * start), so a crash never leaves a half-written key or a key beside the wrong certificate.
 */
#ifndef CK_PKI_PKI_H
#define CK_PKI_PKI_H

#include <openssl/ssl.h>
#include <openssl/x509.h>

#include "base/compat.h"

#include "base/buf.h"
#include "base/error.h"

#define CK_PKI_SUBDIR     "pki"
#define CK_PKI_CA         "ca"        /* ca.crt, ca.key */
#define CK_PKI_APISERVER  "apiserver" /* apiserver.crt, apiserver.key */
#define CK_PKI_ADMIN      "admin"     /* admin.crt, admin.key */
#define CK_PKI_SA         "sa"        /* sa.key, sa.pub */
#define CK_PKI_ADMIN_USER "admin"
/* K8S: members of system:masters are bound to cluster-admin and bypass authorization. */
#define CK_PKI_MASTERS_GROUP "system:masters"
/* K8S: a node authenticates as user system:node:<name> in group system:nodes. */
#define CK_PKI_NODE_USER_PREFIX "system:node:"
#define CK_PKI_NODES_GROUP      "system:nodes"

/* A certificate and its private key as PEM text. */
struct ck_pki_pair {
	char *cert_pem; /* owned, NUL-terminated */
	char *key_pem;  /* owned, NUL-terminated PKCS#8 */
};

#define CK_PKI_PAIR_INIT                                                                           \
	{                                                                                          \
		NULL, NULL                                                                         \
	}

/* Free both PEMs and reset to CK_PKI_PAIR_INIT; NULL-safe. */
void ck_pki_pair_release(struct ck_pki_pair *p);

struct ck_pki_config {
	/*
	 * Extra subject alternative names for the serving certificate, NULL-terminated (NULL
	 * for none): every address and name clients use to reach this server. Each entry that
	 * parses as an IPv4 or IPv6 address becomes an IP SAN, any other a DNS name (letters,
	 * digits, '-', '.', an optional leading "*."). localhost, 127.0.0.1 and the kubernetes
	 * Service names are always added.
	 */
	const char *const *sans;
	int serving_days; /* lifetime of a new serving certificate; 0 means 365 */
	int client_days;  /* lifetime of a new admin certificate; 0 means 365 */
	int renew_days;   /* re-issue a certificate with fewer days left; 0 means 30 */
};

/* What ck_pki_ensure did, in struct ck_pki.changes. */
enum {
	CK_PKI_CREATED_CA = 1 << 0,
	CK_PKI_ISSUED_SERVING = 1 << 1,
	CK_PKI_ISSUED_ADMIN = 1 << 2,
};

/*
 * A loaded, verified file set. Fields are read-only for callers; ck_pki_free releases them.
 * ca.key_pem is the CA's private key: give it only to a joining control-plane member.
 */
struct ck_pki {
	char *dir;                  /* DIR/pki */
	struct ck_pki_pair ca;      /* the CA, as on disk */
	struct ck_pki_pair serving; /* the API server's serving certificate */
	struct ck_pki_pair admin;   /* the admin's client certificate */
	unsigned changes;           /* CK_PKI_* bits: what this ensure created or re-issued */
	X509 *ca_cert;              /* parsed ca.cert_pem; borrowed by callers, never freed */
	EVP_PKEY *ca_key;           /* parsed ca.key_pem; likewise */
	/*
	 * The service-account signing key (ECDSA P-256, PKCS#8 PEM): the API server signs
	 * TokenRequest tokens with it (K8S: --service-account-signing-key-file; kubeadm's
	 * sa.key), verifiers use sa.pub. Owned.
	 */
	char *sa_key_pem;
	int client_days; /* default lifetime for ck_pki_issue_client */
};

/*
 * Load the file set under DIR/pki, creating what is missing: on first start the CA, the
 * serving and the admin certificates. On later starts the set is reused; the serving
 * certificate is re-issued from the existing CA when it lacks a configured SAN or has fewer
 * than renew_days left, and the admin certificate when it has fewer than renew_days left.
 * The CA is never overwritten. DIR and DIR/pki are created (0700) if missing.
 *
 * Rejects with an error, before writing anything: an invalid SAN or negative lifetime
 * (400); an unreadable or unparsable file, a key that does not match its certificate, a
 * certificate not signed by the CA, a CA certificate without CA:TRUE, an expired CA, a
 * certificate or key without its partner, certificates without a CA (500). The message
 * names the file; the operator restores it from a backup (or removes DIR/pki to start a new
 * cluster).
 *
 * Returns 0 with *out set (free with ck_pki_free), or -1 with *err. Blocking (file I/O,
 * fsync, key generation): call before serving or from a worker thread, never from a loop.
 * The caller holds DIR's lock: two ensures on one directory must not run at once.
 */
int ck_pki_ensure(const char *dir, const struct ck_pki_config *cfg, struct ck_pki **out,
                  struct ck_error **err);

/* Free a file set and everything it owns; NULL-safe. */
void ck_pki_free(struct ck_pki *pki);

/*
 * Issue a client certificate signed by pki's CA: subject O=<each group>, CN=<user>, EKU
 * clientAuth, a fresh ECDSA P-256 key, valid for days (0: pki->client_days), never past
 * the CA's own expiry. For a node: user CK_PKI_NODE_USER_PREFIX "<name>", groups
 * { CK_PKI_NODES_GROUP, NULL }.
 *
 * Rejects (400) an empty user, a user or group with control characters or invalid UTF-8,
 * a negative lifetime. groups is NULL-terminated and may be NULL. Returns 0 with *out
 * filled (release with ck_pki_pair_release), or -1 with *err. Nothing is written to disk.
 * CPU only (a key generation, a signature): any thread; pki is only read.
 */
int ck_pki_issue_client(const struct ck_pki *pki, const char *user, const char *const *groups,
                        int days, struct ck_pki_pair *out, struct ck_error **err);

/*
 * The CA pin a join token carries: "sha256:" and the lowercase hex SHA-256 of the first
 * certificate's DER SubjectPublicKeyInfo in ca_pem.
 * K8S: kubeadm's --discovery-token-ca-cert-hash is exactly this (RFC 7469 SPKI pin), so
 * `openssl x509 -pubkey -noout -in ca.crt | openssl pkey -pubin -outform DER |
 * openssl dgst -sha256` agrees.
 * Returns a malloc'ed string (caller frees), or NULL with a 400 *err when ca_pem holds no
 * certificate. Any thread.
 */
char *ck_pki_ca_hash(const char *ca_pem, struct ck_error **err);

/* Who a client certificate says its holder is. */
struct ck_pki_identity {
	char *user;    /* owned: the subject's CommonName */
	char **groups; /* owned, NULL-terminated: every Organization value in order */
	size_t ngroups;
};

#define CK_PKI_IDENTITY_INIT                                                                       \
	{                                                                                          \
		NULL, NULL, 0                                                                      \
	}

/* Free the contents and reset to CK_PKI_IDENTITY_INIT; NULL-safe. */
void ck_pki_identity_release(struct ck_pki_identity *id);

/*
 * Read the user and groups from a certificate's subject, without verifying it (see
 * ck_pki_peer_identity for a TLS peer).
 * K8S: the user is the subject's CommonName (the last CN when there are several, as Go's
 * pkix.Name keeps it) and the groups are all its Organization values.
 * Returns 1 with *out filled (release with ck_pki_identity_release); 0 when the subject
 * has no or an empty CN (K8S: the x509 authenticator then does not authenticate the
 * request, which goes on as anonymous); -1 with a 401 *err when a CN or O is not valid
 * UTF-8 text. Any thread.
 */
int ck_pki_cert_identity(X509 *cert, struct ck_pki_identity *out, struct ck_error **err);

/*
 * The identity of the client on a server connection made from ck_pki_server_ctx_new's
 * context, after the handshake. Returns 0 when the client sent no certificate (anonymous);
 * 1 with *out filled when it sent one the CA verified; -1 with a 401 Unauthorized *err when
 * it sent one that did not verify (wrong CA, expired, not for clientAuth).
 * K8S: kube-apiserver accepts such a connection (tls.RequestClientCert) and answers its
 * requests 401; it does not drop the handshake.
 * The only correct way to read a client's certificate: the context accepts unverified ones,
 * so SSL_get0_peer_certificate alone is not proof of anything. Runs on the connection's loop.
 */
int ck_pki_peer_identity(const SSL *ssl, struct ck_pki_identity *out, struct ck_error **err);

/*
 * A TLS context for serving HTTPS: TLS 1.2 or later, the certificate in cert_pem (followed
 * by any intermediates) with key_pem, and a request — not a requirement — for a client
 * certificate issued by a CA in ca_pem (one or more PEM certificates, also advertised as
 * acceptable CAs). Clients without a certificate complete the handshake and are anonymous
 * (K8S: they may still reach /livez, /readyz, /healthz and /version); clients with one are
 * verified during the handshake and the result read with ck_pki_peer_identity.
 * Returns a new context (SSL_CTX_free), or NULL with *err when a PEM does not parse or the
 * key does not match. Any thread; the context is shared read-only by connections.
 */
SSL_CTX *ck_pki_server_ctx_new(const char *ca_pem, const char *cert_pem, const char *key_pem,
                               struct ck_error **err);

/*
 * A TLS context for dialling a ckube server: TLS 1.2 or later, trusting only the CAs in
 * ca_pem (never the system store), presenting cert_pem/key_pem when given (both or
 * neither). The server's certificate must verify; call ck_pki_ssl_set_host on each
 * connection so that its name or address is checked too. Returns a new context
 * (SSL_CTX_free), or NULL with *err. Any thread.
 */
SSL_CTX *ck_pki_client_ctx_new(const char *ca_pem, const char *cert_pem, const char *key_pem,
                               struct ck_error **err);

/*
 * Make a client connection check that the server's certificate names host: an IP SAN when
 * host is an IPv4/IPv6 address (no brackets), else a DNS SAN, which is also sent as SNI.
 * Returns 0, or -1 with a 400 *err for an empty host. Before the handshake; its loop.
 */
int ck_pki_ssl_set_host(SSL *ssl, const char *host, struct ck_error **err);

/* What a kubeconfig file holds: one cluster, one user, one context. */
struct ck_pki_kubeconfig {
	const char *server;   /* required: "https://host:port" */
	const char *cluster;  /* required: the cluster's name in the file */
	const char *user;     /* required: the user's name in the file */
	const char *ca_pem;   /* required */
	const char *cert_pem; /* required */
	const char *key_pem;  /* required */
};

/*
 * Append a kubeconfig (YAML, the shape kubeadm's admin.conf has) to out: the cluster with
 * certificate-authority-data, the user with client-certificate-data and client-key-data
 * (base64 of the PEMs), a context named "<user>@<cluster>" and current-context set to it.
 * Names and the URL are quoted wherever YAML would read them as anything but a string.
 * Returns 0, or -1 with a 400 *err when a field is missing or server is not https://.
 * Any thread.
 */
int ck_pki_format_kubeconfig(const struct ck_pki_kubeconfig *kc, struct ck_buf *out,
                             struct ck_error **err);

/*
 * Write ck_pki_format_kubeconfig's output to path, mode 0600, atomically (a temporary file
 * beside it, fsync, rename), replacing any file there. The directory must exist.
 * Returns 0, or -1 with *err. Blocking (fsync): not from a loop.
 */
int ck_pki_write_kubeconfig(const char *path, const struct ck_pki_kubeconfig *kc,
                            struct ck_error **err);

#endif
