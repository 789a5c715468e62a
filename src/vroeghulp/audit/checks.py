"""`check --deploy` refuses a production configuration whose audit log could not be written."""

from django.core.checks import Error, register
from django.core.exceptions import ImproperlyConfigured

from .keys import keyring


@register(deploy=True)
def audit_key_configured(app_configs, **kwargs) -> list[Error]:
    # Only with --deploy: makemigrations and the like must run without the key (CI does so).
    try:
        keyring()
    except ImproperlyConfigured as error:
        return [Error(str(error), id="vroeghulp.audit.E001")]
    return []
