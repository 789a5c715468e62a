from django.urls import path

from . import views

app_name = "monitoring"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("export.csv", views.export_csv, name="export_csv"),
    path("export.xlsx", views.export_xlsx, name="export_xlsx"),
    path("zelfevaluatie/", views.self_assessment, name="self_assessment"),
    path("jaarverslag/<slug:slug>/", views.yearly_report, name="yearly_report"),
    path("zelfevaluatie/<slug:slug>/", views.add_self_assessment, name="add_self_assessment"),
    path("verantwoording/", views.cycle_reports, name="cycle_reports"),
    path("verantwoording/<slug:slug>/", views.cycle_report, name="cycle_report"),
    path(
        "verantwoording/<slug:slug>/verslag.xlsx",
        views.cycle_report_xlsx,
        name="cycle_report_xlsx",
    ),
]
