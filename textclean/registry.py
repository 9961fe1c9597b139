"""Step names -> step classes, so a config file or a CLI flag can name a step.

Steps register themselves with `register`; the registry imports the step
packages on first lookup, so adding a step module needs no edit here. A step
registered with ``default=N`` is part of `Pipeline.default()`, ordered by N.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import MISSING, dataclass, fields, is_dataclass
from importlib import metadata
from typing import Any, TypeVar

from .errors import ConfigError, OptionError, UnknownStepError
from .step_options import check_options

STEP_PACKAGES = ("repair", "boilerplate", "filters", "dedup", "passages", "pii")

T = TypeVar("T", bound=type)


@dataclass(frozen=True)
class StepInfo:
    """A registered step: its name, class, description and default position."""

    name: str
    cls: type
    default: int | None
    default_options: tuple[tuple[str, Any], ...] = ()

    @property
    def description(self) -> str:
        doc = (self.cls.__doc__ or "").strip()
        return doc.splitlines()[0] if doc else ""

    @property
    def kind(self) -> str:
        return "stage" if hasattr(self.cls, "pipe") else "step"

    def option_help(self) -> list[tuple[str, str, str]]:
        """(name, default, help) for every option of the step."""
        if not is_dataclass(self.cls):
            return []
        out = []
        for f in fields(self.cls):
            if not f.init or f.name.startswith("_"):
                continue
            if f.default is not MISSING:
                default = repr(f.default)
            elif f.default_factory is not MISSING:
                default = repr(f.default_factory())
            else:
                default = "(required)"
            out.append((f.name, default, f.metadata.get("help", "")))
        return out


_REGISTRY: dict[str, StepInfo] = {}
_loaded = False


def register(
    name: str, *, default: int | None = None, default_options: dict[str, Any] | None = None
) -> Callable[[T], T]:
    """Class decorator: make a step available by ``name``.

    ``default`` places the step in the default pipeline (lower runs first);
    ``default_options`` are the options it has there, where they differ from
    the step's own defaults (a filter that only records in the default
    pipeline but drops when a config names it).
    """

    def decorate(cls: T) -> T:
        if not isinstance(cls, type):
            raise ConfigError(
                f"register({name!r}) decorates a step class, which a config builds with its "
                f"options; {cls!r} is not a class (a plain function step goes straight "
                "into Pipeline([...]))"
            )
        existing = _REGISTRY.get(name)
        if existing is not None and existing.cls.__qualname__ != cls.__qualname__:
            raise ConfigError(f"step name {name!r} registered twice ({existing.cls} and {cls})")
        cls.name = name  # type: ignore[attr-defined]
        _REGISTRY[name] = StepInfo(
            name, cls, default, tuple(sorted((default_options or {}).items()))
        )
        return cls

    return decorate


def _load_all() -> None:
    global _loaded
    if _loaded:
        return
    _loaded = True
    for package in STEP_PACKAGES:
        pkg = importlib.import_module(f"textclean.{package}")
        for module in pkgutil.walk_packages(pkg.__path__, prefix=f"{pkg.__name__}."):
            importlib.import_module(module.name)
    _load_plugins()


#: The entry-point group through which installed packages add steps.
PLUGIN_GROUP = "textclean.steps"


def _load_plugins() -> None:
    """Import the modules other installed packages declare in `PLUGIN_GROUP`
    (``[project.entry-points."textclean.steps"] my_steps = "my_pkg.steps"``):
    their ``@register`` calls make their steps known to configs, step specs
    and every command, with no import of the user's own."""
    for entry in sorted(metadata.entry_points(group=PLUGIN_GROUP), key=lambda e: e.name):
        try:
            entry.load()
        except Exception as exc:  # a broken plugin names itself, not a traceback
            raise ConfigError(
                f"steps plugin {entry.name!r} ({entry.value}) failed to load: "
                f"{type(exc).__name__}: {exc}"
            ) from None


def available() -> dict[str, StepInfo]:
    """Every registered step, by name, sorted."""
    _load_all()
    return dict(sorted(_REGISTRY.items()))


def get(name: str) -> StepInfo:
    """The registered step called ``name``; an unknown name lists the known ones."""
    steps = available()
    if name not in steps:
        raise UnknownStepError(name, list(steps))
    return steps[name]


def create(name: str, **options: Any) -> Any:
    """Build the step ``name`` with ``options``; a wrong option, a value of the
    wrong type or out of its range (`check_options`), or one the step refuses,
    names the step."""
    info = get(name)
    check_options(name, info.cls, options)
    try:
        return info.cls(**options)
    except TypeError as exc:
        known = ", ".join(o[0] for o in info.option_help()) or "none"
        raise ConfigError(f"step {name!r}: {exc}; its options are: {known}") from None
    except ValueError as exc:
        raise ConfigError(f"step {name!r}: {exc}") from None
    except ConfigError as exc:
        # an OptionError names settings fields, not flags: in a step they are options
        if type(exc) not in (ConfigError, OptionError) or str(exc).startswith(
            ("step ", f"{name}:")
        ):
            raise
        raise ConfigError(f"step {name!r}: {exc}") from None


def create_default(name: str) -> Any:
    """Build ``name`` as the default pipeline has it."""
    return create(name, **dict(get(name).default_options))


def default_names() -> list[str]:
    """Names of the steps in the default pipeline, in order."""
    steps = available()
    chosen = [(info.default, name) for name, info in steps.items() if info.default is not None]
    return [name for _, name in sorted(chosen)]
