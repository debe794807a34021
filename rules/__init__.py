"""The built-in rules, one module per family; each module is a pluggy plugin."""
