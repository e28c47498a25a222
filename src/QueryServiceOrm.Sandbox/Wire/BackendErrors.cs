namespace QueryServiceOrm.Sandbox.Wire;

/// <summary>Reads an ErrorResponse or NoticeResponse body.</summary>
internal static class BackendErrors
{
    public static ServiceError Read(ReadOnlySpan<byte> body)
    {
        string severity = "ERROR", state = "XX000", message = "", detail = "", hint = "";
        var reader = new PgBodyReader(body);
        while (!reader.AtEnd)
        {
            var field = reader.Byte();
            if (field == 0)
            {
                break;
            }

            var value = reader.CString();
            switch ((char)field)
            {
                case 'V': severity = value; break;
                case 'C': state = value; break;
                case 'M': message = value; break;
                case 'D': detail = value; break;
                case 'H': hint = value; break;
            }
        }

        return new ServiceError(state, message, detail.Length == 0 ? null : detail, hint.Length == 0 ? null : hint, severity);
    }
}
