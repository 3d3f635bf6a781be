using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace LearningWeek.EventSourcing.Following;

public static class FeedFollowingExtensions
{
    /// <summary>
    /// Catches <typeparamref name="TConsumer"/> up from <paramref name="publisher"/>'s feed (see
    /// <see cref="FeedFollower"/>) when <c>Following:Enabled</c> is true (the AppHost sets it): at
    /// <c>http://{publisher}</c> by service discovery, or the address in
    /// <c>Following:Addresses:{publisher}</c>. The events it reads are those the consumer consumes.
    /// Without the setting (a service tested alone) the consumer follows the bus alone.
    /// </summary>
    public static IHostApplicationBuilder FollowFeed<TConsumer>(this IHostApplicationBuilder builder, string publisher, string queue, string inbox)
        where TConsumer : class, IConsumer
    {
        if (!builder.Configuration.GetValue("Following:Enabled", false))
        {
            return builder;
        }

        var address = builder.Configuration[$"Following:Addresses:{publisher}"] is { Length: > 0 } configured ? configured : $"http://{publisher}";

        var contracts = typeof(TConsumer).GetInterfaces()
            .Where(type => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IConsumer<>))
            .Select(type => type.GetGenericArguments()[0])
            .ToHashSet();
        var following = new FeedFollowing(
            publisher,
            new Uri(new Uri(address.TrimEnd('/') + "/"), $"api/{publisher}/events"),
            queue,
            inbox,
            contracts,
            builder.Configuration.GetValue("Following:Interval", TimeSpan.FromMinutes(1)));

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<FollowerTokens>();
        builder.Services.AddHttpClient(FollowerTokens.HttpClientName);
        builder.Services.AddHttpClient($"feed:{publisher}");
        builder.Services.AddSingleton<IHostedService>(services => ActivatorUtilities.CreateInstance<FeedFollower>(services, following));
        return builder;
    }
}
