"""The reference KB (ontology/kb.ttl) and its runtime API, kgraph.kb."""
from __future__ import annotations

import datetime
import importlib.util
import re
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

from kgraph.kb import KBEntity, KnowledgeBase, load_kb, normalize
from kgraph.resources import ontology_dir

ROOT = Path(__file__).resolve().parents[1]
D = datetime.date


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


def test_default_path() -> None:
    """A checkout reads the repo's ontology/, a wheel its kgraph/ontology/; both hold kb.ttl."""
    assert (ontology_dir() / "kb.ttl").is_file()
    assert load_kb() is load_kb(ontology_dir() / "kb.ttl")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("КНР", "Китай"),
        ("Китай", "Китай"),
        ("китайская народная республика", "Китай"),
        ("Российская Федерация", "Россия"),
        ("РФ", "Россия"),
        ("США", "Соединённые Штаты Америки"),
        ("Соединенные Штаты", "Соединённые Штаты Америки"),
        ("ФРГ", "Германия"),
        ("КНДР", "Корейская Народно-Демократическая Республика"),
        ("Северная Корея", "Корейская Народно-Демократическая Республика"),
        ("Южная Корея", "Республика Корея"),
        ("ЮАР", "Южно-Африканская Республика"),
        ("Британия", "Великобритания"),
        ("ОАЭ", "Объединённые Арабские Эмираты"),
        ("Беларусь", "Белоруссия"),
        ("Кыргызстан", "Киргизия"),
        ("Сирия", "Сирия"),
        ("Иран", "Иран"),
        ("ООН", "Организация Объединённых Наций"),
        ("НАТО", "Организация Североатлантического договора"),
        ("Евросоюз", "Европейский союз"),
        ("Шанхайская организация сотрудничества", "Шанхайская организация сотрудничества"),
        ("ШОС", "Шанхайская организация сотрудничества"),
        ("«Группа двадцати»", "Группа двадцати"),
        ("G20", "Группа двадцати"),
        ("МИД РФ", "МИД России"),
        ("Министерство иностранных дел Российской Федерации", "МИД России"),
        ("Госдума", "Государственная дума"),
        ("Совфед", "Совет Федерации"),
        ("Минобороны РФ", "Минобороны России"),
        ("Кремль", "Кремль"),
        ("Путин", "Владимир Путин"),
        ("Си Цзиньпин", "Си Цзиньпин"),
        ("Лула", "Луис Инасиу Лула да Силва"),
        ("Петербург", "Санкт-Петербург"),
        ("Нур-Султан", "Астана"),
        ("Кишинев", "Кишинёв"),
    ],
)
def test_find(kb: KnowledgeBase, name: str, expected: str) -> None:
    found = kb.find(name)
    assert found is not None, name
    assert found.name == expected


def test_find_details(kb: KnowledgeBase) -> None:
    assert kb.find("Атлантида") is None
    russia = kb.find("россия")
    assert russia is not None and russia.type == "LOC" and russia.wikidata == "Q159"
    assert russia.iri == "https://w3id.org/kgraph/resource/entity/Q159"
    assert "РФ" in russia.short_names and "Российская Федерация" in russia.aliases
    assert russia.country == russia.iri
    assert kb.find("Путин", type="LOC") is None
    mid = kb.find("МИД России", type="ORG")
    assert mid is not None and mid.iri == "https://w3id.org/kgraph/resource/org/mid-rossii"
    assert mid.country == russia.iri
    peskov = kb.find("Дмитрий Песков")
    assert peskov is not None and peskov.type == "PER" and peskov.wikidata is None
    assert peskov.iri == "https://w3id.org/kgraph/resource/person/dmitriy-peskov"
    moscow = kb.find("Москва")
    assert moscow is not None and moscow.country == russia.iri
    assert kb.get(russia.iri) is russia
    with pytest.raises(KeyError):
        kb.get("https://w3id.org/kgraph/resource/place/atlantida")


def test_every_iso_country_is_there(kb: KnowledgeBase) -> None:
    pycountry = pytest.importorskip("pycountry")
    countries = [e for e in kb if e.type == "LOC" and e.country == e.iri]
    assert len(countries) == len(pycountry.countries)
    assert kb.country("ru") == kb.find("Россия")


@pytest.mark.parametrize(
    ("lemma", "expected"),
    [
        ("российский", "Россия"),
        ("китайский", "Китай"),
        ("американский", "Соединённые Штаты Америки"),
        ("германский", "Германия"),
        ("немецкий", "Германия"),
        ("французский", "Франция"),
        ("британский", "Великобритания"),
        ("индийский", "Индия"),
        ("белорусский", "Белоруссия"),
        ("казахстанский", "Казахстан"),
        ("украинский", "Украина"),
        ("турецкий", "Турция"),
        ("иранский", "Иран"),
        ("японский", "Япония"),
        ("бразильский", "Бразилия"),
        ("южноафриканский", "Южно-Африканская Республика"),
        ("саудовский", "Саудовская Аравия"),
        ("северокорейский", "Корейская Народно-Демократическая Республика"),
        ("эмиратский", "Объединённые Арабские Эмираты"),
        ("киргизский", "Киргизия"),
        ("узбекский", "Узбекистан"),
        ("армянский", "Армения"),
        ("Азербайджанский", "Азербайджан"),
    ],
)
def test_country_of_adjective(kb: KnowledgeBase, lemma: str, expected: str) -> None:
    found = kb.country_of_adjective(lemma)
    assert found is not None, lemma
    assert found.name == expected


def test_country_of_adjective_unknown(kb: KnowledgeBase) -> None:
    assert kb.country_of_adjective("зелёный") is None
    assert kb.country_of_adjective("корейский") is None  # which Korea?


@pytest.mark.parametrize(
    ("role", "country", "on", "expected"),
    [
        ("head_of_state", "США", D(2026, 2, 4), "Дональд Трамп"),
        ("head_of_state", "США", D(2023, 6, 1), "Джо Байден"),
        ("head_of_state", "США", D(2019, 1, 1), "Дональд Трамп"),
        ("head_of_state", "США", D(2025, 1, 20), "Дональд Трамп"),  # inauguration day: the new holder
        ("head_of_state", "США", D(2025, 1, 19), "Джо Байден"),
        ("head_of_government", "Германия", D(2026, 1, 15), "Фридрих Мерц"),
        ("head_of_government", "Германия", D(2023, 3, 1), "Олаф Шольц"),
        ("head_of_government", "ФРГ", D(2019, 3, 1), "Ангела Меркель"),
        ("spokesperson", "Россия", D(2026, 2, 4), "Дмитрий Песков"),
        ("spokesperson", "МИД России", D(2026, 2, 4), "Мария Захарова"),
        ("foreign_minister", "Россия", D(2026, 2, 4), "Сергей Лавров"),
        ("head_of_government", "Россия", D(2019, 6, 1), "Дмитрий Медведев"),
        ("head_of_government", "Россия", D(2026, 2, 4), "Михаил Мишустин"),
        ("head_of_state", "Россия", D(2010, 1, 1), "Дмитрий Медведев"),
        ("head_of_state", "Китай", D(2026, 2, 4), "Си Цзиньпин"),
        ("foreign_minister", "Китай", D(2023, 5, 1), "Цинь Ган"),
        ("head_of_government", "Великобритания", D(2026, 2, 4), "Кир Стармер"),
        ("head_of_government", "Великобритания", D(2022, 10, 1), "Лиз Трасс"),
        ("head_of_state", "Великобритания", D(2021, 1, 1), "Елизавета II"),
        ("head_of_state", "Белоруссия", D(2026, 2, 4), "Александр Лукашенко"),
        ("head_of_state", "Казахстан", D(2026, 2, 4), "Касым-Жомарт Токаев"),
        ("head_of_government", "Индия", D(2026, 2, 4), "Нарендра Моди"),
        ("head_of_state", "Турция", D(2026, 2, 4), "Реджеп Тайип Эрдоган"),
        ("head_of_state", "ЮАР", D(2026, 2, 4), "Сирил Рамафоза"),
        ("head_of_state", "Бразилия", D(2026, 2, 4), "Луис Инасиу Лула да Силва"),
        ("head_of_state", "Франция", D(2026, 2, 4), "Эммануэль Макрон"),
        ("head_of_state", "Украина", D(2018, 1, 1), "Петр Порошенко"),
        ("head_of_state", "ООН", D(2026, 2, 4), "Антониу Гутерриш"),
        ("head_of_state", "НАТО", D(2026, 2, 4), "Марк Рютте"),
    ],
)
def test_holder(kb: KnowledgeBase, role: str, country: str, on: datetime.date, expected: str) -> None:
    place = kb.find(country)
    assert place is not None, country
    found = kb.holder(role, place.iri, on)
    assert found is not None, (role, country, on)
    assert found.name == expected


def test_holder_current_and_edges(kb: KnowledgeBase) -> None:
    russia = kb.find("Россия")
    assert russia is not None
    putin = kb.holder("head_of_state", russia.iri, None)
    assert putin is not None and putin.name == "Владимир Путин" and putin.wikidata == "Q7747"
    assert putin.iri == "https://w3id.org/kgraph/resource/entity/Q7747"
    assert kb.holder("head_of_state", "RU") == putin  # an ISO code works as well
    assert kb.holder("head_of_state", russia.iri, datetime.datetime(2026, 2, 4, 12, 0)) == putin
    xi = kb.holder("head_of_state", "CN")
    assert xi is not None and xi.wikidata == "Q15031"
    assert kb.holder("head_of_state", "US", D(1990, 1, 1)) is None  # before the KB's coverage
    assert kb.holder("spokesperson", "CN") is None  # not in the KB
    with pytest.raises(ValueError):
        kb.holder("king", russia.iri)


@pytest.mark.parametrize(
    ("lemmas", "on", "expected"),
    [
        (["президент", "рф"], D(2026, 2, 4), "Владимир Путин"),
        (["президент", "россия"], None, "Владимир Путин"),
        (["президент", "российский", "федерация"], None, "Владимир Путин"),
        (["глава", "российский", "государство"], D(2026, 2, 4), "Владимир Путин"),
        (["российский", "лидер"], D(2026, 2, 4), "Владимир Путин"),
        (["президент", "рф"], D(2010, 5, 1), "Дмитрий Медведев"),
        (["председатель", "кнр"], D(2026, 2, 4), "Си Цзиньпин"),
        (["китайский", "лидер"], D(2026, 2, 4), "Си Цзиньпин"),
        (["лидер", "китай"], D(2026, 2, 4), "Си Цзиньпин"),
        (["премьер-министр", "индия"], D(2026, 2, 4), "Нарендра Моди"),
        (["индийский", "лидер"], D(2026, 2, 4), "Нарендра Моди"),
        (["канцлер", "фрг"], D(2026, 2, 4), "Фридрих Мерц"),
        (["канцлер", "германия"], D(2023, 6, 1), "Олаф Шольц"),
        (["президент", "сша"], D(2026, 2, 4), "Дональд Трамп"),
        (["американский", "президент"], D(2022, 3, 1), "Джо Байден"),
        (["президент", "соединить", "штат"], D(2022, 3, 1), "Джо Байден"),
        (["глава", "мид", "россия"], D(2026, 2, 4), "Сергей Лавров"),
        (["министр", "иностранный", "дело", "рф"], D(2026, 2, 4), "Сергей Лавров"),
        (["глава", "российский", "мид"], D(2026, 2, 4), "Сергей Лавров"),
        (["глава", "российский", "дипломатия"], D(2026, 2, 4), "Сергей Лавров"),
        (["госсекретарь", "сша"], D(2026, 2, 4), "Марко Рубио"),
        (["пресс-секретарь", "кремль"], D(2026, 2, 4), "Дмитрий Песков"),
        (["пресс-секретарь", "президент", "рф"], D(2026, 2, 4), "Дмитрий Песков"),
        (["пресс-секретарь", "глава", "российский", "государство"], D(2026, 2, 4), "Дмитрий Песков"),
        (["официальный", "представитель", "мид", "россия"], D(2026, 2, 4), "Мария Захарова"),
        (["официальный", "представитель", "российский", "мид"], D(2026, 2, 4), "Мария Захарова"),
        (["генеральный", "секретарь", "оон"], D(2026, 2, 4), "Антониу Гутерриш"),
        (["генсек", "нато"], D(2020, 1, 1), "Йенс Столтенберг"),
        (["председатель", "правительство", "рф"], D(2026, 2, 4), "Михаил Мишустин"),
        (["премьер-министр", "великобритания"], D(2026, 2, 4), "Кир Стармер"),
        (["британский", "премьер"], D(2022, 10, 1), "Лиз Трасс"),
        (["президент", "южно-африканский", "республика"], D(2026, 2, 4), "Сирил Рамафоза"),
        (["король", "саудовский", "аравия"], D(2026, 2, 4), "Сальман бен Абдель Азиз Аль Сауд"),
        (["председатель", "госдума"], D(2026, 2, 4), "Вячеслав Володин"),
        (["новый", "премьер-министр", "япония"], D(2025, 11, 1), "Санаэ Такаити"),
        (["Президент", "РФ"], D(2026, 2, 4), "Владимир Путин"),
        (["президент", "франция", "эммануэль", "макрон"], D(2026, 2, 4), "Эммануэль Макрон"),
        (["пресс-секретарь", "белый", "дом"], D(2026, 2, 4), "Кэролайн Ливитт"),
        (["председатель", "европейский", "комиссия"], D(2026, 2, 4), "Урсула фон дер Ляйен"),
        (["глава", "минобороны", "россия"], D(2023, 1, 1), "Сергей Шойгу"),
        (["президент", "иран"], D(2026, 2, 4), "Масуд Пезешкиан"),
    ],
)
def test_resolve_role_phrase(kb: KnowledgeBase, lemmas: list[str], on: datetime.date | None, expected: str) -> None:
    found = kb.resolve_role_phrase(lemmas, on)
    assert found is not None, lemmas
    assert found.name == expected


@pytest.mark.parametrize(
    "lemmas",
    [
        [],
        ["президент"],
        ["пресс-секретарь"],
        ["глава", "государство"],
        ["министр", "иностранный", "дело"],
        ["бывший", "президент", "сша"],
        ["помощник", "президент", "рф"],
        ["вице-президент", "сша"],
        ["заместитель", "министр", "иностранный", "дело", "рф"],
        ["верховный", "лидер", "иран"],
        ["самолет", "президент", "рф"],
        ["президент", "атлантида"],
        ["пресс-секретарь", "мид", "кнр"],  # the KB names no Chinese spokesperson
        ["официальный", "представитель", "мид", "сша"],  # not the White House press secretary
        ["официальный", "представитель", "госдеп", "сша"],
    ],
)
def test_resolve_role_phrase_none(kb: KnowledgeBase, lemmas: list[str]) -> None:
    assert kb.resolve_role_phrase(lemmas, D(2026, 2, 4)) is None


def test_normalize() -> None:
    assert normalize("  «Группа   Двадцати» ") == "группа двадцати"
    assert normalize("Кишинёв") == "кишинев"
    assert normalize("Папуа — Новая Гвинея") == "папуа - новая гвинея"


def test_kb_entity_is_frozen(kb: KnowledgeBase) -> None:
    ent = kb.find("Россия")
    assert isinstance(ent, KBEntity)
    with pytest.raises(AttributeError):
        ent.name = "Московия"  # type: ignore[misc]


def test_generator_reproduces_committed_kb(tmp_path: Path) -> None:
    if importlib.util.find_spec("pycountry") is None:
        pytest.skip("pycountry is not installed; scripts/build_kb.py takes country names from it")
    committed = (ROOT / "ontology" / "kb.ttl").read_text(encoding="utf-8")
    header = re.search(r"^# Built from: (.*)$", committed, re.M)
    assert header, "kb.ttl lacks its '# Built from:' line"
    for item in header.group(1).split(", "):
        package, _, version = item.partition(" ")
        try:
            installed = metadata.version(package)
        except metadata.PackageNotFoundError:
            installed = "none"
        if installed != version:
            pytest.skip(f"kb.ttl was built with {package} {version}, {installed} is installed")
    out = tmp_path / "kb.ttl"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_kb.py"), "--out", str(out)],
                   check=True, capture_output=True, cwd=tmp_path)
    assert out.read_bytes() == (ROOT / "ontology" / "kb.ttl").read_bytes()
