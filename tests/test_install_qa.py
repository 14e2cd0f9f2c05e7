"""Install QA: what a new operator gets from the wheel, the sdist, the Makefile and the systemd steps
of the README.

The wheel and the sdist are built once per session (setuptools' PEP 517 hooks, in a copy of the
checkout, so the checkout gets no build/ or egg-info); the wheel is then unpacked and the console
script's code run from it, in a directory that is not the checkout, on a copy of the bundled sample.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import subprocess
import sys
import tarfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from scheduler.load.json_text import json_error_place
from scheduler.load.settings import load_settings
from tests.conftest import SETTINGS, Duban, Project

REPO = Path(__file__).resolve().parent.parent
# what a checkout may hold besides its sources: never part of a distribution
_LOCAL = {".git", ".venv", "venv", "build", "dist", "__pycache__", ".pytest_cache", ".mypy_cache", ".ruff_cache",
          ".hypothesis"}


@dataclass(frozen=True)
class Built:
    wheel: Path
    sdist: Path


def _ignore(directory: str, names: list[str]) -> set[str]:
    top = Path(directory) == REPO
    return {n for n in names if n in _LOCAL or n.endswith(".egg-info") or (top and n in ("state", "outbox"))}


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    setuptools = pytest.importorskip("setuptools", reason="setuptools (the dev extras) builds the distributions")
    if int(setuptools.__version__.split(".")[0]) < 77:
        pytest.skip(f"setuptools {setuptools.__version__} is older than the 77 pyproject.toml's build needs")
    root = tmp_path_factory.mktemp("build")
    source, out = root / "src", root / "dist"
    shutil.copytree(REPO, source, ignore=_ignore)
    out.mkdir()
    for hook in ("build_sdist", "build_wheel"):  # one process each: setuptools keeps state between the two
        done = subprocess.run([sys.executable, "-c", f"import sys; from setuptools import build_meta as b; "
                               f"b.{hook}(sys.argv[1])", str(out)], cwd=source, capture_output=True, text=True,
                              timeout=120, check=False)
        assert done.returncode == 0, done.stderr[-3000:]
    (wheel,), (sdist,) = out.glob("*.whl"), out.glob("*.tar.gz")
    return Built(wheel=wheel, sdist=sdist)


def _package_files() -> set[str]:
    """Every file of the package in the checkout: modules, templates, whatever the code opens."""
    return {p.relative_to(REPO).as_posix() for p in (REPO / "scheduler").rglob("*")
            if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"}


def test_wheel_holds_every_file_of_the_package_and_the_console_script(built: Built) -> None:
    with zipfile.ZipFile(built.wheel) as wheel:
        names = set(wheel.namelist())
        entry_points = next(wheel.read(n).decode() for n in names if n.endswith(".dist-info/entry_points.txt"))
    assert {n for n in names if n.startswith("scheduler/")} == _package_files()
    assert "duban = scheduler.cli:main" in entry_points


def _tracked() -> set[str]:
    try:
        listed = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, timeout=30, check=True)
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout (an unpacked sdist): nothing to compare the sdist with")
    return {n for n in listed.stdout.decode().split("\0") if n and (REPO / n).is_file()}


def test_sdist_holds_everything_the_repository_tracks(built: Built) -> None:
    """An unpacked sdist runs `make test` and `make demo`: tests with their data, the sample, the unit, docs."""
    with tarfile.open(built.sdist) as sdist:
        names = {m.name.split("/", 1)[1] for m in sdist.getmembers() if m.isfile() and "/" in m.name}
    missing = sorted(_tracked() - {".gitignore"} - names)
    assert missing == []


def _duban(site: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The console script's code, imported from the unpacked wheel only (not from the checkout)."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "DUBAN_CONFIG")}
    env["PYTHONPATH"] = str(site)
    script = ("import sys, scheduler; from pathlib import Path; "
              "assert Path(scheduler.__file__).is_relative_to(sys.argv[1]), scheduler.__file__; "
              "from scheduler.cli import main; sys.exit(main(sys.argv[2:]))")
    return subprocess.run([sys.executable, "-c", script, str(site), *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=120, check=False)


@pytest.fixture(scope="session")
def installed(built: Built, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The wheel unpacked as pip would, and an operator's directory with a copy of the bundled sample."""
    root = tmp_path_factory.mktemp("installed")
    site, work = root / "site", root / "操作 目录"
    with zipfile.ZipFile(built.wheel) as wheel:
        wheel.extractall(site)
    shutil.copytree(REPO / "config", work / "config")
    shutil.copy(REPO / "tasks.toml", work / "tasks.toml")
    return site, work


def test_wheel_runs_the_sample_from_another_directory(installed: tuple[Path, Path]) -> None:
    site, work = installed
    check = _duban(site, work, "check", "--now", "2021-06-30")
    assert (check.returncode, check.stdout.splitlines()[-1]) == (0, "检查通过：3个文件，58项任务，6个时间节点，2条警告")
    run = _duban(site, work, "run", "--once", "--dry-run", "--now", "2021-06-30T09:30")
    assert (run.returncode, run.stdout.strip()) == (
        0, "试运行（未真正发送，未记入状态）：写入发件箱42条消息，76条较早阶段的提醒已被新阶段取代")
    for fmt, part in (("docx", "word/document.xml"), ("xlsx", "xl/worksheets/sheet1.xml")):
        report = _duban(site, work, "report", "--now", "2021-06-30", "--output", f"台账.{fmt}")
        assert report.returncode == 0, report.stderr
        with zipfile.ZipFile(work / f"台账.{fmt}") as document:
            assert part in document.namelist()
    days = _duban(site, work, "workdays", "count", "2021-10-01", "2021-10-31")
    assert (days.returncode, days.stdout) == (0, "17\n")


def test_wheel_templates_load_from_the_installed_package(installed: tuple[Path, Path]) -> None:
    """Jinja's PackageLoader reads the installed package's files: the messages' and the web's templates."""
    site, work = installed
    script = ("import sys, jinja2; from scheduler.web.app import _env; "
              "assert _env.get_template('unit.html').filename.startswith(sys.argv[1]); "
              "print(len(jinja2.PackageLoader('scheduler', 'templates').list_templates()), "
              "len(_env.list_templates()))")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"} | {"PYTHONPATH": str(site)}
    done = subprocess.run([sys.executable, "-c", script, str(site)], cwd=work, env=env, capture_output=True,
                          text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    expected = (len(list((REPO / "scheduler" / "templates").iterdir())),
                len(list((REPO / "scheduler" / "web" / "templates").iterdir())))
    assert done.stdout.split() == [str(n) for n in expected]


# --- Python 3.11, 3.12 and 3.13 ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("doc", "kind", "place"), [
    ('{"year": 2027, "days": [\n  {"name": "元旦",}\n]}', "object",
     (2, 17, "Expecting property name enclosed in double quotes")),
    ('{"year": 2027, "days": [1, 2,\n  ]}', "array", (2, 3, "Expecting value")),
])
def test_a_trailing_comma_is_placed_and_named_alike_on_every_python(doc: str, kind: str,
                                                                    place: tuple[int, int, str]) -> None:
    """Python 3.13's json names a trailing comma itself, at the comma; 3.11 and 3.12 at the bracket after it."""
    with pytest.raises(json.JSONDecodeError) as raised:
        json.loads(doc)
    assert json_error_place(raised.value) == place
    as_313 = json.JSONDecodeError(f"Illegal trailing comma before end of {kind}", doc, doc.rindex(","))
    assert json_error_place(as_313) == place


# --- the Makefile on a machine whose python3 is too old ------------------------------------------------------

_OLD_PYTHON = """#!/bin/sh
case "$1" in
  -c) exit 1 ;;                      # sys.version_info < (3, 11)
  --version) echo "Python 3.10.13" ;;
  -m) mkdir -p "$3/bin"; cp "$0" "$3/bin/python" ;;
esac
"""
_NEW_PYTHON = """#!/bin/sh
case "$1" in
  -c) exit 0 ;;
  --version) echo "Python 3.12.1" ;;
  -m) mkdir -p "$3/bin"; cp "$0" "$3/bin/python"; printf '#!/bin/sh\\nexit 0\\n' > "$3/bin/pip"
      chmod +x "$3/bin/pip" ;;
esac
"""


def _stub(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


def _make(checkout: Path, python: Path) -> subprocess.CompletedProcess[str]:
    make = shutil.which("make")
    assert make is not None, "make is needed: the README's commands are make demo and make test"
    return subprocess.run([make, "--no-print-directory", ".venv/bin/duban", f"PYTHON={python}"], cwd=checkout,
                          capture_output=True, text=True, timeout=60, check=False)


def test_make_refuses_an_old_python_and_replaces_the_venv_it_left(tmp_path: Path) -> None:
    checkout = tmp_path / "检出 目录"
    checkout.mkdir()
    shutil.copy(REPO / "Makefile", checkout)
    shutil.copy(REPO / "pyproject.toml", checkout)
    old, new = _stub(tmp_path / "python3.10", _OLD_PYTHON), _stub(tmp_path / "python3.12", _NEW_PYTHON)

    refused = _make(checkout, old)
    assert refused.returncode != 0
    assert "需要 Python ≥ 3.11" in refused.stderr and "Python 3.10.13" in refused.stderr
    assert not (checkout / ".venv").exists()

    # a venv an older make (or python3 -m venv by hand) left behind with Python 3.10
    (checkout / ".venv" / "bin").mkdir(parents=True)
    shutil.copy(old, checkout / ".venv" / "bin" / "python")
    (checkout / ".venv" / "left-by-3.10").touch()
    replaced = _make(checkout, new)
    assert replaced.returncode == 0, replaced.stderr
    assert not (checkout / ".venv" / "left-by-3.10").exists()
    assert (checkout / ".venv" / "bin" / "duban").exists()


# --- systemd: the unit against the README's install steps -------------------------------------------------------

def _unit() -> dict[str, list[str]]:
    keys: dict[str, list[str]] = {}
    for line in (REPO / "systemd" / "duban.service").read_text(encoding="utf-8").splitlines():
        if "=" in line and not line.startswith(("#", "[")):
            key, value = line.split("=", 1)
            keys.setdefault(key, []).append(value)
    return keys


def _install_steps() -> str:
    """The shell block of the README's section on running as a system service."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## 作为系统服务运行", 1)[1].split("\n## ", 1)[0]
    return section.split("```sh\n", 1)[1].split("```", 1)[0]


def test_readme_install_steps_create_what_the_unit_uses() -> None:
    unit, steps = _unit(), _install_steps()
    program = unit["ExecStart"][0].split()[0]
    venv = re.search(r"python3 -m venv (\S+)", steps)
    assert venv is not None and program == f"{venv.group(1)}/bin/duban"
    for doc in unit["Documentation"]:
        directory, name = doc.removeprefix("file://").rsplit("/", 1)
        assert re.search(rf"^sudo install .*[ /]{re.escape(name)} {re.escape(directory)}/?( |$)", steps, re.MULTILINE), \
            f"nothing installs {doc}"
    for credential in unit["LoadCredential"]:
        source = credential.split(":", 1)[1]
        assert re.search(rf"(install -d .*|tee ){re.escape(source)}( |$)", steps, re.MULTILINE), source
    for group in unit["SupplementaryGroups"]:
        assert f"groupadd --system {group}" in steps
    assert f"/etc/{unit['ConfigurationDirectory'][0]}/duban.toml" in unit["ExecStart"][0]


def test_sample_settings_edited_as_the_readme_says_write_only_where_the_unit_may(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Under ProtectSystem=strict the service writes its state directory and ReadWritePaths only: the
    sample's relative outbox (../outbox, i.e. /etc/outbox) would make every message fail."""
    unit, steps = _unit(), _install_steps()
    etc = tmp_path / "etc" / "duban"
    etc.mkdir(parents=True)
    settings = (REPO / "config" / "duban.toml").read_text(encoding="utf-8")
    for key in ("tasks", "units"):
        told = re.search(rf'{key} = "([^"]+)"', steps)
        assert told is not None, f"the README does not say what {key} to set"
        settings = re.sub(rf'^{key} = "[^"]+"', f'{key} = "{told.group(1)}"', settings, flags=re.MULTILINE)
    outbox = re.search(r'\[channels\.outbox\] dir = "([^"]+)"', steps)
    if outbox is not None:
        settings = re.sub(r'^dir = "[^"]+"', f'dir = "{outbox.group(1)}"', settings, flags=re.MULTILINE)
    (etc / "duban.toml").write_text(settings, encoding="utf-8")
    state_directory = f"/var/lib/{unit['StateDirectory'][0]}"
    monkeypatch.setenv("STATE_DIRECTORY", state_directory)

    loaded = load_settings(etc / "duban.toml")

    def as_installed(path: Path) -> Path:  # this test's etc/duban stands for /etc/duban
        resolved = Path(os.path.normpath(path))
        return Path("/etc/duban") / resolved.relative_to(etc) if resolved.is_relative_to(etc) else resolved

    writable = [Path(state_directory), *(Path(p.lstrip("-")) for p in unit["ReadWritePaths"])]
    for what, path in (("state", loaded.state), ("outbox", loaded.outbox), ("tasks", loaded.tasks[0])):
        where = as_installed(path)
        assert any(where.is_relative_to(w) for w in writable), f"{what}: {where} is not writable by the service"


def test_readme_operator_commands_use_the_services_state_and_credentials() -> None:
    """`duban feedback`/`link` run outside the unit without STATE_DIRECTORY read and write /etc/state/duban.db."""
    section = (REPO / "README.md").read_text(encoding="utf-8").split("\n## 作为系统服务运行", 1)[1].split("\n## ", 1)[0]
    for line in section.splitlines():
        if "/opt/duban/venv/bin/duban " in line and "ExecStart" not in line:
            assert "STATE_DIRECTORY=/var/lib/duban" in line and "CREDENTIALS_DIRECTORY=/etc/duban/credentials" in line, line


def test_unit_check_passes_in_a_checkout_whose_path_has_spaces(tmp_path: Path) -> None:
    """CI's systemd/verify.sh on a clone in "…/a b/督办": ExecStart= would split an unquoted path."""
    if shutil.which("systemd-analyze") is None:
        pytest.skip("systemd-analyze is not installed (.ci/run checks the unit only where it is)")
    checkout = tmp_path / "a b" / "督办 检出"
    shutil.copytree(REPO / "systemd", checkout / "systemd")
    (checkout / ".venv" / "bin").mkdir(parents=True)
    _stub(checkout / ".venv" / "bin" / "duban", "#!/bin/sh\n")
    done = subprocess.run(["bash", str(checkout / "systemd" / "verify.sh")], capture_output=True, text=True,
                          timeout=60, check=False)
    assert (done.returncode, done.stdout) == (0, "systemd-analyze security: exposure 1.3\n"), done.stdout + done.stderr


def test_listing_feedback_or_printing_a_link_creates_no_state_database(project: Project, duban: Duban) -> None:
    """An operator running `duban feedback` or `duban link UNIT` outside the unit without STATE_DIRECTORY
    points at a state that does not exist (/etc/state/duban.db): nothing is created there."""
    (project.root / "web_secret").write_text("s" * 48, encoding="utf-8")
    project.write("duban.toml", SETTINGS + '\n[web]\nlisten = "127.0.0.1:8650"\nbase_url = "https://duban.example.gov.cn"\n'
                                           'secret_file = "web_secret"\n')
    listed = duban("feedback", "--config", str(project.config))
    link = duban("link", "省司法厅", "--config", str(project.config), "--now", "2021-06-23T09:30")
    assert (listed.code, listed.out) == (0, "没有等待审核的反馈。\n")
    assert link.code == 0 and link.out.startswith("https://duban.example.gov.cn/u/"), link.err
    assert not (project.root / "state").exists()


@pytest.mark.parametrize("verb", ["accept", "reject"])
def test_deciding_feedback_on_a_state_that_does_not_exist_says_where_the_service_keeps_it(
        project: Project, duban: Duban, verb: str) -> None:
    """`duban feedback accept 1` outside the unit without STATE_DIRECTORY: no new empty state is made
    beside the settings; the message says which state to use."""
    result = duban("feedback", verb, "1", "--note", "同意", "--config", str(project.config))
    assert result.code == 1
    assert result.err.startswith(f"错误：状态数据库 {project.root / 'state' / 'duban.db'} 不存在，没有可审核的反馈：")
    assert "STATE_DIRECTORY=/var/lib/duban" in result.err
    assert not (project.root / "state").exists()
