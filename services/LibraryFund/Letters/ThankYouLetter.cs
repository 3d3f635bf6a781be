using System.Globalization;
using System.Security.Claims;
using LearningWeek.ApiDefaults.Identity;
using LearningWeek.Documents;
using LearningWeek.EventSourcing;
using LearningWeek.LibraryFund.Bookshelves;
using LearningWeek.LibraryFund.Funds;
using LearningWeek.LibraryFund.Pledges;
using Marten;
using static LearningWeek.Documents.VietnameseText;

namespace LearningWeek.LibraryFund.Letters;

/// <summary>
/// Thư cảm ơn: for a donation that arrived, a letter from the plan's issuing body to the donor, in
/// the layout of Decree 30/2020/NĐ-CP, with what was received (receipt numbers, dates, values)
/// and where it went. Gifts outside a plan are thanked in the name of the ward's latest plan.
/// </summary>
public static class ThankYouLetter
{
    public static void Map(IEndpointRouteBuilder pledges) =>
        pledges.MapGet("/{id:guid}/thank-you-letter", Handle)
            .RequireAuthorization(Policies.WardOfficer)
            .Produces(StatusCodes.Status200OK, contentType: Decree30Document.ContentType)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("GetThankYouLetter")
            .WithSummary("The thank-you letter for what a pledge brought, as a .docx in the Decree 30/2020 layout (ward officer)");

    private static async Task<IResult> Handle(Guid id, IQuerySession session, ClaimsPrincipal user, TimeProvider clock, CancellationToken cancellationToken)
    {
        var pledge = await session.LoadAsync<Pledge>(id, cancellationToken);
        var caller = user.Caller();
        if (pledge is null || !caller.MayActForWard(pledge.WardCode))
        {
            return LibraryFundProblems.PledgeNotFound(id);
        }

        if (pledge.Received == 0)
        {
            return DomainError.Conflict("nothing-received", "Chưa tiếp nhận tài trợ",
                "Chỉ lập thư cảm ơn sau khi đã tiếp nhận ít nhất một phần tài trợ đã cam kết.",
                english: "A thank-you letter is written once something of the pledge has arrived.").ToProblem();
        }

        var fund = pledge.PlanId is { } planId
            ? await session.LoadAsync<Fund>(planId, cancellationToken)
            : await session.Query<Fund>().Where(f => f.WardCode == pledge.WardCode && f.Issued).OrderByDescending(f => f.OpenedAt).FirstOrDefaultAsync(cancellationToken);
        if (fund?.Signature is null)
        {
            return DomainError.Conflict("no-issuing-body", "Chưa có kế hoạch của phường để ký thư",
                "Thư cảm ơn được phát hành với danh nghĩa cơ quan ban hành kế hoạch; phường chưa ban hành kế hoạch nào.",
                english: "The letter is issued in the name of a plan's issuing body; the ward has no issued plan yet.").ToProblem();
        }

        var shelfIds = pledge.Allocations.Select(allocation => allocation.BookshelfId).Distinct().ToArray();
        var shelves = (await session.LoadManyAsync<Bookshelf>(cancellationToken, shelfIds)).ToDictionary(shelf => shelf.Id);
        var letter = Build(pledge, fund, shelves, VietnamTime.DayOf(clock.GetUtcNow()));
        return TypedResults.File(letter, Decree30Document.ContentType, $"thu-cam-on-{pledge.Id:N}.docx");
    }

    public const string NumberSuffix = "/UBND-VHXH";

    public static byte[] Build(Pledge pledge, Fund fund, IReadOnlyDictionary<Guid, Bookshelf> shelves, DateOnly today)
    {
        var donor = pledge.Donor.Kind == DonorKind.Individual ? $"Ông/Bà {pledge.Donor.Name}" : pledge.Donor.Name;
        // A thank-you letter is a thư công, which has no abbreviation in Appendix III of Decree
        // 30/2020 ("TC" there is a thông cáo, a communiqué): it is numbered as an official letter,
        // the issuing body then the office that drafted it (Phòng Văn hoá - Xã hội).
        var document = new Decree30Document(
                new DocumentHeader(fund.ParentAuthority, fund.IssuingBody, null, NumberSuffix, fund.Place, today),
                "THƯ CẢM ƠN",
                "Về việc ủng hộ xây dựng tủ sách, thư viện số")
            .Addressee(donor);

        document.Paragraph(
            $"Thực hiện {fund.Title}, {fund.IssuingBody} đã vận động các tổ chức, cá nhân, cha mẹ học sinh trên địa bàn chung tay xây dựng " +
            "tủ sách lớp học, tủ sách phụ huynh, thư viện trường học, tủ sách nhà văn hoá và thư viện số, góp phần xây dựng xã hội học tập.");
        document.Paragraph($"{fund.IssuingBody} đã tiếp nhận từ {donor} {Gift(pledge.Gift, pledge.Received, pledge.ReceivedValueVnd)}, cụ thể như sau:");
        document.Table(
            "Bảng. Các lần tiếp nhận",
            ["TT", "Số biên nhận", "Ngày tiếp nhận", "Số lượng", "Giá trị (đồng)"],
            [.. pledge.Receipts.Select((receipt, i) => new[]
            {
                (i + 1).ToString(CultureInfo.InvariantCulture), receipt.Number, VietnamTime.Format(receipt.ReceivedOn),
                Quantity(pledge.Gift.Kind, receipt.Quantity), Number(receipt.ValueVnd),
            })],
            ["", "Tổng cộng", "", Quantity(pledge.Gift.Kind, pledge.Received), Number(pledge.ReceivedValueVnd)],
            [600, 2200, 1800, 2200, 2200]);

        var destinations = pledge.Allocations
            .GroupBy(allocation => allocation.BookshelfId)
            .Select(group => shelves.TryGetValue(group.Key, out var shelf)
                ? $"{shelf.Name} ({shelf.Location}): {Quantity(pledge.Gift.Kind, group.Sum(allocation => allocation.Quantity))}"
                : null)
            .OfType<string>()
            .ToList();
        if (destinations.Count > 0)
        {
            document.Paragraph($"Số tài trợ đã được phân bổ cho: {string.Join("; ", destinations)}.");
        }

        document.Paragraph(
            $"{fund.IssuingBody} trân trọng cảm ơn sự quan tâm, ủng hộ quý báu của {donor} đối với phong trào khuyến học, khuyến tài, xây dựng " +
            "xã hội học tập của địa phương. Sự đóng góp của quý vị sẽ giúp học sinh và người dân có thêm sách, tài liệu và cơ hội học tập suốt đời.");
        document.Paragraph(pledge.Donor.Kind switch
        {
            DonorKind.Organisation => $"Kính chúc {donor} ngày càng phát triển, thành công./.",
            DonorKind.ParentsAssociation => $"Kính chúc {donor} cùng các gia đình sức khoẻ, hạnh phúc./.",
            _ => $"Kính chúc {donor} và gia đình sức khoẻ, hạnh phúc./.",
        });
        return document.Close(["Như trên", "Lưu: VT, VHXH"], fund.Signature!);
    }

    private static string Gift(Gift gift, long received, long value) => gift.Kind switch
    {
        GiftKind.Money => $"số tiền {Money(received)}",
        GiftKind.Books => $"{Number(received)} cuốn sách ({gift.Description}), trị giá ước tính {Money(value)}",
        GiftKind.Equipment => $"{Number(received)} thiết bị ({gift.Description}), trị giá ước tính {Money(value)}",
        _ => $"{Number(received)} tài nguyên số ({gift.Description}), trị giá ước tính {Money(value)}",
    };

    private static string Quantity(GiftKind kind, long quantity) => kind switch
    {
        GiftKind.Money => Money(quantity),
        GiftKind.Books => $"{Number(quantity)} cuốn",
        GiftKind.Equipment => $"{Number(quantity)} chiếc",
        _ => $"{Number(quantity)} tài nguyên",
    };
}
