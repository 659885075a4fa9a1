"""Settings modules: ``dev`` for a laptop, ``production`` for a server, ``test`` for pytest.

All of them read their values from the environment (twelve-factor); see
``docs/operators/configuration.md`` for every variable.
"""
