"""The catalogue importer: the national procedure database's published catalogue, row by row.

Read (``tools/catalogue_parser.py``), planned without writing anything (``_plan``: every row is
new, changed, unchanged, refused or not served here, with every problem found), then applied
(``_apply``): good rows go in, bad rows are listed with a reason, a changed procedure becomes a
new effective-dated version, an unchanged one is left alone. Used by the backend wizard
(``wizards/public_admin_catalogue_import_wizard.py``) and by the administrators' command
(``cli/import_catalogue.py``).
"""

import csv
import hashlib
import io
import json
import logging
import time
from dataclasses import dataclass, field
from datetime import timedelta

import psycopg2

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Command

from ..tools import catalogue_parser as parser
from ..tools.checklist import conditional_clause

_logger = logging.getLogger(__name__)

OUTCOMES = ("new", "changed", "unchanged", "refused", "not_served")
# Severity of each kind of problem: refused and not_served rows are not imported; "review"
# rows are imported but need a person before they take dossiers; "check" rows are imported
# and counted but flagged; "info" is for the record.
REFUSED, NOT_SERVED, REVIEW, CHECK, INFO = "refused", "not_served", "review", "check", "info"
SEVERITIES = (REFUSED, NOT_SERVED, REVIEW, CHECK, INFO)
LEVEL_ORDER = parser.LEVELS
BATCH_SIZE = 50
# Procedure fields written by each group of what the file says: a changed procedure gets a new
# version where only the groups that changed are written (local settings of the others stay).
GROUPS = (
    "name",
    "sector",
    "agencies",
    "levels",
    "time",
    "fee",
    "online",
    "documents",
    "legal",
    "source",
    "result",
    "steps",
)


@dataclass
class RowPlan:
    """What the import does with one procedure of the file."""

    number: int
    code: str = ""
    name: str = ""
    outcome: str = ""
    problems: list = field(default_factory=list)  # [(kind, detail)]
    groups: dict = field(default_factory=dict)  # group -> procedure values
    names: dict = field(default_factory=dict)  # group -> names the file gives (sector, agencies)
    fingerprint: dict = field(default_factory=dict)  # group -> hash of what the file says
    date_from: object = None
    existing_id: int = 0
    changed_groups: list = field(default_factory=list)
    procedure_id: int = 0

    def add(self, kind, detail=""):
        self.problems.append((kind, str(detail or "")))


@dataclass
class CataloguePlan:
    """The whole import: rows, new sectors and agencies, problems about the file itself."""

    rows: list = field(default_factory=list)
    new_sectors: dict = field(default_factory=dict)  # key -> {"name", "ministry", "code"}
    new_agencies: dict = field(default_factory=dict)  # key -> {"name", "level"}
    sector_ministries: dict = field(default_factory=dict)  # existing sector id -> ministry it lacks
    file_problems: list = field(default_factory=list)  # [(kind, detail, [RowPlan])]
    levels: tuple = ()
    applied: bool = False
    seconds: float = 0.0
    created_sectors: int = 0
    created_agencies: int = 0

    def counts(self):
        counts = dict.fromkeys(OUTCOMES, 0)
        for row in self.rows:
            counts[row.outcome] += 1
        return counts


def _hash(value):
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha1(text.encode()).hexdigest()[:12]  # noqa: S324 - a fingerprint, not security


class PublicAdminCatalogueImport(models.AbstractModel):
    _name = "public_admin.catalogue.import"
    _description = "Import of the national procedure catalogue"

    # ------------------------------------------------------------------ words
    @api.model
    def _problem_kinds(self):
        """Every kind of problem: ``{kind: (severity, title, what to do)}``."""
        _ = self.env._
        kinds = {
            "missing_code": (REFUSED, _("No procedure code"), _("Add the national code of the procedure.")),
            "missing_name": (REFUSED, _("No procedure name"), _("Add the name of the procedure.")),
            "duplicate_code": (
                REFUSED,
                _("The same code twice in the file"),
                _("Keep one row per procedure code; the first row was taken."),
            ),
            "bad_documents": (
                REFUSED,
                _("Documents that cannot be read"),
                _('The documents cell must be a list such as [{"name": "Đơn đề nghị", "copies": 1}].'),
            ),
            "bad_online_level": (
                REFUSED,
                _("Unknown online level"),
                _("Use full, partial or none (toàn trình, một phần, không), or leave it blank."),
            ),
            "bad_date": (REFUSED, _("Unreadable effective date"), _("Write the date as 2025-07-01 or 01/07/2025.")),
            "bad_number": (REFUSED, _("A number that is not a number"), _("Write copies and times as numbers.")),
            "bad_value": (REFUSED, _("A value that is not allowed"), _("Correct the value named.")),
            "not_a_procedure": (REFUSED, _("An entry that is not a procedure"), _("Remove it from the file.")),
            "write_error": (REFUSED, _("Refused by the database"), _("Correct the row as the message says.")),
            "level_not_served": (
                NOT_SERVED,
                _("Levels this centre does not serve"),
                _("Not imported. Tick the level in the import if this centre implements it."),
            ),
            "archived_here": (
                NOT_SERVED,
                _("Archived in this centre"),
                _("Not imported again. Restore the procedure to follow the national database."),
            ),
            "time_needs_review": (
                REVIEW,
                _("Processing time not readable: needs review"),
                _(
                    "Imported without a time: it takes no dossier (counter or online) until an "
                    "administrator sets its time on the procedure."
                ),
            ),
            "agency_created": (
                REVIEW,
                _("New agencies: code to complete"),
                _("Created from their name. Complete their code: an agency without one cannot receive dossiers."),
            ),
            "time_to_confirm": (
                CHECK,
                _("Processing time counted, to confirm"),
                _("Counted as shown; check it and confirm it on the procedure."),
            ),
            "sector_created": (INFO, _("New sectors"), _("Created from their name and ministry.")),
            "several_agencies": (
                INFO,
                _("Several agencies"),
                _("The first one named decides and leads the dossiers; the others take part."),
            ),
            "agency_missing": (CHECK, _("No agency named"), _("Choose the deciding agency on the procedure.")),
            "sector_missing": (CHECK, _("No sector named"), _("Choose the sector on the procedure.")),
            "level_missing": (
                CHECK,
                _("No level named"),
                _("Imported at the first level this centre serves; correct it if needed."),
            ),
            "level_unknown": (CHECK, _("Unknown level"), _("Ignored; use Cấp bộ, Cấp tỉnh, Cấp huyện, Cấp xã.")),
            "checklist_notes": (
                INFO,
                _("Checklist lines kept as notes"),
                _("Counts, headings and instructions are shown as notes of the checklist, not as documents."),
            ),
            "copy_type_unknown": (
                CHECK,
                _("Unknown kind of copy"),
                _("Imported as an original; correct the document line if needed."),
            ),
            "template_no_file": (
                INFO,
                _("Forms named without their file"),
                _("Attach the form's file to the document line to offer it for download."),
            ),
            "effective_date_moved": (
                INFO,
                _("New version later than the date given"),
                _("A version already takes effect on that date: the new one takes effect the day after."),
            ),
            "unknown_column": (
                INFO,
                _("Columns not imported"),
                _("These columns are not part of the catalogue and were ignored."),
            ),
            "missing_in_file": (
                INFO,
                _("Imported before, not in this file"),
                _("Still in force here: archive them if the national database abolished them."),
            ),
        }
        return kinds

    @api.model
    def _outcome_labels(self):
        _ = self.env._
        return {
            "new": _("New"),
            "changed": _("Changed: new version"),
            "unchanged": _("Unchanged"),
            "refused": _("Refused"),
            "not_served": _("Not served here"),
        }

    @api.model
    def _severity_labels(self):
        _ = self.env._
        return {
            REFUSED: _("Rows not imported"),
            NOT_SERVED: _("Rows not for this centre"),
            REVIEW: _("Imported, to complete before they take dossiers"),
            CHECK: _("Imported, to check"),
            INFO: _("For information"),
        }

    @api.model
    def _time_problem_labels(self):
        issue = self.env["public_admin.procedure"]._fields["processing_time_issue"]
        return dict(issue._description_selection(self.env))

    @api.model
    def _level_labels(self):
        return dict(self.env["public_admin.procedure"]._fields["level"]._description_selection(self.env))

    # ------------------------------------------------------------------ indexes
    def _sector_index(self):
        index = {}
        sectors = self.env["public_admin.sector"].with_context(active_test=False).search([])
        languages = {self.env.lang or "en_US", "en_US"}
        for sector in sectors:
            if sector.code:
                index["code:" + sector.code.strip().casefold()] = sector
            for language in languages:
                index.setdefault(parser.name_key(sector.with_context(lang=language).name), sector)
        return index

    def _agency_index(self):
        index = {}
        agencies = (
            self.env["public_admin.agency"]
            .with_context(active_test=False)
            .search([("company_id", "in", [self.env.company.id, False])])
        )
        languages = {self.env.lang or "en_US", "en_US"}
        for agency in agencies.sorted(lambda a: (not a.active, a.id)):
            if agency.code:
                index.setdefault("code:" + agency.code.strip().upper(), agency)
            for language in languages:
                index.setdefault(parser.name_key(agency.with_context(lang=language).name), agency)
            for alias in (agency.alias_names or "").splitlines():
                if alias.strip():
                    index.setdefault(parser.name_key(alias), agency)
        return index

    @api.model
    def _default_levels(self):
        """The levels of this company's reception centres (province when there is none)."""
        centres = self.env["public_admin.agency"].search(
            [("is_reception_centre", "=", True), ("company_id", "=", self.env.company.id)]
        )
        levels = set(centres.mapped("level")) or {"province"}
        return tuple(level for level in LEVEL_ORDER if level in levels)

    # ------------------------------------------------------------------ plan
    @api.model
    def _plan(self, content, filename, levels=None, date_from=None):
        """Read the file and decide what each row would do, writing nothing.

        :param levels: the levels of government this centre serves (default: its centres')
        :param date_from: effective date of rows that do not give one (default: today)
        :raise UserError: when the file cannot be read at all
        """
        try:
            source = parser.read_catalogue_file(content, filename)
        except parser.CatalogueFileError as error:
            raise UserError(self._file_error_message(str(error))) from error
        plan = CataloguePlan(levels=tuple(levels or self._default_levels()))
        plan.file_problems += [("unknown_column", column, []) for column in source.unknown_columns]
        refusing = {kind for kind, (severity, _title, _advice) in self._problem_kinds().items() if severity == REFUSED}
        context = {
            "sectors": self._sector_index(),
            "agencies": self._agency_index(),
            "date_from": date_from or fields.Date.context_today(self),
            "codes": {},
        }
        for source_row in source.rows:
            row = RowPlan(source_row.number)
            for kind, detail in source_row.problems:
                row.add(kind, detail)
            if not row.problems:
                self._plan_row(plan, source_row, row, context)
            if any(kind in refusing for kind, _detail in row.problems):
                row.outcome = "refused"
            plan.rows.append(row)
        self._plan_existing(plan)
        self._plan_new_references(plan)
        return plan

    def _file_error_message(self, code):
        _ = self.env._
        return {
            "encoding": _("The file is not in a text encoding the import reads: save it as UTF-8."),
            "empty": _("The file is empty."),
            "json": _("The file is not a JSON list of procedures."),
            "xlsx": _("The spreadsheet cannot be opened: save it again as .xlsx."),
            "xlsx_unavailable": _("Reading .xlsx needs the Python package openpyxl on the server."),
        }.get(code, _("The file cannot be read."))

    def _plan_row(self, plan, source_row, row, context):
        values = source_row.values
        code = values.get("code")
        # A spreadsheet that took "1.001290" for a number gives 1.00129: national codes have six
        # decimals.
        row.code = f"{code:.6f}" if isinstance(code, float) else parser.clean_text(code)
        row.name = parser.clean_text(values.get("name"))
        if not row.code:
            row.add("missing_code")
        if not row.name:
            row.add("missing_name", row.code)
        if row.code in context["codes"]:
            row.add("duplicate_code", self.env._("row %(row)s", row=context["codes"][row.code]))
        if row.problems:
            return
        context["codes"][row.code] = row.number
        try:
            row.date_from = parser.parse_date(values.get("date_effective_from")) or context["date_from"]
        except ValueError:
            row.add("bad_date", values.get("date_effective_from"))
            return
        level = self._plan_levels(plan, values, row)
        if not level:
            return
        row.groups["name"] = {"name": row.name}
        row.groups["levels"] = {"level": level, "published_levels": parser.clean_text(values.get("level")) or False}
        self._plan_sector(plan, values, row, context)
        self._plan_agencies(plan, values, row, context)
        self._plan_time(values, row)
        self._plan_online(source_row, row)
        self._plan_documents(source_row, row)
        self._plan_steps(plan, source_row, row, context)
        self._plan_texts(values, row)
        row.fingerprint = {group: _hash(row.names.get(group, row.groups[group])) for group in row.groups}

    def _plan_levels(self, plan, values, row):
        levels, unknown = parser.parse_levels(str(values.get("level") or ""))
        for part in unknown:
            row.add("level_unknown", part)
        if not levels:
            row.add("level_missing")
            return plan.levels[0] if plan.levels else "province"
        served = [level for level in levels if level in plan.levels]
        if not served:
            labels = self._level_labels()
            row.outcome = "not_served"
            row.add("level_not_served", ", ".join(labels.get(level, level) for level in levels))
            return False
        return served[0]

    def _plan_sector(self, plan, values, row, context):
        name = parser.clean_text(values.get("sector"))
        code = parser.clean_text(values.get("sector_code"))
        sector = context["sectors"].get("code:" + code.casefold()) if code else None
        if not sector and name:
            sector = context["sectors"].get(parser.name_key(name))
        ministry = parser.clean_text(values.get("issuing_ministry"))
        row.names["sector"] = [parser.name_key(name), code.casefold()]
        if sector:
            row.groups["sector"] = {"sector_id": sector.id}
            if ministry and not sector.ministry:
                plan.sector_ministries.setdefault(sector.id, ministry)
        elif name:
            key = parser.name_key(name)
            plan.new_sectors.setdefault(key, {"name": name, "ministry": ministry or False, "code": code or False})
            row.groups["sector"] = {"sector_id": ("sector", key)}
        else:
            row.add("sector_missing")
            row.groups["sector"] = {"sector_id": False}

    def _resolve_agency(self, plan, name, row, context):
        """The agency named ``name`` (or its placeholder, created when the import is applied)."""
        token = name.strip().upper()
        if parser.AGENCY_CODE.match(token):
            agency = context["agencies"].get("code:" + token)
            if agency:
                return agency.id
        agency = context["agencies"].get(parser.name_key(name))
        if agency:
            return agency.id
        key = parser.name_key(name)
        plan.new_agencies.setdefault(key, {"name": name, "level": self._guess_agency_level(name)})
        return ("agency", key)

    @staticmethod
    def _guess_agency_level(name):
        key = parser.name_key(name)
        if any(word in key for word in (parser.name_key("cấp xã"), parser.name_key("phường"))):
            return "commune"
        central = ("bộ", "cục", "tổng cục", "chính phủ", "việt nam", "trung ương", "quốc gia")
        if any(key.startswith(parser.name_key(word) + " ") for word in central[:3]) or any(
            parser.name_key(word) in key for word in central[3:]
        ):
            return "central"
        return "province"

    def _plan_agencies(self, plan, values, row, context):
        names = parser.split_agency_names(str(values.get("agency") or ""))
        row.names["agencies"] = [parser.name_key(name) for name in names]
        if not names:
            row.add("agency_missing")
            row.groups["agencies"] = {"agency_id": False, "participating_agency_ids": []}
            return
        if len(names) > 1:
            row.add("several_agencies", "; ".join(names))
        refs = []
        for name in names:
            ref = self._resolve_agency(plan, name, row, context)
            if ref not in refs:
                refs.append(ref)
        row.groups["agencies"] = {"agency_id": refs[0], "participating_agency_ids": refs[1:]}

    def _plan_time(self, values, row):
        text = parser.clean_text(values.get("processing_time_text"))
        published = parser.parse_published_time(text)
        issues = self._time_problem_labels()
        vals = {
            "processing_time_text": text or False,
            "processing_time_legal": published.main.amount if published.main.usable else 0.0,
            "processing_time_unit": published.main.unit if published.main.usable else "working_day",
            "processing_time_status": published.status,
            "processing_time_issue": published.problem or False,
            "channel_time_ids": [
                {
                    "sequence": (index + 1) * 10,
                    "channel": channel,
                    "text": reading.text or False,
                    "amount": reading.amount if reading.usable else 0.0,
                    "unit": reading.unit if reading.usable else False,
                }
                for index, (channel, reading) in enumerate(published.channels)
            ],
        }
        self._plan_local_time(values, row, vals, published)
        row.groups["time"] = vals
        if published.status == "needs_review":
            row.add("time_needs_review", f"“{text}” — {issues.get(published.problem, '')}")
        elif published.status == "to_confirm":
            detail = "; ".join(issues.get(problem, problem) for problem in published.problems)
            row.add("time_to_confirm", f"“{text}” — {detail}")

    def _plan_local_time(self, values, row, vals, published):
        """What the import template adds to the published time: the centre's own commitment."""
        for column in ("processing_time_local", "same_day_cutoff"):
            if column not in values:
                continue
            try:
                number = float(str(values[column]).replace(",", "."))
            except ValueError:
                number = -1.0
            if number < 0:
                row.add("bad_number", f"{column}: {values[column]}")
            vals[column] = max(number, 0.0)
        unit = parser.clean_text(values.get("processing_time_unit"))
        if unit:
            units = dict(self.env["public_admin.procedure"]._fields["processing_time_unit"].selection)
            if unit not in units:
                row.add("bad_value", f"processing_time_unit: {unit}")
                return
            # A unit given by the centre settles the kind of days the portal left unsaid; a
            # same-day or a local time is the centre's own commitment: its time is set.
            vals["processing_time_unit"] = unit
            settled = published.status != "needs_review" and published.problems == ["days_unspecified"]
            if settled or unit == "same_day" or vals.get("processing_time_local", 0) > 0:
                vals.update(processing_time_status="confirmed", processing_time_issue=False)

    def _plan_online(self, source_row, row):
        values = source_row.values
        channels = parser.channels_of(source_row)
        try:
            level = parser.parse_online_level(values.get("online_level"))
        except ValueError:
            row.add("bad_online_level", values.get("online_level"))
            return
        if not level:
            level = "partial" if channels and "online" in channels else "none"
        vals = {"online_level": level}
        for column, channel in (("accepts_counter", "counter"), ("accepts_postal", "postal")):
            try:
                value = parser.parse_bool(values.get(column))
            except ValueError:
                row.add("bad_value", f"{column}: {values.get(column)}")
                return
            if value is None:
                # Blank is not "no": the portal's list of channels when the file has it, else yes.
                value = channel in channels if channels else True
            vals[column] = value
        row.groups["online"] = vals

    def _plan_documents(self, source_row, row):
        try:
            lines = parser.documents_of(source_row)
        except ValueError:
            row.add("bad_documents", str(source_row.values.get("documents"))[:120])
            return
        documents, notes, heading = [], [], ""
        for index, raw in enumerate(lines, start=1):
            line = self._normalize_document_line(raw, index, row)
            if line is None:
                return
            kind = parser.classify_checklist_line(line["name"], line["copies"])
            if kind != "document":
                notes.append(line["name"])
                row.add("checklist_notes", line["name"])
                heading = line["name"] if kind == "heading" else heading
                continue
            line["group"] = line["group"] or heading
            if line["template"]:
                row.add("template_no_file", line["template"])
            documents.append(self._import_document_values(line))
        row.groups["documents"] = {
            "document_ids": documents,
            "checklist_note": "\n".join(notes) or False,
        }

    def _normalize_document_line(self, raw, index, row):
        """A checklist line of the file as ``{name, copies, copy_type, is_required, note,
        template, group, sequence}``; None (and a refusal) when a value is wrong."""
        name = parser.clean_text(raw.get("name"))
        try:
            copies = parser.parse_count(raw.get("copies"), default=1)
            originals = parser.parse_count(raw.get("originals"), default=0)
            photocopies = parser.parse_count(raw.get("photocopies"), default=0)
            sequence = parser.parse_count(raw.get("sequence"), default=index * 10)
        except ValueError:
            row.add("bad_number", f"{name[:60]}: {raw.get('copies')}")
            return None
        try:
            is_required = parser.parse_bool(raw.get("is_required"), default=True)
        except ValueError:
            row.add("bad_value", f"{name[:60]}: {raw.get('is_required')}")
            return None
        copy_type = self._copy_type(raw, name, originals, photocopies, row)
        return {
            "name": name,
            "copies": copies,
            "copy_type": copy_type,
            "is_required": is_required,
            "note": parser.clean_text(raw.get("note")),
            "template": parser.clean_text(raw.get("template")),
            "group": parser.clean_text(raw.get("group")),
            "sequence": sequence,
        }

    def _copy_type(self, raw, name, originals, photocopies, row):
        value = parser.clean_text(raw.get("copy_type"))
        allowed = dict(self.env["public_admin.procedure.document"]._fields["copy_type"].selection)
        if not value:
            return parser.copy_type_of(name, originals, photocopies)
        if value in allowed:
            return value
        spoken = {
            parser.name_key("bản chính"): "original",
            parser.name_key("bản sao"): "photocopy",
            parser.name_key("bản photo"): "photocopy",
            parser.name_key("bản sao có chứng thực"): "certified",
            parser.name_key("bản sao chứng thực"): "certified",
            parser.name_key("bản chính hoặc bản sao có chứng thực"): "original_or_certified",
        }
        if parser.name_key(value) in spoken:
            return spoken[parser.name_key(value)]
        row.add("copy_type_unknown", f"{name[:60]}: {value}")
        return "original"

    @api.model
    def _import_document_values(self, line):
        """Values of a checklist line (``public_admin.procedure.document``) from a line of the
        file, already known to be a document (counts, headings and instructions went to the
        procedure's notes). Every imported document line goes through here.

        ``line``: ``name``, ``copies``, ``copy_type``, ``is_required``, ``note``, ``template``
        (the form the national database names), ``group`` (the heading it is published under)
        and ``sequence``.
        """
        # Conditional lines ("Trường hợp…", "Đối với…", "(nếu có)"), or a document published under
        # a conditional heading ("* Đối với trường hợp đề nghị tạm dừng…:"): shown with their
        # condition, never enforced.
        condition = conditional_clause(line["name"]) or conditional_clause(line["group"] or "")
        return {
            "sequence": line["sequence"],
            "name": line["name"],
            "copies": line["copies"],
            "copy_type": line["copy_type"],
            "is_required": line["is_required"],
            "is_conditional": bool(condition),
            "condition": condition or False,
            "note": line["note"] or line["group"] or False,
            "template_name": line["template"] or False,
        }

    def _plan_steps(self, plan, source_row, row, context):
        if not source_row.steps:
            return
        roles = dict(self.env["public_admin.procedure.step"]._fields["role"].selection)
        steps, step_names = [], []
        for index, raw in enumerate(source_row.steps, start=1):
            role = parser.clean_text(raw.get("role")) or "officer"
            if role not in roles:
                row.add("bad_value", f"{raw.get('name')}: {role}")
                return
            try:
                hours = float(str(raw.get("duration_hours") or 0).replace(",", "."))
                sequence = parser.parse_count(raw.get("sequence"), default=index * 10)
            except ValueError:
                row.add("bad_number", f"{raw.get('name')}: {raw.get('duration_hours')}")
                return
            agency_name = parser.clean_text(raw.get("agency_id"))
            agency = self._resolve_agency(plan, agency_name, row, context) if agency_name else False
            step_names.append([parser.clean_text(raw.get("name")), role, parser.name_key(agency_name), hours])
            steps.append(
                {
                    "sequence": sequence,
                    "name": parser.clean_text(raw.get("name")),
                    "role": role,
                    "agency_id": agency,
                    "duration_hours": hours,
                }
            )
        row.groups["steps"] = {"step_ids": steps}
        row.names["steps"] = step_names

    def _plan_texts(self, values, row):
        row.groups["fee"] = {"fee_text": parser.clean_text(values.get("fee_text")) or False}
        row.groups["legal"] = {
            "decision_number": parser.clean_text(values.get("decision_no")) or False,
            "issuing_ministry": parser.clean_text(values.get("issuing_ministry")) or False,
            "competent_authority": parser.clean_text(values.get("competent_authority")) or False,
        }
        row.groups["source"] = {"source_url": parser.clean_text(values.get("source_url")) or False}
        result = {"result_description": parser.clean_result(values.get("result")) or False}
        applicant_type = parser.clean_text(values.get("applicant_type"))
        if applicant_type not in ("person", "organisation", "both"):
            applicant_type = parser.applicant_type_of(values.get("target_subjects"))
        if applicant_type:
            result["applicant_type"] = applicant_type
        row.groups["result"] = result

    # ------------------------------------------------------------------ existing procedures
    def _plan_existing(self, plan):
        """Compare each row with the latest version of its code: new, changed or unchanged."""
        Procedure = self.env["public_admin.procedure"].with_context(active_test=False)
        rows = [row for row in plan.rows if not row.outcome]
        codes = [row.code for row in rows]
        latest = {}
        for procedure in Procedure.search(
            [("code", "in", codes), ("company_id", "=", self.env.company.id)], order="date_effective_from"
        ):
            latest[procedure.code] = procedure
        for row in rows:
            procedure = latest.get(row.code)
            if not procedure:
                row.outcome = "new"
                continue
            row.existing_id = procedure.id
            if not procedure.active:
                row.outcome = "not_served"
                row.add("archived_here", procedure.display_name)
                continue
            row.changed_groups = self._changed_groups(procedure, row)
            row.outcome = "changed" if row.changed_groups else "unchanged"
            if row.outcome == "unchanged":
                row.problems = []  # reported when the procedure came in; the lists show them
                continue
            # The new version takes effect on the row's date, or after the version it follows.
            floor = procedure.date_effective_to or procedure.date_effective_from + timedelta(days=1)
            if row.date_from < floor:
                row.date_from = floor
                row.add("effective_date_moved", fields.Date.to_string(floor))
        self._plan_missing(plan, codes)

    def _plan_new_references(self, plan):
        """Keep the sectors and agencies to create that rows to write need, and report each
        with the rows that name it."""
        users = {}
        for row in plan.rows:
            if row.outcome not in ("new", "changed"):
                continue
            for group in ("sector", "agencies", "steps"):
                if group in row.groups and (row.outcome == "new" or group in row.changed_groups):
                    for placeholder in self._placeholders(row.groups[group]):
                        users.setdefault(placeholder, []).append(row)
        plan.new_sectors = {key: vals for key, vals in plan.new_sectors.items() if ("sector", key) in users}
        plan.new_agencies = {key: vals for key, vals in plan.new_agencies.items() if ("agency", key) in users}
        for key, vals in plan.new_sectors.items():
            detail = f"{vals['name']} ({vals['ministry']})" if vals["ministry"] else vals["name"]
            plan.file_problems.append(("sector_created", detail, users[("sector", key)]))
        for key, vals in plan.new_agencies.items():
            plan.file_problems.append(("agency_created", vals["name"], users[("agency", key)]))

    def _plan_missing(self, plan, codes):
        missing = self.env["public_admin.procedure"].search(
            [
                ("code", "not in", codes),
                ("import_fingerprint", "!=", False),
                ("is_current", "=", True),
                ("company_id", "=", self.env.company.id),
            ]
        )
        plan.file_problems += [("missing_in_file", procedure.display_name, []) for procedure in missing]

    def _changed_groups(self, procedure, row):
        """The groups whose published values changed since the last import (by fingerprint), or,
        for a procedure never imported, whose values differ from the procedure's."""
        try:
            previous = json.loads(procedure.import_fingerprint or "{}")
        except ValueError:
            previous = {}
        if previous:
            return [group for group in row.groups if previous.get(group) != row.fingerprint[group]]
        return [group for group, vals in row.groups.items() if not self._group_matches(procedure, vals)]

    def _group_matches(self, record, vals):
        """The record holds ``vals`` already (lines compared on the fields the import writes)."""
        for name, value in vals.items():
            field_type = record._fields[name].type
            current = record[name]
            if field_type == "one2many":
                keys = [key for key in (value[0] if value else {}) if key != "sequence"]
                if len(current) != len(value) or any(
                    not self._group_matches(line, {key: item[key] for key in keys})
                    for line, item in zip(current, value, strict=True)
                ):
                    return False
            elif field_type == "many2many":
                if set(current.ids) != set(value):
                    return False
            elif field_type == "many2one":
                if current.id != (value or False):
                    return False
            elif (current or False) != (value or False):
                return False
        return True

    # ------------------------------------------------------------------ apply
    @api.model
    def _apply(self, plan):
        """Write the plan: sectors and agencies first, then the rows, batch by batch; a batch
        that fails is written again row by row so that only the bad rows are refused."""
        started = time.perf_counter()
        env = self.with_context(tracking_disable=True, mail_create_nolog=True, mail_notrack=True).env
        rows = [row for row in plan.rows if row.outcome in ("new", "changed")]
        refs = self._create_references(env, plan)
        for start in range(0, len(rows), BATCH_SIZE):
            batch = rows[start : start + BATCH_SIZE]
            try:
                with env.cr.savepoint():
                    for row in batch:
                        self._apply_row(env, row, refs)
            except (psycopg2.Error, UserError, ValidationError):
                for row in batch:
                    row.procedure_id = 0
                    self._apply_row_alone(env, row, refs)
        plan.applied = True
        plan.seconds = time.perf_counter() - started
        return plan

    def _apply_row_alone(self, env, row, refs):
        try:
            with env.cr.savepoint():
                self._apply_row(env, row, refs)
        except psycopg2.Error as error:
            row.outcome = "refused"
            row.add("write_error", error.diag.message_primary or str(error))
        except (UserError, ValidationError) as error:
            row.outcome = "refused"
            row.add("write_error", error.args[0])

    def _create_references(self, env, plan):
        """Create the sectors and agencies the rows to write need: ``{placeholder: id}``."""
        refs = {}
        sectors = list(plan.new_sectors.items())
        created = env["public_admin.sector"].create([vals for _key, vals in sectors])
        refs.update({("sector", key): sector.id for (key, _vals), sector in zip(sectors, created, strict=True)})
        agencies = list(plan.new_agencies.items())
        created_agencies = env["public_admin.agency"].create(
            [dict(vals, company_id=env.company.id) for _key, vals in agencies]
        )
        refs.update(
            {("agency", key): agency.id for (key, _vals), agency in zip(agencies, created_agencies, strict=True)}
        )
        plan.created_sectors, plan.created_agencies = len(created), len(created_agencies)
        # Sectors the centre had without their ministry get the one the national database gives.
        for sector_id, ministry in plan.sector_ministries.items():
            env["public_admin.sector"].browse(sector_id).ministry = ministry
        return refs

    @staticmethod
    def _placeholders(vals):
        for value in vals.values():
            items = value if isinstance(value, list) else [value]
            for item in items:
                if isinstance(item, tuple):
                    yield item
                elif isinstance(item, dict) and isinstance(item.get("agency_id"), tuple):
                    yield item["agency_id"]

    def _write_values(self, row, groups, refs):
        """Procedure values of ``groups``, placeholders replaced by the records created."""

        def resolve(value):
            return refs[value] if isinstance(value, tuple) else value

        vals = {}
        for group in groups:
            for name, value in row.groups[group].items():
                if name in ("document_ids", "channel_time_ids", "step_ids"):
                    lines = [{key: resolve(item) for key, item in line.items()} for line in value]
                    vals[name] = [Command.clear()] + [Command.create(line) for line in lines]
                elif name == "participating_agency_ids":
                    vals[name] = [Command.set([resolve(item) for item in value])]
                else:
                    vals[name] = resolve(value)
        return vals

    def _apply_row(self, env, row, refs):
        Procedure = env["public_admin.procedure"]
        fingerprint = json.dumps(row.fingerprint, sort_keys=True)
        if row.outcome == "new":
            vals = self._write_values(row, row.groups, refs)
            for name in ("document_ids", "channel_time_ids", "step_ids"):
                if name in vals:
                    vals[name] = vals[name][1:]  # nothing to clear on a new procedure
            vals.update(
                code=row.code,
                date_effective_from=row.date_from,
                import_fingerprint=fingerprint,
                company_id=env.company.id,
            )
            row.procedure_id = Procedure.create(vals).id
            return
        current = Procedure.browse(row.existing_id)
        start = row.date_from
        vals = self._write_values(row, row.changed_groups, refs)
        if not current.date_effective_to:
            current.date_effective_to = start
        new_version = current.copy(
            dict(
                vals,
                date_effective_from=start,
                version=current.version + 1,
                previous_version_id=current.id,
                import_fingerprint=fingerprint,
            )
        )
        labels = ", ".join(self._group_labels().get(group, group) for group in row.changed_groups)
        current.with_context(tracking_disable=False).message_post(
            body=self.env._(
                "The national database changed (%(changes)s): version %(version)s takes effect on %(date)s.",
                changes=labels,
                version=new_version.version,
                date=start,
            )
        )
        row.procedure_id = new_version.id

    @api.model
    def _group_labels(self):
        _ = self.env._
        return {
            "name": _("name"),
            "sector": _("sector"),
            "agencies": _("agencies"),
            "levels": _("levels"),
            "time": _("processing time"),
            "fee": _("fees"),
            "online": _("channels and online level"),
            "documents": _("documents"),
            "legal": _("publishing decision"),
            "source": _("source"),
            "result": _("result"),
            "steps": _("workflow"),
        }

    # ------------------------------------------------------------------ run
    @api.model
    def _run(self, content, filename, levels=None, date_from=None, dry_run=False):
        """Plan, then (unless ``dry_run``) apply: the plan with every row's outcome."""
        started = time.perf_counter()
        if not self.env["public_admin.procedure"].has_access("create"):
            raise UserError(self.env._("Only administrators of the centre import the catalogue."))
        plan = self._plan(content, filename, levels=levels, date_from=date_from)
        if not dry_run:
            self._apply(plan)
        plan.seconds = time.perf_counter() - started
        _logger.info(
            "Catalogue import of %s (%s): %s in %.1f s",
            filename,
            "dry run" if dry_run else "applied",
            plan.counts(),
            plan.seconds,
        )
        return plan

    # ------------------------------------------------------------------ report
    @api.model
    def _problem_groups(self, plan):
        """Every problem, grouped: ``[(severity, label, [(kind, title, advice, entries)])]`` where
        ``entries`` is ``[(detail, [RowPlan])]`` — all of them, in the order of the file."""
        kinds = self._problem_kinds()
        by_kind = {}
        for row in plan.rows:
            for kind, detail in row.problems:
                by_kind.setdefault(kind, []).append((detail, [row]))
        for kind, detail, rows in plan.file_problems:
            by_kind.setdefault(kind, []).append((detail, rows))
        groups = []
        for severity, label in self._severity_labels().items():
            sections = [
                (kind, title, advice, by_kind[kind])
                for kind, (kind_severity, title, advice) in kinds.items()
                if kind_severity == severity and kind in by_kind
            ]
            if sections:
                groups.append((severity, label, sections))
        return groups

    @api.model
    def _report_rows(self, plan):
        """One line per row and problem, for the downloadable report:
        ``(row, code, name, outcome, problem, detail, what to do)``."""
        kinds, outcomes = self._problem_kinds(), self._outcome_labels()
        lines = []
        for row in plan.rows:
            outcome = outcomes.get(row.outcome, row.outcome)
            if not row.problems:
                lines.append((row.number, row.code, row.name, outcome, "", "", ""))
            for kind, detail in row.problems:
                _severity, title, advice = kinds[kind]
                lines.append((row.number, row.code, row.name, outcome, title, detail, advice))
        for kind, detail, rows in plan.file_problems:
            _severity, title, advice = kinds[kind]
            numbers = ", ".join(str(row.number) for row in rows)
            lines.append((numbers, "", "", "", title, detail, advice))
        return lines

    @api.model
    def _report_csv(self, plan):
        _ = self.env._
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow([_("Row"), _("Code"), _("Name"), _("Outcome"), _("Problem"), _("Detail"), _("What to do")])
        writer.writerows(self._report_rows(plan))
        return buffer.getvalue().encode("utf-8-sig")

    @api.model
    def _report_text(self, plan):
        """The report as plain text, for the command line."""
        _ = self.env._
        counts, outcomes = plan.counts(), self._outcome_labels()
        lines = [
            " · ".join(f"{outcomes[outcome]}: {counts[outcome]}" for outcome in OUTCOMES),
            _(
                "New sectors: %(sectors)s · new agencies: %(agencies)s",
                sectors=len(plan.new_sectors),
                agencies=len(plan.new_agencies),
            ),
        ]
        for _severity, label, sections in self._problem_groups(plan):
            lines.append(f"\n== {label}")
            for _kind, title, advice, entries in sections:
                lines.append(f"-- {title} ({len(entries)}): {advice}")
                for detail, rows in entries:
                    where = ", ".join(f"{row.number} {row.code}".strip() for row in rows)
                    lines.append(f"   [{where}] {detail}" if where else f"   {detail}")
        return "\n".join(lines)
