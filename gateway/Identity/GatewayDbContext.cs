using Microsoft.EntityFrameworkCore;

namespace LearningWeek.Gateway.Identity;

/// <summary>
/// The gateway's own database (<c>gatewaydb</c>): the token issuer's clients, their secrets
/// hashed by OpenIddict, in the <c>identity</c> schema.
/// </summary>
public sealed class GatewayDbContext(DbContextOptions<GatewayDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema("identity");
        base.OnModelCreating(modelBuilder);
    }
}
