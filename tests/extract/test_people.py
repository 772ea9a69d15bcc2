"""Who an event is about: people, role nouns, the implied host (kgraph.extract.people)."""
from __future__ import annotations

from datetime import date

import pytest

@pytest.mark.parametrize("source, day, host", [
    ("kremlin.ru", date(2025, 3, 14), "Владимир Путин"),
    ("gabrielkmbo/kremlin-scraper:kremlin_articles_ru_enhanced.csv", date(2019, 1, 1), "Владимир Путин"),
    ("interfax.ru", date(2025, 3, 14), None),
    ("kremlin.ru", None, None),
])
def test_host_of(context_of, source, day, host):
    from kgraph.extract.people import host_of

    found = host_of(context_of("Встреча с губернатором.", day, source))
    assert (found.name if found else None) == host


@pytest.mark.parametrize("text, source, expected", [
    ("Главу государства сопровождали министры.", "kremlin.ru", ["Владимир Путин"]),
    ("Глава Российского государства провёл встречу.", None, ["Владимир Путин"]),
    ("Помощник Президента провёл встречу.", "kremlin.ru", []),
    ("Президент США Дональд Трамп провёл встречу.", None, ["Дональд Трамп"]),
    ("Вместо Нетаньяху на саммит приехал Дан Меридор.", None, ["Дан Меридор"]),
    ("Лавров сказал: «Путин прав».", None, ["Лавров"]),
])
def test_people_in_clause(context_of, text, source, expected):
    from kgraph.extract.people import people_in_clause

    context = context_of(text, source=source)
    sentence = context.sentences[0]
    found = people_in_clause(sentence, sentence.tokens[0], context, speakers=True)
    assert [e.name for e in found] == expected
