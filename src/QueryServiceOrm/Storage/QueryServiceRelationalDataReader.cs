using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace QueryServiceOrm.Storage;

/// <summary>
/// EF's reader of a command's results over the library's <see cref="QueryServiceDataReader"/> (the first row read ahead,
/// rows counted against the cap), which reports the row count of a write when it goes.
/// </summary>
internal sealed class QueryServiceRelationalDataReader : RelationalDataReader
{
    private QueryServiceDataReader? _reader;
    private Action<int>? _onWritten;

    /// <summary>The reader EF's shapers read from.</summary>
    public QueryServiceDataReader Reader => _reader ?? throw new InvalidOperationException("The reader is not initialised.");

    public override void Initialize(
        IRelationalConnection relationalConnection, DbCommand command, DbDataReader reader, Guid commandId, IRelationalCommandDiagnosticsLogger? logger)
        => base.Initialize(relationalConnection, command, _reader = new QueryServiceDataReader(reader), commandId, logger);

    /// <summary>Reports the rows the statement wrote once its reader goes (EF hands back rows, not counts).</summary>
    public void OnWritten(Action<int> onWritten) => _onWritten = onWritten;

    public override void Dispose()
    {
        ReportWritten();
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        ReportWritten();
        return base.DisposeAsync();
    }

    private void ReportWritten()
    {
        if (_onWritten is { } onWritten && _reader is { } reader)
        {
            _onWritten = null;
            onWritten(reader.RecordsAffected);
        }
    }
}
