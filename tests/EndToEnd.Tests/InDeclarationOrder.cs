using Xunit.Sdk;
using Xunit.v3;

namespace LearningWeek.EndToEnd.Tests;

/// <summary>
/// Runs a class's tests in the order they are written: for a story told on one system (each step
/// leaves what the next one sees), so every run sees the same figures.
/// </summary>
public sealed class InDeclarationOrder : ITestMethodOrderer
{
    public IReadOnlyCollection<TTestMethod?> OrderTestMethods<TTestMethod>(IReadOnlyCollection<TTestMethod?> testMethods)
        where TTestMethod : ITestMethod =>
        [.. testMethods.OrderBy(method => method is IXunitTestMethod xunit ? xunit.MetadataToken : int.MaxValue)
            .ThenBy(method => method?.MethodName, StringComparer.Ordinal)];
}
