"""End-to-end fixtures: the private PulseAudio (shared with tests/media) for ``live --input mic``."""

from __future__ import annotations

from tests.fakes.pulse import pulse  # noqa: F401 - the shared session fixture
