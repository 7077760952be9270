"""Packaging glue pyproject.toml cannot express: ship the top-level db/ (Alembic) inside the wheel."""

from setuptools import find_packages, setup

setup(
    packages=find_packages(include=["kam_desktop", "kam_desktop.*"]) + ["kam_desktop._db", "kam_desktop._db.versions"],
    package_dir={"kam_desktop._db": "db"},
    package_data={"kam_desktop._db": ["alembic.ini", "script.py.mako"]},
)
