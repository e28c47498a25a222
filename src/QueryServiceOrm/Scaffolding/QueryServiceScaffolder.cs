using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Scaffolding.Metadata;
using QueryServiceOrm.Storage;

namespace QueryServiceOrm.Scaffolding;

/// <summary>
/// Writes C# for Query Service tables, nested XDM data included: one entity class per table, one class per distinct
/// XDM object structure (the same <c>web</c> or <c>environment</c> in several tables becomes one class), and a DbContext
/// mapping every column by its exact name, objects and arrays with <c>IsXdmObject()</c>, keyless tables with
/// <c>HasNoKey()</c>. The same model always gives the same bytes.
/// </summary>
internal static partial class QueryServiceScaffolder
{
    /// <summary>Generates the files for what <see cref="QueryServiceDatabaseModelFactory"/> read.</summary>
    /// <param name="reading">The tables and the structure of every column.</param>
    /// <param name="options">Namespace and context name.</param>
    public static IReadOnlyList<ScaffoldedFile> Generate(CatalogReading reading, QueryServiceScaffoldOptions options)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(options);
        var (model, columnTypes, _) = reading;
        if (!IsIdentifier(options.ContextName) || !options.Namespace.Split('.').All(IsIdentifier))
        {
            throw new ArgumentException(
                $"'{options.Namespace}.{options.ContextName}' is not a C# namespace and class name.", nameof(options));
        }

        var generator = new Generator(options);
        var tables = model.Tables.OrderBy(t => t.Schema, StringComparer.Ordinal).ThenBy(t => t.Name, StringComparer.Ordinal).ToList();
        var entities = tables.Select(t => generator.Entity(t, columnTypes)).ToList();
        var files = entities.Select(e => new ScaffoldedFile(e.ClassName + ".cs", e.Source)).ToList();
        files.AddRange(generator.ObjectClasses
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => new ScaffoldedFile(c.Name + ".cs", c.Source)));
        files.Add(new ScaffoldedFile(options.ContextName + ".cs", generator.Context(entities)));
        return files;
    }

    private static bool IsIdentifier(string name) => IdentifierPattern().IsMatch(name) && !Keywords.Contains(name);

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex IdentifierPattern();

    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
        "decimal", "default",
        "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally", "fixed", "float", "for",
        "foreach", "goto",
        "if", "implicit", "in", "int", "interface", "internal", "is", "lock", "long", "namespace", "new", "null", "object",
        "operator", "out",
        "override", "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc",
        "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
        "using", "virtual", "void", "volatile", "while",
    };

    // Class names the generated code or its users are likely to mean otherwise: the root namespaces, EF's types and the
    // context's own members (a DbSet is named like its class), and common System types (a class "Environment" beside
    // implicit usings would make user code ambiguous). A table or object of such a name gets its owner's name in front.
    private static readonly string[] ReservedNames =
    [
        "System", "Microsoft", "DbContext", "DbSet", "ModelBuilder", "DbContextOptions", "Model", "Database", "ChangeTracker", "ContextId",
        "OnModelCreating", "OnConfiguring", "SaveChanges", "SaveChangesAsync", "Set", "Add", "AddRange", "Attach", "Entry",
        "Find", "Remove",
        "Update", "Dispose", "DisposeAsync", "Equals", "GetHashCode", "ToString", "GetType", "Environment", "String", "Object", "Math",
        "Console", "DateTime", "DateOnly", "TimeOnly", "TimeSpan", "Guid", "Task", "Action", "Func", "Type", "Attribute",
        "Exception", "Convert",
        "Random", "Index", "Range", "Version", "Uri", "Enum", "Array", "List", "Dictionary", "Nullable", "Decimal", "Double",
        "Int32", "Int64",
        "Boolean", "Byte", "Char", "Buffer", "Half", "Tuple", "Lazy", "Span", "Memory",
    ];

    private sealed record GeneratedEntity(
        DatabaseTable Table,
        string ClassName,
        string Source,
        IReadOnlyList<(string Property, string Column, bool Xdm, bool JsonText)> Columns);

    private sealed record ObjectClass(string Name, string Signature, string Source);

    private sealed class Generator(QueryServiceScaffoldOptions options)
    {
        private readonly Dictionary<string, ObjectClass> _bySignature = new(StringComparer.Ordinal);
        // Case-insensitive: class names become file names, and two files differing in case are one on some systems.
        private readonly HashSet<string> _usedNames = new([options.ContextName, .. ReservedNames], StringComparer.OrdinalIgnoreCase);

        public List<ObjectClass> ObjectClasses { get; } = [];

        public GeneratedEntity Entity(DatabaseTable table, IReadOnlyDictionary<(string Table, string Column), XdmColumnType> columnTypes)
        {
            var className = Unique(CSharpNames.Pascal(table.Name));
            var members = new Names(className);
            var columns = new List<(string Property, string Column, bool Xdm, bool JsonText)>();
            var body = new StringBuilder();
            foreach (var column in table.Columns)
            {
                var type = columnTypes.TryGetValue((table.Name, column.Name), out var known)
                    ? known
                    : new XdmColumnType(XdmValueKind.Scalar, column.StoreType ?? "text");
                var property = members.Next(CSharpNames.Pascal(column.Name));
                var clrType = ClrType(type, column.Name, className, column.IsNullable);
                body.Append(Doc($"<c>{Escape(column.Name)}</c> ({Escape(type.StoreType)}).", 1))
                    .Append(CultureInfo.InvariantCulture, $"    public {clrType} {property} {{ get; set; }}{Initializer(clrType)}\n\n");
                columns.Add((
                    property,
                    column.Name,
                    type.Kind is XdmValueKind.Object or XdmValueKind.Array or XdmValueKind.Map,
                    type.Kind == XdmValueKind.Json));
            }

            var summary = string.IsNullOrWhiteSpace(table.Comment) ? $"The <c>{Escape(table.Name)}</c> dataset." : Escape(table.Comment!);
            var source = Header() + Doc(summary, 0) + $"public partial class {className}\n{{\n" + body.ToString().TrimEnd('\n') + "\n}\n";
            return new GeneratedEntity(table, className, source, columns);
        }

        public string Context(IReadOnlyList<GeneratedEntity> entities)
        {
            var sets = new StringBuilder();
            var model = new StringBuilder();
            foreach (var entity in entities)
            {
                sets.Append(Doc($"The <c>{Escape(entity.Table.Name)}</c> dataset.", 1))
                    .Append(
                        CultureInfo.InvariantCulture,
                        $"    public global::Microsoft.EntityFrameworkCore.DbSet<{entity.ClassName}> "
                        + $"{entity.ClassName} => Set<{entity.ClassName}>();\n\n");
                model.Append(CultureInfo.InvariantCulture, $"        modelBuilder.Entity<{entity.ClassName}>(entity =>\n        {{\n")
                    .Append(
                        CultureInfo.InvariantCulture,
                        $"            entity.{(entity.Table is DatabaseView ? "ToView" : "ToTable")}({Literal(entity.Table.Name)}"
                        + $"{(entity.Table.Schema is { } schema ? ", " + Literal(schema) : "")});\n");
                var key = entity.Table.PrimaryKey?.Columns.Select(c => entity.Columns.Single(m => m.Column == c.Name).Property).ToList();
                model.Append(key is { Count: > 0 }
                    ? $"            entity.HasKey(e => "
                      + $"{(key.Count == 1 ? "e." + key[0] : "new { " + string.Join(", ", key.Select(k => "e." + k)) + " }")});\n"
                    : "            entity.HasNoKey();\n");
                foreach (var (property, column, xdm, jsonText) in entity.Columns)
                {
                    model.Append(
                            CultureInfo.InvariantCulture,
                            $"            entity.Property(e => e.{property}).HasColumnName({Literal(column)})")
                        .Append(xdm ? ".IsXdmObject()" : jsonText ? $".HasColumnType({Literal(Xdm.XdmStoreTypes.JsonText)})" : "")
                        .Append(";\n");
                }

                model.Append("        });\n\n");
            }

            return Header() + Doc("The Query Service datasets of this model, generated by qsorm scaffold.", 0)
                + $"public partial class {options.ContextName}("
                + $"global::Microsoft.EntityFrameworkCore.DbContextOptions<{options.ContextName}> options)\n"
                + "    : global::Microsoft.EntityFrameworkCore.DbContext(options)\n{\n"
                + sets
                + "    /// <inheritdoc />\n"
                + "    protected override void OnModelCreating(global::Microsoft.EntityFrameworkCore.ModelBuilder modelBuilder)\n    {\n"
                + model.ToString().TrimEnd('\n') + "\n\n        OnModelCreatingPartial(modelBuilder);\n    }\n\n"

                // What a user adds goes in a partial class beside this file, which --force rewrites, as with EF's scaffolder.
                + Doc("Further configuration, in a partial class of your own beside this generated file.", 1)
                + "    partial void OnModelCreatingPartial(global::Microsoft.EntityFrameworkCore.ModelBuilder modelBuilder);\n}\n";
        }

        // Field and column types: objects become classes, arrays lists, maps dictionaries, unknown nesting JSON text.
        private string ClrType(XdmColumnType type, string name, string owner, bool nullable)
            => type.Kind switch
            {
                XdmValueKind.Object => ObjectClassFor(type, name, owner) + "?",
                XdmValueKind.Array => $"global::System.Collections.Generic.List<{ElementType(type.Element!, name, owner)}>?",
                XdmValueKind.Map => $"global::System.Collections.Generic.Dictionary<string, {ElementType(type.Element!, name, owner)}>?",
                XdmValueKind.Json => "string?",
                _ => ScalarType(type.StoreType) + (nullable ? "?" : ""),
            };

        private string ElementType(XdmColumnType element, string name, string owner)
            => element.Kind switch
            {
                XdmValueKind.Object => ObjectClassFor(element, Singular(name), owner),
                XdmValueKind.Json => "global::System.Text.Json.JsonElement?",
                _ => ClrType(element, Singular(name), owner, nullable: true),
            };

        private string ObjectClassFor(XdmColumnType type, string name, string owner)
        {
            var signature = Signature(type);
            if (_bySignature.TryGetValue(signature, out var existing))
            {
                return existing.Name;
            }

            var className = Unique(type.ClassName ?? CSharpNames.Pascal(name), owner);
            var members = new Names(className);
            var body = new StringBuilder();
            _bySignature[signature] = new ObjectClass(className, signature, "");
            foreach (var (field, fieldType) in type.Fields)
            {
                var property = members.Next(CSharpNames.Pascal(field));
                body.Append(Doc($"<c>{Escape(field)}</c>.", 1));
                if (!string.Equals(System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(property), field, StringComparison.Ordinal))
                {
                    body.Append(
                        CultureInfo.InvariantCulture, $"    [global::System.Text.Json.Serialization.JsonPropertyName({Literal(field)})]\n");
                }

                // Inside a JSON document, a value of unknown structure stays JSON.
                var fieldClr = fieldType.Kind == XdmValueKind.Json
                    ? "global::System.Text.Json.JsonElement?"
                    : ClrType(fieldType, field, className, nullable: true);
                body.Append(CultureInfo.InvariantCulture, $"    public {fieldClr} {property} {{ get; set; }}\n\n");
            }

            var source = Header() + Doc($"An XDM object ({Escape(type.StoreType)}).", 0)
                + $"public partial class {className}\n{{\n" + body.ToString().TrimEnd('\n') + "\n}\n";
            var generated = new ObjectClass(className, signature, source);
            _bySignature[signature] = generated;
            ObjectClasses.Add(generated);
            return className;
        }

        private string Unique(string name, string? owner = null)
        {
            var candidate = _usedNames.Contains(name) && owner is not null ? owner + name : name;
            for (var i = 2; !_usedNames.Add(candidate); i++)
            {
                candidate = name + i.ToString(CultureInfo.InvariantCulture);
            }

            return candidate;
        }

        // Every type is written with global::, so that no generated class can capture a name the code means otherwise;
        // the one using brings the model configuration's extension methods.
        private string Header()
            => $"// <auto-generated>Generated by qsorm scaffold.</auto-generated>\n#nullable enable\n"
               + $"using Microsoft.EntityFrameworkCore;\n\nnamespace {options.Namespace};\n\n";
    }

    // Member names within one class: unique, never the class's own name.
    private sealed class Names(string className)
    {
        private readonly HashSet<string> _used = new(StringComparer.Ordinal)
        {
            className, "Equals", "GetHashCode", "GetType", "ToString", "MemberwiseClone", "Finalize"
        };

        public string Next(string name)
        {
            var candidate = name;
            for (var i = 2; !_used.Add(candidate); i++)
            {
                candidate = name + i.ToString(CultureInfo.InvariantCulture);
            }

            return candidate;
        }
    }

    private static string Signature(XdmColumnType type)
        => type.Kind switch
        {
            XdmValueKind.Object => "{" + string.Join(",", type.Fields.Select(f => f.Name + ":" + Signature(f.Type))) + "}",
            XdmValueKind.Array => "[" + Signature(type.Element!) + "]",
            XdmValueKind.Map => "<" + Signature(type.Element!) + ">",
            XdmValueKind.Json => "json",
            _ => ScalarType(type.StoreType),
        };

    private static string ScalarType(string storeType) => StoreTypes.Find(storeType, out _)?.Scaffolded ?? "string";

    private static string Initializer(string clrType) => clrType switch
    {
        "string" => " = \"\";",
        "byte[]" => " = [];",
        "global::System.Net.IPAddress" => " = global::System.Net.IPAddress.None;",
        _ => ""
    };

    private static string Singular(string name)
        => name.EndsWith("ies", StringComparison.Ordinal) ? name[..^3] + "y"
            : name.EndsWith('s') && !name.EndsWith("ss", StringComparison.Ordinal) ? name[..^1]
            : name + "Item";

    private static string Doc(string text, int indent)
    {
        var pad = new string(' ', indent * 4);
        return $"{pad}/// <summary>{text}</summary>\n";
    }

    // XML text on one line: every character C# ends a line at becomes a space.
    private static string Escape(string text)
        => LineBreak().Replace(
            text.Replace("&", "&amp;", StringComparison.Ordinal)
                .Replace("<", "&lt;", StringComparison.Ordinal)
                .Replace(">", "&gt;", StringComparison.Ordinal),
            " ");

    [GeneratedRegex("[\r\n\u0085\u2028\u2029]")]
    private static partial Regex LineBreak();

    // A C# string literal: quotes, backslashes and anything below a space escaped.
    private static string Literal(string text)
    {
        var literal = new StringBuilder("\"");
        foreach (var c in text)
        {
            literal.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                < ' ' or '\u0085' or '\u2028' or '\u2029' => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return literal.Append('"').ToString();
    }
}
