"""services layer (see ARCHITECTURE.md §2)."""
