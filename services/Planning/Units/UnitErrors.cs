using LearningWeek.EventSourcing;

namespace LearningWeek.Planning.Units;

internal static class UnitErrors
{
    public static DomainError AlreadyRegistered(string code) => DomainError.Conflict(
        "unit-already-registered", "Mã đơn vị đã được đăng ký", $"Đơn vị có mã {code} đã được đăng ký.", english: $"A unit with code {code} is already registered.", field: "code");

    public static DomainError RegisteredOtherwise(IReadOnlyList<string> codes) => DomainError.Conflict(
        "unit-registered-otherwise", "Mã đơn vị đã được đăng ký với thông tin khác",
        $"Các mã đã được đăng ký với tên, loại hoặc phường khác: {string.Join(", ", codes.Take(20))}{(codes.Count > 20 ? $" và {codes.Count - 20} mã khác" : "")}. Không đơn vị nào được lưu.",
        english: $"Codes already registered with another name, kind or ward: {string.Join(", ", codes.Take(20))}{(codes.Count > 20 ? $" and {codes.Count - 20} more" : "")}. No unit was saved.",
        field: "units");

    public static DomainError Deactivated(string code) => DomainError.Conflict(
        "unit-deactivated", "Đơn vị đã ngừng hoạt động", $"Đơn vị {code} đã ngừng hoạt động.", english: $"Unit {code} is deactivated.");

    public static DomainError OtherWard(string wardCode) => DomainError.Forbidden(
        "Đơn vị thuộc phường/xã khác", $"Cán bộ phường chỉ quản lý các đơn vị của phường mình, không quản lý đơn vị của phường/xã {wardCode}.",
        english: $"Ward officers manage the units of their own ward only, not of {wardCode}.");
}
