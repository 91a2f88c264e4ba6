package io.github.packer2aib.core.bind.packer;

import java.util.ArrayList;
import java.util.List;

/**
 * What a value Packer needs while it reads the template, and that is not known then, depends on:
 * one wording for every message about such a value ({@code PKR-E018}, {@code PKR-E060}, {@code
 * PKR-W061}), in {@code convert}, where a variable without a value is an error of its own ({@code
 * PKR-E020}), and in {@code inspect}, where it is a note ({@code PKR-N033}). Before, a conversion
 * blamed "a data source or build.*" for a {@code timeout = var.timeout} whose variable had no
 * value, where inspect named the variable.
 *
 * @param references the references of the value's expression that have no value, traced through
 *     locals, as written ({@code var.timeout}, {@code build.ID}), and the calls whose result is
 *     never known here ({@code vault(…)}); empty when none could be found
 * @param unset those of {@code references} that read an input variable left without a value
 * @param inspecting whether such variables are allowed (inspect), where they are an error
 */
record UnknownOrigin(List<String> references, List<String> unset, boolean inspecting) {
  UnknownOrigin {
    references = List.copyOf(references);
    unset = List.copyOf(unset);
  }

  /** Whether only variables without a value make the value unknown. */
  boolean onlyUnsetVariables() {
    return !unset.isEmpty() && unset.size() == references.size();
  }

  /**
   * What the value depends on, after "depends on": {@code var.timeout, which has no value}, {@code
   * build.ID, which is known only when Packer runs}, or both.
   */
  String dependsOn() {
    List<String> runtime = new ArrayList<>(references);
    runtime.removeAll(unset);
    if (unset.isEmpty() && runtime.isEmpty()) {
      // Nothing found to name (rare): what makes a value unknown while the template is read.
      return "a value known only when Packer runs (a data source or build.*)";
    }
    StringBuilder b = new StringBuilder();
    if (!unset.isEmpty()) {
      b.append(and(unset))
          .append(unset.size() == 1 ? ", which has no value" : ", which have no value");
    }
    if (!runtime.isEmpty()) {
      b.append(b.length() > 0 ? ", and on " : "")
          .append(and(runtime))
          .append(
              runtime.size() == 1
                  ? ", which is known only when Packer runs"
                  : ", which are known only when Packer runs");
    }
    return b.toString();
  }

  /**
   * What to do, as a sentence: give the variables without a value one ({@code forWhat}, as "to
   * inspect this part", when inspecting), else {@code otherwise}.
   */
  String advice(String forWhat, String otherwise) {
    if (unset.isEmpty()) {
      return otherwise;
    }
    return (unset.size() == 1 ? "Give the variable a value" : "Give the variables values")
        + " (--var NAME=VALUE)"
        + (inspecting ? " " + forWhat : "")
        + ".";
  }

  /** "a", "a and b", "a, b and c". */
  private static String and(List<String> items) {
    if (items.size() == 1) {
      return items.get(0);
    }
    return String.join(", ", items.subList(0, items.size() - 1))
        + " and "
        + items.get(items.size() - 1);
  }
}
