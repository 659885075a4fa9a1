"""``sache reindex``: encode every profile into the shared vector cache and rebuild the index."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand
from tqdm import tqdm

from sache.directory.models import Organisation
from sache.matching import index


class Command(BaseCommand):
    help = "Rebuild the matching index: encode texts missing from the vector cache (unchanged texts cost nothing)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--no-progress", action="store_true", help="Do not print a progress bar.")

    def handle(self, *args, no_progress: bool, **options) -> None:
        started = time.perf_counter()
        encoder = index.shared_encoder_for_settings()
        # The encoder is shared by the process: count only what this run encoded.
        encoded_before = encoder.encoded_texts
        with tqdm(total=Organisation.objects.count(), desc="organisations", unit="org", disable=no_progress) as bar:
            state = index.build_indexes(encoder=encoder, progress=bar.update)
        path = state.encoder.cache.save()
        index.reset()
        index.bump_generation()
        self.stdout.write(
            f"Indexed {len(state.organisations)} organisations and {len(state.needs)} open needs in "
            f"{time.perf_counter() - started:.1f} s; encoded {state.encoder.encoded_texts - encoded_before} new texts "
            f"({state.encoder.name}); vector cache {path}."
        )
