package io.github.packer2aib.cli;

/** How diagnostics are written to stderr. */
enum DiagnosticsFormat {
  /** For people: one block per diagnostic with the source line, then a summary line. */
  TEXT,
  /** For machines: one JSON array for the whole run and nothing else on stderr. */
  JSON
}
