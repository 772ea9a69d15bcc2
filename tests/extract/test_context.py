"""What extractors ask of a sentence: its status and date (kgraph.extract.context)."""
from __future__ import annotations

import pytest


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
    ("Визит Нетаньяху в Вашингтон был под большим вопросом.", "Визит", "hypothetical"),
    ("Путин хотел бы встретиться с Трампом.", "встретиться", "hypothetical"),
    ("Путин решил посетить Китай.", "посетить", "planned"),
    ("В Кремле не исключают встречи Путина и Трампа.", "встречи", "hypothetical"),
    ("В Кремле не планируют встречи Путина и Трампа.", "встречи", "negated"),
    # on the eve of an event it has not happened yet; the adverb "накануне" is the day before
    ("Премьер накануне визита главы МИД в Москву пообещал добиться своего.", "визита", "planned"),
    ("В преддверии визита Путина в Китай Си Цзиньпин дал интервью.", "визита", "planned"),
    ("Накануне Путин прибыл в Минск.", "прибыл", "occurred"),
    ("Накануне итоги визита главы МИД в Берлин обсудил парламент.", "визита", "occurred"),
    ("Накануне переговоров с Моди премьер выступил в парламенте.", "переговоров", "planned"),
    ("После встречи с Путиным Меркель выступила.", "встречи", "occurred"),
    # a name is no status word; a noun of basis says why, not whether
    ("Марк Гай встретился с Ли Вэем.", "встретился", "occurred"),
    ("Ли Вэй посетит Прагу.", "посетит", "planned"),
    ("Марк Гай посетил Париж по приглашению Пьера Дюрана.", "посетил", "occurred"),
    ("Марк Гай принял приглашение посетить Париж.", "посетить", "planned"),
    # a verb below the trigger's predicate has its own status: the visit is not what is decided
    ("Визит Марка Гая в Рим призван решить эту проблему.", "Визит", "occurred"),
    ("Марк Гай решил посетить Рим.", "посетить", "planned"),
    ("До запланированного визита Марка Гая в Рим осталась неделя.", "визита", "planned"),
    # an adverbial clause's modal is its own, not the trigger's; the trigger's own modal counts
    ("Марк Гай прибыл в Канаду, когда никто не мог получить визу.", "прибыл", "occurred"),
    ("Марк Гай приехал в Рим, хотя мог остаться дома.", "приехал", "occurred"),
    ("Марк Гай может приехать в Рим, когда получит визу.", "приехать", "hypothetical"),
])
def test_status_of(context_of, text, word, status):
    from kgraph.extract.context import status_of

    context = context_of(text)
    assert status_of(*_trigger(context, word)) == status


@pytest.mark.parametrize("text, word, expected", [
    ("7 мая Путин провёл переговоры с Мадуро.", "переговоры", ("planned", "2025-05-07")),
    ("5 мая Путин провёл переговоры с Мадуро.", "переговоры", ("occurred", "2025-05-05")),
    ("Путин провёл переговоры с Мадуро.", "переговоры", ("occurred", "2025-05-06")),
    ("Путин проведёт переговоры с Мадуро.", "переговоры", ("planned", None)),
    ("Путин проведёт переговоры с Мадуро в марте.", "переговоры", ("planned", "2026-03")),
    # a date in a relative clause dates that clause's event only
    ("Путин принял Додика, который накануне прибыл в Москву.", "принял", ("occurred", "2025-05-06")),
    ("Путин принял Додика, который накануне прибыл в Москву.", "прибыл", ("occurred", "2025-05-05")),
])
def test_an_event_dated_after_its_article_has_not_occurred(context_of, text, word, expected):
    from kgraph.extract.context import status_and_date

    context = context_of(text)
    sentence, trigger = _trigger(context, word)
    assert status_and_date(sentence, trigger, context.article) == expected


@pytest.mark.parametrize("text, pronoun, gender, speech, expected", [
    ("Анна Лис прибыла в Рим. Она осмотрела форум.", "Она", "Fem", False, "Анна Лис"),
    ("Анна Лис прибыла в Рим. Она осмотрела форум.", "Она", "Fem", True, "Анна Лис"),
    ("Анна Лис прибыла в Рим. Погода была тёплой. Дождей не было. Шёл снег. Она уехала.", "Она", "Fem", False,
     None),  # a pronoun in a report reaches two sentences back
    ("Анна Лис прибыла в Рим. Погода была тёплой. Дождей не было. Шёл снег. Она уехала.", "Она", "Fem", True,
     "Анна Лис"),  # a speaker is the last one named, however far back
    ("Художник Павел Гай написал: «Сильвий Бертон не может править страной». Он уехал.", "Он", "Masc", True,
     "Павел Гай"),  # a person named inside a quotation is no speaker's antecedent
    ("Художник Пётр Гай прибыл в Рим. Она уехала.", "Она", "Fem", False, None),  # the other gender
])
def test_antecedent_of_a_report_and_of_a_speaker(context_of, text, pronoun, gender, speech, expected):
    context = context_of(text)
    position = text.rindex(pronoun)
    sentence = next(s.index for s in context.sentences if s.start <= position < s.stop)
    found = context.antecedent(position, sentence, gender, speech=speech)
    assert (found.name if found else None) == expected
