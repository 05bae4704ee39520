"""Customer-journey touchpoints of German and English feedback.

:func:`assign_touchpoints` tags texts with the touchpoints of a taxonomy (the
bundled default, a dict or a YAML file; :func:`load_taxonomy`), with the matched
evidence; :func:`touchpoints_long` gives one row per text and touchpoint;
:class:`TouchpointModel` is a multi-label classifier for analysts with labelled
data.
"""

from ._matcher import assign_touchpoints, match_table, touchpoints_long
from ._taxonomy import Taxonomy, TaxonomyError, Touchpoint, default_taxonomy_path, load_taxonomy
from .model import TouchpointModel

__all__ = [
    "Taxonomy",
    "TaxonomyError",
    "Touchpoint",
    "TouchpointModel",
    "assign_touchpoints",
    "default_taxonomy_path",
    "load_taxonomy",
    "match_table",
    "touchpoints_long",
]
