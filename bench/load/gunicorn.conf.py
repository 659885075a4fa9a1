"""gunicorn settings of the load benchmark (usable in production as they are).

Each worker process builds its matching index (encoder and vectors) once, before it
accepts connections, instead of on the first participant's page.
"""


def post_worker_init(worker) -> None:
    from sache.matching import index  # noqa: PLC0415 (Django is set up by now)

    index.indexes()

# Keep idle connections longer than a participant's think time: with gunicorn's default
# (2 s) the server closes a connection just as the client reuses it, and the client sees
# a dropped connection although the server never failed. (A reverse proxy in production
# keeps its own pool of upstream connections.)
keepalive = 30
