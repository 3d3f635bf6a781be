namespace LearningWeek.ApiDefaults.Problems;

/// <summary>
/// Stable <c>type</c> URIs of LearningWeek's ProblemDetails (RFC 9457), one per kind of error, so a
/// client can branch on them; titles are Vietnamese, for the people who read them.
/// </summary>
public static class ProblemTypes
{
    private const string Prefix = "urn:learningweek:problem:";

    public const string Validation = Prefix + "validation";
    public const string MalformedRequest = Prefix + "malformed-request";
    public const string Unauthenticated = Prefix + "unauthenticated";
    public const string Forbidden = Prefix + "forbidden";
    public const string NotFound = Prefix + "not-found";
    public const string Conflict = Prefix + "conflict";
    public const string BusinessRule = Prefix + "business-rule";
    public const string PreconditionFailed = Prefix + "precondition-failed";
    public const string PreconditionRequired = Prefix + "precondition-required";
    public const string IdempotencyKeyReused = Prefix + "idempotency-key-reused";
    public const string IdempotencyKeyInProgress = Prefix + "idempotency-key-in-progress";
    public const string IdempotencyAnswerLost = Prefix + "idempotency-answer-lost";
    public const string BodyTooLarge = Prefix + "body-too-large";
    public const string RateLimited = Prefix + "rate-limited";
    public const string Unavailable = Prefix + "unavailable";
    public const string Timeout = Prefix + "timeout";
    public const string BadGateway = Prefix + "bad-gateway";
    public const string Internal = Prefix + "internal";

    /// <summary>The type and Vietnamese title for a bare status code (401, 404, 502, …).</summary>
    public static (string Type, string Title) ForStatus(int status) => status switch
    {
        400 => (MalformedRequest, "Yêu cầu không hợp lệ"),
        401 => (Unauthenticated, "Chưa xác thực: cần mã truy cập (bearer token) hợp lệ"),
        403 => (Forbidden, "Không có quyền thực hiện thao tác này"),
        404 => (NotFound, "Không tìm thấy"),
        405 => (MalformedRequest, "Phương thức không được hỗ trợ"),
        409 => (Conflict, "Xung đột với trạng thái hiện tại"),
        412 => (PreconditionFailed, "Dữ liệu đã bị thay đổi (If-Match không khớp)"),
        413 => (BodyTooLarge, "Nội dung yêu cầu quá lớn"),
        415 => (MalformedRequest, "Kiểu nội dung không được hỗ trợ"),
        422 => (BusinessRule, "Yêu cầu vi phạm quy tắc nghiệp vụ"),
        428 => (PreconditionRequired, "Cần tiêu đề If-Match"),
        429 => (RateLimited, "Quá nhiều yêu cầu, vui lòng thử lại sau"),
        502 => (BadGateway, "Dịch vụ phía sau không phản hồi"),
        503 => (Unavailable, "Dịch vụ tạm thời không khả dụng, vui lòng thử lại sau"),
        504 => (Timeout, "Hết thời gian xử lý yêu cầu"),
        >= 500 => (Internal, "Lỗi hệ thống"),
        _ => (MalformedRequest, "Yêu cầu không hợp lệ"),
    };
}
