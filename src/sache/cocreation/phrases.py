"""Reused translated strings of the app.

``WORKSHOPS`` is the main navigation label that ``core.context_processors`` lists; it is
declared here too so that its translation lives in this app's catalogue.
"""

from django.utils.translation import gettext_lazy as _

WORKSHOPS = _("Workshops")
