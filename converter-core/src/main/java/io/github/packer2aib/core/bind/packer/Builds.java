package io.github.packer2aib.core.bind.packer;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.Related;
import io.github.packer2aib.core.hcl.eval.EvalContext;
import io.github.packer2aib.core.hcl.function.Clock;
import io.github.packer2aib.core.hcl.syntax.Attribute;
import io.github.packer2aib.core.hcl.syntax.Block;
import io.github.packer2aib.core.hcl.syntax.BodyItem;
import io.github.packer2aib.core.hcl.syntax.Expression;
import io.github.packer2aib.core.hcl.syntax.ObjectCons;
import io.github.packer2aib.core.hcl.syntax.ObjectItem;
import io.github.packer2aib.core.hcl.syntax.TemplateExpr;
import io.github.packer2aib.core.hcl.syntax.Tuple;
import io.github.packer2aib.core.hcl.value.MapValue;
import io.github.packer2aib.core.hcl.value.Mark;
import io.github.packer2aib.core.hcl.value.ObjectValue;
import io.github.packer2aib.core.hcl.value.Type;
import io.github.packer2aib.core.hcl.value.Value;
import io.github.packer2aib.core.packer.Build;
import io.github.packer2aib.core.packer.Config;
import io.github.packer2aib.core.packer.PostProcessor;
import io.github.packer2aib.core.packer.Provisioner;
import io.github.packer2aib.core.packer.Setting;
import io.github.packer2aib.core.packer.Source;
import io.github.packer2aib.core.packer.SourceUsage;
import io.github.packer2aib.core.source.Range;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Sources and builds: the top-level {@code source} blocks, and each {@code build} with its source
 * usages ({@code sources = [...]} and build-level {@code source "type.name" { … }} blocks, whose
 * fields are added to the source's; setting a field the source sets already is an error, as in
 * Packer), provisioners, post-processors and error-cleanup provisioner.
 */
final class Builds {
  /**
   * Whether {@code s} has Go's {@code time.ParseDuration} syntax: {@code
   * [-+]?((\d+(\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h))+|[-+]?0}. Written out: a regular expression
   * costs more than the rest of a provisioner in C1 code (bulk runs).
   */
  static boolean isDuration(String s) {
    int n = s.length();
    int i = 0;
    if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
      i++;
    }
    if (i == n) {
      return false;
    }
    if (i == n - 1 && s.charAt(i) == '0') {
      return true;
    }
    while (i < n) {
      int whole = 0;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
        whole++;
      }
      int fraction = 0;
      boolean point = i < n && s.charAt(i) == '.';
      if (point) {
        i++;
        while (i < n && isDigit(s.charAt(i))) {
          i++;
          fraction++;
        }
      }
      if (whole == 0 && fraction == 0) {
        return false;
      }
      if (i == n) {
        return false;
      }
      char c = s.charAt(i);
      boolean secondS = i + 1 < n && s.charAt(i + 1) == 's';
      if ((c == 'n' || c == 'u' || c == '\u00b5' || c == '\u03bc') && secondS) {
        i += 2;
      } else if (c == 'm' && secondS) {
        i += 2;
      } else if (c == 's' || c == 'm' || c == 'h') {
        i++;
      } else {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /**
   * A top-level source block and its evaluated model.
   *
   * @param context the context its body was evaluated in, when evaluating it again there gives the
   *     same values (it called no {@code uuidv4()}); else null
   */
  private record Declared(Block block, Source source, EvalContext context) {}

  /** A use of a source inside a build, before it is resolved. */
  private record Usage(
      String type, String name, Optional<String> localName, List<BodyItem> extra, Range range) {
    String usageName() {
      return localName.orElse(name);
    }

    String reference() {
      return type + "." + usageName();
    }
  }

  private final Map<String, Declared> sources = new LinkedHashMap<>();
  private final Scope scope;
  private final Expressions expressions;
  private final Attributes attributes;
  private final BodyEvaluator bodies;
  private final Clock clock;
  private final List<Diagnostic> out;
  private final DynamicBlocks dynamicBlocks;

  Builds(
      Scope scope,
      Expressions expressions,
      Attributes attributes,
      BodyEvaluator bodies,
      Clock clock,
      List<Diagnostic> out) {
    this.scope = scope;
    this.clock = clock;
    this.expressions = expressions;
    this.attributes = attributes;
    this.bodies = bodies;
    this.out = out;
    this.dynamicBlocks = new DynamicBlocks(expressions, attributes, out);
  }

  // ---- sources -----------------------------------------------------------------------------

  /** A top-level {@code source "type" "name" { … }}. */
  void declareSource(Block block) {
    String type = block.labels().get(0).value();
    String name = block.labels().get(1).value();
    String ref = type + "." + name;
    Declared first = sources.get(ref);
    Range header = BodyContent.headerRange(block);
    if (first != null) {
      Range firstHeader = BodyContent.headerRange(first.block());
      out.add(
          Diagnostic.of(
                  PackerCode.DUPLICATE_DECLARATION,
                  header,
                  "A source \""
                      + type
                      + "\" \""
                      + name
                      + "\" was already declared at "
                      + firstHeader
                      + ". Each source needs a name that is unique for its builder type; rename"
                      + " one of them.")
              .withRelated(new Related(firstHeader, "first declared here")));
      return;
    }
    EvalContext ctx = scope.sourceBody(type, name);
    long uuids = clock.uuidsIssued();
    Config config = bodies.config(block.body().items(), ctx, block.body().range());
    boolean repeatable = clock.uuidsIssued() == uuids;
    sources.put(
        ref,
        new Declared(
            block, new Source(type, name, config, block.range()), repeatable ? ctx : null));
  }

  /** The sources, in declaration order. */
  List<Source> sources() {
    return sources.values().stream().map(Declared::source).toList();
  }

  // ---- builds ------------------------------------------------------------------------------

  /** A {@code build { … }} block, with what could be read of it. */
  Build build(Block block) {
    Range header = BodyContent.headerRange(block);
    BodyContent content =
        BodyContent.of(block.body(), PackerSchema.BUILD, "a build block", header, out);
    EvalContext ctx = scope.locals();
    Optional<Attributes.Text> nameText = attributes.text(content, "name", ctx);
    Optional<Attributes.Text> descriptionText = attributes.text(content, "description", ctx);
    Optional<String> name = nameText.map(Attributes.Text::text);
    Optional<String> description = descriptionText.map(Attributes.Text::text);
    Set<String> sensitive = sensitiveTexts(null, nameText, descriptionText);
    // build.name in the blocks' bodies: sensitive when the name is.
    Value buildName =
        nameText.isPresent() && nameText.get().sensitive()
            ? Value.string(nameText.get().text()).mark(Mark.SENSITIVE)
            : Value.string(name.orElse(""));

    List<Usage> usages = new ArrayList<>();
    boolean hadSource = false;
    Optional<Attribute> list = content.attribute("sources");
    if (list.isPresent()) {
      hadSource = true;
      Optional<List<String>> refs = attributes.strings(list.get(), ctx);
      List<String> given = refs.orElse(List.of());
      for (int i = 0; i < given.size(); i++) {
        Range at = elementRange(list.get().expression(), i);
        reference(given.get(i), at)
            .ifPresent(
                r -> usages.add(new Usage(r.type(), r.name(), Optional.empty(), List.of(), at)));
      }
    }
    for (Block b : content.blocks("source")) {
      hadSource = true;
      usage(b).ifPresent(usages::add);
    }
    if (!hadSource) {
      out.add(
          Diagnostic.of(
              PackerCode.MISSING_SOURCE_REFERENCE,
              header,
              "A build must use at least one source: list them in sources ="
                  + " [\"source.<type>.<name>\"] or add source \"<type>.<name>\" { … } blocks."));
    }

    List<SourceUsage> resolved = new ArrayList<>();
    for (Usage u : usages) {
      resolve(u).ifPresent(resolved::add);
    }

    List<Provisioner> provisioners = new ArrayList<>();
    Optional<Provisioner> cleanup = Optional.empty();
    Block firstCleanup = null;
    List<List<PostProcessor>> chains = new ArrayList<>();
    for (Block b : content.blocks()) {
      switch (b.type()) {
        case "provisioner":
          provisioners.add(provisioner(b, buildName, resolved));
          break;
        case "dynamic":
          dynamicProvisioners(b, buildName, resolved, provisioners);
          break;
        case "error-cleanup-provisioner":
          if (firstCleanup != null) {
            Range first = BodyContent.headerRange(firstCleanup);
            out.add(
                Diagnostic.of(
                        PackerCode.DUPLICATE_DECLARATION,
                        BodyContent.headerRange(b),
                        "A build has at most one error-cleanup-provisioner; another one was"
                            + " written at "
                            + first
                            + ". Remove one of them.")
                    .withRelated(new Related(first, "first error-cleanup-provisioner")));
            break;
          }
          firstCleanup = b;
          cleanup = Optional.of(provisioner(b, buildName, resolved));
          break;
        case "post-processor":
          chains.add(List.of(postProcessor(b, buildName, resolved)));
          break;
        case "post-processors":
          Range chainHeader = BodyContent.headerRange(b);
          BodyContent chain =
              BodyContent.of(
                  b.body(),
                  PackerSchema.POST_PROCESSORS,
                  "a post-processors block",
                  chainHeader,
                  out);
          List<PostProcessor> pps = new ArrayList<>();
          for (Block p : chain.blocks("post-processor")) {
            pps.add(postProcessor(p, buildName, resolved));
          }
          chains.add(pps);
          break;
        case "hcp_packer_registry":
        case "from":
          out.add(
              Diagnostic.of(
                  PackerCode.BLOCK_IGNORED,
                  BodyContent.headerRange(b),
                  "The " + b.type() + " block does not affect the image, so it is not read."));
          break;
        default:
          break; // source blocks, read above
      }
    }
    return new Build(
        name, description, resolved, provisioners, chains, cleanup, block.range(), sensitive);
  }

  /**
   * {@code into} (made when null) with the texts of {@code texts} that came from a sensitive value;
   * an empty set when there are none (most blocks).
   */
  @SafeVarargs
  private static Set<String> sensitiveTexts(Set<String> into, Optional<Attributes.Text>... texts) {
    Set<String> out = into;
    for (Optional<Attributes.Text> t : texts) {
      if (t.isPresent() && t.get().sensitive()) {
        out = out == null ? new HashSet<>() : out;
        out.add(t.get().text());
      }
    }
    return out == null ? Set.of() : out;
  }

  /** A build-level {@code source "type.name" { name = …, … }}. */
  private Optional<Usage> usage(Block b) {
    Range header = BodyContent.headerRange(b);
    BodyContent content =
        BodyContent.of(b.body(), PackerSchema.BUILD_SOURCE, "a build's source block", header, out);
    Optional<Scope.SourceName> ref =
        reference(b.labels().get(0).value(), b.labels().get(0).range());
    if (ref.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> localName = attributes.string(content, "name", Scope.constants());
    return Optional.of(
        new Usage(ref.get().type(), ref.get().name(), localName, content.rest(), b.range()));
  }

  /**
   * {@code source.type.name} or {@code type.name} split into type and name (as Packer's {@code
   * sourceRefFromString}); empty after reporting an invalid reference.
   */
  private Optional<Scope.SourceName> reference(String text, Range at) {
    String[] parts = text.split("\\.", -1);
    String type = null;
    String name = null;
    if (parts.length == 2) {
      type = parts[0];
      name = parts[1];
    } else if (parts.length == 3) {
      type = parts[1];
      name = parts[2];
    }
    if (type == null || !Names.isIdentifier(type) || !Names.isIdentifier(name)) {
      out.add(
          Diagnostic.of(
              PackerCode.INVALID_SOURCE_REFERENCE,
              at,
              "\""
                  + text
                  + "\" is not a source reference. Write source.<type>.<name>, as in"
                  + " \"source.azure-arm.ubuntu\": the type and name of a source block, each"
                  + " starting with a letter and holding only letters, digits, underscores and"
                  + " dashes."));
      return Optional.empty();
    }
    if (parts.length == 3 && !parts[0].equals("source")) {
      // Packer drops the first part whatever it is; the documented form is source.type.name.
      out.add(
          Diagnostic.of(
              PackerCode.UNUSUAL_SOURCE_REFERENCE,
              at,
              "Packer ignores the first part of \""
                  + text
                  + "\" and reads it as the source "
                  + type
                  + "."
                  + name
                  + "; write \"source."
                  + type
                  + "."
                  + name
                  + "\" to say so."));
    }
    return Optional.of(new Scope.SourceName(type, name));
  }

  /** The usage with its source and its merged configuration; empty if the source is unknown. */
  private Optional<SourceUsage> resolve(Usage u) {
    Declared declared = sources.get(u.type() + "." + u.name());
    if (declared == null) {
      String ref = u.type() + "." + u.name();
      List<String> known = new ArrayList<>(sources.keySet());
      String suggestion = Names.didYouMean(ref, known);
      out.add(
          Diagnostic.of(
              PackerCode.UNKNOWN_SOURCE,
              u.range(),
              "This build uses the source \""
                  + ref
                  + "\", which is not declared."
                  + suggestion
                  + (known.isEmpty()
                      ? " The template declares no source: add a source \""
                          + u.type()
                          + "\" \""
                          + u.name()
                          + "\" { … } block."
                      : " The declared sources are: " + String.join(", ", known) + ".")));
      return Optional.empty();
    }
    Block block = declared.block();
    if (u.extra().isEmpty()) {
      // A usage by name (sources = [...]) adds nothing: the source's own body. In the context it
      // was declared in (the same object: nothing has changed since), it gives the same values and
      // the same diagnostics, which the loader keeps once: the declaration's config serves, as
      // evaluating every source body twice was a fortieth of loading a template.
      EvalContext ctx = scope.sourceBody(u.type(), u.usageName());
      Config config =
          ctx == declared.context()
              ? declared.source().config()
              : bodies.config(block.body().items(), ctx, block.body().range());
      return Optional.of(new SourceUsage(declared.source(), u.usageName(), config, u.range()));
    }
    Map<String, Attribute> sourceArguments = new LinkedHashMap<>();
    for (Attribute a : block.body().attributes()) {
      sourceArguments.put(a.name(), a);
    }
    List<BodyItem> merged = new ArrayList<>(block.body().items());
    for (BodyItem item : u.extra()) {
      if (item instanceof Attribute a && sourceArguments.containsKey(a.name())) {
        Attribute first = sourceArguments.get(a.name());
        out.add(
            Diagnostic.of(
                    PackerCode.DUPLICATE_ARGUMENT,
                    a.nameRange(),
                    "The argument \""
                        + a.name()
                        + "\" was already set at "
                        + first.nameRange()
                        + " by the source "
                        + u.type()
                        + "."
                        + u.name()
                        + ". A build-level source block can add arguments to its source but not"
                        + " change them: remove it here, or remove it from the source block and"
                        + " set it in each build.")
                .withRelated(new Related(first.nameRange(), "set by the source here")));
        continue;
      }
      merged.add(item);
    }
    Config config =
        bodies.config(merged, scope.sourceBody(u.type(), u.usageName()), block.body().range());
    return Optional.of(new SourceUsage(declared.source(), u.usageName(), config, u.range()));
  }

  // ---- provisioners and post-processors ----------------------------------------------------

  private Provisioner provisioner(Block b, Value buildName, List<SourceUsage> usages) {
    // Constants: a string built per provisioner showed in profiles.
    String what =
        b.type().equals("provisioner")
            ? "a provisioner block"
            : "an error-cleanup-provisioner block";
    return provisioner(b.labels().get(0).value(), b, b, what, Map.of(), buildName, usages);
  }

  /**
   * {@code dynamic "provisioner" { for_each … labels = ["shell"] content { … } }} in a build: a
   * provisioner per element, as Packer expands dynamic blocks in a build's body too.
   */
  private void dynamicProvisioners(
      Block b, Value buildName, List<SourceUsage> usages, List<Provisioner> into) {
    Range header = BodyContent.headerRange(b);
    if (b.labels().size() != 1 || !b.labels().get(0).value().equals("provisioner")) {
      out.add(
          Diagnostic.of(
              PackerCode.UNSUPPORTED_BLOCK_TYPE,
              header,
              "In a build, a dynamic block generates provisioners only: write dynamic"
                  + " \"provisioner\" { for_each = … labels = [\"shell\"] content { … } }."));
      return;
    }
    for (DynamicBlocks.Generated g :
        dynamicBlocks.expand(b, scope.provisionerFields(buildName), true)) {
      if (g.labels().size() != 1) {
        out.add(
            Diagnostic.of(
                PackerCode.MISSING_LABEL,
                header,
                "A dynamic provisioner block needs labels = [\"<type>\"]: the type of each"
                    + " provisioner it generates, such as labels = [\"shell\"]."));
        return;
      }
      into.add(
          provisioner(
              g.labels().get(0),
              b,
              g.content(),
              "the content of a dynamic provisioner block",
              g.binding(),
              buildName,
              usages));
    }
  }

  /**
   * A provisioner of type {@code type} written as {@code block}, whose body is {@code bodyBlock}'s
   * (the block itself, or the content block of a dynamic one); {@code binding} binds a dynamic
   * block's iterator in its fields and body (empty for none).
   */
  private Provisioner provisioner(
      String type,
      Block block,
      Block bodyBlock,
      String what,
      Map<String, Value> binding,
      Value buildName,
      List<SourceUsage> usages) {
    Range header = BodyContent.headerRange(block);
    BodyContent content =
        BodyContent.of(bodyBlock.body(), PackerSchema.PROVISIONER, what, header, out);
    EvalContext fields = scope.provisionerFields(buildName);
    if (!binding.isEmpty()) {
      fields = fields.child(binding);
    }
    // Null checks, not Optional chains: C1 allocates each capturing lambda (every provisioner).
    Optional<Attributes.Text> nameText = attributes.text(content, "name", fields);
    Optional<String> name =
        nameText.isPresent() ? Optional.of(nameText.get().text()) : Optional.empty();
    Filter filter = filter(content, fields, usages);
    Optional<Setting> pauseBefore = duration(content.get("pause_before"), fields);
    Optional<Setting> timeout = duration(content.get("timeout"), fields);
    Attribute retriesAttribute = content.get("max_retries");
    Optional<Setting> maxRetries =
        retriesAttribute == null ? Optional.empty() : retries(retriesAttribute, fields);
    Attribute overrideAttribute = content.get("override");
    Override override =
        overrideAttribute == null ? NO_OVERRIDE : override(overrideAttribute, fields);
    Set<String> sensitive = null;
    if (!filter.sensitive().isEmpty() || override.sensitive()) {
      sensitive = new HashSet<>(filter.sensitive());
      if (override.sensitive()) {
        sensitive.addAll(override.configs().keySet());
      }
    }
    EvalContext bodyContext = body(filter, usages, buildName);
    if (!binding.isEmpty()) {
      bodyContext = bodyContext.child(binding);
    }
    Config config = bodies.config(content.rest(), bodyContext, bodyBlock.body().range());
    return new Provisioner(
        type,
        name,
        config,
        filter.only(),
        filter.except(),
        override.configs(),
        pauseBefore,
        maxRetries,
        timeout,
        block.range(),
        sensitiveTexts(sensitive, nameText));
  }

  private PostProcessor postProcessor(Block b, Value buildName, List<SourceUsage> usages) {
    Range header = BodyContent.headerRange(b);
    BodyContent content =
        BodyContent.of(
            b.body(), PackerSchema.POST_PROCESSOR, "a post-processor block", header, out);
    EvalContext fields = scope.provisionerFields(buildName);
    Optional<Attributes.Text> nameText = attributes.text(content, "name", fields);
    Optional<String> name =
        nameText.isPresent() ? Optional.of(nameText.get().text()) : Optional.empty();
    Filter filter = filter(content, fields, usages);
    Config config =
        bodies.config(content.rest(), body(filter, usages, buildName), b.body().range());
    Set<String> sensitive = filter.sensitive().isEmpty() ? null : new HashSet<>(filter.sensitive());
    return new PostProcessor(
        b.labels().get(0).value(),
        name,
        config,
        filter.only(),
        filter.except(),
        b.range(),
        sensitiveTexts(sensitive, nameText));
  }

  /**
   * {@code only} and {@code except}; {@code sensitive} holds the entries that came from a sensitive
   * value.
   */
  private record Filter(List<String> only, List<String> except, Set<String> sensitive) {
    /** Packer's {@code OnlyExcept.Skip}. */
    boolean skips(String usage) {
      if (!only.isEmpty()) {
        return !only.contains(usage);
      }
      return except.contains(usage);
    }
  }

  /** No only, no except: most blocks. */
  private static final Filter NO_FILTER = new Filter(List.of(), List.of(), Set.of());

  private Filter filter(BodyContent content, EvalContext ctx, List<SourceUsage> usages) {
    Attribute onlyAttribute = content.get("only");
    Attribute exceptAttribute = content.get("except");
    if (onlyAttribute == null && exceptAttribute == null) {
      return NO_FILTER;
    }
    List<Attributes.Text> onlyTexts =
        onlyAttribute == null ? List.of() : attributes.texts(onlyAttribute, ctx).orElse(List.of());
    List<Attributes.Text> exceptTexts =
        exceptAttribute == null
            ? List.of()
            : attributes.texts(exceptAttribute, ctx).orElse(List.of());
    Set<String> sensitive = new HashSet<>();
    List<String> only = plain(onlyTexts, sensitive);
    List<String> except = plain(exceptTexts, sensitive);
    if (!only.isEmpty() && !except.isEmpty()) {
      out.add(
          Diagnostic.of(
              PackerCode.ONLY_AND_EXCEPT,
              exceptAttribute.nameRange(),
              "A block can have only or except, not both: only lists the sources it runs for,"
                  + " except the ones it skips. Keep one of them."));
      return NO_FILTER;
    }
    List<String> names = new ArrayList<>();
    for (SourceUsage u : usages) {
      names.add(u.reference());
    }
    if (onlyAttribute != null) {
      unmatched(onlyAttribute, onlyTexts, names);
    }
    if (exceptAttribute != null) {
      unmatched(exceptAttribute, exceptTexts, names);
    }
    return new Filter(only, except, sensitive.isEmpty() ? Set.of() : sensitive);
  }

  /** The texts of {@code texts}; the sensitive ones are also added to {@code sensitive}. */
  private static List<String> plain(List<Attributes.Text> texts, Set<String> sensitive) {
    List<String> out = new ArrayList<>(texts.size());
    for (Attributes.Text t : texts) {
      out.add(t.text());
      if (t.sensitive()) {
        sensitive.add(t.text());
      }
    }
    return out;
  }

  /** Warns about filter entries that name no source usage of the build. */
  private void unmatched(Attribute a, List<Attributes.Text> entries, List<String> usages) {
    for (int i = 0; i < entries.size(); i++) {
      String entry = entries.get(i).text();
      if (usages.contains(entry)) {
        continue;
      }
      if (entries.get(i).sensitive()) {
        // Neither the entry nor a name close to it: either would show the secret.
        out.add(
            Diagnostic.of(
                PackerCode.FILTER_MATCHES_NOTHING,
                elementRange(a.expression(), i),
                "This "
                    + a.name()
                    + " entry comes from a sensitive value, which is not shown, and no source of"
                    + " this build has that name, so it matches nothing."
                    + (usages.isEmpty()
                        ? ""
                        : " This build's sources are named: " + String.join(", ", usages) + ".")));
        continue;
      }
      String hint;
      if (entry.startsWith("source.") && usages.contains(entry.substring("source.".length()))) {
        hint =
            " Write it without the \"source.\" prefix: \""
                + entry.substring("source.".length())
                + "\".";
      } else {
        hint =
            Names.didYouMean(entry, usages)
                + (usages.isEmpty()
                    ? ""
                    : " This build's sources are named: " + String.join(", ", usages) + ".");
      }
      out.add(
          Diagnostic.of(
              PackerCode.FILTER_MATCHES_NOTHING,
              elementRange(a.expression(), i),
              "No source of this build is named \""
                  + entry
                  + "\", so this "
                  + a.name()
                  + " entry matches nothing."
                  + hint));
    }
  }

  /** The scope of a provisioner's body: the source is known when it runs for exactly one. */
  private EvalContext body(Filter filter, List<SourceUsage> usages, Value buildName) {
    // Most blocks have neither only nor except: every usage applies, no names to build.
    boolean filtered = !filter.only().isEmpty() || !filter.except().isEmpty();
    SourceUsage only = null;
    int applies = 0;
    for (SourceUsage u : usages) {
      if (!filtered || !filter.skips(u.reference())) {
        only = u;
        applies++;
      }
    }
    Optional<Scope.SourceName> source =
        applies == 1
            ? Optional.of(new Scope.SourceName(only.source().type(), only.name()))
            : Optional.empty();
    return scope.provisionerBody(source, buildName);
  }

  /** {@code a} (null when absent) as a Go duration. */
  private Optional<Setting> duration(Attribute a, EvalContext ctx) {
    if (a == null) {
      return Optional.empty();
    }
    // Marks kept: the setting of a sensitive value stays sensitive.
    Optional<Value> v = attributes.convertMarked(a, ctx, Type.STRING);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    String text = v.get().unmarked().asString();
    if (!text.isEmpty() && !isDuration(text)) {
      out.add(
          Diagnostic.of(
              PackerCode.INVALID_DURATION,
              a.expression().range(),
              (v.get().isSensitive()
                      ? "The value of "
                          + a.name()
                          + " comes from a sensitive value, which is not shown, and is not a"
                          + " duration."
                      : "\"" + text + "\" is not a duration.")
                  + " Write a number followed by a unit (ns, us, ms, s, m, h), as in \"30s\","
                  + " \"5m\" or \"1h30m\"."));
      return Optional.empty();
    }
    return Optional.of(new Setting(a.name(), v.get(), a.nameRange(), a.expression().range()));
  }

  private Optional<Setting> retries(Attribute a, EvalContext ctx) {
    // Marks kept: the setting of a sensitive value stays sensitive.
    Optional<Value> v = attributes.convertMarked(a, ctx, Type.NUMBER);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    if (!v.get().unmarked().asNumber().isInteger()) {
      out.add(
          Diagnostic.of(
              PackerCode.INCORRECT_VALUE_TYPE,
              a.expression().range(),
              "Inappropriate value for argument \"max_retries\": a whole number is required."));
      return Optional.empty();
    }
    return Optional.of(new Setting(a.name(), v.get(), a.nameRange(), a.expression().range()));
  }

  /**
   * An {@code override}: the fields per usage name, and whether it is sensitive, as a whole or in
   * an entry (then its keys and fields are not shown; the marks are on the fields' values).
   */
  private record Override(Map<String, Config> configs, boolean sensitive) {}

  /** No override: most provisioners. */
  private static final Override NO_OVERRIDE = new Override(Map.of(), false);

  /** {@code override = { <usage name> = { field = value } }}. */
  private Override override(Attribute a, EvalContext ctx) {
    Expressions.Outcome o = expressions.evaluate(a.expression(), ctx);
    if (!o.ok()) {
      return NO_OVERRIDE;
    }
    // An object is sensitive as a whole when a key is (var.pw = { … }): the marks of the whole
    // and of each entry go to the fields, so none of them loses its mark here.
    Value.Unmarked whole = o.value().unmark();
    Value v = whole.value();
    if (v.isNull()) {
      return NO_OVERRIDE;
    }
    Map<String, Value> entries = mapping(v);
    if (entries == null) {
      out.add(
          Diagnostic.of(
              PackerCode.INVALID_OVERRIDE,
              a.expression().range(),
              "override must be an object whose keys are source names and whose values are"
                  + " objects of fields, as in override = { ubuntu = { inline = [\"…\"] } }."));
      return NO_OVERRIDE;
    }
    boolean sensitive = whole.marks().contains(Mark.SENSITIVE);
    Map<String, Config> result = new LinkedHashMap<>();
    for (Map.Entry<String, Value> e : entries.entrySet()) {
      Optional<Expression> entryExpr = item(a.expression(), e.getKey());
      Value.Unmarked entry = e.getValue().unmark();
      // An entry sensitive as a whole may have a field named by a secret: nothing of the
      // override is shown then either.
      sensitive |= entry.marks().contains(Mark.SENSITIVE);
      Map<String, Value> fields = mapping(entry.value());
      Range entryRange = entryExpr.map(Expression::range).orElse(a.expression().range());
      if (fields == null) {
        out.add(
            Diagnostic.of(
                PackerCode.INVALID_OVERRIDE,
                entryRange,
                sensitive
                    ? "An entry of override, whose key comes from a sensitive value (not shown),"
                        + " must be an object of the fields to replace for that source."
                    : "override."
                        + e.getKey()
                        + " must be an object of the fields to replace for the source "
                        + e.getKey()
                        + "."));
        continue;
      }
      List<Setting> settings = new ArrayList<>();
      for (Map.Entry<String, Value> f : fields.entrySet()) {
        Optional<ObjectItem> field = entryExpr.flatMap(x -> objectItem(x, f.getKey()));
        Range nameRange = field.map(i -> i.key().range()).orElse(a.nameRange());
        Range valueRange = field.map(i -> i.value().range()).orElse(entryRange);
        Value value = whole.remark(entry.remark(f.getValue()));
        settings.add(new Setting(f.getKey(), value, nameRange, valueRange));
      }
      result.put(e.getKey(), new Config(settings, List.of(), entryRange));
    }
    return result.isEmpty() ? NO_OVERRIDE : new Override(result, sensitive);
  }

  /** The entries of an object or map value, else null. */
  private static Map<String, Value> mapping(Value v) {
    if (!v.isKnown() || v.isNull()) {
      return null;
    }
    if (v instanceof ObjectValue o) {
      return o.attributes();
    }
    if (v instanceof MapValue m) {
      return m.entries();
    }
    return null;
  }

  /** The value expression of the item {@code key} when {@code e} is an object constructor. */
  private static Optional<Expression> item(Expression e, String key) {
    return objectItem(e, key).map(ObjectItem::value);
  }

  private static Optional<ObjectItem> objectItem(Expression e, String key) {
    if (!(e instanceof ObjectCons object)) {
      return Optional.empty();
    }
    for (ObjectItem i : object.items()) {
      Optional<String> name = i.literalName();
      if (name.isEmpty() && i.key() instanceof TemplateExpr t) {
        name = t.literalText();
      }
      if (name.isPresent() && name.get().equals(key)) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  /** The range of element {@code i} when {@code e} is a tuple constructor, else of {@code e}. */
  private static Range elementRange(Expression e, int i) {
    if (e instanceof Tuple t && i < t.elements().size()) {
      return t.elements().get(i).range();
    }
    return e.range();
  }
}
