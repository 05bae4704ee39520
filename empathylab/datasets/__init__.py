"""Sample data and synthetic feedback with known ground truth.

* :func:`make_feedback` simulates conversations, replies, survey answers and
  customer outcomes with planted, documented effects.
* :func:`list_samples`, :func:`load_sample` and :func:`sample_path` give the small
  export-style files bundled with the package.
"""

from .generator import make_feedback, planted_truth
from .registry import list_samples, load_sample, sample_path

__all__ = ["list_samples", "load_sample", "make_feedback", "planted_truth", "sample_path"]
