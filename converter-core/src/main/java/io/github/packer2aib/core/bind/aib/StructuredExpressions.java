package io.github.packer2aib.core.bind.aib;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.doc.ArmExpression;
import io.github.packer2aib.core.doc.ArmPropertyLoop;
import io.github.packer2aib.core.doc.DocArray;
import io.github.packer2aib.core.doc.DocMember;
import io.github.packer2aib.core.doc.DocNode;
import io.github.packer2aib.core.doc.DocObject;
import io.github.packer2aib.core.doc.DocScalar;
import io.github.packer2aib.core.doc.JsonPointer;
import java.util.List;
import java.util.Set;

/**
 * Finds ARM expressions standing for a whole object or array ({@code "tags":
 * "[parameters('tags')]"}). ARM evaluates them at deployment, but the image template model holds
 * such values only written out, so the binder would have to drop them; it reports them instead.
 * Expressions in string, integer and boolean places are kept and need no report.
 */
final class StructuredExpressions {
  private StructuredExpressions() {}

  /** Members whose value is an object or array in every AIB API version. */
  private static final Set<String> STRUCTURED =
      Set.of(
          "properties",
          "identity",
          "userAssignedIdentities",
          "tags",
          "source",
          "planInfo",
          "customize",
          "inline",
          "filters",
          "validExitCodes",
          "distribute",
          "artifactTags",
          "replicationRegions",
          "targetRegions",
          "versioning",
          "errorHandling",
          "optimize",
          "vmBoot",
          "workload",
          "validate",
          "inVMValidations",
          "vmProfile",
          "vnetConfig",
          "autoRun",
          "managedResourceTags",
          "additionalDataDisks");

  /** Members that are maps: their keys are the user's, so the walk does not look inside. */
  private static final Set<String> MAPS =
      Set.of("tags", "artifactTags", "managedResourceTags", "userAssignedIdentities");

  /** Arrays whose items are objects. */
  private static final Set<String> OBJECT_LISTS =
      Set.of("customize", "distribute", "inVMValidations", "targetRegions", "additionalDataDisks");

  /**
   * The discriminators of the model's variants by the member that holds them: the kind of a source,
   * step, validation or target ({@code type}) and of a versioning ({@code scheme}) decides what the
   * binder reads, so an expression there would lose the whole item.
   */
  private static final java.util.Map<String, String> DISCRIMINATORS =
      java.util.Map.of(
          "source", "type",
          "customize", "type",
          "inVMValidations", "type",
          "distribute", "type",
          "versioning", "scheme");

  static void check(ResourceRef ref, List<Diagnostic> out) {
    walk(ref.node(), ref.pointer(), "", out);
  }

  /**
   * @param owner the member holding {@code object} (for an array's item, the array's), or the empty
   *     string for the resource itself
   */
  private static void walk(DocObject object, String pointer, String owner, List<Diagnostic> out) {
    boolean top = owner.isEmpty();
    String discriminator = DISCRIMINATORS.get(owner);
    for (DocMember m : object.members()) {
      String key = m.key();
      if (top && AibBinder.isArmOnlyKey(key)) {
        continue; // dropped with a note of their own; child resources are not the template's
      }
      if (!top && ArmPropertyLoop.is(m)) {
        continue; // a property loop is an error of its own (BIND-E004), whatever it holds
      }
      String child = JsonPointer.append(pointer, key);
      DocNode value = m.value();
      if (isExpression(value) && STRUCTURED.contains(key)) {
        out.add(report(key, value, child, key.equals("properties") ? "object" : kind(key)));
      } else if (isExpression(value) && key.equals(discriminator)) {
        out.add(discriminatorReport(owner, key, value, child));
      } else if (value instanceof DocObject o && !MAPS.contains(key)) {
        walk(o, child, key, out);
      } else if (value instanceof DocArray a) {
        for (int i = 0; i < a.items().size(); i++) {
          DocNode item = a.items().get(i);
          String itemPointer = JsonPointer.append(child, i);
          if (item instanceof DocObject o) {
            walk(o, itemPointer, key, out);
          } else if (OBJECT_LISTS.contains(key) && isExpression(item)) {
            out.add(report(key + "[" + i + "]", item, itemPointer, "object"));
          }
        }
      }
    }
  }

  private static String kind(String key) {
    return switch (key) {
      case "customize",
              "inline",
              "filters",
              "validExitCodes",
              "distribute",
              "replicationRegions",
              "targetRegions",
              "inVMValidations",
              "additionalDataDisks" ->
          "array";
      default -> "object";
    };
  }

  private static boolean isExpression(DocNode node) {
    return node instanceof DocScalar s
        && s.type() == DocScalar.Type.STRING
        && ArmExpression.isExpression(s.text());
  }

  private static Diagnostic discriminatorReport(
      String owner, String key, DocNode value, String pointer) {
    String text = ((DocScalar) value).text();
    return Diagnostic.of(
            BindCode.STRUCTURED_EXPRESSION,
            value.range(),
            "The \""
                + key
                + "\" of this "
                + owner
                + " item is the ARM expression \""
                + text
                + "\", which ARM evaluates only at deployment, but it decides which kind of item"
                + " this is and so how the rest is read: replace the expression with its value.")
        .withPath(pointer);
  }

  private static Diagnostic report(String what, DocNode value, String pointer, String kind) {
    String text = ((DocScalar) value).text();
    return Diagnostic.of(
            BindCode.STRUCTURED_EXPRESSION,
            value.range(),
            "The value of \""
                + what
                + "\" is the ARM expression \""
                + text
                + "\", which ARM evaluates only at deployment. The converted template needs the "
                + kind
                + " written out here: replace the expression with its value.")
        .withPath(pointer);
  }
}
