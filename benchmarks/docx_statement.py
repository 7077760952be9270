"""Baseline input: the same statement as a minimal DOCX (WordprocessingML written with zipfile), the way a
mail-merge user would hand it to LibreOffice (`soffice --headless --convert-to pdf`).

python-docx is used when installed; otherwise the few XML parts a DOCX needs are written directly.
Headings, paragraphs and real tables (w:tbl) so that LibreOffice does comparable layout work.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from decimal import Decimal
from xml.sax.saxutils import escape

from kam_desktop.documents.content import LedgerSection, StatementContent
from kam_desktop.documents.formats import formats_for

_CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml"
 ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>"""
_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
 Target="word/document.xml"/>
</Relationships>"""
_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_FONT = '<w:rFonts w:ascii="DejaVu Sans" w:hAnsi="DejaVu Sans" w:cs="DejaVu Sans"/>'


def _run(text: str, bold: bool = False, size: int = 17) -> str:
    props = f"<w:rPr>{_FONT}{'<w:b/>' if bold else ''}<w:sz w:val=\"{size}\"/></w:rPr>"
    return f'<w:r>{props}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _para(text: str, bold: bool = False, size: int = 17) -> str:
    return f"<w:p>{_run(text, bold, size)}</w:p>"


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    def row(cells: Sequence[str], bold: bool) -> str:
        return "<w:tr>" + "".join(f"<w:tc><w:p>{_run(c, bold, 15)}</w:p></w:tc>" for c in cells) + "</w:tr>"

    borders = "".join(f'<w:{side} w:val="single" w:sz="2" w:color="C9D3DF"/>'
                      for side in ("top", "bottom", "insideH"))
    props = f'<w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:tblBorders>{borders}</w:tblBorders></w:tblPr>'
    return f"<w:tbl>{props}{row(header, True)}{''.join(row(r, False) for r in rows)}</w:tbl>"


def statement_docx(content: StatementContent) -> bytes:
    """The statement's content as DOCX bytes."""
    fmt = formats_for(content.header.lang)
    client, progress = content.client, content.progress
    body = [_para(content.company.party.name, True), _para(f"Statement {content.quarter} · {content.header.number}",
                                                           True, 28)]
    body += [_para(t) for t in (client.name, *client.address_lines, client.tax_id, client.code, content.kam_name)]
    body.append(_table(["Grade", "Value", "Next"], [[f"{progress.grade_code} · {progress.grade_name}",
                                                      fmt.money(progress.value, progress.currency),
                                                      "" if progress.next_threshold is None else
                                                      fmt.money(progress.next_threshold, progress.currency)]]))
    for section in content.ledgers:
        def amount(value: Decimal, section: LedgerSection = section) -> str:
            return fmt.money(value, section.currency) if section.unit == "cashback" else fmt.quantity(value)

        rows = [[fmt.date(content.quarter.start), "", "Opening", "", amount(section.opening)]]
        rows += [[fmt.date(e.booked_on), e.kind, e.description, e.reference, amount(e.amount)] for e in section.entries]
        rows.append([fmt.date(content.quarter.end), "", "Closing", "", amount(section.closing)])
        body += [_para(section.unit, True, 22), _table(["Date", "Type", "Description", "Reference", "Amount"], rows)]
        body.append(_table(["Expires on", "Amount"], [[fmt.date(x.expires_on), amount(x.amount)]
                                                      for x in section.expiry_schedule]))
    body += [_para("Benefits", True, 22), _table(["Benefit", "Entitled", "Used"], [
        [b.title, str(b.entitled), str(b.used)] for b in content.benefits])]
    body += [_para("Offers", True, 22), _table(["Offer", "Description", "Valid until"], [
        [o.title, o.description, fmt.date(o.valid_until)] for o in content.offers])]
    body += [_para("Share of wallet", True, 22), _table(["Category", "Ours", "Total", "Share"], [
        [s.category, fmt.money(s.our_sales, s.currency), fmt.money(s.total_spend, s.currency), fmt.ratio(s.share)]
        for s in content.wallet])]
    document = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {_NS}><w:body>' \
               f'{"".join(body)}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>'
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("word/document.xml", document)
    return buffer.getvalue()
