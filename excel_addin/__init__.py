"""Excel functions through xlwings: filled in by its own issue."""
