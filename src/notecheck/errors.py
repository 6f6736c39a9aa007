"""Every error notecheck raises on purpose, under one base class.

``str()`` of each is one line for the user. The library raises ``InputError`` for a draft (or a draft's
front matter) that cannot be checked, ``ConfigError`` for a configuration file or option that cannot be
used, ``PackError`` for a rule pack that does not validate, and ``UnsafePathError`` for a cache or
state directory that another local user could write to. All of them are ``NotecheckError``.
"""

from __future__ import annotations


class NotecheckError(Exception):
    """Base of every error notecheck raises on purpose; ``str()`` is one line for the user."""


class InputError(NotecheckError):
    """A draft or an option that cannot be used; ``str()`` is one line for the user."""


class RegistryError(NotecheckError):
    """A kind, pack or rule selection that cannot be loaded; ``str()`` is one line for the user."""


class ConfigError(RegistryError):
    """A config file or option that cannot be used; ``str()`` is one line naming the file and key."""


class GrammarUnavailable(NotecheckError):
    """Grammar checking cannot run; ``str(exc)`` is a one-line reason."""

    def __init__(self, reason: str) -> None:
        super().__init__(" ".join(reason.split()))

    @property
    def reason(self) -> str:
        return str(self)


class UnsafePathError(NotecheckError):
    """A directory or file notecheck must trust that another local user could change."""
