package io.github.packer2aib.core.bind.packer;

import io.github.packer2aib.core.doc.DocArray;
import io.github.packer2aib.core.doc.DocMember;
import io.github.packer2aib.core.doc.DocNode;
import io.github.packer2aib.core.doc.DocObject;
import io.github.packer2aib.core.doc.DocScalar;
import io.github.packer2aib.core.packer.Credentials;
import io.github.packer2aib.core.parse.hcl.LooseArguments;
import io.github.packer2aib.core.source.Range;
import io.github.packer2aib.core.source.SourceFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Where a template file whose syntax is broken writes what may not be shown: the default of each
 * variable and the expression of each local that says {@code sensitive}, and the value of each
 * credential setting ({@link Credentials}). A syntax error stops the load before variables are
 * read, which is where these are known for a file that parses (a variable named as a credential is
 * secret too); the error's own line may be one of them ({@code default = "…" +}, a second {@code
 * default}). In the native syntax they are read from the tokens ({@link LooseArguments}), so a
 * broken value is still found; in HCL's JSON syntax from the JSON document, when only its blocks
 * are broken. When in doubt ({@code sensitive =} anything but {@code false}), a value counts as
 * secret.
 */
final class LooseSecrets {
  private LooseSecrets() {}

  static List<Range> of(SourceFile file) {
    List<LooseArguments.Argument> arguments = LooseArguments.of(file);
    Set<Integer> sensitive = new HashSet<>();
    for (LooseArguments.Argument a : arguments) {
      boolean declared =
          a.name().equals("sensitive") && !text(file, a.value()).strip().equals("false");
      // variable "admin_password" is secret by its name, as InputVariables has it.
      boolean named = a.blockType().equals("variable") && Credentials.holdsSecret(a.blockLabel());
      if (declaresValue(a.blockType()) && (declared || named)) {
        sensitive.add(a.block());
      }
    }
    List<Range> out = new ArrayList<>();
    for (LooseArguments.Argument a : arguments) {
      // Every value of a sensitive block but a plain sensitive = true: a broken line can make the
      // default part of another argument's value (type = string <stray character> default = …,
      // sensitive = true default = … on one line).
      boolean declared =
          sensitive.contains(a.block())
              && !(a.name().equals("sensitive") && text(file, a.value()).strip().equals("true"));
      if (declared || Credentials.holdsSecret(a.name())) {
        out.add(a.value());
      }
    }
    return disjoint(file, out);
  }

  /**
   * The union of {@code ranges}, as few disjoint ranges: in a file whose brackets do not match,
   * each value runs to the end, and a range per nested one would make masking a line (which looks
   * at every range of its file) quadratic in a file of many.
   */
  private static List<Range> disjoint(SourceFile file, List<Range> ranges) {
    List<Range> sorted = new ArrayList<>(ranges);
    sorted.sort(Comparator.comparingInt(Range::startOffset));
    List<Range> out = new ArrayList<>();
    int start = -1;
    int end = -1;
    for (Range r : sorted) {
      if (start >= 0 && r.startOffset() <= end) {
        end = Math.max(end, r.endOffset());
        continue;
      }
      if (start >= 0) {
        out.add(file.range(start, end));
      }
      start = r.startOffset();
      end = r.endOffset();
    }
    if (start >= 0) {
      out.add(file.range(start, end));
    }
    return out;
  }

  /**
   * {@link #of} for a template file in HCL's JSON syntax whose JSON parses but whose blocks do not
   * (a block that is not an object, a template with a syntax error inside a string): the same
   * values, found in the JSON document.
   */
  static List<Range> ofJson(DocNode root) {
    List<Range> out = new ArrayList<>();
    if (root instanceof DocObject o) {
      for (DocMember m : o.members()) {
        if (declaresValue(m.key())) {
          // {"variable": {"pw": {…}}}, or arrays of such objects at either level.
          for (DocObject byName : objects(m.value())) {
            for (DocMember named : byName.members()) {
              boolean credential =
                  m.key().equals("variable") && Credentials.holdsSecret(named.key());
              for (DocObject body : objects(named.value())) {
                sensitiveValue(body, credential, out);
              }
            }
          }
        }
      }
    }
    credentials(root, out);
    return out;
  }

  /**
   * @param credential whether the block is a variable named as a credential: secret whatever its
   *     {@code sensitive} says
   */
  private static void sensitiveValue(DocObject body, boolean credential, List<Range> out) {
    DocNode sensitive = body.get("sensitive").orElse(null);
    boolean no =
        sensitive == null
            || (sensitive instanceof DocScalar s
                && s.asBoolean().isPresent()
                && !s.asBoolean().get());
    if (no && !credential) {
      return;
    }
    // Every value but sensitive's, as in the native syntax: a misspelt "defualt" holds it too.
    for (DocMember m : body.members()) {
      if (!m.key().equals("sensitive")) {
        out.add(m.value().range());
      }
    }
  }

  /** The values of the credential settings anywhere in {@code node}. */
  private static void credentials(DocNode node, List<Range> out) {
    if (node instanceof DocObject o) {
      for (DocMember m : o.members()) {
        if (Credentials.holdsSecret(m.key())) {
          out.add(m.value().range());
        } else {
          credentials(m.value(), out);
        }
      }
    } else if (node instanceof DocArray a) {
      for (DocNode item : a.items()) {
        credentials(item, out);
      }
    }
  }

  /** An object, or the objects of an array. */
  private static List<DocObject> objects(DocNode node) {
    if (node instanceof DocObject o) {
      return List.of(o);
    }
    List<DocObject> out = new ArrayList<>();
    if (node instanceof DocArray a) {
      for (DocNode item : a.items()) {
        if (item instanceof DocObject o) {
          out.add(o);
        }
      }
    }
    return out;
  }

  /** A {@code variable} block (its {@code default}) or a {@code local} block (its expression). */
  private static boolean declaresValue(String blockType) {
    return blockType.equals("variable") || blockType.equals("local");
  }

  private static String text(SourceFile file, Range r) {
    return file.text().substring(r.startOffset(), r.endOffset());
  }
}
