package io.github.packer2aib.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Arguments Java decoded in an ASCII locale (each byte that is not ASCII a U+FFFD), read back from
 * the process's words as UTF-8.
 */
class TypedArgumentsTest {
  private static final Charset ASCII = StandardCharsets.US_ASCII;

  /** A /proc/self/cmdline: each word's bytes, each ended by a NUL. */
  private static byte[] cmdline(byte[]... words) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] w : words) {
      out.writeBytes(w);
      out.write(0);
    }
    return out.toByteArray();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** What Java 17 made of {@code bytes} under an ASCII locale. */
  private static String asJavaDecoded(byte[] bytes) {
    return new String(bytes, ASCII);
  }

  @Test
  void anArgumentLostToAnAsciiLocaleIsReadBackAsUtf8() {
    byte[] name = utf8("caf\u00e9.yaml");
    byte[] var = utf8("location=z\u00fcrich");
    String[] args = {"validate", asJavaDecoded(name), "--var", asJavaDecoded(var), ""};
    byte[] words =
        cmdline(
            utf8("/usr/bin/java"),
            utf8("-jar"),
            utf8("p.jar"),
            utf8("validate"),
            name,
            utf8("--var"),
            var,
            new byte[0]);

    assertArrayEquals(
        new String[] {"validate", "caf\u00e9.yaml", "--var", "location=z\u00fcrich", ""},
        TypedArguments.asTyped(args, words, ASCII));
  }

  @Test
  void bytesThatAreNoUtf8OrWordsThatAreNotTheArgumentsAreLeftAlone() {
    byte[] latin1 = "caf\u00e9.yaml".getBytes(StandardCharsets.ISO_8859_1);
    String[] lost = {asJavaDecoded(latin1)};
    assertArrayEquals(lost, TypedArguments.asTyped(lost, cmdline(utf8("java"), latin1), ASCII));

    // The last word is not the argument (a launcher rewrote the words): nothing is replaced.
    byte[] name = utf8("caf\u00e9.yaml");
    String[] args = {"validate", asJavaDecoded(name)};
    assertArrayEquals(
        args, TypedArguments.asTyped(args, cmdline(utf8("validate"), utf8("other")), ASCII));
    assertArrayEquals(args, TypedArguments.asTyped(args, utf8("no NUL at the end"), ASCII));
    assertArrayEquals(args, TypedArguments.asTyped(args, cmdline(name), ASCII)); // too few
  }

  @Test
  void argumentsWithNothingLostAreNotLookedAt() {
    String[] args = {"convert", "caf\u00e9.yaml"}; // a UTF-8 locale: decoded right
    assertSame(args, TypedArguments.asTyped(args));
  }
}
