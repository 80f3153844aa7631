"""Reading the checklists of procedures as the national portal publishes them.

Some lines of a published checklist only apply to some applicants or cases: "Hộ chiếu còn thời
hạn (đối với người nước ngoài…)", "Điều lệ… đối với công ty đấu giá hợp danh", "Danh mục hàng
hóa (Packing List – nếu có)", "Đối với cơ quan… bị mất con dấu: …". Such a line is shown with
its condition and never enforced. ``conditional_clause`` recognises them from their text; the
checklist line uses it as a default when it is created (catalogue import, demo data), and an
explicit value given by whoever enters the line wins.
"""

import re

# The condition qualifies the document when it opens the line, closes its first clause, or
# stands in brackets; what follows a semicolon or a full stop is guidance, not a condition
# ("Bằng đại học…; đối với văn bằng nước ngoài, phải có bản dịch": the degree is required).
_FIRST_CLAUSE_END = re.compile(r";|\.\s+(?=[A-ZĐÀ-Ỹ])")
_LEADING = re.compile(r"^\s*(?:(?:trong|đối với)\s+)?(?:trường hợp|đối với)\s", re.IGNORECASE)
_BRACKETS = re.compile(r"\(([^()]*)\)")
# "(trừ người có giấy phép lái xe hạng A1…)": those excepted need not hand it in.
_BRACKET_TRIGGER = re.compile(r"\b(?:nếu có|đối với|trường hợp)\b|^\s*trừ\b", re.IGNORECASE)
_IF_ANY = re.compile(r"^(?P<before>.*?)\s*[–—-]\s*(?P<clause>nếu có)\s*$", re.IGNORECASE)
# "đối với" names a case only before a kind of applicant or a case: "đối với di sản" is
# about the content of the document ("báo cáo… đối với di sản"), not a condition.
_TRAILING = re.compile(
    r"(?:,\s*|\s)(?P<clause>(?:(?:trong|đối với)\s+trường hợp|trừ trường hợp|nếu có"
    r"|đối với\s+(?:người|công dân|công ty|doanh nghiệp|tổ chức|cá nhân|cơ quan|hộ|cơ sở|"
    r"nhà đầu tư|chủ đầu tư|văn bằng|công chứng viên|phương tiện|tàu|xe)\b).*)$",
    re.IGNORECASE,
)
_LAST_BRACKETS = re.compile(r"\s*\([^()]*\)\s*$")
_TRIM = " \t\n.,;:!–—-"


def _clean(clause):
    return re.sub(r"\s+", " ", clause).strip(_TRIM)


def conditional_clause(text):
    """The condition under which a checklist line applies, or ``None`` when it always does.

    >>> conditional_clause("Hộ chiếu còn thời hạn (đối với người nước ngoài)")
    'đối với người nước ngoài'
    >>> conditional_clause("Bản sao Danh mục hàng hóa (Packing List – nếu có)")
    'nếu có'
    >>> conditional_clause("Đơn đề nghị cấp giấy phép xây dựng") is None
    True
    """
    text = (text or "").strip()
    if not text:
        return None
    first = _FIRST_CLAUSE_END.split(text, maxsplit=1)[0]
    if _LEADING.match(first):
        head = first.split(":", 1)[0] if ":" in first else first.split(",", 1)[0]
        return _clean(head) or None
    for content in _BRACKETS.findall(first):
        if _BRACKET_TRIGGER.search(content):
            if_any = _IF_ANY.match(content)
            return _clean(if_any.group("clause") if if_any else content) or None
    trailing = _TRAILING.search(first)
    if trailing:
        # A closing remark in brackets is about the document, not about the case.
        return _clean(_LAST_BRACKETS.sub("", trailing.group("clause"))) or None
    return None
