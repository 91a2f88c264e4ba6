package io.github.packer2aib.cli;

/** What a template found by {@code convert -r} is written in, as the report names it. */
enum TemplateKind {
  HCL2_FOLDER("HCL2 folder"),
  HCL2_FILE("HCL2 file"),
  HCL2_JSON("HCL2 JSON"),
  LEGACY_JSON("legacy JSON"),
  LEGACY_YAML("legacy YAML"),
  AIB_JSON("AIB JSON"),
  AIB_YAML("AIB YAML"),
  /** Not a template (skipped), or not read at all. */
  NONE("none");

  private final String label;

  TemplateKind(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }

  /** A Packer template, which the Packer input and mapping options apply to. */
  boolean packer() {
    return this != NONE && !aib();
  }

  boolean aib() {
    return this == AIB_JSON || this == AIB_YAML;
  }

  static boolean isYaml(String fileName) {
    String lower = fileName.toLowerCase(java.util.Locale.ROOT);
    return lower.endsWith(".yaml") || lower.endsWith(".yml");
  }
}
