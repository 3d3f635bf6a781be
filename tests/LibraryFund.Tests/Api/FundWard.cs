using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LearningWeek.Contracts.Planning;
using LearningWeek.EventSourcing;
using LearningWeek.LibraryFund.Funds;
using LearningWeek.Testing;
using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using LearningWeek.EventSourcing.Following;

namespace LearningWeek.LibraryFund.Tests.Api;

/// <summary>
/// A ward of its own on the shared LibraryFund service: Planning's part played on the bus (its
/// plan issued, a school, a second school and a culture house registered, as its publisher would
/// send them), then clients for the ward's officer, the schools, the city and the public.
/// </summary>
public sealed class FundWard
{
    private static long _sequence = 1000;
    private readonly LibraryFundService _service;

    private FundWard(LibraryFundService service)
    {
        _service = service;
        var suffix = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        Ward = $"HP-T{suffix}";
        School = $"TH-{suffix}";
        OtherSchool = $"THCS-{suffix}";
        CultureHouse = $"NVH-{suffix}";
    }

    public string Ward { get; }

    public Guid PlanId { get; } = Guid.NewGuid();

    public string School { get; }

    public string OtherSchool { get; }

    public string CultureHouse { get; }

    public HttpClient Officer => _service.CreateClient(TestTokens.WardOfficer(Ward));

    public HttpClient SchoolClient => _service.CreateClient(TestTokens.Unit(School, Ward));

    public HttpClient OtherSchoolClient => _service.CreateClient(TestTokens.Unit(OtherSchool, Ward));

    public HttpClient City => _service.CreateClient(TestTokens.City());

    public HttpClient Public => _service.CreateClient();

    public IDocumentStore Store => _service.Factory.Services.GetRequiredService<IDocumentStore>();

    public static async Task<FundWard> OpenAsync(LibraryFundService service)
    {
        var ward = new FundWard(service);
        await ward.Publish(ward.Issued());
        await ward.Publish(ward.Registered(ward.School, "Trường Tiểu học Tam Hưng", "primary"));
        await ward.Publish(ward.Registered(ward.OtherSchool, "Trường THCS Lập Lễ", "lower-secondary"));
        await ward.Publish(ward.Registered(ward.CultureHouse, "Nhà văn hoá Tổ dân phố số 3", "culture-house"));
        await using var session = ward.Store.QuerySession();
        await Eventually.Get(
            async () => (await session.LoadAsync<Fund>(ward.PlanId), await session.LoadAsync<KnownUnit>(ward.CultureHouse)),
            until: found => found.Item1 is not null && found.Item2 is not null);
        return ward;
    }

    public PlanIssued Issued() => new(
        PlanId, Ward, "Kế hoạch tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2026", "12/KH-UBND", 2026,
        "Ủy ban nhân dân phường Nam Triệu", "UBND thành phố Hải Phòng", "Nam Triệu",
        new PlanSignature("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Đức Dũng"),
        new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 7),
        [new PlanActivityLine("3.5", "Tủ sách, thư viện số", [])],
        new DateOnly(2026, 10, 15), VietnamTime.StartOf(new DateOnly(2026, 10, 15)),
        new DateOnly(2026, 10, 20), VietnamTime.StartOf(new DateOnly(2026, 10, 20)),
        [], [], DateTimeOffset.UtcNow, Guid.NewGuid(), Interlocked.Add(ref _sequence, 10));

    public UnitRegistered Registered(string code, string name, string kind) =>
        new(code, name, kind, Ward, DateTimeOffset.UtcNow, Guid.NewGuid(), Interlocked.Add(ref _sequence, 10));

    public async Task Publish<T>(T message) where T : class, Contracts.IIntegrationEvent
    {
        var bus = _service.Factory.Services.GetRequiredService<IBus>();
        await bus.Publish(message, context => context.MessageId = message.SourceEventId);
    }

    /// <summary>Publishes an event of any contract type, as its publisher would.</summary>
    public async Task PublishEvent(Contracts.IIntegrationEvent message)
    {
        var bus = _service.Factory.Services.GetRequiredService<IBus>();
        await bus.Publish(message, message.GetType(), context => context.MessageId = message.SourceEventId);
    }

    public object MoneyPledge(long amount = 20_000_000, string? unit = null, string? contact = "0912 345 678") => new
    {
        planId = PlanId,
        donor = new { kind = "organisation", name = "Công ty TNHH Thương mại Tam Hưng", contact },
        giftKind = "money",
        quantity = amount,
        beneficiaryUnitCode = unit ?? School,
    };

    public object BooksPledge(long count = 300, long value = 15_000_000) => new
    {
        planId = PlanId,
        donor = new { kind = "organisation", name = "Công ty TNHH Thương mại Tam Hưng", contact = "0912 345 678" },
        giftKind = "books",
        description = "Sách thiếu nhi, truyện tranh khoa học",
        quantity = count,
        estimatedValueVnd = value,
        beneficiaryUnitCode = School,
    };

    public async Task<(Guid Id, string ETag)> PledgeAsync(object body)
    {
        using var response = await Officer.PostAsJsonAsync("/api/library-fund/pledges", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return (JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid(), response.Headers.ETag!.Tag);
    }

    public async Task<Guid> BookshelfAsync(string kind = "classroom", string? host = null, int books = 0)
    {
        using var response = await Officer.PostAsJsonAsync("/api/library-fund/bookshelves", new
        {
            hostUnitCode = host ?? School,
            planId = PlanId,
            kind,
            name = kind == "digital" ? "Tủ sách số" : "Tủ sách lớp 5A",
            location = kind == "digital" ? "Nhà văn hoá Tổ dân phố số 3" : "Lớp 5A",
            establishedOn = "2026-10-02",
            physicalBooks = books,
        });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
    }

    public async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object body, string? ifMatch = null, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
        };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        }

        return await client.SendAsync(request);
    }

    public Task<HttpResponseMessage> ReceiveAsync(Guid pledge, long quantity, string number, string? ifMatch = null, bool? overDelivery = null, string receivedOn = "2026-10-03") =>
        PostAsync(Officer, $"/api/library-fund/pledges/{pledge}/receipts", new { receiptNumber = number, receivedOn, quantity, overDelivery }, ifMatch);

    public Task<HttpResponseMessage> AllocateAsync(Guid pledge, Guid bookshelf, long quantity, string? ifMatch = null) =>
        PostAsync(Officer, $"/api/library-fund/pledges/{pledge}/allocations", new { bookshelfId = bookshelf, quantity }, ifMatch);

    public async Task<JsonElement> PledgeAsync(Guid id) => await Officer.GetFromJsonAsync<JsonElement>($"/api/library-fund/pledges/{id}");
}
