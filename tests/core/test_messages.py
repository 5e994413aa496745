"""User messages: a ``UserMessage`` reads as its English sentence and carries its id, template and values; every
error carries one; and the Qt-free layers raise no error with a bare English sentence (it could not be translated).
"""

from __future__ import annotations

import ast
import importlib
import pickle
import pkgutil
from pathlib import Path

import pytest

import interpreter
from interpreter.core.messages import ItemList, LanguageName, msg, registered_templates
from interpreter.errors import ConfigError, InterpreterError, ServiceError

PACKAGE = Path(interpreter.__file__).parent
#: The layers below the UI: everything they tell a user must be a declared message.
LOWER_LAYERS = ("core", "protocol", "transport", "store", "media", "services")

GREETING = msg("test.greeting", "{name} speaks {language}; voices: {voices}.")


def test_a_message_is_its_english_sentence_with_id_and_values() -> None:
    message = GREETING(name="Cherry", language=LanguageName("zh", "Chinese"), voices=ItemList(["Cherry", "Ethan"]))
    assert message == "Cherry speaks Chinese; voices: Cherry, Ethan."
    assert isinstance(message, str) and message.id == "test.greeting"
    assert message.template == "{name} speaks {language}; voices: {voices}."
    language = message.params["language"]
    assert isinstance(language, LanguageName) and language.code == "zh"
    voices = message.params["voices"]
    assert isinstance(voices, ItemList) and voices.items == ("Cherry", "Ethan")


def test_a_message_survives_pickling_with_its_values() -> None:
    message = GREETING(name="Cherry", language=LanguageName("zh", "Chinese"), voices=ItemList(["A", "B"]))
    copy = pickle.loads(pickle.dumps(message))
    assert (copy, copy.id, copy.template) == (message, message.id, message.template)
    assert isinstance(copy.params["language"], LanguageName) and copy.params["language"].code == "zh"
    assert isinstance(copy.params["voices"], ItemList) and copy.params["voices"].items == ("A", "B")


def test_values_must_match_the_placeholders() -> None:
    with pytest.raises(TypeError, match=r"test\.greeting"):
        GREETING(name="Cherry", language="Chinese")
    with pytest.raises(TypeError, match=r"test\.greeting"):
        GREETING(name="x", language="y", voices="z", extra="typo")


def test_ids_are_checked_and_declared_once() -> None:
    assert msg("test.greeting", GREETING.template) is GREETING, "the same declaration twice is harmless"
    with pytest.raises(ValueError, match="declared twice"):
        msg("test.greeting", "Another sentence.")
    with pytest.raises(ValueError, match=r"area\.what"):
        msg("NoDots", "A sentence.")
    with pytest.raises(ValueError, match="named"):
        msg("test.positional", "Value {0}.")


def test_errors_carry_a_message_and_stay_english() -> None:
    declared = ServiceError(GREETING(name="a", language="b", voices="c"), code="X", detail="HTTP 401")
    assert declared.message.id == "test.greeting" and declared.user_message == "a speaks b; voices: c."
    assert str(declared) == "a speaks b; voices: c. (HTTP 401)"
    plain = ConfigError("A sentence {with braces}.", field="model")
    assert plain.message.is_verbatim and plain.user_message == "A sentence {with braces}."
    assert plain.message is plain.user_message


def _lower_layer_files() -> list[Path]:
    return sorted(path for layer in LOWER_LAYERS for path in (PACKAGE / layer).rglob("*.py"))


def _error_class_names() -> set[str]:
    for layer in LOWER_LAYERS:
        package = importlib.import_module(f"interpreter.{layer}")
        for module in pkgutil.walk_packages(package.__path__, f"{package.__name__}."):
            importlib.import_module(module.name)
    found: set[str] = set()
    pending: list[type[InterpreterError]] = [InterpreterError]
    while pending:
        cls = pending.pop()
        found.add(cls.__name__)
        pending.extend(cls.__subclasses__())
    return found


def test_lower_layers_raise_no_error_with_a_bare_sentence() -> None:
    """An error made from a string literal or f-string carries no id: a Chinese user would read English."""
    error_names = _error_class_names()
    assert {"AuthenticationError", "DeviceError", "GlossaryFormatError", "HandshakeRateLimitError"} <= error_names
    bare: list[str] = []
    for path in _lower_layer_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            first = node.args[0]
            literal = isinstance(first, ast.JoinedStr) or (
                isinstance(first, ast.Constant) and isinstance(first.value, str)
            )
            if name in error_names and literal:
                bare.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno}")
    assert bare == [], "declare these sentences with msg() in the layer's texts.py"


def test_every_texts_module_declares_what_the_registry_holds() -> None:
    for layer in LOWER_LAYERS:
        importlib.import_module(f"interpreter.{layer}.texts")
    ids = {message_id for message_id in registered_templates() if not message_id.startswith("test.")}
    areas = {message_id.split(".", 1)[0] for message_id in ids}
    assert {"auth", "network", "rate_limit", "config", "glossary", "device", "file", "keyring"} <= areas
    assert len(ids) > 100
