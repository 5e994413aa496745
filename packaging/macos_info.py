"""The macOS app bundle's Info.plist entries, made from the app's one version.

macOS asks the user before an app may use the microphone or the camera, and shows these sentences in that prompt;
without them the system refuses access silently (the app would hear nothing). Screen capture needs no key: the
system asks on first use (Screen Recording in Privacy & Security).
"""

from __future__ import annotations

BUNDLE_ID = "io.github.liveinterpreter.LiveInterpreter"


def info_plist(version: str) -> dict[str, object]:
    """Entries PyInstaller merges into ``Live Interpreter.app/Contents/Info.plist``."""
    return {
        "CFBundleName": "Live Interpreter",
        "CFBundleDisplayName": "Live Interpreter",
        "CFBundleIdentifier": BUNDLE_ID,
        "CFBundleShortVersionString": version,
        "CFBundleVersion": version,
        "LSMinimumSystemVersion": "12.0",  # PySide6 6.8+ wheels need macOS 12 (Monterey) or newer
        "NSHighResolutionCapable": True,
        "NSMicrophoneUsageDescription": (
            "Live Interpreter listens to the microphone to translate what is said while you speak."
        ),
        "NSCameraUsageDescription": (
            "Live Interpreter shows the camera picture to the translation service as visual context, when you "
            "choose the camera as a source."
        ),
        "CFBundleLocalizations": ["en", "zh_CN"],
        "LSApplicationCategoryType": "public.app-category.productivity",
    }
