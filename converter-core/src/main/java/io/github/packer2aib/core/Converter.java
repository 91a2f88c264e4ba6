package io.github.packer2aib.core;

import io.github.packer2aib.core.aib.ApiVersion;
import io.github.packer2aib.core.aib.ImageTemplate;
import io.github.packer2aib.core.bind.aib.AibBinder;
import io.github.packer2aib.core.bind.aib.AibResourceLocator;
import io.github.packer2aib.core.bind.aib.ArmEscapes;
import io.github.packer2aib.core.bind.aib.DeploymentReferences;
import io.github.packer2aib.core.bind.aib.DuplicateNames;
import io.github.packer2aib.core.bind.aib.ResourceNames;
import io.github.packer2aib.core.bind.aib.ResourceRef;
import io.github.packer2aib.core.bind.aib.SecureParameters;
import io.github.packer2aib.core.bind.aib.SecureValuesInOutput;
import io.github.packer2aib.core.bind.aib.SourceMap;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.Diagnostics;
import io.github.packer2aib.core.diag.SecretMessages;
import io.github.packer2aib.core.diag.ValueMask;
import io.github.packer2aib.core.doc.ArmExpression;
import io.github.packer2aib.core.doc.ArmValues;
import io.github.packer2aib.core.doc.DocNode;
import io.github.packer2aib.core.doc.DocObject;
import io.github.packer2aib.core.doc.DocScalar;
import io.github.packer2aib.core.emit.DocWriter;
import io.github.packer2aib.core.emit.TemplateDocs;
import io.github.packer2aib.core.mapping.IdentityOverride;
import io.github.packer2aib.core.mapping.retarget.ApiVersionRetargeter;
import io.github.packer2aib.core.parse.DocReader;
import io.github.packer2aib.core.parse.ParseResult;
import io.github.packer2aib.core.parse.WindowsPathEscapes;
import io.github.packer2aib.core.source.Range;
import io.github.packer2aib.core.source.SourceFile;
import io.github.packer2aib.core.validate.VersionSelection;
import io.github.packer2aib.core.validate.rules.ServiceRules;
import io.github.packer2aib.core.validate.spec.SpecCode;
import io.github.packer2aib.core.validate.spec.SpecValidator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The library's entry point: one input text in, AIB templates and diagnostics out. It never throws
 * for bad input, never prints and never writes files; the caller renders the diagnostics and writes
 * the templates.
 *
 * <p>For AIB input (JSON or YAML: a resource, an ARM deployment template, a REST body) the stages
 * are: read the document → locate the image template resources → per resource, choose the API
 * version, validate against that version's spec, bind to the model, check the service rules → (stop
 * on errors) → apply the options (identity, API version) → validate the result → look in it for the
 * defaults of the input's secure parameters → emit.
 */
public final class Converter {

  /** Converts an input into AIB templates in the chosen format and API version. */
  public ConversionResult convert(SourceFile input, ConvertOptions options) {
    return run(input, DocReader.read(input), options, true);
  }

  /**
   * Converts an input that the caller has already read with {@link DocReader#read} (to tell a
   * Packer template from an AIB one, say): {@code parsed} must be that reading of {@code input},
   * which is then not parsed again. Same result as {@link #convert(SourceFile, ConvertOptions)}.
   */
  public ConversionResult convert(SourceFile input, ParseResult parsed, ConvertOptions options) {
    return run(input, parsed, options, true);
  }

  /**
   * Checks an input: each template against the spec and service rules of the API version it names
   * (the {@code apiVersion} option only chooses one for a template that names none, with a note
   * when a template's own version overrides it: {@code VER-N008}), with {@code --identity} applied.
   * Nothing is re-targeted or left out, so the diagnostics are validate's own ({@code SPEC-W101}
   * "Unknown property", not convert's {@code SPEC-W106} "left out of the output").
   *
   * <p>The result's templates are those checked, in the version each was checked against, for a
   * caller that compares templates (what they upload, say); their text is what was checked, not
   * what {@link #convert} writes.
   */
  public ConversionResult validate(SourceFile input, ConvertOptions options) {
    return run(input, DocReader.read(input), options, false);
  }

  /**
   * {@link #validate(SourceFile, ConvertOptions)} of an input already read, as for {@link
   * #convert(SourceFile, ParseResult, ConvertOptions)}.
   */
  public ConversionResult validate(SourceFile input, ParseResult parsed, ConvertOptions options) {
    return run(input, parsed, options, false);
  }

  /** One located resource on its way through the pipeline. */
  private record Pending(
      ResourceRef ref,
      ApiVersion version,
      boolean literalVersion,
      AibBinder.Bound bound,
      Optional<String> keptExpression,
      List<Diagnostic> unknownWarnings) {}

  /** A resource's final template and the document tree it is checked and written from. */
  private record Mapped(ImageTemplate template, DocObject doc) {}

  private ConversionResult run(
      SourceFile input, ParseResult parsed, ConvertOptions options, boolean emit) {
    Diagnostics diagnostics = new Diagnostics();
    if (noObject(parsed)) {
      // Packer's HCL2 text is a string to YAML, or a syntax error: said for what it is instead.
      Optional<Diagnostic> hcl2 = AibResourceLocator.hcl2Template(input);
      if (hcl2.isPresent()) {
        diagnostics.add(hcl2.get());
        return failed(diagnostics);
      }
    }
    diagnostics.addAll(parsed.diagnostics());
    if (diagnostics.hasErrors()) {
      return unparsed(input, diagnostics);
    }
    SecureParameters secure = SecureParameters.of(parsed.documents(), input.text());
    List<Pending> pending = new ArrayList<>();
    List<DocNode> documents = parsed.documents();
    boolean anyContent = documents.stream().anyMatch(d -> !AibResourceLocator.isEmptyDocument(d));
    List<List<ResourceRef>> byDocument = new ArrayList<>();
    for (int i = 0; i < documents.size(); i++) {
      DocNode document = documents.get(i);
      if (anyContent && AibResourceLocator.isEmptyDocument(document)) {
        diagnostics.add(
            AibResourceLocator.emptyDocumentSkipped(document, i, documents.size(), input));
        continue;
      }
      AibResourceLocator.Located located = AibResourceLocator.locate(document, input);
      diagnostics.addAll(located.diagnostics());
      diagnostics.addAll(DuplicateNames.check(document, located.resources()));
      byDocument.add(located.resources());
      for (ResourceRef ref : located.resources()) {
        diagnostics.addAll(WindowsPathEscapes.check(input, ref.node(), ref.pointer()));
        check(ref, options, emit, diagnostics).ifPresent(pending::add);
      }
    }
    // Documents of one stream with the same template name, which each would replace the other.
    diagnostics.addAll(DuplicateNames.acrossDocuments(byDocument));
    if (diagnostics.hasErrors()) {
      return secured(failed(diagnostics), input, secure);
    }
    List<ConvertedTemplate> templates = new ArrayList<>();
    List<String> names = ResourceNames.acrossDocuments(pending.stream().map(Pending::ref).toList());
    for (int i = 0; i < pending.size(); i++) {
      Pending p = pending.get(i);
      Mapped mapped = map(p, options, emit, diagnostics);
      if (emit) {
        // The last guard of the secure parameters' defaults: a YAML alias or a pasted copy put one
        // into the resource, and the converted file is the resource alone (BIND-E005).
        diagnostics.addAll(
            SecureValuesInOutput.check(
                secure, mapped.doc(), p.bound().sourceMap(), options.identity().isPresent()));
      }
      // validate keeps its templates too: the caller may compare them across inputs.
      String text =
          options.format() == OutputFormat.YAML
              ? DocWriter.toYaml(mapped.doc())
              : DocWriter.toJson(mapped.doc());
      templates.add(
          new ConvertedTemplate(
              names.get(i),
              mapped.template(),
              text,
              ResourceNames.numberedOwnName(p.ref(), names.get(i))));
    }
    if (diagnostics.hasErrors()) {
      return secured(failed(diagnostics), input, secure);
    }
    return secured(new ConversionResult(templates, diagnostics.sorted()), input, secure);
  }

  /**
   * A result of an input that parsed, with the defaults of its secure parameters kept from the
   * diagnostics: their source ranges are masked where a line is quoted (a warning on a default's
   * own line, such as a lone surrogate's, quoted it), and their text wherever a message holds it,
   * as a sensitive variable's is. The masked copy of the input is returned among the sources, for
   * renderers to quote in place of the text the caller read.
   */
  private static ConversionResult secured(
      ConversionResult result, SourceFile input, SecureParameters secure) {
    if (secure.isEmpty()) {
      return result;
    }
    SourceFile shown = input.withSecrets(secure.ranges());
    // Whole texts first: the word-wise mask that follows leaves a default's short words where it
    // masks its long ones ("abc1234 ***"), and the whole text is then found nowhere.
    List<Diagnostic> diagnostics =
        ValueMask.scrub(SecretMessages.scrub(secure.texts(), result.diagnostics()), List.of(shown));
    return new ConversionResult(result.templates(), diagnostics, List.of(shown));
  }

  /** Validates and binds one resource; empty when its API version cannot be determined. */
  private static Optional<Pending> check(
      ResourceRef ref, ConvertOptions options, boolean emit, Diagnostics checkDiagnostics) {
    // convert reads a template in its parameter's default version and writes --api-version's.
    VersionSelection selection =
        VersionSelection.select(ref.node(), ref.pointer(), options.apiVersion(), ref.scope(), emit);
    // A version the file fixes behind an expression (a variable's value, a value a nested
    // deployment passes, a parameter's default) is written in its place.
    DeploymentReferences.check(ref, selection.literal()).ifPresent(checkDiagnostics::add);
    checkDiagnostics.addAll(selection.diagnostics());
    if (selection.version().isEmpty()) {
      return Optional.empty();
    }
    ApiVersion version = selection.version().get();
    // An apiVersion that is an ARM expression the file does not fix (no default, or not a
    // parameter) stays one in convert's output unless --api-version names the version to write:
    // the template is read in the fallback version, as the output alone is read again. A
    // parameter's default is written in its place instead (VER-N007): kept, the expression would
    // have the output read again in the fallback version, which may refuse what it holds.
    Optional<String> keptExpression =
        emit && options.apiVersion().isEmpty() && !selection.literal()
            ? VersionSelection.apiVersionMember(ref.node())
                .flatMap(m -> DocScalar.stringValue(m.value()))
                .filter(ArmExpression::isExpression)
            : Optional.empty();
    Optional<SpecValidator.Output> output =
        emit
            ? Optional.of(
                new SpecValidator.Output(options.apiVersion().orElse(version), keptExpression))
            : Optional.empty();
    // --identity supplies the template identity, so its absence in the input is no error.
    List<Diagnostic> spec =
        SpecValidator.forVersion(version)
            .validate(
                ref.node(),
                ref.pointer(),
                p -> Optional.empty(),
                options.identity().isPresent() ? Set.of("identity") : Set.of(),
                output);
    if (options.identity().isPresent()) {
      // --identity replaces the input's identity whole: what is wrong inside it does not matter.
      String replaced = ref.pointer() + "/identity";
      spec = new ArrayList<>(spec);
      spec.removeIf(
          d ->
              d.path().filter(p -> p.equals(replaced) || p.startsWith(replaced + "/")).isPresent());
    }
    checkDiagnostics.addAll(spec);
    AibBinder.Bound bound = AibBinder.bind(ref);
    SourceMap map = bound.sourceMap();
    List<Diagnostic> rules =
        ServiceRules.check(
            bound.template(),
            version,
            map::absolute,
            map::locate,
            ptr -> map.locateKey(ptr).or(() -> map.locate(ptr)),
            options.identity().isPresent());
    // The binder's errors (an expression for a whole list, BIND-E003) leave a value out of the
    // model just as a spec error does: a rule about that gap would only repeat them.
    List<Diagnostic> earlier = new ArrayList<>(spec);
    earlier.addAll(bound.diagnostics());
    for (Diagnostic d : rules) {
      if (!followsFromSpecError(d, earlier)) {
        checkDiagnostics.add(d);
      }
    }
    checkDiagnostics.addAll(bound.diagnostics());
    checkDiagnostics.addAll(ServiceRules.checkSize(ref.node(), ref.pointer(), map::locate));
    List<Diagnostic> unknownWarnings =
        spec.stream()
            .filter(d -> d.code().equals(SpecCode.UNKNOWN_PROPERTY_IGNORED.text().id()))
            .toList();
    return Optional.of(
        new Pending(ref, version, selection.literal(), bound, keptExpression, unknownWarnings));
  }

  /** Applies the options to a checked template and validates the result. */
  private static Mapped map(
      Pending p, ConvertOptions options, boolean emit, Diagnostics diagnostics) {
    SourceMap map = p.bound().sourceMap();
    // What --identity and --api-version change or drop is a member: point at its key (in YAML a
    // block mapping's own range starts at its first child, a line below the key).
    Function<String, Optional<Range>> member = ptr -> map.locateKey(ptr).or(() -> map.locate(ptr));
    ImageTemplate template = p.bound().template();
    if (template.type() == null) {
      // A REST body: the output is the resource form, which names its type and version.
      template =
          new ImageTemplate(
              ImageTemplate.RESOURCE_TYPE,
              p.version().id(),
              template.name(),
              template.location(),
              template.tags(),
              template.identity(),
              template.properties());
    }
    if (options.identity().isPresent()) {
      IdentityOverride.Result r =
          IdentityOverride.apply(template, options.identity().get(), p.ref().pointer(), member);
      template = r.template();
      diagnostics.addAll(r.diagnostics());
    }
    // validate checks a template against its own literal version: --api-version only chooses one
    // for templates that name none (VersionSelection); convert writes the version asked for.
    ApiVersion target = emit ? options.apiVersion().orElse(p.version()) : p.version();
    // Also to the template's own version: a field that version lacks (errorHandling in a
    // 2022-07-01 template, which SPEC-W101 says has no effect) is dropped from the output as an
    // unknown one is, with a warning that names it, not written into a template of that version.
    // An apiVersion kept as an expression is not retargeted: the template was read in the default
    // version, as the output alone is read again, so it holds nothing for another one.
    if (emit && p.keptExpression().isEmpty()) {
      ImageTemplate given = template;
      ApiVersionRetargeter.Result r =
          new ApiVersionRetargeter().retarget(template, target, member, p.ref().pointer());
      template = r.template();
      // Only the target's own text stays as written: an unknown version read as the one chosen
      // with --api-version (VER-W002) is replaced by it, or the output would fail its own check.
      boolean asWritten =
          target == p.version()
              && (given.apiVersion() == null || given.apiVersion().equals(target.id()));
      if (asWritten) {
        // The version stays as written.
        template =
            new ImageTemplate(
                template.type(),
                given.apiVersion(),
                template.name(),
                template.location(),
                template.tags(),
                template.identity(),
                template.properties());
      }
      Set<String> retargeted = new HashSet<>();
      for (Diagnostic d : r.diagnostics()) {
        Diagnostic full = d.path().isPresent() ? d.withPath(p.ref().pointer() + d.path().get()) : d;
        full.path().ifPresent(retargeted::add);
        diagnostics.add(full);
      }
      // The retargeter says what became of a property the version lacks (dropped, rewritten):
      // the spec layer's SPEC-W101 at the same place would only say it has no effect.
      diagnostics.removeIf(
          0,
          d ->
              p.unknownWarnings().contains(d) && d.path().filter(retargeted::contains).isPresent());
    }
    // The result must hold in its own version; a failure here means a rewrite left a gap.
    DocObject out = TemplateDocs.toDoc(template);
    String base = p.ref().pointer();
    if (emit) {
      // ARM's "[[" escape: kept where the output is still deployed by ARM, else written as the
      // literal a deployment would have passed on (az image builder reads no expressions).
      ArmEscapes.Result escapes = ArmEscapes.resolve(p.ref(), out, map::locate, member);
      diagnostics.addAll(escapes.notes());
      if (escapes.doc() != out) {
        out = escapes.doc();
        // The model says what the file holds (its upload addresses are compared across a run).
        template = AibBinder.bind(new ResourceRef(base, out, "", false, ArmValues.NONE)).template();
      }
    }
    // A source the target version cannot express was dropped with RETARGET-E003, which says the
    // template has none now: "source is missing" would repeat it about a source the input has.
    boolean sourceDropped =
        template.properties().source() == null
            && p.bound().template().properties().source() != null;
    for (Diagnostic d :
        SpecValidator.forVersion(target)
            .validate(out, base, ptr -> map.locate(ptr.substring(base.length())))) {
      boolean repeatsDrop =
          sourceDropped
              && d.code().equals(SpecCode.MISSING_REQUIRED.text().id())
              && d.path().filter((base + "/properties")::equals).isPresent();
      if (d.isError() && !repeatsDrop) {
        diagnostics.add(d);
      }
    }
    return new Mapped(template, out);
  }

  /**
   * A service rule that would only repeat a spec error in other words: one about a property the
   * spec validator found wrong (or a part of it), or one about a whole item (a customizer with no
   * script, a File step without source) that has any spec error (a misspelt {@code Inline} is
   * both). A rule about another property of that item is a problem of its own (a File step's
   * destination and checksum stay wrong whatever its misspelt name): kept, so that one run reports
   * every problem.
   */
  private static boolean followsFromSpecError(Diagnostic rule, List<Diagnostic> spec) {
    String path = rule.path().orElse("");
    String item = itemPointer(path);
    boolean aboutItem = path.equals(item);
    for (Diagnostic s : spec) {
      String wrong = s.path().orElse("");
      if (s.isError()
          && (aboutItem
              ? wrong.startsWith(item)
              : wrong.equals(path) || wrong.startsWith(path + "/"))) {
        return true;
      }
    }
    return false;
  }

  /** The pointer of the array item a pointer is in, e.g. {@code /properties/customize/2}. */
  private static String itemPointer(String pointer) {
    String[] parts = pointer.split("/");
    for (int i = parts.length - 1; i > 0; i--) {
      if (!parts[i].isEmpty() && parts[i].chars().allMatch(Character::isDigit)) {
        return String.join("/", java.util.Arrays.copyOf(parts, i + 1));
      }
    }
    return pointer;
  }

  /**
   * An input that does not parse. An ARM deployment template that declares secure parameters
   * ({@code securestring}, {@code secureObject}) may hold a secret default on the line its syntax
   * error quotes, and without a tree which value that is cannot be told: every value of the file is
   * masked where it is quoted, as a var file's (names and brackets stay).
   */
  private static ConversionResult unparsed(SourceFile input, Diagnostics diagnostics) {
    String lower = input.text().toLowerCase(Locale.ROOT);
    if (!lower.contains("securestring") && !lower.contains("secureobject")) {
      return failed(diagnostics);
    }
    SourceFile shown = input.asValues();
    return new ConversionResult(
        List.of(), ValueMask.scrub(diagnostics.sorted(), List.of(shown)), List.of(shown));
  }

  /** Whether the reading failed or found no object: no template, whatever the text is. */
  private static boolean noObject(ParseResult parsed) {
    for (Diagnostic d : parsed.diagnostics()) {
      if (d.isError()) {
        return true;
      }
    }
    for (DocNode d : parsed.documents()) {
      if (d instanceof DocObject) {
        return false;
      }
    }
    return true;
  }

  private static ConversionResult failed(Diagnostics diagnostics) {
    return new ConversionResult(List.of(), diagnostics.sorted());
  }
}
