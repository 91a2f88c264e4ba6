package io.github.packer2aib.cli;

import io.github.packer2aib.core.aib.ApiVersion;
import io.github.packer2aib.core.hcl.function.FunctionRegistry;
import io.github.packer2aib.core.validate.spec.SpecValidator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Prepares, on a second thread, what a single conversion needs later and does not depend on its
 * input, while the first thread reads, parses and maps the input: Packer's pure functions (for
 * evaluation), the SHA-256 digest (for script checksums) and the compiled API spec (for the final
 * check), in the order they are needed. In a cold JVM each is milliseconds to tens of milliseconds
 * of interpreted code; the second core is only partly busy with the JIT then. Each is made once
 * and shared (a thread asking meanwhile waits for it), so the results are the same either way.
 */
final class Preload implements Runnable {
  private final ApiVersion version;

  private Preload(ApiVersion version) {
    this.version = version;
  }

  /** Starts preparing for a conversion checked against {@code version}. */
  static void start(ApiVersion version) {
    // A class rather than a lambda: linking a lambda costs a cold start what this saves.
    Thread t = new Thread(new Preload(version), "packer2aib-preload");
    t.setDaemon(true);
    t.start();
  }

  @Override
  public void run() {
    try {
      FunctionRegistry.definePureFunctions();
      MessageDigest.getInstance("SHA-256");
      SpecValidator.forVersion(version);
    } catch (RuntimeException | Error | NoSuchAlgorithmException e) {
      // Nothing is printed from here: the conversion asks for each itself, meets the same
      // failure on its own thread and reports it there.
    }
  }
}
