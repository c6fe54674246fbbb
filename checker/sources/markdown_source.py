"""Markdown: keep the prose, blank everything else, and keep every position.

The masked text has exactly the length and the line ends of the original; every
character that is not prose becomes a space.  So an offset in the masked text has the
same line and column in the original file, and checks never see Markdown syntax.

What counts as prose is decided by markdown-it-py (CommonMark plus tables and
strikethrough): the text of paragraphs, headings, list items, block quotes and table
cells is revealed; everything else stays blank — front matter, fenced and indented code,
HTML blocks and inline HTML (so ``<!-- gwlint-… -->`` directives are blanked in the
text; suppression parsing reads the original), inline code, images, link destinations
and titles, link reference definitions, emphasis and heading marks, bullet markers,
block-quote marks and table pipes.  Ordered-list numbers (``1.``) stay: in these
documents they are the author's item numbering, which the numbering rules check.
"""
from __future__ import annotations

import re
from functools import lru_cache

_FRONT_MATTER_OPEN = {"---": ("---", "..."), "+++": ("+++",)}


# markdown-it stops parsing a container nested deeper than its maxNesting (20 by default)
# and silently drops the rest of it.  100 levels parse without deep recursion; what lies
# deeper still is checked line by line (_reveal_unparsed), never skipped.
MAX_NESTING = 100
_LEAF_BLOCKS = frozenset({"inline", "fence", "code_block", "html_block", "hr", "heading_open",
                          "paragraph_open", "table_open"})
# Container marks at the start of a line: block quotes, bullets, blanks (an ordered item's
# number stays, as in the parsed text).
_CONTAINER_MARKS = re.compile(r"[ \t]*(?:(?:>|[-*+](?=[ \t]))[ \t]*)*")


@lru_cache(maxsize=1)
def _parser():
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}).enable(["table", "strikethrough"])
    # Keep escapes and entities as separate tokens with their source markup, so the
    # masker can find them in the original text.
    md.disable("text_join")
    return md


def front_matter_lines(lines: list[str]) -> int:
    """How many leading lines are YAML (``---``) or TOML (``+++``) front matter (0 if none)."""
    if not lines:
        return 0
    closers = _FRONT_MATTER_OPEN.get(lines[0].rstrip())
    if not closers:
        return 0
    for j in range(1, len(lines)):
        if lines[j].rstrip() in closers:
            return j + 1
    return 0


def mask_markdown(text: str) -> str:
    """Blank all but the prose of a Markdown text (``\\n`` line ends), keeping its length."""
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    skip = front_matter_lines(lines)
    parsed = text if not skip else "\n" * skip + "\n".join(lines[skip:])
    keep = bytearray(len(text))          # 1 = prose, shown as is
    try:
        tokens = _parser().parse(parsed)
    except RecursionError:               # nesting beyond what the parser can take
        tokens = []
    _Revealer(text, starts, keep).walk(tokens)
    if not tokens or max(t.level for t in tokens) >= MAX_NESTING - 1:
        _reveal_unparsed(text, lines, starts, tokens, skip, keep)
    out = [c if (keep[i] or c == "\n") else " " for i, c in enumerate(text)]
    return "".join(out)


def _reveal_unparsed(text: str, lines: list[str], starts: list[int], tokens, skip: int, keep: bytearray) -> None:
    """Lines the parser gave up on (nested too deep) are prose without their container
    marks: checked as text rather than dropped."""
    covered = bytearray(len(lines) + 1)
    for token in tokens:
        if token.map and token.type in _LEAF_BLOCKS:
            first, last = token.map
            covered[first:last] = b"\x01" * (last - first)
    for n in range(skip, len(lines)):
        line = lines[n]
        if covered[n] or not line.strip():
            continue
        body = _CONTAINER_MARKS.match(line).end()
        for i in range(starts[n] + body, starts[n] + len(line)):
            keep[i] = 1


class _Revealer:
    """Walks markdown-it tokens and marks the characters of prose in the source."""

    def __init__(self, text: str, starts: list[int], keep: bytearray) -> None:
        self.text = text
        self.starts = starts
        self.keep = keep

    def _line_range(self, mapping) -> tuple[int, int]:
        first, last = mapping
        last = min(last, len(self.starts) - 1)
        return self.starts[first], max(self.starts[first], self.starts[last] - 1)

    def _reveal(self, start: int, end: int) -> None:
        for i in range(start, end):
            self.keep[i] = 1

    def walk(self, tokens) -> None:
        for token in tokens:
            if token.type == "inline" and token.map:
                start, end = self._line_range(token.map)
                self._inline(token.children or [], start, end)
            elif token.type == "list_item_open" and token.map and token.markup in (".", ")"):
                # the author's item number ("3." / "3)") stays visible
                start, end = self._line_range(token.map)
                marker = f"{token.info}{token.markup}"
                at = self.text.find(marker, start, min(end, self.starts[token.map[0] + 1]))
                if at >= 0:
                    self._reveal(at, at + len(marker))

    def _inline(self, children, start: int, end: int) -> None:
        text = self.text
        pos = start
        skip_until_close: str | None = None
        for child in children:
            kind = child.type
            if skip_until_close:
                if kind == skip_until_close:
                    skip_until_close = None
                continue
            if kind == "text":
                if not child.content:
                    continue
                at = text.find(child.content, pos, end)
                if at >= 0:
                    self._reveal(at, at + len(child.content))
                    pos = at + len(child.content)
            elif kind == "text_special":
                at = text.find(child.markup, pos, end)
                if at >= 0:
                    if child.info == "escape":  # "\*" shows "*"; the backslash is blank
                        self._reveal(at + 1, at + len(child.markup))
                    pos = at + len(child.markup)
            elif kind == "code_inline":
                at = text.find(child.markup, pos, end)
                if at >= 0:
                    close = text.find(child.markup, at + len(child.markup), end)
                    pos = close + len(child.markup) if close >= 0 else at + len(child.markup)
            elif kind == "html_inline":
                at = text.find(child.content, pos, end)
                if at >= 0:
                    pos = at + len(child.content)
            elif kind == "link_open" and child.markup == "autolink":
                at = text.find("<", pos, end)
                close = text.find(">", at, end) if at >= 0 else -1
                if close >= 0:
                    pos = close + 1
                skip_until_close = "link_close"
            elif kind == "link_open":
                at = text.find("[", pos, end)
                if at >= 0:
                    pos = at + 1
            elif kind == "link_close":
                at = text.find("]", pos, end)
                if at >= 0:
                    pos = _link_tail_end(text, at + 1, end)
            elif kind == "image":
                at = text.find("![", pos, end)
                if at >= 0:
                    close = _matching_bracket(text, at + 1, end)
                    pos = _link_tail_end(text, close + 1, end) if close >= 0 else at + 2
            elif child.markup and kind.endswith(("_open", "_close")):
                # emphasis, strong, strikethrough: skip the marks themselves
                at = text.find(child.markup, pos, end)
                if at >= 0:
                    pos = at + len(child.markup)


_TAIL_SPACE = re.compile(r"[ \t]*")


def _matching_bracket(text: str, at: int, end: int) -> int:
    """Index of the ``]`` closing the ``[`` at ``at`` (escapes and nesting respected), or -1."""
    depth = 0
    i = at
    while i < end:
        c = text[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            depth += 1
        elif c == "]":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return -1


def _link_tail_end(text: str, pos: int, end: int) -> int:
    """After a link's ``]``: skip ``(destination "title")`` or ``[label]`` when present."""
    if pos < end and text[pos] == "(":
        depth = 0
        i = pos
        while i < end:
            c = text[i]
            if c == "\\":
                i += 2
                continue
            if c == "<":  # <destination with spaces>
                close = text.find(">", i, end)
                i = close + 1 if close >= 0 else i + 1
                continue
            if c in "\"'":
                close = text.find(c, i + 1, end)
                i = close + 1 if close >= 0 else i + 1
                continue
            if c == "(":
                depth += 1
            elif c == ")":
                depth -= 1
                if depth == 0:
                    return i + 1
            i += 1
        return pos
    if pos < end and text[pos] == "[":
        close = _matching_bracket(text, pos, end)
        return close + 1 if close >= 0 else pos
    return pos
