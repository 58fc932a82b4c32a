"""What the commands show, built once from a loaded data set: the list tables, the status board
and the detail of one record."""
