using System.Buffers.Binary;

namespace QueryServiceOrm.Sandbox.Wire;

/// <summary>
/// A buffered reader of PostgreSQL protocol messages (a type byte and a 4-byte length that counts itself). The body of the
/// current message stays valid until the next read; messages longer than the limit are a protocol violation, so a hostile
/// length can never make the front allocate without bound.
/// </summary>
internal sealed class PgInput
{
    private const int InitialSize = 1 << 16;

    private readonly Stream _stream;
    private readonly int _maxMessageLength;
    private byte[] _buffer = new byte[InitialSize];
    private int _start;
    private int _end;

    public PgInput(Stream stream, int maxMessageLength)
    {
        _stream = stream;
        _maxMessageLength = maxMessageLength;
    }

    /// <summary>The bytes received and not consumed yet.</summary>
    public ReadOnlySpan<byte> Buffered => _buffer.AsSpan(_start, _end - _start);

    /// <summary>The same, as memory (for writing straight through).</summary>
    public ReadOnlyMemory<byte> BufferedMemory => _buffer.AsMemory(_start, _end - _start);

    /// <summary>Marks bytes as consumed.</summary>
    public void Consume(int count) => _start += count;

    /// <summary>Reads the 4-byte length and the body of a startup-phase packet (no type byte).</summary>
    public async ValueTask<ReadOnlyMemory<byte>> ReadStartupPacketAsync(CancellationToken cancellationToken)
    {
        await EnsureAsync(4, cancellationToken).ConfigureAwait(false);
        var length = BinaryPrimitives.ReadInt32BigEndian(Buffered);
        if (length is < 8 or > 10_000)
        {
            throw new PgProtocolException($"Invalid startup packet length {length}.");
        }

        await EnsureAsync(length, cancellationToken).ConfigureAwait(false);
        var body = _buffer.AsMemory(_start + 4, length - 4);
        _start += length;
        return body;
    }

    /// <summary>Reads one complete typed message; its body is valid until the next read.</summary>
    public async ValueTask<PgMessage> ReadMessageAsync(CancellationToken cancellationToken)
    {
        await EnsureAsync(5, cancellationToken).ConfigureAwait(false);
        var (type, length) = PeekHeader();
        await EnsureAsync(length + 1, cancellationToken).ConfigureAwait(false);
        var message = new PgMessage(type, _buffer.AsMemory(_start + 5, length - 4));
        _start += length + 1;
        return message;
    }

    /// <summary>The type and length of the message at the start of the buffer (at least 5 bytes must be buffered).</summary>
    public (byte Type, int Length) PeekHeader()
    {
        var type = _buffer[_start];
        var length = BinaryPrimitives.ReadInt32BigEndian(_buffer.AsSpan(_start + 1));
        if (length < 4 || length > _maxMessageLength)
        {
            throw new PgProtocolException($"Invalid length {length} for a message of type '{(char)type}'.");
        }

        return (type, length);
    }

    /// <summary>Reads at least one more byte into the buffer; false at the end of the stream.</summary>
    public async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        // Reads land in a large free tail: a few bytes of a split message must not turn the next reads into small ones.
        MakeRoom(_end - _start + (_buffer.Length / 2));
        var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        _end += read;
        return read > 0;
    }

    /// <summary>Waits until <paramref name="count"/> bytes are buffered.</summary>
    public async ValueTask EnsureAsync(int count, CancellationToken cancellationToken)
    {
        while (_end - _start < count)
        {
            MakeRoom(count);
            var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new EndOfStreamException("The peer closed the connection.");
            }

            _end += read;
        }
    }

    // Makes room to read more and to hold `count` bytes from the start of the unconsumed data: compacts, or grows the buffer.
    private void MakeRoom(int count)
    {
        if (_end < _buffer.Length && _start + count <= _buffer.Length)
        {
            return;
        }

        var buffered = _end - _start;
        var needed = Math.Max(count, buffered + 1);
        var target = needed <= _buffer.Length ? _buffer : new byte[Math.Max(_buffer.Length * 2, needed)];
        Buffer.BlockCopy(_buffer, _start, target, 0, buffered);
        _buffer = target;
        _start = 0;
        _end = buffered;
    }
}
