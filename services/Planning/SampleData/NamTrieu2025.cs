using LearningWeek.Planning.Plans;
using LearningWeek.Planning.Units;

namespace LearningWeek.Planning.SampleData;

/// <summary>
/// The sample data of local runs: the 2025 Lifelong Learning Week plan of the People's Committee
/// of Nam Triệu ward (Hải Phòng), as written in its source document, and a realistic set of the
/// ward's units (the names are samples, not an official register).
/// </summary>
public static class NamTrieu2025
{
    public const string WardCode = "HP-NAMTRIEU";

    public static readonly IReadOnlyList<RegisterUnit.Request> Units =
    [
        new("UBND-NAMTRIEU", "Ủy ban nhân dân phường Nam Triệu (Phòng Văn hoá - Xã hội)", UnitKind.Office, WardCode),
        new("MN-TAMHUNG", "Trường Mầm non Tam Hưng", UnitKind.Kindergarten, WardCode),
        new("MN-PHUCLE", "Trường Mầm non Phục Lễ", UnitKind.Kindergarten, WardCode),
        new("TH-TAMHUNG", "Trường Tiểu học Tam Hưng", UnitKind.Primary, WardCode),
        new("TH-PHULE", "Trường Tiểu học Phả Lễ", UnitKind.Primary, WardCode),
        new("TH-LAPLE", "Trường Tiểu học Lập Lễ", UnitKind.Primary, WardCode),
        new("THCS-TAMHUNG", "Trường THCS Tam Hưng", UnitKind.LowerSecondary, WardCode),
        new("THCS-LAPLE", "Trường THCS Lập Lễ", UnitKind.LowerSecondary, WardCode),
        new("MTTQ-NAMTRIEU", "Ủy ban MTTQ Việt Nam phường Nam Triệu", UnitKind.FatherlandFront, WardCode),
        new("HPN-NAMTRIEU", "Hội Liên hiệp Phụ nữ phường Nam Triệu", UnitKind.MassOrganisation, WardCode),
        new("DTN-NAMTRIEU", "Đoàn Thanh niên phường Nam Triệu", UnitKind.MassOrganisation, WardCode),
        new("CCB-NAMTRIEU", "Hội Cựu chiến binh phường Nam Triệu", UnitKind.MassOrganisation, WardCode),
        new("HKH-NAMTRIEU", "Hội Khuyến học phường Nam Triệu", UnitKind.MassOrganisation, WardCode),
        new("NVH-TDP3", "Nhà văn hoá Tổ dân phố số 3", UnitKind.CultureHouse, WardCode),
        new("NVH-TDP7", "Nhà văn hoá Tổ dân phố số 7", UnitKind.CultureHouse, WardCode),
    ];

    public const string Theme =
        "Học tập để phát triển bản thân, làm chủ tri thức và công nghệ, góp phần xây dựng phường Nam Triệu phát triển, văn minh và hiện đại";

    public static readonly PlanContent Content = new(
        Title: "Kế hoạch tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2025",
        Year: 2025,
        IssuingBody: "Ủy ban nhân dân phường Nam Triệu",
        Place: "Nam Triệu",
        LegalBasis: new LegalBasis("3929/QĐ-UBND", new DateOnly(2025, 10, 1), "UBND thành phố Hải Phòng"),
        ParentPlanId: null,
        Purposes:
        [
            "Nâng cao nhận thức của các tầng lớp nhân dân, cán bộ, công chức, viên chức, người lao động về vai trò, ý nghĩa của việc học tập, " +
            "đặc biệt là tự học và học tập suốt đời gắn với việc làm chủ tri thức và công nghệ đối với sự phát triển của mỗi cá nhân; từ đó phát huy " +
            "sức mạnh con người Việt Nam, phục vụ sự nghiệp phát triển nhanh, bền vững của đất nước trong bối cảnh chuyển đổi số, hội nhập quốc tế. " +
            "Qua đó, góp phần nâng cao năng lực cạnh tranh quốc gia, phát triển nguồn nhân lực chất lượng cao đáp ứng yêu cầu công nghiệp hoá, " +
            "hiện đại hoá đất nước, xây dựng phường Nam Triệu phát triển, văn minh và hiện đại.",
            "Tăng cường sự lãnh đạo, chỉ đạo của các cấp uỷ, chính quyền; sự phối hợp chặt chẽ, hiệu quả của các tổ chức chính trị - xã hội, " +
            "tổ chức xã hội - nghề nghiệp, cộng đồng doanh nghiệp và toàn xã hội trong việc hưởng ứng Tuần lễ, bảo đảm tính thiết thực, hiệu quả, lan toả sâu rộng.",
            "Tổ chức các hoạt động của Tuần lễ với nội dung, hình thức phong phú, đa dạng, sáng tạo, phù hợp với điều kiện thực tiễn của địa phương, " +
            "đơn vị nhà trường. Chú trọng ứng dụng công nghệ thông tin, truyền thông và các nền tảng số nhằm tạo cơ hội học tập bình đẳng, " +
            "thuận lợi cho người dân, đặc biệt là các đối tượng yếu thế.",
        ],
        Theme: Theme,
        Period: new Period(new DateOnly(2025, 10, 1), new DateOnly(2025, 10, 7)),
        Deadlines: new Deadlines(UnitsReportBefore: new DateOnly(2025, 10, 15), WardReportBefore: new DateOnly(2025, 10, 20)),
        Recipients:
        [
            "TT Đảng ủy, HĐND",
            "Lãnh đạo UBND phường",
            "UBMTTQVN phường",
            "Thủ trưởng các phòng ban",
            "Các trường Mầm non, Tiểu học, THCS",
            "Lưu: VT",
        ],
        Signature: new SignatureBlock("TM. UỶ BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Đức Dũng"));

    private static readonly UnitKind[] Schools = [UnitKind.Kindergarten, UnitKind.Primary, UnitKind.LowerSecondary];

    public static readonly IReadOnlyList<ActivityLine> ActivityLines =
    [
        new("3.1", "Tổ chức Lễ khai mạc Tuần lễ",
            $"Tổ chức Lễ khai mạc Tuần lễ với chủ đề: “{Theme}”.",
            ["Lễ khai mạc"], []),
        new("3.2", "Tuyên truyền về vai trò của tự học, học tập suốt đời",
            "Đẩy mạnh công tác tuyên truyền về vai trò của tự học, học tập suốt đời gắn với việc chủ động làm chủ tri thức và công nghệ. " +
            "Đa dạng hóa các hoạt động thư viện nhằm tạo môi trường thuận lợi cho học sinh tiếp cận thường xuyên với sách. Việc tuyên truyền gắn với " +
            "các khẩu hiệu của UNESCO: “Học để biết, học để làm, học để chung sống, học để tự khẳng định mình”.",
            ["Lồng ghép trong hoạt động chào cờ", "Sinh hoạt nhóm", "Sinh hoạt lớp", "Sinh hoạt chuyên đề", "Treo khẩu hiệu",
                "Ngày hội văn hoá đọc", "Tủ sách góc lớp", "Thư viện điện tử"],
            []),
        new("3.3", "Bồi dưỡng kỹ năng số cơ bản và nâng cao cho viên chức, nhân viên nhà trường",
            "Tổ chức bồi dưỡng các lớp kỹ năng số cơ bản và nâng cao cho đội ngũ viên chức, nhân viên nhà trường như: sử dụng công cụ trực tuyến " +
            "(văn phòng điện tử qlvb.hpnet.vn; mạng xã hội học tập...), giúp học sinh, giáo viên được rèn luyện kỹ năng số trong môi trường làm việc thực tế.",
            ["Lớp kỹ năng số cơ bản", "Lớp kỹ năng số nâng cao", "Văn phòng điện tử", "Mạng xã hội học tập"],
            Schools),
        new("3.4", "Hướng dẫn sử dụng các nền tảng học tập trực tuyến và kho học liệu số",
            "Hướng dẫn và sử dụng các nền tảng học tập trực tuyến, ứng dụng di động vào kho học liệu số. Tổ chức các buổi trải nghiệm sử dụng " +
            "khoá học trực tuyến đại chúng mở (MOOC), sách điện tử, công cụ tạo bài giảng, trợ lý ảo học tập, nền tảng dữ liệu tri thức; hướng dẫn và " +
            "khuyến khích người dân hình thành thói quen khai thác tri thức số mọi lúc mọi nơi.",
            ["Trải nghiệm MOOC", "Sách điện tử", "Công cụ tạo bài giảng", "Trợ lý ảo học tập", "Nền tảng dữ liệu tri thức"],
            []),
        new("3.5", "Huy động tổ chức, cá nhân đầu tư thiết bị, tủ sách; xây dựng thư viện số, tủ sách số",
            "Huy động các tổ chức, cá nhân đầu tư thiết bị, tủ sách cho các cơ sở giáo dục; huy động cha mẹ học sinh tích cực tham gia xây dựng " +
            "tủ sách lớp học, tủ sách phụ huynh; phát động phong trào xây dựng thư viện số, tủ sách số tại trường học, các thư viện, tủ sách tại các " +
            "nhà văn hoá Tổ dân phố; khuyến khích sử dụng thư viện điện tử dùng chung.",
            ["Tủ sách lớp học", "Tủ sách phụ huynh", "Thư viện số", "Tủ sách số", "Thư viện điện tử dùng chung"],
            []),
        new("3.6", "Cuộc thi lập trình, lớp thực hành, trải nghiệm công nghệ, diễn đàn đổi mới sáng tạo",
            "Khuyến khích các cuộc thi lập trình, các lớp thực hành, trải nghiệm công nghệ, diễn đàn đổi mới sáng tạo nhằm thu hút đông đảo người học " +
            "tham gia, rèn luyện tinh thần sáng tạo, tự học, khởi nghiệp và làm chủ công nghệ.",
            ["Cuộc thi lập trình", "Lớp thực hành", "Trải nghiệm công nghệ", "Diễn đàn đổi mới sáng tạo"],
            []),
    ];

    public static readonly IReadOnlyList<Responsibility> Responsibilities =
    [
        new("Phòng Văn hoá - Xã hội", [], ["UBND-NAMTRIEU"],
        [
            "Tham mưu xây dựng và ban hành Kế hoạch tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2025; tổng hợp báo cáo kết quả triển khai, " +
            "báo cáo Ủy ban nhân dân phường và gửi báo cáo về Sở Giáo dục và Đào tạo trước ngày 20/10/2025.",
            "Chỉ đạo các trường mầm non, Tiểu học, THCS trên địa bàn triển khai thực hiện Tuần lễ bằng các hoạt động phù hợp với học sinh trong nhà trường.",
            "Tổ chức tuyên truyền về ý nghĩa, nội dung của Tuần lễ hưởng ứng học tập suốt đời năm 2025.",
        ], Reporting.ToDepartment),
        new("Uỷ ban MTTQ Việt Nam phường và các tổ chức đoàn thể", [UnitKind.FatherlandFront, UnitKind.MassOrganisation], [],
        [
            "Tuyên truyền, vận động đoàn viên, hội viên hưởng ứng và tham gia tích cực các hoạt động của Tuần lễ đảm bảo hiệu quả, thiết thực.",
        ], Reporting.None), // III.2 asks them to spread the word and take part; only the schools report (III.3)
        new("Các đơn vị trường học", Schools, [],
        [
            "Căn cứ vào kế hoạch của UBND phường xây dựng kế hoạch và tổ chức thực hiện hưởng ứng Tuần lễ đạt kết quả cao, báo cáo về UBND phường " +
            "trước ngày 15/10/2025 (qua phòng Văn hoá - Xã hội).",
        ], Reporting.ToWard),
    ];
}
