"""The emulator's HTTP APIs, on the same aiohttp application (and port) as the realtime WebSocket.

Layout, one module per concern so the next APIs (Qwen-MT, OCR, qwen-mt-image tasks, temporary uploads) slot in:

- :mod:`.routing`: the wrapper every HTTP route goes through (request counting, records, injected status faults,
  slow first byte, ``Authorization: Bearer`` check, compat error answers) — ``http_route(handler)``.
- :mod:`.errors`: the OpenAI-compatible error shape (spec §8.2) and its documented codes; :mod:`.sse`: SSE writing
  with the stream faults; :mod:`.faults`, :mod:`.records`, :mod:`.ratelimit`: HTTP faults, records, rate limits.
- :mod:`.chat_completions`: ``POST /compatible-mode/v1/chat/completions``, dispatching by model to the API that
  registered it (:func:`~.chat_completions.register_chat_model`).
- :mod:`.ocr` (+ :mod:`.ocr_request`, :mod:`.ocr_recognizer` (Tesseract), :mod:`.ocr_answer`): qwen-vl-ocr, native
  multimodal-generation (SSE framing with ``:HTTP_STATUS``) and OpenAI-compatible (spec §5).
- :mod:`.file_translation` (+ :mod:`.file_request`, :mod:`.file_answer`, :mod:`.media_probe`,
  :mod:`.file_models`): qwen3-livetranslate-flash (spec §3).
- :mod:`.uploads`: temporary upload (getPolicy + the upload host on ``POST /``, spec §2.2); :mod:`.image_tasks`
  (+ :mod:`.image_state`, :mod:`.image_overlay`, :mod:`.native_errors`): qwen-mt-image tasks (spec §6).
- :mod:`.analysis`: tongyi-xiaomi-analysis-flash/-pro, deterministic labelled session summaries.

Adding an API: a module that registers its chat models (as :func:`.file_translation.register` does) or adds its own
routes wrapped with ``http_route`` (native ``/api/v1/...`` paths), called from :func:`register_routes`.
"""

from __future__ import annotations

from aiohttp import web


def register_routes(app: web.Application) -> None:
    """Add every HTTP route of the emulator to ``app``."""
    from interpreter.emulator.http import (
        analysis,
        chat_completions,
        file_translation,
        image_tasks,
        mt_routes,
        ocr,
        uploads,
    )

    file_translation.register()
    analysis.register()
    mt_routes.register(app)  # Qwen-MT (spec §4): its chat models and the native text-generation route
    ocr.register(app)
    chat_completions.add_routes(app)
    uploads.add_routes(app)
    image_tasks.add_routes(app)
