"""Pages in other scripts and languages: their paragraphs stay, their share rows and teasers go."""

from __future__ import annotations

import numpy as np
import pytest

from textclean.boilerplate import classify_lines
from textclean.boilerplate.classify import _closing_paragraph
from textclean.boilerplate.features import ends_sentence
from textclean.boilerplate.line_features import (
    ENGLISH_PROSE,
    FEATURES,
    OWN,
    assemble,
    own_features,
)
from textclean.boilerplate.line_model import builtin_model

# A short local news report in each language (written for these tests): a breadcrumb,
# three paragraphs, a share prompt and a related-stories heading.
PAGES = {
    "ar": [
        "الرئيسية > أخبار > محلية",
        "أعلنت بلدية المدينة يوم الثلاثاء أنها ستفتح ثلاثة خطوط جديدة للحافلات تربط الأحياء الشمالية بوسط المدينة في الربيع المقبل. وقال مسؤول في إدارة النقل إن الحافلات ستعمل كل عشر دقائق في ساعات الذروة.",
        "ورحب كثير من السكان الذين حضروا الاجتماع بالخطة، لكنهم طالبوا بزيادة عدد الرحلات في المساء. وتبلغ تكلفة المشروع نحو مئتي مليون، تخصص أغلبها لشراء حافلات كهربائية وبناء محطات جديدة.",
        "وتخطط البلدية أيضا لمراجعة الخطوط الحالية في النصف الثاني من العام المقبل لتقليل عدد مرات التبديل بين الحافلات.",
        "شارك هذا المقال",
        "أخبار ذات صلة",
    ],
    "hi": [
        "होम > समाचार > स्थानीय",
        "नगर निगम ने मंगलवार को घोषणा की कि अगले वसंत से उत्तरी इलाकों को शहर के केंद्र से जोड़ने वाली तीन नई बस लाइनें शुरू की जाएंगी। परिवहन विभाग के एक अधिकारी ने कहा कि व्यस्त समय में हर दस मिनट पर बस चलेगी।",
        "बैठक में आए कई निवासियों ने इस योजना का स्वागत किया, लेकिन उन्होंने शाम को और बसें चलाने की मांग भी की। इस परियोजना पर लगभग दो सौ करोड़ रुपये खर्च होंगे, जिनमें से ज़्यादातर बिजली से चलने वाली बसों पर लगेंगे।",
        "निगम अगले साल के दूसरे हिस्से में मौजूदा लाइनों की समीक्षा करने की भी योजना बना रहा है ताकि यात्रियों को कम बार बस बदलनी पड़े।",
        "इस लेख को साझा करें",
        "संबंधित खबरें",
    ],
    "el": [
        "Αρχική > Ειδήσεις > Τοπικά",
        "Ο δήμος ανακοίνωσε την Τρίτη ότι από την επόμενη άνοιξη θα λειτουργήσουν τρεις νέες γραμμές λεωφορείων που θα συνδέουν τις βόρειες συνοικίες με το κέντρο της πόλης. Σύμφωνα με αξιωματούχο της υπηρεσίας συγκοινωνιών, τα λεωφορεία θα περνούν κάθε δέκα λεπτά τις ώρες αιχμής.",
        "Πολλοί κάτοικοι που παρευρέθηκαν στη συνάντηση χαιρέτισαν το σχέδιο, ζήτησαν όμως περισσότερα δρομολόγια το βράδυ. Το κόστος του έργου φτάνει περίπου τα σαράντα εκατομμύρια ευρώ, κυρίως για ηλεκτρικά λεωφορεία και νέες στάσεις.",
        "Ο δήμος σχεδιάζει επίσης να αναθεωρήσει τις υπάρχουσες γραμμές το δεύτερο εξάμηνο του επόμενου έτους, ώστε οι επιβάτες να αλλάζουν λιγότερες φορές λεωφορείο.",
        "Μοιραστείτε το άρθρο",
        "Σχετικά άρθρα",
    ],
    "he": [
        "ראשי > חדשות > מקומי",
        "העירייה הודיעה ביום שלישי כי באביב הבא ייפתחו שלושה קווי אוטובוס חדשים שיחברו את השכונות הצפוניות למרכז העיר. לדברי גורם במחלקת התחבורה, האוטובוסים ייצאו כל עשר דקות בשעות העומס.",
        "תושבים רבים שהשתתפו בפגישה בירכו על התוכנית, אך ביקשו להוסיף נסיעות בשעות הערב. עלות הפרויקט מוערכת בכמאתיים מיליון שקלים, רובם לרכישת אוטובוסים חשמליים ולבניית תחנות חדשות.",
        "העירייה מתכננת גם לבחון מחדש את הקווים הקיימים במחצית השנייה של השנה הבאה, כדי לצמצם את מספר ההחלפות של הנוסעים.",
        "שתפו את הכתבה",
        "כתבות נוספות",
    ],
    "ko": [
        "홈 > 뉴스 > 지역",
        "시는 화요일 내년 봄부터 북부 신도시와 도심을 잇는 버스 노선 세 개를 새로 운행한다고 밝혔다. 교통국 관계자는 출퇴근 시간에는 버스가 십 분마다 다닐 것이라고 말했다.",
        "설명회에 참석한 주민들은 대부분 계획을 환영했지만 저녁 시간대 운행을 늘려 달라는 요청도 나왔다. 사업비는 약 이천억 원으로, 대부분 전기 버스 구입과 정류장 건설에 쓰인다.",
        "시는 내년 하반기에 기존 노선도 다시 검토해 승객들의 환승 횟수를 줄일 계획이다.",
        "이 기사 공유하기",
        "관련 기사",
    ],
}


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_paragraphs_stay_and_the_share_row_and_teaser_heading_go(lang):
    verdicts = classify_lines(PAGES[lang])
    assert [v.keep for v in verdicts[1:]] == [True, True, True, False, False], verdicts


@pytest.mark.parametrize("mark", ["।", "॥", "؟", "۔", "։", "።", "။", "។", "。", "！", "．"])
def test_the_full_stops_and_question_marks_of_other_scripts_end_a_sentence(mark):
    assert ends_sentence("words" + mark)
    assert ends_sentence("words" + mark + "”")


def test_an_armenian_sentence_may_end_in_a_colon_typed_for_its_full_stop():
    assert ends_sentence("Հայաստանի գիտությունների ակադեմիան հրատարակեց գիրքը:")
    assert ends_sentence("Հայաստանի գիտությունների ակադեմիան հրատարակեց գիրքը։")
    assert not ends_sentence("Read the book:")  # a colon after a Latin letter opens a list


def test_a_colon_or_a_comma_ends_no_sentence():
    assert not ends_sentence("Related stories:")
    assert not ends_sentence("并且，")


# German capitalises its nouns and writes long compounds (written for these tests).
GERMAN = [
    "Die Stadtverwaltung hat am Dienstag angekündigt, im kommenden Frühjahr drei neue "
    "Buslinien einzurichten, die die nördlichen Wohngebiete mit der Innenstadt verbinden. "
    "Nach Angaben des Verkehrsamtes sollen die Busse während der Hauptverkehrszeiten alle "
    "zehn Minuten fahren.",
    "Viele Anwohnerinnen und Anwohner, die an der Bürgerversammlung teilnahmen, begrüßten "
    "die Pläne, forderten aber zusätzliche Fahrten am Abend. Die Kosten des Projekts belaufen "
    "sich auf rund vierzig Millionen Euro, die größtenteils in Elektrobusse und neue "
    "Haltestellen fließen.",
    "Außerdem will die Verwaltung im zweiten Halbjahr des kommenden Jahres das bestehende "
    "Liniennetz überprüfen, damit Fahrgäste seltener umsteigen müssen. Eine Entscheidung des "
    "Stadtrats wird für den Herbst erwartet.",
]
ENGLISH = [
    "The council said on Tuesday that three new bus routes linking the northern suburbs "
    "with the city centre would open next spring. Buses will run every ten minutes at "
    "peak times, according to the transport office.",
    "Many residents who attended the public meeting welcomed the plan but asked for more "
    "evening services. The project will cost about forty million euros, most of it for "
    "electric buses and new stops.",
    "The council also wants to review the existing network in the second half of next year "
    "so that passengers change buses less often. A decision is expected in the autumn.",
]


def _features(lines: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Own rows and assembled rows of a page: before and after the page is rescaled."""
    own = own_features(lines, None, builtin_model().words)
    return own.rows, assemble(own)


@pytest.mark.parametrize("name", ["mean_word_length", "capitalised"])
def test_german_prose_is_read_on_english_scale(name):
    own, X = _features(GERMAN)
    english, high = ENGLISH_PROSE[name]
    assert np.median(own[:, OWN.index(name)]) > high  # long compounds, capitalised nouns
    assert np.median(X[:, FEATURES.index(name)]) == pytest.approx(english)


def test_english_prose_is_left_as_it_is():
    own, X = _features(ENGLISH)
    assert np.array_equal(X[:, : len(OWN) - 1], own[:, : len(OWN) - 1])


def test_english_prose_with_long_words_is_not_rescaled():
    # A report dense with long words is still in English: no rescaling.
    technical = [
        "The intergovernmental telecommunications regulator announced comprehensive "
        "infrastructure investments, prioritising underserved metropolitan neighbourhoods "
        "and environmentally sustainable transportation alternatives.",
        "Representatives of participating municipalities emphasised that interoperability "
        "requirements, cybersecurity certification and procurement transparency remain "
        "fundamental preconditions for disbursement.",
        "Independent administrative auditors recommended additional accountability "
        "mechanisms, including quarterly implementation assessments published electronically.",
    ]
    own, X = _features(technical)
    column = OWN.index("mean_word_length")
    assert np.median(own[:, column]) > ENGLISH_PROSE["mean_word_length"][1]
    assert np.array_equal(X[:, column], own[:, column])


def _closing(lines: list[str], p: list[float]) -> int | None:
    own = own_features(lines, None, builtin_model().words)
    return _closing_paragraph(own, [None] * len(lines), p, 0.425)


def test_the_closing_paragraph_of_a_page_in_another_language_is_found():
    assert _closing(GERMAN, [0.1, 0.1, 0.6]) == 2


def test_no_closing_paragraph_on_an_english_page_a_short_last_line_or_a_doubted_one_before():
    assert _closing(ENGLISH, [0.1, 0.1, 0.6]) is None  # the word weights read English
    assert _closing([*GERMAN, "Mehr zum Thema"], [0.1, 0.1, 0.1, 0.6]) is None
    assert _closing(GERMAN, [0.1, 0.6, 0.6]) is None  # the paragraph before is doubted too
