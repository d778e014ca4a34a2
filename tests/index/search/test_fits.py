"""How well a passage and each of its figures fit the question (index/search/fits.py), on small
hand-built cases: the figure chosen within a release by its words, unit, date, label and table row,
and the places a passage names."""
from index.search import FigureCues, HybridSearcher, expected_kinds

from tests.index.conftest import _idf, _passage


def test_figure_fit_prefers_the_figure_whose_words_match_the_question():
    q = "How many sellers registered on GeM?"
    sellers = _passage("More than 86,000 sellers registered on GeM this year.")
    buyers = _passage("More than 4,000 buyers placed orders worth Rs 500 crore.")
    kinds = expected_kinds(q)
    assert HybridSearcher.figure_fit(sellers, kinds, _idf(q)) > HybridSearcher.figure_fit(buyers, kinds, _idf(q))
    assert HybridSearcher.figure_fit(sellers, frozenset(), _idf(q)) == 0.0  # no kind asked: no preference


def test_figure_fit_prefers_the_figure_in_the_unit_asked_for():
    q = "How many tonnes of medical cargo did the flights carry?"
    tonnes = _passage("The flights carried 1,000 tonnes of medical cargo.")
    flights = _passage("The flights, 588 of them, carried medical cargo.")
    kinds = expected_kinds(q)
    assert HybridSearcher.figure_fit(tonnes, kinds, _idf(q), FigureCues(unit="tonne")) > HybridSearcher.figure_fit(
        flights, kinds, _idf(q), FigureCues(unit="tonne"))
    # Without the unit both hold a count-like figure with the question's words around it.
    assert abs(HybridSearcher.figure_fit(tonnes, kinds, _idf(q)) - HybridSearcher.figure_fit(flights, kinds, _idf(q))) < 0.2


def test_figure_fit_takes_a_figure_in_another_unit_of_the_asked_measure_as_in_the_unit_asked():
    """2298208: "nuclear energy mission target capacity by 2047 in MW", stated as 100 GW, took a count."""
    q = "nuclear energy mission target capacity by 2047 in MW"
    passage = _passage("The Mission targets 100 GW by 2047; 5 nuclear energy mission reactors add capacity.")
    fits = HybridSearcher.figure_fits(passage, expected_kinds(q), _idf(q), FigureCues(unit="MW"))
    by_text = {passage.figures[i].text: fit for i, fit in fits.items()}
    assert by_text["100 GW"] > by_text["5"]


def test_figure_fit_prefers_the_figure_of_the_asked_date():
    from index.timeq import read_time

    q = "How many patients had recovered as on 3 June 2020?"
    window = read_time(q).window
    on_3rd = _passage("As on 3 June 2020, 95,527 patients have recovered.")
    on_2nd = _passage("As on 2 June 2020, 91,819 patients have recovered.")
    kinds = expected_kinds(q)
    assert HybridSearcher.figure_fit(on_3rd, kinds, _idf(q), FigureCues(window=window)) > HybridSearcher.figure_fit(
        on_2nd, kinds, _idf(q), FigureCues(window=window))
    both = _passage("As on 2 June 2020, 91,819 patients had recovered. As on 3 June 2020, 95,527 patients had recovered.")
    a, b = HybridSearcher.best_sentence(both, _idf(q), kinds, FigureCues(window=window))
    assert "95,527" in both.text[a:b]
    q2 = "How many patients had recovered as on 2 June 2020?"
    a, b = HybridSearcher.best_sentence(both, _idf(q2), kinds, FigureCues(window=read_time(q2).window))
    assert "91,819" in both.text[a:b]


def test_place_fit_prefers_the_paragraph_of_the_asked_state_unless_the_release_is_about_it():
    from index.names import question_names

    q = "How many COVID-19 deaths had Madhya Pradesh recorded by 3 May 2020?"
    places = [n for n in question_names(q) if n.kind == "known"]
    state = _passage("मध्य प्रदेश: राज्य में कोविड-19 से अब तक 151 लोगों की मृत्यु हुई है।", "hi")
    other = _passage("राजस्थान: राज्य में 1,121 मरीज ठीक हो चुके हैं।", "hi")
    bulletin = "कोविड-19 पर पीआईबी का दैनिक बुलेटिन"
    assert HybridSearcher.place_fit(state, places, bulletin) == 1.0
    assert HybridSearcher.place_fit(other, places, bulletin) == 0.0
    # A release about Madhya Pradesh names it in its title: it then tells no passage apart.
    assert HybridSearcher.place_fit(state, places, "मध्य प्रदेश में कोविड-19") == 0.0


def test_group_fit_prefers_the_passage_naming_the_asked_part_of_the_population_unless_the_title_does():
    from index.answerable import asked_groups

    q = "What was the labour force participation rate of women aged 15 and above in July 2026?"
    groups = [named for _, named in asked_groups(q)]
    persons = _passage("The LFPR for persons aged 15 years and above increased to 55.8% in July 2026.")
    female = _passage("The female LFPR in rural areas rose to 38.5% in July 2026.")
    bulletin = "PLFS monthly bulletin July 2026"
    assert HybridSearcher.group_fit(female.text, groups, bulletin) == 1.0
    assert HybridSearcher.group_fit(persons.text, groups, bulletin) == 0.0
    # A release about women names them in its title: it then tells no passage apart.
    assert HybridSearcher.group_fit(female.text, groups, "Women in the labour force, July 2026") == 0.0
    assert HybridSearcher.group_fit(female.text, [], bulletin) == 0.0


def test_row_time_prefers_the_table_row_of_the_asked_month_whatever_its_words():
    from index.timeq import read_time

    q = "अप्रैल 2026 में खुदरा महंगाई दर कितनी थी?"
    window = read_time(q).window
    table = ("Month Index Inflation (%) Rural Urban Combined Rural Urban Combined Jan-26 104.59 104.28 104.45 2.73 "
             "2.75 2.74 Feb-26 104.74 104.36 104.57 3.37 3.02 3.21 Mar-26 105.02 104.62 104.84 3.63 3.11 3.40 "
             "Apr-26 105.28 104.92 105.12 3.74 3.16 3.48")
    months = _passage(table)
    headline = _passage("The year-on-year inflation rate for July 2026 is 4.82%.")
    kinds = expected_kinds(q)
    cues = FigureCues(row_window=window)
    assert HybridSearcher.figure_fit(months, kinds, _idf(q), cues) > HybridSearcher.figure_fit(headline, kinds, _idf(q), cues)
    fits = HybridSearcher.figure_fits(months, kinds, _idf(q), cues)
    assert {months.figures[i].text for i in fits} >= {"3.48", "105.12"}  # the April row's cells, any kind
    assert "2.74" not in {months.figures[i].text for i in fits}  # January's row is not asked for
    assert HybridSearcher.figure_fits(months, kinds, _idf(q)) == {}  # off: no cell is a percent


def test_a_row_of_the_asked_time_does_not_make_its_cells_of_another_kind_asked():
    """Jiyo Parsi's "2025-26 0.24 2.93 0.29" is in ₹ crore: no count of the babies born in 2025-26, and
    a near miss whose row was taken for its answer."""
    from index.timeq import read_time

    q = "How many Parsi babies were born in 2025-26 with Jiyo Parsi support?"
    table = ("Expenditure (Rs. in crore) Year Medical Health of Community Advocacy 2023-24 0.31 2.10 0.25 "
             "2024-25 0.28 2.55 0.27 2025-26 0.24 2.93 0.29")
    spent = _passage(table)
    assert all(f.kind == "money" for f in spent.figures if f.text in ("0.24", "2.93"))
    cues = FigureCues(row_window=read_time(q).window)
    assert HybridSearcher.figure_fits(spent, expected_kinds(q), _idf(q), cues) == {}


def test_a_figure_label_holding_the_question_s_words_besides_the_title_s_fits_better():
    q = "What was the year-on-year growth of cement in July 2026 in the index of core industries?"
    title = "Index of Core Industries for the month of July 2026"
    lead = _passage("The Index of Core Industries grew by 5.4 per cent in July 2026 on a year-on-year basis.")
    items = _passage("This is less than the 6.0 per cent of June. Iron Ore, Cement, Electricity and Coal observed "
                     "growth rates of 29.5 per cent, 13.1 per cent, 9 per cent and 7.6 per cent, respectively.")
    assert {f.label for f in items.figures if f.text.startswith("13.1")} == {"Cement"}
    kinds, idf = expected_kinds(q), _idf(q)
    off = HybridSearcher.figure_fit(items, kinds, idf, title=title), HybridSearcher.figure_fit(lead, kinds, idf, title=title)
    assert off[0] < off[1]  # the headline holds the title's words and the month
    cues = FigureCues(label_weight=0.5)
    fits = HybridSearcher.figure_fits(items, kinds, idf, cues, title=title)
    assert items.figures[max(fits, key=fits.get)].text.startswith("13.1")
    cement = next(i for i, f in enumerate(items.figures) if f.text.startswith("13.1"))
    plain = HybridSearcher.figure_fits(items, kinds, idf, title=title)
    assert fits[cement] - plain[cement] == 0.5 * HybridSearcher.coverage(frozenset({"cement"}), idf)
    # the title's words in a label are no evidence: "July" labels the headline's figure
    assert HybridSearcher.figure_fit(lead, kinds, idf, cues, title=title) == off[1]


def test_a_day_s_row_is_that_day_s_only_a_month_s_row_that_month_s():
    import datetime as dt

    from index.search.fits import row_in
    from index.timeq import read_time

    day = read_time("How many wagons of coal were loaded on 31 March 2020?").window
    assert row_in(day, (dt.date(2020, 3, 31), dt.date(2020, 3, 31)))
    assert not row_in(day, (dt.date(2020, 4, 1), dt.date(2020, 4, 1)))  # the next row of a daily table
    month = read_time("What was inflation in April 2026?").window
    assert row_in(month, (dt.date(2026, 4, 1), dt.date(2026, 4, 30)))
    assert not row_in(month, (dt.date(2026, 5, 1), dt.date(2026, 5, 31)))


def test_a_span_of_years_answers_only_a_question_that_names_years_or_an_age():
    from index.answerable import asked_spans

    passage = _passage("Mera Yuva Bharat is for youth aged 15–29.")
    q = "How many youth are on Mera Yuva Bharat?"
    kinds = expected_kinds(q)
    assert HybridSearcher.figure_fits(passage, kinds, _idf(q)), "without the cue the age is a figure of the kind"
    assert not HybridSearcher.figure_fits(passage, kinds, _idf(q), FigureCues(spans=asked_spans(q)))
    aged = "How many years old may youth on Mera Yuva Bharat be?"
    assert HybridSearcher.figure_fits(passage, expected_kinds(aged), _idf(aged), FigureCues(spans=asked_spans(aged)))
    both = _passage("Mera Yuva Bharat is for youth aged 15–29. More than 2.22 crore youth have registered on it.")
    a, b = HybridSearcher.best_sentence(both, _idf(q), kinds, FigureCues(spans=asked_spans(q)))
    assert "2.22 crore" in both.text[a:b]


def test_a_row_of_the_asked_time_is_one_whose_cell_may_be_asked_and_prose_of_other_times_says_so():
    """What `dated_row_over_prose` (a candidate) reads: a release's row of the asked day, and a passage
    whose figure stands only in a sentence of other times."""
    from index.search.fits import has_row_of, stated_fits
    from index.timeq import read_time

    q = "How many wagons of coal did the Railways load on 26 March 2020?"
    window, kinds = read_time(q).window, expected_kinds(q)
    rows = _passage("Sl.\nNo.\nDate\nNo. of wagons of\ncoal\nNo. of wagons of petroleum products\n1.\n25.03.2020\n"
                    "20418\n1704\n2.\n26.03.2020\n20784\n1724\n3.\n27.03.2020\n20488\n1492")  # a cell a line
    summary = _passage("During last 12 days from 23rd March to 3rd April 2020, Railways loaded and carried 250020 "
                       "wagons of coal.")
    assert has_row_of(rows, window, kinds) and not has_row_of(summary, window, kinds)
    assert stated_fits(summary, kinds, window) == [-1, -1]  # "12 days" and 250020: of the span, not the 26th
    spent = _passage("Expenditure (Rs. in crore) Year Medical Health of Community Advocacy 2023-24 0.31 2.10 0.25 "
                     "2024-25 0.28 2.55 0.27 2025-26 0.24 2.93 0.29")
    q = "How many Parsi babies were born in 2025-26 with Jiyo Parsi support?"
    window, kinds = read_time(q).window, expected_kinds(q)
    assert has_row_of(spent, window) and not has_row_of(spent, window, kinds)  # its cells are ₹ crore


def test_a_column_of_the_asked_time_fits_in_the_row_the_question_names_only():
    """A state-wise table under "Feb-19 Feb-20": February 2020's cell of the row asked for, not
    February 2019's, and not every state's cell under "Feb-20"."""
    from index.timeq import read_time

    q = "How much GST did Rajasthan collect in February 2020?"
    table = ("State-wise GST revenue in February\n(₹ crore)\nState\nFeb-19\nFeb-20\nGrowth\nPunjab\n1,100\n1,229\n"
             "12%\nRajasthan\n2,676\n2,932\n10%\nBihar\n961\n1,121\n17%")
    states = _passage(table)
    kinds, idf = expected_kinds(q), _idf(q)
    fit = {states.figures[i].text: v for i, v in
           HybridSearcher.figure_fits(states, kinds, idf, FigureCues(row_window=read_time(q).window)).items()}
    assert fit["2,932"] > fit["2,676"]
    assert fit["1,229"] == fit["1,100"] < fit["2,676"]  # Punjab's February 2020 is not asked for
    off = {states.figures[i].text: v for i, v in HybridSearcher.figure_fits(states, kinds, idf).items()}
    assert off["2,932"] == off["2,676"]


def test_a_count_in_words_fits_only_a_question_about_the_thing_it_counts():
    passage = _passage("AgriStack is built around three core registries, geo-referenced village maps among them. "
                       "So far 5.52 lakh maps have been completed.")
    maps = "How many geo-referenced village maps has AgriStack completed?"
    fits = HybridSearcher.figure_fits(passage, expected_kinds(maps), _idf(maps))
    assert [passage.figures[j].text for j in fits] == ["5.52 lakh"]  # "three" counts registries, not maps
    a, b = HybridSearcher.best_sentence(passage, _idf(maps), expected_kinds(maps))
    assert "5.52 lakh" in passage.text[a:b]
    registries = "How many core registries is AgriStack built around?"
    fits = HybridSearcher.figure_fits(passage, expected_kinds(registries), _idf(registries))
    assert [passage.figures[j].text for j in fits] == ["three", "5.52 lakh"]


def test_a_span_in_words_fits_a_question_naming_its_time_unit():
    from index.answerable import asked_unit

    passage = _passage("The two-day programme is being observed across 83 locations nationwide.")
    days = "ICMR SHINE कितने दिन का है?"
    unit = asked_unit(days, spans=True)
    fits = HybridSearcher.figure_fits(passage, expected_kinds("कितने दिन"), _idf(days), FigureCues(unit=unit))
    assert "two-day" in [passage.figures[j].text for j in fits]
    # asked no span, the span in words is the prose's, as a count in words is
    fits = HybridSearcher.figure_fits(passage, expected_kinds("कितने दिन"), _idf(days))
    assert "two-day" not in [passage.figures[j].text for j in fits]


def test_a_passage_reports_a_figure_of_the_asked_kind_not_by_its_prose_counting_its_parts():
    from index.search.fits import holds_asked_kind

    kinds = expected_kinds("How many start-ups are led by women?")
    assert not holds_asked_kind(_passage("The Mission set up four Translational Research Parks."), kinds)
    assert holds_asked_kind(_passage("The Mission incubated more than 1,130 start-ups."), kinds)
    assert holds_asked_kind(_passage("The Mission set up four (04) Translational Research Parks."), kinds)
