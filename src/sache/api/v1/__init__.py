"""Version 1 of the public REST API: ``/api/v1/``, documented by OpenAPI at ``/api/v1/openapi.json``."""
