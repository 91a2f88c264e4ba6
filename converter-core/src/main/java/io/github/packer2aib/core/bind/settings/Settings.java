package io.github.packer2aib.core.bind.settings;

import io.github.packer2aib.core.diag.Diagnostic;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A bound settings file: the {@code defaults} layer and the {@code templates} entries in file
 * order. Immutable; {@link #forTemplate} may be called from several threads.
 */
public final class Settings {
  private static final Settings EMPTY = new Settings(TemplateSettings.EMPTY, List.of());

  private final TemplateSettings defaults;
  private final List<Entry> entries;

  Settings(TemplateSettings defaults, List<Entry> entries) {
    this.defaults = defaults;
    this.entries = List.copyOf(entries);
  }

  /** Settings that set nothing, for a run without a settings file. */
  public static Settings empty() {
    return EMPTY;
  }

  /**
   * The settings of the template at {@code relativePath} (relative to the input root, with '/'
   * separators): the defaults, then every entry whose glob matches, in file order.
   */
  public TemplateSettings forTemplate(String relativePath) {
    TemplateSettings merged = defaults;
    for (Entry e : entries) {
      if (e.matches(relativePath)) {
        merged = merged.then(e.layer());
      }
    }
    return merged;
  }

  /**
   * A warning, at the entry's {@code path}, for every entry that matches none of {@code
   * templatePaths}: a glob that selects nothing is almost always a typo, and it would otherwise go
   * unnoticed while its settings silently do not apply.
   */
  public List<Diagnostic> unused(Collection<String> templatePaths) {
    List<Diagnostic> out = new ArrayList<>();
    for (Entry e : entries) {
      boolean used = false;
      for (String p : templatePaths) {
        if (e.matches(p)) {
          used = true;
          break;
        }
      }
      if (!used) {
        out.add(
            Diagnostic.of(
                    SettingsCode.UNUSED_ENTRY,
                    e.pathRange(),
                    "The entry with path \""
                        + e.glob()
                        + "\" matches no template; check the glob against the paths listed in"
                        + " the report. Paths are relative to the input root (with several"
                        + " roots, they start with the root's folder name, as in the report), with"
                        + " '/' separators; '*' stays within one folder, '**' crosses folders.")
                .withPath(e.pointer()));
      }
    }
    return out;
  }
}
