using LearningWeek.Testing;

namespace LearningWeek.LibraryFund.Tests;

public sealed class SecurityTests(LibraryFundService service)
    : ServiceSecurityTests<Program>(service, apiPrefix: "/api/library-fund"), IClassFixture<LibraryFundService>;
