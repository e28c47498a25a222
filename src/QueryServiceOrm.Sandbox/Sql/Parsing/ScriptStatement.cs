using QueryServiceOrm.Sandbox.Sql.Lexing;

namespace QueryServiceOrm.Sandbox.Sql.Parsing;

/// <summary>One statement of a script: its text and tokens, parsed on demand.</summary>
/// <param name="Text">The statement's text, without the separating semicolon.</param>
/// <param name="Tokens">Its tokens, ending with an End token.</param>
internal sealed record ScriptStatement(string Text, IReadOnlyList<SqlToken> Tokens);
