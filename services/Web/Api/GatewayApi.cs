using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using LearningWeek.Web.Identity;

namespace LearningWeek.Web.Api;

/// <summary>
/// The services' API through the gateway, with the signed-in person's token: the application's
/// only path to data. Every answer is either the value or the ProblemDetails the API gave.
/// </summary>
public sealed class GatewayApi(HttpClient http, UserTokens tokens)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task<ApiResult<T>> GetAsync<T>(string path, CancellationToken cancellationToken = default) =>
        SendAsync<T>(HttpMethod.Get, path, null, null, cancellationToken);

    public Task<ApiResult<T>> PostAsync<T>(string path, object? body, string? ifMatch = null, CancellationToken cancellationToken = default) =>
        SendAsync<T>(HttpMethod.Post, path, body, ifMatch, cancellationToken);

    public Task<ApiResult<T>> PutAsync<T>(string path, object body, string? ifMatch, CancellationToken cancellationToken = default) =>
        SendAsync<T>(HttpMethod.Put, path, body, ifMatch, cancellationToken);

    public Task<ApiResult<T>> DeleteAsync<T>(string path, string? ifMatch, CancellationToken cancellationToken = default) =>
        SendAsync<T>(HttpMethod.Delete, path, null, ifMatch, cancellationToken);

    /// <summary>A document (the ward report's .docx): its bytes, type and file name.</summary>
    public async Task<(byte[] Content, string ContentType, string FileName)?> DownloadAsync(string path, CancellationToken cancellationToken = default)
    {
        using var request = await RequestAsync(HttpMethod.Get, path, cancellationToken);
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        return (await response.Content.ReadAsByteArrayAsync(cancellationToken),
            response.Content.Headers.ContentType?.ToString() ?? "application/octet-stream",
            response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"') ?? "tai-lieu");
    }

    private async Task<ApiResult<T>> SendAsync<T>(HttpMethod method, string path, object? body, string? ifMatch, CancellationToken cancellationToken)
    {
        HttpRequestMessage request;
        try
        {
            request = await RequestAsync(method, path, cancellationToken);
        }
        catch (SessionEndedException)
        {
            return ApiResult<T>.Failed(Problem.SessionEnded);
        }

        using var _ = request;
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: Json);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (method == HttpMethod.Post)
        {
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString()); // a retry of this request on the way never makes two
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException)
        {
            return ApiResult<T>.Failed(Problem.Unreachable);
        }

        using (response)
        {
            var etag = response.Headers.ETag?.Tag;
            if (response.IsSuccessStatusCode)
            {
                return ApiResult<T>.Ok(await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken), etag);
            }

            var problem = response.Content.Headers.ContentType?.MediaType is "application/problem+json" or "application/json"
                ? await response.Content.ReadFromJsonAsync<Problem>(Json, cancellationToken)
                : null;
            return ApiResult<T>.Failed((problem ?? new Problem()) with { Status = (int)response.StatusCode });
        }
    }

    private async Task<HttpRequestMessage> RequestAsync(HttpMethod method, string path, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(method, path.TrimStart('/'));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.AccessTokenAsync(cancellationToken));
        return request;
    }
}

public sealed record ApiResult<T>(T? Value, string? ETag, Problem? Problem)
{
    public bool Succeeded => Problem is null;

    /// <summary>The problem when it names no field of a form: said above the form rather than under a field.</summary>
    public Problem? GeneralProblem => Problem is { Errors: null or { Count: 0 } } ? Problem : null;

    public static ApiResult<T> Ok(T? value, string? etag) => new(value, etag, null);

    public static ApiResult<T> Failed(Problem problem) => new(default, null, problem);
}

/// <summary>An RFC 9457 problem as the API answers it; <see cref="Errors"/> names the fields by their JSON path.</summary>
public sealed record Problem
{
    public string? Type { get; init; }
    public string? Title { get; init; }
    public string? Detail { get; init; }
    public int Status { get; init; }
    public Dictionary<string, string[]>? Errors { get; init; }

    [JsonIgnore]
    public bool IsNotFound => Status == (int)HttpStatusCode.NotFound;

    /// <summary>What a person reads: the detail, else the title.</summary>
    [JsonIgnore]
    public string Message => Detail ?? Title ?? $"Lỗi {Status}.";

    public string? For(string field) =>
        Errors is not null && Errors.TryGetValue(field, out var messages) && messages.Length > 0 ? string.Join(" ", messages) : null;

    public static readonly Problem SessionEnded = new()
    {
        Status = 401,
        Title = "Phiên đăng nhập đã kết thúc",
        Detail = "Phiên đăng nhập đã kết thúc (hết hạn, đã đăng xuất hoặc tài khoản bị vô hiệu hoá). Hãy tải lại trang để đăng nhập lại.",
    };

    public static readonly Problem Unreachable = new()
    {
        Status = 503,
        Title = "Không kết nối được hệ thống",
        Detail = "Không kết nối được cổng API. Hãy thử lại sau ít phút.",
    };
}

public static class CampaignQueries
{
    /// <summary>The plan the Week runs on: the caller's ward's newest issued plan (for city and ops, the newest of any ward).</summary>
    public static async Task<ApiResult<Plan>> CurrentPlanAsync(this GatewayApi api, CancellationToken cancellationToken = default)
    {
        var plans = await api.GetAsync<Page<PlanSummary>>("/api/planning/plans?status=issued&limit=1", cancellationToken);
        if (!plans.Succeeded)
        {
            return ApiResult<Plan>.Failed(plans.Problem!);
        }

        return plans.Value!.Items.FirstOrDefault() is { } plan
            ? await api.GetAsync<Plan>($"/api/planning/plans/{plan.Id}", cancellationToken)
            : ApiResult<Plan>.Failed(new Problem { Status = 404, Title = "Chưa có kế hoạch", Detail = "Phường chưa ban hành kế hoạch Tuần lễ nào." });
    }
}
