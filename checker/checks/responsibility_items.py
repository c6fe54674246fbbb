"""Which numbered items of a document are tasks that need a responsible unit, and which
of them carry an annotation.  Shared by the responsibility kinds (not a kind itself).

The policy (data ``responsibility.policy``, overridable per rule):

* never in a summary section (``doc.kind_at`` is "summary");
* an item is *required* when the document title, its section's title or a heading above
  it names one of ``require_titles`` (工作要点, 实施方案, 任务分工 …), or when it sits in a
  plan section and ``require_in_work_plans`` is set — unless ``only_when_some_annotated``;
* whatever the titles say, in a group of items where some are annotated, the others are
  missing theirs.

Task items are the leaves of the numbered-block tree (the deepest numbered level that
carries content); items under a heading such as 保障措施 or 指导思想 are not tasks.  Items
are grouped by section and numbering style; a section's task style is the style most of
its leaves use.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from checker.model.annotations import Annotation, Policy, annotations_of, responsibility_data
from checker.model.structure import STYLE_ORDER, Block

if TYPE_CHECKING:
    from checker.model.document import Document


@dataclass
class TaskItem:
    block: Block
    annotations: list[Annotation] = field(default_factory=list)
    required: bool = False      # by the title policy
    group: tuple = ()           # (section start, numbering style)
    task_style: bool = False    # its style is the section's task style

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


def _heading_titles(block: Block) -> list[str]:
    titles = []
    parent = block.parent
    while parent is not None:
        titles.append(parent.title)
        parent = parent.parent
    return titles


def task_items(doc: "Document", policy: Policy) -> list[TaskItem]:
    structure = doc.structure
    leaves = [b for b in structure.iter_blocks() if not b.children]
    anns = annotations_of(doc)
    items: list[TaskItem] = []
    for block in leaves:
        offset = block.marker.span.start
        if doc.kind_at(offset) == "summary":
            continue
        headings = _heading_titles(block)
        if any(word in title for title in headings for word in policy.exempt_headings):
            continue
        section = doc.section_at(offset)
        item = TaskItem(block, group=(section.span.start if section else -1, block.marker.style))
        for ann in anns:
            if block.span.start <= ann.span.start < block.span.end:
                if ann.form != "clauses" or _ends_paragraph(doc, ann):
                    item.annotations.append(ann)
        if not policy.only_when_some_annotated:
            titles = [structure.title, section.title if section else "", *headings]
            if any(word in t for t in titles if t for word in policy.require_titles):
                item.required = True
            elif policy.require_in_work_plans and doc.kind_at(offset) == "plan":
                item.required = True
        items.append(item)
    _mark_task_styles(items)
    return items


def _style_depth(style: str) -> int:
    return STYLE_ORDER.index(style) if style in STYLE_ORDER else len(STYLE_ORDER)


def _mark_task_styles(items: list[TaskItem]) -> None:
    by_section: dict[int, Counter] = defaultdict(Counter)
    for item in items:
        by_section[item.group[0]][item.group[1]] += 1
    chosen = {}
    for section, counts in by_section.items():
        chosen[section] = max(counts, key=lambda s: (counts[s], _style_depth(s)))
    for item in items:
        item.task_style = chosen[item.group[0]] == item.group[1]


def missing_items(doc: "Document", policy: Policy) -> list[TaskItem]:
    """Task items that need an annotation and have none, in document order."""
    items = task_items(doc, policy)
    annotated_groups = {item.group for item in items if item.annotated}
    out = []
    for item in items:
        if item.annotated:
            continue
        if item.group in annotated_groups or (item.required and item.task_style):
            out.append(item)
    return out
