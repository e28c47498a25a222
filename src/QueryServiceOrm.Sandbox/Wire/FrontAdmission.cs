namespace QueryServiceOrm.Sandbox.Wire;

/// <summary>
/// How every SQL text enters the sandbox, from the wire or as a REST job: an injected fault answers first, as the service
/// would, before anything is translated or reaches the backend; then the translator applies the service's rules. Either
/// way the text is journalled with what became of it.
/// </summary>
internal static class FrontAdmission
{
    /// <summary>Translates <paramref name="sql"/> or throws the <see cref="ServiceErrorException"/> the client receives.</summary>
    public static async ValueTask<IReadOnlyList<FrontStatement>> AdmitAsync(
        FrontOptions options, FrontSession session, string application, string protocol, string sql, IReadOnlyList<int> parameterTypes,
        CancellationToken cancellationToken)
    {
        try
        {
            if (options.Faults.Match(sql) is { } fault)
            {
                throw new ServiceErrorException(fault);
            }

            var statements = await options.Translator.TranslateAsync(sql, session, parameterTypes, cancellationToken).ConfigureAwait(false);
            options.Journal.Record(
                session.Id, application, protocol, sql, statements.Any(s => s is BackendStatement) ? "backend" : "local");
            return statements;
        }
        catch (ServiceErrorException e)
        {
            options.Journal.Record(session.Id, application, protocol, sql, "refused", e.Error.SqlState);
            throw;
        }
    }
}
