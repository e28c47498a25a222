namespace QueryServiceOrm.Sandbox.Wire;

/// <summary>Turns the SQL a client sends into what the front does with it.</summary>
internal interface IFrontTranslator
{
    /// <summary>
    /// Splits and translates one SQL text. Throws <see cref="Rules.ServiceErrorException"/> for text the service would refuse;
    /// then nothing of the text runs.
    /// </summary>
    /// <param name="sql">The text as the client sent it.</param>
    /// <param name="session">The client's session (its flags shape the translation).</param>
    /// <param name="parameterTypes">The type oids the client declared for <c>$n</c> parameters (extended protocol), or empty.</param>
    /// <param name="cancellationToken">Cancels the translation (it may read the catalog).</param>
    ValueTask<IReadOnlyList<FrontStatement>> TranslateAsync(string sql, FrontSession session, IReadOnlyList<int> parameterTypes, CancellationToken cancellationToken);
}

/// <summary>One statement of a client's text, as the front will run it.</summary>
internal abstract record FrontStatement;

/// <summary>PostgreSQL for the backend.</summary>
/// <param name="Sql">The translated text.</param>
internal sealed record BackendStatement(string Sql) : FrontStatement;

/// <summary>A statement the front answers itself (SET, SHOW of a flag, BEGIN, ROLLBACK).</summary>
/// <param name="Columns">The result's columns, or null for a statement without rows.</param>
/// <param name="Rows">The rows.</param>
/// <param name="Tag">The command tag.</param>
/// <param name="Apply">What running it changes in the session.</param>
internal sealed record LocalStatement(IReadOnlyList<PgColumn>? Columns, IReadOnlyList<IReadOnlyList<string?>> Rows, string Tag, Action<FrontSession>? Apply = null)
    : FrontStatement;

/// <summary>Nothing but white space and comments.</summary>
internal sealed record EmptyStatement : FrontStatement;
