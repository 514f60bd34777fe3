"""Forty-eighth round (docs/safety.md): the multilingual trainer's embeddings cache for a
kept, tuned encoder."""

from __future__ import annotations

import numpy as np
import pytest

from .conftest import load_script
from .test_safety_round21 import write_tiny_train


def test_a_tuned_encoder_keeps_its_own_embeddings_cache(tmp_path, monkeypatch):
    from mindtune.safety.ml_classifier import default_ml_weights_path

    source = default_ml_weights_path()
    cache, train = tmp_path / "cache.npz", str(write_tiny_train(tmp_path))
    trainer = load_script("train_safety_ml_classifier")
    argv = ["train", "--train", train, "--encoder-from", str(source), "--emb-cache", str(cache)]
    monkeypatch.setattr("sys.argv", [*argv, "--out", str(tmp_path / "a.npz")])
    trainer.main()
    with np.load(cache) as data:
        assert str(data["encoder"]).startswith("tuned-") and len(data["texts"]) >= 5
    # a second run reads every embedding from the cache: the engine embeds nothing
    monkeypatch.setattr(trainer, "embed", lambda engine, texts: pytest.fail("embedded again"))
    monkeypatch.setattr("sys.argv", [*argv, "--out", str(tmp_path / "b.npz")])
    trainer.main()
    with np.load(tmp_path / "a.npz") as a, np.load(tmp_path / "b.npz") as b:
        assert np.array_equal(a["coef"], b["coef"]) and np.array_equal(a["knn_emb"], b["knn_emb"])


def test_a_cache_of_another_encoder_is_refused_in_one_line(tmp_path, monkeypatch):
    from mindtune.safety.ml_classifier import default_ml_weights_path

    published = tmp_path / "published.npz"  # written before caches named their encoder
    np.savez(published, texts=np.array(["hola"]), emb=np.zeros((1, 384), np.float32))
    out = tmp_path / "ml.npz"
    monkeypatch.setattr("sys.argv", ["train", "--train", str(write_tiny_train(tmp_path)),
                                     "--encoder-from", str(default_ml_weights_path()),
                                     "--emb-cache", str(published), "--out", str(out)])
    with pytest.raises(SystemExit, match=r"published\.npz: embeddings of encoder published, "
                                         r"not tuned-[0-9a-f]{16}"):
        load_script("train_safety_ml_classifier").main()
    assert not out.exists()


def test_the_encoder_digest_changes_with_any_vector():
    trainer = load_script("train_safety_ml_classifier")
    a = {"x": np.ones(3, np.float32), "y": np.zeros(2, np.float32)}
    b = {"x": np.ones(3, np.float32), "y": np.array([0.0, 1e-6], np.float32)}
    assert trainer.encoder_digest(a) == trainer.encoder_digest(dict(reversed(a.items())))
    assert trainer.encoder_digest(a) != trainer.encoder_digest(b)


# The forty-eighth round's words, first persons and negations (ml_scripts.py). Sentences of my
# own, one or more per language or form.
CRISIS = [
    "હું આપઘાત કરવાનું વિચારું છું",  # Gujarati: I am thinking of suicide
    "నేను ఆత్మహత్య చేసుకోవాలనుకుంటున్నాను",  # Telugu: I want to kill myself
    "எனக்கு சாகணும் போல இருக்கு",  # Tamil: I feel like I must die
    "ನನಗೆ ಸಾಯಬೇಕು ಅನ್ನಿಸುತ್ತಿದೆ",  # Kannada: I feel I must die
    "എനിക്ക് മരിക്കണം",  # Malayalam: I want to die
    "मला आता जगायचं नाही",  # Marathi: I do not want to live any more
    "मलाई मर्न मन लाग्छ",  # Nepali: I feel like dying
    "මට මැරෙන්න ඕනේ",  # Sinhala: I want to die
    "ខ្ញុំចង់ស្លាប់",  # Khmer: I want to die
    "ငါ သေချင်တယ်",  # Burmese: I want to die
    "ຂ້ອຍຢາກຕາຍ",  # Lao: I want to die
    "Би үхмээр байна",  # Mongolian: I want to die
    "მინდა მოვკვდე",  # Georgian: I want to die
    "ուզում եմ մեռնել",  # Armenian: I want to die
    "ራሴን ማጥፋት እፈልጋለሁ",  # Amharic: I want to kill myself
    "wallahi na gaji da komai, ina so in kashe kaina",  # Hausa: tired of it all, want to kill myself
    "waxaan rabaa inaan isdilo",  # Somali: I want to kill myself
    "mo fe ku, ko si ireti mo",  # Yoruba: I want to die, there is no hope any more
    "ngifuna ukufa namhlanje",  # Zulu: I want to die today
    "mwen vle mouri, mwen pa ka ankò",  # Haitian Creole: I want to die, I can't go on
    "am luat toate pastilele de somn",  # Romanian: I took all the sleeping pills
    "ubit ću se večeras",  # Croatian: I will kill myself tonight
    "मेरो साथीले आत्महत्या गर्छु भन्यो, म के गरूँ?",  # Nepali: my friend said he'll kill himself
    "自殺しか考えてない",  # Japanese: I think of nothing but suicide ("only", not a negation)
    "リストカットをもうやめたいのにやめられない",  # Japanese: I want to stop cutting and can't
    "อยู่ไม่ได้อยากตาย",  # Thai: I can't go on, I want to die ("cannot", not "not")
]
NEGATED = [
    "自殺なんて考えてないよ、疲れてるだけ",  # Japanese: I'm not thinking of suicide, just tired
    "자해 같은 거 안 해요, 걱정하지 마",  # Korean: I don't do anything like self-harm
    "죽고 싶다는 생각은 전혀 없어",  # Korean: no thought at all of wanting to die
    "我不是想自杀，只是太累了",  # Chinese: it's not that I want to kill myself, I'm just tired
    "ผมไม่ได้คิดจะฆ่าตัวตาย แค่เหนื่อย",  # Thai: I'm not thinking of suicide, just tired
    "ខ្ញុំមិនចង់ស្លាប់ទេ",  # Khmer: I don't want to die
    "தற்கொலை பண்ண மாட்டேன், கவலைப்படாதே",  # Tamil: I won't kill myself, don't worry
    "చనిపోవాలని లేదు, అలసిపోయాను అంతే",  # Telugu: no wish to die, I'm just tired
    "mi o ni pa ara mi, mo kan re mi",  # Yoruba: I won't kill myself, I'm just tired
    "ma doonayo inaan is dilo",  # Somali: I don't want to kill myself
]
TOPIC = [
    "амиа хорлох явдлаас урьдчилан сэргийлэх арга замууд",  # Mongolian: ways to prevent suicide
    "தற்கொலை தடுப்பு பற்றி ஒரு கட்டுரை",  # Tamil: an essay on suicide prevention
    "தற்கொலை என்றால் என்ன?",  # Tamil: what is suicide? ("என்ன", what, is no "my")
    "لماذا ينتشر الانتحار بين المراهقين؟",  # Arabic: why is suicide common among teenagers?
]


@pytest.fixture(scope="module")
def layer():
    from mindtune.safety.layer import SafetyLayer

    return SafetyLayer()


@pytest.mark.parametrize("text", CRISIS)
def test_the_new_words_and_first_persons_are_read(layer, text):
    assert layer.check(text).label == "crisis"


@pytest.mark.parametrize("text", NEGATED)
def test_their_negations_are_read_as_negations(text):
    # the words and phrases only: the learned classifiers may still read a negated sentence
    # as a crisis (known: Khmer "ខ្ញុំមិនចង់ស្លាប់ទេ", 0.85 by the multilingual second opinion)
    from mindtune.safety import rules as R
    from mindtune.safety.normalize import normalize_light

    light = normalize_light(text)
    assert R.weak_non_english(light) is None
    assert all(h.negated for h in R.scan_multilingual(light))


def test_without_the_negation_the_same_words_are_read():
    from mindtune.safety import rules as R
    from mindtune.safety.normalize import normalize_light

    for text in ("ខ្ញុំចង់ស្លាប់", "waxaan doonayaa inaan is dilo", "mi fe pa ara mi",
                 "தற்கொலை பண்ண போறேன்", "ผมคิดจะฆ่าตัวตาย"):
        assert R.weak_non_english(normalize_light(text)) is not None, text


@pytest.mark.parametrize("text", TOPIC)
def test_topics_are_not_a_crisis(layer, text):
    d = layer.check(text)
    assert d.label != "crisis", d.evidence


def test_the_second_opinion_sentences_are_now_caught_by_their_words(layer):
    for text in ("ਮੈਂ ਮਰਨਾ ਚਾਹੁੰਦਾ ਹਾਂ, ਹੋਰ ਨਹੀਂ ਜਰ ਸਕਦਾ", "መሞት እፈልጋለሁ"):
        d = layer.check(text)
        assert d.label == "crisis" and "risk word" in d.evidence[0], d.evidence


# English figurative speech (lexicon.IDIOM, FIGURATIVE_SUICIDE): sentences of my own.
FIGURATIVE = [
    "quitting now would be shooting myself in the foot, the bonus comes in march",
    "the roster next month is pure suicide, four doubles back to back",
    "suicidal levels of boredom in this webinar",
    "the karaoke last night was so bad i wanted to die lol",
    "his puns are so corny i want to die",
]
STILL_CRISIS = [
    "i want to shoot myself, the gun is in the drawer",
    "my life is so bad i want to die",
    "the meeting was so long i wanted to die and then i thought about my pills again",
    "the lecture was so boring i wanted to die for real, i have nothing left",
    "this week is suicide, i have the pills ready",
    "my plan is suicide",
]


@pytest.mark.parametrize("text", FIGURATIVE)
def test_english_figures_of_speech_are_not_a_crisis(layer, text):
    d = layer.check(text)
    assert d.label != "crisis", d.evidence


@pytest.mark.parametrize("text", STILL_CRISIS)
def test_the_same_words_meant_are_still_a_crisis(layer, text):
    assert layer.check(text).label == "crisis"
