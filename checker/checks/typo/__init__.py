"""错别字: wrong, missing, extra and swapped characters (the ``typo`` category).

Three layers, all data-driven (``rules/typo/``):

* confusion rules — literal misspellings that are never right (``literal``), misspellings
  that depend on their neighbours (``context``: 截止 before a date, 即要…又, 必需 before a
  verb, the guiding thought's name), words a synonym "spinner" put into official
  collocations (``spinner``), traditional characters in simplified text (``traditional``);
* phrase repair (``phrase``): a span one edit away from a fixed phrase (an idiom, a long
  dictionary word, an official phrase or a statutory name) that is not itself a word;
* no character language model (see the README for what one would need).

Doubled characters: a doubling whose copies are whole words (的的, 招聘招聘) is the
``stutter`` kind's (rule ``repeated-word``); a doubled character inside a word
(理论论学习) is this family's — each kind skips what the other reports.
"""

# kind name -> module in this package (imported on first use).
KINDS: dict[str, str] = {
    "typo-literal": "literal",
    "typo-context": "context",
    "typo-spinner": "spinner",
    "typo-traditional": "traditional",
    "typo-phrase": "phrase",
}
