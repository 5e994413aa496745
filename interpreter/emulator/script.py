"""Scripted utterances for the emulator (``--script FILE``): what it "recognises" and "translates", in order.

Two formats, chosen by the file suffix:

- ``.jsonl``: one JSON object per line::

      {"source": "Guten Morgen", "language": "de", "translation": {"en": "Good morning", "fr": "Bonjour"}}

  ``translation`` may also be a plain string used for every target; ``language`` (the source language reported by
  ASR) is optional.
- anything else: UTF-8 text, one utterance per line, ``source text => translation text`` or just ``source text``
  (then the emulator's labelled demo translation of that text is used). Blank lines and ``#`` comments are skipped.

Segment *n* of a connection gets utterance *n*; after the last one the emulator falls back to its default demo
content, so a short script never makes it fail.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from interpreter.emulator.exceptions import ScriptFileError

_ARROW = "=>"


@dataclass(frozen=True)
class Utterance:
    """One scripted segment: the source text and its translations by target language code."""

    source: str
    translations: Mapping[str, str] = field(default_factory=dict)
    any_target: str | None = None  # translation for targets not listed in ``translations``
    language: str | None = None

    def translation_for(self, target: str) -> str | None:
        return self.translations.get(target, self.any_target)


def load_script(path: str | Path) -> tuple[Utterance, ...]:
    """Read a script file (format in the module docstring).

    Raises:
        ScriptFileError: unreadable file or a malformed line (the message names the line).
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ScriptFileError(f"The script file {path} cannot be read as UTF-8 text.", detail=str(exc)) from exc
    parse = _parse_jsonl_line if path.suffix.lower() == ".jsonl" else _parse_text_line
    utterances = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        try:
            utterances.append(parse(stripped))
        except ValueError as exc:
            raise ScriptFileError(
                f"Line {number} of the script file {path} is not valid: {exc}", field="script"
            ) from exc
    if not utterances:
        raise ScriptFileError(f"The script file {path} has no utterances.", field="script")
    return tuple(utterances)


def _parse_text_line(line: str) -> Utterance:
    source, arrow, translation = line.partition(_ARROW)
    source, translation = source.strip(), translation.strip()
    if not source:
        raise ValueError("the source text before '=>' is empty")
    if arrow and not translation:
        raise ValueError("the translation after '=>' is empty")
    return Utterance(source=source, any_target=translation or None)


def _parse_jsonl_line(line: str) -> Utterance:
    try:
        raw = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not JSON ({exc.msg})") from exc
    if not isinstance(raw, dict) or not isinstance(raw.get("source"), str) or not raw["source"].strip():
        raise ValueError('expected an object with a non-empty "source" string')
    language = raw.get("language")
    if language is not None and not isinstance(language, str):
        raise ValueError('"language" must be a language code string')
    translation = raw.get("translation", raw.get("translations"))
    if translation is None:
        return Utterance(source=raw["source"].strip(), language=language)
    if isinstance(translation, str):
        return Utterance(source=raw["source"].strip(), any_target=translation, language=language)
    if isinstance(translation, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in translation.items()):
        return Utterance(source=raw["source"].strip(), translations=dict(translation), language=language)
    raise ValueError('"translation" must be a string or an object of language code -> text')
