package io.github.packer2aib.core.bind.aib;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.doc.ArmExpression;
import io.github.packer2aib.core.doc.ArmPropertyLoop;
import io.github.packer2aib.core.doc.DocArray;
import io.github.packer2aib.core.doc.DocMember;
import io.github.packer2aib.core.doc.DocNode;
import io.github.packer2aib.core.doc.DocObject;
import io.github.packer2aib.core.doc.DocScalar;
import java.util.Locale;
import java.util.Optional;

/**
 * An image template taken out of an ARM deployment template whose values still call the
 * deployment's {@code parameters()} or {@code variables()}: the output is the resource alone, which
 * neither {@code az image builder create} nor a deployment without those parameters can take as it
 * is. One warning per resource, at the first such value.
 */
public final class DeploymentReferences {
  private DeploymentReferences() {}

  /** The warning for {@code ref}, when it comes from a deployment and refers to its inputs. */
  public static Optional<Diagnostic> check(ResourceRef ref) {
    return check(ref, false);
  }

  /**
   * As {@link #check(ResourceRef)}; with {@code apiVersionResolved} the resource's own {@code
   * apiVersion} is not counted: it names a variable whose literal value the output writes instead.
   */
  public static Optional<Diagnostic> check(ResourceRef ref, boolean apiVersionResolved) {
    if (ref.pointer().isEmpty() || ref.pointer().equals("/")) {
      return Optional.empty(); // a resource document of its own: no deployment around it
    }
    Found found = new Found();
    for (DocMember m : ref.node().members()) {
      if (!(apiVersionResolved && m.key().equals("apiVersion"))) {
        walk(m.value(), found);
      }
    }
    if (found.first == null) {
      return Optional.empty();
    }
    return Optional.of(
        Diagnostic.of(
                BindCode.DEPLOYMENT_REFERENCES,
                found.first.range(),
                "This image template comes from an ARM deployment template, and "
                    + (found.count == 1
                        ? "one of its values calls"
                        : found.count + " of its values call")
                    + " the deployment's parameters() or variables(), which the output (the"
                    + " resource alone) does not define. Deploy the output inside a deployment"
                    + " template that defines them, or write the values in their place before"
                    + " giving it to az image builder or the REST API.")
            .withPath(ref.pointer()));
  }

  private static final class Found {
    DocScalar first;
    int count;
  }

  private static void walk(DocNode node, Found found) {
    if (node instanceof DocObject o) {
      for (DocMember m : o.members()) {
        // A property loop is an error of its own (BIND-E004): its count and input are not output.
        if (!ArmPropertyLoop.is(m)) {
          walk(m.value(), found);
        }
      }
    } else if (node instanceof DocArray a) {
      for (DocNode item : a.items()) {
        walk(item, found);
      }
    } else if (node instanceof DocScalar s && ArmExpression.isExpression(s)) {
      String lower = s.text().toLowerCase(Locale.ROOT);
      if (lower.contains("parameters(") || lower.contains("variables(")) {
        found.count++;
        if (found.first == null) {
          found.first = s;
        }
      }
    }
  }
}
