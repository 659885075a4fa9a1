"""Schemathesis drives every operation of the OpenAPI document with generated requests.

No 5xx, responses match the schema (status codes, content types, bodies), and
writes without credentials are refused (401). A bounded number of examples per
operation keeps the suite fast.
"""

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, settings

from tests.factories.directory import make_need, make_offer, make_organisation

pytestmark = [pytest.mark.integration, pytest.mark.slow]

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


@pytest.fixture
def keep_test_connection():
    # The WSGI handler closes database connections after each request, which would
    # end the test's transaction; Django's own test client disconnects the same signal.
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def hub(db, keep_test_connection):
    museum = make_organisation(name="Muzeum Regionalne w Krośnie", city="Krosno")
    studio = make_organisation(name="Studio Beskid", kind="creative_business")
    make_need(museum)
    make_offer(studio)


@schema.parametrize()
@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_openapi_document(case, hub):
    response = case.call()

    case.validate_response(response)
    assert response.status_code < 500
    is_write = case.operation.method.upper() in {"POST", "PATCH", "PUT", "DELETE"}
    if is_write and case.method.upper() == case.operation.method.upper():
        assert response.status_code in {401, 403}  # no credentials, or a forged session cookie without CSRF token
