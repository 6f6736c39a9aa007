"""The hot path: LanguageTool's HTTP API, spoken directly.

One ``requests.Session`` per thread (keep-alive, no locking); responses are
parsed into ``GrammarMatch`` with offsets converted from Java UTF-16 code units
to Python code points.

Latency: LanguageTool's server (the JDK's HttpServer, Nagle on) writes a
response's headers and body in two segments and holds the body until the
headers are acknowledged, while Linux delays that ACK by ~40 ms. Every request
would wait 40 ms for nothing; ``new_session`` re-arms ``TCP_QUICKACK`` on the
socket after each request is sent so the ACK goes out at once.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import weakref
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from .model import GrammarMatch, GrammarUnavailable

if TYPE_CHECKING:  # requests is imported on first use, keeping `import notecheck` fast
    import requests

MAX_REPLACEMENTS = 5
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


def utf16_to_codepoint_map(text: str) -> list[int] | None:
    """Map UTF-16 offsets to str indices; ``None`` when they coincide."""
    if all(ord(ch) < 0x10000 for ch in text):
        return None
    table: list[int] = []
    for index, ch in enumerate(text):
        table.append(index)
        if ord(ch) >= 0x10000:
            table.append(index)  # low surrogate maps to the same character
    table.append(len(text))
    return table


def _convert(table: list[int] | None, offset: int, length: int) -> tuple[int, int]:
    if table is None:
        return offset, length
    last = len(table) - 1
    begin_u16 = min(max(offset, 0), last)
    end_u16 = min(max(offset + length, begin_u16), last)
    start, end = table[begin_u16], table[end_u16]
    if 0 < end_u16 < last and table[end_u16] == table[end_u16 - 1]:
        end += 1  # the span ended inside a surrogate pair: keep the whole character
    return start, end - start


def parse_matches(payload: Mapping[str, Any], text: str) -> list[GrammarMatch]:
    """Turn a ``/v2/check`` JSON response into matches on ``text``."""
    raw = payload.get("matches")
    if not isinstance(raw, Sequence):
        raise GrammarUnavailable("LanguageTool answered without a list of matches")
    table = utf16_to_codepoint_map(text)
    result: list[GrammarMatch] = []
    for item in raw:
        rule = item.get("rule") or {}
        category = rule.get("category") or {}
        offset, length = _convert(table, int(item.get("offset", 0)), int(item.get("length", 0)))
        replacements = tuple(
            str(r.get("value", "")) for r in (item.get("replacements") or [])[:MAX_REPLACEMENTS]
        )
        result.append(GrammarMatch(
            rule_id=str(rule.get("id", "")),
            category_id=str(category.get("id", "")),
            issue_type=str(rule.get("issueType", "")),
            message=str(item.get("message", "")),
            short_message=str(item.get("shortMessage", "") or ""),
            replacements=replacements,
            offset=offset,
            length=length,
            rule_description=str(rule.get("description", "")),
        ))
    return result


_QUICKACK = getattr(socket, "TCP_QUICKACK", None)  # Linux only
_adapter_class: type | None = None


def _quick_ack_adapter() -> type:
    """An ``HTTPAdapter`` whose plain-HTTP connections ACK responses without delay."""
    global _adapter_class
    if _adapter_class is not None:
        return _adapter_class
    import requests.adapters
    import urllib3.connection
    import urllib3.connectionpool

    class QuickAckConnection(urllib3.connection.HTTPConnection):
        def getresponse(self):  # type: ignore[no-untyped-def]
            sock = self.sock
            if sock is not None and _QUICKACK is not None:
                try:  # one-shot in the kernel: re-armed for every response
                    sock.setsockopt(socket.IPPROTO_TCP, _QUICKACK, 1)
                except OSError:
                    pass
            return super().getresponse()

    class QuickAckPool(urllib3.connectionpool.HTTPConnectionPool):
        ConnectionCls = QuickAckConnection

    class QuickAckAdapter(requests.adapters.HTTPAdapter):
        def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
            super().init_poolmanager(*args, **kwargs)
            self.poolmanager.pool_classes_by_scheme = {
                **self.poolmanager.pool_classes_by_scheme, "http": QuickAckPool}

    _adapter_class = QuickAckAdapter
    return _adapter_class


def new_session() -> requests.Session:
    """A session for one thread: no proxies from the environment, quick ACKs on http://."""
    import requests
    session = requests.Session()
    session.trust_env = False  # never route loopback traffic through a proxy
    adapter = _quick_ack_adapter()(pool_connections=1, pool_maxsize=1)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session


class LanguageToolClient:
    """Thread-safe client of one LanguageTool HTTP server."""

    def __init__(self, base_url: str, *, timeout: float = 30.0) -> None:
        self.base_url = normalize_url(base_url)
        self.timeout = timeout
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

    def check_json(self, text: str, language: str) -> dict[str, Any]:
        import requests
        url = self.base_url + "/v2/check"
        params = check_params(text, language)
        for attempt in (1, 2):
            try:
                response = self._session().post(url, data=params, timeout=self.timeout)
                break
            except requests.Timeout:
                raise GrammarUnavailable(
                    f"LanguageTool at {self.base_url} timed out after {self.timeout:g}s") from None
            except requests.ConnectionError as exc:
                if attempt == 1:  # a kept-alive connection the server closed: retry once
                    continue
                raise GrammarUnavailable(f"LanguageTool at {self.base_url} is not reachable "
                                         f"({type(exc).__name__})") from None
            except requests.RequestException as exc:
                raise GrammarUnavailable(f"LanguageTool at {self.base_url} failed "
                                         f"({type(exc).__name__})") from None
        if response.status_code != 200:
            first = response.text.strip().splitlines()[:1]
            detail = first[0][:160] if first else ""
            raise GrammarUnavailable(
                f"LanguageTool at {self.base_url} answered HTTP {response.status_code}: {detail}")
        try:
            payload: dict[str, Any] = response.json()
        except ValueError:
            raise GrammarUnavailable(f"LanguageTool at {self.base_url} sent invalid JSON") from None
        version = (payload.get("software") or {}).get("version")
        if version and self.version is None:
            self.version = str(version)
        return payload

    def check(self, text: str, *, language: str) -> list[GrammarMatch]:
        return parse_matches(self.check_json(text, language), text)

    def close(self) -> None:
        with self._sessions_lock:
            sessions, self._sessions = list(self._sessions), weakref.WeakSet()
        for session in sessions:
            session.close()


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
