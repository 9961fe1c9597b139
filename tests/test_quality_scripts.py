"""The quality filter on prose in other scripts and languages: a news report is not flagged."""

from __future__ import annotations

import pytest
from test_boilerplate_scripts import PAGES

from textclean.filters.page_quality import quality
from textclean.filters.page_signals import line_scores


def _report(lang: str) -> str:
    """The three paragraphs of the test report, without its furniture."""
    return "\n".join(PAGES[lang][1:4])


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_a_news_report_reads_as_prose(lang):
    assert line_scores(_report(lang)).prose_share > 0.9


@pytest.mark.parametrize("lang", ["ar", "el", "he", "hi", "ko"])
def test_a_news_report_is_not_flagged(lang):
    found = quality(_report(lang), lang)
    assert not found.flagged, found.rules


# The same report in languages with few free function words (written for these tests).
MORE = {
    "fi": [
        "Kaupunki ilmoitti tiistaina, että se avaa ensi keväänä kolme uutta bussilinjaa, jotka yhdistävät pohjoiset asuinalueet keskustaan. Liikennetoimiston mukaan bussit kulkevat ruuhka-aikoina kymmenen minuutin välein.",
        "Monet asukkaat, jotka olivat mukana kokouksessa, pitivät suunnitelmaa hyvänä, mutta he toivoivat myös lisää vuoroja iltaisin. Hankkeen hinta on noin neljäkymmentä miljoonaa euroa, ja se käytetään sähköbusseihin ja uusiin pysäkkeihin.",
        "Kaupunki aikoo myös tarkistaa nykyiset linjat ensi vuoden jälkipuoliskolla, jotta matkustajien ei tarvitse vaihtaa bussia niin usein. Päätös tehdään syksyllä.",
    ],
    "tr": [
        "Belediye salı günü yaptığı açıklamada, gelecek bahar kuzeydeki mahalleleri şehir merkezine bağlayacak üç yeni otobüs hattı açacağını duyurdu. Ulaşım müdürlüğüne göre otobüsler yoğun saatlerde her on dakikada bir kalkacak.",
        "Toplantıya katılan birçok mahalle sakini planı olumlu karşıladı, ancak akşam saatlerinde daha fazla sefer yapılmasını da istedi. Projenin maliyeti yaklaşık kırk milyon avro olacak ve bu paranın büyük kısmı elektrikli otobüsler ile yeni duraklar için harcanacak.",
        "Belediye ayrıca gelecek yılın ikinci yarısında mevcut hatları da gözden geçirecek, böylece yolcular daha az aktarma yapacak. Kararın sonbaharda verilmesi bekleniyor.",
    ],
    "vi": [
        "Chính quyền thành phố hôm thứ Ba cho biết sẽ mở ba tuyến xe buýt mới nối các khu dân cư phía bắc với trung tâm vào mùa xuân tới. Theo sở giao thông, xe buýt sẽ chạy mười phút một chuyến vào giờ cao điểm.",
        "Nhiều người dân tham dự cuộc họp đã hoan nghênh kế hoạch này, nhưng họ cũng mong có thêm chuyến vào buổi tối. Dự án có chi phí khoảng bốn mươi triệu euro, phần lớn dùng để mua xe buýt điện và xây dựng các trạm dừng mới.",
        "Thành phố cũng dự định xem xét lại các tuyến hiện có trong nửa cuối năm sau để hành khách không phải đổi xe nhiều lần. Quyết định sẽ được đưa ra vào mùa thu.",
    ],
}


@pytest.mark.parametrize("lang", sorted(MORE))
def test_a_report_in_a_language_with_few_function_words_is_not_flagged(lang):
    found = quality("\n".join(MORE[lang]), lang)
    assert not found.flagged, (found.rules, found.scores.get("stop_word_ratio"))


THAI = [
    "หน้าแรก > ข่าว > ท้องถิ่น",
    "เทศบาลเมืองประกาศเมื่อวันอังคารว่าจะเปิดเส้นทางรถเมล์ใหม่สามสายเชื่อมย่านทางเหนือกับใจกลางเมืองในฤดูใบไม้ผลิหน้า เจ้าหน้าที่กรมการขนส่งกล่าวว่ารถเมล์จะออกทุกสิบนาทีในชั่วโมงเร่งด่วน",
    "ชาวบ้านจำนวนมากที่เข้าร่วมการประชุมต่างยินดีกับแผนนี้ แต่ก็ขอให้เพิ่มเที่ยวรถในช่วงเย็น โครงการนี้มีค่าใช้จ่ายราวสองร้อยล้านบาท ส่วนใหญ่ใช้ซื้อรถเมล์ไฟฟ้าและสร้างป้ายรถเมล์ใหม่",
    "เทศบาลยังวางแผนจะทบทวนเส้นทางเดิมในช่วงครึ่งหลังของปีหน้า เพื่อลดจำนวนครั้งที่ผู้โดยสารต้องเปลี่ยนรถ",
    "แชร์บทความนี้",
    "ข่าวที่เกี่ยวข้อง",
]


def test_thai_prose_reads_as_prose_though_its_sentences_end_without_a_mark():
    text = "\n".join(THAI[1:4])
    assert line_scores(text).prose_share > 0.9
    assert not quality(text, "th").flagged
