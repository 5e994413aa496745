"""What goes into the bundle beyond PyInstaller's own analysis: the Qt selection and the libraries left to the system.

Read by ``live-interpreter.spec`` (at build time) and by ``tests/packaging`` (which check these lists against what
the app imports and against a built bundle). Plain data and pure functions only: no PyInstaller import here.

Why a selection at all: PySide6-Essentials ships 20-odd Qt modules and 70-odd plugins (QML, Quick, the virtual
keyboard, SQL drivers, print support, GTK theme ...). Collected blindly they would add about 100 MB and drag system
libraries (GTK 3 through the ``gtk3`` platform theme) into the bundle.
"""

from __future__ import annotations

import fnmatch
import re
from pathlib import PurePath

#: The PySide6 modules the app imports (``from PySide6.QtX import ...``). ``tests/packaging`` scans ``interpreter/``
#: and fails when a module imported there is missing here or listed in :data:`EXCLUDED_QT_MODULES`.
KEPT_QT_MODULES = ("QtCore", "QtGui", "QtWidgets")

#: Every other PySide6 module: passed to PyInstaller as ``excludes`` so no library pulls one in by accident (qasync,
#: for one, probes bindings by name). A module a new PySide6 release adds must be sorted into one of the two lists:
#: the test fails until it is. Libraries that kept plugins link (QtSvg for the SVG icon engine, QtDBus for xcb and
#: the input methods, QtWaylandClient, QtXcbQpa, QtOpenGL) are still collected as shared libraries; excluding
#: their Python modules only leaves out the bindings nobody imports.
EXCLUDED_QT_MODULES = (
    "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender",
    "QtAsyncio", "QtAxContainer", "QtBluetooth", "QtCanvasPainter", "QtCharts", "QtConcurrent", "QtDBus",
    "QtDataVisualization", "QtDesigner", "QtGraphs", "QtGraphsWidgets", "QtHelp", "QtHttpServer", "QtLocation",
    "QtMultimedia", "QtMultimediaWidgets", "QtNetwork", "QtNetworkAuth", "QtNfc", "QtOpenGL", "QtOpenGLWidgets",
    "QtPdf", "QtPdfWidgets", "QtPositioning", "QtPrintSupport", "QtQml", "QtQuick", "QtQuick3D",
    "QtQuickControls2", "QtQuickTest", "QtQuickWidgets", "QtRemoteObjects", "QtScxml", "QtSensors", "QtSerialBus",
    "QtSerialPort", "QtSpatialAudio", "QtSql", "QtStateMachine", "QtSvg", "QtSvgWidgets", "QtTest",
    "QtTextToSpeech", "QtUiTools", "QtWebChannel", "QtWebEngineCore", "QtWebEngineQuick", "QtWebEngineWidgets",
    "QtWebSockets", "QtWebView", "QtXml",
)  # fmt: skip

#: Shared libraries of excluded Qt modules that must not reach the bundle through a plugin's dependencies either
#: (the bundle test looks for them). QML/Quick would come with the virtual keyboard plugin, PDF with its image
#: format, Multimedia/WebEngine are not in PySide6-Essentials at all but would be in the full PySide6 wheel.
FORBIDDEN_QT_LIBRARIES = (
    "Qt6Qml*", "Qt6Quick*", "Qt6Pdf*", "Qt6Multimedia*", "Qt6WebEngine*", "Qt6Designer*", "Qt6Sql*", "Qt6Test*",
    "Qt63D*", "Qt6Charts*", "Qt6Lottie*", "Qt6VirtualKeyboard*", "Qt6Help*", "Qt6PrintSupport*",
)  # fmt: skip

#: Qt plugins collected, by plugin folder; names are matched without the ``lib`` prefix and the file extension so
#: one list serves Linux (``libqxcb.so``), Windows (``qwindows.dll``) and macOS (``libqcocoa.dylib``). Every other
#: plugin is left out. Why each is kept:
KEPT_QT_PLUGINS: dict[str, tuple[str, ...]] = {
    # Windows on X11, Wayland, Windows and macOS; offscreen for --self-test and headless CI.
    "platforms": ("qxcb", "qwayland*", "qoffscreen", "qwindows", "qcocoa"),
    # GL on X11 (QWidget's raster paint needs none, but Qt probes them and warns without).
    "xcbglintegrations": ("qxcb-*-integration",),
    # Wayland: the standard desktop shell protocol, window decorations drawn by the client (GNOME has no server
    # decorations), and EGL for GL surfaces.
    "wayland-shell-integration": ("xdg-shell",),
    "wayland-decoration-client": ("bradient", "adwaita"),
    "wayland-graphics-integration-client": ("qt-plugin-wayland-egl",),
    # Typing: the compose key (accented letters) and IBus (Chinese, Japanese input methods in the glossary editor).
    "platforminputcontexts": ("composeplatforminputcontextplugin", "ibusplatforminputcontextplugin"),
    # Native file dialogs through the desktop portal (GNOME, KDE, Flatpak); it only needs D-Bus. Not ``gtk3``: it
    # links the system's GTK 3, which PyInstaller would copy from the build machine.
    "platformthemes": ("qxdgdesktopportal",),
    # The SVG app icon at every size.
    "iconengines": ("qsvgicon",),
    # Images the Images/OCR tabs and thumbnails show (PNG and BMP are built into QtGui). Not ``qpdf``: it needs
    # QtPdf.
    "imageformats": ("qgif", "qico", "qjpeg", "qsvg", "qtiff", "qwebp", "qwbmp", "qtga", "qicns"),
    # Native widget styles on Windows and macOS (Linux uses Fusion, built in).
    "styles": ("*",),
    # TLS backends for QtNetwork; only collected if QtNetwork is ever kept (today HTTPS goes through httpx).
    "tls": ("*",),
}

#: System libraries that stay the target machine's own, even when the build machine has them: their plugins or
#: configuration live at paths compiled into them (ALSA's PCM plugins such as PulseAudio/PipeWire, fontconfig's
#: configuration schema), so a copy from the build machine would mismatch a newer or differently laid-out system.
#: Every desktop Linux has them.
SYSTEM_LIBRARIES = ("libasound.so*", "libfontconfig.so*")


def _plugin_stem(file_name: str) -> str:
    name = file_name.split(".", 1)[0]
    return name.removeprefix("lib")


def plugin_kept(plugin_type: str, file_name: str) -> bool:
    """Whether the Qt plugin ``plugins/<plugin_type>/<file_name>`` belongs in the bundle."""
    patterns = KEPT_QT_PLUGINS.get(plugin_type, ())
    return any(fnmatch.fnmatchcase(_plugin_stem(file_name), pattern) for pattern in patterns)


def qt_plugin_of(dest_path: str) -> tuple[str, str] | None:
    """``(plugin_type, file_name)`` when ``dest_path`` (a path inside the bundle) is a Qt plugin, else None."""
    parts = PurePath(dest_path).parts
    for index in range(len(parts) - 2):
        if parts[index] == "plugins" and index > 0 and parts[index - 1] == "Qt":
            return parts[index + 1], parts[-1]
    return None


def is_system_library(file_name: str) -> bool:
    """Whether ``file_name`` is one of :data:`SYSTEM_LIBRARIES` (left out of the bundle)."""
    return any(fnmatch.fnmatchcase(file_name, pattern) for pattern in SYSTEM_LIBRARIES)


def is_forbidden_qt_library(file_name: str) -> bool:
    """Whether ``file_name`` (``libQt6Quick.so.6``, ``Qt6Quick.dll`` ...) is a library of an excluded Qt module."""
    stem = file_name.removeprefix("lib")
    return any(fnmatch.fnmatchcase(stem, pattern) for pattern in FORBIDDEN_QT_LIBRARIES)


#: Top-level modules never wanted in the bundle: test tools, other Qt bindings qasync probes for, GUI toolkits
#: some libraries import optionally. ``tests/packaging`` checks that ``interpreter/`` imports none of them.
EXCLUDED_PYTHON_MODULES = (
    "tkinter", "_tkinter", "turtle", "turtledemo", "idlelib", "lib2to3", "pydoc_data",
    "pytest", "_pytest", "pytestqt", "hypothesis", "IPython", "matplotlib",
    "PyQt5", "PyQt6", "PySide2", "shiboken2",
    # Test-only SDKs (tests/emulator prove the emulator against them); the app itself never imports them.
    "dashscope", "openai",
    # Optional imports of libraries the app uses, for features it does not use: yarl's pydantic support (which
    # would bring pydantic's mypy plugin and mypy), httpx's command line (rich, pygments, click), numpy's
    # configuration dump (yaml).
    "pydantic", "pydantic_core", "mypy", "rich", "pygments", "click", "yaml",
)  # fmt: skip


_REQUIREMENT_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")


def requirement_name(requirement: str) -> str:
    """The distribution name of a requirement string (``"av>=13"`` -> ``"av"``)."""
    match = _REQUIREMENT_NAME.match(requirement)
    if match is None:
        raise ValueError(f"not a requirement: {requirement!r}")
    return match.group(1)
