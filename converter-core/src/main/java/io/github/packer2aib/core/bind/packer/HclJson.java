package io.github.packer2aib.core.bind.packer;

import io.github.packer2aib.core.bind.packer.BodySchema.AttributeSpec;
import io.github.packer2aib.core.bind.packer.BodySchema.BlockSpec;
import io.github.packer2aib.core.bind.packer.BodySchema.Rest;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.Excerpts;
import io.github.packer2aib.core.diag.Related;
import io.github.packer2aib.core.doc.DocArray;
import io.github.packer2aib.core.doc.DocMember;
import io.github.packer2aib.core.doc.DocNode;
import io.github.packer2aib.core.doc.DocObject;
import io.github.packer2aib.core.doc.DocScalar;
import io.github.packer2aib.core.hcl.syntax.Attribute;
import io.github.packer2aib.core.hcl.syntax.Block;
import io.github.packer2aib.core.hcl.syntax.Body;
import io.github.packer2aib.core.hcl.syntax.BodyItem;
import io.github.packer2aib.core.hcl.syntax.Expression;
import io.github.packer2aib.core.hcl.syntax.Label;
import io.github.packer2aib.core.hcl.syntax.LiteralValue;
import io.github.packer2aib.core.hcl.syntax.ObjectCons;
import io.github.packer2aib.core.hcl.syntax.ObjectItem;
import io.github.packer2aib.core.hcl.syntax.ScopeTraversal;
import io.github.packer2aib.core.hcl.syntax.TemplateExpr;
import io.github.packer2aib.core.hcl.syntax.TemplateLiteral;
import io.github.packer2aib.core.hcl.syntax.Tuple;
import io.github.packer2aib.core.parse.JsonReader;
import io.github.packer2aib.core.parse.hcl.HclExpressionResult;
import io.github.packer2aib.core.parse.hcl.HclParser;
import io.github.packer2aib.core.parse.hcl.HclTemplateResult;
import io.github.packer2aib.core.parse.hcl.NumberLiterals;
import io.github.packer2aib.core.source.Range;
import io.github.packer2aib.core.source.SourceFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads HCL's JSON syntax ({@code .pkr.json}, {@code .pkrvars.json}) into the same syntax tree the
 * native syntax gives, so everything after parsing is written once. JSON has no blocks, so the
 * schema decides (HCL's JSON specification): a property the schema names as a block type holds
 * blocks, its labels as nested object keys; every other property is an argument. Strings are
 * templates ({@code "${var.x}"}), parsed with the native template parser and located inside the
 * JSON string; in var files they are literal, as Packer evaluates var files without a context.
 *
 * <p>Bodies that belong to plugins have no schema here, so their object-valued properties are
 * arguments with object values (the mapper accepts both), except {@code dynamic}, which HCL itself
 * defines, and a property that holds a {@code dynamic} block: that one is a nested block, so the
 * dynamic block inside it is expanded.
 */
final class HclJson {

  /** How JSON strings are read. */
  enum Mode {
    /** A configuration file: strings are templates. */
    CONFIG,
    /** A var file: strings are literal text. */
    VAR_FILE
  }

  private final SourceFile file;
  private final Mode mode;
  private final List<Diagnostic> out;
  private final HclParser parser = new HclParser();

  /**
   * What the file is, when it is not what its name says ({@link MisnamedFiles}), else null: said
   * instead of a suggestion by the first top-level property that names nothing.
   */
  private String misnamed;

  private HclJson(SourceFile file, Mode mode, List<Diagnostic> out) {
    this.file = file;
    this.mode = mode;
    this.out = out;
  }

  /**
   * Whether {@code at} is in a file of HCL's JSON syntax: advice there shows the JSON form ({@code
   * "labels": ["shell"]}, {@code {"variable": {"x": { … }}}}), which a team that writes only {@code
   * .pkr.json} files would otherwise have to translate.
   */
  static boolean inJsonFile(Range at) {
    return at.file().endsWith(".json");
  }

  /** What a file's own body is called in messages. */
  private static final String FILE = "the file";

  /** The body of a whole JSON file. */
  static Body file(
      SourceFile file, DocNode root, BodySchema schema, Mode mode, List<Diagnostic> out) {
    return new HclJson(file, mode, out).body(root, schema, FILE);
  }

  /**
   * The body of a whole configuration file whose content is not a template file's, as {@code
   * advice} says (a legacy template, a file of variable values): its top-level properties that name
   * nothing are reported without a suggestion ("Did you mean "local"?" for {@code "loc"} only
   * misleads there), the first with {@code advice}.
   */
  static Body misnamedFile(
      SourceFile file, DocNode root, BodySchema schema, String advice, List<Diagnostic> out) {
    HclJson reader = new HclJson(file, Mode.CONFIG, out);
    reader.misnamed = advice;
    return reader.body(root, schema, FILE);
  }

  private Body body(DocNode node, BodySchema schema, String what) {
    List<BodyItem> items = new ArrayList<>();
    if (node instanceof DocObject object) {
      members(object, schema, what, items);
    } else if (node instanceof DocArray array && schema.rest() != Rest.ATTRIBUTES_ONLY) {
      for (DocNode element : array.items()) {
        if (element instanceof DocObject object) {
          members(object, schema, what, items);
        } else {
          invalid(element, "Each element of the array for " + what + " must be a JSON object.");
        }
      }
    } else {
      invalid(node, "The body of " + what + " must be a JSON object.");
    }
    return new Body(items, node.range());
  }

  private void members(DocObject object, BodySchema schema, String what, List<BodyItem> items) {
    // A key may stand twice for blocks (each is a block of its own), never for an argument.
    Map<String, Range> arguments = new HashMap<>();
    for (DocMember m : object.members()) {
      if (m.key().equals("//")) {
        continue; // HCL's JSON syntax reserves "//" for comments in bodies.
      }
      Optional<AttributeSpec> attribute = schema.attribute(m.key());
      if (attribute.isPresent()) {
        if (firstArgument(arguments, m)) {
          items.add(attribute(m, attribute.get().kind()));
        }
        continue;
      }
      Optional<BlockSpec> block = schema.block(m.key());
      if (block.isEmpty() && schema.rest() == Rest.KEEP && m.key().equals("dynamic")) {
        block = Optional.of(PackerSchema.DYNAMIC);
      } else if (block.isEmpty() && schema.rest() == Rest.KEEP && holdsDynamic(m.value())) {
        // A plugin's nested block that generates blocks of its own, as in
        // "shared_image_gallery_destination": {"dynamic": {"target_region": {...}}}: read as a
        // block, so that its dynamic block is expanded as Packer does (by the plugin's schema).
        block = Optional.of(new BlockSpec(m.key(), List.of(), PackerSchema.PLUGIN));
      }
      if (block.isPresent()) {
        labelLevel(m.value(), block.get(), new ArrayList<>(), m.keyRange(), items);
      } else if (schema.rest() == Rest.REJECT) {
        extraneous(m, schema, what);
      } else if (firstArgument(arguments, m)) {
        items.add(attribute(m, AttributeSpec.Kind.VALUE));
      }
    }
  }

  /**
   * A property that the body's schema names neither as an argument nor as a block type. In JSON a
   * property may stand for either, so it is not called an argument (as {@link BodyContent} calls a
   * native one) and the suggestion looks at both, as HCL's JSON body does ("No argument or block
   * type is named …"): {@code "varaible"} is a misspelt block type. Reported here, where the syntax
   * is known, and left out of the body; its value is masked as in any JSON file with errors.
   */
  private void extraneous(DocMember m, BodySchema schema, String what) {
    String named = "No argument or block type is named \"" + m.key() + "\" in " + what;
    if (misnamed != null && what.equals(FILE)) {
      out.add(
          Diagnostic.of(
              PackerCode.EXTRANEOUS_JSON_PROPERTY,
              m.keyRange(),
              misnamed.isEmpty()
                  ? named + ", which is not a template file: see its first error."
                  : named + ". " + misnamed));
      misnamed = ""; // said once, at the first
      return;
    }
    List<String> names = new ArrayList<>(schema.attributeNames());
    names.addAll(schema.blockTypes());
    String suggestion = Names.didYouMean(m.key(), names);
    out.add(
        Diagnostic.of(
            PackerCode.EXTRANEOUS_JSON_PROPERTY,
            m.keyRange(),
            named
                + "."
                + (suggestion.isEmpty() ? " Remove it or fix its name." : suggestion)
                + BodyContent.expected(names, "arguments and block types")));
  }

  /** Whether {@code m} is the first argument of its name in its object; a second is an error. */
  private boolean firstArgument(Map<String, Range> seen, DocMember m) {
    Range first = seen.putIfAbsent(m.key(), m.keyRange());
    if (first != null) {
      out.add(JsonReader.duplicateKey(m.key(), m.keyRange(), first));
      return false;
    }
    return true;
  }

  /**
   * Whether a plugin body's object-valued property is a nested block: an object (or an array of
   * objects) with a {@code dynamic} property whose value is an object, here or in a property nested
   * further. An object-valued setting such as {@code azure_tags} has no such property.
   */
  private static boolean holdsDynamic(DocNode node) {
    if (node instanceof DocArray array) {
      return array.items().stream().anyMatch(HclJson::holdsDynamic);
    }
    if (!(node instanceof DocObject object)) {
      return false;
    }
    for (DocMember m : object.members()) {
      if (m.key().equals("dynamic")
          ? m.value() instanceof DocObject || m.value() instanceof DocArray
          : holdsDynamic(m.value())) {
        return true;
      }
    }
    return false;
  }

  private Attribute attribute(DocMember m, AttributeSpec.Kind kind) {
    Expression value;
    if (kind != AttributeSpec.Kind.VALUE && m.value() instanceof DocScalar s && s.isString()) {
      value = kind == AttributeSpec.Kind.TYPE ? typeExpression(s) : keywordExpression(s);
    } else {
      value = expression(m.value());
    }
    return new Attribute(m.key(), m.keyRange(), value, m.keyRange().to(m.value().range()));
  }

  /** One level of labels (nested object keys), then the block bodies. */
  private void labelLevel(
      DocNode node, BlockSpec spec, List<Label> labels, Range typeRange, List<BodyItem> items) {
    if (labels.size() == spec.labels().size()) {
      blocks(node, spec, labels, typeRange, items);
      return;
    }
    String labelName = spec.labels().get(labels.size());
    List<DocObject> levels = new ArrayList<>();
    int members = 0;
    boolean misshapen = false;
    if (node instanceof DocObject object) {
      levels.add(object);
      members = object.members().size();
    } else if (node instanceof DocArray array) {
      for (DocNode element : array.items()) {
        if (element instanceof DocObject object) {
          levels.add(object);
          members += object.members().size();
        } else {
          invalid(element, labelMessage(spec, labels, labelName));
          misshapen = true;
        }
      }
    } else if (!isNull(node)) {
      invalid(node, labelMessage(spec, labels, labelName));
      misshapen = true;
    }
    if (members == 0 && !misshapen) {
      // HCL's unpackBlock: a level without a key (null, {} or []) names no block, which is an
      // error, not "no blocks": a generator whose list of provisioners came out empty wrote it,
      // and Packer refuses the template rather than building an image without them.
      out.add(
          Diagnostic.of(
              PackerCode.MISSING_LABEL,
              isNull(node) ? node.range() : openBrace(node.range()),
              "At least one property is required here, whose name is the "
                  + spec.type()
                  + " block's "
                  + labelName
                  + " label, as in "
                  + example(spec, labels, labelName)
                  + "."));
      return;
    }
    for (DocObject level : levels) {
      for (DocMember m : level.members()) {
        // (A null there is no block, for "//" as for any label: HCL's unpackBlock.)
        if (m.key().equals("//") && m.value() instanceof DocScalar && !isNull(m.value())) {
          commentAmongLabels(m, spec, labels, labelName);
          continue;
        }
        List<Label> more = new ArrayList<>(labels);
        more.add(new Label(m.key(), true, m.keyRange()));
        labelLevel(m.value(), spec, more, typeRange, items);
      }
    }
  }

  /**
   * The blocks of one type and labels: a body, an array of bodies (a block each), or null, which
   * HCL reads as no block at all (as generators write an optional block, json.dumps of None).
   */
  private void blocks(
      DocNode node, BlockSpec spec, List<Label> labels, Range typeRange, List<BodyItem> items) {
    if (isNull(node)) {
      return;
    }
    // Several blocks can share one type key (and one label key), so each block is located where
    // it alone begins: at its innermost label, or, for an element of an array of several, at the
    // element's opening brace (HCL's JSON parser locates a block at its body's brace).
    Range where = labels.isEmpty() ? typeRange : labels.get(labels.size() - 1).range();
    if (node instanceof DocArray array) {
      for (DocNode element : array.items()) {
        Range at = array.items().size() > 1 ? openBrace(element.range()) : where;
        blockBody(element, spec, labels, at, items);
      }
    } else {
      blockBody(node, spec, labels, where, items);
    }
  }

  private static boolean isNull(DocNode node) {
    return node instanceof DocScalar s && s.type() == DocScalar.Type.NULL;
  }

  private static String labelMessage(BlockSpec spec, List<Label> labels, String labelName) {
    return "A "
        + spec.type()
        + " block's "
        + labelName
        + " label is written as the key of a JSON object, as in "
        + example(spec, labels, labelName)
        + ".";
  }

  /**
   * A {@code "//"} comment written among a block's labels ({@code {"source": {"//": "c", …}}}): HCL
   * skips {@code "//"} in block bodies only, and at a level of labels every key is a label, so
   * Packer refuses its string ("Incorrect JSON value type"). Said as a misplaced comment, rather
   * than with an example that takes {@code "//"} for the label.
   */
  private void commentAmongLabels(
      DocMember m, BlockSpec spec, List<Label> labels, String labelName) {
    StringBuilder example = new StringBuilder("{\"").append(spec.type()).append("\": ");
    for (Label label : labels) {
      example.append("{\"").append(Excerpts.cut(label.value(), MAX_EXAMPLE_LABEL)).append("\": ");
    }
    List<String> due = spec.labels().subList(labels.size(), spec.labels().size());
    for (String name : due) {
      example.append("{\"<").append(name).append(">\": ");
    }
    example.append("{\"//\": \"…\", … }").append("}".repeat(labels.size() + due.size() + 1));
    out.add(
        Diagnostic.of(
            PackerCode.INVALID_JSON_CONFIGURATION,
            m.keyRange(),
            "A \"//\" key is a comment only inside a block body; here it stands where a "
                + spec.type()
                + " block's "
                + labelName
                + " label is written, as each key at this level is one. Move the comment into"
                + " the block's body, as in "
                + example
                + "."));
  }

  /** {@code {"source": {"azure-arm": {"<name>": { … }}}}}: the labels so far, then the one due. */
  private static String example(BlockSpec spec, List<Label> labels, String labelName) {
    StringBuilder text = new StringBuilder("{\"").append(spec.type()).append("\": ");
    for (Label label : labels) {
      text.append("{\"").append(Excerpts.cut(label.value(), MAX_EXAMPLE_LABEL)).append("\": ");
    }
    text.append("{\"<").append(labelName).append(">\": { … }}");
    return text.append("}".repeat(labels.size() + 1)).toString();
  }

  /** A label quoted in an example is cut to this length. */
  private static final int MAX_EXAMPLE_LABEL = 40;

  private Range openBrace(Range element) {
    return file.range(element.startOffset(), element.startOffset() + 1);
  }

  /**
   * One block of an array, or the lone block of a key. Its body is an object, or an array of
   * objects merged into one body (HCL's {@code collectDeepAttrs}), or null: a block with an empty
   * body ({@link #blocks} has taken a lone null for no block, so this null is an array's element).
   * A body of arguments only ({@code locals}) must be an object, as HCL's {@code JustAttributes}
   * requires.
   */
  private void blockBody(
      DocNode node, BlockSpec spec, List<Label> labels, Range typeRange, List<BodyItem> items) {
    boolean attributesOnly = spec.body().rest() == Rest.ATTRIBUTES_ONLY;
    Range range = node.range();
    Body body;
    if (node instanceof DocObject || (node instanceof DocArray && !attributesOnly)) {
      body = body(node, spec.body(), "a " + spec.type() + " block");
    } else if (isNull(node) && !attributesOnly) {
      body = new Body(List.of(), range);
    } else {
      invalid(node, "The body of a " + spec.type() + " block must be a JSON object.");
      return;
    }
    Range open = file.range(range.startOffset(), range.startOffset() + 1);
    Range close =
        file.range(Math.max(range.startOffset(), range.endOffset() - 1), range.endOffset());
    items.add(new Block(spec.type(), labels, body, typeRange, open, close, typeRange.to(range)));
  }

  // ---- expressions

  private Expression expression(DocNode node) {
    if (node instanceof DocObject object) {
      List<ObjectItem> items = new ArrayList<>();
      Map<String, Range> keys = new HashMap<>();
      for (DocMember m : object.members()) {
        if (!firstArgument(keys, m)) {
          continue; // an object value's keys are unique, as in any JSON document
        }
        Expression key =
            mode == Mode.CONFIG ? template(m.key(), m.keyRange()) : literal(m.key(), m.keyRange());
        items.add(new ObjectItem(key, expression(m.value()), m.keyRange().to(m.value().range())));
      }
      return new ObjectCons(items, object.range(), true);
    }
    if (node instanceof DocArray array) {
      List<Expression> elements = new ArrayList<>();
      for (DocNode element : array.items()) {
        elements.add(expression(element));
      }
      return new Tuple(elements, array.range());
    }
    DocScalar s = (DocScalar) node;
    switch (s.type()) {
      case STRING:
        return mode == Mode.CONFIG ? template(s.text(), s.range()) : literal(s.text(), s.range());
      case NUMBER:
        return NumberLiterals.of(s.text(), s.range(), out::add);
      case BOOLEAN:
        return LiteralValue.bool(Boolean.parseBoolean(s.text()), s.range());
      default:
        return LiteralValue.nullValue(s.range());
    }
  }

  /** A string read literally, as a template of one literal part. */
  private TemplateExpr literal(String text, Range quoted) {
    return new TemplateExpr(
        List.of(new TemplateLiteral(text, inner(quoted))), TemplateExpr.Form.QUOTED, "", quoted);
  }

  /** A string read as a template, its parts located inside the JSON string. */
  private TemplateExpr template(String text, Range quoted) {
    if (!text.contains("${") && !text.contains("%{")) {
      return literal(text, quoted);
    }
    StringMapping mapping = new StringMapping(quoted, text);
    SourceFile string = new SourceFile(file.name(), text);
    HclTemplateResult parsed = parser.parseTemplate(string);
    report(parsed.diagnostics(), string, mapping);
    TemplateExpr t = SyntaxRewriter.mapRanges(parsed.template(), mapping::map);
    return new TemplateExpr(t.parts(), TemplateExpr.Form.QUOTED, "", quoted);
  }

  /** A string holding a native expression (a type constraint). */
  private Expression typeExpression(DocScalar s) {
    if (s.text().contains("${")) {
      // A template where a type is due: Packer's reading (hcl.ExprCall) does not parse it and
      // says what a type looks like; so does the type check of the string, rather than a syntax
      // error about the "$" that HCL's expression syntax does not have.
      return literal(s.text(), s.range());
    }
    StringMapping mapping = new StringMapping(s.range(), s.text());
    SourceFile string = new SourceFile(file.name(), s.text());
    HclExpressionResult parsed = parser.parseExpression(string);
    report(parsed.diagnostics(), string, mapping);
    return parsed
        .expression()
        .map(e -> SyntaxRewriter.mapRanges(e, mapping::map))
        .orElseGet(() -> literal(s.text(), s.range()));
  }

  /**
   * A string holding a bare name ({@code "iterator": "tag"}): HCL reads it as a traversal ({@code
   * AsTraversal}), the only way to write a keyword in JSON. Anything else (a template, a syntax
   * error, a traversal with steps) stays the string, which the reader of the keyword refuses with
   * its own message, as HCL's {@code ExprAsKeyword} gives no keyword for it.
   */
  private Expression keywordExpression(DocScalar s) {
    if (!s.text().contains("${") && !s.text().contains("%{")) {
      HclExpressionResult parsed = parser.parseExpression(new SourceFile(file.name(), s.text()));
      if (parsed.diagnostics().isEmpty()
          && parsed.expression().orElse(null) instanceof ScopeTraversal t) {
        StringMapping mapping = new StringMapping(s.range(), s.text());
        return SyntaxRewriter.mapRanges(t, mapping::map);
      }
    }
    return literal(s.text(), s.range());
  }

  /**
   * Reports the diagnostics of a text parsed out of a JSON string ({@code string}), located in the
   * file: their ranges, and the places their details name ("The if directive at main.pkr.json:1:1
   * has no matching ..."), which the parser wrote as places in the string.
   */
  private void report(List<Diagnostic> diagnostics, SourceFile string, StringMapping mapping) {
    for (Diagnostic d : diagnostics) {
      List<Related> related =
          d.related().stream().map(r -> new Related(mapping.map(r.range()), r.label())).toList();
      out.add(
          new Diagnostic(
              d.code(),
              d.severity(),
              d.summary(),
              inString(placesInFile(d.detail(), string, mapping)),
              d.subject().map(mapping::map),
              d.path(),
              related));
    }
  }

  /**
   * {@code detail} with each place in {@code string} it names ({@code name:line:column}, as a
   * {@link Range} prints) replaced by that place in the file. The parser writes such places into
   * the text of a detail (the directive an unclosed {@code %{ if }} opened, the parenthesis an
   * unbalanced expression opened), where mapping the diagnostic's ranges cannot reach them.
   */
  private String placesInFile(String detail, SourceFile string, StringMapping mapping) {
    String prefix = file.name() + ":";
    if (!detail.contains(prefix)) {
      return detail; // the usual case: no place named
    }
    Matcher m = Pattern.compile(Pattern.quote(prefix) + "(\\d+):(\\d+)").matcher(detail);
    StringBuilder text = new StringBuilder();
    while (m.find()) {
      int offset =
          string.position(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))).offset();
      Range place = mapping.map(string.range(offset, offset));
      m.appendReplacement(text, Matcher.quoteReplacement(place.toString()));
    }
    m.appendTail(text);
    return text.toString();
  }

  /**
   * A syntax diagnostic's detail for a text parsed out of a JSON string: the parser only saw the
   * string, so where it says "the end of the file" (or "this file") it is the string's end, and the
   * file goes on after it.
   */
  private static String inString(String detail) {
    return detail
        .replace("the end of the file", "the end of the string")
        .replace("this file", "this string");
  }

  private Range inner(Range quoted) {
    int start = quoted.startOffset() + 1;
    int end = Math.max(start, quoted.endOffset() - 1);
    return file.range(start, end);
  }

  private void invalid(DocNode node, String detail) {
    out.add(Diagnostic.of(PackerCode.INVALID_JSON_CONFIGURATION, node.range(), detail));
  }

  /**
   * Maps offsets in a decoded JSON string to offsets in the file, escapes included, so a template
   * parsed from the string's value points into the file.
   */
  private final class StringMapping {
    private final int[] offsets;

    StringMapping(Range quoted, String decoded) {
      String text = file.text();
      int rawStart = quoted.startOffset() + 1;
      int rawEnd = Math.max(rawStart, quoted.endOffset() - 1);
      offsets = new int[decoded.length() + 1];
      int i = rawStart;
      int d = 0;
      while (d < decoded.length() && i < rawEnd) {
        offsets[d++] = i;
        if (text.charAt(i) == '\\' && i + 1 < rawEnd) {
          i += text.charAt(i + 1) == 'u' ? 6 : 2;
        } else {
          i++;
        }
      }
      while (d <= decoded.length()) {
        offsets[d++] = Math.min(i, rawEnd);
      }
    }

    Range map(Range r) {
      int start = offsets[Math.min(r.startOffset(), offsets.length - 1)];
      int end = offsets[Math.min(r.endOffset(), offsets.length - 1)];
      return file.range(start, Math.max(start, end));
    }
  }
}
