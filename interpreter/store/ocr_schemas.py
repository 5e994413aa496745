"""Saved key-information schemas (the OCR tab's schema editor): ``config_dir()/ocr_schemas.json``.

``{"schema_version": 1, "schemas": {"Invoice": {...result_schema...}, ...}}``, written atomically. Schemas are
validated by the caller (``core.ocr_tasks.validate_schema``) before they are saved; a damaged file is reported in
one sentence and treated as empty rather than taking the tab down.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from interpreter.errors import StorageError
from interpreter.store import texts
from interpreter.store.atomic import atomic_write_text
from interpreter.store.paths import config_dir

SCHEMAS_FILE = "ocr_schemas.json"
SCHEMA_VERSION = 1

_log = logging.getLogger(__name__)

#: Offered before the user saved any: the two documents people read most often.
EXAMPLE_SCHEMAS: dict[str, dict[str, Any]] = {
    "Invoice": {
        "Invoice number": "the invoice's number",
        "Date": "the invoice date, as YYYY-MM-DD",
        "Seller": {"Name": "the seller's name", "Tax number": "the seller's tax number"},
        "Total": "the total amount with its currency",
    },
    "Receipt": {"Shop": "the shop's name", "Date": "purchase date", "Total": "amount paid"},
}


class OcrSchemaStore:
    """Named schemas, loaded on demand and saved atomically.

    Args:
        path: the JSON file (default ``config_dir()/ocr_schemas.json``).
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or config_dir() / SCHEMAS_FILE

    def load(self) -> dict[str, dict[str, Any]]:
        """Every saved schema by name (the examples when none is saved yet)."""
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return dict(EXAMPLE_SCHEMAS)
        except (OSError, ValueError) as exc:
            _log.warning("saved OCR schemas unreadable (%s); starting from the examples", exc)
            return dict(EXAMPLE_SCHEMAS)
        schemas = raw.get("schemas") if isinstance(raw, dict) else None
        if not isinstance(schemas, dict):
            return dict(EXAMPLE_SCHEMAS)
        return {str(name): value for name, value in schemas.items() if isinstance(value, dict)}

    def save(self, name: str, schema: dict[str, Any]) -> None:
        """Save (or replace) ``name``.

        Raises:
            StorageError: the file cannot be written.
        """
        schemas = self.load()
        schemas[name] = schema
        self._write(schemas)

    def delete(self, name: str) -> None:
        schemas = self.load()
        if schemas.pop(name, None) is not None:
            self._write(schemas)

    def _write(self, schemas: dict[str, dict[str, Any]]) -> None:
        text = json.dumps({"schema_version": SCHEMA_VERSION, "schemas": schemas}, ensure_ascii=False, indent=2)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_text(self.path, text + "\n")
        except OSError as exc:
            raise StorageError(
                texts.OCR_SCHEMAS_SAVE_FAILED(path=str(self.path), reason=exc.strerror or str(exc))
            ) from exc
