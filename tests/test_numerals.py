import pytest

from checker.model.numerals import is_cn_numeral, parse_cn_int


@pytest.mark.parametrize("text, value", [
    ("一", 1), ("九", 9), ("十", 10), ("十一", 11), ("二十", 20), ("二十九", 29),
    ("九十九", 99), ("一十二", 12), ("一百", 100), ("一百零五", 105), ("三百二十", 320),
    ("两千", 2000), ("一千零一", 1001), ("两万", 20000), ("一万二千", 12000),
    ("一万零五", 10005), ("十二万", 120000), ("三万五千", 35000),
    ("一亿二千万", 120_000_000), ("三亿零五百万", 305_000_000),
    ("零", 0), ("〇", 0), ("两", 2), ("二〇二三", 2023), ("一九", 19),
])
def test_parses(text, value):
    assert parse_cn_int(text) == value


@pytest.mark.parametrize("text", ["", "百", "万", "十十", "十百", "三五十", "两万余", "第三", "3", "二〇两三"])
def test_rejects(text):
    assert parse_cn_int(text) is None
    assert not is_cn_numeral(text)
