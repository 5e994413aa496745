"""The Windows executable's version resource (Explorer → Properties → Details), made from the app's one version.

PyInstaller's ``EXE(version=...)`` takes a file in the format ``pyi-grab_version`` writes (a ``VSVersionInfo(...)``
expression); :func:`version_file_text` makes it, so nothing here needs Windows (or ``pefile``) to be generated or
tested. The spec writes it into its work folder on Windows builds.
"""

from __future__ import annotations

COMPANY = "Live Interpreter contributors"
PRODUCT = "Live Interpreter"
DESCRIPTION = "Live speech interpretation (Alibaba Cloud Model Studio)"
EXECUTABLE = "live-interpreter.exe"


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """``"1.2.3"`` -> ``(1, 2, 3, 0)``: Windows versions are four 16-bit numbers.

    Raises:
        ValueError: ``version`` is not up to four dot-separated numbers.
    """
    parts = [int(part) for part in version.split(".")]
    if not 1 <= len(parts) <= 4 or any(not 0 <= part <= 0xFFFF for part in parts):
        raise ValueError(f"not a Windows file version: {version!r}")
    padded = [*parts, 0, 0, 0][:4]
    return padded[0], padded[1], padded[2], padded[3]


def version_file_text(version: str) -> str:
    """The version resource for ``version``, as PyInstaller's ``version=`` file."""
    numbers = version_tuple(version)
    strings = {
        "CompanyName": COMPANY,
        "FileDescription": DESCRIPTION,
        "FileVersion": version,
        "InternalName": "live-interpreter",
        "LegalCopyright": "Apache-2.0",
        "OriginalFilename": EXECUTABLE,
        "ProductName": PRODUCT,
        "ProductVersion": version,
    }
    entries = ",\n".join(f"          StringStruct({key!r}, {value!r})" for key, value in strings.items())
    # 0x0409 / 1200: US English, Unicode (the language of the strings above).
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={numbers},
    prodvers={numbers},
    mask=0x3f,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0)
  ),
  kids=[
    StringFileInfo([
      StringTable(
        '040904B0',
        [
{entries}
        ])
    ]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""
