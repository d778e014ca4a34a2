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
