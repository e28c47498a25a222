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
    ValueTask<IReadOnlyList<FrontStatement>> TranslateAsync(
        string sql, FrontSession session, IReadOnlyList<int> parameterTypes, CancellationToken cancellationToken);
}
