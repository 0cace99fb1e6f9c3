"""What a DELETE does, against a real `ckube server`: graceful pod deletion (the grace
period a bound pod gets, shortening it, zero deleting at once), the garbage collector's
finalizers that propagationPolicy adds, namespaces becoming Terminating, and the 422s of
invalid DeleteOptions. The collectors that finish such deletions have tests of their own."""
import json
import time

import pytest

from conftest import wait_for

NS = "default"


def api(server, method, path, body=None):
    status, _, data = server.request(method, path,
                                     body=json.dumps(body).encode() if body is not None else None,
                                     headers={"Content-Type": "application/json"})
    return status, json.loads(data) if data else None


def pod_path(name):
    return f"/api/v1/namespaces/{NS}/pods/{name}"


def make_pod(server, name, node=None, grace=None, finalizers=None):
    spec = {"containers": [{"name": "c", "image": "nginx"}]}
    if node:
        spec["nodeName"] = node
    if grace is not None:
        spec["terminationGracePeriodSeconds"] = grace
    md = {"name": name}
    if finalizers:
        md["finalizers"] = finalizers
    status, got = api(server, "POST", f"/api/v1/namespaces/{NS}/pods",
                      {"apiVersion": "v1", "kind": "Pod", "metadata": md, "spec": spec})
    assert status == 201, got
    return got


def opts(**kw):
    return {"kind": "DeleteOptions", "apiVersion": "v1", **kw}


def ts(s):
    return time.mktime(time.strptime(s, "%Y-%m-%dT%H:%M:%SZ"))


def test_unbound_pod_is_deleted_at_once(server):
    make_pod(server, "unbound", grace=30)
    status, got = api(server, "DELETE", pod_path("unbound"))
    # K8S: pods return the deleted object (ReturnDeletedObject).
    assert status == 200 and got["kind"] == "Pod"
    assert api(server, "GET", pod_path("unbound"))[0] == 404


def test_bound_pod_is_deleted_gracefully(server):
    created = make_pod(server, "bound", node="n1", grace=30)
    status, got = api(server, "DELETE", pod_path("bound"))
    assert status == 200
    md = got["metadata"]
    # K8S: BeforeDelete: deletionTimestamp = now + terminationGracePeriodSeconds.
    assert md["deletionGracePeriodSeconds"] == 30
    assert 25 <= ts(md["deletionTimestamp"]) - ts(created["metadata"]["creationTimestamp"]) <= 35
    status, still = api(server, "GET", pod_path("bound"))
    assert status == 200 and still["metadata"]["deletionTimestamp"] == md["deletionTimestamp"]

    # A longer grace period changes nothing; the pending deletion is answered as it is.
    status, again = api(server, "DELETE", pod_path("bound"), opts(gracePeriodSeconds=60))
    assert status == 200
    assert again["metadata"]["deletionGracePeriodSeconds"] == 30
    assert again["metadata"]["resourceVersion"] == still["metadata"]["resourceVersion"]

    # A shorter one moves the deletion timestamp back by the difference.
    status, shorter = api(server, "DELETE", pod_path("bound"), opts(gracePeriodSeconds=10))
    assert status == 200
    assert shorter["metadata"]["deletionGracePeriodSeconds"] == 10
    assert ts(md["deletionTimestamp"]) - ts(shorter["metadata"]["deletionTimestamp"]) == 20

    # An update while the grace period runs (the kubelet's status) does not delete it.
    status, upd = server_patch_status(server, "bound", {"status": {"phase": "Running"}})
    assert status == 200, upd
    assert api(server, "GET", pod_path("bound"))[0] == 200

    # Zero (the kubelet's final delete, with its uid precondition) removes it.
    status, _ = api(server, "DELETE", pod_path("bound"),
                    opts(gracePeriodSeconds=0, preconditions={"uid": md["uid"]}))
    assert status == 200
    assert api(server, "GET", pod_path("bound"))[0] == 404


def server_patch_status(server, name, patch):
    status, _, data = server.request("PATCH", pod_path(name) + "/status",
                                     body=json.dumps(patch).encode(),
                                     headers={"Content-Type": "application/merge-patch+json"})
    return status, json.loads(data) if data else None


def test_grace_period_from_the_query(server):
    make_pod(server, "q", node="n1", grace=30)
    status, got = api(server, "DELETE", pod_path("q") + "?gracePeriodSeconds=5")
    assert status == 200 and got["metadata"]["deletionGracePeriodSeconds"] == 5
    status, _ = api(server, "DELETE", pod_path("q") + "?gracePeriodSeconds=0")
    assert status == 200
    assert api(server, "GET", pod_path("q"))[0] == 404


def test_finished_pod_is_deleted_at_once(server):
    make_pod(server, "done", node="n1", grace=30)
    status, _ = server_patch_status(server, "done", {"status": {"phase": "Succeeded"}})
    assert status == 200
    assert api(server, "DELETE", pod_path("done"))[0] == 200
    assert api(server, "GET", pod_path("done"))[0] == 404


@pytest.mark.parametrize("policy,finalizer", [("Orphan", "orphan"),
                                              ("Foreground", "foregroundDeletion")])
def test_propagation_policy_adds_the_collectors_finalizer(server, policy, finalizer):
    name = f"cm-{policy.lower()}"
    status, _ = api(server, "POST", f"/api/v1/namespaces/{NS}/configmaps",
                    {"metadata": {"name": name, "finalizers": ["example.com/hold"]}})
    assert status == 201
    path = f"/api/v1/namespaces/{NS}/configmaps/{name}"
    status, got = api(server, "DELETE", path, opts(propagationPolicy=policy))
    # Kept (a finalizer runs), so the object comes back, not a Status.
    assert status == 200 and got["kind"] == "ConfigMap"
    md = got["metadata"]
    assert md["finalizers"] == ["example.com/hold", finalizer]
    assert md["deletionGracePeriodSeconds"] == 0 and "deletionTimestamp" in md
    # Background takes the collector's finalizer away again (K8S: the options decide).
    status, got = api(server, "DELETE", path, opts(propagationPolicy="Background"))
    assert status == 200 and got["metadata"]["finalizers"] == ["example.com/hold"]
    # Removing the last finalizer deletes the object.
    status, _, _ = server.request("PATCH", path, body=b'{"metadata":{"finalizers":null}}',
                                  headers={"Content-Type": "application/merge-patch+json"})
    assert status == 200
    assert api(server, "GET", path)[0] == 404


def test_orphan_dependents_false_is_accepted_when_kept(server):
    status, _ = api(server, "POST", f"/api/v1/namespaces/{NS}/configmaps",
                    {"metadata": {"name": "od", "finalizers": ["example.com/hold"]}})
    assert status == 201
    path = f"/api/v1/namespaces/{NS}/configmaps/od"
    # K8S: 202 Accepted only when orphanDependents=false and the object is kept.
    status, got = api(server, "DELETE", path, opts(orphanDependents=False))
    assert status == 202 and got["metadata"]["finalizers"] == ["example.com/hold"]
    # Without finalizers an orphan delete removes the object at once (Status Success).
    status, _ = api(server, "POST", f"/api/v1/namespaces/{NS}/configmaps",
                    {"metadata": {"name": "plain"}})
    status, got = api(server, "DELETE", f"/api/v1/namespaces/{NS}/configmaps/plain",
                      opts(propagationPolicy="Background"))
    assert status == 200 and got["kind"] == "Status" and got["status"] == "Success"


def test_invalid_delete_options_are_422(server):
    make_pod(server, "v")
    status, got = api(server, "DELETE", pod_path("v"), opts(propagationPolicy="Sometimes"))
    assert status == 422, got
    assert got["reason"] == "Invalid"
    assert got["message"] == (
        'DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: '
        '"Sometimes": supported values: "Foreground", "Background", "Orphan", "nil"')
    assert got["details"]["causes"][0]["field"] == "propagationPolicy"
    status, got = api(server, "DELETE", pod_path("v"),
                      opts(propagationPolicy="Orphan", orphanDependents=True))
    assert status == 422
    assert "orphanDependents and deletionPropagation cannot be both set" in got["message"]
    status, got = api(server, "DELETE", pod_path("v") + "?propagationPolicy=Nope")
    assert status == 422
    # Nothing was written.
    status, pod = api(server, "GET", pod_path("v"))
    assert status == 200 and "deletionTimestamp" not in pod["metadata"]


def test_namespace_becomes_terminating(server):
    status, _ = api(server, "POST", "/api/v1/namespaces", {"metadata": {"name": "going"}})
    assert status == 201
    # Something the namespace controller can't remove at once keeps it Terminating.
    held = "/api/v1/namespaces/going/configmaps/held"
    status, _ = api(server, "POST", "/api/v1/namespaces/going/configmaps",
                    {"metadata": {"name": "held", "finalizers": ["example.com/hold"]}})
    assert status == 201
    status, got = api(server, "DELETE", "/api/v1/namespaces/going")
    assert status == 200 and got["kind"] == "Namespace"
    assert got["status"]["phase"] == "Terminating"
    assert got["spec"]["finalizers"] == ["kubernetes"]
    # K8S: objects can't be created in a terminating namespace.
    status, got = api(server, "POST", "/api/v1/namespaces/going/configmaps",
                      {"metadata": {"name": "late"}})
    assert status == 403 and got["reason"] == "Forbidden"
    # The controller deletes the content (the held object is only marked), and the
    # namespace goes once the last finalizer of its content has.
    wait_for(lambda: "deletionTimestamp" in (api(server, "GET", held)[1] or {}).get(
        "metadata", {}), 10, "the namespace controller to delete the content")
    assert api(server, "GET", "/api/v1/namespaces/going")[0] == 200
    status, _, _ = server.request("PATCH", held, body=b'{"metadata":{"finalizers":null}}',
                                  headers={"Content-Type": "application/merge-patch+json"})
    assert status == 200
    wait_for(lambda: api(server, "GET", "/api/v1/namespaces/going")[0] == 404, 15,
             "the namespace to be finalized and deleted")


def test_finalize_subresource_only_takes_finalizers(server):
    status, _ = api(server, "POST", "/api/v1/namespaces",
                    {"metadata": {"name": "fin", "labels": {"a": "b"}}})
    assert status == 201
    status, ns = api(server, "GET", "/api/v1/namespaces/fin")
    # A plain update can't change spec.finalizers (K8S: namespaceStrategy).
    ns["spec"]["finalizers"] = []
    status, got = api(server, "PUT", "/api/v1/namespaces/fin", ns)
    assert status == 200 and got["spec"]["finalizers"] == ["kubernetes"]
    # The finalize subresource can; status stays as stored.
    got["spec"]["finalizers"] = ["example.com/x"]
    got["status"] = {"phase": "Terminating"}
    status, fin = api(server, "PUT", "/api/v1/namespaces/fin/finalize", got)
    assert status == 200, fin
    assert fin["spec"]["finalizers"] == ["example.com/x"]
    assert fin["status"]["phase"] == "Active"
    # K8S: finalize is an Updater only.
    assert api(server, "GET", "/api/v1/namespaces/fin/finalize")[0] == 405
