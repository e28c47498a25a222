using System.Buffers.Binary;

namespace QueryServiceOrm.Sandbox.Wire;

/// <summary>Builds protocol messages in memory; <see cref="FlushAsync"/> writes them in one go.</summary>
internal sealed class PgOutput
{
    private byte[] _buffer = new byte[4096];
    private int _length;
    private int _messageStart = -1;

    public int Length => _length;

    public ReadOnlyMemory<byte> Written => _buffer.AsMemory(0, _length);

    /// <summary>Starts a message of the given type; <see cref="End"/> fills in its length.</summary>
    public PgOutput Begin(byte type)
    {
        Ensure(5);
        _buffer[_length++] = type;
        _messageStart = _length;
        _length += 4;
        return this;
    }

    public PgOutput Int16(short value)
    {
        Ensure(2);
        BinaryPrimitives.WriteInt16BigEndian(_buffer.AsSpan(_length), value);
        _length += 2;
        return this;
    }

    public PgOutput Int32(int value)
    {
        Ensure(4);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_length), value);
        _length += 4;
        return this;
    }

    public PgOutput Byte(byte value)
    {
        Ensure(1);
        _buffer[_length++] = value;
        return this;
    }

    public PgOutput Bytes(ReadOnlySpan<byte> value)
    {
        Ensure(value.Length);
        value.CopyTo(_buffer.AsSpan(_length));
        _length += value.Length;
        return this;
    }

    /// <summary>A NUL-terminated UTF-8 string.</summary>
    public PgOutput CString(string value)
    {
        var count = Encoding.UTF8.GetByteCount(value);
        Ensure(count + 1);
        _length += Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_length));
        _buffer[_length++] = 0;
        return this;
    }

    /// <summary>A length-prefixed value (DataRow field), or -1 for NULL.</summary>
    public PgOutput Field(string? value)
    {
        if (value is null)
        {
            return Int32(-1);
        }

        var count = Encoding.UTF8.GetByteCount(value);
        Int32(count);
        Ensure(count);
        _length += Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_length));
        return this;
    }

    public PgOutput End()
    {
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_messageStart), _length - _messageStart);
        _messageStart = -1;
        return this;
    }

    public void Clear() => _length = 0;

    public async ValueTask FlushAsync(Stream stream, CancellationToken cancellationToken)
    {
        if (_length > 0)
        {
            await stream.WriteAsync(_buffer.AsMemory(0, _length), cancellationToken).ConfigureAwait(false);
            _length = 0;
        }
    }

    private void Ensure(int count)
    {
        if (_length + count > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + count));
        }
    }
}
