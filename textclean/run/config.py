"""`RunConfig`: how a file job reads, records, rejects and resumes."""

from __future__ import annotations

import os
from collections.abc import Collection, Iterable, Mapping
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from ..config import INPUT_KEYS, input_options
from ..errors import ConfigError, OptionError
from ..io import ReadOptions, default_rejects_path, expand_inputs
from ..io.files import CountedStdin
from ..runner import RECORD_MODES

__all__ = ["Paths", "RunConfig", "input_bytes", "path_list"]

#: What a file job takes as its inputs: one path, or several.
Paths = str | os.PathLike[str] | Iterable[str | os.PathLike[str]]


def path_list(paths: Paths) -> list[str]:
    """``paths`` as a list of strings: one path is a list of one, not of its letters.

    >>> from pathlib import Path
    >>> path_list("data/"), path_list([Path("a.jsonl"), "b.jsonl"])
    (['data/'], ['a.jsonl', 'b.jsonl'])
    """
    if isinstance(paths, str | os.PathLike):
        return [os.fspath(paths)]
    return [os.fspath(p) for p in paths]


def _opt(default: Any, help: str, choices: tuple[str, ...] = ()) -> Any:
    metadata: dict[str, Any] = {"help": help}
    if choices:
        metadata["choices"] = choices
    return field(default=default, metadata=metadata)


@dataclass(frozen=True)
class RunConfig:
    """The settings of a file job that are not the steps'.

    ``read`` says how records are read (fields, format, ``on_error`` and the
    size limit); ``rejects`` is where dropped records go (default: beside the
    output); ``record`` overrides the pipeline's record mode (none, summary,
    full); ``resume`` reuses the shards a killed run finished.

    >>> run = RunConfig().with_input({"input": {"text_field": "body"}})
    >>> run.read.text_field, run.rejects_for("out.jsonl")
    ('body', 'out.rejects.jsonl')
    """

    read: ReadOptions = field(default_factory=ReadOptions)
    rejects: str | None = _opt(
        None,
        "Where dropped or unreadable records go, with their reason "
        "[default: OUT's name + .rejects.jsonl; textclean.rejects.jsonl when OUT is -].",
    )
    record: str | None = _opt(
        None,
        "Edits written into meta: none, counts per step (summary, default) or every edit (full).",
        RECORD_MODES,
    )
    resume: bool = _opt(
        False,
        "Reuse what a killed run finished (a checkpoint per 64 MiB: a piece of a plain "
        "JSONL file, a larger file, or a run of small files) and do the rest.",
    )
    output_format: str = "auto"

    def __post_init__(self) -> None:
        if isinstance(self.rejects, os.PathLike):
            object.__setattr__(self, "rejects", os.fspath(self.rejects))
        if self.record is not None and self.record not in RECORD_MODES:
            raise ConfigError(
                f"record must be one of {', '.join(RECORD_MODES)}, not {self.record!r}"
            )

    @property
    def on_error(self) -> str:
        """``fail`` (stop at a bad record, naming it) or ``skip`` (reject it)."""
        return self.read.on_error

    def with_input(
        self, config: Mapping[str, Any] | None, pinned: Collection[str] = ()
    ) -> RunConfig:
        """These settings with a loaded config's ``[input]`` table applied over them.

        A read option this run sets away from its default, or that is in
        ``pinned`` (set on purpose, maybe to its default), and the config sets
        to another value is an `OptionError`: one of the two would be ignored
        without a word (a field named for the run, the config's read instead).
        """
        if not config or not config.get("input"):
            return self
        current = {key: getattr(self.read, key) for key in INPUT_KEYS}
        defaults = ReadOptions()
        for key, value in config["input"].items():
            if current[key] != value and (key in pinned or current[key] != getattr(defaults, key)):
                origin = config.get("_origin", "config")
                raise OptionError(
                    f"{origin}: [input] sets {key} = {value!r}, but this run reads "
                    f"{key} = {current[key]!r}; give it in one place",
                    key,
                )
        given = input_options({"input": {**current, **config["input"]}})
        return replace(self, read=replace(self.read, **asdict(given)))

    def rejects_for(self, output: str) -> str:
        """The rejects path of a run writing ``output``."""
        return self.rejects or default_rejects_path(output)


def input_bytes(inputs: list[str], declared: str = "auto") -> int:
    """Total size of the input files as stored, for MB/s; stdin counts the bytes
    this process has read from it."""
    total = 0
    for path in expand_inputs(inputs, declared):
        if path == "-":
            total += CountedStdin.total
        else:
            try:
                total += os.path.getsize(path)
            except OSError:
                pass
    return total
