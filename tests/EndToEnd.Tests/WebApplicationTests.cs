using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Deque.AxeCore.Playwright;
using LearningWeek.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LearningWeek.EndToEnd.Tests;

/// <summary>
/// The web application in a real browser, on a system of its own, with a scenario made the way
/// units make it (their systems post through the gateway): TH-PHULE reported two activities and
/// submitted its report, MN-PHUCLE one and submitted; TH-TAMHUNG has not started (its teacher
/// reports in the browser, last); every submission is after the sample plan's
/// deadline (15/10/2025), so both are late and the five other schools are missing (only the seven schools must report). The tests are
/// steps of one story, in the order written: each sees what the steps before it left.
/// </summary>
[Collection(WebSystemCollection.Name)]
[TestMethodOrderer(typeof(InDeclarationOrder))]
public sealed class WebApplicationTests(WebSystem system) : IAsyncLifetime
{
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private Guid _planId;

    public async ValueTask InitializeAsync()
    {
        (_playwright, _browser) = await Browser.LaunchAsync();
        _planId = await Scenario.EnsureAsync(system);
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    [Fact]
    public async Task A_ward_officer_signs_in_and_sees_the_plan_with_the_scenario_s_figures()
    {
        var page = await SignedInAsync("canbo.vhxh");

        await Expect(page.GetByTestId("plan-title")).ToHaveTextAsync("Kế hoạch tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2025");
        await Expect(page.GetByTestId("plan-theme")).ToContainTextAsync("Học tập để phát triển bản thân");
        await Expect(page.GetByTestId("plan-period")).ToHaveTextAsync("Thời gian tổ chức: từ ngày 01/10/2025 đến ngày 07/10/2025");
        await Expect(page.GetByTestId("units-deadline")).ToContainTextAsync("trước ngày 15/10/2025");
        await Expect(page.GetByTestId("units-countdown")).ToContainTextAsync("đã quá hạn");
        await Expect(page.GetByTestId("completeness")).ToHaveTextAsync("28,6%"); // 2 of the 7 schools
        await Expect(page.GetByTestId("timeliness")).ToHaveTextAsync("0%");
        await Expect(page.GetByTestId("activity-reports")).ToHaveTextAsync("3");
        await Expect(page.GetByTestId("signed-in-as")).ToContainTextAsync("Nguyễn Thị Hạnh");
        await WebPages.ScreenshotAsync(page, "overview");
    }

    [Fact]
    public async Task The_progress_table_flags_late_and_missing_units_and_searches_without_diacritics()
    {
        var page = await SignedInAsync("canbo.vhxh", "/progress");

        await Expect(page.GetByTestId("timeliness-TH-PHULE")).ToHaveTextAsync("Muộn");
        await Expect(page.GetByTestId("timeliness-THCS-LAPLE")).ToHaveTextAsync("Quá hạn, chưa nộp");
        await Expect(page.Locator("tr.unit-late")).ToHaveCountAsync(2);
        await Expect(page.Locator("tr.unit-missing")).ToHaveCountAsync(5);
        await WebPages.ScreenshotAsync(page, "progress");

        await WebPages.WaitUntilInteractiveAsync(page);
        await page.GetByLabel("Tìm đơn vị (tên hoặc mã)").FillAsync("tieu hoc pha le");
        await Expect(page.Locator("[data-testid=progress-table] tbody tr")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("timeliness-TH-PHULE")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Results_show_totals_by_activity_line_by_day_and_by_group_of_participants()
    {
        var page = await SignedInAsync("canbo.vhxh", "/results");

        await Expect(page.GetByTestId("results-totals")).ToHaveTextAsync("Tổng cộng 3 hoạt động, 3 buổi, 450 lượt người tham gia.");
        await Expect(page.GetByTestId("results-by-line")).ToContainTextAsync("3.2. Tuyên truyền về vai trò của tự học, học tập suốt đời");
        await Expect(page.GetByTestId("results-by-day")).ToContainTextAsync("02/10/2025");
        await Expect(page.GetByTestId("results-by-group").Locator("tr", new() { HasText = "Học sinh" })).ToContainTextAsync("360");
        await Expect(page.GetByTestId("results-by-group").Locator("tr", new() { HasText = "Phụ huynh" })).ToContainTextAsync("60");
        await WebPages.ScreenshotAsync(page, "results");
    }

    [Fact]
    public async Task A_ward_officer_returns_a_report_with_a_reason_and_sees_its_status_change()
    {
        var page = await SignedInAsync("canbo.vhxh", "/units/MN-PHUCLE");
        await Expect(page.GetByTestId("unit-report-status")).ToContainTextAsync("Đã nộp, chờ duyệt");
        await WebPages.WaitUntilInteractiveAsync(page);

        await page.GetByTestId("return").ClickAsync(); // no reason yet: refused at the field
        await Expect(page.GetByText("Bắt buộc nhập.")).ToBeVisibleAsync();
        await page.GetByLabel("Lý do trả lại").FillAsync("Bổ sung số liệu phụ huynh tham gia.");
        await page.GetByTestId("return").ClickAsync();

        await Expect(page.GetByTestId("unit-report-status")).ToContainTextAsync("Bị trả lại");
        await Expect(page.GetByTestId("history")).ToContainTextAsync("Trả lại báo cáo kết quả: Bổ sung số liệu phụ huynh tham gia.");
        await Expect(page.GetByTestId("history")).ToContainTextAsync("MN-PHUCLE"); // its system submitted
        await Expect(page.GetByTestId("history")).ToContainTextAsync("canbo.vhxh"); // the officer, in person, returned it
        var report = await (await system.SignedInClientAsync("MN-PHUCLE"))
            .GetFromJsonAsync<JsonElement>($"/api/reporting/plans/{_planId}/units/MN-PHUCLE/report", TestContext.Current.CancellationToken);
        Assert.Equal("returned", report.GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_activity_reported_through_the_API_appears_live_without_reloading()
    {
        var page = await SignedInAsync("canbo.vhxh", "/live");
        await Expect(page.GetByTestId("live-events")).ToContainTextAsync("Ban hành kế hoạch");
        await WebPages.WaitUntilInteractiveAsync(page);
        var title = $"Tọa đàm đọc sách {Guid.NewGuid():N}"[..28];

        await Scenario.ReportActivityAsync(system, _planId, "TH-LAPLE", title);

        await Expect(page.GetByTestId("live-events")).ToContainTextAsync($"TH-LAPLE báo cáo hoạt động “{title}”");
    }

    [Fact]
    public async Task A_teacher_reports_an_activity_with_Vietnamese_errors_at_the_field_corrects_it_and_submits_the_unit_report()
    {
        var page = await SignedInAsync("gv.thtamhung");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Báo cáo của đơn vị TH-TAMHUNG" })).ToBeVisibleAsync();
        await WebPages.WaitUntilInteractiveAsync(page);
        var school = await system.SignedInClientAsync("TH-TAMHUNG");

        await page.GetByLabel("Nội dung trong kế hoạch").SelectOptionAsync("3.2");
        await page.GetByLabel("Tên hoạt động").FillAsync("Ngày hội đọc sách của trường");
        await page.GetByLabel("Ngày tổ chức").FillAsync("2025-10-20"); // after the Week, and no reason given
        await page.GetByLabel("Địa điểm").FillAsync("Sân trường");
        await page.GetByLabel("Học sinh").FillAsync("350");
        await page.GetByTestId("save-activity").ClickAsync();

        await Expect(page.GetByText("Ngày tổ chức ngoài thời gian của Tuần lễ: cần nêu lý do")).ToBeVisibleAsync();
        Assert.Empty(await ActivitiesOf(school, "TH-TAMHUNG"));
        await WebPages.ScreenshotAsync(page, "unit-activity-error");

        await page.GetByLabel("Ngày tổ chức").FillAsync("2025-10-03");
        await page.GetByTestId("save-activity").ClickAsync();
        await Expect(page.GetByTestId("my-activities")).ToContainTextAsync("Ngày hội đọc sách của trường");
        await Expect(page.GetByTestId("my-activities")).ToContainTextAsync("03/10/2025");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sửa Ngày hội đọc sách của trường" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sửa báo cáo hoạt động “Ngày hội đọc sách của trường”" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Học sinh")).ToHaveValueAsync("350"); // the form holds the report being corrected
        await page.GetByLabel("Phụ huynh").FillAsync("40");
        await page.GetByTestId("save-activity").ClickAsync();
        await Expect(page.GetByTestId("my-activities")).ToContainTextAsync("Đã sửa 1 lần");
        await Expect(page.GetByTestId("my-activities")).ToContainTextAsync("390");

        await page.GetByLabel("Kết quả thực hiện").FillAsync("Trường đã tổ chức ngày hội đọc sách cho toàn thể học sinh.");
        await page.GetByTestId("submit-report").ClickAsync();
        await Expect(page.GetByTestId("unit-report-status")).ToContainTextAsync("Đã nộp, chờ duyệt");

        var activity = Assert.Single(await ActivitiesOf(school, "TH-TAMHUNG"));
        Assert.Equal(["gv.thtamhung", "gv.thtamhung"], activity.GetProperty("history").EnumerateArray().Select(entry => entry.GetProperty("by").GetString()));
        var report = await school.GetFromJsonAsync<JsonElement>($"/api/reporting/plans/{_planId}/units/TH-TAMHUNG/report", TestContext.Current.CancellationToken);
        Assert.Equal("gv.thtamhung", report.GetProperty("submissions")[0].GetProperty("submittedBy").GetString());
    }

    [Fact]
    public async Task Unit_staff_see_no_other_unit_and_no_officer_action()
    {
        var page = await SignedInAsync("gv.thtamhung", "/units/TH-PHULE");

        await Expect(page.GetByText("Tài khoản của bạn không có quyền xem trang này.")).ToBeVisibleAsync();
        await Expect(page.GetByText("Ngày hội văn hoá đọc")).ToHaveCountAsync(0);
        await page.GotoAsync(new Uri(system.PublicUrl, "/progress").ToString());
        await Expect(page.GetByText("Tài khoản của bạn không có quyền xem trang này.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Tiến độ báo cáo" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_ward_officer_records_a_receipt_and_an_allocation_and_the_public_ledger_shows_them_without_personal_data()
    {
        var page = await SignedInAsync("canbo.vhxh", "/fund");
        await WebPages.WaitUntilInteractiveAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Ghi nhận tiếp nhận Ủng hộ mua sách" }).ClickAsync();
        await page.GetByLabel("Số biên nhận").FillAsync("BN-01");
        await page.GetByLabel("Ngày nhận").FillAsync("2025-10-05");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        var row = page.GetByTestId("pledges").Locator("tr", new() { HasText = "Ủng hộ mua sách" });
        await Expect(row).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"15\.000\.000 đ\s+15\.000\.000 đ\s+0 đ")); // pledged, received, not yet allocated

        await page.GetByRole(AriaRole.Button, new() { Name = "Phân bổ Ủng hộ mua sách" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync(); // the donor's shelf and the whole amount are proposed
        await Expect(row).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"15\.000\.000 đ\s+15\.000\.000 đ\s+15\.000\.000 đ"));

        var visitor = await WebPages.NewPageAsync(_browser); // anyone, not signed in
        await Eventually.Get(async () =>
            {
                await visitor.GotoAsync(new Uri(system.PublicUrl, "/public/ledger").ToString());
                return await visitor.GetByTestId("cash-received").First.TextContentAsync();
            },
            until: received => received == "15.000.000 đ");
        await Expect(visitor.GetByTestId("cash-pledged").First).ToHaveTextAsync("17.000.000 đ");
        await Expect(visitor.GetByTestId("cash-allocated").First).ToHaveTextAsync("15.000.000 đ");
        await Expect(visitor.GetByTestId("ledger-lines").First).ToContainTextAsync("Cá nhân (không công khai tên)");
        var content = await visitor.ContentAsync();
        Assert.DoesNotContain("Nguyễn Văn Tư", content);
        Assert.DoesNotContain("0912 345 678", content);
        await WebPages.ScreenshotAsync(visitor, "public-ledger");
    }

    [Fact]
    public async Task A_ward_officer_compiles_downloads_and_submits_the_ward_report()
    {
        var page = await SignedInAsync("canbo.vhxh", "/ward-report");
        await WebPages.WaitUntilInteractiveAsync(page);

        await page.GetByLabel("Số văn bản (ví dụ 123/BC-UBND)").FillAsync("45/BC-UBND");
        await page.GetByLabel("Đánh giá chung").FillAsync("Các trường hưởng ứng tích cực.");
        await page.GetByTestId("compile").ClickAsync();
        await Expect(page.GetByTestId("ward-report-status")).ToContainTextAsync("Bản nháp");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download").ClickAsync());
        var file = Path.Combine(WebPages.ScreenshotFolder, "bao-cao-tong-hop.docx");
        await download.SaveAsAsync(file);
        Assert.EndsWith(".docx", download.SuggestedFilename);
        using (var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(file, false))
        {
            var text = document.MainDocumentPart!.Document!.Body!.InnerText;
            Assert.Contains("45/BC-UBND", text);
            Assert.Contains("Nam Triệu", text);
            Assert.Contains("Các trường hưởng ứng tích cực.", text);
        }

        await page.GetByTestId("submit-ward-report").ClickAsync();
        await Expect(page.GetByTestId("ward-report-status")).ToContainTextAsync("Đã gửi Sở GD&ĐT");
        await Expect(page.GetByTestId("compile")).ToHaveCountAsync(0); // frozen once submitted
    }

    [Fact]
    public async Task A_ward_officer_creates_and_disables_an_account_and_rotates_a_unit_s_secret()
    {
        var officer = await SignedInAsync("canbo.vhxh", "/access");
        await WebPages.WaitUntilInteractiveAsync(officer);

        await officer.GetByLabel("Tên đăng nhập").FillAsync("gv.mnphucle");
        await officer.GetByLabel("Họ tên").FillAsync("Lê Thị Mai");
        await officer.GetByLabel("Mã đơn vị (với cán bộ đơn vị)").FillAsync("MN-PHUCLE");
        await officer.GetByTestId("create-account").ClickAsync();
        var password = await officer.GetByTestId("shown-once").Locator("code").TextContentAsync();
        Assert.False(string.IsNullOrEmpty(password));

        var teacher = await WebPages.NewPageAsync(_browser);
        await WebPages.SignInAsync(teacher, system.PublicUrl, "gv.mnphucle", password!);
        await Expect(teacher.GetByRole(AriaRole.Heading, new() { Name = "Báo cáo của đơn vị MN-PHUCLE" })).ToBeVisibleAsync();

        await officer.GetByRole(AriaRole.Button, new() { Name = "Vô hiệu hoá gv.mnphucle" }).ClickAsync();
        await Expect(officer.GetByTestId("accounts").Locator("tr", new() { HasText = "gv.mnphucle" })).ToContainTextAsync("Đã vô hiệu hoá");
        var again = await WebPages.NewPageAsync(_browser);
        await WebPages.SignInAsync(again, system.PublicUrl, "gv.mnphucle", password!);
        await Expect(again.GetByText("Tài khoản này đã bị vô hiệu hoá")).ToBeVisibleAsync();

        await officer.GetByRole(AriaRole.Button, new() { Name = "Cấp lại khoá bí mật cho NVH-TDP3" }).ClickAsync();
        await Expect(officer.GetByTestId("shown-once")).ToContainTextAsync("NVH-TDP3");
        var secret = await officer.GetByTestId("shown-once").Locator("code").TextContentAsync();
        var gateway = system.CreateGatewayClient();
        Assert.Equal(HttpStatusCode.Unauthorized, await TokenStatus(gateway, "NVH-TDP3", "local-NVH-TDP3"));
        Assert.Equal(HttpStatusCode.OK, await TokenStatus(gateway, "NVH-TDP3", secret!));
        await WebPages.ScreenshotAsync(officer, "access");
    }

    [Fact]
    public async Task Wrong_passwords_lock_an_account_even_against_the_right_one()
    {
        var page = await WebPages.NewPageAsync(_browser);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await WebPages.SignInAsync(page, system.PublicUrl, "vanhanh", $"sai-mat-khau-{attempt}");
            await Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        }

        await WebPages.SignInAsync(page, system.PublicUrl, "vanhanh", "local-vanhanh");

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Tài khoản tạm khoá vì nhập sai mật khẩu nhiều lần");
    }

    [Fact]
    public async Task The_main_pages_have_no_serious_accessibility_violations()
    {
        var officer = await SignedInAsync("canbo.vhxh");
        var violations = new List<string>();
        foreach (var path in new[] { "/", "/progress", "/units/TH-PHULE", "/results", "/ward-report", "/fund", "/live", "/access" })
        {
            await officer.GotoAsync(new Uri(system.PublicUrl, path).ToString());
            await WebPages.WaitUntilInteractiveAsync(officer);
            violations.AddRange(await SeriousViolations(officer, path));
        }

        var teacher = await WebPages.NewPageAsync(_browser);
        await teacher.GotoAsync(new Uri(system.PublicUrl, "/").ToString());
        violations.AddRange(await SeriousViolations(teacher, "sign-in page"));
        await WebPages.SignInAsync(teacher, system.PublicUrl, "gv.thtamhung", "local-gv.thtamhung", "/my-unit");
        await WebPages.WaitUntilInteractiveAsync(teacher);
        violations.AddRange(await SeriousViolations(teacher, "/my-unit"));
        var visitor = await WebPages.NewPageAsync(_browser);
        await visitor.GotoAsync(new Uri(system.PublicUrl, "/public/ledger").ToString());
        violations.AddRange(await SeriousViolations(visitor, "/public/ledger"));

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public async Task The_application_fits_a_phone()
    {
        var page = await WebPages.NewPageAsync(_browser, width: 390, height: 844);
        await WebPages.SignInAsync(page, system.PublicUrl, "canbo.vhxh", "local-canbo.vhxh");
        await Expect(page.GetByTestId("completeness")).ToBeVisibleAsync();

        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "the overview scrolls sideways on a phone");
        await WebPages.ScreenshotAsync(page, "overview-phone");
    }

    /// <summary>A new browser page of a seeded person (password <c>local-{user name}</c>), signed in and sent to <paramref name="path"/>.</summary>
    private async Task<IPage> SignedInAsync(string userName, string path = "/")
    {
        var page = await WebPages.NewPageAsync(_browser);
        await WebPages.SignInAsync(page, system.PublicUrl, userName, $"local-{userName}", path);
        return page;
    }

    private static async Task<IEnumerable<string>> SeriousViolations(IPage page, string where)
    {
        var results = await page.RunAxe();
        return results.Violations
            .Where(violation => violation.Impact is "serious" or "critical")
            .Select(violation => $"{where}: {violation.Id} ({violation.Impact}) {violation.Help}: " +
                string.Join(" | ", violation.Nodes.Take(3).Select(node => $"{node.Target} {node.Html}")));
    }

    private static async Task<HttpStatusCode> TokenStatus(HttpClient gateway, string clientId, string secret)
    {
        using var response = await gateway.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        }));
        return response.StatusCode;
    }

    private async Task<List<JsonElement>> ActivitiesOf(HttpClient client, string unit) =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/api/reporting/activities?planId={_planId}&unitCode={unit}", TestContext.Current.CancellationToken))
            .GetProperty("items").EnumerateArray()];
}

/// <summary>The web tests' scenario, made once per system through the API as the units' systems would.</summary>
internal static class Scenario
{
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static Guid? _planId;

    public static async Task<Guid> EnsureAsync(WebSystem system)
    {
        await Once.WaitAsync();
        try
        {
            if (_planId is { } known)
            {
                return known;
            }

            var officer = await system.SignedInClientAsync("ward-officer");
            var planId = await Eventually.Get(async () =>
                    (await officer.GetFromJsonAsync<JsonElement>("/api/planning/plans?status=issued")).GetProperty("items").EnumerateArray()
                    .Select(plan => plan.GetProperty("id").GetGuid()).FirstOrDefault(),
                until: id => id != Guid.Empty);
            foreach (var unit in new[] { "TH-PHULE", "MN-PHUCLE", "TH-LAPLE", "TH-TAMHUNG" })
            {
                var client = await system.SignedInClientAsync(unit);
                await Eventually.Get(async () => (await client.GetAsync($"/api/reporting/plans/{planId}/units/{unit}/report")).StatusCode,
                    until: status => status == HttpStatusCode.OK);
            }

            await ReportActivityAsync(system, planId, "TH-PHULE", "Ngày hội văn hoá đọc");
            await ReportActivityAsync(system, planId, "TH-PHULE", "Tủ sách góc lớp");
            await ReportActivityAsync(system, planId, "MN-PHUCLE", "Kể chuyện theo tranh");
            await SubmitAsync(system, planId, "TH-PHULE");
            await SubmitAsync(system, planId, "MN-PHUCLE");
            await FundAsync(system, planId);
            await Eventually.Get(async () => (await officer.GetFromJsonAsync<JsonElement>($"/api/reporting/plans/{planId}/progress"))
                    .GetProperty("ward").GetProperty("submitted").GetInt32(),
                until: submitted => submitted == 2);
            _planId = planId;
            return planId;
        }
        finally
        {
            Once.Release();
        }
    }

    public static async Task ReportActivityAsync(LocalSystem system, Guid planId, string unit, string title)
    {
        var client = await system.SignedInClientAsync(unit);
        using var response = await client.PostAsJsonAsync("/api/reporting/activities", new
        {
            planId,
            lineCode = "3.2",
            title,
            heldOn = "2025-10-02",
            location = "Thư viện trường",
            formats = new[] { "Ngày hội văn hoá đọc" },
            participants = new { students = 120, teachersAndStaff = 10, parents = 20 },
            sessions = 1,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    /// <summary>MN-PHUCLE's classroom bookshelf; its parents' association pledges 15.000.000 đ for it, and a resident 2.000.000 đ.</summary>
    private static async Task FundAsync(LocalSystem system, Guid planId)
    {
        var school = await system.SignedInClientAsync("MN-PHUCLE");
        var shelf = await Eventually.Get(async () => await school.PostAsJsonAsync("/api/library-fund/bookshelves", new
        {
            planId,
            kind = "classroom",
            name = "Tủ sách lớp Chồi",
            location = "Lớp Chồi 1",
            establishedOn = "2025-10-01",
            physicalBooks = 120,
        }),
            until: response => response.StatusCode == HttpStatusCode.Created); // the fund opens when Library Fund learns the plan
        var bookshelfId = (await shelf.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var pledge = await school.PostAsJsonAsync("/api/library-fund/pledges", new
        {
            planId,
            donor = new { kind = "parents-association", name = "Ban đại diện cha mẹ học sinh" },
            giftKind = "money",
            description = "Ủng hộ mua sách",
            quantity = 15_000_000,
            bookshelfId,
        });
        Assert.True(pledge.StatusCode == HttpStatusCode.Created, await pledge.Content.ReadAsStringAsync());
        using var resident = await school.PostAsJsonAsync("/api/library-fund/pledges", new
        {
            planId,
            donor = new { kind = "individual", name = "Nguyễn Văn Tư", contact = "0912 345 678" },
            giftKind = "money",
            description = "Ủng hộ của người dân",
            quantity = 2_000_000,
        });
        Assert.True(resident.StatusCode == HttpStatusCode.Created, await resident.Content.ReadAsStringAsync());
    }

    private static async Task SubmitAsync(LocalSystem system, Guid planId, string unit)
    {
        var client = await system.SignedInClientAsync(unit);
        using var response = await client.PostAsJsonAsync($"/api/reporting/plans/{planId}/units/{unit}/report", new
        {
            results = "Đơn vị đã tổ chức các hoạt động hưởng ứng Tuần lễ theo kế hoạch.",
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }
}
