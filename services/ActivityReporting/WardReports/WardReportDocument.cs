using System.Globalization;
using LearningWeek.Documents;
using static LearningWeek.Documents.VietnameseText;

namespace LearningWeek.ActivityReporting.WardReports;

/// <summary>
/// The ward report as a Word document in the layout of Decree 30/2020/NĐ-CP. Every figure comes
/// from the compiled report, as GET …/progress showed it then.
/// </summary>
public static class WardReportDocument
{
    public const string ContentType = Decree30Document.ContentType;

    public static byte[] Build(WardReport report)
    {
        var content = report.Content;
        var figures = content.Figures;
        var ward = figures.Ward;
        var people = figures.Participants;
        var fund = content.LibraryFund;
        var document = new Decree30Document(
            new DocumentHeader(content.ParentAuthority, content.IssuingBody, content.Number, "/BC-UBND", content.Place, content.ReportDate),
            "BÁO CÁO", content.Title);

        var plan = "Kế hoạch" + (content.PlanNumber is { } number ? $" số {number}" : "")
            + (content.PlanIssuedOn is { } issued ? $" ngày {issued.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}" : "");
        // As a real report opens: the higher authority's decision, then the ward's own plan that carries it out.
        var decision = content.CityDecision is { } city
            ? $"Quyết định số {city.Number} ngày {city.Date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} của {city.Issuer} và "
            : "";
        document.Paragraph(
            $"Thực hiện {decision}{plan} của {content.IssuingBody} về việc {Lower(content.PlanTitle.Replace("Kế hoạch ", "", StringComparison.Ordinal))} " +
            $"({content.PeriodText}), {content.IssuingBody} báo cáo kết quả như sau:");

        document.Heading("I. TÌNH HÌNH BÁO CÁO CỦA CÁC ĐƠN VỊ").Paragraph(
            $"Có {Number(ward.Expected)} đơn vị phải báo cáo kết quả về phường ({figures.UnitsReportText}); đã nộp {Number(ward.Submitted)} đơn vị " +
            $"(đạt {Percent(ward.Completeness)}), trong đó đúng hạn {Number(ward.OnTime)} đơn vị (đạt {Percent(ward.Timeliness)}), nộp muộn " +
            $"{Number(ward.Late)} đơn vị; phường đã tiếp nhận {Number(ward.Accepted)} báo cáo, trả lại {Number(ward.Returned)} báo cáo để hoàn thiện; " +
            $"còn {Number(ward.NotSubmitted)} đơn vị chưa nộp.");
        document.Table(
            "Bảng 1. Tình hình báo cáo theo loại đơn vị",
            ["TT", "Loại đơn vị", "Phải báo cáo", "Đã nộp", "Đúng hạn", "Tỷ lệ hoàn thành", "Tỷ lệ đúng hạn"],
            [.. figures.ByKind.Select((kind, i) => new[]
            {
                (i + 1).ToString(CultureInfo.InvariantCulture), kind.KindName, Number(kind.Rates.Expected), Number(kind.Rates.Submitted),
                Number(kind.Rates.OnTime), Percent(kind.Rates.Completeness), Percent(kind.Rates.Timeliness),
            })],
            ["", "Tổng cộng", Number(ward.Expected), Number(ward.Submitted), Number(ward.OnTime), Percent(ward.Completeness), Percent(ward.Timeliness)],
            [600, 2800, 1200, 1000, 1000, 1300, 1300]);
        var late = figures.Units.Where(unit => unit.Expected && unit.OnTime == false).Select(unit => unit.UnitName).ToList();
        var missing = figures.Units.Where(unit => unit.Expected && unit.SubmittedAt is null).Select(unit => unit.UnitName).ToList();
        if (late.Count > 0)
        {
            document.Paragraph($"Đơn vị nộp muộn: {string.Join("; ", late)}.");
        }

        if (missing.Count > 0)
        {
            document.Paragraph($"Đơn vị chưa nộp báo cáo: {string.Join("; ", missing)}.");
        }

        var voluntary = figures.Units.Where(unit => unit.Voluntary && unit.ActivityReports > 0).ToList();
        if (voluntary.Count > 0)
        {
            document.Paragraph(
                "Ngoài ra, các đơn vị không thuộc diện phải báo cáo đã tự nguyện báo cáo hoạt động (được tính vào kết quả tại mục II): " +
                string.Join("; ", voluntary.Select(unit => $"{unit.UnitName} ({Number(unit.ActivityReports)} hoạt động)")) + ".");
        }

        document.Heading("II. KẾT QUẢ CÁC HOẠT ĐỘNG").Paragraph(
            $"Các đơn vị đã tổ chức {Number(figures.ActivityReports)} hoạt động với {Number(figures.Sessions)} buổi, thu hút {Number(figures.ParticipantsTotal)} " +
            $"lượt người tham gia (học sinh {Number(people.Students)}; giáo viên, nhân viên {Number(people.TeachersAndStaff)}; cha mẹ học sinh " +
            $"{Number(people.Parents)}; người dân {Number(people.Residents)}; đoàn viên, hội viên {Number(people.Members)}).");
        document.Table(
            "Bảng 2. Kết quả theo nội dung hoạt động của Kế hoạch",
            ["Mục", "Nội dung hoạt động", "Số hoạt động", "Số buổi", "Số lượt người tham gia"],
            [.. figures.ByLine.Select(line => new[] { line.LineCode, line.Title, Number(line.ActivityReports), Number(line.Sessions), Number(line.ParticipantsTotal) })],
            ["", "Tổng cộng", Number(figures.ActivityReports), Number(figures.Sessions), Number(figures.ParticipantsTotal)],
            [800, 4800, 1300, 1000, 1300]);
        document.Table(
            "Bảng 3. Số lượt người tham gia theo đối tượng",
            ["Đối tượng", "Số lượt người tham gia"],
            [
                ["Học sinh", Number(people.Students)],
                ["Giáo viên, nhân viên", Number(people.TeachersAndStaff)],
                ["Cha mẹ học sinh", Number(people.Parents)],
                ["Người dân", Number(people.Residents)],
                ["Đoàn viên, hội viên", Number(people.Members)],
            ],
            ["Tổng cộng", Number(figures.ParticipantsTotal)],
            [5200, 4000]);

        document.Heading("III. HUY ĐỘNG NGUỒN LỰC XÂY DỰNG TỦ SÁCH, THƯ VIỆN SỐ (NỘI DUNG 3.5)").Paragraph(
            $"Các tổ chức, cá nhân, cha mẹ học sinh đã có {Number(fund.Donors)} lượt cam kết tài trợ, với tổng số tiền mặt cam kết {Money(fund.PledgedVnd)}; " +
            $"đã tiếp nhận {Money(fund.ReceivedVnd)} tiền mặt và hiện vật trị giá ước tính {Money(fund.InKindReceivedVnd)}, trong đó {Number(fund.BooksReceived)} " +
            $"cuốn sách; đã phân bổ {Money(fund.AllocatedVnd)} tiền mặt cho các tủ sách. Toàn phường có {Number(fund.Bookshelves)} tủ sách, thư viện được " +
            $"xây dựng, bổ sung với {Number(fund.DigitalResources)} tài nguyên số.");
        if (fund.Note is { } note)
        {
            document.Note($"Ghi chú: {note}");
        }

        document.Heading("IV. ĐÁNH GIÁ CHUNG").Subheading("1. Ưu điểm");
        foreach (var paragraph in Lines(content.Assessment))
        {
            document.Paragraph(paragraph);
        }

        foreach (var quote in content.Highlights)
        {
            document.Paragraph($"- {quote.UnitName}: {quote.Text}");
        }

        document.Subheading("2. Khó khăn, hạn chế");
        foreach (var quote in content.Difficulties)
        {
            document.Paragraph($"- {quote.UnitName}: {quote.Text}");
        }

        if (content.Difficulties.Count == 0)
        {
            document.Paragraph("Các đơn vị không nêu khó khăn, hạn chế.");
        }

        document.Heading("V. ĐỀ XUẤT, KIẾN NGHỊ");
        foreach (var paragraph in Lines(content.Proposals))
        {
            document.Paragraph(paragraph);
        }

        foreach (var quote in content.UnitProposals)
        {
            document.Paragraph($"- {quote.UnitName}: {quote.Text}");
        }

        document.Paragraph($"Trên đây là báo cáo {Lower(content.Title)} của {content.IssuingBody}./.");
        var signature = content.Signature;
        return document.Close(content.Recipients, new DocumentSignature(signature.Authority, signature.OnBehalfOf, signature.Position, signature.Signer));
    }

    private static IEnumerable<string> Lines(string? text) =>
        text?.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    private static string Lower(string text) => text.Length == 0 ? text : char.ToLower(text[0], CultureInfo.GetCultureInfo("vi-VN")) + text[1..];
}
