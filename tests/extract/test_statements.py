"""said: one table row per construction, (text, expected (speaker, quote opening) pairs)."""
from __future__ import annotations

import pytest

from kgraph.model import Article
from kgraph.pipeline import process


def _said(text: str) -> list[tuple[str, str]]:
    result = process(Article(id="t", text=text))
    return [(r["subject"], r["object"]) for r in result.relations() if r["relation"] == "said"]


def _matches(said: list[tuple[str, str]], expected: list[tuple[str, str]]) -> bool:
    """Each expected (speaker, opening) is said once, and nothing else is."""
    if len(said) != len(expected):
        return False
    return all(any(s == speaker and q.startswith(opening) for s, q in said) for speaker, opening in expected)


POSITIVE = [
    pytest.param(
        "«Разговор еще продолжается», - сказал пресс-секретарь президента Дмитрий Песков.",
        [("Дмитрий Песков", "Разговор еще продолжается")], id="quote-then-dash-attribution"),
    pytest.param(
        "«Во время первой экспедиции на Луну высадятся четыре астронавта», сказал Скотт Хоровитц.",
        [("Скотт Хоровитц", "Во время первой экспедиции")], id="quote-then-comma-attribution"),
    pytest.param(
        "«Смерть Егора стала переломным моментом», – сказал в беседе с корреспондентом «Голоса Америки» "
        "лидер движения Александр Белов.",
        [("Александр Белов", "Смерть Егора стала")], id="inverted-subject-after-a-quoted-name"),
    pytest.param(
        "«Это признак важного шага, — сказал Реджеп Эрдоган. — Мы хотим, чтобы бизнесмены осуществляли "
        "общие проекты».",
        [("Реджеп Тайип Эрдоган", "Это признак важного шага"), ("Реджеп Тайип Эрдоган", "Мы хотим, чтобы")],
        id="quote-interrupted-by-its-attribution"),
    pytest.param(
        "Владимир Путин добавил: «Хотел бы поздравить весь китайский народ с Новым годом».",
        [("Владимир Путин", "Хотел бы поздравить")], id="colon-before-quote"),
    pytest.param(
        "Песков добавил, что российско-китайские отношения развиваются планомерно.",
        [("Дмитрий Песков", "российско-китайские отношения развиваются")], id="indirect-speech-chto"),
    pytest.param(
        "Никол Пашинян сообщил о завершении согласования текста мирного договора.",
        [("Никол Пашинян", "о завершении согласования")], id="o-complement"),
    pytest.param(
        "Владимир Путин подтвердил неизменную готовность России содействовать урегулированию.",
        [("Владимир Путин", "неизменную готовность России")], id="stance-noun-object"),
    pytest.param(
        "По словам министра Сергея Лаврова, переговоры пройдут в Женеве на следующей неделе.",
        [("Сергей Лавров", "переговоры пройдут в Женеве")], id="po-slovam-before"),
    pytest.param(
        "Переговоры пройдут в Женеве на следующей неделе, по словам Сергея Лаврова.",
        [("Сергей Лавров", "Переговоры пройдут в Женеве")], id="po-slovam-after"),
    pytest.param(
        "Согласно Сергею Лаврову, переговоры пройдут в Женеве на следующей неделе.",
        [("Сергей Лавров", "переговоры пройдут в Женеве")], id="soglasno"),
    pytest.param(
        "Как сообщил Дмитрий Песков, встреча лидеров пройдет в Кремле.",
        [("Дмитрий Песков", "встреча лидеров пройдет")], id="kak-soobshchil"),
    pytest.param(
        "Алла Бут рассказала о свидании с мужем. «Мы не виделись с 15 ноября», — сказала она.",
        [("Алла Бут", "о свидании с мужем"), ("Алла Бут", "Мы не виделись")], id="pronoun-speaker"),
    pytest.param(
        "В.Путин: Добрый день! Очень рад вас видеть. Берл Лазар: Я как раз встретился с ним пару дней назад.",
        [("Владимир Путин", "Добрый день! Очень рад"), ("Берл Лазар", "Я как раз встретился")],
        id="transcript-turns-end-at-the-next-speaker"),
    pytest.param(
        "Встреча прошла в узком формате В.Путин: Уважаемый Эмомали Шарипович! Рад Вас приветствовать.",
        [("Владимир Путин", "Уважаемый Эмомали Шарипович")], id="turn-after-a-merged-heading"),
    pytest.param(
        "«Пока мы не создадим базу, полёты будут краткими», сказал Скотт Хоровитц. "
        "«Пройдет несколько лет, прежде чем база будет функционировать».",
        [("Скотт Хоровитц", "Пока мы не создадим"), ("Скотт Хоровитц", "Пройдет несколько лет")],
        id="a-quote-standing-alone-continues-the-statement"),
    pytest.param(
        "Соседи считают, что Газпром должен Белоруссии 200 млн долларов. Об этом заявил "
        "замминистра энергетики Эдуард Товпинец.",
        [("Эдуард Товпинец", "Газпром должен Белоруссии")], id="ob-etom-refers-back"),
    pytest.param(
        "Такой переход, считает вице-губернатор Александр Шемелев, повысит оперативность органов власти.",
        [("Александр Шемелев", "повысит оперативность")], id="parenthetical-attribution"),
    pytest.param(
        "Министр Наото Кан заявил, что визит «вызывает сожаление», а глава МИДа Сэйдзи Маэхара отметил, "
        "что этот поступок «ранит чувства японского народа».",
        [("Наото Кан", "визит «вызывает сожаление»"), ("Сэйдзи Маэхара", "этот поступок")],
        id="a-second-attribution-ends-the-first"),
    pytest.param(
        "«Пять лет назад ферма теряла деньги.\nСегодня мы зарабатываем, хотя цены выросли.\n"
        "Всё решает соседний рынок», — говорит фермер Ольга Травина.",
        [("Ольга Травина", "Пять лет назад ферма теряла")], id="a-quote-over-several-lines"),
    pytest.param(
        "Переговоры о тарифах продолжатся в мае, сообщил министр торговли Антон Гусев.",
        [("Антон Гусев", "Переговоры о тарифах продолжатся")], id="inverted-attribution-after-content"),
    pytest.param(
        "Ирина Власова руководит фондом десять лет. Реформа пенсий провалилась, считает она.",
        [("Ирина Власова", "Реформа пенсий провалилась")], id="inverted-attribution-pronoun"),
    pytest.param(
        "Экспортные пошлины, продолжает экономист Марк Ли, давно неэффективны для бюджета.",
        [("Марк Ли", "давно неэффективны")], id="inverted-attribution-in-the-middle"),
    pytest.param(
        "По мнению аналитиков, экспортные пошлины, продолжает экономист Марк Ли, неэффективны.",
        [("Марк Ли", "По мнению аналитиков")], id="inverted-attribution-in-the-middle-short-rest"),
    pytest.param(
        "Посол Олег Бурин приехал в Варшаву. Соседние страны готовы к диалогу, полагает дипломат.",
        [("Олег Бурин", "Соседние страны готовы")], id="inverted-attribution-role-named-before"),
    pytest.param(
        "Губернатор Олег Сомов доложил премьеру о завершении ремонта моста.",
        [("Олег Сомов", "о завершении ремонта")], id="o-complement-after-an-addressee"),
    pytest.param(
        "Министр Олег Сомов не исключил, что мост откроют в июне.",
        [("Олег Сомов", "мост откроют в июне")], id="a-negated-verb-of-denial-asserts"),
    pytest.param(
        "Скончался академик Павел Рогов.\n\nПресс-секретарь мэра Олег Зуев рассказал:\n\n"
        "Мэр глубоко соболезнует родным и близким академика.\n\nПрощание пройдёт в субботу.",
        [("Олег Зуев", "Мэр глубоко соболезнует")], id="a-colon-then-a-paragraph-break"),
    pytest.param(
        "Министр Олег Зуев написал в своём блоге:\n«Мы справимся с паводком за неделю».",
        [("Олег Зуев", "Мы справимся с паводком")], id="a-colon-then-a-quoted-paragraph"),
    pytest.param(
        "Депутат Игорь Сомов обвинил мэрию в нарушении правил застройки.",
        [("Игорь Сомов", "мэрию в нарушении")], id="accuse-of"),
    pytest.param(
        "Докладчик Ханна Ули расценила закон как проявление дискриминации.",
        [("Ханна Ули", "закон как проявление")], id="regard-as"),
    pytest.param(
        "Экономист Лев Карпов полагает, что рубль укрепится к осени.",
        [("Лев Карпов", "рубль укрепится")], id="opinion-verb-with-chto"),
    pytest.param(
        "Импорт молока снижается, комментирует аналитик Лев Карпов.",
        [("Лев Карпов", "Импорт молока снижается")], id="inverted-comment"),
    pytest.param(
        "Обзор прессы: Европа ищет диалог\n\nСанкции против соседей давно неэффективны, отмечает профессор "
        "Ханна Ули на страницах Le Monde.",
        [("Ханна Ули", "Санкции против соседей")], id="inverted-attribution-after-a-headline"),
    pytest.param(
        "Министр Анна Лис и посол Павел Гай заявили, что соглашение о торговле готово.",
        [("Анна Лис", "соглашение о торговле"), ("Павел Гай", "соглашение о торговле")],
        id="coordinated-speakers-both-speak"),
    pytest.param(
        "По заявлению министра Анны Лис, мост откроют к осени.",
        [("Анна Лис", "мост откроют к осени")], id="po-zayavleniyu"),
    pytest.param(
        "Мэр Олег Зуев высказал признательность волонтёрам за помощь при паводке.",
        [("Олег Зуев", "признательность волонтёрам")], id="stance-gratitude"),
    pytest.param(
        "Горничная отеля Анна Лис, утверждающая, что директор её обманул, подала иск в суд.",
        [("Анна Лис", "директор её обманул")], id="participle-with-chto"),
    pytest.param(
        "Политолог Анна Шульц опубликовала статью. Власти проводят жесткую политику, пишет Шульц: "
        "оппозиция задыхается, многие организации закрываются.",
        [("Анна Шульц", "Власти проводят жесткую политику"), ("Анна Шульц", "оппозиция задыхается")],
        id="inverted-writes-with-alternating-stem-then-colon"),
    pytest.param(
        "Депутат Олег Зуев назвал эти выборы подтасованными.", [("Олег Зуев", "эти выборы подтасованными")],
        id="a demonstrative with content after its noun is content"),
    pytest.param(
        "Ведущие Анна Лис, Павел Гай и Марта сообщили, что покидают канал.",
        [("Анна Лис", "покидают канал"), ("Павел Гай", "покидают канал"), ("Марта", "покидают канал")],
        id="coordinated-names-under-a-plural-role"),
    pytest.param(
        "Посол Олег Зуев и министр обороны Иван Рябов заявили, что учения продолжатся.",
        [("Олег Зуев", "учения продолжатся"), ("Иван Рябов", "учения продолжатся")],
        id="coordinated-roles-each-with-its-name"),
    pytest.param(
        'Канцлер Анна Лис выступила в бундестаге. "Это союз государств, объединенных ценностями", — '
        'цитирует «Росбалт» канцлера.',
        [("Анна Лис", "Это союз государств")], id="a medium quotes a role"),
    pytest.param(
        "«Во время первой экспедиции высадятся четыре астронавта», сказал Павел Гай, бывший астронавт, "
        "который сейчас работает в агентстве.",
        [("Павел Гай", "Во время первой экспедиции")], id="a title after the speaker's name is no content"),
]

NEGATIVE = [
    pytest.param("Олег Зуев принадлежит к меньшинству, считающему, что налоги надо снизить.",
                 id="participle-of-a-group"),
    pytest.param("Заявленная министром Анной Лис реформа началась.", id="participle-without-a-clause"),
    pytest.param("На вопросы журналистов отвечали: командир экипажа Олег Зуев и бортинженер Пётр Гай.",
                 id="a-colon-before-the-verbs-own-subject"),
    pytest.param("Олег Сомов молчал. По словам близкого к нему источника, сделка сорвалась.",
                 id="po-slovam-an-anonymous-source-with-a-pronoun"),
    pytest.param("Экономист Лев Карпов опасается за свою репутацию.", id="opinion-verb-without-a-clause"),
    pytest.param("Экономист Лев Карпов полагает важность реформ очевидной.", id="opinion-verb-no-stance-object"),
    pytest.param("Она прочла письмо, о котором говорил Олег Зуев:\n\nМы справимся с паводком за неделю.",
                 id="a-colon-after-a-relative-clause"),
    pytest.param("Итоги голосования:\n\nЗа проект выступили сорок депутатов.", id="a-colon-after-no-speech"),
    pytest.param("Директор Олег Сомов написал заявление об уходе.", id="o-complement-of-a-noun"),
    pytest.param("Олег Сомов сказал об этом журналистам.", id="o-complement-a-pronoun"),
    pytest.param("Говоря о сроках ремонта, Олег Сомов улыбнулся.", id="o-complement-of-a-gerund"),
    pytest.param("Компания Олега Сомова завтра объявит о покупке завода.", id="future-speech"),
    pytest.param("Олег Сомов не сообщил, что мост закрыт.", id="negated-speech"),
    pytest.param("Олег Сомов сказал бы, что мост закрыт.", id="conditional-speech"),
    pytest.param("Переговоры продолжатся в мае, сообщит министр Антон Гусев.", id="inverted-future-speech"),
    pytest.param("Переговоры продолжатся в мае, не сообщил министр Антон Гусев.", id="inverted-negated-speech"),
    pytest.param("Переговоры продолжатся в мае, сообщил источник в министерстве.", id="inverted-anonymous-source"),
    pytest.param("Когда министр Антон Гусев вернулся, он сообщил коллегам новость.", id="inverted-subject-before"),
    pytest.param("Певица Ольга Ветрова выпустила альбом, считает критик.", id="inverted-role-names-no-one-before"),
    pytest.param("«Это новость», - сказал источник в Кремле.", id="anonymous-source"),
    pytest.param("Эксперты считают, что позиции губернатора пошатнулись.", id="plural-anonymous-subject"),
    pytest.param("Путин встретился с Си Цзиньпином в Пекине.", id="no-speech"),
    pytest.param("Лавров прилетел в Женеву, сообщает «Лента.ру».", id="media-name-in-quotes-is-no-quote"),
    pytest.param("«Мы знаем, что он сказал: это важно», — написано на плакате.", id="speech-verb-inside-a-quote"),
    pytest.param("Напомним, что переговоры прошли в Женеве.", id="first-person-verb"),
    pytest.param("Сергей Лавров подтвердил получение письма.", id="an-object-that-is-no-stance"),
    pytest.param("Согласно закону, выборы пройдут в сентябре.", id="soglasno-without-a-speaker"),
    pytest.param("Согласно расчётам Исаака Ньютона, 2060 год станет последним для людей.",
                 id="soglasno-a-document-of-a-person"),
    pytest.param("Политолог Анна Шульц пишет книгу о Грузии.", id="writes-a-book-is-no-statement"),
    pytest.param("Депутат Олег Зуев опроверг эту информацию.", id="a demonstrative object refers back"),
    pytest.param("Депутат Олег Зуев подтвердил это.", id="a pronoun object refers back"),
    pytest.param('"Это союз государств, объединенных ценностями", — цитирует «Росбалт» источник в правительстве.',
                 id="a medium quotes an anonymous source"),
]


@pytest.mark.parametrize("text, expected", POSITIVE)
def test_statement_constructions(text, expected):
    said = _said(text)
    assert _matches(said, expected), said


@pytest.mark.parametrize("text", NEGATIVE)
def test_no_statement(text):
    assert _said(text) == []


def test_the_kb_names_a_person_the_article_gives_by_surname_only():
    assert _said("Песков добавил, что встреча прошла успешно.")[0][0] == "Дмитрий Песков"


def test_statements_keep_organizations_but_prefer_the_person_of_an_apposition():
    said = _said("По словам главы Минкомсвязи Игоря Щеголёва, регистрация имён введена для госорганов.")
    assert [s.replace("ё", "е") for s, _ in said] == ["Игорь Щеголев"]


def test_a_body_that_speaks_is_not_its_head():
    said = _said("Пресс-служба Кадырова сообщила, что в столице царит праздничное настроение.")
    assert all(s != "Рамзан Кадыров" and s != "Кадыров" for s, _ in said)
