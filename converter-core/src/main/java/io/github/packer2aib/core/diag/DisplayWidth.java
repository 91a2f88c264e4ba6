package io.github.packer2aib.core.diag;

import java.util.Arrays;

/**
 * How many terminal columns a character takes, as terminals draw it (after Markus Kuhn's {@code
 * wcwidth} and the Unicode East Asian Width data): two for East Asian wide and fullwidth characters
 * and for emoji drawn as emoji, none for combining marks, one for the rest. The caret under a
 * diagnostic's source line is placed by it, so that it stands under the subject on a line with
 * Chinese text or emoji before it.
 *
 * <p>Emoji: those of East Asian Width {@code W} ({@link #EMOJI}: ✅ ❌ ⌛ ☕ 🚀 🧪 🫠, not ✔ or ☁,
 * which are drawn one column wide unless a variation selector 16 follows: then two). A skin tone
 * modifier (U+1F3FB-U+1F3FF) after an emoji joins it and takes no column of its own. A zero width
 * joiner never reaches here between two emoji: the quoted line shows it as a visible character
 * ({@link ControlCharacters#pictures}), so the parts of a ZWJ sequence are drawn apart, each as
 * wide as this says.
 */
final class DisplayWidth {
  private DisplayWidth() {}

  /** No character before (the start of a line). */
  static final int NONE = -1;

  /** The width of {@code codePoint} after {@code previous} (or {@link #NONE}). */
  static int of(int previous, int codePoint) {
    if (codePoint == VARIATION_SELECTOR_16) {
      // An emoji drawn as text by default (☁, ❤) is drawn as an emoji, two columns, with it.
      return previous >= 0x80 && width(previous) == 1 && !isCombining(previous) ? 1 : 0;
    }
    if (codePoint >= 0x1F3FB && codePoint <= 0x1F3FF && previous >= 0 && isEmoji(previous)) {
      return 0; // a skin tone joins the emoji before it
    }
    return width(codePoint);
  }

  private static int width(int codePoint) {
    if (isCombining(codePoint)) {
      return 0;
    }
    return wide(codePoint) ? 2 : 1;
  }

  private static boolean isCombining(int codePoint) {
    int type = Character.getType(codePoint);
    return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK;
  }

  private static final int VARIATION_SELECTOR_16 = 0xFE0F;

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
            || isEmoji(cp)
            || (cp >= 0x20000 && cp <= 0x2fffd)
            || (cp >= 0x30000 && cp <= 0x3fffd));
  }

  /** Whether {@code cp} is in {@link #EMOJI}. */
  static boolean isEmoji(int cp) {
    if (cp < EMOJI[0]) {
      return false;
    }
    int i = Arrays.binarySearch(EMOJI, cp);
    // Found: a range's first or last; else inside a range when the insertion point is odd.
    return i >= 0 || ((-i - 1) & 1) == 1;
  }

  /**
   * The emoji of East Asian Width {@code W} outside the CJK blocks (EastAsianWidth.txt, Unicode
   * 15.1): ranges as pairs of first and last, ascending. Most have Emoji_Presentation; terminals
   * and glibc's {@code wcwidth} draw them two columns wide.
   */
  static final int[] EMOJI = {
    0x231A, 0x231B, 0x23E9, 0x23EC, 0x23F0, 0x23F0, 0x23F3, 0x23F3, 0x25FD, 0x25FE, 0x2614, 0x2615,
    0x2648, 0x2653, 0x267F, 0x267F, 0x2693, 0x2693, 0x26A1, 0x26A1, 0x26AA, 0x26AB, 0x26BD, 0x26BE,
    0x26C4, 0x26C5, 0x26CE, 0x26CE, 0x26D4, 0x26D4, 0x26EA, 0x26EA, 0x26F2, 0x26F3, 0x26F5, 0x26F5,
    0x26FA, 0x26FA, 0x26FD, 0x26FD, 0x2705, 0x2705, 0x270A, 0x270B, 0x2728, 0x2728, 0x274C, 0x274C,
    0x274E, 0x274E, 0x2753, 0x2755, 0x2757, 0x2757, 0x2795, 0x2797, 0x27B0, 0x27B0, 0x27BF, 0x27BF,
    0x2B1B, 0x2B1C, 0x2B50, 0x2B50, 0x2B55, 0x2B55, 0x1F004, 0x1F004, 0x1F0CF, 0x1F0CF, 0x1F18E,
    0x1F18E, 0x1F191, 0x1F19A, 0x1F200, 0x1F202, 0x1F210, 0x1F23B, 0x1F240, 0x1F248, 0x1F250,
    0x1F251, 0x1F260, 0x1F265, 0x1F300, 0x1F320, 0x1F32D, 0x1F335, 0x1F337, 0x1F37C, 0x1F37E,
    0x1F393, 0x1F3A0, 0x1F3CA, 0x1F3CF, 0x1F3D3, 0x1F3E0, 0x1F3F0, 0x1F3F4, 0x1F3F4, 0x1F3F8,
    0x1F43E, 0x1F440, 0x1F440, 0x1F442, 0x1F4FC, 0x1F4FF, 0x1F53D, 0x1F54B, 0x1F54E, 0x1F550,
    0x1F567, 0x1F57A, 0x1F57A, 0x1F595, 0x1F596, 0x1F5A4, 0x1F5A4, 0x1F5FB, 0x1F64F, 0x1F680,
    0x1F6C5, 0x1F6CC, 0x1F6CC, 0x1F6D0, 0x1F6D2, 0x1F6D5, 0x1F6D7, 0x1F6DC, 0x1F6DF, 0x1F6EB,
    0x1F6EC, 0x1F6F4, 0x1F6FC, 0x1F7E0, 0x1F7EB, 0x1F7F0, 0x1F7F0, 0x1F90C, 0x1F93A, 0x1F93C,
    0x1F945, 0x1F947, 0x1F9FF, 0x1FA70, 0x1FA7C, 0x1FA80, 0x1FA89, 0x1FA8F, 0x1FAC6, 0x1FACE,
    0x1FADC, 0x1FADF, 0x1FAE9, 0x1FAF0, 0x1FAF8
  };
}
