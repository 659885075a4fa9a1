"""Fast inserts of many unsaved model instances, for seeding and benchmarks.

``QuerySet.bulk_create`` compiles an SQL statement per batch with one
placeholder per value, which dominates the cost of loading a million rows.
This sends one parameterised INSERT through ``executemany`` instead. It does
not set primary keys on the instances, send signals, or call ``save()``; database
triggers (the SQLite full-text index) still fire.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from django.db import connections, models, router


def _converter(field: models.Field, connection: Any) -> Callable[[Any], Any]:
    if isinstance(field, models.JSONField):
        return lambda value: field.get_db_prep_save(value, connection)
    if isinstance(field, models.DateTimeField):
        return connection.ops.adapt_datetimefield_value
    if isinstance(field, models.DateField):
        return connection.ops.adapt_datefield_value
    if isinstance(field, models.DecimalField):
        return lambda value: field.get_db_prep_save(value, connection)
    if isinstance(field, models.FileField):
        return lambda value: str(value) if value else ""
    return lambda value: value


def insert_instances(model: type[models.Model], objects: Sequence[models.Model], *, batch_size: int = 5000) -> None:
    """INSERT ``objects`` (unsaved instances of ``model``) with every concrete column except the auto primary key."""
    if not objects:
        return
    connection = connections[router.db_for_write(model)]
    fields = [field for field in model._meta.concrete_fields if not isinstance(field, models.fields.AutoFieldMixin)]
    quote = connection.ops.quote_name
    sql = (
        f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(quote(field.column) for field in fields)}) "
        f"VALUES ({', '.join(['%s'] * len(fields))})"
    )
    attnames = [field.attname for field in fields]
    converters = [_converter(field, connection) for field in fields]
    with connection.cursor() as cursor:
        for start in range(0, len(objects), batch_size):
            chunk = objects[start : start + batch_size]
            cursor.executemany(
                sql,
                [tuple(convert(getattr(obj, name)) for convert, name in zip(converters, attnames, strict=True)) for obj in chunk],
            )
