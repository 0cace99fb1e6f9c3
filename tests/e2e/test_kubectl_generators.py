"""Every `kubectl create <generator>` (issue 4, item 1) with Debian's kubectl 1.20 and the
machine's newer kubectl, then `kubectl get` of what it made with the columns kube-apiserver
prints; `kubectl api-resources` with the new kinds and their short names; aggregated
discovery (apidiscovery.k8s.io v2 and v2beta1) as kubectl >= 1.26 asks for it; pods/log;
serviceaccounts/token."""
import base64
import json
import re
import subprocess

import pytest

from conftest import GCLOUD_BIN, wait_for  # noqa: F401  (wait_for kept for symmetry)

AGG_V2 = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList"
AGG_V2BETA1 = "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList"


# ---- helpers ----------------------------------------------------------------------------

def api(server, method, path, body=None, expect=(200, 201), headers=None):
    status, _, raw = server.request(method, path, body, headers=headers)
    assert status in expect, f"{method} {path} -> {status}: {raw[:600]!r}"
    return json.loads(raw) if raw else None


def table(text):
    """kubectl's column output as a list of dicts keyed by header (columns found from the
    header line, so empty cells stay in their column)."""
    lines = [ln for ln in text.splitlines() if ln.strip()]
    assert lines, "no table output"
    header = lines[0]
    starts = [m.start() for m in re.finditer(r"(?:(?<=\s\s)|^)\S", header)]
    names = [header[s:e].strip() for s, e in zip(starts, starts[1:] + [None])]
    rows = []
    for ln in lines[1:]:
        cells = [ln[s:e].strip() if s < len(ln) else ""
                 for s, e in zip(starts, starts[1:] + [None])]
        rows.append(dict(zip(names, cells)))
    return rows


def header(text):
    return re.split(r"\s{2,}", text.splitlines()[0].strip())


def version_of(kubectl):
    """(major, minor) of a kubectl runner's client."""
    out = subprocess.run([str(kubectl.binary), "version", "--client", "-o", "json"],
                         stdout=subprocess.PIPE, text=True, check=True).stdout
    info = json.loads(out)["clientVersion"]
    return int(info["major"]), int(re.match(r"\d+", info["minor"]).group())


@pytest.fixture(scope="module")
def tls_pair(tmp_path_factory):
    """A self-signed certificate and key for `create secret tls`."""
    d = tmp_path_factory.mktemp("tls")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                    "ec_paramgen_curve:P-256", "-nodes", "-keyout", str(d / "tls.key"),
                    "-out", str(d / "tls.crt"), "-days", "1", "-subj", "/CN=web.example"],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return d / "tls.crt", d / "tls.key"


# (generator args, what kubectl prints, get args, the header kubectl prints, row checks)
def generators(tls_pair, new):
    crt, key = tls_pair
    ns = ["-n", "team"]
    gens = [
        (["namespace", "team"], "namespace/team created",
         ["namespace", "team"], ["NAME", "STATUS", "AGE"], {"STATUS": "Active"}),
        (["deployment", "web", "--image=nginx:1.25", "--replicas=2", *ns],
         "deployment.apps/web created", ["deploy", "web", *ns],
         ["NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE"], {"READY": "0/2"}),
        (["configmap", "cfg", "--from-literal=a=1", "--from-literal=b=2", *ns],
         "configmap/cfg created", ["cm", "cfg", *ns], ["NAME", "DATA", "AGE"], {"DATA": "2"}),
        (["secret", "generic", "gen", "--from-literal=k=v", *ns], "secret/gen created",
         ["secret", "gen", *ns], ["NAME", "TYPE", "DATA", "AGE"],
         {"TYPE": "Opaque", "DATA": "1"}),
        (["secret", "tls", "tls", f"--cert={crt}", f"--key={key}", *ns], "secret/tls created",
         ["secret", "tls", *ns], ["NAME", "TYPE", "DATA", "AGE"],
         {"TYPE": "kubernetes.io/tls", "DATA": "2"}),
        (["secret", "docker-registry", "reg", "--docker-server=reg.example",
          "--docker-username=u", "--docker-password=p", *ns], "secret/reg created",
         ["secret", "reg", *ns], ["NAME", "TYPE", "DATA", "AGE"],
         {"TYPE": "kubernetes.io/dockerconfigjson", "DATA": "1"}),
        (["service", "clusterip", "cip", "--tcp=80:8080", *ns], "service/cip created",
         ["svc", "cip", *ns], ["NAME", "TYPE", "CLUSTER-IP", "EXTERNAL-IP", "PORT(S)", "AGE"],
         {"TYPE": "ClusterIP", "PORT(S)": "80/TCP"}),
        (["service", "nodeport", "np", "--tcp=81:8081", *ns], "service/np created",
         ["svc", "np", *ns], ["NAME", "TYPE", "CLUSTER-IP", "EXTERNAL-IP", "PORT(S)", "AGE"],
         {"TYPE": "NodePort"}),
        (["service", "loadbalancer", "lb", "--tcp=82:8082", *ns], "service/lb created",
         ["svc", "lb", *ns], ["NAME", "TYPE", "CLUSTER-IP", "EXTERNAL-IP", "PORT(S)", "AGE"],
         {"TYPE": "LoadBalancer", "EXTERNAL-IP": "<pending>"}),
        (["service", "externalname", "ext", "--external-name=db.example", *ns],
         "service/ext created", ["svc", "ext", *ns],
         ["NAME", "TYPE", "CLUSTER-IP", "EXTERNAL-IP", "PORT(S)", "AGE"],
         {"TYPE": "ExternalName", "EXTERNAL-IP": "db.example"}),
        (["serviceaccount", "robot", *ns], "serviceaccount/robot created",
         ["sa", "robot", *ns], ["NAME", "SECRETS", "AGE"], {"SECRETS": "0"}),
        (["job", "once", "--image=busybox", *ns, "--", "date"], "job.batch/once created",
         ["job", "once", *ns], ["NAME", "STATUS", "COMPLETIONS", "DURATION", "AGE"],
         {"STATUS": "Running", "COMPLETIONS": "0/1", "DURATION": ""}),
        (["cronjob", "tick", "--image=busybox", "--schedule=*/5 * * * *", *ns, "--", "date"],
         "cronjob.batch/tick created", ["cj", "tick", *ns],
         ["NAME", "SCHEDULE", "TIMEZONE", "SUSPEND", "ACTIVE", "LAST SCHEDULE", "AGE"],
         {"SCHEDULE": "*/5 * * * *", "TIMEZONE": "<none>", "SUSPEND": "False", "ACTIVE": "0",
          "LAST SCHEDULE": "<none>"}),
        (["poddisruptionbudget", "pdb", "--selector=app=web", "--min-available=1", *ns],
         "poddisruptionbudget.policy/pdb created", ["pdb", "pdb", *ns],
         ["NAME", "MIN AVAILABLE", "MAX UNAVAILABLE", "ALLOWED DISRUPTIONS", "AGE"],
         {"MIN AVAILABLE": "1", "MAX UNAVAILABLE": "N/A"}),
        (["priorityclass", "high", "--value=1000", "--description=important"],
         "priorityclass.scheduling.k8s.io/high created", ["pc", "high"],
         ["NAME", "VALUE", "GLOBAL-DEFAULT", "AGE", "PREEMPTIONPOLICY"],
         {"VALUE": "1000", "GLOBAL-DEFAULT": "false", "PREEMPTIONPOLICY": "PreemptLowerPriority"}),
        (["quota", "q", "--hard=cpu=1,memory=1Gi,pods=4", *ns], "resourcequota/q created",
         ["quota", "q", *ns], ["NAME", "REQUEST", "LIMIT", "AGE"], {}),
        (["role", "reader", "--verb=get,list", "--resource=pods", *ns],
         "role.rbac.authorization.k8s.io/reader created", ["role", "reader", *ns],
         ["NAME", "CREATED AT"], {}),
        (["rolebinding", "rb", "--role=reader", "--user=alice", "--group=devs",
          "--serviceaccount=team:robot", *ns],
         "rolebinding.rbac.authorization.k8s.io/rb created", ["rolebinding", "rb", *ns],
         ["NAME", "ROLE", "AGE"], {"ROLE": "Role/reader"}),
        (["clusterrole", "node-reader", "--verb=get,list,watch", "--resource=nodes"],
         "clusterrole.rbac.authorization.k8s.io/node-reader created",
         ["clusterrole", "node-reader"], ["NAME", "CREATED AT"], {}),
        (["clusterrolebinding", "crb", "--clusterrole=node-reader", "--user=bob"],
         "clusterrolebinding.rbac.authorization.k8s.io/crb created",
         ["clusterrolebinding", "crb"], ["NAME", "ROLE", "AGE"],
         {"ROLE": "ClusterRole/node-reader"}),
        (["ingress", "web", "--rule=web.example/=web:80", *ns],
         "ingress.networking.k8s.io/web created", ["ing", "web", *ns],
         ["NAME", "CLASS", "HOSTS", "ADDRESS", "PORTS", "AGE"],
         {"CLASS": "<none>", "HOSTS": "web.example", "ADDRESS": "", "PORTS": "80"}),
    ]
    return gens


def test_create_every_generator_then_get(server, kubectl, tls_pair):
    new = version_of(kubectl) >= (1, 24)
    for args, printed, get_args, want_header, cells in generators(tls_pair, new):
        r = kubectl("create", *args)
        assert r.stdout.strip() == printed, (args, r.stdout, r.stderr)
        out = kubectl("get", *get_args).stdout
        assert header(out) == want_header, (get_args, out)
        [row] = table(out)
        assert row["NAME"] == get_args[1]
        for col, want in cells.items():
            assert row[col] == want, (get_args, col, row)

    # Roles and cluster roles print the default Table: the creation time in RFC 3339.
    out = kubectl("get", "clusterrole", "node-reader").stdout
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", table(out)[0]["CREATED AT"])
    wide = table(kubectl("get", "rolebinding", "rb", "-n", "team", "-o", "wide").stdout)[0]
    assert (wide["USERS"], wide["GROUPS"], wide["SERVICEACCOUNTS"]) == \
        ("alice", "devs", "team/robot")

    # `get all` lists jobs and cronjobs (category all) but not ingresses.
    names = kubectl("get", "all", "-n", "team", "-o", "name").stdout.split()
    assert "job.batch/once" in names and "cronjob.batch/tick" in names
    assert not [n for n in names if n.startswith("ingress")]

    # K8S: job defaults and the generated selector.
    job = api(server, "GET", "/apis/batch/v1/namespaces/team/jobs/once")
    uid = job["metadata"]["uid"]
    spec = job["spec"]
    assert (spec["completions"], spec["parallelism"], spec["backoffLimit"]) == (1, 1, 6)
    assert spec["selector"] == {"matchLabels": {"batch.kubernetes.io/controller-uid": uid}}
    labels = spec["template"]["metadata"]["labels"]
    assert labels["controller-uid"] == uid and labels["job-name"] == "once"
    assert labels["batch.kubernetes.io/job-name"] == "once"
    assert job["metadata"]["labels"]["batch.kubernetes.io/controller-uid"] == uid
    assert job["metadata"]["generation"] == 1 and job["status"] == {}

    cj = api(server, "GET", "/apis/batch/v1/namespaces/team/cronjobs/tick")
    assert (cj["spec"]["concurrencyPolicy"], cj["spec"]["successfulJobsHistoryLimit"],
            cj["spec"]["failedJobsHistoryLimit"]) == ("Allow", 3, 1)

    rb = api(server, "GET", "/apis/rbac.authorization.k8s.io/v1/namespaces/team/rolebindings/rb")
    assert rb["roleRef"] == {"apiGroup": "rbac.authorization.k8s.io", "kind": "Role",
                             "name": "reader"}
    role = api(server, "GET", "/apis/rbac.authorization.k8s.io/v1/namespaces/team/roles/reader")
    assert role["rules"] == [{"apiGroups": [""], "resources": ["pods"],
                              "verbs": ["get", "list"]}]

    tls = api(server, "GET", "/api/v1/namespaces/team/secrets/tls")
    assert base64.b64decode(tls["data"]["tls.crt"]).startswith(b"-----BEGIN CERTIFICATE")

    if new:
        r = kubectl("create", "token", "robot", "-n", "team", "--duration=10m")
        token = r.stdout.strip()
        hdr, claims, _ = token.split(".")
        pad = lambda s: s + "=" * (-len(s) % 4)  # noqa: E731
        claims = json.loads(base64.urlsafe_b64decode(pad(claims)))
        assert claims["sub"] == "system:serviceaccount:team:robot"
        assert claims["kubernetes.io"]["serviceaccount"]["name"] == "robot"
        assert claims["exp"] - claims["iat"] == 600
        assert claims["iss"] == claims["aud"][0] == "https://kubernetes.default.svc.cluster.local"
        assert claims["nbf"] == claims["iat"]
        assert json.loads(base64.urlsafe_b64decode(pad(hdr)))["alg"] == "ES256"
        # The signature verifies with the cluster's sa.pub (ES256: r || s, RFC 7518).
        from cryptography.hazmat.primitives import hashes, serialization
        from cryptography.hazmat.primitives.asymmetric import ec, utils
        pub = serialization.load_pem_public_key(
            (server.data_dir / "pki" / "sa.pub").read_bytes())
        raw = base64.urlsafe_b64decode(pad(token.split(".")[2]))
        sig = utils.encode_dss_signature(int.from_bytes(raw[:32], "big"),
                                         int.from_bytes(raw[32:], "big"))
        pub.verify(sig, token.rsplit(".", 1)[0].encode(), ec.ECDSA(hashes.SHA256()))
        status, _, raw = server.request(
            "POST", "/api/v1/namespaces/team/serviceaccounts/robot/token",
            {"apiVersion": "authentication.k8s.io/v1", "kind": "TokenRequest",
             "spec": {"expirationSeconds": 60}})
        assert status == 422 and "may not specify a duration less than 10 minutes" in \
            json.loads(raw)["message"]
        status, _, _ = server.request(
            "POST", "/api/v1/namespaces/team/serviceaccounts/nobody/token",
            {"apiVersion": "authentication.k8s.io/v1", "kind": "TokenRequest", "spec": {}})
        assert status == 404
    else:
        r = kubectl("create", "token", "robot", "-n", "team", check=False)
        assert r.returncode != 0  # 1.20 has no `create token`


def test_validation_a_user_hits(server, kubectl):
    r = kubectl("create", "cronjob", "bad", "--image=busybox", "--schedule=every minute",
                check=False)
    assert r.returncode == 1
    assert 'spec.schedule: Invalid value: "every minute": expected exactly 5 fields, found 2' \
        in r.stderr
    job = {"apiVersion": "batch/v1", "kind": "Job", "metadata": {"name": "j"},
           "spec": {"template": {"spec": {"containers": [{"name": "c", "image": "x"}]}}}}
    status, _, raw = server.request("POST", "/apis/batch/v1/namespaces/default/jobs", job)
    assert status == 422, raw
    assert 'spec.template.spec.restartPolicy: Unsupported value: "Always": supported ' \
        'values: "OnFailure", "Never"' in json.loads(raw)["message"]
    cj = {"apiVersion": "batch/v1", "kind": "CronJob", "metadata": {"name": "c"},
          "spec": {"jobTemplate": {"spec": {"template": {"spec": {
              "restartPolicy": "Never", "containers": [{"name": "c", "image": "x"}]}}}}}}
    status, _, raw = server.request("POST", "/apis/batch/v1/namespaces/default/cronjobs", cj)
    assert status == 422 and "spec.schedule: Required value" in json.loads(raw)["message"]

    pc = {"apiVersion": "scheduling.k8s.io/v1", "kind": "PriorityClass",
          "metadata": {"name": "p"}, "value": 5}
    api(server, "POST", "/apis/scheduling.k8s.io/v1/priorityclasses", pc)
    status, _, raw = server.request("PATCH", "/apis/scheduling.k8s.io/v1/priorityclasses/p",
                                    {"value": 6},
                                    headers={"Content-Type": "application/merge-patch+json"})
    assert status == 422 and "value: Forbidden: may not be changed in an update." in \
        json.loads(raw)["message"]
    pc = {"apiVersion": "scheduling.k8s.io/v1", "kind": "PriorityClass",
          "metadata": {"name": "huge"}, "value": 2000000000}
    status, _, raw = server.request("POST", "/apis/scheduling.k8s.io/v1/priorityclasses", pc)
    assert status == 422 and "maximum allowed value of a user defined priority" in \
        json.loads(raw)["message"]

    role = {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role",
            "metadata": {"name": "r"},
            "rules": [{"nonResourceURLs": ["/healthz"], "verbs": ["get"]}, {"verbs": []}]}
    status, _, raw = server.request(
        "POST", "/apis/rbac.authorization.k8s.io/v1/namespaces/default/roles", role)
    msg = json.loads(raw)["message"]
    assert status == 422
    assert 'rules[0].nonResourceURLs: Invalid value: []string{"/healthz"}: namespaced rules ' \
        'cannot apply to non-resource URLs' in msg
    assert "rules[1].verbs: Required value: verbs must contain at least one value" in msg
    assert "rules[1].apiGroups: Required value" in msg

    crb = {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRoleBinding",
           "metadata": {"name": "b"}, "roleRef": {"kind": "Role", "name": "x"},
           "subjects": [{"kind": "ServiceAccount", "name": "sa"}]}
    status, _, raw = server.request(
        "POST", "/apis/rbac.authorization.k8s.io/v1/clusterrolebindings", crb)
    msg = json.loads(raw)["message"]
    assert status == 422
    assert 'roleRef.kind: Unsupported value: "Role": supported values: "ClusterRole"' in msg
    assert "subjects[0].namespace: Required value" in msg


# ---- discovery -------------------------------------------------------------------------

NEW_KINDS = {
    # name: (shortnames, apiversion, namespaced, kind)
    "jobs": ("", "batch/v1", "true", "Job"),
    "cronjobs": ("cj", "batch/v1", "true", "CronJob"),
    "ingresses": ("ing", "networking.k8s.io/v1", "true", "Ingress"),
    "priorityclasses": ("pc", "scheduling.k8s.io/v1", "false", "PriorityClass"),
    "resourcequotas": ("quota", "v1", "true", "ResourceQuota"),
    "roles": ("", "rbac.authorization.k8s.io/v1", "true", "Role"),
    "rolebindings": ("", "rbac.authorization.k8s.io/v1", "true", "RoleBinding"),
    "clusterroles": ("", "rbac.authorization.k8s.io/v1", "false", "ClusterRole"),
    "clusterrolebindings": ("", "rbac.authorization.k8s.io/v1", "false",
                            "ClusterRoleBinding"),
}


def test_api_resources_lists_the_new_kinds(server, kubectl):
    rows = {(r["NAME"], r["APIVERSION"]): r for r in table(kubectl("api-resources").stdout)}
    for name, (short, version, namespaced, kind) in NEW_KINDS.items():
        row = rows[name, version]
        assert (row["SHORTNAMES"], row["NAMESPACED"], row["KIND"]) == \
            (short, namespaced, kind), name
    for short in ("cj", "ing", "pc", "quota"):
        r = kubectl("get", short, "-A", check=False)
        assert r.returncode == 0, f"kubectl get {short}: {r.stderr}"


def test_aggregated_discovery_documents(server):
    for accept, av in ((AGG_V2 + "," + AGG_V2BETA1 + ",application/json", "v2"),
                       (AGG_V2BETA1 + ",application/json", "v2beta1")):
        docs = {}
        for path in ("/api", "/apis"):
            status, hdrs, raw = server.request("GET", path, headers={"Accept": accept})
            assert status == 200
            assert hdrs["Content-Type"] == \
                f"application/json;g=apidiscovery.k8s.io;v={av};as=APIGroupDiscoveryList"
            doc = json.loads(raw)
            assert (doc["kind"], doc["apiVersion"]) == \
                ("APIGroupDiscoveryList", f"apidiscovery.k8s.io/{av}")
            docs[path] = doc
        [core] = docs["/api"]["items"]
        assert "name" not in core["metadata"]
        [v1] = core["versions"]
        assert v1["version"] == "v1" and v1["freshness"] == "Current"
        res = {r["resource"]: r for r in v1["resources"]}
        pods = res["pods"]
        assert pods["responseKind"] == {"group": "", "version": "v1", "kind": "Pod"}
        assert (pods["scope"], pods["singularResource"], pods["shortNames"],
                pods["categories"]) == ("Namespaced", "pod", ["po"], ["all"])
        subs = {s["subresource"]: s for s in pods["subresources"]}
        assert subs["eviction"]["responseKind"] == \
            {"group": "policy", "version": "v1", "kind": "Eviction"}
        assert subs["log"] == {"subresource": "log", "verbs": ["get"],
                               "responseKind": {"group": "", "version": "v1", "kind": "Pod"}}
        assert subs["status"]["verbs"] == ["get", "patch", "update"]
        token = {s["subresource"]: s for s in res["serviceaccounts"]["subresources"]}["token"]
        assert token["responseKind"] == {"group": "authentication.k8s.io", "version": "v1",
                                         "kind": "TokenRequest"}
        assert res["resourcequotas"]["shortNames"] == ["quota"]
        assert res["namespaces"]["scope"] == "Cluster"
        # every resource and subresource has a responseKind
        groups = {g["metadata"]["name"]: g for g in docs["/apis"]["items"]}
        for g in [core, *groups.values()]:
            for ver in g["versions"]:
                for r in ver["resources"]:
                    assert r["responseKind"]["kind"] and r["verbs"], r
                    for s in r.get("subresources", []):
                        assert s["responseKind"]["kind"], (r["resource"], s)
        assert [v["version"] for v in groups["policy"]["versions"]] == ["v1", "v1beta1"]
        assert [v["version"] for v in groups["batch"]["versions"]] == ["v1", "v1beta1"]
        deploy = {r["resource"]: r for r in groups["apps"]["versions"][0]["resources"]}
        scale = {s["subresource"]: s for s in deploy["deployments"]["subresources"]}["scale"]
        assert scale["responseKind"] == {"group": "autoscaling", "version": "v1",
                                         "kind": "Scale"}
        jobs = {r["resource"]: r for r in groups["batch"]["versions"][0]["resources"]}["jobs"]
        assert jobs["categories"] == ["all"] and jobs["singularResource"] == "job"

    # Legacy discovery for plain JSON (kubectl 1.20), log and token listed like kube's.
    status, hdrs, raw = server.request("GET", "/api", headers={"Accept": "application/json, */*"})
    assert status == 200 and hdrs["Content-Type"] == "application/json"
    assert json.loads(raw)["kind"] == "APIVersions"
    rl = api(server, "GET", "/api/v1")
    subs = {r["name"]: r for r in rl["resources"] if "/" in r["name"]}
    assert subs["pods/log"] == {"name": "pods/log", "singularName": "", "namespaced": True,
                                "kind": "Pod", "verbs": ["get"]}
    assert subs["serviceaccounts/token"] == {
        "name": "serviceaccounts/token", "singularName": "", "namespaced": True,
        "group": "authentication.k8s.io", "version": "v1", "kind": "TokenRequest",
        "verbs": ["create"]}


@pytest.mark.parametrize("binary", ["kubectl.1.33", "kubectl.1.28"])
def test_newer_kubectl_discovers_in_two_requests(server, binary, tmp_path):
    path = GCLOUD_BIN / binary
    if not path.exists():
        pytest.skip(f"{binary} not installed")
    r = subprocess.run([str(path), "--kubeconfig", str(server.kubeconfig), "--cache-dir",
                        str(tmp_path / "cache"), "-v=6", "api-resources"],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    gets = re.findall(re.escape(server.url) + r'(/[^\s"?]*)', r.stderr)
    # /api and /apis, nothing per group version.
    assert sorted(set(gets)) == ["/api", "/apis"], r.stderr
    rows = {(row["NAME"], row["APIVERSION"]) for row in table(r.stdout)}
    for name, (_, version, _, _) in NEW_KINDS.items():
        assert (name, version) in rows


# ---- pods/log ----------------------------------------------------------------------------

def test_pods_log(server):
    pod = {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"},
           "spec": {"containers": [{"name": "a", "image": "x"}, {"name": "b", "image": "y"}]}}
    api(server, "POST", "/api/v1/namespaces/default/pods", pod)
    base = "/api/v1/namespaces/default/pods"

    status, _, raw = server.request("GET", f"{base}/missing/log")
    assert status == 404 and json.loads(raw)["message"] == 'pods "missing" not found'
    status, _, raw = server.request("GET", f"{base}/p/log")
    assert status == 400
    assert json.loads(raw)["message"] == \
        "a container name must be specified for pod p, choose one of: [a b]"
    status, _, raw = server.request("GET", f"{base}/p/log?container=z")
    assert status == 400 and json.loads(raw)["message"] == "container z is not valid for pod p"
    # K8S: no node yet: LogLocation has no location, the null stream is 204 No Content.
    status, _, raw = server.request("GET", f"{base}/p/log?container=a")
    assert (status, raw) == (204, b"")
    status, _, raw = server.request("PUT", f"{base}/p/log", {})
    assert status == 405 and json.loads(raw)["reason"] == "MethodNotAllowed"
    status, _, _ = server.request("POST", f"{base}/p/log", {})
    assert status == 405
