using System.Text;
using System.Text.RegularExpressions;

namespace LearningWeek.Contracts;

/// <summary>
/// The public names of the contract, derived from the types so that they cannot disagree: each
/// integration event's CloudEvents <c>type</c> (also the name of its RabbitMQ exchange), e.g.
/// <c>learningweek.planning.plan-issued.v1</c> for <c>LearningWeek.Contracts.Planning.PlanIssued</c>
/// and <c>…plan-issued.v2</c> for a <c>PlanIssuedV2</c>; and each service's CloudEvents
/// <c>source</c>, e.g. <c>urn:learningweek:planning</c>.
/// </summary>
public static partial class ContractNames
{
    /// <summary>The first segment of every type name and the namespace of every source.</summary>
    public const string Prefix = "learningweek";

    /// <summary>Every integration event of the contract.</summary>
    public static IReadOnlyList<Type> All { get; } =
    [
        .. typeof(IIntegrationEvent).Assembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(IIntegrationEvent).IsAssignableFrom(type))
            .OrderBy(type => type.FullName, StringComparer.Ordinal),
    ];

    private static readonly Lazy<IReadOnlyDictionary<string, Type>> ByName = new(() =>
        All.ToDictionary(TypeOf, StringComparer.Ordinal));

    /// <summary>The publishing service's part of the names: <c>planning</c>, <c>reporting</c> or <c>library-fund</c>.</summary>
    public static string ServiceOf(Type contract)
    {
        var ns = contract.Namespace ?? "";
        const string root = "LearningWeek.Contracts.";
        if (!ns.StartsWith(root, StringComparison.Ordinal) || !typeof(IIntegrationEvent).IsAssignableFrom(contract))
        {
            throw new ArgumentException($"{contract.FullName} is not an integration event of the contract.", nameof(contract));
        }

        return Kebab(ns[root.Length..]);
    }

    /// <summary>The CloudEvents <c>source</c> of a service's events.</summary>
    public static string SourceOf(Type contract) => $"urn:{Prefix}:{ServiceOf(contract)}";

    /// <summary>The CloudEvents <c>type</c>, and the exchange's name.</summary>
    public static string TypeOf(Type contract)
    {
        var service = ServiceOf(contract);
        var match = Versioned().Match(contract.Name);
        var (name, version) = match.Success ? (match.Groups["name"].Value, int.Parse(match.Groups["version"].Value)) : (contract.Name, 1);
        return $"{Prefix}.{service}.{Kebab(name)}.v{version}";
    }

    /// <summary>The contract type named by a CloudEvents <c>type</c>, or null for one this version does not know.</summary>
    public static Type? Find(string type) => ByName.Value.GetValueOrDefault(type);

    private static string Kebab(string pascal)
    {
        var text = new StringBuilder(pascal.Length + 8);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (char.IsUpper(pascal[i]) && i > 0)
            {
                text.Append('-');
            }

            text.Append(char.ToLowerInvariant(pascal[i]));
        }

        return text.ToString();
    }

    [GeneratedRegex("^(?<name>.+?)V(?<version>[0-9]+)$")]
    private static partial Regex Versioned();
}
