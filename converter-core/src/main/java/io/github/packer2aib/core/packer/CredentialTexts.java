package io.github.packer2aib.core.packer;

import io.github.packer2aib.core.hcl.value.StringValue;
import io.github.packer2aib.core.hcl.value.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The texts written for credential settings ({@code client_secret}, {@code winrm_password}, …; see
 * {@link Credentials}) anywhere in a template: its sources, the build-level source blocks, the
 * provisioners (each usage's body), error-cleanup provisioners and post-processors. Such a value is
 * a secret even when the variable it comes from is not: {@code client_secret = "{{user `cs`}}"}
 * with {@code cs} also in {@code managed_image_name} put it into the image's id, and a message
 * quoting the variable's line showed it. Only texts of {@link SensitiveTexts#MIN_LENGTH} or more
 * count, as for every text-based guard.
 *
 * @param setting the setting's name, for messages
 * @param text the text
 */
public record CredentialTexts(String setting, String text) {

  public static List<CredentialTexts> of(PackerTemplate template) {
    List<CredentialTexts> out = new ArrayList<>();
    for (Source s : template.sources()) {
      collect(s.config(), out);
    }
    for (Build b : template.builds()) {
      for (SourceUsage u : b.sources()) {
        collect(u.config(), out);
        for (Provisioner p : b.provisioners()) {
          collect(p.config(u), out);
        }
        b.errorCleanupProvisioner().ifPresent(p -> collect(p.config(u), out));
      }
      for (List<PostProcessor> chain : b.postProcessors()) {
        for (PostProcessor p : chain) {
          collect(p.config(), out);
        }
      }
    }
    return out;
  }

  /**
   * The variables not already secret whose whole value (a string of {@link
   * SensitiveTexts#MIN_LENGTH} or more, as every credential text) is the text of a credential
   * setting: the loaders load the template again with them secret, so that what is made of them
   * ({@code upper(var.cs)}, {@code {{user `cs` | lower}}}) carries the sensitive mark, where the
   * texts alone found only the unchanged value. {@code credentials} are {@link #of} the template,
   * which the loaders work out once for this and for their masks ({@code CredentialMasks}).
   */
  public static Set<String> variablesHolding(
      PackerTemplate template, List<CredentialTexts> credentials) {
    if (credentials.isEmpty()) {
      return Set.of();
    }
    Set<String> texts = new HashSet<>();
    for (CredentialTexts c : credentials) {
      texts.add(c.text());
    }
    Set<String> out = new TreeSet<>();
    for (Variable v : template.variables()) {
      Value value = v.value();
      if (!value.containsSensitive()
          && value.unmarked() instanceof StringValue s
          && texts.contains(s.asString())) {
        out.add(v.name());
      }
    }
    return out;
  }

  /** The texts alone, each once. */
  public static List<String> texts(PackerTemplate template) {
    return textsBeyond(of(template), List.of());
  }

  /**
   * The texts of {@code credentials} that {@code known} (the sensitive variables' and locals'
   * texts, already masked and scanned for) does not hold, each once: a credential setting usually
   * reads a variable named as a credential, whose value is known already, and then nothing more
   * needs doing for it.
   */
  public static List<String> textsBeyond(List<CredentialTexts> credentials, List<String> known) {
    List<CredentialTexts> beyond = beyond(credentials, known);
    List<String> out = new ArrayList<>(beyond.size());
    for (CredentialTexts c : beyond) {
      out.add(c.text());
    }
    return out;
  }

  /** {@link #textsBeyond} with the setting each text was found at (the first, for a repeat). */
  public static List<CredentialTexts> beyond(
      List<CredentialTexts> credentials, List<String> known) {
    if (credentials.isEmpty()) {
      return List.of();
    }
    Map<String, CredentialTexts> byText = new LinkedHashMap<>();
    for (CredentialTexts c : credentials) {
      if (!known.contains(c.text())) {
        byText.putIfAbsent(c.text(), c);
      }
    }
    return byText.isEmpty() ? List.of() : List.copyOf(byText.values());
  }

  private static void collect(Config config, List<CredentialTexts> out) {
    for (Setting s : config.settings()) {
      if (Credentials.holdsSecret(s.name())) {
        for (String t : SensitiveTexts.texts(s.value())) {
          // A provisioner-time placeholder kept as written ({{ .WinRMPassword }}) is no value.
          if (t.length() >= SensitiveTexts.MIN_LENGTH && !t.contains("{{")) {
            out.add(new CredentialTexts(s.name(), t));
          }
        }
      }
    }
    for (Config.NestedBlock b : config.blocks()) {
      collect(b.body(), out);
    }
  }
}
