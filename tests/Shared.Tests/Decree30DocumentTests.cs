using LearningWeek.Documents;
using LearningWeek.Testing;

namespace LearningWeek.Shared.Tests;

/// <summary>The Word layout every document of the services shares (Decree 30/2020/NĐ-CP, Appendix I).</summary>
public sealed class Decree30DocumentTests
{
    private static readonly DocumentSignature Signer = new("TM. Ủy ban nhân dân", "KT. Chủ tịch", "Phó Chủ tịch", "Nguyễn Đức Dũng");

    [Fact]
    public void A_peoples_committee_document_of_several_pages_holds_the_layout()
    {
        var document = new Decree30Document(
            new DocumentHeader("UBND thành phố Hải Phòng", "Ủy ban nhân dân phường Nam Triệu", "25/BC-UBND", "/BC-UBND", "Nam Triệu", new DateOnly(2025, 10, 18)),
            "BÁO CÁO", "Kết quả tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2025");
        for (var i = 1; i <= 60; i++)
        {
            document.Heading($"{i}. Nội dung thứ {i}").Paragraph(
                "Các trường học trên địa bàn phường đã tổ chức nhiều hoạt động hưởng ứng Tuần lễ, thu hút đông đảo học sinh, giáo viên và cha mẹ học sinh tham gia.");
        }

        var bytes = document.Close(["Sở Giáo dục và Đào tạo", "Lưu: VT"], Signer);

        // A People's Committee is its own authority: no line for the city above it (Appendix I).
        Decree30Layout.AssertHolds(bytes, ["ỦY BAN NHÂN DÂN", "PHƯỜNG NAM TRIỆU"], "BÁO CÁO");
        Assert.DoesNotContain("UBND THÀNH PHỐ HẢI PHÒNG", Decree30Layout.Paragraphs(bytes));
    }

    [Fact]
    public void An_office_under_an_authority_names_the_authority_above_itself()
    {
        var bytes = new Decree30Document(
                new DocumentHeader("UBND thành phố Hải Phòng", "Sở Giáo dục và Đào tạo", null, "/BC-SGDĐT", "Hải Phòng", new DateOnly(2025, 10, 25)),
                "BÁO CÁO", "Tổng hợp kết quả Tuần lễ hưởng ứng học tập suốt đời năm 2025")
            .Paragraph("Sở Giáo dục và Đào tạo tổng hợp kết quả tổ chức Tuần lễ của các phường, xã trên địa bàn thành phố như sau, theo báo cáo của từng đơn vị.")
            .Close(["UBND thành phố", "Lưu: VT"], new DocumentSignature("Giám đốc", null, "Giám đốc", "Trần Văn A"));

        Decree30Layout.AssertHolds(bytes, ["UBND THÀNH PHỐ HẢI PHÒNG", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"], "BÁO CÁO");
        Assert.Contains("Số:       /BC-SGDĐT", Decree30Layout.Paragraphs(bytes));
    }
}
