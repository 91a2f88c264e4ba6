package io.github.packer2aib.core.bind.packer;

import io.github.packer2aib.core.bind.packer.BodySchema.AttributeSpec;
import io.github.packer2aib.core.bind.packer.BodySchema.BlockSpec;
import io.github.packer2aib.core.bind.packer.BodySchema.Rest;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.hcl.syntax.Attribute;
import io.github.packer2aib.core.hcl.syntax.Block;
import io.github.packer2aib.core.hcl.syntax.Body;
import io.github.packer2aib.core.hcl.syntax.BodyItem;
import io.github.packer2aib.core.source.Range;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A body checked against its {@link BodySchema} (HCL's {@code Body.Content}): the known arguments
 * by name, the known blocks with the right number of labels, and, for plugin bodies, the rest.
 * Everything the schema rejects is reported once, here.
 */
final class BodyContent {
  private final BodySchema schema;

  /**
   * The first definition of each argument the schema knows, by its index there: every body of a
   * template is checked, and a hash map per body (filled, then asked for each argument) cost more
   * than looking the few names of a schema up.
   */
  private final Attribute[] known;

  // Made at the first item kept: most bodies (a provisioner's, a variable's) keep none, and C1
  // (bulk runs) allocates every list made in vain.
  private List<Block> blocks;
  private List<BodyItem> rest;
  private List<Range> rejectedValues;

  private BodyContent(BodySchema schema) {
    this.schema = schema;
    this.known = new Attribute[schema.attributeCount()];
  }

  /**
   * Checks {@code body}.
   *
   * @param where what the body belongs to, for messages: {@code "a variable block"}
   * @param header where a missing argument is reported: the block's header
   */
  static BodyContent of(
      Body body, BodySchema schema, String where, Range header, List<Diagnostic> out) {
    BodyContent content = new BodyContent(schema);
    List<? extends BodyItem> items = body.items();
    for (int i = 0, n = items.size(); i < n; i++) {
      BodyItem item = items.get(i);
      if (item instanceof Attribute a) {
        content.attribute(a, schema, where, out);
      } else {
        content.block((Block) item, schema, where, out);
      }
    }
    List<AttributeSpec> specs = schema.attributes();
    for (int i = 0, n = specs.size(); i < n; i++) {
      AttributeSpec spec = specs.get(i);
      if (spec.required() && content.known[i] == null) {
        out.add(
            Diagnostic.of(
                PackerCode.MISSING_REQUIRED_ARGUMENT,
                header,
                "The argument \""
                    + spec.name()
                    + "\" is required in "
                    + where
                    + ", but no definition was found. Add "
                    + spec.name()
                    + " = <value> to the block."));
      }
    }
    return content;
  }

  private void attribute(Attribute a, BodySchema schema, String where, List<Diagnostic> out) {
    int index = schema.attributeIndex(a.name());
    if (index >= 0) {
      if (known[index] == null) {
        known[index] = a;
      }
      return;
    }
    if (schema.rest() != Rest.REJECT) {
      keep(a);
      return;
    }
    String detail = "An argument named \"" + a.name() + "\" is not expected in " + where + ".";
    if (schema.block(a.name()).isPresent()) {
      detail +=
          " Did you mean to define a block of type \""
              + a.name()
              + "\"? Write it as "
              + a.name()
              + " { … }, without the equals sign.";
    } else {
      String suggestion = Names.didYouMean(a.name(), schema.attributeNames());
      detail += suggestion.isEmpty() ? " Remove it or fix its name." : suggestion;
      detail += expected(schema.attributeNames(), "arguments");
    }
    out.add(Diagnostic.of(PackerCode.UNSUPPORTED_ARGUMENT, a.nameRange(), detail));
    rejected(a.expression().range());
  }

  private void block(Block b, BodySchema schema, String where, List<Diagnostic> out) {
    Optional<BlockSpec> spec = schema.block(b.type());
    if (spec.isEmpty()) {
      if (schema.rest() == Rest.KEEP) {
        keep(b);
        return;
      }
      String detail;
      if (schema.rest() == Rest.ATTRIBUTES_ONLY) {
        detail =
            "Blocks are not allowed in "
                + where
                + ", which may only contain arguments such as name = value.";
      } else if (schema.attribute(b.type()).isPresent()) {
        detail =
            "Blocks of type \""
                + b.type()
                + "\" are not expected in "
                + where
                + ". Did you mean to define the argument \""
                + b.type()
                + "\"? If so, use the equals sign to assign it a value.";
      } else {
        String suggestion = Names.didYouMean(b.type(), schema.blockTypes());
        detail =
            "Blocks of type \""
                + b.type()
                + "\" are not expected in "
                + where
                + "."
                + (suggestion.isEmpty() ? " Remove the block or fix its type." : suggestion)
                + expected(schema.blockTypes(), "block types");
      }
      out.add(Diagnostic.of(PackerCode.UNSUPPORTED_BLOCK_TYPE, b.typeRange(), detail));
      rejected(b.body().range());
      return;
    }
    List<String> labels = spec.get().labels();
    if (b.labels().size() < labels.size()) {
      String missing = labels.get(b.labels().size());
      out.add(
          Diagnostic.of(
              PackerCode.MISSING_LABEL,
              headerRange(b),
              "A "
                  + b.type()
                  + " block needs "
                  + describeLabels(labels)
                  + ", but this one has "
                  + (b.labels().isEmpty() ? "none" : Integer.toString(b.labels().size()))
                  + ". Add the "
                  + missing
                  + " label."));
      return;
    }
    if (b.labels().size() > labels.size()) {
      var extra = b.labels().get(labels.size());
      out.add(
          Diagnostic.of(
              PackerCode.EXTRANEOUS_LABEL,
              extra.range(),
              (labels.isEmpty()
                      ? "No labels are expected for " + b.type() + " blocks"
                      : "Only "
                          + describeLabels(labels)
                          + (labels.size() == 1 ? " is" : " are")
                          + " expected for "
                          + b.type()
                          + " blocks")
                  + ". Remove the label \""
                  + extra.value()
                  + "\"."));
      return;
    }
    if (blocks == null) {
      blocks = new ArrayList<>();
    }
    blocks.add(b);
  }

  private void rejected(Range value) {
    if (rejectedValues == null) {
      rejectedValues = new ArrayList<>();
    }
    rejectedValues.add(value);
  }

  /**
   * Where the values of the arguments, and the bodies of the blocks, that the schema rejected are
   * written: a misspelt {@code defualt} of a sensitive variable still holds its secret, which a
   * quoted line must not show.
   */
  List<Range> rejectedValues() {
    return rejectedValues == null ? List.of() : rejectedValues;
  }

  private void keep(BodyItem item) {
    if (rest == null) {
      rest = new ArrayList<>();
    }
    rest.add(item);
  }

  /**
   * The header of a block: its type and labels, where problems with the block are reported. A block
   * of HCL's JSON syntax that is one element of an array of several begins at its own brace, after
   * its labels, which it shares with the other elements: that brace alone tells it apart.
   */
  static Range headerRange(Block b) {
    Range r = b.typeRange();
    if (!b.labels().isEmpty()) {
      Range last = b.labels().get(b.labels().size() - 1).range();
      if (last.startOffset() < r.startOffset()) {
        return r;
      }
      r = r.to(last);
    }
    return r;
  }

  private static String describeLabels(List<String> labels) {
    return labels.size() == 1
        ? "1 label (" + labels.get(0) + ")"
        : labels.size() + " labels (" + String.join(", ", labels) + ")";
  }

  /** The sentence listing the {@code kind} allowed here, or nothing when there are none. */
  static String expected(List<String> names, String kind) {
    if (names.isEmpty()) {
      return "";
    }
    return " The " + kind + " allowed here are: " + String.join(", ", names) + ".";
  }

  Optional<Attribute> attribute(String name) {
    return Optional.ofNullable(get(name));
  }

  /**
   * The argument {@code name}, or null: for the hot paths, where C1 (bulk runs) allocates the
   * Optional and the lambda an Optional chain would need.
   */
  Attribute get(String name) {
    int index = schema.attributeIndex(name);
    return index < 0 ? null : known[index];
  }

  /** The known blocks (with the right labels), in source order. */
  List<Block> blocks() {
    return blocks == null ? List.of() : blocks;
  }

  List<Block> blocks(String type) {
    // Loops, not streams, here and below: asked for every block of a template.
    if (blocks == null) {
      return List.of();
    }
    List<Block> found = new ArrayList<>();
    for (int i = 0, n = blocks.size(); i < n; i++) {
      Block b = blocks.get(i);
      if (b.type().equals(type)) {
        found.add(b);
      }
    }
    return Collections.unmodifiableList(found);
  }

  /** Arguments and blocks kept for a plugin (or all arguments of an attributes-only body). */
  List<BodyItem> rest() {
    return rest == null ? List.of() : rest;
  }

  List<Attribute> restAttributes() {
    if (rest == null) {
      return List.of();
    }
    List<Attribute> found = new ArrayList<>();
    for (int i = 0, n = rest.size(); i < n; i++) {
      BodyItem item = rest.get(i);
      if (item instanceof Attribute a) {
        found.add(a);
      }
    }
    return Collections.unmodifiableList(found);
  }
}
