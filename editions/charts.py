"""Geometry of the server-rendered bar chart of laureates per level (drawn by a template)."""

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
