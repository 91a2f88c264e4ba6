package io.github.packer2aib.cli;

import io.github.packer2aib.core.ConvertedTemplate;
import io.github.packer2aib.core.aib.Customizer;
import io.github.packer2aib.core.diag.ControlCharacters;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.SecretScrubber;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The upload addresses of a run's templates (of a bulk run, or of the several inputs of a plain
 * convert or validate), to find one given to different files. Within a template the mapper refuses
 * that (PKRMAP-E316); across templates only the run can see it: two templates whose scripts outside
 * the conversion root have the same file name (known by it alone) but different contents, or
 * settings that give two templates base URIs that meet. Only one file can be uploaded to an
 * address, so the other template's step fails its checksum when Image Builder runs it: a warning at
 * the end of the run names the address and a template of each file. Tasks add from several threads;
 * the warning names the first template of each file by path, so it reads the same whatever {@code
 * --jobs} is.
 */
final class SharedUploads {
  /** Address → checksum of the file there → the first template (by path) that uploads it. */
  private final Map<String, Map<String, String>> byAddress = new ConcurrentHashMap<>();

  /** Notes the uploads of {@code template}, converted from the candidate {@code path}. */
  void add(String path, ConvertedTemplate template) {
    List<Customizer> steps = template.template().properties().customize();
    if (steps == null) {
      return;
    }
    for (int i = 0; i < steps.size(); i++) { // by index: every template of a bulk run comes here
      Customizer c = steps.get(i);
      if (c instanceof Customizer.Shell s) {
        add(s.scriptUri(), s.sha256Checksum(), path);
      } else if (c instanceof Customizer.PowerShell p) {
        add(p.scriptUri(), p.sha256Checksum(), path);
      } else if (c instanceof Customizer.File f) {
        add(f.sourceUri(), f.sha256Checksum(), path);
      }
    }
  }

  private void add(String uri, String sha256, String path) {
    if (uri == null || sha256 == null) {
      return;
    }
    byAddress
        .computeIfAbsent(uri, k -> new ConcurrentHashMap<>(2))
        .merge(sha256.toLowerCase(Locale.ROOT), path, (a, b) -> a.compareTo(b) <= 0 ? a : b);
  }

  /** The addresses given to different files: address → the first template of each file, sorted. */
  Map<String, List<String>> conflicts() {
    Map<String, List<String>> out = new TreeMap<>();
    for (Map.Entry<String, Map<String, String>> e : byAddress.entrySet()) {
      if (e.getValue().size() > 1) {
        List<String> templates = new ArrayList<>(e.getValue().values());
        templates.sort(null);
        out.put(e.getKey(), templates);
      }
    }
    return out;
  }

  /** The warning under the summary table, or nothing. */
  String text() {
    Map<String, List<String>> conflicts = conflicts();
    if (conflicts.isEmpty()) {
      return "";
    }
    StringBuilder s =
        new StringBuilder("\nwarning: ")
            .append(Report.plural(conflicts.size(), "upload address"))
            .append(conflicts.size() == 1 ? " is" : " are")
            .append(" given to different files (")
            .append(CliCode.UPLOAD_ADDRESS_SHARED.id())
            .append("): ")
            .append(WHY)
            .append(":\n");
    for (Map.Entry<String, List<String>> e : conflicts.entrySet()) {
      s.append("  ")
          .append(ControlCharacters.escape(SecretScrubber.scrub(e.getKey())))
          .append(": ")
          .append(ControlCharacters.escape(SecretScrubber.scrub(String.join(", ", e.getValue()))))
          .append('\n');
    }
    return s.toString();
  }

  /** One diagnostic per address given to different files, for JSON diagnostics. */
  List<Diagnostic> diagnostics() {
    List<Diagnostic> all = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : conflicts().entrySet()) {
      all.add(
          CliCode.UPLOAD_ADDRESS_SHARED.diagnostic(
              e.getKey()
                  + " is the upload address of different files in "
                  + String.join(", ", e.getValue())
                  + ": "
                  + WHY
                  + "."));
    }
    return all;
  }

  private static final String WHY =
      "only one file can be uploaded there, so the steps of the other templates fail their"
          + " checksums. A file outside the folder converted is known by its file name alone:"
          + " convert from a folder that holds these files, or rename one";
}
