package io.github.packer2aib.core.mapping.packer;

import io.github.packer2aib.core.hcl.function.FunctionRegistry;
import io.github.packer2aib.core.hcl.function.SecretFunctions;
import io.github.packer2aib.core.packer.SecretData;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The detail of PKRMAP-E107 (a value not known at conversion time). Where the binder traced the
 * value to the references that have no value ({@link Field#unknownFrom()}), it names them and says
 * what to give for each: a data source's attribute with {@code --data}, a variable with {@code
 * --var}; {@code build.*} and HCP Packer's {@code packer.iterationID} exist only while Packer
 * builds; a secret that {@code vault(…)} and the like read belongs in a step on the build VM.
 * Otherwise it lists the usual causes. A legacy template has neither data sources nor {@code
 * --data}, and a variable without a value is an error of its loader: what leaves its values unknown
 * is Packer's build-time data, the {@code {{build `ID`}}} calls its loader names, or a secret that
 * a variable's default reads ({@code {{ vault … }}}), so its advice speaks of those alone.
 */
final class UnknownValues {
  private UnknownValues() {}

  /**
   * The detail for {@code f}, of a legacy template when {@code legacy}.
   *
   * @param legacy whether the template is legacy JSON (or YAML)
   */
  static String detail(Field f, boolean legacy) {
    List<String> from = f.unknownFrom();
    if (from.isEmpty() && legacy) {
      return "The value of "
          + f.name()
          + " is not known at conversion time (it depends on a value that exists only while"
          + " Packer builds), so it cannot be written into the image template. Replace that part"
          + " with a value the template can hold.";
    }
    if (from.isEmpty()) {
      return "The value of "
          + f.name()
          + " is not known at conversion time (it depends on a variable without a value, a"
          + " data source or a build.* value, which exist only while Packer runs), so it cannot"
          + " be written into the image template. Give the variable a value (--var), give the"
          + " data source's values (--data data.TYPE.NAME.ATTRIBUTE=VALUE), or replace the"
          + " expression with a value the template can hold.";
    }
    List<String> advice = new ArrayList<>();
    List<String> hcp = new ArrayList<>();
    List<String> secretCalls = new ArrayList<>();
    for (String reference : from) {
      // One sentence for all of each kind, below.
      if (root(reference).equals("packer")) {
        hcp.add(reference);
      } else if (secretReader(reference) != null) {
        secretCalls.add(reference);
      } else {
        advice.add(adviceFor(reference));
      }
    }
    if (!secretCalls.isEmpty()) {
      advice.add(secretAdvice(secretCalls));
    }
    if (!hcp.isEmpty()) {
      // packer.iterationID and packer.versionFingerprint (Scope): packer.version is known.
      advice.add(
          Words.and(hcp)
              + (hcp.size() == 1 ? " is" : " are")
              + " set by Packer only while it builds and publishes to HCP Packer, which Image"
              + " Builder does not: replace "
              + (hcp.size() == 1 ? "it" : "them")
              + " with a value the template can hold.");
    }
    return "The value of "
        + f.name()
        + " is not known at conversion time: it depends on "
        + Words.and(from)
        + ", which "
        + (from.size() == 1 ? "has" : "have")
        + " a value only while Packer runs, so it cannot be written into the image template. "
        + String.join(" ", advice);
  }

  /** What to do about one reference without a value, as a sentence. */
  private static String adviceFor(String reference) {
    // The calls the binder names (FunctionRegistry.neverKnown) are bcrypt's and the secret
    // readers', which are told together (secretAdvice); any other reads as a reference below.
    if (reference.equals(FunctionRegistry.BCRYPT + CALL)) {
      return reference
          + " hashes with a random salt, so its result is known only when Packer builds: compute"
          + " the hash in a step on the build VM, or write a hash made beforehand.";
    }
    if (reference.startsWith("{{")) {
      // A legacy template's {{build `ID`}}, as written (BuildCalls).
      Matcher m = LEGACY_BUILD_FIELD.matcher(reference);
      return buildAdvice(reference, m.find() ? m.group(1) : "");
    }
    String root = root(reference);
    switch (root) {
      case "data":
        String type = name(reference);
        if (SecretData.readsSecrets(type)) {
          // A value given with --data for it is sensitive, and refused in the output (E405).
          return reference
              + " is a secret, which Packer's "
              + type
              + " data source reads while it builds; one given with --data would be refused in"
              + " the image template all the same, where anyone who can read it would see it:"
              + " have a step "
              + SecretData.fetchOnTheVm("the secret")
              + ".";
        }
        if (beyondAttribute(reference)) {
          return "--data gives a data source's attributes as text, not the parts of a map or list"
              + " such as "
              + reference
              + ": replace the expression with a value the template can hold.";
        }
        return "Give "
            + reference
            + " with --data "
            + dataKey(reference)
            + "=VALUE (the value Packer's data source would read).";
      case "local":
        return reference
            + " is computed from such a value in turn: give that one a value (a data source's"
            + " attribute with --data, a variable with --var).";
      case "var":
        return "Give " + reference + " a value with --var " + name(reference) + "=VALUE.";
      case "build":
        return buildAdvice(
            reference,
            reference.startsWith("build.") ? reference.substring("build.".length()) : "");
      default:
        return "Replace " + reference + " with a value the template can hold.";
    }
  }

  /**
   * What to do about a {@code build.*} value. The password and private key are those of the user
   * Packer connects as: telling to write "a value the template can hold" there asked for a password
   * in the image template, while templates pass them to steps that set up automatic logon for
   * Packer's elevated runs, which Image Builder's runElevated steps do not need.
   *
   * @param reference as written: {@code build.Password}, or {@code {{build `Password`}}}
   * @param field the name of the value ({@code Password}), empty when unknown
   */
  static String buildAdvice(String reference, String field) {
    switch (field) {
      case "Password":
      case "WinRMPassword":
      case "SSHPrivateKey":
        return reference
            + " is a credential of the user Packer connects as, which exists only while Packer"
            + " builds; Image Builder runs its steps as its own build user and gives no such"
            + " credential. Do not write a credential into the template instead: a step that"
            + " only sets up automatic logon for Packer's elevated_user runs is not needed with"
            + " Image Builder (its steps run elevated with runElevated), and a step that needs a"
            + " secret can fetch it on the build VM (from Key Vault with the VM's identity).";
      case "User":
      case "WinRMUser":
        return reference
            + " is the user Packer connects as, which exists only while Packer builds; Image"
            + " Builder runs its steps as its own build user. Use the name of a user a step"
            + " creates, or read the current user on the VM ($env:USERNAME, $USER).";
      default:
        return reference
            + " exists only while Packer builds: replace it with a value the template can hold.";
    }
  }

  /** How the binder names a call whose result is never known: {@code vault(…)}. */
  private static final String CALL = "(…)";

  /** How the legacy loader names a secret reader a variable calls: {@code {{ vault … }}}. */
  private static final String LEGACY_CALL_START = "{{ ";

  private static final String LEGACY_CALL_END = " … }}";

  /**
   * The function that reads a secret which {@code reference} names as called ({@code vault(…)},
   * legacy {@code {{ vault … }}}), or null.
   */
  private static String secretReader(String reference) {
    String function = null;
    if (reference.endsWith(CALL)) {
      function = reference.substring(0, reference.length() - CALL.length());
    } else if (reference.startsWith(LEGACY_CALL_START) && reference.endsWith(LEGACY_CALL_END)) {
      function =
          reference.substring(
              LEGACY_CALL_START.length(), reference.length() - LEGACY_CALL_END.length());
    }
    return function != null && SecretFunctions.readsFrom(function).isPresent() ? function : null;
  }

  /**
   * What to do about calls of functions that read a secret ({@code vault(…)}, {@code
   * aws_secretsmanager(…)}, …), which packer2aib does not make. A secret's value would be refused
   * in the image template anyway (it is sensitive), so the advice is where a secret belongs:
   * fetched by a step on the build VM, not given with an option.
   */
  private static String secretAdvice(List<String> calls) {
    List<String> from = new ArrayList<>();
    for (String call : calls) {
      from.add(SecretFunctions.readsFrom(secretReader(call)).orElseThrow());
    }
    boolean one = calls.size() == 1;
    return Words.and(calls)
        + (one
            ? " reads a secret " + from.get(0)
            : " read secrets (" + String.join(", ", from) + ")")
        + ", which packer2aib does not do (no secrets or network at conversion time), and a"
        + " secret may not be written into the image template, where anyone who can read it"
        + " sees it: have a step "
        + SecretData.fetchOnTheVm(one ? "the secret" : "the secrets")
        + ".";
  }

  /** The name a legacy {@code {{build `Name`}}} reads, with a literal argument. */
  private static final Pattern LEGACY_BUILD_FIELD =
      Pattern.compile("\\bbuild\\s+[`\"]([A-Za-z0-9_]+)[`\"]");

  /** The first name of a reference ({@code data} of {@code data.x.y.z}). */
  private static String root(String reference) {
    int dot = firstStep(reference);
    return dot < 0 ? reference : reference.substring(0, dot);
  }

  /** The name after the root ({@code image} of {@code var.image.sku}). */
  private static String name(String reference) {
    String[] parts = reference.split("[.\\[]", 3);
    return parts.length > 1 ? parts[1] : "NAME";
  }

  /**
   * The key {@code --data} takes for {@code reference}: {@code data.TYPE.NAME.ATTRIBUTE}, from its
   * first four names; placeholders for those it lacks (the whole data source is read).
   */
  static String dataKey(String reference) {
    int index = reference.indexOf('[');
    String names = index < 0 ? reference : reference.substring(0, index);
    String[] parts = names.split("\\.", -1);
    String[] key = {"data", "TYPE", "NAME", "ATTRIBUTE"};
    for (int i = 1; i < 4 && i < parts.length; i++) {
      if (!parts[i].isEmpty()) {
        key[i] = parts[i];
      }
    }
    return String.join(".", key);
  }

  /** Whether {@code reference} reads into an attribute ({@code data.t.n.labels["x"]}). */
  private static boolean beyondAttribute(String reference) {
    int index = reference.indexOf('[');
    String names = index < 0 ? reference : reference.substring(0, index);
    int count = names.split("\\.", -1).length;
    return count > 4 || (index >= 0 && count >= 4);
  }

  private static int firstStep(String reference) {
    for (int i = 0; i < reference.length(); i++) {
      char c = reference.charAt(i);
      if (c == '.' || c == '[') {
        return i;
      }
    }
    return -1;
  }
}
