namespace QueryServiceOrm.Sandbox.Sql.Lexing;

/// <summary>The kinds of token Spark's lexer knows, as the front reads them.</summary>
internal enum TokenKind
{
    /// <summary>A bare word: a keyword or an identifier, told apart by the parser.</summary>
    Word,

    /// <summary>A back-quoted identifier (<c>`order`</c>), or a double-quoted one (Adobe documents <c>"x"</c> as an identifier).</summary>
    QuotedIdentifier,

    /// <summary>A single-quoted string, its escapes read.</summary>
    String,

    /// <summary>A number, with its suffix if any (<c>10L</c>, <c>1.5D</c>, <c>2BD</c>).</summary>
    Number,

    /// <summary>A bind parameter, <c>$1</c>.</summary>
    Parameter,

    /// <summary>A session variable of an anonymous block, <c>@name</c>.</summary>
    Variable,

    /// <summary>An anonymous block's body between <c>$$</c> marks.</summary>
    DollarBlock,

    /// <summary>An operator or punctuation.</summary>
    Symbol,

    /// <summary>The end of the text.</summary>
    End,
}
