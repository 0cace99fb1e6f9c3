"""Server-side field validation (issue 4, item 3): the fieldValidation parameter of creates,
updates and patches, as kube-apiserver >= 1.27 answers it. Strict refuses a body with
unknown fields (400 on create and update, 422 on patch) and stores nothing; Warn (also the
default when the parameter is absent) stores the object and returns one
`Warning: 299 - "unknown field \\"x\\""` header per problem; Ignore drops them silently. In
every mode unknown fields are pruned: the reply and what is stored hold only the kind's
fields. kubectl >= 1.27 sends fieldValidation=Strict by default (--validate=warn sends Warn,
--validate=false Ignore), and since the OpenAPI v3 PATCH operations declare the parameter
it leaves the checking to the server."""
import json
import urllib.error
import urllib.request

import pytest

NS = "/api/v1/namespaces/default"
DEPLOYS = "/apis/apps/v1/namespaces/default/deployments"
SUPPORTED = 'supported values: "", "Ignore", "Strict", "Warn"'

TYPO_CM = """\
apiVersion: v1
kind: ConfigMap
metadata:
  name: fv-typo-cm
data:
  key: value
dataa:
  key: value
"""

TYPO_DEPLOY = """\
apiVersion: apps/v1
kind: Deployment
metadata:
  name: fv-typo-web
spec:
  replicaz: 2
  selector:
    matchLabels:
      app: fv-typo-web
  template:
    metadata:
      labels:
        app: fv-typo-web
    spec:
      containers:
      - name: web
        image: nginx:1.25
"""


def call(server, method, path, body=None, ctype="application/json"):
    """One request; returns (status, decoded JSON body, list of Warning header values)."""
    data = None
    if body is not None:
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
    req = urllib.request.Request(server.url + path, data=data, method=method)
    if data is not None:
        req.add_header("Content-Type", ctype)
    try:
        with urllib.request.urlopen(req, context=server.ssl_context(), timeout=10) as resp:
            status, hdrs, raw = resp.status, resp.headers, resp.read()
    except urllib.error.HTTPError as e:
        status, hdrs, raw = e.code, e.headers, e.read()
    return status, json.loads(raw) if raw else None, hdrs.get_all("Warning") or []


def warning(text):
    return '299 - "' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def configmap(name, **extra):
    obj = {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": name},
           "data": {"k": "v"}}
    obj.update(extra)
    return obj


def deployment(name, spec_extra=None, **extra):
    spec = {"replicas": 1, "selector": {"matchLabels": {"app": name}},
            "template": {"metadata": {"labels": {"app": name}},
                         "spec": {"containers": [{"name": "web", "image": "nginx"}]}}}
    spec.update(spec_extra or {})
    obj = {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": name},
           "spec": spec}
    obj.update(extra)
    return obj


def get(server, path):
    status, obj, _ = call(server, "GET", path)
    return status, obj


# ---- create ------------------------------------------------------------------------------


def test_create_strict_refuses_unknown_fields_and_stores_nothing(module_server):
    srv = module_server
    body = deployment("fv-strict", {"foo": 1}, dataa={"x": 1})
    status, st, warns = call(srv, "POST", DEPLOYS + "?fieldValidation=Strict", body)
    assert status == 400, st
    assert st["reason"] == "BadRequest" and st["code"] == 400
    # K8S: transformDecodeError around the strict decoding error, in document order.
    assert st["message"] == (
        'Deployment in version "v1" cannot be handled as a Deployment: strict decoding '
        'error: unknown field "spec.foo", unknown field "dataa"'), st["message"]
    assert warns == []
    assert get(srv, DEPLOYS + "/fv-strict")[0] == 404


def test_create_strict_nested_paths(module_server):
    body = deployment("fv-nested")
    body["spec"]["template"]["spec"]["containers"][0]["imagePullPolicyy"] = "Always"
    body["metadata"]["labelz"] = {"a": "b"}
    status, st, _ = call(module_server, "POST", DEPLOYS + "?fieldValidation=Strict", body)
    assert status == 400
    assert st["message"].endswith(
        'strict decoding error: unknown field "metadata.labelz", unknown field '
        '"spec.template.spec.containers[0].imagePullPolicyy"'), st["message"]


@pytest.mark.parametrize("param", ["?fieldValidation=Warn", "", "?fieldValidation="])
def test_create_warn_stores_pruned_object_with_warnings(module_server, param):
    srv = module_server
    name = "fv-warn" + str(len(param))
    status, obj, warns = call(srv, "POST", DEPLOYS + param,
                              deployment(name, {"foo": 1}, dataa={"x": 1}))
    assert status == 201, obj
    assert warns == [warning('unknown field "spec.foo"'), warning('unknown field "dataa"')]
    # The reply is the object as stored: the unknown fields are gone.
    assert "dataa" not in obj and "foo" not in obj["spec"]
    status, stored = get(srv, DEPLOYS + "/" + name)
    assert status == 200
    assert "dataa" not in stored and "foo" not in stored["spec"]
    assert stored["spec"]["replicas"] == 1
    assert call(srv, "DELETE", DEPLOYS + "/" + name)[0] == 200


def test_create_ignore_prunes_silently(module_server):
    srv = module_server
    status, obj, warns = call(srv, "POST", NS + "/configmaps?fieldValidation=Ignore",
                              configmap("fv-ignore", dataa={"x": "y"}))
    assert status == 201, obj
    assert warns == []
    assert "dataa" not in obj and obj["data"] == {"k": "v"}
    assert "dataa" not in get(srv, NS + "/configmaps/fv-ignore")[1]
    assert call(srv, "DELETE", NS + "/configmaps/fv-ignore")[0] == 200


@pytest.mark.parametrize("mode", ["Strict", "Warn", "Ignore"])
def test_wrong_type_fails_in_every_mode(module_server, mode):
    status, st, _ = call(module_server, "POST", NS + "/configmaps?fieldValidation=" + mode,
                         configmap("fv-type", data="not-a-map"))
    assert status == 400, st
    assert st["message"] == (
        'ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal '
        'string into Go struct field ConfigMap.data of type map[string]string'), st["message"]


@pytest.mark.parametrize("method,path,kind", [
    ("POST", NS + "/configmaps", "CreateOptions"),
    ("PUT", NS + "/configmaps/fv-any", "UpdateOptions"),
    ("PATCH", NS + "/configmaps/fv-any", "PatchOptions"),
])
def test_invalid_directive_is_422_on_the_options(module_server, method, path, kind):
    ctype = "application/merge-patch+json" if method == "PATCH" else "application/json"
    status, st, _ = call(module_server, method, path + "?fieldValidation=strict",
                         configmap("fv-any"), ctype)
    assert status == 422, st
    assert st["reason"] == "Invalid"
    assert st["message"] == (f'{kind}.meta.k8s.io "" is invalid: fieldValidation: Unsupported '
                             f'value: "strict": {SUPPORTED}'), st["message"]
    assert st["details"]["kind"] == kind and st["details"]["group"] == "meta.k8s.io"
    assert st["details"]["causes"] == [{
        "reason": "FieldValueNotSupported", "field": "fieldValidation",
        "message": f'Unsupported value: "strict": {SUPPORTED}'}]


def test_invalid_directive_and_dry_run_in_one_error(module_server):
    status, st, _ = call(module_server, "POST",
                         NS + "/configmaps?dryRun=Some&fieldValidation=Loud",
                         configmap("fv-both"))
    assert status == 422
    assert [c["field"] for c in st["details"]["causes"]] == ["dryRun", "fieldValidation"]


def test_duplicate_members(module_server):
    """Go keeps the last of repeated members; strict decoding also reports each repetition
    (ckube lists them before the unknown fields, Go in document order)."""
    srv = module_server
    text = (b'{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"fv-dup"},'
            b'"data":{"a":"1","a":"2"},"dataa":1}')
    status, st, _ = call(srv, "POST", NS + "/configmaps?fieldValidation=Strict", text)
    assert status == 400, st
    assert st["message"] == (
        'ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: '
        'duplicate field "data.a", unknown field "dataa"'), st["message"]
    status, obj, warns = call(srv, "POST", NS + "/configmaps?fieldValidation=Warn", text)
    assert status == 201, obj
    assert warns == [warning('duplicate field "data.a"'), warning('unknown field "dataa"')]
    assert obj["data"] == {"a": "2"}
    assert call(srv, "DELETE", NS + "/configmaps/fv-dup")[0] == 200
    status, obj, warns = call(srv, "POST", NS + "/configmaps?fieldValidation=Ignore", text)
    assert status == 201 and warns == [] and obj["data"] == {"a": "2"}
    assert call(srv, "DELETE", NS + "/configmaps/fv-dup")[0] == 200


# ---- update ------------------------------------------------------------------------------


def test_update_modes(module_server):
    srv = module_server
    path = NS + "/configmaps/fv-put"
    assert call(srv, "POST", NS + "/configmaps", configmap("fv-put"))[0] == 201
    _, cur = get(srv, path)
    rv = cur["metadata"]["resourceVersion"]
    body = configmap("fv-put", data={"k": "v2"}, dataa={"x": "y"})
    body["metadata"]["resourceVersion"] = rv

    status, st, _ = call(srv, "PUT", path + "?fieldValidation=Strict", body)
    assert status == 400, st
    assert st["message"] == ('ConfigMap in version "v1" cannot be handled as a ConfigMap: '
                             'strict decoding error: unknown field "dataa"')
    assert get(srv, path)[1]["metadata"]["resourceVersion"] == rv

    status, obj, warns = call(srv, "PUT", path + "?fieldValidation=Warn", body)
    assert status == 200, obj
    assert warns == [warning('unknown field "dataa"')]
    assert "dataa" not in obj and obj["data"] == {"k": "v2"}

    body["metadata"]["resourceVersion"] = obj["metadata"]["resourceVersion"]
    body["data"] = {"k": "v3"}
    status, obj, warns = call(srv, "PUT", path + "?fieldValidation=Ignore", body)
    assert status == 200 and warns == []
    stored = get(srv, path)[1]
    assert "dataa" not in stored and stored["data"] == {"k": "v3"}
    assert call(srv, "DELETE", path)[0] == 200


def test_update_status_subresource_is_checked(module_server):
    srv = module_server
    assert call(srv, "POST", DEPLOYS, deployment("fv-status"))[0] == 201
    cur = get(srv, DEPLOYS + "/fv-status")[1]
    cur["status"] = {"replicas": 0, "observedGenerationn": 3}
    status, st, _ = call(srv, "PUT", DEPLOYS + "/fv-status/status?fieldValidation=Strict", cur)
    assert status == 400
    assert 'unknown field "status.observedGenerationn"' in st["message"]
    assert call(srv, "DELETE", DEPLOYS + "/fv-status")[0] == 200


# ---- patch -------------------------------------------------------------------------------

MERGE = "application/merge-patch+json"
SMP = "application/strategic-merge-patch+json"
JSONPATCH = "application/json-patch+json"


@pytest.fixture
def patch_cm(module_server):
    """A ConfigMap to patch, deleted afterwards."""
    name = "fv-patch"
    path = NS + "/configmaps/" + name
    call(module_server, "DELETE", path)
    assert call(module_server, "POST", NS + "/configmaps", configmap(name))[0] == 201
    yield path
    call(module_server, "DELETE", path)


@pytest.mark.parametrize("ctype,patch,value", [
    (MERGE, {"dataa": {"x": "y"}, "data": {"k": "v2"}}, None),
    (SMP, {"dataa": {"x": "y"}, "data": {"k": "v2"}}, "map[data:map[k:v2] dataa:map[x:y]]"),
    (JSONPATCH, [{"op": "add", "path": "/dataa", "value": {"x": "y"}},
                 {"op": "replace", "path": "/data/k", "value": "v2"}], None),
])
def test_patch_strict_is_422_with_the_patch_as_value(module_server, patch_cm, ctype, patch,
                                                     value):
    srv = module_server
    before = get(srv, patch_cm)[1]
    status, st, _ = call(srv, "PATCH", patch_cm + "?fieldValidation=Strict", patch, ctype)
    assert status == 422, st
    assert st["reason"] == "Invalid"
    # K8S: errors.NewInvalid(schema.GroupKind{}, "", field.Invalid(patch, value, detail)).
    assert st["message"].startswith(' "" is invalid: patch: Invalid value: "'), st["message"]
    assert st["message"].endswith('": strict decoding error: unknown field "dataa"')
    cause = st["details"]["causes"][0]
    assert cause["field"] == "patch" and cause["reason"] == "FieldValueInvalid"
    if value is not None:
        assert f'Invalid value: "{value}": strict' in st["message"], st["message"]
    else:
        # The patched object's JSON, with the typo in it.
        assert '\\"dataa\\":{\\"x\\":\\"y\\"}' in st["message"], st["message"]
    after = get(srv, patch_cm)[1]
    assert after["metadata"]["resourceVersion"] == before["metadata"]["resourceVersion"]


@pytest.mark.parametrize("ctype,patch", [
    (MERGE, {"dataa": {"x": "y"}, "data": {"k": "v2"}}),
    (SMP, {"dataa": {"x": "y"}, "data": {"k": "v2"}}),
    (JSONPATCH, [{"op": "add", "path": "/dataa", "value": {"x": "y"}},
                 {"op": "replace", "path": "/data/k", "value": "v2"}]),
])
@pytest.mark.parametrize("mode", ["Warn", "", "Ignore"])
def test_patch_warn_and_ignore_store_pruned(module_server, patch_cm, ctype, patch, mode):
    srv = module_server
    q = "?fieldValidation=" + mode if mode else ""
    status, obj, warns = call(srv, "PATCH", patch_cm + q, patch, ctype)
    assert status == 200, obj
    assert warns == ([] if mode == "Ignore" else [warning('unknown field "dataa"')])
    assert "dataa" not in obj and obj["data"] == {"k": "v2"}
    stored = get(srv, patch_cm)[1]
    assert "dataa" not in stored and stored["data"] == {"k": "v2"}


def test_json_patch_operation_members_are_checked(module_server, patch_cm):
    srv = module_server
    patch = [{"op": "replace", "path": "/data/k", "value": "v2", "vaule": "v3"},
             {"op": "add", "path": "/spec", "value": {"a": 1}}]
    status, st, _ = call(srv, "PATCH", patch_cm + "?fieldValidation=Strict", patch, JSONPATCH)
    assert status == 422
    assert st["message"].endswith('": strict decoding error: json patch unknown field '
                                  '"[0].vaule", unknown field "spec"'), st["message"]
    status, obj, warns = call(srv, "PATCH", patch_cm + "?fieldValidation=Warn", patch, JSONPATCH)
    assert status == 200
    assert warns == [warning('json patch unknown field "[0].vaule"'),
                     warning('unknown field "spec"')]
    assert obj["data"] == {"k": "v2"} and "spec" not in obj
    # Ignore does not look at the operations either.
    status, _, warns = call(srv, "PATCH", patch_cm + "?fieldValidation=Ignore",
                            [{"op": "replace", "path": "/data/k", "value": "v3", "x": 1}],
                            JSONPATCH)
    assert status == 200 and warns == []


def test_patch_unknown_fields_come_sorted(module_server, patch_cm):
    patch = {"zeta": 1, "data": {"k": "v2"}, "metadata": {"labelz": {"a": "b"}}, "alpha": 2}
    status, st, _ = call(module_server, "PATCH", patch_cm + "?fieldValidation=Strict", patch,
                         SMP)
    assert status == 422
    assert st["message"].endswith(
        'strict decoding error: unknown field "alpha", unknown field "metadata.labelz", '
        'unknown field "zeta"'), st["message"]


def test_patch_wrong_type_is_422_in_every_mode(module_server, patch_cm):
    for mode in ("Strict", "Warn", "Ignore"):
        status, st, _ = call(module_server, "PATCH", patch_cm + "?fieldValidation=" + mode,
                             {"data": {"k": 5}}, MERGE)
        assert status == 422, st
        assert st["message"].endswith(
            '": json: cannot unmarshal number into Go struct field ConfigMap.data of type '
            'string'), st["message"]


def test_patch_smp_value_formats_like_go(module_server, patch_cm):
    patch = {"metadata": {"labels": {"a": "1"}, "annotations": None},
             "binaryDataa": [1, 2.5, True, "s", 1000000.0, 0.00001]}
    status, st, _ = call(module_server, "PATCH", patch_cm + "?fieldValidation=Strict", patch,
                         SMP)
    assert status == 422
    assert ('Invalid value: "map[binaryDataa:[1 2.5 true s 1e+06 1e-05] '
            'metadata:map[annotations:<nil> labels:map[a:1]]]"') in st["message"], st["message"]


# ---- kubectl -----------------------------------------------------------------------------


def test_kubectl_new_apply_typo_refused_by_the_server(server, kubectl_new, tmp_path):
    for manifest, name, printed, field in (
            (TYPO_CM, "configmap/fv-typo-cm", "configmap/fv-typo-cm", "dataa"),
            (TYPO_DEPLOY, "deployment/fv-typo-web", "deployment.apps/fv-typo-web",
             "spec.replicaz")):
        path = tmp_path / "typo.yaml"
        path.write_text(manifest)
        r = kubectl_new("apply", "-f", str(path), check=False)
        assert r.returncode != 0, r.stdout
        assert "Error from server (BadRequest)" in r.stderr, r.stderr
        assert f'strict decoding error: unknown field "{field}"' in r.stderr, r.stderr
        assert kubectl_new("get", name, check=False).returncode != 0, "the object was stored"

        r = kubectl_new("apply", "-f", str(path), "--validate=warn")
        assert f'Warning: unknown field "{field}"' in r.stderr, r.stderr
        assert r.stdout.strip() == f"{printed} created"
        obj = json.loads(kubectl_new("get", name, "-o", "json").stdout)
        assert "dataa" not in obj and "replicaz" not in obj.get("spec", {})
        kubectl_new("delete", name)

        r = kubectl_new("apply", "-f", str(path), "--validate=false")
        assert "Warning" not in r.stderr, r.stderr
        assert r.stdout.strip() == f"{printed} created"
        kubectl_new("delete", name)


def test_kubectl_new_create_and_replace_strict(server, kubectl_new, tmp_path):
    path = tmp_path / "typo.yaml"
    path.write_text(TYPO_CM)
    r = kubectl_new("create", "-f", str(path), check=False)
    assert r.returncode != 0 and 'unknown field "dataa"' in r.stderr, r.stderr
    good = tmp_path / "good.yaml"
    good.write_text(TYPO_CM.replace("dataa:\n  key: value\n", ""))
    kubectl_new("create", "-f", str(good))
    r = kubectl_new("replace", "-f", str(path), check=False)
    assert r.returncode != 0 and 'unknown field "dataa"' in r.stderr, r.stderr
    # An apply of the typo over the existing object is a strategic merge PATCH: 422.
    r = kubectl_new("apply", "-f", str(path), check=False)
    assert r.returncode != 0
    assert 'strict decoding error: unknown field "dataa"' in r.stderr, r.stderr


def test_kubectl120_sends_no_directive_and_gets_warnings(server, kubectl120, tmp_path):
    path = tmp_path / "typo.yaml"
    path.write_text(TYPO_CM)
    r = kubectl120("apply", "-f", str(path), "--validate=false")
    assert 'Warning: unknown field "dataa"' in r.stderr, r.stderr
    assert r.stdout.strip() == "configmap/fv-typo-cm created"
    obj = json.loads(kubectl120("get", "configmap", "fv-typo-cm", "-o", "json").stdout)
    assert "dataa" not in obj and obj["data"] == {"key": "value"}
