"""transport layer (see ARCHITECTURE.md §2)."""
