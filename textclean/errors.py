"""The exception tree and the user-facing messages.

::

    TextcleanError
    ├── ConfigError          a config file or option is wrong
    │   ├── UnknownStepError a step name is not registered
    │   └── OptionError      options of a run that do not go together (names them)
    ├── StepError            a step failed or returned the wrong type
    │   └── PatternTimeout   a regular expression ran past its time limit
    ├── InputError           an input record cannot be read (names file and line)
    ├── WorkerError          a worker process stopped before returning its work
    ├── PathError            an input is missing, or an output would overwrite an input
    │                        or another output
    └── MissingDependency    an optional extra is needed (says what to install)

The CLI maps every `TextcleanError` to a one-line message and exit code 2;
anything else is a bug and shows a traceback. Messages name no CLI flag: the
CLI adds the flag that helps where it catches the error.
"""

from __future__ import annotations

import difflib


class TextcleanError(Exception):
    """Base of every error textclean raises on purpose."""

    def __reduce__(self) -> tuple:
        # Rebuilt from the constructor's arguments, so an error raised in a
        # worker process reaches the parent whole.
        return (type(self), getattr(self, "_init", self.args))


class ConfigError(TextcleanError):
    """A config file, a step option or a pipeline definition is invalid."""


class UnknownStepError(ConfigError):
    """A step name that is not in the registry; the message lists the known ones."""

    def __init__(self, name: str, known: list[str]):
        self.name = name
        self.known = known
        close = difflib.get_close_matches(name, known, n=1)
        hint = f"did you mean {close[0]!r}? " if close else ""
        super().__init__(
            f"unknown step {name!r}; {hint}known steps: {', '.join(sorted(known))} "
            "(run `textclean steps` for descriptions)"
        )


class OptionError(ConfigError):
    """Options of a file job that do not go together; ``options`` names them (as
    fields of the run's settings), so a caller can show them its own way."""

    def __init__(self, message: str, *options: str):
        self.options = options
        super().__init__(message)
        self._init: tuple = (message, *options)


class StepError(TextcleanError):
    """A step raised or returned something other than a Document or a Drop."""

    def __init__(self, step: str, doc_id: str, message: str):
        self.step = step
        self.doc_id = doc_id
        super().__init__(f"step {step!r} on document {doc_id!r}: {message}")
        self._init: tuple = (step, doc_id, message)


class PatternTimeout(StepError):
    """A regular expression ran past its timeout; names the step and pattern."""

    def __init__(self, step: str, pattern: str, doc_id: str = "?"):
        self.pattern = pattern
        super().__init__(step, doc_id, f"pattern {pattern[:80]!r} timed out")
        self._init = (step, pattern, doc_id)


class InputError(TextcleanError):
    """A record that cannot be read. ``reason`` is a short code for the rejects file."""

    def __init__(self, path: str, line: int | None, reason: str, message: str):
        self.path = path
        self.line = line
        self.reason = reason
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {message}")
        self._init = (path, line, reason, message)

    @property
    def location(self) -> str:
        return f"{self.path}:{self.line}" if self.line is not None else self.path


class WorkerError(TextcleanError):
    """A worker process stopped before returning its work: killed, out of memory, or
    unable to load the steps it was sent (a step a fresh interpreter cannot import)."""


class PathError(TextcleanError):
    """A path that cannot be used: a missing input, an unknown format, or an output
    that is an input, lies inside an input folder, or is another output."""


class TextcleanWarning(UserWarning):
    """Something a run should tell its user but that does not stop it (duplicate ids)."""


class MissingDependency(TextcleanError):
    """An optional dependency is not installed; the message gives the pip line."""

    def __init__(self, feature: str, package: str, extra: str):
        super().__init__(
            f"{feature} needs the {package!r} package: pip install 'textclean[{extra}]'"
        )
