"""The bundle's Qt selection against what the app imports: a Qt module the app starts to use cannot be stripped from
the bundle silently, and a module a new PySide6 adds must be sorted into kept or excluded on purpose."""

from __future__ import annotations

import ast
import re
from pathlib import Path
from types import ModuleType

import PySide6

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "interpreter"
#: A Qt module named in a string (``importlib.import_module("PySide6.QtNetwork")``, qasync-style probing).
_QT_IN_STRING = re.compile(r"\bPySide6\.(Qt\w+)")


def _sources() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def qt_modules_used() -> dict[str, set[str]]:
    """PySide6 module name -> files (relative) that import it or name it in a string, over ``interpreter/``."""
    used: dict[str, set[str]] = {}
    for path in _sources():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        names: set[str] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names |= {alias.name.split(".")[1] for alias in node.names if alias.name.startswith("PySide6.")}
            elif isinstance(node, ast.ImportFrom) and node.module:
                if node.module.startswith("PySide6."):
                    names.add(node.module.split(".")[1])
                elif node.module == "PySide6":
                    names |= {alias.name for alias in node.names if alias.name.startswith("Qt")}
            elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                names |= set(_QT_IN_STRING.findall(node.value))
        for name in names:
            used.setdefault(name, set()).add(str(path.relative_to(ROOT)))
    return used


def top_level_imports() -> dict[str, set[str]]:
    """Top-level module name -> files importing it, over ``interpreter/``."""
    found: dict[str, set[str]] = {}
    for path in _sources():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            modules: list[str] = []
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                modules = [node.module]
            for module in modules:
                found.setdefault(module.split(".")[0], set()).add(str(path.relative_to(ROOT)))
    return found


def installed_qt_modules() -> set[str]:
    """Qt modules of the installed PySide6 (binary modules and their stubs, which also name Windows/macOS-only
    ones such as QtAxContainer)."""
    folder = Path(PySide6.__file__).parent
    names = {p.name.split(".")[0] for p in folder.glob("Qt*.*") if p.suffix in (".so", ".pyd", ".pyi")}
    names |= {p.name for p in folder.glob("Qt*") if p.is_dir() and (p / "__init__.py").exists()}
    return names


def test_the_scan_sees_the_modules_the_app_is_known_to_use() -> None:
    # Guards the scanner itself: if it found nothing, every other check here would pass vacuously.
    used = qt_modules_used()
    assert {"QtCore", "QtGui", "QtWidgets"} <= used.keys()
    assert "interpreter/ui/main_window.py" in used["QtWidgets"]


def test_every_qt_module_the_app_uses_is_kept(bundle_config: ModuleType) -> None:
    used = qt_modules_used()
    missing = {name: sorted(files) for name, files in used.items() if name not in bundle_config.KEPT_QT_MODULES}
    assert not missing, (
        f"The app uses Qt modules the bundle would strip: {missing}. Move them from EXCLUDED_QT_MODULES to "
        "KEPT_QT_MODULES in packaging/bundle_config.py (and keep their plugins in KEPT_QT_PLUGINS)."
    )
    excluded_but_used = used.keys() & set(bundle_config.EXCLUDED_QT_MODULES)
    assert not excluded_but_used


def test_kept_and_excluded_are_disjoint_and_cover_pyside6(bundle_config: ModuleType) -> None:
    kept, excluded = set(bundle_config.KEPT_QT_MODULES), set(bundle_config.EXCLUDED_QT_MODULES)
    assert not kept & excluded
    unsorted = installed_qt_modules() - kept - excluded
    assert not unsorted, f"PySide6 has Qt modules neither kept nor excluded in packaging/bundle_config.py: {unsorted}"


def test_no_module_the_app_imports_is_excluded_from_the_bundle(bundle_config: ModuleType) -> None:
    imported = top_level_imports()
    clash = {name: sorted(imported[name]) for name in bundle_config.EXCLUDED_PYTHON_MODULES if name in imported}
    assert not clash, f"packaging/bundle_config.py excludes modules the app imports: {clash}"


def test_plugin_rules_keep_the_platforms_and_drop_the_rest(bundle_config: ModuleType) -> None:
    kept = bundle_config.plugin_kept
    for plugin_type, file_name in [
        ("platforms", "libqxcb.so"),
        ("platforms", "libqwayland.so"),
        ("platforms", "libqoffscreen.so"),
        ("platforms", "qwindows.dll"),
        ("platforms", "libqcocoa.dylib"),
        ("imageformats", "libqjpeg.so"),
        ("iconengines", "libqsvgicon.so"),
        ("tls", "libqopensslbackend.so"),
        ("platforminputcontexts", "libibusplatforminputcontextplugin.so"),
    ]:
        assert kept(plugin_type, file_name), (plugin_type, file_name)
    for plugin_type, file_name in [
        ("platforms", "libqvnc.so"),
        ("platforms", "libqeglfs.so"),
        ("platformthemes", "libqgtk3.so"),  # would copy the build machine's GTK 3 into the bundle
        ("platforminputcontexts", "libqtvirtualkeyboardplugin.so"),  # pulls in QML and Quick
        ("imageformats", "libqpdf.so"),
        ("sqldrivers", "libqsqlite.so"),
        ("qmltooling", "libqmldbg_tcp.so"),
    ]:
        assert not kept(plugin_type, file_name), (plugin_type, file_name)


def test_plugin_paths_and_library_names_are_recognised(bundle_config: ModuleType) -> None:
    assert bundle_config.qt_plugin_of("PySide6/Qt/plugins/platforms/libqxcb.so") == ("platforms", "libqxcb.so")
    assert bundle_config.qt_plugin_of("PySide6/Qt/lib/libQt6Core.so.6") is None
    assert bundle_config.is_forbidden_qt_library("libQt6Quick.so.6")
    assert bundle_config.is_forbidden_qt_library("Qt6QmlModels.dll")
    assert not bundle_config.is_forbidden_qt_library("libQt6Widgets.so.6")
    assert bundle_config.is_system_library("libasound.so.2")
    assert not bundle_config.is_system_library("libasound-c7818c60.so.2.0.0")  # the av wheel's own copy stays
