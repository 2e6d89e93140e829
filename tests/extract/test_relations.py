"""Relations read from short Arabic sentences through the real pipeline (tokenizer to NER)."""

from __future__ import annotations

import datetime as dt


def _of(records, type_):
    return [r for r in records if r["type"] == type_]


def _parties(r):
    return {r["subject"], r["object"]}


def test_reception_is_a_meeting(extract):
    _, rels = extract("استقبل الرئيس العراقي برهم صالح، اليوم الأحد، وزير الخارجية الفرنسي جان إيف لودريان "
                      "في بغداد.")
    met = _of(rels, "met")
    assert len(met) == 1
    assert _parties(met[0]) == {"برهم صالح", "جان إيف لودريان"}
    assert met[0]["modality"] == "occurred"


def test_talks_with_a_counterpart_are_a_meeting(extract):
    _, rels = extract("بحث وزير الخارجية فؤاد حسين مع نظيره الإيراني محمد جواد ظريف العلاقات بين البلدين.")
    assert [_parties(r) for r in _of(rels, "met")] == [{"فؤاد حسين", "محمد جواد ظريف"}]


def test_phone_call_is_contact_not_meeting(extract):
    _, rels = extract("تلقى رئيس الوزراء العراقي مصطفى الكاظمي اتصالا هاتفيا من الرئيس الأمريكي جو بايدن.")
    assert not _of(rels, "met")
    contacted = _of(rels, "contacted")
    assert [_parties(r) for r in contacted] == [{"مصطفى الكاظمي", "جو بايدن"}]


def test_request_from_addressee_with_theme(extract):
    _, rels = extract("طلب رئيس الوزراء مصطفى الكاظمي من الولايات المتحدة مواصلة دعم القوات العراقية.")
    req = _of(rels, "requested")
    assert len(req) == 1
    assert (req[0]["subject"], req[0]["object"]) == ("مصطفى الكاظمي", "الولايات المتحدة")
    assert "مواصلة دعم" in req[0]["theme"]
    assert req[0]["negated"] is False


def test_request_not_received_is_negated(extract):
    _, rels = extract("لم تتلق واشنطن طلبا من بغداد لسحب القوات الأمريكية.")
    req = _of(rels, "requested")
    assert len(req) == 1
    assert (req[0]["subject"], req[0]["object"]) == ("بغداد", "واشنطن")
    assert req[0]["negated"] is True


def test_requires_is_not_a_request(extract):
    _, rels = extract("تتطلب المرحلة المقبلة تعاونا أكبر بين بغداد وواشنطن.")
    assert not _of(rels, "requested")
    assert not _of(rels, "met")


def test_future_meeting_is_planned_with_resolved_weekday(extract):
    _, rels = extract("يلتقي الرئيس الأمريكي جو بايدن رئيس الوزراء العراقي مصطفى الكاظمي يوم الاثنين المقبل "
                      "في البيت الأبيض.", date=dt.date(2021, 7, 23))  # a Friday
    met = _of(rels, "met")
    assert len(met) == 1
    assert _parties(met[0]) == {"جو بايدن", "مصطفى الكاظمي"}
    assert met[0]["modality"] == "planned"
    assert met[0]["date"] == "2021-07-26"
    assert "الاثنين" in met[0]["date_text"]


def test_weekday_stays_unresolved_without_a_document_date(extract):
    _, rels = extract("يلتقي الرئيس الأمريكي جو بايدن رئيس الوزراء العراقي مصطفى الكاظمي يوم الاثنين المقبل "
                      "في البيت الأبيض.")
    assert [r["date"] for r in _of(rels, "met")] == [None]


def test_title_gives_a_role(extract):
    _, rels = extract("استقبل الرئيس العراقي برهم صالح، اليوم الأحد، وزير الخارجية الفرنسي جان إيف لودريان "
                      "في بغداد.")
    roles = {r["subject"]: r["theme"] for r in _of(rels, "role")}
    assert roles["جان إيف لودريان"].startswith("وزير الخارجية")


def test_summit_of_three_gives_every_pair_one_event(extract):
    _, rels = extract("وعقد الملك عبد الله الثاني والرئيس المصري عبد الفتاح السيسي قمة ثلاثية "
                      "مع رئيس الوزراء العراقي مصطفى الكاظمي في بغداد.")
    met = _of(rels, "met")
    assert len(met) == 3
    assert len({r["event_id"] for r in met}) == 1
    assert all(len(r["participants"]) == 3 for r in met)
    assert "مصطفى الكاظمي" in set().union(*(_parties(r) for r in met))


def test_call_with_a_party_is_a_contact(extract):
    _, rels = extract("وأجرى الرئيس الفرنسي إيمانويل ماكرون اتصالا هاتفيا مع الرئيس الروسي فلاديمير بوتين.")
    assert not _of(rels, "met")
    assert [_parties(r) for r in _of(rels, "contacted")] == [{"إيمانويل ماكرون", "فلاديمير بوتين"}]


def test_speaker_and_content(extract):
    # (the spokesman's name changed with the NER trained on every corpus, which cuts سعيد خطيب زاده short:
    # this test is about the speaker rule, not about that name)
    _, rels = extract("وقال المتحدث باسم الخارجية الإيرانية حسين جابري أنصاري إن طهران لن تتفاوض تحت الضغط.")
    said = _of(rels, "said")
    assert [r["subject"] for r in said] == ["حسين جابري أنصاري"]
    assert said[0]["theme"].startswith("طهران لن تتفاوض")


def test_media_attribution_is_reported_by(extract):
    _, rels = extract("وذكرت صحيفة نيويورك تايمز أن البيت الأبيض يدرس خيارات جديدة.")
    assert not _of(rels, "said")
    rep = _of(rels, "reported_by")
    assert [(r["subject"], r["object"]) for r in rep] == [(None, "نيويورك تايمز")]
    assert "خيارات جديدة" in rep[0]["theme"]


def test_a_meeting_told_as_the_circumstance_of_a_statement_is_the_speakers(extract):
    """أعلن X أن بلاده ستدعم ...، خلال لقاء مع Y: the speaker met Y, not the body the clause names."""
    for text in ("أعلن وزير الخارجية الفرنسي لوران فابيوس أن بلاده ستدعم خطة الأمم المتحدة، خلال لقاء مع "
                 "نظيره الألماني فرانك فالتر شتاينماير في برلين.",
                 "وأكد وزير الخارجية الفرنسي لوران فابيوس أن المحادثات مثمرة، خلال اجتماع مع نظيره الألماني "
                 "فرانك فالتر شتاينماير في برلين."):
        _, rels = extract(text)
        assert [_parties(r) for r in _of(rels, "met")] == [{"لوران فابيوس", "فرانك فالتر شتاينماير"}], rels


def test_the_two_ministers_are_the_two_sides_of_the_meeting_before(extract):
    _, rels = extract("التقى وزير الخارجية الفرنسي لوران فابيوس نظيره الألماني فرانك فالتر شتاينماير "
                      "في باريس أمس. وبحث الوزيران العلاقات الثنائية.")
    met = _of(rels, "met")
    assert len(met) == 2 and all(_parties(r) == {"لوران فابيوس", "فرانك فالتر شتاينماير"} for r in met), met


def test_a_passive_reception_pairs_its_hosts_with_the_one_received(extract):
    """وقد استقبل من طرف X وY: X and Y received the one the sentence is about; they did not meet each
    other."""
    _, rels = extract("خاض الرئيس التشادي حسين حبري معركته ضد القذافي، وقد استقبل من طرف الرئيس الأميركي "
                      "رونالد ريغان والفرنسي فرنسوا ميتران.")
    assert sorted(map(sorted, map(_parties, _of(rels, "met")))) == [
        ["حسين حبري", "رونالد ريغان"], ["حسين حبري", "فرنسوا ميتران"]], rels


def test_a_list_of_guests_after_a_reception_verb_holds_no_host(extract):
    """وقد استقبل في برنامجه ثلاثة رؤساء هم X وY وZ: the guests of a host not named there do not meet
    each other."""
    _, rels = extract("وقد استقبل في برنامجه ثلاثة رؤساء أمريكيين هم جيمي كارتر وبيل كلينتون وباراك أوباما.")
    assert not _of(rels, "met"), rels
