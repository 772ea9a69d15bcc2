"""One article's person mentions grouped into people, each under its canonical name.

A full name ("Алла Бут", "Виктор Бут") makes a person; surname-only mentions join the
person of that surname mentioned last before them, initials ("В.Путин") the one whose
first name starts so, a first name alone ("Виктор") or with a patronymic ("Владимир
Владимирович") the only person of that first name; where two people share a surname,
a mention's grammatical gender ("Бут рассказала") picks between them:

>>> forms = ["Алла Бут", "Виктор Бут", "Бут", "Виктор", "Аллы Бут"]
>>> group_people([PersonForm(f, True, i) for i, f in enumerate(forms)])
[[0, 4], [1, 2, 3]]
"""

from __future__ import annotations

from dataclasses import dataclass

from ..lexicons import words as lexicon_words
from .names import (
    INITIAL,
    drop_patronymic,
    fold,
    is_initialed,
    is_patronymic,
    surname_start,
    surname_stem,
)

__all__ = ["PersonForm", "canonical_person", "group_people"]


@dataclass(frozen=True)
class PersonForm:
    """A person mention's nominative form, whether the text wrote it so, and where."""

    form: str
    as_written: bool
    start: int
    gender: str | None = None  # natasha's Gender of the last word: "Masc", "Fem"

    @property
    def words(self) -> list[str]:
        """The form's words: "Владимир Путин" -> ["Владимир", "Путин"]."""
        return self.form.split()

    @property
    def kind(self) -> str:
        """ "full" (first name + surname), "initialed", "patronymic" (first name + patronymic) or "single"
        (a surname alone, with its particles: "фон Беттихер")."""
        words = self.words
        if is_initialed(self.form):
            return "initialed"
        if len(words) == 2 and is_patronymic(words[1]):
            return "patronymic"
        return "full" if surname_start(words, lexicon_words("name_particles.tsv")) > 0 else "single"

    @property
    def surname(self) -> str:
        """The surname's stem, initials dropped: "В.Путина" -> the stem of "Путина"."""
        return surname_stem(INITIAL.sub("", self.form).split()[-1]) if self.words else ""

    @property
    def first(self) -> str:
        """The first word's stem: "Алла" and "Аллы" are one first name."""
        return surname_stem(self.words[0]) if self.words else ""


def group_people(forms: list[PersonForm]) -> list[list[int]]:
    """Indexes of ``forms`` grouped by person, in order of each person's first mention."""
    people: dict[tuple[str, str], list[int]] = {}
    for index, form in enumerate(forms):
        if form.kind == "full":
            people.setdefault((form.surname, form.first), []).append(index)
    _join_tails(people, forms)
    rest = [i for i, form in enumerate(forms) if form.kind != "full"]
    # a first name with patronymic last: "Уважаемый Владимир Владимирович" is "В.Путин" named anywhere
    rest.sort(key=lambda i: forms[i].kind == "patronymic")
    for index in rest:
        form = forms[index]
        key = _person_of(form, people, forms)
        people.setdefault(key, []).append(index)
    return sorted((sorted(group) for group in people.values()), key=lambda g: g[0])


def _stems(form: PersonForm) -> tuple[str, ...]:
    return tuple(surname_stem(word) for word in drop_patronymic(form.form).split())


def _join_tails(people: dict[tuple[str, str], list[int]], forms: list[PersonForm]) -> None:
    """A full name that is the tail of one longer full name of the article is that person:
    "Кастросин Верду" after "Клаудия Кастросин Верду"."""
    longest = {key: max((_stems(forms[i]) for i in group), key=len) for key, group in people.items()}
    for key, stems in list(longest.items()):
        longer = [
            other
            for other, words in longest.items()
            if other != key and len(words) > len(stems) and words[-len(stems) :] == stems
        ]
        if len(longer) == 1 and key in people and longer[0] in people:
            people[longer[0]].extend(people.pop(key))


def _person_of(form: PersonForm, people: dict[tuple[str, str], list[int]], forms: list[PersonForm]) -> tuple[str, str]:
    kind = form.kind
    if kind == "patronymic":
        same = [key for key in people if key[1] == form.first and key[0] != ""]
        if not same:  # the only person named by initials of that first letter: "В.Путин"
            initial = fold(form.form[:1])
            same = [
                key
                for key, group in people.items()
                if key[0]
                and not key[1]
                and any(forms[i].kind == "initialed" and fold(forms[i].form[:1]) == initial for i in group)
            ]
            same = same if len(same) == 1 else []
        return _latest(same, people, forms, form.start) if same else ("", form.first)
    surname = form.surname
    same = _same_gender([key for key in people if key[0] == surname], form, people, forms)
    if kind == "initialed":
        initial = fold(form.form[0])
        fitting = [key for key in same if not key[1] or key[1][0] == initial]
        return _latest(fitting, people, forms, form.start) if fitting else (surname, "")
    if same:
        return _latest(same, people, forms, form.start)
    by_first = [key for key in people if key[1] == form.first and key[0] != ""]
    if len(by_first) == 1:
        return by_first[0]
    return (surname, "")


def _same_gender(
    keys: list[tuple[str, str]], form: PersonForm, people: dict, forms: list[PersonForm]
) -> list[tuple[str, str]]:
    """Of several people, those of the mention's gender: "Бут рассказала" is Алла, not Виктор Бут."""
    if len(keys) < 2 or form.gender is None:
        return keys
    fitting = [key for key in keys if any(forms[i].gender == form.gender for i in people[key])]
    return fitting or keys


def _latest(keys: list[tuple[str, str]], people: dict, forms: list[PersonForm], start: int) -> tuple[str, str]:
    """Of several people, the one mentioned most often before a position, then the one mentioned
    last (else the first mentioned): a bare "Голицын" is the article's Владимир Голицын, not
    his father named once."""

    def before(key: tuple[str, str]) -> tuple[int, int]:
        earlier = [forms[i].start for i in people[key] if forms[i].start < start]
        return len(earlier), max(earlier, default=-1)

    best = max(keys, key=before)
    if before(best)[1] < 0:
        return min(keys, key=lambda k: min(forms[i].start for i in people[k]))
    return best


def canonical_person(forms: list[PersonForm]) -> str:
    """The canonical name among one person's forms.

    First name + surname beats a first name with patronymic or a surname alone, which
    beat initials; of two forms with the same stems the shorter ("Веселин Топалов", not
    "Веселина Топалова"); a form written so in the text beats one natasha had to inflect; then
    the most frequent, then the first: ["Путин", "Владимира Путина"->"Владимир Путин"]
    -> "Владимир Путин".
    """
    names = [drop_patronymic(f.form) for f in forms]
    counts = {name: names.count(name) for name in names}
    written = {name for name, f in zip(names, forms, strict=True) if f.as_written}
    stems = {name: tuple(surname_stem(w) for w in name.split()) for name in names}

    def inflected(name: str) -> bool:
        """Another form has the same stems and is shorter: "Веселина Топалова" beside "Веселин Топалов"."""
        return any(stems[other] == stems[name] and len(other) < len(name) for other in counts)

    def rank(index: int) -> tuple[int, bool, bool, int, int]:
        form = forms[index]
        full = {"full": 2, "patronymic": 1, "single": 1, "initialed": 0}[form.kind]
        name = names[index]
        return (full, not inflected(name), name in written, counts[name], -index)

    best = max(range(len(forms)), key=rank)
    if forms[best].kind == "patronymic":  # "Владимир Владимирович" and "В.Путин" -> "Владимир Путин"
        surnames = [
            INITIAL.sub("", f.form)
            for f in forms
            if f.kind == "initialed" and fold(f.form[:1]) == fold(names[best][:1])
        ]
        surnames = [s for s in surnames if s.replace("-", "").isalpha()]
        if surnames:
            return f"{names[best].split()[0]} {max(surnames, key=surnames.count)}"
    return names[best]
