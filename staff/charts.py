"""Charts as server-rendered SVG (no script, no CDN): bars per day and ranked
horizontal bars. Labels are escaped; the SVG is inlined in the page."""
from __future__ import annotations

from html import escape

COLOURS = ("#2f6fb0", "#d9822b", "#3a9a5b", "#b03a2e")


def _num(v: float) -> str:
    return f"{v:g}" if isinstance(v, float) else str(v)


def columns(days: list[str], series: list[tuple[str, list[float]]], height: int = 180) -> str:
    """Grouped vertical bars, one group per day, one colour per series."""
    if not days:
        return '<p class="empty">所选时间段内没有数据。</p>'
    top = max([max(vals) for _, vals in series if vals] + [1])
    n, k = len(days), len(series)
    group = max(24, min(60, 720 // n))
    bar = max(3, (group - 6) // k)
    width = max(60 + 120 * k, 40 + n * group)
    out = [f'<svg class="chart" role="img" width="{width}" height="{height + 60}" '
           f'viewBox="0 0 {width} {height + 60}" xmlns="http://www.w3.org/2000/svg">',
           f'<line x1="38" y1="{height}" x2="{width}" y2="{height}" stroke="#999"/>',
           f'<text x="34" y="12" text-anchor="end" font-size="10">{_num(top)}</text>']
    for i, day in enumerate(days):
        x0 = 40 + i * group
        for j, (name, vals) in enumerate(series):
            v = vals[i]
            h = round(v / top * (height - 16))
            out.append(f'<rect x="{x0 + j * bar}" y="{height - h}" width="{bar - 1}" height="{h}" '
                       f'fill="{COLOURS[j % len(COLOURS)]}"><title>{escape(day)} {escape(name)}: {_num(v)}</title></rect>')
        if n <= 31 or i % max(1, n // 15) == 0:
            out.append(f'<text x="{x0 + 2}" y="{height + 12}" font-size="10" '
                       f'transform="rotate(45 {x0 + 2} {height + 12})">{escape(day[5:])}</text>')
    for j, (name, _) in enumerate(series):
        out.append(f'<rect x="{40 + j * 110}" y="{height + 44}" width="10" height="10" fill="{COLOURS[j % len(COLOURS)]}"/>'
                   f'<text x="{54 + j * 110}" y="{height + 53}" font-size="11">{escape(name)}</text>')
    out.append("</svg>")
    return "".join(out)


def bars(items: list[tuple[str, float]], width: int = 640, limit: int = 20) -> str:
    """Horizontal bars, largest first as given (funnels, rankings)."""
    items = items[:limit]
    if not items:
        return '<p class="empty">所选时间段内没有数据。</p>'
    top = max([v for _, v in items] + [1])
    row, label_w = 24, 220
    out = [f'<svg class="chart" role="img" width="{width}" height="{row * len(items) + 4}" '
           f'viewBox="0 0 {width} {row * len(items) + 4}" xmlns="http://www.w3.org/2000/svg">']
    for i, (label, v) in enumerate(items):
        y = i * row
        w = round(v / top * (width - label_w - 60))
        text = label if len(label) <= 16 else label[:15] + "…"
        out.append(f'<text x="{label_w - 6}" y="{y + 16}" text-anchor="end" font-size="12">'
                   f'<title>{escape(label)}</title>{escape(text)}</text>'
                   f'<rect x="{label_w}" y="{y + 4}" width="{w}" height="{row - 8}" fill="{COLOURS[0]}"/>'
                   f'<text x="{label_w + w + 4}" y="{y + 16}" font-size="12">{_num(v)}</text>')
    out.append("</svg>")
    return "".join(out)
