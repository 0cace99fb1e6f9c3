"""Debian's python3-kubernetes client (issue 3, item 7), in the pytest process, against a
real `ckube server`: list, create, read, patch (strategic, merge, JSON), delete, errors as
ApiException with the Status body, and a watch that sees ADDED, MODIFIED and DELETED for
changes made from another thread.

Traps this client sets (reference: kubectl-1.32-1.33-and-python.md §8): it sends
`watch=True`, bodies without kind/apiVersion, and deserialises strictly (items must be a
list, required model fields present, timestamps parseable)."""
import json
import threading

import pytest
from kubernetes import client, config, watch
from kubernetes.client.rest import ApiException

NS = "default"


@pytest.fixture(scope="module")
def kube(module_server):
    """(CoreV1Api, AppsV1Api) configured from the server's admin kubeconfig."""
    config.load_kube_config(config_file=str(module_server.kubeconfig))
    return client.CoreV1Api(), client.AppsV1Api()


def status_body(exc):
    st = json.loads(exc.body)
    assert st["kind"] == "Status" and st["code"] == exc.status
    return st


def test_list_create_read_patch_delete(kube):
    v1, _ = kube
    namespaces = {ns.metadata.name for ns in v1.list_namespace().items}
    assert {"default", "kube-system", "kube-public", "kube-node-lease"} <= namespaces

    v1.create_namespace(client.V1Namespace(metadata=client.V1ObjectMeta(name="py-empty")))
    empty = v1.list_namespaced_config_map("py-empty")
    assert empty.items == []
    assert int(empty.metadata.resource_version) > 0

    # No kind/apiVersion in the body: the client sends only what the caller set.
    created = v1.create_namespaced_config_map(NS, client.V1ConfigMap(
        metadata=client.V1ObjectMeta(name="py-cm", labels={"from": "python"}),
        data={"a": "1", "b": "2"}))
    assert (created.kind, created.api_version) == ("ConfigMap", "v1")
    assert created.metadata.uid and created.metadata.creation_timestamp is not None
    rv = int(created.metadata.resource_version)

    got = v1.read_namespaced_config_map("py-cm", NS)
    assert got.data == {"a": "1", "b": "2"} and got.metadata.labels == {"from": "python"}
    listed = v1.list_namespaced_config_map(NS, label_selector="from=python")
    assert [cm.metadata.name for cm in listed.items] == ["py-cm"]
    assert v1.list_namespaced_config_map(NS, label_selector="from=elsewhere").items == []
    assert [cm.metadata.name for cm in v1.list_config_map_for_all_namespaces(
        field_selector="metadata.name=py-cm").items] == ["py-cm"]

    # A dict is sent as a strategic merge patch: maps merge, null deletes.
    patched = v1.patch_namespaced_config_map("py-cm", NS, {"data": {"a": "changed", "b": None,
                                                                    "c": "3"}})
    assert patched.data == {"a": "changed", "c": "3"}
    assert int(patched.metadata.resource_version) > rv
    # A list is sent as a JSON patch.
    patched = v1.patch_namespaced_config_map("py-cm", NS, [
        {"op": "add", "path": "/data/d", "value": "4"},
        {"op": "remove", "path": "/metadata/labels/from"}])
    assert patched.data == {"a": "changed", "c": "3", "d": "4"}
    assert not patched.metadata.labels

    replaced = v1.replace_namespaced_config_map("py-cm", NS, client.V1ConfigMap(
        metadata=client.V1ObjectMeta(name="py-cm",
                                     resource_version=patched.metadata.resource_version),
        data={"only": "this"}))
    assert replaced.data == {"only": "this"}

    deleted = v1.delete_namespaced_config_map("py-cm", NS)
    assert deleted is not None
    with pytest.raises(ApiException) as err:
        v1.read_namespaced_config_map("py-cm", NS)
    assert err.value.status == 404
    st = status_body(err.value)
    assert st["reason"] == "NotFound" and st["details"]["name"] == "py-cm"
    v1.delete_namespace("py-empty")


def test_errors_are_api_exceptions_with_a_status(kube):
    v1, _ = kube
    v1.create_namespaced_config_map(NS, client.V1ConfigMap(
        metadata=client.V1ObjectMeta(name="py-dup"), data={"k": "v"}))
    with pytest.raises(ApiException) as err:
        v1.create_namespaced_config_map(NS, client.V1ConfigMap(
            metadata=client.V1ObjectMeta(name="py-dup"), data={"k": "other"}))
    assert err.value.status == 409 and status_body(err.value)["reason"] == "AlreadyExists"
    assert v1.read_namespaced_config_map("py-dup", NS).data == {"k": "v"}

    with pytest.raises(ApiException) as err:
        v1.create_namespaced_config_map(NS, client.V1ConfigMap(
            metadata=client.V1ObjectMeta(name="Py_Bad"), data={"k": "v"}))
    assert err.value.status == 422
    st = status_body(err.value)
    assert st["reason"] == "Invalid"
    assert [c["field"] for c in st["details"]["causes"]] == ["metadata.name"]

    stale = v1.read_namespaced_config_map("py-dup", NS)
    v1.patch_namespaced_config_map("py-dup", NS, {"data": {"k": "newer"}})
    stale.data = {"k": "lost update"}
    with pytest.raises(ApiException) as err:
        v1.replace_namespaced_config_map("py-dup", NS, stale)
    assert err.value.status == 409 and status_body(err.value)["reason"] == "Conflict"
    assert v1.read_namespaced_config_map("py-dup", NS).data == {"k": "newer"}

    with pytest.raises(ApiException) as err:
        v1.create_namespaced_config_map("py-no-such-namespace", client.V1ConfigMap(
            metadata=client.V1ObjectMeta(name="x")))
    assert err.value.status == 404
    v1.delete_namespaced_config_map("py-dup", NS)


def container_images(d):
    return [(c.name, c.image) for c in d.spec.template.spec.containers]


def test_strategic_and_merge_patch_of_a_deployment(kube, module_server):
    _, apps = kube
    apps.create_namespaced_deployment(NS, client.V1Deployment(
        metadata=client.V1ObjectMeta(name="py-web", labels={"app": "py-web"}),
        spec=client.V1DeploymentSpec(
            replicas=2,
            selector=client.V1LabelSelector(match_labels={"app": "py-web"}),
            template=client.V1PodTemplateSpec(
                metadata=client.V1ObjectMeta(labels={"app": "py-web"}),
                spec=client.V1PodSpec(containers=[
                    client.V1Container(name="app", image="nginx:1.25"),
                    client.V1Container(name="sidecar", image="busybox:1.36")])))))

    # Strategic merge patch: the containers list merges by name.
    d = apps.patch_namespaced_deployment("py-web", NS, {"spec": {"template": {"spec": {
        "containers": [{"name": "app", "image": "nginx:1.26"}]}}}})
    assert container_images(d) == [("app", "nginx:1.26"), ("sidecar", "busybox:1.36")]
    assert d.metadata.generation == 2

    # JSON merge patch (this client version picks the patch type from the body, so the
    # Content-Type is forced): the containers list is replaced as a whole.
    merge = config.new_client_from_config(config_file=str(module_server.kubeconfig))
    merge.set_default_header("Content-Type", "application/merge-patch+json")
    try:
        d = client.AppsV1Api(merge).patch_namespaced_deployment(
            "py-web", NS, {"spec": {"replicas": 3, "template": {"spec": {
                "containers": [{"name": "app", "image": "nginx:1.27"}]}}}})
    finally:
        merge.close()
    assert container_images(d) == [("app", "nginx:1.27")]
    assert d.spec.replicas == 3
    assert d.metadata.generation == 3
    again = apps.read_namespaced_deployment("py-web", NS)
    assert container_images(again) == [("app", "nginx:1.27")]
    # Defaults were applied to the new container as to the old ones.
    assert again.spec.template.spec.containers[0].image_pull_policy == "IfNotPresent"
    apps.delete_namespaced_deployment("py-web", NS)


def test_nodes_and_bound_pods_deserialise(kube):
    v1, _ = kube
    v1.create_node(client.V1Node(
        metadata=client.V1ObjectMeta(name="py-node", labels={"kubernetes.io/hostname": "py-node"}),
        status=client.V1NodeStatus(
            capacity={"cpu": "2", "memory": "4Gi", "pods": "110"},
            addresses=[client.V1NodeAddress(type="InternalIP", address="10.0.0.9")],
            conditions=[client.V1NodeCondition(type="Ready", status="True")],
            node_info=client.V1NodeSystemInfo(
                architecture="amd64", boot_id="b", container_runtime_version="runc://1.1",
                kernel_version="6.1", kube_proxy_version="v1.30.0", kubelet_version="v1.30.0",
                machine_id="m", operating_system="linux", os_image="Debian", system_uuid="s"))))
    nodes = {n.metadata.name: n for n in v1.list_node().items}
    node = nodes["py-node"]
    assert node.status.capacity == {"cpu": "2", "memory": "4Gi", "pods": "110"}
    assert node.status.node_info.kubelet_version == "v1.30.0"
    assert [(a.type, a.address) for a in node.status.addresses] == [("InternalIP", "10.0.0.9")]

    for name in ("py-pod-1", "py-pod-2"):
        v1.create_namespaced_pod(NS, client.V1Pod(
            metadata=client.V1ObjectMeta(name=name, labels={"app": "py"}),
            spec=client.V1PodSpec(node_name="py-node",
                                  containers=[client.V1Container(name="c", image="nginx")])))
    pods = v1.list_pod_for_all_namespaces(field_selector="spec.nodeName=py-node")
    assert sorted(p.metadata.name for p in pods.items) == ["py-pod-1", "py-pod-2"]
    pod = v1.read_namespaced_pod("py-pod-1", NS)
    assert pod.spec.node_name == "py-node" and pod.status.phase == "Pending"
    assert pod.spec.restart_policy == "Always"
    assert pod.metadata.creation_timestamp.tzinfo is not None

    for name in ("py-pod-1", "py-pod-2"):
        v1.delete_namespaced_pod(name, NS, grace_period_seconds=0)
    v1.delete_node("py-node")


def test_watch_sees_added_modified_deleted(kube):
    v1, _ = kube
    # An object that exists before the watch: its synthetic ADDED says the watch is live.
    v1.create_namespaced_config_map(NS, client.V1ConfigMap(
        metadata=client.V1ObjectMeta(name="py-watch-marker"), data={"k": "v"}))
    go = threading.Event()
    failures = []

    def writer():
        if not go.wait(10):
            return
        try:
            v1.create_namespaced_config_map(NS, client.V1ConfigMap(
                metadata=client.V1ObjectMeta(name="py-watched"), data={"n": "1"}))
            v1.patch_namespaced_config_map("py-watched", NS, {"data": {"n": "2"}})
            v1.delete_namespaced_config_map("py-watched", NS)
        except Exception as e:  # reported by the main thread
            failures.append(e)

    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    w = watch.Watch()
    seen = []
    try:
        for event in w.stream(v1.list_namespaced_config_map, NS, timeout_seconds=5):
            obj = event["object"]
            if obj.metadata.name == "py-watch-marker":
                go.set()
            elif obj.metadata.name == "py-watched":
                seen.append((event["type"], (obj.data or {}).get("n"),
                             int(obj.metadata.resource_version)))
                if event["type"] == "DELETED":
                    break
    finally:
        w.stop()
        go.set()
        thread.join(timeout=10)
    assert not failures, failures
    assert [(t, n) for t, n, _ in seen] == [("ADDED", "1"), ("MODIFIED", "2"),
                                           ("DELETED", "2")]
    rvs = [rv for _, _, rv in seen]
    assert rvs == sorted(rvs) and len(set(rvs)) == 3
    v1.delete_namespaced_config_map("py-watch-marker", NS)


def test_watch_ends_at_timeout_seconds(kube):
    # K8S: the server closes a watch after timeoutSeconds; this client would otherwise hang.
    v1, _ = kube
    w = watch.Watch()
    events = []
    try:
        for event in w.stream(v1.list_namespaced_config_map, "kube-public", timeout_seconds=1,
                              _request_timeout=15):
            events.append(event["type"])
    finally:
        w.stop()
    assert set(events) <= {"ADDED"}
