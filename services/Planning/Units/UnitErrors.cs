using LearningWeek.EventSourcing;

namespace LearningWeek.Planning.Units;

internal static class UnitErrors
{
    public static DomainError AlreadyRegistered(string code) => DomainError.Conflict(
        "unit-already-registered", "Mã đơn vị đã được đăng ký", $"A unit with code {code} is already registered.", "code");

    public static DomainError RegisteredOtherwise(IReadOnlyList<string> codes) => DomainError.Conflict(
        "unit-registered-otherwise", "Mã đơn vị đã được đăng ký với thông tin khác",
        $"Các mã đã được đăng ký với tên, loại hoặc phường khác: {string.Join(", ", codes.Take(20))}{(codes.Count > 20 ? $" và {codes.Count - 20} mã khác" : "")}. Không đơn vị nào được lưu.",
        "units");

    public static DomainError Deactivated(string code) => DomainError.Conflict(
        "unit-deactivated", "Đơn vị đã ngừng hoạt động", $"Unit {code} is deactivated.");

    public static DomainError OtherWard(string wardCode) => DomainError.Forbidden(
        "Đơn vị thuộc phường/xã khác", $"Ward officers manage the units of their own ward only, not of {wardCode}.");
}
