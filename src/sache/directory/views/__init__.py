"""Views of the directory: browsing (``browse``), editing (``edit``), import and export (``exchange``)."""
