"""What fuzzed documents are made of: tokens of the genre and the shapes that hurt.

Shared by the Hypothesis suite (tests/test_fuzz.py) and the long fuzz run
(benchmarks/fuzz.py), so both speak the same language.  The words are generic
vocabulary of work reports, written here for the purpose; no document is copied.
"""
from __future__ import annotations

import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

FIGURES = ["0", "1", "3", "12", "95", "100", "103", "5000", "20439.1", "1,350", "3.5", "0.8", "２０",
           "一", "三", "十二", "二十", "一百", "两", "〇", "5万", "2亿", "1.2万", "3-5", "3～5", "3~5",
           "3至5", "95%", "95％", "103%", "-5%", "百分之八十", "2023", "2022年", "二〇二三年", "l0", "1O"]
UNITS = ["万元", "亿元", "元", "所", "人", "名", "个", "项", "家", "%", "％", "‰", "个百分点", "公里",
         "平方米", "亩", "吨", "台", "次", "倍", "岁", "天", "小时", "户", "床", "座", "条", "套"]
MARKERS = ["一、", "二、", "四、", "（一）", "（三）", "(二)", "1.", "2、", "27.", "49.", "①", "②",
           "一是", "二是", "第一，", "首先，", "其次，", "最后，", "（1）", "1)", "A.", "#", "- ", "> ", "* "]
QUOTES = ["“", "”", "‘", "’", "《", "》", "「", "」", "\"", "'", "（", "）", "(", ")", "【", "】", "〔",
          "〕", "[", "]", "［", "］", "<", ">", "`", "```"]
WORDS = ["分别", "合计", "同比", "增长", "下降", "提高", "达到", "其中", "共", "新增", "累计", "完成",
         "覆盖率", "入学率", "巩固率", "占比", "比上年", "较上年", "以上", "以下", "左右", "约", "近",
         "余", "多", "不少于", "至少", "学校", "教师", "资金", "项目", "投入", "改造", "建设", "工程",
         "牵头单位", "责任单位", "牵头处室：", "责任处室：", "县教育局", "市财政局", "迎接", "党的二十大",
         "今年", "去年", "年底前", "的的", "进一步进一步", "XX", "××", "***", "某某", "待补充",
         "[bookmark: _GoBack]", "扫一扫在手机上查看当前页面", "工作总结", "工作计划", "实施方案"]
PUNCT = ["，", "。", "；", "：", "、", "！", "？", ",", ".", ";", ":", "!", "?", "…", "——", "~", "/"]
SPACES = [" ", "\u3000", "\t", "\n", "\n\n", "\r\n", "\r", "\u2028", "\u00a0", "\u200b", "\ufeff"]
ODD = ["\U0001F600", "e\u0301", "\u202e", "\x0b", "\x0c", "\x1f", "𠀀", "\uffff", "\\", "&", "<!--", "-->",
       "<!-- gwlint-disable -->", "<!-- gwlint-enable -->", "gwlint-disable-next-line", "|", "---"]
CLASSES = [FIGURES, UNITS, MARKERS, QUOTES, WORDS, PUNCT, SPACES, ODD]
WEIGHTS = [6, 4, 2, 3, 6, 4, 3, 1]


def seed_lines() -> list[str]:
    lines: list[str] = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        lines += [line for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]
    return lines


def token_soup(rng: random.Random, tokens: int) -> str:
    out = []
    for _ in range(tokens):
        pool = rng.choices(CLASSES, WEIGHTS)[0]
        out.append(rng.choice(pool))
    return "".join(out)


def mutate(rng: random.Random, line: str, edits: int) -> str:
    chars = list(line)
    for _ in range(edits):
        if not chars:
            chars = list(token_soup(rng, 3))
        i = rng.randrange(len(chars))
        op = rng.randrange(6)
        if op == 0:                                    # delete a stretch
            del chars[i:i + rng.randint(1, 8)]
        elif op == 1:                                  # repeat a stretch
            j = min(len(chars), i + rng.randint(1, 20))
            chars[i:i] = chars[i:j]
        elif op == 2:                                  # insert tokens
            chars[i:i] = list(token_soup(rng, rng.randint(1, 4)))
        elif op == 3:                                  # a figure changes
            chars[i] = rng.choice("0123456789一二三十百万亿.%")
        elif op == 4:                                  # swap neighbours
            if i + 1 < len(chars):
                chars[i], chars[i + 1] = chars[i + 1], chars[i]
        else:                                          # a line break or a mark
            chars.insert(i, rng.choice(["\n", "\r\n", "“", "）", "《", "分别", "合计"]))
    return "".join(chars)


def pathological(rng: random.Random, size: int) -> str:
    """One of the shapes that made checks slow or crash: long lines, repeated clauses,
    deep nesting, runs of one mark, many tiny paragraphs."""
    lines = seed_lines()
    shape = rng.randrange(8)
    if shape == 0:                                     # one long line of seed text
        text = ""
        while len(text) < size:
            text += rng.choice(lines)
        return text[:size]
    if shape == 1:                                     # template clauses, figures only differ
        clause = rng.choice(["投入资金{}万元改造校舍{}所", "覆盖率达到{}%，同比提高{}个百分点", "新增学位{}个，其中公办{}个"])
        parts = [clause.format(rng.randint(1, 9999), rng.randint(1, 99)) for _ in range(size // 18)]
        return rng.choice(["，", "；", "。"]).join(parts) + "。"
    if shape == 2:                                     # deep bracket and quote nesting
        depth = size // 4
        return "（“《【" * depth + "达到103%" + "】》”）" * rng.randint(0, depth)
    if shape == 3:                                     # deep Markdown lists and quotes
        depth = min(size // 20, 300)
        out = []
        for d in range(depth):
            out.append(">" * d + " " + "  " * d + "- 第%d层覆盖率达到103%%。" % d)
        return "\n".join(out)
    if shape == 4:                                     # a run of one mark
        return rng.choice(["（", "“", "、", "，", "分别", "1", "一", "%", "l", "\n", " "]) * (size // 2)
    if shape == 5:                                     # many tiny paragraphs
        return "\n\n".join(token_soup(rng, 3) for _ in range(size // 8))
    if shape == 6:                                     # numbered items without end
        return "\n".join(f"{i}.{token_soup(rng, 4)}" for i in range(1, size // 10))
    return mutate(rng, rng.choice(lines) * max(1, size // 200), size // 50)
