package io.github.packer2aib.core.bind.aib;

import io.github.packer2aib.core.doc.ArmExpression;
import io.github.packer2aib.core.doc.DocArray;
import io.github.packer2aib.core.doc.DocMember;
import io.github.packer2aib.core.doc.DocNode;
import io.github.packer2aib.core.doc.DocObject;
import io.github.packer2aib.core.doc.DocScalar;
import io.github.packer2aib.core.packer.SensitiveTexts;
import io.github.packer2aib.core.source.Range;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The defaults of an ARM deployment template's secure parameters ({@code securestring}, {@code
 * secureObject}): ARM never shows such a value, and neither may a quoted source line, a message or
 * a converted template. Found wherever a {@code parameters} object declares them (the template's
 * own, and a nested deployment's inline template's), types and keys matched in any case, as ARM
 * matches them.
 *
 * @param ranges where each default stands in its file, and each other value or key of the file that
 *     holds the text of one (a copy written out by hand), for the renderers to mask
 * @param texts the text of each default's scalars of 8 characters or more, for messages to mask
 *     wherever they hold it
 * @param parameters the secure parameters with such texts, for the scan of the output ({@link
 *     SecureValuesInOutput}) to name
 */
public record SecureParameters(List<Range> ranges, List<String> texts, List<Parameter> parameters) {
  /**
   * As for a Packer template's sensitive variables, one threshold for both: a shorter text ("true",
   * a port) stands in unrelated values and words by chance.
   */
  static final int MIN_LENGTH = SensitiveTexts.MIN_LENGTH;

  /**
   * A secure parameter whose default holds texts of {@link #MIN_LENGTH} characters or more.
   *
   * @param name the parameter's name as declared
   * @param declared where its name stands, or null
   * @param value where its default stands, or null
   * @param object whether it is a {@code secureObject} (else a {@code securestring})
   * @param texts those texts
   */
  public record Parameter(
      String name, Range declared, Range value, boolean object, List<String> texts) {
    public Parameter {
      texts = List.copyOf(texts);
    }

    /**
     * The texts as the value they stand for, to look for in an output: an ARM expression is left
     * out (its value is computed at deployment and unknown here; a template that writes the same
     * expression passes it on to the deployment, which is no copy of a value), and ARM's escape
     * {@code [[} stands for {@code [}, found inside the escaped form too.
     */
    List<String> values() {
      List<String> out = new ArrayList<>();
      for (String t : texts) {
        if (ArmExpression.isExpression(t)) {
          continue;
        }
        String value = t.startsWith("[[") ? t.substring(1) : t;
        if (value.length() >= MIN_LENGTH) {
          out.add(value);
        }
      }
      return out;
    }
  }

  public SecureParameters {
    ranges = List.copyOf(ranges);
    texts = List.copyOf(texts);
    parameters = List.copyOf(parameters);
  }

  /**
   * The secure parameters' defaults declared in {@code documents}, read from {@code text} (the text
   * the documents were read from, to tell a YAML alias from a copy written out).
   */
  public static SecureParameters of(List<DocNode> documents, String text) {
    List<Range> ranges = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    List<Parameter> parameters = new ArrayList<>();
    for (DocNode d : documents) {
      walk(d, ranges, texts, parameters);
    }
    List<String> values = new ArrayList<>();
    for (Parameter p : parameters) {
      values.addAll(p.values());
    }
    if (!values.isEmpty()) {
      Set<Range> defaults = new HashSet<>(ranges);
      for (DocNode d : documents) {
        copies(d, values, defaults, text, ranges);
      }
    }
    return new SecureParameters(ranges, texts, parameters);
  }

  public boolean isEmpty() {
    return ranges.isEmpty() && texts.isEmpty();
  }

  /**
   * Whether {@code range} lies within a secure parameter's default: where the contents of a YAML
   * alias of a default object stand ({@code tags: *secretTags} keeps their anchored ranges).
   */
  boolean inDefault(Range range) {
    for (Parameter p : parameters) {
      Range v = p.value();
      if (v != null
          && v.file().equals(range.file())
          && v.startOffset() <= range.startOffset()
          && range.endOffset() <= v.endOffset()) {
        return true;
      }
    }
    return false;
  }

  private static void walk(
      DocNode node, List<Range> ranges, List<String> texts, List<Parameter> parameters) {
    if (node instanceof DocArray a) {
      for (DocNode item : a.items()) {
        walk(item, ranges, texts, parameters);
      }
      return;
    }
    if (!(node instanceof DocObject o)) {
      return;
    }
    for (DocMember m : o.members()) {
      if (m.key().equalsIgnoreCase("parameters") && m.value() instanceof DocObject declared) {
        for (DocMember p : declared.members()) {
          String type = secureType(p.value());
          DocNode secret = type == null ? null : DocValues.member(p.value(), "defaultValue");
          if (secret != null) {
            if (secret.range() != null) {
              ranges.add(secret.range());
            }
            List<String> own = new ArrayList<>();
            scalars(secret, own);
            texts.addAll(own);
            for (String t : own) {
              // What ARM's escape stands for: a message that says what "[[…]" is written as (the
              // BIND-N003 note) quotes it without the first "[".
              if (t.startsWith("[[") && t.length() > MIN_LENGTH) {
                texts.add(t.substring(1));
              }
            }
            if (!own.isEmpty()) {
              parameters.add(
                  new Parameter(
                      p.key(), p.keyRange(), secret.range(), type.equals("secureobject"), own));
            }
          }
        }
      }
      walk(m.value(), ranges, texts, parameters);
    }
  }

  /** The secure type of a parameter declaration, in lower case, or null for any other. */
  private static String secureType(DocNode declaration) {
    String type = DocValues.string(declaration, "type");
    if (type == null) {
      return null;
    }
    String lower = type.toLowerCase(Locale.ROOT);
    return lower.equals("securestring") || lower.equals("secureobject") ? lower : null;
  }

  /** The text of every scalar in {@code node} (an object's keys are names, not values). */
  private static void scalars(DocNode node, List<String> texts) {
    if (node instanceof DocScalar s) {
      // Shorter texts ("true", a port) would mask unrelated words of every message: the source
      // ranges mask them where they are quoted, as for sensitive variables.
      if (s.type() != DocScalar.Type.NULL && s.text().length() >= MIN_LENGTH) {
        texts.add(s.text());
      }
    } else if (node instanceof DocArray a) {
      for (DocNode item : a.items()) {
        scalars(item, texts);
      }
    } else if (node instanceof DocObject o) {
      for (DocMember m : o.members()) {
        scalars(m.value(), texts);
      }
    }
  }

  /**
   * Adds the range of each value and key outside the defaults that holds one of {@code values}
   * ({@link Parameter#values}: an expression written again is no copy): a default's text pasted
   * into a resource by hand is the same secret, and a diagnostic about that line (the output scan's
   * own error, a pattern error) quoted it. The whole value is masked, as a default is: the words of
   * a secret inside a longer command, masked one by one, left those that read as keys ({@code
   * user:}) shown. A YAML alias of a default is left alone: what stands there is {@code *name},
   * which shows nothing, and the contents of an aliased object keep the ranges of the anchored
   * default.
   */
  private static void copies(
      DocNode node, List<String> values, Set<Range> defaults, String text, List<Range> out) {
    if (node.range() != null && defaults.contains(node.range())) {
      return;
    }
    if (node instanceof DocScalar s) {
      Range r = s.range();
      if (r != null && !isAlias(r, text) && holdsAny(s.text(), values) && !out.contains(r)) {
        out.add(r);
      }
    } else if (node instanceof DocArray a) {
      for (DocNode item : a.items()) {
        copies(item, values, defaults, text, out);
      }
    } else if (node instanceof DocObject o) {
      for (DocMember m : o.members()) {
        Range k = m.keyRange();
        if (k != null && !isAlias(k, text) && holdsAny(m.key(), values) && !out.contains(k)) {
          out.add(k);
        }
        copies(m.value(), values, defaults, text, out);
      }
    }
  }

  /** Whether the node at {@code r} is written as a YAML alias ({@code *pw}). */
  private static boolean isAlias(Range r, String text) {
    int at = r.startOffset();
    return at < text.length() && text.charAt(at) == '*';
  }

  private static boolean holdsAny(String value, List<String> texts) {
    for (String t : texts) {
      if (value.contains(t)) {
        return true;
      }
    }
    return false;
  }
}
