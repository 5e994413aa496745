"""``python -m interpreter.emulator``: the same as ``live-interpreter emulator``."""

import argparse
import sys

from interpreter.emulator.cli import add_arguments, run


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m interpreter.emulator", description="Local DashScope emulator.")
    add_arguments(parser)
    return run(parser.parse_args())


if __name__ == "__main__":
    sys.exit(main())
