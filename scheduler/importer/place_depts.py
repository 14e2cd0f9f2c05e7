"""Named places sharing one kind of department (issue #13 round 43): a task list written by three cities
together closes an item with "责任单位:海东市、兰州市、临夏州发展改革部门" — each city's own 发展改革部门,
three units, as "銀川市、石嘴山市、吳忠市人民政府" share "人民政府" (shared_gov.py, round 39). The kind
must not start with a level word (so "兰州市X局" is 兰州市's X局, never 兰州's "市X局") and ends as a
department's name ends: 部门, 局, 委, 委员会, 办, 办公室."""

from __future__ import annotations

DEPT_KIND = r"(?![市县縣区區州旗盟])[\u4e00-\u9fff]{1,10}?(?:部[门門]|局|委(?:[员員][会會])?|[办辦](?:公室)?)"
