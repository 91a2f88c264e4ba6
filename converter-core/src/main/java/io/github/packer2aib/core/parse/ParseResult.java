package io.github.packer2aib.core.parse;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.doc.DocNode;
import java.util.List;

/**
 * What a reader made of one file: the documents it could read (JSON: at most one; YAML: one per
 * document of the stream) and every diagnostic it found. When there are errors, {@code documents}
 * holds only what could be read soundly and may be empty.
 */
public record ParseResult(List<DocNode> documents, List<Diagnostic> diagnostics) {

  public ParseResult {
    documents = List.copyOf(documents);
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean hasErrors() {
    for (Diagnostic d : diagnostics) {
      if (d.isError()) {
        return true;
      }
    }
    return false;
  }
}
