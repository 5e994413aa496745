"""ui layer (see ARCHITECTURE.md §2)."""
