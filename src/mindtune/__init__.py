"""mindtune: QLoRA fine-tuning, evaluation and safe serving of mental-health support chatbots."""

__version__ = "0.1.0"
