using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using static LearningWeek.Documents.VietnameseText;

namespace LearningWeek.Documents;

/// <summary>Who issues a document: the governing authority, the issuing body, the number, place and date.</summary>
public sealed record DocumentHeader(string ParentAuthority, string IssuingBody, string? Number, string NumberSuffix, string Place, DateOnly Date);

/// <summary>Who signs: TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / the signer's name.</summary>
public sealed record DocumentSignature(string Authority, string? OnBehalfOf, string Position, string Signer);

/// <summary>
/// Builds a Word document in the layout of Decree 30/2020/NĐ-CP (the form of Vietnamese
/// administrative documents): A4 portrait, margins 20 mm top and bottom, 30 mm left, 15 mm right,
/// Times New Roman; the governing authority, issuing body and number on the left and the national
/// title, motto, place and date on the right; the kind of document and its summary as the title;
/// the body; recipients on the left and the signature block on the right.
/// </summary>
public sealed class Decree30Document
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private const string Font = "Times New Roman";
    private const int BodySize = 28; // half-points: 14 pt
    private const int SmallSize = 24; // 12 pt

    private readonly List<OpenXmlElement> _body = [];

    public Decree30Document(DocumentHeader header, string kind, string summary)
    {
        _body.Add(Header(header));
        _body.Add(Paragraph(Center(), Text(kind, bold: true)));
        _body.Add(Paragraph(Center(), Text(summary, bold: true)));
        _body.Add(Paragraph(Center(), Text("―――――――――――", size: SmallSize)));
    }

    /// <summary>Kính gửi: the addressee of a letter, centred under the title.</summary>
    public Decree30Document Addressee(string addressee)
    {
        _body.Add(new Paragraph(Center(), Text("Kính gửi: "), Text(addressee, bold: true)));
        return this;
    }

    /// <summary>A body paragraph: justified, first line indented 1 cm.</summary>
    public Decree30Document Paragraph(string text)
    {
        _body.Add(Paragraph(Justified(indent: true), Text(text)));
        return this;
    }

    public Decree30Document Note(string text)
    {
        _body.Add(Paragraph(Justified(), Text(text, italic: true)));
        return this;
    }

    /// <summary>A section heading (I., II., …).</summary>
    public Decree30Document Heading(string text)
    {
        _body.Add(Paragraph(Justified(indent: true), Text(text, bold: true)));
        return this;
    }

    /// <summary>A sub-heading (1., 2., …).</summary>
    public Decree30Document Subheading(string text)
    {
        _body.Add(Paragraph(Justified(indent: true), Text(text, bold: true, italic: true)));
        return this;
    }

    /// <summary>A table with its caption, head row, rows and a bold total row (if any); widths in twips.</summary>
    public Decree30Document Table(string caption, string[] head, IReadOnlyList<string[]> rows, string[]? total, int[] widths)
    {
        _body.Add(Paragraph(Center(), Text(caption, bold: true, italic: true, size: SmallSize)));
        var table = new Table(new TableProperties(
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 }),
            new TableWidth { Type = TableWidthUnitValues.Dxa, Width = Twips(widths.Sum()) },
            new TableJustification { Val = TableRowAlignmentValues.Center }));
        table.Append(Grid(widths));
        table.Append(Row(head, widths, bold: true));
        foreach (var row in rows)
        {
            table.Append(Row(row, widths, bold: false));
        }

        if (total is not null)
        {
            table.Append(Row(total, widths, bold: true));
        }

        _body.Add(table);
        return this;
    }

    /// <summary>Recipients (Nơi nhận) and the signature block; then the document is complete.</summary>
    public byte[] Close(IReadOnlyList<string> recipients, DocumentSignature signature)
    {
        var left = new TableCell(Width(4200), Paragraph(Left(), Text("Nơi nhận:", bold: true, italic: true, size: SmallSize)));
        for (var i = 0; i < recipients.Count; i++)
        {
            left.Append(Paragraph(Left(), Text($"- {recipients[i]}{(i == recipients.Count - 1 ? "." : ";")}", size: 22)));
        }

        var right = new TableCell(Width(5154));
        right.Append(Paragraph(Center(), Text(Upper(signature.Authority), bold: true)));
        if (signature.OnBehalfOf is { } onBehalf)
        {
            right.Append(Paragraph(Center(), Text(Upper(onBehalf), bold: true)));
        }

        right.Append(Paragraph(Center(), Text(Upper(signature.Position), bold: true)));
        for (var i = 0; i < 4; i++)
        {
            right.Append(Paragraph(Center(), Text("")));
        }

        right.Append(Paragraph(Center(), Text(signature.Signer, bold: true)));
        _body.Add(Borderless(new TableRow(left, right), [4200, 5154]));

        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                    new FontSize { Val = Twips(BodySize) },
                    new Languages { Val = "vi-VN" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "0" }))));
            styles.Styles.Save();
            var body = new Body();
            body.Append(_body.Select(element => element.CloneNode(true)));
            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U, Orient = PageOrientationValues.Portrait },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1701U, Right = 851U, Header = 567U, Footer = 567U, Gutter = 0U }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static Table Header(DocumentHeader header)
    {
        var left = new TableCell(
            Width(3754),
            Paragraph(Center(), Text(Upper(header.ParentAuthority), size: SmallSize)),
            Paragraph(Center(), Text(Upper(header.IssuingBody), bold: true, size: SmallSize)),
            Paragraph(Center(), Text("――――――", size: SmallSize)),
            Paragraph(Center(), Text($"Số: {header.Number ?? "      " + header.NumberSuffix}", size: 26)));
        var right = new TableCell(
            Width(5600),
            Paragraph(Center(), Text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold: true, size: SmallSize)),
            Paragraph(Center(), Text("Độc lập - Tự do - Hạnh phúc", bold: true)),
            Paragraph(Center(), Text("―――――――――――――", size: SmallSize)),
            Paragraph(Center(), Text(PlaceAndDate(header.Place, header.Date), italic: true)));
        return Borderless(new TableRow(left, right), [3754, 5600]);
    }

    private static TableRow Row(string[] cells, int[] widths, bool bold) =>
        new([.. cells.Select((text, i) => new TableCell(Width(widths[i]),
            Paragraph(i == 1 && !bold ? Left() : Center(), Text(text, bold: bold, size: SmallSize))))]);

    private static Table Borderless(TableRow row, int[] widths)
    {
        var table = new Table(new TableProperties(
            new TableBorders(
                new TopBorder { Val = BorderValues.None }, new BottomBorder { Val = BorderValues.None },
                new LeftBorder { Val = BorderValues.None }, new RightBorder { Val = BorderValues.None },
                new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None }),
            new TableWidth { Type = TableWidthUnitValues.Dxa, Width = Twips(widths.Sum()) }));
        table.Append(Grid(widths));
        table.Append(row);
        return table;
    }

    private static TableGrid Grid(int[] widths) => new([.. widths.Select(width => new GridColumn { Width = Twips(width) })]);

    private static TableCellProperties Width(int width) => new(new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = Twips(width) });

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

        properties.Append(new FontSize { Val = Twips(size) });
        return new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    private static string Twips(int value) => value.ToString(CultureInfo.InvariantCulture);
}
