package io.github.packer2aib.core.packer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The source usages a run converts: {@code --only} and {@code --except} (or a settings file's
 * {@code only}/{@code except}), Packer's {@code -only}/{@code -except}. One rule for the two places
 * that ask: the HCL2 loader, which, as Packer, does not hold against the run what is wrong in a
 * body that only left-out usages use (Packer decodes a source's body, and a provisioner's, only for
 * the builds it runs), and the mapper, which converts the azure-arm usages that are kept.
 *
 * @param only globs of the usages to keep; empty keeps every usage
 * @param except globs of the usages to leave out
 */
public record UsageSelection(List<String> only, List<String> except) {
  /** No --only, no --except: every usage. */
  public static final UsageSelection ALL = new UsageSelection(List.of(), List.of());

  public UsageSelection {
    only = List.copyOf(only);
    except = List.copyOf(except);
  }

  /** Whether this keeps every usage (neither --only nor --except). */
  public boolean isAll() {
    return only.isEmpty() && except.isEmpty();
  }

  /**
   * Whether the usage with these {@link #names} is kept: one of {@code only} (when there are any)
   * matches one of its names, and none of {@code except} does.
   */
  public boolean selects(List<String> names) {
    if (isAll()) {
      return true;
    }
    boolean in = only.isEmpty();
    for (int i = 0; !in && i < only.size(); i++) {
      in = UsageGlob.matches(only.get(i), names);
    }
    for (int i = 0; in && i < except.size(); i++) {
      in = !UsageGlob.matches(except.get(i), names);
    }
    return in;
  }

  /** Whether {@code usage}, in the build named {@code build}, is kept. */
  public boolean selects(Optional<String> build, SourceUsage usage) {
    return isAll() || selects(names(build, usage));
  }

  /**
   * The names --only/--except match a usage against: {@code build.type.name} (in a named build),
   * {@code type.name} and the bare {@code name}.
   */
  public static List<String> names(Optional<String> build, SourceUsage usage) {
    List<String> names = new ArrayList<>(3);
    build.ifPresent(b -> names.add(b + "." + usage.reference()));
    names.add(usage.reference());
    names.add(usage.name());
    return names;
  }
}
