package io.github.packer2aib.core.bind.packer;

import io.github.packer2aib.core.bind.packer.BodySchema.AttributeSpec;
import io.github.packer2aib.core.bind.packer.BodySchema.BlockSpec;
import io.github.packer2aib.core.bind.packer.BodySchema.Rest;
import java.util.List;

/**
 * The block structure of a Packer HCL2 template, after Packer's {@code hcl2template} schemas
 * ({@code configSchema}, {@code packerBlockSchema}, {@code variableBlockSchema}, {@code
 * buildSchema} and the fields its decoders read). Bodies that belong to plugins (sources, data
 * sources, provisioners, post-processors) keep whatever they contain.
 */
final class PackerSchema {
  private PackerSchema() {}

  /** A plugin's body: any argument, any nested block. */
  static final BodySchema PLUGIN = new BodySchema(List.of(), List.of(), Rest.KEEP);

  /** A body of arguments only. */
  static final BodySchema ATTRIBUTES = new BodySchema(List.of(), List.of(), Rest.ATTRIBUTES_ONLY);

  /** {@code dynamic "type" { for_each, iterator, labels, content { … } }} in a plugin's body. */
  static final BlockSpec DYNAMIC =
      new BlockSpec(
          "dynamic",
          List.of("type"),
          new BodySchema(
              List.of(
                  AttributeSpec.required("for_each"),
                  AttributeSpec.keyword("iterator"),
                  AttributeSpec.optional("labels")),
              List.of(new BlockSpec("content", List.of(), PLUGIN)),
              Rest.REJECT));

  static final BodySchema VALIDATION =
      new BodySchema(
          List.of(AttributeSpec.required("condition"), AttributeSpec.required("error_message")),
          List.of(),
          Rest.REJECT);

  static final BodySchema VARIABLE =
      new BodySchema(
          List.of(
              AttributeSpec.optional("description"),
              AttributeSpec.optional("default"),
              AttributeSpec.type("type"),
              AttributeSpec.optional("sensitive")),
          List.of(new BlockSpec("validation", List.of(), VALIDATION)),
          Rest.REJECT);

  static final BodySchema LOCAL =
      new BodySchema(
          List.of(AttributeSpec.required("expression"), AttributeSpec.optional("sensitive")),
          List.of(),
          Rest.REJECT);

  static final BodySchema PACKER =
      new BodySchema(
          List.of(AttributeSpec.optional("required_version")),
          List.of(new BlockSpec("required_plugins", List.of(), ATTRIBUTES)),
          Rest.REJECT);

  /** A build-level {@code source "type.name" { name = …, <more fields> }}. */
  static final BodySchema BUILD_SOURCE =
      new BodySchema(List.of(AttributeSpec.optional("name")), List.of(), Rest.KEEP);

  static final BodySchema PROVISIONER =
      new BodySchema(
          List.of(
              AttributeSpec.optional("name"),
              AttributeSpec.optional("pause_before"),
              AttributeSpec.optional("max_retries"),
              AttributeSpec.optional("timeout"),
              AttributeSpec.optional("only"),
              AttributeSpec.optional("except"),
              AttributeSpec.optional("override"),
              // Newer Packer's (PR #13674); read so that the mapper can say why it is refused.
              AttributeSpec.optional("continue_on_error")),
          List.of(),
          Rest.KEEP);

  static final BodySchema POST_PROCESSOR =
      new BodySchema(
          List.of(
              AttributeSpec.optional("name"),
              AttributeSpec.optional("only"),
              AttributeSpec.optional("except")),
          List.of(),
          Rest.KEEP);

  static final BodySchema POST_PROCESSORS =
      new BodySchema(
          List.of(),
          // dynamic "post-processor" blocks too, which Packer expands in a chain as in a build.
          List.of(new BlockSpec("post-processor", List.of("type"), POST_PROCESSOR), DYNAMIC),
          Rest.REJECT);

  static final BodySchema BUILD =
      new BodySchema(
          List.of(
              AttributeSpec.optional("name"),
              AttributeSpec.optional("description"),
              AttributeSpec.optional("sources")),
          List.of(
              new BlockSpec("source", List.of("reference"), BUILD_SOURCE),
              new BlockSpec("provisioner", List.of("type"), PROVISIONER),
              DYNAMIC,
              new BlockSpec("error-cleanup-provisioner", List.of("type"), PROVISIONER),
              new BlockSpec("post-processor", List.of("type"), POST_PROCESSOR),
              new BlockSpec("post-processors", List.of(), POST_PROCESSORS),
              new BlockSpec("hcp_packer_registry", List.of(), PLUGIN),
              new BlockSpec("from", List.of("type"), PLUGIN)),
          Rest.REJECT);

  /** A whole configuration file. */
  static final BodySchema ROOT =
      new BodySchema(
          List.of(),
          List.of(
              new BlockSpec("packer", List.of(), PACKER),
              new BlockSpec("source", List.of("type", "name"), PLUGIN),
              new BlockSpec("variables", List.of(), ATTRIBUTES),
              new BlockSpec("variable", List.of("name"), VARIABLE),
              new BlockSpec("locals", List.of(), ATTRIBUTES),
              new BlockSpec("local", List.of("name"), LOCAL),
              new BlockSpec("data", List.of("type", "name"), PLUGIN),
              new BlockSpec("build", List.of(), BUILD),
              new BlockSpec("communicator", List.of("type", "name"), PLUGIN),
              // Top level since Packer 1.12.1 (before: inside a build block only).
              new BlockSpec("hcp_packer_registry", List.of(), PLUGIN)),
          Rest.REJECT);
}
