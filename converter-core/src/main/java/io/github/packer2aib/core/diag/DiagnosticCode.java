package io.github.packer2aib.core.diag;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A stable diagnostic code with its summary (a terse title in sentence case, as HCL writes them).
 * Each stage keeps its wording in one enum implementing this interface, so all messages of a stage
 * are reviewed in one file. The severity is part of the code: {@code AREA-E…} is an error, {@code
 * AREA-W…} a warning, {@code AREA-N…} a note.
 */
public interface DiagnosticCode {

  /** The code's identifier and summary. */
  Text text();

  /** Stable identifier such as {@code RULE-E301}; never reused for another meaning. */
  default String id() {
    return text().id();
  }

  default String summary() {
    return text().summary();
  }

  default Severity severity() {
    return text().severity();
  }

  /**
   * @param id {@code AREA-Xnnn}: upper-case area, severity letter, three digits
   * @param summary a short title in sentence case
   */
  record Text(String id, String summary) {
    private static final Pattern ID = Pattern.compile("[A-Z]+-[EWN][0-9]{3}");

    public Text {
      Objects.requireNonNull(summary, "summary");
      if (!ID.matcher(Objects.requireNonNull(id, "id")).matches()) {
        throw new IllegalArgumentException("diagnostic code " + id + " is not AREA-Xnnn");
      }
    }

    public Severity severity() {
      return switch (id.charAt(id.indexOf('-') + 1)) {
        case 'E' -> Severity.ERROR;
        case 'W' -> Severity.WARNING;
        default -> Severity.NOTE;
      };
    }
  }
}
