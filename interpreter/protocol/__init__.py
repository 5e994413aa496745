"""protocol layer (see ARCHITECTURE.md §2)."""
