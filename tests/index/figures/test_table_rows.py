"""A number in a table written one cell per line takes its row's label (index/figures/rows.py), and
within a release the passage holding the asked row's numbers is chosen, on hand-built tables."""
import dataclasses
from contextlib import contextmanager

from index.figures import FigureExtractor
from index.figures.rows import row_labels
from index.names import question_names
from index.records import Passage
from index.filters import SearchFilters
from index.search import NO_CUES, HybridSearcher, analyse, expected_kinds
from index.lexical import terms

HEADER = "Details of States with Mask Production:\nNo\nState\nDistricts\nMasks produced\nDate of last reporting\n"
ROWS = "1\nBihar\n34\n3,49,517\n03-Apr\n2\nGujarat\n33\n10,49,319\n03-Apr\n3\nKerala\n14\n15,77,770\n03-Apr"


def _labels(text: str, before: str = "") -> dict[str, str | None]:
    return {f.text: f.label for f in FigureExtractor().run(text, before=before) if f.kind == "count"}


def test_each_number_takes_the_nearest_label_above_it_below_the_header():
    labels = _labels(HEADER + ROWS)
    assert labels["3,49,517"] == "Bihar" and labels["10,49,319"] == "Gujarat" and labels["15,77,770"] == "Kerala"
    assert "Masks produced" not in row_labels(HEADER + ROWS).values()  # the header labels no row


def test_a_row_that_runs_on_into_the_next_passage_keeps_its_label():
    text = HEADER + ROWS
    cut = text.index("33\n10,49,319")
    assert _labels(text[cut:], before=text[:cut])["10,49,319"] == "Gujarat"


def test_prose_is_no_table():
    labels = _labels("Gujarat\nSHGs in the State have produced 10,49,319 masks so far, the Ministry said today.")
    assert labels["10,49,319"] != "Gujarat"


def _passage(text: str, before: str, pid: int) -> Passage:
    return Passage(release_id="r", lang="en", start=len(before), end=len(before) + len(text), text=text,
                   figures=FigureExtractor().run(text, before=before), passage_id=pid)


def within_release_fit(q: str, title: str, *passages: Passage) -> dict[int, float]:
    """Each passage's figure fit and place fit for `q`: what chooses a passage within its release."""
    idf = {t: 1.0 for t in terms(q, drop_stopwords=True)}
    places = [n for n in question_names(q) if n.kind == "known"]
    return {p.passage_id: HybridSearcher.figure_fit(p, expected_kinds(q), idf) + HybridSearcher.place_fit(p, places, title)
            for p in passages}


def test_the_passage_with_the_rows_numbers_is_chosen_not_the_one_ending_with_its_label():
    text = HEADER + ROWS
    a, b = text.index("3,49,517"), text.index("33\n10,49,319")
    ends_with_label = _passage(text[a:b], text[:a], 1)  # Bihar's numbers, then "2\nGujarat"
    holds_the_row = _passage(text[b:], text[:b], 2)  # Gujarat's numbers
    fit = within_release_fit("How many masks did Gujarat produce?", "Mask production by State", ends_with_label, holds_the_row)
    assert fit[2] > fit[1]
    assert "known:Gujarat" in analyse(ends_with_label).names  # for the no-answer check it still names Gujarat
    assert "known:Gujarat" not in analyse(ends_with_label).places_alone


def test_a_place_named_only_in_a_list_does_not_choose_the_passage():
    listed = Passage(release_id="r", lang="en", start=0, end=60, passage_id=3,
                     text="SHGs of Bihar, Gujarat and Kerala also produce masks: 132 lakh in all.")
    listed.figures = FigureExtractor().run(listed.text)
    q = "How many masks did Gujarat produce?"
    assert HybridSearcher.place_fit(listed, [n for n in question_names(q) if n.kind == "known"], "") == 0.0


WAGONS = ("Sl.\nNo.\nDate\nNo. of wagons of\ncoal\nNo. of wagons of petroleum products\n8.\n30.03.2020\n21628\n1414\n"
          "9.\n31.03.2020\n28861\n1292\n10.\n01.04.2020\n14078\n1132\nTotal\n64567\n3838\n"
          "To monitor the uninterrupted movement of materials fuelling the power sector, a control room works.")


def test_a_table_whose_rows_have_no_words_labels_its_cells_by_their_dates():
    labels = {f.text: f.label for f in FigureExtractor().run(WAGONS) if f.kind == "count"}
    assert labels["28861"] == labels["1292"] == "31.03.2020" and labels["14078"] == "01.04.2020"
    assert labels["64567"] == "Total"
    # with a word a row, a date is one of the row's cells, not its label ("Gujarat ... 23-Mar ... 33")
    states = "4\nGujarat\n23-Mar\n33\n367\n1,470\n5\nKerala\n24-Mar\n3\n7\n10\n"
    assert {f.text: f.label for f in FigureExtractor().run(states) if f.kind == "count"}["367"] == "Gujarat"


def test_a_dated_table_with_a_total_row_of_words_is_still_labelled_by_its_dates():
    """1610990's flights a day: "Total Flights" is the table's total, not a row of words; the serial
    before a date is the next row's."""
    flights = ("The date wise break up of flights is as below:\nS.\nNo.\nDate\nAir India\nAlliance\nIAF\n"
               "Total flights operated\n1\n26.3.2020\n02\n--\n02\n04\n2\n27.3.2020\n04\n09\n01\n14\n3\n"
               "28.3.2020\n04\n08\n06\n18\nTotal Flights\n10\n17\n07\n36")
    found = [(f.text, f.label) for f in FigureExtractor().run(flights) if f.kind == "count"]
    assert ("14", "27.3.2020") in found and ("09", "27.3.2020") in found and ("18", "28.3.2020") in found
    assert ("2", "26.3.2020") not in found and ("3", "27.3.2020") not in found


def test_the_answer_to_a_cell_is_its_row_from_its_label():
    from index.figures.rows import row_span

    text = HEADER + ROWS
    p = _passage(text, "", 1)
    cell = text.index("10,49,319")
    a, b = row_span(text, p.figures, cell, cell + len("10,49,319"))
    assert text[a:b] == "Gujarat\n33\n10,49,319\n03-Apr"  # up to its label, down to the next row's number
    # Its label in the passage before: the row's cells in this one.
    cut = text.index("33\n10,49,319")
    rest = _passage(text[cut:], text[:cut], 2)
    at = rest.text.index("10,49,319")
    a, b = row_span(rest.text, rest.figures, at, at + len("10,49,319"))
    assert rest.text[a:b] == "33\n10,49,319\n03-Apr"
    # The label's own line, chosen as the answer, is the row too.
    label = text.index("Gujarat")
    a, b = row_span(text, p.figures, label, label + len("Gujarat"))
    assert text[a:b] == "Gujarat\n33\n10,49,319\n03-Apr"
    # A line that labels no cells below it stays as it is.
    header = text.index(HEADER.splitlines()[0])
    assert row_span(text, p.figures, header, header + len(HEADER.splitlines()[0])) == (
        header, header + len(HEADER.splitlines()[0]))
    # A sentence of prose stays as it is.
    prose = "SHGs in Gujarat have produced 10,49,319 masks so far."
    assert row_span(prose, FigureExtractor().run(prose), 0, len(prose)) == (0, len(prose))


MSP = ("Sl. No\nCrops\nProjected Cost* KMS 2020-21\nMSP for Kharif 2020-21\nIncrease in MSP (Absolute)\n"
       "Return over Cost (in %)\n1\nPaddy (Common)\n1,245\n1,868\n53\n50\n2\nPaddy (Grade A)^\n-\n1,888\n53\n-\n"
       "3\nJowar (Hybrid)\n1,746\n2,620\n70\n50")  # as the 2020 scrape wrote PIB's table, one cell a line


def test_a_label_s_row_runs_past_a_cell_with_no_value():
    from index.figures.rows import row_span

    p = _passage(MSP, "", 1)
    label = MSP.index("Paddy (Grade A)^")
    a, b = row_span(MSP, p.figures, label, label + len("Paddy (Grade A)^"))
    assert MSP[a:b] == "Paddy (Grade A)^\n-\n1,888\n53\n-"  # the "-" of no projected cost does not end the row


@contextmanager
def _bundled_release_ingested(tmp_path, settings, embedder, release_id: str, lang: str):
    """A service over one bundled release's version, and that version's passages."""
    from bot.service import Service
    from corpus.readers import bundled_corpus_dir, read_paths

    release = next(r for r in read_paths([bundled_corpus_dir()], langs={lang}) if r.release_id == release_id)
    svc = Service(settings.model_copy(update={"index_dir": tmp_path / "index"}), embedder=embedder)
    try:
        svc.ingest([release])
        yield svc, list(svc.store.passages(list(svc.store.passage_releases(
            SearchFilters(lang=lang, release_id=release_id), [release_id]))).values())
    finally:
        svc.close()


def test_an_answer_that_would_be_a_label_ending_its_passage_moves_to_the_passage_of_its_row(tmp_path, settings,
                                                                                           embedder):
    """The bundled MSP release of 2020 (one cell a line): a window ends on "Paddy (Grade A)^", its
    cells are in the next."""
    with _bundled_release_ingested(tmp_path, settings, embedder, "1628349", "en") as (svc, passages):
        ends_with_label = next(p for p in passages if p.text.endswith("\nPaddy (Grade A)^"))
        searcher = svc.searcher
        q = "Which MSP applies to paddy (Grade A) for 2020-21?"  # no figure asked: the label is the answer sentence
        hit = dataclasses.replace(searcher.run(q).hits[0], passage=ends_with_label)
        idf = {t: 1.0 for t in terms(q, drop_stopwords=True)}
        moved = searcher._row_after_its_label(hit, idf, expected_kinds(q), NO_CUES, (), None)
        assert moved.passage.text.startswith("Paddy (Grade A)^") and "1,888" in moved.passage.text
        # a passage whose answer is not a label it ends on stays
        assert searcher._row_after_its_label(moved, idf, expected_kinds(q), NO_CUES, (), None) == moved


def test_a_window_naming_the_asked_row_gives_way_to_the_window_holding_its_cells(tmp_path, settings, embedder):
    """The bundled WHO table of 1 June 2020 in Hindi (one cell a line, three to a row): a window of
    four lines ends on Italy's label and deaths; its case fatality rate is in the next window."""
    with _bundled_release_ingested(tmp_path, settings, embedder, "1628292", "hi") as (svc, passages):
        names_italy = next(p for p in passages if p.text.endswith("\nइटली\n33,340"))
        q = "इटली में केस फेटेलिटी रेट कितनी थी?"
        hit = dataclasses.replace(svc.searcher.run(q).hits[0], passage=names_italy)
        idf = {t: 1.0 for t in terms(q, drop_stopwords=True)}
        answers = svc.searcher._answers()
        moved = answers.window_with_the_row(hit, idf, expected_kinds(q), NO_CUES)
        assert moved.passage.text.startswith("33,340\n14.33%")
        assert answers.window_with_the_row(moved, idf, expected_kinds(q), NO_CUES) == moved
        # the United Kingdom's rate is the window's own: it stays
        q = "ब्रिटेन में केस फेटेलिटी रेट कितनी थी?"
        idf = {t: 1.0 for t in terms(q, drop_stopwords=True)}
        assert answers.window_with_the_row(hit, idf, expected_kinds(q), NO_CUES) == hit


TABLE_UNDER_PROSE = ("Members of self-help groups under NRLM have produced face masks in many States, as the table shows.\n"
                     "No\nState\nDistricts\nMasks produced\nDate of last reporting\n" + ROWS
                     + "\nTotal\n81\n29,76,606\nThe Ministry thanked the SHGs.")


def test_a_cell_is_labelled_by_its_row_and_its_column_s_header():
    labels = _labels(TABLE_UNDER_PROSE)
    assert labels["15,77,770"] == "Kerala | Masks produced" and labels["14"] == "Kerala | Districts"
    extracted = {f.text: f for f in FigureExtractor().run(TABLE_UNDER_PROSE)}
    assert extracted["15,77,770"].shown_label == "Kerala, Masks produced"
    # a header of more lines than the rows have cells (a title above it) is not read as the columns'
    assert _labels(HEADER + ROWS)["15,77,770"] == "Kerala"
    # its words are the cell's: a question of masks in Kerala fits its row's figure
    text = TABLE_UNDER_PROSE
    at = text.index("3\nKerala")
    row = _passage(text[at:at + len("3\nKerala\n14\n15,77,770\n03-Apr")], text[:at], 1)
    idf = {t: 1.0 for t in terms("How many masks were produced in Kerala?", drop_stopwords=True)}
    fits = HybridSearcher.figure_fits(row, expected_kinds("How many masks were produced in Kerala?"), idf)
    best = max(fits, key=fits.get)
    assert row.figures[best].text == "15,77,770"


GST = ("The table shows the state-wise figures of GST collected.\nState-wise GST revenue in February\n{unit}\nState\n"
       "Feb-19\nFeb-20\nGrowth\nJammu and Kashmir\n306\n316\n3%\nHimachal Pradesh\n610\n621\n2%\nPunjab\n1,100\n"
       "1,229\n12%\nChandigarh\n147\n172\n18%")


def test_a_unit_alone_above_the_header_heads_no_column():
    """1604798 (GST, February 2020): a title and "(₹ crore)" stand above the header's four lines, six
    lines over rows of four, so its cells had no column's header: 316 was "Jammu and Kashmir" only."""
    figures = {f.text: f for f in FigureExtractor().run(GST.format(unit="(₹ crore)"))}
    assert figures["316"].label == "Jammu and Kashmir | Feb-20" and figures["610"].label == "Himachal Pradesh | Feb-19"
    assert figures["12%"].label == "Punjab | Growth"
    assert (figures["316"].kind, figures["316"].unit, figures["316"].value) == ("money", "INR", 3160000000)
    hindi = {f.text: f.label for f in FigureExtractor().run(GST.format(unit="(करोड़ रुपये में)"))}
    assert hindi["316"] == "Jammu and Kashmir | Feb-20"
    # a line above the header that is no unit leaves the header's count unknown
    assert _labels(GST.format(unit="Revenue"))["316"] == "Jammu and Kashmir"


def test_the_bundled_mask_table_s_cells_are_labelled_by_their_state_and_column():
    """The 2020 scrape's Hindi release on masks made by SHGs: a header of eight lines over rows of eight."""
    from corpus.readers import bundled_corpus_dir, read_paths

    release = next(r for r in read_paths([bundled_corpus_dir()], langs={"hi"}) if r.release_id == "1610981")
    labels = {f.text: f.label for f in FigureExtractor().run(release.text) if f.kind == "count"}
    assert labels["15,77,770"] == "केरल | उत्पादित मास्क (संख्या)"
    assert labels["2,78,076"] == "ओडिशा | उत्पादित मास्क (संख्या)"


def test_a_row_s_serial_number_is_no_figure():
    counts = {f.text for f in FigureExtractor().run(TABLE_UNDER_PROSE) if f.kind == "count"}
    assert counts >= {"34", "3,49,517", "33", "10,49,319", "14", "15,77,770", "81", "29,76,606"}
    assert not counts & {"1", "2", "3"}  # "3" leads Kerala's row: it was read as Gujarat's count
    # a passage that begins inside the table, its serials known from the text before it
    at = TABLE_UNDER_PROSE.index("2\nGujarat")
    assert [f.text for f in _passage(TABLE_UNDER_PROSE[at:at + 40], TABLE_UNDER_PROSE[:at], 1).figures
            if f.kind == "count"][:2] == ["33", "10,49,319"]
    # numbers alone on their lines that lead no known rows stay figures
    assert {f.text for f in FigureExtractor().run(WAGONS) if f.kind == "count"} >= {"28861", "1292"}


WAGONS_UNDER_HEADER = ("During the last 12 days the Railways loaded wagons as follows:\nSl.\nNo.\nDate\nNo. of wagons of\ncoal\n"
          "No. of wagons of petroleum products\n1.\n23.03.2020\n22473\n2322\n2.\n24.03.2020\n24207\n1774\n"
          "3.\n25.03.2020\n20418\n1704\n4.\n26.03.2020\n20784\n1724")


def test_a_header_cell_cut_over_lines_is_joined_where_the_cut_shows():
    """1611048 (wagons loaded, April 2020): six header lines over rows of four, as "Sl." and "No." and
    "No. of wagons of" and "coal" were each one cell; before, the cells had no column's header, so
    a question of coal could not tell 24207 from 1774."""
    labels = _labels(WAGONS_UNDER_HEADER)
    assert labels["24207"] == "24.03.2020 | No. of wagons of coal"
    assert labels["1774"] == "24.03.2020 | No. of wagons of petroleum products"


def test_a_line_heading_two_columns_in_turn_joins_the_line_after_it():
    from index.figures.rows import joined_header

    assert joined_header(["क्रम सं.", "दिनांक", "वैगनों की संख्या", "कोयला", "वैगनों की संख्या", "पेट्रोलियम उत्पाद"], 4) == [
        "क्रम सं.", "दिनांक", "वैगनों की संख्या कोयला", "वैगनों की संख्या पेट्रोलियम उत्पाद"]
    assert joined_header(["Category", "Old", "Capital", "Old", "Turnover", "New", "Capital", "New", "Turnover"], 5) == [
        "Category", "Old Capital", "Old Turnover", "New Capital", "New Turnover"]
    # a Hindi cell cut at its postposition and its bracket
    assert joined_header(["क्र.सं", "फसलें", "एमएसपी", "में", "वृद्धि", "(पूर्ण)", "लागत पर प्रतिफल (% में)"], 4) == [
        "क्र.सं", "फसलें", "एमएसपी में वृद्धि (पूर्ण)", "लागत पर प्रतिफल (% में)"]
    # lines that show no cut are not joined to make the count: no header
    assert joined_header(["Category", "Rainfall Range", "Forecast Probability (%)", "Climatological", "Probability (%)"],
                         4) is None


def test_a_schedules_day_takes_its_rows_label_and_a_day_of_a_table_labelled_by_its_days_none():
    """"Date of Poll\n19th June, 2020": the day was unlabelled, and its words were its neighbours' rows."""
    schedule = ("S.No.\nEvents\nDates\nIssue of Notifications\n02nd June, 2020 (Tuesday)\nLast date of making nominations\n"
                "09th June, 2020 (Tuesday)\nScrutiny of nominations\n10th June, 2020 (Wednesday)\nDate of Poll\n"
                "19th June, 2020 (Friday)\nCounting of Votes\n19th June, 2020 (Friday) at 05:00 pm")
    days = [(f.text, f.label) for f in FigureExtractor().run(schedule) if f.kind == "date"]
    assert ("09th June, 2020", "Last date of making nominations") in days and ("19th June, 2020", "Date of Poll") in days
    by_days = "Date\nFlights\nCargo\n28.03.2020\n18\n6.32\n29.03.2020\n21\n8.14\n30.03.2020\n15\n5.08"
    assert all(f.label is None for f in FigureExtractor().run(by_days) if f.kind == "date")


def test_a_hindi_label_of_seven_words_with_its_case_markers_is_a_cell_and_a_weekday_after_a_day_stays_in_its_cell():
    """"उम्मीदवारों की नाम वापसी की अंतिम तिथि" (seven words, two of them की) broke the table, and "19 जून, 2020
    (शुक्रवार)" was no cell: the poll's day was read by its neighbours' rows."""
    from index.figures.rows import is_cell

    schedule = ("क्रम संख्या\nकार्यक्रम\nतिथि\nनामांकनों की स्क्रूटनी\n10 जून, 2020 (बुधवार)\n"
                "उम्मीदवारों की नाम वापसी की अंतिम तिथि\n12 जून, 2020 (शुक्रवार)\nमतदान की तिथि\n19 जून, 2020 (शुक्रवार)\n"
                "मतगणना\n19 जून, 2020 (शुक्रवार) 05:00 सायं")
    days = [f for f in FigureExtractor().run(schedule) if f.kind == "date"]
    assert [(f.text, f.label) for f in days[1:3]] == [("12 जून, 2020", "उम्मीदवारों की नाम वापसी की अंतिम तिथि"),
                                                    ("19 जून, 2020", "मतदान की तिथि")]
    assert is_cell(schedule, days[2]) and not is_cell(schedule, days[3])  # the count's day has its hour beside it
