package io.github.packer2aib.cli;

import io.github.packer2aib.core.diag.Diagnostic;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * CLI-W009: the output folder lies inside an input folder and holds templates of the tree. The
 * search leaves the output folder out (its files are outputs, and converting them again would
 * snowball), so {@code convert -r -o repo/aib repo} with source templates in {@code repo/aib} does
 * not convert them; the only sign was a CLI-W001 calling them image templates "not written by this
 * run", which reads as if they were someone else's leftovers, not sources left out of the run.
 *
 * <p>A template here is what the run would convert ({@link DocumentFile}, which the run reads its
 * files by): an HCL2 folder, a legacy Packer template or an AIB template, or a file it takes for
 * one and cannot read (a template saved as UTF-16); not a file the output folder's list says
 * packer2aib wrote (an earlier run's output as it was written), nor a JSON or YAML file that is no
 * template. CLI-W001 then does not name the image templates counted here: they are the tree's, not
 * outputs.
 */
final class TemplatesInOutput {
  private TemplatesInOutput() {}

  /** How many of the paths the warning names. */
  private static final int SHOWN = 3;

  /**
   * The templates of the tree in the output folder, and the warning about them (none when there are
   * none).
   *
   * @param inOutput their paths relative to the output folder ('/' separators), as the list of
   *     outputs and CLI-W001 name files
   */
  record Found(Set<String> inOutput, Optional<Diagnostic> warning) {
    static final Found NONE = new Found(Set.of(), Optional.empty());

    Found {
      inOutput = Set.copyOf(inOutput);
    }
  }

  /**
   * The templates of the tree that the output folder {@code output} (as the command line names it)
   * holds; {@code written} is its list of outputs as it was before the run.
   */
  static Found find(Discovery discovery, Path output, OutputManifest written) {
    List<String> templates = new ArrayList<>();
    Set<String> inOutput = new HashSet<>();
    for (Discovery.InOutput f : discovery.inOutputFolder()) {
      if (f.shape() == Discovery.Shape.DOCUMENT
          && (written.entries().containsKey(f.inOutput()) || !isTemplate(f.path(), f.shown()))) {
        continue;
      }
      templates.add(f.shown());
      inOutput.add(f.inOutput());
    }
    if (templates.isEmpty()) {
      return Found.NONE;
    }
    int n = templates.size();
    return new Found(
        inOutput,
        Optional.of(
            CliCode.TEMPLATES_IN_OUTPUT.diagnostic(
                (n == 1 ? "1 template is" : MessageLists.count(n) + " templates are")
                    + " left out of the run because "
                    + (n == 1 ? "it is" : "they are")
                    + " inside the output folder "
                    + output
                    + " ("
                    + MessageLists.capped(templates, SHOWN)
                    + "): the search never looks into the output folder, whose files it takes for"
                    + " outputs. To convert "
                    + (n == 1 ? "it" : "them")
                    + ", write the outputs into a folder that holds no templates (-o outside the"
                    + " input folders, or a new folder), or move "
                    + (n == 1 ? "it" : "them")
                    + " out of "
                    + output
                    + ".")));
  }

  /**
   * Whether a JSON or YAML file is one the run would convert, or fail to read, as a template. The
   * output folder is met by a walk of a root folder, never given alone.
   */
  private static boolean isTemplate(Path path, String shown) {
    return !(DocumentFile.read(path, shown, false) instanceof DocumentFile.NotATemplate);
  }
}
