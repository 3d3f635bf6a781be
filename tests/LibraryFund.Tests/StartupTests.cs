using LearningWeek.Testing;

namespace LearningWeek.LibraryFund.Tests;

public sealed class StartupTests(LibraryFundService service)
    : ServiceStartupTests<Program>(service, applicationName: "LearningWeek.LibraryFund", schema: "libraryfund"), IClassFixture<LibraryFundService>;
