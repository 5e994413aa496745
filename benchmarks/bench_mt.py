"""Qwen-MT subtitle translation: a 2-hour SRT (1 500 cues) through ``TextTranslationService`` against the emulator.

Setup: the emulator runs in a background thread of this process with ``--speed`` (default 20x: the model's output
time shrinks, the documented limits do not), with its per-model rate limits ON (60 requests/min and the model's
tokens/min, spec §4.5), so a client that overruns them would see 429s. The client is the app's own path: the file
decoded and cut into cue-numbered chunks with a 20-term glossary, the shared per-model ``ApiLimiter`` at the
documented limits (``core.rate_limit`` presets), each answer verified and checkpointed in SQLite, the output written
atomically. Each model translates the same file (checkpoints in a fresh folder per model).

Metrics per model: wall time; requests (and 429s answered); billed tokens in/out; estimated cost before sending and
cost of the billed usage (pricing.json, Singapore USD); the least time the documented limits allow for the plan
(max of requests/RPM and tokens/TPM); cues in = cues out with timing unchanged.

Run: ``python -m benchmarks.bench_mt [--speed 20] [--models qwen-mt-flash ...]``; writes ``bench-results/mt.json``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import platform
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import pysubs2

from interpreter.core.mt_chunking import Term
from interpreter.core.mt_languages import MT_MODELS
from interpreter.emulator.testing import running_emulator
from interpreter.services.text_translation import TextJobProgress, TextTranslationOptions, TextTranslationService
from interpreter.store.mt_checkpoints import MtCheckpointStore
from interpreter.transport.http import HttpClient

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench-results" / "mt.json"

CUES = 1_500
FILM_MS = 2 * 60 * 60 * 1000  # two hours: 1 500 cues at one every 4.8 s, a typical dialogue density
_WORDS = (
    "the",
    "we",
    "you",
    "they",
    "said",
    "never",
    "again",
    "tonight",
    "tomorrow",
    "captain",
    "signal",
    "engine",
    "river",
    "station",
    "doctor",
    "sensor",
    "really",
    "think",
    "know",
    "want",
    "need",
    "go",
    "come",
    "back",
    "here",
    "there",
    "because",
    "maybe",
    "always",
    "right",
    "left",
    "wait",
    "listen",
)
_TERMS = [Term(f"term{n}", f"术语{n}") for n in range(20)]


def make_film(path: Path, seed: int = 7) -> None:
    """A deterministic 2-hour SRT: 1 500 cues of 4-14 words, a third on two lines, some glossary terms."""
    rng = random.Random(seed)
    subs = pysubs2.SSAFile()
    step = FILM_MS // CUES
    for n in range(CUES):
        words = [rng.choice(_WORDS) for _ in range(rng.randint(4, 14))]
        if rng.random() < 0.1:
            words.insert(rng.randrange(len(words)), f"term{rng.randrange(len(_TERMS))}")
        text = " ".join(words).capitalize() + rng.choice([".", "?", "!"])
        if rng.random() < 0.33 and len(words) > 6:
            half = len(text) // 2
            cut = text.rfind(" ", 0, half)
            text = text[:cut] + "\\N" + text[cut + 1 :]
        start = n * step + rng.randint(0, 300)
        subs.append(pysubs2.SSAEvent(start=start, end=start + rng.randint(1200, step - 100), text=text))
    path.write_text(subs.to_string("srt"), encoding="utf-8")


async def translate(base_url: str, api_key: str, film: Path, model: str, work: Path) -> dict[str, Any]:
    checkpoints = MtCheckpointStore(work / "mt.sqlite3")
    async with HttpClient(base_url, api_key=api_key) as client:
        service = TextTranslationService(client, checkpoints=checkpoints)
        options = TextTranslationOptions(target="zh", source="en", model=model, terms=tuple(_TERMS), out_dir=str(work))
        job = service.add_file(film, options)
        progress: list[float] = []
        started = time.monotonic()
        result = await service.run(
            job, on_event=lambda e: progress.append(time.monotonic()) if isinstance(e, TextJobProgress) else None
        )
        wall = time.monotonic() - started
    checkpoints.close()
    source_events = pysubs2.load(str(film)).events
    out_events = pysubs2.load(str(result.output_path)).events
    return {
        "model": model,
        "wall_s": round(wall, 1),
        "chunks_planned": len(job.chunks),
        "requests": result.usage.requests + service.engine.mismatches,
        "marker_mismatches": service.engine.mismatches,
        "input_tokens": result.usage.input_tokens,
        "output_tokens": result.usage.output_tokens,
        "estimated_tokens": job.estimate.input_tokens + job.estimate.output_tokens,
        "estimated_cost": job.estimate.cost.format(),
        "cost": result.cost.format(),
        "least_time_at_documented_limits_s": round(job.estimate.minimum_seconds, 1),
        "first_answer_s": round(progress[0] - started, 2) if progress else None,
        "cues_in": len(source_events),
        "cues_out": len(out_events),
        "timing_unchanged": [(e.start, e.end) for e in out_events] == [(e.start, e.end) for e in source_events],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--speed", type=float, default=20.0, help="emulator speed-up of the model's output time")
    parser.add_argument("--models", nargs="*", default=list(MT_MODELS))
    args = parser.parse_args()
    runs = []
    with tempfile.TemporaryDirectory() as tmp, running_emulator(speed=args.speed, record=False) as emu:
        film = Path(tmp) / "film.srt"
        make_film(film)
        emu.http_faults.update(rate_limits=True)  # the emulator enforces the documented limits too
        for model in args.models:
            work = Path(tmp) / model
            work.mkdir()
            limited_before = emu.http_stats.statuses[429]
            run = asyncio.run(translate(emu.base_url, emu.api_key, film, model, work))
            run["http_429"] = emu.http_stats.statuses[429] - limited_before
            runs.append(run)
            print(
                f"{model:14s} wall {run['wall_s']:6.1f} s  requests {run['requests']:3d} (429: {run['http_429']})  "
                f"tokens {run['input_tokens']:,} in / {run['output_tokens']:,} out  cost {run['cost']} "
                f"(estimated {run['estimated_cost']})  least time {run['least_time_at_documented_limits_s']} s  "
                f"cues {run['cues_in']}→{run['cues_out']} timing unchanged {run['timing_unchanged']}",
                flush=True,
            )
    result = {
        "file": f"{CUES} cues, 2 h SRT, {len(_TERMS)}-term glossary, en→zh",
        "emulator_speed": args.speed,
        "runs": runs,
        "python": platform.python_version(),
        "machine": platform.machine(),
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS.relative_to(ROOT)}")
    ok = all(run["cues_in"] == run["cues_out"] and run["timing_unchanged"] for run in runs)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
