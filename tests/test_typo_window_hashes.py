"""The phrase scan's window hashes from prefix sums (checker.checks.typo.window_hashes) are
the index's character-at-a-time polynomial hash, for any start and length."""
from __future__ import annotations

import random

from checker.checks.typo import phrase_index as pi


def _reference(text: str, start: int, n: int) -> int:
    return pi._hash_str(text[start:start + n])


def _codes(text: str):
    from checker.core.numeric import np

    return np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)


def test_every_window_hash_equals_the_polynomial_hash():
    from checker.core.numeric import np
    from checker.checks.typo.window_hashes import WindowHashes

    rng = random.Random(3)
    alphabet = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严ab1，。 \n\U00020000"
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 300))) for _ in range(60)]
    texts.append("".join(rng.choice(alphabet) for _ in range(9000)))        # past the first powers kept
    texts.append("".join(rng.choice(alphabet) for _ in range(20)))          # a short one after it
    checked = 0
    for text in texts:
        windows = WindowHashes(_codes(text))
        starts, lengths = [], []
        for _ in range(200):
            start = rng.randrange(len(text))
            starts.append(start)
            lengths.append(rng.randint(1, len(text) - start))
        got = windows.of(np.array(starts, dtype=np.int64), np.array(lengths, dtype=np.int64)).tolist()
        assert got == [_reference(text, s, n) for s, n in zip(starts, lengths)]
        one_length = windows.of(np.array([s for s in starts if s + 2 <= len(text)], dtype=np.int64), 2).tolist()
        assert one_length == [_reference(text, s, 2) for s in starts if s + 2 <= len(text)]
        checked += len(got)
    assert checked > 10_000


def test_powers_wrap_as_python_integers_do():
    from checker.checks.typo.window_hashes import BASE, INVERSE, powers

    base_powers, inverse_powers = powers(5000)
    for k in (0, 1, 2, 63, 64, 65, 1000, 4999):
        assert int(base_powers[k]) == pow(BASE, k, 1 << 64)
        assert int(inverse_powers[k]) == pow(INVERSE, k, 1 << 64)
    assert BASE == pi._BASE_INT and (BASE * INVERSE) % (1 << 64) == 1
