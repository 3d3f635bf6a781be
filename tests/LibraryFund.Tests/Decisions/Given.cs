using LearningWeek.ApiDefaults.Identity;
using LearningWeek.Documents;
using LearningWeek.LibraryFund.Bookshelves;
using LearningWeek.LibraryFund.Funds;
using LearningWeek.LibraryFund.Pledges;
using LearningWeek.EventSourcing.Following;

namespace LearningWeek.LibraryFund.Tests.Decisions;

/// <summary>The Given of Given/When/Then: Nam Triệu's fund, its units and bookshelves, and pledges in every state.</summary>
public static class Given
{
    public const string Ward = "HP-NAMTRIEU";
    public static readonly Guid PlanId = Guid.Parse("0198f0a0-0000-7000-8000-0000000000aa");
    public static readonly DateTimeOffset Now = new(2025, 10, 8, 9, 0, 0, TimeSpan.FromHours(7));
    public static readonly DateOnly Today = new(2025, 10, 8);
    public static readonly Caller Officer = new("ward-officer", Roles.WardOfficer, "UBND-NAMTRIEU", Ward);
    public static readonly Caller OtherWardOfficer = new("ward-officer-2", Roles.WardOfficer, "UBND-X", "HP-OTHER");
    public static readonly Caller City = new("city", Roles.City, null, null);

    public static Caller Unit(string code) => new(code, Roles.Unit, code, Ward);

    public static Fund Fund => new()
    {
        Id = PlanId,
        Issued = true,
        WardCode = Ward,
        Title = "Kế hoạch tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2025",
        Year = 2025,
        IssuingBody = "Ủy ban nhân dân phường Nam Triệu",
        ParentAuthority = "UBND thành phố Hải Phòng",
        Place = "Nam Triệu",
        Signature = new DocumentSignature("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Đức Dũng"),
    };

    public static KnownUnit School => new() { Id = "TH-TAMHUNG", Name = "Trường Tiểu học Tam Hưng", Kind = "primary", WardCode = Ward };

    public static KnownUnit CultureHouse => new() { Id = "NVH-TDP3", Name = "Nhà văn hoá Tổ dân phố số 3", Kind = "culture-house", WardCode = Ward };

    public static Bookshelf Shelf(BookshelfKind kind = BookshelfKind.Classroom, string ward = Ward) =>
        Bookshelf.Create(new BookshelfEstablished(Guid.NewGuid(), PlanId, ward, "TH-TAMHUNG", kind, "Tủ sách lớp 5A", "Lớp 5A", Today, 0, Now, "TH-TAMHUNG"));

    public static Pledge Pledged(GiftKind kind = GiftKind.Money, long quantity = 20_000_000, long estimatedValue = 0, DonorKind donor = DonorKind.Organisation) =>
        Pledge.Create(new DonationPledged(
            Guid.NewGuid(), PlanId, Ward, new Donor(donor, "Công ty TNHH Thương mại Tam Hưng", "0912 345 678"),
            new Gift(kind, kind == GiftKind.Money ? "Tiền mặt" : "Sách thiếu nhi", quantity, kind == GiftKind.Money ? quantity : estimatedValue, []),
            "TH-TAMHUNG", null, Now, "ward-officer"));

    public static Pledge Received(this Pledge pledge, long quantity, string number = "BN-001") =>
        pledge.Apply(new DonationReceived(pledge.Id, pledge.PlanId, pledge.WardCode, pledge.Gift.Kind, number, Today, quantity, pledge.ValueOfReceipt(quantity),
            pledge.Received + quantity > pledge.Gift.Quantity, null, Now, "ward-officer"));

    public static Pledge Allocated(this Pledge pledge, long quantity, long value, Guid? shelf = null) =>
        pledge.Apply(new DonationAllocated(pledge.Id, pledge.PlanId, pledge.WardCode, pledge.Gift.Kind, shelf ?? Guid.NewGuid(), quantity, value, Now, "ward-officer"));

    public static Pledge Cancelled(this Pledge pledge) =>
        pledge.Apply(new PledgeCancelled(pledge.Id, pledge.PlanId, pledge.WardCode, pledge.Gift.Kind, 0, 0, "Nhà tài trợ rút lại", Now, "ward-officer"));

    public static RecordReceipt.Request Receipt(long quantity, string number = "BN-002", bool? overDelivery = null, DateOnly? on = null) =>
        new(number, on ?? Today, quantity, overDelivery, null);
}
