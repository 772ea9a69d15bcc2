"""lexicon/speech.tsv: one entry per verb, its frames known, and the block scripts/grow_speech_lexicon.py writes."""
from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from kgraph.lexicons import table

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
grow = pytest.importorskip("grow_speech_lexicon")

FRAMES = {"", "rest", "quoted", "opinion"}


def test_each_verb_once_with_a_known_frame():
    lemmas = [row[0] for row in table("speech.tsv")]
    assert len(lemmas) == len(set(lemmas))
    assert {row[1] if len(row) > 1 else "" for row in table("speech.tsv")} <= FRAMES


def test_the_generated_block_is_well_formed():
    text = grow.LEXICON.read_text(encoding="utf-8")
    block = text.split(grow.BEGIN)[1].split(grow.END)[0]
    rows = dict([*line.split("\t"), ""][:2] for line in block.strip().splitlines())
    assert rows and grow.render(text, rows) == text
    assert not set(rows) & set(grow.seeds_of(text))


@pytest.mark.parametrize("seeds, synsets, expected", [
    ({"сообщить": "", "заявить": ""}, [["сообщить", "заявить", "известить"]], {"известить": ""}),
    ({"сообщить": "", "заявить": ""}, [["заявить", "стучать"]], {}),  # one seed: another sense
    ({"считать": "opinion", "полагать": "opinion"}, [["считать", "полагать", "усматривать"]],
     {"усматривать": "opinion"}),
    ({"считать": "opinion", "сказать": ""}, [["считать", "сказать", "молвить"]], {"молвить": ""}),
])
def test_grown(seeds, synsets, expected):
    assert grow.grown(seeds, synsets, lambda word: [s for s in synsets if word in s]) == expected


def test_a_word_mostly_of_other_senses_stays_out():
    synsets = [["считать", "полагать", "видеть"]]
    senses = {"видеть": [*synsets, ["видеть", "зреть"], ["видеть", "глядеть"]]}
    assert grow.grown({"считать": "", "полагать": ""}, synsets, senses.get) == {}


def test_the_committed_block_is_what_the_script_writes():
    if importlib.util.find_spec("wiki_ru_wordnet") is None:
        pytest.skip("wiki-ru-wordnet is not installed (the 'lexicon' extra)")
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "grow_speech_lexicon.py"), "--check"], check=False)
    assert done.returncode == 0
