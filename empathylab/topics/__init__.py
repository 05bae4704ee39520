"""Topics of German and English feedback: :class:`TopicModel` and its building blocks.

* :mod:`._text`: tokens, German and English stop words, feedback filler, Snowball stems.
* :mod:`._features`: collocated bigrams and the document-term matrix.
* :mod:`._coherence`: NPMI and UMass coherence of top terms.
* :mod:`._model`: the estimator; :mod:`._result`: the topic table, labels, plot.
* :mod:`._persist`: saving and loading as JSON.
"""

from ._model import TopicModel
from ._result import TopicsResult
from ._text import feedback_filler, stop_words

__all__ = ["TopicModel", "TopicsResult", "feedback_filler", "stop_words"]
