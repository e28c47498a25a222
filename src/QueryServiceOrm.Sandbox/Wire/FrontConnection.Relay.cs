using System.Buffers.Binary;

namespace QueryServiceOrm.Sandbox.Wire;

// The relay loop: the backend's answers, streamed to the client.
internal sealed partial class FrontConnection
{
    private bool _errorSinceSync;

    private async Task RelayAsync(CancellationToken cancellationToken)
    {
        var input = Backend.Input;
        try
        {
            while (await input.FillAsync(cancellationToken).ConfigureAwait(false))
            {
                await RelayBufferedAsync(input, cancellationToken).ConfigureAwait(false);
            }

            await TryWriteFatalAsync(ServiceErrors.BackendGone).ConfigureAwait(false);
        }
        finally
        {
            // Whatever ended the relay ends the session: the client loop must not wait for answers that will never come.
            FailPendingSyncs();
            Abort();
        }
    }

    // Passes every complete message in the buffer on; runs of plain messages (rows above all) go out as one write.
    private async Task RelayBufferedAsync(PgInput input, CancellationToken cancellationToken)
    {
        var buffered = input.BufferedMemory;
        var offset = 0;
        var runStart = -1;
        while (buffered.Length - offset >= 5)
        {
            var type = buffered.Span[offset];
            var length = BinaryPrimitives.ReadInt32BigEndian(buffered.Span[(offset + 1)..]);
            if (length < 4)
            {
                throw new PgProtocolException($"The backend sent a message of type '{(char)type}' with length {length}.");
            }

            if (buffered.Length - offset < length + 1)
            {
                break;
            }

            if (IsPlain(type))
            {
                runStart = runStart < 0 ? offset : runStart;
            }
            else
            {
                if (runStart >= 0)
                {
                    await WriteClientAsync(buffered[runStart..offset], cancellationToken).ConfigureAwait(false);
                    runStart = -1;
                }

                await RelaySpecialAsync(type, buffered.Slice(offset + 5, length - 4), cancellationToken).ConfigureAwait(false);
            }

            offset += length + 1;
        }

        if (runStart >= 0)
        {
            await WriteClientAsync(buffered[runStart..offset], cancellationToken).ConfigureAwait(false);
        }

        input.Consume(offset);
    }

    private static bool IsPlain(byte type)
        => type is not (PgType.ErrorResponse or PgType.ParameterStatus or PgType.ReadyForQuery or PgType.CopyInResponse
            or PgType.CopyOutResponse or PgType.CopyBothResponse or PgType.Authentication or PgType.BackendKeyData);

    private async Task RelaySpecialAsync(byte type, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        switch (type)
        {
            case PgType.ErrorResponse:
                _errorSinceSync = true;
                var error = ServiceErrors.FromBackend(BackendErrors.Read(body.Span));
                await WriteClientAsync(o => o.Error(error), cancellationToken).ConfigureAwait(false);
                break;
            case PgType.ParameterStatus:
                var reader = new PgBodyReader(body.Span);
                var name = reader.CString();
                var value = reader.CString();
                if (ServerParameters.Relayed(name, value, Session.User) is { } relayed)
                {
                    await WriteClientAsync(o => o.ParameterStatus(name, relayed), cancellationToken).ConfigureAwait(false);
                }

                break;
            case PgType.ReadyForQuery:
                await CompleteSyncAsync(cancellationToken).ConfigureAwait(false);
                break;
            default:
                // COPY is refused before it reaches the backend, and start-up messages come once: the session is out of step.
                throw new PgProtocolException($"The backend sent '{(char)type}' where the front expected none.");
        }
    }

    private async Task CompleteSyncAsync(CancellationToken cancellationToken)
    {
        PendingSync? sync;
        lock (_pendingSyncs)
        {
            _pendingSyncs.TryDequeue(out sync);
        }

        var error = _errorSinceSync;
        _errorSinceSync = false;
        if (sync is null)
        {
            throw new PgProtocolException("The backend sent ReadyForQuery that nothing asked for.");
        }

        if (!sync.IsInternal)
        {
            await WriteClientAsync(o => o.ReadyForQuery(Session.TransactionStatus), cancellationToken).ConfigureAwait(false);
        }

        sync.Done.TrySetResult(error);
    }
}
