from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from hawkins_site.editor import image_upload
from hawkins_site.media import media_urlpatterns
from hawkins_site.security_txt import security_txt
from posts.sitemaps import sitemaps
from posts.views import robots_txt
from talks.sitemaps import sitemaps as talk_sitemaps

admin.site.site_header = f"{settings.SITE_TITLE}: the author's desk"
admin.site.site_title = f"{settings.SITE_TITLE} admin"
admin.site.index_title = "Write, publish and look after the site"

urlpatterns = [
    path(settings.ADMIN_PATH, admin.site.urls),
    path("editor/upload-image/", image_upload, name="editor_image_upload"),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": sitemaps | talk_sitemaps},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path("robots.txt", robots_txt, name="robots_txt"),
    path(".well-known/security.txt", security_txt, name="security_txt"),
    path("talks/", include("talks.urls")),
    path("", include("posts.urls")),
]

if settings.DEBUG:
    urlpatterns += media_urlpatterns()

handler500 = "hawkins_site.errors.server_error"
