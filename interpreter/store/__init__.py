"""store layer (see ARCHITECTURE.md §2)."""
