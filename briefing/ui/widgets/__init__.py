"""Widgets of the reader: they render what they are given and post messages; no disk, no clock."""
