"""TextViewModel: the Text pane's state — pick a Qwen-MT model (with its trade-off), target language, domain hint
and glossary, translate a pasted text with live progress, keep the result for copying.

The service (``services.text_translation.TextTranslationService``) and the glossary source are injected; the app
builds them on its endpoint (demo emulator or the keyed service). Everything runs on the Qt thread (qasync loop);
the translation is one asyncio task, cancelled by :meth:`cancel` or a new :meth:`translate`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QObject, Signal

from interpreter.core.cost import Pricing, TokenKind
from interpreter.core.glossary import Glossary
from interpreter.core.mt_languages import DEFAULT_MT_MODEL, MT_MODELS, MtLanguage, mt_model
from interpreter.errors import InterpreterError
from interpreter.services.text_translation import TextResult, TextTranslationOptions, TextTranslationService, terms_of

__all__ = ["ModelChoice", "TextViewModel"]

_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ModelChoice:
    """A model as the picker shows it: ranks 1-3, language count, and price per million tokens (None = unpriced)."""

    name: str
    quality: int
    speed: int
    languages: int
    input_price: Decimal | None
    output_price: Decimal | None
    currency: str


class TextViewModel(QObject):
    """State and actions of the Text pane.

    Signals:
        translation_changed(str): the translated text so far (and the final text).
        busy_changed(bool): a translation started or ended.
        translation_finished(str): done; the argument is the usage and cost line.
        translation_failed(str): one sentence for the user.
    """

    translation_changed = Signal(str)
    busy_changed = Signal(bool)
    translation_finished = Signal(str)
    translation_failed = Signal(str)

    def __init__(
        self,
        service: TextTranslationService,
        *,
        glossaries: Callable[[], Sequence[Glossary]] = list,
        pricing: Pricing | None = None,
        region: str = "singapore",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._glossaries = glossaries
        self._pricing = pricing or service.pricing
        self._region = region
        self._task: asyncio.Task[None] | None = None
        self.result = ""
        self.last: TextResult | None = None

    # -- choices ----------------------------------------------------------------------------------------------

    def model_choices(self) -> list[ModelChoice]:
        choices = []
        for name in MT_MODELS:
            info = mt_model(name)
            rates = self._pricing.rates(name, self._region)
            choices.append(
                ModelChoice(
                    name=name,
                    quality=info.quality,
                    speed=info.speed,
                    languages=len(info.languages),
                    input_price=rates.per_million.get(TokenKind.INPUT_TEXT) if rates else None,
                    output_price=rates.per_million.get(TokenKind.OUTPUT_TEXT) if rates else None,
                    currency=rates.currency if rates else "",
                )
            )
        return choices

    @staticmethod
    def default_model() -> str:
        return DEFAULT_MT_MODEL

    @staticmethod
    def languages(model: str) -> tuple[MtLanguage, ...]:
        """The target languages ``model`` offers."""
        return mt_model(model).languages

    def glossary_names(self) -> list[str]:
        try:
            return [glossary.name for glossary in self._glossaries()]
        except InterpreterError as error:  # a broken glossary file must not take the pane down
            _log.warning("glossaries unavailable: %s", error)
            return []

    def _glossary(self, name: str | None) -> Glossary | None:
        if not name:
            return None
        return next((g for g in self._glossaries() if g.name == name), None)

    # -- actions ----------------------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._task is not None and not self._task.done()

    def translate(
        self,
        text: str,
        *,
        model: str,
        target: str,
        source: str | None = None,
        domain: str | None = None,
        glossary: str | None = None,
    ) -> None:
        """Start translating ``text`` (a running translation is cancelled first)."""
        self.cancel()
        try:
            options = TextTranslationOptions(
                target=target,
                source=source or None,
                model=model,
                terms=terms_of(self._glossary(glossary)),
                domains=(domain or "").strip() or None,
            )
        except InterpreterError as error:
            self.translation_failed.emit(error.user_message)
            return
        self._task = asyncio.ensure_future(self._run(text, options))
        self.busy_changed.emit(True)

    def cancel(self) -> None:
        if self._task is not None and not self._task.done():
            self._task.cancel()

    async def _run(self, text: str, options: TextTranslationOptions) -> None:
        try:
            result = await self._service.translate_text(text, options, self._progress)
        except asyncio.CancelledError:
            self.busy_changed.emit(False)
            raise
        except InterpreterError as error:
            self.translation_failed.emit(error.user_message)
            self.busy_changed.emit(False)
            return
        self.last = result
        self.result = result.text
        self.translation_changed.emit(result.text)
        usage = result.usage
        summary = self.tr("{tokens} tokens, {cost}").format(
            tokens=f"{usage.input_tokens + usage.output_tokens:,}", cost=result.cost.format()
        )
        self.busy_changed.emit(False)
        self.translation_finished.emit(summary)

    def _progress(self, text: str) -> None:
        self.result = text
        self.translation_changed.emit(text)

    async def aclose(self) -> None:
        task, self._task = self._task, None
        if task is not None and not task.done():
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
