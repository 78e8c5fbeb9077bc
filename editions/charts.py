"""Geometry of the server-rendered graphics drawn by templates: the bar chart of laureates per
level and the marks of a badge."""

BAR_HEIGHT = 28
GAP = 12
LABEL_WIDTH = 150
BAR_MAX = 330
WIDTH = LABEL_WIDTH + BAR_MAX + 50


def bar_chart(year, groups):
    """Bars in the scheme's order (lowest level first), sized against the largest count."""
    ordered = list(reversed(groups))
    top = max([g["count"] for g in ordered] or [0]) or 1
    bars = []
    for index, group in enumerate(ordered):
        length = round(BAR_MAX * group["count"] / top)
        y = GAP + index * (BAR_HEIGHT + GAP)
        bars.append(
            {
                "name": group["name"],
                "count": group["count"],
                "y": y,
                "text_y": y + round(BAR_HEIGHT * 0.68),  # integers: floats localise as "31,04"
                "width": length,
                "value_x": LABEL_WIDTH + length + 8,
            }
        )
    return {
        "year": year,
        "bars": bars,
        "width": WIDTH,
        "height": GAP + len(bars) * (BAR_HEIGHT + GAP),
        "label_width": LABEL_WIDTH,
        "bar_height": BAR_HEIGHT,
        "label_x": LABEL_WIDTH - 10,
    }


BADGE_MARKS_LEFT, BADGE_MARKS_WIDTH = 92, 132
REACHED, NOT_REACHED = "#b3541e", "none"


def badge_marks(number, count):
    """One mark per level of the édition's scheme, filled up to the level reached: 3 of 5 in the
    1-5 scheme, 4 of 4 for Or in 2025 (the "copylefts" drawn on the plaques)."""
    count = max(count, number, 1)
    step = min(22, BADGE_MARKS_WIDTH // max(count - 1, 1))
    radius = max(2, min(8, (step - 4) // 2))
    return [
        {
            "x": BADGE_MARKS_LEFT + step * i,
            "r": radius,
            "fill": REACHED if i < number else NOT_REACHED,
        }
        for i in range(count)
    ]
