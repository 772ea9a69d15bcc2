"""Which words of a person span are the name (kgraph.entities.namewords), through resolve_entities."""
from __future__ import annotations

import pytest

from kgraph.entities.namewords import is_common_word
from kgraph.entities.resolve import resolve_entities
from kgraph.model import Article
from kgraph.nlp import analyze


def _people(text: str) -> set[str]:
    return {e.name for e in resolve_entities(analyze(text), Article(id="t", text=text)).entities if e.type == "PER"}


@pytest.mark.parametrize("word, common", [
    ("Канцлер", True), ("Оппозиционер", True), ("Подруга", True), ("Уважаемый", True), ("Вами", True),
    ("Макрон", False), ("Путин", False), ("Си", False),
    ("Карасина", False), ("Рябков", False),  # shaped like surnames, whatever pymorphy2 guesses
])
def test_is_common_word(word, common):
    assert is_common_word(word) == common


@pytest.mark.parametrize("text, names", [
    # a title or an adjective natasha took into the span goes
    ("Племянник Рустама Гасанова приехал в Баку.", {"Рустам Гасанов"}),
    ("Уважаемый Игорь Сергеевич, спасибо.", {"Игорь Сергеевич"}),
    # the name words agree in case: the instrumental of the first name tells the surname's
    ("Переговоры с Президентом Республики Того Фором Гнассингбе прошли в Кремле.", {"Фор Гнассингбе"}),
    # an initial with no space: the surname stays as written when the initial is the subject
    ("Как сказала Н.Орлова, решение принято.", {"Н.Орлова"}),
    ("Как сказала Н.Орлова, решение принято. Наталья Орлова добавила, что всё хорошо.", {"Наталья Орлова"}),
    # a surname with a particle joins the full name
    ("Ханс фон Мольтке выступил в Бонне. Затем фон Мольтке уехал.", {"Ханс фон Мольтке"}),
])
def test_person_names_from_spans(text, names):
    assert _people(text) == names


@pytest.mark.parametrize("text", [
    "Оппозиционер предложил ввести санкции.",
    "Канцлер заявила, что решение окончательное.",
    "Благодарю Вас за приглашение.",
])
def test_a_bare_role_word_or_a_pronoun_is_never_a_name(text):
    assert _people(text) == set()
