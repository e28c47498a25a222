namespace QueryServiceOrm.Scaffolding;

/// <summary>One generated source file.</summary>
/// <param name="Path">Its path relative to the output directory.</param>
/// <param name="Content">Its text (LF line ends, no time stamps: the same model always gives the same bytes).</param>
internal sealed record ScaffoldedFile(string Path, string Content);

/// <summary>What <see cref="QueryServiceScaffolder"/> generates into.</summary>
/// <param name="Namespace">The namespace of the generated classes.</param>
/// <param name="ContextName">The DbContext class name.</param>
internal sealed record QueryServiceScaffoldOptions(string Namespace, string ContextName);
