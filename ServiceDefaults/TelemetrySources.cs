namespace LearningWeek.ServiceDefaults;

/// <summary>Activity sources and meters of the libraries and of LearningWeek itself.</summary>
public static class TelemetrySources
{
    /// <summary>LearningWeek's own source and meter (domain counters, publisher spans).</summary>
    public const string LearningWeek = "LearningWeek";

    public const string Marten = "Marten";

    /// <summary>MassTransit's activity source and meter.</summary>
    public const string MassTransit = "MassTransit";

    public static readonly string[] All = [LearningWeek, Marten, MassTransit];
}
