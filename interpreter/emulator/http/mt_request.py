"""Qwen-MT in the emulator: the models, request validation and the deterministic demo translation (spec §4).

Independent of the client (it shares only ``catalog.json``): its own token count, its own reading of the request.

Validation, in the order the service is likely to check (spec §4.2, §8.1):

- ``messages`` exactly one message; a ``system`` (or any non-user) role is the documented 500 "Role must be in
  [user, assistant]"; more than one message or empty content is 400 ``invalid_parameter_error``;
- ``translation_options.target_lang`` required; both languages (English name or code, any case; source may be
  "auto") must be among the model's (92, or 31 for qwen-mt-lite), else 400 "The currently set language is not
  supported!";
- ``terms`` / ``tm_list`` lists of ``{source, target}`` strings, ``domains`` a string;
- input tokens (message + terms + tm_list + domains) at most 8 192, else 400 "Range of input length should be
  [1, 8192]".

Demo translation, per line: the leading run of symbols, digits and spaces (cue markers such as ``⟦3⟧``, list
numbers) stays at the front; the rest gets a ``[<target code>]`` tag with every term source replaced by its
target (case-insensitive, longest first) — so a test sees at a glance that terms were applied, and the line
structure and markers come back intact. Deterministic: the same request gives the same answer.
"""

from __future__ import annotations

import json
import math
import re
import threading
import weakref
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from interpreter.emulator.http.errors import CompatError, invalid_parameter
from interpreter.emulator.http.ratelimit import ModelLimits

UNSUPPORTED_LANGUAGE = "The currently set language is not supported!"


@dataclass(frozen=True)
class MtModel:
    """A Qwen-MT model as the emulator serves it."""

    name: str
    cumulative: bool
    languages: Mapping[str, str]  # folded code or English name -> code
    limits: ModelLimits
    max_input_tokens: int
    max_output_tokens: int


@cache
def mt_models() -> dict[str, MtModel]:
    """The four Qwen-MT models by name (from the ``mt`` section of catalog.json)."""
    text = resources.files("interpreter.resources").joinpath("catalog.json").read_text(encoding="utf-8")
    section = json.loads(text)["mt"]
    all_names: dict[str, str] = section["languages"]
    models: dict[str, MtModel] = {}
    for name, raw in section["models"].items():
        codes = section["lite_languages"] if raw["languages"] == "lite" else list(all_names)
        names = {**all_names, **section.get("lite_names", {})} if raw["languages"] == "lite" else all_names
        accepted: dict[str, str] = {}
        for code in codes:
            accepted[_fold(code)] = code
            accepted[_fold(all_names[code])] = code
            accepted[_fold(names[code])] = code
        models[name] = MtModel(
            name=name,
            cumulative=raw["streaming"] == "cumulative",
            languages=accepted,
            limits=ModelLimits(int(raw["requests_per_minute"]), int(raw["tokens_per_minute"])),
            max_input_tokens=int(section["max_input_tokens"]),
            max_output_tokens=int(section["max_output_tokens"]),
        )
    return models


def _fold(value: str) -> str:
    return value.strip().casefold().replace("-", "_")


_WIDE = re.compile("[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")


def count_tokens(text: str) -> int:
    """The emulator's token count: a CJK character is one token, other text one per four UTF-8 bytes."""
    wide = len(_WIDE.findall(text))
    rest = len(text.encode("utf-8")) - wide * 3
    return wide + math.ceil(max(0, rest) / 4)


@dataclass(frozen=True)
class MtRequest:
    """A validated Qwen-MT request."""

    text: str
    source: str  # a code, or "auto"
    target: str  # a code
    terms: tuple[tuple[str, str], ...]
    tm_list: tuple[tuple[str, str], ...]
    domains: str | None
    input_tokens: int


def _pairs(value: Any, name: str) -> tuple[tuple[str, str], ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise invalid_parameter(f"translation_options.{name} must be a list of {{source, target}} objects.", name)
    pairs: list[tuple[str, str]] = []
    for item in value:
        if not (isinstance(item, dict) and isinstance(item.get("source"), str) and isinstance(item.get("target"), str)):
            raise invalid_parameter(f"Every entry of translation_options.{name} needs a source and a target.", name)
        pairs.append((item["source"], item["target"]))
    return tuple(pairs)


def parse_mt_request(messages: Any, options: Any, model: MtModel) -> MtRequest:
    """Validate ``messages`` and ``translation_options`` (module docstring) and read them.

    Raises:
        CompatError: the service's answer to an invalid request.
    """
    if not isinstance(messages, list) or not messages:
        raise invalid_parameter("Role must be user or assistant and Content length must be greater than 0", "messages")
    for message in messages:
        role = message.get("role") if isinstance(message, dict) else None
        if role != "user":
            # Spec §8.1: Qwen-MT answers a non-user role with this internal error.
            raise CompatError(500, "internal_error", "Role must be in [user, assistant]", param="messages")
    if len(messages) != 1:
        raise invalid_parameter("Qwen-MT takes exactly one user message with the text to translate.", "messages")
    content = messages[0].get("content")
    if not isinstance(content, str) or not content.strip():
        raise invalid_parameter("Role must be user or assistant and Content length must be greater than 0", "messages")
    if not isinstance(options, dict):
        raise invalid_parameter("translation_options with a target_lang is required.", "translation_options")
    target_raw = options.get("target_lang")
    if not isinstance(target_raw, str) or not target_raw.strip():
        raise invalid_parameter("translation_options.target_lang is required.", "target_lang")
    source_raw = options.get("source_lang", "auto")
    if not isinstance(source_raw, str):
        raise invalid_parameter(UNSUPPORTED_LANGUAGE, "source_lang")
    target = model.languages.get(_fold(target_raw))
    source = "auto" if _fold(source_raw or "auto") == "auto" else model.languages.get(_fold(source_raw))
    if target is None:
        raise invalid_parameter(UNSUPPORTED_LANGUAGE, "target_lang")
    if source is None:
        raise invalid_parameter(UNSUPPORTED_LANGUAGE, "source_lang")
    terms = _pairs(options.get("terms"), "terms")
    tm_list = _pairs(options.get("tm_list"), "tm_list")
    domains = options.get("domains")
    if domains is not None and not isinstance(domains, str):
        raise invalid_parameter("translation_options.domains must be a string.", "domains")
    tokens = count_tokens(content) + sum(count_tokens(s) + count_tokens(t) for s, t in (*terms, *tm_list))
    tokens += count_tokens(domains or "")
    if tokens > model.max_input_tokens:
        raise invalid_parameter(f"Range of input length should be [1, {model.max_input_tokens}]", "messages")
    return MtRequest(content, source, target, terms, tm_list, domains, tokens)


_LEADING = re.compile(r"^[\W\d_]*", re.UNICODE)


def demo_translation(request: MtRequest, *, merge_markers_above: int | None = None) -> str:
    """The deterministic demo answer (module docstring).

    ``merge_markers_above``: a fault — when the text holds more than this many ``⟦n⟧`` cue markers, the last two
    cues come back merged (one marker missing), as a real model sometimes does.
    """
    pattern = None
    lookup: dict[str, str] = {}
    if request.terms:
        for source, target in request.terms:
            if source.strip():
                lookup.setdefault(source.casefold(), target)
        ordered = sorted(lookup, key=len, reverse=True)
        pattern = re.compile("|".join(re.escape(s) for s in ordered), re.IGNORECASE)
    lines = request.text.split("\n")
    if merge_markers_above is not None:
        lines = _merge_last_markers(lines, merge_markers_above)
    out: list[str] = []
    for line in lines:
        if not line.strip():
            out.append(line)
            continue
        lead = _LEADING.match(line)
        head = lead.group(0) if lead else ""
        body = line[len(head) :]
        if pattern is not None:
            body = pattern.sub(lambda m: lookup[m.group(0).casefold()], body)
        out.append(f"{head}[{request.target}] {body}" if body else head)
    return "\n".join(out)


_MARKER = re.compile(r"^\s*⟦\d+⟧ ?")


def _merge_last_markers(lines: list[str], above: int) -> list[str]:
    marked = [i for i, line in enumerate(lines) if _MARKER.match(line)]
    if len(marked) <= above:
        return lines
    last = marked[-1]
    merged = list(lines)
    merged[last - 1] = merged[last - 1] + " " + _MARKER.sub("", merged[last])
    del merged[last]
    return merged


@dataclass
class MtFaultSettings:
    """Qwen-MT-only faults: ``merge_markers_above`` (see :func:`demo_translation`)."""

    merge_markers_above: int | None = None


@dataclass
class _Registry:
    lock: threading.Lock = field(default_factory=threading.Lock)
    # id of the HttpFaults object -> (weak reference to it, settings); the reference tells a reused id apart.
    settings: dict[int, tuple[weakref.ref[object], MtFaultSettings]] = field(default_factory=dict)


_REGISTRY = _Registry()


def mt_faults(http_faults: object) -> MtFaultSettings:
    """The Qwen-MT fault settings of the emulator whose HTTP faults object is ``http_faults``
    (``handle.http_faults`` in tests); created on first use and mutable from any thread (plain attribute sets)."""
    with _REGISTRY.lock:
        found = _REGISTRY.settings.get(id(http_faults))
        if found is not None and found[0]() is http_faults:
            return found[1]
        settings = MtFaultSettings()
        _REGISTRY.settings[id(http_faults)] = (weakref.ref(http_faults), settings)
        return settings
