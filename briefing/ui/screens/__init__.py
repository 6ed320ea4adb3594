"""Screens of the reader: they route messages and call core and storage."""
