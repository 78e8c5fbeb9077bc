from .badges import badge_svg
from .collectivites import collectivite_detail, collectivite_list
from .editions import edition_detail, edition_list
from .exports import edition_csv, edition_json

__all__ = [
    "badge_svg",
    "collectivite_detail",
    "collectivite_list",
    "edition_csv",
    "edition_detail",
    "edition_json",
    "edition_list",
]
