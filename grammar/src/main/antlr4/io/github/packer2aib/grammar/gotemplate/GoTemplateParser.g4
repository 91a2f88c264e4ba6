// Parser for the template language of legacy Packer JSON (Go's `text/template`), following the
// structure of Go's `text/template/parse` package (`parse.go`): a template is text, comments and
// actions; an action holds a pipeline; a pipeline is commands joined by `|`; a command is
// operands separated by spaces; an operand is a term followed by a chain of fields.
//
// Control actions (`if`, `range`, `with`, `define`, …) and variable declarations parse as
// ordinary commands and declarations here; the front end reports them as unsupported, because
// legacy Packer templates do not use them in practice and we do not evaluate them.
parser grammar GoTemplateParser;

options {
    tokenVocab = GoTemplateLexer;
}

template
    : part* EOF
    ;

part
    : TEXT                                                      # text
    | COMMENT                                                   # comment
    | open=(LEFT_DELIM | LEFT_TRIM) SPACE? (pipeline SPACE?)?
      close=(RIGHT_DELIM | RIGHT_TRIM)                          # action
    ;

// Go: pipeline. A declaration (`$x := …`) may start it. A `|` may end it (`{{ user `x` | }}`),
// as Go's parser of Packer 1.6.6 reads it: command() stops at a `|`, and the pipeline then ends
// at the closing delimiter or parenthesis; two in a row (`| |`) are still an error.
pipeline
    : declaration? command (SPACE? PIPE SPACE? command)* (SPACE? PIPE)?
    ;

declaration
    : VARIABLE SPACE? (DECLARE | ASSIGN) SPACE?
    ;

// Go: command. Operands are separated by spaces.
command
    : operand (SPACE operand)*
    ;

// Go: operand. Fields written directly after a term chain onto it (`(…).Name`, `$x.Name`).
operand
    : term FIELD*
    ;

term
    : IDENTIFIER                                     # identifier
    | DOT                                            # dot
    | FIELD                                          # field
    | VARIABLE                                       # variable
    | STRING                                         # string
    | RAW_STRING                                     # rawString
    | NUMBER                                         # number
    | CHAR                                           # char
    | LPAREN SPACE? pipeline SPACE? RPAREN           # parenthesized
    ;
