"""What a result shows of its text: the words of the query marked, around where they occur."""

import html
import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from vietnamese.text import fold, normalize_text


def _match_key(char: str) -> str:
    folded = fold(char)[:1] or " "
    return folded if ("a" <= folded <= "z" or "0" <= folded <= "9") else " "


# Every character met so far → its key: texts share most of their characters, and folding
# each one anew cost more than the rest of the snippet. Bounded: past this size, characters
# not in it are folded for the text at hand only.
_KEYS: dict[int, str] = {}
_MAX_KEYS = 20_000


def _folded_same_length(text: str) -> str:
    """The text folded character by character, so that positions stay those of the text."""
    new = {c for c in set(text) if ord(c) not in _KEYS}
    if not new:
        return text.translate(_KEYS)
    keys = {ord(c): _match_key(c) for c in new}
    if len(_KEYS) + len(keys) <= _MAX_KEYS:
        _KEYS.update(keys)
        return text.translate(_KEYS)
    return text.translate({**_KEYS, **keys})


def _word_pattern(words) -> re.Pattern:
    alternatives = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    return re.compile(rf"(?<![a-z0-9])(?:{alternatives})(?![a-z0-9])")


def _marked(text: str, spans) -> str:
    # The standard library's escape, as Django's does, without its lazy-text wrapper: a
    # snippet escapes a piece per word found.
    out, last = [], 0
    for start, end in spans:
        out.append(html.escape(text[last:start]))
        out.append(f"<mark>{html.escape(text[start:end])}</mark>")
        last = end
    out.append(html.escape(text[last:]))
    return "".join(out)


def highlight(text: str, words) -> str:
    """The whole text, escaped, with every query word in <mark>."""
    if not words or not text:
        return escape(text)
    spans = [m.span() for m in _word_pattern(words).finditer(_folded_same_length(text))]
    return mark_safe(_marked(text, spans))


def _densest(matches, length: int) -> int:
    """Where the most different words fall within `length` characters from a match: the
    first such match's start. One pass, a window sliding over the matches in order."""
    best, best_start = 0, matches[0].start()
    inside: dict[str, int] = {}
    end = 0
    for match in matches:
        while end < len(matches) and matches[end].start() < match.start() + length:
            word = matches[end].group()
            inside[word] = inside.get(word, 0) + 1
            end += 1
        if len(inside) > best:
            best, best_start = len(inside), match.start()
        word = match.group()
        inside[word] -= 1
        if not inside[word]:
            del inside[word]
    return best_start


def snippet(text: str, words, length: int = 240) -> str:
    """About `length` characters of text around the best place where the words occur."""
    text = normalize_text(text)
    if not text:
        return ""
    folded = _folded_same_length(text)
    matches = list(_word_pattern(words).finditer(folded))[:200] if words else []
    start = 0
    if matches:
        phrase = re.search(
            r"(?<![a-z0-9])" + r" +".join(map(re.escape, words)) + r"(?![a-z0-9])", folded
        )
        anchor = phrase.start() if phrase else _densest(matches, length)
        start = max(0, anchor - length // 4)
        if start:
            space = text.find(" ", start)
            start = space + 1 if 0 <= space < anchor else start
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    spans = [
        (max(m.start(), start) - start, min(m.end(), end) - start)
        for m in matches
        if m.start() < end and m.end() > start
    ]
    body = _marked(text[start:end], spans)
    return mark_safe(("… " if start else "") + body + (" …" if end < len(text) else ""))
