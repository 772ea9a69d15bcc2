"""natasha's three slovnet networks run on a Doc: the same arithmetic as slovnet, less copying.

natasha's morphology tagger, syntax parser and NER tagger are slovnet CNNs over
navec embeddings, executed in numpy. This package runs the very same weights on
the same inputs and gives the same tags, heads, relations and spans, bit for bit
(every matrix product is the same call on equal operands; a test compares it to
natasha's own ``doc.tag_morph``/``parse_syntax``/``tag_ner`` on the sample
articles), but skips work slovnet repeats:

- a word's vocabulary id and shape id are looked up once per process
  (:class:`Codes`), not once per model and occurrence;
- a Doc's sentences are encoded once (:meth:`Networks.batches`): the morphology
  tagger and the parser read the same word ids and navec vectors, the parser
  only the rows of the sentences it is asked to parse;
- the convolutions work in (batch, position, channel) layout, so no layer
  transposes its input to pad it, and the windows of a convolution are copied
  in three slices rather than element by element;
- the CRF's Viterbi pass does four numpy operations per token instead of ten;
- the tags go straight onto the Doc's tokens (a tag's part of speech and
  features are parsed once per process), and NER reads the Doc's own tokens
  instead of tokenizing the text again.

>>> from natasha import Doc
>>> from kgraph.nlp import pipeline, segment
>>> doc = Doc("Владимир Путин встретился с Си Цзиньпином в Пекине.")
>>> segment(doc)
>>> networks = pipeline().networks
>>> batches = networks.batches(doc.sents)
>>> networks.tag(batches)
>>> networks.parse(doc, batches)
>>> networks.recognize(doc)
>>> [(t.text, t.pos, t.rel) for t in doc.tokens[1:4]]
[('Путин', 'PROPN', 'appos'), ('встретился', 'VERB', 'root'), ('с', 'ADP', 'case')]
>>> [(s.text, s.type) for s in doc.spans]
[('Владимир Путин', 'PER'), ('Си Цзиньпином', 'PER'), ('Пекине', 'LOC')]
"""

from .codes import BATCH, Batch, Codes
from .kernels import conv, encode, navec, viterbi
from .loading import Network, load_embedding, load_network
from .networks import Networks

__all__ = [
    "BATCH",
    "Batch",
    "Codes",
    "Network",
    "Networks",
    "conv",
    "encode",
    "load_embedding",
    "load_network",
    "navec",
    "viterbi",
]
