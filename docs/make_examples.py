"""Render what units receive, from the bundled sample, into docs/examples/.

    python docs/make_examples.py      (re-run after changing templates)
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

from scheduler.group import group
from scheduler.mime import email_mime
from scheduler.plan import Window
from scheduler.render import Renderer
from scheduler.runtime import build_runtime, planner_for

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "examples"
DAY = date(2021, 12, 28)  # four tasks due 2021-12-31 are 3 working days away; earlier ones overdue


def main() -> None:
    runtime = build_runtime(ROOT / "config" / "duban.toml")
    tz = runtime.settings.timezone
    now = datetime(DAY.year, DAY.month, DAY.day, 9, 0, tzinfo=tz)
    planner = planner_for(runtime)
    tasks = {t.id: t for t in runtime.tasks}
    # the reminders of the day, plus the latest overdue repetition of QH2021-02 (due 2021-06-30)
    reminders = planner.plan(runtime.tasks, Window(DAY, DAY))
    overdue = [r for r in planner.plan(runtime.tasks, Window(date(2021, 12, 20), DAY)) if r.task == "QH2021-02"]
    latest = max(r.at for r in overdue)
    digests = group(reminders + [r for r in overdue if r.at == latest], tasks)
    renderer = Renderer(None)
    units = runtime.directory.units
    picks = {"省政府审改办": "unit", "省政府督查室": "coordinator"}
    for digest in digests:
        kind = picks.get(digest.unit)
        if kind is None:
            continue
        for message in renderer.render(digest, units.get(digest.unit), now):
            if message.channel == "email":
                mime = email_mime(message, "督办系统 <duban@example.gov.cn>", now)
                (OUT / f"email-{kind}.eml").write_bytes(mime.as_bytes())
                text = f"Subject: {message.subject}\n\n{message.text}"
                (OUT / f"email-{kind}.txt").write_text(text, encoding="utf-8")
                (OUT / f"email-{kind}.html").write_text(message.html, encoding="utf-8")
        if digest.channel == "wecom":
            markdown = renderer.wecom(digest, ())
            text = renderer.wecom(digest, units[digest.unit].mention_mobiles or ("13800000000",))
            (OUT / f"wecom-{kind}-markdown.json").write_text(
                "\n".join(json.dumps(json.loads(m.payload), ensure_ascii=False, indent=2) for m in markdown) + "\n",
                encoding="utf-8")
            (OUT / f"wecom-{kind}-text.json").write_text(
                "\n".join(json.dumps(json.loads(m.payload), ensure_ascii=False, indent=2) for m in text) + "\n",
                encoding="utf-8")
    print("\n".join(sorted(p.name for p in OUT.iterdir())))


if __name__ == "__main__":
    main()
