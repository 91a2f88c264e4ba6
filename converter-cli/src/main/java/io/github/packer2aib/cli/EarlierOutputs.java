package io.github.packer2aib.cli;

import io.github.packer2aib.core.bind.PackerTemplates;
import io.github.packer2aib.core.source.SourceFile;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Image templates in a bulk run's output folder that the run did not write: outputs of an earlier
 * run whose template was removed, renamed or skipped, failed this time, or now writes another name
 * or format. The run leaves them in place (they may be someone's), but a folder meant to mirror the
 * repository that still holds them would deploy images nobody converts any more, so the run names
 * them.
 *
 * <p>Only what can hold such files is looked through: folders that existed before the run (one it
 * made holds only its outputs), no hidden entries, no symbolic links, not the input roots (when the
 * output folder contains one) and not the report. A JSON or YAML file counts when its content is an
 * AIB image template naming its resource type, as every output does, by the same rules that
 * classify inputs, so other files kept beside the outputs are not named.
 */
final class EarlierOutputs {
  /** Why one such file is there, and what to do (a clause, without the final stop). */
  static final String WHY_ONE =
      "an earlier run wrote it, and its template was removed, renamed or skipped, failed this"
          + " time, or now writes another name or format. Delete it if it is stale";

  /** {@link #WHY_ONE} for several. */
  static final String WHY_MANY =
      "earlier runs wrote them, and their templates were removed, renamed or skipped, failed"
          + " this time, or now write another name or format. Delete them if they are stale";

  private EarlierOutputs() {}

  /**
   * The paths, relative to {@code out} with {@code /} separators and sorted, of the image templates
   * under {@code out} that are not among {@code written} (this run's outputs, relative to {@code
   * out}); {@code skipped} are paths never looked into (input roots, the report).
   */
  static List<String> find(
      Path out, Collection<String> written, OutputFolders folders, Collection<Path> skipped)
      throws IOException {
    if (!Files.isDirectory(out) || folders.madeByRun(out)) {
      return List.of();
    }
    Set<String> ours = new HashSet<>(written);
    Set<Path> never = new HashSet<>();
    Set<String> neverNames = new HashSet<>();
    for (Path p : skipped) {
      never.addAll(Discovery.forms(p));
      if (p.getFileName() != null) {
        neverNames.add(p.getFileName().toString());
      }
    }
    // Through a symbolic link to the folder when the output folder is one (a walk does not follow
    // the link it starts from); paths are then named as under the folder as given.
    Path start = Files.isSymbolicLink(out) ? out.resolve(".") : out;
    List<String> found = new ArrayList<>();
    Files.walkFileTree(
        start,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            Path given = out.resolve(start.relativize(dir));
            boolean top = dir.equals(start);
            if (!top && (hidden(dir) || folders.madeByRun(given) || skip(dir))) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (!attrs.isRegularFile() || hidden(file) || !document(file) || skip(file)) {
              return FileVisitResult.CONTINUE;
            }
            String relative = relative(start, file);
            if (!ours.contains(relative) && imageTemplate(file, attrs.size())) {
              found.add(relative);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            // Unreadable entries cannot be checked; the run is about its own outputs.
            return FileVisitResult.CONTINUE;
          }

          /** An input root or the report, however either path was written. */
          private boolean skip(Path p) {
            Path name = p.getFileName();
            if (name == null || !neverNames.contains(name.toString())) {
              return false; // the common case, without a system call
            }
            for (Path form : Discovery.forms(p)) {
              if (never.contains(form)) {
                return true;
              }
            }
            return false;
          }
        });
    found.sort(null);
    return found;
  }

  private static boolean hidden(Path p) {
    Path name = p.getFileName();
    return name != null && name.toString().startsWith(".");
  }

  private static boolean document(Path file) {
    String name = file.getFileName().toString();
    return name.toLowerCase(Locale.ROOT).endsWith(".json") || TemplateKind.isYaml(name);
  }

  private static String relative(Path out, Path file) {
    StringBuilder s = new StringBuilder();
    for (Path part : out.relativize(file)) {
      if (s.length() > 0) {
        s.append('/');
      }
      s.append(part);
    }
    return s.toString();
  }

  /**
   * Whether the file holds an image template naming its type (a broken one included), as inputs are
   * classified.
   */
  static boolean imageTemplate(Path file, long size) {
    if (size > Discovery.MAX_DOCUMENT_BYTES) {
      return false;
    }
    Input input = InputReader.readFile(file, file.toString(), Discovery.MAX_DOCUMENT_BYTES);
    if (!(input instanceof Input.Loaded loaded)) {
      return false;
    }
    SourceFile source = loaded.source();
    // Every output names the resource type: other JSON kept in the folder (data, say) is passed
    // over without being parsed, however much of it there is.
    return source.text().contains(TYPE)
        && PackerTemplates.classify(source).form() == PackerTemplates.Form.AIB;
  }

  /** The resource type every output names (JSON and YAML alike). */
  private static final String TYPE = "Microsoft.VirtualMachineImages/imageTemplates";
}
