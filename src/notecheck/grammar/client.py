"""The hot path: LanguageTool's HTTP API, spoken directly.

One ``requests.Session`` per thread (keep-alive, no locking); responses are
parsed into ``GrammarMatch`` with offsets converted from Java UTF-16 code units
to Python code points.

Sessions and their connections come from ``transport`` (quick ACKs, the
per-request watchdog); answers are validated in ``response``.
"""

from __future__ import annotations

import ipaddress
import json
import threading
import time
import weakref
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from .deadline import Budget, cut_off
from .model import GrammarMatch, GrammarUnavailable
from .response import parse_matches, software_version, utf16_to_codepoint_map
from .transport import new_session

__all__ = ["LanguageToolClient", "check_params", "healthy", "is_loopback_host", "is_public_api", "leaves_machine",
           "new_session", "normalize_url", "parse_matches", "probe", "utf16_to_codepoint_map"]

if TYPE_CHECKING:  # requests is imported on first use, keeping `import notecheck` fast
    import requests

DEFAULT_LANGUAGE = "en-US"
PUBLIC_API_HOSTS = frozenset({"api.languagetool.org", "languagetool.org", "www.languagetool.org",
                              "api.languagetoolplus.com"})


def normalize_url(url: str) -> str:
    """``http://host:8081/v2/check`` or ``.../v2`` -> ``http://host:8081``."""
    cleaned = url.strip().rstrip("/")
    if "://" not in cleaned:
        cleaned = "http://" + cleaned
    try:
        parts = urlsplit(cleaned)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number from 0 to 65535
    except ValueError as exc:
        raise GrammarUnavailable(f"not a LanguageTool server URL: {url!r} ({exc})") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise GrammarUnavailable(f"not a LanguageTool server URL: {url!r}")
    path = parts.path
    for suffix in ("/v2/check", "/v2"):
        if path.endswith(suffix):
            path = path[: -len(suffix)]
            break
    return f"{parts.scheme}://{parts.netloc}{path}".rstrip("/")


def is_loopback_host(host: str) -> bool:
    name = host.strip("[]").lower()
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def leaves_machine(url: str) -> bool:
    """True when text sent to ``url`` leaves this machine."""
    host = urlsplit(normalize_url(url)).hostname or ""
    return not is_loopback_host(host)


def is_public_api(url: str) -> bool:
    host = (urlsplit(normalize_url(url)).hostname or "").lower()
    return host in PUBLIC_API_HOSTS


def check_params(text: str, language: str) -> dict[str, str]:
    """The exact form fields of every check (the warm-up uses this too).

    Plain ``en`` would switch LanguageTool's spelling check off, so it is sent
    as ``en-US``.
    """
    code = language.strip() or DEFAULT_LANGUAGE
    if code.lower() == "en":
        code = DEFAULT_LANGUAGE
    return {"text": text, "language": code}


class LanguageToolClient:
    """Thread-safe client of one LanguageTool HTTP server.

    ``timeout`` bounds each request in total (connecting, sending, every byte of the answer), and
    ``budget`` the whole run (see ``deadline.Budget``); an answer is read up to a size in proportion
    to the text, then validated (``response.parse_matches``).
    """

    def __init__(self, base_url: str, *, timeout: float = 30.0, budget: Budget | None = None) -> None:
        self.base_url = normalize_url(base_url)
        self.timeout = timeout
        self.budget = budget
        self._local = threading.local()
        self._sessions: weakref.WeakSet[requests.Session] = weakref.WeakSet()  # dies with its thread
        self._sessions_lock = threading.Lock()
        self.version: str | None = None

    def _session(self) -> requests.Session:
        session: requests.Session | None = getattr(self._local, "session", None)
        if session is None:
            session = new_session()
            self._local.session = session
            with self._sessions_lock:
                self._sessions.add(session)
        return session

    def check_json(self, text: str, language: str) -> Any:
        allowed = self.budget.admit() if self.budget is not None else self.timeout
        try:
            return self._post(text, language, min(self.timeout, allowed))
        finally:
            if self.budget is not None:
                self.budget.release()

    def _timed_out(self, limit: float) -> GrammarUnavailable:
        reason = f"timed out: LanguageTool at {self.base_url} gave no complete answer within {limit:g}s"
        if self.budget is not None:
            self.budget.trip(reason)  # the server is stuck: the notes after this one do not wait again
        return GrammarUnavailable(reason)

    def _post(self, text: str, language: str, limit: float) -> Any:
        import requests
        url = self.base_url + "/v2/check"
        params = check_params(text, language)
        deadline = time.monotonic() + limit
        for attempt in (1, 2):
            left = deadline - time.monotonic()
            if left <= 0:
                raise self._timed_out(limit)
            with cut_off(left) as holder:
                try:
                    response = self._session().post(url, data=params, timeout=(min(left, 10.0), left), stream=True)
                    try:
                        body = _read_body(response, 8 * 2**20 + 64 * len(text))
                    finally:
                        response.close()
                    break
                except requests.Timeout:
                    raise self._timed_out(limit) from None
                except requests.RequestException as exc:
                    if holder.fired:
                        raise self._timed_out(limit) from None
                    if attempt == 1 and isinstance(exc, requests.ConnectionError):
                        continue  # a kept-alive connection the server closed: retry once
                    raise GrammarUnavailable(f"LanguageTool at {self.base_url} is not reachable "
                                             f"({type(exc).__name__})") from None
        if response.status_code != 200:
            first = body.decode("utf-8", "replace").strip().splitlines()[:1]
            detail = first[0][:160] if first else ""
            raise GrammarUnavailable(
                f"LanguageTool at {self.base_url} answered HTTP {response.status_code}: {detail}")
        try:
            payload = json.loads(body)
        except (ValueError, RecursionError):  # RecursionError: arrays nested thousands deep
            raise GrammarUnavailable(f"bad response from LanguageTool at {self.base_url}: not JSON") from None
        version = software_version(payload) if isinstance(payload, dict) else None
        if version and self.version is None:
            self.version = version
        return payload

    def check(self, text: str, *, language: str) -> list[GrammarMatch]:
        return parse_matches(self.check_json(text, language), text, f"LanguageTool at {self.base_url}")

    def close(self) -> None:
        with self._sessions_lock:
            sessions, self._sessions = list(self._sessions), weakref.WeakSet()
        for session in sessions:
            session.close()


def _read_body(response: requests.Response, limit: int) -> bytes:
    """The whole body, or ``GrammarUnavailable`` once it grows past ``limit`` bytes."""
    chunks, size = [], 0
    for chunk in response.iter_content(65536):
        size += len(chunk)
        if size > limit:
            raise GrammarUnavailable(f"bad response from LanguageTool at {response.url}: more than "
                                     f"{limit // 2**20} MiB")
        chunks.append(chunk)
    return b"".join(chunks)


def probe(base_url: str, timeout: float = 2.0) -> bool:
    """True when ``base_url`` answers like a LanguageTool server."""
    import requests
    base = normalize_url(base_url)
    try:
        with new_session() as session:
            health = session.get(base + "/v2/healthcheck", timeout=timeout)
            if health.status_code != 200 or health.text.strip() != "OK":
                return False
            languages = session.get(base + "/v2/languages", timeout=timeout)
            data = languages.json() if languages.status_code == 200 else None
    except (requests.RequestException, ValueError):
        return False
    return isinstance(data, list) and any(
        isinstance(item, dict) and str(item.get("longCode", "")).startswith("en")
        for item in data)


def healthy(base_url: str, timeout: float = 2.0) -> bool:
    """Cheap liveness check: ``GET /v2/healthcheck`` answers ``OK``."""
    import requests
    try:
        with new_session() as session:
            response = session.get(normalize_url(base_url) + "/v2/healthcheck", timeout=timeout)
    except requests.RequestException:
        return False
    return response.status_code == 200 and response.text.strip() == "OK"
