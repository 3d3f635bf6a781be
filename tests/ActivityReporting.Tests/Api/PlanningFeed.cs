using LearningWeek.Contracts.Planning;
using LearningWeek.EventSourcing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace LearningWeek.ActivityReporting.Tests.Api;

/// <summary>
/// Plays Planning's part on the bus: publishes its integration events (as its publisher would,
/// MessageId = source event id), in any order and as often as a test wants. Each feed has a ward of
/// its own, so tests sharing a service do not see each other's units.
/// </summary>
public sealed class PlanningFeed(IServiceProvider services)
{
    private static long _sequence = 1000;

    public string Ward { get; } = $"HP-T{Guid.NewGuid():N}"[..12].ToUpperInvariant();

    public static long NextSequence() => Interlocked.Add(ref _sequence, 10);

    public PlanIssued Issued(Guid planId, long sequence, params (string Code, string Kind)[] targets) => new(
        planId, Ward, "Kế hoạch tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2026", "12/KH-UBND", 2026,
        "Ủy ban nhân dân phường Nam Triệu", "UBND thành phố Hải Phòng", "Nam Triệu",
        new PlanSignature("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Đức Dũng"),
        new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 7),
        [new PlanActivityLine("3.2", "Tuyên truyền", []), new PlanActivityLine("3.3", "Kỹ năng số", ["kindergarten", "primary", "lower-secondary"])],
        new DateOnly(2026, 10, 15), VietnamTime.StartOf(new DateOnly(2026, 10, 15)),
        new DateOnly(2026, 10, 20), VietnamTime.StartOf(new DateOnly(2026, 10, 20)),
        [new PlanAudience("Các đơn vị trường học", ["kindergarten", "primary", "lower-secondary"], [], true, new DateOnly(2026, 10, 15), VietnamTime.StartOf(new DateOnly(2026, 10, 15))),
         new PlanAudience("Các tổ chức đoàn thể", ["fatherland-front", "mass-organisation"], [], false, null, null)],
        [.. targets.Select(target => new PlanTargetUnit(target.Code, target.Kind, VietnamTime.StartOf(new DateOnly(2026, 10, 15))))],
        DateTimeOffset.UtcNow, Guid.NewGuid(), sequence);

    public PlanAmended Amended(Guid planId, long sequence, DateOnly unitsBefore) => new(
        planId, Ward, 1, "Gia hạn", unitsBefore, VietnamTime.StartOf(unitsBefore), new DateOnly(2026, 10, 25), VietnamTime.StartOf(new DateOnly(2026, 10, 25)),
        [new PlanActivityLine("3.2", "Tuyên truyền", []), new PlanActivityLine("3.3", "Kỹ năng số", ["kindergarten", "primary", "lower-secondary"])], [],
        [new PlanAudience("Các đơn vị trường học", ["kindergarten", "primary", "lower-secondary"], [], true, unitsBefore, VietnamTime.StartOf(unitsBefore))],
        DateTimeOffset.UtcNow, Guid.NewGuid(), sequence);

    public UnitRegistered Registered(string code, string kind, long sequence) =>
        new(code, $"Đơn vị {code}", kind, Ward, DateTimeOffset.UtcNow, Guid.NewGuid(), sequence);

    public UnitDeactivated Deactivated(string code, long sequence) =>
        new(code, Ward, "Sáp nhập", DateTimeOffset.UtcNow, Guid.NewGuid(), sequence);

    public async Task Publish<T>(T message) where T : class, Contracts.IIntegrationEvent
    {
        var bus = services.GetRequiredService<IBus>();
        await bus.Publish(message, context => context.MessageId = message.SourceEventId);
    }
}
