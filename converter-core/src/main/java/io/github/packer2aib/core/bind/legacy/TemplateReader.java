package io.github.packer2aib.core.bind.legacy;

import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.Diagnostics;
import io.github.packer2aib.core.diag.Related;
import io.github.packer2aib.core.diag.ValueMask;
import io.github.packer2aib.core.doc.DocArray;
import io.github.packer2aib.core.doc.DocMember;
import io.github.packer2aib.core.doc.DocNode;
import io.github.packer2aib.core.doc.DocObject;
import io.github.packer2aib.core.doc.DocScalar;
import io.github.packer2aib.core.doc.JsonPointer;
import io.github.packer2aib.core.hcl.value.BigFloat;
import io.github.packer2aib.core.hcl.value.Value;
import io.github.packer2aib.core.legacy.template.BuildTarget;
import io.github.packer2aib.core.legacy.template.GoTemplateCode;
import io.github.packer2aib.core.legacy.template.Scope;
import io.github.packer2aib.core.legacy.template.Section;
import io.github.packer2aib.core.legacy.template.Suggestions;
import io.github.packer2aib.core.legacy.template.TemplateEnvironment;
import io.github.packer2aib.core.legacy.template.TemplateEvaluator;
import io.github.packer2aib.core.legacy.template.TemplateParser;
import io.github.packer2aib.core.packer.Build;
import io.github.packer2aib.core.packer.Config;
import io.github.packer2aib.core.packer.Credentials;
import io.github.packer2aib.core.packer.PackerSettings;
import io.github.packer2aib.core.packer.PackerTemplate;
import io.github.packer2aib.core.packer.PackerVersions;
import io.github.packer2aib.core.packer.PostProcessor;
import io.github.packer2aib.core.packer.Provisioner;
import io.github.packer2aib.core.packer.Setting;
import io.github.packer2aib.core.packer.Source;
import io.github.packer2aib.core.packer.SourceUsage;
import io.github.packer2aib.core.packer.UsageSelection;
import io.github.packer2aib.core.packer.Variable;
import io.github.packer2aib.core.packer.Variable.ValueSource;
import io.github.packer2aib.core.parse.DocReader;
import io.github.packer2aib.core.parse.JsonReader;
import io.github.packer2aib.core.parse.ParseResult;
import io.github.packer2aib.core.source.Range;
import io.github.packer2aib.core.source.SourceFile;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one legacy template's document into the Packer model, following packer-plugin-sdk's {@code
 * template/parse.go} and {@code template.go} (structure and validation) and Packer's core (variable
 * precedence and interpolation).
 */
final class TemplateReader {

  /** The root keys Packer's decoder knows. */
  static final List<String> ROOT_KEYS =
      List.of(
          "builders",
          "comments",
          "description",
          "error-cleanup-provisioner",
          "min_packer_version",
          "post-processors",
          "provisioners",
          "push",
          "sensitive-variables",
          "variables");

  private static final Set<String> POST_PROCESSOR_KEYS = Set.of("type", "name", "only", "except");

  private final SourceFile file;

  /** Where the defaults of sensitive variables are written ({@link #secretRanges}). */
  private final List<Range> secretRanges = new ArrayList<>();

  private final boolean yaml;

  /**
   * A var file had errors (it is not JSON, does not parse, or holds a value Packer refuses): a
   * required variable without a value is then not reported, as the file may have given it.
   */
  private boolean varFileFailed;

  private final DocObject root;
  private final LegacyOptions options;
  private final Reporter reporter;
  private final Shapes shapes;
  private final TemplateEvaluator evaluator;
  private final ValueEvaluator values;
  private final Map<String, DocMember> keys = new LinkedHashMap<>();
  private final Map<String, RawBuilder> builders = new LinkedHashMap<>();
  private final Map<String, Source> sources = new LinkedHashMap<>();

  /** The declared variables left without a value (required, none given), in order. */
  private final Set<String> unsetVariables = new LinkedHashSet<>();

  /** Variables whose values credential settings hold: secret whatever the template lists. */
  private final Set<String> credentialFed;

  /**
   * The run's --only/--except: as in Packer, which prepares a builder, and the provisioners and
   * post-processors of its build, only when it runs that build, what is wrong in the settings of
   * one that only left-out builders use does not fail the run ({@link #leftOut}).
   */
  private final UsageSelection selection;

  TemplateReader(
      SourceFile file,
      boolean yaml,
      DocObject root,
      LegacyOptions options,
      Reporter reporter,
      Set<String> credentialFed,
      UsageSelection selection) {
    this.credentialFed = credentialFed;
    this.selection = selection;
    this.file = file;
    this.yaml = yaml;
    this.root = root;
    this.options = options;
    this.reporter = reporter;
    this.shapes = new Shapes(reporter);
    this.evaluator =
        new TemplateEvaluator(
            new TemplateEnvironment(
                // UUIDs of this template's own (Clock.forTemplate), the same on a second read.
                options.clock().forTemplate(List.of(file.text())),
                options.environment(),
                options.templateDir(),
                options.workingDir(),
                options.packerVersion()));
    this.values = new ValueEvaluator(file, yaml, evaluator, reporter);
  }

  /**
   * Where the template writes the defaults of its {@code sensitive-variables} and the values of
   * credential settings, known once {@link #read} has run: a renderer masks them when it quotes
   * those lines.
   */
  List<Range> secretRanges() {
    List<Range> all = new ArrayList<>(secretRanges);
    all.addAll(values.credentialRanges());
    return all;
  }

  /**
   * Whether a secret default shows no value where its line is quoted: only actions that read what
   * they name ({@code "{{env `ARM_CLIENT_SECRET`}}"}, which masked showed as {@code "***"} under a
   * note about that very call), and no comment on its line that may keep an old value.
   */
  private boolean showsNoValue(DocNode value) {
    return DocScalar.stringValue(value)
            .filter(t -> TemplateParser.parse(t).showsNoValue())
            .isPresent()
        && ValueMask.commentFree(file, value.range());
  }

  PackerTemplate read() {
    rootKeys();
    Set<String> sensitive = sensitiveVariables();
    List<DocMember> declared = declaredVariables();
    checkSensitiveDeclared(sensitive, declared);
    // A variable named as a credential is (admin_password, client_secret: Credentials) holds a
    // secret whether or not it is listed; the model still says what the template lists.
    Set<String> secret = new LinkedHashSet<>(sensitive);
    secret.addAll(credentialFed);
    for (DocMember m : declared) {
      if (Credentials.holdsSecret(m.key())) {
        secret.add(m.key());
      }
    }
    for (DocMember m : declared) {
      if (secret.contains(m.key())
          && m.value().range() != null
          && !DocScalar.holdsNoText(m.value())
          && !showsNoValue(m.value())) {
        secretRanges.add(m.value().range());
      }
    }
    VariableResolver resolver = resolver(declared, secret);
    resolver.resolveAll();
    for (DocMember m : declared) {
      if (resolver.candidate(m.key()).source() == ValueSource.UNSET) {
        unsetVariables.add(m.key());
      }
    }
    values.useVariables(resolver);
    List<Variable> variables = variables(declared, resolver, sensitive);
    readBuilders();
    List<Provisioner> provisioners = provisioners();
    List<List<PostProcessor>> postProcessors = postProcessors();
    Optional<Provisioner> cleanup =
        member("error-cleanup-provisioner")
            .map(
                m ->
                    provisioner(
                        m.value(),
                        Place.of("/error-cleanup-provisioner"),
                        new Label("The error-cleanup-provisioner", 0)));
    Optional<String> description =
        member("description")
            .flatMap(m -> shapes.fieldString(m.value(), "/description", "\"description\""));
    List<SourceUsage> usages = new ArrayList<>();
    for (Source s : sources.values()) {
      usages.add(new SourceUsage(s, s.name(), s.config(), s.range()));
    }
    Build build =
        new Build(
            Optional.empty(),
            description,
            usages,
            provisioners,
            postProcessors,
            cleanup,
            root.range());
    return new PackerTemplate(
        yaml ? PackerTemplate.Syntax.LEGACY_YAML : PackerTemplate.Syntax.LEGACY_JSON,
        file.name(),
        variables,
        List.of(),
        new ArrayList<>(sources.values()),
        List.of(build),
        packerSettings(),
        description);
  }

  private Optional<DocMember> member(String key) {
    return Optional.ofNullable(keys.get(key));
  }

  // ------------------------------------------------------------------ root keys

  private void rootKeys() {
    for (DocMember m : root.members()) {
      String key = m.key();
      // The pointer is spelled out only for a report (most keys have none).
      if (key.startsWith("_")) {
        if (DocScalar.stringValue(m.value()).isEmpty()) {
          reporter.add(
              LegacyCode.INVALID_COMMENT,
              m.value().range(),
              JsonPointer.append("", key),
              "A root key starting with \"_\" is a comment, and Packer requires its value to be a"
                  + " string, but it is "
                  + m.value().kindName()
                  + ". Write the comment as a string.");
        }
        continue;
      }
      String canonical = canonicalRootKey(key);
      if (canonical == null) {
        String suggestion = Suggestions.closest(key, ROOT_KEYS);
        reporter.add(
            LegacyCode.UNKNOWN_KEY,
            m.keyRange(),
            JsonPointer.append("", key),
            "The key \""
                + key
                + "\" is not part of a Packer template."
                + (suggestion != null
                    ? " Did you mean \"" + suggestion + "\"?"
                    : " Known keys are " + String.join(", ", ROOT_KEYS) + ".")
                + " To keep a note, start the key with \"_\".");
        continue;
      }
      if (keys.containsKey(canonical)) {
        reporter.add(
            LegacyCode.KEY_CASE,
            m.keyRange(),
            JsonPointer.append("", key),
            "\""
                + key
                + "\" and \""
                + keys.get(canonical).key()
                + "\" are the same key to Packer, which keeps only one of them; packer2aib keeps"
                + " the first. Remove one of them.",
            new Related(keys.get(canonical).keyRange(), "first written here"));
        continue;
      }
      if (!canonical.equals(key)) {
        reporter.add(
            LegacyCode.KEY_CASE,
            m.keyRange(),
            JsonPointer.append("", key),
            "Packer matches root keys ignoring case and reads \""
                + key
                + "\" as \""
                + canonical
                + "\". Write it \""
                + canonical
                + "\".");
      }
      if (canonical.equals("push")) {
        reporter.add(
            LegacyCode.OBSOLETE_KEY,
            m.keyRange(),
            JsonPointer.append("", key),
            "\"push\" configured Atlas, which no longer exists; it is ignored. Remove it.");
      }
      keys.put(canonical, m);
    }
  }

  /** The known root key {@code key} names ignoring case, or null. */
  private static String canonicalRootKey(String key) {
    // Most keys are written as known: one hash lookup instead of ten case-insensitive compares.
    if (ROOT_KEY_SET.contains(key)) {
      return key;
    }
    String canonical = null;
    for (String known : ROOT_KEYS) {
      if (known.equalsIgnoreCase(key)) {
        canonical = known;
      }
    }
    return canonical;
  }

  private static final Set<String> ROOT_KEY_SET = Set.copyOf(ROOT_KEYS);

  // ------------------------------------------------------------------ variables

  private Set<String> sensitiveVariables() {
    Set<String> names = new LinkedHashSet<>();
    DocMember m = keys.get("sensitive-variables");
    if (m != null) {
      for (Shapes.Named n :
          shapes.strings(m.value(), "/sensitive-variables", "\"sensitive-variables\"", false)) {
        names.add(n.value());
      }
    }
    return names;
  }

  private List<DocMember> declaredVariables() {
    List<DocMember> out = new ArrayList<>();
    Optional<DocObject> vars =
        member("variables")
            .flatMap(m -> shapes.fieldObject(m.value(), "/variables", "\"variables\""));
    if (vars.isEmpty()) {
      return out;
    }
    for (DocMember m : vars.get().members()) {
      DocNode v = m.value();
      boolean isNull = v instanceof DocScalar s && s.type() == DocScalar.Type.NULL;
      if (isNull || DocScalar.stringValue(v).isPresent()) {
        out.add(m);
      } else if (unreadableNumbers(v, Place.of(JsonPointer.append("/variables", m.key())))) {
        // Packer's JSON reader refuses the template at such a number before it reads any
        // variable, so that (LEGACY-E019, as for a number anywhere else) is the error to fix, not
        // "Quote it: \"1e999\"" (a comment's value too). The variable is still declared.
        if (!m.key().startsWith("_")) {
          out.add(m);
        }
      } else if (!m.key().startsWith("_")) {
        // A "_" key with a non-string value can only be a comment; Packer would reject it. An
        // invalid default still declares the variable, so its uses are not reported again.
        out.add(m);
        reporter.add(
            LegacyCode.INVALID_DEFAULT,
            v.range(),
            JsonPointer.append("/variables", m.key()),
            "The default of variable \""
                + m.key()
                + "\" is "
                + v.kindName()
                + ", but Packer variables are strings"
                + (v instanceof DocScalar s
                    ? ". Quote it: \"" + s.text() + "\"."
                    : ". Encode the value as a string (for example as JSON text)."));
      }
    }
    return out;
  }

  /**
   * Reports every number in {@code node} that Packer's JSON reader cannot hold ({@code 1e999}, or
   * YAML's {@code .inf}), as {@link ValueEvaluator#number} reports one in a value it evaluates, and
   * says whether there was any. Walked without recursion: a default may be nested deeply.
   */
  private boolean unreadableNumbers(DocNode node, Place place) {
    boolean found = false;
    Deque<Map.Entry<DocNode, Place>> todo = new ArrayDeque<>();
    todo.push(Map.entry(node, place));
    while (!todo.isEmpty()) {
      Map.Entry<DocNode, Place> e = todo.pop();
      DocNode n = e.getKey();
      if (n instanceof DocScalar s) {
        if (s.type() == DocScalar.Type.NUMBER && values.number(s, e.getValue()).isEmpty()) {
          found = true;
        }
      } else if (n instanceof DocObject o) {
        List<DocMember> ms = o.members();
        for (int i = ms.size() - 1; i >= 0; i--) {
          todo.push(Map.entry(ms.get(i).value(), e.getValue().member(ms.get(i).key())));
        }
      } else if (n instanceof DocArray a) {
        List<DocNode> items = a.items();
        for (int i = items.size() - 1; i >= 0; i--) {
          todo.push(Map.entry(items.get(i), e.getValue().item(i)));
        }
      }
    }
    return found;
  }

  private void checkSensitiveDeclared(Set<String> sensitive, List<DocMember> declared) {
    DocMember m = keys.get("sensitive-variables");
    if (m == null || !(m.value() instanceof DocArray list)) {
      return;
    }
    List<String> names = new ArrayList<>(declared.size());
    for (DocMember d : declared) {
      names.add(d.key());
    }
    for (int i = 0; i < list.items().size(); i++) {
      DocNode item = list.items().get(i);
      Optional<String> name = DocScalar.stringValue(item);
      if (name.isEmpty() || names.contains(name.get())) {
        continue;
      }
      String suggestion = Suggestions.closest(name.get(), names);
      reporter.add(
          LegacyCode.UNKNOWN_SENSITIVE_VARIABLE,
          item.range(),
          JsonPointer.append("/sensitive-variables", i),
          "\"sensitive-variables\" lists \""
              + name.get()
              + "\", but no variable of that name is declared in \"variables\"."
              + (suggestion != null ? " Did you mean \"" + suggestion + "\"?" : "")
              + " Packer ignores it; a value given to it with --var is still marked sensitive"
              + " here.");
    }
  }

  private VariableResolver resolver(List<DocMember> declared, Set<String> sensitive) {
    Map<String, VariableResolver.Candidate> candidates = new LinkedHashMap<>();
    for (DocMember m : declared) {
      Range declaration = m.keyRange();
      // No Optional.map: C1 (bulk runs) makes the capturing lambda through a method handle.
      String def = DocScalar.stringValue(m.value()).orElse(null);
      StringSite site =
          def == null
              ? null
              : StringSite.member(file, m.value().range(), def, yaml, "/variables", m.key());
      boolean isNull = m.value() instanceof DocScalar s && s.type() == DocScalar.Type.NULL;
      // A default that is not a string was reported; the variable is then unknown, not unset.
      candidates.put(
          m.key(),
          new VariableResolver.Candidate(
              m.key(), site, isNull ? ValueSource.UNSET : ValueSource.DEFAULT, declaration));
    }
    for (SourceFile varFile : options.varFiles()) {
      for (StringSite site : varFileValues(varFile)) {
        String name = nameOf(site);
        VariableResolver.Candidate old = candidates.get(name);
        candidates.put(
            name,
            new VariableResolver.Candidate(
                name, site, ValueSource.VAR_FILE, old != null ? old.declaration() : null));
      }
    }
    for (LegacyOptions.Var v : options.vars()) {
      // Named as the HCL2 front end names a settings value; a --var keeps its own words.
      SourceFile pseudo =
          SourceFile.ofValues(
              v.fromSettings()
                  ? "<value for " + v.name() + " from the settings file>"
                  : "--var " + v.name(),
              v.value());
      StringSite site = new StringSite(pseudo, pseudo.whole(), v.value(), false, true, null);
      // No Optional.map: C1 (bulk runs) makes the capturing lambda through a method handle.
      Related origin =
          v.at().isPresent()
              ? new Related(
                  v.at().get(), "the settings file gives the value of \"" + v.name() + "\" here")
              : null;
      VariableResolver.Candidate old = candidates.get(v.name());
      candidates.put(
          v.name(),
          new VariableResolver.Candidate(
              v.name(),
              site,
              ValueSource.COMMAND_LINE,
              old != null ? old.declaration() : null,
              origin));
    }
    // A variable the template does not declare but a var file or --var gives (Packer reads it
    // with {{user `…`}} all the same) is a credential by its name as a declared one is.
    Set<String> secret = sensitive;
    for (String name : candidates.keySet()) {
      if (!secret.contains(name) && Credentials.holdsSecret(name)) {
        if (secret == sensitive) {
          secret = new LinkedHashSet<>(sensitive);
        }
        secret.add(name);
      }
    }
    return new VariableResolver(new ArrayList<>(candidates.values()), secret, evaluator, reporter);
  }

  private static String nameOf(StringSite site) {
    String p = site.pointer();
    return p.substring(1).replace("~1", "/").replace("~0", "~");
  }

  /**
   * The string values of a var file, reporting what Packer would refuse. Packer reads a legacy
   * template's var files as JSON whatever their names, so neither YAML (which a template may be
   * written in here) nor an HCL2 template's {@code .pkrvars.hcl} is read.
   */
  private List<StringSite> varFileValues(SourceFile varFile) {
    List<StringSite> out = new ArrayList<>();
    int first = DocReader.firstSignificant(varFile.text());
    char start = first < 0 ? ' ' : varFile.text().charAt(first);
    String name = varFile.name().toLowerCase(Locale.ROOT);
    boolean hcl = name.endsWith(".hcl");
    if (hcl || (first >= 0 && start != '{' && start != '[' && !jsonScalar(varFile, first))) {
      varFileFailed = true;
      // One message, not the JSON reader's "unexpected character": such a file is most often an
      // HCL2 template's var file given to a legacy one (while migrating), or YAML. The example
      // holds no text a var file is likely to hold: a message about the file's first line has that
      // line's values masked wherever they stand, the example's words too.
      reporter.add(
          LegacyCode.INVALID_VAR_FILE,
          varFile.range(first, first + 1),
          null,
          "This var file is not JSON"
              + (hcl
                  ? " but HCL"
                  : name.endsWith(".yaml") || name.endsWith(".yml") ? " but YAML" : "")
              + ", and Packer reads the var files of a legacy JSON template as JSON only: an"
              + " object of variable names and string values, such as {\"NAME\": \"VALUE\"}."
              + " A .pkrvars.hcl file gives values to an HCL2 template (.pkr.hcl); for this"
              + " template, write the values as JSON in a .json file, or give them with --var"
              + " NAME=VALUE.");
      return out;
    }
    ParseResult parsed = JsonReader.read(varFile);
    reporter.addAll(parsed.diagnostics());
    if (parsed.hasErrors()) {
      varFileFailed = true;
    }
    if (parsed.documents().isEmpty()) {
      return out;
    }
    boolean varYaml = false; // read as JSON, always
    DocNode doc = parsed.documents().get(0);
    if (!(doc instanceof DocObject o)) {
      reporter.add(
          LegacyCode.INVALID_VAR_FILE,
          doc.range(),
          "",
          "A variable file must be an object of variable names and string values, such as"
              + " {\"NAME\": \"VALUE\"}, but this is "
              + doc.kindName()
              + ".");
      varFileFailed = true;
      return out;
    }
    for (DocMember m : o.members()) {
      String pointer = JsonPointer.append("", m.key());
      Optional<String> s = DocScalar.stringValue(m.value());
      if (s.isEmpty()
          && m.value() instanceof DocScalar nothing
          && nothing.type() == DocScalar.Type.NULL) {
        // Packer decodes the file into strings, where null is the empty string.
        s = Optional.of("");
      }
      if (s.isEmpty()) {
        varFileFailed = true;
        reporter.add(
            LegacyCode.INVALID_VAR_FILE,
            m.value().range(),
            pointer,
            "The value of \""
                + m.key()
                + "\" is "
                + m.value().kindName()
                + ", but Packer variables are strings"
                // The value is not quoted: a var file's values are masked in messages (any may
                // be a secret), and "Quote it: \"***\"" told the user nothing.
                + (m.value() instanceof DocScalar
                    ? ": write it in double quotes, as a string."
                    : "."));
        continue;
      }
      out.add(new StringSite(varFile, m.value().range(), s.get(), varYaml, false, pointer));
    }
    return out;
  }

  /**
   * Whether a JSON scalar (a string, number, {@code true}, {@code false}, {@code null}) starts at
   * {@code at}.
   */
  private static boolean jsonScalar(SourceFile file, int at) {
    String t = file.text();
    char c = t.charAt(at);
    if (c == '"' || c == '-' || (c >= '0' && c <= '9')) {
      return true;
    }
    for (String word : List.of("true", "false", "null")) {
      int end = at + word.length();
      if (t.startsWith(word, at)
          && (end == t.length() || !Character.isLetterOrDigit(t.charAt(end)))) {
        return true;
      }
    }
    return false;
  }

  private List<Variable> variables(
      List<DocMember> declared, VariableResolver resolver, Set<String> sensitive) {
    List<Variable> out = new ArrayList<>();
    for (DocMember m : declared) {
      VariableResolver.Candidate c = resolver.candidate(m.key());
      // A var file with errors may have given it (Packer stops at the file's errors).
      if (c.source() == ValueSource.UNSET && !varFileFailed) {
        if (options.unsetVariablesAllowed()) {
          reporter.add(
              LegacyCode.REQUIRED_VARIABLE_UNKNOWN,
              m.keyRange(),
              JsonPointer.append("/variables", m.key()),
              "The variable \""
                  + m.key()
                  + "\" is required (its default is null) and no value was given, so it is shown"
                  + " as \"<unknown>\", and so is every value computed from it. Converting the"
                  + " template needs a value: pass it with --var "
                  + m.key()
                  + "=VALUE or in a --var-file.");
        } else {
          reporter.add(
              LegacyCode.REQUIRED_VARIABLE,
              m.keyRange(),
              JsonPointer.append("/variables", m.key()),
              "The variable \""
                  + m.key()
                  + "\" is required (its default is null), but no value was given. Pass it with"
                  + " --var "
                  + m.key()
                  + "=VALUE or in a --var-file.");
        }
      }
      Value value = resolver.value(m.key()).orElseThrow();
      Optional<Range> valueRange =
          c.site() == null || c.site().verbatim()
              ? Optional.empty()
              : Optional.ofNullable(c.site().range());
      out.add(
          new Variable(
              m.key(),
              Optional.empty(),
              value,
              sensitive.contains(m.key()),
              Optional.empty(),
              c.source(),
              m.keyRange().to(m.value().range()),
              valueRange,
              value.containsSensitive() ? resolver.secretsRead(m.key()) : List.of()));
    }
    // A credential-named variable the template does not declare but a var file or --var gives is
    // secret by its name (see resolver): it is listed too, so that what looks for secret texts
    // (the mapper's refusals and last scan of the output, the masking of messages) finds its value.
    Set<String> listed = new HashSet<>();
    for (DocMember m : declared) {
      listed.add(m.key());
    }
    for (String name : resolver.names()) {
      VariableResolver.Candidate c = resolver.candidate(name);
      if (listed.contains(name) || !Credentials.holdsSecret(name) || c.site() == null) {
        continue;
      }
      out.add(
          new Variable(
              name,
              Optional.empty(),
              resolver.value(name).orElseThrow(),
              false,
              Optional.empty(),
              c.source(),
              c.site().range(),
              Optional.empty()));
    }
    return out;
  }

  // ------------------------------------------------------------------ builders

  private void readBuilders() {
    Optional<DocMember> m = member("builders");
    if (m.isEmpty()) {
      reporter.add(
          LegacyCode.NO_BUILDERS,
          file.range(root.range().startOffset(), root.range().startOffset() + 1),
          "",
          "A template needs at least one builder: add a \"builders\" array with a builder object,"
              + " such as {\"type\": \"azure-arm\", …}.");
      return;
    }
    Optional<DocArray> list = shapes.array(m.get().value(), "/builders", "\"builders\"");
    if (list.isEmpty()) {
      return;
    }
    if (list.get().items().isEmpty()) {
      reporter.add(
          LegacyCode.NO_BUILDERS,
          list.get().range(),
          "/builders",
          "A template needs at least one builder, but \"builders\" is empty. Add a builder"
              + " object, such as {\"type\": \"azure-arm\", …}.");
    }
    for (int i = 0; i < list.get().items().size(); i++) {
      builder(list.get().items().get(i), JsonPointer.append("/builders", i), i + 1)
          .ifPresent(this::addBuilder);
    }
  }

  private Optional<RawBuilder> builder(DocNode node, String pointer, int number) {
    Optional<DocObject> o = shapes.object(node, pointer, "Builder " + number);
    if (o.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> type = type(o.get(), pointer, "Builder " + number);
    if (type.isEmpty()) {
      return Optional.empty();
    }
    Optional<DocMember> nameMember = o.get().member("name");
    String rawName = type.get();
    Range nameRange = o.get().member("type").get().value().range();
    String name = rawName;
    if (nameMember.isPresent()) {
      Optional<String> n =
          shapes.weakString(
              nameMember.get().value(), pointer + "/name", "A builder's \"name\"", yaml);
      if (n.isPresent() && !n.get().isEmpty()) {
        rawName = n.get();
        nameRange = nameMember.get().value().range();
        // Packer interpolates build names with the user variables.
        int reportedFrom = reporter.size();
        Value v =
            values.scalarString(
                (DocScalar) nameMember.get().value(),
                rawName,
                pointer + "/name",
                Scope.builderName());
        Value u = v.unmarked();
        if (u.isKnown() && !v.isSensitive()) {
          name = u.asString();
        } else {
          // The raw text would name the image template and stand in for build_name, silently: an
          // error (reported here unless the evaluation reported one). The builder keeps its raw
          // name for the model, never converted, which only, except and override still find.
          name = rawName;
          // An unknown name comes from a variable without a value: for convert that is an error
          // already (LEGACY-E010, or the var file's that may have given it), whose fix fixes this
          // too; for inspect only a note, so the name needs its own error.
          boolean alreadyFails =
              !v.isSensitive() && !options.unsetVariablesAllowed() && reporter.hasErrors();
          if (!reporter.hasErrorsSince(reportedFrom) && !alreadyFails) {
            reporter.add(
                LegacyCode.INVALID_BUILDER_NAME,
                nameRange,
                pointer + "/name",
                v.isSensitive()
                    ? "The name of this builder comes from a sensitive value (not shown), and a"
                        + " builder's name is shown in the result (the image template's name,"
                        + " build_name), so it cannot be converted. Take the name from values that"
                        + " are not sensitive."
                    : unknownNameDetail());
          }
        }
      }
    }
    return Optional.of(new RawBuilder(type.get(), rawName, name, o.get(), pointer, nameRange));
  }

  /**
   * Why a builder's name is unknown when its evaluation reported nothing: it uses a variable left
   * without a value (reported where it is declared), as {@code PKR-E018} says of an HCL2 build's.
   */
  private String unknownNameDetail() {
    List<String> names = new ArrayList<>(unsetVariables);
    String origin =
        names.isEmpty()
            ? "a value that is not known while converting"
            : names.size() == 1
                ? "the variable without a value, \"" + names.get(0) + "\""
                : "one of the variables without a value (" + String.join(", ", names) + ")";
    return "The name of this builder depends on "
        + origin
        + ", but Packer needs it while reading the template. "
        + (names.isEmpty()
            ? "Write a name known in advance."
            : "Give the variable a value (--var NAME=VALUE or a --var-file).");
  }

  private void addBuilder(RawBuilder b) {
    RawBuilder first = builders.get(b.rawName());
    if (first != null) {
      reporter.add(
          LegacyCode.DUPLICATE_BUILDER,
          b.nameRange(),
          b.pointer(),
          "A builder named \""
              + b.rawName()
              + "\" was already defined at "
              + first.nameRange()
              + ". Each builder needs its own name: set \"name\" on one of them.",
          new Related(first.nameRange(), "first defined here"));
      return;
    }
    builders.put(b.rawName(), b);
    int mark = reporter.size();
    Config config =
        values.config(
            b.object(),
            b.pointer(),
            Set.of("type", "name"),
            Scope.builder(new BuildTarget(b.name(), b.type())));
    sources.put(b.rawName(), new Source(b.type(), b.name(), config, b.object().range()));
    if (!keeps(List.of(new BuildTarget(b.name(), b.type())))) {
      leftOut(mark, b.object().range(), b.pointer(), "the builder " + b.rawName());
    }
  }

  // ------------------------------------------------------------------ what --only leaves out

  /**
   * Whether the selection keeps one of {@code targets} (the builders a builder's, provisioner's or
   * post-processor's settings are read for), matched by the names the mapper matches its usage by
   * ({@link UsageSelection#names}: {@code type.name} and the name); true when there are none, as a
   * provisioner whose only names no builder is not a matter of the selection.
   */
  private boolean keeps(List<BuildTarget> targets) {
    if (selection.isAll() || targets.isEmpty()) {
      return true;
    }
    for (BuildTarget t : targets) {
      if (selection.selects(List.of(t.type() + "." + t.name(), t.name()))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Drops what reading settings that only left-out builders use reported since {@code mark} (Packer
   * 1.6.6: packer validate -only=lin accepts an unknown template function in a left-out builder,
   * and in a provisioner that runs only for it), and notes at {@code at} the errors among it, by
   * the summary and place of the first (a detail may quote a value); {@code leftOut} says what the
   * selection leaves out ("the builder web").
   *
   * <p>A number Packer cannot read (LEGACY-E019) stays: Packer's JSON reader refuses the whole
   * template at it before -only/-except select anything ("cannot unmarshal number 1e999 into Go
   * value of type float64" whatever -only says), so no run accepts that template.
   */
  private void leftOut(int mark, Range at, String pointer, String leftOut) {
    leftOut(mark, at, pointer, leftOut, false);
  }

  /**
   * {@link #leftOut}; {@code skipped}: a post-processor --except skips, whose body Packer does not
   * read at all ({@link #skippedByExcept}).
   */
  private void leftOut(int mark, Range at, String pointer, String leftOut, boolean skipped) {
    List<Diagnostic> errors = new ArrayList<>();
    String unreadable = LegacyCode.INVALID_NUMBER.id();
    reporter.removeIf(
        mark,
        d -> {
          if (d.code().equals(unreadable)) {
            return false;
          }
          if (d.isError()) {
            errors.add(d);
          }
          return true;
        });
    if (errors.isEmpty()) {
      return;
    }
    Diagnostic first = errors.stream().min(Diagnostics.ORDER).orElseThrow();
    String place = first.subject().map(r -> " at " + r).orElse("");
    reporter.add(
        LegacyCode.LEFT_OUT_NOT_CHECKED,
        at,
        pointer,
        "--only/--except leave out "
            + leftOut
            + (skipped
                ? ". Packer skips such a post-processor without preparing its settings"
                : ". Packer prepares such settings only for the builds it runs")
            + ", so they were not checked here and do not fail this run, but they have "
            + (errors.size() == 1
                ? "an error (" + first.summary() + place + ")"
                : errors.size() + " errors (the first: " + first.summary() + place + ")")
            + " that a run including them would report: fix "
            + (errors.size() == 1 ? "it" : "them")
            + " before you build or convert them.");
  }

  /** The required, non-empty {@code type} of a builder, provisioner or post-processor. */
  private Optional<String> type(DocObject o, String pointer, String what) {
    return Optional.ofNullable(
        type(o, o.member("type").orElse(null), Place.of(pointer), new Label(what, 0)));
  }

  /**
   * The same, given the {@code type} member (null when there is none); null when the type is
   * missing or invalid (reported). Pointers and labels are spelled out only for a report.
   */
  private String type(DocObject o, DocMember t, Place where, Label label) {
    if (t == null || Shapes.isNull(t.value())) { // a null type is none, as Packer reads it
      String what = label.toString();
      reporter.add(
          LegacyCode.MISSING_TYPE,
          o.range(),
          where.pointer(),
          what + " has no \"type\". Add one, such as \"type\": \"" + exampleType(what) + "\".");
      return null;
    }
    String s = DocScalar.stringValue(t.value()).orElse(null);
    if (s == null) {
      shapes.string(t.value(), where.pointer() + "/type", "\"type\"");
      return null;
    }
    if (s.isEmpty()) {
      String what = label.toString();
      reporter.add(
          LegacyCode.MISSING_TYPE,
          t.value().range(),
          where.pointer() + "/type",
          what + " has an empty \"type\". Name the plugin, such as \"" + exampleType(what) + "\".");
      return null;
    }
    return s;
  }

  private static String exampleType(String what) {
    if (what.startsWith("Builder")) {
      return "azure-arm";
    }
    return what.startsWith("Post-processor") ? "manifest" : "shell";
  }

  // ------------------------------------------------------------------ only / except

  /**
   * Reads and checks {@code only} and {@code except}; returns the builders the object runs for, and
   * their references in the two lists.
   */
  private Targets targets(
      DocMember onlyMember, DocMember exceptMember, Place where, boolean singleAllowed) {
    if (onlyMember == null && exceptMember == null) {
      return everyBuilder();
    }
    String pointer = where.pointer();
    List<Shapes.Named> only = targetList(onlyMember, pointer, singleAllowed);
    List<Shapes.Named> except = targetList(exceptMember, pointer, singleAllowed);
    if (!only.isEmpty() && !except.isEmpty()) {
      reporter.add(
          LegacyCode.ONLY_AND_EXCEPT,
          exceptMember.keyRange(),
          pointer + "/except",
          "Only one of \"only\" and \"except\" may be given. Keep the one that names fewer"
              + " builders.",
          new Related(onlyMember.keyRange(), "\"only\" is given here"));
    }
    List<String> onlyRefs = references(only);
    List<String> exceptRefs = references(except);
    List<BuildTarget> targets = new ArrayList<>();
    for (RawBuilder b : builders.values()) {
      boolean skip = !only.isEmpty() ? !names(only, b.rawName()) : names(except, b.rawName());
      if (!skip) {
        targets.add(new BuildTarget(b.name(), b.type()));
      }
    }
    return new Targets(targets, onlyRefs, exceptRefs);
  }

  /**
   * The targets of an object without {@code only} and {@code except} (most objects): every builder.
   * Made once, when the first such object is read (the builders are all read by then), and shared,
   * with the scope of provisioners that run for them ({@link #everyBuilderScope}).
   */
  private Targets everyBuilder() {
    if (everyBuilder == null) {
      List<BuildTarget> targets = new ArrayList<>();
      for (RawBuilder b : builders.values()) {
        targets.add(new BuildTarget(b.name(), b.type()));
      }
      everyBuilder = new Targets(List.copyOf(targets), List.of(), List.of());
      everyBuilderScope = new Scope(Section.PROVISIONER, everyBuilder.builders());
    }
    return everyBuilder;
  }

  private Targets everyBuilder;
  private Scope everyBuilderScope;

  /** The scope of a provisioner that runs for {@code targets}. */
  private Scope provisionerScope(Targets targets) {
    return targets == everyBuilder
        ? everyBuilderScope
        : new Scope(Section.PROVISIONER, targets.builders());
  }

  /**
   * The names in {@code only} or {@code except}; empty when the key is absent (most objects, so the
   * pointer is built only when the key is there).
   */
  private List<Shapes.Named> targetList(DocMember m, String pointer, boolean singleAllowed) {
    if (m == null) {
      return List.of();
    }
    String key = m.key();
    return shapes.strings(m.value(), pointer + "/" + key, "\"" + key + "\"", singleAllowed);
  }

  /** Whether one of the names is {@code name}. */
  private static boolean names(List<Shapes.Named> names, String name) {
    for (Shapes.Named n : names) {
      if (n.value().equals(name)) {
        return true;
      }
    }
    return false;
  }

  private record Targets(List<BuildTarget> builders, List<String> only, List<String> except) {}

  /** Builder names as usage references ({@code type.name}); unknown names are reported. */
  private List<String> references(List<Shapes.Named> names) {
    List<String> out = new ArrayList<>();
    for (Shapes.Named n : names) {
      Optional<RawBuilder> b = knownBuilder(n.value(), n.node().range(), n.pointer());
      b.ifPresent(x -> out.add(sources.get(x.rawName()).reference()));
    }
    return out;
  }

  private Optional<RawBuilder> knownBuilder(String name, Range at, String pointer) {
    RawBuilder b = builders.get(name);
    if (b != null) {
      return Optional.of(b);
    }
    List<String> known = new ArrayList<>(builders.keySet());
    String suggestion = Suggestions.closest(name, known);
    reporter.add(
        LegacyCode.UNKNOWN_BUILDER,
        at,
        pointer,
        "There is no builder named \""
            + name
            + "\"."
            + (suggestion != null
                ? " Did you mean \"" + suggestion + "\"?"
                : known.isEmpty() ? "" : " The builders are " + String.join(", ", known) + ".")
            + " A builder's name is its \"name\", else its \"type\".");
    return Optional.empty();
  }

  // ------------------------------------------------------------------ provisioners

  private List<Provisioner> provisioners() {
    List<Provisioner> out = new ArrayList<>();
    Optional<DocArray> list =
        member("provisioners")
            .flatMap(m -> shapes.fieldArray(m.value(), "/provisioners", "\"provisioners\""));
    if (list.isEmpty()) {
      return out;
    }
    List<DocNode> items = list.get().items();
    Place places = Place.of("/provisioners");
    for (int i = 0; i < items.size(); i++) {
      Provisioner p = provisioner(items.get(i), places.item(i), new Label("Provisioner ", i + 1));
      if (p != null) {
        out.add(p);
      }
    }
    return out;
  }

  /**
   * What a message calls an object ("Provisioner 3"), spelled out only when there is a problem to
   * report: most objects have none, and C1 (bulk runs) concatenates through a method handle.
   */
  private record Label(String prefix, int number) {
    @Override
    public String toString() {
      return number > 0 ? prefix + number : prefix;
    }
  }

  /**
   * The members of a provisioner that are not settings (type, only, except, override, pause_before,
   * timeout, max_retries), and its settings, found in one pass over its members (C1 code scanned
   * the members once per key before). Keys are unique; the first one counts anyway, as {@link
   * DocObject#member} finds it, and a repeated one is no setting either.
   */
  private static final class ProvisionerMembers {
    DocMember type;
    DocMember only;
    DocMember except;
    DocMember override;
    DocMember pauseBefore;
    DocMember timeout;
    DocMember maxRetries;

    /** The other members, except comments ({@code _…}): the provisioner's settings. */
    final List<DocMember> settings;

    ProvisionerMembers(DocObject o) {
      List<DocMember> members = o.members();
      settings = new ArrayList<>(members.size());
      for (int i = 0; i < members.size(); i++) {
        DocMember m = members.get(i);
        switch (m.key()) {
          case "type":
            type = type != null ? type : m;
            break;
          case "only":
            only = only != null ? only : m;
            break;
          case "except":
            except = except != null ? except : m;
            break;
          case "override":
            override = override != null ? override : m;
            break;
          case "pause_before":
            pauseBefore = pauseBefore != null ? pauseBefore : m;
            break;
          case "timeout":
            timeout = timeout != null ? timeout : m;
            break;
          case "max_retries":
            maxRetries = maxRetries != null ? maxRetries : m;
            break;
          default:
            if (!m.key().startsWith("_")) {
              settings.add(m);
            }
            break;
        }
      }
    }
  }

  /** The provisioner, or null when it has no valid type or is not an object (reported). */
  private Provisioner provisioner(DocNode node, Place where, Label what) {
    if (!(node instanceof DocObject obj)) {
      shapes.object(node, where.pointer(), what.toString());
      return null;
    }
    ProvisionerMembers members = new ProvisionerMembers(obj);
    String type = type(obj, members.type, where, what);
    Targets targets = targets(members.only, members.except, where, true);
    Scope scope = provisionerScope(targets);
    Map<String, Config> override = override(members.override, where);
    Optional<Setting> pauseBefore = duration(members.pauseBefore, where);
    Optional<Setting> timeout = duration(members.timeout, where);
    Optional<Setting> maxRetries = maxRetries(members.maxRetries, where, scope);
    int reportedFrom = reporter.size();
    Config config = values.config(obj, members.settings, where, scope);
    if (type == null) {
      return null;
    }
    Map<String, Config> byBuilder = byBuilder(obj, members.settings, where, scope, reportedFrom);
    if (!keeps(targets.builders())) {
      leftOut(
          reportedFrom,
          obj.range(),
          where.pointer(),
          "every builder this "
              + type
              + (where.pointer().startsWith("/error-cleanup-provisioner")
                  ? " error-cleanup-provisioner"
                  : " provisioner")
              + " runs for");
    }
    return new Provisioner(
        type,
        Optional.empty(),
        config,
        targets.only(),
        targets.except(),
        override,
        pauseBefore,
        maxRetries,
        timeout,
        obj.range(),
        Set.of(),
        byBuilder);
  }

  /**
   * A provisioner's settings evaluated for each builder it runs for (by {@code type.name}, the
   * reference of the builder's usage), when {@code build_name} or {@code build_type} had one value
   * per builder in them (the note GOTPL-N101 since {@code reportedFrom}, left unknown): Packer
   * renders a provisioner for each build, so each builder's gets its own name (checked with Packer
   * 1.6.6: two null builders one and two ran {@code echo {{build_name}} {{build_type}}} as "one
   * null" and "two null"). The note is dropped then, and what the evaluations report again is
   * reported once. Empty otherwise, as nearly always.
   */
  private Map<String, Config> byBuilder(
      DocObject obj, List<DocMember> settings, Place where, Scope scope, int reportedFrom) {
    if (scope.targets().size() < 2) {
      return Map.of();
    }
    String perBuilder = GoTemplateCode.BUILD_NAME_PER_BUILDER.id();
    if (!reporter.removeIf(reportedFrom, d -> d.code().equals(perBuilder))) {
      return Map.of();
    }
    Set<Diagnostic> reported = new HashSet<>();
    reporter.removeIf(reportedFrom, d -> !reported.add(d));
    Map<String, Config> configs = new LinkedHashMap<>();
    for (BuildTarget t : scope.targets()) {
      int before = reporter.size();
      Scope one = new Scope(scope.section(), List.of(t));
      configs.put(t.type() + "." + t.name(), values.config(obj, settings, where, one));
      reporter.removeIf(before, d -> !reported.add(d));
      if (!keeps(List.of(t))) {
        // Read for this builder alone, as Packer renders it for each build it runs.
        leftOut(
            before,
            obj.range(),
            where.pointer(),
            t.name() + ", for which this provisioner's settings are read with its own build_name");
      }
    }
    return configs;
  }

  private Map<String, Config> override(DocMember m, Place where) {
    if (m == null) {
      return Map.of(); // most provisioners: the record's copy of an empty LinkedHashMap cost
    }
    String pointer = where.pointer();
    Map<String, Config> out = new LinkedHashMap<>();
    if (m.value() instanceof DocArray a && a.items().isEmpty()) {
      return out; // Packer's weak decoding takes an empty array for an empty map
    }
    Optional<DocObject> o = shapes.object(m.value(), pointer + "/override", "\"override\"");
    if (o.isEmpty()) {
      return out;
    }
    for (DocMember entry : o.get().members()) {
      String p = JsonPointer.append(pointer + "/override", entry.key());
      Optional<RawBuilder> b = knownBuilder(entry.key(), entry.keyRange(), p);
      Optional<DocObject> body =
          shapes.object(entry.value(), p, "The override for \"" + entry.key() + "\"");
      if (b.isEmpty() || body.isEmpty()) {
        continue;
      }
      Scope scope =
          new Scope(Section.PROVISIONER, List.of(new BuildTarget(b.get().name(), b.get().type())));
      out.put(b.get().name(), values.config(body.get(), p, Set.of(), scope));
    }
    return out;
  }

  /** {@code pause_before} / {@code timeout}: Go durations, read as written (not interpolated). */
  private Optional<Setting> duration(DocMember m, Place where) {
    if (m == null) {
      return Optional.empty();
    }
    String key = m.key();
    DocNode v = m.value();
    Value value;
    if (v instanceof DocScalar s && s.type() == DocScalar.Type.STRING) {
      if (!GoDurations.isValid(s.text())) {
        reporter.add(
            LegacyCode.INVALID_DURATION,
            s.range(),
            where.pointer() + "/" + key,
            "\""
                + s.text()
                + "\" is not a duration. Write a number with a unit, such as \"30s\", \"5m\" or"
                + " \"1h30m\".");
      }
      value = Value.verbatim(s.text());
    } else if (v instanceof DocScalar s && s.type() == DocScalar.Type.NUMBER) {
      // Packer's weak decoding reads a number as nanoseconds.
      Optional<BigFloat> n = values.number(s, where.member(key));
      if (n.isEmpty()) {
        return Optional.empty();
      }
      value = Value.number(n.get());
    } else {
      if (!Shapes.isNull(v)) { // null: not set, as Packer's decoder takes it
        shapes.wrongType(
            v,
            where.pointer() + "/" + key,
            "\"" + key + "\" must be a duration string such as \"30s\"");
      }
      return Optional.empty();
    }
    return Optional.of(new Setting(key, value, m.keyRange(), v.range()));
  }

  /** {@code max_retries}: interpolated, then it must be an integer. */
  private Optional<Setting> maxRetries(DocMember m, Place where, Scope scope) {
    if (m == null) {
      return Optional.empty();
    }
    DocNode v = m.value();
    Place place = where.member("max_retries");
    Value value;
    if (v instanceof DocScalar s && s.type() == DocScalar.Type.STRING) {
      value = values.scalarString(s, s.text(), place, scope);
      Value u = value.unmarked();
      if (u.isKnown() && !u.asString().matches("[-+]?[0-9]+")) {
        reporter.add(
            LegacyCode.INVALID_MAX_RETRIES,
            s.range(),
            place.pointer(),
            "\"max_retries\" must be a whole number, such as 3"
                + (value.isSensitive() ? "." : ", but it is \"" + u.asString() + "\"."));
      }
    } else if (v instanceof DocScalar s && s.type() == DocScalar.Type.NUMBER) {
      Optional<BigFloat> n = values.number(s, place);
      if (n.isEmpty()) {
        return Optional.empty();
      }
      if (!n.get().isInteger()) {
        reporter.add(
            LegacyCode.INVALID_MAX_RETRIES,
            s.range(),
            place.pointer(),
            "\"max_retries\" must be a whole number, such as 3, but it is " + s.text() + ".");
      }
      value = Value.number(n.get());
    } else {
      if (!Shapes.isNull(v)) {
        shapes.wrongType(v, place.pointer(), "\"max_retries\" must be a whole number");
      }
      return Optional.empty();
    }
    return Optional.of(new Setting("max_retries", value, m.keyRange(), v.range()));
  }

  // ------------------------------------------------------------------ post-processors

  private List<List<PostProcessor>> postProcessors() {
    List<List<PostProcessor>> chains = new ArrayList<>();
    Optional<DocArray> list =
        member("post-processors")
            .flatMap(m -> shapes.fieldArray(m.value(), "/post-processors", "\"post-processors\""));
    if (list.isEmpty()) {
      return chains;
    }
    for (int i = 0; i < list.get().items().size(); i++) {
      DocNode item = list.get().items().get(i);
      String pointer = JsonPointer.append("/post-processors", i);
      List<PostProcessor> chain = new ArrayList<>();
      Set<BuildTarget> skipped = new HashSet<>();
      if (item instanceof DocArray a) {
        for (int j = 0; j < a.items().size(); j++) {
          DocNode inner = a.items().get(j);
          String p = JsonPointer.append(pointer, j);
          String label = "Post-processor " + (i + 1) + "." + (j + 1);
          if (inner instanceof DocArray) {
            reporter.add(
                LegacyCode.INVALID_POST_PROCESSOR,
                inner.range(),
                p,
                label
                    + " is an array inside a chain, but a chain cannot hold another chain. Write"
                    + " its post-processors directly in the outer array.");
          } else {
            postProcessor(inner, p, label, skipped).ifPresent(chain::add);
          }
        }
      } else {
        postProcessor(item, pointer, "Post-processor " + (i + 1), skipped).ifPresent(chain::add);
      }
      if (!chain.isEmpty()) {
        chains.add(chain);
      }
    }
    return chains;
  }

  /**
   * A post-processor of a chain; {@code skippedInChain}: the builders for which --except skipped an
   * earlier one of the chain ({@link #skippedByExcept}), added to here.
   */
  private Optional<PostProcessor> postProcessor(
      DocNode node, String pointer, String label, Set<BuildTarget> skippedInChain) {
    if (node instanceof DocScalar s && s.asString().isPresent()) {
      String type = s.asString().get();
      if (type.isEmpty()) {
        reporter.add(
            LegacyCode.MISSING_TYPE,
            s.range(),
            pointer,
            label + " is an empty string. Name the post-processor, such as \"manifest\".");
        return Optional.empty();
      }
      // No settings to hold, but it ends its chain as well when --except names it.
      skippedByExcept(selection.except().contains(type), everyBuilder().builders(), skippedInChain);
      return Optional.of(
          new PostProcessor(
              type, Optional.empty(), Config.empty(s.range()), List.of(), List.of(), s.range()));
    }
    if (!(node instanceof DocObject obj)) {
      reporter.add(
          LegacyCode.INVALID_POST_PROCESSOR,
          node.range(),
          pointer,
          label
              + " is "
              + node.kindName()
              + ", but a post-processor is a type name (\"manifest\"), an object with a \"type\","
              + " or an array of those (a chain).");
      return Optional.empty();
    }
    Optional<String> type = type(obj, pointer, label);
    Optional<String> name =
        obj.member("name")
            .flatMap(m -> shapes.fieldString(m.value(), pointer + "/name", "\"name\""));
    Targets targets =
        targets(
            obj.member("only").orElse(null),
            obj.member("except").orElse(null),
            Place.of(pointer),
            false);
    Scope scope = new Scope(Section.POST_PROCESSOR, targets.builders());
    int mark = reporter.size();
    Config config = values.config(obj, pointer, POST_PROCESSOR_KEYS, scope);
    if (type.isEmpty()) {
      return Optional.empty();
    }
    // Packer's -except names a post-processor by its name, the type when it has none, exactly.
    boolean excepted = selection.except().contains(name.orElse(type.get()));
    List<BuildTarget> reading = skippedByExcept(excepted, targets.builders(), skippedInChain);
    if (reading.isEmpty() && !targets.builders().isEmpty()) {
      leftOut(
          mark,
          obj.range(),
          pointer,
          "the "
              + type.get()
              + " post-processor, "
              + (excepted
                  ? "which --except names (and the rest of its chain)"
                  : "after one --except names in its chain"),
          true);
    } else if (!keeps(reading)) {
      leftOut(
          mark,
          obj.range(),
          pointer,
          "every builder this " + type.get() + " post-processor runs for");
    }
    return Optional.of(
        new PostProcessor(type.get(), name, config, targets.only(), targets.except(), obj.range()));
  }

  /**
   * The builders among {@code targets} for which Packer prepares a post-processor, which {@code
   * excepted} says --except names: Packer 1.6.6 skips a post-processor whose name (its type when it
   * has none) an -except value is, exactly (no glob here), and every later one of its chain, for
   * each build, without preparing its settings (checked: packer validate -except=manifest accepts
   * an unknown template function in a manifest post-processor, and in a checksum one after it in
   * its chain; -except=manif* does not). A post-processor's own only/except come first: one that
   * does not run for a builder does not stop the chain there. {@code skippedInChain} gets the
   * builders skipped from here on.
   */
  private static List<BuildTarget> skippedByExcept(
      boolean excepted, List<BuildTarget> targets, Set<BuildTarget> skippedInChain) {
    if (excepted) {
      skippedInChain.addAll(targets);
      return List.of();
    }
    if (skippedInChain.isEmpty()) {
      return targets;
    }
    List<BuildTarget> reading = new ArrayList<>(targets.size());
    for (BuildTarget t : targets) {
      if (!skippedInChain.contains(t)) {
        reading.add(t);
      }
    }
    return reading;
  }

  // ------------------------------------------------------------------ settings

  private Optional<PackerSettings> packerSettings() {
    Optional<DocMember> m = member("min_packer_version");
    if (m.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> v =
        shapes.string(m.get().value(), "/min_packer_version", "\"min_packer_version\"");
    if (v.isEmpty()) {
      return Optional.empty();
    }
    if (!PackerVersions.isVersion(v.get())) {
      reporter.add(
          LegacyCode.INVALID_VERSION,
          m.get().value().range(),
          "/min_packer_version",
          "\"" + v.get() + "\" is not a version number. Write a version such as \"1.6.0\".");
    }
    return Optional.of(
        new PackerSettings(v, List.of(), m.get().keyRange().to(m.get().value().range())));
  }
}
