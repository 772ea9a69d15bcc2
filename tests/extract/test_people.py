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


DAY = date(2025, 5, 6)


@pytest.mark.parametrize("text, day, source, expected", [
    ("Главу государства сопровождали министры.", DAY, "kremlin.ru", ["Владимир Путин"]),
    ("Глава Российского государства провёл встречу.", DAY, None, ["Владимир Путин"]),
    ("Помощник Президента провёл встречу.", DAY, "kremlin.ru", []),
    ("Президент США Дональд Трамп провёл встречу.", DAY, None, ["Дональд Трамп"]),
    # undated: the person the article introduced with the title, not today's holder
    ("Президент Николя Саркози выступил. Президент Франции прибыл в Вашингтон.", None, None, ["Николя Саркози"]),
    ("Глава Российского государства провёл встречу.", None, None, []),
    ("Вместо Нетаньяху на саммит приехал Дан Меридор.", DAY, None, ["Дан Меридор"]),
    ("Лавров сказал: «Путин прав».", DAY, None, ["Сергей Лавров"]),  # the KB knows his full name
    # a role noun stands for the one person the article introduced with that title or office
    ("Премьер-министр Греции Андреас Пападопулос прибыл в Брюссель. Премьер встретился с Жан-Клодом Юнкером.",
     DAY, None, ["Андреас Пападопулос", "Жан-Клод Юнкер"]),
    ("Оппозиционер Илья Лебедев выступил в суде. Оппозиционер встретился с послом Джоном Смитом.",
     DAY, None, ["Илья Лебедев", "Джон Смит"]),
    # not the genitive inside another person's title, not with two people of the title
    ("Пресс-секретарь мэра Олег Зуев выступил. Мэр встретился с Джоном Смитом.", DAY, None, ["Джон Смит"]),
    ("Министр спорта Игорь Левитин и министр финансов Олег Громов выступили. Министр встретился с Джоном Смитом.",
     DAY, None, ["Джон Смит"]),
    # "его родители Кирилл и Марина" names two people, no role
    ("Его родители Кирилл Орлов и Марина Орлова уехали. Родитель встретился с Джоном Смитом.",
     DAY, None, ["Джон Смит"]),
])
def test_people_in_clause(context_of, text, day, source, expected):
    from kgraph.extract.people import people_in_clause

    context = context_of(text, day, source)
    sentence = context.sentences[-1]
    found = people_in_clause(sentence, sentence.tokens[0], context, speakers=True)
    assert [e.name for e in found] == expected


@pytest.mark.parametrize("text, verb, expected", [
    ("Владимир Путин провёл переговоры с Эмомали Рахмоном, который находится в России.", "находиться",
     ["Эмомали Рахмон"]),
    # a title noun before "который" stands for the one person the article introduced with it,
    # not for the name inside its phrase
    ("Помощник госсекретаря США Фил Гордон выступил. "
     "Помощник Хиллари Клинтон по европейским делам, который в среду посетил Белград, заявил это.",
     "посетить", ["Фил Гордон"]),
    ("Помощник Хиллари Клинтон по европейским делам, который в среду посетил Белград, заявил это.",
     "посетить", []),
])
def test_who_kotoryj_stands_for(context_of, text, verb, expected):
    from kgraph.extract.people import subject_people
    from kgraph.nlp import lemma

    context = context_of(text, None)
    sentence = context.sentences[-1]
    trigger = next(t for t in sentence.tokens if lemma(t) == verb)
    assert [e.name for e in subject_people(sentence, trigger, context)] == expected


def test_turn_speaker_reads_the_last_mark_before_a_position(context_of):
    from kgraph.extract.people import turn_speaker

    text = "В.Путин: Добрый день. С.Лавров: Спасибо."
    context = context_of(text)
    assert turn_speaker(context, 0) is None
    assert turn_speaker(context, text.index("Добрый")).name == "Владимир Путин"
    assert turn_speaker(context, text.index("Спасибо")).name == "Сергей Лавров"


def test_a_kb_host_joins_the_result_only_through_an_event():
    from kgraph.model import Article
    from kgraph.pipeline import process

    result = process(Article(id="t", text="Главу государства сопровождали министры. Встреча с Игорем Руденей.",
                             date=DAY, source="kremlin.ru"))
    people = {e.name for e in result.entities if e.type == "PER"}
    assert "Игорь Руденя" in people
    assert ("Владимир Путин" in people) == any("Владимир Путин" in (r["subject"], r["object"])
                                               for r in result.relations())


@pytest.mark.parametrize("text, expected", [
    ("Канцлер Германии Ангела Меркель прибыла в Москву. Она провела переговоры с Виктором Орбаном.",
     ["Ангела Меркель", "Виктор Орбан"]),
    ("Министр Сергей Лавров прилетел в Женеву. Там он встретился с Джоном Керри.", ["Сергей Лавров", "Джон Керри"]),
    # the pronoun's gender must fit; a pronoun never names anybody by itself
    ("Анна Рыбина выступила в суде. Он встретился с Джоном Керри.", ["Джон Керри"]),
    # too far back: three sentences lie between
    ("Сергей Лавров прилетел в Женеву. Шёл дождь. Улицы были пусты. Город спал. Он встретился с Джоном Керри.",
     ["Джон Керри"]),
    # an object pronoun is a person of an earlier sentence, never the clause's own subject
    ("Сергей Лавров прилетел в Женеву. Джон Керри встретил его в аэропорту.", ["Джон Керри", "Сергей Лавров"]),
    ("Сергей Лавров прилетел в Женеву. С ним встретился Джон Керри.", ["Сергей Лавров", "Джон Керри"]),
    ("Джон Керри выступил и встретил его.", ["Джон Керри"]),
])
def test_a_subject_pronoun_is_the_person_named_before(context_of, text, expected):
    from kgraph.extract.people import people_in_clause

    context = context_of(text)
    sentence = context.sentences[-1]
    clause = next(t for t in sentence.tokens if t.rel == "root")
    assert [e.name for e in people_in_clause(sentence, clause, context, speakers=True)] == expected


def test_a_bare_surname_is_the_person_the_article_names_most():
    from kgraph.entities.people import PersonForm, group_people

    forms = ["Олег Ветров", "Олег Ветров", "Пётр Ветров", "Ветров"]
    assert group_people([PersonForm(f, True, i) for i, f in enumerate(forms)]) == [[0, 1, 3], [2]]


@pytest.mark.parametrize("text, expected", [
    ("Анна Лис и Мария Рот прилетели в Москву. Девушки встретились с послом Джоном Смитом.",
     ["Анна Лис", "Мария Рот", "Джон Смит"]),
    ("Анна Лис и Мария Рот прилетели в Москву. Они встретились с послом Джоном Смитом.",
     ["Анна Лис", "Мария Рот", "Джон Смит"]),
    # one person named before is no group; two in different roles of a sentence are none either
    ("Анна Лис прилетела в Москву. Девушки встретились с послом Джоном Смитом.", ["Джон Смит"]),
    ("Анна Лис заявила, что Мария Рот права. Они встретились с послом Джоном Смитом.", ["Джон Смит"]),
])
def test_a_plural_subject_is_the_group_named_before(context_of, text, expected):
    from kgraph.extract.people import people_in_clause

    context = context_of(text)
    sentence = context.sentences[-1]
    clause = next(t for t in sentence.tokens if t.rel == "root")
    assert [e.name for e in people_in_clause(sentence, clause, context, speakers=True)] == expected
