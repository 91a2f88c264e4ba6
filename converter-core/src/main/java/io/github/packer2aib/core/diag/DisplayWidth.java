package io.github.packer2aib.core.diag;

/**
 * How many terminal columns a character takes, as terminals draw it (after Markus Kuhn's {@code
 * wcwidth}): two for East Asian wide and fullwidth characters and the emoji blocks, none for
 * combining marks, one for the rest. The caret under a diagnostic's source line is placed by it, so
 * that it stands under the subject on a line with Chinese or Japanese text before it.
 */
final class DisplayWidth {
  private DisplayWidth() {}

  static int of(int codePoint) {
    int type = Character.getType(codePoint);
    if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK) {
      return 0;
    }
    return wide(codePoint) ? 2 : 1;
  }

  private static boolean wide(int cp) {
    return cp >= 0x1100
        && (cp <= 0x115f
            || cp == 0x2329
            || cp == 0x232a
            || (cp >= 0x2e80 && cp <= 0xa4cf && cp != 0x303f)
            || (cp >= 0xac00 && cp <= 0xd7a3)
            || (cp >= 0xf900 && cp <= 0xfaff)
            || (cp >= 0xfe10 && cp <= 0xfe19)
            || (cp >= 0xfe30 && cp <= 0xfe6f)
            || (cp >= 0xff00 && cp <= 0xff60)
            || (cp >= 0xffe0 && cp <= 0xffe6)
            || (cp >= 0x1f300 && cp <= 0x1f64f)
            || (cp >= 0x1f900 && cp <= 0x1f9ff)
            || (cp >= 0x20000 && cp <= 0x2fffd)
            || (cp >= 0x30000 && cp <= 0x3fffd));
  }
}
