"""media layer (see ARCHITECTURE.md §2)."""
