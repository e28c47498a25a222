namespace QueryServiceOrm.Sandbox.Sql.Lexing;

/// <summary>One token.</summary>
/// <param name="Kind">Its kind.</param>
/// <param name="Text">The text as written (for symbols and words, what the parser compares).</param>
/// <param name="Value">For strings and quoted identifiers, the value; for numbers, the digits without the suffix.</param>
/// <param name="Position">Its 0-based offset in the statement.</param>
/// <param name="SpaceBefore">
/// Whether white space or a comment precedes it (<c>a.b</c> is a path; <c>a. b</c> too, but not for numbers).
/// </param>
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
