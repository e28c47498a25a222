namespace QueryServiceOrm.Storage;

/// <summary>A column to create.</summary>
/// <param name="Name">The column's name.</param>
/// <param name="ClrType">What it stores (an XDM class, list or dictionary for nested values).</param>
/// <param name="IdentityNamespace">The primary identity's namespace, if the column is the dataset's primary identity.</param>
/// <param name="Member">The entity member it comes from, named in errors.</param>
/// <param name="NestedType">The nested column type the model or the migration gives it, written as it is.</param>
internal sealed record ColumnSpec(string Name, Type ClrType, string? IdentityNamespace, string Member, string? NestedType = null);
