/*
 * The pki module's private parts, shared by its files (pki.c: the file set; pki-cert.c:
 * keys, certificates and identities; pki-tls.c: TLS contexts; pki-kubeconfig.c). Not for
 * other modules: they use pki.h.
 */
#ifndef CK_PKI_PKI_INT_H
#define CK_PKI_PKI_INT_H

#include <openssl/evp.h>
#include <openssl/x509.h>
#include <sys/stat.h>

#include "base/compat.h"

#include "base/error.h"

#define CK_PKI_CA_DAYS      3650 /* ten years */
#define CK_PKI_LEAF_DAYS    365
#define CK_PKI_RENEW_DAYS   30
#define CK_PKI_MAX_PEM_SIZE (1024 * 1024)

/*
 * Set *err to http_status and "<fmt...>: <OpenSSL's reason for the latest error>", and
 * empty OpenSSL's thread-local error queue so the next call starts clean. Returns -1.
 */
int ck_pki_ssl_error(struct ck_error **err, int http_status, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));

/*
 * Write len bytes to path atomically: a new "<path>.tmp" (O_EXCL, after removing a stale
 * one), chmod mode, write, fsync, rename over path, fsync the directory. With noreplace the
 * rename fails with EEXIST instead of replacing an existing path. Returns 0 or -1 with *err.
 */
int ck_pki_write_file(const char *path, const void *data, size_t len, mode_t mode, bool noreplace,
                      struct ck_error **err);

/* A subject alternative name the serving certificate must carry. */
struct ck_pki_san {
	int type;             /* GEN_DNS or GEN_IPADD */
	const char *text;     /* as configured; borrowed */
	unsigned char ip[16]; /* GEN_IPADD: network order */
	size_t iplen;         /* 4 or 16 */
};

/* Classify and check s (an IP address or DNS name). Returns 0, or -1 with a 400 *err. */
int ck_pki_san_parse(const char *s, struct ck_pki_san *out, struct ck_error **err);

/* Whether cert's subjectAltName holds san (DNS names compared without case). */
bool ck_pki_cert_has_san(X509 *cert, const struct ck_pki_san *san);

/* What to put in a certificate signed by the CA. */
struct ck_pki_leaf {
	const char *cn;
	const char *const *orgs; /* NULL-terminated, may be NULL */
	bool server;             /* serverAuth (with sans) rather than clientAuth */
	const struct ck_pki_san *sans;
	size_t nsans;
	int days; /* clamped to the CA's expiry */
};

/* A new self-signed CA (cert and key), valid for days. Returns 0 or -1 with *err. */
int ck_pki_new_ca(const char *cn, int days, X509 **cert, EVP_PKEY **key, struct ck_error **err);

/* A new ECDSA P-256 key and a certificate for it signed by ca. Returns 0 or -1 with *err. */
int ck_pki_new_leaf(X509 *ca, EVP_PKEY *ca_key, const struct ck_pki_leaf *leaf, X509 **cert,
                    EVP_PKEY **key, struct ck_error **err);

/* Check UTF-8 text without control characters, for subject names. */
bool ck_pki_valid_text(const char *s);

/*
 * Parse the first certificate / private key in pem (len bytes, or -1 for a string); the
 * 500 error says "cannot parse certificate <what>: <reason>". Encrypted keys are refused
 * rather than prompting for a passphrase.
 */
X509 *ck_pki_parse_cert(const char *pem, int len, const char *what, struct ck_error **err);
EVP_PKEY *ck_pki_parse_key(const char *pem, int len, const char *what, struct ck_error **err);

/* A fresh ECDSA P-256 key (EVP_PKEY_free), or NULL with a 500 *err. */
EVP_PKEY *ck_pki_new_key(struct ck_error **err);

/* PEM text (malloc'ed) of a certificate / of a key as unencrypted PKCS#8; aborts on OOM. */
char *ck_pki_cert_to_pem(X509 *cert);
char *ck_pki_key_to_pem(EVP_PKEY *key);

/* Whole days from now until cert's notAfter (negative once expired; INT_MIN if unknown). */
int ck_pki_days_left(const X509 *cert);

#endif
