package io.github.packer2aib.core.bind.aib;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.doc.ArmPropertyLoop;
import io.github.packer2aib.core.doc.DocArray;
import io.github.packer2aib.core.doc.DocMember;
import io.github.packer2aib.core.doc.DocNode;
import io.github.packer2aib.core.doc.DocObject;
import io.github.packer2aib.core.doc.JsonPointer;
import java.util.List;

/**
 * Reports ARM property iteration ({@link ArmPropertyLoop}) in an image template: ARM builds the
 * steps or target regions from the loop at deployment, but the converted template is the resource
 * alone, and the loop is not expanded here (its count and items are almost always expressions over
 * the deployment's parameters, as {@code az bicep build} writes them), so the array would be
 * missing from it. An error, never a silent drop: the template would build without those steps.
 */
final class PropertyLoops {
  private PropertyLoops() {}

  static void check(ResourceRef ref, List<Diagnostic> out) {
    for (DocMember m : ref.node().members()) {
      // The resource's own keys of the deployment (its copy loop, child resources) are not it.
      if (!AibBinder.isArmOnlyKey(m.key())) {
        walk(m.value(), JsonPointer.append(ref.pointer(), m.key()), out);
      }
    }
  }

  private static void walk(DocNode node, String pointer, List<Diagnostic> out) {
    if (node instanceof DocObject o) {
      for (DocMember m : o.members()) {
        String child = JsonPointer.append(pointer, m.key());
        if (ArmPropertyLoop.is(m)) {
          out.add(Diagnostic.of(BindCode.PROPERTY_LOOP, m.keyRange(), detail(m)).withPath(child));
        } else {
          walk(m.value(), child, out);
        }
      }
    } else if (node instanceof DocArray a) {
      for (int i = 0; i < a.items().size(); i++) {
        walk(a.items().get(i), JsonPointer.append(pointer, i), out);
      }
    }
  }

  private static String detail(DocMember loop) {
    List<String> names = ArmPropertyLoop.names(loop);
    String start =
        "This \""
            + loop.key()
            + "\" is an ARM property loop (what az bicep build writes for a [for …] loop): at"
            + " deployment ARM builds ";
    String end = ", or deploy the ARM template as it is.";
    if (names.isEmpty()) {
      return start
          + "an array property from each of its loops, but packer2aib does not expand them, so"
          + " the converted template would lack those arrays. Write them out in place of the loop"
          + end;
    }
    String built = String.join(" and ", names.stream().map(n -> "\"" + n + "\"").toList());
    return start
        + built
        + " from it, but packer2aib does not expand the loop, so the converted template would"
        + " have no "
        + built
        + ". Write "
        + built
        + " out in place of the loop, one item per element"
        + end;
  }
}
