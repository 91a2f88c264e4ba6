package io.github.packer2aib.core.validate.spec;

import io.github.packer2aib.core.diag.SecretScrubber;
import io.github.packer2aib.core.doc.DocArray;
import io.github.packer2aib.core.doc.DocMember;
import io.github.packer2aib.core.doc.DocNode;
import io.github.packer2aib.core.doc.DocObject;
import io.github.packer2aib.core.doc.DocScalar;
import io.github.packer2aib.core.source.Range;
import java.util.Locale;
import java.util.Map;

/**
 * What to do about a value of the wrong type: the sentence after "X must be Y, not Z." Most wrong
 * types in YAML are YAML reading the text differently from its author ({@code - echo Status: done}
 * is a mapping, {@code runElevated: yes} a string), so the hint names that reading and the fix.
 */
final class TypeHints {
  private TypeHints() {}

  /** Words that YAML 1.1 read as booleans and the YAML 1.2 core schema reads as strings. */
  private static final Map<String, Boolean> YAML11_BOOLEANS =
      Map.of("yes", true, "on", true, "y", true, "no", false, "off", false, "n", false);

  /** Longest value quoted back in a hint; longer ones get the advice without the text. */
  private static final int MAX_QUOTED = 80;

  /**
   * @param node the value found
   * @param expected what the place takes: "a string", "an integer", "a boolean (true or false)"…
   * @return a sentence starting with a space, or "" when there is nothing useful to add
   */
  static String of(DocNode node, String expected) {
    return of(node, expected, false);
  }

  /**
   * {@link #of(DocNode, String)} for a value that may be an item of a list ({@code listItem}):
   * there an empty string is most likely a line such as {@code - #!/bin/bash}, which YAML reads as
   * an empty item and a comment.
   */
  static String of(DocNode node, String expected, boolean listItem) {
    if (node instanceof DocScalar s && s.type() == DocScalar.Type.NULL) {
      if (!s.text().isEmpty() && s.untyped() && expected.startsWith("a string")) {
        // Written out (~, null, Null): the author may have meant the text.
        return " Give it a value, or remove it. YAML reads "
            + s.text()
            + " as no value: put it in quotes to mean the text.";
      }
      return listItem && expected.startsWith("a string")
          ? " Give it a value, or remove it. In YAML, text that starts with \"#\" after a blank"
              + " (- #!/bin/bash) is a comment: put such text in quotes."
          : " Give it a value, or remove it.";
    }
    if (expected.startsWith("a string")) {
      return forString(node);
    }
    if (expected.startsWith("a boolean")) {
      return forBoolean(node);
    }
    if (expected.startsWith("an integer")) {
      return " Write a whole number.";
    }
    if (expected.startsWith("a number")) {
      return " Write a number.";
    }
    if (expected.startsWith("an array")) {
      return node instanceof DocScalar s && s.isString() && fits(s.text()) && quotable(s.text())
          ? " Write it as a list, even of one item: [" + json(s.text()) + "]."
          : " Write it as a list, even of one item: [ … ].";
    }
    if (expected.startsWith("an object")) {
      return " Write it as an object: its properties as \"key: value\" lines indented below it,"
          + " or in { } braces.";
    }
    return "";
  }

  private static String forString(DocNode node) {
    if (node instanceof DocObject o) {
      String line = oneLineMapping(o);
      boolean noValue = line != null && line.endsWith(":");
      if (line != null && !quotable(line)) {
        return noValue
            ? " YAML read this as a key, because a colon at the end of a line ends a key. Put the"
                + " whole text in quotes."
            : " YAML read this as a key and a value, because a colon followed by a space ends a"
                + " key. Put the whole text in quotes.";
      }
      if (line != null) {
        DocMember m = o.members().get(0);
        return " YAML read this as the key \""
            + m.key()
            + (noValue
                ? "\" with no value, because a colon at the end of a line ends a key."
                : "\" with the value \""
                    + ((DocScalar) m.value()).text()
                    + "\", because a colon followed by a space ends a key.")
            + " Put the whole text in quotes: "
            + singleQuoted(line)
            + ".";
      }
      return " Write one string; put text that starts with \"{\" in quotes.";
    }
    if (node instanceof DocArray) {
      return " Write one string; put text that starts with \"[\" in quotes.";
    }
    return " Put the value in quotes.";
  }

  /**
   * Whether a hint may quote {@code text}: not when it holds what a quoted source line masks (a
   * password after {@code --password:}, a SAS signature), as the line above the hint shows it
   * masked and the hint would show it whole.
   */
  private static String capital(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }

  private static boolean quotable(String text) {
    return SecretScrubber.scrub(text).equals(text);
  }

  private static String forBoolean(DocNode node) {
    if (node instanceof DocScalar s && s.isString()) {
      Boolean yaml11 = s.untyped() ? YAML11_BOOLEANS.get(s.text().toLowerCase(Locale.ROOT)) : null;
      if (yaml11 != null) {
        return " YAML 1.2 reads \""
            + s.text()
            + "\" as text, not as a boolean: write "
            + yaml11
            + ".";
      }
      String t = s.text().trim().toLowerCase(Locale.ROOT);
      if (t.equals("true") || t.equals("false")) {
        // Unquoted, it is text by its case alone (tRUE): YAML reads true, True and TRUE.
        return s.untyped() && s.text().trim().equals(s.text())
            ? " Write "
                + t
                + " in lower case: YAML reads only "
                + t
                + ", "
                + capital(t)
                + " and "
                + t.toUpperCase(Locale.ROOT)
                + " as a boolean."
            : " Write " + t + " without quotes.";
      }
    }
    return " Write true or false.";
  }

  /**
   * The text of a YAML block mapping of one plain entry written on one line ({@code echo Status:
   * done}, or {@code echo done:} with no value), as its author most likely meant it, or null when
   * the object is anything else. A block mapping starts at its first key; a flow mapping or a JSON
   * object starts at its brace.
   */
  private static String oneLineMapping(DocObject o) {
    if (o.members().size() != 1 || o.range() == null) {
      return null;
    }
    DocMember m = o.members().get(0);
    Range key = m.keyRange();
    if (key == null
        || key.startOffset() != o.range().startOffset()
        || !(m.value() instanceof DocScalar v)
        || v.range() == null
        || key.start().line() != v.range().end().line()) {
      return null;
    }
    String line;
    if (v.type() != DocScalar.Type.NULL) {
      line = m.key() + ": " + v.text();
    } else if (v.text().isEmpty() && v.range().startOffset() == v.range().endOffset()) {
      // "- echo done:": the key with nothing after its colon.
      line = m.key() + ":";
    } else {
      return null;
    }
    return fits(line) ? line : null;
  }

  private static boolean fits(String text) {
    return text.length() <= MAX_QUOTED && text.indexOf('\n') < 0 && text.indexOf('\r') < 0;
  }

  private static String singleQuoted(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  private static String json(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
