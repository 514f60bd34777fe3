"""Crisis-safety layer of mindtune: the same check in front of (and behind) every model.

>>> from mindtune.safety import SafetyLayer
>>> layer = SafetyLayer(locale="US")
>>> layer.check("I'm going to kill myself tonight").label
'crisis'
"""

from .layer import Decision, ReplyCheck, SafetyLayer
from .resources import LOCALES

__all__ = ["SafetyLayer", "Decision", "ReplyCheck", "LOCALES"]
