using System.Collections;
using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;

namespace QueryServiceOrm.Storage;

/// <summary>
/// Passes a query's reader through. The first row is read ahead while the command still runs inside the execution
/// strategy (the service reports most failures there, and a read can then be retried); later failures become the
/// library's typed exceptions. Once <see cref="CountTo"/> gives it a cap, rows are counted and the end after exactly that many
/// rows is reported.
/// </summary>
internal sealed class QueryServiceDataReader(DbDataReader inner) : DbDataReader
{
    private int _rows;
    private bool _reported;
    private bool? _readAhead;
    private int? _cap;
    private Action<int>? _onCapReached;

    /// <summary>Reports the end of a result after exactly <paramref name="cap"/> rows, the service's sign of truncation.</summary>
    public void CountTo(int cap, Action<int> onCapReached) => (_cap, _onCapReached) = (cap, onCapReached);

    public override int Depth => inner.Depth;

    public override int FieldCount => inner.FieldCount;

    public override bool HasRows => inner.HasRows;

    public override bool IsClosed => inner.IsClosed;

    public override int RecordsAffected => inner.RecordsAffected;

    public override int VisibleFieldCount => inner.VisibleFieldCount;

    public override object this[int ordinal] => inner[ordinal];

    public override object this[string name] => inner[name];

    public override bool Read()
    {
        if (TakeReadAhead() is { } row)
        {
            return Counted(row);
        }

        try
        {
            return Counted(inner.Read());
        }
        catch (Exception e) when (QueryServiceErrors.Translate(e) is QueryServiceException translated)
        {
            throw translated;
        }
    }

    public override async Task<bool> ReadAsync(CancellationToken cancellationToken)
    {
        if (TakeReadAhead() is { } row)
        {
            return Counted(row);
        }

        try
        {
            return Counted(await inner.ReadAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (Exception e) when (QueryServiceErrors.Translate(e) is QueryServiceException translated)
        {
            throw translated;
        }
    }

    /// <summary>Reads the first row now, while the execution strategy still watches; failures propagate as they are.</summary>
    public void ReadAhead() => _readAhead = inner.Read();

    /// <inheritdoc cref="ReadAhead"/>
    public async Task ReadAheadAsync(CancellationToken cancellationToken)
        => _readAhead = await inner.ReadAsync(cancellationToken).ConfigureAwait(false);

    public override bool NextResult()
    {
        StartResult();
        return inner.NextResult();
    }

    public override Task<bool> NextResultAsync(CancellationToken cancellationToken)
    {
        StartResult();
        return inner.NextResultAsync(cancellationToken);
    }

    public override bool GetBoolean(int ordinal) => inner.GetBoolean(ordinal);

    public override byte GetByte(int ordinal) => inner.GetByte(ordinal);

    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length)
        => inner.GetBytes(ordinal, dataOffset, buffer, bufferOffset, length);

    public override char GetChar(int ordinal) => inner.GetChar(ordinal);

    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length)
        => inner.GetChars(ordinal, dataOffset, buffer, bufferOffset, length);

    public override string GetDataTypeName(int ordinal) => inner.GetDataTypeName(ordinal);

    public override DateTime GetDateTime(int ordinal) => inner.GetDateTime(ordinal);

    public override decimal GetDecimal(int ordinal) => inner.GetDecimal(ordinal);

    public override double GetDouble(int ordinal) => inner.GetDouble(ordinal);

    [return: DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields | DynamicallyAccessedMemberTypes.PublicProperties)]
    public override Type GetFieldType(int ordinal) => inner.GetFieldType(ordinal);

    public override T GetFieldValue<T>(int ordinal)
        => typeof(T) == typeof(Guid) ? (T)(object)GetGuid(ordinal)
            : typeof(T) == typeof(DateTimeOffset) && IsTimestampWithoutZone(ordinal) ? (T)(object)UtcOffset(inner.GetDateTime(ordinal))
            : inner.GetFieldValue<T>(ordinal);

    public override Task<T> GetFieldValueAsync<T>(int ordinal, CancellationToken cancellationToken)
        => typeof(T) == typeof(Guid) || typeof(T) == typeof(DateTimeOffset)
            ? Task.FromResult(GetFieldValue<T>(ordinal))
            : inner.GetFieldValueAsync<T>(ordinal, cancellationToken);

    public override float GetFloat(int ordinal) => inner.GetFloat(ordinal);

    // Spark has no uuid type: the service sends a Guid as its string.
    public override Guid GetGuid(int ordinal)
        => inner.GetDataTypeName(ordinal) == "text" ? Guid.Parse(inner.GetString(ordinal)) : inner.GetGuid(ordinal);

    // Spark's timestamp has no zone and the service's session zone is UTC, so a DateTimeOffset read from one is at UTC.
    private bool IsTimestampWithoutZone(int ordinal) => inner.GetDataTypeName(ordinal) == "timestamp without time zone";

    private static DateTimeOffset UtcOffset(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    public override short GetInt16(int ordinal) => inner.GetInt16(ordinal);

    public override int GetInt32(int ordinal) => inner.GetInt32(ordinal);

    public override long GetInt64(int ordinal) => inner.GetInt64(ordinal);

    public override string GetName(int ordinal) => inner.GetName(ordinal);

    public override int GetOrdinal(string name) => inner.GetOrdinal(name);

    public override DataTable? GetSchemaTable() => inner.GetSchemaTable();

    public override Stream GetStream(int ordinal) => inner.GetStream(ordinal);

    public override string GetString(int ordinal) => inner.GetString(ordinal);

    public override TextReader GetTextReader(int ordinal) => inner.GetTextReader(ordinal);

    public override object GetValue(int ordinal) => inner.GetValue(ordinal);

    public override int GetValues(object[] values) => inner.GetValues(values);

    public override bool IsDBNull(int ordinal) => inner.IsDBNull(ordinal);

    public override Task<bool> IsDBNullAsync(int ordinal, CancellationToken cancellationToken)
        => inner.IsDBNullAsync(ordinal, cancellationToken);

    // Through this reader, so the row read ahead is not skipped and rows are counted.
    public override IEnumerator GetEnumerator() => new DbEnumerator(this);

    public override void Close() => inner.Close();

    public override Task CloseAsync() => inner.CloseAsync();

    public override ValueTask DisposeAsync() => inner.DisposeAsync();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private void StartResult()
    {
        _readAhead = null;
        _rows = 0;
        _reported = false;
    }

    private bool? TakeReadAhead()
    {
        var row = _readAhead;
        _readAhead = null;
        return row;
    }

    private bool Counted(bool read)
    {
        if (read)
        {
            _rows++;
        }
        else if (_cap is { } limit && _rows == limit && !_reported)
        {
            _reported = true;
            _onCapReached!(_rows);
        }

        return read;
    }
}
