"""The kubectl command table (issue 3, item 7), run with Debian's kubectl 1.20 and the
machine's newer kubectl through the `kubectl` fixture: discovery and version, get and
describe in every output format, watch, the create generators, apply (create, unchanged,
configured), label, annotate, the three patch types, scale and delete with and without
cascading. Objects that need a node agent or controllers to exist (a Node, pods bound to
it, ReplicaSets owning pods) are created through the raw API, as an agent would."""
import json
import queue
import re
import subprocess
import threading

import pytest

import yaml

from conftest import wait_for

ANSI = re.compile(r"\x1b\[[0-9;]*m")


# ---- helpers ----------------------------------------------------------------------------

def api(server, method, path, body=None, expect=(200, 201), headers=None):
    """A raw API call with the admin certificate; asserts the status, returns the JSON."""
    status, _, raw = server.request(method, path, body, headers=headers)
    assert status in expect, f"{method} {path} -> {status}: {raw[:600]!r}"
    return json.loads(raw) if raw else None


def get_obj(server, path):
    """The object at path, or None on 404."""
    status, _, raw = server.request("GET", path)
    if status == 404:
        return None
    assert status == 200, f"GET {path} -> {status}: {raw[:300]!r}"
    return json.loads(raw)


def table(text):
    """kubectl's column output as a list of dicts keyed by header. Columns are found from
    the header (kubectl pads with at least three spaces; headers such as NOMINATED NODE
    hold a single one), so empty cells (SHORTNAMES of secrets) stay in their column."""
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


def tables(text):
    """Several tables separated by blank lines (kubectl get all)."""
    return [table(block) for block in re.split(r"\n\s*\n", text.strip()) if block.strip()]


def node_body(name, ip):
    return {
        "apiVersion": "v1", "kind": "Node",
        "metadata": {"name": name, "labels": {"kubernetes.io/hostname": name,
                                              "topology.kubernetes.io/zone": "zone-a"}},
        "status": {
            "capacity": {"cpu": "4", "memory": "8Gi", "pods": "110"},
            "allocatable": {"cpu": "4", "memory": "8Gi", "pods": "110"},
            "addresses": [{"type": "InternalIP", "address": ip},
                          {"type": "Hostname", "address": name}],
            "conditions": [{"type": "Ready", "status": "True", "reason": "KubeletReady",
                            "message": "kubelet is posting ready status"}],
            "nodeInfo": {"kubeletVersion": "v1.30.0", "kubeProxyVersion": "v1.30.0",
                         "osImage": "Debian GNU/Linux 12 (bookworm)", "kernelVersion": "6.1.0",
                         "containerRuntimeVersion": "runc://1.1.5", "architecture": "amd64",
                         "operatingSystem": "linux", "bootID": "b", "machineID": "m",
                         "systemUUID": "s"},
        },
    }


def pod_body(name, labels, node=None, image="nginx:1.25", owner=None):
    body = {"apiVersion": "v1", "kind": "Pod",
            "metadata": {"name": name, "labels": labels},
            "spec": {"containers": [{"name": "app", "image": image}]}}
    if node:
        body["spec"]["nodeName"] = node
    if owner:
        body["metadata"]["ownerReferences"] = [owner]
    return body


def create_ns(server, name):
    api(server, "POST", "/api/v1/namespaces",
        {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": name}})


def output_lines(r):
    return [ln.strip() for ln in r.stdout.splitlines() if ln.strip()]


# ---- discovery, version, cluster-info -----------------------------------------------------

EXPECTED_RESOURCES = {
    # name: (shortnames, apiversion, namespaced, kind) as kube-apiserver lists them
    "configmaps": ("cm", "v1", "true", "ConfigMap"),
    "endpoints": ("ep", "v1", "true", "Endpoints"),
    "events": ("ev", "v1", "true", "Event"),
    "namespaces": ("ns", "v1", "false", "Namespace"),
    "nodes": ("no", "v1", "false", "Node"),
    "pods": ("po", "v1", "true", "Pod"),
    "secrets": ("", "v1", "true", "Secret"),
    "serviceaccounts": ("sa", "v1", "true", "ServiceAccount"),
    "services": ("svc", "v1", "true", "Service"),
    "daemonsets": ("ds", "apps/v1", "true", "DaemonSet"),
    "deployments": ("deploy", "apps/v1", "true", "Deployment"),
    "replicasets": ("rs", "apps/v1", "true", "ReplicaSet"),
    "statefulsets": ("sts", "apps/v1", "true", "StatefulSet"),
    "leases": ("", "coordination.k8s.io/v1", "true", "Lease"),
    "poddisruptionbudgets": ("pdb", "policy/v1", "true", "PodDisruptionBudget"),
}


def test_version_api_resources_and_cluster_info(server, kubectl):
    status, _, raw = server.request("GET", "/version", client_cert=False)
    assert status == 200
    served = json.loads(raw)

    got = json.loads(kubectl("version", "-o", "json").stdout)["serverVersion"]
    for key in ("major", "minor", "gitVersion", "platform"):
        assert got[key] == served[key], key
    r = kubectl("version")
    server_line = [ln for ln in r.stdout.splitlines() if ln.startswith("Server Version:")]
    assert len(server_line) == 1 and served["gitVersion"] in server_line[0]
    # The API level claimed is today's: the newer kubectl sees no version skew.
    assert "version difference" not in r.stderr, r.stderr

    r = kubectl("api-resources")
    assert r.stdout.splitlines()[0].split() == ["NAME", "SHORTNAMES", "APIVERSION",
                                                "NAMESPACED", "KIND"]
    # Keyed by name and group version: events, for one, may be served in two groups.
    rows = {(row["NAME"], row["APIVERSION"]): row for row in table(r.stdout)}
    for name, (short, version, namespaced, kind) in EXPECTED_RESOURCES.items():
        assert (name, version) in rows, f"{name} ({version}) missing from api-resources"
        row = rows[name, version]
        assert (row["SHORTNAMES"], row["NAMESPACED"], row["KIND"]) == \
            (short, namespaced, kind), name
    # Subresources (pods/status, deployments/scale) are not resources of their own.
    assert not [n for n, _ in rows if "/" in n]

    cluster = set(kubectl("api-resources", "--namespaced=false", "-o", "name").stdout.split())
    assert {"namespaces", "nodes"} <= cluster
    assert not cluster & {"pods", "configmaps", "deployments.apps"}
    apps = kubectl("api-resources", "--api-group=apps", "-o", "name").stdout.split()
    assert {"daemonsets.apps", "deployments.apps", "replicasets.apps",
            "statefulsets.apps"} <= set(apps)
    assert all(n.endswith(".apps") for n in apps)

    # Every short name resolves (kubectl 1.20 has no built-in fallback for them).
    for short in ("ns", "no", "cm", "po", "svc", "sa", "deploy", "rs", "ds", "sts", "pdb"):
        r = kubectl("get", short, "-A", check=False)
        assert r.returncode == 0, f"kubectl get {short}: {r.stderr}"
    assert "namespace/kube-system" in kubectl("get", "ns", "-o", "name").stdout.split()

    info = ANSI.sub("", kubectl("cluster-info").stdout)
    assert f"Kubernetes control plane is running at {server.url}" in info


# ---- get and describe ------------------------------------------------------------------

def seed_nodes_and_pods(server):
    """node-1 with pods zeta, alpha (app=web) and mid (app=db) in default and beta
    (app=web) in team, created in that order so that creation order is not name order."""
    api(server, "POST", "/api/v1/nodes", node_body("node-1", "10.0.0.1"))
    create_ns(server, "team")
    for name, app in (("zeta", "web"), ("alpha", "web"), ("mid", "db")):
        api(server, "POST", "/api/v1/namespaces/default/pods",
            pod_body(name, {"app": app}, node="node-1"))
    api(server, "POST", "/api/v1/namespaces/team/pods",
        pod_body("beta", {"app": "web"}, node="node-1", image="redis:7"))


def test_get_nodes_pods_all_in_every_format(server, kubectl):
    seed_nodes_and_pods(server)
    api(server, "POST", "/apis/apps/v1/namespaces/default/deployments", {
        "apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web"},
        "spec": {"replicas": 2, "selector": {"matchLabels": {"app": "web"}},
                 "template": {"metadata": {"labels": {"app": "web"}},
                              "spec": {"containers": [{"name": "app", "image": "nginx"}]}}}})

    [node] = table(kubectl("get", "nodes").stdout)
    assert (node["NAME"], node["STATUS"], node["ROLES"], node["VERSION"]) == \
        ("node-1", "Ready", "<none>", "v1.30.0")
    [node] = table(kubectl("get", "nodes", "-o", "wide").stdout)
    assert (node["INTERNAL-IP"], node["EXTERNAL-IP"], node["OS-IMAGE"],
            node["KERNEL-VERSION"], node["CONTAINER-RUNTIME"]) == \
        ("10.0.0.1", "<none>", "Debian GNU/Linux 12 (bookworm)", "6.1.0", "runc://1.1.5")
    [node] = table(kubectl("get", "nodes", "-L", "topology.kubernetes.io/zone").stdout)
    assert node["ZONE"] == "zone-a"

    pods = table(kubectl("get", "pods").stdout)
    assert [p["NAME"] for p in pods] == ["alpha", "mid", "zeta"]
    for p in pods:
        assert (p["READY"], p["STATUS"], p["RESTARTS"]) == ("0/1", "Pending", "0")
    wide = table(kubectl("get", "pods", "-o", "wide").stdout)
    assert {(p["NAME"], p["NODE"], p["IP"], p["NOMINATED NODE"]) for p in wide} == {
        ("alpha", "node-1", "<none>", "<none>"), ("mid", "node-1", "<none>", "<none>"),
        ("zeta", "node-1", "<none>", "<none>")}

    every = table(kubectl("get", "pods", "-A").stdout)
    assert [(p["NAMESPACE"], p["NAME"]) for p in every] == [
        ("default", "alpha"), ("default", "mid"), ("default", "zeta"), ("team", "beta")]
    by_name = table(kubectl("get", "pods", "-A", "--sort-by=.metadata.name").stdout)
    assert [(p["NAMESPACE"], p["NAME"]) for p in by_name] == [
        ("default", "alpha"), ("team", "beta"), ("default", "mid"), ("default", "zeta")]
    by_image = table(kubectl("get", "pods", "-A",
                             "--sort-by=.spec.containers[0].image").stdout)
    assert by_image[-1]["NAME"] == "beta"

    web = table(kubectl("get", "pods", "-A", "-l", "app=web").stdout)
    assert [p["NAME"] for p in web] == ["alpha", "zeta", "beta"]
    assert kubectl("get", "pods", "-l", "app notin (web)", "-o", "name").stdout.split() == \
        ["pod/mid"]
    r = kubectl("get", "pods", "-l", "app=nothing")
    assert r.stdout == "" and "No resources found in default namespace." in r.stderr
    labelled = table(kubectl("get", "pods", "--show-labels").stdout)
    assert {(p["NAME"], p["LABELS"]) for p in labelled} == {
        ("alpha", "app=web"), ("mid", "app=db"), ("zeta", "app=web")}

    assert kubectl("get", "pods", "-o", "name").stdout.split() == \
        ["pod/alpha", "pod/mid", "pod/zeta"]
    doc = yaml.safe_load(kubectl("get", "pods", "-n", "team", "-o", "yaml").stdout)
    assert doc["kind"] == "List" and doc["apiVersion"] == "v1"
    [item] = doc["items"]
    assert (item["kind"], item["apiVersion"], item["metadata"]["name"],
            item["metadata"]["namespace"], item["spec"]["nodeName"],
            item["spec"]["containers"][0]["image"]) == \
        ("Pod", "v1", "beta", "team", "node-1", "redis:7")
    one = json.loads(kubectl("get", "pod", "mid", "-o", "json").stdout)
    assert (one["kind"], one["metadata"]["labels"], one["spec"]["nodeName"],
            one["status"]["phase"]) == ("Pod", {"app": "db"}, "node-1", "Pending")
    jp = kubectl("get", "pods", "-A", "-o",
                 'jsonpath={range .items[*]}{.metadata.namespace}/{.metadata.name}='
                 '{.spec.nodeName}{"\\n"}{end}').stdout
    assert jp.splitlines() == ["default/alpha=node-1", "default/mid=node-1",
                               "default/zeta=node-1", "team/beta=node-1"]
    assert kubectl("get", "node", "node-1", "-o",
                   "jsonpath={.status.capacity.cpu}").stdout == "4"

    # get all: every resource in the "all" category, each in its own table, names prefixed.
    blocks = tables(kubectl("get", "all").stdout)
    names = [row["NAME"] for block in blocks for row in block]
    assert {"pod/alpha", "pod/mid", "pod/zeta", "deployment.apps/web"} <= set(names)
    assert not [n for n in names if n.startswith("pod/") and n not in
                ("pod/alpha", "pod/mid", "pod/zeta")]
    [deploy] = [row for block in blocks for row in block if row["NAME"] == "deployment.apps/web"]
    assert deploy["READY"].endswith("/2")
    everywhere = [row for block in tables(kubectl("get", "all", "-A").stdout) for row in block]
    assert ("team", "pod/beta") in {(row["NAMESPACE"], row["NAME"]) for row in everywhere}


def describe_fields(text):
    """The `Key:  value` lines at the top level of kubectl describe output."""
    fields = {}
    for ln in text.splitlines():
        m = re.match(r"^([A-Za-z][A-Za-z -]*):\s+(.*)$", ln)
        if m:
            fields.setdefault(m.group(1), m.group(2).strip())
    return fields


def test_describe_node_and_pod(server, kubectl):
    seed_nodes_and_pods(server)

    out = kubectl("describe", "node", "node-1").stdout
    f = describe_fields(out)
    assert f["Name"] == "node-1"
    assert f["Roles"] == "<none>"
    assert f["Taints"] == "<none>"
    assert f["Unschedulable"] == "false"
    assert "kubernetes.io/hostname=node-1" in out and "topology.kubernetes.io/zone=zone-a" in out
    assert re.search(r"^\s+InternalIP:\s+10\.0\.0\.1$", out, re.M)
    assert re.search(r"^\s+Ready\s+True\s.*KubeletReady\s+kubelet is posting ready status",
                     out, re.M)
    assert re.search(r"^Capacity:\n\s+cpu:\s+4\n\s+memory:\s+8Gi\n\s+pods:\s+110$", out, re.M)
    assert re.search(r"^\s+Kubelet Version:\s+v1\.30\.0$", out, re.M)
    # The pods bound to the node, found with spec.nodeName and status.phase selectors.
    assert re.search(r"^Non-terminated Pods:\s+\(4 in total\)$", out, re.M)
    for ns, name in (("default", "alpha"), ("default", "mid"), ("default", "zeta"),
                     ("team", "beta")):
        assert re.search(rf"^\s+{ns}\s+{name}\s", out, re.M), name

    out = kubectl("describe", "pod", "alpha").stdout
    f = describe_fields(out)
    assert f["Name"] == "alpha"
    assert f["Namespace"] == "default"
    assert f["Node"].startswith("node-1")
    assert f["Labels"] == "app=web"
    assert f["Status"] == "Pending"
    assert f["QoS Class"] == "BestEffort"
    assert re.search(r"^Containers:\n\s+app:\n\s+Image:\s+nginx:1\.25$", out, re.M)

    # describe by label selector describes each match.
    out = kubectl("describe", "pods", "-l", "app=web").stdout
    assert sorted(re.findall(r"^Name:\s+(\S+)$", out, re.M)) == ["alpha", "zeta"]
    out = kubectl("describe", "pods", "-n", "team").stdout
    assert re.findall(r"^Name:\s+(\S+)$", out, re.M) == ["beta"]
    out = kubectl("describe", "all", "-n", "team").stdout
    assert re.findall(r"^Name:\s+(\S+)$", out, re.M) == ["beta"]
    assert re.search(r"^\s+Image:\s+redis:7$", out, re.M)


# ---- get -w ------------------------------------------------------------------------------

def test_get_watch_prints_each_change(server, kubectl, tmp_path):
    cms = "/api/v1/namespaces/default/configmaps"
    api(server, "POST", cms, {"apiVersion": "v1", "kind": "ConfigMap",
                              "metadata": {"name": "before"}, "data": {"a": "1"}})
    stderr = open(tmp_path / "watch.stderr", "w+")
    proc = subprocess.Popen([str(kubectl.binary), "--kubeconfig", str(server.kubeconfig),
                             "get", "configmaps", "-w"],
                            stdout=subprocess.PIPE, stderr=stderr, stdin=subprocess.DEVNULL,
                            text=True)
    lines = queue.Queue()

    def pump():
        for ln in proc.stdout:
            lines.put(ln.rstrip("\n"))
        lines.put(None)

    reader = threading.Thread(target=pump, daemon=True)
    reader.start()

    def next_row(timeout=15):
        try:
            ln = lines.get(timeout=timeout)
        except queue.Empty:
            stderr.seek(0)
            raise AssertionError(f"kubectl get -w printed nothing in {timeout} s; "
                                 f"stderr: {stderr.read()}")
        assert ln is not None, "kubectl get -w exited early"
        return ln.split()

    try:
        assert next_row() == ["NAME", "DATA", "AGE"]
        assert next_row()[:2] == ["before", "1"]
        # Changes after the list arrive as watch events, one row each.
        api(server, "POST", cms, {"apiVersion": "v1", "kind": "ConfigMap",
                                  "metadata": {"name": "after"}, "data": {"a": "1", "b": "2"}})
        assert next_row()[:2] == ["after", "2"]
        api(server, "PATCH", cms + "/before", {"data": {"c": "3"}},
            headers={"Content-Type": "application/merge-patch+json"})
        assert next_row()[:2] == ["before", "2"]
        api(server, "DELETE", cms + "/after")
        assert next_row()[:2] == ["after", "2"]
        assert proc.poll() is None, "kubectl get -w must keep watching"
    finally:
        proc.kill()
        proc.wait()
        reader.join(timeout=5)
        stderr.close()


# ---- create generators -----------------------------------------------------------------

def test_create_generators(server, kubectl):
    # kubectl >= 1.31 sends these bodies as protobuf, kubectl 1.20 as JSON.
    assert output_lines(kubectl("create", "namespace", "team")) == ["namespace/team created"]
    ns = json.loads(kubectl("get", "namespace", "team", "-o", "json").stdout)
    assert ns["status"]["phase"] == "Active"
    assert ns["metadata"]["labels"]["kubernetes.io/metadata.name"] == "team"

    assert output_lines(kubectl("create", "configmap", "app-config", "-n", "team",
                                "--from-literal=mode=prod", "--from-literal=level=3")) == \
        ["configmap/app-config created"]
    cm = json.loads(kubectl("get", "cm", "app-config", "-n", "team", "-o", "json").stdout)
    assert cm["data"] == {"mode": "prod", "level": "3"}

    assert output_lines(kubectl("create", "secret", "generic", "creds", "-n", "team",
                                "--from-literal=password=s3cr3t",
                                "--from-literal=user=admin")) == ["secret/creds created"]
    secret = json.loads(kubectl("get", "secret", "creds", "-n", "team", "-o", "json").stdout)
    assert secret["type"] == "Opaque"
    assert secret["data"] == {"password": "czNjcjN0", "user": "YWRtaW4="}

    assert output_lines(kubectl("create", "deployment", "web", "-n", "team",
                                "--image=nginx:1.25", "--replicas=3")) == \
        ["deployment.apps/web created"]
    d = json.loads(kubectl("get", "deploy", "web", "-n", "team", "-o", "json").stdout)
    assert d["metadata"]["labels"] == {"app": "web"}
    assert d["metadata"]["generation"] == 1
    assert d["spec"]["replicas"] == 3
    assert d["spec"]["selector"] == {"matchLabels": {"app": "web"}}
    assert d["spec"]["template"]["metadata"]["labels"] == {"app": "web"}
    [c] = d["spec"]["template"]["spec"]["containers"]
    assert (c["name"], c["image"]) == ("nginx", "nginx:1.25")
    assert d["spec"]["strategy"] == {"type": "RollingUpdate", "rollingUpdate": {
        "maxSurge": "25%", "maxUnavailable": "25%"}}

    out = kubectl("describe", "deployment", "web", "-n", "team").stdout
    f = describe_fields(out)
    assert (f["Name"], f["Namespace"], f["Selector"], f["StrategyType"]) == \
        ("web", "team", "app=web", "RollingUpdate")
    assert re.match(r"3 desired \|", f["Replicas"])
    assert re.search(r"^\s+Image:\s+nginx:1\.25$", out, re.M)
    out = kubectl("describe", "secret", "creds", "-n", "team").stdout
    assert describe_fields(out)["Type"] == "Opaque"
    assert re.search(r"^password:\s+6 bytes$", out, re.M)
    assert "s3cr3t" not in out
    out = kubectl("describe", "configmap", "app-config", "-n", "team").stdout
    assert re.search(r"^mode:\n----\nprod$", out, re.M)

    r = kubectl("create", "namespace", "team", check=False)
    assert r.returncode == 1 and 'namespaces "team" already exists' in r.stderr


# ---- apply -------------------------------------------------------------------------------

MANIFEST = """\
apiVersion: v1
kind: Namespace
metadata:
  name: shop
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: shop-config
  namespace: shop
data:
  greeting: hello
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop-web
  namespace: shop
  labels:
    app: shop-web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: shop-web
  template:
    metadata:
      labels:
        app: shop-web
    spec:
      containers:
      - name: web
        image: nginx:1.25
        env:
        - name: MODE
          value: prod
        - name: OLD
          value: "1"
"""

EDITED = MANIFEST.replace("image: nginx:1.25", "image: nginx:1.26") \
                 .replace("value: prod", "value: dev") \
                 .replace('        - name: OLD\n          value: "1"\n', "")


def shop_objects(server):
    return {
        "namespace/shop": get_obj(server, "/api/v1/namespaces/shop"),
        "configmap/shop-config": get_obj(server, "/api/v1/namespaces/shop/configmaps/shop-config"),
        "deployment.apps/shop-web": get_obj(
            server, "/apis/apps/v1/namespaces/shop/deployments/shop-web"),
    }


def test_apply_multi_document_manifest(server, kubectl, tmp_path):
    first, edited = tmp_path / "shop.yaml", tmp_path / "shop-edited.yaml"
    first.write_text(MANIFEST)
    edited.write_text(EDITED)

    assert output_lines(kubectl("apply", "-f", str(first))) == [
        "namespace/shop created", "configmap/shop-config created",
        "deployment.apps/shop-web created"]
    created = shop_objects(server)
    for ref, obj in created.items():
        last = obj["metadata"]["annotations"]["kubectl.kubernetes.io/last-applied-configuration"]
        assert json.loads(last)["metadata"]["name"] == ref.split("/")[1]
    assert created["configmap/shop-config"]["data"] == {"greeting": "hello"}

    # Applying the same manifest again changes nothing and writes nothing.
    assert output_lines(kubectl("apply", "-f", str(first))) == [
        "namespace/shop unchanged", "configmap/shop-config unchanged",
        "deployment.apps/shop-web unchanged"]
    again = shop_objects(server)
    for ref in created:
        assert again[ref]["metadata"]["resourceVersion"] == \
            created[ref]["metadata"]["resourceVersion"], ref

    # A label set outside the manifest survives apply (three-way merge).
    kubectl("label", "deployment", "shop-web", "-n", "shop", "owner=ops")
    before_edit = shop_objects(server)["deployment.apps/shop-web"]

    assert output_lines(kubectl("apply", "-f", str(edited))) == [
        "namespace/shop unchanged", "configmap/shop-config unchanged",
        "deployment.apps/shop-web configured"]
    after = shop_objects(server)
    for ref in ("namespace/shop", "configmap/shop-config"):
        assert after[ref]["metadata"]["resourceVersion"] == \
            created[ref]["metadata"]["resourceVersion"], f"{ref} was rewritten"
    d = after["deployment.apps/shop-web"]
    assert int(d["metadata"]["resourceVersion"]) > int(before_edit["metadata"]["resourceVersion"])
    assert d["metadata"]["generation"] == before_edit["metadata"]["generation"] + 1
    assert d["metadata"]["labels"] == {"app": "shop-web", "owner": "ops"}
    [c] = d["spec"]["template"]["spec"]["containers"]
    assert c["image"] == "nginx:1.26"
    # The env list merges by name: MODE changed, OLD (gone from the manifest) removed.
    assert c["env"] == [{"name": "MODE", "value": "dev"}]
    assert d["spec"]["replicas"] == 2
    last = json.loads(d["metadata"]["annotations"]
                      ["kubectl.kubernetes.io/last-applied-configuration"])
    assert last["spec"]["template"]["spec"]["containers"][0]["image"] == "nginx:1.26"

    assert output_lines(kubectl("apply", "-f", str(edited))) == [
        "namespace/shop unchanged", "configmap/shop-config unchanged",
        "deployment.apps/shop-web unchanged"]


# ---- label, annotate, patch ------------------------------------------------------------

def two_container_deployment(name):
    return {"apiVersion": "apps/v1", "kind": "Deployment",
            "metadata": {"name": name, "labels": {"app": name}},
            "spec": {"replicas": 1, "selector": {"matchLabels": {"app": name}},
                     "template": {"metadata": {"labels": {"app": name}},
                                  "spec": {"containers": [
                                      {"name": "app", "image": "nginx:1.25"},
                                      {"name": "sidecar", "image": "busybox:1.36"}]}}}}


def test_label_annotate_and_three_patch_types(server, kubectl):
    path = "/apis/apps/v1/namespaces/default/deployments/web"
    api(server, "POST", "/apis/apps/v1/namespaces/default/deployments",
        two_container_deployment("web"))

    def get():
        return get_obj(server, path)

    def images(d):
        return [(c["name"], c["image"]) for c in d["spec"]["template"]["spec"]["containers"]]

    # label and annotate touch metadata only: no new generation.
    assert output_lines(kubectl("label", "deployment", "web", "tier=front")) == \
        ["deployment.apps/web labeled"]
    r = kubectl("label", "deployment", "web", "tier=back", check=False)
    assert r.returncode != 0 and "already has a value (front)" in r.stderr
    kubectl("label", "deployment", "web", "tier=back", "--overwrite")
    assert output_lines(kubectl("annotate", "deployment", "web", "note=hello world")) == \
        ["deployment.apps/web annotated"]
    d = get()
    assert d["metadata"]["labels"] == {"app": "web", "tier": "back"}
    assert d["metadata"]["annotations"]["note"] == "hello world"
    assert d["metadata"]["generation"] == 1
    kubectl("label", "deployment", "web", "tier-")
    kubectl("annotate", "deployment", "web", "note-")
    d = get()
    assert d["metadata"]["labels"] == {"app": "web"}
    assert "note" not in (d["metadata"].get("annotations") or {})
    assert kubectl("get", "deploy", "-l", "tier", "-o", "name").stdout == ""

    # Strategic merge patch (the default): containers merge by name.
    assert output_lines(kubectl("patch", "deployment", "web", "-p", json.dumps(
        {"spec": {"template": {"spec": {"containers": [
            {"name": "app", "image": "nginx:1.26"}]}}}}))) == ["deployment.apps/web patched"]
    d = get()
    assert images(d) == [("app", "nginx:1.26"), ("sidecar", "busybox:1.36")]
    assert d["metadata"]["generation"] == 2
    rv = d["metadata"]["resourceVersion"]
    # A patch that changes nothing is not written.
    r = kubectl("patch", "deployment", "web", "-p", '{"spec":{"replicas":1}}')
    assert output_lines(r) == ["deployment.apps/web patched (no change)"]
    assert get()["metadata"]["resourceVersion"] == rv

    # JSON merge patch: lists are replaced whole; null deletes a key.
    kubectl("annotate", "deployment", "web", "keep=yes", "drop=yes")
    assert output_lines(kubectl("patch", "deployment", "web", "--type=merge", "-p", json.dumps(
        {"metadata": {"annotations": {"drop": None}},
         "spec": {"template": {"spec": {"containers": [
             {"name": "app", "image": "nginx:1.27"}]}}}}))) == ["deployment.apps/web patched"]
    d = get()
    assert images(d) == [("app", "nginx:1.27")]
    assert d["metadata"]["annotations"].get("keep") == "yes"
    assert "drop" not in d["metadata"]["annotations"]
    assert d["metadata"]["generation"] == 3

    # JSON patch: operations in order, all or nothing.
    assert output_lines(kubectl("patch", "deployment", "web", "--type=json", "-p", json.dumps([
        {"op": "replace", "path": "/spec/replicas", "value": 4},
        {"op": "add", "path": "/metadata/labels/patched", "value": "json"},
        {"op": "add", "path": "/spec/template/spec/containers/-",
         "value": {"name": "log", "image": "fluent-bit:3"}}]))) == ["deployment.apps/web patched"]
    d = get()
    assert d["spec"]["replicas"] == 4
    assert d["metadata"]["labels"] == {"app": "web", "patched": "json"}
    assert images(d) == [("app", "nginx:1.27"), ("log", "fluent-bit:3")]
    rv = d["metadata"]["resourceVersion"]
    r = kubectl("patch", "deployment", "web", "--type=json", "-p", json.dumps([
        {"op": "replace", "path": "/spec/replicas", "value": 9},
        {"op": "test", "path": "/metadata/labels/patched", "value": "nope"}]), check=False)
    assert r.returncode == 1
    d = get()
    assert d["metadata"]["resourceVersion"] == rv and d["spec"]["replicas"] == 4

    # Patch on a second kind and a cluster-scoped object: cordon-style SMP on a Node.
    api(server, "POST", "/api/v1/nodes", node_body("node-1", "10.0.0.1"))
    kubectl("patch", "node", "node-1", "-p", '{"spec":{"unschedulable":true}}')
    [node] = table(kubectl("get", "nodes").stdout)
    assert node["STATUS"] == "Ready,SchedulingDisabled"
    kubectl("patch", "node", "node-1", "-p", '{"spec":{"unschedulable":null}}')
    assert "unschedulable" not in get_obj(server, "/api/v1/nodes/node-1")["spec"]


# ---- scale -------------------------------------------------------------------------------

def test_scale_deployment(server, kubectl):
    kubectl("create", "deployment", "web", "--image=nginx:1.25", "--replicas=2")
    assert output_lines(kubectl("scale", "deployment", "web", "--replicas=5")) == \
        ["deployment.apps/web scaled"]
    d = get_obj(server, "/apis/apps/v1/namespaces/default/deployments/web")
    assert d["spec"]["replicas"] == 5
    assert d["metadata"]["generation"] == 2

    scale = api(server, "GET", "/apis/apps/v1/namespaces/default/deployments/web/scale")
    assert (scale["kind"], scale["apiVersion"]) == ("Scale", "autoscaling/v1")
    assert scale["metadata"]["name"] == "web"
    assert scale["metadata"]["uid"] == d["metadata"]["uid"]
    assert scale["spec"] == {"replicas": 5}
    assert scale["status"]["selector"] == "app=web"

    # --current-replicas makes kubectl GET and PUT the Scale with a precondition.
    kubectl("scale", "deployment", "web", "--current-replicas=5", "--replicas=1")
    assert kubectl("get", "deploy", "web", "-o", "jsonpath={.spec.replicas}").stdout == "1"
    r = kubectl("scale", "deployment", "web", "--current-replicas=3", "--replicas=2",
                check=False)
    assert r.returncode == 1 and "Expected replicas to be 3, was 1" in r.stderr
    assert kubectl("get", "deploy", "web", "-o", "jsonpath={.spec.replicas}").stdout == "1"


# ---- delete and garbage collection -------------------------------------------------------

GC_TIMEOUT = 8.0  # kube-controller-manager's garbage collector acts within a second or so


def owner_and_dependents(server, owner_name, pods):
    """A ReplicaSet and pods whose controller ownerReference points at it."""
    rs = api(server, "POST", "/apis/apps/v1/namespaces/default/replicasets", {
        "apiVersion": "apps/v1", "kind": "ReplicaSet", "metadata": {"name": owner_name},
        "spec": {"replicas": len(pods), "selector": {"matchLabels": {"rs": owner_name}},
                 "template": {"metadata": {"labels": {"rs": owner_name}},
                              "spec": {"containers": [{"name": "app", "image": "nginx"}]}}}})
    ref = {"apiVersion": "apps/v1", "kind": "ReplicaSet", "name": owner_name,
           "uid": rs["metadata"]["uid"], "controller": True, "blockOwnerDeletion": True}
    for p in pods:
        api(server, "POST", "/api/v1/namespaces/default/pods",
            pod_body(p, {"rs": owner_name}, owner=ref))
    return rs["metadata"]["uid"]


def pod_path(name):
    return f"/api/v1/namespaces/default/pods/{name}"


def test_delete_cascade_orphan_keeps_dependents(server, kubectl):
    uid = owner_and_dependents(server, "keep", ["keep-a", "keep-b"])
    r = kubectl("delete", "replicaset", "keep", "--cascade=orphan")
    assert output_lines(r)[0].startswith('replicaset.apps "keep" deleted')
    wait_for(lambda: get_obj(server, "/apis/apps/v1/namespaces/default/replicasets/keep")
             is None, GC_TIMEOUT, "the orphaned owner to be gone")
    for p in ("keep-a", "keep-b"):
        pod = get_obj(server, pod_path(p))
        assert pod is not None, f"{p} was deleted although dependents were orphaned"
        # K8S: orphaning removes the dependents' ownerReferences to the owner (the
        # "orphan" finalizer holds the owner until the garbage collector has done it), so
        # that nothing collects them later.
        refs = [ref["uid"] for ref in pod["metadata"].get("ownerReferences") or []]
        assert uid not in refs, f"{p} still has an ownerReference to the deleted owner"


def test_delete_background_collects_dependents(server, kubectl):
    owner_and_dependents(server, "gone", ["gone-a", "gone-b"])
    api(server, "POST", "/api/v1/namespaces/default/pods", pod_body("bystander", {"rs": "gone"}))
    r = kubectl("delete", "replicaset", "gone")
    assert output_lines(r)[0].startswith('replicaset.apps "gone" deleted')
    assert get_obj(server, "/apis/apps/v1/namespaces/default/replicasets/gone") is None
    # K8S: background propagation: the garbage collector deletes every dependent whose
    # owners are all gone; objects that only match the selector are not dependents.
    wait_for(lambda: all(get_obj(server, pod_path(p)) is None for p in ("gone-a", "gone-b")),
             GC_TIMEOUT, "the garbage collector to delete the dependents")
    assert get_obj(server, pod_path("bystander")) is not None
    r = kubectl("delete", "pod", "bystander")
    assert output_lines(r)[0].startswith('pod "bystander" deleted')
    r = kubectl("delete", "pod", "bystander", check=False)
    assert r.returncode == 1 and 'pods "bystander" not found' in r.stderr
