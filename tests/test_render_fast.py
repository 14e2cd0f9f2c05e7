"""The Python rendering of the shipped e-mail templates gives exactly Jinja's bytes."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import jinja2
from hypothesis import given, settings
from hypothesis import strategies as st

from scheduler import render_fast
from scheduler.group import Digest, DigestItem
from scheduler.model import Document, Milestone, Reminder, Role, Task
from scheduler.render import Renderer
from scheduler.render_items import by_unit, item_view, subject, summary

NOW = datetime(2021, 7, 1, 10, 0)
TEMPLATES = Path(render_fast.__file__).parent / "templates"
_TEXT = st.text(alphabet=st.sampled_from("任务<>&'\"a \n\t*_单位（）#"), max_size=12)


def _jinja(digest: Digest) -> tuple[str, str]:
    loader = jinja2.FileSystemLoader(TEMPLATES)
    text_env = jinja2.Environment(loader=loader, autoescape=False, keep_trailing_newline=True,
                                  undefined=jinja2.StrictUndefined)
    html_env = jinja2.Environment(loader=loader, autoescape=True, undefined=jinja2.StrictUndefined)
    items = [item_view(i) for i in digest.items]
    context = {"unit": digest.unit, "summary": summary(digest), "items": items, "subject": subject(digest),
               "by_unit": by_unit(digest) if digest.escalation else [], "sent_at": f"{NOW:%Y-%m-%d %H:%M}"}
    return (text_env.get_template("email.txt.j2").render(context),
            html_env.get_template("email.html.j2").render(context))


def _digest(title: str, detail: str, doc: str, written: str, offsets: list[int], coordinator: bool,
            via: bool) -> Digest:
    items = []
    for n, offset in enumerate(offsets):
        task = Task(id=f"T{n}", title=title, source="tasks.toml", lead=("甲<局>",), responsible=("乙&局", "丙局") if n % 2 else (),
                    detail=detail, number=f"{n}.", document=Document(title=doc, number="〔2021〕1号" if n % 3 else ""),
                    milestones=(Milestone(id="m1", deadline=date(2021, 7, 10), what=detail[:3], written=written),))
        role = Role.COORDINATOR if coordinator else Role.LEAD
        reminder = Reminder(NOW, task.id, "m1", date(2021, 7, 10), date(2021, 7, 10), f"阶段{n}", offset, 0, role,
                            "丙局" if via else "甲<局>", ("email",), "办公室" if via else None)
        items.append(DigestItem(reminder, task))
    return Digest("办公室\"&", "email", tuple(items))


@settings(max_examples=150, deadline=None)
@given(_TEXT, _TEXT, _TEXT, _TEXT, st.lists(st.integers(-5, 5), max_size=5), st.booleans(), st.booleans())
def test_fast_email_equals_the_shipped_templates(title: str, detail: str, doc: str, written: str,
                                                 offsets: list[int], coordinator: bool, via: bool) -> None:
    digest = _digest(title, detail, doc, written, offsets, coordinator, via)
    message = Renderer(None).email(digest, ("a@example.org",), NOW)
    assert (message.text, message.html) == _jinja(digest)


def test_an_overridden_template_is_rendered_by_jinja(tmp_path: Path) -> None:
    (tmp_path / "email.txt.j2").write_text("自定义：{{ unit }}\n", encoding="utf-8")
    digest = _digest("标题", "要求", "文件", "7月底", [-2, 0, 3], False, False)
    message = Renderer(tmp_path).email(digest, (), NOW)
    assert message.text == "自定义：办公室\"&\n"
    assert message.html == _jinja(digest)[1]
