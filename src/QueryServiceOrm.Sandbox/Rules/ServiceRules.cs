namespace QueryServiceOrm.Sandbox.Rules;

/// <summary>
/// The statements Query Service refuses, each with the SQLSTATE its clients see (the reference's sections 2 and 4), and the
/// limits it enforces. The front checks every rule before anything reaches the backend.
/// </summary>
internal static class ServiceRules
{
    /// <summary>The most rows an interactive query returns unless it says <c>LIMIT 0</c>.</summary>
    public const int RowCap = 50_000;

    /// <summary>The largest LIMIT the service accepts.</summary>
    public const int MaxLimit = 100_000;

    /// <summary>
    /// Whether COMMIT is accepted. The service documents BEGIN and ROLLBACK and not COMMIT; this is the one place that decides
    /// it, for the Live suite to settle against a real sandbox.
    /// </summary>
    public const bool AcceptsCommit = false;

    public static ServiceError SyntaxError(string message, int position)
        => new(
            "42601", message, Detail: position >= 0 ? string.Create(CultureInfo.InvariantCulture, $"At character {position + 1}.") : null);

    public static ServiceError TemplateReference(string reference)
        => new("42601", $"'{reference}' refers to a saved query template, and this sandbox has none.",
            Hint: "Write the template's SQL in place of the reference; '#' is reserved for templates outside strings and comments.");

    public static ServiceError NotSupported(string what, string instead)
        => new("0A000", $"{what} is not supported by Query Service.", Hint: instead);

    public static ServiceError AppendOnly(string statement)
        => NotSupported(
            statement,
            "Datasets are append-only: write a corrected dataset with CREATE TABLE ... AS SELECT, or append with INSERT INTO ... SELECT.");

    public static readonly ServiceError InsertValues = new(
        "42601", "INSERT ... VALUES is not in Query Service's grammar.",
        Hint: "Append with INSERT INTO t SELECT ..., e.g. SELECT ... FROM VALUES (...), (...) AS v(a, b).");

    public static readonly ServiceError InsertOverwrite = NotSupported(
        "INSERT OVERWRITE", "Append with INSERT INTO ... SELECT, or write a new table with CREATE TABLE ... AS SELECT.");

    public static readonly ServiceError Returning = NotSupported("RETURNING", "Read the rows back with a SELECT.");

    public static readonly ServiceError Sequences = NotSupported(
        "A sequence", "Use values that come with the data (the XDM _id, a timestamp).");

    public static ServiceError Transaction(string statement)
        => NotSupported(
            statement, "Query Service runs every statement on its own: only BEGIN and ROLLBACK are accepted, and they change nothing.");

    public static ServiceError DoubleUnderscore(string name)
        => new("42602", $"The table name '{name}' contains a double underscore, which Query Service does not allow in new names.",
            Hint: "Choose a name without '__'.");

    public static ServiceError LimitTooLarge(long limit)
        => new("53400", string.Create(CultureInfo.InvariantCulture, $"LIMIT {limit} is larger than the maximum of {MaxLimit:N0}."),
            Hint: "Use LIMIT 0 to read every row, or write the result with CREATE TABLE ... AS SELECT.");

    public static ServiceError NotOwner(string table)
        => new("42501", $"Permission denied: the table '{table}' was not created by this user or by Query Service.",
            Hint: "Only tables made with CREATE TABLE or CREATE TABLE ... AS SELECT by this user can be dropped.");

    public static ServiceError TableNotFound(string table)
        => new("42P01", $"Table or view not found: {table}.", Hint: "SHOW TABLES lists the tables of the database.");

    public static ServiceError TableExists(string table)
        => new("42P07", $"Table {table} already exists.", Hint: "Use CREATE TABLE IF NOT EXISTS, or DROP TABLE first.");

    // Analysis errors: the service reports them as 08P01 "Unknown error encountered. Reason: [...]" (Adobe's Analytics pages
    // quote one for a missing struct field).
    public static ServiceError Analysis(string reason) => new("08P01", $"Unknown error encountered. Reason: [{reason}]");

    public static ServiceError ColumnNotFound(string name, IEnumerable<string> candidates)
        => Analysis($"cannot resolve '{name}' given input columns: [{string.Join(", ", candidates)}]");

    public static ServiceError NoSuchField(string field, IEnumerable<string> fields)
        => Analysis($"No such struct field {field} in {string.Join(", ", fields)}");

    public static ServiceError Ambiguous(string name) => Analysis($"Reference '{name}' is ambiguous");

    public static ServiceError TypeMismatch(string message) => Analysis(message);

    // An undefined function is a 58000 "Analysis error" on the service (Adobe's API page quotes "Function [varchar] not defined").
    public static ServiceError FunctionNotFound(string name)
        => new("58000", $"Analysis error encountered. Reason: [Function [{name}] not defined.]",
            Hint: "Query Service has Spark SQL's built-in functions and no user-defined ones; the sandbox README lists those it emulates.");

    public static ServiceError WrongArguments(string function, string expected)
        => Analysis($"Invalid number or type of arguments for function {function}: {expected}");

    public static ServiceError NotEmulated(string what, string why)
        => new("0A000", $"{what} is not emulated by the sandbox: {why}",
            Hint: "Run it against a real Query Service sandbox; the sandbox README lists what the emulator covers.");
}
