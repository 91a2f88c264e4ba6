// Lexer for the template language of legacy Packer JSON: Go's `text/template`, as Packer's
// `template/interpolate` package runs it. The token rules follow Go's `text/template/parse`
// lexer (`lex.go`): text outside actions, `{{ … }}` actions with the trim markers `{{- ` and
// ` -}}`, and `{{/* … */}}` comments.
//
// Whitespace inside an action is a token (SPACE), not hidden: Go separates the arguments of a
// command by spaces and chains fields by adjacency (`.A.B` is one chain, `.A .B` two arguments),
// so the parser must see it.
//
// Every input character matches some rule. Malformed pieces (an unclosed string, a bad number, a
// stray character) are tokens of their own, so the parser front end can name the problem in Go's
// terms instead of reporting a generic mismatch.
lexer grammar GoTemplateLexer;

// ---------------------------------------------------------------------------------------------
// Text mode (Go: lexText)
// ---------------------------------------------------------------------------------------------

// Text never contains `{{`. A `{` followed by anything but `{` is text; a `{` at the very end of
// the input is matched by LONE_BRACE.
TEXT
    : (~'{' | '{' ~'{')+
    ;

LONE_BRACE
    : '{' -> type(TEXT)
    ;

// A comment is one token: Go requires `*/` to be followed directly by the closing delimiter
// (optionally with its trim marker). The body stops at the first `*/`, as in Go.
COMMENT
    : COMMENT_OPEN C_COMMENT_BODY (TRIM_SPACE '-')? '}}'
    ;

// `*/` not followed by `}}`: Go's "comment ends before closing delimiter".
BAD_COMMENT
    : COMMENT_OPEN C_COMMENT_BODY
    ;

// `/*` with no `*/` before the end of the text: Go's "unclosed comment".
UNCLOSED_COMMENT
    : COMMENT_OPEN (~'*' | '*'+ ~[*/])* '*'*
    ;

// `{{- ` trims the whitespace before it; the trim marker needs one whitespace character after the
// `-` (Go: hasLeftTrimMarker), so `{{-3}}` is an action holding the number -3.
LEFT_TRIM
    : '{{-' TRIM_SPACE -> pushMode(ACTION)
    ;

LEFT_DELIM
    : '{{' -> pushMode(ACTION)
    ;

fragment COMMENT_OPEN
    : ('{{' | '{{-' TRIM_SPACE) '/*'
    ;

// A C comment body up to and including the first `*/`.
fragment C_COMMENT_BODY
    : ~'*'* '*'+ (~[*/] ~'*'* '*'+)* '/'
    ;

fragment TRIM_SPACE
    : [ \t\r\n]
    ;

// ---------------------------------------------------------------------------------------------
// Action mode (Go: lexInsideAction)
// ---------------------------------------------------------------------------------------------

mode ACTION;

// ` -}}` trims the whitespace after the action. It includes the whitespace before the `-`, so
// that it outruns SPACE (longest match).
RIGHT_TRIM
    : [ \t\r\n]+ '-}}' -> popMode
    ;

RIGHT_DELIM
    : '}}' -> popMode
    ;

SPACE
    : [ \t\r\n]+
    ;

PIPE
    : '|'
    ;

LPAREN
    : '('
    ;

RPAREN
    : ')'
    ;

DECLARE
    : ':='
    ;

ASSIGN
    : '='
    ;

// Interpreted strings take Go escapes; a newline or the end of the text before the closing quote
// is an error (UNCLOSED_STRING, which is shorter than STRING whenever STRING matches).
STRING
    : '"' (~["\\\n] | '\\' ~'\n')* '"'
    ;

UNCLOSED_STRING
    : '"' (~["\\\n] | '\\' ~'\n')* '\\'?
    ;

// Raw strings (backquotes) may span lines and have no escapes.
RAW_STRING
    : '`' ~'`'* '`'
    ;

UNCLOSED_RAW_STRING
    : '`' ~'`'*
    ;

// A character constant such as 'a'; it stands for a number (the code point).
CHAR
    : '\'' (~['\\\n] | '\\' ~'\n')+ '\''
    ;

UNCLOSED_CHAR
    : '\'' (~['\\\n] | '\\' ~'\n')* '\\'?
    ;

// Go's scanNumber: optional sign, decimal, hex, octal or binary digits with underscores, a
// fraction and an exponent, an optional imaginary suffix. The parser front end checks the value.
NUMBER
    : [+-]? NUMBER_BODY 'i'?
    ;

// A number running into letters or digits (`12ab`), or a lone sign: Go's "bad number syntax".
BAD_NUMBER
    : [+-]? NUMBER_BODY 'i'? [\p{L}\p{Nd}_.]+
    | [+-]
    ;

fragment NUMBER_BODY
    : '0' [xX] [0-9a-fA-F_]* ('.' [0-9a-fA-F_]*)? ([pP] [+-]? [0-9_]+)?
    | '0' [oO] [0-7_]*
    | '0' [bB] [01_]*
    | [0-9] [0-9_]* ('.' [0-9_]*)? ([eE] [+-]? [0-9_]+)?
    | '.' [0-9] [0-9_]* ([eE] [+-]? [0-9_]+)?
    ;

// `.Name`: a field of the data (Packer's provisioner-time placeholders such as `.Path`).
FIELD
    : '.' [\p{L}_] [\p{L}\p{Nd}_]*
    ;

// `.` alone: the data itself.
DOT
    : '.'
    ;

// `$` or `$name`.
VARIABLE
    : '$' [\p{L}\p{Nd}_]*
    ;

// Function names and the keywords (true, false, nil, if, range, …); the front end tells them
// apart, as Go's lexer does with its keyword table.
IDENTIFIER
    : [\p{L}_] [\p{L}\p{Nd}_]*
    ;

// Anything else: Go emits printable ASCII as a character item (the parser then rejects it) and
// reports other characters as unrecognized; both are errors for us.
OTHER
    : .
    ;
