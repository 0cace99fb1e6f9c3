"""The real kubectl (Debian's 1.20 and the machine's newer one) against a real `ckube
server` for the subresources: `kubectl scale` through deployments/scale, and `kubectl
drain` through cordon (a strategic merge patch of the Node) and pods/eviction, with a
PodDisruptionBudget that blocks (429, drain retries until its timeout, the pod stays) and
one that allows (the pods are evicted).

No node agent or disruption controller exists yet, so the test plays both: it creates a
Node object, pods already bound to it (spec.nodeName) and reported Running and Ready
through pods/status, sets the budget's status through poddisruptionbudgets/status, and
finishes the graceful deletions an eviction starts as the node's kubelet would."""
import contextlib
import json
import threading

import pytest


def api(server, method, path, body=None, content_type="application/json"):
    status, _, data = server.request(method, path,
                                     body=json.dumps(body).encode() if body is not None else None,
                                     headers={"Content-Type": content_type})
    return status, json.loads(data) if data else None


def make_node_and_pods(server, node, pods):
    status, _ = api(server, "POST", "/api/v1/nodes", {"metadata": {"name": node}})
    assert status == 201
    # A real owner: the garbage collector deletes pods whose owner does not exist.
    status, rs = api(server, "POST", "/apis/apps/v1/namespaces/default/replicasets", {
        "metadata": {"name": "web-rs"},
        "spec": {"replicas": len(pods), "selector": {"matchLabels": {"app": "web"}},
                 "template": {"metadata": {"labels": {"app": "web"}},
                              "spec": {"containers": [{"name": "c", "image": "nginx"}]}}}})
    assert status == 201, rs
    for name in pods:
        pod = {"metadata": {"name": name, "labels": {"app": "web"},
                            "ownerReferences": [{"apiVersion": "apps/v1", "kind": "ReplicaSet",
                                                 "name": "web-rs",
                                                 "uid": rs["metadata"]["uid"],
                                                 "controller": True}]},
               "spec": {"nodeName": node,
                        "containers": [{"name": "c", "image": "nginx"}]}}
        status, got = api(server, "POST", "/api/v1/namespaces/default/pods", pod)
        assert status == 201, got
        status, got = api(server, "PATCH", f"/api/v1/namespaces/default/pods/{name}/status",
                          {"status": {"phase": "Running",
                                      "conditions": [{"type": "Ready", "status": "True"}]}},
                          "application/merge-patch+json")
        assert status == 200, got


@contextlib.contextmanager
def kubelet(server, node):
    """Play node's kubelet for pod deletion: once a pod is marked for graceful deletion,
    its containers are "stopped" and the pod is deleted with a zero grace period and its
    uid as a precondition (K8S: the kubelet's status manager). Yields the grace periods
    seen, by pod name."""
    seen = {}
    stop = threading.Event()

    def run():
        while not stop.wait(0.05):
            status, pods = api(server, "GET", "/api/v1/namespaces/default/pods"
                               f"?fieldSelector=spec.nodeName%3D{node}")
            for pod in (pods or {}).get("items", []) if status == 200 else []:
                md = pod["metadata"]
                if "deletionTimestamp" not in md:
                    continue
                seen[md["name"]] = md.get("deletionGracePeriodSeconds")
                api(server, "DELETE", f"/api/v1/namespaces/default/pods/{md['name']}",
                    {"kind": "DeleteOptions", "apiVersion": "v1", "gracePeriodSeconds": 0,
                     "preconditions": {"uid": md["uid"]}})

    t = threading.Thread(target=run, daemon=True)
    t.start()
    try:
        yield seen
    finally:
        stop.set()
        t.join()


def make_pdb(server, allowed):
    status, got = api(server, "POST", "/apis/policy/v1/namespaces/default/poddisruptionbudgets",
                      {"metadata": {"name": "web-pdb"},
                       "spec": {"minAvailable": 1, "selector": {"matchLabels": {"app": "web"}}}})
    assert status == 201, got
    set_pdb(server, allowed)


def set_pdb(server, allowed):
    status, got = api(server, "PATCH",
                      "/apis/policy/v1/namespaces/default/poddisruptionbudgets/web-pdb/status",
                      {"status": {"disruptionsAllowed": allowed, "currentHealthy": 2,
                                  "desiredHealthy": 1, "expectedPods": 2,
                                  "observedGeneration": 1}},
                      "application/merge-patch+json")
    assert status == 200, got


def test_scale_deployment(kubectl):
    kubectl("create", "deployment", "web", "--image=nginx", "--replicas=2")
    r = kubectl("scale", "deployment", "web", "--replicas=4")
    assert "scaled" in r.stdout
    got = json.loads(kubectl("get", "deployment", "web", "-o", "json").stdout)
    assert got["spec"]["replicas"] == 4
    assert got["metadata"]["generation"] == 2
    # With --current-replicas kubectl reads the Scale and writes it back with its version.
    kubectl("scale", "deployment", "web", "--current-replicas=4", "--replicas=1")
    got = json.loads(kubectl("get", "deployment", "web", "-o", "json").stdout)
    assert got["spec"]["replicas"] == 1
    r = kubectl("scale", "deployment", "web", "--current-replicas=4", "--replicas=2",
                check=False)
    assert r.returncode != 0


DRAIN = ("drain", "node-2", "--ignore-daemonsets", "--delete-emptydir-data", "--timeout=20s")


def test_drain_blocked_by_budget(kubectl, server):
    make_node_and_pods(server, "node-2", ["web-a"])
    make_pdb(server, 0)
    r = kubectl(*DRAIN, check=False, timeout=90)
    assert r.returncode != 0
    out = r.stdout + r.stderr
    assert "Cannot evict pod as it would violate the pod's disruption budget." in out
    status, _ = api(server, "GET", "/api/v1/namespaces/default/pods/web-a")
    assert status == 200
    # The cordon happened first.
    status, node = api(server, "GET", "/api/v1/nodes/node-2")
    assert node["spec"]["unschedulable"] is True


def test_drain_allowed_by_budget(kubectl, server):
    make_node_and_pods(server, "node-2", ["web-a", "web-b"])
    make_pdb(server, 2)
    with kubelet(server, "node-2") as seen:
        r = kubectl(*DRAIN, timeout=90)
    # K8S: an eviction deletes gracefully: terminationGracePeriodSeconds defaults to 30.
    assert seen == {"web-a": 30, "web-b": 30}
    out = r.stdout + r.stderr
    assert "node/node-2 cordoned" in out
    assert "evicted" in out
    for name in ("web-a", "web-b"):
        status, _ = api(server, "GET", f"/api/v1/namespaces/default/pods/{name}")
        assert status == 404
    status, pdb = api(server, "GET",
                      "/apis/policy/v1/namespaces/default/poddisruptionbudgets/web-pdb")
    assert pdb["status"]["disruptionsAllowed"] == 0
    assert set(pdb["status"]["disruptedPods"]) == {"web-a", "web-b"}
    # Uncordon removes the field again (strategic merge patch with null).
    kubectl("uncordon", "node-2")
    status, node = api(server, "GET", "/api/v1/nodes/node-2")
    assert not node["spec"].get("unschedulable")
