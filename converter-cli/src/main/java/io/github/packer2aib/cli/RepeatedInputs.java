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
        if (shared(forms, seen.get(i))) {
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

  private static boolean shared(List<Path> a, List<Path> b) {
    for (Path x : a) {
      if (b.contains(x)) {
        return true;
      }
    }
    return false;
  }
}
