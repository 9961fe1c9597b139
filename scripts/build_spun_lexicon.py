"""Build textclean/data/spun_lexicon.tsv from the tortured-phrases list and news spinner entries.

Usage::

    python scripts/build_spun_lexicon.py [--pairs PATH] [--guard-words N]

Every pair becomes an entry; the question is its tier. A pair is ``repair``
only when all of these hold, else it is a ``signal`` (counted, never
rewritten):

1. the screener searched the phrase alone (no ``AND``/``NOT``/``OR``,
   no proximity, no uncertain or free-text expectation): its curators found
   the phrase damning by itself;
2. the expected phrase is a plain phrase and differs by at most one word in
   length (spinners swap word for word; a longer gap means a paraphrase);
3. it has two or more words, at least two of them content words, and was
   seen in at least ``MIN_PAPERS`` papers;
4. it never occurs in the clean English of this machine
   (``scripts/english_corpus.py``, about 30 million words), while the phrase
   it replaced occurs there at least ``MIN_EXPECTED`` times: the clean text
   shows writers use the original and never the spun form. A pair with no
   such evidence stays a signal, unless it is on the ``REVIEWED_REPAIR`` list
   of classic tortured phrases judged by hand never to be correct English;
5. the same phrase has no conflicting expectation, its replacement holds no
   other repair phrase (no chains), it sits inside no correct phrase of the
   lexicon (no traps), and it is not on the reviewed ``ORDINARY`` list of
   phrases that are correct English in other contexts, nor on the
   ``DOUBTFUL_REPLACEMENT`` list of pairs whose listed replacement is wrong.

Repair-tier pairs that survive are few compared with the signals, on purpose.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "scripts")]

import english_corpus  # noqa: E402

from textclean.repair.lexicon import Entry, Lexicon, check_entry, normalize  # noqa: E402

PAIRS = ROOT.parent / "shared" / "data" / "tortured-phrases" / "pairs.jsonl"
OUT = ROOT / "textclean" / "data" / "spun_lexicon.tsv"
MIN_PAPERS = 3
MIN_EXPECTED = 10

STOPWORDS = frozenset(
    """a an the of in on at to for from by with without into onto over under about as and or
    but nor so yet if than then that this these those it its is are was were be been being has
    have had do does did not no can could may might must shall should will would which who whom
    whose what when where why how all any both each few more most other some such only own same
    very just also there their they them we our you your he she his her i me my up out off""".split()
)
_PLAIN = re.compile(r"^[\w][\w '’.-]*$")
_QUERY_OPERATORS = re.compile(r"\b(AND|NOT|OR)\b|~")

# News spinners (Spin Rewriter, WordAI and the like) run the same word-for-word
# synonym swap on everyday text. Repair only what is never correct English;
# the rest can be right in context and is a signal.
LAW_PRECEDERS = (
    "a", "and", "as", "at", "by", "federal", "from", "help", "helps", "helped", "her",
    "his", "in", "its", "local", "of", "on", "or", "other", "our", "state", "the",
    "their", "to", "with", "your",
)  # fmt: skip
NEWS = [
    # (phrase, replacement, tier, case)
    # "law" comes out as "legal reasons" or "for legal reasons": replace only the
    # spun words, so "technology for legal reasons enforcement" keeps its "for";
    # after a word that "for" cannot follow, the "for" is the spinner's too.
    ("legal reasons enforcement", "law enforcement", "repair", "fold"),
    *(
        (f"{word} for legal reasons enforcement", f"{word} law enforcement", "repair", "fold")
        for word in LAW_PRECEDERS
    ),
    ("such as for instance", "such as", "repair", "fold"),
    ("such as for example", "such as", "repair", "fold"),
    ("continue steadily to", "continue to", "repair", "fold"),
    ("continues steadily to", "continues to", "repair", "fold"),
    ("continued steadily to", "continued to", "signal", "fold"),
    ("in once case", "in one case", "repair", "fold"),
    ("the united kingdom", "the United Kingdom", "repair", "exact"),
    ("the united states", "the United States", "repair", "exact"),
    ("the european union", "the European Union", "repair", "exact"),
    ("the united nations", "the United Nations", "repair", "exact"),
    ("from which consists of", "from using", "signal", "fold"),
    ("young ones", "children", "signal", "fold"),
    ("much more than", "more than", "signal", "fold"),
    ("a lot more than", "more than", "signal", "fold"),
    ("nevertheless the", "but the", "signal", "fold"),
    ("split study", "separate study", "signal", "fold"),
    ("cited concerts", "cited concerns", "signal", "fold"),
    ("greatest players", "biggest players", "signal", "fold"),
    ("for the reason that", "in that", "signal", "fold"),
    ("men and women", "people", "signal", "fold"),
    ("in a position to", "able to", "signal", "fold"),
    ("in the event that", "if", "signal", "fold"),
    ("it is possible to", "you can", "signal", "fold"),
    ("you will find", "there are", "signal", "fold"),
    ("the planet", "the world", "signal", "fold"),
    ("perfect minister", "prime minister", "signal", "fold"),
    ("excellent minister", "prime minister", "signal", "fold"),
    ("leading minister", "prime minister", "signal", "fold"),
    ("vice leader", "vice president", "signal", "fold"),
    ("worldwide warming", "global warming", "signal", "fold"),
    ("international warming", "global warming", "signal", "fold"),
    ("interpersonal distancing", "social distancing", "repair", "fold"),
    (
        "social networking sites such as for instance",
        "social media sites such as",
        "repair",
        "fold",
    ),
    ("on the list of", "among the", "signal", "fold"),
    ("among the list of", "one of the", "signal", "fold"),
    ("all over the world", "around the world", "signal", "fold"),
    ("a large number of", "thousands of", "signal", "fold"),
    ("in line with the", "according to the", "signal", "fold"),
]

# Pairs that pass every automatic test but were judged by hand to be correct
# English in some other context ("3rd birthday party", "number juggling",
# "dialect model"): they stay signals.
ORDINARY = frozenset(
    {
        "heart ailments",
        "liver ailments",
        "kidney ailments",
        "lung ailments",
        "skin ailments",
        "monetary development",
        "feature choice",
        "test technique",
        "professional system",
        "business knowledge",
        "resistant reaction",
        "data gain",
        "degree of displacement",
        "facial expression processing",
        "magnetic cell separation",
        "atomic composition",
        "objective language",
        "test arrangement",
        "project memory",
        "bunch size",
        "programmed learning",
        "machine knowledge",
        "number juggling",
        "ancient rarities",
        "irregular request",
        "clog control",
        "excessively enormous",
        "bouncing box",
        "coasting point",
        "dialect model",
        "euclidean separation",
        "informative indexes",
        "informational collection",
        "instructive file",
        "misleading negative",
        "3rd birthday party",
        "128 pieces",
        "256 pieces",
        "short blast",
        "great tuning",
        "foetus removal",
        "cerebral torment",
        "talking about underneath",
        "walk 2020",
        "polling form",
        "excessive benchmark",
        "bit job",
        "touchy information",
        "laptop studying",
        "engine mastering",
        "machine insight",
        "machine mastery",
        "python bundle",
        "stoner experience",
        "automated thinking",
        "coaching set",
        "bosom disease",
    }
)
# Pairs whose listed replacement is not what the spun phrase stood for
# ("machine perusing" is machine *reading*): evidence, but never rewritten.
DOUBTFUL_REPLACEMENT = frozenset(
    {
        "machine perusing",
        "conveyance of administrations",
        "cease result",
        "inevitably tom's",
        "miles vital",
        "approval precision",
        "metric capacity unit",
        "simulated intelligence (ml)",
        "counterfeit insight",
    }
)
# Pairs whose original is missing from the clean corpus (it is documentation,
# not science) but whose spun form was judged by hand never to be correct
# English: the classic tortured phrases. Every other test still applies.
REVIEWED_REPAIR = frozenset(
    """counterfeit consciousness|profound neural organization|irregular woodland|irregular timberland
    |irregular backwoods|arbitrary woodland|arbitrary timberland|arbitrary backwoods|arbitrary woods
    |colossal information|bosom peril|bosom malignancy|bosom malignant|bosom disease
    |kidney disappointment|lactose bigotry|flag to commotion|signal to commotion|flag to clamor
    |subterranean insect state|subterranean insect settlement|profound neural system
    |convolutional neural organization|profound conviction organization|backing vector machine
    |bolster vector machine|gullible bayes|long transient memory|haze processing|man-made brainpower
    |man-made consciousness|counterfeit neural organization|counterfeit knowledge|manufactured insights
    |fluffy rationale|hereditary calculation|calculated relapse|direct relapse|straight relapse
    |strategic relapse|k-implies bunching|k-implies grouping|picture acknowledgment
    |facial acknowledgment|feeling acknowledgment|feeling acknowledgement|example acknowledgment
    |discourse acknowledgment|discourse acknowledgement|information digging|information stockpiling
    |information distribution center|earth-wide temperature boost|worldwide temperature alteration
    |misfortune work|misfortune capability|actuation work|actuation capacities|enactment capability
    |likelihood thickness|credibility hypothesis|x-beam pictures|steering convention
    |directing convention|ddos assault|picture division|picture order|consideration instrument
    |cardiovascular breakdown|attractive reverberation|back proliferation|most extreme probability
    |square blunder|interruption discovery|interruption recognition|recurrence space
    |vitality effective|vitality productivity|vitality proficient|vitality utilization
    |watery arrangement|reactant movement|utilitarian gatherings|expectation exactness
    |forecast exactness|arrangement exactness|arrangement precision|grouping exactness
    |extricate highlights|discourse highlights|voice highlights|shrewd agreement|shrewd gadget
    |keen gadget|brilliant gadget|specially appointed system|sport hypothesis|particle trade
    |phantom examinations|measurably critical|angle plunge|insusceptible framework
    |invulnerable framework|resistant framework|installed framework|inserted framework
    |acknowledgment framework|reconnaissance framework|choice emotionally supportive network
    |preparation information|preparing information|preparing pictures|youthful grown-ups""".replace(
        "\n    ", ""
    ).split("|")
)
_TRAILING_ACRONYM = re.compile(r"\s(\([A-Za-z0-9]{2,8}\))$")


def content_words(phrase: str) -> int:
    return sum(1 for w in phrase.lower().split() if w.strip(".-'’") not in STOPWORDS)


def clean_replacement(tortured: str, expected: str) -> str:
    """Tidy the listed expectation into a replacement.

    * Lower capitals the source added to common nouns ("Equilibrium
      concentration", "machine Learning") when the spun phrase starts in
      lower case.
    * Keep an acronym the spun phrase carries ("data technology (IT)" ->
      "information technology (IT)"), so the repair removes nothing.
    """
    expected = " ".join(expected.split())
    words = expected.split()
    if tortured[:1].islower():
        words = [w.lower() if w[:1].isupper() and w[1:].islower() else w for w in words]
    expected = " ".join(words)
    acronym = _TRAILING_ACRONYM.search(tortured)
    if acronym and acronym.group(1).lower() not in expected.lower():
        expected += " " + acronym.group(1)
    return expected


def pps_entries(pairs: Path) -> tuple[list[Entry], Counter]:
    """Entries from the screener's pairs, with the reason each one is a signal."""
    why: Counter = Counter()
    by_key: dict[str, list[dict]] = {}
    for line in pairs.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        tortured = " ".join(row["tortured"].split())
        if row["long_note"] or not any(ch.isalnum() for ch in tortured):
            why["skipped: free-text note or no word"] += 1
            continue
        by_key.setdefault(normalize(tortured), []).append(row | {"tortured": tortured})
    entries = []
    for _key, rows in sorted(by_key.items()):
        rows.sort(key=lambda r: (-r["num_papers"], r["expected"]))
        best = rows[0]
        tortured, expected = best["tortured"], best["expected"].strip()
        papers = sum(r["num_papers"] for r in rows)
        replacement = clean_replacement(tortured, expected) if _PLAIN.match(expected) else ""
        expectations = {normalize(r["expected"]) for r in rows}
        reason = ""
        if best["uncertain"] or best["proximity"] or _QUERY_OPERATORS.search(best["query"]):
            reason = "query needs context (AND/NOT/proximity/uncertain)"
        elif not replacement:
            reason = "expected phrase is not a plain phrase"
        elif len(expectations) > 1:
            reason = "conflicting expectations"
        elif normalize(replacement) == normalize(tortured):
            why["skipped: replacement equals phrase"] += 1
            continue
        elif abs(len(tortured.split()) - len(replacement.split())) > 1:
            reason = "replacement differs by more than one word"
        elif content_words(tortured) < 2:
            reason = "fewer than two content words"
        elif papers < MIN_PAPERS:
            reason = f"seen in fewer than {MIN_PAPERS} papers"
        elif normalize(tortured) in ORDINARY:
            reason = "reviewed: correct English in other contexts"
        elif normalize(tortured) in DOUBTFUL_REPLACEMENT:
            reason = "reviewed: doubtful replacement"
        tier = "signal" if reason else "repair"
        why[f"signal: {reason}" if reason else "repair (before guard)"] += 1
        entries.append(Entry(tortured, replacement, tier, "fold", "pps", papers))
    return entries, why


def news_entries() -> list[Entry]:
    return [Entry(p, r, t, c, "news") for p, r, t, c in NEWS]


def occurrences(lexicon: Lexicon, docs) -> Counter:
    """How often each phrase occurs in clean text, overlapping matches and prefixes included."""
    matcher = lexicon.matcher()
    keys = lexicon.entries
    seen: Counter = Counter()
    for _name, text in docs:
        for start, end in matcher.spans(text, overlapped=True):
            words = normalize(text[start:end]).split()
            for n in range(1, len(words) + 1):
                prefix = " ".join(words[:n])
                if prefix in keys:
                    seen[prefix] += 1
    return seen


def clean_counts(
    entries: list[Entry], max_words: int | None, cache: Path | None
) -> tuple[Counter, int]:
    """Occurrences in clean English of every phrase and of every replacement, and the words read."""
    if cache is not None and cache.exists():
        data = json.loads(cache.read_text(encoding="utf-8"))
        return Counter(data["counts"]), data["words"]
    probes = list(entries)
    probes += [
        Entry(e.replacement, "", "signal", e.case, "probe") for e in entries if e.replacement
    ]
    words = 0

    def counted(docs):
        nonlocal words
        for name, text in docs:
            words += len(text.split())
            yield name, text

    counts = occurrences(Lexicon(probes), counted(english_corpus.documents(max_words=max_words)))
    if cache is not None:
        cache.write_text(json.dumps({"counts": counts, "words": words}), encoding="utf-8")
    return counts, words


def demote(entries: list[Entry], keys: set[str]) -> list[Entry]:
    return [
        Entry(e.phrase, e.replacement, "signal", e.case, e.source, e.papers)
        if e.tier == "repair" and e.key in keys
        else e
        for e in entries
    ]


def chains_and_traps(entries: list[Entry]) -> set[str]:
    """Repair keys whose replacement holds a repair phrase, or that sit inside a correct phrase."""
    repair = Lexicon([e for e in entries if e.tier == "repair"])
    bad: set[str] = set()
    for entry in entries:
        if entry.replacement:
            for _s, _e, hit in repair.find(entry.replacement):
                bad.add(hit.key)
                if entry.tier == "repair":
                    bad.add(entry.key)
    return bad


def header(counts: Counter, guard_words: int) -> str:
    return f"""# textclean spun-phrase lexicon: phrases made by article spinners and what they replaced.
#
# Format: UTF-8, tab-separated, one entry a line, '#' lines are comments.
# Columns: phrase, replacement, tier, case, source, papers
#   tier    repair = never correct English, rewritten by fix_spun;
#           signal = can be correct English, only counted by spin_score.
#   case    fold = matched in any case (the replacement follows the case of the match);
#           exact = matched only as written.
#   source  pps  = the Problematic Paper Screener tortured-phrase list:
#                  Cabanac, Labbé and Magazinov, "Tortured phrases: A dubious writing style
#                  emerging in science. Evidence of critical issues affecting established
#                  journals", arXiv:2107.06751 (2021), and later curation of the screener's
#                  fingerprint list (as collected in the public repository
#                  hahuyhoang411/tortured-phrase, data/tortured.csv at commit d096655);
#                  papers = how many flagged papers hold the phrase.
#           news = substitutions seen in spun news articles (textclean curation).
#
# Generated by scripts/build_spun_lexicon.py; do not edit by hand, edit the script.
# Tiers were chosen against {guard_words:,} words of clean English (see docs/spun.md).
# Entries: {counts["repair"]:,} repair, {counts["signal"]:,} signal.
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=Path, default=PAIRS)
    parser.add_argument("--guard-words", type=int, default=None, help="cap on clean words scanned")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument(
        "--counts-cache", type=Path, default=None, help="reuse/save clean-text counts (JSON)"
    )
    args = parser.parse_args()

    entries, why = pps_entries(args.pairs)
    news = news_entries()
    news_keys = {e.key for e in news}
    entries = [e for e in entries if e.key not in news_keys] + news
    for entry in entries:
        check_entry(entry, entry.phrase)

    seen, guard_words = clean_counts(entries, args.guard_words, args.counts_cache)
    in_clean = {e.key for e in entries if seen[e.key] and e.tier == "repair"}
    why["signal: seen in clean English"] = len(in_clean)
    entries = demote(entries, in_clean)
    unproven = {
        e.key
        for e in entries
        if e.tier == "repair"
        and e.source == "pps"
        and e.key not in REVIEWED_REPAIR
        and seen[normalize(_TRAILING_ACRONYM.sub("", e.replacement))] < MIN_EXPECTED
    }
    why[f"signal: replacement seen fewer than {MIN_EXPECTED} times in clean English"] = len(
        unproven
    )
    entries = demote(entries, unproven)
    bad = chains_and_traps(entries) - news_keys
    why["signal: chain or trap"] = len(bad)
    entries = demote(entries, bad)
    news_in_clean = {k: seen[k] for k in news_keys if seen[k]}

    entries.sort(key=lambda e: (e.source != "news", e.tier, -e.papers, e.key))
    counts = Counter(e.tier for e in entries)
    lines = [header(counts, guard_words)]
    lines.append("\t".join(("phrase", "replacement", "tier", "case", "source", "papers")))
    for e in entries:
        papers = str(e.papers) if e.source == "pps" else "-"
        lines.append("\t".join((e.phrase, e.replacement, e.tier, e.case, e.source, papers)))
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")

    for reason, n in sorted(why.items()):
        print(f"{n:6,}  {reason}")
    print(f"news entries seen in clean English: {news_in_clean}")
    print(
        f"{counts['repair']:,} repair, {counts['signal']:,} signal; {guard_words:,} clean words -> {args.out}"
    )


if __name__ == "__main__":
    main()
