namespace QueryServiceOrm.Sandbox.Wire;

/// <summary>A peer broke the protocol: the front answers with an error and closes the connection.</summary>
internal sealed class PgProtocolException(string message) : Exception(message);
