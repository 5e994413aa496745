"""File translation at scale: a 60-minute video against the emulator with the real service's rate limits.

Run: ``python -m benchmarks.bench_files`` from the repo root (the full run takes 20+ minutes on a 2-core VM; the
media file is generated once into ``--cache-dir``); ``--quick`` is a smoke run on a 6-minute file. Writes
``bench-results/files.json``.

Setup (every measured run):

- The input is one generated MP4 (``--minutes``, default 60): 320x180 H.264 at 10 fps (a moving bar plus the
  second's number drawn as 12 binary blocks, so every clip the service sends carries different bytes and the
  emulator's content hashes identify segments), with a 48 kHz mono AAC track of ``tests/data/speech_en_16k.wav``
  (3 sentences with pauses per 11.6 s) looped with an extra 2 s pause between loops and a gain that varies per loop.
  It is written in a streaming way with PyAV (one second of pictures and sound at a time), atomically, and kept.
- The emulator runs in a SEPARATE process (``python -m interpreter.emulator --rate-limits --speed S --request-log
  FILE``): the real service's per-model limits (100 requests/min, 100 000 tokens/min, 429 + Retry-After) in wall
  time, answers paced ``S`` times faster than the real model would stream them.
- The client is another SEPARATE process (this module with ``--child``): ``FileTranslationService`` with the real
  PyAV media pipeline, ``HttpClient``, and a fresh ``JobStore`` (SQLite in a temporary folder), translating the file
  en -> zh with speech output and every output format (srt, vtt, txt, wav, mp4) into a temporary folder, at the
  concurrency measured. It reports timings of its phases (add = probe + hash + plan; run = requests + outputs).
  This process samples the client's RSS (``/proc/<pid>/status`` VmRSS) every 0.5 s.

Metrics per concurrency (1, 4, 8), each repeated ``--repeats`` times; median and min/max are reported:

- wall time: add phase, request phase (until the last segment is stored), output phase, total;
- requests per minute: the largest number of requests the emulator received in any sliding 60 s window (from the
  request log's ``received_at``), all requests and those answered 200; must never exceed 100. Also the 429 answers
  (target 0) and the largest tokens charged in any 60 s window (limit 100 000);
- memory: peak RSS of the client (VmHWM, target < 300 MB) and the mean RSS over the first and the last 10 % of the
  request phase (flat means the two are close), plus the peak during the output phase.

Kill + resume (once per repeat, at concurrency 4): a client process starts the batch and is SIGKILLed once
``--kill-at`` of its segments are stored; the segments marked done in its SQLite store are then encoded again here
(the clip encoder is deterministic) and hashed; a second client process reruns the same command (``restore()`` +
``add_files`` resumes the stored job) to the end. Counted from the request log: requests after the kill whose media
hash is one of a stored segment's (target 0), and whether every other segment was requested exactly once. The hash
mapping is checked: every stored segment's hash must be among the answers completed before the kill.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import hashlib
import json
import os
import platform
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any

import av
import numpy as np

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench-results" / "files.json"
DEFAULT_CACHE = ROOT / "bench-results" / "cache"
SPEECH = ROOT / "tests" / "data" / "speech_en_16k.wav"

#: The service's documented limits for qwen3-livetranslate-flash (spec §8.3): the figures the benchmark checks.
LIMIT_RPM = 100
LIMIT_TPM = 100_000
TARGET_PEAK_RSS_MB = 300.0
#: Sliding window of the service's per-minute limits.
WINDOW_S = 60.0
#: RSS sampling period: fine enough to see a spike of one output step, cheap for the sampler.
RSS_PERIOD_S = 0.5

#: Source video: small (the benchmark is about the client's pipeline, not about decoding HD), at a low camera rate.
VIDEO_SIZE = (320, 180)
VIDEO_FPS = 10
#: A keyframe every 2 s, as screen recorders and phones commonly write: seeks for a segment decode at most 2 s extra.
VIDEO_GOP = 2 * VIDEO_FPS
AUDIO_RATE = 48_000  # the usual rate of a video's sound track
SPEECH_RATE = 16_000
#: Extra pause after each loop of the speech sample: longer than the planner's pause, so loops are cut points too.
LOOP_PAUSE_S = 2.0
#: Bits of the second counter drawn into each picture: 2^12 s > 68 minutes.
COUNTER_BITS = 12

#: Translation direction: the sample is English; Chinese has speech output with the model's default voice.
SOURCE, TARGET = "en", "zh"
CHILD_FLAG = "--child"


# ------------------------------------------------------------------------------------------------ the media file


def _speech_pcm() -> np.ndarray:
    """The speech sample as int16 mono at 16 kHz."""
    with av.open(str(SPEECH)) as container:
        chunks = [frame.to_ndarray().reshape(-1) for frame in container.decode(audio=0)]
    pcm = np.concatenate(chunks)
    if pcm.dtype != np.int16:
        pcm = (np.clip(pcm, -1.0, 1.0) * 32767).astype(np.int16)
    return pcm


def _looped_speech(total_s: int) -> Iterator[np.ndarray]:
    """One second of 16 kHz audio at a time: the sample, a 2 s pause, the sample again (gain varying per loop)."""
    speech = _speech_pcm().astype(np.float32)
    pause = np.zeros(int(LOOP_PAUSE_S * SPEECH_RATE), np.float32)
    pending = np.zeros(0, np.float32)
    loop = 0
    for _second in range(total_s):
        while len(pending) < SPEECH_RATE:
            gain = 0.55 + 0.45 * ((loop * 37) % 100) / 100  # different loudness per loop, like a real talk
            pending = np.concatenate([pending, speech * gain, pause])
            loop += 1
        yield pending[:SPEECH_RATE].astype(np.int16)
        pending = pending[SPEECH_RATE:]


def _picture(second: int, frame: int) -> np.ndarray:
    width, height = VIDEO_SIZE
    img = np.full((height, width, 3), 60, np.uint8)
    x = (second * VIDEO_FPS + frame) * 3 % width
    img[40:, x : x + 12] = (0, 200, 255)
    for bit in range(COUNTER_BITS):  # the second's number in binary: no two seconds look alike
        if second >> bit & 1:
            img[4:24, 4 + bit * 24 : 24 + bit * 24] = 255
    return img


def make_media(path: Path, minutes: float) -> Path:
    """Write the benchmark video to ``path`` (once: kept when it exists). Streaming: one second at a time."""
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    total_s = round(minutes * 60)
    with av.open(str(partial), mode="w", format="mp4") as out:
        video = out.add_stream("libx264", rate=VIDEO_FPS)
        video.width, video.height, video.pix_fmt = *VIDEO_SIZE, "yuv420p"
        video.codec_context.gop_size = VIDEO_GOP
        video.options = {"preset": "veryfast", "crf": "30"}
        audio = out.add_stream("aac", rate=AUDIO_RATE)
        audio.layout = "mono"
        resampler = av.AudioResampler(format=audio.format.name, layout="mono", rate=AUDIO_RATE)
        samples = 0
        for second, pcm in enumerate(_looped_speech(total_s)):
            for k in range(VIDEO_FPS):
                frame = av.VideoFrame.from_ndarray(_picture(second, k), format="rgb24")
                frame.pts = second * VIDEO_FPS + k
                frame.time_base = Fraction(1, VIDEO_FPS)
                for packet in video.encode(frame):
                    out.mux(packet)
            block = av.AudioFrame.from_ndarray(pcm[None, :], format="s16", layout="mono")
            block.sample_rate = SPEECH_RATE
            block.pts = samples
            block.time_base = Fraction(1, SPEECH_RATE)
            samples += len(pcm)
            for resampled in resampler.resample(block):
                for packet in audio.encode(resampled):
                    out.mux(packet)
        for packet in video.encode(None):
            out.mux(packet)
        for resampled in resampler.resample(None):
            for packet in audio.encode(resampled):
                out.mux(packet)
        for packet in audio.encode(None):
            out.mux(packet)
    partial.replace(path)
    return path


# ------------------------------------------------------------------------------------------------ the client process


async def _client_main(spec: dict[str, Any]) -> None:
    """The client process: translate one file; print JSON lines (added, done, segments_done, summary)."""
    import resource

    from interpreter.core.jobs import FileTranslationOptions, JobKind, JobSegment, JobState, SegmentState
    from interpreter.media.clips import EncodedClip
    from interpreter.services.file_media import FileMedia
    from interpreter.services.file_translation import FileTranslationService, JobUpdated
    from interpreter.store.jobs import JobStore
    from interpreter.transport.http import HttpClient

    lock = threading.Lock()  # lines come from the loop thread and from encoding worker threads

    def say(**fields: Any) -> None:
        line = json.dumps({"t": time.monotonic(), **fields}) + "\n"
        with lock:
            sys.stdout.write(line)
            sys.stdout.flush()

    class HashingMedia(FileMedia):
        """The real pipeline, telling which media bytes each segment sends (the video clip encoder is not
        byte-for-byte repeatable, so the parent cannot re-encode a segment to learn its hash)."""

        def encode(self, path: Path, kind: JobKind, segment: JobSegment) -> EncodedClip:
            clip = super().encode(path, kind, segment)
            say(event="encoded", index=segment.index, sha256=hashlib.sha256(clip.data).hexdigest())
            return clip

    started = time.monotonic()
    async with HttpClient(spec["base_url"], api_key=spec["api_key"]) as client:
        service = FileTranslationService(
            client, store=JobStore(Path(spec["db"])), media=HashingMedia(), concurrency=spec["concurrency"]
        )
        last_done = -1
        segments_done_at: list[float] = []

        def report(event: object) -> None:
            nonlocal last_done
            if isinstance(event, JobUpdated) and event.job.segments:
                done = sum(s.state == SegmentState.DONE for s in event.job.segments)
                if done != last_done:
                    last_done = done
                    say(event="done", done=done, total=len(event.job.segments))
                    if done == len(event.job.segments) and not segments_done_at:
                        segments_done_at.append(time.monotonic())
                        say(event="segments_done")

        service.add_listener(report)
        interrupted = await service.restore()
        options = FileTranslationOptions(
            TARGET, source=SOURCE, out_dir=spec["out_dir"], concurrency=spec["concurrency"]
        )
        [job] = await service.add_files([spec["input"]], options)
        added = time.monotonic()
        say(event="added", job=job.id, segments=len(job.segments), interrupted=len(interrupted))
        summary = await service.run()
        ended = time.monotonic()
        stats = service.limiter.stats
        await service.aclose()
    [final] = summary.jobs
    usage = summary.usage
    say(
        event="summary",
        state=str(final.state.value),
        error=final.error,
        job=final.id,
        segments=len(final.segments),
        requests=summary.requests,
        outputs=sorted(Path(p).suffix for p in final.outputs),
        add_s=added - started,
        requests_s=(segments_done_at[0] if segments_done_at else ended) - added,
        outputs_s=ended - (segments_done_at[0] if segments_done_at else ended),
        total_s=ended - started,
        input_tokens=usage.input_tokens,
        output_tokens=usage.output_tokens,
        cost=str(summary.cost.amount),
        limiter_waited_s=stats.waited_s,
        limiter_pauses=stats.pauses,
        peak_rss_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        done_state=str(JobState.DONE.value),
    )


# ------------------------------------------------------------------------------------------------ processes


class Emulator:
    """The emulator in its own process, with the service's rate limits and a request log."""

    def __init__(self, speed: float, log: Path) -> None:
        self.log = log
        self.process = subprocess.Popen(
            [
                *(sys.executable, "-m", "interpreter.emulator", "--port", "0", "--speed", str(speed)),
                *("--rate-limits", "--request-log", str(log)),
            ],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        assert self.process.stdout is not None
        line = self.process.stdout.readline().strip()  # the base URL, first line (docs/dev/CONTRACTS.md)
        if not line.startswith("http"):
            self.stop()
            raise RuntimeError(f"the emulator did not print its URL (got {line!r})")
        self.base_url = line

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(10)
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()

    def records(self) -> list[dict[str, Any]]:
        if not self.log.exists():
            return []
        return [json.loads(line) for line in self.log.read_text(encoding="utf-8").splitlines() if line.strip()]


@dataclass
class ClientRun:
    """One client process: its JSON lines (with the time each arrived) and RSS samples (monotonic s, MB)."""

    lines: list[dict[str, Any]] = field(default_factory=list)
    rss: list[tuple[float, float]] = field(default_factory=list)
    returncode: int | None = None
    killed_at_wall: float | None = None

    def first(self, event: str) -> dict[str, Any] | None:
        return next((line for line in self.lines if line["event"] == event), None)


def _rss_mb(pid: int) -> float | None:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def run_client(spec: dict[str, Any], *, timeout_s: float = 3600) -> ClientRun:
    """Run a client process to its end, sampling its RSS and collecting its lines."""
    result = ClientRun()
    process = subprocess.Popen(
        [sys.executable, "-m", "benchmarks.bench_files", CHILD_FLAG, json.dumps(spec)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    finished = threading.Event()

    def sample() -> None:
        while not finished.wait(RSS_PERIOD_S):
            rss = _rss_mb(process.pid)
            if rss is not None:
                result.rss.append((time.monotonic(), rss))

    sampler = threading.Thread(target=sample, name="rss-sampler", daemon=True)
    sampler.start()
    timer = threading.Timer(timeout_s, process.kill)  # a hung client must not hang the benchmark
    timer.start()
    try:
        assert process.stdout is not None
        for raw in process.stdout:
            line = json.loads(raw)
            result.lines.append(line)
        result.returncode = process.wait()
    finally:
        timer.cancel()
        finished.set()
        sampler.join()
    return result


# ------------------------------------------------------------------------------------------------ analysis


def max_in_window(times: list[float], weights: list[float] | None = None, window: float = WINDOW_S) -> float:
    """The largest sum of ``weights`` (default 1 each) over events in any window ``[t, t + window)``."""
    order = sorted(range(len(times)), key=lambda i: times[i])
    ts = [times[i] for i in order]
    ws = [1.0 if weights is None else weights[i] for i in order]
    best = total = 0.0
    lo = 0
    for hi, t in enumerate(ts):
        total += ws[hi]
        while ts[lo] <= t - window:
            total -= ws[lo]
            lo += 1
        best = max(best, total)
    return best


def rate_figures(records: list[dict[str, Any]]) -> dict[str, Any]:
    chat = [r for r in records if r["path"].endswith("/chat/completions")]
    ok = [r for r in chat if r["status"] == 200]
    charged = [r for r in ok if r["finish_reason"] is not None]
    return {
        "requests": len(chat),
        "answered_200": len(ok),
        "answers_429": sum(1 for r in chat if r["status"] == 429),
        "other_errors": sum(1 for r in chat if r["status"] not in (200, 429)),
        "streams_cut": sum(1 for r in chat if r["cut"]),
        "max_requests_in_60s": int(max_in_window([r["received_at"] for r in chat])) if chat else 0,
        "max_admitted_in_60s": int(max_in_window([r["received_at"] for r in ok])) if ok else 0,
        # The emulator charges tokens when the answer is computed, about when the request arrived.
        "max_tokens_in_60s": int(
            max_in_window(
                [r["received_at"] for r in charged], [r["prompt_tokens"] + r["completion_tokens"] for r in charged]
            )
        )
        if charged
        else 0,
        "duplicate_completed_hashes": len(charged) - len({r["content_sha256"] for r in charged}),
    }


def memory_figures(run: ClientRun) -> dict[str, Any]:
    """RSS over the request phase (first/last 10 %), the output phase's peak, and the process's peak (VmHWM)."""
    added, done = run.first("added"), run.first("segments_done")
    summary = run.first("summary")
    # The client's monotonic clock and ours are the same clock (CLOCK_MONOTONIC, same machine).
    start = added["t"] if added else run.rss[0][0]
    end = done["t"] if done else run.rss[-1][0]
    phase = [mb for t, mb in run.rss if start <= t <= end]
    tenth = max(1, len(phase) // 10)
    outputs = [mb for t, mb in run.rss if t > end]
    return {
        "peak_rss_mb": round(summary["peak_rss_mb"], 1) if summary else round(max(mb for _, mb in run.rss), 1),
        "max_sampled_rss_mb": round(max(mb for _, mb in run.rss), 1) if run.rss else None,
        "rss_first_10pct_mb": round(statistics.fmean(phase[:tenth]), 1) if phase else None,
        "rss_last_10pct_mb": round(statistics.fmean(phase[-tenth:]), 1) if phase else None,
        "rss_after_add_mb": round(phase[0], 1) if phase else None,
        "rss_output_phase_peak_mb": round(max(outputs), 1) if outputs else None,
        "rss_samples": len(run.rss),
    }


def _spec(base_url: str, work: Path, media: Path, concurrency: int) -> dict[str, Any]:
    out_dir = work / "out"
    out_dir.mkdir(parents=True, exist_ok=True)
    return {
        "base_url": base_url,
        "api_key": "sk-emulator-demo",
        "db": str(work / "jobs.sqlite3"),
        "input": str(media),
        "out_dir": str(out_dir),
        "concurrency": concurrency,
    }


def measure(media: Path, concurrency: int, speed: float, timeout_s: float) -> dict[str, Any]:
    """One full batch at ``concurrency`` against a fresh emulator; the figures of this run."""
    with tempfile.TemporaryDirectory(prefix="bench-files-") as tmp:
        work = Path(tmp)
        emulator = Emulator(speed, work / "requests.jsonl")
        try:
            run = run_client(_spec(emulator.base_url, work, media, concurrency), timeout_s=timeout_s)
        finally:
            emulator.stop()
        records = emulator.records()
    summary = run.first("summary")
    if summary is None:
        raise RuntimeError(f"the client at concurrency {concurrency} ended without a summary (exit {run.returncode})")
    return {
        "concurrency": concurrency,
        "state": summary["state"],
        "error": summary["error"],
        "segments": summary["segments"],
        "client_requests": summary["requests"],
        "outputs": summary["outputs"],
        "add_s": round(summary["add_s"], 1),
        "requests_s": round(summary["requests_s"], 1),
        "outputs_s": round(summary["outputs_s"], 1),
        "wall_s": round(summary["total_s"], 1),
        "limiter_waited_s": round(summary["limiter_waited_s"], 1),
        "input_tokens": summary["input_tokens"],
        "output_tokens": summary["output_tokens"],
        **rate_figures(records),
        **memory_figures(run),
    }


def kill_and_resume(media: Path, concurrency: int, speed: float, kill_at: float, timeout_s: float) -> dict[str, Any]:
    """SIGKILL a client mid-batch, rerun it, count re-requested stored segments (module docstring)."""
    from interpreter.core.jobs import SegmentState
    from interpreter.store.jobs import JobStore

    with tempfile.TemporaryDirectory(prefix="bench-files-kill-") as tmp:
        work = Path(tmp)
        emulator = Emulator(speed, work / "requests.jsonl")
        try:
            spec = _spec(emulator.base_url, work, media, concurrency)
            killed = _run_until_share(spec, kill_at, timeout_s)
            with JobStore(Path(spec["db"])) as store:
                [interrupted] = store.interrupted_jobs()
            rerun = run_client(spec, timeout_s=timeout_s)
        finally:
            emulator.stop()
        records = emulator.records()
    assert killed.killed_at_wall is not None
    done_before = {s.index for s in interrupted.segments if s.state == SegmentState.DONE}
    sent_before = _encoded(killed)  # segment index -> media hash, as the killed client encoded it
    sent_rerun = _encoded(rerun)
    chat = [r for r in records if r["path"].endswith("/chat/completions")]
    before = [r for r in chat if r["received_at"] < killed.killed_at_wall]
    after = [r for r in chat if r["received_at"] >= killed.killed_at_wall]  # the killed client was gone by then
    completed_before = {r["content_sha256"] for r in before if r["status"] == 200 and r["finish_reason"] is not None}
    requested_after: dict[int, int] = {}
    by_hash = {digest: index for index, digest in sent_rerun.items()}
    for record in after:
        index = by_hash.get(record["content_sha256"], -1)  # -1: a request the rerun did not encode (never seen)
        requested_after[index] = requested_after.get(index, 0) + 1
    pending = {s.index for s in interrupted.segments} - done_before
    # A stored segment's media as the killed client sent it, and as the rerun would send it if it encoded it again.
    stored_hashes = {sent_before.get(i) for i in done_before} | {sent_rerun.get(i) for i in done_before}
    stored_hashes.discard(None)
    summary = rerun.first("summary") or {}
    added = rerun.first("added") or {}
    return {
        "concurrency": concurrency,
        "segments": len(interrupted.segments),
        "done_when_killed": len(done_before),
        "requests_before_kill": len(before),
        "answered_but_not_stored_at_kill": len(completed_before - {sent_before.get(i) for i in done_before}),
        # Every stored segment's hash is one the emulator answered in full before the kill: the mapping holds.
        "hash_mapping_verified": all(sent_before.get(i) in completed_before for i in done_before),
        "rerun_interrupted_jobs_found": added.get("interrupted"),
        "rerun_same_job": added.get("job") == interrupted.id,
        "rerun_state": summary.get("state"),
        "rerun_requests": len(after),
        "rerun_answered_200": sum(1 for r in after if r["status"] == 200),
        "pending_segments": len(pending),
        "stored_segments_encoded_again": len(done_before & set(sent_rerun)),
        "stored_segments_requested_again": sum(1 for r in after if r["content_sha256"] in stored_hashes),
        "pending_segments_requested_exactly_once": all(requested_after.get(i, 0) == 1 for i in pending),
        "unattributed_rerun_requests": requested_after.get(-1, 0),
        "rerun_answers_429": sum(1 for r in after if r["status"] == 429),
        "rerun_wall_s": round(summary.get("total_s", float("nan")), 1),
        "rerun_peak_rss_mb": round(summary.get("peak_rss_mb", float("nan")), 1),
    }


def _encoded(run: ClientRun) -> dict[int, str]:
    """Segment index -> SHA-256 of the media the client sent for it (its ``encoded`` lines; the last one wins)."""
    return {line["index"]: line["sha256"] for line in run.lines if line["event"] == "encoded"}


def _run_until_share(spec: dict[str, Any], share: float, timeout_s: float) -> ClientRun:
    """Run a client and SIGKILL it once ``share`` of its segments are stored (the total comes with its first line)."""
    result = ClientRun()
    process = subprocess.Popen(
        [sys.executable, "-m", "benchmarks.bench_files", CHILD_FLAG, json.dumps(spec)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    timer = threading.Timer(timeout_s, process.kill)
    timer.start()
    try:
        assert process.stdout is not None
        for raw in process.stdout:
            line = json.loads(raw)
            result.lines.append(line)
            if line["event"] == "done" and line["done"] >= max(1, round(share * line["total"])):
                result.killed_at_wall = time.time()
                process.kill()  # SIGKILL mid-batch
                break
        result.returncode = process.wait()
    finally:
        timer.cancel()
    if result.killed_at_wall is None:
        raise RuntimeError("the client finished before it could be killed; lower --kill-at")
    return result


# ------------------------------------------------------------------------------------------------ summary


def spread(values: list[float]) -> dict[str, float]:
    clean = [v for v in values if v is not None]
    if not clean:
        return {}
    return {"median": round(statistics.median(clean), 2), "min": round(min(clean), 2), "max": round(max(clean), 2)}


SUMMARY_KEYS = (
    "wall_s",
    "add_s",
    "requests_s",
    "outputs_s",
    "max_requests_in_60s",
    "max_tokens_in_60s",
    "answers_429",
    "peak_rss_mb",
    "rss_first_10pct_mb",
    "rss_last_10pct_mb",
    "rss_output_phase_peak_mb",
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smoke run: a 6-minute file, one repeat")
    parser.add_argument("--minutes", type=float, help="length of the generated video (default 60; quick 6)")
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 4, 8], help="default 1 4 8")
    parser.add_argument("--repeats", type=int, help="runs per concurrency (default 3; quick 1)")
    # 20x: a 30 s segment with speech output is answered in about 1 s, so the client and the limits, not the
    # emulated model's pace, decide the wall time; the rate limits are not scaled (they are wall-clock).
    parser.add_argument("--speed", type=float, default=20.0, help="emulator speed-up (default 20)")
    parser.add_argument("--kill-at", type=float, default=0.4, help="share of segments stored before the SIGKILL")
    parser.add_argument("--no-kill", action="store_true", help="skip the kill + resume check")
    parser.add_argument("--cache-dir", type=Path, default=DEFAULT_CACHE, help="where the generated video is kept")
    parser.add_argument("--timeout", type=float, default=3600, help="seconds before a client process is killed")
    args = parser.parse_args(argv)
    minutes = args.minutes if args.minutes is not None else (6.0 if args.quick else 60.0)
    repeats = args.repeats if args.repeats is not None else (1 if args.quick else 3)

    started = time.monotonic()
    media_path = args.cache_dir / f"bench-files-{minutes:g}min-{VIDEO_SIZE[0]}x{VIDEO_SIZE[1]}.mp4"
    generated = not media_path.exists()
    t0 = time.monotonic()
    media = make_media(media_path, minutes)
    generate_s = time.monotonic() - t0
    print(
        f"input: {media} ({media.stat().st_size / 1e6:.1f} MB, {minutes:g} min"
        f"{f', generated in {generate_s:.0f} s' if generated else ', cached'}); emulator speed {args.speed:g}x, "
        f"rate limits on; load average {os.getloadavg()[0]:.2f}",
        flush=True,
    )
    load_before = os.getloadavg()
    runs: list[dict[str, Any]] = []
    kills: list[dict[str, Any]] = []
    for repeat in range(repeats):
        for concurrency in args.concurrency:
            run = measure(media, concurrency, args.speed, args.timeout)
            run["repeat"] = repeat
            run["load_average_1min_after"] = round(os.getloadavg()[0], 2)
            runs.append(run)
            print(json.dumps(run), flush=True)
        if not args.no_kill:
            kill = kill_and_resume(media, 4, args.speed, args.kill_at, args.timeout)
            kill["repeat"] = repeat
            kills.append(kill)
            print(json.dumps(kill), flush=True)
    load_after = os.getloadavg()

    per_concurrency: dict[str, Any] = {}
    for concurrency in args.concurrency:
        mine = [r for r in runs if r["concurrency"] == concurrency]
        per_concurrency[str(concurrency)] = {key: spread([r[key] for r in mine]) for key in SUMMARY_KEYS}
        per_concurrency[str(concurrency)]["runs"] = len(mine)
        per_concurrency[str(concurrency)]["segments"] = mine[0]["segments"]
        per_concurrency[str(concurrency)]["all_done"] = all(r["state"] == "done" for r in mine)
    result: dict[str, Any] = {
        "input": {"minutes": minutes, "size_mb": round(media.stat().st_size / 1e6, 1), "video": list(VIDEO_SIZE)},
        "emulator_speed": args.speed,
        "repeats": repeats,
        "per_concurrency": per_concurrency,
        "kill_resume": kills,
        "runs": runs,
        "targets": {"max_requests_per_minute": LIMIT_RPM, "answers_429": 0, "peak_rss_mb": TARGET_PEAK_RSS_MB},
        "rpm_ok": all(r["max_requests_in_60s"] <= LIMIT_RPM for r in runs),
        "no_429": all(r["answers_429"] == 0 for r in runs),
        "peak_rss_ok": all(r["peak_rss_mb"] < TARGET_PEAK_RSS_MB for r in runs),
        "kill_resume_ok": bool(kills)
        and all(k["stored_segments_requested_again"] == 0 and k["hash_mapping_verified"] for k in kills),
        "load_average_1min": [round(load_before[0], 2), round(load_after[0], 2)],
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "machine": platform.machine(),
        "elapsed_s": round(time.monotonic() - started, 1),
    }
    _print_table(result)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    partial = RESULTS.with_name(f".{RESULTS.name}.tmp")
    partial.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    partial.replace(RESULTS)
    print(f"wrote {RESULTS.relative_to(ROOT)}")
    return 0


def _print_table(result: dict[str, Any]) -> None:
    print(f"\n{'metric (median [min..max])':<34}" + "".join(f"{'c=' + c:>22}" for c in result["per_concurrency"]))
    for key in SUMMARY_KEYS:
        cells = []
        for figures in result["per_concurrency"].values():
            s = figures[key]
            cells.append(f"{s['median']:g} [{s['min']:g}..{s['max']:g}]" if s else "-")
        print(f"{key:<34}" + "".join(f"{cell:>22}" for cell in cells))
    for kill in result["kill_resume"]:
        print(
            f"kill+resume: {kill['done_when_killed']}/{kill['segments']} stored at the kill, rerun sent "
            f"{kill['rerun_requests']} requests for {kill['pending_segments']} pending segments, stored segments "
            f"requested again: {kill['stored_segments_requested_again']} (hash mapping verified: "
            f"{kill['hash_mapping_verified']})"
        )


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == CHILD_FLAG:
        asyncio.run(_client_main(json.loads(sys.argv[2])))
        sys.exit(0)
    sys.exit(main())
