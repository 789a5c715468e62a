"""Form data for the registration forms, as a browser would post it."""

import re

CHILD = {
    "child_given_name": "Sofie",
    "child_family_name": "de Wit",
    "child_date_of_birth": "2024-05-02",
    "child_sex": "f",
    "child_gestational_age_weeks": "30",
    "concern_parents": "Ze praat nog niet en schrikt van geluid.",
    "first_concern_on": "2025-06-01",
    "guardian1_name": "Anouk de Wit",
    "guardian1_relation": "mother",
    "guardian1_phone": "06-11122233",
    "guardian1_email": "anouk@example.test",
    "guardian1_language": "nl",
    "guardian2_name": "",
    "onderzoek-TOTAL_FORMS": "2",
    "onderzoek-INITIAL_FORMS": "0",
    "onderzoek-MIN_NUM_FORMS": "0",
    "onderzoek-MAX_NUM_FORMS": "10",
    "onderzoek-0-what": "Gehoortest",
    "onderzoek-0-by_whom": "Consultatiebureau",
    "onderzoek-0-when": "2025-09-10",
}


def answer_challenge(page_html: str) -> dict:
    """Read the sum and the token from the rendered form and answer it."""
    a, b = re.search(r"hoeveel is (\d) \+ (\d)\?", page_html).groups()
    token = re.search(r'name="challenge" value="([^"]+)"', page_html).group(1)
    return {"answer": str(int(a) + int(b)), "challenge": token}
