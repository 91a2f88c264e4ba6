package io.github.packer2aib.core.hcl.function;

import io.github.packer2aib.core.diag.EditDistance;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The functions an HCL2 Packer template can call, by name: every pure function of Packer's
 * registry, the clock functions on the run's frozen {@link Clock}, the file functions on the
 * caller's {@link FileSystemView}, and the secret/network functions, which are refused. {@code
 * try}, {@code can} and {@code convert} are special forms ({@link SpecialForms}), not entries.
 */
public final class FunctionRegistry {
  /** The functions that depend on the run, shared with the registries {@link #without} makes. */
  private final RunFunctions run;

  /** Names this registry leaves out ({@link #without}). */
  private final Set<String> removed;

  private FunctionRegistry(RunFunctions run, Set<String> removed) {
    this.run = run;
    this.removed = removed;
  }

  /** Every function of this registry, by name: for listings and suggestions, not for calls. */
  private SortedMap<String, HclFunction> functions() {
    SortedMap<String, HclFunction> m = new TreeMap<>(Pure.FUNCTIONS);
    m.putAll(run.all());
    m.keySet().removeAll(removed);
    return m;
  }

  /**
   * Packer's functions.
   *
   * @param clock the run's frozen clock
   * @param files read access for the file functions
   * @param templates renders {@code templatefile}; null until the HCL evaluator provides one
   */
  public static FunctionRegistry packer(
      Clock clock, FileSystemView files, TemplateRenderer templates) {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(files, "files");
    FunctionRegistry[] self = new FunctionRegistry[1];
    self[0] =
        new FunctionRegistry(
            new RunFunctions(clock, files, templates, () -> self[0].without("templatefile")),
            Set.of());
    return self[0];
  }

  /**
   * The functions that depend on the run (clock, files), in groups each made on first use of one of
   * its functions: most legacy templates and many HCL2 ones call none, the others mostly only
   * {@code timestamp()}, and defining them all was a visible part of reading each template. A
   * registry may be shared between threads.
   */
  private static final class RunFunctions {
    private static final int CRYPTO = 0;
    private static final int DATE_TIME = 1;
    private static final int FILES = 2;

    /** The group of each run function's name. */
    private static final Map<String, Integer> GROUPS = groups();

    private final Clock clock;
    private final FileSystemView files;
    private final TemplateRenderer templates;
    private final Supplier<FunctionRegistry> withoutTemplateFile;

    /** Each group's functions by name, null until made. */
    private final List<Map<String, HclFunction>> made =
        new ArrayList<>(Arrays.asList(null, null, null));

    RunFunctions(
        Clock clock,
        FileSystemView files,
        TemplateRenderer templates,
        Supplier<FunctionRegistry> withoutTemplateFile) {
      this.clock = clock;
      this.files = files;
      this.templates = templates;
      this.withoutTemplateFile = withoutTemplateFile;
    }

    /** The names of each group, from a throw-away definition; checked against the pure ones. */
    private static Map<String, Integer> groups() {
      RunFunctions probe =
          new RunFunctions(
              Clock.frozenAt(Instant.EPOCH), FileSystemView.empty("/"), null, () -> null);
      Map<String, Integer> m = new HashMap<>();
      for (int g = 0; g < 3; g++) {
        for (HclFunction f : probe.define(g)) {
          if (Pure.FUNCTIONS.containsKey(f.name()) || m.put(f.name(), g) != null) {
            throw new IllegalStateException("function defined twice: " + f.name());
          }
        }
      }
      return Map.copyOf(m);
    }

    private List<HclFunction> define(int group) {
      switch (group) {
        case CRYPTO:
          return CryptoFunctions.all(clock);
        case DATE_TIME:
          return DateTimeFunctions.all(clock);
        default:
          return FileFunctions.all(files, templates, withoutTemplateFile);
      }
    }

    private synchronized Map<String, HclFunction> group(int g) {
      Map<String, HclFunction> m = made.get(g);
      if (m == null) {
        m = new HashMap<>();
        for (HclFunction f : define(g)) {
          m.put(f.name(), f);
        }
        made.set(g, m);
      }
      return m;
    }

    /** The run function {@code name}, or null. */
    HclFunction get(String name) {
      Integer g = GROUPS.get(name);
      return g == null ? null : group(g).get(name);
    }

    SortedMap<String, HclFunction> all() {
      SortedMap<String, HclFunction> m = new TreeMap<>();
      for (int g = 0; g < 3; g++) {
        m.putAll(group(g));
      }
      return m;
    }
  }

  /**
   * The functions that depend on nothing of the run, defined once and shared by every registry:
   * every template reading builds a registry, and copying (let alone defining) the hundred pure
   * functions each time was a visible part of it.
   */
  private static final class Pure {
    static final SortedMap<String, HclFunction> FUNCTIONS = build();

    /**
     * The same, hashed: every call looks its function up, and the sorted map compares the name with
     * several others on the way (C1 code in bulk runs).
     */
    static final Map<String, HclFunction> BY_NAME = Map.copyOf(FUNCTIONS);

    private static SortedMap<String, HclFunction> build() {
      SortedMap<String, HclFunction> m = new TreeMap<>();
      add(m, StringFunctions.all());
      add(m, CollectionFunctions.all());
      add(m, NumericFunctions.all());
      add(m, EncodingFunctions.all());
      add(m, NetworkFunctions.all());
      add(m, SecretFunctions.all());
      return Collections.unmodifiableSortedMap(m);
    }
  }

  /**
   * Defines the pure functions now rather than at a template's first call: a command line that
   * converts one template can have it done on another thread while it parses.
   */
  public static void definePureFunctions() {
    Objects.requireNonNull(Pure.FUNCTIONS);
  }

  private static void add(SortedMap<String, HclFunction> m, List<HclFunction> fs) {
    for (HclFunction f : fs) {
      if (m.put(f.name(), f) != null) {
        throw new IllegalStateException("function defined twice: " + f.name());
      }
    }
  }

  /** The name of bcrypt, whose result is never known at conversion time ({@link #neverKnown}). */
  public static final String BCRYPT = "bcrypt";

  /**
   * Whether a call of the function {@code name} never has a known result at conversion time: a
   * secret reader's ({@link SecretFunctions}, not called) or {@link #BCRYPT}'s (a random salt). The
   * binder names such calls as what a value without a value depends on ({@code vault(…)}), and the
   * mapper's advice for them tells the two kinds apart.
   */
  public static boolean neverKnown(String name) {
    return name.equals(BCRYPT) || SecretFunctions.readsFrom(name).isPresent();
  }

  /** This registry less one function; it shares this one's functions. */
  public FunctionRegistry without(String name) {
    Set<String> less = new HashSet<>(removed);
    less.add(name);
    return new FunctionRegistry(run, Set.copyOf(less));
  }

  public Optional<HclFunction> lookup(String name) {
    if (removed.contains(name)) {
      return Optional.empty();
    }
    HclFunction pure = Pure.BY_NAME.get(name);
    return pure != null ? Optional.of(pure) : Optional.ofNullable(run.get(name));
  }

  /** Names of the ordinary functions (special forms not included). */
  public SortedSet<String> names() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(functions().keySet()));
  }

  /** Whether the evaluator must call this name through {@link SpecialForms}. */
  public boolean isSpecialForm(String name) {
    return SpecialForms.NAMES.contains(name);
  }

  /**
   * The error for a call to a name that is neither a function nor a special form: {@code There is
   * no function named "uper". Did you mean "upper"?}
   */
  public FunctionException unknownFunction(String name) {
    String message = "There is no function named \"" + name + "\"";
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    TreeSet<String> candidates = new TreeSet<>(functions().keySet());
    candidates.addAll(SpecialForms.NAMES);
    for (String candidate : candidates) {
      int d = distance(name, candidate);
      if (d < 3 && d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    if (name.equals("env")) {
      // As in Packer, env() exists only in a variable's default; legacy {{env}} users meet this.
      message +=
          ": env is only available in the default of a variable. Declare a variable with default"
              + " = env(\"NAME\") and use var.NAME here";
    } else if (best != null) {
      message += ". Did you mean \"" + best + "\"?";
    }
    return new FunctionException(FunctionCode.UNKNOWN_FUNCTION, -1, message);
  }

  private static int distance(String a, String b) {
    return EditDistance.between(a, b);
  }
}
