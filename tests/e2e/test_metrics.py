"""GET /metrics of a real `ckube server` (DESIGN.md §3): the Prometheus text format with
kube-apiserver's request, watch, etcd and process families, read with a client
certificate of system:masters and with `kubectl get --raw /metrics` (both kubectl
versions); 403 for anonymous clients; one access-log line per request at debug level."""
import json
import re

SAMPLE = re.compile(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*",?)*\})?'
                    r' (\S+)$')


def parse(text):
    """{(name, labels-as-written): value} of a text-format 0.0.4 exposition; asserts that
    every line is a HELP, a TYPE or a sample, and that every sample has a TYPE."""
    assert text.endswith("\n")
    types, samples = {}, {}
    for line in text.splitlines():
        if line.startswith("# HELP "):
            continue
        if line.startswith("# TYPE "):
            _, _, name, kind = line.split(" ", 3)
            assert kind in ("counter", "gauge", "histogram"), line
            types[name] = kind
            continue
        m = SAMPLE.match(line)
        assert m, f"not a sample: {line!r}"
        name = m.group(1)
        family = re.sub(r"_(bucket|sum|count)$", "", name) if name not in types else name
        assert family in types, f"sample without TYPE: {line!r}"
        float(m.group(3).replace("Inf", "inf"))
        samples[(name, m.group(2) or "")] = float(m.group(3).replace("Inf", "inf"))
    return samples


def request_labels(code, scope, verb, resource="configmaps"):
    return (f'{{code="{code}",component="apiserver",dry_run="",group="",'
            f'resource="{resource}",scope="{scope}",subresource="",verb="{verb}",version="v1"}}')


def test_metrics_families_and_labels(server):
    status, _, _ = server.request("POST", "/api/v1/namespaces/default/configmaps",
                                  {"metadata": {"name": "m1"}, "data": {"k": "v"}})
    assert status == 201
    status, _, _ = server.request("GET", "/api/v1/namespaces/default/configmaps/m1")
    assert status == 200
    status, _, _ = server.request("GET", "/api/v1/namespaces/default/configmaps/missing")
    assert status == 404

    status, headers, body = server.request("GET", "/metrics")
    assert status == 200
    assert headers["Content-Type"] == "text/plain; version=0.0.4; charset=utf-8"
    samples = parse(body.decode())
    assert samples[("apiserver_request_total", request_labels("201", "resource", "POST"))] == 1
    assert samples[("apiserver_request_total", request_labels("200", "resource", "GET"))] == 1
    assert samples[("apiserver_request_total", request_labels("404", "resource", "GET"))] == 1
    lat = ('{component="apiserver",dry_run="",group="",resource="configmaps",'
           'scope="resource",subresource="",verb="GET",version="v1"}')
    assert samples[("apiserver_request_duration_seconds_count", lat)] == 2
    etcd_creates = [v for (n, l), v in samples.items()
                    if n == "etcd_request_duration_seconds_count" and 'operation="create"' in l]
    assert etcd_creates and sum(etcd_creates) >= 1
    assert samples[("process_resident_memory_bytes", "")] > 0
    assert samples[("process_open_fds", "")] > 0

    # K8S: /metrics is a non-resource URL that anonymous users may not read.
    status, _, body = server.request("GET", "/metrics", client_cert=False)
    assert status == 403
    st = json.loads(body)
    assert st["reason"] == "Forbidden"
    assert st["message"] == 'forbidden: User "system:anonymous" cannot get path "/metrics"'

    # The access log: one structured line per request at debug level.
    log = server.log()
    assert re.search(r'request method=POST path="/api/v1/namespaces/default/configmaps" '
                     r'user="[^"]+" code=201 duration_us=\d+ bytes_in=\d+ bytes_out=\d+ ', log)
    assert re.search(r'request method=GET path="/metrics" user="system:anonymous" code=403 ', log)


def test_kubectl_get_raw_metrics(kubectl):
    kubectl("get", "configmaps", "-n", "default")
    r = kubectl("get", "--raw", "/metrics")
    samples = parse(r.stdout)
    lists = [v for (n, l), v in samples.items()
             if n == "apiserver_request_total" and 'verb="LIST"' in l
             and 'resource="configmaps"' in l and 'scope="namespace"' in l]
    assert lists and sum(lists) >= 1
    assert any(n == "apiserver_request_duration_seconds_bucket" for n, _ in samples)
    assert samples[("process_resident_memory_bytes", "")] > 0
