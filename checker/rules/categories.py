"""The fixed list of violation categories (reports/json-contract.md lists them)."""

CATEGORIES: tuple[str, ...] = (
    "percent-range",
    "rate-change",
    "unit-consistency",
    "responsibility",
    "duplicate",
    "numbering",
    "enumeration-count",
    "arithmetic",
    "metric-conflict",
    "punctuation",
    "number-format",
    "placeholder",
    "artifact",
    "stale-reference",
    "terminology",
    "typo",
)


# The categories' names on Chinese pages (the HTML report); the ids stay the contract.
CATEGORY_NAMES_ZH: dict[str, str] = {
    "percent-range": "百分比越界",
    "rate-change": "百分点误用",
    "unit-consistency": "单位不一致",
    "responsibility": "责任单位",
    "duplicate": "重复内容",
    "numbering": "编号错误",
    "enumeration-count": "列举数量不符",
    "arithmetic": "计算不符",
    "metric-conflict": "指标前后矛盾",
    "punctuation": "标点符号",
    "number-format": "数字写法",
    "placeholder": "未填占位符",
    "artifact": "转换或网页残留",
    "stale-reference": "时间表述过时",
    "terminology": "术语规范",
    "typo": "错别字",
}
