#!/usr/bin/python3
"""Makes the workbooks tests/unit/test_xlsx_read.c reads.

usage: make.py [OUT_DIR]   (default: this file's directory)

Workbooks from real clients, so the reader is tested on what they write and
not on what its author thinks they write: python3-openpyxl, LibreOffice Calc
headless (from a .csv and a .fods written here) and libxlsxwriter (a small C
program compiled here). Then crafted ones, for forms none of those clients
writes (x: prefixes, phonetic runs, _xHHHH_ escapes, cells without r=) and
for hostile files: zip bombs, deep XML, a DOCTYPE with entity expansion, a
truncated zip, an OLE2 header, CSV, a zip that is not a workbook.

Needs python3-openpyxl, libreoffice-calc-nogui, libxlsxwriter-dev and a C
compiler. The output is committed; the tests need none of these.
"""
import datetime
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile

import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKGRELS = "http://schemas.openxmlformats.org/package/2006/relationships"
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def out(name):
    return os.path.join(OUT, name)


# --- openpyxl -------------------------------------------------------------

def openpyxl_books():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Answers"
    ws.append(["id", "status", "count", "ratio", "done", "due"])
    ws.append(["1.1.1", "met", 42, 0.1, True, datetime.date(2026, 11, 1)])
    ws.append([])  # an empty row
    ws.append(["2.1.1", "not-met", -7, 1.5e-05, False, datetime.date(1900, 3, 1)])
    ws["A5"] = "line one\nline two"
    ws["E5"] = "#N/A"  # openpyxl writes an error cell
    ws["F5"] = "=1+1"  # a formula with no cached value: an empty cell
    ws["H7"] = "sparse"
    other = wb.create_sheet("It's notes")
    other["B2"] = "second sheet"
    other["A1"] = "met"  # the same shared string as on Answers
    wb.save(out("openpyxl-basic.xlsx"))

    wb = openpyxl.Workbook()
    wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.title = "Dates"
    ws["A1"] = datetime.date(2026, 11, 1)
    ws["A2"] = datetime.date(1904, 1, 1)
    ws["A3"] = datetime.datetime(2024, 2, 29, 18, 30)
    wb.save(out("openpyxl-1904.xlsx"))

    # Sheets whose tab order is not their part names' order: the reader must
    # follow the relationships, not assume sheet1.xml is the first sheet.
    wb = openpyxl.Workbook()
    wb.active.title = "First"
    wb.active["A1"] = "in the first tab"
    wb.create_sheet("Second")["A1"] = "in the second tab"
    tmp = out("swapped.tmp")
    wb.save(tmp)
    with zipfile.ZipFile(tmp) as src, zipfile.ZipFile(out("openpyxl-swapped.xlsx"), "w",
                                                      zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                item.filename = "xl/worksheets/sheet2.xml"
            elif item.filename == "xl/worksheets/sheet2.xml":
                item.filename = "xl/worksheets/sheet1.xml"
            elif item.filename == "xl/_rels/workbook.xml.rels":
                data = (data.replace(b"sheet1.xml", b"sheetX.xml")
                        .replace(b"sheet2.xml", b"sheet1.xml")
                        .replace(b"sheetX.xml", b"sheet2.xml"))
            dst.writestr(item, data)
    os.remove(tmp)


# --- LibreOffice ----------------------------------------------------------

CSV = 'id,status,note,count\n1.1.1,met,"a, b",42\n\n2.1.1,not-met,"caf\u00e9 \u7b54",\n'

FODS = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
 <office:automatic-styles>
  <style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
 </office:automatic-styles>
 <office:body><office:spreadsheet>
  <table:table table:name="Answers">
   <table:table-row>
    <table:table-cell office:value-type="string"><text:p>id</text:p></table:table-cell>
    <table:table-cell office:value-type="string"><text:p>status</text:p></table:table-cell>
    <table:table-cell office:value-type="string"><text:p>due</text:p></table:table-cell>
    <table:table-cell office:value-type="string"><text:p>done</text:p></table:table-cell>
    <table:table-cell office:value-type="string"><text:p>joined</text:p></table:table-cell>
   </table:table-row>
   <table:table-row>
    <table:table-cell office:value-type="string"><text:p>1.1.1</text:p></table:table-cell>
    <table:table-cell office:value-type="string"><text:p><text:span text:style-name="T1">met</text:span> (checked)</text:p></table:table-cell>
    <table:table-cell office:value-type="date" office:date-value="2026-11-01"><text:p>2026-11-01</text:p></table:table-cell>
    <table:table-cell office:value-type="boolean" office:boolean-value="true"><text:p>TRUE</text:p></table:table-cell>
    <table:table-cell table:formula="of:=CONCATENATE(&quot;a&quot;;&quot;b&quot;)" office:value-type="string" office:string-value="ab"><text:p>ab</text:p></table:table-cell>
   </table:table-row>
   <table:table-row><table:table-cell table:number-columns-repeated="5"/></table:table-row>
   <table:table-row>
    <table:table-cell office:value-type="string"><text:p>evidence one</text:p><text:p>evidence two</text:p></table:table-cell>
    <table:table-cell table:number-columns-repeated="3"/>
    <table:table-cell office:value-type="float" office:value="0.25"><text:p>0.25</text:p></table:table-cell>
   </table:table-row>
  </table:table>
  <table:table table:name="Notes">
   <table:table-row><table:table-cell office:value-type="string"><text:p>note</text:p></table:table-cell></table:table-row>
  </table:table>
 </office:spreadsheet></office:body>
</office:document>
"""


def libreoffice_books():
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        print("no LibreOffice: libreoffice-*.xlsx left as they are", file=sys.stderr)
        return
    with tempfile.TemporaryDirectory() as tmp:
        for name, text in (("libreoffice-csv.csv", CSV), ("libreoffice-fods.fods", FODS)):
            with open(os.path.join(tmp, name), "w", encoding="utf-8") as f:
                f.write(text)
            # CSV:44,34,76: comma-separated, double quotes, UTF-8 (not the locale's charset).
            subprocess.run([soffice, "-env:UserInstallation=file://" + tmp + "/profile",
                            "--headless", "--infilter=CSV:44,34,76", "--convert-to", "xlsx",
                            "--outdir", tmp,
                            os.path.join(tmp, name)], check=True, capture_output=True)
            shutil.copy(os.path.join(tmp, name.rsplit(".", 1)[0] + ".xlsx"), OUT)


# --- libxlsxwriter --------------------------------------------------------

XLSXWRITER_C = r"""
#include <xlsxwriter.h>

static void fill(lxw_workbook *wb)
{
	lxw_worksheet *ws = workbook_add_worksheet(wb, "Answers");
	lxw_format *bold = workbook_add_format(wb);
	lxw_format *date = workbook_add_format(wb);
	lxw_rich_string_tuple met = {.format = bold, .string = "met"};
	lxw_rich_string_tuple rest = {.format = NULL, .string = " (checked)"};
	lxw_rich_string_tuple *rich[] = {&met, &rest, NULL};
	lxw_datetime due = {2026, 11, 1, 0, 0, 0};

	format_set_bold(bold);
	format_set_num_format(date, "yyyy-mm-dd");
	worksheet_write_string(ws, 0, 0, "id", NULL);
	worksheet_write_string(ws, 0, 1, "status", NULL);
	worksheet_write_string(ws, 1, 0, "1.1.1", NULL);
	worksheet_write_rich_string(ws, 1, 1, rich, NULL);
	worksheet_write_number(ws, 2, 0, 3.5, NULL);
	worksheet_write_boolean(ws, 2, 1, 1, NULL);
	worksheet_write_formula_num(ws, 2, 2, "=1+2", NULL, 3);
	worksheet_write_datetime(ws, 2, 3, &due, date);
	worksheet_write_blank(ws, 3, 0, bold);
	worksheet_write_string(ws, 4, 3, "after an empty row", NULL);
	workbook_add_worksheet(wb, "Empty");
}

int main(int argc, char **argv)
{
	lxw_workbook_options inline_strings = {.constant_memory = LXW_TRUE, .tmpdir = NULL};
	lxw_workbook *wb;

	(void)argc;
	wb = workbook_new(argv[1]);
	fill(wb);
	if (workbook_close(wb))
		return 1;
	wb = workbook_new_opt(argv[2], &inline_strings);
	fill(wb);
	return workbook_close(wb) ? 1 : 0;
}
"""


def xlsxwriter_books():
    with tempfile.TemporaryDirectory() as tmp:
        src, exe = os.path.join(tmp, "w.c"), os.path.join(tmp, "w")
        with open(src, "w") as f:
            f.write(XLSXWRITER_C)
        subprocess.run(["cc", "-o", exe, src, "-lxlsxwriter"], check=True)
        subprocess.run([exe, out("xlsxwriter-shared.xlsx"), out("xlsxwriter-inline.xlsx")],
                       check=True)


# --- crafted --------------------------------------------------------------

def sheet(rows, prefix=""):
    p = prefix + ":" if prefix else ""
    ns = f' xmlns:{prefix}="{MAIN}"' if prefix else f' xmlns="{MAIN}"'
    return f"{DECL}<{p}worksheet{ns}><{p}sheetData>{rows}</{p}sheetData></{p}worksheet>"


def crafted(name, sheets, sst=None, workbook_extra="", replace=None, drop=(), add=None):
    """A minimal workbook: sheets is [(name, xml)]; replace maps part -> bytes."""
    parts = {
        "[Content_Types].xml": DECL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/></Types>',
        "_rels/.rels": f'{DECL}<Relationships xmlns="{PKGRELS}"><Relationship Id="rId1" '
        f'Type="{RELNS}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    }
    sheet_list = "".join(f'<sheet name="{n}" sheetId="{i + 1}" r:id="rId{i + 1}"/>'
                         for i, (n, _) in enumerate(sheets))
    parts["xl/workbook.xml"] = (f'{DECL}<workbook xmlns="{MAIN}" xmlns:r="{RELNS}">{workbook_extra}'
                                f"<sheets>{sheet_list}</sheets></workbook>")
    rels = "".join(f'<Relationship Id="rId{i + 1}" Type="{RELNS}/worksheet" '
                   f'Target="worksheets/sheet{i + 1}.xml"/>' for i in range(len(sheets)))
    if sst is not None:
        rels += f'<Relationship Id="rId99" Type="{RELNS}/sharedStrings" Target="sharedStrings.xml"/>'
        parts["xl/sharedStrings.xml"] = sst
    parts["xl/_rels/workbook.xml.rels"] = f'{DECL}<Relationships xmlns="{PKGRELS}">{rels}</Relationships>'
    for i, (_, xml) in enumerate(sheets):
        parts[f"xl/worksheets/sheet{i + 1}.xml"] = xml
    parts.update(replace or {})
    for p in drop:
        del parts[p]
    with zipfile.ZipFile(out(name), "w", zipfile.ZIP_DEFLATED) as z:
        for part, data in parts.items():
            z.writestr(part, data)
        for part, data in (add or {}).items():
            z.writestr(part, data)


def lie_about_size(path, part, claimed):
    """Makes part's zip headers (local and central) claim claimed bytes uncompressed."""
    with open(path, "rb") as f:
        data = bytearray(f.read())
    with zipfile.ZipFile(path) as z:
        local = z.getinfo(part).header_offset
    struct.pack_into("<I", data, local + 22, claimed)
    cd = data.find(b"PK\x01\x02")
    while cd >= 0:
        n = struct.unpack_from("<H", data, cd + 28)[0]
        if data[cd + 46:cd + 46 + n] == part.encode():
            struct.pack_into("<I", data, cd + 24, claimed)
        cd = data.find(b"PK\x01\x02", cd + 46)
    with open(path, "wb") as f:
        f.write(data)


def flag_encrypted(path, part):
    """Sets the "encrypted" bit of part's zip headers, as a password-protected zip has."""
    with open(path, "rb") as f:
        data = bytearray(f.read())
    with zipfile.ZipFile(path) as z:
        local = z.getinfo(part).header_offset
    data[local + 6] |= 1
    cd = data.find(b"PK\x01\x02")
    while cd >= 0:
        n = struct.unpack_from("<H", data, cd + 28)[0]
        if data[cd + 46:cd + 46 + n] == part.encode():
            data[cd + 8] |= 1
        cd = data.find(b"PK\x01\x02", cd + 46)
    with open(path, "wb") as f:
        f.write(data)


def crafted_books():
    # What Excel and the Open XML SDK write and the clients above do not.
    sst = (f'{DECL}<x:sst xmlns:x="{MAIN}" count="3" uniqueCount="3">'
           "<x:si><x:t>plain</x:t></x:si>"
           '<x:si><x:r><x:rPr><x:b/></x:rPr><x:t>rich</x:t></x:r><x:r><x:t xml:space="preserve"> text</x:t></x:r>'
           '<x:rPh sb="0" eb="1"><x:t>FURIGANA</x:t></x:rPh></x:si>'
           "<x:si><x:t>cr_x000D_lf_x005F_x0041_</x:t></x:si></x:sst>")
    rows = ('<x:row r="2"><x:c r="B2" t="s"><x:v>1</x:v></x:c><x:c t="s"><x:v>0</x:v></x:c>'
            '<x:c t="inlineStr"><x:is><x:t>in</x:t><x:rPh><x:t>no</x:t></x:rPh></x:is></x:c></x:row>'
            '<x:row><x:c t="s"><x:v>2</x:v></x:c><x:c r="C3" t="e"><x:v>#DIV/0!</x:v></x:c>'
            '<x:c r="D3" t="str"><x:f>A1&amp;""</x:f><x:v>formula text</x:v></x:c></x:row>')
    crafted("crafted-prefixed.xlsx", [("Sheet 1", sheet(rows, "x"))], sst=sst,
            workbook_extra='<workbookPr date1904="true"/>')

    # Hostile and broken files.
    bomb = sheet("<row><c><v>1</v></c></row>" + " " * (40 << 20))
    crafted("bomb.xlsx", [("Answers", bomb)])
    crafted("bomb-lying.xlsx", [("Answers", sheet(" " * (10 << 20)))])
    lie_about_size(out("bomb-lying.xlsx"), "xl/worksheets/sheet1.xml", 200)
    crafted("encrypted-entry.xlsx", [("Answers", sheet(""))])
    flag_encrypted(out("encrypted-entry.xlsx"), "xl/worksheets/sheet1.xml")
    crafted("many-entries.xlsx", [("Answers", sheet(""))],
            add={f"junk/{i}": "" for i in range(200)})
    crafted("deep.xlsx", [("Answers", sheet('<row r="1"><c r="A1">\n' + "<x>" * 100
                                            + "</x>" * 100 + "</c></row>"))])
    laughs = ('<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;">'
              '<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;">]>')
    crafted("doctype.xlsx", [("Answers", sheet(""))], replace={
        "xl/workbook.xml": f'{DECL}{laughs}\n<workbook xmlns="{MAIN}" xmlns:r="{RELNS}">'
        '<sheets><sheet name="&lol2;" sheetId="1" r:id="rId1"/></sheets></workbook>'})
    crafted("malformed.xlsx", [("Answers", DECL + f'<worksheet xmlns="{MAIN}">\n<sheetData>\n'
                                '<row r="1"><c r="A1" <v>1</v></c></row>\n</sheetData></worksheet>')])
    crafted("missing-sheet.xlsx", [("Answers", sheet("")), ("Gone", sheet(""))],
            drop=["xl/worksheets/sheet2.xml"])
    crafted("bad-cells.xlsx", [
        ("Index", sheet('<row r="1"><c r="A1" t="s"><v>5</v></c></row>')),
        ("Number", sheet('<row r="4"><c r="E4"><v>12abc</v></c></row>')),
        ("Order", sheet('<row r="1"><c r="C1"><v>1</v></c><c r="B1"><v>2</v></c></row>')),
        ("Bool", sheet('<row r="2"><c r="A2" t="b"><v>yes</v></c></row>')),
        ("Ref", sheet('<row r="2"><c r="A3"><v>1</v></c></row>')),
    ], sst=f'{DECL}<sst xmlns="{MAIN}"><si><t>only</t></si></sst>')
    with zipfile.ZipFile(out("not-a-workbook.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", DECL + "<office:document-content/>")
    with open(out("openpyxl-basic.xlsx"), "rb") as f:
        whole = f.read()
    with open(out("truncated.xlsx"), "wb") as f:
        f.write(whole[:len(whole) // 2])
    with open(out("excel97.xls"), "wb") as f:
        f.write(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    with open(out("answers.csv"), "w", encoding="utf-8") as f:
        f.write(CSV)


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    openpyxl_books()
    libreoffice_books()
    xlsxwriter_books()
    crafted_books()
