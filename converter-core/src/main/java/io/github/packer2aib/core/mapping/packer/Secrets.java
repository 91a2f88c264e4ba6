package io.github.packer2aib.core.mapping.packer;

import io.github.packer2aib.core.hcl.value.Value;
import io.github.packer2aib.core.packer.CredentialTexts;
import io.github.packer2aib.core.packer.Credentials;
import io.github.packer2aib.core.packer.EnvironmentCredentials;
import io.github.packer2aib.core.packer.Local;
import io.github.packer2aib.core.packer.PackerTemplate;
import io.github.packer2aib.core.packer.SecretData;
import io.github.packer2aib.core.packer.SensitiveTexts;
import io.github.packer2aib.core.packer.Variable;
import io.github.packer2aib.core.source.Range;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps values of sensitive variables out of the image template. A value carries the sensitive mark
 * but not the name of the variable it came from, so the variable is named by looking for its value
 * inside the offending one; the values themselves are compared here and never shown.
 */
final class Secrets {
  /**
   * A sensitive variable or local with the texts its value holds.
   *
   * @param declared whether it is declared sensitive
   * @param byName whether it is a variable named as a credential, kept secret with or without the
   *     declaration ({@link Credentials})
   * @param credential the credential setting whose value the variable is, which made it secret (the
   *     loader's {@code credentialFed}), or null
   * @param secretsRead the secrets it is computed from ({@link Local#secretsRead}, {@link
   *     Variable#secretsRead}), when they, not a declaration of its own, made it secret
   */
  private record Named(
      String kind,
      String name,
      List<String> texts,
      boolean declared,
      boolean byName,
      boolean byEnvironment,
      String credential,
      List<String> secretsRead) {
    /**
     * Whether it only holds a secret it reads ({@link Local#secretsRead}): a local not declared
     * sensitive, or a legacy variable neither declared sensitive nor named as a credential whose
     * default reads a secret variable ({@code {{ user `pw` | lower }}}), which a message names by
     * what it is computed from, as it has no declaration to remove.
     */
    boolean derived() {
      return (kind.equals(LOCAL) && !declared)
          || (kind.equals(VARIABLE)
              && !declared
              && !byName
              && credential == null
              && !secretsRead.isEmpty());
    }

    /** As written in a template: {@code var.pw}, {@code local.s}, {@code data.TYPE.NAME}. */
    String reference() {
      return kind.equals(VARIABLE) ? "var." + name : kind.equals(LOCAL) ? "local." + name : name;
    }
  }

  private static final String VARIABLE = "variable";
  private static final String LOCAL = "local";

  /** A data source that reads secrets, given with --data ({@link SecretData}). */
  private static final String DATA = "data";

  private final List<Named> named = new ArrayList<>();

  /**
   * The named secrets that may be where a secret came from: all but the locals that only hold one
   * they read ({@link Named#derived}). Worked out once, as {@link #named} is complete after the
   * constructor.
   */
  private final List<Named> origins;

  /** Whether the template declares sensitive variables in sensitive-variables (legacy JSON). */
  private final boolean legacy;

  /** The credentials of the converter's environment, which no output may hold. */
  private final EnvironmentScan environment;

  Secrets(PackerTemplate template) {
    this(template, List.of());
  }

  /**
   * @param environment the credentials of the converter's environment ({@link
   *     EnvironmentCredentials#of})
   */
  Secrets(PackerTemplate template, List<EnvironmentCredentials.Entry> environment) {
    this.environment = EnvironmentScan.of(environment);
    legacy = UsageFilter.isLegacy(template.syntax());
    credentials = CredentialTexts.of(template);
    // By index: every template comes here, and C1 code allocates each list iterator. A secret
    // whose value is not known (vault(…), {{ vault … }}) is never where a known value in the
    // output came from (what it makes is unknown too, PKRMAP-E107), and it holds no text: named
    // as a candidate, it was "perhaps x, whose value is empty here".
    List<Variable> variables = template.variables();
    for (int i = 0, n = variables.size(); i < n; i++) {
      Variable v = variables.get(i);
      if ((v.sensitive() || containsSensitive(v.value())) && v.value().isKnown()) {
        boolean byName = Credentials.holdsSecret(v.name());
        List<String> texts = texts(v.value());
        String credential = v.sensitive() || byName ? null : credentialHolding(texts);
        named.add(
            new Named(
                VARIABLE,
                v.name(),
                texts,
                v.sensitive(),
                byName,
                // Secret without the declaration or the name, by its default: it reads an
                // environment variable named as a credential (with env("…"), {{env `…`}}), unless
                // it reads another secret variable (a legacy default, secretsRead), which is what
                // a message names then. One that reads both is told by the variable: the
                // environment is told once that is undone.
                !v.sensitive()
                    && !byName
                    && credential == null
                    && v.setBy() == Variable.ValueSource.DEFAULT
                    && v.secretsRead().isEmpty(),
                credential,
                v.secretsRead()));
      }
    }
    List<Local> locals = template.locals();
    for (int i = 0, n = locals.size(); i < n; i++) {
      Local l = locals.get(i);
      if ((l.sensitive() || containsSensitive(l.value())) && l.value().isKnown()) {
        named.add(
            new Named(
                LOCAL,
                l.name(),
                texts(l.value()),
                l.sensitive(),
                false,
                false,
                null,
                l.secretsRead()));
      }
    }
    for (SecretData d : template.secretData()) {
      named.add(
          new Named(DATA, d.reference(), texts(d.value()), false, false, false, null, List.of()));
    }
    origins = named.isEmpty() ? List.of() : possibleOrigins(named);
  }

  /** Those of {@code named} that may be where a secret came from ({@link #origins}). */
  private static List<Named> possibleOrigins(List<Named> named) {
    List<Named> out = new ArrayList<>(named.size());
    for (Named n : named) {
      if (!n.derived()) {
        out.add(n);
      }
    }
    return List.copyOf(out);
  }

  /** The named secret that {@code reference} ({@link Named#reference}) is, or null. */
  private Named byReference(String reference) {
    for (Named n : named) {
      if (n.reference().equals(reference)) {
        return n;
      }
    }
    return null;
  }

  /** The credential setting whose value is one of {@code texts}, or null. */
  private String credentialHolding(List<String> texts) {
    for (CredentialTexts c : credentials) {
      if (texts.contains(c.text())) {
        return c.setting();
      }
    }
    return null;
  }

  private static boolean containsSensitive(Value v) {
    return SensitiveTexts.containsSensitive(v);
  }

  /** Every string, number and bool inside a value, as text, marks removed. */
  static List<String> texts(Value value) {
    return SensitiveTexts.texts(value);
  }

  /**
   * Words naming where a sensitive value came from: {@code the sensitive variable "pw"}, {@code the
   * sensitive variables "a" and "b"}, or {@code a sensitive variable or local} when no value could
   * be matched (a function transformed it). For a value written as reading the variable {@code
   * reads} alone ({@code var.x}, {@code {{user `x`}}}; null when it is not), when that variable is
   * a secret one, it alone is named. Found by the values, every sensitive variable that holds the
   * same text was named ("client_id" and "subscription_id" for subscription_id =
   * var.subscription_id, when both are given the same value).
   */
  String origin(Value value, String reads) {
    Named direct = direct(reads);
    if (direct != null) {
      return direct.derived()
          ? computedFrom(direct.kind(), List.of('"' + direct.name() + '"'), direct.secretsRead())
          : "the sensitive variable \"" + direct.name() + '"';
    }
    List<String> inside = texts(value);
    Set<String> variables = new LinkedHashSet<>();
    List<String> variableTexts = new ArrayList<>();
    List<Named> derived = new ArrayList<>();
    for (Named n : named) {
      if (n.kind().equals(VARIABLE) && occursIn(n.texts(), inside)) {
        if (n.derived()) {
          derived.add(n);
        } else {
          variables.add(n.reference());
        }
        variableTexts.addAll(n.texts());
      }
    }
    // A local is named only for what the variables found do not explain: "m = var.pw" holds the
    // same text as pw, and naming it beside pw blamed locals the value never went through. One
    // that is not declared sensitive is named with what it is computed from, unless all of that
    // is named already: "m = { k = local.s }" is not "the sensitive locals s and m".
    Set<String> found = new LinkedHashSet<>(variables);
    for (Named n : named) {
      if (!n.kind().equals(VARIABLE)
          && occursIn(n.texts(), inside)
          && !explained(n.texts(), inside, variableTexts)) {
        if (n.derived()) {
          derived.add(n);
        } else {
          found.add(n.reference());
        }
      }
    }
    List<String> parts = new ArrayList<>();
    if (!found.isEmpty()) {
      parts.add(describe(found));
    }
    // Those computed from the same secrets in one phrase: the local "twice" = "${local.d}-x" holds
    // the text of d as well. Variables and locals apart (a legacy template has no locals).
    Map<List<String>, List<String>> bySecrets = new LinkedHashMap<>();
    for (Named n : derived) {
      if (!found.containsAll(n.secretsRead()) || n.secretsRead().isEmpty()) {
        List<String> key = new ArrayList<>(n.secretsRead());
        key.add(0, n.kind());
        bySecrets.computeIfAbsent(key, k -> new ArrayList<>()).add('"' + n.name() + '"');
      }
    }
    for (Map.Entry<List<String>, List<String>> e : bySecrets.entrySet()) {
      List<String> key = e.getKey();
      parts.add(computedFrom(key.get(0), e.getValue(), key.subList(1, key.size())));
    }
    if (!parts.isEmpty()) {
      return String.join(" and ", parts);
    }
    List<String> untraceable = quotedNames(emptyValued(origins));
    if (!untraceable.isEmpty()) {
      return anySecret()
          + " (perhaps "
          + Words.or(untraceable)
          + ", whose value is empty here and so cannot be traced)";
    }
    // A function or a for expression changed the value (sha256(local.key), keys(var.tags)), so
    // no text of it stands in the result: name the candidates when they are few.
    if (origins.size() == 1) {
      return describe(List.of(origins.get(0).reference()));
    }
    if (origins.size() > 1 && origins.size() <= MAX_CANDIDATES_NAMED) {
      return anySecret()
          + " ("
          + Words.or(quotedNames(origins))
          + "; an expression changed the value on the way, so it cannot be told which)";
    }
    return anySecret();
  }

  /**
   * Words for secrets that only hold what they read ({@link Named#derived}): {@code the local "m"
   * (computed from the sensitive variable "pw")}, {@code the variables "d" and "e" (computed from
   * …)}.
   *
   * @param kind {@link #LOCAL} or {@link #VARIABLE}
   * @param names their quoted names
   * @param secretsRead the references of what they read
   */
  private static String computedFrom(String kind, List<String> names, List<String> secretsRead) {
    return "the "
        + kind
        + (names.size() > 1 ? "s " : " ")
        + Words.and(names)
        + " (computed from "
        + (secretsRead.isEmpty() ? "a secret" : describe(secretsRead))
        + ")";
  }

  /**
   * Words for named secrets, given by {@link Named#reference}, kind by kind: {@code the sensitive
   * variables "a" and "b" and the sensitive local "s"}, {@code the Key Vault secret
   * data.azure-keyvaultsecret.pw}.
   */
  private static String describe(Collection<String> references) {
    List<String> variables = new ArrayList<>();
    List<String> locals = new ArrayList<>();
    List<String> data = new ArrayList<>();
    for (String r : references) {
      if (r.startsWith("var.")) {
        variables.add('"' + r.substring("var.".length()) + '"');
      } else if (r.startsWith("local.")) {
        locals.add('"' + r.substring("local.".length()) + '"');
      } else {
        data.add(r);
      }
    }
    List<String> parts = new ArrayList<>();
    if (!variables.isEmpty()) {
      parts.add(
          "the sensitive variable" + (variables.size() > 1 ? "s " : " ") + Words.and(variables));
    }
    if (!locals.isEmpty()) {
      parts.add("the sensitive local" + (locals.size() > 1 ? "s " : " ") + Words.and(locals));
    }
    if (!data.isEmpty()) {
      parts.add("the Key Vault secret" + (data.size() > 1 ? "s " : " ") + Words.and(data));
    }
    return String.join(" and ", parts);
  }

  /** At most this many sensitive variables and locals are listed as candidates. */
  private static final int MAX_CANDIDATES_NAMED = 5;

  /**
   * "a sensitive variable or local"; a legacy template has no locals, and a template given a Key
   * Vault secret with --data may hold that.
   */
  String anySecret() {
    if (legacy) {
      return "a sensitive variable";
    }
    for (Named n : named) {
      if (n.kind().equals(DATA)) {
        return "a sensitive variable, local or Key Vault secret";
      }
    }
    return "a sensitive variable or local";
  }

  /**
   * Those of {@code candidates} whose value holds no text: an empty default of a variable named as
   * a credential ({@code download_token = ""}) is never found inside the value it flows into, so
   * without them the message named no variable at all.
   */
  private static List<Named> emptyValued(List<Named> candidates) {
    List<Named> out = new ArrayList<>();
    for (Named n : candidates) {
      boolean empty = true;
      for (String t : n.texts()) {
        empty &= t.isEmpty();
      }
      if (empty) {
        out.add(n);
      }
    }
    return out;
  }

  private static List<String> quotedNames(List<Named> list) {
    List<String> out = new ArrayList<>(list.size());
    for (Named n : list) {
      out.add('"' + n.name() + '"');
    }
    return out;
  }

  /**
   * Whether each of a local's texts that occurs in the value also lies within a text of the
   * variables already named.
   */
  private static boolean explained(
      List<String> localTexts, List<String> inside, List<String> variableTexts) {
    for (String s : localTexts) {
      if (s.isEmpty() || !occurs(s, inside)) {
        continue;
      }
      boolean covered = false;
      for (String v : variableTexts) {
        covered |= v.contains(s);
      }
      if (!covered) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a text of a secret stands in the value, as evidence of where the value came from: a
   * text of {@value #MIN_ATTRIBUTED} characters or more inside one of the value's, or a shorter one
   * that is one of them whole. A secret "s" stands inside every URL; naming its variable for any
   * value with an "s" blamed variables the value never went through.
   */
  private static boolean occursIn(List<String> secretTexts, List<String> inside) {
    for (String s : secretTexts) {
      if (s.isEmpty()) {
        continue;
      }
      if (s.length() >= MIN_ATTRIBUTED ? occurs(s, inside) : inside.contains(s)) {
        return true;
      }
    }
    return false;
  }

  /** Secret texts shorter than this name their variable only when they are a whole text. */
  static final int MIN_ATTRIBUTED = 4;

  /** Whether {@code s} stands in one of {@code inside}. */
  private static boolean occurs(String s, List<String> inside) {
    for (String t : inside) {
      if (t.contains(s)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Every non-trivial secret text, and each as {@link #normalizedForm} writes it, for the messages
   * to mask (a note about the rewritten location quotes the normalized name) and the text taken
   * from execute_command.
   */
  List<String> allTexts() {
    if (allTexts == null) {
      Set<String> all = new LinkedHashSet<>(variableTexts());
      for (CredentialTexts c : credentials()) {
        all.add(c.text());
      }
      for (EnvironmentCredentials.Entry e : environment.entries()) {
        all.add(e.value());
      }
      for (String t : List.copyOf(all)) {
        normalizedForm(t).ifPresent(all::add);
      }
      allTexts = List.copyOf(all);
    }
    return allTexts;
  }

  /**
   * {@code text} as the mapper's one rewrite of a value's letters writes it, when that differs and
   * is as long as the texts scanned for: a region name in lower case without spaces ({@link
   * Regions#normalized}). A location built from a secret was written so, after every check that
   * looked for the secret as written.
   */
  static Optional<String> normalizedForm(String text) {
    String normalized = Regions.normalized(text);
    return normalized.equals(text) || normalized.length() < MIN_SCANNED_LENGTH
        ? Optional.empty()
        : Optional.of(normalized);
  }

  /** The search for the credentials of the converter's environment ({@link EnvironmentScan}). */
  EnvironmentScan environment() {
    return environment;
  }

  /** {@link #allTexts}, computed once: every template and execute_command is scanned for them. */
  private List<String> allTexts;

  /** The texts of the sensitive variables and locals alone ({@link #allTexts} without settings). */
  List<String> variableTexts() {
    if (variableTexts == null) {
      variableTexts = List.copyOf(scannedTexts());
    }
    return variableTexts;
  }

  private List<String> variableTexts;

  /**
   * The texts written for credential settings anywhere in the template, but those of the sensitive
   * variables and locals ({@link #variableTexts}), which are scanned for already.
   */
  List<CredentialTexts> credentials() {
    if (credentialsBeyond == null) {
      credentialsBeyond = CredentialTexts.beyond(credentials, variableTexts());
    }
    return credentialsBeyond;
  }

  private List<CredentialTexts> credentialsBeyond;

  private final List<CredentialTexts> credentials;

  private List<String> scannedTexts() {
    List<String> out = new ArrayList<>();
    for (Named n : named) {
      for (String t : n.texts()) {
        if (t.length() >= MIN_SCANNED_LENGTH) {
          out.add(t);
        }
      }
    }
    return out;
  }

  /** The texts the output scan looks for: {@link SensitiveTexts#MIN_LENGTH} and more. */
  static final int MIN_SCANNED_LENGTH = SensitiveTexts.MIN_LENGTH;

  /** Reports a sensitive value that would flow to {@code destination}; the value is not shown. */
  void refuse(Report report, Value value, String field, Range at, String destination) {
    refuse(report, value, null, field, at, destination);
  }

  /**
   * {@link #refuse(Report, Value, String, Range, String)} of a value written as reading the
   * variable {@code reads} alone, or null ({@link #origin(Value, String)}).
   */
  void refuse(
      Report report, Value value, String reads, String field, Range at, String destination) {
    report.add(
        PackerMapCode.SENSITIVE_VALUE,
        at,
        "The value of "
            + field
            + " comes from "
            + origin(value, reads)
            + " and would be written to "
            + destination
            + ", where anyone who can read the image template sees it; it was left out. Keep"
            // The advice of SecretData.fetchOnTheVm, worded for this sentence (in brackets,
            // before the "or" below), so its own text.
            + " secrets out of what Image Builder stores and runs (a step can fetch them on the"
            + " build VM, for instance from Key Vault with the VM's identity)"
            + advice(value, direct(reads))
                .map(a -> ", or, if the value is not secret, " + a)
                .orElse("."));
  }

  /** The secret variable named {@code name}, or null (also for a null name). */
  private Named direct(String name) {
    if (name == null) {
      return null;
    }
    for (Named n : named) {
      if (n.kind().equals(VARIABLE) && n.name().equals(name)) {
        return n;
      }
    }
    return null;
  }

  /**
   * The secrets a value comes from besides the variables whose texts it holds (which {@link
   * #advice} finds itself), by kind.
   *
   * @param variables the variables that a local only holding a secret it reads ({@link
   *     Named#derived}) reads
   * @param others the locals declared sensitive and the Key Vault secrets, as {@link #origin} finds
   *     them (a local that only holds a secret it reads stands for what it reads)
   */
  private record Origins(List<Named> variables, List<Named> others) {}

  /**
   * The {@link Origins} of a value with the texts {@code inside}: the named secrets it holds texts
   * of, but those that the texts of {@code variableTexts} explain, split by kind. One walk for both
   * halves, which take the same secrets.
   */
  private Origins trace(List<String> inside, List<String> variableTexts) {
    Set<Named> variables = new LinkedHashSet<>();
    Set<Named> others = new LinkedHashSet<>();
    for (Named n : named) {
      if (n.kind().equals(VARIABLE)
          || !occursIn(n.texts(), inside)
          || explained(n.texts(), inside, variableTexts)) {
        continue;
      }
      if (!n.derived()) {
        others.add(n);
        continue;
      }
      for (String r : n.secretsRead()) {
        Named read = byReference(r);
        if (read != null) {
          (read.kind().equals(VARIABLE) ? variables : others).add(read);
        }
      }
    }
    return new Origins(new ArrayList<>(variables), new ArrayList<>(others));
  }

  /**
   * How to say that a value is not secret after all: undo the declaration ({@code sensitive = true}
   * of the variable or local, or the entry in a legacy template's {@code sensitive-variables}),
   * and, for a variable secret by its name, rename it; a declared variable named as a credential
   * needs both. Empty when there is nothing to undo: a Key Vault secret is a secret, and a local
   * that only holds a secret it reads has no declaration to remove.
   */
  private Optional<String> advice(Value value, Named direct) {
    List<String> inside = texts(value);
    List<Named> suspects = new ArrayList<>();
    List<String> variableTexts = new ArrayList<>();
    for (Named n : named) {
      if (n.kind().equals(VARIABLE)
          && (direct == null ? occursIn(n.texts(), inside) : n == direct)) {
        suspects.add(n);
        variableTexts.addAll(n.texts());
      }
    }
    List<Named> others = List.of();
    if (direct == null) {
      Origins found = trace(inside, variableTexts);
      for (Named n : found.variables()) {
        if (!suspects.contains(n)) {
          suspects.add(n);
        }
      }
      others = found.others();
    }
    // A variable that only holds a secret it reads has no declaration to undo: what it reads does
    // (the advice was to give it a value with --var, as if its default read the environment).
    List<String> readByDerived = new ArrayList<>();
    List<Named> substituted = new ArrayList<>();
    for (Named n : suspects) {
      if (!n.derived()) {
        if (!substituted.contains(n)) {
          substituted.add(n);
        }
        continue;
      }
      for (String r : n.secretsRead()) {
        Named read = byReference(r);
        if (read != null && !substituted.contains(read)) {
          substituted.add(read);
        }
        if (read != null && read.declared() && !readByDerived.contains('"' + read.name() + '"')) {
          readByDerived.add('"' + read.name() + '"');
        }
      }
    }
    suspects = substituted;
    boolean traced = !suspects.isEmpty() || !others.isEmpty();
    if (!traced) {
      for (Named n : emptyValued(origins)) {
        if (n.kind().equals(VARIABLE)) {
          suspects.add(n);
        }
      }
    }
    List<String> byName = new ArrayList<>();
    List<String> byEnvironment = new ArrayList<>();
    // A credential setting that made a variable secret: the suspects', or, untraced, any one's.
    List<String> byCredential = new ArrayList<>();
    for (Named n : traced ? suspects : named) {
      if (n.credential() != null) {
        byCredential.add('"' + n.name() + "\" is the value of " + n.credential());
      }
    }
    boolean declaredVariable = false;
    for (Named n : suspects) {
      if (n.byName()) {
        byName.add('"' + n.name() + '"');
      }
      if (n.byEnvironment()) {
        byEnvironment.add('"' + n.name() + '"');
      }
      declaredVariable |= n.declared();
    }
    List<String> declaredLocals = new ArrayList<>();
    for (Named n : others) {
      if (n.kind().equals(LOCAL) && n.declared()) {
        declaredLocals.add('"' + n.name() + '"');
      }
    }
    boolean anyLocal = !declaredLocals.isEmpty();
    if (!traced) {
      // Any of them may be the origin: the declaration may be what made it secret.
      for (Named n : origins) {
        declaredVariable |= n.declared() && n.kind().equals(VARIABLE);
        anyLocal |= n.declared() && n.kind().equals(LOCAL);
      }
    }
    boolean declared = declaredVariable || anyLocal;
    // Untraced (an empty value, such as an unset environment variable's) too: when nothing is
    // declared sensitive or named as a credential, the environment is what made it secret.
    if (byName.isEmpty() && !declared && !byCredential.isEmpty()) {
      return Optional.of(
          "use a value of its own here: "
              + Words.and(byCredential)
              + ", a credential, whose value is kept secret wherever it stands.");
    }
    if (byName.isEmpty() && !declared && !byEnvironment.isEmpty()) {
      return Optional.of(
          "give "
              + Words.and(byEnvironment)
              + " a value with --var or a var file: "
              + (byEnvironment.size() > 1 ? "their defaults read" : "its default reads")
              + " an environment variable whose name says it holds a credential, which is kept"
              + " secret.");
    }
    // Key Vault secrets alone (given with --data): a secret, and nothing declared to undo.
    List<Named> candidates = new ArrayList<>(suspects);
    candidates.addAll(others);
    boolean onlyData = true;
    for (Named n : traced ? candidates : origins) {
      onlyData &= n.kind().equals(DATA);
    }
    if (onlyData && (traced || !origins.isEmpty())) {
      return Optional.empty();
    }
    String undeclare;
    if (legacy && !readByDerived.isEmpty()) {
      undeclare = "remove " + Words.and(readByDerived) + " from sensitive-variables";
    } else if (legacy) {
      undeclare = "remove the variable from sensitive-variables";
    } else if (!anyLocal) {
      undeclare = "remove sensitive = true from the variable";
    } else {
      String locals =
          declaredLocals.isEmpty()
              ? "local"
              : "local" + (declaredLocals.size() > 1 ? "s " : " ") + Words.and(declaredLocals);
      undeclare =
          "remove sensitive = true from the "
              + (declaredVariable ? (traced ? "variable and the " : "variable or ") : "")
              + locals;
    }
    if (byName.isEmpty()) {
      return Optional.of(undeclare + ".");
    }
    // No colon after a quoted name: SecretScrubber would read "…_password": as an assignment and
    // mask the word after it.
    String rename =
        "rename the variable "
            + Words.or(byName)
            + ", whose name says it holds a credential, which is kept secret whether or not it"
            + " is declared sensitive.";
    if (!declared) {
      return Optional.of(rename);
    }
    return Optional.of(undeclare + (traced ? " and " : ", or ") + rename);
  }
}
