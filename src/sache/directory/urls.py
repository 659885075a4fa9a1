from django.urls import path

from sache.directory.views import browse, edit, exchange

app_name = "directory"

urlpatterns = [
    path("organisations/", browse.list_view("organisation"), name="organisation-list"),
    path("organisations/new/", edit.organisation_create, name="organisation-create"),
    path("organisations/export/", exchange.export_list("organisation"), name="organisation-export"),
    path("organisations/import/", exchange.import_start, name="import-start"),
    path("organisations/import/<int:pk>/", exchange.import_preview, name="import-preview"),
    path("organisations/<slug:slug>/", browse.organisation_detail, name="organisation-detail"),
    path("organisations/<slug:slug>/edit/", edit.organisation_edit, name="organisation-edit"),
    path("organisations/<slug:slug>/delete/", edit.organisation_delete, name="organisation-delete"),
    path("organisations/<slug:slug>/publication/", edit.organisation_publication, name="organisation-publication"),
    path("organisations/<slug:slug>/merge/", edit.organisation_merge, name="organisation-merge"),
    path("organisations/<slug:slug>/people/new/", edit.person_create, name="person-create"),
    path("organisations/<slug:slug>/<str:kind>/new/", edit.record_create, name="record-create"),
    path("people/export/", exchange.export_people, name="people-export"),
    path("people/<int:pk>/edit/", edit.person_edit, name="person-edit"),
    path("people/<int:pk>/delete/", edit.person_delete, name="person-delete"),
    path("needs/", browse.list_view("need"), name="need-list"),
    path("needs/export/", exchange.export_list("need"), name="need-export"),
    path("needs/<int:pk>/", browse.detail_view("need"), name="need-detail"),
    path("offers/", browse.list_view("offer"), name="offer-list"),
    path("offers/export/", exchange.export_list("offer"), name="offer-export"),
    path("offers/<int:pk>/", browse.detail_view("offer"), name="offer-detail"),
    path("assets/", browse.list_view("asset"), name="asset-list"),
    path("assets/export/", exchange.export_list("asset"), name="asset-export"),
    path("assets/<int:pk>/", browse.detail_view("asset"), name="asset-detail"),
    path("products/", browse.list_view("product"), name="product-list"),
    path("products/export/", exchange.export_list("product"), name="product-export"),
    path("products/<int:pk>/", browse.detail_view("product"), name="product-detail"),
    path("records/<str:kind>/<int:pk>/edit/", edit.record_edit, name="record-edit"),
    path("records/<str:kind>/<int:pk>/delete/", edit.record_delete, name="record-delete"),
    path("records/<str:kind>/<int:pk>/publication/", edit.record_publication, name="record-publication"),
]
