from django.urls import include, path

from vroeghulp.networks.admin import admin_site
from vroeghulp.work import views as work_views

from . import health, language

urlpatterns = [
    path("", work_views.home, name="home"),
    path("health/", health.health, name="health"),
    path("taal/", language.set_language, name="set_language"),
    path("account/", include("vroeghulp.accounts.urls")),
    path("", include("vroeghulp.referrals.urls")),
    path("", include("vroeghulp.cases.urls")),
    path("", include("vroeghulp.children.urls")),
    path("", include("vroeghulp.access.urls")),
    path("logging/", include("vroeghulp.audit.urls")),
    path("mdo/", include("vroeghulp.meetings.urls")),
    path("follow-up/", include("vroeghulp.followup.urls")),
    path("trajecten/", include("vroeghulp.prematurity.urls")),
    path("adviesplan/", include("vroeghulp.plans.urls")),
    path("netwerk/", include("vroeghulp.networks.urls")),
    path("ouders/", include("vroeghulp.portal.urls")),
    path("trajecten/", include("vroeghulp.portal.professional_urls")),
    path("trajecten/", include("vroeghulp.portal.invitation_urls")),
    path("monitoring/", include("vroeghulp.monitoring.urls")),
    path("sociale-kaart/", include("vroeghulp.socialmap.urls")),
    path("cb-plus/", include("vroeghulp.cbplus.urls")),
    path("beheer/", admin_site.urls),
]
