"""What a new user runs into: wrong paths, emptied pages, step options on the
command line, Dask with corpus stages, ids, progress, invisible-character floods."""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import warnings
from pathlib import Path

import pytest
from cli_runs import run_textclean
from click.testing import CliRunner

from textclean import Document, Drop, Pipeline, TextcleanError
from textclean.cli import main
from textclean.config import pipeline_from_steps
from textclean.errors import InputError, PathError, TextcleanWarning
from textclean.io import ReadOptions, check_paths, read_documents
from textclean.jobs import clean_files

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = ["clean", "dedup", "passages", "explain"]


def run(*args: str, check: bool = False, cwd: Path | None = None) -> subprocess.CompletedProcess:
    proc = run_textclean(*args, cwd=cwd, timeout=600)
    if check:
        assert proc.returncode == 0, proc.stderr
    return proc


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def lines(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]


ARTICLE = (
    "The storm knocked out power to thirty thousand homes overnight, and crews "
    "worked until morning to restore it, the utility said on Tuesday."
)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return write_jsonl(
        tmp_path / "in.jsonl",
        [{"id": "a", "text": ARTICLE}, {"id": "b", "text": "Another page: " + ARTICLE}],
    )


# -- paths: outputs checked against inputs and each other -----------------------------


def test_rejects_equal_to_output_is_refused_before_anything_is_written(corpus, tmp_path):
    out = tmp_path / "out.jsonl"
    proc = run(
        "clean", str(corpus), "-o", str(out), "--rejects", str(out), "--steps", "fix_mojibake"
    )
    assert proc.returncode == 2
    assert "output and rejects are the same file" in proc.stderr
    assert not out.exists() and "Traceback" not in proc.stderr


def test_output_equal_to_an_input_is_refused_and_the_input_survives(corpus):
    before = corpus.read_bytes()
    proc = run("clean", str(corpus), "-o", str(corpus), "--steps", "fix_mojibake")
    assert proc.returncode == 2 and "is also an input" in proc.stderr
    assert corpus.read_bytes() == before


def test_output_inside_an_input_folder_is_refused(corpus, tmp_path):
    proc = run("clean", str(tmp_path), "-o", str(tmp_path / "clean.jsonl"))
    assert proc.returncode == 2 and "inside the input folder" in proc.stderr
    assert not (tmp_path / "clean.jsonl").exists()
    # a name a later run would not read is fine; an HTML report is read back as input now
    assert check_paths([str(tmp_path)], {"clusters": str(tmp_path / "clusters.csv")})
    with pytest.raises(PathError, match="inside the input folder"):
        check_paths([str(tmp_path)], {"html": str(tmp_path / "report.html")})


@pytest.mark.parametrize("command", ["dedup", "passages"])
def test_every_writing_command_checks_its_outputs(command, corpus, tmp_path):
    out = tmp_path / "out.jsonl"
    proc = run(command, str(corpus), "-o", str(out), "--rejects", str(out))
    assert proc.returncode == 2 and "are the same file" in proc.stderr, proc.stderr


def test_dedup_clusters_file_may_not_be_the_output(corpus, tmp_path):
    out = tmp_path / "out.jsonl"
    proc = run("dedup", str(corpus), "-o", str(out), "--clusters", str(out))
    assert proc.returncode == 2 and "are the same file" in proc.stderr


def test_a_dedup_index_named_like_the_output_is_refused_before_it_is_touched(corpus, tmp_path):
    out = tmp_path / "out.jsonl"
    proc = run("dedup", str(corpus), "-o", str(out), "--index", str(out))
    assert proc.returncode == 2 and "output and index are the same file" in proc.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [corpus.name]


@pytest.mark.parametrize(
    ("command", "flag"),
    [
        ("clean", "-o"),
        ("clean", "--rejects"),
        ("dedup", "-o"),
        ("dedup", "--clusters"),
        ("dedup", "--index"),
        ("passages", "-o"),
    ],
)
def test_an_output_below_a_file_is_refused_naming_it_before_anything_is_written(
    command, flag, corpus, tmp_path
):
    blocker = tmp_path / "afile"
    blocker.write_text("", encoding="utf-8")
    args = [command, str(corpus), "-o", str(tmp_path / "out.jsonl")]
    if flag == "-o":
        args[-1] = str(blocker / "out.jsonl")
    else:
        args += [flag, str(blocker / "inner")]
    proc = run(*args)
    assert proc.returncode == 2, proc.stderr
    assert "afile is a file, not a folder" in proc.stderr and "Traceback" not in proc.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([corpus.name, "afile"])


def test_a_path_the_system_refuses_is_a_one_line_error(corpus, tmp_path):
    """A folder the checks cannot foresee being refused (a pseudo file system) still
    ends in one line naming the path, not a trace."""
    proc = run("clean", str(corpus), "-o", "/proc/no-such-folder/out.jsonl")
    assert proc.returncode == 2, proc.stderr
    assert "/proc/no-such-folder" in proc.stderr and "Traceback" not in proc.stderr


def test_two_outputs_on_standard_output_are_refused_not_mixed(corpus):
    for args in (["clean", "-o", "-", "--rejects", "-"], ["dedup", "-o", "-", "--clusters", "-"]):
        proc = run(args[0], str(corpus), *args[1:])
        assert proc.returncode == 2 and "both go to standard output" in proc.stderr
        assert proc.stdout == ""
    # one of them there is fine
    with pytest.raises(PathError, match="rejects and clusters both"):
        check_paths([str(corpus)], {"output": "o.jsonl", "rejects": "-", "clusters": "-"})
    assert check_paths([str(corpus)], {"output": "o.jsonl", "rejects": "-"}) == [str(corpus)]


def test_an_output_name_of_unknown_format_is_refused(corpus, tmp_path):
    proc = run("clean", str(corpus), "-o", str(tmp_path / "out.csv"), "--steps", "fix_mojibake")
    assert proc.returncode == 2 and "cannot tell the output format" in proc.stderr
    assert not list(tmp_path.glob("out*")) and not list(tmp_path.glob(".out*"))


# -- missing inputs: one clear line in every command ---------------------------------


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("missing", ["nope.jsonl", "no-such-folder"])
def test_a_missing_input_is_named_in_every_command(command, missing, tmp_path):
    args = [command, str(tmp_path / missing)]
    if command != "explain":
        args += ["-o", str(tmp_path / "out.jsonl")]
    proc = run(*args)
    assert proc.returncode == 2, proc.stderr
    assert f"{missing}: no such file or directory" in proc.stderr
    assert "Traceback" not in proc.stderr and "unknown input format" not in proc.stderr
    assert os.listdir(tmp_path) == []  # no .parts/ folder, no output


@pytest.mark.parametrize("command", [*COMMANDS, "decontaminate", "calibrate"])
def test_standard_input_named_twice_is_refused_before_anything_is_read(command, tmp_path):
    args = [command, "-", "-"]
    if command not in ("explain", "calibrate"):
        args += ["-o", str(tmp_path / "out.jsonl")]
    if command == "decontaminate":
        args += ["--against", str(write_jsonl(tmp_path / "eval.jsonl", [{"text": ARTICLE}]))]
    stdin = json.dumps({"id": "a", "text": ARTICLE, "label": "keep"}) + "\n"
    result = CliRunner().invoke(main, args, input=stdin)
    assert result.exit_code == 2, result.output
    assert "standard input (-) is named 2 times" in result.output
    assert not (tmp_path / "out.jsonl").exists()


def test_the_library_raises_a_path_error_for_a_missing_input(tmp_path):
    with pytest.raises(PathError, match="no such file"):
        clean_files(Pipeline([]), [str(tmp_path / "x.jsonl")], str(tmp_path / "o.jsonl"))
    assert os.listdir(tmp_path) == []


def test_a_folder_of_only_unreadable_file_types_is_an_error_not_an_empty_run(tmp_path):
    data = tmp_path / "data"
    (data / "sub").mkdir(parents=True)
    (data / "sub" / "b.csv").write_text("id,text\n")
    (data / "a.jsonl.bz2").write_bytes(b"BZh9")
    with pytest.raises(PathError, match=r"none of its 2 file\(s\).*first: .*a\.jsonl\.bz2"):
        clean_files(Pipeline([]), [str(data)], str(tmp_path / "o.jsonl"))
    (data / "sub" / "c.jsonl").write_text('{"id": "c", "text": "read"}\n')
    stats = clean_files(Pipeline([]), [str(data)], str(tmp_path / "o.jsonl"))
    assert stats.seen == 1  # a readable file beside them: the others are passed over
    empty = tmp_path / "empty"
    empty.mkdir()
    assert clean_files(Pipeline([]), [str(empty)], str(tmp_path / "e.jsonl")).seen == 0


# -- error messages: the library names no flag, the CLI adds it ----------------------


def test_rejects_details_name_no_command_line_flag(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "text": "fine text here"}\n{"id": "b", "text": \n')
    proc = run("clean", str(src), "-o", str(tmp_path / "out.jsonl"), "--steps", "fix_mojibake")
    assert proc.returncode == 2 and "--on-error skip" in proc.stderr  # the CLI's hint
    run(
        "clean", str(src), "-o", str(tmp_path / "out.jsonl"), "--steps", "fix_mojibake",
        "--on-error", "skip", check=True,
    )  # fmt: skip
    (rejected,) = lines(tmp_path / "out.rejects.jsonl")
    assert rejected["textclean"]["rejected"]["reason"] == "malformed_json"
    assert "--" not in rejected["textclean"]["rejected"]["detail"]
    error = InputError("f.jsonl", 3, "oversize", "record of 9 bytes exceeds the limit of 5 bytes")
    assert "--" not in str(error)


# -- emptied pages are dropped ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["", "  \n\t ", "." * 400, ".\n" * 50, "\u200b" * 2000, "\u202e\u2066\u200f" * 700],
)
def test_pages_without_a_letter_or_digit_are_dropped_as_empty(text):
    out = Pipeline.default()(Document("p", text))
    assert isinstance(out, Drop) and out.reason == "empty", out


def test_clean_returns_empty_string_for_what_it_drops():
    import textclean

    assert textclean.clean("." * 200) == ""
    assert textclean.clean("Plain words stay.") == "Plain words stay."


def test_empty_drops_reach_the_rejects_file_and_the_summary(tmp_path):
    src = write_jsonl(
        tmp_path / "in.jsonl",
        [{"id": "a", "text": ARTICLE}, {"id": "dots", "text": "." * 300}, {"id": "b", "text": ""}],
    )
    out = tmp_path / "out.jsonl"
    proc = run("clean", str(src), "-o", str(out), check=True)
    assert [r["id"] for r in lines(out)] == ["a"]
    rejected = {r["id"]: r["textclean"]["rejected"] for r in lines(tmp_path / "out.rejects.jsonl")}
    assert {k: v["reason"] for k, v in rejected.items()} == {"dots": "empty", "b": "empty"}
    assert rejected["dots"]["step"] == "length"
    assert "3 read = 1 written + 2 rejected" in proc.stderr
    assert "empty" in proc.stderr


@pytest.mark.parametrize("steps", ["passages", "near_dedup"])
def test_min_chars_on_a_pipeline_of_corpus_stages_alone_is_refused_not_ignored(steps, tmp_path):
    """The length check follows the per-document steps: where there are none, a
    floor would silently do nothing, so it is refused, naming the flag."""
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": ""}, {"id": "b", "text": "hi"}])
    out = tmp_path / "out.jsonl"
    proc = run("clean", str(src), "-o", str(out), "--steps", steps, "--min-chars", "5")
    assert proc.returncode == 2 and "(--min-chars)" in proc.stderr and not out.exists()
    config = tmp_path / "c.toml"
    config.write_text(f'min_chars = 5\n[[steps]]\nname = "{steps}"\n', encoding="utf-8")
    with pytest.raises(TextcleanError, match="per-document steps"):
        Pipeline.from_config(config)


def test_min_chars_drops_short_pages_as_too_short(tmp_path):
    src = write_jsonl(
        tmp_path / "in.jsonl", [{"id": "a", "text": ARTICLE}, {"id": "s", "text": "Hi."}]
    )
    out = tmp_path / "out.jsonl"
    run(
        "clean",
        str(src),
        "-o",
        str(out),
        "--steps",
        "fix_mojibake",
        "--min-chars",
        "20",
        check=True,
    )
    assert [r["id"] for r in lines(out)] == ["a"]
    (short,) = lines(tmp_path / "out.rejects.jsonl")
    assert short["textclean"]["rejected"]["reason"] == "too_short"
    kept = Pipeline([], min_chars=0)(Document("e", ""))
    assert isinstance(kept, Document)


def test_explain_shows_the_empty_drop():
    explanation = Pipeline.default().explain(Document("d", "...."))
    assert not explanation.kept and explanation.drop.reason == "empty"
    assert explanation.steps[-1].step == "length"


# -- step options on the command line ----------------------------------------------------


def test_steps_take_options_on_the_command_line(tmp_path):
    src = write_jsonl(
        tmp_path / "in.jsonl",
        [
            {"id": "en", "text": ARTICLE},
            {"id": "de", "text": "Der Sturm hat in der Nacht dreißigtausend Haushalten den Strom "
             "genommen, und die Arbeiter haben bis zum Morgen gearbeitet."},
            {"id": "fr", "text": "La tempête a privé d'électricité trente mille foyers pendant la "
             "nuit, et les équipes ont travaillé jusqu'au matin."},
        ],
    )  # fmt: skip
    out = tmp_path / "out.jsonl"
    run("clean", str(src), "-o", str(out), "--steps", "language(keep=en,de)", check=True)
    assert [r["id"] for r in lines(out)] == ["en", "de"]
    run("clean", str(src), "-o", str(out), "--steps", "default(language.keep=en)", check=True)
    assert [r["id"] for r in lines(out)] == ["en"]


def test_on_off_options_take_true_false_and_their_own_words_only():
    from textclean.config import pipeline_from_config

    assert pipeline_from_steps("quality(drop=false)").steps[0][1].drop is False
    assert (
        pipeline_from_steps("fix_mojibake(unescape_html=auto)").steps[0][1].unescape_html == "auto"
    )
    with pytest.raises(TextcleanError, match="drop must be true or false, not 'no'"):
        pipeline_from_config({"steps": [{"name": "quality", "drop": "no"}]})


def test_a_step_spec_builds_the_same_steps_as_a_config():
    from textclean.config import pipeline_from_config

    spec = pipeline_from_steps('fix_mojibake, language(keep=["en", "de"], min_prob=0.9)')
    config = pipeline_from_config(
        {
            "steps": [
                {"name": "fix_mojibake"},
                {"name": "language", "keep": ["en", "de"], "min_prob": 0.9},
            ]
        }
    )
    assert [(n, s) for n, s in spec.steps] == [(n, s) for n, s in config.steps]


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("language(kep=en)", "its options are"),
        ("nonsense", "unknown step"),
        ("language(keep=en", "closing parenthesis"),
        ("default(nope.keep=en)", "takes options of its steps"),
        # a word is a true value in Python: "no" would have turned dropping on
        ("quality(drop=no)", "drop must be true or false, not 'no'"),
        ("default(quality.drop=off)", "drop must be true or false, not 'off'"),
        ("fix_mojibake(unescape_html=maybe)", "true or false or 'auto'"),
    ],
)
def test_a_wrong_step_spec_names_the_culprit(spec, message):
    with pytest.raises(TextcleanError, match=message):
        pipeline_from_steps(spec)


# -- smaller things ----------------------------------------------------------------------


def test_duplicate_and_non_string_ids_are_warned_about(tmp_path):
    src = write_jsonl(
        tmp_path / "in.jsonl",
        [
            {"id": "a", "text": ARTICLE},
            {"id": "a", "text": ARTICLE + " Again."},
            {"id": 7, "text": ARTICLE},
        ],
    )
    proc = run(
        "clean", str(src), "-o", str(tmp_path / "out.jsonl"), "--steps", "fix_mojibake", check=True
    )
    assert "warning: 1 document has an id seen before (first: 'a')" in proc.stderr
    assert "warning: 1 document has a non-string id (first: 7)" in proc.stderr
    # the warning says what the output holds: the id as the input gave it
    assert "kept as it came in the output" in proc.stderr
    written = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert [r["id"] for r in written] == ["a", "a", 7]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        clean_files(Pipeline([]), [str(src)], str(tmp_path / "lib.jsonl"))
    assert [w.category for w in caught] == [TextcleanWarning, TextcleanWarning]


def test_a_non_string_id_is_named_as_json_spells_it(tmp_path):
    ids = [True, {"a": 1}, 7, 1.5, None]
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": i, "text": ARTICLE} for i in ids])
    names = [d.id for d in read_documents([str(src)])]
    assert names == ["true", '{"a":1}', "7", "1.5", f"{src}:5"]
    result = CliRunner().invoke(main, ["explain", str(src), "--id", "true", "--steps", "length"])
    assert result.exit_code == 0 and result.stdout.startswith("document true: kept")
    assert "named 'true' in clusters and reports" in result.stderr


def test_explain_an_unknown_id_fails_naming_it(corpus):
    proc = run("explain", str(corpus), "--id", "no-such-id")
    assert proc.returncode == 1
    assert "no document with id 'no-such-id' in 2 record(s) read" in proc.stderr
    assert run("explain", str(corpus), "--id", "a", check=True).stdout.startswith("document a")


def test_explain_names_a_skipped_record_once_and_text_file_ids(tmp_path):
    (tmp_path / "page.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "in.jsonl").write_bytes(b'{"id": "a", "text": "ok"}\n{"id": "b", "text": \n')
    args = ["explain", str(tmp_path), "--on-error", "skip", "--steps", "fix_spacing"]
    result = CliRunner().invoke(main, [*args, "--id", "page"])
    assert result.exit_code == 0 and result.stdout.startswith("document page: kept")
    where = f"{tmp_path / 'in.jsonl'}:2:"
    assert result.stderr.count(where) == 1 and f"{where} malformed JSON" in result.stderr
    missing = CliRunner().invoke(main, [*args, "--id", "nope"])
    assert missing.exit_code == 1 and "a text file's is its name" in missing.stderr


def test_passages_has_workers_and_gives_the_same_clusters(tmp_path):
    quote = "We hope this one-year moratorium might give Congress enough time to act on it."
    records = [
        {"id": f"d{i}", "text": f"Intro number {i} says something else entirely. {quote} End {i}."}
        for i in range(2100)
    ]
    src = write_jsonl(tmp_path / "in.jsonl", records)
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    run("passages", str(src), "-o", str(one), "-q", check=True)
    run("passages", str(src), "-o", str(two), "-q", "--workers", "2", check=True)
    assert one.read_bytes() == two.read_bytes() and one.stat().st_size > 0


def test_progress_counts_input_bytes_and_ends_when_the_last_outcome_is_written(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": str(i), "text": ARTICLE} for i in range(600)])
    size = src.stat().st_size
    ends = list(itertools.accumulate(len(line) for line in src.read_bytes().splitlines(True)))
    calls: list[tuple[int, int | None]] = []
    clean_files(
        Pipeline([KeepAll()]),
        [str(src)],
        str(tmp_path / "out.jsonl"),
        workers=2,
        progress=lambda d, t: calls.append((d, t)),
    )
    # after the k-th outcome is written the count is the end of the k-th input
    # record: it never runs ahead of the work (workers read ahead), and it reaches
    # the total input size with the last one
    assert [d for d, _ in calls] == ends + [size]
    assert {t for _, t in calls} == {size}


def test_progress_is_by_file_position_for_compressed_input(tmp_path):
    import gzip

    src = tmp_path / "in.jsonl.gz"
    with gzip.open(src, "wt") as fh:
        for i in range(300):
            fh.write(json.dumps({"id": str(i), "text": ARTICLE + str(i)}) + "\n")
    seen: list[int] = []
    items = list(read_documents([str(src)], ReadOptions(), on_record=seen.append))
    assert len(items) == 300 and seen == sorted(seen) and 0 < seen[-1] <= src.stat().st_size


# -- invisible-character floods ----------------------------------------------------------


def test_bidi_controls_are_removed_and_marks_stay():
    from textclean.repair.mojibake import fix_mojibake

    assert (
        fix_mojibake("invoice \u202egnp.exe\u202c and \u2066iso\u2069") == "invoice gnp.exe and iso"
    )
    assert fix_mojibake("שלום\u200f world") == "שלום\u200f world"


@pytest.mark.parametrize(
    "flood",
    ["a\u200d" * 10_500, "a\u200c" * 10_500, "\u202ea" * 10_500, "x\u2066y\u2069\u200b" * 4_200],
)
def test_invisible_floods_leave_no_invisible_characters(flood):
    out = Pipeline.default()(Document("f", flood))
    text = out.text if isinstance(out, Document) else out.doc.text
    assert not set(text) & set(
        "\u200b\u200c\u200d\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
    )


def test_a_flood_of_invisible_characters_gets_no_language():
    out = Pipeline.default()(Document("f", "\u202e\u2066\u200b\u200d\u200f" * 4_200))
    assert isinstance(out, Drop) and out.reason == "empty"
    assert "lang" not in out.doc.record or out.doc.record["lang"] == "unknown"


class KeepAll:
    """A picklable step that keeps every document as it is."""

    def __call__(self, doc: Document) -> Document:
        return doc


PAGE = (
    "<!DOCTYPE html>\n<html lang='en'>\n<head><meta charset='utf-8'><title>Storm</title>"
    "<script>var ads = [];</script></head>\n<body><div class='nav'>Home | World</div>\n"
    f"<article><p>{ARTICLE}</p></article></body></html>\n"
)


def test_html_pages_in_a_text_field_are_warned_about_and_text_is_not(tmp_path):
    pages = write_jsonl(tmp_path / "pages.jsonl", [{"id": "p1", "text": PAGE}])
    proc = run("clean", str(pages), "-o", str(tmp_path / "out.jsonl"), "-q", check=True)
    assert "pages.jsonl: the 'text' field of document 'p1' holds an HTML page" in proc.stderr
    # the run itself is unchanged: the page is cleaned as text, and counted
    assert json.loads((tmp_path / "out.jsonl").read_text())["id"] == "p1"
    # an article quoting markup, and a folder of text files, are not pages
    quoting = "Write <html><head><meta><body><p> and <div> to start a page. " + ARTICLE
    text = write_jsonl(tmp_path / "text.jsonl", [{"id": "t", "text": ARTICLE}, {"text": quoting}])
    proc = run("clean", str(text), "-o", str(tmp_path / "t.jsonl"), "-q", check=True)
    assert "HTML page" not in proc.stderr


@pytest.mark.parametrize("text", [None, b"bytes", 7])
def test_a_document_without_text_is_refused_when_made(text):
    with pytest.raises(TypeError, match="document 'a': text must be a str"):
        Document("a", text)


# -- a reader that leaves early ---------------------------------------------------------


@pytest.mark.parametrize("command", ["clean", "dedup"])
def test_a_reader_closing_standard_output_stops_the_run_as_sigpipe_would(command, tmp_path):
    """`textclean clean ... -o - | head`: the run stops quietly with the shell's
    status for a process stopped by SIGPIPE (128 + 13), not a traceback or a
    generic failure, and leaves no temporary file behind."""
    import signal
    import sys

    src = write_jsonl(
        tmp_path / "many.jsonl",
        [
            {"id": f"d{i}", "text": " ".join(f"w{i * 7919 + k * 104729:x}" for k in range(40))}
            for i in range(3000)
        ],
    )
    spool = tmp_path / "tmp"
    spool.mkdir()
    proc = subprocess.Popen(
        [sys.executable, "-m", "textclean", command, str(src), "-o", "-"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "TMPDIR": str(spool)},
    )
    assert proc.stdout is not None and proc.stdout.read(100)
    proc.stdout.close()
    _, err = proc.communicate(timeout=600)
    assert proc.returncode == 128 + signal.SIGPIPE, err
    assert b"Traceback" not in err and b"Error" not in err
    assert list(spool.iterdir()) == []


def test_a_run_failing_before_any_checkpoint_leaves_no_work_folder(tmp_path):
    """A bad record stops the run (exit 2) before a piece is finished: the run's
    work folder holds nothing to resume from, so it does not stay behind."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "latin1.txt").write_bytes(b"caf\xe9 au lait\n")
    out = tmp_path / "out"
    out.mkdir()
    proc = run("clean", str(src / "latin1.txt"), "-o", str(out / "clean.jsonl"))
    assert proc.returncode == 2 and "latin1.txt:1" in proc.stderr
    assert list(out.iterdir()) == []


@pytest.mark.parametrize(
    "body",
    [
        '[[steps]]\nname = "languag"\n',
        'min_chars = -3\n[[steps]]\nname = "language"\n',
        'record = "bogus"\n[[steps]]\nname = "language"\n',
        '[[steps]]\nname = "language"\nmin_prob = 7\n',
    ],
)
def test_every_config_error_names_the_config_file(body, corpus, tmp_path):
    config = tmp_path / "tuned.toml"
    config.write_text(body, encoding="utf-8")
    proc = run("clean", str(corpus), "-o", str(tmp_path / "out.jsonl"), "--config", str(config))
    assert proc.returncode == 2 and f"{config}: " in proc.stderr, proc.stderr


@pytest.mark.parametrize("spec", ["fix_spacing,,fix_mojibake", "fix_spacing,", ",fix_spacing"])
def test_a_steps_spec_with_an_empty_name_is_refused(spec, corpus, tmp_path):
    out = tmp_path / "out.jsonl"
    proc = run("clean", str(corpus), "-o", str(out), "--steps", spec)
    assert proc.returncode == 2 and "empty name" in proc.stderr and not out.exists()


@pytest.mark.parametrize("spec", ["", "  "])
def test_an_empty_steps_spec_runs_no_step_not_the_default_pipeline(spec, tmp_path):
    src = write_jsonl(
        tmp_path / "in.jsonl", [{"id": "a", "text": "Share on Facebook\nIt ’ s here ."}]
    )
    out = tmp_path / "out.jsonl"
    run("clean", str(src), "-o", str(out), "--steps", spec, check=True)
    assert [r["text"] for r in lines(out)] == ["Share on Facebook\nIt ’ s here ."]


def test_a_step_workers_cannot_import_is_a_clear_error(tmp_path):
    """A step defined in ``python -c`` (as in a notebook) is refused before any
    worker starts; one defined under the ``__main__`` guard kills its worker,
    which is reported as such, naming what to do."""
    import sys

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    code = (
        "from textclean import Pipeline, Document\n"
        "def up(d): return d\n"
        "list(Pipeline([up]).run([Document(str(i), 't') for i in range(600)], workers=2))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300
    )
    assert "WorkerError: step 'up' is defined in this interactive session" in proc.stderr
    script = tmp_path / "guarded.py"
    script.write_text(
        "from textclean import Pipeline, Document\n"
        "if __name__ == '__main__':\n"
        "    def up(d): return d\n"
        "    list(Pipeline([up]).run([Document(str(i), 't') for i in range(600)], workers=2))\n",
        encoding="utf-8",
    )
    proc = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, env=env, timeout=300
    )
    assert "WorkerError: a worker process stopped before returning its work" in proc.stderr
    assert "if __name__ == '__main__':" in proc.stderr


@pytest.mark.parametrize(
    ("args", "flag"),
    [
        (["passages", "{corpus}", "-o", "{out}", "--unit", "bogus"], "(--unit)"),
        (["decontaminate", "{corpus}", "--against", "{corpus}", "-o", "{out}", "--ngram", "0"],
         "(--ngram)"),
    ],
)  # fmt: skip
def test_a_bad_option_value_names_its_flag(args, flag, corpus, tmp_path):
    filled = [a.format(corpus=corpus, out=tmp_path / "out.jsonl") for a in args]
    proc = run(*filled)
    assert proc.returncode == 2 and flag in proc.stderr, proc.stderr


def test_a_file_run_with_workers_refuses_an_interactive_step_before_any_work(tmp_path):
    """The file job checks the steps itself, so a small input is refused as a big one
    is (a chunk of few records never starts a worker, and would have passed)."""
    import sys

    src = write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": "One line."}])
    out = tmp_path / "out.jsonl"
    code = (
        "import sys\n"
        "from textclean import Pipeline\n"
        "from textclean.run.engine import run_on_files\n"
        "def up(d): return d\n"
        "run_on_files(Pipeline([up]), [sys.argv[1]], sys.argv[2], workers=2)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(
        [sys.executable, "-c", code, str(src), str(out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert "WorkerError: step 'up' is defined in this interactive session" in proc.stderr
    assert not out.exists()


def test_an_index_that_exists_is_used_in_place_and_one_that_is_a_file_is_refused(corpus, tmp_path):
    from textclean.io import check_paths

    index = tmp_path / "idx"
    index.mkdir()
    assert check_paths([str(corpus)], {"output": str(tmp_path / "o.jsonl"), "index": str(index)})
    afile = tmp_path / "afile"
    afile.write_text("", encoding="utf-8")
    proc = run("dedup", str(corpus), "-o", str(tmp_path / "o.jsonl"), "--index", str(afile))
    assert proc.returncode == 2 and "is a file; an index is a folder" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_a_report_path_that_is_a_folder_is_named_not_its_temporary_file(corpus, tmp_path):
    report = tmp_path / "rep.html"
    report.mkdir()
    proc = run("passages", str(corpus), "-o", str(tmp_path / "p.jsonl"), "--html", str(report))
    assert proc.returncode == 2, proc.stderr
    assert "is a directory; name a file" in proc.stderr and "Traceback" not in proc.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([corpus.name, "rep.html"])
    assert not list(report.iterdir())


def test_an_output_in_a_folder_this_process_may_not_write_to_is_refused(
    corpus, tmp_path, monkeypatch
):
    """Root may write anywhere, so the refusal is shown with the permission check
    answering as it does for an ordinary user on a folder not theirs."""
    import textclean.io.paths as paths

    locked = tmp_path / "locked"
    locked.mkdir()
    real_access = os.access

    def access(path, mode, *args, **kwargs):
        if os.path.abspath(path) == str(locked) and mode & os.W_OK:
            return False
        return real_access(path, mode, *args, **kwargs)

    monkeypatch.setattr(paths.os, "access", access)
    with pytest.raises(PathError, match="cannot be written to"):
        check_paths([str(corpus)], {"output": str(locked / "sub" / "out.jsonl")})
    index = locked / "idx"
    index.mkdir()  # an index that exists is used in place, whatever its parent allows
    assert check_paths([str(corpus)], {"output": str(tmp_path / "o.jsonl"), "index": str(index)})
