package io.github.packer2aib.core.legacy.template;

import static io.github.packer2aib.core.legacy.template.TemplateFunction.Kind.INT;
import static io.github.packer2aib.core.legacy.template.TemplateFunction.Kind.STRING;

import io.github.packer2aib.core.hcl.function.FunctionException;
import io.github.packer2aib.core.hcl.function.HclFunction;
import io.github.packer2aib.core.hcl.value.Mark;
import io.github.packer2aib.core.hcl.value.Type;
import io.github.packer2aib.core.hcl.value.Value;
import io.github.packer2aib.core.legacy.template.TemplateFunction.Failure;
import io.github.packer2aib.core.legacy.template.TemplateFunction.Kind;
import io.github.packer2aib.core.packer.Credentials;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The functions of Packer's legacy template language (packer-plugin-sdk {@code
 * template/interpolate/funcs.go}, plus the builders' {@code clean_resource_name}), and the
 * decisions a converter makes differently from Packer:
 *
 * <ul>
 *   <li>{@code timestamp}, {@code isotime}, {@code strftime} read the run's frozen clock (UTC).
 *   <li>{@code uuid} has Packer's time-ordered shape (8 hex digits of the Unix time, then 24 more)
 *       but the 24 digits come from the run's deterministic UUID sequence instead of random bytes.
 *   <li>{@code build} values ({@code {{ build `Password` }}}) exist only while Packer builds: they
 *       are unknown strings.
 *   <li>{@code build_name}/{@code build_type} in a provisioner or post-processor that runs for
 *       several builders have one value per builder: unknown, with a note (the template reader then
 *       evaluates a provisioner again for each builder, and drops the note).
 *   <li>{@code consul_key}, {@code vault}, {@code aws_secretsmanager}, {@code
 *       aws_secretsmanager_raw} are not called (no secrets, no network at conversion time): in the
 *       variables section, the only place Packer allows them, each gives an unknown, sensitive
 *       string; elsewhere they fail, as in Packer.
 *   <li>Go's built-in template functions ({@code printf}, {@code len}, …) are not evaluated.
 * </ul>
 */
final class TemplateFunctions {
  private TemplateFunctions() {}

  private static final SortedMap<String, TemplateFunction> FUNCTIONS = new TreeMap<>();

  /** Go's {@code text/template} built-ins, which Packer templates can call but we refuse. */
  static final Set<String> GO_BUILTINS =
      Set.of(
          "and",
          "call",
          "html",
          "index",
          "slice",
          "js",
          "len",
          "not",
          "or",
          "print",
          "printf",
          "println",
          "urlquery",
          "eq",
          "ge",
          "gt",
          "le",
          "lt",
          "ne");

  /**
   * Functions that read a secret over the network, each with Packer's message when it is called
   * outside the variables section (packer-plugin-sdk {@code interpolate/funcs.go}).
   */
  static final SortedMap<String, String> SECRET_READERS = new TreeMap<>();

  static {
    SECRET_READERS.put("consul_key", "consul_key is not allowed here");
    SECRET_READERS.put("vault", "Vault vars are only allowed in the variables section");
    SECRET_READERS.put(
        "aws_secretsmanager", "AWS Secrets Manager is only allowed in the variables section");
    SECRET_READERS.put(
        "aws_secretsmanager_raw", "AWS Secrets Manager is only allowed in the variables section");

    define("user", List.of(STRING), TemplateFunctions::user);
    define("env", List.of(STRING), TemplateFunctions::env);
    define(
        "timestamp",
        List.of(),
        (a, c) ->
            Value.verbatim(Long.toString(c.environment().clock().now().getEpochSecond()))
                .mark(Mark.FROZEN));
    FUNCTIONS.put(
        "isotime",
        new TemplateFunction(
            "isotime", List.of(), Optional.of(STRING), (a, c) -> isotime(a, c).mark(Mark.FROZEN)));
    // The clock and the random generator are read once per conversion: mark what comes of them.
    define("strftime", List.of(STRING), (a, c) -> strftime(a, c).mark(Mark.FROZEN));
    define("uuid", List.of(), (a, c) -> uuid(a, c).mark(Mark.FROZEN));
    define("split", List.of(STRING, STRING, INT), TemplateFunctions::split);
    define(
        "replace",
        List.of(STRING, STRING, INT, STRING),
        (a, c) ->
            Value.verbatim(
                GoStrings.replace(
                    a.get(3).asString(),
                    a.get(0).asString(),
                    a.get(1).asString(),
                    a.get(2).asNumber().toBigDecimal().longValue())));
    define(
        "replace_all",
        List.of(STRING, STRING, STRING),
        (a, c) ->
            Value.verbatim(
                GoStrings.replace(
                    a.get(2).asString(), a.get(0).asString(), a.get(1).asString(), -1)));
    define(
        "lower", List.of(STRING), (a, c) -> Value.verbatim(GoStrings.lower(a.get(0).asString())));
    define(
        "upper", List.of(STRING), (a, c) -> Value.verbatim(GoStrings.upper(a.get(0).asString())));
    define("clean_resource_name", List.of(STRING), TemplateFunctions::cleanResourceName);
    define("template_dir", List.of(), TemplateFunctions::templateDir);
    define("pwd", List.of(), (a, c) -> Value.verbatim(c.environment().workingDir()));
    define("build_name", List.of(), (a, c) -> buildValue(c, "build_name", true));
    define("build_type", List.of(), (a, c) -> buildValue(c, "build_type", false));
    define(
        "packer_version",
        List.of(),
        (a, c) ->
            c.environment()
                .packerVersion()
                .<Value>map(Value::string)
                .orElse(Value.unknown(Type.STRING)));
    define("build", List.of(STRING), TemplateFunctions::build);
    define(
        "sed",
        List.of(STRING, STRING),
        (a, c) -> {
          throw new Failure(
              GoTemplateCode.DEPRECATED_FUNCTION,
              -1,
              "The sed function was removed from Packer's template language. Use replace or"
                  + " replace_all instead, e.g. {{ replace_all \"old\" \"new\" (user `var`) }}");
        });
    for (String name : SECRET_READERS.keySet()) {
      FUNCTIONS.put(
          name,
          new TemplateFunction(name, List.of(), Optional.of(STRING), (a, c) -> secret(name, c)));
    }
  }

  /**
   * The functions for {@link #find}; written after the static block above, which fills FUNCTIONS.
   */
  private static final Map<String, TemplateFunction> BY_NAME = new HashMap<>(FUNCTIONS);

  private static void define(String name, List<Kind> params, TemplateFunction.Body body) {
    FUNCTIONS.put(name, new TemplateFunction(name, params, Optional.empty(), body));
  }

  static Optional<TemplateFunction> lookup(String name) {
    return Optional.ofNullable(FUNCTIONS.get(name));
  }

  /**
   * The function named {@code name}, or null: a hash lookup, once per call (the sorted map compares
   * names along its path, and C1 code pays for every comparison).
   */
  static TemplateFunction find(String name) {
    return BY_NAME.get(name);
  }

  /**
   * Whether a call gives the same value for the same arguments within one conversion: all but
   * {@code uuid}, which reads the next random UUID (the clock is frozen for the run).
   */
  static boolean isRepeatable(TemplateFunction f) {
    return !f.name().equals("uuid");
  }

  /** Every Packer function name, for suggestions. */
  static List<String> names() {
    return new ArrayList<>(FUNCTIONS.keySet());
  }

  /**
   * Functions that fail whatever their arguments, or whose failure outside the variables section
   * must be told also for unknown ones ({@code user} reads): not given an unknown result instead.
   */
  static boolean isRefusedOrDeprecated(String name) {
    return SECRET_READERS.containsKey(name) || name.equals("sed");
  }

  /**
   * {@code vault}, {@code consul_key}, {@code aws_secretsmanager}, {@code aws_secretsmanager_raw}:
   * as Packer, only in the default values of {@code variables}, where the call is not made (no
   * secrets, no network at conversion time) and gives an unknown, sensitive string, as in an HCL2
   * template: a variable that only feeds a credential the mapper drops ({@code client_secret})
   * converts, and one that reaches the output is refused (PKRMAP-E107, which names the call).
   */
  private static Value secret(String name, TemplateFunction.Call c) throws Failure {
    if (!c.variables().available() || c.scope().section() != Section.VARIABLES) {
      throw new Failure(
          GoTemplateCode.REFUSED_FUNCTION,
          -1,
          "The secret functions can only be used in the default values of \"variables\"; Packer"
              + " refuses them elsewhere (\""
              + SECRET_READERS.get(name)
              + "\"). Read the secret in a variable's default and use {{ user `name` }} here, or"
              + " better, have a step fetch it on the build VM");
    }
    return UNKNOWN_SECRET;
  }

  /** What a call of a secret reader gives ({@link #secret}). */
  private static final Value UNKNOWN_SECRET = Value.unknown(Type.STRING).mark(Mark.SENSITIVE);

  // ------------------------------------------------------------------ bodies

  /** Said instead of a name that came from a sensitive value. */
  private static final String NAME_NOT_SHOWN =
      " (the name given comes from a sensitive value, which is not shown)";

  private static Value user(List<Value> a, TemplateFunction.Call c) throws Failure {
    String name = a.get(0).asString();
    if (!c.variables().available()) {
      // An HCL2 template upgraded by hcl2_upgrade keeps {{user `x`}} inside strings; Packer fails
      // on it, and the fix is the HCL2 reference.
      throw new Failure(
          GoTemplateCode.NOT_AVAILABLE,
          -1,
          "user has no variables to read in an HCL2 template: Packer gives its plugins none, so"
              + " the build fails with \"error calling user\". Refer to the variable with ${var."
              + (c.sensitive() ? "NAME" : name)
              + "} instead");
    }
    Value v = c.variables().valueOrNull(name);
    if (v != null) {
      return v;
    }
    if (c.sensitive()) {
      // No suggestion either: the closest declared name would hint at the secret.
      throw new Failure(
          GoTemplateCode.UNDEFINED_VARIABLE,
          0,
          "The variable's name comes from a sensitive value, which is not shown, and no variable"
              + " has that name. Declare it in \"variables\" or pass it with --var NAME=VALUE, or"
              + " look up a variable whose name is not secret");
    }
    String suggestion = Suggestions.closest(name, c.variables().names());
    throw new Failure(
        GoTemplateCode.UNDEFINED_VARIABLE,
        0,
        "There is no variable named \""
            + name
            + "\"."
            + (suggestion != null ? " Did you mean \"" + suggestion + "\"?" : "")
            + " Declare it in \"variables\" or pass it with --var "
            + name
            + "=VALUE"
            + (c.scope().section() == Section.VARIABLES
                ? ""
                // A deliberate difference: a template with holes converts to a wrong image.
                : " (Packer would read it as an empty string, which is seldom what is meant, so the"
                    + " conversion stops here)"));
  }

  private static Value templateDir(List<Value> a, TemplateFunction.Call c) throws Failure {
    if (!c.variables().available()) {
      // HCL2 gives its plugins no packer_template_path (only the build's name and type), so the
      // plugin's template_dir fails whatever the template: the HCL2 form is path.root.
      throw new Failure(
          GoTemplateCode.NOT_AVAILABLE,
          -1,
          "template_dir has no template path to give in an HCL2 template: Packer gives its"
              + " plugins none, so the build fails with \"error calling template_dir: template"
              + " path not available\". Write ${path.root} instead");
    }
    return Value.verbatim(c.environment().templateDir());
  }

  private static Value env(List<Value> a, TemplateFunction.Call c) throws Failure {
    if (!c.variables().available()) {
      // An HCL2 plugin body: the way out is HCL's own env() in a variable's default.
      throw new Failure(
          GoTemplateCode.ENV_NOT_ALLOWED,
          -1,
          "The env function is not allowed here; Packer refuses it in an HCL2 template's"
              + " plugin settings (\"env vars are not allowed here\"). Declare a variable whose"
              + " default is env(\""
              + (c.sensitive() ? "NAME" : a.get(0).asString())
              + "\") and refer to it with ${var.name}"
              + (c.sensitive() ? NAME_NOT_SHOWN : ""));
    }
    if (c.scope().section() != Section.VARIABLES) {
      throw new Failure(
          GoTemplateCode.ENV_NOT_ALLOWED,
          -1,
          "The env function can only be used in the default values of \"variables\"; Packer"
              + " refuses it elsewhere. Declare a variable whose default is {{ env `"
              + (c.sensitive() ? "NAME" : a.get(0).asString())
              + "` }} and use {{ user `name` }} here"
              + (c.sensitive() ? NAME_NOT_SHOWN : ""));
    }
    String name = a.get(0).asString();
    Optional<String> value = c.environment().environmentVariable(name);
    // Only the name: the value may be a secret (ARM_CLIENT_SECRET is the classic one).
    c.notes()
        .add(
            GoTemplateCode.ENVIRONMENT_READ,
            "The environment variable "
                + (c.sensitive() ? "named by a sensitive value (the name is not shown)" : name)
                + (value.isPresent() ? " was read" : " is not set, so it read as \"\"")
                + " when this template was converted; the converted template holds the result,"
                + " so convert again in an environment like the build's, or give the value itself"
                // Not "with --var": the call may stand in a --var value or a var file already.
                + " instead of reading it from the environment (with --var NAME=VALUE for a"
                + " variable whose default reads it).");
    Value read = Value.verbatim(value.orElse(""));
    return Credentials.environmentHoldsSecret(name) ? read.mark(Mark.SENSITIVE) : read;
  }

  /** Go's layout constants: templates cannot name them, so their names are read as layouts. */
  private static final java.util.Map<String, String> LAYOUT_CONSTANTS =
      java.util.Map.ofEntries(
          java.util.Map.entry("ANSIC", "Mon Jan _2 15:04:05 2006"),
          java.util.Map.entry("UnixDate", "Mon Jan _2 15:04:05 MST 2006"),
          java.util.Map.entry("RubyDate", "Mon Jan 02 15:04:05 -0700 2006"),
          java.util.Map.entry("RFC822", "02 Jan 06 15:04 MST"),
          java.util.Map.entry("RFC822Z", "02 Jan 06 15:04 -0700"),
          java.util.Map.entry("RFC850", "Monday, 02-Jan-06 15:04:05 MST"),
          java.util.Map.entry("RFC1123", "Mon, 02 Jan 2006 15:04:05 MST"),
          java.util.Map.entry("RFC1123Z", "Mon, 02 Jan 2006 15:04:05 -0700"),
          java.util.Map.entry("RFC3339", "2006-01-02T15:04:05Z07:00"),
          java.util.Map.entry("RFC3339Nano", "2006-01-02T15:04:05.999999999Z07:00"),
          java.util.Map.entry("Kitchen", "3:04PM"),
          java.util.Map.entry("Stamp", "Jan _2 15:04:05"),
          java.util.Map.entry("StampMilli", "Jan _2 15:04:05.000"),
          java.util.Map.entry("StampMicro", "Jan _2 15:04:05.000000"),
          java.util.Map.entry("StampNano", "Jan _2 15:04:05.000000000"),
          java.util.Map.entry("DateTime", "2006-01-02 15:04:05"),
          java.util.Map.entry("DateOnly", "2006-01-02"),
          java.util.Map.entry("TimeOnly", "15:04:05"));

  private static Value isotime(List<Value> a, TemplateFunction.Call c) throws Failure {
    if (a.size() > 1) {
      throw new Failure(
          GoTemplateCode.CALL_FAILED,
          1,
          "isotime takes at most one layout, but " + a.size() + " were given");
    }
    Value result = hcl(c, "legacy_isotime", a);
    if (a.size() == 1 && LAYOUT_CONSTANTS.containsKey(a.get(0).asString())) {
      String name = a.get(0).asString();
      c.notes()
          .add(
              GoTemplateCode.LAYOUT_CONSTANT_NAME,
              "\""
                  + name
                  + "\" is the name of a Go layout constant, which templates cannot use: Packer"
                  + " reads the letters themselves as a layout and prints \""
                  + result.unmarked().asString()
                  + "\". Write the layout instead: {{ isotime \""
                  + LAYOUT_CONSTANTS.get(name)
                  + "\" }}.");
    }
    return result;
  }

  /** jehiah/go-strftime, as HCL's {@code legacy_strftime} (Packer uses the library for both). */
  private static Value strftime(List<Value> a, TemplateFunction.Call c) throws Failure {
    return Value.verbatim(
        hcl(c, "legacy_strftime", List.of(Value.verbatim(a.get(0).asString())))
            .unmarked()
            .asString());
  }

  private static Value uuid(List<Value> a, TemplateFunction.Call c) {
    return Value.verbatim(c.environment().clock().nextTimeOrderedUuid());
  }

  private static Value split(List<Value> a, TemplateFunction.Call c) throws Failure {
    String s = a.get(0).asString();
    String sep = a.get(1).asString();
    long i = a.get(2).asNumber().toBigDecimal().longValue();
    List<String> parts = GoStrings.split(s, sep);
    if (i < 0) {
      throw new Failure(
          GoTemplateCode.CALL_FAILED, 2, "The index " + i + " is negative; the first part is 0");
    }
    if (i >= parts.size()) {
      throw new Failure(
          GoTemplateCode.CALL_FAILED,
          2,
          "Part "
              + i
              + " does not exist: splitting at \""
              + sep
              + "\" gives "
              + parts.size()
              + (parts.size() == 1 ? " part" : " parts")
              + " (the first is 0)");
    }
    return Value.verbatim(parts.get((int) i));
  }

  private static Value cleanResourceName(List<Value> a, TemplateFunction.Call c) throws Failure {
    if (c.scope().section() != Section.BUILDER) {
      throw new Failure(
          GoTemplateCode.NOT_AVAILABLE,
          -1,
          "clean_resource_name is defined by the builders, so it can only be used in a"
              + " builder's settings");
    }
    if (c.scope().isBuilderName()) {
      throw new Failure(
          GoTemplateCode.NOT_AVAILABLE,
          -1,
          "clean_resource_name cannot be used in a builder's name, which is read before the"
              + " builder itself");
    }
    String type = c.scope().targets().get(0).type();
    GoStrings.CleanRule rule = GoStrings.CleanRule.forBuilderType(type);
    if (rule == null) {
      rule = GoStrings.CleanRule.AZURE;
      c.notes()
          .add(
              GoTemplateCode.CLEAN_NAME_RULE_GUESSED,
              "packer2aib knows clean_resource_name only for the azure-*, amazon-* and"
                  + " googlecompute builders; for the \""
                  + type
                  + "\" builder it applied the Azure rule (letters, digits, \".\", \"_\" and"
                  + " \"-\"). Check the result, or write the name without the function.");
    }
    return Value.verbatim(GoStrings.cleanResourceName(a.get(0).asString(), rule));
  }

  private static Value buildValue(TemplateFunction.Call c, String function, boolean name)
      throws Failure {
    List<BuildTarget> targets = c.scope().targets();
    if (c.scope().isBuilderName()) {
      // Packer renders builder names before any build exists (Core.init, with a context that has
      // no build name or type): "build_name not available", checked with Packer 1.6.6.
      throw new Failure(
          GoTemplateCode.NOT_AVAILABLE,
          -1,
          function
              + " is not available in a builder's name, which Packer reads before the builder"
              + " exists (\""
              + function
              + " not available\"). Write the name itself, such as \"ubuntu-azure-arm\"");
    }
    if (targets.isEmpty() && c.scope().section() != Section.VARIABLES) {
      // A provisioner whose "except" leaves no builder (or whose "only" names none, reported
      // where it does) runs for no build, so Packer never renders it: no value, and no error.
      return Value.unknown(Type.STRING);
    }
    if (c.scope().section() == Section.VARIABLES) {
      throw new Failure(
          GoTemplateCode.NOT_AVAILABLE,
          -1,
          function
              + " is only available in builders, provisioners and post-processors: there is no"
              + " build here");
    }
    boolean sameType = targets.stream().map(BuildTarget::type).distinct().count() == 1;
    if (!name && sameType) {
      return Value.verbatim(targets.get(0).type());
    }
    boolean sameName = targets.stream().map(BuildTarget::name).distinct().count() == 1;
    if (targets.size() > 1 && !(name && sameName)) {
      String names =
          targets.stream()
              .map(BuildTarget::name)
              .collect(java.util.stream.Collectors.joining(", "));
      c.notes()
          .add(
              GoTemplateCode.BUILD_NAME_PER_BUILDER,
              function
                  + " has a different value for each builder this runs for ("
                  + names
                  + "), so the value is left unknown. Restrict it with \"only\" to one builder,"
                  + " or set it in an \"override\" per builder.");
      return Value.unknown(Type.STRING);
    }
    BuildTarget t = targets.get(0);
    return Value.verbatim(name ? t.name() : t.type());
  }

  private static Value build(List<Value> a, TemplateFunction.Call c) throws Failure {
    if (c.scope().section() == Section.VARIABLES || c.scope().isBuilderName()) {
      // A builder's name too: Packer renders it before any build (1.6.6: "Error validating build
      // variable").
      throw new Failure(
          GoTemplateCode.NOT_AVAILABLE,
          -1,
          "build values such as {{ build `"
              + (c.sensitive() ? "ID" : a.get(0).asString())
              + "` }} exist only while Packer builds, so "
              + (c.scope().isBuilderName() ? "a builder's name" : "variables")
              + " cannot use them"
              + (c.sensitive() ? NAME_NOT_SHOWN : ""));
    }
    return Value.unknown(Type.STRING);
  }

  /** Calls the HCL side's implementation of a clock function. */
  private static Value hcl(TemplateFunction.Call c, String name, List<Value> args) throws Failure {
    HclFunction f =
        c.environment()
            .hclFunctions()
            .lookup(name)
            .orElseThrow(() -> new IllegalStateException("no HCL function " + name));
    try {
      return f.call(args);
    } catch (FunctionException e) {
      throw new Failure(GoTemplateCode.CALL_FAILED, e.argIndex(), e.message());
    }
  }
}
