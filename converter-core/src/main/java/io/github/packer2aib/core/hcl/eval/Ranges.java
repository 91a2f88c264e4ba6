package io.github.packer2aib.core.hcl.eval;

import io.github.packer2aib.core.source.Position;
import io.github.packer2aib.core.source.Range;

/** Ranges derived from the syntax tree's ranges, and HCL's way of printing them in messages. */
final class Ranges {
  private Ranges() {}

  /** From the start of {@code a} to the end of {@code b}. */
  static Range between(Range a, Range b) {
    if (b.end().offset() < a.start().offset()) {
      return a;
    }
    return new Range(a.file(), a.start(), b.end());
  }

  /** The part of {@code whole} after {@code head}: the brackets of {@code x[i]}. */
  static Range after(Range head, Range whole) {
    if (head.end().offset() > whole.end().offset() || !head.file().equals(whole.file())) {
      return whole;
    }
    return new Range(whole.file(), head.end(), whole.end());
  }

  /** The last character of a range on one line, such as the closing parenthesis of a call. */
  static Range lastCharacter(Range r) {
    Position end = r.end();
    if (end.offset() <= r.start().offset() || end.column() <= 1) {
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
