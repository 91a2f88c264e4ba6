package io.github.packer2aib.core.mapping.packer;

import io.github.packer2aib.core.diag.Excerpts;
import io.github.packer2aib.core.diag.TextSearch;
import io.github.packer2aib.core.packer.Credentials;
import io.github.packer2aib.core.source.Range;
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
   * One variable as the template sets it: its name, its value, and where its entry is written (the
   * element of {@code environment_vars}, or the key of {@code env}), so that a message about it
   * points there rather than at the whole list.
   */
  record Entry(String name, String value, Range at) {}

  /**
   * The environment, sorted by name; an empty map that must not be changed when there is none (most
   * steps have none, and the callers only read it).
   */
  static Map<String, String> read(Prov pr, String destination) {
    return map(entries(pr, destination, false));
  }

  /**
   * The entries as a map sorted by name, a later entry of a name winning ({@code env} over {@code
   * environment_vars}, as in Packer); an empty map that must not be changed when there is none.
   */
  static Map<String, String> map(List<Entry> entries) {
    if (entries.isEmpty()) {
      return Map.of();
    }
    Map<String, String> out = new TreeMap<>();
    for (int i = 0; i < entries.size(); i++) { // by index: no iterator (C1 code)
      out.put(entries.get(i).name(), entries.get(i).value());
    }
    return out;
  }

  /**
   * The environment as {@link #read} gives it, and where each variable of it is set ({@link
   * #where}).
   */
  record Read(Map<String, String> env, Map<String, Range> where) {}

  /** {@link #read} with where each variable is set. */
  static Read readLocated(Prov pr, String destination) {
    List<Entry> entries = entries(pr, destination, false);
    return new Read(map(entries), where(entries));
  }

  /**
   * Where each variable of {@code entries} is set (its entry of {@code environment_vars}, or its
   * key of {@code env}), a later entry of a name winning as in {@link #map}; empty (and
   * unchangeable) when there is none.
   */
  static Map<String, Range> where(List<Entry> entries) {
    if (entries.isEmpty()) {
      return Map.of();
    }
    Map<String, Range> out = new java.util.HashMap<>();
    for (int i = 0; i < entries.size(); i++) { // by index: no iterator (C1 code)
      if (entries.get(i).at() != null) {
        out.put(entries.get(i).name(), entries.get(i).at());
      }
    }
    return out;
  }

  /**
   * {@code step} with the lines that set the variables {@code names} (one line each, in this order,
   * from its command {@code first}) located where each is set ({@code where}): a message about one
   * of them (RULE-W329 for a credential in its value) then points at its entry of {@code
   * environment_vars}, its key of {@code env} or {@code execute_command}, not at the step's first
   * command. Packer's own variables have no place and keep the step's.
   */
  static Step locating(Step step, Iterable<String> names, Map<String, Range> where, int first) {
    if (where.isEmpty()) {
      return step;
    }
    Step out = step;
    int k = first;
    for (String name : names) {
      out = out.with("/inline/" + k++, where.get(name));
    }
    return out;
  }

  /**
   * The entries of {@code environment_vars}, then those of {@code env} (which win on duplicates
   * when put into a map in this order), each checked where it is written: an entry that is not
   * {@code NAME=value}, a value that holds a NUL or a credential, and, with {@code shellNames}, a
   * name a shell cannot export ({@code export A B=1} fails, as Packer's {@code A B='1' …} command
   * line does), are reported at the entry and left out. Empty (and unchangeable) when there is
   * none.
   */
  static List<Entry> entries(Prov pr, String destination, boolean shellNames) {
    List<Entry> out = null;
    Optional<List<String>> list = pr.f.strings("environment_vars", destination);
    if (list.isPresent()) {
      out = new ArrayList<>();
      Field field = pr.f.take("environment_vars").get();
      List<String> kvs = list.get();
      for (int i = 0; i < kvs.size(); i++) {
        String kv = kvs.get(i);
        Range at = TemplateFields.element(field, i, kvs.size());
        int eq = kv.indexOf('=');
        if (eq <= 0) {
          pr.report()
              .add(
                  PackerMapCode.INVALID_VALUE,
                  at,
                  "Each entry of environment_vars must have the form NAME=value, but one is \""
                      + (eq == 0 ? kv : Excerpts.cut(kv, 40))
                      + "\". Fix the entry.");
          continue;
        }
        String name = kv.substring(0, eq);
        String value = kv.substring(eq + 1);
        if (fits(pr, name, value, at, shellNames)
            && !holdsCredential(pr, name, value, destination, at)
            && !TemplateFields.checkVariable(pr, "environment_vars", name, value, at)) {
          out.add(new Entry(name, value, at));
        }
      }
    }
    Optional<Map<String, String>> env = pr.f.stringMap("env", destination);
    if (env.isPresent()) {
      if (out == null) {
        out = new ArrayList<>();
      }
      for (Map.Entry<String, String> e : env.get().entrySet()) {
        Range at = pr.f.memberRange("env", e.getKey());
        if (fits(pr, e.getKey(), e.getValue(), at, shellNames)
            && !holdsCredential(pr, e.getKey(), e.getValue(), destination, at)
            && !TemplateFields.checkVariable(pr, "env", e.getKey(), e.getValue(), at)) {
          out.add(new Entry(e.getKey(), e.getValue(), at));
        }
      }
    }
    return out == null ? List.of() : out;
  }

  /**
   * Whether a variable can be set by the step's script, reported at {@code at} if not: its value
   * holds no NUL, and with {@code shellNames} its name is one a shell can export.
   */
  private static boolean fits(Prov pr, String name, String value, Range at, boolean shellNames) {
    if (shellNames && !ShellText.isName(name)) {
      pr.report()
          .add(
              PackerMapCode.INVALID_VALUE,
              at,
              "The environment variable name \""
                  + name
                  + "\" cannot be exported by a shell (names are letters, digits and '_', not"
                  + " starting with a digit). Rename it.");
      return false;
    }
    return UnfitCharacters.scriptTextFits(
        pr, "The value of " + name, value, at, "Remove the character from the value.");
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
      Prov pr, String name, String value, String destination, Range at) {
    if (!namedCredential(name, value)) {
      return false;
    }
    refuseCredential(pr, "The environment variable " + name, destination, at);
    return true;
  }

  /**
   * Whether the variable {@code name}, set to {@code value} in the template, is named as a
   * credential and given one ({@link #holdsCredential}): a value that is empty or names a variable
   * of the step's shell alone is none.
   */
  static boolean namedCredential(String name, String value) {
    return !value.isEmpty() && Credentials.environmentHoldsSecret(name) && !namesVariable(value);
  }

  /**
   * Reports that {@code variable} ("The environment variable DB_PASSWORD") was left out as a
   * credential that would be written to {@code destination}.
   */
  static void refuseCredential(Prov pr, String variable, String destination, Range at) {
    pr.report()
        .add(
            PackerMapCode.SENSITIVE_VALUE,
            at,
            variable
                + " is named as a credential, and the value the template gives it would be written"
                + " to "
                + destination
                + ", where anyone who can read the image template sees it; it was left out. Keep"
                + " secrets out of what Image Builder stores and runs: the step can fetch it on the"
                + " build VM (for instance from Key Vault with the VM's identity). A value that is"
                + " no secret (a placeholder) can be set by a command of the step instead.");
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

  /**
   * {@code export K='V'} lines (in double quotes where a value holds expansions, {@link
   * ShellText#exportValue}); the names are ones a shell can export ({@link #entries} with {@code
   * shellNames} leaves the others out, and execute_command's assignments are names).
   */
  static List<String> exports(Map<String, String> env) {
    if (env.isEmpty()) {
      return List.of(); // no iterator over nothing (C1 code)
    }
    List<String> out = new ArrayList<>(env.size());
    for (Map.Entry<String, String> e : env.entrySet()) {
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

  /**
   * The variable each line of {@link #cmdExpanded} sets or reads, in its order: the value of one
   * holding a {@code %} is expanded on a line of its own before the assignments.
   */
  static List<String> cmdExpandedNames(Map<String, String> env) {
    List<String> expanded = new ArrayList<>();
    for (Map.Entry<String, String> e : env.entrySet()) {
      if (e.getValue().indexOf('%') >= 0) {
        expanded.add(e.getKey());
      }
    }
    expanded.addAll(env.keySet());
    return expanded;
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
