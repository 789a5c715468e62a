"""Second factor: TOTP devices (django-otp) for professionals."""

import base64

import segno
from django_otp.plugins.otp_totp.models import TOTPDevice


def confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def pending_device(user) -> TOTPDevice:
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)


def secret_base32(device: TOTPDevice) -> str:
    return base64.b32encode(device.bin_key).decode()


def qr_data_uri(device: TOTPDevice) -> str:
    # config_url carries the issuer from the OTP_TOTP_ISSUER setting.
    return segno.make(device.config_url, error="m").svg_data_uri(scale=5)
