"""The plain-text format: golden fixtures, the seed and properties."""
