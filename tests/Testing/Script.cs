using System.Diagnostics;

namespace LearningWeek.Testing;

/// <summary>What a script printed, and how it ended.</summary>
public sealed record ScriptResult(int ExitCode, string Output, string Errors)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Errors}";
}

/// <summary>
/// Runs one of the repository's scripts (or any program) from the repository root, as a person
/// would from a shell, and waits for it within a time limit; it is killed, with its children, if it
/// overruns, and the test fails saying so.
/// </summary>
public static class Script
{
    public static async Task<ScriptResult> RunAsync(
        string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"{program} {string.Join(' ', start.ArgumentList)} ran over {timeout ?? TimeSpan.FromMinutes(2)}:\n{await output}\n{await errors}");
        }

        return new ScriptResult(process.ExitCode, await output, await errors);
    }
}
