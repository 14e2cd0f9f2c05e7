"""`duban import`: per-field accuracy against the hand-made expected outputs, and speed and
memory on large and hostile inputs. Prints one line per document, totals, then timings.

    python bench/import_bench.py [DIR ...]   # extra DIRs of NAME.txt (or .html/.docx/.xlsx/.pdf) + NAME.expected.toml

Accuracy is counted as in tests/import_score.py: a task is found when a drafted task has the
expected title; a field is right when the drafted list equals the expected one exactly, and a
task not found counts as wrong in every field.
"""

from __future__ import annotations

import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.import_score import FIELDS, Score, document_of, score  # noqa: E402

SEEDS = REPO / "tests" / "data" / "seeds"
CORPUS = REPO / "tests" / "data" / "corpus"
# Kept aside while the rules of issue #13 were written (bench/import_corpus_split.md): reported apart.
KEPT_ASIDE = ("shuang_suiji", "xiaofei_fupin", "yaopin_caigou")


def pairs(extra: list[Path]) -> list[tuple[str, Path, Path]]:
    found = [(f"seed {p.stem[:3]}", next(SEEDS.glob(f"{p.stem}_*.txt")), p)
             for p in sorted((REPO / "tests" / "import_expected").glob("[0-9][0-9][0-9].toml"))
             if SEEDS.exists()]
    found += [(f"corpus {p.stem}", CORPUS / f"{p.stem}.txt", p)
              for p in sorted((REPO / "tests" / "import_expected" / "corpus").glob("*.toml"))]
    for folder in [REPO / "tests" / "import_heldout", *extra]:
        found += [(p.name.removesuffix(".expected.toml"), document_of(p), p)  # .txt, .html, .docx, .xlsx, .pdf
                  for p in sorted(folder.glob("*.expected.toml"))]
    return found


def line(name: str, s: Score) -> str:
    fields = "  ".join(f"{n} {s.percent(n):5.1f}%" for n in FIELDS)
    return f"{name:<28} {s.expected:>4} tasks  {fields}  extra {s.extra}"


def accuracy(extra: list[Path]) -> None:
    totals = {"seeds": Score(), "corpus, tuned": Score(), "corpus, kept aside": Score(), "held-out": Score()}
    for name, document, expected in pairs(extra):
        result = score(document, expected)
        group = ("seeds" if name.startswith("seed") else "held-out" if not name.startswith("corpus")
                 else "corpus, kept aside" if name.removeprefix("corpus ") in KEPT_ASIDE else "corpus, tuned")
        totals[group].add(result)
        print(line(name, result))
        for wrong in result.wrong:
            print(f"    {wrong}")
    for group, total in totals.items():
        print(line(f"total: {group}", total))


def timed(label: str, path: Path) -> None:
    start = time.perf_counter()
    run = subprocess.run([sys.executable, "-m", "scheduler.cli", "import", str(path)], cwd=REPO,
                         capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    tasks = run.stdout.count("[[task]]")
    print(f"{label:<28} exit {run.returncode}  {wall:5.2f} s  peak RSS (max so far) {rss:5.0f} MB  {tasks} tasks")


def speed() -> None:
    item = "（一）推进改革。2021年6月底前完成，9月底前总结。（省司法厅牵头，省财政厅、各地区按职责分工负责）\n"
    prose = ("（一）推动项目过程管理权落实到位。科技部、财政部和相关科技项目管理部门要按照有关规定落实到位，"
             "各地区、各部门在制定相关规定和具体办法时，要明确赋予科研人员技术路线决策权。\n")
    table = "序号\n举措\n内容\n负责部门\n范围\n" + "".join(
        f"{n}\n大力发展职业赛事\n着力发展足球等职业联赛，本意见印发之日起30日内提出名单。\n体育总局、民政部\n全国\n"
        for n in range(1, 999))
    spaced = "序号 工 作 任 务 牵头负责部门\n" + "".join(
        f"{n} 城镇新增就业1000万人以上,年内安排到位 人力资源社会保障部\n" for n in range(1, 999))
    news = ("会议听取了县文旅局的汇报。张某要求:要抓住机遇,县文旅局、县交通局等部门要密切配合,加快景区道路建设。"
            "会议同意县财政局拟定的方案,修改完善后印发。县林业局要统筹好限采工作,做好补植补造。有关部门要各司其职。\n")
    # a web page's project table, a cell per line closed by " |", with a column no table names ("开工状态"):
    # not read as a table; every row's title line once read the page's cells to its end (round 40)
    project = "".join(f"|\n{c} |\n" for c in ("序号", "项目名称", "建设地点", "开工状态", "责任单位")) + "".join(
        "".join(f"|\n{c} |\n" for c in (str(n), f"城区公厕改造项目{n}", "城关镇", "已开工", "城管局"))
        for n in range(1, 999))
    rng = random.Random(1)
    with tempfile.TemporaryDirectory() as tmp:
        cases = {
            "10 MB plan": ("一、总体要求\n" + item * (10 * 2**20 // len(item.encode()))).encode(),
            "3 MB random CJK": "".join(chr(rng.randrange(0x4E00, 0x9FA5)) for _ in range(2**20)).encode(),
            "10 MB random bytes": rng.randbytes(10 * 2**20),
            "GBK plan (1 MB)": ("一、总体要求\n" + item * (2**20 // len(item.encode()))).encode("gb18030"),
            "10 MB plan, units in prose": ("二、主要任务\n" + prose * (10 * 2**20 // len(prose.encode()))).encode(),
            "10 MB task table": ("2019年1月1日\n" + table * (10 * 2**20 // len(table.encode()))).encode(),
            "10 MB space-separated table": ("2019年1月1日\n" + spaced * (10 * 2**20 // len(spaced.encode()))).encode(),
            # a page stored as one line (web copies): thousands of brackets on one line
            "10 MB plan on one line": ("某省工作要点 " + " ".join(
                f"{n}、{item.strip()}" for n in range(1, 10 * 2**20 // len(item.encode())))).encode(),
            # a meeting's news: no numbered item, tasks in sentences (meeting_news.py)
            "10 MB meeting news page": ("县政府召开常务会议\n" + news * (10 * 2**20 // len(news.encode()))).encode(),
            "10 MB web table, unread column": ("2024年4月2日\n" + project * (10 * 2**20 // len(project.encode())))
            .encode(),
            # meeting minutes whose decisions are numbered inside one paragraph (round 24)
            "10 MB minutes, one paragraph": ("某厅厅长办公会议纪要\n会议确定:" + "".join(
                f"{n}.由办公室负责,修订管理办法,并抓好督促落实。" for n in range(1, 10 * 2**20 // 75))).encode(),
        }
        for label, data in cases.items():
            path = Path(tmp) / "doc.txt"
            path.write_bytes(data)
            timed(label, path)


if __name__ == "__main__":
    accuracy([Path(a) for a in sys.argv[1:]])
    speed()
