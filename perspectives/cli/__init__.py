"""The command line: `python -m perspectives COMMAND` (or `perspectives COMMAND` once
installed). `main` builds the parser from the command modules and runs one."""
