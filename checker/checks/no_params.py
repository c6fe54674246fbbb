"""The ``Params`` of a kind that takes no parameters: a rule giving it any is refused.

Such a kind imports this class instead of declaring an empty one of its own; each model
class costs a fresh process ~0.1 ms to make (the class and its slots), and a one-file run
imports some twenty kinds without parameters (issue 11).
"""
from __future__ import annotations

from checker.core.plain_model import BaseModel, ConfigDict


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)
