"""When etcd stops answering, a write gets a Kubernetes Status with a storage error code
and a message that does not leak etcd's internal address (that goes to the server's log),
and the server serves again once etcd is back."""
import json
import os
import pathlib
import signal

from conftest import wait_for


def children(pid):
    kids = []
    for task in pathlib.Path(f"/proc/{pid}/task").iterdir():
        text = (task / "children").read_text().split()
        kids.extend(int(k) for k in text)
    return kids


def etcd_pid(server):
    for kid in children(server.proc.pid):
        if "etcd" in pathlib.Path(f"/proc/{kid}/comm").read_text():
            return kid
    raise AssertionError("the server has no etcd child")


def test_write_while_etcd_is_frozen(server):
    pid = etcd_pid(server)
    os.kill(pid, signal.SIGSTOP)
    try:
        status, _, data = server.request(
            "POST", "/api/v1/namespaces/default/configmaps",
            body=json.dumps({"metadata": {"name": "frozen"}}).encode(),
            headers={"Content-Type": "application/json"}, timeout=60)
    finally:
        os.kill(pid, signal.SIGCONT)
    got = json.loads(data)
    assert got["kind"] == "Status" and status in (500, 503, 504), (status, got)
    assert got["code"] == status
    # The detail (etcd's address) is the operator's, in the log; not the client's.
    assert "127.0.0.1" not in got["message"] and "http" not in got["message"], got
    assert "storage failure" in server.log()
    # Back to normal once etcd answers again.

    def created():
        st, _, _ = server.request("POST", "/api/v1/namespaces/default/configmaps",
                                  body=b'{"metadata":{"name":"thawed"}}',
                                  headers={"Content-Type": "application/json"})
        return st == 201
    wait_for(created, 30, "a create to succeed after etcd resumed")
