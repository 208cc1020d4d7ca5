"""LanguageTool backend for pressqa's grammar kind.

The bottom layer: imports nothing from the rest of pressqa. Public pieces:
:func:`open_backend` / :class:`GrammarBackend` (what the grammar kind uses),
:class:`Paragraph`, :class:`Match`, :class:`CheckOptions`,
:class:`LanguageToolError`, and :class:`ServerManager` for ``pressqa server``.
"""

from .backend import (
    URL_ENV,
    BatchResult,
    GrammarBackend,
    GrammarOptions,
    OpenResult,
    Paragraph,
    default_cache_dir,
    open_backend,
)
from .client import CheckOptions, LanguageToolClient, LanguageToolError, Match, ServerInfo
from .server import ServerManager, ServerState

__all__ = [
    "URL_ENV",
    "BatchResult",
    "CheckOptions",
    "GrammarBackend",
    "GrammarOptions",
    "LanguageToolClient",
    "LanguageToolError",
    "Match",
    "OpenResult",
    "Paragraph",
    "ServerInfo",
    "ServerManager",
    "ServerState",
    "default_cache_dir",
    "open_backend",
]
