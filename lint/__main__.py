import sys

from .cli import main

if __name__ == "__main__":  # worker processes of --jobs import this module too
    sys.exit(main())
