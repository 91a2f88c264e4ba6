package io.github.packer2aib.core.mapping.packer;

import io.github.packer2aib.core.diag.Excerpts;
import io.github.packer2aib.core.diag.TextSearch;
import io.github.packer2aib.core.packer.Credentials;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A provisioner's environment ({@code environment_vars} as {@code K=V} strings, {@code env} as a
 * map, which wins on duplicates), sorted by name as Packer sorts them. Image Builder has no
 * environment setting, so the variables become assignments at the top of the step (mapping decision
 * 7).
 */
final class EnvVars {
  private EnvVars() {}

  /** Packer's own variables, set when a step refers to them. */
  static final List<String> PACKER_VARIABLES = List.of("PACKER_BUILD_NAME", "PACKER_BUILDER_TYPE");

  /** What every name of {@link #PACKER_VARIABLES} starts with. */
  static final String PACKER_PREFIX = "PACKER_BUILD";

  /** A search for {@link #PACKER_PREFIX}; it holds nothing that changes, so threads share it. */
  private static final TextSearch PACKER_PREFIX_SEARCH = new TextSearch(PACKER_PREFIX);

  /**
   * The environment, sorted by name; an empty map that must not be changed when there is none (most
   * steps have none, and the callers only read it).
   */
  static Map<String, String> read(Prov pr, String destination) {
    Map<String, String> out = null;
    Optional<List<String>> list = pr.f.strings("environment_vars", destination);
    if (list.isPresent()) {
      out = new TreeMap<>();
      for (String kv : list.get()) {
        int eq = kv.indexOf('=');
        if (eq <= 0) {
          pr.report()
              .add(
                  PackerMapCode.INVALID_VALUE,
                  pr.f.take("environment_vars").get().valueRange(),
                  "Each entry of environment_vars must have the form NAME=value, but one is \""
                      + (eq == 0 ? kv : Excerpts.cut(kv, 40))
                      + "\". Fix the entry.");
          continue;
        }
        String name = kv.substring(0, eq);
        String value = kv.substring(eq + 1);
        if (fits(pr, "environment_vars", name, value)
            && !holdsCredential(pr, "environment_vars", name, value, destination)) {
          TemplateFields.checkVariable(pr, "environment_vars", name, value);
          out.put(name, value);
        }
      }
    }
    Optional<Map<String, String>> env = pr.f.stringMap("env", destination);
    if (env.isPresent()) {
      if (out == null) {
        out = new TreeMap<>();
      }
      for (Map.Entry<String, String> e : env.get().entrySet()) {
        if (fits(pr, "env", e.getKey(), e.getValue())
            && !holdsCredential(pr, "env", e.getKey(), e.getValue(), destination)) {
          TemplateFields.checkVariable(pr, "env", e.getKey(), e.getValue());
          out.put(e.getKey(), e.getValue());
        }
      }
    }
    return out == null ? Map.of() : out;
  }

  /** Whether a variable's value can be exported by the step's script (no NUL), reported if not. */
  private static boolean fits(Prov pr, String field, String name, String value) {
    return UnfitCharacters.scriptTextFits(
        pr,
        "The value of " + name,
        value,
        pr.f.take(field).get().valueRange(),
        "Remove the character from the value.");
  }

  /**
   * Whether the variable {@code name} is named as a credential (ADMIN_PASSWORD, SAS_TOKEN) and set
   * to a value written in the template, reported if so: set in the step, the secret would be in the
   * image template for anyone who can read it. The mapper refuses values of sensitive variables
   * before they come here; this catches a literal, or a variable neither declared sensitive nor
   * named as a credential, by the name the value is given to. An empty value, or one that only
   * names a shell variable ({@code $TOKEN}: Packer quotes values, so the step gets those
   * characters), holds no secret.
   */
  private static boolean holdsCredential(
      Prov pr, String field, String name, String value, String destination) {
    if (value.isEmpty() || !Credentials.environmentHoldsSecret(name) || namesVariable(value)) {
      return false;
    }
    pr.report()
        .add(
            PackerMapCode.SENSITIVE_VALUE,
            pr.f.take(field).get().valueRange(),
            "The environment variable "
                + name
                + " is named as a credential, and the value the template gives it would be written"
                + " to "
                + destination
                + ", where anyone who can read the image template sees it; it was left out. Keep"
                + " secrets out of what Image Builder stores and runs: the step can fetch it on the"
                + " build VM (for instance from Key Vault with the VM's identity). A value that is"
                + " no secret (a placeholder) can be set by a command of the step instead.");
    return true;
  }

  /**
   * Whether {@code value} only names a variable of the step's shell: {@code $NAME}, {@code ${NAME}}
   * or PowerShell's {@code $env:NAME}.
   */
  private static boolean namesVariable(String value) {
    String inner;
    if (value.startsWith("${") && value.endsWith("}")) {
      inner = value.substring(2, value.length() - 1);
    } else if (value.regionMatches(true, 0, "$env:", 0, 5)) {
      inner = value.substring(5);
    } else if (value.startsWith("$")) {
      inner = value.substring(1);
    } else {
      return false;
    }
    return ShellText.isName(inner);
  }

  /**
   * Adds Packer's own variables that {@code text} refers to. The map given is read, never changed;
   * when nothing is added it is given back as it is (the callers only read it).
   */
  static Map<String, String> withPackerVariables(Map<String, String> env, Prov pr, String text) {
    if (!PACKER_PREFIX_SEARCH.occursIn(text)) {
      return env; // one scan of the (often long) script text instead of one per name
    }
    Map<String, String> out = new TreeMap<>(env);
    for (String name : PACKER_VARIABLES) {
      if (text.contains(name) && !out.containsKey(name)) {
        // The source's label, not a build-level source block's name: Packer 1.6.6 printed b for
        // source "null.b" { name = "renamed" } (builderVariables() sets source.Name), as {{
        // build_name }} gives. A legacy builder's name is both.
        out.put(
            name,
            name.equals("PACKER_BUILD_NAME")
                ? pr.u.usage.source().name()
                : pr.u.usage.source().type());
      }
    }
    return out;
  }

  /**
   * {@link #withPackerVariables(Map, Prov, String)} of the lines joined by line breaks, which are
   * joined only when one of them names a variable (no name spans a line break): every inline step
   * comes here, and most name none.
   */
  static Map<String, String> withPackerVariables(
      Map<String, String> env, Prov pr, List<String> lines) {
    for (String line : lines) {
      if (PACKER_PREFIX_SEARCH.occursIn(line)) {
        return withPackerVariables(env, pr, String.join("\n", lines));
      }
    }
    return env;
  }

  /** {@code export K='V'} lines; names a shell cannot export are reported. */
  static List<String> exports(Map<String, String> env, Prov pr) {
    if (env.isEmpty()) {
      return List.of(); // no iterator over nothing (C1 code)
    }
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, String> e : env.entrySet()) {
      if (!ShellText.isName(e.getKey())) {
        pr.report()
            .add(
                PackerMapCode.INVALID_VALUE,
                pr.f.nameRange(pr.f.has("env") ? "env" : "environment_vars"),
                "The environment variable name \""
                    + e.getKey()
                    + "\" cannot be exported by a shell (names are letters, digits and '_', not"
                    + " starting with a digit). Rename it.");
        continue;
      }
      out.add("export " + e.getKey() + "=" + ShellText.exportValue(e.getValue()));
    }
    return out;
  }

  /** {@code $env:K = 'V'} lines. */
  static List<String> powerShell(Map<String, String> env) {
    return powerShell(env, false);
  }

  /**
   * {@code $env:K = 'V'} lines for a {@code windows-shell} step, whose values are expanded as
   * {@code cmd.exe} expands them: Packer sets them with {@code set K=V && …} on the command line it
   * runs the batch file with, where {@code %PATH%} is the VM's PATH ({@code PATH=%PATH%;C:\tools}
   * appends to it). Set as written, PATH became the text {@code %PATH%;…} and the batch file found
   * no program. cmd expands the whole line before any {@code set} runs, so every value is expanded
   * first, then assigned; an undefined name stays as written, as on cmd's command line ({@code
   * ExpandEnvironmentVariables} does the same).
   */
  static List<String> cmdExpanded(Map<String, String> env) {
    return powerShell(env, true);
  }

  private static List<String> powerShell(Map<String, String> env, boolean expand) {
    if (env.isEmpty()) {
      return List.of(); // no iterator over nothing (C1 code)
    }
    List<String> out = new ArrayList<>();
    List<String> assignments = new ArrayList<>();
    int expanded = 0;
    for (Map.Entry<String, String> e : env.entrySet()) {
      String value = PowerShellText.quote(e.getValue());
      if (expand && e.getValue().indexOf('%') >= 0) {
        String name = "$packer2aibEnv" + ++expanded;
        out.add(name + " = [Environment]::ExpandEnvironmentVariables(" + value + ")");
        value = name;
      }
      if (PowerShellText.isName(e.getKey())) {
        assignments.add("$env:" + e.getKey() + " = " + value);
      } else {
        assignments.add(
            "[Environment]::SetEnvironmentVariable("
                + PowerShellText.quote(e.getKey())
                + ", "
                + value
                + ", 'Process')");
      }
    }
    out.addAll(assignments);
    return out;
  }

  /** The note that says the environment became part of the step. */
  static void note(Prov pr, Map<String, String> env, String form) {
    if (env.isEmpty()) {
      return;
    }
    boolean hasEnv = pr.f.has("env"); // asked once: every step with an environment comes here
    boolean declared = hasEnv || pr.f.has("environment_vars");
    pr.report()
        .add(
            PackerMapCode.ENVIRONMENT_SET,
            declared ? pr.f.nameRange(hasEnv ? "env" : "environment_vars") : pr.range(),
            Words.concat(
                "Image Builder has no environment setting, so ",
                Words.andQuoted(env.keySet()),
                env.size() > 1 ? " are set by " : " is set by ",
                form,
                " at the top of the step; the values are visible to anyone who can read the"
                    + " template."));
  }
}
