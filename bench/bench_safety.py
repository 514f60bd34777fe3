"""Latency benchmark of the safety layer, on one CPU core.

    python bench/bench_safety.py [--out runs/bench_safety.json] [--reps 3]

Compares, in the same run and on the same messages (the held-out examples, plus the dev
set when present, and three-sentence ordinary messages built from them): the lexicon +
rules alone (baseline, classifier disabled) against the full layer (lexicon + rules +
embedding classifier). Also times a long message (~12k characters), ``check_reply`` on a
2 KB reply, and the messages in other languages of six training and spent files
(``other_language_texts``) in the default layer and in sensitive mode, with the multilingual
classifier (``ml_classifier.py``) and with its fallback, the English classifier. Caches are
cleared before every call, so each number is a cold check. Prints a table and writes JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
import warnings
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")


def _pin_one_core() -> str:
    if hasattr(os, "sched_setaffinity"):
        cpu = sorted(os.sched_getaffinity(0))[0]
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}"
    return "not pinned"


def _clear(layer) -> None:
    from mindtune.safety import layer as layer_mod
    from mindtune.safety import normalize as norm_mod

    layer._analyse.cache_clear()
    layer._ml_probs.cache_clear()
    norm_mod.normalize.cache_clear()
    norm_mod.normalize_light.cache_clear()
    norm_mod.sentences.cache_clear()
    norm_mod.clauses.cache_clear()
    layer_mod._means_request.cache_clear()
    layer_mod._starts.cache_clear()
    layer_mod._is_figurative_at.cache_clear()


def _time_checks(layer, texts: list[str], reps: int) -> list[float]:
    per_msg = []
    for text in texts:
        runs = []
        for _ in range(reps):
            _clear(layer)
            t0 = time.perf_counter()
            layer.check(text)
            runs.append(1000 * (time.perf_counter() - t0))
        per_msg.append(statistics.median(runs))
    return per_msg


def _stats(ms: list[float]) -> dict[str, float]:
    ordered = sorted(ms)
    return {
        "n": len(ms),
        "mean_ms": round(statistics.fmean(ms), 3),
        "median_ms": round(statistics.median(ms), 3),
        "p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))], 3),
        "max_ms": round(ordered[-1], 3),
    }


def other_language_texts(data: Path) -> list[str]:
    """Messages of the training files detected as another language (not English, not
    undetermined): what the multilingual classifier may be asked about. Texts only; training
    data, so no held-out or blind line is read."""
    from mindtune.safety.evaluate import load_jsonl
    from mindtune.safety.lexicon import detect_language
    from mindtune.safety.normalize import normalize_light

    out = []
    for name in ("examples_train.jsonl", "examples_train_more.jsonl", "redteam_r.jsonl",
                 "redteam_s.jsonl", "redteam_u.jsonl", "redteam_x.jsonl"):
        for ex in load_jsonl(data / name):
            if len(ex.text) < 2000 and detect_language(normalize_light(ex.text)) not in ("en", "und"):
                out.append(ex.text)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "runs" / "bench_safety.json")
    ap.add_argument("--reps", type=int, default=3)
    args = ap.parse_args()

    pinned = _pin_one_core()
    import torch

    torch.set_num_threads(1)
    from mindtune.safety import SafetyLayer
    from mindtune.safety.classifier import EmbeddingClassifier
    from mindtune.safety.evaluate import load_jsonl
    from mindtune.safety.ml_classifier import MultilingualClassifier

    data = ROOT / "src" / "mindtune" / "safety" / "data"
    examples = load_jsonl(data / "examples_test.jsonl")
    texts = [ex.text for ex in examples]
    ordinary = [ex.text for ex in examples if ex.label != "crisis" and len(ex.text) < 2000]
    dev = Path(os.environ.get("MINDTUNE_SAFETY_DEV", ROOT.parent / "shared" / "eval"
                              / "safety_dev.jsonl"))
    if dev.exists():
        texts += [ex.text for ex in load_jsonl(dev)]
    long_text = ("I went to work, had lunch with my team and talked about the weekend. " * 90
                 + "Honestly I have been thinking that everyone would be better off without me. "
                 + "Then I cooked dinner and watched a film with my flatmate. " * 90)
    # Ordinary messages of three sentences (16+ words): the classifier also scores their
    # sentences one by one, so these are the costliest ordinary messages.
    short = [t.rstrip(" .!?") + "." for t in ordinary if 4 <= len(t.split()) <= 20]
    multi = [" ".join(short[i:i + 3]) for i in range(0, min(len(short) - 2, 180), 3)]
    other = other_language_texts(data)
    reply = ("It sounds like today was really hard, and I'm glad you reached out. " * 30)[:2048]

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        off = MultilingualClassifier(weights_path=Path("/nonexistent"))  # unavailable: not asked
        baseline = SafetyLayer(classifier=EmbeddingClassifier(weights_path=Path("/nonexistent")),
                               ml_classifier=off, ml_sensitive_classifier=off)
        baseline.check("warm up")
    full = SafetyLayer(sensitive_other_languages=False)
    t0 = time.perf_counter()
    full.check("warm up")  # loads the encoder
    load_s = time.perf_counter() - t0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        no_ml = SafetyLayer(ml_classifier=off, ml_sensitive_classifier=off,
                            sensitive_other_languages=True)
        assert not off.available
    sensitive = SafetyLayer(sensitive_other_languages=True)
    sensitive.check("je suis fatiguée")  # loads the multilingual classifier
    from mindtune.safety import layer as layer_mod

    def switched_off(name: str, off_value: float, msgs: list[str]) -> list[float]:
        """The full layer with one threshold of layer.py switched off (T_ML_EN: the English
        second opinion, twenty-fourth round; T_ML_VETO: the veto, twenty-seventh round)."""
        keep = getattr(layer_mod, name)
        setattr(layer_mod, name, off_value)
        try:
            return _time_checks(full, msgs, args.reps)
        finally:
            setattr(layer_mod, name, keep)

    results = {
        "date": date.today().isoformat(),
        "machine": "2-core CPU, no GPU",
        "cpu": platform.processor() or platform.machine(),
        "python": platform.python_version(),
        "torch": torch.__version__,
        "threads": 1,
        "affinity": pinned,
        "load_avg": os.getloadavg() if hasattr(os, "getloadavg") else None,
        "command": "python bench/bench_safety.py",
        "messages": len(texts),
        "encoder_load_s": round(load_s, 2),
        "encoder_bf16": full.classifier.bf16,  # MINDTUNE_SAFETY_BF16 (fortieth round)
        "lexicon_rules_only": _stats(_time_checks(baseline, texts, args.reps)),
        "lexicon_rules_classifier": _stats(_time_checks(full, texts, args.reps)),
        "non_crisis_messages": len(ordinary),
        "non_crisis_rules_only": _stats(_time_checks(baseline, ordinary, args.reps)),
        "non_crisis_full": _stats(_time_checks(full, ordinary, args.reps)),
        "non_crisis_full_no_second_opinion": _stats(switched_off("T_ML_EN", 1.01, ordinary)),
        "all_full_no_second_opinion": _stats(switched_off("T_ML_EN", 1.01, texts)),
        "multi_sentence_messages": len(multi),
        "multi_sentence_rules_only": _stats(_time_checks(baseline, multi, args.reps)),
        "multi_sentence_full": _stats(_time_checks(full, multi, args.reps)),
        "other_language_messages": len(other),
        "other_language_rules_only": _stats(_time_checks(baseline, other, args.reps)),
        "other_language_default": _stats(_time_checks(full, other, args.reps)),
        "other_language_default_no_veto": _stats(switched_off("T_ML_VETO", 0.0, other)),
        "other_language_sensitive_english_clf": _stats(_time_checks(no_ml, other, args.reps)),
        "other_language_sensitive_ml": _stats(_time_checks(sensitive, other, args.reps)),
        "long_message_chars": len(long_text),
        "long_message_rules_only_ms": _stats(_time_checks(baseline, [long_text], args.reps)),
        "long_message_full_ms": _stats(_time_checks(full, [long_text], args.reps)),
    }
    runs = []
    for _ in range(200):
        t0 = time.perf_counter()
        full.check_reply(reply)
        runs.append(1000 * (time.perf_counter() - t0))
    results["check_reply_2kb"] = _stats(runs)

    rows = [("lexicon + rules (baseline)", results["lexicon_rules_only"]),
            ("lexicon + rules + classifier", results["lexicon_rules_classifier"]),
            (f"non-crisis only ({len(ordinary)}), baseline", results["non_crisis_rules_only"]),
            (f"non-crisis only ({len(ordinary)}), full", results["non_crisis_full"]),
            ("  full, English second opinion off", results["non_crisis_full_no_second_opinion"]),
            ("all messages, full, English second opinion off",
             results["all_full_no_second_opinion"]),
            (f"3-sentence non-crisis ({len(multi)}), baseline", results["multi_sentence_rules_only"]),
            (f"3-sentence non-crisis ({len(multi)}), full", results["multi_sentence_full"]),
            (f"other languages ({len(other)}), baseline", results["other_language_rules_only"]),
            (f"other languages ({len(other)}), default", results["other_language_default"]),
            ("  default, veto off", results["other_language_default_no_veto"]),
            ("  sensitive, English classifier (fallback)",
             results["other_language_sensitive_english_clf"]),
            ("  sensitive, multilingual classifier", results["other_language_sensitive_ml"]),
            (f"long message ({len(long_text)} chars), baseline",
             results["long_message_rules_only_ms"]),
            (f"long message ({len(long_text)} chars), full", results["long_message_full_ms"]),
            ("check_reply, 2 KB reply", results["check_reply_2kb"])]
    print(f"safety layer latency, one core ({pinned}), {len(texts)} messages, "
          f"median of {args.reps} cold runs per message; encoder load {load_s:.1f} s; "
          f"English encoder in {'bfloat16' if results['encoder_bf16'] else 'float32'}")
    print(f"{'configuration':48} {'mean':>8} {'median':>8} {'p95':>8} {'max':>8}  (ms)")
    for name, st in rows:
        print(f"{name:48} {st['mean_ms']:8.2f} {st['median_ms']:8.2f} {st['p95_ms']:8.2f} "
              f"{st['max_ms']:8.2f}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2))
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
