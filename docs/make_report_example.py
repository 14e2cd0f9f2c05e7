"""Render the 台账 and the 通报 draft of the README into docs/report/, with a picture of the .xlsx.

    python docs/make_report_example.py      (needs LibreOffice `soffice` and poppler `pdftoppm`)

The data is the bundled sample plan (青政办〔2021〕41号) as of 2021-12-28, with some progress made
up so that every 状态 shows: tasks (三)–(七) and (九) get deadlines, a done date, a suspension, an extension
and a 办结 waiting for review. Nothing here is the real progress of that plan.
"""

from __future__ import annotations

import subprocess
import tempfile
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from scheduler import readmodel
from scheduler.model import Milestone, Task, TaskStatus
from scheduler.report import bulletin, register
from scheduler.runtime import build_runtime

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "report"
DAY = date(2021, 12, 28)
D = date
MADE_UP = {
    "QH2021-03": dict(milestones=(Milestone("1", D(2021, 9, 30), "", D(2021, 9, 28), "9月底前"),)),
    "QH2021-04": dict(milestones=(Milestone("1", D(2021, 10, 31), "出台实施意见", D(2021, 11, 5), "10月底前"),
                                  Milestone("2", D(2022, 3, 31), "全面推行告知承诺制", written="2022年3月底前"))),
    "QH2021-05": dict(milestones=(Milestone("1", D(2021, 11, 30), written="11月底前"),), status=TaskStatus.SUSPENDED),
    "QH2021-06": dict(milestones=(Milestone("1", D(2021, 12, 20), extended_from=D(2021, 11, 30)),)),
    "QH2021-09": dict(milestones=(Milestone("1", D(2021, 12, 30), written="12月30日前"),)),
    "QH2021-07": dict(milestones=(Milestone("1", D(2022, 1, 14), written="2022年1月中旬前"),)),
}
FEEDBACK = {("QH2021-07", "1"): [
    readmodel.Feedback("省市场监管局", "done", datetime(2021, 12, 27, 16, 20), D(2021, 12, 27), "已印发实施方案",
                       waiting=True),
]}


def main() -> None:
    runtime = build_runtime(ROOT / "config" / "duban.toml")
    tasks = tuple(_made_up(t) for t in runtime.tasks)
    reg = readmodel.build(replace(runtime, tasks=tasks), DAY, {}, FEEDBACK)
    OUT.mkdir(parents=True, exist_ok=True)
    register.write_xlsx(reg, OUT / "register.xlsx")
    (OUT / "bulletin.md").write_text("".join(bulletin.to_markdown(bulletin.build(reg))), encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        profile = f"-env:UserInstallation=file://{tmp}/lo-profile"
        subprocess.run(["soffice", profile, "--headless", "--convert-to", "pdf", "--outdir", tmp,
                        str(OUT / "register.xlsx")], check=True, timeout=180, capture_output=True)
        # the top of the first page (the first 20 rows), at a resolution where the text reads
        subprocess.run(["pdftoppm", "-png", "-r", "250", "-f", "1", "-l", "1", "-singlefile",
                        "-x", "90", "-y", "110", "-W", "2640", "-H", "440",
                        f"{tmp}/register.pdf", str(OUT / "register")], check=True, timeout=60)
    print(f"wrote {OUT}/register.xlsx, register.png, bulletin.md")


def _made_up(task: Task) -> Task:
    changes = MADE_UP.get(task.id)
    return replace(task, **changes) if changes else task  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
