namespace QueryServiceOrm.Sandbox.Wire;

/// <summary>Nothing but white space and comments.</summary>
internal sealed record EmptyStatement : FrontStatement;
