"""Getting LanguageTool onto the machine, without the user doing anything.

Order of attempts (``$NOTECHECK_LT_SOURCE``: ``auto`` (default), ``download``
or ``maven``):

1. language-tool-python's normal download of the LanguageTool ZIP;
2. assembling LanguageTool from Maven Central with ``mvn`` and the pom shipped
   in this package (server + English; reuses ``~/.m2``).

Each installation is ``lt_home()/LanguageTool-<version>/`` with ``libs/*.jar``
(plus ``languagetool-server.jar`` for the ZIP); a finished one carries
``notecheck-install.json``. Run ``python -m notecheck.grammar.provision`` to
install from the command line (CI does).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from . import paths
from .java import java_major, require_java
from .model import GrammarUnavailable, ProgressCallback, report

VERSIONS = ("6.8", "6.7")
MARKER = "notecheck-install.json"
SOURCE_ENV = "NOTECHECK_LT_SOURCE"
VERSION_ENV = "NOTECHECK_LT_VERSION"
MVN_HINT = "install Maven (e.g. `apt-get install maven`) or pass --lt-url"
_TRANSFER = re.compile(r"Download(?:ing|ed) from [^:]+: (\S+)")


def _version_key(path: Path) -> tuple[int, ...]:
    numbers = re.findall(r"\d+", path.name.removeprefix("LanguageTool-"))
    return tuple(int(n) for n in numbers)


def installed_dir() -> Path | None:
    """The newest finished LanguageTool installation, if any."""
    home = paths.lt_home()
    if not home.is_dir():
        return None
    found = [d for d in home.glob("LanguageTool-*") if d.is_dir() and (d / MARKER).is_file()]
    return max(found, key=_version_key) if found else None


def installed_version(install_dir: Path) -> str:
    try:
        return str(json.loads((install_dir / MARKER).read_text())["version"])
    except (OSError, ValueError, KeyError):
        return install_dir.name.removeprefix("LanguageTool-")


def ensure_installed(progress: ProgressCallback | None = None) -> Path:
    """The installation to run, after checking that no other user could have changed its jars."""
    paths.install_home()
    found = installed_dir() or install_languagetool(progress)
    paths.check_installation(found)
    return found


def install_languagetool(progress: ProgressCallback | None = None, *,
                         force: bool = False) -> Path:
    """Install LanguageTool into ``lt_home()`` (unless present) and return its folder."""
    java = require_java()
    with paths.file_lock(paths.install_lock_file()):
        existing = installed_dir()
        if existing is not None and not force:
            report(progress, f"LanguageTool {installed_version(existing)} is installed", 1, 1)
            return existing
        source = os.environ.get(SOURCE_ENV, "auto").strip().lower()
        versions = (os.environ[VERSION_ENV],) if os.environ.get(VERSION_ENV) else VERSIONS
        reasons: list[str] = []
        if source in ("auto", "download"):
            try:
                return _via_download(versions[0], progress)
            except GrammarUnavailable as exc:
                reasons.append(str(exc))
        if source in ("auto", "maven"):
            for version in versions:
                try:
                    return _via_maven(version, java, progress)
                except GrammarUnavailable as exc:
                    reasons.append(str(exc))
        if not reasons:
            raise GrammarUnavailable(f"unknown {SOURCE_ENV}={source!r} (auto, download, maven)")
        raise GrammarUnavailable(f"could not install LanguageTool: {reasons[-1]}")


def _finish(staging: Path, version: str, method: str) -> Path:
    (staging / MARKER).write_text(json.dumps(
        {"version": version, "method": method, "installed_at": time.time()}, indent=2))
    target = paths.lt_home() / f"LanguageTool-{version}"
    if target.exists():
        shutil.rmtree(target)
    os.replace(staging, target)
    return target


def _via_download(version: str, progress: ProgressCallback | None) -> Path:
    """language-tool-python's own download of the release ZIP."""
    report(progress, f"Downloading LanguageTool {version}", None, None)
    home = paths.install_home()
    saved = os.environ.get("LTP_PATH")
    os.environ["LTP_PATH"] = str(home)
    try:
        from language_tool_python.download_lt import ReleaseLocalLanguageTool
        ReleaseLocalLanguageTool(version).download()
    except Exception as exc:  # noqa: BLE001 - any failure means: try Maven
        raise GrammarUnavailable(f"download failed ({type(exc).__name__})") from None
    finally:
        if saved is None:
            os.environ.pop("LTP_PATH", None)
        else:
            os.environ["LTP_PATH"] = saved
    folder = home / f"LanguageTool-{version}"
    if not (folder / "languagetool-server.jar").is_file():
        raise GrammarUnavailable("download produced no languagetool-server.jar")
    (folder / MARKER).write_text(json.dumps(
        {"version": version, "method": "download", "installed_at": time.time()}, indent=2))
    return folder


def _via_maven(version: str, java: str, progress: ProgressCallback | None) -> Path:
    """``mvn package`` on the bundled pom copies every runtime jar into libs/."""
    mvn = shutil.which("mvn")
    if mvn is None:
        raise GrammarUnavailable(f"Maven was not found: {MVN_HINT}")
    home = paths.install_home()
    work = Path(tempfile.mkdtemp(prefix=f".build-{version}-", dir=home))
    try:
        pom = work / "pom.xml"
        shutil.copyfile(paths.bundled_pom(), pom)
        staging = work / f"LanguageTool-{version}"
        cmd = [mvn, "-B", "-f", str(pom), f"-Dlt.version={version}",
               f"-Dlt.libs={staging / 'libs'}", "package"]
        env = dict(os.environ, JAVA_HOME=str(Path(java).resolve().parents[1]))
        report(progress, f"Assembling LanguageTool {version} from Maven Central", 0, None)
        _run_maven(cmd, work, env, progress)
        _check_bytecode(staging / "libs", version, java)
        report(progress, f"LanguageTool {version} assembled", 1, 1)
        return _finish(staging, version, "maven")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _run_maven(cmd: list[str], cwd: Path, env: dict[str, str],
               progress: ProgressCallback | None) -> None:
    lines: list[str] = []
    fetched = 0
    with subprocess.Popen(cmd, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True, errors="replace") as proc:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.append(line.rstrip())
            del lines[:-200]
            found = _TRANSFER.search(line)
            if found and "Downloaded from" in line:
                fetched += 1
                name = found.group(1).rsplit("/", 1)[-1]
                report(progress, f"Maven: {name}", fetched, None)
        code = proc.wait()
    if code != 0:
        errors = [ln for ln in lines if ln.startswith("[ERROR]") and len(ln) > 8]
        detail = errors[0][8:200] if errors else f"mvn exited with {code}"
        raise GrammarUnavailable(f"Maven could not assemble LanguageTool: {detail}")


def _check_bytecode(libs: Path, version: str, java: str) -> None:
    """Refuse a release compiled for a newer Java than the one installed."""
    core = libs / f"languagetool-core-{version}.jar"
    major = java_major(java) or 0
    try:
        with zipfile.ZipFile(core) as jar, jar.open("org/languagetool/JLanguageTool.class") as cls:
            header = cls.read(8)
    except (OSError, KeyError, zipfile.BadZipFile):
        raise GrammarUnavailable(f"Maven produced no usable {core.name}") from None
    needed = int.from_bytes(header[6:8], "big") - 44
    if needed > major:
        raise GrammarUnavailable(f"LanguageTool {version} needs Java {needed}, found {major}")


def main(argv: list[str] | None = None) -> int:
    """``python -m notecheck.grammar.provision [--force]``: install, printing progress."""
    args = sys.argv[1:] if argv is None else argv

    def show(description: str, completed: int | None, total: int | None) -> None:
        count = "" if completed is None else f" [{completed}{'' if total is None else '/' + str(total)}]"
        print(f"{description}{count}", flush=True)

    try:
        folder = install_languagetool(show, force="--force" in args)
    except GrammarUnavailable as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 3
    print(f"LanguageTool {installed_version(folder)} ready in {folder}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
