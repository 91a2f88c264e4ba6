package io.github.packer2aib.core.mapping.packer;

import io.github.packer2aib.core.emit.DocWriter;
import io.github.packer2aib.core.packer.EnvironmentCredentials;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The output scan's search for the credentials of the converter's environment ({@link
 * EnvironmentCredentials}): each value as written, as JSON escapes it and as a region's name
 * normalizes it ({@link Secrets#normalizedForm}), all in one {@link MultiSearch}, so that a
 * template costs one pass whatever the number of credentials. Made once per environment: a bulk run
 * gives every template the same one, and the last one's search is kept.
 */
final class EnvironmentScan {
  private static final EnvironmentScan NONE =
      new EnvironmentScan(List.of(), List.of(), new int[0], null);

  private final List<EnvironmentCredentials.Entry> entries;

  /** What the search looks for, each form of each value once. */
  private final List<String> forms;

  /** The entry each of {@link #forms} is a form of. */
  private final int[] entryOf;

  /** The search for {@link #forms}; null when there are none. */
  private final MultiSearch search;

  private EnvironmentScan(
      List<EnvironmentCredentials.Entry> entries,
      List<String> forms,
      int[] entryOf,
      MultiSearch search) {
    this.entries = entries;
    this.forms = forms;
    this.entryOf = entryOf;
    this.search = search;
  }

  private static volatile EnvironmentScan last = NONE;

  /** The scan for {@code entries} (the list {@link EnvironmentCredentials#of} gave). */
  static EnvironmentScan of(List<EnvironmentCredentials.Entry> entries) {
    if (entries.isEmpty()) {
      return NONE;
    }
    EnvironmentScan known = last;
    if (known.entries == entries) {
      return known;
    }
    List<String> forms = new ArrayList<>();
    List<Integer> owners = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      String value = entries.get(i).value();
      add(value, i, forms, owners);
      add(DocWriter.jsonStringContent(value), i, forms, owners);
      Optional<String> normalized = Secrets.normalizedForm(value);
      if (normalized.isPresent()) {
        add(normalized.get(), i, forms, owners);
        add(DocWriter.jsonStringContent(normalized.get()), i, forms, owners);
      }
    }
    int[] entryOf = new int[owners.size()];
    for (int i = 0; i < entryOf.length; i++) {
      entryOf[i] = owners.get(i);
    }
    EnvironmentScan made =
        new EnvironmentScan(entries, List.copyOf(forms), entryOf, new MultiSearch(forms));
    last = made;
    return made;
  }

  private static void add(String form, int entry, List<String> forms, List<Integer> owners) {
    if (!forms.contains(form)) {
      forms.add(form);
      owners.add(entry);
    }
  }

  List<EnvironmentCredentials.Entry> entries() {
    return entries;
  }

  boolean isEmpty() {
    return search == null;
  }

  /**
   * The credential whose value {@code json} holds (as {@link CutText#contains} finds it, with the
   * user's options cut out), or empty.
   */
  Optional<EnvironmentCredentials.Entry> foundIn(CutText json) {
    if (search == null) {
      return Optional.empty();
    }
    // The pass reads the text as it was: a form found only inside an option that was cut out is
    // confirmed on the cut text, and refused.
    int found =
        search.find(
            json.original(),
            json.originalLowBytes(),
            i -> json.contains(new LowByteSearch(forms.get(i))));
    return found < 0 ? Optional.empty() : Optional.of(entries.get(entryOf[found]));
  }
}
