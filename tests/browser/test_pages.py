"""The pages in a real browser (issue 15 item 6): headless Chromium driven by Selenium against a
running `bargain serve`. The union chair signs in and sends the notice; the employer (another
account) replies; the union chair has no button for the employer's act and a forged POST is
refused; staff of another district cannot open the negotiation. Screenshots of each page are
kept in $ARTEFACTS (default: the system's temporary directory).

Run by scripts/server-suite, which starts the server with these accounts:
  wangfang  union:CODE      liqiang  employer:CODE      daxing  staff:大兴区
"""
import datetime
import os
import sys
import unittest
import urllib.parse
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import TimeoutException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

BASE = os.environ["BARGAIN_URL"]
PASSWORD = os.environ["BARGAIN_PASSWORD"]
NEGOTIATION = os.environ["BARGAIN_NEGOTIATION"]
ARTEFACTS = os.environ.get("ARTEFACTS", "/tmp")
# The first meeting the notice proposes: three weeks on. Set as the date input's value (ISO),
# since typing into it follows the browser's locale order.
PROPOSED = (datetime.date.today() + datetime.timedelta(days=21)).isoformat()


def browser():
    options = Options()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=zh-CN"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")), options=options)
    driver.set_page_load_timeout(30)
    return driver


class Pages(unittest.TestCase):
    def setUp(self):
        self.driver = browser()

    def tearDown(self):
        self.driver.quit()

    def shot(self, name):
        path = os.path.join(ARTEFACTS, f"page-{name}.png")
        self.driver.save_screenshot(path)
        print(f"screenshot: {path}", file=sys.stderr)

    def submit(self, element, expected_id, keys=None):
        """Clicks a form's submit button (or types `keys` into a link) and returns the element
        `expected_id` of the page the server answers with. A click returns before the navigation
        has finished, so reading the next page at once races it (seen in CI: the first sign-in
        read the login page); the new page is the one whose document started after the click,
        once it has loaded. While the old page goes, chromedriver can answer with errors other
        than "stale element", hence the wait ignores WebDriverException. A page without the
        element fails naming what the browser shows."""
        started = self.driver.execute_script("return performance.timeOrigin")
        if keys is None:
            element.click()
        else:
            element.send_keys(keys)

        def loaded(driver):
            origin, state = driver.execute_script("return [performance.timeOrigin, document.readyState]")
            return origin != started and state == "complete"

        try:
            WebDriverWait(self.driver, 30, ignored_exceptions=(WebDriverException,)).until(loaded)
        except TimeoutException:
            self.shot(f"timeout-{expected_id}")
            self.fail(f"no new page within 30 s of submitting; the browser shows {self.driver.current_url}")
        found = self.driver.find_elements(By.ID, expected_id)
        if not found:
            self.shot(f"missing-{expected_id}")
            headings = [h.text for h in self.driver.find_elements(By.CSS_SELECTOR, "h1, .error, [role=alert]")]
            self.fail(f"no #{expected_id} in the page the server answered with: {self.driver.current_url}: {headings}")
        return found[0]

    def sign_in(self, name):
        self.driver.delete_all_cookies()
        self.driver.get(BASE + "/login")
        self.driver.find_element(By.ID, "name").send_keys(name)
        self.driver.find_element(By.ID, "password").send_keys(PASSWORD)
        self.assertIn(name, self.submit(self.driver.find_element(By.ID, "sign-in"), "who").text)

    def open_negotiation(self):
        self.driver.get(f"{BASE}/negotiations/{NEGOTIATION}")

    def test_1_union_sends_notice_employer_replies(self):
        self.sign_in("wangfang")
        self.shot("1-home-union")
        self.open_negotiation()
        self.assertEqual(self.driver.find_elements(By.ID, "act-accept"), [], "no button for the employer's reply")
        form = self.driver.find_element(By.ID, "act-send-notice")
        proposed = form.find_element(By.NAME, "field:proposed-on")
        self.driver.execute_script("arguments[0].value = arguments[1]", proposed, PROPOSED)
        form.find_element(By.NAME, "field:place").send_keys("公司三楼会议室")
        form.find_element(By.NAME, "field:content").send_keys("2030年度工资调整幅度")
        self.shot("2-notice-form")
        self.assertIn("已记录", self.submit(form.find_element(By.CSS_SELECTOR, "button[type=submit]"), "done").text)
        self.shot("3-notice-recorded")

        # A forged POST of the employer's act from the union chair's session: refused.
        cookies = {c["name"]: c["value"] for c in self.driver.get_cookies()}
        page = self.driver.page_source
        csrf = page.split('name="csrf" value="', 1)[1].split('"', 1)[0]
        request = urllib.request.Request(
            f"{BASE}/negotiations/{NEGOTIATION}/act",
            data=urllib.parse.urlencode({"csrf": csrf, "action": "accept"}).encode(),
            headers={"Cookie": f"bargain_session={cookies['bargain_session']}",
                     "Content-Type": "application/x-www-form-urlencoded"})
        with self.assertRaises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request)
        self.assertEqual(refused.exception.code, 403)

        self.sign_in("liqiang")
        self.open_negotiation()
        self.shot("4-employer-sees-reply")
        accept = self.driver.find_element(By.ID, "act-accept").find_element(By.CSS_SELECTOR, "button[type=submit]")
        self.assertIn("已记录", self.submit(accept, "done").text)
        self.assertIn("liqiang", self.driver.find_element(By.CLASS_NAME, "timeline").text)
        self.shot("5-reply-recorded")

    def test_2_other_district_cannot_open(self):
        self.sign_in("daxing")
        self.open_negotiation()
        self.assertIn("没有这个协商", self.driver.find_element(By.TAG_NAME, "h1").text)
        self.shot("6-other-district")


if __name__ == "__main__":
    unittest.main(verbosity=2)
