namespace QueryServiceOrm.Xdm;

/// <summary>
/// Markers the query preprocessor puts in place of lambdas over XDM arrays (<c>Items.Any(i => ...)</c>), so EF can
/// translate their bodies like any other expression. They only exist inside query trees and cannot be called.
/// </summary>
internal static partial class XdmFunctions
{
    /// <summary>Whether a name is one the rewriter gives element variables (nothing else reaches the SQL text).</summary>
    public static bool IsVariableName(string name) => VariableName().IsMatch(name);

    [System.Text.RegularExpressions.GeneratedRegex("^xdm_e[0-9]+$")]
    private static partial System.Text.RegularExpressions.Regex VariableName();

    /// <summary>True when some element of the array satisfies the predicate, written over <see cref="Element{T}"/>.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="array">The array.</param>
    /// <param name="variable">The name the element goes by in SQL.</param>
    /// <param name="predicate">The predicate.</param>
    public static bool Exists<T>(IEnumerable<T>? array, string variable, bool predicate)
        => throw new InvalidOperationException(nameof(Exists) + " is only for LINQ queries translated by QueryServiceOrm.");

    /// <summary>How many elements of the array satisfy the predicate, written over <see cref="Element{T}"/>.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="array">The array.</param>
    /// <param name="variable">The name the element goes by in SQL.</param>
    /// <param name="predicate">The predicate.</param>
    public static int CountWhere<T>(IEnumerable<T>? array, string variable, bool predicate)
        => throw new InvalidOperationException(nameof(CountWhere) + " is only for LINQ queries translated by QueryServiceOrm.");

    /// <summary>The selector's value for every element of the array, in order, written over <see cref="Element{T}"/>.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <typeparam name="TResult">The selector's type.</typeparam>
    /// <param name="array">The array.</param>
    /// <param name="variable">The name the element goes by in SQL.</param>
    /// <param name="selector">The selector.</param>
    public static List<TResult>? Transform<T, TResult>(IEnumerable<T>? array, string variable, TResult selector)
        => throw new InvalidOperationException(nameof(Transform) + " is only for LINQ queries translated by QueryServiceOrm.");

    /// <summary>An element of an XDM array by its 0-based index.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="array">The array.</param>
    /// <param name="index">The index.</param>
    public static T ElementAt<T>(IEnumerable<T>? array, int index)
        => throw new InvalidOperationException(nameof(ElementAt) + " is only for LINQ queries translated by QueryServiceOrm.");

    /// <summary>The value of an XDM map under a key.</summary>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <param name="map">The map.</param>
    /// <param name="key">The key.</param>
    public static TValue MapValue<TValue>(IDictionary<string, TValue>? map, string key)
        => throw new InvalidOperationException(nameof(MapValue) + " is only for LINQ queries translated by QueryServiceOrm.");

    /// <summary>The current element of the array a predicate is evaluated over.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="variable">The name the element goes by in SQL.</param>
    public static T Element<T>(string variable)
        => throw new InvalidOperationException(nameof(Element) + " is only for LINQ queries translated by QueryServiceOrm.");
}
