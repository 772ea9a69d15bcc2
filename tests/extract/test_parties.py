"""Who takes part in a meeting, from the trigger's arguments (kgraph.extract.parties): one table
per construction, positive and negative rows, and the meetings they give end to end."""

from __future__ import annotations

import pytest

from kgraph.extract.parties import parties
from kgraph.nlp import lemma


def _parties(context_of, text: str, trigger: str):
    context = context_of(text)
    for sentence in context.sentences:
        for token in sentence.tokens:
            if lemma(token) == trigger:
                return parties(sentence, token, context)
    raise AssertionError(f"no {trigger!r} in {text!r}")


def _names(people) -> set[str]:
    return {p.name.split()[-1] for p in people}


# (text, trigger lemma, doers' surnames, partners' surnames)
ARGUMENTS = [
    # "с" phrase on the verb or on the noun; the light verb's subject
    (
        "Глава МИД Игорь Соколов встретился с послом Марком Дженкинсом.",
        "встретиться",
        {"Соколов"},
        {"Дженкинс"},
    ),
    (
        "Премьер Олег Белов провёл переговоры с канцлером Вернером Шмидтом.",
        "переговоры",
        {"Белов"},
        {"Шмидт"},
    ),
    # the genitive of a meeting noun, and "между"
    (
        "Переговоры Олега Белова и Вернера Шмидта продлились два часа.",
        "переговоры",
        {"Белов", "Шмидт"},
        set(),
    ),
    (
        "Встреча между Олегом Беловым и Вернером Шмидтом прошла в Вене.",
        "встреча",
        {"Белов", "Шмидт"},
        set(),
    ),
    # a passive verb's agents in the instrumental
    (
        "Проект обсуждается министром Олегом Беловым и послом Марком Дженкинсом.",
        "обсуждаться",
        {"Белов", "Дженкинс"},
        set(),
    ),
    # the dative of a call
    ("Вчера Олег Белов позвонил Вернеру Шмидту.", "позвонить", {"Белов"}, {"Шмидт"}),
    # "вместе с" belongs to the subject's side
    (
        "Олег Белов вместе с Петром Зиминым встретился с Вернером Шмидтом.",
        "встретиться",
        {"Белов", "Зимин"},
        {"Шмидт"},
    ),
    # attendance nouns
    (
        "Саммит прошёл при участии Олега Белова и Вернера Шмидта.",
        "саммит",
        set(),
        {"Белов", "Шмидт"},
    ),
    # a "с" phrase natasha hangs on the verb's object, or a name hung below the title's genitive
    ("Олег Белов обсудил ситуацию с послом Марком Дженкинсом.", "обсудить", {"Белов"}, {"Дженкинс"}),
    ("Олег Белов встретился с заместителем министра финансов Франции Пьером Дюраном.", "встретиться",
     {"Белов"}, {"Дюран"}),
    # a second meeting noun shares the first one's doers; an apposition in another case is not a name
    ("Прошли переговоры посла Марка Дженкинса с министром Олегом Беловым, а затем беседа с Петром Зиминым.",
     "беседа", {"Дженкинс"}, {"Зимин"}),
    # negative rows: a meeting noun inside another noun's phrase names only its own people
    (
        "Вину в прослушивании разговоров признали Олег Белов и Пётр Зимин.",
        "разговор",
        set(),
        set(),
    ),
    (
        "Их встреча — аналог встречи Фауста с Мефистофелем, считает Олег Белов.",
        "встреча",
        set(),
        set(),
    ),
    # a relative's kin is not a participant; a pronoun is never a name
    ("Олег Белов встретился с Вами.", "встретиться", {"Белов"}, set()),
    (
        "Олег Белов встретился с вдовой лётчика Петра Зимина.",
        "встретиться",
        {"Белов"},
        set(),
    ),
]


@pytest.mark.parametrize("text, trigger, doers, partners", ARGUMENTS)
def test_arguments(context_of, text, trigger, doers, partners):
    found = _parties(context_of, text, trigger)
    assert (_names(found.doers), _names(found.partners)) == (doers, partners)


def _pairs(found: list[dict]) -> set[tuple[str, str]]:
    return {
        tuple(sorted((r["subject"].split()[-1], r["object"].split()[-1])))
        for r in found
    }


MEETINGS = [
    # a host's calls with several people: one meeting each, the people called did not meet
    (
        "Олег Белов провёл телефонные разговоры с Вернером Шмидтом, Марком Дженкинсом и Пьером Дюраном.",
        {("Белов", "Шмидт"), ("Белов", "Дженкинс"), ("Белов", "Дюран")},
    ),
    # ... and by a host the article does not name: still no pairs among those called
    (
        "Премьер провёл телефонные разговоры с Вернером Шмидтом, Марком Дженкинсом и Пьером Дюраном.",
        set(),
    ),
    # the agents of a passive meeting verb discussed it together; a question discussed by one is none
    (
        "Вопрос обсуждается генсеком альянса Йенсом Ларсеном, министром обороны Польши Яном Ковальским "
        "и премьером Эстонии Юри Таммом.",
        {("Ковальский", "Ларсен"), ("Ларсен", "Тамм"), ("Ковальский", "Тамм")},
    ),
    ("Вопрос обсуждается министром обороны Польши Яном Ковальским.", set()),
    # partners one after the other met the doer apart
    (
        "Олег Белов провёл переговоры с Вернером Шмидтом, а затем с Марком Дженкинсом.",
        {("Белов", "Шмидт"), ("Белов", "Дженкинс")},
    ),
    (
        "Олег Белов встретился с Вернером Шмидтом, а потом с Марком Дженкинсом.",
        {("Белов", "Шмидт"), ("Белов", "Дженкинс")},
    ),
    # talks of three are one meeting of all three
    (
        "Олег Белов провёл переговоры с Вернером Шмидтом и Марком Дженкинсом.",
        {("Белов", "Шмидт"), ("Белов", "Дженкинс"), ("Дженкинс", "Шмидт")},
    ),
    # people listed together with no meeting
    (
        "Вину в прослушивании разговоров признали Олег Белов, Пётр Зимин и Иван Орлов.",
        set(),
    ),
    # a role noun with its own name next to it is that name's title, not the article's other
    # holder of the office; the assistant of a secretary of state is not the secretary
    (
        "Советник министра финансов Канады Анна Лис прибыла в Оттаву. Вчера прошли переговоры "
        "министра финансов Канады Марка Гая с министром финансов Франции Пьером Дюраном.",
        {("Гай", "Дюран")},
    ),
    (
        "Переговоры главы МИД Италии Марко Риццо с Пьером Дюраном прошли в Риме. Вчера министр иностранных "
        "дел Франции Жан Леблан провёл переговоры с госсекретарём Томом Райтом.",
        {("Дюран", "Риццо"), ("Леблан", "Райт")},
    ),
    # a plural role noun names no one person, though the article introduced one with the title
    (
        "По словам психолога Анны Лис, подростки проводят в сети много времени. Профессор Олег Белов "
        "описал студента, встречавшегося с психологами.",
        set(),
    ),
    (
        "Историк Анна Лис приехала в Казань. Там с историком встретился Олег Белов.",
        {("Белов", "Лис")},
    ),
    # a meeting noun with its own doers takes nobody from its verb
    (
        "Олег Белов сравнил свою встречу с Вернером Шмидтом со встречей Марка Дженкинса и Пьера Дюрана.",
        {("Белов", "Шмидт"), ("Дженкинс", "Дюран")},
    ),
    (
        "После встречи Марка Дженкинса с Пьером Дюраном Олег Белов уехал в отпуск.",
        {("Дженкинс", "Дюран")},
    ),
    # two meeting nouns of one sentence, each with its own people
    (
        "Ожидаются переговоры Олега Белова и Вернера Шмидта, а также встреча Марка Дженкинса с Пьером Дюраном.",
        {("Белов", "Шмидт"), ("Дженкинс", "Дюран")},
    ),
]


@pytest.mark.parametrize("text, expected", MEETINGS)
def test_meetings(relations, text, expected):
    assert _pairs(relations(text, kind="met_with")) == expected
