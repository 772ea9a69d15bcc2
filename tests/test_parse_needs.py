"""kgraph.needs: sentences no reader of the syntax tree needs are not parsed, and that changes
nothing: every sample article gives the same entities and events with and without the skip."""
from __future__ import annotations

from pathlib import Path

import pytest

from kgraph.articles import Skipped, read_articles
from kgraph.extract import EXTRACTORS, PARSE_NEEDS
from kgraph.model import Article
from kgraph.needs import Need, Needs
from kgraph.nlp import analyze, lemma
from kgraph.pipeline import process, worth_parsing

DATA = Path(__file__).resolve().parents[1] / "data"


def test_every_extractor_declares_what_it_parses_for():
    assert set(EXTRACTORS) <= set(PARSE_NEEDS)
    assert all(isinstance(need, Need) for need in PARSE_NEEDS.values())


@pytest.mark.parametrize("sentence, worth", [
    # a reader's word
    ("Стороны провели переговоры в узком составе.", True),  # meeting.tsv
    ("Делегация прибыла в столицу утром.", True),  # visit.tsv
    ("Министр подчеркнул важность диалога.", True),  # speech.tsv
    ("По словам дипломата, диалог продолжится.", True),  # according.tsv: "по словам"
    ("Он добавил еще несколько деталей.", True),  # a pronoun to resolve
    ("Вдова политика отказалась от комментариев.", True),  # kinship.tsv
    ("Глава государства открыл выставку.", True),  # host_titles.tsv, group_heads.tsv
    # a name
    ("Документ подписал Сергей Лавров.", True),  # PER
    ("Отчет опубликовал Центральный банк России.", True),  # ORG
    # a mark
    ("«Ситуация остается сложной».", True),
    ("Итоги года: рост на три процента.", True),
    # none of these
    ("Рост экономики составил три процента.", False),
    ("Погода в выходные будет теплой.", False),
    ("Цены на нефть снизились на два процента.", False),
])
def test_a_sentence_is_worth_parsing_when_some_reader_starts_from_it(sentence, worth):
    (sent,) = analyze(sentence).sents
    assert worth_parsing()(sent) is worth


def test_a_need_counts_only_what_it_declares():
    (sent,) = analyze("Стороны провели переговоры в Москве.").sents
    assert Needs([Need(lexicons=("meeting.tsv",))])(sent)
    assert not Needs([Need(lexicons=("visit.tsv",))])(sent)
    assert not Needs([Need(spans=("PER",))])(sent)  # "Москве" is a LOC
    assert Needs([Need(spans=("LOC",))])(sent)
    assert Needs([Need(marks=".")])(sent)


def test_a_sentence_left_unparsed_has_ids_and_no_tree():
    doc = analyze("Переговоры прошли в Кремле. Рост экономики составил три процента.", worth_parsing())
    parsed, left = doc.sents
    assert all(t.rel for t in parsed.tokens)
    assert [t.id for t in left.tokens][:2] == ["2_1", "2_2"]
    assert all(t.rel is None and t.head_id is None for t in left.tokens)
    assert all(t.pos and t.feats is not None for t in left.tokens)  # still tagged for lemmas


def outcome(article: Article) -> tuple:
    result = process(article, skip=True), process(article, skip=False)
    return tuple((r.entities, r.events) for r in result)


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    return [a for a in read_articles([DATA]) if not isinstance(a, Skipped)]


def test_skipping_changes_no_entity_and_no_event_of_the_sample_articles(articles):
    assert len(articles) > 40
    for article in articles:
        skipped, full = outcome(article)
        assert skipped == full, article.id


def test_some_sentences_of_the_sample_articles_are_skipped(articles):
    """The skip does something: the sample's kremlin.ru items have sentences no reader needs."""
    sents = [s for a in articles[:20] for s in analyze(a.text).sents]
    assert 0 < sum(not worth_parsing()(s) for s in sents) < len(sents)


def test_extract_parse_all_writes_the_same_lines(tmp_path):
    from kgraph.cli import main

    sample = DATA / "kremlin-2025.jsonl"
    lines = sample.read_text(encoding="utf-8").splitlines()[:12]
    corpus = tmp_path / "in.jsonl"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    outputs = []
    for extra in ([], ["--parse-all"]):
        out = tmp_path / f"out{len(extra)}.jsonl"
        assert main(["extract", str(corpus), "-o", str(out), "-j", "1", "-q", *extra]) == 0
        outputs.append(out.read_text(encoding="utf-8"))
    assert outputs[0] == outputs[1] and outputs[0].count("\n") == 12 and "met_with" in outputs[0]


def test_a_known_word_has_a_needed_lemma_only_as_one_of_its_forms(articles):
    """Needs.has_lemma lemmatizes only what the dictionary does not know: it finds every token
    of the sample whose lemma is needed, as lemmatizing every token does."""
    worth = worth_parsing()
    tokens = [t for a in articles for t in analyze(a.text).tokens]
    assert len(tokens) > 10_000
    needed = [t for t in tokens if lemma(t) in worth.lemmas]
    assert len(needed) > 500
    assert all(worth.has_lemma(t) for t in needed)
    assert not any(worth.has_lemma(t) for t in tokens if lemma(t) not in worth.lemmas)
