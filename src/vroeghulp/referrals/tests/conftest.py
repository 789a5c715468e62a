import pytest


@pytest.fixture(autouse=True)
def no_waiting_for_the_challenge(settings):
    # A person needs seconds to fill the form; tests do not wait.
    settings.PUBLIC_REGISTRATION_MIN_SECONDS = 0
