"""Server-side apply (issue 4, item 4): `kubectl apply --server-side` creating, re-applying,
updating and pruning; conflicts with fields other managers set (`kubectl create`, `kubectl
scale`) and `--force-conflicts`; metadata.managedFields as `kubectl get
--show-managed-fields` prints them; the 409 Status and the PatchOptions checks on the wire;
dryRun; kubectl 1.20's `apply --server-side`."""
import json

from conftest import KUBECTL_120

APPLY = "application/apply-patch+yaml"

CM_V1 = """apiVersion: v1
kind: ConfigMap
metadata:
  name: web
  labels:
    app: web
data:
  a: "1"
  b: "2"
"""

CM_V2 = """apiVersion: v1
kind: ConfigMap
metadata:
  name: web
  labels:
    app: web
data:
  a: "10"
"""

DEPLOY = """apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: {replicas}
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.25
        ports:
        - containerPort: 80
"""


def api(server, method, path, body=None, expect=(200, 201), headers=None):
    status, _, raw = server.request(method, path, body, headers=headers)
    assert status in expect, f"{method} {path} -> {status}: {raw[:600]!r}"
    return json.loads(raw) if raw else None


def get_json(kubectl, *args):
    """The object as JSON, managedFields included (kubectl >= 1.21 hides them unless told)."""
    extra = () if kubectl.binary == KUBECTL_120 else ("--show-managed-fields",)
    return json.loads(kubectl("get", *args, "-o", "json", *extra).stdout)


def managers(obj):
    return {(e["manager"], e["operation"], e.get("subresource", ""))
            for e in obj["metadata"].get("managedFields", [])}


def write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text)
    return str(p)


def test_apply_create_reapply_update(kubectl_new, tmp_path):
    k = kubectl_new
    f = write(tmp_path, "cm.yaml", CM_V1)
    r = k("apply", "--server-side", "-f", f)
    assert "configmap/web serverside-applied" in r.stdout
    cm = get_json(k, "configmap", "web")
    assert cm["data"] == {"a": "1", "b": "2"}
    assert ("kubectl", "Apply", "") in managers(cm)
    entry = [e for e in cm["metadata"]["managedFields"] if e["operation"] == "Apply"][0]
    assert entry["fieldsType"] == "FieldsV1"
    assert entry["apiVersion"] == "v1"
    assert entry["fieldsV1"] == {"f:data": {"f:a": {}, "f:b": {}},
                                 "f:metadata": {"f:labels": {"f:app": {}}}}
    assert "time" in entry

    # The same configuration again writes nothing.
    rv = cm["metadata"]["resourceVersion"]
    k("apply", "--server-side", "-f", f)
    assert get_json(k, "configmap", "web")["metadata"]["resourceVersion"] == rv

    # An edited configuration: a changes, b (no longer applied) goes.
    f = write(tmp_path, "cm.yaml", CM_V2)
    k("apply", "--server-side", "-f", f)
    cm = get_json(k, "configmap", "web")
    assert cm["data"] == {"a": "10"}
    assert cm["metadata"]["labels"] == {"app": "web"}


def test_conflict_with_create_and_force(kubectl_new, tmp_path):
    k = kubectl_new
    k("create", "configmap", "web", "--from-literal=a=orig")
    cm = get_json(k, "configmap", "web")
    assert ("kubectl-create", "Update", "") in managers(cm)

    f = write(tmp_path, "cm.yaml", CM_V1)
    r = k("apply", "--server-side", "-f", f, check=False)
    assert r.returncode != 0
    assert 'conflict with "kubectl-create"' in r.stderr, r.stderr
    assert ".data.a" in r.stderr
    assert get_json(k, "configmap", "web")["data"] == {"a": "orig"}

    k("apply", "--server-side", "--force-conflicts", "-f", f)
    cm = get_json(k, "configmap", "web")
    assert cm["data"] == {"a": "1", "b": "2"}
    # kubectl-create lost .data.a to the applier.
    for e in cm["metadata"]["managedFields"]:
        if e["manager"] == "kubectl-create":
            assert "f:a" not in e["fieldsV1"].get("f:data", {})


def test_conflict_with_scale(kubectl_new, tmp_path):
    k = kubectl_new
    f = write(tmp_path, "d.yaml", DEPLOY.format(replicas=2))
    r = k("apply", "--server-side", "-f", f)
    assert "deployment.apps/web serverside-applied" in r.stdout
    k("scale", "deployment", "web", "--replicas=3")
    d = get_json(k, "deployment", "web")
    assert d["spec"]["replicas"] == 3
    assert any(m[2] == "scale" for m in managers(d)), managers(d)

    # Re-applying the old count conflicts with the scaler, which now owns .spec.replicas.
    r = k("apply", "--server-side", "-f", f, check=False)
    assert r.returncode != 0
    assert "conflict" in r.stderr and ".spec.replicas" in r.stderr, r.stderr
    assert 'with subresource "scale"' in r.stderr

    # Unchanged fields of the applier do not conflict; force takes replicas back.
    k("apply", "--server-side", "--force-conflicts", "-f", f)
    assert get_json(k, "deployment", "web")["spec"]["replicas"] == 2


def test_show_managed_fields(kubectl_new, tmp_path):
    k = kubectl_new
    k("apply", "--server-side", "-f", write(tmp_path, "cm.yaml", CM_V1))
    k("label", "configmap", "web", "extra=yes")
    plain = k("get", "configmap", "web", "-o", "yaml").stdout
    assert "managedFields" not in plain
    shown = k("get", "configmap", "web", "-o", "yaml", "--show-managed-fields").stdout
    assert "managedFields:" in shown
    assert "manager: kubectl\n" in shown and "operation: Apply" in shown
    assert "operation: Update" in shown and "f:extra: {}" in shown


def test_apply_on_the_wire(server):
    path = "/api/v1/namespaces/default/configmaps/wire"
    body = json.dumps({"apiVersion": "v1", "kind": "ConfigMap",
                       "metadata": {"name": "wire"}, "data": {"key": "one"}}).encode()
    hdr = {"Content-Type": APPLY}

    # K8S: ValidatePatchOptions: fieldManager is required for apply.
    st = api(server, "PATCH", path, body, expect=(422,), headers=hdr)
    assert st["reason"] == "Invalid"
    assert "fieldManager: Required value: is required for apply patch" in st["message"]
    st = api(server, "PATCH", path + "?fieldManager=x&force=true",
             b'{"data":{"a":"b"}}', expect=(422,),
             headers={"Content-Type": "application/merge-patch+json"})
    assert "force: Forbidden: may not be specified for non-apply patch" in st["message"]

    # K8S: unknown fields: 400 under Strict in server-side apply's words, dropped otherwise.
    typo = json.dumps({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "wire"},
                       "dataa": {"x": "y"}}).encode()
    st = api(server, "PATCH", path + "?fieldManager=a&fieldValidation=Strict", typo,
             expect=(400,), headers=hdr)
    assert st["message"] == ".dataa: field not declared in schema"
    obj = api(server, "PATCH", path + "?fieldManager=a&fieldValidation=Ignore&dryRun=All", typo,
              expect=(201,), headers=hdr)
    assert "dataa" not in obj

    # dryRun creates nothing.
    api(server, "PATCH", path + "?fieldManager=a&dryRun=All", body, expect=(201,), headers=hdr)
    api(server, "GET", path, expect=(404,))

    # Created by one manager (YAML body), then changed by an Update from another.
    yaml_body = b"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: wire\ndata:\n  key: one\n"
    obj = api(server, "PATCH", path + "?fieldManager=first", yaml_body, expect=(201,),
              headers=hdr)
    assert obj["data"] == {"key": "one"}
    assert obj["metadata"]["managedFields"][0]["manager"] == "first"
    api(server, "PATCH", path + "?fieldManager=editor", b'{"data":{"key":"two"}}',
        headers={"Content-Type": "application/merge-patch+json"})

    body2 = json.dumps({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "wire"},
                        "data": {"key": "three"}}).encode()
    st = api(server, "PATCH", path + "?fieldManager=first", body2, expect=(409,), headers=hdr)
    assert st["kind"] == "Status" and st["status"] == "Failure"
    assert st["reason"] == "Conflict" and st["code"] == 409
    assert st["message"] == ('Apply failed with 1 conflict: conflict with "editor" using v1: '
                             '.data.key')
    assert st["details"]["causes"] == [{"reason": "FieldManagerConflict",
                                        "message": 'conflict with "editor" using v1',
                                        "field": ".data.key"}]
    # A dry-run force changes nothing; a real one does.
    api(server, "PATCH", path + "?fieldManager=first&force=true&dryRun=All", body2, headers=hdr)
    assert api(server, "GET", path)["data"] == {"key": "two"}
    obj = api(server, "PATCH", path + "?fieldManager=first&force=true", body2, headers=hdr)
    assert obj["data"] == {"key": "three"}
    owners = {e["manager"]: e for e in obj["metadata"]["managedFields"]}
    assert "editor" not in owners  # its only field was taken
    assert owners["first"]["operation"] == "Apply"


def test_kubectl120_server_side_apply(kubectl120, tmp_path):
    k = kubectl120
    f = write(tmp_path, "cm.yaml", CM_V1)
    r = k("apply", "--server-side", "-f", f)
    assert "serverside-applied" in r.stdout
    cm = get_json(k, "configmap", "web")
    assert cm["data"] == {"a": "1", "b": "2"}
    rv = cm["metadata"]["resourceVersion"]
    k("apply", "--server-side", "-f", f)
    assert get_json(k, "configmap", "web")["metadata"]["resourceVersion"] == rv
    k("apply", "--server-side", "-f", write(tmp_path, "cm.yaml", CM_V2))
    assert get_json(k, "configmap", "web")["data"] == {"a": "10"}
