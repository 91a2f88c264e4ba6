package io.github.packer2aib.cli;

import io.github.packer2aib.core.aib.ApiVersion;
import io.github.packer2aib.core.hcl.function.FunctionRegistry;
import io.github.packer2aib.core.source.Sha256;
import io.github.packer2aib.core.validate.spec.SpecValidator;

/**
 * Prepares, on a second thread, what a single conversion needs later and does not depend on its
 * input, while the first thread reads, parses and maps the input: for HCL2 templates Packer's pure
 * functions (evaluation) and the SHA-256 digest (script checksums), then for every input the
 * compiled API spec (the final check), in the order a conversion needs them. In a cold JVM each is
 * milliseconds to tens of milliseconds of interpreted code, and the second core is only partly busy
 * with the JIT then; what an input does not need is left out, as it would only compete with the JIT
 * (an AIB YAML template needs just the spec). A bulk run ({@code convert -r}) starts it before
 * reading its folders, which leaves a core partly idle (measured 1-2% faster over 10,000
 * templates). Each is made once and shared (a thread asking meanwhile waits for it), so the results
 * are the same either way.
 */
final class Preload implements Runnable {
  private final ApiVersion version;
  private final boolean hcl2;

  private Preload(ApiVersion version, boolean hcl2) {
    this.version = version;
    this.hcl2 = hcl2;
  }

  /**
   * Starts preparing for a conversion checked against {@code version}; {@code hcl2} when an input
   * is an HCL2 template by its name.
   */
  static void start(ApiVersion version, boolean hcl2) {
    // A class rather than a lambda: linking a lambda costs a cold start what this saves.
    Thread t = new Thread(new Preload(version, hcl2), "packer2aib-preload");
    t.setDaemon(true);
    t.start();
  }

  @Override
  public void run() {
    try {
      if (hcl2) {
        FunctionRegistry.definePureFunctions();
        Sha256.fresh();
      }
      SpecValidator.forVersion(version);
    } catch (RuntimeException | Error e) {
      // Nothing is printed from here: the conversion asks for each itself, meets the same
      // failure on its own thread and reports it there.
    }
  }
}
