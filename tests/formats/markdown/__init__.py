"""The Markdown format: golden fixtures, the seed and properties."""
