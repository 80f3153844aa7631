"""Reading the national procedure database's published catalogue, without a database.

The national portal (dichvucong.gov.vn) publishes each procedure with texts written for people:
processing times such as "15 Ngày làm việc", "30 Ngày", "Trực tuyến: 5 Ngày làm việc; Trực tiếp:
20 Ngày làm việc" or "Không quy định"; agencies as one cell naming several ("Bộ Công an, Bộ Quốc
phòng"); levels such as "Cấp bộ, Cấp tỉnh"; checklists whose lines are sometimes headings, counts
or instructions rather than documents. This module turns those texts into values and says
honestly what it could not read: the importer (``models/public_admin_catalogue_import.py``)
decides what to do with that, and the tests of ``tests/test_catalogue_parser.py`` need no
database.

Problems are returned as codes (``"range"``, ``"days_unspecified"``...): the importer turns them
into messages in the user's language.
"""

import csv
import io
import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime

# ---------------------------------------------------------------------------- names


# The five tone marks of Vietnamese, as combining characters (NFD). Their position inside a
# syllable varies between the old and the new spelling ("hoà" / "hòa", "thuỷ" / "thủy", "Uỷ ban"
# / "Ủy ban"): a name's key keeps the tone of each syllable but not where it sits.
_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"
_ABBREVIATIONS = {
    "ubnd": "ủy ban nhân dân",
    "hđnd": "hội đồng nhân dân",
    "tp": "thành phố",
    "tp.": "thành phố",
}


def _syllable_key(syllable):
    decomposed = unicodedata.normalize("NFD", syllable)
    tones = "".join(char for char in decomposed if char in _TONE_MARKS)
    bare = "".join(char for char in decomposed if char not in _TONE_MARKS)
    return unicodedata.normalize("NFC", bare) + tones


def name_key(text):
    """A key under which two spellings of the same name meet.

    Case, spacing, Unicode composition, the position of tone marks (old and new spelling),
    punctuation at the ends and the abbreviations UBND, HĐND and TP are ignored; the tones
    themselves are not (``Thuế`` and ``Thuê`` stay apart).
    """
    text = unicodedata.normalize("NFC", text or "").casefold()
    text = re.sub(r"\s*([-/])\s*", r" \1 ", text)
    words = [_ABBREVIATIONS.get(word, word) for word in re.split(r"\s+", text.strip(" \t\r\n.,;:"))]
    return " ".join(_syllable_key(word) for word in " ".join(words).split() if word)


def clean_text(text):
    """One line of text: NFC, no doubled spaces, no blanks at the ends."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", str(text or ""))).strip()


# Words that open the name of an agency: a comma followed by one of them starts another agency
# ("Bộ Công an, Bộ Quốc phòng"); any other comma belongs to the name ("Cục Cảnh sát quản lý hành
# chính về trật tự, xã hội", "Trung tâm Thông tin, Lưu trữ và Thư viện").
_AGENCY_HEAD_WORDS = (
    "bộ",
    "cục",
    "tổng cục",
    "chi cục",
    "vụ",
    "sở",
    "ủy ban",
    "ubnd",
    "chủ tịch",
    "ngân hàng",
    "công an",
    "ban",
    "cơ quan",
    "các cơ quan",
    "trung tâm",
    "cảng vụ",
    "văn phòng",
    "phòng",
    "bảo hiểm",
    "kho bạc",
    "tòa án",
    "viện",
    "quân chủng",
    "quân khu",
    "bộ chỉ huy",
    "bộ tư lệnh",
    "hội đồng",
    "thanh tra",
    "học viện",
    "trường",
    "bệnh viện",
    "người đứng đầu",
    "thủ trưởng",
    "thủ tướng",
    "giám đốc",
    "tổ chức",
    "đơn vị",
    "đài",
    "cảnh sát",
    "bộ phận",
    "doanh nghiệp",
    "cơ sở",
    "đại sứ quán",
    "cơ quan đại diện",
    "lãnh sự",
    "tập đoàn",
    "tổng công ty",
    "công ty",
    "chính phủ",
    "quốc hội",
    "kiểm toán",
    "khu quản lý",
)
_HEAD_KEYS = tuple(sorted({name_key(word) for word in _AGENCY_HEAD_WORDS}, key=len, reverse=True))


def _opens_agency(segment):
    key = name_key(segment)
    return bool(segment[:1].isupper()) and any(key == head or key.startswith(head + " ") for head in _HEAD_KEYS)


def split_agency_names(text):
    """The agencies named by one published cell, in order, without repeats."""
    names = []
    for line in re.split(r"[\n;]+", text or ""):
        for position, segment in enumerate(line.split(",")):
            segment = clean_text(segment)
            if not segment:
                continue
            if position and names and not _opens_agency(segment):
                names[-1] = f"{names[-1]}, {segment}"
            else:
                names.append(segment)
    result, seen = [], set()
    for name in names:
        name = name.strip(" .")
        if name and name_key(name) not in seen:
            seen.add(name_key(name))
            result.append(name)
    return result


AGENCY_CODE = re.compile(r"^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$")


# ---------------------------------------------------------------------------- levels

LEVELS = ("central", "province", "district", "commune", "other")
_LEVEL_WORDS = {
    "central": ("cấp bộ", "cấp trung ương", "trung ương", "central", "ministry"),
    "province": ("cấp tỉnh", "province", "provincial"),
    "district": ("cấp huyện", "district"),
    "commune": ("cấp xã", "commune", "ward"),
    "other": ("cơ quan khác", "other"),
}


def parse_levels(text):
    """``(levels, unknown)``: the levels of government named by a published cell, in the
    order of ``LEVELS``, and the parts that name none."""
    found, unknown = set(), []
    for part in re.split(r"[,;\n]+", text or ""):
        key = name_key(part)
        if not key:
            continue
        for level, words in _LEVEL_WORDS.items():
            if any(key == name_key(word) for word in words):
                found.add(level)
                break
        else:
            unknown.append(clean_text(part))
    return [level for level in LEVELS if level in found], unknown


# ---------------------------------------------------------------------------- processing time

CHANNELS = {
    "trực tiếp": "counter",
    "trực tuyến": "online",
    "dịch vụ bưu chính": "postal",
    "bưu chính": "postal",
    "qua bưu chính": "postal",
    "bưu điện": "postal",
}
_CHANNEL_KEYS = {name_key(name): channel for name, channel in CHANNELS.items()}
_NUMBER = r"(\d+(?:[.,]\d+)?)"
_RANGE = re.compile(_NUMBER + r"\s*(?:-|–|—|đến|tới)\s*" + _NUMBER, re.I)
_BARE_NUMBER = re.compile(r"^\s*" + _NUMBER + r"\s*$")
_NO_TIME = re.compile(r"^(?:không có thông tin|không quy định|chưa quy định|không|n/?a)\.?$", re.I)
# (pattern, unit, factor, problem): ``problem`` flags a reading that is counted but to confirm.
_TIME_PATTERNS = [
    (re.compile(r"(?:ngay\s+)?trong\s+(?:ngày|ngay)(?!\s*\d)", re.I), "same_day", None, None),
    (re.compile(_NUMBER + r"\s*ngày\s+làm\s+việc", re.I), "working_day", 1, None),
    (re.compile(_NUMBER + r"\s*ngày\s+(?:theo\s+)?lịch", re.I), "calendar_day", 1, None),
    (re.compile(_NUMBER + r"\s*giờ(?:\s+làm\s+việc)?", re.I), "working_hour", 1, None),
    (re.compile(_NUMBER + r"\s*phút", re.I), "working_hour", 1 / 60, None),
    (re.compile(_NUMBER + r"\s*tháng", re.I), "calendar_day", 30, "months"),
    (re.compile(_NUMBER + r"\s*tuần", re.I), "calendar_day", 7, None),
    (re.compile(_NUMBER + r"\s*ngày", re.I), "working_day", 1, "days_unspecified"),
]
# Worst first: the problem a procedure is listed under when it has several.
TIME_PROBLEMS = (
    "empty",
    "not_regulated",
    "no_unit",
    "range",
    "zero",
    "unreadable",
    "days_unspecified",
    "months",
    "counter_missing",
    "several_times",
    "channel_unreadable",
)
# A reading with one of these problems has no usable time: the procedure needs review.
BLOCKING_TIME_PROBLEMS = frozenset({"empty", "not_regulated", "no_unit", "range", "zero", "unreadable"})


@dataclass
class TimeReading:
    """One time expression: ``amount`` in ``unit``, or the ``problem`` that stopped it."""

    text: str
    amount: float = 0.0
    unit: str = ""
    problem: str = ""

    @property
    def usable(self):
        return bool(self.unit) and self.problem not in BLOCKING_TIME_PROBLEMS

    def same_time(self, other):
        return (self.amount, self.unit) == (other.amount, other.unit)


@dataclass
class PublishedTime:
    """A published processing time: the time counted, the times per channel, the problems."""

    text: str
    main: TimeReading
    channels: list = field(default_factory=list)  # [(channel, TimeReading)] in published order
    problems: list = field(default_factory=list)  # codes of TIME_PROBLEMS, worst first

    @property
    def status(self):
        """``needs_review`` (no usable time), ``to_confirm`` (counted, flagged) or ``confirmed``."""
        if not self.main.usable:
            return "needs_review"
        return "to_confirm" if self.problems else "confirmed"

    @property
    def problem(self):
        return self.problems[0] if self.problems else ""


def read_time_expression(text):
    """Read one time expression ("15 Ngày làm việc", "03 ngày", "Trong ngày", "24 giờ")."""
    text = clean_text(text)
    if not text:
        return TimeReading(text, problem="empty")
    if _NO_TIME.match(text):
        return TimeReading(text, problem="empty" if "thông tin" in text.lower() else "not_regulated")
    if _BARE_NUMBER.match(text):
        return TimeReading(text, problem="no_unit")
    found = None
    for priority, (pattern, unit, factor, problem) in enumerate(_TIME_PATTERNS):
        match = pattern.search(text)
        if match and (found is None or (match.start(), priority) < found[0]):
            found = ((match.start(), priority), match, unit, factor, problem)
    range_match = _RANGE.search(text)
    if range_match and (found is None or range_match.start() <= found[1].start()):
        return TimeReading(text, problem="range")
    if not found:
        return TimeReading(text, problem="unreadable")
    _key, match, unit, factor, problem = found
    if factor is None:
        return TimeReading(text, 0.0, unit, problem or "")
    amount = round(float(match.group(1).replace(",", ".")) * factor, 4)
    if amount <= 0:
        return TimeReading(text, 0.0, unit, "zero")
    return TimeReading(text, amount, unit, problem or "")


def _split_channels(text):
    """``[(channel or None, expression)]``: the parts of a text given per channel."""
    parts = []
    for segment in (text or "").split(";"):
        if not segment.strip():
            continue
        label, colon, rest = segment.partition(":")
        channel = _CHANNEL_KEYS.get(name_key(label)) if colon else None
        parts.append((channel, rest if channel else segment))
    return parts


def parse_published_time(text):
    """Read a published processing time, honestly.

    - One expression: it is the time. "N Ngày" (the portal does not say which days) counts as
      working days and is flagged ``days_unspecified``; months count as 30 calendar days and are
      flagged. A text without a usable time ("Không quy định", "1", "10-25", "0 Giờ", empty)
      gives no time: the procedure needs review.
    - Per channel ("Trực tuyến: 5 Ngày làm việc; Trực tiếp: 20 Ngày làm việc"): every channel
      keeps its times; the time counted for the procedure is the counter's ("Trực tiếp") first
      usable time, else the first usable time of another channel (flagged ``counter_missing``).
      Several times for one channel, or a channel without a usable time, are flagged.
    """
    text = clean_text(text)
    parts = _split_channels(text)
    if not any(channel for channel, _expression in parts):
        main = read_time_expression(text)
        problems = [main.problem] if main.problem else []
        return PublishedTime(text, main, [], problems)
    channels = [(channel or "counter", read_time_expression(expression)) for channel, expression in parts]
    problems = set()
    counter = [reading for channel, reading in channels if channel == "counter" and reading.usable]
    usable = [reading for _channel, reading in channels if reading.usable]
    if counter:
        main = counter[0]
    elif usable:
        main = usable[0]
        problems.add("counter_missing")
    else:
        main = next((reading for _channel, reading in channels if reading.problem), channels[0][1])
    for channel in {channel for channel, _reading in channels}:
        readings = [reading for name, reading in channels if name == channel and reading.usable]
        if any(not reading.same_time(readings[0]) for reading in readings[1:]):
            problems.add("several_times")
    if usable and any(not reading.usable for _channel, reading in channels):
        problems.add("channel_unreadable")
    problems |= {reading.problem for _channel, reading in channels if reading.usable and reading.problem}
    if not main.usable:
        problems.add(main.problem or "unreadable")
    return PublishedTime(text, main, channels, [code for code in TIME_PROBLEMS if code in problems])


# ---------------------------------------------------------------------------- checklist lines

_COUNT_LINE = re.compile(r"^[-+*•\s]*(?:số\s+lượng(?:\s+hồ\s+sơ)?|số\s+bộ\s+hồ\s+sơ)\s*[:：]", re.I)
_INSTRUCTION_LINE = re.compile(r"^[-+*•\s]*(?:lưu\s+ý|ghi\s+chú|chú\s+ý)\b", re.I)
_HEADING_OPENING = re.compile(r"^(?:[-+*•]\s*|[a-zđ]\)\s*|\(?[ivx]+\)\s*)*(?:trường\s+hợp|đối\s+với|nếu)\b", re.I)
_HEADING_WORDS = re.compile(
    r"(?:bao\s+gồm|gồm\s+có|hồ\s+sơ\s+gồm|gồm\s+các|các\s+giấy\s+tờ\s+sau|thành\s+phần\s+hồ\s+sơ)", re.I
)


def classify_checklist_line(name, copies):
    """``"document"`` or the kind of note a published checklist line is.

    - ``"count"``: the number of sets ("Số lượng hồ sơ: 01 bộ");
    - ``"instruction"``: an instruction ("Lưu ý: ...") or a line published with 0 copies
      ("Trường hợp nộp trực tuyến thì ...");
    - ``"heading"``: a heading that introduces the next lines ("* Đối với trường hợp ...:",
      "Hồ sơ gồm:").
    A line naming a document under a condition ("Giấy ủy quyền (nếu có)") stays a document.
    """
    text = clean_text(name)
    if _COUNT_LINE.match(text):
        return "count"
    if copies == 0 or _INSTRUCTION_LINE.match(text):
        return "instruction"
    if text.endswith(":") and (
        text.startswith("*") or _HEADING_OPENING.match(text) or _HEADING_WORDS.search(text[-60:])
    ):
        return "heading"
    return "document"


def copy_type_of(name, originals=None, photocopies=None):
    """The kind of copy of a checklist line, from the published counts or its wording."""
    if originals or photocopies:
        if originals and photocopies:
            return "original_or_certified" if photocopies <= originals else "photocopy"
        return "original" if originals else "photocopy"
    key = name_key(name).lstrip("-+*• ")
    if name_key("bản sao có chứng thực") in key or name_key("bản sao chứng thực") in key:
        return "certified"
    if key.startswith(name_key("bản sao")):
        return "photocopy"
    return "original"


def clean_result(text):
    """The result of a procedure, without what the page's flattening glued to it
    ("Quyết định ...Mã: KQ.G10.000119Từ khóa...")."""
    text = clean_text(text)
    cut = re.search(r"Mã\s*:\s*KQ\.|Từ khóa|Mô tả\s*Không có thông tin|Chọn cơ quan thực hiện", text)
    return text[: cut.start()].strip(" .;,") if cut else text


def applicant_type_of(text):
    """``person``, ``organisation``, ``both`` or ``""`` from the published target subjects."""
    key = name_key(text)
    person = any(name_key(word) in key for word in ("công dân", "cá nhân", "hộ gia đình", "người"))
    organisation = any(name_key(word) in key for word in ("tổ chức", "doanh nghiệp", "hợp tác xã", "cơ quan"))
    if person and organisation:
        return "both"
    return "person" if person else ("organisation" if organisation else "")


# ---------------------------------------------------------------------------- values


def parse_count(value, default=None):
    """A whole number from a cell ("01", 1, "1.0"), ``default`` when blank; ValueError if not."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return default
    if isinstance(value, bool):
        raise ValueError(value)
    number = float(str(value).strip().replace(",", "."))
    if number != int(number) or number < 0:
        raise ValueError(value)
    return int(number)


_TRUE = {"1", "true", "yes", "y", "x", "có", "co", "đúng", "required", "bắt buộc"}
_FALSE = {"0", "false", "no", "n", "không", "khong", "sai", "optional", "không bắt buộc"}


def parse_bool(value, default=None):
    """A yes/no cell; ``default`` when blank; ValueError when it says neither."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return default
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return bool(value)
    word = clean_text(value).casefold()
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    raise ValueError(value)


def parse_date(value):
    """A date cell: ISO (2025-07-01), Vietnamese (01/07/2025) or a spreadsheet date; None when
    blank; ValueError when it is not a date."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = clean_text(value)
    if not text:
        return None
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(value)


ONLINE_LEVELS = {
    "full": "full",
    "toàn trình": "full",
    "dịch vụ công trực tuyến toàn trình": "full",
    "mức độ 4": "full",
    "4": "full",
    "partial": "partial",
    "một phần": "partial",
    "dịch vụ công trực tuyến một phần": "partial",
    "mức độ 3": "partial",
    "3": "partial",
    # The portal lists an online channel without saying which level: partly online.
    "online_channel_listed": "partial",
    "none": "none",
    "offline_only": "none",
    "không": "none",
    "mức độ 2": "none",
    "mức độ 1": "none",
    "2": "none",
    "1": "none",
}
_ONLINE_KEYS = {name_key(name): level for name, level in ONLINE_LEVELS.items()}


def parse_online_level(value):
    """``full``, ``partial``, ``none``, ``""`` when blank; ValueError when unknown."""
    key = name_key(str(value or ""))
    if not key:
        return ""
    if key in _ONLINE_KEYS:
        return _ONLINE_KEYS[key]
    raise ValueError(value)


# ---------------------------------------------------------------------------- files

# Canonical column -> the names it goes by: the national sample's columns, the suite's import
# template (Odoo's import format) and the Vietnamese headings of the portal's exports.
COLUMNS = {
    "code": ("code", "mã thủ tục", "mã tthc", "ma_thu_tuc"),
    "name": ("name", "tên thủ tục", "ten_thu_tuc"),
    "sector": ("sector", "sector_id", "lĩnh vực", "linh_vuc"),
    "sector_code": ("sector_code", "sector_id/code", "mã lĩnh vực"),
    "agency": ("agency", "agency_id", "agencies", "cơ quan thực hiện", "co_quan_thuc_hien"),
    "competent_authority": ("competent_authority", "cơ quan có thẩm quyền"),
    "level": ("level", "levels", "cấp thực hiện", "cap_thuc_hien"),
    "processing_time_text": ("processing_time_text", "thời hạn giải quyết", "processing_time"),
    "processing_time_local": ("processing_time_local", "thời hạn cam kết"),
    "processing_time_unit": ("processing_time_unit",),
    "same_day_cutoff": ("same_day_cutoff",),
    "fee_text": ("fee_text", "phí, lệ phí", "phí lệ phí", "fee"),
    "online_level": ("online_level", "mức độ", "mức độ dịch vụ công"),
    "accepts_counter": ("accepts_counter",),
    "accepts_postal": ("accepts_postal",),
    "documents": ("documents", "thành phần hồ sơ"),
    "channels": ("channels",),
    "issuing_ministry": ("issuing_ministry", "bộ ban hành", "cơ quan ban hành"),
    "decision_no": ("decision_no", "decision_number", "số quyết định", "quyết định công bố"),
    "source_url": ("source_url", "url", "nguồn", "đường dẫn"),
    "result": ("result", "result_description", "kết quả thực hiện", "kết quả"),
    "target_subjects": ("target_subjects", "đối tượng thực hiện"),
    "applicant_type": ("applicant_type",),
    "date_effective_from": ("date_effective_from", "effective_from", "ngày hiệu lực", "ngày áp dụng"),
    "document_ids/sequence": ("document_ids/sequence",),
    "document_ids/name": ("document_ids/name", "document_ids"),
    "document_ids/copies": ("document_ids/copies",),
    "document_ids/copy_type": ("document_ids/copy_type",),
    "document_ids/is_required": ("document_ids/is_required",),
    "document_ids/note": ("document_ids/note",),
    "step_ids/sequence": ("step_ids/sequence",),
    "step_ids/name": ("step_ids/name", "step_ids"),
    "step_ids/role": ("step_ids/role",),
    "step_ids/agency_id": ("step_ids/agency_id",),
    "step_ids/duration_hours": ("step_ids/duration_hours",),
}
# Columns read on purpose but not imported (the crawler's own references).
IGNORED_COLUMNS = frozenset(
    {"source", "processing_days", "processing_days_type", "procedure_type", "id", "xmlid", "demo_weight"}
)
_COLUMN_KEYS = {name_key(alias): column for column, aliases in COLUMNS.items() for alias in aliases}


class CatalogueFileError(ValueError):
    """The file as a whole cannot be read (its format, its encoding, no header)."""


@dataclass
class SourceRow:
    """One procedure of the file: ``number`` is the row a spreadsheet shows (or the entry of a
    JSON list), ``values`` its cells by canonical column, ``documents`` and ``steps`` the lines
    given as rows of the import template."""

    number: int
    values: dict
    documents: list = field(default_factory=list)
    steps: list = field(default_factory=list)
    problems: list = field(default_factory=list)  # (code, detail) found while reading the file


@dataclass
class SourceFile:
    rows: list
    unknown_columns: list = field(default_factory=list)
    kind: str = ""  # "json", "csv", "xlsx"


def _canonical_columns(headers):
    columns, unknown = [], []
    for header in headers:
        header = clean_text(header)
        column = _COLUMN_KEYS.get(name_key(header))
        columns.append(column)
        if not column and header and header.casefold() not in IGNORED_COLUMNS:
            unknown.append(header)
    return columns, unknown


def _decode(content):
    for encoding in ("utf-8-sig", "cp1258", "utf-16"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise CatalogueFileError("encoding")


def _read_csv(content):
    text = _decode(content)
    first_line = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first_line.count)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    table = list(reader)
    if not table:
        raise CatalogueFileError("empty")
    return table[0], table[1:]


def _read_xlsx(content):
    try:
        from openpyxl import load_workbook
    except ImportError as error:  # Odoo requires openpyxl; said plainly if it is missing
        raise CatalogueFileError("xlsx_unavailable") from error
    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as error:  # noqa: BLE001 - any unreadable workbook is the same answer
        raise CatalogueFileError("xlsx") from error
    sheet = book.worksheets[0]
    table = [["" if cell is None else cell for cell in row] for row in sheet.iter_rows(values_only=True)]
    book.close()
    if not table:
        raise CatalogueFileError("empty")
    return [str(cell) for cell in table[0]], table[1:]


def _rows_from_table(headers, body):
    columns, unknown = _canonical_columns(headers)
    grouped = "document_ids/name" in columns or "step_ids/name" in columns
    rows = []
    for index, cells in enumerate(body, start=2):
        values = {}
        for column, cell in zip(columns, cells, strict=False):
            if column and cell not in (None, ""):
                values[column] = cell.strip() if isinstance(cell, str) else cell
        if not values:
            continue
        line_values = {key: value for key, value in values.items() if "/" in key}
        head_values = {key: value for key, value in values.items() if "/" not in key}
        if grouped and not head_values and rows:
            row = rows[-1]  # a continuation row of the template: more documents or steps
        else:
            row = SourceRow(index, head_values)
            rows.append(row)
        document = {key.split("/", 1)[1]: value for key, value in line_values.items() if key.startswith("document_")}
        step = {key.split("/", 1)[1]: value for key, value in line_values.items() if key.startswith("step_")}
        if document.get("name"):
            row.documents.append(dict(document, row=index))
        if step.get("name"):
            row.steps.append(dict(step, row=index))
    return rows, unknown


def _read_json(content):
    try:
        data = json.loads(_decode(content))
    except ValueError as error:
        raise CatalogueFileError("json") from error
    if isinstance(data, dict):
        data = data.get("procedures", data.get("items"))
    if not isinstance(data, list):
        raise CatalogueFileError("json")
    rows, unknown = [], set()
    for index, entry in enumerate(data, start=1):
        if not isinstance(entry, dict):
            rows.append(SourceRow(index, {}, problems=[("not_a_procedure", str(entry)[:80])]))
            continue
        values = {}
        for key, value in entry.items():
            column = _COLUMN_KEYS.get(name_key(key))
            if column and "/" not in column:
                values[column] = value
            elif key.casefold() not in IGNORED_COLUMNS and not column:
                unknown.add(key)
        rows.append(SourceRow(index, values))
    return rows, sorted(unknown)


def read_catalogue_file(content, filename):
    """Read a catalogue file (national CSV or JSON, the import template as CSV or xlsx).

    :return: a ``SourceFile``; raises ``CatalogueFileError`` when the file cannot be read at all
    """
    name = (filename or "").lower()
    if name.endswith(".json") or (not name.endswith((".csv", ".xlsx")) and content.lstrip()[:1] in (b"[", b"{")):
        rows, unknown = _read_json(content)
        kind = "json"
    elif name.endswith(".xlsx") or content[:2] == b"PK":
        rows, unknown = _rows_from_table(*_read_xlsx(content))
        kind = "xlsx"
    else:
        rows, unknown = _rows_from_table(*_read_csv(content))
        kind = "csv"
    return SourceFile(rows, unknown, kind)


def documents_of(row):
    """The published checklist of a row as ``[{name, copies, originals, photocopies, template,
    group, copy_type, is_required, note, row}]``; ValueError when the documents cell is not a
    list."""
    raw = row.values.get("documents")
    if raw in (None, "") and row.documents:
        return [dict(line) for line in row.documents]
    if raw in (None, ""):
        return []
    if isinstance(raw, str):
        raw = json.loads(raw)
    if not isinstance(raw, list):
        raise ValueError(raw)
    lines = []
    for item in raw:
        if isinstance(item, str):
            item = {"name": item}
        if not isinstance(item, dict):
            raise ValueError(item)
        lines.append(dict(item))
    return lines


def channels_of(row):
    """The channels the portal lists for a row (``counter``, ``online``, ``postal``), or None
    when the file does not say."""
    raw = row.values.get("channels")
    if raw in (None, ""):
        return None
    if isinstance(raw, str):
        try:
            raw = json.loads(raw)
        except ValueError:
            raw = [{"channel": part} for part in raw.split(",")]
    found = set()
    for item in raw if isinstance(raw, list) else []:
        label = item.get("channel") if isinstance(item, dict) else item
        channel = _CHANNEL_KEYS.get(name_key(str(label or "")))
        if channel:
            found.add(channel)
    return found
