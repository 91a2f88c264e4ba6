package io.github.packer2aib.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpSectionRenderer;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * How {@code --help} is broken into lines of {@link #WIDTH} columns: only at spaces, so that what a
 * user copies stays whole. picocli breaks where {@code java.text.BreakIterator} may, which includes
 * after a '.', a ',' or a '[': the help said {@code (a folder of *.} / {@code pkr.hcl/*.pkr.json
 * files}, {@code --data data.} / {@code hcp-packer-image.base.id=ID} and {@code [--ignore=CODE[,} /
 * {@code CODE...]]...}, and an example went on on the next line with no {@code \}, so copying its
 * first line ran the command without its input.
 *
 * <p>So picocli lays each section out at a width no line reaches (each paragraph, table row and the
 * synopsis on one line), and {@link #wrap} breaks those lines here, with picocli's indents: a
 * table's description goes on two columns right of where it starts, the synopsis under the first
 * option. A word longer than the line is left whole (the line is then longer), never cut. An option
 * name is kept with the word after it ({@code -o DIR}, {@code --var NAME=VALUE}), unless that is
 * another option. An indented line of a description or of the examples is a command: when it is
 * broken, each line but the last ends with {@code " \"}, as a shell reads it.
 */
final class HelpText {
  /** The width of the help, as picocli's default. */
  static final int WIDTH = 80;

  /** The width picocli lays out at: more than any paragraph, row or synopsis of ours. */
  static final int UNWRAPPED = 4096;

  private static final String NL = System.lineSeparator();

  private static final Pattern OPTION = Pattern.compile("--?[A-Za-z][A-Za-z-]*");

  /** A word of prose, perhaps with a punctuation mark after it. */
  private static final Pattern WORD = Pattern.compile("[a-z]+[,.;:)]?");

  private HelpText() {}

  /** Makes {@code cmd}'s help (not its subcommands') break lines as this class says. */
  static void install(CommandLine cmd) {
    UsageMessageSpec usage = cmd.getCommandSpec().usageMessage();
    usage.width(UNWRAPPED);
    Map<String, IHelpSectionRenderer> sections = new LinkedHashMap<>();
    for (Map.Entry<String, IHelpSectionRenderer> e : cmd.getHelpSectionMap().entrySet()) {
      sections.put(e.getKey(), rewrapped(e.getKey(), e.getValue()));
    }
    usage.sectionMap(sections);
  }

  private static IHelpSectionRenderer rewrapped(String key, IHelpSectionRenderer section) {
    return switch (key) {
      case UsageMessageSpec.SECTION_KEY_SYNOPSIS -> help -> synopsis(help, section.render(help));
      case UsageMessageSpec.SECTION_KEY_HEADER,
          UsageMessageSpec.SECTION_KEY_DESCRIPTION,
          UsageMessageSpec.SECTION_KEY_FOOTER ->
          help -> paragraphs(section.render(help));
      case UsageMessageSpec.SECTION_KEY_AT_FILE_PARAMETER,
          UsageMessageSpec.SECTION_KEY_PARAMETER_LIST,
          UsageMessageSpec.SECTION_KEY_OPTION_LIST,
          UsageMessageSpec.SECTION_KEY_END_OF_OPTIONS ->
          help -> table(section.render(help), optionTextStart(help));
      case UsageMessageSpec.SECTION_KEY_COMMAND_LIST ->
          help ->
              table(
                  section.render(help),
                  Math.min(longest(help.subcommands().keySet()), WIDTH / 2) + 4);
      case UsageMessageSpec.SECTION_KEY_EXIT_CODE_LIST ->
          help ->
              table(
                  section.render(help),
                  Math.min(
                          WIDTH - 4,
                          longest(help.commandSpec().usageMessage().exitCodeList().keySet()))
                      + 5);
      default -> section; // headings and the like: short
    };
  }

  /**
   * The synopsis, which picocli gives without its heading ({@code Usage: }): its first line starts
   * after that heading, the others under the first option, as picocli indents them.
   */
  private static String synopsis(Help help, String text) {
    int heading = help.synopsisHeadingLength();
    int indent = heading + help.commandSpec().qualifiedName().length() + 1;
    return eachLine(
        text,
        line -> {
          List<String> wrapped = wrap(" ".repeat(heading) + line, indent, indent, "");
          wrapped.set(0, wrapped.get(0).substring(heading));
          return wrapped;
        });
  }

  /** Paragraphs (broken lines start at the left), and indented commands (see the class). */
  private static String paragraphs(String text) {
    return eachLine(
        text,
        line -> {
          int lead = leadingSpaces(line);
          return lead > 0 && lead < line.length()
              ? wrap(line, lead, lead + 2, " \\")
              : wrap(line, 0, 0, "");
        });
  }

  /** Rows of a table whose descriptions start at column {@code textStart}. */
  private static String table(String text, int textStart) {
    return eachLine(
        text, line -> wrap(line, Math.min(textStart, line.length()), textStart + 2, ""));
  }

  /** Where the descriptions of options and parameters start, as picocli's layout puts them. */
  private static int optionTextStart(Help help) {
    // Columns of 2 (required marker), 2 (short name), 1 (comma), the long names, then the
    // description, which is indented by 1.
    return 2
        + 2
        + 1
        + help.calcLongOptionColumnWidth(
            help.commandSpec().options(),
            help.commandSpec().positionalParameters(),
            help.colorScheme())
        + 1;
  }

  /**
   * {@code line} broken at spaces after column {@code from} into lines of at most {@link #WIDTH}
   * columns (with {@code end} added to each but the last), the later ones indented by {@code
   * indent}; a word that does not fit on a line of its own is left whole.
   */
  static List<String> wrap(String line, int from, int indent, String end) {
    List<String> out = new ArrayList<>();
    String rest = line;
    int start = from;
    while (rest.length() > WIDTH) {
      int at = breakAt(rest, start, WIDTH - end.length());
      if (at < 0) {
        break;
      }
      out.add(rest.substring(0, at).stripTrailing() + end);
      int next = at;
      while (next < rest.length() && rest.charAt(next) == ' ') {
        next++;
      }
      rest = " ".repeat(indent) + rest.substring(next);
      start = indent;
    }
    out.add(rest);
    return out;
  }

  /**
   * The space to break {@code line} at, after column {@code from}: the last one within {@code
   * width} columns (a broken line has at most {@code width - 1}, as picocli's, which kept room for
   * the space after a word), else the first one (a word too long for any line), or -1 when there is
   * none. A space after an option name before its value is no place to break, unless there is no
   * other.
   */
  private static int breakAt(String line, int from, int width) {
    int last = -1;
    int first = -1;
    int anySpace = -1;
    for (int i = from + 1; i < line.length(); i++) {
      if (line.charAt(i) != ' ' || line.charAt(i - 1) == ' ') {
        continue;
      }
      if (anySpace < 0) {
        anySpace = i;
      }
      if (joinsValue(line, i)) {
        continue;
      }
      if (first < 0) {
        first = i;
      }
      if (i < width) {
        last = i;
      } else {
        break;
      }
    }
    if (last >= 0) {
      return last;
    }
    return first >= 0 ? first : anySpace;
  }

  /**
   * Whether the space at {@code i} follows an option name ({@code -o}, {@code --var}: a dash, then
   * letters and dashes, nothing after) and comes before its value: a word that is no option and not
   * a plain lowercase word ({@code DIR}, {@code data.hcp-packer-image.base.id=ID}, {@code
   * PKRMAP-W301,PKRMAP-N102}; in "whether --ignore takes it", "takes" is no value).
   */
  private static boolean joinsValue(String line, int i) {
    String option = line.substring(line.lastIndexOf(' ', i - 1) + 1, i);
    if (!OPTION.matcher(option).matches()) {
      return false;
    }
    int end = line.indexOf(' ', i + 1);
    String next = line.substring(i + 1, end < 0 ? line.length() : end);
    return !next.isEmpty() && !next.startsWith("-") && !WORD.matcher(next).matches();
  }

  /** {@code text} with each of its lines replaced by what {@code wrap} makes of it. */
  private static String eachLine(String text, Function<String, List<String>> wrap) {
    if (text.isEmpty()) {
      return text;
    }
    boolean ended = text.endsWith(NL);
    String body = ended ? text.substring(0, text.length() - NL.length()) : text;
    StringBuilder out = new StringBuilder();
    for (String line : body.split(NL, -1)) {
      for (String part : wrap.apply(line)) {
        out.append(part).append(NL);
      }
    }
    return ended ? out.toString() : out.substring(0, out.length() - NL.length());
  }

  private static int leadingSpaces(String line) {
    int n = 0;
    while (n < line.length() && line.charAt(n) == ' ') {
      n++;
    }
    return n;
  }

  private static int longest(Collection<?> names) {
    int n = 0;
    for (Object name : names) {
      n = Math.max(n, String.valueOf(name).length());
    }
    return n;
  }
}
