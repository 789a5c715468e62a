"""Load test: professionals log in (password and TOTP) and work through a realistic mix of pages.

See docs/performance.md for the exact commands (gunicorn on loopback, 50 users, 5 minutes).
"""

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

    @task(1)
    def add_note(self):
        """A write: the note's timeline event gives the case's team new stamps, so their kept
        work lists and MDO pages are rendered anew on their next view."""
        if not (url := self.case_url()):
            return
        page = self.client.get(url, name="case page")
        token = CSRF.search(page.text)
        if token:
            self.client.post(
                f"{url}notitie/",
                {"text": "Belafspraak gemaakt (belasting)", "csrfmiddlewaretoken": token.group(1)},
                name="add note",
            )

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
