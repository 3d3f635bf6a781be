namespace LearningWeek.ActivityReporting.Progress;

/// <summary>The kinds of unit, as the API names them and as a Vietnamese report writes them.</summary>
public static class UnitKinds
{
    public static readonly IReadOnlyList<string> Ordered =
        ["kindergarten", "primary", "lower-secondary", "fatherland-front", "mass-organisation", "culture-house", "office"];

    public static string Vietnamese(string kind) => kind switch
    {
        "kindergarten" => "Trường mầm non",
        "primary" => "Trường tiểu học",
        "lower-secondary" => "Trường THCS",
        "fatherland-front" => "Ủy ban MTTQ Việt Nam",
        "mass-organisation" => "Tổ chức đoàn thể",
        "culture-house" => "Nhà văn hoá tổ dân phố",
        "office" => "Cơ quan",
        _ => kind,
    };

    public static int Order(string kind) => Ordered.IndexOf(kind) is var index and >= 0 ? index : Ordered.Count;

    private static int IndexOf(this IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
            {
                return i;
            }
        }

        return -1;
    }
}
