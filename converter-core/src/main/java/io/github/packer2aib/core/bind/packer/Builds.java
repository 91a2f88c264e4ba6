package io.github.packer2aib.core.bind.packer;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.Diagnostics;
import io.github.packer2aib.core.diag.Related;
import io.github.packer2aib.core.hcl.eval.EvalCode;
import io.github.packer2aib.core.hcl.eval.EvalContext;
import io.github.packer2aib.core.hcl.eval.Evaluator;
import io.github.packer2aib.core.hcl.function.Clock;
import io.github.packer2aib.core.hcl.syntax.Attribute;
import io.github.packer2aib.core.hcl.syntax.Block;
import io.github.packer2aib.core.hcl.syntax.Body;
import io.github.packer2aib.core.hcl.syntax.BodyItem;
import io.github.packer2aib.core.hcl.syntax.Expression;
import io.github.packer2aib.core.hcl.syntax.ObjectItem;
import io.github.packer2aib.core.hcl.syntax.ScopeTraversal;
import io.github.packer2aib.core.hcl.value.Mark;
import io.github.packer2aib.core.hcl.value.Type;
import io.github.packer2aib.core.hcl.value.Value;
import io.github.packer2aib.core.hcl.value.Values;
import io.github.packer2aib.core.legacy.template.BuildTarget;
import io.github.packer2aib.core.legacy.template.GoTemplateCode;
import io.github.packer2aib.core.legacy.template.Section;
import io.github.packer2aib.core.packer.Build;
import io.github.packer2aib.core.packer.Config;
import io.github.packer2aib.core.packer.PostProcessor;
import io.github.packer2aib.core.packer.Provisioner;
import io.github.packer2aib.core.packer.Setting;
import io.github.packer2aib.core.packer.Source;
import io.github.packer2aib.core.packer.SourceUsage;
import io.github.packer2aib.core.packer.UsageGlob;
import io.github.packer2aib.core.packer.UsageSelection;
import io.github.packer2aib.core.source.Range;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Sources and builds: the top-level {@code source} blocks, and each {@code build} with its source
 * usages ({@code sources = [...]} and build-level {@code source "type.name" { … }} blocks, whose
 * fields are added to the source's; setting a field the source sets already is an error, as in
 * Packer), provisioners, post-processors and error-cleanup provisioner. Dynamic {@code source},
 * {@code provisioner}, {@code post-processor} and {@code post-processors} blocks in a build are
 * expanded in place, as Packer expands them.
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

  /**
   * A use of a source inside a build, before it is resolved.
   *
   * @param binding the iterator of the dynamic source block that generated it, bound in {@code
   *     extra} only (empty for none)
   * @param sensitive whether the reference came from a sensitive value: then messages do not quote
   *     it
   */
  private record Usage(
      String type,
      String name,
      Optional<String> localName,
      List<BodyItem> extra,
      Range range,
      Map<String, Value> binding,
      boolean sensitive) {
    String usageName() {
      return localName.orElse(name);
    }

    String reference() {
      return type + "." + usageName();
    }
  }

  /**
   * A usage read, with the name of its build: what {@code --only}/{@code --except} are matched
   * against ({@link UsageSelection#names}).
   */
  private record Named(Optional<String> build, SourceUsage usage) {}

  /**
   * What evaluating a body that Packer decodes only for the builds it runs reported, held until
   * every build is read ({@link #releaseHeld}): a source's own body ({@code source}, its {@code
   * type.name}: it is decoded for every usage of it, in whatever build) or the bodies a build reads
   * for {@code usages} (a build-level source block, a provisioner, a post-processor).
   *
   * @param at where the body's block starts, for the note when none of its usages is kept
   * @param leftOut what the selection leaves out, as the note says it ("every build that uses the
   *     source null.a")
   * @param skipped a post-processor --except skips ({@link #skippedByExcept}): left out whatever
   *     usages it has
   */
  private record Held(
      List<Diagnostic> diagnostics,
      String source,
      List<Named> usages,
      Range at,
      String leftOut,
      boolean skipped) {}

  private final Map<String, Declared> sources = new LinkedHashMap<>();

  /**
   * The run's --only/--except: as in Packer, what is wrong in a body only left-out usages use does
   * not fail the run ({@link #releaseHeld}).
   */
  private final UsageSelection selection;

  /** The diagnostics held until every usage is known; none when the selection keeps all. */
  private final List<Held> held = new ArrayList<>();

  /** Every usage read, in order, with its build's name. */
  private final List<Named> usagesRead = new ArrayList<>();

  /** The name of the build being read (empty for an unnamed one), for {@link Named}. */
  private Optional<String> buildBeingRead = Optional.empty();

  private final Scope scope;
  private final Expressions expressions;
  private final Attributes attributes;
  private final BodyEvaluator bodies;
  private final PluginTemplates templates;
  private final Clock clock;
  private final List<Diagnostic> out;
  private final DynamicBlocks dynamicBlocks;

  Builds(
      Scope scope,
      Expressions expressions,
      Attributes attributes,
      BodyEvaluator bodies,
      PluginTemplates templates,
      Clock clock,
      UsageSelection selection,
      List<Diagnostic> out) {
    this.scope = scope;
    this.selection = selection;
    this.templates = templates;
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
    int mark = out.size();
    Config config =
        templates.render(
            bodies.config(block.body().items(), ctx, block.body().range()),
            builderScope(type, name));
    if (holds(mark)) {
      hold(mark, ref, List.of(), header, "every build that uses the source " + ref);
    }
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

  // ---- what --only/--except leave out -------------------------------------------------------

  /**
   * Takes the diagnostics reported since {@code mark} out of the run's, held until every usage is
   * known ({@link Held}: {@code source} or {@code usages} say whose body they are about). Nothing
   * is held when the selection keeps every usage: they stay where they are.
   */
  private void hold(int mark, String source, List<Named> usages, Range at, String leftOut) {
    hold(mark, source, usages, at, leftOut, false);
  }

  /**
   * Whether {@link #hold} would keep anything reported since {@code mark}: callers ask first, so
   * that the label and the list of usages are built only then, not for every block of every
   * template.
   */
  private boolean holds(int mark) {
    return !selection.isAll() && mark != out.size();
  }

  private void hold(
      int mark, String source, List<Named> usages, Range at, String leftOut, boolean skipped) {
    if (!holds(mark)) {
      return;
    }
    List<Diagnostic> since = out.subList(mark, out.size());
    held.add(new Held(List.copyOf(since), source, usages, at, leftOut, skipped));
    since.clear();
  }

  /** {@code usages}, all of the build being read. */
  private List<Named> named(List<SourceUsage> usages) {
    List<Named> named = new ArrayList<>(usages.size());
    for (SourceUsage u : usages) {
      named.add(new Named(buildBeingRead, u));
    }
    return named;
  }

  /**
   * Gives back to the run what was held of the bodies a kept usage uses, once every build is read.
   * Packer decodes a source's body, a build-level source block and a provisioner's or
   * post-processor's body only when it starts a build that uses them, which -only/-except may leave
   * out (checked with Packer 1.6.6: packer validate -only accepts an undeclared local in a left-out
   * source, in a provisioner that runs only for one, in a build-level source block of one), so what
   * is wrong there does not fail the run either. It is not forgotten: a note at each such block
   * says how many errors were not held against the run, and where the first one is. A body no usage
   * uses at all (a source no build lists, a provisioner whose only names none of its build's
   * sources) was never a matter of the selection, and is checked as before.
   */
  void releaseHeld() {
    Set<Diagnostic> kept = new HashSet<>();
    List<Held> leftOut = new ArrayList<>();
    for (Held h : held) {
      if (isKept(h)) {
        out.addAll(h.diagnostics());
        kept.addAll(h.diagnostics());
      } else {
        leftOut.add(h);
      }
    }
    // A source's error is reported again for each usage that evaluates its body anew: noted once.
    Set<Diagnostic> noted = new HashSet<>(kept);
    for (Held h : leftOut) {
      List<Diagnostic> errors = new ArrayList<>();
      for (Diagnostic d : h.diagnostics()) {
        if (d.isError() && noted.add(d)) {
          errors.add(d);
        }
      }
      if (!errors.isEmpty()) {
        out.add(leftOutNote(h, errors));
      }
    }
    held.clear();
  }

  /** Whether a held body is used by a usage the selection keeps, or by none at all. */
  private boolean isKept(Held h) {
    if (h.skipped()) {
      return false;
    }
    List<Named> usages = h.usages();
    if (h.source() != null) {
      usages = new ArrayList<>();
      for (Named n : usagesRead) {
        Source s = n.usage().source();
        if ((s.type() + "." + s.name()).equals(h.source())) {
          usages.add(n);
        }
      }
    }
    if (usages.isEmpty()) {
      return true;
    }
    for (Named n : usages) {
      if (selection.selects(n.build(), n.usage())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The note that {@code h}'s body was not checked, having {@code errors}: named by the summary and
   * place of the first (its detail may quote what the body holds).
   */
  private static Diagnostic leftOutNote(Held h, List<Diagnostic> errors) {
    // The first in the file, not the first found: an argument set twice is found before the rest.
    Diagnostic first = errors.stream().min(Diagnostics.ORDER).orElseThrow();
    String place = first.subject().map(r -> " at " + r).orElse("");
    return Diagnostic.of(
        PackerCode.LEFT_OUT_NOT_CHECKED,
        h.at(),
        "--only/--except leave out "
            + h.leftOut()
            + (h.skipped()
                ? ". Packer skips such a post-processor without reading its body"
                : ". Packer reads such a body only for the builds it runs")
            + ", so it was not checked here and does not fail this run, but it has "
            + (errors.size() == 1
                ? "an error (" + first.summary() + place + ")"
                : errors.size() + " errors (the first: " + first.summary() + place + ")")
            + " that a run including it would report: fix "
            + (errors.size() == 1 ? "it" : "them")
            + " before you build or convert it.");
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
    // An empty name is no name, as in Packer (CoreBuild.Name() prefixes only a non-empty one).
    Optional<String> name = nameText.map(Attributes.Text::text).filter(n -> !n.isEmpty());
    buildBeingRead = name;
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
      // With each entry's sensitivity: a reference taken from a secret is never quoted.
      Optional<List<Attributes.Text>> refs = attributes.texts(list.get(), ctx);
      List<Attributes.Text> given = refs.orElse(List.of());
      for (int i = 0; i < given.size(); i++) {
        Range at = ExpressionLayout.elementRange(list.get().expression(), i);
        Attributes.Text ref = given.get(i);
        reference(ref.text(), ref.sensitive(), at)
            .ifPresent(
                r ->
                    usages.add(
                        new Usage(
                            r.type(),
                            r.name(),
                            Optional.empty(),
                            List.of(),
                            at,
                            Map.of(),
                            ref.sensitive())));
      }
    }
    // After sources = [...]: the source blocks, and those dynamic ones generate, in their order.
    for (Block b : content.blocks()) {
      if (b.type().equals("source")) {
        hadSource = true;
        usage(b).ifPresent(usages::add);
      } else if (isDynamic(b, "source")) {
        // A source written, even when its for_each is empty: Packer then builds nothing.
        hadSource = true;
        dynamicUsages(b, ctx, usages);
      }
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
    for (SourceUsage u : resolved) {
      usagesRead.add(new Named(name, u));
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
          dynamic(b, buildName, resolved, provisioners, chains);
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
          chains.add(List.of(postProcessor(b, buildName, resolved, newSkipped())));
          break;
        case "post-processors":
          chains.add(
              chain(
                  b.body(),
                  BodyContent.headerRange(b),
                  "a post-processors block",
                  Map.of(),
                  buildName,
                  resolved));
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
        reference(b.labels().get(0).value(), false, b.labels().get(0).range());
    if (ref.isEmpty()) {
      return Optional.empty();
    }
    int before = out.size();
    // An empty name keeps the source's own, as in Packer (SourceUseBlock.name()).
    Optional<String> localName =
        attributes.string(content, "name", Scope.constants()).filter(n -> !n.isEmpty());
    Attribute nameAttribute = content.get("name");
    if (nameAttribute != null) {
      explainFunctionCalls(
          before,
          nameAttribute,
          "Functions may not be called in the name of a build's source block, because Packer"
              + " reads it before any function is available. Write the name out, as in name ="
              + " \"ubuntu-22\".");
    }
    return Optional.of(
        new Usage(
            ref.get().type(),
            ref.get().name(),
            localName,
            content.rest(),
            b.range(),
            Map.of(),
            false));
  }

  /** Whether {@code b} is {@code dynamic "type" { … }}. */
  private static boolean isDynamic(Block b, String type) {
    return b.type().equals("dynamic")
        && b.labels().size() == 1
        && b.labels().get(0).value().equals(type);
  }

  /**
   * {@code dynamic "source" { for_each … labels = ["type.name"] content { name = … } }} in a build:
   * a build-level source block per element, as Packer expands it (checked with Packer 1.6.6: the
   * label is the source reference, with or without "source.", and each generated block is a build
   * of its own, in place among the source blocks).
   */
  private void dynamicUsages(Block b, EvalContext ctx, List<Usage> into) {
    Range header = BodyContent.headerRange(b);
    for (DynamicBlocks.Generated g :
        dynamicBlocks.expand(
            b,
            ctx,
            "sources this dynamic block generates cannot be converted, and the images they build"
                + " would be missing")) {
      if (!oneLabel(
          g,
          "source",
          "<type>.<name>",
          "the source each generated block uses",
          "azure-arm.ubuntu")) {
        return;
      }
      // A label from a sensitive value was refused already (PKR-E063).
      Optional<Scope.SourceName> ref = reference(g.labels().get(0), false, g.labelsRange());
      if (ref.isEmpty()) {
        continue;
      }
      BodyContent content =
          BodyContent.of(
              g.content().body(),
              PackerSchema.BUILD_SOURCE,
              "the content of a dynamic source block",
              header,
              out);
      Optional<String> localName = Optional.empty();
      Attribute nameAttribute = content.get("name");
      if (nameAttribute != null) {
        Optional<Attributes.Text> name = generatedName(nameAttribute, g.binding());
        if (name.isEmpty()) {
          continue;
        }
        // "" keeps the source's own name, as a static block's (SourceUseBlock.name()).
        localName = Optional.of(name.get().text()).filter(n -> !n.isEmpty());
      }
      into.add(
          new Usage(
              ref.get().type(),
              ref.get().name(),
              localName,
              content.rest(),
              g.labelsRange(),
              g.binding(),
              false));
    }
  }

  /**
   * The {@code name} of a source generated by a dynamic block. Packer reads it, as a static one's,
   * before variables have values: only the iterator is in scope, and no function (checked with
   * Packer 1.6.6: "There is no variable named "var"", "Function calls not allowed"). Empty after
   * reporting why it cannot be read.
   */
  private Optional<Attributes.Text> generatedName(Attribute a, Map<String, Value> binding) {
    String iterator = binding.keySet().iterator().next();
    boolean others = false;
    for (ScopeTraversal t : Evaluator.references(a.expression())) {
      if (!binding.containsKey(t.root())) {
        others = true;
        out.add(
            Diagnostic.of(
                EvalCode.VARIABLES_NOT_ALLOWED,
                t.range(),
                "The name of a source generated by a dynamic block may use only the block's"
                    + " iterator ("
                    + iterator
                    + ".key, "
                    + iterator
                    + ".value), because Packer reads it before any variable has a value. Put"
                    + " the value in for_each and take it from the iterator."));
      }
    }
    if (others) {
      return Optional.empty();
    }
    int before = out.size();
    Optional<Attributes.Text> name = attributes.text(a, Scope.constants().child(binding));
    explainFunctionCalls(
        before,
        a,
        "Functions may not be called in the name of a source generated by a dynamic block, because"
            + " Packer reads it before any function is available. Call the function in for_each,"
            + " as in for_each = [for s in var.names : upper(s)], and take the result from the"
            + " iterator.");
    if (name.isPresent() && name.get().sensitive()) {
      // Packer would show it masked; here a usage's name is shown wherever it is used (the image
      // template's name, notes, only/except, source.name): nothing could keep it hidden.
      out.add(
          Diagnostic.of(
              PackerCode.INVALID_NAME,
              a.expression().range(),
              "The name of this generated source comes from a sensitive value (not shown), and a"
                  + " source's name is shown in the result, so the source is left out. Take the"
                  + " name from values that are not sensitive."));
      return Optional.empty();
    }
    return name;
  }

  /**
   * Gives the "Function calls not allowed" errors reported since {@code before} (in {@code a})
   * {@code detail}: HCL's words, "Functions may not be called here.", say nothing of what to do.
   */
  private void explainFunctionCalls(int before, Attribute a, String detail) {
    for (int i = before; i < out.size(); i++) {
      Diagnostic d = out.get(i);
      if (d.code().equals(EvalCode.FUNCTIONS_NOT_ALLOWED.id())) {
        out.set(
            i,
            Diagnostic.of(
                EvalCode.FUNCTIONS_NOT_ALLOWED,
                d.subject().orElse(a.expression().range()),
                detail));
      }
    }
  }

  /**
   * Whether a generated block has exactly one label, as a {@code kind} block needs; reports it once
   * otherwise ({@code placeholder}: the label's form, as {@code <type>}; {@code what}: what it is;
   * {@code example}: a label), with the labels argument written in the syntax of its file.
   */
  private boolean oneLabel(
      DynamicBlocks.Generated g, String kind, String placeholder, String what, String example) {
    int n = g.labels().size();
    if (n == 1) {
      return true;
    }
    boolean json = HclJson.inJsonFile(g.labelsRange());
    String labels = json ? "\"labels\": [\"" : "labels = [\"";
    out.add(
        Diagnostic.of(
            n == 0 ? PackerCode.MISSING_LABEL : PackerCode.EXTRANEOUS_LABEL,
            g.labelsRange(),
            "A dynamic "
                + kind
                + " block needs "
                + labels
                + placeholder
                + "\"]: "
                + what
                + ", such as "
                + labels
                + example
                + "\"]"
                + (n == 0 ? "." : "; this one gives " + n + " labels.")));
    return false;
  }

  /**
   * {@code source.type.name} or {@code type.name} split into type and name (as Packer's {@code
   * sourceRefFromString}); empty after reporting an invalid reference.
   */
  private Optional<Scope.SourceName> reference(String text, boolean sensitive, Range at) {
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
              (sensitive
                      ? "This entry comes from a sensitive value, which is not shown, and"
                      : "\"" + text + "\"")
                  + " is not a source reference. Write source.<type>.<name>, as in"
                  + " \"source.azure-arm.ubuntu\": the type and name of a source block, each"
                  + " starting with a letter and holding only letters, digits, underscores and"
                  + " dashes."));
      return Optional.empty();
    }
    if (parts.length == 3 && !parts[0].equals("source") && !sensitive) {
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

  /** A source block of that type and name, as advice writes it in the syntax of the file. */
  private static String sourceBlock(String type, String name, boolean json) {
    return json
        ? "a source block, {\"source\": {\"" + type + "\": {\"" + name + "\": { … }}}}"
        : "a source \"" + type + "\" \"" + name + "\" { … } block";
  }

  /** The usage with its source and its merged configuration; empty if the source is unknown. */
  private Optional<SourceUsage> resolve(Usage u) {
    Declared declared = sources.get(u.type() + "." + u.name());
    if (declared == null) {
      String ref = u.type() + "." + u.name();
      List<String> known = new ArrayList<>(sources.keySet());
      // A suggestion would tell how close the secret is to a declared name.
      String suggestion = u.sensitive() ? "" : Names.didYouMean(ref, known);
      out.add(
          Diagnostic.of(
              PackerCode.UNKNOWN_SOURCE,
              u.range(),
              (u.sensitive()
                      ? "This build uses a source named by a sensitive value, which is not"
                          + " shown, and no source of that name is declared."
                      : "This build uses the source \"" + ref + "\", which is not declared.")
                  + suggestion
                  + (known.isEmpty() && u.sensitive()
                      ? " The template declares no source."
                      : known.isEmpty()
                          ? " The template declares no source: add "
                              + sourceBlock(u.type(), u.name(), HclJson.inJsonFile(u.range()))
                              + "."
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
      int mark = out.size();
      Config config =
          ctx == declared.context()
              ? declared.source().config()
              : templates.render(
                  bodies.config(block.body().items(), ctx, block.body().range()),
                  builderScope(u.type(), u.name()));
      SourceUsage usage = new SourceUsage(declared.source(), u.usageName(), config, u.range());
      holdUsage(mark, u, usage, "");
      return Optional.of(usage);
    }
    // Packer merges a build-level block into its source when it starts that build: what is wrong
    // in either (an argument set twice too) is held with the usage.
    int mark = out.size();
    Map<String, Attribute> sourceArguments = new LinkedHashMap<>();
    for (Attribute a : block.body().attributes()) {
      sourceArguments.put(a.name(), a);
    }
    List<BodyItem> added = new ArrayList<>();
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
      added.add(item);
    }
    EvalContext ctx = scope.sourceBody(u.type(), u.usageName());
    Config config;
    if (u.binding().isEmpty()) {
      List<BodyItem> merged = new ArrayList<>(block.body().items());
      merged.addAll(added);
      config = bodies.config(merged, ctx, block.body().range());
    } else {
      // The iterator is bound in the generated fields only: the source's own body is outside the
      // dynamic block, and the default iterator, source, would hide source.name there.
      Config own = bodies.config(block.body().items(), ctx, block.body().range());
      Config generated = bodies.config(added, ctx.child(u.binding()), block.body().range());
      List<Setting> settings = new ArrayList<>(own.settings());
      settings.addAll(generated.settings());
      List<Config.NestedBlock> blocks = new ArrayList<>(own.blocks());
      blocks.addAll(generated.blocks());
      config = new Config(settings, blocks, block.body().range());
    }
    config = templates.render(config, builderScope(u.type(), u.name()));
    SourceUsage usage = new SourceUsage(declared.source(), u.usageName(), config, u.range());
    holdUsage(mark, u, usage, " with this block's arguments");
    return Optional.of(usage);
  }

  /**
   * Holds what reading {@code usage} (written as {@code u}) reported since {@code mark}, as {@link
   * #hold} does; its label is built only when something is held (it was built for every usage of
   * every template, selected or not).
   *
   * @param how what the usage adds to its source's body, after the source's name ("" for none)
   */
  private void holdUsage(int mark, Usage u, SourceUsage usage, String how) {
    if (holds(mark)) {
      hold(
          mark,
          null,
          List.of(new Named(buildBeingRead, usage)),
          u.range(),
          usage.reference() + " (the source " + u.type() + "." + u.name() + how + ")");
    }
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

  /** The block types a dynamic block in a build generates, as Packer 1.6.6 expands them. */
  private static final List<String> DYNAMIC_IN_BUILD =
      List.of("source", "provisioner", "post-processor", "post-processors");

  /**
   * A dynamic block in a build (its one label checked by the schema): its provisioners, or
   * post-processor chains, in place; dynamic sources are read with the build's other sources.
   */
  private void dynamic(
      Block b,
      Value buildName,
      List<SourceUsage> usages,
      List<Provisioner> provisioners,
      List<List<PostProcessor>> chains) {
    String type = b.labels().get(0).value();
    switch (type) {
      case "source":
        break; // read with the build's sources
      case "provisioner":
        dynamicProvisioners(b, buildName, usages, provisioners);
        break;
      case "post-processor":
        List<PostProcessor> pps = new ArrayList<>();
        dynamicPostProcessors(b, Map.of(), buildName, usages, pps, null);
        // As a post-processor block in a build: each one a chain of its own (packer inspect).
        for (PostProcessor p : pps) {
          chains.add(List.of(p));
        }
        break;
      case "post-processors":
        dynamicChains(b, buildName, usages, chains);
        break;
      default:
        // error-cleanup-provisioner too: Packer 1.6.6 says "Unsupported block type" for it.
        String suggestion = Names.didYouMean(type, DYNAMIC_IN_BUILD);
        out.add(
            Diagnostic.of(
                PackerCode.UNSUPPORTED_BLOCK_TYPE,
                BodyContent.headerRange(b),
                "In a build, dynamic blocks generate source, provisioner, post-processor and"
                    + " post-processors blocks only, not "
                    + type
                    + " blocks."
                    + (suggestion.isEmpty()
                        ? " Write the " + type + " block out instead."
                        : suggestion)));
        break;
    }
  }

  /**
   * {@code dynamic "provisioner" { for_each … labels = ["shell"] content { … } }} in a build: a
   * provisioner per element, as Packer expands dynamic blocks in a build's body too.
   */
  private void dynamicProvisioners(
      Block b, Value buildName, List<SourceUsage> usages, List<Provisioner> into) {
    for (DynamicBlocks.Generated g :
        dynamicBlocks.expand(
            b,
            scope.provisionerFields(buildName),
            "provisioner steps this dynamic block generates cannot be converted, and an image"
                + " without them would differ")) {
      if (!oneLabel(
          g, "provisioner", "<type>", "the type of each provisioner it generates", "shell")) {
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
    Filter filter = filter(content, fields, usages, type, "provisioner");
    Optional<Setting> pauseBefore = duration(content.get("pause_before"), fields);
    Optional<Setting> timeout = duration(content.get("timeout"), fields);
    Attribute retriesAttribute = content.get("max_retries");
    Optional<Setting> maxRetries =
        retriesAttribute == null ? Optional.empty() : retries(retriesAttribute, fields);
    Attribute continueAttribute = content.get("continue_on_error");
    Optional<Setting> continueOnError =
        continueAttribute == null ? Optional.empty() : flag(continueAttribute, fields);
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
    List<SourceUsage> applying = applying(filter, usages);
    EvalContext bodyContext = body(applying, buildName);
    if (!binding.isEmpty()) {
      bodyContext = bodyContext.child(binding);
    }
    int reportedFrom = out.size();
    Config config =
        templates.render(
            bodies.config(content.rest(), bodyContext, bodyBlock.body().range()),
            pluginScope(Section.PROVISIONER, applying));
    Map<String, Config> bySource =
        bySource(
            content.rest(), applying, buildName, binding, config.range(), header, reportedFrom);
    if (holds(reportedFrom)) {
      hold(
          reportedFrom,
          null,
          named(applying),
          header,
          "every build this "
              + type
              + (block.type().equals("error-cleanup-provisioner")
                  ? " error-cleanup-provisioner"
                  : " provisioner")
              + " runs for");
    }
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
        sensitiveTexts(sensitive, nameText),
        bySource,
        override.keys(),
        continueOnError);
  }

  /**
   * A provisioner's body evaluated for each source usage it applies to (by {@link
   * SourceUsage#reference()}), when it applies to several and refers to {@code source.*} (or its Go
   * templates to {@code {{build_name}}} or {@code {{build_type}}}): Packer evaluates it for each
   * build, one per usage, so {@code source.name} is that usage's, where the body evaluated once for
   * all ({@code applying}) has it unknown. Empty otherwise, as nearly always. What the evaluations
   * report again of that one's diagnostics (those from {@code reportedFrom}), or of each other's,
   * is reported once; {@code range} is the body's, {@code header} its block's (where a note says
   * that what is wrong in the body of a left-out usage was not checked).
   */
  private Map<String, Config> bySource(
      List<BodyItem> body,
      List<SourceUsage> applying,
      Value buildName,
      Map<String, Value> binding,
      Range range,
      Range header,
      int reportedFrom) {
    if (applying.size() < 2) {
      return Map.of();
    }
    // {{build_name}} or {{build_type}} in a Go template of the body: left unknown with a note
    // (GOTPL-N101) when rendered for several usages at once, known when rendered for each.
    String perBuilder = GoTemplateCode.BUILD_NAME_PER_BUILDER.id();
    boolean namesBuilder =
        out.subList(reportedFrom, out.size()).removeIf(d -> d.code().equals(perBuilder));
    if (!namesBuilder && !refersToSource(body)) {
      return Map.of();
    }
    Set<Diagnostic> reported = new HashSet<>(out.subList(reportedFrom, out.size()));
    Map<String, Config> configs = new LinkedHashMap<>();
    for (SourceUsage u : applying) {
      if (configs.containsKey(u.reference())) {
        continue; // the same type and name: the same source.* values
      }
      EvalContext ctx =
          scope.provisionerBody(
              Optional.of(new Scope.SourceName(u.source().type(), u.name())),
              buildName,
              List.of(u.source().type()));
      if (!binding.isEmpty()) {
        ctx = ctx.child(binding);
      }
      int before = out.size();
      configs.put(
          u.reference(),
          templates.render(
              bodies.config(body, ctx, range), pluginScope(Section.PROVISIONER, List.of(u))));
      out.subList(before, out.size()).removeIf(d -> !reported.add(d));
      // Evaluated for this usage alone, as Packer evaluates it for each build it runs.
      if (holds(before)) {
        hold(
            before,
            null,
            named(List.of(u)),
            header,
            u.reference() + ", for which this provisioner's body is read with its own source.*");
      }
    }
    return configs;
  }

  /** Whether an expression of {@code body}, or of a block in it, refers to {@code source}. */
  private static boolean refersToSource(List<BodyItem> body) {
    for (BodyItem item : body) {
      if (item instanceof Attribute a) {
        if (!Evaluator.allReferences(a.expression(), t -> !t.root().equals("source"))) {
          return true;
        }
      } else if (item instanceof Block b && refersToSource(b.body().items())) {
        return true;
      }
    }
    return false;
  }

  private PostProcessor postProcessor(
      Block b, Value buildName, List<SourceUsage> usages, Set<SourceUsage> skippedInChain) {
    return postProcessor(
        b.labels().get(0).value(),
        b,
        b,
        "a post-processor block",
        Map.of(),
        buildName,
        usages,
        skippedInChain);
  }

  /** A chain's {@code skippedInChain}: by identity, as the usages of one build are. */
  private static Set<SourceUsage> newSkipped() {
    return Collections.newSetFromMap(new IdentityHashMap<>());
  }

  /**
   * A post-processor of type {@code type} written as {@code block}, whose body is {@code
   * bodyBlock}'s (the block itself, or the content block of a dynamic one); {@code binding} binds
   * the iterators of the dynamic blocks it is in (empty for none), as for provisioners; {@code
   * skippedInChain}: the usages for which --except skipped an earlier post-processor of its chain
   * ({@link #skippedByExcept}), added to here.
   */
  private PostProcessor postProcessor(
      String type,
      Block block,
      Block bodyBlock,
      String what,
      Map<String, Value> binding,
      Value buildName,
      List<SourceUsage> usages,
      Set<SourceUsage> skippedInChain) {
    Range header = BodyContent.headerRange(block);
    BodyContent content =
        BodyContent.of(bodyBlock.body(), PackerSchema.POST_PROCESSOR, what, header, out);
    EvalContext fields = scope.provisionerFields(buildName);
    if (!binding.isEmpty()) {
      fields = fields.child(binding);
    }
    Optional<Attributes.Text> nameText = attributes.text(content, "name", fields);
    Optional<String> name =
        nameText.isPresent() ? Optional.of(nameText.get().text()) : Optional.empty();
    Filter filter = filter(content, fields, usages, type, "post-processor");
    List<SourceUsage> applying = applying(filter, usages);
    EvalContext bodyContext = body(applying, buildName);
    if (!binding.isEmpty()) {
      bodyContext = bodyContext.child(binding);
    }
    Attribute keep = keepInputArtifact(content.rest(), binding);
    boolean excepted = exceptNames(name.orElse(type));
    List<SourceUsage> reading = skippedByExcept(excepted, applying, skippedInChain);
    int mark = out.size();
    Config config =
        templates.render(
            bodies.config(content.rest(), bodyContext, bodyBlock.body().range()),
            pluginScope(Section.POST_PROCESSOR, applying));
    if (keep != null) {
      // Reported by keepInputArtifact already, where the selection does not matter.
      Range r = keep.range();
      out.subList(mark, out.size())
          .removeIf(d -> d.subject().filter(at -> within(at, r)).isPresent());
    }
    if (holds(mark) && reading.isEmpty() && !applying.isEmpty()) {
      hold(
          mark,
          null,
          named(applying),
          header,
          "the "
              + type
              + " post-processor, "
              + (excepted
                  ? "which --except names (and the rest of its chain)"
                  : "after one --except names in its chain"),
          true);
    } else if (holds(mark)) {
      hold(
          mark,
          null,
          named(reading),
          header,
          "every build this " + type + " post-processor runs for");
    }
    Set<String> sensitive = filter.sensitive().isEmpty() ? null : new HashSet<>(filter.sensitive());
    return new PostProcessor(
        type,
        name,
        config,
        filter.only(),
        filter.except(),
        block.range(),
        sensitiveTexts(sensitive, nameText));
  }

  /**
   * The usages among {@code applying} for which Packer reads the body of a post-processor, which
   * {@code excepted} says --except names ({@link #exceptNames}): Packer 1.6.6 skips a
   * post-processor an -except glob names, and every later one of its chain, for each build it would
   * run for, without decoding its body (checked: packer validate -except=manifest accepts an
   * undeclared local in the body of a manifest post-processor, and in that of a checksum one after
   * it in a post-processors block). A post-processor's own only/except come first: one that does
   * not run for a build does not stop the chain there. {@code skippedInChain} gets the usages
   * skipped from here on.
   */
  private List<SourceUsage> skippedByExcept(
      boolean excepted, List<SourceUsage> applying, Set<SourceUsage> skippedInChain) {
    if (excepted) {
      skippedInChain.addAll(applying);
      return List.of();
    }
    if (skippedInChain.isEmpty()) {
      return applying;
    }
    List<SourceUsage> reading = new ArrayList<>(applying.size());
    for (SourceUsage u : applying) {
      if (!skippedInChain.contains(u)) {
        reading.add(u);
      }
    }
    return reading;
  }

  /**
   * Whether an --except glob names a post-processor named {@code name} (its type when it has none),
   * as Packer's -except matches it.
   */
  private boolean exceptNames(String name) {
    for (String p : selection.except()) {
      if (UsageGlob.matches(p, List.of(name))) {
        return true;
      }
    }
    return false;
  }

  /**
   * A post-processor's {@code keep_input_artifact}, checked as Packer 1.6.6 decodes it: while it
   * reads the template, before -only/-except select anything, as a bool, with no variables and no
   * functions (packer validate -only that leaves the post-processor out still says "Variables not
   * allowed" for keep_input_artifact = local.x). What is wrong is reported here, so never held;
   * null when there is none.
   */
  private Attribute keepInputArtifact(List<BodyItem> body, Map<String, Value> binding) {
    for (BodyItem item : body) {
      if (item instanceof Attribute a && a.name().equals("keep_input_artifact")) {
        // A dynamic block's iterator is the one name Packer's expansion gives it.
        EvalContext ctx = binding.isEmpty() ? CONSTANTS_ONLY : CONSTANTS_ONLY.child(binding);
        attributes.convertMarked(a, ctx, Type.BOOL);
        return a;
      }
    }
    return null;
  }

  private static final EvalContext CONSTANTS_ONLY = EvalContext.constantsOnly();

  /** Whether {@code inner} lies within {@code outer} (same file). */
  private static boolean within(Range inner, Range outer) {
    return inner.file().equals(outer.file())
        && inner.startOffset() >= outer.startOffset()
        && inner.endOffset() <= outer.endOffset();
  }

  /**
   * The post-processors of a chain's body ({@code post-processors { … }}, or the content of a
   * dynamic one), dynamic post-processor blocks expanded in place; {@code binding}: the iterator of
   * the dynamic block the body is the content of (empty for none).
   */
  private List<PostProcessor> chain(
      Body body,
      Range header,
      String what,
      Map<String, Value> binding,
      Value buildName,
      List<SourceUsage> usages) {
    BodyContent chain = BodyContent.of(body, PackerSchema.POST_PROCESSORS, what, header, out);
    List<PostProcessor> pps = new ArrayList<>();
    Set<SourceUsage> skipped = newSkipped();
    for (Block p : chain.blocks()) {
      if (p.type().equals("post-processor")) {
        pps.add(
            postProcessor(
                p.labels().get(0).value(),
                p,
                p,
                "a post-processor block",
                binding,
                buildName,
                usages,
                skipped));
      } else if (isDynamic(p, "post-processor")) {
        dynamicPostProcessors(p, binding, buildName, usages, pps, skipped);
      } else {
        out.add(
            Diagnostic.of(
                PackerCode.UNSUPPORTED_BLOCK_TYPE,
                BodyContent.headerRange(p),
                "In a post-processors block, dynamic blocks generate post-processor blocks only:"
                    + " write dynamic \"post-processor\" { for_each = … labels = [\"manifest\"]"
                    + " content { … } }."));
      }
    }
    return pps;
  }

  /**
   * {@code dynamic "post-processor" { for_each … labels = ["manifest"] content { … } }}, in a build
   * or a chain: a post-processor per element, into {@code into}; {@code outer} binds the iterator
   * of a dynamic post-processors block it is in (empty for none); {@code skippedInChain}: that of
   * the chain they are in, or null in a build, where each is a chain of its own.
   */
  private void dynamicPostProcessors(
      Block b,
      Map<String, Value> outer,
      Value buildName,
      List<SourceUsage> usages,
      List<PostProcessor> into,
      Set<SourceUsage> skippedInChain) {
    EvalContext fields = scope.provisionerFields(buildName);
    if (!outer.isEmpty()) {
      fields = fields.child(outer);
    }
    for (DynamicBlocks.Generated g :
        dynamicBlocks.expand(
            b,
            fields,
            "post-processors this dynamic block generates cannot be read, and one that cannot be"
                + " converted (shell-local runs on the Packer host) would go unnoticed")) {
      if (!oneLabel(
          g,
          "post-processor",
          "<type>",
          "the type of each post-processor it generates",
          "manifest")) {
        return;
      }
      into.add(
          postProcessor(
              g.labels().get(0),
              b,
              g.content(),
              "the content of a dynamic post-processor block",
              nested(outer, g.binding()),
              buildName,
              usages,
              skippedInChain == null ? newSkipped() : skippedInChain));
    }
  }

  /**
   * {@code dynamic "post-processors" { for_each … content { post-processor "…" { … } } }} in a
   * build: a chain per element, whose post-processors see the iterator.
   */
  private void dynamicChains(
      Block b, Value buildName, List<SourceUsage> usages, List<List<PostProcessor>> chains) {
    Attribute labels =
        b.body().attributes().stream()
            .filter(a -> a.name().equals("labels"))
            .findFirst()
            .orElse(null);
    if (labels != null) {
      // As HCL, for a block type without labels: "An argument named "labels" is not expected here."
      out.add(
          Diagnostic.of(
              PackerCode.UNSUPPORTED_ARGUMENT,
              labels.nameRange(),
              "A post-processors block has no labels, so a dynamic \"post-processors\" block"
                  + " takes no labels argument. Remove it."));
      return;
    }
    for (DynamicBlocks.Generated g :
        dynamicBlocks.expand(
            b,
            scope.provisionerFields(buildName),
            "post-processor chains this dynamic block generates cannot be read, and one that"
                + " cannot be converted (shell-local runs on the Packer host) would go"
                + " unnoticed")) {
      chains.add(
          chain(
              g.content().body(),
              BodyContent.headerRange(b),
              "the content of a dynamic post-processors block",
              g.binding(),
              buildName,
              usages));
    }
  }

  /** The iterators of nested dynamic blocks: the inner one hides an outer one of its name. */
  private static Map<String, Value> nested(Map<String, Value> outer, Map<String, Value> inner) {
    if (outer.isEmpty()) {
      return inner;
    }
    Map<String, Value> all = new LinkedHashMap<>(outer);
    all.putAll(inner);
    return all;
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

  /**
   * The only and except of a {@code type} {@code kind} block ({@code kind}: provisioner or
   * post-processor), with a warning for each entry that names no source usage of the build.
   */
  private Filter filter(
      BodyContent content, EvalContext ctx, List<SourceUsage> usages, String type, String kind) {
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
      unmatched(onlyAttribute, onlyTexts, usages, names, type, kind);
    }
    if (exceptAttribute != null) {
      unmatched(exceptAttribute, exceptTexts, usages, names, type, kind);
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

  /**
   * Warns about filter entries that name no source usage of the build ({@code names}: the usages'
   * {@code type.name}); for an only list none of whose entries matches, also that the block runs
   * for no source.
   */
  private void unmatched(
      Attribute a,
      List<Attributes.Text> entries,
      List<SourceUsage> usages,
      List<String> names,
      String type,
      String kind) {
    boolean noneMatches = a.name().equals("only");
    for (int i = 0; i < entries.size() && noneMatches; i++) {
      noneMatches = !names.contains(entries.get(i).text());
    }
    String consequence =
        noneMatches
            ? " As no only entry names one of its sources, Packer runs this "
                + type
                + " "
                + kind
                + " for none of them, so it is left out of the image template."
            : "";
    for (int i = 0; i < entries.size(); i++) {
      String entry = entries.get(i).text();
      if (names.contains(entry)) {
        continue;
      }
      if (entries.get(i).sensitive()) {
        // Neither the entry nor a name close to it: either would show the secret.
        out.add(
            Diagnostic.of(
                PackerCode.FILTER_MATCHES_NOTHING,
                ExpressionLayout.elementRange(a.expression(), i),
                "This "
                    + a.name()
                    + " entry comes from a sensitive value, which is not shown, and no source of"
                    + " this build has that name, so it matches nothing."
                    + (names.isEmpty()
                        ? ""
                        : " This build's sources are named: " + String.join(", ", names) + ".")
                    + consequence));
        continue;
      }
      String hint;
      String named = null;
      for (SourceUsage u : usages) {
        if (u.name().equals(entry)) {
          named = u.reference();
          break;
        }
      }
      if (entry.startsWith("source.") && names.contains(entry.substring("source.".length()))) {
        hint =
            " Write it without the \"source.\" prefix: \""
                + entry.substring("source.".length())
                + "\".";
      } else if (named != null) {
        hint = " Write \"" + named + "\": entries name a source as type.name.";
      } else {
        hint =
            Names.didYouMean(entry, names)
                + (names.isEmpty()
                    ? ""
                    : " This build's sources are named: " + String.join(", ", names) + ".");
      }
      out.add(
          Diagnostic.of(
              PackerCode.FILTER_MATCHES_NOTHING,
              ExpressionLayout.elementRange(a.expression(), i),
              "No source of this build is named \""
                  + entry
                  + "\", so this "
                  + a.name()
                  + " entry matches nothing."
                  + hint
                  + consequence));
    }
  }

  /** The scope of a provisioner's body: the source is known when it runs for exactly one. */
  private EvalContext body(List<SourceUsage> applying, Value buildName) {
    Optional<Scope.SourceName> source =
        applying.size() == 1
            ? Optional.of(
                new Scope.SourceName(applying.get(0).source().type(), applying.get(0).name()))
            : Optional.empty();
    Set<String> types = new TreeSet<>();
    for (SourceUsage u : applying) {
      types.add(u.source().type());
    }
    return scope.provisionerBody(source, buildName, types);
  }

  /**
   * Where a source's Go templates are rendered: its own build is the one it runs for. {@code
   * {{build_name}}} is the source block's name, not a usage's own (Packer 1.6.6 gave "a" for usages
   * one and two of source "null" "a", in a provisioner too: its builderVariables).
   */
  private static io.github.packer2aib.core.legacy.template.Scope builderScope(
      String type, String name) {
    return io.github.packer2aib.core.legacy.template.Scope.builder(new BuildTarget(name, type));
  }

  /** Where a provisioner's or post-processor's Go templates are rendered: the builds it runs in. */
  private static io.github.packer2aib.core.legacy.template.Scope pluginScope(
      Section section, List<SourceUsage> applying) {
    List<BuildTarget> targets = new ArrayList<>(applying.size());
    for (SourceUsage u : applying) {
      targets.add(new BuildTarget(u.source().name(), u.source().type()));
    }
    return new io.github.packer2aib.core.legacy.template.Scope(section, targets);
  }

  /** The usages a block with {@code filter} applies to. */
  private static List<SourceUsage> applying(Filter filter, List<SourceUsage> usages) {
    // Most blocks have neither only nor except: every usage applies, nothing to copy.
    if (filter.only().isEmpty() && filter.except().isEmpty()) {
      return usages;
    }
    List<SourceUsage> applying = new ArrayList<>(usages.size());
    for (SourceUsage u : usages) {
      if (!filter.skips(u.reference())) {
        applying.add(u);
      }
    }
    return applying;
  }

  /** {@code a} (null when absent) as a Go duration. */
  private Optional<Setting> duration(Attribute a, EvalContext ctx) {
    if (a == null) {
      return Optional.empty();
    }
    // Marks kept: the setting of a sensitive value stays sensitive. Unknown in inspect when only
    // variables without a value make it so, as inspect shows what is computed from them.
    Optional<Value> v = attributes.convertMarkedOrUnset(a, ctx, Type.STRING);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    if (!v.get().isKnown()) {
      return Optional.of(new Setting(a.name(), v.get(), a.nameRange(), a.expression().range()));
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
    // Marks kept: the setting of a sensitive value stays sensitive; unknown as a duration's is.
    Optional<Value> v = attributes.convertMarkedOrUnset(a, ctx, Type.NUMBER);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    if (!v.get().isKnown()) {
      return Optional.of(new Setting(a.name(), v.get(), a.nameRange(), a.expression().range()));
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

  /** A bool setting of the block ({@code continue_on_error}), its marks kept. */
  private Optional<Setting> flag(Attribute a, EvalContext ctx) {
    Optional<Value> v = attributes.convertMarked(a, ctx, Type.BOOL);
    return v.isEmpty()
        ? Optional.empty()
        : Optional.of(new Setting(a.name(), v.get(), a.nameRange(), a.expression().range()));
  }

  /**
   * An {@code override}: the fields per usage name, and whether it is sensitive, as a whole or in
   * an entry (then its keys and fields are not shown; the marks are on the fields' values).
   */
  private record Override(
      Map<String, Config> configs, boolean sensitive, Map<String, Range> keys) {}

  /** No override: most provisioners. */
  private static final Override NO_OVERRIDE = new Override(Map.of(), false, Map.of());

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
    if (!v.isKnown()) {
      // Not "must be an object": it may well be one, once it has a value.
      UnknownOrigin origin = expressions.unknownOrigin(a.expression(), ctx);
      out.add(
          Diagnostic.of(
              PackerCode.INCORRECT_VALUE_TYPE,
              a.expression().range(),
              "The value of \"override\" depends on "
                  + origin.dependsOn()
                  + ", but Packer needs it while reading the template. "
                  + origin.advice("to inspect this part", "Use a value known in advance.")));
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
    Map<String, Range> keys = new HashMap<>();
    for (Map.Entry<String, Value> e : entries.entrySet()) {
      Optional<ObjectItem> entryItem = ExpressionLayout.objectItem(a.expression(), e.getKey());
      entryItem.ifPresent(i -> keys.put(e.getKey(), i.key().range()));
      Optional<Expression> entryExpr = entryItem.map(ObjectItem::value);
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
        Optional<ObjectItem> field =
            entryExpr.flatMap(x -> ExpressionLayout.objectItem(x, f.getKey()));
        Range nameRange = field.map(i -> i.key().range()).orElse(a.nameRange());
        Range valueRange = field.map(i -> i.value().range()).orElse(entryRange);
        Value value = whole.remark(entry.remark(f.getValue()));
        settings.add(
            new Setting(
                f.getKey(),
                value,
                nameRange,
                valueRange,
                List.of(),
                field.map(i -> ExpressionLayout.ofParts(i.value())).orElse(null)));
      }
      result.put(e.getKey(), new Config(settings, List.of(), entryRange));
    }
    return result.isEmpty() ? NO_OVERRIDE : new Override(result, sensitive, keys);
  }

  /** The entries of an object or map value, else null. */
  private static Map<String, Value> mapping(Value v) {
    return !v.isKnown() || v.isNull() ? null : Values.members(v);
  }
}
