"""Where in a TOML text a value lives, for error messages: the line of the field a
validation path (msgspec's ``$.services[1].minutes``) names. Best effort: tomllib keeps no
positions, so the text is scanned for the tables and keys of the path."""

from __future__ import annotations

import re

_HEADER = re.compile(r"^\s*\[\[?\s*([^\[\]]+?)\s*\]\]?\s*(#.*)?$")
_SEGMENT = re.compile(r"\.([A-Za-z_][\w-]*)|\[(\d+)\]")


def line_of(text: str, path: str) -> int | None:
    """The 1-based line of the field at ``path`` (``$.a[0].b``), or the nearest enclosing
    one found; None when not even the first part of the path is found."""
    lines = text.splitlines()
    headers = [_header(line) for line in lines]
    arrays = {h for h, line in zip(headers, lines, strict=True) if h and line.lstrip()[:2] == "[["}
    low, high, table = 0, len(lines), ""
    found: int | None = None
    at_value = False
    for name, index in _SEGMENT.findall(path):
        if at_value:
            break  # inside a value (an inline array or table): its key's line is as near
        if name:
            dotted = f"{table}.{name}" if table else name
            starts = [i for i in range(low, high) if headers[i] == dotted]
            if starts:
                table, low, found = dotted, starts[0], starts[0]
                if dotted not in arrays:  # an array's entries are told apart by the index
                    high = _end_of(headers, dotted, starts[0], high)
                continue
            direct_end = next((i for i in range(low + 1, high) if headers[i]), high)
            first = low + 1 if headers[low] else low
            key = re.compile(rf"^\s*\"?{re.escape(name)}\"?\s*=")
            assigned = next((i for i in range(first, direct_end) if key.match(lines[i])), None)
            if assigned is None:
                break
            found, at_value = assigned, True
            continue
        entries = [i for i in range(low, high) if headers[i] == table]
        if int(index) >= len(entries):
            break
        low = found = entries[int(index)]
        high = _end_of(headers, table, low, high)
    return None if found is None else found + 1


def _header(line: str) -> str | None:
    match = _HEADER.match(line)
    if match is None:
        return None
    return ".".join(part.strip().strip('"') for part in match.group(1).split("."))


def _end_of(headers: list[str | None], dotted: str, start: int, high: int) -> int:
    """The end of table ``dotted`` (or of one entry of it) begun at ``start``: the next
    header outside it, or of its next entry."""
    for i in range(start + 1, high):
        name = headers[i]
        if name is not None and not name.startswith(f"{dotted}."):
            return i
    return high
