using System.Data.Common;

namespace QueryServiceOrm.Storage;

/// <summary>
/// EF's reader of a command's results over the library's <see cref="QueryServiceDataReader"/> (the first row read ahead,
/// rows counted against the cap).
/// </summary>
internal sealed class QueryServiceRelationalDataReader : RelationalDataReader
{
    private QueryServiceDataReader? _reader;

    /// <summary>The reader EF's shapers read from.</summary>
    public QueryServiceDataReader Reader => _reader ?? throw new InvalidOperationException("The reader is not initialised.");

    public override void Initialize(
        IRelationalConnection relationalConnection,
        DbCommand command,
        DbDataReader reader,
        Guid commandId,
        IRelationalCommandDiagnosticsLogger? logger)
        => base.Initialize(relationalConnection, command, _reader = new QueryServiceDataReader(reader), commandId, logger);
}
