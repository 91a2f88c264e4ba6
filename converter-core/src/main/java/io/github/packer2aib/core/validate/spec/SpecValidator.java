package io.github.packer2aib.core.validate.spec;

import io.github.packer2aib.core.aib.ApiVersion;
import io.github.packer2aib.core.aib.Capabilities;
import io.github.packer2aib.core.aib.ImageTemplate;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.DiagnosticCode;
import io.github.packer2aib.core.diag.Excerpts;
import io.github.packer2aib.core.diag.Related;
import io.github.packer2aib.core.doc.ArmExpression;
import io.github.packer2aib.core.doc.ArmPropertyLoop;
import io.github.packer2aib.core.doc.DocArray;
import io.github.packer2aib.core.doc.DocMember;
import io.github.packer2aib.core.doc.DocNode;
import io.github.packer2aib.core.doc.DocObject;
import io.github.packer2aib.core.doc.DocScalar;
import io.github.packer2aib.core.doc.JsonPointer;
import io.github.packer2aib.core.source.Range;
import io.github.packer2aib.core.validate.Placeholders;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Checks one {@code Microsoft.VirtualMachineImages/imageTemplates} resource object against the
 * official REST API spec of one API version, reporting every problem as a located diagnostic.
 *
 * <p>Beyond plain schema validation it knows what the service does: ARM template expressions
 * satisfy any schema; wrong case and unknown properties are errors from API version 2024-02-01 (the
 * service rejects them) and warnings before (the service accepts or ignores them); read-only
 * properties are only warned about; and a property or type missing here but present in another API
 * version says which versions have it ({@link Capabilities}).
 *
 * <p>Instances are immutable and shared: {@link #forVersion} compiles each spec once.
 */
public final class SpecValidator {
  /** Members of an ARM deployment's resource that are not part of the resource body. */
  public static final Set<String> ARM_DEPLOYMENT_KEYS =
      Set.of("dependsOn", "comments", "condition", "copy", "scope", "resources", "existing");

  /** The resource envelope, checked here rather than against the spec. */
  private static final Set<String> ENVELOPE_KEYS = Set.of("type", "apiVersion", "name");

  /** Template names, as the URL path parameter {@code imageTemplateName} of every spec. */
  static final String NAME_PATTERN = "^[A-Za-z0-9-_.]{1,64}$";

  private static final Pattern TEMPLATE_NAME = Pattern.compile(NAME_PATTERN);
  private static final Pattern INTEGER = Pattern.compile("[-+]?[0-9]+");
  private static final Pattern HEX = Pattern.compile("[-+]?0x[0-9a-fA-F]+");
  private static final Pattern OCTAL = Pattern.compile("[-+]?0o[0-7]+");
  private static final BigDecimal INT32_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);
  private static final BigDecimal INT32_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);
  private static final int MAX_ECHO = 80;

  /** How messages name the subtypes of each discriminated base. */
  private static final Map<String, String> TYPE_NOUNS =
      Map.of(
          "ImageTemplateSource", "source",
          "ImageTemplateCustomizer", "customizer",
          "ImageTemplateDistributor", "distributor",
          "ImageTemplateInVMValidator", "validator",
          "DistributeVersioner", "versioning");

  private static final Map<ApiVersion, SpecValidator> CACHE = new ConcurrentHashMap<>();

  /**
   * The validators made so far, by version ordinal: every output of every conversion asks for its
   * version's validator, and the map's lookup (an identity hash in C1 code) was a visible cost in
   * bulk runs. A slot is filled from {@link #CACHE}, so a version still has one validator.
   */
  private static final AtomicReferenceArray<SpecValidator> BY_ORDINAL =
      new AtomicReferenceArray<>(ApiVersion.values().length);

  private final CompiledSpec spec;

  private SpecValidator(CompiledSpec spec) {
    this.spec = spec;
  }

  /** The validator of a version, compiled on first use and then shared (thread-safe). */
  public static SpecValidator forVersion(ApiVersion version) {
    Objects.requireNonNull(version, "version");
    SpecValidator known = BY_ORDINAL.get(version.ordinal());
    if (known != null) {
      return known;
    }
    SpecValidator made =
        CACHE.computeIfAbsent(version, v -> new SpecValidator(SpecLoader.compile(v, true)));
    BY_ORDINAL.set(version.ordinal(), made);
    return made;
  }

  public ApiVersion version() {
    return spec.version();
  }

  /** The compiled spec, for tests of this package. */
  CompiledSpec spec() {
    return spec;
  }

  /**
   * Validates one image template resource.
   *
   * @param resource the resource object: {@code type}, {@code apiVersion}, {@code name}, {@code
   *     location}, {@code tags}, {@code identity}, {@code properties}, and the ARM deployment keys
   *     {@link #ARM_DEPLOYMENT_KEYS}
   * @param basePointer the resource's JSON pointer in its file ({@code /resources/2}, or {@code ""}
   *     for a file that is the resource), prefixed to every diagnostic's path
   * @param locate gives a range for a full pointer (base pointer included) when the node there has
   *     no range of its own, as in documents built by the program
   * @return the diagnostics in document order, never null
   */
  public List<Diagnostic> validate(
      DocNode resource, String basePointer, Function<String, Optional<Range>> locate) {
    return validate(resource, basePointer, locate, Set.of());
  }

  /**
   * As {@link #validate(DocNode, String, Function)}, where the caller supplies some top-level
   * properties itself (the template {@code identity} from {@code --identity}), so their absence
   * from the document is no error.
   */
  public List<Diagnostic> validate(
      DocNode resource,
      String basePointer,
      Function<String, Optional<Range>> locate,
      Set<String> suppliedAtRoot) {
    return validate(resource, basePointer, locate, suppliedAtRoot, Optional.empty());
  }

  /**
   * What {@code convert} writes for the template being checked, so that a message about a property
   * the checked version lacks says what became of it in the output.
   *
   * @param version the API version of the output
   * @param expression the ARM expression kept as the output's {@code apiVersion}, or empty when the
   *     output names {@code version}. An expression is kept only when the file does not fix its
   *     value; the template is then read in the default version, which rejects unknown properties,
   *     so nothing of another version is kept for it (messages say the template is read as it)
   */
  public record Output(ApiVersion version, Optional<String> expression) {
    public Output {
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(expression, "expression");
    }
  }

  /**
   * As {@link #validate(DocNode, String, Function, Set)}, for {@code convert}: with {@code output}
   * an unknown property of a version that accepts them says whether the output keeps it (it is then
   * {@code SPEC-W101}) or leaves it out ({@code SPEC-W106}): the binder reads no property that no
   * version has, so a misspelt one is always left out.
   */
  public List<Diagnostic> validate(
      DocNode resource,
      String basePointer,
      Function<String, Optional<Range>> locate,
      Set<String> suppliedAtRoot,
      Optional<Output> output) {
    Objects.requireNonNull(resource, "resource");
    Run run =
        new Run(
            Objects.requireNonNull(basePointer, "basePointer"),
            locate,
            Set.copyOf(suppliedAtRoot),
            Objects.requireNonNull(output, "output"));
    run.resource(resource);
    return List.copyOf(run.out);
  }

  /**
   * Where a node stands: its pointer, its capability path, and how messages name it. The feature is
   * looked up for every member; the pointer and the label only when a diagnostic is made, so they
   * are built on demand (a valid template, the usual case, builds none).
   */
  private static final class Where {
    /** What this place was derived from; null for the root. */
    private final Where from;

    /** The member or entry key that leads here from {@code from}, or null. */
    private final String key;

    /** The item index that leads here from {@code from} (when there is no key). */
    private final int index;

    /** The same node as {@code from}, seen as another feature (a subtype). */
    private final boolean sameNode;

    /** How the feature follows from {@code from}'s (a member, an entry, …), until it is asked. */
    private enum FeatureStep {
      MEMBER,
      ITEM,
      ENTRY,
      SUBTYPE,
      GIVEN
    }

    private final FeatureStep step;

    /** The subtype value of a {@link FeatureStep#SUBTYPE} step. */
    private final String subtype;

    private String feature;
    private String pointer;
    private String label;

    private Where(
        Where from,
        String key,
        int index,
        boolean sameNode,
        FeatureStep step,
        String subtype,
        String feature,
        String pointer,
        String label) {
      this.from = from;
      this.key = key;
      this.index = index;
      this.sameNode = sameNode;
      this.step = step;
      this.subtype = subtype;
      this.feature = feature;
      this.pointer = pointer;
      this.label = label;
    }

    static Where root(String pointer, String feature, String label) {
      return new Where(null, null, -1, false, FeatureStep.GIVEN, null, feature, pointer, label);
    }

    Where member(String key) {
      return new Where(this, key, -1, false, FeatureStep.MEMBER, null, null, null, null);
    }

    Where item(int index) {
      return new Where(this, null, index, false, FeatureStep.ITEM, null, null, null, null);
    }

    Where entry(String key) {
      return new Where(this, key, -1, false, FeatureStep.ENTRY, null, null, null, null);
    }

    Where subtype(String value) {
      return new Where(this, null, -1, true, FeatureStep.SUBTYPE, value, null, null, null);
    }

    Where withFeature(String otherFeature) {
      return new Where(this, null, -1, true, FeatureStep.GIVEN, null, otherFeature, null, null);
    }

    /**
     * The capability path ({@code properties.customize[Shell].inline}), built when first asked:
     * only messages need it, and building it for every member of every template was a visible part
     * of the check.
     */
    String feature() {
      if (feature == null) {
        String f = from.feature();
        feature =
            switch (step) {
              case MEMBER -> f.isEmpty() ? key : f + "." + key;
              case ITEM -> f;
              case ENTRY -> f + ".*";
              case SUBTYPE -> f + "[" + subtype + "]";
              case GIVEN -> throw new IllegalStateException("a given feature is set");
            };
      }
      return feature;
    }

    String pointer() {
      if (pointer == null) {
        pointer =
            sameNode
                ? from.pointer()
                : key != null
                    ? JsonPointer.append(from.pointer(), key)
                    : JsonPointer.append(from.pointer(), index);
      }
      return pointer;
    }

    String label() {
      if (label == null) {
        label =
            sameNode
                ? from.label()
                : key != null ? quote(key) : "item " + index + " of " + from.label();
      }
      return label;
    }
  }

  /** One validation: collects diagnostics in document order. */
  private final class Run {
    final List<Diagnostic> out = new ArrayList<>();
    final String base;
    final Function<String, Optional<Range>> locate;
    final ApiVersion version = spec.version();
    final boolean strict = spec.version().isStrict();

    final Set<String> supplied;
    final Optional<Output> output;

    Run(
        String base,
        Function<String, Optional<Range>> locate,
        Set<String> supplied,
        Optional<Output> output) {
      this.base = base;
      this.locate = locate == null ? p -> Optional.empty() : locate;
      this.supplied = supplied;
      this.output = output;
    }

    // ---- the resource envelope ----

    void resource(DocNode node) {
      Where root = Where.root(base, "", "the image template resource");
      if (!(node instanceof DocObject obj)) {
        report(
            SpecCode.WRONG_TYPE,
            range(node, root.pointer()),
            root.pointer(),
            "An image template resource must be an object, not " + node.kindName() + ".");
        return;
      }
      resourceType(obj, root);
      envelopeString(obj, root, "apiVersion");
      templateName(obj, root);
      if (obj.member("properties").isEmpty() && obj.memberIgnoringCase("properties").isEmpty()) {
        // The spec leaves it optional, but without it source and distribute, which are required,
        // are missing: say so once, where the user can add them.
        report(
            SpecCode.MISSING_REQUIRED,
            range(obj, root.pointer()),
            root.pointer(),
            "The required property \"properties\" is missing from the image template resource."
                + " Add it with at least \"source\" and \"distribute\".");
      }
      object(obj, spec.root(), root, () -> "the image template resource", true, null);
    }

    /** The member with this key, or else one whose key differs only in case (ARM reads both). */
    Optional<DocMember> envelopeMember(DocObject obj, String key) {
      return obj.memberAnyCase(key);
    }

    void resourceType(DocObject obj, Where root) {
      Optional<DocMember> m = envelopeMember(obj, "type");
      if (m.isEmpty() && envelopeMember(obj, "apiVersion").isEmpty()) {
        // A REST request body (PUT …/imageTemplates/{name}) has neither type nor apiVersion.
        return;
      }
      if (m.isEmpty()) {
        report(
            SpecCode.MISSING_REQUIRED,
            range(obj, root.pointer()),
            root.pointer(),
            "The required property \"type\" is missing from the image template resource. Add"
                + " \"type\": \""
                + ImageTemplate.RESOURCE_TYPE
                + "\".");
        return;
      }
      Where w = root.member(m.get().key());
      DocNode v = m.get().value();
      if (ArmExpression.isExpression(v)) {
        return;
      }
      Optional<String> text = DocScalar.stringValue(v);
      if (text.isEmpty()) {
        wrongType(v, w, "a string");
      } else if (text.get().equalsIgnoreCase(ImageTemplate.RESOURCE_TYPE)) {
        if (!text.get().equals(ImageTemplate.RESOURCE_TYPE)) {
          report(
              SpecCode.RESOURCE_TYPE_CASE,
              range(v, w.pointer()),
              w.pointer(),
              "ARM resource types are case-insensitive, so "
                  + quote(text.get())
                  + " works, but the documented spelling is "
                  + quote(ImageTemplate.RESOURCE_TYPE)
                  + ". Write it that way.");
        }
      } else {
        report(
            SpecCode.WRONG_RESOURCE_TYPE,
            range(v, w.pointer()),
            w.pointer(),
            "The resource type is "
                + quote(echo(text.get()))
                + ", but an image template has the type "
                + quote(ImageTemplate.RESOURCE_TYPE)
                + ". Write that type.");
      }
    }

    void envelopeString(DocObject obj, Where root, String key) {
      envelopeMember(obj, key)
          .ifPresent(
              m -> {
                if (!ArmExpression.isExpression(m.value())
                    && DocScalar.stringValue(m.value()).isEmpty()) {
                  wrongType(m.value(), root.member(m.key()), "a string");
                }
              });
    }

    void templateName(DocObject obj, Where root) {
      Optional<DocMember> m = envelopeMember(obj, "name");
      if (m.isEmpty() || ArmExpression.isExpression(m.get().value())) {
        return;
      }
      Where w = root.member(m.get().key());
      DocNode v = m.get().value();
      Optional<String> text = DocScalar.stringValue(v);
      if (text.isEmpty()) {
        wrongType(v, w, "a string");
      } else if (!TEMPLATE_NAME.matcher(text.get()).find()) {
        report(
            SpecCode.INVALID_TEMPLATE_NAME,
            range(v, w.pointer()),
            w.pointer(),
            "The template name "
                + quote(echo(text.get()))
                + " is not valid: "
                + namePatternInWords()
                + ". "
                + (Placeholders.is(text.get())
                    ? Placeholders.hint(text.get()).substring(1)
                    : "Choose a name of that form."));
      }
    }

    // ---- objects ----

    /**
     * Validates an object.
     *
     * @param owner how messages name the object ("the Shell customizer", "\"vmProfile\""), built
     *     only for a message; null for the object's label ({@link Where#label})
     * @param atRoot true for the resource itself, whose envelope keys were checked already
     */
    void object(
        DocObject obj,
        Schema.ObjectSchema schema,
        Where where,
        Supplier<String> owner,
        boolean atRoot,
        Range key) {
      if (schema.discriminator() != null) {
        discriminated(obj, schema, where, key);
        return;
      }
      List<String> required = schema.required();
      for (int i = 0; i < required.size(); i++) { // by index: no iterator (C1 code)
        String r = required.get(i);
        if (obj.memberOrNull(r) == null // no Optional per required key (C1 code)
            && obj.memberIgnoringCase(r).isEmpty()
            && !(atRoot && (ENVELOPE_KEYS.contains(r) || supplied.contains(r)))
            // An ARM property loop builds it at deployment; the binder reports the loop.
            && !ArmPropertyLoop.builds(obj, r)) {
          missing(obj, where, r, owner != null ? owner.get() : where.label(), key);
        }
      }
      List<DocMember> members = obj.members();
      for (int i = 0; i < members.size(); i++) {
        member(obj, members.get(i), schema, where, owner, atRoot);
      }
    }

    void member(
        DocObject obj,
        DocMember m,
        Schema.ObjectSchema schema,
        Where where,
        Supplier<String> owner,
        boolean atRoot) {
      String key = m.key();
      if (atRoot && (ENVELOPE_KEYS.contains(key) || ARM_DEPLOYMENT_KEYS.contains(key))) {
        return;
      }
      Schema.Property p = schema.properties().get(key);
      if (p != null) {
        if (p.readOnly()) {
          readOnly(m, where.member(key));
        } else if (!anyStringGoes(m.value(), p.schema())) {
          value(m.value(), p.schema(), where.member(key), m.keyRange());
        }
        return;
      }
      if (schema.additionalProperties() != null) {
        if (!anyStringGoes(m.value(), schema.additionalProperties())) {
          value(m.value(), schema.additionalProperties(), where.entry(key), null);
        }
        return;
      }
      if (!atRoot && ArmPropertyLoop.is(m)) {
        // ARM property iteration, which ARM expands and takes away before the service sees the
        // resource: no unknown property, but a loop the binder reports (BIND-E004).
        return;
      }
      Where w = where.member(key);
      if (atRoot) {
        Optional<String> envelope = caseInsensitive(key, ENVELOPE_KEYS, ARM_DEPLOYMENT_KEYS);
        if (envelope.isPresent() && otherSpelling(obj, m, envelope.get()) != null) {
          envelopeTwice(obj, m, w, envelope.get());
          return;
        }
        if (envelope.isPresent()) {
          // ARM itself reads these keys, case-insensitively, so the service never sees them.
          report(
              SpecCode.PROPERTY_CASE_ACCEPTED,
              keyRange(m, w.pointer()),
              w.pointer(),
              "ARM reads "
                  + quote(key)
                  + " as "
                  + quote(envelope.get())
                  + ", but the usual spelling is "
                  + quote(envelope.get())
                  + ". Write it that way.");
          return;
        }
      }
      Optional<Schema.Property> sameName = caseInsensitive(key, schema);
      if (sameName.isPresent()) {
        DocMember twin = otherSpelling(obj, m, sameName.get().name());
        if (twin != null) {
          // "Write it "name"" would make a duplicate key of it.
          propertyTwice(m, twin, w, sameName.get().name());
          return;
        }
        wrongCaseKey(m, w, sameName.get(), where);
        return;
      }
      unknown(m, w, schema, owner != null ? owner.get() : where.label());
    }

    /** Another member of {@code obj} than {@code m} whose key is {@code name} ignoring case. */
    DocMember otherSpelling(DocObject obj, DocMember m, String name) {
      for (DocMember other : obj.members()) {
        if (other != m && other.key().equalsIgnoreCase(name)) {
          return other;
        }
      }
      return null;
    }

    /**
     * Two keys for one property ({@code name} and {@code Name}): in a version that reads keys
     * ignoring case the service keeps one value and the output another, so neither can be trusted;
     * a version that compares them exactly refuses the one in the wrong case. Either way the fix is
     * to remove one, as renaming the other would only make a duplicate key.
     */
    void propertyTwice(DocMember m, DocMember twin, Where w, String right) {
      report(
          SpecCode.PROPERTY_TWICE,
          keyRange(m, w.pointer()),
          w.pointer(),
          quote(twin.key())
              + " and "
              + quote(m.key())
              + " both set the property "
              + quote(right)
              + ": API version "
              + version.id()
              + (strict
                  ? " compares property names case-sensitively and rejects " + quote(m.key()) + "."
                  : " reads property names ignoring case, so one of the two values would be lost.")
              + " Keep one of them, written "
              + quote(right)
              + ", and remove the other.");
    }

    /**
     * Two keys for one of the keys ARM reads itself ({@code name} and {@code Name}): ARM reads them
     * ignoring case and takes one of the values, which one it does not document; the output keeps
     * the one {@link #envelopeMember} picks (the exact spelling, else the first). Reported at each
     * key whose value is not kept, with the kept one as its related location.
     */
    void envelopeTwice(DocObject obj, DocMember m, Where w, String right) {
      DocMember kept = envelopeMember(obj, right).orElse(m);
      if (kept == m) {
        return; // its twins say which value is kept
      }
      boolean inOutput = ENVELOPE_KEYS.contains(right);
      Diagnostic d =
          Diagnostic.of(
                  SpecCode.ENVELOPE_PROPERTY_TWICE,
                  keyRange(m, w.pointer()),
                  quote(kept.key())
                      + " and "
                      + quote(m.key())
                      + " both set "
                      + quote(right)
                      + ", as ARM reads the names of a resource's properties ignoring case; it"
                      + " takes only one of the two values. "
                      + (inOutput
                          ? "The output keeps the value of " + quote(kept.key()) + ". "
                          : "")
                      + "Keep one of them, written "
                      + quote(right)
                      + ", and remove the other.")
              .withPath(w.pointer());
      out.add(
          inOutput && kept.keyRange() != null
              ? d.withRelated(new Related(kept.keyRange(), "kept here"))
              : d);
    }

    void wrongCaseKey(DocMember m, Where w, Schema.Property right, Where parent) {
      StringBuilder detail =
          new StringBuilder()
              .append("The property ")
              .append(quote(m.key()))
              .append(" must be written ")
              .append(quote(right.name()))
              .append(". ");
      if (strict) {
        detail.append(
            "API version "
                + version.id()
                + " compares property names case-sensitively and rejects it.");
        report(SpecCode.PROPERTY_CASE, keyRange(m, w.pointer()), w.pointer(), detail.toString());
      } else {
        detail.append(
            "API version "
                + version.id()
                + " accepts it, but API version 2024-02-01 and later reject it.");
        report(
            SpecCode.PROPERTY_CASE_ACCEPTED,
            keyRange(m, w.pointer()),
            w.pointer(),
            detail.toString());
      }
      // The service reads the member under its right name, so its value is checked as that.
      Where as = parent.member(right.name());
      Where checked = w.withFeature(as.feature());
      if (right.readOnly()) {
        readOnly(m, checked);
      } else {
        value(m.value(), right.schema(), checked, null);
      }
    }

    void unknown(DocMember m, Where w, Schema.ObjectSchema schema, String owner) {
      if (m.key().startsWith("x-")) {
        // The docker-compose convention: "x-" keys hold YAML anchors and other authoring aids.
        report(
            SpecCode.EXTENSION_FIELD,
            keyRange(m, w.pointer()),
            w.pointer(),
            quote(m.key())
                + " is an extension field (its key starts with \"x-\", as for YAML anchors); it is"
                + " not part of the image template and is left out of the output.");
        return;
      }
      StringBuilder detail = new StringBuilder();
      Optional<Capabilities.Feature> elsewhere =
          Capabilities.feature(w.feature())
              .filter(f -> !f.versions().isEmpty() && !f.supports(version));
      if (elsewhere.isPresent()) {
        detail
            .append(quote(m.key()))
            .append(" exists ")
            .append(Capabilities.describe(elsewhere.get().versions(), true))
            .append(
                output.flatMap(Output::expression).isPresent()
                    ? "; this template is read as "
                    : "; this template uses ")
            .append(version.id())
            .append(". ");
        if (!elsewhere.get().hint().isEmpty()) {
          detail.append(elsewhere.get().hint()).append(' ');
        }
        if (!keptInOutput(elsewhere.get())) {
          detail.append("Choose an API version that has it, or remove it.");
        }
      } else {
        detail
            .append(quote(m.key()))
            .append(" is not a property of ")
            .append(owner)
            .append(" in API version ")
            .append(version.id())
            .append('.');
        Suggestions.closest(m.key(), writable(schema))
            .ifPresent(s -> detail.append(" Did you mean ").append(quote(s)).append('?'));
      }
      if (strict) {
        detail.append(" API version ").append(version.id()).append(" rejects unknown properties.");
        report(SpecCode.UNKNOWN_PROPERTY, keyRange(m, w.pointer()), w.pointer(), detail.toString());
      } else if (output.isEmpty()) {
        detail
            .append(" API version ")
            .append(version.id())
            .append(" ignores unknown properties, so it has no effect; 2024-02-01 and later reject")
            .append(" them.");
        report(
            SpecCode.UNKNOWN_PROPERTY_IGNORED,
            keyRange(m, w.pointer()),
            w.pointer(),
            detail.toString());
      } else {
        unknownInOutput(m, w, elsewhere, detail);
      }
    }

    /** Whether convert writes a property of another version into its output (see below). */
    boolean keptInOutput(Capabilities.Feature f) {
      return output.filter(o -> !strict && f.supports(o.version())).isPresent();
    }

    /**
     * The convert words for an unknown property of a version that ignores them. A property of
     * another version is kept when the output's version has it; when it does not, the retargeter
     * drops it and says so at the same place (and the converter keeps only its words).
     */
    void unknownInOutput(
        DocMember m, Where w, Optional<Capabilities.Feature> elsewhere, StringBuilder detail) {
      Output o = output.orElseThrow();
      String ignores =
          " API version "
              + version.id()
              + " ignores unknown properties; 2024-02-01 and later"
              + " reject them.";
      if (elsewhere.isEmpty()) {
        detail.append(" It was left out of the output.").append(ignores);
        report(
            SpecCode.UNKNOWN_PROPERTY_LEFT_OUT,
            keyRange(m, w.pointer()),
            w.pointer(),
            detail.toString());
        return;
      }
      if (elsewhere.get().supports(o.version())) {
        detail
            .append("It is kept in the output, which is written in API version ")
            .append(o.version().id())
            .append(", which has it.");
      } else {
        detail.append(ignores);
      }
      report(
          SpecCode.UNKNOWN_PROPERTY_IGNORED,
          keyRange(m, w.pointer()),
          w.pointer(),
          detail.toString());
    }

    void readOnly(DocMember m, Where w) {
      report(
          SpecCode.READ_ONLY_PROPERTY,
          keyRange(m, w.pointer()),
          w.pointer(),
          "The service sets "
              + quote(m.key())
              + " itself and ignores it in a request, so it will be dropped. Remove it from the"
              + " template.");
    }

    void missing(DocObject obj, Where where, String key, String owner, Range objectKey) {
      StringBuilder detail =
          new StringBuilder("The required property ")
              .append(quote(key))
              .append(" is missing from ")
              .append(owner)
              .append(". Add it; API version ")
              .append(version.id())
              .append(" requires it.");
      String requiredFeature =
          (where.feature().isEmpty() ? key : where.feature() + "." + key) + "@required";
      Capabilities.feature(requiredFeature)
          .filter(f -> !f.hint().isEmpty())
          .ifPresent(f -> detail.append(' ').append(f.hint()));
      report(
          SpecCode.MISSING_REQUIRED,
          objectRange(obj, where.pointer(), objectKey),
          where.pointer(),
          detail.toString());
    }

    /**
     * Where to report a problem of a whole object: at its key when the object itself starts on a
     * later line, as a YAML block mapping does (its range starts at its first member, which would
     * read as the culprit).
     */
    Range objectRange(DocObject obj, String pointer, Range key) {
      Range r = range(obj, pointer);
      return key != null && r != null && key.start().line() < r.start().line() ? key : r;
    }

    // ---- discriminated objects ----

    void discriminated(DocObject obj, Schema.ObjectSchema base, Where where, Range key) {
      Schema.Discriminator d = base.discriminator();
      DocMember dm = obj.memberOrNull(d.field()); // no Optional (C1 code)
      if (dm == null) {
        dm = obj.memberIgnoringCase(d.field()).orElse(null);
      }
      if (dm == null) {
        report(
            SpecCode.MISSING_REQUIRED,
            objectRange(obj, where.pointer(), key),
            where.pointer(),
            "The required property "
                + quote(d.field())
                + " is missing from "
                + where.label()
                + ". It selects the "
                + kindOf(base)
                + "; valid values in API version "
                + version.id()
                + ": "
                + String.join(", ", new TreeSet<>(d.values()))
                + ".");
        return;
      }
      DocNode v = dm.value();
      Where vw = where.member(dm.key());
      if (ArmExpression.isExpression(v)) {
        return; // the subtype is known only at deployment
      }
      Optional<String> text = DocScalar.stringValue(v);
      if (text.isEmpty()) {
        wrongType(v, vw, "a string");
        return;
      }
      String value = text.get();
      String chosen = d.subtypes().containsKey(value) ? value : null;
      if (chosen == null) {
        chosen = d.values().stream().filter(value::equalsIgnoreCase).findFirst().orElse(null);
        if (chosen != null) {
          wrongCaseValue(v, vw, "The " + kindOf(base) + " " + quote(value), chosen);
        }
      }
      if (chosen == null) {
        unknownType(v, vw, where, d, value, kindOf(base));
        return;
      }
      Schema.ObjectSchema sub = spec.subtype(d, chosen);
      // The name is for messages only: most objects have none, and building it for each one was
      // a visible part of checking a template.
      object(obj, sub, where.subtype(chosen), new SubtypeName(chosen, base), false, key);
    }

    /**
     * "the Shell customizer", for messages about a subtype's object, built only when asked. A
     * class, not a lambda: every customizer, source and distributor comes here, and in C1 code a
     * capturing lambda is an allocation through a method handle.
     */
    private static final class SubtypeName implements Supplier<String> {
      private final String chosen;
      private final Schema.ObjectSchema base;

      SubtypeName(String chosen, Schema.ObjectSchema base) {
        this.chosen = chosen;
        this.base = base;
      }

      @Override
      public String get() {
        return "the " + chosen + " " + nounOf(base);
      }
    }

    /** How messages name a discriminated base's objects: "customizer", "source", … */
    private static String nounOf(Schema.ObjectSchema base) {
      return TYPE_NOUNS.getOrDefault(base.name(), "object");
    }

    /** How messages name a discriminated base's subtypes: "customizer type", … */
    private static String kindOf(Schema.ObjectSchema base) {
      String noun = nounOf(base);
      return noun.equals("versioning") ? "versioning scheme" : noun + " type";
    }

    void unknownType(
        DocNode v, Where vw, Where where, Schema.Discriminator d, String value, String kind) {
      String valid = String.join(", ", new TreeSet<>(d.values()));
      Optional<Capabilities.Feature> elsewhere = typeElsewhere(where.feature(), value);
      if (elsewhere.isPresent()) {
        String right = subtypeValue(elsewhere.get().path());
        StringBuilder detail =
            new StringBuilder("The ")
                .append(kind)
                .append(' ')
                .append(quote(right))
                .append(" exists ")
                .append(Capabilities.describe(elsewhere.get().versions(), true))
                .append("; this template uses ")
                .append(version.id())
                .append(". ");
        if (!elsewhere.get().hint().isEmpty()) {
          detail.append(elsewhere.get().hint()).append(' ');
        }
        detail
            .append("Valid types in ")
            .append(version.id())
            .append(": ")
            .append(valid)
            .append('.');
        report(
            SpecCode.TYPE_NOT_IN_VERSION, range(v, vw.pointer()), vw.pointer(), detail.toString());
        return;
      }
      StringBuilder detail =
          new StringBuilder(quote(echo(value)))
              .append(" is not a ")
              .append(kind)
              .append(" in API version ")
              .append(version.id())
              .append(". Valid values: ")
              .append(valid)
              .append('.');
      Suggestions.closest(value, new TreeSet<>(d.values()))
          .ifPresent(s -> detail.append(" Did you mean ").append(quote(s)).append('?'));
      report(SpecCode.UNKNOWN_TYPE, range(v, vw.pointer()), vw.pointer(), detail.toString());
    }

    /** The capability entry of a subtype that this version lacks, matched ignoring case. */
    Optional<Capabilities.Feature> typeElsewhere(String feature, String value) {
      String wanted = feature + "[" + value + "]";
      return Capabilities.features().stream()
          .filter(f -> f.kind() == Capabilities.Kind.TYPE)
          .filter(f -> f.path().equalsIgnoreCase(wanted))
          .filter(f -> !f.versions().isEmpty() && !f.supports(version))
          .findFirst();
    }

    // ---- values ----

    /**
     * Checks {@code node} against {@code schema}; {@code key} is the key of the member it is the
     * value of (null for list items and map entries), where problems of a whole object are reported
     * when the object starts on a later line ({@link #objectRange}).
     */
    void value(DocNode node, Schema schema, Where w, Range key) {
      if (ArmExpression.isExpression(node)) {
        return;
      }
      Schema s = spec.resolve(schema);
      if (s instanceof Schema.ObjectSchema os) {
        if (node instanceof DocObject obj) {
          object(obj, os, w, null, false, key);
        } else {
          wrongType(node, w, "an object");
        }
      } else if (s instanceof Schema.ArraySchema as) {
        if (node instanceof DocArray arr) {
          List<DocNode> items = arr.items();
          for (int i = 0; i < items.size(); i++) {
            DocNode item = items.get(i);
            if (!anyStringGoes(item, as.items())) {
              value(item, as.items(), w.item(i), null);
            }
          }
        } else {
          wrongType(node, w, "an array", arrayHint(node, as, key));
        }
      } else if (s instanceof Schema.StringSchema ss) {
        Optional<String> text = DocScalar.stringValue(node);
        if (text.isEmpty()) {
          wrongType(node, w, "a string");
        } else {
          string(node, text.get(), ss, w);
        }
      } else if (s instanceof Schema.NumberSchema ns) {
        number(node, ns, w);
      } else if (s instanceof Schema.BooleanSchema) {
        if (!(node instanceof DocScalar sc && sc.type() == DocScalar.Type.BOOLEAN)) {
          wrongType(node, w, "a boolean (true or false)");
        }
      }
      // AnySchema: anything goes.
    }

    /**
     * Whether {@code node} is a string and {@code schema} takes any string, so that {@link #value}
     * can find nothing to report: then no {@link Where} is made for it. Most members and items of a
     * template are such strings (every line of an inline script is one), and a place for each was a
     * visible part of the check's allocation in bulk runs.
     */
    boolean anyStringGoes(DocNode node, Schema schema) {
      if (!(node instanceof DocScalar sc) || sc.type() != DocScalar.Type.STRING) {
        return false;
      }
      return spec.resolve(schema) instanceof Schema.StringSchema ss && ss.acceptsAnyString();
    }

    void string(DocNode node, String text, Schema.StringSchema s, Where w) {
      if (!s.enumValues().isEmpty() && !s.enumValues().contains(text)) {
        Optional<String> sameCase =
            s.enumValues().stream().filter(text::equalsIgnoreCase).findFirst();
        if (sameCase.isPresent()) {
          wrongCaseValue(node, w, "The value " + quote(text) + " of " + w.label(), sameCase.get());
        } else {
          unsupportedValue(node, text, s, w);
        }
      }
      if (s.pattern() != null && !s.pattern().matcher(text).find()) {
        String words =
            s.pattern().pattern().equals(NAME_PATTERN) ? " (" + namePatternInWords() + ")" : "";
        report(
            SpecCode.PATTERN_MISMATCH,
            range(node, w.pointer()),
            w.pointer(),
            "The value "
                + quote(echo(text))
                + " of "
                + w.label()
                + " does not match the pattern "
                + s.pattern().pattern()
                + words
                + ". "
                + (Placeholders.is(text)
                    ? Placeholders.hint(text).substring(1)
                    : "Change it to match."));
      }
      int length = text.codePointCount(0, text.length());
      if (s.minLength() != null && length < s.minLength()) {
        lengthProblem(node, w, "at least " + s.minLength(), length);
      }
      if (s.maxLength() != null && length > s.maxLength()) {
        lengthProblem(node, w, "at most " + s.maxLength(), length);
      }
    }

    void unsupportedValue(DocNode node, String text, Schema.StringSchema s, Where w) {
      StringBuilder detail =
          new StringBuilder("The value ")
              .append(quote(echo(text)))
              .append(" of ")
              .append(w.label())
              .append(" is not supported in API version ")
              .append(version.id())
              .append(". Valid values: ")
              .append(String.join(", ", s.enumValues()))
              .append('.')
              .append(Placeholders.hint(text));
      Optional<Capabilities.Feature> elsewhere =
          Capabilities.feature(w.feature() + "=" + text).filter(f -> !f.versions().isEmpty());
      if (elsewhere.isPresent()) {
        detail
            .append(' ')
            .append(quote(text))
            .append(" exists ")
            .append(Capabilities.describe(elsewhere.get().versions(), true))
            .append('.');
      } else {
        Suggestions.closest(text, s.enumValues())
            .ifPresent(c -> detail.append(" Did you mean ").append(quote(c)).append('?'));
      }
      report(SpecCode.UNSUPPORTED_VALUE, range(node, w.pointer()), w.pointer(), detail.toString());
    }

    void lengthProblem(DocNode node, Where w, String bound, int length) {
      report(
          SpecCode.WRONG_LENGTH,
          range(node, w.pointer()),
          w.pointer(),
          cap(w.label())
              + " must be "
              + bound
              + " characters long, but it has "
              + length
              + ". Change its length.");
    }

    void number(DocNode node, Schema.NumberSchema s, Where w) {
      String expected = s.integer() ? "an integer" : "a number";
      if (!(node instanceof DocScalar sc) || sc.type() != DocScalar.Type.NUMBER) {
        String hint = "";
        if (node instanceof DocScalar sc2
            && sc2.isString()
            && sc2.text().trim().matches("[-+]?[0-9]+(\\.[0-9]+)?")) {
          hint = " Write the number without quotes.";
        }
        wrongType(node, w, expected, hint);
        return;
      }
      // Plain digits, the usual number, read without the literal patterns (the value and the
      // integer check are what those give for them).
      boolean digits = plainDigits(sc.text());
      BigDecimal value = digits ? BigDecimal.valueOf(Long.parseLong(sc.text())) : numericValue(sc);
      if (s.integer() && (value == null || !(digits || isIntegerLiteral(sc.text())))) {
        // A whole number written with an exponent is no integer literal; but one beyond the
        // field's range (1e999999999 for a 32-bit integer) is refused for that first: written in
        // digits it would be refused all the same, and "Write a whole number" is no help.
        if (value == null || !isWhole(value) || !outOfRange(node, s, w, value, sc)) {
          report(
              SpecCode.WRONG_TYPE,
              range(node, w.pointer()),
              w.pointer(),
              cap(w.label())
                  + " must be an integer, not "
                  + echo(sc.text())
                  + ". Write a whole number.");
        }
        return;
      }
      if (value == null) {
        return; // e.g. YAML .inf: a number, but not one we can compare
      }
      outOfRange(node, s, w, value, sc);
    }

    /** Reports {@code value} if it is outside the schema's range, and says whether it was. */
    boolean outOfRange(
        DocNode node, Schema.NumberSchema s, Where w, BigDecimal value, DocScalar sc) {
      if ("int32".equals(s.format())
          && (value.compareTo(INT32_MIN) < 0 || value.compareTo(INT32_MAX) > 0)) {
        outOfRange(node, w, "a 32-bit integer (" + INT32_MIN + " to " + INT32_MAX + ")", sc);
      } else if (s.minimum() != null && value.compareTo(s.minimum()) < 0) {
        outOfRange(node, w, "at least " + s.minimum().toPlainString(), sc);
      } else if (s.maximum() != null && value.compareTo(s.maximum()) > 0) {
        outOfRange(node, w, "at most " + s.maximum().toPlainString(), sc);
      } else {
        return false;
      }
      return true;
    }

    void outOfRange(DocNode node, Where w, String bound, DocScalar sc) {
      report(
          SpecCode.OUT_OF_RANGE,
          range(node, w.pointer()),
          w.pointer(),
          cap(w.label())
              + " must be "
              + bound
              + ", but it is "
              + echo(sc.text())
              + ". Change it to a value in range.");
    }

    void wrongCaseValue(DocNode node, Where w, String subject, String right) {
      String detail = subject + " must be written " + quote(right) + ". ";
      if (strict) {
        report(
            SpecCode.VALUE_CASE,
            range(node, w.pointer()),
            w.pointer(),
            detail
                + "API version "
                + version.id()
                + " compares it case-sensitively and rejects it.");
      } else {
        report(
            SpecCode.VALUE_CASE_ACCEPTED,
            range(node, w.pointer()),
            w.pointer(),
            detail
                + "API version "
                + version.id()
                + " accepts it, but API version 2024-02-01 and later reject it."
                + (output.isPresent() ? " The output uses that spelling." : ""));
      }
    }

    void wrongType(DocNode node, Where w, String expected) {
      wrongType(node, w, expected, "");
    }

    /**
     * The hint for a single value where a list goes: for a list of objects, what an item looks like
     * (the value is no item of it); for other lists, the value as one item, or a dash that lacks
     * its blank ({@code -ok} on the line below its key).
     */
    String arrayHint(DocNode node, Schema.ArraySchema as, Range key) {
      TypeHints.ObjectItems objects = null;
      if (spec.resolve(as.items()) instanceof Schema.ObjectSchema os) {
        Schema.Discriminator d = os.discriminator();
        objects =
            d != null && !d.values().isEmpty()
                ? new TypeHints.ObjectItems(nounOf(os) + " objects", d.field(), d.values().get(0))
                : new TypeHints.ObjectItems(
                    "objects", os.required().isEmpty() ? "key" : os.required().get(0), null);
      }
      boolean ownLine =
          key != null && node.range() != null && node.range().start().line() > key.end().line();
      return TypeHints.forArray(node, objects, ownLine);
    }

    void wrongType(DocNode node, Where w, String expected, String hint) {
      // A tag that made the value the wrong type ("!!int "42"" where text goes) is the thing to
      // remove, whatever else the value looks like.
      String tagHint = TypeHints.forTag(node, expected);
      report(
          SpecCode.WRONG_TYPE,
          range(node, w.pointer()),
          w.pointer(),
          cap(w.label())
              + " must be "
              + expected
              + ", not "
              + node.kindName()
              + "."
              + (tagHint != null
                  ? tagHint
                  : hint.isEmpty() ? TypeHints.of(node, expected, isListItem(w.pointer())) : hint)
              + (node instanceof DocScalar sc && sc.isString()
                  ? Placeholders.hint(sc.text())
                  : ""));
    }

    // ---- helpers ----

    /** Whether the pointer's last step is an index: {@code /properties/customize/0/inline/2}. */
    boolean isListItem(String pointer) {
      int slash = pointer.lastIndexOf('/');
      return slash >= 0
          && slash < pointer.length() - 1
          && pointer.substring(slash + 1).chars().allMatch(Character::isDigit);
    }

    Range range(DocNode node, String pointer) {
      return node != null && node.range() != null
          ? node.range()
          : locate.apply(pointer).orElse(null);
    }

    Range keyRange(DocMember m, String pointer) {
      return m.keyRange() != null ? m.keyRange() : locate.apply(pointer).orElse(null);
    }

    void report(DiagnosticCode code, Range subject, String pointer, String detail) {
      out.add(Diagnostic.of(code, subject, detail).withPath(pointer));
    }
  }

  private static List<String> writable(Schema.ObjectSchema schema) {
    List<String> names = new ArrayList<>();
    schema.properties().values().stream()
        .filter(p -> !p.readOnly())
        .forEach(p -> names.add(p.name()));
    return names;
  }

  private static Optional<Schema.Property> caseInsensitive(String key, Schema.ObjectSchema schema) {
    return schema.properties().values().stream()
        .filter(p -> p.name().equalsIgnoreCase(key))
        .findFirst();
  }

  @SafeVarargs
  private static Optional<String> caseInsensitive(String key, Set<String>... sets) {
    for (Set<String> set : sets) {
      for (String s : new TreeSet<>(set)) {
        if (s.equalsIgnoreCase(key)) {
          return Optional.of(s);
        }
      }
    }
    return Optional.empty();
  }

  private static BigDecimal numericValue(DocScalar s) {
    String t = s.text().startsWith("+") ? s.text().substring(1) : s.text();
    boolean negative = t.startsWith("-");
    String digits = negative ? t.substring(1) : t;
    if (HEX.matcher(t).matches()) {
      return signed(new BigInteger(digits.substring(2), 16), negative);
    }
    if (OCTAL.matcher(t).matches()) {
      return signed(new BigInteger(digits.substring(2), 8), negative);
    }
    return s.asNumber().orElse(null);
  }

  private static BigDecimal signed(BigInteger v, boolean negative) {
    return new BigDecimal(negative ? v.negate() : v);
  }

  /**
   * Whether a number has no fraction. Without building it: 1e999999999 is one digit and an
   * exponent, and 1e-999999999 below one (its whole part would be a billion-digit division).
   */
  private static boolean isWhole(BigDecimal value) {
    if (value.signum() == 0 || value.scale() <= 0) {
      return true;
    }
    if ((long) value.precision() - value.scale() <= 0) {
      return false; // between -1 and 1, and not 0
    }
    // The scale is below the literal's digit count here, so this division is bounded by it.
    return value.setScale(0, RoundingMode.DOWN).compareTo(value) == 0;
  }

  /** Whether {@code text} is 1 to 18 ASCII digits (a long, whatever they are). */
  private static boolean plainDigits(String text) {
    int n = text.length();
    if (n == 0 || n > 18) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** Integer literals as JSON and YAML write them; 1.0 and 1e3 are numbers, not integers. */
  private static boolean isIntegerLiteral(String text) {
    return INTEGER.matcher(text).matches()
        || HEX.matcher(text).matches()
        || OCTAL.matcher(text).matches();
  }

  /** The discriminator value of a subtype path: {@code a.b[ISO]} → {@code ISO}. */
  private static String subtypeValue(String path) {
    return path.substring(path.lastIndexOf('[') + 1, path.length() - 1);
  }

  /**
   * {@code [A-Za-z0-9-_.]{1,64}} in words. ASCII letters only, said so: "a letter" read as allowing
   * {@code café} or {@code straße}, which the pattern refuses.
   */
  private static String namePatternInWords() {
    return "1 to 64 characters, each an ASCII letter (A-Z, a-z), a digit (0-9), \"-\", \"_\" or"
        + " \".\"";
  }

  static String quote(String s) {
    return "\"" + s + "\"";
  }

  private static String echo(String s) {
    return Excerpts.cut(s, MAX_ECHO);
  }

  private static String cap(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
