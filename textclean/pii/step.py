"""The ``pii`` step: redact or remove email addresses, phone numbers, IPs and URLs.

Redacting puts a typed placeholder where each one was (``<EMAIL>``,
``<PHONE>``, ``<IP>``, ``<URL>``), so a model trained on the text still
sees that a sentence held an address; removing cuts it, with one space
beside it so no double space is left. Each edit is a `Change` of kind
``pii:<kind>``, replayable like every step's, and the counts per kind go to
``meta["textclean"]["pii"]``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..changes import Change, apply_changes
from ..document import Document
from ..registry import register
from ..steps import Step, StepResult
from .detect import KINDS, Found, find_pii

MODES = ("redact", "remove")
PLACEHOLDERS = {"email": "<EMAIL>", "phone": "<PHONE>", "ip": "<IP>", "url": "<URL>"}
_NAMES = {"email": "email address", "phone": "phone number", "ip": "IP address", "url": "URL"}


def pii_changes(text: str, kinds: Iterable[str] = KINDS, mode: str = "redact") -> list[Change]:
    """The edits that redact (or remove) the chosen kinds of PII in ``text``.

    >>> [c.after for c in pii_changes("Write to ann@example.org today.")]
    ['<EMAIL>']
    >>> [c.before for c in pii_changes("Write to ann@example.org today.", mode="remove")]
    [' ann@example.org']
    """
    return [_change(text, f, mode) for f in find_pii(text, kinds)]


def _change(text: str, found: Found, mode: str) -> Change:
    start, end = found.start, found.end
    verb = "redacted" if mode == "redact" else "removed"
    after = PLACEHOLDERS[found.kind] if mode == "redact" else ""
    if mode == "remove" and start > 0 and text[start - 1] == " ":
        following = text[end : end + 1]
        if not following or following.isspace() or following in ".,;:!?)":
            start -= 1
    return Change(
        f"pii:{found.kind}", start, end, text[start:end], after, f"{_NAMES[found.kind]} {verb}"
    )


def redact_pii(text: str, kinds: Iterable[str] = KINDS, mode: str = "redact") -> str:
    """``text`` with its email addresses, phones, IPs and URLs replaced by placeholders.

    >>> redact_pii("Call +44 20 7946 0958 or see https://example.org/contact.")
    'Call <PHONE> or see <URL>.'
    """
    return apply_changes(text, pii_changes(text, kinds, mode))


@register("pii")
@dataclass(frozen=True)
class Pii(Step):
    """Redact (or remove) email addresses, phone numbers, IP addresses and URLs."""

    mode: str = field(
        default="redact",
        metadata={
            "help": "'redact' puts <EMAIL>, <PHONE>, <IP>, <URL> in their place; 'remove' cuts"
        },
    )
    kinds: tuple[str, ...] = field(
        default=KINDS, metadata={"help": "which to edit, of url, email, ip, phone"}
    )

    def __post_init__(self) -> None:
        kinds = (self.kinds,) if isinstance(self.kinds, str) else tuple(self.kinds)
        object.__setattr__(self, "kinds", kinds)
        if self.mode not in MODES:
            raise ValueError(f"mode must be one of {', '.join(MODES)}, not {self.mode!r}")
        unknown = sorted(set(kinds) - set(KINDS))
        if unknown or not kinds:
            raise ValueError(
                f"kinds are some of {', '.join(KINDS)}, not {', '.join(unknown) or 'none'}"
            )

    def process(self, doc: Document) -> StepResult:
        changes = pii_changes(doc.text, self.kinds, self.mode)
        if not changes:
            return StepResult(doc)
        counts = Counter(c.kind.split(":", 1)[1] for c in changes)
        out = doc.with_text(apply_changes(doc.text, changes)).annotate(
            "pii", dict(sorted(counts.items()))
        )
        return StepResult(out, tuple(changes))
