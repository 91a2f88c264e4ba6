package io.github.packer2aib.core.parse;

import io.github.packer2aib.core.doc.DocArray;
import io.github.packer2aib.core.doc.DocMember;
import io.github.packer2aib.core.doc.DocNode;
import io.github.packer2aib.core.doc.DocObject;
import io.github.packer2aib.core.doc.DocScalar;
import java.util.List;
import java.util.Objects;

/**
 * Structural equality of document trees that ignores where the nodes stand: ranges, key ranges and
 * the {@code untyped} reading hint. Members compare in order. Scalars are equal when they have the
 * same type and the same value as {@link DocText} renders it: strings by text, booleans by value
 * ({@code True} equals {@code true}), all nulls alike, numbers by their canonical JSON form ({@code
 * 0x1F} equals {@code 31}, but {@code 1.10} differs from {@code 1.1}, as their literals do).
 */
public final class DocEquality {
  private DocEquality() {}

  public static boolean equalIgnoringRanges(DocNode a, DocNode b) {
    if (a instanceof DocObject x && b instanceof DocObject y) {
      return membersEqual(x.members(), y.members());
    }
    if (a instanceof DocArray x && b instanceof DocArray y) {
      List<DocNode> p = x.items();
      List<DocNode> q = y.items();
      if (p.size() != q.size()) {
        return false;
      }
      for (int i = 0; i < p.size(); i++) {
        if (!equalIgnoringRanges(p.get(i), q.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof DocScalar x && b instanceof DocScalar y) {
      return x.type() == y.type() && DocText.render(x).equals(DocText.render(y));
    }
    return false;
  }

  private static boolean membersEqual(List<DocMember> p, List<DocMember> q) {
    if (p.size() != q.size()) {
      return false;
    }
    for (int i = 0; i < p.size(); i++) {
      DocMember m = p.get(i);
      DocMember n = q.get(i);
      if (!Objects.equals(m.key(), n.key()) || !equalIgnoringRanges(m.value(), n.value())) {
        return false;
      }
    }
    return true;
  }
}
