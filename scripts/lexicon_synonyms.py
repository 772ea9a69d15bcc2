"""Candidate words for the meeting and visit lexicons from a general Russian thesaurus.

Reads the synonyms (and, with ``--hyponyms``, the narrower words) of every lemma of
``kgraph/lexicon/meeting.tsv`` and ``visit.tsv`` from wiki-ru-wordnet (PyPI
``wiki-ru-wordnet``, a WordNet built from Russian Wiktionary) and prints those the
lexicons lack, one ``lexicon<TAB>candidate<TAB>seed`` a line. Not a runtime dependency:
a person reads the output (``scripts/lexicon_synonyms.txt``) and moves the words that
report a meeting or a trip into the lexicon by hand.

    pip install --target /tmp/wrn wiki-ru-wordnet
    PYTHONPATH=/tmp/wrn python scripts/lexicon_synonyms.py --hyponyms > scripts/lexicon_synonyms.txt
"""
from __future__ import annotations

import argparse

from wiki_ru_wordnet import WikiWordnet

from kgraph.lexicons import words


def candidates(wordnet: WikiWordnet, lexicon: str, hyponyms: bool) -> list[tuple[str, str]]:
    """(candidate, seed) pairs: thesaurus neighbours of the lexicon's lemmas that it lacks."""
    known = words(lexicon)
    out: list[tuple[str, str]] = []
    for seed in sorted(known):
        for synset in wordnet.get_synsets(seed):
            related = [synset, *(wordnet.get_hyponyms(synset) if hyponyms else [])]
            for near in related:
                for word in near.get_words():
                    lemma = word.lemma()
                    if lemma not in known and (lemma, seed) not in out and " " not in lemma:
                        out.append((lemma, seed))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hyponyms", action="store_true", help="also the narrower words")
    args = parser.parse_args()
    wordnet = WikiWordnet()
    for lexicon in ("meeting.tsv", "visit.tsv"):
        for lemma, seed in candidates(wordnet, lexicon, args.hyponyms):
            print(f"{lexicon}\t{lemma}\t{seed}")


if __name__ == "__main__":
    main()
