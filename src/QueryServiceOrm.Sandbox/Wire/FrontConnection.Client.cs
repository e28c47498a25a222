namespace QueryServiceOrm.Sandbox.Wire;

// The client loop: simple and extended protocol.
internal sealed partial class FrontConnection
{
    private async Task ServeAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var message = await Input.ReadMessageAsync(cancellationToken).ConfigureAwait(false);
            switch (message.Type)
            {
                case PgType.Query:
                    await OnQueryAsync(new PgBodyReader(message.Body.Span).CString(), cancellationToken).ConfigureAwait(false);
                    break;
                case PgType.Parse or PgType.Bind or PgType.Describe or PgType.Execute or PgType.Close when _skipping:
                    break;
                case PgType.Parse:
                    await OnParseAsync(message.Body, cancellationToken).ConfigureAwait(false);
                    break;
                case PgType.Bind:
                    await OnBindAsync(message.Body, cancellationToken).ConfigureAwait(false);
                    break;
                case PgType.Describe:
                    await OnDescribeAsync(message.Body, cancellationToken).ConfigureAwait(false);
                    break;
                case PgType.Execute:
                    await OnExecuteAsync(message.Body, cancellationToken).ConfigureAwait(false);
                    break;
                case PgType.Close:
                    await OnCloseAsync(message.Body, cancellationToken).ConfigureAwait(false);
                    break;
                case PgType.Flush:
                    if (_forwardedSinceSync)
                    {
                        Forward(PgType.Flush, ReadOnlySpan<byte>.Empty);
                        await FlushBackendAsync(cancellationToken).ConfigureAwait(false);
                    }

                    break;
                case PgType.Sync:
                    await OnSyncAsync(cancellationToken).ConfigureAwait(false);
                    break;
                case PgType.Terminate:
                    return;
                case (byte)'d' or (byte)'c' or (byte)'f':
                    // Copy messages outside a copy (COPY is refused): ignored, as PostgreSQL ignores them after an error.
                    break;
                default:
                    throw new PgProtocolException($"Unsupported message type '{(char)message.Type}' (0x{message.Type:X2}).");
            }
        }
    }

    private async Task OnQueryAsync(string sql, CancellationToken cancellationToken)
    {
        await DrainAsync().ConfigureAwait(false);
        IReadOnlyList<FrontStatement> statements;
        try
        {
            statements = await TranslateAsync(sql, "simple", [], cancellationToken).ConfigureAwait(false);
        }
        catch (ServiceErrorException e)
        {
            await WriteClientAsync(o => o.Error(e.Error).ReadyForQuery(Session.TransactionStatus), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (statements is [BackendStatement only])
        {
            ForwardQuery(only.Sql);
            EnqueueSync(isInternal: false);
            await FlushBackendAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        foreach (var statement in statements)
        {
            if (statement is BackendStatement backend)
            {
                ForwardQuery(backend.Sql);
                var sync = EnqueueSync(isInternal: true);
                await FlushBackendAsync(cancellationToken).ConfigureAwait(false);
                if (await sync.Done.Task.ConfigureAwait(false))
                {
                    break;
                }
            }
            else
            {
                await WriteClientAsync(o => WriteLocal(o, statement, describe: true), cancellationToken).ConfigureAwait(false);
            }
        }

        await WriteClientAsync(o => o.ReadyForQuery(Session.TransactionStatus), cancellationToken).ConfigureAwait(false);
    }

    private async Task OnParseAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        string name, sql;
        int[] parameterTypes;
        {
            var reader = new PgBodyReader(body.Span);
            name = reader.CString();
            sql = reader.CString();
            parameterTypes = new int[reader.Int16()];
            for (var i = 0; i < parameterTypes.Length; i++)
            {
                parameterTypes[i] = reader.Int32();
            }
        }

        IReadOnlyList<FrontStatement> statements;
        try
        {
            statements = await TranslateAsync(sql, "extended", parameterTypes, cancellationToken).ConfigureAwait(false);
            if (statements.Count > 1)
            {
                throw new ServiceErrorException(ServiceErrors.SeveralStatementsInOne);
            }
        }
        catch (ServiceErrorException e)
        {
            await FrontErrorAsync(e.Error, cancellationToken).ConfigureAwait(false);
            return;
        }

        var statement = statements.Count == 0 ? new EmptyStatement() : statements[0];
        if (statement is BackendStatement backend)
        {
            var parse = new PgOutput().CString(name).CString(backend.Sql).Int16((short)parameterTypes.Length);
            foreach (var type in parameterTypes)
            {
                parse.Int32(type);
            }

            Forward(PgType.Parse, parse.Written.Span);
            _statements[name] = BackendRoute.Instance;
            return;
        }

        if (await LocalAsync(o => o.ParseComplete(), cancellationToken).ConfigureAwait(false))
        {
            _statements[name] = new LocalRoute(statement);
        }
    }

    private async Task OnBindAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var reader = new PgBodyReader(body.Span);
        var portal = reader.CString();
        var statement = reader.CString();
        switch (_statements.GetValueOrDefault(statement))
        {
            case null:
                await FrontErrorAsync(ServiceErrors.UnknownPreparedStatement(statement), cancellationToken).ConfigureAwait(false);
                break;
            case BackendRoute:
                Forward(PgType.Bind, body.Span);
                _portals[portal] = BackendRoute.Instance;
                break;
            case var local:
                if (await LocalAsync(o => o.BindComplete(), cancellationToken).ConfigureAwait(false))
                {
                    _portals[portal] = local;
                }

                break;
        }
    }

    private async Task OnDescribeAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var reader = new PgBodyReader(body.Span);
        var kind = reader.Byte();
        var name = reader.CString();
        switch ((kind == (byte)'S' ? _statements : _portals).GetValueOrDefault(name))
        {
            case null:
                await FrontErrorAsync(
                    kind == (byte)'S' ? ServiceErrors.UnknownPreparedStatement(name) : ServiceErrors.UnknownPortal(name), cancellationToken)
                    .ConfigureAwait(false);
                break;
            case BackendRoute:
                Forward(PgType.Describe, body.Span);
                break;
            case LocalRoute local:
                await LocalAsync(o => DescribeLocal(o, local.Statement, kind == (byte)'S'), cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private async Task OnExecuteAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var portal = new PgBodyReader(body.Span).CString();
        switch (_portals.GetValueOrDefault(portal))
        {
            case null:
                await FrontErrorAsync(ServiceErrors.UnknownPortal(portal), cancellationToken).ConfigureAwait(false);
                break;
            case BackendRoute:
                Forward(PgType.Execute, body.Span);
                break;
            case LocalRoute local:
                await LocalAsync(o => WriteLocal(o, local.Statement, describe: false), cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private async Task OnCloseAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var reader = new PgBodyReader(body.Span);
        var names = reader.Byte() == (byte)'S' ? _statements : _portals;
        var name = reader.CString();
        if (names.Remove(name, out var route) && route is LocalRoute)
        {
            await LocalAsync(o => o.CloseComplete(), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            // The backend's, or unknown (closing what does not exist is not an error).
            Forward(PgType.Close, body.Span);
        }
    }

    private async Task OnSyncAsync(CancellationToken cancellationToken)
    {
        _skipping = false;
        if (_forwardedSinceSync)
        {
            Forward(PgType.Sync, ReadOnlySpan<byte>.Empty);
            _forwardedSinceSync = false;
            EnqueueSync(isInternal: false);
            await FlushBackendAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        await DrainAsync().ConfigureAwait(false);
        await WriteClientAsync(o => o.ReadyForQuery(Session.TransactionStatus), cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<FrontStatement>> TranslateAsync(
        string sql, string protocol, IReadOnlyList<int> parameterTypes, CancellationToken cancellationToken)
        => await FrontAdmission.AdmitAsync(
            _server.Options, Session, _application, protocol, sql, parameterTypes, cancellationToken).ConfigureAwait(false);

    // The front answers in order: everything sent to the backend before is answered first. False when the backend reported an
    // error meanwhile: the extended protocol then skips to the client's Sync, this message included.
    private async Task<bool> LocalAsync(Action<PgOutput> answer, CancellationToken cancellationToken)
    {
        if (!await DrainAsync().ConfigureAwait(false))
        {
            return false;
        }

        await WriteClientAsync(answer, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task FrontErrorAsync(ServiceError error, CancellationToken cancellationToken)
    {
        if (await LocalAsync(o => o.Error(error), cancellationToken).ConfigureAwait(false))
        {
            _skipping = true;
        }
    }

    private async Task<bool> DrainAsync()
    {
        if (_forwardedSinceSync)
        {
            Forward(PgType.Sync, ReadOnlySpan<byte>.Empty);
            _forwardedSinceSync = false;
            var sync = EnqueueSync(isInternal: true);
            await FlushBackendAsync(CancellationToken.None).ConfigureAwait(false);
            if (await sync.Done.Task.ConfigureAwait(false))
            {
                _skipping = true;
                return false;
            }

            return true;
        }

        if (_lastSync is { } last)
        {
            await last.Done.Task.ConfigureAwait(false);
        }

        return true;
    }

    private void WriteLocal(PgOutput o, FrontStatement statement, bool describe)
    {
        switch (statement)
        {
            case EmptyStatement:
                o.EmptyQueryResponse();
                break;
            case LocalStatement local:
                local.Apply?.Invoke(Session);
                if (describe && local.Columns is { } columns)
                {
                    o.RowDescription(columns);
                }

                foreach (var row in local.Rows)
                {
                    o.DataRow(row);
                }

                o.CommandComplete(local.Tag);
                break;
        }
    }

    private static void DescribeLocal(PgOutput o, FrontStatement statement, bool ofStatement)
    {
        if (ofStatement)
        {
            o.ParameterDescription([]);
        }

        if (statement is LocalStatement { Columns: { } columns })
        {
            o.RowDescription(columns);
        }
        else
        {
            o.NoData();
        }
    }

    private void ForwardQuery(string sql)
    {
        var body = new PgOutput().CString(sql);
        _backendOut.Begin(PgType.Query).Bytes(body.Written.Span).End();
    }

    private void Forward(byte type, ReadOnlySpan<byte> body)
    {
        _backendOut.Begin(type).Bytes(body).End();
        if (type is not PgType.Sync and not PgType.Query)
        {
            _forwardedSinceSync = true;
        }
    }

    private async Task FlushBackendAsync(CancellationToken cancellationToken)
    {
        await _backendOut.FlushAsync(Backend.Stream, cancellationToken).ConfigureAwait(false);
    }

    private PendingSync EnqueueSync(bool isInternal)
    {
        var sync = new PendingSync(isInternal);
        lock (_pendingSyncs)
        {
            _pendingSyncs.Enqueue(sync);
        }

        _lastSync = sync;
        return sync;
    }

    private void FailPendingSyncs()
    {
        lock (_pendingSyncs)
        {
            while (_pendingSyncs.TryDequeue(out var sync))
            {
                sync.Done.TrySetResult(true);
            }
        }
    }
}
