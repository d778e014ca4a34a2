"""Sentence and passage segmentation on real PIB sentences, with the traps that break naive splitters."""
import pytest

from index.segment import PassageSettings, Segmenter, place_heads, split_sentences


def sentences(text, lang):
    spans = split_sentences(text, lang)
    for s in spans:  # every sentence is an exact slice of the text, never rewritten
        assert text[s.start:s.end] == text[s.start:s.end].strip()
    return [text[s.start:s.end] for s in spans]


def test_english_traps_from_real_releases():
    text = (
        "The state-of-the-art institute, built at an estimated cost of Rs. 289 crore is spread over 25 acres. "
        "The Institute comprises of an auditorium. "
        "Union Ministry for Home Affairs (MHA) had issued an order on 31.03.2020 for adaptation of State Laws. "
        "The Fellowship enables young researchers to undertake advanced water research at leading U.S. institutions. "
        "Dr. Harsh Vardhan said the recovery rate is 48.31 per cent, i.e. the highest so far. "
        "Shri Narendra Modi chaired it. Order No. 40-3/2020 was issued in 2020. The next one follows."
    )
    got = sentences(text, "en")
    assert got == [
        "The state-of-the-art institute, built at an estimated cost of Rs. 289 crore is spread over 25 acres.",
        "The Institute comprises of an auditorium.",
        "Union Ministry for Home Affairs (MHA) had issued an order on 31.03.2020 for adaptation of State Laws.",
        "The Fellowship enables young researchers to undertake advanced water research at leading U.S. institutions.",
        "Dr. Harsh Vardhan said the recovery rate is 48.31 per cent, i.e. the highest so far.",
        "Shri Narendra Modi chaired it.",
        "Order No. 40-3/2020 was issued in 2020.",
        "The next one follows.",
    ]


def test_us_is_not_rewritten():
    text = "Talks with the U.S. went well. Both sides agreed."
    got = sentences(text, "en")
    assert got == ["Talks with the U.S. went well.", "Both sides agreed."]


def test_hindi_danda_question_exclamation():
    text = (
        "मध्य प्रदेश में जेम का दायरा लगातार बढ़ रहा है। राज्य के 86,000 से ज्यादा विक्रेताओं ने इस प्लेटफॉर्म पर "
        "अपनी प्रोफाइल पूरी कर ली है। क्या यह पर्याप्त है? बिल्कुल! "
        "आज केन्द्रीय विज्ञान एवं प्रौद्योगिकी मंत्री डॉ. हर्षवर्धन ने 5.5 प्रतिशत वृद्धि की बात कही।"
    )
    assert sentences(text, "hi") == [
        "मध्य प्रदेश में जेम का दायरा लगातार बढ़ रहा है।",
        "राज्य के 86,000 से ज्यादा विक्रेताओं ने इस प्लेटफॉर्म पर अपनी प्रोफाइल पूरी कर ली है।",
        "क्या यह पर्याप्त है?",
        "बिल्कुल!",
        "आज केन्द्रीय विज्ञान एवं प्रौद्योगिकी मंत्री डॉ. हर्षवर्धन ने 5.5 प्रतिशत वृद्धि की बात कही।",
    ]


def test_lines_are_boundaries_and_offsets_are_exact():
    text = "Title line without stop\n\n  The body starts here. It has Rs. 5 lakh.\nLast line"
    spans = split_sentences(text, "en")
    got = [text[s.start:s.end] for s in spans]
    assert got == ["Title line without stop", "The body starts here.", "It has Rs. 5 lakh.", "Last line"]


@pytest.mark.parametrize("lang", ["hi", "en"])
def test_passages_are_windows_of_whole_sentences(lang):
    text = " ".join(f"Sentence number {i} is here." if lang == "en" else f"यह वाक्य संख्या {i} है।" for i in range(40))
    seg = Segmenter(PassageSettings(max_chars=200, max_sentences=4, overlap=1))
    windows = seg.run(text, lang)
    assert windows[0][0] == 0 and windows[-1][1] == len(text)
    for (a, b), (c, d) in zip(windows, windows[1:]):
        assert c < b <= d  # consecutive windows overlap by a sentence and move forward
    for a, b in windows:
        assert b - a <= 200
        assert text[b - 1] in ".।"  # ends on a sentence boundary


def test_huge_sentence_is_cut_not_unbounded():
    text = "word " * 5000
    windows = Segmenter(PassageSettings(max_chars=700)).run(text, "en")
    assert all(b - a <= 700 for a, b in windows)
    assert windows[-1][1] == len(text.rstrip())


def test_empty_text_has_no_passages():
    assert Segmenter().run("", "hi") == []
    assert Segmenter().run("   \n\n ", "en") == []


def test_a_full_stop_after_a_long_token_ends_its_sentence():
    # the abbreviation before a full stop is looked for in a bounded window: a token longer than it is none
    token = "x" * 200
    assert sentences(f"It reads {token}. The next one follows.", "en") == [f"It reads {token}.", "The next one follows."]
    assert sentences("Dr. Harsh Vardhan spoke. The next one follows.", "en") == [
        "Dr. Harsh Vardhan spoke.", "The next one follows."]


BULLETIN = ("पीआईबी फील्ड कार्यालयों से जानकारियां\n"
            "·       आंध्र प्रदेश- राज्य में कुल टेस्ट 1,14,937 हुए। ज्यादा मामलों वाले जिले कुरनूल और गुंटूर हैं।\n"
            "·       तेलंगाना- वायु सेना ने अस्पताल पर फूल बरसाए। कल तक कुल मामले 1061, सक्रिय केस 533 रहे।\n"
            "·       For details- यहां पढ़ें।")


def test_a_line_headed_by_a_place_starts_a_window():
    windows = [BULLETIN[a:b] for a, b in Segmenter().run(BULLETIN, "hi")]
    assert any(w.startswith("·       तेलंगाना-") and "533" in w for w in windows)
    assert not any("1,14,937" in w and "533" in w for w in windows)  # one state's figures under another's name
    # a label that is no place does not cut: "For details" stays with Telangana's line
    assert windows[-1].startswith("·       तेलंगाना-") and windows[-1].endswith("यहां पढ़ें।")


def test_a_place_with_nothing_under_it_stays_with_the_next():
    text = ("Various initiatives are as follows.\nTelangana:\nMizoram:\nThe local bodies distributed rice. "
            "They gave dal too.\nKerala: 40 NSS volunteers traced contacts.")
    starts = [s.start for s in split_sentences(text, "en")]
    heads = {text[starts[k]:].split("\n")[0] for k in place_heads(text, starts)}
    assert heads == {"Mizoram:", "Kerala: 40 NSS volunteers traced contacts."}
    windows = [text[a:b] for a, b in Segmenter().run(text, "en")]
    assert windows[-1] == "Kerala: 40 NSS volunteers traced contacts."
    assert not any("Kerala" in w and "rice" in w for w in windows)


def test_a_sentence_glued_to_the_one_before_still_begins_one():
    """The scrape drops the space after many full stops and dandas."""
    en = ("More than 279 were international cargo flights.Blue Dart operated 253 cargo flights. "
          "Collateral can be upto Rs.3 lakh.This will ensure credit. See pib.gov.in/PressNoteDetails.aspx?NoteId=158466 "
          "now. Dr.Harsh Vardhan spoke in the U.S.A. Talks etc.The end.")
    assert sentences(en, "en") == [
        "More than 279 were international cargo flights.",
        "Blue Dart operated 253 cargo flights.",
        "Collateral can be upto Rs.3 lakh.",
        "This will ensure credit.",
        "See pib.gov.in/PressNoteDetails.aspx?NoteId=158466 now.",
        "Dr.Harsh Vardhan spoke in the U.S.A. Talks etc.",
        "The end.",
    ]
    hi = "मार्च में 899 टन कार्गो गया।उपरोक्त के अलावा 14 अप्रैल से सेवा चली। क्या यह पर्याप्त है?नहीं।"
    assert sentences(hi, "hi") == [
        "मार्च में 899 टन कार्गो गया।",
        "उपरोक्त के अलावा 14 अप्रैल से सेवा चली।",
        "क्या यह पर्याप्त है?",
        "नहीं।",
    ]


def test_windows_keep_glued_sentences_together():
    """A window is cut where the index was cut: a glued sentence stays in its neighbour's piece."""
    text = "One flight flew.Two flights flew. Three flights flew. Four flights flew. Five flights flew."
    windows = Segmenter(PassageSettings(max_chars=700, max_sentences=2, overlap=0)).run(text, "en")
    assert [text[a:b] for a, b in windows] == [
        "One flight flew.Two flights flew. Three flights flew.", "Four flights flew. Five flights flew."]
