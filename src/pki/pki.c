/*
 * The PKI file set under DIR/pki (see pki.h for the layout): created on first start,
 * checked and reused on later ones, with the serving and admin certificates re-issued from
 * the existing CA when their SANs or remaining lifetime call for it. Everything is read and
 * checked before anything is written, so a damaged set is refused untouched.
 *
 * Crash safety: each file is written to "<name>.tmp", fsynced and renamed. A certificate
 * and its key are replaced as a pair: the key is staged as "<base>.key.next", then the
 * certificate as "<base>.crt.next", then both are renamed into place. At start a leftover
 * "<base>.crt.next" means the staging finished, so the renames are completed; a lone
 * "<base>.key.next" means it did not, so it is discarded and the old pair stays.
 */
#include <fcntl.h>
#include <limits.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/compat.h"

#include "base/buf.h"
#include "base/log.h"
#include "base/mem.h"
#include "pki/pki-int.h"
#include "pki/pki.h"

#define LOG "pki"

/* Warn this long before the CA itself expires; ckube does not rotate the CA (yet). */
#define CA_WARN_DAYS 365

/*
 * K8S: the names every kube-apiserver serving certificate carries (kubeadm's certs
 * phase): the in-cluster Service names for the API, plus loopback for the local clients.
 */
static const char *const default_sans[] = {
        "localhost",
        "127.0.0.1",
        "kubernetes",
        "kubernetes.default",
        "kubernetes.default.svc",
        "kubernetes.default.svc.cluster.local",
};

static int fsync_dir_of(const char *path, struct ck_error **err)
{
	const char *slash = strrchr(path, '/');
	ck_autofree char *dir =
	        slash ? ck_xstrndup(path, slash == path ? 1 : (size_t)(slash - path))
	              : ck_xstrdup(".");
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd < 0 || fsync(fd) < 0) {
		int e = errno;

		if (fd >= 0)
			close(fd);
		return ck_error_set_errno(err, e, "cannot sync directory '%s'", dir);
	}
	close(fd);
	return 0;
}

/* rename(2), or with noreplace one that fails with EEXIST rather than replace `to`. */
static int rename_file(const char *from, const char *to, bool noreplace)
{
	if (!noreplace)
		return rename(from, to);
	if (renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE) == 0)
		return 0;
	if (errno != EINVAL && errno != ENOSYS)
		return -1;
	/* A filesystem without RENAME_NOREPLACE: link(2) refuses an existing target too. */
	if (link(from, to) < 0)
		return -1;
	return unlink(from);
}

int ck_pki_write_file(const char *path, const void *data, size_t len, mode_t mode, bool noreplace,
                      struct ck_error **err)
{
	const int flags = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC;
	ck_autofree char *tmp = ck_xasprintf("%s.tmp", path);
	const char *p = data;
	int fd, e;

	fd = open(tmp, flags, mode);
	if (fd < 0 && errno == EEXIST && unlink(tmp) == 0) /* left by a crash */
		fd = open(tmp, flags, mode);
	if (fd < 0)
		return ck_error_set_errno(err, errno, "cannot create '%s'", tmp);
	/* The exact mode whatever the umask, before a byte of a key is in the file. */
	if (fchmod(fd, mode) < 0)
		goto fail;
	while (len > 0) {
		ssize_t n = write(fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			goto fail;
		p += n;
		len -= (size_t)n;
	}
	if (fsync(fd) < 0)
		goto fail;
	e = close(fd);
	fd = -1;
	if (e < 0 || rename_file(tmp, path, noreplace) < 0)
		goto fail;
	return fsync_dir_of(path, err);
fail:
	e = errno;
	if (fd >= 0)
		close(fd);
	unlink(tmp);
	return ck_error_set_errno(err, e, "cannot write '%s'", path);
}

static char *pki_path(const struct ck_pki *pki, const char *base, const char *ext)
{
	return ck_xasprintf("%s/%s.%s", pki->dir, base, ext);
}

static int make_dir(const char *path, struct ck_error **err)
{
	struct stat st;

	if (mkdir(path, 0700) < 0 && errno != EEXIST)
		return ck_error_set_errno(err, errno, "cannot create directory '%s'", path);
	if (stat(path, &st) < 0)
		return ck_error_set_errno(err, errno, "cannot stat '%s'", path);
	if (!S_ISDIR(st.st_mode))
		return ck_error_set(err, 500, NULL, "'%s' is not a directory", path);
	return 0;
}

/* 1 when path exists, 0 when it does not, -1 with *err when that cannot be told. */
static int exists(const char *path, struct ck_error **err)
{
	struct stat st;

	if (lstat(path, &st) == 0)
		return 1;
	if (errno == ENOENT)
		return 0;
	return ck_error_set_errno(err, errno, "cannot stat '%s'", path);
}

/* Read a PEM file into a malloc'ed string: 1, 0 when absent, or -1 with *err. */
static int read_pem(const char *path, bool secret, char **out, struct ck_error **err)
{
	struct ck_buf b = CK_BUF_INIT;
	ck_autoclose int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct stat st;

	if (fd < 0 && errno == ENOENT)
		return 0;
	if (fd < 0)
		return ck_error_set_errno(err, errno, "cannot open '%s'", path);
	if (fstat(fd, &st) < 0)
		return ck_error_set_errno(err, errno, "cannot stat '%s'", path);
	if (!S_ISREG(st.st_mode) || st.st_size > CK_PKI_MAX_PEM_SIZE)
		return ck_error_set(err, 500, NULL, "'%s' is %s", path,
		                    S_ISREG(st.st_mode) ? "too large for a PEM file"
		                                        : "not a regular file");
	if (secret && (st.st_mode & 077))
		ck_warn(LOG, "'%s' is readable by others (mode %04o); it should be 0600", path,
		        (unsigned)(st.st_mode & 07777));
	for (;;) {
		ssize_t n;

		ck_buf_grow(&b, 4096);
		n = read(fd, b.data + b.len, b.cap - b.len - 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			ck_buf_release(&b);
			return ck_error_set_errno(err, errno, "cannot read '%s'", path);
		}
		if (n == 0)
			break;
		b.len += (size_t)n;
		b.data[b.len] = '\0';
		if (b.len > CK_PKI_MAX_PEM_SIZE)
			break;
	}
	if (b.len > CK_PKI_MAX_PEM_SIZE || memchr(b.data, 0, b.len)) {
		ck_buf_release(&b);
		return ck_error_set(err, 500, NULL, "'%s' is not a PEM file", path);
	}
	*out = ck_buf_detach(&b, NULL);
	return 1;
}

/* Read <base>.crt and <base>.key: 1 when both exist, 0 when neither, else -1 with *err. */
static int read_pair(const struct ck_pki *pki, const char *base, struct ck_pki_pair *pair,
                     struct ck_error **err)
{
	ck_autofree char *crt = pki_path(pki, base, "crt");
	ck_autofree char *key = pki_path(pki, base, "key");
	int have_crt, have_key;

	have_crt = read_pem(crt, false, &pair->cert_pem, err);
	if (have_crt < 0)
		return -1;
	have_key = read_pem(key, true, &pair->key_pem, err);
	if (have_key < 0)
		return -1;
	if (have_crt != have_key)
		return ck_error_set(err, 500, NULL, "'%s' exists but '%s' is missing",
		                    have_crt ? crt : key, have_crt ? key : crt);
	return have_crt;
}

/*
 * Stage a pair as *.next and rename both into place (see the top of the file). With
 * noreplace (the CA) an existing file is never replaced.
 */
static int write_pair(const struct ck_pki *pki, const char *base, const struct ck_pki_pair *pair,
                      bool noreplace, struct ck_error **err)
{
	ck_autofree char *crt = pki_path(pki, base, "crt");
	ck_autofree char *key = pki_path(pki, base, "key");
	ck_autofree char *crt_next = pki_path(pki, base, "crt.next");
	ck_autofree char *key_next = pki_path(pki, base, "key.next");

	if (ck_pki_write_file(key_next, pair->key_pem, strlen(pair->key_pem), 0600, false, err) <
	            0 ||
	    ck_pki_write_file(crt_next, pair->cert_pem, strlen(pair->cert_pem), 0644, false, err) <
	            0)
		goto discard;
	if (rename_file(key_next, key, noreplace) < 0) {
		ck_error_set_errno(err, errno, "cannot rename '%s' to '%s'", key_next, key);
		goto discard;
	}
	/* From here a crash is rolled forward by recover_pair. */
	if (rename_file(crt_next, crt, noreplace) < 0)
		return ck_error_set_errno(err, errno, "cannot rename '%s' to '%s'", crt_next, crt);
	return fsync_dir_of(crt, err);
discard:
	unlink(key_next);
	unlink(crt_next);
	return -1;
}

/* Finish or discard a pair replacement that a crash interrupted; drop stale temporaries. */
static int recover_pair(const struct ck_pki *pki, const char *base, bool noreplace,
                        struct ck_error **err)
{
	static const char *const stale[] = {"crt.tmp", "key.tmp", "crt.next.tmp", "key.next.tmp"};
	ck_autofree char *crt = pki_path(pki, base, "crt");
	ck_autofree char *key = pki_path(pki, base, "key");
	ck_autofree char *crt_next = pki_path(pki, base, "crt.next");
	ck_autofree char *key_next = pki_path(pki, base, "key.next");
	int has_crt_next, has_key_next;
	size_t i;

	for (i = 0; i < CK_ARRAY_SIZE(stale); i++) {
		ck_autofree char *tmp = pki_path(pki, base, stale[i]);

		if (unlink(tmp) < 0 && errno != ENOENT)
			return ck_error_set_errno(err, errno, "cannot remove '%s'", tmp);
	}
	has_crt_next = exists(crt_next, err);
	if (has_crt_next < 0)
		return -1;
	has_key_next = exists(key_next, err);
	if (has_key_next < 0)
		return -1;
	if (has_crt_next) {
		/* The key was staged first, so the staged pair is complete: roll forward. */
		if (has_key_next && rename_file(key_next, key, noreplace) < 0)
			return ck_error_set_errno(
			        err, errno, "cannot complete the interrupted replacement of '%s'",
			        key);
		if (rename_file(crt_next, crt, noreplace) < 0)
			return ck_error_set_errno(
			        err, errno, "cannot complete the interrupted replacement of '%s'",
			        crt);
		ck_warn(LOG, "completed the interrupted replacement of '%s' and '%s'", crt, key);
		return fsync_dir_of(crt, err);
	}
	if (has_key_next) {
		if (unlink(key_next) < 0)
			return ck_error_set_errno(err, errno, "cannot remove '%s'", key_next);
		ck_warn(LOG, "discarded '%s' left by an interrupted replacement", key_next);
	}
	return 0;
}

/* Parse a pair and check that the key is the certificate's. */
static X509 *parse_pair(const struct ck_pki *pki, const char *base, const struct ck_pki_pair *pair,
                        EVP_PKEY **key_out, struct ck_error **err)
{
	ck_autofree char *crt = pki_path(pki, base, "crt");
	ck_autofree char *key = pki_path(pki, base, "key");
	ck_autofree char *crt_what = ck_xasprintf("'%s'", crt);
	ck_autofree char *key_what = ck_xasprintf("'%s'", key);
	X509 *cert = ck_pki_parse_cert(pair->cert_pem, -1, crt_what, err);
	EVP_PKEY *k = cert ? ck_pki_parse_key(pair->key_pem, -1, key_what, err) : NULL;

	if (k && X509_check_private_key(cert, k) != 1) {
		ERR_clear_error();
		ck_error_set(err, 500, NULL, "private key '%s' does not match certificate '%s'",
		             key, crt);
		EVP_PKEY_free(k);
		k = NULL;
	}
	if (!k) {
		X509_free(cert);
		return NULL;
	}
	*key_out = k;
	return cert;
}

static void not_after_text(const X509 *cert, char *buf, size_t size)
{
	struct tm tm;

	if (!ASN1_TIME_to_tm(X509_get0_notAfter(cert), &tm) ||
	    !strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm))
		snprintf(buf, size, "an unknown date");
}

static int load_ca(struct ck_pki *pki, struct ck_error **err)
{
	ck_autofree char *crt = pki_path(pki, CK_PKI_CA, "crt");
	char when[64];
	int days;

	pki->ca_cert = parse_pair(pki, CK_PKI_CA, &pki->ca, &pki->ca_key, err);
	if (!pki->ca_cert)
		return -1;
	if (X509_check_ca(pki->ca_cert) != 1)
		return ck_error_set(err, 500, NULL,
		                    "cluster CA '%s' is not a CA certificate (no CA:TRUE basic "
		                    "constraint)",
		                    crt);
	days = ck_pki_days_left(pki->ca_cert);
	not_after_text(pki->ca_cert, when, sizeof(when));
	if (days < 0)
		return ck_error_set(err, 500, NULL, "cluster CA '%s' expired on %s", crt, when);
	if (days < CA_WARN_DAYS)
		ck_warn(LOG, "cluster CA '%s' expires on %s, in %d days", crt, when, days);
	return 0;
}

/* Load a leaf pair signed by the CA: 1 with *cert_out, 0 when absent, -1 with *err. */
static int load_leaf(struct ck_pki *pki, const char *base, struct ck_pki_pair *pair,
                     X509 **cert_out, struct ck_error **err)
{
	ck_autofree char *crt = NULL;
	ck_autofree char *ca_crt = NULL;
	EVP_PKEY *key = NULL;
	X509 *cert;
	int rc = read_pair(pki, base, pair, err);

	if (rc <= 0)
		return rc;
	cert = parse_pair(pki, base, pair, &key, err);
	if (!cert)
		return -1;
	EVP_PKEY_free(key);
	if (X509_check_issued(pki->ca_cert, cert) != X509_V_OK ||
	    X509_verify(cert, X509_get0_pubkey(pki->ca_cert)) != 1) {
		ERR_clear_error();
		X509_free(cert);
		crt = pki_path(pki, base, "crt");
		ca_crt = pki_path(pki, CK_PKI_CA, "crt");
		return ck_error_set(err, 500, NULL,
		                    "certificate '%s' is not signed by the cluster CA '%s'", crt,
		                    ca_crt);
	}
	*cert_out = cert;
	return 1;
}

/* Why cert must be issued anew (malloc'ed), or NULL when it is fine. */
static char *reissue_reason(X509 *cert, const struct ck_pki_san *sans, size_t nsans, int renew_days)
{
	int days;
	size_t i;

	if (!cert)
		return ck_xstrdup("none existed");
	for (i = 0; i < nsans; i++)
		if (!ck_pki_cert_has_san(cert, &sans[i]))
			return ck_xasprintf("the old one lacks '%s'", sans[i].text);
	days = ck_pki_days_left(cert);
	if (days < 0)
		return ck_xstrdup("the old one has expired");
	if (days < renew_days)
		return ck_xasprintf("the old one expires in %d days", days);
	return NULL;
}

/* The defaults and the configured SANs, checked, without repeats. */
static int collect_sans(const char *const *extra, struct ck_pki_san **out, size_t *n,
                        struct ck_error **err)
{
	struct ck_pki_san *sans = NULL;
	size_t alloc = 0, nsans = 0, i, j, ndefault = CK_ARRAY_SIZE(default_sans);

	for (i = 0; i < ndefault || (extra && extra[i - ndefault]); i++) {
		const char *s = i < ndefault ? default_sans[i] : extra[i - ndefault];
		struct ck_pki_san san;
		bool dup = false;

		if (ck_pki_san_parse(s, &san, err) < 0) {
			free(sans);
			return -1;
		}
		for (j = 0; j < nsans && !dup; j++)
			dup = san.type == sans[j].type &&
			      (san.type == GEN_IPADD
			               ? san.iplen == sans[j].iplen &&
			                         !memcmp(san.ip, sans[j].ip, san.iplen)
			               : !strcasecmp(san.text, sans[j].text));
		if (dup)
			continue;
		CK_ALLOC_GROW(sans, nsans + 1, alloc);
		sans[nsans++] = san;
	}
	*out = sans;
	*n = nsans;
	return 0;
}

/* Refuse to make a new CA beside certificates that an old one signed. */
static int refuse_orphans(const struct ck_pki *pki, struct ck_error **err)
{
	static const char *const bases[] = {CK_PKI_APISERVER, CK_PKI_ADMIN};
	static const char *const exts[] = {"crt", "key", "crt.next", "key.next"};
	size_t i, j;

	for (i = 0; i < CK_ARRAY_SIZE(bases); i++)
		for (j = 0; j < CK_ARRAY_SIZE(exts); j++) {
			ck_autofree char *path = pki_path(pki, bases[i], exts[j]);
			ck_autofree char *ca = pki_path(pki, CK_PKI_CA, "crt");
			int rc = exists(path, err);

			if (rc < 0)
				return -1;
			if (rc)
				return ck_error_set(
				        err, 500, NULL,
				        "'%s' exists but the cluster CA '%s' does not: "
				        "restore the CA, or remove '%s' to create a new "
				        "cluster",
				        path, ca, pki->dir);
		}
	return 0;
}

static int create_ca(struct ck_pki *pki, struct ck_error **err)
{
	/* The creation time in the name tells one cluster's CA from another's, as k3s does. */
	ck_autofree char *cn = ck_xasprintf("ckube-ca@%lld", (long long)time(NULL));
	struct ck_pki_pair pair = CK_PKI_PAIR_INIT;
	ck_autofree char *crt = pki_path(pki, CK_PKI_CA, "crt");
	X509 *cert;
	EVP_PKEY *key;

	if (ck_pki_new_ca(cn, CK_PKI_CA_DAYS, &cert, &key, err) < 0)
		return ck_error_wrap(err, "cannot create the cluster CA");
	pair.cert_pem = ck_pki_cert_to_pem(cert);
	pair.key_pem = ck_pki_key_to_pem(key);
	if (write_pair(pki, CK_PKI_CA, &pair, true, err) < 0) {
		ck_pki_pair_release(&pair);
		X509_free(cert);
		EVP_PKEY_free(key);
		return ck_error_wrap(err, "cannot create the cluster CA");
	}
	ck_pki_pair_release(&pki->ca);
	pki->ca = pair;
	pki->ca_cert = cert;
	pki->ca_key = key;
	pki->changes |= CK_PKI_CREATED_CA;
	ck_info(LOG, "created cluster CA '%s' (%s)", crt, cn);
	return 0;
}

static int issue_pair(struct ck_pki *pki, const char *base, const struct ck_pki_leaf *leaf,
                      struct ck_pki_pair *pair, const char *why, struct ck_error **err)
{
	ck_autofree char *crt = pki_path(pki, base, "crt");
	struct ck_pki_pair fresh = CK_PKI_PAIR_INIT;
	X509 *cert;
	EVP_PKEY *key;
	int days;

	if (ck_pki_new_leaf(pki->ca_cert, pki->ca_key, leaf, &cert, &key, err) < 0)
		return ck_error_wrap(err, "cannot issue '%s'", crt);
	fresh.cert_pem = ck_pki_cert_to_pem(cert);
	fresh.key_pem = ck_pki_key_to_pem(key);
	days = ck_pki_days_left(cert);
	X509_free(cert);
	EVP_PKEY_free(key);
	if (write_pair(pki, base, &fresh, false, err) < 0) {
		ck_pki_pair_release(&fresh);
		return ck_error_wrap(err, "cannot issue '%s'", crt);
	}
	ck_pki_pair_release(pair);
	*pair = fresh;
	ck_info(LOG, "issued '%s' for %s, valid for %d days (%s)", crt, leaf->cn, days, why);
	return 0;
}

/*
 * Load sa.key into pki->sa_key_pem, creating it (and sa.pub beside it) on first start
 * (K8S: kubeadm's certs phase "sa": a key pair, not a certificate; every control-plane
 * member shares it, so it is never regenerated once written).
 */
static int ensure_sa_key(struct ck_pki *pki, struct ck_error **err)
{
	ck_autofree char *key_path = pki_path(pki, CK_PKI_SA, "key");
	ck_autofree char *pub_path = pki_path(pki, CK_PKI_SA, "pub");
	EVP_PKEY *key;
	BIO *bio;
	char *pub = NULL;
	long n;
	int r;

	r = read_pem(key_path, true, &pki->sa_key_pem, err);
	if (r < 0)
		return -1;
	if (r > 0) {
		key = ck_pki_parse_key(pki->sa_key_pem, -1, key_path, err);
		if (!key)
			return -1;
		EVP_PKEY_free(key);
		return 0;
	}
	key = ck_pki_new_key(err);
	if (!key)
		return -1;
	pki->sa_key_pem = ck_pki_key_to_pem(key);
	bio = BIO_new(BIO_s_mem());
	CK_BUG_ON(!bio || !PEM_write_bio_PUBKEY(bio, key));
	n = BIO_get_mem_data(bio, &pub);
	r = ck_pki_write_file(pub_path, pub, (size_t)n, 0644, false, err) < 0 ||
	                    ck_pki_write_file(key_path, pki->sa_key_pem, strlen(pki->sa_key_pem),
	                                      0600, true, err) < 0
	            ? -1
	            : 0;
	BIO_free(bio);
	EVP_PKEY_free(key);
	return r;
}

int ck_pki_ensure(const char *dir, const struct ck_pki_config *cfg, struct ck_pki **out,
                  struct ck_error **err)
{
	static const struct ck_pki_config defaults;
	static const char *const masters[] = {CK_PKI_MASTERS_GROUP, NULL};
	struct ck_pki_san *sans = NULL;
	size_t nsans = 0;
	struct ck_pki *pki = NULL;
	X509 *serving = NULL, *admin = NULL;
	char *serving_why = NULL, *admin_why = NULL;
	int renew_days, rc = -1;

	CK_BUG_ON(!dir || !out);
	*out = NULL;
	cfg = cfg ? cfg : &defaults;
	if (cfg->serving_days < 0 || cfg->client_days < 0 || cfg->renew_days < 0)
		return ck_error_set(err, 400, CK_REASON_BAD_REQUEST,
		                    "invalid certificate lifetime: days must not be negative");
	if (collect_sans(cfg->sans, &sans, &nsans, err) < 0)
		return -1;
	renew_days = cfg->renew_days ? cfg->renew_days : CK_PKI_RENEW_DAYS;

	pki = ck_xcalloc(1, sizeof(*pki));
	pki->dir = ck_xasprintf("%s/" CK_PKI_SUBDIR, dir);
	pki->client_days = cfg->client_days ? cfg->client_days : CK_PKI_LEAF_DAYS;
	if (make_dir(dir, err) < 0 || make_dir(pki->dir, err) < 0 ||
	    recover_pair(pki, CK_PKI_CA, true, err) < 0 ||
	    recover_pair(pki, CK_PKI_APISERVER, false, err) < 0 ||
	    recover_pair(pki, CK_PKI_ADMIN, false, err) < 0)
		goto out;

	/* Read and check the whole set first: a damaged one is refused before any write. */
	switch (read_pair(pki, CK_PKI_CA, &pki->ca, err)) {
	case -1:
		goto out;
	case 0:
		if (refuse_orphans(pki, err) < 0)
			goto out;
		break;
	default:
		if (load_ca(pki, err) < 0 ||
		    load_leaf(pki, CK_PKI_APISERVER, &pki->serving, &serving, err) < 0 ||
		    load_leaf(pki, CK_PKI_ADMIN, &pki->admin, &admin, err) < 0)
			goto out;
	}
	serving_why = reissue_reason(serving, sans, nsans, renew_days);
	admin_why = reissue_reason(admin, NULL, 0, renew_days);

	if (!pki->ca_cert && create_ca(pki, err) < 0)
		goto out;
	if (ensure_sa_key(pki, err) < 0)
		goto out;
	if (serving_why) {
		/* K8S: kubeadm's apiserver.crt subject; clients match the SANs, never the CN. */
		const struct ck_pki_leaf leaf = {
		        .cn = "kube-apiserver",
		        .server = true,
		        .sans = sans,
		        .nsans = nsans,
		        .days = cfg->serving_days ? cfg->serving_days : CK_PKI_LEAF_DAYS,
		};

		if (issue_pair(pki, CK_PKI_APISERVER, &leaf, &pki->serving, serving_why, err) < 0)
			goto out;
		pki->changes |= CK_PKI_ISSUED_SERVING;
	}
	if (admin_why) {
		const struct ck_pki_leaf leaf = {
		        .cn = CK_PKI_ADMIN_USER,
		        .orgs = masters,
		        .days = pki->client_days,
		};

		if (issue_pair(pki, CK_PKI_ADMIN, &leaf, &pki->admin, admin_why, err) < 0)
			goto out;
		pki->changes |= CK_PKI_ISSUED_ADMIN;
	}
	*out = pki;
	pki = NULL;
	rc = 0;
out:
	if (rc < 0)
		ck_error_wrap(err, "cannot set up the cluster PKI");
	X509_free(serving);
	X509_free(admin);
	free(serving_why);
	free(admin_why);
	free(sans);
	ck_pki_free(pki);
	return rc;
}

void ck_pki_free(struct ck_pki *pki)
{
	if (!pki)
		return;
	free(pki->dir);
	ck_pki_pair_release(&pki->ca);
	ck_pki_pair_release(&pki->serving);
	ck_pki_pair_release(&pki->admin);
	X509_free(pki->ca_cert);
	EVP_PKEY_free(pki->ca_key);
	free(pki->sa_key_pem);
	free(pki);
}
