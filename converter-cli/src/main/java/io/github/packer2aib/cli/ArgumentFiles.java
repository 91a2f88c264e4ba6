package io.github.packer2aib.cli;

import io.github.packer2aib.core.hcl.function.HostFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Arguments read from a file ({@code packer2aib convert @args.txt}), split as a POSIX shell splits
 * a command line: words separated by blanks and line breaks, single quotes keep everything, double
 * quotes keep everything but {@code \"} and {@code \\}, and quoted and unquoted parts of one word
 * join ({@code --var client_secret="a b"} is two words, the second {@code client_secret=a b}); a
 * word starting with {@code #} starts a comment to the end of its line.
 *
 * <p>Done here rather than by picocli, whose reader ends a word at a quote: {@code
 * client_secret="…"} became {@code client_secret=} and the value, which was then taken for an input
 * file and named in the error. The file must be a regular file of at most {@link #MAX_BYTES} (a
 * device such as {@code /dev/zero} was read for ever). An argument that is {@code @} alone, or
 * whose file does not exist, stays as it is; {@code @@name} is the argument {@code @name}.
 */
final class ArgumentFiles {
  static final int MAX_BYTES = 1 << 20;

  private ArgumentFiles() {}

  /** An argument file that cannot be used: a usage error. */
  static final class Problem extends Exception {
    Problem(String message) {
      super(message, null, false, false);
    }
  }

  /** {@code args} with each {@code @file} replaced by the words it holds. */
  static String[] expand(String[] args) throws Problem {
    List<String> out = null;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      boolean file = a.length() > 1 && a.charAt(0) == '@';
      if (file && out == null) {
        out = new ArrayList<>(List.of(args).subList(0, i));
      }
      if (out == null) {
        continue;
      }
      if (!file) {
        out.add(a);
      } else if (a.charAt(1) == '@') {
        out.add(a.substring(1));
      } else {
        Path path;
        try {
          path = Path.of(a.substring(1));
        } catch (InvalidPathException e) {
          // Before Main.run's handlers: it ended the JVM with a stack trace.
          throw new Problem(
              "cannot read argument file "
                  + a.substring(1)
                  + ": "
                  + PathSpelling.whyInvalid(a.substring(1)));
        }
        if (!Files.exists(path)) {
          out.add(a); // not a file: an argument that starts with @
        } else {
          out.addAll(words(read(path)));
        }
      }
    }
    return out == null ? args : out.toArray(new String[0]);
  }

  /** The text of a regular file of at most {@link #MAX_BYTES}, as every named file is read. */
  private static String read(Path path) throws Problem {
    Optional<String> notRegular = FileKinds.whyNotRegular(path);
    if (notRegular.isPresent()) {
      throw new Problem("argument file " + path + " " + notRegular.get());
    }
    // @/proc/self/environ made the environment's lines arguments, which errors then quoted.
    Optional<HostFile> host = InputReader.systemFile(path);
    if (host.isPresent()) {
      throw new Problem(
          "cannot read argument file " + path + ": " + InputReader.hostFileReason(host.get()));
    }
    try {
      byte[] bytes = InputReader.readUpTo(path, MAX_BYTES);
      if (bytes == null) {
        throw new Problem("argument file " + path + " is larger than 1 MiB");
      }
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (IOException e) {
      throw new Problem("cannot read argument file " + path + ": " + InputReader.reason(e));
    }
  }

  /** The words of {@code text}, split as described above. */
  static List<String> words(String text) throws Problem {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
        i++;
      } else if (c == '#' && !inWord) {
        while (i < text.length() && text.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '\'' || c == '"') {
        int close = i + 1;
        while (close < text.length() && text.charAt(close) != c) {
          if (c == '"' && text.charAt(close) == '\\' && close + 1 < text.length()) {
            char next = text.charAt(close + 1);
            if (next == '"' || next == '\\') {
              word.append(next);
              close += 2;
              continue;
            }
          }
          word.append(text.charAt(close));
          close++;
        }
        if (close >= text.length()) {
          // The word is not shown: it may be the value of a secret.
          throw new Problem("an argument file has a " + c + " quote that is not closed");
        }
        inWord = true;
        i = close + 1;
      } else {
        word.append(c);
        inWord = true;
        i++;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }
}
