using FluentValidation;
using LearningWeek.ApiDefaults.Identity;
using LearningWeek.ApiDefaults.Validation;
using LearningWeek.Gateway.Identity;
using LearningWeek.Gateway.Identity.Staff;

namespace LearningWeek.Gateway.Access;

/// <summary>A staff account as a ward officer sees it (never its password or its hash).</summary>
public sealed record StaffAccountResponse(
    string UserName, string DisplayName, string Role, string? WardCode, string? UnitCode, bool Disabled,
    DateTimeOffset? LockedOutUntil, DateTimeOffset CreatedAt, string? CreatedBy, string ManagedBy)
{
    public static StaffAccountResponse From(StaffUser user, DateTimeOffset now) => new(
        user.UserName!, user.DisplayName, user.Role, user.WardCode, user.UnitCode, user.Disabled,
        user.LockoutEnd is { } end && end > now ? end : null, user.CreatedAt, user.CreatedBy, user.ManagedBy);
}

/// <summary>A new account and its first password, shown this once (the person changes nothing: the office hands it over).</summary>
public sealed record StaffAccountCreated(StaffAccountResponse Account, string Password);

/// <summary>A unit's API client (its own system's credentials) as a ward officer sees it.</summary>
public sealed record UnitClientResponse(string ClientId, string DisplayName, string? UnitCode, string? WardCode, bool Disabled, string ManagedBy)
{
    public static UnitClientResponse From(string clientId, string? displayName, ClientProfile profile) =>
        new(clientId, displayName ?? clientId, profile.UnitCode, profile.WardCode, profile.Disabled, profile.ManagedBy);
}

/// <summary>A client's new secret, shown this once; only its hash is kept.</summary>
public sealed record ClientSecretIssued(UnitClientResponse Client, string ClientSecret);

/// <summary>
/// <c>POST /api/access/users</c>: a person of the caller's ward, either another ward officer or a
/// member of a unit's staff (then <c>unitCode</c> names the unit).
/// </summary>
public sealed record CreateStaffAccount(string? UserName, string? DisplayName, string? Role, string? UnitCode);

public sealed class CreateStaffAccountValidator : AbstractValidator<CreateStaffAccount>
{
    public CreateStaffAccountValidator()
    {
        RuleFor(request => request.UserName)
            .NotEmpty().WithMessage("Bắt buộc nhập.")
            .Length(3, 64).WithMessage("Từ 3 đến 64 ký tự.")
            .Matches("^[a-z0-9]+([._-][a-z0-9]+)*$").WithMessage("Chỉ gồm chữ thường không dấu, chữ số và các dấu . - _ ở giữa, ví dụ gv.thtamhung.");
        RuleFor(request => request.DisplayName).RequiredText(200);
        RuleFor(request => request.Role)
            .NotEmpty().WithMessage("Bắt buộc chọn.")
            .Must(role => role is Roles.WardOfficer or Roles.Unit).WithMessage($"Một trong: {Roles.WardOfficer}, {Roles.Unit}.");
        RuleFor(request => request.UnitCode)
            .Code().When(request => request.Role == Roles.Unit)
            .WithName("unitCode");
        RuleFor(request => request.UnitCode)
            .Empty().WithMessage("Chỉ nhập khi tài khoản thuộc một đơn vị.")
            .When(request => request.Role == Roles.WardOfficer);
    }
}

/// <summary><c>POST /api/access/clients</c>: an API client for a unit's own system.</summary>
public sealed record CreateUnitClient(string? UnitCode, string? DisplayName);

public sealed class CreateUnitClientValidator : AbstractValidator<CreateUnitClient>
{
    public CreateUnitClientValidator()
    {
        RuleFor(request => request.UnitCode).Code();
        RuleFor(request => request.DisplayName).OptionalText(200);
    }
}

/// <summary><c>POST /api/access/clients/batch</c>: API clients for many units at once.</summary>
public sealed record CreateUnitClients(IReadOnlyList<string?>? UnitCodes)
{
    public const int MaxUnits = 1000;
}

public sealed class CreateUnitClientsValidator : AbstractValidator<CreateUnitClients>
{
    public CreateUnitClientsValidator()
    {
        RuleFor(request => request.UnitCodes)
            .NotEmpty().WithMessage("Cần ít nhất một mã đơn vị.")
            .Must(codes => codes!.Count <= CreateUnitClients.MaxUnits)
            .WithMessage($"Tối đa {CreateUnitClients.MaxUnits.ToString("#,0", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"))} đơn vị mỗi lần; hãy chia thành nhiều lần gửi.");
        RuleForEach(request => request.UnitCodes).Code();
        RuleFor(request => request.UnitCodes).Custom((codes, context) =>
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < (codes?.Count ?? 0); i++)
            {
                if (codes![i] is { } code && !seen.Add(code))
                {
                    context.AddFailure($"unitCodes[{i}]", $"Mã {code} bị lặp trong cùng yêu cầu.");
                }
            }
        });
    }
}

/// <summary>The clients made (each secret shown this once) and the units that already had one.</summary>
public sealed record UnitClientsIssued(IReadOnlyList<ClientSecretIssued> Created, IReadOnlyList<string> Existing);
