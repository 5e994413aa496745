"""Pure domain: catalogs, glossary, captions, PCM helpers, cost. No I/O beyond reading packaged data."""
