using System.Text.RegularExpressions;

namespace QueryServiceOrm.Tests.Query;

/// <summary>One LINQ feature: the query, and the same question asked independently in SQL.</summary>
public sealed record LinqCase<TContext>(string Name, Func<TContext, Task<IEnumerable<object?>>> Run, string Sql, bool Ordered = true)
    where TContext : DbContext
{
    /// <summary>
    /// The answer is meant to be empty (the point is what must not match); every other case must return rows, or it
    /// could not tell a right translation from a wrong one.
    /// </summary>
    public bool ExpectsNoRows { get; init; }

    public override string ToString() => Name;

    public static LinqCase<TContext> Rows<T>(string name, Func<TContext, IQueryable<T>> query, string sql, bool ordered = true)
        => new(name, async db => (await query(db).ToListAsync()).Cast<object?>(), sql, ordered);

    public static LinqCase<TContext> Scalar<T>(string name, Func<TContext, Task<T>> query, string sql)
        => new(name, async db => new object?[] { await query(db) }, sql);
}

/// <summary>The LINQ features a Query Service user reaches for, each with its hand-written SQL counterpart.</summary>
internal static class LinqFeatureMatrix
{
    private static readonly DateTime Jan15 = new(2024, 1, 15, 0, 0, 0, DateTimeKind.Utc);

    public static IEnumerable<LinqCase<ShopContext>> Cases()
    {
        // Filters
        yield return Rows("Where_string_equals", db => db.Customers.Where(c => c.City == "Paris").OrderBy(c => c.Id).Select(c => c.Id),
            "SELECT id FROM customers WHERE city = 'Paris' ORDER BY id");
        yield return Rows(
            "Where_not_equals_keeps_nulls", db => db.Customers.Where(c => c.City != "Paris").OrderBy(c => c.Id).Select(c => c.Id),
            "SELECT id FROM customers WHERE city IS DISTINCT FROM 'Paris' ORDER BY id");
        yield return Rows("Where_is_null", db => db.Customers.Where(c => c.City == null).OrderBy(c => c.Id).Select(c => c.Id),
            "SELECT id FROM customers WHERE city IS NULL ORDER BY id");
        yield return Rows("Where_is_not_null", db => db.Customers.Where(c => c.Tier != null).OrderBy(c => c.Id).Select(c => c.Id),
            "SELECT id FROM customers WHERE tier IS NOT NULL ORDER BY id");
        yield return Rows(
            "Where_and_or",
            db => db.Customers.Where(c => c.Active && (c.Tier == "gold" || c.Score > 20)).OrderBy(c => c.Id).Select(c => c.Id),
            "SELECT id FROM customers WHERE active AND (tier = 'gold' OR score > 20) ORDER BY id");
        yield return Rows("Where_not_bool", db => db.Customers.Where(c => !c.Active).OrderBy(c => c.Id).Select(c => c.Id),
            "SELECT id FROM customers WHERE NOT active ORDER BY id");
        yield return Rows("Where_int_range", db => db.Customers.Where(c => c.Id >= 5 && c.Id < 12).OrderBy(c => c.Id).Select(c => c.Id),
            "SELECT id FROM customers WHERE id >= 5 AND id < 12 ORDER BY id");
        yield return Rows("Where_double_comparison", db => db.Customers.Where(c => c.Score > 10.5).OrderBy(c => c.Id).Select(c => c.Id),
            "SELECT id FROM customers WHERE score > 10.5 ORDER BY id");
        yield return Rows("Where_decimal_comparison", db => db.Orders.Where(o => o.Amount >= 400.25m).OrderBy(o => o.Id).Select(o => o.Id),
            "SELECT id FROM orders WHERE amount >= 400.25 ORDER BY id");
        yield return Rows("Where_datetime_comparison", db => db.Customers.Where(c => c.Joined < Jan15).OrderBy(c => c.Id).Select(c => c.Id),
            "SELECT id FROM customers WHERE joined < '2024-01-15 00:00:00+00' ORDER BY id");
        yield return Rows("Where_bool_column", db => db.Customers.Where(c => c.Active).OrderBy(c => c.Id).Select(c => c.Id),
            "SELECT id FROM customers WHERE active ORDER BY id");
        var city = "Berlin";
        yield return Rows("Where_captured_variable", db => db.Customers.Where(c => c.City == city).OrderBy(c => c.Id).Select(c => c.Id),
            "SELECT id FROM customers WHERE city = 'Berlin' ORDER BY id");
        var ids = new[] { 2, 3, 5, 8, 13, 21, 34 };
        yield return Rows("Where_list_contains", db => db.Customers.Where(c => ids.Contains(c.Id)).OrderBy(c => c.Id).Select(c => c.Id),
            "SELECT id FROM customers WHERE id IN (2, 3, 5, 8, 13, 21, 34) ORDER BY id");
        var none = Array.Empty<int>();
        yield return Rows("Where_empty_list_contains", db => db.Customers.Where(c => none.Contains(c.Id)).Select(c => c.Id),
            "SELECT id FROM customers WHERE false") with { ExpectsNoRows = true };
        var cities = new List<string?> { "Paris", "O'Fallon", null };
        yield return Rows(
            "Where_string_list_contains_with_null",
            db => db.Customers.Where(c => cities.Contains(c.City)).OrderBy(c => c.Id).Select(c => c.Id),
            "SELECT id FROM customers WHERE city IN ('Paris', 'O''Fallon') OR city IS NULL ORDER BY id");
        yield return Rows("Where_nullable_int_equals", db => db.Orders.Where(o => o.Items == 3).OrderBy(o => o.Id).Select(o => o.Id),
            "SELECT id FROM orders WHERE items = 3 ORDER BY id");
        string? noTier = null;
        yield return Rows(
            "Where_equals_null_variable", db => db.Customers.Where(c => c.Tier == noTier).OrderBy(c => c.Id).Select(c => c.Id),
            "SELECT id FROM customers WHERE tier IS NULL ORDER BY id");
        yield return Rows(
            "Where_quote_and_backslash_literal",
            db => db.Customers.Where(c => c.Name == "Ann O'Neil" || c.City == "Back\\slash").OrderBy(c => c.Id).Select(c => c.Id),
            "SELECT id FROM customers WHERE name = 'Ann O''Neil' OR city = 'Back\\slash' ORDER BY id");

        // Projections
        yield return Rows("Select_scalar", db => db.Customers.OrderBy(c => c.Id).Select(c => c.Name),
            "SELECT name FROM customers ORDER BY id");
        yield return Rows(
            "Select_anonymous", db => db.Customers.OrderBy(c => c.Id).Select(c => new { c.Id, c.City, c.Score, c.Joined, c.Active }),
            "SELECT id, city, score, joined, active FROM customers ORDER BY id");
        yield return Rows("Select_arithmetic", db => db.Orders.OrderBy(o => o.Id).Select(o => new { o.Id, Doubled = o.Amount * 2 + 1 }),
            "SELECT id, amount * 2 + 1 FROM orders ORDER BY id");
        yield return Rows("Select_conditional", db => db.Customers.OrderBy(c => c.Id).Select(c => c.Score == null ? -1 : c.Score),
            "SELECT CASE WHEN score IS NULL THEN -1 ELSE score END FROM customers ORDER BY id");
        yield return Rows("Select_coalesce", db => db.Customers.OrderBy(c => c.Id).Select(c => c.City ?? "unknown"),
            "SELECT COALESCE(city, 'unknown') FROM customers ORDER BY id");
        yield return Rows("Select_string_concat", db => db.Customers.OrderBy(c => c.Id).Select(c => c.Name + " (" + c.Tier + ")"),
            "SELECT name || ' (' || COALESCE(tier, '') || ')' FROM customers ORDER BY id");
        yield return Rows("Select_bool_expression", db => db.Customers.OrderBy(c => c.Id).Select(c => c.Score > 10),
            "SELECT COALESCE(score > 10, false) FROM customers ORDER BY id");
        yield return Rows("Select_cast_to_double", db => db.Orders.OrderBy(o => o.Id).Select(o => (double?)o.Items),
            "SELECT CAST(items AS double precision) FROM orders ORDER BY id");
        yield return Rows(
            "Select_conditional_chain",
            db => db.Orders.OrderBy(o => o.Id).Select(o => o.Amount > 400 ? "large" : o.Amount > 100 ? "medium" : "small"),
            "SELECT CASE WHEN amount > 400 THEN 'large' WHEN amount > 100 THEN 'medium' ELSE 'small' END FROM orders ORDER BY id");

        // Ordering
        yield return Rows(
            "OrderBy_nullable_ascending_nulls_first", db => db.Customers.OrderBy(c => c.Score).ThenBy(c => c.Id).Select(c => c.Id),
            "SELECT id FROM customers ORDER BY score ASC NULLS FIRST, id");
        yield return Rows(
            "OrderByDescending_nullable_nulls_last", db => db.Customers.OrderByDescending(c => c.Score).ThenBy(c => c.Id).Select(c => c.Id),
            "SELECT id FROM customers ORDER BY score DESC NULLS LAST, id");
        yield return Rows(
            "OrderBy_then_by_descending", db => db.Customers.OrderBy(c => c.City).ThenByDescending(c => c.Id).Select(c => c.Id),
            "SELECT id FROM customers ORDER BY city NULLS FIRST, id DESC");
        yield return Rows("OrderBy_computed", db => db.Orders.OrderBy(o => o.Amount % 7).ThenBy(o => o.Id).Select(o => o.Id),
            "SELECT id FROM orders ORDER BY amount % 7, id");

        // Paging
        yield return Rows("Take", db => db.Customers.OrderBy(c => c.Id).Take(5).Select(c => c.Id),
            "SELECT id FROM customers ORDER BY id LIMIT 5");
        var skip = 10;
        var take = 7;
        yield return Rows("Skip_Take", db => db.Customers.OrderBy(c => c.Id).Skip(skip).Take(take).Select(c => c.Id),
            "SELECT id FROM customers ORDER BY id LIMIT 7 OFFSET 10");
        yield return Rows("Take_zero_returns_nothing", db => db.Customers.OrderBy(c => c.Id).Take(0).Select(c => c.Id),
            "SELECT id FROM customers WHERE false") with { ExpectsNoRows = true };
        yield return Rows("Skip_only", db => db.Customers.OrderBy(c => c.Id).Skip(35).Select(c => c.Id),
            "SELECT id FROM customers ORDER BY id OFFSET 35");
        yield return Scalar("First", async db => (await db.Customers.OrderBy(c => c.Joined).FirstAsync()).Name,
            "SELECT name FROM customers ORDER BY joined LIMIT 1");
        yield return Scalar("FirstOrDefault_none", async db => (await db.Customers.FirstOrDefaultAsync(c => c.Id > 1000))?.Name,
            "SELECT NULL");
        yield return Scalar("Single_with_predicate", async db => (await db.Customers.SingleAsync(c => c.Id == 7)).Name,
            "SELECT name FROM customers WHERE id = 7");
        yield return Rows("Take_then_filter", db => db.Customers.OrderBy(c => c.Id).Take(10).Where(c => c.Active).Select(c => c.Id),
            "SELECT id FROM (SELECT * FROM customers ORDER BY id LIMIT 10) t WHERE active ORDER BY id");

        // Aggregates
        yield return Scalar("Count", async db => await db.Customers.CountAsync(), "SELECT count(*) FROM customers");
        yield return Scalar("Count_with_predicate", async db => await db.Orders.CountAsync(o => o.Status == "paid"),
            "SELECT count(*) FROM orders WHERE status = 'paid'");
        yield return Scalar("LongCount", async db => await db.Orders.LongCountAsync(), "SELECT count(*) FROM orders");
        yield return Scalar("Sum_decimal", async db => await db.Orders.SumAsync(o => o.Amount), "SELECT sum(amount) FROM orders");
        yield return Scalar(
            "Sum_nullable_int", async db => await db.Orders.SumAsync(o => o.Items), "SELECT COALESCE(sum(items), 0) FROM orders");
        yield return Scalar("Min_datetime", async db => await db.Orders.MinAsync(o => o.Placed), "SELECT min(placed) FROM orders");
        yield return Scalar("Max_decimal", async db => await db.Orders.MaxAsync(o => o.Amount), "SELECT max(amount) FROM orders");
        yield return Scalar(
            "Average_double", async db => await db.Customers.AverageAsync(c => c.Score), "SELECT avg(score) FROM customers");
        yield return Scalar(
            "Average_int_as_double",
            async db => await db.Customers.AverageAsync(c => (double)c.Id),
            "SELECT avg(CAST(id AS double precision)) FROM customers");
        yield return Scalar("Any", async db => await db.Orders.AnyAsync(), "SELECT EXISTS (SELECT 1 FROM orders)");
        yield return Scalar(
            "Any_with_predicate",
            async db => await db.Orders.AnyAsync(o => o.Amount > 499),
            "SELECT EXISTS (SELECT 1 FROM orders WHERE amount > 499)");
        yield return Scalar(
            "All",
            async db => await db.Orders.AllAsync(o => o.Amount > 0),
            "SELECT NOT EXISTS (SELECT 1 FROM orders WHERE NOT (amount > 0))");
        yield return Scalar("Contains_value", async db => await db.Customers.Select(c => c.City).ContainsAsync("Paris"),
            "SELECT EXISTS (SELECT 1 FROM customers WHERE city = 'Paris')");

        yield return Scalar("Contains_in_a_limited_subquery", async db => await db.Customers.Where(c => c.Id == 1)
                .Select(
                    c => db.Orders.OrderByDescending(o => o.Amount)
                        .ThenBy(o => o.Id)
                        .Take(3)
                        .Select(o => o.CustomerId)
                        .Contains(5)).SingleAsync(),
            "SELECT 5 IN (SELECT customer_id FROM orders ORDER BY amount DESC, id LIMIT 3)");
        yield return Scalar("Contains_in_a_plain_subquery", async db => await db.Customers.Where(c => c.Id == 1)
                .Select(c => db.Orders.Where(o => o.Amount > 450).Select(o => o.CustomerId).Contains(5)).SingleAsync(),
            "SELECT EXISTS (SELECT 1 FROM orders WHERE amount > 450 AND customer_id = 5)");

        // Grouping
        yield return Rows(
            "GroupBy_count", db => db.Orders.GroupBy(o => o.Status).Select(g => new { g.Key, Count = g.Count() }).OrderBy(x => x.Key),
            "SELECT status, count(*) FROM orders GROUP BY status ORDER BY status");
        yield return Rows("GroupBy_sum_having", db => db.Orders.GroupBy(o => o.CustomerId).Where(g => g.Sum(o => o.Amount) > 1200)
                .Select(g => new { g.Key, Total = g.Sum(o => o.Amount) }).OrderBy(x => x.Key),
            "SELECT customer_id, sum(amount) FROM orders GROUP BY customer_id HAVING sum(amount) > 1200 ORDER BY customer_id");
        yield return Rows("GroupBy_two_keys", db => db.Orders.GroupBy(o => new { o.Status, Big = o.Amount > 250 })
                .Select(g => new { g.Key.Status, g.Key.Big, N = g.Count() }).OrderBy(x => x.Status).ThenBy(x => x.Big),
            "SELECT status, amount > 250 AS big, count(*) FROM orders GROUP BY status, amount > 250 ORDER BY status, big");
        yield return Rows(
            "GroupBy_nullable_key", db => db.Customers.GroupBy(c => c.Tier).Select(g => new { g.Key, N = g.Count() }).OrderBy(x => x.Key),
            "SELECT tier, count(*) FROM customers GROUP BY tier ORDER BY tier NULLS FIRST");
        yield return Rows("GroupBy_min_max_avg", db => db.Orders.GroupBy(o => o.Status)
                .Select(
                    g => new
                    {
                        g.Key,
                        Min = g.Min(o => o.Amount),
                        Max = g.Max(o => o.Amount),
                        Avg = g.Average(o => (double)o.Amount)
                    }).OrderBy(x => x.Key),
            "SELECT status, min(amount), max(amount), avg(CAST(amount AS double precision)) FROM orders GROUP BY status ORDER BY status");
        yield return Rows(
            "GroupBy_count_with_predicate",
            db => db.Orders.GroupBy(o => o.Status).Select(g => new { g.Key, Large = g.Count(o => o.Amount > 250) }).OrderBy(x => x.Key),
            "SELECT status, count(*) FILTER (WHERE amount > 250) FROM orders GROUP BY status ORDER BY status");
        yield return Scalar("Distinct_count", async db => await db.Customers.Select(c => c.City).Distinct().CountAsync(),
            "SELECT count(*) FROM (SELECT DISTINCT city FROM customers) t");

        // Joins and navigations
        yield return Rows("Join_inner", db => db.Orders.Join(db.Customers, o => o.CustomerId, c => c.Id, (o, c) => new { o.Id, c.Name })
                .Where(x => x.Id <= 20).OrderBy(x => x.Id),
            "SELECT o.id, c.name FROM orders o JOIN customers c ON o.customer_id = c.id WHERE o.id <= 20 ORDER BY o.id");
        yield return Rows("Left_join_default_if_empty", db =>
                from c in db.Customers
                join o in db.Orders on c.Id equals o.CustomerId into os
                from o in os.DefaultIfEmpty()
                where c.Id > 30
                orderby c.Id, o!.Id
                select new { c.Id, OrderId = (int?)o!.Id },
            "SELECT c.id, o.id FROM customers c LEFT JOIN orders o ON c.id = o.customer_id WHERE c.id > 30 ORDER BY c.id, o.id NULLS "
            + "FIRST");
        yield return Rows(
            "Navigation_reference",
            db => db.Orders.Where(o => o.Customer!.City == "Paris").OrderBy(o => o.Id).Select(o => new { o.Id, o.Customer!.Name }),
            "SELECT o.id, c.name FROM orders o JOIN customers c ON o.customer_id = c.id WHERE c.city = 'Paris' ORDER BY o.id");
        yield return Rows(
            "Navigation_collection_count", db => db.Customers.OrderBy(c => c.Id).Select(c => new { c.Id, N = c.Orders.Count }),
            "SELECT c.id, (SELECT count(*) FROM orders o WHERE o.customer_id = c.id) FROM customers c ORDER BY c.id");
        yield return Rows(
            "Navigation_collection_any",
            db => db.Customers.Where(c => c.Orders.Any(o => o.Status == "cancelled" && o.Amount > 300))
                .OrderBy(c => c.Id)
                .Select(c => c.Id),
            "SELECT id FROM customers c WHERE EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id AND o.status = 'cancelled' AND "
            + "o.amount > 300) ORDER BY id");
        yield return Rows(
            "Navigation_collection_sum",
            db => db.Customers.Where(c => c.Id <= 10).OrderBy(c => c.Id).Select(c => new { c.Id, Total = c.Orders.Sum(o => o.Amount) }),
            "SELECT c.id, COALESCE((SELECT sum(amount) FROM orders o WHERE o.customer_id = c.id), 0) FROM customers c WHERE c.id <= 10 "
            + "ORDER BY c.id");
        yield return Rows(
            "Cross_join_filtered",
            db => db.Customers.Where(c => c.Id <= 3)
                .SelectMany(c => db.Orders.Where(o => o.Id <= 2), (c, o) => new { C = c.Id, O = o.Id })
                .OrderBy(x => x.C)
                .ThenBy(x => x.O),
            "SELECT c.id, o.id FROM customers c CROSS JOIN orders o WHERE c.id <= 3 AND o.id <= 2 ORDER BY c.id, o.id");
        yield return Rows(
            "Include_collection",
            db => db.Customers.Include(c => c.Orders).Where(c => c.Id == 5).SelectMany(c => c.Orders).OrderBy(o => o.Id).Select(o => o.Id),
            "SELECT id FROM orders WHERE customer_id = 5 ORDER BY id");

        // Subqueries
        yield return Rows(
            "Subquery_exists",
            db => db.Customers.Where(c => db.Orders.Any(o => o.CustomerId == c.Id && o.Amount > 450)).OrderBy(c => c.Id).Select(c => c.Id),
            "SELECT id FROM customers c WHERE EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id AND o.amount > 450) ORDER BY id");
        yield return Rows(
            "Subquery_scalar_max",
            db => db.Customers.Where(c => c.Id <= 8)
                .OrderBy(c => c.Id)
                .Select(c => new { c.Id, Max = db.Orders.Where(o => o.CustomerId == c.Id).Max(o => (decimal?)o.Amount) }),
            "SELECT c.id, (SELECT max(amount) FROM orders o WHERE o.customer_id = c.id) FROM customers c WHERE c.id <= 8 ORDER BY c.id");
        yield return Rows(
            "Subquery_in",
            db => db.Customers.Where(
                c => db.Orders.Where(o => o.Status == "new" && o.Amount < 50)
                    .Select(o => o.CustomerId)
                    .Contains(c.Id)).OrderBy(c => c.Id).Select(c => c.Id),
            "SELECT id FROM customers WHERE id IN (SELECT customer_id FROM orders WHERE status = 'new' AND amount < 50) ORDER BY id");
        yield return Rows(
            "Subquery_count_compare",
            db => db.Customers.Where(c => db.Orders.Count(o => o.CustomerId == c.Id) >= 5).OrderBy(c => c.Id).Select(c => c.Id),
            "SELECT id FROM customers c WHERE (SELECT count(*) FROM orders o WHERE o.customer_id = c.id) >= 5 ORDER BY id");
        yield return Rows(
            "Subquery_from_projection",
            db => db.Orders.Select(o => new { o.CustomerId, Big = o.Amount > 250 })
                .Where(x => x.Big)
                .GroupBy(x => x.CustomerId)
                .Select(g => new { g.Key, N = g.Count() })
                .OrderBy(x => x.Key),
            "SELECT customer_id, count(*) FROM orders WHERE amount > 250 GROUP BY customer_id ORDER BY customer_id");

        // Set operations
        yield return Rows(
            "Union",
            db => db.Customers.Where(c => c.Id < 5).Select(c => c.City).Union(db.Customers.Where(c => c.Id > 35).Select(c => c.City)),
            "SELECT city FROM customers WHERE id < 5 UNION SELECT city FROM customers WHERE id > 35", Ordered: false);
        yield return Rows(
            "Concat", db => db.Customers.Where(c => c.Id < 3).Select(c => c.Id).Concat(db.Customers.Where(c => c.Id < 4).Select(c => c.Id)),
            "SELECT id FROM customers WHERE id < 3 UNION ALL SELECT id FROM customers WHERE id < 4", Ordered: false);
        yield return Rows(
            "Intersect",
            db => db.Orders.Where(o => o.Status == "paid")
                .Select(o => o.CustomerId)
                .Intersect(db.Orders.Where(o => o.Amount > 400).Select(o => o.CustomerId)),
            "SELECT customer_id FROM orders WHERE status = 'paid' INTERSECT SELECT customer_id FROM orders WHERE amount > 400",
            Ordered: false);
        yield return Rows("Except", db => db.Customers.Select(c => c.Id).Except(db.Orders.Select(o => o.CustomerId)),
            "SELECT id FROM customers EXCEPT SELECT customer_id FROM orders", Ordered: false);
        yield return Rows(
            "Union_then_order_and_take",
            db => db.Customers.Where(c => c.Id < 5)
                .Select(c => c.Id)
                .Union(db.Customers.Where(c => c.Id > 35).Select(c => c.Id))
                .OrderByDescending(x => x)
                .Take(3),
            "SELECT id FROM (SELECT id FROM customers WHERE id < 5 UNION SELECT id FROM customers WHERE id > 35) t ORDER BY id DESC "
            + "LIMIT 3");

        // Distinct
        yield return Rows("Distinct", db => db.Customers.Select(c => c.Tier).Distinct(),
            "SELECT DISTINCT tier FROM customers", Ordered: false);
        yield return Rows("Distinct_two_columns", db => db.Customers.Select(c => new { c.Tier, c.Active }).Distinct(),
            "SELECT DISTINCT tier, active FROM customers", Ordered: false);

        // String members
        yield return Rows(
            "String_StartsWith", db => db.Customers.Where(c => c.Name.StartsWith("Customer 1")).OrderBy(c => c.Id).Select(c => c.Id),
            "SELECT id FROM customers WHERE name LIKE 'Customer 1%' ORDER BY id");
        var prefix = "Customer 2";
        yield return Rows(
            "String_StartsWith_variable", db => db.Customers.Where(c => c.Name.StartsWith(prefix)).OrderBy(c => c.Id).Select(c => c.Id),
            "SELECT id FROM customers WHERE name LIKE 'Customer 2%' ORDER BY id");
        yield return Rows("String_EndsWith", db => db.Customers.Where(c => c.Name.EndsWith("5")).OrderBy(c => c.Id).Select(c => c.Id),
            "SELECT id FROM customers WHERE name LIKE '%5' ORDER BY id");
        yield return Rows("String_Contains", db => db.Customers.Where(c => c.Name.Contains("O'N")).OrderBy(c => c.Id).Select(c => c.Id),
            "SELECT id FROM customers WHERE strpos(name, 'O''N') > 0 ORDER BY id");
        var wildcard = "%_";
        yield return Rows(
            "String_Contains_wildcards_are_literal", db => db.Customers.Where(c => c.Name.Contains(wildcard)).Select(c => c.Id),
            "SELECT id FROM customers WHERE strpos(name, '%_') > 0") with { ExpectsNoRows = true };
        yield return Rows(
            "String_ToUpper_ToLower",
            db => db.Customers.OrderBy(c => c.Id).Select(c => new { U = c.Name.ToUpper(), L = c.City!.ToLower() }),
            "SELECT upper(name), lower(city) FROM customers ORDER BY id");
        yield return Rows(
            "String_Length", db => db.Customers.Where(c => c.Name.Length > 11).OrderBy(c => c.Id).Select(c => new { c.Id, c.Name.Length }),
            "SELECT id, length(name) FROM customers WHERE length(name) > 11 ORDER BY id");
        yield return Rows("String_Substring", db => db.Customers.OrderBy(c => c.Id).Select(c => c.Name.Substring(2, 4)),
            "SELECT substr(name, 3, 4) FROM customers ORDER BY id");
        yield return Rows(
            "String_Trim",
            db => db.Customers.Where(c => c.Id == 6).Select(c => new { T = c.Name.Trim(), S = c.Name.TrimStart(), E = c.Name.TrimEnd() }),
            "SELECT trim(name), ltrim(name), rtrim(name) FROM customers WHERE id = 6");
        yield return Rows("String_IndexOf", db => db.Customers.OrderBy(c => c.Id).Select(c => c.Name.IndexOf("o")),
            "SELECT strpos(name, 'o') - 1 FROM customers ORDER BY id");
        yield return Rows("String_Replace", db => db.Customers.OrderBy(c => c.Id).Select(c => c.Name.Replace("Customer", "C")),
            "SELECT replace(name, 'Customer', 'C') FROM customers ORDER BY id");
        yield return Rows(
            "String_IsNullOrEmpty", db => db.Customers.Where(c => string.IsNullOrEmpty(c.Tier)).OrderBy(c => c.Id).Select(c => c.Id),
            "SELECT id FROM customers WHERE tier IS NULL OR tier = '' ORDER BY id");
        yield return Rows(
            "EF_Functions_Like", db => db.Customers.Where(c => EF.Functions.Like(c.Name, "%er 0_")).OrderBy(c => c.Id).Select(c => c.Id),
            "SELECT id FROM customers WHERE name LIKE '%er 0_' ORDER BY id");
        yield return Rows(
            "EF_Functions_ILike",
            db => db.Customers.Where(c => EF.Functions.ILike(c.Name, "customer 1%")).OrderBy(c => c.Id).Select(c => c.Id),
            "SELECT id FROM customers WHERE name ILIKE 'customer 1%' ORDER BY id");
        yield return Rows(
            "String_compare_unicode",
            db => db.Customers.Where(c => c.Name == "Zoë Ünïcode" || c.City == "São Paulo").OrderBy(c => c.Id).Select(c => c.Id),
            "SELECT id FROM customers WHERE name = 'Zoë Ünïcode' OR city = 'São Paulo' ORDER BY id");

        yield return Rows(
            "Regex_IsMatch", db => db.Customers.Where(c => Regex.IsMatch(c.Name, "^Customer [0-9]5$")).OrderBy(c => c.Id).Select(c => c.Id),
            "SELECT id FROM customers WHERE name ~ '^Customer [0-9]5$' ORDER BY id");
        yield return Rows(
            "Regex_IsMatch_ignore_case_negated",
            db => db.Customers.Where(c => !Regex.IsMatch(c.Name, "^customer", RegexOptions.IgnoreCase))
                .OrderBy(c => c.Id)
                .Select(c => c.Id),
            "SELECT id FROM customers WHERE name !~* '^customer' ORDER BY id");

        // Math members
        yield return Rows("Math_Abs", db => db.Orders.OrderBy(o => o.Id).Select(o => Math.Abs(250 - o.Amount)),
            "SELECT abs(250 - amount) FROM orders ORDER BY id");
        yield return Rows(
            "Math_Floor_Ceiling",
            db => db.Orders.OrderBy(o => o.Id).Select(o => new { F = Math.Floor(o.Amount), C = Math.Ceiling(o.Amount) }),
            "SELECT floor(amount), ceiling(amount) FROM orders ORDER BY id");
        yield return Rows("Math_Round_decimal", db => db.Orders.OrderBy(o => o.Id).Select(o => Math.Round(o.Amount / 3, 2)),
            "SELECT round(amount / 3, 2) FROM orders ORDER BY id");
        yield return Rows(
            "Math_Max_Min",
            db => db.Orders.OrderBy(o => o.Id).Select(o => new { Hi = Math.Max(o.Amount, 250m), Lo = Math.Min(o.Amount, 250m) }),
            "SELECT greatest(amount, 250.00), least(amount, 250.00) FROM orders ORDER BY id");
        yield return Rows(
            "Math_Power_Sqrt",
            db => db.Customers.Where(c => c.Score != null)
                .OrderBy(c => c.Id)
                .Select(c => new { P = Math.Pow(c.Score!.Value, 2), S = Math.Sqrt(c.Score!.Value) }),
            "SELECT power(score, 2), sqrt(score) FROM customers WHERE score IS NOT NULL ORDER BY id");
        yield return Rows("Integer_division_and_modulo", db => db.Orders.OrderBy(o => o.Id).Select(o => new { D = o.Id / 7, M = o.Id % 7 }),
            "SELECT id / 7, id % 7 FROM orders ORDER BY id");

        // Date and time members
        yield return Rows(
            "DateTime_parts",
            db => db.Orders.Where(o => o.Id <= 30)
                .OrderBy(o => o.Id)
                .Select(o => new { o.Placed.Year, o.Placed.Month, o.Placed.Day, o.Placed.Hour }),
            "SELECT CAST(date_part('year', placed) AS int), CAST(date_part('month', placed) AS int), CAST(date_part('day', placed) AS "
            + "int), CAST(date_part('hour', placed) AS int) FROM orders WHERE id <= 30 ORDER BY id");
        yield return Rows(
            "DateTime_AddDays",
            db => db.Customers.Where(c => c.Joined.AddDays(10) < new DateTime(2024, 1, 20, 0, 0, 0, DateTimeKind.Utc))
                .OrderBy(c => c.Id)
                .Select(c => c.Id),
            "SELECT id FROM customers WHERE joined + interval '10 days' < '2024-01-20 00:00:00+00' ORDER BY id");
        yield return Rows(
            "DateTime_Date_grouping",
            db => db.Orders.GroupBy(o => o.Placed.Date).Select(g => new { g.Key, N = g.Count() }).OrderBy(x => x.Key).Take(5),
            "SELECT CAST(date_trunc('day', placed) AS date), count(*) FROM orders GROUP BY 1 ORDER BY 1 LIMIT 5");
        yield return Rows(
            "DateTime_DayOfWeek", db => db.Orders.Where(o => o.Placed.DayOfWeek == DayOfWeek.Sunday).OrderBy(o => o.Id).Select(o => o.Id),
            "SELECT id FROM orders WHERE extract(dow FROM placed) = 0 ORDER BY id");

        // Spark functions through EF.Functions
        yield return Rows(
            "EF_Functions_DateFormat",
            db => db.Orders.Where(o => o.Id <= 5).OrderBy(o => o.Id).Select(o => EF.Functions.DateFormat(o.Placed, "yyyy-MM-dd HH:mm:ss")),
            "SELECT to_char(placed, 'YYYY-MM-DD HH24:MI:SS') FROM orders WHERE id <= 5 ORDER BY id");
        yield return Rows(
            "EF_Functions_ParseTimestamp",
            db => db.Customers
                .Where(c => c.Joined < EF.Functions.ParseTimestamp("2024-01-10 00:00:00", "yyyy-MM-dd HH:mm:ss"))
                .OrderBy(c => c.Id)
                .Select(c => c.Id),
            "SELECT id FROM customers WHERE joined < '2024-01-10 00:00:00+00' ORDER BY id");
        yield return Rows(
            "EF_Functions_FromUtcTimestamp",
            db => db.Orders.Where(o => o.Id <= 3).OrderBy(o => o.Id).Select(o => EF.Functions.FromUtcTimestamp(o.Placed, "Asia/Tokyo")),
            "SELECT placed AT TIME ZONE 'Asia/Tokyo' FROM orders WHERE id <= 3 ORDER BY id");
        yield return Rows(
            "EF_Functions_RegexpExtract",
            db => db.Customers.OrderBy(c => c.Id)
                .Select(
                    c => new
                    {
                        Whole = EF.Functions.RegexpExtract(c.Name, "[0-9]+", 0),
                        Group = EF.Functions.RegexpExtract(c.Name, "(C)ustomer ([0-9])", 2)
                    }),
            "SELECT COALESCE(substring(name from '[0-9]+'), ''), COALESCE((regexp_match(name, '(C)ustomer ([0-9])'))[2], '') FROM "
            + "customers ORDER BY id");

        // Null semantics
        yield return Rows("Null_compare_two_columns", db => db.Customers.Where(c => c.City == c.Tier).OrderBy(c => c.Id).Select(c => c.Id),
            "SELECT id FROM customers WHERE city IS NOT DISTINCT FROM tier ORDER BY id");
        yield return Rows("Null_negated_comparison", db => db.Customers.Where(c => !(c.Score > 10)).OrderBy(c => c.Id).Select(c => c.Id),
            "SELECT id FROM customers WHERE NOT COALESCE(score > 10, false) ORDER BY id");
        yield return Rows("Null_in_arithmetic", db => db.Orders.OrderBy(o => o.Id).Select(o => o.Items + 1),
            "SELECT items + 1 FROM orders ORDER BY id");
        yield return Rows("Null_coalesce_in_filter", db => db.Orders.Where(o => (o.Items ?? 0) == 0).OrderBy(o => o.Id).Select(o => o.Id),
            "SELECT id FROM orders WHERE COALESCE(items, 0) = 0 ORDER BY id");
    }

    private static LinqCase<ShopContext> Rows<T>(string name, Func<ShopContext, IQueryable<T>> query, string sql, bool Ordered = true)
        => LinqCase<ShopContext>.Rows(name, query, sql, Ordered);

    private static LinqCase<ShopContext> Scalar<T>(string name, Func<ShopContext, Task<T>> query, string sql)
        => LinqCase<ShopContext>.Scalar(name, query, sql);
}
