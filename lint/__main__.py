"""``python -m reportlint`` and the ``reportlint`` console script: the command line."""
import sys

from .patterns import load_compiled

# Before the command line's imports: argparse (gettext), the configuration and the report
# model compile patterns as they are imported, and the stored ones spare them that.
load_compiled()

from .cli import main  # noqa: E402

if __name__ == "__main__":  # worker processes of --jobs import this module too
    sys.exit(main())
