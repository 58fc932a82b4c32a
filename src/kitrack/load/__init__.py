"""Reading a data directory: bounded file reading, YAML to plain data with positions, validation
against the models, and the Dataset."""
