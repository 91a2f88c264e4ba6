package io.github.packer2aib.core.bind.aib;

import io.github.packer2aib.core.aib.ImageTemplate;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.doc.ArmExpression;
import io.github.packer2aib.core.doc.ArmValues;
import io.github.packer2aib.core.doc.DocArray;
import io.github.packer2aib.core.doc.DocMember;
import io.github.packer2aib.core.doc.DocNode;
import io.github.packer2aib.core.doc.DocObject;
import io.github.packer2aib.core.doc.DocScalar;
import io.github.packer2aib.core.doc.JsonPointer;
import io.github.packer2aib.core.source.Range;
import io.github.packer2aib.core.source.SourceFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the AIB image templates in a JSON or YAML document. Three shapes hold one:
 *
 * <ol>
 *   <li>the resource object itself, as the AIB documentation and {@code az resource create} use it
 *       ({@code type} {@code Microsoft.VirtualMachineImages/imageTemplates}; old samples write just
 *       {@code Microsoft.VirtualMachineImages}, which is located here and reported by the spec
 *       validator);
 *   <li>an ARM deployment template: every resource of type {@code
 *       Microsoft.VirtualMachineImages/imageTemplates} (ignoring case), also among child resources
 *       and inside nested deployments ({@code Microsoft.Resources/deployments} with an inline
 *       {@code properties.template}); other resources are ignored;
 *   <li>a REST request body: no {@code type}, a {@code properties} object holding {@code source},
 *       {@code customize} or {@code distribute}.
 * </ol>
 */
public final class AibResourceLocator {

  /**
   * The templates found, in document order, and the diagnostics of finding them: the error when
   * there is none, or what the nested deployments that hold them decide of them.
   */
  public record Located(List<ResourceRef> resources, List<Diagnostic> diagnostics) {
    public Located {
      resources = List.copyOf(resources);
      diagnostics = List.copyOf(diagnostics);
    }
  }

  private static final String PROVIDER = "microsoft.virtualmachineimages";
  private static final String DEPLOYMENTS = "microsoft.resources/deployments";
  private static final List<String> BODY_KEYS = List.of("source", "customize", "distribute");

  private AibResourceLocator() {}

  public static Located locate(DocNode root, SourceFile file) {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(file, "file");
    Collected collected = new Collected();
    List<Found> found = collected.found;
    List<Found> existing = collected.existing;
    if (root instanceof DocObject o) {
      if (isArmTemplate(o)) {
        collectArm(o, JsonPointer.ROOT, DeploymentScope.of(o), collected);
      } else if (isResource(o)) {
        found.add(new Found(JsonPointer.ROOT, o, ArmValues.NONE));
      }
    }
    if (found.isEmpty()) {
      return new Located(
          List.of(), List.of(existing.isEmpty() ? notFound(root, file) : onlyExisting(existing)));
    }
    List<String> names = new ArrayList<>();
    for (Found f : found) {
      names.add(DocValues.string(f.node(), "name"));
    }
    List<ResourceNames.Assigned> assigned = ResourceNames.assign(file.name(), names);
    List<ResourceRef> refs = new ArrayList<>();
    for (int i = 0; i < found.size(); i++) {
      Found f = found.get(i);
      ResourceNames.Assigned a = assigned.get(i);
      refs.add(new ResourceRef(f.pointer(), f.node(), a.name(), a.own(), f.scope()));
    }
    if (!collected.triggers.isEmpty()) {
      collected.diagnostics.addAll(TemplateTriggers.leftOut(root, refs, collected.triggers));
    }
    return new Located(refs, collected.diagnostics);
  }

  private record Found(String pointer, DocObject node, ArmValues scope) {}

  /**
   * What a walk of an ARM template finds: the image templates it creates, those it only refers to
   * ({@code existing}), the triggers it declares as resources of their own, and what the nested
   * deployments that hold the first lose (their copy loop, condition, …: {@link
   * AibBinder#enclosingDeployment}).
   */
  private static final class Collected {
    final List<Found> found = new ArrayList<>();
    final List<Found> existing = new ArrayList<>();

    /** The trigger resources of their own, by pointer ({@link TemplateTriggers}). */
    final Map<String, DocObject> triggers = new LinkedHashMap<>();

    final List<Diagnostic> diagnostics = new ArrayList<>();
  }

  /**
   * The literal {@code defaultValue} of the deployment parameter {@code name} of an ARM template
   * (keys matched as ARM matches them), if the document is one and declares it.
   */
  public static Optional<String> parameterDefault(DocNode root, String name) {
    if (!(root instanceof DocObject o) || !isArmTemplate(o)) {
      return Optional.empty();
    }
    DocNode parameter = DocValues.member(DocValues.member(o, "parameters"), name);
    return Optional.ofNullable(DocValues.string(parameter, "defaultValue"))
        .filter(v -> !ArmExpression.isExpression(v));
  }

  /**
   * The literal value of the variable {@code name} of an ARM template (keys matched as ARM matches
   * them), if the document is one and the variable's value is a string that is no expression: such
   * a value is fixed in the file, not chosen at deployment.
   */
  public static Optional<String> variableValue(DocNode root, String name) {
    if (!(root instanceof DocObject o) || !isArmTemplate(o)) {
      return Optional.empty();
    }
    return Optional.ofNullable(DocValues.member(DocValues.member(o, "variables"), name))
        .flatMap(DocScalar::stringValue)
        .filter(v -> !ArmExpression.isExpression(v));
  }

  // ---- shapes ------------------------------------------------------------------------------

  private static boolean isArmTemplate(DocObject o) {
    String schema = o.get("$schema").flatMap(DocScalar::stringValue).orElse("");
    if (schema.toLowerCase(Locale.ROOT).contains("deploymenttemplate")) {
      return true;
    }
    // Without $schema: a resources collection and no body of its own.
    DocNode resources = DocValues.member(o, "resources");
    return (resources instanceof DocArray || resources instanceof DocObject)
        && DocValues.member(o, "properties") == null;
  }

  /** A resource object or REST body: an imageTemplates type, or a properties body. */
  private static boolean isResource(DocObject o) {
    String type = typeOf(o);
    if (type != null) {
      String t = type.toLowerCase(Locale.ROOT);
      if (t.equals(ImageTemplate.RESOURCE_TYPE.toLowerCase(Locale.ROOT)) || t.equals(PROVIDER)) {
        return true;
      }
    }
    return hasBody(o);
  }

  private static boolean hasBody(DocObject o) {
    DocObject body = DocValues.object(o, "properties");
    return body != null && BODY_KEYS.stream().anyMatch(k -> DocValues.member(body, k) != null);
  }

  /** Keys are read as the binder reads them: exact, else ignoring case (as ARM does). */
  private static String typeOf(DocObject o) {
    return DocValues.string(o, "type");
  }

  /**
   * Walks {@code resources} (an array, or an object keyed by symbolic names). Image templates
   * marked {@code "existing": true} (a Bicep {@code existing} resource) are references to templates
   * the deployment does not create: they go to {@code existing}, not {@code found}.
   */
  private static void collectArm(
      DocObject template, String pointer, DeploymentScope scope, Collected collected) {
    DocMember member = template.memberAnyCase("resources").orElse(null);
    if (member == null) {
      return;
    }
    DocNode resources = member.value();
    String base = JsonPointer.append(pointer, member.key());
    if (resources instanceof DocArray a) {
      for (int i = 0; i < a.items().size(); i++) {
        visitArmResource(a.items().get(i), JsonPointer.append(base, i), scope, collected);
      }
    } else if (resources instanceof DocObject byName) {
      for (DocMember m : byName.members()) {
        visitArmResource(m.value(), JsonPointer.append(base, m.key()), scope, collected);
      }
    }
  }

  private static void visitArmResource(
      DocNode node, String pointer, DeploymentScope scope, Collected collected) {
    if (!(node instanceof DocObject r)) {
      return;
    }
    String type = typeOf(r);
    String t = type == null ? "" : type.toLowerCase(Locale.ROOT);
    if (t.equals(ImageTemplate.RESOURCE_TYPE.toLowerCase(Locale.ROOT))
        || (t.equals(PROVIDER) && hasBody(r))) {
      // An image template's own child resources (triggers) hold no further templates.
      (isExisting(r) ? collected.existing : collected.found).add(new Found(pointer, r, scope));
      return;
    }
    if (type != null && type.equalsIgnoreCase(TemplateTriggers.TYPE) && !isExisting(r)) {
      collected.triggers.put(pointer, r);
      return;
    }
    if (t.equals(DEPLOYMENTS)
        && r.get("properties").orElse(null) instanceof DocObject properties
        && properties.get("template").orElse(null) instanceof DocObject inline) {
      int before = collected.found.size();
      collectArm(
          inline,
          JsonPointer.append(JsonPointer.append(pointer, "properties"), "template"),
          scope.nested(properties, inline, pointer),
          collected);
      if (collected.found.size() > before) {
        // Its copy loop and condition decide how many of them ARM creates, if any.
        collected.diagnostics.addAll(AibBinder.enclosingDeployment(r, pointer));
      }
    }
    collectArm(r, pointer, scope, collected);
  }

  /** {@code "existing": true}: ARM reads the resource, it does not deploy it. */
  private static boolean isExisting(DocObject r) {
    return DocValues.member(r, "existing") instanceof DocScalar s && s.asBoolean().orElse(false);
  }

  /** The deployment names image templates only as existing resources, which it does not create. */
  private static Diagnostic onlyExisting(List<Found> existing) {
    Found first = existing.get(0);
    return Diagnostic.of(
            BindCode.NO_IMAGE_TEMPLATE,
            first.node().range(),
            "This ARM deployment template refers to image templates only as existing resources"
                + " (\"existing\": true), which it reads but does not create, so there is no image"
                + " template to check here. Give the template that defines the image template.")
        .withPath(first.pointer());
  }

  // ---- empty documents ---------------------------------------------------------------------

  /** A document that is nothing but null: an empty YAML document, {@code ~} or {@code null}. */
  public static boolean isEmptyDocument(DocNode document) {
    return document instanceof DocScalar s && s.type() == DocScalar.Type.NULL;
  }

  /**
   * Document {@code index} of {@code count}, empty in a stream whose other documents are not: a
   * stream that ends with "---", or a document of comments only, where YAML reads a null document
   * that holds nothing to convert (kubectl skips them as well).
   */
  public static Diagnostic emptyDocumentSkipped(
      DocNode document, int index, int count, SourceFile file) {
    return Diagnostic.of(
            BindCode.EMPTY_DOCUMENT,
            documentStart(document.range(), file),
            "Document "
                + (index + 1)
                + " of "
                + count
                + " in this stream is empty (a \"---\" followed by nothing but comments or the"
                + " end), so it holds no template; it was skipped. Remove the separator if it is"
                + " left over.")
        .withPath(JsonPointer.ROOT);
  }

  /**
   * The {@code ---} that opens the empty document whose null node is at {@code node}: the node
   * stands where the reader met the next token (the next document's {@code ---}, a {@code ...}, the
   * end of the file after a trailing {@code ---}), a line past the end at worst. The marker is the
   * last {@code ---} before it, across the comments, directives and {@code ...} between them; the
   * node itself when there is none (a first document without one), on the file's last line.
   */
  private static Range documentStart(Range node, SourceFile file) {
    if (node == null) {
      return null;
    }
    int start = node.startOffset();
    for (int line = file.position(start).line(); line >= 1; line--) {
      String text = file.line(line);
      int lineStart = file.position(line, 1).offset();
      if (isDocumentStart(text) && lineStart < start) {
        return file.range(lineStart, lineStart + 3);
      }
      String trimmed = text.strip();
      boolean between =
          trimmed.isEmpty()
              || trimmed.startsWith("#")
              || trimmed.startsWith("%")
              || trimmed.startsWith("...")
              || isDocumentStart(text);
      if (!between && lineStart < start) {
        break;
      }
    }
    String text = file.text();
    if (start == text.length() && start > 0 && text.charAt(start - 1) == '\n') {
      // Not on the empty "line" after the last line break, which no editor shows.
      int lineStart = file.position(file.position(start - 1).line(), 1).offset();
      return file.range(lineStart, lineStart);
    }
    return node;
  }

  /** A line that starts with the document marker {@code ---} (then a blank or its end). */
  private static boolean isDocumentStart(String line) {
    return line.startsWith("---")
        && (line.length() == 3 || line.charAt(3) == ' ' || line.charAt(3) == '\t');
  }

  // ---- Packer's HCL2 syntax ------------------------------------------------------------------

  /**
   * A line that opens a block of Packer's HCL2 native syntax at its start: {@code source
   * "azure-arm" "x" {}, {@code variable "v" {}, {@code locals {}, {@code build {}, the brace
   * followed by the end of the line, a comment, an argument or a closing brace. No JSON or YAML
   * image template has such a line: YAML continues a plain scalar or a flow collection only on an
   * indented line, and reads a key only before a colon ({@code build {: x} is a key "build {").
   */
  private static final Pattern HCL2_BLOCK =
      Pattern.compile(
          "^(variable|locals|source|data|build|packer)"
              + "(?:[ \\t]+(?:\"[^\"\\n]*\"|[A-Za-z_][A-Za-z0-9_-]*))*[ \\t]*\\{"
              + "[ \\t]*(?:$|#|//|/\\*|\\}|[A-Za-z_\"])",
          Pattern.MULTILINE);

  /**
   * {@code BIND-E002} for a text in Packer's HCL2 native syntax read as an image template (from
   * standard input, a .json or .yaml file, or the library's {@code Converter}), at the first line
   * that opens a block; empty for any other text. The reader otherwise learnt only that the
   * document "is a string" (YAML reads such text as one), or got a YAML syntax error in a line of
   * HCL.
   */
  public static Optional<Diagnostic> hcl2Template(SourceFile file) {
    Matcher m = HCL2_BLOCK.matcher(file.text());
    if (!m.find()) {
      return Optional.empty();
    }
    return Optional.of(
        Diagnostic.of(
            BindCode.PACKER_TEMPLATE,
            file.range(m.start(1), m.end(1)),
            "This text looks like a Packer template in HCL2 syntax (a "
                + m.group(1)
                + " block), but it was read as an Azure VM Image Builder template, which is JSON"
                + " or YAML: Packer templates are read from files and folders (a .pkr.hcl or"
                + " .pkr.json file, or a folder of them), not from standard input or a file named"
                + " .json, .yaml or .yml. Give the template as a .pkr.hcl file or its folder, or"
                + " give an image template here."));
  }

  // ---- nothing found -----------------------------------------------------------------------

  private static Diagnostic notFound(DocNode root, SourceFile file) {
    Range at = rootRange(root, file);
    if (root instanceof DocObject o && looksLikePacker(o)) {
      return Diagnostic.of(
              BindCode.PACKER_TEMPLATE,
              at,
              "This document looks like a Packer template ("
                  + packerSign(o)
                  + "), but it was read as an Azure VM Image Builder template: Packer templates are"
                  + " read from files and folders (a .pkr.hcl or .pkr.json file, a folder of them,"
                  + " or a legacy template in a .json or .yaml file), not from standard input or"
                  + " HCL JSON without the .pkr.json name. Give the template as such a file, or"
                  + " give an image template here.")
          .withPath(JsonPointer.ROOT);
    }
    return Diagnostic.of(BindCode.NO_IMAGE_TEMPLATE, at, expectedDetail(root))
        .withPath(JsonPointer.ROOT);
  }

  private static String expectedDetail(DocNode root) {
    String expected =
        "Expected an Azure VM Image Builder template: a resource object with \"type\":"
            + " \"Microsoft.VirtualMachineImages/imageTemplates\", an ARM deployment template"
            + " whose \"resources\" contain one, or a REST request body with a \"properties\""
            + " object holding \"source\", \"customize\" and \"distribute\". A legacy Packer"
            + " template (a top-level \"builders\" list) is accepted too, as a .json, .yaml or"
            + " .yml file.";
    if (!(root instanceof DocObject o)) {
      return "The document is " + root.kindName() + ". " + expected;
    }
    if (isParametersFile(o)) {
      return "This document is an ARM deployment parameters file, which holds values for a"
          + " template but no resources. "
          + expected
          + " Give the deployment template instead.";
    }
    if (isArmTemplate(o)) {
      Set<String> types = new LinkedHashSet<>();
      collectTypes(o, types);
      String what =
          types.isEmpty()
              ? "This ARM template has no resources."
              : "This ARM template has no resource of type"
                  + " \"Microsoft.VirtualMachineImages/imageTemplates\"; its resources are of type "
                  + String.join(", ", types.stream().map(t -> "\"" + t + "\"").toList())
                  + ".";
      return what + " " + expected;
    }
    String type = typeOf(o);
    if (type != null) {
      return "This document is a resource of type \"" + type + "\". " + expected;
    }
    return expected;
  }

  /**
   * An ARM deployment parameters file: by its {@code $schema}, or without one (as {@code az
   * deployment group create --parameters @file} also takes it) by its shape: nothing but {@code
   * parameters} (and {@code contentVersion}), each entry a {@code value} or a Key Vault {@code
   * reference}.
   */
  private static boolean isParametersFile(DocObject o) {
    String schema = o.get("$schema").flatMap(DocScalar::stringValue).orElse("");
    if (schema.toLowerCase(Locale.ROOT).contains("deploymentparameters")) {
      return true;
    }
    if (!(o.get("parameters").orElse(null) instanceof DocObject parameters)
        || parameters.members().isEmpty()) {
      return false;
    }
    for (DocMember m : o.members()) {
      if (!PARAMETERS_FILE_KEYS.contains(m.key())) {
        return false;
      }
    }
    for (DocMember p : parameters.members()) {
      if (!(p.value() instanceof DocObject entry)
          || (entry.get("value").isEmpty() && entry.get("reference").isEmpty())) {
        return false;
      }
    }
    return true;
  }

  private static final Set<String> PARAMETERS_FILE_KEYS =
      Set.of("$schema", "contentVersion", "parameters");

  private static void collectTypes(DocObject template, Set<String> types) {
    DocNode resources = template.get("resources").orElse(null);
    List<DocNode> items = new ArrayList<>();
    if (resources instanceof DocArray a) {
      items.addAll(a.items());
    } else if (resources instanceof DocObject byName) {
      byName.members().forEach(m -> items.add(m.value()));
    }
    for (DocNode item : items) {
      if (item instanceof DocObject r) {
        String type = typeOf(r);
        if (type != null) {
          types.add(type);
        }
      }
    }
  }

  private static boolean looksLikePacker(DocObject o) {
    return packerSign(o) != null;
  }

  /** What makes a document look like a Packer template, for the message; null if nothing. */
  private static String packerSign(DocObject o) {
    if (o.get("builders").isPresent()) {
      return "it has \"builders\"";
    }
    if (o.get("source").isPresent() && o.get("build").isPresent()) {
      return "it has \"source\" and \"build\" blocks";
    }
    if (o.get("provisioners").isPresent() || o.get("post-processors").isPresent()) {
      return "it has \"provisioners\"";
    }
    // One file of a multi-file HCL template in JSON syntax (.pkr.json) holds only some blocks.
    for (String block : List.of("build", "source", "packer", "variable", "locals")) {
      if (o.get(block).filter(DocObject.class::isInstance).isPresent()) {
        return "it has a \"" + block + "\" block";
      }
    }
    return null;
  }

  /** The first character of the document: an error about the whole file points at its start. */
  private static Range rootRange(DocNode root, SourceFile file) {
    Range r = root.range();
    if (r == null) {
      return file.start();
    }
    int start = r.startOffset();
    return file.range(start, Math.min(start + 1, r.endOffset()));
  }
}
