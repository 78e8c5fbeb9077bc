"""Build ``territories.csv.gz`` from the npm package ``@etalab/decoupage-administratif``.

Run it by hand when a new vintage is out (the site never fetches anything at run time)::

    cd /tmp && npm pack @etalab/decoupage-administratif@6.0.0
    python editions/data/build_territories.py /tmp/etalab-decoupage-administratif-6.0.0.tgz 2023

The second argument is the reference year of the populations in that version (6.0.0 carries the
INSEE "populations légales 2023", in force on 1 January 2026). Data: Licence Ouverte 2.0 (Etalab).
"""

import collections
import csv
import gzip
import json
import sys
import tarfile
from pathlib import Path

FIELDS = [
    "kind",
    "code",
    "name",
    "insee_code",
    "siren",
    "population",
    "population_year",
    "postal_codes",
    "departement_code",
    "region_code",
]
OUTPUT = Path(__file__).with_name("territories.csv.gz")
NAMES = Path(__file__).with_name("divisions.json")
# The municipal arrondissements of Paris, Lyon, Marseille have their own INSEE code; keep them.
COMMUNE_TYPES = ("commune-actuelle", "arrondissement-municipal")


def read_json(archive, name):
    return json.load(archive.extractfile(f"package/data/{name}.json"))


def commune_rows(communes, year):
    seen = set()
    # Current communes first, then former (delegated/associated) ones whose code is still free.
    ordered = sorted(communes, key=lambda c: c["type"] not in COMMUNE_TYPES)
    for commune in ordered:
        if commune["code"] in seen:
            continue
        seen.add(commune["code"])
        population = commune.get("population")
        yield {
            "kind": "commune",
            "code": commune["code"],
            "name": commune["nom"],
            "insee_code": commune["code"],
            "siren": commune.get("siren", ""),
            "population": population if population is not None else "",
            "population_year": year if population is not None else "",
            "postal_codes": " ".join(commune.get("codesPostaux", [])),
            "departement_code": commune.get("departement", ""),
            "region_code": commune.get("region", ""),
        }


def epci_rows(epcis, communes_by_code, year):
    for epci in epcis:
        # An EPCI may span départements: keep the one most of its member communes belong to.
        departements = collections.Counter(
            communes_by_code.get(m["code"], {}).get("departement", "") for m in epci["membres"]
        )
        departement = departements.most_common(1)[0][0] if departements else ""
        regions = collections.Counter(
            communes_by_code.get(m["code"], {}).get("region", "") for m in epci["membres"]
        )
        population = epci.get("populationMunicipale")
        yield {
            "kind": "epci",
            "code": epci["code"],
            "name": epci["nom"],
            "insee_code": "",
            "siren": epci["code"],
            "population": population if population is not None else "",
            "population_year": year if population is not None else "",
            "postal_codes": "",
            "departement_code": departement,
            "region_code": regions.most_common(1)[0][0] if regions else "",
        }


def main(tarball, year):
    with tarfile.open(tarball) as archive:
        communes = read_json(archive, "communes")
        epcis = read_json(archive, "epci")
        departements = read_json(archive, "departements")
        regions = read_json(archive, "regions")
    communes_by_code = {c["code"]: c for c in communes if c["type"] == "commune-actuelle"}
    with gzip.open(OUTPUT, "wt", encoding="utf-8", newline="", compresslevel=9) as handle:
        writer = csv.DictWriter(handle, fieldnames=FIELDS)
        writer.writeheader()
        writer.writerows(commune_rows(communes, year))
        writer.writerows(epci_rows(epcis, communes_by_code, year))
    names = {
        "departements": {d["code"]: d["nom"] for d in departements},
        "regions": {r["code"]: r["nom"] for r in regions},
    }
    NAMES.write_text(json.dumps(names, ensure_ascii=False, indent=0, sort_keys=True) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 2023)
