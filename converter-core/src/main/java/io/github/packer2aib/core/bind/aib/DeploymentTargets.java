package io.github.packer2aib.core.bind.aib;

import io.github.packer2aib.core.doc.ArmExpression;
import io.github.packer2aib.core.doc.DocNode;
import io.github.packer2aib.core.doc.DocObject;
import io.github.packer2aib.core.doc.DocScalar;
import io.github.packer2aib.core.doc.JsonPointer;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the resources of an ARM deployment template are deployed. An inline nested deployment
 * ({@code Microsoft.Resources/deployments}) deploys to the resource group of the deployment around
 * it unless it names a {@code resourceGroup}, {@code subscriptionId} or {@code scope} of its own;
 * two that name the same literal group (and subscription) deploy to one group too. A group,
 * subscription or scope written as an expression is a place of its own: what it evaluates to is not
 * known here.
 */
final class DeploymentTargets {
  private DeploymentTargets() {}

  /**
   * Which resource group the resource at {@code pointer} is deployed to, as a key: {@code "|"} for
   * the group the document is deployed to, else what the nested deployments around it name, outer
   * first. A subscription, group or scope that is an expression is a place of its own (the pointer
   * of its deployment): what it evaluates to is not known here.
   */
  static String resourceGroup(DocNode document, String pointer) {
    String subscription = "";
    String group = "";
    int at = pointer.indexOf(NESTED);
    while (at >= 0) {
      String deploymentPointer = pointer.substring(0, at);
      if (JsonPointer.resolve(document, deploymentPointer) instanceof DocObject deployment) {
        DocNode scope = DocValues.member(deployment, "scope");
        DocNode subscriptionId = DocValues.member(deployment, "subscriptionId");
        DocNode resourceGroup = DocValues.member(deployment, "resourceGroup");
        if (scope != null) {
          subscription = "@" + deploymentPointer;
          group = "";
        }
        if (subscriptionId != null) {
          subscription = literal(subscriptionId).orElse("@" + deploymentPointer);
        }
        if (resourceGroup != null) {
          group = literal(resourceGroup).orElse("@" + deploymentPointer);
        }
      }
      at = pointer.indexOf(NESTED, at + 1);
    }
    return subscription + "|" + group;
  }

  /** Where a nested deployment's inline template starts, after the deployment's own pointer. */
  private static final String NESTED = "/properties/template/";

  /** A literal name, in lower case as Azure compares them; empty for an expression. */
  private static Optional<String> literal(DocNode value) {
    return DocScalar.stringValue(value)
        .filter(v -> !ArmExpression.isExpression(v))
        .map(v -> v.toLowerCase(Locale.ROOT));
  }
}
