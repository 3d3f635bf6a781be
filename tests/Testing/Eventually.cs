
namespace LearningWeek.Testing;

/// <summary>For facts another process makes true a little later (broker statistics, async projections).</summary>
public static class Eventually
{
    public static async Task<T> Get<T>(Func<Task<T>> read, Func<T, bool> until, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var value = await read();
            if (until(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(200);
        }
    }
}
