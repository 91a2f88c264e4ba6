package io.github.packer2aib.core.bind.packer;

import io.github.packer2aib.core.packer.CredentialTexts;
import io.github.packer2aib.core.packer.PackerTemplate;
import io.github.packer2aib.core.packer.SensitiveTexts;
import io.github.packer2aib.core.source.Range;
import io.github.packer2aib.core.source.SourceFile;
import java.util.ArrayList;
import java.util.List;

/**
 * Masks, in the files a renderer may quote, every place that writes the text of a credential
 * setting's value ({@link CredentialTexts}): a credential setting's own line is masked by its range
 * when it is read, but {@code client_secret = "{{user `cs`}}"} made {@code cs}'s default a secret
 * that its own line still showed. Found by the text, as the messages' last guard finds secrets.
 */
public final class CredentialMasks {
  private CredentialMasks() {}

  /** The texts every message of a load is scrubbed of: sensitive values and credential ones. */
  public static List<String> scrubbed(PackerTemplate template) {
    List<String> texts = new ArrayList<>(SensitiveTexts.of(template));
    texts.addAll(CredentialTexts.texts(template));
    return texts;
  }

  /** {@code files} with each place of a credential text masked. */
  public static List<SourceFile> mask(PackerTemplate template, List<SourceFile> files) {
    List<String> texts = CredentialTexts.texts(template);
    if (texts.isEmpty()) {
      return files; // most templates: nothing to look for
    }
    List<SourceFile> out = new ArrayList<>(files.size());
    for (SourceFile f : files) {
      List<Range> ranges = new ArrayList<>();
      for (String t : texts) {
        for (int at = f.text().indexOf(t); at >= 0; at = f.text().indexOf(t, at + t.length())) {
          ranges.add(f.range(at, at + t.length()));
        }
      }
      out.add(ranges.isEmpty() ? f : f.withSecrets(ranges));
    }
    return out;
  }
}
