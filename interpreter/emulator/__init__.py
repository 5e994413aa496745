"""Local DashScope emulator: an independent server implementation of the LiveTranslate realtime WebSocket API and the
HTTP APIs (``/compatible-mode/v1/chat/completions`` for file translation; :mod:`interpreter.emulator.http`), with
fault injection, for tests and the offline demo (ARCHITECTURE.md §2). Shared state: :mod:`interpreter.emulator.context`.

Entry points: :class:`interpreter.emulator.server.EmulatorServer`,
:func:`interpreter.emulator.testing.running_emulator` and the ``live-interpreter emulator`` command
(:mod:`interpreter.emulator.cli`). It never imports the client packages (protocol, transport, ...), so a bug shared
by the client and the emulator cannot hide. Importing it starts nothing.
"""
