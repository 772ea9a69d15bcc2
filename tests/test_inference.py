"""kgraph.inference: natasha's networks run by kgraph give natasha's own tags, heads, relations and
names, bit for bit, and the pieces that replace slovnet's keep slovnet's results (ties included)."""
from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest
from natasha import Doc
from natasha.data import NEWS_EMBEDDING
from slovnet.exec.model import CRF, Weight

from kgraph.articles import Skipped, read_articles
from kgraph.inference import BATCH, Codes, load_embedding, viterbi
from kgraph.nlp import pipeline, segment

DATA = Path(__file__).resolve().parents[1] / "data"


def analysis(doc: Doc) -> tuple[list, list]:
    tokens = [(t.start, t.text, t.pos, t.feats, t.id, t.head_id, t.rel) for t in doc.tokens]
    return tokens, [(s.start, s.stop, s.type, s.text, [t.start for t in s.tokens]) for s in doc.spans or []]


@pytest.fixture(scope="module")
def natasha():
    """natasha's own embedding, taggers and segmenter, loaded natasha's way."""
    from natasha import NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser, Segmenter

    embedding = NewsEmbedding()
    return SimpleNamespace(embedding=embedding, morph=NewsMorphTagger(embedding), syntax=NewsSyntaxParser(embedding),
                           ner=NewsNERTagger(embedding), segmenter=Segmenter())


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return [a.text for a in read_articles([DATA]) if not isinstance(a, Skipped)]


def test_every_tag_head_relation_and_name_is_natashas_own_on_the_sample_articles(texts, natasha):
    """Sentences of many lengths (data/: kremlin.ru items, an Interfax article), whole texts for NER."""
    nlp = pipeline()
    assert len(texts) > 40
    for text in texts:
        ours, natashas = Doc(text), Doc(text)
        for doc in (ours, natashas):
            doc.segment(natasha.segmenter)
        nlp.networks.tag_and_parse(ours)
        nlp.networks.recognize(ours)
        natashas.tag_morph(natasha.morph)
        natashas.parse_syntax(natasha.syntax)
        natashas.tag_ner(natasha.ner)
        assert analysis(ours) == analysis(natashas)


def test_the_embedding_is_navecs_and_the_networks_share_one_word_list(natasha):
    ours = load_embedding(NEWS_EMBEDDING)
    assert ours.meta.id == natasha.embedding.meta.id
    assert (ours.pq.indexes == natasha.embedding.pq.indexes).all() and (ours.pq.codes == natasha.embedding.pq.codes).all()
    networks = pipeline().networks
    assert networks.morph.emb.word.codes.array is networks.ner.emb.word.codes.array
    assert networks.codes.words.items == natasha.morph.infer.encoder.words_vocab.items


def test_segment_is_natashas(texts, natasha):
    for text in [*texts, "", "  ", "Т.е. 3.5 млн руб. — «много»!", "Он сказал:\n\n— Да."]:
        ours, natashas = Doc(text), Doc(text)
        segment(ours)
        natashas.segment(natasha.segmenter)
        assert [(t.start, t.stop, t.text) for t in ours.tokens] == [(t.start, t.stop, t.text) for t in natashas.tokens]
        assert [(s.start, s.stop, s.text, [t.start for t in s.tokens]) for s in ours.sents] == [
            (s.start, s.stop, s.text, [t.start for t in s.tokens]) for s in natashas.sents]


def test_tag_and_parse_apart_give_what_they_give_together(texts):
    nlp = pipeline()
    together, apart = Doc(texts[0]), Doc(texts[0])
    for doc in (together, apart):
        segment(doc)
    nlp.networks.tag_and_parse(together)
    batches = nlp.networks.batches(apart.sents)
    nlp.networks.tag(batches)
    nlp.networks.parse(apart, batches)
    assert analysis(together) == analysis(apart)


def test_a_sentence_parsed_with_other_companions_gets_the_same_tree(texts):
    """Parsing only some sentences (other batches, other padding) leaves each one's tree as it was."""
    nlp = pipeline()
    doc = Doc(texts[1])
    segment(doc)
    assert len(doc.sents) > BATCH
    nlp.networks.tag_and_parse(doc)
    whole = [(t.id, t.head_id, t.rel) for t in doc.tokens]
    for token in doc.tokens:
        token.id = token.head_id = token.rel = None
    odd = doc.sents[::2]
    nlp.networks.parse(doc, nlp.networks.batches(doc.sents), lambda sent: any(sent is s for s in odd))
    assert [(t.id, t.head_id, t.rel) for s in odd for t in s.tokens] == [
        triple for s in odd for triple in whole[doc.tokens.index(s.tokens[0]) : doc.tokens.index(s.tokens[-1]) + 1]]
    assert all(t.rel is None and t.head_id is None for s in doc.sents[1::2] for t in s.tokens)
    assert doc.sents[1].tokens[0].id == "2_1"


def slovnet_decode(emissions: np.ndarray, transitions: np.ndarray) -> list[int]:
    crf = CRF(Weight(transitions.shape, "float32", transitions))
    mask = np.ones(emissions.shape[:1], dtype=bool)[np.newaxis]
    return crf.decode(emissions[np.newaxis], mask)[0].tolist()


@pytest.mark.parametrize("seed, length, tags, ties", [
    (0, 1, 7, False),  # one token
    (1, 2, 7, False),
    (2, 60, 7, False),
    (3, 500, 9, False),
    (4, 40, 5, True),  # scores in steps of 1: many equal paths, the first best kept as slovnet keeps it
    (5, 300, 3, True),
])
def test_viterbi_finds_slovnets_path(seed, length, tags, ties):
    rng = np.random.default_rng(seed)
    if ties:
        emissions = rng.integers(0, 3, (length, tags)).astype(np.float32)
        transitions = rng.integers(-1, 2, (tags, tags)).astype(np.float32)
    else:
        emissions = rng.normal(size=(length, tags)).astype(np.float32)
        transitions = rng.normal(size=(tags, tags)).astype(np.float32)
    assert viterbi(emissions, transitions) == slovnet_decode(emissions, transitions)


@pytest.mark.parametrize("word", ["Москва", "москва", "МИД", "РФ-Китай", "2026", "«", "...", "Xi", "ёлка", "Ёлка"])
def test_codes_are_slovnets_ids(word, natasha):
    encoder = natasha.morph.infer.encoder
    codes = Codes(encoder.words_vocab, encoder.shapes_vocab)
    assert codes(word) == tuple(x[0] for x in encoder.item([word]))
    assert codes(word) == codes(word) and word in codes.memo


def test_codes_memo_starts_over_when_full(natasha):
    encoder = natasha.morph.infer.encoder
    codes = Codes(encoder.words_vocab, encoder.shapes_vocab, size=2)
    for word in ["мир", "дом", "сад"]:
        codes(word)
    assert list(codes.memo) == ["сад"]


def test_a_batch_pads_as_slovnet_pads(natasha):
    encoder = natasha.morph.infer.encoder
    codes = Codes(encoder.words_vocab, encoder.shapes_vocab)
    sentences = [["Путин", "прибыл", "."], ["Да"]]
    (theirs,) = encoder(sentences)
    word_ids, shape_ids, pad_mask = codes.batch(sentences)
    assert (word_ids == theirs.word_id).all() and (shape_ids == theirs.shape_id).all()
    assert (pad_mask == theirs.pad_mask).all() and pad_mask.tolist() == [[False] * 3, [False, True, True]]
