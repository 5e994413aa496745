"""Entry script of the bundle: the ``live-interpreter`` command, exactly as pip installs it."""

import sys

from interpreter.cli import main

if __name__ == "__main__":
    sys.exit(main())
