// Lexer for the HCL native syntax, following hashicorp/hcl `hclsyntax/spec.md`.
//
// HCL is context sensitive in two ways that a plain token grammar cannot express, so the lexer
// keeps state in HclLexerBase (this file only calls it):
//   * Templates. A quoted string, a heredoc and a standalone template are lexed in their own
//     modes; `${` and `%{` switch back to expression tokens until the matching `}`. A brace-kind
//     stack tells whether a `}` closes an object, a block body or an interpolation.
//   * Newlines. They end attributes and block headers, and separate object items, but are
//     insignificant inside `()`, `[]`, `for` braces and template sequences. The lexer sends the
//     insignificant ones to the hidden channel, so the parser only ever sees the meaningful ones.
lexer grammar HclLexer;

options {
    superClass = HclLexerBase;
}

// Token types that several modes produce (set with `-> type(...)`).
tokens {
    TEMPLATE_TEXT,
    TEMPLATE_NEWLINE,
    DOLLAR_ESCAPE,
    PERCENT_ESCAPE,
    INTERPOLATION_START,
    DIRECTIVE_START
}

// ---------------------------------------------------------------------------------------------
// Comments and Whitespace (spec: "Lexical Elements" > "Comments and Whitespace")
// Skipped rather than kept on the hidden channel: nothing reads them, and not making a token for
// every indentation run saves a third of the tokens of a typical file.
// A line comment stands for a newline: it stops before the line break, which is lexed as NEWLINE.
// ---------------------------------------------------------------------------------------------

NEWLINE
    : '\r'? '\n' { onNewline(); }
    ;

WS
    : [ \t]+ -> skip
    ;

// A UTF-8 byte order mark at the very start of a file; HashiCorp's parser accepts it (one only:
// HclLexerBase.setSkipsByteOrderMark(false) when the one was removed before lexing).
BYTE_ORDER_MARK
    : '\uFEFF' { onByteOrderMark(); }
    ;

// It runs to the line feed, so a stray carriage return inside it is just comment text.
LINE_COMMENT
    : ('#' | '//') ~[\n]* -> skip
    ;

BLOCK_COMMENT
    : '/*' .*? '*/' -> skip
    ;

// A `/*` with no `*/` before the end of the file. The body cannot contain `*/`, so this rule
// never outruns BLOCK_COMMENT on a closed comment. Kept on the default channel so the parser
// reports it.
UNTERMINATED_BLOCK_COMMENT
    : '/*' (~'*' | '*'+ ~[*/])* '*'* EOF
    ;

// ---------------------------------------------------------------------------------------------
// Numeric Literals (spec: "Lexical Elements" > "Numeric Literals")
// ---------------------------------------------------------------------------------------------

// As HashiCorp's scanner, a number runs on over digits, points and exponents, and ends with a digit:
// `1.2.3` and `1e5.0` are one (invalid) number, which the tree builder reports, rather than a
// number followed by a legacy index; `1.e5` is valid (100000). `1.` is still a number and a dot.
NUMBER
    : Digit ((Digit | '.' | Exponent)* (Digit | Exponent))?
    ;

// ---------------------------------------------------------------------------------------------
// Keywords (spec: "Lexical Elements" > "Keywords"). None is reserved: the parser's `identifier`
// rule accepts all of them wherever a name is expected.
// ---------------------------------------------------------------------------------------------

FOR    : 'for' ;
IN     : 'in' ;
IF     : 'if' ;
ELSE   : 'else' ;
ENDIF  : 'endif' ;
ENDFOR : 'endfor' ;
TRUE   : 'true' ;
FALSE  : 'false' ;
NULL   : 'null' ;

// ---------------------------------------------------------------------------------------------
// Identifiers (spec: "Lexical Elements" > "Identifiers"): ID_Start (ID_Continue | '-')*.
// A leading underscore is accepted too, as HashiCorp's implementation does.
// ---------------------------------------------------------------------------------------------

IDENTIFIER
    : IdentifierStart IdentifierContinue*
    ;

// ---------------------------------------------------------------------------------------------
// Operators and Delimiters (spec: "Lexical Elements" > "Operators and Delimiters")
// ---------------------------------------------------------------------------------------------

HEREDOC_START
    : '<<' '-'? IdentifierStart IdentifierContinue* '\r'? '\n' { onHeredocStart(); } -> pushMode(HEREDOC)
    ;

EQ_EQ        : '==' ;
NOT_EQ       : '!=' ;
LT_EQ        : '<=' ;
GT_EQ        : '>=' ;
LT           : '<' ;
GT           : '>' ;
AND          : '&&' ;
OR           : '||' ;
NOT          : '!' ;
PLUS         : '+' ;
MINUS        : '-' ;
STAR         : '*' ;
SLASH        : '/' ;
PERCENT      : '%' ;
ARROW        : '=>' ;
EQ           : '=' { onEquals(); } ;
DOUBLE_COLON : '::' ;
COLON        : ':' ;
QUESTION     : '?' ;
ELLIPSIS     : '...' ;
DOT          : '.' ;
COMMA        : ',' ;
LPAREN       : '(' { onOpenParen(); } ;
RPAREN       : ')' { onCloseParen(); } ;
LBRACKET     : '[' { onOpenBracket(); } ;
RBRACKET     : ']' { onCloseBracket(); } ;
LBRACE       : '{' { onOpenBrace(); } ;
RBRACE       : '}' { onCloseBrace(); } ;
// The closing strip marker of a template sequence, as in `${ x ~}`.
STRIP_RBRACE : '~}' { onCloseBrace(); } ;
QUOTE        : '"' -> pushMode(STRING) ;

// Anything else is not part of the language; the parser reports it as an invalid character.
INVALID_CHARACTER
    : .
    ;

// ---------------------------------------------------------------------------------------------
// Template Expressions, quoted form (spec: "Expressions" > "Template Expressions").
// Escapes are recognised here and decoded by the tree builder.
// ---------------------------------------------------------------------------------------------

mode STRING;

QUOTE_CLOSE
    : '"' -> popMode
    ;

STRING_TEXT
    : ~["\\$%\r\n]+ -> type(TEMPLATE_TEXT)
    ;

ESCAPE_SEQUENCE
    : '\\' ([nrt"\\] | 'u' HexDigit HexDigit HexDigit HexDigit | 'U' HexDigit HexDigit HexDigit HexDigit HexDigit HexDigit HexDigit HexDigit)
    ;

// A backslash that starts no valid escape; the tree builder reports it.
INVALID_ESCAPE
    : '\\' ~[\r\n]?
    ;

STRING_DOLLAR_ESCAPE
    : '$${' -> type(DOLLAR_ESCAPE)
    ;

STRING_PERCENT_ESCAPE
    : '%%{' -> type(PERCENT_ESCAPE)
    ;

STRING_INTERPOLATION_START
    : '${' '~'? { onTemplateSequenceStart(true); } -> type(INTERPOLATION_START), pushMode(DEFAULT_MODE)
    ;

STRING_DIRECTIVE_START
    : '%{' '~'? { onTemplateSequenceStart(true); } -> type(DIRECTIVE_START), pushMode(DEFAULT_MODE)
    ;

STRING_MARK
    : [$%] -> type(TEMPLATE_TEXT)
    ;

// A carriage return outside a CR LF line break is not allowed in templates.
STRING_CARRIAGE_RETURN
    : '\r' -> type(INVALID_CHARACTER)
    ;

// A quoted string cannot span lines: the line break ends the (unterminated) string, and any
// quoted string and interpolation it sits in, and is then an ordinary newline, so the rest of
// the file is lexed as it was meant.
STRING_NEWLINE
    : '\r'? '\n' { onStringNewline(); } -> type(NEWLINE)
    ;

// ---------------------------------------------------------------------------------------------
// Template Expressions, heredoc form. The heredoc ends at a line that holds only its marker
// (spaces and tabs around it allowed) and ends with a line break, as in HashiCorp's scanner; a
// line that merely ends with the marker, or a marker with no line break at the end of the file,
// does not end it.
// ---------------------------------------------------------------------------------------------

mode HEREDOC;

HEREDOC_TEXT
    : ~[$%\r\n]+ -> type(TEMPLATE_TEXT)
    ;

HEREDOC_NEWLINE
    : '\r'? '\n' -> type(TEMPLATE_NEWLINE)
    ;

HEREDOC_DOLLAR_ESCAPE
    : '$${' -> type(DOLLAR_ESCAPE)
    ;

HEREDOC_PERCENT_ESCAPE
    : '%%{' -> type(PERCENT_ESCAPE)
    ;

HEREDOC_INTERPOLATION_START
    : '${' '~'? { onTemplateSequenceStart(false); } -> type(INTERPOLATION_START), pushMode(DEFAULT_MODE)
    ;

HEREDOC_DIRECTIVE_START
    : '%{' '~'? { onTemplateSequenceStart(false); } -> type(DIRECTIVE_START), pushMode(DEFAULT_MODE)
    ;

HEREDOC_MARK
    : [$%] -> type(TEMPLATE_TEXT)
    ;

HEREDOC_CARRIAGE_RETURN
    : '\r' -> type(INVALID_CHARACTER)
    ;

// The line that ends a heredoc. HclLexerBase.nextToken switches to this mode at the start of a
// heredoc line that holds only the marker; deciding that in code rather than with a semantic
// predicate in the HEREDOC mode keeps that mode's DFA cacheable (a predicate at a token start
// makes ANTLR simulate the ATN for every heredoc token).
mode HEREDOC_END_LINE;

HEREDOC_END
    : [ \t]* IdentifierStart IdentifierContinue* [ \t]* { onHeredocEnd(); } -> popMode
    ;

// ---------------------------------------------------------------------------------------------
// Templates (spec: "Templates"): a standalone template, such as a `templatefile` source. Literal
// text runs to the end of the input; the lexer starts in this mode for standalone templates.
// ---------------------------------------------------------------------------------------------

mode TEMPLATE;

TEMPLATE_MODE_TEXT
    : ~[$%\r\n]+ -> type(TEMPLATE_TEXT)
    ;

TEMPLATE_MODE_NEWLINE
    : '\r'? '\n' -> type(TEMPLATE_NEWLINE)
    ;

TEMPLATE_MODE_DOLLAR_ESCAPE
    : '$${' -> type(DOLLAR_ESCAPE)
    ;

TEMPLATE_MODE_PERCENT_ESCAPE
    : '%%{' -> type(PERCENT_ESCAPE)
    ;

TEMPLATE_MODE_INTERPOLATION_START
    : '${' '~'? { onTemplateSequenceStart(false); } -> type(INTERPOLATION_START), pushMode(DEFAULT_MODE)
    ;

TEMPLATE_MODE_DIRECTIVE_START
    : '%{' '~'? { onTemplateSequenceStart(false); } -> type(DIRECTIVE_START), pushMode(DEFAULT_MODE)
    ;

TEMPLATE_MODE_MARK
    : [$%] -> type(TEMPLATE_TEXT)
    ;

TEMPLATE_MODE_CARRIAGE_RETURN
    : '\r' -> type(INVALID_CHARACTER)
    ;

// ---------------------------------------------------------------------------------------------
// Fragments
// ---------------------------------------------------------------------------------------------

fragment Digit
    : [0-9]
    ;

fragment Exponent
    : [eE] [+-]? Digit
    ;

fragment HexDigit
    : [0-9a-fA-F]
    ;

fragment IdentifierStart
    : [\p{ID_Start}_]
    ;

fragment IdentifierContinue
    : [\p{ID_Continue}-]
    ;
