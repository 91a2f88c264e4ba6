package io.github.packer2aib.core.bind.aib;

import io.github.packer2aib.core.diag.DiagnosticCode;

/** Diagnostics of finding and binding AIB image templates in a JSON or YAML document. */
public enum BindCode implements DiagnosticCode {
  /** The document holds no imageTemplates resource, ARM template with one, or REST body. */
  NO_IMAGE_TEMPLATE("BIND-E001", "No image template found"),
  /** The document is a Packer template, which this command path does not read. */
  PACKER_TEMPLATE("BIND-E002", "Packer template where an image template was expected"),
  /** An ARM expression stands for a whole object or array, which the model cannot hold. */
  STRUCTURED_EXPRESSION("BIND-E003", "Expression where a value must be written out"),
  /** An ARM property loop ("copy" inside properties) builds an array the output would lack. */
  PROPERTY_LOOP("BIND-E004", "ARM property loop not expanded"),
  /**
   * A converted template would hold the text of a secure parameter's default (a YAML alias of it, a
   * copy written out): the file would publish what ARM never shows (see {@link
   * SecureValuesInOutput}).
   */
  SECURE_VALUE_IN_OUTPUT("BIND-E005", "Secure parameter's value in output"),
  /** An ARM copy loop would deploy several templates; the conversion keeps one. */
  COPY_LOOP_NOT_EXPANDED("BIND-W001", "ARM copy loop not expanded"),
  /** A resource taken out of a deployment still calls its parameters() or variables(). */
  DEPLOYMENT_REFERENCES("BIND-W002", "Values refer to the deployment's parameters"),
  /** Two image template resources of one deployment template have the same literal name. */
  DUPLICATE_RESOURCE_NAME("BIND-W003", "Two image templates of one name"),
  /**
   * An image template, or the nested deployment holding it, whose ARM {@code condition} is a
   * literal false: ARM never deploys it, the converted file creates it.
   */
  NEVER_DEPLOYED("BIND-W004", "Image template that ARM never deploys"),
  /** A key of the ARM deployment template (dependsOn, comments, …) that is not in the resource. */
  ARM_KEY_DROPPED("BIND-N001", "ARM-only key dropped"),
  /** An empty document of a stream that has others (a trailing "---"): skipped. */
  EMPTY_DOCUMENT("BIND-N002", "Empty document skipped"),
  /**
   * A string of a resource taken out of a deployment starts with ARM's escape "[[": written as the
   * literal in an output without expressions, kept in one with them (see {@link ArmEscapes}).
   */
  ARM_ESCAPE("BIND-N003", "ARM escape \"[[\" in a string"),
  /**
   * A trigger resource of its own (imageTemplates/triggers) of an image template converted here:
   * the output is the template alone (see {@link TemplateTriggers}).
   */
  TRIGGER_LEFT_OUT("BIND-N004", "Trigger of a converted template left out");

  private final Text text;

  BindCode(String id, String summary) {
    this.text = new Text(id, summary);
  }

  @Override
  public Text text() {
    return text;
  }
}
