package io.github.packer2aib.core.parse.hcl;

import io.github.packer2aib.core.diag.DiagnosticCode;

/**
 * Diagnostics of the HCL native syntax front end (text → syntax tree). Titles follow HashiCorp
 * HCL's wording where one exists, so users recognise them from Packer. Codes are stable: never
 * reuse one for another meaning.
 */
public enum HclSyntaxCode implements DiagnosticCode {
  // ---- characters and comments
  INVALID_CHARACTER("HCL-E001", "Invalid character"),
  UNTERMINATED_COMMENT("HCL-E002", "Unterminated comment"),

  // ---- structure
  ARGUMENT_OR_BLOCK_REQUIRED("HCL-E010", "Argument or block definition required"),
  INVALID_ARGUMENT_NAME("HCL-E011", "Invalid argument name"),
  MISSING_NEWLINE_AFTER_ARGUMENT("HCL-E012", "Missing newline after argument"),
  UNEXPECTED_COMMA_AFTER_ARGUMENT("HCL-E013", "Unexpected comma after argument"),
  ATTRIBUTE_REDEFINED("HCL-E014", "Attribute redefined"),
  INVALID_BLOCK_DEFINITION("HCL-E015", "Invalid block definition"),
  UNCLOSED_BLOCK("HCL-E016", "Unclosed configuration block"),
  MISSING_NEWLINE_AFTER_BLOCK("HCL-E017", "Missing newline after block definition"),
  // HCL-E018 "Missing closing brace" is retired: HCL reports a single-line block that does not
  // close on its line as HCL-E019, and a multi-line body as unclosed (E016) or holding junk (E010).
  INVALID_SINGLE_ARGUMENT_BLOCK("HCL-E019", "Invalid single-argument block definition"),
  ARGUMENT_DEFINITION_REQUIRED("HCL-E020", "Argument definition required"),
  INVALID_BLOCK_LABEL("HCL-E021", "Invalid block label"),
  UNEXPECTED_CLOSING_BRACE("HCL-E022", "Unexpected closing brace"),

  // ---- expressions
  INVALID_EXPRESSION("HCL-E030", "Invalid expression"),
  MISSING_EXPRESSION("HCL-E031", "Missing expression"),
  UNBALANCED_PARENTHESES("HCL-E032", "Unbalanced parentheses"),
  MISSING_ITEM_SEPARATOR("HCL-E033", "Missing item separator"),
  UNTERMINATED_TUPLE("HCL-E034", "Unterminated tuple constructor expression"),
  MISSING_ATTRIBUTE_SEPARATOR("HCL-E035", "Missing attribute separator"),
  MISSING_KEY_VALUE_SEPARATOR("HCL-E036", "Missing key/value separator"),
  UNTERMINATED_OBJECT("HCL-E037", "Unterminated object constructor expression"),
  MISSING_ARGUMENT_SEPARATOR("HCL-E038", "Missing argument separator"),
  UNTERMINATED_FUNCTION_CALL("HCL-E039", "Unterminated function call"),
  MISSING_CLOSING_PARENTHESIS("HCL-E040", "Missing closing parenthesis"),
  MISSING_INDEX_BRACKET("HCL-E041", "Missing close bracket on index"),
  INVALID_ATTRIBUTE_NAME("HCL-E042", "Invalid attribute name"),
  MISSING_FALSE_EXPRESSION("HCL-E043", "Missing false expression in conditional"),
  INVALID_FOR_EXPRESSION("HCL-E044", "Invalid 'for' expression"),
  INVALID_LEGACY_INDEX("HCL-E045", "Invalid legacy index syntax"),
  NESTED_SPLAT("HCL-E046", "Nested splat expression not allowed"),
  INVALID_NUMBER("HCL-E047", "Invalid number literal"),
  EXTRA_CHARACTERS_AFTER_EXPRESSION("HCL-E048", "Extra characters after expression"),
  TOO_DEEPLY_NESTED("HCL-E049", "Expression too deeply nested"),

  // ---- templates
  UNTERMINATED_TEMPLATE_STRING("HCL-E060", "Unterminated template string"),
  INVALID_ESCAPE_SEQUENCE("HCL-E061", "Invalid escape sequence"),
  UNCLOSED_HEREDOC("HCL-E062", "Unclosed heredoc"),
  EXTRA_CHARACTERS_AFTER_INTERPOLATION(
      "HCL-E063", "Extra characters after interpolation expression"),
  UNCLOSED_INTERPOLATION("HCL-E064", "Unclosed template interpolation sequence"),
  INVALID_TEMPLATE_DIRECTIVE("HCL-E065", "Invalid template directive"),
  INVALID_TEMPLATE_KEYWORD("HCL-E066", "Invalid template control keyword"),
  EXTRA_CHARACTERS_IN_DIRECTIVE("HCL-E067", "Extra characters in template directive"),
  INVALID_FOR_DIRECTIVE("HCL-E068", "Invalid 'for' directive"),
  UNEXPECTED_ENDIF("HCL-E069", "Unexpected endif directive"),
  UNEXPECTED_ELSE("HCL-E070", "Unexpected else directive"),
  UNEXPECTED_ENDFOR("HCL-E071", "Unexpected endfor directive"),
  UNCLOSED_DIRECTIVE("HCL-E072", "Unexpected end of template"),

  // ---- fallback for a token sequence no specific rule describes
  SYNTAX_ERROR("HCL-E099", "Invalid syntax");

  private final Text text;

  HclSyntaxCode(String id, String summary) {
    this.text = new Text(id, summary);
  }

  @Override
  public Text text() {
    return text;
  }
}
