using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace LearningWeek.ServiceDefaults;

/// <summary>
/// Writes a health report as JSON: which service answers, the overall status and each check with
/// its status and duration.
/// Exception details are never written (they can carry hosts, SQL or stack traces).
/// </summary>
public static class HealthReportWriter
{
    private static readonly JsonWriterOptions Options = new() { Indented = true };

    public static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(context.Response.Body, Options);
        json.WriteStartObject();
        json.WriteString("service", context.RequestServices.GetRequiredService<IHostEnvironment>().ApplicationName);
        json.WriteString("status", report.Status.ToString());
        json.WriteNumber("durationMs", Math.Round(report.TotalDuration.TotalMilliseconds, 1));
        json.WriteStartObject("checks");
        foreach (var (name, entry) in report.Entries)
        {
            json.WriteStartObject(name);
            json.WriteString("status", entry.Status.ToString());
            json.WriteNumber("durationMs", Math.Round(entry.Duration.TotalMilliseconds, 1));
            if (entry.Exception is null && !string.IsNullOrEmpty(entry.Description))
            {
                json.WriteString("description", entry.Description);
            }

            if (entry.Data.Count > 0)
            {
                // Figures a check reports (e.g. the publisher's lag), never secrets; what is not a
                // plain value (MassTransit's endpoint objects) is written as its text.
                json.WriteStartObject("data");
                foreach (var (key, value) in entry.Data)
                {
                    switch (value)
                    {
                        case int or long or double or decimal:
                            json.WriteNumber(key, Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture));
                            break;
                        case bool flag:
                            json.WriteBoolean(key, flag);
                            break;
                        default:
                            json.WriteString(key, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                            break;
                    }
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
