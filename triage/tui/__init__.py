"""The Textual wizard. Imported only by ``triage`` without a subcommand; the engine never imports it."""
