package io.github.packer2aib.core.bind.packer;

import io.github.packer2aib.core.bind.legacy.LegacyDetector;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.Diagnostics;
import io.github.packer2aib.core.diag.Related;
import io.github.packer2aib.core.diag.SecretMessages;
import io.github.packer2aib.core.diag.ValueMask;
import io.github.packer2aib.core.doc.DocNode;
import io.github.packer2aib.core.hcl.eval.EvalBudget;
import io.github.packer2aib.core.hcl.eval.Evaluator;
import io.github.packer2aib.core.hcl.function.Clock;
import io.github.packer2aib.core.hcl.function.FileSystemView;
import io.github.packer2aib.core.hcl.function.FunctionRegistry;
import io.github.packer2aib.core.hcl.syntax.Attribute;
import io.github.packer2aib.core.hcl.syntax.Block;
import io.github.packer2aib.core.hcl.syntax.Body;
import io.github.packer2aib.core.hcl.value.MapValue;
import io.github.packer2aib.core.hcl.value.ObjectValue;
import io.github.packer2aib.core.hcl.value.StringValue;
import io.github.packer2aib.core.hcl.value.Value;
import io.github.packer2aib.core.legacy.template.TemplateEnvironment;
import io.github.packer2aib.core.legacy.template.TemplateEvaluator;
import io.github.packer2aib.core.packer.Build;
import io.github.packer2aib.core.packer.CredentialTexts;
import io.github.packer2aib.core.packer.EnvironmentCredentials;
import io.github.packer2aib.core.packer.Local;
import io.github.packer2aib.core.packer.PackerSettings;
import io.github.packer2aib.core.packer.PackerTemplate;
import io.github.packer2aib.core.packer.PackerVersions;
import io.github.packer2aib.core.packer.SecretData;
import io.github.packer2aib.core.packer.UsageSelection;
import io.github.packer2aib.core.packer.Variable;
import io.github.packer2aib.core.parse.JsonReader;
import io.github.packer2aib.core.parse.ParseResult;
import io.github.packer2aib.core.parse.hcl.HclParseResult;
import io.github.packer2aib.core.parse.hcl.HclParser;
import io.github.packer2aib.core.source.Range;
import io.github.packer2aib.core.source.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a Packer HCL2 template (a {@code .pkr.hcl} or {@code .pkr.json} file, or a folder of them)
 * into the Packer model, with Packer's own semantics ({@code hcl2template}): the file set, the
 * block structure, input variables and their precedence, locals in dependency order, data sources
 * (whose values are unknown here), sources, and builds with their source usages, provisioners and
 * post-processors. Every problem is reported; the template is returned only when there is no error.
 *
 * <p>All file access goes through the caller's {@link FileSystemView}: the template's files, the
 * var files, and the files template functions read ({@code file()}, {@code templatefile()}, …).
 * Relative paths in file functions resolve against the template's folder, except in variable
 * validations, where they resolve against the working directory, as in Packer.
 */
public final class PackerHclLoader {
  /**
   * Top-level keys that only HCL's JSON syntax of a Packer template has: how a .json file is told
   * to be HCL2 rather than a legacy or AIB template, and a .pkr.hcl file holding JSON to be HCL's
   * JSON syntax.
   */
  public static final Set<String> HCL_JSON_KEYS =
      Set.of("source", "build", "variable", "locals", "local", "packer", "data");

  private final FileSystemView files;

  public PackerHclLoader(FileSystemView files) {
    this.files = files;
  }

  /**
   * Loads a template. A variable that is neither declared sensitive nor named as a credential but
   * whose value a credential setting holds ({@code client_secret = var.cs}) is a secret all the
   * same ({@link CredentialTexts}): the first load finds such variables by their values, and a
   * second load, only then, marks them sensitive, so that what is made of them ({@code
   * upper(var.cs)}, {@code "img-${var.cs}"}) carries the mark as well, where the texts alone found
   * only the unchanged value.
   */
  public LoadResult load(PackerInput input, PackerOptions options) {
    return load(input, options, UsageSelection.ALL);
  }

  /**
   * Loads a template for a run that converts only the usages {@code selection} keeps: as Packer,
   * which reads a source's body, a build-level source block and a provisioner's or post-processor's
   * body only for the builds it runs, what is wrong in a body that only left-out usages use does
   * not fail the load; a note ({@code PKR-N058}) says it was not checked. Syntax, blocks,
   * variables, locals and what Packer reads of every build (its name, sources, a provisioner's
   * only, except, pause_before, timeout, max_retries and override) are checked whatever the
   * selection.
   */
  public LoadResult load(PackerInput input, PackerOptions options, UsageSelection selection) {
    Run run = new Run(input, options, selection, Set.of());
    LoadResult first = run.load();
    // From the masks the load worked out: the template is walked for its credentials once.
    Set<String> fed =
        first.template().isPresent() && run.masks != null ? run.masks.variablesHolding() : Set.of();
    return fed.isEmpty() ? first : new Run(input, options, selection, fed).load();
  }

  /** A file of the template, parsed. */
  record ParsedFile(SourceFile source, Body body, boolean json) {}

  /** One load: everything found so far. */
  private final class Run {
    private final PackerInput input;
    private final PackerOptions options;
    private final UsageSelection selection;
    private final List<Diagnostic> out = new ArrayList<>();
    private final Map<String, SourceFile> sources = new LinkedHashMap<>();

    /**
     * Ranges of the template files to mask when quoted: literal values of sensitive variables and
     * locals, and of credential settings.
     */
    private final Map<String, List<Range>> secrets = new LinkedHashMap<>();

    private final HclParser parser = new HclParser();

    /** Variables to keep secret for the credential settings that hold their values. */
    private final Set<String> credentialFed;

    /** The loaded template's credential masks ({@link #finish}), null without a template. */
    private CredentialMasks masks;

    Run(
        PackerInput input,
        PackerOptions options,
        UsageSelection selection,
        Set<String> credentialFed) {
      this.input = input;
      this.options = options;
      this.selection = selection;
      this.credentialFed = credentialFed;
    }

    LoadResult load() {
      String cwd = Paths.clean(Paths.slashes(options.workingDirectory()));
      String given = Paths.slashes(input.path());
      TemplateFiles templateFiles = new TemplateFiles(files);
      TemplateFiles.Discovery discovery =
          templateFiles.discover(input, Paths.absolute(cwd, given), out);
      if (hasErrors()) {
        return finish(null);
      }
      List<ParsedFile> parsed = new ArrayList<>();
      List<String> fileNames = new ArrayList<>();
      for (TemplateFiles.FileRef ref : discovery.configFiles()) {
        fileNames.add(ref.displayName());
      }
      for (TemplateFiles.FileRef ref : discovery.configFiles()) {
        templateFiles
            .read(ref, out)
            .flatMap(source -> parse(source, ref.json(), fileNames))
            .ifPresent(parsed::add);
      }
      if (hasErrors()) {
        // As Packer: syntax errors stop the load, later stages would only add noise.
        return finish(null);
      }

      String root = discovery.directory() ? folderAsNamed(given) : Paths.dir(Paths.clean(given));
      String rootAbsolute = Paths.absolute(cwd, root);
      // One budget for every expression of the template, templatefile's included (EvalBudget).
      EvalBudget budget = new EvalBudget();
      // UUIDs of this template's own (Clock.forTemplate), the same on a second load.
      List<String> texts = new ArrayList<>(parsed.size());
      for (ParsedFile f : parsed) {
        texts.add(f.source().text());
      }
      Clock clock = options.clock().forTemplate(texts);
      FunctionRegistry templateFunctions =
          FunctionRegistry.packer(
              clock,
              new RebasedFileSystemView(files, rootAbsolute, cwd),
              Evaluator.templateRenderer(budget));
      FunctionRegistry cwdFunctions =
          FunctionRegistry.packer(
              clock,
              new RebasedFileSystemView(files, cwd, cwd),
              Evaluator.templateRenderer(budget));
      Scope scope = new Scope(root, cwd, templateFunctions, cwdFunctions, budget);
      Declarations declarations = new Declarations(options.unsetVariablesAllowed());
      Expressions expressions = new Expressions(declarations, out);
      Attributes attributes = new Attributes(expressions, out);

      List<Block> blocks = new ArrayList<>();
      for (ParsedFile f : parsed) {
        int before = out.size();
        blocks.addAll(
            BodyContent.of(f.body(), PackerSchema.ROOT, "a template file", f.body().range(), out)
                .blocks());
        if (!f.json() && hasErrorsSince(before) && MisnamedFiles.onlyAssignments(f.body())) {
          // Quoted as the var file it is, every value masked (a sensitive variable's value was
          // shown in the source line of each "Unsupported argument").
          sources.computeIfPresent(f.source().name(), (name, file) -> file.asValues());
          adviseFirstError(
              out.subList(before, out.size()),
              MisnamedFiles.variableFile(f.source().name(), others(fileNames, f.source())));
        }
      }

      Optional<PackerSettings> packer = packerSettings(blocks, expressions, attributes);

      InputVariables variables =
          new InputVariables(
              declarations,
              expressions,
              options.environment(),
              credentialFed,
              options.unsetVariablesAllowed(),
              out);
      LocalValues locals = new LocalValues(declarations, attributes, out);
      Map<String, Block> dataSources = new LinkedHashMap<>();
      for (Block b : blocks) {
        switch (b.type()) {
          case "variable":
            variables.declareBlock(b);
            break;
          case "variables":
            for (Attribute a : attributesOnly(b, "a variables block")) {
              variables.declareAttribute(a);
            }
            break;
          case "locals":
            for (Attribute a : attributesOnly(b, "a locals block")) {
              locals.declareAttribute(a);
            }
            break;
          case "local":
            locals.declareBlock(b);
            break;
          case "data":
            dataSource(b, dataSources, declarations, scope);
            break;
          default:
            break;
        }
      }
      List<SecretData> secretData = List.of();
      if (!options.data().isEmpty()) {
        DataValues dataValues = new DataValues(options.data(), out);
        dataValues.supply(parsed, dataSources, scope);
        secretData = dataValues.secrets();
      }

      variables.environment(options.environment());
      varFiles(discovery, templateFiles, variables, cwd);
      for (String argument : options.vars()) {
        variables.commandLine(argument);
      }
      for (PackerOptions.SettingVar v : options.settingVars()) {
        variables.settingsFile(v);
      }
      List<Variable> variableList = variables.finish(scope);
      List<Range> secretRanges = new ArrayList<>(variables.secretRanges(this::commentFree));
      secretRanges.addAll(locals.secretRanges(this::commentFree));
      for (Range r : secretRanges) {
        secrets.computeIfAbsent(r.file(), f -> new ArrayList<>()).add(r);
      }
      for (SourceFile synthetic : variables.syntheticSources()) {
        sources.putIfAbsent(synthetic.name(), synthetic);
      }
      List<Local> localList = locals.evaluate(scope, expressions);

      BodyEvaluator bodies = new BodyEvaluator(expressions, attributes, out);
      for (Block b : dataSources.values()) {
        // Data sources are not run, but their arguments are still checked.
        bodies.config(b.body().items(), scope.locals(), b.body().range());
      }
      PluginTemplates templates =
          new PluginTemplates(
              new TemplateEvaluator(
                  new TemplateEnvironment(
                      clock,
                      options.environment(),
                      rootAbsolute,
                      cwd,
                      Optional.of(PackerOptions.PACKER_VERSION))),
              out);
      Builds builds =
          new Builds(scope, expressions, attributes, bodies, templates, clock, selection, out);
      List<Build> buildList = new ArrayList<>();
      for (Block b : blocks) {
        if (b.type().equals("source")) {
          builds.declareSource(b);
        } else if (b.type().equals("communicator")) {
          out.add(
              Diagnostic.of(
                  PackerCode.BLOCK_IGNORED,
                  BodyContent.headerRange(b),
                  "Top-level communicator blocks configure how Packer connects to a build"
                      + " machine; AIB connects by itself, so this block is not read."));
        } else if (b.type().equals("hcp_packer_registry")) {
          out.add(
              Diagnostic.of(
                  PackerCode.BLOCK_IGNORED,
                  BodyContent.headerRange(b),
                  "The hcp_packer_registry block publishes build metadata to HCP Packer and does"
                      + " not affect the image, so it is not read."));
        }
      }
      for (Block b : blocks) {
        if (b.type().equals("build")) {
          buildList.add(builds.build(b));
        }
      }
      builds.releaseHeld();
      for (Range r : bodies.credentialRanges()) {
        secrets.computeIfAbsent(r.file(), f -> new ArrayList<>()).add(r);
      }
      boolean allJson = !parsed.isEmpty();
      for (ParsedFile f : parsed) {
        allJson &= f.json();
      }
      PackerTemplate template =
          new PackerTemplate(
              allJson ? PackerTemplate.Syntax.HCL2_JSON : PackerTemplate.Syntax.HCL2,
              // The template's folder, also for a single file (its folder, as path.root): Packer
              // reads an HCL2 template as a folder's files, and inspect said the file's name.
              discovery.directory() ? given : root,
              variableList,
              localList,
              builds.sources(),
              buildList,
              packer,
              Optional.empty(),
              secretData);
      return finish(template);
    }

    /** {@link ValueMask#commentFree} of a range of one of the template's files. */
    private boolean commentFree(Range r) {
      SourceFile file = sources.get(r.file());
      return file != null && ValueMask.commentFree(file, r);
    }

    /**
     * {@code path.root} of a folder: as the user named it, as Packer 1.6.6 keeps it ({@code packer
     * build ./sub/} gives {@code ./sub/}, checked with shell-local; only a file's folder is
     * cleaned, by Go's {@code filepath.Dir}). The display name is that spelling when it names the
     * same folder (the input's {@code Path} has lost a trailing slash); a caller that names the
     * input otherwise (the bulk converter runs each template from its folder) gets the path it
     * gave.
     */
    private String folderAsNamed(String given) {
      String named = FileSystemView.slashes(input.displayName());
      return !named.isEmpty() && Paths.clean(named).equals(Paths.clean(given)) ? named : given;
    }

    private boolean hasErrors() {
      return hasErrorsSince(0);
    }

    private LoadResult finish(PackerTemplate template) {
      for (Map.Entry<String, List<Range>> e : secrets.entrySet()) {
        SourceFile file = sources.get(e.getKey());
        if (file != null) {
          sources.put(e.getKey(), file.withSecrets(e.getValue()));
        }
      }
      List<SourceFile> files = List.copyOf(sources.values());
      masks = template == null ? null : CredentialMasks.of(template);
      if (masks != null) {
        files = masks.mask(files);
      }
      List<Diagnostic> sorted = List.of();
      boolean errors = false;
      // Most templates load without a diagnostic: then there is nothing to mask, and working out
      // what a file's secrets are (for every template with a sensitive variable) was wasted.
      if (!out.isEmpty()) {
        List<Diagnostic> whole = out;
        if (template != null) {
          // The last guard, as for a conversion's messages: this load's may be all there is (it
          // failed, or inspect prints them), and a place that drops a mark would quote a secret.
          whole = SecretMessages.scrub(masks.scrubbed(), whole);
        }
        // The converter's own credentials, which a file the template reads may hold unmarked.
        whole = SecretMessages.scrub(EnvironmentCredentials.texts(options.environment()), whole);
        // Messages about a var file or a sensitive default may quote the value they found. After
        // the whole texts: this masks a value's words of 8 characters or more wherever they stand
        // and its shorter ones only near their own line, so "abc1234 defghijk" quoted elsewhere
        // became "abc1234 ***", where the whole secret was then found no more.
        List<Diagnostic> unique =
            new ArrayList<>(new LinkedHashSet<>(ValueMask.scrub(whole, files)));
        sorted = Diagnostics.of(unique).sorted();
        errors = sorted.stream().anyMatch(Diagnostic::isError);
      }
      return new LoadResult(
          errors ? Optional.empty() : Optional.ofNullable(template), sorted, files);
    }

    /**
     * Adds {@code advice} to the detail of the first error of {@code diagnostics}, in place: once,
     * where the problem shows first, rather than after each of its consequences.
     */
    private static void adviseFirstError(List<Diagnostic> diagnostics, String advice) {
      for (int i = 0; i < diagnostics.size(); i++) {
        Diagnostic d = diagnostics.get(i);
        if (d.isError()) {
          diagnostics.set(i, d.withDetail(d.detail() + " " + advice));
          return;
        }
      }
    }

    /** The template's files but {@code file}, in reading order. */
    private static List<String> others(List<String> fileNames, SourceFile file) {
      List<String> others = new ArrayList<>(fileNames);
      others.remove(file.name());
      return others;
    }

    /**
     * Parses one template file.
     *
     * @param fileNames the names of all the template's files, for advice
     */
    private Optional<ParsedFile> parse(SourceFile source, boolean json, List<String> fileNames) {
      sources.putIfAbsent(source.name(), source);
      if (!json) {
        HclParseResult r = parser.parse(source);
        int before = out.size();
        out.addAll(r.diagnostics());
        if (r.hasErrors()) {
          MisnamedFiles.jsonInHcl(source)
              .ifPresent(advice -> adviseFirstError(out.subList(before, out.size()), advice));
          // The load stops at a syntax error, before the variables that say what is secret are
          // read; the error's line may hold a sensitive default. Its tokens still tell.
          List<Range> loose = LooseSecrets.of(source);
          String text = source.text();
          boolean unreadLines =
              text.indexOf('\u2028') >= 0
                  || text.indexOf('\u2029') >= 0
                  || text.indexOf('\u0085') >= 0;
          if ((loose.isEmpty() || unreadLines) && text.contains("sensitive")) {
            // A file that says sensitive where its tokens show no argument, or whose lines are
            // broken by characters HCL does not read as line breaks (U+2028: what looks like a
            // line of its own is part of another argument), is quoted as a var file is, every
            // value masked.
            sources.put(source.name(), source.asValues());
          }
          secrets.computeIfAbsent(source.name(), f -> new ArrayList<>()).addAll(loose);
        }
        return Optional.of(new ParsedFile(source, r.body(), false));
      }
      Optional<DocNode> root = readJson(source);
      if (root.isEmpty()) {
        // As above, but JSON that does not parse says nothing of what is sensitive: its values
        // are all masked where it is quoted, as a var file's are; names and brackets stay.
        sources.put(source.name(), sources.get(source.name()).asValues());
        return Optional.empty();
      }
      int before = out.size();
      // A legacy template or a file of values named .pkr.json: Packer says only "Extraneous JSON
      // object property" at each top-level key; the first error says what the file is instead.
      String misnamed =
          LegacyDetector.looksLikeLegacy(root.get())
              ? MisnamedFiles.legacyTemplate(source.name())
              : MisnamedFiles.onlyValues(root.get())
                  ? MisnamedFiles.variableFile(source.name(), others(fileNames, source))
                  : null;
      if (misnamed != null) {
        // A file of values is quoted as a var file is, every value masked (a sensitive
        // variable's value was shown in its errors' source lines); a legacy template too, whose
        // sensitive-variables and credential-named values are not known to this reader.
        sources.put(source.name(), sources.get(source.name()).asValues());
      }
      Body body =
          misnamed != null
              ? HclJson.misnamedFile(source, root.get(), PackerSchema.ROOT, misnamed, out)
              : HclJson.file(source, root.get(), PackerSchema.ROOT, HclJson.Mode.CONFIG, out);
      if (hasErrorsSince(before)) {
        // Its structure is known, and tells what is sensitive.
        secrets
            .computeIfAbsent(source.name(), f -> new ArrayList<>())
            .addAll(LooseSecrets.ofJson(root.get()));
      }
      return Optional.of(new ParsedFile(source, body, true));
    }

    private Optional<DocNode> readJson(SourceFile source) {
      // HCL's JSON syntax: a block type key may stand twice (HclJson reports other duplicates).
      ParseResult r = JsonReader.readKeepingDuplicateKeys(source);
      out.addAll(r.diagnostics());
      if (r.hasErrors() || r.documents().isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(r.documents().get(0));
    }

    private List<Attribute> attributesOnly(Block b, String where) {
      return BodyContent.of(
              b.body(), PackerSchema.ATTRIBUTES, where, BodyContent.headerRange(b), out)
          .restAttributes();
    }

    // ---- var files

    /**
     * Reads the var files in Packer's order: the folder's automatic HCL files, its automatic JSON
     * files, then the {@code --var-file} ones in the order given, so that a file the user names
     * wins over the automatic ones (mapping.md D.2, and Packer's parser since it was fixed; Packer
     * 1.6.6 to 1.11 read every HCL file before every JSON one, so an automatic .json file beat a
     * --var-file .hcl).
     */
    private void varFiles(
        TemplateFiles.Discovery discovery,
        TemplateFiles templateFiles,
        InputVariables variables,
        String cwd) {
      // The automatic files come HCL first (TemplateFiles.Discovery).
      List<TemplateFiles.FileRef> ordered = new ArrayList<>(discovery.autoVarFiles());
      List<TemplateFiles.FileRef> given = new ArrayList<>();
      for (Path p : options.varFiles()) {
        String name = Paths.slashes(p);
        String base = TemplateFiles.baseName(name);
        int dot = base.lastIndexOf('.');
        String extension = dot < 0 ? "" : base.substring(dot);
        String absolute = Paths.absolute(cwd, name);
        if (files.kind(absolute) != FileSystemView.Kind.FILE) {
          // Missing (or a folder): that is the problem to tell, whatever its extension.
          out.add(TemplateFiles.cannotRead(name, files.whyNotAFile(absolute)));
          variables.varFileNotRead();
          continue;
        }
        // Before its name is judged: renaming /proc/self/environ would not help.
        Optional<Diagnostic> refused =
            templateFiles.refusal(
                new TemplateFiles.FileRef(absolute, name, extension.equals(".json"), true), true);
        if (refused.isPresent()) {
          out.add(refused.get());
          variables.varFileNotRead();
          continue;
        }
        if (!extension.equals(".hcl") && !extension.equals(".json")) {
          out.add(
              Diagnostic.of(
                  PackerCode.UNKNOWN_VAR_FILE_FORMAT,
                  null,
                  "The var file "
                      + name
                      + " has neither a .hcl nor a .json extension, so its syntax is unknown."
                      + " Rename it, as in vars.pkrvars.hcl or vars.pkrvars.json."));
          variables.varFileNotRead();
          continue;
        }
        TemplateFiles.FileRef ref =
            new TemplateFiles.FileRef(absolute, name, extension.equals(".json"), true);
        given.add(ref);
        ordered.add(ref);
      }
      for (TemplateFiles.FileRef ref : ordered) {
        Optional<SourceFile> source = templateFiles.read(ref, true, out);
        if (source.isEmpty()) {
          variables.varFileNotRead();
          continue;
        }
        sources.putIfAbsent(source.get().name(), source.get());
        Optional<Body> body;
        if (ref.json()) {
          int before = out.size();
          body =
              readJson(source.get())
                  .map(
                      doc ->
                          HclJson.file(
                              source.get(),
                              doc,
                              PackerSchema.ATTRIBUTES,
                              HclJson.Mode.VAR_FILE,
                              out));
          if (hasErrorsSince(before)) {
            variables.varFileNotRead();
            continue;
          }
        } else {
          HclParseResult r = parser.parse(source.get());
          out.addAll(r.diagnostics());
          if (r.hasErrors()) {
            variables.varFileNotRead();
            continue;
          }
          body = Optional.of(r.body());
        }
        boolean automatic = !given.contains(ref);
        body.ifPresent(b -> variables.varFile(b, ref.displayName(), automatic, ref.json()));
      }
    }

    private boolean hasErrorsSince(int mark) {
      // A loop, not a stream: asked twice per template, of a list that is nearly always empty.
      for (int i = mark, n = out.size(); i < n; i++) {
        if (out.get(i).isError()) {
          return true;
        }
      }
      return false;
    }

    // ---- data sources and the packer block

    private void dataSource(
        Block b, Map<String, Block> dataSources, Declarations declarations, Scope scope) {
      String type = b.labels().get(0).value();
      String name = b.labels().get(1).value();
      String ref = "data." + type + "." + name;
      Range header = BodyContent.headerRange(b);
      Block first = dataSources.get(ref);
      if (first != null) {
        Range firstHeader = BodyContent.headerRange(first);
        out.add(
            Diagnostic.of(
                    PackerCode.DUPLICATE_DECLARATION,
                    header,
                    "A data source \""
                        + type
                        + "\" \""
                        + name
                        + "\" was already declared at "
                        + firstHeader
                        + ". Each data source needs a name that is unique for its type; rename"
                        + " one of them.")
                .withRelated(new Related(firstHeader, "first declared here")));
        return;
      }
      dataSources.put(ref, b);
      declarations.addData(type, name);
      scope.addData(type, name);
      if (DataValues.givenFor(options.data(), ref)) {
        return; // DataValues says what was given instead
      }
      out.add(
          Diagnostic.of(
              PackerCode.DATA_SOURCE_NOT_EVALUATED,
              header,
              "Packer runs the "
                  + type
                  + " data source's plugin when it builds; packer2aib cannot, so "
                  + ref
                  + " is unknown here and settings that use it have no value in the result. "
                  + (SecretData.readsSecrets(type)
                      // A value given for it is sensitive, and refused in the output (E405).
                      ? "It reads a secret, which may not be written into the image template:"
                          + " where a step needs it, have the step "
                          + SecretData.fetchOnTheVm("the secret")
                          + "."
                      : "Give the values it is used with, as in --data "
                          + ref
                          + ".ATTRIBUTE=VALUE.")));
    }

    private Optional<PackerSettings> packerSettings(
        List<Block> blocks, Expressions expressions, Attributes attributes) {
      List<String> versions = new ArrayList<>();
      List<PackerSettings.RequiredPlugin> plugins = new ArrayList<>();
      Map<String, Range> seen = new LinkedHashMap<>();
      Range range = null;
      for (Block b : blocks) {
        if (!b.type().equals("packer")) {
          continue;
        }
        Range header = BodyContent.headerRange(b);
        range = range == null ? b.range() : range;
        BodyContent content =
            BodyContent.of(b.body(), PackerSchema.PACKER, "a packer block", header, out);
        Optional<Attribute> required = content.attribute("required_version");
        if (required.isPresent()) {
          Optional<String> constraint = attributes.string(required.get(), Scope.constants());
          if (constraint.isPresent() && !PackerVersions.isConstraint(constraint.get())) {
            // Packer refuses the template before it reads anything else.
            out.add(
                Diagnostic.of(
                    PackerCode.INVALID_VERSION_CONSTRAINT,
                    required.get().expression().range(),
                    "required_version = \""
                        + constraint.get()
                        + "\" is not a version constraint, so Packer refuses the template. Write"
                        + " versions with optional operators (=, !=, >, >=, <, <=, ~>), separated"
                        + " by commas, such as \">= 1.7.0\" or \"~> 1.11\"."));
          }
          constraint.ifPresent(versions::add);
        }
        for (Block r : content.blocks("required_plugins")) {
          for (Attribute a : attributesOnly(r, "a required_plugins block")) {
            requiredPlugin(a, expressions, seen).ifPresent(plugins::add);
          }
        }
      }
      if (range == null) {
        return Optional.empty();
      }
      return Optional.of(
          new PackerSettings(
              versions.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", versions)),
              plugins,
              range));
    }

    private Optional<PackerSettings.RequiredPlugin> requiredPlugin(
        Attribute a, Expressions expressions, Map<String, Range> seen) {
      Range first = seen.get(a.name());
      if (first != null) {
        out.add(
            Diagnostic.of(
                    PackerCode.DUPLICATE_DECLARATION,
                    a.nameRange(),
                    "The plugin \""
                        + a.name()
                        + "\" is already required at "
                        + first
                        + ". Require each plugin once.")
                .withRelated(new Related(first, "first required here")));
        return Optional.empty();
      }
      seen.put(a.name(), a.nameRange());
      String expected =
          "The entry for the plugin \""
              + a.name()
              + "\" must be an object such as { source = \"github.com/hashicorp/azure\", version"
              + " = \">= 2.0.0\" }";
      Expressions.Outcome o = expressions.evaluate(a.expression(), Scope.constants());
      if (!o.ok()) {
        return Optional.empty();
      }
      Value v = o.value().unmarked();
      Map<String, Value> fields =
          v instanceof ObjectValue obj
              ? obj.attributes()
              : v instanceof MapValue m ? m.entries() : null;
      if (fields == null) {
        out.add(
            Diagnostic.of(
                PackerCode.INVALID_REQUIRED_PLUGIN, a.expression().range(), expected + "."));
        return Optional.empty();
      }
      Value source = fields.get("source");
      Value version = fields.get("version");
      if (!(source != null && source.unmarked() instanceof StringValue)
          || (version != null && !(version.unmarked() instanceof StringValue))) {
        out.add(
            Diagnostic.of(
                PackerCode.INVALID_REQUIRED_PLUGIN,
                a.expression().range(),
                expected + ", with a string source and an optional string version."));
        return Optional.empty();
      }
      for (String key : fields.keySet()) {
        if (!key.equals("source") && !key.equals("version")) {
          out.add(
              Diagnostic.of(
                  PackerCode.INVALID_REQUIRED_PLUGIN,
                  a.expression().range(),
                  expected + "; \"" + key + "\" is not one of its fields."));
          return Optional.empty();
        }
      }
      return Optional.of(
          new PackerSettings.RequiredPlugin(
              a.name(),
              source.unmarked().asString(),
              Optional.ofNullable(version).map(x -> x.unmarked().asString()),
              a.range()));
    }
  }
}
