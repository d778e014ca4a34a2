"""What a question asks (index/search/question.py): its language and the kinds of figure it expects."""
import pytest

from index.search import expected_kinds, question_lang
from index.search.question import without_markup

from tests.index.conftest import SEED_HI


def test_question_analysis():
    assert question_lang(SEED_HI) == "hi" and question_lang("How many sellers?") == "en"
    # no letters at all (a bare number or date): the interface language of the channels, English
    assert question_lang("86,000") == "en" and question_lang("2024-25") == "en" and question_lang("") == "en"
    assert "count" in expected_kinds("How many sellers are on GeM?")
    assert expected_kinds("कितने प्रतिशत किसानों को लाभ मिला?") == {"percent"}
    # an inflation asked in Hindi is a rate, as "inflation" is in English (not the index's 110.2)
    assert expected_kinds("जून 2026 में थोक मूल्य मुद्रास्फीति कितनी थी?") == {"percent"}
    assert expected_kinds("What was wholesale price inflation in June 2026?") == {"percent"}
    assert expected_kinds("खुदरा महंगाई दर कितनी रही?") == {"percent"}
    assert expected_kinds("जुलाई 2026 में महंगाई कितनी रही?") == {"percent"}
    # रेट, the loanword, asked for as दर is; not a name that holds it ("फ्लोटिंग रेट बॉन्ड की कितनी राशि")
    assert expected_kinds("इटली में केस फेटेलिटी रेट कितनी थी?") == {"percent"}
    assert expected_kinds("रेपो रेट क्या है?") == {"percent"}
    assert "percent" not in expected_kinds("फ्लोटिंग रेट बॉन्ड 2031 की कितनी राशि की नीलामी हुई?")
    assert expected_kinds("When was the scheme launched?") == {"date"}
    # "when" that opens a clause asks for no date
    assert expected_kinds("How much wheat was procured since 15 April 2020, when the season began?") == {
        "money", "quantity", "count"}
    assert "date" not in expected_kinds("How old was he when he played?")
    assert expected_kinds("And when did it start?") == {"date"}
    # "by how much did it grow": a rate or an amount
    assert expected_kinds("By how much did cement output grow year-on-year in July 2026?") == {
        "percent", "money", "quantity", "count"}
    assert expected_kinds("By how much did household income go up in NRLM blocks?") == {  # a verb of two words
        "percent", "money", "quantity", "count"}
    assert expected_kinds("By how much had India cut the emissions intensity of its GDP?") == {  # a cut
        "percent", "money", "quantity", "count"}
    assert expected_kinds("By how much has the ministry reduced pending cases?") == {
        "percent", "money", "quantity", "count"}
    assert expected_kinds("By how much did the ice shelf extend?") == {"money", "quantity", "count"}
    assert "money" in expected_kinds("What was gross GST revenue in February 2020?")
    assert expected_kinds("Who chaired the meeting?") == frozenset()


def test_a_count_tally_or_toll_named_asks_a_figure():
    """"What was X's case count?" names no "how many", but asks one as "the number of" does."""
    assert "count" in expected_kinds("What was Gujarat's total COVID-19 case count on 3 May 2020?")
    assert "count" in expected_kinds("What was the death toll in Kerala?")
    assert "count" in expected_kinds("What is the national tally of recoveries?")


def test_a_taxs_collection_or_revenue_asks_for_a_sum_of_money():
    # not the 83.53 lakh GSTR-3B returns "filed for the month of January" beside February's collection
    for q in ("GST collection in January 2020", "How much GST was collected in January 2020?",
              "Gross GST revenue for February 2020?", "What was the revenue from cess in 2025-26?",
              "जनवरी 2020 में जीएसटी संग्रह कितना रहा?", "हरियाणा का फरवरी 2019 का जीएसटी राजस्व?"):
        assert expected_kinds(q) == {"money"}, q
    assert expected_kinds("How many GSTR-3B returns were filed in January 2020?") == {"count", "quantity"}
    assert expected_kinds("What was the growth in GST revenue in February 2020?") == {"percent"}
    assert expected_kinds("What was the milk collection in Anand?") == {"money", "quantity", "count"}


def test_money_cue_asks_for_money_alone():
    """A sum of money named as such (the `money_cue` candidate); an index's value, or "how much", may be
    any measure, and without the setting every sum asks for any measure."""
    def kinds(q):
        return expected_kinds(q, money_cue=True)

    assert kinds("What was the value of minor forest produce procured by Van Dhan Kendras?") == {"money"}
    assert kinds("What is the total cost of the project?") == {"money"}
    assert kinds("प्रशिक्षुओं को स्टाइपेंड की कितनी राशि दी गई?") == {"money"}
    assert kinds("कृषि छात्रों को कितनी छात्रवृत्ति राशि जारी की गई?") == {"money"}  # the sum's name between
    # the sum named before the interrogative, as Hindi often asks: "outlay how much", "cost how much"
    assert kinds("पीएम मित्र पार्क योजना का कुल परिव्यय कितना है?") == {"money"}
    assert kinds("परियोजना की लागत कितनी है?") == {"money"}
    assert kinds("FC-16 ने छत्तीसगढ़ की पंचायतों के लिए कितना अनुदान सुझाया है?") == {"money"}  # a grant
    assert kinds("किसानों को मुआवज़ा कितना दिया गया?") == {"money"}
    assert kinds("परियोजना के लिए कितनी जमीन आवंटित की गई?") == {"money", "quantity", "count"}  # a verb, no sum
    assert kinds("What percentage of the budget was spent?") == {"percent"}
    assert kinds("What was the value of the index of industrial production?") == {"money", "quantity", "count"}
    assert kinds("How much peak demand has been avoided?") == {"money", "quantity", "count"}
    assert kinds("What was the amount of rainfall in June?") == {"money", "quantity", "count"}
    assert expected_kinds("What is the total cost of the project?") == {"money", "quantity", "count"}


def test_how_many_asks_for_a_count_or_a_quantity_unless_money_or_a_scale_follows():
    assert expected_kinds("How many tigers are there in India?") == {"count", "quantity"}
    assert expected_kinds("How many tonnes of cargo were carried?") == {"count", "quantity"}
    for q in ("How many lakh houses were built?", "How many people got Rs 500?", "कितने लोगों को टीका लगाया गया?"):
        assert expected_kinds(q) == {"count", "quantity", "money"}, q


@pytest.mark.parametrize("question", [
    "How many crore rupees were released?", "How many rupees per quintal is the MSP?",
    "प्रधानमंत्री मत्स्य संपदा योजना में कितने करोड़ रुपये के प्रस्ताव मंजूर हुए?", "किसानों को कितने रुपए मिले?",
    "कितनी लाख रुपये की सहायता दी गई?"])
def test_a_currency_named_with_the_interrogative_asks_for_money(question):
    assert expected_kinds(question) == {"money"}


def test_measures_asked_by_name_expect_a_figure():
    assert expected_kinds("What is the expected sugar production in the current season?") == {"money", "quantity", "count"}
    assert expected_kinds("What investment is projected in the 31 proposals?") == {"money", "quantity", "count"}
    assert expected_kinds("What was India's installed wind power capacity as on 31 July 2026?") == {
        "money", "quantity", "count"}
    assert expected_kinds("What was WPI inflation for manufactured products in June 2026?") == {"percent"}
    assert expected_kinds("What is the maximum monthly stipend paid to an apprentice?") == {"money", "quantity", "count"}
    assert expected_kinds("What is the compensation for each affected family?") == {"money", "quantity", "count"}
    assert expected_kinds("What is the revised MSP for wild honey?") == {"money", "quantity", "count"}
    assert expected_kinds("What is the relocation package per family?") == {"money", "quantity", "count"}
    # an index or a score is a number too ("The FI Index increased from 43.4 in March 2017 to 70.0 ...")
    assert expected_kinds("What was India's Financial Inclusion Index in March 2017?") == {"money", "quantity", "count"}
    assert expected_kinds("What was the state's score in the export preparedness index?") == {"money", "quantity", "count"}
    # a query without an interrogative that names a measure asks its figure; one that names none asks none
    assert expected_kinds("Tamil Nadu's exports for the month of February 2020?") == {"money", "quantity", "count"}
    assert expected_kinds("Tamil Nadu's GST revenue for the month of February 2020?") == {"money"}  # a tax's
    assert expected_kinds("GST collection February 2020") == {"money"}
    assert expected_kinds("Who chairs the GST council?") == frozenset()
    assert expected_kinds("PM SVANidhi scheme for street vendors") == frozenset()
    assert expected_kinds("What is the name of the scheme for street vendors?") == frozenset()
    # a ratio or a share, in Hindi as in English
    assert expected_kinds("सकल नामांकन अनुपात कितना है?") == {"percent", "ratio"}  # a ratio written as a percentage or as one
    assert expected_kinds("निर्यात में राज्य की कितनी हिस्सेदारी है?") == {"percent"}


def test_a_stated_hundred_percent_is_not_the_percent_asked_for():
    assert expected_kinds("कितने गांवों को शत-प्रतिशत नल कनेक्शन से जोड़ा जाएगा?") == {"count", "quantity", "money"}
    assert expected_kinds("कितने प्रतिशत घरों में नल कनेक्शन है?") == {"percent"}


def test_how_much_below_or_above_asks_a_difference_a_rate_too():
    """"How much below normal was the rainfall?" is answered by "35% below-normal": a rate, not only an amount."""
    assert "percent" in expected_kinds("How much below normal was the rainfall in June 2026?")
    assert "percent" in expected_kinds("जून 2026 में सामान्य से कितनी कम बारिश हुई?")
    assert "percent" in expected_kinds("How much higher were exports than last year?")
    assert "percent" not in expected_kinds("How much money was released to Meghalaya?")
    assert "percent" not in expected_kinds("कितनी राशि जारी की गई?")


def test_a_word_holding_when_is_no_question_of_when():
    """रकबा (area) spells कब (when) inside it."""
    assert expected_kinds("सोयाबीन का रकबा कितना था?") == {"count", "quantity", "money"}
    assert expected_kinds("योजना कब शुरू हुई?") == {"date"}


@pytest.mark.parametrize("question", [
    "What is the last date for filing nominations?", "During which dates is Har Ghar Tiranga being celebrated?",
    "What is the date of the polling?", "What was the polling date?",
    "नामांकन दाखिल करने की आखिरी तारीख क्या है?", "मतदान की तिथि क्या है?", "नामांकन की अंतिम तिथि बताइए",
])
def test_a_date_asked_by_its_name_asks_for_a_date(question):
    assert expected_kinds(question) == {"date"}


def test_a_date_named_in_passing_asks_for_what_the_question_asks():
    assert expected_kinds("How many were registered since the date of launch?") == {"count", "quantity"}
    assert expected_kinds("How many dates were fixed for the polls?") == {"count", "quantity"}
    # a last date the question's time is told by, not the date asked (1628365: 37 seats filled unopposed)
    assert "count" in expected_kinds(
        "राज्यसभा चुनाव में नाम वापसी की आखिरी तारीख के बाद कितनी सीटें निर्विरोध भर गईं?")
    assert "count" in expected_kinds("अंतिम तिथि तक कितने आवेदन आए?")
    assert "count" in expected_kinds("Seats filled unopposed after the last date of withdrawal: how many?")


@pytest.mark.parametrize("question, read", [
    ("<p>How many sellers on <b>GeM</b>?</p>", "How many sellers on GeM?"),
    ("<script>alert(1)</script>", ""),
    ("<img src=x onerror=alert(1)>", ""),
    ("GST <style>p{color:red}</style>revenue", "GST revenue"),
    # not markup: a comparison, a share below a bound, a tag no browser knows
    ("x<y and y>z", "x<y and y>z"),
    ("districts with <5% growth", "districts with <5% growth"),
    ("<foo>bar</foo>", "<foo>bar</foo>"),
])
def test_a_question_is_read_without_its_markup(question, read):
    assert without_markup(question) == read


def test_a_running_total_asked():
    from index.search.question import asks_so_far

    assert asks_so_far("How many Mauritians have been trained so far?")
    assert asks_so_far("योजना के तहत अब तक कितने घर बने?")
    assert asks_so_far("How much has been spent since inception?")
    assert not asks_so_far("How many houses were built in 2025-26?")
    assert not asks_so_far("Since when has the scheme run?")  # "since" alone asks a time


@pytest.mark.parametrize("question", [
    "PMAY-G houses still under construction in Madhya Pradesh, FY 2021-22 to 2025-26?",
    "Jan Aushadhi Kendras in North 24 Parganas?",
    "मध्य प्रदेश में जेम पर विक्रेता?",
    "मध्य प्रदेश के किसानों को पीएम-किसान की किस्त?",  # किसान is no किस
])
def test_a_phrase_typed_as_a_question_asks_a_figure(question):
    assert "count" in expected_kinds(question)


@pytest.mark.parametrize("question, unit", [
    ("ken betwa hydropower mw", "MW"),
    ("cuddalore beach sand heavy minerals tonnes", "tonne"),
    ("rooftop solar capacity gujarat gw", "GW"),
    ("delhi meerut rrts length km", "km"),
])
def test_a_search_phrase_ending_with_a_unit_asks_its_answer_a_quantity(question, unit):
    from index.answerable import asked_unit, unit_named_last
    from index.search.question import searched_kinds

    assert searched_kinds(question) == {"quantity"} and unit_named_last(question) == unit
    assert asked_unit(question) is None  # no unit a release must state: a table may leave it to its header


@pytest.mark.parametrize("question", ["kitne kisan ha", "wild honey msp per kg", "How many tonnes?", "ek mu"])
def test_a_two_letter_word_a_rate_or_a_question_asks_no_unit_by_its_last_word(question):
    from index.search.question import searched_kinds

    assert searched_kinds(question) != {"quantity"}


@pytest.mark.parametrize("question", [
    "GeM agreement with Madhya Pradesh",  # no question mark: a search, not a question
    "Who signed the GeM agreement?",
    "Tell me about the GeM agreement?",
    "जेम समझौते के बारे में बताइए?",
    "सुपर बाउल XLIX किसने जीता?",
    "मार्ली मैटलिन ने किसका अनुवाद किया?",
    "किन खिलाड़ियों ने अनुवाद किया?",
    "आदिम जबड़े वाले कशेरुकियों के दो उदाहरण हैं?",  # a sentence, asked yes or no
])
def test_a_phrase_with_an_interrogative_or_without_a_question_mark_is_not_read_so(question):
    assert not expected_kinds(question)


@pytest.mark.parametrize("question", [
    "chitrakoot banda raid pouches seized",
    "NM-ICPS startups incubated",
    "PMAY-G houses sanctioned FY 2025-26",
    "DPIIT recognised startups number",
    "DGGI tobacco evasion detected since Feb 2026 total",
    "FutureSkills PRIME certified candidates Tamil Nadu",  # the things counted, then where
    "GeM SHG sellers in Bengaluru",
    "ujjwala connections Bihar 2019-20",
    "EEZ access passes gujarat as on 5 aug 2026",  # a place typed in small letters, a day after it
    "Sikkim foreign tourist visits 2025",  # the place first, the things counted last
    "total lpg connections india 2014",  # the whole country, which is no known place
    "pm rahat total victims benefitted till 31 july 2026",  # a day after what was done to them
    "startups recognised since 2016",
    "GeM sellers all India",
    "cert-in cyber incidents 2025",  # the things counted, then a time: a count of that time
    "ehtp units fy 2025-26",
])
def test_a_search_phrase_naming_things_counted_and_what_was_done_to_them_or_where_asks_its_answer_a_figure(question):
    from index.search.question import searched_kinds

    assert "count" in searched_kinds(question) and not expected_kinds(question)


@pytest.mark.parametrize("question", [
    "GeM agreement with Madhya Pradesh",
    "Bus services resumed in Delhi",  # what was done, but not to things counted at the search's end
    "How many pouches were seized?",  # a question: asked of the ranking as well (expected_kinds)
    "Who were the persons arrested",
    "Vigyan Tech 2026 kab hua tha",
    "Cabinet approves new railway line in Odisha",  # a place after a singular noun
    "Who are the sellers in Bengaluru",
    "Bus services resumed in India",
    "make in india",
    "lion cubs born 2025",  # what was done to them, not the things counted, before the time
    "Cabinet approves new railway line 2026",
])
def test_a_search_phrase_or_question_that_asks_no_count_of_its_answer_is_not_read_so(question):
    from index.search.question import searched_kinds

    assert not searched_kinds(question)


def test_what_happened_on_a_day_asks_that_days_figure_not_the_running_total():
    from index.search.question import asks_one_day

    assert asks_one_day("How many samples were tested on 2 June 2020?")
    assert asks_one_day("2 जून 2020 को कितने नमूनों की जांच हुई?")
    assert asks_one_day("How many flights were operated on March 29?")
    # a state up to the day is its running total
    assert not asks_one_day("How many people had recovered as on 3 June 2020?")
    assert not asks_one_day("How many cases were there by 3 May 2020?")
    assert not asks_one_day("3 मई 2020 तक कितने मरीज ठीक हुए?")
    assert not asks_one_day("How many samples were tested in all till 2 June 2020?")


def test_the_scale_a_question_names_after_its_interrogative():
    from index.search.question import asked_scale

    assert asked_scale("ई-कोर्ट्स में कितने करोड़ पन्ने डिजिटाइज हुए?") == 10**7
    assert asked_scale("How many lakh farmers got the instalment?") == 10**5
    assert asked_scale("कितने हजार करोड़ रुपये जारी हुए?") == 10**7  # a compound is written in its last word
    assert asked_scale("How many farmers got the instalment?") is None
    assert asked_scale("कितने क्रेडिट कार्ड जारी हुए?") is None  # "cr" only as a word of its own


def test_the_numbers_a_question_states_are_given():
    from decimal import Decimal

    from index.search.question import given_values

    assert given_values("बीएसएनएल के 2,399 रुपये वाले सालाना प्लान की वैधता कितने दिन की है?") == {Decimal(2399)}
    assert given_values("How many samples were tested on 2 June 2020?") == frozenset()  # a day is the question's time
    assert given_values("What was the MSP of paddy for 2020-21?") == frozenset()


def test_the_part_asked_is_what_sets_it_apart_from_its_whole():
    from index.search.question import asked_part

    assert asked_part("Of SpiceJet's cargo flights between 24 March and 3 April 2020, how many were international?") == {"internat"}
    assert asked_part("How many of the 685 Indians embarked at Colombo on 1 June 2020 were men?") == {"men"}
    assert asked_part("स्पाइसजेट की कार्गो उड़ानों में से कितनी अंतरराष्ट्रीय थीं?") == {"अंतरराष्ट्रीय"}
    # the whole's own words set nothing apart; a question of no part asks none
    assert asked_part("How many of the girls selected were girls from rural areas?") == {"rural", "area"}
    assert asked_part("How many people were detained in Haryana?") == frozenset()


def test_a_ratio_or_a_funding_pattern_asked_is_a_ratio_or_a_percentage():
    assert expected_kinds("What is the pupil teacher ratio at the middle stage?") == {"percent", "ratio"}
    assert "ratio" in expected_kinds("What is the funding pattern between Centre and States?")


@pytest.mark.parametrize("question", [
    "What % of entry-level seats must private unaided schools keep under RTE?",
    "Termination compensation applies once physical progress hits what %?",
    "कितने % मतदान हुआ?",
    "Bihar me kitne % vote pade?",
    "logistics cost India % of GDP NCAER study",  # the sign for the word, after no number
])
def test_a_percent_sign_asked_asks_a_percentage(question):
    assert expected_kinds(question) == {"percent"}


@pytest.mark.parametrize("question", [
    "What is the model error of the 2020 monsoon long range forecast?",  # "±4%"
    "2021-2025 me IMD ke april wale pehle stage forecast ka average error kitna tha?",
])
def test_a_forecast_s_error_asked_asks_a_percentage(question):
    assert expected_kinds(question) == {"percent"}


def test_a_percent_sign_after_its_number_is_given_not_asked():
    assert "percent" not in expected_kinds("Which scheme gives 50 % subsidy?")
    assert "percent" not in expected_kinds("How many got 25 % more?")


@pytest.mark.parametrize("question", [
    "What position did JNCASR Bengaluru get in the Nature Index for quality of research?",
    "What was JNPT's rank in the World Bank's CPPI 2025?",
    "Innovation index में India की ranking कितनी है?",
    "India's rank in the Global Innovation Index in 2025?",  # whose rank, with no "what"
    "Where did India rank in the Stanford Global AI Vibrancy Report 2025?",  # where it stands
])
def test_a_rank_asked_asks_an_ordinal_or_a_count(question):
    assert expected_kinds(question) == {"ordinal", "count"}


def test_where_a_rank_list_is_asks_no_rank():
    assert not expected_kinds("Where is the rank list published?")


def test_a_number_to_call_asks_no_count():
    """"the toll-free number for mobile veterinary units" read "toll" as a death toll's, and the answer
    showed the 29 States of its sentence as the figure asked."""
    assert expected_kinds("What is the toll-free number for mobile veterinary units?") == frozenset()
    assert expected_kinds("What is the helpline number of Tele MANAS?") == frozenset()
    assert "count" in expected_kinds("What was the death toll in Kerala?")
    assert "count" in expected_kinds("What is the number of beneficiaries?")


@pytest.mark.parametrize("question", [
    "What was the total LGF support Ruby Devi received for her food expenses?",
    "What is the family income limit for the post-matric scholarship?",
    "What is the overall weightage, in marks, under the ranking framework?",
    "What minimum rainfall must the stations record on two consecutive days?",
    "How old is Ashok Kumar Samantaray?",
    "From what age are senior citizens covered under AB-PMJAY?",
    "What's the max yearly family income to get an NMDFC loan?",
    "whats the budget for PMAY-G?",
    "At what depth did NIOT test its seabed mining system?",
    "What resolution was the meteoGAN model tested at?",
    "Estimated enrolment in higher education quoted at the conference?",
    "What is the Centre's share in the Jal Jeevan Mission outlay?",
    "What did states get as SGST revenue after regular settlement in Feb 2020?",
    "What were the FDI inflows from Singapore into India in FY 2025-26?",
    "india singapore bilateral trade fy26",
    "What was KCC coverage for livestock farmers back in 2021-22?",
    "What's the cap per hectare on the one-time aquaculture insurance incentive?",
    "karnataka post matric SC central share 2024-25",
    "What was Singapore's FDI into India in FY 2025-26?",
    "What is the maximum matching funding a startup can get under MeitY's SAMRIDH programme?",
    "census 2027 money released to states so far",
    "garud binoculars weight",
])
def test_a_measure_or_an_age_asked_by_its_name_asks_a_figure(question):
    assert {"count", "quantity"} <= expected_kinds(question)


def test_fdi_named_as_a_policy_asks_no_figure():
    assert not expected_kinds("What is the FDI policy for coal mining?")


def test_trade_named_as_a_thing_not_a_sum_asks_no_figure():
    assert not expected_kinds("What trade agreement did India sign with Singapore?")
    assert not expected_kinds("India Singapore trade talks")


def test_a_share_asked_by_its_name_asks_a_percentage_or_an_amount():
    assert "percent" in expected_kinds("What was the out-of-pocket share of total health spending in 2022-23?")
    assert {"percent", "money"} <= expected_kinds("What is the Centre's share in the Jal Jeevan Mission outlay?")
    assert "percent" not in expected_kinds("What is the share price of LIC?")


@pytest.mark.parametrize("question", [
    "जीडीपी में एमएसएमई का हिस्सा कितना है?",
    "स्वास्थ्य खर्च में जेब से होने वाले खर्च की हिस्सेदारी कितनी थी?",
    "apprenticeship me mahilao ka share kitna he ab",  # read as "... share कितना ..."
])
def test_a_share_asked_how_much_in_hindi_asks_a_percentage_or_an_amount(question):
    from index.romanised import reading

    typed = reading(question)
    assert {"percent", "money"} <= expected_kinds(typed.text if typed else question)


def test_an_age_asked_is_no_sum_of_money():
    assert expected_kinds("How old is the oldest member of the team?") == {"count", "quantity"}


@pytest.mark.parametrize("question", [
    "Which edition of the Women's Science Congress was held in Bengaluru?",
    "Which session of the Dekho Apna Desh webinar series was the one on Kutch?",
    "कच्छ पर हुआ वेबिनार इस सीरीज़ का कौन सा वेबिनार था?",
    "चेन्नई में हो रही ब्रिक्स बैठक कितनवीं है?",
    "Which meeting number was the BRICS working group held in Goa?",
    "Which meeting number of the National Council for Senior Citizens did the minister chair?",  # "of" after it
    "The diaspora in Kenya has been recognised as which number tribe?",
    "Which convocation of IIT Delhi was held on Saturday?",
    "आयोग अगस्त में कौन सा स्थापना दिवस मना रहा है?",
    "डिजिटल लाइफ सर्टिफिकेट के कौन-से नंबर के अभियान की गाइडलाइंस जारी होंगी?",
    "कौन-सी किस्त जारी हुई?",
    "वंदे मातरम की कौनसी सालगिरह मनाई जा रही है?",
    "बोलसोनारो भारत के कौन-से गणतंत्र दिवस समारोह में मुख्य अतिथि बने थे?",
    "Which Independence Day was it when the President addressed the nation?",
])
def test_which_one_of_a_series_asks_an_ordinal(question):
    assert expected_kinds(question) == {"ordinal"}


@pytest.mark.parametrize("question", [
    "At which NEC plenary was agarwood export promotion emphasised?",
    "The action plan was released at which India-Japan annual summit?",
    "दक्षिणी क्षेत्रीय परिषद की महाबलीपुरम बैठक कौन सी बैठक है?",
    "पदक जीतने की यह लगातार कौन सी बार थी?",
])
def test_one_of_a_bodys_numbered_meetings_asks_its_answer_an_ordinal_and_not_its_ranking(question):
    """A Hindi "कौन-सी बैठक" asked of the ranking lifts any release stating an ordinal (an awards' 9th
    ceremony) above the meeting's own English release, whose "Meeting" the question does not spell."""
    from index.search.question import searched_kinds

    assert searched_kinds(question) == {"ordinal"} and "ordinal" not in expected_kinds(question)


@pytest.mark.parametrize("question", ["Which state hosted the meeting?", "Who chaired the summit?", "कौन सा बारकोड?"])
def test_a_meeting_named_with_no_one_of_a_series_asked_asks_no_ordinal(question):
    from index.search.question import searched_kinds

    assert "ordinal" not in searched_kinds(question)


@pytest.mark.parametrize("question", [
    "Which session of Parliament passed the bill?",
    "What was the theme of the webinar?",
    "किस नंबर पर शिकायत दर्ज कराएं?",
    "What is the helpline number of NHAI?",
    "What number should farmers call?",
    "कौन सा नंबर डायल करें?",
    "Which day is Republic Day?",  # a date
    "कौन सा दिन गणतंत्र दिवस है?",
])
def test_a_question_of_a_name_or_a_number_to_call_asks_no_ordinal(question):
    assert "ordinal" not in expected_kinds(question)


def test_the_currency_a_question_names():
    from index.search.question import asked_currency

    assert asked_currency("What was the rupee value of seafood exports?") == "INR"
    assert asked_currency("निर्यात कितने डॉलर का हुआ?") == "USD"
    assert asked_currency("exports in Rs crore") == "INR"
    assert asked_currency("How much in ₹ and in $?") is None  # two named: neither
    assert asked_currency("Tell me about RSVP rules") is None


def test_a_percentage_the_value_asked_changed_from_asks_a_percentage():
    assert expected_kinds("What has the margin money requirement been cut to from 20%?") == {"percent"}
    assert expected_kinds("PACS गोदामों के लिए पूंजीगत सब्सिडी 25% से बढ़कर कितनी की गई है?") == {"percent"}
    assert expected_kinds("मानसून पूर्वानुमान की औसत गलती 7.8 प्रतिशत से घटकर कितनी हो गई?") == {"percent"}
    # a count it changed from asks a count
    assert "percent" not in expected_kinds("How many villages did it rise to from 20?")


def test_where_something_stands_among_others_asks_its_rank():
    assert expected_kinds("Where does India stand globally in patent filings these days?") == {"ordinal", "count"}
    assert expected_kinds("पेटेंट फाइलिंग में भारत किस स्थान पर है?") == {"ordinal", "count"}
    assert "ordinal" not in expected_kinds("Where does the proposal stand?")


def test_a_share_asked_kitna_before_it_asks_a_percentage_or_an_amount():
    assert "percent" in expected_kinds("2025-26 में चीनी उत्पादन का कितना हिस्सा एथेनॉल के लिए मोड़ा गया?")
    assert "percent" in expected_kinds("Defence R&D budget का कितना hissa startups के लिए खोला गया?")
    assert "percent" in expected_kinds("fisheries sector का total GVA में hissa कितना है")
    assert "percent" not in expected_kinds("How many share certificates were issued?")
