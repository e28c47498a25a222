using System.Buffers.Binary;

namespace QueryServiceOrm.Sandbox.Wire;

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
