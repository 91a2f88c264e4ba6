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
import java.util.Set;

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
    String tagged = forTag(node, expected);
    if (tagged != null) {
      return tagged;
    }
    if (node instanceof DocScalar s && s.type() == DocScalar.Type.NULL) {
      if (!s.text().isEmpty() && s.untyped() && expected.startsWith("a string")) {
        // Written out (~, null, Null): the author may have meant the text.
        return " Give it a value, or remove it. YAML reads "
            + s.text()
            + " as no value: put it in quotes to mean the text.";
      }
      if (s.text().isEmpty() && s.tag() != null) {
        // "- !important": YAML took the text for a tag, and nothing is left of the value.
        return " YAML read "
            + s.tag()
            + " as a tag, which is not part of the value, and found no value after it."
            + (s.tag().startsWith("!") && fits(s.tag()) && quotable(s.tag())
                ? " To mean the text, put it in quotes: " + singleQuoted(s.tag()) + "."
                : " To mean the text, put it in quotes.");
      }
      // Only a value with nothing written at all can be a line whose text YAML read as a
      // comment; an anchor alone (- &a) or JSON's null is none.
      return listItem && expected.startsWith("a string") && s.text().isEmpty() && nothingWritten(s)
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
      return forArray(node, null, false);
    }
    if (expected.startsWith("an object")) {
      return " Write it as an object: its properties as \"key: value\" lines indented below it,"
          + " or in { } braces.";
    }
    return "";
  }

  /**
   * What the items of a list of objects look like, for the hint of a single value where the list
   * goes: {@code noun} names them ("customizer objects"), and {@code key: value} is how an item
   * starts ({@code type: Shell}; {@code value} null for "…").
   */
  record ObjectItems(String noun, String key, String value) {}

  /**
   * The hint for a value that is not an array where one goes.
   *
   * @param objects what the items look like when they are objects; null for other items
   * @param ownLine whether the value stands on a later line than its key, as a list's items do
   */
  static String forArray(DocNode node, ObjectItems objects, boolean ownLine) {
    if (node instanceof DocScalar s && s.isString()) {
      String text = s.text();
      if (objects == null && ownLine && s.untyped() && missingBlankAfterDash(text)) {
        // A plain YAML value on the line below its key, "-ok", is text: a list item needs a
        // blank after its dash.
        boolean one = text.chars().noneMatch(Character::isWhitespace);
        return one && fits(text) && quotable(text)
            ? " YAML read "
                + json(text)
                + " as text, not as a list item, because a list item needs a blank after its"
                + " \"-\". Write \"- "
                + text.substring(1)
                + "\"."
            : " YAML read this as text, not as a list, because a list item needs a blank after its"
                + " \"-\". Write \"- \" before each item.";
      }
      if (objects != null) {
        String start = objects.key() + ": " + (objects.value() == null ? "…" : objects.value());
        return " Write a list of "
            + objects.noun()
            + ", even of one: each item starts with \"- "
            + start
            + "\" and has its other properties on the lines below, lined up with \""
            + objects.key()
            + "\" (in JSON: [{"
            + json(objects.key())
            + ": "
            + (objects.value() == null ? "…" : json(objects.value()))
            + ", …}]).";
      }
      if (fits(text) && quotable(text)) {
        return " Write it as a list, even of one item: [" + json(text) + "].";
      }
    }
    return " Write it as a list, even of one item: [ … ].";
  }

  /** {@code -ok}: a dash, then neither a blank nor another dash (an option such as --verbose). */
  private static boolean missingBlankAfterDash(String text) {
    return text.length() > 1
        && text.charAt(0) == '-'
        && text.charAt(1) != '-'
        && !Character.isWhitespace(text.charAt(1));
  }

  /**
   * The hint for a value whose type comes from its tag ({@code !!int "42"}, {@code !!str true}),
   * where the value without the tag would fit; null for any other value.
   */
  static String forTag(DocNode node, String expected) {
    if (!(node instanceof DocScalar s) || s.tag() == null || s.untyped()) {
      return null;
    }
    boolean textTag = s.tag().equals("!!str") || s.tag().equals("!");
    if (expected.startsWith("a string") && s.type() == DocScalar.Type.NULL) {
      // The tag makes any text null, and without it an empty value, ~ or null still is.
      return " Remove the tag "
          + s.tag()
          + ", which makes the value null, and write the text you mean in quotes.";
    }
    if (expected.startsWith("a string") && !s.isString()) {
      return " Remove the tag "
          + s.tag()
          + ": it makes YAML read the value as "
          + s.kindName()
          + ", not as text.";
    }
    String t = s.text().trim();
    if (textTag && expected.startsWith("a boolean") && BOOLEAN_WORDS.contains(t)) {
      return " Remove the tag " + s.tag() + ": it makes YAML read the value as text.";
    }
    if (textTag
        && (expected.startsWith("an integer") || expected.startsWith("a number"))
        && t.matches("[-+]?[0-9]+(\\.[0-9]+)?")) {
      return " Remove the tag " + s.tag() + ": it makes YAML read the value as text.";
    }
    return null;
  }

  /** The booleans of the YAML 1.2 core schema. */
  private static final Set<String> BOOLEAN_WORDS =
      Set.of("true", "True", "TRUE", "false", "False", "FALSE");

  /** Whether nothing at all stands where the value is: an empty range, or none. */
  private static boolean nothingWritten(DocScalar s) {
    return s.range() == null || s.range().startOffset() == s.range().endOffset();
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
      Layout layout = layout(o);
      if (layout == Layout.BRACKETED) {
        return " Write one string; put text that starts with \"{\" in quotes.";
      }
      if (layout == Layout.ELSEWHERE) {
        return " Write one string.";
      }
      DocMember first = o.members().isEmpty() ? null : o.members().get(0);
      if (first != null
          && first.keyRange() != null
          && o.range() != null
          && first.keyRange().startOffset() > o.range().startOffset()) {
        // A block mapping starts at its first key, or at the "?" before an explicit one.
        return " YAML read this as a mapping, because \"? \" (a question mark and a blank) starts"
            + " a key. Write one string: put the whole text in quotes.";
      }
      return " YAML read this as a mapping, because a colon followed by a blank, or at the end of"
          + " a line, ends a key. Write one string: put the whole text in quotes.";
    }
    if (node instanceof DocArray a) {
      return switch (layout(a)) {
        case BRACKETED -> " Write one string; put text that starts with \"[\" in quotes.";
        case BLOCK ->
            " YAML read this as a list, because \"- \" (a dash and a blank) starts a list"
                + " item. Write one string: put the whole text in quotes.";
        case ELSEWHERE -> " Write one string.";
      };
    }
    return " Put the value in quotes.";
  }

  /** How a collection is written, for what to say about the text YAML read as one. */
  private enum Layout {
    /** In brackets: JSON, or YAML's flow style ({@code [ -f x ]}). */
    BRACKETED,
    /** As YAML block lines ({@code - - nested}, {@code - ? weird}). */
    BLOCK,
    /** Somewhere else: an alias ({@code *name}) of a collection written elsewhere. */
    ELSEWHERE
  }

  /**
   * A bracketed collection ends after its closing bracket, a block one with its last entry; the
   * entries of an alias's collection stand outside its range.
   */
  private static Layout layout(DocNode node) {
    Range r = node.range();
    if (r == null) {
      return Layout.BRACKETED;
    }
    int last = -1;
    boolean outside = false;
    if (node instanceof DocArray a) {
      for (DocNode item : a.items()) {
        Range ir = item.range();
        if (ir != null) {
          last = Math.max(last, ir.endOffset());
          outside |= ir.startOffset() < r.startOffset();
        }
      }
    } else if (node instanceof DocObject o) {
      for (DocMember m : o.members()) {
        for (Range mr : new Range[] {m.keyRange(), m.value().range()}) {
          if (mr != null) {
            last = Math.max(last, mr.endOffset());
            outside |= mr.startOffset() < r.startOffset();
          }
        }
      }
    }
    if (outside || last > r.endOffset()) {
      return Layout.ELSEWHERE;
    }
    // An empty collection can only be written in brackets.
    return last < 0 || r.endOffset() > last ? Layout.BRACKETED : Layout.BLOCK;
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
    } else if (v.text().isEmpty() && v.tag() == null && nothingWritten(v)) {
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
