"""Headers for pages with personal data: never kept by a browser or proxy, no device features.

Static files are answered before this middleware (WhiteNoise) and keep their own caching; a
view that sets its own Cache-Control (a network's public logo) keeps it.
"""

from django.utils.cache import add_never_cache_headers

# Nothing in the application uses these; a page that is ever given someone else's script
# still cannot reach the camera, microphone or location.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
)


class PrivatePagesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not response.has_header("Cache-Control"):
            add_never_cache_headers(response)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
