"""The ckube command line as a user meets it: help, version, usage errors (one line on
stderr, exit 2), and `ckube server` starting and stopping its supervised etcd member."""
import os
import signal
import subprocess
import time

import pytest

from conftest import free_port


def run(ckube_bin, *args, timeout=10):
    return subprocess.run([str(ckube_bin), *args], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True, timeout=timeout)


def test_version(ckube_bin):
    r = run(ckube_bin, "version")
    assert r.returncode == 0
    assert r.stdout.startswith("ckube ")
    assert "Kubernetes API v1." in r.stdout
    short = run(ckube_bin, "version", "--short")
    assert short.returncode == 0
    assert short.stdout.strip() == r.stdout.split()[1]


def test_help_lists_every_command(ckube_bin):
    r = run(ckube_bin, "help")
    assert r.returncode == 0
    for name in ("server", "version", "help"):
        assert f"\n  {name} " in r.stdout
    assert run(ckube_bin, "--help").stdout == r.stdout


@pytest.mark.parametrize("cmd", ["server", "version", "help"])
def test_command_help(ckube_bin, cmd):
    r = run(ckube_bin, cmd, "--help")
    assert r.returncode == 0
    assert r.stdout.startswith(f"usage: ckube {cmd}")
    assert run(ckube_bin, "help", cmd).stdout == r.stdout


@pytest.mark.parametrize("args, message", [
    (["frobnicate"], "ckube: unknown command 'frobnicate' (see 'ckube help')"),
    (["version", "--frobnicate"], "ckube version: unknown flag '--frobnicate'"),
    (["version", "-x"], "ckube version: unknown flag '-x'"),
    (["server"], "ckube server: --data-dir is required"),
    (["server", "--data-dir"], "ckube server: flag --data-dir needs a value"),
    (["server", "--data-dir", "/tmp/x", "--https-port", "70000"],
     "ckube server: invalid value '70000' for --https-port"),
    (["server", "--data-dir", "/tmp/x", "--log-level", "loud"],
     "ckube server: invalid --log-level 'loud'"),
    (["version", "--short=maybe"], "ckube version: invalid value 'maybe' for --short"),
    (["help", "frobnicate"], "ckube help: unknown command 'frobnicate'"),
    (["version", "extra"], "ckube version: unexpected argument 'extra'"),
])
def test_usage_errors_are_one_line_and_exit_2(ckube_bin, args, message):
    r = run(ckube_bin, *args)
    assert r.returncode == 2
    assert r.stdout == ""
    lines = r.stderr.splitlines()
    assert len(lines) == 1, r.stderr
    assert lines[0].startswith(message)


def test_no_command_prints_usage_and_exits_2(ckube_bin):
    r = run(ckube_bin)
    assert r.returncode == 2
    assert "usage: ckube COMMAND" in r.stderr


def _children(pid):
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return [int(p) for p in f.read().split()]
    except FileNotFoundError:
        return []


def _wait_for(cond, timeout=30.0, what="condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = cond()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def _log_has(path, text):
    try:
        with open(path) as f:
            return text in f.read()
    except FileNotFoundError:
        return False


def test_server_supervises_its_etcd_member(ckube_bin, tmp_path):
    """The stacked default: a local etcd member that is restarted when it dies and
    stopped with the server; a second server on the same data directory is refused."""
    log = tmp_path / "server.log"
    data = tmp_path / "data"
    # A free port, never the default 6443: another test run may be serving there.
    with open(log, "w") as out:
        server = subprocess.Popen([str(ckube_bin), "server", "--data-dir", str(data),
                                   "--https-port", str(free_port())],
                                  stdout=out, stderr=subprocess.STDOUT)
    try:
        _wait_for(lambda: _log_has(log, "ckube server running"), what="server start")
        etcd = _wait_for(lambda: _children(server.pid), what="etcd child")[0]
        with open(f"/proc/{etcd}/cmdline") as f:
            assert f.read().split("\0")[0] == "etcd"

        second = run(ckube_bin, "server", "--data-dir", str(data), "--https-port",
                     str(free_port()))
        assert second.returncode == 1
        assert "is in use by another ckube server" in second.stderr

        os.kill(etcd, signal.SIGKILL)
        _wait_for(lambda: _log_has(log, "restarted member 'default'"), what="etcd restart")
        restarted = _wait_for(lambda: [p for p in _children(server.pid) if p != etcd],
                              what="new etcd child")[0]

        server.send_signal(signal.SIGTERM)
        assert server.wait(timeout=15) == 0
        assert not os.path.exists(f"/proc/{restarted}/cmdline") or \
            open(f"/proc/{restarted}/stat").read().split()[2] == "Z"
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
    assert "stopped" in log.read_text()


def test_server_that_cannot_start_etcd_fails_with_one_line(ckube_bin, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "etcd").write_text("not a directory")
    r = run(ckube_bin, "server", "--data-dir", str(data), "--https-port", str(free_port()),
            timeout=60)
    assert r.returncode == 1
    assert r.stderr.strip().splitlines()[-1].startswith(
        "ckube server: cannot start the local etcd member:")


def test_server_comes_back_on_its_data_directory(ckube_bin, tmp_path):
    """A stopped server started again on the same data directory reuses its etcd member
    (same ports, same data) instead of failing on a changed peer URL."""
    data = tmp_path / "data"
    for attempt in range(2):
        log = tmp_path / f"server{attempt}.log"
        with open(log, "w") as out:
            server = subprocess.Popen([str(ckube_bin), "server", "--data-dir", str(data),
                                       "--https-port", str(free_port())],
                                      stdout=out, stderr=subprocess.STDOUT)
        try:
            _wait_for(lambda: _log_has(log, "ckube server running") or server.poll() is not None,
                      what="server start")
            assert server.poll() is None, log.read_text()
            server.send_signal(signal.SIGTERM)
            assert server.wait(timeout=15) == 0
        finally:
            if server.poll() is None:
                server.kill()
                server.wait()
    assert (data / "etcd-member.json").exists()
