using FluentValidation;

namespace LearningWeek.ApiDefaults.Validation;

/// <summary>
/// Rules for the calendar days people type. A Learning Week, its deadlines, receipts and shelves
/// all fall in this century; a day such as 0001-01-01 or 9999-12-31 is a typing or client error,
/// and refusing it here keeps the arithmetic on instants (start of a day in Vietnam, one day later)
/// inside what <see cref="DateTimeOffset"/> can hold.
/// </summary>
public static class DateRules
{
    public static readonly DateOnly Earliest = new(2000, 1, 1);

    public static readonly DateOnly Latest = new(2099, 12, 31);

    private const string OutOfRange = "Ngày phải trong khoảng từ 01/01/2000 đến 31/12/2099.";

    public static IRuleBuilderOptions<T, DateOnly?> PlausibleDay<T>(this IRuleBuilder<T, DateOnly?> rule) =>
        rule.Must(day => day is null || (day >= Earliest && day <= Latest))
            .WithMessage(OutOfRange);
}
