"""A role noun speaks for the person the article introduced with it, never for the person it serves."""
from __future__ import annotations

from datetime import date

import pytest

DAY = date(2015, 3, 4)
QUOTE = "«Работы на набережной завершатся к сентябрю этого года», — сообщил {}."


@pytest.mark.parametrize("role, speaker", [
    ("мэр", "Ильсур Метшин"),
    ("пресс-секретарь мэра", None),  # the mayor's spokesman, not the mayor
])
def test_the_speaker_of_a_role_noun(relations, role, speaker):
    text = "Мэр Казани Ильсур Метшин провёл совещание с префектами. " + QUOTE.format(role)
    said = relations(text, DAY, kind="said")
    assert [r["subject"] for r in said] == ([speaker] if speaker else [])


@pytest.mark.parametrize("text, speaker", [
    (("Премьер-министр Греции Андреас Пападопулос прибыл в Брюссель. «Решение об участии в программе "
      "окончательное и обсуждению не подлежит», — подчеркнул премьер."), "Андреас Пападопулос"),
    ("Пресс-секретарь мэра Олег Зуев сообщил журналистам, что встреча с жителями перенесена на май.", "Олег Зуев"),
])
def test_a_role_phrase_speaks_as_its_head(relations, text, speaker):
    assert [r["subject"] for r in relations(text, DAY, kind="said")] == [speaker]
