/*
 * kubeconfig files: the YAML that kubectl and client libraries read to find a cluster and
 * authenticate to it, in the shape kubeadm writes admin.conf (one cluster, one user, one
 * context, the certificates embedded as base64). Emitted with libyaml, so quoting and
 * escaping are the YAML library's, not ours.
 */
#include <strings.h>
#include <yaml.h>

#include "base/compat.h"

#include "base/buf.h"
#include "base/json.h"
#include "base/mem.h"
#include "pki/pki-int.h"
#include "pki/pki.h"

/* One step of the document: open or close a mapping or sequence, or a scalar. */
enum y_op {
	Y_MAP = '{',
	Y_END_MAP = '}',
	Y_SEQ = '[',
	Y_END_SEQ = ']',
	Y_EMPTY_MAP = 'e', /* "{}" */
	Y_KEY = 'k',       /* a fixed word, plain */
	Y_STR = 's',       /* any string: plain when YAML reads it back as that string */
};

struct y_item {
	enum y_op op;
	const char *s;
};

/*
 * Whether s can be written unquoted and still be read back as the same string by
 * kubectl's YAML parser (YAML 1.1 rules: yes/no/on/off are booleans, 1:20 is a number, ~
 * is null). Conservative: starts with a letter, holds only URL and name characters, and is
 * no YAML 1.1 boolean or null word. Anything else is double-quoted.
 */
static bool plain_safe(const char *s)
{
	static const char *const words[] = {"y",     "yes", "n",   "no",   "true",
	                                    "false", "on",  "off", "null", NULL};
	const char *p;
	size_t i;

	if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z')))
		return false;
	for (p = s; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      (*p >= '0' && *p <= '9') || strchr("-._@:/+=", *p)))
			return false;
	for (i = 0; words[i]; i++)
		if (!strcasecmp(s, words[i]))
			return false;
	return true;
}

static int emit_one(yaml_emitter_t *e, const struct y_item *it)
{
	yaml_event_t ev;
	yaml_scalar_style_t style;

	switch (it->op) {
	case Y_MAP:
	case Y_EMPTY_MAP:
		yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1,
		                                    it->op == Y_MAP ? YAML_BLOCK_MAPPING_STYLE
		                                                    : YAML_FLOW_MAPPING_STYLE);
		if (it->op == Y_EMPTY_MAP) {
			if (!yaml_emitter_emit(e, &ev))
				return -1;
			yaml_mapping_end_event_initialize(&ev);
		}
		break;
	case Y_END_MAP:
		yaml_mapping_end_event_initialize(&ev);
		break;
	case Y_SEQ:
		yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1, YAML_BLOCK_SEQUENCE_STYLE);
		break;
	case Y_END_SEQ:
		yaml_sequence_end_event_initialize(&ev);
		break;
	case Y_KEY:
	case Y_STR:
		style = it->op == Y_KEY || plain_safe(it->s) ? YAML_PLAIN_SCALAR_STYLE
		                                             : YAML_DOUBLE_QUOTED_SCALAR_STYLE;
		if (!yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)it->s,
		                                  (int)strlen(it->s), 1, 1, style))
			return -1;
		break;
	default:
		CK_BUG("unknown kubeconfig item");
	}
	return yaml_emitter_emit(e, &ev) ? 0 : -1; /* the emitter frees ev either way */
}

static int write_to_buf(void *data, unsigned char *buffer, size_t size)
{
	ck_buf_add(data, buffer, size);
	return 1;
}

static int emit_document(const struct y_item *items, size_t n, struct ck_buf *out,
                         struct ck_error **err)
{
	yaml_emitter_t e;
	yaml_event_t ev;
	size_t i;
	int ok;

	if (!yaml_emitter_initialize(&e))
		CK_BUG("cannot initialise a YAML emitter");
	yaml_emitter_set_output(&e, write_to_buf, out);
	yaml_emitter_set_unicode(&e, 1);
	yaml_emitter_set_width(&e, -1); /* never fold a long base64 line */
	yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
	ok = yaml_emitter_emit(&e, &ev);
	yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1);
	ok = ok && yaml_emitter_emit(&e, &ev);
	for (i = 0; ok && i < n; i++)
		ok = emit_one(&e, &items[i]) == 0;
	yaml_document_end_event_initialize(&ev, 1);
	ok = ok && yaml_emitter_emit(&e, &ev);
	yaml_stream_end_event_initialize(&ev);
	ok = ok && yaml_emitter_emit(&e, &ev) && yaml_emitter_flush(&e);
	if (!ok)
		ck_error_set(err, 400, CK_REASON_BAD_REQUEST, "cannot write kubeconfig YAML: %s",
		             e.problem ? e.problem : "unknown emitter error");
	yaml_emitter_delete(&e);
	return ok ? 0 : -1;
}

int ck_pki_format_kubeconfig(const struct ck_pki_kubeconfig *kc, struct ck_buf *out,
                             struct ck_error **err)
{
	static const char *const names[] = {"server", "cluster",  "user",
	                                    "ca_pem", "cert_pem", "key_pem"};
	const char *const fields[] = {kc->server, kc->cluster,  kc->user,
	                              kc->ca_pem, kc->cert_pem, kc->key_pem};
	ck_autofree char *ca64 = NULL;
	ck_autofree char *cert64 = NULL;
	ck_autofree char *key64 = NULL;
	ck_autofree char *context = NULL;
	size_t i;

	for (i = 0; i < CK_ARRAY_SIZE(fields); i++)
		if (!fields[i] || !*fields[i])
			return ck_error_set(err, 400, CK_REASON_BAD_REQUEST,
			                    "cannot write kubeconfig: %s is empty", names[i]);
	if (!ck_str_has_prefix(kc->server, "https://"))
		return ck_error_set(err, 400, CK_REASON_BAD_REQUEST,
		                    "cannot write kubeconfig: server '%s' is not an https:// URL",
		                    kc->server);
	ca64 = ck_base64_encode(kc->ca_pem, strlen(kc->ca_pem));
	cert64 = ck_base64_encode(kc->cert_pem, strlen(kc->cert_pem));
	key64 = ck_base64_encode(kc->key_pem, strlen(kc->key_pem));
	/* K8S: kubeadm names the admin's context "<user>@<cluster>". */
	context = ck_xasprintf("%s@%s", kc->user, kc->cluster);

	/* Keys in kubeadm's (alphabetical) order, so a diff against admin.conf is quiet. */
	const struct y_item doc[] = {
	        {Y_MAP},
	        {Y_KEY, "apiVersion"},
	        {Y_KEY, "v1"},
	        {Y_KEY, "clusters"},
	        {Y_SEQ},
	        {Y_MAP},
	        {Y_KEY, "cluster"},
	        {Y_MAP},
	        {Y_KEY, "certificate-authority-data"},
	        {Y_STR, ca64},
	        {Y_KEY, "server"},
	        {Y_STR, kc->server},
	        {Y_END_MAP},
	        {Y_KEY, "name"},
	        {Y_STR, kc->cluster},
	        {Y_END_MAP},
	        {Y_END_SEQ},
	        {Y_KEY, "contexts"},
	        {Y_SEQ},
	        {Y_MAP},
	        {Y_KEY, "context"},
	        {Y_MAP},
	        {Y_KEY, "cluster"},
	        {Y_STR, kc->cluster},
	        {Y_KEY, "user"},
	        {Y_STR, kc->user},
	        {Y_END_MAP},
	        {Y_KEY, "name"},
	        {Y_STR, context},
	        {Y_END_MAP},
	        {Y_END_SEQ},
	        {Y_KEY, "current-context"},
	        {Y_STR, context},
	        {Y_KEY, "kind"},
	        {Y_KEY, "Config"},
	        {Y_KEY, "preferences"},
	        {Y_EMPTY_MAP},
	        {Y_KEY, "users"},
	        {Y_SEQ},
	        {Y_MAP},
	        {Y_KEY, "name"},
	        {Y_STR, kc->user},
	        {Y_KEY, "user"},
	        {Y_MAP},
	        {Y_KEY, "client-certificate-data"},
	        {Y_STR, cert64},
	        {Y_KEY, "client-key-data"},
	        {Y_STR, key64},
	        {Y_END_MAP},
	        {Y_END_MAP},
	        {Y_END_SEQ},
	        {Y_END_MAP},
	};

	return emit_document(doc, CK_ARRAY_SIZE(doc), out, err);
}

int ck_pki_write_kubeconfig(const char *path, const struct ck_pki_kubeconfig *kc,
                            struct ck_error **err)
{
	struct ck_buf b = CK_BUF_INIT;
	int rc;

	if (ck_pki_format_kubeconfig(kc, &b, err) < 0) {
		ck_buf_release(&b);
		return -1;
	}
	/* 0600: the file holds a private key. */
	rc = ck_pki_write_file(path, b.data, b.len, 0600, false, err);
	ck_buf_release(&b);
	return rc;
}
