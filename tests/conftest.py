"""Keep the suite's parsed-data cache out of the user's home folder."""
import os
import tempfile

os.environ.setdefault("REPORTLINT_CACHE_DIR", tempfile.mkdtemp(prefix="reportlint-cache-"))


import pytest  # noqa: E402


@pytest.fixture
def isolated_repo(tmp_path, monkeypatch):
    """The test runs in its own folder, under a .git so that no outer config is found."""
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path
