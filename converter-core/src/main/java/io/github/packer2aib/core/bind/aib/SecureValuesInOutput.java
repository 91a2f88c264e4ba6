package io.github.packer2aib.core.bind.aib;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.Related;
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

/**
 * The last guard of an ARM deployment template's secure parameters ({@link SecureParameters}): a
 * converted template that holds the text of one's default is not written. ARM never shows such a
 * value, but a YAML alias of the default ({@code runOutputName: *pw}) or the text pasted by hand
 * copies it into the resource, and the converted file is the resource alone, readable by anyone. As
 * the Packer path's final scan ({@code PKRMAP-E405}), it looks for each text of 8 characters or
 * more anywhere in a value (inside a longer command too) and in keys, whatever path brought it
 * there; one error at each value or key that holds one, naming the parameter, never the value.
 */
public final class SecureValuesInOutput {
  private SecureValuesInOutput() {}

  /**
   * The errors for the values and keys of {@code out}, a converted template, that hold the text of
   * a secure parameter's default.
   *
   * @param map where the nodes of the resource it was converted from stand (pointers relative to
   *     the resource, as in {@code out})
   * @param identityGiven whether {@code --identity} replaced the identity: what the user passed as
   *     an option is theirs to publish, as in the Packer path
   */
  public static List<Diagnostic> check(
      SecureParameters secure, DocObject out, SourceMap map, boolean identityGiven) {
    List<Sought> parameters = new ArrayList<>();
    for (SecureParameters.Parameter p : secure.parameters()) {
      List<String> values = p.values();
      if (!values.isEmpty()) {
        parameters.add(new Sought(p, values));
      }
    }
    List<Diagnostic> found = new ArrayList<>();
    if (!parameters.isEmpty()) {
      walk(out, JsonPointer.ROOT, null, secure, parameters, map, identityGiven, found);
    }
    return found;
  }

  /** A parameter with the texts looked for ({@link SecureParameters.Parameter#values}). */
  private record Sought(SecureParameters.Parameter parameter, List<String> values) {}

  /**
   * @param owner the key of the member {@code node} is, or the key of the array it is an item of
   *     (null at the top), to say which value holds the secret
   */
  private static void walk(
      DocNode node,
      String pointer,
      String owner,
      SecureParameters secure,
      List<Sought> parameters,
      SourceMap map,
      boolean identityGiven,
      List<Diagnostic> found) {
    if (node instanceof DocScalar s) {
      if (s.type() == DocScalar.Type.NULL) {
        return;
      }
      List<SecureParameters.Parameter> held = holding(s.text(), parameters);
      if (!held.isEmpty()) {
        found.add(
            error(valueSubject(pointer, owner), held, place(pointer, secure, map), pointer, map));
      }
    } else if (node instanceof DocArray a) {
      for (int i = 0; i < a.items().size(); i++) {
        walk(
            a.items().get(i),
            JsonPointer.append(pointer, i),
            owner,
            secure,
            parameters,
            map,
            identityGiven,
            found);
      }
    } else if (node instanceof DocObject o) {
      for (DocMember m : o.members()) {
        if (identityGiven && pointer.isEmpty() && m.key().equals("identity")) {
          continue;
        }
        String child = JsonPointer.append(pointer, m.key());
        List<SecureParameters.Parameter> held = holding(m.key(), parameters);
        if (!held.isEmpty()) {
          // The pointer to the key would spell the secret: the error is about the object that
          // holds it, pointing at the key, and what is below that key is the same fix.
          Optional<Range> at =
              map.locateKey(child)
                  .filter(r -> !secure.inDefault(r))
                  .or(() -> place(pointer, secure, map));
          String subject = owner == null ? "A key of the template" : "A key of \"" + owner + "\"";
          found.add(error(subject, held, at, pointer, map));
          continue;
        }
        walk(m.value(), child, m.key(), secure, parameters, map, identityGiven, found);
      }
    }
  }

  /**
   * Where the value at {@code pointer} is written: its own range, or, for a value inside a YAML
   * alias of a default object (whose contents keep the ranges of the anchored default), the range
   * of the nearest node above it that stands outside the default, the alias itself. Pointing into
   * the default said where the secret is declared, not where it is copied.
   */
  private static Optional<Range> place(String pointer, SecureParameters secure, SourceMap map) {
    String p = pointer;
    while (true) {
      Optional<Range> r = map.locate(p);
      if (r.isEmpty() || !secure.inDefault(r.get()) || p.isEmpty()) {
        return r;
      }
      p = p.substring(0, p.lastIndexOf('/'));
    }
  }

  /** Those of {@code parameters} whose default's text stands in {@code text}. */
  private static List<SecureParameters.Parameter> holding(String text, List<Sought> parameters) {
    List<SecureParameters.Parameter> out = List.of();
    for (Sought p : parameters) {
      for (String value : p.values()) {
        if (text.contains(value)) {
          if (out.isEmpty()) {
            out = new ArrayList<>();
          }
          out.add(p.parameter());
          break;
        }
      }
    }
    return out;
  }

  /** {@code The value of "runOutputName"}, {@code Item 1 of "inline"}: never the value itself. */
  private static String valueSubject(String pointer, String owner) {
    if (owner == null) {
      return "A value of the template";
    }
    String last = pointer.substring(pointer.lastIndexOf('/') + 1);
    boolean item = !last.isEmpty() && last.chars().allMatch(Character::isDigit);
    return item
        ? "Item " + (Integer.parseInt(last) + 1) + " of \"" + owner + "\""
        : "The value of \"" + owner + "\"";
  }

  private static Diagnostic error(
      String subject,
      List<SecureParameters.Parameter> held,
      Optional<Range> at,
      String pointer,
      SourceMap map) {
    SecureParameters.Parameter first = held.get(0);
    List<String> names = new ArrayList<>();
    for (SecureParameters.Parameter p : held) {
      names.add('"' + p.name() + '"');
    }
    String whose =
        held.size() == 1
            ? "the secure parameter " + names.get(0)
            : "the secure parameters " + String.join(" and ", names);
    String reference = "parameters('" + first.name() + "')";
    boolean anyObject = held.stream().anyMatch(SecureParameters.Parameter::object);
    boolean anyString = held.stream().anyMatch(p -> !p.object());
    String plainType =
        anyObject && anyString ? "string or object" : anyObject ? "object" : "string";
    Diagnostic d =
        Diagnostic.of(
                BindCode.SECURE_VALUE_IN_OUTPUT,
                at.orElse(null),
                subject
                    + " holds the text of the default of "
                    + whose
                    + ", which ARM never shows, but the converted template is a file that"
                    + " anyone who can read it sees in full, so it was not written. Write \"["
                    + reference
                    + "]\" there instead (in a longer string, within an expression such as"
                    + " \"[concat('…', "
                    + reference
                    + ")]\"), so that the deployment passes the value, and better also drop the"
                    + " default and give the secret when deploying (a Key Vault reference in a"
                    + " parameters file); if the value is not secret, declare the parameter as "
                    + plainType
                    + ".")
            .withPath(map.absolute(pointer));
    for (SecureParameters.Parameter p : held) {
      if (p.declared() != null) {
        d = d.withRelated(new Related(p.declared(), "secure parameter \"" + p.name() + "\""));
      }
    }
    return d;
  }
}
