using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using LearningWeek.ActivityReporting.Progress;
using LearningWeek.Contracts.Reporting;
using static LearningWeek.ActivityReporting.WardReports.VietnameseText;

namespace LearningWeek.ActivityReporting.WardReports;

/// <summary>
/// The ward report as a Word document in the layout of Decree 30/2020/NĐ-CP: A4, Times New Roman,
/// the issuing bodies and number on the left and the national title and motto with place and date
/// on the right, the title, the body with its figures in tables, then recipients and signature.
/// Every figure comes from the compiled report, as GET …/progress showed it then.
/// </summary>
public static class WardReportDocument
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private const string Font = "Times New Roman";
    private const int BodySize = 28; // half-points: 14 pt
    private const int HeaderSize = 26; // 13 pt
    private const int TableSize = 24; // 12 pt

    public static byte[] Build(WardReport report)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            AddStyles(main);
            var body = new Body();
            var content = report.Content;
            body.Append(Header(content));
            body.Append(Paragraph(Center(), Text("BÁO CÁO", bold: true)));
            body.Append(Paragraph(Center(), Text(content.Title, bold: true)));
            body.Append(Paragraph(Center(), Text("―――――――――――", size: HeaderSize)));
            foreach (var part in Body(content))
            {
                body.Append(part);
            }

            body.Append(Closing(content));
            body.Append(PageSetup());
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static IEnumerable<OpenXmlElement> Body(WardReportContent content)
    {
        var figures = content.Figures;
        var ward = figures.Ward;
        var plan = content.PlanNumber is { } number
            ? $"Kế hoạch số {number}" + (content.PlanIssuedOn is { } issued ? $" ngày {issued.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)}" : "")
            : "Kế hoạch";
        yield return Body(
            $"Thực hiện {plan} của {content.IssuingBody} về việc {Lower(content.PlanTitle.Replace("Kế hoạch ", "", StringComparison.Ordinal))} " +
            $"({content.PeriodText}), {content.IssuingBody} báo cáo kết quả như sau:");

        yield return Heading("I. TÌNH HÌNH BÁO CÁO CỦA CÁC ĐƠN VỊ");
        yield return Body(
            $"Có {Number(ward.Expected)} đơn vị phải báo cáo kết quả về phường ({figures.UnitsReportText}); đã nộp {Number(ward.Submitted)} đơn vị " +
            $"(đạt {Percent(ward.Completeness)}), trong đó đúng hạn {Number(ward.OnTime)} đơn vị (đạt {Percent(ward.Timeliness)}), nộp muộn " +
            $"{Number(ward.Late)} đơn vị; phường đã tiếp nhận {Number(ward.Accepted)} báo cáo, trả lại {Number(ward.Returned)} báo cáo để hoàn thiện; " +
            $"còn {Number(ward.NotSubmitted)} đơn vị chưa nộp.");
        yield return Caption("Bảng 1. Tình hình báo cáo theo loại đơn vị");
        yield return Table(
            ["TT", "Loại đơn vị", "Phải báo cáo", "Đã nộp", "Đúng hạn", "Tỷ lệ hoàn thành", "Tỷ lệ đúng hạn"],
            [.. figures.ByKind.Select((kind, i) => new[]
            {
                (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), kind.KindName, Number(kind.Rates.Expected), Number(kind.Rates.Submitted),
                Number(kind.Rates.OnTime), Percent(kind.Rates.Completeness), Percent(kind.Rates.Timeliness),
            })],
            ["", "Tổng cộng", Number(ward.Expected), Number(ward.Submitted), Number(ward.OnTime), Percent(ward.Completeness), Percent(ward.Timeliness)],
            [600, 2800, 1200, 1000, 1000, 1300, 1300]);
        var late = figures.Units.Where(unit => unit.Expected && unit.OnTime == false).Select(unit => unit.UnitName).ToList();
        var missing = figures.Units.Where(unit => unit.Expected && unit.SubmittedAt is null).Select(unit => unit.UnitName).ToList();
        if (late.Count > 0)
        {
            yield return Body($"Đơn vị nộp muộn: {string.Join("; ", late)}.");
        }

        if (missing.Count > 0)
        {
            yield return Body($"Đơn vị chưa nộp báo cáo: {string.Join("; ", missing)}.");
        }

        yield return Heading("II. KẾT QUẢ CÁC HOẠT ĐỘNG");
        var people = figures.Participants;
        yield return Body(
            $"Các đơn vị đã tổ chức {Number(figures.ActivityReports)} hoạt động với {Number(figures.Sessions)} buổi, thu hút {Number(figures.ParticipantsTotal)} " +
            $"lượt người tham gia (học sinh {Number(people.Students)}; giáo viên, nhân viên {Number(people.TeachersAndStaff)}; cha mẹ học sinh " +
            $"{Number(people.Parents)}; người dân {Number(people.Residents)}; đoàn viên, hội viên {Number(people.Members)}).");
        yield return Caption("Bảng 2. Kết quả theo nội dung hoạt động của Kế hoạch");
        yield return Table(
            ["Mục", "Nội dung hoạt động", "Số hoạt động", "Số buổi", "Số lượt người tham gia"],
            [.. figures.ByLine.Select(line => new[] { line.LineCode, line.Title, Number(line.ActivityReports), Number(line.Sessions), Number(line.ParticipantsTotal) })],
            ["", "Tổng cộng", Number(figures.ActivityReports), Number(figures.Sessions), Number(figures.ParticipantsTotal)],
            [800, 4800, 1300, 1000, 1300]);
        yield return Caption("Bảng 3. Số lượt người tham gia theo đối tượng");
        yield return Table(
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

        yield return Heading("III. HUY ĐỘNG NGUỒN LỰC XÂY DỰNG TỦ SÁCH, THƯ VIỆN SỐ (NỘI DUNG 3.5)");
        var fund = content.LibraryFund;
        yield return Body(
            $"Các tổ chức, cá nhân, cha mẹ học sinh đã cam kết tài trợ {Money(fund.PledgedVnd)}; đã tiếp nhận {Money(fund.ReceivedVnd)} tiền mặt và hiện vật " +
            $"trị giá ước tính {Money(fund.InKindReceivedVnd)}, trong đó {Number(fund.BooksReceived)} cuốn sách; đã phân bổ {Money(fund.AllocatedVnd)} cho các tủ sách. " +
            $"Toàn phường có {Number(fund.Bookshelves)} tủ sách, thư viện được xây dựng, bổ sung với {Number(fund.DigitalResources)} tài nguyên số; " +
            $"{Number(fund.Donors)} nhà tài trợ.");
        if (fund.Note is { } note)
        {
            yield return Paragraph(Justified(), Text($"Ghi chú: {note}", italic: true));
        }

        yield return Heading("IV. ĐÁNH GIÁ CHUNG");
        yield return Subheading("1. Ưu điểm");
        if (content.Assessment is { } assessment)
        {
            foreach (var paragraph in Lines(assessment))
            {
                yield return Body(paragraph);
            }
        }

        foreach (var quote in content.Highlights)
        {
            yield return Body($"- {quote.UnitName}: {quote.Text}");
        }

        yield return Subheading("2. Khó khăn, hạn chế");
        foreach (var quote in content.Difficulties)
        {
            yield return Body($"- {quote.UnitName}: {quote.Text}");
        }

        if (content.Difficulties.Count == 0)
        {
            yield return Body("Các đơn vị không nêu khó khăn, hạn chế.");
        }

        yield return Heading("V. ĐỀ XUẤT, KIẾN NGHỊ");
        if (content.Proposals is { } proposals)
        {
            foreach (var paragraph in Lines(proposals))
            {
                yield return Body(paragraph);
            }
        }

        foreach (var quote in content.UnitProposals)
        {
            yield return Body($"- {quote.UnitName}: {quote.Text}");
        }

        yield return Body($"Trên đây là báo cáo {Lower(content.Title)} của {content.IssuingBody}./.");
    }

    private static Table Header(WardReportContent content)
    {
        var left = new TableCell(
            Width(3754),
            Paragraph(Center(), Text(Upper(content.ParentAuthority), size: TableSize)),
            Paragraph(Center(), Text(Upper(content.IssuingBody), bold: true, size: TableSize)),
            Paragraph(Center(), Text("――――――", size: HeaderSize)),
            Paragraph(Center(), Text($"Số: {content.Number ?? "      /BC-UBND"}", size: HeaderSize)));
        var right = new TableCell(
            Width(5600),
            Paragraph(Center(), Text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold: true, size: TableSize)),
            Paragraph(Center(), Text("Độc lập - Tự do - Hạnh phúc", bold: true)),
            Paragraph(Center(), Text("―――――――――――――", size: HeaderSize)),
            Paragraph(Center(), Text(PlaceAndDate(content.Place, content.ReportDate), italic: true)));
        return Borderless(new TableRow(left, right), [3754, 5600]);
    }

    private static Table Closing(WardReportContent content)
    {
        var recipients = new TableCell(Width(4200), Paragraph(Left(), Text("Nơi nhận:", bold: true, italic: true, size: TableSize)));
        for (var i = 0; i < content.Recipients.Count; i++)
        {
            var last = i == content.Recipients.Count - 1;
            recipients.Append(Paragraph(Left(), Text($"- {content.Recipients[i]}{(last ? "." : ";")}", size: 22)));
        }

        var signature = content.Signature;
        var sign = new TableCell(Width(5200));
        sign.Append(Paragraph(Center(), Text(Upper(signature.Authority), bold: true)));
        if (signature.OnBehalfOf is { } onBehalf)
        {
            sign.Append(Paragraph(Center(), Text(Upper(onBehalf), bold: true)));
        }

        sign.Append(Paragraph(Center(), Text(Upper(signature.Position), bold: true)));
        for (var i = 0; i < 4; i++)
        {
            sign.Append(Paragraph(Center(), Text("")));
        }

        sign.Append(Paragraph(Center(), Text(signature.Signer, bold: true)));
        return Borderless(new TableRow(recipients, sign), [4200, 5200]);
    }

    private static Table Table(string[] head, IReadOnlyList<string[]> rows, string[] total, int[] widths)
    {
        var table = new Table(new TableProperties(
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 }),
            new TableWidth { Type = TableWidthUnitValues.Dxa, Width = widths.Sum().ToString(System.Globalization.CultureInfo.InvariantCulture) },
            new TableJustification { Val = TableRowAlignmentValues.Center }));
        table.Append(new TableGrid([.. widths.Select(width => new GridColumn { Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture) })]));
        table.Append(Row(head, widths, bold: true));
        foreach (var row in rows)
        {
            table.Append(Row(row, widths, bold: false));
        }

        table.Append(Row(total, widths, bold: true));
        return table;
    }

    private static TableRow Row(string[] cells, int[] widths, bool bold) =>
        new([.. cells.Select((text, i) => new TableCell(Width(widths[i]),
            Paragraph(i == 1 && !bold ? Left() : Center(), Text(text, bold: bold, size: TableSize))))]);

    private static Table Borderless(TableRow row, int[] widths)
    {
        var table = new Table(new TableProperties(
            new TableBorders(
                new TopBorder { Val = BorderValues.None }, new BottomBorder { Val = BorderValues.None },
                new LeftBorder { Val = BorderValues.None }, new RightBorder { Val = BorderValues.None },
                new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None }),
            new TableWidth { Type = TableWidthUnitValues.Dxa, Width = widths.Sum().ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        table.Append(new TableGrid([.. widths.Select(width => new GridColumn { Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture) })]));
        table.Append(row);
        return table;
    }

    private static TableCellProperties Width(int width) =>
        new(new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    private static Paragraph Heading(string text) => Paragraph(Justified(indent: true), Text(text, bold: true));

    private static Paragraph Subheading(string text) => Paragraph(Justified(indent: true), Text(text, bold: true, italic: true));

    private static Paragraph Caption(string text) => Paragraph(Center(), Text(text, bold: true, italic: true, size: TableSize));

    private static Paragraph Body(string text) => Paragraph(Justified(indent: true), Text(text));

    private static Paragraph Paragraph(ParagraphProperties properties, Run run) => new(properties, run);

    private static ParagraphProperties Center() => new(new Justification { Val = JustificationValues.Center }, new SpacingBetweenLines { After = "0" });

    private static ParagraphProperties Left() => new(new Justification { Val = JustificationValues.Left }, new SpacingBetweenLines { After = "0" });

    private static ParagraphProperties Justified(bool indent = false) => new(
        new Justification { Val = JustificationValues.Both },
        new SpacingBetweenLines { Before = "60", After = "60", Line = "276", LineRule = LineSpacingRuleValues.Auto },
        new Indentation { FirstLine = indent ? "567" : "0" });

    private static Run Text(string text, bool bold = false, bool italic = false, int size = BodySize)
    {
        var properties = new RunProperties(new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font });
        if (bold)
        {
            properties.Append(new Bold());
        }

        if (italic)
        {
            properties.Append(new Italic());
        }

        properties.Append(new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        return new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                new FontSize { Val = BodySize.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                new Languages { Val = "vi-VN" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "0" }))));
        styles.Styles.Save();
    }

    /// <summary>A4 portrait; margins 20 mm top and bottom, 30 mm left, 15 mm right.</summary>
    private static SectionProperties PageSetup() => new(
        new PageSize { Width = 11906U, Height = 16838U, Orient = PageOrientationValues.Portrait },
        new PageMargin { Top = 1134, Bottom = 1134, Left = 1701U, Right = 851U, Header = 567U, Footer = 567U, Gutter = 0U });

    private static IEnumerable<string> Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Lower(string text) => text.Length == 0 ? text : char.ToLower(text[0], System.Globalization.CultureInfo.GetCultureInfo("vi-VN")) + text[1..];
}
