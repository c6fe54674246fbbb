"""`gwlint lsp`: a language server that shows gwlint's findings in editors."""
