namespace QueryServiceOrm.Update;

/// <summary>
/// Runs a write statement the library built, the way ExecuteSqlRaw runs one (execution strategy, interceptors, logging)
/// but without its composite formatting, which would take the braces of a JSON value for placeholders.
/// </summary>
internal static class WriteStatementRunner
{
    /// <summary>Runs the command and returns the rows it reports (-1 when the server reports none).</summary>
    public static Task<int> ExecuteAsync(
        DbContext context,
        IRelationalCommand command,
        IReadOnlyDictionary<string, object?> parameterValues,
        CancellationToken cancellationToken)
    {
        var connection = context.GetService<IRelationalConnection>();
        var logger = context.GetService<IRelationalCommandDiagnosticsLogger>();
        return context.Database.CreateExecutionStrategy().ExecuteAsync(
            (command, parameterValues),
            (db, state, ct) => state.command.ExecuteNonQueryAsync(
                new RelationalCommandParameterObject(connection, state.parameterValues, null, db, logger, CommandSource.ExecuteSqlRaw), ct),
            null,
            cancellationToken);
    }
}
