"""The repository layout: folder lint/ is the package reportlint only once installed."""
import os
import subprocess
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")


def run(args):
    return subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True)


def test_python_m_lint_from_the_checkout_says_to_install_the_package():
    done = run(["-m", "lint", "seeds/"])
    assert done.returncode == 2 and done.stdout == ""
    assert "Traceback" not in done.stderr
    assert "install it (pip install -e .)" in done.stderr and "reportlint" in done.stderr


def test_import_lint_from_the_checkout_fails_with_the_same_message():
    done = run(["-c", "import lint"])
    assert done.returncode == 1
    assert done.stderr.strip().splitlines()[-1].startswith(
        "ImportError: reportlint: the folder lint/ is the package 'reportlint'")


def test_plain_pytest_collects_the_suite():
    # `pytest` without `python -m` finds tests.helpers too (pythonpath in pyproject.toml).
    # The console script, not `python -c`: that would put the checkout on sys.path itself.
    pytest = os.path.join(os.path.dirname(sys.executable), "pytest")
    done = subprocess.run([pytest, "--collect-only", "-q", "-p", "no:cacheprovider",
                           "tests/test_output.py"], cwd=ROOT, capture_output=True, text=True,
                          env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"})
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_package_is_typed_and_licensed():
    assert os.path.isfile(os.path.join(ROOT, "lint", "py.typed"))
    with open(os.path.join(ROOT, "LICENSE"), encoding="utf-8") as f:
        assert f.readline().strip() == "MIT License"
