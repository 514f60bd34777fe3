"""Base vs fine-tuned evaluation: loss/perplexity, answer quality, run-ons, speed, safety.

    from mindtune.eval import run_eval, compare_answers
    metrics = run_eval("runs/demo", limit=5)       # writes runs/demo/eval/report.{md,html}, ...

Modules: ``metrics`` (pure metric functions), ``questions`` (what is asked), ``score`` (one model
on the items, through the generation engine), ``similarity`` (MiniLM embeddings), ``safety``
(safety-layer figures), ``render`` (plots and report text), ``runner`` (the two entry points).
"""

from mindtune.eval.questions import EvalError
from mindtune.eval.runner import compare_answers, run_eval

__all__ = ["EvalError", "compare_answers", "run_eval"]
