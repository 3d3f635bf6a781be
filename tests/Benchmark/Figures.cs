using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LearningWeek.Benchmark;

/// <summary>One line of the table: a measured figure, the raw limit it is divided by, the ratio and the target it must reach.</summary>
internal sealed record Figure(
    string Id,
    string Name,
    double Value,
    string Unit,
    double? RawLimit = null,
    string? RawLimitName = null,
    double? Ratio = null,
    string Target = "",
    bool? Pass = null,
    string? Note = null);

/// <summary>The benchmark's table, printed and written as Markdown and JSON.</summary>
internal sealed class Figures
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private readonly List<Figure> _rows = [];

    public IReadOnlyList<Figure> Rows => _rows;

    public bool AllPass => _rows.All(row => row.Pass != false);

    /// <summary>What went wrong beyond a missed target: failed requests, reports not delivered. Any of them fails every mode.</summary>
    public List<string> Errors { get; } = [];

    public void Check(string figure, LoadResult load)
    {
        if (load.Failed > 0)
        {
            Errors.Add($"{figure}: {load.Failed:N0} requests failed ({string.Join(", ", load.Failures.Select(pair => $"{pair.Key}: {pair.Value}"))})");
        }
    }

    public Figure Add(Figure figure)
    {
        _rows.Add(figure);
        Console.WriteLine($"  {figure.Id,-4} {figure.Name}: {Number(figure.Value)} {figure.Unit}" +
            (figure.Ratio is { } ratio ? $" (ratio {ratio:0.00}, target {figure.Target}: {(figure.Pass == true ? "pass" : "FAIL")})" : ""));
        return figure;
    }

    public string Markdown(string heading)
    {
        var text = new StringBuilder();
        text.AppendLine(heading).AppendLine();
        text.AppendLine("| Figure | Value | Raw limit | Ratio | Target | Result |");
        text.AppendLine("|---|---:|---:|---:|---|---|");
        foreach (var row in _rows)
        {
            text.AppendLine(Invariant,
                $"| {row.Id} {row.Name} | {Number(row.Value)} {row.Unit} | {(row.RawLimit is { } raw ? $"{Number(raw)} ({row.RawLimitName})" : "")} | " +
                $"{(row.Ratio is { } ratio ? ratio.ToString("0.00", Invariant) : "")} | {row.Target} | {(row.Pass switch { true => "pass", false => "**fail**", null => "" })} |");
        }

        var notes = _rows.Where(row => row.Note is not null).ToList();
        if (notes.Count > 0)
        {
            text.AppendLine();
            foreach (var row in notes)
            {
                text.AppendLine(Invariant, $"- {row.Id}: {row.Note}");
            }
        }

        return text.ToString();
    }

    public string Json(object run) => JsonSerializer.Serialize(new { run, figures = _rows }, new JsonSerializerOptions
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    private static string Number(double value) => value switch
    {
        double.NaN => "n/a",
        >= 100 => value.ToString("N0", Invariant),
        >= 10 => value.ToString("0.0", Invariant),
        _ => value.ToString("0.00", Invariant),
    };
}
