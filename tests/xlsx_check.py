#!/usr/bin/env python3
# xlsx_check.py BOOK.xlsx FORM.csv — opens the II.06a workbook written by
# `motcua report --xlsx` (unzip + the sheet's XML) and checks it as an
# official would: the form's number and title, the period line, the merged
# header cells, the Vietnamese headings, and every row's 11 numbers stored
# as numbers and equal to the CSV of the same report. Exit 0 if all hold.
import csv, re, sys, zipfile
import xml.etree.ElementTree as ET

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
book, form = sys.argv[1], sys.argv[2]
z = zipfile.ZipFile(book)
strings = [''.join(t.text or '' for t in si.iter('{%s}t' % NS["m"]))
           for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS)]
sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
cells = {}
for c in sheet.iter("{%s}c" % NS["m"]):
    v = c.find("m:v", NS)
    if v is None:
        continue
    cells[c.get("r")] = strings[int(v.text)] if c.get("t") == "s" else float(v.text)
merged = {m.get("ref") for m in sheet.iter("{%s}mergeCell" % NS["m"])}
failures = []
def check(ok, what):
    if not ok:
        failures.append(what)
check(cells.get("A1") == "Biểu số II.06a/VPCP/KSTT", "A1 is the form's number")
check(str(cells.get("A2", "")).startswith("TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH"), "A2 is the title")
check(re.match(r"Kỳ báo cáo: .* \(Từ ngày \d\d/\d\d/\d{4} đến ngày \d\d/\d\d/\d{4}\)", str(cells.get("A3", ""))), "A3 is the period")
for ref in ("A2:M2", "A5:A7", "B5:B7", "C5:F5", "G5:J5", "K5:M5", "C6:C7", "D6:E6", "H6:J6", "L6:M6"):
    check(ref in merged, "merged " + ref)
for ref, text in (("C5", "Số hồ sơ nhận giải quyết"), ("G5", "Số hồ sơ đã giải quyết"),
                  ("K5", "Số hồ sơ đang giải quyết"), ("D7", "Trực tuyến"),
                  ("E7", "Trực tiếp, dịch vụ bưu chính"), ("F6", "Từ kỳ trước"), ("H7", "Trước hạn"),
                  ("I7", "Đúng hạn"), ("J7", "Quá hạn"), ("L7", "Trong hạn"), ("M7", "Quá hạn")):
    check(cells.get(ref) == text, "%s reads %s" % (ref, text))
rows = list(csv.reader(open(form, encoding="utf-8")))[1:]
check(len(rows) >= 1, "the CSV has rows")
for i, row in enumerate(rows):
    r = 9 + i
    check(cells.get("B%d" % r) == row[1], "B%d is the row's label %s" % (r, row[1]))
    for j, col in enumerate("CDEFGHIJKLM"):
        value = cells.get("%s%d" % (col, r))
        check(isinstance(value, float) and value == float(row[2 + j]), "%s%d = %s as a number" % (col, r, row[2 + j]))
if failures:
    print("\n".join(failures))
    sys.exit(1)
print("ok: %d rows" % len(rows))
