using Xunit.Sdk;
using Xunit.v3;

namespace LearningWeek.EndToEnd.Tests;

/// <summary>
/// Runs a class's tests in the order they are written: for a story told on one system (each step
/// leaves what the next one sees), so every run sees the same figures.
/// </summary>
public sealed class InDeclarationOrder : ITestCaseOrderer
{
    public IReadOnlyCollection<TTestCase> OrderTestCases<TTestCase>(IReadOnlyCollection<TTestCase> testCases) where TTestCase : notnull, ITestCase =>
        [.. testCases.OrderBy(testCase => testCase is IXunitTestCase xunit ? xunit.TestMethodMetadataToken : int.MaxValue)
            .ThenBy(testCase => testCase.TestCaseDisplayName, StringComparer.Ordinal)];
}
