package io.github.packer2aib.core.source;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 decoding of what is read from files: invalid input is an error, never replaced. */
public final class Utf8 {
  private Utf8() {}

  /**
   * The bytes decoded as UTF-8; throws when they are not valid UTF-8. The String constructor is
   * much cheaper than a reporting decoder (ASCII text is copied as it is) but replaces what is
   * invalid with U+FFFD, so only a text holding that character needs the strict decoder's verdict.
   */
  public static String decode(byte[] bytes) throws CharacterCodingException {
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.indexOf('\uFFFD') < 0) {
      return text;
    }
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }
}
