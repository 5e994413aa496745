"""``live-interpreter ocr IMAGE``: read the text in an image with Qwen-OCR, optionally translate it with Qwen-MT.

    live-interpreter ocr receipt.jpg --task keyinfo --schema fields.json
    live-interpreter ocr slide.png --translate-to de --out slide.de.txt
    live-interpreter ocr table.png --task table --out table.csv

Prints (or writes with ``--out``, atomically) the result in the task's form: text for ``text``/``multilang``, CSV
for ``table``, Markdown for ``document``, LaTeX for ``formula``, JSON for ``keyinfo`` and ``positions``. With
``--translate-to`` the output is the translation instead (a table stays a CSV grid, cell by cell). An image with no
text prints "No text found in ..." on stderr and exits 0 (no file is written). A very tall screenshot is read in
pieces and a large photo scaled down: a notice on stderr says which.

Connection: ``--api-key``, then ``DASHSCOPE_API_KEY``, then the keychain; ``--demo`` (or no key at all) runs
against the built-in emulator, which reads the real text with Tesseract and labels translations as demo.

Exit codes (as ``live-interpreter live``): 0 done, 1 internal error, 2 invalid configuration or input (bad image,
schema, option, request rejected), 3 key or model refused, 4 network or service trouble, 5 local storage trouble.

Importing this module is cheap (argparse only).
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any, TextIO

from interpreter.cli.common import DEMO_DEST, EXIT_OK, add_connection_arguments, exit_code_for

if TYPE_CHECKING:
    from pathlib import Path

    from interpreter.core.mt_chunking import Term
    from interpreter.services.ocr import OcrEstimate, OcrOptions

TASK_CHOICES = ("text", "multilang", "table", "document", "formula", "keyinfo", "positions")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``ocr`` options to ``parser`` (the subcommand's parser)."""
    parser.description = "Read the text in an image (Qwen-OCR) and optionally translate it (Qwen-MT)."
    parser.epilog = (
        "Exit codes: 0 done (also when no text was found), 1 internal error, 2 invalid configuration or input, "
        "3 key or model refused, 4 network or service trouble, 5 local storage trouble."
    )
    parser.add_argument("image", metavar="IMAGE", help="image file (PNG, JPEG, BMP, TIFF, WebP, GIF)")
    parser.add_argument(
        "--task",
        choices=TASK_CHOICES,
        default="text",
        help="what to read: all text (default), multilingual text, a table (CSV), a document (Markdown), a formula "
        "(LaTeX), key information by --schema (JSON), text with positions (JSON boxes)",
    )
    parser.add_argument("--schema", metavar="FILE.json", help="fields to extract for --task keyinfo (nesting <= 3)")
    parser.add_argument("--model", metavar="M", help="OCR model (default qwen-vl-ocr-latest)")
    parser.add_argument("--no-rotate", action="store_true", help="do not let the service straighten rotated text")
    parser.add_argument("--translate-to", metavar="LANG", help="translate the text into LANG (e.g. de, English)")
    parser.add_argument("--source-lang", metavar="LANG", help="language of the text (default: detect)")
    parser.add_argument("--mt-model", metavar="M", help="translation model (default qwen-mt-flash)")
    parser.add_argument("--glossary", metavar="FILE.csv", help="glossary CSV (source,translation) sent as terms")
    parser.add_argument("--out", metavar="FILE", help="write the result here instead of printing it")
    add_connection_arguments(parser)


def run(args: argparse.Namespace) -> int:
    """Run the command; return the exit code (module docstring)."""
    import asyncio
    import sys

    from interpreter.errors import InterpreterError

    try:
        return asyncio.run(_run(args, sys.stdout, sys.stderr))
    except InterpreterError as error:
        print(f"error: {error.user_message}", file=sys.stderr, flush=True)
        return exit_code_for(error)
    except KeyboardInterrupt:
        print("Stopped; nothing was written.", file=sys.stderr, flush=True)
        return EXIT_OK


def _read_schema(path: str) -> dict[str, Any]:
    import json
    from pathlib import Path

    from interpreter.core.ocr_tasks import validate_schema
    from interpreter.errors import ConfigError

    try:
        raw = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"Cannot read the schema file {path}: {exc.strerror}.", field="schema") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"The schema file {path} is not UTF-8 text.", field="schema") from exc
    try:
        data = json.loads(raw)
    except ValueError as exc:
        raise ConfigError(
            f"The schema file {path} is not valid JSON (line {getattr(exc, 'lineno', '?')}); fix it.", field="schema"
        ) from exc
    return validate_schema(data, source=f"The schema file {path}")


def _read_glossary(path: str, err: TextIO) -> tuple[Term, ...]:
    from pathlib import Path

    from interpreter.core.glossary import parse_glossary_csv
    from interpreter.core.mt_chunking import Term
    from interpreter.errors import ConfigError

    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ConfigError(f"Cannot read the glossary file {path}: {exc.strerror}.", field="glossary") from exc
    result = parse_glossary_csv(data)
    for problem in result.problems:
        print(f"{path}: {problem}", file=err)
    return tuple(Term(entry.source, entry.target) for entry in result.entries)


def _options(args: argparse.Namespace) -> OcrOptions:
    from interpreter.core.ocr_tasks import OCR_MODELS, OcrTask
    from interpreter.errors import ConfigError
    from interpreter.services.ocr import OcrOptions

    fields: dict[str, Any] = {"task": OcrTask(args.task), "enable_rotate": not args.no_rotate}
    if args.model:
        if args.model not in OCR_MODELS:
            raise ConfigError(f"Unknown OCR model {args.model}; choose one of: {', '.join(OCR_MODELS)}.", field="model")
        fields["model"] = args.model
    if args.schema:
        if args.task != "keyinfo":
            raise ConfigError("--schema goes with --task keyinfo.", field="schema")
        fields["schema"] = _read_schema(args.schema)
    return OcrOptions(**fields).checked()


async def _run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    import contextlib
    from pathlib import Path

    from interpreter.core.ocr_tasks import OcrTask, rows_to_csv
    from interpreter.services.ocr import OcrService
    from interpreter.store.secrets import resolve_api_key
    from interpreter.transport.endpoints import parse_region
    from interpreter.transport.http import HttpClient

    options = _options(args)
    if args.out:
        _check_writable(Path(args.out))  # before the paid request, not after it
    terms = _read_glossary(args.glossary, err) if args.glossary else ()
    image = Path(args.image)
    region = parse_region(args.region)
    demo = bool(getattr(args, DEMO_DEST, False))
    api_key: str | None = None
    if not demo:
        api_key, _source = resolve_api_key(args.api_key, region.value)
        if api_key is None and args.base_url is None:
            print("No API key found (--api-key, DASHSCOPE_API_KEY or the keychain); running the demo.", file=err)
            demo = True
    async with contextlib.AsyncExitStack() as stack:
        base_url = args.base_url or region.value
        if demo:
            from interpreter.emulator.server import DEMO_API_KEY, EmulatorServer

            server = EmulatorServer(host="127.0.0.1", port=0)
            await server.start()
            stack.push_async_callback(server.stop)
            base_url, api_key = str(server.base_url), DEMO_API_KEY
            print("DEMO — text read locally by Tesseract; translations are not real.", file=err)
        client = HttpClient(base_url, api_key=api_key)
        stack.push_async_callback(client.aclose)
        service = OcrService(client)

        def estimated(estimate: OcrEstimate) -> None:
            pieces = f" in {estimate.pieces} pieces" if estimate.pieces > 1 else ""
            print(
                f"{image.name}: {estimate.width}×{estimate.height} px, about {estimate.image_tokens:,} image tokens"
                f"{pieces}; reading with {options.model}.",
                file=err,
            )
            if estimate.notice:
                print(f"note: {estimate.notice}", file=err)

        outcome = await service.recognize(image, options, name=image.name, on_estimate=estimated)
        usage = outcome.result.usage
        print(f"{outcome.result.model}: {usage.input_tokens} input tokens, {usage.output_tokens} output.", file=err)
        if outcome.no_text:
            print(outcome.message, file=err)
            return EXIT_OK
        text = outcome.result.rendered()
        if args.translate_to:
            rows = outcome.result.table_rows if options.task is OcrTask.TABLE else []
            if rows:
                translated_rows = await service.translate_rows(
                    rows, args.translate_to, source_lang=args.source_lang, model=args.mt_model, terms=terms
                )
                text = rows_to_csv(translated_rows)
            else:
                text = await service.translate(
                    outcome, args.translate_to, source_lang=args.source_lang, model=args.mt_model, terms=terms
                )
                text += "\n"
    if args.out:
        _write(Path(args.out), text)
        print(f"Wrote {args.out}.", file=err)
    else:
        out.write(text)
        out.flush()
    return EXIT_OK


def _check_writable(path: Path) -> None:
    import os

    from interpreter.errors import StorageError

    folder = path.parent  # "." for a bare file name
    if path.is_dir():
        raise StorageError(f"{path} is a folder; give a file name for --out.")
    if not folder.is_dir():
        raise StorageError(f"Cannot write {path}: the folder {folder} does not exist; choose another place.")
    if not os.access(folder, os.W_OK):
        raise StorageError(f"Cannot write {path}: the folder {folder} is not writable; choose another place.")


def _write(path: Path, text: str) -> None:
    from interpreter.errors import StorageError
    from interpreter.store.atomic import atomic_write_text

    try:
        atomic_write_text(path, text)
    except OSError as exc:
        raise StorageError(f"Cannot write {path}: {exc.strerror or exc}; choose another place.") from exc
