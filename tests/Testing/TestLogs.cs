using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Extensions.Logging;
using Xunit;
using Xunit.v3;

namespace LearningWeek.Testing;

/// <summary>
/// The logs of the hosts a test class starts (services, the gateway, the AppHost and its
/// resources, service processes) go to one file per test class, never to the test run's output:
/// <c>.local/test-results/logs/{test project}/{test class}.log</c>, or under
/// <c>LEARNINGWEEK_TEST_LOGS</c>. The run's output lists the tests and their failures; the file
/// holds what the servers said meanwhile, with a marker line where each test starts and ends.
/// </summary>
public static class TestLogs
{
    public const string DirectoryVariable = "LEARNINGWEEK_TEST_LOGS";

    private const string Template = "{Timestamp:HH:mm:ss.fff} {Level:u3} [{Origin}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    private static readonly ConcurrentDictionary<string, Lazy<Serilog.Core.Logger>> Files = new();

    static TestLogs() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (var file in Files.Values.Where(file => file.IsValueCreated))
        {
            file.Value.Dispose();
        }
    };

    /// <summary>The folder of this test project's log files.</summary>
    public static string Folder => Path.Combine(
        Environment.GetEnvironmentVariable(DirectoryVariable) is { Length: > 0 } folder ? folder : Path.Combine(RepositoryRoot.Path, ".local", "test-results", "logs"),
        Assembly.GetEntryAssembly()?.GetName().Name?.Replace("LearningWeek.", "", StringComparison.Ordinal) ?? "tests");

    /// <summary>The log file of the test class (or collection) running now.</summary>
    public static string CurrentFile => FileOf(
        TestContext.Current.TestClass?.TestClassSimpleName ?? TestContext.Current.TestCollection?.TestCollectionDisplayName ?? "no-test-class");

    /// <summary>A logger writing to the current test class's file, its lines marked with <paramref name="host"/>.</summary>
    public static Serilog.ILogger For(string host) =>
        Files.GetOrAdd(CurrentFile, file => new Lazy<Serilog.Core.Logger>(() => Open(file))).Value.ForContext("Origin", host);

    /// <summary>
    /// Replaces a host's log providers with the current test class's file: Information and above,
    /// with requests, but SQL and framework internals only when they warn.
    /// </summary>
    public static ILoggingBuilder ToTestLog(this ILoggingBuilder logging, string host)
    {
        logging.ClearProviders();
        logging.AddProvider(new SerilogLoggerProvider(For(host)));
        return logging
            .SetMinimumLevel(LogLevel.Information)
            .AddFilter("Npgsql", LogLevel.Warning)
            .AddFilter("Marten", LogLevel.Warning)
            .AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning)
            .AddFilter("Microsoft.AspNetCore", LogLevel.Warning)
            .AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Information);
    }

    /// <summary>Writes a line to the current test class's file, or its collection's, if a host has opened it.</summary>
    internal static void Mark(string line)
    {
        var context = TestContext.Current;
        foreach (var owner in new[] { context.TestClass?.TestClassSimpleName, context.TestCollection?.TestCollectionDisplayName })
        {
            if (owner is not null && Files.TryGetValue(FileOf(owner), out var file) && file.IsValueCreated)
            {
                file.Value.ForContext("Origin", "test").Information("──── {Line}", line);
                return;
            }
        }
    }

    private static Serilog.Core.Logger Open(string file)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.Delete(file); // one run's logs per file
        return new LoggerConfiguration()
            .MinimumLevel.Verbose() // the hosts' own filters decide
            .WriteTo.File(file, outputTemplate: Template, formatProvider: System.Globalization.CultureInfo.InvariantCulture)
            .CreateLogger();
    }

    private static string FileOf(string owner) =>
        Path.Combine(Folder, string.Concat(owner.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '-')) + ".log");
}

/// <summary>Marks where each test starts and ends in its class's log file (applied to every test project).</summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class MarkTestsInLogsAttribute : BeforeAfterTestAttribute
{
    public override void Before(MethodInfo methodUnderTest, IXunitTest test) => TestLogs.Mark($"{test.TestDisplayName} started");

    public override void After(MethodInfo methodUnderTest, IXunitTest test) => TestLogs.Mark($"{test.TestDisplayName} ended");
}
