package io.github.packer2aib.core.parse;

/**
 * Converts SnakeYAML's code-point indexes into UTF-16 offsets of the text. SnakeYAML's marks count
 * code points; their line numbers also count U+0085, U+2028 and U+2029 as line breaks, which {@code
 * SourceFile} does not, so the index is the reliable part of a mark. Lookups are mostly in
 * ascending order, so the converter walks from the last answer.
 */
final class CodePointOffsets {
  private final String text;
  private final boolean bmpOnly;
  private int lastIndex;
  private int lastOffset;

  CodePointOffsets(String text) {
    this.text = text;
    this.bmpOnly = text.codePoints().allMatch(Character::isBmpCodePoint);
  }

  int offset(int codePointIndex) {
    if (codePointIndex <= 0) {
      return 0;
    }
    if (bmpOnly) {
      return Math.min(codePointIndex, text.length());
    }
    int offset = lastOffset;
    int index = lastIndex;
    while (index < codePointIndex && offset < text.length()) {
      offset += Character.charCount(text.codePointAt(offset));
      index++;
    }
    while (index > codePointIndex && offset > 0) {
      offset -= Character.charCount(text.codePointBefore(offset));
      index--;
    }
    lastIndex = index;
    lastOffset = offset;
    return offset;
  }
}
