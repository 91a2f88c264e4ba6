package io.github.packer2aib.core.doc;

import io.github.packer2aib.core.source.Range;
import java.util.List;
import java.util.Optional;

/** An object (JSON object, YAML mapping) with its members in source order; keys are unique. */
public record DocObject(List<DocMember> members, Range range) implements DocNode {
  public DocObject {
    members = members instanceof OwnedList ? members : List.copyOf(members);
  }

  /**
   * An object over the first {@code count} members of an array that the caller hands over: they
   * must not be null, and the caller must never change the array afterwards, as it is not copied
   * (the output writer builds every template this way; see {@link OwnedList}).
   */
  public static DocObject owning(DocMember[] members, int count, Range range) {
    return new DocObject(new OwnedList<>(members, count), range);
  }

  public Optional<DocMember> member(String key) {
    return Optional.ofNullable(memberOrNull(key));
  }

  /**
   * {@link #member} without the Optional, null when absent: checks ask for every required key of
   * every object, and C1 code allocates each Optional.
   */
  public DocMember memberOrNull(String key) {
    // By index: members is a copied (random-access) list, and in the C1 code of bulk runs a
    // for-each loop allocates an iterator for every lookup.
    for (int i = 0; i < members.size(); i++) {
      DocMember m = members.get(i);
      if (m.key().equals(key)) {
        return m;
      }
    }
    return null;
  }

  public Optional<DocNode> get(String key) {
    return member(key).map(DocMember::value);
  }

  /** The member whose key equals {@code key} ignoring case, for "wrong case" diagnostics. */
  public Optional<DocMember> memberIgnoringCase(String key) {
    for (DocMember m : members) {
      if (m.key().equalsIgnoreCase(key)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  /**
   * The member {@code key} as ARM reads it: the exact key, else the first one that differs only in
   * case ({@code "ApiVersion"}), which ARM takes for the same property.
   */
  public Optional<DocMember> memberAnyCase(String key) {
    Optional<DocMember> exact = member(key);
    return exact.isPresent() ? exact : memberIgnoringCase(key);
  }

  /** The string value of a member, if it is a string scalar. */
  public Optional<String> string(String key) {
    return get(key).flatMap(DocScalar::stringValue);
  }

  @Override
  public String kindName() {
    return "an object";
  }
}
