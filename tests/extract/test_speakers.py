"""Who speaks: subjects, inverted names, pronouns, roles and anonymous sources."""
from __future__ import annotations

import pytest

from kgraph.entities.resolve import resolve_entities
from kgraph.extract.context import Context
from kgraph.extract.sentence import Sentence
from kgraph.extract.speakers import Speakers
from kgraph.model import Article
from kgraph.nlp import analyze, lemma


def _speaker_of(text: str, verb: str) -> str | None:
    """The speaker of the last token whose lemma is ``verb``."""
    doc = analyze(text)
    context = Context(Article(id="t", text=text), resolve_entities(doc, Article(id="t", text=text)),
                      [Sentence(s, i) for i, s in enumerate(doc.sents)])
    speakers = Speakers(context)
    sentence, token = [(s, t) for s in context.sentences for t in s.tokens if lemma(t) == verb][-1]
    found = speakers.of_verb(sentence, token)
    return found.name if found else None


@pytest.mark.parametrize("text, verb, expected", [
    ("Сергей Лавров заявил, что переговоры продолжатся.", "заявить", "Сергей Лавров"),
    ("«Мы готовы», - сказал в беседе с журналистами «Известий» министр Сергей Лавров.", "сказать", "Сергей Лавров"),
    ("Алла Бут встретилась с мужем Виктором. «Мы рады», - сказала она.", "сказать", "Алла Бут"),
    ("Дмитрий Иванов прибыл в Токио. Чиновник отметил, что визит важен.", "отметить", "Дмитрий Иванов"),
    ("Дмитрий Иванов прибыл в Токио.\n\nЧиновник отметил, что визит важен.", "отметить", "Дмитрий Иванов"),
    ("Дмитрий Иванов прибыл в Токио.\n\nВизит продлится неделю.\n\nЧиновник отметил, что визит важен.",
     "отметить", None),  # a role names the person of this or the previous paragraph only
    ("«Это новость», - сказал источник в Кремле.", "сказать", None),
    ("Пресс-служба Рамзана Кадырова сообщила, что всё спокойно.", "сообщить", None),
    ("Президент Грузии Михаил Саакашвили объявил о победе, однако лидер оппозиции Леван Гачечиладзе "
     "назвал итоги подтасованными.", "назвать", "Леван Гачечиладзе"),
    ("Президент Грузии Михаил Саакашвили объявил о победе, однако лидер оппозиции Леван Гачечиладзе "
     "назвал итоги подтасованными.", "объявить", "Михаил Саакашвили"),  # natasha swaps the two subjects
    ("Подтвердив приверженность миру, Президент России заявил о готовности к переговорам.", "заявить",
     "Владимир Путин"),  # a capitalized role natasha tags PROPN, resolved by the reference KB
    ("Владимир Путин поздравил мусульман с праздником. В послании, в частности, говорится: «Праздник "
     "олицетворяет стремление людей к милосердию».", "говориться", "Владимир Путин"),
    ("В заявлении МИД России сказано, что переговоры продолжатся.", "сказать", "МИД"),
    (("Художник Адриан Рено написал письмо. «Человек, как Сильвий Бертон, не может править страной», — "
      "заявил он."), "заявить", "Адриан Рено"),  # a person named inside the quote is no antecedent
    (("«Это не значит, что он уйдёт, — пояснила Алла Бут. — Но мы ищем адвоката». Супруга не исключила, "
      "что подаст апелляцию."), "исключить", "Алла Бут"),  # an attribution inside a quote names one
    ("Пресс-секретарь Путина Дмитрий Песков, комментируя проект, заявил: «Он один из лучших министров».",
     "заявить", "Дмитрий Песков"),  # the head's own name, not the genitive's
    ("Министр Лев Карпов, которого цитирует ТАСС, заявил, что реформа готова.", "заявить", "Лев Карпов"),
    ("Министр Лев Карпов, как сообщало агентство ТАСС, заявил, что реформа готова.", "заявить", "Лев Карпов"),
    ("Анна Лис прибыла в Рим. Иван Гай встретил её. Она сказала, что рада.", "сказать", "Анна Лис"),
    ("Профессор Бенедикт Бернер пишет о России. Она сказала, что санкции вредны.", "сказать",
     "Бенедикт Бернер"),  # no one of the pronoun's gender: the last subject, whose name's gender is a guess
    ("Дарья Кедрова выступила на форуме. Композитор Олег Ремез заявил, что доволен.", "заявить", "Олег Ремез"),
    ("Министр Павел Гай заявил, что мэр Олег Зуев уехал в отпуск. Он добавил, что мэр скоро вернётся.", "добавить",
     "Павел Гай"),  # a person named in what was reported is not who speaks on
    ("Агентство ТАСС сообщило, что турист Олег Зуев задержан. В сообщении говорится, что он признал вину.",
     "говориться", None),  # nor the author of the report
    ("Мэр Олег Зуев уехал в отпуск. Он добавил, что скоро вернётся.", "добавить", "Олег Зуев"),
])
def test_speaker_of_a_speech_verb(text, verb, expected):
    assert _speaker_of(text, verb) == expected
