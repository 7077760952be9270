"""Packaging glue pyproject.toml cannot express: ship the top-level db/, resources/ and docs/ (the user guides) inside the wheel."""

from setuptools import find_packages, setup

setup(
    packages=find_packages(include=["kam_desktop", "kam_desktop.*"])
    + ["kam_desktop._db", "kam_desktop._db.versions", "kam_desktop._resources", "kam_desktop._docs"],
    package_dir={"kam_desktop._db": "db", "kam_desktop._resources": "resources", "kam_desktop._docs": "docs"},
)
