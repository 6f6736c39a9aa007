"""Services the engine offers every kind: looked up in ``RunEnv.services``, shared by all rules of a run.

A service is offered under its class (``env.services[GrammarService]``) or under a name (``"batch"``).
A kind asks ``find_service(env.services, GrammarService)`` and gets the run's proofreading engine, typed, or
``None`` when the run has none; a third-party kind can ask for the same service, or for one its own
package offers. Nothing here is specific to any kind.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

T = TypeVar("T")


def find_service(services: Mapping[Any, Any], key: type[T]) -> T | None:
    """The service offered under ``key`` (its class), or None."""
    value = services.get(key)
    return value if isinstance(value, key) else None
