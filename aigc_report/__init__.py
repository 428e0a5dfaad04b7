"""The data of the AIGC copyright report: rulings, glossary, tables, errata, rules.

>>> from aigc_report import load_dataset, repo_root
>>> data = load_dataset(repo_root())
>>> "li-v-liu-ai-image" in data.rulings
True
"""

from .checker import check, default_dataset, load_dataset, repo_root
from .problems import DataError, Problem

__version__ = "0.1.0"
__all__ = ["DataError", "Problem", "check", "default_dataset", "load_dataset", "repo_root"]
