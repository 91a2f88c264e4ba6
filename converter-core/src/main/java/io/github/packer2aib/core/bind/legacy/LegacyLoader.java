package io.github.packer2aib.core.bind.legacy;

import io.github.packer2aib.core.doc.DocNode;
import io.github.packer2aib.core.doc.DocObject;
import io.github.packer2aib.core.packer.CredentialTexts;
import io.github.packer2aib.core.packer.PackerTemplate;
import io.github.packer2aib.core.packer.UsageSelection;
import io.github.packer2aib.core.parse.DocReader;
import io.github.packer2aib.core.parse.ParseResult;
import io.github.packer2aib.core.source.SourceFile;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The legacy Packer front end: a legacy JSON template, or the same structure written in YAML, into
 * the Packer model ({@code core.packer}), with every problem as a located diagnostic. Never throws
 * for bad input; does no I/O (var files and the environment come in {@link LegacyOptions}).
 *
 * <p>What it follows: packer-plugin-sdk's {@code template/parse.go} for the structure (builders
 * named by their {@code name}, else their {@code type}; provisioners with {@code only}, {@code
 * except}, {@code override}, {@code pause_before}, {@code max_retries}, {@code timeout};
 * post-processors as a name, an object or a chain; keys starting with {@code _} are comments),
 * Packer's core for variables (default &lt; var files &lt; {@code --var}; every value is a
 * template; {@code env} only in variables), and its {@code template/interpolate} for the {@code {{
 * }}} language ({@code core.legacy.template}).
 *
 * <p>Where it is stricter than Packer: a {@code user} call naming an undefined variable outside
 * {@code variables} is an error (Packer silently renders an empty string); {@code _}-prefixed keys
 * are ignored inside builders, provisioners and post-processors too (Packer passes them to the
 * plugin, which usually rejects them); values of nested objects keep their {@code _} keys.
 */
public final class LegacyLoader {
  private LegacyLoader() {}

  public static LegacyLoadResult load(SourceFile file, LegacyOptions options) {
    return load(file, DocReader.read(file), options);
  }

  /**
   * As {@link #load(SourceFile, LegacyOptions)}, for a caller that has already read the file (to
   * tell which front end it needs), so it is not parsed twice.
   *
   * @param parsed {@code DocReader.read(file)}
   */
  public static LegacyLoadResult load(SourceFile file, ParseResult parsed, LegacyOptions options) {
    return load(file, parsed, options, UsageSelection.ALL);
  }

  /**
   * As {@link #load(SourceFile, ParseResult, LegacyOptions)}, for a run that converts only the
   * builders {@code selection} keeps: as Packer, which prepares a builder and the provisioners and
   * post-processors of its build only when it runs it, what is wrong in the settings only left-out
   * builders use does not fail the load; a note ({@code LEGACY-N002}) says it was not checked.
   */
  public static LegacyLoadResult load(
      SourceFile file, ParseResult parsed, LegacyOptions options, UsageSelection selection) {
    Reporter reporter = new Reporter();
    reporter.addAll(parsed.diagnostics());
    if (parsed.documents().isEmpty()) {
      return LegacyLoadResult.failed(reporter.sorted());
    }
    if (parsed.documents().size() > 1) {
      DocNode second = parsed.documents().get(1);
      reporter.add(
          LegacyCode.SEVERAL_DOCUMENTS,
          second.range(),
          null,
          "This file holds "
              + parsed.documents().size()
              + " YAML documents, but a template is one document. Put each template in its own"
              + " file; only the first one was read.");
    }
    DocNode root = parsed.documents().get(0);
    if (!(root instanceof DocObject object)) {
      reporter.add(
          LegacyCode.NOT_AN_OBJECT,
          root.range(),
          "",
          "A Packer template is an object with \"builders\" (and optionally \"variables\","
              + " \"provisioners\", \"post-processors\"), but this document is "
              + root.kindName()
              + ".");
      return LegacyLoadResult.failed(reporter.sorted());
    }
    boolean yaml = !DocReader.looksLikeJson(file);
    TemplateReader reader =
        new TemplateReader(file, yaml, object, options, reporter, Set.of(), selection);
    PackerTemplate template = reader.read();
    // A variable whose value a credential setting holds is secret too: read again with it
    // secret, so that what is made of it carries the mark (CredentialTexts.variablesHolding).
    // The credential texts are the same in the second reading (only marks change): worked out
    // once, and handed on for the masks.
    List<CredentialTexts> credentials = CredentialTexts.of(template);
    Set<String> fed = CredentialTexts.variablesHolding(template, credentials);
    if (!fed.isEmpty()) {
      reporter = new Reporter();
      reporter.addAll(parsed.diagnostics());
      reader = new TemplateReader(file, yaml, object, options, reporter, fed, selection);
      template = reader.read();
    }
    return new LegacyLoadResult(
        Optional.of(template), reporter.sorted(), reader.secretRanges(), credentials);
  }
}
