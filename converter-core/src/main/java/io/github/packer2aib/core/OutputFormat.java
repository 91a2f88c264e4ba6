package io.github.packer2aib.core;

/** The serialisation of converted templates. */
public enum OutputFormat {
  JSON("json"),
  YAML("yaml");

  private final String extension;

  OutputFormat(String extension) {
    this.extension = extension;
  }

  /** File name extension without the dot. */
  public String extension() {
    return extension;
  }
}
