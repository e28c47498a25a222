namespace QueryServiceOrm.Sandbox.Xdm;

/// <summary><c>_luma.reservedWordTest</c>: a reserved word and a digit-led name as field names.</summary>
public sealed record SampleReservedWordTest(string? Order, bool? FirstVisit);
