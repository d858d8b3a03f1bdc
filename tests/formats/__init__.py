"""Tests of the formats: one package a format, its fixtures beside it."""
