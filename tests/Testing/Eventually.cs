using System.Collections;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Npgsql;
using Xunit;

namespace LearningWeek.Testing;

/// <summary>
/// For facts another process makes true a little later (broker statistics, async projections,
/// events consumed by another service). Until then a read may fail the way an early read does
/// (404 before the plan is known, a connection not yet open); those count as "not yet". When the
/// time is up it fails with the condition, the last value read and the last error.
/// </summary>
public static class Eventually
{
    /// <summary>Long enough for a loaded 2-core machine; a test that needs longer says so.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    public static async Task<T> Get<T>(
        Func<Task<T>> read,
        Func<T, bool> until,
        TimeSpan? timeout = null,
        [CallerArgumentExpression(nameof(until))] string condition = "")
    {
        var limit = timeout ?? DefaultTimeout;
        var cancel = TestContext.Current.CancellationToken;
        var clock = Stopwatch.StartNew();
        var last = "nothing read yet";
        Exception? error;
        while (true)
        {
            try
            {
                var value = await read();
                last = Describe(value);
                error = null;
                if (until(value))
                {
                    return value;
                }
            }
            catch (Exception e) when (IsNotYet(e, cancel))
            {
                error = e;
            }

            if (clock.Elapsed > limit)
            {
                throw new TimeoutException(
                    $"Not so within {limit.TotalSeconds:0} s: {condition}{Environment.NewLine}Last read: {last}" +
                    (error is null ? "" : $"{Environment.NewLine}Last error: {error.GetType().Name}: {error.Message}"),
                    error);
            }

            await Task.Delay(Interval, cancel);
        }
    }

    private static bool IsNotYet(Exception e, CancellationToken cancel) => e switch
    {
        HttpRequestException or NpgsqlException or JsonException or KeyNotFoundException or InvalidOperationException => true,
        TaskCanceledException => !cancel.IsCancellationRequested, // a request's own timeout, not the test's end
        _ => false,
    };

    private static string Describe(object? value)
    {
        var text = value switch
        {
            null => "null",
            JsonElement json => json.GetRawText(),
            HttpResponseMessage response => $"{(int)response.StatusCode} {response.StatusCode}",
            string s => s,
            IEnumerable items => $"[{string.Join(", ", items.Cast<object?>().Take(20).Select(item => item?.ToString()))}]",
            _ => value.ToString() ?? "",
        };
        return text.Length <= 800 ? text : text[..800] + "…";
    }
}
