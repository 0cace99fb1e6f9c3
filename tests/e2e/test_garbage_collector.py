"""The garbage collector and the namespace controller inside a real `ckube server`:
dependents of a deleted owner are collected (background), foreground deletion removes the
dependents before the owner, orphaning keeps them without their reference, references to
owners that never existed are cleaned up, and `kubectl delete namespace` returns once the
namespace has been emptied and removed.

The API-level rules these rest on (which finalizer a propagationPolicy adds) are in
test_deletion.py; kubectl's `delete --cascade` is in test_kubectl_table.py."""
import json

from conftest import wait_for

NS = "default"
GC_TIMEOUT = 10.0  # kube-controller-manager's collector acts within a second or so


def api(server, method, path, body=None, content_type="application/json"):
    status, _, data = server.request(method, path,
                                     body=json.dumps(body).encode() if body is not None else None,
                                     headers={"Content-Type": content_type})
    return status, json.loads(data) if data else None


def rs_path(name):
    return f"/apis/apps/v1/namespaces/{NS}/replicasets/{name}"


def pod_path(name):
    return f"/api/v1/namespaces/{NS}/pods/{name}"


def make_rs(server, name):
    status, rs = api(server, "POST", f"/apis/apps/v1/namespaces/{NS}/replicasets", {
        "apiVersion": "apps/v1", "kind": "ReplicaSet", "metadata": {"name": name},
        "spec": {"replicas": 1, "selector": {"matchLabels": {"rs": name}},
                 "template": {"metadata": {"labels": {"rs": name}},
                              "spec": {"containers": [{"name": "c", "image": "nginx"}]}}}})
    assert status == 201, rs
    return rs


def ref(kind, name, uid, api_version="apps/v1", block=True):
    return {"apiVersion": api_version, "kind": kind, "name": name, "uid": uid,
            "controller": True, "blockOwnerDeletion": block}


def make_pod(server, name, owners, node=None):
    spec = {"containers": [{"name": "c", "image": "nginx"}]}
    if node:
        spec["nodeName"] = node
    status, pod = api(server, "POST", f"/api/v1/namespaces/{NS}/pods",
                      {"metadata": {"name": name, "ownerReferences": owners}, "spec": spec})
    assert status == 201, pod
    return pod


def gone(server, path):
    return api(server, "GET", path)[0] == 404


def test_background_deletion_collects_dependents(server):
    rs = make_rs(server, "bg")
    for p in ("bg-a", "bg-b"):
        make_pod(server, p, [ref("ReplicaSet", "bg", rs["metadata"]["uid"])])
    status, got = api(server, "DELETE", rs_path("bg"))
    assert status == 200 and got["status"] == "Success"
    wait_for(lambda: gone(server, pod_path("bg-a")) and gone(server, pod_path("bg-b")),
             GC_TIMEOUT, "the collector to delete the dependents")


def test_foreground_deletion_removes_dependents_first(server):
    rs = make_rs(server, "fg")
    for p in ("fg-a", "fg-b"):
        make_pod(server, p, [ref("ReplicaSet", "fg", rs["metadata"]["uid"])])
    status, got = api(server, "DELETE", rs_path("fg"),
                      {"kind": "DeleteOptions", "apiVersion": "v1",
                       "propagationPolicy": "Foreground"})
    assert status == 200 and got["metadata"]["finalizers"] == ["foregroundDeletion"]
    # K8S: the owner stays (with its finalizer) while a blocking dependent exists.
    # The owner first: once it is gone, its dependents must already be.
    def done():
        owner = not gone(server, rs_path("fg"))
        pods_left = not (gone(server, pod_path("fg-a")) and gone(server, pod_path("fg-b")))
        assert owner or not pods_left, "the owner went before its blocking dependents"
        return not owner and not pods_left
    wait_for(done, GC_TIMEOUT, "foreground deletion to finish")


def test_orphan_keeps_dependents_without_the_reference(server):
    rs = make_rs(server, "orph")
    make_pod(server, "orph-a", [ref("ReplicaSet", "orph", rs["metadata"]["uid"])])
    status, got = api(server, "DELETE", rs_path("orph"),
                      {"kind": "DeleteOptions", "apiVersion": "v1",
                       "propagationPolicy": "Orphan"})
    assert status == 200 and got["metadata"]["finalizers"] == ["orphan"]
    wait_for(lambda: gone(server, rs_path("orph")), GC_TIMEOUT, "the orphaned owner to go")
    status, pod = api(server, "GET", pod_path("orph-a"))
    assert status == 200
    assert not pod["metadata"].get("ownerReferences")


def test_orphan_right_after_the_dependent_is_created(server):
    # The owner's deletion may reach the collector before the dependent does (each
    # resource has its own cache): the orphan finalizer must wait for the dependent, or
    # the owner goes first and the dependent is collected as dangling.
    rounds = 20
    for i in range(rounds):
        rs = make_rs(server, f"race-{i}")
        make_pod(server, f"race-{i}", [ref("ReplicaSet", f"race-{i}", rs["metadata"]["uid"])])
        status, _ = api(server, "DELETE", rs_path(f"race-{i}"),
                        {"kind": "DeleteOptions", "apiVersion": "v1",
                         "propagationPolicy": "Orphan"})
        assert status == 200
    wait_for(lambda: all(gone(server, rs_path(f"race-{i}")) for i in range(rounds)),
             GC_TIMEOUT, "the orphaned owners to go")
    for i in range(rounds):
        status, pod = api(server, "GET", pod_path(f"race-{i}"))
        assert status == 200, f"race-{i} was collected instead of orphaned"
        assert not pod["metadata"].get("ownerReferences")


def test_orphaning_many_dependents_takes_several_passes(server):
    # More dependents than one pass of the collector patches at once (64).
    rs = make_rs(server, "many")
    names = [f"many-{i}" for i in range(70)]
    for p in names:
        make_pod(server, p, [ref("ReplicaSet", "many", rs["metadata"]["uid"])])
    status, _ = api(server, "DELETE", rs_path("many"),
                    {"kind": "DeleteOptions", "apiVersion": "v1", "propagationPolicy": "Orphan"})
    assert status == 200
    wait_for(lambda: gone(server, rs_path("many")), GC_TIMEOUT * 2, "the orphaned owner to go")
    status, pods = api(server, "GET", f"/api/v1/namespaces/{NS}/pods")
    left = {p["metadata"]["name"]: p["metadata"].get("ownerReferences")
            for p in pods["items"] if p["metadata"]["name"].startswith("many-")}
    assert sorted(left) == sorted(names)
    assert not any(left.values()), "a dependent kept its reference to the orphaning owner"


def test_dangling_reference_is_collected_and_solid_one_kept(server):
    # An owner uid that never existed: the dependent has no owner left and is deleted.
    make_pod(server, "dangling", [ref("ReplicaSet", "nope", "00000000-0000-0000-0000-0000000000aa")])
    wait_for(lambda: gone(server, pod_path("dangling")), GC_TIMEOUT,
             "the collector to delete a pod whose owner does not exist")
    # With a solid owner too, only the dangling reference goes.
    rs = make_rs(server, "solid")
    make_pod(server, "mixed", [ref("ReplicaSet", "solid", rs["metadata"]["uid"]),
                               ref("ReplicaSet", "nope", "00000000-0000-0000-0000-0000000000bb",
                                   block=False) | {"controller": False}])

    def refs():
        status, pod = api(server, "GET", pod_path("mixed"))
        assert status == 200, "a pod with a solid owner was deleted"
        return [r["name"] for r in pod["metadata"].get("ownerReferences", [])]
    wait_for(lambda: refs() == ["solid"], GC_TIMEOUT, "the dangling reference to be removed")


def test_owner_of_another_uid_is_not_the_owner(server):
    old = make_rs(server, "reborn")
    api(server, "DELETE", rs_path("reborn"))
    wait_for(lambda: gone(server, rs_path("reborn")), GC_TIMEOUT, "the owner to go")
    make_rs(server, "reborn")  # same name, new uid
    make_pod(server, "stale", [ref("ReplicaSet", "reborn", old["metadata"]["uid"])])
    wait_for(lambda: gone(server, pod_path("stale")), GC_TIMEOUT,
             "the collector to see through a reused name")
    assert not gone(server, rs_path("reborn"))


def test_cluster_scoped_object_with_namespaced_owner_is_kept(server):
    # K8S: a namespaced owner of a cluster-scoped object is an invalid reference, not a
    # dangling one: the collector leaves the object alone.
    status, got = api(server, "POST", "/api/v1/nodes", {"metadata": {
        "name": "owned-node",
        "ownerReferences": [ref("ReplicaSet", "x", "00000000-0000-0000-0000-0000000000cc")]}})
    assert status == 201, got
    # A dangling pod created after it: once the collector has deleted the pod, it has
    # looked at the node too.
    make_pod(server, "after-node", [ref("ReplicaSet", "y", "00000000-0000-0000-0000-0000000000dd")])
    wait_for(lambda: gone(server, pod_path("after-node")), GC_TIMEOUT, "the dangling pod to go")
    assert not gone(server, "/api/v1/nodes/owned-node")


def test_job_orphans_its_pods_by_default(server):
    # K8S: batch/v1 Jobs default to orphaning (DefaultGarbageCollectionPolicy).
    status, job = api(server, "POST", f"/apis/batch/v1/namespaces/{NS}/jobs", {
        "metadata": {"name": "once"},
        "spec": {"template": {"spec": {"restartPolicy": "Never",
                                       "containers": [{"name": "c", "image": "busybox"}]}}}})
    assert status == 201, job
    make_pod(server, "once-pod", [ref("Job", "once", job["metadata"]["uid"],
                                      api_version="batch/v1")])
    status, got = api(server, "DELETE", f"/apis/batch/v1/namespaces/{NS}/jobs/once")
    assert status == 200 and got["metadata"]["finalizers"] == ["orphan"], got
    wait_for(lambda: gone(server, f"/apis/batch/v1/namespaces/{NS}/jobs/once"), GC_TIMEOUT,
             "the job to go")
    status, pod = api(server, "GET", pod_path("once-pod"))
    assert status == 200 and not pod["metadata"].get("ownerReferences")


def test_kubectl_delete_namespace_waits_until_gone(server, kubectl):
    kubectl("create", "namespace", "scratch")
    kubectl("create", "configmap", "c1", "-n", "scratch", "--from-literal=a=b")
    # Services can't be deleted as a collection: the controller deletes them one by one.
    kubectl("create", "service", "clusterip", "svc", "-n", "scratch", "--tcp=80:80")
    kubectl("create", "deployment", "web", "-n", "scratch", "--image=nginx")
    api(server, "POST", "/api/v1/namespaces/scratch/pods",
        {"metadata": {"name": "p"}, "spec": {"containers": [{"name": "c", "image": "nginx"}]}})
    r = kubectl("delete", "namespace", "scratch", timeout=60)
    assert 'namespace "scratch" deleted' in r.stdout
    # kubectl waits for the namespace to be gone (--wait=true).
    assert gone(server, "/api/v1/namespaces/scratch")
    for path in ("/api/v1/namespaces/scratch/configmaps", "/api/v1/namespaces/scratch/pods",
                 "/api/v1/namespaces/scratch/services",
                 "/apis/apps/v1/namespaces/scratch/deployments"):
        status, got = api(server, "GET", path)
        assert status == 200 and got["items"] == [], path
