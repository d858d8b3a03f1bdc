"""The JSON format: round trips, the schema and errors."""
