package io.github.packer2aib.core.hcl.eval;

import io.github.packer2aib.core.source.Position;
import io.github.packer2aib.core.source.Range;

/** Ranges derived from the syntax tree's ranges, and HCL's way of printing them in messages. */
final class Ranges {
  private Ranges() {}

  /** From the start of {@code a} to the end of {@code b}. */
  static Range between(Range a, Range b) {
    if (b.endOffset() < a.startOffset()) {
      return a;
    }
    return a.through(b);
  }

  /** The part of {@code whole} after {@code head}: the brackets of {@code x[i]}. */
  static Range after(Range head, Range whole) {
    if (head.endOffset() > whole.endOffset() || !head.file().equals(whole.file())) {
      return whole;
    }
    return whole.after(head);
  }

  /** The last character of a range on one line, such as the closing parenthesis of a call. */
  static Range lastCharacter(Range r) {
    Position end = r.end();
    if (end.offset() <= r.startOffset() || end.column() <= 1) {
      return r;
    }
    return new Range(r.file(), new Position(end.line(), end.column() - 1, end.offset() - 1), end);
  }

  /** HCL's {@code file:line,col-col} (or {@code file:line,col-line,col}) form. */
  static String hcl(Range r) {
    if (r.start().line() == r.end().line()) {
      return r.file() + ":" + r.start().line() + "," + r.start().column() + "-" + r.end().column();
    }
    return r.file()
        + ":"
        + r.start().line()
        + ","
        + r.start().column()
        + "-"
        + r.end().line()
        + ","
        + r.end().column();
  }
}
