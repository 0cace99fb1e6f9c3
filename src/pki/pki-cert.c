/*
 * Keys, certificates and identities for the pki module: generating the CA and the
 * certificates it signs, the subject alternative names of the serving certificate, PEM
 * in and out, the identity (CN user, O groups) in a client certificate, and the CA hash
 * that join tokens pin. Nothing here touches the disk; see pki.c for the file set.
 */
#include <arpa/inet.h>
#include <limits.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <strings.h>

#include "base/compat.h"

#include "base/mem.h"
#include "pki/pki-int.h"
#include "pki/pki.h"

/* Issue certificates valid from a few minutes ago, for clocks a little behind ours. */
#define BACKDATE_SECONDS (5 * 60)

int ck_pki_ssl_error(struct ck_error **err, int http_status, const char *fmt, ...)
{
	unsigned long e = ERR_peek_last_error();
	const char *why = e ? ERR_reason_error_string(e) : NULL;
	char *msg;
	va_list ap;

	va_start(ap, fmt);
	msg = ck_xvasprintf(fmt, ap);
	va_end(ap);
	ERR_clear_error();
	ck_error_set(err, http_status, NULL, "%s: %s", msg,
	             why ? why : "no reason given by OpenSSL");
	free(msg);
	return -1;
}

bool ck_pki_valid_text(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	while (*p) {
		unsigned c = *p, n, cp, i;

		if (c < 0x80) {
			if (c < 0x20 || c == 0x7f)
				return false;
			p++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf)
			n = 1, cp = c & 0x1f;
		else if (c >= 0xe0 && c <= 0xef)
			n = 2, cp = c & 0x0f;
		else if (c >= 0xf0 && c <= 0xf4)
			n = 3, cp = c & 0x07;
		else
			return false;
		for (i = 1; i <= n; i++) {
			if ((p[i] & 0xc0) != 0x80)
				return false;
			cp = (cp << 6) | (p[i] & 0x3f);
		}
		/* Overlong three- and four-byte forms, UTF-16 surrogates, beyond U+10FFFF. */
		if ((n == 2 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
		    (n == 3 && (cp < 0x10000 || cp > 0x10ffff)))
			return false;
		p += n + 1;
	}
	return true;
}

/* Letters, digits and '-' in labels of 1..63, 253 in all, an optional leading "*." label. */
static bool valid_dns_name(const char *s)
{
	size_t label = 0, total = strlen(s);
	const char *p = s;

	if (total == 0 || total > 253)
		return false;
	if (p[0] == '*' && p[1] == '.' && p[2])
		p += 2;
	for (; *p; p++) {
		char c = *p;

		if (c == '.') {
			if (label == 0)
				return false;
			label = 0;
			continue;
		}
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      c == '-'))
			return false;
		if (++label > 63)
			return false;
	}
	return label > 0;
}

int ck_pki_san_parse(const char *s, struct ck_pki_san *out, struct ck_error **err)
{
	memset(out, 0, sizeof(*out));
	out->text = s;
	if (inet_pton(AF_INET, s, out->ip) == 1) {
		out->type = GEN_IPADD;
		out->iplen = 4;
		return 0;
	}
	if (inet_pton(AF_INET6, s, out->ip) == 1) {
		out->type = GEN_IPADD;
		out->iplen = 16;
		return 0;
	}
	if (!valid_dns_name(s))
		return ck_error_set(err, 400, CK_REASON_BAD_REQUEST,
		                    "invalid subject alternative name '%s': not an IP address "
		                    "or DNS name",
		                    s);
	out->type = GEN_DNS;
	return 0;
}

bool ck_pki_cert_has_san(X509 *cert, const struct ck_pki_san *san)
{
	GENERAL_NAMES *gens = X509_get_ext_d2i(cert, NID_subject_alt_name, NULL, NULL);
	bool found = false;
	int i;

	for (i = 0; gens && i < sk_GENERAL_NAME_num(gens) && !found; i++) {
		const GENERAL_NAME *gn = sk_GENERAL_NAME_value(gens, i);
		int type;
		const ASN1_STRING *v = GENERAL_NAME_get0_value(gn, &type);
		size_t len = (size_t)ASN1_STRING_length(v);
		const unsigned char *data = ASN1_STRING_get0_data(v);

		if (type != san->type)
			continue;
		if (type == GEN_IPADD)
			found = len == san->iplen && memcmp(data, san->ip, len) == 0;
		else
			found = len == strlen(san->text) &&
			        strncasecmp((const char *)data, san->text, len) == 0;
	}
	GENERAL_NAMES_free(gens);
	return found;
}

X509 *ck_pki_parse_cert(const char *pem, int len, const char *what, struct ck_error **err)
{
	BIO *bio = BIO_new_mem_buf(pem, len);
	X509 *x = bio ? PEM_read_bio_X509(bio, NULL, NULL, NULL) : NULL;

	BIO_free(bio);
	if (!x)
		ck_pki_ssl_error(err, 500, "cannot parse certificate %s", what);
	return x;
}

static int no_passphrase(char *buf, int size, int rwflag, void *u)
{
	(void)buf, (void)size, (void)rwflag, (void)u;
	return -1;
}

EVP_PKEY *ck_pki_parse_key(const char *pem, int len, const char *what, struct ck_error **err)
{
	BIO *bio = BIO_new_mem_buf(pem, len);
	EVP_PKEY *k = bio ? PEM_read_bio_PrivateKey(bio, NULL, no_passphrase, NULL) : NULL;

	BIO_free(bio);
	if (!k) {
		/* OpenSSL 3's decoders say only "unsupported": say what was expected instead. */
		ERR_clear_error();
		ck_error_set(err, 500, NULL,
		             "cannot parse private key %s: not an unencrypted PEM private key",
		             what);
	}
	return k;
}

static char *bio_to_string(BIO *bio)
{
	char *data;
	long len = BIO_get_mem_data(bio, &data);
	char *s = ck_xstrndup(data, (size_t)len);

	BIO_free(bio);
	return s;
}

char *ck_pki_cert_to_pem(X509 *cert)
{
	BIO *bio = BIO_new(BIO_s_mem());

	if (!bio || !PEM_write_bio_X509(bio, cert))
		CK_BUG("cannot write a certificate to memory");
	return bio_to_string(bio);
}

char *ck_pki_key_to_pem(EVP_PKEY *key)
{
	BIO *bio = BIO_new(BIO_s_mem());

	/* PKCS#8 ("BEGIN PRIVATE KEY"): what Go's tls.X509KeyPair, etcd and kubectl read. */
	if (!bio || !PEM_write_bio_PrivateKey(bio, key, NULL, NULL, 0, NULL, NULL))
		CK_BUG("cannot write a private key to memory");
	return bio_to_string(bio);
}

int ck_pki_days_left(const X509 *cert)
{
	int days, secs;

	if (!ASN1_TIME_diff(&days, &secs, NULL, X509_get0_notAfter(cert)))
		return INT_MIN;
	return days - (secs < 0);
}

/*
 * ECDSA P-256 for every key ckube generates: a key is made in about a millisecond (RSA-2048
 * takes tens to hundreds), signatures and handshakes are smaller and cheaper, and it is the
 * curve every client in play accepts — Go's crypto/tls in kubectl, client-go and etcd,
 * Python's ssl, curl, and kubeadm itself (ClusterConfiguration encryptionAlgorithm
 * ECDSA-P256).
 */
static EVP_PKEY *new_key(struct ck_error **err)
{
	EVP_PKEY *k = EVP_PKEY_Q_keygen(NULL, NULL, "EC", "P-256");

	if (!k)
		ck_pki_ssl_error(err, 500, "cannot generate an ECDSA P-256 key");
	return k;
}

EVP_PKEY *ck_pki_new_key(struct ck_error **err)
{
	return new_key(err);
}

static X509_NAME *new_name(const char *cn, const char *const *orgs, struct ck_error **err)
{
	X509_NAME *name = X509_NAME_new();
	size_t i;

	/*
	 * V_ASN1_UTF8STRING, not MBSTRING_UTF8: the latter enforces X.520's 64-character
	 * bound on CN, which "system:node:<253-character node name>" exceeds; Go and
	 * Kubernetes impose no such bound. The text was checked to be UTF-8 already. O before
	 * CN, the order Go (and so kubeadm) writes a subject in.
	 */
	for (i = 0; name && orgs && orgs[i]; i++)
		if (!X509_NAME_add_entry_by_NID(name, NID_organizationName, V_ASN1_UTF8STRING,
		                                (const unsigned char *)orgs[i], -1, -1, 0))
			goto fail;
	if (name && X509_NAME_add_entry_by_NID(name, NID_commonName, V_ASN1_UTF8STRING,
	                                       (const unsigned char *)cn, -1, -1, 0))
		return name;
fail:
	X509_NAME_free(name);
	ck_pki_ssl_error(err, 500, "cannot build the subject name for '%s'", cn);
	return NULL;
}

static int add_ext(X509 *cert, X509 *issuer, int nid, const char *value, struct ck_error **err)
{
	X509V3_CTX ctx;
	X509_EXTENSION *ext;
	int ok;

	X509V3_set_ctx(&ctx, issuer, cert, NULL, NULL, 0);
	ext = X509V3_EXT_nconf_nid(NULL, &ctx, nid, value);
	ok = ext && X509_add_ext(cert, ext, -1);
	X509_EXTENSION_free(ext);
	if (!ok)
		return ck_pki_ssl_error(err, 500, "cannot add extension %s = '%s'", OBJ_nid2sn(nid),
		                        value);
	return 0;
}

static int add_sans(X509 *cert, const struct ck_pki_san *sans, size_t n, struct ck_error **err)
{
	GENERAL_NAMES *gens = sk_GENERAL_NAME_new_null();
	bool ok = gens != NULL;
	size_t i;

	for (i = 0; ok && i < n; i++) {
		GENERAL_NAME *gn = GENERAL_NAME_new();
		ASN1_STRING *v =
		        sans[i].type == GEN_IPADD ? ASN1_OCTET_STRING_new() : ASN1_IA5STRING_new();

		ok = gn && v;
		if (ok && sans[i].type == GEN_IPADD)
			ok = ASN1_OCTET_STRING_set(v, sans[i].ip, (int)sans[i].iplen);
		else if (ok)
			ok = ASN1_STRING_set(v, sans[i].text, -1);
		if (ok) {
			GENERAL_NAME_set0_value(gn, sans[i].type, v);
			v = NULL;
			ok = sk_GENERAL_NAME_push(gens, gn) > 0;
			if (ok)
				gn = NULL;
		}
		ASN1_STRING_free(v);
		GENERAL_NAME_free(gn);
	}
	if (ok)
		ok = X509_add1_ext_i2d(cert, NID_subject_alt_name, gens, 0, X509V3_ADD_DEFAULT) ==
		     1;
	GENERAL_NAMES_free(gens);
	if (!ok)
		return ck_pki_ssl_error(err, 500, "cannot add subject alternative names");
	return 0;
}

/*
 * A version 3 certificate for key with subject name (taken over), issued by issuer (NULL:
 * self-issued), valid from a few minutes ago for days but never past the issuer's expiry,
 * with a random serial: 159 bits with the top one set, positive and within RFC 5280's 20
 * octets, so certificates re-issued by one CA never share a serial.
 */
static X509 *new_cert(X509_NAME *name, EVP_PKEY *key, X509 *issuer, int days, struct ck_error **err)
{
	X509 *cert = X509_new();
	BIGNUM *bn = BN_new();
	ASN1_INTEGER *serial = NULL;
	bool ok;

	ok = cert && bn && X509_set_version(cert, X509_VERSION_3) &&
	     BN_rand(bn, 159, BN_RAND_TOP_ONE, BN_RAND_BOTTOM_ANY) &&
	     (serial = BN_to_ASN1_INTEGER(bn, NULL)) && X509_set_serialNumber(cert, serial) &&
	     X509_set_subject_name(cert, name) &&
	     X509_set_issuer_name(cert, issuer ? X509_get_subject_name(issuer) : name) &&
	     X509_set_pubkey(cert, key) &&
	     X509_gmtime_adj(X509_getm_notBefore(cert), -BACKDATE_SECONDS) &&
	     X509_time_adj_ex(X509_getm_notAfter(cert), days, 0, NULL);
	if (ok && issuer &&
	    ASN1_TIME_compare(X509_get0_notAfter(cert), X509_get0_notAfter(issuer)) > 0)
		ok = X509_set1_notAfter(cert, X509_get0_notAfter(issuer));
	ASN1_INTEGER_free(serial);
	BN_free(bn);
	X509_NAME_free(name);
	if (!ok) {
		X509_free(cert);
		ck_pki_ssl_error(err, 500, "cannot build a certificate");
		return NULL;
	}
	return cert;
}

static int sign(X509 *cert, EVP_PKEY *key, struct ck_error **err)
{
	/* SHA-256 suits P-256 and an RSA CA an operator may have brought along. */
	if (X509_sign(cert, key, EVP_sha256()) <= 0)
		return ck_pki_ssl_error(err, 500, "cannot sign a certificate");
	return 0;
}

int ck_pki_new_ca(const char *cn, int days, X509 **cert_out, EVP_PKEY **key_out,
                  struct ck_error **err)
{
	EVP_PKEY *key = new_key(err);
	X509_NAME *name = key ? new_name(cn, NULL, err) : NULL;
	X509 *cert = name ? new_cert(name, key, NULL, days, err) : NULL;

	if (!cert || add_ext(cert, cert, NID_basic_constraints, "critical,CA:TRUE", err) < 0 ||
	    add_ext(cert, cert, NID_key_usage, "critical,keyCertSign,cRLSign", err) < 0 ||
	    add_ext(cert, cert, NID_subject_key_identifier, "hash", err) < 0 ||
	    sign(cert, key, err) < 0) {
		X509_free(cert);
		EVP_PKEY_free(key);
		return -1;
	}
	*cert_out = cert;
	*key_out = key;
	return 0;
}

int ck_pki_new_leaf(X509 *ca, EVP_PKEY *ca_key, const struct ck_pki_leaf *leaf, X509 **cert_out,
                    EVP_PKEY **key_out, struct ck_error **err)
{
	EVP_PKEY *key = new_key(err);
	X509_NAME *name = key ? new_name(leaf->cn, leaf->orgs, err) : NULL;
	X509 *cert = name ? new_cert(name, key, ca, leaf->days, err) : NULL;

	/* digitalSignature alone: an ECDSA key signs the ECDHE exchange, it never decrypts. */
	if (!cert || add_ext(cert, ca, NID_basic_constraints, "critical,CA:FALSE", err) < 0 ||
	    add_ext(cert, ca, NID_key_usage, "critical,digitalSignature", err) < 0 ||
	    add_ext(cert, ca, NID_ext_key_usage, leaf->server ? "serverAuth" : "clientAuth", err) <
	            0 ||
	    add_ext(cert, ca, NID_subject_key_identifier, "hash", err) < 0 ||
	    add_ext(cert, ca, NID_authority_key_identifier, "keyid:always", err) < 0 ||
	    (leaf->nsans && add_sans(cert, leaf->sans, leaf->nsans, err) < 0) ||
	    sign(cert, ca_key, err) < 0) {
		X509_free(cert);
		EVP_PKEY_free(key);
		return -1;
	}
	*cert_out = cert;
	*key_out = key;
	return 0;
}

void ck_pki_pair_release(struct ck_pki_pair *p)
{
	if (!p)
		return;
	free(p->cert_pem);
	free(p->key_pem);
	p->cert_pem = NULL;
	p->key_pem = NULL;
}

int ck_pki_issue_client(const struct ck_pki *pki, const char *user, const char *const *groups,
                        int days, struct ck_pki_pair *out, struct ck_error **err)
{
	struct ck_pki_leaf leaf = {.cn = user, .orgs = groups, .server = false};
	X509 *cert;
	EVP_PKEY *key;
	size_t i;

	CK_BUG_ON(!pki || !pki->ca_cert || !user || !out);
	if (!*user || !ck_pki_valid_text(user))
		return ck_error_set(err, 400, CK_REASON_BAD_REQUEST,
		                    "invalid user name for a client certificate: %s",
		                    *user ? "control characters or invalid UTF-8" : "empty");
	for (i = 0; groups && groups[i]; i++)
		if (!*groups[i] || !ck_pki_valid_text(groups[i]))
			return ck_error_set(err, 400, CK_REASON_BAD_REQUEST,
			                    "invalid group for client certificate '%s': %s", user,
			                    *groups[i] ? "control characters or invalid UTF-8"
			                               : "empty");
	if (days < 0)
		return ck_error_set(err, 400, CK_REASON_BAD_REQUEST,
		                    "invalid lifetime for client certificate '%s': %d days", user,
		                    days);
	leaf.days = days ? days : pki->client_days;
	if (ck_pki_new_leaf(pki->ca_cert, pki->ca_key, &leaf, &cert, &key, err) < 0)
		return ck_error_wrap(err, "cannot issue client certificate '%s'", user);
	out->cert_pem = ck_pki_cert_to_pem(cert);
	out->key_pem = ck_pki_key_to_pem(key);
	X509_free(cert);
	EVP_PKEY_free(key);
	return 0;
}

char *ck_pki_ca_hash(const char *ca_pem, struct ck_error **err)
{
	struct ck_error *perr = NULL;
	X509 *ca = ck_pki_parse_cert(ca_pem, -1, "of the CA", &perr);
	unsigned char *der = NULL, md[EVP_MAX_MD_SIZE];
	unsigned int mdlen = 0, i;
	struct ck_buf b = CK_BUF_INIT;
	int len;

	if (!ca) {
		ck_error_set(err, 400, CK_REASON_BAD_REQUEST, "%s", perr->msg);
		ck_error_free(perr);
		return NULL;
	}
	/* K8S: kubeadm pins the DER SubjectPublicKeyInfo (RFC 7469), not the whole cert. */
	len = i2d_X509_PUBKEY(X509_get_X509_PUBKEY(ca), &der);
	if (len <= 0 || !EVP_Digest(der, (size_t)len, md, &mdlen, EVP_sha256(), NULL))
		CK_BUG("cannot hash a parsed certificate's public key");
	OPENSSL_free(der);
	X509_free(ca);
	ck_buf_adds(&b, "sha256:");
	for (i = 0; i < mdlen; i++)
		ck_buf_addf(&b, "%02x", md[i]);
	return ck_buf_detach(&b, NULL);
}

void ck_pki_identity_release(struct ck_pki_identity *id)
{
	if (!id)
		return;
	free(id->user);
	ck_str_list_free(id->groups);
	id->user = NULL;
	id->groups = NULL;
	id->ngroups = 0;
}

/* An attribute's value as a malloc'ed UTF-8 string, or NULL when it is not valid text. */
static char *entry_text(const X509_NAME_ENTRY *e)
{
	unsigned char *utf8 = NULL;
	int len = ASN1_STRING_to_UTF8(&utf8, X509_NAME_ENTRY_get_data(e));
	char *s = NULL;

	if (len >= 0 && memchr(utf8, 0, (size_t)len) == NULL && ck_pki_valid_text((char *)utf8))
		s = ck_xstrndup((const char *)utf8, (size_t)len);
	OPENSSL_free(utf8);
	ERR_clear_error();
	return s;
}

int ck_pki_cert_identity(X509 *cert, struct ck_pki_identity *out, struct ck_error **err)
{
	const X509_NAME *name = X509_get_subject_name(cert);
	struct ck_pki_identity id = CK_PKI_IDENTITY_INIT;
	size_t alloc = 0;
	int i;

	for (i = 0; i < X509_NAME_entry_count(name); i++) {
		const X509_NAME_ENTRY *e = X509_NAME_get_entry(name, i);
		int nid = OBJ_obj2nid(X509_NAME_ENTRY_get_object(e));
		char *v;

		if (nid != NID_commonName && nid != NID_organizationName)
			continue;
		v = entry_text(e);
		if (!v) {
			ck_pki_identity_release(&id);
			return ck_error_set(err, 401, CK_REASON_UNAUTHORIZED,
			                    "client certificate subject has a %s that is not text",
			                    nid == NID_commonName ? "CN" : "O");
		}
		if (nid == NID_commonName) {
			/* K8S: Go's pkix.Name keeps the last CN. */
			free(id.user);
			id.user = v;
			continue;
		}
		/* Kept NULL-terminated at every step: release relies on it. */
		CK_ALLOC_GROW(id.groups, id.ngroups + 2, alloc);
		id.groups[id.ngroups++] = v;
		id.groups[id.ngroups] = NULL;
	}
	if (!id.user || !*id.user) {
		ck_pki_identity_release(&id);
		return 0;
	}
	if (!id.groups)
		id.groups = ck_xcalloc(1, sizeof(*id.groups));
	*out = id;
	return 1;
}
