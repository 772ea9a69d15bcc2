"""The article's entities: people grouped, named in the nominative, tied to the reference KB."""
from __future__ import annotations

import datetime

import pytest

from kgraph.entities.resolve import resolve_entities
from kgraph.model import Article
from kgraph.nlp import analyze


def _people(text: str):
    return {e.name: e for e in resolve_entities(analyze(text), Article(id="t", text=text)).entities
            if e.type == "PER"}


@pytest.mark.parametrize("text, names", [
    ("Владимир Путин провёл переговоры с Нарендрой Моди.", {"Владимир Путин", "Нарендра Моди"}),
    ("Президент встретился с Милорадом Додиком. Додик поблагодарил его.", {"Милорад Додик"}),
    ("Встреча с Игорем Руденей. И.Руденя: Добрый день.", {"Игорь Руденя"}),
    ("Об этом заявил Джоэл Саймон (Joel Simon) в Нью-Йорке.", {"Джоэл Саймон"}),
])
def test_people_get_nominative_canonical_names(text, names):
    assert set(_people(text)) == names


def test_people_sharing_a_surname_stay_apart():
    people = _people("Алла Бут рассказала о свидании. Виктор Бут был арестован в Бангкоке. Бут не признал вины.")
    assert {"Алла Бут", "Виктор Бут"} <= set(people)
    assert len(people["Виктор Бут"].mentions) == 2


def test_a_person_the_kb_knows_gets_its_name_and_wikidata_id():
    people = _people("В.Путин: Добрый день, коллеги.")
    assert people["Владимир Путин"].wikidata == "Q7747"
    assert people["Владимир Путин"].key == "Q7747"


def test_index_person_finds_the_article_person_then_the_kb():
    text = "Сергей Лавров прилетел в Женеву."
    index = resolve_entities(analyze(text), Article(id="t", text=text))
    assert index.person("С.Лавров").name == "Сергей Лавров"
    assert index.person("В.Путин").wikidata == "Q7747"
    assert index.person("Х.Неизвестный") is None


def test_undated_article_role_means_the_holder_it_names():
    text = "Дмитрий Медведев открыл форум. Глава российского государства заявил, что инноград заработает."
    index = resolve_entities(analyze(text), Article(id="t", text=text))
    assert index.by_role(("глава", "российский", "государство")).name == "Дмитрий Медведев"


def test_look_ups_do_not_add_to_the_index():
    text = "Сергей Лавров прилетел в Женеву."
    index = resolve_entities(analyze(text), Article(id="t", text=text, date=datetime.date(2025, 5, 6)))
    before = list(index.entities)
    assert index.person("В.Путин").name == "Владимир Путин"
    assert index.by_role(("пресс-секретарь", "кремль")) is not None
    assert index.entities == before


@pytest.mark.parametrize("text, phrase, expected", [
    # the same title
    ("Президент Эммануэль Макрон выступил в Лионе.", ("президент", "франция"), "Эммануэль Макрон"),
    # the phrase's title words among the introduced ones
    ("Министр спорта Игорь Левитин выступил.", ("министр",), "Игорь Левитин"),
    # a title of the same office (lexicon/roles.tsv)
    ("Премьер-министр Греции Андреас Пападопулос прибыл в Брюссель.", ("премьер",), "Андреас Пападопулос"),
    ("Оппозиционер Алексей Навальный выступил в суде.", ("оппозиционер",), "Алексей Навальный"),
    # another country, or two people of the title: nobody
    ("Премьер-министр Греции Андреас Пападопулос прибыл в Брюссель.", ("премьер", "италия"), None),
    ("Министр спорта Игорь Левитин и министр финансов Олег Громов выступили.", ("министр",), None),
    ("Пресс-секретарь мэра Олег Зуев выступил.", ("мэр",), None),
])
def test_a_role_phrase_names_the_person_the_article_introduced(text, phrase, expected):
    index = resolve_entities(analyze(text), Article(id="t", text=text))
    found = index.introduced_as(phrase)
    assert (found.name if found else None) == expected


@pytest.mark.parametrize("text, phrase, serves", [
    ("Мэр Казани Ильсур Метшин выступил.", ("пресс-секретарь", "мэр"), True),
    ("Министр Игорь Левитин выступил.", ("заместитель", "министр"), True),
    ("Мэр Казани Ильсур Метшин выступил.", ("мэр",), False),
    ("Мэр Казани Ильсур Метшин выступил.", ("пресс-секретарь", "губернатор"), False),
])
def test_a_role_phrase_that_serves_a_person_is_not_the_person(text, phrase, serves):
    index = resolve_entities(analyze(text), Article(id="t", text=text))
    person = next(e for e in index.entities if e.type == "PER")
    assert index.serves(phrase, person) == serves


@pytest.mark.parametrize("text, phrase, expected", [
    # the name hangs on the genitive title, yet it is the outer person noun's
    ("Итоги поездки помощника госсекретаря США Анны Лис обсудили в Вашингтоне.",
     ("помощник", "госсекретарь", "сша"), "Анна Лис"),
    ("Итоги поездки помощника госсекретаря США Анны Лис обсудили в Вашингтоне.", ("госсекретарь", "сша"), None),
    # a name in another case than the outer noun is the inner title's
    ("Помощник госсекретаря Марка Гая выступил в Вашингтоне.", ("госсекретарь",), "Марк Гай"),
    # an outer noun that is no person ("визит") leaves the name with its title
    ("Итоги визита министра финансов Франции Жана Леблана обсудили в Париже.",
     ("министр", "финансы", "франция"), "Жан Леблан"),
])
def test_a_name_is_the_role_of_the_person_noun_it_belongs_to(text, phrase, expected):
    index = resolve_entities(analyze(text), Article(id="t", text=text))
    found = index.roles.get(phrase)
    assert (found.name if found else None) == expected
