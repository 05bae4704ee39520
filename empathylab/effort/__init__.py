"""Customer effort expressed in feedback, -5 (very hard) .. +5 (very easy)."""

from ._api import effort

__all__ = ["effort"]
