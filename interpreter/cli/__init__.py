"""Command line of ``live-interpreter`` (also ``python -m interpreter``).

    live-interpreter [--demo] [--self-test]     open the desktop app (demo: against the embedded emulator)
    live-interpreter live --input FILE|mic ...   headless live interpretation to the terminal and files
    live-interpreter translate FILE|FOLDER... --to LANG ...   translate audio/video files (subtitles, dubbing)
    live-interpreter ocr IMAGE [--task T] ...    read (and translate) the text in an image
    live-interpreter summarize TRANSCRIPT.jsonl [--model M] [--lang LANG]   summarise a session as Markdown
    live-interpreter emulator [--port N] ...     run the local DashScope emulator

One module per command in this package (``live.py``, ``translate.py``, ``ocr.py``, ``summarize.py``,
``emulator.py``), each a thin composition root over ``interpreter.bootstrap`` (key, region, endpoint, demo
emulator, devices, logging). The desktop window's composition root is ``interpreter.app``. Each command's run code
is imported only when it runs, so ``live-interpreter emulator`` never loads Qt and ``live-interpreter live`` never
opens a window.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from interpreter import __version__


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="live-interpreter",
        description="Live speech interpretation with Alibaba Cloud Model Studio LiveTranslate.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="work offline against the built-in emulator (demo output, not real translation)",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="start the app offscreen, run a short live session, print one JSON line of timings and exit",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    from interpreter.cli import emulator, live, ocr, summarize, translate

    live.add_arguments(sub.add_parser("live", help="interpret a file or the microphone without the window"))
    translate.add_arguments(sub.add_parser("translate", help="translate audio and video files (subtitles, dubbing)"))
    ocr.add_arguments(sub.add_parser("ocr", help="read the text in an image (and translate it)"))
    summarize.add_arguments(sub.add_parser("summarize", help="summarise a live session's transcript.jsonl"))
    emulator.add_arguments(sub.add_parser("emulator", help="run the local DashScope emulator (for tests and demos)"))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "live":
        from interpreter.cli import live

        return live.run(args)
    if args.command == "translate":
        from interpreter.cli import translate

        return translate.run(args)
    if args.command == "ocr":
        from interpreter.cli import ocr

        return ocr.run(args)
    if args.command == "summarize":
        from interpreter.cli import summarize

        return summarize.run(args)
    if args.command == "emulator":
        from interpreter.cli import emulator

        return emulator.run(args)
    try:
        from interpreter.app import run_gui
    except ImportError as exc:  # the desktop window lands with the main-window issue
        print(
            f"The desktop window is not available in this build ({exc}). Use `live-interpreter live --help`.",
            file=sys.stderr,
        )
        return 2
    return run_gui(demo=args.demo, self_test=args.self_test)


if __name__ == "__main__":
    sys.exit(main())
