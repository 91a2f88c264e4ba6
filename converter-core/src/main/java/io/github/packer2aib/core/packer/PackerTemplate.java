package io.github.packer2aib.core.packer;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The intermediate model: one Packer template after evaluation, whatever syntax it was written in
 * (HCL2 native syntax, HCL JSON syntax, legacy JSON, or legacy JSON written as YAML). Every front
 * end produces it; the mapper consumes it. Values are evaluated HCL values ({@code
 * hcl.value.Value}), which carry sensitivity and may be unknown (data sources, {@code build.*}).
 *
 * @param syntax what the template was written in
 * @param root the folder (HCL2, also for a single file: its folder, as {@code path.root} names it)
 *     or file (legacy) the template was read from, as the reader was given it: absolute, or
 *     relative to the folder the conversion runs in (Packer's working directory), against which the
 *     mapper resolves the template's files. A single conversion names it as the user did; a bulk
 *     run, which converts each template as if Packer ran in its folder, names it from there ({@code
 *     .} for a folder)
 * @param variables input variables with their final values, in declaration order
 * @param locals local values (HCL2 only), in declaration order
 * @param sources source blocks (HCL2) or builders (legacy JSON: a builder is a source named after
 *     its {@code name}, else its {@code type})
 * @param builds build blocks (legacy JSON: one build with every builder)
 * @param packer the {@code packer} block or legacy {@code min_packer_version}
 * @param description the legacy template's {@code description}
 * @param secretData the values given with {@code --data} for data sources that read secrets (HCL2
 *     only; not shown by {@code inspect}, which lists no data sources)
 */
public record PackerTemplate(
    Syntax syntax,
    String root,
    List<Variable> variables,
    List<Local> locals,
    List<Source> sources,
    List<Build> builds,
    Optional<PackerSettings> packer,
    Optional<String> description,
    List<SecretData> secretData) {

  /** The template languages we read. */
  public enum Syntax {
    HCL2,
    HCL2_JSON,
    LEGACY_JSON,
    LEGACY_YAML
  }

  public PackerTemplate {
    Objects.requireNonNull(syntax, "syntax");
    Objects.requireNonNull(root, "root");
    variables = List.copyOf(variables);
    locals = List.copyOf(locals);
    sources = List.copyOf(sources);
    builds = List.copyOf(builds);
    Objects.requireNonNull(packer, "packer");
    Objects.requireNonNull(description, "description");
    secretData = List.copyOf(secretData);
  }

  /** A template without values given for data sources that read secrets. */
  public PackerTemplate(
      Syntax syntax,
      String root,
      List<Variable> variables,
      List<Local> locals,
      List<Source> sources,
      List<Build> builds,
      Optional<PackerSettings> packer,
      Optional<String> description) {
    this(syntax, root, variables, locals, sources, builds, packer, description, List.of());
  }

  /** This template read from {@code root} instead (see the component). */
  public PackerTemplate withRoot(String root) {
    return new PackerTemplate(
        syntax, root, variables, locals, sources, builds, packer, description, secretData);
  }

  /** The source block {@code type.name}, e.g. {@code azure-arm.ubuntu}. */
  public Optional<Source> source(String reference) {
    return sources.stream().filter(s -> s.reference().equals(reference)).findFirst();
  }
}
