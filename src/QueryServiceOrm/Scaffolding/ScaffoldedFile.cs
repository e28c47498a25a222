namespace QueryServiceOrm.Scaffolding;

/// <summary>One generated source file.</summary>
/// <param name="Path">Its path relative to the output directory.</param>
/// <param name="Content">Its text (LF line ends, no time stamps: the same model always gives the same bytes).</param>
internal sealed record ScaffoldedFile(string Path, string Content);
