from .badges import badge_svg
from .collectivites import collectivite_detail, collectivite_list
from .editions import edition_detail, edition_list
from .exports import edition_csv, edition_json
from .maps import laureate_map_view, map_departement
from .opendata import open_data, open_data_csv, open_data_json, open_data_schema

__all__ = [
    "badge_svg",
    "collectivite_detail",
    "collectivite_list",
    "edition_csv",
    "edition_detail",
    "edition_json",
    "edition_list",
    "laureate_map_view",
    "map_departement",
    "open_data",
    "open_data_csv",
    "open_data_json",
    "open_data_schema",
]
