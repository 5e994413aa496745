"""One version, in one place (``interpreter.__version__``): the package metadata and ``--version`` show it."""

from __future__ import annotations

import importlib.metadata
import re

import pytest

from interpreter import __version__
from interpreter.cli import main


def test_version_is_a_release_number() -> None:
    assert re.fullmatch(r"\d+\.\d+\.\d+", __version__)


def test_package_metadata_reads_the_same_version() -> None:
    # pyproject.toml declares the version dynamic; hatch reads interpreter/__init__.py. A second literal anywhere
    # would drift: this fails once it does.
    installed = importlib.metadata.version("live-interpreter")
    assert installed == __version__, "the editable install predates a version change: pip install -e . again"


def test_version_flag_prints_it(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"live-interpreter {__version__}"
