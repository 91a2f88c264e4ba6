package io.github.packer2aib.core.hcl.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.packer2aib.core.hcl.value.Mark;
import io.github.packer2aib.core.hcl.value.Type;
import io.github.packer2aib.core.hcl.value.Value;
import io.github.packer2aib.core.hcl.value.Values;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/**
 * Properties of the whole function library: JSON round trips, sensitive marks reaching every
 * result, and bad input never producing anything but a {@link FunctionException}.
 */
class FunctionProperties {
  private static final FunctionRegistry REGISTRY = TestFunctions.registry();

  private static Value call(String name, List<Value> args) throws FunctionException {
    return REGISTRY.lookup(name).orElseThrow().call(args);
  }

  // ------------------------------------------------------------------ generators

  @Provide
  Arbitrary<Value> jsonValues() {
    return jsonValue(3);
  }

  private Arbitrary<Value> jsonValue(int depth) {
    Arbitrary<Value> leaf =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(12).map(Value::string),
            Combinators.combine(
                    Arbitraries.bigIntegers().between(BigInteger.valueOf(-1_000_000_000L), BigInteger.valueOf(1_000_000_000L)),
                    Arbitraries.integers().between(-8, 8))
                .as((u, s) -> (Value) Value.number(new BigDecimal(u, s))),
            Arbitraries.of(Value.TRUE, Value.FALSE, Value.nullOf(Type.DYNAMIC)));
    if (depth == 0) {
      return leaf;
    }
    Arbitrary<Value> tuples =
        jsonValue(depth - 1).list().ofMaxSize(4).map(l -> (Value) Value.tuple(l));
    Arbitrary<Value> objects =
        Arbitraries.maps(Arbitraries.strings().alpha().ofMaxLength(6), jsonValue(depth - 1))
            .ofMaxSize(4)
            .map(m -> (Value) Value.object(new TreeMap<>(m)));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, leaf), net.jqwik.api.Tuple.of(1, tuples), net.jqwik.api.Tuple.of(1, objects));
  }

  /** Assorted argument values, biased towards what the functions accept. */
  @Provide
  Arbitrary<Value> arguments() {
    Arbitrary<Value> strings =
        Arbitraries.of(
                "", "a", "a,b", "hello world", "10.0.0.0/8", "fd00::/56", "2018-01-02T23:12:01Z", "%s-%d",
                "[a-z]+", "1", "true", "{\"a\":1}", "a: 1", "x,y\n1,2", "YYYY-MM-DD", "1h", "dns", "sub/*.txt",
                "hello.txt", "\u00e9\uD83C\uDF89", "FF", "UTF-8")
            .map(Value::string);
    Arbitrary<Value> numbers =
        Arbitraries.of("0", "1", "2", "-1", "3", "16", "0.5", "255", "36", "1e3").map(Value::number);
    Arbitrary<Value> scalars =
        Arbitraries.oneOf(strings, numbers, Arbitraries.of(Value.TRUE, Value.FALSE));
    Arbitrary<Value> others =
        Arbitraries.oneOf(
            scalars.list().ofMaxSize(3).map(l -> (Value) Value.tuple(l)),
            strings.list().ofMaxSize(3).map(l -> (Value) Value.list(Type.STRING, l)),
            numbers.list().ofMaxSize(3).map(l -> (Value) Value.set(Type.NUMBER, l)),
            Arbitraries.maps(Arbitraries.of("a", "b", "c"), strings)
                .ofMaxSize(3)
                .map(m -> (Value) Value.map(Type.STRING, m)),
            Arbitraries.maps(Arbitraries.of("a", "b", "c"), scalars)
                .ofMaxSize(3)
                .map(m -> (Value) Value.object(new TreeMap<String, Value>(m))),
            Arbitraries.of(
                Value.nullOf(Type.DYNAMIC),
                Value.unknown(Type.STRING),
                Value.unknown(Type.DYNAMIC),
                Value.tuple(Value.tuple(Value.number(1)), Value.tuple())));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, scalars), net.jqwik.api.Tuple.of(2, others));
  }

  /** A call: function name, arguments, and which argument is made sensitive. */
  record Call(String name, List<Value> args, int sensitive) {}

  @Provide
  Arbitrary<Call> calls() {
    List<String> names = new ArrayList<>();
    for (String n : REGISTRY.names()) {
      HclFunction f = REGISTRY.lookup(n).orElseThrow();
      if (!f.parameters().isEmpty() || f.variadic().isPresent()) {
        names.add(n);
      }
    }
    return Arbitraries.of(names)
        .flatMap(
            name -> {
              HclFunction f = REGISTRY.lookup(name).orElseThrow();
              int fixed = f.parameters().size();
              int extraMax = f.variadic().isPresent() ? 3 : 0;
              int min = Math.max(fixed, 1);
              return Arbitraries.integers()
                  .between(min, fixed + extraMax)
                  .flatMap(
                      n ->
                          Combinators.combine(arguments().list().ofSize(n), Arbitraries.integers().between(0, n - 1))
                              .as((args, s) -> new Call(name, args, s)));
            });
  }

  // ------------------------------------------------------------------ properties

  @Property(tries = 500)
  void jsonRoundTrip(@ForAll("jsonValues") Value v) throws FunctionException {
    String text = Json.encode(v);
    assertEquals(v, Json.decode(text, -1));
    Value viaFunctions = call("jsondecode", List.of(call("jsonencode", List.of(v))));
    assertEquals(v, viaFunctions);
  }

  @Property(tries = 200)
  void jsonencodeOfSensitiveIsSensitive(@ForAll("jsonValues") Value v) throws FunctionException {
    Value secret = v.mark(Mark.SENSITIVE);
    Value encoded = call("jsonencode", List.of(Value.tuple(secret)));
    assertTrue(encoded.isSensitive());
    assertTrue(call("jsondecode", List.of(encoded)).isSensitive());
  }

  @Property(tries = 3000)
  void sensitiveInputsGiveSensitiveResults(@ForAll("calls") Call c) {
    List<Value> args = new ArrayList<>(c.args());
    args.set(c.sensitive(), args.get(c.sensitive()).mark(Mark.SENSITIVE));
    Value result;
    try {
      result = call(c.name(), args);
    } catch (FunctionException e) {
      assertTrue(
          e.code() == FunctionCode.UNSUPPORTED_FUNCTION || !e.message().contains("hunter2"),
          "messages never show sensitive values");
      return;
    }
    assertTrue(result.isSensitive(), () -> c.name() + args + " gave a non-sensitive " + result);
  }

  @Property(tries = 1000)
  void callsNeverThrowAnythingButFunctionException(@ForAll("calls") Call c) {
    try {
      Value v = call(c.name(), c.args());
      // Whatever came back is a well-formed value.
      Values.render(v);
    } catch (FunctionException expected) {
      assertTrue(!expected.message().isEmpty());
    }
  }

  private static final String SYNTAX_CHARS = "{}[]()<>:;,.\"'`\\/-+*?&!|#%@$^~=_ \n\t\r0123456789aAbBeEfFsSdDxXvTtZzYMDhHms";

  @Provide
  Arbitrary<String> syntaxish() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars(SYNTAX_CHARS).ofMaxLength(60),
        Arbitraries.strings().ofMaxLength(40));
  }

  private static void mayFailOnlyWithFunctionException(String name, Value... args) {
    try {
      Value v = call(name, List.of(args));
      Values.render(v);
    } catch (FunctionException expected) {
      assertTrue(!expected.message().isEmpty(), name);
    }
  }

  @Property(tries = 1000)
  void arbitraryFormats(@ForAll("syntaxish") String spec, @ForAll("arguments") Value arg) {
    mayFailOnlyWithFunctionException("format", Value.string(spec), arg, Value.number(3));
    mayFailOnlyWithFunctionException("formatlist", Value.string(spec), Value.tuple(arg));
  }

  @Property(tries = 1000)
  void arbitraryRegexes(@ForAll("syntaxish") String pattern, @ForAll("syntaxish") String text) {
    mayFailOnlyWithFunctionException("regex", Value.string(pattern), Value.string(text));
    mayFailOnlyWithFunctionException("regexall", Value.string(pattern), Value.string(text));
    mayFailOnlyWithFunctionException(
        "regex_replace", Value.string(text), Value.string(pattern), Value.string("$1-${x}"));
  }

  @Property(tries = 1000)
  void arbitraryDates(@ForAll("syntaxish") String spec, @ForAll("syntaxish") String timestamp) {
    mayFailOnlyWithFunctionException("formatdate", Value.string(spec), Value.string("2018-01-02T23:12:01Z"));
    mayFailOnlyWithFunctionException("formatdate", Value.string("YYYY"), Value.string(timestamp));
    mayFailOnlyWithFunctionException("timeadd", Value.string("2018-01-02T23:12:01Z"), Value.string(timestamp));
    mayFailOnlyWithFunctionException("rfc3339_parse", Value.string(timestamp));
  }

  @Property(tries = 1000)
  void arbitraryCidrs(
      @ForAll("syntaxish") String prefix,
      @ForAll @IntRange(min = -5, max = 140) int newbits,
      @ForAll @IntRange(min = -5, max = 70000) int netnum) {
    mayFailOnlyWithFunctionException("cidrsubnet", Value.string(prefix), Value.number(newbits), Value.number(netnum));
    for (String p : List.of("10.0.0.0/8", "192.168.0.0/24", "fd00::/56", "::/0", "0.0.0.0/0")) {
      mayFailOnlyWithFunctionException("cidrsubnet", Value.string(p), Value.number(newbits), Value.number(netnum));
      mayFailOnlyWithFunctionException("cidrhost", Value.string(p), Value.number(netnum));
      mayFailOnlyWithFunctionException("cidrsubnets", Value.string(p), Value.number(newbits), Value.number(4));
    }
  }

  @Property(tries = 1500)
  void arbitraryDocuments(@ForAll("syntaxish") @StringLength(max = 200) String text) {
    mayFailOnlyWithFunctionException("yamldecode", Value.string(text));
    mayFailOnlyWithFunctionException("jsondecode", Value.string(text));
    mayFailOnlyWithFunctionException("csvdecode", Value.string(text));
    mayFailOnlyWithFunctionException("base64decode", Value.string(text));
    mayFailOnlyWithFunctionException("parseint", Value.string(text), Value.number(16));
  }

  @Property(tries = 50)
  void deeplyNestedDocumentsAreRefusedNotOverflowed(@ForAll @IntRange(min = 1, max = 5000) int depth) {
    mayFailOnlyWithFunctionException("jsondecode", Value.string("[".repeat(depth) + "]".repeat(depth)));
    mayFailOnlyWithFunctionException("yamldecode", Value.string("[".repeat(depth) + "]".repeat(depth)));
  }

  @Property(tries = 20)
  void yamlAliasBombsAreRefused(@ForAll @IntRange(min = 5, max = 12) int levels) {
    StringBuilder sb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i <= levels; i++) {
      sb.append("a").append(i).append(": &a").append(i).append(" [");
      for (int k = 0; k < 10; k++) {
        sb.append(k == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      sb.append("]\n");
    }
    mayFailOnlyWithFunctionException("yamldecode", Value.string(sb.toString()));
  }

  static Map<String, Value> none() {
    return Map.of();
  }
}
