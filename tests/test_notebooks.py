"""The notebooks run top to bottom in a fresh kernel, so they never rot, and are kept without outputs in git."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("matplotlib")

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_there_is_the_explore_notebook():
    assert ROOT / "notebooks" / "explore.ipynb" in NOTEBOOKS


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_notebook_has_no_outputs(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    dirty = [i for i, cell in enumerate(nb.cells) if cell.cell_type == "code"
             and (cell.outputs or cell.execution_count is not None)]
    assert not dirty, f"{path.name}: cells {dirty} keep outputs; clear them before committing"


@pytest.fixture(scope="session")
def executed(tmp_path_factory):
    """Each notebook run once in a fresh kernel in its own folder, importing this checkout's kgraph."""
    env = os.environ.copy()
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), *filter(None, [env.get("PYTHONPATH")])])
    runs = {}
    for path in NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        client = nbclient.NotebookClient(nb, timeout=900, kernel_name="python3",
                                         resources={"metadata": {"path": str(path.parent)}})
        client.execute(env=env)  # a cell that raises fails the test with the cell and its traceback
        runs[path.name] = nb
    return runs


def _outputs(nb, mime: str) -> list:
    return [out for cell in nb.cells if cell.cell_type == "code" for out in cell.outputs
            if mime in out.get("data", {})]


@pytest.mark.parametrize("name", [p.name for p in NOTEBOOKS])
def test_notebook_runs_without_errors(executed, name):
    nb = executed[name]
    errors = [out for cell in nb.cells if cell.cell_type == "code" for out in cell.outputs
              if out.output_type == "error"]
    assert not errors
    assert all(cell.execution_count for cell in nb.cells if cell.cell_type == "code")


def test_explore_shows_the_timeline_and_the_network_as_pictures(executed):
    assert len(_outputs(executed["explore.ipynb"], "image/png")) >= 3


def test_explore_shows_meetings_per_month_from_the_dataframe_and_the_country_dyads(executed):
    pytest.importorskip("pandas")
    cells = [cell for cell in executed["explore.ipynb"].cells if cell.cell_type == "code"]
    chart = next(cell for cell in cells if "per_month.plot" in cell.source)
    assert any("image/png" in out.get("data", {}) for out in chart.outputs)
    dyads = next(cell for cell in cells if "dyad_table(C)" in cell.source)
    text = "".join(out.get("text", "") for out in dyads.outputs)
    assert "Китай – Россия" in text and "Россия – Россия" not in text


def test_explore_builds_the_sample_graph_from_every_article_in_data(executed):
    data = ROOT / "data"
    articles = len(list(data.glob("*.txt"))) + sum(
        len([line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()])
        for path in data.glob("*.jsonl"))
    text = "".join(out.get("text", "") for cell in executed["explore.ipynb"].cells
                   if cell.cell_type == "code" for out in cell.outputs)
    assert f"{articles} articles," in text
