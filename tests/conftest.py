"""Keep the suite's parsed-data cache out of the user's home folder."""
import os
import tempfile

os.environ.setdefault("REPORTLINT_CACHE_DIR", tempfile.mkdtemp(prefix="reportlint-cache-"))
