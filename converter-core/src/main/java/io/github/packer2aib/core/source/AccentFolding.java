package io.github.packer2aib.core.source;

import java.text.Normalizer;

/**
 * Latin letters with accents as their plain letters ({@code über} → {@code uber}, {@code straße} →
 * {@code strasse}), for names that may only hold ASCII letters (file names, Azure resource names):
 * dropping them, or writing '-' for them, turned {@code Überprüfung} into {@code berpr_fung}. Other
 * scripts are left as they are, for the caller's own rule.
 */
public final class AccentFolding {
  private AccentFolding() {}

  public static String fold(String text) {
    boolean ascii = true;
    for (int i = 0; i < text.length() && ascii; i++) {
      ascii = text.charAt(i) < 0x80;
    }
    if (ascii) {
      return text;
    }
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(decomposed.length());
    for (int i = 0; i < decomposed.length(); i++) {
      char c = decomposed.charAt(i);
      if (Character.getType(c) == Character.NON_SPACING_MARK) {
        continue; // the accent of the letter before it
      }
      out.append(
          switch (c) {
            case 'ß' -> "ss";
            case 'Æ' -> "AE";
            case 'æ' -> "ae";
            case 'Œ' -> "OE";
            case 'œ' -> "oe";
            case 'Ø' -> "O";
            case 'ø' -> "o";
            case 'Đ' -> "D";
            case 'đ' -> "d";
            case 'Ł' -> "L";
            case 'ł' -> "l";
            case 'Þ' -> "Th";
            case 'þ' -> "th";
            default -> String.valueOf(c);
          });
    }
    return out.toString();
  }
}
