"""The district page's uploads and letters in a real browser (issue 16 items 3 and 4): staff of 北京经济技术开发区 upload
a registry workbook as they keep it (a title row, Chinese headers), see the preview — one
enterprise added, one updated, and the rows set aside with their reasons, another district's
among them — download the rows set aside (read back by openpyxl), and confirm. The store
($BARGAIN_STORE, read with sqlite3) is unchanged after the preview and changed after the
confirm; confirming the same upload again is a clear error. axe-core finds no serious or
critical violation on the form, the preview or the result; the form is operated from the
keyboard. Letters: two laggards chosen with the keyboard get their letters (a .zip of DOCX
files, a printable page) and are in the register; generating them again the same day writes
nothing and says why. Screenshots go to $ARTEFACTS.

Run by scripts/server-suite after test_district.py (whose figures are of the data before this
upload), with the same environment.
"""
import io
import os
import sqlite3
import tempfile
import unittest
import zipfile
import urllib.error
import urllib.parse
import urllib.request

import openpyxl
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

import district_data
import test_district
import test_pages
from test_pages import BASE

DISTRICT = test_district.DISTRICT
HEADERS = ["序号", "统一社会信用代码", "企业名称", "区", "街道", "行业", "职工人数", "建会日期", "工商联会员"]


def registry():
    """The stored registry, by credit code, read from the server's SQLite store."""
    with sqlite3.connect(f"file:{os.environ['BARGAIN_STORE']}?mode=ro", uri=True) as db:
        rows = db.execute("SELECT credit_code, name, district, street, industry, employees FROM registry_enterprises").fetchall()
    return {row[0]: row[1:] for row in rows}


class DistrictUpload(unittest.TestCase):
    setUp = test_pages.Pages.setUp
    tearDown = test_pages.Pages.tearDown
    sign_in = test_pages.Pages.sign_in
    submit = test_pages.Pages.submit
    shot = test_pages.Pages.shot
    full_shot = test_district.DistrictPages.full_shot
    no_serious_violations = test_district.DistrictPages.no_serious_violations

    def workbook(self, before):
        """名录.xlsx: a title row, the header, then an enterprise of the district updated, one
        added, one of 大兴区 and one with a wrong check character."""
        existing = next(code for code, row in sorted(before.items()) if row[1] == DISTRICT)
        name, _, street, industry, employees = before[existing]
        self.updated, self.added, self.other = existing, district_data.credit_code(901), district_data.credit_code(902)
        self.bad = self.added[:-1] + ("0" if self.added[-1] != "0" else "1")
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = "名录"
        sheet.append(["北京经济技术开发区企业名录（2025年6月更新）"])
        sheet.append(HEADERS)
        sheet.append([1, existing, name, DISTRICT, street, industry, employees + 11, "2015-03-01", "否"])
        sheet.append([2, self.added, "亦庄新增精密有限公司", DISTRICT, "荣华街道", "制造业", 88, "2024-05-01", "是"])
        sheet.append([3, self.other, "大兴某某有限公司", "大兴区", "兴丰街道", "制造业", 40, "", "否"])
        sheet.append([4, self.bad, "校验位有误有限公司", DISTRICT, "博兴街道", "制造业", 12, "", "否"])
        path = os.path.join(tempfile.mkdtemp(), "亦庄名录.xlsx")
        book.save(path)
        self.employees = employees
        return path

    def download(self, link):
        cookie = self.driver.get_cookie("bargain_session")["value"]
        with urllib.request.urlopen(urllib.request.Request(link, headers={"Cookie": f"bargain_session={cookie}"})) as answer:
            return answer.read()

    def test_upload_preview_confirm(self):
        before = registry()
        path = self.workbook(before)
        self.sign_in("jingkai")
        self.driver.get(f"{BASE}/district?asOf=2025-06-30")
        form = self.submit(self.driver.find_element(By.ID, "upload-link"), "file", keys=Keys.ENTER)
        self.assertTrue(self.driver.find_element(By.ID, "kind-registry").is_selected(), "the registry is the default kind")
        form.send_keys(path)
        self.full_shot("district-6-upload-form")
        self.no_serious_violations("upload-form")
        # Keyboard: from the file field, Tab reaches the preview button; Enter submits. (Keys sent
        # to a file field are a file's path, so the Tab goes to the page.)
        self.driver.execute_script("document.getElementById('file').focus()")
        ActionChains(self.driver).send_keys(Keys.TAB).perform()
        self.assertEqual(self.driver.switch_to.active_element.get_attribute("id"), "preview")
        self.submit(self.driver.switch_to.active_element, "confirm", keys=Keys.ENTER)

        counts = {row: self.driver.find_element(By.ID, f"count-{row}").find_element(By.TAG_NAME, "td").text
                  for row in ("added", "updated", "unchanged", "rejected")}
        self.assertEqual(counts, {"added": "1", "updated": "1", "unchanged": "0", "rejected": "2"})
        self.assertIn("工作表 名录", self.driver.find_element(By.ID, "counts").text)
        lines = [[cell.text for cell in row.find_elements(By.XPATH, "./*")]
                 for row in self.driver.find_elements(By.CSS_SELECTOR, "#rejected tbody tr")]
        self.assertEqual([line[0] for line in lines], ["5", "6"], "the workbook's rows, counted as lines")
        self.assertIn("a row of 大兴区: staff of 北京经济技术开发区 import only 北京经济技术开发区's rows", lines[0][2])
        self.assertIn(f"credit code '{self.bad}'", lines[1][2])
        self.assertEqual(registry(), before, "nothing stored by the preview")
        self.full_shot("district-7-upload-preview")
        self.no_serious_violations("upload-preview")

        # The rows set aside, as a workbook openpyxl reads and as CSV.
        book = openpyxl.load_workbook(io.BytesIO(self.download(self.driver.find_element(By.ID, "rejected-xlsx").get_attribute("href"))))
        rows = list(book.worksheets[0].iter_rows(min_row=4, values_only=True))
        self.assertEqual([row[0] for row in rows], [5, 6])
        self.assertIn("大兴区", rows[0][2])
        self.assertIn(self.other, rows[0][3], "the row as written")
        csv_text = self.download(self.driver.find_element(By.ID, "rejected-csv").get_attribute("href")).decode("utf-8-sig")
        self.assertIn(self.bad, csv_text)

        upload = self.driver.find_element(By.ID, "upload-hash").text
        self.submit(self.driver.find_element(By.ID, "confirm"), "imported")
        after = registry()
        self.assertEqual(after[self.updated][4], self.employees + 11, "the enterprise updated")
        self.assertEqual(after[self.added][1:3], (DISTRICT, "荣华街道"), "the enterprise added")
        self.assertNotIn(self.other, after, "another district's row is not imported")
        self.assertEqual(len(after), len(before) + 1)
        self.full_shot("district-8-upload-done")
        self.no_serious_violations("upload-done")

        # The same upload confirmed again: a clear error, nothing more stored.
        cookie = self.driver.get_cookie("bargain_session")["value"]
        csrf = self.driver.find_element(By.CSS_SELECTOR, "header form input[name=csrf]").get_attribute("value")
        request = urllib.request.Request(f"{BASE}/district/upload/confirm", method="POST",
                                         data=urllib.parse.urlencode({"csrf": csrf, "upload": upload}).encode(),
                                         headers={"Cookie": f"bargain_session={cookie}",
                                                  "Content-Type": "application/x-www-form-urlencoded"})
        with self.assertRaises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request)
        self.assertEqual(refused.exception.code, 404)
        self.assertIn("upload the file again", refused.exception.read().decode("utf-8"))
        self.assertEqual(registry(), after)

    def test_letters_for_two_laggards(self):
        self.sign_in("jingkai")
        self.driver.get(f"{BASE}/district")
        self.submit(self.driver.find_element(By.ID, "letters-link"), "ladder", keys=Keys.ENTER)
        self.full_shot("district-9-letters")
        self.no_serious_violations("letters")
        boxes = self.driver.find_elements(By.CSS_SELECTOR, "#ladder input[type=checkbox]")
        self.assertGreaterEqual(len(boxes), 2, "laggards whose letter is due today")
        chosen = [box.get_attribute("id")[len("pick-"):] for box in boxes[:2]]
        for box in boxes[:2]:
            box.send_keys(Keys.SPACE)  # the keyboard ticks a box
        self.submit(self.driver.find_element(By.ID, "generate"), "result", keys=Keys.ENTER)

        taken = self.driver.find_element(By.ID, "taken").text
        for code in chosen:
            self.assertIn(code, taken)
            self.assertIn("今日已记", self.driver.find_element(By.ID, f"rung-{code}").find_element(By.CLASS_NAME, "step").text)
        register = self.driver.find_element(By.ID, "register").text
        for code in chosen:
            self.assertIn(code, register, "the register shows the letters sent")
        archive = zipfile.ZipFile(io.BytesIO(self.download(self.driver.find_element(By.ID, "letters-zip").get_attribute("href"))))
        names = sorted(archive.namelist())
        self.assertEqual(len(names), 3, names)
        for code in chosen:
            self.assertTrue(any(code in name and name.endswith("-特别提示函.docx") for name in names), names)
            self.assertIn("document.xml", " ".join(zipfile.ZipFile(io.BytesIO(archive.read(next(n for n in names if code in n)))).namelist()))
        printable = self.download(self.driver.find_element(By.ID, "letters-html").get_attribute("href")).decode("utf-8")
        self.assertEqual(printable.count('<p class="title">'), 2, "both letters on the printable page")
        self.full_shot("district-10-letters-sent")
        self.no_serious_violations("letters-sent")

        # The same two again, the same day: nothing written, and the page says why.
        cookie = self.driver.get_cookie("bargain_session")["value"]
        csrf = self.driver.find_element(By.CSS_SELECTOR, "header form input[name=csrf]").get_attribute("value")
        form = {"csrf": csrf, **{f"pick:{code}": "on" for code in chosen}}
        request = urllib.request.Request(f"{BASE}/district/letters", method="POST", data=urllib.parse.urlencode(form).encode(),
                                         headers={"Cookie": f"bargain_session={cookie}", "Content-Type": "application/x-www-form-urlencoded"})
        with urllib.request.urlopen(request) as answer:
            again = answer.read().decode("utf-8")
        self.assertIn('id="nothing-written"', again)
        self.assertEqual(again.count("不再重复发出"), 2, "each chosen enterprise: already recorded today")
        self.assertNotIn('id="letters-zip"', again)


if __name__ == "__main__":
    unittest.main(verbosity=2)
