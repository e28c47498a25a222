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

/// <summary>One token.</summary>
/// <param name="Kind">Its kind.</param>
/// <param name="Text">The text as written (for symbols and words, what the parser compares).</param>
/// <param name="Value">For strings and quoted identifiers, the value; for numbers, the digits without the suffix.</param>
/// <param name="Position">Its 0-based offset in the statement.</param>
/// <param name="SpaceBefore">Whether white space or a comment precedes it (<c>a.b</c> is a path; <c>a. b</c> too, but not for numbers).</param>
internal sealed record SqlToken(TokenKind Kind, string Text, string Value, int Position, bool SpaceBefore)
{
    /// <summary>Whether this is the word <paramref name="keyword"/> (case-insensitive, unquoted only).</summary>
    public bool Is(string keyword) => Kind == TokenKind.Word && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether this is the symbol <paramref name="symbol"/>.</summary>
    public bool IsSymbol(string symbol) => Kind == TokenKind.Symbol && Text == symbol;

    /// <summary>For a number, its suffix in upper case (<c>L</c>, <c>S</c>, <c>Y</c>, <c>F</c>, <c>D</c>, <c>BD</c>) or empty.</summary>
    public string NumberSuffix => Kind == TokenKind.Number ? Text[Value.Length..].ToUpperInvariant() : "";

    public override string ToString() => Kind == TokenKind.End ? "the end of the statement" : $"'{Text}'";
}
