using System.Diagnostics;
using System.Net.Security;
using System.Net.Sockets;
using QueryServiceOrm.Sandbox.Xdm;

namespace QueryServiceOrm.Tests.Sandbox.Wire;

/// <summary>The front as clients meet it: psql and the seed's Python as processes, Npgsql, and clients that misbehave.</summary>
[NonParallelizable]
public sealed class FrontServerTests
{
    private QueryServiceSandbox _sandbox = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _sandbox = await QueryServiceSandbox.StartAsync(new QueryServiceSandboxOptions { SessionLimit = 3 });
        await XdmSampleData.CreateAsync(_sandbox, rows: 40);
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _sandbox.DisposeAsync();

    [Test]
    public async Task Psql_as_the_service_documents_it_lists_and_reads_the_sample_tables()
    {
        var psql = PostgresBinaries.Find().Psql;
        var connection = $"sslmode=require host={_sandbox.Host} port={_sandbox.Port} dbname={_sandbox.Database} user={_sandbox.Username}";
        var environment = new Dictionary<string, string> { ["PGGSSENCMODE"] = "disable", ["PGPASSWORD"] = _sandbox.Password };
        var tables = await RunAsync(psql, ["-X", connection, "-c", @"\dt"], environment);
        var describe = await RunAsync(psql, ["-X", connection, "-c", @"\d xdm_events"], environment);
        var drillDown = await RunAsync(psql, ["-X", connection, "-c", @"\d xdm_events_web"], environment);
        var show = await RunAsync(psql, ["-X", "-A", "-t", connection, "-c", "SHOW TABLES"], environment);
        var path = await RunAsync(
            psql,
            [
                "-X", "-A", "-t", connection, "-c",
                "SELECT _id, web.webPageDetails.name FROM xdm_events WHERE web IS NOT NULL ORDER BY _id LIMIT 3"],
            environment);
        var version = await RunAsync(psql, ["-X", "-A", "-t", connection, "-c", "SHOW server_version"], environment);
        var reference = await _sandbox.PsqlAsync(
            """SELECT _id, (web)."webPageDetails"."name" FROM xdm_events WHERE web IS NOT NULL ORDER BY _id LIMIT 3""");

        Assert.Multiple(() =>
        {
            Assert.That(tables.Code, Is.Zero, tables.Errors);
            Assert.That(tables.Output, Does.Contain("xdm_events").And.Contain("xdm_profiles").And.Contain("xdm_flat"));
            Assert.That(describe.Code, Is.Zero, describe.Errors);
            Assert.That(
                describe.Output,
                Does.Contain("Table \"public.xdm_events\"").And.Match(@"\bweb\s+\|\s+xdm_events_web\b").And.Match(
                    @"\bproductListItems\s+\|\s+xdm_events_productlistitems_e\[\]"));
            Assert.That(drillDown.Code, Is.Zero, drillDown.Errors);
            Assert.That(drillDown.Output, Does.Contain("Composite type \"public.xdm_events_web\"").And.Match(@"\bwebPageDetails\s+\|"));
            Assert.That(show.Code, Is.Zero, show.Errors);
            Assert.That(show.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('|')[0]),
                Is.EquivalentTo(new[] { "xdm_events", "xdm_flat", "xdm_profiles" }));
            Assert.That(path.Code, Is.Zero, path.Errors);
            Assert.That(
                path.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries), Is.EqualTo(reference.Select(r => r[0] + "|" + r[1])));
            Assert.That(version.Output.Trim(), Is.EqualTo("0.1.0"));
        });
    }

    [Test]
    public async Task The_seeds_python_code_lists_the_tables_and_reads_a_dot_path()
    {
        var script = """
            import os, sys, urllib.parse
            from sqlalchemy import create_engine, inspect, text
            password = urllib.parse.quote(os.environ['QS_PASSWORD'], safe='')
            engine = create_engine(f"postgresql://{os.environ['QS_USER']}:{password}@{os.environ['QS_HOST']}:{os.environ['QS_PORT']}/{os.environ['QS_DB']}", connect_args={'sslmode':'require'})
            print(sorted(inspect(engine).get_table_names()))
            with engine.connect() as connection:
                for row in connection.execute(text("SELECT _id, web.webPageDetails.name FROM xdm_events WHERE web IS NOT NULL ORDER BY _id LIMIT 3")):
                    print(row[0] + '|' + row[1])
            """;
        var result = await RunAsync("/usr/bin/python3", ["-c", script], new Dictionary<string, string>
        {
            ["QS_USER"] = Uri.EscapeDataString(_sandbox.Username), ["QS_PASSWORD"] = _sandbox.Password, ["QS_HOST"] = _sandbox.Host,
            ["QS_PORT"] = _sandbox.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), ["QS_DB"] = _sandbox.Database,
        });
        var reference = await _sandbox.PsqlAsync(
            """SELECT _id, (web)."webPageDetails"."name" FROM xdm_events WHERE web IS NOT NULL ORDER BY _id LIMIT 3""");
        Assert.That(result.Code, Is.Zero, result.Errors);
        Assert.That(
            result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries),
            Is.EqualTo(new[] { "['xdm_events', 'xdm_flat', 'xdm_profiles']" }.Concat(reference.Select(r => r[0] + "|" + r[1]))));
    }

    [Test]
    public async Task Plain_text_an_unknown_database_and_a_wrong_token_get_the_services_errors()
    {
        var plain = await OpenAsync(b => b.SslMode = SslMode.Disable);
        var database = await OpenAsync(b => b.Database = "dev:all");
        var token = await OpenAsync(b => b.Password = "not-the-token");
        Assert.Multiple(() =>
        {
            Assert.That(plain, Is.Not.Null.And.Not.EqualTo(""), "plain text is refused");
            Assert.That(database, Is.EqualTo("42P12"));
            Assert.That(token, Is.EqualTo("28P01"));
        });
    }

    [Test]
    public async Task The_session_limit_refuses_the_next_session_and_frees_a_slot_when_one_closes()
    {
        var open = new List<NpgsqlConnection>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                var connection = new NpgsqlConnection(_sandbox.ConnectionString("limit") + ";Pooling=false");
                await connection.OpenAsync();
                open.Add(connection);
            }

            var refused = await OpenAsync(_ => { });
            await open[0].DisposeAsync();
            open.RemoveAt(0);
            await Task.Delay(300);
            var accepted = await OpenAsync(_ => { });
            Assert.Multiple(() =>
            {
                Assert.That(refused, Is.EqualTo("53300"));
                Assert.That(accepted, Is.Null);
            });
        }
        finally
        {
            foreach (var connection in open)
            {
                await connection.DisposeAsync();
            }
        }
    }

    [Test]
    public async Task A_rotated_token_refuses_the_old_one_on_the_next_connection_and_leaves_open_sessions_open()
    {
        var old = _sandbox.Password;
        await using var session = new NpgsqlConnection(_sandbox.ConnectionString("rotation") + ";Pooling=false");
        await session.OpenAsync();
        try
        {
            var rotated = await _sandbox.RotatePasswordAsync();
            var withOld = await OpenAsync(b => b.Password = old);
            var withNew = await OpenAsync(b => b.Password = rotated);
            await using var command = new NpgsqlCommand("SELECT count(*) FROM xdm_flat", session);
            var stillOpen = await command.ExecuteScalarAsync();
            await _sandbox.RotatePasswordAsync(rotated, DateTimeOffset.UtcNow.AddSeconds(-1));
            var expired = await OpenAsync(b => b.Password = rotated);
            Assert.Multiple(() =>
            {
                Assert.That(withOld, Is.EqualTo("28P01"));
                Assert.That(withNew, Is.Null);
                Assert.That(stillOpen, Is.EqualTo(40L));
                Assert.That(expired, Is.EqualTo("28P01"));
            });
        }
        finally
        {
            await _sandbox.RotatePasswordAsync(old);
        }
    }

    [Test]
    public async Task A_malformed_startup_packet_or_message_gets_an_error_and_a_closed_connection_and_others_go_on()
    {
        await using var bystander = new NpgsqlConnection(_sandbox.ConnectionString("bystander") + ";Pooling=false");
        await bystander.OpenAsync();

        // A startup packet that claims 2 GiB.
        var startup = await SendRawAsync([0x7F, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0]);
        // After a good start-up, a message of an unknown type.
        var message = await SendAfterLoginAsync([(byte)'@', 0, 0, 0, 4]);

        await using var command = new NpgsqlCommand("SELECT count(*) FROM xdm_events", bystander);
        var count = await command.ExecuteScalarAsync();
        Assert.Multiple(() =>
        {
            Assert.That(startup.Closed, Is.True, "the malformed start-up's connection is closed");
            Assert.That(message.Error, Is.True, "an ErrorResponse answers the malformed message");
            Assert.That(message.Closed, Is.True, "then the connection is closed");
            Assert.That(count, Is.EqualTo(40L), "the other session still works");
        });
    }

    [Test]
    public async Task A_client_that_leaves_mid_result_has_its_backend_query_cancelled_and_its_session_freed()
    {
        var application = "leaver-" + Guid.NewGuid().ToString("N")[..6];
        var (client, tls) = await LoginAsync(application);
        using (client)
        {
            await tls.WriteAsync(Message('Q', "SELECT a._id FROM xdm_flat a, xdm_flat b, xdm_flat c, xdm_flat d, xdm_flat e LIMIT 0"));
            char type;
            do
            {
                type = await ExpectAnyAsync(tls);
            }
            while (type != 'D' && type != 'E');

            Assert.That(type, Is.EqualTo('D'), "rows are streaming");
            // Leave without reading on, as a client that crashes does: the socket goes, mid-result.
            client.Client.Close(0);
        }

        var deadline = Stopwatch.StartNew();
        string? running = "x";
        while (deadline.Elapsed < TimeSpan.FromSeconds(20))
        {
            var rows = await _sandbox.PsqlAsync(
                $"SELECT count(*) FROM pg_stat_activity WHERE application_name = '{application}' AND state = 'active'");
            running = rows[0][0];
            if (running == "0")
            {
                break;
            }

            await Task.Delay(200);
        }

        var sessions = new List<string?>();
        for (var i = 0; i < 3; i++)
        {
            sessions.Add(await OpenAsync(_ => { }));
        }

        Assert.Multiple(() =>
        {
            Assert.That(running, Is.EqualTo("0"), "the backend query was cancelled");
            Assert.That(sessions, Has.All.Null, "the session slot was freed");
        });
    }

    private static async Task<(int Code, string Output, string Errors)> RunAsync(
        string program, string[] arguments, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await Processes.WaitOrKillAsync(process, TimeSpan.FromSeconds(60));
        return (process.ExitCode, await output, await errors);
    }

    private async Task<string?> OpenAsync(Action<NpgsqlConnectionStringBuilder> change)
    {
        var builder = new NpgsqlConnectionStringBuilder(_sandbox.ConnectionString("probe")) { Pooling = false, Timeout = 15 };
        change(builder);
        try
        {
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync();
            return null;
        }
        catch (PostgresException e)
        {
            return e.SqlState;
        }
        catch (NpgsqlException e)
        {
            return e.Message;
        }
    }

    private async Task<(bool Error, bool Closed)> SendRawAsync(byte[] bytes)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(_sandbox.Host, _sandbox.Port);
        Stream stream = client.GetStream();
        await stream.WriteAsync(bytes);
        return await ReadToCloseAsync(stream);
    }

    private async Task<(bool Error, bool Closed)> SendAfterLoginAsync(byte[] message)
    {
        var (client, tls) = await LoginAsync("malformed");
        using (client)
        {
            await tls.WriteAsync(message);
            return await ReadToCloseAsync(tls);
        }
    }

    private async Task<(TcpClient Client, SslStream Tls)> LoginAsync(string application)
    {
        var client = new TcpClient();
        try
        {
            await client.ConnectAsync(_sandbox.Host, _sandbox.Port);
            var network = client.GetStream();
            await network.WriteAsync(new byte[] { 0, 0, 0, 8, 0x04, 0xD2, 0x16, 0x2F });
            Assert.That(network.ReadByte(), Is.EqualTo('S'));
            var tls = new SslStream(network, false, (_, _, _, _) => true);
            await tls.AuthenticateAsClientAsync("localhost");
            await tls.WriteAsync(Startup(("user", _sandbox.Username), ("database", _sandbox.Database), ("application_name", application)));
            await ExpectAsync(tls, 'R');
            await tls.WriteAsync(Message('p', _sandbox.Password));
            while (await ExpectAnyAsync(tls) != 'Z')
            {
            }

            return (client, tls);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    // A frontend message whose body is one NUL-terminated string (Query, PasswordMessage).
    private static byte[] Message(char type, string text)
    {
        var body = System.Text.Encoding.UTF8.GetBytes(text + "\0");
        return [(byte)type, .. BigEndian(body.Length + 4), .. body];
    }

    private static async Task<(bool Error, bool Closed)> ReadToCloseAsync(Stream stream)
    {
        var error = false;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var buffer = new byte[8192];
        try
        {
            while (true)
            {
                var read = await stream.ReadAsync(buffer, timeout.Token);
                if (read == 0)
                {
                    return (error, true);
                }

                error |= buffer[0] == 'E';
            }
        }
        catch (IOException)
        {
            return (error, true);
        }
        catch (OperationCanceledException)
        {
            return (error, false);
        }
    }

    private static async Task ExpectAsync(Stream stream, char type) => Assert.That(await ExpectAnyAsync(stream), Is.EqualTo(type));

    private static async Task<char> ExpectAnyAsync(Stream stream)
    {
        var header = new byte[5];
        await stream.ReadExactlyAsync(header);
        var length = (header[1] << 24) | (header[2] << 16) | (header[3] << 8) | header[4];
        await stream.ReadExactlyAsync(new byte[length - 4]);
        return (char)header[0];
    }

    private static byte[] Startup(params (string Name, string Value)[] parameters)
    {
        var body = new List<byte> { 0, 3, 0, 0 };
        foreach (var (name, value) in parameters)
        {
            body.AddRange(System.Text.Encoding.UTF8.GetBytes(name + "\0" + value + "\0"));
        }

        body.Add(0);
        return [.. BigEndian(body.Count + 4), .. body];
    }

    private static byte[] BigEndian(int value) => [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];
}
