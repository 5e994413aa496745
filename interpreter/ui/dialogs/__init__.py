"""Dialogs (API key, welcome, voices, hotwords) and their view-models.

Each dialog takes its view-model in its constructor; each has a small factory that builds both from the app's
objects and shows the dialog, for the main window's menus:

- :func:`open_api_key_dialog` (``interpreter.ui.dialogs.api_key``)
- :func:`ask_welcome` (``interpreter.ui.dialogs.welcome``)
- :func:`open_voices_dialog` (``interpreter.ui.dialogs.voices``)
- :func:`open_hotwords_dialog` (``interpreter.ui.dialogs.hotwords``)

Every user-visible text is marked for translation (``tr()``; module-level tables with ``QT_TRANSLATE_NOOP``);
``localization`` gives language names, their order and sentence joining in the UI language.

Import the submodules directly; this package imports nothing so that importing it stays free.
"""
