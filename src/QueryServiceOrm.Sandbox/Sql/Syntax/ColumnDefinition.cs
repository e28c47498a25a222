namespace QueryServiceOrm.Sandbox.Sql.Syntax;

/// <summary>A column of CREATE TABLE or ADD COLUMN.</summary>
internal sealed record ColumnDefinition(
    Identifier Name, DataTypeSyntax Type, string? IdentityNamespace, bool PrimaryIdentity, bool NotNull) : Node;
