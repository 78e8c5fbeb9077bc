"""Rules that span the record's models: registering a body from the reference data."""

import csv
import gzip
import json
from pathlib import Path

from .models import Territory

DATA_DIR = Path(__file__).with_name("data")
TERRITORIES_FILE = DATA_DIR / "territories.csv.gz"
DIVISIONS_FILE = DATA_DIR / "divisions.json"
TERRITORY_FIELDS = [
    "name",
    "insee_code",
    "siren",
    "population",
    "population_year",
    "postal_codes",
    "departement_code",
    "departement",
    "region_code",
    "region",
]


def read_territories(path=TERRITORIES_FILE, divisions_path=DIVISIONS_FILE):
    """Yield unsaved Territory objects from the shipped extract (names of divisions joined)."""
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8", newline="") as handle:
        yield from territories_from_csv(handle, divisions_path)


def territories_from_csv(handle, divisions_path=DIVISIONS_FILE):
    """Unsaved Territory objects from an open CSV in the extract's format (an upload, a file)."""
    divisions = json.loads(Path(divisions_path).read_text(encoding="utf-8"))
    for row in csv.DictReader(handle):
        yield Territory(
            kind=row["kind"],
            code=row["code"],
            name=row["name"],
            insee_code=row["insee_code"],
            siren=row["siren"],
            population=int(row["population"]) if row["population"] else None,
            population_year=int(row["population_year"]) if row["population_year"] else None,
            postal_codes=row["postal_codes"],
            departement_code=row["departement_code"],
            departement=divisions["departements"].get(row["departement_code"], ""),
            region_code=row["region_code"],
            region=divisions["regions"].get(row["region_code"], ""),
        )


def import_territories(territories, batch_size=2000):
    """Insert or update reference territories by (kind, code); safe to run again."""
    batch, total = [], 0
    for territory in territories:
        batch.append(territory)
        if len(batch) >= batch_size:
            total += _upsert(batch)
            batch = []
    if batch:
        total += _upsert(batch)
    return total


def _upsert(batch):
    Territory.objects.bulk_create(
        batch,
        update_conflicts=True,
        unique_fields=["kind", "code"],
        update_fields=TERRITORY_FIELDS,
    )
    return len(batch)
