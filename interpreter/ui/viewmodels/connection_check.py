"""The connection check's outcome in the UI language (``services.connection_check`` speaks English).

The service names its sentence by ``template`` and ``params``; here the template and the region names go through
Qt's translation (context "ConnectionCheck") and the parameters are filled in. An outcome without a template
carries the error's own sentence, shown as it is.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from interpreter.services.connection_check import HEADLINES, REGION_LABELS, SERVICE_WHERE, CheckOutcome
from interpreter.transport.endpoints import Region

_CONTEXT = "ConnectionCheck"


def region_label(region: Region | str) -> str:
    """How the UI names a region (a ``Region`` or its value), in the UI language."""
    return QCoreApplication.translate(_CONTEXT, REGION_LABELS[Region(region)])


def outcome_headline(outcome: CheckOutcome) -> str:
    """A few words for the status line ("Invalid key"), in the UI language."""
    return QCoreApplication.translate(_CONTEXT, HEADLINES[outcome.reason])


def outcome_text(outcome: CheckOutcome) -> str:
    """The outcome's sentence in the UI language."""
    if outcome.template is None:
        return outcome.message
    params: dict[str, str] = {}
    for name, value in outcome.params.items():
        params[name] = region_label(value) if isinstance(value, Region) else (value or "")
    if "where" in outcome.params and outcome.params["where"] is None:
        params["where"] = QCoreApplication.translate(_CONTEXT, SERVICE_WHERE).format(region=params["region"])
    return QCoreApplication.translate(_CONTEXT, outcome.template).format(**params)
