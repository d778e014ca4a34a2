from index.figures import extract_figures

from bot.evaluate import figure_hit


def test_a_figure_within_half_a_percent_of_the_value_is_a_hit():
    figures = extract_figures("Over 86,000 sellers and Rs 5,523 crore of orders.")
    assert figure_hit(figures, 86000)
    assert figure_hit(figures, 55230000000)
    assert not figure_hit(figures, 87000)
    assert not figure_hit(figures, None)


def test_a_date_asked_is_hit_by_the_day_stated_with_or_without_its_year():
    assert figure_hit(extract_figures("The MoU was signed on 30 May 2026."), "2026-05-30")
    assert figure_hit(extract_figures("The programme is held on 11 August."), "2026-08-11")
    assert not figure_hit(extract_figures("The programme is held on 12 August."), "2026-08-11")
    assert not figure_hit(extract_figures("Over 86,000 sellers."), "2026-08-11")


def test_a_value_kept_in_the_scale_the_question_asks_is_hit_by_that_many_of_it():
    figures = extract_figures("India has an estimated 139.89 million agarwood trees.")
    assert figure_hit(figures, 139.89, "India mein agarwood ke kitney million ped hain?")
    assert figure_hit(figures, 139890000, "India mein agarwood ke kitney million ped hain?")
    assert not figure_hit(figures, 139.89, "How many agarwood trees does India have?")  # no scale asked
    hindi = extract_figures("डेटासेट में 246 मिलियन समानांतर वाक्य-जोड़े हैं।")
    assert figure_hit(hindi, 246, "भाषिणी के डेटासेट में कितने मिलियन समानांतर वाक्य-जोड़े हैं?")
