package io.github.packer2aib.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * One output folder of {@code convert -r}: documents (with one or several templates each) and an
 * HCL2 folder's templates never get the same output name, however their names are chosen.
 */
class BulkNamesProperties {

  /** A folder: document file names, each with its template names, then the folder's templates. */
  record Folder(List<String> files, List<List<String>> documentTemplates, List<String> hcl2) {}

  @Provide
  Arbitrary<Folder> folders() {
    Arbitrary<String> files =
        Arbitraries.of("t.json", "t.yaml", "T.yml", "t.a.json", "t-2.json", "a.json", "t.b.yaml");
    Arbitrary<String> names = Arbitraries.of("a", "b", "t", "t-2", "A", "a.b", "web");
    Arbitrary<List<String>> templates = names.list().ofMinSize(1).ofMaxSize(3);
    return Arbitraries.integers()
        .between(0, 6)
        .flatMap(
            n ->
                files
                    .list()
                    .ofSize(n)
                    .flatMap(
                        f ->
                            templates
                                .list()
                                .ofSize(n)
                                .flatMap(
                                    t -> names.list().ofMaxSize(3).map(h -> new Folder(f, t, h)))));
  }

  /**
   * Every name the folder's outputs get, stems settled as Discovery settles them: fewer dots first,
   * then in discovery order.
   */
  static List<String> outputs(Folder folder) {
    List<String> stems = new ArrayList<>();
    List<String> out = new ArrayList<>();
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < folder.files().size(); i++) {
      order.add(i);
    }
    order.sort(
        java.util.Comparator.comparingInt(
                (Integer i) -> BulkNames.dots(BulkNames.stemOf(folder.files().get(i))))
            .thenComparingInt(i -> i));
    for (int i : order) {
      String stem =
          BulkNames.settleStem(BulkNames.stemOf(folder.files().get(i)), StemSpaces.of(stems));
      stems.add(stem);
      // Template names within one input are unique (the core makes them so).
      List<String> own = uniqueIgnoringCase(folder.documentTemplates().get(i));
      out.addAll(BulkNames.documentNames(stem, own));
    }
    out.addAll(BulkNames.folderNames(folder.hcl2(), StemSpaces.of(stems)));
    return out;
  }

  private static List<String> uniqueIgnoringCase(List<String> names) {
    Set<String> seen = new HashSet<>();
    List<String> out = new ArrayList<>();
    for (String n : names) {
      if (seen.add(n.toLowerCase(Locale.ROOT))) {
        out.add(n);
      }
    }
    return out;
  }

  @Property
  void outputNamesNeverClash(@ForAll("folders") Folder folder) {
    Set<String> seen = new HashSet<>();
    for (String name : outputs(folder)) {
      assertTrue(seen.add(name.toLowerCase(Locale.ROOT)), name + " twice in " + outputs(folder));
    }
  }

  @Property
  void namesDependOnlyOnTheFolder(@ForAll("folders") Folder folder) {
    assertEquals(outputs(folder), outputs(folder));
  }

  @Property
  void theFirstDocumentWithAStemKeepsIt(@ForAll("folders") Folder folder) {
    if (!folder.files().isEmpty()) {
      String first = BulkNames.stemOf(folder.files().get(0));
      assertEquals(first, BulkNames.settleStem(first, new StemSpaces()));
    }
  }

  @net.jqwik.api.Example
  void aStemInsideAnEarlierStemsSpaceLosesItsDots() {
    assertEquals("t_a", BulkNames.settleStem("t.a", StemSpaces.of(List.of("t"))));
    assertEquals("t_a-2", BulkNames.settleStem("t.a", StemSpaces.of(List.of("t", "t_a"))));
    assertEquals("t-2", BulkNames.settleStem("t", StemSpaces.of(List.of("t.a"))));
    assertEquals(
        List.of("web", "t_x"),
        BulkNames.folderNames(List.of("web", "t.x"), StemSpaces.of(List.of("t"))));
    assertEquals(List.of("t.a", "t.b"), BulkNames.documentNames("t", List.of("a", "b")));
  }

  @net.jqwik.api.Example
  void oneTemplateSelectedOfSeveralKeepsItsFullName() {
    // --only web of a document with the builders web and azure-arm: the file a full run writes
    // (multi.web), not multi, which a full run calls stale.
    assertEquals(List.of("multi.web"), BulkNames.documentNames("multi", List.of("web"), 2));
    assertEquals(List.of("multi"), BulkNames.documentNames("multi", List.of("web"), 1));
  }

  @net.jqwik.api.Example
  void aWindowsDeviceNameGetsAnUnderscore() {
    assertEquals("con_", BulkNames.settleStem("con", new StemSpaces()));
    assertEquals("Nul_.a", BulkNames.settleStem("Nul.a", new StemSpaces()));
    assertEquals("con_-2", BulkNames.settleStem("con", StemSpaces.of(List.of("con_"))));
    assertEquals(
        List.of("aux_", "web", "aux_-2"),
        BulkNames.folderNames(List.of("aux", "web", "aux_"), new StemSpaces()));
    // A document's several templates start with its settled stem.
    assertEquals(List.of("con_.a", "con_.b"), BulkNames.documentNames("con_", List.of("a", "b")));
  }

  @Provide
  Arbitrary<Folder> foldersWithDevices() {
    Arbitrary<String> files = Arbitraries.of("con.json", "CON.yaml", "con_.json", "nul.a.json");
    Arbitrary<String> names = Arbitraries.of("aux", "con", "con_", "web", "lpt1.x");
    return Arbitraries.integers()
        .between(0, 4)
        .flatMap(
            n ->
                files
                    .list()
                    .ofSize(n)
                    .flatMap(
                        f ->
                            names
                                .list()
                                .ofMinSize(1)
                                .ofMaxSize(2)
                                .list()
                                .ofSize(n)
                                .flatMap(
                                    t -> names.list().ofMaxSize(3).map(h -> new Folder(f, t, h)))));
  }

  @Property
  void noOutputIsAWindowsDeviceAndNoneClash(@ForAll("foldersWithDevices") Folder folder) {
    Set<String> seen = new HashSet<>();
    for (String name : outputs(folder)) {
      assertTrue(!io.github.packer2aib.core.source.NameCharacters.isWindowsDevice(name), name);
      assertTrue(seen.add(name.toLowerCase(Locale.ROOT)), name + " twice in " + outputs(folder));
    }
  }

  @Provide
  Arbitrary<String> dottedNames() {
    return Arbitraries.strings().withChars("aAbB.-_\u0130").ofMaxLength(6);
  }

  /**
   * The sorted lookup answers exactly what the definition says, checked by scanning every stem: a
   * name equal to a stem, starting with a stem and a dot, or that a stem starts with and a dot.
   */
  @Property
  void stemSpacesAnswerAsTheDefinition(
      @ForAll("dottedNames") String name,
      @ForAll @net.jqwik.api.constraints.Size(max = 5) List<@From("dottedNames") String> stems) {
    String s = name.toLowerCase(Locale.ROOT);
    boolean inside = false;
    boolean overlaps = false;
    for (String stem : stems) {
      String t = stem.toLowerCase(Locale.ROOT);
      inside |= s.startsWith(t + ".");
      overlaps |= s.equals(t) || s.startsWith(t + ".") || t.startsWith(s + ".");
    }
    StemSpaces spaces = StemSpaces.of(stems);
    assertEquals(inside, spaces.holdsInside(name), name + " in " + stems);
    assertEquals(overlaps, spaces.overlaps(name), name + " against " + stems);
  }

  @Provide
  Arbitrary<String> fileNames() {
    return Arbitraries.strings().withChars("aZ09._- /+\u00e9\u0130").ofMaxLength(8);
  }

  /** The shortcut for names that need no change gives what the replacements give. */
  @Property
  void stemOfAgreesWithItsReplacements(@ForAll("fileNames") String fileName) {
    int dot = fileName.lastIndexOf('.');
    String base = dot > 0 ? fileName.substring(0, dot) : fileName;
    base =
        io.github.packer2aib.core.source.AccentFolding.fold(base)
            .replaceAll("[^A-Za-z0-9_.-]+", "_")
            .replaceAll("^[._]+", "");
    assertEquals(base.isEmpty() ? "template" : base, BulkNames.stemOf(fileName), fileName);
  }
}
