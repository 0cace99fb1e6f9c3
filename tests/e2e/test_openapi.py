"""OpenAPI v2 and v3 (issue 4, item 2): the documents generated from the schema tables, as
kubectl uses them. kubectl 1.20 reads /openapi/v2 as gnostic protobuf: it validates manifests
client-side against the definitions (a misspelled field is refused before anything is sent)
and computes apply's strategic merge patches from their patch extensions. The newer kubectl
reads /openapi/v3: `explain` from the group-version documents, and since the PATCH
operations declare fieldValidation it trusts the server to validate. Both versions explain
pods and deployment.spec.strategy and apply a multi-document manifest twice."""
import json

TYPO = """\
apiVersion: v1
kind: ConfigMap
metadata:
  name: typo-cm
dataa:
  key: value
"""

MANIFEST = """\
apiVersion: v1
kind: ConfigMap
metadata:
  name: oa-config
data:
  greeting: hello
---
apiVersion: v1
kind: Service
metadata:
  name: oa-svc
spec:
  selector:
    app: oa-web
  ports:
  - name: http
    port: 80
    targetPort: 8080
  - name: metrics
    port: 9090
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: oa-web
  labels:
    app: oa-web
spec:
  replicas: 1
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 1
      maxUnavailable: 25%
  selector:
    matchLabels:
      app: oa-web
  template:
    metadata:
      labels:
        app: oa-web
    spec:
      containers:
      - name: web
        image: nginx:1.25
        ports:
        - containerPort: 8080
        resources:
          limits:
            cpu: 500m
            memory: 128Mi
      - name: sidecar
        image: busybox:1.36
"""

PB_ACCEPT = "application/com.github.proto-openapi.spec.v2@v1.0+protobuf"


def lines(r):
    return [ln for ln in r.stdout.splitlines() if ln.strip()]


def get_json(server, path, expect=200, headers=None):
    status, hdrs, body = server.request("GET", path, headers=headers)
    assert status == expect, f"GET {path} -> {status}: {body[:300]!r}"
    return hdrs, json.loads(body) if body else None


# ---- the documents over HTTP ----------------------------------------------------------------

def test_v3_root_and_group_version_caching(server):
    hdrs, root = get_json(server, "/openapi/v3")
    assert hdrs["Content-Type"] == "application/json"
    paths = root["paths"]
    assert {"api/v1", "apis/apps/v1", "apis/coordination.k8s.io/v1"} <= set(paths)
    url = paths["api/v1"]["serverRelativeURL"]
    assert url.startswith("/openapi/v3/api/v1?hash=")
    etag = url.split("hash=")[1]
    assert len(etag) == 128

    # K8S (kube-openapi handler3): with the current hash the answer is immutable.
    hdrs, doc = get_json(server, url, headers={"Accept": "application/json"})
    assert hdrs["ETag"] == f'"{etag}"'
    assert hdrs["Cache-Control"] == "public, immutable"
    assert "Expires" in hdrs
    pod = doc["components"]["schemas"]["io.k8s.api.core.v1.Pod"]
    assert pod["x-kubernetes-group-version-kind"] == [
        {"group": "", "kind": "Pod", "version": "v1"}]
    patch = doc["paths"]["/api/v1/namespaces/{namespace}/pods/{name}"]["patch"]
    assert {"fieldValidation", "dryRun"} <= {p["name"] for p in patch["parameters"]}

    # Without a hash: no immutable caching; If-None-Match gets a 304.
    hdrs, _ = get_json(server, "/openapi/v3/api/v1")
    assert "Cache-Control" not in hdrs
    status, _, body = server.request("GET", "/openapi/v3/api/v1",
                                     headers={"If-None-Match": f'"{etag}"'})
    assert status == 304 and body == b""

    # A stale hash is redirected to the current one (urllib follows the 301).
    hdrs, doc2 = get_json(server, "/openapi/v3/api/v1?hash=0123")
    assert doc2 == doc

    status, _, _ = server.request("GET", "/openapi/v3/apis/nosuch.example.com/v1")
    assert status == 404


def test_v2_protobuf_and_json(server):
    status, hdrs, body = server.request("GET", "/openapi/v2", headers={"Accept": PB_ACCEPT})
    assert status == 200
    # K8S (reference §2): octet-stream; Go's mime parser rejects the type kubectl asked for.
    assert hdrs["Content-Type"] == "application/octet-stream"
    # Document {1: swagger "2.0"} first, then the definitions somewhere after.
    assert body.startswith(b"\x0a\x032.0")
    assert b"io.k8s.api.core.v1.ConfigMap" in body
    assert b"x-kubernetes-patch-merge-key" in body

    hdrs, doc = get_json(server, "/openapi/v2", headers={"Accept": "application/json"})
    assert doc["swagger"] == "2.0"
    defs = doc["definitions"]
    assert defs["io.k8s.api.apps.v1.Deployment"]["x-kubernetes-group-version-kind"] == [
        {"group": "apps", "kind": "Deployment", "version": "v1"}]
    assert defs["io.k8s.api.core.v1.PodSpec"]["properties"]["containers"][
        "x-kubernetes-patch-merge-key"] == "name"
    assert hdrs["ETag"].startswith('"')
    for accept in ("*/*", None):
        status, hdrs, body = server.request("GET", "/openapi/v2",
                                            headers={"Accept": accept} if accept else {})
        assert status == 200 and hdrs["Content-Type"] == "application/json"
        assert json.loads(body)["swagger"] == "2.0"


# ---- kubectl ----------------------------------------------------------------------------

def test_explain_pods(kubectl):
    out = kubectl("explain", "pods").stdout
    assert "KIND:" in out and "Pod" in out
    assert "VERSION:" in out and "v1" in out
    for field in ("apiVersion", "kind", "metadata", "spec", "status"):
        assert field in out, out


def test_explain_deployment_spec_strategy(kubectl):
    out = kubectl("explain", "deployment.spec.strategy").stdout
    assert "Deployment" in out
    assert "strategy" in out
    assert "rollingUpdate" in out and "type" in out, out
    out = kubectl("explain", "deployment.spec.strategy.rollingUpdate.maxSurge").stdout
    assert "maxSurge" in out


def test_typo_refused_client_side_by_kubectl120(server, kubectl120, tmp_path):
    path = tmp_path / "typo.yaml"
    path.write_text(TYPO)
    r = kubectl120("apply", "-f", str(path), check=False)
    assert r.returncode != 0
    assert 'unknown field "dataa"' in r.stderr, r.stderr
    assert "ValidationError(ConfigMap)" in r.stderr
    status, _, _ = server.request("GET", "/api/v1/namespaces/default/configmaps/typo-cm")
    assert status == 404, "the refused manifest reached the server"

    r = kubectl120("apply", "-f", str(path), "--validate=false")
    assert lines(r) == ["configmap/typo-cm created"]
    status, _, _ = server.request("GET", "/api/v1/namespaces/default/configmaps/typo-cm")
    assert status == 200


def test_typo_left_to_the_server_by_newer_kubectl(server, kubectl_new, tmp_path):
    """The v3 PATCH operations declare fieldValidation, so the newer kubectl does not
    validate client-side: it sends fieldValidation=Strict and reports the server's 400
    "strict decoding error" (reference §3.3, row 1); nothing is stored."""
    path = tmp_path / "typo.yaml"
    path.write_text(TYPO)
    r = kubectl_new("apply", "-f", str(path), check=False)
    assert "ValidationError" not in r.stderr and "error validating data" not in r.stderr, \
        r.stderr
    assert r.returncode != 0, r.stdout
    assert "Error from server (BadRequest)" in r.stderr, r.stderr
    assert ('ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding '
            'error: unknown field "dataa"') in r.stderr, r.stderr
    status, _, _ = server.request("GET", "/api/v1/namespaces/default/configmaps/typo-cm")
    assert status == 404, "the refused manifest was stored"


def test_apply_multi_document_twice_then_edit(server, kubectl, tmp_path):
    first, edited = tmp_path / "oa.yaml", tmp_path / "oa-edited.yaml"
    first.write_text(MANIFEST)
    edited.write_text(MANIFEST.replace("nginx:1.25", "nginx:1.26")
                      .replace("    port: 80\n", "    port: 8081\n"))

    r = kubectl("apply", "-f", str(first))
    assert lines(r) == ["configmap/oa-config created", "service/oa-svc created",
                        "deployment.apps/oa-web created"]
    assert "warning" not in r.stderr.lower(), r.stderr
    r = kubectl("apply", "-f", str(first))
    assert lines(r) == ["configmap/oa-config unchanged", "service/oa-svc unchanged",
                        "deployment.apps/oa-web unchanged"]
    assert "warning" not in r.stderr.lower(), r.stderr

    # The patch kubectl computes (from the OpenAPI patch metadata) merges by key.
    kubectl("label", "deployment", "oa-web", "owner=ops")
    r = kubectl("apply", "-f", str(edited))
    assert lines(r) == ["configmap/oa-config unchanged", "service/oa-svc configured",
                        "deployment.apps/oa-web configured"]
    assert "warning" not in r.stderr.lower(), r.stderr
    _, d = get_json(server, "/apis/apps/v1/namespaces/default/deployments/oa-web")
    assert d["metadata"]["labels"] == {"app": "oa-web", "owner": "ops"}
    images = {c["name"]: c["image"] for c in d["spec"]["template"]["spec"]["containers"]}
    assert images == {"web": "nginx:1.26", "sidecar": "busybox:1.36"}
    assert d["spec"]["strategy"]["rollingUpdate"] == {"maxSurge": 1, "maxUnavailable": "25%"}
    _, svc = get_json(server, "/api/v1/namespaces/default/services/oa-svc")
    assert sorted(p["port"] for p in svc["spec"]["ports"]) == [8081, 9090]

    r = kubectl("apply", "-f", str(edited))
    assert lines(r) == ["configmap/oa-config unchanged", "service/oa-svc unchanged",
                        "deployment.apps/oa-web unchanged"]
