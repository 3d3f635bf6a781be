using System.Globalization;
using System.Text;
using Npgsql;

namespace LearningWeek.Benchmark;

/// <summary>
/// What a database did meanwhile, from pg_stat_statements (loaded by deploy/local/infra.sh): its
/// statements by total time, each with calls and time per unit of work. Empty where the
/// extension is not loaded (servers that were not started by infra.sh).
/// </summary>
internal static class StatementProfile
{
    public static async Task ResetAsync(string admin)
    {
        try
        {
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            await using var reset = new NpgsqlCommand("SELECT pg_stat_statements_reset()", connection);
            await reset.ExecuteNonQueryAsync();
        }
        catch (PostgresException)
        {
            // no statistics here
        }
    }

    /// <summary>The <paramref name="top"/> statements of <paramref name="database"/> by total execution time, per <paramref name="units"/> units of work.</summary>
    public static async Task<string?> TopAsync(string admin, string database, long units, int top = 8)
    {
        try
        {
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            await using var query = new NpgsqlCommand("""
                SELECT s.calls, s.total_exec_time, left(regexp_replace(s.query, '\s+', ' ', 'g'), 90)
                FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
                WHERE d.datname = $1
                ORDER BY s.total_exec_time DESC LIMIT $2
                """, connection);
            query.Parameters.Add(new NpgsqlParameter { Value = database });
            query.Parameters.Add(new NpgsqlParameter { Value = top });
            await using var reader = await query.ExecuteReaderAsync();
            var text = new StringBuilder();
            while (await reader.ReadAsync())
            {
                text.Append(CultureInfo.InvariantCulture,
                    $"{(text.Length == 0 ? "" : "; ")}`{reader.GetString(2)}` {reader.GetInt64(0) / (double)Math.Max(1, units):0.00} calls, {reader.GetDouble(1) / Math.Max(1, units):0.000} ms");
            }

            return text.Length == 0 ? null : $"statements per report (pg_stat_statements): {text}";
        }
        catch (PostgresException)
        {
            return null;
        }
    }
}
