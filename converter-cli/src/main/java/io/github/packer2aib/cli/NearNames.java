package io.github.packer2aib.cli;

import io.github.packer2aib.core.diag.EditDistance;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * "Did you mean" for a mistyped option or command name, as git gives it: only the nearest names,
 * and only near ones. picocli's suggestions (a likeness of letter pairs) named far names ({@code
 * convet}: convert, completion or codes; {@code --prune}: --progress), missed a swap of two letters
 * ({@code --jbos}) and a name in another case ({@code --STRICT}, {@code --VERSION}), and {@code
 * help convet} had none.
 *
 * <p>Names are compared without their leading dashes and case, by edit distance with swaps of two
 * letters counted as one edit ({@link EditDistance}): a name of one or two letters must match
 * exactly ({@code -O} is {@code -o}), one of three or four may be one edit away, a longer one two.
 * Of the names within that, those at the least distance are offered.
 */
final class NearNames {
  private NearNames() {}

  /** Prints {@code Did you mean: …?} for {@code typed} among {@code names}, when any is near. */
  static void print(String typed, List<String> names, String prefix, PrintWriter err) {
    List<String> near = nearest(typed, names);
    if (near.isEmpty()) {
      return;
    }
    List<String> shown = new ArrayList<>();
    for (String name : near) {
      shown.add(prefix + name);
    }
    err.print("Did you mean: " + String.join(" or ", shown) + "?\n");
  }

  /** The names of {@code cmd}'s options that --help shows, long and short. */
  static List<String> optionNames(CommandLine cmd) {
    List<String> names = new ArrayList<>();
    for (OptionSpec option : cmd.getCommandSpec().options()) {
      if (!option.hidden()) {
        names.addAll(List.of(option.names()));
      }
    }
    return names;
  }

  /** The nearest of {@code names} to {@code typed} (see the class), in their order. */
  static List<String> nearest(String typed, List<String> names) {
    String word = bare(typed);
    int allowed = word.length() <= 2 ? 0 : word.length() <= 4 ? 1 : EditDistance.MAX;
    int best = allowed + 1;
    List<String> nearest = new ArrayList<>();
    for (String name : names) {
      int d = EditDistance.between(word, bare(name));
      if (d > allowed) {
        continue;
      }
      if (d < best) {
        best = d;
        nearest.clear();
      }
      if (d == best && !nearest.contains(name)) {
        nearest.add(name);
      }
    }
    return nearest;
  }

  /** The name without its leading dashes and its value, in lower case. */
  private static String bare(String name) {
    int start = 0;
    while (start < name.length() && name.charAt(start) == '-') {
      start++;
    }
    int eq = name.indexOf('=', start);
    return name.substring(start, eq < 0 ? name.length() : eq).toLowerCase(Locale.ROOT);
  }
}
