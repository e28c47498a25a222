using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Scaffolding;
using Microsoft.Extensions.DependencyInjection;
using QueryServiceOrm.Credentials;
using QueryServiceOrm.Scaffolding;

namespace QueryServiceOrm.Tests.Credentials;

/// <summary>
/// Connection strings, as dotnet ef and UseQueryService receive them: a password holding the characters that structure a
/// connection string reads back whole when quoted, and when it is not, no error repeats any part of it.
/// </summary>
public sealed class ConnectionStringTests
{
    private static readonly QueryServiceDatabaseModelFactory Scaffolder = new(
        new ServiceCollection()
            .AddEntityFrameworkNpgsql()
            .BuildServiceProvider()
            .GetRequiredService<IDiagnosticsLogger<DbLoggerCategory.Scaffolding>>());

    private const string Prefix = "Host=127.0.0.1;Port=1;Database=prod:all;Username=ORG@AdobeOrg;";

    // Each structuring character at the start, in the middle and at the end, with letters a fragment check can see.
    public static IEnumerable<string> Passwords()
    {
        // ";Db=" spills the rest into another setting (Database), whose error must not repeat it either.
        foreach (var special in new[] { ";", "=", "'", "\"", " ", ";Db=", "=;\"'", "\";y=z;" })
        {
            yield return special + "Kq7vT2zWm9";
            yield return "Kq7vT" + special + "2zWm9";
            yield return "Kq7vT2zWm9" + special;
        }
    }

    [TestCaseSource(nameof(Passwords))]
    public void A_quoted_password_reads_back_whole_in_every_position(string password)
    {
        var builder = new DbConnectionStringBuilder { ConnectionString = Prefix + "SSL Mode=Require" };
        builder["Password"] = password;
        var readme = Prefix + "SSL Mode=Require;Password=\"" + password.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

        // Leading and trailing spaces are trimmed, as from every other source (Adobe's samples wrap tokens in newlines).
        Assert.Multiple(() =>
        {
            Assert.That(QueryServiceCredentials.FromConnectionString(builder.ConnectionString).Password, Is.EqualTo(password.Trim()));
            Assert.That(QueryServiceCredentials.FromConnectionString(readme).Password, Is.EqualTo(password.Trim()), readme);
        });
    }

    [TestCaseSource(nameof(Passwords))]
    public void An_unquoted_password_is_never_repeated_in_an_error(string password)
    {
        foreach (var connectionString in new[]
            {
                Prefix + "Password=" + password + ";SSL Mode=Require", "Password=" + password + ";" + Prefix + "SSL Mode=Require",
            })
        {
            var fromCredentials = Failure(() => QueryServiceCredentials.FromConnectionString(connectionString));
            var fromScaffolder = Failure(() => Scaffolder.Create(connectionString, new DatabaseModelFactoryOptions()));
            foreach (var message in new[] { fromCredentials, fromScaffolder })
            {
                Assert.That(Fragments(password).Where(f => message.Contains(f, StringComparison.OrdinalIgnoreCase)), Is.Empty, message);
            }
        }
    }

    [Test]
    public void An_npgsql_setting_is_named_and_an_unknown_word_is_not()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => QueryServiceCredentials.FromConnectionString(Prefix + "Password=p;Pooling=false"),
                Throws.ArgumentException.With.Message.Contains("'pooling' is an Npgsql setting").IgnoreCase);
            Assert.That(() => QueryServiceCredentials.FromConnectionString(Prefix + "Password=Kq7v;T2zWm9=x"),
                Throws.ArgumentException.With.Message.Contains("after 'password'").IgnoreCase.And.Message.Not.Contains("T2zW").IgnoreCase);
        });
    }

    // What the caller sees: the message of whatever was thrown, or nothing when the string happened to parse.
    private static string Failure(Action action)
    {
        try
        {
            action();
            return "";
        }
        catch (Exception e)
        {
            return e.ToString();
        }
    }

    private static IEnumerable<string> Fragments(string secret)
        => Enumerable.Range(0, secret.Length - 3).Select(i => secret.Substring(i, 4));
}
