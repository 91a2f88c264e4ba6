package io.github.packer2aib.core.parse;

import io.github.packer2aib.core.diag.DiagnosticCode;

/**
 * Every diagnostic of the JSON and YAML readers (and {@code BICEP-E001}, a Bicep file given to
 * them). {@code JSON-E0nn} and {@code YAML-E0nn} are syntax errors (the text cannot be read as a
 * tree); {@code nn1nn} codes are about a tree that could be read but is not a sound document
 * (duplicate keys, aliases, tags).
 */
public enum SyntaxCode implements DiagnosticCode {
  JSON_EMPTY("JSON-E001", "Empty document"),
  JSON_MISSING_COMMA("JSON-E002", "Missing comma"),
  JSON_TRAILING_COMMA("JSON-E003", "Trailing comma"),
  JSON_UNCLOSED_OBJECT("JSON-E004", "Unclosed object"),
  JSON_UNCLOSED_ARRAY("JSON-E005", "Unclosed array"),
  JSON_UNCLOSED_STRING("JSON-E006", "Unclosed string"),
  JSON_SINGLE_QUOTES("JSON-E007", "Single quotes are not JSON"),
  JSON_UNQUOTED_KEY("JSON-E008", "Unquoted key"),
  JSON_MISSING_COLON("JSON-E009", "Missing colon"),
  JSON_INVALID_VALUE("JSON-E010", "Invalid value"),
  JSON_UNEXPECTED_END("JSON-E011", "Unexpected end of input"),
  JSON_MISMATCHED_BRACKET("JSON-E012", "Mismatched bracket"),
  JSON_UNEXPECTED_CHARACTER("JSON-E013", "Unexpected character"),
  JSON_EXTRA_CONTENT("JSON-E014", "Extra content after the document"),
  JSON_INVALID_NUMBER("JSON-E015", "Invalid number"),
  JSON_INVALID_ESCAPE("JSON-E016", "Invalid escape sequence"),
  JSON_CONTROL_CHARACTER("JSON-E017", "Control character in string"),
  JSON_UNCLOSED_COMMENT("JSON-E018", "Unclosed comment"),
  JSON_HASH_COMMENT("JSON-E019", "Comments with # are not JSON"),
  JSON_MISSING_VALUE("JSON-E020", "Missing value"),
  JSON_TOO_DEEP("JSON-E021", "Document too deeply nested"),
  JSON_TOO_LARGE("JSON-E022", "Value too large"),
  JSON_SYNTAX("JSON-E099", "Invalid JSON syntax"),
  JSON_DUPLICATE_KEY("JSON-E101", "Duplicate key"),
  JSON_LONE_SURROGATE("JSON-W101", "Half of a surrogate pair"),
  JSON_WINDOWS_PATH_ESCAPE("JSON-W102", "Backslash escape in a Windows path"),

  YAML_EMPTY("YAML-E001", "Empty document"),
  YAML_TAB_INDENT("YAML-E002", "Tab in indentation"),
  YAML_RESERVED_CHARACTER("YAML-E003", "Invalid start of a value"),
  YAML_UNEXPECTED_COLON("YAML-E004", "Unexpected colon"),
  YAML_UNCLOSED_QUOTE("YAML-E005", "Unclosed quoted string"),
  YAML_BAD_INDENTATION("YAML-E006", "Bad indentation"),
  YAML_UNCLOSED_FLOW("YAML-E007", "Unclosed flow collection"),
  YAML_MISSING_FLOW_COMMA("YAML-E008", "Missing comma"),
  YAML_MISSING_COLON("YAML-E009", "Missing colon"),
  YAML_INVALID_ESCAPE("YAML-E010", "Invalid escape sequence"),
  YAML_INVALID_ANCHOR("YAML-E011", "Invalid anchor or alias"),
  YAML_INVALID_BLOCK_SCALAR("YAML-E012", "Invalid block scalar header"),
  YAML_EXTRA_CONTENT("YAML-E013", "Unexpected content after the document"),
  YAML_MISSING_NODE("YAML-E014", "Missing value"),
  YAML_INVALID_DIRECTIVE("YAML-E015", "Invalid directive"),
  YAML_INVALID_TAG_SYNTAX("YAML-E016", "Invalid tag"),
  YAML_INVALID_CHARACTER("YAML-E017", "Invalid character"),
  YAML_TOO_LARGE("YAML-E018", "Document too large"),
  YAML_TEXT_AFTER_VALUE("YAML-E019", "Text after a complete value"),
  YAML_TAB_AFTER_COLON("YAML-E020", "Tab after a colon"),
  YAML_TAB_OUTSIDE_VALUE("YAML-E021", "Tab outside a value"),
  YAML_SYNTAX("YAML-E099", "Invalid YAML syntax"),
  YAML_DUPLICATE_KEY("YAML-E101", "Duplicate key"),
  YAML_COMPLEX_KEY("YAML-E102", "Unsupported key"),
  YAML_UNKNOWN_ALIAS("YAML-E103", "Unknown alias"),
  YAML_RECURSIVE_ALIAS("YAML-E104", "Recursive alias"),
  YAML_EXPANSION_LIMIT("YAML-E105", "Too many alias expansions"),
  YAML_INVALID_MERGE("YAML-E106", "Invalid merge"),
  YAML_INVALID_TAGGED_VALUE("YAML-E107", "Invalid tagged value"),
  YAML_TOO_DEEP("YAML-E108", "Document too deeply nested"),
  YAML_UNQUOTED_ACTION("YAML-E109", "Template action not quoted"),
  YAML_UNQUOTED_ARM_EXPRESSION("YAML-E110", "ARM expression not quoted"),
  YAML_UNSUPPORTED_TAG("YAML-W101", "Unsupported tag"),
  YAML_LONE_SURROGATE("YAML-W102", "Half of a surrogate pair"),
  YAML_WINDOWS_PATH_ESCAPE("YAML-W103", "Backslash escape in a Windows path"),
  YAML_UNUSED_ANCHOR("YAML-W104", "Anchor never used"),
  YAML_OTHER_VERSION("YAML-W105", "Other YAML version"),

  /** A .bicep or .bicepparam file: Bicep source, which neither reader reads. */
  BICEP_SOURCE("BICEP-E001", "Bicep source, not JSON");

  private final Text text;

  SyntaxCode(String id, String summary) {
    this.text = new Text(id, summary);
  }

  @Override
  public Text text() {
    return text;
  }
}
