"""Shared pytest set-up for ckube's tests: where the build is."""
import os
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def ckube_bin():
    """The ckube binary under test (CK_BUILD selects the build, e.g. build/asan)."""
    path = pathlib.Path(os.environ.get("CK_BUILD", ROOT / "build")) / "ckube"
    assert path.exists(), f"{path} is not built: run make first"
    return path
