"""emulator layer (see ARCHITECTURE.md §2)."""
