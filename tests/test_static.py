"""Static checks of the code itself: mypy's types and ruff's errors (undefined names, unused
imports, syntax), run as the suite runs, so that they cannot drift out of date."""
import importlib.util
import os
import subprocess
import sys

import pytest

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")


def run_tool(module: str, args: list) -> subprocess.CompletedProcess:
    # Skipped only where the tool is not installed (the test extra installs both).
    if importlib.util.find_spec(module) is None:
        pytest.skip(f"{module} is not installed (pip install -e '.[test]')")
    return subprocess.run([sys.executable, "-m", module, *args], cwd=ROOT,
                          capture_output=True, text=True)


def test_mypy_finds_no_error():
    done = run_tool("mypy", ["--ignore-missing-imports", "lint", "rules"])
    assert done.returncode == 0, done.stdout + done.stderr


def test_ruff_finds_no_error():
    done = run_tool("ruff", ["check", "--select", "F,E9", "lint", "rules", "tests", "examples",
                             "bench"])
    assert done.returncode == 0, done.stdout + done.stderr
