#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# read-xlsx.py [--summary] FILE — prints an .xlsx workbook as lines the C tests compare, reading it with a
# real reader (openpyxl) and, for what a reader may paper over, the sheet XML itself:
#
#   title<TAB>TEXT                    document title
#   created<TAB>yes|no                document has a creation date
#   sheet<TAB>NAME                    a worksheet, in order; then, for it:
#   freeze<TAB>A3                     top-left cell of the unfrozen pane (or -)
#   autofilter<TAB>A2:K5              autofilter range (or -)
#   header-bold<TAB>yes|no            every cell of the header row (the one above the frozen
#                                     pane, else row 1) is bold
#   print<TAB>ORIENTATION<TAB>fit W x H<TAB>titles ROWS<TAB>footer TEXT
#                                     the print setup: page orientation (or -); `fit 1x0` when
#                                     fitToPage is on (fitToWidth and fitToHeight; an absent
#                                     one is 1, the schema's default), else `fit -`; the rows
#                                     repeated on every page ($1:$2, or -); the odd pages'
#                                     footer as written (&C… sections, &P the page, &N the
#                                     number of pages), or -
#   row<TAB>N<TAB>CELL<TAB>CELL…     every row that has a value; trailing empty cells dropped
#
# A CELL is `-` (empty), `str:TEXT` (a text cell: t="s"/"inlineStr"/"str" in the XML, with no
# <f>), `date:YYYY-MM-DD` (a number with a date format), `money:12.5` (a number formatted
# #,##0.00), `num:3` (other numbers), or `formula:=SUM(G2:G3)=12.5` (a cell with an <f>
# element, its formula and cached value).  A money format with more after #,##0.00 (the
# currency: `#,##0.00 "EUR"`) adds that to money and formula cells: `money:12.5 "EUR"`,
# `formula:=SUM(G3:G4)=12.5 "EUR"`.  Tabs, newlines and backslashes in text are escaped.
#
# --summary reads the sheet XML alone (fast on big files) and prints, per sheet:
#   summary<TAB>NAME<TAB>ROWS<TAB>TEXT   ROWS rows in all, TEXT in the first cell of the last
import sys
import zipfile
import xml.etree.ElementTree as ET

import openpyxl

NS = '{http://schemas.openxmlformats.org/spreadsheetml/2006/main}'
RELNS = '{http://schemas.openxmlformats.org/officeDocument/2006/relationships}'


def escape(text):
    return text.replace('\\', '\\\\').replace('\t', '\\t').replace('\n', '\\n')


def number(value):
    return '%.15g' % value


def sheet_xml_cells(archive, wb_xml, rels_xml):
    """{sheet name: {cell ref: (t attribute, has <f>)}} straight from the XML."""
    rels = {}
    for rel in ET.fromstring(rels_xml):
        rels[rel.get('Id')] = rel.get('Target')
    result = {}
    for sheet in ET.fromstring(wb_xml).iter(NS + 'sheet'):
        target = rels[sheet.get(RELNS + 'id')]
        path = target.lstrip('/') if target.startswith('/') else 'xl/' + target
        cells = {}
        for _, element in ET.iterparse(archive.open(path)):
            if element.tag == NS + 'c':
                cells[element.get('r')] = (element.get('t', 'n'),
                                           element.find(NS + 'f') is not None)
        result[sheet.get('name')] = cells
    return result


def cell_text(cell, shared):
    if cell.get('t') == 'inlineStr':
        return ''.join(t.text or '' for t in cell.iter(NS + 't'))
    value = cell.find(NS + 'v')
    if value is None:
        return ''
    return shared[int(value.text)] if cell.get('t') == 's' else value.text


def summary(path):
    with zipfile.ZipFile(path) as archive:
        shared = []
        if 'xl/sharedStrings.xml' in archive.namelist():
            for si in ET.fromstring(archive.read('xl/sharedStrings.xml')).iter(NS + 'si'):
                shared.append(''.join(t.text or '' for t in si.iter(NS + 't')))
        rels = {rel.get('Id'): rel.get('Target')
                for rel in ET.fromstring(archive.read('xl/_rels/workbook.xml.rels'))}
        for sheet in ET.fromstring(archive.read('xl/workbook.xml')).iter(NS + 'sheet'):
            rows, last = 0, ''
            for _, element in ET.iterparse(archive.open('xl/' + rels[sheet.get(RELNS + 'id')])):
                if element.tag == NS + 'row':
                    rows += 1
                    first = element.find(NS + 'c')
                    last = '' if first is None else cell_text(first, shared)
                    element.clear()
            print('summary\t%s\t%d\t%s' % (escape(sheet.get('name')), rows, escape(last)))


def print_setup(ws):
    setup = ws.page_setup
    props = ws.sheet_properties.pageSetUpPr
    if props is not None and props.fitToPage:
        fit = 'fit %sx%s' % (1 if setup.fitToWidth is None else setup.fitToWidth,
                             1 if setup.fitToHeight is None else setup.fitToHeight)
    else:
        fit = 'fit -'
    footer = ws.oddFooter
    parts = []
    for code, part in (('&L', footer.left), ('&C', footer.center), ('&R', footer.right)):
        if part.text:
            parts.append(code + part.text)
    return '\t'.join((setup.orientation or '-', fit, 'titles ' + (ws.print_title_rows or '-'),
                      'footer ' + escape(''.join(parts) or '-')))


MONEY = '#,##0.00'


def money_suffix(cell):
    """'' for #,##0.00, ' "EUR"' for #,##0.00 "EUR"; None when not a money format."""
    fmt = cell.number_format or ''
    if fmt == MONEY:
        return ''
    if fmt.startswith(MONEY + ' '):
        return fmt[len(MONEY):]
    return None


def main(path):
    with zipfile.ZipFile(path) as archive:
        xml_cells = sheet_xml_cells(archive, archive.read('xl/workbook.xml'),
                                    archive.read('xl/_rels/workbook.xml.rels'))
    wb = openpyxl.load_workbook(path)
    values = openpyxl.load_workbook(path, data_only=True)
    out = []
    out.append('title\t' + escape(wb.properties.title or ''))
    out.append('created\t' + ('yes' if wb.properties.created else 'no'))
    for ws in wb.worksheets:
        cached = values[ws.title]
        out.append('sheet\t' + escape(ws.title))
        out.append('freeze\t' + (ws.freeze_panes or '-'))
        out.append('autofilter\t' + (ws.auto_filter.ref or '-'))
        out.append('print\t' + print_setup(ws))
        header_row = 1
        if ws.freeze_panes:
            header_row = max(ws[ws.freeze_panes].row - 1, 1)
        header = [c for c in next(ws.iter_rows(min_row=header_row, max_row=header_row), ())
                  if c.value is not None]
        out.append('header-bold\t' + ('yes' if header and all(c.font.b for c in header)
                                      else 'no'))
        cells_xml = xml_cells[ws.title]
        for row in ws.iter_rows():
            texts = []
            for cell in row:
                t, has_f = cells_xml.get(cell.coordinate, ('n', False))
                value = cell.value
                if has_f:
                    result = cached[cell.coordinate].value
                    texts.append('formula:%s=%s%s' % (value, '-' if result is None
                                                      else number(result),
                                                      escape(money_suffix(cell) or '')))
                elif value is None:
                    texts.append('-')
                elif t in ('s', 'inlineStr', 'str'):
                    texts.append('str:' + escape(str(value)))
                elif cell.is_date:
                    texts.append('date:' + value.strftime('%Y-%m-%d'))
                elif isinstance(value, (int, float)) and money_suffix(cell) is not None:
                    texts.append('money:' + number(value) + escape(money_suffix(cell)))
                elif isinstance(value, (int, float)):
                    texts.append('num:' + number(value))
                else:
                    texts.append('other:' + escape(str(value)))
            while texts and texts[-1] == '-':
                texts.pop()
            if texts:
                out.append('row\t%d\t%s' % (row[0].row, '\t'.join(texts)))
    sys.stdout.write('\n'.join(out) + '\n')


if __name__ == '__main__':
    if len(sys.argv) == 3 and sys.argv[1] == '--summary':
        summary(sys.argv[2])
    elif len(sys.argv) == 2:
        main(sys.argv[1])
    else:
        sys.exit('usage: read-xlsx.py [--summary] FILE')
