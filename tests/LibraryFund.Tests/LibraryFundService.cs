using LearningWeek.Testing;

namespace LearningWeek.LibraryFund.Tests;

/// <summary>The LibraryFund service on its own fresh database and virtual host.</summary>
public sealed class LibraryFundService : ServiceFixture<Program>
{
    protected override string ConnectionName => "libraryfunddb";
}
