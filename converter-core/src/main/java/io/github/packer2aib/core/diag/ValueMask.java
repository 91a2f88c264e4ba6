package io.github.packer2aib.core.diag;

import io.github.packer2aib.core.source.Range;
import io.github.packer2aib.core.source.SourceFile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks values in quoted source lines and in messages about them, so that what a value file holds
 * (see {@link SourceFile#ofValues}) or a secret range covers ({@link SourceFile#withSecrets}) never
 * reaches stderr, a log or a report, whatever the variable's name or declared sensitivity.
 *
 * <p>The masking reads the line loosely, for HCL, JSON and YAML alike: names followed by {@code =}
 * or {@code :} (keys), brackets, commas, operators and whitespace stay; quoted strings keep their
 * quotes around {@code ***}; every other word (numbers, unquoted scalars, function names) and
 * comments become {@code ***}, words separated only by spaces as one. So {@code sp_key = "hunter2"}
 * shows as {@code sp_key = "***"} and {@code other: [a b, c]} as {@code other: [***, ***]}. Columns
 * are mapped, so a caret still stands under the part it points at.
 */
public final class ValueMask {
  /** What stands for a masked value. */
  public static final String MASK = "***";

  /** Shorter values are not searched for in messages: they would mask unrelated text. */
  private static final int MIN_SCRUBBED_LENGTH = 3;

  /** Secret values shorter than this are masked in messages about their own lines only. */
  private static final int FILE_WIDE_MIN_LENGTH = 8;

  private static final String OPERATORS = "+-*/%<>!&|?.~^";

  private ValueMask() {}

  /**
   * A line as it may be shown, and where each original column went.
   *
   * @param text the line with its values masked
   * @param starts for each original code point, the masked code point index its piece starts at
   * @param ends for each original code point, the masked code point index after its piece
   */
  public record MaskedLine(String text, int[] starts, int[] ends) {
    /** The masked 1-based column of an original start column (past the end stays past it). */
    public int startColumn(int column) {
      int i = column - 1;
      if (i < 0) {
        return 1;
      }
      if (i < starts.length) {
        return starts[i] + 1;
      }
      return length() + 1 + (i - starts.length);
    }

    /** The masked 1-based column of an original exclusive end column. */
    public int endColumn(int column) {
      int last = column - 2;
      if (last < 0) {
        return 1;
      }
      if (last < ends.length) {
        return ends[last] + 1;
      }
      return length() + 1 + (last + 1 - ends.length);
    }

    private int length() {
      return text.codePointCount(0, text.length());
    }
  }

  /** Whether quoting a line of {@code file} needs masking at all. */
  public static boolean needed(SourceFile file) {
    return file.holdsValues() || !file.secrets().isEmpty();
  }

  /**
   * Whether neither the text of {@code range} nor the rest of its last line holds a comment ({@code
   * #}, {@code //} or {@code /*}): a range left unmasked because its text shows no value (a
   * reference, the name {@code env} reads) is masked all the same when a comment there may keep an
   * old one, as a secret range masks the comment after it.
   */
  public static boolean commentFree(SourceFile file, Range range) {
    String text = file.text();
    int end = Math.min(range.endOffset(), text.length());
    int lineEnd = text.indexOf('\n', end);
    String shown = text.substring(range.startOffset(), lineEnd < 0 ? text.length() : lineEnd);
    return !shown.contains("#") && !shown.contains("//") && !shown.contains("/*");
  }

  /** The 1-based line {@code number} of {@code file}, with what may not be shown masked. */
  public static MaskedLine line(SourceFile file, int number) {
    String line = file.line(number);
    int[] cps = codePoints(line);
    boolean[] mask = mask(file, number, cps, true);
    return build(cps, mask);
  }

  /**
   * A message about a place in {@code file} with every value quoted there masked: the values of the
   * subject's lines in a value file, and the values of every secret range of the file. Parsers and
   * evaluators quote what they found ("found the name \"hunter2\""); this keeps the sentence and
   * masks the value.
   */
  public static String scrub(String message, SourceFile file, Range subject) {
    return new FileValues(file).scrub(message, subject);
  }

  /**
   * What may not be quoted from one file, worked out once for all the diagnostics about it: a
   * conversion scrubs every diagnostic of a template that has a sensitive default, most of them
   * about other lines.
   */
  private static final class FileValues {
    private final SourceFile file;

    /** The values of the secret ranges, longest first (a value may contain a shorter one). */
    private final List<String> secretValues;

    /**
     * Searches for {@link #secretValues}, in the same order: made once per file, as each message is
     * searched for every value (String.contains reads every character in C1 code).
     */
    private final List<TextSearch> secretSearches;

    /**
     * For each secret range, the offset where its first line starts and where the line after its
     * last one starts: whether a subject shares a line with a secret is then two comparisons of
     * offsets, without working out the subject's line numbers (a bulk run never asks for most).
     */
    private final int[] secretLinesFrom;

    private final int[] secretLinesTo;

    FileValues(SourceFile file) {
      this.file = file;
      Set<String> values = new LinkedHashSet<>();
      List<Range> secrets = file.secrets();
      secretLinesFrom = new int[secrets.size()];
      secretLinesTo = new int[secrets.size()];
      for (int i = 0; i < secrets.size(); i++) {
        Range r = secrets.get(i);
        int first = r.start().line();
        int last = r.end().line();
        for (int n = first; n <= last && n <= file.lineCount(); n++) {
          collect(file, n, values);
        }
        secretLinesFrom[i] = file.position(first, 1).offset();
        secretLinesTo[i] =
            last < file.lineCount() ? file.position(last + 1, 1).offset() : Integer.MAX_VALUE;
      }
      // Looked for in every message of the file only when 8 characters or longer, as the last
      // guard does with secret variables: a short default ("the", "image") was masked as a word
      // of messages about anything else ("so *** template has no identity"). A message about its
      // own line still has it masked (the values near the subject, in scrub).
      values.removeIf(v -> v.codePointCount(0, v.length()) < FILE_WIDE_MIN_LENGTH);
      this.secretValues = longestFirst(values);
      this.secretSearches = searches(secretValues);
    }

    /** Whether a line of {@code subject} (a range in this file) holds part of a secret. */
    private boolean sharesLineWithSecret(Range subject) {
      int start = subject.startOffset();
      int end = subject.endOffset();
      for (int i = 0; i < secretLinesFrom.length; i++) {
        if (start < secretLinesTo[i] && end >= secretLinesFrom[i]) {
          return true;
        }
      }
      return false;
    }

    String scrub(String message, Range subject) {
      // The values on the subject's own lines: a message may quote a part of one of them, which
      // is looked for only there (a parser splitting a value reports it where it stands).
      Set<String> near = Set.of(); // a set is made for the first line with a value
      if (subject != null
          && subject.file().equals(file.name())
          && (file.holdsValues() || sharesLineWithSecret(subject))) {
        int last = Math.min(subject.end().line(), subject.start().line() + 50);
        for (int n = subject.start().line(); n <= last && n <= file.lineCount(); n++) {
          if (file.holdsValues() || secretOn(n)) {
            if (near.isEmpty()) {
              near = new LinkedHashSet<>();
            }
            collect(file, n, near);
          }
        }
      }
      String out = message;
      List<TextSearch> searches = secretSearches;
      if (!near.isEmpty()) {
        Set<String> all = new LinkedHashSet<>(near);
        all.addAll(secretValues);
        searches = new ArrayList<>(all.size());
        for (String v : longestFirst(all)) {
          int known = secretValues.indexOf(v); // the file's own searches are made already
          searches.add(known >= 0 ? secretSearches.get(known) : new TextSearch(v));
        }
      }
      for (int i = 0, n = searches.size(); i < n; i++) {
        out = replaceWhole(out, searches.get(i));
      }
      return near.isEmpty() ? out : maskParts(out, near);
    }

    private boolean secretOn(int line) {
      // Indexed: asked for up to 51 lines per message, and C1 allocates each list iterator.
      List<Range> secrets = file.secrets();
      for (int i = 0, n = secrets.size(); i < n; i++) {
        Range r = secrets.get(i);
        if (r.start().line() <= line && line <= r.end().line()) {
          return true;
        }
      }
      return false;
    }
  }

  private static List<TextSearch> searches(List<String> values) {
    List<TextSearch> searches = new ArrayList<>(values.size());
    for (String v : values) {
      searches.add(new TextSearch(v));
    }
    return searches;
  }

  private static List<String> longestFirst(Set<String> values) {
    List<String> sorted = new ArrayList<>(values);
    sorted.sort(Comparator.comparingInt(String::length).reversed());
    return sorted;
  }

  /** A quoted fragment or a number in a message. */
  private static final Pattern PART =
      Pattern.compile(
          "\"([^\"]{" + MIN_SCRUBBED_LENGTH + ",})\"|\\b(\\d{" + MIN_SCRUBBED_LENGTH + ",})\\b");

  private static String maskParts(String message, Set<String> values) {
    Matcher m = PART.matcher(message);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      int group = m.group(1) != null ? 1 : 2;
      String part = m.group(group);
      boolean inValue = false;
      for (String v : values) {
        inValue |= v.contains(part);
      }
      String replacement = inValue ? (group == 1 ? "\"" + MASK + "\"" : MASK) : m.group();
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Quoted fragments of a message, in double quotes or backquotes (Go's raw strings). */
  private static final Pattern QUOTED = Pattern.compile("\"([^\"\\n]+)\"|`([^`\\n]+)`");

  /** A code point as messages name it, {@code U+0025}. */
  private static final Pattern CODE_POINT = Pattern.compile("\\bU\\+([0-9A-F]{4,6})\\b");

  /** Words of a message or of a secret: runs of letters, digits and {@code _}. */
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_]+");

  /**
   * The characters of template syntax ({@code {{ }}}, parentheses, pipes, trim markers, comments):
   * a quoted fragment made of them only ({@code "}}"}, {@code " -}}"}) is the syntax a message
   * teaches, which the failing secret holds as every template does, not a part of its value.
   */
  private static final String SYNTAX = "{}()|-*/ ";

  /**
   * A message about the text of a secret value (a sensitive variable's value that fails as a
   * template) with every part of that text it may quote masked. A message names what it failed on
   * in several ways: quoted ({@code named "Wq3n"}, {@code `x`}), bare ({@code --var Mm4=VALUE},
   * {@code $Qz7}, {@code .Foo}) and as a code point ({@code U+0025}); a masked source line covers
   * none of them, and a value is not a file whose lines could be searched for pieces. So masked
   * here: the whole text; every quoted fragment the text holds (but template syntax alone, see
   * {@link #SYNTAX}), where it is quoted and, of two characters or more, wherever it stands; every
   * word of the message that is a word of the text, of two characters or more, or of one after
   * {@code $} or {@code .} (a template variable or field) or in single quotes (a character
   * constant); the code points of the text's characters. Words of the sentence that the text holds
   * too are masked with them: a message about a secret is better unclear than revealing.
   *
   * @param secret the text of the value, as given
   */
  public static String scrubSecretText(String message, String secret) {
    if (secret.isEmpty() || message.isEmpty()) {
      return message;
    }
    String out = replaceWhole(message, new TextSearch(secret));
    // A part the message quotes is masked where it repeats it bare, too: "named \"x y\"" and
    // "--var x y=VALUE" (its words of one character would be left by the words' rule).
    for (String part : longestFirst(quotedParts(out, secret))) {
      out =
          part.codePointCount(0, part.length()) >= 2
              ? replaceWhole(out, new TextSearch(part))
              : maskQuoted(out, part);
    }
    out = maskWords(out, secret);
    return maskCodePoints(out, secret);
  }

  /** The fragments {@code message} quotes that {@code secret} holds, but template syntax alone. */
  private static Set<String> quotedParts(String message, String secret) {
    Set<String> parts = new LinkedHashSet<>();
    Matcher m = QUOTED.matcher(message);
    while (m.find()) {
      String part = m.group(1) != null ? m.group(1) : m.group(2);
      boolean syntax = true;
      for (int i = 0; i < part.length() && syntax; i++) {
        syntax = SYNTAX.indexOf(part.charAt(i)) >= 0;
      }
      if (!syntax && !part.equals(MASK) && secret.contains(part)) {
        parts.add(part);
      }
    }
    return parts;
  }

  /** {@code message} with {@code part} masked where it stands in quotes. */
  private static String maskQuoted(String message, String part) {
    Matcher m = QUOTED.matcher(message);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      int group = m.group(1) != null ? 1 : 2;
      String quote = group == 1 ? "\"" : "`";
      String replacement = m.group(group).equals(part) ? quote + MASK + quote : m.group();
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String maskWords(String message, String secret) {
    Set<String> words = new LinkedHashSet<>();
    Matcher inSecret = WORD.matcher(secret);
    while (inSecret.find()) {
      words.add(inSecret.group());
    }
    Matcher m = WORD.matcher(message);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String word = m.group();
      char before = m.start() > 0 ? message.charAt(m.start() - 1) : ' ';
      char after = m.end() < message.length() ? message.charAt(m.end()) : ' ';
      // One character is a name after $ or . (a template variable, a field), or a character
      // constant ('Z'); elsewhere it is mostly a word of the sentence ("a", "Packer's").
      boolean named =
          word.codePointCount(0, word.length()) >= 2
              || before == '$'
              || before == '.'
              || (before == '\'' && after == '\'');
      m.appendReplacement(
          out, Matcher.quoteReplacement(named && words.contains(word) ? MASK : word));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String maskCodePoints(String message, String secret) {
    Matcher m = CODE_POINT.matcher(message);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      int cp = Integer.parseInt(m.group(1), 16);
      boolean held = Character.isValidCodePoint(cp) && secret.contains(Character.toString(cp));
      m.appendReplacement(out, Matcher.quoteReplacement(held ? "U+" + MASK : m.group()));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** A diagnostic about {@code file} with its summary and detail {@linkplain #scrub scrubbed}. */
  public static Diagnostic scrub(Diagnostic d, SourceFile file) {
    return needed(file) ? scrub(d, new FileValues(file)) : d;
  }

  private static Diagnostic scrub(Diagnostic d, FileValues values) {
    Range subject = d.subject().orElse(null);
    String summary = values.scrub(d.summary(), subject);
    String detail = values.scrub(d.detail(), subject);
    if (summary.equals(d.summary()) && detail.equals(d.detail())) {
      return d;
    }
    return new Diagnostic(
        d.code(), d.severity(), summary, detail, d.subject(), d.path(), d.related(), d.input());
  }

  /**
   * Diagnostics with every one located in a file that needs masking {@linkplain #scrub(Diagnostic,
   * SourceFile) scrubbed}.
   */
  public static List<Diagnostic> scrub(List<Diagnostic> diagnostics, List<SourceFile> files) {
    return scrubber(files).scrub(diagnostics);
  }

  /**
   * What may not be quoted from {@code files}, worked out once for every list of diagnostics a
   * conversion scrubs (its mapping's, then each output's spec and rule checks).
   */
  public static Scrubber scrubber(List<SourceFile> files) {
    // Only the files are noted here: what may not be quoted from a file is worked out when a
    // diagnostic about it is scrubbed, and most templates with a secret get none about it.
    Map<String, SourceFile> byName = null;
    for (int i = 0, n = files.size(); i < n; i++) { // by index: no iterator (C1 code)
      SourceFile f = files.get(i);
      if (needed(f)) {
        if (byName == null) {
          byName = new HashMap<>();
        }
        byName.putIfAbsent(f.name(), f);
      }
    }
    return new Scrubber(byName == null ? Map.of() : byName);
  }

  /**
   * {@link #scrub(List, List)} for one set of files, made by {@link #scrubber}. It works out each
   * file's values when first needed and keeps them, so it serves one conversion on one thread.
   */
  public static final class Scrubber {
    /** The files that need masking, by name. */
    private final Map<String, SourceFile> files;

    /** The values of each file of {@link #files}, made on the first diagnostic about it. */
    private Map<String, FileValues> values;

    private Scrubber(Map<String, SourceFile> files) {
      this.files = files;
    }

    /** The diagnostics, each located in a file that needs masking scrubbed. */
    public List<Diagnostic> scrub(List<Diagnostic> diagnostics) {
      if (files.isEmpty()) {
        return diagnostics;
      }
      List<Diagnostic> out = new ArrayList<>(diagnostics.size());
      for (Diagnostic d : diagnostics) {
        // No lambda: C1 code allocates a capturing one for every diagnostic.
        Optional<Range> subject = d.subject();
        FileValues f = subject.isPresent() ? valuesOf(subject.get().file()) : null;
        out.add(f == null ? d : ValueMask.scrub(d, f));
      }
      return out;
    }

    /** The values of a file that needs masking, or null for any other file. */
    private FileValues valuesOf(String name) {
      SourceFile file = files.get(name);
      if (file == null) {
        return null;
      }
      if (values == null) {
        values = new HashMap<>();
      }
      FileValues v = values.get(name);
      if (v == null) {
        v = new FileValues(file);
        values.put(name, v);
      }
      return v;
    }
  }

  // ---- masking a line ----------------------------------------------------------------------

  /**
   * @param trailingComments whether a comment after a secret range on its last line is masked too
   *     (it may hold an old value: "# was …"); for a shown line, not for the words {@link #collect}
   *     looks for in messages, where the comment's every word would be masked
   */
  private static boolean[] mask(SourceFile file, int number, int[] cps, boolean trailingComments) {
    boolean[] mask = new boolean[cps.length];
    if (file.holdsValues()) {
      maskValues(cps, 0, cps.length, mask);
    }
    for (Range r : file.secrets()) {
      if (r.start().line() > number || r.end().line() < number) {
        continue;
      }
      int from = r.start().line() == number ? r.start().column() - 1 : 0;
      int to = r.end().line() == number ? r.end().column() - 1 : cps.length;
      from = Math.max(0, Math.min(from, cps.length));
      to = Math.max(from, Math.min(to, cps.length));
      maskValues(cps, from, to, mask);
      if (trailingComments && to < cps.length) {
        int c = to;
        while (c < cps.length && Character.isWhitespace(cps[c])) {
          c++;
        }
        boolean comment =
            c < cps.length
                && (cps[c] == '#'
                    || (cps[c] == '/'
                        && c + 1 < cps.length
                        && (cps[c + 1] == '/' || cps[c + 1] == '*')));
        if (comment) {
          maskValues(cps, c, cps.length, mask);
        }
      }
    }
    return mask;
  }

  /** Marks the values among the code points {@code [from, to)}. */
  private static void maskValues(int[] cps, int from, int to, boolean[] mask) {
    boolean keyPosition = true;
    int lastMasked = -1; // index after the last masked word, to join words split by spaces
    // HCL starts a block on a line of its own: a "header" after other text on the line (a value
    // such as ${41abc{ in JSON whose quotes are out of step) is no header. So a line is searched
    // for one once, from its first word (each '-' of a YAML line "- - - …" searched to the line's
    // end was quadratic).
    int lineStart = 0;
    while (lineStart < cps.length && Character.isWhitespace(cps[lineStart])) {
      lineStart++;
    }
    int i = from;
    while (i < to) {
      int c = cps[i];
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      if (c == '#' || (c == '/' && i + 1 < to && (cps[i + 1] == '/' || cps[i + 1] == '*'))) {
        // A comment may hold an old value: keep the marker, mask the rest.
        int start = c == '#' ? i + 1 : i + 2;
        for (int j = start; j < to; j++) {
          mask[j] = true;
        }
        trimMask(cps, start, to, mask);
        return;
      }
      if (keyPosition && i == lineStart) {
        int brace = blockHeaderBrace(cps, i, to);
        if (brace >= 0) {
          // A block header (type and labels) names things: "variable \"size\" {" stays.
          keyPosition = true;
          lastMasked = -1;
          i = brace + 1;
          continue;
        }
      }
      if (c == '"' || c == '\'') {
        int close = closingQuote(cps, i, to);
        int end = close < 0 ? to : close + 1;
        int contentEnd = close < 0 ? to : close;
        if (!(keyPosition && followedByAssignment(cps, end, to))) {
          for (int j = i + 1; j < contentEnd; j++) {
            mask[j] = true;
          }
        }
        keyPosition = false;
        lastMasked = -1;
        i = end;
        continue;
      }
      if (c == '{' || c == ',') {
        keyPosition = true;
        lastMasked = -1;
        i++;
        continue;
      }
      if (c == '[' || c == '(' || c == '}' || c == ']' || c == ')' || c == '=' || c == ':') {
        keyPosition = false;
        lastMasked = -1;
        i++;
        continue;
      }
      int end = wordEnd(cps, i, to, !keyPosition);
      boolean operator = true;
      for (int j = i; j < end; j++) {
        operator &= OPERATORS.indexOf(cps[j]) >= 0;
      }
      boolean sequenceMarker = c == '-' && end == i + 1 && keyPosition;
      if (operator || sequenceMarker || isReference(cps, i, end)) {
        keyPosition = sequenceMarker;
        lastMasked = -1;
        i = end;
        continue;
      }
      if (!(keyPosition && followedByAssignment(cps, end, to))) {
        int start = lastMasked >= 0 ? lastMasked : i;
        for (int j = start; j < end; j++) {
          mask[j] = true;
        }
        lastMasked = end;
      }
      keyPosition = false;
      i = end;
    }
  }

  /**
   * The index of the {@code {} ending a block header that starts at {@code from} (a name, then
   * names or quoted labels, then the brace), or -1.
   */
  private static int blockHeaderBrace(int[] cps, int from, int to) {
    int j = from;
    boolean first = true;
    while (j < to) {
      int c = cps[j];
      if (c == ' ' || c == '\t') {
        j++;
        continue;
      }
      if (c == '{') {
        return first ? -1 : j;
      }
      if (c == '"') {
        if (first) {
          return -1;
        }
        int close = closingQuote(cps, j, to);
        if (close < 0) {
          return -1;
        }
        // A label names something ("azure-arm", "ubuntu"): one holding a blank, a colon or a comma
        // is JSON whose quotes are out of step (b": "…", "c": "{), and the "names" between such
        // quotes are its values.
        for (int k = j + 1; k < close; k++) {
          if (!isNamePart(cps[k]) && cps[k] != '.') {
            return -1;
          }
        }
        j = close + 1;
        continue;
      }
      int end = j;
      while (end < to && isNamePart(cps[end])) {
        end++;
      }
      if (end == j) {
        return -1;
      }
      first = false;
      j = end;
    }
    return -1;
  }

  private static boolean isNamePart(int c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-';
  }

  /** A reference such as {@code var.region} or {@code local.x}: a name, not a value. */
  private static boolean isReference(int[] cps, int from, int end) {
    String word = new String(cps, from, end - from);
    if (!(word.startsWith("var.") || word.startsWith("local."))) {
      return false;
    }
    for (int j = word.indexOf('.') + 1; j < word.length(); j++) {
      char ch = word.charAt(j);
      if (!(isNamePart(ch) || ch == '.')) {
        return false;
      }
    }
    return word.indexOf('.') + 1 < word.length();
  }

  /** Leaves whitespace at both ends of a masked comment visible. */
  private static void trimMask(int[] cps, int from, int to, boolean[] mask) {
    for (int j = from; j < to && Character.isWhitespace(cps[j]); j++) {
      mask[j] = false;
    }
    for (int j = to - 1; j >= from && Character.isWhitespace(cps[j]); j--) {
      mask[j] = false;
    }
  }

  /** The index of the closing quote of the string opening at {@code open}; -1 if unclosed. */
  private static int closingQuote(int[] cps, int open, int to) {
    int q = cps[open];
    int j = open + 1;
    while (j < to) {
      if (q == '"' && cps[j] == '\\') {
        j += 2;
        continue;
      }
      if (cps[j] == q) {
        if (q == '\'' && j + 1 < to && cps[j + 1] == '\'') {
          j += 2; // YAML's doubled quote
          continue;
        }
        return j;
      }
      j++;
    }
    return -1;
  }

  /**
   * @param value whether a value is read here: then {@code =} is part of it ({@code ?a=b})
   */
  private static int wordEnd(int[] cps, int from, int to, boolean value) {
    int j = from;
    while (j < to) {
      int c = cps[j];
      if (Character.isWhitespace(c) || "{}[](),\"'".indexOf(c) >= 0 || (c == '=' && !value)) {
        break;
      }
      if (c == ':' && (j + 1 == to || Character.isWhitespace(cps[j + 1]))) {
        break;
      }
      j++;
    }
    return Math.max(j, from + 1);
  }

  /** Whether {@code =} (not {@code ==} or {@code =>}) or {@code :} follows, after spaces. */
  private static boolean followedByAssignment(int[] cps, int from, int to) {
    int j = from;
    while (j < to && (cps[j] == ' ' || cps[j] == '\t')) {
      j++;
    }
    if (j >= to) {
      return false;
    }
    if (cps[j] == ':') {
      return true;
    }
    return cps[j] == '=' && (j + 1 >= to || (cps[j + 1] != '=' && cps[j + 1] != '>'));
  }

  private static MaskedLine build(int[] cps, boolean[] mask) {
    StringBuilder out = new StringBuilder();
    int[] starts = new int[cps.length];
    int[] ends = new int[cps.length];
    int outIndex = 0;
    int i = 0;
    while (i < cps.length) {
      if (!mask[i]) {
        out.appendCodePoint(cps[i]);
        starts[i] = outIndex;
        ends[i] = outIndex + 1;
        outIndex++;
        i++;
        continue;
      }
      int j = i;
      while (j < cps.length && mask[j]) {
        j++;
      }
      out.append(MASK);
      for (int k = i; k < j; k++) {
        starts[k] = outIndex;
        ends[k] = outIndex + MASK.length();
      }
      outIndex += MASK.length();
      i = j;
    }
    return new MaskedLine(out.toString(), starts, ends);
  }

  // ---- scrubbing messages ------------------------------------------------------------------

  /** Adds the masked pieces of a line (each run of non-space masked text) to {@code into}. */
  private static void collect(SourceFile file, int number, Set<String> into) {
    int[] cps = codePoints(file.line(number));
    boolean[] mask = mask(file, number, cps, false);
    StringBuilder piece = new StringBuilder();
    for (int i = 0; i <= cps.length; i++) {
      boolean in = i < cps.length && mask[i] && !Character.isWhitespace(cps[i]);
      if (in) {
        piece.appendCodePoint(cps[i]);
      } else if (piece.length() > 0) {
        if (piece.codePointCount(0, piece.length()) >= MIN_SCRUBBED_LENGTH) {
          into.add(piece.toString());
        }
        piece.setLength(0);
      }
    }
  }

  /**
   * The code points of {@code line}, by a plain loop: a conversion masks the lines of every secret
   * range, and C1 code runs {@code codePoints().toArray()} as a stream pipeline.
   */
  private static int[] codePoints(String line) {
    int n = line.length();
    int[] cps = new int[n];
    int count = 0;
    for (int i = 0; i < n; ) {
      int c = line.codePointAt(i);
      cps[count++] = c;
      i += Character.charCount(c);
    }
    return count == n ? cps : Arrays.copyOf(cps, count);
  }

  /** Replaces {@code value} where it stands as a whole word (not inside a longer name). */
  private static String replaceWhole(String text, TextSearch search) {
    int at = search.in(text, 0);
    if (at < 0) {
      return text;
    }
    String value = search.pattern();
    StringBuilder out = new StringBuilder();
    int from = 0;
    for (; at >= 0; at = search.in(text, from)) {
      int end = at + value.length();
      boolean before = at == 0 || !isWordPart(text.codePointBefore(at), value.codePointAt(0));
      boolean after =
          end == text.length()
              || !isWordPart(text.codePointAt(end), value.codePointBefore(value.length()));
      if (before && after) {
        out.append(text, from, at).append(MASK);
      } else {
        out.append(text, from, end);
      }
      from = end;
    }
    return out.append(text.substring(from)).toString();
  }

  /** Whether {@code c} next to a value's edge {@code edge} would make them one word. */
  private static boolean isWordPart(int c, int edge) {
    boolean wordEdge = Character.isLetterOrDigit(edge) || edge == '_';
    return wordEdge && (Character.isLetterOrDigit(c) || c == '_');
  }
}
