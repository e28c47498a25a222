namespace QueryServiceOrm.Sandbox.Wire;

/// <summary>One statement of a client's text, as the front will run it.</summary>
internal abstract record FrontStatement;
