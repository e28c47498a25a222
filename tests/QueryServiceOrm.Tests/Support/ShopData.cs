using System.Text;

namespace QueryServiceOrm.Tests.Support;

/// <summary>
/// Deterministic customers and orders in the shared sandbox, with the awkward cases a feature matrix needs:
/// null cities, tiers and scores, quotes and backslashes and non-ASCII text, customers without orders.
/// </summary>
internal static class ShopData
{
    public const int CustomerCount = 40;
    public const int OrderCount = 160;

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly HashSet<SandboxBackendKind> Seeded = [];

    public static readonly string[] Cities = ["Berlin", "Paris", "São Paulo", "O'Fallon", "Back\\slash"];
    public static readonly string[] Statuses = ["new", "paid", "shipped", "cancelled"];

    public static async Task<QueryServiceSandbox> SeedAsync(SandboxBackendKind backend = SandboxBackendKind.Local)
    {
        var sandbox = await SharedSandbox.GetAsync(backend);
        await Gate.WaitAsync();
        try
        {
            if (!Seeded.Contains(backend))
            {
                await sandbox.ExecuteAdminAsync(Script(sandbox.Username));
                Seeded.Add(backend);
            }
        }
        finally
        {
            Gate.Release();
        }

        return sandbox;
    }

    private static string Script(string owner)
    {
        var sql = new StringBuilder();
        sql.AppendLine("DROP TABLE IF EXISTS orders, customers;");
        sql.AppendLine(
            "CREATE TABLE customers (id integer PRIMARY KEY, name text NOT NULL, city text, tier text, joined timestamptz NOT NULL, "
            + "score double precision, active boolean NOT NULL);");
        sql.AppendLine(
            "CREATE TABLE orders (id integer PRIMARY KEY, customer_id integer NOT NULL, amount numeric(10,2) NOT NULL, placed "
            + "timestamptz NOT NULL, status text NOT NULL, items integer);");
        sql.AppendLine($"ALTER TABLE customers OWNER TO \"{owner}\"; ALTER TABLE orders OWNER TO \"{owner}\";");
        for (var i = 1; i <= CustomerCount; i++)
        {
            var name = i switch
            {
                3 => "Ann O'Neil",
                4 => "Back\\Slash Bob",
                5 => "Zoë Ünïcode",
                6 => "  padded  ",
                _ => $"Customer {i:00}"
            };
            var city = i % 6 == 0 ? null : Cities[i % Cities.Length];
            var tier = i % 4 == 0 ? null : i % 3 == 0 ? "gold" : "silver";
            var joined = new DateTime(2024, 1, 1, 8, 0, 0, DateTimeKind.Utc).AddDays(i).AddHours(i % 5);
            var score = i % 7 == 0 ? (double?)null : i * 1.25;
            sql.AppendLine(CultureInfo.InvariantCulture,
                $"INSERT INTO customers VALUES ({i}, {Text(name)}, {Text(city)}, {Text(tier)}, '{joined:yyyy-MM-dd HH:mm:ss}+00', "
                + $"{(score is null ? "NULL" : score.Value.ToString("R", CultureInfo.InvariantCulture))}, "
                + $"{(i % 3 != 0 ? "true" : "false")});");
        }

        for (var i = 1; i <= OrderCount; i++)
        {
            var amount = (i * 37 % 500) + (i % 4 * 0.25m);
            var placed = new DateTime(2024, 2, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(i * 7);
            sql.AppendLine(CultureInfo.InvariantCulture,
                $"INSERT INTO orders VALUES ({i}, {(i % 36) + 1}, {amount}, '{placed:yyyy-MM-dd HH:mm:ss}+00', '{Statuses[i % 4]}', "
                + $"{(i % 5 == 0 ? "NULL" : (i % 9).ToString(CultureInfo.InvariantCulture))});");
        }

        return sql.ToString();
    }

    private static string Text(string? value) => value is null ? "NULL" : "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
