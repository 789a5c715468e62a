"""Load test: professionals log in (password and TOTP) and work through a realistic mix of pages.

See docs/performance.md for the exact commands (gunicorn on loopback, 50 users, 5 minutes).
"""

import datetime
import hashlib
import hmac
import json
import os
import random
import re
import struct
import time

from locust import HttpUser, between, task

with open(os.environ.get("LOAD_USERS", "benchmarks/results/load-users.json")) as file:
    ACCOUNTS = json.load(file)
PASSWORD = os.environ["LOAD_PASSWORD"]
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
CONSENTED_ORGANISATION = re.compile(
    r'<optgroup label="Met toestemming van de ouders">\s*<option value="(\d+)"'
)


def totp(key_hex: str, step: int = 30) -> str:
    """RFC 6238, as the authenticator app computes it."""
    counter = struct.pack(">Q", int(time.time()) // step)
    digest = hmac.new(bytes.fromhex(key_hex), counter, hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    code = (struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF) % 10**6
    return f"{code:06d}"


class Professional(HttpUser):
    wait_time = between(1, 3)

    def on_start(self):
        account = random.choice(ACCOUNTS["accounts"])
        self.cases = account["cases"] or [None]
        self.coordinator = account["coordinator"]
        page = self.client.get("/account/inloggen/", name="login page")
        self.client.post(
            "/account/inloggen/",
            {
                "username": account["email"],
                "password": PASSWORD,
                "csrfmiddlewaretoken": CSRF.search(page.text).group(1),
            },
            name="login",
        )
        page = self.client.get("/account/tweede-stap/", name="second factor page")
        self.client.post(
            "/account/tweede-stap/",
            {
                "token": totp(ACCOUNTS["totp_key"]),
                "csrfmiddlewaretoken": CSRF.search(page.text).group(1),
            },
            name="second factor",
        )

    def case_url(self, suffix: str = "") -> str | None:
        code = random.choice(self.cases)
        return f"/trajecten/{code}/{suffix}" if code else None

    @task(6)
    def work_list(self):
        self.client.get("/", name="work list")

    @task(6)
    def case_page(self):
        if url := self.case_url():
            self.client.get(url, name="case page")

    def post_on_case_page(self, page_suffix: str, action: str, fields, name: str):
        """A write as a professional makes it: the page with the form, then the form sent with
        `fields(page)`, unless that finds nothing to send."""
        if not (url := self.case_url()):
            return
        page = self.client.get(
            f"{url}{page_suffix}", name="case page" if not page_suffix else "case tab"
        )
        token = CSRF.search(page.text)
        if token and (data := fields(page.text)):
            data["csrfmiddlewaretoken"] = token.group(1)
            self.client.post(f"{url}{action}", data, name=name)

    @task(1)
    def add_note(self):
        """A write that keeps the team's kept lists (neither list reads the timeline)."""
        self.post_on_case_page(
            "", "notitie/", lambda page: {"text": "Belafspraak gemaakt (belasting)"}, "add note"
        )

    @task(1)
    def request_information(self):
        """A write that ends the team's kept work lists and MDO pages: they are rendered anew
        on their next view."""

        def form(page: str) -> dict | None:
            # As a professional does: ask only where the parents' consent covers the organisation.
            if not (organisation := CONSENTED_ORGANISATION.search(page)):
                return None
            today = datetime.datetime.now(datetime.UTC).date()
            due = today + datetime.timedelta(days=random.choice([1, 14]))
            return {
                "organisation": organisation.group(1),
                "question": "Verslag van de peuterspeelzaal (belasting)",
                "due_on": due.isoformat(),
            }

        self.post_on_case_page("informatie/", "informatie/verzoek/", form, "request information")

    @task(2)
    def case_tab(self):
        if url := self.case_url(random.choice(["team/", "intake/", "informatie/", "uitvoering/"])):
            self.client.get(url, name="case tab")

    @task(2)
    def search(self):
        self.client.get(f"/zoeken/?name=Kind{random.randint(1, 999)}", name="search")

    @task(2)
    def meetings(self):
        self.client.get("/mdo/", name="team meetings")

    @task(2)
    def registrations(self):
        if self.coordinator:  # intake is the coordinators' work
            self.client.get("/aanmeldingen/", name="registrations")
