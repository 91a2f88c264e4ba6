package io.github.packer2aib.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * The same file or folder given twice to a command without {@code -r}: a usage error, as a root
 * given twice is with {@code -r}. Overlapping shell globs ({@code *.yaml dir/../*.yaml}) give it;
 * converted twice, it wrote two identical templates of one Azure name (deploying both creates or
 * replaces one image template) with only notes that the second file was renamed. Compared as given
 * and as the file system resolves it, so a symbolic link to an input is the same input.
 */
final class RepeatedInputs {
  private RepeatedInputs() {}

  /**
   * @param verb what the command does to a template: "converted", "checked"
   */
  static void check(CommandSpec spec, List<String> inputs, String verb) {
    List<List<Path>> seen = new ArrayList<>();
    List<String> named = new ArrayList<>();
    for (String input : inputs) {
      if (input.equals("-") || input.isEmpty()) {
        continue; // stdin (given once, checked apart) is no file; an empty input is refused apart
      }
      List<Path> forms;
      try {
        forms = Discovery.forms(Path.of(input));
      } catch (InvalidPathException e) {
        continue; // reported as unreadable when the input is read
      }
      for (int i = 0; i < seen.size(); i++) {
        // Without -r a folder is one template, not a tree: only the same file or folder counts.
        if (overlap(forms, false, seen.get(i), false) != null) {
          boolean asGiven = forms.get(0).equals(seen.get(i).get(0));
          throw new ParameterException(
              spec.commandLine(),
              (asGiven
                      ? "the input " + input + " is given twice"
                      : "the inputs "
                          + named.get(i)
                          + " and "
                          + input
                          + " are the same file or folder (through a symbolic link)")
                  + ", so its templates would be "
                  + verb
                  + " twice: give it once");
        }
      }
      seen.add(forms);
      named.add(input);
    }
  }

  /**
   * How two inputs (roots of -r), each in its {@link Discovery#forms} (as given first), overlap:
   * "same", "holds" (one holds the other as given), "link" (only as the file system resolves them),
   * or null.
   */
  static String overlap(List<Path> a, boolean aFolder, List<Path> b, boolean bFolder) {
    String found = null;
    for (int i = 0; i < a.size(); i++) {
      for (int j = 0; j < b.size(); j++) {
        Path x = a.get(i);
        Path y = b.get(j);
        if (x.equals(y)) {
          return "same";
        }
        if ((bFolder && x.startsWith(y)) || (aFolder && y.startsWith(x))) {
          found = found == null && i == 0 && j == 0 ? "holds" : found == null ? "link" : found;
        }
      }
    }
    return found;
  }
}
