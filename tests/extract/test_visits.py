"""visited: who travelled where (kgraph.extract.visits)."""
from __future__ import annotations

from datetime import date

import pytest

DAY = date(2025, 3, 14)


def _visits(found: list[dict]) -> set[tuple]:
    return {(r["subject"], r["object"], r["status"]) for r in found}


CASES = [
    ("Владимир Путин прибыл в Пекин.", {("Владимир Путин", "Пекин", "occurred")}),
    ("Владимир Путин посетит Китай с официальным визитом.", {("Владимир Путин", "Китай", "planned")}),
    ("Министр иностранных дел Японии Сейдзи Маэхара должен прибыть в Москву.",
     {("Сейдзи Маэхара", "Москва", "planned")}),
    # the visitor is not whoever else the sentence names
    ("Владимир Путин провёл переговоры с Эмомали Рахмоном, который находится в России с официальным визитом.",
     {("Эмомали Рахмон", "Россия", "occurred")}),
    ("В Кремле состоялась встреча Владимира Путина с Си Цзиньпином, прибывшим в Москву.",
     {("Си Цзиньпин", "Москва", "occurred")}),
    ("Во вторник Реджеп Эрдоган в ходе визита в Украину договорился с Виктором Януковичем о сотрудничестве.",
     {("Реджеп Тайип Эрдоган", "Украина", "occurred")}),
    ("Николя Саркози, посетив Дюссельдорф, назвал его маленьким Парижем.",
     {("Николя Саркози", "Дюссельдорф", "occurred")}),
    ("Соглашение подписано в Чикаго в последний день визита Ху Цзиньтао в США.",
     {("Ху Цзиньтао", "США", "occurred")}),
    ("Владимир Путин побывал на Камчатке.", {("Владимир Путин", "Камчатка", "occurred")}),
    ("Дмитрий Медведев прилетел на Курилы.", {("Дмитрий Медведев", "Курилы", "occurred")}),
    ("Эммануэль Макрон пригласил Владимира Путина посетить Париж.", {("Владимир Путин", "Париж", "planned")}),
    ("Владимир Путин решил посетить Париж.", {("Владимир Путин", "Париж", "planned")}),
    # a vehicle's passengers or owner arrive with it; an empty plane brings nobody
    ("Самолет с Виталием Калоевым на борту приземлился в столичном аэропорту «Домодедово».",
     {("Виталий Калоев", "Домодедово", "occurred")}),
    ("Самолет президента России Владимира Путина приземлился в Пекине.", {("Владимир Путин", "Пекин", "occurred")}),
    ("Самолет приземлился в аэропорту «Домодедово».", set()),
    ("Самолет с гуманитарным грузом приземлился в Москве.", set()),
    # a name beside a place noun is the place: "в город Сочи", "в аэропорту Внуково"
    ("Владимир Путин прибыл в город Сочи.", {("Владимир Путин", "Сочи", "occurred")}),
    ("Сергей Лавров приземлился в аэропорту Внуково.", {("Сергей Лавров", "Внуково", "occurred")}),
    # a title before "который" is the person introduced with it, not the name in its phrase
    ("Помощник госсекретаря США Фил Гордон выступил. "
     "Помощник Хиллари Клинтон по европейским делам, который в среду посетил Белград, заявил это.",
     {("Фил Гордон", "Белград", "occurred")}),
    ("Помощник Хиллари Клинтон по европейским делам, который в среду посетил Белград, заявил это.", set()),
    # where a meeting was, or where someone is, is not a visit
    ("В Кремле прошли переговоры Владимира Путина с Эмомали Рахмоном.", set()),
    ("В Болгарии прошла встреча Владимира Путина с Георгием Пырвановым.", set()),
    ("В аэропорту «Шереметьево» прошла встреча Сергея Лаврова с Ваном И.", set()),
    ("Сергей Лавров живёт в Москве.", set()),
    # "куда" sends a trip verb's relative clause to the place it describes; "где" does not
    ("Переговоры пройдут в Женеве, куда в среду прибыл Марк Гай.", {("Марк Гай", "Женева", "occurred")}),
    ("Переговоры прошли в Женеве, где в среду выступил Марк Гай.", set()),
    ("Переговоры прошли в Женеве, откуда в среду уехал Марк Гай.", set()),
    # an escort goes where it escorts someone to; one who flees goes where they flee to
    ("Марк Гай сопровождал делегацию в Пекин.", {("Марк Гай", "Пекин", "occurred")}),
    ("Марк Гай сопровождал делегацию на переговорах.", set()),
    ("В 1920 году Марк Гай бежал в Париж.", {("Марк Гай", "Париж", "occurred")}),
    ("Марк Гай бежал из Парижа.", set()),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_visits(relations, text, expected):
    assert _visits(relations(text, None, kind="visited")) == expected


def test_a_visit_is_dated_by_the_sentence_or_the_article(relations):
    found = relations("В начале сентября Владимир Путин посетил Китай.", DAY, kind="visited")
    assert [(r["object"], r["date"]) for r in found] == [("Китай", "2024-09")]
    found = relations("Владимир Путин прибыл в Пекин.", DAY, kind="visited")
    assert [r["date"] for r in found] == ["2025-03-14"]


def test_my_visit_in_a_transcript_turn_is_the_speakers(relations):
    text = ("В.Путин: Уважаемый господин Президент! Владимир Путин рад гостям. "
            "Мы отмечали эту дату в ходе моего визита в Улан-Батор.")
    assert _visits(relations(text, None, kind="visited")) == {("Владимир Путин", "Улан-Батор", "occurred")}


def test_companions_go_where_the_visit_of_the_sentence_before_went(relations):
    text = ("Открытие стало частью визита Владимира Путина в Болгарию. "
            "Вместе с президентом приехали Дмитрий Медведев и Юрий Лужков.")
    visits = _visits(relations(text, None, kind="visited"))
    assert {("Дмитрий Медведев", "Болгария", "occurred"), ("Юрий Лужков", "Болгария", "occurred")} <= visits


def test_a_later_trip_without_a_place_goes_nowhere(relations):
    text = ("Владимир Путин прибыл в Пекин. Переговоры длились долго. Обсуждали многое. "
            "Затем приехал Сергей Лавров.")
    assert ("Сергей Лавров", "Пекин", "occurred") not in _visits(relations(text, None, kind="visited"))


def test_a_role_stands_for_the_person_the_article_introduced_with_it(relations):
    text = ("Министр обороны России Анатолий Сердюков провёл совещание. "
            "Япония выразила протест против визита российского министра обороны, посетившего Сахалин.")
    assert ("Анатолий Сердюков", "Сахалин", "occurred") in _visits(relations(text, None, kind="visited"))


# trip words, place nouns and visitors this table adds (kgraph.extract.visits, lexicon/visit.tsv, sites.tsv)
MORE = [
    ("Олег Белов с супругой вылетели из Минска в Тбилиси.", {("Олег Белов", "Тбилиси", "occurred")}),
    ("Министр Олег Белов приехал в район Твери.", {("Олег Белов", "Тверь", "occurred")}),
    # an indeclinable name in the genitive; the name of a title chain
    ("Визит Тенгиза Мачаидзе в Берлин продлится два дня.", {("Тенгиз Мачаидзе", "Берлин", "planned")}),
    ("Итоги поездки помощника министра Франции Пьера Дюрана в Ригу обсудили в парламенте.",
     {("Пьер Дюран", "Рига", "occurred")}),
    # a pronoun stands for the person named before it: the earlier sentence's subject
    ("Писатель Пётр Зимин родился в Праге. В Литве он впервые побывал в 1995 году.",
     {("Петр Зимин", "Литва", "occurred")}),
    # an earlier subject pronoun passes its person on: the article keeps talking of them
    ("Писатель Пётр Зимин родился в Праге. Он много работал. Он любил путешествовать. "
     "В 1995 году он прилетел в Вильнюс.",
     {("Петр Зимин", "Вильнюс", "occurred")}),
    # a pronoun of the other gender passes nobody on
    ("Писатель Пётр Зимин родился в Праге. Она много работала. Она любила путешествовать. "
     "В 1995 году он прилетел в Вильнюс.", set()),
    # a participle before its noun, after a preposition: the named person it describes
    ("Олег Белов встретился с прибывшим в Москву с визитом Марком Гаем.", {("Марк Гай", "Москва", "occurred")}),
    ("Олег Белов поговорил с прибывшими в Москву журналистами.", set()),
    # a visit noun's genitive is the place visited; another noun's genitive is not
    ("В ходе посещения Пекина Марк Гай встретился с Ли Вэем.", {("Марк Гай", "Пекин", "occurred")}),
    ("В ходе посещения выставки правительства Китая Марк Гай встретился с Ли Вэем.", set()),
    # a subject hung on a verb it does not agree with is the agreeing verb's
    ("Марк Гай родился в Вене, куда бежали из Праги его родители Олег Гай и Анна Лис.",
     {("Олег Гай", "Вена", "occurred"), ("Анна Лис", "Вена", "occurred")}),
    ("Марк Гай родился в Вене, куда бежал из Праги его отец.", set()),
    # every place of a list; a tour across a place; a stay
    ("Марк Гай побывал в Вене, Праге и Будапеште.",
     {("Марк Гай", "Вена", "occurred"), ("Марк Гай", "Прага", "occurred"), ("Марк Гай", "Будапешт", "occurred")}),
    ("Марк Гай побывал в Вене, а Пьер Дюран работал в Праге.", {("Марк Гай", "Вена", "occurred")}),
    ("Марк Гай отправился в турне по Латинской Америке.", {("Марк Гай", "Латинская Америка", "occurred")}),
    ("Марк Гай прибыл в Рим по приглашению Италии.", {("Марк Гай", "Рим", "occurred")}),
    ("Марк Гай пробыл в Дели три дня.", {("Марк Гай", "Дели", "occurred")}),
    # not visits: where a person flew from; a person named in the genitive inside a title
    ("Олег Белов вылетел из Тбилиси.", set()),
]


@pytest.mark.parametrize("text, expected", MORE)
def test_more_visits(relations, text, expected):
    assert _visits(relations(text, kind="visited")) == expected


# a host receiving a guest in a city: the guest visited it; receiving a document is no visit
RECEPTIONS = [
    ("Олег Белов принял в Минске президента Латвии Яниса Озолса.", {("Янис Озолс", "Минск", "occurred")}),
    ("Олег Белов принял в Минске новый закон.", set()),
    ("Олег Белов принял Яниса Озолса.", set()),
]


@pytest.mark.parametrize("text, expected", RECEPTIONS)
def test_receptions(relations, text, expected):
    assert _visits(relations(text, kind="visited")) == expected
