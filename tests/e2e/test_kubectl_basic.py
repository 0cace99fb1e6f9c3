"""The real kubectl (Debian's 1.20 and the machine's newer one) against a real
`ckube server`: discovery, the namespaces that exist from the start, and the life of a
ConfigMap through create, get, label, patch, replace and delete."""
import json

import pytest


def test_anonymous_reaches_only_health_and_version(server):
    for path in ("/livez", "/readyz", "/healthz", "/version"):
        status, _, _ = server.request("GET", path, client_cert=False)
        assert status == 200, path
    status, _, body = server.request("GET", "/api/v1/namespaces", client_cert=False)
    assert status in (401, 403)
    st = json.loads(body)
    assert st["kind"] == "Status" and st["code"] == status


def test_version_and_api_resources(kubectl):
    r = kubectl("version", "-o", "json")
    server_version = json.loads(r.stdout)["serverVersion"]
    assert server_version["gitVersion"].startswith("v1.")
    r = kubectl("api-resources")
    lines = r.stdout.splitlines()
    assert lines[0].split()[:2] == ["NAME", "SHORTNAMES"]
    names = {line.split()[0] for line in lines[1:]}
    assert {"namespaces", "configmaps", "pods", "deployments"} <= names


def test_builtin_namespaces_exist(kubectl):
    r = kubectl("get", "namespaces", "-o", "name")
    assert set(r.stdout.split()) >= {"namespace/default", "namespace/kube-system",
                                      "namespace/kube-public", "namespace/kube-node-lease"}


def test_configmap_lifecycle(kubectl):
    kubectl("create", "configmap", "web", "--from-literal=mode=prod")
    got = json.loads(kubectl("get", "configmap", "web", "-o", "json").stdout)
    assert got["data"] == {"mode": "prod"}
    assert got["metadata"]["namespace"] == "default"
    assert got["metadata"]["uid"]
    rv = int(got["metadata"]["resourceVersion"])

    kubectl("label", "configmap", "web", "tier=frontend")
    kubectl("patch", "configmap", "web", "--type=merge", "-p", '{"data":{"mode":"dev"}}')
    got = json.loads(kubectl("get", "configmap", "web", "-o", "json").stdout)
    assert got["metadata"]["labels"] == {"tier": "frontend"}
    assert got["data"] == {"mode": "dev"}
    assert int(got["metadata"]["resourceVersion"]) > rv

    r = kubectl("get", "configmaps", "-l", "tier=frontend", "-o", "name")
    assert r.stdout.split() == ["configmap/web"]
    r = kubectl("get", "configmaps", "-l", "tier!=frontend", "-o", "name")
    assert "configmap/web" not in r.stdout.split()

    r = kubectl("create", "configmap", "web", check=False)
    assert r.returncode != 0
    assert "AlreadyExists" in r.stderr or "already exists" in r.stderr

    kubectl("delete", "configmap", "web")
    r = kubectl("get", "configmap", "web", check=False)
    assert r.returncode != 0
    assert "NotFound" in r.stderr or "not found" in r.stderr


def test_namespace_must_exist(kubectl):
    r = kubectl("create", "configmap", "x", "-n", "does-not-exist", check=False)
    assert r.returncode != 0
    assert 'namespaces "does-not-exist" not found' in r.stderr


@pytest.mark.parametrize("name", ["Bad_Name", "-leading", "a" * 254])
def test_invalid_names_are_422_with_causes(server, name):
    body = {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": name}}
    status, _, raw = server.request("POST", "/api/v1/namespaces/default/configmaps", body)
    assert status == 422
    st = json.loads(raw)
    assert st["reason"] == "Invalid"
    assert any(c.get("field") == "metadata.name" for c in st["details"]["causes"])
    status, _, _ = server.request("GET", "/api/v1/namespaces/default/configmaps/" + name[:60])
    assert status in (404, 422)
