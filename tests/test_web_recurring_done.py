"""A recurring task's occurrence is closed for everyone (`done_through`), so only its lead reports it done:
the page of another unit offers progress only, and a forged 办结 is refused; with no lead, any unit may."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import Project
from tests.test_web import post_feedback
from tests.web_support import TASKS, Site, running_site

RECURRING_WITH_LEAD = TASKS + """
[[task]]
id = "T-05"
title = "每月报送统计数据"
lead = ["省司法厅"]
responsible = ["省财政厅"]
repeat = "FREQ=MONTHLY;BYMONTHDAY=-1"
start = 2021-06-01
until = 2021-12-31
"""


@pytest.fixture
def site(project: Project) -> Iterator[Site]:
    with running_site(project, RECURRING_WITH_LEAD) as found:
        yield found


def _form(site: Site, unit: str, key: str) -> str:
    page = site.client.get(site.unit_link(unit)).text
    start = page.index(f'name="milestone" value="{key}"')
    return page[start:page.index("</form>", start)]


def test_only_the_lead_reports_an_occurrence_done(site: Site) -> None:
    assert 'value="done"' in _form(site, "省司法厅", "T-05/2021-06-30")  # the lead
    assert 'value="done"' not in _form(site, "省财政厅", "T-05/2021-06-30")  # responsible: progress only
    assert 'value="progress"' in _form(site, "省财政厅", "T-05/2021-06-30")
    assert post_feedback(site, "省财政厅", "T-05/2021-06-30", "done", "2021-06-25") == (
        400, "400 周期性任务每一次的办结由牵头单位报告，本单位可以反馈进展")
    assert post_feedback(site, "省司法厅", "T-05/2021-06-30", "done", "2021-06-25")[0] == 303


def test_without_a_lead_any_unit_reports_an_occurrence_done(site: Site) -> None:
    assert 'value="done"' in _form(site, "省司法厅", "T-03/2021-06-30")  # T-03 names no lead
    assert post_feedback(site, "省司法厅", "T-03/2021-06-30", "done", "2021-06-25")[0] == 303
