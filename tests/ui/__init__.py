"""Tests of the reader's UI (a package: its module names cannot clash with other folders')."""
