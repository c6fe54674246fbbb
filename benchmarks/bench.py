"""Benchmarks of gwlint beside the Chinese linters people use today.

Prints (a) the wall time of `gwlint check` on one seed file in a fresh process and
(b) the throughput in MB/s over a generated corpus of 1,000 seed-sized documents, and the
same figures for autocorrect (autocorrect-py) and zhlint, installed into a scratch folder
when missing.  Targets (printed, not asserted): (a) < 0.3 s, (b) > 2 MB/s on 2 cores.

    .venv/bin/python benchmarks/bench.py [--docs 1000] [--repeat 5] [--skip-peers]
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
SCRATCH = ROOT / "benchmarks" / ".scratch"
VENV_BIN = Path(sys.executable).parent


def gwlint_cmd() -> list[str]:
    exe = VENV_BIN / "gwlint"
    if not exe.exists():
        sys.exit("gwlint is not installed in this venv: pip install -e .")
    return [str(exe), "check", "--no-config", "--format", "json", "--fail-on", "error"]


def make_corpus(n: int, folder: Path) -> int:
    """Seed-sized documents of the genre, deterministic for a given ``n``.

    Each document keeps a seed's headings and numbering but writes its paragraphs with an
    order-4 character Markov chain trained on all seeds: the text has the genre's
    vocabulary, figures and punctuation, yet its sentences are new, as in a real
    repository of distinct documents.  (Recycling the seeds' own sentences instead turns
    the run into a benchmark of the duplicate rules, every document being full of copies.)
    """
    import re

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


def wall(cmd: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def ensure_autocorrect() -> list[str] | None:
    """autocorrect-py has no CLI of its own; time it through a tiny runner in a scratch venv."""
    venv = SCRATCH / "autocorrect-venv"
    py = venv / "bin" / "python"
    if not py.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, stdout=subprocess.DEVNULL)
        r = subprocess.run([str(py), "-m", "pip", "install", "-q", "autocorrect-py"], capture_output=True)
        if r.returncode:
            return None
    runner = SCRATCH / "autocorrect_runner.py"
    runner.write_text(
        "import sys, os, autocorrect_py as ac\n"
        "from concurrent.futures import ProcessPoolExecutor\n"
        "def one(p):\n"
        "    return len(ac.lint_for(open(p, encoding='utf-8').read(), p).lines)\n"
        "paths = [os.path.join(a, f) for x in sys.argv[1:] for a, _, fs in (os.walk(x) if os.path.isdir(x) else [('', [], [x])]) for f in fs]\n"
        "if len(paths) > 1:\n"
        "    with ProcessPoolExecutor(os.cpu_count()) as ex: list(ex.map(one, paths, chunksize=16))\n"
        "else:\n"
        "    [one(p) for p in paths]\n", encoding="utf-8")
    return [str(py), str(runner)]


def ensure_zhlint() -> list[str] | None:
    folder = SCRATCH / "zhlint"
    exe = folder / "node_modules" / ".bin" / "zhlint"
    if not exe.exists():
        if not shutil.which("npm"):
            return None
        folder.mkdir(parents=True, exist_ok=True)
        r = subprocess.run(["npm", "install", "--silent", "--prefix", str(folder), "zhlint"], capture_output=True)
        if r.returncode or not exe.exists():
            return None
    return [str(exe)]


def zhlint_corpus_cmd(exe: list[str], folder: Path) -> list[str]:
    # zhlint takes file globs; it runs on one core.
    return [*exe, str(folder / "*.txt")]


def report(name: str, one: float | None, mbps: float | None) -> None:
    a = f"{one:6.3f} s" if one is not None else "   n/a  "
    b = f"{mbps:7.2f} MB/s" if mbps is not None else "     n/a"
    print(f"{name:<14} one file: {a}   corpus: {b}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--skip-peers", action="store_true")
    args = ap.parse_args()
    corpus = SCRATCH / "corpus"
    size = make_corpus(args.docs, corpus)
    seed = str(SEEDS[0])
    print(f"machine: {os.cpu_count()} cores; one file = {SEEDS[0].name} ({SEEDS[0].stat().st_size / 1024:.1f} KB); "
          f"corpus = {args.docs} docs, {size / 1e6:.1f} MB")
    print("targets: one file < 0.3 s, corpus > 2 MB/s")

    cmd = gwlint_cmd()
    one = wall([*cmd, seed], args.repeat)
    t = wall([*cmd, str(corpus)], 1)
    report("gwlint", one, size / 1e6 / t)

    if args.skip_peers:
        return
    ac = ensure_autocorrect()
    if ac:
        report("autocorrect-py", wall([*ac, seed], args.repeat), size / 1e6 / wall([*ac, str(corpus)], 1))
    else:
        report("autocorrect-py", None, None)
        print("  (autocorrect-py could not be installed here)")
    zh = ensure_zhlint()
    if zh:
        one_zh = wall([*zh, seed], args.repeat)
        report("zhlint", one_zh, size / 1e6 / wall(zhlint_corpus_cmd(zh, corpus), 1))
    else:
        report("zhlint", None, None)
        print("  (zhlint could not be installed here: needs npm)")


if __name__ == "__main__":
    main()
