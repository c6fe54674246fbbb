"""A generated corpus of work reports with planted problems and cross-document copies,
for comparing `gwlint spark` with `gwlint check` (tests/test_spark.py) and for
benchmarks/spark_bench.py.

Every sentence is composed here from slots (units, places, projects, figures) and a made-up
project name, so documents differ from each other as real ones do; then some are planted
with what the rules look for: rates above 100%, % for 个百分点, placeholders, half-width
commas, mixed ％/%, amounts without a unit, numbering gaps, plan items without a
responsible unit, a repeated sentence, suppression directives.  Across documents: a
boilerplate sentence that many documents share (more than a band bucket holds), passages
pasted from another document (verbatim or with a character changed), and whole documents
that are another one's revision (which the duplicate rule must not report sentence by
sentence).  Deterministic for a given seed.
"""
from __future__ import annotations

import random
from pathlib import Path

UNITS = ["市教育局", "区财政局", "县卫生健康委", "市交通运输局", "区人社局", "县农业农村局", "市生态环境局",
         "区文旅局", "市住建局", "县水利局", "市民政局", "区市场监管局", "市体育局", "县自然资源局"]
PLACES = ["城东片区", "城西新区", "北部山区", "南湖街道", "高新园区", "滨江镇", "河口乡", "经济开发区",
          "东岭村", "西坪社区", "桃源街道", "青山镇"]
ACTIONS = ["完成", "推进", "新建", "改造", "提升", "启动", "实施", "验收"]
PROJECTS = ["老旧小区改造项目", "农村公路养护工程", "中小学校舍维修项目", "社区养老服务站", "污水管网建设工程",
            "职业技能培训项目", "基层卫生院标准化建设", "河道综合治理工程", "智慧校园试点", "公共文化服务点",
            "农田水利设施", "城市绿道"]
INDICATORS = ["覆盖率", "达标率", "完成率", "合格率", "净入学率", "验收合格率"]
MEASURES = ["加强统筹调度", "压实工作责任", "强化资金保障", "完善考核机制", "健全长效机制", "优化审批流程"]
NAME_CHARS = "安宁康泰和顺丰华兴盛明德惠民福祥瑞嘉禾春晖清源锦绣长乐永新启航同心筑梦望岳临川"
BOILERPLATE = "全面落实上级决策部署，坚持稳中求进工作总基调，扎实推进各项重点任务落地见效，确保全年目标任务圆满完成。"
NUMERALS = "一二三四五六七八九十"


def _name(rng: random.Random) -> str:
    return "“" + "".join(rng.choice(NAME_CHARS) for _ in range(5)) + "”"


def _sentence(rng: random.Random, year: int) -> str:
    unit, place, project = rng.choice(UNITS), rng.choice(PLACES), rng.choice(PROJECTS)
    kind = rng.randrange(8)
    if kind == 0:
        return (f"{year}年，{unit}{rng.choice(ACTIONS)}{place}{_name(rng)}{project}{rng.randint(2, 60)}个，"
                f"累计投入资金{rng.randint(100, 9000)}万元。")
    if kind == 1:
        return (f"{place}{project}{rng.choice(INDICATORS)}达到{rng.randint(40, 99)}%，"
                f"比上年提高{rng.randint(1, 9)}个百分点，{_name(rng)}示范点运行良好。")
    if kind == 2:
        return f"{unit}围绕{_name(rng)}行动{rng.choice(MEASURES)}，{place}新增服务对象{rng.randint(30, 3000)}人。"
    if kind == 3:
        return (f"截至{rng.randint(1, 12)}月底，{place}{project}完成投资{rng.randint(2, 90)}.{rng.randint(1, 9)}亿元，"
                f"占年度计划的{rng.randint(50, 98)}%。")
    if kind == 4:
        return f"{unit}会同{rng.choice(UNITS)}开展{_name(rng)}专项检查{rng.randint(2, 40)}次，发现并整改问题{rng.randint(5, 200)}个。"
    if kind == 5:
        return f"{place}{_name(rng)}{project}带动就业{rng.randint(50, 900)}人，惠及群众{rng.randint(1, 30)}万人。"
    if kind == 6:
        return f"{unit}{rng.choice(MEASURES)}，{_name(rng)}{project}平均办理时限压缩到{rng.randint(2, 15)}个工作日。"
    return f"{place}持续推进{_name(rng)}{project}，{rng.choice(MEASURES)}，年内完成{rng.randint(3, 80)}处点位建设。"


def _planted(rng: random.Random, year: int) -> str:
    """A sentence with one problem a rule reports (or, one time in five, a near miss)."""
    place, project, indicator = rng.choice(PLACES), rng.choice(PROJECTS), rng.choice(INDICATORS)
    kind = rng.randrange(8)
    if kind == 0:
        return f"{place}{project}{indicator}达到{rng.randint(101, 130)}%，{_name(rng)}工作走在前列。"
    if kind == 1:
        return f"{place}{project}{indicator}比上年提高{rng.randint(2, 9)}%，{_name(rng)}成效初显。"
    if kind == 2:
        return f"公开招聘{project}专业技术人员×名，{_name(rng)}岗位已发布。"
    if kind == 3:
        return f"{rng.choice(UNITS)}召开{_name(rng)}专题会议,研究部署{project}工作,明确时间表和路线图。"
    if kind == 4:
        return f"{place}{project}{indicator}达到{rng.randint(60, 99)}％，{_name(rng)}经验得到推广。"
    if kind == 5:
        return f"{year}年{place}{_name(rng)}{project}计划投入{rng.randint(2, 90)}00万以上。"
    if kind == 6:
        return f"{place}每月至少组织l次{_name(rng)}{project}现场调度。"
    return f"{place}{project}{indicator}达到{rng.randint(60, 99)}%，{_name(rng)}运行平稳。"


def _document(rng: random.Random, number: int) -> tuple[list[str], bool]:
    """Paragraph lines of one document and whether it is a plan (items need units)."""
    year = rng.choice([2021, 2022, 2023, 2024])
    plan = rng.random() < 0.3
    title = f"{rng.choice(UNITS)}{year}年{'工作要点' if plan else '工作总结'}"
    lines = [title, ""]
    headings = rng.randint(3, 5)
    numbers = list(range(headings))
    if rng.random() < 0.15:                       # a numbering gap
        numbers = [n if n < 2 else n + 1 for n in numbers]
    for h in numbers:
        lines.append(f"{NUMERALS[h]}、{rng.choice(PROJECTS)}方面")
        for item in range(rng.randint(2, 4)):
            sentences = [_sentence(rng, year) for _ in range(rng.randint(1, 3))]
            if rng.random() < 0.25:
                sentences.insert(rng.randrange(len(sentences) + 1), _planted(rng, year))
            text = "".join(sentences)
            if plan:
                marker = f"{item + 1}."
                if rng.random() < 0.7:
                    text += f"（牵头单位：{rng.choice(UNITS)}；责任单位：{rng.choice(UNITS)}）"
                text = marker + text
            if rng.random() < 0.04:               # a directive that silences the next line
                lines.append("gwlint-disable-next-line punctuation, percent-range")
            lines.append(text)
    if rng.random() < 0.1:                        # a sentence said twice
        body = [i for i, line in enumerate(lines) if "。" in line]
        if body:
            first = lines[rng.choice(body)]
            lines.append(first.split("。")[0].lstrip("0123456789.") + "。")
    return lines, plan


def generate(folder: Path, count: int, seed: int = 14) -> dict:
    """Write ``count`` documents under ``folder``; returns what was planted."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    docs: list[list[str]] = [_document(rng, n)[0] for n in range(count)]
    planted = {"boilerplate": 0, "pasted": 0, "versions": 0}
    for n, lines in enumerate(docs):
        if rng.random() < 0.12:                   # the boilerplate sentence
            lines.insert(2, BOILERPLATE)
            planted["boilerplate"] += 1
        if n > 0 and rng.random() < 0.15:         # passages pasted from another document
            source = docs[rng.randrange(count)]
            long_lines = [line for line in source if len(line) > 40 and line is not lines]
            for line in rng.sample(long_lines, min(len(long_lines), rng.randint(1, 3))):
                sentence = line.split("。")[0].lstrip("0123456789.") + "。"
                if rng.random() < 0.3 and len(sentence) > 30:   # one character changed
                    k = rng.randrange(8, len(sentence) - 8)
                    if "\u4e00" <= sentence[k] <= "\u9fff":
                        sentence = sentence[:k] + rng.choice(NAME_CHARS) + sentence[k + 1:]
                at = rng.randrange(3, len(lines) + 1)
                lines.insert(at, sentence)
                if rng.random() < 0.1:            # a copy its author marked as intended
                    lines.insert(at, "gwlint-disable-next-line duplicate")
                planted["pasted"] += 1
    names = []
    for n in range(count):
        if n % 97 == 5:
            names.append(f"县区 报送/{n:05d} 总结.txt")      # a space and Chinese in the path
        elif n % 10 == 3:
            names.append(f"{2020 + n % 5}/{n:05d}.md")
        else:
            names.append(f"{2020 + n % 5}/{n:05d}.txt")
    for n in range(0, count, 53):                 # revisions of one document
        if n + 1 < count:
            revised = list(docs[n])
            revised[0] = revised[0] + "（修订稿）"
            docs[n + 1] = revised
            planted["versions"] += 1
    for n, (name, lines) in enumerate(zip(names, docs)):
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        text = "\n".join(lines) + "\n"
        if name.endswith(".md"):
            text = "# " + text
        if n % 61 == 7:
            path.write_bytes(text.encode("gb18030"))
        elif n % 71 == 9:
            path.write_bytes(text.replace("\n", "\r\n").encode("utf-8-sig"))
        else:
            path.write_text(text, encoding="utf-8")
    return planted


if __name__ == "__main__":
    import sys

    print(generate(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 500))
