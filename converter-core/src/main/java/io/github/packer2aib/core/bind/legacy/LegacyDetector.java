package io.github.packer2aib.core.bind.legacy;

import io.github.packer2aib.core.doc.DocNode;
import io.github.packer2aib.core.doc.DocObject;

/** Tells a legacy Packer template (JSON, or the same structure in YAML) from other documents. */
public final class LegacyDetector {
  private LegacyDetector() {}

  /**
   * Whether the document is an object with a top-level {@code builders} key (in any case, as Packer
   * matches root keys ignoring case).
   */
  public static boolean looksLikeLegacy(DocNode document) {
    return document instanceof DocObject o && o.memberIgnoringCase("builders").isPresent();
  }
}
