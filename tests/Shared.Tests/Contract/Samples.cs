using System.Collections;
using System.Reflection;

namespace LearningWeek.Shared.Tests.Contract;

/// <summary>
/// An instance of any contract record, each parameter filled with a plausible value of its type
/// (one item in each list), or, with <c>withNulls</c>, optional ones left empty.
/// </summary>
internal static class Samples
{
    private static readonly NullabilityInfoContext Nullability = new();

    public static object Of(Type type, bool withNulls)
    {
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var arguments = constructor.GetParameters().Select(parameter => Value(parameter, withNulls)).ToArray();
        return constructor.Invoke(arguments);
    }

    private static object? Value(ParameterInfo parameter, bool withNulls)
    {
        var nullable = Nullability.Create(parameter).WriteState == NullabilityState.Nullable;
        if (withNulls && nullable)
        {
            return null;
        }

        return Value(Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType, parameter.Name!, withNulls);
    }

    private static object Value(Type type, string name, bool withNulls) => type switch
    {
        _ when type == typeof(string) => name.EndsWith("Code", StringComparison.Ordinal) ? "TH-TAMHUNG" : $"Giá trị {name}",
        _ when type == typeof(Guid) => Guid.CreateVersion7(),
        _ when type == typeof(int) => 3,
        _ when type == typeof(long) => 15_000_000L,
        _ when type == typeof(bool) => true,
        _ when type == typeof(DateOnly) => new DateOnly(2026, 10, 15),
        _ when type == typeof(DateTimeOffset) => new DateTimeOffset(2026, 10, 15, 0, 0, 0, TimeSpan.FromHours(7)),
        { IsGenericType: true } when type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) => List(type.GetGenericArguments()[0], name, withNulls),
        { IsClass: true } => Of(type, withNulls),
        _ => throw new NotSupportedException($"No sample for {type.Name} ({name})."),
    };

    private static IList List(Type item, string name, bool withNulls)
    {
        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(item))!;
        list.Add(Value(item, name, withNulls));
        return list;
    }
}
