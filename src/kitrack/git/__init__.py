"""The data at a git revision, the files changed since one, and the semantic diff."""
