package io.github.packer2aib.cli;

import io.github.packer2aib.core.ConversionResult;
import io.github.packer2aib.core.ConvertOptions;
import io.github.packer2aib.core.ConvertedTemplate;
import io.github.packer2aib.core.aib.ImageTemplate;
import io.github.packer2aib.core.aib.ImageTemplateProperties;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.diag.Severity;
import io.github.packer2aib.core.parse.ParseResult;
import io.github.packer2aib.core.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * An engine whose results the test decides, for what the real pipeline cannot be made to do on
 * demand: clashing names, several templates per input, exceptions.
 */
final class FakeEngine implements Engine {
  final List<ConvertOptions> optionsSeen = java.util.Collections.synchronizedList(new ArrayList<>());
  final List<String> namesSeen = java.util.Collections.synchronizedList(new ArrayList<>());
  private final Function<SourceFile, ConversionResult> behaviour;

  FakeEngine(Function<SourceFile, ConversionResult> behaviour) {
    this.behaviour = behaviour;
  }

  @Override
  public ConversionResult convert(SourceFile input, ParseResult parsed, ConvertOptions options) {
    optionsSeen.add(options);
    namesSeen.add(input.name());
    return behaviour.apply(input);
  }

  @Override
  public ConversionResult validate(SourceFile input, ParseResult parsed, ConvertOptions options) {
    return convert(input, parsed, options);
  }

  /** Packer inputs go to the real core: these tests fake AIB results only. */
  @Override
  public ConversionResult convertPacker(PackerJob job, boolean emit) {
    return Engine.core().convertPacker(job, emit);
  }

  static ConvertedTemplate template(String name, String text) {
    return new ConvertedTemplate(
        name,
        new ImageTemplate(
            ImageTemplate.RESOURCE_TYPE,
            "2024-02-01",
            null,
            "westeurope",
            null,
            null,
            ImageTemplateProperties.builder().build()),
        text);
  }

  static ConversionResult ok(ConvertedTemplate... templates) {
    return new ConversionResult(List.of(templates), List.of());
  }

  static Diagnostic diagnostic(SourceFile file, Severity severity, String code, String detail) {
    return new Diagnostic(
        code,
        severity,
        "Test " + severity.label(),
        detail,
        Optional.of(file.range(0, 1)),
        Optional.of("/properties"),
        List.of());
  }
}
