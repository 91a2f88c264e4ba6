package io.github.packer2aib.cli;

import io.github.packer2aib.core.aib.ApiVersion;
import io.github.packer2aib.core.validate.spec.SpecValidator;

/**
 * Compiles the API spec a single conversion will check against on a second thread while the
 * first reads, parses and maps the input. In a cold JVM reading and compiling the spec is tens of
 * milliseconds of interpreted code that nothing before the final check needs; the second core is
 * only partly busy with the JIT then. {@link SpecValidator#forVersion} compiles each version once
 * (a caller asking meanwhile waits for it), so the result is the same either way.
 */
final class SpecPreload implements Runnable {
  private final ApiVersion version;

  private SpecPreload(ApiVersion version) {
    this.version = version;
  }

  static void start(ApiVersion version) {
    // A class rather than a lambda: linking a lambda costs a cold start what this saves.
    Thread t = new Thread(new SpecPreload(version), "packer2aib-spec-preload");
    t.setDaemon(true);
    t.start();
  }

  @Override
  public void run() {
    try {
      SpecValidator.forVersion(version);
    } catch (RuntimeException | Error e) {
      // Nothing is printed from here: the conversion asks for the spec itself, meets the same
      // failure on its own thread and reports it as an internal error there.
    }
  }
}
