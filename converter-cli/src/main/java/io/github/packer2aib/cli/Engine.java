package io.github.packer2aib.cli;

import io.github.packer2aib.core.ConversionResult;
import io.github.packer2aib.core.ConvertOptions;
import io.github.packer2aib.core.Converter;
import io.github.packer2aib.core.OutputFormat;
import io.github.packer2aib.core.PackerConversion;
import io.github.packer2aib.core.bind.packer.PackerInput;
import io.github.packer2aib.core.bind.packer.PackerOptions;
import io.github.packer2aib.core.hcl.function.FileSystemView;
import io.github.packer2aib.core.mapping.packer.MapOptions;
import io.github.packer2aib.core.parse.ParseResult;
import io.github.packer2aib.core.source.SourceFile;

/**
 * What the commands need from the core. An interface (the core's {@link Converter} is final) so
 * tests can inject results the real pipeline cannot be made to give on demand, such as a name clash
 * between inputs or an exception.
 */
interface Engine {
  /** An AIB input; {@code parsed} is its reading by {@code DocReader.read}, not parsed again. */
  ConversionResult convert(SourceFile input, ParseResult parsed, ConvertOptions options);

  ConversionResult validate(SourceFile input, ParseResult parsed, ConvertOptions options);

  /** A Packer template (file or folder) to AIB templates; {@code emit} false only checks. */
  ConversionResult convertPacker(PackerJob job, boolean emit);

  /** Everything a Packer conversion takes. */
  record PackerJob(
      PackerInput input,
      PackerOptions packer,
      MapOptions mapping,
      OutputFormat format,
      FileSystemView files) {}

  /**
   * The real core. The converter is built on first use, so --help and --version stay cheap; it is
   * stateless, and {@code convert -r} calls this engine from several threads at once.
   */
  static Engine core() {
    return new Engine() {
      private Converter converter;

      private synchronized Converter converter() {
        if (converter == null) {
          converter = new Converter();
        }
        return converter;
      }

      @Override
      public ConversionResult convert(
          SourceFile input, ParseResult parsed, ConvertOptions options) {
        return converter().convert(input, parsed, options);
      }

      @Override
      public ConversionResult validate(
          SourceFile input, ParseResult parsed, ConvertOptions options) {
        return converter().validate(input, parsed, options);
      }

      @Override
      public ConversionResult convertPacker(PackerJob job, boolean emit) {
        return new PackerConversion()
            .convert(job.input(), job.packer(), job.mapping(), job.format(), job.files(), emit);
      }
    };
  }
}
