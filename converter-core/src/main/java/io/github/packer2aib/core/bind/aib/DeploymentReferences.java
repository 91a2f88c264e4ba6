package io.github.packer2aib.core.bind.aib;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.doc.ArmExpression;
import io.github.packer2aib.core.doc.ArmPropertyLoop;
import io.github.packer2aib.core.doc.DocArray;
import io.github.packer2aib.core.doc.DocMember;
import io.github.packer2aib.core.doc.DocNode;
import io.github.packer2aib.core.doc.DocObject;
import io.github.packer2aib.core.doc.DocScalar;
import io.github.packer2aib.core.source.Range;
import java.util.Locale;
import java.util.Optional;

/**
 * An image template taken out of an ARM deployment template whose values still call the
 * deployment's {@code parameters()} or {@code variables()}: the output is the resource alone, which
 * neither {@code az image builder create} nor a deployment without those parameters can take as it
 * is. One warning per resource, at the first such value or key.
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
   * Keys count as values do (ARM evaluates an expression in a key, as in {@code
   * userAssignedIdentities}); what the output leaves out does not count: the resource's ARM-only
   * keys ({@code dependsOn}, {@code condition}, its {@code copy} loop, …) and property loops, which
   * are errors of their own.
   */
  public static Optional<Diagnostic> check(ResourceRef ref, boolean apiVersionResolved) {
    if (ref.pointer().isEmpty() || ref.pointer().equals("/")) {
      return Optional.empty(); // a resource document of its own: no deployment around it
    }
    Found found = new Found();
    for (DocMember m : ref.node().members()) {
      if (!(apiVersionResolved && m.key().equalsIgnoreCase("apiVersion"))
          && !AibBinder.isArmOnlyKey(m.key())) {
        walk(m.value(), found);
      }
    }
    if (found.first == null) {
      return Optional.empty();
    }
    int count = found.values + found.keys;
    String which = found.keys == 0 ? "values" : found.values == 0 ? "keys" : "values and keys";
    return Optional.of(
        Diagnostic.of(
                BindCode.DEPLOYMENT_REFERENCES,
                found.first,
                "This image template comes from an ARM deployment template, and "
                    + (count == 1
                        ? "one of its " + which + " calls"
                        : count + " of its " + which + " call")
                    + " the deployment's parameters() or variables(), which the output (the"
                    + " resource alone) does not define. Deploy the output inside a deployment"
                    + " template that defines them, or write the values in their place before"
                    + " giving it to az image builder or the REST API.")
            .withPath(ref.pointer()));
  }

  /** The references counted, and where the first one is. */
  private static final class Found {
    Range first;
    int values;
    int keys;
  }

  private static void walk(DocNode node, Found found) {
    if (node instanceof DocObject o) {
      for (DocMember m : o.members()) {
        if (ArmPropertyLoop.is(m)) {
          continue;
        }
        if (refersToDeployment(m.key())) {
          found.keys++;
          found.first = found.first == null ? m.keyRange() : found.first;
        }
        walk(m.value(), found);
      }
    } else if (node instanceof DocArray a) {
      for (DocNode item : a.items()) {
        walk(item, found);
      }
    } else if (node instanceof DocScalar s && s.isString() && refersToDeployment(s.text())) {
      found.values++;
      found.first = found.first == null ? s.range() : found.first;
    }
  }

  private static boolean refersToDeployment(String text) {
    if (!ArmExpression.isExpression(text)) {
      return false;
    }
    String lower = text.toLowerCase(Locale.ROOT);
    return lower.contains("parameters(") || lower.contains("variables(");
  }
}
