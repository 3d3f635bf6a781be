using System.Globalization;
using System.Text;
using FluentValidation;

namespace LearningWeek.ApiDefaults.Validation;

/// <summary>
/// Rules for the text people type (names, titles, narratives): Vietnamese in Unicode NFC, no
/// control characters, bounded length. Text in another normalization form is refused, not
/// silently changed, so what is stored is exactly what was sent.
/// </summary>
public static class TextRules
{
    private const string InvalidUnicode = "Chứa ký tự Unicode không hợp lệ.";
    private const string ControlCharacters = "Chứa ký tự điều khiển không được phép.";
    private const string NotNfc = "Văn bản phải ở dạng Unicode NFC (chuẩn hoá dựng sẵn).";

    private static string TooLong(int maxLength) => $"Tối đa {maxLength} ký tự.";

    public static IRuleBuilderOptions<T, string?> RequiredText<T>(this IRuleBuilder<T, string?> rule, int maxLength, bool multiline = false) =>
        rule.NotEmpty().WithMessage("Bắt buộc nhập.")
            .Must(text => text is null || text.Trim().Length > 0).WithMessage("Không được chỉ có khoảng trắng.")
            .WellFormedText(maxLength, multiline);

    public static IRuleBuilderOptions<T, string?> OptionalText<T>(this IRuleBuilder<T, string?> rule, int maxLength, bool multiline = false) =>
        rule.WellFormedText(maxLength, multiline);

    private static IRuleBuilderOptions<T, string?> WellFormedText<T>(this IRuleBuilder<T, string?> rule, int maxLength, bool multiline) =>
        rule.MaximumLength(maxLength).WithMessage(TooLong(maxLength))
            .Must(IsValidUnicode).WithMessage(InvalidUnicode)
            .Must(text => text is null || !HasControlCharacters(text, multiline)).WithMessage(ControlCharacters)
            .Must(text => text is null || !IsValidUnicode(text) || text.IsNormalized(NormalizationForm.FormC))
            .WithMessage(NotNfc);

    /// <summary>
    /// The same rules for a value outside a validated body (a query parameter): the message for the
    /// first rule <paramref name="text"/> breaks, or null when it breaks none.
    /// </summary>
    public static string? Problem(string? text, int maxLength, bool multiline = false) =>
        text is null ? null
        : text.Length > maxLength ? TooLong(maxLength)
        : !IsValidUnicode(text) ? InvalidUnicode
        : HasControlCharacters(text, multiline) ? ControlCharacters
        : !text.IsNormalized(NormalizationForm.FormC) ? NotNfc
        : null;

    /// <summary>A code like <c>TH-TAMHUNG</c>: upper-case letters, digits and dashes.</summary>
    public static IRuleBuilderOptions<T, string?> Code<T>(this IRuleBuilder<T, string?> rule, int maxLength = 40) =>
        rule.NotEmpty().WithMessage("Bắt buộc nhập.")
            .MaximumLength(maxLength).WithMessage(TooLong(maxLength))
            .Matches("^[A-Z0-9]+(-[A-Z0-9]+)*$").WithMessage("Chỉ gồm chữ in hoa không dấu, chữ số và dấu gạch ngang, ví dụ TH-TAMHUNG.");

    public static bool IsValidUnicode(string? text)
    {
        if (text is null)
        {
            return true;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]) || text[i] is '\uFFFE' or '\uFFFF')
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasControlCharacters(string text, bool multiline) =>
        text.Any(c => char.GetUnicodeCategory(c) == UnicodeCategory.Control && !(multiline && c is '\n' or '\r' or '\t'));
}
