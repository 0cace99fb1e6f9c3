/*
 * The controller set (ctrl.h): starts each controller and holds them, plus the helpers
 * they share.
 */
#include "base/compat.h"

#include "api/resource.h"
#include "base/buf.h"
#include "base/mem.h"
#include "client/client.h"
#include "controllers/ctrl.h"

struct ck_controllers {
	struct ck_gc *gc;
	struct ck_nsctrl *ns;
};

struct ck_controllers *ck_controllers_start(struct event_base *base, struct ck_apiserver *srv,
                                            struct ck_client *client)
{
	struct ck_controllers *c = ck_xcalloc(1, sizeof(*c));

	c->gc = ck_gc_start(base, srv, client);
	c->ns = ck_nsctrl_start(base, srv, client);
	return c;
}

void ck_controllers_free(struct ck_controllers *c)
{
	if (!c)
		return;
	ck_nsctrl_free(c->ns);
	ck_gc_free(c->gc);
	free(c);
}

char *ck_ctrl_path(const struct ck_resource *res, const char *ns, const char *name)
{
	struct ck_buf b = CK_BUF_INIT;

	if (*res->group)
		ck_buf_addf(&b, "/apis/%s/%s", res->group, res->version);
	else
		ck_buf_addf(&b, "/api/%s", res->version);
	if (res->namespaced && ns && *ns)
		ck_buf_addf(&b, "/namespaces/%s", ns);
	ck_buf_addf(&b, "/%s", res->plural);
	if (name)
		ck_buf_addf(&b, "/%s", name);
	return ck_buf_detach(&b, NULL);
}

const struct ck_resource *ck_ctrl_resource_of(const char *api_version, const char *kind)
{
	size_t n, glen;
	const struct ck_resource *const *rows = ck_api_resources(&n);
	const struct ck_resource *other = NULL;
	const char *slash = strchr(api_version, '/');
	const char *version = slash ? slash + 1 : api_version;

	glen = slash ? (size_t)(slash - api_version) : 0;
	for (size_t i = 0; i < n; i++) {
		const struct ck_resource *r = rows[i];

		if (strcmp(r->kind, kind) || strlen(r->group) != glen ||
		    strncmp(r->group, api_version, glen))
			continue;
		if (!strcmp(r->version, version))
			return r;
		if (!other)
			other = r;
	}
	return other;
}

bool ck_ctrl_has_string(const json_t *arr, const char *s)
{
	size_t i;
	json_t *v;

	json_array_foreach(arr, i, v) if (json_is_string(v) &&
	                                  !strcmp(json_string_value(v), s)) return true;
	return false;
}

void ck_ctrl_calls_add(struct ck_ctrl_calls *c, struct ck_client_call *call)
{
	if (c->n == c->alloc) {
		c->alloc = c->alloc ? 2 * c->alloc : 8;
		c->v = ck_xreallocarray(c->v, c->alloc, sizeof(*c->v));
	}
	c->v[c->n++] = call;
}

void ck_ctrl_calls_remove(struct ck_ctrl_calls *c, struct ck_client_call *call)
{
	for (size_t i = 0; i < c->n; i++) {
		if (c->v[i] == call) {
			c->v[i] = c->v[--c->n];
			return;
		}
	}
	CK_BUG("a call the job did not make");
}

void ck_ctrl_calls_cancel(struct ck_ctrl_calls *c)
{
	for (size_t i = 0; i < c->n; i++)
		ck_client_call_cancel(c->v[i]);
	free(c->v);
	*c = (struct ck_ctrl_calls){0};
}
