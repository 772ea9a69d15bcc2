"""met_with: meetings, talks, calls, receptions, and who else took part (kgraph.extract.meetings)."""
from __future__ import annotations

from datetime import date

import pytest

KREMLIN = "kremlin.ru"
DAY = date(2025, 3, 14)


def _pairs(found: list[dict]) -> set[tuple]:
    return {(*sorted((r["subject"], r["object"])), r["status"], r["mode"]) for r in found}


CASES = [
    # talks, calls, receptions; the mode from the trigger or a mode word anywhere in the sentence
    ("Владимир Путин провёл переговоры с президентом Франции Эммануэлем Макроном.", None,
     {("Владимир Путин", "Эммануэль Макрон", "occurred", "unknown")}),
    ("Владимир Путин и Си Цзиньпин провели переговоры по видеосвязи.", None,
     {("Владимир Путин", "Си Цзиньпин", "occurred", "video")}),
    ("Сергей Лавров провёл телефонный разговор с Энтони Блинкеном.", None,
     {("Сергей Лавров", "Энтони Блинкен", "occurred", "phone")}),
    ("Сергей Лавров встретился с Энтони Блинкеном в Женеве.", None,
     {("Сергей Лавров", "Энтони Блинкен", "occurred", "in_person")}),
    ("Барак Обама принимает в Белом доме своего французского коллегу Николя Саркози.", None,
     {("Барак Обама", "Николя Саркози", "occurred", "in_person")}),
    # status: possible, cancelled, planned, dated after the article
    ("Владимир Путин может встретиться с Дональдом Трампом.", None,
     {("Владимир Путин", "Дональд Трамп", "hypothetical", "in_person")}),
    ("Встреча Владимира Путина и Дональда Трампа не состоится.", None,
     {("Владимир Путин", "Дональд Трамп", "negated", "in_person")}),
    ("Владимир Путин и Нарендра Моди планируют провести переговоры.", None,
     {("Владимир Путин", "Нарендра Моди", "planned", "unknown")}),
    ("20 марта Владимир Путин проведёт переговоры с Александром Лукашенко.", DAY,
     {("Александр Лукашенко", "Владимир Путин", "planned", "unknown")}),
    # a joint visit is a meeting of the visitors
    ("Владимир Путин и Александр Лукашенко посетили Волгоград.", None,
     {("Александр Лукашенко", "Владимир Путин", "occurred", "in_person")}),
    # a meal together is a meeting; a meal alone is none
    ("Марк Гай пообедал с Пьером Дюраном в Лионе.", None, {("Марк Гай", "Пьер Дюран", "occurred", "in_person")}),
    ("Марк Гай пообедал в Лионе.", None, set()),
    # contact with a named person is a meeting; contact with a group, or no one named, is none
    ("Марк Гай поддерживает регулярный контакт с премьером Пьером Дюраном.", None,
     {("Марк Гай", "Пьер Дюран", "occurred", "unknown")}),
    ("Марк Гай поддерживает регулярный контакт с журналистами.", None, set()),
    ("Контакты с Пьером Дюраном прекращены.", None, set()),
    # a trip to a named person is a meeting with them; a trip to a place alone, or to a thing, is none
    ("Марк Гай отправился к Пьеру Дюрану в Лион.", None, {("Марк Гай", "Пьер Дюран", "occurred", "in_person")}),
    ("Марк Гай приедет к президенту Пьеру Дюрану в среду.", None,
     {("Марк Гай", "Пьер Дюран", "planned", "in_person")}),
    ("Марк Гай приехал в Лион.", None, set()),
    ("Марк Гай приехал к месту встречи с опозданием.", None, set()),
    # a hope to meet is no meeting yet
    ("Марк Гай надеется встретиться с Пьером Дюраном.", None,
     {("Марк Гай", "Пьер Дюран", "hypothetical", "in_person")}),
    # a content clause without a subject is its reporter's, when its verb agrees with them
    ("Марк Гай заявил, что встречался с Пьером Дюраном.", None,
     {("Марк Гай", "Пьер Дюран", "occurred", "in_person")}),
    ("Марк Гай заявил, что встречались с Пьером Дюраном.", None, set()),
    ("Анна Лис сообщила, что встречался с Пьером Дюраном.", None, set()),
    # not meetings
    ("Владимир Путин принял отставку губернатора Евгения Куйвашева.", None, set()),
    ("Сергей Лавров встретился с журналистами и прокомментировал слова Наото Кана.", None, set()),
    ("Владимир Путин направил поздравительную телеграмму Си Цзиньпину.", None, set()),
    ("Владимир Путин записал видеообращение к Си Цзиньпину.", None, set()),
    ("Владимир Путин встретился с вдовой Героя России Сергея Чебнёва.", None, set()),
    # the family of a person, whatever word natasha hangs the phrase on, is not the person
    ("Марк Гай, находящийся с визитом в Кении, встретился в субботу в Найроби с семьей бывшего президента "
     "Кении Олега Белова, сообщил Белый дом.", None, set()),
]


@pytest.mark.parametrize("text, day, expected", CASES)
def test_meetings(relations, text, day, expected):
    assert _pairs(relations(text, day, kind="met_with")) == expected


def test_a_meeting_reported_twice_is_one_event_with_the_specific_mode(relations):
    text = ("Владимир Путин и Си Цзиньпин провели переговоры по видеосвязи. "
            "Переговоры Владимира Путина и Си Цзиньпина продлились три часа.")
    found = relations(text, DAY, kind="met_with")
    assert [(r["mode"], r["date"]) for r in found] == [("video", "2025-03-14")]


def test_participants_join_the_meeting_being_reported(relations):
    text = ("Владимир Путин провёл по видеосвязи совещание с постоянными членами Совета Безопасности. "
            "В совещании приняли участие Председатель Правительства Михаил Мишустин и "
            "Министр иностранных дел Сергей Лавров.")
    pairs = _pairs(relations(text, DAY, kind="met_with"))
    assert ("Владимир Путин", "Михаил Мишустин", "occurred", "video") in pairs
    assert ("Владимир Путин", "Сергей Лавров", "occurred", "video") in pairs


@pytest.mark.parametrize("text, guest, mode", [
    ("Телефонный разговор с Президентом Франции Эммануэлем Макроном", "Эммануэль Макрон", "phone"),
    ("Встреча с губернатором Мурманской области Андреем Чибисом", "Андрей Чибис", "in_person"),
    ("В Кремле состоялась рабочая встреча с главой Чеченской Республики Рамзаном Кадыровым.",
     "Рамзан Кадыров", "in_person"),
])
def test_the_publishers_principal_is_the_implied_host(relations, text, guest, mode):
    pairs = _pairs(relations(text, DAY, source=KREMLIN, kind="met_with"))
    assert pairs == {(*sorted(("Владимир Путин", guest)), "occurred", mode)}


@pytest.mark.parametrize("text, pairs", [
    # the floor given to a named person: a participant of the chair's meeting
    ("Президент провёл совещание по экономическим вопросам. В.Путин: Давайте начнём. Пожалуйста, слово "
     "Антону Сергеевичу Громову.", {("Антон Громов", "Владимир Путин")}),
    # the floor alone, or a word about someone, is none
    ("Президент провёл совещание по экономическим вопросам. В.Путин: Давайте начнём. Пожалуйста, слово.", set()),
])
def test_the_floor_given_is_participation(relations, text, pairs):
    found = relations(text, DAY, source=KREMLIN, kind="met_with")
    assert {tuple(sorted((r["subject"], r["object"]))) for r in found} == pairs


def test_no_implied_host_elsewhere(relations):
    text = "Встреча с губернатором Мурманской области Андреем Чибисом"
    assert relations(text, DAY, source="interfax.ru", kind="met_with") == []


def test_those_accompanying_the_host_met_him(relations):
    text = ("Главу государства сопровождали мэр Москвы Сергей Собянин и "
            "Министр обороны Андрей Белоусов.")
    pairs = _pairs(relations(text, DAY, source=KREMLIN, kind="met_with"))
    assert ("Владимир Путин", "Сергей Собянин", "occurred", "in_person") in pairs
    assert ("Андрей Белоусов", "Владимир Путин", "occurred", "in_person") in pairs


def test_the_speakers_side_is_not_the_host(relations):
    text = "Мы со Святейшим Патриархом Кириллом это обсуждали."
    assert relations(text, DAY, source=KREMLIN, kind="met_with") == []


def test_i_in_a_transcript_turn_is_the_speaker(relations):
    text = "Сергей Лавров провёл брифинг. С.Лавров: Вчера я встретился с Энтони Блинкеном."
    pairs = _pairs(relations(text, DAY, kind="met_with"))
    assert pairs == {("Сергей Лавров", "Энтони Блинкен", "occurred", "in_person")}


# a purpose clause is an intention; a call is a phone meeting of the caller and the one called
MORE = [
    ("Олег Белов вылетел в Ригу, чтобы встретиться с Пьером Дюраном.", None,
     {("Олег Белов", "Пьер Дюран", "planned", "in_person")}),
    ("Олег Белов вылетел в Ригу и встретился с Пьером Дюраном.", None,
     {("Олег Белов", "Пьер Дюран", "occurred", "in_person")}),
    ("Вечером Олег Белов позвонил Пьеру Дюрану.", None, {("Олег Белов", "Пьер Дюран", "occurred", "phone")}),
    ("Вечером Олег Белов позвонил в посольство.", None, set()),
    # telling a named person is a conversation; telling the press, or telling that, is none
    ("Тренеры Олег Белов и Пётр Зимин сообщили это решение Ивану Орлову.", None,
     {("Олег Белов", "Петр Зимин", "occurred", "unknown"), ("Иван Орлов", "Олег Белов", "occurred", "unknown"),
      ("Иван Орлов", "Петр Зимин", "occurred", "unknown")}),
    ("Олег Белов сообщил журналистам, что Пётр Зимин уйдёт в отставку.", None, set()),
    # a plural noun subject stands for the pair named as the subject just before
    ("Анна Лис и Мария Гай прилетели в Ригу. Там девушки встретились с Иваном Орловым.", None,
     {("Анна Лис", "Мария Гай", "occurred", "in_person"), ("Анна Лис", "Иван Орлов", "occurred", "in_person"),
      ("Иван Орлов", "Мария Гай", "occurred", "in_person")}),
    # a pronoun from the sentence before, never as a name
    ("Посол Пьер Дюран прибыл в Минск. Олег Белов встретился с ним в пятницу.", None,
     {("Олег Белов", "Пьер Дюран", "occurred", "in_person")}),
]


@pytest.mark.parametrize("text, day, expected", MORE)
def test_more_meetings(relations, text, day, expected):
    assert _pairs(relations(text, day, kind="met_with")) == expected


# a participation word needs its meeting word nearby, not anywhere in the sentence
PARTICIPATION = [
    ("Программа форума состоит из докладов Олега Белова, Петра Зимина и Ивана Орлова, который расскажет, "
     "как сделать хорошую презентацию.", set()),
    ("Олег Белов провёл переговоры с Пьером Дюраном. В переговорах также приняли участие Пётр Зимин и Иван Орлов.",
     {("Олег Белов", "Пьер Дюран"), ("Олег Белов", "Петр Зимин"), ("Олег Белов", "Иван Орлов"),
      ("Пьер Дюран", "Петр Зимин"), ("Иван Орлов", "Пьер Дюран"), ("Иван Орлов", "Петр Зимин")}),
    # "в них": the meeting the sentence before names
    ("В Минске прошли переговоры в нормандском формате. В них участвовали Пётр Зимин, Иван Орлов и Олег Белов.",
     {("Олег Белов", "Петр Зимин"), ("Олег Белов", "Иван Орлов"), ("Иван Орлов", "Петр Зимин")}),
    ("В Минске прошёл футбольный матч. В нём участвовали Пётр Зимин и Иван Орлов.", set()),
]


@pytest.mark.parametrize("text, expected", PARTICIPATION)
def test_participation_needs_its_meeting_word_nearby(relations, text, expected):
    assert {tuple(sorted((r["subject"], r["object"]))) for r in relations(text, kind="met_with")} == {
        tuple(sorted(pair)) for pair in expected
    }
