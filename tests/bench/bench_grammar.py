"""End-to-end grammar benchmark of the ``notecheck`` CLI (a script, not a test).

    .venv/bin/python tests/bench/bench_grammar.py [--runs 7] [--plain-runs 3] [--notes 200] [--proofread-only]
                                                  [--rounds 5] [--fresh-rounds 3] [--threads N]

Every figure and ratio below is measured side by side in this one run:

0. proofreading (``--proofread-only`` stops after it): the first check on a fresh cache with Java
   present, ``notecheck note.txt`` with ``grammar-engine = "auto"`` to a full report - target <= 1.5 s,
   Harper answering while LanguageTool starts in the background (then: how long until LanguageTool
   is ready, and that the next run gets it); one Harper check of a note in process - target <= 20 ms;
   and what each engine finds that the other does not over the fixture notes (rules NC501-NC506);
1. cold first run: no server in the (private) state directory, ``notecheck note.txt``
   starts the shared server, warms it up and checks the note (wall time);
2. warm single note: ``notecheck note.txt --format json`` with the server warm, median of
   ``--runs`` processes - target < 1 s and >= 10x faster than a plain script doing
   ``language_tool_python.LanguageTool('en-US').check(text)`` on the same note text with the
   same LanguageTool 6.8 installation (median of ``--plain-runs`` processes);
3. ``--notes`` notes in one call: ``notecheck f1..fN --format json`` against bare HTTP POSTs
   of the same texts (the note bodies notecheck sends, with the same form fields) from a
   thread pool of the same concurrency as the CLI, to the same warm server - target <= 1.2x;
   the bare POSTs are also timed with LanguageTool's ``maxCheckThreads`` threads;
4. the server's resident memory (JVM RSS) after the runs, and its heap cap (``-Xmx``).

Isolation: the server state lives in a throw-away ``NOTECHECK_CACHE_DIR`` (other users'
shared server is never touched); the LanguageTool installation is the shared one
(``NOTECHECK_LT_HOME``, resolved before the override). Nothing is installed: without an
installed LanguageTool the script stops. The servers it started are stopped at the end and
the script checks that no JVM of this run is left (killing any, by pid, and saying so).

The plain script: language-tool-python 3.4.0 looks for
``$LTP_PATH/LanguageTool-6.8/languagetool-server.jar`` and runs
``java -cp <that jar> org.languagetool.server.HTTPServer -p <port>``. notecheck's Maven
install has only ``libs/*.jar``, so a manifest-only jar whose ``Class-Path`` lists those jars
(``file:`` URLs) is written into a temp ``LTP_PATH``; ``LTP_JAR_DIR_PATH`` turns the download
off, the ``LTP_DOWNLOAD_HOST_*`` variables point at a closed loopback port in case anything
still tried, and the script carries an audit hook refusing any non-loopback connection.
It runs with language-tool-python's own defaults (its 15 s start timeout, the JVM's default
heap, a new JVM per process, killed at exit).

Batches and LanguageTool's sentence cache: the server caches checked sentences
(``cacheSize`` in notecheck's server config), so the sides of a comparison never get the
same text twice. Notes are the fixtures with one inserted sentence that is unique across the
whole run; a priming pass (not timed) checks every fixture once, so for both sides the
fixture sentences are cached and the inserted sentence is new. The sides alternate which one
goes first, round by round; medians are reported.

Two "bare" clients: plain ``requests`` sessions (what any script would use), and the session
notecheck's client uses. The JDK HttpServer behind LanguageTool sends a response's headers and
body as two segments; with Nagle on it holds the body until the client ACKs the headers, which
Linux delays ~40 ms. notecheck starts its server with ``-Dsun.net.httpserver.nodelay=true`` (so
any client gets the answer at once), and its client also re-arms ``TCP_QUICKACK`` per response
for servers started elsewhere (notecheck/grammar/client.py); the second bare row uses that
session, to compare like with like at the socket level as well. "CLI minus its fixed
start-up" subtracts the median wall time of the same single note with ``--no-grammar``.

Fresh-server rounds (``--fresh-rounds``): the cached rounds above leave LanguageTool almost
nothing to do (one new sentence a note), the harshest case for the ratio. These rounds give
every side the same texts on a just-restarted server (notecheck's start + warm-up, then a JIT
warm-up batch of unrelated texts), so LanguageTool sees the fixture sentences for the first time,
as with drafts written by different people (each fixture still recurs ~5 times in a batch).
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psutil
import requests

from notecheck.grammar.client import check_params, new_session
from notecheck.grammar.paths import CACHE_ENV, LT_HOME_ENV, lt_home
from notecheck.inputs import parse_draft, read_path

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = sorted((ROOT / "fixtures" / "notes").glob("*.txt"))
SINGLE_NOTE = ROOT / "fixtures" / "notes" / "grammar-errors.txt"
LANGUAGE = "en-US"  # notecheck's default language, as sent by the grammar rules
LT_VERSION = "6.8"
CLOSED_PORT_URL = "http://127.0.0.1:9/"
SIDES = ("cli", "bare", "bare-lt", "bare-qa")  # the batch sides, each on its own text set
FRESH_SIDES = ("cli", "bare", "bare-qa")  # on a fresh server each, all on the same texts
JIT_NOTE = ("Dear Dr. Moreau, many thanks for showing me around the lab on Friday afternoon. "
            "The demo of the imaging pipeline was impressive, and I liked how openly the group "
            "talks about failed experiments. I would love to contribute my statistics background. "
            "With best wishes, Priya")  # discard port: a download attempt fails on loopback

PLAIN_SCRIPT = '''\
"""The plain way: language-tool-python starts its own LanguageTool and checks one text."""
import ipaddress
import sys


def _loopback_only(event, args):  # safety net: no traffic may leave the machine
    if event == "socket.connect" and isinstance(args[1], tuple):
        host = str(args[1][0]).split("%")[0]
        try:
            ok = ipaddress.ip_address(host).is_loopback
        except ValueError:
            ok = host == "localhost"
        if not ok:
            raise RuntimeError(f"refused non-loopback connection to {args[1]!r}")


sys.addaudithook(_loopback_only)

import language_tool_python  # noqa: E402

text = open(sys.argv[1], encoding="utf-8").read()
tool = language_tool_python.LanguageTool("en-US")
matches = tool.check(text)
tool.close()
print(len(matches))
'''

TEMPLATES = (
    "I especially enjoyed our conversation about {topic}{clause}.",
    "Our discussion of {topic}{clause} stayed with me on the way home.",
    "I appreciated hearing how your team approaches {topic}{clause}.",
    "It was helpful to learn more about {topic}{clause}.",
    "Talking through {topic}{clause} made me even more excited about the position.",
    "I have been thinking since then about what you said regarding {topic}{clause}.",
    "Thank you also for explaining {topic}{clause} in such detail.",
    "I found the part of our talk about {topic}{clause} especially useful.",
    "I left our meeting with a clearer picture of {topic}{clause}.",
    "Hearing your perspective on {topic}{clause} was a highlight of the day.",
)
TOPICS = (
    "the onboarding plan for new hires", "the quarterly planning process",
    "how you measure success in the first ninety days", "the move to a new scheduling system",
    "mentoring junior colleagues", "the customer feedback program", "the upcoming office move",
    "the training budget", "working across departments", "the hiring timeline",
    "the shift rotation", "the new reporting dashboard", "community outreach",
    "the annual budget review", "the pilot project planned for the spring",
    "safety procedures on site", "your weekly check-ins", "the way the team reviews its work",
    "the patient experience survey", "the client intake process",
    "professional development", "the recent product launch", "remote work arrangements",
    "the regional expansion", "the volunteer program", "the summer internship program",
    "the quality audit", "the new warehouse layout", "the research grant",
    "the holiday staffing plan", "the new mentoring scheme", "the vendor selection process",
    "the evening clinic hours", "the accessibility review", "the migration to the cloud",
    "the parent conference schedule",
)
CLAUSES = (
    "", " and how it could grow next year", " and the lessons from last year",
    " and where I could help", " and the timeline you described",
    " and the people behind it", " and what it means for the team",
    " and the results so far", " and the plans for next quarter",
    " and the goals for this year", " and the budget behind it",
    " and how the work is shared", " and the feedback from clients",
)


# --- helpers ------------------------------------------------------------------

def median(values: list[float]) -> float:
    return statistics.median(values)


def run_cli(args: list[str], env: dict[str, str], cwd: Path) -> tuple[float, dict | None, str]:
    """Wall time of one ``notecheck`` process; its JSON document (if --format json)."""
    if "--grammar-engine" not in args and "--no-grammar" not in args:
        args = [*args, "--grammar-engine", "languagetool"]  # these rows measure LanguageTool
    started = time.perf_counter()
    proc = subprocess.run([notecheck_exe(), *args], env=env, cwd=cwd, stdin=subprocess.DEVNULL,
                          capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if proc.returncode not in (0, 1):
        raise SystemExit(f"notecheck {' '.join(args[:3])}... exited {proc.returncode}: "
                         f"{proc.stderr.strip()[-400:]}")
    document = json.loads(proc.stdout) if "--format" in args else None
    if document is not None and "--no-grammar" not in args:
        for report in document["files"]:
            grammar = [r for r in report["rules"] if r["code"] == "NC501"]
            if report["incomplete"] or not grammar or grammar[0]["status"] == "skipped":
                raise SystemExit(f"{report['path']}: grammar did not run: "
                                 f"{grammar[0] if grammar else 'no NC501'}; {report['notices']}")
    return elapsed, document, proc.stdout


def notecheck_exe() -> str:
    local = Path(sys.executable).with_name("notecheck")
    return str(local) if local.is_file() else (shutil.which("notecheck") or "notecheck")


def sentences(count_sets: int, per_set: int) -> list[list[str]]:
    """Distinct inserted sentences: ``count_sets`` lists of ``per_set``, none repeated."""
    combos = list(itertools.product(TEMPLATES, TOPICS, CLAUSES))
    if count_sets * per_set > len(combos):
        raise SystemExit(f"at most {len(combos)} distinct notes: lower --notes or --rounds")
    random.Random(20260415).shuffle(combos)
    texts = [t.format(topic=topic, clause=clause) for t, topic, clause in combos]
    return [texts[i * per_set:(i + 1) * per_set] for i in range(count_sets)]


def vary(source: str, sentence: str) -> str:
    """The fixture with ``sentence`` after the first sentence that ends a line of the body."""
    start = parse_draft(source).note.start
    found = re.compile(r"[.!?](?=[ \t]*\r?\n)").search(source, start)
    if found is None:
        return source.rstrip() + " " + sentence + "\n"
    cut = found.end()
    return source[:cut] + " " + sentence + source[cut:]


def write_set(folder: Path, inserted: list[str]) -> list[Path]:
    folder.mkdir(parents=True)
    files = []
    for index, sentence in enumerate(inserted):
        fixture = FIXTURES[index % len(FIXTURES)]
        path = folder / f"{index:03d}-{fixture.name}"
        path.write_bytes(vary(fixture.read_bytes().decode("utf-8"), sentence).encode("utf-8"))
        files.append(path)
    return files


def sent_text(path: Path) -> str:
    """Exactly the text notecheck's grammar rules send: the note without its front matter."""
    return parse_draft(read_path(str(path)), path=str(path)).note.text


def bare_poster(url: str, quick_ack: bool = False) -> Callable[[str], object]:
    """A bare POST per text, one keep-alive Session per thread, notecheck's form fields.

    ``quick_ack``: the session notecheck's client uses (``TCP_QUICKACK`` re-armed per
    response), to compare like with like at the socket level too.
    """
    local = threading.local()

    def post(text: str) -> object:
        session = getattr(local, "session", None)
        if session is None:
            session = local.session = new_session() if quick_ack else requests.Session()
            session.trust_env = False
        response = session.post(url, data=check_params(text, LANGUAGE), timeout=120)
        response.raise_for_status()
        return response.json()

    return post


def bare_batch(url: str, texts: list[str], threads: int, quick_ack: bool = False) -> float:
    post = bare_poster(url, quick_ack)
    started = time.perf_counter()
    with ThreadPoolExecutor(threads) as pool:
        list(pool.map(post, texts))
    return time.perf_counter() - started


def jit_warm_texts(count: int) -> list[str]:
    """Texts sharing no sentence with the fixtures: they warm the JVM's JIT, not LT's cache."""
    return [f"{JIT_NOTE} P.S. Sorry for the delay number {i}, I were travelling. "
            f"Question {i}: how does {TOPICS[i % len(TOPICS)]} relate to {TOPICS[(7 * i + 3) % len(TOPICS)]}? "
            f"I am also curios about item {i} of {TOPICS[(3 * i + 1) % len(TOPICS)]}."
            for i in range(count)]


def cli_workers(count: int) -> int:
    """The concurrency of ``_run_all`` in notecheck/cli/check.py (keep in step with it)."""
    return min(8, count)  # grammar requests in flight (rules: 2 threads)


def max_check_threads(cache: Path) -> int | None:
    try:
        text = (cache / "lt-server.cfg").read_text(encoding="utf-8")
    except OSError:
        return None
    found = re.search(r"^maxCheckThreads=(\d+)", text, re.M)
    return int(found.group(1)) if found else None


def manifest_jar(target: Path, libs: list[Path]) -> None:
    """A jar holding only META-INF/MANIFEST.MF whose Class-Path lists ``libs``."""

    def header(line: str) -> bytes:  # manifest lines: at most 72 bytes, continuations start with a space
        raw = line.encode("utf-8")
        parts = [raw[:72]]
        raw = raw[72:]
        while raw:
            parts.append(b" " + raw[:71])
            raw = raw[71:]
        return b"\r\n".join(parts) + b"\r\n"

    manifest = (header("Manifest-Version: 1.0") + header("Created-By: notecheck bench_grammar")
                + header("Class-Path: " + " ".join(p.resolve().as_uri() for p in libs)) + b"\r\n")
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as jar:
        jar.writestr("META-INF/MANIFEST.MF", manifest)


def our_jvms(marker: str) -> list[psutil.Process]:
    found = []
    for proc in psutil.process_iter(["pid", "cmdline"]):
        cmdline = proc.info.get("cmdline") or []
        if cmdline and "java" in os.path.basename(cmdline[0]) and any(marker in a for a in cmdline):
            found.append(proc)
    return found


def watch(child: subprocess.Popen[str], marker: str,
          seen: dict[int, tuple[list[str], float]]) -> None:
    """Note the JVMs the plain script starts (once a second: a negligible load) until it ends."""

    def poll() -> None:
        while child.poll() is None:
            for proc in our_jvms(marker):
                try:
                    rss = proc.memory_info().rss / 2**20
                    cmd = proc.cmdline()
                except psutil.Error:
                    continue
                seen[proc.pid] = (cmd, max(rss, seen.get(proc.pid, (cmd, 0.0))[1]))
            time.sleep(1.0)

    threading.Thread(target=poll, daemon=True).start()


def kill_leftovers(marker: str) -> list[int]:
    leftovers = our_jvms(marker)
    for proc in leftovers:
        try:
            proc.kill()
            proc.wait(5)
        except psutil.Error:
            pass
    return [p.pid for p in leftovers]


# --- proofreading: the first check, Harper in process, what each engine finds ----------

def _with_cache(cache: Path) -> dict[str, str | None]:
    saved = {CACHE_ENV: os.environ.get(CACHE_ENV)}
    os.environ[CACHE_ENV] = str(cache)
    return saved


def _restore(saved: dict[str, str | None]) -> None:
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


def first_check_rows(work: Path, env: dict[str, str], rounds: int) -> list[tuple[str, str, str, str]]:
    """A fresh cache with Java present: ``notecheck note.txt`` (auto) to a full report, Harper answering
    while LanguageTool starts in the background; then how long until LanguageTool is ready, and that the
    next run gets it. Side by side with the same note under --no-grammar (the CLI's fixed start-up)."""
    import resource

    from notecheck.grammar import server_status, stop_server

    firsts, cpus, readies, plain, engines, nexts = [], [], [], [], set(), set()
    for r in range(rounds):
        cache = work / f"first-{r}"
        cache.mkdir(mode=0o700)
        run_env = dict(env, **{CACHE_ENV: str(cache)})
        saved = _with_cache(cache)
        try:
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            proc = subprocess.run([notecheck_exe(), str(SINGLE_NOTE), "--format", "json"], env=run_env, cwd=work,
                                  stdin=subprocess.DEVNULL, capture_output=True, text=True)
            firsts.append(time.perf_counter() - started)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
            report = json.loads(proc.stdout)["files"][0]
            engines.add(str(report["grammar_engine"]))
            if report["incomplete"]:
                raise SystemExit(f"first check incomplete: {report['notices']}")
            while not (server_status()["running"] and server_status()["status"] == "ready"):
                if time.perf_counter() - started > 180:
                    raise SystemExit("LanguageTool did not start in the background within 180 s")
                time.sleep(0.2)
            readies.append(time.perf_counter() - started)
            proc = subprocess.run([notecheck_exe(), str(SINGLE_NOTE), "--format", "json"], env=run_env, cwd=work,
                                  stdin=subprocess.DEVNULL, capture_output=True, text=True)
            nexts.add(str(json.loads(proc.stdout)["files"][0]["grammar_engine"]))
            plain.append(run_cli([str(SINGLE_NOTE), "--format", "json", "--no-grammar"], run_env, work)[0])
        finally:
            stop_server()
            _restore(saved)
    first = median(firsts)
    return [
        (f"first check, fresh cache, Java present (auto), median of {rounds}", f"{first:.2f} s",
         f"{first / median(plain):.2f}x --no-grammar", "<= 1.5 s " + ("OK" if first <= 1.5 else "MISSED")),
        (f"  its CPU time (user + system; the wall time waits for the CPU on a loaded machine), median of {rounds}",
         f"{median(cpus):.2f} s", "", "(reported)"),
        ("  engine of the first check / of the next run", f"{', '.join(sorted(engines))} / {', '.join(sorted(nexts))}",
         "", "Harper, then LanguageTool"),
        (f"  the same note --no-grammar (fixed start-up), median of {rounds}", f"{median(plain):.2f} s", "", ""),
        ("  LanguageTool ready in the background after", f"{median(readies):.1f} s", "", "(reported)"),
    ]


def harper_rows(checks: int) -> list[tuple[str, str, str, str]]:
    """Harper in process: building the linter once, then one note's check (engine call and full rules)."""
    from notecheck import Checker, Config
    from notecheck.grammar.harper import HarperBackend

    text = sent_text(SINGLE_NOTE)
    started = time.perf_counter()
    backend = HarperBackend()
    backend.warm("en-US")
    load = time.perf_counter() - started
    times = []
    for i in range(checks):
        variant = text + f"\nP.S. Note {i}."  # never the same text twice
        started = time.perf_counter()
        backend.check(variant, language="en-US")
        times.append(time.perf_counter() - started)
    draft_text = read_path(str(SINGLE_NOTE))
    with Checker(Config(select=("NC5",), grammar_engine="harper", language="en-US")) as checker:
        checker.check(draft_text)  # the linter's load, not timed
        kind_times = []
        for i in range(checks):
            started = time.perf_counter()
            checker.check(draft_text + f"\nP.S. Draft {i}.")
            kind_times.append(time.perf_counter() - started)
    one = median(times) * 1000
    return [
        ("Harper: import + build the en-US linter, once a process", f"{load * 1000:.0f} ms", "", "(reported)"),
        (f"Harper: one note checked in process, median of {checks}", f"{one:.1f} ms", "",
         "<= 20 ms " + ("OK" if one <= 20 else "MISSED")),
        (f"  the NC5xx rules on it through the grammar service, median of {checks}",
         f"{median(kind_times) * 1000:.1f} ms", "", "(reported)"),
    ]


def compare_engines(work: Path) -> tuple[list[tuple[str, str, str, str]], list[str]]:
    """What each engine finds that the other does not, over the fixture notes (NC501-NC506; a finding of
    one engine matches the other's when the rule is the same and the spans overlap)."""
    from notecheck import Checker, Config
    from notecheck.grammar import start_server, stop_server

    saved = _with_cache(work / "compare")
    (work / "compare").mkdir(mode=0o700)
    found: dict[str, dict[str, list[tuple[str, int, int, str]]]] = {}
    try:
        start_server(idle_minutes=30)
        for engine in ("languagetool", "harper"):
            with Checker(Config(select=("NC5",), grammar_engine=engine, language="en-US")) as checker:
                for path in FIXTURES:
                    report = checker.check_draft(parse_draft(read_path(str(path)), path=path.name))
                    found.setdefault(path.name, {})[engine] = [
                        (f.code, f.offset or 0, (f.offset or 0) + (f.length or 0), f.excerpt) for f in report.findings]
    finally:
        stop_server()
        _restore(saved)
    counts: dict[str, list[int]] = {}
    examples: dict[tuple[str, str], list[str]] = {}
    for sides in found.values():
        lt, harper = sides["languagetool"], sides["harper"]
        for mine, theirs, label in ((lt, harper, "lt"), (harper, lt, "harper")):
            for code, start, end, excerpt in mine:
                row = counts.setdefault(code, [0, 0, 0])
                matched = any(c == code and s < end and start < e for c, s, e, _ in theirs)
                if matched and label == "lt":
                    row[0] += 1
                elif not matched:
                    row[1 if label == "lt" else 2] += 1
                    examples.setdefault((code, label), []).append(excerpt)
    rows = [(f"{code}: found by both / LanguageTool only / Harper only ({len(FIXTURES)} fixture notes)",
             f"{both} / {lt_only} / {harper_only}", "", "(reported)")
            for code, (both, lt_only, harper_only) in sorted(counts.items())]
    notes = []
    for (code, label), words in sorted(examples.items()):
        common = sorted({w for w in words}, key=lambda w: (-words.count(w), w))[:8]
        notes.append(f"  {code} {'LanguageTool' if label == 'lt' else 'Harper'} only, e.g.: " + ", ".join(map(repr, common)))
    return rows, notes


# --- the benchmark ----------------------------------------------------------------

def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="warm single-note CLI runs (>= 7)")
    parser.add_argument("--plain-runs", type=int, default=3, help="plain-script runs (>= 3)")
    parser.add_argument("--notes", type=int, default=200, help="notes per batch")
    parser.add_argument("--rounds", type=int, default=5, help="batch rounds per side")
    parser.add_argument("--fresh-rounds", type=int, default=3,
                        help="batch rounds per side on a restarted server (0: skip)")
    parser.add_argument("--threads", type=int, default=None,
                        help="bare-POST concurrency (default: the CLI's)")
    parser.add_argument("--first-rounds", type=int, default=3, help="first checks on a fresh cache")
    parser.add_argument("--harper-checks", type=int, default=50, help="in-process Harper checks")
    parser.add_argument("--proofread-only", action="store_true",
                        help="only the first check, Harper in process and the engine comparison")
    args = parser.parse_args()

    home = lt_home()  # the shared installation, resolved before the state override
    install = home / f"LanguageTool-{LT_VERSION}"
    libs = sorted((install / "libs").glob("*.jar"))
    if not libs:
        raise SystemExit(f"LanguageTool {LT_VERSION} is not installed in {home} "
                         "(run `notecheck languagetool install` first)")
    work = Path(tempfile.mkdtemp(prefix="notecheck-bench-grammar-"))
    cache = work / "state"
    env = {k: v for k, v in os.environ.items()
           if k.lower() not in {"http_proxy", "https_proxy", "all_proxy", "no_proxy"}
           and k != "NOTECHECK_LT_URL"}
    env.update({CACHE_ENV: str(cache), LT_HOME_ENV: str(home), "NOTECHECK_LT_IDLE_MINUTES": "30",
                "NO_PROXY": "127.0.0.1,localhost,::1"})
    os.environ.update({CACHE_ENV: str(cache), LT_HOME_ENV: str(home)})  # for server_status/stop
    os.environ.pop("NOTECHECK_LT_URL", None)
    from notecheck.grammar import server_status, start_server, stop_server

    rows: list[tuple[str, str, str, str]] = []  # measure, value, ratio, target
    notes_dir = work / "notes"
    single = notes_dir / SINGLE_NOTE.name
    notes_dir.mkdir(parents=True)
    shutil.copyfile(SINGLE_NOTE, single)
    threads = args.threads or cli_workers(args.notes)
    jvm_rss = None
    heap = "?"
    leftovers: list[int] = []
    compare_notes: list[str] = []
    plain_orphans: list[int] = []
    try:
        # 0. proofreading: first check (auto), Harper in process, engines compared -------
        print("first check on a fresh cache ...", file=sys.stderr, flush=True)
        rows += first_check_rows(work, env, args.first_rounds)
        print("Harper in process ...", file=sys.stderr, flush=True)
        rows += harper_rows(args.harper_checks)
        print("engines compared over the fixture notes ...", file=sys.stderr, flush=True)
        compared, compare_notes = compare_engines(work)
        rows += compared
        if args.proofread_only:
            raise _Done
        # 3. cold first run -------------------------------------------------------------
        print("cold first run ...", file=sys.stderr, flush=True)
        if server_status()["running"]:
            raise SystemExit(f"a server already runs in {cache}")
        cold, _, _ = run_cli([str(single)], env, work)
        status = server_status()
        if not status["running"]:
            raise SystemExit("the cold run left no server running")
        url = str(status["url"])
        cmdline = psutil.Process(int(status["pid"])).cmdline()
        heap = next((a[4:] for a in cmdline if a.startswith("-Xmx")), "JVM default")
        rss_cold = status["rss_mib"]
        rows.append(("cold first run: notecheck note.txt (server start + warm-up + check)",
                     f"{cold:.2f} s", "", "(reported)"))

        # 1. warm single note -----------------------------------------------------------
        print("warm single note ...", file=sys.stderr, flush=True)
        args_json = ["--format", "json"]
        run_cli([str(single), *args_json], env, work)  # not timed: LT's cache now has this note
        same = [run_cli([str(single), *args_json], env, work)[0] for _ in range(args.runs)]
        variants = sentences(2 + len(SIDES) * args.rounds, max(args.notes, args.runs))
        fresh_files = []  # the single note with a new sentence each run (LT has not seen it)
        for i, sentence in enumerate(variants[-1][:args.runs]):
            path = notes_dir / f"variant-{i}-{SINGLE_NOTE.name}"
            path.write_text(vary(SINGLE_NOTE.read_text(encoding="utf-8"), sentence), encoding="utf-8")
            fresh_files.append(path)
        fresh = [run_cli([str(p), *args_json], env, work)[0] for p in fresh_files]
        startup = median([run_cli([str(single), *args_json, "--no-grammar"], env, work)[0]
                          for _ in range(args.runs)])

        print("plain language-tool-python script ...", file=sys.stderr, flush=True)
        ltp_path = work / "ltp"
        manifest_jar(ltp_path / f"LanguageTool-{LT_VERSION}" / "languagetool-server.jar", libs)
        plain_py = work / "plain.py"
        plain_py.write_text(PLAIN_SCRIPT, encoding="utf-8")
        body = work / "note-body.txt"
        body.write_text(sent_text(single), encoding="utf-8")
        plain_env = dict(env, LTP_PATH=str(ltp_path),
                         LTP_JAR_DIR_PATH=str(ltp_path / f"LanguageTool-{LT_VERSION}"))
        for name in ("SNAPSHOT", "NEW_RELEASES", "RELEASE", "ARCHIVE"):
            plain_env[f"LTP_DOWNLOAD_HOST_{name}"] = CLOSED_PORT_URL
        plain, plain_orphans, plain_matches = [], [], set()
        seen: dict[int, tuple[list[str], float]] = {}  # plain JVMs: pid -> (cmdline, peak RSS MiB)
        for _ in range(args.plain_runs):
            started = time.perf_counter()
            child = subprocess.Popen([sys.executable, str(plain_py), str(body)], env=plain_env,
                                     cwd=work, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True)
            watch(child, str(ltp_path), seen)
            out, err = child.communicate()
            plain.append(time.perf_counter() - started)
            proc = subprocess.CompletedProcess(child.args, child.returncode, out, err)
            if proc.returncode != 0:
                raise SystemExit(f"plain script failed ({proc.returncode}): {proc.stderr.strip()[-600:]}")
            plain_matches.add(proc.stdout.strip())
            time.sleep(0.5)
            plain_orphans += kill_leftovers(str(ltp_path))
        warm = median(fresh)
        rows.append((f"warm note, same text again (LT cache hit), median of {args.runs}",
                     f"{median(same):.3f} s", "", "(reported)"))
        rows.append((f"warm note, new sentence each run, median of {args.runs}",
                     f"{warm:.3f} s", "", "< 1 s " + ("OK" if warm < 1 else "MISSED")))
        rows.append((f"  fixed CLI start-up: the same note with --no-grammar, median of {args.runs}",
                     f"{startup:.3f} s", "", "(reported)"))
        jvm_cmds = {cmd[cmd.index("-cp") + 1] if "-cp" in cmd else " ".join(cmd)
                    for cmd, _ in seen.values()}
        rows.append(("  plain-script JVMs: count (one per run expected), class path, peak RSS",
                     f"{len(seen)} for {args.plain_runs} runs", "",
                     f"-cp {'; '.join(sorted(jvm_cmds))}; no -Xmx (JVM default); "
                     f"peak RSS {max((r for _, r in seen.values()), default=0):.0f} MiB"))
        rows.append((f"plain LanguageTool('en-US').check(text) script, median of {args.plain_runs} "
                     f"({'/'.join(sorted(plain_matches))} matches)", f"{median(plain):.2f} s",
                     f"{median(plain) / warm:.2f}x slower",
                     ">= 10x " + ("OK" if median(plain) / warm >= 10 else "MISSED")))

        # 2. batch -----------------------------------------------------------------------
        print(f"batches of {args.notes} notes ...", file=sys.stderr, flush=True)
        sets = [write_set(work / f"set{i}", inserted[:args.notes])
                for i, inserted in enumerate(variants[:-1])]
        lt_threads = max_check_threads(cache) or 2
        check_url = url + "/v2/check"
        bare_batch(check_url, [sent_text(p) for p in FIXTURES], threads)  # prime: fixture sentences
        bare_batch(check_url, [sent_text(p) for p in sets[0]], threads)  # and the JIT
        times: dict[str, list[float]] = {side: [] for side in SIDES}
        for r in range(args.rounds):
            for k in range(len(SIDES)):  # rotate which side goes first
                side = SIDES[(r + k) % len(SIDES)]
                files = sets[1 + len(SIDES) * r + SIDES.index(side)]
                if side == "cli":
                    elapsed, document, _ = run_cli([*map(str, files), *args_json], env, work)
                    assert document is not None and len(document["files"]) == len(files)
                else:
                    texts = [sent_text(p) for p in files]
                    elapsed = bare_batch(check_url, texts, lt_threads if side == "bare-lt" else threads,
                                         quick_ack=side == "bare-qa")
                times[side].append(elapsed)
        med = {side: median(values) for side, values in times.items()}
        cli_med = med["cli"]
        ratio = cli_med / med["bare"]
        rows.append((f"{args.notes} notes, one notecheck call (--format json), median of {args.rounds}",
                     f"{cli_med:.2f} s", "", "(reported)"))
        rows.append((f"{args.notes} bare POSTs (requests), {threads} threads = CLI's concurrency",
                     f"{med['bare']:.2f} s", f"CLI/bare {ratio:.2f}x",
                     "<= 1.2x " + ("OK" if ratio <= 1.2 else "MISSED")))
        rows.append((f"{args.notes} bare POSTs (requests), {lt_threads} threads = LT maxCheckThreads",
                     f"{med['bare-lt']:.2f} s", f"CLI/bare {cli_med / med['bare-lt']:.2f}x", "(reported)"))
        strict = cli_med / med["bare-qa"]
        rows.append((f"{args.notes} bare POSTs, {threads} threads, notecheck's quick-ACK session",
                     f"{med['bare-qa']:.2f} s", f"CLI/bare {strict:.2f}x",
                     "<= 1.2x " + ("OK" if strict <= 1.2 else "MISSED") + " (socket-level like with like)"))
        rows.append(("  CLI minus its fixed start-up, vs bare (requests)",
                     f"{cli_med - startup:.2f} s", f"{(cli_med - startup) / med['bare']:.2f}x", "(reported)"))
        rows.append(("  rounds: " + ", ".join(SIDES), " | ".join(
            " ".join(f"{t:.2f}" for t in times[side]) for side in SIDES), "", ""))

        # 4. memory ----------------------------------------------------------------------
        status = server_status()
        jvm_rss = status["rss_mib"]
        rows.append(("server JVM RSS after the cold run", f"{rss_cold:.0f} MiB", "", "(reported)"))
        rows.append(("server JVM RSS after all runs above (same JVM since the cold run)",
                     f"{jvm_rss:.0f} MiB", "", f"heap cap -Xmx{heap}"))

        # 2b. batch on a fresh server: LT has seen none of the fixture sentences ----------
        if args.fresh_rounds:
            print("batches on fresh servers ...", file=sys.stderr, flush=True)
            fresh_times: dict[str, list[float]] = {side: [] for side in FRESH_SIDES}
            jit_texts = jit_warm_texts(args.notes)
            for r in range(args.fresh_rounds):
                files = sets[1 + r]  # the CLI's sets above: the same texts for every side
                texts = [sent_text(p) for p in files]
                for k in range(len(FRESH_SIDES)):
                    side = FRESH_SIDES[(r + k) % len(FRESH_SIDES)]
                    stop_server()
                    fresh_url = str(start_server(idle_minutes=30)["url"])  # start + notecheck's warm-up
                    bare_batch(fresh_url + "/v2/check", jit_texts, threads, quick_ack=True)  # JIT
                    if side == "cli":
                        elapsed, document, _ = run_cli([*map(str, files), *args_json], env, work)
                        assert document is not None and len(document["files"]) == len(files)
                    else:
                        elapsed = bare_batch(fresh_url + "/v2/check", texts, threads,
                                             quick_ack=side == "bare-qa")
                    fresh_times[side].append(elapsed)
            fmed = {side: median(values) for side, values in fresh_times.items()}
            rows.append((f"fresh server (restarted + warmed up per side, LT cache empty), "
                         f"same {args.notes} texts, median of {args.fresh_rounds}:", "", "", ""))
            rows.append(("  notecheck call (--format json)", f"{fmed['cli']:.2f} s", "", "(reported)"))
            for side, label in (("bare", "requests"), ("bare-qa", "notecheck's quick-ACK session")):
                ratio = fmed["cli"] / fmed[side]
                rows.append((f"  bare POSTs, {threads} threads, {label}", f"{fmed[side]:.2f} s",
                             f"CLI/bare {ratio:.2f}x", "<= 1.2x " + ("OK" if ratio <= 1.2 else "MISSED")))
            rows.append(("  rounds: " + ", ".join(FRESH_SIDES), " | ".join(
                " ".join(f"{t:.2f}" for t in fresh_times[side]) for side in FRESH_SIDES), "", ""))
    except _Done:
        pass
    finally:
        stop_server()
        time.sleep(1.0)
        leftovers = kill_leftovers(str(work))
        shutil.rmtree(work, ignore_errors=True)

    rows.append(("JVMs left after stop (killed by pid)",
                 ", ".join(map(str, leftovers)) or "none", "", "none"))
    rows.append(("plain-script JVMs left after each exit (killed by pid)",
                 ", ".join(map(str, plain_orphans)) or "none", "", "none"))
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"\nnotecheck grammar benchmark - {os.cpu_count()} CPUs, load {load:.2f}, "
          f"LanguageTool {LT_VERSION} from {install}")
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    head = ("measure", "value", "ratio", "target")
    print("  ".join(h.ljust(w) for h, w in zip(head, widths, strict=True)).rstrip())
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
    print("\n".join(compare_notes))
    return 0


class _Done(Exception):
    """--proofread-only: skip the LanguageTool-only rows."""


if __name__ == "__main__":
    raise SystemExit(main())
