package io.github.packer2aib.core.mapping;

import io.github.packer2aib.core.aib.Identity;
import io.github.packer2aib.core.aib.ImageTemplate;
import io.github.packer2aib.core.diag.Diagnostic;
import io.github.packer2aib.core.source.Range;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Sets the template identity given with {@code --identity}, saying when it replaces another. */
public final class IdentityOverride {
  private IdentityOverride() {}

  public record Result(ImageTemplate template, List<Diagnostic> diagnostics) {}

  public static Result apply(
      ImageTemplate template,
      String resourceId,
      String basePointer,
      Function<String, Optional<Range>> locate) {
    Identity wanted = Identity.userAssigned(resourceId);
    Identity had = template.identity();
    if (had == null || wanted.equals(had)) {
      return new Result(template.withIdentity(wanted), List.of());
    }
    Diagnostic note =
        Diagnostic.of(
                MappingCode.IDENTITY_REPLACED,
                locate.apply("/identity").orElse(null),
                "The template's own identity is replaced by the one given with --identity ("
                    + resourceId
                    + ").")
            .withPath(basePointer + "/identity");
    return new Result(template.withIdentity(wanted), List.of(note));
  }
}
