"""What extractors ask of a sentence: status, date, people, the implied host (kgraph.extract.context)."""
from __future__ import annotations

from datetime import date

import pytest

DAY = date(2025, 5, 6)


def _context(text: str, day: date | None = DAY, source: str | None = None):
    from kgraph.entities.resolve import resolve_entities
    from kgraph.extract.context import Context
    from kgraph.extract.sentence import Sentence
    from kgraph.model import Article
    from kgraph.nlp import analyze

    article = Article(id="test", text=text, date=day, source=source)
    doc = analyze(text)
    return Context(article, resolve_entities(doc, article), [Sentence(s, i) for i, s in enumerate(doc.sents)])


def _trigger(context, word: str):
    sentence = context.sentences[0]
    return sentence, next(t for t in sentence.tokens if t.text == word)


@pytest.mark.parametrize("text, word, status", [
    ("Путин и Си Цзиньпин встретились в Пекине.", "встретились", "occurred"),
    ("Путин может встретиться с Трампом.", "встретиться", "hypothetical"),
    ("Встреча Путина и Трампа не состоится.", "Встреча", "negated"),
    ("Путин посетит Китай.", "посетит", "planned"),
    ("Путин планирует провести переговоры с Моди.", "переговоры", "planned"),
    ("Лидеры договорились о встрече.", "встрече", "planned"),
    ("Визит Нетаньяху отменён.", "Визит", "negated"),
    ("Путин принял Додика и предложил ему сотрудничество.", "принял", "occurred"),
    ("Эрдоган в ходе визита в Украину договорился с Януковичем о сотрудничестве.", "визита", "occurred"),
    ("Дочь Лиза, приехавшая в США в январе, прибудет на встречу.", "приехавшая", "occurred"),
    ("На саммите страну будет представлять Дан Меридор.", "саммите", "planned"),
])
def test_status_of(text, word, status):
    from kgraph.extract.context import status_of

    context = _context(text)
    assert status_of(*_trigger(context, word)) == status


@pytest.mark.parametrize("text, word, expected", [
    ("7 мая Путин провёл переговоры с Мадуро.", "переговоры", ("planned", "2025-05-07")),
    ("5 мая Путин провёл переговоры с Мадуро.", "переговоры", ("occurred", "2025-05-05")),
    ("Путин провёл переговоры с Мадуро.", "переговоры", ("occurred", "2025-05-06")),
    ("Путин проведёт переговоры с Мадуро.", "переговоры", ("planned", None)),
])
def test_an_event_dated_after_its_article_has_not_occurred(text, word, expected):
    from kgraph.extract.context import status_and_date

    context = _context(text)
    sentence, trigger = _trigger(context, word)
    assert status_and_date(sentence, trigger, context.article) == expected


@pytest.mark.parametrize("source, day, host", [
    ("kremlin.ru", date(2025, 3, 14), "Владимир Путин"),
    ("gabrielkmbo/kremlin-scraper:kremlin_articles_ru_enhanced.csv", date(2019, 1, 1), "Владимир Путин"),
    ("interfax.ru", date(2025, 3, 14), None),
    ("kremlin.ru", None, None),
])
def test_host_of(source, day, host):
    from kgraph.extract.context import host_of

    found = host_of(_context("Встреча с губернатором.", day, source))
    assert (found.name if found else None) == host


@pytest.mark.parametrize("text, source, expected", [
    ("Главу государства сопровождали министры.", "kremlin.ru", ["Владимир Путин"]),
    ("Глава Российского государства провёл встречу.", None, ["Владимир Путин"]),
    ("Помощник Президента провёл встречу.", "kremlin.ru", []),
    ("Президент США Дональд Трамп провёл встречу.", None, ["Дональд Трамп"]),
    ("Вместо Нетаньяху на саммит приехал Дан Меридор.", None, ["Дан Меридор"]),
    ("Лавров сказал: «Путин прав».", None, ["Лавров"]),
])
def test_people_in_clause(text, source, expected):
    from kgraph.extract.context import people_in_clause

    context = _context(text, source=source)
    sentence = context.sentences[0]
    found = people_in_clause(sentence, sentence.tokens[0], context, speakers=True)
    assert [e.name for e in found] == expected
