namespace LearningWeek.Testing;

/// <summary>The checkout the tests run from (the folder of <c>LearningWeek.Aspire.sln</c>).</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "LearningWeek.Aspire.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("LearningWeek.Aspire.sln not found above the test's directory.");
    }
}
