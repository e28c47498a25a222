namespace QueryServiceOrm.Sandbox.Wire;

/// <summary>One protocol message: its type byte and body (without the length).</summary>
/// <param name="Type">The type byte.</param>
/// <param name="Body">The body.</param>
internal readonly record struct PgMessage(byte Type, ReadOnlyMemory<byte> Body);
