namespace LearningWeek.Testing;

/// <summary>
/// Set up once per test process (an assembly fixture of every test project). Hosts under test
/// start and stop synchronously (WebApplicationFactory.StartServer), each holding a pool thread
/// for seconds; with the pool's minimum of one thread per core, the async work of the other
/// classes running meanwhile (the buses, the event daemons, the requests) would wait for the pool
/// to grow, a second or more per thread, and time out at random.
/// </summary>
public sealed class TestProcess
{
    private const int MinimumThreads = 32;

    public TestProcess()
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, MinimumThreads), Math.Max(io, MinimumThreads));
    }
}
