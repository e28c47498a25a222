using QueryServiceOrm.Sandbox.Wire;

namespace QueryServiceOrm.Sandbox.Sql.Translation;

/// <summary>
/// SHOW: the service's catalog commands as queries of the backend's catalog (SHOW TABLES with name, dataSetId, dataSet,
/// description and labels; SHOW DATABASES, SCHEMAS, VIEWS, PRIMARY KEYS, FOREIGN KEYS), and SHOW of session settings.
/// </summary>
internal static class CatalogStatements
{
    private const string UserRelations = "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace " +
        "CROSS JOIN LATERAL (SELECT obj_description(c.oid, 'pg_class') AS d) AS o " +
        "CROSS JOIN LATERAL (SELECT CASE WHEN o.d LIKE 'qsorm:%' THEN substr(o.d, 7)::jsonb END AS m) AS j";

    private const string UserSchemas =
        "WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast', 'qsorm_meta', 'qsorm_spark', 'qsorm_struct') " +
        "AND n.nspname NOT LIKE 'pg_temp%' AND n.nspname NOT LIKE 'pg_toast_temp%' AND NOT c.relispartition";

    private const string Name = "CASE WHEN n.nspname = 'public' THEN c.relname ELSE n.nspname || '.' || c.relname END";

    // Settings that PostgreSQL clients ask for, answered as a PostgreSQL front would.
    private static readonly Dictionary<string, string> ServerSettings = new(StringComparer.OrdinalIgnoreCase)
    {
        ["server_version"] = ServerParameters.ServerVersion,
        ["standard_conforming_strings"] = "on",
        ["transaction isolation level"] = "read committed",
        ["transaction_isolation"] = "read committed",
        ["client_encoding"] = "UTF8",
        ["server_encoding"] = "UTF8",
        ["datestyle"] = "ISO, MDY",
        ["timezone"] = "UTC",
        ["time zone"] = "UTC",
        ["integer_datetimes"] = "on",
        ["search_path"] = "\"$user\", public",
        ["auto_to_json"] = "false",
    };

    public static FrontStatement Show(string what, TranslationContext context)
    {
        var target = context.Session.Target;
        var targetFilter = target.Equals("all", StringComparison.OrdinalIgnoreCase)
            ? ""
            : $" AND lower(c.relname) = lower({PgSql.Literal(target)})";
        return what.ToUpperInvariant() switch
        {
            "TABLES" => new BackendStatement(
                $"""SELECT {Name} AS "name", coalesce(j.m->>'DataSetId', substr(md5(c.oid::text), 1, 24)) AS "dataSetId", """
                + $"""coalesce(j.m->>'XdmSchema', c.relname) AS "dataSet", coalesce(j.m->>'Description', CASE WHEN o.d NOT LIKE """
                + $"""'qsorm:%' THEN o.d END) AS "description", coalesce((SELECT string_agg(l, ',') FROM """
                + $"""jsonb_array_elements_text(j.m->'Labels') AS l), '') AS "labels" {UserRelations} {UserSchemas} AND c.relkind IN """
                + $"""('r', 'p', 'f'){targetFilter} ORDER BY 1 LIMIT {ServiceRules.RowCap}"""),
            "VIEWS" => new BackendStatement(
                $"""SELECT '' AS "Db Name", '' AS "Schema Name", {Name} AS "Name", substr(md5(c.oid::text), 1, 24) AS "Id", """
                + $"""coalesce((SELECT string_agg(DISTINCT d.refobjid::regclass::text, ',') FROM pg_depend d JOIN pg_rewrite w ON w.oid """
                + $"""= d.objid WHERE w.ev_class = c.oid AND d.refobjid <> c.oid), '') AS "Dataset Dependencies", '' """
                + $"""AS "Views Dependencies", 'ADLS' AS "TYPE" {UserRelations} {UserSchemas} AND c.relkind IN ('v', 'm') ORDER BY 3"""),
            "DATABASES" => new BackendStatement(
                """SELECT n.nspname AS "name" FROM pg_namespace n WHERE obj_description(n.oid, 'pg_namespace') LIKE 'qsorm:database:%' """
                + """ORDER BY 1"""),
            "SCHEMAS" => new BackendStatement(
                """SELECT split_part(obj_description(n.oid, 'pg_namespace'), ':', 3) AS "database", CASE WHEN strpos(n.nspname, '.') > """
                + """0 THEN split_part(n.nspname, '.', 2) ELSE n.nspname END AS "schema" FROM pg_namespace n WHERE """
                + """obj_description(n.oid, 'pg_namespace') LIKE 'qsorm:schema:%' ORDER BY 1, 2"""),
            "PRIMARY KEYS" => new BackendStatement(
                $"""SELECT {Name} AS "tableName", i->>'Column' AS "primaryKey", i->>'Namespace' AS "namespace" {UserRelations} CROSS """
                + $"""JOIN LATERAL jsonb_array_elements(coalesce(j.m->'Identities', '[]'::jsonb)) AS i {UserSchemas} AND c.relkind IN """
                + $"""('r', 'p') AND (i->>'Primary')::boolean ORDER BY 1"""),
            "FOREIGN KEYS" or "DATAGROUPS" => new LocalStatement([new PgColumn("tableName"), new PgColumn("columnName")], [], "SHOW"),
            "ALL" => new LocalStatement(
                [new PgColumn("name"), new PgColumn("setting")],
                ServerSettings.Keys.Concat(context.Session.Settings.Keys)
                    .Distinct(StringComparer.OrdinalIgnoreCase)
                    .Order(StringComparer.OrdinalIgnoreCase)
                    .Select(k => (IReadOnlyList<string?>)[k, Setting(k, context)]).ToList(),
                "SHOW"),
            _ => new LocalStatement([new PgColumn(what)], [[Setting(what, context) ?? "<undefined>"]], "SHOW"),
        };
    }

    private static string? Setting(string key, TranslationContext context)
        => context.Session.Setting(key) ?? ServerSettings.GetValueOrDefault(key);
}
