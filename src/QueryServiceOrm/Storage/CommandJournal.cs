namespace QueryServiceOrm.Storage;

/// <summary>
/// What a context's commands did during the current execution-strategy operation: once anything but a read has been
/// sent, the operation is never retried, since the data lake cannot undo the part that already ran.
/// </summary>
internal sealed class CommandJournal
{
    /// <summary>Whether a command other than a read was sent since <see cref="Reset"/>.</summary>
    public bool WriteSent { get; private set; }

    public void Reset() => WriteSent = false;

    public void Record(bool writes) => WriteSent |= writes;
}
