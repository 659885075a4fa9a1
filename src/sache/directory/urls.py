from django.urls import path

from sache.directory import views

app_name = "directory"

urlpatterns = [
    path("organisations/", views.organisation_list, name="organisation-list"),
    path("organisations/<slug:slug>/", views.organisation_detail, name="organisation-detail"),
    path("needs/", views.need_list, name="need-list"),
    path("needs/<int:pk>/", views.need_detail, name="need-detail"),
    path("offers/", views.offer_list, name="offer-list"),
    path("offers/<int:pk>/", views.offer_detail, name="offer-detail"),
    path("assets/", views.asset_list, name="asset-list"),
    path("assets/<int:pk>/", views.asset_detail, name="asset-detail"),
    path("products/", views.product_list, name="product-list"),
    path("products/<int:pk>/", views.product_detail, name="product-detail"),
]
