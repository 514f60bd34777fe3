"""How the safety layer labels the training dataset's own questions (FAQ-style questions about
mental health; none is a personal crisis, so each `crisis` is worth a look).

    MINDTUNE_DATA_DIR=../shared/data .venv/bin/python scripts/faq_safety_check.py
"""

from __future__ import annotations

import collections
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from mindtune import data as data_mod  # noqa: E402
from mindtune.safety import SafetyLayer  # noqa: E402


def main() -> None:
    examples, _ = data_mod.load_examples(sys.argv[1] if len(sys.argv) > 1 else
                                         "heliosbrahma/mental_health_chatbot_dataset")
    questions = [m["content"] for e in examples for m in e.messages if m["role"] == "user"]
    layer = SafetyLayer()
    labels: collections.Counter = collections.Counter()
    for q in questions:
        d = layer.check(q)
        labels[d.label] += 1
        if d.label == "crisis":
            print(f"crisis: {q[:140]!r}  <- {d.evidence[:1]}")
    print(f"{len(questions)} questions: {dict(labels)}")


if __name__ == "__main__":
    main()
