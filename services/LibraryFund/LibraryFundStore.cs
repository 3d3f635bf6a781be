using JasperFx.Events.Projections;
using LearningWeek.EventSourcing;
using LearningWeek.EventSourcing.Publishing;
using LearningWeek.LibraryFund.Bookshelves;
using LearningWeek.LibraryFund.Funds;
using LearningWeek.LibraryFund.IntegrationEvents;
using LearningWeek.LibraryFund.Ledger;
using LearningWeek.LibraryFund.Pledges;
using LearningWeek.EventSourcing.Following;

namespace LearningWeek.LibraryFund;

public static class LibraryFundStore
{
    /// <summary>
    /// LibraryFund's event store (libraryfunddb, schema libraryfund): bookshelves and pledges as
    /// streams with inline snapshots (the API reads its own writes); the public ledger (a small
    /// document per fund, a line per pledge) and the bookshelves' holdings as async projections; funds and units as documents kept from
    /// Planning's events; receipt numbers claimed per fund; its public events published from the store.
    /// </summary>
    public static IHostApplicationBuilder AddLibraryFundStore(this IHostApplicationBuilder builder)
    {
        builder.AddEventStore("libraryfunddb", schemaName: "libraryfund", options =>
            {
                options.Events.AddEventTypes([
                    typeof(BookshelfEstablished), typeof(DigitalResourceAdded),
                    typeof(DonationPledged), typeof(DonationReceived), typeof(DonationAllocated), typeof(PledgeCancelled),
                ]);
                options.Projections.Snapshot<Bookshelf>(SnapshotLifecycle.Inline);
                options.Projections.Snapshot<Pledge>(SnapshotLifecycle.Inline);
                options.Projections.Add<BookshelfHoldingsProjection>(ProjectionLifecycle.Async);
                options.Projections.Add<FundLedgerProjection>(ProjectionLifecycle.Async);
                options.Projections.Add<LedgerLineProjection>(ProjectionLifecycle.Async);
                options.Schema.For<Fund>().Index(fund => fund.WardCode).UseOptimisticConcurrency(true);
                options.Schema.For<KnownUnit>().DocumentAlias("fundunit").Index(unit => unit.WardCode).UseOptimisticConcurrency(true);
                options.Schema.For<Bookshelf>().Index(shelf => shelf.WardCode).Index(shelf => shelf.HostUnitCode);
                options.Schema.For<Pledge>().Index(pledge => pledge.WardCode).Index(pledge => pledge.PlanId!).Index(pledge => pledge.BeneficiaryUnitCode!);
                options.Schema.For<FundLedger>().Index(ledger => ledger.WardCode).Index(ledger => ledger.PlanId!);
                options.Schema.For<LedgerLine>().Index(line => line.FundKey).Index(line => line.PledgedAt);
                options.Schema.For<ReceiptNumberClaim>();
            })
            .PublishIntegrationEvents<LibraryFundEventMapper>();
        return builder;
    }
}
