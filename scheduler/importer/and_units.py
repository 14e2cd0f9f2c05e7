"""A list's last "和" between a name that holds "和" and a unit (issue #13 round 56).

"文化和旅游部和各省级人民政府负责": the first "和" belongs to the ministry's name, so parting the list
at every "和" gives "文化", which is no unit, and the whole stayed one name. The list is parted at the
one "和" whose two sides both end as units' names end and hold no other list word before it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_AND = re.compile(r"和|與|与")


def part_at_one_and(part: str, is_unit: Callable[[str], bool]) -> list[str] | None:
    """[left, right] when exactly one "和" parts `part` into two units ("文化和旅游部" | "各省级人民政府"),
    else None. Only for a part with two or more "和": a single one is read as before."""
    cuts = list(_AND.finditer(part))
    if len(cuts) < 2:
        return None
    found = [[part[:m.start()].strip(), part[m.end():].strip()] for m in cuts
             if is_unit(part[:m.start()].strip()) and is_unit(part[m.end():].strip())]
    return found[0] if len(found) == 1 else None
