#!/usr/bin/env python3
"""Opens casus reports with independent readers and checks their structure.

Usage: check_reports.py NAMES_FILE FILE...
  NAMES_FILE: real names, one per line, that must not occur in any byte of any file
  FILE: .docx (python-docx), .odt (odfpy), .html (html5lib, strict), .md, .pdf (pdftotext if installed)
Prints one line per problem and exits 1 if there is any; exits 3 when a reader is missing.
"""
import re
import shutil
import subprocess
import sys
import unicodedata
import zipfile

try:
    import docx
    import html5lib
    from odf import opendocument, text as odftext, table as odftable
except ImportError as error:
    print(f"missing reader: {error}")
    sys.exit(3)

problems = []


def fold(value):
    value = unicodedata.normalize("NFKD", value)
    return "".join(c for c in value if not unicodedata.combining(c)).lower()


def check_names(path, names):
    texts = []
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            for info in archive.infolist():
                texts.append(archive.read(info).decode("utf-8", "replace"))
    elif path.endswith(".pdf"):
        if shutil.which("pdftotext"):
            texts.append(subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True).stdout)
    else:
        texts.append(open(path, encoding="utf-8", errors="replace").read())
    folded = fold("\n".join(texts))
    for name in names:
        if re.search(r"(?<!\w)" + re.escape(fold(name)) + r"(?!\w)", folded):
            problems.append(f"{path}: contains a real name from the key vault")


def check_docx(path):
    document = docx.Document(path)
    styles = [p.style.name for p in document.paragraphs]
    headings = [s for s in styles if s.startswith("Heading")]
    if not any(s == "Heading 1" for s in headings):
        problems.append(f"{path}: no paragraph in style Heading 1")
    if "Title" not in styles:
        problems.append(f"{path}: no Title paragraph")
    if "Quote" not in styles:
        problems.append(f"{path}: no paragraph in the Quote style")
    if not document.tables:
        problems.append(f"{path}: no tables")
    for table in document.tables:
        first = table.rows[0]._tr
        if first.trPr is None or not first.trPr.xpath("./w:tblHeader"):
            problems.append(f"{path}: a table without a repeated header row")
            break
    footer = document.sections[0].footer
    if "PAGE" not in footer._element.xml:
        problems.append(f"{path}: no page number field in the footer")
    check_docx_map(path, document, styles)


def check_docx_map(path, document, styles):
    """The journey map is a picture (PNG, with the SVG beside it) that fits its page; a wide one on landscape."""
    captions = [p.text for p in document.paragraphs if p.style.name == "Caption"]
    parts = [c for c in captions if "klantreis van" in c.lower() or "'s journey" in c.lower()]
    if not parts or not shutil.which("rsvg-convert"):
        return
    shapes = list(document.inline_shapes)
    if len(shapes) < len(parts):
        problems.append(f"{path}: {len(parts)} map captions but {len(shapes)} pictures")
        return
    for shape in shapes:
        blip = shape._inline.graphic.graphicData.pic.blipFill.blip
        part = document.part.related_parts[blip.embed]
        if not part.blob.startswith(b"\x89PNG"):
            problems.append(f"{path}: a picture is not a PNG")
    widest = max(shape.width for shape in shapes)
    landscape = [s for s in document.sections if s.orientation == 1]
    for section in document.sections:
        room = section.page_width - section.left_margin - section.right_margin
        if section.orientation == 1 and room < widest:
            problems.append(f"{path}: a map is wider than its landscape page")
    if widest > document.sections[0].page_width - document.sections[0].left_margin * 2 and not landscape:
        problems.append(f"{path}: a wide map without a landscape page")


def check_odt(path):
    document = opendocument.load(path)
    headings = document.getElementsByType(odftext.H)
    levels = {h.getAttribute("outlinelevel") for h in headings}
    if "1" not in levels:
        problems.append(f"{path}: no outline level 1 heading")
    quotes = [p for p in document.getElementsByType(odftext.P) if p.getAttribute("stylename") == "Quotations"]
    if not quotes:
        problems.append(f"{path}: no paragraph in the Quotations style")
    tables = document.getElementsByType(odftable.Table)
    if not tables:
        problems.append(f"{path}: no tables")
    for t in tables:
        if not t.getElementsByType(odftable.TableHeaderRows):
            problems.append(f"{path}: a table without header rows")
            break
    names = {s.getAttribute("name") for s in document.styles.childNodes if getattr(s, "qname", (None, None))[1] == "style"}
    for required in ("Heading_20_1", "Quotations", "Table_20_Heading", "Footer"):
        if required not in names:
            problems.append(f"{path}: style {required} missing from styles.xml")


def check_html(path):
    source = open(path, encoding="utf-8").read()
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    try:
        tree = parser.parse(source)
    except Exception as error:  # html5lib raises ParseError on the first error in strict mode
        problems.append(f"{path}: not well-formed HTML5: {error}")
        return
    root = tree
    if not root.get("lang"):
        problems.append(f"{path}: <html> has no lang")
    if len(root.findall(".//h1")) != 1:
        problems.append(f"{path}: not exactly one h1")
    last = 0
    for element in root.iter():
        if isinstance(element.tag, str) and re.fullmatch(r"h[1-6]", element.tag):
            level = int(element.tag[1])
            if level > last + 1:
                problems.append(f"{path}: heading order skips from h{last} to h{level}")
                break
            last = level
    for image in root.findall(".//img"):
        if not (image.get("alt") or "").strip():
            problems.append(f"{path}: an image without alt text")
    for table in root.findall(".//table"):
        headers = table.findall(".//th")
        if not headers or any(th.get("scope") not in ("col", "row") for th in headers):
            problems.append(f"{path}: a table without scoped header cells")
            break
    if root.find(".//main") is None:
        problems.append(f"{path}: no <main> landmark")


names = [line.strip() for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
for path in sys.argv[2:]:
    check_names(path, names)
    if path.endswith(".docx"):
        check_docx(path)
    elif path.endswith(".odt"):
        check_odt(path)
    elif path.endswith(".html"):
        check_html(path)

for problem in problems:
    print(problem)
print(f"checked {len(sys.argv) - 2} files, {len(problems)} problems")
sys.exit(1 if problems else 0)
