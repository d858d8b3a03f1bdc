"""The shared reading rules that every reader of human-written text calls."""
