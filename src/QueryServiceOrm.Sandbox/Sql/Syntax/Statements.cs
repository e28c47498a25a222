namespace QueryServiceOrm.Sandbox.Sql.Syntax;

/// <summary>A statement.</summary>
internal abstract record Statement : Node;

internal sealed record QueryStatement(SqlQuery Query) : Statement;

/// <summary><c>INSERT INTO t [(cols)] SELECT ...</c>.</summary>
internal sealed record InsertStatement(IReadOnlyList<Identifier> Table, IReadOnlyList<Identifier>? Columns, SqlQuery Source) : Statement;

/// <summary>A column of CREATE TABLE or ADD COLUMN.</summary>
internal sealed record ColumnDefinition(Identifier Name, DataTypeSyntax Type, string? IdentityNamespace, bool PrimaryIdentity, bool NotNull) : Node;

/// <summary><c>CREATE [TEMP] TABLE [IF NOT EXISTS] t (columns) [WITH (options)]</c>.</summary>
internal sealed record CreateTableStatement(
    IReadOnlyList<Identifier> Table, bool IfNotExists, bool Temporary, IReadOnlyList<ColumnDefinition> Columns, IReadOnlyList<(string Key, string Value)> Options)
    : Statement;

/// <summary><c>CREATE [TEMP] TABLE t [WITH (options)] AS query</c>.</summary>
internal sealed record CreateTableAsStatement(
    IReadOnlyList<Identifier> Table, bool IfNotExists, bool Temporary, IReadOnlyList<(string Key, string Value)> Options, SqlQuery Query) : Statement;

internal sealed record CreateViewStatement(IReadOnlyList<Identifier> Name, bool OrReplace, bool Temporary, IReadOnlyList<Identifier> Columns, SqlQuery Query) : Statement;

/// <summary><c>DROP TABLE|VIEW|SCHEMA|DATABASE [IF EXISTS] name [CASCADE]</c>.</summary>
internal sealed record DropStatement(string Kind, IReadOnlyList<Identifier> Name, bool IfExists, bool Cascade) : Statement;

/// <summary><c>CREATE SCHEMA|DATABASE [IF NOT EXISTS] name</c>.</summary>
internal sealed record CreateNamespaceStatement(string Kind, IReadOnlyList<Identifier> Name, bool IfNotExists) : Statement;

internal sealed record AddColumnsStatement(IReadOnlyList<Identifier> Table, IReadOnlyList<ColumnDefinition> Columns) : Statement;

/// <summary><c>ALTER TABLE t ADD|DROP CONSTRAINT PRIMARY KEY (c) NAMESPACE 'ns'</c> and the identity forms.</summary>
internal sealed record ConstraintStatement(IReadOnlyList<Identifier> Table, bool Add, string Kind, IReadOnlyList<Identifier> Columns, string? Namespace) : Statement;

/// <summary><c>SHOW TABLES|DATABASES|SCHEMAS|VIEWS|ALL|name</c>.</summary>
internal sealed record ShowStatement(string What) : Statement;

/// <summary><c>SET key = value</c> (a null value is <c>SET key</c>, which shows it); <c>RESET key</c> when Reset.</summary>
internal sealed record SetStatement(string Key, string? Value, bool Reset) : Statement;

/// <summary><c>SET @v = SELECT ...</c> in an anonymous block.</summary>
internal sealed record SetVariableStatement(string Name, SqlQuery Query) : Statement;

/// <summary>BEGIN, START TRANSACTION, ROLLBACK, COMMIT, END, ABORT.</summary>
internal sealed record TransactionStatement(string Kind) : Statement;

internal sealed record ExplainStatement(Statement Inner, string? Format) : Statement;

/// <summary>An anonymous block: <c>$$ BEGIN ...; ...; END $$</c>.</summary>
internal sealed record BlockStatement(IReadOnlyList<Statement> Statements) : Statement;

/// <summary><c>PREPARE name AS query</c>.</summary>
internal sealed record PrepareStatement(Identifier Name, Statement Body) : Statement;

/// <summary><c>EXECUTE name(arguments)</c>.</summary>
internal sealed record ExecuteStatement(Identifier Name, IReadOnlyList<Expr> Arguments) : Statement;

/// <summary><c>DEALLOCATE name</c>.</summary>
internal sealed record DeallocateStatement(Identifier? Name) : Statement;

/// <summary><c>DECLARE name CURSOR FOR query</c>.</summary>
internal sealed record DeclareCursorStatement(Identifier Name, SqlQuery Query) : Statement;

/// <summary><c>FETCH [n] [FROM|IN] name</c>.</summary>
internal sealed record FetchStatement(long? Count, Identifier Name) : Statement;

/// <summary><c>CLOSE name</c>.</summary>
internal sealed record CloseCursorStatement(Identifier Name) : Statement;

/// <summary>A statement the service knows and the sandbox does not run, kept for the refusal's message.</summary>
internal sealed record UnsupportedStatement(string Kind) : Statement;
