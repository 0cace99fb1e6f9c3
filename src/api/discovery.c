/*
 * Discovery (reference §1): /api, /apis, /apis/<group>, the APIResourceList of each group
 * version, built from the resource table, and /openapi/v2 as the empty document kubectl
 * accepts (reference §2). Legacy discovery only: kubectl ≥ 1.30 asks for aggregated
 * discovery first and falls back to this when it gets a plain application/json answer.
 */
#include <jansson.h>

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
		/*
		 * K8S: the subresources a kind's storage map serves, with the group version of
		 * their kind where it is not the resource's: kubectl >= 1.32 drains with
		 * eviction only when pods/eviction names group policy and version v1.
		 */
		if (!*r->group && !strcmp(r->plural, "pods")) {
			verbs = json_array();
			ck_api_verbs_json(CK_API_VERB_CREATE, verbs);
			json_array_append_new(resources, json_pack("{s:s,s:s,s:b,s:s,s:O}", "name",
			                                           "pods/binding", "singularName",
			                                           "", "namespaced", true, "kind",
			                                           "Binding", "verbs", verbs));
			json_array_append_new(
			        resources,
			        json_pack("{s:s,s:s,s:b,s:s,s:s,s:s,s:O}", "name", "pods/eviction",
			                  "singularName", "", "namespaced", true, "group", "policy",
			                  "version", "v1", "kind", "Eviction", "verbs", verbs));
			json_decref(verbs);
		}
		if (ck_api_resource_has_scale(r)) {
			char name[128];

			snprintf(name, sizeof(name), "%s/scale", r->plural);
			verbs = json_array();
			ck_api_verbs_json(CK_API_VERB_GET | CK_API_VERB_PATCH | CK_API_VERB_UPDATE,
			                  verbs);
			json_array_append_new(resources,
			                      json_pack("{s:s,s:s,s:b,s:s,s:s,s:s,s:o}", "name",
			                                name, "singularName", "", "namespaced",
			                                r->namespaced, "group", "autoscaling",
			                                "version", "v1", "kind", "Scale", "verbs",
			                                verbs));
		}
		if (r->has_status) {
			char name[128];

			snprintf(name, sizeof(name), "%s/status", r->plural);
			verbs = json_array();
			ck_api_verbs_json(CK_API_VERB_GET | CK_API_VERB_PATCH | CK_API_VERB_UPDATE,
			                  verbs);
			json_array_append_new(resources,
			                      json_pack("{s:s,s:s,s:b,s:s,s:o}", "name", name,
			                                "singularName", "", "namespaced",
			                                r->namespaced, "kind", r->kind, "verbs",
			                                verbs));
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

bool ck_api_discovery(struct ck_apiserver *srv, struct ck_http_request *req, const char *path)
{
	const char *rest;
	const char *gs[16];
	size_t ng;

	if (strcmp(ck_http_request_method(req), "GET") &&
	    strcmp(ck_http_request_method(req), "HEAD"))
		return false;
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
	if (!strcmp(path, "/openapi/v2")) {
		/*
		 * K8S (reference §2): 200, application/octet-stream, an empty body: an empty
		 * openapi_v2.Document, for which kubectl skips client-side validation.
		 */
		ck_http_reply(req, 200, "application/octet-stream", "", 0);
		return true;
	}
	return false;
}
