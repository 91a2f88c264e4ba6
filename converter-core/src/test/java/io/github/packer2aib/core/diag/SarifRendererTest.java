package io.github.packer2aib.core.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.packer2aib.core.source.Range;
import io.github.packer2aib.core.source.SourceFile;
import java.io.StringWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/**
 * {@code --diagnostics-format sarif}: a SARIF 2.1.0 log whose results carry every part of a
 * diagnostic. {@link #assertConforms} checks what the OASIS schema requires of the objects
 * packer2aib writes (required members, value sets, minimums, no undefined members); the schema
 * itself is not in the build (it is not a dependency of any library we use).
 */
class SarifRendererTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BASE = "file:///home/me/repo/";
  private static final DiagnosticCode ERROR =
      () -> new DiagnosticCode.Text("TEST-E001", "Something wrong");
  private static final DiagnosticCode WARNING =
      () -> new DiagnosticCode.Text("TEST-W002", "Something odd");

  private static JsonNode render(Optional<String> base, List<Diagnostic> diagnostics)
      throws Exception {
    JsonNode log = JSON.readTree(new SarifRenderer("1.2.3", base).render(diagnostics));
    assertConforms(log);
    return log;
  }

  @Test
  void aResultPerDiagnostic() throws Exception {
    SourceFile file = new SourceFile("images/ubuntu.pkr.hcl", "a = 1\nb\uD83D\uDE00 = \"x\"\n");
    // The quoted "x" on line 2: after an emoji, one code point but two UTF-16 units.
    Range subject = file.range(12, 15);
    Diagnostic error =
        Diagnostic.of(ERROR, subject, "Fix it.")
            .withPath("/properties/x")
            .withRelated(new Related(file.range(0, 1), "first set here"));
    Diagnostic warning = Diagnostic.of(WARNING, null, "Look at it.");
    Diagnostic note =
        new Diagnostic(
            "TEST-E001",
            Severity.NOTE,
            "A summary of its own",
            "Just so.",
            Optional.of(file.range(0, 1)),
            Optional.empty(),
            List.of());

    JsonNode log = render(Optional.of(BASE), List.of(error, warning, note));

    JsonNode run = log.get("runs").get(0);
    assertEquals("2.1.0", log.get("version").asText());
    assertEquals("unicodeCodePoints", run.get("columnKind").asText());
    assertEquals(BASE, run.get("originalUriBaseIds").get("CWD").get("uri").asText());
    JsonNode driver = run.get("tool").get("driver");
    assertEquals("packer2aib", driver.get("name").asText());
    assertEquals("1.2.3", driver.get("version").asText());
    assertEquals(
        "[{\"id\":\"TEST-E001\",\"shortDescription\":{\"text\":\"Something wrong\"},"
            + "\"defaultConfiguration\":{\"level\":\"error\"}},"
            + "{\"id\":\"TEST-W002\",\"shortDescription\":{\"text\":\"Something odd\"},"
            + "\"defaultConfiguration\":{\"level\":\"warning\"}}]",
        driver.get("rules").toString());

    JsonNode results = run.get("results");
    assertEquals(3, results.size());
    JsonNode first = results.get(0);
    assertEquals("TEST-E001", first.get("ruleId").asText());
    assertEquals("error", first.get("level").asText());
    assertEquals("Fix it.", first.get("message").get("text").asText());
    JsonNode location = first.get("locations").get(0).get("physicalLocation");
    assertEquals(
        "{\"uri\":\"images/ubuntu.pkr.hcl\",\"uriBaseId\":\"CWD\"}",
        location.get("artifactLocation").toString());
    assertEquals(
        "{\"startLine\":2,\"startColumn\":6,\"endLine\":2,\"endColumn\":9}",
        location.get("region").toString());
    JsonNode related = first.get("relatedLocations").get(0);
    assertEquals(1, related.get("id").asInt());
    assertEquals("first set here", related.get("message").get("text").asText());
    assertEquals(
        "{\"startLine\":1,\"startColumn\":1,\"endLine\":1,\"endColumn\":2}",
        related.get("physicalLocation").get("region").toString());
    assertEquals("/properties/x", first.get("properties").get("jsonPointer").asText());

    JsonNode second = results.get(1);
    assertEquals("warning", second.get("level").asText());
    // GitHub's upload-sarif refuses a log with a result without a physical location: one about
    // no input is about the run, the working directory it was started in.
    assertEquals(
        "[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":\"./\",\"uriBaseId\":\"CWD\","
            + "\"description\":{\"text\":\"The command line\"}}}}]",
        second.get("locations").toString());
    assertNull(second.get("properties"));

    // A result whose summary is not its rule's keeps it in the message.
    JsonNode third = results.get(2);
    assertEquals("note", third.get("level").asText());
    assertEquals("A summary of its own: Just so.", third.get("message").get("text").asText());
  }

  @Test
  void secretsInDetailsAndLabelsAreScrubbed() throws Exception {
    SourceFile file = new SourceFile("t.json", "{}");
    Diagnostic d =
        Diagnostic.of(ERROR, file.range(0, 1), "Found client_secret = \"hunter2\" here.")
            .withRelated(new Related(file.range(1, 2), "password: hunter2"));

    String text = new SarifRenderer("1", Optional.empty()).render(List.of(d));

    assertFalse(text.contains("hunter2"), text);
    assertConforms(JSON.readTree(text));
  }

  @Test
  void withoutABaseRelativeNamesHaveNoBaseIdAndAbsoluteOnesAreFileUris() throws Exception {
    SourceFile relative = new SourceFile("a dir/t#1.json", "{}");
    SourceFile absolute = new SourceFile("/srv/images/t 2.json", "{}");
    SourceFile windows = new SourceFile("C:\\images\\t.json", "{}");

    JsonNode results =
        render(
                Optional.empty(),
                List.of(
                    Diagnostic.of(ERROR, relative.range(0, 1), "x"),
                    Diagnostic.of(ERROR, absolute.range(0, 1), "x"),
                    Diagnostic.of(ERROR, windows.range(0, 1), "x")))
            .get("runs")
            .get(0)
            .get("results");

    List<String> locations = new ArrayList<>();
    results.forEach(
        r ->
            locations.add(
                r.get("locations")
                    .get(0)
                    .get("physicalLocation")
                    .get("artifactLocation")
                    .toString()));
    assertEquals(
        List.of(
            "{\"uri\":\"a%20dir/t%231.json\"}",
            "{\"uri\":\"file:///srv/images/t%202.json\"}",
            "{\"uri\":\"file:///C:/images/t.json\"}"),
        locations);
  }

  @Test
  void aValueThatIsNoFileIsALogicalLocation() throws Exception {
    SourceFile value = new SourceFile("<value for var.count from --var>", "abc");
    SourceFile stdin = new SourceFile("<stdin>", "{}");
    SourceFile named = new SourceFile("image.yaml", "{}"); // --stdin-name image.yaml

    JsonNode results =
        render(
                Optional.of(BASE),
                List.of(
                    Diagnostic.of(ERROR, value.range(0, 3), "x"),
                    Diagnostic.of(ERROR, stdin.range(0, 1), "x"),
                    Diagnostic.of(ERROR, named.range(0, 1), "x")))
            .get("runs")
            .get(0)
            .get("results");

    // Also a physical location, which GitHub's upload-sarif requires: the command line.
    assertEquals(
        "[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":\"./\",\"uriBaseId\":\"CWD\","
            + "\"description\":{\"text\":\"The command line\"}}},"
            + "\"logicalLocations\":[{\"name\":\"<value for var.count from --var>\"}]}]",
        results.get(0).get("locations").toString());
    assertEquals(
        "[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":\"./\",\"uriBaseId\":\"CWD\","
            + "\"description\":{\"text\":\"The command line\"}}},"
            + "\"logicalLocations\":[{\"name\":\"<stdin>\"}]}]",
        results.get(1).get("locations").toString());
    assertEquals(
        "{\"uri\":\"image.yaml\",\"uriBaseId\":\"CWD\"}",
        results
            .get(2)
            .get("locations")
            .get(0)
            .get("physicalLocation")
            .get("artifactLocation")
            .toString());
  }

  /**
   * A diagnostic about an input but no place in it (an unreadable file, a folder without a build)
   * is located at the input, without a region; a value that is no file, given for an input, at that
   * input; {@code <stdin>} as the input at the command line, which it came from.
   */
  @Test
  void everyResultHasAPhysicalLocationAtItsInputWhenItHasNoPlace() throws Exception {
    SourceFile value = new SourceFile("<value for var.count from --var>", "abc");
    JsonNode results =
        render(
                Optional.of(BASE),
                List.of(
                    Diagnostic.of(ERROR, null, "x").about("images/ubuntu"),
                    Diagnostic.of(ERROR, value.range(0, 3), "x")
                        .about("images/ubuntu/a.pkr.hcl")
                        .withRelated(new Related(value.range(1, 2), "here")),
                    Diagnostic.of(ERROR, null, "x").about("<stdin>"),
                    Diagnostic.of(ERROR, null, "x").about("/srv/t.json")))
            .get("runs")
            .get(0)
            .get("results");

    assertEquals(
        "[{\"physicalLocation\":{\"artifactLocation\":"
            + "{\"uri\":\"images/ubuntu\",\"uriBaseId\":\"CWD\"}}}]",
        results.get(0).get("locations").toString());
    assertEquals(
        "[{\"physicalLocation\":{\"artifactLocation\":"
            + "{\"uri\":\"images/ubuntu/a.pkr.hcl\",\"uriBaseId\":\"CWD\"}},"
            + "\"logicalLocations\":[{\"name\":\"<value for var.count from --var>\"}]}]",
        results.get(1).get("locations").toString());
    assertEquals(
        "{\"uri\":\"images/ubuntu/a.pkr.hcl\",\"uriBaseId\":\"CWD\"}",
        results
            .get(1)
            .get("relatedLocations")
            .get(0)
            .get("physicalLocation")
            .get("artifactLocation")
            .toString());
    assertEquals(
        "[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":\"./\",\"uriBaseId\":\"CWD\","
            + "\"description\":{\"text\":\"The command line (<stdin>)\"}}}}]",
        results.get(2).get("locations").toString());
    assertEquals(
        "[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":\"file:///srv/t.json\"}}}]",
        results.get(3).get("locations").toString());
  }

  /**
   * A message that quotes a place (a duplicate's first definition) keeps its fingerprint when a
   * line added above moves both places.
   */
  @Test
  void aPlaceQuotedInTheMessageIsNotHashed() throws Exception {
    SourceFile before = new SourceFile("a.pkr.hcl", "x\ny\n");
    SourceFile after = new SourceFile("a.pkr.hcl", "# c\nx\ny\n");
    List<String> first =
        fingerprints(
            Diagnostic.of(
                WARNING,
                before.range(2, 3),
                "The key \"owner\" was already defined at a.pkr.hcl:1:1."));
    List<String> moved =
        fingerprints(
            Diagnostic.of(
                WARNING,
                after.range(6, 7),
                "The key \"owner\" was already defined at a.pkr.hcl:2:1."));
    assertEquals(first, moved);
    assertEquals(
        "defined at a.pkr.hcl and C:\\t.json, at 10:30.",
        SarifRenderer.withoutPositions("defined at a.pkr.hcl:3:5 and C:\\t.json:12:1, at 10:30."));
  }

  @Test
  void noDiagnosticsGiveALogWithAnEmptyRunAndAStreamEndsItOnce() throws Exception {
    StringWriter out = new StringWriter();
    SarifRenderer.Stream stream = new SarifRenderer("1", Optional.of(BASE)).stream(out);
    stream.close();
    stream.close();

    JsonNode log = JSON.readTree(out.toString());
    assertConforms(log);
    assertTrue(log.get("runs").get(0).get("results").isEmpty());
    assertTrue(log.get("runs").get(0).get("tool").get("driver").get("rules").isEmpty());
    assertTrue(out.toString().endsWith("}\n"), out.toString());
  }

  /**
   * A finding keeps its fingerprint when an edit elsewhere moves it (no line or column goes in),
   * equal findings are numbered in order, and the file, the pointer, the rule and the message each
   * make it another finding.
   */
  @Test
  void fingerprintsFollowAFindingNotItsLine() throws Exception {
    SourceFile before = new SourceFile("t.pkr.hcl", "a = 1\nb = 2\n");
    SourceFile after = new SourceFile("t.pkr.hcl", "# new comment\n\na = 1\nb = 2\n");
    SourceFile other = new SourceFile("u.pkr.hcl", "a = 1\nb = 2\n");

    List<String> first =
        fingerprints(
            Diagnostic.of(ERROR, before.range(0, 1), "Fix a."),
            Diagnostic.of(ERROR, before.range(6, 7), "Fix a."),
            Diagnostic.of(ERROR, before.range(6, 7), "Fix b."));
    List<String> moved =
        fingerprints(
            Diagnostic.of(ERROR, after.range(15, 16), "Fix a."),
            Diagnostic.of(ERROR, after.range(21, 22), "Fix a."),
            Diagnostic.of(ERROR, after.range(21, 22), "Fix b."));
    assertEquals(first, moved);
    assertTrue(first.get(0).endsWith(":1") && first.get(1).endsWith(":2"), first.toString());
    assertEquals(
        first.get(0).substring(0, 32), first.get(1).substring(0, 32), "equal findings, one hash");
    assertTrue(first.get(2).endsWith(":1"), "another message is another finding");
    assertEquals(34, first.get(0).length(), "128 bits in hex, a colon and the number");

    Set<String> distinct =
        Set.copyOf(
            fingerprints(
                Diagnostic.of(ERROR, before.range(0, 1), "Fix a."),
                Diagnostic.of(ERROR, other.range(0, 1), "Fix a."),
                Diagnostic.of(WARNING, before.range(0, 1), "Fix a."),
                Diagnostic.of(ERROR, before.range(0, 1), "Fix a.").withPath("/builders/0"),
                Diagnostic.of(ERROR, null, "Fix a.")));
    assertEquals(5, distinct.size(), distinct.toString());
    assertTrue(distinct.stream().allMatch(f -> f.endsWith(":1")), distinct.toString());
  }

  @Test
  void aFingerprintHashesTheScrubbedMessageOnly() throws Exception {
    SourceFile file = new SourceFile("t.json", "{\"client_secret\": \"hunter2\"}");
    List<String> withSecret =
        fingerprints(
            Diagnostic.of(ERROR, file.range(1, 16), "Found client_secret = \"hunter2\" here."));
    List<String> withOther =
        fingerprints(
            Diagnostic.of(ERROR, file.range(1, 16), "Found client_secret = \"letmein\" here."));
    // Both messages scrub to the same text: the hash cannot tell (or reveal) the secret.
    assertEquals(withSecret, withOther);
  }

  private static List<String> fingerprints(Diagnostic... diagnostics) throws Exception {
    List<String> out = new ArrayList<>();
    render(Optional.of(BASE), List.of(diagnostics))
        .get("runs")
        .get(0)
        .get("results")
        .forEach(
            r -> out.add(r.get("partialFingerprints").get(SarifRenderer.FINGERPRINT).asText()));
    return out;
  }

  /** Any file name (no lone surrogates) is one URI reference that reads back as the name. */
  @Property
  void encodedNamesReadBackAsTheName(
      @ForAll
          @StringLength(min = 1, max = 40)
          @CharRange(from = ' ', to = '\uD7FF')
          @Chars({':', '%', '#', '?', '\\', '/', '[', ']', '@', '!', '$', '&', '+', ';', '='})
          String name)
      throws Exception {
    String encoded = SarifRenderer.encodePath(name);
    URI uri = new URI(encoded);
    assertNull(uri.getScheme(), encoded);
    assertNull(uri.getQuery(), encoded);
    assertNull(uri.getFragment(), encoded);
    assertEquals(name, uri.getPath(), encoded);
  }

  /**
   * What the SARIF 2.1.0 schema requires of the objects packer2aib writes: the members it requires,
   * the value sets and minimums it sets, and no members it does not define (its objects forbid
   * additional properties).
   */
  static void assertConforms(JsonNode log) throws Exception {
    assertMembers(log, Set.of("version", "runs"), Set.of("$schema"));
    assertEquals("2.1.0", log.get("version").asText());
    new URI(log.get("$schema").asText());
    for (JsonNode run : log.get("runs")) {
      assertMembers(run, Set.of("tool"), Set.of("results", "columnKind", "originalUriBaseIds"));
      if (run.has("columnKind")) {
        assertTrue(
            Set.of("utf16CodeUnits", "unicodeCodePoints").contains(run.get("columnKind").asText()));
      }
      if (run.has("originalUriBaseIds")) {
        run.get("originalUriBaseIds")
            .forEach(
                base -> {
                  assertMembers(base, Set.of("uri"), Set.of());
                  assertTrue(URI.create(base.get("uri").asText()).isAbsolute(), base.toString());
                  assertTrue(base.get("uri").asText().endsWith("/"), base.toString());
                });
      }
      JsonNode driver = run.get("tool").get("driver");
      assertMembers(run.get("tool"), Set.of("driver"), Set.of());
      assertMembers(driver, Set.of("name"), Set.of("version", "rules"));
      Set<String> ruleIds = new java.util.HashSet<>();
      for (JsonNode rule : driver.get("rules")) {
        assertMembers(rule, Set.of("id"), Set.of("shortDescription", "defaultConfiguration"));
        assertTrue(ruleIds.add(rule.get("id").asText()), "rule ids are unique");
        assertMembers(rule.get("shortDescription"), Set.of("text"), Set.of());
        if (rule.has("defaultConfiguration")) {
          JsonNode configuration = rule.get("defaultConfiguration");
          assertMembers(configuration, Set.of(), Set.of("level"));
          assertTrue(
              Set.of("none", "note", "warning", "error")
                  .contains(configuration.get("level").asText()));
        }
      }
      for (JsonNode result : run.get("results")) {
        assertMembers(
            result,
            Set.of("message"),
            Set.of(
                "ruleId",
                "level",
                "locations",
                "relatedLocations",
                "partialFingerprints",
                "properties"));
        assertTrue(ruleIds.contains(result.get("ruleId").asText()), "every rule is listed");
        assertTrue(
            Set.of("none", "note", "warning", "error").contains(result.get("level").asText()));
        assertMembers(result.get("message"), Set.of("text"), Set.of());
        if (result.has("partialFingerprints")) {
          result.get("partialFingerprints").forEach(f -> assertTrue(f.isTextual(), f.toString()));
        }
        // Not the schema's but GitHub's: upload-sarif refuses a result without a location, or
        // with one that has no physical location.
        assertTrue(result.has("locations") && !result.get("locations").isEmpty(), "a location");
        for (JsonNode location : result.get("locations")) {
          assertLocation(location, Set.of("physicalLocation", "logicalLocations"));
        }
        if (result.has("relatedLocations")) {
          for (JsonNode location : result.get("relatedLocations")) {
            assertLocation(
                location, Set.of("id", "message", "physicalLocation", "logicalLocations"));
            assertTrue(location.get("id").asInt() >= -1);
          }
        }
      }
    }
  }

  private static void assertLocation(JsonNode location, Set<String> allowed) throws Exception {
    assertMembers(location, Set.of("physicalLocation"), allowed);
    if (location.has("logicalLocations")) {
      for (JsonNode logical : location.get("logicalLocations")) {
        assertMembers(logical, Set.of("name"), Set.of());
      }
    }
    JsonNode physical = location.get("physicalLocation");
    assertMembers(physical, Set.of("artifactLocation"), Set.of("region"));
    JsonNode artifact = physical.get("artifactLocation");
    assertMembers(artifact, Set.of("uri"), Set.of("uriBaseId", "description"));
    if (artifact.has("description")) {
      assertMembers(artifact.get("description"), Set.of("text"), Set.of());
    }
    new URI(artifact.get("uri").asText()); // a URI reference
    JsonNode region = physical.get("region");
    if (region == null) {
      return;
    }
    assertMembers(region, Set.of("startLine"), Set.of("startColumn", "endLine", "endColumn"));
    region.forEach(n -> assertTrue(n.isInt() && n.asInt() >= 1, region.toString()));
    int startLine = region.get("startLine").asInt();
    int endLine = region.get("endLine").asInt();
    assertTrue(
        endLine > startLine
            || (endLine == startLine
                && region.get("endColumn").asInt() >= region.get("startColumn").asInt()),
        region.toString());
  }

  private static void assertMembers(JsonNode node, Set<String> required, Set<String> optional) {
    assertTrue(node.isObject(), String.valueOf(node));
    for (String r : required) {
      assertTrue(node.has(r), "missing " + r + " in " + node);
    }
    node.fieldNames()
        .forEachRemaining(
            f ->
                assertTrue(
                    required.contains(f) || optional.contains(f),
                    "unexpected " + f + " in " + node));
  }
}
