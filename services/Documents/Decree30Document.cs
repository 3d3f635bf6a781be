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
/// administrative documents, its Appendix I): A4 portrait, margins 20 mm top and bottom, 30 mm
/// left, 15 mm right, Times New Roman; on the left the governing authority (none for a People's
/// Committee, which is itself the authority), the issuing body in bold with a short line under it,
/// and the number; on the right the national title, the motto with a line as long as it, place and
/// date in italics; the kind of document and its summary in bold with a short line; the body in
/// 14 pt; recipients on the left and the signature block on the right, kept together on one page
/// with the closing paragraph and with room for the signature and the seal; page numbers centred
/// at the top from the second page on.
/// </summary>
public sealed class Decree30Document
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private const string Font = "Times New Roman";
    private const int BodySize = 28; // half-points: 14 pt
    private const int SmallSize = 24; // 12 pt
    private const int HeaderSize = 26; // 13 pt

    /// <summary>Width of the text between the margins, in twips (A4 210 mm less 30 and 15 mm).</summary>
    private const int TextWidth = 11906 - 1701 - 851;

    /// <summary>Space left for the signature and the seal above the signer's name: 30 mm.</summary>
    private const int SignatureSpace = 1701;

    private readonly List<OpenXmlElement> _body = [];

    public Decree30Document(DocumentHeader header, string kind, string summary)
    {
        _body.Add(Header(header));
        _body.Add(Paragraph(Center(), Text(kind, bold: true)));
        _body.Add(Paragraph(Center(), Text(summary, bold: true)));
        _body.Add(Rule(TextWidth, 2400));
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
        _body.Add(Paragraph(Justified(indent: true, keepNext: true), Text(text, bold: true)));
        return this;
    }

    /// <summary>A sub-heading (1., 2., …).</summary>
    public Decree30Document Subheading(string text)
    {
        _body.Add(Paragraph(Justified(indent: true, keepNext: true), Text(text, bold: true, italic: true)));
        return this;
    }

    /// <summary>A table with its caption, head row, rows and a bold total row (if any); widths in twips.</summary>
    public Decree30Document Table(string caption, string[] head, IReadOnlyList<string[]> rows, string[]? total, int[] widths)
    {
        _body.Add(Paragraph(Center(keepNext: true), Text(caption, bold: true, italic: true, size: SmallSize)));
        var table = new Table(new TableProperties
        {
            TableWidth = new TableWidth { Type = TableWidthUnitValues.Dxa, Width = Twips(widths.Sum()) },
            TableJustification = new TableJustification { Val = TableRowAlignmentValues.Center },
            TableBorders = new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 }),
        });
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

    /// <summary>
    /// Recipients (Nơi nhận) and the signature block; then the document is complete. The last body
    /// paragraph keeps with the block, and the block's row never breaks across a page, so the
    /// signer's name never lands alone on a new page.
    /// </summary>
    public byte[] Close(IReadOnlyList<string> recipients, DocumentSignature signature)
    {
        if (_body.LastOrDefault() is Paragraph last)
        {
            var properties = last.ParagraphProperties ?? last.PrependChild(new ParagraphProperties());
            properties.KeepNext = new KeepNext();
        }

        var left = new TableCell(Width(4200), Paragraph(Left(keepNext: true), Text("Nơi nhận:", bold: true, italic: true, size: SmallSize)));
        for (var i = 0; i < recipients.Count; i++)
        {
            left.Append(Paragraph(Left(keepNext: true), Text($"- {recipients[i]}{(i == recipients.Count - 1 ? "." : ";")}", size: 22)));
        }

        var right = new TableCell(Width(5154));
        right.Append(Paragraph(Center(keepNext: true), Text(Upper(signature.Authority), bold: true)));
        if (signature.OnBehalfOf is { } onBehalf)
        {
            right.Append(Paragraph(Center(keepNext: true), Text(Upper(onBehalf), bold: true)));
        }

        right.Append(Paragraph(Center(keepNext: true), Text(Upper(signature.Position), bold: true)));
        var name = Paragraph(Center(keepNext: true), Text(signature.Signer, bold: true));
        name.ParagraphProperties!.SpacingBetweenLines = new SpacingBetweenLines { Before = Twips(SignatureSpace), After = "0" };
        right.Append(name);
        var row = new TableRow(new TableRowProperties(new CantSplit()), left, right);
        _body.Add(Borderless(row, [4200, 5154]));

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
            var pageNumbers = main.AddNewPart<HeaderPart>();
            pageNumbers.Header = new Header(new Paragraph(new OpenXmlElement[] { Center() }.Concat(PageNumber())));
            pageNumbers.Header.Save();
            var firstPage = main.AddNewPart<HeaderPart>();
            firstPage.Header = new Header(new Paragraph(Center()));
            firstPage.Header.Save();
            var body = new Body();
            body.Append(_body.Select(element => element.CloneNode(true)));
            body.Append(new SectionProperties(
                new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(pageNumbers) },
                new HeaderReference { Type = HeaderFooterValues.First, Id = main.GetIdOfPart(firstPage) },
                new PageSize { Width = 11906U, Height = 16838U, Orient = PageOrientationValues.Portrait },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1701U, Right = 851U, Header = 567U, Footer = 567U, Gutter = 0U },
                new TitlePage()));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    /// <summary>The page number, 14 pt upright, as a PAGE field (Word fills it in on every page).</summary>
    private static Run[] PageNumber() =>
    [
        new Run(TextProperties(bold: false, italic: false, BodySize), new FieldChar { FieldCharType = FieldCharValues.Begin }),
        new Run(TextProperties(bold: false, italic: false, BodySize), new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
        new Run(TextProperties(bold: false, italic: false, BodySize), new FieldChar { FieldCharType = FieldCharValues.Separate }),
        new Run(TextProperties(bold: false, italic: false, BodySize), new Text("2")),
        new Run(TextProperties(bold: false, italic: false, BodySize), new FieldChar { FieldCharType = FieldCharValues.End }),
    ];

    /// <summary>
    /// A short horizontal line, centred in a space <paramref name="space"/> twips wide: an empty
    /// paragraph indented on both sides whose bottom border is the line (a real line, not characters).
    /// </summary>
    private static Paragraph Rule(int space, int length)
    {
        var indent = Twips(Math.Max(0, (space - length) / 2));
        return new Paragraph(new ParagraphProperties
        {
            ParagraphBorders = new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 6, Space = 1, Color = "000000" }),
            SpacingBetweenLines = new SpacingBetweenLines { Before = "0", After = "120", Line = "120", LineRule = LineSpacingRuleValues.Exact },
            Indentation = new Indentation { Left = indent, Right = indent },
        });
    }

    /// <summary>
    /// The header lines of Appendix I: a People's Committee is its own authority, so it has no
    /// governing-authority line and its name takes two bold lines (ỦY BAN NHÂN DÂN / PHƯỜNG NAM
    /// TRIỆU); any other body has the authority above it, regular, and its own name in bold.
    /// </summary>
    private static Table Header(DocumentHeader header)
    {
        const int leftWidth = 3754;
        const int rightWidth = 5600;
        var left = new TableCell(Width(leftWidth));
        foreach (var (line, bold) in IssuerLines(header))
        {
            left.Append(Paragraph(Center(), Text(line, bold: bold, size: HeaderSize)));
        }

        left.Append(Rule(leftWidth, 1200));
        left.Append(Paragraph(Center(), Text($"Số: {header.Number ?? "      " + header.NumberSuffix}", size: HeaderSize)));
        var right = new TableCell(
            Width(rightWidth),
            Paragraph(Center(), Text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold: true, size: SmallSize)),
            Paragraph(Center(), Text(Motto, bold: true)),
            Rule(rightWidth, MottoLength),
            Paragraph(Center(), Text(PlaceAndDate(header.Place, header.Date), italic: true)));
        return Borderless(new TableRow(left, right), [leftWidth, rightWidth]);
    }

    private const string Motto = "Độc lập - Tự do - Hạnh phúc";

    /// <summary>The motto's length in 14 pt bold Times New Roman, in twips: the line under it is as long.</summary>
    private const int MottoLength = 3600;

    private const string PeoplesCommittee = "ỦY BAN NHÂN DÂN";

    private static IReadOnlyList<(string Line, bool Bold)> IssuerLines(DocumentHeader header)
    {
        var body = Upper(header.IssuingBody.Trim()).Replace("UỶ BAN", "ỦY BAN", StringComparison.Ordinal);
        if (body.StartsWith(PeoplesCommittee + " ", StringComparison.Ordinal))
        {
            return [(PeoplesCommittee, true), (body[(PeoplesCommittee.Length + 1)..], true)];
        }

        return string.IsNullOrWhiteSpace(header.ParentAuthority)
            ? [(body, true)]
            : [(Upper(header.ParentAuthority.Trim()), false), (body, true)];
    }

    private static TableRow Row(string[] cells, int[] widths, bool bold) =>
        new([.. cells.Select((text, i) => new TableCell(Width(widths[i]),
            Paragraph(i == 1 && !bold ? Left() : Center(), Text(text, bold: bold, size: SmallSize))))]);

    private static Table Borderless(TableRow row, int[] widths)
    {
        var table = new Table(new TableProperties
        {
            TableWidth = new TableWidth { Type = TableWidthUnitValues.Dxa, Width = Twips(widths.Sum()) },
            TableBorders = new TableBorders(
                new TopBorder { Val = BorderValues.None }, new LeftBorder { Val = BorderValues.None },
                new BottomBorder { Val = BorderValues.None }, new RightBorder { Val = BorderValues.None },
                new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None }),
        });
        table.Append(Grid(widths));
        table.Append(row);
        return table;
    }

    private static TableGrid Grid(int[] widths) => new([.. widths.Select(width => new GridColumn { Width = Twips(width) })]);

    private static TableCellProperties Width(int width) => new(new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = Twips(width) });

    private static Paragraph Paragraph(ParagraphProperties properties, Run run) => new(properties, run);

    // The typed properties put the elements in the order the schema requires (keepNext, spacing, ind, jc).
    private static ParagraphProperties Center(bool keepNext = false) => new()
    {
        KeepNext = keepNext ? new KeepNext() : null,
        SpacingBetweenLines = new SpacingBetweenLines { After = "0" },
        Justification = new Justification { Val = JustificationValues.Center },
    };

    private static ParagraphProperties Left(bool keepNext = false) => new()
    {
        KeepNext = keepNext ? new KeepNext() : null,
        SpacingBetweenLines = new SpacingBetweenLines { After = "0" },
        Justification = new Justification { Val = JustificationValues.Left },
    };

    private static ParagraphProperties Justified(bool indent = false, bool keepNext = false) => new()
    {
        KeepNext = keepNext ? new KeepNext() : null,
        SpacingBetweenLines = new SpacingBetweenLines { Before = "60", After = "60", Line = "276", LineRule = LineSpacingRuleValues.Auto },
        Indentation = new Indentation { FirstLine = indent ? "567" : "0" },
        Justification = new Justification { Val = JustificationValues.Both },
    };

    private static Run Text(string text, bool bold = false, bool italic = false, int size = BodySize) =>
        new(TextProperties(bold, italic, size), new Text(text) { Space = SpaceProcessingModeValues.Preserve });

    private static RunProperties TextProperties(bool bold, bool italic, int size)
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
        return properties;
    }

    private static string Twips(int value) => value.ToString(CultureInfo.InvariantCulture);
}
