package io.github.packer2aib.core.bind.packer;

import io.github.packer2aib.core.packer.CredentialTexts;
import io.github.packer2aib.core.packer.Credentials;
import io.github.packer2aib.core.packer.PackerTemplate;
import io.github.packer2aib.core.packer.SensitiveTexts;
import io.github.packer2aib.core.packer.Variable;
import io.github.packer2aib.core.source.Range;
import io.github.packer2aib.core.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Masks, in the files a renderer may quote, every place that writes the text of a credential
 * setting's value ({@link CredentialTexts}): a credential setting's own line is masked by its range
 * when it is read, but {@code client_secret = "{{user `cs`}}"} made {@code cs}'s default a secret
 * that its own line still showed. Found by the text, as the messages' last guard finds secrets.
 */
public final class CredentialMasks {
  private final PackerTemplate template;

  /** {@link SensitiveTexts#of} the template, worked out when first needed. */
  private List<String> sensitive;

  /** The credential texts beyond {@link #sensitive} and the credential-named variables. */
  private final List<String> extra;

  /** {@link CredentialTexts#of} the template. */
  private final List<CredentialTexts> credentials;

  private CredentialMasks(
      PackerTemplate template,
      List<CredentialTexts> credentials,
      List<String> sensitive,
      List<String> extra) {
    this.template = template;
    this.credentials = credentials;
    this.sensitive = sensitive;
    this.extra = extra;
  }

  /**
   * The masks of one loaded template, worked out once: the credential texts that neither a
   * sensitive value nor a variable named as a credential holds (those are masked by their ranges
   * and scrubbed already). Usually none, as a credential setting usually reads such a variable.
   * Without credential settings the sensitive texts are left until {@link #scrubbed} asks: most
   * loads have no message to scrub.
   */
  public static CredentialMasks of(PackerTemplate template) {
    return of(template, CredentialTexts.of(template));
  }

  /** {@link #of(PackerTemplate)} with the template's credential texts worked out already. */
  public static CredentialMasks of(PackerTemplate template, List<CredentialTexts> credentials) {
    if (credentials.isEmpty()) {
      return new CredentialMasks(template, credentials, null, List.of());
    }
    List<String> sensitive = SensitiveTexts.of(template);
    List<String> known = new ArrayList<>(sensitive);
    for (Variable v : template.variables()) {
      if (Credentials.holdsSecret(v.name())) {
        known.addAll(SensitiveTexts.texts(v.value()));
      }
    }
    return new CredentialMasks(
        template, credentials, sensitive, CredentialTexts.textsBeyond(credentials, known));
  }

  /** The variables to load again as secret ({@link CredentialTexts#variablesHolding}). */
  public Set<String> variablesHolding() {
    return CredentialTexts.variablesHolding(template, credentials);
  }

  /** The texts every message of the load is scrubbed of: sensitive values and credential ones. */
  public List<String> scrubbed() {
    if (sensitive == null) {
      sensitive = SensitiveTexts.of(template);
    }
    if (extra.isEmpty()) {
      return sensitive;
    }
    List<String> texts = new ArrayList<>(sensitive);
    texts.addAll(extra);
    return texts;
  }

  /** {@code files} with each place of a credential text of {@link #extra} masked. */
  public List<SourceFile> mask(List<SourceFile> files) {
    if (extra.isEmpty()) {
      return files; // most templates: nothing more to look for
    }
    List<SourceFile> out = new ArrayList<>(files.size());
    for (SourceFile f : files) {
      List<Range> ranges = new ArrayList<>();
      for (String t : extra) {
        for (int at = f.text().indexOf(t); at >= 0; at = f.text().indexOf(t, at + t.length())) {
          ranges.add(f.range(at, at + t.length()));
        }
      }
      out.add(ranges.isEmpty() ? f : f.withSecrets(ranges));
    }
    return out;
  }
}
