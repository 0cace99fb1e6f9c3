"""End-to-end fixtures: real `ckube server` processes on free loopback ports in temporary
directories, and the real kubectl binaries that drive them.

Every process a fixture starts is stopped when the fixture ends, pass or fail: SIGTERM,
then SIGKILL after a grace period. The server's etcd member dies with it (PDEATHSIG).
"""
import contextlib
import json
import os
import pathlib
import random
import signal
import socket
import ssl
import subprocess
import time
import urllib.error
import urllib.request

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]

# Debian's kubectl 1.20, unpacked by scripts/deps (it clashes with the machine's kubectl).
KUBECTL_120 = ROOT / "tests" / ".cache" / "kubernetes-client" / "usr" / "bin" / "kubectl"
# The newer kubectl the machine may have under the Google Cloud SDK directory.
GCLOUD_BIN = pathlib.Path("/usr/lib/google-cloud-sdk/bin")


def _ephemeral_range():
    try:
        lo, hi = open("/proc/sys/net/ipv4/ip_local_port_range").read().split()
        return int(lo), int(hi)
    except (OSError, ValueError):
        return 32768, 60999


def free_port():
    """A free loopback port below the kernel's ephemeral range: the server's etcd member
    and every outgoing connection take ports from that range (bind to port 0), so a port
    chosen there could be taken between this check and the server's bind."""
    lo, _ = _ephemeral_range()
    rng = random.Random()
    for _ in range(200):
        port = rng.randrange(10000, max(lo, 10001))
        with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise AssertionError("no free loopback port below the ephemeral range")


def wait_for(cond, timeout=30.0, what="condition"):
    """Poll cond() until it returns a true value; fail the test after timeout seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = cond()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


class Server:
    """A running `ckube server` and how to reach it."""

    def __init__(self, binary, workdir, port):
        self.binary = binary
        self.data_dir = workdir / "data"
        self.log_path = workdir / "server.log"
        self.port = port
        self.url = f"https://127.0.0.1:{port}"
        self.kubeconfig = self.data_dir / "admin.kubeconfig"
        self.proc = None

    def start(self, timeout=60.0):
        with open(self.log_path, "ab") as log:
            self.proc = subprocess.Popen(
                [str(self.binary), "server", "--data-dir", str(self.data_dir),
                 "--https-port", str(self.port), "--log-level", "debug"],
                stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        wait_for(lambda: self.proc.poll() is not None or self.ready(), timeout,
                 "the server to become ready")
        if self.proc.poll() is not None:
            raise AssertionError(f"ckube server exited {self.proc.returncode}:\n{self.log()}")

    def stop(self):
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            raise AssertionError(f"ckube server ignored SIGTERM for 15 s:\n{self.log()[-4000:]}")
        # A graceful stop exits 0; anything else (an abort, a sanitizer report) is a defect.
        if self.proc.returncode != 0:
            raise AssertionError(f"ckube server exited {self.proc.returncode} on SIGTERM:\n"
                                 f"{self.log()[-4000:]}")

    def log(self):
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def ssl_context(self, client_cert=True):
        ctx = ssl.create_default_context(cafile=str(self.data_dir / "pki" / "ca.crt"))
        if client_cert:
            ctx.load_cert_chain(str(self.data_dir / "pki" / "admin.crt"),
                                str(self.data_dir / "pki" / "admin.key"))
        return ctx

    def request(self, method, path, body=None, headers=None, client_cert=True, timeout=10):
        """One HTTPS request; returns (status, headers, body bytes), errors included."""
        data = body if body is None or isinstance(body, bytes) else json.dumps(body).encode()
        req = urllib.request.Request(self.url + path, data=data, method=method,
                                     headers=headers or {})
        if data is not None and "Content-Type" not in (headers or {}):
            req.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(req, context=self.ssl_context(client_cert),
                                        timeout=timeout) as resp:
                return resp.status, dict(resp.headers), resp.read()
        except urllib.error.HTTPError as e:
            return e.code, dict(e.headers), e.read()

    def ready(self):
        if not (self.data_dir / "pki" / "ca.crt").exists():
            return False
        try:
            status, _, _ = self.request("GET", "/readyz", client_cert=False, timeout=2)
            return status == 200
        except (OSError, ssl.SSLError):
            return False


@pytest.fixture
def server(ckube_bin, tmp_path):
    """A fresh single-node server with its own etcd member, stopped afterwards."""
    srv = Server(ckube_bin, tmp_path, free_port())
    try:
        srv.start()
        yield srv
    finally:
        srv.stop()


def _kubectl_runner(binary, srv):
    def run(*args, stdin=None, check=True, timeout=60):
        r = subprocess.run([str(binary), "--kubeconfig", str(srv.kubeconfig), *args],
                           input=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           text=True, timeout=timeout)
        if check and r.returncode != 0:
            raise AssertionError(f"kubectl {' '.join(args)} exited {r.returncode}:\n"
                                 f"{r.stderr}\n--- server log ---\n{srv.log()[-4000:]}")
        return r
    run.binary = binary
    return run


def newer_kubectl():
    """The newest kubectl under the Google Cloud SDK directory, or None."""
    for name in ("kubectl.1.33", "kubectl.1.32"):
        if (GCLOUD_BIN / name).exists():
            return GCLOUD_BIN / name
    return None


@pytest.fixture
def kubectl120(server):
    if not KUBECTL_120.exists():
        pytest.skip("Debian's kubectl 1.20 is not unpacked in tests/.cache (run make deps)")
    return _kubectl_runner(KUBECTL_120, server)


@pytest.fixture
def kubectl_new(server):
    binary = newer_kubectl()
    if binary is None:
        pytest.skip("no kubectl 1.32/1.33 under /usr/lib/google-cloud-sdk/bin on this machine")
    return _kubectl_runner(binary, server)


@pytest.fixture(params=["1.20", "new"])
def kubectl(request, server):
    """Each test that uses it runs with both kubectl versions."""
    if request.param == "1.20":
        return request.getfixturevalue("kubectl120")
    return request.getfixturevalue("kubectl_new")


@pytest.fixture(scope="module")
def module_server(ckube_bin, tmp_path_factory):
    """One server shared by every test of a module, for tests that each use their own
    object names and leave the server as they found it: fewer server starts."""
    srv = Server(ckube_bin, tmp_path_factory.mktemp("module-server"), free_port())
    try:
        srv.start()
        yield srv
    finally:
        srv.stop()
