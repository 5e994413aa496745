"""``live-interpreter emulator``: run the local DashScope emulator (the same as ``python -m interpreter.emulator``).

The emulator is an independent server implementation with its own command line (``interpreter.emulator.cli``);
this module only gives it its place among the commands. Importing it loads argparse only: aiohttp and the
server load when the command runs.
"""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``emulator`` options to ``parser`` (the subcommand's parser)."""
    from interpreter.emulator.cli import add_arguments as add_emulator_arguments

    add_emulator_arguments(parser)


def run(args: argparse.Namespace) -> int:
    """Serve until SIGINT/SIGTERM; return the exit code."""
    from interpreter.emulator.cli import run as run_emulator

    return run_emulator(args)
