/*
 * Discovery (reference §1): /api, /apis, /apis/<group>, the APIResourceList of each group
 * version, built from the resource table (the OpenAPI documents are openapi.c's).
 * kubectl >= 1.26 asks /api and /apis for aggregated discovery
 * (apidiscovery.k8s.io v2 or v2beta1 APIGroupDiscoveryList) and then needs no request per
 * group version; kubectl 1.20 asks for plain JSON and gets the legacy documents. Both are
 * built from the same resource table, so they always agree.
 */
#include <jansson.h>
#include <strings.h>

#include "base/compat.h"

#include "api/api-int.h"
#include "base/mem.h"

static void reply_json(struct ck_http_request *req, json_t *j)
{
	struct ck_buf b = CK_BUF_INIT;

	ck_api_obj_dump(j, &b);
	json_decref(j);
	ck_http_reply_buf(req, 200, "application/json", &b);
	ck_buf_release(&b);
}

static json_t *string_array(const char *const *list)
{
	json_t *a = json_array();

	for (size_t i = 0; list && list[i]; i++)
		json_array_append_new(a, json_string(list[i]));
	return a;
}

/* One subresource as discovery lists it. */
struct sub_entry {
	char name[32];       /* "status" */
	const char *group;   /* of its kind; NULL: the resource's */
	const char *version; /* likewise */
	const char *kind;
	unsigned verbs;
};

static int cmp_sub(const void *a, const void *b)
{
	return strcmp(((const struct sub_entry *)a)->name, ((const struct sub_entry *)b)->name);
}

/*
 * The subresources of r in name order (K8S: the kind's storage map, as kube-apiserver
 * lists it): pods/binding and pods/eviction (the Eviction kind's group version decides
 * how kubectl >= 1.32 drains: policy/v1), namespaces/finalize, <workload>/scale
 * (autoscaling/v1 Scale),
 * <kind>/status, then the row's own (pods/log, serviceaccounts/token). Returns the count.
 */
static size_t subresources(const struct ck_resource *r, struct sub_entry *out, size_t max)
{
	size_t n = 0;

#define SUB(nm, g, v, k, vb)                                                                       \
	do {                                                                                       \
		if (n < max) {                                                                     \
			snprintf(out[n].name, sizeof(out[n].name), "%s", (nm));                    \
			out[n].group = (g);                                                        \
			out[n].version = (v);                                                      \
			out[n].kind = (k);                                                         \
			out[n].verbs = (vb);                                                       \
			n++;                                                                       \
		}                                                                                  \
	} while (0)
	if (!*r->group && !strcmp(r->plural, "pods")) {
		SUB("binding", NULL, NULL, "Binding", CK_API_VERB_CREATE);
		SUB("eviction", "policy", "v1", "Eviction", CK_API_VERB_CREATE);
	}
	if (!*r->group && !strcmp(r->plural, "namespaces"))
		SUB("finalize", NULL, NULL, "Namespace", CK_API_VERB_UPDATE);
	if (ck_api_resource_has_scale(r))
		SUB("scale", "autoscaling", "v1", "Scale",
		    CK_API_VERB_GET | CK_API_VERB_PATCH | CK_API_VERB_UPDATE);
	if (r->has_status)
		SUB("status", NULL, NULL, r->kind,
		    CK_API_VERB_GET | CK_API_VERB_PATCH | CK_API_VERB_UPDATE);
	for (const struct ck_api_subresource *s = r->subresources; s && s->name; s++)
		SUB(s->name, s->version ? s->group : NULL, s->version, s->kind, s->verbs);
#undef SUB
	qsort(out, n, sizeof(*out), cmp_sub);
	return n;
}

/* K8S: metav1.APIResourceList of one group version, subresources after their resource. */
static bool resource_list(struct ck_http_request *req, const char *group, const char *version)
{
	size_t n;
	const struct ck_resource *const *rows = ck_api_resources(&n);
	json_t *list = json_object(), *resources = json_array();
	char gv[128];
	bool any = false;

	snprintf(gv, sizeof(gv), "%s%s%s", group, *group ? "/" : "", version);
	json_object_set_new(list, "kind", json_string("APIResourceList"));
	/* K8S: the core list carries no apiVersion (reference §1.2), the groups' do. */
	if (*group)
		json_object_set_new(list, "apiVersion", json_string("v1"));
	json_object_set_new(list, "groupVersion", json_string(gv));
	for (size_t i = 0; i < n; i++) {
		const struct ck_resource *r = rows[i];
		struct sub_entry subs[8];
		size_t ns;
		json_t *e, *verbs;

		if (strcmp(r->group, group) || strcmp(r->version, version))
			continue;
		any = true;
		verbs = json_array();
		ck_api_verbs_json(r->verbs, verbs);
		e = json_pack("{s:s,s:s,s:b,s:s,s:o}", "name", r->plural, "singularName",
		              r->singular, "namespaced", r->namespaced, "kind", r->kind, "verbs",
		              verbs);
		if (r->short_names)
			json_object_set_new(e, "shortNames", string_array(r->short_names));
		if (r->categories)
			json_object_set_new(e, "categories", string_array(r->categories));
		json_array_append_new(resources, e);
		ns = subresources(r, subs, CK_ARRAY_SIZE(subs));
		for (size_t j = 0; j < ns; j++) {
			char name[640];

			snprintf(name, sizeof(name), "%s/%s", r->plural, subs[j].name);
			verbs = json_array();
			ck_api_verbs_json(subs[j].verbs, verbs);
			e = json_pack("{s:s,s:s,s:b}", "name", name, "singularName", "",
			              "namespaced", r->namespaced);
			/* K8S: group and version only where the kind is of another group version. */
			if (subs[j].version) {
				json_object_set_new(e, "group", json_string(subs[j].group));
				json_object_set_new(e, "version", json_string(subs[j].version));
			}
			json_object_set_new(e, "kind", json_string(subs[j].kind));
			json_object_set_new(e, "verbs", verbs);
			json_array_append_new(resources, e);
		}
	}
	if (!any) {
		json_decref(resources);
		json_decref(list);
		return false;
	}
	json_object_set_new(list, "resources", resources);
	reply_json(req, list);
	return true;
}

/* The distinct groups of the table, in table order ("" excluded). */
static size_t groups(const char **out, size_t max)
{
	size_t n, ng = 0;
	const struct ck_resource *const *rows = ck_api_resources(&n);

	for (size_t i = 0; i < n; i++) {
		bool seen = !*rows[i]->group;

		for (size_t j = 0; j < ng && !seen; j++)
			seen = !strcmp(out[j], rows[i]->group);
		if (!seen && ng < max)
			out[ng++] = rows[i]->group;
	}
	return ng;
}

/* The group's preferred version: the first of its rows in the table. */
static const char *group_version(const char *group)
{
	size_t n;
	const struct ck_resource *const *rows = ck_api_resources(&n);

	for (size_t i = 0; i < n; i++)
		if (!strcmp(rows[i]->group, group))
			return rows[i]->version;
	return NULL;
}

/* K8S: metav1.APIGroup. */
static json_t *api_group(const char *group)
{
	const char *version = group_version(group);
	char gv[128];

	size_t n;
	const struct ck_resource *const *rows = ck_api_resources(&n);
	json_t *versions = json_array();

	/* K8S: metav1.APIGroup.versions, preferred first (policy: v1, then v1beta1). */
	for (size_t i = 0; i < n; i++) {
		bool seen = false;
		size_t j;
		json_t *v;

		if (strcmp(rows[i]->group, group))
			continue;
		json_array_foreach(versions, j, v)
		{
			seen |= !strcmp(json_string_value(json_object_get(v, "version")),
			                rows[i]->version);
		}
		if (seen)
			continue;
		snprintf(gv, sizeof(gv), "%s/%s", group, rows[i]->version);
		json_array_append_new(versions, json_pack("{s:s,s:s}", "groupVersion", gv,
		                                          "version", rows[i]->version));
	}
	snprintf(gv, sizeof(gv), "%s/%s", group, version);
	return json_pack("{s:s,s:o,s:{s:s,s:s}}", "name", group, "versions", versions,
	                 "preferredVersion", "groupVersion", gv, "version", version);
}

/* ---- aggregated discovery ------------------------------------------------------------ */

#define AGG_GROUP "apidiscovery.k8s.io"
#define AGG_KIND  "APIGroupDiscoveryList"

/*
 * The apidiscovery.k8s.io version the Accept header asks for before anything discovery can
 * answer otherwise, or NULL for legacy discovery. K8S: the discovery handler negotiates
 * over the client's media ranges in order; kubectl >= 1.26 sends
 * "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,
 * application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,
 * application/json" (1.26-1.29 ask for v2beta1 only); kubectl 1.20 asks for plain JSON.
 */
static const char *aggregated_version(struct ck_http_request *req)
{
	const char *accept = ck_http_request_header(req, "Accept");
	const char *p = accept;

	while (p && *p) {
		size_t len = strcspn(p, ",");
		char range[256], *save = NULL, *tok;
		const char *g = NULL, *v = NULL, *as = NULL;
		bool json = false;
		size_t i = 0;

		snprintf(range, sizeof(range), "%.*s", (int)(len < 255 ? len : 255), p);
		p += len;
		if (*p == ',')
			p++;
		for (tok = strtok_r(range, ";", &save); tok;
		     tok = strtok_r(NULL, ";", &save), i++) {
			char *eq;

			while (*tok == ' ' || *tok == '\t')
				tok++;
			for (char *e = tok + strlen(tok);
			     e > tok && (e[-1] == ' ' || e[-1] == '\t');)
				*--e = '\0';
			if (!i) {
				json = !strcasecmp(tok, "application/json") ||
				       !strcmp(tok, "*/*") || !strcasecmp(tok, "application/*");
				continue;
			}
			eq = strchr(tok, '=');
			if (!eq)
				continue;
			*eq = '\0';
			if (!strcmp(tok, "g"))
				g = eq + 1;
			else if (!strcmp(tok, "v"))
				v = eq + 1;
			else if (!strcmp(tok, "as"))
				as = eq + 1;
		}
		if (!json)
			continue; /* protobuf or anything else: not served, try the next */
		if (!g && !as)
			return NULL; /* plain JSON first: legacy discovery */
		if (g && as && v && !strcmp(g, AGG_GROUP) && !strcmp(as, AGG_KIND) &&
		    (!strcmp(v, "v2") || !strcmp(v, "v2beta1")))
			return !strcmp(v, "v2") ? "v2" : "v2beta1";
	}
	return NULL;
}

/* K8S: apidiscovery GroupVersionKind, as responseKind. */
static json_t *gvk(const char *group, const char *version, const char *kind)
{
	return json_pack("{s:s,s:s,s:s}", "group", group, "version", version, "kind", kind);
}

/* K8S: apidiscovery APIResourceDiscovery of a row, its subresources with theirs. */
static json_t *resource_discovery(const struct ck_resource *r)
{
	struct sub_entry subs[8];
	size_t ns = subresources(r, subs, CK_ARRAY_SIZE(subs));
	json_t *verbs = json_array(), *e, *sa = json_array();

	ck_api_verbs_json(r->verbs, verbs);
	e = json_pack("{s:s,s:o,s:s,s:s,s:o}", "resource", r->plural, "responseKind",
	              gvk(r->group, r->version, r->kind), "scope",
	              r->namespaced ? "Namespaced" : "Cluster", "singularResource", r->singular,
	              "verbs", verbs);
	if (r->short_names)
		json_object_set_new(e, "shortNames", string_array(r->short_names));
	if (r->categories)
		json_object_set_new(e, "categories", string_array(r->categories));
	for (size_t j = 0; j < ns; j++) {
		json_t *sv = json_array();

		ck_api_verbs_json(subs[j].verbs, sv);
		json_array_append_new(
		        sa,
		        json_pack("{s:s,s:o,s:o}", "subresource", subs[j].name, "responseKind",
		                  gvk(subs[j].version ? subs[j].group : r->group,
		                      subs[j].version ? subs[j].version : r->version, subs[j].kind),
		                  "verbs", sv));
	}
	if (json_array_size(sa))
		json_object_set_new(e, "subresources", sa);
	else
		json_decref(sa);
	return e;
}

/*
 * K8S: apidiscovery APIGroupDiscovery of group ("" for the core group, which has no name):
 * its versions, preferred (first in the table) first, each with its resources in table
 * order and freshness Current.
 */
static json_t *group_discovery(const char *group)
{
	size_t n;
	const struct ck_resource *const *rows = ck_api_resources(&n);
	json_t *md = json_pack("{s:n}", "creationTimestamp"), *versions = json_array();

	if (*group)
		json_object_set_new(md, "name", json_string(group));
	for (size_t i = 0; i < n; i++) {
		json_t *v = NULL, *e;
		size_t j;

		if (strcmp(rows[i]->group, group))
			continue;
		json_array_foreach(versions, j, e)
		{
			if (!strcmp(json_string_value(json_object_get(e, "version")),
			            rows[i]->version))
				v = e;
		}
		if (!v) {
			v = json_pack("{s:s,s:[],s:s}", "version", rows[i]->version, "resources",
			              "freshness", "Current");
			json_array_append_new(versions, v);
		}
		json_array_append_new(json_object_get(v, "resources"), resource_discovery(rows[i]));
	}
	return json_pack("{s:o,s:o}", "metadata", md, "versions", versions);
}

/*
 * Answer /api or /apis as an APIGroupDiscoveryList of version av (K8S: the aggregated
 * discovery handler): the core group for /api, every other group for /apis, with a
 * Content-Type that repeats the media type parameters (kubectl falls back to legacy
 * discovery on anything else).
 */
static void reply_aggregated(struct ck_http_request *req, bool core, const char *av)
{
	json_t *list, *items = json_array();
	struct ck_buf b = CK_BUF_INIT;
	char api_version[64], ct[160];

	if (core) {
		json_array_append_new(items, group_discovery(""));
	} else {
		const char *gs[16];
		size_t ng = groups(gs, CK_ARRAY_SIZE(gs));

		for (size_t i = 0; i < ng; i++)
			json_array_append_new(items, group_discovery(gs[i]));
	}
	snprintf(api_version, sizeof(api_version), AGG_GROUP "/%s", av);
	list = json_pack("{s:s,s:s,s:{},s:o}", "kind", AGG_KIND, "apiVersion", api_version,
	                 "metadata", "items", items);
	ck_api_obj_dump(list, &b);
	json_decref(list);
	snprintf(ct, sizeof(ct), "application/json;g=" AGG_GROUP ";v=%s;as=" AGG_KIND, av);
	/* K8S: the answer depends on Accept; caches must key on it. */
	ck_http_add_header(req, "Vary", "Accept", NULL);
	ck_http_reply_buf(req, 200, ct, &b);
	ck_buf_release(&b);
}

bool ck_api_discovery(struct ck_apiserver *srv, struct ck_http_request *req, const char *path)
{
	const char *rest;
	const char *gs[16];
	size_t ng;

	if (strcmp(ck_http_request_method(req), "GET") &&
	    strcmp(ck_http_request_method(req), "HEAD"))
		return false;
	if (!strcmp(path, "/api") || !strcmp(path, "/api/") || !strcmp(path, "/apis") ||
	    !strcmp(path, "/apis/")) {
		const char *av = aggregated_version(req);

		if (av) {
			reply_aggregated(req, path[4] != 's', av);
			return true;
		}
	}
	if (!strcmp(path, "/api") || !strcmp(path, "/api/")) {
		/* K8S: metav1.APIVersions (reference §1.2). */
		json_t *j = json_pack("{s:s,s:[s],s:[{s:s,s:s}]}", "kind", "APIVersions",
		                      "versions", "v1", "serverAddressByClientCIDRs", "clientCIDR",
		                      "0.0.0.0/0", "serverAddress", srv->server_address);

		reply_json(req, j);
		return true;
	}
	if (!strcmp(path, "/api/v1") || !strcmp(path, "/api/v1/"))
		return resource_list(req, "", "v1");
	if (!strcmp(path, "/apis") || !strcmp(path, "/apis/")) {
		json_t *list = json_pack("{s:s,s:s,s:[]}", "kind", "APIGroupList", "apiVersion",
		                         "v1", "groups");

		ng = groups(gs, CK_ARRAY_SIZE(gs));
		for (size_t i = 0; i < ng; i++)
			json_array_append_new(json_object_get(list, "groups"), api_group(gs[i]));
		reply_json(req, list);
		return true;
	}
	if (ck_str_skip_prefix(path, "/apis/", &rest)) {
		char group[128], version[64];
		const char *slash = strchr(rest, '/');

		if (!slash) {
			if (!group_version(rest))
				return false;
			json_t *g = api_group(rest);

			json_object_set_new(g, "kind", json_string("APIGroup"));
			json_object_set_new(g, "apiVersion", json_string("v1"));
			reply_json(req, g);
			return true;
		}
		if ((size_t)(slash - rest) >= sizeof(group) ||
		    strlen(slash + 1) >= sizeof(version) || strchr(slash + 1, '/'))
			return false;
		snprintf(group, sizeof(group), "%.*s", (int)(slash - rest), rest);
		snprintf(version, sizeof(version), "%s", slash + 1);
		return resource_list(req, group, version);
	}
	return false;
}
