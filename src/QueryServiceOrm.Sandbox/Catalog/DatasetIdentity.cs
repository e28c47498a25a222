namespace QueryServiceOrm.Sandbox.Catalog;

/// <summary>An identity column of a dataset.</summary>
/// <param name="Column">The column.</param>
/// <param name="Namespace">The identity namespace.</param>
/// <param name="Primary">Whether it is the primary identity (or the primary key).</param>
internal sealed record DatasetIdentity(string Column, string Namespace, bool Primary);
