"""Line and sentence classification: categories, protection of content, layout signals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from textclean.boilerplate import Verdict, classify_lines, strip_boilerplate
from textclean.boilerplate.classify import (
    QUOTE_DOUBT,
    STAMP_DOUBT,
    WHOLE_LINE_SURE,
    builtin_rules,
    find_cuts,
    judge,
)

EVAL = (
    Path(__file__).resolve().parent.parent
    / "benchmarks"
    / "data"
    / "boilerplate-eval"
    / "pages.jsonl"
)

FURNITURE = [
    ("Share on Twitter", "share"),
    ("Sharing is caring!", "share"),
    ("Follow us on Instagram", "share"),
    ("Sign up for our newsletter", "newsletter"),
    ("No spam, we promise. You can unsubscribe at any time.", "newsletter"),
    ("Log In", "account"),
    ("Subscribe to continue reading this story.", "account"),
    ("© 2020 Example Media Group. All rights reserved.", "legal"),
    ("We use cookies to improve your experience on our site.", "legal"),
    ("Terms of Service | Privacy Policy", "legal"),
    ("By Jamelle Bouie", "byline"),
    ("Reporting by Greg Smith; Editing by Tom Brown", "byline"),
    ("Photo: Damian Dovarganes, AP", "caption"),
    ("(AP Photo/David Zalubowski)", "caption"),
    ("Updated 1:39 am EST, Wednesday, November 20, 2019", "timestamp"),
    ("5 min read", "timestamp"),
    ("Most Popular", "navigation"),
    ("Continue reading the main story", "navigation"),
    ("Advertisement", "advertising"),
    ("Auf Facebook teilen", "share"),
    ("Alle Rechte vorbehalten.", "legal"),
    ("Veröffentlicht am 12.03.2020, 14:05 Uhr", "timestamp"),
    ("Partager sur Twitter", "share"),
    ("Temps de lecture : 4 min", "timestamp"),
    ("Politique de confidentialité", "legal"),
    ("Compartir en Facebook", "share"),
    ("Suscríbete a nuestro boletín", "newsletter"),
    ("Publicidad", "advertising"),
]

CONTENT = [
    "“We use cookies sparingly and we told the regulator so,” the company said.",
    "The company changed its privacy policy last year after regulators questioned it.",
    "Long missing the mark?",
    "By Monday, officials had counted 300 votes.",
    "Smith reported from the scene that three people had been hurt.",
    "Nearly 40 percent of the false matches were people of color, the group said.",
    "Die Stadt will die Datenschutzerklärung der App prüfen lassen.",
]


@pytest.mark.parametrize("line, category", FURNITURE)
def test_furniture_is_recognised_with_its_category(line, category):
    hit = judge(line, builtin_rules())
    assert hit is not None and hit[0] == category


@pytest.mark.parametrize("line", CONTENT)
def test_content_is_not_furniture(line):
    assert judge(line, builtin_rules()) is None


def test_one_verdict_per_line_with_reason():
    verdicts = classify_lines(["Share on Facebook", "", "The council met on Tuesday."])
    assert len(verdicts) == 3
    assert verdicts[0] == Verdict(False, "share", "share_button")
    assert verdicts[1].keep and verdicts[2].keep and verdicts[2].category is None


def test_a_line_with_content_and_furniture_sentences_is_kept_and_cut_inside():
    line = "The council met on Tuesday. Sign up for our newsletter to get the latest news. It voted 7 to 2."
    (verdict,) = classify_lines([line])
    assert verdict.keep
    assert [c.category for c in verdict.cuts] == ["newsletter"]
    assert strip_boilerplate(line) == "The council met on Tuesday. It voted 7 to 2."


def test_furniture_clause_glued_with_a_comma_is_cut_at_the_clause():
    text = "The plan faced a backlash over its cost, Last modified on Fri 12 Jun 2020 12.13 BST."
    assert strip_boilerplate(text) == "The plan faced a backlash over its cost."


def test_author_name_lines_beside_a_bio_go_with_it():
    lines = ["Maria Keller", "", "Maria Keller is a senior reporter covering city hall."]
    assert [v.keep for v in classify_lines(lines)] == [False, True, False]


def test_menu_runs_outside_the_article_go_subheadings_inside_stay():
    body = (
        "The council voted on Tuesday to extend the bus network into the northern suburbs by 2026."
    )
    later = "Officials said the first routes would open next spring, once new drivers were hired."
    lines = [
        "Home",
        "World",
        "Sport",
        "Council backs bus plan",
        body,
        "What happens next",
        later,
        "Related",
        "Bus fares rise",
        "Trains cut",
    ]
    kept = [line for line, v in zip(lines, classify_lines(lines), strict=True) if v.keep]
    assert kept == ["Council backs bus plan", body, "What happens next", later]


def test_separator_lines_go():
    assert strip_boilerplate("Body text here.\n____\n* * *\n") == "Body text here.\n"


def test_eval_set_content_precision_and_recall():
    """Guard for the benchmark's done-criterion: content precision >= 0.98 on our set."""
    tp = fp = fn = 0
    for raw in EVAL.open(encoding="utf-8"):
        page = json.loads(raw)
        lines: dict[int, str] = {}
        for item in page["items"]:
            lines[item["line"]] = (lines.get(item["line"], "") + " " + item["text"]).strip()
        order = sorted(lines)
        verdicts = dict(zip(order, classify_lines([lines[i] for i in order]), strict=True))
        for item in page["items"]:
            verdict = verdicts[item["line"]]
            kept = verdict.keep and not any(
                item["text"] == lines[item["line"]][c.start : c.end].strip() for c in verdict.cuts
            )
            gold = item["label"] == "content"
            tp += gold and kept
            fp += kept and not gold
            fn += gold and not kept
    assert tp / (tp + fp) >= 0.98
    assert tp / (tp + fn) >= 0.98


SCRIPT = [
    "window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} "
    "gtag('js', new Date()); gtag('config', 'G-XXXXXXX');",
    "(adsbygoogle = window.adsbygoogle || []).push({});",
    "googletag.cmd.push(function() { googletag.display('div-gpt-ad-1536857430-0'); });",
    "!function(f,b,e,v,n,t,s){if(f.fbq)return;n=f.fbq=function(){n.callMethod?"
    "n.callMethod.apply(n,arguments):n.queue.push(arguments)};}(window, document,'script');",
    "var _gaq = _gaq || []; _gaq.push(['_setAccount', 'UA-1234-1']);",
    '{% set buttonRadius = "40px" %}',
]
NOT_SCRIPT = [
    "The company said the window.dataLayer object was used by its analytics team.",
    "Researchers tracked how googletag and dataLayer scripts load on 10,000 news sites.",
    "var form = new FormData(document.getElementById('login-form'));",
    "He called the function (as he put it) a waste => of money; the board disagreed.",
]
BODY = [
    "The council approved the new budget on Tuesday after a long debate about the park.",
    "Officials said the changes would take effect next year and would not raise taxes.",
]


@pytest.mark.parametrize("line", SCRIPT)
def test_tracking_and_template_code_is_removed_as_script(line):
    verdict = classify_lines([BODY[0], line, BODY[1]])[1]
    assert (verdict.keep, verdict.category, verdict.reason) == (False, "widget", "script")


@pytest.mark.parametrize("line", NOT_SCRIPT)
def test_prose_about_code_and_code_without_tracking_marks_are_not_script(line):
    # A programming article may show code: only tracking, advertising and
    # template marks make a line page code.
    assert builtin_rules().match(line) is None


CREDITED_CAPTIONS = [
    "Sen. Jane Roe speaks on the Senate floor on Tuesday. (AP Photo/John Doe)",
    "Workers clear debris in Leeds on Monday, May 4, 2020. Photo: Jane Roe/Getty Images",
    "A man waits for a bus in the rain outside the station in Leeds. Jane Roe/Reuters",
    "Protesters march past the town hall on Saturday. (Photo by Jane Roe/AFP via Getty Images)",
    "The mayor greets supporters after the count in 2019. Photograph: Jane Roe",
]


@pytest.mark.parametrize("line", CREDITED_CAPTIONS)
def test_a_caption_closed_by_its_credit_goes_whole(line):
    """The rules alone would cut the credit and leave the caption standing as a
    line of reporting; the caption goes with its credit, with or without the model."""
    page = ["The council voted on Monday to close the old bridge for repairs next year.", line]
    for model in (None, "builtin"):
        verdicts = classify_lines(page, model=None) if model is None else classify_lines(page)
        assert verdicts[0].keep and not verdicts[0].cuts
        assert not verdicts[1].keep and verdicts[1].category == "caption"
    assert classify_lines(page, model=None)[1].reason == "credited_caption"


@pytest.mark.parametrize("model", [None, "builtin"])
def test_a_page_glued_into_one_line_and_a_long_paragraph_lose_only_their_credit(model):
    """A credit closing a line of several sentences, or closing the page's only
    line, is cut alone: the reporting before it stays."""
    glued = (
        "Firefighters battled the blaze for six hours before bringing it under control. "
        "No one was injured, officials said. The building was empty because of renovation "
        "work. Photo: Jane Roe/Getty Images"
    )
    short = "Crews cleared the fallen trees from the road into town on Monday. (AP Photo/John Doe)"
    for page in ([glued], [BODY[0], glued], [short]):
        verdicts = classify_lines(page, model=None) if model is None else classify_lines(page)
        kept = verdicts[-1]
        assert kept.keep and kept.cuts and kept.cuts[-1].reason == "image_credit", page


@pytest.mark.parametrize(
    "line",
    [
        # Reporting that names its source, ending a sentence.
        "Prices rose by four percent in May, according to figures compiled by Reuters.",
        # "(ePA)" is no agency: the short agency names count in capitals only.
        "Die elektronische Patientenakte gilt als Thema mit dem höchsten Potenzial (ePA)",
        # A paragraph far longer than a caption, closed by a credit.
        " ".join(["The council met for hours and heard every side of the argument."] * 7)
        + " (AP Photo/John Doe)",
    ],
)
def test_lines_that_only_look_credited_are_not_captions(line):
    verdict = classify_lines([line], model=None)[0]
    assert verdict.reason != "credited_caption"


BODY = [
    "The council voted on Monday to close the old bridge for repairs next year.",
    "Residents said the detour would add twenty minutes to their trips into town.",
    "Jane Roe is a nurse at the hospital across the river, and she drives it daily.",
    "The work is expected to take eight months, the council said in a statement.",
    "Traffic will be diverted over the new ring road while the bridge is closed.",
    "Local shops fear they will lose customers during the long closure this winter.",
]


@pytest.mark.parametrize("model", [None, "builtin"])
def test_an_author_bio_closing_the_page_goes_and_the_same_shape_in_the_body_stays(model):
    bio = "John Doe is a retired geologist who has studied the river for forty years."
    page = [*BODY, "", bio]
    verdicts = classify_lines(page, model=None) if model is None else classify_lines(page)
    assert not verdicts[-1].keep and verdicts[-1].category == "byline"
    assert all(v.keep and not v.cuts for v in verdicts[: len(BODY)])
    if model is None:
        assert verdicts[-1].reason == "closing_bio"


def test_a_closing_bio_inside_quotes_or_far_longer_than_a_bio_stays():
    quoted = "“John Doe is a liar and everyone in this town knows it,” the mayor said."
    long = "John Doe is a " + " ".join(["man who has spent years fighting the plan"] * 8) + "."
    for last in (quoted, long):
        verdicts = classify_lines([*BODY, last], model=None)
        assert verdicts[-1].keep


@pytest.mark.parametrize(
    "sentence",
    [
        "Users who clicked Accept all cookies were tracked across sites, the lawyer said.",
        "All rights reserved notices on the website were enough to warn users, the judge wrote.",
    ],
)
def test_reporting_that_names_a_banner_s_words_is_content(sentence):
    page = [
        BODY[0],
        f"The court heard the terms were changed. {sentence} A ruling is due.",
        BODY[1],
    ]
    assert strip_boilerplate("\n".join(page)) == "\n".join(page)


def test_a_paragraph_with_one_furniture_sentence_loses_that_sentence_only():
    """A rule that fires on one sentence of a long line does not condemn the line."""
    line = (
        "The council voted on Monday to close the old bridge for repairs. We use cookies to "
        "improve your experience on our site. The work will take eight months, officials said."
    )
    for model in (None, "builtin"):
        page = [BODY[0], line, BODY[1]]
        verdicts = classify_lines(page, model=None) if model is None else classify_lines(page)
        assert verdicts[1].keep and [c.reason for c in verdicts[1].cuts] == ["cookie_notice"]


@pytest.mark.parametrize(
    "page",
    [
        [
            "The council approved the plan on Tuesday after a long debate about costs.",
            "The work starts in June.",
        ],
        ["Mayor opens new bridge", BODY[0], BODY[1]],
        ["The vote was close.", "Shares rose 4% in early trading."],
    ],
)
def test_on_a_page_of_a_few_lines_the_model_alone_removes_no_sentence(page):
    """Three lines give the model no neighbours to judge by; the rules still cut."""
    assert all(v.keep and not v.cuts for v in classify_lines(page))
    with_share = [page[0], "Share on Facebook", *page[1:]]
    verdicts = classify_lines(with_share)
    assert not verdicts[1].keep and verdicts[1].category == "share"
    assert all(v.keep for i, v in enumerate(verdicts) if i != 1)


def test_removing_the_last_line_of_a_text_without_a_final_break_leaves_no_break():
    body = "\n".join(BODY)
    assert strip_boilerplate(body + "\nShare on Facebook") == body
    assert strip_boilerplate(body + "\n\nShare on Facebook") == body
    assert strip_boilerplate(body + "\nShare on Facebook\n") == body + "\n"


def test_classify_lines_reads_any_iterable_of_lines_once_and_refuses_one_string():
    lines = [
        "Share on Twitter",
        "Police closed the road after the storm on Monday night.",
        "Log In",
    ]
    expected = classify_lines(lines)
    assert classify_lines(iter(lines)) == expected
    assert classify_lines(line for line in lines) == expected
    assert classify_lines(tuple(lines)) == expected
    with pytest.raises(TypeError, match="splitlines"):
        classify_lines("Log In")
    with pytest.raises(TypeError, match="find_cuts takes a str"):
        find_cuts(None)  # type: ignore[arg-type]


TITLE_PAGE = [
    "Council votes to close the old bridge for repairs",
    "",
    "The closure will last at least six months while engineers replace the deck and railings",
    "",
    "The city council voted on Monday to close the old bridge for repairs, officials said on Tuesday.",
    "Engineers will replace the deck and the railings over the coming months, the council said.",
    "Drivers will be sent along the ring road while the work goes on, a spokesman for the city said.",
]


def test_a_headline_above_a_longer_standfirst_and_the_standfirst_both_stay():
    verdicts = classify_lines(TITLE_PAGE)
    assert verdicts[0].keep and verdicts[2].keep
    assert all(v.keep and not v.cuts for v in verdicts)


def test_the_model_spares_a_standfirst_below_its_threshold_but_not_a_sure_verdict():
    standfirst = classify_lines(TITLE_PAGE)[2].probability
    assert standfirst is not None and standfirst < 0.85
    # A threshold just under the standfirst's probability would remove it anywhere else.
    assert classify_lines(TITLE_PAGE, threshold=standfirst - 0.001)[2].keep
    moved = TITLE_PAGE[:2] + TITLE_PAGE[4:] + ["", TITLE_PAGE[2]]
    after = classify_lines(moved, threshold=0.0001)
    assert not after[-1].keep  # below the body it is an ordinary line


@pytest.mark.parametrize(
    ("line", "category"),
    [
        ("Jenny Anderson and Matthew Goldstein contributed reporting.", "byline"),
        ("This story was published in partnership with Salon.", "byline"),
        ("This article was originally published on The Conversation.", "byline"),
        (
            "The views expressed in this column are those of the author and do not "
            "necessarily reflect those of the newspaper.",
            "legal",
        ),
        ("See also Newspapers see costs spike amid trade spat with Canada", "navigation"),
        ("FILE PHOTO: A plane of the airline is pictured after a delivery ceremony.", "caption"),
        ("Story continues", "navigation"),
        ("Your support keeps local reporting alive.", "newsletter"),
        ("Support local journalism.", "newsletter"),
        ("Become a Member", "newsletter"),
        ("Start your trial for $1.", "newsletter"),
        ("Set your location to see local weather.", "widget"),
        ("Enter your ZIP or postal code to find channel listings for your area.", "widget"),
        ("This story was emailed to your friend.", "share"),
        ("This story has been shared 28,533 times.", "share"),
        ("Printer-friendly version", "navigation"),
        ("Text size: A A A", "navigation"),
        ("Report an error", "navigation"),
        ("These are external links and will open in a new window", "navigation"),
        ("Be the first to comment", "navigation"),
        ("You've read 3 of 5 free articles this month.", "account"),
        ("This article is available to subscribers only.", "account"),
        ("Unlock unlimited access for 99 cents.", "account"),
        ("Turn off your ad blocker to continue.", "advertising"),
        ("We noticed you're using an ad blocker.", "advertising"),
        ("Like this story? Sign up for our weekly roundup.", "newsletter"),
        ("Have a tip? Send it to news@herald.com", "newsletter"),
        ("Courtesy of John Smith", "caption"),
        ("Up Next: Council approves budget", "navigation"),
        ("Show Transcript", "navigation"),
        ("Link copied!", "navigation"),
        ("Supported by", "advertising"),
        ("Mehr Nachrichten aus der Region", "navigation"),
        ("Next slide", "navigation"),
        ("Open in new window", "navigation"),
        ("Corrections & clarifications", "navigation"),
        ("Download the Herald app for the latest news", "widget"),
        ("Turn on notifications", "widget"),
        ("Produced by Jane Roe", "byline"),
        ("Want to respond? Submit a letter to the editor.", "navigation"),
        (
            "Save my name, email, and website in this browser for the next time I comment.",
            "navigation",
        ),
        ("You must be logged in to post a comment.", "navigation"),
        ("This entry was posted in News and tagged bridge, council.", "navigation"),
        ("Réagir", "navigation"),
        ("Déjà abonné ? Connectez-vous", "account"),
        ("Retour à l'accueil", "navigation"),
        ("Around the Web", "navigation"),
        ("Autoplay", "navigation"),
        ("Quotes delayed at least 15 minutes.", "legal"),
        ("Market data provided by Factset.", "legal"),
        ("Our Standards: The Thomson Reuters Trust Principles.", "legal"),
        ("Imgur", "caption"),
        ("Pixabay", "caption"),
        ("Getty Images/iStockphoto", "caption"),
        ("Wikimedia Commons", "caption"),
        ("YouTube screenshot", "caption"),
        ("Show Caption", "caption"),
        ("(Click the map for a larger version.)", "caption"),
        ("Sponsored: Is this the secret to better sleep?", "advertising"),
        ("For your eyes only (personal matter) [sponsored]", "advertising"),
        ("take our poll - story continues below", "navigation"),
        ("This video contains graphic images. Viewer discretion is advised.", "widget"),
        ("(Warning: may be disturbing to some viewers.)", "widget"),
        ("Due to restrictions, this video cannot be viewed in your region.", "widget"),
        ("JUST WATCHED The path forward Replay More Videos ... MUST WATCH", "widget"),
        ("CLOSE The mayor was named in a police report. Wochit", "widget"),
        ("See the full press conference below:", "widget"),
        ("TRENDING: Senator blasted over email", "navigation"),
        ("Full Coverage: Virus Outbreak", "navigation"),
        ("Posted by Frank Wilkenmeyer on 25 Sep 2016", "byline"),
        ("Posted on September 3, 2018 by admin", "byline"),
        ("Originally published on www.globalresearch.ca", "byline"),
        ("This piece is also featured in Axios.", "byline"),
        ("Media contact: Jane Roe, 555-1234", "byline"),
        ("Corresponding Author: James A. Bonner, MD, Department of Radiation Oncology", "byline"),
    ],
)
def test_notices_and_teasers_in_their_common_wordings_are_furniture(line, category):
    assert judge(line, builtin_rules())[0] == category


@pytest.mark.parametrize(
    "line",
    [
        "He contributed to the fund that paid for the bridge.",
        "This story was first reported by the local paper in 2010.",
        "See also the chart below, which shows the trend.",
        "The grant will support local journalism in rural counties, the foundation said.",
        "The drug's trial began in May, and results are due next year.",
        "Police said the suspect sent to a friend a photo of the car.",
        "The article was shared again by the group on Sunday.",
        "Enter the stadium through the north gate, officials advised.",
        "The font size of the ballot confused some voters.",
        "Our standards of care have not changed, the hospital said.",
        "Courtesy of the museum, the painting returned to the city in 1990.",
        "Officials said they had a tip about the car and stopped it on Friday.",
        "Voters like this plan more than the last one, a poll found.",
        "Begin trial preparations now, the judge told prosecutors.",
        "Please donate today to the relief fund, the Red Cross said in a statement.",
        "Your support is what made the difference, she told volunteers.",
        "Flight data show the departure was delayed by 45 minutes.",
        "The link was sent to thousands of voters in a phishing campaign.",
        "Also on Tuesday, the council met.",
        "Have a tip about a crime? Call Crime Stoppers at 555-1234.",
        "Enter your ZIP code and the tool shows the nearest pharmacies.",
        "Enjoyed this year's festival? Organizers want to hear from you.",
        "Our editorial standards: accuracy, fairness and independence.",
        "Many readers turn off the ad blocker when asked, a survey found.",
        "Nike Air Max®",
        "UP NEXT",
        "The company will get its app approved next month, regulators said.",
        "Residents can get alerts by text message, the county said.",
        "The film was produced by a small studio in Lagos.",
        "Produced by Sony Pictures, the film opens in theaters on Friday.",
        "Comments made at the hearing angered residents.",
        "The flight was delayed by 40 minutes because of fog, the airline said.",
        "Getty Images reported higher sales on Tuesday.",
        "A screenshot of the video shows the officer at the door.",
        "Click the map, she said, and you see the flooded streets.",
        "The trial enrolled patients with atopic dermatitis (AD)",
        "The race was sponsored: the firm paid for the prizes.",
        "CLOSE CALL FOR THE MAYOR",
        "Police said the video contains graphic images of the attack.",
        "The video cannot be played in court, the judge ruled.",
        "Watch the video below, the senator urged followers, before it was deleted.",
        "Trending topics on Twitter included the strike.",
        "What do you think about the plan, the mayor asked residents.",
        "Viewer discretion is advised, the judge told jurors before the footage was shown.",
        "The judge warned jurors that this video contains graphic images of the shooting.",
        "Police said this video cannot be viewed by the public until the trial ends.",
        "Full coverage: Covers damage to your own car from collisions, theft and hail.",
        "Trending: Searches for flights to Lisbon rose 40% after the airline cut fares.",
        "The council approved the budget after a long debate about the park and the bridge,"
        " officials said [sponsored]",
        "Posted by police on Facebook, the video shows the arrest.",
        "The study, posted by researchers on Monday, found a link.",
        "Originally published in 1851, the novel sold poorly.",
        "The article appeared in The Lancet on Monday, the researchers said.",
    ],
)
def test_reporting_that_shares_words_with_those_notices_is_content(line):
    assert judge(line, builtin_rules()) is None


def _judged_in_body(line: str) -> tuple[Verdict, list[Verdict]]:
    """The verdict on ``line`` set among the body's paragraphs, and theirs."""
    verdicts = classify_lines([*BODY[:3], line, *BODY[3:]])
    return verdicts[3], verdicts[:3] + verdicts[4:]


def test_a_caption_the_model_is_sure_of_goes_whole_though_a_rule_cuts_only_its_credit():
    caption = (
        "Traffic makes its way into Manhattan over the Williamsburg Bridge, New York City, "
        "March 28, 2019. © 2019 AP Photo/Mary Altaffer"
    )
    verdict, others = _judged_in_body(caption)
    assert verdict.probability is not None and verdict.probability >= WHOLE_LINE_SURE
    assert not verdict.keep and verdict.reason == "model"
    assert all(v.keep and not v.cuts for v in others)


def test_a_paragraph_the_model_doubts_loses_only_the_credit_a_rule_points_to():
    paragraph = (
        "Crews inspect the Harbor Street bridge in the city on Tuesday, March 5, 2019. "
        "© 2019 The Daily Herald"
    )
    verdict, _ = _judged_in_body(paragraph)
    assert verdict.keep and verdict.probability < WHOLE_LINE_SURE
    assert [(c.category, paragraph[c.start : c.end]) for c in verdict.cuts] == [
        ("legal", " © 2019 The Daily Herald")
    ]


def test_a_teaser_quoting_its_subject_goes_when_the_model_is_sure_and_reporting_stays():
    teaser = "Two Emergency Medicine Doctors On Why Quarantine “Just Doesn’t Make Sense”"
    verdicts = classify_lines([*BODY, teaser])
    assert verdicts[-1].probability >= QUOTE_DOUBT
    assert not verdicts[-1].keep and verdicts[-1].reason == "model"
    for quote in (
        "“We will rebuild the bridge stronger than before,” the mayor told reporters on Tuesday.",
        "She called the plan “a betrayal of everyone who lives on this side of the river.”",
    ):
        page = [*BODY[:3], quote, *BODY[3:]]
        assert all(v.keep and not v.cuts for v in classify_lines(page))
        # Even a model that condemns every line spares reporting that quotes someone.
        assert classify_lines(page, threshold=0.0)[3].keep


def test_a_live_story_entry_header_a_stamp_rule_matches_stays_where_the_model_reads_content():
    live = [
        *BODY[:2],
        "Updated at 10:25 p.m. -- The challenger concedes",
        "The challenger told supporters in Atlanta that he had called the winner to "
        "congratulate her, and thanked his volunteers.",
        "Updated at 9:50 p.m. -- Fulton County surprisingly quiet",
        "Turnout in Fulton County was lower than expected, and officials said the count "
        "there would finish before midnight.",
    ]
    verdicts = classify_lines(live)
    for i in (2, 4):
        assert judge(live[i], builtin_rules())[0] == "timestamp"
        assert verdicts[i].keep and verdicts[i].probability < STAMP_DOUBT
    stamped = ["Published 9:12 a.m. ET March 5, 2019", *BODY]
    assert not classify_lines(stamped)[0].keep


def test_embedded_posts_keep_their_attribution_lines_even_when_one_account_repeats():
    posts = [
        *BODY[:2],
        "Players will stand for the anthem on Sunday, the owner told me this morning.",
        "— Jane Roe (@janeroe) September 27, 2017",
        *BODY[2:4],
        "We thank the fans for their patience while the bridge is closed for repairs.",
        "— Jane Roe (@janeroe) September 27, 2017",
        *BODY[4:],
    ]
    verdicts = classify_lines(posts)
    for i in (3, 7):
        assert verdicts[i].keep and not verdicts[i].cuts
    # Even a model that condemns every line spares an embedded post's attribution.
    assert classify_lines(posts, threshold=0.0)[7].keep
    # A follow prompt naming a handle is no attribution, dated or not.
    for prompt in (
        "Follow us on Twitter (@dailyherald) for more news.",
        "— Follow us on Twitter (@dailyherald) September 27, 2017",
    ):
        assert not classify_lines([*BODY, prompt])[-1].keep, prompt


def test_a_dateline_on_its_own_line_stays_and_a_furniture_word_in_its_shape_goes():
    for dateline in ("SACRAMENTO, Calif. (KCRA) —", "YORK, PA —", "LAS VEGAS —"):
        page = [dateline, *BODY]
        assert classify_lines(page, threshold=0.0)[0].keep, dateline
    assert not classify_lines(["ADVERTISEMENT —", *BODY])[0].keep
    # A trail of section names is no dateline: the model may remove it.
    for label in ("HOME - NEWS - LOCAL -", "US - WORLD - POLITICS -"):
        assert not classify_lines([label, *BODY], threshold=0.0)[0].keep, label
