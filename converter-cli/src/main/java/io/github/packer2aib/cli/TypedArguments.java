package io.github.packer2aib.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The command-line arguments as the user typed them, where Java lost them. Java 17 decodes the
 * arguments in the locale's encoding ({@code sun.jnu.encoding}): under an ASCII locale ({@code
 * LC_ALL=C}, or a UTF-8 locale that is not installed) and without the launcher, which switches to
 * C.UTF-8, each byte of {@code café.yaml} that is not ASCII became U+FFFD, and the error named
 * {@code caf}, two U+FFFD and {@code .yaml}, a name the user never typed; {@code --var
 * location=café} set two U+FFFD too.
 *
 * <p>Where the process's own arguments can be read back as bytes ({@code /proc/self/cmdline}, on
 * Linux), an argument that holds U+FFFD is replaced by its bytes read as UTF-8, when they are UTF-8
 * (as a terminal under a UTF-8 locale, or a script saved as UTF-8, gives them): stdout and stderr
 * are UTF-8 whatever the locale, so the name comes out as it was typed, and a value is the text
 * meant. A file name that the locale cannot spell still cannot be opened (Java spells paths in that
 * encoding), and the message says so and what to do ({@link PathSpelling}), now with the right
 * name. Bytes that are no UTF-8, and every run where no argument holds U+FFFD (the common case:
 * nothing is read), are left as they are.
 */
final class TypedArguments {
  private TypedArguments() {}

  private static final char REPLACEMENT = '\uFFFD';

  /** {@code args} from {@code main}, with the lost ones recovered (see the class). */
  static String[] asTyped(String[] args) {
    if (!anyLost(args)) {
      return args;
    }
    Charset locale;
    byte[] cmdline;
    try {
      locale = Charset.forName(System.getProperty("sun.jnu.encoding", ""));
      cmdline = Files.readAllBytes(Path.of("/proc/self/cmdline"));
    } catch (IOException | RuntimeException e) {
      return args; // not Linux, or an encoding Java does not know: as Java gave them
    }
    return asTyped(args, cmdline, locale);
  }

  /**
   * {@code args} with each one that holds U+FFFD replaced by its bytes in {@code cmdline} (the
   * process's words, each ended by a NUL; {@code args} are its last ones) read as UTF-8. Only when
   * those words, decoded in the {@code locale} as Java did, are {@code args}: else the words are
   * not the arguments (a launcher that rewrote them), and nothing is replaced.
   */
  static String[] asTyped(String[] args, byte[] cmdline, Charset locale) {
    List<byte[]> words = words(cmdline);
    if (words == null || words.size() < args.length) {
      return args;
    }
    List<byte[]> own = words.subList(words.size() - args.length, words.size());
    String[] typed = args.clone();
    for (int i = 0; i < args.length; i++) {
      if (!new String(own.get(i), locale).equals(args[i])) {
        return args;
      }
      if (args[i].indexOf(REPLACEMENT) >= 0) {
        String utf8 = utf8(own.get(i));
        if (utf8 != null) {
          typed[i] = utf8;
        }
      }
    }
    return typed;
  }

  private static boolean anyLost(String[] args) {
    for (String arg : args) {
      if (arg.indexOf(REPLACEMENT) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** The words of a {@code cmdline}, or null when it does not end with a NUL. */
  private static List<byte[]> words(byte[] cmdline) {
    if (cmdline.length == 0 || cmdline[cmdline.length - 1] != 0) {
      return null;
    }
    List<byte[]> words = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < cmdline.length; i++) {
      if (cmdline[i] == 0) {
        words.add(Arrays.copyOfRange(cmdline, start, i));
        start = i + 1;
      }
    }
    return words;
  }

  /** {@code bytes} as UTF-8 text, or null when they are no UTF-8. */
  private static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
