package io.github.packer2aib.core.mapping.packer;

import io.github.packer2aib.core.aib.Customizer;

/** Small operations on customizers. */
final class Customizers {
  private Customizers() {}

  static Customizer renamed(Customizer c, String name) {
    if (c instanceof Customizer.Shell s) {
      return new Customizer.Shell(name, s.scriptUri(), s.sha256Checksum(), s.inline());
    }
    if (c instanceof Customizer.PowerShell p) {
      return new Customizer.PowerShell(
          name,
          p.scriptUri(),
          p.sha256Checksum(),
          p.inline(),
          p.runElevated(),
          p.runAsSystem(),
          p.validExitCodes());
    }
    if (c instanceof Customizer.File f) {
      return new Customizer.File(name, f.sourceUri(), f.destination(), f.sha256Checksum());
    }
    if (c instanceof Customizer.WindowsRestart r) {
      return new Customizer.WindowsRestart(
          name, r.restartCommand(), r.restartCheckCommand(), r.restartTimeout());
    }
    Customizer.WindowsUpdate w = (Customizer.WindowsUpdate) c;
    return new Customizer.WindowsUpdate(name, w.searchCriteria(), w.filters(), w.updateLimit());
  }
}
