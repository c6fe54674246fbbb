"""``python -m gwlint``: the command's own name as a module, forwarding to checker's CLI.

The package is ``checker``; this alias exists so the module name users type matches the
command they know, as ``python -m ruff`` does.  It holds no code of its own.
"""
