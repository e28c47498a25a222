namespace QueryServiceOrm.Sandbox.Wire;

/// <summary>The built-in type oids the front reports for the results it makes itself.</summary>
internal static class PgOids
{
    public const int Boolean = 16;
    public const int BigInt = 20;
    public const int Integer = 23;
    public const int Text = 25;
    public const int Double = 701;
}
