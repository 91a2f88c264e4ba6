package io.github.packer2aib.core.aib;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The AIB API versions we read, validate and emit, oldest first. */
public enum ApiVersion {
  V2019_05_01_PREVIEW("2019-05-01-preview"),
  V2020_02_14("2020-02-14"),
  V2021_10_01("2021-10-01"),
  V2022_02_14("2022-02-14"),
  V2022_07_01("2022-07-01"),
  V2023_07_01("2023-07-01"),
  V2024_02_01("2024-02-01"),
  V2025_10_01("2025-10-01");

  /** The version emitted when none is chosen (mapping decision 2). */
  public static final ApiVersion DEFAULT = V2024_02_01;

  private final String id;

  ApiVersion(String id) {
    this.id = id;
  }

  /** The version as written in templates, e.g. {@code 2024-02-01}. */
  public String id() {
    return id;
  }

  public boolean atLeast(ApiVersion other) {
    return compareTo(other) >= 0;
  }

  /**
   * From 2024-02-01 the service rejects wrong-cased and unknown fields (AIB release notes, May
   * 2024); older versions accept them, so we only warn there.
   */
  public boolean isStrict() {
    return atLeast(V2024_02_01);
  }

  public static Optional<ApiVersion> parse(String text) {
    for (ApiVersion v : values()) {
      if (v.id.equals(text)) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }

  /**
   * The version {@code text} names in any case ({@code 2019-05-01-Preview}): Azure Resource Manager
   * compares API versions ignoring case (a provider registers {@code 2022-01-31-PREVIEW}, and
   * templates that write {@code 2022-01-31-preview} deploy). Only ASCII letters fold, so no other
   * script's letter passes for one of {@code preview}.
   */
  public static Optional<ApiVersion> parseIgnoringCase(String text) {
    if (text == null) {
      return Optional.empty();
    }
    // By hand: toLowerCase folds every script's letters (the Kelvin sign to k), not ASCII alone.
    char[] folded = text.toCharArray();
    for (int i = 0; i < folded.length; i++) {
      if (folded[i] >= 'A' && folded[i] <= 'Z') {
        folded[i] = (char) (folded[i] + ('a' - 'A'));
      }
    }
    return parse(new String(folded));
  }

  /**
   * The version {@code text} names in any case and with blanks around it, as an option is read on
   * the command line or in a settings file ({@code " 2024-02-01"}). A template's own value is read
   * by {@link #parseIgnoringCase}: blanks are part of what Resource Manager is sent.
   */
  public static Optional<ApiVersion> parseLeniently(String text) {
    return text == null ? Optional.empty() : parseIgnoringCase(text.trim());
  }

  public static List<String> ids() {
    return Arrays.stream(values()).map(ApiVersion::id).collect(Collectors.toList());
  }

  @Override
  public String toString() {
    return id;
  }
}
