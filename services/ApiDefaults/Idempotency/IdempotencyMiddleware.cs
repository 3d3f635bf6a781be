using System.Security.Cryptography;
using LearningWeek.ApiDefaults.Identity;
using LearningWeek.ApiDefaults.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace LearningWeek.ApiDefaults.Idempotency;

/// <summary>
/// <c>Idempotency-Key</c> on creating POSTs, as the IETF draft describes: the first request with a
/// key runs and its response is kept; a repeat with the same body gets that response again
/// (marked <c>Idempotent-Replayed: true</c>); the same key with another body is 422; a duplicate
/// that arrives while the first is still running waits for it and gets its response (or 409 if it
/// takes too long). Keys are scoped per client (the token's client id) and kept for a day. Only
/// a success or a 400 (the request itself is wrong) is kept as the key's answer: an answer that
/// says "try again" (409, 412, 428, 429, a 404 or 422 that depends on state that may still
/// arrive, any 5xx) is forgotten, so the same key may be sent again once it can succeed.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next, IOptions<IdempotencyOptions> options)
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    private const int MaxKeyLength = 255;

    public async Task InvokeAsync(HttpContext context, IIdempotencyStore store, IProblemDetailsService problems)
    {
        if (!HttpMethods.IsPost(context.Request.Method)
            || context.GetEndpoint()?.Metadata.GetMetadata<IdempotentAttribute>() is null
            || !context.Request.Headers.TryGetValue(Header, out var values))
        {
            await next(context);
            return;
        }

        var key = values.ToString();
        if (key.Length is 0 or > MaxKeyLength || key.Any(c => c is < ' ' or > '~'))
        {
            await WriteProblem(context, problems, StatusCodes.Status400BadRequest, ProblemTypes.Validation,
                "Idempotency-Key không hợp lệ", $"Tiêu đề {Header} phải gồm từ 1 đến {MaxKeyLength} ký tự ASCII in được.",
                $"The {Header} header must be 1 to {MaxKeyLength} printable ASCII characters.");
            return;
        }

        var cancellation = context.RequestAborted;
        var scopedKey = $"{context.User.Caller().Actor}|{key}";
        var fingerprint = await Fingerprint(context.Request);
        var claim = await store.ClaimAsync(scopedKey, fingerprint, cancellation);

        var waitUntil = DateTime.UtcNow + options.Value.WaitForInProgress;
        while (claim is IdempotencyClaim.InProgress && DateTime.UtcNow < waitUntil)
        {
            await Task.Delay(25, cancellation);
            claim = await store.ClaimAsync(scopedKey, fingerprint, cancellation);
        }

        switch (claim)
        {
            case IdempotencyClaim.Completed completed:
                await Replay(context, completed.Response);
                return;
            case IdempotencyClaim.Mismatch:
                await WriteProblem(context, problems, StatusCodes.Status422UnprocessableEntity, ProblemTypes.IdempotencyKeyReused,
                    "Idempotency-Key đã được dùng cho một yêu cầu khác", $"{Header} này đã được dùng cho một yêu cầu có nội dung khác; hãy dùng một khóa mới.",
                    $"This {Header} was already used with a different request body.");
                return;
            case IdempotencyClaim.InProgress:
                await WriteProblem(context, problems, StatusCodes.Status409Conflict, ProblemTypes.IdempotencyKeyInProgress,
                    "Yêu cầu với Idempotency-Key này đang được xử lý", "Yêu cầu đầu tiên với khóa này chưa xong; hãy gửi lại sau khi nó hoàn tất.",
                    "Retry after the first request with this key has finished.");
                return;
            case IdempotencyClaim.AnswerLost:
                await WriteProblem(context, problems, StatusCodes.Status409Conflict, ProblemTypes.IdempotencyAnswerLost,
                    "Yêu cầu này đã được thực hiện",
                    "Yêu cầu với Idempotency-Key này đã được thực hiện, nhưng câu trả lời bị mất do một sự cố; hãy đọc lại (GET) để xem kết quả, đừng gửi lại với khóa mới.",
                    "The request with this key was carried out, but its answer was lost in a failure; read the resource (GET) to see the result instead of sending it again with a new key.");
                return;
        }

        await RunAndKeep(context, store, scopedKey);
    }

    private async Task RunAndKeep(HttpContext context, IIdempotencyStore store, string scopedKey)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        var scope = IdempotencyScope.Begin(scopedKey);
        try
        {
            await next(context);
        }
        catch
        {
            context.Response.Body = original;
            IdempotencyScope.End();
            if (!scope.EffectCommitted)
            {
                await store.AbandonAsync(scopedKey, CancellationToken.None);
            }

            // Else the record stays unfinished: once abandoned, a retry learns the effect happened.
            throw;
        }
        finally
        {
            IdempotencyScope.End();
        }

        context.Response.Body = original;
        var response = context.Response;
        if (!IsFinal(response.StatusCode) && !scope.EffectCommitted)
        {
            await store.AbandonAsync(scopedKey, CancellationToken.None);
        }
        else
        {
            await store.CompleteAsync(scopedKey, new StoredResponse(
                response.StatusCode, response.ContentType, response.Headers.Location, response.Headers.ETag, buffer.ToArray()),
                CancellationToken.None);
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    /// <summary>
    /// An answer that stays the answer to this request: a success, or a request that is wrong in
    /// itself. Any answer to a request whose effect was stored is kept as well.
    /// </summary>
    public static bool IsFinal(int status) => status is >= 200 and < 300 or StatusCodes.Status400BadRequest;

    private static async Task Replay(HttpContext context, StoredResponse stored)
    {
        var response = context.Response;
        response.StatusCode = stored.StatusCode;
        response.ContentType = stored.ContentType;
        if (stored.Location is not null)
        {
            response.Headers.Location = stored.Location;
        }

        if (stored.ETag is not null)
        {
            response.Headers.ETag = stored.ETag;
        }

        response.Headers[ReplayedHeader] = "true";
        await response.Body.WriteAsync(stored.Body, context.RequestAborted);
    }

    /// <summary>What makes two requests "the same": method, path, query, If-Match and body, hashed.</summary>
    private static async Task<string> Fingerprint(HttpRequest request)
    {
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\nIf-Match: {request.Headers.IfMatch}\n"));
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            hash.AppendData(chunk, 0, read);
        }

        request.Body.Position = 0;
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private static async Task WriteProblem(HttpContext context, IProblemDetailsService problems, int status, string type, string title, string detail, string english)
    {
        context.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Type = type, Title = title, Detail = detail };
        problem.Extensions[ProblemLanguage.EnglishDetailKey] = english;
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
