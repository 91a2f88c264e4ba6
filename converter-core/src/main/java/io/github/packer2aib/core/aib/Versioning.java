package io.github.packer2aib.core.aib;

/** How AIB numbers new gallery image versions (API 2022-07-01 and later), by {@code scheme}. */
public sealed interface Versioning {

  String scheme();

  /** Next version after the latest one, within {@code major} (-1: the highest major). */
  record Latest(IntValue major) implements Versioning {
    @Override
    public String scheme() {
      return "Latest";
    }
  }

  /** The version number of the source image. */
  record Source() implements Versioning {
    @Override
    public String scheme() {
      return "Source";
    }
  }
}
