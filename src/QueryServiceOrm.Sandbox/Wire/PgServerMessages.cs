namespace QueryServiceOrm.Sandbox.Wire;

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
