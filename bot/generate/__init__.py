"""Files derived from rules/ (`python -m bot gen`, `gen --check`): the NLU
lookups, the jieba dictionary and the fact block of domain.yml."""
