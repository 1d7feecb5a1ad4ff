"""Zips hand-made/ into hand-made.xlsx: the parts in a fixed order, dated 1980-01-01, deflated."""
import zipfile

PARTS = ['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels',
         'xl/styles.xml', 'xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml']

with zipfile.ZipFile('hand-made.xlsx', 'w') as archive:
    for part in PARTS:
        info = zipfile.ZipInfo(part, date_time=(1980, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        with open('hand-made/' + part, 'rb') as source:
            archive.writestr(info, source.read())
