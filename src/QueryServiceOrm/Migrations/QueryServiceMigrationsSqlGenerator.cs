using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using QueryServiceOrm.Metadata;
using QueryServiceOrm.Storage;
using QueryServiceOrm.Xdm;

namespace QueryServiceOrm.Migrations;

/// <summary>
/// Migrations SQL for Query Service (Data Distiller tables): the operations the service documents become its statements,
/// every other one is refused here, when the SQL is generated, with what to do instead. No statement runs in a transaction.
/// </summary>
/// <remarks>
/// Column types come from the properties' CLR types (nested XDM classes, lists and dictionaries included), found in the
/// migration's target model or, for migrations written by hand without one, in the context's model; the
/// <c>type:</c> strings of a migration are PostgreSQL's and are not used.
/// </remarks>
internal sealed class QueryServiceMigrationsSqlGenerator(MigrationsSqlGeneratorDependencies dependencies, SqlDialect dialect)
    : MigrationsSqlGenerator(dependencies)
{
    /// <inheritdoc />
    /// <remarks>A migration written by hand has no target model (EF gives it an empty one): the context's model serves instead.</remarks>
    public override IReadOnlyList<MigrationCommand> Generate(
        IReadOnlyList<MigrationOperation> operations,
        IModel? model = null,
        MigrationsSqlGenerationOptions options = MigrationsSqlGenerationOptions.Default)
        => base.Generate(
            operations,
            model is null || !model.GetEntityTypes().Any()
                ? Dependencies.CurrentContext.Context.GetService<IDesignTimeModel>().Model
                : model,
            options);

    /// <inheritdoc />
    protected override void Generate(MigrationOperation operation, IModel? model, MigrationCommandListBuilder builder)
    {
        switch (operation)
        {
            case CreateTableOperation create:
                CreateTable(create, model, builder);
                break;
            case AddColumnOperation add:
                AddColumn(add, model, builder);
                break;
            case DropTableOperation drop:
                Statement(builder, $"DROP TABLE {Table(drop.Name, drop.Schema)}");
                break;
            case AddPrimaryKeyOperation key:
                AddPrimaryKey(key, model, builder);
                break;
            case EnsureSchemaOperation schema:
                Statement(builder, $"CREATE SCHEMA IF NOT EXISTS {Dependencies.SqlGenerationHelper.DelimitIdentifier(schema.Name)}");
                break;
            case SqlOperation sql:
                Statement(builder, sql.Sql.TrimEnd().TrimEnd(';'));
                break;
            case AlterDatabaseOperation alter
                when !alter.GetAnnotations().Any()
                     && !alter.OldDatabase.GetAnnotations().Any()
                     && alter.Collation == alter.OldDatabase.Collation:
                // EF emits an empty one for models without database-wide settings: nothing to do.
                break;
            default:
                throw Refused(operation, RefusalReason(operation));
        }
    }

    private void CreateTable(CreateTableOperation operation, IModel? model, MigrationCommandListBuilder builder)
    {
        Check(
            operation,
            operation.ForeignKeys.Count == 0,
            "Query Service enforces no relationships between datasets: remove the foreign key "
            + "(configure the relationship without one, or drop the navigation) and join in queries.");
        Check(
            operation,
            operation.UniqueConstraints.Count == 0,
            "Query Service has no unique constraints: keep uniqueness in the data you append.");
        Check(
            operation,
            operation.CheckConstraints.Count == 0,
            "Query Service has no check constraints: validate rows before appending them.");
        Check(
            operation,
            operation.Comment is null,
            "Query Service documents no table comments: describe the dataset in Experience Platform.");
        var table = model?.GetRelationalModel().FindTable(operation.Name, operation.Schema);
        var columns = operation.Columns.Select(c => ColumnSpec(operation, c, table)).ToList();
        var profile = table?.EntityTypeMappings.Any(m => m.TypeBase is IEntityType entityType && entityType.IsProfileDataset()) == true;
        string statement;
        try
        {
            statement = TableDefinitionBuilder.CreateTable(
                operation.Name, operation.Schema, columns, profile, dialect, Dependencies.SqlGenerationHelper, ifNotExists: true);
        }
        catch (NotSupportedException unsupported)
        {
            throw Refused(operation, unsupported.Message);
        }

        Statement(builder, statement);
    }

    private void AddColumn(AddColumnOperation operation, IModel? model, MigrationCommandListBuilder builder)
    {
        var property = Property(model?.GetRelationalModel().FindTable(operation.Table, operation.Schema), operation.Name);
        CheckColumn(operation, operation);
        var clrType = StoredClrType(operation, property);
        var type = SqlDialect.AddColumnType(Nullable.GetUnderlyingType(clrType) ?? clrType, property?.GetMaxLength() ?? operation.MaxLength)
                   ?? throw Refused(
                       operation,
                       $"Query Service's ALTER TABLE ADD COLUMN takes bigint, integer, smallint, tinyint, varchar(n), char(n), double, "
                       + $"date and datetime only, "
                       + $"and {operation.Name} is a {clrType.Name}"
                       + $"{(clrType == typeof(string) ? " without a maximum length (give it HasMaxLength(n))" : "")}: "
                       + "for other types create a new table with the column (CreateTable, or a CTAS through migrationBuilder.Sql).");
        Statement(
            builder,
            $"ALTER TABLE {Table(operation.Table, operation.Schema)} "
            + $"ADD COLUMN {Dependencies.SqlGenerationHelper.DelimitIdentifier(operation.Name)} {type}");
    }

    private void AddPrimaryKey(AddPrimaryKeyOperation operation, IModel? model, MigrationCommandListBuilder builder)
    {
        Check(operation, operation.Columns.Length == 1, "a Query Service primary key is one identity column: use a single-column key.");
        var property = Property(model?.GetRelationalModel().FindTable(operation.Table, operation.Schema), operation.Columns[0]);
        var identityNamespace = operation[QueryServiceAnnotationNames.PrimaryIdentityNamespace] as string
            ?? property?.GetPrimaryIdentityNamespace()
            ?? throw Refused(
                operation,
                $"a Query Service primary key needs its identity namespace: "
                + $"configure {operation.Columns[0]} with HasPrimaryIdentity(\"namespace\").");
        Statement(
            builder,
            SqlDialect.AddPrimaryKeyStatement(
                Table(operation.Table, operation.Schema),
                Dependencies.SqlGenerationHelper.DelimitIdentifier(operation.Columns[0]),
                identityNamespace));
    }

    // A column of a new table: what it stores, and its identity namespace from the model's property.
    private static ColumnSpec ColumnSpec(CreateTableOperation table, AddColumnOperation column, ITable? modelTable)
    {
        CheckColumn(table, column);
        var property = Property(modelTable, column.Name);
        Check(table, !IsScaffoldedJson(column, property), ScaffoldedJson(column.Name));
        return new ColumnSpec(
            column.Name, StoredClrType(column, property), property?.GetPrimaryIdentityNamespace(), $"{table.Name}.{column.Name}",
            TableDefinitionBuilder.NestedType(column.ColumnType));
    }

    // The model's property knows what is stored (an XDM class behind a JSON converter); without one, the operation's type.
    private static Type StoredClrType(ColumnOperation column, IProperty? property)
        => property is null ? column.ClrType : TableDefinitionBuilder.StoredClrType(property);

    private static void CheckColumn(MigrationOperation operation, ColumnOperation column)
    {
        Check(
            operation,
            column.DefaultValue is null && column.DefaultValueSql is null,
            $"Query Service columns have no server defaults ({column.Name}): set the value in the rows you append.");
        Check(
            operation,
            column.ComputedColumnSql is null,
            $"Query Service has no computed columns ({column.Name}): compute the value in a query or a CTAS.");
        Check(
            operation,
            column.Comment is null,
            $"Query Service documents no column comments ({column.Name}): describe the field in the dataset's XDM schema.");
    }

    /// <summary>
    /// Whether a column is a nested column dotnet ef scaffolded as JSON text (column type json), with no XDM property of the
    /// model behind it to give its structure.
    /// </summary>
    internal static bool IsScaffoldedJson(ColumnOperation column, IReadOnlyProperty? property)
        => column.ColumnType == XdmStoreTypes.JsonText && (property is null || !XdmTypeMappings.IsXdm(property.GetTypeMapping()));

    /// <summary>
    /// Why a column dotnet ef scaffolded as JSON text cannot be created: it stands for a nested column of a dataset that
    /// exists, and a migration would make it text.
    /// </summary>
    internal static string ScaffoldedJson(string column)
        => $"{column} is a nested column dotnet ef scaffolded as JSON text (column type json): its dataset exists already, "
           + "and a migration would "
           + "create it as text. Leave scaffolded tables out of migrations "
           + "(ToTable(\"name\", t => t.ExcludeFromMigrations()) in OnModelCreatingPartial), "
           + "or scaffold with qsorm scaffold, whose classes carry the structure.";

    private static IProperty? Property(ITable? table, string column)
        => table?.FindColumn(column)?.PropertyMappings.Select(m => m.Property).FirstOrDefault();

    private string Table(string name, string? schema) => Dependencies.SqlGenerationHelper.DelimitIdentifier(name, schema);

    private void Statement(MigrationCommandListBuilder builder, string sql)
    {
        builder.Append(sql).AppendLine(Dependencies.SqlGenerationHelper.StatementTerminator);
        EndStatement(builder, suppressTransaction: true);
    }

    private static void Check(MigrationOperation operation, bool condition, string reason)
    {
        if (!condition)
        {
            throw Refused(operation, reason);
        }
    }

    private static QueryServiceMigrationException Refused(MigrationOperation operation, string reason)
    {
        var kind = operation.GetType().Name;
        kind = kind.EndsWith("Operation", StringComparison.Ordinal) ? kind[..^"Operation".Length] : kind;
        var target = operation switch
        {
            ColumnOperation c => $"{c.Table}.{c.Name}",
            DropColumnOperation c => $"{c.Table}.{c.Name}",
            RenameColumnOperation c => $"{c.Table}.{c.Name}",
            ITableMigrationOperation t => t.Table,
            DropIndexOperation i => i.Table,
            CreateSequenceOperation s => s.Name,
            DropSequenceOperation s => s.Name,
            _ => null,
        };
        return new QueryServiceMigrationException(target is null ? kind : $"{kind} ({target})", migration: null, reason);
    }

    private static string RefusalReason(MigrationOperation operation)
        => operation switch
        {
            RenameTableOperation or RenameColumnOperation or RenameIndexOperation or RenameSequenceOperation
                => "Query Service datasets and their fields cannot be renamed: "
                    + "create the new table from the old one (CTAS through migrationBuilder.Sql), then drop the old one.",
            AlterColumnOperation
                => "a Query Service column keeps its type and nullability: "
                    + "create a new table with the changed column (CTAS through migrationBuilder.Sql).",
            DropColumnOperation
                => "Query Service cannot drop a column: "
                    + "create a new table without it (CTAS through migrationBuilder.Sql), then drop the old one.",
            CreateIndexOperation or DropIndexOperation
                => "the data lake has no indexes: remove HasIndex from the model (filters and partitions are the service's business).",
            SequenceOperation or DropSequenceOperation or RestartSequenceOperation
                => "Query Service has no sequences: keys are the client's (a Guid or a natural key).",
            AddForeignKeyOperation or DropForeignKeyOperation
                => "Query Service enforces no relationships between datasets: remove the foreign key and join in queries.",
            AddUniqueConstraintOperation or DropUniqueConstraintOperation or AddCheckConstraintOperation or DropCheckConstraintOperation
                => "Query Service has no unique or check constraints: validate the rows before appending them.",
            DropPrimaryKeyOperation
                => "a dataset's primary identity cannot be removed by a migration: create a new table (CTAS) instead.",
            InsertDataOperation
                => "migrations do not write rows on Query Service: append them after migrating (AppendAsync), "
                    + "or write INSERT INTO ... SELECT with migrationBuilder.Sql.",
            UpdateDataOperation or DeleteDataOperation
                => "Query Service datasets are append-only: rows cannot be updated or deleted.",
            AlterTableOperation
                => "Query Service tables cannot be altered this way (comments and table settings): recreate the table instead.",
            AlterDatabaseOperation
                => "database-wide settings (extensions, collations) do not exist on Query Service: remove them from the model.",
            DropSchemaOperation
                => "schemas are dropped in Data Distiller, not by a migration: "
                    + "use migrationBuilder.Sql(\"DROP SCHEMA ...\") if you mean it.",
            _ => "Query Service has no such operation.",
        };
}
