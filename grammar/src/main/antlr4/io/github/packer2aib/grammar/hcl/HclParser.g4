// Parser for the HCL native syntax, following hashicorp/hcl `hclsyntax/spec.md`; each section
// below names the spec section it implements. Where the spec leaves a choice, the comment says
// which interpretation we take and why.
//
// Newlines: the lexer only emits NEWLINE tokens where they are significant (bodies, attribute
// values, objects, standalone expressions), so this grammar mentions them exactly there.
parser grammar HclParser;

options {
    tokenVocab = HclLexer;
}

// ---------------------------------------------------------------------------------------------
// Entry rules
// ---------------------------------------------------------------------------------------------

// spec: "Structural Elements" > "Configuration Files": ConfigFile = Body
configFile
    : body EOF
    ;

// spec: "Expressions", used on its own (REPLs, -var values).
standaloneExpression
    : NEWLINE* expression NEWLINE* EOF
    ;

// spec: "Templates", used on its own (templatefile sources).
standaloneTemplate
    : templatePart* EOF
    ;

// ---------------------------------------------------------------------------------------------
// Structural Elements (spec: "Structural Elements" > "Bodies", "Attribute Definitions", "Blocks")
// ---------------------------------------------------------------------------------------------

body
    : (NEWLINE | bodyItem)*
    ;

// An item decides between attribute and block on its second token: `=` starts an attribute;
// a label or `{` starts a block.
bodyItem
    : name = identifier EQ expression itemEnd                                  # Attribute
    | type = identifier blockLabel* LBRACE blockBody RBRACE itemEnd            # Block
    ;

itemEnd
    : NEWLINE                                                                  # NewlineItemEnd
    | EOF                                                                      # EndOfFileItemEnd
    ;

// Block labels are quoted string literals or bare identifiers. A quoted label is lexed as a
// template; the tree builder rejects interpolations and directives in it.
blockLabel
    : QUOTE templatePart* QUOTE_CLOSE                                          # QuotedLabel
    | identifier                                                               # BareLabel
    ;

// The body of a block: multi-line when a newline follows the brace; otherwise the one-line form
// `a { b = 1 }` holding at most one argument (spec: OneLineBlock).
blockBody
    : NEWLINE body                                                             # MultiLineBlockBody
    | name = identifier EQ expression                                          # OneLineBlockBody
    |                                                                          # EmptyBlockBody
    ;

// ---------------------------------------------------------------------------------------------
// Expressions (spec: "Expressions" > "Operations", "Conditional Operator").
// Precedence, tightest first: unary `!` `-`; `* / %`; `+ -`; `> >= < <=`; `== !=`; `&&`; `||`;
// then `?:`. Binary operators associate to the left; the conditional to the right, and its
// middle and last operands are full expressions. A unary operator applies to a term with its
// postfix operators: `-a[0]` is `-(a[0])`, `-a * b` is `(-a) * b`.
// ---------------------------------------------------------------------------------------------

expression
    : exprTerm                                                                 # TermExpression
    | op = (MINUS | NOT) expression                                            # UnaryExpression
    | left = expression op = (STAR | SLASH | PERCENT) right = expression       # MultiplicativeExpression
    | left = expression op = (PLUS | MINUS) right = expression                 # AdditiveExpression
    | left = expression op = (GT | GT_EQ | LT | LT_EQ) right = expression      # ComparisonExpression
    | left = expression op = (EQ_EQ | NOT_EQ) right = expression               # EqualityExpression
    | left = expression op = AND right = expression                            # LogicalAndExpression
    | left = expression op = OR right = expression                             # LogicalOrExpression
    | <assoc = right> condition = expression QUESTION
        trueResult = expression COLON falseResult = expression                 # ConditionalExpression
    ;

// ---------------------------------------------------------------------------------------------
// Expression Terms (spec: "Expressions" > "Expression Terms").
// The spec writes the postfix operators left-recursively (ExprTerm Index, ExprTerm GetAttr,
// ExprTerm Splat); a flat list gives the same language without a parse tree one level deeper
// per operator. The tree builder folds the list into traversals, indexes and splats.
// ---------------------------------------------------------------------------------------------

exprTerm
    : primaryTerm postfixOperator*
    ;

primaryTerm
    : literalValue                                                             # LiteralTerm
    | templateExpr                                                             # TemplateTerm
    | functionCall                                                             # FunctionCallTerm
    | variableName                                                             # VariableTerm
    | forTupleExpr                                                             # ForTupleTerm
    | forObjectExpr                                                            # ForObjectTerm
    | tupleCons                                                                # TupleTerm
    | objectCons                                                               # ObjectTerm
    | LPAREN expression RPAREN                                                 # ParenthesizedTerm
    ;

// spec: "Index Operator", "Attribute Access Operator", "Splat Operators". `.0` is the legacy
// index operator inherited from HIL (a NUMBER token such as `0.1` is rejected by the builder).
postfixOperator
    : DOT identifier                                                           # GetAttrOperator
    | DOT NUMBER                                                               # LegacyIndexOperator
    | DOT STAR                                                                 # AttrSplatOperator
    | LBRACKET STAR RBRACKET                                                   # FullSplatOperator
    | LBRACKET expression RBRACKET                                             # IndexOperator
    ;

// spec: "Literal Values"
literalValue
    : NUMBER                                                                   # NumberLiteral
    | TRUE                                                                     # TrueLiteral
    | FALSE                                                                    # FalseLiteral
    | NULL                                                                     # NullLiteral
    ;

// spec: "Variables and Variable Expressions". `true`, `false` and `null` are literals instead.
variableName
    : IDENTIFIER
    | FOR
    | IN
    | IF
    | ELSE
    | ENDIF
    | ENDFOR
    ;

// A name where any identifier is allowed, keywords included: attribute and block names, labels,
// attribute access, function names, for-loop variables. (A token set, like variableName: its
// alternatives are single tokens, so they carry no labels.)
identifier
    : IDENTIFIER
    | FOR
    | IN
    | IF
    | ELSE
    | ENDIF
    | ENDFOR
    | TRUE
    | FALSE
    | NULL
    ;

// ---------------------------------------------------------------------------------------------
// Functions and Function Calls (spec: "Functions and Function Calls"). `a::b::f(...)` is the
// namespaced form newer HCL versions accept for provider functions.
// ---------------------------------------------------------------------------------------------

functionCall
    : identifier (DOUBLE_COLON identifier)* LPAREN functionArguments? RPAREN
    ;

functionArguments
    : expression (COMMA expression)* (COMMA | ELLIPSIS)?
    ;

// ---------------------------------------------------------------------------------------------
// For Expressions (spec: "For Expressions"). The for interpretation has priority over a tuple or
// object whose first item starts with a variable named `for`: these alternatives come first.
// ---------------------------------------------------------------------------------------------

forTupleExpr
    : LBRACKET forIntro value = expression forCondition? RBRACKET
    ;

forObjectExpr
    : LBRACE forIntro key = expression ARROW value = expression ELLIPSIS? forCondition? RBRACE
    ;

forIntro
    : FOR first = identifier (COMMA second = identifier)? IN collection = expression COLON
    ;

forCondition
    : IF expression
    ;

// ---------------------------------------------------------------------------------------------
// Collection Values (spec: "Collection Values"). Tuples ignore newlines. Object items are
// separated by commas or newlines, as in HashiCorp's implementation; the newlines reach the
// parser because the lexer keeps them significant inside object braces.
// ---------------------------------------------------------------------------------------------

tupleCons
    : LBRACKET (expression (COMMA expression)* COMMA?)? RBRACKET
    ;

objectCons
    : LBRACE NEWLINE* (objectElement (objectSeparator objectElement)* objectSeparator?)? RBRACE
    ;

objectSeparator
    : COMMA NEWLINE*                                                           # CommaSeparator
    | NEWLINE+                                                                 # NewlineSeparator
    ;

// A bare identifier key names the attribute literally; `(expr)` evaluates it.
objectElement
    : key = expression (EQ | COLON) value = expression
    ;

// ---------------------------------------------------------------------------------------------
// Template Expressions (spec: "Template Expressions") and Templates (spec: "Templates").
// Template parts are a flat sequence here; the tree builder pairs `if`/`else`/`endif` and
// `for`/`endfor` (so an unbalanced directive gets a precise message), applies strip markers and
// `<<-` indentation, and decodes escapes.
// ---------------------------------------------------------------------------------------------

templateExpr
    : QUOTE templatePart* QUOTE_CLOSE                                          # QuotedTemplate
    | HEREDOC_START templatePart* HEREDOC_END                                  # HeredocTemplate
    ;

templatePart
    : (TEMPLATE_TEXT | TEMPLATE_NEWLINE | ESCAPE_SEQUENCE | INVALID_ESCAPE | DOLLAR_ESCAPE | PERCENT_ESCAPE) # TemplateLiteral
    | INTERPOLATION_START expression templateSequenceEnd                       # TemplateInterpolation
    | DIRECTIVE_START IF expression templateSequenceEnd                        # TemplateIf
    | DIRECTIVE_START ELSE templateSequenceEnd                                 # TemplateElse
    | DIRECTIVE_START ENDIF templateSequenceEnd                                # TemplateEndIf
    | DIRECTIVE_START FOR first = identifier (COMMA second = identifier)? IN
        collection = expression templateSequenceEnd                            # TemplateFor
    | DIRECTIVE_START ENDFOR templateSequenceEnd                               # TemplateEndFor
    ;

// `}` or the strip marker `~}`.
templateSequenceEnd
    : RBRACE                                                                   # PlainSequenceEnd
    | STRIP_RBRACE                                                             # StripSequenceEnd
    ;
