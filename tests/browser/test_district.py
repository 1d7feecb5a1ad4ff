"""The district's pages in a real browser (issue 16 items 1, 2 and 6): headless Chromium driven
by Selenium against a running `bargain serve`. Staff of one district sign in, reach the overview
from the keyboard, see the figures `bargain coverage --json` gives for the same data and date,
drill down to a street, download the laggards workbook (read back by openpyxl), and cannot see
another district's street. axe-core (axe-selenium-python) finds no serious or critical
violation on any of these pages, also at 200% zoom. Screenshots go to $ARTEFACTS.

Run by scripts/server-suite, which imports tests/browser/district_data.py's registry and
contracts, adds the account `jingkai` (staff:北京经济技术开发区), and writes beside it:
  BARGAIN_COVERAGE_JSON  bargain coverage --as-of 2025-06-30 --district 北京经济技术开发区 --json
  BARGAIN_COVERAGE_BY_STREET_JSON  the same --by street
  BARGAIN_LAGGARDS_JSON  bargain coverage laggards --as-of 2025-06-30 --district 北京经济技术开发区 --json
"""
import io
import json
import os
import unittest
import urllib.error
import urllib.parse
import urllib.request

import openpyxl
from axe_selenium_python import Axe
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

import test_pages
from test_pages import ARTEFACTS, BASE

AS_OF = "2025-06-30"
DISTRICT = "北京经济技术开发区"
OTHER = ("大兴区", "兴丰街道")
COVERAGE = json.load(open(os.environ["BARGAIN_COVERAGE_JSON"], encoding="utf-8"))
COVERAGE_BY_STREET = json.load(open(os.environ["BARGAIN_COVERAGE_BY_STREET_JSON"], encoding="utf-8"))
LAGGARDS = json.load(open(os.environ["BARGAIN_LAGGARDS_JSON"], encoding="utf-8"))["laggards"]


def percent(numerator, denominator):
    """RateText.percent: a tenth of a percent, halves rounded up; "no data" without a denominator."""
    if denominator == 0:
        return "无数据 (no data)"
    tenths = (numerator * 2000 + denominator) // (2 * denominator)
    return f"{tenths // 10}.{tenths % 10}%"


class DistrictPages(unittest.TestCase):
    # The browser, sign-in and screenshots of the negotiation pages' test (page-*.png).
    setUp = test_pages.Pages.setUp
    tearDown = test_pages.Pages.tearDown
    sign_in = test_pages.Pages.sign_in
    submit = test_pages.Pages.submit
    shot = test_pages.Pages.shot

    def no_serious_violations(self, page):
        axe = Axe(self.driver)
        axe.inject()
        results = axe.run()
        serious = [v for v in results["violations"] if v["impact"] in ("serious", "critical")]
        with open(os.path.join(ARTEFACTS, f"axe-district-{page}.json"), "w", encoding="utf-8") as file:
            json.dump(results["violations"], file, ensure_ascii=False, indent=1)
        self.assertEqual(serious, [], f"axe on {page}: " + axe.report(serious))

    def zoom(self, factor):
        """The browser at `factor` x zoom: the same window, CSS pixels `factor` times larger."""
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                    {"width": int(1280 / factor), "height": int(1000 / factor), "deviceScaleFactor": factor,
                                     "mobile": False})

    def no_page_scroll(self, page):
        """At 200% zoom the page itself never scrolls sideways; only a table's own region may."""
        width, client = self.driver.execute_script(
            "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        self.assertLessEqual(width, client, f"{page} scrolls sideways at 200% ({width} > {client})")

    def full_shot(self, name):
        """A screenshot of the whole page, every table in it (the window as tall as the page)."""
        size = self.driver.get_window_size()
        height = self.driver.execute_script("return document.documentElement.scrollHeight")
        self.driver.set_window_size(size["width"], height + 120)
        self.shot(name)
        self.driver.set_window_size(size["width"], size["height"])

    def cell(self, row, name):
        return self.driver.find_element(By.ID, row).find_element(By.CLASS_NAME, name).text

    def test_1_overview_figures_drill_down_download(self):
        self.sign_in("jingkai")
        self.assertEqual(self.driver.find_element(By.TAG_NAME, "html").get_attribute("lang"), "zh-CN")
        # Keyboard: Tab from the top of the page to the district link, Enter follows it.
        body = self.driver.find_element(By.TAG_NAME, "body")
        body.send_keys(Keys.TAB)
        for _ in range(10):
            if self.driver.switch_to.active_element.get_attribute("id") == "nav-district":
                break
            self.driver.switch_to.active_element.send_keys(Keys.TAB)
        self.assertEqual(self.driver.switch_to.active_element.get_attribute("id"), "nav-district", "the link is reached by Tab")
        self.submit(self.driver.switch_to.active_element, "figures", keys=Keys.ENTER)
        self.assertIn("/district", self.driver.current_url)

        self.driver.get(f"{BASE}/district?asOf={AS_OF}")
        total = COVERAGE["total"]
        shortfall = total["shortfall"]
        expected = {
            "figure-signing": (total["signed"], total["unionised"], shortfall["signing"]),
            "figure-coverage": (total["employeesCovered"], total["employees"], None),
            "figure-renewal": (total["renewed"], total["due"], shortfall["renewal"]),
            "figure-chamber": (total["chamberSigned"], total["chamberMembers"], shortfall["chamber"]),
            # No congress session recorded anywhere: "no data" over 0, never 0 of the unionised.
            "figure-congress": (total["congressEstablished"], 0 if total["congressRate"] is None else total["unionised"], None),
        }
        for row, (numerator, denominator, short) in expected.items():
            self.assertEqual(self.cell(row, "count"), f"{numerator} / {denominator}", row)
            self.assertEqual(self.cell(row, "rate"), percent(numerator, denominator), row)
            self.assertEqual(self.cell(row, "shortfall"), "—" if short is None else str(short), row)
        # Streets worst first, as --json's groups sorted by signing rate.
        streets = [cell.text for cell in self.driver.find_elements(By.CSS_SELECTOR, "#streets tbody th")]
        groups = sorted(COVERAGE_BY_STREET["groups"],
                        key=lambda g: (g["signingRate"] if g["signingRate"] is not None else 2, -(g["shortfall"]["signing"] or 0), g["key"]))
        self.assertEqual(streets, [g["key"] for g in groups])
        self.full_shot("district-1-overview")
        self.no_serious_violations("overview")

        # The laggards workbook, downloaded with the browser's session, read by openpyxl.
        link = self.driver.find_element(By.ID, "laggards-xlsx").get_attribute("href")
        cookie = self.driver.get_cookie("bargain_session")["value"]
        with urllib.request.urlopen(urllib.request.Request(link, headers={"Cookie": f"bargain_session={cookie}"})) as answer:
            book = openpyxl.load_workbook(io.BytesIO(answer.read()))
        rows = list(book.worksheets[0].iter_rows(min_row=4, values_only=True))
        self.assertEqual(sorted(row[2] for row in rows), sorted(l["enterprise"] for l in LAGGARDS))
        self.assertEqual(sum(row[6] for row in rows), sum(l["employees"] for l in LAGGARDS))

        # Drill down from the keyboard: the worst street's link, Enter.
        first = self.driver.find_element(By.CSS_SELECTOR, "#streets tbody th a")
        street = first.text
        self.submit(first, "enterprises", keys=Keys.ENTER)
        self.assertIn(street, self.driver.find_element(By.TAG_NAME, "h1").text)
        codes = [row.find_elements(By.TAG_NAME, "td")[0].text for row in self.driver.find_elements(By.CSS_SELECTOR, "#enterprises tbody tr")]
        laggards_here = sorted(l["enterprise"] for l in LAGGARDS if l["street"] == street)
        marked = [row.find_elements(By.TAG_NAME, "td")[0].text for row in self.driver.find_elements(By.CSS_SELECTOR, "#enterprises tbody tr.below")]
        self.assertEqual(sorted(marked), laggards_here, "the street's laggards are the ones --json lists")
        self.assertEqual(codes[:len(marked)], marked, "laggards first")
        self.full_shot("district-2-street")
        self.no_serious_violations("street")

        self.zoom(2)
        self.driver.refresh()
        self.no_page_scroll("street")
        self.shot("district-3-street-200")
        self.no_serious_violations("street-200")
        self.driver.get(f"{BASE}/district?asOf={AS_OF}")
        self.no_page_scroll("overview")
        self.shot("district-4-overview-200")
        self.no_serious_violations("overview-200")

    def test_2_other_district_street_is_not_found(self):
        self.sign_in("jingkai")
        district, street = OTHER
        query = urllib.parse.urlencode({"district": district, "street": street, "asOf": AS_OF})
        self.driver.get(f"{BASE}/district/street?{query}")
        self.assertIn("没有这个区", self.driver.find_element(By.TAG_NAME, "h1").text)
        self.assertNotIn(street, self.driver.find_element(By.TAG_NAME, "main").text)
        self.shot("district-5-other-district")
        cookie = self.driver.get_cookie("bargain_session")["value"]
        request = urllib.request.Request(f"{BASE}/district/laggards.csv?{query}", headers={"Cookie": f"bargain_session={cookie}"})
        with self.assertRaises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request)
        self.assertEqual(refused.exception.code, 404)


if __name__ == "__main__":
    unittest.main(verbosity=2)
