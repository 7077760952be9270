"""The Windows release's sources: one version everywhere, the Windows lock covering the project's dependencies,
and the NSIS script compiling into a per-user 64-bit installer that carries that version (makensis, real)."""

from __future__ import annotations

import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement

import kam_desktop

ROOT = Path(__file__).resolve().parents[2]
INSTALLER = ROOT / "installer"


def pinned() -> dict[str, tuple[str, list[str]]]:
    """installer/windows-requirements.txt as {name: (version, hashes)}."""
    pins: dict[str, tuple[str, list[str]]] = {}
    for block in re.split(r"\n(?=[a-z0-9])", (INSTALLER / "windows-requirements.txt").read_text()):
        match = re.match(r"([a-z0-9._-]+)==([^\s\\]+)", block)
        if match:
            pins[match[1].lower().replace("_", "-")] = (match[2], re.findall(r"--hash=sha256:([0-9a-f]{64})", block))
    return pins


def test_every_runtime_dependency_is_pinned_for_windows_with_hashes_in_its_range() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    pins = pinned()
    for line in project["dependencies"] + project["optional-dependencies"]["installer"]:
        requirement = Requirement(line)
        name = re.sub(r"[._]", "-", requirement.name.lower())
        assert name in pins, f"{name} is not in installer/windows-requirements.txt: rerun the uv pip compile there"
        version, hashes = pins[name]
        assert requirement.specifier.contains(version), f"{name}=={version} is outside pyproject's {requirement}"
        assert hashes, f"{name} is pinned without a hash"
    assert "pywin32-ctypes" in pins and "secretstorage" not in pins  # resolved for Windows, not for Linux


def test_the_version_has_one_source() -> None:
    spec = (INSTALLER / "kam_desktop.spec").read_text()
    nsis = (INSTALLER / "kam_desktop.nsi").read_text()
    assert "from kam_desktop import __version__" in spec
    assert not re.search(r"\d+\.\d+\.\d+", nsis), "the installer script must take its version from -DVERSION"
    assert 'version = { attr = "kam_desktop.__version__" }' in (ROOT / "pyproject.toml").read_text()


@pytest.mark.skipif(shutil.which("makensis") is None, reason="needs Debian's nsis (.ci/windows installs it)")
def test_the_installer_script_compiles_into_a_per_user_64_bit_installer(tmp_path: Path) -> None:
    app = tmp_path / "KAM-Desktop"
    (app / "_internal").mkdir(parents=True)
    for name in ("kam-desktop.exe", "kamctl.exe", "_internal/base_library.zip"):
        (app / name).write_bytes(b"stand-in for the frozen app")
    setup = tmp_path / "setup.exe"
    subprocess.run(["makensis", "-V2", "-XTarget amd64-unicode", f"-DVERSION={kam_desktop.__version__}",
                    f"-DAPPDIR={app}", f"-DOUTFILE={setup}", f"-DICON={INSTALLER / 'kam-desktop.ico'}",
                    str(INSTALLER / "kam_desktop.nsi")], check=True, capture_output=True, timeout=120)
    binary = setup.read_bytes()
    assert binary[:2] == b"MZ" and b"PE\0\0d\x86" in binary[:1024]  # a PE file for x64 (machine 0x8664)
    # the version resource (VIAddVersionKey) holds its strings in UTF-16
    resource = "ProductVersion\0".encode("utf-16-le")
    assert resource in binary
    assert f"{kam_desktop.__version__}\0".encode("utf-16-le") in binary
    assert b'level="asInvoker"' in binary  # RequestExecutionLevel user: no UAC prompt, no admin rights


def test_the_uninstaller_keeps_the_data_unless_asked() -> None:
    nsis = (INSTALLER / "kam_desktop.nsi").read_text()
    uninstall = nsis[nsis.index('Section "Uninstall"'):]
    assert "MB_DEFBUTTON2" in uninstall and "/SD IDNO" in uninstall  # the default answer keeps the data
    assert uninstall.count('RMDir /r "${DATADIR}"') == 2  # only after /PURGE or a Yes
    assert "$LOCALAPPDATA\\Programs" in nsis and "HKCU" in nsis and "HKLM" not in nsis
