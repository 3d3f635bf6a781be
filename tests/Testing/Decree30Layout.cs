using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Xunit;

namespace LearningWeek.Testing;

/// <summary>
/// What Decree 30/2020/NĐ-CP (Appendix I) asks of a document's form, checked on the Word file's
/// structure rather than its text: page and margins, the header lines with their fonts, the short
/// lines drawn as lines, page numbers from the second page, the closing block kept on one page with
/// room for the signature and seal, and no English word.
/// </summary>
public static partial class Decree30Layout
{
    private const string Ellipsis = "―";

    /// <summary>Words of the code's language that must never reach a Vietnamese document.</summary>
    [GeneratedRegex(@"\b(LibraryFund|ActivityReporting|Planning|Reporting|null|true|false|the|and|of|for|report|unit|plan)\b")]
    private static partial Regex English();

    /// <summary>The text of each paragraph of the body, in order (table cells included).</summary>
    public static IReadOnlyList<string> Paragraphs(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), isEditable: false);
        return [.. document.MainDocumentPart!.Document.Body!.Descendants<Paragraph>().Select(paragraph => paragraph.InnerText)];
    }

    /// <summary>Asserts the layout; <paramref name="issuerLines"/> are the header's left lines above the short line, as Appendix I prescribes.</summary>
    public static void AssertHolds(byte[] docx, IReadOnlyList<string> issuerLines, string kind)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), isEditable: false);
        var main = document.MainDocumentPart!;
        var body = main.Document.Body!;

        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document).Select(error => $"{error.Path?.XPath}: {error.Description}"));

        // A4 portrait; margins 20 mm top and bottom, 30 mm left, 15 mm right.
        var section = body.Elements<SectionProperties>().Single();
        var size = section.GetFirstChild<PageSize>()!;
        Assert.Equal((11906U, 16838U), (size.Width!.Value, size.Height!.Value));
        var margin = section.GetFirstChild<PageMargin>()!;
        Assert.Equal((1134, 1134, 1701U, 851U), (margin.Top!.Value, margin.Bottom!.Value, margin.Left!.Value, margin.Right!.Value));

        // Page numbers: centred at the top, a PAGE field, none on the first page.
        Assert.NotNull(section.GetFirstChild<TitlePage>());
        var headers = section.Elements<HeaderReference>().ToDictionary(reference => reference.Type!.Value, reference => (HeaderPart)main.GetPartById(reference.Id!));
        var numbered = Assert.Single(headers[HeaderFooterValues.Default].Header!.Elements<Paragraph>());
        Assert.Equal(JustificationValues.Center, numbered.ParagraphProperties?.Justification?.Val?.Value);
        Assert.Contains(numbered.Descendants<FieldCode>(), code => code.Text.Trim() == "PAGE");
        Assert.Empty(headers[HeaderFooterValues.First].Header!.Descendants<FieldCode>());

        // The header: issuing body on the left (bold where Appendix I says), a real short line under it, the number.
        var header = body.Elements<Table>().First();
        var cells = header.Descendants<TableCell>().ToList();
        var left = cells[0].Elements<Paragraph>().ToList();
        Assert.Equal(issuerLines, left.TakeWhile(paragraph => !IsRule(paragraph)).Select(paragraph => paragraph.InnerText));
        var issuerRule = left.First(IsRule);
        AssertShortLine(issuerRule, cellWidth: Width(cells[0]), min: 700, max: 1900);
        Assert.StartsWith("Số: ", left.Last().InnerText);
        AssertRuns(left[^1], bold: false, italic: false, halfPoints: 26);
        var authority = left.TakeWhile(paragraph => !IsRule(paragraph)).ToList();
        AssertRuns(authority[^1], bold: true, italic: false, halfPoints: 26);

        // The national title, the motto with its line, place and date in italics.
        var right = cells[1].Elements<Paragraph>().ToList();
        Assert.Equal("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", right[0].InnerText);
        AssertRuns(right[0], bold: true, italic: false, halfPoints: 24);
        Assert.Equal("Độc lập - Tự do - Hạnh phúc", right[1].InnerText);
        AssertRuns(right[1], bold: true, italic: false, halfPoints: 28);
        AssertShortLine(right[2], cellWidth: Width(cells[1]), min: 3000, max: 4300);
        Assert.Matches(@"^.+, ngày \d{2} tháng \d{2} năm \d{4}$", right[3].InnerText);
        AssertRuns(right[3], bold: false, italic: true, halfPoints: 28);

        // The kind of document and its summary, bold and centred, with a short line.
        var title = body.Elements<Paragraph>().ToList();
        Assert.Equal(kind, title[0].InnerText);
        AssertRuns(title[0], bold: true, italic: false, halfPoints: 28);
        Assert.Equal(JustificationValues.Center, title[0].ParagraphProperties!.Justification!.Val!.Value);
        Assert.True(IsRule(title[2]), "a line under the summary");

        // Body text: 14 pt, justified, first line indented.
        var text = body.Elements<Paragraph>().Where(paragraph => paragraph.ParagraphProperties?.Justification?.Val?.Value == JustificationValues.Both && paragraph.InnerText.Length > 80).ToList();
        Assert.NotEmpty(text);
        Assert.All(text, paragraph => Assert.All(paragraph.Elements<Run>(), run => Assert.Equal("28", run.RunProperties!.FontSize!.Val!.Value)));

        // The closing: the last paragraph keeps with the block; the block's row never splits; room for signature and seal.
        var closing = body.Elements<Table>().Last();
        var beforeClosing = closing.PreviousSibling<Paragraph>()!;
        Assert.NotNull(beforeClosing.ParagraphProperties?.KeepNext);
        var row = Assert.Single(closing.Elements<TableRow>());
        Assert.NotNull(row.TableRowProperties?.GetFirstChild<CantSplit>());
        var closingCells = row.Elements<TableCell>().ToList();
        Assert.Equal("Nơi nhận:", closingCells[0].Elements<Paragraph>().First().InnerText);
        AssertRuns(closingCells[0].Elements<Paragraph>().First(), bold: true, italic: true, halfPoints: 24);
        var signature = closingCells[1].Elements<Paragraph>().ToList();
        Assert.All(signature.SkipLast(1), paragraph => Assert.NotNull(paragraph.ParagraphProperties?.KeepNext));
        Assert.All(signature, paragraph => AssertRuns(paragraph, bold: true, italic: false, halfPoints: 28));
        Assert.True(int.Parse(signature[^1].ParagraphProperties!.SpacingBetweenLines!.Before!.Value!, System.Globalization.CultureInfo.InvariantCulture) >= 1701,
            "at least 30 mm above the signer's name for the signature and the seal");

        // Lines are lines, not characters; no English anywhere.
        var all = string.Join("\n", body.Descendants<Paragraph>().Select(paragraph => paragraph.InnerText));
        Assert.DoesNotContain(Ellipsis, all);
        Assert.DoesNotContain("-----", all);
        Assert.DoesNotMatch(English(), all);
        Assert.All(body.Descendants<RunFonts>(), font => Assert.Equal("Times New Roman", font.Ascii!.Value));
    }

    private static bool IsRule(Paragraph paragraph) =>
        paragraph.InnerText.Length == 0 && paragraph.ParagraphProperties?.ParagraphBorders?.BottomBorder?.Val?.Value == BorderValues.Single;

    private static void AssertShortLine(Paragraph paragraph, int cellWidth, int min, int max)
    {
        Assert.True(IsRule(paragraph), "a line drawn as the bottom border of an empty paragraph");
        var indentation = paragraph.ParagraphProperties!.Indentation!;
        var (leftIndent, rightIndent) = (int.Parse(indentation.Left!.Value!, System.Globalization.CultureInfo.InvariantCulture), int.Parse(indentation.Right!.Value!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(leftIndent, rightIndent); // centred
        Assert.InRange(cellWidth - leftIndent - rightIndent, min, max);
    }

    private static int Width(TableCell cell) => int.Parse(cell.TableCellProperties!.TableCellWidth!.Width!.Value!, System.Globalization.CultureInfo.InvariantCulture);

    private static void AssertRuns(Paragraph paragraph, bool bold, bool italic, int halfPoints) =>
        Assert.All(paragraph.Elements<Run>(), run =>
        {
            var properties = run.RunProperties!;
            Assert.Equal(bold, properties.Bold is not null);
            Assert.Equal(italic, properties.Italic is not null);
            Assert.Equal(halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture), properties.FontSize!.Val!.Value);
        });
}
