"""Pictures: a person's meeting timeline and the meeting network, with Cyrillic that renders."""
from __future__ import annotations

import datetime
import io
import warnings

import pytest

pytest.importorskip("matplotlib")

from meetings_graph import meetings_graph

from kgraph.network import meeting_network
from kgraph.plot import MODE_STYLES, _date_label, plot_network, plot_timeline, save_figure


@pytest.fixture(scope="module")
def G():
    return meeting_network(meetings_graph())


@pytest.fixture(scope="module")
def G_all():
    return meeting_network(meetings_graph(), status=None)


def _png(fig) -> bytes:
    """Render to PNG, failing on any warning -- matplotlib warns "Glyph ... missing from font(s)"
    when a label's letters are not in the font, and draws boxes instead."""
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig.savefig(buffer, format="png")
    return buffer.getvalue()


def _legend(fig) -> list[str]:
    legend = fig.axes[0].get_legend()
    return [text.get_text() for text in legend.get_texts()] if legend else []


def test_timeline_rows_are_partners_in_the_order_first_met(G):
    fig = plot_timeline(G, "Владимир Путин")
    labels = [label.get_text() for label in fig.axes[0].get_yticklabels()]
    assert labels == ["Иван Иванов", "Сергей Лавров", "Си Цзиньпин"]


def test_timeline_title_counts_meetings_and_the_undated_left_out(G):
    title = plot_timeline(G, "Владимир Путин").axes[0].get_title()
    assert title == "Владимир Путин: встречи (4); без даты, не показаны: 1"


def test_timeline_legend_names_the_modes_shown(G):
    assert _legend(plot_timeline(G, "Владимир Путин")) == [MODE_STYLES["in_person"][2], MODE_STYLES["video"][2]]


def test_timeline_marks_a_planned_meeting_hollow_and_says_so(G_all):
    fig = plot_timeline(G_all, "Иван Иванов")
    assert _legend(fig) == ["лично", "по телефону", "не состоялась: план или отказ"]
    faces = [line.get_markerfacecolor() for line in fig.axes[0].get_lines() if line.get_marker() == "^"]
    assert faces == ["none"]


def test_timeline_draws_a_month_precise_date_as_a_bar_over_the_month(G):
    fig = plot_timeline(G, "Си Цзиньпин")
    bars = [line for line in fig.axes[0].get_lines() if len(line.get_xdata()) == 2]
    assert len(bars) == 1  # "2025-09"; the two day-precise meetings get markers only
    start, stop = bars[0].get_xdata()
    assert stop - start == 30


def test_timeline_window_and_a_person_without_dated_meetings(G):
    fig = plot_timeline(G, "Пётр Петров", start="2026")
    assert "нет датированных встреч" in [t.get_text() for t in fig.axes[0].texts]


@pytest.mark.parametrize("day, pos, label", [
    (datetime.date(2025, 3, 1), 3, "мар"),
    (datetime.date(2025, 3, 15), 3, "15 мар"),
    (datetime.date(2025, 3, 1), 0, "мар\n2025"),   # the first tick says the year
    (datetime.date(2026, 1, 1), 5, "янв\n2026"),   # and so does every new year
])
def test_date_ticks_are_russian(day, pos, label):
    from matplotlib.dates import date2num

    assert _date_label(date2num(day), pos) == label


def test_timeline_axis_reads_in_russian(G):
    fig = plot_timeline(G, "Владимир Путин")
    fig.canvas.draw()
    labels = [t.get_text() for t in fig.axes[0].get_xticklabels()]
    assert "май" in labels and all(not set("JFMASOND") & set(label[:1]) for label in labels)


@pytest.mark.parametrize("person", ["Владимир Путин", "Си Цзиньпин", "Пётр Петров"])
def test_timeline_renders_cyrillic_without_missing_glyphs(G, person):
    assert _png(plot_timeline(G, person)).startswith(b"\x89PNG")


@pytest.mark.parametrize("draw", [lambda G: plot_timeline(G, "Путин"), plot_network])
def test_the_font_holds_even_when_the_user_default_has_no_cyrillic(G, draw):
    import matplotlib

    hostile = {"font.family": "sans-serif", "font.sans-serif": ["cmr10"], "axes.formatter.use_mathtext": True}
    with matplotlib.rc_context(hostile):
        assert _png(draw(G)).startswith(b"\x89PNG")


def test_network_labels_every_person_with_a_meeting(G):
    fig = plot_network(G)
    texts = {t.get_text() for t in fig.axes[0].texts}
    assert {"Владимир Путин", "Си Цзиньпин", "Сергей Лавров", "Иван Иванов", "Пётр Петров"} <= texts
    assert fig.axes[0].get_title() == "Кто с кем встречался: 5 человек, 6 встреч"


def test_network_renders_cyrillic_and_one_graph_gives_one_picture(G):
    assert _png(plot_network(G)) == _png(plot_network(G))


def test_network_without_meetings_says_so():
    import networkx as nx

    fig = plot_network(nx.MultiGraph())
    assert [t.get_text() for t in fig.axes[0].texts] == ["нет встреч"]


@pytest.mark.parametrize("suffix, magic", [(".png", b"\x89PNG"), (".svg", b"<?xml"), (".pdf", b"%PDF")])
def test_save_figure_by_suffix(G, tmp_path, suffix, magic):
    path = tmp_path / f"t{suffix}"
    save_figure(plot_timeline(G, "Путин"), path)
    assert path.read_bytes().startswith(magic)
