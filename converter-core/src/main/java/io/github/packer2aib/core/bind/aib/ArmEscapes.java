package io.github.packer2aib.core.bind.aib;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.Excerpts;
import io.github.packer2aib.core.doc.ArmExpression;
import io.github.packer2aib.core.doc.DocArray;
import io.github.packer2aib.core.doc.DocMember;
import io.github.packer2aib.core.doc.DocNode;
import io.github.packer2aib.core.doc.DocObject;
import io.github.packer2aib.core.doc.DocScalar;
import io.github.packer2aib.core.doc.JsonPointer;
import io.github.packer2aib.core.source.Range;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * ARM's escape in an image template taken out of a deployment template. ARM reads a string that
 * starts with {@code [} and ends with {@code ]} as an expression; one that starts with {@code [[}
 * (and ends with {@code ]}) is the literal without its first bracket: {@code "[[ -f /etc/motd ]"}
 * is the command {@code [ -f /etc/motd ]}, in a value or a key alike. A string that starts with
 * {@code [[} and ends otherwise is no expression, and ARM keeps it as written.
 *
 * <p>The output is the resource alone. While it still holds an ARM expression it can only be
 * deployed inside a deployment template (which {@code BIND-W002} advises when it calls the
 * deployment's parameters), where ARM reads the escape again: it is kept. Without one it is for
 * {@code az image builder} or the REST API, which evaluate no expression and would store {@code [[}
 * (a bash syntax error in a command): the escape is written as the literal ARM would have passed
 * on, with a note at each string so changed. An escape kept gets one note, at the first.
 */
public final class ArmEscapes {
  private ArmEscapes() {}

  /**
   * The output to write, and the notes about its escapes.
   *
   * @param doc the output: {@code out} itself when nothing changed
   * @param notes one at each escape written as its literal, or one at the first escape kept; none
   *     when the resource holds no escape or comes from no deployment
   */
  public record Result(DocObject doc, List<Diagnostic> notes) {
    public Result {
      notes = List.copyOf(notes);
    }
  }

  /**
   * The output {@code out} of {@code ref} with its escapes resolved where nothing else of it is an
   * expression.
   *
   * @param locate the source range of a value of the output, by its pointer in the resource
   * @param locateKey the source range of a member's key, by the member's pointer in the resource
   */
  public static Result resolve(
      ResourceRef ref,
      DocObject out,
      Function<String, Optional<Range>> locate,
      Function<String, Optional<Range>> locateKey) {
    if (ref.pointer().isEmpty() || ref.pointer().equals("/")) {
      return new Result(out, List.of()); // no deployment: "[[" is what it says
    }
    Found found = new Found();
    walk(out, "", found);
    if (found.escapes.isEmpty()) {
      return new Result(out, List.of());
    }
    if (found.expression != null) {
      // One note: nothing changes, and the first escape shows what the rest are.
      Escape first = found.escapes.get(0);
      int others = found.escapes.size() - 1;
      String detail =
          first.reading()
              + " The output still holds strings that ARM reads as expressions (\""
              + quoted(found.expression)
              + "\" at "
              + found.expressionAt
              + "), which only a deployment evaluates, so the escape is kept as written, for ARM"
              + " to read when the output is deployed inside a deployment template."
              + (others == 0
                  ? ""
                  : others == 1
                      ? " So is the other string that starts with \"[[\" and ends with \"]\"."
                      : " So are the "
                          + others
                          + " other strings that start with \"[[\" and end with \"]\".")
              + " Before giving the output to az image builder or the REST API, which read no"
              + " expressions, write the expressions' values in their place and drop the first"
              + " \"[\" of each escape.";
      return new Result(out, List.of(note(ref, first, detail, locate, locateKey)));
    }
    // A note at each string written otherwise than read: every value changed is said.
    List<Diagnostic> notes = new ArrayList<>(found.escapes.size());
    for (Escape e : found.escapes) {
      String detail =
          e.reading()
              + " The output is the resource alone, with no ARM expression left, for az image"
              + " builder or the REST API, which read no expressions and would keep \"[[\", so it"
              + " is written as \""
              + quoted(e.text().substring(1))
              + "\". To deploy the output inside a deployment template instead, write \"[[\""
              + " again.";
      notes.add(note(ref, e, detail, locate, locateKey));
    }
    return new Result((DocObject) unescape(out), notes);
  }

  private static Diagnostic note(
      ResourceRef ref,
      Escape e,
      String detail,
      Function<String, Optional<Range>> locate,
      Function<String, Optional<Range>> locateKey) {
    Range at =
        (e.key() ? locateKey.apply(e.pointer()) : Optional.<Range>empty())
            .or(() -> locate.apply(e.pointer()))
            .orElse(null);
    return Diagnostic.of(BindCode.ARM_ESCAPE, at, detail).withPath(ref.pointer() + e.pointer());
  }

  /** Whether ARM reads {@code text} as an escaped literal. */
  static boolean isEscape(String text) {
    return text.length() >= 3 && text.startsWith("[[") && text.endsWith("]");
  }

  private static String quoted(String text) {
    return Excerpts.cut(text, 60);
  }

  /**
   * A string of the output that ARM reads as an escape.
   *
   * @param pointer where it is in the resource (a key's: its member's)
   * @param key whether it is a key
   */
  private record Escape(String text, String pointer, boolean key) {
    /** What ARM makes of it. */
    String reading() {
      return "\""
          + quoted(text)
          + "\" starts with ARM's escape \"[[\": a deployment passes it on as \""
          + quoted(text.substring(1))
          + "\".";
    }
  }

  /** The escapes of the output, and its first expression. */
  private static final class Found {
    final List<Escape> escapes = new ArrayList<>();
    String expression;
    String expressionAt;

    void text(String text, String pointer, boolean key) {
      if (isEscape(text)) {
        escapes.add(new Escape(text, pointer, key));
      } else if (expression == null && ArmExpression.isExpression(text)) {
        expression = text;
        expressionAt = pointer;
      }
    }
  }

  private static void walk(DocNode node, String pointer, Found found) {
    if (node instanceof DocObject o) {
      for (DocMember m : o.members()) {
        String at = JsonPointer.append(pointer, m.key());
        found.text(m.key(), at, true);
        walk(m.value(), at, found);
      }
    } else if (node instanceof DocArray a) {
      for (int i = 0; i < a.items().size(); i++) {
        walk(a.items().get(i), JsonPointer.append(pointer, i), found);
      }
    } else if (node instanceof DocScalar s && s.isString()) {
      found.text(s.text(), pointer, false);
    }
  }

  private static DocNode unescape(DocNode node) {
    if (node instanceof DocObject o) {
      List<DocMember> members = new ArrayList<>(o.members().size());
      for (DocMember m : o.members()) {
        String key = isEscape(m.key()) ? m.key().substring(1) : m.key();
        members.add(new DocMember(key, m.keyRange(), unescape(m.value())));
      }
      return new DocObject(members, o.range());
    }
    if (node instanceof DocArray a) {
      List<DocNode> items = new ArrayList<>(a.items().size());
      for (DocNode item : a.items()) {
        items.add(unescape(item));
      }
      return new DocArray(items, a.range());
    }
    if (node instanceof DocScalar s && s.isString() && isEscape(s.text())) {
      return new DocScalar(s.type(), s.text().substring(1), s.untyped(), s.range());
    }
    return node;
  }
}
