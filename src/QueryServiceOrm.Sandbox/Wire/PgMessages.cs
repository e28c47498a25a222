using System.Buffers.Binary;
using QueryServiceOrm.Sandbox.Rules;
using System.Text;

namespace QueryServiceOrm.Sandbox.Wire;

/// <summary>The message type bytes the front reads and writes.</summary>
internal static class PgType
{
    // Client to server.
    public const byte Query = (byte)'Q';
    public const byte Parse = (byte)'P';
    public const byte Bind = (byte)'B';
    public const byte Describe = (byte)'D';
    public const byte Execute = (byte)'E';
    public const byte Close = (byte)'C';
    public const byte Sync = (byte)'S';
    public const byte Flush = (byte)'H';
    public const byte Terminate = (byte)'X';
    public const byte Password = (byte)'p';

    // Server to client.
    public const byte Authentication = (byte)'R';
    public const byte ParameterStatus = (byte)'S';
    public const byte BackendKeyData = (byte)'K';
    public const byte ReadyForQuery = (byte)'Z';
    public const byte ErrorResponse = (byte)'E';
    public const byte NoticeResponse = (byte)'N';
    public const byte RowDescription = (byte)'T';
    public const byte DataRow = (byte)'D';
    public const byte CommandComplete = (byte)'C';
    public const byte ParseComplete = (byte)'1';
    public const byte BindComplete = (byte)'2';
    public const byte CloseComplete = (byte)'3';
    public const byte NoData = (byte)'n';
    public const byte ParameterDescription = (byte)'t';
    public const byte EmptyQueryResponse = (byte)'I';
    public const byte CopyInResponse = (byte)'G';
    public const byte CopyOutResponse = (byte)'H';
    public const byte CopyBothResponse = (byte)'W';
}

/// <summary>Reads the fields of a message body.</summary>
internal ref struct PgBodyReader(ReadOnlySpan<byte> body)
{
    private readonly ReadOnlySpan<byte> _body = body;
    private int _position;

    public readonly bool AtEnd => _position >= _body.Length;

    public readonly ReadOnlySpan<byte> Remaining => _body[_position..];

    public string CString()
    {
        var end = _body[_position..].IndexOf((byte)0);
        if (end < 0)
        {
            throw new PgProtocolException("A string in a message is not terminated.");
        }

        var value = Encoding.UTF8.GetString(_body.Slice(_position, end));
        _position += end + 1;
        return value;
    }

    public short Int16()
    {
        Need(2);
        var value = BinaryPrimitives.ReadInt16BigEndian(_body[_position..]);
        _position += 2;
        return value;
    }

    public int Int32()
    {
        Need(4);
        var value = BinaryPrimitives.ReadInt32BigEndian(_body[_position..]);
        _position += 4;
        return value;
    }

    public byte Byte()
    {
        Need(1);
        return _body[_position++];
    }

    public ReadOnlySpan<byte> Bytes(int count)
    {
        Need(count);
        var value = _body.Slice(_position, count);
        _position += count;
        return value;
    }

    private readonly void Need(int count)
    {
        if (count < 0 || _position + count > _body.Length)
        {
            throw new PgProtocolException("A message is shorter than its fields.");
        }
    }
}

/// <summary>A column of a result the front answers itself.</summary>
/// <param name="Name">The column name.</param>
/// <param name="TypeOid">The PostgreSQL type oid (25 for text, 16 boolean, 20 bigint, 701 double precision).</param>
internal sealed record PgColumn(string Name, int TypeOid = PgOids.Text);

/// <summary>The built-in type oids the front reports for the results it makes itself.</summary>
internal static class PgOids
{
    public const int Boolean = 16;
    public const int BigInt = 20;
    public const int Integer = 23;
    public const int Text = 25;
    public const int Double = 701;
}

/// <summary>Writes the server messages the front makes itself.</summary>
internal static class PgServerMessages
{
    public static PgOutput AuthenticationOk(this PgOutput o) => o.Begin(PgType.Authentication).Int32(0).End();

    public static PgOutput AuthenticationCleartextPassword(this PgOutput o) => o.Begin(PgType.Authentication).Int32(3).End();

    public static PgOutput ParameterStatus(this PgOutput o, string name, string value)
        => o.Begin(PgType.ParameterStatus).CString(name).CString(value).End();

    public static PgOutput BackendKeyData(this PgOutput o, int processId, int secret)
        => o.Begin(PgType.BackendKeyData).Int32(processId).Int32(secret).End();

    public static PgOutput ReadyForQuery(this PgOutput o, byte status) => o.Begin(PgType.ReadyForQuery).Byte(status).End();

    public static PgOutput CommandComplete(this PgOutput o, string tag) => o.Begin(PgType.CommandComplete).CString(tag).End();

    public static PgOutput EmptyQueryResponse(this PgOutput o) => o.Begin(PgType.EmptyQueryResponse).End();

    public static PgOutput ParseComplete(this PgOutput o) => o.Begin(PgType.ParseComplete).End();

    public static PgOutput BindComplete(this PgOutput o) => o.Begin(PgType.BindComplete).End();

    public static PgOutput CloseComplete(this PgOutput o) => o.Begin(PgType.CloseComplete).End();

    public static PgOutput NoData(this PgOutput o) => o.Begin(PgType.NoData).End();

    public static PgOutput ParameterDescription(this PgOutput o, IReadOnlyList<int> typeOids)
    {
        o.Begin(PgType.ParameterDescription).Int16((short)typeOids.Count);
        foreach (var oid in typeOids)
        {
            o.Int32(oid);
        }

        return o.End();
    }

    public static PgOutput RowDescription(this PgOutput o, IReadOnlyList<PgColumn> columns)
    {
        o.Begin(PgType.RowDescription).Int16((short)columns.Count);
        foreach (var column in columns)
        {
            // No table, no attribute number, the type's own size, no modifier, text format.
            o.CString(column.Name).Int32(0).Int16(0).Int32(column.TypeOid).Int16(-1).Int32(-1).Int16(0);
        }

        return o.End();
    }

    public static PgOutput DataRow(this PgOutput o, IReadOnlyList<string?> values)
    {
        o.Begin(PgType.DataRow).Int16((short)values.Count);
        foreach (var value in values)
        {
            o.Field(value);
        }

        return o.End();
    }

    public static PgOutput Error(this PgOutput o, ServiceError error) => Notice(o, PgType.ErrorResponse, error);

    public static PgOutput Notice(this PgOutput o, ServiceError notice) => Notice(o, PgType.NoticeResponse, notice);

    private static PgOutput Notice(PgOutput o, byte type, ServiceError error)
    {
        o.Begin(type)
            .Byte((byte)'S').CString(error.Severity)
            .Byte((byte)'V').CString(error.Severity)
            .Byte((byte)'C').CString(error.SqlState)
            .Byte((byte)'M').CString(error.Message);
        if (error.Detail is { } detail)
        {
            o.Byte((byte)'D').CString(detail);
        }

        if (error.Hint is { } hint)
        {
            o.Byte((byte)'H').CString(hint);
        }

        return o.Byte(0).End();
    }
}
