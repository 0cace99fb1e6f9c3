/*
 * TLS contexts made from the cluster PKI: the API server's (and later the agent's) serving
 * context, which asks for but does not require a client certificate, and the client
 * context every component dials a server with. Also the per-connection pieces: the name
 * a client expects the server's certificate to carry, and the identity a server reads from
 * the client's verified certificate.
 */
#include <arpa/inet.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

#include "base/compat.h"

#include "base/mem.h"
#include "pki/pki-int.h"
#include "pki/pki.h"

/*
 * TLS 1.2 suites with forward secrecy and AEAD only, the set Go's crypto/tls (kubectl,
 * client-go, etcd) prefers; TLS 1.3 suites are OpenSSL's defaults, all of them good.
 */
#define TLS12_CIPHERS "ECDHE+AESGCM:ECDHE+CHACHA20"

/* Any value: it only has to be set for session resumption with client certificates. */
#define SESSION_ID_CONTEXT "ckube"

static SSL_CTX *new_ctx(const SSL_METHOD *method, struct ck_error **err)
{
	SSL_CTX *ctx = SSL_CTX_new(method);

	if (!ctx || !SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION) ||
	    !SSL_CTX_set_cipher_list(ctx, TLS12_CIPHERS)) {
		SSL_CTX_free(ctx);
		ck_pki_ssl_error(err, 500, "cannot create a TLS context");
		return NULL;
	}
	/* Idle connections (watches) hold no buffers: ckube counts its memory. */
	SSL_CTX_set_mode(ctx, SSL_MODE_RELEASE_BUFFERS);
	SSL_CTX_set_options(ctx, SSL_OP_NO_RENEGOTIATION);
	return ctx;
}

/* Trust every certificate in ca_pem (and, on a server, name them as acceptable CAs). */
static int trust_cas(SSL_CTX *ctx, const char *ca_pem, bool advertise, struct ck_error **err)
{
	X509_STORE *store = SSL_CTX_get_cert_store(ctx);
	BIO *bio = BIO_new_mem_buf(ca_pem, -1);
	int n = 0;
	X509 *ca;

	while (bio && (ca = PEM_read_bio_X509(bio, NULL, NULL, NULL))) {
		/*
		 * The acceptable-CA list matters: Go's client sends its certificate only when
		 * its issuer is on the list (or the list is empty).
		 */
		bool ok = X509_STORE_add_cert(store, ca) &&
		          (!advertise || SSL_CTX_add_client_CA(ctx, ca));

		X509_free(ca);
		if (!ok) {
			BIO_free(bio);
			return ck_pki_ssl_error(err, 500,
			                        "cannot add a CA certificate to the TLS context");
		}
		n++;
	}
	BIO_free(bio);
	if (n == 0)
		return ck_pki_ssl_error(err, 500, "cannot parse the CA certificate");
	ERR_clear_error(); /* the end of the PEM text */
	return 0;
}

/* Present the first certificate in cert_pem (intermediates after it) with key_pem. */
static int use_pair(SSL_CTX *ctx, const char *cert_pem, const char *key_pem, struct ck_error **err)
{
	BIO *bio = BIO_new_mem_buf(cert_pem, -1);
	X509 *cert = bio ? PEM_read_bio_X509(bio, NULL, NULL, NULL) : NULL;
	EVP_PKEY *key;
	int ok;

	if (!cert || !SSL_CTX_use_certificate(ctx, cert)) {
		X509_free(cert);
		BIO_free(bio);
		return ck_pki_ssl_error(err, 500, "cannot use the TLS certificate");
	}
	X509_free(cert);
	while ((cert = PEM_read_bio_X509(bio, NULL, NULL, NULL)))
		if (!SSL_CTX_add0_chain_cert(ctx, cert)) {
			X509_free(cert);
			BIO_free(bio);
			return ck_pki_ssl_error(err, 500, "cannot add an intermediate certificate");
		}
	BIO_free(bio);
	ERR_clear_error(); /* the end of the PEM text */
	key = ck_pki_parse_key(key_pem, -1, "for TLS", err);
	if (!key)
		return -1;
	ok = SSL_CTX_use_PrivateKey(ctx, key) && SSL_CTX_check_private_key(ctx);
	EVP_PKEY_free(key);
	if (!ok)
		return ck_pki_ssl_error(err, 500,
		                        "the TLS private key does not match the certificate");
	return 0;
}

/*
 * Let the handshake go on whatever the client certificate's verification found: the
 * result stays in SSL_get_verify_result for ck_pki_peer_identity (nginx's "ssl_verify_client
 * optional" works the same way).
 * K8S: kube-apiserver uses tls.RequestClientCert and verifies in its x509 authenticator,
 * so a bad certificate gets 401 Unauthorized, not a failed handshake.
 */
static int accept_for_later(int ok, X509_STORE_CTX *store)
{
	(void)ok, (void)store;
	return 1;
}

SSL_CTX *ck_pki_server_ctx_new(const char *ca_pem, const char *cert_pem, const char *key_pem,
                               struct ck_error **err)
{
	SSL_CTX *ctx;

	CK_BUG_ON(!ca_pem || !cert_pem || !key_pem);
	ctx = new_ctx(TLS_server_method(), err);
	if (!ctx)
		return NULL;
	if (trust_cas(ctx, ca_pem, true, err) < 0 || use_pair(ctx, cert_pem, key_pem, err) < 0 ||
	    !SSL_CTX_set_session_id_context(ctx, (const unsigned char *)SESSION_ID_CONTEXT,
	                                    sizeof(SESSION_ID_CONTEXT) - 1) ||
	    /* K8S: the x509 authenticator requires the clientAuth usage (or none). */
	    !X509_VERIFY_PARAM_set_purpose(SSL_CTX_get0_param(ctx), X509_PURPOSE_SSL_CLIENT)) {
		if (err && !*err)
			ck_pki_ssl_error(err, 500, "cannot set up the serving TLS context");
		SSL_CTX_free(ctx);
		return NULL;
	}
	/* Ask for a certificate; without SSL_VERIFY_FAIL_IF_NO_PEER_CERT, none is fine. */
	SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, accept_for_later);
	return ctx;
}

SSL_CTX *ck_pki_client_ctx_new(const char *ca_pem, const char *cert_pem, const char *key_pem,
                               struct ck_error **err)
{
	SSL_CTX *ctx;

	CK_BUG_ON(!ca_pem || !cert_pem != !key_pem);
	ctx = new_ctx(TLS_client_method(), err);
	if (!ctx)
		return NULL;
	if (trust_cas(ctx, ca_pem, false, err) < 0 ||
	    (cert_pem && use_pair(ctx, cert_pem, key_pem, err) < 0) ||
	    !X509_VERIFY_PARAM_set_purpose(SSL_CTX_get0_param(ctx), X509_PURPOSE_SSL_SERVER)) {
		if (err && !*err)
			ck_pki_ssl_error(err, 500, "cannot set up the client TLS context");
		SSL_CTX_free(ctx);
		return NULL;
	}
	SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, NULL);
	return ctx;
}

int ck_pki_ssl_set_host(SSL *ssl, const char *host, struct ck_error **err)
{
	unsigned char addr[16];
	bool ip = inet_pton(AF_INET, host, addr) == 1 || inet_pton(AF_INET6, host, addr) == 1;

	if (!*host)
		return ck_error_set(err, 400, CK_REASON_BAD_REQUEST, "empty TLS server name");
	if (ip) {
		/* An address is matched against IP SANs and never sent as SNI (RFC 6066). */
		if (!X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), host))
			return ck_pki_ssl_error(err, 500, "cannot expect TLS server address '%s'",
			                        host);
		return 0;
	}
	if (!SSL_set1_host(ssl, host) || !SSL_set_tlsext_host_name(ssl, host))
		return ck_pki_ssl_error(err, 500, "cannot expect TLS server name '%s'", host);
	return 0;
}

int ck_pki_peer_identity(const SSL *ssl, struct ck_pki_identity *out, struct ck_error **err)
{
	X509 *peer = SSL_get0_peer_certificate(ssl);
	long verify;

	if (!peer)
		return 0;
	verify = SSL_get_verify_result(ssl);
	if (verify != X509_V_OK)
		return ck_error_set(err, 401, CK_REASON_UNAUTHORIZED,
		                    "client certificate rejected: %s",
		                    X509_verify_cert_error_string(verify));
	return ck_pki_cert_identity(peer, out, err);
}
