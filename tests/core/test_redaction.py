"""core.redaction: keys, bearer tokens, assignments and registered secrets are masked."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from interpreter.core import redaction
from interpreter.core.redaction import MASK, clear_registered_secrets, redact, register_secret, unregister_secret

REAL_LOOKING_KEY = "sk-0123456789abcdef0123456789abcdef"


@pytest.fixture(autouse=True)
def _clean_registry() -> Iterator[None]:
    clear_registered_secrets()
    yield
    clear_registered_secrets()


def test_sk_keys_are_masked_with_a_short_hint() -> None:
    out = redact(f"connecting with {REAL_LOOKING_KEY} now")
    assert "0123456789abcdef0123" not in out
    assert out == "connecting with sk-…cdef now"


def test_short_keys_are_masked_completely() -> None:
    assert redact("key=sk-emulator-demo") == f"key=sk-{MASK}"


def test_words_that_merely_start_with_sk_survive() -> None:
    assert redact("we use sk-learn and task-sk-1") == "we use sk-learn and task-sk-1"


@pytest.mark.parametrize(
    "text",
    [
        "Authorization: Bearer abc.def-ghi_jkl",
        '{"Authorization": "Bearer abc.def-ghi_jkl"}',
        "authorization: bearer abc.def-ghi_jkl",
    ],
)
def test_bearer_tokens_are_masked(text: str) -> None:
    out = redact(text)
    assert "abc.def" not in out
    assert "Bearer ***" in out or "bearer ***" in out


def test_bearer_with_sk_key_keeps_the_key_hint() -> None:
    assert redact(f"Authorization: Bearer {REAL_LOOKING_KEY}") == "Authorization: Bearer sk-…cdef"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("api_key=abcdef123&model=x", "api_key=***&model=x"),
        ('{"api_key": "zzzzzz", "model": "m"}', '{"api_key": "***", "model": "m"}'),
        ("password: hunter22", "password: ***"),
        ("ACCESS_TOKEN='tok-123'", "ACCESS_TOKEN='***'"),
        ("X-Api-Key: abc123456", "X-Api-Key: ***"),
    ],
)
def test_assignments_are_masked(text: str, expected: str) -> None:
    assert redact(text) == expected


def test_registered_secrets_of_any_shape_are_masked_until_unregistered() -> None:
    register_secret("  opaque-credential-42  ")
    assert redact("error for opaque-credential-42!") == f"error for {MASK}!"
    unregister_secret("opaque-credential-42")
    assert redact("error for opaque-credential-42!") == "error for opaque-credential-42!"


def test_longer_registered_secret_wins_over_its_prefix() -> None:
    register_secret("abcdefgh")
    register_secret("abcdefgh-and-more")
    assert redact("x abcdefgh-and-more y") == f"x {MASK} y"


def test_tiny_registered_values_are_ignored() -> None:
    register_secret("abc")
    assert redact("abc abc") == "abc abc"
    assert redaction.MIN_REGISTERED_SECRET_CHARS > 3


def test_text_without_secrets_is_unchanged() -> None:
    text = "Segment 12 finalized: 'Hello world' (1.2 s)"
    assert redact(text) == text
    assert redact("") == ""


_KEY_BODY = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789", min_size=24, max_size=40)
_SURROUNDING = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)


@settings(max_examples=200, deadline=None)
@given(body=_KEY_BODY, before=_SURROUNDING, after=_SURROUNDING)
def test_no_real_looking_key_survives_in_any_surrounding_text(body: str, before: str, after: str) -> None:
    assume(body[:-4] not in before + after)  # otherwise the "leak" would be the surrounding text itself
    out = redact(f"{before} sk-{body} {after}")
    assert body not in out
    assert body[:-4] not in out  # at most the four-character hint remains
