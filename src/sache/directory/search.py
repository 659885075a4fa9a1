"""Full-text search over the folded ``search_document`` of directory records, behind one interface.

Every searchable record stores ``search_document``: its texts folded to lower case
without diacritics (``documents.py``), so "Łańcut" and "lancut" are the same word
in every backend. :func:`filter_by_query` narrows a queryset to the records that
contain every word of the query, the last word as a prefix (typing "muz" finds
"muzeum").

* SQLite: an FTS5 table ``<table>_fts`` per model, with external content (the
  model's own table) and the ``unicode61 remove_diacritics 2`` tokenizer. Triggers
  keep it in step with every insert, update and delete, bulk ones included;
  :func:`rebuild_search_indexes` (``sache rebuild_search_index``) rebuilds it.
* PostgreSQL: a stored generated column ``search_vector`` =
  ``to_tsvector('simple', search_document)`` with a GIN index; the 'simple'
  configuration does no stemming, as the document is already folded and the
  content is in nine languages.
* Any other database: a ``LIKE`` per word (slow, correct).
"""

from __future__ import annotations

import numpy as np
from django.db import connections
from django.db.models import BooleanField, F, Func, Model, Q, QuerySet, Value
from django.db.models.expressions import RawSQL

from sache.directory.text import tokens

# Tables of the searchable models: organisations, needs, offers, heritage assets, products.
SEARCH_TABLES = (
    "directory_organisation",
    "directory_need",
    "directory_offer",
    "directory_heritageasset",
    "directory_digitalproduct",
)
# PostgreSQL only: generated tsvector of search_document (see _postgresql_statements).
VECTOR_COLUMN = "search_vector"
# Longer queries add little and cost a MATCH term each.
MAX_TERMS = 8


def query_terms(query: str | None) -> list[str]:
    """Folded words of ``query`` that the search uses.

    >>> query_terms("  Muzeum-Zamek w Łańcucie ")
    ['muzeum', 'zamek', 'w', 'lancucie']
    """
    return tokens(query or "")[:MAX_TERMS]


def filter_by_query(queryset: QuerySet, query: str | None) -> QuerySet:
    """Records of ``queryset`` whose search document has every word of ``query`` (last one as prefix).

    An empty query returns ``queryset`` unchanged.
    """
    terms = query_terms(query)
    if not terms:
        return queryset
    table = queryset.model._meta.db_table
    vendor = connections[queryset.db].vendor
    if vendor == "sqlite":
        return queryset.filter(
            pk__in=RawSQL(f'SELECT rowid FROM "{table}_fts" WHERE "{table}_fts" MATCH %s', [_fts5_match(terms)])
        )
    if vendor == "postgresql":
        return queryset.filter(_TextMatch(_tsquery(terms)))
    condition = Q()
    for term in terms:
        condition &= Q(search_document__contains=term)
    return queryset.filter(condition)


def matching_ids(model: type[Model], query: str | None, using: str = "default") -> np.ndarray | None:
    """Ids of every ``model`` record (visible or not) whose search document matches ``query``.

    ``None`` for an empty query (everything matches). On SQLite the ids come from the
    FTS5 index alone and on PostgreSQL from the table's tsvector, without the joins and
    filters of :func:`filter_by_query`: the caller intersects them with what it may show.
    They cross over as one comma-separated string: a common word matches 70,000
    organisations, and a Python row per id costs four times as much.
    """
    terms = query_terms(query)
    if not terms:
        return None
    table = model._meta.db_table
    vendor = connections[using].vendor
    if vendor == "sqlite":
        sql = f'SELECT group_concat(rowid) FROM "{table}_fts" WHERE "{table}_fts" MATCH %s'
        params = [_fts5_match(terms)]
    elif vendor == "postgresql":
        if table in TERMS_TABLES:
            sql = f"SELECT {table}_terms_matching(to_tsquery('simple', %s))"
        else:
            sql = f"SELECT string_agg(id::text, ',') FROM \"{table}\" WHERE \"{VECTOR_COLUMN}\" @@ to_tsquery('simple', %s)"
        params = [_tsquery(terms)]
    else:
        ids = filter_by_query(model._default_manager.using(using).all(), query).values_list("pk", flat=True)
        return np.array(list(ids), dtype=np.int64)
    with connections[using].cursor() as cursor:
        cursor.execute(sql, params)
        joined = cursor.fetchone()[0]
    return np.fromstring(joined, dtype=np.int64, sep=",") if joined else np.zeros(0, dtype=np.int64)


def _fts5_match(terms: list[str]) -> str:
    # Tokens are letters and digits only, so quoting them is enough to keep FTS5 syntax out.
    return " ".join([f'"{term}"' for term in terms[:-1]] + [f'"{terms[-1]}"*'])


def _tsquery(terms: list[str]) -> str:
    return " & ".join([*terms[:-1], f"{terms[-1]}:*"])


class _TextMatch(Func):
    """``search_vector @@ to_tsquery('simple', <query>)`` on the GIN-indexed generated column."""

    output_field = BooleanField()

    def __init__(self, tsquery: str) -> None:
        super().__init__(F("search_document"), Value(tsquery))

    def as_sql(self, compiler, connection, **extra_context):
        document_sql, document_params = compiler.compile(self.source_expressions[0])
        query_sql, query_params = compiler.compile(self.source_expressions[1])
        # The model does not know the generated column; it sits beside search_document in the same table.
        vector_sql = document_sql.replace('"search_document"', f'"{VECTOR_COLUMN}"')
        sql = f"{vector_sql} @@ to_tsquery('simple', {query_sql})"
        return sql, (*document_params, *query_params)


def _sqlite_statements(table: str) -> list[str]:
    fts = f"{table}_fts"
    return [
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING fts5(search_document, content='{table}', "
        "content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
        f"CREATE TRIGGER IF NOT EXISTS {fts}_insert AFTER INSERT ON {table} BEGIN "
        f"INSERT INTO {fts}(rowid, search_document) VALUES (new.id, new.search_document); END",
        f"CREATE TRIGGER IF NOT EXISTS {fts}_delete AFTER DELETE ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, search_document) VALUES ('delete', old.id, old.search_document); END",
        f"CREATE TRIGGER IF NOT EXISTS {fts}_update AFTER UPDATE OF search_document ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, search_document) VALUES ('delete', old.id, old.search_document); "
        f"INSERT INTO {fts}(rowid, search_document) VALUES (new.id, new.search_document); END",
    ]


def _postgresql_statements(table: str) -> list[str]:
    # A stored tsvector: when the planner starts from another filter it rechecks rows
    # against this column instead of parsing every candidate's document again.
    return [
        f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {VECTOR_COLUMN} tsvector "
        "GENERATED ALWAYS AS (to_tsvector('simple', search_document)) STORED",
        f"DROP INDEX IF EXISTS {table}_search_gin",
        f"CREATE INDEX IF NOT EXISTS {table}_search_vector_gin ON {table} USING GIN ({VECTOR_COLUMN})",
    ]


# Writes after which the in-memory facet index (``facet_index``) must be rebuilt: organisations
# (created, deleted, or changed in what the index holds) and their facet rows.
VERSION_TABLE = "directory_directoryversion"
VERSIONED_TABLES = {
    "directory_organisation": ("publication", "kind", "region", "name", "created_at", "completeness"),
    "directory_organisationfacetvalue": ("facet", "value", "organisation_id"),
}


def version_statements(vendor: str) -> list[str]:
    """SQL (idempotent) for triggers that give ``DirectoryVersion`` a new random token on every relevant write.

    An upsert, so a flushed table gets its row back with the next write. SQLite only has
    row triggers (one cheap upsert per row); PostgreSQL bumps once per statement.
    """
    upsert = f"INSERT INTO {VERSION_TABLE} (id, token) VALUES (1, {{token}}) ON CONFLICT (id) DO UPDATE SET token = excluded.token"
    statements: list[str] = []
    if vendor == "sqlite":
        for table, columns in VERSIONED_TABLES.items():
            for event in ("INSERT", "DELETE", f"UPDATE OF {', '.join(columns)}"):
                name = f"{table}_version_{event.split()[0].lower()}"
                statements.append(
                    f"CREATE TRIGGER IF NOT EXISTS {name} AFTER {event} ON {table} BEGIN "
                    f"{upsert.format(token='random()')}; END"
                )
    elif vendor == "postgresql":
        statements.append(
            "CREATE OR REPLACE FUNCTION directory_bump_version() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            f"{upsert.format(token='floor(random() * 9223372036854775807)::bigint')}; RETURN NULL; END $$"
        )
        for table, columns in VERSIONED_TABLES.items():
            for event in ("INSERT", "DELETE", f"UPDATE OF {', '.join(columns)}"):
                name = f"{table}_version_{event.split()[0].lower()}"
                statements += [
                    f"DROP TRIGGER IF EXISTS {name} ON {table}",
                    f"CREATE TRIGGER {name} AFTER {event} ON {table} FOR EACH STATEMENT EXECUTE FUNCTION directory_bump_version()",
                ]
    return statements


# PostgreSQL only: tables whose ids are fetched by match alone (``matching_ids``) get a narrow
# copy of their tsvector, kept by a trigger. A common word matches 70 % of the organisations;
# reading their ids from the table itself visits nearly every page of a 240 MB heap (a
# second per query), while the copy's heap holds only ids and pointers to the out-of-line
# (TOAST) vectors, which a GIN bitmap scan never has to read: about 4,000 pages.
TERMS_TABLES = ("directory_organisation",)


def terms_statements(table: str) -> list[str]:
    """SQL (idempotent, PostgreSQL) for ``<table>_terms`` and the trigger that keeps it in step."""
    terms = f"{table}_terms"
    return [
        f"CREATE TABLE IF NOT EXISTS {terms} (id bigint PRIMARY KEY, {VECTOR_COLUMN} tsvector NOT NULL) "
        "WITH (toast_tuple_target = 128)",
        f"ALTER TABLE {terms} ALTER COLUMN {VECTOR_COLUMN} SET STORAGE EXTERNAL",
        f"CREATE INDEX IF NOT EXISTS {terms}_gin ON {terms} USING GIN ({VECTOR_COLUMN})",
        f"CREATE OR REPLACE FUNCTION {terms}_sync() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        f"IF TG_OP = 'DELETE' THEN DELETE FROM {terms} WHERE id = OLD.id; RETURN NULL; END IF; "
        f"INSERT INTO {terms} (id, {VECTOR_COLUMN}) VALUES (NEW.id, NEW.{VECTOR_COLUMN}) "
        f"ON CONFLICT (id) DO UPDATE SET {VECTOR_COLUMN} = excluded.{VECTOR_COLUMN}; RETURN NULL; END $$",
        f"DROP TRIGGER IF EXISTS {terms}_sync ON {table}",
        f"CREATE TRIGGER {terms}_sync AFTER INSERT OR DELETE OR UPDATE OF search_document ON {table} "
        f"FOR EACH ROW EXECUTE FUNCTION {terms}_sync()",
        # The matching ids as one string. For a common word the planner prefers a sequential
        # scan, which de-TOASTs every vector; the function's own setting keeps it to the GIN
        # bitmap scan, which reads only the matching rows' small heap tuples (one statement,
        # where SET LOCAL would need a transaction around it).
        f"CREATE OR REPLACE FUNCTION {terms}_matching(query tsquery) RETURNS text LANGUAGE sql STABLE "
        f"SET enable_seqscan = off AS $$ SELECT string_agg(id::text, ',') FROM {terms} WHERE {VECTOR_COLUMN} @@ query $$",
    ]


def create_terms_tables(schema_editor) -> None:
    """Create the narrow tsvector copies (PostgreSQL) and fill them from the existing records."""
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TERMS_TABLES:
        for statement in terms_statements(table):
            schema_editor.execute(statement, params=None)
        schema_editor.execute(
            f"INSERT INTO {table}_terms (id, {VECTOR_COLUMN}) SELECT id, {VECTOR_COLUMN} FROM {table} "
            "ON CONFLICT (id) DO NOTHING"
        )
        schema_editor.execute(f"ANALYZE {table}_terms")


def drop_terms_tables(schema_editor) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TERMS_TABLES:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_terms_sync ON {table}")
        schema_editor.execute(f"DROP FUNCTION IF EXISTS {table}_terms_matching(tsquery)")
        schema_editor.execute(f"DROP FUNCTION IF EXISTS {table}_terms_sync()")
        schema_editor.execute(f"DROP TABLE IF EXISTS {table}_terms")


def search_statements(vendor: str) -> list[str]:
    """SQL that creates the search structures for ``vendor`` (idempotent)."""
    statements: list[str] = []
    for table in SEARCH_TABLES:
        if vendor == "sqlite":
            statements += _sqlite_statements(table)
        elif vendor == "postgresql":
            statements += _postgresql_statements(table)
    return statements


def create_search_structures(schema_editor) -> None:
    """Create the search tables, triggers or indexes for the connection's database (idempotent)."""
    for statement in search_statements(schema_editor.connection.vendor):
        schema_editor.execute(statement)


def drop_search_structures(schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    for table in SEARCH_TABLES:
        if vendor == "sqlite":
            for suffix in ("insert", "delete", "update"):
                schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_fts_{suffix}")
            schema_editor.execute(f"DROP TABLE IF EXISTS {table}_fts")
        elif vendor == "postgresql":
            schema_editor.execute(f"DROP INDEX IF EXISTS {table}_search_vector_gin")
            schema_editor.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS {VECTOR_COLUMN}")


def create_version_triggers(schema_editor) -> None:
    for statement in version_statements(schema_editor.connection.vendor):
        schema_editor.execute(statement, params=None)


def drop_version_triggers(schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    for table in VERSIONED_TABLES:
        for event in ("insert", "delete", "update"):
            if vendor == "sqlite":
                schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_version_{event}")
            elif vendor == "postgresql":
                schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_version_{event} ON {table}")
    if vendor == "postgresql":
        schema_editor.execute("DROP FUNCTION IF EXISTS directory_bump_version()")


def ensure_search_structures(using: str = "default") -> None:
    """Recreate missing triggers after a migration rebuilt a table (SQLite drops them with the old table)."""
    connection = connections[using]
    statements = search_statements(connection.vendor)
    tables = connection.introspection.table_names()
    if VERSION_TABLE in tables:
        statements += version_statements(connection.vendor)
    if connection.vendor == "postgresql":
        for table in TERMS_TABLES:
            if f"{table}_terms" in tables:
                statements += terms_statements(table)
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def rebuild_search_indexes(using: str = "default") -> None:
    """Rebuild the SQLite FTS5 tables from the records' search documents, then refresh planner statistics.

    Run after bulk loads (``seed-demo`` does): without statistics SQLite may start a
    faceted search from the facet rows instead of the full-text match.
    """
    connection = connections[using]
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            # Only SQLite: on PostgreSQL an ALTER inside the caller's transaction can fail
            # ("pending trigger events"), and migrate has already ensured the column.
            ensure_search_structures(using)
            for table in SEARCH_TABLES:
                cursor.execute(f"INSERT INTO {table}_fts({table}_fts) VALUES ('rebuild')")
        if connection.vendor in {"sqlite", "postgresql"}:
            cursor.execute("ANALYZE")
