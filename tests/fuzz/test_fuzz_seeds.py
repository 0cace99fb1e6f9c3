"""Replay every fuzz target's seed corpus (tests/fuzz/corpus/<name>/), under `make test`.

`make` links each tests/fuzz/fuzz-<name>.c with tests/fuzz/standalone.c into
build/tests/fuzz/fuzz-<name> (CK_BUILD selects the build, so `make asan` replays them under
AddressSanitizer and UBSan). One pytest item per target: it passes when the target runs
every seed and exits 0; a failed invariant, a sanitizer report or a leak aborts on the seed
that caused it, which the output names. This takes a few seconds; `make fuzz` is the long
run with libFuzzer. A target without seeds fails, so a new target cannot go unreplayed.
"""
import os
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
BUILD = pathlib.Path(os.environ.get("CK_BUILD", ROOT / "build"))
FUZZ = ROOT / "tests" / "fuzz"
TIMEOUT = 120


def _targets():
    return sorted(p.stem[len("fuzz-"):] for p in FUZZ.glob("fuzz-*.c"))


@pytest.mark.parametrize("name", _targets())
def test_fuzz_seeds(name):
    binary = BUILD / "tests" / "fuzz" / f"fuzz-{name}"
    seeds = FUZZ / "corpus" / name
    assert binary.exists(), f"{binary} is not built: run make first"
    assert seeds.is_dir() and any(seeds.iterdir()), f"no seeds in {seeds}"
    env = dict(os.environ)
    env.setdefault("ASAN_OPTIONS", "detect_leaks=1:abort_on_error=0")
    env.setdefault("UBSAN_OPTIONS", "print_stacktrace=1:halt_on_error=1")
    try:
        proc = subprocess.run([str(binary), str(seeds)], cwd=ROOT, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                              timeout=TIMEOUT, errors="replace")
    except subprocess.TimeoutExpired as e:
        pytest.fail(f"fuzz-{name} did not finish in {TIMEOUT} s:\n{e.output or ''}")
    if proc.returncode != 0:
        # The last "running" line names the seed that failed; keep the report short.
        lines = proc.stdout.splitlines()
        pytest.fail(f"fuzz-{name} exited {proc.returncode}:\n" + "\n".join(lines[-60:]),
                    pytrace=False)
    assert f"{sum(1 for p in seeds.iterdir() if p.is_file() and not p.name.startswith('.'))} inputs ran" in proc.stdout
