"""Instructions of the duplicate family, rule by rule, in process as in a worker (issue 11).

Each pool document is made fresh, the other rules run first, then each duplicate rule
(linked as in a run: duplicate-sentence finds the repeated paragraphs for
duplicate-paragraph) under its own C iterator, all inside ``itertools.dropwhile``, so
that callgrind, collecting only inside ``dropwhile_next``, gives each rule's inclusive
count (takewhile: duplicate-sentence, filterfalse: duplicate-paragraph, starmap:
repeated-word, groupby: duplicate-across-files).  ``--mark module:function`` (at most
four) runs a function under functools.reduce / compress / zip_longest / cycle too.

    .venv/bin/python benchmarks/duplicate_family_cg.py --mode time --docs 12   # warms the stores
    PYTHONHASHSEED=0 valgrind --tool=callgrind --toggle-collect=dropwhile_next \\
        --callgrind-out-file=cg.out .venv/bin/python benchmarks/duplicate_family_cg.py --docs 12
    callgrind_annotate --inclusive=yes cg.out | grep -E "dropwhile|takewhile|filterfalse|starmap|groupby"

Modes: cg (default), time (best of --passes, ms/doc per rule), prof (cProfile).
"""
import argparse, gc, itertools, sys, time, os, pickle
ap = argparse.ArgumentParser()
ap.add_argument("--first", type=int, default=0)
ap.add_argument("--docs", type=int, default=12)
ap.add_argument("--passes", type=int, default=1)
ap.add_argument("--mode", default="cg")
ap.add_argument("--pool", default="/work/scratch/pool", help="folder of docNNNN.txt")
ap.add_argument("--files", default="")
ap.add_argument("--dump", default="")
ap.add_argument("--top", type=int, default=40)
ap.add_argument("--mark", action="append", default=[])
a = ap.parse_args()
from checker.engine.settings import build_settings
from checker.engine.lint import lint_document
from checker.model.document import Document
from checker.core.collector import fewer_collections
settings = build_settings(no_config=True)
from checker.checks.registry import link_deferrals
rules = link_deferrals(list(settings.rules))
dup = [r for r in rules if r.category == "duplicate"]
other = [r for r in rules if r.category != "duplicate"]
if a.files:
    import glob
    paths = sorted(glob.glob(a.files))
else:
    paths = [f"{a.pool}/doc{i:04d}.txt" for i in range(a.first, a.first + a.docs)]
texts = [(os.path.basename(p), open(p, encoding="utf-8").read()) for p in paths]
w = Document.from_text(texts[0][1], path=texts[0][0], lexicon=settings.lexicon)
lint_document(w, rules, True)
gc.collect(); gc.freeze(); fewer_collections()
kinds = {"duplicate-sentence": itertools.takewhile, "duplicate-paragraph": itertools.filterfalse,
         "repeated-word": itertools.starmap, "duplicate-across-files": itertools.groupby}
def under(kind, fn):
    out = []
    if kind is itertools.starmap:
        list(kind(lambda: out.append(fn()), [()]))
    elif kind is itertools.groupby:
        list(kind([fn], key=lambda f: out.append(f())))
    else:
        list(kind(lambda f: (out.append(f()), kind is itertools.takewhile)[1], [fn]))
    return out[0]
def outer(fn):
    out = []
    list(itertools.dropwhile(lambda f: (out.append(f()), True)[1], [fn]))
    return out[0]
print(" ".join(r.id for r in dup), file=sys.stderr)
import functools, importlib
def _reduce(fn):
    return functools.reduce(lambda acc, f: f(), [fn], None)
def _mapped(kind):
    def run(fn):
        out = []
        it = kind(map(lambda f: out.append(f()), [fn]))
        next(it)
        return out[0]
    return run
markers = [("functools_reduce", _reduce), ("compress_next", lambda fn: _mapped(lambda m: itertools.compress(m, [1]))(fn)),
           ("zip_longest_next", _mapped(itertools.zip_longest)), ("cycle_next", _mapped(itertools.cycle))]
for (cname, wrap), spec in zip(markers, a.mark):
    mod, name = spec.split(":")
    owner = importlib.import_module(mod)
    *path, last = name.split(".")
    for p_ in path: owner = getattr(owner, p_)
    orig = getattr(owner, last)
    def marked(*args, _o=orig, _w=wrap, **kw):
        return _w(lambda: _o(*args, **kw))
    setattr(owner, last, marked)
    print(cname, spec, file=sys.stderr)
best = {r.id: float("inf") for r in dup}
dumps = []
prof = None
if a.mode == "prof":
    import cProfile; prof = cProfile.Profile()
for p in range(a.passes):
    tot = {r.id: 0.0 for r in dup}
    for path, text in texts:
        doc = Document.from_text(text, path=path, lexicon=settings.lexicon)
        lint_document(doc, other, True)
        for r in dup:
            if a.mode == "cg":
                k = kinds.get(r.id, itertools.compress)
                res = outer(lambda: under(k, lambda: lint_document(doc, [r], True)))
            elif a.mode == "prof":
                prof.enable(); res = lint_document(doc, [r], True); prof.disable()
            else:
                t = time.process_time(); res = lint_document(doc, [r], True); tot[r.id] += time.process_time() - t
            if p == 0 and a.dump:
                dumps.append((path, r.id, [repr(v) for v in res.violations], repr(res.corpus), [repr(e) for e in res.errors]))
    for k, v in tot.items():
        best[k] = min(best[k], v)
if a.dump:
    pickle.dump(dumps, open(a.dump, "wb"))
n = len(texts)
if a.mode == "time":
    print(" ".join(f"{k}={1000*v/n:.2f}" for k, v in best.items()), f"total={1000*sum(best.values())/n:.2f} ms/doc")
if a.mode == "prof":
    import pstats
    st = pstats.Stats(prof); st.sort_stats(os.environ.get("SORT", "tottime")).print_stats(a.top)
