"""Everything that turns values into text: the label catalogue and its languages, the table
renderers, and the reporters of problems."""
