"""The py3langid backend: a naive-Bayes byte n-gram model that ships in its wheel.

Optional (``pip install 'textclean[langid]'``), imported on first use. It is
deterministic by construction (no random trials) and covers 97 languages.
Probabilities come from py3langid's length-calibrated softmax.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..errors import MissingDependency

REPORT_THRESHOLD = 0.1


@lru_cache(maxsize=1)
def _identifier() -> Any:
    """py3langid's model with normalised probabilities, loaded once per process."""
    try:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier
    except ImportError:
        raise MissingDependency("the 'langid' language backend", "py3langid", "langid") from None
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_probabilities(text: str) -> list[tuple[str, float]]:
    """Languages above 0.1, most likely first; empty when no language stands out.

    >>> detect_probabilities("Das ist ein kleiner Satz auf Deutsch.")[0][0]
    'de'
    """
    ranked = _identifier().rank(text)
    return [(lang, float(p)) for lang, p in ranked if p > REPORT_THRESHOLD]
