package io.github.packer2aib.core.bind.aib;

import io.github.packer2aib.core.doc.ArmExpression;
import io.github.packer2aib.core.doc.ArmValues;
import io.github.packer2aib.core.doc.DocNode;
import io.github.packer2aib.core.doc.DocObject;
import java.util.Optional;

/**
 * The parameters and variables that the expressions of one resource of an ARM deployment template
 * read, in the scope ARM evaluates them in. Inside a nested deployment ({@code
 * Microsoft.Resources/deployments} with an inline {@code properties.template}) that is by default
 * the enclosing template ({@code "outer"} scope): the nested template's own parameters and
 * variables are not read. With {@code properties.expressionEvaluationOptions.scope} {@code "inner"}
 * (what every Bicep module compiles to) it is the nested template itself, whose parameters take the
 * values the deployment passes in {@code properties.parameters} (evaluated in the enclosing scope),
 * else their defaultValue.
 */
final class DeploymentScope implements ArmValues {
  /** The template whose {@code parameters} and {@code variables} the expressions name. */
  private final DocObject template;

  /** For an inner-scope nested template: the scope its deployment's values are evaluated in. */
  private final DeploymentScope enclosing;

  /** For an inner-scope nested template: its deployment's {@code properties}. */
  private final DocObject deployment;

  /** For an inner-scope nested template: where its deployment is, for messages. */
  private final String deploymentPointer;

  private DeploymentScope(
      DocObject template, DeploymentScope enclosing, DocObject deployment, String pointer) {
    this.template = template;
    this.enclosing = enclosing;
    this.deployment = deployment;
    this.deploymentPointer = pointer;
  }

  /** The scope of the resources of a deployment template (that is not nested). */
  static DeploymentScope of(DocObject template) {
    return new DeploymentScope(template, null, null, null);
  }

  /**
   * The scope of the resources of the inline {@code template} of the nested deployment at {@code
   * pointer} whose {@code properties} are given, as {@link AibResourceLocator} walks into it: the
   * nested template's own with the inner scope, else this one.
   */
  DeploymentScope nested(DocObject properties, DocObject template, String pointer) {
    return isInner(properties) ? new DeploymentScope(template, this, properties, pointer) : this;
  }

  /** {@code expressionEvaluationOptions.scope} is {@code inner} (ARM reads it in any case). */
  private static boolean isInner(DocObject properties) {
    String scope =
        DocValues.string(DocValues.object(properties, "expressionEvaluationOptions"), "scope");
    return "inner".equalsIgnoreCase(scope);
  }

  @Override
  public Optional<Value> variable(String name) {
    return AibResourceLocator.variableValue(template, name).map(Value::own);
  }

  @Override
  public Optional<Value> parameterDefault(String name) {
    if (enclosing == null) {
      return AibResourceLocator.parameterDefault(template, name).map(Value::own);
    }
    // A deployment template's parameter that the nested deployment passes on: a deployment of the
    // whole may pass another value, as for the template's own parameters.
    return passed(name)
        .flatMap(
            expression ->
                ArmExpression.parameterName(expression)
                    .flatMap(enclosing::parameterDefault)
                    .map(v -> through(v, passedBy() + " as " + expression)));
  }

  @Override
  public Optional<Value> fixedParameter(String name) {
    if (enclosing == null) {
      return Optional.empty(); // the deployment chooses the values of the template's own
    }
    DocNode given = DocValues.member(DocValues.member(deployment, "parameters"), name);
    if (given == null) {
      // Without a parametersLink (a file read at deployment) the default is the only value.
      return DocValues.member(deployment, "parametersLink") != null
          ? Optional.empty()
          : AibResourceLocator.parameterDefault(template, name)
              .map(
                  text ->
                      new Value(
                          text,
                          Optional.of(
                              "its defaultValue, as the nested deployment at "
                                  + deploymentPointer
                                  + " passes no value")));
    }
    return Optional.ofNullable(DocValues.string(given, "value"))
        .flatMap(
            text -> {
              if (!ArmExpression.isExpression(text)) {
                return Optional.of(new Value(text, Optional.of(passedBy())));
              }
              String hop = passedBy() + " as " + text;
              return ArmExpression.parameterName(text)
                  .flatMap(enclosing::fixedParameter)
                  .or(() -> ArmExpression.variableName(text).flatMap(enclosing::variable))
                  .map(v -> through(v, hop));
            });
  }

  /** The string the deployment passes as the parameter's {@code value}, if it passes one. */
  private Optional<String> passed(String name) {
    DocNode given = DocValues.member(DocValues.member(deployment, "parameters"), name);
    return Optional.ofNullable(DocValues.string(given, "value"));
  }

  private String passedBy() {
    return "passed by the nested deployment at " + deploymentPointer;
  }

  /** {@code v}, reached through one more deployment. */
  private static Value through(Value v, String hop) {
    return new Value(v.text(), Optional.of(hop + v.via().map(w -> ", " + w).orElse("")));
  }
}
