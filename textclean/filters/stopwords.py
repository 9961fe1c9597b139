"""The commonest function words of 25 languages, for the stop-word rule.

Real prose in any of these languages is full of its function words; word
salad, keyword lists and tables are not. The rule only applies to a language
listed here (and never to scripts written without spaces), so a document in
another language is not dropped for lacking English stop words.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence


def _word_sets(words_by_language: Mapping[str, str]) -> dict[str, frozenset[str]]:
    return {lang: frozenset(words.split()) for lang, words in words_by_language.items()}


STOP_WORDS: dict[str, frozenset[str]] = _word_sets(
    {
        "en": "the be to of and that have with a in is it for not on are was this",
        "de": "der die das und ist nicht zu den mit von ein eine sich auf dem des im",
        "fr": "le la les de des et est un une du en que pour dans pas sur au qui",
        "es": "el la los las de que y en un una es por con para no se del al",
        "it": "il la di che e è un una per non in con del della sono si le da",
        "pt": "o a os as de que e do da em um uma para com não é se no na",
        "nl": "de het een en van is dat niet op te met voor zijn in die er",
        "sv": "och att det som en är på av för med inte den till har de i",
        "da": "og at det er en til på af med for ikke den som har de i",
        "no": "og i det er en til på av med for ikke som at har de den",
        "fi": "ja on ei se että ovat oli mutta kun tai joka myös ole ovat",
        "pl": "i w nie na się z jest do że to o jak ale są od po",
        "cs": "a je se v na to že s z do jsou není jako by pro",
        "sk": "a je sa v na to že s z do sú nie ako by pre",
        "ru": "и в не на что с по это как он к для из а то",
        "uk": "і в не на що з це до як та у для від й є",
        "bg": "и в на не да се от за е с че по са това",
        "tr": "ve bir bu da de için ile değil çok olarak daha gibi ne",
        "hu": "a az és hogy nem is egy van meg de ez csak már",
        "ro": "și în de la nu cu că este un o pe pentru din se",
        "hr": "i je u na se da ne za od su a kao s to",
        "sl": "in je v na se da ne za so z pa to ki",
        "id": "yang dan di ini itu dengan untuk tidak dari dalam ke akan adalah",
        "vi": "và của là có không được cho trong một các những với",
        "ca": "el la els de i que a en un una és per amb no es del",
    }
)
#: Languages written without spaces between words: word-based rules do not apply.
UNSPACED = frozenset({"zh", "ja", "th", "lo", "km", "my", "bo"})
#: Languages whose letters are syllables (a Hangul block holds two or three sounds):
#: a short mean word length is no sign of a list or a table there.
SYLLABIC = frozenset({"ko"})

#: More function words for the stop-word rule, in languages where the lists above
#: cover too little of real prose: Finnish and Turkish put in endings what English
#: puts in prepositions, and a Vietnamese word is one syllable. With the lists above
#: alone, real news prose in them held 10% to 12% function words, under the rule's
#: cut-off; with these, as much as prose in other languages. The rule alone reads
#: them: the boilerplate model was trained on the lists above.
MORE_STOP_WORDS: dict[str, frozenset[str]] = _word_sets(
    {
        "fi": "hän he ne niin jos kuin vain jo sekä jotka jonka joiden sen sitä siitä tämä tämän nämä mitä mikä koska vaikka vielä sitten noin yli mukaan kanssa jälkeen olivat ollut olisi",
        "tr": "o ama en kadar sonra ise her olan ki mi diye ancak göre var yok şu veya ya hem ayrıca bunu bunun onun olduğu oldu tarafından arasında üzerinde sadece bile",
        "vi": "người đã này đến khi cũng để thì ra về sẽ từ tại nhiều đó như nhưng lại vào bị",
    }
)
_RULE_WORDS = {
    lang: words | MORE_STOP_WORDS.get(lang, frozenset()) for lang, words in STOP_WORDS.items()
}


def stop_word_ratio(tokens: Sequence[str], lang: str, names: int = 0) -> float | None:
    """Share of (case-folded) words that are function words of ``lang``; None if not listed.

    ``names`` of the words are names or figures: they are left out of the
    count the share is taken of, since a report dense with names and figures
    holds as many function words per sentence as any other (word salad does
    not). At most half the words are left out, so a page in title case or a
    list of names is still judged on all its words. A function word written
    as a name ("The Times") can count on both sides; the share stops at 1.

    >>> stop_word_ratio("the cat sat on the mat".split(), "en")
    0.5
    >>> stop_word_ratio("the cat met Tom and Ann".split(), "en", names=2)
    0.5
    >>> stop_word_ratio(["kissa"], "xx") is None
    True
    """
    words = _RULE_WORDS.get(lang)
    if words is None:
        return None
    if not tokens:
        return 0.0
    counted = max(len(tokens) - names, len(tokens) / 2)
    return min(1.0, sum(map(words.__contains__, tokens)) / counted)
