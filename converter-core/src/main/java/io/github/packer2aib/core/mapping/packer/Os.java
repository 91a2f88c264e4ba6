package io.github.packer2aib.core.mapping.packer;

/** The build VM's operating system ({@code os_type}): it decides which customizers can run. */
enum Os {
  LINUX("Linux"),
  WINDOWS("Windows");

  private final String label;

  Os(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }
}
