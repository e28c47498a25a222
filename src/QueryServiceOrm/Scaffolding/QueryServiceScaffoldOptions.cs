namespace QueryServiceOrm.Scaffolding;

/// <summary>What <see cref="QueryServiceScaffolder"/> generates into.</summary>
/// <param name="Namespace">The namespace of the generated classes.</param>
/// <param name="ContextName">The DbContext class name.</param>
internal sealed record QueryServiceScaffoldOptions(string Namespace, string ContextName);
