"""cleaner: strip boilerplate from scraped web pages and keep the article."""
from __future__ import annotations

from .api import clean, clean_document
from .config import Config, HtmlFocus
from .document import Block, Document, Format, Quality, Role, Verdict
from .errors import CleanerError, InputError
from .rules import Rule

__version__ = "0.1.0"

__all__ = [
    "Block", "CleanerError", "Config", "Document", "Format", "HtmlFocus", "InputError",
    "Quality", "Role", "Rule", "Verdict", "__version__", "clean", "clean_document",
]
