"""What a result shows of its text: the words of the query marked, around where they occur."""

import functools
import html
import re
import unicodedata

from django.utils.html import escape
from django.utils.safestring import mark_safe

from vietnamese.text import fold, normalize_text


def _match_key(char: str) -> str:
    folded = fold(char)[:1] or " "
    return folded if ("a" <= folded <= "z" or "0" <= folded <= "9") else " "


@functools.cache
def _classes() -> dict[str, str]:
    """Every letter and digit of a token → the characters that fold to it (á, Á, ạ… → a;
    đ, Đ → d), as the inside of a regular expression's character class. A text is then
    matched as written, without being folded first: folding it cost more than the rest of
    a snippet. Characters that fold to nothing matched (punctuation, combining marks left on
    their own, other scripts) separate tokens, as in `tokens()`."""
    found: dict[str, list[str]] = {}
    for code in range(0x10000):
        char = chr(code)
        decomposition = unicodedata.decomposition(char)
        if not char.isascii() and char not in "đĐ":
            if not decomposition or decomposition.startswith("<"):
                continue  # NFD leaves it whole: it folds to no Latin letter or digit
        key = _match_key(char)
        if key != " ":
            found.setdefault(key, []).append(re.escape(char))
    return {key: "".join(chars) for key, chars in found.items()}


@functools.lru_cache(maxsize=256)
def _word_pattern(words: tuple[str, ...]) -> re.Pattern:
    """Each word as a token of a text as written: one group per word, longest first."""
    classes = _classes()
    alnum = "".join(classes.values())
    ordered = sorted(set(words), key=len, reverse=True)
    alternatives = "|".join(
        "(" + "".join(f"[{classes[letter]}]" for letter in word) + ")" for word in ordered
    )
    return re.compile(rf"(?<![{alnum}])(?:{alternatives})(?![{alnum}])")


@functools.lru_cache(maxsize=256)
def _phrase_pattern(words: tuple[str, ...]) -> re.Pattern:
    """The words one after the other, anything but letters and digits between them."""
    classes = _classes()
    alnum = "".join(classes.values())
    parts = ["".join(f"[{classes[letter]}]" for letter in word) for word in words]
    return re.compile(rf"(?<![{alnum}])" + f"[^{alnum}]+".join(parts) + rf"(?![{alnum}])")


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
    spans = [m.span() for m in _word_pattern(tuple(words)).finditer(text)]
    return mark_safe(_marked(text, spans))


def _densest(matches, length: int) -> int:
    """Where the most different words fall within `length` characters from a match: the
    first such match's start. One pass, a window sliding over the matches in order."""
    best, best_start = 0, matches[0].start()
    inside: dict[int, int] = {}  # the word's group → how many times in the window
    end = 0
    for match in matches:
        while end < len(matches) and matches[end].start() < match.start() + length:
            word = matches[end].lastindex
            inside[word] = inside.get(word, 0) + 1
            end += 1
        if len(inside) > best:
            best, best_start = len(inside), match.start()
        word = match.lastindex
        inside[word] -= 1
        if not inside[word]:
            del inside[word]
    return best_start


def snippet(text: str, words, length: int = 240) -> str:
    """About `length` characters of text around the best place where the words occur."""
    text = normalize_text(text)
    if not text:
        return ""
    words = tuple(words)
    matches = list(_word_pattern(words).finditer(text))[:200] if words else []
    start = 0
    if matches:
        phrase = _phrase_pattern(words).search(text)
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
