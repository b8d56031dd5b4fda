"""Import of news exported as plain text from older portals (`manage.py import_news`).

A department moving to this portal brings years of news as text files like the two in
`tests/news/exports/` (in the layouts of two provincial portals). Each file becomes one
article, in these steps:

1. Read (`read_text`): bytes → text. UTF-8 (with or without BOM) or UTF-16 with a BOM.
   Empty files, binary files (Word, PDF, images…), text in an old code page (Windows-1258,
   TCVN3, VNI, Latin-1) and UTF-8 that was already garbled ("Ã¡", "á»‡") are refused with
   a reason in Vietnamese (`UnusableFile`); nothing is guessed.
2. Clean (`parse_text`): NFC, no-break and doubled spaces made single, one block per line;
   the old portal's chrome goes: "Xuất bản thông tin", "Chi tiết bài viết Tin tức", a stray
   "null", share/print labels, and "Các tin khác" with everything after it.
3. Read the parts: the title is the first line when it reads as a heading (the Đồng Tháp
   layout repeats it; the copy is dropped). Without one, a title is proposed from the event
   the first sentence names ("Hội nghị chuyên đề về …") and the article is marked for review.
   The event date is the first date in the first paragraph (`find_event_date`), never a later
   deadline. The last short line is the byline. Other short lines without final punctuation,
   or indented ones, are captions of photos that were in the old page.
4. Write (`import_file`): create or update one Article, in its own transaction.

Photo captions. An ArticlePhoto needs an image file, and the export has none, so each caption
stays in its place in the body as `<p><em>[Ảnh: caption]</em></p>`. The body's sanitiser
(news.richtext, allow-list from settings.PROSE_EDITOR_EXTENSIONS) keeps `<p>` and `<em>` but
drops `<figure>`, `<figcaption>` and every class attribute, so a paragraph in
italics is what survives saving. It reads as a photo note on the public page, and an editor
sees in the body editor exactly where each photo goes; the editor note lists how many photos
are still to be attached.

Re-running. `source_key` is a hash of the cleaned, folded text of the file (without the old
portal's chrome, so a later export with a different "Các tin khác" list is the same story;
NFD, old tone placement and spacing do not change it). Importing the same story again
updates its article, or skips it when nothing changed; two files with the same story in
one run give one article. An article edited by staff since it was imported is never
overwritten. A published article is never put back to draft by a re-run.

Institutions named in the text: `find_institutions(text, candidates)` matches (name, object)
pairs ignoring case, diacritics and tone placement; `import_file` takes the candidates and
reports the matches in `ImportResult.parsed.institutions`.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.html import escape
from django.utils.translation import gettext as _

from news.citing import link_cited_documents
from news.models import Article, Category
from news.publishing import FIELD_LABELS, publish_article
from vietnamese.text import fold, normalize_text

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
MAX_BYTES = 5 * 1024 * 1024
KEY_PREFIX = "txt-"
# Stored as the history record's change reason; also how a re-run recognises its own edits.
CHANGE_REASON = "Nhập từ tệp văn bản của cổng cũ"
DEFAULT_SOURCE_LABEL = "Cổng thông tin cũ"

# Publication time for an event date, by the time of day the text names.
TIMES_OF_DAY = {"sáng": time(11, 0), "trưa": time(13, 0), "chiều": time(17, 0), "tối": time(21, 0)}
TIMES_OF_DAY["đêm"] = TIMES_OF_DAY["tối"]
DEFAULT_TIME = time(17, 0)

TITLE_MAX = 200
CAPTION_MAX = 250
BYLINE_MAX = 90

# --- reading ---------------------------------------------------------------------------


class UnusableFile(Exception):
    """A file that cannot become an article; the message (Vietnamese) says why."""


BINARY_SIGNATURES = [
    (b"%PDF", "PDF"),
    (b"PK\x03\x04", "Word/Excel (.docx, .xlsx) hoặc ZIP"),
    (b"\xd0\xcf\x11\xe0", "Word/Excel cũ (.doc, .xls)"),
    (b"\x89PNG", "ảnh PNG"),
    (b"\xff\xd8\xff", "ảnh JPEG"),
    (b"GIF8", "ảnh GIF"),
    (b"{\\rtf", "RTF"),
]

# UTF-8 read as Windows-1252/Latin-1 and saved again: "Ã¡" for "á", "á»‡" for "ệ", "Ä‘" for "đ".
MOJIBAKE = re.compile(r"Ã[\u0080-\u00bf\u2018-\u203a]|á[º»]|Ä[\u0080-\u00bf‘]|Æ[°¡]")


def read_text(data: bytes) -> str:
    """The text of an exported file, or UnusableFile with the reason."""
    if not data.strip():
        raise UnusableFile(_("tệp rỗng, không có nội dung"))
    if len(data) > MAX_BYTES:
        raise UnusableFile(
            _("tệp quá lớn (%(size)s MB) để là một tin bài") % {"size": len(data) // 2**20}
        )
    for signature, kind in BINARY_SIGNATURES:
        if data.startswith(signature):
            raise UnusableFile(
                _("tệp %(kind)s, không phải văn bản thuần: hãy xuất ra tệp .txt") % {"kind": kind}
            )
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise UnusableFile(_("tệp UTF-16 bị hỏng (%(error)s)") % {"error": error}) from None
    if b"\x00" in data[:8192]:
        raise UnusableFile(_("tệp nhị phân, không phải văn bản"))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnusableFile(
            _(
                "không phải văn bản UTF-8 (byte lạ ở vị trí %(position)s): có thể tệp được lưu "
                "bằng bảng mã cũ (Windows-1258, TCVN3, VNI hoặc Latin-1); hãy mở tệp và lưu "
                "lại với bảng mã UTF-8"
            )
            % {"position": error.start}
        ) from None
    if not normalize_text(text):
        raise UnusableFile(_("tệp rỗng, không có nội dung"))
    garbled = MOJIBAKE.findall(text)
    if len(garbled) >= 3:
        raise UnusableFile(
            _(
                "văn bản bị lỗi bảng mã (gặp “%(sample)s”): tệp đã bị đọc nhầm bảng mã trước "
                "khi lưu; hãy xuất lại từ cổng cũ"
            )
            % {"sample": garbled[0]}
        )
    controls = sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in "\n\r\t")
    if controls > max(3, len(text) // 100):
        raise UnusableFile(_("tệp nhị phân, không phải văn bản"))
    return text


# --- cleaning --------------------------------------------------------------------------

CHROME_LINES = {
    "xuat ban thong tin",
    "chi tiet bai viet tin tuc",
    "chi tiet bai viet",
    "chi tiet tin",
    "null",
    "chia se",
    "chia se bai viet",
    "in bai viet",
    "in trang",
    "in bai",
    "ban in",
    "in",
    "gui email",
    "gui cho ban be",
    "email",
    "facebook",
    "twitter",
    "zalo",
    "tweet",
    "like",
    "share",
    "print",
    "quay lai",
    "ve dau trang",
    "len dau trang",
    "tro ve",
    "luu bai viet",
}
CHROME_PATTERN = re.compile(r"^(luot xem|so lan xem|luot doc|co chu)\b.*$")
TAIL_MARKERS = {"cac tin khac", "tin lien quan", "tin cung chuyen muc", "cac tin da dua"}
CHROME_SEPARATORS = re.compile(r"\s*[|•·/]\s*")

DATE_NUMERIC = (
    r"(?P<d>\d{1,2})\s*(?P<sep>[/.-])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*(?P<y>(?:19|20)\d{2})(?!\d)"
)
DATE_WORDS = r"(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s*(?:,\s*)?năm\s+(?P<y2>(?:19|20)\d{2})"
DATE_PATTERN = re.compile(
    r"(?:(?P<part>sáng|trưa|chiều|tối|đêm)\s+(?:hôm\s+)?(?:ngày\s+)?|ngày\s+)?"
    rf"(?<!\d)(?:{DATE_NUMERIC}|{DATE_WORDS})",
    re.IGNORECASE,
)

TERMINAL = ".!?;:…"
CLOSERS = "”’\"')]»"
BYLINE_ROLE = re.compile(
    r"^(?:tin|bài|ảnh|tin bài|bài viết|thực hiện|video)"
    r"(?:\s*(?:,|và|&|-|–|/)\s*(?:tin|bài|ảnh|video))*\s*:\s*(?P<name>\S.*)$",
    re.IGNORECASE,
)
NOT_BYLINE_START = re.compile(
    r"^(?:toàn cảnh|quang cảnh|các đại biểu|đại biểu|ông|bà|đồng chí|lãnh đạo|ảnh)\b",
    re.IGNORECASE,
)
CONNECTORS = {"và", "-", "–", "&", ",", "của"}

EVENT_WORDS = (
    "hội nghị",
    "hội thảo",
    "hội thi",
    "hội diễn",
    "hội chợ",
    "hội báo",
    "hội trại",
    "ngày hội",
    "tuần lễ",
    "tháng hành động",
    "liên hoan",
    "lễ",
    "giải",
    "triển lãm",
    "cuộc thi",
    "đại hội",
    "tọa đàm",
    "toạ đàm",
    "lớp",
    "khóa",
    "khoá",
    "chương trình",
    "chuyến",
    "đợt",
    "buổi",
)
EVENT_VERBS = (
    "tổ chức",
    "khai mạc",
    "bế mạc",
    "khai giảng",
    "phát động",
    "diễn ra",
    "tham gia",
    "tham dự",
    "dự",
    "chủ trì",
)
_EVENT = "|".join(sorted(map(re.escape, EVENT_WORDS), key=len, reverse=True))
_VERB = "|".join(sorted(map(re.escape, EVENT_VERBS), key=len, reverse=True))
EVENT_AFTER_VERB = re.compile(
    rf"(?<!\w)(?:{_VERB})\s+(?:thành công\s+|long trọng\s+)?(?P<event>(?:{_EVENT})(?!\w))",
    re.IGNORECASE,
)
EVENT_ANYWHERE = re.compile(rf"(?<!\w)(?P<event>(?:{_EVENT})(?!\w))", re.IGNORECASE)
ABBREVIATIONS = {"tp", "q", "p", "ts", "ths", "pgs", "gs", "bs", "ks", "th", "st", "v.v", "tt"}


@dataclass
class Block:
    text: str
    indented: bool = False
    is_caption: bool = False


@dataclass
class ParsedArticle:
    title: str
    title_proposed: bool
    event_date: date | None
    time_of_day: str
    lead: str
    blocks: list[Block]
    byline: str
    key: str
    institutions: list[Any] = field(default_factory=list)

    @property
    def paragraphs(self) -> list[str]:
        return [b.text for b in self.blocks if not b.is_caption]

    @property
    def captions(self) -> list[tuple[int, str]]:
        """(number of body paragraphs before it, caption) for each photo to attach."""
        result, seen = [], 0
        for block in self.blocks:
            if block.is_caption:
                result.append((seen, block.text))
            else:
                seen += 1
        return result

    @property
    def body_html(self) -> str:
        parts = []
        for block in self.blocks:
            if block.is_caption:
                parts.append(f"<p><em>[{escape(_('Ảnh'))}: {escape(block.text)}]</em></p>")
            else:
                parts.append(f"<p>{escape(block.text)}</p>")
        return "".join(parts)

    @property
    def published_at(self) -> datetime | None:
        if self.event_date is None:
            return None
        moment = TIMES_OF_DAY.get(self.time_of_day, DEFAULT_TIME)
        return datetime.combine(self.event_date, moment, tzinfo=TZ)

    @property
    def needs_review(self) -> bool:
        return self.title_proposed or self.event_date is None

    def review_notes(self) -> list[str]:
        notes = []
        if self.title_proposed:
            notes.append(
                _(
                    "Tiêu đề do hệ thống đề xuất từ câu đầu vì tệp gốc không có tiêu đề; "
                    "cần xem lại trước khi đăng."
                )
            )
        if self.event_date is None:
            notes.append(
                _("Không tìm thấy ngày diễn ra sự kiện ở đoạn đầu; cần nhập thời gian đăng.")
            )
        return notes


def _clean_lines(text: str) -> list[Block]:
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    blocks: list[Block] = []
    for raw in text.split("\n"):
        line = normalize_text(raw)
        if not line:
            continue
        folded = fold(line).strip(" .:")
        if folded in TAIL_MARKERS:
            break
        if folded in CHROME_LINES or CHROME_PATTERN.match(folded):
            continue
        parts = [p for p in CHROME_SEPARATORS.split(folded) if p]
        if len(parts) > 1 and all(p in CHROME_LINES for p in parts):
            continue
        if folded.startswith("null "):
            line = line[5:].strip()
        indented = bool(re.match(r"^[\s\u00a0\u2007\u202f]{2,}", raw))
        if blocks and fold(blocks[-1].text) == fold(line):
            continue  # the Đồng Tháp layout repeats the heading
        blocks.append(Block(line, indented=indented))
    return blocks


def _ends_sentence(text: str) -> bool:
    stripped = text.rstrip(CLOSERS + " ")
    return bool(stripped) and stripped[-1] in TERMINAL


def _date_led(text: str) -> bool:
    match = DATE_PATTERN.search(text[:60])
    return bool(match) and match.start() == 0


def _is_caption(block: Block) -> bool:
    if len(block.text) > CAPTION_MAX:
        return False
    if block.indented:
        return True
    return not _ends_sentence(block.text) and len(block.text.split()) <= 40


def parse_byline(text: str) -> str | None:
    """The byline a last short line gives, or None when it is not one."""
    if len(text) > BYLINE_MAX or _ends_sentence(text) or DATE_PATTERN.search(text):
        return None
    role = BYLINE_ROLE.match(text)
    if role:
        return role.group("name").strip()
    if NOT_BYLINE_START.match(text):
        return None
    outside = re.sub(r"\([^)]*\)", " ", text)
    words = [w.strip(",;") for w in outside.split() if w.strip(",;") not in CONNECTORS]
    words = [w for w in words if w]
    if not words or len(words) > 10 or not words[0][:1].isupper():
        return None
    capitalised = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit())
    return text if capitalised * 3 >= len(words) else None


def find_event_date(text: str) -> tuple[date, str] | None:
    """The first valid date in `text` and the time of day before it ("sáng", "" …)."""
    for match in DATE_PATTERN.finditer(text):
        day = match.group("d") or match.group("d2")
        month = match.group("m") or match.group("m2")
        year = match.group("y") or match.group("y2")
        try:
            found = date(int(year), int(month), int(day))
        except ValueError:
            continue
        return found, (match.group("part") or "").lower()
    return None


def first_sentence(text: str) -> str:
    """Up to the first full stop outside quotes that is not after an abbreviation."""
    depth = 0
    for index, char in enumerate(text):
        if char in "“(":
            depth += 1
        elif char in "”)":
            depth = max(0, depth - 1)
        elif char in ".!?" and depth == 0:
            rest = text[index + 1 :]
            if rest and not rest[:1].isspace():
                continue
            word = re.findall(r"[\w.]+$", text[:index])
            if word and word[0].lower() in ABBREVIATIONS:
                continue
            return text[:index].strip()
    return text.strip().rstrip(".")


def _shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit]
    comma = cut.rfind(", ")
    if comma >= limit // 3 and cut.count("“") == cut.count("”"):
        return cut[:comma]
    return cut.rsplit(" ", 1)[0].rstrip(",;:-– ") + "…"


def propose_title(paragraph: str) -> str:
    """A title for an article without one, from the event its first sentence names."""
    sentence = first_sentence(paragraph)
    date_match = DATE_PATTERN.match(sentence)
    if date_match:
        sentence = sentence[date_match.end() :].lstrip(" ,")
    match = EVENT_AFTER_VERB.search(sentence) or EVENT_ANYWHERE.search(sentence)
    title = sentence[match.start("event") :] if match else sentence
    title = _shorten(title.strip().rstrip(",;: "), TITLE_MAX)
    return title[:1].upper() + title[1:]


def content_key(blocks: Sequence[Block]) -> str:
    digest = hashlib.sha256("\n".join(fold(b.text) for b in blocks).encode()).hexdigest()
    return KEY_PREFIX + digest[: 64 - len(KEY_PREFIX)]


def find_institutions(text: str, candidates: Iterable[tuple[str, Any]]) -> list[Any]:
    """The objects whose names appear in `text`, in order of first mention.

    Ignores case, diacritics, old/new tone placement and no-break spaces. A longer name wins
    over a shorter one inside it ("Trung tâm Văn hóa – Điện ảnh tỉnh" over "Trung tâm Văn
    hóa"), so a mention links one institution.
    """
    haystack = fold(re.sub(r"\s*[–—-]\s*", " - ", normalize_text(text)))
    named = sorted(
        ((fold(re.sub(r"\s*[–—-]\s*", " - ", name)), obj) for name, obj in candidates),
        key=lambda pair: len(pair[0]),
        reverse=True,
    )
    taken: list[tuple[int, int]] = []
    found: dict[int, tuple[int, Any]] = {}
    for name, obj in named:
        if not name:
            continue
        for match in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", haystack):
            span = match.span()
            if any(span[0] < end and start < span[1] for start, end in taken):
                continue
            taken.append(span)
            if id(obj) not in found or found[id(obj)][0] > span[0]:
                found[id(obj)] = (span[0], obj)
    return [obj for _, obj in sorted(found.values(), key=lambda pair: pair[0])]


def parse_text(text: str, *, candidates: Iterable[tuple[str, Any]] = ()) -> ParsedArticle:
    """The parts of one exported article; UnusableFile when nothing of an article is left."""
    blocks = _clean_lines(text)
    if not blocks:
        raise UnusableFile(_("không còn nội dung bài viết sau khi bỏ phần khung của cổng cũ"))
    key = content_key(blocks)

    title, proposed = "", False
    if len(blocks) > 1 and _is_heading(blocks[0]):
        title = blocks.pop(0).text

    byline = ""
    if len(blocks) > 1:
        found = parse_byline(blocks[-1].text)
        if found:
            byline = found
            blocks.pop()

    for block in blocks:
        block.is_caption = _is_caption(block)
    lead_index = next((i for i, b in enumerate(blocks) if not b.is_caption), None)
    if lead_index is None:
        raise UnusableFile(_("không tìm thấy đoạn văn nào, chỉ có các dòng ngắn"))
    lead = blocks.pop(lead_index).text

    if not title:
        title, proposed = propose_title(lead), True
    event = find_event_date(lead)
    everything = "\n".join([title, lead, *(b.text for b in blocks)])
    return ParsedArticle(
        title=title,
        title_proposed=proposed,
        event_date=event[0] if event else None,
        time_of_day=event[1] if event else "",
        lead=lead,
        blocks=blocks,
        byline=byline,
        key=key,
        institutions=find_institutions(everything, candidates),
    )


def _is_heading(block: Block) -> bool:
    text = block.text
    if len(text) > 255 or _date_led(text) or block.indented:
        return False
    stripped = text.rstrip(CLOSERS + " ")
    return bool(stripped) and stripped[-1] not in ".;:…,"


# --- writing ---------------------------------------------------------------------------


@dataclass
class ImportResult:
    path: Path
    action: str  # "created", "updated", "skipped", "failed"
    reason: str = ""
    parsed: ParsedArticle | None = None
    article: Article | None = None
    status: str = ""
    values: dict[str, Any] = field(default_factory=dict)
    held_back: str = ""  # why an article asked to be published stays a draft
    changed: list[str] = field(default_factory=list)


def collect_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[Path], list[Path]]:
    """(text files to import, other files skipped in folders, paths that do not exist).

    A file named directly is read whatever its name; a folder gives its `.txt` files, sorted,
    with its sub-folders.
    """
    files, ignored, missing = [], [], []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if not child.is_file() or child.name.startswith("."):
                    continue
                (files if child.suffix.lower() == ".txt" else ignored).append(child)
        elif path.exists():
            files.append(path)
        else:
            missing.append(path)
    unique = list(dict.fromkeys(p.resolve() for p in files))
    named = {p.resolve(): p for p in files}
    return [named[p] for p in unique], ignored, missing


def stored(name: str, value: str) -> str:
    """The value as the article's field stores it (to compare with what is stored)."""
    return Article._meta.get_field(name).to_python(value)


def default_category(slug: str, *, create: bool) -> tuple[Category | None, bool]:
    """The category for imported news; (category, created). "tin-hoat-dong" is made if absent."""
    category = Category.objects.filter(slug=slug).first()
    if category or slug != "tin-hoat-dong":
        return category, False
    if not create:
        return Category(name="Tin hoạt động", slug=slug), True
    return Category.objects.create(name="Tin hoạt động", slug=slug), True


def _editor_note(parsed: ParsedArticle, blocked: str = "") -> str:
    lines = parsed.review_notes()
    if blocked:
        lines.append(blocked)
    if parsed.captions:
        lines.append(
            _(
                "Có %(count)s ảnh cần gắn: chú thích của từng ảnh nằm đúng chỗ trong nội dung "
                "(dòng “[Ảnh: …]”); gắn ảnh rồi xóa các dòng đó."
            )
            % {"count": len(parsed.captions)}
        )
    if lines and parsed.needs_review:
        lines.insert(0, _("CẦN XEM LẠI (tin nhập tự động)."))
    return "\n".join(lines)


def _edited_since_import(article: Article) -> bool:
    last = article.history.order_by("-history_date", "-history_id").first()
    return last is not None and last.history_change_reason != CHANGE_REASON


def import_file(
    path: Path,
    *,
    status: str = Article.Status.DRAFT,
    category: Category | None = None,
    source_label: str = DEFAULT_SOURCE_LABEL,
    dry_run: bool = False,
    seen: dict[str, Path] | None = None,
    candidates: Iterable[tuple[str, Any]] = (),
) -> ImportResult:
    """Create or update the article of one exported file. Never raises for a bad file."""
    result = ImportResult(path=path, action="failed")
    try:
        parsed = parse_text(read_text(path.read_bytes()), candidates=candidates)
    except UnusableFile as error:
        result.reason = str(error)
        return result
    except OSError as error:
        result.reason = _("không mở được tệp (%(error)s)") % {"error": error.strerror or error}
        return result
    result.parsed = parsed
    seen = {} if seen is None else seen
    if parsed.key in seen:
        result.action = "skipped"
        result.reason = _("cùng nội dung với tệp %(other)s") % {"other": seen[parsed.key]}
        return result
    seen[parsed.key] = path

    existing = Article.objects.filter(source_key=parsed.key).first()
    if existing and _edited_since_import(existing):
        result.action, result.article = "skipped", existing
        result.reason = _(
            "tin “%(title)s” đã được biên tập sau khi nhập; giữ nguyên bản đã sửa"
        ) % {"title": existing.title}
        return result

    article = existing or Article(source_key=parsed.key)
    values = {
        "title": stored("title", parsed.title),
        "lead": stored("lead", parsed.lead),
        "body": stored("body", parsed.body_html),
        "byline": stored("byline", parsed.byline),
        "published_at": parsed.published_at,
        "source": f"{source_label} (tệp {path.name})"[:500],
    }
    if article.category_id is None and category is not None:
        values["category"] = category
    has_category = values.get("category", article.category) is not None
    missing = [
        FIELD_LABELS[name]()
        for name in Article(**values | {"category": None}).missing_for_submission()
        if name != "category" or not has_category
    ]
    blocked = (
        _("Chưa đăng được: cần nhập %(fields)s.") % {"fields": ", ".join(missing)}
        if missing
        else ""
    )
    values["editor_note"] = _editor_note(parsed, blocked)
    wants_publish = status == Article.Status.PUBLISHED and article.status != status
    if wants_publish and (parsed.needs_review or missing):
        wants_publish = False
        result.held_back = (
            _("cần xem lại nên giữ ở dạng bản nháp") if parsed.needs_review else blocked
        )

    result.changed = [
        name
        for name, value in values.items()
        if existing is None or getattr(article, name) != value
    ]
    if wants_publish:
        result.changed.append("status")
    result.status = Article.Status.PUBLISHED if wants_publish else article.status
    result.values = values
    result.article = article
    if existing and not result.changed:
        result.action, result.reason = "skipped", _("không có gì thay đổi")
        return result
    result.action = "updated" if existing else "created"
    if dry_run:
        return result

    for name, value in values.items():
        setattr(article, name, value)
    article._change_reason = CHANGE_REASON
    try:
        with transaction.atomic():
            if wants_publish:
                publish_article(article, by=None, at=values["published_at"], note=CHANGE_REASON)
            else:
                article.full_clean(exclude=["slug", "category"], validate_unique=False)
                article.save()
            if parsed.institutions:
                article.institutions.add(*parsed.institutions)
            link_cited_documents(article)
    except ValidationError as error:
        result.action = "failed"
        result.reason = "; ".join(error.messages)
    return result
