package io.github.packer2aib.core.bind.aib;

import io.github.packer2aib.core.doc.DocArray;
import io.github.packer2aib.core.doc.DocMember;
import io.github.packer2aib.core.doc.DocNode;
import io.github.packer2aib.core.doc.DocObject;
import io.github.packer2aib.core.doc.DocScalar;
import io.github.packer2aib.core.source.Range;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The defaults of an ARM deployment template's secure parameters ({@code securestring}, {@code
 * secureObject}): ARM never shows such a value, and neither may a quoted source line or a message.
 * Found wherever a {@code parameters} object declares them (the template's own, and a nested
 * deployment's inline template's), types and keys matched in any case, as ARM matches them.
 *
 * @param ranges where each default stands in its file, for the renderers to mask
 * @param texts the text of each default's scalars of 8 characters or more, for messages to mask
 *     wherever they hold it
 */
public record SecureParameters(List<Range> ranges, List<String> texts) {
  /** As for a Packer template's sensitive variables ({@code SensitiveTexts.MIN_LENGTH}). */
  private static final int MIN_LENGTH = 8;

  public SecureParameters {
    ranges = List.copyOf(ranges);
    texts = List.copyOf(texts);
  }

  /** The secure parameters' defaults declared in {@code documents}. */
  public static SecureParameters of(List<DocNode> documents) {
    List<Range> ranges = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (DocNode d : documents) {
      walk(d, ranges, texts);
    }
    return new SecureParameters(ranges, texts);
  }

  public boolean isEmpty() {
    return ranges.isEmpty() && texts.isEmpty();
  }

  private static void walk(DocNode node, List<Range> ranges, List<String> texts) {
    if (node instanceof DocArray a) {
      for (DocNode item : a.items()) {
        walk(item, ranges, texts);
      }
      return;
    }
    if (!(node instanceof DocObject o)) {
      return;
    }
    for (DocMember m : o.members()) {
      if (m.key().equalsIgnoreCase("parameters") && m.value() instanceof DocObject parameters) {
        for (DocMember p : parameters.members()) {
          DocNode secret = secureDefault(p.value());
          if (secret != null) {
            if (secret.range() != null) {
              ranges.add(secret.range());
            }
            scalars(secret, texts);
          }
        }
      }
      walk(m.value(), ranges, texts);
    }
  }

  /** The default of a parameter declaration whose type is secure, or null. */
  private static DocNode secureDefault(DocNode declaration) {
    String type = DocValues.string(declaration, "type");
    if (type == null) {
      return null;
    }
    String lower = type.toLowerCase(Locale.ROOT);
    if (!lower.equals("securestring") && !lower.equals("secureobject")) {
      return null;
    }
    return DocValues.member(declaration, "defaultValue");
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
}
