"""Known places read from a text in either script (index/names.py)."""
import pytest

from corpus.readers import bilingual_names
from index.names import (NOT_PLACES, NameIndex, acronym_letters, find_known, place_ending, question_names,
                         short_text_names)


def test_a_tables_capitals_name_the_place_a_hindi_question_asks_about():
    table = NameIndex("48 LALITPUR 103310 5271.977 49 LUCKNOW 141055 3602.933 50 ANDHRA PRADESH 12")
    lucknow = question_names("पीएम पोषण के तहत लखनऊ जिले में कितने बच्चों को भोजन मिला?")
    assert any(n.kind == "known" and table.holds(n) for n in lucknow)
    assert {"known:Lucknow", "known:Andhra Pradesh"} <= table.keys
    assert "known:Lucknow" in table.alone  # a row of its own, so it chooses its passage


def test_capitals_are_no_place_unless_the_whole_name_is_there():
    assert not {k for k in NameIndex("GST collections rose; PM 12; ANDHRA 5").keys if k.startswith("known:")}
    assert "known:Lucknow" not in NameIndex("LUCKNOWITE 12").keys


def test_an_acronym_and_its_number_apart_are_the_name_a_question_writes_joined():
    text = NameIndex("Source: NFHS -5 Report. An order for 156 BMP 2/2k vehicles; GST 12.5 per cent")
    held = {n.text: text.holds(n) for n in question_names("What did NFHS-5 find, and how many BMP-2 or NFHS-4 data?")
            if n.kind == "acronym"}
    assert held == {"NFHS-5": True, "BMP-2": True, "NFHS-4": False}
    assert "acr:GST12" not in text.keys  # 12.5 is a figure, not the acronym's number
    filed = NameIndex("The total number of GSTR 3B Returns filed for the month; GSTR-1 and GSTR 9C too; NH 44 Bypass")
    held = {n.text: filed.holds(n) for n in question_names("How many GSTR-3B, GSTR-9C, GSTR-2A returns on NH-44?")}
    assert held == {"GSTR-3B": True, "GSTR-9C": True, "GSTR-2A": False, "NH-44": True}


def test_a_place_drawn_with_zero_width_joiners_is_held_and_asked():
    assert "known:Maharashtra" in NameIndex("महाराष्\u200dट्र में 20 नए मामले").keys
    assert [n.keys for n in question_names("महाराष्\u200dट्र में कितने मामले?")] == [frozenset({"known:Maharashtra"})]


def test_a_place_s_old_name_and_short_form_are_the_place():
    for asked, held in [("How many in Bombay?", "मुंबई में 20 मामले"), ("कलकत्ता में कितने?", "20 cases in Kolkata"),
                        ("How many in J&K?", "जम्मू-कश्मीर में 20 मामले"), ("बैंगलोर में कितने?", "Bengaluru has 20"),
                        ("How many in Uttaranchal?", "उत्तराखंड में 20")]:
        (name,) = question_names(asked)
        assert name.kind == "known" and NameIndex(held).holds(name), asked


def test_a_place_as_people_type_it_is_the_place():
    for asked, held in [("How many houses in UP?", "Uttar Pradesh 14,80,091"), ("यूपी में कितने घर बने?", "उत्तर प्रदेश में 20"),
                        ("How many in TamilNadu?", "तमिलनाडु में 20"), ("how many in tamil nadu", "Tamil Nadu 20"),
                        ("How many in Chattisgarh?", "Chhattisgarh 15,45,080"), ("How many in Trivandrum?", "तिरुवनंतपुरम में 20"),
                        ("How many in Telengana?", "Telangana 20"), ("WB ke EMRS schools me kitne bacche?", "West Bengal 20"),
                        ("How many village panchayats in MP?", "Madhya Pradesh 23011"), ("एमपी में कितने?", "मध्य प्रदेश में 20"),
                        ("How many in HP?", "हिमाचल प्रदेश में 20"), ("How many in AP?", "Andhra Pradesh 28"),
                        ("TN me kitne?", "Tamil Nadu 8"), ("How much went to the Vizag accelerator?", "AIC, Visakhapatnam"),
                        ("बनारस में कितने घाट?", "Varanasi has 84 ghats"), ("How many in Baroda?", "वडोदरा में 20")]:
        (name,) = [n for n in question_names(asked) if n.kind == "known"]
        assert NameIndex(held).holds(name), asked
    # a release that writes a place so names it: "Tamilnadu", "A&N islands"
    assert {"known:Tamil Nadu", "known:Andaman and Nicobar"} <= NameIndex("Tamilnadu 10; A&N islands 645.77").keys


def test_a_short_form_is_a_place_only_in_its_own_case():
    assert not [n for n in question_names("How many units were set up in 2025?") if n.kind == "known"]
    assert not [n for n in question_names("who chaired the meeting?") if n.kind == "known"]
    assert [n.keys for n in question_names("How many in UP?") if n.kind == "known"] == [frozenset({"known:Uttar Pradesh"})]


def test_a_financial_year_or_quarter_written_as_a_code_is_no_name():
    assert question_names("How much milk did India produce in FY23?") == []
    assert [n.text for n in question_names("What did the NSO estimate in Q1 FY27 and FY2025-26 for MSEs?")] == ["NSO", "MSEs"]
    assert [n.text for n in question_names("PM-MKSSY outlay FY24-FY27")] == ["PM-MKSSY"]  # a range of them


def test_a_plural_name_is_held_by_a_release_that_names_one():
    (chakras,) = [n for n in question_names("How many Kirti Chakras were awarded?") if n.text == "Chakras"]
    assert NameIndex("Kirti Chakra 03 Including 01 Posthumous").holds(chakras)
    assert not NameIndex("Shaurya Medal 11").holds(chakras)
    # a name that ends in -us, -is or -ss is no plural
    (paris,) = [n for n in question_names("How many flights go to Paris?") if n.text == "Paris"]
    assert not NameIndex("Pari village").holds(paris)


def test_a_name_that_begins_with_a_vowel_is_not_held_by_a_word_with_its_consonants_alone():
    (ayushman,) = question_names("How many Ayushman cards were issued?")
    assert not NameIndex("आवश्यक सामान की आपूर्ति").holds(ayushman)  # सामान: goods
    assert NameIndex("आयुष्मान भारत के तहत").holds(ayushman)
    # य and an English initial Y or U say one sound
    assert all(NameIndex(hi).holds(n) for hi, q in [("यमुना नदी", "the Yamuna river"), ("यूरोप के देश", "from Europe")]
               for n in question_names(f"What of {q}?"))


def test_the_place_that_ends_a_header_is_the_place_find_known_finds_there():
    """A table's first row run into its header is found by the names a question's places are
    (index/figures/inline.py): every spelling of a place that ends a header is found there by both,
    and an organisation or a scheme, which heads no row, by find_known alone."""
    header = "District No. of VDVKs sanctioned No. of beneficiaries benefitted "
    for english, hindi, kind in bilingual_names():
        for spelling in (*english.split("|"), *hindi.split("|")):
            text = header + spelling
            assert find_known(text) == {"known:" + english.split("|")[0]: spelling}, text
            assert place_ending(text) == (None if kind in NOT_PLACES else len(header)), text
    # a place's own case, and a whole word of the header
    assert place_ending(header + "UDAIPUR") is None and place_ending(header + "e-Udaipur") is None
    assert place_ending(header + "Udaipur Total") is None  # not at the end


def test_a_plural_acronym_asked_is_held_by_the_singular_written():
    """"How much did NCDC disburse to FPOs?": the release's table has a row "FPO"."""
    fpos = next(n for n in question_names("How much did NCDC disburse to FPOs in Odisha?") if n.text == "FPOs")
    assert fpos.keys & short_text_names("4 FPO 0.27 1.14 2.04 5 Fisheries 0.15")
    gst = next(n for n in question_names("How much GST was collected?") if n.text == "GST")
    assert gst.keys == {"acr:GST"}  # no plural, no singular made of it


def test_a_plural_acronym_written_is_held_by_the_singular_asked():
    """"इसरो ने कितने MoU साइन किए?" against "more than 15 MoUs": small letters in it too, not only ASHAs, SHGs."""
    mous = NameIndex("ISRO/DoS has signed more than 15 MoUs with Central Departments")
    assert [mous.holds(n) for n in question_names("इसरो ने कितने MoU साइन किए? और कितने MoA?")] == [True, True, False]


@pytest.mark.parametrize("question, text", [
    ("INS Sudarshini aur Portugal ke NRP Sagres ki PASSEX exercise kab hai?", "engagements with the Portuguese Navy"),
    ("Japan ke raksha mantri kab mile?", "Japanese Defence Minister Shinjiro Koizumi"),
    ("How many Japanese firms invested?", "investments from Japan"),
    ("अमेरिकी नौसेना के साथ अभ्यास कब हुआ?", "the US Navy and the Indian Navy"),
])
def test_a_country_s_people_name_the_country(question, text):
    [country] = [n for n in question_names(question) if n.kind == "known"]
    assert NameIndex(text).holds(country)
    assert not NameIndex("the Indian Navy alone").holds(country)


def test_the_north_east_is_a_place_in_either_script():
    """"ITM 2019 me North East ke kitne domestic sellers?" was refused as "does not mention East" against "the
    North Eastern Region"; पूर्वोत्तर is the same place."""
    release = NameIndex("79 domestic sellers from the North Eastern Region")
    for question in ("ITM 2019 me North East ke kitne domestic sellers shamil hue?", "पूर्वोत्तर के कितने विक्रेता आए?"):
        [place] = [n for n in question_names(question) if n.kind == "known"]
        assert release.holds(place) and not NameIndex("the North Block office").holds(place)


def test_a_word_with_a_hyphen_holds_the_name_written_joined_and_the_other_way_round():
    """"the Startup India portal" against a release's "Start-up India Portal": its name was missing."""
    [startup] = question_names("How many space startups are registered on the Startup India portal?")
    assert NameIndex("As per the DPIIT Start-up India Portal, around 440 startups are registered.").holds(startup)
    [hyphened] = question_names("How many are registered on the Start-up India portal?")
    assert NameIndex("The Startup India portal lists 440 space startups.").holds(hyphened)
    assert not NameIndex("The Stand-up India scheme lists 440.").holds(startup)


def test_a_place_is_known_in_capitals():
    from index.names import is_place, place_ending

    assert is_place("ANDAMAN AND NICOBAR") and is_place("GOA") and is_place("Odisha") and is_place("DAMAN & DIU")
    assert not is_place("GRAND TOTAL") and not is_place("Odisha Police")
    assert place_ending("KARNATAKA 2563 ANDHRA PRADESH", any_case=True) == 15
    assert place_ending("2524 GOA", any_case=True) == 5 and place_ending("2524 GOA") is None
    assert place_ending("9 PARA", any_case=True) is None and place_ending("SUPERGOA", any_case=True) is None


def test_us_dollars_asked_are_a_currency_not_the_country():
    """"in US dollars" is what a release writes "$474 per tonne"; "exports to the US" asks the country."""
    assert question_names("What was the international price of sugar per tonne on 30 June 2026, in US dollars?") == []
    assert question_names("India's services imports in July 2025, in US$ billion?") == []
    assert question_names("Exports in US Dollars?") == []
    assert [n.text for n in question_names("How much did India export to the US in 2025?")] == ["US"]


def test_a_hindi_word_spelled_in_letter_names_is_no_acronym():
    """टीके (vaccines) reads T and K: a release without "TK" was refused for it."""
    assert acronym_letters("टीके") is None
    assert not [n for n in question_names("लम्पी स्किन रोग के लिए टीके की कितनी खुराक दी गईं?") if n.kind == "acronym"]
    assert acronym_letters("टीवी") == "TV"


def test_a_schemes_names_are_one_and_no_place():
    """The Act and the scheme under it go by each other's acronyms: a question's MGNREGA is held by a
    release's MGNREGS, and मनरेगा by either; a scheme is no place to choose a table's row by."""
    (name,) = question_names("Total persondays generated under MGNREGA since it began?")
    assert name.kind == "known" and NameIndex("MGNREGS Since inception of programme in 2006").holds(name)
    (hindi,) = question_names("मनरेगा के लिए कितना बजट रखा गया?")
    assert NameIndex("Allocation under MGNREGA rose").holds(hindi)
    assert place_ending("Persondays under MGNREGS") is None


def test_a_hyphened_word_of_generic_words_is_no_name():
    # a quarter typed with a hyphen is a time, which the time reader reads, not a name a release must hold
    assert [n.text for n in question_names("What was India's overall LFPR in the Jan-Mar 2026 quarter?")] == ["LFPR"]
    assert [n.text for n in question_names("exports in April-June 2026")] == []
    assert [n.text for n in question_names("LFPR in JAN-MAR 2026")] == ["LFPR"]
    assert [n.text for n in question_names("Who met the Indo-Pacific Vice-President Dhankhar?")] == ["Indo-Pacific", "Dhankhar"]
