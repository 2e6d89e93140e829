"""Phone interviews, a call told again, and request look-alikes, checked on invented sentences."""

from __future__ import annotations

import pytest

from kg.extract import lexicon


def _pairs(records, type_):
    return [(r["subject"], r["object"]) for r in records if r["type"] == type_]


def _sides(records, type_):
    """The unordered pairs of a symmetric relation (met, contacted)."""
    return {frozenset(p) for p in _pairs(records, type_)}


def test_data_file_loads():
    assert ("طالب", "كليه") in lexicon.pairs("not_request_contexts")
    assert ("دعا", "قلق") in lexicon.pairs("not_request_contexts")
    assert {"استجاب", "رفضت", "لبي"} <= lexicon.words("answering_verbs")


def test_a_phone_interview_with_a_named_paper_is_a_call(extract):
    _, rels = extract("وأوضح وزير الصحة خالد الفالح في اتصال هاتفي مع «عكاظ» أن المستشفى جاهز.")
    calls = _sides(rels, "contacted")
    assert calls == {frozenset({"خالد الفالح", "عكاظ"})}, calls


def test_one_who_calls_for_something_in_a_phone_interview_spoke_to_the_paper(extract):
    """دعا X، رئيس ...، في اتصال هاتفي أمس مع «Y» إلى: the interview is the circumstance of any verb."""
    _, rels = extract("من جانبه، دعا الشيخ سالم العتيبي، رئيس الجمعية الخيرية، في اتصال هاتفي أمس "
                      "مع «الرياض» إلى دعم المشروع.")
    assert _sides(rels, "contacted") == {frozenset({"سالم العتيبي", "الرياض"})}, _sides(rels, "contacted")


@pytest.mark.parametrize("second", [
    "وأضاف بادي في اتصال هاتفي أن المحادثات تبدأ غدا.",  # the speaker named again
    "وأضاف في اتصال هاتفي أن المحادثات تبدأ غدا.",  # speaker and paper both named before only
])
def test_the_paper_of_the_sentence_before_stands_for_the_interviewer(extract, second):
    _, rels = extract("وقال المتحدث باسم الحكومة اليمنية راجح بادي لـ«الشرق الأوسط» إن الوفد وصل إلى جنيف. "
                      + second)
    calls = _sides(rels, "contacted")
    assert frozenset({"راجح بادي", "الشرق الأوسط"}) in calls, calls


def test_a_call_after_a_speech_verb_with_no_subject_is_the_speakers(extract):
    """وقال عقب اتصال هاتفي مع Y: the speaker the article goes on quoting made the call; وقال X عقب
    اتصال هاتفي مع Y: X did."""
    _, rels = extract("قال الرئيس التركي رجب طيب أردوغان إن العلاقات قوية. وقال عقب اتصال هاتفي مع أمير "
                      "الكويت الشيخ صباح الأحمد الجابر الصباح إن البلدين يدعمان الحل السياسي.")
    assert frozenset({"رجب طيب أردوغان", "صباح الأحمد الجابر الصباح"}) in _sides(rels, "contacted"), rels
    _, rels = extract("وقال الرئيس التركي رجب طيب أردوغان عقب اتصال هاتفي مع أمير الكويت الشيخ صباح الأحمد "
                      "الجابر الصباح إن البلدين يدعمان الحل السياسي.")
    assert frozenset({"رجب طيب أردوغان", "صباح الأحمد الجابر الصباح"}) in _sides(rels, "contacted"), rels


def test_a_call_between_two_leaders_is_no_interview(extract):
    _, rels = extract("وقال الرئيس الفرنسي فرنسوا هولاند في اتصال هاتفي مع نظيره الإيراني حسن روحاني إن "
                      "الاتفاق مهم.")
    calls = _sides(rels, "contacted")
    assert calls == {frozenset({"فرنسوا هولاند", "حسن روحاني"})}, calls


def test_the_two_leaders_after_a_call_tell_the_call_again(extract):
    _, rels = extract("وقال البيت الأبيض إن الرئيس باراك أوباما ونظيره التركي رجب طيب أردوغان اتفقا خلال "
                      "اتصال هاتفي على تعزيز التعاون. وقال البيان إن الزعيمين ناقشا أيضا الوضع في سوريا.")
    calls = _pairs(rels, "contacted")
    assert len(calls) == 2, calls
    assert not _pairs(rels, "met")


def test_a_student_is_no_demand_and_no_cause_for_concern_is_no_call(extract):
    _, rels = extract("تلقى آل الزهراني العزاء في ابنهم عبدالله الزهراني طالب الدكتوراة في جامعة نيوكاسل. "
                      "وقال المتحدث الأمني منصور التركي إن الوضع لا يدعو للقلق.")
    assert _pairs(rels, "requested") == []


def test_the_verb_demanded_is_still_a_request(extract):
    _, rels = extract("وطالب وزير الخارجية عادل الجبير مجلس الأمن بوقف القتال في اليمن.")
    assert ("عادل الجبير", "مجلس الأمن") in _pairs(rels, "requested")


def test_a_name_and_its_short_form_do_not_meet(extract):
    from kg.extract.document import one_person
    from kg.extract.model import Assertion, Evidence

    class M:
        def __init__(self, text):
            self.text = text

    ev = Evidence("d", 0, "", 0, 0, "met:test", 0.5)
    names = {"a": M("باراك أوباما"), "b": M("أوباما"), "c": M("فهد بن عبدالعزيز"), "d": M("فهد"),
             "e": M("محمد بن سلمان"), "f": M("سلمان"), "g": M("جون كيري")}
    assert one_person(Assertion("met", "a", "b", ev), names)
    assert one_person(Assertion("met", "c", "d", ev), names)
    assert not one_person(Assertion("met", "e", "f", ev), names)  # a father is not his son
    assert not one_person(Assertion("met", "a", "g", ev), names)
    assert not one_person(Assertion("requested", "a", "b", ev), names)


def test_a_host_does_not_meet_himself_by_his_short_name(extract):
    _, rels = extract("استقبل الرئيس الأمريكي باراك أوباما في البيت الأبيض أمس رئيس الوزراء الهندي ناريندرا "
                      "مودي، وقال أوباما إن اللقاء كان مثمرا.")
    met = _sides(rels, "met")
    assert all(len(p) == 2 for p in met), met


def test_a_participle_asks_for_the_speaker_not_for_the_verb_inside_the_quote(extract):
    _, rels = extract("وقال المبعوث الأفريقي ثامبو أمبيكي إن الطرفين تناولا قضايا الحوار، داعيا الحكومة "
                      "السودانية إلى استئناف التفاوض.")
    requesters = {s for s, _ in _pairs(rels, "requested")}
    assert requesters == {"ثامبو أمبيكي"}, _pairs(rels, "requested")


def test_a_participle_after_a_bare_speech_verb_asks_for_the_speaker_quoted_so_far(extract):
    _, rels = extract("وقال وزير الخارجية اليمني رياض ياسين إن الحكومة عادت إلى عدن. وأضاف أن الحياة عادت "
                      "إلى طبيعتها، داعيا التجار إلى معاودة نشاطهم.")
    assert ("رياض ياسين", None) in _pairs(rels, "requested"), _pairs(rels, "requested")


def test_took_up_with_is_a_meeting(extract):
    _, rels = extract("وقال المبعوث الأفريقي ثامبو أمبيكي إنه تناول مع الرئيس السوداني عمر البشير قضايا "
                      "الحوار الوطني.")
    assert _sides(rels, "met") == {frozenset({"ثامبو أمبيكي", "عمر البشير"})}


def test_a_people_is_no_organization(extract):
    entities, _ = extract("وقصفت الطائرات التركية مواقع يسيطر عليها الأكراد في شمال العراق.")
    assert "الأكراد" not in {e.label for e in entities.values()}


def test_who_came_at_an_invitation_was_invited(extract):
    _, rels = extract("وحل الرئيس الفرنسي السابق نيكولا ساركوزي في تونس بدعوة من أمين عام الحزب محسن مرزوق.")
    assert ("محسن مرزوق", "نيكولا ساركوزي") in _pairs(rels, "requested"), _pairs(rels, "requested")


def test_they_called_on_x_makes_x_the_one_asked(extract):
    _, rels = extract("وقالت المصادر إن المسؤولين الإيرانيين دعوا رئيس الوزراء السابق نوري المالكي إلى وقف "
                      "التظاهرات.")
    assert ("نوري المالكي", None) not in _pairs(rels, "requested"), _pairs(rels, "requested")


def test_inflected_request_verbs_are_triggers(extract):
    assert ("تدعو", "دعا") in lexicon.pairs("verb_forms")
    _, rels = extract("ويرى الرئيس السوري بشار الأسد أن الحل سياسي، فيما تدعو تركيا إلى إسقاطه.")
    assert ("تركيا", None) in _pairs(rels, "requested"), _pairs(rels, "requested")


def test_two_subjects_joined_by_and_both_ask(extract):
    _, rels = extract("ودعت بريطانيا وفرنسا أمس دولا أخرى في الاتحاد الأوروبي لمساعدتهما في التصدي للأزمة.")
    assert sorted(_pairs(rels, "requested")) == [("بريطانيا", None), ("فرنسا", None)]


def test_a_group_in_the_oblique_plural_is_asked_not_asking(extract):
    _, rels = extract("فيما رحبت الجامعة العربية بالهدنة الإنسانية ودعت الحوثيين وحلفاءهم للالتزام ببنودها.")
    assert "الحوثيين" not in {s for s, _ in _pairs(rels, "requested")}
    assert "الحوثيون" not in {s for s, _ in _pairs(rels, "requested")}


def test_the_guests_of_one_who_met_several_do_not_meet_each_other(extract):
    _, rels = extract("والتقى وزير الخارجية الفرنسي لوران فابيوس في طهران نظيره الإيراني محمد جواد ظريف "
                      "ورئيس البرلمان علي لاريجاني.")
    met = _sides(rels, "met")
    assert frozenset({"محمد جواد ظريف", "علي لاريجاني"}) not in met, met


def test_a_university_student_demands_nothing(extract):
    _, rels = extract("وقال حبيب عبدالله طالب جامعي في إحدى الجامعات البحرينية إن أغلب زبائنه من الشباب.")
    assert _pairs(rels, "requested") == []


def test_a_clause_ends_at_whereas(extract):
    _, rels = extract("طالبت هيئة كبار العلماء بإنزال أقصى العقوبات بمرتكبي الإرهاب، في حين قال المفتي "
                      "لـ«الشرق الأوسط» إن أفعالهم مرفوضة.")
    assert ("هيئة كبار العلماء", "الشرق الأوسط") not in _pairs(rels, "requested"), _pairs(rels, "requested")


@pytest.mark.parametrize("text,sides", [
    # talks between two presidents named with their titles
    ("عقدت في القاهرة أمس جلسة مباحثات بين الرئيسين المصري عبد الفتاح السيسي ونظيره اليمني عبد ربه منصور "
     "هادي، توجت باتفاق على حماية الموانئ.", {"عبد الفتاح السيسي", "عبد ربه منصور هادي"}),
    # a meeting after his complementizer is the speaker's quoted so far
    ("وقال وزير الخارجية البحريني خالد بن أحمد إن الوضع مستقر. وأضاف أنه التقى الأمين العام للجامعة "
     "العربية نبيل العربي لبحث الأزمة.", {"خالد بن أحمد", "نبيل العربي"}),
], ids=["between-two-titled-presidents", "after-his-complementizer"])
def test_meetings_read_past_titles_and_complementizers(extract, text, sides):
    _, rels = extract(text)
    met = _sides(rels, "met")
    assert frozenset(sides) in met, met


def test_wahath_the_tagger_takes_for_a_noun_is_still_a_request(extract):
    """وزار X المستشفى، وحث العاملين على: وحث left whole and tagged a noun is و + حث (urged)."""
    _, rels = extract("وزار وزير الصحة خالد السالم المستشفى أمس، وحث العاملين على مضاعفة الجهد.")
    assert "خالد السالم" in {r["subject"] for r in rels if r["type"] == "requested"}, rels


def test_a_body_shares_its_request_with_the_verb_before(extract):
    """ورحب مجلس الأمن بالاتفاق ودعا ...: دعا joined to رحب has its subject, an organization too."""
    _, rels = extract("ورحب مجلس الأمن بالاتفاق ودعا الأطراف إلى تنفيذه.")
    assert "مجلس الأمن" in {r["subject"] for r in rels if r["type"] == "requested"}, rels


def test_issues_or_a_border_between_two_places_are_no_talks_between_them(extract):
    """مباحثات ... لمناقشة القضايا بين X وY، زيارة ... للمنفذ الرابط بين X وY: what lies between them, not a
    meeting of the two (kg/extract/data/relational_nouns.txt)."""
    _, rels = extract("ويصل وزير الخارجية الإريتري عثمان صالح إلى القاهرة غدا في زيارة يجري خلالها مباحثات "
                      "مع المسؤولين لمناقشة القضايا العالقة بين أسمرة والخرطوم.")
    assert frozenset(("أسمرة", "الخرطوم")) not in _sides(rels, "met"), rels
    _, rels = extract("ونفذ قائد المنطقة العسكرية اللواء سالم العبدلي زيارة تفقدية للمنفذ الحدودي الرابط بين "
                      "الأردن والعراق.")
    assert frozenset(("الأردن", "العراق")) not in _sides(rels, "met"), rels


def test_kin_words_editorial_titles_and_compound_name_ends_are_no_names(extract):
    from kg.extract.document import known_names
    from kg.extract.mentions import Mention

    entities, _ = extract("وأكد الجابري أن ابن أخيه مات دفاعا عن الوطن. وحضر اللقاء الزميل فهيم الحامد مساعد "
                          "رئيس التحرير.")
    labels = {e.label for e in entities.values()}
    assert not labels & {"ابن", "التحرير"}, labels
    nur = Mention("d#0:0-1", "d", 0, 0, 1, 0, 9, "نور الدين", "PER", "ner", 0.9, "نور الدين")
    assert ("الدين",) not in known_names([nur])


@pytest.mark.parametrize("text,asked", [
    ("استجاب الرئيس الفلسطيني محمود عباس ورئيس الوزراء رامي الحمد الله لطلب من الأمين العام للأمم المتحدة "
     "بان كي مون يتضمن وقف التصعيد.", {("بان كي مون", "محمود عباس")}),
    ("رفضت الحكومة البريطانية طلب فرنسا بإرسال قوات إضافية إلى الحدود.", {("فرنسا", "الحكومة البريطانية")}),
    ("وقرر الرئيس الأمريكي باراك أوباما تأجيل الزيارة نزولا عند طلب من الكونغرس.",
     {("الكونغرس", "باراك أوباما")}),
])
def test_who_answered_a_request_was_asked(extract, text, asked):
    _, rels = extract(text)
    pairs = set(_pairs(rels, "requested"))
    assert asked <= pairs, pairs
    assert not any(obj == "الأمم المتحدة" or subj == "الأمم المتحدة" for subj, obj in pairs), pairs


def test_before_an_invitation_is_no_answer(extract):
    _, rels = extract("وصل وزير الخارجية التركي مولود جاويش أوغلو إلى طهران قبل الدعوة الرسمية من الحكومة "
                      "الإيرانية.")
    assert all(obj is None for _, obj in _pairs(rels, "requested")), _pairs(rels, "requested")


def test_a_title_with_the_family_name_the_article_gave_is_that_person(extract):
    _, rels = extract("وأكد الرئيس المصري عبد الفتاح السيسي أن الانتخابات ستجري قبل نهاية العام بعد عزل "
                      "الرئيس الأسبق محمد مرسي. ودعا الرئيس السيسي الأحزاب المصرية إلى تشكيل قائمة موحدة.")
    assert ("عبد الفتاح السيسي", None) in _pairs(rels, "requested"), _pairs(rels, "requested")
    assert not any(subj == "محمد مرسي" for subj, _ in _pairs(rels, "requested"))


def test_a_bare_title_does_not_run_on_into_the_name_after_the_same_title_again(extract):
    _, rels = extract("أكد الرئيس الإيراني حسن روحاني أن البلدين فقدا الكثير من الفرص. ودعا الرئيس الإيراني "
                      "خلال الاتصال حسب الإذاعة الإيرانية الرئيس هولاند إلى توطيد العلاقات.")
    assert ("حسن روحاني", "هولاند") in _pairs(rels, "requested"), _pairs(rels, "requested")


def test_the_two_sides_two_sentences_after_the_meeting_are_still_its_parties(extract):
    _, rels = extract("استقبل ولي عهد أبوظبي الشيخ محمد بن زايد آل نهيان اليوم وزير الخارجية السعودي عادل "
                      "الجبير. وعبر سموه عن تقديره للدور السعودي في المنطقة. واستعرض الجانبان خلال اللقاء "
                      "عددا من القضايا ذات الاهتمام المشترك.")
    assert _pairs(rels, "met").count(("محمد بن زايد آل نهيان", "عادل الجبير")) == 2, _pairs(rels, "met")


def test_his_highness_is_the_crown_prince_not_the_last_person_named(extract):
    _, rels = extract("استقبل ولي عهد أبوظبي الشيخ محمد بن زايد آل نهيان اليوم عادل الجبير وزير الخارجية. "
                      "وقال سموه إن العلاقات بين البلدين متينة.")
    assert ("محمد بن زايد آل نهيان", None) in _pairs(rels, "said"), _pairs(rels, "said")


def test_talks_during_the_meeting_with_no_one_named_are_its_parties_talking(extract):
    text = ("التقى وزير الخارجية الروسي سيرغي لافروف في موسكو اليوم نظيره السعودي عادل الجبير. "
            "وقد بحثوا خلال اللقاء مستجدات المنطقة.")
    _, rels = extract(text)
    assert len(_pairs(rels, "met")) == 2, _pairs(rels, "met")
    _, rels = extract(text.replace("بحثوا خلال اللقاء", "بحث الوزير خلال زيارته"))
    assert len(_pairs(rels, "met")) == 1, _pairs(rels, "met")


ACTOR = "التقى وزير الخارجية السعودي عادل الجبير في القاهرة أمس نظيره المصري سامح شكري.\n"


def test_a_verb_that_opens_the_next_sentence_with_no_subject_is_the_last_actors(extract):
    _, rels = extract(ACTOR + "وطالب المسؤولين بتكثيف الجهود لوقف إطلاق النار في اليمن.")
    assert ("عادل الجبير", None) in _pairs(rels, "requested"), _pairs(rels, "requested")
    _, rels = extract(ACTOR + "وفي المساء، التقى بالرئيس المصري عبد الفتاح السيسي في قصر الاتحادية.")
    assert frozenset({"عادل الجبير", "عبد الفتاح السيسي"}) in _sides(rels, "met"), _sides(rels, "met")


def test_a_subject_without_a_name_is_not_the_last_actor(extract):
    _, rels = extract(ACTOR + "ويطالب نواب معارضون بوقف إطلاق النار في اليمن.")
    assert _pairs(rels, "requested") == [], _pairs(rels, "requested")


def test_the_envoy_named_with_a_comma_is_the_envoy_later_and_his_planned_talks_are_his(extract):
    _, rels = extract("اجتمع الرئيس اليمني عبدربه منصور هادي، مع المبعوث الأممي، إسماعيل ولد الشيخ أحمد، "
                      "لتنسيق الجهد الإغاثي.\nوأضاف المبعوث الأممي، في بيان نشره على حسابه، أنه سيجري "
                      "لقاءات مع هادي وبحاح.")
    assert ("إسماعيل ولد الشيخ أحمد", None) in _pairs(rels, "said"), _pairs(rels, "said")
    met = [r for r in rels if r["type"] == "met" and r.get("modality") == "planned"]
    assert {frozenset((r["subject"], r["object"])) for r in met} \
        == {frozenset({"إسماعيل ولد الشيخ أحمد", "عبدربه منصور هادي"})}, met


def test_a_speaker_who_says_he_appeals_asks_the_president_and_the_government(extract):
    _, rels = extract("وقال طاهر إنه يناشد الرئيس اليمني عبده ربه منصور هادي والحكومة اليمنية النظر بعين "
                      "الرحمة للمرضى.")
    asked = sorted(_pairs(rels, "requested"))
    assert asked == [("طاهر", "الحكومة اليمنية"), ("طاهر", "عبده ربه منصور هادي")], asked


def test_members_of_a_body_ask_for_the_body(extract):
    _, rels = extract("وطلب النواب في مجلس الشيوخ من وزير الخارجية جون كيري توضيح بنود الاتفاق.")
    assert ("مجلس الشيوخ", "جون كيري") in _pairs(rels, "requested"), _pairs(rels, "requested")


def test_urged_left_whole_with_its_conjunction_is_still_a_request(extract):
    _, rels = extract("وحث الدكتور الزهراني، الجميع على مواصلة الجهود.")
    assert ("الزهراني", None) in _pairs(rels, "requested"), _pairs(rels, "requested")


def test_a_request_verb_left_whole_with_and_and_its_object_is_the_earlier_subjects(extract):
    _, rels = extract("واجتمع المدرب السويسري كريستيان غروس باللاعبين فور الوصول إلى مقر السكن "
                      "وطالبهم بضرورة بذل أقصى الجهد خلال المعسكر.")
    assert ("كريستيان غروس", None) in _pairs(rels, "requested"), _pairs(rels, "requested")


@pytest.mark.parametrize("text", [
    "وقبيل مغادرته واشنطن، أجرى وزير الخارجية جون كيري اتصالا بنظيره المصري سامح شكري مساء الخميس.",
    "وعلى صعيد متصل، هنأ وزير الخارجية الأمريكي جون كيري نظيره المصري سامح شكري، خلال اتصال هاتفي "
    "بمناسبة الافتتاح.",
])
def test_a_call_with_the_caller_between_or_the_callee_as_the_object(extract, text):
    _, rels = extract(text)
    assert frozenset({"جون كيري", "سامح شكري"}) in _sides(rels, "contacted"), _sides(rels, "contacted")


def test_who_received_the_one_who_arrived_in_the_sentence_before_met_him(extract):
    _, rels = extract("وصل وزير الخارجية الأمريكي جون كيري إلى القاهرة مساء الأحد في زيارة رسمية.\n"
                      "وكان في استقباله بالمطار وزير الخارجية المصري سامح شكري.")
    assert frozenset({"جون كيري", "سامح شكري"}) in _sides(rels, "met"), _sides(rels, "met")


@pytest.mark.parametrize("text, pairs", [
    ("وقال كيري إنه لا حل عسكريا في سورية، مشيرا إلى أنه سيبحث الوضع السوري مع نظيريه الروسي سيرجي لافروف "
     "والسعودي عادل الجبير.", {frozenset({"كيري", "سيرجي لافروف"}), frozenset({"كيري", "عادل الجبير"})}),
    ("قال السفير خميس الجهيناوي إنه زار الجزائر، والتقى الرئيس الجزائري عبد العزيز بوتفليقة.",
     {frozenset({"خميس الجهيناوي", "عبد العزيز بوتفليقة"})}),
])
def test_the_speaker_meets_after_a_future_prefix_or_in_a_verb_joined_to_his(extract, text, pairs):
    _, rels = extract(text)
    assert _sides(rels, "met") == pairs, _sides(rels, "met")


def test_ambassadors_of_several_countries_are_each_countrys_side(extract):
    _, rels = extract("والتقى وزير الخارجية جون كيري في الدوحة أمس سفراء السويد والدنمارك وسويسرا.")
    met = {tuple(sorted(p)) for p in _sides(rels, "met")}
    assert len(met) == 3 and all("جون كيري" in p for p in met), met


def test_the_delegation_meets_through_the_head_named_earlier_in_the_sentence(extract):
    _, rels = extract("وصل الوفد البرلماني الذي يترأسه النائب سامر الخطيب إلى عمان أمس، حيث اجتمع الوفد "
                      "مع وزير الخارجية الأردني ناصر جودة.")
    assert frozenset({"سامر الخطيب", "ناصر جودة"}) in _sides(rels, "met"), _sides(rels, "met")


def test_a_meeting_verb_after_a_relative_clause_is_its_antecedents(extract):
    """X الذي وصل ...، والتقى الرئيس Y، ونظيره Z: X met Y and Z; Y and Z (the parser's subject and its
    conjunct) did not meet each other."""
    _, rels = extract("وأكد المبعوث الأممي يان كوبيش الذي وصل إلى عمان أمس، والتقى الرئيس فؤاد معصوم، "
                      "ونظيره هوشيار زيباري، أن الحل سياسي.")
    met = _sides(rels, "met")
    assert {frozenset({"يان كوبيش", "فؤاد معصوم"}), frozenset({"يان كوبيش", "هوشيار زيباري"})} <= met, met
    assert frozenset({"فؤاد معصوم", "هوشيار زيباري"}) not in met, met


def test_the_two_sides_of_the_meeting_before_ask_and_the_body_after_them_is_asked(extract):
    _, rels = extract("اجتمع الرئيس المصري عبد الفتاح السيسي بالرئيس الفرنسي فرانسوا هولاند في القاهرة أمس. "
                      "وحث الجانبان الحكومة الليبية على الحوار.")
    asked = set(_pairs(rels, "requested"))
    assert asked == {("عبد الفتاح السيسي", "الحكومة الليبية"), ("فرانسوا هولاند", "الحكومة الليبية")}, asked


def test_the_body_after_the_two_sides_is_asked_even_when_they_are_not_known(extract):
    _, rels = extract("وفي ختام البيان حث الجانبان الحكومة الليبية على الحوار.")
    assert "الحكومة الليبية" not in {s for s, _ in _pairs(rels, "requested")}, _pairs(rels, "requested")


def test_some_parties_asking_a_body_leave_the_body_asked(extract):
    _, rels = extract("وفيما دعت بعض الأطراف الحكومة الليبية إلى الحوار، رفض البرلمان ذلك.")
    assert "الحكومة الليبية" not in {s for s, _ in _pairs(rels, "requested")}, _pairs(rels, "requested")


@pytest.mark.parametrize("text, asked", [
    pytest.param("ومن جهة أخرى، دعا نائب حزب المحافظين ديفيد ديفيز إلى إرسال قوات من الجيش البريطاني إلى "
                 "كاليه.", [("ديفيد ديفيز", None)], id="the party in a title does not ask for its member"),
    pytest.param("وذكر كيربي أن القوات الأميركية موجودة في العراق بدعوة من الحكومة العراقية لمحاربة داعش.",
                 [("الحكومة العراقية", None)], id="the speaker before a clause was not invited"),
    pytest.param("رفضت الحكومة العراقية الاتهامات ودعت المعارضة إلى الحوار.", [("الحكومة العراقية", None)],
                 id="a request verb after a refusal is still its subject's request"),
    pytest.param("زار أعضاء الوفد الإعلامي الجزائري، الذي يزور السعودية بدعوة من وزارة الثقافة والإعلام، "
                 "أمس، مقر الوزارة.", [("وزارة الثقافة والإعلام", None)],
                 id="the place visited at an invitation is not the one invited"),
    pytest.param("وأجرى الرئيس العراقي فؤاد معصوم اتصالا هاتفيا مع رئيس الوزراء التركي أحمد داود أوغلو، "
                 "وطالب بوقف القصف على القرى الحدودية.", [("فؤاد معصوم", "أحمد داود أوغلو")],
                 id="a request made in a call is addressed to the one called"),
    pytest.param("ودعت ماريا نيكولاو رئيسة اتحاد المصارف القبرصية والبنك المركزي القبرصي، أحد أكبر التجمعات "
                 "المصرفية، جميع العملاء إلى الهدوء.", [("ماريا نيكولاو", None)],
                 id="the bodies in the requester's title are not asked"),
    pytest.param("وعقدت القمة الاستثنائية في القاهرة تلبية لطلب رئيس السلطة الفلسطينية ياسر عرفات.",
                 [("ياسر عرفات", None)], id="a request answered by no one named is still its asker's"),
    pytest.param("ودعا مفتي عام الأردن الشيخ محمد الخلايلة العلماء إلى توحيد الكلمة.",
                 [("محمد الخلايلة", None)], id="the mufti asks, not the country of his title"),
    pytest.param("وأوضح مسؤول عراقي في الأمن الوطني ل«الشرق الأوسط» طالبا عدم الإشارة إلى اسمه، أن الوضع "
                 "صعب.", [], id="the paper spoken to (ل left on the quotation mark) asks nothing"),
])
def test_who_asks_whom(extract, text, asked):
    """Requests whose requester and addressee are exactly these."""
    _, rels = extract(text)
    assert _pairs(rels, "requested") == asked, _pairs(rels, "requested")
