package io.github.packer2aib.core.bind.packer;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.Related;
import io.github.packer2aib.core.hcl.eval.EvalContext;
import io.github.packer2aib.core.hcl.syntax.Attribute;
import io.github.packer2aib.core.hcl.syntax.Block;
import io.github.packer2aib.core.hcl.syntax.ScopeTraversal;
import io.github.packer2aib.core.hcl.value.ListValue;
import io.github.packer2aib.core.hcl.value.MapValue;
import io.github.packer2aib.core.hcl.value.ObjectValue;
import io.github.packer2aib.core.hcl.value.SetValue;
import io.github.packer2aib.core.hcl.value.TupleValue;
import io.github.packer2aib.core.hcl.value.Type;
import io.github.packer2aib.core.hcl.value.Value;
import io.github.packer2aib.core.source.Range;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code dynamic "type" { for_each … iterator … labels … content { … } }} expanded into the blocks
 * it generates, as HCL's {@code dynblock} does: in a plugin's body (nested blocks) and in a build
 * (sources, provisioners, post-processors and post-processors chains).
 */
final class DynamicBlocks {
  private final Expressions expressions;
  private final Attributes attributes;
  private final List<Diagnostic> out;

  DynamicBlocks(Expressions expressions, Attributes attributes, List<Diagnostic> out) {
    this.expressions = expressions;
    this.attributes = attributes;
    this.out = out;
  }

  /** The start of the message about a for_each not known while the template is read. */
  private static String unknownForEach(UnknownOrigin origin) {
    return "The for_each value is not known here: it depends on "
        + origin.dependsOn()
        + ", so the ";
  }

  /**
   * One generated block: its labels (from {@code labels}), the content block whose body it has, and
   * the iterator's binding, which the body is evaluated with (its context's child).
   *
   * @param labelsRange where the labels are written: the {@code labels} expression, or the dynamic
   *     block's header when it has none (where a wrong number of labels is reported)
   */
  record Generated(
      List<String> labels, Block content, Map<String, Value> binding, Range labelsRange) {}

  /**
   * The blocks a dynamic block generates, in for_each's order; none when it cannot be expanded
   * (each problem is reported).
   */
  List<Generated> expand(Block b, EvalContext ctx) {
    return expand(b, ctx, null);
  }

  /**
   * {@link #expand(Block, EvalContext)}; {@code whenUnknown}, when not null: a for_each known only
   * when Packer runs is an error rather than a warning, for blocks whose absence changes the result
   * (the sources and steps of a build), where nested blocks of a plugin's body are left out with a
   * warning. It says what the conversion would lack, after "so the": {@code "provisioner steps this
   * dynamic block generates cannot be converted, and an image without them would differ"}.
   */
  List<Generated> expand(Block b, EvalContext ctx, String whenUnknown) {
    List<Generated> into = new ArrayList<>();
    Range header = BodyContent.headerRange(b);
    if (b.labels().size() != 1) {
      out.add(
          Diagnostic.of(
              b.labels().isEmpty() ? PackerCode.MISSING_LABEL : PackerCode.EXTRANEOUS_LABEL,
              header,
              "A dynamic block has exactly one label: the type of the blocks it generates, as in"
                  + " dynamic \"azure_tag\" { … }."));
      return into;
    }
    String type = b.labels().get(0).value();
    BodyContent content =
        BodyContent.of(b.body(), PackerSchema.DYNAMIC.body(), "a dynamic block", header, out);
    List<Block> contents = content.blocks("content");
    if (contents.isEmpty()) {
      out.add(
          Diagnostic.of(
              PackerCode.MISSING_CONTENT_BLOCK,
              header,
              "A dynamic block needs a content { … } block: the body of each block it generates."));
      return into;
    }
    if (contents.size() > 1) {
      out.add(
          Diagnostic.of(
                  PackerCode.DUPLICATE_DECLARATION,
                  contents.get(1).typeRange(),
                  "A dynamic block has exactly one content block; another one was written at "
                      + contents.get(0).typeRange()
                      + ". Merge them.")
              .withRelated(new Related(contents.get(0).typeRange(), "first content block")));
      return into;
    }
    Optional<String> iterator = iterator(content, type);
    Optional<Attribute> forEach = content.attribute("for_each");
    if (iterator.isEmpty() || forEach.isEmpty()) {
      return into;
    }
    Expressions.Outcome collection = expressions.evaluate(forEach.get().expression(), ctx);
    if (!collection.ok()) {
      return into;
    }
    Value.Unmarked um = collection.value().unmark();
    Value c = um.value();
    Range at = forEach.get().expression().range();
    if (c.isNull()) {
      out.add(
          Diagnostic.of(
              PackerCode.INVALID_DYNAMIC_FOR_EACH,
              at,
              "Cannot use a null value in for_each. Give a list, set, map or object."));
      return into;
    }
    if (!c.isKnown() || !isIterable(c.type())) {
      if (!c.isKnown() && (isIterable(c.type()) || c.type() == Type.DYNAMIC)) {
        UnknownOrigin origin = expressions.unknownOrigin(forEach.get().expression(), ctx);
        out.add(
            whenUnknown != null
                ? Diagnostic.of(
                    PackerCode.INVALID_DYNAMIC_FOR_EACH,
                    at,
                    unknownForEach(origin)
                        + whenUnknown
                        + ". "
                        + origin.advice(
                            "to inspect them",
                            "Give for_each a value made of variables and locals."))
                : Diagnostic.of(
                    PackerCode.DYNAMIC_NOT_EXPANDED,
                    at,
                    unknownForEach(origin)
                        + type
                        + " blocks this dynamic block generates are left out."));
        return into;
      }
      out.add(
          Diagnostic.of(
              PackerCode.INVALID_DYNAMIC_FOR_EACH,
              at,
              "Cannot use a "
                  + c.type().friendlyName()
                  + " value in for_each. An iterable collection (list, set, map or object) is"
                  + " required."));
      return into;
    }
    List<Map.Entry<Value, Value>> entries = elements(c);
    if (whenUnknown != null && entries.isEmpty()) {
      // As in Packer, no blocks and no error; but a build's steps or sources that silently are
      // not there (a fileset() that matched no file) are worth a word.
      out.add(
          Diagnostic.of(
              PackerCode.DYNAMIC_GENERATES_NOTHING,
              at,
              "The for_each value is empty, so this dynamic block generates no "
                  + type
                  + " block (as in Packer). If it comes from fileset(), no file matched its"
                  + " pattern. A relative folder given to fileset() is taken from the template's"
                  + " folder, as Packer 1.6.6 takes it, so fileset(path.root, …) looks elsewhere"
                  + " when path.root is relative (such as images/ubuntu): fileset(\".\", …) names"
                  + " the template's folder."));
      return into;
    }
    Block body = contents.get(0);
    Optional<Attribute> labels = content.attribute("labels");
    Range labelsRange = labels.isPresent() ? labels.get().expression().range() : header;
    for (Map.Entry<Value, Value> element : entries) {
      Value key = element.getKey().withMarks(um.marks());
      Value value = element.getValue().withMarks(um.marks());
      Map<String, Value> binding = Map.of(iterator.get(), Value.object("key", key, "value", value));
      EvalContext each = ctx.child(binding);
      List<String> blockLabels = List.of();
      if (labels.isPresent()) {
        Optional<Value> l = attributes.convertMarked(labels.get(), each, Type.list(Type.STRING));
        if (l.isEmpty()) {
          continue;
        }
        if (l.get().containsSensitive()) {
          // As HCL, which refuses a marked label: a label is a name, shown wherever it is used.
          out.add(
              Diagnostic.of(
                  PackerCode.INVALID_DYNAMIC_LABEL,
                  labels.get().expression().range(),
                  "Cannot use a sensitive value as a dynamic block label (it is not shown), so"
                      + " the block is left out. Take the labels from values that are not"
                      + " sensitive."));
          continue;
        }
        if (l.get().isNull() || l.get().elements().stream().anyMatch(Value::isNull)) {
          // As HCL: a label is a name; null names nothing.
          out.add(
              Diagnostic.of(
                  PackerCode.INVALID_DYNAMIC_LABEL,
                  labels.get().expression().range(),
                  "Cannot use a null value as a dynamic block label, so the block is left out."
                      + " Give each label a string."));
          continue;
        }
        blockLabels = strings(l.get());
      }
      into.add(new Generated(blockLabels, body, binding, labelsRange));
    }
    return into;
  }

  /** The iterator's name: the {@code iterator} argument (a bare name) or the block type. */
  private Optional<String> iterator(BodyContent content, String type) {
    Optional<Attribute> iterator = content.attribute("iterator");
    if (iterator.isEmpty()) {
      return Optional.of(type);
    }
    if (iterator.get().expression() instanceof ScopeTraversal t && t.isBareName()) {
      return Optional.of(t.root());
    }
    out.add(
        Diagnostic.of(
            PackerCode.INVALID_DYNAMIC_ITERATOR,
            iterator.get().expression().range(),
            "The iterator of a dynamic block must be a single name, as in iterator = tag (in"
                + " HCL's JSON syntax, a string holding the name: \"iterator\": \"tag\")."));
    return Optional.empty();
  }

  private static boolean isIterable(Type t) {
    return t.isCollection() || t.isStructural();
  }

  /** Key → value of each element, as HCL iterates them: index, set element, or key. */
  private static List<Map.Entry<Value, Value>> elements(Value c) {
    List<Map.Entry<Value, Value>> result = new ArrayList<>();
    if (c instanceof ListValue || c instanceof TupleValue) {
      List<Value> elements = c.elements();
      for (int i = 0; i < elements.size(); i++) {
        result.add(Map.entry(Value.number(i), elements.get(i)));
      }
    } else if (c instanceof SetValue s) {
      for (Value e : s.elements()) {
        result.add(Map.entry(e, e));
      }
    } else if (c instanceof MapValue m) {
      m.entries().forEach((k, v) -> result.add(Map.entry(Value.string(k), v)));
    } else if (c instanceof ObjectValue o) {
      o.attributes().forEach((k, v) -> result.add(Map.entry(Value.string(k), v)));
    }
    return result;
  }

  private static List<String> strings(Value list) {
    List<String> out = new ArrayList<>();
    for (Value e : list.elements()) {
      out.add(e.unmarked().asString());
    }
    return out;
  }
}
