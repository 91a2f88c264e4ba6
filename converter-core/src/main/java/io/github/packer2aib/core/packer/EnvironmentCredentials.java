package io.github.packer2aib.core.packer;

import io.github.packer2aib.core.diag.CredentialNames;
import io.github.packer2aib.core.diag.Redacted;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The credentials in the environment of the process running the converter: the variables whose name
 * says they hold one, with their values of {@link SensitiveTexts#MIN_LENGTH} characters or more. A
 * CI job runs the converter with its own secrets in the environment (ARM_CLIENT_SECRET,
 * GITHUB_TOKEN), which a template must never carry into an image template: Packer reads them at
 * build time and stores none. Whatever path a value took (a file the job wrote, a default that read
 * it under another name), the output scan withholds a template that holds one, messages mask them
 * and {@code inspect} prints a string holding one as {@code "<sensitive>"}; the variable is named,
 * its value never.
 *
 * <p>Worked out once per environment: a bulk run gives every template the same (frozen) map, and
 * the last one's answer is kept.
 */
public final class EnvironmentCredentials {
  private EnvironmentCredentials() {}

  /**
   * One credential of the environment. Its {@link #toString} leaves the value out ({@link
   * Redacted}).
   */
  public record Entry(String name, String value) {
    public Entry {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
      return Redacted.named("Entry", name);
    }
  }

  /** The environment last asked about, and its answer. */
  private record Known(Map<String, String> environment, List<Entry> entries) {}

  private static volatile Known last;

  /**
   * The credentials of {@code environment}, in its order (a frozen environment is in name order),
   * each value once (the first name that holds it).
   */
  public static List<Entry> of(Map<String, String> environment) {
    Known known = last;
    if (known != null && known.environment() == environment) {
      return known.entries();
    }
    List<Entry> out = new ArrayList<>();
    // A set: a list asked with contains made this n squared comparisons of the values.
    Set<String> values = new HashSet<>();
    for (Map.Entry<String, String> e : environment.entrySet()) {
      String value = e.getValue();
      if (value != null
          && value.length() >= SensitiveTexts.MIN_LENGTH
          && namedAsCredential(e.getKey())
          && !value.isBlank()
          && values.add(value)) {
        out.add(new Entry(e.getKey(), value));
      }
    }
    List<Entry> entries = List.copyOf(out);
    last = new Known(environment, entries);
    return entries;
  }

  /** The values of {@link #of}, for the masking of messages and {@code inspect}. */
  public static List<String> texts(Map<String, String> environment) {
    List<Entry> entries = of(environment);
    if (entries.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>(entries.size());
    for (Entry e : entries) {
      out.add(e.value());
    }
    return out;
  }

  /**
   * Whether the environment variable {@code name} says it holds a credential, as {@link
   * CredentialNames} has it (a name ending with {@code PASSWORD}, {@code TOKEN}, {@code SECRET} or
   * {@code APIKEY}, also glued to the word before, as CI systems spell theirs: {@code PGPASSWORD},
   * {@code SYSTEM_ACCESSTOKEN}; or a service's key alone or after {@code _}: {@code
   * AWS_SECRET_ACCESS_KEY}, {@code ARM_ACCESS_KEY}, {@code AZURE_STORAGE_KEY}, {@code
   * AZURE_STORAGE_ACCOUNT_KEY}, {@code OPENAI_API_KEY}, {@code SHARED_KEY}, {@code MASTER_KEY}), in
   * any case: the same list a template's environment_vars and RULE-W329 use. A key that is public
   * ({@code SSH_PUBLIC_KEY}) or an id ({@code GPG_KEY_ID}) is none.
   */
  public static boolean namedAsCredential(String name) {
    return CredentialNames.isCredential(name);
  }
}
