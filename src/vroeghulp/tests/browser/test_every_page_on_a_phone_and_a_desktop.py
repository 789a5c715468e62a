"""Every page that each role can open (read from the URL resolver, as the walk test does, plus
the admin for the network administrator), in Dutch and in English, at 1280 and at 390 px wide:
axe-core finds no serious or critical violation; on a phone nothing scrolls sideways and no
visible text is smaller than 12 px.
"""

import pytest
from django.conf import settings
from django.test import Client

from vroeghulp.access.tests.test_every_url_answers_its_rule import (
    ANONYMOUS,
    NOT_FOR_SIGNED_IN,
    PARENT,
    VISITORS,
    _client,
    _objects,
    _patterns,
    _url,
)
from vroeghulp.accounts.constants import Role
from vroeghulp.accounts.tests.factories import UserFactory
from vroeghulp.children.tests.factories import GuardianFactory
from vroeghulp.conftest import build_world
from vroeghulp.language import languages_for
from vroeghulp.networks.admin import admin_site

from .conftest import horizontal_overflow, serious_violations, widest_elements

pytestmark = pytest.mark.django_db(transaction=True)

WIDTHS = {"desktop": 1280, "phone": 390}
LANGUAGES = [code for code, _name in settings.LANGUAGES]
SMALLEST_TEXT_PX = 12

# Text smaller than 12 px that a reader sees; an SVG's text counts at the size it is drawn.
SMALL_TEXT = """(smallest) => {
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const element = node.parentElement;
    if (!node.textContent.trim() || !element) continue;
    if (!element.checkVisibility({visibilityProperty: true, opacityProperty: true})) continue;
    const box = element.getBoundingClientRect();
    if (box.width <= 1 || box.height <= 1) continue;  // visually hidden, for screen readers
    let size = parseFloat(getComputedStyle(element).fontSize);
    const svg = element.closest('svg');
    if (svg && svg.viewBox.baseVal && svg.viewBox.baseVal.width) {
      size *= svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    }
    if (size < smallest - 0.01) {
      found.push(`${element.tagName}.${element.className.baseVal ?? element.className} `
        + `${size.toFixed(1)}px "${node.textContent.trim().slice(0, 30)}"`);
    }
  }
  return found.slice(0, 5);
}"""


def _admin_urls(world) -> list[tuple[str, str]]:
    """The admin's index, and each model's list, add form and change form of one object."""
    objects = {
        "user": world.users[Role.CASEMANAGER],
        "organisation": world.organisation,
        "network": world.network,
        "municipality": world.own_case.child.municipality,
        "membership": world.users[Role.CASEMANAGER].memberships.first(),
    }
    urls = [("admin:index", "/beheer/")]
    for model in admin_site._registry:
        meta = model._meta
        base = f"/beheer/{meta.app_label}/{meta.model_name}/"
        urls.append((f"admin:{meta.model_name}", base))
        urls.append((f"admin:{meta.model_name}:add", base + "add/"))
        if meta.model_name in objects and objects[meta.model_name] is not None:
            urls.append(
                (f"admin:{meta.model_name}:change", f"{base}{objects[meta.model_name].pk}/change/")
            )
    return urls


def _pages(client: Client, visitor, objects) -> list[tuple[str, str]]:
    """The HTML pages this visitor can open with GET."""
    candidates = []
    for name, route, pattern in _patterns():
        if visitor != ANONYMOUS and name in NOT_FOR_SIGNED_IN:
            continue
        names = pattern.pattern.converters.keys()
        candidates.append((name, _url(route, objects.kwargs_for(route, names))))
    if visitor == Role.NETWORK_ADMIN:
        candidates += _admin_urls(objects.world)
    pages = []
    for name, url in candidates:
        response = client.get(url)
        if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
            pages.append((name, url))
    return pages


def _session_cookie(visitor, world) -> str | None:
    if visitor == ANONYMOUS:
        return None
    parent = None
    if visitor == PARENT:
        parent = UserFactory(email="ouder-overal@example.test")
        GuardianFactory(child=world.own_case.child, user=parent)
    client = _client(visitor, world, parent)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


@pytest.mark.parametrize("visitor", VISITORS)
def test_every_page_of_every_role_is_accessible_and_fits_a_phone(browser, live_server, visitor):
    world = build_world()
    objects = _objects(world)
    session = _session_cookie(visitor, world)
    client = Client()
    if session:
        client.cookies[settings.SESSION_COOKIE_NAME] = session
    pages = _pages(client, visitor, objects)
    assert pages, f"{visitor} opens no page"
    if visitor in (Role.COORDINATOR, Role.NETWORK_ADMIN, PARENT):
        assert len(pages) > 5, pages

    wrong = []
    for language in LANGUAGES:
        for device, width in WIDTHS.items():
            context = browser.new_context(viewport={"width": width, "height": 900})
            cookies = [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language}]
            if session:
                cookies.append({"name": settings.SESSION_COOKIE_NAME, "value": session})
            context.add_cookies([{**cookie, "url": live_server.url} for cookie in cookies])
            page = context.new_page()
            for name, url in pages:
                if language not in languages_for(url):
                    continue  # a professional page in Arabic is the Dutch page: seen already
                where = f"{visitor} {language} {device} {name} {url}"
                response = page.goto(live_server.url + url)
                if response.status != 200:
                    wrong.append(f"{where}: {response.status}")
                    continue
                wrong += [f"{where}: {v}" for v in serious_violations(page)]
                if device == "phone":
                    if horizontal_overflow(page) > 0:
                        wrong.append(f"{where}: scrolls sideways {widest_elements(page)}")
                    small = page.evaluate(SMALL_TEXT, SMALLEST_TEXT_PX)
                    if small:
                        wrong.append(f"{where}: text under {SMALLEST_TEXT_PX} px {small}")
            context.close()
    assert wrong == [], "\n".join(wrong)
