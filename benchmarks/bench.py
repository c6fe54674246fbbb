"""gwlint's speed and memory beside the autocorrect CLI and zhlint (issue 11).

Every figure is the median of --repeat runs (3 by default) of a fresh process:
- CPU s  user + system time of the process and every process it waited for (os.wait4),
         the figure that holds on a machine shared with other work;
- wall s elapsed time, which depends on the machine's load;
- MiB    the peak resident set of the largest process of the run (ru_maxrss; every command
         is started from the small benchmarks/_spawn.py, because a child forked from this
         large script would report this script's size as its own peak); for corpus runs also
         the peak of the whole process tree's proportional set size (PSS, sampled from /proc
         every 0.25 s), which counts forked workers' shared pages once.

Rows: `gwlint --version`; an empty file; the largest seed (24 KB); a seed with a stutter
candidate, which makes gwlint load jieba; a corpus of generated documents, cold; the same
corpus with a warm result cache and after editing one document (n/a until `gwlint check`
has --no-cache); the cross-document phase at 250 -> 4,000 documents; peak memory of full runs
at 1,000 and 4,000 documents. The issue's targets are printed beside the figures.

The peers, autocorrect (the npm package autocorrect-node, its `autocorrect` CLI) and zhlint,
are installed into benchmarks/.peers with npm when missing. They run from the document's
folder with relative names (zhlint 0.8.2 throws on absolute paths and still exits 0), and
every run's output is parsed: a peer that reports nothing or crashed is shown as such and
not timed.

The corpus is made from the seeds by an order-4 character Markov chain (headings and
numbering kept, sentences new), deterministically, in a folder outside the repository
(--workdir, default $TMPDIR/gwlint-bench) that later runs reuse.

It times the `gwlint` of the venv whose Python runs it, and says which install that is
(benchmarks/installed.py). The README's figures are of a regular install, the one users
get (`pip install .`); the editable development venv pays setuptools' finder at every start:

    python3 -m venv /tmp/gwlint-regular && /tmp/gwlint-regular/bin/pip install -q .
    /tmp/gwlint-regular/bin/python benchmarks/bench.py --sections one --repeat 9

    .venv/bin/python benchmarks/bench.py             # everything: about half an hour
    .venv/bin/python benchmarks/bench.py --quick     # one-file rows, 250 docs, scaling to 1,000
    .venv/bin/python benchmarks/bench.py --sections one,corpus --docs 1000 --repeat 5
"""
from __future__ import annotations

import argparse
import datetime
import hashlib
import inspect
import json
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import installed                     # (benchmarks/, this script's folder, is first on sys.path)
from checker.core.vouched import RACY_NS

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
VENV_BIN = Path(sys.executable).parent
GWLINT = VENV_BIN / "gwlint"
PROBE = Path(__file__).resolve().parent / "_probe.py"
SPAWN = Path(__file__).resolve().parent / "_spawn.py"
PEERS_DIR = Path(__file__).resolve().parent / ".peers"
PEER_PACKAGES = ("autocorrect-node@2.14.0", "zhlint@0.8.2")
JIEBA_SEED = "000_"            # the seed whose stutter candidate (招聘招聘) makes gwlint load jieba
CROSS_RULE = "duplicate-across-files"
SECTIONS = ("one", "corpus", "cache", "scaling", "memory")
MIB = 1024 * 1024

# The issue's targets.
ONE_FILE_VS_AUTOCORRECT = 1.2      # one file, fresh process: CPU <= 1.2 x autocorrect CLI's
CPU_S_PER_MB = 2.0                 # corpus: >= 1 MB/s on 2 cores
RACY_WAIT_S = RACY_NS / 1e9 + 0.1  # a store is vouched for once this old, and a little more
LINEAR_TOLERANCE = 0.20            # cross-document ms per document within +-20 % of the 250-doc figure
PEAK_MIB = {1000: 150, 4000: 200}  # peak resident memory at 1,000 and 4,000 documents
WARM_WALL_S = 0.5                  # second run over unchanged documents


# --------------------------------------------------------------------------- the corpus

def make_corpus(n: int, folder: Path) -> int:
    """Seed-sized documents of the genre, deterministic: document i is the same for any n > i.

    Each document keeps a seed's headings and numbering but writes its paragraphs with an
    order-4 character Markov chain trained on all seeds: the text has the genre's
    vocabulary, figures and punctuation, yet its sentences are new, as in a real
    repository of distinct documents.  (Recycling the seeds' own sentences instead turns
    the run into a benchmark of the duplicate rules, every document being full of copies.)
    """
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    rng = random.Random(42)
    texts = [s.read_text(encoding="utf-8") for s in SEEDS]
    order = 4
    chain: dict[str, list[str]] = {}
    starts: list[str] = []
    for text in texts:
        for para in text.split("\n"):
            para = para.strip()
            if len(para) <= order:
                continue
            starts.append(para[:order])
            for i in range(len(para) - order):
                chain.setdefault(para[i:i + order], []).append(para[i + order])

    def paragraph(length: int) -> str:
        out = list(rng.choice(starts))
        while len(out) < length:
            follow = chain.get("".join(out[-order:]))
            if not follow:
                out.append("。")
                out.extend(rng.choice(starts))
                continue
            out.append(rng.choice(follow))
        return "".join(out).rstrip("，、；：") + "。"

    marker = re.compile(r"^[\s\u3000]*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.．、])?")
    total = 0
    for i in range(n):
        lines = []
        for line in rng.choice(texts).split("\n"):
            if len(line) < 40:          # headings and short lines keep the structure
                lines.append(line)
            else:
                lines.append(marker.match(line).group() + paragraph(len(line)))
        data = "\n".join(lines) + "\n"
        (folder / f"doc{i:04d}.txt").write_text(data, encoding="utf-8")
        total += len(data.encode("utf-8"))
    return total


class Corpora:
    """One pool of generated documents in the work folder; corpus-N holds hard links to its first N."""

    def __init__(self, workdir: Path):
        self.workdir = workdir
        self.pool = workdir / "pool"
        digest = hashlib.sha256(inspect.getsource(make_corpus).encode())
        for seed in SEEDS:
            digest.update(seed.read_bytes())
        self.key = digest.hexdigest()[:16]

    def ensure_pool(self, n: int) -> None:
        stamp = self.pool / "POOL.json"
        if stamp.exists():
            info = json.loads(stamp.read_text())
            if info["key"] == self.key and info["docs"] >= n:
                return
        print(f"(generating {n} documents into {self.pool} ...)", flush=True)
        make_corpus(n, self.pool)
        stamp.write_text(json.dumps({"key": self.key, "docs": n}))

    def folder(self, n: int) -> tuple[Path, int]:
        """A folder with documents 0..n-1 only (and no cache left by an earlier run); its size in bytes."""
        self.ensure_pool(n)
        folder = self.workdir / f"corpus-{n}"
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        size = 0
        for i in range(n):
            name = f"doc{i:04d}.txt"
            try:
                os.link(self.pool / name, folder / name)
            except OSError:
                shutil.copyfile(self.pool / name, folder / name)
            size += (folder / name).stat().st_size
        return folder, size


# --------------------------------------------------------------------------- running and measuring

@dataclass
class Run:
    cpu: float
    wall: float
    rss_mib: float
    code: int
    stdout: Path
    stderr: Path
    pss_mib: float | None = None


class TreeMemory(threading.Thread):
    """Peak of the summed PSS of a process's descendants (not the process: _spawn.py), sampled from /proc."""

    def __init__(self, pid: int, interval: float = 0.25):
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.peak_kib = 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            self.peak_kib = max(self.peak_kib, self._sample())
            self.done.wait(self.interval)

    def _sample(self) -> int:
        parents: dict[int, int] = {}
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    with open(f"/proc/{entry}/stat", "rb") as fh:
                        stat = fh.read()
                    parents[int(entry)] = int(stat[stat.rindex(b")") + 2:].split()[1])
                except (OSError, ValueError, IndexError):
                    pass
        tree, grew = {self.pid}, True
        while grew:
            grew = False
            for pid, ppid in parents.items():
                if ppid in tree and pid not in tree:
                    tree.add(pid)
                    grew = True
        total = 0
        for pid in tree - {self.pid}:
            try:
                with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as fh:
                    for line in fh:
                        if line.startswith("Pss:"):
                            total += int(line.split()[1])
                            break
            except (OSError, ValueError):
                pass
        return total


class Runner:
    def __init__(self, scratch: Path, failed: Path):
        self.scratch, self.failed = scratch, failed
        self.count = 0

    def once(self, cmd: list[str], cwd: Path, env: dict[str, str] | None = None, tree: bool = False) -> Run:
        """Run ``cmd`` once through _spawn.py, which measures it (see there why)."""
        self.count += 1
        out, err = self.scratch / f"run{self.count}.out", self.scratch / f"run{self.count}.err"
        result = self.scratch / f"run{self.count}.usage"
        with open(out, "wb") as fo, open(err, "wb") as fe:
            proc = subprocess.Popen([sys.executable, "-S", str(SPAWN), str(result), *cmd], cwd=cwd,
                                    stdin=subprocess.DEVNULL, stdout=fo, stderr=fe, env={**os.environ, **(env or {})})
            sampler = TreeMemory(proc.pid) if tree else None
            if sampler:
                sampler.start()
            proc.wait()
            if sampler:
                sampler.done.set()
                sampler.join()
        if proc.returncode or not result.exists():
            raise RuntimeError(f"{SPAWN.name} failed (exit {proc.returncode}) running {cmd[0]}")
        user, system, maxrss, code, wall = result.read_text().split()
        result.unlink()
        return Run(cpu=float(user) + float(system), wall=float(wall), rss_mib=int(maxrss) / 1024,
                   code=int(code), stdout=out, stderr=err, pss_mib=sampler.peak_kib / 1024 if sampler else None)

    def keep(self, run: Run) -> Path:
        """Move a failed run's output to the work folder, which outlives the run."""
        folder = self.failed / f"run{self.count}"
        folder.mkdir(parents=True, exist_ok=True)
        for p in (run.stdout, run.stderr):
            if p.exists():
                shutil.move(p, folder / p.name)
        return folder

    def discard(self, run: Run) -> None:
        for p in (run.stdout, run.stderr):
            p.unlink(missing_ok=True)


@dataclass
class Measure:
    """Medians of the runs of one row, or why the row has no figures."""
    tool: str
    runs: list[Run] = field(default_factory=list)
    findings: int | None = None
    failure: str | None = None
    note: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.failure is None and bool(self.runs)

    def median(self, attr: str) -> float | None:
        values = [getattr(r, attr) for r in self.runs if getattr(r, attr) is not None]
        return statistics.median(values) if self.ok and values else None

    @property
    def cpu(self):
        return self.median("cpu")

    @property
    def wall(self):
        return self.median("wall")

    @property
    def rss(self):
        return self.median("rss_mib")

    @property
    def pss(self):
        return self.median("pss_mib")


class Tool:
    """A command, where to run it from, and how to tell real output from a crash."""
    name = ""
    detail = ""      # what the last validated run showed besides its findings

    def command(self, targets: list[str]) -> list[str]:
        raise NotImplementedError

    def validate(self, run: Run, files: int) -> tuple[int | None, str | None]:
        """(findings, None) when the run checked ``files`` files, else (None, what went wrong)."""
        raise NotImplementedError

    def measure(self, runner: Runner, targets: list[str], cwd: Path, files: int, repeat: int,
                tree: bool = False, before=None, env=None, expect_findings: bool = False) -> Measure:
        """``expect_findings``: the input is known to hold problems every tool reports (the seeds'
        half-width commas, digits next to Chinese), so a silent run is a failed run."""
        m = Measure(self.name)
        for _ in range(repeat):
            if before:
                before()
            run = runner.once(self.command(targets), cwd, env=env, tree=tree)
            findings, failure = self.validate(run, files)
            if not failure and expect_findings and not findings:
                failure = "reported nothing"
            if failure:
                m.failure = f"{failure} (exit {run.code}; output kept in {runner.keep(run)})"
                m.runs = []
                return m
            if m.findings is not None and findings != m.findings:
                m.note = f"findings varied between runs ({m.findings}, {findings})"
            m.findings = findings
            m.note = m.note or self.detail
            m.runs.append(run)
            runner.discard(run)
        return m


class Gwlint(Tool):
    name = "gwlint"

    def __init__(self, extra: list[str]):
        self.extra = extra

    def command(self, targets):
        return [str(GWLINT), "check", "--no-config", "--format", "json", "--quiet", *self.extra, *targets]

    def validate(self, run, files):
        problems = [line for line in run.stderr.read_text("utf-8", "replace").splitlines() if line.startswith("gwlint:")]
        if run.code not in (0, 1):
            return None, f"exit code {run.code}: {' '.join(problems)[:200]}"
        try:
            report = json.loads(run.stdout.read_text("utf-8"))
        except ValueError:
            return None, "no JSON report"
        if report.get("files") != files:
            return None, f"checked {report.get('files')} files, expected {files}"
        if problems:
            return None, problems[0][:200]
        return len(report["violations"]), None


class Autocorrect(Tool):
    name = "autocorrect"

    def __init__(self, exe: Path):
        self.exe = exe

    def command(self, targets):
        return [str(self.exe), "--lint", "--format", "json", *targets]

    def validate(self, run, files):
        # Its JSON lists only the files with findings, so "count" cannot confirm that every
        # file was read: an unreadable file shows as an "ERROR:" line instead.
        text = run.stdout.read_text("utf-8", "replace")
        err = run.stderr.read_text("utf-8", "replace")
        failed = re.search(r"^ERROR: .*$|panicked at .*$", text + "\n" + err, re.M)
        if failed:
            return None, failed.group()[:200]
        try:
            report = json.loads(text.strip())
        except ValueError:
            return None, f"no JSON report: {(err.strip().splitlines() or ['(empty output)'])[-1][:200]}"
        errors = [m["error"] for m in report.get("messages", []) if m.get("error")]
        if errors:
            return None, errors[0][:200]
        if not 0 <= report.get("count", -1) <= files:
            return None, f"reported {report.get('count')} files of {files}"
        self.detail = f"{report['count']}/{files} files with findings"
        return sum(len(m.get("lines", [])) for m in report["messages"]), None


class Zhlint(Tool):
    name = "zhlint"
    ISSUE = re.compile(r"^\S+:\d+:\d+ - ", re.M)
    CRASH = re.compile(r"^(?:\w*Error\b.*|\s+at .+\(.+:\d+:\d+\))$", re.M)

    def __init__(self, exe: Path):
        self.exe = exe

    def command(self, targets):
        return [str(self.exe), *targets]

    def validate(self, run, files):
        out = run.stdout.read_text("utf-8", "replace")
        err = run.stderr.read_text("utf-8", "replace")
        crash = self.CRASH.search(out) or self.CRASH.search(err)
        if crash:
            return None, f"crashed: {crash.group().strip()[:200]}"
        started = out.count("[start] ")
        if started != files:
            return None, f"checked {started} files, expected {files}"
        issues = len(self.ISSUE.findall(err))
        total = re.search(r"Found (\d+) errors?", err)
        if issues and (not total or int(total.group(1)) != issues):
            return None, f"{issues} issues printed but the summary says {total.group(1) if total else 'nothing'}"
        return issues, None


def ensure_peers() -> tuple[Path | None, Path | None, str]:
    bins = PEERS_DIR / "node_modules" / ".bin"
    ac, zh = bins / "autocorrect", bins / "zhlint"
    note = ""
    if not (ac.exists() and zh.exists()):
        if not shutil.which("npm"):
            return None, None, "npm is not installed: the peers cannot be installed"
        PEERS_DIR.mkdir(parents=True, exist_ok=True)
        print(f"(installing {', '.join(PEER_PACKAGES)} into {PEERS_DIR} ...)", flush=True)
        r = subprocess.run(["npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix", str(PEERS_DIR),
                            *PEER_PACKAGES], capture_output=True, text=True)
        if r.returncode:
            note = f"npm install failed: {r.stderr.strip().splitlines()[-1:]}"
    return (ac if ac.exists() else None), (zh if zh.exists() else None), note


def peer_version(exe: Path | None, package: str) -> str:
    if exe is None:
        return "not installed"
    try:
        meta = json.loads((PEERS_DIR / "node_modules" / package / "package.json").read_text())
        return meta["version"]
    except (OSError, ValueError, KeyError):
        return "?"


def imported_modules(cmd: list[str], cwd: Path) -> set[str]:
    """The modules a gwlint command imports (python -X importtime)."""
    r = subprocess.run([sys.executable, "-X", "importtime", *cmd], cwd=cwd, capture_output=True, text=True)
    return {line.rsplit("|", 1)[1].strip() for line in r.stderr.splitlines() if line.startswith("import time:")}


# --------------------------------------------------------------------------- printing

def fmt(value, spec: str, missing: str = "n/a") -> str:
    return missing if value is None else format(value, spec)


def table(headers: list[str], rows: list[list[str]], left: int = 1) -> None:
    """Columns before ``left`` and the last one are text (left-aligned); the others are figures."""
    widths = [max(len(str(h)), *(len(str(r[i])) for r in rows)) if rows else len(h) for i, h in enumerate(headers)]
    last = len(headers) - 1

    def line(cells) -> str:
        return "  ".join(str(c).ljust(w) if i < left or i == last else str(c).rjust(w)
                         for i, (c, w) in enumerate(zip(cells, widths))).rstrip()

    print(line(headers))
    for row in rows:
        print(line(row))


def verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else ("PASS" if ok else "FAIL")


def ratio(a: float | None, b: float | None) -> str:
    return "n/a" if a is None or not b else f"{a / b:.2f}x"


class Targets:
    def __init__(self):
        self.rows: list[list[str]] = []

    def add(self, target: str, figure: str, ok: bool | None) -> None:
        self.rows.append([target, figure, verdict(ok)])


def runs(n: int) -> str:
    return "one run" if n == 1 else f"median of {n} runs"


def section(title: str) -> None:
    print(f"\n== {title} [load average {os.getloadavg()[0]:.1f}]", flush=True)


# --------------------------------------------------------------------------- the sections

def one_file_rows(args, runner, tools, gw_extra, targets: Targets, scratch: Path) -> None:
    section(f"one file, fresh process ({runs(args.repeat)}; CPU = user+sys)")
    folder = scratch / "one"
    folder.mkdir()
    (folder / "empty.txt").write_text("", encoding="utf-8")
    big = max(SEEDS, key=lambda p: p.stat().st_size)
    jieba_seed = next((s for s in SEEDS if s.name.startswith(JIEBA_SEED)), SEEDS[0])
    for seed in {big, jieba_seed}:
        shutil.copyfile(seed, folder / seed.name)
    gw = Gwlint(gw_extra)

    # gwlint --version: no pydantic, no rules.
    version = Measure("gwlint")
    for _ in range(args.repeat):
        run = runner.once([str(GWLINT), "--version"], folder)
        if run.code != 0 or not run.stdout.read_text().startswith("gwlint "):
            version.failure = f"--version printed {run.stdout.read_text()[:60]!r}, exit {run.code}"
            version.runs = []
            break
        version.runs.append(run)
        runner.discard(run)
    no_pydantic = "pydantic" not in imported_modules([str(GWLINT), "--version"], folder)

    rows = [["gwlint --version", "gwlint", fmt(version.cpu, ".3f"), fmt(version.wall, ".3f"),
             fmt(version.rss, ".0f"), "", "", "pydantic " + ("not imported" if no_pydantic else "IMPORTED")]]
    targets.add("gwlint --version without pydantic", "not imported" if no_pydantic else "imported", no_pydantic)

    cases = [("empty file", "empty.txt", False),
             (f"{big.stat().st_size / 1024:.0f} KB (seed {big.name[:3]})", big.name, True),
             (f"{jieba_seed.stat().st_size / 1024:.0f} KB needing jieba (seed {jieba_seed.name[:3]})",
              jieba_seed.name, True)]
    for label, name, judged in cases:
        for tool in (gw, *tools):    # warm-up, not counted: jieba's dictionary cache, the file cache
            tool.measure(runner, [name], folder, 1, 1)
        # A store is vouched for (its CRC no longer computed) only once it is two seconds old
        # (checker.core.vouched.RACY_NS); a user's stores are older than that: wait, then warm
        # up once more, so the timed runs find them as a user's run does.
        time.sleep(RACY_WAIT_S)
        gw.measure(runner, [name], folder, 1, 1)
        results = [gw.measure(runner, [name], folder, 1, args.repeat, expect_findings=judged)]
        for tool in tools:
            results.append(tool.measure(runner, [name], folder, 1, args.repeat, expect_findings=judged))
        base = {m.tool: m for m in results}
        note = ""
        if "jieba" in label:
            loaded = "jieba" in imported_modules(gw.command([name]), folder)
            note = "jieba loaded" if loaded else "jieba NOT loaded: pick another seed"
        for m in results:
            vs = ratio(results[0].cpu, m.cpu) if m.tool != "gwlint" else ""
            rows.append([label if m is results[0] else "", m.tool,
                         fmt(m.cpu, ".3f") if m.ok else "-", fmt(m.wall, ".3f") if m.ok else "-",
                         fmt(m.rss, ".0f") if m.ok else "-", fmt(m.findings, "d", ""),
                         vs if m.ok else "",
                         (m.failure and f"NOT TIMED: {m.failure}") or (note if m is results[0] else "") or m.note])
        ac = base.get("autocorrect")
        if judged:
            ok = (results[0].cpu / ac.cpu <= ONE_FILE_VS_AUTOCORRECT) if ac and ac.ok and results[0].ok else None
            targets.add(f"one file, {label}: CPU <= {ONE_FILE_VS_AUTOCORRECT}x autocorrect",
                        f"{ratio(results[0].cpu, ac.cpu if ac and ac.ok else None)} "
                        f"({fmt(results[0].cpu, '.3f')} vs {fmt(ac.cpu if ac and ac.ok else None, '.3f')} CPU s)", ok)
    table(["row", "tool", "CPU s", "wall s", "MiB", "findings", "gwlint/tool", "check"], rows, left=2)


def corpus_rows(args, runner, tools, gw_extra, corpora, targets: Targets, memory: dict) -> None:
    folder, size = corpora.folder(args.docs)
    mb = size / 1e6
    section(f"corpus: {args.docs} documents, {mb:.1f} MB, cold ({runs(args.corpus_repeat)}; "
            f"gwlint with --jobs {os.cpu_count()}, the default)")
    gw = Gwlint(gw_extra)
    clear = lambda: shutil.rmtree(folder / ".gwlint_cache", ignore_errors=True)  # noqa: E731
    results = [gw.measure(runner, ["."], folder, args.docs, args.corpus_repeat, tree=True, before=clear,
                          expect_findings=True)]
    names = sorted(p.name for p in folder.glob("*.txt"))
    for tool in tools:
        # relative names from the corpus folder (zhlint 0.8.2 throws on absolute paths):
        # zhlint expands its glob itself; autocorrect takes no glob, so it gets the names.
        given = ["*.txt"] if isinstance(tool, Zhlint) else names
        results.append(tool.measure(runner, given, folder, args.docs, args.corpus_repeat, tree=True,
                                    expect_findings=True))
    rows = []
    for m in results:
        rows.append([m.tool, fmt(m.cpu, ".1f", "-"), fmt(m.cpu / mb if m.ok else None, ".2f", "-"),
                     fmt(m.wall, ".1f", "-"), fmt(mb / m.wall if m.ok else None, ".2f", "-"),
                     fmt(m.rss, ".0f", "-"), fmt(m.pss, ".0f", "-"), fmt(m.findings, "d", ""),
                     ratio(results[0].cpu, m.cpu) if m.tool != "gwlint" and m.ok else "",
                     f"NOT TIMED: {m.failure}" if m.failure else m.note])
    table(["tool", "CPU s", "CPU s/MB", "wall s", "MB/s wall", "peak MiB", "tree PSS MiB", "findings",
           "gwlint/tool", "check"], rows)
    g = results[0]
    rate = g.cpu / mb if g.ok else None
    targets.add(f"corpus cold: <= {CPU_S_PER_MB:g} CPU s/MB (>= 1 MB/s on 2 cores)",
                f"{fmt(rate, '.2f')} CPU s/MB ({fmt(1 / rate * os.cpu_count() if rate else None, '.2f')} MB/s "
                f"on {os.cpu_count()} cores)", rate <= CPU_S_PER_MB if rate else None)
    if g.ok:
        memory[args.docs] = (g.rss, g.pss)


def cache_rows(args, runner, gw_extra, corpora, has_cache: bool, targets: Targets) -> None:
    section(f"result cache: {args.docs} documents")
    if not has_cache:
        print("n/a: `gwlint check` has no --no-cache option, so there is no result cache to measure yet "
              "(cold = the corpus row above).")
        targets.add("warm cache: second run over unchanged documents <= 0.5 s wall", "n/a (no cache)", None)
        return
    folder, size = corpora.folder(args.docs)
    gw = Gwlint([a for a in gw_extra if a != "--no-cache"])
    cache = folder / ".gwlint_cache"
    clear = lambda: shutil.rmtree(cache, ignore_errors=True)  # noqa: E731
    cold = gw.measure(runner, ["."], folder, args.docs, args.corpus_repeat, before=clear)
    gw.measure(runner, ["."], folder, args.docs, 1)     # fills the cache when the last cold run did not
    warm = gw.measure(runner, ["."], folder, args.docs, args.repeat)
    victim = folder / "doc0000.txt"
    original = victim.read_bytes()
    edits = iter(range(1, 1000))

    def edit() -> None:  # a new file, not a write through the hard link into the pool
        tmp = folder / "doc0000.tmp"
        tmp.write_bytes(original + f"（第{next(edits)}次修改）\n".encode())
        os.replace(tmp, victim)

    edited = gw.measure(runner, ["."], folder, args.docs, args.repeat, before=edit)
    tmp = folder / "doc0000.tmp"
    tmp.write_bytes(original)
    os.replace(tmp, victim)
    consistent = cold.ok and warm.ok and cold.findings == warm.findings
    rows = []
    for label, m in (("cold (cache removed)", cold), ("warm (unchanged)", warm), ("one document edited", edited)):
        rows.append([label, fmt(m.cpu, ".2f", "-"), fmt(m.wall, ".2f", "-"), fmt(m.rss, ".0f", "-"),
                     fmt(m.findings, "d", ""), f"NOT TIMED: {m.failure}" if m.failure else m.note])
    table(["row", "CPU s", "wall s", "peak MiB", "findings", "check"], rows)
    if not consistent:
        print("warning: the warm run's findings differ from the cold run's")
    targets.add(f"warm cache: second run over unchanged documents <= {WARM_WALL_S} s wall",
                f"{fmt(warm.wall, '.2f')} s", (warm.wall <= WARM_WALL_S and consistent) if warm.ok else None)


def scaling_rows(args, runner, gw_extra, corpora, targets: Targets) -> None:
    sizes = args.scale
    section(f"cross-document phase ({CROSS_RULE} alone, --jobs 1; {runs(args.scale_repeat)})")
    print("phase = CPU of a run with only the cross-document rule - CPU of the same run with no rule "
          "(start-up, reading, parsing);\nindex = CPU inside the whole-run comparison after every file "
          "(measured in-process by benchmarks/_probe.py).")
    base_tool = Gwlint([*gw_extra, "--jobs", "1", "--select", CROSS_RULE, "--ignore", CROSS_RULE])
    rule_tool = Gwlint([*gw_extra, "--jobs", "1", "--select", CROSS_RULE])
    rule_tool.command = lambda targets, t=rule_tool: [sys.executable, str(PROBE), *Gwlint.command(t, targets)[1:]]
    headers = ["docs", "MB", "no-rule CPU s", "rule CPU s", "phase ms/doc", "index ms/doc", "peak MiB",
               "findings", "check"]
    widths = [6, 6, 13, 10, 12, 12, 8, 9, 0]
    print("  ".join(h.rjust(w) for h, w in zip(headers, widths)).rstrip(), flush=True)
    per_doc = {}
    for n in sizes:
        folder, size = corpora.folder(n)
        probe_file = runner.scratch / f"probe-{n}.json"
        index: list[float] = []

        def read_probe() -> None:
            if probe_file.exists():
                value = json.loads(probe_file.read_text())["corpus_phase_cpu"]
                if value is not None:
                    index.append(value)
                probe_file.unlink()

        base = base_tool.measure(runner, ["."], folder, n, args.scale_repeat)
        with_rule = Measure("gwlint")
        for _ in range(args.scale_repeat):
            m = rule_tool.measure(runner, ["."], folder, n, 1, env={"GWLINT_BENCH_PROBE": str(probe_file)})
            read_probe()
            if not m.ok:
                with_rule = m
                break
            with_rule.runs += m.runs
            with_rule.findings = m.findings
        phase = (with_rule.cpu - base.cpu) if with_rule.ok and base.ok else None
        idx = statistics.median(index) if index and with_rule.ok else None
        per_doc[n] = 1000 * phase / n if phase is not None else None
        row = [f"{n:,}", f"{size / 1e6:.1f}", fmt(base.cpu, ".2f", "-"), fmt(with_rule.cpu, ".2f", "-"),
               fmt(per_doc[n], ".2f", "-"), fmt(1000 * idx / n if idx is not None else None, ".2f"),
               fmt(with_rule.rss, ".0f", "-"), fmt(with_rule.findings, "d", ""),
               with_rule.failure or base.failure or ""]
        # printed as it comes: a row takes minutes
        print("  ".join(str(c).rjust(w) for c, w in zip(row, widths)).rstrip(), flush=True)
    first = per_doc.get(sizes[0])
    measured = [v for v in per_doc.values() if v is not None]
    ok = None
    if first and len(measured) == len(sizes) and len(sizes) > 1:
        ok = all(abs(v / first - 1) <= LINEAR_TOLERANCE for v in measured)
    last = per_doc.get(sizes[-1])
    spread = (f"{min(measured):.1f}-{max(measured):.1f} ms/doc; {sizes[-1]:,} docs: {last / first:.2f}x "
              f"the {sizes[0]:,}-doc figure" if first and last and measured else "n/a")
    targets.add(f"cross-document phase linear: ms/doc within +-{LINEAR_TOLERANCE:.0%} "
                f"({sizes[0]:,} -> {sizes[-1]:,} docs)", spread, ok)


def memory_rows(args, runner, gw_extra, corpora, targets: Targets, memory: dict) -> None:
    section(f"peak memory of full cold runs (gwlint, every rule, --jobs {os.cpu_count()}; one run each)")
    gw = Gwlint(gw_extra)
    for n in args.memory:
        if n in memory:
            continue
        folder, _ = corpora.folder(n)
        m = gw.measure(runner, ["."], folder, n, 1, tree=True)
        memory[n] = (m.rss, m.pss) if m.ok else (None, None)
        if m.failure:
            print(f"{n} docs: NOT MEASURED: {m.failure}")
    rows = [[f"{n:,}", fmt(rss, ".0f"), fmt(pss, ".0f"),
             f"<= {PEAK_MIB[n]} MiB" if n in PEAK_MIB else ""] for n, (rss, pss) in sorted(memory.items())]
    table(["docs", "peak MiB (largest process)", "tree PSS MiB", "target"], rows)
    print("(PASS/FAIL is judged on the largest process's peak, ru_maxrss)")
    for n, limit in PEAK_MIB.items():
        rss = memory.get(n, (None, None))[0]
        targets.add(f"peak memory at {n:,} documents <= {limit} MiB", f"{fmt(rss, '.0f')} MiB",
                    rss <= limit if rss is not None else None)


# --------------------------------------------------------------------------- main

def machine() -> str:
    model = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        mem = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal"))
        ram = f", {mem / MIB:.0f} GiB RAM"
    except (OSError, StopIteration):
        ram = ""
    return f"{model}, {os.cpu_count()} cores{ram}, {platform.system()} {platform.release()}"


def git_commit() -> str:
    r = subprocess.run(["git", "-C", str(ROOT), "describe", "--always", "--dirty"], capture_output=True, text=True)
    return r.stdout.strip() or "?"


def parse_args(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__.split("\n\n", 1)[1])
    ap.add_argument("--quick", action="store_true",
                    help="one-file rows, a 250-document corpus run once, scaling 250 -> 1,000 run once, no 4,000-doc memory run")
    ap.add_argument("--sections", default=",".join(SECTIONS), help=f"comma-separated subset of {','.join(SECTIONS)}")
    ap.add_argument("--docs", type=int, help="corpus size (default 1000; --quick 250)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per one-file and warm-cache row (default 3)")
    ap.add_argument("--corpus-repeat", type=int, help="runs per corpus row (default 3; --quick 1)")
    ap.add_argument("--scale", help="document counts of the scaling table (default 250,500,1000,2000,4000)")
    ap.add_argument("--scale-repeat", type=int, help="runs per scaling row (default 3; --quick 1)")
    ap.add_argument("--memory", help="document counts of the full-run memory rows (default 1000,4000; --quick none)")
    ap.add_argument("--skip-peers", action="store_true")
    ap.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "gwlint-bench",
                    help="where the generated corpus is kept between runs (default: $TMPDIR/gwlint-bench)")
    args = ap.parse_args(argv)
    args.sections = [s for s in args.sections.split(",") if s]
    unknown = set(args.sections) - set(SECTIONS)
    if unknown:
        ap.error(f"unknown sections: {', '.join(sorted(unknown))}")
    q = args.quick
    args.docs = args.docs or (250 if q else 1000)
    args.corpus_repeat = args.corpus_repeat or (1 if q else 3)
    args.scale_repeat = args.scale_repeat or (1 if q else 3)
    args.scale = [int(x) for x in (args.scale or ("250,500,1000" if q else "250,500,1000,2000,4000")).split(",")]
    memory = args.memory if args.memory is not None else ("" if q else "1000,4000")
    args.memory = [int(x) for x in memory.split(",") if x]
    if not args.memory and "memory" in args.sections:
        args.sections.remove("memory")
    return args


def main(argv=None) -> int:
    args = parse_args(argv)
    if not GWLINT.exists():
        sys.exit("gwlint is not installed in this venv: pip install -e .")
    install = installed.describe(ROOT)
    # Byte-compile first: a fresh checkout would otherwise pay for compilation in the first runs.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(install.package)], check=True)
    help_text = subprocess.run([str(GWLINT), "check", "--help"], capture_output=True, text=True).stdout
    has_cache = "--no-cache" in help_text
    gw_extra = ["--no-cache"] if has_cache else []     # computing, not cache hits, except in the cache rows

    tools: list[Tool] = []
    ac_exe = zh_exe = None
    note = "skipped (--skip-peers)"
    if not args.skip_peers:
        ac_exe, zh_exe, note = ensure_peers()
        tools = [t for t in (ac_exe and Autocorrect(ac_exe), zh_exe and Zhlint(zh_exe)) if t]

    print(f"gwlint benchmark, {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC")
    print(f"machine: {machine()}; load average at start {os.getloadavg()[0]:.2f}")
    print(f"gwlint {git_commit()} (Python {platform.python_version()}, bytecode compiled); result cache: "
          f"{'yes (--no-cache exists)' if has_cache else 'none yet'}")
    print(f"timed: {GWLINT}, {installed.summary(install)}")
    print(f"peers: autocorrect-node {peer_version(ac_exe, 'autocorrect-node')}, "
          f"zhlint {peer_version(zh_exe, 'zhlint')}{'; ' + note if note else ''}")

    targets = Targets()
    memory: dict[int, tuple] = {}
    corpora = Corpora(args.workdir)
    needed = [args.docs] if {"corpus", "cache"} & set(args.sections) else []
    needed += args.scale if "scaling" in args.sections else []
    needed += args.memory if "memory" in args.sections else []
    if needed:
        corpora.ensure_pool(max(needed))
    with tempfile.TemporaryDirectory(prefix="gwlint-bench-") as tmp:
        scratch = Path(tmp)
        runner = Runner(scratch, args.workdir / "failed-runs")
        if "one" in args.sections:
            one_file_rows(args, runner, tools, gw_extra, targets, scratch)
        if "corpus" in args.sections:
            corpus_rows(args, runner, tools, gw_extra, corpora, targets, memory)
        if "cache" in args.sections:
            cache_rows(args, runner, gw_extra, corpora, has_cache, targets)
        if "scaling" in args.sections:
            scaling_rows(args, runner, gw_extra, corpora, targets)
        if "memory" in args.sections:
            memory_rows(args, runner, gw_extra, corpora, targets, memory)
    section("targets (issue 11)")
    table(["target", "measured", "verdict"], targets.rows)
    print(f"\nload average at end {os.getloadavg()[0]:.2f}; corpus kept in {corpora.pool}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
