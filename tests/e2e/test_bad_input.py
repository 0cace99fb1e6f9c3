"""Bad input (issue 3, item 7): each request below is answered with a metav1.Status of
the right code and reason, nothing of it is stored, and the server keeps serving.

The tests share one server (module_server) and each uses object names of its own."""
import http.client
import json
import subprocess
import urllib.request

import pytest

from conftest import wait_for

CMS = "/api/v1/namespaces/default/configmaps"
MIB = 1024 * 1024


# ---- helpers ----------------------------------------------------------------------------

def status_of(resp, code, reason, what=""):
    """Assert (status, headers, body) is a Status with code and reason; return it."""
    status, headers, raw = resp
    assert status == code, f"{what}: expected {code} {reason}, got {status}: {raw[:600]!r}"
    ctype = {k.lower(): v for k, v in headers.items()}.get("content-type", "")
    assert ctype.startswith("application/json"), ctype
    st = json.loads(raw)
    assert (st["kind"], st["apiVersion"], st["status"]) == ("Status", "v1", "Failure"), st
    assert (st["code"], st["reason"]) == (code, reason), st
    assert st["message"]
    return st


def cm(name, **data):
    return {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": name},
            "data": data or {"k": "v"}}


def create(server, path, body):
    status, _, raw = server.request("POST", path, body)
    assert status == 201, raw[:400]
    return json.loads(raw)


def get(server, path):
    """(status, object or Status)."""
    status, _, raw = server.request("GET", path)
    return status, json.loads(raw)


def assert_absent(server, path):
    status, st = get(server, path)
    assert status == 404 and st["reason"] == "NotFound", f"{path} exists: {st}"


def assert_serving(server):
    status, _, _ = server.request("GET", "/readyz", client_cert=False)
    assert status == 200
    status, lst = get(server, CMS)
    assert status == 200 and lst["kind"] == "ConfigMapList"
    return lst


def names(server, path=CMS):
    status, lst = get(server, path)
    assert status == 200
    return {item["metadata"]["name"] for item in lst["items"]}


def raw_request(server, method, path, body=b"", headers=None, context=None, chunks=None):
    """One request over its own connection with full control of the body framing
    (urllib always adds a Content-Length). chunks: send the body chunked, in pieces."""
    conn = http.client.HTTPSConnection("127.0.0.1", server.port, timeout=30,
                                       context=context or server.ssl_context())
    try:
        conn.putrequest(method, path)
        for k, v in (headers or {}).items():
            conn.putheader(k, v)
        if chunks is not None:
            conn.putheader("Transfer-Encoding", "chunked")
            conn.endheaders()
            try:
                for piece in chunks:
                    conn.send(b"%x\r\n%s\r\n" % (len(piece), piece))
                conn.send(b"0\r\n\r\n")
            except (BrokenPipeError, ConnectionResetError):
                pass  # the server may answer and close before reading everything
        else:
            conn.putheader("Content-Length", str(len(body)))
            conn.endheaders()
            if body:
                try:
                    conn.send(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass
        resp = conn.getresponse()
        return resp.status, dict(resp.getheaders()), resp.read()
    finally:
        conn.close()


# ---- 400 ---------------------------------------------------------------------------------

def test_malformed_json_is_400(module_server):
    srv = module_server
    before = names(srv)
    for body in (b'{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"malformed"',
                 b'{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"malformed"}}}',
                 b"not json at all", b""):
        status_of(srv.request("POST", CMS, body), 400, "BadRequest")
    assert_absent(srv, CMS + "/malformed")
    assert names(srv) == before

    obj = create(srv, CMS, cm("malformed-target", mode="prod"))
    rv = obj["metadata"]["resourceVersion"]
    status_of(srv.request("PUT", CMS + "/malformed-target", b'{"metadata":'), 400, "BadRequest")
    for ctype in ("application/strategic-merge-patch+json", "application/merge-patch+json",
                  "application/json-patch+json"):
        status_of(srv.request("PATCH", CMS + "/malformed-target", b'{"data":',
                              headers={"Content-Type": ctype}), 400, "BadRequest")
    status, now = get(srv, CMS + "/malformed-target")
    assert now["metadata"]["resourceVersion"] == rv and now["data"] == {"mode": "prod"}
    assert_serving(srv)


def test_body_of_the_wrong_kind_is_400(module_server):
    srv = module_server
    secret = {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "wrong-kind"},
              "stringData": {"password": "x"}}
    st = status_of(srv.request("POST", CMS, secret), 400, "BadRequest")
    assert "cannot be handled as a ConfigMap" in st["message"]
    deploy = {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "wrong-kind"}}
    st = status_of(srv.request("POST", CMS, deploy), 400, "BadRequest")
    assert "cannot be handled as a ConfigMap" in st["message"]
    status_of(srv.request("POST", CMS, b'["a","list"]'), 400, "BadRequest")
    assert_absent(srv, CMS + "/wrong-kind")
    assert_absent(srv, "/api/v1/namespaces/default/secrets/wrong-kind")
    assert_absent(srv, "/apis/apps/v1/namespaces/default/deployments/wrong-kind")

    # The name and namespace in the body must match the URL.
    obj = create(srv, CMS, cm("wrong-kind-target"))
    body = dict(cm("someone-else"), metadata={"name": "someone-else",
                                               "resourceVersion": obj["metadata"]["resourceVersion"]})
    st = status_of(srv.request("PUT", CMS + "/wrong-kind-target", body), 400, "BadRequest")
    assert "does not match the name on the URL" in st["message"]
    other_ns = dict(cm("wrong-namespace"), metadata={"name": "wrong-namespace",
                                                     "namespace": "kube-system"})
    status_of(srv.request("POST", CMS, other_ns), 400, "BadRequest")
    assert_absent(srv, CMS + "/someone-else")
    assert_absent(srv, CMS + "/wrong-namespace")
    assert_absent(srv, "/api/v1/namespaces/kube-system/configmaps/wrong-namespace")
    status, now = get(srv, CMS + "/wrong-kind-target")
    assert now["metadata"]["resourceVersion"] == obj["metadata"]["resourceVersion"]
    assert_serving(srv)


# ---- 422 ---------------------------------------------------------------------------------

def causes(st):
    return {c["field"]: c["reason"] for c in st["details"]["causes"]}


def test_invalid_objects_are_422_with_causes(module_server):
    srv = module_server
    st = status_of(srv.request("POST", "/api/v1/namespaces",
                               {"apiVersion": "v1", "kind": "Namespace",
                                "metadata": {"name": "Bad_NS"}}), 422, "Invalid")
    assert (st["details"]["kind"], st["details"]["name"]) == ("Namespace", "Bad_NS")
    assert causes(st) == {"metadata.name": "FieldValueInvalid"}
    assert_absent(srv, "/api/v1/namespaces/Bad_NS")

    deploy = {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "Bad.Deploy_"},
              "spec": {"selector": {"matchLabels": {"a": "b"}},
                       "template": {"metadata": {"labels": {"a": "b"}},
                                    "spec": {"containers": [{"name": "c"}]}}}}
    st = status_of(srv.request("POST", "/apis/apps/v1/namespaces/default/deployments", deploy),
                   422, "Invalid")
    assert (st["details"]["group"], st["details"]["kind"]) == ("apps", "Deployment")
    assert causes(st) == {"metadata.name": "FieldValueInvalid",
                          "spec.template.spec.containers[0].image": "FieldValueRequired"}
    assert names(srv, "/apis/apps/v1/namespaces/default/deployments") == set()

    # An invalid update leaves the stored object as it was.
    obj = create(srv, CMS, cm("invalid-update"))
    bad = json.loads(json.dumps(obj))
    bad["metadata"]["labels"] = {"tier": "-not-a-label-value-"}
    st = status_of(srv.request("PUT", CMS + "/invalid-update", bad), 422, "Invalid")
    assert causes(st) == {"metadata.labels": "FieldValueInvalid"}
    status, now = get(srv, CMS + "/invalid-update")
    assert now["metadata"]["resourceVersion"] == obj["metadata"]["resourceVersion"]
    assert "labels" not in now["metadata"]
    assert_serving(srv)


def test_configmap_over_1_mib_is_422(module_server):
    # K8S: ValidateConfigMap: data plus binaryData may total at most 1 MiB (MaxSecretSize),
    # else 422 Invalid ("Too long"); well under the 3 MiB body limit, so not 413.
    srv = module_server
    for name, size in (("one-and-a-half-mib", MIB + MIB // 2), ("two-and-a-half-mib",
                                                                 2 * MIB + MIB // 2)):
        st = status_of(srv.request("POST", CMS, cm(name, blob="x" * size)), 422, "Invalid")
        assert [c["reason"] for c in st["details"]["causes"]] == ["FieldValueTooLong"]
        assert "etcd" not in st["message"]
        assert_absent(srv, f"{CMS}/{name}")
    assert_serving(srv)


# ---- 413 ---------------------------------------------------------------------------------

def test_body_over_3_mib_is_413(module_server):
    srv = module_server
    big = json.dumps(cm("oversize", blob="x" * (3 * MIB + 100))).encode()
    assert len(big) > 3 * MIB
    status_of(srv.request("POST", CMS, big), 413, "RequestEntityTooLarge")
    # Without a Content-Length the server must stop reading at the limit all the same.
    status_of(raw_request(srv, "POST", CMS, headers={"Content-Type": "application/json"},
                          chunks=(big[i:i + 256 * 1024] for i in range(0, len(big), 256 * 1024))),
              413, "RequestEntityTooLarge")
    assert_absent(srv, CMS + "/oversize")

    obj = create(srv, CMS, cm("oversize-target"))
    status_of(srv.request("PUT", CMS + "/oversize-target", big), 413, "RequestEntityTooLarge")
    status_of(srv.request("PATCH", CMS + "/oversize-target", big,
                          headers={"Content-Type": "application/merge-patch+json"}),
              413, "RequestEntityTooLarge")
    status, now = get(srv, CMS + "/oversize-target")
    assert now["metadata"]["resourceVersion"] == obj["metadata"]["resourceVersion"]
    assert now["data"] == {"k": "v"}
    assert_serving(srv)


# ---- 404 ---------------------------------------------------------------------------------

def test_unknown_resource_is_404(module_server):
    srv = module_server
    for method, path in (("GET", "/api/v1/namespaces/default/widgets"),
                         ("GET", "/api/v1/widgets"),
                         ("GET", "/apis/example.com/v1/namespaces/default/widgets"),
                         ("GET", "/apis/apps/v9/namespaces/default/deployments"),
                         ("GET", "/api/v1/namespaces/default/configmaps/x/frobnicate"),
                         ("DELETE", "/api/v1/namespaces/default/widgets/w"),
                         ("POST", "/api/v1/namespaces/default/widgets")):
        body = {"apiVersion": "v1", "kind": "Widget", "metadata": {"name": "w"}} \
            if method == "POST" else None
        status_of(srv.request(method, path, body), 404, "NotFound", f"{method} {path}")
    st = status_of(srv.request("GET", CMS + "/no-such-configmap"), 404, "NotFound")
    assert st["details"] == {"name": "no-such-configmap", "kind": "configmaps"}
    st = status_of(srv.request("POST", "/api/v1/namespaces/no-such-ns/configmaps",
                               cm("orphan")), 404, "NotFound")
    assert 'namespaces "no-such-ns" not found' in st["message"]
    assert_absent(srv, "/api/v1/namespaces/no-such-ns/configmaps/orphan")
    assert_serving(srv)


# ---- 409 ---------------------------------------------------------------------------------

def test_stale_resource_version_is_409(module_server):
    srv = module_server
    obj = create(srv, CMS, cm("stale", v="1"))
    stale = obj["metadata"]["resourceVersion"]
    fresh = dict(obj, data={"v": "2"})
    status, _, raw = srv.request("PUT", CMS + "/stale", fresh)
    assert status == 200, raw
    current = json.loads(raw)["metadata"]["resourceVersion"]
    assert int(current) > int(stale)

    for method, body, ctype in (
            ("PUT", dict(obj, data={"v": "lost"}), "application/json"),
            ("PATCH", {"metadata": {"resourceVersion": stale}, "data": {"v": "lost"}},
             "application/merge-patch+json"),
            ("PATCH", {"metadata": {"resourceVersion": stale}, "data": {"v": "lost"}},
             "application/strategic-merge-patch+json")):
        st = status_of(srv.request(method, CMS + "/stale", body,
                                   headers={"Content-Type": ctype}), 409, "Conflict")
        assert st["details"]["name"] == "stale" and st["details"]["kind"] == "configmaps"
        assert "the object has been modified" in st["message"]
    st = status_of(srv.request("DELETE", CMS + "/stale",
                               {"apiVersion": "v1", "kind": "DeleteOptions",
                                "preconditions": {"resourceVersion": stale}}), 409, "Conflict")
    status, now = get(srv, CMS + "/stale")
    assert status == 200
    assert now["data"] == {"v": "2"} and now["metadata"]["resourceVersion"] == current

    st = status_of(srv.request("POST", CMS, cm("stale")), 409, "AlreadyExists")
    assert st["details"]["name"] == "stale"
    assert get(srv, CMS + "/stale")[1]["metadata"]["resourceVersion"] == current
    assert_serving(srv)


# ---- 415 ---------------------------------------------------------------------------------

def test_unsupported_content_type_is_415(module_server):
    srv = module_server
    body = json.dumps(cm("unsupported")).encode()
    for ctype in ("text/plain", "application/xml", "application/x-www-form-urlencoded"):
        status_of(srv.request("POST", CMS, body, headers={"Content-Type": ctype}),
                  415, "UnsupportedMediaType")
    assert_absent(srv, CMS + "/unsupported")

    obj = create(srv, CMS, cm("unsupported-target"))
    for ctype in ("application/json", "text/plain", "application/apply-patch+json-bogus"):
        status_of(srv.request("PATCH", CMS + "/unsupported-target", {"data": {"k": "changed"}},
                              headers={"Content-Type": ctype}), 415, "UnsupportedMediaType")
    status, now = get(srv, CMS + "/unsupported-target")
    assert now["metadata"]["resourceVersion"] == obj["metadata"]["resourceVersion"]
    assert now["data"] == {"k": "v"}
    assert_serving(srv)


# ---- 405 ---------------------------------------------------------------------------------

def test_wrong_method_is_405(module_server):
    srv = module_server
    create(srv, CMS, cm("method-target"))
    before = names(srv)
    for method, path in (("PUT", CMS), ("PATCH", CMS), ("POST", CMS + "/method-target"),
                         ("POST", CMS + "/brand-new"),
                         ("DELETE", "/api/v1/namespaces/default/pods/no-such-pod/status"),
                         ("POST", "/api/v1/namespaces/default/pods/no-such-pod/status")):
        body = cm("brand-new") if method in ("PUT", "POST") else {"data": {"k": "x"}}
        headers = {"Content-Type": "application/merge-patch+json"} if method == "PATCH" else None
        status_of(srv.request(method, path, body, headers=headers), 405, "MethodNotAllowed",
                  f"{method} {path}")
    assert names(srv) == before
    assert_absent(srv, CMS + "/brand-new")
    assert get(srv, CMS + "/method-target")[1]["data"] == {"k": "v"}
    assert_serving(srv)


# ---- 410 ---------------------------------------------------------------------------------

def etcd_client_url(server):
    member = json.loads((server.data_dir / "etcd-member.json").read_text())
    return f"http://127.0.0.1:{member['clientPort']}"


def etcd_post(url, path, body):
    req = urllib.request.Request(url + path, data=json.dumps(body).encode(), method="POST",
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=10) as resp:
        return json.loads(resp.read())


def watch_events(server, path):
    """The events of a watch that ends by itself (ERROR, or timeoutSeconds)."""
    status, headers, raw = server.request("GET", path, timeout=20)
    return status, headers, raw, [json.loads(ln) for ln in raw.splitlines() if ln.strip()]


def test_watch_from_a_compacted_revision_is_410(module_server):
    srv = module_server
    old = create(srv, CMS, cm("expiry-marker"))["metadata"]["resourceVersion"]
    create(srv, CMS, cm("expiry-filler"))
    etcd = etcd_client_url(srv)
    writes = iter(range(1, 100))

    def expired():
        # Each write pins about 1 MiB in the watch cache's ring; the ring drops its oldest
        # events past its byte budget, and etcd is compacted past old as well, so neither
        # can replay from there.
        srv.request("PATCH", CMS + "/expiry-filler", {"data": {"k": str(next(writes)) * (900 * 1024)}},
                    headers={"Content-Type": "application/merge-patch+json"})
        rev = etcd_post(etcd, "/v3/kv/range", {"key": "AA=="})["header"]["revision"]
        etcd_post(etcd, "/v3/kv/compaction", {"revision": rev, "physical": True})
        status, headers, raw, events = watch_events(
            srv, f"{CMS}?watch=1&resourceVersion={old}&timeoutSeconds=1")
        if status == 410 or (events and events[0]["type"] == "ERROR"):
            return status, headers, raw, events
        return None

    status, headers, raw, events = wait_for(expired, 60, "the watch from an old revision to expire")
    # K8S: cacher.Watch: once a watch is accepted, "too old resource version" is an ERROR
    # event carrying the 410 Expired Status; an HTTP 410 Status is what the uncached
    # path (etcd3 watcher) gives. client-go relists on either.
    if status == 410:
        st = status_of((status, headers, raw), 410, "Expired")
    else:
        assert status == 200 and len(events) == 1, events
        st = events[0]["object"]
        assert (st["kind"], st["status"], st["code"], st["reason"]) == \
            ("Status", "Failure", 410, "Expired")
    assert "too old resource version" in st["message"]

    # The way back: list, then watch from the list's revision.
    lst = assert_serving(srv)
    rv = lst["metadata"]["resourceVersion"]
    create(srv, CMS, cm("expiry-after"))
    status, _, _, events = watch_events(srv, f"{CMS}?watch=1&resourceVersion={rv}&timeoutSeconds=1")
    assert status == 200
    assert [(e["type"], e["object"]["metadata"]["name"]) for e in events] == \
        [("ADDED", "expiry-after")]


# ---- authentication and authorization ---------------------------------------------------

def openssl(*args, cwd):
    subprocess.run(["openssl", *args], cwd=cwd, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.PIPE, timeout=30)


@pytest.fixture(scope="module")
def client_certs(module_server, tmp_path_factory):
    """jane: signed by the cluster CA, not in system:masters. rogue: claims to be the
    admin, but signed by a CA of its own."""
    d = tmp_path_factory.mktemp("certs")
    pki = module_server.data_dir / "pki"
    (d / "client.ext").write_text("extendedKeyUsage=clientAuth\n")
    openssl("req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
            "-nodes", "-keyout", "jane.key", "-subj", "/O=developers/CN=jane", "-out", "jane.csr",
            cwd=d)
    openssl("x509", "-req", "-in", "jane.csr", "-CA", str(pki / "ca.crt"), "-CAkey",
            str(pki / "ca.key"), "-set_serial", "4242", "-days", "1", "-extfile", "client.ext",
            "-out", "jane.crt", cwd=d)
    openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
            "-nodes", "-keyout", "rogue.key", "-subj", "/O=system:masters/CN=admin", "-days", "1",
            "-out", "rogue.crt", cwd=d)
    return d


def context_with(server, certdir, name):
    ctx = server.ssl_context(client_cert=False)
    ctx.load_cert_chain(str(certdir / f"{name}.crt"), str(certdir / f"{name}.key"))
    return ctx


def test_anonymous_is_403_outside_health_and_version(module_server):
    # K8S: a request without credentials is system:anonymous; RBAC lets it read only the
    # public info paths (system:public-info-viewer), everything else is 403 Forbidden.
    srv = module_server
    for path in ("/livez", "/readyz", "/healthz", "/version"):
        status, _, _ = srv.request("GET", path, client_cert=False)
        assert status == 200, path
    st = status_of(srv.request("GET", CMS, client_cert=False), 403, "Forbidden")
    assert 'User "system:anonymous" cannot list resource "configmaps"' in st["message"]
    status_of(srv.request("GET", "/api/v1/nodes", client_cert=False), 403, "Forbidden")
    st = status_of(srv.request("POST", CMS, cm("anonymous-write"), client_cert=False),
                   403, "Forbidden")
    assert 'cannot create resource "configmaps"' in st["message"]
    status_of(srv.request("DELETE", "/api/v1/namespaces/kube-system", client_cert=False),
              403, "Forbidden")
    assert_absent(srv, CMS + "/anonymous-write")
    assert get(srv, "/api/v1/namespaces/kube-system")[0] == 200
    assert_serving(srv)


def test_anonymous_body_is_not_read(module_server, client_certs):
    # Nobody unauthenticated can make the server buffer a body: a client without a
    # certificate (or with one that does not verify) that announces 3 MiB and sends none
    # is answered at once, and its connection closed, without waiting for the body.
    srv = module_server
    for ctx, code, reason in ((srv.ssl_context(client_cert=False), 403, "Forbidden"),
                              (context_with(srv, client_certs, "rogue"), 401, "Unauthorized")):
        conn = http.client.HTTPSConnection("127.0.0.1", srv.port, timeout=10, context=ctx)
        try:
            conn.putrequest("POST", CMS)
            conn.putheader("Content-Type", "application/json")
            conn.putheader("Content-Length", str(3 * 1024 * 1024))
            conn.endheaders()
            resp = conn.getresponse()  # no body sent: a server waiting for it times out
            got = json.loads(resp.read())
            assert (resp.status, got["reason"]) == (code, reason)
            assert resp.getheader("Connection", "").lower() == "close"
        finally:
            conn.close()
    # Public paths still answer anonymous clients that send a body along.
    status, _, _ = raw_request(srv, "GET", "/version", b"x" * 100,
                               context=srv.ssl_context(client_cert=False))
    assert status == 200
    assert_serving(srv)


def test_untrusted_certificate_is_401(module_server, client_certs):
    # K8S: a client certificate that does not verify against the client CA fails
    # authentication, which is 401 Unauthorized on every path, even public ones.
    srv = module_server
    rogue = context_with(srv, client_certs, "rogue")
    for method, path in (("GET", "/version"), ("GET", CMS), ("POST", CMS)):
        body = json.dumps(cm("rogue-write")).encode() if method == "POST" else b""
        status_of(raw_request(srv, method, path, body,
                              headers={"Content-Type": "application/json"}, context=rogue),
                  401, "Unauthorized")
    assert_absent(srv, CMS + "/rogue-write")
    assert_serving(srv)


def test_certificate_without_rights_is_403(module_server, client_certs):
    # K8S: CN is the user, O the groups; a user without bindings may read the public info
    # paths and nothing else.
    srv = module_server
    jane = context_with(srv, client_certs, "jane")
    status, _, raw = raw_request(srv, "GET", "/version", context=jane)
    assert status == 200 and json.loads(raw)["gitVersion"]
    st = status_of(raw_request(srv, "GET", CMS, context=jane), 403, "Forbidden")
    assert 'User "jane" cannot list resource "configmaps"' in st["message"]
    st = status_of(raw_request(srv, "POST", CMS, json.dumps(cm("jane-write")).encode(),
                               headers={"Content-Type": "application/json"}, context=jane),
                   403, "Forbidden")
    assert 'User "jane" cannot create resource "configmaps"' in st["message"]
    assert_absent(srv, CMS + "/jane-write")
    assert_serving(srv)
