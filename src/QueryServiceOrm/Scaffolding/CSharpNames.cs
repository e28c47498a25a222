using System.Text.RegularExpressions;

namespace QueryServiceOrm.Scaffolding;

/// <summary>
/// Readable C# names for XDM names, as .NET's naming guidelines write them: PascalCase words, an acronym of three letters
/// or more as a word (<c>URL</c> as <c>Url</c>, <c>pageURL</c> as <c>PageUrl</c>), <c>ID</c> as <c>Id</c>, a leading ordinal
/// in words (<c>1stVisit</c> as <c>FirstVisit</c>). The XDM name itself stays in <c>HasColumnName</c> or
/// <c>[JsonPropertyName]</c>, so the C# name never has to match it.
/// </summary>
internal static partial class CSharpNames
{
    private static readonly string[] Ordinals =
        ["First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth"];

    /// <summary>The PascalCase name of an XDM, column or table name; a name led by other digits gets a leading underscore.</summary>
    /// <param name="name">The XDM name.</param>
    public static string Pascal(string name)
    {
        var ordinal = LeadingOrdinal().Match(name);
        var words = Word().Matches(ordinal.Success ? name[ordinal.Length..] : name).Select(m => Capitalized(m.Value));
        var pascal = (ordinal.Success
                ? Ordinals[int.Parse(ordinal.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) - 1]
                : "")
            + string.Concat(words);
        return pascal.Length == 0 ? "Value" : char.IsDigit(pascal[0]) ? "_" + pascal : pascal;
    }

    private static string Capitalized(string word)
        => word == "ID" ? "Id"
            : word.Length > 2 && word.All(char.IsUpper) ? word[0] + word[1..].ToLowerInvariant()
            : char.ToUpperInvariant(word[0]) + word[1..];

    // An upper-case run not followed by lower case (an acronym), a word, or a number.
    [GeneratedRegex("[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")]
    private static partial Regex Word();

    [GeneratedRegex("^(10|[1-9])(?:st|nd|rd|th)(?![a-z])")]
    private static partial Regex LeadingOrdinal();
}
