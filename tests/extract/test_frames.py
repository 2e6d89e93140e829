"""Meetings, calls, requests and attendance through the real bundled pipeline, on invented sentences
(none is copied from a benchmark article). Each frame of kg/resources/frames.tsv and each reference
rule of kg/extract/data/references.tsv has a sentence here."""

from __future__ import annotations

import pytest

from kg.extract import references, surface


def _of(records, type_):
    return [r for r in records if r["type"] == type_]


def _pairs(records, type_):
    return {frozenset((r["subject"], r["object"])) for r in _of(records, type_)}


RECEPTION = ("استقبل الرئيس المصري عبد الفتاح السيسي في القاهرة اليوم وزير الخارجية الأردني ناصر جودة. "
             "وحضر الاستقبال وزير الخارجية سامح شكري ورئيس المخابرات خالد فوزي ووزير الدفاع صدقي صبحي "
             "ووزير المالية هاني قدري ووزير الداخلية مجدي عبد الغفار ورئيس الوزراء إبراهيم محلب.")
ATTENDEES = {"سامح شكري", "خالد فوزي", "صدقي صبحي", "هاني قدري", "مجدي عبد الغفار", "إبراهيم محلب"}


def test_frames_data_loads():
    ids = {f.id for f in surface.all_frames()}
    assert {"reception", "meet_with", "talks_with", "talks_held", "call_received", "call_made",
            "request_from", "demand", "call_on", "appeal", "attend"} <= ids
    for f in surface.all_frames():
        assert f.relation in ("met", "contacted", "requested", "attended") and f.triggers and f.patterns
        assert f.rule == f"{f.relation}:frame:{f.id}"
    kinds = {r.kind for r in references.references()}
    assert kinds == {"title", "pronoun"}


def test_reception_with_six_attendees_is_one_meeting_and_six_attendees(extract):
    _, rels = extract(RECEPTION)
    assert _pairs(rels, "met") == {frozenset(("عبد الفتاح السيسي", "ناصر جودة"))}
    attended = _of(rels, "attended")
    assert {r["subject"] for r in attended} == ATTENDEES and len(attended) == 6
    assert {r["object"] for r in attended} == {"عبد الفتاح السيسي"}
    assert all(r["modality"] == "occurred" and r["rule"] == "attended:frame:attend" for r in attended)


def test_attendee_in_the_meeting_sentence(extract):
    _, rels = extract("استقبل أمير قطر الشيخ تميم بن حمد آل ثاني وزير الخارجية الأمريكي جون كيري "
                      "بحضور وزير الخارجية خالد العطية.")
    assert _pairs(rels, "met") == {frozenset(("تميم بن حمد آل ثاني", "جون كيري"))}
    assert [(r["subject"], r["object"]) for r in _of(rels, "attended")] == [
        ("خالد العطية", "تميم بن حمد آل ثاني")]


def test_those_who_stayed_away_are_attendees_denied(extract):
    """وحضر اللقاء X وY، بينما تغيب عن الحضور: Z وW: Z and W are attendees with modality denied."""
    _, rels = extract("والتقى وفد من الأدباء أمس رئيس الوزراء الأردني عبد الله النسور في عمان. وحضر اللقاء "
                      "الكاتب هاشم غرايبة، والشاعر حيدر محمود، بينما تغيب عن الحضور لظروف خاصة: الروائي "
                      "جمال ناجي، والناقد فخري صالح.")
    attended = {r["subject"]: (r["object"], r["modality"]) for r in _of(rels, "attended")}
    assert attended == {"هاشم غرايبة": ("عبد الله النسور", "occurred"),
                        "حيدر محمود": ("عبد الله النسور", "occurred"),
                        "جمال ناجي": ("عبد الله النسور", "denied"),
                        "فخري صالح": ("عبد الله النسور", "denied")}


@pytest.mark.parametrize("text, pair", [
    # the tree gives no argument here: the frame meet_with reads the order of the names
    ("اجتمع رئيس الوزراء العراقي حيدر العبادي بالمبعوث الأممي يان كوبيتش في بغداد.",
     ("حيدر العبادي", "يان كوبيتش")),
    ("اجتمع وزير الداخلية الأردني سلامة حماد بنظيره العراقي محمد الغبان في عمان.",
     ("سلامة حماد", "محمد الغبان")),
    ("التقى الرئيس اليمني عبد ربه منصور هادي أمس في الرياض المبعوث الأممي إسماعيل ولد الشيخ أحمد.",
     ("عبد ربه منصور هادي", "إسماعيل ولد الشيخ أحمد")),
    ("بحث وزير الخارجية المصري سامح شكري مع المبعوث الأممي ستيفان دي ميستورا الأزمة السورية.",
     ("سامح شكري", "ستيفان دي ميستورا")),
    ("عقد الرئيس الفرنسي فرانسوا هولاند والمستشارة الألمانية أنجيلا ميركل محادثات في برلين.",
     ("فرانسوا هولاند", "أنجيلا ميركل")),
    ("استقبل الرئيس التونسي الباجي قائد السبسي وزير الخارجية الإيطالي باولو جنتيلوني.",
     ("الباجي قائد السبسي", "باولو جنتيلوني")),
    # a time phrase between the verb's object and the subject
    ("كما التقى وزير الخارجية البريطاني فيليب هاموند في نفس اليوم رئيس الوزراء العراقي حيدر العبادي.",
     ("فيليب هاموند", "حيدر العبادي")),
    # a delegation meets through its head
    ("وقال البيان إن وفدا من حركة فتح برئاسة عزام الأحمد، التقى رئيس المكتب السياسي لحركة حماس إسماعيل "
     "هنية في الدوحة.", ("عزام الأحمد", "إسماعيل هنية")),
    # the one who says he met someone is the one who met him
    ("أوضح وزير التجارة توفيق الربيعة في تغريدة على موقع «تويتر»، أنه التقى بوزير المالية إبراهيم العساف.",
     ("توفيق الربيعة", "إبراهيم العساف")),
    # "their (two) meeting": the subject of the verb before and its other party, or two subjects
    ("وكان وزير الخارجية السوداني إبراهيم غندور قد تحدث مع الرئيس الأميركي باراك أوباما خلال لقائهما في "
     "أديس أبابا.", ("إبراهيم غندور", "باراك أوباما")),
    ("وأكد الرئيس المصري عبد الفتاح السيسي والملك سلمان بن عبدالعزيز خلال اجتماعهما على تعزيز العلاقات.",
     ("عبد الفتاح السيسي", "سلمان بن عبدالعزيز")),
    # بين X من جهة، وY من جهة أخرى, of a meeting that "is held" (يعقد)
    ("وجرى أمس اجتماع مشترك بين لجنة الأمن القومي في البرلمان الإيراني من جهة، ووزير الخارجية محمد "
     "جواد ظريف من جهة أخرى.", ("لجنة الأمن القومي", "محمد جواد ظريف")),
    ("وقال المتحدث إن اجتماعا يعقد اليوم بين الحكومة اليمنية من جهة والحوثيين من جهة أخرى.",
     ("الحكومة اليمنية", "الحوثيون")),
    # a title the tokenizer left with its ب (برئيس), naming a place (إقليم كردستان)
    ("التقى وزير الدفاع الأمريكي آشتون كارتر برئيس إقليم كردستان مسعود بارزاني في أربيل.",
     ("آشتون كارتر", "مسعود بارزاني")),
    ("وأتت هذه التصريحات بعد لقاء جمع وزير الدفاع الأمريكي آشتون كارتر برئيس إقليم كردستان مسعود بارزاني.",
     ("آشتون كارتر", "مسعود بارزاني")),
])
def test_meetings(extract, text, pair):
    _, rels = extract(text)
    met = _of(rels, "met")
    assert _pairs(rels, "met") == {frozenset(pair)}
    assert all(r["modality"] == "occurred" and not r["negated"] for r in met)


def test_meeting_read_from_word_order_names_its_frame(extract):
    _, rels = extract("اجتمع رئيس الوزراء العراقي حيدر العبادي بالمبعوث الأممي يان كوبيتش في بغداد.")
    assert [r["rule"] for r in _of(rels, "met")] == ["met:frame:meet_with"]


def test_negated_meeting_stays_negated(extract):
    _, rels = extract("لم يجتمع الرئيس السوداني عمر البشير بالرئيس الجنوب سوداني سلفاكير ميارديت.")
    met = _of(rels, "met")
    assert met and all(r["negated"] for r in met)


@pytest.mark.parametrize("text, pair", [
    ("تلقى الرئيس اللبناني ميشال سليمان اتصالا هاتفيا من رئيس الوزراء الإيطالي ماتيو رينزي.",
     ("ميشال سليمان", "ماتيو رينزي")),
    ("أجرى الرئيس الروسي فلاديمير بوتين اتصالا هاتفيا مع الرئيس الأمريكي باراك أوباما.",
     ("فلاديمير بوتين", "باراك أوباما")),
    # a speaker in a phone interview with a newspaper
    ("وأكد المحلل السياسي خالد الدخيل، في اتصال هاتفي مع \"الوطن\"، أن المفاوضات ستستمر.",
     ("خالد الدخيل", "الوطن")),
    # بين after قد is a verb (بيّن: explained), not "between"
    ("وقد بين مدير المستشفى الدكتور سامي العتيبي في اتصال هاتفي مع «عكاظ» أن المصابين بخير.",
     ("سامي العتيبي", "عكاظ")),
    # a call told as the circumstance of its clause: the clause's subject and those joined to it
    ("وقال البيت الأبيض إن الرئيس الأمريكي باراك أوباما ونظيره الروسي فلاديمير بوتين اتفقا أثناء اتصال "
     "هاتفي على مواصلة المحادثات.", ("باراك أوباما", "فلاديمير بوتين")),
    # the caller named after the verb that holds the call (اتصال هاتفي أجراه X مع Y)
    ("جاء ذلك خلال اتصال هاتفي أجراه الرئيس الإيراني حسن روحاني مع نظيره الفرنسي فرانسوا هولاند.",
     ("حسن روحاني", "فرانسوا هولاند")),
])
def test_calls(extract, text, pair):
    _, rels = extract(text)
    assert _pairs(rels, "contacted") == {frozenset(pair)} and not _of(rels, "met")


@pytest.mark.parametrize("text, requester, addressee, theme", [
    ("طلب وزير المالية اليوناني يانيس فاروفاكيس من صندوق النقد الدولي تأجيل سداد الديون.",
     "يانيس فاروفاكيس", "صندوق النقد الدولي", "تأجيل سداد الديون"),
    ("طالب رئيس البرلمان العربي أحمد الجروان الأمم المتحدة بحماية المدنيين.",
     "أحمد الجروان", "الأمم المتحدة", "حماية المدنيين"),
    ("دعا الرئيس الفلسطيني محمود عباس المجتمع الدولي إلى التدخل العاجل.", "محمود عباس", None, "التدخل"),
    ("ناشد رئيس الهلال الأحمر فيصل الشمري المنظمات الدولية تقديم المساعدات.", "فيصل الشمري", None,
     "المنظمات"),
    # a long title before the requester, a comma before the addressee
    ("طالب رئيس لجنة المقاولين بغرفة الرياض فهد الحمادي، وزارة المالية بصرف مستحقات المقاولين.",
     "فهد الحمادي", "وزارة المالية", "صرف مستحقات المقاولين"),
    # دعا X Y إلى: the object before إلى is the addressee, not a ل phrase later in the theme
    ("ودعا رئيس الوزراء الإيطالي ماتيو رينزي ألمانيا إلى دور أكبر في دعم اقتصاد اليونان.",
     "ماتيو رينزي", "ألمانيا", "دور أكبر"),
    # مطالبة after a comma is the participle of the main clause's subject
    ("وفي سياق متصل، رحبت منظمة التعاون الإسلامي بالاتفاق، مطالبة الحكومة السورية بالإفراج عن المعتقلين.",
     "منظمة التعاون الإسلامي", "الحكومة السورية", "الإفراج عن المعتقلين"),
    # a request answered (استجابة لطلب X): X asked the one who answered it
    ("وأعلن التحالف العربي بقيادة المملكة هدنة إنسانية لمدة خمسة أيام استجابة لطلب الرئيس اليمني عبد ربه "
     "منصور هادي.", "عبد ربه منصور هادي", "التحالف العربي", ""),
    # a first-person request inside what a speaker says is the speaker's
    ("وقال وزير الخارجية الأردني ناصر جودة للصحفيين: نحن نرحب بالاتفاق ونطالب الحكومة السورية بالالتزام به.",
     "ناصر جودة", "الحكومة السورية", "الالتزام"),
    # what follows إلى أن is what is asked, not the one asked
    ("وأضاف الرئيس الصيني شي جين بينغ «ندعو باستمرار إلى أن على الهند وباكستان حل خلافاتهما بالحوار».",
     "شي جين بينغ", None, "على الهند وباكستان"),
    # an adverb between the requester and the one asked
    ("ودعا وزير الداخلية العراقي محمد الغبان أيضا الحكومة الكردية إلى وقف التصعيد.",
     "محمد الغبان", "الحكومة الكردية", "وقف التصعيد"),
    ("وطالب رئيس البرلمان العربي أحمد الجروان بالذات مجلس الأمن بحماية المدنيين.",
     "أحمد الجروان", "مجلس الأمن", "حماية المدنيين"),
    # a من phrase inside what is asked (بسحب القوات من سوريا) names no one asked
    ("وطالب رئيس البرلمان العربي أحمد الجروان بسحب القوات من سوريا.", "أحمد الجروان", None,
     "سحب القوات من سوريا"),
    # a blessing on the one who asks (رحمه الله) is no prayer and no part of what he asked
    ("ودعا الملك فهد بن عبدالعزيز رحمه الله إلى مؤتمر للمصالحة في مكة المكرمة.", "فهد بن عبدالعزيز", None,
     "مؤتمر للمصالحة"),
    # ... also where the request opens its sentence: the one the sentence before was about asks
    ("وقاد الملك فهد بن عبدالعزيز جهود الوساطة بين البلدين. ودعا رحمه الله إلى اجتماع بين الجانبين في جدة.",
     "فهد بن عبدالعزيز", None, "اجتماع بين الجانبين"),
    # after "، و" in a sentence a speech verb with no subject opens: the speaker quoted before asks
    ("وقال وزير الخارجية الأمريكي جون كيري إن المحادثات كانت مثمرة. وفي الشأن السوري، قال إن بلاده تعمل مع "
     "الحلفاء لإيجاد حل سياسي، ودعا جميع الأطراف إلى وقف القتال.", "جون كيري", None, "وقف القتال"),
    # the verb between has no subject of its own: the request shares the subject of the one before it
    ("فقد اجتمع وزير الصحة توفيق الربيعة بمديري المستشفيات في المنطقة الشرقية والمنطقة الوسطى ومنطقة "
     "القصيم، وناقش معهم خطط التطوير في المرحلة المقبلة، وحث الجميع على رفع مستوى الخدمات.",
     "توفيق الربيعة", None, "رفع مستوى الخدمات"),
    # the antecedent of والذي is the subject a request verb joined to its verb shares
    ("وقدم المواطنون شكواهم إلى وزير الصحة خالد الفالح، والذي استقبلهم في مكتبه، مؤكدا لهم دعمه وطالبهم "
     "بتقديم خطاب رسمي.", "خالد الفالح", None, "تقديم خطاب رسمي"),
    # ب« (the preposition left on the quotation mark) opens a phrase inside what is asked
    ("وفي العام الماضي دعا الاتحاد الأوروبي إلى محاكمة ب«اسم ليبيا» في المحاكم الليبية.",
     "الاتحاد الأوروبي", None, "محاكمة"),
    # أدعو, lemmatized as ادعى (claimed, a false trigger): a listed form of دعا is a request
    ("وقال رئيس الوزراء العراقي حيدر العبادي للصحفيين: أدعو البرلمان العراقي إلى الإسراع في إقرار القوانين.",
     "حيدر العبادي", "البرلمان العراقي", "الإسراع"),
    # an invitation: the one who extended it asked the one invited to come
    ("وجه الرئيس الأمريكي باراك أوباما الدعوة إلى العاهل الأردني الملك عبد الله الثاني لزيارة واشنطن.",
     "باراك أوباما", "عبد الله الثاني", "زيارة واشنطن"),
    ("وقدم رئيس الوزراء الياباني شينزو آبي الدعوة إلى الرئيس الإندونيسي جوكو ويدودو لزيارة طوكيو.",
     "شينزو آبي", "جوكو ويدودو", "زيارة طوكيو"),
    ("ونقل السفير الصيني رسالة تتضمن دعوة من الرئيس الصيني شي جين بينغ إلى الرئيس السوداني عمر البشير "
     "لزيارة بكين.", "شي جين بينغ", "عمر البشير", "زيارة بكين"),
])
def test_requests(extract, text, requester, addressee, theme):
    _, rels = extract(text)
    req = _of(rels, "requested")
    assert [(r["subject"], r["object"]) for r in req] == [(requester, addressee)]
    assert theme in (req[0]["theme"] or "")


@pytest.mark.parametrize("frame, text, subject, object_", [
    ("reception", "استقبل الرئيس التونسي الباجي قائد السبسي في قصر قرطاج أمس وزير الخارجية الإيطالي باولو "
                  "جنتيلوني.", "الباجي قائد السبسي", "باولو جنتيلوني"),
    ("meet_with", "اجتمع رئيس الوزراء العراقي حيدر العبادي بالمبعوث الأممي يان كوبيتش في بغداد.",
     "حيدر العبادي", "يان كوبيتش"),
    ("talks_with", "بحث وزير الخارجية المصري سامح شكري مع المبعوث الأممي ستيفان دي ميستورا الأزمة السورية.",
     "سامح شكري", "ستيفان دي ميستورا"),
    ("talks_held", "عقد الرئيس الفرنسي فرانسوا هولاند والمستشارة الألمانية أنجيلا ميركل محادثات في برلين.",
     "فرانسوا هولاند", "أنجيلا ميركل"),
    ("call_received", "تلقى الرئيس اللبناني ميشال سليمان اتصالا هاتفيا من رئيس الوزراء الإيطالي ماتيو رينزي.",
     "ماتيو رينزي", "ميشال سليمان"),
    ("call_made", "أجرى الرئيس الروسي فلاديمير بوتين اتصالا هاتفيا مع الرئيس الأمريكي باراك أوباما.",
     "فلاديمير بوتين", "باراك أوباما"),
    ("call_talks", "بحث رئيس الوزراء الإيطالي ماتيو رينزي ونظيره اليوناني أليكسيس تسيبراس خلال اتصال هاتفي "
                   "أزمة الديون.", "ماتيو رينزي", "أليكسيس تسيبراس"),
    ("request_from", "طلب وزير المالية اليوناني يانيس فاروفاكيس من صندوق النقد الدولي تأجيل سداد الديون.",
     "يانيس فاروفاكيس", "صندوق النقد الدولي"),
    ("demand", "طالب رئيس البرلمان العربي أحمد الجروان الأمم المتحدة بحماية المدنيين.", "أحمد الجروان",
     "الأمم المتحدة"),
    ("appeal", "ناشد رئيس الهلال الأحمر فيصل الشمري المنظمات الدولية تقديم المساعدات.", "فيصل الشمري", None),
])
def test_each_frame_reads_its_sentence(parse, frame, text, subject, object_):
    """The frame itself, whatever the tree rules would have found first: the slots it reads."""
    from kg.extract import frames
    from kg.extract.document import sentences_of
    from kg.extract.mentions import find_mentions

    parsed = parse(text)
    sent = sentences_of(parsed)[0]
    ms = frames.parties(find_mentions("t", sent))
    wanted = next(f for f in surface.all_frames() if f.id == frame)
    readings = [r for t in range(len(sent.words)) if surface.fires(sent, t, wanted)
                and (r := surface.read(sent, ms, t, wanted.relation, ("PER", "ORG"))) is not None]
    assert readings, f"{frame} did not fire"
    read = readings[0]
    assert read.frame.id == frame
    assert read.subjects[0].text == subject
    assert [m.text for m in read.objects][:1] == ([object_] if object_ else [])


def test_false_triggers_stay_silent(extract):
    _, rels = extract("وقال المحلل خالد الدخيل إن الموظفين مطالبون بالحضور وإن المشروع تتطلب تمويلا كبيرا.")
    assert not _of(rels, "requested")


def test_a_request_to_those_just_received_is_addressed_to_them(extract):
    """استقبل X Y وZ ... وطلب منهما: X asked the two he received (منهما, left whole, is no subject)."""
    _, rels = extract("وقال المصدر إن رجل الأعمال سالم الكعبي، استقبل الشابين خالد العمري، وسامي الخطيب، "
                      "خلال وجودهما في دبي، وطلب منهما العمل في شركته.")
    req = _of(rels, "requested")
    assert {(r["subject"], r["object"]) for r in req} == {("سالم الكعبي", "خالد العمري"),
                                                          ("سالم الكعبي", "سامي الخطيب")}
    assert all(r["theme"] == "العمل في شركته" for r in req)


def test_a_body_before_the_title_is_the_subject_not_the_name_after_it(extract):
    """يدعو المجلس رئيس الوزراء X: the council invites; X, after his title, is the one invited."""
    _, rels = extract("وتوقع المراقبون أن يدعو المجلس رئيس الوزراء الإسرائيلي بنيامين نتنياهو لمخاطبته.")
    assert all(r["subject"] != "بنيامين نتنياهو" for r in _of(rels, "requested"))


# -- references within an article --------------------------------------------------------------------

def test_custodian_title_stands_for_the_king_named_before(extract):
    _, rels = extract("استقبل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز آل سعود في الرياض أمس رئيس "
                      "الوزراء الباكستاني نواز شريف. وأكد خادم الحرمين الشريفين أن المملكة تقف مع باكستان.")
    assert _pairs(rels, "met") == {frozenset(("سلمان بن عبدالعزيز آل سعود", "نواز شريف"))}
    assert [r["subject"] for r in _of(rels, "said")] == ["سلمان بن عبدالعزيز آل سعود"]


def test_bare_minister_title_stands_for_the_minister_named_before(extract):
    _, rels = extract("استقبل الرئيس التونسي الباجي قائد السبسي وزير الخارجية الإيطالي باولو جنتيلوني. "
                      "وقال الوزير إن بلاده تدعم تونس في حربها على الإرهاب.")
    assert [r["subject"] for r in _of(rels, "said")] == ["باولو جنتيلوني"]


def test_an_indefinite_title_stands_for_no_one(extract):
    """لانتخاب رئيس جديد: a president to be elected, not the president the article named."""
    _, rels = extract("ويتقدم الحضور رئيس الدولة المضيفة فلاديمير بوتين. وقدم جوزيف بلاتر استقالته من رئاسة "
                      "الفيفا، ودعا إلى جمعية عمومية غير عادية لانتخاب رئيس جديد.")
    assert [(r["subject"], r["object"]) for r in _of(rels, "requested")] == [("جوزيف بلاتر", None)]


def test_a_title_with_its_genitive_made_definite_stands_for_its_holder(extract):
    """رئيس الإقليم after رئيس إقليم كردستان X, أمير المنطقة after أمير منطقة تبوك X; not نائب الرئيس
    after نائب رئيس الوزراء (a title of its own: the vice-president)."""
    _, rels = extract("استقبل رئيس الوزراء العراقي حيدر العبادي في بغداد أمس رئيس إقليم كردستان مسعود "
                      "بارزاني. وبحث العبادي مع رئيس الإقليم ملف النفط.")
    assert _pairs(rels, "met") == {frozenset(("حيدر العبادي", "مسعود بارزاني"))}
    assert len(_of(rels, "met")) == 2, rels
    _, rels = extract("استقبل أمير منطقة تبوك الأمير فهد بن سلطان في مكتبه أمس مدير الجامعة خالد العمر. "
                      "وأكد أمير المنطقة خلال اللقاء دعمه للجامعة.")
    assert [r["subject"] for r in _of(rels, "said")] == ["فهد بن سلطان"]
    assert references.short_forms(["رئيس", "اقليم", "كردستان"]) == {"رئيس الاقليم"}
    assert references.short_forms(["نائب", "رئيس", "الوزراء"]) == set()


def test_the_official_with_an_adjective_stands_for_the_one_person_of_that_title(extract):
    """المسؤول الأوروبي after a European title, المسؤول الأممي after a title of the United Nations."""
    _, rels = extract("أعلن كارل شتاينر المبعوث الخاص للاتحاد الأوروبي أن الاتحاد سيدعم الحوار. والتقى "
                      "المسؤول الأوروبي أمس في الجزائر وزير الخارجية الليبي محمد الدايري.")
    assert _pairs(rels, "met") == {frozenset(("كارل شتاينر", "محمد الدايري"))}, rels
    _, rels = extract("ووصل المبعوث الخاص للأمم المتحدة بيتر هولم إلى تعز أمس. والتقى المسؤول الأممي وزير "
                      "الصحة اليمني ناصر باعوم.")
    assert _pairs(rels, "met") == {frozenset(("بيتر هولم", "ناصر باعوم"))}, rels


def test_a_dual_pronoun_after_the_complementizer_is_the_pair_met_before(extract):
    """قال X إنهما بحثا: the two of the meeting told before; إنهما is no name after a title."""
    entities, rels = extract("وقال الرئيس الكيني أوهورو كينياتا إنه تناول مع الرئيس الأوغندي يوري موسيفيني "
                             "قضايا الحدود. وقال مساعد الرئيس إنهما بحثا دعم مسيرة السلام.")
    assert [r["sentence"].startswith("وقال مساعد") for r in _of(rels, "met")] == [False, True], rels
    assert _pairs(rels, "met") == {frozenset(("أوهورو كينياتا", "يوري موسيفيني"))}
    assert not any("إنهما" in e.label for e in entities.values()), entities


def test_a_princes_position_after_his_name_is_his_title_and_names_him_later(extract):
    """صاحب السمو الأمير X، أمير منطقة جازان،: the position after the name is his title (not الأمير), and
    a later أمير منطقة جازان is X."""
    _, rels = extract("دشن صاحب السمو الأمير محمد بن ناصر بن عبدالعزيز، أمير منطقة جازان، مشروعات الطرق. "
                      "وكان أمير منطقة جازان قد استقبل مدير الجامعة الدكتور سعد الحربي في مكتبه أمس.")
    roles = {r["subject"]: r["theme"] for r in _of(rels, "role")}
    assert roles["محمد بن ناصر بن عبدالعزيز"] == "أمير منطقة جازان", roles
    assert _pairs(rels, "met") == {frozenset(("محمد بن ناصر بن عبدالعزيز", "سعد الحربي"))}, rels


def test_a_preposition_the_tokenizer_left_on_a_title_still_marks_the_phrase(extract):
    """وفي تونس، سيلتقي برئيس الحكومة X: ب left on رئيس still makes X the one met, by the one the sentence
    before was about."""
    _, rels = extract("ففي الجزائر، سيلتقي وزير الخارجية الإيطالي ماركو بيانكي بالرئيس عمر بلقاسم. وفي تونس، "
                      "سيلتقي كذلك برئيس الحكومة سالم الهادي بعد أسبوع.")
    assert _pairs(rels, "met") == {frozenset(("ماركو بيانكي", "عمر بلقاسم")),
                                   frozenset(("ماركو بيانكي", "سالم الهادي"))}, rels


def test_highness_is_the_prince_not_the_last_person_named(extract):
    _, rels = extract("التقى ولي العهد الأمير محمد بن نايف أمس وزير الخارجية البريطاني فيليب هاموند. "
                      "وبحث سموه مع الوزير العلاقات بين البلدين.")
    met = _of(rels, "met")
    assert len(met) == 2 and _pairs(rels, "met") == {frozenset(("محمد بن نايف", "فيليب هاموند"))}
    assert all(r["modality"] == "occurred" for r in met)  # سموه cut into س + موه is not the future


def test_speaker_continues_into_the_meeting_he_reports(extract):
    _, rels = extract("وقال المفوض الأوروبي يوهانس هان إنه التقى بوزير الخارجية المغربي صلاح الدين مزوار "
                      "في الرباط.")
    assert _pairs(rels, "met") == {frozenset(("يوهانس هان", "صلاح الدين مزوار"))}


def test_guest_after_a_title_with_a_place_in_it(extract):
    _, rels = extract("استقبل سمو ولي العهد الأمير محمد بن نايف في مكتبه بالرياض اليوم سفير جمهورية فرنسا "
                      "لدى المملكة برتران بزانسنو.")
    assert _pairs(rels, "met") == {frozenset(("محمد بن نايف", "برتران بزانسنو"))}


def test_attendees_of_a_reception_with_unnamed_guests_attend_its_host(extract):
    _, rels = extract("استقبل صاحب السمو الملكي الأمير فيصل بن بندر أمير منطقة الرياض اليوم المهنئين بعيد "
                      "الفطر في قصر الحكم. وحضر الاستقبال الأمير محمد بن عبدالرحمن نائب أمير المنطقة ومدير "
                      "الشرطة اللواء خالد المطيري.")
    assert not _of(rels, "met")
    assert {(r["subject"], r["object"]) for r in _of(rels, "attended")} == {
        ("محمد بن عبدالرحمن", "فيصل بن بندر"), ("خالد المطيري", "فيصل بن بندر")}


def test_attendees_of_an_unread_meeting_do_not_meet_each_other(extract):
    _, rels = extract("وأقيم حفل في القاهرة أمس. وحضر الحفل وزير المالية بدر الدين محمود ووزير الخارجية "
                      "إبراهيم غندور ووزير الدفاع عبد الرحيم محمد حسين.")
    assert not _of(rels, "met") and not _of(rels, "attended")


def test_discussed_is_not_urged(extract):
    # the tokenizer cuts بحث into ب + حث (urged): no request
    _, rels = extract("وبحث رئيس الوزراء الإيطالي ماتيو رينزي الأزمة الليبية في اتصال هاتفي مع الرئيس "
                      "الفرنسي فرانسوا هولاند.")
    assert not _of(rels, "requested")


def test_guests_of_an_unread_host_do_not_meet_each_other(extract):
    _, rels = extract("وأوضح المتحدث أن المدير استقبل كلا من محافظ جدة سعد الحارثي ومحافظ الطائف فهد "
                      "المطيري في مكتبه.")
    assert frozenset(("سعد الحارثي", "فهد المطيري")) not in _pairs(rels, "met")


def test_receiving_a_body_is_no_meeting(extract):
    _, rels = extract("استقبل محافظ جدة سعد الحارثي، جثمان الشهيد الجندي فهد المطيري في مطار الملك "
                      "عبدالعزيز.")
    assert frozenset(("سعد الحارثي", "فهد المطيري")) not in _pairs(rels, "met")


def test_attendees_are_of_the_meeting_that_took_place_not_one_still_planned(extract):
    _, rels = extract("وقال المتحدث إن الرئيس ماكي سال سيلتقي الرئيس محمدو بخاري الأسبوع المقبل. "
                      "وأضاف أن اللجنة الفنية عقدت اجتماعها أمس، وحضره من الجانب السنغالي الوزير أمادو "
                      "با ومن الجانب النيجيري الوزير جيفري أونياما.")
    assert not [r for r in _of(rels, "attended") if r["object"] in ("ماكي سال", "محمدو بخاري")]


def test_one_party_meeting_two_others_is_two_meetings_not_three(extract):
    """يلتقي X الذي ...، Y وZ: X meets Y and X meets Z (a relative clause between them); Y and Z did not
    meet each other."""
    _, rels = extract("ومن المقرر أن يلتقي وزير الخارجية الألماني فرانك فالتر شتاينماير الذي يقوم بجولة في "
                      "المنطقة، الرئيس اللبناني ميشال سليمان ورئيس الوزراء تمام سلام.")
    assert _pairs(rels, "met") == {frozenset(("فرانك فالتر شتاينماير", "ميشال سليمان")),
                                   frozenset(("فرانك فالتر شتاينماير", "تمام سلام"))}
    assert all(r["modality"] == "planned" for r in _of(rels, "met"))


def test_a_photo_caption_names_attendees_of_the_reception(extract):
    """A caption cut by the splitter after an abbreviated title (ود.) is one sentence again, and the
    persons it names "خلال الاستقبال" attended the reception; the handshake caption is the meeting."""
    _, rels = extract("استقبل أمير منطقة الرياض الأمير فيصل بن بندر في مكتبه أمس السفير الياباني نوريهيرو "
                      "أوكودا. الأمير فيصل بن بندر يصافح السفير الياباني. مدير الشرطة اللواء محمد العتيبي "
                      "ود. سعد الغامدي خلال الاستقبال.")
    assert _pairs(rels, "met") == {frozenset(("فيصل بن بندر", "نوريهيرو أوكودا"))}
    assert {(r["subject"], r["object"]) for r in _of(rels, "attended")} == {
        ("محمد العتيبي", "فيصل بن بندر"), ("سعد الغامدي", "فيصل بن بندر")}


def test_a_prayer_is_no_request_and_all_is_no_name(extract):
    entities, rels = extract("وقد بادل سمو الأمير فهد بن سلطان الجميع التهنئة، داعيا الله عز وجل أن يعيد هذه "
                             "المناسبة على الوطن بالخير.")
    assert not _of(rels, "requested")
    assert {e.label for e in entities.values() if e.type == "PER"} == {"فهد بن سلطان"}


def test_attendees_listed_with_long_titles_after_commas(extract):
    _, rels = extract("افتتح أمين المنطقة خالد طاهر المعرض أمس، وذلك بحضور وكيل الإمارة للشؤون المحلية سعد "
                      "الحربي، ومدير عام السياحة والآثار بمنطقة المدينة المنورة صالح العمري، ورئيس اللجنة "
                      "التنظيمية أيمن الجهني.")
    assert {r["subject"] for r in _of(rels, "attended")} == {"سعد الحربي", "صالح العمري", "أيمن الجهني"}
    assert {r["object"] for r in _of(rels, "attended")} == {"خالد طاهر"}


def test_visiting_a_bodys_headquarters_is_no_meeting_with_it(extract):
    _, rels = extract("ومن المقرر أن يزور الأمين العام بان كي مون مقر منظمة الصحة العالمية في جنيف.")
    assert not _of(rels, "met")


def test_the_one_who_was_at_the_reception_of_a_guest_met_him(extract):
    """X، مدير ...، كان في استقبال Y: X (its title in apposition) received Y."""
    _, rels = extract("وأوضح المتحدث أن اللواء سعد الحربي مدير كلية الملك خالد العسكرية، كان في استقبال "
                      "الوزير خالد الفالح.")
    assert frozenset(("سعد الحربي", "خالد الفالح")) in _pairs(rels, "met")


def test_a_facility_named_after_a_king_and_a_city_after_bi_are_no_parties(extract):
    """استقبل X في مكتبه بالرياض مدير مستشفى الملك فيصل التخصصي Y: the guest is Y, not the hospital in
    his title, nor Riyadh, nor King Faisal or King Khalid, whose names the hospital and the airport bear."""
    entities, rels = extract("استقبل وزير الصحة خالد الفالح في مكتبه بالرياض أمس مدير مستشفى الملك فيصل "
                             "التخصصي قاسم القصبي، ثم غادر إلى مطار الملك خالد الدولي.")
    assert _pairs(rels, "met") == {frozenset(("خالد الفالح", "قاسم القصبي"))}
    assert {e.label for e in entities.values() if e.type == "PER"} == {"خالد الفالح", "قاسم القصبي"}


@pytest.mark.parametrize("text, pairs", [
    # a reception of several guests: each guest meets the host, not the other guests
    ("استقبل أمير منطقة مكة المكرمة الأمير خالد الفيصل في مكتبه بجدة أمس كلا من رئيس جامعة الملك عبدالعزيز "
     "الدكتور عبدالرحمن اليوبي ومدير شرطة المنطقة اللواء سعيد القحطاني.",
     [("خالد الفيصل", "عبدالرحمن اليوبي"), ("خالد الفيصل", "سعيد القحطاني")]),
    # the subject before a relative clause
    ("وقال رئيس الوزراء الكندي ستيفن هاربر، الذي التقى الرئيس الأوكراني بيترو بوروشينكو في كييف أمس: إن "
     "بلاده تدعم أوكرانيا.", [("ستيفن هاربر", "بيترو بوروشينكو")]),
    # a verb joined by و to the verb before it shares its subject
    ("وقال المتحدث إن الرئيس التركي رجب طيب أردوغان سيزور روسيا ويلتقي بالرئيس فلاديمير بوتين في أكتوبر.",
     [("رجب طيب أردوغان", "فلاديمير بوتين")]),
    # وصل X ... على أن يلتقي في وقت لاحق بنظيريه Y وZ: X meets Y and X meets Z
    ("وصل وزير الخارجية الروسي سيرغي لافروف إلى القاهرة مساء أمس، على أن يلتقي في وقت لاحق بنظيريه، "
     "المصري سامح شكري والأردني ناصر جودة.", [("سيرغي لافروف", "سامح شكري"), ("سيرغي لافروف", "ناصر جودة")]),
    # أفصح X أنه التقى Y: the meeting is the discloser's
    ("أفصح وزير العمل مفرج الحقباني في تدوينة على حسابه في تويتر، أنه التقى بوزير الإسكان ماجد الحقيل "
     "لبحث خفض تكلفة الوحدات السكنية.", [("مفرج الحقباني", "ماجد الحقيل")]),
    # a title after the host's name stops at the guest's name
    ("استقبل ناصر جودة وزير الخارجية الأردني ديدييه بوركهالتر رئيس الاتحاد السويسري في عمان.",
     [("ناصر جودة", "ديدييه بوركهالتر")]),
    # the ministry in the guest's title is not the guest
    ("التقى وكيل الجامعة للتطوير الدكتور سعد الزهراني بالمدير التنفيذي لبرنامج دروب بوزارة العمل ماجد "
     "العتيبي أمس.", [("سعد الزهراني", "ماجد العتيبي")]),
    # a verb joined to the visit shares the visitor
    ("قام السفير الياباني نوريهيرو أوكودا بزيارة إلى جامعة الملك سعود والتقى خلال الزيارة مدير الجامعة "
     "الدكتور بدران العمر.", [("نوريهيرو أوكودا", "بدران العمر")]),
    # a delegation with no named head: its country is the guest side
    ("استقبل وزير الخارجية الأردني ناصر جودة في عمان أمس وفدا برلمانيا قادما من جمهورية النمسا.",
     [("ناصر جودة", "النمسا")]),
    # two hosts joined by و, then the delegation: each host meets the side, the hosts do not meet
    ("استقبل وزير الإعلام عادل الطريفي ووكيل الوزارة ناصر الحجيلان صباح أمس وفدا صحفيا من تونس.",
     [("عادل الطريفي", "تونس"), ("ناصر الحجيلان", "تونس")]),
    # ministers of an organization's members: the organization
    ("استقبل ملك البحرين حمد بن عيسى آل خليفة اليوم وزراء خارجية دول مجلس التعاون لدول الخليج العربية.",
     [("حمد بن عيسى آل خليفة", "مجلس التعاون الخليجي")]),
    # a long title between the verb and its subject
    ("في الوقت الذي يجتمع مدير عام التعليم بمنطقة القصيم الدكتور عبدالله الركيان مع مجلس "
     "التعليم بالمنطقة اليوم، أكد أن العام الدراسي سيبدأ في موعده.", [("عبدالله الركيان", "مجلس التعليم")]),
    # the institution in the host's title after his name is no guest
    ("استقبل الدكتور محمد السويل رئيس مدينة الملك عبدالعزيز للعلوم والتقنية في الرياض أمس السفير الياباني "
     "نوريهيرو أوكودا.", [("محمد السويل", "نوريهيرو أوكودا")]),
    # talks held during a visit: the visitor holds them (X ستزور ... تجري خلالها مباحثات مع Y)
    ("وقال المتحدث إن وزير الخارجية الهندي سوشما سواراج ستزور طهران الأسبوع المقبل تجري خلالها مباحثات "
     "مع الرئيس الإيراني حسن روحاني.", [("سوشما سواراج", "حسن روحاني")]),
    # guests listed after إلى جانب, after "، و" and after a comma alone; آل الشيخ is a family name
    ("استقبل الرئيس الفرنسي فرانسوا هولاند في باريس اليوم وزير الخارجية المصري سامح شكري، إلى جانب وزير "
     "الأوقاف صالح آل الشيخ، ووزير الكهرباء محمد شاكر، وزير النقل هاني ضاحي.",
     [("فرانسوا هولاند", "سامح شكري"), ("فرانسوا هولاند", "صالح آل الشيخ"), ("فرانسوا هولاند", "محمد شاكر"),
      ("فرانسوا هولاند", "هاني ضاحي")]),
    # كما استقبل Y، واستقبل أيضا Z: more guests of the host of the sentence before
    ("استقبل أمير منطقة تبوك الأمير فهد بن سلطان في مكتبه اليوم مدير الجامعة الدكتور عبدالعزيز العنزي. كما "
     "استقبل مدير شرطة المنطقة اللواء محمد الأحمدي، واستقبل أيضا رئيس البلدية المهندس سعد الشهري.",
     [("فهد بن سلطان", "عبدالعزيز العنزي"), ("فهد بن سلطان", "محمد الأحمدي"),
      ("فهد بن سلطان", "سعد الشهري")]),
    # long names the NER cuts in two, known from the gazetteer
    ("اجتمع الرئيس اليمني عبدربه منصور هادي، مع المبعوث الأممي، إسماعيل ولد الشيخ أحمد، في الرياض أمس.",
     [("عبدربه منصور هادي", "إسماعيل ولد الشيخ أحمد")]),
    # a surname that is also a nisba (التركي) after an honorific is the person named before
    ("استقبل الأمين العام للرابطة الدكتور عبدالله بن عبدالمحسن التركي في مكة المكرمة اليوم سفير ماليزيا داتو "
     "عبدالله. كما استقبل الدكتور التركي أمس رئيس جامعة الأزهر الدكتور أحمد الطيب.",
     [("عبدالله بن عبدالمحسن التركي", "داتو عبدالله"), ("عبدالله بن عبدالمحسن التركي", "أحمد الطيب")]),
    # a meeting that brought two sides together: اجتماع ضم X وY، اجتماعا جمع X بـ Y
    ("وعقد في القاهرة اجتماع ضم وزير الخارجية المصري سامح شكري ونظيره السوداني إبراهيم غندور.",
     [("سامح شكري", "إبراهيم غندور")]),
    ("وشهدت العاصمة اجتماعا جمع رئيس الوزراء التونسي الحبيب الصيد بالأمين العام لاتحاد الشغل حسين "
     "العباسي.", [("الحبيب الصيد", "حسين العباسي")]),
    # a place inside the host's title before his rank is no party; three guests with long titles, far
    # past the thirtieth word, each meet the host
    ("استقبل صاحب السمو الملكي أمير منطقة القصيم الأمير فيصل بن مشعل بن سعود بمكتبه في الإمارة اليوم "
     "مدير عام فرع وزارة الزراعة بمنطقة القصيم المهندس سليمان بن عبدالله الخليفة ومساعد مدير عام الشؤون "
     "الصحية بالمنطقة للخدمات العلاجية الدكتور فالح بن سعد الشمري ورئيس مجلس إدارة الغرفة التجارية "
     "الصناعية بالقصيم الأستاذ عبدالعزيز بن محمد الحميد.",
     [("فيصل بن مشعل بن سعود", "سليمان بن عبدالله الخليفة"), ("فيصل بن مشعل بن سعود", "فالح بن سعد الشمري"),
      ("فيصل بن مشعل بن سعود", "عبدالعزيز بن محمد الحميد")]),
])
def test_who_met_whom_where_the_tree_does_not_say(extract, text, pairs):
    _, rels = extract(text)
    assert _pairs(rels, "met") == {frozenset(p) for p in pairs}


def test_a_joint_press_conference_held_with_someone_is_a_meeting(extract):
    _, rels = extract("وقال وزير الخارجية الفرنسي لوران فابيوس خلال مؤتمر صحافي عقده مع نظيره الإيراني محمد "
                      "جواد ظريف في طهران إن البلدين سيعززان التعاون.")
    assert _pairs(rels, "met") == {frozenset(("لوران فابيوس", "محمد جواد ظريف"))}
    _, alone = extract("وقال وزير الخارجية الفرنسي لوران فابيوس في مؤتمر صحافي إن بلاده ستعزز التعاون.")
    assert not _of(alone, "met")


def test_unnamed_requesters_leave_the_named_body_the_addressee(extract):
    _, rels = extract("وطالب خبراء اقتصاديون وزارة المالية بالتحرك سريعا لخفض الدين العام.")
    assert [(r["subject"], r["object"]) for r in _of(rels, "requested")] in ([], [(None, "وزارة المالية")])


def test_the_seat_of_a_delegation_is_no_guest(extract):
    _, rels = extract("التقى وزير الداخلية محمد الغبان في مقر الوفد العراقي ببغداد أمس بعدد من الضباط.")
    assert not _of(rels, "met")


def test_where_the_sentence_names_no_one_before_hayth_the_one_told_of_met(extract):
    """وجاء ذلك خلال زيارته ... حيث التقى Y: no party before حيث, so the one the sentence before was about
    (the speaker of أعرب) met Y."""
    _, rels = extract("أعرب وزير الصحة الدكتور ناصر القحطاني عن تقديره لجهود الجمعية في خدمة المرضى. وجاء "
                      "ذلك خلال زيارته أمس مقر الجمعية حيث التقى رئيس مجلس إدارتها الدكتور فهد العمري.")
    assert _pairs(rels, "met") == {frozenset(("ناصر القحطاني", "فهد العمري"))}, rels


def test_a_titled_subject_before_its_verb_is_what_the_next_sentence_goes_on_about(extract):
    """أن وزير الخارجية X يصل ...، وفي القاهرة، سيلتقي بالرئيس Y: the parser's subject is the title, before
    the verb; the name it titles is whom the sentence is about, and who meets Y in the next one."""
    _, rels = extract("وأكد البيان أن وزير الخارجية الإيطالي ماركو بيانكي يصل إلى القاهرة الاثنين. وفي "
                      "القاهرة، سيلتقي كذلك بالرئيس المصري عمر بلقاسم.")
    assert _pairs(rels, "met") == {frozenset(("ماركو بيانكي", "عمر بلقاسم"))}, rels


def test_one_named_among_a_group_a_subjectless_verb_met_is_met_by_the_one_told_of(extract):
    """وسيلتقي الأحد عددا من المسؤولين، بينهم Y: a verb opening its sentence (the future prefix and a day
    the tagger takes for its subject do not count) meets Y, named among the group, as the one the
    sentence before was about."""
    _, rels = extract("وأعلن المكتب أن وزير الخارجية الياباني كينجي ساتو سيزور الكويت الأحد. وسيلتقي الأحد "
                      "عددا من المسؤولين الكويتيين، بينهم رئيس الوزراء سالم الصباح.")
    assert frozenset(("كينجي ساتو", "سالم الصباح")) in _pairs(rels, "met"), rels


def test_those_an_unnamed_subject_met_do_not_meet_each_other(extract):
    _, rels = extract("وزار الوفد البرلماني الأوروبي الرياض وجدة والمدينة المنورة؛ إذ التقى في الرياض بوزير "
                      "الخارجية عادل الجبير، ووزير التجارة توفيق الربيعة.")
    assert not _of(rels, "met")
    # the unnamed subject before the verb, the two it met bare after it
    _, rels = extract("وذكرت المصادر أن الوفد التركي التقى رئيس الحكومة سعيد الكبيسي وأحمد الحلبوسي في ثلاثة "
                      "اجتماعات.")
    assert not _of(rels, "met"), rels
    _, rels = extract("وقال رئيس الوفد الأوروبي إلمار بروك إنه التقى في الرياض بوزير الخارجية عادل الجبير "
                      "ووزير التجارة توفيق الربيعة.")
    assert _pairs(rels, "met") == {frozenset(("إلمار بروك", "عادل الجبير")),
                                   frozenset(("إلمار بروك", "توفيق الربيعة"))}


def test_the_two_sides_reviewing_are_the_meeting_reported_before(extract):
    _, rels = extract("التقى الرئيس التونسي الباجي قائد السبسي وزير الخارجية الإيطالي باولو جنتيلوني. "
                      "واستعرض الجانبان خلال اللقاء علاقات التعاون بين البلدين.")
    met = _of(rels, "met")
    assert {frozenset((r["subject"], r["object"])) for r in met} == {
        frozenset(("الباجي قائد السبسي", "باولو جنتيلوني"))} and len(met) == 2
    _, alone = extract("واستعرض وزير الخارجية الإيطالي باولو جنتيلوني التقرير السنوي للوزارة.")
    assert not _of(alone, "met")


def test_attendees_after_one_whose_name_was_missed(extract):
    """بحضور + a title with no name found after it, then more attendees: the list still runs (the
    unnamed first one is simply not an attendee)."""
    _, rels = extract("دشن أمير المنطقة الأمير فيصل بن سلمان المعرض، وذلك بحضور وكيل الإمارة للشؤون المحلية "
                      "ومدير عام السياحة والآثار بمنطقة المدينة المنورة صالح عباس، ومدير الاستثمار "
                      "أيمن حبيب.")
    attendees = {r["subject"] for r in _of(rels, "attended")}
    assert {"صالح عباس", "أيمن حبيب"} <= attendees


def test_a_prayer_closing_a_speech_is_no_request(extract):
    _, rels = extract("وختم رئيس البلدية حسن العمري كلمته داعيا المولى عز وجل أن يحفظ هذه البلاد.")
    assert not _of(rels, "requested")


def test_kerry_and_kirby_in_one_article_and_a_verb_after_a_title_is_no_one(extract):
    entities, rels = extract("قال وزير الخارجية الأمريكي جون كيري إن المحادثات مستمرة. وقال المتحدث باسم "
                             "الخارجية جون كيربي إن الوزير سيسافر غدا.")
    assert {e.label for e in entities.values() if e.type == "PER"} == {"جون كيري", "جون كيربي"}



def test_the_named_members_of_a_guests_party_attend_the_reception(extract):
    _, rels = extract("استقبل وزير الشؤون الإسلامية صالح آل الشيخ في مكتبه أمس وزير الأوقاف المغربي أحمد "
                      "التوفيق، يرافقه مدير الشؤون الدينية محمد الحسني، ومدير المعهد الإسلامي عبدالله "
                      "الوكيلي.")
    assert _pairs(rels, "met") == {frozenset(("صالح آل الشيخ", "أحمد التوفيق"))}
    assert {(r["subject"], r["object"]) for r in _of(rels, "attended")} == {
        ("محمد الحسني", "صالح آل الشيخ"), ("عبدالله الوكيلي", "صالح آل الشيخ")}
    _, rels = extract("ووصل مدرب الفريق الأرجنتيني رامون دياز إلى معسكر الفريق برفقة مساعديه خوسيه "
                      "باسيلي وماريو فيغيروا.")
    assert not _of(rels, "attended")  # no meeting told: the party attends nothing


@pytest.mark.parametrize("text, hosts, guest", [
    # the honorific pronoun after استقبال stands for the one who arrived
    ("وصل وزير الداخلية الأمير محمد بن نايف إلى جدة أمس، وكان في استقبال سموه أمير منطقة مكة المكرمة "
     "الأمير خالد الفيصل.", {"خالد الفيصل"}, "محمد بن نايف"),
    # a plain pronoun: the subject of the verb before كان; every person named after the phrase received him
    ("زار وزير الصحة خالد الفالح مستشفى الملك فهد، وكان في استقباله مدير المستشفى الدكتور سعد العتيبي "
     "ونائبه علي الزهراني.", {"سعد العتيبي", "علي الزهراني"}, "خالد الفالح"),
    # the host named between كان and the phrase
    ("وصل الرئيس التونسي الباجي قائد السبسي إلى الرياض، وكان ولي العهد الأمير محمد بن نايف في استقباله.",
     {"محمد بن نايف"}, "الباجي قائد السبسي"),
])
def test_those_who_were_in_the_reception_of_an_arrival_met_him(extract, text, hosts, guest):
    _, rels = extract(text)
    received = [r for r in _of(rels, "met") if r["rule"] == "met:received"]
    assert {r["subject"] for r in received} == hosts and {r["object"] for r in received} == {guest}
    assert all(r["modality"] == "occurred" for r in received)


def test_an_arrival_received_by_unnamed_officials_is_no_meeting(extract):
    _, rels = extract("وصل وزير الصحة خالد الفالح إلى مطار أبها، وكان في استقباله مدير المطار وعدد من "
                      "المسؤولين.")
    assert not _of(rels, "met")


@pytest.mark.parametrize("text, visitor, guests, modality", [
    ("يصل وزير الخارجية الأمريكي جون كيري إلى الدوحة غدا في زيارة يلتقي خلالها بأمير قطر الشيخ تميم بن "
     "حمد ووزير الخارجية خالد العطية.", "جون كيري", {"تميم بن حمد", "خالد العطية"}, "planned"),
    # the guests bare after خلالها: the visitor is the subject of the verb before, not the place visited
    ("زار وزير الصحة خالد الفالح مستشفى الملك فهد بجدة، التقى خلالها المدير العام للمستشفى الدكتور سعد "
     "العتيبي ونائبه علي الزهراني.", "خالد الفالح", {"سعد العتيبي", "علي الزهراني"}, "occurred"),
])
def test_a_meeting_during_a_visit_is_the_visitors(extract, text, visitor, guests, modality):
    _, rels = extract(text)
    visits = [r for r in _of(rels, "met") if r["rule"] == "met:visitor"]
    assert {(r["subject"], r["object"]) for r in visits} == {(visitor, g) for g in guests}
    assert all(r["modality"] == modality for r in visits)  # the guests do not meet each other


def test_the_named_members_of_a_delegation_are_the_guests(extract):
    _, rels = extract("استقبل رئيس نادي النصر فيصل بن تركي وفدا من وزارة الرياضة ضم كلا من محمد السالم، "
                      "والمهندس علي الزهراني، وسعد العمر.")
    assert _pairs(rels, "met") == {frozenset(("فيصل بن تركي", g))
                                   for g in ("محمد السالم", "علي الزهراني", "سعد العمر")}


def test_a_name_beside_the_title_a_preposition_governs_is_the_other_side(extract):
    _, rels = extract("زار المبعوث الأممي ستيفان دي مستورا دمشق حيث التقى مع وزير الخارجية، وليد المعلم، "
                      "ونائبه فيصل المقداد.")
    # حيث: the main clause's subject met both; the two he met did not meet each other
    assert {(r["subject"], r["object"]) for r in _of(rels, "met")} == {
        ("ستيفان دي مستورا", "وليد المعلم"), ("ستيفان دي مستورا", "فيصل المقداد")}


def test_a_reception_told_with_bi(extract):
    _, rels = extract("وصل وزير الخارجية المصري سامح شكري إلى الرياض أمس، حيث كان باستقباله وزير الدولة "
                      "للشؤون الخارجية نزار مدني.")
    assert [(r["subject"], r["object"], r["rule"]) for r in _of(rels, "met")] == [
        ("نزار مدني", "سامح شكري", "met:received")]


def test_a_call_told_as_the_circumstance_of_talks_far_from_their_verb(extract):
    # بان كي مون begins with the word of the complementizer بأن: no clause ends there
    _, rels = extract("وبحث وزير الخارجية الفرنسي لوران فابيوس الأوضاع الإنسانية في «اليمن» و«سوريا» "
                      "في اتصال هاتفي مع الأمين العام للأمم المتحدة بان كي مون.")
    assert [(r["subject"], r["object"]) for r in _of(rels, "contacted")] == [("لوران فابيوس", "بان كي مون")]


@pytest.mark.parametrize("text, requester, addressee, rule", [
    # a verb joined by و to the verb before it shares its subject
    ("ورحب وزير الخارجية البريطاني فيليب هاموند بالاتفاق، وحث جميع الأطراف على الالتزام به.",
     "فيليب هاموند", None, "requested:shared_subject"),
    # the subject of the verb that renews the request a noun names
    ("جدد رئيس الوزراء اللبناني تمام سلام المطالبة بضرورة انتخاب رئيس للجمهورية.",
     "تمام سلام", None, "requested:renewed"),
    # a prepositional phrase between the requester and the addressee of دعا
    ("ودعا الرئيس الإيراني حسن روحاني خلال الاتصال الهاتفي الرئيس الفرنسي فرانسوا هولاند إلى توطيد العلاقات.",
     "حسن روحاني", "فرانسوا هولاند", None),
])
def test_requests_whose_requester_or_addressee_the_tree_leaves_far(extract, text, requester, addressee, rule):
    _, rels = extract(text)
    found = _of(rels, "requested")
    assert [(r["subject"], r["object"]) for r in found] == [(requester, addressee)]
    assert rule is None or found[0]["rule"] == rule


def test_talks_whose_light_verb_stands_before_a_relative_clause(extract):
    _, rels = extract("وسيجري الرئيس الأمريكي باراك أوباما خلال زيارته التي تستغرق يومين محادثات مع الرئيس "
                      "الكيني أوهورو كينياتا.")
    assert [(r["subject"], r["object"], r["modality"]) for r in _of(rels, "met")] == [
        ("باراك أوباما", "أوهورو كينياتا", "planned")]


def test_the_one_received_is_the_first_person_when_the_tree_gives_no_subject(extract):
    _, rels = extract("قام مدير التعليم بمنطقة الباحة الدكتور سالم الغامدي، صباح أمس بجولة على مدارس "
                      "المنطقة، وكان في استقباله مدير المدرسة منصور الزهراني.")
    assert [(r["subject"], r["object"]) for r in _of(rels, "met") if r["rule"] == "met:received"] == [
        ("منصور الزهراني", "سالم الغامدي")]


@pytest.mark.parametrize("text, names_before_colon", [
    ("عبد الله الراجحي- سبق- جازان: استقبل محافظ جازان سعد الميموني أمس وفدا من شركة أرامكو.", True),
    ("سبق- الرياض: استقبل وزير الصحة خالد الفالح أمس وفدا من منظمة الصحة العالمية.", True),
    ("وقال وزير الصحة خالد الفالح: إن الوزارة مستعدة.", False),  # a colon after a verb: no dateline
])
def test_a_credit_line_is_no_party_of_what_follows_it(parse, text, names_before_colon):
    from kg.extract.document import sentences_of
    from kg.extract.frames import dateline_end
    from kg.extract.mentions import find_mentions
    from kg.extract.relations import Context

    sent = sentences_of(parse(text))[0]
    end = dateline_end(sent)
    assert (end > 0) == names_before_colon
    ctx = Context("t", sent, find_mentions("t", sent, {}), None)
    assert all(m.first > end for m in ctx.mentions)


def test_a_reception_whose_guest_holds_a_title_that_ends_with_a_place(extract):
    """The host's name does not run into صباح (صباح اليوم: this morning), the place at بجدة is where,
    and لبنان ends the guest's title: the guest is the person after it."""
    entities, rels = extract("استقبل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز صباح اليوم في قصر السلام "
                             "بجدة رئيس وزراء لبنان تمام سلام.")
    assert "سلمان بن عبدالعزيز" in {e.label for e in entities.values() if e.type == "PER"}
    assert _pairs(rels, "met") == {frozenset(("سلمان بن عبدالعزيز", "تمام سلام"))}


def test_an_attendee_after_bihudur_is_no_party_of_the_meeting_read_from_the_order_of_names(extract):
    _, rels = extract("والتقى رئيس النادي الأمير خالد بن سعد باللاعبين بعد نهاية التدريب بحضور مدير الكرة "
                      "محمد العمري.")
    assert not _of(rels, "met")
    assert [(r["subject"], r["object"]) for r in _of(rels, "attended")] == [("محمد العمري", "خالد بن سعد")]


def test_a_guest_whose_title_names_an_organization(extract):
    """برئيس الاتحاد الأوروبي لكرة القدم الفرنسي X: the title runs past the organization it names and a
    preposition of its own (ل), so ب before it marks X, the guest."""
    _, rels = extract("وأفادت الوكالة أن الوزير خالد العطية التقى برئيس الاتحاد الأوروبي لكرة القدم الفرنسي "
                      "ميشال بلاتيني في نيون.")
    assert _pairs(rels, "met") == {frozenset(("خالد العطية", "ميشال بلاتيني"))}


@pytest.mark.parametrize("text, pair", [
    ("وقال الوزير سامح شكري أثناء اجتماعه مع الرئيس اللبناني ميشال سليمان في بيروت إن الحرب طويلة.",
     ("سامح شكري", "ميشال سليمان")),
    ("وأكد الرئيس الفرنسي فرانسوا هولاند خلال لقائه رئيس الوزراء التونسي الحبيب الصيد أن فرنسا تدعم تونس.",
     ("فرانسوا هولاند", "الحبيب الصيد")),  # لقائه -> لقائ + ه: still the trigger لقاء
])
def test_a_meeting_told_as_the_circumstance_belongs_to_the_possessor(extract, text, pair):
    """"قال X أثناء اجتماعه مع Y": the pronoun on the meeting noun is the clause's subject, X."""
    _, rels = extract(text)
    assert _pairs(rels, "met") == {frozenset(pair)}


def test_the_names_after_a_possessed_noun_are_one_side(extract):
    """Hosts after "في استقبالهم" (or places after "زيارتهم") did not meet one another."""
    _, rels = extract("ووصل اللاعبون إلى جدة، حيث كان في استقبالهم الدكتور خالد العمري والأستاذ سعد "
                      "القحطاني. وأعرب الأمير فهد بن سعد خلال زيارتهم مجلس العزاء عن حزنه.")
    assert not _of(rels, "met")


@pytest.mark.parametrize("text, pair, modality", [
    ("وقال الوزير سامح شكري أثناء زيارة إلى مدريد حيث التقى نظيره خوسيه مانويل مارغايو إن مصر تدعم الحل "
     "السياسي.",
     ("سامح شكري", "خوسيه مانويل مارغايو"), "occurred"),
    ("وبدأ وزير الخارجية الإيراني محمد جواد ظريف جولة خليجية، حيث سيلتقي أمير الكويت الشيخ صباح الأحمد.",
     ("محمد جواد ظريف", "صباح الأحمد"), "planned"),
])
def test_a_meeting_clause_without_subject_takes_the_main_clauses_with_its_direct_object(extract, text, pair,
                                                                                        modality):
    """حيث يلتقي نظيره Y (a direct object, no مع): the subject of the main clause meets Y."""
    _, rels = extract(text)
    met = _of(rels, "met")
    assert _pairs(rels, "met") == {frozenset(pair)} and met[0]["modality"] == modality


def test_a_host_whose_title_is_a_representative(extract):
    """ممثل (representative) is a title: the host's title after his name does not hide the guest."""
    _, rels = extract("استقبل صاحب السمو الشيخ حمدان بن زايد آل نهيان ممثل الحاكم في المنطقة الغربية مساء "
                      "اليوم في قصر البطين معالي سامح شكري وزير الخارجية المصري.")
    assert _pairs(rels, "met") == {frozenset(("حمدان بن زايد آل نهيان", "سامح شكري"))}


def test_a_possessed_meeting_noun_after_baad_belongs_to_the_subject(extract):
    """"صرح X عقب اجتماعه مع Y": after (بعد، عقب) or before a meeting of his own, X met Y."""
    _, rels = extract("وصرح الرئيس محمود عباس عقب اجتماعه مع الملك عبدالله الثاني بأن الأوضاع صعبة.")
    assert _pairs(rels, "met") == {frozenset(("محمود عباس", "عبدالله الثاني"))}


def test_the_persons_after_meetings_with_are_one_side(extract):
    """"سيجري لقاءات مع X وY" whose holder is not named: X and Y are one side, they do not meet."""
    _, rels = extract("وأوضح البيان أنه سيجري لقاءات مع الرئيس عبدربه منصور هادي ورئيس الوزراء خالد بحاح في "
                      "الرياض.")
    assert not _of(rels, "met")


def test_a_delegation_of_a_company_named_in_quotes(extract):
    """استقبل X وفدا من شركة "Y": the quote marks around the company's name do not end the group's phrase."""
    _, rels = extract('استقبل مدير الجامعة الدكتور خالد العمر أمس وفدا من شركة "أرامكو" السعودية.')
    assert _pairs(rels, "met") == {frozenset(("خالد العمر", "أرامكو"))}


def test_an_organization_stands_for_its_unnamed_head(extract):
    """التقى X بالأمين العام لحزب Y / اجتمع X مع رئيس Y: the head is not named, the organization is the
    side; the bare title is not the secretary-general the article names elsewhere."""
    _, rels = extract("التقى المبعوث الأممي إسماعيل ولد الشيخ أحمد في القاهرة بالأمين العام لحزب المؤتمر "
                      "الشعبي العام. وحضر اللقاء الأمين العام لجامعة الدول العربية نبيل العربي.")
    assert ("إسماعيل ولد الشيخ أحمد", "حزب المؤتمر الشعبي العام") in {
        (r["subject"], r["object"]) for r in _of(rels, "met")}
    assert frozenset(("إسماعيل ولد الشيخ أحمد", "نبيل العربي")) not in _pairs(rels, "met")
    _, rels = extract("واجتمع وزير الخارجية عادل الجبير مع رئيس البنك الدولي في واشنطن.")
    assert _pairs(rels, "met") == {frozenset(("عادل الجبير", "البنك الدولي"))}


def test_a_surname_ner_typed_a_place_is_the_person_named_before(extract):
    """لافروف alone, typed a place by NER, after سيرغي لافروف: the person, who is received."""
    ents, rels = extract("وصل وزير الخارجية الروسي سيرغي لافروف إلى الدوحة. إن أمير دولة قطر الشيخ تميم بن "
                         "حمد آل ثاني سوف يستقبل لافروف.")
    assert ("PER", "سيرغي لافروف") in {(e.type, e.label) for e in ents.values()}
    assert "لافروف" not in {e.label for e in ents.values()}
    assert _pairs(rels, "met") == {frozenset(("تميم بن حمد آل ثاني", "سيرغي لافروف"))}


def test_talks_carried_by_a_verb_with_its_future_prefix_are_planned(extract):
    """سيجري X محادثات مع Y, the future prefix left on the verb by the tokenizer: planned talks."""
    _, rels = extract("وصل وزير الخارجية الأمريكي جون كيري إلى الدوحة. وعلى هامش هذا اللقاء المهم في قطر، "
                      "سيجري كيري أيضا محادثات مع وزير الخارجية الروسي سيرغي لافروف.")
    met = [r for r in _of(rels, "met") if {r["subject"], r["object"]} == {"جون كيري", "سيرغي لافروف"}]
    assert met and all(r["modality"] == "planned" for r in met)


def test_reviewing_something_with_someone_is_a_meeting(extract):
    """استعرض X مع Y المشروع (kg/resources/triggers.tsv): X and Y talked; استعرض alone is no meeting."""
    _, rels = extract("وفي بداية اللقاء استعرض الأمير منصور بن محمد مع الوزير ماجد القصبي مشروع ريادة.")
    assert _pairs(rels, "met") == {frozenset(("منصور بن محمد", "ماجد القصبي"))}
    _, rels = extract("واستعرض الأمير منصور بن محمد تقرير الهيئة السنوي.")
    assert not _of(rels, "met")


def test_the_delegation_stands_for_its_head_named_before(extract):
    """يلتقي الوفد بـ Y after "وفد ... بقيادة/برئاسة X": X leads the side that meets Y."""
    _, rels = extract("وقال المصدر إن من المقرر أن يزور وفد الائتلاف الوطني السوري موسكو الأسبوع المقبل "
                      "وسيكون بقيادة خالد خوجة. وأضاف أن من المقرر أن يلتقي الوفد بوزير الخارجية سيرجي "
                      "لافروف.")
    met = _of(rels, "met")
    assert _pairs(rels, "met") == {frozenset(("خالد خوجة", "سيرجي لافروف"))}
    assert all(r["modality"] == "planned" for r in met)


def test_a_city_is_where_a_body_goes_not_whom_it_meets(extract):
    """لزيارة موسكو: Moscow is no side beside a body or a person; two capitals are (بين بغداد وواشنطن),
    and a country is (kg/extract/data/countries.txt)."""
    _, rels = extract("وذكرت الوكالة أن الوزير سيرغي لافروف وجه الدعوة لقيادة «حماس» لزيارة موسكو.")
    assert not _of(rels, "met")
    assert [(r["subject"], r["object"]) for r in _of(rels, "requested")] == [("سيرغي لافروف", "حماس")]


def test_the_countries_list_loads_with_its_variants():
    from kg.extract import lexicon

    countries = lexicon.words("countries")
    assert {"مصر", "الجزائر", "الولايات المتحده", "امريكا", "كوريا الشماليه"} <= countries
    assert "موسكو" not in countries and "عمان" not in countries  # (عمان is Oman and Amman)


def test_a_house_named_after_a_prince_is_no_host(extract):
    """لبيت الأمير X (a youth house, the noun left whole by the tokenizer): X is the name of the place,
    not a person who received the visitors (kg/extract/data/facility_nouns.txt)."""
    ents, rels = extract("زار طلاب المدرسة أمس الرياض، وفي بداية الزيارة لبيت الأمير فيصل بن فهد كان في "
                         "استقبالهم مدير البيت أحمد العلي.")
    assert "فيصل بن فهد" not in {e.label for e in ents.values() if e.type == "PER"}
    assert not any("فيصل بن فهد" in (r["subject"], r["object"]) for r in _of(rels, "met"))


def test_a_family_name_after_al_is_no_trigger(extract):
    """صالح آل طالب: طالب after آل is the family's name, not the verb "demanded"."""
    _, rels = extract("وألقى الشيخ صالح آل طالب كلمة في الحفل شكر فيها الحضور.")
    assert not _of(rels, "requested")


def test_a_one_word_name_known_elsewhere_is_not_read_in_a_title(extract):
    """أمين, a person's name in another article of the corpus, is the title أمين العاصمة here: the host
    of the opening is the mayor named after it, not a person called أمين."""
    _, rels = extract("افتتح أمين العاصمة المقدسة الدكتور أسامة البار المبنى الجديد في حضور الشيخ عبدالرحمن "
                      "الهذلول.", known={("امين",): "PER"})
    attended = _of(rels, "attended")
    assert [(r["subject"], r["object"]) for r in attended] == [("عبدالرحمن الهذلول", "أسامة البار")]


def test_his_counterpart_with_a_country_stands_for_the_one_named_with_it(extract):
    """نظيره الفرنسي with no name after it: the one person named with a French title before."""
    _, rels = extract("دعا الرئيس الإيراني حسن روحاني الرئيس الفرنسي فرانسوا هولاند إلى زيارة طهران. جاء ذلك "
                      "خلال اتصال هاتفي أجراه الرئيس الإيراني مع نظيره الفرنسي.")
    assert _pairs(rels, "contacted") == {frozenset(("حسن روحاني", "فرانسوا هولاند"))}


@pytest.mark.parametrize("text, pair", [
    # a bare title with the holder's country, after the American and the Kenyan presidents were named
    ("وصل الرئيس الأمريكي باراك أوباما إلى نيروبي مساء الجمعة. وسيجري الرئيس الأمريكي خلال زيارته التي "
     "تستغرق يومين محادثات مع الرئيس الكيني أوهورو كينياتا.", ("باراك أوباما", "أوهورو كينياتا")),
    # the whole title as the emir was named, not a person called نجران
    ("قام أمير منطقة نجران الأمير جلوي بن عبدالعزيز بزيارة للجامعة. وكان أمير منطقة نجران قد استقبل "
     "الدكتور علي الغفيص في مكتبه أمس.", ("جلوي بن عبدالعزيز", "علي الغفيص")),
    # a bare title before talks with someone else: the title does not run on past مع into Y's name
    ("يصل وزير الخارجية الروسي سيرغي لافروف إلى الدوحة اليوم. وسوف يجري الوزير الروسي محادثات مع نظيره "
     "القطري خالد بن محمد العطية.", ("سيرغي لافروف", "خالد بن محمد العطية")),
    # officials or representatives of a body whose names are not given are the body
    # (kg/extract/data/group_nouns.txt); a group that is the only side named meets the speaker
    ("والتقى وزير الخارجية عادل الجبير مسؤولي شركة أرامكو في الظهران.", ("عادل الجبير", "شركة أرامكو")),
    ("وقال المبعوث الأممي إسماعيل ولد الشيخ أحمد إنه التقى من قبل بممثلين للحوثيين في مسقط.",
     ("إسماعيل ولد الشيخ أحمد", "الحوثيون")),
    # a body's delegation whose head is named after its origin, or after his title, is the head
    ("استقبل الملحق الثقافي زايد بن عجير الحارثي وفد جامعة التكنولوجيا الماليزية برئاسة البروفيسور نور الدين "
     "بن يحيى.", ("زايد بن عجير الحارثي", "نور الدين بن يحيى")),
    ("استقبل مدير عام التعليم بمحافظة الطائف الدكتور محمد الشمران، وفد سفراء الحزم من منطقة نجران بقيادة "
     "المشرف المرافق: مهدي ناشر كزمان.", ("محمد الشمران", "مهدي ناشر كزمان")),
    # the group's member named after من بينهم is the one met
    ("بحث وزير الدفاع الأمريكي أشتون كارتر مع قادة عسكريين أمريكيين وزعماء سياسيين عراقيين من بينهم رئيس "
     "الوزراء حيدر العبادي خلال زيارة لبغداد أمس.", ("أشتون كارتر", "حيدر العبادي")),
    # whom a visitor met where he went (حيث التقى): the parser took the one met for the verb's subject,
    # or the visitor is named after a long title with a body and a place in it
    ("وقام وزير الإسكان ماجد الحقيل بزيارة إلى مؤسسة النقد حيث التقى محافظها الدكتور فهد المبارك، وناقشا "
     "سبل تعزيز التمويل العقاري.", ("ماجد الحقيل", "فهد المبارك")),
    ("وصل المبعوث الخاص للأمم المتحدة إلى سورية ستافان دي ميستورا أمس إلى دمشق حيث التقى وزير الخارجية "
     "وليد المعلم.", ("ستافان دي ميستورا", "وليد المعلم")),
])
def test_met_through_titles_bodies_delegations_and_visits(extract, text, pair):
    """Sides a title, a body, a delegation or a visit stands for: one meeting between the two."""
    _, rels = extract(text)
    assert _pairs(rels, "met") == {frozenset(pair)}
