"""Which numbered items of a document are tasks that need a responsible unit, and which
of them carry an annotation.  Shared by the responsibility kinds (not a kind itself).

The policy (data ``responsibility.policy``, overridable per rule):

* never in a summary section (``doc.kind_at`` is "summary");
* an item is *required* when the document title, its section's title or a heading above
  it names one of ``require_titles`` (工作要点, 实施方案, 任务分工 …), or when it sits in a
  plan section and ``require_in_work_plans`` is set — unless ``only_when_some_annotated``;
* whatever the titles say, in a group of items where some are annotated, the others are
  missing theirs.

Task items are, in a section where some items are annotated, the items of the
numbering style the annotated ones use (an annotated item's sub-items are its detail);
otherwise the leaves of the numbered-block tree (the deepest numbered level that carries
content) of the style most leaves use.  Items under a heading such as 保障措施 or
指导思想 are not tasks.

An annotation standing on its own line after the last of a group of sub-items, none of
which has its own (``（1）…（4）…`` then ``（责任单位：…）``), is the group's: it belongs
to their parent item.  The last item of a text that was cut off (the text ends
mid-sentence, or on a bare heading, or, where annotations stand on their own lines after
each item, right after an item) is not missing one: its annotation would have followed.
"""
from __future__ import annotations

import weakref
from collections import Counter, defaultdict

from checker.model.annotations import Annotation, Policy, annotations_of, responsibility_data
from checker.model.structure import STYLE_ORDER, Block

TYPE_CHECKING = False  # not typing's: a run need not import typing (type checkers read the name as true)
if TYPE_CHECKING:
    from checker.model.document import Document


class TaskItem:
    """A numbered block that may be a task, with the annotations naming who does it;
    ``required``: by the title policy; ``group``: (section start, numbering style);
    ``task_style``: its style is the section's task style."""

    # A plain class, not a dataclass: read and set by attribute only (never compared,
    # hashed or copied), and a dataclass is ~0.2 ms of a fresh process to make.
    __slots__ = ("block", "annotations", "required", "group", "task_style")

    def __init__(self, block: Block, annotations: list[Annotation] | None = None, required: bool = False,
                 group: tuple = (), task_style: bool = False) -> None:
        self.block = block
        self.annotations = [] if annotations is None else annotations
        self.required = required
        self.group = group
        self.task_style = task_style

    @property
    def annotated(self) -> bool:
        return bool(self.annotations)


def effective_policy(doc: "Document", overrides: dict) -> Policy:
    base = responsibility_data(doc).policy
    changes = {k: v for k, v in overrides.items() if v is not None}
    return base.model_copy(update=changes) if changes else base


def _ends_paragraph(doc: "Document", ann: Annotation) -> bool:
    """Nothing but closing punctuation after the annotation in its paragraph."""
    para = doc.paragraphs[ann.paragraph]
    rest = doc.text[ann.span.end:para.span.end]
    return not rest.strip(" 　\t。；;，,")


_TITLE_TRAILING = " \t\u3000\u3002\uff1a:\uff1b;"


def _heading_titles(block: Block) -> list[str]:
    titles = []
    parent = block.parent
    while parent is not None:
        titles.append(parent.title)
        parent = parent.parent
    return titles


def _own_annotations(doc: "Document", block: Block, anns: list[Annotation]) -> list[Annotation]:
    """Annotations in a block's own text (not in its children), clause forms only at a
    paragraph's end."""
    out = []
    for ann in anns:
        if not block.span.start <= ann.span.start < block.span.end:
            continue
        if any(c.span.start <= ann.span.start < c.span.end for c in block.children):
            continue
        if ann.form != "clauses" or _ends_paragraph(doc, ann):
            out.append(ann)
    return out


def _descendants(block: Block):
    stack = list(block.children)
    while stack:
        b = stack.pop()
        yield b
        stack.extend(b.children)


def _own_paragraph(doc: "Document", ann: Annotation) -> bool:
    """The annotation is all its paragraph holds (closing punctuation aside)."""
    para = doc.paragraphs[ann.paragraph]
    before = doc.text[para.span.start:ann.span.start]
    after = doc.text[ann.span.end:para.span.end]
    return not before.strip(" 　\t") and not after.strip(" 　\t。；;，,")


def _group_annotations(doc: "Document", blocks: list[Block], anns: list[Annotation]) -> dict[int, Block]:
    """Annotation index -> the parent block it belongs to, for an annotation on its own
    line closing the last sub-item of a group none of whose members has its own."""
    out: dict[int, Block] = {}
    for block in blocks:
        children = block.children
        if len(children) < 2:
            continue
        last = children[-1]
        mine = [k for k, ann in enumerate(anns) if last.span.start <= ann.span.start < last.span.end
                and not any(c.span.start <= ann.span.start < c.span.end for c in last.children)]
        if not mine or not all(_own_paragraph(doc, anns[k]) for k in mine):
            continue
        if anns[mine[0]].paragraph == last.paragraphs[0]:
            continue          # on the item's own first line: the item's
        others = [c for c in children[:-1]
                  if any(c.span.start <= a.span.start < c.span.end for a in anns)]
        if not others:
            for k in mine:
                out[k] = block
    return out


# The task items of the last document asked about, per policy: the responsibility-missing
# kind's two rules (missing, none-annotated) ask the same of each document, one after the
# other.  Swapped whole, (weak reference to the document, [(policy, items)]): a thread
# reads one document's entries.  The items are read, never changed, by their callers.
_LAST: tuple = (None, [])


def task_items(doc: "Document", policy: Policy) -> list[TaskItem]:
    """The document's task items under ``policy`` (see the module's docstring), in
    document order; made once per document and policy."""
    global _LAST
    last = _LAST
    if last[0] is None or last[0]() is not doc:
        last = _LAST = (weakref.ref(doc), [])
    for kept_policy, items in last[1]:
        if kept_policy is policy or kept_policy == policy:
            return items
    items = _task_items(doc, policy)
    last[1].append((policy, items))
    return items


def _task_items(doc: "Document", policy: Policy) -> list[TaskItem]:
    structure = doc.structure
    anns = annotations_of(doc)
    moved = _group_annotations(doc, list(structure.iter_blocks()), anns)
    if moved:
        # a group's closing annotation is its parent's own: widen it to the parent's text
        parents = {id(b): b for b in moved.values()}
        kept = [a for k, a in enumerate(anns) if k not in moved]
        extra = {id(b): [anns[k] for k, bb in moved.items() if bb is b] for b in parents.values()}
    else:
        kept, extra = anns, {}
    chunks = _page_chunk_numbers(doc) | _notice_items(doc, policy)
    # every numbered block that may be a task, by section
    by_section: dict[int, list[TaskItem]] = defaultdict(list)
    # what each title says, asked once per distinct title (a heading's title is asked
    # again for every item under it)
    exempt_words, criteria_ends = policy.exempt_headings, tuple(policy.criteria_heading_ends or ())
    excluded: dict[str, bool] = {}

    def excludes(title: str) -> bool:
        found = excluded.get(title)
        if found is None:
            found = excluded[title] = (any(word in title for word in exempt_words)
                                       or (bool(criteria_ends) and title.rstrip(_TITLE_TRAILING).endswith(criteria_ends)))
        return found

    for block in structure.iter_blocks():
        if id(block) in chunks:
            continue
        offset = block.marker.span.start
        if doc.kind_at(offset) == "summary":
            continue
        headings = _heading_titles(block)
        if any(excludes(title) for title in (block.title, *headings)):
            # a heading of aims or safeguards, or an item under one; or 创建标准: the
            # items under it are criteria to meet, not tasks to own
            continue
        section = doc.section_at(offset)
        key = section.span.start if section else -1
        item = TaskItem(block, _own_annotations(doc, block, kept) + extra.get(id(block), []),
                        group=(key, block.marker.style))
        if not policy.only_when_some_annotated:
            titles = [structure.title, section.title if section else "", *headings]
            if any(word in t for t in titles if t for word in policy.require_titles):
                item.required = True
            elif policy.require_in_work_plans and doc.kind_at(offset) == "plan":
                item.required = True
        by_section[key].append(item)
    items: list[TaskItem] = []
    for candidates in by_section.values():
        items.extend(_task_level(candidates))
    items.sort(key=lambda it: it.block.marker.span.start)
    return items


# a title this short (工作要点) may open an item's text by chance
_MIN_TITLE_CHARS = 6


def _page_chunk_numbers(doc: "Document") -> set[int]:
    """The numbers a document viewer puts before the chunks of a page it shows (``1、``
    before the text proper, ``2、`` before the next chunk), which are no task items: the
    first numbered block of the text is one when what follows its marker, on its line or
    the next, is the document's own title (the text proper opening with its title); the
    top-level blocks of its style that go on
    counting after it are the following chunks.  Returns the blocks' ids."""
    blocks = doc.structure.blocks
    if not blocks:
        return set()
    first = blocks[0]
    title = (doc.structure.title or "").strip()
    after = doc.text[first.marker.span.end:first.span.end].lstrip(" \t\u3000\r\n")
    if len(title) < _MIN_TITLE_CHARS or not after.startswith(title):
        return set()
    out = {id(first)}
    ordinal = first.marker.ordinal
    for block in blocks[1:]:
        if block.marker.style != first.marker.style or block.marker.ordinal != ordinal + 1:
            break
        out.add(id(block))
        out.update(id(d) for d in _descendants(block))
        ordinal += 1
    out.update(id(d) for d in _descendants(first))
    return out


_LABEL_MARKS = " \t\u3000：:【】[]〔〕（）()"


def _notice_items(doc: "Document", policy: Policy) -> set[int]:
    """The numbered items of a site's notice box (``温馨提示：`` then ``1.如需转载…``
    ``2.联系电话…``): the run of items right after a line that is nothing but one of
    ``policy.notice_labels``, each item following the label or another item of the run
    with only blank lines between.  They are the page's furniture, no plan's tasks.
    Returns the blocks' ids."""
    labels = tuple(policy.notice_labels)
    if not labels:
        return set()
    text = doc.text
    paragraphs = doc.paragraphs

    def is_label(s: str) -> bool:
        s = s.strip(_LABEL_MARKS)
        return bool(s) and s in labels

    label_paras = {p.index for p in paragraphs if is_label(p.span.of(text))}
    if not label_paras:
        return set()
    out: set[int] = set()
    run: set[int] = set()       # paragraphs of the notice items found so far
    blocks = sorted(doc.structure.iter_blocks(), key=lambda b: b.marker.span.start)
    for block in blocks:
        if not block.paragraphs:
            continue
        first = block.paragraphs[0]
        para = paragraphs[first]
        if is_label(text[para.span.start:block.marker.span.start]) and text[para.span.start:block.marker.span.start].strip():
            hit = True          # 温馨提示：1.如需转载… on one line
        else:
            hit = False
            q = first - 1
            while q >= 0 and not paragraphs[q].span.of(text).strip():
                q -= 1
            if q >= 0 and (q in label_paras or q in run):
                hit = True
        if hit:
            out.add(id(block))
            out.update(id(d) for d in _descendants(block))
            run.update(block.paragraphs)
    return out


def _task_level(candidates: list[TaskItem]) -> list[TaskItem]:
    """The items of one section that are tasks.  Where some items are annotated, the task
    level is the numbering style they use (an annotated item's sub-items are its detail);
    otherwise it is the leaves, of the style most leaves use."""
    styles = {it.block.marker.style for it in candidates if it.annotated}
    if styles:
        covered = {id(d) for it in candidates if it.annotated for d in _descendants(it.block)}
        out = [it for it in candidates if it.block.marker.style in styles and id(it.block) not in covered
               and not any(d.marker.style in styles for d in _descendants(it.block))]
        for it in out:
            it.task_style = True
        return out
    leaves = [it for it in candidates if not it.block.children]
    counts = Counter(it.block.marker.style for it in leaves)
    if counts:
        chosen = max(counts, key=lambda s: (counts[s], _style_depth(s)))
        for it in leaves:
            it.task_style = it.block.marker.style == chosen
    return leaves


def _style_depth(style: str) -> int:
    return STYLE_ORDER.index(style) if style in STYLE_ORDER else len(STYLE_ORDER)


def missing_items(doc: "Document", policy: Policy, items: list[TaskItem] | None = None) -> list[TaskItem]:
    """Task items that need an annotation and have none, in document order."""
    items = task_items(doc, policy) if items is None else items
    annotated_groups = {item.group for item in items if item.annotated}
    out = []
    for item in items:
        if item.annotated:
            continue
        if item.group in annotated_groups or (item.required and item.task_style):
            out.append(item)
    if out and _cut_within(doc, out[-1], items):
        out.pop()
    return out


def _annotations_follow(doc: "Document", items: list[TaskItem]) -> bool:
    """Whether the document's annotated items carry their annotation on lines of its own
    after the item's head (``7.…。`` then ``牵头单位：…``), not inside the item's line."""
    placed = [ann.paragraph > item.block.paragraphs[0] and _own_paragraph(doc, ann)
              for item in items for ann in item.annotations]
    return bool(placed) and all(placed)


_SENTENCE_ENDS = "。！？；!?;"


def _cut_within(doc: "Document", item: TaskItem, items: list[TaskItem]) -> bool:
    """Whether the text was cut off inside ``item``, before its annotation: the item, with
    any sub-items it has, is the last thing in the text and the text ends mid-sentence
    (a bare heading, a clause; the page store cut it inside a sub-item, before the
    group's annotation line), or the document writes its annotations on lines of their
    own after each item (the cut fell between the item and those lines)."""
    block = item.block
    paragraphs = doc.paragraphs
    if not paragraphs or block.span.end < paragraphs[-1].span.start:
        return False
    end = paragraphs[-1].span.of(doc.text).rstrip()
    # Where every annotation stands on its own lines after its item, the cut may fall
    # on the item's full stop, before the annotation lines that would have followed.
    return end[-1:] not in _SENTENCE_ENDS or _annotations_follow(doc, items)
