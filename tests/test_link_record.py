"""``indicators.Link`` made at its first use: the quantities layer does not make it, and
the record is the frozen dataclass it was (named, printed, pickled alike)."""
import dataclasses
import pickle
import subprocess
import sys

import pytest

from checker.model.span import Span

_LAYER_ONLY = """
import checker.model.indicators as indicators
from checker.model.document import Document
doc = Document.from_text("全市学前三年毛入学率达到93.5%，比上年提高2个百分点。\\n")
assert [q.indicator for q in doc.quantities][1:] == ["学前三年毛入学率", "学前三年毛入学率"], doc.quantities
assert "Link" not in vars(indicators)
"""


def test_the_quantities_layer_does_not_make_the_link_record():
    done = subprocess.run([sys.executable, "-c", _LAYER_ONLY], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_the_link_record_is_the_frozen_dataclass():
    from checker.model import indicators
    from checker.model.indicators import Link

    assert indicators.Link is Link and indicators._link_record() is Link
    assert Link.__qualname__ == "Link" and Link.__module__ == "checker.model.indicators"
    assert [f.name for f in dataclasses.fields(Link)] == ["indicator", "indicator_span", "verb", "verb_span",
                                                          "verb_kind"]
    link = Link("入学率", Span(0, 3), "达到", Span(3, 5), "level")
    assert repr(link) == ("Link(indicator='入学率', indicator_span=Span(start=0, end=3), verb='达到', "
                          "verb_span=Span(start=3, end=5), verb_kind='level')")
    again = Link("入学率", Span(0, 3), "达到", Span(3, 5), "level")
    assert pickle.loads(pickle.dumps(link)) == link == again and hash(link) == hash(again)
    with pytest.raises(dataclasses.FrozenInstanceError):
        link.verb = None
