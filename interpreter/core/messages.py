"""Messages for users, made in Qt-free code and readable in every UI language.

A :class:`UserMessage` is one sentence for a user. It *is* its English rendering (a ``str`` subclass, so every
caller that logs, prints or compares it keeps working), and it also carries what a translated UI needs to say the
same thing in another language:

- ``id``: a stable key, ``<area>.<what>`` in lower snake case, e.g. ``"auth.key_rejected"``,
  ``"network.unreachable"``, ``"glossary.csv.one_column"``. The area names what the user recognises (auth,
  access, quota, network, service, config, voice, audio, device, file, settings, keyring, history, glossary,
  region, list), not the module that raises it, so a message keeps its id when code moves. An id never changes
  meaning; a reworded sentence keeps its id (translators see the new English as unfinished).
- ``template``: the English sentence with named ``{placeholders}`` (``str.format`` syntax, format specs allowed:
  ``{seconds:.0f}``).
- ``params``: the values. A value that is itself translatable is typed so the UI can translate it too: a nested
  :class:`UserMessage` (a region name, "nothing"), a :class:`LanguageName` (named from the catalog in the UI
  language) or an :class:`ItemList` (joined with the UI language's list separator).

Templates are declared once, at module level, with the marker :func:`msg` (our ``QT_TRANSLATE_NOOP``): each layer
keeps its templates in one ``texts.py`` catalogue, ``pyside6-lupdate -tr-function-alias QT_TRANSLATE_NOOP+=msg``
extracts them into the ``.ts`` file (context = the id, source = the English template), and the UI renders a
message with ``QCoreApplication.translate(message.id, message.template)`` (``interpreter.ui.messages.render``).

    KEY_REJECTED = msg("auth.key_rejected", "The {region} service refused the API key.")
    raise AuthenticationError(KEY_REJECTED(region=SINGAPORE()))

No matching of English sentences is needed anywhere: the id and the values travel with the sentence.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Final, Self, TypeAlias

__all__ = [
    "ItemList",
    "LanguageName",
    "MessageTemplate",
    "Param",
    "UserMessage",
    "msg",
    "registered_templates",
]

#: What a placeholder may be filled with. ``str`` covers the translatable kinds below (they are ``str`` subclasses
#: holding their English form) as well as values shown as they are (file names, model ids, numbers as text).
Param: TypeAlias = str | int | float

#: Ids are dotted lower snake case with at least two parts: "<area>.<what>".
_ID_PATTERN: Final = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$")

#: The id of a message made from a plain sentence (code that does not declare a template yet): never translated.
VERBATIM_ID: Final = ""

_REGISTRY: dict[str, MessageTemplate] = {}


class UserMessage(str):
    """One sentence for a user: the English rendering (the ``str`` value) plus ``id``, ``template`` and ``params``.

    Make one by calling a :class:`MessageTemplate` (``KEY_REJECTED(region=...)``), or wrap a plain sentence with
    :meth:`verbatim` (shown as it is in every language). Operations that make a new string (``+``, ``strip``)
    return a plain ``str``: the result is no longer a declared message.
    """

    id: str
    template: str
    params: Mapping[str, Param]

    def __new__(cls, message_id: str, template: str, params: Mapping[str, Param] | None = None) -> Self:
        values: Mapping[str, Param] = MappingProxyType(dict(params or {}))
        english = template if message_id == VERBATIM_ID else template.format(**values)
        self = super().__new__(cls, english)
        self.id = message_id
        self.template = template
        self.params = values
        return self

    @classmethod
    def verbatim(cls, text: str) -> UserMessage:
        """``text`` as a message without an id: every UI language shows it unchanged (braces are not fields)."""
        if isinstance(text, UserMessage):
            return text
        return cls(VERBATIM_ID, text)

    @property
    def is_verbatim(self) -> bool:
        """True for a plain sentence that no translation knows (see :meth:`verbatim`)."""
        return self.id == VERBATIM_ID

    def __repr__(self) -> str:
        return f"UserMessage({self.id!r}, {str(self)!r})"

    def __reduce__(self) -> tuple[type[UserMessage], tuple[str, str, dict[str, Param]]]:
        # str's own pickling would rebuild a plain-text instance without id/params.
        return (type(self), (self.id, self.template, dict(self.params)))


class LanguageName(str):
    """A language named in English (the ``str`` value) that the UI names in its own language from ``code``."""

    code: str

    def __new__(cls, code: str, english: str) -> Self:
        self = super().__new__(cls, english)
        self.code = code
        return self

    def __reduce__(self) -> tuple[type[LanguageName], tuple[str, str]]:
        return (type(self), (self.code, str(self)))


class ItemList(str):
    """Several values as one parameter: joined with ", " in English; the UI joins them with its own separator
    (Chinese uses "、") after translating each item that is translatable."""

    items: tuple[Param, ...]

    def __new__(cls, items: Iterable[Param]) -> Self:
        values = tuple(items)
        self = super().__new__(cls, ", ".join(str(item) for item in values))
        self.items = values
        return self

    def __reduce__(self) -> tuple[type[ItemList], tuple[tuple[Param, ...]]]:
        return (type(self), (self.items,))


class MessageTemplate:
    """A declared message: its id and English template. Call it with the values to get a :class:`UserMessage`.

    Raises:
        TypeError (on call): the values do not match the template's placeholders exactly (a missing value would
            otherwise surface as a KeyError far from the cause; an extra one usually means a typo).
    """

    __slots__ = ("fields", "id", "template")

    def __init__(self, message_id: str, template: str) -> None:
        self.id = message_id
        self.template = template
        self.fields = frozenset(_fields(template))

    def __call__(self, **params: Param) -> UserMessage:
        if params.keys() != self.fields:
            raise TypeError(
                f"message {self.id!r} takes {sorted(self.fields)}, got {sorted(params)} (template {self.template!r})"
            )
        return UserMessage(self.id, self.template, params)

    def __repr__(self) -> str:
        return f"msg({self.id!r}, {self.template!r})"


def _fields(template: str) -> set[str]:
    names: set[str] = set()
    for _, field, _, _ in string.Formatter().parse(template):
        if field is None:
            continue
        name = field.split(".", 1)[0].split("[", 1)[0]
        if not name.isidentifier():
            raise ValueError(f"template {template!r}: placeholders must be named ({{name}}), got {{{field}}}")
        names.add(name)
    return names


def msg(message_id: str, template: str) -> MessageTemplate:
    """Declare a message template (the marker the translation tools look for; call it at module level with two
    string literals so ``lupdate`` and the completeness test can read it without running the code).

    Args:
        message_id: the stable key, ``<area>.<what>`` (see the module docstring).
        template: the English sentence with named ``{placeholders}``.

    Raises:
        ValueError: a malformed id, a positional placeholder, or the same id declared with another template.
    """
    if not _ID_PATTERN.match(message_id):
        raise ValueError(f"message id {message_id!r} must look like 'area.what' (lower snake case, dotted)")
    declared = _REGISTRY.get(message_id)
    if declared is not None:
        if declared.template != template:
            raise ValueError(f"message id {message_id!r} is declared twice with different templates")
        return declared
    template_object = MessageTemplate(message_id, template)
    _REGISTRY[message_id] = template_object
    return template_object


def registered_templates() -> dict[str, MessageTemplate]:
    """Every template declared so far in this process (those of the modules imported), by id."""
    return dict(_REGISTRY)
