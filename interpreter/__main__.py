"""`python -m interpreter` is the same as the `live-interpreter` console command."""

import sys

from interpreter.cli import main

if __name__ == "__main__":
    sys.exit(main())
