"""Tokenising a whole column of texts at once, the way vaderSentiment does per text.

vaderSentiment (``SentimentIntensityAnalyzer.polarity_scores``) replaces each
emoji character by its description (a space before it unless the previous
character is a space, none after), splits on whitespace (``str.split()``) and
strips leading and trailing ASCII punctuation from each token unless fewer
than three characters would remain. Here the same happens over a flat Arrow
array of all tokens of all texts:

1. in the texts that contain an emoji, a space is inserted before every emoji
   character (one regex pass; an extra space never changes a whitespace
   split), so each emoji starts a token;
2. all texts are split on Python's whitespace characters in one numpy pass
   over their UTF-8 bytes;
3. tokens starting with an emoji become description + rest of the token and
   are split again, then put back in place (a gather, no loop);
4. tokens are dictionary-encoded: everything that depends only on the token's
   spelling (stripping, lowercasing, lookups) is computed once per distinct
   token.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..text._whitespace import WordSplit, split_whitespace

__all__ = ["EmojiTable", "Tokens", "tokenize"]


@dataclass(frozen=True)
class EmojiTable:
    """Single-character emoji and their descriptions, ready for Arrow kernels."""

    keys: pa.Array
    descriptions: pa.Array
    char_class: str  # RE2 character class matching any key
    min_lead: int = 0xC2  # smallest first UTF-8 byte of a key

    @classmethod
    def from_mapping(cls, emoji: Mapping[str, str]) -> EmojiTable | None:
        singles = {k: v for k, v in emoji.items() if len(k) == 1}
        if not singles:
            return None
        codes = sorted(ord(k) for k in singles)
        # ranges of consecutive code points keep the class short
        starts = [codes[0]]
        ends = [codes[0]]
        for code in codes[1:]:
            if code == ends[-1] + 1:
                ends[-1] = code
            else:
                starts.append(code)
                ends.append(code)
        parts = [
            f"\\x{{{a:x}}}" if a == b else f"\\x{{{a:x}}}-\\x{{{b:x}}}"
            for a, b in zip(starts, ends, strict=True)
        ]
        return cls(
            keys=pa.array(list(singles), pa.string()),
            descriptions=pa.array(list(singles.values()), pa.string()),
            char_class="[" + "".join(parts) + "]",
            min_lead=min(k.encode("utf-8")[0] for k in singles),
        )


@dataclass(frozen=True)
class Tokens:
    """All tokens of a batch of texts, in order, dictionary-encoded.

    Attributes
    ----------
    codes : numpy.ndarray of int32
        Index into ``dictionary`` for each token.
    dictionary : pyarrow.Array of str
        The raw tokens (before punctuation stripping), one entry per distinct
        token as split; entries may repeat.
    text : numpy.ndarray of int64
        Position of each token's text in the batch. The tokens of a text are
        contiguous and in order; texts need not be in order.
    first : numpy.ndarray of int64
        Index of each text's first token.
    n_tokens : numpy.ndarray of int64
        Number of tokens per text.
    """

    codes: np.ndarray
    dictionary: pa.Array
    text: np.ndarray
    first: np.ndarray
    n_tokens: np.ndarray

    def position(self, index: np.ndarray) -> np.ndarray:
        """Position within its text (0, 1, ...) of the tokens at ``index``."""
        return index - self.first[self.text[index]]


def _expand_emoji(
    tokens: pa.Array, counts: np.ndarray, emoji: EmojiTable
) -> tuple[pa.Array, np.ndarray]:
    """Replace tokens that start with an emoji by description words + rest of token."""
    tokens = pc.utf8_rtrim_whitespace(tokens)
    index = pc.index_in(pc.utf8_slice_codeunits(tokens, 0, 1), value_set=emoji.keys)
    hit = index.is_valid().to_numpy(zero_copy_only=False)
    if not hit.any():
        return tokens, counts
    at = np.flatnonzero(hit)
    mask = pa.array(hit)
    described = pc.binary_join_element_wise(
        emoji.descriptions.take(index.filter(mask)),
        pc.utf8_slice_codeunits(tokens.filter(mask), 1),
        "",
    )
    lists = pc.utf8_split_whitespace(described)
    pieces = pc.list_flatten(lists).cast(tokens.type)
    n_pieces = pc.list_value_length(lists).to_numpy().astype(np.int64)
    # put the pieces where their token was: a gather over [tokens, pieces]
    n = len(tokens)
    out_counts = np.ones(n, dtype=np.int64)
    out_counts[at] = n_pieces
    out_start = np.cumsum(out_counts) - out_counts
    order = np.empty(int(out_counts.sum()), dtype=np.int64)
    kept = np.flatnonzero(~hit)
    order[out_start[kept]] = kept
    owner = np.repeat(at, n_pieces)
    rank = np.arange(owner.size) - np.repeat(np.cumsum(n_pieces) - n_pieces, n_pieces)
    order[out_start[owner] + rank] = n + np.arange(owner.size)
    combined = pa.concat_arrays([tokens, pieces]).take(pa.array(order))
    parent = np.repeat(np.arange(counts.size), counts)
    parent = np.concatenate([parent, parent[owner]])[order]
    nonempty = pc.greater(pc.binary_length(combined), 0)
    keep = nonempty.to_numpy(zero_copy_only=False)
    return combined.filter(nonempty), np.bincount(parent[keep], minlength=counts.size)


def _texts_with_byte_from(texts: pa.Array, lowest: int) -> np.ndarray:
    """Positions of the texts that hold a byte >= ``lowest`` (one pass over the bytes)."""
    n = len(texts)
    offsets_buffer, data_buffer = texts.buffers()[1:3]
    if data_buffer is None or n == 0:
        return np.zeros(0, dtype=np.int64)
    offsets = np.frombuffer(offsets_buffer, dtype=np.int32)[texts.offset : texts.offset + n + 1]
    data = np.frombuffer(data_buffer, dtype=np.uint8)[offsets[0] : offsets[-1]]
    if data.size == 0 or data.max() < lowest:
        return np.zeros(0, dtype=np.int64)
    starts = (offsets[:-1] - offsets[0]).astype(np.int64)
    nonempty = offsets[1:] > offsets[:-1]
    top = np.zeros(n, dtype=np.uint8)
    top[nonempty] = np.maximum.reduceat(data, starts[nonempty])
    hit = nonempty & (top >= lowest)
    if texts.null_count:
        hit &= pc.is_valid(texts).to_numpy(zero_copy_only=False)
    return np.flatnonzero(hit)


def emoji_tokens(dictionary: pa.Array, emoji: EmojiTable) -> np.ndarray:
    """Whether each token holds an emoji of ``emoji`` (bool; the regex runs on non-ASCII ones)."""
    out = np.zeros(len(dictionary), dtype=bool)
    wide = np.flatnonzero(~pc.fill_null(pc.string_is_ascii(dictionary), True).to_numpy(
        zero_copy_only=False))
    if wide.size:
        found = pc.match_substring_regex(dictionary.take(pa.array(wide)), emoji.char_class)
        out[wide] = pc.fill_null(found, False).to_numpy(zero_copy_only=False)
    return out


def tokenize(
    texts: pa.Array,
    emoji: EmojiTable | None,
    split: WordSplit | None = None,
    emoji_tokens: np.ndarray | None = None,
) -> Tokens:
    """Tokenise a batch of texts (nulls give no tokens) like vaderSentiment.

    Texts containing an emoji are tokenised after the others (their tokens
    come last); the tokens of each text stay together and in order.

    Parameters
    ----------
    texts : pyarrow.StringArray
    emoji : EmojiTable or None
    split : WordSplit, optional
        The whitespace split of ``texts`` when the caller has one already
        (language detection makes it): it is reused instead of splitting again.
    emoji_tokens : numpy.ndarray of bool, optional
        With ``split``: whether each token of its dictionary holds an emoji
        (:func:`emoji_tokens`); a text holds one exactly when one of its tokens
        does, so the texts are not searched again.

    Returns
    -------
    Tokens
    """
    n_texts = len(texts)
    with_emoji = np.zeros(n_texts, dtype=bool)
    if emoji is not None and split is not None and emoji_tokens is not None:
        at = np.flatnonzero(emoji_tokens[split.codes])
        with_emoji[np.searchsorted(np.cumsum(split.counts), at, side="right")] = True
    elif emoji is not None:
        # emoji are not ASCII: run the regex only on texts with a byte that can start one
        wide = _texts_with_byte_from(texts, emoji.min_lead)
        if wide.size:
            found = pc.match_substring_regex(texts.take(pa.array(wide)), emoji.char_class)
            with_emoji[wide] = pc.fill_null(found, False).to_numpy(zero_copy_only=False)
    if split is not None:
        if with_emoji.any():  # their tokens are made again below, with the emoji described
            split = split.subset(~with_emoji)
            counts = np.zeros(n_texts, dtype=np.int64)
            counts[~with_emoji] = split.counts
        else:
            counts = split.counts
        codes, dictionary = split.codes, split.dictionary
    else:
        tokens, counts, real = split_whitespace(texts, skip=with_emoji)
        encoded = pc.dictionary_encode(tokens)
        codes = encoded.indices.to_numpy().astype(np.int32, copy=False)
        if real is not None:
            codes = codes[real]
        # tokens from split_whitespace carry the whitespace after them: trim once per distinct token
        dictionary = pc.utf8_rtrim_whitespace(encoded.dictionary)
    parent = np.repeat(np.arange(n_texts, dtype=np.int64), counts)
    n_tokens = counts.astype(np.int64)
    first = np.cumsum(n_tokens) - n_tokens  # index of each text's first token
    if with_emoji.any() and emoji is not None:
        # texts with emoji: tokenised separately, their tokens come last
        at = np.flatnonzero(with_emoji)
        fancy = pc.replace_substring_regex(
            texts.take(pa.array(at)), f"({emoji.char_class})", " \\1"
        )
        more, more_counts, _ = split_whitespace(fancy)
        more, more_counts = _expand_emoji(more, more_counts, emoji)
        more_encoded = pc.dictionary_encode(more)
        codes = np.concatenate(
            [codes, more_encoded.indices.to_numpy().astype(np.int32) + len(dictionary)]
        )
        dictionary = pa.concat_arrays([dictionary, more_encoded.dictionary.cast(dictionary.type)])
        first[at] = parent.size + np.cumsum(more_counts) - more_counts
        parent = np.concatenate([parent, np.repeat(at, more_counts)])
        n_tokens[at] = more_counts
    return Tokens(codes=codes, dictionary=dictionary, text=parent, first=first, n_tokens=n_tokens)
