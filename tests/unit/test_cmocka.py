"""Run every cmocka unit suite (tests/unit/**/test-*.c, built by make) under pytest.

Each suite is one pytest item, so `make test` has one runner and ends with pytest's
summary line. A suite passes when it exits 0 (cmocka exits non-zero on a failed test;
AddressSanitizer and LeakSanitizer exit non-zero on a report). The suite's own output,
which names the failed cases, is shown on failure.
"""
import os
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
BUILD = pathlib.Path(os.environ.get("CK_BUILD", ROOT / "build"))
SUITE_TIMEOUT = 300


def _suites():
    srcs = sorted((ROOT / "tests" / "unit").rglob("test-*.c"))
    return [src.relative_to(ROOT).with_suffix("") for src in srcs]


@pytest.mark.parametrize("suite", _suites(), ids=lambda p: str(p.relative_to("tests/unit")))
def test_cmocka_suite(suite):
    binary = BUILD / suite
    assert binary.exists(), f"{binary} is not built: run make first"
    env = dict(os.environ)
    env.setdefault("ASAN_OPTIONS", "detect_leaks=1:abort_on_error=0")
    env.setdefault("UBSAN_OPTIONS", "print_stacktrace=1:halt_on_error=1")
    try:
        proc = subprocess.run([str(binary)], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True, timeout=SUITE_TIMEOUT,
                              errors="replace")
    except subprocess.TimeoutExpired as e:
        pytest.fail(f"{suite} did not finish in {SUITE_TIMEOUT} s:\n{e.output or ''}")
    if proc.returncode != 0:
        pytest.fail(f"{suite} exited {proc.returncode}:\n{proc.stdout}", pytrace=False)
