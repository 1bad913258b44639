"""Exceptions the library raises for input it cannot use."""
from __future__ import annotations


class CleanerError(Exception):
    """Base class of the cleaner's own errors."""


class InputError(CleanerError, ValueError):
    """The input is not text the cleaner can read (binary data, unknown encoding)."""
