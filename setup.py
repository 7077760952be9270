"""Packaging glue pyproject.toml cannot express: ship the top-level db/ and resources/ inside the wheel."""

from setuptools import find_packages, setup

setup(
    packages=find_packages(include=["kam_desktop", "kam_desktop.*"])
    + ["kam_desktop._db", "kam_desktop._db.versions", "kam_desktop._resources"],
    package_dir={"kam_desktop._db": "db", "kam_desktop._resources": "resources"},
)
