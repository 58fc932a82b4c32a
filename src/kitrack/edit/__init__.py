"""Edits of the data files that keep them as written: `changes` makes each edit as text spliced into
the file (`document`), `apply` checks the whole data set with the changes before writing them
atomically; `numbers` reads figures typed the Indonesian or the English way."""
