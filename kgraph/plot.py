"""Pictures of the meeting network (matplotlib, the optional ``plot`` extra).

Three meetings of Путин, as articles report them, and their pictures:

>>> import io
>>> from kgraph.examples import PUTIN as putin, XI as xi, graph_of
>>> from kgraph.model import Entity, Event
>>> from kgraph.network import meeting_network
>>> lavrov = Entity("PER:Сергей Лавров", "Сергей Лавров", "PER")
>>> talks = [
...     Event("meeting", (putin, xi), "a1", "Путин и Си Цзиньпин провели переговоры.", date="2025-09-02"),
...     Event("meeting", (putin, xi), "a1", "Путин и Си Цзиньпин поговорили по видеосвязи.", date="2026-02-04"),
...     Event("meeting", (putin, lavrov), "a1", "Путин провёл совещание с Лавровым.", date="2026-01"),
... ]
>>> G = meeting_network(graph_of(*talks))
>>> fig = plot_timeline(G, "Владимир Путин")     # partners down the side, dates along the bottom
>>> [label.get_text() for label in fig.axes[0].get_yticklabels()], fig.axes[0].get_title()
(['Си Цзиньпин', 'Сергей Лавров'], 'Владимир Путин: встречи (3)')
>>> png = io.BytesIO()
>>> plot_network(G).savefig(png, format="png")   # who met whom, sized by meetings; or save_figure(fig, "g.png")
>>> png.getvalue()[:4]
b'\x89PNG'

Figures are plain ``matplotlib.figure.Figure`` objects drawn on the Agg canvas: no pyplot,
no window, no global state. Labels are set in DejaVu Sans, which matplotlib ships and
which has Cyrillic, so «Си Цзиньпин» prints as itself and not as boxes.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import matplotlib
import networkx as nx
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.dates import AutoDateLocator, date2num, num2date
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import FuncFormatter

from .lexicons import mapping, plural
from .model import Mode, Status
from .network import communities, count_meetings, find_person, met_graph, period, timeline

if TYPE_CHECKING:
    from matplotlib.typing import RcKeyType

__all__ = ["FONT", "MODE_STYLES", "MONTHS", "plot_network", "plot_timeline", "save_figure"]

FONT: dict[RcKeyType, Any] = {"font.family": "DejaVu Sans"}

_MARKERS = {
    Mode.IN_PERSON: ("o", "tab:blue"),
    Mode.PHONE: ("^", "tab:orange"),
    Mode.VIDEO: ("s", "tab:green"),
    Mode.UNKNOWN: ("D", "tab:gray"),
}
#: mode -> (marker, colour, legend label from lexicon/mode_labels.tsv), in legend order
MODE_STYLES: dict[str, tuple[str, str, str]] = {
    mode.value: (*marker, mapping("mode_labels.tsv")[mode]) for mode, marker in _MARKERS.items()
}

#: month abbreviations for date axes (lexicon/month_abbreviations.tsv): "мар", or "янв" and the year under it
MONTHS = tuple(mapping("month_abbreviations.tsv")[str(month)] for month in range(1, 13))


def _date_label(x: float, pos: int | None) -> str:
    """A date tick in Russian: "мар", "15 мар"; the first tick and every January add the year."""
    day = num2date(x)
    text = MONTHS[day.month - 1] if day.day == 1 else f"{day.day} {MONTHS[day.month - 1]}"
    if pos == 0 or (day.month == 1 and day.day == 1):
        text += f"\n{day.year}"
    return text


def _figure(width: float, height: float) -> Figure:
    fig = Figure(figsize=(width, height), layout="constrained")
    FigureCanvasAgg(fig)
    return fig


def plot_timeline(
    G: nx.MultiGraph, person: str, start: str | datetime.date | None = None, end: str | datetime.date | None = None
) -> Figure:
    """A person's meetings: one row per partner (first met at the top), one marker per meeting.

    The marker's shape and colour say the mode (:data:`MODE_STYLES`); a hollow marker is a
    meeting that did not happen (planned, negated), shown only when ``G`` keeps such edges.
    A date known only to the month or year is a marker at the middle of that period with a
    bar across it. Undated meetings cannot be placed; the title says how many were left out.
    """
    name = G.nodes[find_person(G, person)]["name"]
    rows = timeline(G, person, start, end, by="partner")
    dated = [r for r in rows if r["date"]]
    order = list(dict.fromkeys(r["with"] for r in dated))
    with matplotlib.rc_context(FONT):
        fig = _figure(10, max(2.5, 1.2 + 0.32 * len(order)))
        ax = fig.add_subplot()
        for row in dated:
            first, last = period(row["date"])
            middle = first + (last - first) / 2
            y = order.index(row["with"])
            marker, colour, _ = MODE_STYLES[row["mode"]]
            if first != last:
                ax.plot(
                    [date2num(first), date2num(last + datetime.timedelta(days=1))],
                    [y, y],
                    color=colour,
                    linewidth=4,
                    alpha=0.35,
                    solid_capstyle="butt",
                )
            ax.plot(
                date2num(middle),
                y,
                marker=marker,
                markersize=8,
                linestyle="none",
                markeredgecolor=colour,
                markerfacecolor=colour if row["status"] == Status.OCCURRED else "none",
            )
        if order:
            ax.set_yticks(range(len(order)), order)
            ax.set_ylim(len(order) - 0.5, -0.5)
        ax.xaxis.set_major_locator(AutoDateLocator())
        ax.xaxis.set_major_formatter(FuncFormatter(_date_label))
        ax.grid(axis="x", alpha=0.3)
        modes = dict.fromkeys(r["mode"] for r in dated)
        handles = [
            Line2D([], [], marker=MODE_STYLES[m][0], color=MODE_STYLES[m][1], linestyle="none", label=MODE_STYLES[m][2])
            for m in MODE_STYLES
            if m in modes
        ]
        if any(r["status"] != Status.OCCURRED for r in dated):
            handles.append(
                Line2D(
                    [],
                    [],
                    marker="o",
                    color="black",
                    markerfacecolor="none",
                    linestyle="none",
                    label="не состоялась: план или отказ",
                )
            )
        if handles:
            ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
        undated = len({r["event"] for r in rows if not r["date"]})
        title = f"{name}: встречи ({len({r['event'] for r in dated})})"
        if undated:
            title += f"; без даты, не показаны: {undated}"
        ax.set_title(title)
        if not dated:
            ax.text(0.5, 0.5, "нет датированных встреч", ha="center", va="center", transform=ax.transAxes)
    return fig


def _grouped_layout(simple: nx.Graph, groups: list[list[str]], seed: int) -> dict:
    """Each group laid out on its own (a ring when dense, else a spring layout), scaled by
    the square root of its size, and the groups set in rows, largest first.

    One spring layout of the whole graph crushes a dense group (a council of thirteen who
    all meet each other) into a ball of unreadable labels.
    """
    boxes = []
    for group in groups:
        sub = simple.subgraph(group)
        if len(group) == 1:
            local = {next(iter(group)): (0.0, 0.0)}
        elif nx.density(sub) > 0.6:
            local = nx.circular_layout(sub)
        else:
            local = nx.spring_layout(sub, seed=seed, k=1.5 / len(group) ** 0.5)
        boxes.append((len(group) ** 0.5, local))
    row_width = 5 * sum(size for size, _ in boxes) ** 0.5
    pos, x, y, row_height = {}, 0.0, 0.0, 0.0
    for size, local in boxes:
        width = 2 * size + 1
        if x > 0 and x + width > row_width:
            x, y, row_height = 0.0, y - row_height, 0.0
        for node, (u, v) in local.items():
            pos[node] = (x + size + 0.5 + u * size, y - size - 0.5 + v * size)
        x += width
        row_height = max(row_height, width)
    return pos


def plot_network(G: nx.MultiGraph, seed: int = 0, labels: bool = True) -> Figure:
    """Who met whom: people with at least one meeting, sized by their meetings.

    An edge's width grows with how many meetings the pair had; a node's colour and place
    are its community's (:func:`kgraph.network.communities`): each community is drawn as
    its own cluster, largest first. The layout is seeded, so one graph gives one picture.
    """
    simple = met_graph(G)
    with matplotlib.rc_context(FONT):
        n = simple.number_of_nodes()
        side = min(16, max(6, 2 + 0.2 * n))
        fig = _figure(side, side * 0.75)
        ax = fig.add_subplot()
        ax.set_axis_off()
        if n == 0:
            ax.text(0.5, 0.5, "нет встреч", ha="center", va="center", transform=ax.transAxes)
            return fig
        groups = communities(G, names=False)
        group_of = {node: index for index, group in enumerate(groups) for node in group}
        pos = _grouped_layout(simple, groups, seed)
        palette = matplotlib.colormaps["tab10"]
        nx.draw_networkx_edges(
            simple,
            pos,
            ax=ax,
            alpha=0.35,
            edge_color="tab:gray",
            width=[0.6 + 0.9 * (w - 1) for _, _, w in simple.edges(data="weight")],
        )
        nodes = list(simple)
        nx.draw_networkx_nodes(
            simple,
            pos,
            ax=ax,
            nodelist=nodes,
            node_size=[40 + 25 * count_meetings(G, node) for node in nodes],
            node_color=[palette(group_of.get(node, 0) % 10) for node in nodes],
            edgecolors="white",
            linewidths=0.8,
        )
        if labels:
            nx.draw_networkx_labels(
                simple,
                pos,
                ax=ax,
                labels={node: G.nodes[node]["name"] for node in nodes},
                font_size=8,
                font_family=FONT["font.family"],
                verticalalignment="bottom",
                bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.6, "pad": 0.5},
            )
        people = plural(n, "человек", "человека", "человек")
        ax.set_title(f"Кто с кем встречался: {people}, {plural(count_meetings(G), 'встреча', 'встречи', 'встреч')}")
    return fig


def save_figure(fig: Figure, path: str | Path) -> None:
    """Write a figure to a file whose suffix names the format (.png, .svg, .pdf)."""
    fig.savefig(path, dpi=150)
