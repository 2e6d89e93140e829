"""Page chrome from boilerplate.txt is dropped; article sentences that merely mention the same words stay."""

from kg.ingest.article import extract_article, parse_dateline
from kg.ingest.lexicon import rule_key, rules

PAGE = """\
الرئيسية
تسجيل الدخول
بغداد 45°C  البصرة 48°C  أربيل 39°C
نستخدم ملفات تعريف الارتباط (الكوكيز) لتحسين تجربتك على موقعنا. بمواصلة التصفح فإنك توافق على ذلك.
موافق
البرلمان العراقي يقر قانون الموازنة بعد جلسة طويلة
نشر في: ١٢/٣/٢٠٢٣ - ١٠:٤٥ م
شارك على فيسبوك | تويتر | واتساب
بغداد - السومرية نيوز
أقر مجلس النواب العراقي، مساء الأحد، قانون الموازنة الاتحادية لثلاث سنوات بعد جلسة استمرت حتى ساعة متأخرة.
اقرأ أيضا
وزير المالية يعلن موعد صرف الرواتب
وقال رئيس اللجنة المالية إن الموازنة تتضمن زيادة في التخصيصات الاستثمارية للمحافظات.
وسجلت درجات الحرارة في بغداد اليوم 50°C بحسب هيئة الأنواء الجوية، ما دفع الحكومة إلى تقليص الدوام الرسمي.
وكانت شركات الإعلان قد حذرت من أن حظر ملفات تعريف الارتباط في المتصفحات سيغير سوق الإعلان الرقمي.
#العراق #الموازنة
تابعونا على تلغرام
جميع الحقوق محفوظة © 2023 السومرية نيوز
التعليقات
أضف تعليق
مقال آخر لا صلة له بالموضوع عن نتائج الدوري العراقي لكرة القدم هذا الأسبوع.
"""


def test_synthetic_page_keeps_only_the_article():
    article = extract_article(PAGE)
    assert article.title == "البرلمان العراقي يقر قانون الموازنة بعد جلسة طويلة"
    assert str(article.date) == "2023-03-12"
    assert article.source == "السومرية نيوز"
    assert [p.split()[0] for p in article.paragraphs] == ["أقر", "وقال", "وسجلت", "وكانت"]


def test_boilerplate_rules_load_once_and_match_whole_lines():
    assert rules() is rules()
    assert rules().line.fullmatch(rule_key("جميع الحقوق محفوظة © 2023"))
    long_sentence = ("قال الوزير إن جميع الحقوق محفوظة للمواطنين في الدستور الجديد الذي أقره البرلمان "
                     "بعد نقاش استمر أشهرا طويلة بين الكتل السياسية المختلفة وممثلي المحافظات والأقاليم "
                     "والمنظمات المدنية التي طالبت بضمانات مكتوبة لحقوق الأقليات وحرية التعبير.")
    assert not rules().line.fullmatch(rule_key(long_sentence))
    assert rules().footer.fullmatch(rule_key("التعليقات (3)"))
    assert rules().label.fullmatch(rule_key("رئيس التحرير"))


def test_datelines_name_the_outlet_not_the_place():
    assert parse_dateline("بغداد – ضد الارهاب") == "ضد الارهاب"
    assert parse_dateline("زاكروس عربية – أربيل") == "زاكروس عربية"
    assert parse_dateline("وكالات – كتابات :") == "كتابات"
    assert parse_dateline("بغداد/ واع") == "واع"
    assert parse_dateline("متابعة - بغداد") == ""
    assert parse_dateline("قال الوزير إن المباحثات مستمرة - وإن الجولة المقبلة في واشنطن") is None


def test_tags_after_the_last_sentence_are_cut_and_the_word_elsewhere_kept():
    """Some sites append the article's tags to its last paragraph ("... هيجان. سمات ابها تعليم ..."):
    NER would read the list as one long name. A title or sentence that begins with سمات stays."""
    page = ("سمات القائد الناجح في الإدارة الحديثة\n\n"
            "قال الباحث إن سمات القائد تتغير مع الزمن. والتقى مدير التعليم بالمنطقة الدكتور سعد العلي "
            "في مكتبه أمس. سمات ابها تعليم سعد العلي عسير مصابين\n")
    article = extract_article(page)
    assert article.title == "سمات القائد الناجح في الإدارة الحديثة"
    assert article.paragraphs[-1].endswith("في مكتبه أمس.")
    assert "سمات القائد تتغير" in article.paragraphs[-1]


def test_a_link_line_after_the_last_sentence_is_cut():
    """الوئام appends "رابط الخبر بصحيفة الوئام: <the title>" to its last paragraph: the title read twice,
    and "الخبر" (the news) read as a name. A sentence that mentions the link keeps it."""
    page = ("النادي يبدأ استعداداته للموسم\n\n"
            "قال المدرب إن رابط الخبر بين الفريقين قوي. وقدم رئيس النادي دعما ماليا للفريق الأول. "
            "رابط الخبر بصحيفة الوئام: النادي يبدأ استعداداته للموسم\n")
    article = extract_article(page)
    assert article.paragraphs[-1].endswith("دعما ماليا للفريق الأول.")
    assert "رابط الخبر بين الفريقين" in article.paragraphs[-1]


def test_a_paragraph_naming_an_outlet_twice_is_text_not_a_menu():
    """الشرق الأوسط is a newspaper and a region: a paragraph that says it twice is no site menu."""
    from kg.ingest.lexicon import is_site_menu

    paragraph = ("وقال الوزير إن الأزمة في الشرق الأوسط تتفاقم، وإن على الدول أن تعمل معا لإعادة الاستقرار "
                 "إلى الشرق الأوسط قبل فوات الأوان.")
    assert not is_site_menu(paragraph)
    assert is_site_menu("قناة صدى البلد البلد سبورت صدى البلد")
    article = extract_article("حوار مع الوزير\n\n" + paragraph + "\n")
    assert any("تتفاقم" in p for p in article.paragraphs)
