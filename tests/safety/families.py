"""What the rule rounds' tests (test_safety_round4-9.py) look at: the names of the rules and
structural detectors that survive the layer's context filters for one message."""

from __future__ import annotations

from mindtune.safety import layer as L
from mindtune.safety import rules as R
from mindtune.safety.lexicon import detect_language
from mindtune.safety.normalize import normalize, normalize_light


def rules_fired(text: str, *, english_nouns: bool = False) -> set[str]:
    """Names of the English rules (and structural detectors) that survive the context
    filters, plus ``<lang>:phrase`` for phrases of other languages; a phrase that only names
    a noun counts in English text only with ``english_nouns``."""
    norm = normalize(text)
    hits = L._filter_hits(norm, R.scan(norm) + L._structural_hits(norm), L._distress(norm))
    light = normalize_light(text)
    lang = detect_language(light)
    ml = R.scan_multilingual(light, lang)
    return {h.rule for h in hits} | {h.rule for h in ml if not h.negated
                                     and (english_nouns or not (h.noun_only and lang == "en"))}


def family_tests(families: list[tuple[str, str]], look_alikes: list[tuple[str, str]]):  # noqa: ANN201
    """The three tests every rule round runs on its families: each (rule, text) of
    ``families`` fires its rule and is a crisis for the layer; each of ``look_alikes`` does not
    fire its rule. Assign the result to module-level names so that pytest collects them."""
    import pytest

    @pytest.mark.parametrize(("rule", "text"), families)
    def test_family_fires_on_new_words(rule, text):
        assert rule in rules_fired(text), (rule, text, rules_fired(text))

    @pytest.mark.parametrize(("rule", "text"), families)
    def test_family_is_a_crisis_for_the_layer(layer, rule, text):
        assert layer.check(text).label == "crisis", text

    @pytest.mark.parametrize(("rule", "text"), look_alikes)
    def test_look_alikes_stay_clear_of_the_family(rule, text):
        assert rule not in rules_fired(text), (rule, text, rules_fired(text))

    return (test_family_fires_on_new_words, test_family_is_a_crisis_for_the_layer,
            test_look_alikes_stay_clear_of_the_family)


def label_tests(crisis: list[str], clear: list[str]):  # noqa: ANN201
    """Two tests on the whole layer: every text of ``crisis`` is a crisis, no text of
    ``clear`` is. Assign the result to module-level names so that pytest collects them."""
    import pytest

    @pytest.mark.parametrize("text", crisis)
    def test_is_a_crisis(layer, text):
        assert layer.check(text).label == "crisis", text

    @pytest.mark.parametrize("text", clear)
    def test_stays_clear(layer, text):
        assert layer.check(text).label != "crisis", text

    return test_is_a_crisis, test_stays_clear
