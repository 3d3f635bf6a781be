using LearningWeek.Web.Api;

namespace LearningWeek.Web.Api;

/// <summary>Documents the person downloads, fetched from the API with their token and handed to the browser as they came.</summary>
public static class Documents
{
    public static IEndpointRouteBuilder MapDocuments(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/ward-report/document", async (GatewayApi api, CancellationToken cancellationToken) =>
        {
            var plan = await api.CurrentPlanAsync(cancellationToken);
            if (!plan.Succeeded)
            {
                return Results.Problem(plan.Problem!.Message, statusCode: plan.Problem.Status, title: plan.Problem.Title);
            }

            var document = await api.DownloadAsync($"/api/reporting/plans/{plan.Value!.Id}/ward-report?format=docx", cancellationToken);
            return document is { } file
                ? Results.File(file.Content, file.ContentType, file.FileName)
                : Results.Problem("Chưa có báo cáo tổng hợp để tải.", statusCode: StatusCodes.Status404NotFound, title: "Không tìm thấy");
        }).RequireAuthorization(new Microsoft.AspNetCore.Authorization.AuthorizeAttribute { Roles = "ward-officer,city,ops" });
        return endpoints;
    }
}
