using System.Globalization;
using LearningWeek.Gateway.Identity.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace LearningWeek.Gateway.Pages.Account;

/// <summary>
/// The issuer's sign-in form. Wrong user names and wrong passwords get the same answer (nothing
/// tells which accounts exist); each wrong password counts towards the lockout; a disabled or
/// locked-out account is told so only once its password is right. Passwords are never logged.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.TokenEndpoint)]
public sealed partial class LoginModel(
    SignInManager<StaffUser> signIn, UserManager<StaffUser> users, TimeProvider clock, ILogger<LoginModel> logger) : PageModel
{
    private static readonly TimeZoneInfo Vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var userName = UserName?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(userName) || string.IsNullOrEmpty(Password))
        {
            Error = "Hãy nhập tên đăng nhập và mật khẩu.";
            return Page();
        }

        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            LogRefused(logger, "unknown user");
            Error = WrongCredentials;
            return Page();
        }

        var result = await signIn.CheckPasswordSignInAsync(user, Password, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            LogRefused(logger, "locked out");
            var until = TimeZoneInfo.ConvertTime(user.LockoutEnd ?? clock.GetUtcNow(), Vietnam);
            Error = $"Tài khoản tạm khoá vì nhập sai mật khẩu nhiều lần. Hãy thử lại sau {until.ToString("HH:mm 'ngày' dd/MM/yyyy", CultureInfo.InvariantCulture)}.";
            return Page();
        }

        if (!result.Succeeded)
        {
            LogRefused(logger, "wrong password");
            Error = WrongCredentials;
            return Page();
        }

        if (user.Disabled)
        {
            LogRefused(logger, "disabled");
            Error = "Tài khoản này đã bị vô hiệu hoá. Hãy liên hệ Phòng Văn hoá - Xã hội của phường.";
            return Page();
        }

        await signIn.SignInAsync(user, isPersistent: false);
        LogSignedIn(logger, user.UserName!);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }

    private const string WrongCredentials = "Tên đăng nhập hoặc mật khẩu không đúng.";

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{UserName} signed in at the issuer")]
    private static partial void LogSignedIn(ILogger logger, string userName);
}
