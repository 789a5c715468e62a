"""Edits never silently overwrite each other: the shared error, and the form flow around it.

Every editable record carries a version; an action refuses a save based on an older version with
StaleVersionError, and `submit` shows the user a message while keeping what they typed.
"""

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy

STALE_MESSAGE = gettext_lazy(
    "Iemand anders heeft dit intussen opgeslagen. Bekijk de nieuwe stand; je invoer staat er nog."
)


class StaleVersionError(Exception):
    """Someone else saved the record after this form was opened."""


def submit(
    request,
    form,
    apply: Callable[[dict], object],
    *,
    success: str,
    done: str,
    rerender: Callable,
    current_version: Callable[[], int] | None = None,
):
    """Validate, call one action, then redirect with a message or re-render with the errors."""
    if form.is_valid():
        try:
            apply(form.cleaned_data)
        except StaleVersionError:
            form.add_error(None, STALE_MESSAGE)
            if current_version is not None:
                form.data = form.data.copy()
                form.data[form.add_prefix("version")] = current_version()
            return rerender(form, 409)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, success)
            return redirect(done)
    return rerender(form, 400)
